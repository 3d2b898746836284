//! What a page says about itself: `<title>`, `<meta>` (Open Graph, Twitter, `application-name`,
//! author and dates), the canonical link, `html[lang]` and every JSON-LD block.

use super::dom::{Document, NodeKind};
use serde::Serialize;
use serde_json::Value;

/// JSON-LD blocks larger than this are skipped: no real page needs more.
const MAX_JSON_LD_BYTES: usize = 512 * 1024;
/// At most this many JSON-LD objects are read from one page.
const MAX_JSON_LD_OBJECTS: usize = 2_000;

/// Metadata read from the page's head (and JSON-LD anywhere in it).
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    pub title: Option<String>,
    pub lang: Option<String>,
    pub canonical: Option<String>,
    pub site_name: Option<String>,
    pub application_name: Option<String>,
    pub twitter_site: Option<String>,
    pub og_title: Option<String>,
    pub og_type: Option<String>,
    pub og_url: Option<String>,
    pub description: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub copyright: Option<String>,
    /// NewsArticle / Article / BlogPosting objects found in JSON-LD.
    pub articles: Vec<JsonLdArticle>,
    /// Organization / NewsMediaOrganization names found in JSON-LD (outside articles).
    pub organizations: Vec<String>,
    /// JSON-LD blocks that could not be read (not JSON, too large, too deep).
    pub json_ld_errors: usize,
}

/// The parts of a JSON-LD article that Masthead uses.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonLdArticle {
    pub kind: String,
    pub headline: Option<String>,
    pub publisher: Option<String>,
    pub is_part_of: Option<String>,
    pub authors: Vec<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "BackgroundNewsArticle",
];
const ORGANIZATION_TYPES: &[&str] = &["Organization", "NewsMediaOrganization", "Corporation"];

pub fn read(doc: &Document) -> Metadata {
    let mut m = Metadata::default();
    for id in 0..doc.nodes.len() {
        let NodeKind::Element { name, .. } = &doc.nodes[id].kind else {
            continue;
        };
        match name.as_str() {
            "title" if m.title.is_none() => m.title = non_empty(doc.text(id)),
            "html" if m.lang.is_none() => {
                m.lang = doc
                    .attr(id, "lang")
                    .and_then(|v| non_empty(v.trim().to_string()))
            }
            "link" => {
                let rel = doc.attr(id, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && m.canonical.is_none() {
                    m.canonical = doc
                        .attr(id, "href")
                        .and_then(|v| non_empty(v.trim().to_string()));
                }
            }
            "meta" => read_meta(doc, id, &mut m),
            "script" => {
                let kind = doc
                    .attr(id, "type")
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                if kind == "application/ld+json" {
                    read_json_ld(doc.raw_text(id), &mut m);
                }
            }
            _ => {}
        }
    }
    m
}

fn read_meta(doc: &Document, id: usize, m: &mut Metadata) {
    let key = doc
        .attr(id, "property")
        .or_else(|| doc.attr(id, "name"))
        .or_else(|| doc.attr(id, "itemprop"))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let Some(content) = doc.attr(id, "content").map(clean).and_then(non_empty) else {
        return;
    };
    let slot = match key.as_str() {
        "og:site_name" => &mut m.site_name,
        "application-name" => &mut m.application_name,
        "twitter:site" => &mut m.twitter_site,
        "og:title" => &mut m.og_title,
        "og:type" => &mut m.og_type,
        "og:url" => &mut m.og_url,
        "description" | "og:description" => &mut m.description,
        "author" | "article:author" | "byl" | "sailthru.author" | "parsely-author" => &mut m.author,
        "article:published_time"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "date"
        | "dc.date"
        | "dc.date.issued"
        | "parsely-pub-date"
        | "sailthru.date" => &mut m.published,
        "article:modified_time" | "datemodified" | "og:updated_time" | "last-modified" => {
            &mut m.modified
        }
        "copyright" | "dc.rights" => &mut m.copyright,
        _ => return,
    };
    if slot.is_none() {
        *slot = Some(content);
    }
}

fn read_json_ld(text: &str, m: &mut Metadata) {
    if text.len() > MAX_JSON_LD_BYTES {
        m.json_ld_errors += 1;
        return;
    }
    // serde_json refuses nesting deeper than 128 levels with an error, never a stack overflow.
    let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
        m.json_ld_errors += 1;
        return;
    };
    // Walk objects iteratively: top level, arrays and @graph.
    let mut stack = vec![&value];
    let mut seen = 0;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > MAX_JSON_LD_OBJECTS {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(obj) => {
                if let Some(graph) = obj.get("@graph") {
                    stack.push(graph);
                }
                let types = type_names(obj.get("@type"));
                if types.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())) {
                    m.articles.push(JsonLdArticle {
                        kind: types.first().cloned().unwrap_or_default(),
                        headline: string_of(obj.get("headline"))
                            .or_else(|| string_of(obj.get("name"))),
                        publisher: name_of(obj.get("publisher")),
                        is_part_of: name_of(obj.get("isPartOf")),
                        authors: names_of(obj.get("author")),
                        date_published: string_of(obj.get("datePublished")),
                        date_modified: string_of(obj.get("dateModified")),
                    });
                } else if types
                    .iter()
                    .any(|t| ORGANIZATION_TYPES.contains(&t.as_str()))
                {
                    if let Some(name) = string_of(obj.get("name")) {
                        m.organizations.push(name);
                    }
                }
            }
            _ => {}
        }
    }
}

fn type_names(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

fn string_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => non_empty(clean(s)),
        Value::Array(items) => items.iter().find_map(|i| string_of(Some(i))),
        _ => None,
    }
}

/// `"X"`, `{"name": "X"}` or the first of a list of either.
fn name_of(v: Option<&Value>) -> Option<String> {
    names_of(v).into_iter().next()
}

fn names_of(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => non_empty(clean(s)).into_iter().collect(),
        Some(Value::Object(o)) => string_of(o.get("name")).into_iter().collect(),
        Some(Value::Array(items)) => items
            .iter()
            .take(20)
            .flat_map(|i| names_of(Some(i)))
            .collect(),
        _ => Vec::new(),
    }
}

/// Folds white space and cuts a metadata value to a sane length.
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::new();
    super::dom::push_folded(&mut out, s);
    let out = out.trim();
    match out.char_indices().nth(300) {
        Some((cut, _)) => out[..cut].to_string(),
        None => out.to_string(),
    }
}

pub(crate) fn non_empty(s: String) -> Option<String> {
    if s.trim().is_empty() {
        None
    } else {
        Some(s)
    }
}
