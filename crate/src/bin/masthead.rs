//! `masthead`: the same Report the extension shows, for saved pages, text files and URLs.
//!
//! Arguments are parsed by hand: three subcommands with a few flags each do not justify a
//! parser dependency, and the usage text below is the whole interface.

use masthead::identity::{self, Options};
use masthead::{analyze, analyze_text, markers, page};
use serde_json::json;
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
masthead: who is speaking on a news page, and how (everything runs locally)

USAGE:
  masthead analyze FILE_OR_URL... [--url URL] [--text] [--pretty]
      Print the Report as JSON. FILE may be a saved page (.html), a text file (.txt, or
      --text), '-' for stdin, or an http(s) URL to fetch. --url sets the address the page
      was served at (default: the URL fetched, or file://NAME).
  masthead identify URL_OR_HOST... [--html FILE] [--generic-only]
  masthead identify --batch FILE [--generic-only]        (FILE '-' reads stdin)
      Print one JSON object per input: input, host, site, verdict, outlet, imitates, reason.
      --html adds the page's own claim (one input only); --generic-only ignores the clone
      domains the registry lists by name.
  masthead markers FILE... [--format json|ptc] [--threshold X]
      Print the markers of each file as JSON; with --format ptc each file is plain UTF-8
      text and each persuasion-technique span prints as ID<TAB>TECHNIQUE<TAB>START<TAB>END
      (code points; ID from the file name, article123.txt -> 123).
  masthead --version
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("analyze") => cmd_analyze(&args[1..]),
        Some("identify") => cmd_identify(&args[1..]),
        Some("markers") => cmd_markers(&args[1..]),
        Some("--version" | "-V") => {
            println!("masthead {}", masthead::VERSION);
            Ok(())
        }
        Some("--help" | "-h" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("expected a subcommand\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("masthead: {e}");
            ExitCode::from(2)
        }
    }
}

/// Splits flags (with their values) from positional arguments.
struct Args {
    positional: Vec<String>,
    flags: Vec<(String, Option<String>)>,
}

impl Args {
    fn parse(args: &[String], with_value: &[&str], switches: &[&str]) -> Result<Args, String> {
        let mut out = Args {
            positional: Vec::new(),
            flags: Vec::new(),
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if with_value.contains(&a.as_str()) {
                let v = it.next().ok_or_else(|| format!("{a} needs a value"))?;
                out.flags.push((a.clone(), Some(v.clone())));
            } else if switches.contains(&a.as_str()) {
                out.flags.push((a.clone(), None));
            } else if a.starts_with("--") {
                return Err(format!("unknown option {a}\n\n{USAGE}"));
            } else {
                out.positional.push(a.clone());
            }
        }
        Ok(out)
    }
    fn value(&self, name: &str) -> Option<&str> {
        self.flags
            .iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| v.as_deref())
    }
    fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(k, _)| k == name)
    }
}

fn read_input(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("stdin: {e}"))?;
        buf
    } else if path.starts_with("http://") || path.starts_with("https://") {
        fetch(path)?
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))?
    };
    // Pages are strangers' bytes: invalid UTF-8 becomes U+FFFD, never an error.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(not(target_arch = "wasm32"))]
fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let resp = ureq::get(url).call().map_err(|e| format!("{url}: {e}"))?;
    let mut buf = Vec::new();
    resp.into_reader()
        .take(64 << 20)
        .read_to_end(&mut buf)
        .map_err(|e| format!("{url}: {e}"))?;
    Ok(buf)
}

#[cfg(target_arch = "wasm32")]
fn fetch(url: &str) -> Result<Vec<u8>, String> {
    Err(format!("{url}: fetching is not available in this build"))
}

fn looks_like_text(path: &str, content: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".txt") || lower.ends_with(".text") {
        return true;
    }
    let head: String = content
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    !(head.contains("<html")
        || head.contains("<!doctype")
        || head.contains("<body")
        || head.contains("<p")
        || head.contains("<meta"))
}

