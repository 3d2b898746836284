"""Import State_Media_Matrix.csv (ASD-at-GMF/state-media-profiles @ d878fee) into outlets.

Rows are grouped into outlets: first by the hand-curated groups in
curated/state_media_groups.py (international broadcasters with language editions), then
automatically: rows of the same country and asset name, and rows sharing a host, form one
outlet. Every host is normalised (lowercase, no scheme, www., port or path). Social-media
hosts and rows without a URL are skipped and logged.
"""
import csv
import os
import re

from common import ASD_SOURCE, COUNTRY, is_social, norm_host, slug
from curated.state_media_groups import GROUPS, ID_OVERRIDES

OWNER_TYPE = {"SC": "state", "CaPu": "state", "CaPr": "private", "ISFM": "public-service",
              "ISM": "public-service"}
TYPOLOGIES = {"SC", "CaPu", "CaPr", "ISFM", "ISF", "ISM", "IP"}
SC_FUNDING_NOTE = ("State-controlled media (SC): the state directly controls funding, "
                   "governance and editorial line")


PREFIX = re.compile(r"^(news agency|print media|print|television|tv|online|radio|web|newspaper|agency)\s*:\s*", re.I)


def clean_name(asset):
    """'News agency: Xinhua' -> ('Xinhua', []); 'Russia-24 (Россия-24)' -> ('Russia-24', ['Россия-24'])."""
    a = PREFIX.sub("", asset).strip()
    aliases = []
    m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", a)
    if m and len(m.group(2)) <= 40 and not re.search(r"\b(control|edition|by|of the|in)\b", m.group(2), re.I):
        aliases.append(m.group(2).strip())
        a = m.group(1).strip()
    return a, aliases


SECOND_LEVEL = {"com", "co", "org", "net", "gov", "gob", "ac", "edu", "or", "ne", "go", "info", "nic", "mil", "news"}

EDITION_LANG = {
    "arabic": "ar", "ar": "ar", "french": "fr", "fr": "fr", "francais": "fr", "spanish": "es",
    "espanol": "es", "mundo": "es", "russian": "ru", "ru": "ru", "german": "de", "de": "de",
    "japanese": "ja", "jp": "ja", "korean": "ko", "english": "en", "en": "en", "eng": "en",
    "portuguese": "pt", "turkish": "tr", "tr": "tr", "ch": "zh", "chinese": "zh", "ur": "ur",
    "urdu": "ur", "persian": "fa", "hindi": "hi", "italian": "it",
}


def registrable(host):
    """Approximate registrable domain (no PSL in stdlib): last two labels, or three under a
    common second-level label such as com.cn or co.uk."""
    parts = host.split(".")
    if len(parts) >= 3 and (parts[-2] in SECOND_LEVEL and len(parts[-1]) == 2):
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def id_base(name):
    s = slug(name.replace("'", "").replace("’", ""))
    parts = s.split("-")
    return "-".join(parts[:5])


def _src(extra):
    s = dict(extra)
    s.setdefault("as_of", "2026-11-28")
    return s


