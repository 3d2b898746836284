#!/usr/bin/env bash
# Native benchmarks of the core (crate/benches/core.rs, criterion), then a summary written into
# BENCHMARKS.md between the "native" markers, with the machine named and every ratio taken
# from numbers measured in this same run.
#
#   tests/bench/native.sh            all groups (about 3 minutes on 2 cores)
#   tests/bench/native.sh sweep      only the groups whose name matches (criterion filter)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"
OUT=target/criterion
rm -rf "$OUT"
cargo bench -p masthead --bench core -- "$@" 2>&1 | grep -vE '^\s*$|^Benchmarking .*: (Warming|Collecting|Analyzing)' || true

python3 - "$OUT" BENCHMARKS.md <<'PY'
import json, os, re, subprocess, sys, datetime
out, md_path = sys.argv[1], sys.argv[2]

def lscpu(field):
    for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
        if line.split(":")[0].strip() == field:
            return line.split(":", 1)[1].strip()
    return "?"

def opt_level():
    m = re.search(r'^\[profile\.release\][^\[]*?^opt-level\s*=\s*"?(\w+)"?', open("Cargo.toml").read(), re.M | re.S)
    return m.group(1) if m else "?"

def rustc():
    return subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()

results = {}
for root, dirs, files in os.walk(out):
    if root.endswith("/new") and "estimates.json" in files and "benchmark.json" in files:
        b = json.load(open(os.path.join(root, "benchmark.json")))
        e = json.load(open(os.path.join(root, "estimates.json")))
        ns = e["median"]["point_estimate"]
        tp = b.get("throughput") or {}
        results[(b["group_id"], b.get("function_id") or "", b.get("value_str") or "")] = (ns, tp)

def fmt_time(ns):
    for unit, div in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= div:
            return f"{ns / div:.3g} {unit}"
    return f"{ns:.3g} ns"

def rate(ns, tp):
    if "Bytes" in tp:
        return f"{tp['Bytes'] / (ns / 1e9) / 1e6:.1f} MB/s"
    if "Elements" in tp:
        return f"{tp['Elements'] / (ns / 1e9):,.0f} /s"
    return ""

lines = []
cpu = lscpu("Model name")
lines.append(f"Machine: {cpu}, {lscpu('CPU(s)')} logical CPUs ({lscpu('Thread(s) per core')} per core); "
             f"{rustc()}; release profile (opt-level {opt_level()}, LTO); one core; "
             f"run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC. "
             "Median of 10 samples (criterion).")
lines.append("")
stages = ["extract", "identify", "markers", "analyze"]
pages = sorted({k[2] or k[1] for k in results if k[0] in stages},
               key=lambda p: ["small", "reference", "sober-wire", "huge-2MB"].index(p) if p in ["small", "reference", "sober-wire", "huge-2MB"] else 9)
if pages:
    lines.append("| page | bytes | " + " | ".join(stages) + " | analyze rate |")
    lines.append("|---|---:|" + "---:|" * len(stages) + "---:|")
    for p in pages:
        row, size, arate = [], "", ""
        for s in stages:
            r = results.get((s, "", p)) or results.get((s, p, ""))
            if r:
                row.append(fmt_time(r[0]))
                size = str(r[1].get("Bytes", ""))
                if s == "analyze":
                    arate = rate(*r)
            else:
                row.append("–")
        lines.append(f"| {p} | {size} | " + " | ".join(row) + f" | {arate} |")
    lines.append("")
sweep = [(k[2], v) for k, v in results.items() if k[0] == "sweep" and k[1] == "analyze"]
order = ["1KB", "10KB", "100KB", "1MB", "8MB", "10MB"]
sweep.sort(key=lambda x: order.index(x[0]) if x[0] in order else 99)
if sweep:
    base = dict((k[2], v) for k, v in results.items() if k[0] == "sweep" and k[1] == "baseline")
    first = sweep[0][1]
    per_byte0 = first[0] / first[1]["Bytes"]
    lines.append("Size sweep (`analyze` on generated articles; `memchr` = a plain `memchr` count of `<` over the "
                 "same bytes, the cheapest possible pass, measured in the same run):")
    lines.append("")
    lines.append("| size | bytes | analyze | rate | ns/byte ÷ the 1 KB case | time ÷ memchr pass |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for label, (ns, tp) in sweep:
        b = base.get(label)
        vs = f"{ns / b[0]:,.0f}×" if b else "–"
        note = " (cut at 8 MB)" if label == "10MB" else ""
        lines.append(f"| {label}{note} | {tp['Bytes']} | {fmt_time(ns)} | {rate(ns, tp)} | "
                     f"{(ns / tp['Bytes']) / per_byte0:.2f} | {vs} |")
    lines.append("")
hosts = [(k, v) for k, v in results.items() if k[0] == "identify_hosts"]
for k, (ns, tp) in hosts:
    lines.append(f"Batch identify (`{k[1] or k[2]}`, generic rules only, the host mix of "
                 f"`examples/identify_throughput.rs`): {rate(ns, tp).replace(' /s', ' hosts/s')}.")
    lines.append("")

block = "<!-- native:begin (written by tests/bench/native.sh) -->\n" + "\n".join(lines) + "<!-- native:end -->"
md = open(md_path).read() if os.path.exists(md_path) else "# Benchmarks\n"
if "<!-- native:begin" in md:
    md = re.sub(r"<!-- native:begin.*?<!-- native:end -->", lambda _: block, md, flags=re.S)
else:
    md = md.rstrip() + "\n\n## Native core\n\n" + block + "\n"
open(md_path, "w").write(md)
print("\n".join(lines))
PY
