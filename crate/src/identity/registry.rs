//! The outlet registry, compiled in by `build.rs` and indexed once on first use.

use super::host;
pub use super::schema::*;
use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// The checked registry in the compact form of [`decode`] (written by `build.rs`).
const REGISTRY_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/registry.bin"));

/// The registry with its look-up indexes.
pub struct Registry {
    pub outlets: Vec<Outlet>,
    pub clones: Vec<Clone>,
    by_host: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
    clone_by_host: HashMap<String, usize>,
    lookalike: OnceLock<super::lookalike::Index>,
}

/// The registry, built on first use (a few milliseconds) and shared afterwards.
pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        // The blob was checked and written by build.rs; a failure here is a build defect,
        // so degrade to an empty registry rather than panic in a browser tab.
        let data = decode(REGISTRY_BIN).unwrap_or_default();
        Registry::new(data)
    })
}

impl Registry {
    pub fn new(data: RegistryData) -> Registry {
        let mut by_host = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, o) in data.outlet.iter().enumerate() {
            for d in &o.domains {
                by_host.insert(d.host.clone(), i);
            }
            for name in std::iter::once(&o.name).chain(&o.names) {
                let key = normalize_name(name);
                if key.is_empty() {
                    continue;
                }
                let ids = by_name.entry(key).or_default();
                if !ids.contains(&i) {
                    ids.push(i);
                }
            }
        }
        let clone_by_host = data
            .clone
            .iter()
            .enumerate()
            .map(|(i, c)| (c.host.clone(), i))
            .collect();
        Registry {
            outlets: data.outlet,
            clones: data.clone,
            by_host,
            by_name,
            clone_by_host,
            lookalike: OnceLock::new(),
        }
    }

    /// The outlet a host belongs to: the longest registry domain that the host is, or is a
    /// subdomain of, never looking above the registrable domain (`site`).
    pub fn outlet_for_host(&self, host: &str, site: &str) -> Option<(&Outlet, &Domain)> {
        let mut h = host;
        loop {
            if let Some(&i) = self.by_host.get(h) {
                let o = &self.outlets[i];
                let d = o.domains.iter().find(|d| d.host == h)?;
                return Some((o, d));
            }
            if h.len() <= site.len() {
                break;
            }
            h = h.split_once('.')?.1;
        }
        // A registry domain that is itself a public suffix (`altoadige.it` is one in the
        // PSL): its `www.` and `m.` variants have the variant as their site.
        let stripped = host::strip_variants(host, "");
        let &i = self.by_host.get(stripped).filter(|_| stripped != host)?;
        let o = &self.outlets[i];
        let d = o.domains.iter().find(|d| d.host == stripped)?;
        Some((o, d))
    }

    /// A documented clone listed for this host or one of its parents down to the site.
    pub fn clone_for_host(&self, host: &str, site: &str) -> Option<&Clone> {
        let stripped = host::strip_variants(host, site);
        [stripped, site]
            .into_iter()
            .find_map(|h| self.clone_by_host.get(h))
            .map(|&i| &self.clones[i])
    }

    /// Outlets whose name or alias normalizes to the same key as `name`.
    pub fn outlets_named(&self, name: &str) -> Vec<&Outlet> {
        self.by_name
            .get(&normalize_name(name))
            .map(|ids| ids.iter().map(|&i| &self.outlets[i]).collect())
            .unwrap_or_default()
    }

    /// The lookalike rules' index over this registry's genuine names, built on first use.
    pub fn lookalike_index(&self) -> &super::lookalike::Index {
        self.lookalike
            .get_or_init(|| super::lookalike::Index::new(self))
    }

    pub fn outlet(&self, id: &str) -> Option<&Outlet> {
        self.outlets.iter().find(|o| o.id == id)
    }

    /// Every registered domain with its outlet (for the lookalike rules).
    pub fn domains(&self) -> impl Iterator<Item = (&str, &Outlet, &Domain)> {
        self.outlets
            .iter()
            .flat_map(|o| o.domains.iter().map(move |d| (d.host.as_str(), o, d)))
    }
}

