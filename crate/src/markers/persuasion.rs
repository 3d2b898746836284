//! Persuasion techniques (SemEval-2020 Task 11 names). Loaded language, name-calling and
//! flag-waving fire on their lexicons; the other techniques only on distinctive phrases, and
//! say "possible". Repetition: the same charged phrase three times or more.

use super::lexicon::{self, LangLexicon};
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

pub(crate) fn run(a: &Analysis, lex: &LangLexicon, out: &mut Collector) {
    let rules = lexicon::rules();
    let hits = lex.matcher(Family::Persuasion).find(a);
    let repetition = rules.get("persuasion.repetition");
    let repeatable: Vec<usize> = REPEATABLE.iter().filter_map(|id| rules.get(id)).collect();
    let mut seen: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for h in &hits {
        out.add_hit(h, None);
        if repeatable.contains(&h.rule) && !out.hit_quoted(h) {
            let key: Vec<&str> = (h.first..h.last).map(|i| a.stem(i)).collect();
            seen.entry(key.join(" "))
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
