//! The Public Suffix List as a compact rule table (`data/psl/`, compiled in by `build.rs`).
//!
//! The `psl` crate compiles the list into a `match` tree: fast, but 880 KB of wasm code,
//! a fifth of the whole module. Here the list is text (about 110 KB, one rule a line) indexed
//! into one hash map on first use; a look-up is a few hash probes over slices of the host,
//! with no allocation. Semantics follow the `psl` crate exactly (a native test compares both
//! on every rule): the prevailing rule is an exception if one matches, else the longest
//! matching rule, else the implicit `*` (the last label is the suffix).

use std::collections::HashMap;
use std::sync::OnceLock;

/// One rule a line, as in the list: `com.ac`, `*.ck` (wildcard), `!www.ck` (exception).
/// Unicode rules appear in their punycode form too.
const RULES: &str = include_str!(concat!(env!("OUT_DIR"), "/psl.txt"));

/// The domain is a rule (`com.ac`).
const NORMAL: u8 = 1;
/// Every child of the domain is a rule (`*.ck` is stored on `ck`).
const WILDCARD: u8 = 2;
/// The domain is an exception (`!www.ck`): its parent is the suffix.
const EXCEPTION: u8 = 4;

struct Table {
    flags: HashMap<&'static str, u8>,
    /// The most labels any rule has: no longer tail needs a look-up.
    max_labels: usize,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut flags: HashMap<&'static str, u8> = HashMap::with_capacity(12_000);
        let mut max_labels = 1;
        for rule in RULES.lines() {
            let (domain, flag) = if let Some(d) = rule.strip_prefix('!') {
                (d, EXCEPTION)
            } else if let Some(d) = rule.strip_prefix("*.") {
                (d, WILDCARD)
            } else {
                (rule, NORMAL)
            };
            if domain.is_empty() {
                continue;
            }
            let labels = domain.split('.').count() + usize::from(flag == WILDCARD);
            max_labels = max_labels.max(labels);
            *flags.entry(domain).or_insert(0) |= flag;
        }
        Table { flags, max_labels }
    })
}

/// Byte length of the public suffix of `name` (no trailing dot), as the `psl` crate's
/// `find`: 0 only for an empty last label.
fn suffix_len(name: &str) -> usize {
    let t = table();
    let mut best = name.len() - name.rfind('.').map_or(0, |i| i + 1);
    let mut parent_flags = 0u8;
    // `name[start..]` is the tail being looked up, one more label each round.
    let mut start = name.len();
    for _ in 0..t.max_labels {
        let before = if start == name.len() {
            name
        } else if start == 0 {
            break;
        } else {
            &name[..start - 1]
        };
        start = before.rfind('.').map_or(0, |i| i + 1);
        let tail = &name[start..];
        let flags = t.flags.get(tail).copied().unwrap_or(0);
        if flags & EXCEPTION != 0 {
            // The exception's parent is the suffix.
            return tail.split_once('.').map_or(0, |(_, p)| p.len());
        }
        if flags & NORMAL != 0 || parent_flags & WILDCARD != 0 {
            best = tail.len();
        }
        parent_flags = flags;
    }
    best
}

/// The public suffix of a host (`co.uk` for `news.bbc.co.uk`), without a trailing dot;
/// `None` for an empty name. Same answers as `psl::suffix_str`.
pub fn suffix_str(name: &str) -> Option<&str> {
    let trimmed = name.strip_suffix('.').unwrap_or(name);
    let len = suffix_len(trimmed);
    if len == 0 {
        return None;
    }
    trimmed.get(trimmed.len() - len..)
}

