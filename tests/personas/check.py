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
frameworks that must and must not be flagged, and the plan's shape when
expected.yaml has a `plan:` (see check_plan).  The report's date is the
day the interview was saved (the answers' `updated`), as it was on the
interviewer's screen.

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


def saved_on(answers):
    """The day the answers were saved (YYYY-MM-DD), or 2026-11-30 for a
    file that does not say."""
    with open(answers, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    up = str(doc.get("updated") or "")
    return up[:10] if len(up) >= 10 else "2026-11-30"


FIT_RANK = {"in_time": 3, "maybe_late": 2, "late": 1}
FIT_WORD = {"in_time": "in_time", "maybe": "maybe_late", "late": "late",
            "none": "no_deadline"}


def months_ok(want, got):
    if got is None:
        return False
    if isinstance(want, int):
        return got == want
    lo, hi = (int(x) for x in str(want).split("-"))
    return lo <= got <= hi


def check_plan(rep, exp_plan, diffs):
    """The plan's shape: for every report (or each named under soc1 or
    soc2), whether a look-back is offered, what it renews, the period's
    months, whether two options are shown, whether the best option meets
    the deadline, whether a quicker Type I is offered, and whether a SOC 1
    and a SOC 2 are one examination."""
    plan = rep.get("plan") or {}
    today = plan.get("today") or rep.get("date")
    reports = {r["id"]: r for r in plan.get("reports") or []}
    tracks = [t for t in plan.get("tracks") or [] if t["kind"] != "next"]
    nested = {k: v for k, v in exp_plan.items() if k in ("soc1", "soc2")}
    groups = nested.items() if nested else [
        (rid, exp_plan) for rid in reports if rid != "soc3"]
    for rid, want in groups:
        tag = f"plan {rid}" if nested or len(reports) > 1 else "plan"
        pr = reports.get(rid)
        if pr is None:
            diffs.append(f"{tag}: no {rid} in the plan")
            continue
        mine = [t for t in tracks
                if any(rid in ph.get("reports", []) for ph in t["phases"])]
        # A renewal's period starts where the last one ended, often in
        # the past: that is no look-back choice, so only renewal_of is
        # checked for it.
        if "lookback" in want and not pr.get("renewal"):
            got = any(ph["kind"] == "period" and rid in ph["reports"]
                      and ph["from"] and ph["from"] < today
                      for t in mine for ph in t["phases"])
            if got != want["lookback"]:
                diffs.append(f"{tag}: look-back {'offered' if got else 'not offered'}"
                             f", expected {'offered' if want['lookback'] else 'not'}")
        if "renewal_of" in want:
            renews = pr.get("renewal")
            if (want["renewal_of"] == "none") == bool(renews):
                diffs.append(f"{tag}: renewal {renews}, expected "
                             f"{want['renewal_of']}")
        if "period_months" in want and pr.get("type") == "type2":
            if not months_ok(want["period_months"], pr.get("period_months")):
                diffs.append(f"{tag}: period {pr.get('period_months')} months, "
                             f"expected {want['period_months']}")
        if "two_options" in want:
            # Options for this report: tracks that place it differently (a
            # SOC 1 renewal the same in both SOC 2 options is one plan).
            places = {tuple((ph["kind"], ph["from"], ph["to"])
                            for ph in t["phases"]
                            if rid in ph.get("reports", [])
                            and ph["kind"] in ("period", "type1"))
                      for t in mine}
            got = len(places) >= 2
            if got != want["two_options"]:
                diffs.append(f"{tag}: {len(places)} option(s), expected "
                             f"{'two' if want['two_options'] else 'one'}")
        if "deadline" in want:
            fits = [t.get("deadline_fit") for t in mine]
            best = max(fits, key=lambda f: FIT_RANK.get(f, 0), default=None)
            # No deadline, or one for the other report (deadline_reports):
            # this report is held to none.
            if not plan.get("deadline") or pr.get("deadline_fit") == "no_deadline":
                best = "no_deadline"
            # One word, or a list of the words that are right.
            allowed = want["deadline"] if isinstance(want["deadline"], list) \
                else [want["deadline"]]
            if best not in [FIT_WORD.get(w, w) for w in allowed]:
                diffs.append(f"{tag}: best option {best}, expected "
                             f"{want['deadline']}")
        if "quicker_type1" in want:
            got = any(t["kind"] == "type1_first" for t in mine)
            if got != want["quicker_type1"]:
                diffs.append(f"{tag}: quicker Type I {'offered' if got else 'not offered'}"
                             f", expected {'offered' if want['quicker_type1'] else 'not'}")
        if "combined" in want and bool(pr.get("combined")) != want["combined"]:
            diffs.append(f"{tag}: combined {pr.get('combined')}, expected "
                         f"{want['combined']}")


def check(binary, folder):
    """Return a list of differences (empty when the persona passes), or
    None when it has no answers.yaml yet: its blind interview has not been
    run, so there is nothing to compare."""
    exp = load_expected(os.path.join(folder, "expected.yaml"))
    answers = os.path.join(folder, "answers.yaml")
    if not os.path.exists(answers):
        return None
    env = dict(os.environ, SOCSCOPE_DATE=saved_on(answers))
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

    if exp.get("plan") and rep["recommendation"]["reports"]:
        check_plan(rep, exp["plan"], diffs)

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
