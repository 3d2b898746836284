//! The whole `analyze` (what the extension calls) on an arbitrary URL (first line) and HTML
//! (the rest): never panics, and the Report serializes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (url, html) = input
        .split_once('\n')
        .unwrap_or(("https://example.com/a", &input));
    let report = masthead::analyze(url, html);
    let _ = serde_json::to_string(&report).expect("serializable");
    let _ = masthead::analyze_text(url, html);
});
