//! How the page was made: byline, dates and whether they agree, links out of the body, and
//! formulaic text (essay conclusions, stacked connective openers, stock phrases).

use super::dates::{self, Date};
use super::lexicon::{self, Hits};
use super::sourcing::Facts;
use super::text::Analysis;
use super::{marker_by_id, Collector, Evidence, Family};
use crate::page::dom::NodeKind;
use crate::page::Page;

/// Bodies shorter than this (words) are not judged for a missing byline.
const MIN_WORDS_FOR_BYLINE: usize = 80;
/// A date in the text is a dateline when it starts within this many characters of one of the
/// first [`DATELINE_BLOCKS`] paragraphs (headings included).
const DATELINE_REACH_CHARS: usize = 40;
const DATELINE_BLOCKS: usize = 3;
/// Two dates for the same story further apart than this (days) disagree.
const DATE_TOLERANCE_DAYS: i64 = 2;
/// Stacked openers: at least this many, of at least two kinds, and at least one per this
/// many sentences.
const OPENERS_MIN: usize = 3;
const OPENERS_SENTENCES_PER: usize = 8;
/// Stock phrases: this many different ones make a pattern.
const STOCK_MIN_DISTINCT: usize = 2;
const STOCK_STRENGTH: f32 = 0.55;

pub(crate) fn run(
    page: &Page,
    a: &Analysis,
    found: Option<&Hits>,
    _facts: &Facts,
    out: &mut Collector,
) {
    let html = page.doc.nodes.len() > 1;
    if html {
        byline(page, a, out);
        links(page, out);
    }
    let relative = match found {
        Some(found) => formulaic(a, found, out),
        None => Vec::new(),
    };
    date_agreement(page, a, html, &relative, out);
}

fn byline(page: &Page, a: &Analysis, out: &mut Collector) {
    if page.byline.is_some() || a.words() < MIN_WORDS_FOR_BYLINE {
        return;
    }
    // A "By Jane Doe" line opening or closing the body is a byline too.
    let signed = [page.body.blocks.first(), page.body.blocks.last()]
        .into_iter()
        .flatten()
        .any(|b| {
            let t = page.body.block_text(b);
            let t = t.trim();
            let words = t.split_whitespace().count();
            (t.starts_with("By ")
                || t.starts_with("Von ")
                || t.starts_with("Par ")
                || t.starts_with("Por "))
                && words <= 8
        });
    if !signed {
        if let Some(m) = marker_by_id("provenance.no_byline", 0.6, Vec::new()) {
            out.push(m);
        }
    }
}

fn host_of(u: &url::Url) -> String {
    u.host_str()
        .unwrap_or("")
        .trim_start_matches("www.")
        .to_ascii_lowercase()
}

fn links(page: &Page, out: &mut Collector) {
    let base = url::Url::parse(&page.url).ok();
    let own = base.as_ref().map(host_of).unwrap_or_default();
    let mut total = 0;
    let mut hosts: Vec<String> = Vec::new();
    for l in &page.body.links {
        let href = l.href.trim();
        if href.starts_with('#') || href.starts_with("javascript:") || href.starts_with("mailto:") {
            continue;
        }
        let resolved = match &base {
            Some(b) => b.join(href).ok(),
            None => url::Url::parse(href).ok(),
        };
        let Some(u) = resolved.filter(|u| matches!(u.scheme(), "http" | "https")) else {
            continue;
        };
        total += 1;
        let h = host_of(&u);
        if !h.is_empty() && h != own && !hosts.contains(&h) {
            hosts.push(h);
        }
    }
    let Some(mut m) = marker_by_id("provenance.links", 1.0, Vec::new()) else {
        return;
    };
    m.informational = true;
    m.label = match (total, hosts.len()) {
        (0, _) => "No links out of the body".to_string(),
        (t, 0) => format!("{t} link(s) in the body, all to the same site"),
        (t, n) => format!("{t} link(s) in the body, to {n} other site(s)"),
    };
    if !hosts.is_empty() {
        hosts.truncate(10);
        m.explanation = format!("{} Other sites: {}.", m.explanation, hosts.join(", "));
    }
    out.push(m);
}

