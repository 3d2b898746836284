//! The rules and lexicons, compiled in from `crate/data/lexicons/` and built once.
//!
//! `rules.txt` says what each rule is (family, technique, label, explanation, strength, the
//! narrative and where it is documented). Each language has one file per family listing the
//! phrases of each rule. All phrases of a language, the four families together, go into ONE
//! Aho-Corasick automaton over the stem stream of [`super::text`]: one pass over the text finds
//! every family's hits, and each family's rule code then reads its own.
//!
//! File format (both kinds): `#` starts a comment line; `[rule.id]` starts a section; in
//! `rules.txt` a section holds `key = value` lines; in a language file it holds one phrase a
//! line. A phrase is words separated by spaces; `^` first means "at the start of a sentence";
//! `(a|b|)` expands to each alternative (an empty one makes the group optional). Every word
//! goes through the language's normalizer and stemmer, so one form matches its inflections.

use super::lang::Lang;
use super::text::{self, SENTENCE_MARK};
use super::Family;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The automaton's implementation (`None`: let `aho-corasick` choose; with this many patterns
/// a contiguous NFA). A full DFA measured no faster here (the stage is not bound by the
/// automaton) and takes 2.5 times as long to build, which the first page pays in wasm.
const AC_KIND: Option<AhoCorasickKind> = None;

/// At most this many expansions of one phrase line (a guard against typos such as `(a|b)` × 10).
const MAX_EXPANSIONS: usize = 4096;

type FastHash = foldhash::fast::RandomState;

/// What a rule is, from `rules.txt`.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub family: Family,
    pub technique: Option<String>,
    pub label: String,
    pub explanation: String,
    pub strength: f32,
    /// Strength factor for hits inside a quotation (the speaker's words, not the outlet's).
    pub quoted: f32,
    /// The documented narrative a framing term belongs to.
    pub narrative: Option<String>,
    /// Where that narrative (or the technique) is documented.
    pub reference: Option<String>,
    /// A cue read by rule code (speech verbs, pronouns...), never shown as a marker itself.
    pub cue: bool,
    /// A cue of single words kept as a set of stems, not in the automaton: rule code asks
    /// "is this word one of them?" only where it needs to.
    pub set: bool,
}

/// All rules, indexed by position; `index` finds one by id.
#[derive(Debug)]
pub struct Rules {
    pub rules: Vec<Rule>,
    index: HashMap<String, usize>,
}

impl Rules {
    pub fn get(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
}

/// One compiled phrase.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub rule: usize,
    /// Index of the rule's family in [`Family::ALL`].
    pub family: usize,
    /// Number of word tokens it covers (the sentence mark not counted).
    pub words: usize,
    pub anchored: bool,
    /// Words that must stand in the text exactly as written (see [`CompiledPhrase::exact`]).
    pub exact: Vec<(usize, String)>,
}

/// One language's automaton (all four families).
#[derive(Debug, Default)]
pub struct Matcher {
    ac: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

/// A phrase found in the text: tokens `first..last` matched a phrase of `rule`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub rule: usize,
    pub first: usize,
    pub last: usize,
}

/// The hits of one pass, per family.
#[derive(Debug, Default)]
pub struct Hits {
    by_family: [Vec<Hit>; 4],
}

impl Hits {
    /// The hits of family `f` (overlapping ones included), in order of their first token.
    pub fn of(&self, f: Family) -> &[Hit] {
        &self.by_family[family_index(f)]
    }
}

impl Matcher {
    /// All hits in the stream (overlapping ones included), per family, each family's in order
    /// of their first token. One pass over the stream.
    pub fn find(&self, a: &text::Analysis) -> Hits {
        let mut hits = Hits::default();
        let Some(ac) = &self.ac else {
            return hits;
        };
        let tokens = &a.tokens;
        // The first token whose stem starts at or after a match's start. Matches come in
        // order of their end, so their starts move little: a cursor walks to each one
        // (what `Analysis::token_at_stream` finds by binary search).
        let mut cursor = 0usize;
        for m in ac.find_overlapping_iter(a.stream.as_str()) {
            let Some(p) = self.patterns.get(m.pattern().as_usize()) else {
                continue;
            };
            let pos = m.start() + 1;
            while cursor < tokens.len() && (tokens[cursor].spos as usize) < pos {
                cursor += 1;
            }
            while cursor > 0 && tokens[cursor - 1].spos as usize >= pos {
                cursor -= 1;
            }
            let first = cursor;
            let last = first + p.words;
            if last > tokens.len() || p.words == 0 {
                continue;
            }
            if !p
                .exact
                .iter()
                .all(|(i, form)| stands_as(a, first + i, form))
            {
                continue;
            }
            if let Some(v) = hits.by_family.get_mut(p.family) {
                v.push(Hit {
                    rule: p.rule,
                    first,
                    last,
                });
            }
        }
        for v in &mut hits.by_family {
            // The key covers every field: an unstable sort gives the one order.
            v.sort_unstable_by_key(|h| (h.first, std::cmp::Reverse(h.last), h.rule));
            v.dedup();
        }
        hits
    }
}

