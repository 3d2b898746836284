//! Hosts that imitate a registry outlet's domain, by generic rules (no list of clones).
//!
//! Every rule compares the visited host with the *genuine* domains of the registry through an
//! index built once, on first use ([`Index`]): by name label, by confusable skeleton, and by
//! deletion neighbourhood for edit distance, so a look-up costs a handful of hash probes and
//! never a scan of all domains.
//!
//! The rules, each a small function below with its own tests:
//!
//! | rule | example | what it needs |
//! |---|---|---|
//! | [`subdomain_trick`] | `bbc.co.uk.example.com`, `nytimes.com-article.info` | the outlet's whole domain spelled at the start of another site |
//! | [`homoglyph`] | `spiеgel.de` (Cyrillic е) | an IDN label whose UTS #39 skeleton is an outlet's name |
//! | [`digit_swap`] | `washingt0npost.com`, `rnoscow-times.com` | 0/o, 1/l, 3/e, 5/s, rn/m, vv/w, cl/d |
//! | [`suffix_swap`] | `spiegel.ltd`, `abcnews.com.co`, `lemonde.com.fr` | the same name under another ending |
//! | [`hyphen`] | `fox-news.top`, `washington-post.com` | the same name with a hyphen added or dropped |
//! | [`added_word`] | `news-bbc.com`, `bbc-news24.com`, `dertagesspiegel.com`, `bbcuk.com` | the name plus a generic news-ish word, digits, a country code (glued on: only the outlet's own) or an article |
//! | [`typo`] | `washingtonpots.com`, `delfl.lt` | one or two edits (Damerau-Levenshtein), scaled by the name's length |
//!
//! Precision is the hard part: genuine outlets resemble each other (regional papers, sister
//! titles, short names, franchises such as `forbes.ru`). So:
//! - the registry decides what is genuine: a registry site is never a lookalike, and a name
//!   held by two outlets is not distinctive ([`Strength::Shared`]);
//! - a name made of generic words ("el tiempo", "daily star", "le monde") or short
//!   ("faz", "bbc") needs stronger evidence than a distinctive one ("spiegel", "nytimes");
//! - a few letters that make another name are not a misspelling: a changed acronym before
//!   generic words (`cnsnews`, `usmagazine`) or one edition word for another
//!   (`chinadailyasia`), see [`another_name`]; a broadcast word glued on under the outlet's
//!   own ending is a sister channel (`vicetv.com`), and a short name that is not the outlet's
//!   address is often an everyday word in another's (`newsblaze.com` is not TheBlaze's);
//! - the ending matters ([`SuffixClass`]): endings that news outlets practically never use
//!   (`.ltd`, `.work`, `.pm`, CentralNic's `uk.net`) are strong evidence; an ending that reads
//!   like the outlet's own (`.com.co` for `.com`, `.com.fr` for `.fr`) is strong; an ordinary
//!   country ending is where genuine namesakes and licensed editions live, so a swap to one is
//!   never called a lookalike on the name alone.

use super::host::HostInfo;
use super::registry::{normalize_name, Outlet, Registry};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use unicode_normalization::char::is_combining_mark;
use unicode_security::MixedScript;

/// Which rule found the imitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Subdomain,
    Homoglyph,
    DigitSwap,
    SuffixSwap,
    Hyphen,
    AddedWord,
    OutletName,
    Typo,
}

/// A registry domain the host imitates, and how, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imitation<'r> {
    pub outlet: &'r Outlet,
    /// The genuine domain imitated (the outlet's primary domain when the host copies its name).
    pub domain: String,
    pub rule: Rule,
    /// How, in words, as what the host does: "uses Der Spiegel's name under another ending"
    /// (the host's address is the subject: "spiegel.ltd uses ...").
    pub how: String,
}

/// How distinctive a genuine name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Held by two or more registry outlets, or a generic word ("gazette") that two or more
    /// other outlets have in their names: it identifies none of them.
    Shared,
    /// Made of generic words ("eltiempo", "dailystar", "lemonde").
    Generic,
    /// Part of the names of three or more other outlets, as a licensed brand is
    /// ("cnnturk", "cnnbrasil"): distinctive, but editions under other endings are common.
    Franchise,
    /// Three letters or fewer, not a word ("bbc", "faz").
    Short,
    /// Anything else ("spiegel", "nytimes", "washingtonpost").
    Strong,
}

/// What the host's public suffix says, compared with the genuine domain's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuffixClass {
    /// Reads like the genuine ending with more after it: `com.co` for `com`.
    Visual,
    /// An ending news outlets practically never use: `ltd`, `work`, `pm`, `uk.net`...
    Abused,
    /// An ending used by anyone (`info`, `news`, `me`, `co`...): with the languages of its
    /// country when it is a country code.
    Open(&'static [&'static str]),
    /// `com`, `net`, `org`.
    Legacy,
    /// An ordinary country ending: where namesakes and licensed editions live.
    Country,
}

#[derive(Default)]
struct Fnv(u64);
impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// A genuine name the rules compare hosts with.
#[derive(Debug, Clone)]
struct Target {
    outlet: usize,
    /// The label as registered (`t-online`), or the outlet's normalized name.
    raw: String,
    /// `raw` without hyphens: the index key.
    plain: String,
    /// The public suffix of the genuine domain; `None` for a name key.
    suffix: Option<String>,
    /// The genuine registrable domain shown in the reason.
    domain: String,
    strength: Strength,
}

/// Look-up structures over the registry's genuine names, built once per registry.
pub struct Index {
    targets: Vec<Target>,
    by_plain: FastMap<String, Vec<u32>>,
    by_fold: FastMap<String, Vec<u32>>,
    by_deletion: FastMap<u64, Vec<u32>>,
    /// Every registrable domain of every registry host (a registry site is never a lookalike).
    genuine_sites: FastSet<String>,
    /// Every registry label and name key, without hyphens: a genuine name is no typo.
    genuine_plain: FastSet<String>,
    /// The same, as registered (with hyphens).
    genuine_raw: FastSet<String>,
    max_plain_len: usize,
    /// Every public suffix a genuine registry domain is under.
    genuine_suffixes: FastSet<String>,
}

/// Names shorter than this are never matched by edit distance.
const MIN_TYPO_LEN: usize = 5;
/// From this length on, two edits are allowed; below, one.
const TWO_EDITS_FROM: usize = 10;
/// A name found inside the names of this many other outlets is generic ("times").
const COMMON_IN_OTHERS: usize = 3;
/// A generic word that this many other outlets have in their names is not distinctive.
const GENERIC_NAME_USERS: usize = 2;
/// Longer host labels are not checked by the expensive rules (DNS allows 63).
const MAX_LABEL: usize = 63;

/// An outlet known only as part of an influence operation: never an imitation target.
pub fn is_operation_site(o: &Outlet) -> bool {
    !o.operations.is_empty() && o.state_media.is_none() && o.owner.is_none() && o.funding.is_none()
}

/// The name part of a registrable domain: `spiegel` for `spiegel.de`, and its suffix.
pub fn split_site(site: &str) -> (&str, &str) {
    let suffix_len = super::psl::suffix_str(site).map(str::len).unwrap_or(0);
    if suffix_len >= site.len() {
        return (site, "");
    }
    let name = site[..site.len() - suffix_len].trim_end_matches('.');
    let name = name.rsplit('.').next().unwrap_or(name);
    (name, &site[site.len() - suffix_len..])
}

fn plain(s: &str) -> String {
    s.chars().filter(|&c| c != '-').collect()
}

