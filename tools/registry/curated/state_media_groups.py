"""Hand-curated grouping of State_Media_Matrix.csv rows into outlets with editions.

The CSV has one row per asset and host; international broadcasters appear as many rows
(one per language edition) under slightly different company spellings. Each group here
claims the listed hosts (all of which are in the CSV at d878fee) and sets the role and
language of each. Hosts not claimed by a group are grouped automatically by asset name.
Languages here follow the edition named in the CSV row (e.g. "Sputnik Arabic").
"""

WIKI_RT = "https://en.wikipedia.org/wiki/RT_(TV_network)"
WIKI_SPUTNIK = "https://en.wikipedia.org/wiki/Sputnik_(news_agency)"
WIKI_RS = "https://en.wikipedia.org/wiki/Rossiya_Segodnya"

GROUPS = {
    "sputnik": {
        "name": "Sputnik",
        "names": ["Sputnik News", "Sputnik International", "Спутник"],
        "country": "RU",
        "domains": [
            ("sputnikglobe.com", "primary", "en"),
            ("sputniknews.com", "former", "en"),
            ("sputniknews.in", "edition", "en"),
            ("lt.sputniknews.ru", "edition", "lt"),
            ("az.sputniknews.ru", "edition", "az"),
            ("arabic.sputniknews.com", "edition", "ar"),
            ("mundo.sputniknews.com", "edition", "es"),
            ("fr.sputniknews.com", "edition", "fr"),
            ("de.sputniknews.com", "edition", "de"),
            ("br.sputniknews.com", "edition", "pt"),
            ("cn.sputniknews.com", "edition", "zh"),
            ("tr.sputniknews.com", "edition", "tr"),
            ("it.sputniknews.com", "edition", "it"),
            ("jp.sputniknews.com", "edition", "ja"),
            ("sputnik-georgia.ru", "edition", None),
            ("rs.sputniknews.com", "edition", "sr"),
            ("sputniknews.ir", "edition", "fa"),
            ("pl.sputniknews.com", "edition", "pl"),
            ("gr.sputniknews.com", "edition", "el"),
        ],
        "languages": ["en", "ru"],
        "owner": {"name": "Rossiya Segodnya", "type": "state"},
    },
    "rt": {
        "name": "RT",
        "names": ["Russia Today", "RT International", "RT News", "RT Deutsch", "RT DE", "RT France",
                  "RT en Español", "RT Arabic", "RT Documentary", "RT на русском"],
        "country": "RU",
        "domains": [
            ("rt.com", "primary", "en"),
            ("russian.rt.com", "edition", "ru"),
            ("de.rt.com", "edition", "de"),
            ("francais.rt.com", "edition", "fr"),
            ("actualidad.rt.com", "edition", "es"),
            ("arabic.rt.com", "edition", "ar"),
            ("rtd.rt.com", "edition", "en"),
            ("swentr.site", "mirror", "en"),
            ("rtde.world", "mirror", "de"),
            ("rtde.tech", "mirror", "de"),
            ("rtde.website", "mirror", "de"),
            ("test.rtde.life", "mirror", "de"),
            ("test.rtde.website", "mirror", "de"),
            ("gegenzensur.rtde.world", "mirror", "de"),
            ("pressefreiheit.rtde.tech", "mirror", "de"),
            ("esrt.press", "mirror", "es"),
            ("esrt.online", "mirror", "es"),
            ("actualidad-rt.com", "mirror", "es"),
            ("esrt.tech", "mirror", "es"),
        ],
        "languages": ["en", "ru", "de", "fr", "es", "ar"],
        # The CSV's company column says only "RT"; the legal owner is sourced separately.
        "owner": {"name": "ANO TV-Novosti", "type": "state",
                  "source": {"title": "Wikipedia: RT (TV network)", "url": WIKI_RT}},
        "funding": {"model": "state", "note": "Russian federal budget",
                    "source": {"title": "Wikipedia: RT (TV network)", "url": WIKI_RT}},
    },
}

# Preferred ids for well-known outlets (primary host -> id); others get a slug of the name.
ID_OVERRIDES = {
    "ria.ru": "ria-novosti",
    "xinhuanet.com": "xinhua",
    "news.cn": "xinhua",
    "people.com.cn": "peoples-daily",
    "globaltimes.cn": "global-times",
    "cgtn.com": "cgtn",
    "vesti.ru": "russia-24",
    "1tv.ru": "channel-one-russia",
    "tass.ru": "tass",
    "bbc.co.uk": "bbc",
    "bbc.com": "bbc",
    "ntv.ru": "ntv",
    "news-front.info": "news-front",
    "tsargrad.tv": "tsargrad",
    "lenta.ru": "lenta",
    "aa.com.tr": "anadolu-agency",
    "trt.net.tr": "trt",
    "dw.com": "deutsche-welle",
    "rferl.org": "rferl",
    "voanews.com": "voice-of-america",
}
