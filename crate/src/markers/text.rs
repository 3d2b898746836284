//! The body text as the rules see it: word tokens with byte and code-point offsets, sentence
//! boundaries, quotation spans, and one normalized stream of stems that every family's
//! automaton runs over.
//!
//! The stream is `" # s1 s2 s3 # s4 ... "`: each token's stem, separated by single spaces,
//! with a `#` pseudo-token at each sentence start. Lexicon patterns are compiled into the same
//! shape (`" s1 s2 "`, or `" # s1 "` for a sentence-initial pattern), so a match always covers
//! whole tokens and never crosses a sentence unless the pattern says so. Stems are cached per
//! distinct word, so the cost of stemming grows with the vocabulary, not the text.

use super::lang::Lang;
use super::{Evidence, TextQuote};
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// Characters of context on each side of an evidence quote.
pub const QUOTE_CONTEXT_CHARS: usize = 32;
/// A quotation longer than this (in bytes) is taken for a stray quote mark and ignored.
const MAX_QUOTATION_BYTES: usize = 4_000;
/// The sentence-start pseudo-token in the stream.
pub const SENTENCE_MARK: &str = "#";

/// Lowercase abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "sen", "rep",
    "gov", "prof", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "z.b",
    "bzw", "ca", "nr", "hr", "fr", "sr", "sra", "dña", "г", "гг", "тыс", "млн", "млрд", "им",
    "т.е", "т.д", "см", "mme", "mlle", "av", "art",
];

/// One word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Code-point range in the text.
    pub cstart: usize,
    pub cend: usize,
    /// Byte range of the token's stem in the stream.
    pub spos: usize,
    pub slen: usize,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
    /// First token of its sentence.
    pub sentence_start: bool,
    /// Starts with an upper-case letter.
    pub capitalized: bool,
    /// Inside a quotation (between quotation marks).
    pub quoted: bool,
}

/// A quotation: the text between a pair of quotation marks, marks included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    pub start: usize,
    pub end: usize,
    /// Token range inside the quotation.
    pub first: usize,
    pub last: usize,
}

/// The analysed text.
#[derive(Debug)]
pub struct Analysis<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub stream: String,
    pub quotations: Vec<Quotation>,
    pub sentences: usize,
}

/// Lowercases a word and folds the few variants that would split one word in two
/// (typographic apostrophes, Russian `ё`). Appends to `out`.
pub fn normalize_into(word: &str, out: &mut String) {
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
            'ё' | 'Ё' => out.push('е'),
            '\u{00AD}' => {} // soft hyphen
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Elided French (and Italian-style) articles and particles: `l'Occident` is two words.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Where the second word of an elided pair starts (`l'Occident` -> the byte of `O`).
fn elision(seg: &str) -> Option<(usize, usize)> {
    let (i, c) = seg
        .char_indices()
        .find(|&(_, c)| c == '\'' || c == '\u{2019}')?;
    let head = &seg[..i];
    let rest = i + c.len_utf8();
    (rest < seg.len() && ELISIONS.iter().any(|e| head.eq_ignore_ascii_case(e))).then_some((i, rest))
}

/// Word segments of one UAX #29 segment: itself, or the two halves of an elision.
fn pieces(start: usize, seg: &str) -> impl Iterator<Item = (usize, &str)> {
    let (a, b) = match elision(seg) {
        Some((i, rest)) => ((start, &seg[..i]), Some((start + rest, &seg[rest..]))),
        None => ((start, seg), None),
    };
    std::iter::once(a).chain(b)
}

/// Splits `text` into word segments `(byte offset, word)`: Unicode word boundaries (UAX #29),
/// keeping the segments that hold a letter or digit, with elisions split.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .flat_map(|(i, w)| pieces(i, w))
}

/// Stems one normalized word: the rule files and the text go through this same function.
pub fn stem<'s>(
    stemmer: &rust_stemmers::Stemmer,
    normalized: &'s str,
) -> std::borrow::Cow<'s, str> {
    // Snowball stemmers expect letters; digits and mixed tokens stay as they are.
    if normalized.chars().any(|c| c.is_ascii_digit()) {
        return std::borrow::Cow::Borrowed(normalized);
    }
    stemmer.stem(normalized)
}