/// Essay conclusions, stacked openers, stock phrases. Returns the relative-day hits (token
/// ranges) for the date check.
fn formulaic(a: &Analysis, found: &Hits, out: &mut Collector) -> Vec<(usize, usize)> {
    let rules = lexicon::rules();
    let id = |s: &str| rules.get(s);
    let (conclusion, openers, stock, relative) = (
        id("provenance.conclusion"),
        id("provenance.stacked_openers"),
        id("provenance.stock_phrases"),
        id("provenance.cue.relative_day"),
    );
    let hits = found.of(Family::Provenance);
    let mut opener_hits = Vec::new();
    let mut stock_hits = Vec::new();
    let mut relative_hits = Vec::new();
    for h in hits {
        if out.hit_quoted(h) {
            continue;
        }
        if Some(h.rule) == conclusion {
            out.add_hit(h, None);
        } else if Some(h.rule) == openers {
            opener_hits.push(*h);
        } else if Some(h.rule) == stock {
            stock_hits.push(*h);
        } else if Some(h.rule) == relative {
            relative_hits.push((h.first, h.last));
        }
    }
    let kinds = |hs: &[lexicon::Hit]| {
        let mut k: Vec<String> = hs
            .iter()
            .map(|h| {
                (h.first..h.last)
                    .map(|i| a.stem(i))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        k.sort();
        k.dedup();
        k.len()
    };
    if opener_hits.len() >= OPENERS_MIN
        && kinds(&opener_hits) >= 2
        && opener_hits.len() * OPENERS_SENTENCES_PER >= a.sentences
    {
        for h in &opener_hits {
            out.add_hit(h, None);
        }
    }
    let stock_strength = (kinds(&stock_hits) >= STOCK_MIN_DISTINCT).then_some(STOCK_STRENGTH);
    for h in &stock_hits {
        out.add_hit(h, stock_strength);
    }
    relative_hits
}

/// The page's own date: metadata first, else the first full date written on the page outside
/// the body. Returns every candidate found, with a description.
fn page_dates(page: &Page, html: bool) -> Vec<(Date, String)> {
    let mut out = Vec::new();
    for v in [&page.published, &page.meta.published]
        .into_iter()
        .flatten()
    {
        if let Some(d) = dates::parse_value(v) {
            out.push((d, format!("page metadata {}", v.trim())));
            break;
        }
    }
    if html {
        let all = visible_text(page);
        // Only dates outside the body: a written date that the body does not contain.
        if let Some((d, s)) = dates::find(&all)
            .into_iter()
            .filter(|f| f.date.year.is_some())
            .filter_map(|f| all.get(f.start..f.end).map(|s| (f.date, s.to_string())))
            .find(|(_, s)| !page.body.text.contains(s.as_str()))
        {
            out.push((d, format!("page date \"{s}\"")));
        }
    }
    out
}

/// The page's visible text, one space between text nodes (`Document::text` joins adjacent
/// blocks with nothing between them: "2024" + "23 April" would read "202423 April").
fn visible_text(page: &Page) -> String {
    let doc = &page.doc;
    let mut out = String::new();
    for id in doc.descendants(0) {
        if let NodeKind::Text(t) = &doc.nodes[id].kind {
            if !doc.in_raw_text(id) {
                crate::page::dom::push_folded(&mut out, t);
                out.push(' ');
            }
        }
    }
    out
}

fn date_agreement(
    page: &Page,
    a: &Analysis,
    html: bool,
    relative: &[(usize, usize)],
    out: &mut Collector,
) {
    let page_dates = page_dates(page, html);
    let text = &page.body.text;
    // Datelines: dates at the start of the first blocks (headings included).
    let mut datelines: Vec<(Date, Evidence, String)> = Vec::new();
    for b in page.body.blocks.iter().take(DATELINE_BLOCKS) {
        // Byte range of the block's first characters.
        let Some((bs, _)) = text.char_indices().nth(b.start) else {
            continue;
        };
        let reach = text[bs..]
            .char_indices()
            .nth(DATELINE_REACH_CHARS.min(b.end.saturating_sub(b.start)))
            .map_or(text.len(), |(i, _)| bs + i);
        // Look a little past the reach so a date starting near its end is read whole.
        let window_end = text[reach..]
            .char_indices()
            .nth(24)
            .map_or(text.len(), |(i, _)| reach + i);
        let Some(window) = text.get(bs..window_end) else {
            continue;
        };
        for f in dates::find(window) {
            if bs + f.start > reach {
                continue;
            }
            if let Some(ev) = a.evidence_bytes(bs + f.start, bs + f.end) {
                let s = ev.quote.exact.clone();
                datelines.push((f.date, ev, s));
            }
        }
    }
    let mut reasons: Vec<String> = Vec::new();
    let mut evidence: Vec<Evidence> = Vec::new();
    // Page dates among themselves (metadata vs a visible date).
    if let [(d1, s1), (d2, s2), ..] = page_dates.as_slice() {
        if dates::distance(d1, d2).is_some_and(|x| x > DATE_TOLERANCE_DAYS) {
            reasons.push(format!("{s1} but {s2}"));
        }
    }
    for (d, s) in &page_dates {
        if dates::weekday_wrong(d) {
            reasons.push(format!("the weekday of the {s} is wrong"));
        }
    }
    if let Some((p, ps)) = page_dates.first() {
        for (d, ev, s) in &datelines {
            if dates::distance(d, p).is_some_and(|x| x > DATE_TOLERANCE_DAYS) {
                reasons.push(format!("{ps} but the text is dated \"{s}\""));
                evidence.push(ev.clone());
            }
        }
    }
    for (d, ev, s) in &datelines {
        if dates::weekday_wrong(d) {
            reasons.push(format!("\"{s}\" names the wrong weekday"));
            evidence.push(ev.clone());
        }
    }
    if reasons.is_empty() {
        return;
    }
    // Relative days ("on Friday") cannot be placed when the page's dates disagree.
    let mut rel_words = Vec::new();
    for &(f, l) in relative {
        if let Some(ev) = a.evidence(f, l) {
            rel_words.push(format!("\"{}\"", ev.quote.exact));
            evidence.push(ev);
        }
    }
    if !rel_words.is_empty() {
        rel_words.truncate(5);
        reasons.push(format!(
            "the text refers to {} with no way to tell which week",
            rel_words.join(", ")
        ));
    }
    if let Some(mut m) = marker_by_id("provenance.dates_disagree", 0.7, evidence) {
        m.explanation = format!("{} {}.", m.explanation, capitalize(&reasons.join("; ")));
        m.evidence.sort_by_key(|e| e.start);
        out.push(m);
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
