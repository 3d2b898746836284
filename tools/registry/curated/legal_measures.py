"""Legal measures against media outlets: one entry per legal act, keyed by outlet id.

EU: entities listed in Annex XV of Council Regulation (EU) No 833/2014 (Art. 2f), from
/work/shared/data/legal-measures/eu_annex_xv_media_compiled.csv, each fact checked:
- 2022/350: adopted 1 March 2022, OJ L 65 of 2 March 2022, applies from 2 March 2022.
- 2022/879: adopted 3 June 2022 (OJ L 153, 3.6.2022); the suspension applies from
  25 June 2022 under Council Implementing Regulation (EU) 2022/994 of 24 June 2022
  (European Audiovisual Observatory, IRIS 2022-7:1/2; Bulgarian regulator CEM notice).
- 2022/2474: adopted 16 December 2022 (9th package; 2022/2475 of the same day); applies
  from 1 February 2023 under Council Implementing Regulation (EU) 2023/180 of 27 January
  2023 (CEM press release of 30 January 2023).
- 2023/427: adopted 25 February 2023 (10th package). Effective date not verified: omitted.
- 2023/1214: adopted 23 June 2023 (IRIS 2023-7:1/4). Secondary reports give 1 October 2023
  as the date the suspension applies; not checked against the act text: omitted.
- 2024/1428: adopted 17 May 2024, applies from 25 June 2024 (Czech regulator CTU notice).
- 2025/395: 16th package, adopted 24 February 2025. The regulation number is cross-checked
  only against secondary references; effective date omitted.
UK / US / CA: see the entries below. UK: Ofcom's revocation of RT's licence and two FCDO
designation rounds (31 March and 4 May 2022). Canada: the CRTC's removal of RT and five listings
under the Special Economic Measures (Russia) Regulations (July 2022 to June 2023), each cited to
a report of the announcement that names the entity; Regnum, which Sputnik's report of the July
2022 round also names, is left out for want of an independent report. The US entries for PRC media (the State Department's
three 2020 foreign-mission designations, with the entities each one named) and for Channel One,
Russia-1 and NTV (OFAC, 8 May 2022) cite the published statements by title and address on the
State Department's archived 2017-2021 site and treasury.gov; they were written from those
statements as published and could not be reopened from this build machine (no network), so the
check before each release is to open every `url` below.
"""

AS_OF = "2026-11-28"


def eli(year, num):
    return f"https://eur-lex.europa.eu/eli/reg/{year}/{num}/oj"


ART2F = "Suspension of broadcasting and distribution in the EU (Regulation (EU) No 833/2014, Art. 2f, Annex XV)"


def eu(entities, act_num, adopted, effective=None, note=""):
    year, num = act_num.split("/")
    m = {"jurisdiction": "EU", "measure": f"{ART2F}: {entities}{note}",
         "act": f"Council Regulation (EU) {act_num}", "adopted": adopted,
         "url": eli(year, num), "as_of": AS_OF}
    if effective:
        m["effective"] = effective
    return m


R350 = ("2022/350", "2022-03-01", "2022-03-02")
R879 = ("2022/879", "2022-06-03", "2022-06-25", "; applies from 25 June 2022 under Council Implementing Regulation (EU) 2022/994")
R2474 = ("2022/2474", "2022-12-16", "2023-02-01", "; applies from 1 February 2023 under Council Implementing Regulation (EU) 2023/180")
R427 = ("2023/427", "2023-02-25", None)
R1214 = ("2023/1214", "2023-06-23", None)
R1428 = ("2024/1428", "2024-05-17", "2024-06-25")
R395 = ("2025/395", "2025-02-24", None)


def e(entities, r):
    note = r[3] if len(r) > 3 else ""
    return eu(entities, r[0], r[1], r[2], note)


OFCOM_RT = {
    "jurisdiction": "UK",
    "measure": "Revocation of the UK broadcast licence held by ANO TV Novosti (RT): licensee not fit and proper",
    "act": "Ofcom decision under the Broadcasting Act 1990 and 1996, 18 March 2022",
    "adopted": "2022-03-18", "effective": "2022-03-18",
    "url": "https://www.ofcom.org.uk/news-centre/2022/ofcom-revokes-rt-broadcast-licence",
    "as_of": AS_OF,
}
CRTC_RT = {
    "jurisdiction": "CA",
    "measure": "Removal of RT and RT France from the List of non-Canadian programming services and stations authorized for distribution",
    "act": "CRTC report in response to Order in Council P.C. 2022-0183, 16 March 2022",
    "adopted": "2022-03-16",
    "url": "https://crtc.gc.ca/eng/publications/reports/rp220316.htm",
    "as_of": AS_OF,
}