/// Whether token `i` of the text, normalized, is `form` (a word the lexicon writes `=form`).
fn stands_as(a: &text::Analysis, i: usize, form: &str) -> bool {
    let Some(t) = a.tokens.get(i) else {
        return false;
    };
    let Some(word) = a.text.get(t.start as usize..t.end() as usize) else {
        return false;
    };
    let mut lower = String::with_capacity(word.len());
    text::normalize_into(word, &mut lower);
    lower == form
}

/// The compiled lexicon of one language: one matcher for the four families.
#[derive(Debug)]
pub struct LangLexicon {
    pub matcher: Matcher,
    /// Word sets (rules with `set = true`), by rule index (a fast hash: rule code asks for
    /// words one token at a time).
    sets: HashMap<usize, HashSet<String, FastHash>, FastHash>,
}

impl LangLexicon {
    /// Whether `stem` is in the word set of rule `rule`.
    pub fn in_set(&self, rule: Option<usize>, stem: &str) -> bool {
        rule.and_then(|r| self.sets.get(&r))
            .is_some_and(|s| s.contains(stem))
    }

    /// Every family's hits in `a` (one pass).
    pub fn find(&self, a: &text::Analysis) -> Hits {
        self.matcher.find(a)
    }
}

fn family_index(f: Family) -> usize {
    match f {
        Family::Persuasion => 0,
        Family::Framing => 1,
        Family::Sourcing => 2,
        Family::Provenance => 3,
    }
}

const RULES_FILE: &str = include_str!("../../data/lexicons/rules.txt");

/// `(lang, family, file text)` for every lexicon file.
const LEXICON_FILES: &[(Lang, Family, &str)] = &[
    (
        Lang::En,
        Family::Persuasion,
        include_str!("../../data/lexicons/en/persuasion.txt"),
    ),
    (
        Lang::En,
        Family::Framing,
        include_str!("../../data/lexicons/en/framing.txt"),
    ),
    (
        Lang::En,
        Family::Sourcing,
        include_str!("../../data/lexicons/en/sourcing.txt"),
    ),
    (
        Lang::En,
        Family::Provenance,
        include_str!("../../data/lexicons/en/provenance.txt"),
    ),
    (
        Lang::Ru,
        Family::Persuasion,
        include_str!("../../data/lexicons/ru/persuasion.txt"),
    ),
    (
        Lang::Ru,
        Family::Framing,
        include_str!("../../data/lexicons/ru/framing.txt"),
    ),
    (
        Lang::Ru,
        Family::Sourcing,
        include_str!("../../data/lexicons/ru/sourcing.txt"),
    ),
    (
        Lang::Ru,
        Family::Provenance,
        include_str!("../../data/lexicons/ru/provenance.txt"),
    ),
    (
        Lang::De,
        Family::Persuasion,
        include_str!("../../data/lexicons/de/persuasion.txt"),
    ),
    (
        Lang::De,
        Family::Framing,
        include_str!("../../data/lexicons/de/framing.txt"),
    ),
    (
        Lang::De,
        Family::Sourcing,
        include_str!("../../data/lexicons/de/sourcing.txt"),
    ),
    (
        Lang::De,
        Family::Provenance,
        include_str!("../../data/lexicons/de/provenance.txt"),
    ),
    (
        Lang::Fr,
        Family::Persuasion,
        include_str!("../../data/lexicons/fr/persuasion.txt"),
    ),
    (
        Lang::Fr,
        Family::Framing,
        include_str!("../../data/lexicons/fr/framing.txt"),
    ),
    (
        Lang::Fr,
        Family::Sourcing,
        include_str!("../../data/lexicons/fr/sourcing.txt"),
    ),
    (
        Lang::Fr,
        Family::Provenance,
        include_str!("../../data/lexicons/fr/provenance.txt"),
    ),
    (
        Lang::Es,
        Family::Persuasion,
        include_str!("../../data/lexicons/es/persuasion.txt"),
    ),
    (
        Lang::Es,
        Family::Framing,
        include_str!("../../data/lexicons/es/framing.txt"),
    ),
    (
        Lang::Es,
        Family::Sourcing,
        include_str!("../../data/lexicons/es/sourcing.txt"),
    ),
    (
        Lang::Es,
        Family::Provenance,
        include_str!("../../data/lexicons/es/provenance.txt"),
    ),
];

