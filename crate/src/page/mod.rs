//! Stage 1 of the flow: HTML (or plain text) in, a [`Page`] out: what the page says about
//! itself and the article's text with paragraph boundaries.

pub mod content;
pub mod dom;
pub mod metadata;

pub use content::{Block, BlockKind, Body, Link};
pub use dom::Document;
pub use metadata::Metadata;

/// Pages larger than this are cut before parsing (at a character boundary); the report says so.
pub const MAX_HTML_BYTES: usize = 8 * 1024 * 1024;

/// Title separators between a headline and the site's name: "Headline | Site".
pub const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " » ",
];

/// Everything later stages need to know about one page.
#[derive(Debug, Clone)]
pub struct Page {
    pub url: String,
    pub meta: Metadata,
    /// The headline as the page states it (JSON-LD, Open Graph, `h1`, or the title).
    pub headline: Option<String>,
    /// Who wrote it, when the page says.
    pub byline: Option<String>,
    /// The publication and modification dates the page's metadata gives (as written).
    pub published: Option<String>,
    pub modified: Option<String>,
    pub body: Body,
    /// The whole document, for stages that look beyond the body (e.g. visible dates).
    pub doc: Document,
    /// Why the page was only partly read, if it was.
    pub limits: Vec<String>,
}

/// Reads an HTML page. Never panics; a broken page gives a page with fewer fields.
pub fn extract(url: &str, html: &str) -> Page {
    let mut limits = Vec::new();
    let html = if html.len() > MAX_HTML_BYTES {
        limits.push(format!(
            "page larger than {} MB: only the first {} MB were read",
            MAX_HTML_BYTES >> 20,
            MAX_HTML_BYTES >> 20
        ));
        let mut cut = MAX_HTML_BYTES;
        while !html.is_char_boundary(cut) {
            cut -= 1;
        }
        &html[..cut]
    } else {
        html
    };
    let doc = Document::parse(html);
    if doc.truncated {
        limits.push(format!(
            "more than {} elements: the rest of the page was not read",
            dom::MAX_NODES
        ));
    }
    let meta = metadata::read(&doc);
    let body = content::extract_body(&doc);
    if body.truncated {
        limits.push(format!(
            "more than {} paragraphs: the rest were not read",
            content::MAX_PARAGRAPHS
        ));
    }
    let article = meta.articles.first();
    let headline = article
        .and_then(|a| a.headline.clone())
        .or_else(|| meta.og_title.clone())
        .or_else(|| content::first_heading(&doc))
        .or_else(|| {
            meta.title
                .as_deref()
                .map(|t| strip_site_from_title(t).to_string())
        });
    let byline = meta
        .articles
        .iter()
        .find(|a| !a.authors.is_empty())
        .map(|a| a.authors.join(", "))
        .or_else(|| meta.author.clone().filter(|a| !a.starts_with("http")))
        .or_else(|| content::byline_in_markup(&doc));
    let published = article
        .and_then(|a| a.date_published.clone())
        .or_else(|| meta.published.clone())
        .or_else(|| content::first_time(&doc));
    let modified = article
        .and_then(|a| a.date_modified.clone())
        .or_else(|| meta.modified.clone());
    Page {
        url: url.to_string(),
        meta,
        headline,
        byline,
        published,
        modified,
        body,
        doc,
        limits,
    }
}

/// Reads a plain-text article: paragraphs are runs of non-blank lines, and offsets point into
/// `text` exactly as given.
pub fn from_text(url: &str, text: &str) -> Page {
    let body = Body::from_plain(text);
    let headline = body.blocks.first().map(|b| body.block_text(b));
    Page {
        url: url.to_string(),
        meta: Metadata::default(),
        headline,
        byline: None,
        published: None,
        modified: None,
        body,
        doc: Document::parse(""),
        limits: Vec::new(),
    }
}

/// Splits a title at its last site separator: `("Headline", Some("Site"))`.
pub fn split_title(title: &str) -> (&str, Option<&str>) {
    TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|(i, _)| *i)
        .map(|(i, len)| (title[..i].trim(), Some(title[i + len..].trim())))
        .unwrap_or((title.trim(), None))
}

fn strip_site_from_title(title: &str) -> &str {
    split_title(title).0
}
