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
/// The most text [`Analysis::new`] reads, 1 GiB: token offsets are `u32`, and the stem stream
/// stays under 4 GiB for any text that size (it grows by less than three times the text even
/// for one-letter words that lowercase to longer ones). Longer texts are cut at a character
/// boundary.
pub const MAX_TEXT_BYTES: usize = 1 << 30;
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

/// One word of the text, in 24 bytes: an article has one token every six bytes or so, and this
/// array is the stage's largest (on a 20 MB text, the memory it touches sets the speed).
/// Offsets are `u32`, so [`Analysis::new`] reads at most [`MAX_TEXT_BYTES`] of a text; lengths
/// are `u16`, so a "word" longer than [`MAX_WORD_BYTES`] is not a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset in the text.
    pub start: u32,
    /// Code-point offset in the text.
    pub cstart: u32,
    /// Byte offset of the token's stem in the stream.
    pub spos: u32,
    /// Index of the sentence the token belongs to.
    pub sentence: u32,
    /// Lengths: bytes and code points in the text, bytes of the stem.
    len: u16,
    clen: u16,
    slen: u16,
    flags: u8,
}

const SENTENCE_START: u8 = 1;
const CAPITALIZED: u8 = 2;
const QUOTED: u8 = 4;

/// The longest word that is a token (bytes); longer runs of letters are skipped. No lexicon
/// phrase comes near it, and its stem (normalization expands a code point to at most 18 bytes)
/// still fits a `u16`.
pub const MAX_WORD_BYTES: usize = 1_024;

impl Token {
    /// Byte offset of the end.
    #[inline]
    pub fn end(&self) -> u32 {
        self.start + u32::from(self.len)
    }
    /// Code-point offset of the end.
    #[inline]
    pub fn cend(&self) -> u32 {
        self.cstart + u32::from(self.clen)
    }
    /// Byte length of the stem.
    #[inline]
    pub fn slen(&self) -> u32 {
        u32::from(self.slen)
    }
    /// First token of its sentence.
    #[inline]
    pub fn sentence_start(&self) -> bool {
        self.flags & SENTENCE_START != 0
    }
    /// Starts with an upper-case letter.
    #[inline]
    pub fn capitalized(&self) -> bool {
        self.flags & CAPITALIZED != 0
    }
    /// Inside a quotation (between quotation marks).
    #[inline]
    pub fn quoted(&self) -> bool {
        self.flags & QUOTED != 0
    }
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
    if word.bytes().all(|b| b.is_ascii() && b != b'`') {
        // The common case: ASCII with nothing to fold but case.
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
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
    let (i, c) = if seg.is_ascii() {
        (seg.bytes().position(|b| b == b'\'')?, '\'')
    } else {
        seg.char_indices()
            .find(|&(_, c)| c == '\'' || c == '\u{2019}')?
    };
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

/// Whether a word-boundary segment is a word (holds a letter or digit).
fn is_word(seg: &str) -> bool {
    if seg.is_ascii() {
        seg.bytes().any(|b| b.is_ascii_alphanumeric())
    } else {
        seg.chars().any(char::is_alphanumeric)
    }
}

/// Splits `text` into word segments `(byte offset, word)`: Unicode word boundaries (UAX #29),
/// keeping the segments that hold a letter or digit, with elisions split.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    segments(text)
        .filter(|(_, w)| is_word(w))
        .flat_map(|(i, w)| pieces(i, w))
}

/// All word-boundary segments of `text` (UAX #29), exactly as
/// `unicode_segmentation::UnicodeSegmentation::split_word_bound_indices` gives them, but with
/// a fast path for ASCII: most of an English article is segmented byte by byte here, and only
/// the stretches around non-ASCII characters go through the Unicode tables.
///
/// The text is cut at "safe" positions: a space followed by an ASCII letter or digit. UAX #29
/// always breaks there (no rule joins a space to a following letter, and no rule looks past a
/// space), and neither side's segmentation depends on the other, so each stretch between two
/// cuts can be segmented on its own. An ASCII stretch follows the rules below; a stretch with
/// a non-ASCII character goes to `unicode-segmentation`. A test compares both on random text.
pub fn segments(text: &str) -> Segments<'_> {
    Segments {
        text,
        pos: 0,
        fast_end: 0,
        slow: None,
    }
}

/// Iterator of [`segments`].
pub struct Segments<'a> {
    text: &'a str,
    /// Next byte to segment (the end of the slow stretch while `slow` is set).
    pos: usize,
    /// End of the current ASCII stretch.
    fast_end: usize,
    /// The current non-ASCII stretch: its offset and its Unicode segments.
    slow: Option<(usize, unicode_segmentation::UWordBoundIndices<'a>)>,
}

/// A cut between two independently segmented stretches: a space, then an ASCII letter or digit.
#[inline]
fn safe_cut(b: &[u8], i: usize) -> bool {
    i > 0 && i < b.len() && b[i - 1] == b' ' && b[i].is_ascii_alphanumeric()
}

