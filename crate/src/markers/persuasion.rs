//! Persuasion techniques (SemEval-2020 Task 11 names). Loaded language, name-calling and
//! flag-waving fire on their lexicons; the other techniques only on distinctive phrases, and
//! say "possible". Repetition: the same charged phrase three times or more.

use super::lexicon::{self, Hits};
use super::text::Analysis;
use super::{Collector, Family};
use std::collections::HashMap;

/// A charged phrase repeated this many times is marked as repetition (from the second on).
const REPETITION_MIN: usize = 3;

/// Rules whose phrases count towards repetition.
const REPEATABLE: &[&str] = &[
    "persuasion.loaded_language",
    "persuasion.name_calling",
    "persuasion.flag_waving",
    "persuasion.slogans",
];

pub(crate) fn run(a: &Analysis, found: &Hits, out: &mut Collector) {
    let rules = lexicon::rules();
    let hits = found.of(Family::Persuasion);
    let repetition = rules.get("persuasion.repetition");
    let repeatable: Vec<usize> = REPEATABLE.iter().filter_map(|id| rules.get(id)).collect();
    // Keyed by the phrase's stems as they stand in the stream ("s1 s2": a hit's tokens are
    // consecutive there, one space apart), so no key is built.
    let mut seen: HashMap<&str, Vec<(usize, usize)>, foldhash::fast::RandomState> =
        HashMap::default();
    for h in hits {
        out.add_hit(h, None);
        if repeatable.contains(&h.rule) && !out.hit_quoted(h) {
            seen.entry(a.stems(h.first, h.last))
                .or_default()
                .push((h.first, h.last));
        }
    }
    let Some(rep) = repetition else {
        return;
    };
    let mut repeated: Vec<_> = seen
        .into_values()
        .filter(|v| v.len() >= REPETITION_MIN)
        .collect();
    repeated.sort();
    for spans in repeated {
        for &(first, last) in spans.iter().skip(1) {
            out.add_hit(
                &lexicon::Hit {
                    rule: rep,
                    first,
                    last,
                },
                None,
            );
        }
    }
}