/// The registrable domain ("eTLD+1") of a host, without a trailing dot; `None` when the host
/// is itself a public suffix. Same answers as `psl::domain_str`.
pub fn domain_str(name: &str) -> Option<&str> {
    let trimmed = name.strip_suffix('.').unwrap_or(name);
    let suffix = suffix_str(name)?;
    if trimmed.len() < suffix.len() + 2 {
        return None;
    }
    let head = &trimmed[..trimmed.len() - suffix.len() - 1];
    let root = head.rsplit('.').next().unwrap_or(head);
    trimmed.get(trimmed.len() - suffix.len() - 1 - root.len()..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_hosts() {
        assert_eq!(domain_str("news.bbc.co.uk"), Some("bbc.co.uk"));
        assert_eq!(suffix_str("news.bbc.co.uk"), Some("co.uk"));
        assert_eq!(domain_str("www.spiegel.de."), Some("spiegel.de"));
        assert_eq!(domain_str("co.uk"), None);
        assert_eq!(domain_str("example.unknowntld"), Some("example.unknowntld"));
        assert_eq!(domain_str("a.b.c.www.ck"), Some("www.ck"));
        assert_eq!(domain_str("a.b.ck"), Some("a.b.ck"));
        assert_eq!(suffix_str(""), None);
        assert_eq!(domain_str(""), None);
        assert_eq!(domain_str("."), None);
    }

    /// The list's algorithm as publicsuffix.org states it, written plainly: every rule with
    /// the host's top-level label is matched label by label.
    /// Rules by their last two labels (`""` for one-label rules).
    type Rules<'r> = HashMap<(&'r str, &'r str), Vec<(bool, Vec<&'r str>)>>;

    fn by_the_spec<'a>(host: &'a str, by_tld: &Rules) -> Option<&'a str> {
        let name = host.strip_suffix('.').unwrap_or(host);
        let labels: Vec<&str> = name.rsplit('.').collect();
        let second = labels.get(1).copied().unwrap_or("");
        let groups = [(labels[0], ""), (labels[0], second), (labels[0], "*")];
        let rules = groups
            .iter()
            .flat_map(|g| by_tld.get(g).map(Vec::as_slice).unwrap_or(&[]));
        let matching = rules.filter(|(_, r)| {
            r.len() <= labels.len() && r.iter().zip(&labels).all(|(a, b)| *a == "*" || a == b)
        });
        let n = match matching.clone().find(|(exception, _)| *exception) {
            Some((_, r)) => r.len() - 1,
            None => matching.map(|(_, r)| r.len()).max().unwrap_or(1),
        };
        let len: usize = labels[..n].iter().map(|l| l.len() + 1).sum::<usize>() - 1;
        (len > 0).then(|| &name[name.len() - len..])
    }

    /// Every rule, with labels added in front, in Unicode and punycode: the answers the list's
    /// algorithm gives, and the `psl` crate's (kept as a dev-dependency for this check) except
    /// where a wildcard sits below a wildcard-only parent (`*.ex.futurecms.at` under
    /// `*.futurecms.at`): the crate misses that nested match; the list's algorithm, and we,
    /// do not.
    #[test]
    fn agrees_with_the_list_algorithm_and_the_psl_crate() {
        let mut by_tld: Rules = HashMap::new();
        for rule in RULES.lines() {
            let (exception, r) = match rule.strip_prefix('!') {
                Some(r) => (true, r),
                None => (false, rule),
            };
            let labels: Vec<&str> = r.rsplit('.').collect();
            let key = (labels[0], labels.get(1).copied().unwrap_or(""));
            by_tld.entry(key).or_default().push((exception, labels));
        }
        let mut hosts: Vec<String> = Vec::new();
        for (i, rule) in RULES.lines().enumerate() {
            let d = rule.trim_start_matches('!').trim_start_matches("*.");
            hosts.extend([d.to_string(), format!("x.{d}"), format!("y.x.{d}")]);
            if i % 16 == 0 {
                hosts.extend([format!("z.y.x.{d}"), format!("{d}."), format!("a..{d}")]);
            }
        }
        for h in [
            "com",
            "a",
            "a.",
            "A.COM",
            "xn--",
            "1.2.3.4",
            "a.b.c.d.e.f.g",
        ] {
            hosts.push(h.to_string());
        }
        let mut differ_from_crate = 0;
        for h in &hosts {
            let spec = by_the_spec(h, &by_tld);
            assert_eq!(suffix_str(h), spec, "suffix of {h:?}");
            if suffix_str(h) != psl::suffix_str(h) {
                differ_from_crate += 1;
                let parent = spec.and_then(|s| s.split_once('.')).map_or("", |p| p.1);
                assert!(
                    RULES.lines().any(|r| r == format!("*.{parent}")),
                    "{h:?}: {spec:?}, psl crate {:?}",
                    psl::suffix_str(h)
                );
            } else {
                assert_eq!(domain_str(h), psl::domain_str(h), "domain of {h:?}");
            }
        }
        assert!(hosts.len() > 30_000, "{}", hosts.len());
        assert!(differ_from_crate < 40, "{differ_from_crate}");
        // Names with no label at all have no suffix (the crate says Some("")).
        for h in ["", ".", ".."] {
            assert_eq!(suffix_str(h), None);
            assert_eq!(domain_str(h), None);
        }
    }
}
