//! Native throughput of the markers stage (`markers::detect`), in MB/s of body text.
//!
//! `cargo run --release -p masthead --example markers_throughput [MB] [RUNS] [ONLY]`
//!
//! ONLY (`generated`, `repeated` or `reference`) runs one input, e.g. under callgrind.
//!
//! Three inputs, each measured best-of-RUNS (default 5) on one core, after one warm-up run
//! that also compiles the English lexicon:
//! - `generated`: MB (default 20) of English news text built from realistic article sentences
//!   (sober wire copy, quotations with speakers, vague attribution, some loaded and framing
//!   language), in paragraphs, picked by a fixed pseudo-random sequence;
//! - `reference x N`: the body text of tests/fixtures/reference-article.html repeated to the
//!   same size;
//! - `reference`: that article once (about 600 words), timed over many runs (the per-article
//!   cost, which is what the extension pays).
//!
//! Each line gives the best wall time and the best CPU time of this thread (from
//! /proc/thread-self/schedstat, Linux): on a loaded machine the CPU time is the fairer measure.
//! The page is built (`page::from_text` / `page::extract`) outside the timed region: only
//! `markers::detect` is measured. Linearity: the generated text is also measured at a tenth of
//! the size; the two rates should agree.

use masthead::{markers, page};
use std::time::{Duration, Instant};

const SENTENCES: &[&str] = &[
    "The central bank raised its key interest rate by a quarter of a percentage point on Wednesday, its third increase this year.",
    "\"Inflation remains above our target and we will act as needed,\" Governor Anna Berg told reporters in Stockholm.",
    "Economists polled by the agency had expected the move, although some had forecast a pause until the autumn.",
    "Western sanctions imposed on Russia in 2022 cut its exports of machinery to Europe by half, according to Eurostat data.",
    "Russian officials said the country had found new buyers in Asia and the Middle East.",
    "The company said it expects revenue to grow by 4% next year, helped by stronger demand in its home market.",
    "Its shares rose 2% in early trading in Frankfurt, while the broader market was flat.",
    "The ministry did not respond to a request for comment on Tuesday.",
    "Experts say the new rules could take years to implement fully.",
    "The deal is expected to be signed next month, two people familiar with the talks said.",
    "Officials in Brussels declined to comment on the report, which was first published by a German newspaper.",
    "Prime Minister Kaja Tamm told parliament that the government would not raise taxes before the election.",
    "\"We have made our position very clear,\" a spokesman for the ministry said.",
    "Critics called the plan a disgraceful betrayal of ordinary workers, and opposition leaders vowed to fight it.",
    "The outrageous decision by the corrupt elite was condemned by thousands of protesters in the capital.",
    "True patriots will stand up to defend our great nation, the party's leader told a rally on Saturday.",
    "The strike, which began on Monday, has disrupted rail services across the north of the country.",
    "Police said three people had been arrested and that an investigation was under way.",
    "According to the report, the number of asylum applications fell by 12% in the first half of the year.",
    "The United States and its allies have imposed several rounds of sanctions since the invasion.",
    "Some analysts believe the collective West is losing patience with the conflict, while others see no change in policy.",
    "The minister described the opposition as a gang of traitors and puppets of foreign interests.",
    "Moreover, the agreement is seen as a sign of closer economic ties between the two countries.",
    "However, the talks broke down late on Thursday after the two sides failed to agree on a timetable.",
    "Furthermore, the committee recommended that the budget for the programme be cut by a third.",
    "In conclusion, the findings suggest that more research is needed before any firm decision can be taken.",
    "The storm knocked out power to more than 200,000 homes and businesses, the utility said in a statement.",
    "Forecasters warned that heavy rain could cause flooding in low-lying areas over the weekend.",
    "It is widely believed that the president will seek a second term, although he has not announced his plans.",
    "The court ruled that the law was unconstitutional and ordered the government to rewrite it within six months.",
    "Everyone knows that the system is broken, the senator said, calling for a complete overhaul.",
    "The company, which employs about 15,000 people worldwide, said the job cuts would mainly affect its European operations.",
    "Prices of crude oil rose on Friday after producers signalled they would keep output unchanged.",
    "Data released by the statistics office showed that unemployment fell to 5.1% in March, the lowest level in a decade.",
    "The mayor said the city would open three new shelters before the winter and hire more social workers.",
    "Researchers at the university found that the vaccine reduced hospital admissions by 80% among older adults.",
    "The two leaders discussed trade, energy and security, and agreed to meet again later this year.",
    "Opposition lawmakers accused the government of a shameful cover-up and demanded a public inquiry.",
    "The ceasefire appeared to be holding on Sunday, although both sides reported sporadic shelling overnight.",
    "A spokeswoman for the European Commission said it was studying the proposal carefully.",
    "Either we act now or we lose everything, the campaign's leaflets warned voters.",
    "The museum, closed since the pandemic, will reopen to visitors in June after a two-year renovation.",
    "Observers believe the vote could be delayed until after the summer recess.",
    "The bill passed by 312 votes to 289 and now goes to the upper house.",
    "\"This is a dark day for democracy,\" said Maria Lopez, who leads the largest opposition party.",
    "Analysts at the bank expect growth to slow to 1.2% next year as higher borrowing costs weigh on spending.",
];

