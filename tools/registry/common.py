"""Shared helpers for the outlet-registry importers (stdlib only).

Every importer produces plain dicts in the registry's shape; `write_toml` turns a list of
them into a human-readable TOML file. Output is deterministic: same inputs, same bytes.
"""
import json
import re
import unicodedata
import urllib.parse

AS_OF_CURATED = "2026-11-28"

ASD_SOURCE = {
    "title": "ASD State Media Profiles (seeded from MJRC State Media Monitor)",
    "url": "https://github.com/ASD-at-GMF/state-media-profiles/tree/d878fee",
    "as_of": "2024-02-07",
}

SOCIAL_HOSTS = {
    "facebook.com", "youtube.com", "youtu.be", "t.me", "telegram.me", "twitter.com", "x.com",
    "instagram.com", "vk.com", "ok.ru", "tiktok.com", "linkedin.com", "rutube.ru",
    "soundcloud.com", "wordpress.com", "blogspot.com", "medium.com", "google.com",
}


def norm_host(url):
    """URL or bare host -> lowercase host without scheme, www., port or path; None if unusable."""
    if not url:
        return None
    u = url.strip()
    if not u:
        return None
    if "://" not in u:
        u = "http://" + u
    try:
        h = urllib.parse.urlsplit(u).hostname
    except ValueError:
        return None
    if not h:
        return None
    h = h.strip(".").lower()
    if h.startswith("www."):
        h = h[4:]
    if not re.fullmatch(r"[a-z0-9.-]+\.[a-z0-9-]+", h):
        return None
    return h


def is_social(host):
    return any(host == s or host.endswith("." + s) for s in SOCIAL_HOSTS)


def slug(text):
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.lower().replace("&", " and ")
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return re.sub(r"-{2,}", "-", t)


def q(s):
    """A TOML basic string."""
    return json.dumps(s, ensure_ascii=False)


def inline(d):
    parts = []
    for k, v in d.items():
        if v is None:
            continue
        if isinstance(v, dict):
            parts.append(f"{k} = {inline(v)}")
        elif isinstance(v, list):
            parts.append(f"{k} = [" + ", ".join(q(x) for x in v) + "]")
        else:
            parts.append(f"{k} = {q(v)}")
    return "{ " + ", ".join(parts) + " }"


OUTLET_KEYS = ["id", "name", "names", "country", "languages"]
OPTIONAL_INLINE = ["owner", "parent", "ultimate_owner", "funding", "state_media"]


def outlet_toml(o):
    out = ["[[outlet]]"]
    for k in OUTLET_KEYS:
        v = o[k]
        if isinstance(v, list):
            out.append(f"{k} = [" + ", ".join(q(x) for x in v) + "]")
        else:
            out.append(f"{k} = {q(v)}")
    out.append("domains = [")
    for d in o["domains"]:
        dd = {"host": d["host"], "role": d["role"]}
        if d.get("lang"):
            dd["lang"] = d["lang"]
        if d.get("source"):
            dd["source"] = d["source"]
        out.append(f"  {inline(dd)},")
    out.append("]")
    out.append(f"source = {inline(o['source'])}")
    for k in OPTIONAL_INLINE:
        if o.get(k):
            out.append(f"{k} = {inline(o[k])}")
    for m in o.get("legal_measures", []):
        out.append("")
        out.append("[[outlet.legal_measures]]")
        for k in ["jurisdiction", "measure", "act", "adopted", "effective", "url", "as_of"]:
            if m.get(k):
                out.append(f"{k} = {q(m[k])}")
    for m in o.get("operations", []):
        out.append("")
        out.append("[[outlet.operations]]")
        for k in ["operation", "report", "url", "as_of"]:
            out.append(f"{k} = {q(m[k])}")
    return "\n".join(out)


def clone_toml(c):
    out = ["[[clone]]"]
    for k in ["host", "imitates", "operation", "report", "url", "as_of"]:
        out.append(f"{k} = {q(c[k])}")
    return "\n".join(out)


def write_toml(path, header, outlets, clones=()):
    blocks = [outlet_toml(o) for o in outlets] + [clone_toml(c) for c in clones]
    text = "".join(f"# {line}\n" if line else "#\n" for line in header.strip().split("\n"))
    text += "\n" + "\n\n".join(blocks) + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# Country names as spelled in State_Media_Matrix.csv -> ISO 3166-1 alpha-2.
