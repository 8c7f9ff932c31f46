#!/usr/bin/python3
"""Check every review persona against its expected outcome.

Each folder under tests/review-personas/ holds profile.md (the prose the
blind interviewer saw), expected.yaml (the outcome an experienced reviewer
gives, written before the interview) and answers.yaml (what the interviewer
answered).  expected.yaml is first checked against the questionnaire (its
outcome and gap ids exist, follow-ups are follow-ups and gaps are gaps);
then `socscope evaluate --format json` runs on the answers, on the review
date the profiles assume, and the outcome, follow-ups and gaps are compared.

--expected-only  check expected.yaml alone (no engine needed)
--interviewed    a persona without answers.yaml is listed as not interviewed
                 yet, its expected.yaml checked, and does not fail (the meson
                 test, until the blind round is run)
--answers DIR    read each persona's answers from DIR/PERSONA.yaml instead
                 (a non-blind sanity check; never a substitute for the round)

usage: check.py [--expected-only] [--interviewed] [--answers DIR] SOCSCOPE [PERSONA...]
"""
import json
import os
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
QUESTIONNAIRE = os.path.join(HERE, "..", "..", "questionnaires",
                             "soc-report-review.yaml")
REVIEW_DATE = "2026-12-15"


def load_questionnaire():
    """Outcome ids, and each gap id with its kind."""
    with open(QUESTIONNAIRE, encoding="utf-8") as f:
        q = yaml.safe_load(f)
    outcomes = [o["id"] for o in q.get("outcomes") or []]
    kinds = {}
    for rule in q["rules"]:
        gap = rule.get("gap")
        for g in gap if isinstance(gap, list) else [gap] if gap else []:
            kinds[g["id"]] = g.get("kind", "gap")
    return outcomes, kinds


def check_expected(exp, outcomes, kinds):
    diffs = []
    for key in ("name", "outcome", "follow_ups", "gaps", "why"):
        if key not in exp:
            diffs.append(f"expected.yaml: missing key {key!r}")
    if exp.get("outcome") not in outcomes:
        diffs.append(f"expected.yaml: unknown outcome {exp.get('outcome')!r}")
    for key, kind in (("follow_ups", "followup"), ("gaps", "gap")):
        for item in exp.get(key) or []:
            gid = item.get("id") if isinstance(item, dict) else item
            if gid not in kinds:
                diffs.append(f"expected.yaml: {key}: no gap {gid!r}")
            elif kinds[gid] != kind:
                diffs.append(f"expected.yaml: {key}: {gid!r} is a {kinds[gid]}")
            if not isinstance(item, dict) or not item.get("words"):
                diffs.append(f"expected.yaml: {key}: {gid!r} has no words")
    for gid in exp.get("absent") or []:
        if gid not in kinds:
            diffs.append(f"expected.yaml: absent: no gap {gid!r}")
    return diffs


def ids(items):
    return [i["id"] if isinstance(i, dict) else i for i in items or []]


NOT_INTERVIEWED = "no answers.yaml: the blind interview has not been run"


def check(binary, folder, outcomes, kinds, expected_only, answers_dir=None):
    with open(os.path.join(folder, "expected.yaml"), encoding="utf-8") as f:
        exp = yaml.safe_load(f)
    diffs = check_expected(exp, outcomes, kinds)
    if diffs or expected_only:
        return diffs
    answers = (os.path.join(answers_dir, os.path.basename(folder) + ".yaml")
               if answers_dir else os.path.join(folder, "answers.yaml"))
    if not os.path.exists(answers):
        return [NOT_INTERVIEWED]
    env = dict(os.environ, SOCSCOPE_DATE=REVIEW_DATE)
    run = subprocess.run([binary, "evaluate", answers, "--format", "json"],
                         capture_output=True, text=True, env=env)
    if run.returncode != 0:
        return [f"evaluate exited {run.returncode}: {run.stderr.strip()}"]
    rep = json.loads(run.stdout)
    got = (rep.get("outcome") or {}).get("id")
    if got != exp["outcome"]:
        diffs.append(f"outcome {got}, expected {exp['outcome']}")
    follow = {g["id"] for g in rep.get("follow_ups") or []}
    gaps = {g["id"] for g in rep.get("gaps") or []}
    for gid in ids(exp.get("follow_ups")):
        if gid not in follow:
            diffs.append(f"follow-up {gid} missing")
    for gid in ids(exp.get("gaps")):
        if gid not in gaps:
            diffs.append(f"gap {gid} missing")
    for gid in exp.get("absent") or []:
        if gid in follow or gid in gaps:
            diffs.append(f"{gid} listed, expected not")
    if "SOC 3 Type" in run.stdout:
        diffs.append('the report says "SOC 3 Type"')
    return diffs


def main():
    args = sys.argv[1:]
    expected_only = "--expected-only" in args
    interviewed = "--interviewed" in args
    answers_dir = None
    if "--answers" in args:
        i = args.index("--answers")
        if i + 1 >= len(args):
            print(__doc__.strip().splitlines()[-1], file=sys.stderr)
            return 64
        answers_dir = args[i + 1]
        del args[i:i + 2]
    args = [a for a in args if a not in ("--expected-only", "--interviewed")]
    if not args and not expected_only:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 64
    binary = args[0] if args else None
    outcomes, kinds = load_questionnaire()
    names = args[1:] or sorted(
        d for d in os.listdir(HERE)
        if os.path.isfile(os.path.join(HERE, d, "expected.yaml")))
    passed = failed = waiting = 0
    for name in names:
        try:
            diffs = check(binary, os.path.join(HERE, name), outcomes, kinds,
                          expected_only, answers_dir)
        except (OSError, ValueError, KeyError, yaml.YAMLError) as e:
            diffs = [str(e)]
        if interviewed and diffs == [NOT_INTERVIEWED]:
            waiting += 1
            print(f"--   {name} (expected.yaml checked; not interviewed yet)")
        elif diffs:
            failed += 1
            print(f"FAIL {name}")
            for d in diffs:
                print(f"     {d}")
        else:
            passed += 1
            print(f"ok   {name}")
    print(f"review personas: {passed} passed, {failed} failed"
          + (f", {waiting} not interviewed yet" if waiting else ""))
    return 1 if failed or not (passed or waiting) else 0


if __name__ == "__main__":
    sys.exit(main())
