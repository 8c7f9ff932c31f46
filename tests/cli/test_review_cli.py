#!/usr/bin/python3
"""The provider-report review from the outside: one program, two jobs.

`evaluate` of a review in every format (the record a reviewer files: who,
when, the provider, the report, the outcome and the follow-ups), its JSON
against docs/schema/review.schema.json, answers that contradict each other,
`compare` of this year's review with last year's, the portfolio listing
reviews with their outcome and next review beside scoping sessions, and the
plain interview started, resumed and opened on an example without -q.
Every review is read on 15 December 2026, after the examples were made (1 December).

Usage: test_review_cli.py PATH/TO/socscope
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/src/socscope"
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
EXAMPLES = os.path.join(SRC, "questionnaires", "examples")
PAYROLL = os.path.join(EXAMPLES, "review-payroll-soc1-accept.yaml")


def schema_errors(kind, doc):
    import jsonschema
    with open(os.path.join(SRC, "docs", "schema", f"{kind}.schema.json"),
              encoding="utf-8") as f:
        v = jsonschema.Draft202012Validator(json.load(f))
    return [f"/{'/'.join(map(str, e.path))}: {e.message}" for e in v.iter_errors(doc)]


# Last year's review of the same payroll provider: its report's period
# ended 30 September 2025, more than 12 months before today.
LAST_YEAR = """\
socscope: 1
questionnaire: soc-report-review
client: Ledgerwise Payroll 2025
answers:
  provider_name: Ledgerwise Payroll 2025
  service_kind: payroll
  who_asks: [auditor]
  financial_reliance: 'yes'
  fiscal_year_end: 2025-09-30
  assurance_needs: [none]
  report_kind: soc1
  report_type: type2
  coverage_form: period
  auditor_name: Hollis & Crane LLP
  auditor_cpa: 'yes'
  report_date: 2025-11-12
  period_start: 2024-10-01
  period_end: 2025-09-30
  services_covered: 'yes'
  opinion: unmodified
  exceptions: none
  subservice_used: 'no'
  cuecs_listed: 'no'
  reviewer: Finance director
  review_date: 2025-12-15
"""

# The notes a paralegal typed: the report signed before its period ended.
HOSTILE = """\
socscope: 1
questionnaire: soc-report-review
client: CaseHaven
answers:
  provider_name: CaseHaven
  service_kind: software
  financial_reliance: 'no'
  assurance_needs: [security, confidentiality]
  report_kind: soc2
  report_type: type2
  coverage_form: period
  categories_covered: [security, confidentiality]
  auditor_cpa: 'yes'
  report_date: 2026-03-14
  period_start: 2025-04-01
  period_end: 2026-03-31
  services_covered: 'yes'
  opinion: unmodified
  exceptions: none
  subservice_used: 'no'
  cuecs_listed: 'no'
  review_date: 2026-12-15
