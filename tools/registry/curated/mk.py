"""Compact constructor for hand-curated major outlets.

M(id, name, country, languages, domains, wiki_title, owner=(name, type), parent=(name, type),
  funding=model, names=[...])
domains: "host" (first is primary) or "host:role" or "host:role:lang". Every fact of a record
is sourced to the outlet's English Wikipedia article (as of 2026-11-28); owners are given only
where that article states them and they were known with confidence. Domains were
cross-checked against the Wikipedia perennial-sources list where it lists the outlet.
"""
AS_OF = "2026-11-28"


def _src(title):
    return {"title": "Wikipedia: " + title.replace("_", " "),
            "url": "https://en.wikipedia.org/wiki/" + title, "as_of": AS_OF}


def domains_of(specs, first_role="primary"):
    """Domains from "host", "host:role" or "host:role:lang" specs (a string of them separated
    by spaces, or a list); a role left out is `first_role` for the first, "edition" after."""
    doms = []
    for i, d in enumerate(specs.split() if isinstance(specs, str) else specs):
        parts = d.split(":")
        role = parts[1] if len(parts) > 1 else (first_role if i == 0 else "edition")
        dd = {"host": parts[0], "role": role}
        if len(parts) > 2:
            dd["lang"] = parts[2]
        doms.append(dd)
    return doms


def M(oid, name, cc, langs, domains, wiki, owner=None, parent=None, funding=None, names=()):
    src = _src(wiki)
    o = {"id": oid, "name": name, "names": list(names), "country": cc,
         "languages": langs.split() if isinstance(langs, str) else list(langs),
         "domains": domains_of(domains), "source": src}
    if owner:
        o["owner"] = {"name": owner[0], "type": owner[1], "source": src}
    if parent:
        o["parent"] = {"name": parent[0], "type": parent[1], "source": src}
    if funding:
        o["funding"] = {"model": funding, "source": src}
    return o


def N(oid, name, cc, langs, domains, wiki=None, **kw):
    """M() with the Wikipedia title defaulting to the outlet's name."""
    return M(oid, name, cc, langs, domains, wiki or name.replace(" ", "_"), **kw)
