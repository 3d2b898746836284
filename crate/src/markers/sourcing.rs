//! Sourcing: who is quoted, who is named, and what is claimed with nobody behind it.
//!
//! - Quotations (three words or more between quotation marks) and named sources (a speech
//!   cue such as "said" or "according to" next to a capitalized name that is not a pronoun
//!   or a vague group) are facts, shown as informational markers.
//! - Vague attribution ("experts say") fires unless the same sentence names someone.
//! - Agentless passives ("is expected to", "is seen as") fire only when their sentence
//!   attributes nothing, and only above the threshold in an article that names no source at
//!   all: wire copy uses them too, next to named sources.
//! - Hedges and certainty words fire above the threshold only when dense.
//! - An article of some length with no quotation and no named source gets one marker.

use super::lexicon::{self, Hit, Hits, LangLexicon};
use super::text::Analysis;
use super::{marker_by_id, Collector, Evidence, Family};

/// Words a quotation needs to count as one (shorter ones are scare quotes or titles).
const MIN_QUOTATION_WORDS: usize = 3;
/// Tokens on each side of a speech cue searched for the speaker's name.
const AGENT_WINDOW: usize = 5;
/// Bodies shorter than this (words) are not judged for the absence of sources.
const MIN_WORDS_FOR_ABSENCE: usize = 150;
/// Strength added to agentless claims in an article that names no source at all.
const UNSOURCED_ARTICLE_BOOST: f32 = 0.25;
/// Hedges (or certainty words) per 1,000 words from which they are shown.
const HEDGE_DENSITY: f32 = 6.0;
const CERTAINTY_DENSITY: f32 = 4.0;
/// ... and at least this many of them.
const DENSE_MIN: usize = 3;
/// Strength of a dense group of hedges or certainty words.
const DENSE_STRENGTH: f32 = 0.55;

/// What the sourcing rules learned about the article, for the other families.
#[derive(Debug, Default, Clone)]
pub struct Facts {
    /// Quotations of three words or more.
    pub quotations: usize,
    /// Speech cues with a named agent.
    pub named: usize,
}

/// A speech cue and the named agent found next to it.
struct Attribution {
    sentence: usize,
    cue: (usize, usize),
    agent: Option<(usize, usize)>,
}

