//! The article body: a Readability-style choice of the main content container, then its
//! paragraphs in order, plus the headline, the byline and the links out of the body.
//!
//! The heuristic follows Mozilla Readability in spirit (score containers by the paragraphs
//! they hold, penalize link-heavy and "unlikely" containers, take the best one and its good
//! siblings) with fewer steps: the input is usually the browser's own serialization, so the
//! markup is already well formed.

use super::dom::{Document, NodeId, NodeKind};

/// A paragraph shorter than this (in characters) does not vote for its container.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// A sibling of the best container joins the body when its score reaches this share of the best.
const SIBLING_SCORE_SHARE: f64 = 0.2;
/// At most this many paragraphs are kept (a bounded report on endless pages).
pub const MAX_PARAGRAPHS: usize = 2_000;

/// Subtrees that are never article text.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "svg",
    "iframe",
    "object",
    "embed",
    "canvas",
    "dialog",
    "menu",
    "head",
    "figcaption",
];
/// Class or id words that mark page furniture (Readability's "unlikely candidates").
const UNLIKELY: &[&str] = &[
    "comment",
    "footer",
    "footnote",
    "nav",
    "menu",
    "sidebar",
    "sponsor",
    "promo",
    "related",
    "share",
    "social",
    "popular",
    "widget",
    "advert",
    "banner",
    "breadcrumb",
    "cookie",
    "newsletter",
    "subscribe",
    "signup",
    "masthead",
    "trending",
    "recommend",
    "outbrain",
    "taboola",
    "weather",
    "ticker",
    "pagination",
];
/// ... unless the same class or id also says it holds the article.
const MAYBE_CANDIDATE: &[&str] = &[
    "article", "body", "content", "main", "story", "text", "post", "entry",
];
/// Elements that make up the paragraphs of the body text.
const BLOCKS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "li",
    "pre",
    "dd",
];
/// Elements whose presence as a child means a `div` is a container, not a paragraph.
const BLOCK_CHILDREN: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "ul",
    "ol",
    "dl",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "figure",
    "header",
    "footer",
    "aside",
    "nav",
    "main",
    "form",
];

/// The kind of a paragraph of body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Paragraph,
    Heading,
    Quote,
    Item,
}

/// One paragraph: its place in [`Body::text`], in Unicode code points.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
}

/// A link found in the body.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Link {
    pub href: String,
    pub text: String,
}

/// The article text, paragraphs separated by a blank line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    pub text: String,
    pub blocks: Vec<Block>,
    pub links: Vec<Link>,
    pub truncated: bool,
}

impl Body {
    /// A body from plain text, offsets into `text` exactly as given; paragraphs are the runs
    /// of non-blank lines.
    pub fn from_plain(text: &str) -> Body {
        let mut blocks = Vec::new();
        let mut start: Option<usize> = None;
        let mut last_end = 0;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let len = line.chars().count();
            let content = line.trim_end_matches(['\n', '\r']);
            if content.trim().is_empty() {
                if let Some(s) = start.take() {
                    blocks.push(Block {
                        start: s,
                        end: last_end,
                        kind: BlockKind::Paragraph,
                    });
                }
            } else {
                let lead = content.chars().take_while(|c| c.is_whitespace()).count();
                start.get_or_insert(offset + lead);
                last_end = offset + content.trim_end().chars().count();
            }
            offset += len;
        }
        if let Some(s) = start {
            blocks.push(Block {
                start: s,
                end: last_end,
                kind: BlockKind::Paragraph,
            });
        }
        Body {
            text: text.to_string(),
            blocks,
            links: Vec::new(),
            truncated: false,
        }
    }

    /// The text of one block.
    pub fn block_text(&self, b: &Block) -> String {
        self.text
            .chars()
            .skip(b.start)
            .take(b.end - b.start)
            .collect()
    }

    /// Words in the body, counted by Unicode word boundaries' simple cousin: runs of
    /// alphanumeric characters.
    pub fn word_count(&self) -> usize {
        self.text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
    }
}