/// The position of the first non-ASCII byte, eight bytes at a time.
fn first_non_ascii(b: &[u8]) -> Option<usize> {
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if w & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        at += 8;
    }
    b[at..].iter().position(|x| !x.is_ascii()).map(|i| at + i)
}

/// Letters, digits and `_` (ALetter, Numeric, ExtendNumLet): they never break among
/// themselves (WB5, WB8-WB10, WB13a-b).
#[inline(always)]
fn is_core(b: u8) -> bool {
    CORE[usize::from(b)]
}

/// [`is_core`] as a table: one load per byte in the tokenizer's inner loop.
static CORE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b == b'_';
        i += 1;
    }
    t
};

impl<'a> Segments<'a> {
    /// Plans the stretch that starts at `self.pos` (a safe cut or the start of the text).
    fn plan(&mut self) {
        let b = self.text.as_bytes();
        let from = self.pos;
        let Some(j) = first_non_ascii(&b[from..]).map(|j| from + j) else {
            self.fast_end = b.len();
            return;
        };
        // ASCII up to the last safe cut before the first non-ASCII byte.
        let mut c = j;
        while c > from && !safe_cut(b, c) {
            c -= 1;
        }
        if c > from {
            self.fast_end = c;
            return;
        }
        // Unicode from here to the next safe cut.
        let mut k = j + 1;
        while k < b.len() && !safe_cut(b, k) {
            k += 1;
        }
        let k = k.min(b.len());
        let stretch = self.text.get(from..k).unwrap_or("");
        self.slow = Some((from, stretch.split_word_bound_indices()));
        self.pos = k;
        self.fast_end = k;
    }

    /// The next segment of the ASCII stretch `pos..fast_end`.
    #[inline(always)]
    fn fast(&mut self) -> (usize, &'a str, Kind) {
        let b = self.text.as_bytes();
        let (s, end) = (self.pos, self.fast_end);
        let mut i = s + 1;
        let mut kind = Kind::AsciiOther;
        match b[s] {
            // WB3d: spaces stay together.
            b' ' => {
                while i < end && b[i] == b' ' {
                    i += 1;
                }
            }
            // WB3: CR × LF.
            b'\r' if i < end && b[i] == b'\n' => i += 1,
            x if is_core(x) => {
                let mut apostrophe = false;
                while i < end {
                    let x = b[i];
                    if is_core(x) {
                        i += 1;
                        continue;
                    }
                    if i + 1 < end {
                        let (p, n) = (b[i - 1], b[i + 1]);
                        let letters = p.is_ascii_alphabetic() && n.is_ascii_alphabetic();
                        let digits = p.is_ascii_digit() && n.is_ascii_digit();
                        // WB6-7: letter (MidLetter | MidNumLetQ) letter; WB11-12: digit
                        // (MidNum | MidNumLetQ) digit.
                        let infix = match x {
                            b'.' | b'\'' => letters || digits,
                            b':' => letters,
                            b',' | b';' => digits,
                            _ => false,
                        };
                        if infix {
                            apostrophe |= x == b'\'';
                            i += 2;
                            continue;
                        }
                    }
                    break;
                }
                // A run of `_` alone holds no letter or digit.
                if x != b'_' || b[s..i].iter().any(u8::is_ascii_alphanumeric) {
                    kind = Kind::AsciiWord { apostrophe };
                }
            }
            // WB999: any other character is a segment of its own.
            _ => {}
        }
        self.pos = i;
        (s, self.text.get(s..i).unwrap_or(""), kind)
    }

    /// The next segment with what the fast path knows of it.
    #[inline(always)]
    fn next_segment(&mut self) -> Option<(usize, &'a str, Kind)> {
        loop {
            if let Some((base, it)) = &mut self.slow {
                if let Some((i, seg)) = it.next() {
                    return Some((*base + i, seg, Kind::Unicode));
                }
                self.slow = None;
            }
            if self.pos < self.fast_end {
                return Some(self.fast());
            }
            if self.pos >= self.text.len() {
                return None;
            }
            self.plan();
        }
    }
}

/// What [`Segments`] knows of a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// ASCII letters and digits (and `_`, and infix `.` `'` `:` `,` `;`); `apostrophe` when an
    /// infix `'` is among them (a possible elision).
    AsciiWord { apostrophe: bool },
    /// ASCII, no letter or digit.
    AsciiOther,
    /// From the Unicode segmenter: anything.
    Unicode,
}

impl<'a> Iterator for Segments<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        self.next_segment().map(|(i, seg, _)| (i, seg))
    }
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

/// Stems per distinct normalized word, so that each word is stemmed once. Words of up to
/// [`SHORT_KEY`] bytes (nearly all) are keyed inline: hashing and comparing them is a couple
/// of machine words, with no string comparison and no allocation; stems of up to
/// [`INLINE_STEM`] bytes are stored inline too, and appended to the stream as one fixed-size
/// copy.
#[derive(Default)]
struct StemCache {
    short: HashMap<u128, Stem, foldhash::fast::RandomState>,
    long: HashMap<String, Stem, foldhash::fast::RandomState>,
    /// Stems longer than [`INLINE_STEM`].
    arena: Vec<u8>,
}

