//! Time and size bounds: hostile page shapes give a report (partial when the page was cut),
//! never a hang. Each shape is checked for the flags a user would see and for a wall-clock
//! ceiling that is generous for a debug build on a slow machine yet far below what the
//! quadratic paths these tests guard against took (nesting 50,000 deep: 7 minutes).
//!
//! The full-size shapes take 2 minutes in a debug build and 4 s optimized: they run with
//! `cargo test --release --test bounds` and are skipped by a plain (debug) `cargo test`.

use masthead::{analyze, page};
use std::time::{Duration, Instant};

const PARA: &str = "<p>The central bank raised its key interest rate by a quarter of a percentage point on Wednesday, officials said.</p>\n";

/// Ceiling per page in this (unoptimized) test build.
const CEILING: Duration = Duration::from_secs(60);

fn timed(name: &str, html: &str) -> masthead::Report {
    let t = Instant::now();
    let report = analyze("https://example.com/news/a", html);
    let took = t.elapsed();
    eprintln!(
        "{name}: {} bytes in {took:?}, limits {:?}",
        html.len(),
        report.limits
    );
    assert!(took < CEILING, "{name} took {took:?}");
    report
}

#[test]
fn nesting_5000_deep_is_read_whole() {
    // 5,000 nested divs, a paragraph at every fourth level (a `<p>` cannot hold a `<div>`: the
    // parser closes it, as a browser does, so the paragraphs are closed explicitly).
    let levels: String = (0..5_000)
        .map(|i| {
            if i % 4 == 0 {
                "<div><p>A sentence about the budget, with a comma, at one level.</p>"
            } else {
                "<div>"
            }
        })
        .collect();
    let html = format!(
        "<html><body>{levels}{}</body></html>",
        "</div>".repeat(5_000)
    );
    let r = timed("deep 5000", &html);
    assert!(!r.partial, "{:?}", r.limits);
    assert!(r.page.word_count > 1_000);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "full size: cargo test --release --test bounds"
)]
fn nesting_50000_deep_stays_bounded() {
    let html = format!("<html><body>{}</body></html>", "<div><b>x ".repeat(50_000));
    timed("deep 50000", &html);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "full size: cargo test --release --test bounds"
)]
fn nested_links_and_bylines_stay_bounded() {
    let html = format!(
        "<html><body><article><p>{}</p>{}</article></body></html>",
        "<a href=\"https://example.org/\">link ".repeat(20_000),
        "<span class=\"byline\">By Someone ".repeat(20_000)
    );
    let r = timed("nested links", &html);
    assert!(r.page.links.len() <= 200);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "full size: cargo test --release --test bounds"
)]
fn more_nodes_than_the_limit_give_a_partial_report() {
    let html = format!(
        "<html><body>{}</body></html>",
        "<span>a</span>".repeat(page::dom::MAX_NODES)
    );
    let r = timed("nodes", &html);
    assert!(r.partial);
    assert!(
        r.limits.iter().any(|l| l.contains("elements")),
        "{:?}",
        r.limits
    );
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "full size: cargo test --release --test bounds"
)]
fn a_20_mb_page_is_cut_and_says_so() {
    let html = format!(
        "<html><body><article>{}</article></body></html>",
        PARA.repeat(20 * 1024 * 1024 / PARA.len())
    );
    let r = timed("20 MB", &html);
    assert!(r.partial);
    assert!(r.limits.iter().any(|l| l.contains("MB")), "{:?}", r.limits);
    assert!(r.page.paragraphs <= page::content::MAX_PARAGRAPHS);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "full size: cargo test --release --test bounds"
)]
fn a_cut_inside_a_multibyte_character_is_safe() {
    let mut html = String::from("<html><body><p>");
    while html.len() < page::MAX_HTML_BYTES - 1 {
        html.push('é');
    }
    html.push_str("日本語</p></body></html>");
    let r = timed("cut in a character", &html);
    assert!(r.partial);
}

#[test]
fn thousands_of_meta_tags() {
    let metas: String = (0..5_000)
        .map(|i| {
            format!(
                "<meta name=\"m{i}\" content=\"v{i}\"><meta property=\"og:site_name\" content=\"Site {i}\">"
            )
        })
        .collect();
    let html = format!("<html><head>{metas}</head><body>{PARA}</body></html>");
    let r = timed("meta tags", &html);
    assert!(!r.partial);
}

#[test]
fn huge_and_deep_json_ld() {
    let obj = r#"{"@type":"NewsArticle","headline":"H","author":{"@type":"Person","name":"A"}}"#;
    for (name, json) in [
        ("json-ld many", format!("[{}]", vec![obj; 20_000].join(","))),
        (
            "json-ld deep",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        ),
        (
            "json-ld deep objects",
            format!("{}1{}", r#"{"a":"#.repeat(50_000), "}".repeat(50_000)),
        ),
        (
            "json-ld not json",
            "{\"@type\": \"NewsArticle\", ".repeat(10_000),
        ),
    ] {
        let html = format!(
            "<html><head><script type=\"application/ld+json\">{json}</script></head><body>{PARA}</body></html>"
        );
        timed(name, &html);
    }
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "full size: cargo test --release --test bounds"
)]
fn unclosed_markup_long_words_and_quotes() {
    for (name, html) in [
        ("unclosed", "<p><b><i>unclosed text ".repeat(20_000)),
        ("long word", format!("<p>{}</p>", "a".repeat(5_000_000))),
        ("quotes", format!("<p>{}</p>", "\"a ".repeat(1_000_000))),
        ("angle brackets", "<<<<>>>>".repeat(200_000)),
        (
            "entities",
            "&amp;&#x1F600;&#99999999;&bogus;".repeat(100_000),
        ),
    ] {
        timed(name, &html);
    }
}
