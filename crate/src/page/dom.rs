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

/// Elements whose content is raw text, not markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "title",
];

impl Document {
    /// Parses `html`. Never panics; malformed markup gives whatever tree the parser recovers.
    pub fn parse(html: &str) -> Document {
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
        let Ok(vdom) = tl::parse(html, tl::ParserOptions::default()) else {
            return doc;
        };
        let parser = vdom.parser();
        // (tl handle, parent id) pairs still to visit, in document order.
        let mut stack: Vec<(tl::NodeHandle, NodeId)> =
            vdom.children().iter().rev().map(|h| (*h, 0)).collect();
        while let Some((handle, parent)) = stack.pop() {
            if doc.nodes.len() >= MAX_NODES {
                doc.truncated = true;
                break;
            }
            let Some(node) = handle.get(parser) else {
                continue;
            };
            match node {
                tl::Node::Tag(tag) => {
                    let name = tag.name().as_utf8_str().to_ascii_lowercase();
                    let attrs = tag
                        .attributes()
                        .iter()
                        .map(|(k, v)| {
                            (
                                k.to_ascii_lowercase(),
                                v.map(|v| decode(&v)).unwrap_or_default(),
                            )
                        })
                        .collect();
                    let raw = RAW_TEXT.contains(&name.as_str());
                    let id = doc.push(NodeKind::Element { name, attrs }, parent);
                    if raw {
                        // Keep the raw inner text (JSON-LD, titles) as one text node.
                        let inner = tag.inner_text(parser);
                        if !inner.is_empty() {
                            doc.push(NodeKind::Text(inner.into_owned()), id);
                        }
                        continue;
                    }
                    let children: Vec<tl::NodeHandle> =
                        tag.children().top().iter().copied().collect();
                    stack.extend(children.into_iter().rev().map(|child| (child, id)));
                }
                tl::Node::Raw(bytes) => {
                    let text = decode(&bytes.as_utf8_str());
                    if !text.is_empty() {
                        doc.push(NodeKind::Text(text), parent);
                    }
                }
                tl::Node::Comment(_) => {}
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

fn decode(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
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