def load(csv_path, log):
    with open(csv_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    claimed = {}
    for gid, g in GROUPS.items():
        for host, _, _ in g["domains"]:
            claimed[host] = gid

    # row index -> host
    items = []
    for i, r in enumerate(rows):
        if not r["Country"].strip():
            log(f"state-media: row {i + 2} skipped: empty row")
            continue
        host = norm_host(r["URL"])
        if host and host.startswith("ww."):
            log(f"state-media: row {i + 2}: host {host} read as {host[3:]} (typo for www.)")
            host = host[3:]
        if not host:
            log(f"state-media: row {i + 2} skipped: no usable URL ({r['Main assets']!r}, {r['Country']})")
            continue
        if is_social(host):
            log(f"state-media: row {i + 2} skipped: social-media host {host}")
            continue
        items.append((i, r, host))

    # union-find over rows
    parent = list(range(len(items)))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first = {}
    for k, (i, r, host) in enumerate(items):
        keys = [("host", host)]
        if host in claimed:
            keys.append(("group", claimed[host]))
        else:
            keys.append(("asset", r["Country"].strip(), r["Main assets"].strip().lower()))
            company = r["Media company"].strip().rstrip("*").strip().lower()
            if company:
                keys.append(("company-domain", r["Country"].strip(), company, registrable(host)))
        for key in keys:
            if key in first:
                union(first[key], k)
            else:
                first[key] = k

    clusters = {}
    for k in range(len(items)):
        clusters.setdefault(find(k), []).append(k)

    outlets = []
    used_ids = set()
    RESERVED = set(ID_OVERRIDES.values()) | set(GROUPS)
    for root in sorted(clusters):
        members = [items[k] for k in clusters[root]]
        gid = next((claimed[h] for _, _, h in members if h in claimed), None)
        r0 = members[0][1]
        cc = COUNTRY[r0["Country"].strip()]
        typologies = sorted({r["Typology"].strip() for _, r, _ in members})
        companies = []
        for _, r, _ in members:
            c = r["Media company"].strip().rstrip("*").strip()
            if c and c not in companies:
                companies.append(c)
        assets = []
        for _, r, _ in members:
            a = r["Main assets"].strip()
            if a and a not in assets:
                assets.append(a)
        hosts = []
        for _, _, h in members:
            if h not in hosts:
                hosts.append(h)
        if len(typologies) > 1:
            log(f"state-media: {hosts[0]}: rows disagree on typology {typologies}; typology omitted")
        if len(set(COUNTRY[r["Country"].strip()] for _, r, _ in members)) > 1:
            log(f"state-media: {hosts[0]}: rows disagree on country; first row's country kept")

        if gid:
            g = GROUPS[gid]
            oid = gid
            name = g["name"]
            names = list(g["names"])
            languages = list(g["languages"])
            domains = []
            for host, role, lang in g["domains"]:
                if host in hosts:
                    d = {"host": host, "role": role}
                    if lang:
                        d["lang"] = lang
                        if lang not in languages:
                            languages.append(lang)
                    domains.append(d)
            missing = [h for h in hosts if h not in claimed or claimed[h] != gid]
            for h in missing:
                domains.append({"host": h, "role": "edition"})
                log(f"state-media: {h} joined curated group {gid} through a shared row key")
            cc = g["country"]
        else:
            name, names = clean_name(assets[0])
            for a in assets[1:]:
                n0, n1 = clean_name(a)
                for x in [n0] + n1:
                    if x != name and x not in names:
                        names.append(x)
            languages = []
            # primary: the shortest host of the first row's registrable domain that is not a
            # language edition (e.g. people.com.cn rather than fr.people.com.cn)
            reg0 = registrable(hosts[0])
            cands = [h for h in hosts if registrable(h) == reg0
                     and not (h.count(".") >= 2 and EDITION_LANG.get(h.split(".")[0]))]
            prim = min(cands, key=lambda h: (h.count("."), hosts.index(h))) if cands else hosts[0]
            domains = []
            for h in [prim] + [h for h in hosts if h != prim]:
                d = {"host": h, "role": "primary" if h == prim else "edition"}
                lang = EDITION_LANG.get(h.split(".")[0]) if h.count(".") >= 2 else None
                if lang:
                    d["lang"] = lang
                    if lang not in languages:
                        languages.append(lang)
                domains.append(d)
            if len(hosts) > 1:
                name, names = clean_name(members[[h for _, _, h in members].index(prim)][1]["Main assets"].strip())
                for a in assets:
                    n0, n1 = clean_name(a)
                    for x in [n0] + n1:
                        if x != name and x not in names:
                            names.append(x)
            base = ID_OVERRIDES.get(prim)
            if not base:
                base = id_base(name) or slug(prim.replace(".", "-"))
                if base in RESERVED:
                    base = f"{base}-{cc.lower()}"
            oid = base if base not in used_ids else f"{base}-{cc.lower()}"
            n = 2
            while oid in used_ids:
                oid = f"{base}-{cc.lower()}-{n}"
                n += 1
            if len(assets) > 1:
                log(f"state-media: merged assets {assets} into one outlet {oid!r} (shared host or asset name)")
        used_ids.add(oid)
        o = {
            "id": oid, "name": name, "names": names, "country": cc, "languages": languages,
            "domains": domains, "source": dict(ASD_SOURCE),
        }
        typ = typologies[0] if len(typologies) == 1 else None
        if typ and typ not in TYPOLOGIES:
            log(f"state-media: {oid}: typology {typ!r} is not a code (uncertain in source); omitted")
            typ = None
        if gid and GROUPS[gid].get("owner"):
            ow = dict(GROUPS[gid]["owner"])
            ow["source"] = _src(ow["source"]) if "source" in ow else dict(ASD_SOURCE)
            o["owner"] = ow
        elif len(companies) == 1:
            o["owner"] = {"name": companies[0], "type": OWNER_TYPE.get(typ, "unknown"),
                          "source": dict(ASD_SOURCE)}
        elif len(companies) > 1:
            log(f"state-media: {oid}: rows name several companies {companies}; owner omitted")
        if gid and GROUPS[gid].get("funding"):
            fu = dict(GROUPS[gid]["funding"])
            fu["source"] = _src(fu["source"])
            o["funding"] = fu
        elif typ == "SC":
            o["funding"] = {"model": "state", "note": SC_FUNDING_NOTE, "source": dict(ASD_SOURCE)}
        if typ:
            o["state_media"] = {"typology": typ, "source": dict(ASD_SOURCE)}
        outlets.append(o)
    log(f"state-media: {len(rows)} rows -> {len(items)} usable rows, "
        f"{len({h for _, _, h in items})} hosts -> {len(outlets)} outlets")
    return outlets
