//! Native benchmarks of the core, with criterion. `tests/bench/native.sh` runs them and writes
//! the summary into BENCHMARKS.md.
//!
//! What each group measures (one core, release build, inputs built outside the timed region):
//! - `extract`: `page::extract` (HTML parse, metadata, body) on fixture pages: small
//!   (tests/fixtures/identity/spiegel-article.html), typical (tests/fixtures/reference-article.html,
//!   tests/fixtures/markers/sober-wire-en.html) and huge (a generated 2 MB article);
//! - `identify`: `identity::identify` on each page's URL and extracted page;
//! - `markers`: `markers::detect` on each extracted page;
//! - `analyze`: the whole `masthead::analyze` (what the extension calls per page);
//! - `sweep`: `analyze` on generated articles from 1 KB to 8 MB, with `baseline`, a plain
//!   `memchr` count of `<` over the same bytes, measured alongside: the summary reports the
//!   cost per byte relative to the 1 KB case and to that baseline (linear cost = flat
//!   per-byte ratios), plus the 10 MB point, which the core cuts at 8 MB;
//! - `identify_hosts`: batch identification of hosts (generic rules only, as
//!   `masthead identify --batch`), throughput in hosts per second.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use masthead::identity::{self, registry, Options};
use masthead::{markers, page};
use std::hint::black_box;
use std::time::Duration;

const SMALL: &str = include_str!("../../tests/fixtures/identity/spiegel-article.html");
const REFERENCE: &str = include_str!("../../tests/fixtures/reference-article.html");
const SOBER: &str = include_str!("../../tests/fixtures/markers/sober-wire-en.html");

const SENTENCES: &[&str] = &[
    "The central bank raised its key interest rate by a quarter of a percentage point on Wednesday, its third increase this year.",
    "\"Inflation remains above our target and we will act as needed,\" Governor Anna Berg told reporters in Stockholm.",
    "Economists polled by the agency had expected the move, although some had forecast a pause until the autumn.",
    "The ministry did not respond to a request for comment on Tuesday.",
    "Experts say the new rules could take years to implement fully.",
    "Critics called the plan a disgraceful betrayal of ordinary workers, and opposition leaders vowed to fight it.",
    "According to the report, the number of asylum applications fell by 12% in the first half of the year.",
    "Some analysts believe the collective West is losing patience with the conflict, while others see no change in policy.",
    "However, the talks broke down late on Thursday after the two sides failed to agree on a timetable.",
    "It is widely believed that the president will seek a second term, although he has not announced his plans.",
    "The company, which employs about 15,000 people worldwide, said the job cuts would mainly affect its <a href=\"https://example.org/ops\">European operations</a>.",
    "Researchers at the university found that the vaccine reduced hospital admissions by 80% among older adults.",
];

/// A news article page of about `bytes` bytes: head metadata, then paragraphs of about 5 KB
/// (so that 8 MB stays under the 2,000-paragraph limit and the whole page is read).
pub fn article(bytes: usize) -> String {
    let mut html = String::from(
        "<!doctype html><html lang=\"en\"><head><title>Rates rise again | Example News</title>\
         <meta property=\"og:site_name\" content=\"Example News\">\
         <meta name=\"author\" content=\"Jane Doe\"></head><body><header><nav><a href=\"/\">Home</a></nav></header>\
         <article><h1>Rates rise again</h1>",
    );
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut para = String::new();
    while html.len() + para.len() + 40 < bytes {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        para.push_str(SENTENCES[(seed % SENTENCES.len() as u64) as usize]);
        para.push(' ');
        if para.len() > 5_000 {
            html.push_str("<p>");
            html.push_str(&para);
            html.push_str("</p>\n");
            para.clear();
        }
    }
    html.push_str("<p>");
    html.push_str(&para);
    html.push_str("</p></article></body></html>");
    html
}