impl Index {
    /// Builds the index over `registry` (a few milliseconds for thousands of outlets).
    pub fn new(registry: &Registry) -> Index {
        let mut genuine_sites = FastSet::default();
        let mut genuine_plain = FastSet::default();
        let mut genuine_raw = FastSet::default();
        let mut targets: Vec<Target> = Vec::new();
        let mut seen: FastSet<(usize, String)> = FastSet::default();
        for (i, o) in registry.outlets.iter().enumerate() {
            let target_outlet = !is_operation_site(o);
            let primary_site = super::host::registrable(o.primary_domain());
            for d in &o.domains {
                let site = super::host::registrable(&d.host);
                let (label, suffix) = split_site(&site);
                if target_outlet {
                    genuine_plain.insert(plain(label));
                    genuine_raw.insert(label.to_string());
                }
                genuine_sites.insert(site.clone());
                if !target_outlet
                    || d.role == super::registry::DomainRole::Former
                    || suffix.is_empty()
                    || label.is_empty()
                    || !label.is_ascii()
                    || label.starts_with("xn--")
                    || !seen.insert((i, site.clone()))
                {
                    continue;
                }
                targets.push(Target {
                    outlet: i,
                    raw: label.to_string(),
                    plain: plain(label),
                    suffix: Some(suffix.to_string()),
                    domain: site.clone(),
                    strength: Strength::Strong,
                });
            }
            if !target_outlet || primary_site.is_empty() {
                continue;
            }
            for name in std::iter::once(&o.name).chain(&o.names) {
                let key = normalize_name(name);
                if key.len() < 3 || !key.is_ascii() || key.contains('.') {
                    continue;
                }
                genuine_plain.insert(key.clone());
                let dup = targets
                    .iter()
                    .rev()
                    .take_while(|t| t.outlet == i)
                    .any(|t| t.plain == key);
                if dup || !seen.insert((i, format!("name:{key}"))) {
                    continue;
                }
                targets.push(Target {
                    outlet: i,
                    raw: key.clone(),
                    plain: key,
                    suffix: None,
                    domain: primary_site.clone(),
                    strength: Strength::Strong,
                });
            }
        }
        let mut by_plain: FastMap<String, Vec<u32>> = FastMap::default();
        for (ti, t) in targets.iter().enumerate() {
            by_plain.entry(t.plain.clone()).or_default().push(ti as u32);
        }
        // How many other outlets contain each name inside theirs.
        let mut contained_in: FastMap<&str, FastSet<usize>> = FastMap::default();
        for t in &targets {
            let b = t.plain.as_bytes();
            for i in 0..b.len() {
                for j in (i + 2)..=b.len() {
                    if j - i == b.len() {
                        continue;
                    }
                    let sub = &t.plain[i..j];
                    if by_plain.contains_key(sub) {
                        contained_in.entry(sub).or_default().insert(t.outlet);
                    }
                }
            }
        }
        // Outlets of one family (same owner, parent or ultimate owner) do not make a name shared.
        let family = |o: usize| -> Vec<String> {
            let o = &registry.outlets[o];
            [&o.owner, &o.parent, &o.ultimate_owner]
                .into_iter()
                .flatten()
                .map(|w| normalize_name(&w.name))
                .filter(|n| !n.is_empty())
                .collect()
        };
        let mut by_raw: FastMap<&str, Vec<(usize, Option<&str>)>> = FastMap::default();
        for t in &targets {
            by_raw
                .entry(t.raw.as_str())
                .or_default()
                .push((t.outlet, t.suffix.as_deref()));
        }
        // Which outlets have each word in their names ("gazette", "observer"): the registry's
        // own count of how common a name is.
        let mut in_names: FastMap<String, FastSet<usize>> = FastMap::default();
        for (i, o) in registry.outlets.iter().enumerate() {
            if is_operation_site(o) {
                continue;
            }
            for name in std::iter::once(&o.name).chain(&o.names) {
                let words: Vec<String> = name
                    .split(|c: char| !c.is_alphanumeric())
                    .map(normalize_name)
                    .filter(|w| !w.is_empty())
                    .collect();
                for w in words {
                    in_names.entry(w).or_default().insert(i);
                }
            }
        }
        let strengths: Vec<Strength> = targets
            .iter()
            .map(|t| {
                let holders = by_raw.get(t.raw.as_str()).map(Vec::as_slice).unwrap_or(&[]);
                let mine = family(t.outlet);
                let unrelated = |o: usize| {
                    o != t.outlet && {
                        let theirs = family(o);
                        !theirs.iter().any(|n| mine.contains(n))
                    }
                };
                // The same label under this ending with a country code added (`theguardian.com`
                // and `theguardian.com.au`) is an edition's or a local namesake's: it leaves the
                // label to the outlet on the shorter ending.
                let extends_mine = |s: Option<&str>| {
                    matches!((t.suffix.as_deref(), s), (Some(m), Some(s))
                        if s.len() > m.len() && s.starts_with(m) && s.as_bytes()[m.len()] == b'.')
                };
                let shared = holders
                    .iter()
                    .any(|&(o, s)| unrelated(o) && !extends_mine(s));
                // A generic name that several other outlets have in their names ("gazette",
                // "observer") names none of them: as good as shared.
                let in_other_names = in_names
                    .get(t.plain.as_str())
                    .map(|s| s.iter().filter(|&&o| unrelated(o)).count())
                    .unwrap_or(0);
                let shared =
                    shared || (in_other_names >= GENERIC_NAME_USERS && is_generic_word(&t.plain));
                let others = contained_in
                    .get(t.plain.as_str())
                    .map(|s| s.iter().filter(|&&o| o != t.outlet).count())
                    .unwrap_or(0);
                strength_of(&t.plain, shared, others >= COMMON_IN_OTHERS)
            })
            .collect();
        for (t, s) in targets.iter_mut().zip(strengths) {
            t.strength = s;
        }
        let mut by_fold: FastMap<String, Vec<u32>> = FastMap::default();
        let mut by_deletion: FastMap<u64, Vec<u32>> = FastMap::default();
        let mut max_plain_len = 0;
        for (ti, t) in targets.iter().enumerate() {
            by_fold.entry(fold(&t.raw)).or_default().push(ti as u32);
            let n = t.plain.len();
            max_plain_len = max_plain_len.max(n);
            if t.strength == Strength::Strong && n >= MIN_TYPO_LEN {
                let edits = if n >= TWO_EDITS_FROM { 2 } else { 1 };
                for h in deletion_hashes(t.plain.as_bytes(), edits) {
                    let v = by_deletion.entry(h).or_default();
                    if v.last() != Some(&(ti as u32)) {
                        v.push(ti as u32);
                    }
                }
            }
        }
        let genuine_suffixes = targets.iter().filter_map(|t| t.suffix.clone()).collect();
        Index {
            genuine_suffixes,
            targets,
            by_plain,
            by_fold,
            by_deletion,
            genuine_sites,
            genuine_plain,
            genuine_raw,
            max_plain_len,
        }
    }

    /// Whether `site` is the registrable domain of a registry host.
    pub fn is_genuine_site(&self, site: &str) -> bool {
        self.genuine_sites.contains(site)
    }

    /// The strength of a genuine name (for tests and explanations); `None` when unknown.
    pub fn strength(&self, name: &str) -> Option<Strength> {
        self.by_plain
            .get(&plain(name))
            .and_then(|v| v.iter().map(|&i| self.targets[i as usize].strength).min())
    }

    /// The one outlet whose registered domain has this name label (`nytimes`), if only one
    /// has: for claims written as handles (`@nytimes`).
    pub fn outlet_with_label(&self, label: &str) -> Option<usize> {
        let label = label.trim().to_ascii_lowercase();
        let mut found = targets(self, &plain(&label))
            .filter(|(_, t)| t.suffix.is_some() && t.plain == plain(&label))
            .map(|(_, t)| t.outlet);
        let first = found.next()?;
        found.all(|o| o == first).then_some(first)
    }

    /// The one outlet whose name or name label has this confusable skeleton ([`fold`]), if
    /// only one has: for claims written in look-alike letters.
    pub fn outlet_with_fold(&self, folded: &str) -> Option<usize> {
        let mut found = self
            .by_fold
            .get(folded)?
            .iter()
            .map(|&i| self.target(i))
            .filter(|t| t.strength != Strength::Shared)
            .map(|t| t.outlet);
        let first = found.next()?;
        found.all(|o| o == first).then_some(first)
    }

    fn target(&self, i: u32) -> &Target {
        &self.targets[i as usize]
    }
}

fn strength_of(plain: &str, shared: bool, common_in_others: bool) -> Strength {
    if shared {
        Strength::Shared
    } else if is_generic_composite(plain) {
        Strength::Generic
    } else if plain.chars().count() <= 3 {
        Strength::Short
    } else if common_in_others {
        Strength::Franchise
    } else {
        Strength::Strong
    }
}

/// Words that make a news outlet's name generic: articles, news words and common nouns of the
/// main news languages (ASCII, without diacritics). A name made only of these (and digits)
/// is shared by namesakes across countries: "el tiempo", "daily star", "le monde", "pravda".
#[rustfmt::skip]
const GENERIC_WORDS: &[&str] = &[
    // articles, prepositions
    "the", "an", "of", "and", "on", "in", "at", "le", "la", "les", "de", "du", "des", "der",
    "die", "das", "den", "het", "el", "los", "las", "lo", "il", "gli", "os", "as", "da", "do",
    "dos", "di", "del", "al", "am", "im", "und", "et", "en", "na",
    // English
    "news", "daily", "times", "time", "post", "herald", "tribune", "journal", "gazette",
    "chronicle", "star", "sun", "mirror", "express", "independent", "guardian", "observer",
    "telegraph", "standard", "record", "today", "world", "nation", "national", "press",
    "courier", "online", "live", "tv", "radio", "info", "report", "review", "weekly", "week",
    "monitor", "register", "sentinel", "examiner", "inquirer", "enquirer", "dispatch",
    "bulletin", "leader", "voice", "globe", "mail", "network", "media", "digest", "insider",
    "morning", "evening", "sunday", "new", "free", "public", "republic", "citizen", "pioneer",
    "advocate", "banner", "mercury", "messenger", "patriot", "reporter", "signal", "spectator",
    "telegram", "union", "metro", "city", "local", "county", "state", "central", "north",
    "south", "east", "west", "capital", "business", "finance", "financial", "economic",
    "economist", "sport", "sports", "channel", "focus", "point", "view", "first", "one", "top",
    "hot", "real", "truth", "facts", "story", "headline", "headlines", "breaking", "latest",
    "update", "now", "hub", "portal", "web", "net", "wire", "line", "zone", "plus", "pro",
    "magazine", "mag", "people", "life", "post", "age", "era", "times", "tv", "fm", "hd",
    "day", "night", "morning", "politics", "politic", "current", "affairs", "eye", "watch",
    "mag", "pulse", "beat", "bee", "source", "inside", "view", "views", "opinion", "global",
    // French
    "monde", "matin", "soir", "soleil", "nouvel", "nouvelle", "nouvelles", "infos", "actu",
    "actus", "actualite", "actualites", "quotidien", "hebdo", "presse", "depeche", "echo",
    "echos", "courrier", "ouest", "est", "nord", "sud", "republicain", "progres", "midi",
    "libre", "humanite", "croix", "observateur", "temps", "tele", "television", "direct",
    "minutes", "minute", "journal", "point", "lexpress", "nouvelliste", "provincial",
    "independant",
    // German
    "zeitung", "tages", "tag", "tageblatt", "blatt", "nachrichten", "rundschau", "anzeiger",
    "kurier", "bote", "morgen", "abend", "abendblatt", "welt", "heute", "aktuell", "neue",
    "neues", "allgemeine", "volksstimme", "stimme", "merkur", "wochenblatt", "woche",
    "sonntag", "wirtschaft", "freie", "zeit", "krone", "presse", "stern", "bild", "kreis",
    "landes", "stadt", "volks", "generalanzeiger", "lokal",
    // Spanish, Portuguese, Italian
    "diario", "periodico", "pais", "mundo", "tiempo", "universal", "comercio", "nacion",
    "prensa", "heraldo", "siglo", "sol", "dia", "razon", "republica", "tribuna", "vanguardia",
    "correo", "norte", "sur", "nuevo", "nueva", "noticias", "noticia", "informador",
    "espectador", "observador", "economista", "financiero", "voz", "opinion", "cronica",
    "estrella", "mercurio", "imparcial", "independiente", "popular", "region", "hoy", "manana",
    "tarde", "semana", "expreso", "globo", "folha", "jornal", "estado", "correio", "publico",
    "expresso", "giornale", "corriere", "repubblica", "stampa", "messaggero", "gazzetta",
    "mattino", "sera", "notizie", "tempo", "secolo", "fatto", "quotidiano", "libero", "foglio",
    "unione", "nazione", "giorno", "diaria", "semanario", "agencia", "informacion",
    "informativo", "actualidad", "primera", "plana", "mas", "ultima", "hora", "pueblo",
    "liberal", "nuestro", "gente",
    // Slavic, Baltic, Hungarian, Romanian, Greek (transliterated)
    "pravda", "vesti", "vesti", "novosti", "novini", "novine", "gazeta", "dnevnik", "dnevni",
    "vecer", "vecernji", "vecernje", "jutarnji", "slobodna", "sloboda", "glas", "vijesti",
    "delo", "kurir", "nova", "novi", "novo", "novaya", "izvestia", "ekho", "telegraf",
    "politika", "fakty", "fakt", "segodnya", "obozrevatel", "ekspres", "svoboda", "zerkalo",
    "nedelya", "golos", "narod", "vremya", "den", "novinky", "noviny", "aktualne", "aktuality",
    "denik", "dennik", "dnes", "trud", "zvezda", "slovo", "mir", "pravo", "dziennik", "nasz",
    "tygodnik", "wiadomosci", "glos", "nowa", "nowy", "super", "wprost", "polityka",
    "wyborcza", "info", "index", "blic", "vesti", "nasha", "ziar", "ziarul", "adevarul",
    "libertatea", "jurnal", "stiri", "stirile", "timpul", "hirek", "hirado", "nepszava",
    "kathimerini", "ta", "nea", "eleftheros", "rytas", "diena", "zinios", "postimees",
    "uudised",
    // Nordic, Dutch
    "dagbladet", "dagblad", "dagens", "nyheter", "nyt", "avis", "avisen", "posten", "bladet",
    "tidning", "tidningen", "expressen", "nieuws", "nieuwsblad", "krant", "courant",
    "telegraaf", "standaard", "laatste", "nieuwe", "dag", "tijd", "ekstra", "lehti", "sanomat",
    "uutiset", "politiken", "dagen", "tidende", "aftenposten", "afton", "morgon",
    // Turkish, Arabic, Persian, Indonesian, Malay, Indian, Japanese, Korean (romanized)
    "haber", "haberler", "gazete", "gundem", "hurriyet", "milliyet", "sabah", "aksam", "yeni",
    "cumhuriyet", "zaman", "posta", "akhbar", "ahram", "youm", "watan", "bayan", "khaleej",
    "ittihad", "hayat", "sharq", "shorouk", "dostor", "jadid", "arab", "akhbar", "khabar",
    "kompas", "berita", "harian", "republika", "suara", "pikiran", "rakyat", "koran", "pos",
    "detik", "utusan", "samachar", "dainik", "jagran", "bhaskar", "patrika", "shimbun",
    "mainichi", "ilbo", "sinmun", "shinmun", "habari", "taifa",
];

