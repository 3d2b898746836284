#!/usr/bin/env bash
# Masthead's one entry point.
#
#   ./build.sh           install what the build needs (if missing), build the extension for
#                        Chrome and Firefox (dist/extension/, dist/*.zip) and the native CLI
#   ./build.sh test      also install what the tests need, then run every test: cargo test,
#                        the size/time bounds at full size, the wasm tests in headless
#                        Chromium and Firefox, the end-to-end tests in both browsers, web-ext
#                        lint and a short fuzzing pass (15 s a target)
#   ./build.sh package   store zips plus the source bundle AMO asks for
#   ./build.sh bench     benchmarks (native and in the browser) into BENCHMARKS.md
#   ./build.sh fuzz      bounded fuzzing of every entry point that takes page input
#
# Every install step checks first and is skipped when its tool is already there.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
DIST=$ROOT/dist
WASM_TARGET=wasm32-unknown-unknown
GECKODRIVER_VERSION=0.37.1
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
version() { sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1; }

# ---- installs (idempotent, cached) ------------------------------------------------------

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  if [ $APT_UPDATED -eq 0 ]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

wasm_bindgen_version() {
  # The CLI must equal the crate version pinned with "=" in crate/Cargo.toml (see Cargo.lock).
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

install_build_tools() {
  if ! rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
    log "rustup target add $WASM_TARGET"
    rustup target add "$WASM_TARGET"
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want
  want=$(wasm_bindgen_version)
  if ! have wasm-bindgen || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$want" ]; then
    log "cargo install wasm-bindgen-cli $want (a few minutes, once)"
    # Not --locked: a yanked dependency of ureq makes the locked install fail on this toolchain.
    cargo install wasm-bindgen-cli --version "$want" --quiet
  fi
  install_npm
}

install_npm() {
  local stamp=node_modules/.package-lock.sha
  local sum
  sum=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
    log "npm install"
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
    sum=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
    echo "$sum" > "$stamp"
  fi
}

install_test_tools() {
  # chromium-l10n: Debian ships Chromium's UI languages separately (the locale tests need them).
  apt_install chromium chromium-driver chromium-l10n firefox-esr
  if ! have geckodriver || [ "$(geckodriver --version | head -1 | awk '{print $2}')" != "$GECKODRIVER_VERSION" ]; then
    log "cargo install geckodriver $GECKODRIVER_VERSION (a few minutes, once)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --quiet
  fi
}

# ---- build ------------------------------------------------------------------------------

build_wasm() {
  log "core -> wasm"
  cargo build --release --target "$WASM_TARGET" -p masthead --lib
  local out=$DIST/extension/wasm
  mkdir -p "$out"
  # An ES module (the background is one in both browsers) with a reset function: the
  # background starts the core afresh after a trap or when its memory has grown too large.
  wasm-bindgen --target web --no-typescript --experimental-reset-state-function \
    --out-dir "$out" --out-name masthead \
    "target/$WASM_TARGET/release/masthead.wasm"
  # npm binaryen (pinned in package.json): Debian's wasm-opt 108 corrupts the externref table
  # that wasm-bindgen sets up (WebAssembly.Table.set TypeError at init, measured in Chromium 156).
  # Rust 1.95 emits these features; wasm-opt refuses the module without them. It also strips.
  node_modules/.bin/wasm-opt -Os --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue --enable-mutable-globals \
    "$out/masthead_bg.wasm" -o "$out/masthead_bg.wasm"
}

assemble_extension() {
  log "extension -> dist/extension"
  local ext=$DIST/extension
  find "$ext" -mindepth 1 -maxdepth 1 ! -name wasm -exec rm -rf {} +
  cp -r extension/. "$ext/"
  # The manifest's version is the crate's version.
  python3 - "$ext/manifest.json" "$(version)" <<'PY'
import json, sys
m = json.load(open("manifest.json"))
m["version"] = sys.argv[2]
json.dump(m, open(sys.argv[1], "w"), indent=2, ensure_ascii=False)
PY
}

# Store packages: the one manifest, trimmed per browser (each store ignores the other's keys,
# but a clean manifest avoids warnings in review).
zip_for() {
  local browser=$1 out=$2
  python3 - "$DIST/extension" "$out" "$browser" <<'PY'
import json, os, sys, zipfile
src, out, browser = sys.argv[1:4]
m = json.load(open(os.path.join(src, "manifest.json")))
if browser == "chrome":
    m["background"].pop("scripts", None)
    m.pop("browser_specific_settings", None)
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for base, _, files in sorted(os.walk(src)):
        for f in sorted(files):
            path = os.path.join(base, f)
            name = os.path.relpath(path, src)
            if name == "manifest.json":
                z.writestr(name, json.dumps(m, indent=2, ensure_ascii=False))
            else:
                z.write(path, name)
PY
}

build_cli() {
  log "native CLI -> target/release/masthead"
  cargo build --release -p masthead --bin masthead
}

report_sizes() {
  local wasm=$DIST/extension/wasm/masthead_bg.wasm
  local raw gz
  raw=$(stat -c %s "$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  log "wasm: $((raw / 1024)) KiB raw, $((gz / 1024)) KiB gzipped ($wasm)"
}

build() {
  local started=$SECONDS
  install_build_tools
  mkdir -p "$DIST"
  build_wasm
  assemble_extension
  local v
  v=$(version)
  zip_for chrome "$DIST/masthead-$v-chrome.zip"
  zip_for firefox "$DIST/masthead-$v-firefox.zip"
  build_cli
  report_sizes
  log "built in $((SECONDS - started)) s: dist/extension/, dist/masthead-$v-{chrome,firefox}.zip, target/release/masthead"
}

package() {
  build
  local v
  v=$(version)
  log "source bundle for AMO -> dist/masthead-$v-source.zip"
  git archive --format=zip --prefix="masthead-$v-source/" -o "$DIST/masthead-$v-source.zip" HEAD
}

# ---- tests ------------------------------------------------------------------------------

run_tests() {
  install_test_tools
  build
  log "cargo test"
  cargo test --workspace
  log "size and time bounds at full size (release)"
  cargo test --release -p masthead --test bounds
  log "wasm tests in headless Chromium and Firefox"
  (cd crate && CHROMEDRIVER=/usr/bin/chromedriver cargo test --target "$WASM_TARGET" --test wasm)
  (cd crate && GECKODRIVER=$(command -v geckodriver) cargo test --target "$WASM_TARGET" --test wasm)
  log "end-to-end tests in Chromium and Firefox ESR"
  # The spec reporter repeats every failure, with its error, at the end of the output.
  node --test --test-concurrency=1 --test-reporter=spec tests/e2e/
  log "web-ext lint"
  lint
  log "a short bounded fuzzing pass (./build.sh fuzz runs longer and records the numbers)"
  MASTHEAD_FUZZ_RECORD=0 tests/fuzz/run.sh "${MASTHEAD_FUZZ_SECONDS:-15}"
}

lint() {
  local out
  out=$(npx --no-install web-ext lint --source-dir "$DIST/extension" --output json --no-input 2>/dev/null || true)
  python3 - "$out" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
errors = r.get("errors", [])
warnings = [w for w in r.get("warnings", []) if w["code"] != "BACKGROUND_SERVICE_WORKER_IGNORED"]
for m in errors + warnings:
    print(f'{m["code"]}: {m.get("message")} ({m.get("file")})')
print(f'web-ext lint: {len(errors)} errors, {len(warnings)} warnings besides BACKGROUND_SERVICE_WORKER_IGNORED')
sys.exit(1 if errors or warnings else 0)
PY
}

case "${1:-build}" in
  build) build ;;
  test) run_tests ;;
  package) package ;;
  lint) install_build_tools; lint ;;
  bench) install_test_tools; build; tests/bench/run.sh ;;
  fuzz) tests/fuzz/run.sh "${2:-60}" ;;
  *) echo "usage: ./build.sh [build|test|package|bench|fuzz]" >&2; exit 2 ;;
esac
