// The registry's record types and its data check.
//
// This file is compiled twice: by `build.rs` (which reads `data/outlets/*.toml`, runs
// `validate`, and embeds the records as compact JSON) and by the library (which
// deserializes that JSON once and serializes outlets into the Report). Keep it free of
// `crate::` paths so both can `include!` / `mod` it.

use serde::{Deserialize, Serialize};

/// Where a fact comes from: a document a reader can open, and when it was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Source {
    pub title: String,
    pub url: String,
    pub as_of: String,
}

/// The role a domain plays for its outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DomainRole {
    Primary,
    Edition,
    Mirror,
    Former,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub host: String,
    pub role: DomainRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Where this domain is documented, when that is not the record's own source (a mirror
    /// or edition found in another list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OwnershipType {
    State,
    PublicService,
    Private,
    Listed,
    Nonprofit,
    Unknown,
}

/// Owner, parent or ultimate owner of an outlet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Owner {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: OwnershipType,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FundingModel {
    State,
    PublicService,
    Commercial,
    Nonprofit,
    Mixed,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    pub model: FundingModel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: Source,
}

/// The State Media Monitor typology (Media and Journalism Research Center).
#[allow(clippy::upper_case_acronyms)] // the typology's own codes
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Typology {
    SC,
    CaPu,
    CaPr,
    ISFM,
    ISF,
    ISM,
    IP,
}

impl Typology {
    /// The typology in words, as the State Media Monitor defines it.
    pub fn words(self) -> &'static str {
        match self {
            Typology::SC => "state-controlled media",
            Typology::CaPu => "captured public / state-managed media",
            Typology::CaPr => "captured private media",
            Typology::ISFM => "independent state-funded and state-managed media",
            Typology::ISF => "independent state-funded media",
            Typology::ISM => "independent state-managed media",
            Typology::IP => "independent public media",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateMedia {
    pub typology: Typology,
    pub source: Source,
}

/// A legal measure against an outlet, one per legal act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct LegalMeasure {
    pub jurisdiction: String,
    pub measure: String,
    pub act: String,
    pub adopted: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
    pub url: String,
    pub as_of: String,
}

/// Attribution of an outlet to a documented influence operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Operation {
    pub operation: String,
    pub report: String,
    pub url: String,
    pub as_of: String,
}

/// One outlet of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Outlet {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub names: Vec<String>,
    pub country: String,
    #[serde(default)]
    pub languages: Vec<String>,
    pub domains: Vec<Domain>,
    pub source: Source,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Owner>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Owner>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ultimate_owner: Option<Owner>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<Funding>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_media: Option<StateMedia>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_measures: Vec<LegalMeasure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operations: Vec<Operation>,
}

/// A documented impersonation domain of a registry outlet, with the report that exposed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Clone {
    pub host: String,
    pub imitates: String,
    pub operation: String,
    pub report: String,
    pub url: String,
    pub as_of: String,
}

/// The whole registry: every outlet and every documented clone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryData {
    #[serde(default)]
    pub outlet: Vec<Outlet>,
    #[serde(default)]
    pub clone: Vec<Clone>,
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn is_host(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with("www.")
        && !s.starts_with('.')
        && !s.ends_with('.')
        && s.contains('.')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
}

