//! What the page says it is: the publisher names in its metadata, in order of trust.

use super::registry::{normalize_name, Outlet, Registry};
use crate::page::{split_title, Page};
use serde::Serialize;

/// Where a claim was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Via {
    #[serde(rename = "og:site_name")]
    OgSiteName,
    #[serde(rename = "JSON-LD publisher")]
    JsonLdPublisher,
    #[serde(rename = "application-name")]
    ApplicationName,
    #[serde(rename = "JSON-LD isPartOf")]
    JsonLdIsPartOf,
    #[serde(rename = "JSON-LD Organization")]
    JsonLdOrganization,
    #[serde(rename = "title")]
    Title,
    #[serde(rename = "twitter:site")]
    TwitterSite,
    #[serde(rename = "copyright")]
    Copyright,
}

/// A name the page gives itself, and the registry outlet it names, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Claim {
    pub name: String,
    pub via: Via,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet_id: Option<String>,
    /// The name matched the outlet only once letters of another script that look like Latin
    /// ones were read as those (`Ѕрutnіk` with Cyrillic Ѕ, р, і for Sputnik).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub lookalike_letters: bool,
}

/// Claims in order of trust. Title parts and copyright lines count only when they name a
/// registry outlet: otherwise they are as likely to be part of a headline.
pub fn claims(page: &Page, registry: &Registry) -> Vec<Claim> {
    let m = &page.meta;
    let mut out: Vec<Claim> = Vec::new();
    let add = |name: &str, via: Via, named_only: bool, out: &mut Vec<Claim>| {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 120 {
            return;
        }
        let found = match_claim(name, registry);
        if named_only && found.is_none() {
            return;
        }
        if out.iter().any(|c| c.name == name) {
            return;
        }
        out.push(Claim {
            name: name.to_string(),
            via,
            outlet_id: found.map(|(o, _)| o.id.clone()),
            lookalike_letters: found.is_some_and(|(_, l)| l),
        });
    };
    if let Some(v) = &m.site_name {
        add(v, Via::OgSiteName, false, &mut out);
    }
    for a in &m.articles {
        if let Some(v) = &a.publisher {
            add(v, Via::JsonLdPublisher, false, &mut out);
        }
    }
    if let Some(v) = &m.application_name {
        add(v, Via::ApplicationName, false, &mut out);
    }
    for a in &m.articles {
        if let Some(v) = &a.is_part_of {
            add(v, Via::JsonLdIsPartOf, true, &mut out);
        }
    }
    for v in &m.organizations {
        add(v, Via::JsonLdOrganization, true, &mut out);
    }
    if let Some(title) = &m.title {
        if let (head, Some(tail)) = split_title(title) {
            add(tail, Via::Title, too_long_for_a_name(tail), &mut out);
            // "Site | Headline" puts the name first.
            let first = head.split(" | ").next().unwrap_or(head);
            add(first, Via::Title, true, &mut out);
        }
    }
    if let Some(v) = &m.twitter_site {
        add(v.trim_start_matches('@'), Via::TwitterSite, true, &mut out);
    }
    if let Some(v) = &m.copyright {
        let name = v
            .trim_start_matches(|c: char| !c.is_alphabetic() || "©Cc".contains(c))
            .trim_start_matches("opyright")
            .trim();
        let name = name.trim_start_matches(|c: char| !c.is_alphabetic());
        add(name, Via::Copyright, true, &mut out);
    }
    out
}

/// A title tail names a site only when it is short; otherwise it is part of the headline.
/// Returns whether the tail must match a registry outlet to count.
fn too_long_for_a_name(tail: &str) -> bool {
    tail.split_whitespace().count() > 5
}

/// The registry outlet a name refers to: an exact match of the normalized name or alias,
/// a domain written as a name ("nytimes.com"), a handle ("@nytimes"), or the whole name once
/// a tagline after a separator and trailing words such as "News", "Online" or ".com" are
/// stripped ("Sputnik – News" -> Sputnik). A registry name that is only a part of a longer
/// claimed name does not match ("Independent Gazette" is not The Independent).
pub fn match_outlet<'r>(name: &str, registry: &'r Registry) -> Option<&'r Outlet> {
    match_claim(name, registry).map(|(o, _)| o)
}