/// Which nodes are page furniture, computed top-down once.
fn excluded_nodes(doc: &Document) -> Vec<bool> {
    let mut excluded = vec![false; doc.nodes.len()];
    // Parents always precede children in the arena, so one forward pass suffices.
    for id in 1..doc.nodes.len() {
        let parent_excluded = doc.nodes[id].parent.is_some_and(|p| excluded[p]);
        excluded[id] = parent_excluded
            || match &doc.nodes[id].kind {
                NodeKind::Text(_) => false,
                NodeKind::Element { name, .. } => {
                    SKIP_TAGS.contains(&name.as_str())
                        || doc.attr(id, "hidden").is_some()
                        || doc.attr(id, "aria-hidden") == Some("true")
                        || (!matches!(name.as_str(), "html" | "body" | "article" | "main")
                            && is_unlikely(doc, id))
                }
            };
    }
    excluded
}

fn is_unlikely(doc: &Document, id: NodeId) -> bool {
    let mut words = String::new();
    for a in ["class", "id", "role"] {
        if let Some(v) = doc.attr(id, a) {
            words.push_str(&v.to_ascii_lowercase());
            words.push(' ');
        }
    }
    if words.contains("navigation") || words.contains("complementary") {
        return true;
    }
    UNLIKELY.iter().any(|u| words.contains(u)) && !MAYBE_CANDIDATE.iter().any(|m| words.contains(m))
}

fn has_block_child(doc: &Document, id: NodeId) -> bool {
    doc.nodes[id]
        .children
        .iter()
        .any(|&c| doc.name(c).is_some_and(|n| BLOCK_CHILDREN.contains(&n)))
}

/// A `p`, or a `div`/`section` that holds only inline content: both count as paragraphs.
fn is_paragraph_like(doc: &Document, id: NodeId) -> bool {
    match doc.name(id) {
        Some("p") | Some("pre") => true,
        Some("div") | Some("section") | Some("td") => !has_block_child(doc, id),
        _ => false,
    }
}

