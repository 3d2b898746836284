//! Stage 2 of the flow: who is speaking. The host's outlet (registry + Public Suffix List),
//! the outlet the page claims to be, imitation of a registry domain, and a verdict in words.

pub mod claim;
pub mod host;
pub mod lookalike;
pub mod psl;
pub mod registry;
pub mod schema;

pub use claim::{Claim, Via};
pub use host::{Archive, HostInfo};
use registry::{DomainRole, Outlet, Registry};
use schema::Source;
use serde::Serialize;

/// The answer to "who is speaking?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The host is one of the outlet's domains.
    Verified,
    /// The page claims a registry outlet whose domains do not include this host.
    Claimed,
    /// The host imitates a registry outlet's domain.
    Lookalike,
    /// Not in the registry and no claim that points into it.
    Unknown,
}

/// A registry outlet named briefly: for claims and imitations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutletRef {
    pub id: String,
    pub name: String,
    pub domain: String,
}

impl From<&Outlet> for OutletRef {
    fn from(o: &Outlet) -> Self {
        OutletRef {
            id: o.id.clone(),
            name: o.name.clone(),
            domain: o.primary_domain().to_string(),
        }
    }
}

/// How sure a `lookalike` verdict is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    High,
    Medium,
}

/// Identity of the page: host, claims, verdict and reason.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Identity {
    pub host: Option<HostInfo>,
    pub verdict: Verdict,
    /// The verdict as a plain sentence.
    pub reason: String,
    /// The outlet the host belongs to, with every fact and its source.
    pub outlet: Option<Outlet>,
    /// The role of this host for its outlet (primary, edition, mirror, former).
    pub domain_role: Option<DomainRole>,
    /// Where the registry has this host as the outlet's: the domain's own source when it has
    /// one (a mirror or edition found in another list), else the outlet record's.
    pub domain_source: Option<Source>,
    /// What the page says it is, most trusted first.
    pub claims: Vec<Claim>,
    /// The registry outlet the page claims to be, when that is not the host's outlet.
    pub claimed: Option<OutletRef>,
    /// The registry outlet whose domain this host imitates.
    pub imitates: Option<OutletRef>,
    pub confidence: Option<Confidence>,
}

/// Options for identification.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Ignore clone domains the registry lists by name: judge by the generic rules alone.
    pub generic_only: bool,
}

/// Identifies the outlet behind `url`, using what `page` claims when a page is given.
pub fn identify(url: &str, page: Option<&crate::page::Page>, options: Options) -> Identity {
    let reg = registry::registry();
    let host = host::resolve(url);
    let claims = page.map(|p| claim::claims(p, reg)).unwrap_or_default();
    decide(reg, host, claims, options)
}

