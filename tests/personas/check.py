#!/usr/bin/python3
"""Check every blind-interview persona against its expected outcome.

Each folder under tests/personas/ holds profile.md (the prose the blind
interviewer saw), expected.yaml (the outcome an auditor would give, written
before the interview) and answers.yaml (what the interviewer answered in
`socscope --plain`).  A folder without answers.yaml has not been
interviewed yet: its expected.yaml is checked for form, and the persona is
listed as skipped, not failed.  This runs `socscope evaluate --format json` on the
answers and compares the report with the expectation: exactly the expected
reports and types, the categories that must be in and must stay out, the
frameworks that must and must not be flagged.

usage: check.py SOCSCOPE [PERSONA...]
"""
import json
import os
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CATEGORIES = {"security", "availability", "processing_integrity",
              "confidentiality", "privacy"}


def load_expected(path):
    with open(path, encoding="utf-8") as f:
        exp = yaml.safe_load(f)
    for key in ("name", "reports", "why"):
        if key not in exp:
            raise ValueError(f"{path}: missing key {key!r}")
    for key in ("in_scope", "out_of_scope"):
        bad = set(exp.get(key) or []) - CATEGORIES
        if bad:
            raise ValueError(f"{path}: unknown categories {sorted(bad)}")
    return exp


def check(binary, folder):
    """Return a list of differences (empty when the persona passes), or
    None when it has no answers.yaml yet: its blind interview has not been
    run, so there is nothing to compare."""
    exp = load_expected(os.path.join(folder, "expected.yaml"))
    answers = os.path.join(folder, "answers.yaml")
    if not os.path.exists(answers):
        return None
    env = dict(os.environ, SOCSCOPE_DATE="2026-11-30")
    run = subprocess.run([binary, "evaluate", answers, "--format", "json"],
                         capture_output=True, text=True, env=env)
    if run.returncode != 0:
        return [f"evaluate exited {run.returncode}: {run.stderr.strip()}"]
    rep = json.loads(run.stdout)
    diffs = []

    got = {r["id"]: r["type"] for r in rep["recommendation"]["reports"]}
    want = {k: v for k, v in (exp["reports"] or {}).items()}
    if got != want:
        diffs.append(f"reports {got or 'none'}, expected {want or 'none'}")
    periods = {r["id"]: r.get("period_months")
               for r in rep["recommendation"]["reports"]}
    for rid, months in (exp.get("period_months") or {}).items():
        lo, hi = (months, months) if isinstance(months, int) else months
        p = periods.get(rid)
        if p is None or not lo <= p <= hi:
            diffs.append(f"{rid} period {p} months, expected {months}")

    inscope = {c for c, v in rep["tsc"].items() if v["in_scope"]}
    for c in exp.get("in_scope") or []:
        if c not in inscope:
            diffs.append(f"category {c} out of scope, expected in")
    for c in exp.get("out_of_scope") or []:
        if c in inscope:
            diffs.append(f"category {c} in scope, expected out")

    flags = {f["id"] for f in rep["related_frameworks"]}
    for f in exp.get("flags") or []:
        if f not in flags:
            diffs.append(f"framework {f} not flagged, expected")
    for f in exp.get("not_flags") or []:
        if f in flags:
            diffs.append(f"framework {f} flagged, expected not")

    text = json.dumps(rep)
    if "SOC 3 Type" in text:
        diffs.append('the report says "SOC 3 Type"')
    return diffs


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 64
    binary = sys.argv[1]
    names = sys.argv[2:] or sorted(
        d for d in os.listdir(HERE)
        if os.path.isfile(os.path.join(HERE, d, "expected.yaml")))
    passed = failed = skipped = 0
    for name in names:
        try:
            diffs = check(binary, os.path.join(HERE, name))
        except (OSError, ValueError, yaml.YAMLError) as e:
            diffs = [str(e)]
        if diffs is None:
            # Its expected.yaml is still checked for form above.
            skipped += 1
            print(f"skip {name}: no answers.yaml yet (blind interview not run)")
        elif diffs:
            failed += 1
            print(f"FAIL {name}")
            for d in diffs:
                print(f"     {d}")
        else:
            passed += 1
            print(f"ok   {name}")
    print(f"personas: {passed} passed, {failed} failed, "
          f"{skipped} not yet interviewed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
