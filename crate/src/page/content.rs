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
/// At most this many links out of the body are kept (the Report shows 200).
pub const MAX_LINKS: usize = 1_000;
/// A link's text is cut to about this many bytes (links nested inside each other would
/// otherwise each carry the rest of the page).
pub const MAX_LINK_TEXT_BYTES: usize = 1_000;

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

/// What [`Document::text`] of a node would give, measured without building it: the folded
/// length in characters, the comma count, and the folded length of the links inside. Computed
/// bottom-up in one pass, so scoring a page costs time linear in its size even when it nests
/// thousands of levels deep (building each container's text instead is quadratic there:
/// 50,000 levels took minutes).
#[derive(Debug, Clone, Copy, Default)]
struct TextStats {
    /// Non-white-space characters.
    solid: usize,
    /// White-space runs between two solid characters (each folds to one space).
    gaps: usize,
    /// White space before the first solid character (or anywhere, when there is none).
    lead: bool,
    /// White space after the last solid character (or anywhere, when there is none).
    trail: bool,
    commas: usize,
    /// Sum of the folded lengths of the `a` elements below (nested ones count again, as the
    /// scoring always counted them).
    linked: usize,
}

impl TextStats {
    fn of(text: &str) -> TextStats {
        let mut s = TextStats::default();
        let mut in_gap = false;
        for c in text.chars() {
            if c.is_whitespace() {
                if s.solid == 0 {
                    s.lead = true;
                }
                in_gap = true;
            } else {
                if in_gap && s.solid > 0 {
                    s.gaps += 1;
                }
                in_gap = false;
                s.solid += 1;
                if matches!(c, ',' | '،' | '、' | '，') {
                    s.commas += 1;
                }
            }
        }
        s.trail = in_gap;
        s
    }

    /// The stats of `self` followed by `next`.
    fn then(self, next: TextStats) -> TextStats {
        let joined = TextStats {
            commas: self.commas + next.commas,
            linked: self.linked + next.linked,
            ..TextStats::default()
        };
        if self.solid == 0 {
            TextStats {
                lead: self.lead || next.lead,
                trail: if next.solid == 0 {
                    self.trail || next.trail
                } else {
                    next.trail
                },
                solid: next.solid,
                gaps: next.gaps,
                ..joined
            }
        } else if next.solid == 0 {
            TextStats {
                lead: self.lead,
                trail: self.trail || next.lead,
                solid: self.solid,
                gaps: self.gaps,
                ..joined
            }
        } else {
            TextStats {
                lead: self.lead,
                trail: next.trail,
                solid: self.solid + next.solid,
                gaps: self.gaps + next.gaps + usize::from(self.trail || next.lead),
                ..joined
            }
        }
    }

    /// `doc.text(id).chars().count()`.
    fn len(&self) -> usize {
        self.solid + self.gaps
    }
}

/// [`TextStats`] for every node. Children follow their parent in the arena, so one backward
/// pass sees every child before its parent.
fn text_stats(doc: &Document) -> Vec<TextStats> {
    let mut stats = vec![TextStats::default(); doc.nodes.len()];
    for id in (0..doc.nodes.len()).rev() {
        let mut s = match &doc.nodes[id].kind {
            NodeKind::Text(t) => TextStats::of(t),
            NodeKind::Element { .. } => TextStats::default(),
        };
        for &c in &doc.nodes[id].children {
            // `Document::text` leaves out the content of scripts and styles.
            if matches!(doc.nodes[c].kind, NodeKind::Text(_)) && doc.in_raw_text(c) {
                continue;
            }
            let mut child = stats[c];
            if doc.name(c) == Some("a") {
                child.linked += child.len();
            }
            s = s.then(child);
        }
        stats[id] = s;
    }
    stats
}

/// Class or id words of a byline or dateline block (Readability's byline pattern). Such a
/// block, when short, is metadata (`Page::byline`), not body text.
const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby"];
/// Longer than this, an element with a byline class is not a byline (Readability uses 100).
const MAX_BYLINE_CHARS: usize = 100;

/// Which nodes are page furniture, computed top-down once.
fn excluded_nodes(doc: &Document, stats: &[TextStats]) -> Vec<bool> {
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
                            && (is_unlikely(doc, id)
                                || (stats[id].len() < MAX_BYLINE_CHARS
                                    && class_or_id_has(doc, id, BYLINE))))
                }
            };
    }
    excluded
}

