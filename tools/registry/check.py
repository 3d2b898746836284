#!/usr/bin/env python3
"""Validate crate/data/outlets/*.toml against the registry format (stdlib only, Python 3.11+).

Checks: known keys only (as serde deny_unknown_fields would), required fields, enums, ISO
dates, 2-letter uppercase countries, ids [a-z0-9-]+ unique across files, hosts lowercase
without scheme/www./path/port and claimed by one outlet only, clones pointing at existing
outlets and not at claimed hosts. Prints counts. Exit status 1 on any error.
"""
import glob
import os
import re
import sys
import tomllib

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DIR = os.path.join(ROOT, "crate", "data", "outlets")

ROLES = {"primary", "edition", "mirror", "former"}
OWNER_TYPES = {"state", "public-service", "private", "listed", "nonprofit", "unknown"}
FUNDING = {"state", "public-service", "commercial", "nonprofit", "mixed", "unknown"}
TYPOLOGY = {"SC", "CaPu", "CaPr", "ISFM", "ISF", "ISM", "IP"}
DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
ID = re.compile(r"^[a-z0-9-]+$")
HOST = re.compile(r"^(?!www\.)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
LANG = re.compile(r"^[a-z]{2}$")
CC = re.compile(r"^[A-Z]{2}$")

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def keys(where, d, required, optional=()):
    if not isinstance(d, dict):
        err(where, "expected a table")
        return False
    for k in required:
        if k not in d:
            err(where, f"missing {k}")
    for k in d:
        if k not in required and k not in optional:
            err(where, f"unknown field {k}")
    return True


def string(where, v, nonempty=True):
    if not isinstance(v, str) or (nonempty and not v.strip()):
        err(where, f"expected a non-empty string, got {v!r}")
        return False
    return True


def date(where, v):
    if not isinstance(v, str) or not DATE.match(v):
        err(where, f"bad date {v!r}")


def url(where, v):
    if string(where, v) and not re.match(r"^https?://\S+$", v):
        err(where, f"bad url {v!r}")


def source(where, s):
    if keys(where, s, ["title", "url", "as_of"]):
        string(where + ".title", s.get("title"))
        url(where + ".url", s.get("url"))
        date(where + ".as_of", s.get("as_of"))


def entity(where, e):
    if keys(where, e, ["name", "type", "source"]):
        string(where + ".name", e.get("name"))
        if e.get("type") not in OWNER_TYPES:
            err(where, f"bad type {e.get('type')!r}")
        source(where + ".source", e.get("source"))


def main():
    files = sorted(glob.glob(os.path.join(DIR, "*.toml")))
    if not files:
        err(DIR, "no files")
    ids, hosts = {}, {}
    clones = []
    countries = set()
    n_measures = n_ops = 0
    for path in files:
        name = os.path.basename(path)
        try:
            with open(path, "rb") as f:
                data = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            err(name, f"TOML error: {e}")
            continue
        for k in data:
            if k not in ("outlet", "clone"):
                err(name, f"unknown top-level key {k}")
        for i, o in enumerate(data.get("outlet", [])):
            w = f"{name}: outlet #{i + 1} ({o.get('id', '?')})"
            keys(w, o, ["id", "name", "names", "country", "languages", "domains", "source"],
                 ["owner", "parent", "ultimate_owner", "funding", "state_media", "legal_measures", "operations"])
            oid = o.get("id")
            if not isinstance(oid, str) or not ID.match(oid):
                err(w, f"bad id {oid!r}")
            elif oid in ids:
                err(w, f"duplicate id (also in {ids[oid]})")
            else:
                ids[oid] = name
            string(w + ".name", o.get("name"))
            if not isinstance(o.get("names"), list) or not all(isinstance(x, str) and x.strip() for x in o.get("names", [])):
                err(w, "names must be a list of non-empty strings")
            cc = o.get("country")
            if not isinstance(cc, str) or not CC.match(cc):
                err(w, f"bad country {cc!r}")
            else:
                countries.add(cc)
            langs = o.get("languages")
            if not isinstance(langs, list) or not all(isinstance(x, str) and LANG.match(x) for x in langs):
                err(w, f"bad languages {langs!r}")
            doms = o.get("domains")
            if not isinstance(doms, list) or not doms:
                err(w, "domains must be a non-empty list")
                doms = []
            for d in doms:
                if not keys(w + ".domains", d, ["host", "role"], ["lang", "source"]):
                    continue
                h = d.get("host")
                if not isinstance(h, str) or not HOST.match(h):
                    err(w, f"bad host {h!r}")
                elif h in hosts:
                    err(w, f"host {h} also claimed by {hosts[h]}")
                else:
                    hosts[h] = oid
                if d.get("role") not in ROLES:
                    err(w, f"bad role {d.get('role')!r} for {h}")
                if "lang" in d and not (isinstance(d["lang"], str) and LANG.match(d["lang"])):
                    err(w, f"bad lang {d['lang']!r} for {h}")
                if "source" in d:
                    source(f"{w}.domains.{h}.source", d["source"])
            source(w + ".source", o.get("source"))
            for k in ["owner", "parent", "ultimate_owner"]:
                if k in o:
                    entity(f"{w}.{k}", o[k])
            if "funding" in o:
                f_ = o["funding"]
                if keys(w + ".funding", f_, ["model", "source"], ["note"]):
                    if f_.get("model") not in FUNDING:
                        err(w, f"bad funding model {f_.get('model')!r}")
                    if "note" in f_:
                        string(w + ".funding.note", f_["note"])
                    source(w + ".funding.source", f_.get("source"))
            if "state_media" in o:
                s = o["state_media"]
                if keys(w + ".state_media", s, ["typology", "source"]):
                    if s.get("typology") not in TYPOLOGY:
                        err(w, f"bad typology {s.get('typology')!r}")
                    source(w + ".state_media.source", s.get("source"))
            for m in o.get("legal_measures", []):
                n_measures += 1
                if keys(w + ".legal_measures", m, ["jurisdiction", "measure", "act", "adopted", "url", "as_of"], ["effective"]):
                    if not (isinstance(m.get("jurisdiction"), str) and re.match(r"^[A-Z]{2,3}$", m["jurisdiction"])):
                        err(w, f"bad jurisdiction {m.get('jurisdiction')!r}")
                    string(w + ".measure", m.get("measure"))
                    string(w + ".act", m.get("act"))
                    date(w + ".adopted", m.get("adopted"))
                    if "effective" in m:
                        date(w + ".effective", m["effective"])
                    url(w + ".url", m.get("url"))
                    date(w + ".as_of", m.get("as_of"))
            for m in o.get("operations", []):
                n_ops += 1
                if keys(w + ".operations", m, ["operation", "report", "url", "as_of"]):
                    string(w + ".operation", m.get("operation"))
                    string(w + ".report", m.get("report"))
                    url(w + ".url", m.get("url"))
                    date(w + ".as_of", m.get("as_of"))
        for i, c in enumerate(data.get("clone", [])):
            w = f"{name}: clone #{i + 1} ({c.get('host', '?')})"
            if keys(w, c, ["host", "imitates", "operation", "report", "url", "as_of"]):
                clones.append((w, c))
                if not isinstance(c.get("host"), str) or not HOST.match(c["host"]):
                    err(w, f"bad host {c.get('host')!r}")
                for k in ["operation", "report", "imitates"]:
                    string(f"{w}.{k}", c.get(k))
                url(w + ".url", c.get("url"))
                date(w + ".as_of", c.get("as_of"))
    seen = set()
    for w, c in clones:
        if c.get("imitates") not in ids:
            err(w, f"imitates unknown outlet {c.get('imitates')!r}")
        if c.get("host") in hosts:
            err(w, f"clone host is an outlet domain of {hosts[c['host']]}")
        if c.get("host") in seen:
            err(w, "duplicate clone host")
        seen.add(c.get("host"))
    for e in errors[:200]:
        print("ERROR", e)
    print(f"files: {len(files)}  outlets: {len(ids)}  hosts: {len(hosts)}  countries: {len(countries)}  "
          f"clones: {len(clones)}  legal measures: {n_measures}  operation attributions: {n_ops}")
    if errors:
        print(f"FAILED: {len(errors)} errors")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