def us_fma(names):
    return {
        "jurisdiction": "US",
        "measure": f"Determination as a foreign mission under the Foreign Missions Act: Rossiya Segodnya and subsidiaries ({names})",
        "act": "U.S. Department of State determination under the Foreign Missions Act (22 U.S.C. 4301 et seq.), 4 September 2024",
        "adopted": "2024-09-04",
        "url": "https://pressfreedomtracker.us/all-incidents/state-department-classifies-six-russian-state-owned-news-outlets-foreign-missions",
        "as_of": AS_OF,
    }


FMA_ALL = "RIA Novosti, RT, TV-Novosti, Ruptly, Sputnik"


def us_fma_prc(entities, date, title, slug):
    """The State Department's 2020 designations of PRC media as foreign missions (three rounds)."""
    return {
        "jurisdiction": "US",
        "measure": f"Designation as a foreign mission under the Foreign Missions Act: {entities}",
        "act": f"U.S. Department of State, \"{title}\" (22 U.S.C. 4301 et seq.), {date}",
        "adopted": {"18 February 2020": "2020-02-18", "22 June 2020": "2020-06-22", "21 October 2020": "2020-10-21"}[date],
        "url": f"https://2017-2021.state.gov/{slug}/",
        "as_of": AS_OF,
    }


PRC_FEB = us_fma_prc(
    "Xinhua News Agency, China Global Television Network, China Radio International, China Daily Distribution Corporation, Hai Tian Development USA (People's Daily)",
    "18 February 2020", "Senior State Department Officials on the Office of Foreign Missions Designation of Chinese Media Entities as Foreign Missions",
    "senior-state-department-officials-on-the-office-of-foreign-missions-designation-of-chinese-media-entities-as-foreign-missions")
PRC_JUN = us_fma_prc(
    "China Central Television, China News Service, People's Daily, Global Times",
    "22 June 2020", "Designation of Additional Chinese Media Entities as Foreign Missions",
    "designation-of-additional-chinese-media-entities-as-foreign-missions")
PRC_OCT = us_fma_prc(
    "Yicai Global, Jiefang Daily, Xinmin Evening News, Social Sciences in China Press, Beijing Review, Economic Daily",
    "21 October 2020", "Designation of Additional PRC Propaganda Outlets as Foreign Missions",
    "designation-of-additional-prc-propaganda-outlets-as-foreign-missions")

# Treasury (OFAC) blocking sanctions on three Russian state-controlled television stations.
OFAC_TV = {
    "jurisdiction": "US",
    "measure": "Blocking sanctions (SDN List): Joint Stock Company Channel One Russia, Television Station Russia-1, Joint Stock Company NTV Broadcasting Company",
    "act": "U.S. Department of the Treasury, OFAC designation under Executive Order 14024, 8 May 2022 (press release JY0771)",
    "adopted": "2022-05-08",
    "url": "https://home.treasury.gov/news/press-releases/jy0771",
    "as_of": AS_OF,
}

# UK designations (asset freeze; no dealings) under the Russia (Sanctions) (EU Exit) Regulations
# 2019, announced by the Foreign, Commonwealth and Development Office. The UK sanctions list
# itself is a live document; each entry cites the announcement as republished on the day (the
# Government's own news page reproduced by wired-gov.net; TASS's report of the FCDO statement
# of 4 May 2022, which names the entities).
def uk_designation(entities, date, iso, url):
    return {
        "jurisdiction": "UK",
        "measure": f"Designation for asset freeze under the Russia (Sanctions) (EU Exit) Regulations 2019: {entities}",
        "act": f"Foreign, Commonwealth and Development Office designation, {date}",
        "adopted": iso, "effective": iso, "url": url, "as_of": AS_OF,
    }


UK_MAR22 = uk_designation(
    "ANO TV-Novosti (owner of RT) and Rossiya Segodnya (which runs Sputnik)", "31 March 2022", "2022-03-31",
    "https://www.wired-gov.net/wg/news.nsf/articles/foreign+secretary+announces+sanctions+on+putins+propaganda+31032022132500?open")
UK_MAY22 = uk_designation(
    "VGTRK (All-Russia State Television and Radio Broadcasting Company), InfoRos and the Strategic Culture Foundation",
    "4 May 2022", "2022-05-04", "https://tass.com/world/1446863")


# Canadian listings in Schedule 1 of the Special Economic Measures (Russia) Regulations (a
# dealings ban), each announced by Global Affairs Canada; cited to press reports of the
# announcement that name the entities.
def ca_listing(entities, date, iso, url):
    return {
        "jurisdiction": "CA",
        "measure": f"Listing under the Special Economic Measures (Russia) Regulations (dealings ban): {entities}",
        "act": f"Regulations Amending the Special Economic Measures (Russia) Regulations, {date}",
        "adopted": iso, "url": url, "as_of": AS_OF,
    }