/// Words a clone adds to an outlet's name: `news-bbc`, `bbc-news24`, `washingtonpost-today`.
#[rustfmt::skip]
const AFFIX_WORDS: &[&str] = &[
    "news", "daily", "today", "live", "online", "now", "info", "infos", "world", "breaking",
    "latest", "media", "press", "tv", "top", "hot", "real", "official", "actu", "actus",
    "actualite", "actualites", "aktuell", "aktuelle", "nachrichten", "noticias", "notizie",
    "novosti", "nieuws", "nyheter", "uutiset", "wiadomosci", "zpravy", "vesti", "haber",
    "berita", "express", "report", "reports", "update", "updates", "alert", "alerts", "hub",
    "portal", "web", "net", "site", "home", "inside", "insider", "headlines", "story",
    "stories", "politics", "int", "international", "global", "network", "channel", "digital",
    "plus", "pro", "hd", "my", "go", "get", "read", "true", "article", "articles", "blog",
    "magazine", "mag", "journal", "edition", "eng", "english", "h", "x", "the", "der", "die",
    "das", "le", "la", "les", "el", "il", "lo", "los", "las", "l", "uk", "us", "usa", "eu",
    "de", "fr", "it", "es", "ru", "ua", "pl", "cz", "sk", "at", "ch", "be", "nl", "lt", "lv",
    "ee", "il", "ca", "au", "in", "en", "info", "center", "centre", "weekly", "times", "post",
];

/// Words that name a broadcaster's sister channel when glued to its name.
const BROADCAST_WORDS: &[&str] = &["tv", "fm", "radio", "hd"];

/// Articles: a prefix that turns a name into the full title ("der" + "tagesspiegel").
#[rustfmt::skip]
const ARTICLES: &[&str] = &[
    "the", "der", "die", "das", "le", "la", "les", "el", "il", "lo", "los", "las", "l",
];

fn words(list: &'static [&'static str]) -> &'static FastSet<&'static str> {
    use std::sync::OnceLock;
    static GENERIC: OnceLock<FastSet<&'static str>> = OnceLock::new();
    static AFFIX: OnceLock<FastSet<&'static str>> = OnceLock::new();
    let cell = if std::ptr::eq(list, GENERIC_WORDS) {
        &GENERIC
    } else {
        &AFFIX
    };
    cell.get_or_init(|| list.iter().copied().collect())
}

/// Splits `s` into words of `list` and digit runs (at most `max_pieces`); the pieces, or
/// `None` when it cannot be split so.
fn segment<'a>(
    s: &'a str,
    list: &'static [&'static str],
    max_pieces: usize,
) -> Option<Vec<&'a str>> {
    let set = words(list);
    let b = s.as_bytes();
    let n = b.len();
    if n == 0 || n > MAX_LABEL || !s.is_ascii() {
        return None;
    }
    // best[i]: fewest pieces covering s[..i], with the previous cut.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for i in 0..n {
        let Some((pieces, _)) = best[i] else { continue };
        if pieces >= max_pieces {
            continue;
        }
        let relax = |j: usize, best: &mut Vec<Option<(usize, usize)>>| {
            if best[j].is_none_or(|(p, _)| p > pieces + 1) {
                best[j] = Some((pieces + 1, i));
            }
        };
        if b[i].is_ascii_digit() {
            let mut j = i;
            while j < n && b[j].is_ascii_digit() {
                j += 1;
            }
            relax(j, &mut best);
        }
        for j in (i + 1)..=n.min(i + 20) {
            if set.contains(&s[i..j]) {
                relax(j, &mut best);
            }
        }
    }
    best[n]?;
    let mut cuts = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, i) = best[j]?;
        cuts.push(&s[i..j]);
        j = i;
    }
    cuts.reverse();
    Some(cuts)
}

/// A name made only of generic words and digits ("eltiempo", "20minutes", "dailystar").
pub fn is_generic_composite(plain: &str) -> bool {
    segment(plain, GENERIC_WORDS, 4).is_some()
}

/// A name that is one generic word ("gazette", "observer", "welt").
pub fn is_generic_word(plain: &str) -> bool {
    words(GENERIC_WORDS).contains(plain)
}

/// The generic words a clone added to a name ("news", "24", "uk"), or `None`.
fn affix(s: &str) -> Option<Vec<&str>> {
    let s = s.trim_matches('-');
    let p = plain(s);
    if p.is_empty() {
        return None;
    }
    let pieces = segment(&p, AFFIX_WORDS, 3)?;
    // Digits alone are an affix only when short ("24", "365"), not a year-like id.
    if pieces.iter().all(|w| w.bytes().all(|c| c.is_ascii_digit())) && p.len() > 3 {
        return None;
    }
    Some(split_like(s, &pieces))
}

fn split_like<'a>(original: &'a str, pieces: &[&str]) -> Vec<&'a str> {
    // Pieces point into the hyphen-free copy; give the caller stable slices of `original`
    // only when there is no hyphen, else the whole affix.
    if original.contains('-') || pieces.len() == 1 {
        vec![original]
    } else {
        let mut out = Vec::new();
        let mut at = 0;
        for p in pieces {
            out.push(&original[at..at + p.len()]);
            at += p.len();
        }
        out
    }
}

/// The suffix class of `host_suffix`, compared with the genuine `target_suffix` when known.
pub fn suffix_class(host_suffix: &str, target_suffix: Option<&str>) -> SuffixClass {
    if let Some(t) = target_suffix {
        if host_suffix.len() > t.len()
            && host_suffix.starts_with(t)
            && host_suffix.as_bytes()[t.len()] == b'.'
        {
            return SuffixClass::Visual;
        }
    }
    #[rustfmt::skip]
    const ABUSED: &[&str] = &[
        "ltd", "work", "fun", "pm", "cc", "agency", "ink", "cfd", "sbs", "icu", "top", "xyz",
        "click", "link", "rest", "bar", "cyou", "monster", "quest", "lol", "buzz", "pw", "tk",
        "ml", "ga", "cf", "gq", "llc", "inc", "group", "company", "business", "website",
        "store", "shop", "club", "life", "vip", "one", "pics", "wiki", "guru", "host", "win",
        "bid", "trade", "date", "loan", "men", "party", "stream", "download", "racing",
        "science", "faith", "cricket", "kim", "country", "gdn", "mom", "skin", "hair", "autos",
        "boats", "homes", "beauty", "makeup", "support", "email", "services", "solutions",
        "zone", "center", "today", "ws", "su", "cam", "surf", "fyi", "lat", "best", "uno",
        // CentralNic and similar second-level names that read like a country
        "uk.com", "uk.net", "us.com", "eu.com", "de.com", "gb.com", "gb.net", "co.com",
        "br.com", "cn.com", "jpn.com", "ru.com", "sa.com", "se.net", "za.com", "hu.net",
        "in.net", "us.org", "com.de", "co.de", "co.nl", "jp.net", "mex.com", "kr.com", "ae.org", "la",
        "gs", "vu", "nf", "ms", "to", "nu",
    ];
    const LEGACY: &[&str] = &["com", "net", "org"];
    if ABUSED.contains(&host_suffix) || is_pseudo_ending(host_suffix) {
        return SuffixClass::Abused;
    }
    if target_suffix.is_some_and(|t| own_ending_with_level(host_suffix, t)) {
        return SuffixClass::Visual;
    }
    let last = host_suffix.rsplit('.').next().unwrap_or(host_suffix);
    if host_suffix == last && LEGACY.contains(&last) {
        return SuffixClass::Legacy;
    }
    if host_suffix == last && ABUSED.contains(&last) {
        return SuffixClass::Abused;
    }
    if let Some(langs) = open_cc_languages(host_suffix) {
        return SuffixClass::Open(langs);
    }
    if last.len() == 2 {
        return SuffixClass::Country;
    }
    // Other generic TLDs (.info, .news, .online, .media, city and brand TLDs): open to anyone.
    SuffixClass::Open(&[])
}

/// Registrable names whose owners sell subdomains as if they were endings, missing from the
/// Public Suffix List.
const SUBDOMAIN_SELLERS: &[&str] = &["co.com", "uk.com.co", "com.se", "eu.org"];

/// Second-level labels that read like an ending when put before a country code (`com.fr`).
const LEVEL_LABELS: &[&str] = &["com", "co", "net", "org"];

/// The genuine ending with a generic second level put before it: `com.fr` or `co.de` for
/// `fr` and `de`. Reads like the outlet's own ending.
fn own_ending_with_level(host_suffix: &str, target_suffix: &str) -> bool {
    target_suffix.len() == 2
        && host_suffix
            .strip_suffix(target_suffix)
            .and_then(|h| h.strip_suffix('.'))
            .is_some_and(|level| LEVEL_LABELS.contains(&level))
}

