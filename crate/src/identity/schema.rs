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