/// The data check: schema rules serde cannot express. Returns one message per problem.
pub fn validate(data: &RegistryData) -> Vec<String> {
    use std::collections::HashMap;
    let mut problems = Vec::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut hosts: HashMap<&str, &str> = HashMap::new();
    let check_source = |what: &str, s: &Source, problems: &mut Vec<String>| {
        if s.title.trim().is_empty() || !s.url.starts_with("http") {
            problems.push(format!("{what}: source needs a title and an http(s) url"));
        }
        if !is_iso_date(&s.as_of) {
            problems.push(format!("{what}: as_of {:?} is not YYYY-MM-DD", s.as_of));
        }
    };
    for o in &data.outlet {
        let id = o.id.as_str();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            problems.push(format!("outlet id {id:?} must be [a-z0-9-]+"));
        }
        if ids.insert(id, 1).is_some() {
            problems.push(format!("outlet id {id:?} is used twice"));
        }
        if o.name.trim().is_empty() {
            problems.push(format!("{id}: empty name"));
        }
        if o.country.len() != 2 || !o.country.chars().all(|c| c.is_ascii_uppercase()) {
            problems.push(format!(
                "{id}: country {:?} is not ISO 3166-1 alpha-2",
                o.country
            ));
        }
        if o.domains.is_empty() {
            problems.push(format!("{id}: no domains"));
        }
        for d in &o.domains {
            if !is_host(&d.host) {
                problems.push(format!(
                    "{id}: host {:?} is not a bare lowercase host",
                    d.host
                ));
            }
            if let Some(s) = &d.source {
                check_source(&format!("{id}: domain {}", d.host), s, &mut problems);
            }
            if let Some(other) = hosts.insert(d.host.as_str(), id) {
                if other != id {
                    problems.push(format!("host {:?} is claimed by {other} and {id}", d.host));
                } else {
                    problems.push(format!("{id}: host {:?} listed twice", d.host));
                }
            }
        }
        check_source(id, &o.source, &mut problems);
        for (what, owner) in [
            ("owner", &o.owner),
            ("parent", &o.parent),
            ("ultimate_owner", &o.ultimate_owner),
        ] {
            if let Some(owner) = owner {
                check_source(&format!("{id}.{what}"), &owner.source, &mut problems);
            }
        }
        if let Some(f) = &o.funding {
            check_source(&format!("{id}.funding"), &f.source, &mut problems);
        }
        if let Some(s) = &o.state_media {
            check_source(&format!("{id}.state_media"), &s.source, &mut problems);
        }
        for m in &o.legal_measures {
            let dates_ok = is_iso_date(&m.adopted)
                && is_iso_date(&m.as_of)
                && m.effective.as_deref().is_none_or(is_iso_date);
            if !dates_ok || !m.url.starts_with("http") || m.act.trim().is_empty() {
                problems.push(format!(
                    "{id}: legal measure {:?} needs an act, a url and valid dates",
                    m.act
                ));
            }
        }
        for op in &o.operations {
            if !is_iso_date(&op.as_of) || !op.url.starts_with("http") || op.report.trim().is_empty()
            {
                problems.push(format!(
                    "{id}: operation {:?} needs a report, a url and a valid date",
                    op.operation
                ));
            }
        }
    }
    for c in &data.clone {
        if !is_host(&c.host) {
            problems.push(format!(
                "clone host {:?} is not a bare lowercase host",
                c.host
            ));
        }
        if !ids.contains_key(c.imitates.as_str()) {
            problems.push(format!(
                "clone {:?} imitates unknown outlet {:?}",
                c.host, c.imitates
            ));
        }
        if let Some(owner) = hosts.get(c.host.as_str()) {
            problems.push(format!(
                "clone host {:?} is also a domain of {owner}",
                c.host
            ));
        }
        if !is_iso_date(&c.as_of) || !c.url.starts_with("http") {
            problems.push(format!(
                "clone {:?} needs a report url and a valid date",
                c.host
            ));
        }
    }
    problems
}

// ---- compact binary encoding -------------------------------------------------------------
//
// `build.rs` writes the checked registry with `encode`; the library reads it back with
// `decode` on first use. The TOML stays the reviewed source; this is only its shipped form.
// Every string is stored once in a table (the 6,800 sources of the data are 1,400 distinct
// ones, and a handful of titles and URLs repeat thousands of times) and referenced by index;
// numbers are LEB128 varints; enums are one byte. About a tenth of the JSON it replaces, and
// no serde code in the wasm module for it.

const MAGIC: &[u8; 4] = b"MHR1";
const ROLES: [DomainRole; 4] = [
    DomainRole::Primary,
    DomainRole::Edition,
    DomainRole::Mirror,
    DomainRole::Former,
];
const OWNERSHIPS: [OwnershipType; 6] = [
    OwnershipType::State,
    OwnershipType::PublicService,
    OwnershipType::Private,
    OwnershipType::Listed,
    OwnershipType::Nonprofit,
    OwnershipType::Unknown,
];
const FUNDINGS: [FundingModel; 6] = [
    FundingModel::State,
    FundingModel::PublicService,
    FundingModel::Commercial,
    FundingModel::Nonprofit,
    FundingModel::Mixed,
    FundingModel::Unknown,
];
const TYPOLOGIES: [Typology; 7] = [
    Typology::SC,
    Typology::CaPu,
    Typology::CaPr,
    Typology::ISFM,
    Typology::ISF,
    Typology::ISM,
    Typology::IP,
];

