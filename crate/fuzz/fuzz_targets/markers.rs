//! `markers::detect` on arbitrary plain text: never panics, and every evidence span lies inside
//! the text with its quote (exact, prefix, suffix) equal to the text at those code-point offsets.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let page = masthead::page::from_text("https://example.com/a", &text);
    let markers = masthead::markers::detect(&page);
    let chars: Vec<char> = page.body.text.chars().collect();
    for m in &markers {
        for e in &m.evidence {
            assert!(e.start <= e.end && e.end <= chars.len(), "{e:?}");
            let exact: String = chars[e.start..e.end].iter().collect();
            assert_eq!(exact, e.quote.exact, "{e:?}");
            let before: String = chars[..e.start].iter().collect();
            let after: String = chars[e.end..].iter().collect();
            assert!(before.ends_with(&e.quote.prefix), "{e:?}");
            assert!(after.starts_with(&e.quote.suffix), "{e:?}");
        }
    }
});
