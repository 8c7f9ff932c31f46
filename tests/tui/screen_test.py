#!/usr/bin/python3
"""The full-screen interview as a person uses it: the real binary in a
pseudo-terminal, keys typed, the screen read back through pyte, and the
files it writes checked afterwards.  Runs headless.

usage: screen_test.py PATH/TO/socscope
"""
import hashlib
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import unittest

try:
    import pexpect
    import pyte
    import yaml
except ImportError as e:  # meson counts exit status 77 as skipped
    print("skipped: %s" % e)
    sys.exit(77)

BINARY = None
FIXTURES = os.environ.get("SC_TUI_FIXTURES") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "fixtures")
TINY = os.path.join(FIXTURES, "tiny.yaml")
REPO = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
EXAMPLES = os.path.join(REPO, "questionnaires", "examples")

UP, DOWN = "\x1b[A", "\x1b[B"
PGUP, PGDN = "\x1b[5~", "\x1b[6~"
F1, F5 = "\x1bOP", "\x1b[15~"
F10 = "\x1b[21~"
ENTER, ESC, TAB = "\r", "\x1b", "\t"


class Screen(pyte.Screen):
    """pyte's screen with the scroll commands it lacks, SU and SD (CSI S
    and CSI T, terminfo's indn and rin), which ncurses uses to move a block
    of rows, as xterm and every terminal socscope targets understand."""

    def _scroll(self, count, down):
        top, bottom = self.margins or pyte.screens.Margins(0, self.lines - 1)
        x, y = self.cursor.x, self.cursor.y
        self.cursor.y = top
        if down:
            self.insert_lines(count or 1)
        else:
            self.delete_lines(count or 1)
        self.cursor.x, self.cursor.y = x, y

    def scroll_up(self, count=None, *args, **kwargs):
        self._scroll(count, False)

    def scroll_down(self, count=None, *args, **kwargs):
        self._scroll(count, True)


class ByteStream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, S="scroll_up", T="scroll_down")


