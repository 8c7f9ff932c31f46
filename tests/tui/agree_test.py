#!/usr/bin/python3
"""One plan everywhere: for every worked example and every persona's
answers, the reports, their types and their dates agree between
`evaluate` in every format and the interview's results screen and live
panel, read off the screen.

The reference is `evaluate --format json`: each planned report's type,
period (first day, last day, months) or Type I date.  Each other view
must say the same:

  - text, Markdown, HTML and CSV: the first page's line for the report
    ("SOC 1 Type II over 2027-02-01 to 2027-07-31 (6 months)", "SOC 2
    Type I as of 2027-03-31");
  - the results screen: the report's title with its period ("SOC 1 Type
    II, observation period 6 months") and its dates in the roadmap;
  - the live panel, shown whole: the plan's headline.

Usage: agree_test.py PATH/TO/socscope
"""
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import screen_test as st  # noqa: E402  (the terminal driver)

SRC = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATE = "2026-12-06"
COLS, ROWS = 200, 150


def files():
    ex = sorted(f for f in glob.glob(os.path.join(SRC, "questionnaires", "examples", "*.yaml"))
                if not os.path.basename(f).startswith("review-"))
    pe = sorted(glob.glob(os.path.join(SRC, "tests", "personas", "*", "answers.yaml")))
    return ex + pe


def label(path):
    base = os.path.basename(path)
    return os.path.basename(os.path.dirname(path)) if base == "answers.yaml" else base[:-5]


def flat(text):
    return " ".join(text.split())


def decision_line(r):
    """The first page's line for a planned report, as every format writes it."""
    title = "SOC %s %s" % (r["id"][3:], "Type II" if r["type"] == "type2" else "Type I")
    if r["type"] == "type1":
        return "%s as of %s" % (title, r["as_of"])
    return "%s over %s to %s (%d months" % (title, r["period_start"],
                                            r["period_end"], r["period_months"])


class AgreeTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="socscope-agree-")

    def tearDown(self):
        shutil.rmtree(self.home, ignore_errors=True)

    def cli(self, *args):
        e = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
        e.update({"HOME": self.home, "SOCSCOPE_DATE": DATE,
                  "XDG_STATE_HOME": os.path.join(self.home, "state"),
                  "XDG_DATA_HOME": os.path.join(self.home, "data")})
        r = subprocess.run([st.BINARY] + list(args), env=e, cwd=self.home,
                           capture_output=True, text=True, check=False)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def screen_views(self, path):
        """The results screen, page by page, and the live panel shown
        whole, as text with its wrapping undone."""
        t = st.Term(["-a", path], self.home, cols=COLS, rows=ROWS,
                    env={"SOCSCOPE_DATE": DATE})
        try:
            t.wait_for(" socscope ", timeout=20)
            t.settle()
            t.send(st.F5)
            t.wait_for("Press w to export", timeout=20)
            t.settle()
            pages = [flat("\n".join(t.screen.display[1:-2]))]
            for _ in range(80):
                if "\u2193 more" not in t.text():
                    break
                t.send(st.PGDN)
                t.settle(quiet=0.15)
                pages.append(flat("\n".join(t.screen.display[1:-2])))
            results = " ".join(pages)
            t.send(st.ESC)
            t.settle(quiet=0.15)
            # The panel wide, then the whole screen.
            t.send(st.F8)
            t.settle(quiet=0.15)
            t.send(st.F8)
            t.wait_for("Live recommendation", timeout=10)
            t.settle(quiet=0.15)
            panel = flat("\n".join(t.screen.display[1:-2]))
            t.send(st.F10)
            t.finish(timeout=10)
            return results, panel
        finally:
            t.close()

    def test_every_example_and_persona_agrees(self):
        problems = []
        checked = 0
        for src in files():
            name = label(src)
            path = os.path.join(self.home, name + ".yaml")
            shutil.copy(src, path)
            doc = json.loads(self.cli("evaluate", path, "--format", "json"))
            plan = doc.get("plan") or {}
            planned = [r for r in plan.get("reports") or []
                       if r["id"] in ("soc1", "soc2") and r["type"]
                       and (r["as_of"] or r["period_start"])]
            formats = {f: self.cli("evaluate", path, "--format", f)
                       for f in ("text", "markdown", "html", "csv")}
            formats["html"] = html.unescape(formats["html"])
            flats = {f: flat(v) for f, v in formats.items()}
            results, panel = self.screen_views(path)
            for r in planned:
                line = decision_line(r)
                for f, text in flats.items():
                    if line not in text:
                        problems.append("%s: %s does not say \"%s\"" % (name, f, line))
                title = "SOC %s %s" % (r["id"][3:], "Type II" if r["type"] == "type2"
                                        else "Type I")
                if r["type"] == "type2":
                    want = "%s, observation period %d months" % (title, r["period_months"])
                    dates = "%s to %s" % (r["period_start"], r["period_end"])
                else:
                    want = title
                    dates = "as of %s" % r["as_of"]
                if want not in results:
                    problems.append("%s: the results screen does not say \"%s\"" % (name, want))
                if dates not in results:
                    problems.append("%s: the results screen's roadmap lacks %s" % (name, dates))
            headline = plan.get("headline")
            if planned and headline and flat(headline) not in panel:
                problems.append("%s: the live panel does not give the plan \"%s\""
                                % (name, headline))
            checked += 1
        self.assertGreaterEqual(checked, 60)
        self.assertEqual(problems, [])


if __name__ == "__main__":
    if len(sys.argv) > 1:
        st.BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
