//! Property tests (proptest) for evidence offsets and text quotes: on arbitrary Unicode text
//! and arbitrary markup, every evidence span lies inside the body text, its offsets count
//! Unicode code points, and its quote (exact, prefix, suffix) matches the text there; nothing
//! panics.

use masthead::markers::{self, Marker};
use masthead::page;
use proptest::prelude::*;

/// Phrases that fire markers in the shipped lexicons, so that evidence exists to check.
const TRIGGERS: &[&str] = &[
    "Experts say",
    "according to sources",
    "It is widely believed that",
    "a disgraceful betrayal",
    "the corrupt elite",
    "\"We will act,\" the minister said.",
    "Officials said",
    "some analysts believe",
    "the collective West",
    "true patriots",
    "Everyone knows that",
    "Moreover,",
    "Эксперты считают",
    "selon des sources",
    "Experten zufolge",
    "según fuentes",
];

/// Text mixing trigger phrases with arbitrary Unicode (any scalar value, including
/// combining marks, zero-width characters, RTL text and astral-plane emoji).
fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(TRIGGERS).prop_map(str::to_string),
        2 => any::<String>(),
        2 => "[a-zA-Z ,.\"'\n]{0,40}",
        1 => "[\u{0300}-\u{036f}\u{200b}-\u{200f}\u{202a}-\u{202e}\u{0590}-\u{06ff}\u{1f300}-\u{1f64f} \n]{0,12}",
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.join(" "))
}

fn check_evidence(text: &str, markers: &[Marker]) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    for m in markers {
        for e in &m.evidence {
            prop_assert!(
                e.start <= e.end && e.end <= chars.len(),
                "{}: {}..{} outside {} code points",
                m.id,
                e.start,
                e.end,
                chars.len()
            );
            let exact: String = chars[e.start..e.end].iter().collect();
            prop_assert_eq!(&exact, &e.quote.exact, "{}", m.id);
            let before: String = chars[..e.start].iter().collect();
            let after: String = chars[e.end..].iter().collect();
            prop_assert!(
                before.ends_with(&e.quote.prefix),
                "{}: prefix {:?}",
                m.id,
                e.quote.prefix
            );
            prop_assert!(
                after.starts_with(&e.quote.suffix),
                "{}: suffix {:?}",
                m.id,
                e.quote.suffix
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Plain text (the CLI's text input): offsets point into the text exactly as given.
    #[test]
    fn evidence_lies_in_plain_text(text in mixed_text()) {
        let page = page::from_text("https://example.com/a", &text);
        prop_assert_eq!(&page.body.text, &text);
        let found = markers::detect(&page);
        check_evidence(&text, &found)?;
    }

    /// HTML: offsets point into the extracted body text; paragraphs too.
    #[test]
    fn evidence_lies_in_extracted_text(
        paras in proptest::collection::vec(mixed_text(), 0..8),
        wrap in proptest::sample::select(&["p", "div", "li", "blockquote", "h2", "span", "a"][..]),
    ) {
        let body: String = paras
            .iter()
            .map(|p| format!("<{wrap}>{}</{wrap}>", html_escape::encode_text(p)))
            .collect();
        let html = format!("<html><head><title>T</title></head><body><article>{body}</article></body></html>");
        let page = page::extract("https://example.com/a", &html);
        let n = page.body.text.chars().count();
        for b in &page.body.blocks {
            prop_assert!(b.start <= b.end && b.end <= n);
        }
        let found = markers::detect(&page);
        check_evidence(&page.body.text, &found)?;
    }

    /// Arbitrary strings as HTML and as URLs: a report, never a panic.
    #[test]
    fn analyze_never_panics(url in any::<String>(), html in any::<String>()) {
        let report = masthead::analyze(&url, &html);
        prop_assert!(serde_json::to_string(&report).is_ok());
        let _ = masthead::analyze_text(&url, &html);
        let _ = masthead::identity::host::site_of(&url);
    }

    /// Markup-shaped noise: unbalanced tags, entities, scripts and JSON-LD fragments.
    #[test]
    fn markup_noise_never_panics(parts in proptest::collection::vec(prop_oneof![
        Just("<div>".to_string()), Just("</div>".to_string()), Just("<p>".to_string()),
        Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":".to_string()),
        Just("</script>".to_string()), Just("&amp;&#x1F600;&#0;&bogus".to_string()),
        Just("<meta property=\"og:site_name\" content=\"".to_string()), Just("\">".to_string()),
        Just("<a href=\"https://rt.com/\">".to_string()), Just("<!--".to_string()),
        any::<String>(), mixed_text(),
    ], 0..40)) {
        let html = parts.concat();
        let page = page::extract("https://www.spiegel.de/a", &html);
        let found = markers::detect(&page);
        check_evidence(&page.body.text, &found)?;
        let _ = masthead::analyze("https://www.spiegel.de/a", &html);
    }
}

/// The generators reach the interesting case: trigger phrases do give evidence to check.
#[test]
fn trigger_phrases_give_evidence() {
    let text = TRIGGERS.join(" And then. ");
    let found = markers::detect(&page::from_text("https://example.com/a", &text));
    let spans: usize = found.iter().map(|m| m.evidence.len()).sum();
    assert!(spans >= 3, "{spans} evidence spans in {found:?}");
}