fn class_or_id_has(doc: &Document, id: NodeId, words: &[&str]) -> bool {
    ["class", "id"].iter().any(|a| {
        doc.attr(id, a)
            .is_some_and(|v| words.iter().any(|w| v.to_ascii_lowercase().contains(w)))
    })
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
fn link_density(stats: &TextStats) -> f64 {
    if stats.len() == 0 {
        return 0.0;
    }
    (stats.linked as f64 / stats.len() as f64).min(1.0)
}

/// Chooses the containers that hold the article: the best-scoring one and its good siblings.
fn content_roots(doc: &Document, excluded: &[bool], stats: &[TextStats]) -> Vec<NodeId> {
    let mut scores: Vec<f64> = vec![0.0; doc.nodes.len()];
    let mut touched: Vec<bool> = vec![false; doc.nodes.len()];
    for (id, _) in excluded.iter().enumerate().skip(1).filter(|(_, &x)| !x) {
        if !is_paragraph_like(doc, id) {
            continue;
        }
        let len = stats[id].len();
        if len < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let commas = stats[id].commas;
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
        let s = scores[id] * (1.0 - link_density(&stats[id]));
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
    let stats = text_stats(doc);
    let excluded = excluded_nodes(doc, &stats);
    let roots = content_roots(doc, &excluded, &stats);
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
                        collect_links(doc, id, &stats, &mut body.links);
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

fn collect_links(doc: &Document, id: NodeId, stats: &[TextStats], links: &mut Vec<Link>) {
    // Each link's text walks its subtree: bounded in number, links nested thousands deep
    // cost at most MAX_LINKS walks.
    for a in doc
        .descendants(id)
        .filter(|&d| doc.name(d) == Some("a"))
        .take(MAX_LINKS.saturating_sub(links.len()))
    {
        if let Some(href) = doc.attr(a, "href").map(str::trim).filter(|h| !h.is_empty()) {
            let text = if stats[a].len() <= MAX_LINK_TEXT_BYTES {
                doc.text(a)
            } else {
                text_capped(doc, a, MAX_LINK_TEXT_BYTES)
            };
            links.push(Link {
                href: href.to_string(),
                text,
            });
        }
    }
}

/// The start of [`Document::text`], at most `max` bytes (cut at a character boundary); walks
/// only as far as it needs.
fn text_capped(doc: &Document, id: NodeId, max: usize) -> String {
    let mut out = String::new();
    for d in std::iter::once(id).chain(doc.descendants(id)) {
        if let NodeKind::Text(t) = &doc.nodes[d].kind {
            if d == id || !doc.in_raw_text(d) {
                // A long text node is cut before folding: folding never lengthens it.
                let mut cut = t.len().min(max + 4);
                while !t.is_char_boundary(cut) {
                    cut -= 1;
                }
                super::dom::push_folded(&mut out, &t[..cut]);
            }
        }
        if out.len() >= max {
            break;
        }
    }
    let mut cut = out.len().min(max);
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    out.truncate(out.trim_end().len());
    out
}

/// The first `h1` outside page furniture.
pub fn first_heading(doc: &Document) -> Option<String> {
    let stats = text_stats(doc);
    let excluded = excluded_nodes(doc, &stats);
    doc.elements("h1")
        .filter(|&h| !excluded[h] && stats[h].len() > 0)
        .map(|h| doc.text(h))
        .find(|t| !t.is_empty())
}

/// A byline in the markup: `rel=author`, `itemprop=author`, or a short element whose class
/// names a byline or author.
pub fn byline_in_markup(doc: &Document) -> Option<String> {
    let mut stats: Option<Vec<TextStats>> = None;
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
            // More than 13 words cannot pass the test below (12, after a "By"): skip without
            // building the text (nested bylines would otherwise cost quadratic time).
            if stats.get_or_insert_with(|| text_stats(doc))[id].gaps > 12 {
                continue;
            }
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

#[cfg(test)]
mod stats_tests {
    use super::*;

    /// The bottom-up stats give exactly what building each node's text gives.
    fn check(html: &str) {
        let doc = Document::parse(html);
        let stats = text_stats(&doc);
        for (id, st) in stats.iter().enumerate() {
            let text = doc.text(id);
            assert_eq!(
                st.len(),
                text.chars().count(),
                "len of node {id} in {html:?}"
            );
            let commas = text
                .chars()
                .filter(|c| matches!(c, ',' | '،' | '、' | '，'))
                .count();
            assert_eq!(st.commas, commas, "commas of node {id}");
            let linked: usize = doc
                .descendants(id)
                .filter(|&d| doc.name(d) == Some("a"))
                .map(|a| doc.text(a).chars().count())
                .sum();
            assert_eq!(st.linked, linked, "links of node {id} in {html:?}");
            let words = text.split_whitespace().count();
            assert_eq!(words, if st.solid == 0 { 0 } else { st.gaps + 1 });
        }
    }

    #[test]
    fn stats_match_the_built_text() {
        for html in [
            "",
            "  ",
            "<p> a </p>",
            "<div> <p>a, b</p>  <p> c</p>\n</div>",
            "<div>x<a href=1> y <a>z</a></a>,w <script>var a = 1, b;</script><style> </style></div>",
            "<p>a<b>b</b> <i> </i>c</p><title> T, t </title>",
            "<div>\u{3000}日本、語 \u{a0}<span></span><span> x </span></div>",
        ] {
            check(html);
        }
        check(include_str!(
            "../../../tests/fixtures/reference-article.html"
        ));
        check(include_str!(
            "../../../tests/fixtures/markers/sober-wire-en.html"
        ));
    }

    #[test]
    fn capped_text_is_a_prefix_of_the_text() {
        let html = format!("<p><a>{}</a> tail</p>", "word, é ".repeat(500));
        let doc = Document::parse(&html);
        for id in 0..doc.nodes.len() {
            let full = doc.text(id);
            for max in [0, 1, 3, 10, 999, 5_000] {
                let capped = text_capped(&doc, id, max);
                assert!(capped.len() <= max, "{max}");
                assert!(full.starts_with(&capped), "{capped:?}");
            }
            assert_eq!(text_capped(&doc, id, 1 << 20), full);
        }
    }
}
