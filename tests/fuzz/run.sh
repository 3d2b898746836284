#!/usr/bin/env bash
# Bounded fuzzing of every core entry point that takes page input, with cargo-fuzz (libFuzzer).
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]   each target for SECONDS (default 60)
#
# Targets (crate/fuzz/fuzz_targets/): extract (HTML), identify (URL + HTML), markers (plain
# text, with the evidence-offset checks), analyze (URL + HTML, the whole Report). Seeds come
# from tests/fixtures on every run; the corpus grows in crate/fuzz/corpus/ (not committed).
# A crash leaves its input in crate/fuzz/artifacts/TARGET/ and fails the run. The totals go
# to target/fuzz-summary.txt (what BENCHMARKS.md's "Fuzzing" section records).
#
# Needs a nightly toolchain (libFuzzer's sanitizer flags) and cargo-fuzz; both are installed
# when missing. MASTHEAD_FUZZ_RECORD=0 leaves BENCHMARKS.md alone (the short CI pass).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PATH"
SECS=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(extract identify markers analyze)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --quiet

FUZZ=crate/fuzz
seed() {
  local target=$1 dir=$FUZZ/corpus/$1
  mkdir -p "$dir"
  local i=0
  while IFS= read -r f; do
    i=$((i + 1))
    case $target in
      extract) cp "$f" "$dir/seed-$i" ;;
      markers) python3 -c 'import html,re,sys; t=open(sys.argv[1],encoding="utf-8",errors="replace").read(); t=re.sub(r"(?s)<(script|style)[^>]*>.*?</\1>","",t); print(html.unescape(re.sub(r"<[^>]+>","\n",t)))' "$f" > "$dir/seed-$i" ;;
      *) { echo "https://www.example-news.com/politics/2024/article-$i.html"; cat "$f"; } > "$dir/seed-$i" ;;
    esac
  done < <(find tests/fixtures -name '*.html' -size -512k | sort)
  if [ "$target" = identify ]; then
    for u in https://www.spiegel.de/x https://spiegel.ltd/ https://rt.com/news https://xn--spegel-cta.de/ \
             https://web.archive.org/web/2024/https://www.bbc.co.uk/news http://[::1]:80/ "https://a..b" ; do
      i=$((i + 1)); printf '%s\n' "$u" > "$dir/seed-$i"
    done
  fi
}

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }
log "cargo +nightly fuzz build (release, debug assertions on)"
(cd "$FUZZ" && cargo +nightly fuzz build -O)
SUMMARY=$ROOT/target/fuzz-summary.txt
mkdir -p "$ROOT/target"
: > "$SUMMARY"
status=0
for t in "${TARGETS[@]}"; do
  seed "$t"
  mkdir -p "$FUZZ/artifacts/$t"
  log "fuzz $t for ${SECS}s"
  set +e
  (cd "$FUZZ" && cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
      -max_total_time="$SECS" -max_len=262144 -timeout=20 -rss_limit_mb=4096 \
      -print_final_stats=1) > "target/fuzz-$t.log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "target/fuzz-$t.log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "target/fuzz-$t.log" | tail -1 | awk '{print $2}')
  crashes=$(find "$FUZZ/artifacts/$t" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  line="$t: ${execs:-0} executions in ${SECS}s, coverage ${cov:-?} edges, exit $rc, crash/timeout/oom inputs in artifacts: $crashes"
  echo "$line" | tee -a "$SUMMARY"
  if [ $rc -ne 0 ]; then
    status=1
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "target/fuzz-$t.log" | head -5
  fi
done
# Record the run in BENCHMARKS.md ("Fuzzing" section, between the fuzz markers), unless this
# is the short pass of ./build.sh test.
[ "${MASTHEAD_FUZZ_RECORD:-1}" = 0 ] && exit $status
python3 - "$SUMMARY" BENCHMARKS.md "$SECS" <<'PY'
import datetime, re, subprocess, sys
summary, md_path, secs = sys.argv[1], sys.argv[2], sys.argv[3]
cpu = next((l.split(":", 1)[1].strip() for l in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines() if l.startswith("Model name")), "?")
head = (f"Last run: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {secs} s per target, "
        f"{cpu}, {subprocess.run(['rustc', '+nightly', '--version'], capture_output=True, text=True).stdout.strip()}:")
rows = [f"- {l.strip()}" for l in open(summary) if l.strip()]
block = "<!-- fuzz:begin -->\n" + head + "\n\n" + "\n".join(rows) + "\n<!-- fuzz:end -->"
try:
    md = open(md_path).read()
except FileNotFoundError:
    md = "# Benchmarks\n"
if "<!-- fuzz:begin -->" in md:
    md = re.sub(r"<!-- fuzz:begin -->.*?<!-- fuzz:end -->", lambda _: block, md, flags=re.S)
else:
    md = md.rstrip() + "\n\n## Fuzzing\n\n" + block + "\n"
open(md_path, "w").write(md)
PY
exit $status
