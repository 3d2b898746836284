//! Which language an article is written in, among the five Masthead has lexicons for.
//!
//! `whatlang` decides from the body text (a bounded sample); when it is unsure, the page's own
//! `<html lang>` decides. A page in another language gets no lexical markers at all (only the
//! language-independent ones): a wrong lexicon would only produce noise.

use serde::Serialize;

/// The languages with lexicons and rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ru,
    De,
    Fr,
    Es,
}

/// The language detector reads a bounded sample of the body text: its cost grows with the input
/// (in wasm, 0.8 ms for 6,000 bytes, a third of the analysis of a typical article). It first
/// reads [`FIRST_SAMPLE_BYTES`] (some 150 words), which settle almost every article, and only
/// when unsure reads [`SAMPLE_BYTES`] (1,500 Cyrillic letters, some 450 words), which decide as
/// well as the whole article.
const FIRST_SAMPLE_BYTES: usize = 1_000;
const SAMPLE_BYTES: usize = 3_000;
/// Below this many words an unsure, undeclared text gets no language.
const MIN_GUESS_WORDS: usize = 4;

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Ru, Lang::De, Lang::Fr, Lang::Es];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// Position in [`Lang::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// Reads a BCP 47 tag such as `en-GB` or `ru`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    fn from_whatlang(l: whatlang::Lang) -> Option<Lang> {
        match l {
            whatlang::Lang::Eng => Some(Lang::En),
            whatlang::Lang::Rus => Some(Lang::Ru),
            whatlang::Lang::Deu => Some(Lang::De),
            whatlang::Lang::Fra => Some(Lang::Fr),
            whatlang::Lang::Spa => Some(Lang::Es),
            _ => None,
        }
    }

    pub(crate) fn stemmer(self) -> rust_stemmers::Algorithm {
        use rust_stemmers::Algorithm as A;
        match self {
            Lang::En => A::English,
            Lang::Ru => A::Russian,
            Lang::De => A::German,
            Lang::Fr => A::French,
            Lang::Es => A::Spanish,
        }
    }
}

/// The article's language: `whatlang` on the text when it is confident, else the page's
/// declared language, else `whatlang`'s best guess among the five. `None` when the text is in
/// another language (or there is too little text to tell and no declaration).
pub fn detect(text: &str, declared: Option<&str>) -> Option<Lang> {
    let declared = declared.and_then(Lang::from_tag);
    // First, unrestricted: a confident answer outside the five means "not ours". A short
    // sample first; the longer one only when the short one is unsure (or is all there is).
    let first = prefix(text, FIRST_SAMPLE_BYTES);
    if let Some(info) = whatlang::detect(first) {
        if info.is_reliable() {
            return Lang::from_whatlang(info.lang()).or(declared);
        }
    }
    let sample = prefix(text, SAMPLE_BYTES);
    if sample.len() > first.len() {
        if let Some(info) = whatlang::detect(sample) {
            if info.is_reliable() {
                return Lang::from_whatlang(info.lang()).or(declared);
            }
        }
    }
    if declared.is_some() {
        return declared;
    }
    let allow = vec![
        whatlang::Lang::Eng,
        whatlang::Lang::Rus,
        whatlang::Lang::Deu,
        whatlang::Lang::Fra,
        whatlang::Lang::Spa,
    ];
    // With too few words even the restricted guess is noise.
    if sample.split_whitespace().count() < MIN_GUESS_WORDS {
        return None;
    }
    let info = whatlang::Detector::with_allowlist(allow).detect(sample)?;
    Lang::from_whatlang(info.lang())
}

/// At most `max` bytes of `text`, cut at a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    let mut cut = text.len().min(max);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_five_languages() {
        let cases = [
            ("The government said on Tuesday that it would raise taxes on imported steel and aluminium next year.", Lang::En),
            ("Правительство во вторник заявило, что в следующем году повысит пошлины на импортную сталь и алюминий.", Lang::Ru),
            ("Die Regierung teilte am Dienstag mit, dass sie die Zölle auf importierten Stahl im nächsten Jahr erhöhen werde.", Lang::De),
            ("Le gouvernement a annoncé mardi qu'il augmenterait l'année prochaine les droits de douane sur l'acier importé.", Lang::Fr),
            ("El gobierno anunció el martes que el próximo año aumentará los aranceles sobre el acero importado.", Lang::Es),
        ];
        for (text, lang) in cases {
            assert_eq!(detect(text, None), Some(lang), "{text}");
        }
    }

    #[test]
    fn other_languages_get_none_and_declaration_breaks_ties() {
        assert_eq!(
            detect("Il governo ha annunciato martedì che aumenterà i dazi sull'acciaio importato il prossimo anno.", None),
            None
        );
        assert_eq!(detect("", Some("de-AT")), Some(Lang::De));
        assert_eq!(detect("", Some("zh")), None);
        assert_eq!(detect("", None), None);
    }

    #[test]
    fn an_unsure_first_sample_reads_further() {
        // A results table first (no letters in the short sample), then Italian prose: the
        // longer sample recognizes Italian, which is none of ours. Deciding on the short sample
        // alone would fall back to a guess among the five.
        let table = "12-0, 3-1, 2-2; ".repeat(FIRST_SAMPLE_BYTES / 16 + 1);
        let italian = "Il governo ha annunciato martedì che aumenterà i dazi sull'acciaio importato il prossimo anno, \
                       mentre i sindacati chiedono nuove misure per proteggere i lavoratori delle acciaierie del nord. ";
        let text = format!("{table}{}", italian.repeat(4));
        assert!(
            whatlang::detect(prefix(&text, FIRST_SAMPLE_BYTES)).is_none_or(|i| !i.is_reliable())
        );
        assert_eq!(detect(&text, None), None);
    }

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag(""), None);
    }
}
