//! A small arena DOM built from the HTML parser's output.
//!
//! Every later stage walks this tree, never the parser's own types, so the parser can be
//! swapped (see docs/PARSERS.md) without touching extraction. Walks are iterative: pages nest
//! thousands of levels deep and the wasm stack is small.

/// Index of a node in [`Document::nodes`].
pub type NodeId = usize;

/// Limits that keep a hostile page to a bounded cost.
pub const MAX_NODES: usize = 200_000;

#[derive(Debug, Clone)]
pub enum NodeKind {
    /// Tag name in lowercase, attributes with names in lowercase and entity-decoded values.
    Element {
        name: String,
        attrs: Vec<(String, String)>,
    },
    /// Entity-decoded text.
    Text(String),
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: NodeKind,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
}

/// A parsed page. Node 0 is a synthetic root.
#[derive(Debug, Clone)]
pub struct Document {
    pub nodes: Vec<Node>,
    /// True when the page had more nodes than [`MAX_NODES`] and the rest was dropped.
    pub truncated: bool,
}

/// Elements whose content is raw text, not markup. The browser serializes the content of
/// `xmp`, `iframe`, `noembed`, `noframes` and `plaintext` unescaped (as it does for `script` and
/// `style`), so markup inside them must not be read as the page's own (a `<meta>` there is text).
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "frame",
];
/// Start tags that close an open `<p>` (HTML's "close a p element" rule, simplified).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];
/// Containers whose markup is not the page's own content: tags inside them are dropped and
/// only their text is kept (the browser serializes `<noscript>` content as raw text).
const OPAQUE: &[&str] = &["noscript", "template", "noframes"];
/// How far an end tag may look down the stack of open elements for its start tag. Browser
/// serializations close every element in order (the match is on top); only raw, broken markup
/// looks further, and a bound keeps such pages linear.
const MAX_END_TAG_SCAN: usize = 256;

impl Document {
    /// Parses `html` with the `html5gum` tokenizer (a WHATWG tokenizer: entities, attributes,
    /// comments, script and style content as raw text) and a small tree builder: void elements,
    /// implied end tags for `p`, `li`, `dt`/`dd`, `option`, `td`/`th`, `tr`, and end tags that
    /// close the nearest matching open element. Never panics, never recurses, and stops at
    /// [`MAX_NODES`]. See docs/PARSERS.md for why this and not `tl` or html5ever.
    pub fn parse(html: &str) -> Document {
        use html5gum::{DefaultEmitter, Token, Tokenizer};

        let mut doc = Document {
            nodes: vec![Node {
                kind: NodeKind::Element {
                    name: "#root".into(),
                    attrs: Vec::new(),
                },
                parent: None,
                children: Vec::new(),
            }],
            truncated: false,
        };
        let mut emitter = DefaultEmitter::default();
        // Switch to raw text after <script>, <style>, <title>, <textarea>... as a browser does.
        emitter.naively_switch_states(true);
        let mut open: Vec<NodeId> = vec![0];
        let mut opaque_depth = 0usize;
        for token in Tokenizer::new_with_emitter(html, emitter) {
            if doc.nodes.len() >= MAX_NODES {
                doc.truncated = true;
                break;
            }
            let Ok(token) = token;
            match token {
                Token::StartTag(tag) => {
                    let name = lossy(&tag.name);
                    let n = name.as_str();
                    if opaque_depth > 0 {
                        continue;
                    }
                    if CLOSES_P.contains(&n) {
                        close_to(
                            &doc,
                            &mut open,
                            &["p"],
                            &["button", "table", "td", "th", "div", "li"],
                        );
                    }
                    match n {
                        "li" => close_to(&doc, &mut open, &["li"], &["ul", "ol", "table"]),
                        "dt" | "dd" => close_to(&doc, &mut open, &["dt", "dd"], &["dl", "table"]),
                        "option" => close_to(&doc, &mut open, &["option"], &["select"]),
                        "td" | "th" => close_to(&doc, &mut open, &["td", "th"], &["tr", "table"]),
                        "tr" => close_to(&doc, &mut open, &["tr"], &["table"]),
                        _ => {}
                    }
                    let attrs = tag
                        .attributes
                        .iter()
                        .map(|(k, v)| (lossy(k), lossy(&v.value)))
                        .collect();
                    let parent = open.last().copied().unwrap_or(0);
                    let foreign = n == "svg" || n == "math" || in_foreign(&doc, &open);
                    let id = doc.push(
                        NodeKind::Element {
                            name: name.clone(),
                            attrs,
                        },
                        parent,
                    );
                    let closes_itself = VOID.contains(&n) || (tag.self_closing && foreign);
                    if !closes_itself {
                        open.push(id);
                        if OPAQUE.contains(&n) {
                            opaque_depth = 1;
                        }
                    }
                }
                Token::EndTag(tag) => {
                    let name = lossy(&tag.name);
                    if opaque_depth > 0 && !OPAQUE.contains(&name.as_str()) {
                        continue;
                    }
                    opaque_depth = 0;
                    close_to(&doc, &mut open, &[name.as_str()], &[]);
                }
                Token::String(text) => {
                    let parent = open.last().copied().unwrap_or(0);
                    let text = String::from_utf8_lossy(&text.value);
                    // Adjacent text (split by the tokenizer or by dropped tags) is one node.
                    if let Some(&last) = doc.nodes[parent].children.last() {
                        if let NodeKind::Text(t) = &mut doc.nodes[last].kind {
                            t.push_str(&text);
                            continue;
                        }
                    }
                    doc.push(NodeKind::Text(text.into_owned()), parent);
                }
                _ => {}
            }
        }
        doc
    }