CA_JUL22_TASS = ca_listing("TASS, Channel One, RT, NTV and VGTRK, among 15 entities", "8 July 2022", "2022-07-08",
                           "https://tass.com/politics/1477537")
CA_JUL22 = ca_listing("Roskomnadzor, TASS, RT, Sputnik, VGTRK and Rossiya 1, among 15 entities", "8 July 2022",
                      "2022-07-08", "https://www.urdupoint.com/en/world/canada-imposes-new-sanctions-targeting-russia-1534299.html")
CA_OCT22 = ca_listing("TV Zvezda (Russian Ministry of Defence), with 34 individuals", "17 October 2022", "2022-10-17",
                      "https://www.thestar.com/politics/2022/10/17/canada-sanctions-russian-entities-over-disinformation-including-tv-channel-actors.html")
CA_FEB23 = ca_listing("MIA Rossiya Segodnya (RIA Novosti, Sputnik), United World International, among 16 entities",
                      "3 February 2023", "2023-02-03", "https://globalnews.ca/news/9458824/canada-russia-more-sanctions/")
CA_JUN23 = ca_listing("Rossiyskaya Gazeta, Voice of Europe, Tavria TV, Mariupol 24 and ZaMedia, among 16 entities",
                      "13 June 2023", "2023-06-13",
                      "https://babel.ua/en/amp/news/108079-canada-imposed-new-sanctions-against-russia-propagandists-in-particular-medvedchuk-s-voice-of-europe-came-under-restrictions")

MEASURES = {
    "rt": [
        e("RT - Russia Today English, RT - Russia Today UK, RT - Russia Today Germany, RT - Russia Today France, RT - Russia Today Spanish", R350),
        e("RT Arabic", R427),
        OFCOM_RT,
        UK_MAR22,
        CRTC_RT,
        CA_JUL22,
        us_fma(FMA_ALL),
    ],
    "sputnik": [e("Sputnik", R350), e("Sputnik Arabic", R427), UK_MAR22, CA_JUL22, CA_FEB23, us_fma(FMA_ALL)],
    "ria-novosti": [e("RIA Novosti", R1428), CA_FEB23, us_fma(FMA_ALL)],
    "rtr-planeta": [e("Rossiya RTR / RTR Planeta", R879), UK_MAY22],
    "russia-24": [e("Rossiya 24 / Russia 24", R879), UK_MAY22],
    "tv-centre-international": [e("TV Centre International", R879)],
    "ntv": [e("NTV/NTV Mir", R2474), CA_JUL22_TASS, OFAC_TV],
    "russia-1": [e("Rossiya 1", R2474), UK_MAY22, CA_JUL22, OFAC_TV],
    "ren-tv": [e("REN TV", R2474)],
    "channel-one-russia": [e("Pervyi Kanal", R2474), CA_JUL22_TASS, OFAC_TV],
    "rt-balkan": [e("RT Balkan", R1214)],
    "oriental-review": [e("Oriental Review", R1214)],
    "tsargrad": [e("Tsargrad", R1214)],
    "new-eastern-outlook": [e("New Eastern Outlook", R1214)],
    "katehon": [e("Katehon", R1214)],
    "voice-of-europe": [e("Voice of Europe", R1428), CA_JUN23],
    "izvestia": [e("Izvestia", R1428)],
    "rossiyskaya-gazeta": [e("Rossiiskaya Gazeta", R1428), CA_JUN23],
    "eadaily": [e("EADaily / Eurasia Daily", R395)],
    "fondsk": [e("Fondsk", R395)],
    "lenta": [e("Lenta", R395)],
    "news-front": [e("NewsFront", R395)],
    "rubaltic": [e("RuBaltic", R395)],
    "southfront": [e("SouthFront", R395)],
    "strategic-culture-foundation": [e("Strategic Culture Foundation", R395), UK_MAY22],
    "zvezda": [e("Krasnaya Zvezda / TV Zvezda", R395), CA_OCT22],
    "krasnaya-zvezda": [e("Krasnaya Zvezda / TV Zvezda", R395)],
    "xinhua": [PRC_FEB],
    "xinhua-cn": [PRC_FEB],
    "cgtn": [PRC_FEB],
    "china-radio-international": [PRC_FEB],
    "china-daily": [PRC_FEB],
    "peoples-daily-cn": [PRC_FEB, PRC_JUN],
    "china-central-television": [PRC_JUN],
    "news-cctv": [PRC_JUN],
    "china-internet-news-center": [PRC_JUN],
    "global-times": [PRC_JUN],
    "yicai-global": [PRC_OCT],
    "jiefang-daily": [PRC_OCT],
    "xinmin-evening-news": [PRC_OCT],
    "beijing-review": [PRC_OCT],
    "economic-daily": [PRC_OCT],
    "tass-ru": [CA_JUL22],
}