fn decide(
    reg: &Registry,
    host: Option<HostInfo>,
    claims: Vec<Claim>,
    options: Options,
) -> Identity {
    let claimed_outlet = claims
        .iter()
        .find_map(|c| c.outlet_id.as_deref())
        .and_then(|id| reg.outlet(id));
    let claimed_name = claims.first().map(|c| c.name.clone());
    // "The page writes the name “Ѕрutnіk” with look-alike letters of another script."
    let disguise = claims
        .iter()
        .find(|c| c.outlet_id.is_some())
        .filter(|c| c.lookalike_letters)
        .map(|c| {
            format!(
                " The page writes the name as “{}”, with look-alike letters from another script.",
                c.name
            )
        })
        .unwrap_or_default();
    let mut id = Identity {
        host: host.clone(),
        verdict: Verdict::Unknown,
        reason: String::new(),
        outlet: None,
        domain_role: None,
        domain_source: None,
        claims,
        claimed: None,
        imitates: None,
        confidence: None,
    };
    let Some(h) = host else {
        id.reason = "This address has no web host to identify.".into();
        return id;
    };
    let shown = h.unicode.clone().unwrap_or_else(|| h.host.clone());
    let archived = h
        .archive
        .as_ref()
        .map(|a| format!(" (an archived copy, via {})", a.service))
        .unwrap_or_default();

    if let Some((outlet, domain)) = reg.outlet_for_host(&h.host, &h.site) {
        let role = match domain.role {
            DomainRole::Primary => "a domain".to_string(),
            DomainRole::Edition => match &domain.lang {
                Some(lang) => format!("an edition ({lang})"),
                None => "an edition".into(),
            },
            DomainRole::Mirror => "a mirror".into(),
            DomainRole::Former => "a former domain".into(),
        };
        id.domain_role = Some(domain.role);
        id.domain_source = Some(domain.source.as_ref().unwrap_or(&outlet.source).clone());
        id.outlet = Some(outlet.clone());
        // A site known only as part of an influence operation that imitates a genuine outlet
        // is a lookalike, whatever else the registry says of it.
        let imitation = lookalike::is_operation_site(outlet)
            .then(|| lookalike::imitation_ignoring_registration(&h, reg))
            .flatten()
            .filter(|im| im.outlet.id != outlet.id);
        if let Some(im) = imitation {
            let ops: Vec<&str> = outlet
                .operations
                .iter()
                .map(|o| o.operation.as_str())
                .collect();
            id.verdict = Verdict::Lookalike;
            let claims_it = claimed_outlet.is_some_and(|c| c.id == im.outlet.id);
            id.confidence = Some(if claims_it {
                Confidence::High
            } else {
                Confidence::Medium
            });
            id.reason = format!(
                "{} It was documented as part of {}.",
                imitation_sentence(&im, &shown, claims_it),
                ops.join(", ")
            );
            id.imitates = Some(OutletRef {
                id: im.outlet.id.clone(),
                name: im.outlet.name.clone(),
                domain: im.domain.clone(),
            });
            if let Some(c) = claimed_outlet {
                id.claimed = Some(c.into());
            }
            return id;
        }
        id.verdict = Verdict::Verified;
        id.reason = format!("{shown} is {role} of {}{archived}.", outlet.name);
        if let Some(other) = claimed_outlet.filter(|c| c.id != outlet.id) {
            id.reason
                .push_str(&format!(" The page names {} as its source.", other.name));
            id.claimed = Some(other.into());
        }
        return id;
    }
    if h.is_ip {
        id.reason = format!("{shown} is an IP address, not a named site{archived}.");
        if let Some(c) = claimed_outlet {
            id.verdict = Verdict::Claimed;
            id.reason = claimed_sentence(c, &shown);
            id.reason.push_str(&disguise);
            id.claimed = Some(c.into());
        }
        return id;
    }
    let clone = (!options.generic_only)
        .then(|| reg.clone_for_host(&h.host, &h.site))
        .flatten();
    let documented = clone.and_then(|c| reg.outlet(&c.imitates).map(|o| (o, c)));
    let imitation = lookalike::imitation(&h, reg);
    if let Some((outlet, c)) = documented {
        id.verdict = Verdict::Lookalike;
        id.confidence = Some(Confidence::High);
        id.reason = format!(
            "{shown} imitates {} ({}): it was documented as a clone by {} ({}).",
            outlet.name,
            outlet.primary_domain(),
            c.report,
            c.operation
        );
        id.imitates = Some(outlet.into());
    } else if let Some(im) = imitation {
        id.verdict = Verdict::Lookalike;
        let claims_it = claimed_outlet.is_some_and(|c| c.id == im.outlet.id);
        id.confidence = Some(if claims_it {
            Confidence::High
        } else {
            Confidence::Medium
        });
        id.reason = imitation_sentence(&im, &shown, claims_it);
        if claims_it {
            id.reason.push_str(&disguise);
        }
        if let Some(a) = &h.archive {
            id.reason
                .push_str(&format!(" This is an archived copy, via {}.", a.service));
        }
        id.imitates = Some(OutletRef {
            id: im.outlet.id.clone(),
            name: im.outlet.name.clone(),
            domain: im.domain.clone(),
        });
    } else if let Some(c) = claimed_outlet {
        id.verdict = Verdict::Claimed;
        id.reason = claimed_sentence(c, &shown);
        id.reason.push_str(&disguise);
    } else {
        id.reason = match &claimed_name {
            Some(name) => format!(
                "{} is not in Masthead's registry. The page calls itself {name}.",
                h.site
            ),
            None => format!("{} is not in Masthead's registry.", h.site),
        };
    }
    if let Some(c) = claimed_outlet {
        id.claimed = Some(c.into());
    }
    id
}

/// "spiegel.ltd uses Der Spiegel's name under another ending; Der Spiegel is at spiegel.de."
fn imitation_sentence(im: &lookalike::Imitation, shown: &str, claims_it: bool) -> String {
    if claims_it {
        format!(
            "This page calls itself {name}, but {shown} is not one of its domains: it imitates {domain}. The address {how}. {name} is at {primary}.",
            name = im.outlet.name,
            domain = im.domain,
            how = im.how,
            primary = im.outlet.primary_domain()
        )
    } else {
        format!(
            "{shown} {how}; {name} is at {domain}.",
            how = im.how,
            name = im.outlet.name,
            domain = im.domain
        )
    }
}