/// A cached stem: inline (`len` bytes of `inline`) or `len` bytes of the arena from `at`.
#[derive(Clone, Copy)]
struct Stem {
    inline: [u8; INLINE_STEM],
    at: u32,
    len: u32,
}

/// The longest word keyed inline by [`StemCache`] (the key's last byte is the length).
const SHORT_KEY: usize = 15;
/// The longest stem stored inline.
const INLINE_STEM: usize = 16;
/// At most this many words are cached (the cost of a page of random words stays bounded).
const STEM_CACHE_WORDS: usize = 200_000;

/// Lowercases the ASCII letters among the 15 low bytes of `x` (the top byte, a length, is
/// left alone), all at once: each byte must be below 0x80, so adding to its low seven bits
/// never carries into the next byte.
#[inline(always)]
fn ascii_lowercase_bytes(x: u128) -> u128 {
    const LOW7: u128 = 0x7f7f_7f7f_7f7f_7f7f_7f7f_7f7f_7f7f_7f7f;
    const HIGH: u128 = 0x0080_8080_8080_8080_8080_8080_8080_8080;
    const fn splat(b: u8) -> u128 {
        u128::from_le_bytes([b; 16])
    }
    let low = x & LOW7;
    let at_least_a = low + splat(0x80 - b'A');
    let above_z = low + splat(0x80 - b'Z' - 1);
    let upper = at_least_a & !above_z & HIGH;
    x | (upper >> 2)
}

impl StemCache {
    /// The inline key of a word of up to [`SHORT_KEY`] bytes: its bytes in little-endian
    /// order, the length in the top byte. Built in registers: writing the bytes one at a time
    /// into an array and reading it back as machine words for the hash stalled on every word
    /// (the loads cannot be forwarded from the byte stores), which `perf` showed as the
    /// tokenizer's hottest instructions.
    #[inline(always)]
    fn key(word: &[u8], lowercase: bool) -> u128 {
        let mut key = (word.len() as u128) << 120;
        for (i, &b) in word.iter().take(SHORT_KEY).enumerate() {
            key |= u128::from(b) << (8 * i);
        }
        if lowercase {
            key = ascii_lowercase_bytes(key);
        }
        key
    }

    /// Appends a cached stem to `stream`.
    #[inline(always)]
    fn append(&self, st: &Stem, stream: &mut Vec<u8>) {
        let len = st.len as usize;
        if len <= INLINE_STEM {
            // One fixed-size copy, then drop the padding.
            let keep = stream.len() + len;
            stream.extend_from_slice(&st.inline);
            stream.truncate(keep);
        } else {
            let at = st.at as usize;
            stream.extend_from_slice(self.arena.get(at..at + len).unwrap_or(&[]));
        }
    }

    /// Stems `word` (normalized), caches the stem under `key` (or under `word` when the word
    /// is too long for a key) and appends it to `stream`.
    fn stem_and_append(
        &mut self,
        stemmer: &rust_stemmers::Stemmer,
        word: &str,
        key: Option<u128>,
        stream: &mut Vec<u8>,
    ) {
        let s = stem(stemmer, word);
        stream.extend_from_slice(s.as_bytes());
        if self.short.len() + self.long.len() >= STEM_CACHE_WORDS {
            return;
        }
        let mut st = Stem {
            inline: [0; INLINE_STEM],
            at: 0,
            len: u32::try_from(s.len()).unwrap_or(u32::MAX),
        };
        if s.len() <= INLINE_STEM {
            st.inline[..s.len()].copy_from_slice(s.as_bytes());
        } else {
            let Ok(at) = u32::try_from(self.arena.len()) else {
                return;
            };
            st.at = at;
            self.arena.extend_from_slice(s.as_bytes());
        }
        match key {
            Some(key) => self.short.insert(key, st),
            None => self.long.insert(word.to_string(), st),
        };
    }

    /// Appends the stem of `word` (normalized) to `stream`.
    fn push_stem(&mut self, stemmer: &rust_stemmers::Stemmer, word: &str, stream: &mut Vec<u8>) {
        let key = (word.len() <= SHORT_KEY).then(|| Self::key(word.as_bytes(), false));
        let found = match &key {
            Some(key) => self.short.get(key),
            None => self.long.get(word),
        };
        match found {
            Some(st) => {
                let st = *st;
                self.append(&st, stream);
            }
            None => self.stem_and_append(stemmer, word, key, stream),
        }
    }

    /// Appends the stem of an ASCII word of up to [`SHORT_KEY`] bytes, lowercasing it on the
    /// way (the common case: no normalized copy is made unless the word is new). `lower`
    /// is scratch space.
    #[inline(always)]
    fn push_ascii_stem(
        &mut self,
        stemmer: &rust_stemmers::Stemmer,
        word: &str,
        lower: &mut String,
        stream: &mut Vec<u8>,
    ) {
        let key = Self::key(word.as_bytes(), true);
        if let Some(st) = self.short.get(&key) {
            let st = *st;
            self.append(&st, stream);
            return;
        }
        lower.clear();
        lower.push_str(word);
        lower.make_ascii_lowercase();
        let lower: &str = lower;
        self.stem_and_append(stemmer, lower, Some(key), stream);
    }
}