impl<'a> Analysis<'a> {
    /// Tokenizes, stems (with `lang`'s stemmer; lowercase only when `None`) and finds
    /// sentences and quotations. Linear in the text.
    pub fn new(text: &'a str, lang: Option<Lang>) -> Analysis<'a> {
        let stemmer = lang.map(|l| rust_stemmers::Stemmer::create(l.stemmer()));
        let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6);
        let mut stream = String::with_capacity(text.len());
        let mut cache: HashMap<String, String> = HashMap::new();
        let mut lower = String::new();
        let mut chars = 0usize;
        let mut sentence = 0usize;
        let mut gap_terminator = false;
        let mut gap_newline = false;
        let mut prev_abbrev = false;
        for (start, seg) in text.split_word_bound_indices() {
            let seg_chars = seg.chars().count();
            let is_word = seg.chars().any(char::is_alphanumeric);
            if !is_word {
                for c in seg.chars() {
                    match c {
                        '.' | '!' | '?' | '…' | '。' | '！' | '？' => gap_terminator = true,
                        '\n' | '\r' | '\u{2029}' => gap_newline = true,
                        _ => {}
                    }
                }
                chars += seg_chars;
                continue;
            }
            // The segment's first code point; each piece's offset counts from it.
            let seg_start = (start, chars);
            chars += seg_chars;
            for (start, seg) in pieces(start, seg) {
                let seg_chars = seg.chars().count();
                let cstart = seg_start.1
                    + text
                        .get(seg_start.0..start)
                        .map_or(0, |p| p.chars().count());
                let first = seg.chars().next().unwrap_or(' ');
                let capitalized = first.is_uppercase();
                let new_sentence = tokens.is_empty()
                    || gap_newline
                    || (gap_terminator && !prev_abbrev && (capitalized || !first.is_lowercase()));
                if new_sentence && !tokens.is_empty() {
                    sentence += 1;
                }
                if new_sentence {
                    stream.push(' ');
                    stream.push_str(SENTENCE_MARK);
                }
                stream.push(' ');
                lower.clear();
                normalize_into(seg, &mut lower);
                let spos = stream.len();
                match (&stemmer, cache.get(lower.as_str())) {
                    (_, Some(s)) => stream.push_str(s),
                    (Some(st), None) => {
                        let s = stem(st, &lower).into_owned();
                        stream.push_str(&s);
                        if cache.len() < 200_000 {
                            cache.insert(lower.clone(), s);
                        }
                    }
                    (None, None) => stream.push_str(&lower),
                }
                let slen = stream.len() - spos;
                prev_abbrev = (seg.chars().count() == 1 && capitalized)
                    || ABBREVIATIONS.contains(&lower.as_str());
                tokens.push(Token {
                    start,
                    end: start + seg.len(),
                    cstart,
                    cend: cstart + seg_chars,
                    spos,
                    slen,
                    sentence,
                    sentence_start: new_sentence,
                    capitalized,
                    quoted: false,
                });
                gap_terminator = false;
                gap_newline = false;
            }
        }
        stream.push(' ');
        let quotations = find_quotations(text, &mut tokens);
        let sentences = if tokens.is_empty() { 0 } else { sentence + 1 };
        Analysis {
            text,
            tokens,
            stream,
            quotations,
            sentences,
        }
    }

    /// The stem of token `i`.
    pub fn stem(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.stream.get(t.spos..t.spos + t.slen))
            .unwrap_or("")
    }

    /// The surface text of tokens `first..last`, as written (with what lies between them).
    pub fn surface(&self, first: usize, last: usize) -> &str {
        match (
            self.tokens.get(first),
            last.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) {
            (Some(a), Some(b)) if a.start <= b.end => self.text.get(a.start..b.end).unwrap_or(""),
            _ => "",
        }
    }

    /// The first token whose stem starts at or after stream byte `pos`.
    pub fn token_at_stream(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.spos < pos)
    }

    /// Evidence for tokens `first..last` (exclusive).
    pub fn evidence(&self, first: usize, last: usize) -> Option<Evidence> {
        let a = self.tokens.get(first)?;
        let b = self.tokens.get(last.checked_sub(1)?)?;
        Some(evidence_at(self.text, a.start, b.end, a.cstart, b.cend))
    }

    /// Evidence for a byte range of the text (on char boundaries, else `None`).
    pub fn evidence_bytes(&self, start: usize, end: usize) -> Option<Evidence> {
        if start > end || !self.text.is_char_boundary(start) || !self.text.is_char_boundary(end) {
            return None;
        }
        let cstart = char_offset(self, start);
        let cend = cstart + self.text.get(start..end)?.chars().count();
        Some(evidence_at(self.text, start, end, cstart, cend))
    }

    /// Token range `first..last` of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> (usize, usize) {
        let first = self.tokens.partition_point(|t| t.sentence < s);
        let last = self.tokens.partition_point(|t| t.sentence <= s);
        (first, last)
    }

    /// Number of word tokens.
    pub fn words(&self) -> usize {
        self.tokens.len()
    }
}

/// The code-point offset of byte `pos`, counted from the nearest token before it.
fn char_offset(a: &Analysis, pos: usize) -> usize {
    let i = a.tokens.partition_point(|t| t.start <= pos);
    let (base_b, base_c) = match i.checked_sub(1).and_then(|j| a.tokens.get(j)) {
        Some(t) => (t.start, t.cstart),
        None => (0, 0),
    };
    base_c + a.text.get(base_b..pos).map_or(0, |s| s.chars().count())
}

