#!/usr/bin/python3
"""Out of memory, from the outside: the Nth allocation fails (through the
failmalloc LD_PRELOAD library), for every N of `evaluate`, and every
allocation fails in the middle of an interview.  Each run must end one of
two ways: exactly as without the failure (exit 0, the same bytes), or
"socscope: out of memory" and exit 71 with nothing on stdout, no output file
changed and the session file as it was; never a report that was not built
whole, never a crash.

Usage: test_oom.py PATH/TO/socscope PATH/TO/failmalloc.so

SOCSCOPE_OOM_FULL=1 also fails every allocation of the bundled
questionnaire's evaluation in each format (about 30,000 runs per format,
minutes) instead of a sample.
"""
import collections
import concurrent.futures
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/src/socscope"
SHIM = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/tests/robust/failmalloc.so"
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
CLI_FIX = os.path.join(SRC, "tests", "cli", "fixtures")
SESSION_Q = os.path.join(SRC, "tests", "fixtures", "session", "q.yaml")
EXAMPLE = os.path.join(SRC, "questionnaires", "examples", "payroll-bureau.yaml")
FORMATS = ("json", "text", "markdown", "html", "csv")
OOM_MESSAGE = b"socscope: out of memory\n"
FULL = os.environ.get("SOCSCOPE_OOM_FULL") == "1"
WORKERS = max(2, min(8, (os.cpu_count() or 2) * 2))

# The figures of the run, printed at the end (meson keeps them in its log).
FIGURES = []


class OomTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="socscope-oom-")
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.tmp,
            "XDG_STATE_HOME": os.path.join(self.tmp, "state"),
            "XDG_DATA_HOME": os.path.join(self.tmp, "none"),
            "XDG_DATA_DIRS": os.path.join(self.tmp, "none"),
            "SOCSCOPE_DATA_DIR": os.path.join(self.tmp, "none"),
            "LANG": "C.UTF-8",
            "SOCSCOPE_DATE": "2026-11-23",
            "LD_PRELOAD": SHIM,
        }

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_bin(self, args, fail_at=None, count_file=None, cwd=None):
        env = dict(self.env)
        if fail_at is not None:
            env["SOCSCOPE_FAIL_AT"] = str(fail_at)
        if count_file:
            env["SOCSCOPE_ALLOC_COUNT"] = count_file
        return subprocess.run([BIN, *args], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=60, cwd=cwd)

    def allocations(self, args):
        """The reference run's output and how many allocations it made."""
        count = os.path.join(self.tmp, "allocations")
        r = self.run_bin(args, count_file=count)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(count, encoding="ascii") as f:
            return r.stdout, int(f.read())

    def sweep(self, label, args, points):
        """Fail each allocation in `points` in turn; every run must be
        whole or a clean exit 71."""
        ref, total = self.allocations(args)
        if points is None:
            points = range(1, total + 2)
        outcomes = collections.Counter()
        bad = []

        def one(n):
            r = self.run_bin(args, fail_at=n)
            if r.returncode == 0 and r.stdout == ref and r.stderr == b"":
                return n, "whole", r
            if r.returncode == 71 and r.stdout == b"" and r.stderr == OOM_MESSAGE:
                return n, "exit 71", r
            return n, "wrong", r

        with concurrent.futures.ThreadPoolExecutor(WORKERS) as ex:
            for n, kind, r in ex.map(one, points):
                outcomes[kind] += 1
                if kind == "wrong":
                    bad.append("allocation %d: exit %d, %d bytes out, stderr %r"
                               % (n, r.returncode, len(r.stdout), r.stderr[:300]))
        FIGURES.append("%s: %d allocations, %d failure points tried: %d whole, "
                       "%d exit 71, %d wrong" % (label, total, sum(outcomes.values()),
                                                 outcomes["whole"], outcomes["exit 71"],
                                                 outcomes["wrong"]))
        self.assertEqual(bad, [], label)
        # Most allocations matter: the failures are real ones.
        self.assertGreater(outcomes["exit 71"], sum(outcomes.values()) // 2, label)

    def test_every_allocation_of_evaluate_fails_cleanly(self):
        for fmt in FORMATS:
            with self.subTest(fmt=fmt):
                self.sweep("tiny questionnaire, %s" % fmt,
                           ["evaluate", os.path.join(CLI_FIX, "hosting.yaml"), "-q",
                            os.path.join(CLI_FIX, "tiny.yaml"), "-f", fmt], None)

    def test_bundled_questionnaire(self):
        args = ["evaluate", EXAMPLE, "-f", "json"]
        if FULL:
            for fmt in FORMATS:
                with self.subTest(fmt=fmt):
                    self.sweep("bundled questionnaire, %s, every allocation" % fmt,
                               ["evaluate", EXAMPLE, "-f", fmt], None)
            return
        _, total = self.allocations(args)
        # The first 200 (loading) and then a spread over the rest.
        points = sorted(set(range(1, 201)) | set(range(201, total + 2, max(1, total // 300))))
        self.sweep("bundled questionnaire, json, sampled", args, points)

    def test_output_file_is_replaced_whole_or_not_at_all(self):
        os.mkdir(os.path.join(self.tmp, "out"))
        out = os.path.join(self.tmp, "out", "report.json")
        args = ["evaluate", os.path.join(CLI_FIX, "hosting.yaml"), "-q",
                os.path.join(CLI_FIX, "tiny.yaml"), "-f", "json", "-o", out]
        ref, total = self.allocations(args)
        self.assertEqual(ref, b"")
        with open(out, "rb") as f:
            whole = f.read()
        outcomes = collections.Counter()
        for n in range(1, total + 2, 3):
            with open(out, "wb") as f:
                f.write(b"old report\n")
            r = self.run_bin(args, fail_at=n)
            with open(out, "rb") as f:
                now = f.read()
            if r.returncode == 0:
                self.assertEqual(now, whole, "allocation %d" % n)
                outcomes["whole"] += 1
            else:
                self.assertEqual((r.returncode, r.stderr), (71, OOM_MESSAGE),
                                 "allocation %d" % n)
                self.assertEqual(now, b"old report\n", "allocation %d" % n)
                outcomes["exit 71"] += 1
            self.assertEqual(os.listdir(os.path.dirname(out)), ["report.json"],
                             "allocation %d" % n)
        FIGURES.append("evaluate -o: %d failure points tried: %d replaced whole, %d "
                       "exit 71 with the old file intact"
                       % (sum(outcomes.values()), outcomes["whole"], outcomes["exit 71"]))

    def make_session(self):
        path = os.path.join(self.tmp, "session.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("socscope: 1\nquestionnaire: session-fixture\n"
                    "questionnaire_version: \"1.0\"\nclient: Memory Ltd\n"
                    "answers:\n  org_name: Memory Ltd\n  services: [payroll]\n")
        with open(path, "rb") as f:
            return path, f.read()

    def test_plain_interview_out_of_memory(self):
        path, before = self.make_session()
        env = dict(self.env, SOCSCOPE_FAIL_ON_SIGNAL="1")
        p = subprocess.Popen([BIN, "interview", "--plain", "-q", SESSION_Q, "-a", path],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env)
        out = b""
        os.set_blocking(p.stdout.fileno(), False)
        deadline = time.monotonic() + 20
        while b"> " not in out and time.monotonic() < deadline:
            chunk = p.stdout.read()
            out += chunk or b""
            time.sleep(0.02)
        self.assertIn(b"> ", out)
        p.send_signal(signal.SIGUSR1)
        time.sleep(0.1)
        p.stdin.write(b"12\n")
        p.stdin.flush()
        _, err = p.communicate(timeout=20)
        self.assertEqual(p.returncode, 71, err)
        self.assertEqual(err, OOM_MESSAGE)
        with open(path, "rb") as f:
            self.assertEqual(f.read(), before)

    def test_full_screen_out_of_memory_restores_the_terminal(self):
        try:
            import pexpect
        except ImportError:
            self.skipTest("pexpect is missing")
        path, before = self.make_session()
        env = dict(self.env, SOCSCOPE_FAIL_ON_SIGNAL="1", TERM="xterm-256color")
        child = pexpect.spawn(BIN, ["-q", SESSION_Q, "-a", path], env=env,
                              dimensions=(24, 80))
        try:
            child.expect("first report be ready", timeout=10)
            child.kill(signal.SIGUSR1)
            time.sleep(0.1)
            child.send("\x1b[6~")  # PgDn: the next question
            child.expect(pexpect.EOF, timeout=10)
            raw = child.before
        finally:
            child.close(force=True)
        self.assertEqual(child.exitstatus, 71, raw[-400:])
        # The terminal was given back (alternate screen left, cursor
        # shown) before the message.
        self.assertIn(b"\x1b[?1049l", raw)
        self.assertIn(b"\x1b[?25h", raw)
        self.assertIn(b"socscope: out of memory", raw)
        self.assertLess(raw.rindex(b"\x1b[?1049l"), raw.rindex(b"socscope: out of memory"))
        with open(path, "rb") as f:
            self.assertEqual(f.read(), before)


if __name__ == "__main__":
    prog = unittest.main(verbosity=2, exit=False)
    for line in FIGURES:
        print(line)
    sys.exit(0 if prog.result.wasSuccessful() else 1)