impl<'a> Analysis<'a> {
    /// Tokenizes, stems (with `lang`'s stemmer; lowercase only when `None`) and finds
    /// sentences and quotations. Linear in the text.
    pub fn new(text: &'a str, lang: Option<Lang>) -> Analysis<'a> {
        let text = if text.len() > MAX_TEXT_BYTES {
            let mut cut = MAX_TEXT_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            &text[..cut]
        } else {
            text
        };
        let stemmer = lang.map(|l| rust_stemmers::Stemmer::create(l.stemmer()));
        let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6);
        // Bytes while it is built (fixed-size copies of short stems), a string at the end.
        let mut stream: Vec<u8> = Vec::with_capacity(text.len());
        let mut cache = StemCache::default();
        let mut lower = String::new();
        // Whether the previous token was one capital letter, and its normalized form (made
        // only after a full stop): to tell "Mr. Smith" from the end of a sentence.
        let mut prev_initial = false;
        let mut prev_lower = String::new();
        let mut chars = 0usize;
        let mut sentence = 0usize;
        let mut gap_terminator = false;
        let mut gap_newline = false;
        let mut segs = segments(text);
        while let Some((start, seg, kind)) = segs.next_segment() {
            let ascii = match kind {
                Kind::AsciiWord { .. } | Kind::AsciiOther => true,
                Kind::Unicode => seg.is_ascii(),
            };
            let seg_chars = if ascii {
                seg.len()
            } else {
                seg.chars().count()
            };
            let word = match kind {
                Kind::AsciiWord { .. } => true,
                Kind::AsciiOther => false,
                Kind::Unicode => is_word(seg),
            };
            if !word {
                if ascii {
                    for b in seg.bytes() {
                        match b {
                            b'.' | b'!' | b'?' => gap_terminator = true,
                            b'\n' | b'\r' => gap_newline = true,
                            _ => {}
                        }
                    }
                } else {
                    for c in seg.chars() {
                        match c {
                            '.' | '!' | '?' | '…' | '。' | '！' | '？' => {
                                gap_terminator = true
                            }
                            '\n' | '\r' | '\u{2029}' => gap_newline = true,
                            _ => {}
                        }
                    }
                }
                chars += seg_chars;
                continue;
            }
            if seg.len() > MAX_WORD_BYTES {
                // Not a word a reader reads (a data blob, a run of letters): skipped.
                chars += seg_chars;
                continue;
            }
            // The segment's first code point; each piece's offset counts from it.
            let seg_start = (start, chars);
            chars += seg_chars;
            // An ASCII word with no `'` is one piece: no elision to look for.
            let whole = matches!(kind, Kind::AsciiWord { apostrophe: false });
            let (one, two) = if whole {
                ((start, seg), None)
            } else {
                let mut p = pieces(start, seg);
                match p.next() {
                    Some(x) => (x, p.next()),
                    None => continue,
                }
            };
            for (start, seg) in std::iter::once(one).chain(two) {
                let (seg_chars, cstart) = if ascii {
                    (seg.len(), seg_start.1 + (start - seg_start.0))
                } else {
                    (
                        seg.chars().count(),
                        seg_start.1
                            + text
                                .get(seg_start.0..start)
                                .map_or(0, |p| p.chars().count()),
                    )
                };
                let first = seg.chars().next().unwrap_or(' ');
                let capitalized = first.is_uppercase();
                let mut prev_abbrev = || {
                    prev_initial || {
                        let prev = tokens.last().map_or("", |t| {
                            text.get(t.start as usize..t.end() as usize).unwrap_or("")
                        });
                        prev_lower.clear();
                        normalize_into(prev, &mut prev_lower);
                        ABBREVIATIONS.contains(&prev_lower.as_str())
                    }
                };
                let new_sentence = tokens.is_empty()
                    || gap_newline
                    || (gap_terminator && (capitalized || !first.is_lowercase()) && !prev_abbrev());
                if new_sentence && !tokens.is_empty() {
                    sentence += 1;
                }
                if new_sentence {
                    stream.push(b' ');
                    stream.extend_from_slice(SENTENCE_MARK.as_bytes());
                }
                stream.push(b' ');
                let spos = stream.len();
                let ascii_word = matches!(kind, Kind::AsciiWord { .. });
                match &stemmer {
                    // Letters, digits and infix punctuation: only case to fold.
                    Some(st) if ascii_word && seg.len() <= SHORT_KEY => {
                        cache.push_ascii_stem(st, seg, &mut lower, &mut stream)
                    }
                    _ => {
                        lower.clear();
                        if ascii_word {
                            lower.push_str(seg);
                            lower.make_ascii_lowercase();
                        } else {
                            normalize_into(seg, &mut lower);
                        }
                        match &stemmer {
                            None => stream.extend_from_slice(lower.as_bytes()),
                            Some(st) => cache.push_stem(st, &lower, &mut stream),
                        }
                    }
                }
                let slen = stream.len() - spos;
                prev_initial = seg_chars == 1 && capitalized;
                // Every offset and length fits (MAX_TEXT_BYTES, MAX_WORD_BYTES); saturate
                // rather than wrap if not.
                let u = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
                let h = |x: usize| u16::try_from(x).unwrap_or(u16::MAX);
                tokens.push(Token {
                    start: u(start),
                    cstart: u(cstart),
                    spos: u(spos),
                    sentence: u(sentence),
                    len: h(seg.len()),
                    clen: h(seg_chars),
                    slen: h(slen),
                    flags: if new_sentence { SENTENCE_START } else { 0 }
                        | if capitalized { CAPITALIZED } else { 0 },
                });
                gap_terminator = false;
                gap_newline = false;
            }
        }
        stream.push(b' ');
        // Only whole strings were appended: this never fails (and would not panic).
        let stream = String::from_utf8(stream)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
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
            .and_then(|t| {
                let s = t.spos as usize;
                self.stream.get(s..s + t.slen() as usize)
            })
            .unwrap_or("")
    }