/// Builds the evidence quote for a byte range whose code-point range is known.
pub fn evidence_at(text: &str, start: usize, end: usize, cstart: usize, cend: usize) -> Evidence {
    let exact = text.get(start..end).unwrap_or("").to_string();
    let before = text.get(..start).unwrap_or("");
    let prefix_start = before
        .char_indices()
        .rev()
        .nth(QUOTE_CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let after = text.get(end..).unwrap_or("");
    let suffix_end = after
        .char_indices()
        .nth(QUOTE_CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    Evidence {
        start: cstart,
        end: cend,
        quote: TextQuote {
            exact,
            prefix: before[prefix_start..].to_string(),
            suffix: after[..suffix_end].to_string(),
        },
    }
}

/// Finds quotations (“…”, «…», „…“, "…", and ‹…›) and marks the tokens inside them. A
/// quotation left open at the end of a paragraph ends there (wire style for quotes that run
/// over several paragraphs).
fn find_quotations(text: &str, tokens: &mut [Token]) -> Vec<Quotation> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut prev_newline = false;
    for (i, c) in text.char_indices() {
        let newline = c == '\n';
        if newline && prev_newline {
            if let Some((s, _)) = open.take() {
                spans.push((s, i));
            }
        }
        prev_newline = newline || (prev_newline && c == '\r');
        match (open, c) {
            (None, '“' | '«' | '„' | '"' | '‹') => open = Some((i, c)),
            (Some((s, o)), _) if closes(o, c) => {
                spans.push((s, i + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
        if let Some((s, _)) = open {
            if i - s > MAX_QUOTATION_BYTES {
                open = None;
            }
        }
    }
    if let Some((s, _)) = open {
        if text.len() - s <= MAX_QUOTATION_BYTES {
            spans.push((s, text.len()));
        }
    }
    let mut out = Vec::with_capacity(spans.len());
    let mut t = 0;
    for (s, e) in spans {
        while t < tokens.len() && tokens[t].start < s {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].end <= e {
            tokens[t].quoted = true;
            t += 1;
        }
        out.push(Quotation {
            start: s,
            end: e,
            first,
            last: t,
        });
    }
    out
}

fn closes(open: char, c: char) -> bool {
    matches!(
        (open, c),
        ('“', '”') | ('“', '„') | ('«', '»') | ('„', '“') | ('„', '”') | ('"', '"') | ('‹', '›')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_code_point_offsets() {
        let text = "Ünïcödé “quoted words here” – ok.";
        let a = Analysis::new(text, Some(Lang::En));
        let t = &a.tokens[1];
        let chars: Vec<char> = text.chars().collect();
        let got: String = chars[t.cstart..t.cend].iter().collect();
        assert_eq!(got, "quoted");
        assert!(t.quoted);
        assert!(!a.tokens[0].quoted);
        assert!(!a.tokens.last().is_some_and(|t| t.quoted));
        assert_eq!(a.quotations.len(), 1);
    }

    #[test]
    fn sentences_split_on_terminators_and_paragraphs_not_abbreviations() {
        let a = Analysis::new(
            "U.S. officials met Mr. Smith. They left! Then\n\nanother one",
            Some(Lang::En),
        );
        let starts: Vec<&str> = a
            .tokens
            .iter()
            .filter(|t| t.sentence_start)
            .map(|t| &a.text[t.start..t.end])
            .collect();
        assert_eq!(starts, vec!["U.S", "They", "Then", "another"]);
        assert_eq!(a.sentences, 4);
    }

    #[test]
    fn stream_is_stemmed_and_marks_sentences() {
        let a = Analysis::new("Sanctions and pressures. Западных санкций", Some(Lang::En));
        assert!(a.stream.starts_with(" # sanction and pressur # "));
        let r = Analysis::new("Западных санкций", Some(Lang::Ru));
        assert_eq!(r.stream, " # западн санкц ");
    }

    #[test]
    fn evidence_has_context_and_code_points() {
        let text = "ééé word ééé";
        let a = Analysis::new(text, None);
        let e = a.evidence(1, 2).expect("evidence");
        assert_eq!((e.start, e.end), (4, 8));
        assert_eq!(e.quote.exact, "word");
        assert_eq!(e.quote.prefix, "ééé ");
        assert_eq!(e.quote.suffix, " ééé");
        let e = a.evidence_bytes(0, 6).expect("bytes");
        assert_eq!((e.start, e.end), (0, 3));
        assert!(a.evidence_bytes(1, 2).is_none());
        assert!(a.evidence(5, 9).is_none());
    }

    #[test]
    fn open_quotation_ends_at_paragraph() {
        let a = Analysis::new("He said: “This goes on\n\nNext paragraph here.", None);
        assert_eq!(a.quotations.len(), 1);
        assert!(!a.tokens.last().is_some_and(|t| t.quoted));
    }

    #[test]
    fn empty_and_odd_input() {
        for text in [
            "",
            " ",
            "\u{feff}",
            "“",
            "„“",
            "!!!",
            "a\u{0301}",
            "\r\n\r\n",
        ] {
            let a = Analysis::new(text, Some(Lang::Ru));
            assert!(a.stream.ends_with(' '));
        }
    }
}