pub(crate) fn run(a: &Analysis, lex: &LangLexicon, found: &Hits, out: &mut Collector) -> Facts {
    let rules = lexicon::rules();
    let hits = found.of(Family::Sourcing);
    let id = |s: &str| rules.get(s);
    let (speech, pronoun, vague_agent, institution) = (
        id("sourcing.cue.speech"),
        id("sourcing.cue.pronoun"),
        id("sourcing.cue.vague_agent"),
        id("sourcing.cue.institution"),
    );
    let n = a.tokens.len();
    // Per-token speech flags (speech cues can be phrases: "according to").
    let mut is_speech = vec![false; n];
    for h in hits.iter().filter(|h| Some(h.rule) == speech) {
        for f in is_speech.iter_mut().take(h.last).skip(h.first) {
            *f = true;
        }
    }
    // Pronouns, months and vague groups ("experts") are never names.
    let not_name = |i: usize| {
        let st = a.stem(i);
        lex.in_set(pronoun, st) || lex.in_set(vague_agent, st)
    };
    let is_name = |i: usize| -> bool {
        let Some(t) = a.tokens.get(i) else {
            return false;
        };
        if t.quoted() || (is_speech[i] && !t.capitalized()) {
            return false;
        }
        if !t.capitalized() {
            // "Bank of Russia": a connector between two capitalized words.
            let cap = |j: usize| {
                a.tokens
                    .get(j)
                    .is_some_and(|u| u.capitalized() && u.sentence == t.sentence)
            };
            return is_connector(a, i) && i > 0 && cap(i - 1) && cap(i + 1);
        }
        if not_name(i) {
            return false;
        }
        if !t.sentence_start() {
            return true;
        }
        // A capitalized sentence opener is a name only when another name or a speech cue
        // follows it ("Peskov said", "Maria Zakharova told").
        a.tokens.get(i + 1).is_some_and(|n| {
            n.sentence == t.sentence && (is_speech[i + 1] || (n.capitalized() && !not_name(i + 1)))
        })
    };
    // Attributions.
    let mut attributions: Vec<Attribution> = Vec::new();
    for h in hits.iter().filter(|h| Some(h.rule) == speech) {
        // Quoted words are not attributions; a capitalized cue inside a sentence, or one
        // followed by another capitalized word, is a name ("the United States" and "State
        // Department" stem like "stated").
        let next_capitalized = a.tokens.get(h.last).is_some_and(|n| {
            n.capitalized()
                && a.tokens
                    .get(h.first)
                    .is_some_and(|t| t.sentence == n.sentence)
        });
        if a.tokens.get(h.first).is_none_or(|t| {
            t.quoted() || (t.capitalized() && (!t.sentence_start() || next_capitalized))
        }) {
            continue;
        }
        let sentence = a.tokens[h.first].sentence as usize;
        let same = |i: usize| {
            a.tokens
                .get(i)
                .is_some_and(|t| t.sentence as usize == sentence)
        };
        // The speaker: a name just before the cue ("Putin told Raisi", "Peskov said"), else
        // one after it ("said Maria Zakharova"), else one further before.
        // After a comma the speaker follows the cue: "..., according to Eurostat",
        // "..., сообщил Евростат".
        let after_comma = h.first > 0
            && a.tokens
                .get(h.first - 1)
                .zip(a.tokens.get(h.first))
                .is_some_and(|(p, t)| {
                    a.text
                        .get(p.end() as usize..t.start as usize)
                        .is_some_and(|gap| gap.contains(','))
                });
        let before = |reach: usize| {
            if after_comma {
                None
            } else {
                name_before(h.first, reach, &same, &is_name)
            }
        };
        let agent = before(3)
            // "The Russian energy ministry said": the lower-case words between the name and
            // the cue belong to the agent when they end in an institution.
            .map(|(x, y)| {
                let tail = y..h.first;
                let institution_tail = !tail.is_empty()
                    && tail.len() <= 2
                    && tail
                        .clone()
                        .all(|i| a.tokens.get(i).is_some_and(|t| !t.capitalized()))
                    && lex.in_set(institution, a.stem(h.first - 1));
                (x, if institution_tail { h.first } else { y })
            })
            .or_else(|| {
                // "according to Russia's customs service": the same, after the name.
                name_after(h.last, n, &same, &is_name).map(|(x, y)| {
                    let end = (y + 1..=y + 2).find(|&e| {
                        (y..e).all(|i| {
                            same(i)
                                && a.tokens
                                    .get(i)
                                    .is_some_and(|t| !t.capitalized() && !t.quoted())
                        }) && lex.in_set(institution, a.stem(e - 1))
                    });
                    (x, end.unwrap_or(y))
                })
            })
            .or_else(|| name_before(h.first, AGENT_WINDOW, &same, &is_name));
        let at = Attribution {
            sentence,
            cue: (h.first, h.last),
            agent,
        };
        // "said in a statement": cues one after the other are one cue.
        if let Some(prev) = attributions.last_mut() {
            if prev.sentence == at.sentence && prev.cue.1 == at.cue.0 {
                prev.cue.1 = at.cue.1;
                prev.agent = prev.agent.or(at.agent);
                continue;
            }
        }
        // "State Department spokesman Matthew Miller told": a noun cue between two names is
        // one attribution, to the whole title and name.
        if let Some(prev) = attributions.last_mut() {
            if let (Some(p), Some(q)) = (prev.agent, at.agent) {
                let noun_cue =
                    prev.cue.1 == prev.cue.0 + 1 && lex.in_set(institution, a.stem(prev.cue.0));
                if prev.sentence == at.sentence
                    && noun_cue
                    && p.1 == prev.cue.0
                    && q.0 == prev.cue.1
                {
                    prev.agent = Some((p.0, q.1.max(p.1)));
                    prev.cue = (prev.cue.0.min(at.cue.0), prev.cue.1.max(at.cue.1));
                    continue;
                }
            }
        }
        attributions.push(at);
    }
    // Per-sentence facts, so that each hit looks them up in constant time. Attributions are
    // in text order, hence sorted by sentence.
    let mut cue_in = vec![false; a.sentences];
    let mut named_in = vec![false; a.sentences];
    for at in &attributions {
        if let Some(f) = cue_in.get_mut(at.sentence) {
            *f = true;
        }
        if let (Some(f), Some(_)) = (named_in.get_mut(at.sentence), at.agent) {
            *f = true;
        }
    }
    let named_sentence = |s: usize| named_in.get(s).copied().unwrap_or(false);
    let any_cue_sentence = |s: usize| cue_in.get(s).copied().unwrap_or(false);

    // Quotations and who is quoted.
    let mut facts = Facts {
        named: attributions.iter().filter(|at| at.agent.is_some()).count(),
        ..Facts::default()
    };
    let mut quoted_by: Vec<(String, Vec<Evidence>)> = Vec::new();
    for q in &a.quotations {
        if q.last.saturating_sub(q.first) < MIN_QUOTATION_WORDS {
            continue;
        }
        facts.quotations += 1;
        let (Some(ft), Some(lt)) = (a.tokens.get(q.first), a.tokens.get(q.last - 1)) else {
            continue;
        };
        let (s0, s1) = (ft.sentence as usize, lt.sentence as usize);
        // The speaker: an attribution in the quotation's sentences, else in the sentence
        // before it ("Peskov said:", or a pronoun "he said" naming him earlier), else after.
        let speaker = [
            (s0, s1),
            (s0.saturating_sub(1), s0.saturating_sub(1)),
            (s1 + 1, s1 + 1),
        ]
        .iter()
        .find_map(|&(lo, hi)| {
            let from = attributions.partition_point(|at| at.sentence < lo);
            attributions[from..]
                .iter()
                .take_while(|at| at.sentence <= hi)
                .find_map(|at| at.agent)
        })
        .map(|(x, y)| a.surface(x, y).to_string())
        .unwrap_or_default();
        let Some(ev) = a.evidence_bytes_near(q.start, q.end, Some(q.first)) else {
            continue;
        };
        match quoted_by.iter_mut().find(|(s, _)| *s == speaker) {
            Some((_, evs)) => evs.push(ev),
            None => quoted_by.push((speaker, vec![ev])),
        }
    }
    for (speaker, evidence) in quoted_by {
        if let Some(mut m) = marker_by_id("sourcing.quotation", 1.0, evidence) {
            m.informational = true;
            if speaker.is_empty() {
                m.label = "Quotation with no named speaker".into();
                m.id.push_str("~unattributed");
            } else {
                m.label = format!("Quotes {speaker}");
                m.explanation = format!("Words in quotation marks attributed to {speaker}.");
            }
            out.push(m);
        }
    }
    // Named sources (with or without quotation).
    let mut named: Vec<(String, Vec<Evidence>)> = Vec::new();
    for at in &attributions {
        let Some((x, y)) = at.agent else { continue };
        let name = a.surface(x, y).to_string();
        let (first, last) = (x.min(at.cue.0), y.max(at.cue.1));
        let Some(ev) = a.evidence(first, last) else {
            continue;
        };
        match named.iter_mut().find(|(s, _)| *s == name) {
            Some((_, evs)) => evs.push(ev),
            None => named.push((name, vec![ev])),
        }
    }
    for (name, evidence) in named {
        if let Some(mut m) = marker_by_id("sourcing.named_source", 1.0, evidence) {
            m.informational = true;
            m.label = format!("Source named: {name}");
            out.push(m);
        }
    }

    // Vague and agentless attribution, hedges, certainty.
    let vague = id("sourcing.vague_attribution");
    let agentless = id("sourcing.agentless");
    let hedge = id("sourcing.hedge");
    let certainty = id("sourcing.certainty");
    let unsourced_article = facts.named == 0 && facts.quotations == 0;
    let words = a.words().max(1) as f32;
    let mut hedges: Vec<&Hit> = Vec::new();
    let mut certain: Vec<&Hit> = Vec::new();
    for h in hits {
        let Some(t) = a.tokens.get(h.first) else {
            continue;
        };
        if Some(h.rule) == vague {
            if !named_sentence(t.sentence as usize) {
                out.add_hit(h, None);
            }
        } else if Some(h.rule) == agentless {
            if !any_cue_sentence(t.sentence as usize) && !t.quoted() {
                let rule_strength = rules.rules.get(h.rule).map_or(0.4, |r| r.strength);
                let boost = if unsourced_article {
                    UNSOURCED_ARTICLE_BOOST
                } else {
                    0.0
                };
                out.add_hit(h, Some(rule_strength + boost));
            }
        } else if Some(h.rule) == hedge {
            hedges.push(h);
        } else if Some(h.rule) == certainty {
            certain.push(h);
        }
    }
    for (group, density) in [(hedges, HEDGE_DENSITY), (certain, CERTAINTY_DENSITY)] {
        let dense = group.len() >= DENSE_MIN && group.len() as f32 * 1000.0 / words >= density;
        for h in group {
            out.add_hit(h, dense.then_some(DENSE_STRENGTH));
        }
    }

    // No source anywhere.
    if unsourced_article && a.words() >= MIN_WORDS_FOR_ABSENCE {
        if let Some(mut m) = marker_by_id("sourcing.no_source", 0.65, Vec::new()) {
            m.explanation = format!(
                "{} The body has {} words, no quotation and no named source.",
                m.explanation,
                a.words()
            );
            out.push(m);
        }
    }
    facts
}

