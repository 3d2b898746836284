//! `identity::identify` on an arbitrary URL (the first line) and page (the rest): never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use masthead::identity::{self, Options};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (url, html) = input.split_once('\n').unwrap_or((&input, ""));
    let _ = identity::identify(url, None, Options { generic_only: true });
    let page = masthead::page::extract(url, html);
    let id = identity::identify(url, Some(&page), Options::default());
    let _ = identity::host::site_of(url);
    let _ = serde_json::to_string(&id).expect("serializable");
});