fn claimed_sentence(outlet: &Outlet, shown: &str) -> String {
    format!(
        "This page calls itself {}, but {shown} is not one of its domains; {} is at {}.",
        outlet.name,
        outlet.name,
        outlet.primary_domain()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imitation_reasons_are_plain_sentences() {
        let reg = registry::registry();
        for (host, outlet, want) in [
            (
                "theguardian.news",
                "the-guardian",
                "theguardian.news uses The Guardian's name under another ending; The Guardian is at theguardian.com.",
            ),
            (
                "spiegel.ltd",
                "der-spiegel",
                "spiegel.ltd uses Der Spiegel's name under another ending; Der Spiegel is at spiegel.de.",
            ),
            (
                "bbc.co.uk.example.com",
                "bbc",
                "bbc.co.uk.example.com starts with bbc.co.uk but belongs to the site example.com;",
            ),
        ] {
            if reg.outlet(outlet).is_none() {
                continue; // not in the registry yet
            }
            let id = decide(
                reg,
                host::resolve(host),
                vec![],
                Options { generic_only: true },
            );
            assert_eq!(id.verdict, Verdict::Lookalike, "{host}: {}", id.reason);
            assert!(id.reason.starts_with(want), "{host}: {}", id.reason);
        }
        // Every rule's words read as a clause after the host: no leftover fragments.
        for host in [
            "washingt0npost.com",
            "fox-news.top",
            "news-bbc.com",
            "dertagesspiegel.com",
            "washingtonpots.com",
            "bbcuk.com",
            "pravda-com-ua.online",
            "abcnews.com.co",
        ] {
            let id = decide(
                reg,
                host::resolve(host),
                vec![],
                Options { generic_only: true },
            );
            if id.verdict != Verdict::Lookalike {
                continue;
            }
            let how = &id.reason[host.len()..];
            assert!(
                [" uses ", " spells ", " starts ", " writes ", " puts "]
                    .iter()
                    .any(|v| how.starts_with(v)),
                "{}",
                id.reason
            );
            assert!(!how.contains(['\u{1}', '\u{2}']), "{}", id.reason);
            assert!(id.reason.ends_with('.'), "{}", id.reason);
        }
        // Claimed and imitated: the page's name first, then how, then where the outlet is.
        let Some(spiegel) = reg.outlet("der-spiegel") else {
            return;
        };
        let claims = vec![Claim {
            name: "Der Spiegel".into(),
            via: Via::OgSiteName,
            outlet_id: Some(spiegel.id.clone()),
            lookalike_letters: false,
        }];
        let id = decide(
            reg,
            host::resolve("spiegel.ltd"),
            claims,
            Options { generic_only: true },
        );
        assert_eq!(
            id.reason,
            "This page calls itself Der Spiegel, but spiegel.ltd is not one of its domains: it imitates spiegel.de. The address uses Der Spiegel's name under another ending. Der Spiegel is at spiegel.de."
        );
    }

    #[test]
    fn a_claim_in_look_alike_letters_names_the_outlet_and_says_so() {
        let reg = registry::registry();
        let Some(sputnik) = reg.outlet("sputnik") else {
            return; // not in the registry yet
        };
        // og:site_name "Ѕрutnіk" with Cyrillic Ѕ, р and і.
        let (outlet, lookalike_letters) =
            claim::match_claim("Ѕрutnіk", reg).expect("matches through the skeleton");
        assert_eq!(outlet.id, sputnik.id);
        assert!(lookalike_letters);
        let claims = vec![Claim {
            name: "Ѕрutnіk".into(),
            via: Via::OgSiteName,
            outlet_id: Some(outlet.id.clone()),
            lookalike_letters,
        }];
        let id = decide(
            reg,
            host::resolve("https://world-news-daily.example/a"),
            claims,
            Options::default(),
        );
        assert_eq!(id.verdict, Verdict::Claimed, "{}", id.reason);
        assert_eq!(id.claimed.as_ref().map(|c| c.id.as_str()), Some("sputnik"));
        assert!(id.reason.contains("look-alike letters"), "{}", id.reason);
    }
}
