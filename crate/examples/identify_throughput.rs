//! Native throughput of batch identification (`masthead identify --batch`), hosts only.
//!
//! `cargo run --release -p masthead --example identify_throughput [N]`
//!
//! Builds N hosts (default 200,000) in four kinds (registry domains and their subdomains,
//! lookalike patterns of registry names, and unrelated random names), identifies each with
//! the generic rules alone and prints hosts per second, after one warm-up pass that also
//! builds the index. It measures identification only, not JSON output or I/O.

use masthead::identity::{self, registry, Options, Verdict};
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200_000);
    let reg = registry::registry();
    let domains: Vec<&str> = reg.domains().map(|(h, _, _)| h).collect();
    let endings = ["ltd", "com", "news", "de", "com.co", "info", "online", "fr"];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let hosts: Vec<String> = (0..n)
        .map(|i| {
            let d = domains[(next() as usize) % domains.len().max(1)];
            let label = d.split('.').next().unwrap_or(d);
            let end = endings[(next() as usize) % endings.len()];
            match i % 4 {
                0 => format!("www.{d}"),
                1 => format!("{label}.{end}"),
                2 => format!("{label}-news{}.{end}", next() % 100),
                _ => format!("x{:x}.{end}", next() % 1_000_000),
            }
        })
        .collect();
    let options = Options { generic_only: true };
    let t0 = Instant::now();
    let _ = identity::identify("spiegel.ltd", None, options);
    let warm = t0.elapsed();
    let start = Instant::now();
    let mut lookalikes = 0usize;
    for h in &hosts {
        if identity::identify(h, None, options).verdict == Verdict::Lookalike {
            lookalikes += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "identify: {n} hosts in {secs:.3} s = {:.0} hosts/s ({lookalikes} lookalikes); first call (index build) {:.1} ms; registry {} outlets, {} domains",
        n as f64 / secs,
        warm.as_secs_f64() * 1000.0,
        reg.outlets.len(),
        domains.len()
    );
}