    fn push(&mut self, kind: NodeKind, parent: NodeId) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            parent: Some(parent),
            children: Vec::new(),
        });
        self.nodes[parent].children.push(id);
        id
    }

    /// The element's tag name, or `None` for text.
    pub fn name(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].kind {
            NodeKind::Element { name, .. } => Some(name),
            NodeKind::Text(_) => None,
        }
    }

    /// An attribute's value (names are lowercase).
    pub fn attr(&self, id: NodeId, attr: &str) -> Option<&str> {
        match &self.nodes[id].kind {
            NodeKind::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == attr)
                .map(|(_, v)| v.as_str()),
            NodeKind::Text(_) => None,
        }
    }

    /// All nodes below `id` (not `id` itself), in document order.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            doc: self,
            stack: self.nodes[id].children.iter().rev().copied().collect(),
        }
    }

    /// Elements named `name` anywhere in the document, in document order.
    pub fn elements<'a>(&'a self, name: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        (0..self.nodes.len()).filter(move |&i| self.name(i) == Some(name))
    }

    /// The ancestors of `id`, nearest first.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.nodes[id].parent, move |&p| self.nodes[p].parent)
    }

    /// The text below `id` with runs of white space folded to one space, trimmed.
    pub fn text(&self, id: NodeId) -> String {
        let mut out = String::new();
        if let NodeKind::Text(t) = &self.nodes[id].kind {
            push_folded(&mut out, t);
        }
        for d in self.descendants(id) {
            if let NodeKind::Text(t) = &self.nodes[d].kind {
                if !self.in_raw_text(d) {
                    push_folded(&mut out, t);
                }
            }
        }
        out.truncate(out.trim_end().len());
        out
    }

    /// Whether a text node is the content of a script, style or similar element.
    pub fn in_raw_text(&self, id: NodeId) -> bool {
        self.nodes[id]
            .parent
            .and_then(|p| self.name(p))
            .is_some_and(|n| RAW_TEXT.contains(&n) && n != "title")
    }

    /// The raw inner text of a raw-text element such as `<script>`.
    pub fn raw_text(&self, id: NodeId) -> &str {
        self.nodes[id]
            .children
            .first()
            .and_then(|&c| match &self.nodes[c].kind {
                NodeKind::Text(t) => Some(t.as_str()),
                NodeKind::Element { .. } => None,
            })
            .unwrap_or("")
    }
}

