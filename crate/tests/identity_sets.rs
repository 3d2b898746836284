//! Identification measured on test sets (`tests/identity/` at the repository root):
//! every registry domain, real editions and mirrors, documented lookalikes (tuned and held
//! back), and genuine news domains that must not be called lookalikes.
//!
//! The rates are printed: `cargo test -p masthead --test identity_sets -- --nocapture`.

use masthead::identity::{self, registry, Options, Verdict};
use std::path::PathBuf;

const GENERIC: Options = Options { generic_only: true };

fn set_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/identity")
        .join(name)
}

fn read_lines(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(set_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

#[test]
fn every_registry_domain_is_verified() {
    let reg = registry::registry();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (host, outlet, _) in reg.domains() {
        for input in [host.to_string(), format!("https://www.{host}/a/b?c=d")] {
            let id = identity::identify(&input, None, GENERIC);
            checked += 1;
            let ok = match id.verdict {
                Verdict::Verified => id.outlet.as_ref().is_some_and(|o| o.id == outlet.id),
                // A site known only from an influence operation that imitates a genuine
                // outlet is reported as the lookalike it is, with its registry record.
                Verdict::Lookalike => {
                    identity::lookalike::is_operation_site(outlet)
                        && id.outlet.as_ref().is_some_and(|o| o.id == outlet.id)
                }
                _ => false,
            };
            if !ok {
                wrong.push(format!("{input}: {:?} {}", id.verdict, id.reason));
            }
        }
    }
    println!(
        "registry domains: {checked} checked, {} not verified",
        wrong.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Real editions, variants, AMP caches and archive copies identify as the outlet.
#[test]
fn editions_mirrors_and_copies() {
    let reg = registry::registry();
    let table: &[(&str, &str)] = &[
        ("https://francais.rt.com/international/1", "rt.com"),
        ("https://de.rt.com/inland/2/", "rt.com"),
        ("https://www.spiegel.de/politik/", "spiegel.de"),
        ("https://m.spiegel.de/politik/", "spiegel.de"),
        ("https://amp.theguardian.com/world/x", "theguardian.com"),
        ("https://www.theguardian.com/uk", "theguardian.com"),
        ("https://mobile.reuters.com/article/x", "reuters.com"),
        ("https://edition.cnn.com/2024/01/01/x", "cnn.com"),
        ("https://www.bbc.co.uk/news/world", "bbc.co.uk"),
        ("https://www.bbc.com/news", "bbc.com"),
        (
            "https://www.nytimes.com/2024/01/01/us/x.html",
            "nytimes.com",
        ),
        (
            "https://www-theguardian-com.cdn.ampproject.org/c/s/www.theguardian.com/world/x",
            "theguardian.com",
        ),
        (
            "https://www.google.com/amp/s/www.foxnews.com/politics/x.amp",
            "foxnews.com",
        ),
        (
            "https://web.archive.org/web/20240101000000/https://www.washingtonpost.com/x/",
            "washingtonpost.com",
        ),
        (
            "https://archive.ph/2024.06.17-000000/https://www.lemonde.fr/international/x",
            "lemonde.fr",
        ),
        ("http://WWW.Spiegel.DE./", "spiegel.de"),
    ];
    let (mut ran, mut skipped) = (0, 0);
    for (input, domain) in table {
        let Some(host) = identity::host::resolve(domain) else {
            panic!("{domain} resolves")
        };
        let Some((expected, _)) = reg.outlet_for_host(&host.host, &host.site) else {
            skipped += 1;
            continue;
        };
        ran += 1;
        let id = identity::identify(input, None, GENERIC);
        assert_eq!(id.verdict, Verdict::Verified, "{input}: {}", id.reason);
        assert_eq!(
            id.outlet.as_ref().map(|o| o.id.as_str()),
            Some(expected.id.as_str()),
            "{input}"
        );
        let archived =
            input.contains("archive") || input.contains("/amp/") || input.contains("ampproject");
        assert_eq!(
            id.host.as_ref().and_then(|h| h.archive.as_ref()).is_some(),
            archived,
            "{input}: archive label"
        );
    }
    println!("editions and mirrors: {ran} ran, {skipped} skipped (outlet not in registry yet)");
    assert!(
        ran >= table.len() / 2,
        "too few outlets of the table are in the registry"
    );
}

struct Row {
    host: String,
    outlet: String,
    split: String,
}

fn lookalike_rows() -> Vec<Row> {
    read_lines("lookalikes.tsv")
        .into_iter()
        .filter(|l| !l.starts_with("host\t"))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() == 4).then(|| Row {
                host: f[0].to_string(),
                outlet: f[1].to_string(),
                split: f[3].to_string(),
            })
        })
        .collect()
}

/// Documented impersonation domains, judged by the generic rules alone (`--generic-only`).
#[test]
fn documented_lookalikes_are_caught_by_the_generic_rules() {
    let reg = registry::registry();
    let rows = lookalike_rows();
    assert!(rows.len() >= 50, "the set has {} rows", rows.len());
    let mut report = Vec::new();
    let mut rates = Vec::new();
    for split in ["tune", "heldback", "heldback2"] {
        let (mut ran, mut hit, mut skipped) = (0, 0, 0);
        for r in rows.iter().filter(|r| r.split == split) {
            if reg.outlet(&r.outlet).is_none() {
                skipped += 1;
                continue;
            }
            ran += 1;
            let id = identity::identify(&r.host, None, GENERIC);
            let right = id.verdict == Verdict::Lookalike
                && id.imitates.as_ref().is_some_and(|i| i.id == r.outlet);
            if right {
                hit += 1;
            } else {
                report.push(format!(
                    "  missed [{split}] {} (expected {}): {:?} {}",
                    r.host, r.outlet, id.verdict, id.reason
                ));
            }
        }
        println!(
            "lookalikes [{split}]: {hit}/{ran} flagged with the right outlet ({:.1}%), {skipped} skipped (outlet not in registry)",
            pct(hit, ran)
        );
        rates.push((split, hit, ran));
    }
    for line in &report {
        println!("{line}");
    }
    // "heldback2" is the part never tuned on: too small to gate on, it is reported only.
    // The others guard against regressions of the rules.
    for (split, hit, ran) in rates.iter().filter(|r| r.0 != "heldback2") {
        assert!(
            *ran == 0 || pct(*hit, *ran) >= 90.0,
            "{split}: {hit}/{ran} is below 90%"
        );
    }
}

/// Genuine news domains must not be called lookalikes (target: at most 0.2%).
#[test]
fn genuine_news_domains_are_not_lookalikes() {
    genuine_set("genuine.txt");
}

/// The domains Wikipedia's perennial-sources list names (sources of every kind) must not be
/// called lookalikes either (at most 0.2%).
#[test]
fn perennial_source_domains_are_not_lookalikes() {
    genuine_set("perennial.txt");
}

fn genuine_set(file: &str) {
    let domains = read_lines(file);
    assert!(
        domains.len() >= 300,
        "the set has {} domains",
        domains.len()
    );
    let mut flagged = Vec::new();
    let mut verified = 0;
    for d in &domains {
        let id = identity::identify(d, None, GENERIC);
        match id.verdict {
            Verdict::Lookalike => flagged.push(format!("  {d}: {}", id.reason)),
            Verdict::Verified => verified += 1,
            _ => {}
        }
    }
    println!(
        "{file}: {} checked ({verified} in the registry), {} flagged lookalike ({:.2}%)",
        domains.len(),
        flagged.len(),
        pct(flagged.len(), domains.len())
    );
    for f in &flagged {
        println!("{f}");
    }
    assert!(
        pct(flagged.len(), domains.len()) <= 0.2,
        "false lookalikes:\n{}",
        flagged.join("\n")
    );
}