    /// The stems of tokens `first..last` as they stand in the stream: one space apart when
    /// the tokens are in one sentence (as a lexicon hit's are), else with the sentence marks.
    pub fn stems(&self, first: usize, last: usize) -> &str {
        match (
            self.tokens.get(first),
            last.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) {
            (Some(a), Some(b)) if a.spos <= b.spos => self
                .stream
                .get(a.spos as usize..b.spos as usize + b.slen() as usize)
                .unwrap_or(""),
            _ => "",
        }
    }

    /// The surface text of tokens `first..last`, as written (with what lies between them).
    pub fn surface(&self, first: usize, last: usize) -> &str {
        match (
            self.tokens.get(first),
            last.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) {
            (Some(a), Some(b)) if a.start <= b.end() => self
                .text
                .get(a.start as usize..b.end() as usize)
                .unwrap_or(""),
            _ => "",
        }
    }

    /// The first token whose stem starts at or after stream byte `pos`.
    pub fn token_at_stream(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| (t.spos as usize) < pos)
    }

    /// Evidence for tokens `first..last` (exclusive).
    pub fn evidence(&self, first: usize, last: usize) -> Option<Evidence> {
        let a = self.tokens.get(first)?;
        let b = self.tokens.get(last.checked_sub(1)?)?;
        Some(evidence_at(
            self.text,
            a.start as usize,
            b.end() as usize,
            a.cstart as usize,
            b.cend() as usize,
        ))
    }

    /// Evidence for a byte range of the text (on char boundaries, else `None`).
    pub fn evidence_bytes(&self, start: usize, end: usize) -> Option<Evidence> {
        self.evidence_bytes_near(start, end, None)
    }

    /// [`Self::evidence_bytes`], with the index of a token near `start` (a quotation's first
    /// token) to find the code-point offset from, instead of a binary search.
    pub fn evidence_bytes_near(
        &self,
        start: usize,
        end: usize,
        hint: Option<usize>,
    ) -> Option<Evidence> {
        if start > end || !self.text.is_char_boundary(start) || !self.text.is_char_boundary(end) {
            return None;
        }
        let cstart = char_offset(self, start, hint);
        let cend = cstart + self.text.get(start..end)?.chars().count();
        Some(evidence_at(self.text, start, end, cstart, cend))
    }

    /// Token range `first..last` of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> (usize, usize) {
        let first = self.tokens.partition_point(|t| (t.sentence as usize) < s);
        let last = self.tokens.partition_point(|t| t.sentence as usize <= s);
        (first, last)
    }

    /// Number of word tokens.
    pub fn words(&self) -> usize {
        self.tokens.len()
    }
}

/// The code-point offset of byte `pos`, counted from the nearest token before it.
fn char_offset(a: &Analysis, pos: usize, hint: Option<usize>) -> usize {
    let at = |i: usize| a.tokens[i].start as usize;
    // The number of tokens starting at or before `pos`.
    let i = match hint {
        Some(h) => {
            let mut i = h.min(a.tokens.len());
            while i > 0 && at(i - 1) > pos {
                i -= 1;
            }
            while i < a.tokens.len() && at(i) <= pos {
                i += 1;
            }
            i
        }
        None => a.tokens.partition_point(|t| t.start as usize <= pos),
    };
    let (base_b, base_c) = match i.checked_sub(1).and_then(|j| a.tokens.get(j)) {
        Some(t) => (t.start as usize, t.cstart as usize),
        None => (0, 0),
    };
    base_c + a.text.get(base_b..pos).map_or(0, |s| s.chars().count())
}

