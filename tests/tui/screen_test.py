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
ATTR = os.path.join(FIXTURES, "attr.yaml")
MANY = os.path.join(FIXTURES, "many.yaml")
# Every point of issue 19 is checked at both sizes.
SIZES = ((80, 24), (120, 40))
REPO = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
EXAMPLES = os.path.join(REPO, "questionnaires", "examples")

UP, DOWN = "\x1b[A", "\x1b[B"
PGUP, PGDN = "\x1b[5~", "\x1b[6~"
F1, F5 = "\x1bOP", "\x1b[15~"
F2, F3, F4 = "\x1bOQ", "\x1bOR", "\x1bOS"
F6, F7, F8, F9 = "\x1b[17~", "\x1b[18~", "\x1b[19~", "\x1b[20~"
F10 = "\x1b[21~"
HOME, END = "\x1b[H", "\x1b[F"
BS = "\x7f"
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
        # The change is named at the top of the panel, marked and bold.
        t.wait_for("Just changed")
        t.wait_for("SOC 2: not recommended → SOC 2 Type II")
        y, x = t.row_of("SOC 2: not recommended → SOC 2 Type II")
        self.assertIn("*", t.screen.display[y][:x])
        self.assertTrue(t.cell(y, x).bold)
        t.wait_for("* changed by the last answer")
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

        # On: said in the header, the whole bar reversed in the warning
        # colour, in the question's first row and atop the panel, for as
        # long as it lasts.
        self.assertTrue(all(t.cell(0, c).fg != "magenta" for c in range(120)))
        t.send("i")
        t.wait_for("WHAT-IF: not saved")
        y, x = t.row_of("WHAT-IF: not saved")
        self.assertEqual(y, 0)
        self.assertTrue(all(t.cell(0, c).reverse for c in range(120)))
        self.assertTrue(all(t.cell(0, c).fg == "magenta" for c in range(120)))
        y, x = t.row_of("WHAT-IF Timing")
        self.assertEqual(y, 1)
        self.assertTrue(t.cell(y, x).reverse)
        panel_title = [row for row in t.screen.display
                       if row.rstrip().endswith("WHAT-IF: not saved")]
        self.assertEqual(len(panel_title), 1, t.text())
        # The panel beside the question has its border whole.
        bx = t.screen.display[3].rindex("\u2502")
        for y in range(1, 37):
            self.assertEqual(t.screen.display[y][bx], "\u2502", t.text())
        t.wait_for("i Keep/drop")
        t.wait_for("c Compare")
        # A change: the panel says what differs and the answer behind it.
        t.send(PGUP)
        t.wait_for("In how many months")
        t.send("\x15")
        t.type("3")
        t.send(ENTER)
        t.wait_for("Where are most of your clients?")
        t.wait_for("Differs from saved, newest first")
        panel = self.panel_text(t)
        self.assertIn("\u2022 In how many months must the first report be "
                      "ready? 12 \u2192 3 SOC 1 type: Type II \u2192 Type I",
                      panel)
        self.assertIn("1 answer changed; i keeps or drops, c compares", panel)
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
        # (Opened again, the interview is back on the question it was on.)
        t = self.run_tui("-q", TINY, "--client", "Mono", env={"NO_COLOR": ""})
        t.wait_for("What do you do for your clients?")
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
        # In the words the reports use for it.
        t.wait_for("3 ( ) Not sure")
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

    def test_home_and_end_as_vt220_keys_pick_nothing(self):
        """tmux and screen send Home and End as ESC [ 1 ~ and ESC [ 4 ~
        whatever TERM says: they move in the list, and the digit in them
        never picks a choice."""
        t = self.run_tui("-q", TINY, "--client", "Keys Co")
        t.wait_for("What is your organization called?")
        t.send(PGDN)
        t.wait_for("What do you do for your clients?")
        before = t.text()
        t.send("\x1b[4~")
        t.send("\x1b[1~")
        t.send("\x1b[8~", "\x1b[7~")
        time.sleep(0.5)
        t.send(F10)
        self.assertEqual(t.finish(), 0)
        # Nothing was answered, so nothing was picked or saved.
        path = self.session_file("keys-co")
        if os.path.exists(path):
            saved = yaml.safe_load(self.read(path))
            self.assertNotIn("services", saved.get("answers") or {})
        self.assertIn("What do you do for your clients?", before)

    def test_gap_owner_and_due_date_from_the_results(self):
        """Enter on a gap in the results asks who closes it and by when;
        what is typed is saved in the answers file and shown in the
        results and the exported report; a date that is not one is
        refused with the reason."""
        client = self.example_copy("payroll-bureau", "owners.yaml")
        t = self.run_tui("-a", client, cols=100, rows=40)
        t.wait_for("Section 1 of", timeout=15)
        t.send(F5)
        t.wait_for("Recommendation")
        t.send(ENTER)  # the first gap is selected: Enter shows it
        t.wait_for("Readiness gaps")
        t.wait_for("Enter Owner")
        t.send(ENTER)  # and opens it
        t.wait_for("Owner and due date of:")
        t.type("Dana Lee, 2027-02-30")
        t.send(ENTER)
        t.wait_for("is not a date")
        for _ in range(10):
            t.send("\x7f")
        t.type("2027-01-29")
        t.send(ENTER)
        t.wait_for("Saved: the owner and due date of")
        # The gap's owner is shown with it, a page down at most.
        t.settle()
        if "Owner, due: Dana Lee, due 2027-01-29" not in t.text():
            t.send(PGDN)
        t.wait_for("Owner, due: Dana Lee, due 2027-01-29")
        t.send(F10)
        self.assertEqual(t.finish(), 0)
        saved = yaml.safe_load(self.read(client))
        actions = saved["actions"]
        self.assertEqual(len(actions), 1)
        action = next(iter(actions.values())) if isinstance(actions, dict) \
            else actions[0]
        self.assertIn("Dana Lee", json.dumps(action, default=str))
        self.assertIn("2027-01-29", json.dumps(action, default=str))
        md = self.cli("evaluate", client, "-f", "markdown").decode()
        self.assertIn("Dana Lee", md)
        self.assertIn("2027-01-29", md)

    def test_a_date_is_typed_and_checked(self):
        """A date question takes a date typed as YYYY-MM-DD: letters are
        text in the field, a date written with slashes is refused with the
        reason, and the date confirmed is saved and shown again."""
        client = self.example_copy("claims-administrator", "dates.yaml")
        with open(client, encoding="utf-8") as f:
            text = f.read()
        with open(client, "w", encoding="utf-8") as f:
            f.write(text.replace("  deadline: 2027-03-31\n", ""))
        t = self.run_tui("-a", client, cols=100, rows=40)
        # It opens where the answers stop: the deadline.
        t.wait_for("By what date must that report be in", timeout=15)
        t.wait_for("A date as YYYY-MM-DD")
        t.type("March 31")  # letters are text here, not commands
        t.wait_for("> March 31")
        for _ in range(8):
            t.send("\x7f")
        t.type("03/31/2027")
        t.send(ENTER)
        t.wait_for("Write the year first")
        for _ in range(10):
            t.send("\x7f")
        t.type("2027-04-30")
        t.send(ENTER)
        t.wait_gone("Write the year first")
        t.send(F10)
        self.assertEqual(t.finish(), 0)
        saved = yaml.safe_load(self.read(client))
        self.assertEqual(str(saved["answers"]["deadline"]), "2027-04-30")
        # Opened again, the field shows the date saved.
        t = self.run_tui("-a", client, cols=100, rows=40)
        # It resumes at the question after: who set that date.
        t.wait_for("Who set that date?", timeout=15)
        t.send(PGUP)
        t.wait_for("By what date must that report be in")
        t.wait_for("> 2027-04-30")
        t.send(F10)
        self.assertEqual(t.finish(), 0)

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
        # The key bar offers nothing that would change it.
        bar = "\n".join(b.text().splitlines()[-2:])
        self.assertNotIn("Note", bar)
        self.assertNotIn("Pick", bar)
        self.assertNotIn("Reset", bar)
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
        # The session and where its holder left it; no lock, no
        # temporary file left behind.
        self.assertEqual(sorted(os.listdir(os.path.dirname(
            self.session_file("lock-co")))), [".lock-co.ui", "lock-co.yaml"])

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
        def seen():
            # A moved selection moves the cursor, even when no text does.
            return (t.text(), t.screen.cursor.y, t.screen.cursor.x)
        before = seen()
        t.send(key, settle=0.0)
        end = time.monotonic() + 10
        while seen() == before and time.monotonic() < end:
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
        # The legend says which cell is which, and what the highlight of
        # an area with something not in place means ("!" says it too).
        legend = ("Readiness by area (%s in place, %s not yet; ! and "
                  "highlighted: something is not in place)" % (full, empty))
        self.assertTrue(any(legend in s for s in seen), seen)
        for name, bar, pct, detail in areas:
            if pct is not None and "not in place" in detail:
                want = "! [%s] %d%% %s:" % (
                    bar.replace("█", full).replace("░", empty), pct,
                    name)
                self.assertTrue(any(want in s for s in seen), want)

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
        self.assertRegex(screen, r"Brightline Payroll Serv.*53/71 .*SOC 1 "
                                 r"Type II and SOC 2 Type II .*\(from 1\.0\)")
        self.assertRegex(screen, r"Crescent Loan Servicing .*58/69 .*SOC 1 Type "
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
        want = ("Saved under questionnaire 2.0 and read as 3.2: 3 "
                "answers carried over in a new form, 11 new questions to answer.")
        self.assertTrue(said == want or said.startswith(want + " "), said)
        t.send(F10)
        self.assertEqual(t.finish(), 0)

        # The 1.0 one too, at its first new question; answering it saves
        # the session as 3.2 and keeps the original.
        t = self.run_tui(cols=120, rows=30, env=env)
        t.wait_for("(from 1.0)")
        t.send(ENTER)
        t.wait_for("Saved under questionnaire 1.0")
        # The message wraps in its column; the key bar may follow.
        said = t.message("Saved under questionnaire 1.0")
        want = ("Saved under questionnaire 1.0 and read as 3.2: 6 "
                         "answers carried over in a new form, 18 new questions "
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
        self.assertEqual(saved["questionnaire_version"], "3.2")
        self.assertEqual(saved["answers"]["sector_data"], ["none"])
        self.assertEqual(str(saved["answers"]["deadline"]), "2027-09-30")
        # Beside the sessions only their originals and the places each
        # interview stopped (.NAME.ui).
        self.assertEqual(sorted(os.listdir(sessions)),
                         [".brightline.ui", ".crescent.ui", "brightline.yaml",
                          "brightline.yaml.v1.0", "crescent.yaml", "harbor.yaml"])

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
        # A review is named by the provider whose report it reads.
        t.wait_for("Which provider's report are you reviewing?")
        self.assertNotIn("Client's name:", t.text())
        self.assertIn("Review of a provider's SOC report", t.text())
        # Esc goes back to a list (the review's own), not nowhere; the
        # new review is one Enter away again.
        t.wait_for("Esc Back")
        t.send(ESC)
        t.wait_for("(a new one)")
        y, x = t.row_of("+ Start a new interview")
        self.click(t, y, x)
        self.click(t, y, x)
        t.wait_for("Which provider's report are you reviewing?")
        t.type("Tidewater Core Processing")
        t.send(ENTER)
        # Whose review it is: the reader, beside the provider.
        t.wait_for("Which organization relies on this")
        t.type("Harbor Savings")
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
        self.assertEqual(saved["answers"]["reader_name"], "Harbor Savings")
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

    # -- issue 19: the interview in the room ---------------------------------

    @staticmethod
    def joined(rows):
        """Rows of screen text as one line of words (wrapping undone)."""
        return " ".join(" ".join(rows).split())

    def question_words(self, t, border="\u2502"):
        """The question's column (between the sidebar and a panel beside
        it), its rows joined as words."""
        rows = [line.split(border)[1] if line.count(border) >= 1 else line
                for line in t.screen.display[1:-2]]
        return self.joined(rows)

    def keybar(self, t):
        """The key bar: the last two rows of the screen."""
        return " ".join(t.screen.display[-2:])

    def write(self, name, text):
        path = os.path.join(self.home, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_keys_in_text_fields(self):
        for cols, rows in SIZES:
            with self.subTest(size=(cols, rows)):
                slug = "keys-%d" % cols
                t = self.run_tui("-q", TINY, "--client", slug, cols=cols,
                                 rows=rows)
                t.wait_for("What is your organization called?")
                t.settle()
                # While the field takes the letters, the key bar names a
                # function key for every command.
                bar = self.keybar(t)
                for k in ("F1 Help", "Enter Confirm", "Esc Leave field",
                          "F2 Note", "F3 Why", "F4 Review", "F5 Results",
                          "F6 What-if", "F7 Panel", "F8 Size", "F10 Quit"):
                    self.assertIn(k, bar, "%s\n%s" % (k, t.text()))
                # i is text in a text field.
                t.type("subscription")
                t.send("i")
                t.wait_for("subscriptioni")
                self.assertNotIn("WHAT-IF", t.text())
                t.send(BS)
                t.wait_gone("subscriptioni")
                # Esc leaves the field; then i is what-if.
                t.send(ESC)
                t.wait_for("Letters are commands now; Enter types again.")
                t.wait_for("i What-if")
                t.send("i")
                t.wait_for("WHAT-IF: not saved")
                t.send("i")
                t.wait_for("What-if off: nothing was changed.")
                t.wait_gone("WHAT-IF")
                # Enter goes back into the field; F6 works from inside it.
                t.send(ENTER)
                t.wait_for("Esc Leave field")
                t.send(F6)
                t.wait_for("WHAT-IF: not saved")
                t.send(F6)
                t.wait_gone("WHAT-IF")
                # A note on a text question: F2 while typing, n after Esc.
                t.send(F2)
                t.wait_for("Note: ")
                t.wait_for("Enter Save note")
                t.type("spelling checked")
                t.send(ENTER)
                t.wait_for("Note: spelling checked")
                t.send(ESC, "n")
                t.wait_for("Enter Save note")
                t.type(" twice")
                t.send(ENTER)
                t.wait_for("Note: spelling checked twice")
                # e, r and p after Esc; F3, F4 and F7 while typing.
                t.send("e")
                t.wait_for("Why: each conclusion explained")
                t.send(ESC)
                t.wait_for("What is your organization called?")
                t.send("r")
                t.wait_for("Review your answers")
                t.send(ESC, ENTER)
                t.wait_for("Esc Leave field")
                t.send(F3)
                t.wait_for("Why: each conclusion explained")
                t.send(ESC)
                t.send(F4)
                t.wait_for("Review your answers")
                t.send(ESC)
                t.wait_for("What is your organization called?")
                # A number field: n is refused as a digit, F2 takes a note.
                t.send(PGDN, PGDN)
                t.wait_for("How many people work for you?")
                t.type("12n")
                t.wait_for("Only digits")
                t.send(F2)
                t.type("ask HR")
                t.send(ENTER)
                t.wait_for("Note: ask HR")
                t.send(F10)
                self.assertEqual(t.finish(), 0)
                saved = yaml.safe_load(self.read(self.session_file(slug)))
                self.assertEqual(saved["answers"]["org_name"], "subscription")
                self.assertEqual(saved["answers"]["employees"], 12)
                self.assertEqual(saved["notes"]["org_name"],
                                 "spelling checked twice")
                self.assertEqual(saved["notes"]["employees"], "ask HR")

    def test_export_asks_and_takes_the_format_from_the_name(self):
        env = {"SOCSCOPE_DATE": "2026-03-01"}
        for cols, rows in SIZES:
            with self.subTest(size=(cols, rows)):
                slug = "export-%d" % cols
                t = self.run_tui("-q", TINY, "--client", slug, cols=cols,
                                 rows=rows, env=env)
                t.wait_for("What is your organization called?")
                t.type("Export")
                t.send(ENTER, "1", ENTER)
                t.wait_for("How many people")
                t.send(F5)
                t.wait_for("Press w to export")
                t.send("w")
                t.wait_for("%s-socscope.txt" % slug)
                # "text" chosen in the list, x.md typed: Markdown.
                name = "x%d.md" % cols
                t.send("\x15")
                t.type(name)
                t.send(ENTER)
                t.wait_for("Exported markdown to %s" % name)
                path = os.path.join(self.home, name)
                want = self.cli("evaluate", self.session_file(slug), "-q", TINY,
                                "-f", "markdown", env=env)
                with open(path, "rb") as f:
                    self.assertEqual(f.read(), want)
                # Over an existing file: asked; n keeps it byte for byte.
                with open(path, "wb") as f:
                    f.write(b"the consultant's own edits\n")
                os.utime(path, (1000000000, 1000000000))
                t.send("w", "\x15")
                t.type(name)
                t.send(ENTER)
                t.wait_for("%s already exists. Overwrite it?" % name)
                t.wait_for("y Overwrite")
                t.wait_for("n Keep the file")
                t.send("n")
                t.wait_for("Not exported: the file is as it was.")
                with open(path, "rb") as f:
                    self.assertEqual(f.read(), b"the consultant's own edits\n")
                self.assertEqual(os.stat(path).st_mtime, 1000000000)
                # y overwrites.
                t.send(ENTER)
                t.wait_for("already exists")
                t.send("y")
                t.wait_for("Exported markdown to %s" % name)
                with open(path, "rb") as f:
                    self.assertEqual(f.read(), want)
                # A name the list does not have for it: said, not written.
                t.send("w", TAB, "\x15")
                t.type("list.txt")
                t.send(ENTER)
                t.wait_for("has no text format")
                self.assertFalse(os.path.exists(os.path.join(self.home,
                                                             "list.txt")))
                t.send(ESC, "q")
                self.assertEqual(t.finish(), 0)
                # A copy opened with -a is named after itself, and what-if's
                # answers after what-if, never as the client's deliverable.
                copy = os.path.join(self.home, "copy-%d.yaml" % cols)
                shutil.copy(self.session_file(slug), copy)
                t = self.run_tui("-q", TINY, "-a", copy, cols=cols, rows=rows)
                t.wait_for("How many people")
                t.wait_for("(copy-%d)" % cols)  # the header says which file
                t.send(F5, "w")
                t.wait_for("copy-%d-socscope.txt" % cols)
                t.send(ESC, ESC)
                t.wait_for("How many people")
                t.send(F6, F5, "w")
                t.wait_for("copy-%d-what-if-socscope.txt" % cols)
                t.send(ESC, ESC, F10)
                self.assertEqual(t.finish(), 0)

    def read_by_pages(self, t, key, limit=60):
        """Turn pages with `key` until the bottom "more" mark goes; the text
        of every page, joined."""
        seen = [self.joined(t.screen.display[1:-2])]
        for _ in range(limit):
            if "\u2193 more" not in t.text():
                return " ".join(seen)
            self.send_and_wait(t, key)
            seen.append(self.joined(t.screen.display[1:-2]))
        raise AssertionError("never reached the end:\n" + t.text())

    def test_long_views_scroll_to_their_end(self):
        client = self.example_copy("payroll-bureau", "client.yaml")
        report = json.loads(self.cli("evaluate", client, "-f", "json"))
        soc2 = [r for r in report["recommendation"]["reports"]
                if r["id"] == "soc2"][0]
        high = [g["title"] for g in report["gaps"] if g["priority"] == "high"]
        self.assertTrue(high)
        appendix = self.cli("evaluate", client, "-f", "markdown").decode()
        # The answers appendix, whatever its letter.
        answers = re.split(r"## Appendix [A-Z]: your answers", appendix)[1] \
            .split("\n## ")[0]
        last = [line for line in answers.splitlines() if line.startswith("| ")
                and not line.startswith("| Question")][-1]
        last_question = last.split(" | ")[0].strip("| ")
        for cols, rows in SIZES:
            with self.subTest(size=(cols, rows)):
                t = self.run_tui("-a", client, cols=cols, rows=rows)
                t.wait_for("answered", timeout=15)
                t.send(ESC)  # out of a text field: e is a command
                # Why, by PgDn alone: the SOC 2's reasoning, every category
                # in scope and every high-priority gap pass by.
                t.send("e")
                t.wait_for("Why: each conclusion explained")
                t.settle()
                seen = self.read_by_pages(t, PGDN)
                self.assertIn(" ".join(soc2["reasons"][0]["text"].split()[:8]),
                              seen)
                for cat in ("Security", "Processing Integrity",
                            "Confidentiality"):
                    self.assertIn("%s: in scope" % cat, seen)
                for title in high:
                    self.assertIn("Gap (High): %s" % title, seen)
                # Esc after a jump from Why: back there, where it was.
                t.send(HOME)
                t.settle()
                self.send_and_wait(t, DOWN)
                self.send_and_wait(t, DOWN)
                sel = [y for y in range(2, rows - 3)
                       if t.cell(y, 5).bg == "cyan"]
                self.assertTrue(sel, t.text())
                line = t.screen.display[sel[0]].strip()
                t.send(ENTER)
                t.wait_for("Esc goes back to Why")
                t.settle()
                # A typed question's field is left first (the message says).
                if "after Esc has left the field" in self.joined(t.screen.display):
                    t.send(ESC)
                t.send(ESC)
                t.wait_for("Why: each conclusion explained")
                t.settle()
                y, _ = t.row_of(line)
                self.assertEqual(y, sel[0])
                self.assertEqual(t.cell(y, 5).bg, "cyan")
                # Review: End shows the last answer, with nothing below.
                t.send(ESC)
                t.wait_gone("Why: each conclusion explained")
                t.send(ESC, "r")
                t.wait_for("Review your answers")
                self.send_and_wait(t, END)
                self.assertNotIn("\u2193 more", t.text())
                self.assertIn(last_question, self.joined(t.screen.display))
                # The last row of the document (the answer under the last
                # question) is on screen, above the message row.
                y, _ = t.row_of(last_question.split()[-1])
                self.assertTrue(t.screen.display[y + 1].strip())
                # The results: to their very end by pages; opened again,
                # at the top.
                t.send(ESC, "s")
                t.wait_for("Press w to export")
                t.settle()
                seen = self.read_by_pages(t, PGDN)
                self.assertIn("All required questions answered", seen)
                self.assertIn("\u2191 more", t.text())
                t.send(ESC, "s")
                t.wait_for("Recommendation")
                t.settle()
                self.assertNotIn("\u2191 more", t.text())
                self.assertEqual(t.row_of("Recommendation")[0], 3)
                t.send(F10)
                self.assertEqual(t.finish(), 0)

    def test_what_if_recap_scrolls_to_its_end(self):
        for cols, rows in SIZES:
            with self.subTest(size=(cols, rows)):
                answers = self.write(
                    "many-%d.yaml" % cols,
                    "socscope: 1\nquestionnaire: tui-many\nanswers:\n"
                    "  kind: short\n" +
                    "".join("  q%02d: false\n" % i for i in range(1, 17)))
                t = self.run_tui("-q", MANY, "-a", answers, cols=cols, rows=rows)
                t.wait_for("Tell us about your service")
                t.send(ESC, "i")
                t.wait_for("WHAT-IF")
                t.send(PGDN, PGDN)
                t.wait_for("control number 1 written")
                # Sixteen changes: each control now "yes".
                for i in range(1, 17):
                    t.wait_for("control number %d written" % i)
                    t.send("1", ENTER, settle=0.1)
                t.wait_for("Press w to export")
                t.send(ESC, "i")
                t.wait_for("Leave what-if: keep or drop the changes")
                t.settle()
                end = "y keeps, d drops; c compares"
                # Down alone reaches the end (it used to stop at the last
                # question), and PgDn from the top too.
                for key in (DOWN, PGDN):
                    t.send(HOME)
                    t.settle()
                    t.wait_for("control number 16 written", timeout=2)
                    for _ in range(60):
                        if end in t.text():
                            break
                        self.send_and_wait(t, key)
                    t.wait_for(end, timeout=1)
                    # The oldest change, last in the list, is there too.
                    self.assertIn("control number 1 written", t.text())
                t.send("d")
                t.wait_for("Dropped")
                t.send(F10)
                self.assertEqual(t.finish(), 0)

    def test_resume_where_it_stopped(self):
        for cols, rows in SIZES:
            with self.subTest(size=(cols, rows)):
                slug = "resume-%d" % cols
                t = self.run_tui("-q", TINY, "--client", slug, cols=cols,
                                 rows=rows)
                t.wait_for("What is your organization called?")
                t.type("Resume")
                t.send(ENTER, "1", ENTER)
                t.wait_for("How many people")
                t.send(PGDN)
                t.wait_for("In how many months")
                t.wait_for("Recommendation so far")
                t.send(F7)  # the panel hidden
                t.wait_gone("Recommendation so far")
                t.send(F10)
                self.assertEqual(t.finish(), 0)
                # The place is kept beside the session, not in it.
                ui = os.path.join(os.path.dirname(self.session_file(slug)),
                                  ".%s.ui" % slug)
                self.assertEqual(stat.S_IMODE(os.stat(ui).st_mode), 0o600)
                saved = yaml.safe_load(self.read(self.session_file(slug)))
                self.assertEqual(set(saved) - {"socscope", "questionnaire",
                                               "questionnaire_version",
                                               "client", "updated", "answers",
                                               "notes", "assessor"}, set())
                # Reopened: the same question, the panel still hidden.
                t = self.run_tui("-q", TINY, "--client", slug, cols=cols,
                                 rows=rows)
                t.wait_for("In how many months")
                t.settle()
                self.assertNotIn("Recommendation so far", t.text())
                t.send(F7)
                t.wait_for("Recommendation so far")
                t.send(F10)
                self.assertEqual(t.finish(), 0)
                # Through the picker too, the panel as it was left.
                t = self.run_tui("-q", TINY, cols=cols, rows=rows)
                t.wait_for("Saved interviews")
                y, x = t.row_of(slug)
                self.click(t, y, x)
                self.click(t, y, x)
                t.wait_for("In how many months")
                t.wait_for("Recommendation so far")
                t.send(F10)
                self.assertEqual(t.finish(), 0)

    def panel_words(self, t, full):
        """The live panel's words: the column right of the last border, or
        the whole body when the panel has the screen."""
        if full:
            rows = t.screen.display[2:-2]
        else:
            rows = [line.split("\u2502")[-1] for line in t.screen.display[1:-2]
                    if line.count("\u2502") >= 2]
        return " ".join(w for w in " ".join(rows).split() if w != "*")

    def select_line(self, t, text):
        """Move the picker's selection (where the cursor is) to the line
        holding `text`."""
        t.send(HOME)
        t.settle()
        for _ in range(20):
            if text in t.screen.display[t.screen.cursor.y]:
                return
            self.send_and_wait(t, DOWN)
        raise AssertionError("%r never selected:\n%s" % (text, t.text()))

    def test_what_if_attribution(self):
        for cols, rows in SIZES:
            with self.subTest(size=(cols, rows)):
                answers = self.write("attr-%d.yaml" % cols,
                                     "socscope: 1\nquestionnaire: tui-attr\n"
                                     "answers:\n  runs: true\n  reviews: true\n"
                                     "  page: false\n  staff: 20\n")
                t = self.run_tui("-q", ATTR, "-a", answers, cols=cols, rows=rows)
                t.wait_for("Do you run systems")
                t.send("i")
                t.wait_for("WHAT-IF")
                t.send(PGDN)
                t.wait_for("Do you review who has access")
                t.send("2")   # no reviews: a gap opens
                t.send(PGDN)
                t.wait_for("Do you publish a public trust page?")
                t.send("1")   # a trust page: it decides nothing
                t.wait_for("Differs from saved, newest first")
                full = cols < 100
                if full:  # the whole screen: z twice
                    t.send("z", "z")
                    t.wait_for("Live recommendation: arrows and pages scroll")
                    t.settle()
                words = self.panel_words(t, full)
                self.assertIn(
                    "\u2022 Do you publish a public trust page? No \u2192 Yes "
                    "Changes no conclusion on its own. "
                    "\u2022 Do you review who has access every quarter? "
                    "Yes \u2192 No Gap opened: Review access every quarter "
                    "(high priority)", words)
                self.assertIn("Gaps: 0 \u2192 1", words)
                self.assertIn("Categories", words)
                if full:
                    t.send(ESC)
                    t.wait_gone("Live recommendation: arrows")
                # The same said when leaving what-if.
                t.send("i")
                t.wait_for("Leave what-if")
                t.settle()
                body = self.joined(t.screen.display[1:-2])
                self.assertIn("public trust page? No \u2192 Yes Changes no "
                              "conclusion on its own.", body)
                self.assertIn("Gap opened: Review access every quarter", body)
                t.send("d")
                t.wait_for("Dropped")
                t.send(F10)
                self.assertEqual(t.finish(), 0)

    def test_presentation_panel(self):
        for cols, rows in SIZES:
            with self.subTest(size=(cols, rows)):
                slug = "projector-%d" % cols
                t = self.run_tui("-q", TINY, "--client", slug, "--theme",
                                 "high-contrast", cols=cols, rows=rows)
                t.wait_for("What is your organization called?")
                t.type("Projector")
                t.send(ENTER, "1", ENTER)
                t.wait_for("How many people")
                t.send(PGDN)
                t.wait_for("In how many months")
                t.wait_for("SOC 1 Type II, 12 months")
                # The panel follows the number as it is typed, before Enter,
                # naming the change at its top; nothing is saved yet.
                t.type("3")
                t.wait_for("As typed (Enter confirms)")
                t.wait_for("SOC 1 type: Type II \u2192 Type I")
                self.assertNotIn("months_needed",
                                 self.read(self.session_file(slug)))
                t.send(ENTER)
                t.wait_for("Just changed")
                self.assertIn("months_needed: 3",
                              self.read(self.session_file(slug)))
                # The wheel over the panel scrolls it (when it has more
                # than it shows).
                if "\u2193 more" in t.text():
                    y, x = t.row_of("Just changed")
                    t.send("\x1b[<65;%d;%dM" % (x + 1, y + 1))
                    t.wait_for("\u2191 more")
                    t.send("\x1b[<64;%d;%dM" % (x + 1, y + 1))
                    t.wait_gone("\u2191 more")
                # High contrast fills every cell of the body with its own
                # black, not the terminal's background.
                for y in range(1, rows - 2):
                    for x in range(cols):
                        self.assertNotEqual(t.cell(y, x).bg, "default",
                                            (y, x, t.screen.display[y]))
                # Wide, then the whole screen, then back.
                t.send("z")
                t.wait_for("Live recommendation: wide.")
                t.send("z")
                t.wait_for("Live recommendation: arrows and pages scroll; Esc goes back")
                t.wait_for("Just changed")
                self.assertNotIn("Where are most of your clients?", t.text())
                t.send(ESC)
                t.wait_gone("Live recommendation: arrows")
                t.wait_for("Where are most of your clients?")
                t.send(F10)
                self.assertEqual(t.finish(), 0)

    def test_picker_delete_reset_and_copies(self):
        examples = os.path.join(self.home, "data", "socscope", "questionnaires",
                                "examples")
        os.makedirs(examples, exist_ok=True)
        example = os.path.join(examples, "tiny-demo.yaml")
        with open(example, "w", encoding="utf-8") as f:
            f.write("# A payroll demo for trainers.\nsocscope: 1\n"
                    "questionnaire: tui-tiny\nclient: Demo Payroll\n"
                    "answers:\n  org_name: Demo Payroll\n"
                    "  services: [payroll]\n")
        sessions = os.path.dirname(self.session_file("x"))
        for cols, rows in SIZES:
            with self.subTest(size=(cols, rows)):
                shutil.rmtree(sessions, ignore_errors=True)
                for copy in ("tiny-demo", "tiny-demo-2"):
                    t = self.run_tui("-q", TINY, cols=cols, rows=rows)
                    t.wait_for("Open a worked example")
                    # The examples come before the new interviews of the
                    # two bundled questionnaires at the end of the list.
                    t.send("G", UP, UP, ENTER)
                    t.wait_for("Worked examples")
                    t.send(ENTER)
                    # Two copies of one example are told apart.
                    t.wait_for("Demo Payroll (%s)" % copy)
                    t.send(PGUP)
                    t.wait_for("What do you do for your clients?")
                    t.send("2")
                    t.wait_for("[\u2713] Host their systems")
                    t.send(F10)
                    self.assertEqual(t.finish(), 0)
                other = self.session_file("tiny-demo")
                two = self.session_file("tiny-demo-2")
                with open(other, "rb") as f:
                    other_bytes = f.read()
                # Reset the second copy to the example: asked first.
                t = self.run_tui("-q", TINY, cols=cols, rows=rows)
                t.wait_for("(tiny-demo-2)")
                self.select_line(t, "(tiny-demo-2)")
                t.wait_for("R Reset to the example")
                t.send("R")
                t.wait_for("Put tiny-demo-2.yaml back to the example tiny-demo")
                t.send("n")
                t.wait_for("Nothing changed.")
                self.assertIn("hosting", self.read(two))
                t.send("R")
                t.wait_for("back to the example")
                t.send("y")
                t.wait_for("Reset: the answers of the example tiny-demo again.")
                saved = yaml.safe_load(self.read(two))
                self.assertEqual(saved["answers"]["services"], ["payroll"])
                with open(other, "rb") as f:
                    self.assertEqual(f.read(), other_bytes)
                # Delete the first copy: asked; n keeps it, y deletes it and
                # nothing else.
                t.settle()
                self.select_line(t, "(tiny-demo) ")
                t.send("D")
                t.wait_for("Delete the saved interview Demo Payroll "
                           "(tiny-demo.yaml)?")
                t.send("n")
                t.wait_for("Nothing deleted.")
                self.assertTrue(os.path.exists(other))
                before = sorted(os.listdir(sessions))
                t.send("D")
                t.wait_for("Delete the saved interview")
                t.send("y")
                t.wait_for("Deleted the saved interview tiny-demo.yaml.")
                after = sorted(os.listdir(sessions))
                self.assertEqual(set(before) - set(after),
                                 {"tiny-demo.yaml", ".tiny-demo.ui"})
                self.assertEqual(set(after) - set(before), set())
                t.send("q")
                self.assertEqual(t.finish(), 0)
                # Never a session open elsewhere.
                holder = self.run_tui("-q", TINY, "-a", two, cols=cols,
                                      rows=rows)
                holder.wait_for("What do you do for your clients?")
                t = self.run_tui("-q", TINY, cols=cols, rows=rows)
                t.wait_for("(open elsewhere)")
                self.select_line(t, "(open elsewhere)")
                t.send("D")
                t.wait_for("Not deleted: tiny-demo-2.yaml is open in socscope "
                           "process %d" % holder.child.pid)
                self.assertTrue(os.path.exists(two))
                t.send("q")
                self.assertEqual(t.finish(), 0)
                holder.send(F10)
                self.assertEqual(holder.finish(), 0)
                with open(example, encoding="utf-8") as f:
                    self.assertIn("services: [payroll]", f.read())

    def test_why_we_ask_cut_short_says_where_the_rest_is(self):
        """At 80x24 a long "Why we ask" is cut; it says F1 shows all, and
        F1 opens with the question and the whole of its help."""
        client = self.example_copy("payroll-bureau", "why-cut.yaml")
        t = self.run_tui("-a", client, cols=80, rows=24)
        t.wait_for("Section 1 of", timeout=15)
        seen = False
        for _ in range(30):
            t.settle(quiet=0.1)
            if "(F1 shows all)" in t.text():
                seen = True
                break
            t.send(PGDN)
        self.assertTrue(seen, t.text())
        t.send(F1)
        t.wait_for("This question")
        text = self.joined(t.screen.display[1:-2])
        self.assertIn("Why we ask: ", text)
        self.assertNotIn("(F1 shows all)", text)
        t.send(ESC)
        t.send(F10)
        self.assertEqual(t.finish(), 0)

    def test_what_if_panel_gives_the_plan(self):
        """What-if moves dates too: its panel gives the plan's dates and a
        deadline missed, as the panel outside what-if does."""
        client = self.example_copy("payroll-bureau", "wi-plan.yaml")
        t = self.run_tui("-a", client, cols=120, rows=40)
        t.wait_for("Section 1 of", timeout=15)
        t.wait_for("Plan: ")
        t.send(F6)
        t.wait_for("WHAT-IF")
        t.settle()
        self.assertIn("Plan: ", t.text())
        t.send(F10)
        t.settle()
        if "Leave what-if" in t.text():
            t.send("d")
        self.assertEqual(t.finish(), 0)

    def test_compare_wraps_to_the_screen_it_is_shown_on(self):
        """With the panel wide beside the question, the comparison opened
        from what-if is wrapped to the whole screen it is shown on, not to
        the narrower question column it was opened from."""
        t = self.run_tui("-q", TINY, "--client", "Wide Co", cols=120, rows=40)
        t.wait_for("What is your organization called?")
        t.type("Wide")
        t.send(ENTER, "1", ENTER)
        t.wait_for("How many people")
        t.type("120")
        t.send(ENTER)
        t.wait_for("In how many months")
        t.type("12")
        t.send(ENTER)
        t.wait_for("Where are most of your clients?")
        t.send(F8)  # the panel wide
        t.settle()
        t.send("i", PGUP)
        t.wait_for("In how many months")
        t.send("\x15")
        t.type("3")
        t.send(F9)
        t.wait_for("What-if compared with the saved answers")
        t.settle()
        t.wait_for("Readiness was not assessed: the readiness checklist was "
                   "not asked, so no readiness item")
        t.send(F10)
        t.wait_for("Leave what-if: keep or drop the changes")
        t.send("d")
        self.assertEqual(t.finish(), 0)

    def test_compare_from_what_if(self):
        for cols, rows in SIZES:
            with self.subTest(size=(cols, rows)):
                slug = "compare-%d" % cols
                t = self.run_tui("-q", TINY, "--client", slug, cols=cols,
                                 rows=rows)
                t.wait_for("What is your organization called?")
                t.type("Compare")
                t.send(ENTER, "1", ENTER)
                t.wait_for("How many people")
                t.type("120")
                t.send(ENTER)
                t.wait_for("In how many months")
                t.type("12")
                t.send(ENTER)
                t.wait_for("Where are most of your clients?")
                t.send("c")
                t.wait_for("Compare shows what-if against the saved answers")
                t.send("i", PGUP)
                t.wait_for("In how many months")
                t.send("\x15")
                t.type("3")
                t.send(F9)
                t.wait_for("What-if compared with the saved answers")
                t.settle()
                body = self.joined(t.screen.display[1:-2])
                self.assertIn("saved", body)
                self.assertIn("what-if", body)
                t.send("w")
                t.wait_for("Comparison: text markdown html json")
                t.wait_for("%s-compare.txt" % slug)
                t.send("\x15")
                t.type("cmp.md")
                t.send(ENTER)
                t.wait_for("Exported the comparison of the saved and what-if "
                           "answers (markdown) to cmp.md")
                with open(os.path.join(self.home, "cmp.md"), encoding="utf-8") as f:
                    md = f.read()
                self.assertTrue(md.startswith("# "), md[:80])
                self.assertIn("Type I", md)
                self.assertIn("12", md)
                os.unlink(os.path.join(self.home, "cmp.md"))
                # Nothing saved by any of it.
                saved = yaml.safe_load(self.read(self.session_file(slug)))
                self.assertEqual(saved["answers"]["months_needed"], 12)
                t.send(ESC)
                t.wait_for("In how many months")
                t.send(F6)
                t.wait_for("Leave what-if")
                t.send("d")
                t.wait_for("Dropped")
                t.send(F10)
                self.assertEqual(t.finish(), 0)

    def test_nothing_cut_and_legends(self):
        for cols, rows in SIZES:
            with self.subTest(size=(cols, rows)):
                client = "Secure Cloud Hosting Incorporated %d" % cols
                t = self.run_tui("--client", client, cols=cols, rows=rows)
                t.wait_for("Section 1 of", timeout=15)
                t.settle()
                # The client's name whole in the header; nothing cut there.
                self.assertIn(client, t.screen.display[0])
                self.assertNotIn("\u2026", t.screen.display[0])
                # Every mark of the sidebar explained.
                text = t.text()
                for mark in ("\u25b6 here", "\u2713 done", "\u25cb open",
                             "! required", "- n/a"):
                    self.assertIn(mark, text)
                # The customers question: its help and every choice whole,
                # with the panel under it at 80x24.
                for _ in range(6):
                    if "Who are your customers?" in t.text():
                        break
                    self.send_and_wait(t, PGDN)
                t.wait_for("Who are your customers?")
                t.settle()
                body = self.joined([line.split("\u2502")[1] if "\u2502" in line
                                    else line for line in t.screen.display[1:-2]])
                self.assertIn("Why we ask: Whom you serve decides who may "
                              "ask: organizations ask about their data", body)
                for choice in ("Businesses or non-profit organizations",
                               "Individual people (consumers, members, patients, "
                               "students or families, app users)",
                               "Public bodies: government agencies, school "
                               "districts, public universities or public "
                               "hospitals"):
                    self.assertIn(choice, body)
                self.assertIn("Recommendation so far", t.text())
                # The section in focus shows its whole title in the sidebar.
                t.send(TAB, END)
                t.settle()
                self.assertIn("Security and", t.text())
                side = self.joined([line.split("\u2502")[0]
                                    for line in t.screen.display[1:-2]])
                t.send(ESC, F10)
                self.assertEqual(t.finish(), 0)
                q = yaml.safe_load(open(os.path.join(REPO, "questionnaires",
                                                     "soc-scoping.yaml"),
                                        encoding="utf-8"))
                self.assertIn(q["sections"][-1]["title"], side)

    def test_long_texts_whole(self):
        long_story = ("We look after the payroll of small employers across "
                      "three states, file their taxes, pay their people on "
                      "time, and answer their questions by phone and e-mail, "
                      "every working day of the year.")
        for cols, rows in SIZES:
            with self.subTest(size=(cols, rows)):
                answers = self.write("long-%d.yaml" % cols,
                                     "socscope: 1\nquestionnaire: tui-many\n"
                                     "answers: {}\nnotes:\n  story: " +
                                     json.dumps("A note long enough to wrap: " +
                                                long_story) + "\n")
                t = self.run_tui("-q", MANY, "-a", answers, "--ascii",
                                 cols=cols, rows=rows)
                t.wait_for("Tell us about your service")
                t.settle()
                body = self.question_words(t, "|")
                # The saved note whole.
                self.assertIn("Note: A note long enough to wrap: " + long_story,
                              body)
                # A long answer shows whole, from its start, once typed.
                t.type(long_story)
                t.send(ENTER)
                t.wait_for("Which of these describes you best?")
                t.send(PGUP)
                t.wait_for("Tell us about your service")
                t.settle()
                self.assertIn(long_story, self.question_words(t, "|"))
                # A long choice whole, panel hidden or not; a picked choice
                # is "(x)" in ASCII, never the panel's change mark "*".
                t.send(ENTER)
                t.wait_for("Which of these describes you best?")
                for hidden in (False, True):
                    if hidden:
                        t.send("p")
                        t.wait_gone("Recommendation so far")
                    t.send("1")
                    t.settle()
                    body = self.question_words(t, "|")
                    self.assertIn("the last words of this label are the end "
                                  "marker zebra", body)
                    self.assertIn("1 (x) We run a service", body)
                t.send(F10)
                self.assertEqual(t.finish(), 0)

    def test_words_as_the_reports_say_them(self):
        # SOC 1 objectives by name, never their internal ids; the deferred
        # SOC 3 named.
        for cols, rows in SIZES:
            with self.subTest(size=(cols, rows)):
                client = self.example_copy("payroll-bureau", "pb-%d.yaml" % cols)
                t = self.run_tui("-a", client, cols=cols, rows=rows)
                t.wait_for("Section 1 of", timeout=15)
                t.send(F5)
                t.wait_for("Press w to export")
                t.settle()
                seen = self.read_by_pages(t, PGDN)
                self.assertIn("Criteria:", seen)
                self.assertNotIn("SOC1:", seen)
                t.send(F10)
                self.assertEqual(t.finish(), 0)
                early = self.example_copy("early-stage-saas", "es-%d.yaml" % cols)
                t = self.run_tui("-a", early, cols=cols, rows=rows)
                t.wait_for("Section 1 of", timeout=15)
                t.send(F5)
                t.wait_for("Press w to export")
                t.settle()
                seen = self.read_by_pages(t, PGDN)
                self.assertIn("SOC 3 deferred: it is the public summary of a "
                              "SOC 2 Type II, which is not recommended yet.",
                              seen)
                self.assertIn("Asked for because: You want to show assurance "
                              "publicly", seen)
                t.send(F10)
                self.assertEqual(t.finish(), 0)


def main():
    global BINARY
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    BINARY = os.path.abspath(sys.argv[1])
    unittest.main(argv=[sys.argv[0]] + sys.argv[2:], verbosity=2)


if __name__ == "__main__":
    main()