/// Connecting words allowed inside a name ("Bank of Russia", "Banco de España").
const NAME_CONNECTORS: &[&str] = &[
    "of", "de", "del", "des", "du", "der", "von", "van", "la", "di",
];

fn is_connector(a: &Analysis, i: usize) -> bool {
    // Every connector has at most three letters: most words need no comparison.
    let st = a.stem(i);
    st.len() <= 3 && NAME_CONNECTORS.contains(&st)
}

/// A run of name tokens ending within `reach` tokens before `cue`.
fn name_before(
    cue: usize,
    reach: usize,
    same: &dyn Fn(usize) -> bool,
    is_name: &dyn Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let mut i = cue;
    while i > 0 && cue - i < reach {
        i -= 1;
        if !same(i) {
            return None;
        }
        if is_name(i) {
            let mut j = i;
            while j > 0 && same(j - 1) && is_name(j - 1) {
                j -= 1;
            }
            return Some((j, i + 1));
        }
    }
    None
}

/// A run of name tokens starting within [`AGENT_WINDOW`] tokens after `cue_end`.
fn name_after(
    cue_end: usize,
    n: usize,
    same: &dyn Fn(usize) -> bool,
    is_name: &dyn Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let mut i = cue_end;
    while i < n && i < cue_end + AGENT_WINDOW && same(i) {
        if is_name(i) {
            let mut j = i;
            while j < n && same(j) && is_name(j) {
                j += 1;
            }
            return Some((i, j));
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn connectors_are_short() {
        // `is_connector` only compares stems of up to three bytes.
        assert!(super::NAME_CONNECTORS.iter().all(|c| c.len() <= 3));
    }
}
