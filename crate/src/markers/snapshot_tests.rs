//! Regression guard for performance work on the markers stage: every marker (at any strength)
//! and every `ptc` line that `detect` gives on a fixed set of inputs must stay byte-identical
//! to tests/fixtures/markers/snapshots/markers.snapshot.
//!
//! The snapshot is NOT a statement of what the markers should be: it records what they were
//! when it was taken, so that a speed-up (tokenizer fast path, hasher, automaton merge...)
//! cannot silently change what is found. Correctness lives in the rule tests (tests.rs), the
//! team corpus and the held-out evaluation. When a change is MEANT to alter the markers (a
//! lexicon edit, a rule fix, a change in page extraction), review the diff and regenerate:
//!
//! `MASTHEAD_UPDATE_SNAPSHOTS=1 cargo test -p masthead --lib markers::snapshot_tests`

use super::*;
use crate::page;
use std::fmt::Write as _;

const SNAPSHOT: &str = "../tests/fixtures/markers/snapshots/markers.snapshot";

/// `(name, is_html, declared language, content)` for every input.
fn inputs() -> Vec<(String, bool, Option<String>, String)> {
    #[derive(serde::Deserialize)]
    struct Corpus {
        passages: Vec<Passage>,
    }
    #[derive(serde::Deserialize)]
    struct Passage {
        lang: String,
        text: String,
    }
    let corpus: Corpus =
        serde_json::from_str(include_str!("../../../tests/fixtures/markers/corpus.json"))
            .expect("corpus.json");
    let mut out = Vec::new();
    for (i, p) in corpus.passages.into_iter().enumerate() {
        // As the CLI reads it (no declared language) and as the extension does (declared).
        out.push((format!("corpus/{i}"), false, None, p.text.clone()));
        out.push((
            format!("corpus/{i}/{}", p.lang),
            false,
            Some(p.lang),
            p.text,
        ));
    }
    let html = [
        (
            "reference-article.html",
            include_str!("../../../tests/fixtures/reference-article.html"),
        ),
        (
            "sober-wire-en.html",
            include_str!("../../../tests/fixtures/markers/sober-wire-en.html"),
        ),
    ];
    for (name, content) in html {
        out.push((name.to_string(), true, None, content.to_string()));
        // `--format ptc` reads every file as plain text.
        out.push((format!("{name} as text"), false, None, content.to_string()));
    }
    let text = [
        (
            "generated-en.txt",
            include_str!("../../../tests/fixtures/markers/snapshots/generated-en.txt"),
        ),
        (
            "odd-unicode.txt",
            include_str!("../../../tests/fixtures/markers/snapshots/odd-unicode.txt"),
        ),
    ];
    for (name, content) in text {
        out.push((name.to_string(), false, None, content.to_string()));
    }
    // The odd input in each language's lexicon, and the generated text as Russian (a lexicon
    // that does not fit: the tokenizer and automata must still agree).
    let odd = text[1].1;
    for lang in ["en", "ru", "de", "fr", "es"] {
        out.push((
            format!("odd-unicode.txt/{lang}"),
            false,
            Some(lang.to_string()),
            odd.to_string(),
        ));
    }
    out
}

fn render() -> String {
    let mut s = String::new();
    for (name, html, lang, content) in inputs() {
        let mut p = if html {
            page::extract("https://example.org/article", &content)
        } else {
            page::from_text("file://article.txt", &content)
        };
        if lang.is_some() {
            p.meta.lang = lang;
        }
        let ms = detect(&p);
        let _ = writeln!(s, "== {name} ({:?})", detect_language(&p));
        for m in &ms {
            let _ = writeln!(s, "{}", serde_json::to_string(m).unwrap_or_default());
        }
        for m in &ms {
            if let Some(t) = &m.technique {
                for e in &m.evidence {
                    let _ = writeln!(s, "ptc\t{t}\t{}\t{}\t{:.2}", e.start, e.end, m.strength);
                }
            }
        }
    }
    s
}

#[test]
fn markers_match_the_snapshot() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT);
    let got = render();
    if std::env::var_os("MASTHEAD_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &got).expect("write snapshot");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        let diff = got
            .lines()
            .zip(want.lines())
            .enumerate()
            .find(|(_, (g, w))| g != w)
            .map(|(i, (g, w))| format!("first difference at line {}:\n got: {g}\nwant: {w}", i + 1))
            .unwrap_or_else(|| {
                format!(
                    "{} lines now, {} in the snapshot",
                    got.lines().count(),
                    want.lines().count()
                )
            });
        panic!("markers differ from {SNAPSHOT} (see the module comment):\n{diff}");
    }
}
