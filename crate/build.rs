//! Compiles the data the core ships, into OUT_DIR:
//!
//! - `registry.bin`: the registry (`data/outlets/*.toml`) after the data check (a record that
//!   breaks a rule fails the build with its reason), in the compact form of
//!   `schema::encode` (an interned string table and varints).
//! - `psl.txt`: the Public Suffix List (`data/psl/`), one rule a line without comments, with
//!   every Unicode rule also in its punycode form (hosts reach the core as punycode).

use std::{env, fs, path::Path};

#[allow(dead_code)]
mod schema {
    include!("src/identity/schema.rs");
}

fn main() {
    let out_dir = env::var("OUT_DIR").expect("OUT_DIR");
    registry(Path::new(&out_dir));
    public_suffixes(Path::new(&out_dir));
}

fn registry(out_dir: &Path) {
    let dir = Path::new("data/outlets");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=src/identity/schema.rs");
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("crate/data/outlets exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut all = schema::RegistryData::default();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let part: schema::RegistryData =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        all.outlet.extend(part.outlet);
        all.clone.extend(part.clone);
    }
    let problems = schema::validate(&all);
    if !problems.is_empty() {
        panic!("registry data check failed:\n  {}", problems.join("\n  "));
    }
    let bytes = schema::encode(&all);
    assert!(
        schema::decode(&bytes).as_ref() == Some(&all),
        "registry encoding does not round-trip"
    );
    fs::write(out_dir.join("registry.bin"), bytes).expect("write registry.bin");
}

fn public_suffixes(out_dir: &Path) {
    let path = Path::new("data/psl/public_suffix_list.dat");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rules = Vec::new();
    for line in text.lines() {
        // The list's own format: a rule is the line up to the first white space.
        let rule = line.split_whitespace().next().unwrap_or("");
        if rule.is_empty() || rule.starts_with("//") {
            continue;
        }
        rules.push(rule.to_string());
        if !rule.is_ascii() {
            let (prefix, domain) = match rule.strip_prefix('!') {
                Some(d) => ("!", d),
                None => match rule.strip_prefix("*.") {
                    Some(d) => ("*.", d),
                    None => ("", rule),
                },
            };
            let ascii = idna::domain_to_ascii(domain)
                .unwrap_or_else(|e| panic!("{}: rule {rule:?}: {e:?}", path.display()));
            rules.push(format!("{prefix}{ascii}"));
        }
    }
    rules.sort();
    rules.dedup();
    let mut blob = rules.join("\n");
    blob.push('\n');
    fs::write(out_dir.join("psl.txt"), blob).expect("write psl.txt");
}
