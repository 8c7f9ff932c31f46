#!/usr/bin/python3
"""Every JSON document the test suite produces, validated against its JSON
Schema in docs/schema/ with a real validator (python3-jsonschema, Draft
2020-12): the golden files of the report, evidence and portfolio suites,
and what the real binary writes for every bundled example.  The validator
must also reject documents that break the contract, so this test can fail.

Usage: test_schemas.py PATH/TO/socscope
"""
import copy
import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest

try:
    import jsonschema
except ImportError:  # a real failure: .ci/setup installs python3-jsonschema
    print("python3-jsonschema is not installed (see .ci/setup)", file=sys.stderr)
    sys.exit(1)

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/src/socscope"
SRC = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMAS = {k: os.path.join(SRC, "docs", "schema", f"{k}.schema.json")
           for k in ("report", "evidence", "portfolio", "compare", "review")}


def validator(kind):
    with open(SCHEMAS[kind], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def kind_of(path):
    name = os.path.basename(path)
    if ".evidence." in name:
        return "evidence"
    if name.startswith("portfolio"):
        return "portfolio"
    if name.startswith("compare"):
        return "compare"
    if name.startswith("review"):
        return "review"
    return "report"


def report_kind(doc):
    """A questionnaire that concludes with an outcome has its own schema."""
    return "review" if "outcome" in doc and "recommendation" not in doc else "report"


class SchemaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.v = {k: validator(k) for k in SCHEMAS}
        cls.tmp = tempfile.TemporaryDirectory(prefix="socscope-schema-")
        cls.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": cls.tmp.name,
            "XDG_STATE_HOME": os.path.join(cls.tmp.name, "state"),
            "XDG_DATA_HOME": os.path.join(cls.tmp.name, "data"),
            "XDG_DATA_DIRS": os.path.join(cls.tmp.name, "none"),
            "LANG": "C.UTF-8",
            "SOCSCOPE_DATE": "2026-11-23",
        }
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                cls.env[k] = os.environ[k]
        cls.examples = sorted(glob.glob(os.path.join(SRC, "questionnaires", "examples",
                                                     "*.yaml")))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def assertValid(self, kind, doc, what):
        errors = sorted(self.v[kind].iter_errors(doc), key=lambda e: list(e.path))
        if errors:
            self.fail(f"{what} does not follow docs/schema/{kind}.schema.json:\n" +
                      "\n".join(f"  at /{'/'.join(map(str, e.path))}: {e.message}"
                                for e in errors[:10]))

    def run_json(self, *args):
        r = subprocess.run([BIN, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=self.env, timeout=60, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def test_golden_files(self):
        files = sorted(glob.glob(os.path.join(SRC, "tests", "golden", "*.json")))
        kinds = {kind_of(f) for f in files}
        self.assertEqual(kinds, {"report", "evidence", "portfolio", "compare", "review"})
        for path in files:
            with open(path, encoding="utf-8") as f:
                self.assertValid(kind_of(path), json.load(f), os.path.basename(path))

    def test_every_example_through_the_binary(self):
        self.assertGreater(len(self.examples), 5)
        for path in self.examples:
            name = os.path.basename(path)
            doc = self.run_json("evaluate", path, "--format", "json")
            with open(path, encoding="utf-8") as f:
                review = "questionnaire: soc-report-review" in f.read()
            self.assertEqual(report_kind(doc), "review" if review else "report", name)
            self.assertValid(report_kind(doc), doc, f"evaluate {name}")
            # A review has no evidence list (its command says so).
            if not review:
                self.assertValid("evidence",
                                 self.run_json("evidence", path, "--format", "json"),
                                 f"evidence {name}")
        doc = self.run_json("portfolio", "--format", "json", *self.examples)
        self.assertEqual(len(doc["sessions"]), len(self.examples))
        self.assertValid("portfolio", doc, "portfolio of the examples")
        # No saved session yet: an empty portfolio is still a document.
        self.assertValid("portfolio", self.run_json("portfolio", "--format", "json"),
                         "empty portfolio")

    def test_the_validator_rejects_broken_documents(self):
        path = os.path.join(SRC, "questionnaires", "examples", "payroll-bureau.yaml")
        report = self.run_json("evaluate", path, "--format", "json")
        evidence = self.run_json("evidence", path, "--format", "json")
        portfolio = self.run_json("portfolio", "--format", "json", path)
        broken = []
        d = copy.deepcopy(report)
        d["recommendation"]["reports"].append({"id": "soc3", "type": "type2",
                                               "period_months": 12, "reasons": []})
        broken.append(("report", d, "a SOC 3 with a type"))
        d = copy.deepcopy(report)
        d["gaps"][0]["criteria"] = ["CC9.9"]
        broken.append(("report", d, "a criterion that does not exist"))
        d = copy.deepcopy(report)
        del d["tsc"]["privacy"]
        broken.append(("report", d, "a category missing"))
        d = copy.deepcopy(evidence)
        d["reports"][0]["type"] = "type1"
        broken.append(("evidence", d, "a Type I with operation requests and a window"))
        d = copy.deepcopy(evidence)
        d["requests"][0]["exists"] = "yes"
        broken.append(("evidence", d, "an unknown status"))
        d = copy.deepcopy(evidence)
        d["requests"][0]["reports"] = []
        broken.append(("evidence", d, "a request that serves no report"))
        d = copy.deepcopy(report)
        d["assumptions"][0]["id"] = "B1"
        broken.append(("report", d, "an assumption not numbered A1, A2 ..."))
        d = copy.deepcopy(report)
        d["gaps"][0]["rests_on"] = ["1"]
        broken.append(("report", d, "a gap resting on something not an assumption"))
        d = copy.deepcopy(portfolio)
        d["sessions"][0]["categories"].append("security2")
        broken.append(("portfolio", d, "an unknown category"))
        path = os.path.join(SRC, "questionnaires", "examples",
                            "review-hosting-soc2-followups.yaml")
        review = self.run_json("evaluate", path, "--format", "json")
        self.assertValid("review", review, "the review")
        d = copy.deepcopy(review)
        d["follow_ups"][0]["kind"] = "gap"
        broken.append(("review", d, "a gap of the reader's own among the follow-ups"))
        d = copy.deepcopy(review)
        d["outcome"]["reasons"] = []
        broken.append(("review", d, "an outcome with no reason"))
        d = copy.deepcopy(review)
        d["recommendation"] = report["recommendation"]
        broken.append(("review", d, "a review with a SOC recommendation"))
        for kind, doc, what in broken:
            self.assertFalse(self.v[kind].is_valid(doc), f"accepted {what}")


if __name__ == "__main__":
    unittest.main(verbosity=2)
