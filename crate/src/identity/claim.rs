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
        let outlet = match_outlet(name, registry);
        if named_only && outlet.is_none() {
            return;
        }
        if out.iter().any(|c| c.name == name) {
            return;
        }
        out.push(Claim {
            name: name.to_string(),
            via,
            outlet_id: outlet.map(|o| o.id.clone()),
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
/// a domain written as a name ("nytimes.com"), or the longest leading words that match a
/// distinctive name ("Sputnik Afrique" -> Sputnik).
pub fn match_outlet<'r>(name: &str, registry: &'r Registry) -> Option<&'r Outlet> {
    if let Some(o) = unique(registry.outlets_named(name)) {
        return Some(o);
    }
    let lower = name.trim().to_ascii_lowercase();
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
    let words: Vec<&str> = name.split_whitespace().collect();
    for n in (1..words.len()).rev() {
        let prefix = words[..n].join(" ");
        if normalize_name(&prefix).chars().count() >= 5 {
            if let Some(o) = unique(registry.outlets_named(&prefix)) {
                return Some(o);
            }
        }
    }
    None
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
        assert_eq!(id(""), None);
    }
}