/// A registrable name that only looks like an ending (`co.de`, `com.ru`): `com`, `co`, `net`
/// or `org` under a country code where that is not a public suffix. Whoever owns it hands out
/// the names left of it.
fn is_pseudo_ending(site: &str) -> bool {
    let Some((level, cc)) = site.split_once('.') else {
        return false;
    };
    LEVEL_LABELS.contains(&level)
        && cc.len() == 2
        && cc.bytes().all(|b| b.is_ascii_lowercase())
        && super::psl::suffix_str(site) != Some(site)
}

/// Country-code endings used worldwide as generic ones, with their country's languages.
fn open_cc_languages(suffix: &str) -> Option<&'static [&'static str]> {
    Some(match suffix {
        "me" => &["sr", "cnr", "bs", "sq", "hr"],
        "co" | "com.co" | "net.co" => &["es"],
        "tv" => &["en", "tvl"],
        "io" => &["en"],
        "fm" => &["en"],
        "am" => &["hy"],
        "ly" => &["ar"],
        "ai" => &["en"],
        "gg" => &["en"],
        "im" => &["en"],
        "sh" => &["en"],
        "ac" => &["en"],
        "vc" => &["en"],
        "ag" => &["en"],
        "bz" => &["en", "es"],
        "mn" => &["mn"],
        "so" => &["so", "ar"],
        "st" => &["pt"],
        "re" => &["fr"],
        "us" => &["en", "es"],
        "eu" => &[
            "de", "fr", "en", "it", "es", "pl", "nl", "ro", "el", "cs", "hu", "sv",
        ],
        "news" | "info" | "online" | "live" | "media" | "press" | "world" | "site" | "biz"
        | "space" | "tech" | "digital" | "network" | "global" | "blog" | "mobi" | "asia" => &[],
        _ => return None,
    })
}

/// The country a two-letter ending belongs to, as the registry writes it (`GB` for `uk`).
fn cc_country(suffix: &str) -> Option<String> {
    let last = suffix.rsplit('.').next()?;
    if last.len() != 2 {
        return None;
    }
    Some(match last {
        "uk" => "GB".into(),
        other => other.to_ascii_uppercase(),
    })
}

fn disjoint(a: &[&str], b: &[String]) -> bool {
    !a.is_empty() && !b.is_empty() && !b.iter().any(|l| a.contains(&l.as_str()))
}

/// Confusable skeleton (UTS #39) with case, marks, hyphens and the usual digit swaps folded:
/// `sp1egel`, `spiеgel` (Cyrillic е), `spiégel` and `spie-gel` all fold alike.
pub fn fold(label: &str) -> String {
    let pre: String = label
        .chars()
        .take(MAX_LABEL * 2)
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '0' => 'o',
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            '7' => 't',
            '$' => 's',
            other => other,
        })
        .collect();
    let sk: String = unicode_security::skeleton(&pre)
        .flat_map(char::to_lowercase)
        .filter(|c| !is_combining_mark(*c) && *c != '-')
        .collect();
    sk.replace("vv", "w")
        .replace("cl", "d")
        .replace(['i', '!', '|'], "l")
}

/// FNV-1a of `bytes` without the positions in `skip`.
fn hash_without(bytes: &[u8], skip: &[usize]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, b) in bytes.iter().enumerate() {
        if skip.contains(&i) {
            continue;
        }
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^ (bytes.len() - skip.len()) as u64
}

/// Hashes of `bytes` with up to `edits` characters deleted (the word itself included).
fn deletion_hashes(bytes: &[u8], edits: usize) -> Vec<u64> {
    let n = bytes.len();
    let mut out = vec![hash_without(bytes, &[])];
    if edits >= 1 {
        for i in 0..n {
            out.push(hash_without(bytes, &[i]));
        }
    }
    if edits >= 2 {
        for i in 0..n {
            for j in (i + 1)..n {
                out.push(hash_without(bytes, &[i, j]));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Optimal-string-alignment distance (Damerau-Levenshtein with adjacent swaps), or
/// `limit + 1` as soon as it is certainly above `limit`.
pub fn edit_distance(a: &[u8], b: &[u8], limit: usize) -> usize {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > limit {
        return limit + 1;
    }
    let mut prev2 = vec![0usize; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m].min(limit + 1)
}

/// The host as the rules see it.
struct Probe<'a> {
    /// Site label, lowercase ASCII (punycode for IDN).
    label: &'a str,
    /// The label without hyphens.
    plain: String,
    /// The Unicode form of the label when it is an IDN.
    unicode: Option<String>,
    suffix: &'a str,
    /// Labels left of the site, variants (`www.`) removed.
    prefix: &'a str,
}

/// Finds the outlet whose domain the host imitates, if any. Registry sites never imitate.
pub fn imitation<'r>(host: &HostInfo, registry: &'r Registry) -> Option<Imitation<'r>> {
    if registry.lookalike_index().is_genuine_site(&host.site) {
        return None;
    }
    imitation_ignoring_registration(host, registry)
}

/// As [`imitation`], for a host the registry lists only as an influence-operation site: whether
/// that site imitates a genuine outlet.
pub fn imitation_ignoring_registration<'r>(
    host: &HostInfo,
    registry: &'r Registry,
) -> Option<Imitation<'r>> {
    let index = registry.lookalike_index();
    if host.is_ip || host.host.len() > 253 {
        return None;
    }
    // Second-level names sold as endings but missing from the Public Suffix List (`co.com`):
    // the label left of them is the name.
    let resold = SUBDOMAIN_SELLERS.contains(&host.site.as_str()) || is_pseudo_ending(&host.site);
    let (label, suffix, prefix) = if resold {
        let left = host
            .host
            .strip_suffix(host.site.as_str())
            .unwrap_or("")
            .trim_end_matches('.');
        let (rest, label) = left.rsplit_once('.').unwrap_or(("", left));
        (label, host.site.as_str(), rest)
    } else {
        let (label, suffix) = split_site(&host.site);
        let prefix = host
            .host
            .strip_suffix(host.site.as_str())
            .unwrap_or("")
            .trim_end_matches('.');
        (label, suffix, prefix)
    };
    if label.is_empty() || suffix.is_empty() || label.len() > MAX_LABEL {
        return None;
    }
    let prefix = super::host::strip_variants(prefix, "");
    let prefix = if super::host::VARIANT_LABELS.contains(&prefix) {
        ""
    } else {
        prefix
    };
    let unicode = label
        .starts_with("xn--")
        .then(|| idna::domain_to_unicode(label).0)
        .filter(|u| !u.is_empty() && u.as_str() != label);
    let probe = Probe {
        label,
        plain: plain(label),
        unicode,
        suffix,
        prefix,
    };
    let found = subdomain_trick(&probe, index)
        .or_else(|| dotted_in_hyphens(&probe, index))
        .or_else(|| homoglyph(&probe, index))
        .or_else(|| digit_swap(&probe, index))
        .or_else(|| suffix_swap(&probe, index, registry))
        .or_else(|| hyphen(&probe, index))
        .or_else(|| added_word(&probe, index, registry))
        .or_else(|| typo(&probe, index))?;
    let (ti, rule, how) = found;
    let t = index.target(ti);
    let outlet = &registry.outlets[t.outlet];
    // The name as the registry writes it ("The New York Times" for the key "newyorktimes").
    let written = std::iter::once(&outlet.name)
        .chain(&outlet.names)
        .find(|n| normalize_name(n) == t.raw)
        .unwrap_or(&outlet.name);
    let how = how
        .replace(THEIRS, &possessive(&outlet.name))
        .replace(WRITTEN, written);
    Some(Imitation {
        outlet,
        domain: t.domain.clone(),
        rule,
        how,
    })
}

type Found = (u32, Rule, String);

/// Stands in a rule's words for the outlet's name in the possessive ("Der Spiegel's").
const THEIRS: &str = "\u{1}";
/// Stands for the registry name a name key was made from ("The New York Times").
const WRITTEN: &str = "\u{2}";

/// "Der Spiegel's", "The New York Times'".
fn possessive(name: &str) -> String {
    if name.ends_with(['s', 'S']) {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// The targets filed under a hyphen-free name.
fn targets<'i>(index: &'i Index, plain: &str) -> impl Iterator<Item = (u32, &'i Target)> {
    index
        .by_plain
        .get(plain)
        .into_iter()
        .flatten()
        .map(move |&i| (i, index.target(i)))
}

/// The whole genuine domain written at the start of another site: `bbc.co.uk.example.com`,
/// `nytimes.com-article.info`.
fn subdomain_trick(p: &Probe, index: &Index) -> Option<Found> {
    if p.prefix.is_empty() {
        return None;
    }
    let full = format!("{}.{}.{}", p.prefix, p.label, p.suffix);
    let mut at = 0;
    for part in p.prefix.split('.') {
        let rest = &full[(at + part.len() + 1).min(full.len())..];
        at += part.len() + 1;
        if part.len() < 2 {
            continue;
        }
        for (i, t) in targets(index, &plain(part)) {
            let Some(suffix) = &t.suffix else { continue };
            if t.raw != part || (t.strength == Strength::Generic && part.len() < 5) {
                continue;
            }
            let continues = rest
                .strip_prefix(suffix.as_str())
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c == '.' || c == '-');
            if continues {
                return Some((
                    i,
                    Rule::Subdomain,
                    format!(
                        "starts with {} but belongs to the site {}.{}",
                        t.domain, p.label, p.suffix
                    ),
                ));
            }
        }
    }
    None
}

/// A genuine domain written with hyphens for dots inside another site's name:
/// `pravda-com-ua.online`, `www-bbc-co-uk.example.com`.
fn dotted_in_hyphens(p: &Probe, index: &Index) -> Option<Found> {
    let labels = p.prefix.split('.').chain(std::iter::once(p.label));
    for part in labels.filter(|l| l.contains('-') && !l.starts_with("xn--")) {
        let dotted = part
            .replace("--", "\u{0}")
            .replace('-', ".")
            .replace('\u{0}', "-");
        let site = super::host::registrable(dotted.trim_start_matches("www."));
        if !index.is_genuine_site(&site) || dotted.len() < site.len() {
            continue;
        }
        let (label, suffix) = split_site(&site);
        let found = targets(index, &plain(label))
            .find(|(_, t)| t.raw == label && t.suffix.as_deref() == Some(suffix));
        if let Some((i, t)) = found {
            return Some((
                i,
                Rule::Subdomain,
                format!(
                    "writes {} with hyphens instead of dots, which makes it a different site ({}.{})",
                    t.domain, p.label, p.suffix
                ),
            ));
        }
    }
    None
}

