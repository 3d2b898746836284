//! The core compiled to wasm32 and run inside real browsers (headless Chromium and Firefox
//! through wasm-bindgen-test-runner): the exports the extension calls give the same answers
//! as natively.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const REFERENCE: &str = include_str!("../../tests/fixtures/reference-article.html");

#[wasm_bindgen_test]
fn the_reference_page_is_sputnik_on_its_own_host_and_claimed_elsewhere() {
    let verified = masthead::analyze("https://sputnikglobe.com/20240617/x.html", REFERENCE);
    assert_eq!(
        verified.identity.verdict,
        masthead::identity::Verdict::Verified
    );
    assert_eq!(
        verified.identity.outlet.as_ref().map(|o| o.id.as_str()),
        Some("sputnik")
    );

    let claimed = masthead::analyze("https://world-news-today.net/x", REFERENCE);
    assert_eq!(
        claimed.identity.verdict,
        masthead::identity::Verdict::Claimed
    );
    assert!(claimed.identity.reason.contains("calls itself Sputnik"));
    assert!(!claimed.markers.is_empty(), "markers run in wasm too");
}

#[wasm_bindgen_test]
fn hostile_input_gives_a_report_not_a_trap() {
    let deep = "<div>".repeat(20_000);
    for html in [
        "",
        "\u{0}\u{1}\u{2}<<<>>>",
        "<html><head><script type=application/ld+json>{{{{</script>",
        deep.as_str(),
    ] {
        let r = masthead::analyze("https://example.com/", html);
        assert_eq!(r.identity.verdict, masthead::identity::Verdict::Unknown);
    }
}

#[wasm_bindgen_test]
fn the_js_exports_return_plain_objects() {
    let value = masthead::wasm::analyze("https://sputnikglobe.com/x", REFERENCE).expect("a report");
    let verdict = js_sys::Reflect::get(
        &js_sys::Reflect::get(&value, &"identity".into()).unwrap(),
        &"verdict".into(),
    )
    .unwrap();
    assert_eq!(verdict.as_string().as_deref(), Some("verified"));
    assert_eq!(
        masthead::wasm::site_of("https://news.bbc.co.uk/x"),
        "bbc.co.uk"
    );
    assert_eq!(masthead::wasm::version(), masthead::VERSION);
}
