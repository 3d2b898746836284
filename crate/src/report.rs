//! The one output type: a versioned, serde-serialized Report, camelCase for JavaScript.

use crate::identity::Identity;
use crate::markers::{Marker, Summary};
use crate::page::{Link, Page};
use serde::Serialize;

/// Bumped whenever a field changes meaning or is removed.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub schema_version: u32,
    pub engine_version: &'static str,
    pub url: String,
    pub identity: Identity,
    pub page: PageFacts,
    pub markers: Vec<Marker>,
    /// Counts per family per 1,000 words and the strongest markers.
    pub summary: Summary,
    /// True when the page was only partly read; `limits` says why.
    pub partial: bool,
    pub limits: Vec<String>,
}

/// How the page presents itself, for the "How it was made" section.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageFacts {
    pub title: Option<String>,
    pub headline: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub lang: Option<String>,
    pub canonical: Option<String>,
    pub word_count: usize,
    pub paragraphs: usize,
    pub links: Vec<Link>,
}

impl PageFacts {
    pub fn of(page: &Page) -> PageFacts {
        PageFacts {
            title: page.meta.title.clone(),
            headline: page.headline.clone(),
            byline: page.byline.clone(),
            published: page.published.clone(),
            modified: page.modified.clone(),
            lang: page.meta.lang.clone(),
            canonical: page.meta.canonical.clone(),
            word_count: page.body.word_count(),
            paragraphs: page.body.blocks.len(),
            links: page.body.links.iter().take(200).cloned().collect(),
        }
    }
}