fn generate(bytes: usize) -> String {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut out = String::with_capacity(bytes + 1024);
    while out.len() < bytes {
        let n = 3 + (next() % 4) as usize;
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(SENTENCES[(next() as usize) % SENTENCES.len()]);
        }
        out.push_str("\n\n");
    }
    out
}

/// This thread's CPU time in nanoseconds (Linux: /proc/thread-self/schedstat), if readable.
/// On a shared machine, wall time includes the time other processes hold the core.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// Best wall time and best CPU time of `runs` calls of `markers::detect` on `page`, and the
/// marker and evidence counts.
fn best(page: &page::Page, runs: usize) -> (Duration, Option<Duration>, usize, usize) {
    let mut wall = Duration::MAX;
    let mut cpu: Option<Duration> = None;
    let (mut count, mut evidence) = (0, 0);
    for _ in 0..runs {
        let c0 = cpu_ns();
        let t = Instant::now();
        let m = markers::detect(page);
        wall = wall.min(t.elapsed());
        // The kernel's accounting is updated at scheduling events: ignore tiny runs.
        if let (Some(a), Some(b), true) = (c0, cpu_ns(), wall.as_millis() >= 20) {
            let d = Duration::from_nanos(b.saturating_sub(a));
            cpu = Some(cpu.map_or(d, |c| c.min(d)));
        }
        count = m.len();
        evidence = m.iter().map(|m| m.evidence.len()).sum();
    }
    (wall, cpu, count, evidence)
}

fn report(name: &str, bytes: usize, r: (Duration, Option<Duration>, usize, usize)) {
    let (wall, cpu, markers, evidence) = r;
    let rate = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    let cpu = cpu.map_or(String::new(), |c| {
        format!(
            "  cpu {:>8.2} ms {:>6.1} MB/s",
            c.as_secs_f64() * 1e3,
            rate(c)
        )
    });
    println!(
        "{name:<14} {:>6.2} MB  wall {:>8.2} ms {:>6.1} MB/s{cpu}  ({markers} markers, {evidence} spans)",
        bytes as f64 / 1e6,
        wall.as_secs_f64() * 1e3,
        rate(wall),
    );
}

fn main() {
    let mb: f64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20.0);
    let runs: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let size = (mb * 1e6) as usize;
    let only = std::env::args().nth(3).unwrap_or_default();
    let run = |name: &str| only.is_empty() || only == name;

    let text = generate(size);
    let p = page::from_text("file://generated.txt", &text);
    let t = Instant::now();
    let _ = markers::lexicon::lexicon(markers::Lang::En);
    println!(
        "English lexicon compiled in {:.2} ms (once per process)",
        t.elapsed().as_secs_f64() * 1e3
    );
    if run("generated") {
        let _ = markers::detect(&p); // warm-up
        report("generated", p.body.text.len(), best(&p, runs));
        let small = generate(size / 10);
        let ps = page::from_text("file://generated-small.txt", &small);
        report("generated /10", ps.body.text.len(), best(&ps, runs));
    }

    let html = include_str!("../../tests/fixtures/reference-article.html");
    let reference = page::extract("https://sputnikglobe.com/x", html);
    let body = reference.body.text.clone();
    let mut repeated = String::with_capacity(size + body.len());
    while repeated.len() < size {
        repeated.push_str(&body);
        repeated.push_str("\n\n");
    }
    if run("repeated") {
        let pr = page::from_text("file://reference-repeated.txt", &repeated);
        report("reference x N", pr.body.text.len(), best(&pr, runs));
    }
    if run("reference") {
        report(
            "reference",
            reference.body.text.len(),
            best(&reference, 200.max(runs)),
        );
    }
}