class Term:
    """One run of socscope in a pty of a given size, read through pyte."""

    def __init__(self, args, home, cols=80, rows=24, env=None, cwd=None):
        e = {k: v for k, v in os.environ.items()
             if not k.startswith("XDG_") and k not in ("NO_COLOR",)}
        e.update({"TERM": "xterm-256color", "HOME": home,
                  "XDG_STATE_HOME": os.path.join(home, "state"),
                  "XDG_DATA_HOME": os.path.join(home, "data"),
                  "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
        if env:
            e.update(env)
        self.screen = Screen(cols, rows)
        self.stream = ByteStream(self.screen)
        self.started = time.monotonic()
        self.child = pexpect.spawn(BINARY, args, env=e, cwd=cwd or home,
                                   dimensions=(rows, cols))
        self.raw = b""

    def pump(self, seconds=0.05):
        end = time.monotonic() + seconds
        while True:
            try:
                data = self.child.read_nonblocking(65536, timeout=0.02)
                self.raw += data
                self.stream.feed(data)
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                return
            if time.monotonic() >= end:
                return

    def text(self):
        return "\n".join(self.screen.display)

    # Generous: under the sanitizers on a loaded 2-core machine the screen
    # can take seconds; a needle that is there returns at once.
    def wait_for(self, needle, timeout=15.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if needle in self.text():
                return time.monotonic() - self.started
            self.pump(0.02)
        raise AssertionError("%r not on screen:\n%s" % (needle, self.text()))

    def settle(self, quiet=0.3, limit=10.0):
        """Pump until the screen has not changed for `quiet` seconds (a
        loaded host may draw a screen in pieces)."""
        end = time.monotonic() + limit
        last, still = self.text(), time.monotonic()
        while time.monotonic() - still < quiet and time.monotonic() < end:
            self.pump(0.05)
            if self.text() != last:
                last, still = self.text(), time.monotonic()

    def wait_gone(self, needle, timeout=5.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if needle not in self.text():
                return
            self.pump(0.02)
        raise AssertionError("%r still on screen:\n%s" % (needle, self.text()))

    def send(self, *keys, settle=0.08):
        for k in keys:
            self.child.send(k)
            # Esc alone must not merge with the next key into Alt-key.
            self.pump(0.06 if k == ESC else 0.0)
        self.pump(settle)

    def type(self, text):
        self.send(text)

    def message(self, start):
        """The message line that begins with `start`, its rows (it wraps)
        read in its own column and joined."""
        y, x = self.row_of(start)
        return " ".join(line[x:].split("\u2502")[0].strip()
                        for line in self.screen.display[y:y + 3]).strip()

    def row_of(self, needle):
        for y, line in enumerate(self.screen.display):
            if needle in line:
                return y, line.index(needle)
        raise AssertionError("%r not on screen:\n%s" % (needle, self.text()))

    def cell(self, y, x):
        return self.screen.buffer[y][x]

    def resize(self, cols, rows):
        self.child.setwinsize(rows, cols)
        self.screen.resize(rows, cols)
        # setwinsize makes the kernel send SIGWINCH; be explicit anyway.
        try:
            self.child.kill(signal.SIGWINCH)
        except OSError:
            pass
        self.pump(0.3)

    def finish(self, timeout=5.0):
        end = time.monotonic() + timeout
        while self.child.isalive() or not self.child.eof():
            try:
                data = self.child.read_nonblocking(65536, timeout=0.05)
                self.raw += data
                self.stream.feed(data)
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                break
            if time.monotonic() > end:
                raise AssertionError("still running:\n" + self.text())
        self.child.close()
        if self.child.signalstatus is not None:
            return -self.child.signalstatus
        return self.child.exitstatus

    def close(self):
        if self.child.isalive():
            self.child.terminate(force=True)


class ScreenTest(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="socscope-screen-")
        self.terms = []

    def tearDown(self):
        for t in self.terms:
            t.close()
        shutil.rmtree(self.home, ignore_errors=True)

    def run_tui(self, *args, **kw):
        t = Term(list(args), self.home, **kw)
        self.terms.append(t)
        return t

    def session_file(self, slug):
        return os.path.join(self.home, "state", "socscope", "sessions",
                            slug + ".yaml")

    def read(self, path):
        with open(path, encoding="utf-8") as f:
            return f.read()

    def cli(self, *args, env=None):
        """socscope on the command line, in the same home as the screen."""
        e = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
        e.update({"HOME": self.home,
                  "XDG_STATE_HOME": os.path.join(self.home, "state"),
                  "XDG_DATA_HOME": os.path.join(self.home, "data")})
        e.update(env or {})
        r = subprocess.run([BINARY] + list(args), env=e, cwd=self.home,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           check=False)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return r.stdout

    def example_copy(self, name, dest):
        path = os.path.join(self.home, dest)
        shutil.copy(os.path.join(EXAMPLES, name + ".yaml"), path)
        return path

    def exported(self, suffix):
        found = [f for f in os.listdir(self.home) if f.endswith(suffix)]
        self.assertEqual(len(found), 1, os.listdir(self.home))
        path = os.path.join(self.home, found[0])
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        with open(path, "rb") as f:
            return f.read()

    @staticmethod
    def areas_of(markdown):
        """Readiness by area from the Markdown report: (name, bar, percent
        or None, detail) per row of its table."""
        text = markdown.decode()
        part = text.split("### Readiness by area", 1)[1].split("\n### ", 1)[0]
        rows = []
        for line in part.splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) != 3 or cells[0] in ("Area", "---"):
                continue
            m = re.match(r"^(\S+) (\d+)%$", cells[1])
            rows.append((cells[0], m.group(1) if m else None,
                         int(m.group(2)) if m else None, cells[2]))
        return rows

    # -- the whole interview ------------------------------------------------

    def test_whole_interview_and_export(self):
        t = self.run_tui("-q", TINY)
        # No saved sessions: the client's name is asked first.
        t.wait_for("Client's name:")
        t.type("Acme Payroll Ltd")
        t.send(ENTER)
        t.wait_for("What is your organization called?")
        t.wait_for("Acme Payroll Ltd")  # in the header
        t.wait_for("Section 1 of 2 · 0 answered")
        t.wait_for("0/2 sections done")
        t.type("Acme Payroll")
        t.send(ENTER)
        t.wait_for("What do you do for your clients?")
        t.wait_for("Section 1 of 2 · 1 answered")
        t.send("1", ENTER)
        t.wait_for("How many people work for you?")
        t.type("120")
        t.send(ENTER)
        t.wait_for("In how many months")
        t.type("12")
        t.send(ENTER)
        t.wait_for("Where are most of your clients?")
        t.send("2", ENTER)
        # Enter on the last question shows the results.
        t.wait_for("Results")
        t.wait_for("SOC 1 Type II")
        t.wait_for("Trust Services categories")
        t.wait_for("Readiness")
        t.send("w")
        t.wait_for("File: ")
        t.wait_for("acme-payroll-ltd-socscope.txt")
        t.send(DOWN)  # markdown: an unedited path follows the format
        t.wait_for("acme-payroll-ltd-socscope.md")
        t.send(ENTER)
        t.wait_for("Exported markdown to acme-payroll-ltd-socscope.md")
        out = os.path.join(self.home, "acme-payroll-ltd-socscope.md")
        self.assertIn("SOC 1", self.read(out))
        # An export error is shown in place, the typed path kept.
        t.send("w", "\x15")
        t.type("no/such/dir/report.md")
        t.send(ENTER)
        t.wait_for("Not exported")
        t.wait_for("no/such/dir/report.md")
        t.send(ESC)
        t.wait_gone("File: ")
        t.send("q")
        self.assertEqual(t.finish(), 0)
        saved = self.read(self.session_file("acme-payroll-ltd"))
        self.assertIn("org_name: Acme Payroll", saved)
        self.assertIn("services: [payroll]", saved.replace("- payroll", "[payroll]")
                      if "services:\n" in saved else saved)
        self.assertIn("employees: 120", saved)
        self.assertIn("region: r02", saved)
        mode = stat.S_IMODE(os.stat(self.session_file("acme-payroll-ltd")).st_mode)
        self.assertEqual(mode, 0o600)

    # -- the name once, progress, skipped sections, "None of these" -------

    def test_name_once_progress_and_skipped_sections(self):
        named = os.path.join(os.path.dirname(os.path.dirname(FIXTURES)),
                             "fixtures", "session", "named.yaml")
        t = self.run_tui("-q", named, cols=100, rows=30)
        t.wait_for("Client's name:")
        t.type("Named Co")
        t.send(ENTER)
        # The name is the answer to the client question: not asked again.
        t.wait_for("What do you do for your clients?")
        self.assertNotIn("What is your organization called?", t.text())
        t.wait_for("Section 1 of 6 · 1 answered")
        t.wait_for("0/6 sections done")
        # "None of these" clears the others, another choice clears it.
        t.send("1", "2")
        t.wait_for("[✓] Host their systems")
        t.send("3")
        t.wait_for("[✓] None of these")
        self.assertIn("[ ] Run their payroll", t.text())
        self.assertIn("[ ] Host their systems", t.text())
        t.send("1")
        t.wait_for("[ ] None of these")
        t.send(ENTER)
        t.wait_for("Do you handle health records?")
        t.send("2", ENTER)
        t.wait_for("How many pay runs")
        t.wait_for("1/6 sections done")
        t.type("10")
        t.send(ENTER)
        # Passing sections that do not apply is said on screen.
        t.wait_for("In how many months")
        # The question's column only: between the sidebar and the panel.
        joined = " ".join(" ".join(line.split("│")[1] for line in t.screen.display
                                   if line.count("│") >= 2).split())
        self.assertIn("Section 3 (Hosting) does not apply because of your answer "
                      "to \"What do you do for your clients?\"", joined)
        self.assertIn("The health data questions do not apply, since you handle no "
                      "health records.", joined)
        t.wait_for("4/6 sections done")
        t.send("\x1b[21~")  # F10: q is refused in a number field
        self.assertEqual(t.finish(), 0)
        saved = yaml.safe_load(self.read(self.session_file("named-co")))
        self.assertEqual(saved["client"], "Named Co")
        self.assertEqual(saved["answers"]["org_name"], "Named Co")
        self.assertEqual(saved["answers"]["services"], ["payroll"])

    def test_flip_visible_in_live_panel(self):
        t = self.run_tui("-q", TINY, "--client", "Flip Co")
        t.wait_for("What is your organization called?")
        t.type("Flip")
        t.send(ENTER)
        t.wait_for("What do you do for your clients?")
        t.send("1")
        t.wait_for("SOC 1 Type II, 12 months")
        t.send(ENTER)
        t.wait_for("How many people")
        # Back, and change the answer: the recommendation flips at once.
        t.send(PGUP)
        t.wait_for("What do you do for your clients?")
        t.send("1", "2")
        t.wait_for("SOC 2 Type II, 6 months")
        self.assertNotIn("SOC 1", t.text())
        y, x = t.row_of("SOC 2 Type II, 6 months")
        # The flipped conclusion is marked and bold.
        self.assertIn("*", t.screen.display[y][:x])
        self.assertTrue(t.cell(y, x).bold)
        # The selected choice: the cursor row is highlighted, ticks bold.
        y, x = t.row_of("Host their systems")
        self.assertTrue(t.cell(y, x).bold)
        self.assertEqual((t.screen.cursor.y, True),
                         (y, t.screen.cursor.x < x))
        # p hides the panel, p shows it again.
        t.send("p")
        t.wait_gone("Recommendation so far")
        # With the panel hidden, a flip is still said in the message line.
        t.send("1")
        t.wait_for("Recommendation now: SOC 1 Type II and SOC 2 Type II")
        t.send("p")
        t.wait_for("Recommendation so far")
        t.send("q")
        self.assertEqual(t.finish(), 0)

    # -- what-if: change answers without touching the saved session -------

    def panel_text(self, t):
        """The live panel's column at the side, its rows joined, without
        the marks of lines that just changed."""
        return " ".join(w for w in " ".join(
            line.split("\u2502")[-1] for line in t.screen.display[1:-1]
            if line.count("\u2502") >= 2).split() if w != "*")

    def test_what_if_keep_and_drop(self):
        t = self.run_tui("-q", TINY, "--client", "What If Co", cols=120, rows=40)
        t.wait_for("What is your organization called?")
        t.type("WhatIf")
        t.send(ENTER)
        t.wait_for("What do you do for your clients?")
        t.send("1", ENTER)
        t.wait_for("How many people")
        t.type("120")
        t.send(ENTER)
        t.wait_for("In how many months")
        t.type("12")
        t.send(ENTER)
        t.wait_for("Where are most of your clients?")
        t.send("2", ENTER)
        t.wait_for("Press w to export")
        t.send(ESC)
        t.wait_for("Where are most of your clients?")
        path = self.session_file("what-if-co")
        with open(path, "rb") as f:
            saved = f.read()
        self.assertIn(b"months_needed: 12", saved)
        self.assertNotIn("WHAT-IF", t.text())
        t.wait_for("i What-if")  # offered in the key bar

        # On: said in the header, in reverse video, for as long as it lasts.
        t.send("i")
        t.wait_for("WHAT-IF")
        y, x = t.row_of("WHAT-IF")
        self.assertEqual(y, 0)
        self.assertTrue(t.cell(y, x).reverse)
        t.wait_for("What-if (not saved)")
        t.wait_for("i Keep/drop")
        # A change: the panel says what differs and the answer behind it.
        t.send(PGUP)
        t.wait_for("In how many months")
        t.send("\x15")
        t.type("3")
        t.send(ENTER)
        t.wait_for("Where are most of your clients?")
        t.wait_for("Differs from saved")
        panel = self.panel_text(t)
        self.assertIn("SOC 1 type: Type II \u2192 Type I \u2022 In how many "
                      "months must the first report be ready? 12 \u2192 3",
                      panel)
        self.assertIn("1 answer changed; i to keep or drop", panel)
        with open(path, "rb") as f:
            self.assertEqual(f.read(), saved)

        # Drop: the saved session, the file byte for byte as before.
        t.send("i")
        t.wait_for("Leave what-if: keep or drop the changes")
        t.wait_for("12 \u2192 3")
        t.wait_for("y Keep")
        t.send("d")
        t.wait_for("Dropped: back to the saved answers.")
        t.wait_gone("WHAT-IF")
        t.wait_for("Recommendation so far")
        t.wait_for("SOC 1 Type II, 12 months")
        with open(path, "rb") as f:
            self.assertEqual(f.read(), saved)

        # Keep: the change is saved to the session file.
        t.send("i")
        t.wait_for("WHAT-IF")
        t.send(PGUP)
        t.wait_for("In how many months")
        t.send("\x15")
        t.type("3")
        t.send(ENTER)
        t.wait_for("Differs from saved")
        t.send("i")
        t.wait_for("Leave what-if")
        t.send("y")
        t.wait_for("Kept: the what-if answers are saved.")
        t.wait_gone("WHAT-IF")
        t.wait_for("SOC 1 Type I")
        kept = yaml.safe_load(self.read(path))
        self.assertEqual(kept["answers"]["months_needed"], 3)
        self.assertEqual(kept["answers"]["region"], "r02")

        # Quitting in what-if asks first; dropped, the file stays as kept.
        with open(path, "rb") as f:
            saved = f.read()
        t.send("i", "3")
        t.wait_for("Same conclusions as saved")
        t.send("q")
        t.wait_for("Before quitting")
        t.send("d")
        self.assertEqual(t.finish(), 0)
        with open(path, "rb") as f:
            self.assertEqual(f.read(), saved)

    def test_selected_row_attributes_without_colour(self):
        t = self.run_tui("-q", TINY, "--client", "Mono", env={"NO_COLOR": "1"})
        t.wait_for("What is your organization called?")
        t.send(PGDN)
        t.wait_for("Run their payroll")
        t.send(DOWN, " ")
        y, x = t.row_of("Host their systems")
        # The focused row is reverse video, the ticked choice bold too.
        self.assertTrue(t.cell(y, x).reverse)
        self.assertTrue(t.cell(y, x).bold)
        y2, x2 = t.row_of("Run their payroll")
        self.assertFalse(t.cell(y2, x2).reverse)
        # The real cursor sits on the focused choice for screen readers.
        self.assertEqual(t.screen.cursor.y, y)
        # No colour at all on screen.
        for row in t.screen.buffer.values():
            for c in row.values():
                self.assertEqual(c.fg, "default")
                self.assertEqual(c.bg, "default")
        t.send("q")
        self.assertEqual(t.finish(), 0)
        # NO_COLOR set but empty does not count: the theme's colours.
        t = self.run_tui("-q", TINY, "--client", "Mono", env={"NO_COLOR": ""})
        t.wait_for("What is your organization called?")
        t.send(PGDN)
        # The cursor starts on the ticked choice.
        y, x = t.row_of("Host their systems")
        self.assertEqual(t.screen.cursor.y, y)
        self.assertEqual(t.cell(y, x).bg, "cyan")
        t.send("q")
        self.assertEqual(t.finish(), 0)

    def test_skip_logic(self):
        t = self.run_tui("-q", TINY, "--client", "Skip Co")
        t.wait_for("What is your organization called?")
        t.send(PGDN)
        t.wait_for("What do you do for your clients?")
        t.wait_for("0 answered")
        t.send("2")  # hosting: the uptime question applies now
        t.wait_for("1 answered")
        t.send(ENTER)
        t.wait_for("Do your contracts promise an uptime percentage?")
        t.wait_for("Not sure")
        t.send("3")
        t.wait_for("2 answered")
        t.send(PGUP)
        t.wait_for("What do you do for your clients?")
        t.send("2")  # untick: the uptime question goes away again
        t.wait_for("0 answered")
        t.send(ENTER)
        t.wait_for("How many people work for you?")
        t.send("q")  # typed: q is a letter in a number field? no: refused
        t.wait_for("Only digits")
        t.send("\x1bOR" if False else "\x1b[21~")  # F10 quits anywhere
        self.assertEqual(t.finish(), 0)

    def test_number_range_as_you_type(self):
        t = self.run_tui("-q", TINY, "--client", "Range Co")
        t.wait_for("What is your organization called?")
        t.send(PGDN, PGDN)
        t.wait_for("How many people work for you?")
        t.wait_for("A number from 1 to 5000")
        t.type("0")
        t.wait_for("Must be between 1 and 5000.")
        y, x = t.row_of("Must be between")
        self.assertTrue(t.cell(y, x).bold)
        t.send(ENTER)  # refused: still here, typed text kept
        t.wait_for("How many people work for you?")
        t.send("\x7f")
        t.wait_gone("Must be between")
        t.type("42")
        t.send(ENTER)
        t.wait_for("In how many months")
        t.send("q" if False else "\x1b[21~")
        self.assertEqual(t.finish(), 0)
        self.assertIn("employees: 42", self.read(self.session_file("range-co")))

    def test_notes_and_review(self):
        t = self.run_tui("-q", TINY, "--client", "Note Co")
        t.wait_for("What is your organization called?")
        t.type("Note Co")
        t.send(ENTER)
        t.wait_for("What do you do for your clients?")
        t.send("1", "n")
        t.wait_for("Note: ")
        t.type("check the quarterly payroll run")
        t.send(ENTER)
        t.wait_for("Note: check the quarterly payroll run")
        t.send("r")
        t.wait_for("Review your answers")
        t.wait_for("Run their payroll")
        t.wait_for("Note: check the quarterly payroll run")
        # Jump back from the review to change an answer.
        t.send("g", ENTER)
        t.wait_for("What is your organization called?")
        t.send(TAB, "q")
        self.assertEqual(t.finish(), 0)
        saved = self.read(self.session_file("note-co"))
        self.assertIn("check the quarterly payroll run", saved)

    def test_explain_and_help(self):
        t = self.run_tui("-q", TINY, "--client", "Why Co")
        t.wait_for("What is your organization called?")
        t.send(PGDN)
        t.wait_for("What do you do for your clients?")
        t.send("1", "e")
        t.wait_for("each conclusion explained")
        t.wait_for("Payroll errors change")
        t.send(ENTER)  # jump to the answer the rule rests on
        t.wait_for("What do you do for your clients?")
        t.send(F1)
        t.wait_for("show this help")
        t.wait_for("F1 ?")
        t.send(ESC)
        t.wait_for("What do you do for your clients?")
        t.send("?")
        t.wait_for("show this help")
        t.send("q")
        self.assertEqual(t.finish(), 0)

    def test_resume_through_picker(self):
        t = self.run_tui("-q", TINY, "--client", "Resume Ltd")
        t.wait_for("What is your organization called?")
        t.type("Resume")
        t.send(ENTER)
        t.wait_for("What do you do for your clients?")
        t.send("q")
        self.assertEqual(t.finish(), 0)
        t = self.run_tui("-q", TINY)
        t.wait_for("Saved interviews")
        t.wait_for("Resume Ltd")
        t.wait_for("1/5")
        t.wait_for("Start a new interview")
        t.send(ENTER)
        # Resumes at the first open question.
        t.wait_for("What do you do for your clients?")
        t.wait_for("Resume Ltd")
        t.send("q")
        self.assertEqual(t.finish(), 0)
        # -a FILE opens the answers file directly.
        t = self.run_tui("-q", TINY, "-a", self.session_file("resume-ltd"))
        t.wait_for("What do you do for your clients?")
        t.send("q")
        self.assertEqual(t.finish(), 0)

    def test_second_interview_is_read_only(self):
        a = self.run_tui("-q", TINY, "--client", "Lock Co")
        a.wait_for("What is your organization called?")
        a.type("Holder")
        a.send(ENTER)
        a.wait_for("What do you do for your clients?")
        # The picker of a second interview says the session is open.
        b = self.run_tui("-q", TINY)
        b.wait_for("Saved interviews")
        b.wait_for("(open elsewhere)")
        b.send(ENTER)
        b.wait_for("What do you do for your clients?")
        b.wait_for("(read-only)")  # in the header, for as long as it is open
        b.wait_for("Read-only:")
        self.assertRegex(b.message("Read-only:"),
                         r"^Read-only: this interview is open in socscope process %d "
                         r"\(.*\) since \d{4}-\d\d-\d\d \d\d:\d\d UTC; answers "
                         r"cannot be changed here\.$" % a.child.pid)
        # Choices are refused, the answer stays as the holder saved it.
        b.send("1")
        b.pump(0.2)
        self.assertTrue(b.message("Read-only:").endswith("cannot be changed here."))
        self.assertNotIn("[✓] Run their payroll", b.text())
        self.assertIn("[ ] Run their payroll", b.text())
        # Results and export work.
        b.send(F5)
        b.wait_for("Results")
        b.send("w")
        b.wait_for("File: ")
        b.send(ENTER)
        b.wait_for("Exported text to lock-co-socscope.txt")
        self.assertIn("Holder", self.read(os.path.join(self.home, "lock-co-socscope.txt")))
        b.send("q")
        self.assertEqual(b.finish(), 0)
        # The holder lost nothing and goes on.
        a.send("1")
        a.wait_for("[✓] Run their payroll")
        a.send("q")
        self.assertEqual(a.finish(), 0)
        saved = yaml.safe_load(self.read(self.session_file("lock-co")))
        self.assertEqual(saved["answers"]["org_name"], "Holder")
        self.assertEqual(saved["answers"]["services"], ["payroll"])
        self.assertEqual(os.listdir(os.path.dirname(self.session_file("lock-co"))),
                         ["lock-co.yaml"])

    def test_resize_too_small_and_back(self):
        t = self.run_tui("-q", TINY, "--client", "Size Co")
        t.wait_for("What is your organization called?")
        t.type("typed before")
        t.resize(30, 8)
        t.wait_for("Terminal too small")
        t.resize(80, 24)
        t.wait_gone("too small")
        t.wait_for("What is your organization called?")
        t.wait_for("typed before")
        t.wait_for("Sections")
        # Wide: the live panel moves to the side.
        t.resize(120, 40)
        t.wait_for("Recommendation so far")
        y, _ = t.row_of("Recommendation so far")
        self.assertLess(y, 5)
        # Narrow: the sidebar folds away; nothing of it remains.
        t.resize(50, 20)
        t.wait_gone("Sections")
        t.wait_for("What is your organization called?")
        for line in t.screen.display:
            self.assertEqual(len(line), 50)
        # Tab still reaches the sections: they show in the question's place.
        t.send(TAB)
        t.wait_for("Sections")
        t.wait_for("Timing")
        t.send(ESC)
        t.wait_for("What is your organization called?")
        t.send(ENTER)
        t.wait_for("What do you do for your clients?")
        t.send("q")
        self.assertEqual(t.finish(), 0)
        self.assertIn("typed before", self.read(self.session_file("size-co")))

    def test_ctrl_c_saves_typed_text(self):
        t = self.run_tui("-q", TINY, "--client", "Interrupted Inc")
        t.wait_for("What is your organization called?")
        t.type("Half-typed name 漢字")
        t.wait_for("Half-typed name 漢字")
        t.send("\x03")
        self.assertEqual(t.finish(), 130)
        path = self.session_file("interrupted-inc")
        self.assertIn("Half-typed name 漢字", self.read(path))
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        # The terminal was given back: the alternate screen was left.
        self.assertIn(b"\x1b[?1049l", t.raw)

    def test_sigterm_and_sighup(self):
        for sig, code in ((signal.SIGTERM, 143), (signal.SIGHUP, 129)):
            t = self.run_tui("-q", TINY, "--client", "Signal %d" % sig)
            t.wait_for("What is your organization called?")
            t.type("by signal")
            t.pump(0.1)
            t.child.kill(sig)
            self.assertEqual(t.finish(), code)
            self.assertIn("by signal", self.read(
                self.session_file("signal-%d" % sig)))

    def test_terminal_closed_saves(self):
        # A dropped connection: the terminal side simply goes away.
        t = self.run_tui("-q", TINY, "--client", "Dropped")
        t.wait_for("What is your organization called?")
        t.type("typed when the line dropped")
        t.wait_for("typed when the line dropped")
        proc = t.child.ptyproc
        os.close(t.child.child_fd)
        end = time.monotonic() + 5
        while proc.isalive() and time.monotonic() < end:
            time.sleep(0.05)
        self.assertFalse(proc.isalive())
        self.assertEqual(proc.exitstatus, 129)
        self.assertIn("typed when the line dropped",
                      self.read(self.session_file("dropped")))
        t.child.closed = True

    def test_bracketed_paste(self):
        t = self.run_tui("-q", TINY, "--client", "Paste Co")
        t.wait_for("What is your organization called?")
        self.assertIn(b"\x1b[?2004h", t.raw)
        # A pasted Tab, line break or q is text, not a key.
        t.send("\x1b[200~Paste\tCo\rq\x1b[201~")
        t.wait_for("Paste Co q")
        t.wait_for("What is your organization called?")
        t.send(ENTER)
        t.wait_for("What do you do for your clients?")
        t.send("\x1b[21~")
        self.assertEqual(t.finish(), 0)
        self.assertIn(b"\x1b[?2004l", t.raw)
        self.assertIn("org_name: Paste Co q",
                      self.read(self.session_file("paste-co")))

    def test_ascii_mode(self):
        t = self.run_tui("-q", TINY, "--client", "Ascii", "--ascii")
        t.wait_for("What is your organization called?")
        t.send(PGDN, "1")
        t.wait_for("[x] Run their payroll")
        for line in t.screen.display:
            self.assertTrue(all(ord(c) < 128 for c in line), line)
        t.send("q")
        self.assertEqual(t.finish(), 0)

    def test_wide_characters_wrap(self):
        t = self.run_tui("-q", TINY, "--client", "Wide", cols=60)
        t.wait_for("What is your organization called?")
        t.type("株式会社テスト 🙂 café")
        t.wait_for("株式会社テスト")
        t.send(ENTER)
        t.wait_for("What do you do for your clients?")
        t.send("\x1b[21~")
        self.assertEqual(t.finish(), 0)
        saved = yaml.safe_load(self.read(self.session_file("wide")))
        self.assertEqual(saved["answers"]["org_name"], "株式会社テスト 🙂 café")

    def test_save_failure_shown_in_place(self):
        # A session file nobody can create (not even root): /proc refuses.
        path = "/proc/socscope-no-such-dir/answers.yaml"
        t = self.run_tui("-q", TINY, "-a", path)
        t.wait_for("What is your organization called?")
        t.send(PGDN, "1")
        t.wait_for("Not saved:")
        y, x = t.row_of("Not saved:")
        self.assertTrue(t.cell(y, x).bold)
        # The answer is kept on screen all the same.
        t.wait_for("[✓] Run their payroll")
        t.send("q")
        self.assertEqual(t.finish(), 74)
        self.assertIn(b"answers not saved", t.raw)

    def test_save_error_reason_readable_and_ctrl_c_exits_74(self):
        # The reason comes last in the message; at 80x24 (and 100x30) it
        # wraps rather than being cut.  Ctrl-C with answers unsaved is the
        # write error (74), not "interrupted after saving" (130).
        path = "/proc/socscope-no-such-dir/answers.yaml"
        for cols, rows in ((80, 24), (100, 30)):
            t = self.run_tui("-q", TINY, "-a", path, cols=cols, rows=rows)
            t.wait_for("What is your organization called?")
            t.send(PGDN, "1")
            t.wait_for("Not saved:")
            shown = t.message("Not saved:")
            self.assertIn("No such file or directory", shown,
                          "%dx%d:\n%s" % (cols, rows, t.text()))
            t.send("\x03")
            self.assertEqual(t.finish(), 74)
            self.assertIn(b"answers not saved", t.raw)

    def test_narrow_wrap_keeps_every_word(self):
        t = self.run_tui("-q", TINY, "--client", "Narrow", cols=41, rows=24)
        t.wait_for("What is your")
        t.send(PGDN)
        t.wait_for("Why we ask")
        help_text = ("Why we ask: The kind of service decides which report "
                     "your clients need.")
        joined = " ".join(line.strip() for line in t.screen.display)
        self.assertIn(help_text, " ".join(joined.split()))
        for line in t.screen.display:
            self.assertEqual(len(line), 41)
        t.send("q")
        self.assertEqual(t.finish(), 0)

    def test_bundled_questionnaire_smoke(self):
        t = self.run_tui("--client", "Smoke Test")
        t.wait_for("Section 1 of", timeout=15)
        t.wait_for("Why we ask")
        # (How fast it starts is measured by the benchmarks, not here.)
        t.send(TAB)
        t.send("s")
        t.wait_for("Results")
        # Back in the interview, the focus is still on the sidebar.
        t.send(ESC, "q")
        self.assertEqual(t.finish(), 0)

    def click(self, t, y, x):
        """A left press and release at screen cell (y, x), SGR encoded."""
        t.send("\x1b[<0;%d;%dM" % (x + 1, y + 1), settle=0.02)
        t.send("\x1b[<0;%d;%dm" % (x + 1, y + 1))

    def test_mouse(self):
        t = self.run_tui("-q", TINY, "--client", "Mouse Co")
        t.wait_for("What is your organization called?")
        t.send(PGDN)
        t.wait_for("Host their systems")
        y, x = t.row_of("Host their systems")
        self.click(t, y, x)
        t.wait_for("[✓] Host their systems")
        t.wait_for("1 answered")
        # A click on a section in the sidebar jumps there.
        y, x = t.row_of("Timing")
        self.click(t, y, x)
        t.wait_for("In how many months")
        # The wheel scrolls a long list.
        t.send(PGDN)
        t.wait_for("Where are most of your clients?")
        y, x = t.row_of("Region one")
        for _ in range(4):
            t.send("\x1b[<65;%d;%dM" % (x + 1, y + 1))
        t.wait_for("Region thirteen")
        t.send("q")
        self.assertEqual(t.finish(), 0)
        saved = yaml.safe_load(self.read(self.session_file("mouse-co")))
        self.assertEqual(saved["answers"]["services"], ["hosting"])

    def test_crash_restores_terminal(self):
        for sig in (signal.SIGSEGV, signal.SIGABRT):
            t = self.run_tui("-q", TINY, "--client", "Crash")
            t.wait_for("What is your organization called?")
            t.raw = b""
            t.child.kill(sig)
            self.assertEqual(t.finish(), -sig)
            # Mouse reporting off, cursor shown, alternate screen left.
            self.assertIn(b"\x1b[?1000l", t.raw)
            self.assertIn(b"\x1b[?25h", t.raw)
            self.assertIn(b"\x1b[?1049l", t.raw)

    def test_bundled_questionnaire_to_the_end(self):
        t = self.run_tui("--client", "Straight Through", cols=100, rows=30)
        t.wait_for("Section 1 of", timeout=15)
        # Enter takes the first choice and leaves texts empty: it walks
        # through the whole questionnaire to the results.
        for _ in range(200):
            if "Press w to export" in t.text():
                break
            t.send(ENTER, settle=0.01)
        t.wait_for("Press w to export")
        t.wait_for("Trust Services categories")
        t.send("w", UP, UP)  # json
        t.wait_for("straight-through-socscope.json")
        t.send(ENTER)
        t.wait_for("Exported json")
        with open(os.path.join(self.home, "straight-through-socscope.json"),
                  encoding="utf-8") as f:
            import json
            report = json.load(f)
        self.assertIn("recommendation", report)
        t.send("q")
        self.assertEqual(t.finish(), 0)

    # -- issue 10: the evidence list, full reports, area bars, the picker --

    def test_export_evidence_list_and_reports_as_the_command_line(self):
        client = self.example_copy("payroll-bureau", "client.yaml")
        env = {"SOCSCOPE_DATE": "2026-03-01"}
        t = self.run_tui("-a", client, env=env)
        t.wait_for("Section 1 of", timeout=15)
        t.send(F5)
        t.wait_for("Press w to export the report or the evidence request list")
        t.send("w")
        t.wait_for("Report: text markdown html json csv")
        t.wait_for("Tab Evidence list")
        # Tab: the evidence list, in markdown first (it has no text).
        t.send(TAB)
        t.wait_for("Evidence list: markdown html json csv")
        t.wait_for("-evidence.md")
        t.wait_for("Tab Report")
        t.send(UP)
        t.wait_for("-evidence.csv")
        t.send(ENTER)
        t.wait_for("Exported the evidence request list (csv)")
        # The report again, in Markdown then HTML.
        t.send("w", TAB)
        t.wait_for("Report: text")
        t.send(UP, UP, UP)
        t.wait_for("-socscope.md")
        t.send(ENTER)
        t.wait_for("Exported markdown to")
        t.send("w", DOWN)
        t.wait_for("-socscope.html")
        t.send(ENTER)
        t.wait_for("Exported html to")
        t.send("q")
        self.assertEqual(t.finish(), 0)
        # Byte for byte what the command line writes.
        csv = self.exported("-evidence.csv")
        self.assertEqual(csv, self.cli("evidence", client, "-f", "csv", env=env))
        self.assertTrue(csv.startswith(b"number,request_id,reports,"))
        self.assertIn(b",owner,due_date,", csv.split(b"\r\n")[0] + b",")
        md = self.exported("-socscope.md")
        self.assertEqual(md, self.cli("evaluate", client, "-f", "markdown",
                                      env=env))
        self.assertRegex(md, rb"\n## Appendix [A-Z]: evidence to collect\n")
        html = self.exported("-socscope.html")
        self.assertEqual(html, self.cli("evaluate", client, "-f", "html",
                                        env=env))
        self.assertRegex(html, rb"Appendix [A-Z]: evidence to collect")

    def area_lines_seen(self, t):
        """Scroll the results line by line from "Readiness by area" on;
        the text of each screen's document area, rows joined."""
        for _ in range(40):
            if "Readiness by area" in t.text():
                break
            self.send_and_wait(t, PGDN)
        t.wait_for("Readiness by area")
        seen = []
        for _ in range(30):
            rows = t.screen.display[2:]
            end = next(i for i, r in enumerate(rows) if set(r.strip()) <= set("─-")
                       and r.strip())
            body = " ".join(r.replace("↓ more", "").replace("v more", "")
                            .replace("↑ more", "").replace("^ more", "")
                            for r in rows[:end])
            seen.append(" ".join(body.split()))
            if "Readiness by area" not in t.text():
                break
            self.send_and_wait(t, DOWN)
        return seen

    @staticmethod
    def send_and_wait(t, key):
        """Send a key that scrolls, and wait until the screen shows it and
        has settled (a slow, loaded host may draw it in pieces)."""
        before = t.text()
        t.send(key, settle=0.0)
        end = time.monotonic() + 10
        while t.text() == before and time.monotonic() < end:
            t.pump(0.02)
        last, still = t.text(), time.monotonic()
        while time.monotonic() - still < 0.3 and time.monotonic() < end:
            t.pump(0.05)
            if t.text() != last:
                last, still = t.text(), time.monotonic()

    def check_area_bars(self, t, areas, full, empty):
        seen = self.area_lines_seen(t)
        for name, bar, pct, detail in areas:
            if pct is None:
                want = "- %s: %s" % (name, detail)
            else:
                want = "[%s] %d%% %s: %s" % (
                    bar.replace("█", full).replace("░", empty), pct, name,
                    detail)
            self.assertTrue(any(want in s for s in seen),
                            "%r not on the results:\n%s" % (want, t.text()))
        # The legend says which cell is which.
        legend = "Readiness by area (%s in place, %s not yet)" % (full, empty)
        self.assertTrue(any(legend in s for s in seen))

    def test_area_bars_on_results(self):
        client = self.example_copy("payroll-bureau", "client.yaml")
        areas = self.areas_of(self.cli("evaluate", client, "-f", "markdown"))
        self.assertTrue(any(a[2] is not None and 0 < a[2] < 100 for a in areas))
        t = self.run_tui("-a", client, cols=80, rows=24)
        t.wait_for("Section 1 of", timeout=15)
        t.send(F5)
        t.wait_for("Press w to export")
        self.check_area_bars(t, areas, "█", "░")
        t.send(F10)
        self.assertEqual(t.finish(), 0)
        # Monochrome and ASCII: the same figures, no colour, ASCII only.
        t = self.run_tui("-a", client, "--ascii", cols=80, rows=24,
                         env={"NO_COLOR": "1"})
        t.wait_for("Section 1 of", timeout=15)
        t.send(F5)
        t.wait_for("Press w to export")
        self.check_area_bars(t, areas, "#", ".")
        for line in t.screen.display:
            self.assertTrue(all(ord(c) < 128 for c in line), line)
        for row in t.screen.buffer.values():
            for c in row.values():
                self.assertEqual((c.fg, c.bg), ("default", "default"))
        t.send("q")
        self.assertEqual(t.finish(), 0)

    def test_picker_recommendation_column(self):
        sessions = os.path.join(self.home, "state", "socscope", "sessions")
        os.makedirs(sessions)
        for name in ("payroll-bureau", "local-bookkeeper", "consumer-app"):
            shutil.copy(os.path.join(EXAMPLES, name + ".yaml"), sessions)
        # The portfolio's recommendation column on the command line.
        table = self.cli("portfolio").decode().splitlines()
        rx = table[0].index("Recommendation")
        ux = table[0].index("Updated")
        rows = [{"client": line[:ux].strip(), "recommendation": line[rx:]}
                for line in table[1:4]]
        self.assertEqual(len(set(r["recommendation"] for r in rows)), 3)
        t = self.run_tui(cols=80, rows=24)
        t.wait_for("Saved interviews")
        t.wait_for("Recommendation")
        t.settle()
        hy, hx = t.row_of("Recommendation")
        for row in rows:
            client = row["client"]
            # The name may be cut to its column; its start is there.
            y, _ = t.row_of(client[:18])
            self.assertGreater(y, hy)
            # The recommendation in its column, wrapped rows under it.
            text = t.screen.display[y][hx:].rstrip()
            for below in t.screen.display[y + 1:]:
                if below[:hx].strip() or not below[hx:].strip():
                    break
                text += " " + below[hx:].strip()
            self.assertEqual(text, row["recommendation"], t.text())
        t.send("q")
        self.assertEqual(t.finish(), 0)

    # -- issue 22: sessions survive upgrades ---------------------------------

    def test_older_sessions_in_the_picker(self):
        """A session saved under questionnaire 1.0 and one under 2.0 both
        appear in the picker, marked, and open; one that cannot be opened
        is listed with why; opening an older one says what changed, and
        the first change keeps its original beside it."""
        sessions = os.path.join(self.home, "state", "socscope", "sessions")
        os.makedirs(sessions)
        migrate = os.path.join(REPO, "tests", "fixtures", "migrate")
        old1 = os.path.join(sessions, "brightline.yaml")
        old2 = os.path.join(sessions, "crescent.yaml")
        broken = os.path.join(sessions, "harbor.yaml")
        shutil.copy(os.path.join(migrate, "v1.0", "payroll-bureau.yaml"), old1)
        shutil.copy(os.path.join(migrate, "v2.0", "loan-servicer.yaml"), old2)
        with open(os.path.join(migrate, "v2.0", "payroll-bureau.yaml"),
                  encoding="utf-8") as f:
            text = f.read().replace("  months_needed: 9\n",
                                    "  months_needed: soon\n").replace(
                "client: Brightline Payroll Services", "client: Harbor Lane Law")
        with open(broken, "w", encoding="utf-8") as f:
            f.write(text)
        line = text.split("  months_needed: soon")[0].count("\n") + 1
        with open(old1, "rb") as f:
            original = f.read()
        env = {"SOCSCOPE_DATE": "2026-12-06"}

        t = self.run_tui(cols=200, rows=30, env=env)
        t.wait_for("Saved interviews")
        t.wait_for("cannot be opened")
        t.settle()
        screen = t.text()
        self.assertRegex(screen, r"Brightline Payroll Serv.*53/60 .*SOC 1 "
                                 r"Type II and SOC 2 Type II .*\(from 1\.0\)")
        self.assertRegex(screen, r"Crescent Loan Servicing .*58/59 .*SOC 1 Type "
                                 r"II \(from 2\.0\)")
        self.assertIn("cannot be opened: %s:%d:18: the answer to "
                      "\"months_needed\" fits neither" % (broken, line), screen)
        # The one that cannot be opened says so in full when picked.
        t.send(DOWN, DOWN)
        t.send(ENTER)
        t.wait_for("%s:%d:18:" % (broken, line))
        self.assertIn("Saved interviews", t.text())
        t.send("q")
        self.assertEqual(t.finish(), 0)

        # The 2.0 one opens and says what changed, once.
        t = self.run_tui(cols=120, rows=30, env=env)
        t.wait_for("Saved interviews")
        t.wait_for("(from 2.0)")
        t.send(DOWN)
        t.send(ENTER)
        t.wait_for("Saved under questionnaire 2.0")
        # The message wraps in its column; the key bar may follow.
        said = t.message("Saved under questionnaire 2.0")
        want = ("Saved under questionnaire 2.0 and read as 3.0: 3 "
                "answers carried over in a new form, 1 new question to answer.")
        self.assertTrue(said == want or said.startswith(want + " "), said)
        t.send(F10)
        self.assertEqual(t.finish(), 0)

        # The 1.0 one too, at its first new question; answering it saves
        # the session as 3.0 and keeps the original.
        t = self.run_tui(cols=120, rows=30, env=env)
        t.wait_for("(from 1.0)")
        t.send(ENTER)
        t.wait_for("Saved under questionnaire 1.0")
        # The message wraps in its column; the key bar may follow.
        said = t.message("Saved under questionnaire 1.0")
        want = ("Saved under questionnaire 1.0 and read as 3.0: 6 "
                         "answers carried over in a new form, 7 new questions "
                         "to answer.")
        self.assertTrue(said == want or said.startswith(want + " "), said)
        self.assertFalse(os.path.exists(old1 + ".v1.0"))
        t.wait_for("Do you hold any of these?")
        t.send("4")
        t.wait_for("[✓] None of these")
        t.send("q")
        self.assertEqual(t.finish(), 0)
        with open(old1 + ".v1.0", "rb") as f:
            self.assertEqual(f.read(), original)
        self.assertEqual(stat.S_IMODE(os.stat(old1 + ".v1.0").st_mode), 0o600)
        saved = yaml.safe_load(self.read(old1))
        self.assertEqual(saved["questionnaire_version"], "3.0")
        self.assertEqual(saved["answers"]["sector_data"], ["none"])
        self.assertEqual(str(saved["answers"]["deadline"]), "2027-09-30")
        self.assertEqual(sorted(os.listdir(sessions)),
                         ["brightline.yaml", "brightline.yaml.v1.0",
                          "crescent.yaml", "harbor.yaml"])

        # Saved as today's, it opens without a word about versions, and
        # the original kept beside it is not offered as a session.
        t = self.run_tui(cols=120, rows=30, env=env)
        t.wait_for("(from 2.0)")
        t.settle()
        self.assertNotIn("(from 1.0)", t.text())
        self.assertEqual(t.text().count("Brightline Payroll Serv"), 1)
        t.send(ENTER)
        t.wait_for("Section ")
        t.settle()
        self.assertNotIn("Saved under questionnaire", t.text())
        t.send(F10)
        self.assertEqual(t.finish(), 0)

    # -- issue 11: examples at hand ------------------------------------------

    def test_open_installed_example_on_a_copy(self):
        examples = os.path.join(self.home, "data", "socscope", "questionnaires",
                                "examples")
        os.makedirs(examples)
        example = os.path.join(examples, "tiny-demo.yaml")
        with open(example, "w", encoding="utf-8") as f:
            f.write("# A payroll demo for trainers: SOC 1 Type II.\n"
                    "socscope: 1\nquestionnaire: tui-tiny\n"
                    "client: Demo Payroll\nanswers:\n"
                    "  org_name: Demo Payroll\n  services: [payroll]\n")
        os.utime(example, (1000000000, 1000000000))
        before = self.read(example)
        for copy in ("tiny-demo", "tiny-demo-2"):
            # No saved session, but an example: the picker offers it.
            t = self.run_tui("-q", TINY)
            t.wait_for("Saved interviews")
            t.wait_for("+ Open a worked example (1, each on a copy)")
            # Its line (the other questionnaires' lines come after it).
            y, x = t.row_of("+ Open a worked example")
            self.click(t, y, x)  # selects
            self.click(t, y, x)  # opens
            t.wait_for("Worked examples")
            t.wait_for("A payroll demo for trainers: SOC 1 Type II.")
            t.send(ENTER)
            t.wait_for("A copy of the example")
            self.assertEqual(t.message("A copy of the example").split("─")[0].strip(),
                             "A copy of the example tiny-demo, saved as %s.yaml; "
                             "the example itself never changes." % copy)
            t.wait_for("Demo Payroll")  # the header names its client
            # Change the copy: the recommendation follows.
            for _ in range(6):
                if "What do you do for your clients?" in t.text():
                    break
                t.send(PGUP)
            t.wait_for("What do you do for your clients?")
            t.send("2")
            t.wait_for("[✓] Host their systems")
            t.send(F10)
            self.assertEqual(t.finish(), 0)
            saved = yaml.safe_load(self.read(self.session_file(copy)))
            self.assertEqual(saved["client"], "Demo Payroll")
            self.assertEqual(saved["answers"]["services"], ["payroll", "hosting"])
            # The example itself never changes.
            self.assertEqual(self.read(example), before)
            self.assertEqual(os.stat(example).st_mtime, 1000000000)
        # Both copies are saved interviews now, told apart by their file.
        t = self.run_tui("-q", TINY)
        t.wait_for("Demo Payroll (tiny-demo) ")
        t.wait_for("(tiny-demo-2)")
        t.send("q")
        self.assertEqual(t.finish(), 0)

    def test_open_bundled_example_on_a_copy(self):
        source = os.path.join(EXAMPLES, "payroll-bureau.yaml")
        with open(source, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        t = self.run_tui(cols=100, rows=50)
        t.wait_for("No saved interviews yet")
        t.send(DOWN, ENTER)
        t.wait_for("Worked examples")
        t.wait_for("payroll-bureau")
        y, x = t.row_of("payroll-bureau ")
        self.click(t, y, x)  # selects
        self.click(t, y, x)  # opens
        t.wait_for("A copy of the example", timeout=15)
        self.assertTrue(t.message("A copy of the example").startswith(
            "A copy of the example payroll-bureau, saved as payroll-bureau.yaml;"))
        t.send(F10)
        self.assertEqual(t.finish(), 0)
        copy = yaml.safe_load(self.read(self.session_file("payroll-bureau")))
        with open(source, encoding="utf-8") as f:
            original = yaml.safe_load(f)
        self.assertEqual(copy["answers"], original["answers"])
        self.assertEqual(copy["client"], original["client"])
        with open(source, "rb") as f:
            self.assertEqual(hashlib.sha256(f.read()).hexdigest(), digest)

    def test_picker_starts_a_review_and_resumes_it(self):
        """One program, two jobs: the picker offers the provider-report
        review beside a new scoping interview, and a saved review opens on
        its own questionnaire from the scoping interview's picker."""
        t = self.run_tui(cols=100, rows=40)
        t.wait_for("No saved interviews yet")
        t.wait_for("+ Review of a provider's SOC report (a new one)")
        t.send(DOWN, DOWN, ENTER)
        t.wait_for("Client's name:")
        self.assertIn("Review of a provider's SOC report", t.text())
        t.type("Tidewater Core Processing")
        t.send(ENTER)
        t.wait_for("In a sentence, what do you use this")
        t.type("Core banking")
        t.send(ENTER)
        t.wait_for("Which of these best describes the")
        t.send(F10)
        self.assertEqual(t.finish(), 0)
        saved = yaml.safe_load(self.read(
            self.session_file("tidewater-core-processing")))
        self.assertEqual(saved["questionnaire"], "soc-report-review")
        self.assertEqual(saved["answers"]["provider_name"],
                         "Tidewater Core Processing")
        self.assertEqual(saved["answers"]["service_used"], "Core banking")
        t = self.run_tui(cols=100, rows=40)
        t.wait_for("(questionnaire soc-report-review)")
        t.send(ENTER)
        t.wait_for("Which of these best describes the")
        t.wait_for("Outcome so far")
        t.send(F10)
        self.assertEqual(t.finish(), 0)

    def test_bad_theme(self):
        t = self.run_tui("-q", TINY, "--client", "T", "--theme", "no-such")
        self.assertEqual(t.finish(), 66)
        self.assertIn(b'no theme called "no-such"', t.raw)
        bad = os.path.join(self.home, "bad-theme.yaml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("name: bad\nroles:\n  text: {fg: purple}\n")
        t = self.run_tui("-q", TINY, "--client", "T", "--theme", bad)
        self.assertEqual(t.finish(), 65)
        self.assertIn(b"bad-theme.yaml:3:", t.raw)

    def test_theme_from_data_dir(self):
        themes = os.path.join(self.home, "data", "socscope", "themes")
        os.makedirs(themes)
        with open(os.path.join(themes, "loud.yaml"), "w", encoding="utf-8") as f:
            f.write("name: loud\ndescription: Test theme.\nroles:\n"
                    "  selected: {fg: white, bg: red, attrs: [bold], "
                    "mono: [reverse]}\n")
        t = self.run_tui("-q", TINY, "--client", "Loud", "--theme", "loud")
        t.wait_for("What is your organization called?")
        t.send(PGDN)
        y, x = t.row_of("Run their payroll")
        self.assertEqual(t.cell(y, x).bg, "red")
        self.assertEqual(t.cell(y, x).fg, "white")
        self.assertTrue(t.cell(y, x).bold)
        t.send("q")
        self.assertEqual(t.finish(), 0)

    def test_themes_and_monochrome_terminal(self):
        for theme in ("high-contrast", "monochrome"):
            t = self.run_tui("-q", TINY, "--client", "Th", "--theme", theme)
            t.wait_for("What is your organization called?")
            t.send("\x1b[21~")
            self.assertEqual(t.finish(), 0)
        # A terminal without colours gets attributes only.
        t = self.run_tui("-q", TINY, "--client", "Vt", env={"TERM": "vt220"})
        t.wait_for("What is your organization called?")
        t.send(PGDN)
        y, x = t.row_of("Run their payroll")
        self.assertTrue(t.cell(y, x).reverse)
        t.send("q")
        self.assertEqual(t.finish(), 0)

    def test_unknown_terminal_falls_back_to_plain(self):
        t = self.run_tui("-q", TINY, "--client", "Odd Term",
                         env={"TERM": "no-such-terminal"})
        t.wait_for("is unknown to curses")
        t.wait_for("What is your organization called?")
        t.child.sendcontrol("d")
        self.assertEqual(t.finish(), 0)

    def test_ascii_without_utf8_locale(self):
        t = self.run_tui("-q", TINY, "--client", "Plain Locale",
                         env={"LC_ALL": "C", "LANG": "C"})
        t.wait_for("What is your organization called?")
        t.wait_for("| Tiny scoping")
        for line in t.screen.display:
            self.assertTrue(all(ord(c) < 128 for c in line), line)
        t.send(PGDN, "1")
        t.wait_for("[x] Run their payroll")
        t.send("q")
        self.assertEqual(t.finish(), 0)


def main():
    global BINARY
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    BINARY = os.path.abspath(sys.argv[1])
    unittest.main(argv=[sys.argv[0]] + sys.argv[2:], verbosity=2)


if __name__ == "__main__":
    main()
