//! Framing and narrative: a bloc cast as the adversary, geopolitical narrative terms,
//! euphemisms. Each rule names its narrative and where it is documented (rules.txt).
//! Contextual terms ("national sovereignty") count only next to another framing marker:
//! alone they are ordinary diplomatic vocabulary.

use super::lexicon::{self, Hits};
use super::{Collector, Family, DEFAULT_THRESHOLD};

/// Rules that fire only when another framing marker reaches the threshold.
const CONTEXTUAL: &[&str] = &["framing.sovereignty"];

pub(crate) fn run(found: &Hits, out: &mut Collector) {
    let rules = lexicon::rules();
    let hits = found.of(Family::Framing);
    let contextual: Vec<usize> = CONTEXTUAL.iter().filter_map(|id| rules.get(id)).collect();
    let mut later = Vec::new();
    for h in hits {
        if contextual.contains(&h.rule) {
            later.push(*h);
        } else {
            out.add_hit(h, None);
        }
    }
    for h in later {
        if out.has_family_marker(Family::Framing, h.rule, DEFAULT_THRESHOLD) {
            out.add_hit(&h, None);
        }
    }
}
