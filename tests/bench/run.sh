#!/usr/bin/env bash
# All benchmarks: the native core (tests/bench/native.sh), then the browser benchmarks
# (tests/bench/browser.mjs) when present. Results go into BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
tests/bench/native.sh
if [ -f tests/bench/browser.mjs ]; then
  node tests/bench/browser.mjs
fi