struct Writer {
    out: Vec<u8>,
    strings: Vec<String>,
    index: std::collections::HashMap<String, usize>,
    sources: Vec<[usize; 3]>,
    source_index: std::collections::HashMap<[usize; 3], usize>,
}

impl Writer {
    fn uint(&mut self, mut n: usize) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.out.push(byte);
                return;
            }
            self.out.push(byte | 0x80);
        }
    }
    fn intern(&mut self, s: &str) -> usize {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        self.strings.push(s.to_string());
        self.index.insert(s.to_string(), self.strings.len() - 1);
        self.strings.len() - 1
    }
    fn str(&mut self, s: &str) {
        let i = self.intern(s);
        self.uint(i);
    }
    fn opt_str(&mut self, s: &Option<String>) {
        match s {
            None => self.uint(0),
            Some(s) => {
                let i = self.intern(s);
                self.uint(i + 1);
            }
        }
    }
    fn strs(&mut self, v: &[String]) {
        self.uint(v.len());
        for s in v {
            self.str(s);
        }
    }
    fn source(&mut self, s: &Source) {
        let key = [
            self.intern(&s.title),
            self.intern(&s.url),
            self.intern(&s.as_of),
        ];
        let next = self.sources.len();
        let i = *self.source_index.entry(key).or_insert(next);
        if i == next {
            self.sources.push(key);
        }
        self.uint(i);
    }
    fn tag<T: PartialEq>(&mut self, all: &[T], value: &T) {
        let i = all
            .iter()
            .position(|x| x == value)
            .expect("every variant is listed");
        self.out.push(i as u8);
    }
    fn owner(&mut self, o: &Option<Owner>) {
        match o {
            None => self.out.push(0),
            Some(o) => {
                self.out.push(1);
                self.str(&o.name);
                self.tag(&OWNERSHIPS, &o.kind);
                self.source(&o.source);
            }
        }
    }
}

/// The registry in the compact binary form `decode` reads.
pub fn encode(data: &RegistryData) -> Vec<u8> {
    let mut w = Writer {
        out: Vec::new(),
        strings: Vec::new(),
        index: Default::default(),
        sources: Vec::new(),
        source_index: Default::default(),
    };
    w.uint(data.outlet.len());
    for o in &data.outlet {
        w.str(&o.id);
        w.str(&o.name);
        w.strs(&o.names);
        w.str(&o.country);
        w.strs(&o.languages);
        w.uint(o.domains.len());
        for d in &o.domains {
            w.str(&d.host);
            w.tag(&ROLES, &d.role);
            w.opt_str(&d.lang);
            match &d.source {
                None => w.out.push(0),
                Some(s) => {
                    w.out.push(1);
                    w.source(s);
                }
            }
        }
        w.source(&o.source);
        w.owner(&o.owner);
        w.owner(&o.parent);
        w.owner(&o.ultimate_owner);
        match &o.funding {
            None => w.out.push(0),
            Some(f) => {
                w.out.push(1);
                w.tag(&FUNDINGS, &f.model);
                w.opt_str(&f.note);
                w.source(&f.source);
            }
        }
        match &o.state_media {
            None => w.out.push(0),
            Some(s) => {
                w.out.push(1);
                w.tag(&TYPOLOGIES, &s.typology);
                w.source(&s.source);
            }
        }
        w.uint(o.legal_measures.len());
        for m in &o.legal_measures {
            for s in [&m.jurisdiction, &m.measure, &m.act, &m.adopted] {
                w.str(s);
            }
            w.opt_str(&m.effective);
            w.str(&m.url);
            w.str(&m.as_of);
        }
        w.uint(o.operations.len());
        for op in &o.operations {
            for s in [&op.operation, &op.report, &op.url, &op.as_of] {
                w.str(s);
            }
        }
    }
    w.uint(data.clone.len());
    for c in &data.clone {
        for s in [
            &c.host,
            &c.imitates,
            &c.operation,
            &c.report,
            &c.url,
            &c.as_of,
        ] {
            w.str(s);
        }
    }
    // Header: the string table and the source table, then the records written above.
    let body = std::mem::take(&mut w.out);
    w.out.extend_from_slice(MAGIC);
    let strings = std::mem::take(&mut w.strings);
    w.uint(strings.len());
    for s in &strings {
        w.uint(s.len());
        w.out.extend_from_slice(s.as_bytes());
    }
    let sources = std::mem::take(&mut w.sources);
    w.uint(sources.len());
    for [t, u, a] in sources {
        w.uint(t);
        w.uint(u);
        w.uint(a);
    }
    w.out.extend_from_slice(&body);
    w.out
}

