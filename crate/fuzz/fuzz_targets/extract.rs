//! `page::extract` on arbitrary HTML: never panics, and what it returns is consistent
//! (paragraph offsets inside the body text, in code points).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let page = masthead::page::extract("https://example.com/news/a", &html);
    let chars = page.body.text.chars().count();
    for b in &page.body.blocks {
        assert!(
            b.start <= b.end && b.end <= chars,
            "block {b:?} outside {chars}"
        );
    }
});