/// An internationalized label whose confusable skeleton is a genuine name: letters from
/// another script (`spiеgel` with Cyrillic е), or accents (`spiégel`).
fn homoglyph(p: &Probe, index: &Index) -> Option<Found> {
    let u = p.unicode.as_deref()?;
    let f = fold(u);
    if f.chars().count() < 3 {
        return None;
    }
    let mixed = !u.is_single_script();
    let latin_lookalike = !u.is_ascii();
    for &i in index.by_fold.get(&f)? {
        let t = index.target(i);
        if t.strength == Strength::Shared || t.raw == u {
            continue;
        }
        let class = suffix_class(p.suffix, t.suffix.as_deref());
        let allowed = mixed
            || !u.chars().all(|c| c.is_ascii() || is_latin_letter(c))
            || matches!(
                class,
                SuffixClass::Abused
                    | SuffixClass::Legacy
                    | SuffixClass::Open(_)
                    | SuffixClass::Visual
            )
            || t.suffix.as_deref() == Some(p.suffix);
        if allowed && latin_lookalike {
            let what = if mixed {
                "letters from another script that look the same"
            } else {
                "accented or look-alike letters"
            };
            return Some((
                i,
                Rule::Homoglyph,
                format!("spells {THEIRS} name with {what} ({u} for {})", t.raw),
            ));
        }
    }
    None
}

fn is_latin_letter(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

/// Whether a typo-like change is allowed under this ending: the genuine ending itself, or
/// one that is not an ordinary country's.
fn near_suffix_ok(p: &Probe, t: &Target) -> bool {
    t.suffix.as_deref() == Some(p.suffix)
        || !matches!(
            suffix_class(p.suffix, t.suffix.as_deref()),
            SuffixClass::Country
        )
}

/// Whether the few letters that tell `q` from the genuine `t` make another name rather than
/// a misspelling: a changed acronym before generic words (`cnsnews` for `cbsnews`,
/// `usmagazine` for `ewmagazine`: three letters or fewer, where most changes make another
/// outlet's initials), or one edition word for another at either end (`chinadailyasia` for
/// `chinadailyusa`, `bbcnews` + `uk` for `us`).
fn another_name(q: &str, t: &str) -> bool {
    if !q.is_ascii() || !t.is_ascii() {
        return false;
    }
    let (qb, tb) = (q.as_bytes(), t.as_bytes());
    let prefix = qb.iter().zip(tb).take_while(|(a, b)| a == b).count();
    let room = qb.len().min(tb.len()) - prefix;
    let suffix = qb
        .iter()
        .rev()
        .zip(tb.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    // The letters of `t` that differ: t[prefix..tb.len() - suffix].
    let changed_end = tb.len() - suffix;
    let acronym = (1..=3.min(tb.len().saturating_sub(1)))
        .any(|x| changed_end <= x && is_generic_composite(&t[x..]));
    // An edition word: a region, or a word clones add (`usa`, `news`, `uk`), but not an
    // article, which `spiegle` for `spiegel` would otherwise swap (`le` for `el`).
    let edition_word = |w: &str| {
        REGION_WORDS.contains(&w) || (words(AFFIX_WORDS).contains(w) && !ARTICLES.contains(&w))
    };
    let edition = |a: &str, b: &str| edition_word(a) && edition_word(b);
    acronym
        || edition(&q[prefix..], &t[prefix..])
        || edition(&q[..qb.len() - suffix], &t[..changed_end])
}

/// World regions that name editions (`chinadailyasia`, `sputniknews.africa`).
#[rustfmt::skip]
const REGION_WORDS: &[&str] = &[
    "asia", "africa", "europe", "america", "americas", "arabia", "arabic", "latam", "latino",
    "mundo", "afrique", "europa", "asean", "mena", "gulf", "pacific", "nordic", "balkan",
    "balkans", "baltic", "caribbean",
];

/// Digits or letter pairs standing in for letters: `washingt0npost`, `rnoscowtimes`.
fn digit_swap(p: &Probe, index: &Index) -> Option<Found> {
    if p.unicode.is_some() || index.genuine_plain.contains(&p.plain) {
        return None;
    }
    let f = fold(p.label);
    if f.len() < 4 {
        return None;
    }
    for &i in index.by_fold.get(&f)? {
        let t = index.target(i);
        if t.plain == p.plain || t.strength == Strength::Shared || t.plain.len() < 4 {
            continue;
        }
        if t.strength == Strength::Generic && !near_suffix_ok(p, t) {
            continue;
        }
        if near_suffix_ok(p, t) {
            return Some((
                i,
                Rule::DigitSwap,
                format!(
                    "spells {THEIRS} name with look-alike characters ({} for {})",
                    p.label, t.raw
                ),
            ));
        }
    }
    None
}

/// Whether the same name under `p.suffix` imitates `t`.
fn swap_allowed(p: &Probe, t: &Target, index: &Index, registry: &Registry) -> bool {
    let outlet = &registry.outlets[t.outlet];
    let class = suffix_class(p.suffix, t.suffix.as_deref());
    let own_country = cc_country(p.suffix).is_some_and(|c| c == outlet.country);
    let n = t.plain.chars().count();
    let own_level = t
        .suffix
        .as_deref()
        .is_some_and(|s| own_ending_with_level(p.suffix, s));
    // `com.cn` is ordinary in China: genuine outlets there use it beside `cn`.
    let class = if own_level && index.genuine_suffixes.contains(p.suffix) {
        SuffixClass::Country
    } else {
        class
    };
    match (class, t.strength) {
        (_, Strength::Shared) => false,
        // `lemonde.com.fr` for `lemonde.fr`: no namesake in the outlet's own country would
        // take its name under its own ending with `com.` put before it.
        (SuffixClass::Visual, Strength::Generic) => own_level && n >= 5,
        (SuffixClass::Visual, _) => true,
        (SuffixClass::Abused, _) => n >= 2,
        (_, _) if own_country => false,
        (SuffixClass::Open(langs), Strength::Strong | Strength::Franchise) => {
            n >= 4 || disjoint(langs, &outlet.languages)
        }
        // A generic name under an open generic ending (`welt.media`): no country to hold a
        // namesake, so the name is taken as the outlet's.
        (SuffixClass::Open([]), Strength::Generic) => n >= 4,
        (SuffixClass::Open(langs), _) => n >= 3 && disjoint(langs, &outlet.languages),
        (SuffixClass::Legacy, Strength::Strong) => {
            n >= 5
                && !outlet.domains.iter().any(|d| {
                    let site = super::host::registrable(&d.host);
                    let (_, s) = split_site(&site);
                    matches!(s, "com" | "net" | "org")
                })
        }
        _ => false,
    }
}

/// The same name under another ending: `spiegel.ltd` for `spiegel.de`, `abcnews.com.co`
/// for `abcnews.com`.
fn suffix_swap(p: &Probe, index: &Index, registry: &Registry) -> Option<Found> {
    if p.unicode.is_some() {
        return None;
    }
    let mut best: Option<(u32, SuffixClass)> = None;
    for (i, t) in targets(index, &p.plain) {
        if t.raw != p.label || !swap_allowed(p, t, index, registry) {
            continue;
        }
        let class = suffix_class(p.suffix, t.suffix.as_deref());
        // Prefer the genuine domain whose ending this one reads like, then a domain over a name.
        let better = match best {
            None => true,
            Some((bi, bc)) => {
                (class == SuffixClass::Visual && bc != SuffixClass::Visual)
                    || (index.target(bi).suffix.is_none() && t.suffix.is_some())
            }
        };
        if better {
            best = Some((i, class));
        }
    }
    // A name shared by several outlets, under an ending no namesake would use: the one
    // outlet on `.com` is the one imitated (`theguardian.co.com`).
    let best = best.or_else(|| {
        let mut on_com = targets(index, &p.plain).filter(|(_, t)| {
            t.raw == p.label
                && t.strength == Strength::Shared
                && t.suffix.as_deref() == Some("com")
                && (suffix_class(p.suffix, Some("com")) == SuffixClass::Abused
                    || !is_generic_composite(&t.plain))
        });
        let (i, t) = on_com.next()?;
        let class = suffix_class(p.suffix, t.suffix.as_deref());
        (on_com.next().is_none() && matches!(class, SuffixClass::Abused | SuffixClass::Visual))
            .then_some((i, class))
    });
    let (i, class) = best?;
    let t = index.target(i);
    let how = match (&t.suffix, class) {
        (Some(s), SuffixClass::Visual) => format!(
            "uses {THEIRS} name under an ending that reads like .{s} (.{})",
            p.suffix
        ),
        (Some(_), _) => format!("uses {THEIRS} name under another ending"),
        (None, _) => format!("uses the name “{WRITTEN}” as its address"),
    };
    let rule = if t.suffix.is_some() {
        Rule::SuffixSwap
    } else {
        Rule::OutletName
    };
    Some((i, rule, how))
}

/// The same name with a hyphen added or dropped: `fox-news.top`, `washington-post.com`.
fn hyphen(p: &Probe, index: &Index) -> Option<Found> {
    if p.unicode.is_some() || index.genuine_raw.contains(p.label) {
        return None;
    }
    for (i, t) in targets(index, &p.plain) {
        if t.raw == p.label || t.plain.len() < 3 {
            continue;
        }
        let class = suffix_class(p.suffix, t.suffix.as_deref());
        let country = matches!(class, SuffixClass::Country);
        let ok = match t.strength {
            Strength::Shared => false,
            Strength::Strong | Strength::Franchise => !country || t.suffix.is_some(),
            Strength::Short => !country,
            Strength::Generic => matches!(class, SuffixClass::Abused | SuffixClass::Open(_)),
        };
        if ok {
            let how = if p.label.contains('-') {
                "a hyphen added"
            } else {
                "the hyphen dropped"
            };
            return Some((
                i,
                Rule::Hyphen,
                format!("uses {THEIRS} name with {how} ({} for {})", p.label, t.raw),
            ));
        }
    }
    None
}

/// The name plus a generic word, digits, a country code or an article: `news-bbc.com`,
/// `bbc-news24.com`, `dertagesspiegel.com`, `washingtonpost-today.net`.
fn added_word(p: &Probe, index: &Index, registry: &Registry) -> Option<Found> {
    if p.unicode.is_some() || !p.label.is_ascii() || index.genuine_plain.contains(&p.plain) {
        return None;
    }
    let label = p.label;
    let mut best: Option<(u32, String, usize)> = None;
    for cut in 1..label.len() {
        if !label.is_char_boundary(cut) {
            continue;
        }
        let (left, right) = label.split_at(cut);
        for (name, rest, name_first) in [(left, right, true), (right, left, false)] {
            let name = name.trim_matches('-');
            if name.len() < 2 {
                continue;
            }
            // Every cut of every label is tried: look up without allocating when the name
            // has no hyphen to drop (nearly always).
            let name_plain: std::borrow::Cow<str> = if name.contains('-') {
                plain(name).into()
            } else {
                name.into()
            };
            if !index.by_plain.contains_key(name_plain.as_ref()) {
                continue;
            }
            // Two letters glued after the name may be the outlet's country code even when not
            // a usual added word (`guardianng`): checked against the outlet below.
            let two_letters =
                name_first && rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_lowercase());
            let words = match affix(rest) {
                Some(w) => w,
                None if two_letters => vec![rest],
                None => continue,
            };
            let usual = affix(rest).is_some();
            let at_boundary = if name_first {
                rest.starts_with('-')
            } else {
                rest.ends_with('-')
            };
            let added = plain(&words.join(""));
            let article = !name_first && ARTICLES.contains(&added.as_str());
            for (i, t) in targets(index, &name_plain) {
                if t.raw != name && t.plain != name_plain {
                    continue;
                }
                // The outlet's own domain label with its own country code glued on, no hyphen:
                // `bbcuk`, `lemondefr`.
                let own_code = two_letters
                    && !at_boundary
                    && t.suffix.is_some()
                    && t.raw == name
                    && own_country_codes(&registry.outlets[t.outlet]).any(|c| c == added);
                if !usual && !own_code {
                    continue;
                }
                let class = suffix_class(p.suffix, t.suffix.as_deref());
                let country = matches!(class, SuffixClass::Country);
                let same_suffix = t.suffix.as_deref() == Some(p.suffix);
                let open = matches!(class, SuffixClass::Abused | SuffixClass::Open(_));
                let n = t.plain.len();
                // A broadcast word glued on under the outlet's own ending is how sister
                // channels are named (`vicetv.com`, `newsmaxtv.com`), not a disguise.
                if same_suffix && !at_boundary && BROADCAST_WORDS.contains(&added.as_str()) {
                    continue;
                }
                // A short name that is not the outlet's address (`blaze` of TheBlaze at
                // theblaze.com, `mint` of Mint at livemint.com) glued to other words under an
                // ordinary ending is most often an everyday word in another outlet's name
                // (`newsblaze.com`, `mintpressnews.com`).
                if t.suffix.is_none() && n < 6 && !at_boundary && !open {
                    continue;
                }
                let ok = match t.strength {
                    // A shared name, told apart by the country code added to it (`rbc-ua`).
                    Strength::Shared => {
                        at_boundary
                            && added.len() == 2
                            && t.suffix
                                .as_deref()
                                .is_some_and(|s| s.rsplit('.').next() == Some(added.as_str()))
                    }
                    Strength::Strong | Strength::Franchise => {
                        n >= 3 && (!country || (at_boundary && t.suffix.is_some()))
                    }
                    Strength::Short => {
                        !article
                            && ((at_boundary && (open || (n >= 3 && (same_suffix || !country))))
                                || (open && n >= 3)
                                || (own_code && n >= 3 && (same_suffix || !country)))
                    }
                    Strength::Generic => {
                        !article && n >= 3 && (open || (own_code && (same_suffix || !country)))
                    }
                };
                if ok && best.as_ref().is_none_or(|(_, _, len)| name.len() > *len) {
                    best = Some((i, added.clone(), name.len()));
                }
            }
        }
    }
    let (i, added, _) = best?;
    let t = index.target(i);
    let how = if ARTICLES.contains(&added.as_str()) {
        format!(
            "puts the article “{added}” before {THEIRS} address ({} for {})",
            p.label, t.raw
        )
    } else if t.suffix.is_none() {
        format!("uses the name “{WRITTEN}” with “{added}” added")
    } else {
        format!("uses {THEIRS} name with “{added}” added ({})", p.label)
    };
    Some((i, Rule::AddedWord, how))
}

/// The two-letter codes of an outlet's country (`uk` and `gb` for GB) and of the country
/// endings of its domains.
fn own_country_codes(o: &Outlet) -> impl Iterator<Item = String> + '_ {
    let country = o.country.to_ascii_lowercase();
    let uk = (country == "gb").then(|| "uk".to_string());
    let endings = o.domains.iter().filter_map(|d| {
        let last = d.host.rsplit('.').next()?;
        (last.len() == 2).then(|| last.to_ascii_lowercase())
    });
    std::iter::once(country).chain(uk).chain(endings)
}

