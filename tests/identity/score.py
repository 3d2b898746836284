#!/usr/bin/env python3
"""Scores the generic lookalike rules with the CLI, as the extension would judge hosts.

    python3 tests/identity/score.py [LOOKALIKES.tsv] [GENUINE.txt]

LOOKALIKES.tsv: host<TAB>registry id of the outlet imitated[<TAB>source<TAB>split]; GENUINE.txt:
one genuine news domain a line. Defaults: the two sets next to this script. Runs
`masthead identify --generic-only --batch` (release build) once per file and prints, per split,
how many hosts were flagged `lookalike` with the right outlet, and how many genuine domains
were flagged at all.
"""
import json
import os
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def judge(hosts):
    out = subprocess.run(
        ["cargo", "run", "-q", "--release", "-p", "masthead", "--bin", "masthead", "--",
         "identify", "--generic-only", "--batch", "-"],
        input="\n".join(hosts) + "\n", capture_output=True, text=True, cwd=ROOT, check=True,
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]


def main():
    looks = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "lookalikes.tsv")
    genuine = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "genuine.txt")
    rows = [l.split("\t") for l in lines(looks) if not l.startswith("host\t")]
    rows = [r for r in rows if len(r) >= 2]
    results = judge([r[0] for r in rows])
    tally = defaultdict(lambda: [0, 0])
    missed = []
    for r, res in zip(rows, results):
        split = r[3] if len(r) > 3 else "all"
        ok = res["verdict"] == "lookalike" and (res.get("imitates") or {}).get("id") == r[1]
        tally[split][0] += ok
        tally[split][1] += 1
        if not ok:
            missed.append(f"  missed [{split}] {r[0]} (expected {r[1]}): {res['verdict']} {res['reason']}")
    for split, (hit, n) in tally.items():
        print(f"{split}: {hit}/{n} flagged with the right outlet ({100 * hit / n:.1f}%)"
              " (rows whose outlet is not in the registry count as misses here)")
    print("\n".join(missed))
    domains = lines(genuine)
    flagged = [(d, r["reason"]) for d, r in zip(domains, judge(domains)) if r["verdict"] == "lookalike"]
    print(f"genuine: {len(flagged)}/{len(domains)} flagged lookalike ({100 * len(flagged) / len(domains):.2f}%)")
    for d, why in flagged:
        print(f"  {d}: {why}")


if __name__ == "__main__":
    main()
