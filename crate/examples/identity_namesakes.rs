//! Leave-one-out check of the lookalike rules on the registry's own namesakes and editions:
//! every registry domain whose name label another registry domain also uses (a sister title,
//! a licensed edition, a namesake in another country) is judged by a registry *without* it.
//! Each one flagged is a genuine site that would be called a lookalike were it not
//! registered: a proxy for the false-positive rate on genuine outlets the registry lacks.
//!
//! `cargo run --release -p masthead --example identity_namesakes` (it rebuilds the index once
//! per such domain; a few seconds).

use masthead::identity::{host, lookalike, registry};
use std::collections::HashMap;

fn main() {
    let reg = registry::registry();
    let data = registry::RegistryData {
        outlet: reg.outlets.clone(),
        clone: vec![],
    };
    // name label -> registrable sites that use it (genuine outlets only)
    let mut by_label: HashMap<String, Vec<String>> = HashMap::new();
    for o in &data.outlet {
        if lookalike::is_operation_site(o) {
            continue;
        }
        for d in &o.domains {
            let site = host::registrable(&d.host);
            let (label, _) = lookalike::split_site(&site);
            let v = by_label.entry(label.to_string()).or_default();
            if !v.contains(&site) {
                v.push(site.clone());
            }
        }
    }
    let mut cases = Vec::new();
    for (oi, o) in data.outlet.iter().enumerate() {
        if lookalike::is_operation_site(o) {
            continue;
        }
        for (di, d) in o.domains.iter().enumerate() {
            let site = host::registrable(&d.host);
            let (label, _) = lookalike::split_site(&site);
            if by_label.get(label).is_some_and(|v| v.len() > 1) && d.host == site {
                cases.push((oi, di, site));
            }
        }
    }
    let mut flagged = Vec::new();
    for (oi, di, site) in &cases {
        let mut without = data.clone();
        // Leave out the site (all of the outlet's hosts on it).
        let o = &mut without.outlet[*oi];
        let _ = di;
        o.domains.retain(|d| host::registrable(&d.host) != *site);
        if o.domains.is_empty() {
            without.outlet.remove(*oi);
        }
        let r = registry::Registry::new(without);
        let Some(h) = host::resolve(site) else {
            continue;
        };
        if let Some(im) = lookalike::imitation(&h, &r) {
            flagged.push(format!(
                "  {site} ({}) -> {} ({}): {}",
                data.outlet[*oi].id, im.outlet.id, im.domain, im.how
            ));
        }
    }
    println!(
        "registry namesakes left out: {} checked, {} flagged",
        cases.len(),
        flagged.len()
    );
    for f in &flagged {
        println!("{f}");
    }
}