COUNTRY = {
    "Afghanistan": "AF", "Albania": "AL", "Algeria": "DZ", "Angola": "AO", "Argentina": "AR",
    "Armenia": "AM", "Australia": "AU", "Austria": "AT", "Azerbaijan": "AZ", "Bahrain": "BH",
    "Bangladesh": "BD", "Belarus": "BY", "Belgium": "BE", "Benin": "BJ", "Bhutan": "BT",
    "Bolivia": "BO", "Bosnia and Herzegovina": "BA", "Botswana": "BW", "Brazil": "BR",
    "Brunei": "BN", "Bulgaria": "BG", "Burkina Faso": "BF", "Burundi": "BI", "Cambodia": "KH",
    "Cameroon": "CM", "Canada": "CA", "Central African Republic": "CF", "Chad": "TD",
    "Chile": "CL", "China": "CN", "Colombia": "CO", "Congo": "CG", "Costa Rica": "CR",
    "Croatia": "HR", "Cuba": "CU", "Cyprus": "CY", "Czechia": "CZ", "Côte d'Ivoire": "CI",
    "DR Congo": "CD", "Denmark": "DK", "Djibouti": "DJ", "Dominican Republic": "DO",
    "Ecuador": "EC", "Egypt": "EG", "El Salvador": "SV", "Eritrea": "ER", "Estonia": "EE",
    "Ethiopia": "ET", "Europen Union": "XX", "Finland": "FI", "France": "FR", "Gabon": "GA",
    "Georgia": "GE", "Germany": "DE", "Ghana": "GH", "Greece": "GR", "Guatemala": "GT",
    "Haiti": "HT", "Honduras": "HN", "Hong Kong": "HK", "Hungary": "HU", "Iceland": "IS",
    "India": "IN", "Indonesia": "ID", "Iran": "IR", "Iraq": "IQ", "Ireland": "IE",
    "Israel": "IL", "Italy": "IT", "Jamaica": "JM", "Japan": "JP", "Jordan": "JO",
    "Kazakhstan": "KZ", "Kenya": "KE", "Kuwait": "KW", "Laos": "LA", "Latvia": "LV",
    "Lebanon": "LB", "Lesotho": "LS", "Liberia": "LR", "Libya": "LY", "Liechtenstein": "LI",
    "Lithuania": "LT", "Macao": "MO", "Madagascar": "MG", "Malawi": "MW", "Malaysia": "MY",
    "Malta": "MT", "Mauritania": "MR", "Mexico": "MX", "Moldova": "MD", "Mongolia": "MN",
    "Montenegro": "ME", "Morocco": "MA", "Mozambique": "MZ", "Myanmar": "MM", "Namibia": "NA",
    "Nepal": "NP", "Netherlands": "NL", "New Zealand": "NZ", "Nicaragua": "NI", "Niger": "NE",
    "Nigeria": "NG", "North Korea": "KP", "North Macedonia": "MK", "Norway": "NO", "Oman": "OM",
    "Pakistan": "PK", "Palestine territories": "PS", "Panama": "PA", "Paraguay": "PY",
    "Peru": "PE", "Philippines": "PH", "Poland": "PL", "Portugal": "PT", "Qatar": "QA",
    "Romania": "RO", "Russia": "RU", "Rwanda": "RW", "Saudi Arabia": "SA", "Senegal": "SN",
    "Serbia": "RS", "Singapore": "SG", "Slovakia": "SK", "Slovenia": "SI", "Somalia": "SO",
    "South Africa": "ZA", "South Korea": "KR", "South Sudan": "SS", "Spain": "ES",
    "Sri Lanka": "LK", "Sudan": "SD", "Sweden": "SE", "Switzerland": "CH", "Syria": "SY",
    "Taiwan": "TW", "Tajikistan": "TJ", "Tanzania": "TZ", "Thailand": "TH", "The Gambia": "GM",
    "Togo": "TG", "Tunisia": "TN", "Turkey": "TR", "Turkmenistan": "TM", "UAE": "AE",
    "Uganda": "UG", "Ukraine": "UA", "United Kingdom": "GB", "United States of America": "US",
    "Uruguay": "UY", "Uzbekistan": "UZ", "Vatican City": "VA", "Venezuela": "VE",
    "Vietnam": "VN", "Yemen": "YE", "Zambia": "ZM", "Zimbabwe": "ZW",
}
