"""Outlets named in EU Annex XV that State_Media_Matrix.csv does not contain.

Name and country come from the act that lists them; each domain's source is named.
"""
AS_OF = "2026-11-28"


def wiki(title):
    return {"title": f"Wikipedia: {title.replace('_', ' ')}", "url": f"https://en.wikipedia.org/wiki/{title}", "as_of": AS_OF}


PERENNIAL = "https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources"

OUTLETS = [
    {"id": "tv-centre-international", "name": "TV Centre International", "names": ["TV Centre", "TVC", "ТВ Центр"],
     "country": "RU", "languages": ["ru"],
     "domains": [{"host": "tvc.ru", "role": "primary"}],
     "source": wiki("TV_Centre_(Russia)")},
    {"id": "rt-balkan", "name": "RT Balkan", "names": ["RT Balkan", "RT Балкан"],
     "country": "RU", "languages": ["sr"],
     "domains": [{"host": "rt.rs", "role": "primary"}],
     "source": wiki("RT_(TV_network)"),
     "parent": {"name": "ANO TV-Novosti (RT)", "type": "state", "source": wiki("RT_(TV_network)")}},
    {"id": "katehon", "name": "Katehon", "names": [],
     "country": "RU", "languages": ["en", "ru"],
     "domains": [{"host": "katehon.com", "role": "primary"}],
     "source": {"title": "Council Regulation (EU) 2023/1214 (entity); domain cross-checked with selfagency/bs-detector data", "url": "https://eur-lex.europa.eu/eli/reg/2023/1214/oj", "as_of": AS_OF}},
    {"id": "voice-of-europe", "name": "Voice of Europe", "names": [],
     "country": "CZ", "languages": ["en"],
     "domains": [{"host": "voiceofeurope.com", "role": "primary"}],
     "source": wiki("Voice_of_Europe")},
    {"id": "eadaily", "name": "EADaily", "names": ["Eurasia Daily", "EurAsia Daily", "ЕАДaily"],
     "country": "RU", "languages": ["ru"],
     "domains": [{"host": "eadaily.com", "role": "primary"}],
     "source": {"title": "Wikipedia: Reliable sources/Perennial sources (EurAsia Daily entry, domain only)", "url": PERENNIAL, "as_of": AS_OF}},
    {"id": "southfront", "name": "SouthFront", "names": ["South Front"],
     "country": "RU", "languages": ["en"],
     "domains": [{"host": "southfront.press", "role": "primary"}, {"host": "southfront.org", "role": "former"}],
     "source": wiki("SouthFront")},
    {"id": "fondsk", "name": "Fondsk", "names": ["Fond strategicheskoy kultury", "Фонд стратегической культуры"],
     "country": "RU", "languages": ["ru"],
     "domains": [{"host": "fondsk.ru", "role": "primary"}],
     "source": {"title": "Council Regulation (EU) 2025/395 (entity); domain: the outlet's own website", "url": "https://eur-lex.europa.eu/eli/reg/2025/395/oj", "as_of": AS_OF}},
    {"id": "rubaltic", "name": "RuBaltic", "names": ["RuBaltic.ru"],
     "country": "RU", "languages": ["ru"],
     "domains": [{"host": "rubaltic.ru", "role": "primary"}],
     "source": {"title": "Council Regulation (EU) 2025/395 (entity); domain: the outlet's own website", "url": "https://eur-lex.europa.eu/eli/reg/2025/395/oj", "as_of": AS_OF}},
    {"id": "krasnaya-zvezda", "name": "Krasnaya Zvezda", "names": ["Red Star", "Красная звезда"],
     "country": "RU", "languages": ["ru"],
     "domains": [{"host": "redstar.ru", "role": "primary"}],
     "source": wiki("Krasnaya_Zvezda"),
     "owner": {"name": "Ministry of Defence of the Russian Federation", "type": "state", "source": wiki("Krasnaya_Zvezda")}},
]
