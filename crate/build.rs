//! Compiles the registry (`data/outlets/*.toml`) into one compact JSON blob in OUT_DIR,
//! after the data check: a record that breaks a rule fails the build with its reason.

use std::{env, fs, path::Path};

#[allow(dead_code)]
mod schema {
    include!("src/identity/schema.rs");
}

fn main() {
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
    // The typed records are for the check; the JSON is written from the raw values so that
    // field names stay as in the data files (the types serialize camelCase for the Report).
    let (mut outlets, mut clones) = (Vec::new(), Vec::new());
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let part: schema::RegistryData =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        all.outlet.extend(part.outlet);
        all.clone.extend(part.clone);
        let mut raw: toml::Table = toml::from_str(&text).expect("parsed above");
        for (key, sink) in [("outlet", &mut outlets), ("clone", &mut clones)] {
            if let Some(toml::Value::Array(items)) = raw.remove(key) {
                sink.extend(items);
            }
        }
    }
    let problems = schema::validate(&all);
    if !problems.is_empty() {
        panic!("registry data check failed:\n  {}", problems.join("\n  "));
    }
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("registry.json");
    fs::write(
        &out,
        serde_json::to_string(&serde_json::json!({ "outlet": outlets, "clone": clones }))
            .expect("serializable"),
    )
    .expect("write registry.json");
}