/// Builds the evidence quote for a byte range whose code-point range is known.
pub fn evidence_at(text: &str, start: usize, end: usize, cstart: usize, cend: usize) -> Evidence {
    let exact = text.get(start..end).unwrap_or("").to_string();
    let before = text.get(..start).unwrap_or("");
    // With ASCII context (most of the time) a character is a byte.
    let near = before.len().saturating_sub(QUOTE_CONTEXT_CHARS);
    let prefix_start = if before.as_bytes()[near..].is_ascii() {
        near
    } else {
        before
            .char_indices()
            .rev()
            .nth(QUOTE_CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i)
    };
    let after = text.get(end..).unwrap_or("");
    let far = after.len().min(QUOTE_CONTEXT_CHARS + 1);
    let suffix_end = if after.as_bytes()[..far].is_ascii() {
        after.len().min(QUOTE_CONTEXT_CHARS)
    } else {
        after
            .char_indices()
            .nth(QUOTE_CONTEXT_CHARS)
            .map_or(after.len(), |(i, _)| i)
    };
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
    let bytes = text.as_bytes();
    // Only line ends, straight double quotes and non-ASCII characters change the state below;
    // runs of other ASCII bytes are skipped at once, with the effect the character-by-character
    // loop would have had on them.
    let boring = |b: u8| b.is_ascii() && b != b'\n' && b != b'\r' && b != b'"';
    let mut i = 0;
    while i < bytes.len() {
        if boring(bytes[i]) {
            while i < bytes.len() && boring(bytes[i]) {
                i += 1;
            }
            prev_newline = false;
            // The length check below, at the run's last character.
            if let Some((s, _)) = open {
                if i - 1 - s > MAX_QUOTATION_BYTES {
                    open = None;
                }
            }
            continue;
        }
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
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
        i += c.len_utf8();
    }
    if let Some((s, _)) = open {
        if text.len() - s <= MAX_QUOTATION_BYTES {
            spans.push((s, text.len()));
        }
    }
    let mut out = Vec::with_capacity(spans.len());
    let mut t = 0;
    for (s, e) in spans {
        while t < tokens.len() && (tokens[t].start as usize) < s {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].end() as usize <= e {
            tokens[t].flags |= QUOTED;
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

    /// The register-built stem-cache key equals the plain byte-wise one: every ASCII byte at
    /// every position, lowercased or not, and every length up to the limit.
    #[test]
    fn stem_cache_keys_match_the_bytewise_definition() {
        fn reference(word: &[u8], lowercase: bool) -> u128 {
            let mut key = [0u8; SHORT_KEY + 1];
            for (k, &b) in key.iter_mut().zip(word) {
                *k = if lowercase { b.to_ascii_lowercase() } else { b };
            }
            key[SHORT_KEY] = word.len() as u8;
            u128::from_le_bytes(key)
        }
        for b in 0u8..0x80 {
            for len in 1..=SHORT_KEY {
                for pos in 0..len {
                    let mut word = vec![b'q'; len];
                    word[pos] = b;
                    for lowercase in [false, true] {
                        assert_eq!(
                            StemCache::key(&word, lowercase),
                            reference(&word, lowercase)
                        );
                    }
                }
            }
        }
        // Non-ASCII bytes (normalized words) are keyed as they are.
        let word = "ёжик".as_bytes();
        assert_eq!(StemCache::key(word, false), reference(word, false));
        assert_ne!(
            StemCache::key(b"Word", true),
            StemCache::key(b"Word", false)
        );
        assert_eq!(
            StemCache::key(b"WoRd", true),
            StemCache::key(b"word", false)
        );
    }

    #[test]
    fn tokens_carry_code_point_offsets() {
        let text = "Ünïcödé “quoted words here” – ok.";
        let a = Analysis::new(text, Some(Lang::En));
        let t = &a.tokens[1];
        let chars: Vec<char> = text.chars().collect();
        let got: String = chars[t.cstart as usize..t.cend() as usize].iter().collect();
        assert_eq!(got, "quoted");
        assert!(t.quoted());
        assert!(!a.tokens[0].quoted());
        assert!(!a.tokens.last().is_some_and(|t| t.quoted()));
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
            .filter(|t| t.sentence_start())
            .map(|t| &a.text[t.start as usize..t.end() as usize])
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
        for hint in [None, Some(0), Some(1), Some(2), Some(99)] {
            assert_eq!(a.evidence_bytes_near(0, 6, hint).as_ref(), Some(&e));
            let far = a.evidence_bytes_near(12, 18, hint).expect("far");
            assert_eq!((far.start, far.end), (9, 12));
        }
        assert_eq!((e.start, e.end), (0, 3));
        assert!(a.evidence_bytes(1, 2).is_none());
        assert!(a.evidence(5, 9).is_none());
    }

    #[test]
    fn open_quotation_ends_at_paragraph() {
        let a = Analysis::new("He said: “This goes on\n\nNext paragraph here.", None);
        assert_eq!(a.quotations.len(), 1);
        assert!(!a.tokens.last().is_some_and(|t| t.quoted()));
    }

    /// The ASCII fast path must give exactly the Unicode segments: random strings over an
    /// alphabet of the characters the rules care about (letters, digits, infix punctuation,
    /// spaces, line ends) and of the non-ASCII ones that change them (accents, combining
    /// marks, soft hyphen, ZWJ, curly quotes, other spaces, Cyrillic, CJK, emoji, flags).
    #[test]
    fn fast_segments_equal_unicode_segments() {
        const ALPHABET: &[&str] = &[
            "a",
            "Z",
            "e",
            "1",
            "0",
            "_",
            ".",
            ",",
            ";",
            ":",
            "'",
            "\"",
            "-",
            "!",
            "?",
            " ",
            " ",
            " ",
            "  ",
            "\t",
            "\n",
            "\r",
            "\r\n",
            "\u{b}",
            "\u{c}",
            "`",
            "/",
            "(",
            "é",
            "É",
            "ü",
            "\u{301}",
            "\u{ad}",
            "\u{200d}",
            "\u{200b}",
            "\u{2019}",
            "\u{2018}",
            "“",
            "”",
            "«",
            "»",
            "\u{a0}",
            "\u{3000}",
            "\u{2029}",
            "\u{2028}",
            "…",
            "ж",
            "Я",
            "中",
            "カ",
            "ー",
            "👍",
            "\u{1f3fd}",
            "\u{1f1fa}",
            "\u{1f1f8}",
            "٣",
            "\u{5d0}",
            "·",
            "word",
            "Mr",
            "U.S",
            "3.5",
            "1,000",
            "don't",
            "l'Occident",
            "e.g",
            "a_b",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let check = |text: &str| {
            let fast: Vec<(usize, &str)> = segments(text).collect();
            let unicode: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
            assert_eq!(fast, unicode, "{text:?}");
        };
        for _ in 0..20_000 {
            let n = (next() % 24) as usize;
            // Mostly ASCII, like an English article, sometimes mostly not.
            let ascii_only = next() % 3 == 0;
            let text: String = (0..n)
                .map(|_| {
                    let k = (next() as usize) % ALPHABET.len();
                    if ascii_only && !ALPHABET[k].is_ascii() {
                        "a"
                    } else {
                        ALPHABET[k]
                    }
                })
                .collect();
            check(&text);
        }
        for text in [
            include_str!("../../../tests/fixtures/markers/snapshots/odd-unicode.txt"),
            include_str!("../../../tests/fixtures/markers/snapshots/generated-en.txt"),
            include_str!("../../../tests/fixtures/reference-article.html"),
            include_str!("../../../tests/fixtures/markers/corpus.json"),
        ] {
            check(text);
        }
    }

    /// The stage as it was before its fast paths (UAX #29 on every character, the quotation
    /// scan char by char): tokens as `(start, end, cstart, cend, stem, sentence,
    /// sentence_start, capitalized, quoted)`, the stream and the quotations.
    #[allow(clippy::type_complexity)]
    fn reference_analysis(
        text: &str,
        lang: Option<Lang>,
    ) -> (
        Vec<(usize, usize, usize, usize, String, usize, bool, bool, bool)>,
        String,
        Vec<(usize, usize, usize, usize)>,
    ) {
        let stemmer = lang.map(|l| rust_stemmers::Stemmer::create(l.stemmer()));
        let mut toks = Vec::new();
        let mut stream = String::new();
        let mut lower = String::new();
        let (mut chars, mut sentence) = (0usize, 0usize);
        let (mut gap_terminator, mut gap_newline, mut prev_abbrev) = (false, false, false);
        for (start, seg) in text.split_word_bound_indices() {
            let seg_chars = seg.chars().count();
            if !seg.chars().any(char::is_alphanumeric) {
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
            if seg.len() > MAX_WORD_BYTES {
                chars += seg_chars;
                continue;
            }
            let seg_start = (start, chars);
            chars += seg_chars;
            for (start, seg) in pieces(start, seg) {
                let seg_chars = seg.chars().count();
                let cstart = seg_start.1 + text[seg_start.0..start].chars().count();
                let first = seg.chars().next().unwrap_or(' ');
                let capitalized = first.is_uppercase();
                let new_sentence = toks.is_empty()
                    || gap_newline
                    || (gap_terminator && !prev_abbrev && (capitalized || !first.is_lowercase()));
                if new_sentence && !toks.is_empty() {
                    sentence += 1;
                }
                if new_sentence {
                    stream.push_str(" #");
                }
                stream.push(' ');
                lower.clear();
                normalize_into(seg, &mut lower);
                let st = match &stemmer {
                    Some(st) => stem(st, &lower).into_owned(),
                    None => lower.clone(),
                };
                stream.push_str(&st);
                prev_abbrev =
                    (seg_chars == 1 && capitalized) || ABBREVIATIONS.contains(&lower.as_str());
                toks.push((
                    start,
                    start + seg.len(),
                    cstart,
                    cstart + seg_chars,
                    st,
                    sentence,
                    new_sentence,
                    capitalized,
                    false,
                ));
                gap_terminator = false;
                gap_newline = false;
            }
        }
        stream.push(' ');
        // Quotations, char by char.
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
        let mut quotations = Vec::new();
        let mut t = 0;
        for (s, e) in spans {
            while t < toks.len() && toks[t].0 < s {
                t += 1;
            }
            let first = t;
            while t < toks.len() && toks[t].1 <= e {
                toks[t].8 = true;
                t += 1;
            }
            quotations.push((s, e, first, t));
        }
        (toks, stream, quotations)
    }

    /// The fast analysis equals the reference one on random text: words, sentence ends,
    /// abbreviations, elisions, quotation marks of every kind, paragraph breaks, quotations
    /// longer than the limit, and non-ASCII characters among ASCII.
    #[test]
    fn analysis_equals_the_reference_implementation() {
        const PARTS: &[&str] = &[
            "word",
            "Word",
            "the",
            "Mr",
            "U.S",
            "e.g",
            "A",
            "I",
            "said",
            "3.5",
            "1,000",
            "don't",
            "l'Occident",
            "L'État",
            "qu'il",
            "d’Europe",
            "naïve",
            "Запад",
            "ёлка",
            "Straße",
            "İstanbul",
            "a_b",
            "_",
            " ",
            " ",
            " ",
            ", ",
            ". ",
            "! ",
            "? ",
            "… ",
            "\n",
            "\n\n",
            "\r\n\r\n",
            "\"",
            "“",
            "”",
            "«",
            "»",
            "„",
            "“",
            "‹",
            "›",
            "'",
            "’",
            "`",
            "(",
            ")",
            "-",
            "—",
            ":",
            ";",
            "\u{ad}",
            "\u{301}",
            "\u{2029}",
            "\u{a0}",
            "中文",
            "👍",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let check = |text: &str, lang: Option<Lang>| {
            let a = Analysis::new(text, lang);
            let got: Vec<_> = a
                .tokens
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    (
                        t.start as usize,
                        t.end() as usize,
                        t.cstart as usize,
                        t.cend() as usize,
                        a.stem(i).to_string(),
                        t.sentence as usize,
                        t.sentence_start(),
                        t.capitalized(),
                        t.quoted(),
                    )
                })
                .collect();
            let quotations: Vec<_> = a
                .quotations
                .iter()
                .map(|q| (q.start, q.end, q.first, q.last))
                .collect();
            let (want, stream, want_q) = reference_analysis(text, lang);
            assert_eq!(got, want, "{text:?}");
            assert_eq!(a.stream, stream, "{text:?}");
            assert_eq!(quotations, want_q, "{text:?}");
        };
        let langs = [Some(Lang::En), Some(Lang::Ru), Some(Lang::Fr), None];
        for round in 0..3_000 {
            let n = (next() % 40) as usize;
            let mut text = String::new();
            for _ in 0..n {
                text.push_str(PARTS[(next() as usize) % PARTS.len()]);
                // Now and then a quotation longer than the limit.
                if next() % 200 == 0 {
                    text.push_str(&"x ".repeat(MAX_QUOTATION_BYTES / 2 + (next() % 3) as usize));
                }
            }
            check(&text, langs[round % langs.len()]);
        }
        for text in [
            include_str!("../../../tests/fixtures/markers/snapshots/odd-unicode.txt"),
            include_str!("../../../tests/fixtures/markers/snapshots/generated-en.txt"),
            include_str!("../../../tests/fixtures/reference-article.html"),
        ] {
            check(text, Some(Lang::En));
        }
        // Words right at the length limit: the longer ones are skipped, offsets after them hold.
        for n in MAX_WORD_BYTES - 2..MAX_WORD_BYTES + 3 {
            for fill in ["x", "é", "Я"] {
                let word = fill.repeat(n / fill.len());
                check(&format!("He said {word}. The next one"), Some(Lang::En));
                check(&format!("{word}’s “{word}” l'{word} ok"), Some(Lang::Fr));
            }
        }
        // Quotations right at the length limit.
        for n in MAX_QUOTATION_BYTES - 4..MAX_QUOTATION_BYTES + 4 {
            for (open, close) in [("\"", "\""), ("“", "”"), ("«", "»")] {
                for fill in ["x", " ", "é"] {
                    let body = fill.repeat(n / fill.len());
                    check(&format!("a {open}{body}{close} b"), Some(Lang::En));
                    check(&format!("{open}{body}\n\nb"), Some(Lang::En));
                    check(&format!("{open}{body}"), None);
                }
            }
        }
    }

    #[test]
    fn an_overlong_word_is_skipped_and_the_offsets_after_it_hold() {
        let blob = "é".repeat(MAX_WORD_BYTES); // one "word" of 2,048 bytes, 1,024 code points
        let text = format!("Experts say {blob} he lied");
        let a = Analysis::new(&text, Some(Lang::En));
        let words: Vec<&str> = (0..a.tokens.len()).map(|i| a.surface(i, i + 1)).collect();
        assert_eq!(words, ["Experts", "say", "he", "lied"]);
        let he = a.tokens[2];
        assert_eq!(
            he.cstart as usize,
            "Experts say ".len() + MAX_WORD_BYTES + 1
        );
        assert_eq!(std::mem::size_of::<Token>(), 24);
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
