//! The article-level summary: how many signs of each family per 1,000 words, and the three
//! strongest markers.

use super::{Family, Marker, DEFAULT_THRESHOLD};
use serde::Serialize;

/// How many strongest markers the summary names.
pub const STRONGEST: usize = 3;

/// One family's count.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FamilyCount {
    pub family: Family,
    /// Markers of the family at or above the threshold (informational ones not counted).
    pub markers: usize,
    /// Their occurrences (evidence spans; an article-level marker counts once).
    pub occurrences: usize,
    /// Occurrences per 1,000 words of body text.
    pub per_thousand_words: f32,
}

/// The summary of one article's markers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Words in the body.
    pub words: usize,
    /// The four families, always in the same order.
    pub families: Vec<FamilyCount>,
    /// Ids of the (at most three) strongest signs, strongest first.
    pub strongest: Vec<String>,
}

/// Summarizes `markers` (as returned by [`super::detect`]) for a body of `words` words,
/// counting the signs at or above [`DEFAULT_THRESHOLD`].
pub fn summarize(markers: &[Marker], words: usize) -> Summary {
    let signs: Vec<&Marker> = markers
        .iter()
        .filter(|m| !m.informational && m.strength >= DEFAULT_THRESHOLD)
        .collect();
    let families = Family::ALL
        .iter()
        .map(|&family| {
            let of: Vec<&&Marker> = signs.iter().filter(|m| m.family == family).collect();
            let occurrences: usize = of.iter().map(|m| m.evidence.len().max(1)).sum();
            let per = if words == 0 {
                0.0
            } else {
                ((occurrences as f32 * 1000.0 / words as f32) * 10.0).round() / 10.0
            };
            FamilyCount {
                family,
                markers: of.len(),
                occurrences,
                per_thousand_words: per,
            }
        })
        .collect();
    let mut ranked = signs.clone();
    ranked.sort_by(|x, y| {
        y.strength
            .partial_cmp(&x.strength)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(y.evidence.len().cmp(&x.evidence.len()))
    });
    Summary {
        words,
        families,
        strongest: ranked
            .iter()
            .take(STRONGEST)
            .map(|m| m.id.clone())
            .collect(),
    }
}