"""


class ReviewCliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="socscope-review-")
        self.dir = self.tmp.name
        self.sessions = os.path.join(self.dir, "state", "socscope", "sessions")
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.dir,
            "XDG_STATE_HOME": os.path.join(self.dir, "state"),
            "XDG_DATA_HOME": os.path.join(self.dir, "xdg-data"),
            "XDG_DATA_DIRS": os.path.join(self.dir, "none"),
            "LANG": "C.UTF-8",
            "SOCSCOPE_DATE": "2026-12-15",
        }
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                self.env[k] = os.environ[k]

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args, stdin=None):
        return subprocess.run([BIN, *args], input=stdin, capture_output=True,
                              env=self.env, timeout=60, text=True, cwd=self.dir)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def ok(self, *args, stdin=None):
        r = self.run_cli(*args, stdin=stdin)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    # evaluate ------------------------------------------------------------
    def test_evaluate_is_the_record_a_reviewer_files(self):
        text = self.ok("evaluate", PAYROLL, "-q", "soc-report-review")
        self.assertEqual(text, self.ok("evaluate", PAYROLL))  # -q implied
        self.assertTrue(text.startswith(
            "Review of a provider's SOC report: Ledgerwise Payroll\n"))
        for line in ("Provider:       Ledgerwise Payroll",
                     "Reviewed by:    Finance director",
                     "Reviewed on:    2026-12-01",
                     "Next review:    2027-12-01",
                     "Period to:      2026-09-30",
                     "OUTCOME", "FOLLOW-UPS", "YOUR OWN GAPS", "NEXT STEPS"):
            self.assertIn(line, text)
        self.assertIn("\nAccept\n", text)
        self.assertIn("only a licensed CPA firm examines them", text)
        for soc in ("TRUST SERVICES", "ROADMAP", "READINESS", "SOC scoping"):
            self.assertNotIn(soc, text)
        self.assertNotIn("{{", text)

        doc = json.loads(self.ok("evaluate", PAYROLL, "--format", "json"))
        self.assertEqual(schema_errors("review", doc), [])
        self.assertEqual(list(doc)[:5], ["socscope", "questionnaire", "client",
                                         "complete", "unanswered"])
        self.assertEqual(doc["questionnaire"]["id"], "soc-report-review")
        self.assertEqual(doc["outcome"]["id"], "accept")
        self.assertEqual([r["rule"] for r in doc["outcome"]["reasons"]],
                         ["clean_report"])
        self.assertEqual((doc["follow_ups"], doc["gaps"]), ([], []))
        self.assertEqual(doc["next_review"], "2027-12-01")
        self.assertNotIn("recommendation", doc)

        md = self.ok("evaluate", PAYROLL, "--format", "markdown")
        self.assertIn("## Outcome\n\n**Accept**", md)
        self.assertNotIn("evidence to collect", md)
        html = self.ok("evaluate", PAYROLL, "--format", "html")
        self.assertIn('<div class="section" id="outcome">', html)
        self.assertIn("<strong>Accept</strong>", html)
        csv = self.ok("evaluate", PAYROLL, "--format", "csv")
        self.assertIn("\noutcome,,,,,,,Accept,,", csv)
        self.assertNotIn("\ncategory,", csv)

    def test_evidence_has_no_list_for_a_review(self):
        """A review plans no examination of its own: `evidence` says so
        and exits 64 rather than print an empty list that reads as one."""
        r = self.run_cli("evidence", os.path.join(
            EXAMPLES, "review-hosting-soc2-followups.yaml"))
        self.assertEqual(r.returncode, 64)
        self.assertEqual(r.stdout, "")
        self.assertIn("has no evidence request list", r.stderr)

    def test_follow_ups_and_own_gaps_are_apart(self):
        path = os.path.join(EXAMPLES, "review-accounting-software-own-gaps.yaml")
        doc = json.loads(self.ok("evaluate", path, "--format", "json"))
        self.assertEqual(doc["outcome"]["id"], "accept_with_followups")
        self.assertEqual(doc["follow_ups"], [])
        self.assertEqual([g["id"] for g in doc["gaps"]],
                         ["cuec_user_access", "cuec_sign_in"])
        path = os.path.join(EXAMPLES, "review-hosting-soc2-followups.yaml")
        doc = json.loads(self.ok("evaluate", path, "--format", "json"))
        self.assertEqual({g["kind"] for g in doc["follow_ups"]}, {"followup"})
        advice = {g["id"]: g["advice"] for g in doc["follow_ups"]}
        # The answers fill in the text: the provider, the carved-out host.
        self.assertIn("Obtain a current SOC report from each carved-out provider "
                      "that runs a part you rely on (Metro Colo), from them or "
                      "through StratusEdge Hosting", advice["obtain_subservice_reports"])
        self.assertIn("since 2026-06-30", advice["bridge_letter_recent"])

    def test_contradictory_dates_cannot_conclude(self):
        path = self.write("casehaven.yaml", HOSTILE)
        text = self.ok("evaluate", path)
        self.assertIn("Cannot conclude: answers contradict each other", text)
        self.assertIn("The auditor's report is dated 2026-03-14, before the period "
                      "it reports on ended (2026-03-31)", text.replace("\n", " ")
                      .replace("  ", " "))
        doc = json.loads(self.ok("evaluate", path, "--format", "json"))
        self.assertEqual(doc["outcome"]["id"], "cannot_conclude")
        # Only the check: nothing else rests on dates that cannot be right.
        self.assertEqual([g["id"] for g in doc["follow_ups"]], ["check_report_date"])
        self.assertEqual(doc["gaps"], [])
        # Corrected, the same report concludes: its period ended more than
        # three months ago, so it is accepted with a bridge letter to ask for.
        fixed = self.write("fixed.yaml", HOSTILE.replace("2026-03-14", "2026-05-14"))
        doc = json.loads(self.ok("evaluate", fixed, "--format", "json"))
        self.assertEqual(doc["outcome"]["id"], "accept_with_followups")
        self.assertEqual([g["id"] for g in doc["follow_ups"]], ["bridge_letter_recent"])

    # compare -------------------------------------------------------------
    def test_compare_this_years_review_with_last_years(self):
        last = self.write("last-year.yaml", LAST_YEAR)
        text = self.ok("compare", last, PAYROLL)
        self.assertTrue(text.startswith("Review of a provider's SOC report: comparison\n"))
        self.assertIn("Outcome: Escalate", text)
        self.assertIn("Outcome: Accept", text)
        self.assertNotIn("Readiness", text)
        self.assertIn("Only in A: The report's period ended on 2025-09-30, more than 12 "
                      "months ago", text.replace("\n", " ").replace("  ", " "))
        doc = json.loads(self.ok("compare", last, PAYROLL, "--format", "json"))
        self.assertEqual(schema_errors("compare", doc), [])
        self.assertEqual((doc["a"]["outcome"], doc["b"]["outcome"]), ("escalate", "accept"))
        outcome = [d for d in doc["differences"] if d["kind"] == "outcome"]
        self.assertEqual(len(outcome), 1)
        self.assertEqual((outcome[0]["a"], outcome[0]["b"]), ("escalate", "accept"))
        self.assertIn("stale_period", [r["rule"] for r in outcome[0]["rules"]])
        self.assertIn("period_end", [b["question"] for b in outcome[0]["because"]])
        # The same review twice: nothing differs.
        doc = json.loads(self.ok("compare", PAYROLL, PAYROLL, "--format", "json"))
        self.assertTrue(doc["same"])
        for fmt in ("markdown", "html"):
            out = self.ok("compare", last, PAYROLL, "--format", fmt)
            self.assertIn("Escalate", out)
            self.assertNotIn("SOC scoping comparison", out)

    # portfolio -----------------------------------------------------------
    def test_portfolio_lists_reviews_with_outcome_and_next_review(self):
        last = self.write("last-year.yaml", LAST_YEAR)
        scoping = os.path.join(EXAMPLES, "payroll-bureau.yaml")
        text = self.ok("portfolio", PAYROLL, last, scoping)
        header = text.splitlines()[0]
        self.assertIn("Next review", header)
        self.assertTrue(header.endswith("Recommendation or outcome"), header)
        rows = {l.split("  ")[0]: l for l in text.splitlines()[1:4]}
        self.assertRegex(rows["Ledgerwise Payroll"], r"2027-12-01\s+Accept$")
        self.assertRegex(rows["Ledgerwise Payroll 2025"], r"2026-12-15\s+Escalate$")
        self.assertRegex(rows["Brightline Payroll Services"], r"-\s+SOC 1 Type II")
        doc = json.loads(self.ok("portfolio", "--format", "json", PAYROLL, scoping))
        self.assertEqual(schema_errors("portfolio", doc), [])
        review, soc = doc["sessions"]
        self.assertEqual((review["outcome"], review["next_review"]), ("accept", "2027-12-01"))
        self.assertEqual(review["recommendation"]["summary"], "Accept")
        self.assertNotIn("outcome", soc)
        csv = self.ok("portfolio", "--format", "csv", PAYROLL)
        self.assertTrue(csv.splitlines()[0].endswith(",outcome,next_review"))
        self.assertTrue(csv.splitlines()[1].endswith(",accept,2027-12-01"))
        # Scoping sessions alone look as they always did.
        only = self.ok("portfolio", scoping).splitlines()[0]
        self.assertTrue(only.endswith("Open  Recommendation"), only)

    # interview -----------------------------------------------------------
    def test_plain_review_named_after_the_provider(self):
        r = self.run_cli("interview", "--plain", "-q", "soc-report-review",
                         "--client", "Tidewater Core Processing 2026", stdin="")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Review of a provider's SOC report (version 1.0)", r.stdout)
        self.assertIn("Starting a new interview for Tidewater Core Processing 2026",
                      r.stdout)
        path = os.path.join(self.sessions, "tidewater-core-processing-2026.yaml")
        with open(path, encoding="utf-8") as f:
            saved = f.read()
        self.assertIn("questionnaire: soc-report-review", saved)
        self.assertIn("provider_name: Tidewater Core Processing 2026", saved)
        # Resumed by its name alone: the session says which questionnaire.
        r = self.run_cli("interview", "--plain", "--client",
                         "Tidewater Core Processing 2026", stdin="")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Resuming the saved interview for Tidewater Core Processing 2026",
                      r.stdout)
        self.assertIn("No outcome yet", r.stdout)
        # A second provider: the saved reviews sort by provider.
        self.ok("interview", "--plain", "-q", "soc-report-review", "--client",
                "Ledgerwise Payroll 2026", stdin="")
        self.assertEqual(self.ok("list", "sessions").splitlines(),
                         ["ledgerwise-payroll-2026", "tidewater-core-processing-2026"])
        doc = json.loads(self.ok("portfolio", "--format", "json"))
        self.assertEqual({s["questionnaire"] for s in doc["sessions"]},
                         {"soc-report-review"})
        # `list` counts a review's progress against its own questionnaire.
        line = [l for l in self.ok("list").splitlines()
                if "Ledgerwise Payroll 2026" in l][0]
        self.assertRegex(line, r" 1/\d+ +answered ")
        self.assertNotIn(" 0/0 ", line)

    def test_example_opens_with_its_own_questionnaire(self):
        r = self.run_cli("interview", "--plain", "--example",
                         "review-payroll-soc1-accept", stdin="")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Review of a provider's SOC report (version 1.0)", r.stdout)
        self.assertIn("OUTCOME", r.stdout)
        copy = os.path.join(self.sessions, "review-payroll-soc1-accept.yaml")
        self.assertTrue(os.path.exists(copy))
        # With the other questionnaire named, it is refused, and says why.
        r = self.run_cli("interview", "--plain", "-q", "soc-scoping", "--example",
                         "review-payroll-soc1-accept", stdin="")
        self.assertEqual(r.returncode, 65)
        self.assertIn('"soc-report-review"', r.stderr)
        names = self.ok("list", "examples").splitlines()
        self.assertIn("review-payroll-soc1-accept", names)
        self.assertIn("payroll-bureau", names)
        self.assertIn("soc-report-review", self.ok("list", "questionnaires").split())


if __name__ == "__main__":
    unittest.main(verbosity=2)
