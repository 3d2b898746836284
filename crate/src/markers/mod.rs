//! Stage 3 of the flow: how the article speaks and how the page was made. Each marker comes
//! with its evidence: character offsets into the body text and a text quote the shell anchors
//! in the live page.

use crate::page::Page;
use serde::Serialize;

/// The four marker families.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    Persuasion,
    Framing,
    Sourcing,
    Provenance,
}

/// A W3C Web Annotation TextQuoteSelector: the exact words with a little context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextQuote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// Where a marker fired: `start..end` in Unicode code points of the body text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub quote: TextQuote,
}

/// One marker with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Marker {
    pub id: String,
    pub family: Family,
    /// The SemEval-2020 Task 11 technique name, where one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub technique: Option<String>,
    pub label: String,
    pub explanation: String,
    /// 0..1: how strongly the evidence supports the marker.
    pub strength: f32,
    pub evidence: Vec<Evidence>,
}

/// Finds the markers in a page's body.
pub fn detect(_page: &Page) -> Vec<Marker> {
    Vec::new()
}

/// The strength a marker must reach to be shown (and printed by `masthead markers`).
pub const DEFAULT_THRESHOLD: f32 = 0.5;
