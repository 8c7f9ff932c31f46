#!/usr/bin/python3
"""The plain interview as a person or a script uses it: the real binary,
answers typed on standard input, the saved answers file and the report
checked afterwards.

Usage: test_plain.py PATH/TO/socscope
"""
import json
import os
import re
import signal
import stat
import subprocess
import sys
import tempfile
import time
import unittest

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/src/socscope"
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
Q = os.path.join(SRC, "tests", "fixtures", "session", "q.yaml")
# client_question, a check list with "None of these", skipped sections.
NAMED = os.path.join(SRC, "tests", "fixtures", "session", "named.yaml")

# One complete interview of the fixture questionnaire, in the order the
# questions come when payroll and hosting are chosen and an SLA promised.
FULL = [
    "Acme Ltd",   # org_name
    "1 2",        # services: payroll, hosting
    "y",          # has_sla (shown because of hosting)
    "2",          # sla_level (shown because has_sla): 99.99 percent
    "12",         # months_needed
    "n",          # has_policies
    "Two sites",  # comments
]


def lines(*answers):
    return "".join(a + "\n" for a in answers)


def asked(out):
    """The interview part of the output, before the results (the report
    repeats question texts in its appendix)."""
    return re.split(r"\nInterview (?:done|stopped):", out)[0]


def asks(out, text):
    """How many times the interview asked the question with this text."""
    return asked(out).count("so far: " + text)


def words(text):
    """Text with its line wrapping undone."""
    return " ".join(text.split())


class PlainTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="socscope-plain-")
        self.dir = self.tmp.name
        self.state = os.path.join(self.dir, "state")
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.dir,
            "XDG_STATE_HOME": self.state,
            "XDG_DATA_HOME": os.path.join(self.dir, "xdg-data"),
            "XDG_DATA_DIRS": os.path.join(self.dir, "none"),
            "SOCSCOPE_DATA_DIR": os.path.join(self.dir, "none"),
            "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
            "SOCSCOPE_DATE": "2026-11-23",
        }
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                self.env[k] = os.environ[k]

    def tearDown(self):
        self.tmp.cleanup()

    # helpers ----------------------------------------------------------
    def session_path(self, slug):
        return os.path.join(self.state, "socscope", "sessions", slug + ".yaml")

    def interview(self, stdin, *args, q=Q):
        r = subprocess.run([BIN, "interview", "--plain", "-q", q, *args],
                           input=stdin, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=self.env, timeout=60,
                           text=True)
        # Plain means plain: no escape sequences, whatever happened.
        self.assertNotIn("\x1b", r.stdout)
        self.assertNotIn("\x1b", r.stderr)
        return r

    def evaluate(self, answers, fmt="json", q=Q):
        r = subprocess.run([BIN, "evaluate", answers, "-q", q, "--format", fmt],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=self.env, timeout=60, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout) if fmt == "json" else r.stdout

    def saved_answers(self, path):
        """The answers: block of a saved file, as {id: raw YAML text}."""
        with open(path, encoding="utf-8") as f:
            text = f.read()
        block = re.search(r"^answers:\n((?:[ \t].*\n?)*)", text, re.M)
        out = {}
        if block:
            for m in re.finditer(r"^  ([a-z_0-9]+):[ ]?(.*)$", block.group(1), re.M):
                out[m.group(1)] = m.group(2)
        return out

    def reports(self, j):
        return [(r["id"], r["type"], r.get("period_months"))
                for r in j["recommendation"]["reports"]]

    # complete interviews ---------------------------------------------
    def test_complete_interview_matches_evaluate(self):
        r = self.interview(lines(*FULL), "--client", "Acme Payroll Ltd")
        self.assertEqual(r.returncode, 0, r.stderr)
        path = self.session_path("acme-payroll-ltd")
        self.assertTrue(os.path.exists(path), r.stdout)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode), 0o700)

        j = self.evaluate(path)
        self.assertEqual(j["client"], "Acme Payroll Ltd")
        self.assertTrue(j["complete"])
        self.assertEqual(j["unanswered"], [])
        # One examination for both: the SOC 2 takes the SOC 1's period.
        self.assertEqual(self.reports(j), [("soc1", "type2", 12), ("soc2", "type2", 12)])
        self.assertTrue(j["tsc"]["security"]["in_scope"])
        self.assertTrue(j["tsc"]["availability"]["in_scope"])
        self.assertFalse(j["tsc"]["privacy"]["in_scope"])
        self.assertEqual([g["id"] for g in j["gaps"]], ["write_policies"])

        # The interview ends with the very report `evaluate` prints.
        text = self.evaluate(path, "text")
        self.assertIn(text, r.stdout)
        self.assertIn("Interview done: 7 of 7 questions answered.", r.stdout)
        self.assertTrue(r.stdout.rstrip("\n").endswith("Answers saved to " + path))

        a = self.saved_answers(path)
        self.assertEqual(a["org_name"].strip("\"'"), "Acme Ltd")
        self.assertEqual(a["has_sla"], "true")
        self.assertEqual(a["sla_level"], "four_nines")
        self.assertEqual(a["has_policies"], "false")
        self.assertEqual(a["months_needed"], "12")

    def test_owners_and_due_dates_after_the_results(self):
        """After the results, a gap's number with an owner and a date
        records who closes it and by when: saved in the answers file and
        shown by every report; a date that is not one is refused with the
        reason, a number out of range too; Enter alone finishes."""
        ans = os.path.join(self.dir, "owners.yaml")
        r = self.interview(lines(*FULL, "", "1 Dana Lee, 2027-02-30",
                                 "1 Dana Lee, 03/31/2027",
                                 "9 Someone", "1 Dana Lee, 2027-02-15", ""),
                           "-a", ans)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Who closes each gap, and by when?", r.stdout)
        self.assertIn("1. Write the security policies (no owner or date yet)",
                      words(r.stdout))
        self.assertIn('"2027-02-30" is not a date', r.stdout)
        # A date written day- or month-first is refused, not taken as
        # part of the owner's name.
        self.assertIn('"03/31/2027" could be read two ways', r.stdout)
        self.assertIn("Start with a gap's number, from 1 to 1", r.stdout)
        self.assertIn("Saved: 1. Write the security policies (owner: Dana "
                      "Lee, due 2027-02-15)", words(r.stdout))
        self.assertTrue(r.stdout.rstrip("\n").endswith("Answers saved to " + ans))
        j = self.evaluate(ans)
        gap = j["gaps"][0]
        self.assertEqual(gap["owner"], "Dana Lee")
        self.assertEqual(gap["due"], "2027-02-15")
        self.assertIn("Dana Lee", self.evaluate(ans, "markdown"))
        # The end of input finishes as Enter does, and keeps what was set.
        r = self.interview(lines(*FULL, ""), "-a", ans)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("(owner: Dana Lee, due 2027-02-15)", words(r.stdout))

    def test_close_deadline_and_advice_only(self):
        # A deadline under six months turns both reports into Type I.
        ans = os.path.join(self.dir, "close.yaml")
        r = self.interview(lines("Close Co", "payroll,hosting", "n", "3", "y", ""),
                           "-a", ans)
        self.assertEqual(r.returncode, 0, r.stderr)
        j = self.evaluate(ans)
        self.assertEqual([x["id"] for x in j["recommendation"]["reports"]],
                         ["soc1", "soc2"])
        self.assertEqual([x["type"] for x in j["recommendation"]["reports"]],
                         ["type1", "type1"])
        self.assertFalse(j["tsc"]["availability"]["in_scope"])
        self.assertEqual(j["gaps"], [])

        # Advice only: no report now, and the summary says why.
        ans2 = os.path.join(self.dir, "advice.yaml")
        r = self.interview(lines("Advice Co", "3", "24", "", ""), "-a", ans2)
        self.assertEqual(r.returncode, 0, r.stderr)
        j = self.evaluate(ans2)
        self.assertEqual(j["recommendation"]["reports"], [])
        self.assertIn("no SOC report is needed now", j["recommendation"]["summary"])
        self.assertIn("no SOC report is needed now", words(r.stdout))

    def test_skip_logic_is_live(self):
        # Payroll only: the SLA questions are never asked, 5 are shown.
        ans = os.path.join(self.dir, "skip.yaml")
        r = self.interview(lines("Skip Co", "1", "10", "y", "none"), "-a", ans)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("uptime", asked(r.stdout))
        self.assertIn("Section 2 of 2 (Timing), 2 answered so far: In how many months",
                      r.stdout)
        self.assertIn("Interview done: 5 of 5 questions answered.", r.stdout)

        # Hosting shows has_sla; "y" then shows sla_level: 7 in all.
        ans = os.path.join(self.dir, "skip2.yaml")
        r = self.interview(lines("Skip Co", "2", "y", "1", "10", "y", "none"), "-a", ans)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Section 1 of 2 (Basics), 2 answered so far: Do your contracts "
                      "promise an uptime percentage?", r.stdout)
        self.assertIn("Section 1 of 2 (Basics), 3 answered so far: Which uptime do you "
                      "promise?", r.stdout)
        self.assertIn("  2) 99.99 percent", r.stdout)
        self.assertIn("Interview done: 7 of 7 questions answered.", r.stdout)

    def test_last_question_can_be_noted_or_changed_before_the_results(self):
        # After the last answer the interview waits: a note goes to the last
        # question, :back asks it again, and Enter shows the results.
        ans = os.path.join(self.dir, "end.yaml")
        r = self.interview(lines("End Co", "1", "10", "y", "none",
                                 ":note Checked with the owner", ":back", "two sites", ""),
                           "-a", ans)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("That was the last question. Press Enter for the results, or type "
                      ":back to change the last answer or :note TEXT to add a note to it.",
                      r.stdout)
        self.assertIn("Interview done: 5 of 5 questions answered.", r.stdout)
        with open(ans, encoding="utf-8") as f:
            saved = f.read()
        self.assertIn("Note added to the last question. Press Enter for the results.",
                      r.stdout)
        self.assertIn("notes", saved)
        self.assertIn("Checked with the owner", saved)
        self.assertIn("two sites", saved)
        self.assertNotIn(": none", saved)

    # the prompts --------------------------------------------------------
    def test_every_question_says_why_in_one_line(self):
        # As the full screen does: the first sentence of the help, under
        # the question, without typing ?; the rest stays one ? away.
        bundled = os.path.join(SRC, "questionnaires", "soc-scoping.yaml")
        r = self.interview(lines("", "12", ":quit"), "--client", "Why Co", q=bundled)
        out = asked(r.stdout)
        self.assertIn("what does your organization do for its customers?\n"
                      "Why we ask: A CPA firm starts every SOC engagement by describing "
                      "the service being examined.\nType your answer\n", out)
        self.assertNotIn("Writing it down now", out)
        self.assertIn("counting employees and regular contractors?\nWhy we ask: Auditors "
                      "scale what they expect to your size: a ten-person organization can "
                      "combine roles that a large one must separate, as long as it writes "
                      "down who does what.\n", out)
        self.assertEqual(out.count("\nWhy we ask: "),
                         len(re.findall(r"answered so far: ", out)))

    def test_prompts_say_what_to_type(self):
        r = self.interview(lines(*FULL), "-a", os.path.join(self.dir, "p.yaml"))
        out = r.stdout
        self.assertIn("Section 1 of 2: Basics\nA few questions about your service.\n", out)
        self.assertIn("Section 2 of 2: Timing\n", out)
        self.assertIn("Section 1 of 2 (Basics), 0 answered so far: What is your "
                      "organization called? (required)\nWhy we ask: We put it on the "
                      "report.\nType your answer\n> ", out)
        self.assertIn("Section 1 of 2 (Basics), 1 answered so far: What do you do for your "
                      "clients? (required)\n"
                      "Why we ask: The kind of service decides which report your clients "
                      "need.\n"
                      "  1) Run their payroll\n  2) Host their systems\n  3) Give advice\n"
                      "Enter numbers separated by spaces or commas (1-3), or 0 for none\n> ",
                      out)
        self.assertIn("Answer y or n (or u for not sure)\n> ", out)
        self.assertIn("Enter a number between 1 and 3\n> ", out)
        self.assertIn("Enter a number from 0 to 60\n> ", out)
        self.assertIn("Answer y or n\n> ", out)
        self.assertIn("Commands: ? or :help", out)

    def test_invalid_input_is_asked_again(self):
        ans = os.path.join(self.dir, "bad.yaml")
        r = self.interview(lines(
            "",              # org_name is required
            "Bad Input Co",
            "7",             # no such choice
            "0 1",           # none and something
            "1-9",           # range beyond the choices
            "1, 2",
            "maybe",         # yes/no/unsure only
            "u",
            "abc", "70", "-1", "2.5.1",
            "6",
            "", ""), "-a", ans)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout
        self.assertIn("This question is required: answer it, or type :skip to leave it "
                      "open for now.", out)
        self.assertIn("Enter numbers between 1 and 3, or 0 for none; \"7\" is not one of "
                      "them.", out)
        self.assertIn("0 means none, so it cannot be combined with other numbers.", out)
        self.assertIn("\"1-9\" is not a range of them", out)
        self.assertIn("Answer y, n or u; \"maybe\" is not one of them.", out)
        self.assertIn("Enter a number from 0 to 60; \"abc\" is not a number.", out)
        self.assertIn("Enter a number from 0 to 60; 70 is too large.", out)
        self.assertIn("Enter a number from 0 to 60; -1 is too small.", out)
        self.assertIn("\"2.5.1\" is not a number.", out)
        a = self.saved_answers(ans)
        self.assertEqual(a["has_sla"], "unsure")
        self.assertEqual(a["months_needed"], "6")
        self.assertEqual(a["services"].replace(" ", ""), "[payroll,hosting]")
        # Each re-ask repeats the instruction, not the whole question.
        self.assertEqual(asked(out).count("What do you do for your clients?"), 1)
        self.assertEqual(out.count("Enter numbers separated by spaces or commas (1-3)"), 4)

        j = self.evaluate(ans)
        self.assertIn("confirm_sla", [g["id"] for g in j["gaps"]])

    def test_single_choice_out_of_range(self):
        r = self.interview(lines("X", "2", "y", "7", "four", "four_nines"),
                           "-a", os.path.join(self.dir, "s.yaml"))
        self.assertIn("Enter a number between 1 and 3; \"7\" is not one of them.", r.stdout)
        self.assertIn("Enter a number between 1 and 3; \"four\" is not one of them.",
                      r.stdout)
        self.assertEqual(self.saved_answers(os.path.join(self.dir, "s.yaml"))["sla_level"],
                         "four_nines")

    def test_text_limits(self):
        ans = os.path.join(self.dir, "t.yaml")
        r = self.interview(lines("x" * 41, "y" * 40), "-a", ans)
        self.assertIn("That answer has 41 characters; the limit is 40.", r.stdout)
        self.assertEqual(self.saved_answers(ans)["org_name"].strip("\"'"), "y" * 40)

        ans = os.path.join(self.dir, "u.yaml")
        r = subprocess.run([BIN, "interview", "--plain", "-q", Q, "-a", ans],
                           input=b"bad \xff name\n\xc3\xa9cole\n", stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=self.env, timeout=60)
        self.assertIn(b"That answer is not valid UTF-8 text", r.stdout)
        with open(ans, encoding="utf-8") as f:
            self.assertIn("\u00e9cole", f.read())

    # EOF and resuming --------------------------------------------------
    def test_eof_midway_keeps_answers_and_resume_continues(self):
        r = self.interview(lines("Acme", "1"), "--client", "Acme")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Starting a new interview for Acme.", r.stdout)
        self.assertIn("Interview stopped: 2 of 5 questions answered.", r.stdout)
        path = self.session_path("acme")
        self.assertIn("Answers saved to " + path, r.stdout)
        j = self.evaluate(path)
        self.assertFalse(j["complete"])
        self.assertIn("months_needed", j["unanswered"])
        self.assertEqual(self.reports(j)[0][0], "soc1")

        r = self.interview(lines("24", "y"), "--client", "Acme")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Resuming the saved interview for Acme (2 of 5 answered).", r.stdout)
        # It carries on at the first unanswered question.
        self.assertNotIn("What is your organization called?", asked(r.stdout))
        self.assertIn("Section 2 of 2 (Timing), 2 answered so far: In how many months",
                      r.stdout)
        a = self.saved_answers(path)
        self.assertEqual(a["org_name"].strip("\"'"), "Acme")
        self.assertEqual(a["months_needed"], "24")
        self.assertEqual(a["has_policies"], "true")

    def test_eof_at_once_still_reports(self):
        ans = os.path.join(self.dir, "empty.yaml")
        r = self.interview("", "-a", ans, "--client", "Empty Co")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Interview stopped: 0 of 5 questions answered.", r.stdout)
        self.assertTrue(os.path.exists(ans))
        j = self.evaluate(ans)
        self.assertEqual(j["client"], "Empty Co")
        self.assertFalse(j["complete"])

    def test_asks_the_client_name(self):
        r = self.interview(lines("", "   ", "Beta Corp", "Beta"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.count("A name is needed to save the interview."), 2)
        self.assertIn("Starting a new interview for Beta Corp.", r.stdout)
        path = self.session_path("beta-corp")
        j = self.evaluate(path)
        self.assertEqual(j["client"], "Beta Corp")
        self.assertEqual(self.saved_answers(path)["org_name"].strip("\"'"), "Beta")

        # End of input before a name: nothing to save, and no file.
        r = self.interview("")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("No name was given, so nothing was saved.", r.stdout)
        self.assertEqual(os.listdir(os.path.dirname(path)), ["beta-corp.yaml"])

    def test_picks_a_saved_interview_by_number(self):
        r = self.interview(lines("Acme Ltd", "1"), "--client", "Acme")
        self.assertEqual(r.returncode, 0, r.stderr)
        sessions = os.path.dirname(self.session_path("acme"))
        # Another questionnaire's session and a broken file cannot be
        # resumed here: listed after the others, unnumbered, with why.
        with open(os.path.join(sessions, "other.yaml"), "w", encoding="utf-8") as f:
            f.write("socscope: 1\nquestionnaire: something-else\nclient: Other\n")
        broken = os.path.join(sessions, "broken.yaml")
        with open(broken, "w", encoding="utf-8") as f:
            f.write("socscope: 1\nquestionnaire: session-fixture\nclient: Broken\n"
                    "answers:\n  services: [gardening]\n")

        r = self.interview(lines("1", "24"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"Saved interviews:\n  1\) Acme \(2 of 5 answered, saved "
                                   r"\d{4}-\d\d-\d\dT[0-9:]+Z\)\nCannot be resumed here:\n")
        listing = r.stdout.split("Cannot be resumed here:\n")[1].split("What is the name")[0]
        self.assertEqual(listing.splitlines(), [
            f"  - Other: answers questionnaire \"something-else\" "
            f"({os.path.join(sessions, 'other.yaml')})",
            f"  - Broken: cannot be opened: {broken}:5:14: unknown choice \"gardening\" for "
            "question \"services\"; expected one of: payroll, hosting, advice"])
        self.assertNotIn("2)", r.stdout)
        self.assertIn("Type the number of a saved interview to resume it, or the name of a "
                      "new client\n> ", r.stdout)
        self.assertIn("Resuming the saved interview for Acme (2 of 5 answered).", r.stdout)
        self.assertEqual(self.saved_answers(self.session_path("acme"))["months_needed"], "24")

        # A name instead of a number starts a new interview.
        r = self.interview(lines("Zeta Co"))
        self.assertIn("Starting a new interview for Zeta Co.", r.stdout)
        self.assertTrue(os.path.exists(self.session_path("zeta-co")))

    def test_an_older_session_says_once_what_changed_and_keeps_its_original(self):
        """A session saved under questionnaire 2.0 opens as today's, says
        what reading it changed before the first question, and is rewritten
        only when an answer changes, its original kept beside it."""
        src = os.path.join(SRC, "tests", "fixtures", "migrate", "v2.0", "payroll-bureau.yaml")
        path = self.session_path("brightline")
        os.makedirs(os.path.dirname(path))
        with open(src, "rb") as f:
            original = f.read()
        with open(path, "wb") as f:
            f.write(original)
        summary = ("Saved under questionnaire 2.0 and read as 3.2: 3 answers carried over "
                   "in a new form, 13 new questions to answer. The file is rewritten in the new form at the first "
                   f"change; the original is kept as {path}.v2.0.\n")
        r = self.interview(":quit\n", "-a", path, q="soc-scoping")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.count(summary), 1, r.stdout)
        # Said at the start, before the first question.
        self.assertLess(r.stdout.index(summary), r.stdout.index(" so far: "))
        with open(path, "rb") as f:
            self.assertEqual(f.read(), original)
        self.assertFalse(os.path.exists(path + ".v2.0"))

        # A note on the first question asked is a change: it saves.
        r = self.interview(":note Checked with the client.\n:quit\n", "-a", path,
                           q="soc-scoping")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(path + ".v2.0", "rb") as f:
            self.assertEqual(f.read(), original)
        self.assertEqual(stat.S_IMODE(os.stat(path + ".v2.0").st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        with open(path, encoding="utf-8") as f:
            now = f.read()
        self.assertIn('questionnaire_version: "3.2"\n', now)
        # 9 months from the day it was read (it says nothing of when it
        # was saved; SOCSCOPE_DATE is 2026-11-23): August's last day.
        self.assertIn("  deadline: 2027-08-31\n", now)
        # The interview resumed at the first question left open: the
        # first added since 2.0 (who set the deadline, new in 3.1).
        self.assertIn("  deadline_who: Checked with the client.\n", now)
        # The lock went with the interview; nothing else was left beside.
        self.assertEqual(sorted(os.listdir(os.path.dirname(path))),
                         ["brightline.yaml", "brightline.yaml.v2.0"])
        # Opened again it is today's: nothing to say.
        r = self.interview(":quit\n", "-a", path, q="soc-scoping")
        self.assertNotIn("Saved under questionnaire", r.stdout)

    def test_overlong_note_is_refused(self):
        ans = os.path.join(self.dir, "n.yaml")
        r = self.interview(lines(":note " + "x" * 10001, "Note Co"), "-a", ans)
        self.assertIn("A note must be valid UTF-8 text of at most 10000 characters.", r.stdout)
        with open(ans, encoding="utf-8") as f:
            self.assertNotIn("notes:", f.read())

    # the name, progress, skipped sections, "None of these" ----------
    def test_client_name_is_asked_once(self):
        # --client answers the client question: it is not asked again.
        r = self.interview(lines("1", "n", "10", "12"), "--client", "Named Co", q=NAMED)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(asks(r.stdout, "What is your organization called?"), 0)
        self.assertIn("The answer to \"What is your organization called?\" is Named Co, "
                      "so it is not asked again (:back reaches it to change it).", r.stdout)
        self.assertIn("Interview done: 5 of 5 questions answered.", r.stdout)
        path = self.session_path("named-co")
        self.assertEqual(self.saved_answers(path)["org_name"].strip("\"'"), "Named Co")
        self.assertEqual(self.evaluate(path, q=NAMED)["client"], "Named Co")

        # So does the name typed at the start.
        r = self.interview(lines("Typed Name", "1", "n", "10", "12"), q=NAMED)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(asks(r.stdout, "What is your organization called?"), 0)
        self.assertEqual(self.saved_answers(self.session_path("typed-name"))["org_name"]
                         .strip("\"'"), "Typed Name")

        # A finished interview walked again from the top passes it too.
        r = self.interview(lines("", "", "", "", ":quit"), "--client", "Named Co", q=NAMED)
        self.assertEqual(asks(r.stdout, "What is your organization called?"), 0)
        self.assertIn("[current: Run their payroll]", r.stdout)

        # It stays editable: :back reaches it, and the new answer is the
        # client's name from then on.
        r = self.interview(lines(":back", "Renamed Co", "", ":quit"),
                           "--client", "Named Co", q=NAMED)
        self.assertIn("What is your organization called? (required)\n"
                      "Why we ask: We put it on the report.\n"
                      "Type your answer. [current: Named Co]", r.stdout)
        j = self.evaluate(path, q=NAMED)
        self.assertEqual(j["client"], "Renamed Co")
        self.assertEqual(self.saved_answers(path)["org_name"].strip("\"'"), "Renamed Co")

    def test_client_question_answered_in_the_interview_names_the_client(self):
        # An answers file of its own has no name yet: the question is asked,
        # and its answer becomes the client's name.
        ans = os.path.join(self.dir, "own.yaml")
        r = self.interview(lines("Asked Co", "1", "n", "10", "12"), "-a", ans, q=NAMED)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(asks(r.stdout, "What is your organization called?"), 1)
        self.assertEqual(self.evaluate(ans, q=NAMED)["client"], "Asked Co")

        # A file that names its client but lacks the answer takes the name.
        named = os.path.join(self.dir, "named.yaml")
        with open(named, "w", encoding="utf-8") as f:
            f.write("socscope: 1\nquestionnaire: named-fixture\nclient: From File Ltd\n")
        r = self.interview(lines("2", ":quit"), "-a", named, q=NAMED)
        self.assertEqual(asks(r.stdout, "What is your organization called?"), 0)
        self.assertEqual(self.saved_answers(named)["org_name"].strip("\"'"), "From File Ltd")

        # A name longer than the question allows (40) leaves it to be asked.
        r = self.interview(lines("Short Co", ":quit"), "--client", "L" * 41, q=NAMED)
        self.assertEqual(asks(r.stdout, "What is your organization called?"), 1)
        self.assertEqual(self.evaluate(self.session_path("l" * 41), q=NAMED)["client"],
                         "Short Co")

    def progress(self, out):
        """(section, answered) of each question asked, in order."""
        return [(int(m.group(1)), int(m.group(3)))
                for m in re.finditer(r"\nSection (\d+) of (\d+) \([^)]*\), (\d+) answered "
                                     r"so far: ", asked(out))]

    def test_progress_never_goes_backwards(self):
        # Answers that make questions appear (hosting, then the uptime
        # level) once made "Question N of M" jump from 5 to 6 to 7.
        r = self.interview(lines(*FULL), "-a", os.path.join(self.dir, "m.yaml"))
        seen = self.progress(r.stdout)
        self.assertEqual(seen, [(1, 0), (1, 1), (1, 2), (1, 3), (2, 4), (2, 5), (2, 6)])
        # Sections skipped along the way still move it forward, never back.
        r = self.interview(lines("2", "y", "y", "2", "n", "3", "Soon"),
                           "--client", "Mono Co", q=NAMED)
        self.assertEqual(r.returncode, 0, r.stderr)
        seen = self.progress(r.stdout)
        self.assertEqual(len(seen), 7)
        for a, b in zip(seen, seen[1:]):
            self.assertLessEqual(a[0], b[0], seen)
            self.assertLess(a[1], b[1], seen)
        self.assertEqual([s for s, _ in seen], [1, 1, 3, 3, 4, 5, 6])
        # The section headers, too, only count up.
        heads = [int(x) for x in re.findall(r"\nSection (\d+) of 6: ", asked(r.stdout))]
        self.assertEqual(heads, sorted(heads))
        self.assertNotIn("Question ", asked(r.stdout))

    def test_skipped_sections_are_said(self):
        # Payroll only: Hosting has no question to ask, and says so; the
        # health section has its own note; the last section, after the
        # last question, too.
        r = self.interview(lines("1", "n", "10", "12"), "--client", "Skip Co", q=NAMED)
        out = asked(r.stdout)
        self.assertIn("\nSection 3 (Hosting) does not apply because of your answer to "
                      "\"What do you do for your clients?\"\n"
                      "The health data questions do not apply, since you handle no health "
                      "records.\n\nSection 5 of 6: Timing\n", out)
        self.assertIn("\nSection 6 (A close deadline) does not apply because of your answer "
                      "to \"In how many months must the first report be ready?\"\n", out)
        # Several in a row are said in one sentence.
        r = self.interview(lines("3", "n", "12"), "--client", "None Co", q=NAMED)
        self.assertIn("\nSections 2 to 3 (Payroll; Hosting) do not apply because of your "
                      "answer to \"What do you do for your clients?\"\n", r.stdout)
        # Left open, the question they wait for is named as such.
        r = self.interview(lines(":skip", "y"), "--client", "Open Co", q=NAMED)
        self.assertIn("\nSections 2 to 3 (Payroll; Hosting) do not apply until you answer "
                      "\"What do you do for your clients?\"\n", r.stdout)
        # Going back says nothing about them.
        self.assertNotIn("do not apply", asked(self.interview(
            lines(":back", ":quit"), "--client", "Open Co", q=NAMED).stdout))

    def test_none_of_these_is_the_one_way_to_say_none(self):
        ans = os.path.join(self.dir, "none.yaml")
        r = self.interview(lines("0", "1 3", "1-3", "3"), "--client", "Nobody", q=NAMED)
        out = r.stdout
        self.assertIn("  3) None of these\nEnter numbers separated by spaces or commas (1-3)\n> ",
                      out)
        self.assertNotIn("0 for none", out)
        self.assertIn("Enter numbers between 1 and 3; if none of them applies, enter 3 "
                      "(None of these).", out)
        self.assertEqual(out.count("\"None of these\" cannot be combined with other choices; "
                                   "enter 3 alone, or leave it out."), 2)
        a = self.saved_answers(self.session_path("nobody"))
        self.assertEqual(a["services"].replace(" ", ""), "[none]")
        # Without such a choice, 0 still says none.
        r = self.interview(lines("X", "0"), "-a", ans)
        self.assertEqual(self.saved_answers(ans)["services"].replace(" ", ""), "[]")

    def test_help_says_how_to_answer_the_edge_cases(self):
        r = self.interview(lines("?", "1 2", "?", "y", "5", "y", "?", ":quit"),
                           "--client", "Edge Co", q=NAMED)
        out = r.stdout
        # A check list with "None of these"; no way to say "don't know".
        self.assertIn("Why we ask: The kind of service decides which report your clients "
                      "need.\nIf you do not know: type :skip to leave the question open and "
                      "come back to it; a :note can say what to check.\nIf none of the "
                      "choices applies: enter 3 (None of these) on its own.\n", out)
        self.assertIn("To add a note: type :note followed by the text before you answer; "
                      "the note belongs to the question on screen, is saved with its answer "
                      "and shown in the results, and the answer is asked for next. To note "
                      "the question you just answered, type :back first. "
                      ":note alone removes the note.", out)
        # A yes/no question without "not sure".
        self.assertIn("If no answer fits exactly: give the closest one and explain it "
                      "with :note.", out)
        # A single choice with "I don't know".
        self.assertIn("If you do not know: enter 2 (I don't know) rather than guess.", out)
        # A yes/no question that offers "not sure", and a list without one.
        r = self.interview(lines("X", "?", "2", "?"), "-a", os.path.join(self.dir, "e.yaml"))
        self.assertIn("If none of the choices applies: enter 0.", r.stdout)
        self.assertIn("If you do not know: answer u (not sure)", r.stdout)

    # commands ------------------------------------------------------------
    def test_help_and_notes(self):
        ans = os.path.join(self.dir, "h.yaml")
        r = self.interview(lines("?", ":note the legal entity name", "Help Co",
                                 ":help", ":bogus", "2"), "-a", ans)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout
        self.assertIn("Why we ask: We put it on the report.", out)
        # After a note the answer is asked for, and it says so: the
        # question itself is not repeated as if the note had failed.
        self.assertIn("> Note added. The answer is still to come: Type your answer\n> ",
                      out)
        self.assertEqual(asks(out, "What is your organization called?"), 1)
        self.assertIn("Why we ask: The kind of service decides which report your clients "
                      "need.", out)
        self.assertIn("  2) Host their systems: Servers, databases or applications you run "
                      "for them.", out)
        self.assertIn("Unknown command \":bogus\".", out)
        with open(ans, encoding="utf-8") as f:
            text = f.read()
        self.assertRegex(text, r"notes:\n\s+org_name: .*the legal entity name")

        # The note is shown when the question comes round again, and
        # ":note" alone removes it.
        # It resumes at has_sla; back twice reaches org_name.
        r = self.interview(lines(":back", ":back", ":note", ""), "-a", ans)
        self.assertIn("Note: the legal entity name", r.stdout)
        self.assertIn("Note removed. Enter keeps the current answer, or type a new "
                      "one: Type your answer. [current: Help Co]", r.stdout)
        with open(ans, encoding="utf-8") as f:
            self.assertNotIn("legal entity", f.read())

    def test_commands_never_collide_with_answers(self):
        ans = os.path.join(self.dir, "c.yaml")
        r = self.interview(lines(
            "n",          # a text answer that looks like "no"
            ":skip",      # services is required, but may be left open
            "15",         # months_needed
            ":back",      # at has_policies: back to months_needed
            "",           # keep 15
            "y",          # has_policies
            "::skip"),    # comments: the literal text ":skip"
            "-a", ans)
        self.assertEqual(r.returncode, 0, r.stderr)
        a = self.saved_answers(ans)
        self.assertEqual(a["org_name"].strip("\"'"), "n")
        self.assertNotIn("services", a)
        self.assertEqual(a["months_needed"], "15")
        self.assertEqual(a["comments"].strip("\"'"), ":skip")
        self.assertIn("Enter a number from 0 to 60. [current: 15]", r.stdout)
        j = self.evaluate(ans)
        self.assertIn("services", j["unanswered"])
        self.assertFalse(j["complete"])

    def test_keep_clear_and_quit(self):
        ans = os.path.join(self.dir, "k.yaml")
        self.interview(lines(*FULL), "-a", ans)
        # Everything answered: it starts at the top; Enter keeps answers.
        r = self.interview(lines("", "", ":clear", ":skip", ":quit"), "-a", ans)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Resuming the saved interview for", r.stdout)
        self.assertIn("Type your answer. [current: Acme Ltd]", r.stdout)
        self.assertIn("[current: Run their payroll, Host their systems]", r.stdout)
        self.assertIn("Answer removed.", r.stdout)
        # has_sla cleared hides sla_level: 5 of the 6 now shown.
        self.assertIn("Interview stopped: 5 of 6 questions answered.", r.stdout)
        a = self.saved_answers(ans)
        self.assertNotIn("has_sla", a)
        self.assertEqual(a["sla_level"], "four_nines")  # hidden now, kept
        self.assertEqual(a["comments"].strip("\"'"), "Two sites")
        # :quit stops asking: nothing after it was asked.
        self.assertEqual(asked(r.stdout).count("\n> "), 5)

    def test_back_on_first_question(self):
        r = self.interview(lines(":back", "First"), "-a", os.path.join(self.dir, "b.yaml"))
        self.assertIn("This is the first question.", r.stdout)

    def test_output_is_deterministic(self):
        outs = []
        for _ in range(2):
            ans = os.path.join(self.dir, "det.yaml")
            if os.path.exists(ans):
                os.unlink(ans)
            outs.append(self.interview(lines(*FULL), "-a", ans).stdout)
        self.assertEqual(outs[0], outs[1])

    def test_control_characters_are_not_echoed(self):
        ans = os.path.join(self.dir, "esc.yaml")
        r = self.interview(lines("X", "\x1b[31m1"), "-a", ans)
        self.assertIn("\"?[31m1\" is not one of them", r.stdout)

    # errors ----------------------------------------------------------------
    def test_invalid_answers_file_is_65_with_positions(self):
        bad = os.path.join(self.dir, "broken.yaml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("socscope: 1\nquestionnaire: session-fixture\nanswers:\n"
                    "  services: [gardening]\n")
        r = self.interview(lines("x"), "-a", bad)
        self.assertEqual(r.returncode, 65)
        self.assertRegex(r.stderr, re.escape(bad) + r":4:\d+: ")
        with open(bad, encoding="utf-8") as f:
            self.assertIn("gardening", f.read())

    def test_unreadable_answers_file_is_66(self):
        d = os.path.join(self.dir, "adir.yaml")
        os.mkdir(d)
        r = self.interview(lines("x"), "-a", d)
        self.assertEqual(r.returncode, 66)
        self.assertIn(d, r.stderr)

    def test_unwritable_answers_file_is_73(self):
        blocker = os.path.join(self.dir, "file")
        with open(blocker, "w") as f:
            f.write("not a directory\n")
        r = self.interview(lines("x"), "-a", os.path.join(blocker, "a.yaml"))
        self.assertEqual(r.returncode, 73, r.stdout + r.stderr)
        self.assertIn("socscope: ", r.stderr)
        self.assertNotIn("Question 1", r.stdout)

    def test_interrupt_exits_130_with_answers_saved(self):
        ans = os.path.join(self.dir, "int.yaml")
        p = subprocess.Popen([BIN, "interview", "--plain", "-q", Q, "-a", ans],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=self.env, text=True)
        p.stdin.write("Interrupted Co\n")
        p.stdin.flush()
        deadline = time.time() + 20
        while time.time() < deadline:
            if os.path.exists(ans):
                with open(ans, encoding="utf-8") as f:
                    if "Interrupted Co" in f.read():
                        break
            time.sleep(0.05)
        p.send_signal(signal.SIGINT)
        try:
            out, _ = p.communicate(timeout=20)
        finally:
            p.kill()
        self.assertEqual(p.returncode, 130)
        self.assertIn("Interrupted. Answers saved to " + ans, out)
        self.assertEqual(self.saved_answers(ans)["org_name"].strip("\"'"), "Interrupted Co")

    # two interviews on one session -----------------------------------------
    def test_second_interview_on_a_session_is_read_only(self):
        """The issue's experiment: two interviews on one client.  The first
        holds the session; the second is told who has it and since when,
        shows what is saved, asks nothing and writes nothing (exit 73); the
        first goes on and loses no answer."""
        path = self.session_path("same-co")
        a = subprocess.Popen([BIN, "interview", "--plain", "-q", Q, "--client", "Same Co"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=self.env)
        os.set_blocking(a.stdout.fileno(), False)
        out = b""

        def answer(line):
            nonlocal out
            prompts = out.count(b"\n> ")
            a.stdin.write(line.encode() + b"\n")
            a.stdin.flush()
            deadline = time.monotonic() + 20
            while (out.count(b"\n> ") == prompts and a.poll() is None
                   and time.monotonic() < deadline):
                out += a.stdout.read() or b""
                time.sleep(0.01)

        try:
            deadline = time.monotonic() + 20
            while b"\n> " not in out and time.monotonic() < deadline:
                out += a.stdout.read() or b""
                time.sleep(0.01)
            for line in FULL[:3]:
                answer(line)
            # The second interview, typing other answers all the way.
            b = self.interview(lines("Other Co", "3", "1", "n", "x"), "--client", "Same Co")
            self.assertEqual(b.returncode, 73, b.stderr)
            self.assertRegex(b.stderr, r"socscope: %s: this interview is open in socscope "
                             r"process %d \(.*\) since \d{4}-\d\d-\d\d \d\d:\d\d UTC; "
                             % (re.escape(path), a.pid))
            self.assertNotIn("> ", b.stdout)  # it asked nothing
            self.assertIn("Interview stopped: 3 of 7 questions answered.", b.stdout)
            self.assertIn("Acme Ltd", b.stdout)  # the first one's answers
            self.assertNotIn("Other Co", b.stdout)
            # The picker of a third one says so.
            c = self.interview("")
            self.assertRegex(c.stdout, r"1\) Same Co \(3 of 7 answered, saved [0-9TZ:-]+; "
                             r"open in another interview, read-only\)")
            for line in FULL[3:]:
                answer(line)
            rest, err = a.communicate(timeout=20)
        finally:
            a.kill()
            for f in (a.stdin, a.stdout, a.stderr):
                f.close()
        self.assertEqual(a.returncode, 0, err)
        saved = self.saved_answers(path)
        self.assertEqual(saved["org_name"].strip("\"'"), "Acme Ltd")
        self.assertEqual(saved["services"], "[payroll, hosting]")
        self.assertEqual(saved["months_needed"], "12")
        self.assertEqual(saved["comments"].strip("\"'"), "Two sites")
        self.assertEqual(len(saved), 7)
        # Closed: the lock file went with it, and nothing else was left.
        self.assertEqual(os.listdir(os.path.dirname(path)), ["same-co.yaml"])

    # a terminal ---------------------------------------------------------------
    def test_prompts_appear_before_input_on_a_terminal(self):
        try:
            import pexpect
        except ImportError:
            self.skipTest("pexpect not installed")
        ans = os.path.join(self.dir, "tty.yaml")
        child = pexpect.spawn(BIN, ["interview", "--plain", "-q", Q, "-a", ans],
                              env=self.env, encoding="utf-8", timeout=20)
        try:
            child.expect_exact("Section 1 of 2 (Basics), 0 answered so far")
            child.expect_exact("> ")
            child.sendline("Tty Co")
            child.expect_exact("Enter numbers separated by spaces or commas (1-3), "
                               "or 0 for none\r\n> ")
            child.sendline("9")
            child.expect_exact("\"9\" is not one of them.")
            child.expect_exact("> ")
            child.sendline("3")
            child.expect_exact("Section 2 of 2 (Timing), 2 answered so far")
            child.expect_exact("> ")
            child.sendeof()
            child.expect_exact("Interview stopped: 2 of 5 questions answered.")
            child.expect(pexpect.EOF)
        finally:
            child.close()
        self.assertEqual(child.exitstatus, 0)
        self.assertNotIn("\x1b", child.before or "")


if __name__ == "__main__":
    unittest.main(verbosity=2)