/// Iterator over a subtree in document order, with an explicit stack.
pub struct Descendants<'a> {
    doc: &'a Document,
    stack: Vec<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.stack.pop()?;
        self.stack
            .extend(self.doc.nodes[id].children.iter().rev().copied());
        Some(id)
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Pops the open elements down to and including the nearest one named in `names`, unless an
/// element named in `stop` (a scope boundary) comes first or the scan limit is reached.
fn close_to(doc: &Document, open: &mut Vec<NodeId>, names: &[&str], stop: &[&str]) {
    for i in (1..open.len()).rev().take(MAX_END_TAG_SCAN) {
        let n = doc.name(open[i]).unwrap_or("");
        if names.contains(&n) {
            open.truncate(i);
            return;
        }
        if stop.contains(&n) {
            return;
        }
    }
}

/// Whether the current insertion point is inside `<svg>` or `<math>`, where `<x/>` closes
/// itself. Looks at the nearest open elements only: an HTML container ends the question.
fn in_foreign(doc: &Document, open: &[NodeId]) -> bool {
    for &o in open.iter().rev().take(64) {
        match doc.name(o) {
            Some("svg" | "math") => return true,
            Some(
                "div" | "p" | "span" | "section" | "article" | "body" | "li" | "td" | "a" | "main",
            ) => return false,
            _ => {}
        }
    }
    false
}

/// Appends `text` to `out`, folding white space runs (including across the boundary) to one space.
pub fn push_folded(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Markup inside raw-text elements is text: a `<meta>` there is not an element.
    #[test]
    fn raw_text_elements_hide_their_markup() {
        for tag in [
            "xmp", "iframe", "noembed", "noframes", "noscript", "textarea",
        ] {
            let html = format!(
                r#"<html><head></head><body><{tag}><meta property="og:site_name" content="Sputnik"></{tag}></body></html>"#
            );
            let doc = Document::parse(&html);
            assert_eq!(doc.elements("meta").count(), 0, "{tag}");
        }
    }

    /// The cases that broke the previous parser (`tl`), from docs/PARSERS.md.
    #[test]
    fn scripts_styles_and_stray_angle_brackets_do_not_swallow_the_page() {
        let html = r#"<html><head><title>A &amp; B</title>
            <script>if (a<b) { document.write("<script>x<\/script>"); }</script>
            <style>p:after { content: "</p>"; }</style>
            <script type="application/ld+json">{"headline": "A < B"}</script></head>
            <body><p>x < 6 > 4 and<br/>more</p><p id=last>end &eacute;t&eacute;</p></body></html>"#;
        let doc = Document::parse(html);
        let title = doc.elements("title").next().map(|t| doc.text(t));
        assert_eq!(title.as_deref(), Some("A & B"));
        let paragraphs: Vec<String> = doc.elements("p").map(|p| doc.text(p)).collect();
        assert_eq!(paragraphs, vec!["x < 6 > 4 andmore", "end été"]);
        assert_eq!(doc.elements("br").count(), 1);
        let json = doc
            .elements("script")
            .nth(1)
            .map(|s| doc.raw_text(s).to_string());
        assert_eq!(json.as_deref(), Some(r#"{"headline": "A < B"}"#));
    }

    #[test]
    fn implied_end_tags_and_deep_pages_stay_linear() {
        let doc = Document::parse("<ul><li>one<li>two</ul><p>a<p>b<div>c</div>");
        let items: Vec<String> = doc.elements("li").map(|l| doc.text(l)).collect();
        assert_eq!(items, vec!["one", "two"]);
        assert_eq!(
            doc.elements("p").map(|p| doc.text(p)).collect::<Vec<_>>(),
            vec!["a", "b"]
        );
        // 100,000 levels and as many stray end tags: bounded work, no recursion.
        let deep = format!("{}{}", "<span>".repeat(100_000), "</nope>".repeat(100_000));
        let doc = Document::parse(&deep);
        assert!(doc.nodes.len() > 100_000);
        assert_eq!(doc.descendants(0).count(), 100_000);
    }
}