/// The rules, parsed once.
pub fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| parse_rules(RULES_FILE))
}

/// The lexicon of `lang`, compiled once on first use.
pub fn lexicon(lang: Lang) -> &'static LangLexicon {
    static LEXICONS: [OnceLock<LangLexicon>; 5] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    LEXICONS[lang.index()].get_or_init(|| compile(lang, rules()))
}

fn parse_family(v: &str) -> Option<Family> {
    match v {
        "persuasion" => Some(Family::Persuasion),
        "framing" => Some(Family::Framing),
        "sourcing" => Some(Family::Sourcing),
        "provenance" => Some(Family::Provenance),
        _ => None,
    }
}

/// Sections of a data file: `(name, lines)`, comments and blank lines dropped.
fn sections(file: &str) -> Vec<(&str, Vec<&str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in file.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push((name.trim(), Vec::new()));
        } else if let Some((_, lines)) = out.last_mut() {
            lines.push(line);
        }
    }
    out
}

fn parse_rules(file: &str) -> Rules {
    let mut rules = Vec::new();
    let mut index = HashMap::new();
    for (id, lines) in sections(file) {
        let mut kv: HashMap<&str, &str> = HashMap::new();
        for l in lines {
            if let Some((k, v)) = l.split_once('=') {
                kv.insert(k.trim(), v.trim());
            }
        }
        let family = id
            .split('.')
            .next()
            .and_then(parse_family)
            .unwrap_or(Family::Provenance);
        let get = |k: &str| kv.get(k).map(|v| v.to_string()).filter(|v| !v.is_empty());
        let rule = Rule {
            id: id.to_string(),
            family,
            technique: get("technique"),
            label: get("label").unwrap_or_else(|| id.to_string()),
            explanation: get("explanation").unwrap_or_default(),
            strength: kv
                .get("strength")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.5),
            quoted: kv.get("quoted").and_then(|v| v.parse().ok()).unwrap_or(1.0),
            narrative: get("narrative"),
            reference: get("reference"),
            cue: kv.get("cue").is_some_and(|v| *v == "true"),
            set: kv.get("set").is_some_and(|v| *v == "true"),
        };
        index.insert(rule.id.clone(), rules.len());
        rules.push(rule);
    }
    Rules { rules, index }
}

/// Expands `(a|b|)` groups. Unbalanced parentheses are taken literally.
pub fn expand(phrase: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut rest = phrase;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let head = &rest[..open];
        let alts: Vec<&str> = rest[open + 1..close].split('|').collect();
        let mut next = Vec::with_capacity(out.len() * alts.len());
        for o in &out {
            for a in &alts {
                if next.len() < MAX_EXPANSIONS {
                    next.push(format!("{o}{head}{a}"));
                }
            }
        }
        out = next;
        rest = &rest[close + 1..];
    }
    for o in &mut out {
        o.push_str(rest);
    }
    out
}

/// One phrase in stream form.
pub struct CompiledPhrase {
    /// `" [#] s1 s2 "`: the stems, as the automaton looks for them.
    pub key: String,
    /// Number of words.
    pub words: usize,
    /// Starts with `^`: only at the start of a sentence.
    pub anchored: bool,
    /// Words written `=word`: (index in the phrase, normalized form) that must stand in the text
    /// as written, not in another form of the same stem ("=shocking" is not "shock").
    pub exact: Vec<(usize, String)>,
}

/// Turns one phrase into its stream form.
pub fn compile_phrase(phrase: &str, stemmer: &rust_stemmers::Stemmer) -> Option<CompiledPhrase> {
    let phrase = phrase.trim();
    let (anchored, phrase) = match phrase.strip_prefix('^') {
        Some(p) => (true, p.trim_start()),
        None => (false, phrase),
    };
    let mut key = String::from(" ");
    if anchored {
        key.push_str(SENTENCE_MARK);
        key.push(' ');
    }
    let mut words = 0;
    let mut exact = Vec::new();
    let mut lower = String::new();
    for (at, w) in text::words(phrase) {
        lower.clear();
        text::normalize_into(w, &mut lower);
        key.push_str(&text::stem(stemmer, &lower));
        key.push(' ');
        if phrase[..at].ends_with('=') {
            exact.push((words, lower.clone()));
        }
        words += 1;
    }
    (words > 0).then_some(CompiledPhrase {
        key,
        words,
        anchored,
        exact,
    })
}

