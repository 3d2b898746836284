//! The few exports the extension's background calls. Everything else stays in Rust.

use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // Plain objects and arrays (no Maps), `null` for missing fields: what the shell expects.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Analyzes a page: the Report as a plain JavaScript object.
#[wasm_bindgen]
pub fn analyze(url: &str, html: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::analyze(url, html))
}

/// The registrable domain for a URL or host: the key of per-site settings.
#[wasm_bindgen(js_name = siteOf)]
pub fn site_of(url_or_host: &str) -> String {
    crate::identity::host::site_of(url_or_host)
}

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// The size of the core's linear memory in bytes. It only grows; the background starts the
/// core afresh when it passes a limit.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