fn pages() -> Vec<(&'static str, &'static str, String)> {
    vec![
        (
            "small",
            "https://www.spiegel.de/politik/a.html",
            SMALL.to_string(),
        ),
        (
            "reference",
            "https://www.reuters.com/world/a",
            REFERENCE.to_string(),
        ),
        (
            "sober-wire",
            "https://apnews.com/article/a",
            SOBER.to_string(),
        ),
        ("huge-2MB", "https://example.com/news/a", article(2 << 20)),
    ]
}

fn stages(c: &mut Criterion) {
    // Warm the lazily built registry, lexicons and indexes outside the timed regions.
    let _ = masthead::analyze("https://example.com/", REFERENCE);
    let pages = pages();
    for (group, f) in [
        ("extract", 0u8),
        ("identify", 1),
        ("markers", 2),
        ("analyze", 3),
    ] {
        let mut g = c.benchmark_group(group);
        g.sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        for (name, url, html) in &pages {
            let extracted = page::extract(url, html);
            g.throughput(Throughput::Bytes(html.len() as u64));
            g.bench_function(BenchmarkId::from_parameter(name), |b| match f {
                0 => b.iter(|| page::extract(black_box(url), black_box(html))),
                1 => b.iter(|| {
                    identity::identify(black_box(url), Some(&extracted), Options::default())
                }),
                2 => b.iter(|| markers::detect(black_box(&extracted))),
                _ => b.iter(|| masthead::analyze(black_box(url), black_box(html))),
            });
        }
        g.finish();
    }
}

fn sweep(c: &mut Criterion) {
    let _ = masthead::analyze("https://example.com/", REFERENCE);
    let mut g = c.benchmark_group("sweep");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    for (label, bytes) in [
        ("1KB", 1usize << 10),
        ("10KB", 10 << 10),
        ("100KB", 100 << 10),
        ("1MB", 1 << 20),
        ("8MB", (8 << 20) - 1024),
        ("10MB", 10 << 20),
    ] {
        let html = article(bytes);
        g.throughput(Throughput::Bytes(html.len() as u64));
        g.bench_function(BenchmarkId::new("analyze", label), |b| {
            b.iter(|| masthead::analyze("https://example.com/news/a", black_box(&html)))
        });
        g.bench_function(BenchmarkId::new("baseline", label), |b| {
            b.iter(|| memchr::memchr_iter(b'<', black_box(html.as_bytes())).count())
        });
    }
    g.finish();
}

/// The same host mix as `examples/identify_throughput.rs`: registry domains with `www.`,
/// registry names under other endings, names with additions, unrelated random names.
fn hosts(n: usize) -> Vec<String> {
    let reg = registry::registry();
    let domains: Vec<&str> = reg.domains().map(|(h, _, _)| h).collect();
    let endings = ["ltd", "com", "news", "de", "com.co", "info", "online", "fr"];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..n)
        .map(|i| {
            let d = domains[(next() as usize) % domains.len().max(1)];
            let label = d.split('.').next().unwrap_or(d);
            let end = endings[(next() as usize) % endings.len()];
            match i % 4 {
                0 => format!("www.{d}"),
                1 => format!("{label}.{end}"),
                2 => format!("{label}-news{}.{end}", next() % 100),
                _ => format!("x{:x}.{end}", next() % 1_000_000),
            }
        })
        .collect()
}

fn identify_hosts(c: &mut Criterion) {
    let options = Options { generic_only: true };
    let _ = identity::identify("spiegel.ltd", None, options);
    let hosts = hosts(2_000);
    let mut g = c.benchmark_group("identify_hosts");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    g.throughput(Throughput::Elements(hosts.len() as u64));
    g.bench_function("mixed-2000", |b| {
        b.iter(|| {
            hosts
                .iter()
                .filter(|h| {
                    identity::identify(black_box(h), None, options).verdict
                        == identity::Verdict::Lookalike
                })
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, stages, sweep, identify_hosts);
criterion_main!(benches);
