#!/usr/bin/python3
"""`socscope compare`, `interview --example` and `list KIND` from the outside:
every exit code of the contract, the JSON against docs/schema/compare.schema.json,
what a name given to compare is (file, saved session, worked example), and that
an example's bundled file is never changed.

Usage: test_compare_cli.py PATH/TO/socscope
"""
import json
import os
import stat
import subprocess
import sys
import tempfile
import unittest

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/src/socscope"
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
REPORT_FIX = os.path.join(SRC, "tests", "fixtures", "report")
EXAMPLES = os.path.join(SRC, "questionnaires", "examples")


class CompareCliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="socscope-compare-")
        self.dir = self.tmp.name
        data = os.path.join(self.dir, "data")
        os.makedirs(os.path.join(data, "questionnaires"))
        # The report fixtures' questionnaire, findable by its id.
        with open(os.path.join(REPORT_FIX, "report.yaml"), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(data, "questionnaires", "report-fixture.yaml"), "w",
                  encoding="utf-8") as f:
            f.write(text)
        self.state = os.path.join(self.dir, "state")
        self.sessions = os.path.join(self.state, "socscope", "sessions")
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.dir,
            "SOCSCOPE_DATA_DIR": data,
            "XDG_STATE_HOME": self.state,
            "XDG_DATA_HOME": os.path.join(self.dir, "xdg-data"),
            "XDG_DATA_DIRS": os.path.join(self.dir, "none"),
            "LANG": "C.UTF-8",
            "SOCSCOPE_DATE": "2026-01-31",
        }
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                self.env[k] = os.environ[k]

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args, stdin=None, cwd=None):
        return subprocess.run([BIN, *args], input=stdin, capture_output=True,
                              env=self.env, timeout=60, text=True,
                              cwd=cwd or self.dir)

    def fix(self, name):
        return os.path.join(REPORT_FIX, name)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    # compare -------------------------------------------------------------
    def test_compare_json_follows_its_schema(self):
        r = self.run_cli("compare", self.fix("full.yaml"), self.fix("partial.yaml"),
                         "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = json.loads(r.stdout)
        try:
            import jsonschema
        except ImportError:
            self.skipTest("python3-jsonschema is not installed")
        with open(os.path.join(SRC, "docs", "schema", "compare.schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(doc)
        self.assertFalse(doc["same"])
        kinds = {(d["kind"], d["id"]) for d in doc["differences"]}
        self.assertIn(("report", "soc1"), kinds)
        self.assertIn(("type", "soc2"), kinds)
        soc1 = next(d for d in doc["differences"] if d["kind"] == "report" and d["id"] == "soc1")
        self.assertEqual((soc1["a"], soc1["b"]), (True, False))
        self.assertEqual(soc1["because"], [{"question": "services",
                                            "a": ["payroll", "hosting"], "b": ["hosting"]}])
        self.assertEqual(soc1["rules"][0]["rule"], "payroll_soc1")
        self.assertEqual(soc1["rules"][0]["fired_in"], "a")

    def test_compare_every_format_names_the_difference(self):
        for fmt, marker in (("text", "Report: SOC 1"), ("markdown", "| Report: SOC 1 |"),
                            ("html", "<td>Report: SOC 1</td>")):
            r = self.run_cli("compare", self.fix("full.yaml"), self.fix("partial.yaml"),
                             "-f", fmt)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(marker, r.stdout, fmt)

    def test_compare_same_answers(self):
        r = self.run_cli("compare", self.fix("full.yaml"), self.fix("full.yaml"),
                         "-f", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = json.loads(r.stdout)
        self.assertTrue(doc["same"])
        self.assertEqual(doc["differences"], [])
        self.assertEqual(doc["answers"], [])

    def test_compare_saved_sessions_by_name(self):
        os.makedirs(self.sessions)
        with open(self.fix("full.yaml"), encoding="utf-8") as f:
            full = f.read()
        self.write(os.path.join(self.sessions, "acme-ltd.yaml"), full)
        self.write(os.path.join(self.sessions, "acme-what-if.yaml"),
                   full.replace("has_sla: true", "has_sla: false"))
        # By file name and by the client name that slugs to it.
        r = self.run_cli("compare", "Acme Ltd", "acme-what-if", "-f", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = json.loads(r.stdout)
        self.assertEqual(doc["a"]["label"], "Acme Ltd")
        self.assertEqual([(d["kind"], d["id"]) for d in doc["differences"]],
                         [("category", "availability")])
        self.assertEqual(doc["differences"][0]["because"],
                         [{"question": "has_sla", "a": True, "b": False}])

    # compare: what a name is ----------------------------------------------
    def compare_json(self, *args):
        r = self.run_cli("compare", *args, "-f", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def payroll_text(self, change=None):
        with open(os.path.join(EXAMPLES, "payroll-bureau.yaml"), encoding="utf-8") as f:
            text = f.read()
        if change:
            self.assertIn(change[0], text)
            text = text.replace(change[0], change[1])
        return text

    def test_compare_worked_examples_by_name(self):
        # Two examples, by the names `socscope list examples` gives.
        names = self.run_cli("list", "examples").stdout.splitlines()
        self.assertIn("payroll-bureau", names)
        self.assertIn("local-bookkeeper", names)
        doc = self.compare_json("payroll-bureau", "local-bookkeeper")
        self.assertEqual((doc["a"]["label"], doc["b"]["label"]),
                         ("payroll-bureau", "local-bookkeeper"))
        self.assertEqual(doc["questionnaire"]["id"], "soc-scoping")
        self.assertFalse(doc["same"])
        self.assertIn("org_description", [a["question"] for a in doc["answers"]])
        # An example by name is the example's file.
        doc = self.compare_json("payroll-bureau",
                                os.path.join(EXAMPLES, "payroll-bureau.yaml"))
        self.assertTrue(doc["same"])
        self.assertEqual(doc["answers"], [])

    def test_compare_example_with_a_saved_session(self):
        # A changed copy of an example, saved as a session under another name.
        self.write(os.path.join(self.sessions, "brightline-what-if.yaml"),
                   self.payroll_text(("client: Brightline Payroll Services",
                                      "client: Brightline What If")))
        doc = self.compare_json("Brightline What If", "payroll-bureau")
        self.assertTrue(doc["same"])
        self.assertEqual([a["question"] for a in doc["answers"]], [])

    def test_compare_saved_session_before_example(self):
        # A session with an example's name is the session, not the example.
        self.write(os.path.join(self.sessions, "payroll-bureau.yaml"),
                   self.payroll_text(("  org_description: Runs payroll",
                                      "  org_description: Changed. Runs payroll")))
        doc = self.compare_json("payroll-bureau",
                                os.path.join(EXAMPLES, "payroll-bureau.yaml"))
        self.assertEqual([a["question"] for a in doc["answers"]], ["org_description"])

    def test_compare_existing_file_before_saved_session(self):
        # A file named like a session, in the current directory, is the file.
        with open(self.fix("full.yaml"), encoding="utf-8") as f:
            full = f.read()
        self.write(os.path.join(self.sessions, "acme-ltd.yaml"), full)
        self.write("acme-ltd", full.replace("has_sla: true", "has_sla: false"))
        doc = self.compare_json("acme-ltd", self.fix("full.yaml"))
        self.assertEqual([(d["kind"], d["id"]) for d in doc["differences"]],
                         [("category", "availability")])
        # From elsewhere the same name is the session.
        r = self.run_cli("compare", "acme-ltd", self.fix("full.yaml"), "-f", "json",
                         cwd=self.sessions)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(json.loads(r.stdout)["same"])

    def test_compare_unknown_name_says_what_was_tried(self):
        os.makedirs(self.sessions)
        r = self.run_cli("compare", "payroll-bureau", "Nobody Ltd")
        self.assertEqual(r.returncode, 66)
        self.assertEqual(r.stdout, "")
        session = os.path.join(self.sessions, "nobody-ltd.yaml")
        self.assertEqual(r.stderr,
                         f"socscope: Nobody Ltd: no such file, no saved session called "
                         f"\"Nobody Ltd\" (no {session}) and no worked example of that "
                         f"name (see 'socscope list')\n")
        # A path that does not exist is a file that cannot be read, as before.
        r = self.run_cli("compare", "payroll-bureau", "gone/payroll-bureau")
        self.assertEqual(r.returncode, 66)
        self.assertIn("gone/payroll-bureau", r.stderr)
        self.assertNotIn("worked example", r.stderr)

    def test_compare_example_against_another_questionnaire_exit_65(self):
        r = self.run_cli("compare", "payroll-bureau", "local-bookkeeper",
                         "-q", "report-fixture")
        self.assertEqual(r.returncode, 65)
        self.assertRegex(r.stderr, r"payroll-bureau\.yaml:\d+:\d+: ")
        self.assertEqual(r.stdout, "")

    def test_compare_writes_output_with_private_mode(self):
        out = os.path.join(self.dir, "diff.html")
        r = self.run_cli("compare", self.fix("full.yaml"), self.fix("partial.yaml"),
                         "-f", "html", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "")
        with open(out, encoding="utf-8") as f:
            self.assertTrue(f.read().startswith("<!DOCTYPE html>"))
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)

    def test_compare_usage_errors_exit_64(self):
        full = self.fix("full.yaml")
        for args in (("compare",), ("compare", full), ("compare", full, full, full),
                     ("compare", full, full, "-f", "csv"),
                     ("compare", full, full, "-f", "pdf"),
                     ("compare", full, full, "--plain"),
                     ("compare", full, full, "--example", "payroll-bureau")):
            r = self.run_cli(*args)
            self.assertEqual(r.returncode, 64, (args, r.stderr))
            self.assertIn("socscope --help", r.stderr)

    def test_compare_invalid_or_mismatched_exit_65(self):
        bad = self.write("bad.yaml", "socscope: 1\nquestionnaire: report-fixture\n"
                                     "answers:\n  no_such_question: true\n")
        r = self.run_cli("compare", self.fix("full.yaml"), bad)
        self.assertEqual(r.returncode, 65)
        self.assertRegex(r.stderr, r"bad\.yaml:4:3: ")
        other = self.write("other.yaml", "socscope: 1\nquestionnaire: soc-scoping\nanswers: {}\n")
        r = self.run_cli("compare", self.fix("full.yaml"), other)
        self.assertEqual(r.returncode, 65)
        self.assertRegex(r.stderr, r"other\.yaml:\d+:\d+: .*soc-scoping")

    def test_compare_missing_input_exit_66(self):
        r = self.run_cli("compare", self.fix("full.yaml"), "nowhere.yaml")
        self.assertEqual(r.returncode, 66)
        self.assertIn("nowhere.yaml", r.stderr)
        r = self.run_cli("compare", "no-such-client", self.fix("full.yaml"))
        self.assertEqual(r.returncode, 66)
        self.assertIn('no saved session called "no-such-client"', r.stderr)

    def test_compare_unwritable_output_exit_73(self):
        r = self.run_cli("compare", self.fix("full.yaml"), self.fix("partial.yaml"),
                         "-o", os.path.join(self.dir, "no", "such", "dir", "x.txt"))
        self.assertEqual(r.returncode, 73)

    def test_compare_write_error_exit_74(self):
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        with open("/dev/full", "w") as full:
            r = subprocess.run([BIN, "compare", self.fix("full.yaml"), self.fix("partial.yaml")],
                               stdout=full, stderr=subprocess.PIPE, env=self.env,
                               timeout=60, text=True)
        self.assertEqual(r.returncode, 74)

    # examples ------------------------------------------------------------
    def test_list_shows_examples(self):
        r = self.run_cli("list")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Examples", r.stdout)
        self.assertRegex(r.stdout, r"\n  payroll-bureau +A payroll bureau")

    def test_list_kind_prints_bare_names(self):
        r = self.run_cli("list", "examples")
        self.assertEqual(r.returncode, 0, r.stderr)
        names = sorted(f[:-5] for f in os.listdir(EXAMPLES) if f.endswith(".yaml"))
        self.assertEqual(r.stdout.splitlines(), names)
        r = self.run_cli("list", "questionnaires")
        self.assertEqual(r.stdout.splitlines(),
                         ["report-fixture", "soc-report-review", "soc-scoping"])
        r = self.run_cli("list", "themes")
        self.assertEqual(r.stdout.splitlines(), ["default", "high-contrast", "monochrome"])
        r = self.run_cli("list", "sessions")
        self.assertEqual((r.returncode, r.stdout), (0, ""))
        r = self.run_cli("list", "gadgets")
        self.assertEqual(r.returncode, 64)

    def test_example_opens_on_a_new_copy_each_time(self):
        src = os.path.join(EXAMPLES, "payroll-bureau.yaml")
        with open(src, "rb") as f:
            before = f.read()
        # The plain interview on the copy: change the first answer, then quit.
        r = self.run_cli("interview", "--example", "payroll-bureau", "--plain",
                         stdin="A payroll bureau in a what-if.\n:quit\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        copy = os.path.join(self.sessions, "payroll-bureau.yaml")
        self.assertIn(copy, r.stderr)
        self.assertIn("Brightline Payroll Services", r.stdout)
        self.assertEqual(stat.S_IMODE(os.stat(copy).st_mode), 0o600)
        with open(copy, encoding="utf-8") as f:
            saved = f.read()
        self.assertIn("A payroll bureau in a what-if.", saved)
        # A second run never reuses the first copy.
        r = self.run_cli("interview", "--example", "payroll-bureau", "--plain",
                         stdin=":quit\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        second = os.path.join(self.sessions, "payroll-bureau-2.yaml")
        self.assertTrue(os.path.exists(second))
        with open(copy, encoding="utf-8") as f:
            self.assertEqual(f.read(), saved)
        with open(src, "rb") as f:
            self.assertEqual(f.read(), before)
        # The copy and the changed one compare as sessions, by name.
        r = self.run_cli("compare", "payroll-bureau-2", "payroll-bureau", "-f", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = json.loads(r.stdout)
        self.assertTrue(doc["same"])
        self.assertEqual([a["question"] for a in doc["answers"]], ["org_description"])

    def test_example_errors(self):
        r = self.run_cli("interview", "--example", "no-such-example", "--plain", stdin="")
        self.assertEqual(r.returncode, 66)
        self.assertIn('no example called "no-such-example"', r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.sessions, "no-such-example.yaml")))
        r = self.run_cli("interview", "--example", "payroll-bureau", "-a", "x.yaml")
        self.assertEqual(r.returncode, 64)
        r = self.run_cli("evaluate", self.fix("full.yaml"), "--example", "payroll-bureau")
        self.assertEqual(r.returncode, 64)
        # An example answers its own questionnaire.
        r = self.run_cli("interview", "-q", "report-fixture", "--example",
                         "payroll-bureau", "--plain", stdin="")
        self.assertEqual(r.returncode, 65)
        self.assertRegex(r.stderr, r"payroll-bureau\.yaml:\d+:\d+: ")


if __name__ == "__main__":
    unittest.main(verbosity=2)
