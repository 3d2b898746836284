//! Stage 3 of the flow: how the article speaks and how the page was made. Each marker comes
//! with its evidence: character offsets into the body text and a text quote the shell anchors
//! in the live page.
//!
//! The pipeline, once per page:
//! 1. [`lang::detect`] picks the article's language (en, ru, de, fr, es, or none);
//! 2. [`text::Analysis`] tokenizes the body once (Unicode word boundaries), finds sentences and
//!    quotations, and builds one stream of normalized stems;
//! 3. ONE Aho-Corasick automaton per language ([`lexicon`]) runs once over that stream and
//!    finds every family's phrases; each family's rules read their hits with a little context
//!    (quotation, sentence, article-level facts);
//! 4. language-independent rules (byline, dates, links) read the page itself.
//!
//! Everything is linear in the text; no rule loops over patterns.

mod dates;
mod framing;
pub mod lang;
pub mod lexicon;
mod persuasion;
mod provenance;
mod sourcing;
mod summary;
pub mod text;

pub use lang::Lang;
pub use summary::{summarize, FamilyCount, Summary};

use crate::page::Page;
use lexicon::{Hit, Rule};
use serde::Serialize;
use text::Analysis;

/// The four marker families.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    Persuasion,
    Framing,
    Sourcing,
    Provenance,
}

impl Family {
    pub const ALL: [Family; 4] = [
        Family::Persuasion,
        Family::Framing,
        Family::Sourcing,
        Family::Provenance,
    ];
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
    /// Unique within one page's markers: the rule id, with a suffix where one rule gives
    /// several markers (`~quoted`, `~2`...).
    pub id: String,
    /// The rule that fired (stable: the key for localizing label and explanation).
    pub rule: String,
    pub family: Family,
    /// The SemEval-2020 Task 11 technique name, where one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub technique: Option<String>,
    pub label: String,
    pub explanation: String,
    /// The documented narrative a framing marker belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
    /// Where that narrative is documented.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// 0..1: how strongly the evidence supports the marker (serialized to two decimals).
    #[serde(serialize_with = "two_decimals")]
    pub strength: f32,
    /// A fact about the page (a quotation, a named source, its links), not a warning sign:
    /// shown, but not counted in the summary.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub informational: bool,
    /// May be empty for article-level markers (e.g. "no named source anywhere").
    pub evidence: Vec<Evidence>,
}

/// The strength a marker must reach to be shown (and printed by `masthead markers`).
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// The article's language as the markers stage sees it (`None`: no lexicon applies).
pub fn detect_language(page: &Page) -> Option<Lang> {
    lang::detect(&page.body.text, page.meta.lang.as_deref())
}

/// Finds the markers in a page, strongest first. Never panics.
pub fn detect(page: &Page) -> Vec<Marker> {
    let language = detect_language(page);
    let a = Analysis::new(&page.body.text, language);
    let mut out = Collector::new(&a);
    // One automaton pass over the stream finds the four families' hits.
    let found = language.map(|l| {
        let lex = lexicon::lexicon(l);
        (lex, lex.find(&a))
    });
    let facts = match &found {
        Some((lex, hits)) => {
            persuasion::run(&a, hits, &mut out);
            framing::run(hits, &mut out);
            sourcing::run(&a, lex, hits, &mut out)
        }
        None => sourcing::Facts::default(),
    };
    provenance::run(page, &a, found.as_ref().map(|(_, h)| h), &facts, &mut out);
    out.finish()
}

/// Gathers evidence per rule (and per variant) and turns it into markers at the end.
pub(crate) struct Collector<'a> {
    a: &'a Analysis<'a>,
    groups: Vec<Group>,
    extra: Vec<Marker>,
}

struct Group {
    rule: usize,
    quoted: bool,
    strength: f32,
    evidence: Vec<Evidence>,
}

impl<'a> Collector<'a> {
    fn new(a: &'a Analysis<'a>) -> Self {
        Collector {
            a,
            groups: Vec::new(),
            extra: Vec::new(),
        }
    }

    /// Whether every token of a hit lies inside a quotation.
    pub fn hit_quoted(&self, h: &Hit) -> bool {
        self.a
            .tokens
            .get(h.first..h.last)
            .is_some_and(|ts| !ts.is_empty() && ts.iter().all(|t| t.quoted()))
    }

