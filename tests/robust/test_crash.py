#!/usr/bin/python3
"""Crash safety: an interview killed outright (SIGKILL) at random points.

The plain interview answers the session fixture's questions one line at a
time, with values that change from round to round; at a random answer, a
random moment after the line is sent (often while that answer is being
saved), the process is killed.  After each kill:

- the session file validates;
- it holds every confirmed answer (one whose next prompt was printed, which
  comes only after the save) and, of the answer in flight, either its old
  or its new value: nothing else is lost or changed;
- the next interview on the session leaves no temporary file beside it,
  even when the kill left one.

Usage: test_crash.py PATH/TO/socscope
SOCSCOPE_KILLS=N kills N times instead of 50.
"""
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import unittest

try:
    import yaml
except ImportError as e:  # meson counts exit status 77 as skipped
    print("skipped: %s" % e)
    sys.exit(77)

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/src/socscope"
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
Q = os.path.join(SRC, "tests", "fixtures", "session", "q.yaml")
KILLS = int(os.environ.get("SOCSCOPE_KILLS", "50"))

CHOICES = [("1 2", ["payroll", "hosting"]), ("2", ["hosting"]),
           ("1 3", ["payroll", "advice"]), ("2 3", ["hosting", "advice"])]
LEVELS = [("1", "three_nines"), ("2", "four_nines"), ("3", "other")]


def answer_for(text, r):
    """The line to type for the question whose text starts with `text` in
    round r, the question's id and the value it saves."""
    if text.startswith("What is your organization called?"):
        return "Round %d Ltd" % r, "org_name", "Round %d Ltd" % r
    if text.startswith("What do you do for your clients?"):
        line, ids = CHOICES[r % len(CHOICES)]
        return line, "services", ids
    if text.startswith("Do your contracts promise an uptime"):
        return ("y" if r % 3 else "n"), "has_sla", bool(r % 3)
    if text.startswith("Which uptime do you promise?"):
        line, cid = LEVELS[r % len(LEVELS)]
        return line, "sla_level", cid
    if text.startswith("In how many months"):
        return str(r % 61), "months_needed", r % 61
    if text.startswith("Do you have written security policies?"):
        return ("y" if r % 2 else "n"), "has_policies", bool(r % 2)
    if text.startswith("Anything else we should know?"):
        # Long enough that a save takes a moment to write.
        s = ("Round %d: " % r) + "notes on the service " * 45
        return s.strip(), "comments", s.strip()
    raise AssertionError("unexpected question: %r" % text)


class Interview:
    """One plain interview on the session, read prompt by prompt."""

    def __init__(self, path, env):
        self.p = subprocess.Popen([BIN, "interview", "--plain", "-q", Q, "-a", path],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, env=env)
        os.set_blocking(self.p.stdout.fileno(), False)
        self.out = b""

    def pump(self):
        try:
            chunk = self.p.stdout.read()
        except (BlockingIOError, ValueError):
            chunk = None
        if chunk:
            self.out += chunk

    def prompts(self):
        return self.out.count(b"\n> ")

    def wait_prompt(self, count, timeout=20):
        """Wait for prompt number `count`; False when the process ended."""
        deadline = time.monotonic() + timeout
        while self.prompts() < count:
            if self.p.poll() is not None:
                self.pump()
                return self.prompts() >= count
            if time.monotonic() > deadline:
                raise AssertionError("no prompt:\n" + self.out.decode(errors="replace"))
            self.pump()
            time.sleep(0.0005)
        return True

    def question(self):
        """The text of the question asked last, or None at the prompt that
        follows the last question."""
        text = self.out.decode("utf-8", errors="replace")
        mark = " answered so far: "
        at = text.rindex(mark)
        if text.rfind("That was the last question") > at:
            return None
        return text[at + len(mark):].split("\n", 1)[0]

    def send(self, line):
        self.p.stdin.write(line.encode() + b"\n")
        self.p.stdin.flush()

    def close(self):
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()
        for f in (self.p.stdin, self.p.stdout, self.p.stderr):
            try:
                f.close()
            except OSError:
                pass


class CrashTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="socscope-crash-")
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.tmp,
            "XDG_STATE_HOME": os.path.join(self.tmp, "state"),
            "XDG_DATA_HOME": os.path.join(self.tmp, "none"),
            "XDG_DATA_DIRS": os.path.join(self.tmp, "none"),
            "SOCSCOPE_DATA_DIR": os.path.join(self.tmp, "data"),
            "LANG": "C.UTF-8",
        }
        # `validate` finds the questionnaire the answers file names.
        os.makedirs(os.path.join(self.tmp, "data", "questionnaires"))
        shutil.copy(Q, os.path.join(self.tmp, "data", "questionnaires",
                                    "session-fixture.yaml"))
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                self.env[k] = os.environ[k]

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def temporaries(self, d):
        return [n for n in os.listdir(d) if ".tmp-" in n]

    def test_killed_at_random_points(self):
        rng = random.Random(int(os.environ.get("SOCSCOPE_SEED", "0")) or None)
        d = os.path.join(self.tmp, "sessions")
        os.mkdir(d)
        path = os.path.join(d, "client.yaml")
        confirmed = {}  # question id -> value saved and confirmed
        latencies = [0.002]
        kills = left_temporaries = in_flight_saved = rounds = 0

        while kills < KILLS:
            rounds += 1
            self.assertLess(rounds, KILLS * 4, "the interviews keep finishing")
            left_temporaries += bool(self.temporaries(d))
            iv = Interview(path, self.env)
            try:
                if not iv.wait_prompt(1):
                    self.fail(iv.p.stderr.read().decode())
                # The next open leaves no temporary file behind.
                self.assertEqual(self.temporaries(d), [])
                kill_at = rng.randrange(7)
                step = 0
                in_flight = None
                while True:
                    text = iv.question()
                    if text is None:
                        # Every question answered: Enter for the results.
                        iv.send("")
                        break
                    line, qid, value = answer_for(text, rounds)
                    before = iv.prompts()
                    started = time.monotonic()
                    iv.send(line)
                    if step == kill_at:
                        # Somewhere in the handling of this answer, most
                        # often during its save.
                        time.sleep(rng.uniform(0, 1.5 * statistics.median(latencies)))
                        iv.p.send_signal(signal.SIGKILL)
                        iv.p.wait()
                        iv.pump()
                        if iv.prompts() > before:
                            confirmed[qid] = value
                        else:
                            in_flight = (qid, value)
                        kills += 1
                        break
                    if not iv.wait_prompt(before + 1):
                        # The interview ended: every answer was given.
                        confirmed[qid] = value
                        break
                    latencies.append(time.monotonic() - started)
                    confirmed[qid] = value
                    step += 1
            finally:
                iv.close()

            if not os.path.exists(path):
                # Killed before the first save: nothing was confirmed.
                self.assertEqual(confirmed, {})
                continue
            r = subprocess.run([BIN, "validate", path], env=self.env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=60, text=True)
            self.assertEqual(r.returncode, 0, "kill %d: %s" % (kills, r.stderr))
            with open(path, encoding="utf-8") as f:
                saved = yaml.safe_load(f)
            self.assertEqual(saved["socscope"], 1)
            answers = saved.get("answers") or {}
            if in_flight and answers.get(in_flight[0]) == in_flight[1]:
                confirmed[in_flight[0]] = in_flight[1]
                in_flight_saved += 1
            self.assertEqual(answers, confirmed, "kill %d lost answers" % kills)

        # The last kill's temporary file, if any, goes with the next open.
        left_temporaries += bool(self.temporaries(d))
        iv = Interview(path, self.env)
        try:
            iv.wait_prompt(1)
            self.assertEqual(self.temporaries(d), [])
        finally:
            iv.close()
        print("%d kills in %d interviews: 0 confirmed answers lost; the answer in "
              "flight was saved in %d; %d kills left a temporary file, each "
              "removed by the next open" % (kills, rounds, in_flight_saved,
                                            left_temporaries))


if __name__ == "__main__":
    unittest.main(verbosity=2)
