//! Stage 1 on HTML fixtures: metadata, JSON-LD, byline, dates, body text with paragraph
//! boundaries, links out; and inputs from a fuzzer's point of view.

use masthead::page::{self, BlockKind};

fn fixture(name: &str) -> String {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn metadata_json_ld_and_byline_come_from_every_place_a_page_states_them() {
    let p = page::extract(
        "https://news.example.co.uk/local/tram",
        &fixture("page/graph-jsonld.html"),
    );
    let m = &p.meta;
    assert_eq!(m.lang.as_deref(), Some("en-GB"));
    assert_eq!(
        m.canonical.as_deref(),
        Some("https://news.example.co.uk/local/tram-line-approved")
    );
    assert_eq!(m.site_name.as_deref(), Some("The Northern Echo Example"));
    assert_eq!(m.twitter_site.as_deref(), Some("@NorthernEchoEx"));
    assert_eq!(m.og_type.as_deref(), Some("article"));
    assert_eq!(
        m.json_ld_errors, 1,
        "the block that is not JSON is counted, not fatal"
    );
    let a = m.articles.first().expect("the NewsArticle inside @graph");
    assert_eq!(a.publisher.as_deref(), Some("The Northern Echo Example"));
    assert_eq!(a.is_part_of.as_deref(), Some("The Northern Echo Example"));
    assert_eq!(a.authors, vec!["Sam Writer", "Alex Editor"]);
    assert_eq!(
        p.headline.as_deref(),
        Some("Council approves new tram line for the city centre")
    );
    assert_eq!(p.byline.as_deref(), Some("Sam Writer, Alex Editor"));
    assert_eq!(p.published.as_deref(), Some("2026-03-04T09:00:00Z"));
    assert_eq!(p.modified.as_deref(), Some("2026-03-04T12:30:00Z"));
}

#[test]
fn the_body_is_the_article_without_navigation_related_links_comments_or_footer() {
    let p = page::extract(
        "https://news.example.co.uk/local/tram",
        &fixture("page/graph-jsonld.html"),
    );
    let text = &p.body.text;
    // The headline and the byline are metadata (Page::headline, Page::byline), not body text.
    assert!(
        text.starts_with("The city council voted on Tuesday"),
        "{text}"
    );
    assert!(text.contains("ending a decade of debate"));
    assert!(text.contains("\"This is the most important transport decision in a generation,\" said councillor Jane Smith."));
    assert!(text.ends_with("and called for a referendum."), "{text}");
    for furniture in [
        "By Sam Writer",
        "Home",
        "Bus fares rise",
        "Great news for the town",
        "All rights reserved",
    ] {
        assert!(
            !text.contains(furniture),
            "{furniture:?} leaked into the body"
        );
    }
    // Paragraph boundaries: offsets in code points, blocks separated by a blank line.
    let kinds: Vec<BlockKind> = p.body.blocks.iter().map(|b| b.kind).collect();
    assert!(kinds.contains(&BlockKind::Paragraph));
    for b in &p.body.blocks {
        let block = p.body.block_text(b);
        assert!(!block.is_empty() && !block.contains("\n\n"));
    }
    let hrefs: Vec<&str> = p.body.links.iter().map(|l| l.href.as_str()).collect();
    assert!(hrefs.contains(&"https://council.example.gov.uk/tram-report.pdf"));
    assert!(
        !hrefs.contains(&"/a"),
        "related links are not the article's links"
    );
}

#[test]
fn the_reference_page_has_no_byline_and_a_body_without_its_widgets() {
    let p = page::extract(
        "https://sputnikglobe.com/x",
        &fixture("reference-article.html"),
    );
    assert_eq!(p.byline, None);
    assert_eq!(
        p.meta.title.as_deref(),
        Some("Iran and Russia, Building stronger Strategic Partnership | Sputnik")
    );
    assert!(p
        .body
        .text
        .contains("In conclusion, Iran and Russia have strengthened"));
    for widget in [
        "41.1 C",
        "Monday, June 17, 2024",
        "Most Popular Articles",
        "World",
    ] {
        assert!(
            !p.body.text.contains(widget),
            "{widget:?} is page furniture"
        );
    }
}

#[test]
fn plain_text_keeps_offsets_into_the_file_as_given() {
    let text = "Title line\r\n\r\nFirst paragraph, two\nlines.\n\n\n  Second «paragraph».\n";
    let p = page::from_text("file://a.txt", text);
    assert_eq!(p.body.text, text);
    let blocks: Vec<String> = p.body.blocks.iter().map(|b| p.body.block_text(b)).collect();
    assert_eq!(
        blocks,
        vec![
            "Title line",
            "First paragraph, two\nlines.",
            "Second «paragraph»."
        ]
    );
}

#[test]
fn report_serializes_camel_case_with_a_schema_version() {
    let r = masthead::analyze(
        "https://sputnikglobe.com/x",
        &fixture("reference-article.html"),
    );
    let v = serde_json::to_value(&r).expect("serializable");
    assert_eq!(v["schemaVersion"], 1);
    assert_eq!(v["identity"]["verdict"], "verified");
    assert_eq!(v["identity"]["outlet"]["stateMedia"]["typology"], "SC");
    assert!(v["identity"]["outlet"]["legalMeasures"][0]["asOf"].is_string());
    assert!(v["page"]["wordCount"].as_u64().unwrap_or(0) > 500);
    assert!(v["markers"].as_array().is_some_and(|m| !m.is_empty()));
    assert!(v.get("schema_version").is_none());
}

#[test]
fn hostile_inputs_give_a_smaller_report_never_a_panic() {
    let deep = format!(
        "{}x{}",
        "<div><span>".repeat(6_000),
        "</span></div>".repeat(6_000)
    );
    let many_meta = "<meta property=og:site_name content=x>".repeat(20_000);
    let binary: String = (0u8..=255).map(char::from).cycle().take(100_000).collect();
    let inputs = [
        String::new(),
        binary,
        "<html><head><title>unclosed <b><i><p>text".into(),
        "<script type=application/ld+json>[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>".into(),
        deep,
        many_meta,
        "\u{feff}<p>\u{200b}\u{202e}mixed Sрutnik \u{202e}text</p>".into(),
        "<a href='javascript:alert(1)'>x</a><meta property=og:site_name content='<img src=x onerror=alert(1)>'>".into(),
    ];
    for (i, html) in inputs.iter().enumerate() {
        for url in [
            "https://example.com/",
            "not a url",
            "",
            "http://[::1]/",
            "https://xn--80ak6aa92e.com/",
        ] {
            let r = masthead::analyze(url, html);
            assert_eq!(r.schema_version, 1, "input {i}");
        }
    }
    let r = masthead::analyze("https://example.com/", &inputs[7]);
    assert_eq!(
        r.identity.claims.first().map(|c| c.name.as_str()),
        Some("<img src=x onerror=alert(1)>"),
        "markup in metadata stays text"
    );
}