/// One or two edits of a distinctive name (two only for long names), under the genuine
/// ending or one that is not an ordinary country's: `washingtonpots.com`, `delfl.lt`.
fn typo(p: &Probe, index: &Index) -> Option<Found> {
    let q = p.plain.as_bytes();
    let n = q.len();
    if p.unicode.is_some()
        || n < MIN_TYPO_LEN - 1
        || n > index.max_plain_len + 2
        || index.genuine_plain.contains(&p.plain)
        || is_generic_composite(&p.plain)
        || p.label
            .split('-')
            .any(|part| part.len() >= 2 && index.genuine_plain.contains(part))
    {
        // A label built from a genuine name ("rbc-news") is that name's, not a typo of another.
        return None;
    }
    let edits = if n + 2 >= TWO_EDITS_FROM { 2 } else { 1 };
    let mut best: Option<(u32, usize)> = None;
    let mut ambiguous = false;
    let mut checked: FastSet<u32> = FastSet::default();
    for h in deletion_hashes(q, edits) {
        let Some(list) = index.by_deletion.get(&h) else {
            continue;
        };
        for &i in list {
            if !checked.insert(i) {
                continue;
            }
            let t = index.target(i);
            let allowed = if t.plain.len() >= TWO_EDITS_FROM {
                2
            } else {
                1
            };
            // An added or changed digit makes another name ("abc7news"), not a typo.
            let digits = |s: &[u8]| s.iter().filter(|c| c.is_ascii_digit()).count();
            if digits(q) > digits(t.plain.as_bytes()) {
                continue;
            }
            let d = edit_distance(q, t.plain.as_bytes(), allowed);
            if d == 0 || d > allowed || !near_suffix_ok(p, t) {
                continue;
            }
            match best {
                Some((bi, bd)) if bd == d && index.target(bi).outlet != t.outlet => {
                    ambiguous = true
                }
                Some((_, bd)) if bd <= d => {}
                _ => {
                    best = Some((i, d));
                    ambiguous = false;
                }
            }
        }
    }
    if ambiguous {
        return None;
    }
    let (i, d) = best?;
    let t = index.target(i);
    if another_name(&p.plain, &t.plain) {
        return None;
    }
    let how = if d == 1 {
        format!(
            "uses {THEIRS} name with one letter changed ({} for {})",
            p.label, t.raw
        )
    } else {
        format!(
            "uses {THEIRS} name with two letters changed ({} for {})",
            p.label, t.raw
        )
    };
    Some((i, Rule::Typo, how))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::registry::{Domain, DomainRole, RegistryData, Source};

    fn outlet(id: &str, name: &str, country: &str, lang: &str, hosts: &[&str]) -> Outlet {
        Outlet {
            id: id.into(),
            name: name.into(),
            names: vec![],
            country: country.into(),
            languages: vec![lang.into()],
            domains: hosts
                .iter()
                .enumerate()
                .map(|(i, h)| Domain {
                    host: h.to_string(),
                    role: if i == 0 {
                        DomainRole::Primary
                    } else {
                        DomainRole::Edition
                    },
                    lang: None,
                    source: None,
                })
                .collect(),
            source: Source {
                title: "test".into(),
                url: "https://example.org".into(),
                as_of: "2025-01-01".into(),
            },
            owner: None,
            parent: None,
            ultimate_owner: None,
            funding: None,
            state_media: None,
            legal_measures: vec![],
            operations: vec![],
        }
    }

    fn test_registry() -> Registry {
        Registry::new(RegistryData {
            outlet: vec![
                outlet("der-spiegel", "Der Spiegel", "DE", "de", &["spiegel.de"]),
                outlet(
                    "tagesspiegel",
                    "Der Tagesspiegel",
                    "DE",
                    "de",
                    &["tagesspiegel.de"],
                ),
                outlet(
                    "washington-post",
                    "The Washington Post",
                    "US",
                    "en",
                    &["washingtonpost.com"],
                ),
                outlet("fox-news", "Fox News", "US", "en", &["foxnews.com"]),
                outlet("abc-news", "ABC News", "US", "en", &["abcnews.com"]),
                outlet("bbc", "BBC", "GB", "en", &["bbc.co.uk", "bbc.com"]),
                outlet(
                    "nytimes",
                    "The New York Times",
                    "US",
                    "en",
                    &["nytimes.com"],
                ),
                outlet("le-monde", "Le Monde", "FR", "fr", &["lemonde.fr"]),
                outlet("20-minutes", "20 Minutes", "FR", "fr", &["20minutes.fr"]),
                outlet("t-online", "t-online", "DE", "de", &["t-online.de"]),
                outlet(
                    "faz",
                    "Frankfurter Allgemeine Zeitung",
                    "DE",
                    "de",
                    &["faz.net"],
                ),
                outlet("taz", "taz", "DE", "de", &["taz.de"]),
                outlet("el-tiempo", "El Tiempo", "CO", "es", &["eltiempo.com"]),
                outlet("el-pais", "El País", "ES", "es", &["elpais.com"]),
                outlet("forbes", "Forbes", "US", "en", &["forbes.com"]),
                outlet("nrc", "NRC Handelsblad", "NL", "nl", &["nrc.nl"]),
                outlet("abc-es", "ABC", "ES", "es", &["abc.es"]),
                outlet("abc-au", "ABC", "AU", "en", &["abc.net.au"]),
                outlet("delfi", "Delfi", "LT", "lt", &["delfi.lt"]),
                outlet("rbc-ru", "RBC", "RU", "ru", &["rbc.ru"]),
                outlet("rbc-ua", "RBC-Ukraine", "UA", "uk", &["rbc.ua"]),
                outlet(
                    "pravda-ua",
                    "Ukrainska Pravda",
                    "UA",
                    "uk",
                    &["pravda.com.ua"],
                ),
                outlet("cnn", "CNN", "US", "en", &["cnn.com"]),
                outlet("cbs-news", "CBS News", "US", "en", &["cbsnews.com"]),
                outlet("ew", "EW", "NL", "nl", &["ewmagazine.nl"]),
                outlet(
                    "china-daily",
                    "China Daily",
                    "CN",
                    "en",
                    &["chinadaily.com.cn", "chinadailyusa.com"],
                ),
                outlet("vice", "Vice", "US", "en", &["vice.com"]),
                outlet("newsmax", "Newsmax", "US", "en", &["newsmax.com"]),
                outlet("the-blaze", "TheBlaze", "US", "en", &["theblaze.com"]),
                outlet("mint", "Mint", "IN", "en", &["livemint.com"]),
                outlet("cnn-turk", "CNN Türk", "TR", "tr", &["cnnturk.com"]),
                outlet(
                    "cnn-brasil",
                    "CNN Brasil",
                    "BR",
                    "pt",
                    &["cnnbrasil.com.br"],
                ),
                outlet(
                    "cnn-indonesia",
                    "CNN Indonesia",
                    "ID",
                    "id",
                    &["cnnindonesia.com"],
                ),
                outlet("reuters", "Reuters", "GB", "en", &["reuters.com"]),
                outlet(
                    "reuters-tr",
                    "Reuters Turkey",
                    "TR",
                    "tr",
                    &["reuterstr.com"],
                ),
                outlet("reuters-x", "Reuters X", "IN", "en", &["reutersx.com"]),
                outlet("reuters-y", "Reuters Y", "JP", "ja", &["reutersy.com"]),
                outlet("people-cn", "People's Daily", "CN", "zh", &["people.cn"]),
                outlet(
                    "china-daily",
                    "China Daily",
                    "CN",
                    "zh",
                    &["chinadaily.com.cn"],
                ),
                outlet("watson", "watson", "DE", "de", &["watson.de"]),
                outlet("nzz", "Neue Zürcher Zeitung", "CH", "de", &["nzz.ch"]),
                // A generic word several outlets have in their names, one as an alias.
                Outlet {
                    names: vec!["The Gazette".into()],
                    ..outlet(
                        "teesside-live",
                        "Teesside Live",
                        "GB",
                        "en",
                        &["gazettelive.co.uk"],
                    )
                },
                outlet(
                    "montreal-gazette",
                    "Montreal Gazette",
                    "CA",
                    "en",
                    &["montrealgazette.com"],
                ),
                outlet(
                    "saudi-gazette",
                    "Saudi Gazette",
                    "SA",
                    "en",
                    &["saudigazette.com.sa"],
                ),
                outlet(
                    "the-observer",
                    "The Observer",
                    "GB",
                    "en",
                    &["observer.co.uk"],
                ),
                outlet(
                    "charlotte-observer",
                    "The Charlotte Observer",
                    "US",
                    "en",
                    &["charlotteobserver.com"],
                ),
                outlet(
                    "oman-observer",
                    "Oman Daily Observer",
                    "OM",
                    "en",
                    &["omanobserver.om"],
                ),
                // A generic word one other outlet has in its name: still the outlet's.
                outlet("die-welt", "Die Welt", "DE", "de", &["welt.de"]),
                outlet("junge-welt", "Junge Welt", "DE", "de", &["jungewelt.de"]),
                // A label held by an edition under the same ending with a country code added.
                outlet(
                    "the-guardian",
                    "The Guardian",
                    "GB",
                    "en",
                    &["theguardian.com"],
                ),
                outlet(
                    "guardian-australia",
                    "Guardian Australia",
                    "AU",
                    "en",
                    &["theguardian.com.au"],
                ),
                outlet(
                    "the-guardian-ng",
                    "The Guardian",
                    "NG",
                    "en",
                    &["guardian.ng"],
                ),
            ],
            clone: vec![],
        })
    }

    fn check(reg: &Registry, input: &str) -> Option<(String, Rule)> {
        let h = crate::identity::host::resolve(input)?;
        imitation(&h, reg).map(|i| (i.outlet.id.clone(), i.rule))
    }

    fn fires(reg: &Registry, input: &str, id: &str, rule: Rule) {
        assert_eq!(
            check(reg, input),
            Some((id.to_string(), rule)),
            "{input} should imitate {id} by {rule:?}"
        );
    }

    fn silent(reg: &Registry, input: &str) {
        assert_eq!(check(reg, input), None, "{input} should not be a lookalike");
    }

    #[test]
    fn strength_weighs_distinctiveness() {
        let reg = test_registry();
        let ix = reg.lookalike_index();
        assert_eq!(ix.strength("spiegel"), Some(Strength::Strong));
        assert_eq!(ix.strength("eltiempo"), Some(Strength::Generic));
        assert_eq!(ix.strength("lemonde"), Some(Strength::Generic));
        assert_eq!(ix.strength("20minutes"), Some(Strength::Generic));
        assert_eq!(ix.strength("bbc"), Some(Strength::Short));
        assert_eq!(ix.strength("abc"), Some(Strength::Shared));
        assert_eq!(ix.strength("t-online"), Some(Strength::Strong));
    }

    #[test]
    fn generic_words_several_outlets_use_name_none_of_them() {
        let reg = test_registry();
        let ix = reg.lookalike_index();
        // "gazette" (Teesside Live's alias) and "observer" (The Observer's label) are in the
        // names of two or more other outlets: no host is a lookalike on that word alone.
        assert_eq!(ix.strength("gazette"), Some(Strength::Shared));
        assert_eq!(ix.strength("observer"), Some(Strength::Shared));
        silent(&reg, "gazette.news");
        silent(&reg, "gazette.example");
        silent(&reg, "observer.news");
        silent(&reg, "observer.ltd");
        silent(&reg, "guardian.news"); // The Guardian, The Guardian (Nigeria), Guardian Australia
                                       // "welt" is in one other outlet's name (Junge Welt): still Die Welt's.
        assert_eq!(ix.strength("welt"), Some(Strength::Generic));
        fires(&reg, "welt.media", "die-welt", Rule::SuffixSwap);
        fires(&reg, "welt.ltd", "die-welt", Rule::SuffixSwap);
    }

    #[test]
    fn a_label_shared_with_an_edition_on_a_longer_ending_stays_the_outlets() {
        let reg = test_registry();
        // theguardian.com.au (Guardian Australia) does not make theguardian.com's label shared.
        fires(&reg, "theguardian.news", "the-guardian", Rule::SuffixSwap);
        fires(&reg, "theguardian.online", "the-guardian", Rule::SuffixSwap);
        fires(&reg, "theguardian.ltd", "the-guardian", Rule::SuffixSwap);
        // ... but it stays shared for the edition: which one would theguardian.com.nz imitate?
        silent(&reg, "theguardian.com.nz");
        silent(&reg, "theguardian.com.au");
    }

    #[test]
    fn suffix_classes() {
        assert_eq!(suffix_class("ltd", Some("de")), SuffixClass::Abused);
        assert_eq!(suffix_class("uk.net", Some("com")), SuffixClass::Abused);
        assert_eq!(suffix_class("com.co", Some("com")), SuffixClass::Visual);
        assert_eq!(suffix_class("com", Some("de")), SuffixClass::Legacy);
        assert_eq!(suffix_class("com.uy", Some("com")), SuffixClass::Visual);
        assert_eq!(suffix_class("com.uy", Some("es")), SuffixClass::Country);
        assert_eq!(suffix_class("at", Some("de")), SuffixClass::Country);
        assert!(matches!(
            suffix_class("me", Some("fr")),
            SuffixClass::Open(_)
        ));
        assert!(matches!(suffix_class("news", None), SuffixClass::Open(_)));
    }

    #[test]
    fn suffix_swap_fires_on_abused_and_visual_endings() {
        let reg = test_registry();
        fires(&reg, "spiegel.ltd", "der-spiegel", Rule::SuffixSwap);
        fires(
            &reg,
            "https://www.spiegel.ltd/politik/x.html",
            "der-spiegel",
            Rule::SuffixSwap,
        );
        fires(
            &reg,
            "washingtonpost.pm",
            "washington-post",
            Rule::SuffixSwap,
        );
        fires(&reg, "lemonde.ltd", "le-monde", Rule::SuffixSwap);
        fires(&reg, "20minutes.me", "20-minutes", Rule::SuffixSwap);
        fires(&reg, "t-online.fun", "t-online", Rule::SuffixSwap);
        fires(&reg, "faz.ltd", "faz", Rule::SuffixSwap);
        fires(&reg, "foxnews.cc", "fox-news", Rule::SuffixSwap);
        fires(&reg, "abcnews.com.co", "abc-news", Rule::SuffixSwap);
        fires(&reg, "spiegel.com", "der-spiegel", Rule::SuffixSwap);
    }

    #[test]
    fn suffix_swap_spares_namesakes_and_editions() {
        let reg = test_registry();
        silent(&reg, "eltiempo.com.ve"); // generic name, another country's paper
        silent(&reg, "elpais.com.uy");
        silent(&reg, "forbes.ru"); // a licensed edition under a country ending
        silent(&reg, "spiegel.at"); // ordinary country ending: namesake or edition
        silent(&reg, "abc.ltd"); // shared by two outlets
        silent(&reg, "lemonde.com"); // generic name under .com
        silent(&reg, "nytimes.net"); // the outlet is on .com: .net is its own kind of ending
        silent(&reg, "spiegel.de"); // genuine
    }

    #[test]
    fn own_ending_with_a_second_level_before_it() {
        let reg = test_registry();
        // `com.` or `co.` put before the outlet's own country ending reads like it.
        fires(&reg, "lemonde.com.fr", "le-monde", Rule::SuffixSwap);
        fires(&reg, "spiegel.com.de", "der-spiegel", Rule::SuffixSwap);
        fires(&reg, "taz.com.de", "taz", Rule::SuffixSwap); // CentralNic's com.de: abused
                                                            // `co.de` and `co.fr` are not endings but sites that hand out names under them.
        fires(&reg, "spiegel.co.de", "der-spiegel", Rule::SuffixSwap);
        fires(&reg, "lemonde.co.fr", "le-monde", Rule::SuffixSwap);
        fires(&reg, "faz.co.de", "faz", Rule::SuffixSwap);
        fires(&reg, "www.faz.co.de", "faz", Rule::SuffixSwap);
        assert_eq!(suffix_class("co.de", Some("com")), SuffixClass::Abused);
        assert_eq!(suffix_class("com.fr", Some("fr")), SuffixClass::Visual);
        // `com.cn` is ordinary where genuine outlets use it: a namesake, not an imitation.
        silent(&reg, "people.com.cn");
        silent(&reg, "co.de");
    }

    #[test]
    fn country_swaps_stay_unflagged() {
        let reg = test_registry();
        // An ordinary country ending is where editions, licensees and namesakes live: a swap
        // to one is not called a lookalike on the name alone (see tests/identity/README.md).
        silent(&reg, "tagesspiegel.ru");
        silent(&reg, "watson.ch");
        silent(&reg, "spiegel.at");
        silent(&reg, "forbes.ru");
        silent(&reg, "eltiempo.ru");
        silent(&reg, "taz.ru");
    }

    #[test]
    fn outlet_name_as_domain() {
        let reg = test_registry();
        fires(&reg, "nrchandelsblad.com", "nrc", Rule::OutletName);
        fires(&reg, "newyorktimes.ltd", "nytimes", Rule::OutletName);
        silent(&reg, "nrchandelsblad.nl");
    }

    #[test]
    fn typo_scales_with_length() {
        let reg = test_registry();
        fires(&reg, "washingtonpots.com", "washington-post", Rule::Typo);
        fires(&reg, "washingtonpoost.co", "washington-post", Rule::Typo);
        fires(&reg, "wahsingtonpost.com", "washington-post", Rule::Typo);
        fires(&reg, "spiegle.de", "der-spiegel", Rule::Typo);
        fires(&reg, "delfu.lt", "delfi", Rule::Typo);
        fires(&reg, "delfl.lt", "delfi", Rule::DigitSwap);
        silent(&reg, "spiegle.at"); // a typo and another country: too little in common
        silent(&reg, "fax.net"); // short names are never typos
        silent(&reg, "sptegxl.de"); // two edits of a 7-letter name
        silent(&reg, "tagesspiegel.de"); // genuine, and a name in its own right
    }

    /// Genuine outlets a letter or two away from another's name: a changed acronym before
    /// generic words, one edition word for another.
    #[test]
    fn another_name_is_not_a_typo() {
        let reg = test_registry();
        silent(&reg, "cnsnews.com"); // CNSNews, not CBS News
        silent(&reg, "usmagazine.com"); // Us Weekly, not EW
        silent(&reg, "chinadailyasia.com"); // China Daily's Asian edition, not a typo of its US one
        fires(&reg, "cbsnewss.com", "cbs-news", Rule::Typo); // the change outside the acronym
        fires(&reg, "ewmagazlne.com", "ew", Rule::DigitSwap);
        assert!(another_name("cnsnews", "cbsnews"));
        assert!(another_name("chinadailyasia", "chinadailyusa"));
        assert!(!another_name("washingtonpots", "washingtonpost"));
        assert!(!another_name("cbsnevs", "cbsnews"));
    }

    /// Sister channels and everyday words in other outlets' names are not added words.
    #[test]
    fn sister_channels_and_common_words_are_not_added_words() {
        let reg = test_registry();
        silent(&reg, "vicetv.com");
        silent(&reg, "newsmaxtv.com");
        silent(&reg, "newsblaze.com");
        silent(&reg, "mintpressnews.com");
        fires(&reg, "vice-tv.com", "vice", Rule::AddedWord); // a hyphen: still the usual disguise
        fires(&reg, "newsmaxtv.ltd", "newsmax", Rule::AddedWord); // not the outlet's ending
        fires(&reg, "newsmax-today.com", "newsmax", Rule::AddedWord);
    }

    #[test]
    fn digit_and_letter_pair_swaps() {
        let reg = test_registry();
        fires(
            &reg,
            "washingt0npost.com",
            "washington-post",
            Rule::DigitSwap,
        );
        fires(&reg, "nytirnes.com", "nytimes", Rule::DigitSwap);
        fires(&reg, "sp1egel.de", "der-spiegel", Rule::DigitSwap);
        fires(&reg, "de1fi.lt", "delfi", Rule::DigitSwap);
        silent(&reg, "n0rc.nl");
    }

    #[test]
    fn homoglyphs_via_uts39_skeleton() {
        let reg = test_registry();
        fires(
            &reg,
            "https://www.spiеgel.de/",
            "der-spiegel",
            Rule::Homoglyph,
        ); // Cyrillic е
        fires(&reg, "nytіmes.com", "nytimes", Rule::Homoglyph); // Ukrainian і
        silent(&reg, "пример.рф");
    }

    #[test]
    fn hyphen_added_or_dropped() {
        let reg = test_registry();
        fires(&reg, "fox-news.top", "fox-news", Rule::Hyphen);
        fires(&reg, "washington-post.com", "washington-post", Rule::Hyphen);
        fires(&reg, "tonline.de", "t-online", Rule::Hyphen);
        silent(&reg, "el-tiempo.com.ve");
    }

    #[test]
    fn added_words() {
        let reg = test_registry();
        fires(
            &reg,
            "washingtonpost-news.com",
            "washington-post",
            Rule::AddedWord,
        );
        fires(&reg, "news-bbc.com", "bbc", Rule::AddedWord);
        fires(&reg, "bbc-news24.com", "bbc", Rule::AddedWord);
        fires(&reg, "bbc-uk.news", "bbc", Rule::AddedWord);
        fires(&reg, "dertagesspiegel.com", "tagesspiegel", Rule::AddedWord);
        fires(&reg, "spiegel-aktuell.de", "der-spiegel", Rule::AddedWord);
        silent(&reg, "bbcnews24.de"); // short name, country ending, no hyphen
        silent(&reg, "abc7news.com"); // shared name
        silent(&reg, "spiegelaktuell.de"); // no hyphen under a country ending
        silent(&reg, "eltiempo-news.com.ve");
        silent(&reg, "tagesspiegel.de");
    }

    #[test]
    fn own_country_code_glued_on() {
        let reg = test_registry();
        // The outlet's own label with its own country code glued on, no hyphen.
        fires(&reg, "bbcuk.com", "bbc", Rule::AddedWord);
        fires(&reg, "bbcgb.news", "bbc", Rule::AddedWord);
        fires(&reg, "lemondefr.com", "le-monde", Rule::AddedWord);
        fires(&reg, "lemondefr.fr", "le-monde", Rule::AddedWord);
        fires(&reg, "nzzch.com", "nzz", Rule::AddedWord);
        // Another country's code is a namesake's or an edition's (eldiario + ar, chinadaily +
        // hk are genuine registry titles), and a country ending is where those live.
        silent(&reg, "bbcus.com");
        silent(&reg, "lemondeit.com");
        silent(&reg, "nzzde.com");
        silent(&reg, "bbcuk.de");
        silent(&reg, "lemondefr.be");
    }

    #[test]
    fn a_domain_spelled_with_hyphens() {
        let reg = test_registry();
        fires(&reg, "pravda-com-ua.online", "pravda-ua", Rule::Subdomain);
        fires(&reg, "www-bbc-co-uk.example.com", "bbc", Rule::Subdomain);
        // Google Translate's proxy is unwrapped to the genuine host first.
        silent(&reg, "www-bbc-co-uk.translate.goog");
        silent(&reg, "spiegel-de-fans.com");
    }

    #[test]
    fn shared_names_told_apart_by_a_country_code() {
        let reg = test_registry();
        assert_eq!(
            reg.lookalike_index().strength("rbc"),
            Some(Strength::Shared)
        );
        fires(&reg, "rbc-ua.com", "rbc-ua", Rule::Subdomain);
        fires(&reg, "rbc-ua.ltd", "rbc-ua", Rule::Subdomain);
        silent(&reg, "rbc.ltd"); // which RBC? neither is on .com
        silent(&reg, "rbc-news.com");
    }

    #[test]
    fn franchise_names_keep_their_editions_apart() {
        let reg = test_registry();
        assert_eq!(reg.lookalike_index().strength("cnn"), Some(Strength::Short));
        assert_eq!(
            reg.lookalike_index().strength("reuters"),
            Some(Strength::Franchise)
        );
        fires(&reg, "reuters.ltd", "reuters", Rule::SuffixSwap);
        fires(&reg, "news-cnn.com", "cnn", Rule::AddedWord);
        silent(&reg, "cnnchile.com"); // a licensee, no hyphen, no generic word
        silent(&reg, "reuters.co.jp");
    }

    #[test]
    fn subdomain_tricks() {
        let reg = test_registry();
        fires(&reg, "bbc.co.uk.example.com", "bbc", Rule::Subdomain);
        fires(
            &reg,
            "https://nytimes.com-article.info/x",
            "nytimes",
            Rule::Subdomain,
        );
        fires(
            &reg,
            "www.spiegel.de.news-today.ltd",
            "der-spiegel",
            Rule::Subdomain,
        );
        silent(&reg, "bbc.example.com");
        silent(&reg, "news.bbc.co.uk");
    }

    #[test]
    fn no_panic_on_odd_hosts() {
        let reg = test_registry();
        let long = format!("{}.com", "a".repeat(63));
        let many = format!("{}example.com", "a.".repeat(100));
        for input in [
            "",
            "-",
            "--.com",
            "a.b",
            "xn--.com",
            "xn--zz.ltd",
            "é.ltd",
            "1.2.3.4",
            "[::1]",
            "a-.ltd",
            "-a.ltd",
            long.as_str(),
            many.as_str(),
            "localhost",
            "co.uk",
            "ltd",
        ] {
            let _ = check(&reg, input);
        }
    }

    #[test]
    fn edit_distance_is_bounded_osa() {
        assert_eq!(edit_distance(b"spiegel", b"spiegel", 2), 0);
        assert_eq!(edit_distance(b"spiegel", b"spigeel", 2), 1);
        assert_eq!(edit_distance(b"spiegel", b"spiegl", 2), 1);
        assert_eq!(edit_distance(b"abc", b"xyz", 1), 2);
        assert_eq!(edit_distance(b"", b"ab", 2), 2);
    }

    #[test]
    fn fold_maps_confusables() {
        assert_eq!(fold("sp1egel"), fold("splegel"));
        assert_eq!(fold("spiеgel"), fold("spiegel"));
        assert_eq!(fold("w0rld"), fold("world"));
        assert_eq!(fold("rn"), fold("m"));
        assert_eq!(fold("Spie-gel"), fold("spiegel"));
    }

    #[test]
    fn generic_composites() {
        assert!(is_generic_composite("eltiempo"));
        assert!(is_generic_composite("dailystar"));
        assert!(is_generic_composite("20minutes"));
        assert!(!is_generic_composite("nytimes"));
        assert!(!is_generic_composite("washingtonpost"));
        assert!(!is_generic_composite("spiegel"));
        assert!(affix("news24").is_some());
        assert!(affix("-uk").is_some());
        assert!(affix("2024").is_none());
        assert!(affix("handel").is_none());
    }
}
