"""Import io_domains_candidates.json (M82-project DIMA plug-in databases, Apache-2.0).

Each candidate becomes an outlet (one per registrable domain; mirror sub-domains join the
site they live on; the Pravda network's language sites form one outlet) with an
`operations` entry naming the operation and the report that named it. Candidates whose
reason and tags say they typosquat a real news outlet become [[clone]] entries instead
(curated in CLONES below, reviewed by hand). Entries without a report URL, or whose
"domain" is not a host name (matchType "contains" keyword patterns), are skipped and logged.
"""
import json
import re

from common import norm_host

OPERATION_NAME = {
    "Storm1516": "Storm-1516", "Copycop": "CopyCop", "PortalKombat": "Portal Kombat",
    "Pravda": "Portal Kombat (Pravda network)", "Baybridge": "Baybridge",
}
OPERATION_COUNTRY = {"Storm1516": "RU", "Copycop": "RU", "PortalKombat": "RU", "Pravda": "RU",
                     "Baybridge": "CN"}
TAG_LANG = {"Sites-France": "fr", "France": "fr", "Sites-Allemagne": "de", "Allemagne": "de",
            "Sites-USA": "en", "Sites-US": "en", "USA": "en", "Sites-UK": "en",
            "Sites-Australie": "en", "Sites-Pays-Bas": "nl", "Sites-Japon": "ja", "Espagne": "es"}
REPORT_TITLE = {
    "VIGINUM - Rapport Storm-1516 Mai 2025": "VIGINUM (SGDSN), 'Storm-1516' technical report, May 2025",
    "VIGINUM (SGDSN)": "VIGINUM (SGDSN), 'Portal Kombat' technical report, February 2024",
    "Recorded Future - Insikt Group": "Recorded Future Insikt Group, CopyCop report (CTA-RU-2025-0917), 2025",
    "Tadaweb & Paul Charon - Focus BAYBRIDGE 2025": "Tadaweb & Paul Charon, 'Focus BAYBRIDGE', 2025",
}

# Hand-reviewed: candidates whose reason says they typosquat a named real news outlet.
CLONES = {
    "dertagesspiegel.com": "tagesspiegel",
    "nrchandelsblad.com": "nrc",
    "reuters.uk.net": "reuters",
    "bbc-uk.news": "bbc",
}

PRAVDA = re.compile(r"^(pravda-[a-z]{2,3}\.com|news-pravda\.com)$")


def registrable(host):
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in {"com", "co", "org", "net", "gov", "pl", "in"} and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def load(path, log):
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)
    groups = {}  # key -> list of (host, row)
    clones = []
    for r in rows:
        dom = r["domain"].strip().lower()
        host = norm_host(dom)
        if not host or "." not in dom:
            log(f"influence-ops: skipped {dom!r}: not a host name ({r['matchType']} pattern)")
            continue
        if not r.get("reportUrl") or not r.get("source"):
            log(f"influence-ops: skipped {host}: no report named")
            continue
        if host in CLONES:
            clones.append({"host": host, "imitates": CLONES[host],
                           "operation": OPERATION_NAME.get(r["operation"], r["operation"]),
                           "report": REPORT_TITLE.get(r["source"], r["source"]),
                           "url": r["reportUrl"], "as_of": r["identifiedDate"]})
            continue
        key = "pravda-network" if PRAVDA.match(host) or host.endswith(".news-pravda.com") else registrable(host)
        groups.setdefault(key, []).append((host, r))
    outlets = []
    for key in sorted(groups):
        members = groups[key]
        hosts = []
        for h, _ in members:
            if h not in hosts:
                hosts.append(h)
        # primary: the registrable domain itself when listed, else the shortest host
        prim = key if key in hosts else min(hosts, key=lambda h: (h.count("."), h))
        r0 = next(r for h, r in members if h == prim)
        langs = []
        for _, r in members:
            for t in r["tags"]:
                lang = TAG_LANG.get(t)
                if lang and lang not in langs:
                    langs.append(lang)
        ops = []
        seen = set()
        for _, r in sorted(members, key=lambda m: m[1]["identifiedDate"]):
            op = (OPERATION_NAME.get(r["operation"], r["operation"]),
                  REPORT_TITLE.get(r["source"], r["source"]), r["reportUrl"])
            if op in seen:
                continue
            seen.add(op)
            ops.append({"operation": op[0], "report": op[1], "url": op[2], "as_of": r["identifiedDate"]})
        if key == "pravda-network":
            oid, name = "pravda-network", "Pravda network (Portal Kombat)"
        else:
            oid = "io-" + re.sub(r"[^a-z0-9]+", "-", prim).strip("-")
            name = prim
        countries = {OPERATION_COUNTRY.get(r["operation"], "XX") for _, r in members}
        outlets.append({
            "id": oid, "name": name, "names": [], "country": countries.pop() if len(countries) == 1 else "XX",
            "languages": langs,
            "domains": [{"host": h, "role": "primary" if h == prim else "mirror"} for h in [prim] + [h for h in hosts if h != prim]],
            "source": {"title": REPORT_TITLE.get(r0["source"], r0["source"]), "url": r0["reportUrl"], "as_of": r0["identifiedDate"]},
            "operations": ops,
        })
        if len(hosts) > 1:
            log(f"influence-ops: grouped {hosts} into {oid}")
    log(f"influence-ops: {len(rows)} candidates -> {len(outlets)} outlets, {len(clones)} clones")
    return outlets, clones
