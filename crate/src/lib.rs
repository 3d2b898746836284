//! Masthead's core: who is speaking on a news page, and how.
//!
//! The flow has three stages, one module each: [`page`] reads the HTML into metadata and
//! article text; [`identity`] finds the outlet behind the host and what the page claims;
//! [`markers`] finds framing, sourcing and provenance signs with their evidence. [`report`]
//! holds the one output type. The core never touches a browser: `wasm.rs` is the only
//! bridge, and the CLI (`src/bin/masthead.rs`) uses the same functions natively.

pub mod identity;
pub mod markers;
pub mod page;
pub mod report;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use report::Report;

/// The engine's version, as in Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Analyzes an HTML page served at `url`. Never panics: bad input gives a smaller report.
pub fn analyze(url: &str, html: &str) -> Report {
    build_report(url, page::extract(url, html))
}

/// Analyzes a plain-text article (offsets in the report point into `text` as given).
pub fn analyze_text(url: &str, text: &str) -> Report {
    build_report(url, page::from_text(url, text))
}

fn build_report(url: &str, page: page::Page) -> Report {
    let identity = identity::identify(url, Some(&page), identity::Options::default());
    // The Report carries what the panel shows: markers at or above the shipped threshold.
    let markers: Vec<_> = markers::detect(&page)
        .into_iter()
        .filter(|m| m.strength >= markers::DEFAULT_THRESHOLD)
        .collect();
    let summary = markers::summarize(&markers, page.body.word_count());
    Report {
        schema_version: report::SCHEMA_VERSION,
        engine_version: VERSION,
        url: url.to_string(),
        identity,
        page: report::PageFacts::of(&page),
        markers,
        summary,
        partial: !page.limits.is_empty(),
        limits: page.limits.clone(),
    }
}