/// As [`match_outlet`], and whether the name matched only once look-alike letters of another
/// script were read as the Latin letters they imitate (UTS #39 skeleton).
pub fn match_claim<'r>(name: &str, registry: &'r Registry) -> Option<(&'r Outlet, bool)> {
    if let Some(o) = match_plain(name, registry) {
        return Some((o, false));
    }
    if !written_in_lookalike_letters(name) {
        return None;
    }
    // Compare confusable skeletons (UTS #39) of the claim and of the registry's names.
    let index = registry.lookalike_index();
    for candidate in [name.trim(), core_name(name)] {
        // The skeleton first, while the case still tells Greek Ν (N) from ν (v).
        let skeleton: String = unicode_security::skeleton(candidate).collect();
        let key = normalize_name(&skeleton);
        if key.chars().count() < 3 {
            continue;
        }
        let f = super::lookalike::fold(&key);
        if let Some(i) = index.outlet_with_fold(&f) {
            return registry.outlets.get(i).map(|o| (o, true));
        }
    }
    None
}

fn match_plain<'r>(name: &str, registry: &'r Registry) -> Option<&'r Outlet> {
    if let Some(o) = unique(registry.outlets_named(name)) {
        return Some(o);
    }
    let lower = name.trim().to_lowercase();
    if lower.contains('.') && !lower.contains(' ') {
        if let Some(info) = super::host::resolve(&lower) {
            if let Some((o, _)) = registry.outlet_for_host(&info.host, &info.site) {
                return Some(o);
            }
        }
    }
    // A handle or a name label: "@nytimes", "spiegelonline" -> the outlet whose domain it names.
    let handle = lower.trim_start_matches('@');
    if !handle.is_empty()
        && handle.len() <= 40
        && handle
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        let index = registry.lookalike_index();
        let label = handle.replace('_', "-");
        if let Some(i) = index.outlet_with_label(&label) {
            return registry.outlets.get(i);
        }
    }
    let core = core_name(name);
    if core != name.trim() && normalize_name(core).chars().count() >= 2 {
        if let Some(o) = unique(registry.outlets_named(core)) {
            return Some(o);
        }
    }
    None
}

/// Words that decorate a name without changing whom it names: "Sputnik News", "BBC Online",
/// "The New York Times Company", "Sputnik Afrique" (an edition).
#[rustfmt::skip]
const TRAILING_WORDS: &[&str] = &[
    "news", "online", "live", "tv", "com", "net", "org", "company", "co", "inc", "ltd", "llc",
    "gmbh", "ag", "sa", "group", "digital", "edition", "international", "global", "english",
    "espanol", "francais", "deutsch", "arabic", "world", "uk", "us", "usa", "africa",
    "afrique", "mundo", "brasil", "france", "deutschland", "official", "website", "site",
    "home", "homepage", "app", "en", "de", "fr", "es",
];

/// The name without a tagline after a separator and without trailing decorations:
/// "Sputnik – News", "BBC | Home", "Spiegel Online", "nytimes.com" -> "Sputnik", "BBC",
/// "Spiegel", "nytimes".
fn core_name(name: &str) -> &str {
    let mut s = name.trim();
    for sep in [" – ", " — ", " - ", " | ", " · ", " • ", ": "] {
        if let Some((head, _)) = s.split_once(sep) {
            if !head.trim().is_empty() {
                s = head.trim();
            }
        }
    }
    loop {
        let trimmed = s.trim_end_matches(|c: char| !c.is_alphanumeric());
        let cut = trimmed
            .rfind(|c: char| c.is_whitespace() || c == '.' || c == '-')
            .filter(|&i| i > 0);
        let Some(i) = cut else {
            return trimmed;
        };
        let last = normalize_name(&trimmed[i + 1..]);
        if TRAILING_WORDS.contains(&last.as_str()) {
            s = trimmed[..i].trim_end();
        } else {
            return trimmed;
        }
    }
}

/// Whether the name is written, wholly or partly, in letters of another script that look like
/// Latin ones (`Ѕрutnіk` with Cyrillic Ѕ, р, і): mixed with Latin letters, or made only of
/// them and long enough not to be a word of that script. A name with a letter that imitates
/// no Latin one is a name in that script, not a disguise.
pub fn written_in_lookalike_letters(name: &str) -> bool {
    let foreign = |c: char| {
        c.is_alphabetic()
            && !c.is_ascii()
            && !matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
    };
    let mut folded_letters = 0;
    let mut latin_letters = 0;
    for c in name.chars() {
        if foreign(c) {
            let sk: String = unicode_security::skeleton(&c.to_string()).collect();
            if sk.is_empty() || !sk.chars().all(|k| k.is_ascii_alphanumeric()) {
                return false;
            }
            folded_letters += 1;
        } else if c.is_alphabetic() {
            latin_letters += 1;
        }
    }
    folded_letters > 0 && (latin_letters > 0 || folded_letters >= 5)
}

