//! Hosts that imitate a registry outlet's domain.
//!
//! Rule so far: the same distinctive name under another public suffix (a TLD swap such as
//! `spiegel.ltd` for `spiegel.de`). Each rule returns the imitated outlet and a reason in words.

use super::registry::{Outlet, Registry};

/// A registry domain the host imitates, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imitation<'r> {
    pub outlet: &'r Outlet,
    pub domain: String,
    pub how: String,
}

/// Labels shorter than this are too common to call an imitation on a TLD swap alone.
const MIN_DISTINCTIVE_LABEL: usize = 5;

/// The name part of a registrable domain: `spiegel` for `spiegel.de`.
fn name_label(site: &str) -> &str {
    let suffix_len = psl::suffix_str(site).map(str::len).unwrap_or(0);
    let name = &site[..site.len().saturating_sub(suffix_len)];
    name.trim_end_matches('.')
}

/// Finds the outlet whose domain `site` imitates, if any. `site` must not be a registry domain.
pub fn imitation<'r>(site: &str, registry: &'r Registry) -> Option<Imitation<'r>> {
    let label = name_label(site);
    if label.chars().count() < MIN_DISTINCTIVE_LABEL {
        return None;
    }
    let mut found: Option<Imitation<'r>> = None;
    for (host, outlet, _) in registry.domains() {
        let genuine_site = super::host::registrable(host);
        if genuine_site != host || genuine_site == site {
            continue;
        }
        if name_label(&genuine_site) == label {
            if found.as_ref().is_some_and(|f| f.outlet.id != outlet.id) {
                // The same name is genuine for two outlets: it is not distinctive.
                return None;
            }
            found.get_or_insert(Imitation {
                outlet,
                domain: genuine_site.clone(),
                how: format!("same name as {genuine_site} under another domain ending"),
            });
        }
    }
    found
}