fn print_json(value: &impl serde::Serialize, pretty: bool) -> Result<(), String> {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{}", text.map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

fn cmd_analyze(args: &[String]) -> Result<(), String> {
    let a = Args::parse(args, &["--url"], &["--text", "--pretty"])?;
    if a.positional.is_empty() {
        return Err(format!("analyze needs a file or URL\n\n{USAGE}"));
    }
    for input in &a.positional {
        let content = read_input(input)?;
        let url = a.value("--url").map(str::to_string).unwrap_or_else(|| {
            if input.starts_with("http") {
                input.clone()
            } else {
                format!("file://{input}")
            }
        });
        let report = if a.has("--text") || looks_like_text(input, &content) {
            analyze_text(&url, &content)
        } else {
            analyze(&url, &content)
        };
        print_json(&report, a.has("--pretty"))?;
    }
    Ok(())
}

fn identify_line(input: &str, page: Option<&page::Page>, options: Options) -> serde_json::Value {
    let id = identity::identify(input, page, options);
    json!({
        "input": input,
        "host": id.host.as_ref().map(|h| h.host.clone()),
        "site": id.host.as_ref().map(|h| h.site.clone()),
        "verdict": id.verdict,
        "outlet": id.outlet.as_ref().map(|o| json!({"id": o.id, "name": o.name})),
        "imitates": id.imitates,
        "claimed": id.claimed,
        "confidence": id.confidence,
        "reason": id.reason,
    })
}

fn cmd_identify(args: &[String]) -> Result<(), String> {
    let a = Args::parse(args, &["--batch", "--html"], &["--generic-only"])?;
    let options = Options {
        generic_only: a.has("--generic-only"),
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut emit = |v: serde_json::Value| writeln!(out, "{v}").map_err(|e| e.to_string());
    if let Some(batch) = a.value("--batch") {
        let reader: Box<dyn BufRead> = if batch == "-" {
            Box::new(io::BufReader::new(io::stdin()))
        } else {
            Box::new(io::BufReader::new(
                std::fs::File::open(batch).map_err(|e| format!("{batch}: {e}"))?,
            ))
        };
        for line in reader.split(b'\n') {
            let line = line.map_err(|e| e.to_string())?;
            let line = String::from_utf8_lossy(&line);
            let input = line.trim();
            if input.is_empty() {
                continue;
            }
            emit(identify_line(input, None, options))?;
        }
        return Ok(());
    }
    if a.positional.is_empty() {
        return Err(format!(
            "identify needs a URL or host, or --batch FILE\n\n{USAGE}"
        ));
    }
    let page = match a.value("--html") {
        Some(path) if a.positional.len() == 1 => {
            Some(page::extract(&a.positional[0], &read_input(path)?))
        }
        Some(_) => return Err("--html goes with exactly one URL".into()),
        None => None,
    };
    for input in &a.positional {
        emit(identify_line(input, page.as_ref(), options))?;
    }
    Ok(())
}

/// `article123.txt` -> `123`; a name without digits is used whole (without extension).
fn article_id(path: &str) -> String {
    let name = std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(path);
    let digits: String = name
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.is_empty() {
        name.to_string()
    } else {
        digits
    }
}

fn cmd_markers(args: &[String]) -> Result<(), String> {
    let a = Args::parse(args, &["--format", "--threshold"], &["--pretty"])?;
    let threshold = match a.value("--threshold") {
        Some(v) => v
            .parse::<f32>()
            .map_err(|_| format!("--threshold takes a number, not {v:?}"))?,
        None => markers::DEFAULT_THRESHOLD,
    };
    let format = a.value("--format").unwrap_or("json");
    if a.positional.is_empty() {
        return Err(format!("markers needs a file\n\n{USAGE}"));
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    for path in &a.positional {
        let content = read_input(path)?;
        match format {
            "ptc" => {
                let page = page::from_text(path, &content);
                let id = article_id(path);
                for m in markers::detect(&page)
                    .iter()
                    .filter(|m| m.strength >= threshold)
                {
                    let Some(technique) = &m.technique else {
                        continue;
                    };
                    for e in &m.evidence {
                        writeln!(out, "{id}\t{technique}\t{}\t{}", e.start, e.end)
                            .map_err(|e| e.to_string())?;
                    }
                }
            }
            "json" => {
                let page = if looks_like_text(path, &content) {
                    page::from_text(path, &content)
                } else {
                    page::extract(path, &content)
                };
                let found: Vec<_> = markers::detect(&page)
                    .into_iter()
                    .filter(|m| m.strength >= threshold)
                    .collect();
                let v = json!({"file": path, "markers": found});
                let text = if a.has("--pretty") {
                    serde_json::to_string_pretty(&v)
                } else {
                    serde_json::to_string(&v)
                };
                writeln!(out, "{}", text.map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
            }
            other => return Err(format!("unknown format {other:?} (json or ptc)")),
        }
    }
    Ok(())
}
