"""More domains of registry outlets, found in Wikipedia's "Reliable sources/Perennial sources"
list, which names the domains it sees each source use.

Each domain here is listed under the outlet's own entry there, and is the outlet's (an
edition, a mirror or a former address), not a sister brand's: sister titles with names of
their own (Page Six, Refinery29, NTD, Vision Times), section sites, paths and hosted copies
(pressreader.com, substack.com) are left out. Found by comparing that list's domains with the
registry's (a precision check: `masthead identify --generic-only` called several of these
genuine domains lookalikes of their own outlet while they were missing). The list is CC BY-SA
4.0; only domain names are taken from it, and each domain cites it.
"""

from curated.mk import domains_of

AS_OF = "2026-12-06"
PERENNIAL = "https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources"


def src(entry):
    return {"title": f"Wikipedia: Reliable sources/Perennial sources ({entry} entry)",
            "url": PERENNIAL, "as_of": AS_OF}


def doms(entry, *specs):
    """specs as `mk.domains_of` reads them (the role defaults to edition), each citing `entry`."""
    return [dict(d, source=src(entry)) for d in domains_of(specs, first_role="edition")]


DOMAINS = {
    "bloomberg": doms("Bloomberg", "businessweek.com:former"),
    "breitbart": doms("Breitbart News", "biggovernment.com:former"),
    "business-insider": doms("Business Insider", "thisisinsider.com:former"),
    "china-daily-hk": doms("China Daily", "chinadailyasia.com:edition:en"),
    "daily-mail": doms("Daily Mail", "dailymail.com:edition:en", "dailymail.com.au:edition:en",
                       "mailplus.co.uk:edition:en", "dailym.ai:mirror"),
    "daily-star": doms("Daily Star", "thestar.ie:edition:en"),
    "deseret-news": doms("Deseret News", "deseretnews.com:former"),
    "epoch-times": doms("The Epoch Times", "epochtimes.com:edition:zh", "epochtimes.fr:edition:fr",
                        "epochtimes.cz:edition:cs", "epochtimes.de:edition:de",
                        "epochtimes.co.kr:edition:ko", "epochtimes.co.il:edition:he",
                        "epoch.org.il:edition:he", "epochtimes.it:edition:it",
                        "epochtimes.ru:edition:ru", "epochtimes.se:edition:sv",
                        "epochtimes-romania.com:edition:ro", "etindonesia.com:edition:id",
                        "epoch-archive.com:mirror"),
    "gb-news": doms("GB News", "gbnews.uk:former"),
    "global-times": doms("Global Times", "huanqiu.com:edition:zh"),
    "the-guardian": doms("The Guardian", "theguardian.co.uk:mirror"),
    "huffpost": doms("HuffPost", "huffingtonpost.co.uk:edition:en", "huffingtonpost.ca:edition:en",
                     "huffingtonpost.com.au:edition:en", "huffpostbrasil.com:edition:pt",
                     "huffingtonpost.de:edition:de", "huffingtonpost.es:edition:es",
                     "huffingtonpost.gr:edition:el", "huffingtonpost.in:edition:en",
                     "huffingtonpost.kr:edition:ko", "huffpostmaghreb.com:edition:fr",
                     "huffingtonpost.com.mx:edition:es"),
    "kommersant": doms("Kommersant", "kommersant.com:edition:en", "kommersant.uk:edition:en"),
    "metro-uk": doms("Metro", "metro.news:mirror"),
    "monde-diplomatique": doms("Le Monde diplomatique", "mondediplo.com:edition:en"),
    "newsmax": doms("Newsmax", "newsmaxtv.com:edition:en"),
    "opindia": doms("OpIndia", "opindia.in:mirror"),
    "press-tv": doms("Press TV", "presstv.co.uk:mirror", "presstv.tv:mirror"),
    "republic-world": doms("Republic TV", "republicbharat.com:edition:hi"),
    "the-spectator": doms("The Spectator", "spectator.us:edition:en"),
    "sputnik": doms("Sputnik", "voiceofrussia.com:former", "sputniknews.ru:edition:ru",
                    "sputnik.by:edition", "armeniasputnik.am:edition", "sputnik.kz:edition",
                    "sputniknews.cn:edition:zh", "sputnik.md:edition", "sputnik-georgia.com:edition",
                    "sputnik-abkhazia.ru:edition", "sputnik-abkhazia.info:edition",
                    "sputnik-ossetia.com:edition", "sputnik-ossetia.ru:edition",
                    "sputniknewslv.com:edition", "sputniknews.lt:edition", "sputniknews.lat:edition:es",
                    "latamnews.lat:mirror", "sputniknews.gr:edition:el", "sputniknews-uz.com:edition",
                    "sputniknews.uz:edition", "sputnik-tj.com:edition", "sputnik.az:edition",
                    "sputnik.kg:edition", "sputniknews.africa:edition", "sputnikportal.rs:edition:sr",
                    "sputnikmediabank.com:edition", "sarabic.ae:edition:ar"),
    "the-sun": doms("The Sun", "thesun.ie:edition:en", "thescottishsun.co.uk:edition:en",
                    "the-sun.com:edition:en", "thesun.mobi:mirror"),
    "tasnim-news-agency": doms("Tasnim News Agency", "tasnimnews.ir:edition", "tn.ai:mirror"),
    "telesur-english": doms("Telesur", "telesurtv.net:edition:es"),
    "the-times": doms("The Times", "thesundaytimes.co.uk:edition:en", "timesonline.co.uk:former"),
    "times-of-india": doms("The Times of India", "timesofindia.com:mirror"),
    "vice": doms("Vice Media", "vicetv.com:edition:en"),
    "the-wire": doms("The Wire", "thewirehindi.com:edition:hi", "thewireurdu.com:edition:ur"),
}