    /// Adds a lexicon hit at the rule's strength (times its `quoted` factor inside quotations),
    /// or at `strength` when given.
    pub fn add_hit(&mut self, h: &Hit, strength: Option<f32>) {
        let rules = lexicon::rules();
        let Some(rule) = rules.rules.get(h.rule) else {
            return;
        };
        if rule.cue {
            return;
        }
        let quoted = self.hit_quoted(h);
        let base = strength.unwrap_or(rule.strength);
        let strength = if quoted { base * rule.quoted } else { base };
        let Some(ev) = self.a.evidence(h.first, h.last) else {
            return;
        };
        self.add_evidence(h.rule, quoted, strength, ev);
    }

    fn add_evidence(&mut self, rule: usize, quoted: bool, strength: f32, ev: Evidence) {
        match self
            .groups
            .iter_mut()
            .find(|g| g.rule == rule && g.quoted == quoted)
        {
            Some(g) => {
                g.strength = g.strength.max(strength);
                g.evidence.push(ev);
            }
            None => self.groups.push(Group {
                rule,
                quoted,
                strength,
                evidence: vec![ev],
            }),
        }
    }

    /// Whether a marker of `family` (other than rule `except`) already reaches `threshold`.
    pub fn has_family_marker(&self, family: Family, except: usize, threshold: f32) -> bool {
        let rules = lexicon::rules();
        self.groups.iter().any(|g| {
            g.rule != except
                && g.strength >= threshold
                && rules.rules.get(g.rule).is_some_and(|r| r.family == family)
        })
    }

    /// Adds a marker built by rule code.
    pub fn push(&mut self, m: Marker) {
        self.extra.push(m);
    }

    fn finish(self) -> Vec<Marker> {
        let rules = lexicon::rules();
        let mut out: Vec<Marker> = self
            .groups
            .into_iter()
            .filter_map(|g| {
                let rule = rules.rules.get(g.rule)?;
                let mut m = marker_of(rule, g.strength, tidy(g.evidence));
                if g.quoted {
                    m.id.push_str("~quoted");
                    m.label.push_str(" (in a quotation)");
                }
                Some(m)
            })
            .collect();
        out.extend(self.extra.into_iter().map(|mut m| {
            m.evidence = tidy(std::mem::take(&mut m.evidence));
            m
        }));
        // Unique ids, strongest first, stable within equal strength.
        let mut seen = std::collections::HashMap::<String, usize>::new();
        for m in &mut out {
            let n = seen.entry(m.id.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                m.id = format!("{}~{}", m.id, n);
            }
        }
        out.sort_by(|x, y| {
            y.strength
                .partial_cmp(&x.strength)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(y.evidence.len().cmp(&x.evidence.len()))
        });
        out
    }
}

/// A marker for `rule` with the rule's texts.
pub(crate) fn marker_of(rule: &Rule, strength: f32, evidence: Vec<Evidence>) -> Marker {
    Marker {
        id: rule.id.clone(),
        rule: rule.id.clone(),
        family: rule.family,
        technique: rule.technique.clone(),
        label: rule.label.clone(),
        explanation: rule.explanation.clone(),
        narrative: rule.narrative.clone(),
        reference: rule.reference.clone(),
        strength: (strength * 100.0).round() / 100.0,
        informational: false,
        evidence,
    }
}

/// The marker of the rule named `id` (rules.txt must define it; a missing id gives `None`).
pub(crate) fn marker_by_id(id: &str, strength: f32, evidence: Vec<Evidence>) -> Option<Marker> {
    let rules = lexicon::rules();
    let rule = rules.rules.get(rules.get(id)?)?;
    Some(marker_of(rule, strength, evidence))
}

fn two_decimals<S: serde::Serializer>(x: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((f64::from(*x) * 100.0).round() / 100.0)
}

/// Sorts evidence and drops spans covered by a longer one.
fn tidy(mut ev: Vec<Evidence>) -> Vec<Evidence> {
    ev.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    let mut out: Vec<Evidence> = Vec::with_capacity(ev.len());
    for e in ev {
        match out.last() {
            Some(last) if e.start < last.end => {}
            _ => out.push(e),
        }
    }
    out
}

#[cfg(test)]
mod snapshot_tests;
#[cfg(test)]
mod tests;