impl Outlet {
    /// The domain a reader should go to: the primary one, else the first listed.
    pub fn primary_domain(&self) -> &str {
        self.domains
            .iter()
            .find(|d| d.role == DomainRole::Primary)
            .or_else(|| self.domains.first())
            .map(|d| d.host.as_str())
            .unwrap_or("")
    }
}

/// A name reduced for comparison across case, diacritics, punctuation and a leading article:
/// "The New York Times" and "new-york times" give the same key.
pub fn normalize_name(name: &str) -> String {
    let lower: String = name
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    let lower = lower.replace('&', " and ");
    let mut words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1
        && matches!(
            words[0],
            "the" | "le" | "la" | "les" | "el" | "die" | "der" | "das"
        )
    {
        words.remove(0);
    }
    words.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_registry_passes_the_data_check() {
        let data = decode(REGISTRY_BIN).expect("registry.bin decodes");
        assert_eq!(validate(&data), Vec::<String>::new());
        assert_eq!(registry().outlets.len(), data.outlet.len());
    }

    /// Issue 3 asks for EU, UK, US and Canadian measures against media, each with its act:
    /// every jurisdiction is present beyond a single entry, and the outlets sanctioned by all
    /// four carry a measure from each.
    #[test]
    fn legal_measures_cover_the_eu_uk_us_and_canada() {
        let reg = registry();
        for jurisdiction in ["EU", "UK", "US", "CA"] {
            let outlets = reg
                .outlets
                .iter()
                .filter(|o| {
                    o.legal_measures
                        .iter()
                        .any(|m| m.jurisdiction == jurisdiction)
                })
                .count();
            assert!(
                outlets >= 3,
                "{jurisdiction}: measures on {outlets} outlets"
            );
        }
        for id in ["rt", "sputnik"] {
            let outlet = reg.outlet(id).expect(id);
            for jurisdiction in ["EU", "UK", "US", "CA"] {
                let m = outlet
                    .legal_measures
                    .iter()
                    .find(|m| m.jurisdiction == jurisdiction)
                    .unwrap_or_else(|| panic!("{id}: no {jurisdiction} measure"));
                assert!(
                    !m.act.is_empty() && m.url.starts_with("https://"),
                    "{id}: {m:?}"
                );
            }
        }
    }

    /// The shipped binary holds exactly what the TOML files say.
    #[test]
    fn the_compiled_registry_equals_the_toml_files() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/outlets");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("data/outlets")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        let mut all = RegistryData::default();
        for path in files {
            let part: RegistryData =
                toml::from_str(&std::fs::read_to_string(path).expect("read")).expect("toml");
            all.outlet.extend(part.outlet);
            all.clone.extend(part.clone);
        }
        assert!(all.outlet.len() > 1000);
        assert_eq!(decode(REGISTRY_BIN), Some(all));
    }

    #[test]
    fn damaged_blobs_decode_to_none_without_panicking() {
        assert_eq!(decode(b""), None);
        assert_eq!(decode(b"MHR1"), None);
        for cut in [5, 100, 1000, REGISTRY_BIN.len() / 2, REGISTRY_BIN.len() - 1] {
            assert_eq!(decode(&REGISTRY_BIN[..cut]), None, "cut at {cut}");
        }
        let mut flipped = REGISTRY_BIN.to_vec();
        for i in (4..flipped.len()).step_by(997) {
            flipped[i] ^= 0xff;
            let _ = decode(&flipped);
        }
    }

    #[test]
    fn names_normalize_across_case_diacritics_and_articles() {
        assert_eq!(normalize_name("The New York Times"), "newyorktimes");
        assert_eq!(normalize_name("new-york  TIMES"), "newyorktimes");
        assert_eq!(normalize_name("Le Monde"), "monde");
        assert_eq!(normalize_name("Süddeutsche Zeitung"), "suddeutschezeitung");
        assert_eq!(normalize_name("Спутник"), "спутник");
        assert_eq!(normalize_name(""), "");
    }
}