fn tag_bonus(name: &str) -> f64 {
    match name {
        "article" | "main" => 10.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Share of a node's text that sits inside links.
fn link_density(doc: &Document, id: NodeId, text_len: usize) -> f64 {
    if text_len == 0 {
        return 0.0;
    }
    let linked: usize = doc
        .descendants(id)
        .filter(|&d| doc.name(d) == Some("a"))
        .map(|a| doc.text(a).chars().count())
        .sum();
    (linked as f64 / text_len as f64).min(1.0)
}

/// Chooses the containers that hold the article: the best-scoring one and its good siblings.
fn content_roots(doc: &Document, excluded: &[bool]) -> Vec<NodeId> {
    let mut scores: Vec<f64> = vec![0.0; doc.nodes.len()];
    let mut touched: Vec<bool> = vec![false; doc.nodes.len()];
    for (id, _) in excluded.iter().enumerate().skip(1).filter(|(_, &x)| !x) {
        if !is_paragraph_like(doc, id) {
            continue;
        }
        let text = doc.text(id);
        let len = text.chars().count();
        if len < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let commas = text
            .chars()
            .filter(|c| matches!(c, ',' | '،' | '、' | '，'))
            .count();
        let score = 1.0 + commas as f64 + (len as f64 / 100.0).min(3.0);
        for (level, anc) in doc.ancestors(id).take(3).enumerate() {
            if anc == 0 {
                break;
            }
            if !touched[anc] {
                touched[anc] = true;
                scores[anc] += doc.name(anc).map(tag_bonus).unwrap_or(0.0);
            }
            scores[anc] += score / [1.0, 2.0, 3.0][level];
        }
    }
    let mut best: Option<(NodeId, f64)> = None;
    for id in 0..doc.nodes.len() {
        if !touched[id] {
            continue;
        }
        let len = doc.text(id).chars().count();
        let s = scores[id] * (1.0 - link_density(doc, id, len));
        scores[id] = s;
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((id, s));
        }
    }
    let Some((top, top_score)) = best else {
        return vec![doc.elements("body").next().unwrap_or(0)];
    };
    let Some(parent) = doc.nodes[top].parent else {
        return vec![top];
    };
    let threshold = (top_score * SIBLING_SCORE_SHARE).max(10.0);
    doc.nodes[parent]
        .children
        .iter()
        .copied()
        .filter(|&s| s == top || (!excluded[s] && touched[s] && scores[s] >= threshold))
        .collect()
}

/// Extracts the body: paragraphs of the content roots, in document order.
pub fn extract_body(doc: &Document) -> Body {
    let excluded = excluded_nodes(doc);
    let roots = content_roots(doc, &excluded);
    let mut body = Body::default();
    let mut chars = 0usize;
    for root in roots {
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if excluded[id] {
                continue;
            }
            let kind = match doc.name(id) {
                Some(n) if BLOCKS.contains(&n) => Some(match n {
                    "blockquote" => BlockKind::Quote,
                    "li" | "dd" => BlockKind::Item,
                    "p" | "pre" => BlockKind::Paragraph,
                    _ => BlockKind::Heading,
                }),
                Some(_) if is_paragraph_like(doc, id) && id != 0 => Some(BlockKind::Paragraph),
                _ => None,
            };
            match kind {
                // A list item or quote that holds paragraphs is a container: descend into it.
                Some(BlockKind::Item | BlockKind::Quote) if has_block_child(doc, id) => {}
                Some(kind) => {
                    let text = doc.text(id);
                    if !text.is_empty() {
                        if body.blocks.len() >= MAX_PARAGRAPHS {
                            body.truncated = true;
                            break;
                        }
                        if !body.text.is_empty() {
                            body.text.push_str("\n\n");
                            chars += 2;
                        }
                        let len = text.chars().count();
                        body.blocks.push(Block {
                            start: chars,
                            end: chars + len,
                            kind,
                        });
                        body.text.push_str(&text);
                        chars += len;
                        collect_links(doc, id, &mut body.links);
                    }
                    continue;
                }
                None => {}
            }
            stack.extend(doc.nodes[id].children.iter().rev().copied());
        }
    }
    body
}

fn collect_links(doc: &Document, id: NodeId, links: &mut Vec<Link>) {
    for a in doc.descendants(id).filter(|&d| doc.name(d) == Some("a")) {
        if let Some(href) = doc.attr(a, "href").map(str::trim).filter(|h| !h.is_empty()) {
            links.push(Link {
                href: href.to_string(),
                text: doc.text(a),
            });
        }
    }
}

/// The first `h1` outside page furniture.
pub fn first_heading(doc: &Document) -> Option<String> {
    let excluded = excluded_nodes(doc);
    doc.elements("h1")
        .filter(|&h| !excluded[h])
        .map(|h| doc.text(h))
        .find(|t| !t.is_empty())
}

/// A byline in the markup: `rel=author`, `itemprop=author`, or a short element whose class
/// names a byline or author.
pub fn byline_in_markup(doc: &Document) -> Option<String> {
    for id in 1..doc.nodes.len() {
        if doc.name(id).is_none() {
            continue;
        }
        let rel = doc.attr(id, "rel").unwrap_or("");
        let itemprop = doc.attr(id, "itemprop").unwrap_or("");
        let class = doc.attr(id, "class").unwrap_or("").to_ascii_lowercase();
        if rel == "author"
            || itemprop == "author"
            || class.contains("byline")
            || class
                .split_whitespace()
                .any(|c| c == "author" || c.ends_with("__author") || c.ends_with("-author"))
        {
            let text = doc.text(id);
            let text = text
                .strip_prefix("By ")
                .or_else(|| text.strip_prefix("by "))
                .unwrap_or(&text)
                .trim();
            let words = text.split_whitespace().count();
            if (1..=12).contains(&words) {
                return Some(text.to_string());
            }
        }
    }
    None
}

/// The first `<time datetime>` in the document.
pub fn first_time(doc: &Document) -> Option<String> {
    doc.elements("time").find_map(|t| {
        doc.attr(t, "datetime")
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    })
}