struct Reader<'a> {
    bytes: &'a [u8],
    strings: Vec<&'a str>,
    sources: Vec<Source>,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(b)
    }
    fn uint(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }
    /// A length that cannot exceed the bytes left (one byte per item at least).
    fn len(&mut self) -> Option<usize> {
        self.uint().filter(|&n| n <= self.bytes.len())
    }
    fn str(&mut self) -> Option<String> {
        let i = self.uint()?;
        self.strings.get(i).map(|s| s.to_string())
    }
    fn opt_str(&mut self) -> Option<Option<String>> {
        match self.uint()? {
            0 => Some(None),
            i => self.strings.get(i - 1).map(|s| Some(s.to_string())),
        }
    }
    fn strs(&mut self) -> Option<Vec<String>> {
        let n = self.len()?;
        (0..n).map(|_| self.str()).collect()
    }
    fn source(&mut self) -> Option<Source> {
        let i = self.uint()?;
        self.sources.get(i).cloned()
    }
    fn tag<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(usize::from(self.byte()?)).copied()
    }
    fn present(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    fn owner(&mut self) -> Option<Option<Owner>> {
        if !self.present()? {
            return Some(None);
        }
        Some(Some(Owner {
            name: self.str()?,
            kind: self.tag(&OWNERSHIPS)?,
            source: self.source()?,
        }))
    }
}

/// Reads what `encode` wrote; `None` for anything else (never panics).
pub fn decode(bytes: &[u8]) -> Option<RegistryData> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let mut r = Reader {
        bytes: rest,
        strings: Vec::new(),
        sources: Vec::new(),
    };
    let n = r.len()?;
    for _ in 0..n {
        let len = r.len()?;
        let (s, rest) = r.bytes.split_at(len);
        r.strings.push(std::str::from_utf8(s).ok()?);
        r.bytes = rest;
    }
    let n = r.len()?;
    for _ in 0..n {
        let (title, url, as_of) = (r.str()?, r.str()?, r.str()?);
        r.sources.push(Source { title, url, as_of });
    }
    let mut data = RegistryData::default();
    let n = r.len()?;
    for _ in 0..n {
        let id = r.str()?;
        let name = r.str()?;
        let names = r.strs()?;
        let country = r.str()?;
        let languages = r.strs()?;
        let nd = r.len()?;
        let mut domains = Vec::with_capacity(nd);
        for _ in 0..nd {
            domains.push(Domain {
                host: r.str()?,
                role: r.tag(&ROLES)?,
                lang: r.opt_str()?,
                source: if r.present()? {
                    Some(r.source()?)
                } else {
                    None
                },
            });
        }
        let source = r.source()?;
        let owner = r.owner()?;
        let parent = r.owner()?;
        let ultimate_owner = r.owner()?;
        let funding = if r.present()? {
            Some(Funding {
                model: r.tag(&FUNDINGS)?,
                note: r.opt_str()?,
                source: r.source()?,
            })
        } else {
            None
        };
        let state_media = if r.present()? {
            Some(StateMedia {
                typology: r.tag(&TYPOLOGIES)?,
                source: r.source()?,
            })
        } else {
            None
        };
        let nm = r.len()?;
        let mut legal_measures = Vec::with_capacity(nm);
        for _ in 0..nm {
            legal_measures.push(LegalMeasure {
                jurisdiction: r.str()?,
                measure: r.str()?,
                act: r.str()?,
                adopted: r.str()?,
                effective: r.opt_str()?,
                url: r.str()?,
                as_of: r.str()?,
            });
        }
        let no = r.len()?;
        let mut operations = Vec::with_capacity(no);
        for _ in 0..no {
            operations.push(Operation {
                operation: r.str()?,
                report: r.str()?,
                url: r.str()?,
                as_of: r.str()?,
            });
        }
        data.outlet.push(Outlet {
            id,
            name,
            names,
            country,
            languages,
            domains,
            source,
            owner,
            parent,
            ultimate_owner,
            funding,
            state_media,
            legal_measures,
            operations,
        });
    }
    let n = r.len()?;
    for _ in 0..n {
        data.clone.push(Clone {
            host: r.str()?,
            imitates: r.str()?,
            operation: r.str()?,
            report: r.str()?,
            url: r.str()?,
            as_of: r.str()?,
        });
    }
    r.bytes.is_empty().then_some(data)
}