/// A name shared by several outlets does not identify one.
fn unique(found: Vec<&Outlet>) -> Option<&Outlet> {
    match found.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_across_case_diacritics_handles_and_domains() {
        let reg = crate::identity::registry::registry();
        if reg.outlet("der-spiegel").is_none() || reg.outlet("new-york-times").is_none() {
            return; // the registry has not got these majors yet
        }
        let id = |n: &str| match_outlet(n, reg).map(|o| o.id.clone());
        assert_eq!(id("DER SPIEGEL").as_deref(), Some("der-spiegel"));
        assert_eq!(id("nytimes").as_deref(), Some("new-york-times"));
        assert_eq!(id("@nytimes").as_deref(), Some("new-york-times"));
        assert_eq!(id("nytimes.com").as_deref(), Some("new-york-times"));
        assert_eq!(
            id("The New York Times Company").as_deref(),
            Some("new-york-times")
        );
        assert_eq!(id("Some Blog Nobody Knows"), None);
        assert_eq!(
            id("DER SPIEGEL – Nachrichten").as_deref(),
            Some("der-spiegel")
        );
        assert_eq!(id("Spiegel Online").as_deref(), Some("der-spiegel"));
        assert_eq!(id(""), None);
    }
}

#[cfg(test)]
mod claim_matching_tests {
    use super::*;
    use crate::identity::registry::{Domain, DomainRole, Outlet, Registry, RegistryData, Source};

    fn outlet(id: &str, name: &str, names: &[&str], host: &str) -> Outlet {
        Outlet {
            id: id.into(),
            name: name.into(),
            names: names.iter().map(|n| n.to_string()).collect(),
            country: "GB".into(),
            languages: vec!["en".into()],
            domains: vec![Domain {
                host: host.into(),
                role: DomainRole::Primary,
                lang: None,
                source: None,
            }],
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

    fn reg() -> Registry {
        Registry::new(RegistryData {
            outlet: vec![
                outlet("independent", "The Independent", &[], "independent.co.uk"),
                outlet("sputnik", "Sputnik", &["Спутник"], "sputnikglobe.com"),
                outlet("times", "The Times", &[], "thetimes.com"),
                outlet(
                    "guardian",
                    "The Guardian",
                    &["Guardian News"],
                    "theguardian.com",
                ),
                outlet("bbc", "BBC", &[], "bbc.com"),
            ],
            clone: vec![],
        })
    }

    fn id(name: &str) -> Option<String> {
        match_outlet(name, &reg()).map(|o| o.id.clone())
    }

    #[test]
    fn a_registry_name_inside_a_longer_name_does_not_match() {
        assert_eq!(id("Independent Gazette"), None);
        assert_eq!(id("The Independent Gazette"), None);
        assert_eq!(id("Times of India"), None);
        assert_eq!(id("Sunday Times Herald"), None);
        assert_eq!(id("Guardian Angels Weekly"), None);
    }

    #[test]
    fn the_whole_name_after_separators_and_decorations_matches() {
        assert_eq!(id("The Independent").as_deref(), Some("independent"));
        assert_eq!(id("Independent – News").as_deref(), Some("independent"));
        assert_eq!(id("The Independent Online").as_deref(), Some("independent"));
        assert_eq!(id("independent.com").as_deref(), Some("independent"));
        assert_eq!(id("Sputnik News").as_deref(), Some("sputnik"));
        assert_eq!(id("Sputnik Afrique").as_deref(), Some("sputnik"));
        assert_eq!(id("BBC | Home").as_deref(), Some("bbc"));
        assert_eq!(id("Guardian News").as_deref(), Some("guardian")); // an alias
        assert_eq!(id("The Times: latest news").as_deref(), Some("times"));
    }

    #[test]
    fn look_alike_letters_of_another_script_are_read_as_latin() {
        let r = reg();
        // Cyrillic Ѕ, р and і among Latin letters.
        let found = match_claim("Ѕрutnіk", &r).map(|(o, l)| (o.id.clone(), l));
        assert_eq!(found, Some(("sputnik".to_string(), true)));
        // Greek Ι and Ν in "ΙΝDEPENDENT".
        assert_eq!(
            match_claim("The ΙΝDEPENDENT", &r).map(|(o, l)| (o.id.as_str(), l)),
            Some(("independent", true))
        );
        // The outlet's own name in its script is an exact alias, not a disguise.
        assert_eq!(
            match_claim("Спутник", &r).map(|(o, l)| (o.id.as_str(), l)),
            Some(("sputnik", false))
        );
        // A name in another script that imitates nothing.
        assert_eq!(match_claim("Ведомости", &r), None);
        // Accented Latin letters are not look-alikes.
        assert!(!written_in_lookalike_letters("Le Monde diplomatique é"));
        assert!(!written_in_lookalike_letters("ВВС")); // too short to tell from a word
        assert!(written_in_lookalike_letters("Ѕрutnіk"));
    }
}
