#!/usr/bin/python3
"""Command-line tests: every exit code of the contract, from the outside.

Usage: test_cli.py PATH/TO/socscope
"""
import csv
import io
import json
import shutil
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import unittest

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/src/socscope"
HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "fixtures")
SRC = os.path.dirname(os.path.dirname(HERE))
EXAMPLES = os.path.join(SRC, "questionnaires", "examples")


def schema_errors(kind, doc):
    """What docs/schema/KIND.schema.json finds wrong with doc (a real
    validator: python3-jsonschema, installed by .ci/setup)."""
    import jsonschema
    with open(os.path.join(SRC, "docs", "schema", f"{kind}.schema.json"),
              encoding="utf-8") as f:
        v = jsonschema.Draft202012Validator(json.load(f))
    return [f"/{'/'.join(map(str, e.path))}: {e.message}" for e in v.iter_errors(doc)]


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="socscope-cli-")
        self.dir = self.tmp.name
        data = os.path.join(self.dir, "data")
        os.makedirs(os.path.join(data, "questionnaires"))
        with open(os.path.join(FIX, "tiny.yaml"), encoding="utf-8") as f:
            tiny = f.read()
        with open(os.path.join(data, "questionnaires", "tiny.yaml"), "w", encoding="utf-8") as f:
            f.write(tiny)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.dir,
            "SOCSCOPE_DATA_DIR": data,
            "XDG_STATE_HOME": os.path.join(self.dir, "state"),
            "XDG_DATA_HOME": os.path.join(self.dir, "xdg-data"),
            "XDG_DATA_DIRS": os.path.join(self.dir, "none"),
            "LANG": "C.UTF-8",
            "SOCSCOPE_DATE": "2026-11-23",
        }
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                self.env[k] = os.environ[k]

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args, stdin=None, stdout=subprocess.PIPE):
        return subprocess.run([BIN, *args], input=stdin, stdout=stdout,
                              stderr=subprocess.PIPE, env=self.env, timeout=60,
                              text=True)

    def fix(self, name):
        return os.path.join(FIX, name)

    # 0 -------------------------------------------------------------------
    def test_version_is_one_line(self):
        r = self.run_cli("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"^socscope \d+\.\d+\.\d+\n$")

    def test_help_lists_every_command(self):
        r = self.run_cli("--help")
        self.assertEqual(r.returncode, 0)
        for word in ("interview", "evaluate", "validate", "list", "--plain", "--format",
                     "evidence", "portfolio"):
            self.assertIn(word, r.stdout)

    def help_synopses(self):
        """{command: synopsis} as --help prints the table of commands."""
        r = self.run_cli("--help")
        self.assertEqual(r.returncode, 0, r.stderr)
        usage = r.stdout.split("\nOptions:\n")[0]
        synopses, name = {}, None
        for line in usage.splitlines()[1:]:
            m = re.match(r"  socscope ([a-z][a-z-]*)(?: (.*))?$", line)
            if m:
                name = m.group(1)
                synopses[name] = re.split(r"\s{2,}", m.group(2) or "")[0]
            elif line.startswith("  socscope") or not line.strip():
                name = None
            elif name and line.strip().startswith("["):
                synopses[name] += " " + line.strip()
        return synopses

    def test_help_man_page_and_readme_give_each_command_the_same_synopsis(self):
        synopses = self.help_synopses()
        self.assertEqual(sorted(synopses), ["compare", "evaluate", "evidence", "interview",
                                            "list", "portfolio", "validate"])
        # The man page's SYNOPSIS, its roff macros undone.
        with open(os.path.join(SRC, "socscope.1"), encoding="utf-8") as f:
            man = f.read()
        section = man.split(".SH SYNOPSIS\n")[1].split("\n.SH ")[0]
        man_synopses = {}
        for entry in section.split("\n.br\n"):
            words = []
            for line in entry.splitlines():
                macro, _, rest = line.partition(" ")
                joined = "".join(rest.split()) if macro in (".RB", ".BR", ".IR", ".RI", ".BI") \
                    else rest
                words.append(joined.replace("\\-", "-"))
            text = " ".join(words)
            m = re.match(r"socscope ([a-z][a-z-]*) ?(.*)$", text)
            if m:
                man_synopses[m.group(1)] = m.group(2)
        # README's "Using it" block: a command's line up to its description,
        # and the lines going on with "[".
        with open(os.path.join(SRC, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        block = readme.split("## Using it\n")[1].split("```\n")[1]
        readme_synopses, name = {}, None
        for line in block.splitlines():
            m = re.match(r"socscope ([a-z][a-z-]*) ?(.*)$", line)
            if m:
                name = m.group(1)
                readme_synopses[name] = re.split(r"\s{2,}", m.group(2))[0]
            elif name and line.strip().startswith("["):
                readme_synopses[name] += " " + re.split(r"\s{2,}", line.strip())[0]
            else:
                name = None
        for name, synopsis in synopses.items():
            self.assertEqual(man_synopses.get(name), synopsis, f"socscope.1: {name}")
            self.assertEqual(readme_synopses.get(name), synopsis, f"README.md: {name}")

    def test_validate_valid_files_of_each_kind(self):
        answers = self.fix("hosting.yaml")
        r = self.run_cli("validate", self.fix("tiny.yaml"), answers,
                         os.path.join(SRC, "themes", "default.yaml"),
                         os.path.join(SRC, "questionnaires", "soc-scoping.yaml"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "")
        self.assertIn("valid questionnaire \"tiny\"", r.stdout)
        self.assertIn("valid answers to \"tiny\"", r.stdout)
        self.assertIn("valid theme", r.stdout)

    def test_evaluate_json_follows_the_contract(self):
        r = self.run_cli("evaluate", self.fix("hosting.yaml"), "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = json.loads(r.stdout)
        self.assertEqual(doc["socscope"], 1)
        self.assertEqual(doc["questionnaire"], {"id": "tiny", "title": "A tiny questionnaire",
                                                "version": "1.0"})
        self.assertEqual(doc["client"], "Höst & Co, \"the cloud\"")
        self.assertTrue(doc["complete"])
        self.assertEqual(doc["unanswered"], [])
        reports = doc["recommendation"]["reports"]
        self.assertEqual([(x["id"], x["type"], x["period_months"]) for x in reports],
                         [("soc2", "type2", 6)])
        reason = reports[0]["reasons"][0]
        self.assertEqual(reason["rule"], "hosting_soc2")
        self.assertEqual(reason["because"], [{"question": "services", "answer": ["hosting"]}])
        self.assertEqual(set(doc["tsc"]), {"security", "availability", "processing_integrity",
                                           "confidentiality", "privacy"})
        self.assertTrue(doc["tsc"]["security"]["in_scope"])
        self.assertTrue(doc["tsc"]["security"]["required"])
        self.assertTrue(doc["tsc"]["availability"]["in_scope"])
        self.assertEqual(doc["tsc"]["availability"]["reasons"][0]["rule"], "sla_availability")
        self.assertFalse(doc["tsc"]["privacy"]["in_scope"])
        self.assertIn("SOC 2 Type II", doc["recommendation"]["summary"])
        for key in ("related_frameworks", "gaps", "readiness"):
            self.assertIn(key, doc)
        self.assertEqual(schema_errors("report", doc), [])

    def test_evaluate_text_names_the_report_and_the_disclaimer(self):
        r = self.run_cli("evaluate", self.fix("hosting.yaml"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("SOC 2", r.stdout)
        self.assertIn("Type II", r.stdout)
        self.assertIn("CPA", r.stdout)

    def test_evaluate_partial_answers_still_reports_what_is_missing(self):
        path = os.path.join(self.dir, "partial.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("socscope: 1\nquestionnaire: tiny\nanswers:\n  services: [payroll]\n")
        r = self.run_cli("evaluate", path, "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = json.loads(r.stdout)
        self.assertFalse(doc["complete"])
        self.assertEqual(doc["unanswered"], ["months_needed"])
        self.assertEqual([x["id"] for x in doc["recommendation"]["reports"]], ["soc1"])
        # SOC 2 is not recommended, so every category is out of scope.
        self.assertFalse(any(v["in_scope"] for v in doc["tsc"].values()))

    def test_evaluate_writes_output_file_with_private_mode(self):
        out = os.path.join(self.dir, "report.json")
        r = self.run_cli("evaluate", self.fix("hosting.yaml"), "-f", "json", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "")
        with open(out, encoding="utf-8") as f:
            json.load(f)
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)

    def test_output_through_a_symlink_writes_its_target(self):
        target_dir = os.path.join(self.dir, "reports")
        os.mkdir(target_dir)
        target = os.path.join(target_dir, "client.json")
        with open(target, "w", encoding="utf-8") as f:
            f.write("old contents\n")
        link = os.path.join(self.dir, "latest.json")
        os.symlink(os.path.join("reports", "client.json"), link)  # relative
        dangling = os.path.join(self.dir, "new.json")
        os.symlink(os.path.join(target_dir, "created.json"), dangling)
        for out, real in ((link, target), (dangling,
                                           os.path.join(target_dir, "created.json"))):
            with self.subTest(out=out):
                r = self.run_cli("evaluate", self.fix("hosting.yaml"), "-f", "json", "-o", out)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertTrue(os.path.islink(out), "the link was replaced")
                with open(real, encoding="utf-8") as f:
                    self.assertEqual(json.load(f)["socscope"], 1)
                self.assertEqual(stat.S_IMODE(os.stat(real).st_mode), 0o600)
        # Nothing but the two reports was left in the target's directory.
        self.assertEqual(sorted(os.listdir(target_dir)), ["client.json", "created.json"])
        loop = os.path.join(self.dir, "loop.json")
        os.symlink(loop, loop)
        r = self.run_cli("evaluate", self.fix("hosting.yaml"), "-o", loop)
        self.assertEqual(r.returncode, 73, r.stderr)
        self.assertIn(loop, r.stderr)

    def test_output_into_a_fifo_a_socket_and_devices(self):
        got = {}

        def drain(name, f):
            with f:
                got[name] = f.read()

        fifo = os.path.join(self.dir, "report.fifo")
        os.mkfifo(fifo, 0o600)
        reader = threading.Thread(target=lambda: drain("fifo", open(fifo, "rb")),
                                  daemon=True)
        reader.start()
        r = self.run_cli("evaluate", self.fix("hosting.yaml"), "-f", "json", "-o", fifo)
        reader.join(20)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced")
        self.assertEqual(json.loads(got["fifo"])["socscope"], 1)

        sock_path = os.path.join(self.dir, "report.sock")
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(sock_path)
        server.listen(1)

        def serve():
            conn, _ = server.accept()
            with conn:
                chunks = []
                while True:
                    b = conn.recv(65536)
                    if not b:
                        break
                    chunks.append(b)
                got["socket"] = b"".join(chunks)
        t = threading.Thread(target=serve, daemon=True)
        t.start()
        r = self.run_cli("evaluate", self.fix("hosting.yaml"), "-f", "json", "-o", sock_path)
        t.join(20)
        server.close()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(stat.S_ISSOCK(os.lstat(sock_path).st_mode))
        self.assertEqual(json.loads(got["socket"])["socscope"], 1)

        # A character device: a copy of /dev/null where we may make one
        # (root), /dev/null itself otherwise.  It stays a device.
        null = "/dev/null"
        if os.geteuid() == 0:
            null = os.path.join(self.dir, "null")
            os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        r = self.run_cli("evaluate", self.fix("hosting.yaml"), "-o", null)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(stat.S_ISCHR(os.lstat(null).st_mode), "the device was replaced")
        full = "/dev/full"
        if os.geteuid() == 0:
            full = os.path.join(self.dir, "full")
            os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        if os.path.exists(full):
            r = self.run_cli("evaluate", self.fix("hosting.yaml"), "-o", full)
            self.assertEqual(r.returncode, 74, r.stderr)
            self.assertIn("No space left on device", r.stderr)
            # The path is named once.
            self.assertEqual(r.stderr.count(full), 1, r.stderr)
            self.assertTrue(stat.S_ISCHR(os.lstat(full).st_mode))
        # A directory cannot take a report.
        r = self.run_cli("evaluate", self.fix("hosting.yaml"), "-o", self.dir)
        self.assertEqual(r.returncode, 73, r.stderr)

    def test_every_command_writes_where_the_name_points(self):
        # evidence, portfolio and compare write -o like evaluate: through a
        # symlink to its target (the link stays), into a device.
        payroll = self.example("payroll-bureau.yaml")
        runs = {
            "evidence": ("evidence", payroll, "-f", "csv"),
            "portfolio": ("portfolio", payroll, "-f", "json"),
            "compare": ("compare", payroll, self.example("loan-servicer.yaml")),
        }
        for name, args in runs.items():
            target = os.path.join(self.dir, name + ".out")
            link = os.path.join(self.dir, name + ".link")
            with open(target, "w") as f:
                f.write("old")
            os.symlink(target, link)
            r = self.run_cli(*args, "-o", link)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(os.path.islink(link), name)
            with open(target, encoding="utf-8") as f:
                self.assertNotEqual(f.read(), "old", name)
            null = "/dev/null"
            if os.geteuid() == 0:
                null = os.path.join(self.dir, name + ".null")
                os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
            r = self.run_cli(*args, "-o", null)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(stat.S_ISCHR(os.lstat(null).st_mode), name)

    def test_list_shows_bundled_data(self):
        r = self.run_cli("list")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("soc-scoping", r.stdout)
        self.assertIn("high-contrast", r.stdout)
        self.assertIn("tiny", r.stdout)

    # 64 ------------------------------------------------------------------
    def test_usage_errors_exit_64(self):
        cases = [
            ("--bogus",),
            ("frobnicate",),
            ("evaluate",),
            ("evaluate", "a.yaml", "b.yaml"),
            ("evaluate", self.fix("hosting.yaml"), "--format", "pdf"),
            ("evaluate", self.fix("hosting.yaml"), "-o"),
            ("validate",),
            ("list", "extra"),
            ("interview", "extra"),
            ("validate", "--plain", "x.yaml"),
            ("--format", "json"),
        ]
        for args in cases:
            with self.subTest(args=args):
                r = self.run_cli(*args)
                self.assertEqual(r.returncode, 64, r.stderr)
                self.assertTrue(r.stderr.startswith("socscope: "), r.stderr)
                self.assertIn("socscope --help", r.stderr)

    def test_unknown_option_is_named(self):
        for opt in ("-z", "-X", "--bogus"):
            with self.subTest(opt=opt):
                r = self.run_cli("evaluate", self.fix("hosting.yaml"), opt)
                self.assertEqual((r.returncode, r.stdout), (64, ""))
                self.assertEqual(r.stderr, f"socscope: unknown option '{opt}'\n"
                                           "Try 'socscope --help'.\n")

    # 65 ------------------------------------------------------------------
    def test_invalid_questionnaire_reports_every_problem_with_position(self):
        path = self.fix("bad-questionnaire.yaml")
        r = self.run_cli("validate", path)
        self.assertEqual(r.returncode, 65)
        lines = r.stderr.splitlines()
        self.assertTrue(all(line.startswith(path + ":") for line in lines), lines)
        self.assertTrue(any(line.startswith(path + ":14:15:") and "maybe" in line
                            for line in lines), lines)
        self.assertTrue(any(line.startswith(path + ":19:") and "\")\" expected" in line
                            for line in lines), lines)
        self.assertTrue(any(line.startswith(path + ":22:") and "CC9.9" in line
                            for line in lines), lines)
        self.assertEqual(len(lines), 3, lines)

    def test_invalid_answers_exit_65_with_positions(self):
        path = self.fix("bad-answers.yaml")
        for args in (("validate", path), ("evaluate", path)):
            with self.subTest(args=args):
                r = self.run_cli(*args)
                self.assertEqual(r.returncode, 65)
                self.assertEqual(r.stdout, "")
                self.assertIn(path + ":4:23:", r.stderr)  # unknown choice "catering"
                self.assertIn("catering", r.stderr)
                self.assertIn(path + ":5:18:", r.stderr)  # text for a number
                self.assertIn(path + ":6:3:", r.stderr)   # unknown question
                self.assertIn("no_such_question", r.stderr)

    def test_unrecognised_file_kind_is_a_data_error(self):
        path = os.path.join(self.dir, "what.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("hello: world\n")
        r = self.run_cli("validate", path)
        self.assertEqual(r.returncode, 65)
        self.assertIn(path + ":1:1: cannot tell what this file is", r.stderr)

    # 66 ------------------------------------------------------------------
    def test_missing_inputs_exit_66(self):
        missing = os.path.join(self.dir, "nope.yaml")
        for args in (("validate", missing), ("evaluate", missing),
                     ("evaluate", self.fix("hosting.yaml"), "-q", "no-such-questionnaire"),
                     ("validate", self.fix("tiny.yaml"), missing)):
            with self.subTest(args=args):
                r = self.run_cli(*args)
                self.assertEqual(r.returncode, 66, r.stderr)
                self.assertIn("socscope" if "-q" in args else missing, r.stderr)

    # 73 ------------------------------------------------------------------
    def test_output_that_cannot_be_created_exits_73_and_leaves_nothing(self):
        target_dir = os.path.join(self.dir, "ro")
        os.mkdir(target_dir, 0o500)
        a_file = os.path.join(self.dir, "plain-file")
        open(a_file, "w").close()
        outs = [os.path.join(self.dir, "missing-dir", "r.json"),
                os.path.join(a_file, "r.json")]  # a file where a directory should be
        if os.geteuid() != 0:  # root may write into a read-only directory
            outs.append(os.path.join(target_dir, "r.json"))
        for out in outs:
            with self.subTest(out=out):
                r = self.run_cli("evaluate", self.fix("hosting.yaml"), "-f", "json", "-o", out)
                self.assertEqual(r.returncode, 73, r.stderr)
                self.assertIn(out, r.stderr)
                self.assertFalse(os.path.exists(out))
        self.assertEqual(os.listdir(target_dir), [])

    # 74 ------------------------------------------------------------------
    def test_write_error_on_stdout_exits_74(self):
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        with open("/dev/full", "w") as full:
            r = self.run_cli("evaluate", self.fix("hosting.yaml"), "-f", "json", stdout=full)
        self.assertEqual(r.returncode, 74)
        self.assertIn("cannot write", r.stderr)

    # 130 -----------------------------------------------------------------
    def test_sigint_in_plain_interview_exits_130_with_answers_saved(self):
        answers = os.path.join(self.dir, "session.yaml")
        p = subprocess.Popen([BIN, "interview", "--plain", "-q", "tiny", "-a", answers],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=self.env, text=True)
        p.stdin.write("Acme Hosting\n")
        p.stdin.flush()
        deadline = time.time() + 20
        while time.time() < deadline:
            if os.path.exists(answers):
                with open(answers, encoding="utf-8") as f:
                    if "Acme Hosting" in f.read():
                        break
            time.sleep(0.05)
        p.send_signal(signal.SIGINT)
        try:
            p.communicate(timeout=20)
        finally:
            p.kill()
        self.assertEqual(p.returncode, 130)
        with open(answers, encoding="utf-8") as f:
            self.assertIn("client_name: Acme Hosting", f.read())
        self.assertEqual(stat.S_IMODE(os.stat(answers).st_mode), 0o600)

    # evidence ------------------------------------------------------------
    def example(self, name):
        return os.path.join(EXAMPLES, name)

    def test_evidence_lists_what_each_recommended_report_needs(self):
        r = self.run_cli("evidence", self.example("payroll-bureau.yaml"), "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = json.loads(r.stdout)
        self.assertEqual(schema_errors("evidence", doc), [])
        self.assertEqual([(x["id"], x["type"]) for x in doc["reports"]],
                         [("soc1", "type2"), ("soc2", "type2")])
        soc1, soc2 = doc["reports"]
        rows = {row["id"]: row for row in doc["requests"]}
        # One examination of both asks for each request once (the memo,
        # issue 18.6): no request twice, each saying which reports it serves.
        self.assertEqual(len(rows), len(doc["requests"]))
        self.assertTrue(any(row["reports"] == ["soc1", "soc2"] for row in rows.values()))
        for report in (soc1, soc2):
            self.assertEqual(set(report["request_ids"]),
                             {i for i, row in rows.items() if report["id"] in row["reports"]})
        # SOC 1 rows cite SOC 1 objectives; SOC 2 rows never Privacy, which
        # is out of this client's scope.
        for row in rows.values():
            self.assertFalse(any(c.startswith("P") and not c.startswith("PI")
                                 for c in row["criteria"]), row)
            if row["reports"] == ["soc1"]:
                self.assertTrue(all(c.startswith("SOC1:") for c in row["criteria"]), row)
        self.assertIn("reconciliations", soc1["request_ids"])
        self.assertIn("cuec_list", soc1["request_ids"])
        # The window the roadmap plans, on every operation request.
        for row in rows.values():
            if row["test"] == "operation":
                self.assertEqual(row["when"], f"over {soc2['window_start']} to "
                                              f"{soc2['window_end']}")
        sources = {s["id"] for s in doc["sources"]}
        for row in rows.values():
            self.assertTrue(row["sources"] and set(row["sources"]) <= sources, row)

    def test_evidence_formats(self):
        path = self.example("early-stage-saas.yaml")
        md = self.run_cli("evidence", path)
        self.assertEqual(md.returncode, 0, md.stderr)
        self.assertTrue(md.stdout.startswith("# Evidence request list for "), md.stdout[:80])
        self.assertIn("| # | Serves | Criteria | Evidence to provide |", md.stdout)
        csv_out = self.run_cli("evidence", path, "--format", "csv")
        self.assertEqual(csv_out.returncode, 0, csv_out.stderr)
        import csv as csvmod
        import io
        rows = list(csvmod.reader(io.StringIO(csv_out.stdout, newline="")))
        head = rows[0]
        self.assertEqual(head[head.index("owner"):head.index("owner") + 2], ["owner", "due_date"])
        self.assertGreater(len(rows), 10)
        # No owner set in this example's answers file: none invented.
        owner = head.index("owner")
        self.assertTrue(all(len(row) == len(head) and row[owner:owner + 2] == ["", ""]
                            for row in rows[1:]))
        # A Type I: design only, as of one date.
        test = head.index("test")
        self.assertTrue(all(row[test].startswith("Type I and II") for row in rows[1:]), rows[1])
        out = os.path.join(self.dir, "pbc.html")
        r = self.run_cli("evidence", path, "--format", "html", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)
        with open(out, encoding="utf-8") as f:
            self.assertIn("<th>Exists yet</th>", f.read())

    def test_evidence_usage_and_input_errors(self):
        path = self.example("early-stage-saas.yaml")
        for args in (["evidence"], ["evidence", path, path], ["evidence", path, "-f", "text"],
                     ["evidence", path, "--plain"]):
            r = self.run_cli(*args)
            self.assertEqual(r.returncode, 64, args)
        r = self.run_cli("evidence", os.path.join(self.dir, "missing.yaml"))
        self.assertEqual(r.returncode, 66)
        r = self.run_cli("evidence", self.fix("bad-answers.yaml"))
        self.assertEqual(r.returncode, 65)
        self.assertRegex(r.stderr, r"bad-answers\.yaml:\d+:\d+: ")

    def test_evaluate_names_who_prepared_it_and_takes_a_stylesheet_and_logo(self):
        path = self.example("payroll-bureau.yaml")
        css = os.path.join(self.dir, "ours.css")
        with open(css, "w", encoding="utf-8") as f:
            f.write("h1 { color: #0b3d91; }\n")
        logo = os.path.join(self.dir, "logo.png")
        with open(logo, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n" + bytes(25))
        out = os.path.join(self.dir, "memo.html")
        r = self.run_cli("evaluate", path, "-f", "html", "--assessor", "Jane Roe",
                         "--firm", "Roe & Co CPAs", "--stylesheet", css, "--logo", logo,
                         "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out, encoding="utf-8") as f:
            html = f.read()
        self.assertIn("<dt>Prepared by</dt><dd>Jane Roe, Roe &amp; Co CPAs</dd>", html)
        self.assertGreater(html.index("h1 { color: #0b3d91; }"), html.index("h1{font-size"))
        self.assertIn('<img src="data:image/png;base64,iVBORw0KGgo', html)
        # The answers file's own names otherwise; --firm alone keeps its assessor.
        r = self.run_cli("evaluate", path, "-f", "json", "--firm", "Roe & Co CPAs")
        doc = json.loads(r.stdout)
        self.assertEqual((doc["assessor"], doc["firm"]), ("Example", "Roe & Co CPAs"))
        # What cannot be used is said precisely, with the contract's codes.
        bad_css = os.path.join(self.dir, "bad.css")
        with open(bad_css, "w", encoding="utf-8") as f:
            f.write("a{}\nb{}</style><script>x</script>\n")
        not_image = os.path.join(self.dir, "logo.gif")
        with open(not_image, "wb") as f:
            f.write(b"GIF89a")
        for args, code, message in (
                (["--stylesheet", bad_css], 65, f"{bad_css}:2:4: cannot use this stylesheet"),
                (["--logo", not_image], 65, f"{not_image}: not a PNG, JPEG or SVG image"),
                (["--logo", os.path.join(self.dir, "none.png")], 66, "none.png: "),
                (["--stylesheet", self.dir], 66, "is a directory")):
            r = self.run_cli("evaluate", path, "-f", "html", *args, "-o", out + ".2")
            self.assertEqual(r.returncode, code, (args, r.stderr))
            self.assertIn(message, r.stderr)
            self.assertFalse(os.path.exists(out + ".2"))
        # Usage errors: HTML only, evaluate only.
        r = self.run_cli("evaluate", path, "-f", "markdown", "--logo", logo)
        self.assertEqual(r.returncode, 64)
        self.assertIn("--stylesheet and --logo go with --format html", r.stderr)
        r = self.run_cli("evidence", path, "--firm", "X")
        self.assertEqual(r.returncode, 64)

    def test_evaluate_takes_a_saved_sessions_name(self):
        """A saved session by the client's name or its file's, as `list
        sessions` shows them and `compare` takes them; a name that is
        neither still says no such file (66)."""
        sessions = os.path.join(self.dir, "state", "socscope", "sessions")
        os.makedirs(sessions, mode=0o700, exist_ok=True)
        shutil.copy(self.example("payroll-bureau.yaml"),
                    os.path.join(sessions, "lakeshore-dental-billing.yaml"))
        want = self.run_cli("evaluate", self.example("payroll-bureau.yaml"),
                            "--format", "json").stdout
        for name in ("Lakeshore Dental Billing", "lakeshore-dental-billing"):
            r = self.run_cli("evaluate", name, "--format", "json")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(json.loads(r.stdout)["recommendation"],
                             json.loads(want)["recommendation"])
        r = self.run_cli("evaluate", "Nobody Here")
        self.assertEqual(r.returncode, 66)

    def test_evaluate_markdown_and_html_carry_the_evidence_appendix(self):
        path = self.example("payroll-bureau.yaml")
        # The last appendix, after the assumptions, the trace, the gap guide
        # and the answers.
        for fmt, mark in (("markdown", "## Appendix E: evidence to collect"),
                          ("html", "<h2>Appendix E: evidence to collect</h2>")):
            r = self.run_cli("evaluate", path, "--format", fmt)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(mark, r.stdout)
        for fmt in ("text", "json", "csv"):
            r = self.run_cli("evaluate", path, "--format", fmt)
            self.assertNotIn("evidence to collect", r.stdout.lower())

    def test_validate_evidence_catalogues(self):
        r = self.run_cli("validate", os.path.join(SRC, "questionnaires", "evidence", "soc-evidence.yaml"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("valid evidence catalogue \"soc-evidence\"", r.stdout)
        bad = os.path.join(SRC, "tests", "fixtures", "evidence", "invalid-criteria.yaml")
        r = self.run_cli("validate", bad)
        self.assertEqual(r.returncode, 65)
        self.assertIn("invalid-criteria.yaml:8:16: \"CC9.9\" is not one of the 61", r.stderr)
        r = self.run_cli("list")
        self.assertIn("Evidence catalogues:", r.stdout)
        self.assertIn("soc-evidence", r.stdout)

    # portfolio -----------------------------------------------------------
    def save_session(self, example, updated):
        sessions = os.path.join(self.dir, "state", "socscope", "sessions")
        os.makedirs(sessions, exist_ok=True)
        with open(self.example(example), encoding="utf-8") as f:
            text = f.read()
        text = text.replace("answers:\n", f"updated: {updated}\nanswers:\n", 1)
        path = os.path.join(sessions, example)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_portfolio_of_saved_sessions(self):
        r = self.run_cli("portfolio")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("No saved sessions", r.stdout)
        self.save_session("payroll-bureau.yaml", "2026-11-20T09:00:00Z")
        self.save_session("no-report-consultancy.yaml", "2026-11-22T09:00:00Z")
        r = self.run_cli("portfolio")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertTrue(lines[0].startswith("Client"), lines[0])
        # Newest first, as the interview's picker lists them.
        self.assertTrue(lines[1].startswith("Clearwater Strategy Partners"), lines[1])
        self.assertIn("No SOC report now", lines[1])
        self.assertTrue(lines[2].startswith("Brightline Payroll Services"), lines[2])
        self.assertIn("SOC 1 Type II and SOC 2 Type II", lines[2])
        self.assertIn("2026-11-20", lines[2])
        r = self.run_cli("portfolio", "--format", "json")
        doc = json.loads(r.stdout)
        self.assertEqual(schema_errors("portfolio", doc), [])
        self.assertEqual([s["client"] for s in doc["sessions"]],
                         ["Clearwater Strategy Partners", "Brightline Payroll Services"])
        brightline = doc["sessions"][1]
        self.assertEqual(brightline["updated"], "2026-11-20T09:00:00Z")
        self.assertEqual(brightline["categories"],
                         ["security", "processing_integrity", "confidentiality"])
        # The same score as the client's own report.
        report = json.loads(self.run_cli("evaluate", self.example("payroll-bureau.yaml"),
                                          "-f", "json").stdout)
        self.assertEqual(brightline["readiness"]["score"], report["readiness"]["score"])

    def test_portfolio_of_files_shows_the_good_and_reports_the_bad(self):
        good = self.example("managed-it-provider.yaml")
        bad = self.fix("bad-answers.yaml")
        r = self.run_cli("portfolio", "--format", "csv", good, bad)
        self.assertEqual(r.returncode, 65)
        first = re.search(r"^(.*bad-answers\.yaml:\d+:\d+: .*)$", r.stderr, re.M).group(1)
        # The bad file is listed, with its first problem, not left out.
        rows = list(csv.DictReader(io.StringIO(r.stdout, newline="")))
        self.assertEqual([row["file"] for row in rows], [good, bad])
        self.assertIn("Harborline IT", rows[0]["client"])
        self.assertEqual(rows[0]["error"], "")
        self.assertEqual(rows[1]["error"], first)
        self.assertEqual(rows[1]["recommendation"], "")
        gone = os.path.join(self.dir, "gone.yaml")
        r = self.run_cli("portfolio", good, gone, bad)
        self.assertEqual(r.returncode, 66)
        self.assertIn("Harborline IT", r.stdout)
        self.assertIn(f"cannot be opened: {gone}: cannot open: No such file or directory\n",
                      r.stdout)
        self.assertIn("cannot be opened: " + first, r.stdout)
        r = self.run_cli("portfolio", "-f", "json", good, gone, bad)
        doc = json.loads(r.stdout)
        self.assertEqual(schema_errors("portfolio", doc), [])
        self.assertEqual([s.get("error") for s in doc["sessions"]],
                         [None, gone + ": cannot open: No such file or directory", first])
        for args in (["portfolio", "-f", "html"], ["portfolio", "-f", "markdown"],
                     ["portfolio", "--client", "x"]):
            self.assertEqual(self.run_cli(*args).returncode, 64, args)


if __name__ == "__main__":
    unittest.main(verbosity=2)