fn compile(lang: Lang, rules: &Rules) -> LangLexicon {
    let stemmer = rust_stemmers::Stemmer::create(lang.stemmer());
    let mut keys: Vec<String> = Vec::new();
    let mut pats: Vec<Pattern> = Vec::new();
    let mut sets: HashMap<usize, HashSet<String, FastHash>, FastHash> = HashMap::default();
    for (l, family, file) in LEXICON_FILES {
        if *l != lang {
            continue;
        }
        for (id, lines) in sections(file) {
            let Some(rule) = rules.get(id) else {
                continue;
            };
            let fi = family_index(*family);
            if rules.rules.get(rule).is_some_and(|r| r.set) {
                let set = sets.entry(rule).or_default();
                for line in lines {
                    if let Some(c) = compile_phrase(line, &stemmer) {
                        if c.words == 1 && !c.anchored {
                            set.insert(c.key.trim().to_string());
                        }
                    }
                }
                continue;
            }
            for line in lines {
                for phrase in expand(line) {
                    if let Some(c) = compile_phrase(&phrase, &stemmer) {
                        keys.push(c.key);
                        pats.push(Pattern {
                            rule,
                            family: fi,
                            words: c.words,
                            anchored: c.anchored,
                            exact: c.exact,
                        });
                    }
                }
            }
        }
    }
    // Every pattern starts with a space, the most common byte of the stream: a prefilter
    // would only stop at each one.
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .kind(AC_KIND)
        .build(&keys)
        .ok();
    let matcher = Matcher {
        ac: if keys.is_empty() { None } else { ac },
        patterns: pats,
    };
    LangLexicon { matcher, sets }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expansion() {
        assert_eq!(expand("a (b|c) d"), vec!["a b d", "a c d"]);
        assert_eq!(expand("(x|) y"), vec!["x y", " y"]);
        assert_eq!(expand("no groups"), vec!["no groups"]);
        assert_eq!(expand("broken (a|b"), vec!["broken (a|b"]);
    }

    #[test]
    fn every_lexicon_section_names_a_rule_of_its_family() {
        let r = rules();
        for (lang, family, file) in LEXICON_FILES {
            for (id, lines) in sections(file) {
                let i = r
                    .get(id)
                    .unwrap_or_else(|| panic!("{lang:?}: unknown rule [{id}]"));
                assert_eq!(r.rules[i].family, *family, "{lang:?} [{id}]");
                assert!(!lines.is_empty(), "{lang:?} [{id}] is empty");
                // Word sets are looked up by stem, one token at a time: no exact forms there.
                if r.rules[i].set {
                    assert!(
                        lines.iter().all(|l| !l.contains('=')),
                        "{lang:?} [{id}]: `=word` is for matched phrases, not word sets"
                    );
                }
            }
        }
        for rule in &r.rules {
            assert!(
                !rule.label.is_empty() && (rule.cue || !rule.explanation.is_empty()),
                "{}",
                rule.id
            );
            assert!((0.0..=1.0).contains(&rule.strength), "{}", rule.id);
            if rule.family == Family::Framing && !rule.cue {
                assert!(rule.reference.is_some(), "{} needs a reference", rule.id);
            }
        }
    }

    #[test]
    fn all_languages_compile_and_inflections_match() {
        for lang in Lang::ALL {
            let lex = lexicon(lang);
            assert!(lex.matcher.ac.is_some(), "{lang:?}");
            for f in Family::ALL {
                let fi = family_index(f);
                assert!(
                    lex.matcher.patterns.iter().any(|p| p.family == fi),
                    "{lang:?} {f:?}"
                );
            }
        }
        let r = rules();
        let a = text::Analysis::new("давление коллективного Запада растёт", Some(Lang::Ru));
        let found = lexicon(Lang::Ru).find(&a);
        let hits = found.of(Family::Framing);
        assert!(
            hits.iter()
                .any(|h| r.rules[h.rule].id == "framing.adversary_bloc"),
            "{hits:?} in {}",
            a.stream
        );
    }
}
