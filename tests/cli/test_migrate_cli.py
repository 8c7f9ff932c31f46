#!/usr/bin/python3
"""Sessions survive upgrades (issue 22), from the outside: every worked
example as it was saved under questionnaire 1.0 and 2.0
(tests/fixtures/migrate/v1.0, v2.0, from the repository's history) and every
blind persona's answers (saved under 2.0) through every command that reads
answers, with the conclusions each must reach stated in the tables below;
the migration failing both ways with FILE:LINE:COL; and the sessions folder
listing every session, one that cannot be opened with why.

Dates are fixed (SOCSCOPE_DATE=2026-12-06): the older examples say nothing
of when they were saved, so their months count from that day, as the
examples of today count theirs.

Usage: test_migrate_cli.py PATH/TO/socscope
"""
import csv
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest
from concurrent.futures import ThreadPoolExecutor

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/src/socscope"
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
EXAMPLES = os.path.join(SRC, "questionnaires", "examples")
MIGRATE = os.path.join(SRC, "tests", "fixtures", "migrate")
PERSONAS = os.path.join(SRC, "tests", "personas")
DATE = "2026-12-06"
# Today's version of the bundled questionnaire, as its file says: what
# every older session is read as.
with open(os.path.join(SRC, "questionnaires", "soc-scoping.yaml"), encoding="utf-8") as _f:
    CURRENT = re.search(r'^version: "([^"]+)"', _f.read(), re.M).group(1)

# What each worked example concludes: the summary, and each report as
# id:type:period ("-" for none).  Saved under 1.0, under 2.0 and as the
# example is today, all three conclude the same: no question the
# recommendation rests on changed meaning (the months of 1.0 and 2.0 count
# from the same day as today's dates; 1.0's services imply what the
# organization does as 2.0 asks it).  Periods are the plan's: with a
# high-priority gap open, the plan closes it first and its first period
# after the fix runs 3 to 6 months (the look-back is the alternative).
EXAMPLE_CONCLUSIONS = {
    "claims-administrator": (
        "SOC 1 Type II and SOC 2 Type II (Security, Processing Integrity, Confidentiality)",
        "soc1:type2:11 soc2:type2:11"),
    "colocation-provider": ("SOC 2 Type II (Security, Availability)", "soc2:type2:6"),
    "consumer-app": ("SOC 2 Type II and SOC 3 (Security, Availability, Privacy)",
                     "soc2:type2:6 soc3:-:6"),
    "early-stage-saas": ("SOC 2 Type I (Security, Confidentiality)", "soc2:type1:-"),
    "established-saas": ("SOC 2 Type II and SOC 3 (Security, Availability, Confidentiality)",
                         "soc2:type2:12 soc3:-:12"),
    "eu-analytics-processor": ("SOC 2 Type II (Security, Confidentiality)", "soc2:type2:6"),
    "healthcare-saas": ("SOC 2 Type II (Security, Availability, Confidentiality)",
                        "soc2:type2:6"),
    "loan-servicer": ("SOC 1 Type II", "soc1:type2:6"),
    "local-bookkeeper": (
        "No SOC report recommended now: Nobody is asking you for a SOC report yet, and a "
        "SOC report is written for the customers and auditors who read it.", ""),
    "managed-it-provider": ("SOC 2 Type II (Security, Availability, Confidentiality)",
                            "soc2:type2:5"),
    "no-report-consultancy": (
        "No SOC report recommended now: You said you keep nothing for your customers as a "
        "service and run nothing for them, so a SOC report would have nothing to examine.", ""),
    "payment-processor": (
        "SOC 1 Type II and SOC 2 Type II (Security, Availability, Processing Integrity, "
        "Confidentiality)", "soc1:type2:12 soc2:type2:12"),
    "payroll-bureau": (
        "SOC 1 Type II and SOC 2 Type II (Security, Processing Integrity, Confidentiality)",
        "soc1:type2:6 soc2:type2:6"),
}

# Saved under 1.0, two renewals cannot be dated: 1.0 never asked when the
# last period ended, and a renewal runs from that day (the question is new,
# and the plan names it as the answer it needs).
V1_CONCLUSIONS = {
    "established-saas": ("SOC 2 Type II and SOC 3 (Security, Availability, Confidentiality)",
                         "soc2:type2:- soc3:-:-"),
    "payment-processor": (
        "SOC 1 Type II and SOC 2 Type II (Security, Availability, Processing Integrity, "
        "Confidentiality)", "soc1:type2:- soc2:type2:-"),
    # 1.0 did not ask when the clients' years end, so the look-back ends
    # last month instead of on their December 31 year-end.
    "claims-administrator": (
        "SOC 1 Type II and SOC 2 Type II (Security, Processing Integrity, Confidentiality)",
        "soc1:type2:10 soc2:type2:10"),
}

# The periods are the planner's (src/core/plan.c): a look-back covers the
# months of kept evidence up to 6 for a first SOC 2 and a year otherwise
# (a SOC 1's over the clients' fiscal year when the deadline allows), a
# renewal a year, a first period 6
# months or 3 for a close deadline, a SOC 1 period what the clients' fiscal
# year needs; so they differ from the 6 months the 2.0 build gave most of
# these files, for the reason the report states.
#
# Saved under 2.0, each reads as today's example: `compare` finds no
# difference at all, answers included (the fiscal month became the same
# date, the months the same deadlines).
#
# Saved under 1.0, the reports are today's, but what 1.0 never asked is
# unanswered, so `compare` names these differences (KIND:ID of each
# conclusion that differs), for the reason given.
V1_DIFFERENCES = {
    "claims-administrator": (
        {"readiness:score", "gap:data_classification", "period:soc1", "period:soc2"},
        "1.0 did not ask whether confidential data is classified; today's example says "
        "'partly', a medium gap, and one more readiness item; nor when the clients' "
        "years end, so the period ends last month rather than on their year-end"),
    "colocation-provider": (
        {"readiness:score"},
        "1.0 did not ask about physical security or capacity planning (both in place "
        "today); 1.0 had no colocation service, its 'hosting' reading as running "
        "systems and holding data, the same report"),
    "consumer-app": (
        {"readiness:score", "gap:privacy_practices"},
        "1.0 did not ask about privacy practices beyond the notice; today's 'partly' is "
        "a medium gap"),
    "early-stage-saas": (
        {"gap:data_classification", "gap:monitoring_controls", "readiness:score"},
        "1.0 did not ask about data classification; today's 'no' is a medium gap"),
    "established-saas": (
        {"readiness:score", "period:soc2"},
        "1.0 did not ask about capacity planning or data classification (in place today) "
        "nor when the last report's period ended, which dates the renewal: today's example "
        "renews for 12 months, the 1.0 session's period cannot be dated until it is "
        "answered"),
    "eu-analytics-processor": (
        {"readiness:score"},
        "1.0 did not ask about data classification (in place today); its services imply "
        "holding data, where today's example also processes"),
    "healthcare-saas": (
        {"gap:capacity_planning", "gap:monitoring_controls", "readiness:score"},
        "1.0 did not ask about capacity planning; today's 'partly' is a medium gap"),
    "loan-servicer": (
        {"gap:change_management", "gap:incident_response", "gap:logging_monitoring", "gap:monitoring_controls", "gap:user_controls", "gap:vendor_management", "readiness:score"},
        "1.0 asked a SOC 1 service nothing of IT general controls or its clients' own "
        "controls; today's example answers them, with five gaps"),
    "local-bookkeeper": (set(), "nothing the no-report conclusion rests on changed"),
    "managed-it-provider": (
        {"gap:data_classification", "gap:monitoring_controls", "readiness:score"},
        "1.0 did not ask about data classification; today's 'partly' is a medium gap"),
    "no-report-consultancy": (set(), "nothing the no-report conclusion rests on changed"),
    "payment-processor": (
        {"readiness:score", "period:soc1", "period:soc2"},
        "1.0 did not ask about physical security, capacity planning, processing "
        "controls, data classification or user controls (all in place today), nor when "
        "the last periods ended, which date the renewals: undated until answered"),
    "payroll-bureau": (
        {"readiness:score", "gap:processing_controls"},
        "1.0 did not ask whether processing is checked for completeness and accuracy; "
        "today's 'partly' is a medium gap"),
}

# Saved under 2.0, the answers read as today's example's but for what 3.0
# asks anew: whether someone checks that the controls keep working
# (monitoring_controls), which today's examples answer (a medium gap where
# nobody does), and what the report would cover (the system boundary and
# the providers' names, which today's examples give when a report is
# recommended); and the local bookkeeper, whose clients' statements are not
# audited: 3.0 offers that choice, 2.0 had only "no".
BOUNDARY = {"scope_services", "scope_systems", "scope_locations", "scope_people"}
NAMED = BOUNDARY | {"provider_names"}
V2_DIFFERENCES = {
    name: ({"readiness:score"}, {"monitoring_controls"} | NAMED)
    for name in ("consumer-app", "established-saas", "eu-analytics-processor")
}
# Those with a SOC 1, a SOC 2 and a deadline say which report it is for,
# and those whose clients' years end on one date which year it must cover.
V2_DIFFERENCES.update({
    name: ({"readiness:score"},
           {"monitoring_controls", "deadline_reports", "clients_year_covered"} | NAMED)
    for name in ("claims-administrator", "payment-processor", "payroll-bureau")
})
V2_DIFFERENCES["colocation-provider"] = ({"readiness:score"},
                                         {"monitoring_controls"} | BOUNDARY)
V2_DIFFERENCES.update({
    name: ({"readiness:score", "gap:monitoring_controls"}, {"monitoring_controls"} | NAMED)
    for name in ("early-stage-saas", "healthcare-saas", "managed-it-provider")
})
V2_DIFFERENCES["loan-servicer"] = ({"readiness:score", "gap:monitoring_controls"},
                                   {"monitoring_controls", "clients_year_covered"} | NAMED)
V2_DIFFERENCES["local-bookkeeper"] = (set(), {"auditors_ask"})
V2_DIFFERENCES["no-report-consultancy"] = (set(), set())

# 3.1 asks whether access is reviewed and work devices are managed, whether
# anyone helps the organization get ready, and who set the deadline; today's
# examples answer them wherever a report is recommended (an access review
# or device management done only partly is a medium gap), which sessions
# saved under 1.0 and 2.0 never did.
NEW_IN_3_1 = {"access_reviews", "devices", "readiness_help", "deadline_who"}
GAPS_3_1 = {"claims-administrator": {"gap:access_reviews"},
            "early-stage-saas": {"gap:access_reviews"},
            "managed-it-provider": {"gap:devices"}}
# 3.2 asks whether an outside firm tested the systems (a penetration test)
# wherever a SOC 2 is likely, and a benefits administrator whether the plans
# are ERISA plans; today's examples answer them (a test done only partly is
# a low gap, none at all a medium one).
PEN_TEST = {"payroll-bureau": "partly", "early-stage-saas": "no",
            "established-saas": "yes", "colocation-provider": "yes",
            "healthcare-saas": "partly", "payment-processor": "yes",
            "managed-it-provider": "yes", "consumer-app": "partly",
            "claims-administrator": "yes", "eu-analytics-processor": "yes"}
NEW_IN_3_2 = {name: {"pen_test"} | ({"erisa_plans"} if name == "claims-administrator" else set())
              for name in PEN_TEST}
GAPS_3_2 = {name: {"gap:pen_test"} for name, v in PEN_TEST.items() if v != "yes"}
for _name, (_kinds, _why) in list(V1_DIFFERENCES.items()):
    if EXAMPLE_CONCLUSIONS[_name][1]:
        V1_DIFFERENCES[_name] = (_kinds | {"readiness:score"} | GAPS_3_1.get(_name, set())
                                 | GAPS_3_2.get(_name, set()),
                                 _why + "; and what 3.1 and 3.2 ask anew (above)")
for _name, (_kinds, _answers) in list(V2_DIFFERENCES.items()):
    if EXAMPLE_CONCLUSIONS[_name][1]:
        V2_DIFFERENCES[_name] = (_kinds | {"readiness:score"} | GAPS_3_1.get(_name, set())
                                 | GAPS_3_2.get(_name, set()),
                                 _answers | NEW_IN_3_1 | NEW_IN_3_2.get(_name, set()))

# The blind personas' answers, saved under 2.0: their conclusions as today's version
# reads them on 2026-12-06.  Each is also what tests/personas/expected.yaml
# asks of it (the personas suite checks that on the day they were saved).
# A period's length follows the plan: readiness work shared by a team of
# more than five takes about half as long, so a clean period after it
# may now meet a deadline that only a look-back met before.
PERSONA_CONCLUSIONS = {
    "addressright-data-services": (
        "SOC 2 Type II (Security, Availability, Processing Integrity, Confidentiality)",
        "soc2:type2:6"),
    "benefitbridge-enrollment": (
        "SOC 1 Type II and SOC 2 Type II (Security, Availability, Processing Integrity, "
        "Confidentiality)", "soc1:type2:12 soc2:type2:12"),
    "bluewater-sign": ("SOC 2 Type II and SOC 3 (Security, Availability, Confidentiality)",
                       "soc2:type2:12 soc3:-:12"),
    "brightline-branding-agency": ("SOC 2 Type I (Security, Confidentiality)", "soc2:type1:-"),
    "brightpath-reading": ("SOC 2 Type II (Security, Confidentiality)", "soc2:type2:6"),
    "campus-tutor-connect": ("SOC 2 Type I (Security, Availability, Confidentiality)",
                             "soc2:type1:-"),
    "civicscan-document-services": (
        "SOC 2 Type II (Security, Processing Integrity, Confidentiality)", "soc2:type2:6"),
    "clearledger-lease-accounting": ("SOC 1 Type II", "soc1:type2:6"),
    "clearview-telehealth-group": ("SOC 2 Type II (Security, Confidentiality, Privacy)",
                                   "soc2:type2:5"),
    "cloudkeep-backup": ("SOC 2 Type II (Security, Availability, Confidentiality)",
                         "soc2:type2:6"),
    "cobalt-pulse-surveys": ("SOC 2 Type II (Security, Confidentiality)", "soc2:type2:6"),
    "crumb-and-crust-bakery": (
        "No SOC report recommended now: You said you keep nothing for your customers as a "
        "service and run nothing for them, so a SOC report would have nothing to examine.", ""),
    "fairway-fractional-finance": (
        "SOC 1 Type II and SOC 2 Type II (Security, Processing Integrity, Confidentiality)",
        "soc1:type2:12 soc2:type2:12"),
    "harbor-lane-law": ("SOC 2 Type II (Security, Confidentiality)", "soc2:type2:6"),
    "ironvault-data-centers": (
        "SOC 1 Type II and SOC 2 Type II (Security, Availability, Confidentiality)",
        "soc1:type2:12 soc2:type2:12"),
    "keystone-retirement-services": ("SOC 1 Type II", "soc1:type2:12"),
    "lakeside-youth-arts": (
        "No SOC report recommended now: Nobody is asking you for a SOC report yet, and a "
        "SOC report is written for the customers and auditors who read it.", ""),
    "ledgerline-commission-services": ("SOC 1 Type II", "soc1:type2:6"),
    "meridian-cobra-administration": ("SOC 1 Type II", "soc1:type2:12"),
    "metro-citation-processing": (
        "SOC 1 Type II and SOC 2 Type II (Security, Availability, Processing Integrity, "
        "Confidentiality)", "soc1:type2:12 soc2:type2:12"),
    "nordpost-newsletters": ("SOC 2 Type II (Security, Confidentiality)", "soc2:type2:6"),
    "northgate-fund-services": ("SOC 1 Type II", "soc1:type2:12"),
    "penny-lane-tax-service": (
        "No SOC report recommended now: Nobody is asking you for a SOC report yet, and a "
        "SOC report is written for the customers and auditors who read it.", ""),
    "pinpoint-maintenance": ("SOC 2 Type I (Security, Confidentiality)", "soc2:type1:-"),
    "pocketjar-roundup-savings": (
        "SOC 2 Type II and SOC 3 (Security, Confidentiality, Privacy)", "soc2:type2:6 soc3:-:6"),
    "rapidroute-dispatch": ("SOC 2 Type II (Security, Availability, Confidentiality)",
                            "soc2:type2:6"),
    "ridgeway-utility-billing": ("SOC 1 Type I", "soc1:type1:-"),
    "riverbend-hmis-collaborative": (
        "SOC 2 Type II (Security, Processing Integrity, Confidentiality)", "soc2:type2:6"),
    "sentinel-records-shredding": ("SOC 2 Type II (Security, Confidentiality)", "soc2:type2:3"),
    "steady-course-coaching": (
        "No SOC report recommended now: You said you keep nothing for your customers as a "
        "service and run nothing for them, so a SOC report would have nothing to examine.", ""),
    "stonebridge-payroll": ("SOC 1 Type II", "soc1:type2:12"),
    "summit-invoice-partners": ("SOC 1 Type II", "soc1:type2:12"),
    "tableside-network-care": ("SOC 2 Type II (Security, Availability, Confidentiality)",
                               "soc2:type2:3"),
    "trailmark-hiking-journal": ("SOC 2 Type II and SOC 3 (Security, Privacy)",
                                 "soc2:type2:6 soc3:-:6"),
}

NOTE = re.compile(r"^socscope: (?P<path>.+): saved under questionnaire (?P<from>\d+\.\d+) and "
                  r"read as " + re.escape(CURRENT) + r": (?P<what>.+)\.$")


def old_files():
    """(label, path, version, example name or None, expected conclusions)."""
    out = []
    for version in ("1.0", "2.0"):
        d = os.path.join(MIGRATE, "v" + version)
        for f in sorted(os.listdir(d)):
            name = f[:-5]
            want = EXAMPLE_CONCLUSIONS[name]
            if version == "1.0":
                want = V1_CONCLUSIONS.get(name, want)
            out.append((f"v{version}/{name}", os.path.join(d, f), version, name, want))
    for name in sorted(os.listdir(PERSONAS)):
        path = os.path.join(PERSONAS, name, "answers.yaml")
        if saved_under_2_0(path):
            out.append((f"persona {name}", path, "2.0", None, PERSONA_CONCLUSIONS[name]))
    return out


def saved_under_2_0(path):
    """A persona's answers saved under questionnaire 2.0 (those
    interviewed since are saved under today's and need no migration)."""
    if not os.path.exists(path):
        return False
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return "questionnaire_version: \"2.0\"" in text or "questionnaire_version: '2.0'" in text


def schema_errors(kind, doc):
    import jsonschema
    with open(os.path.join(SRC, "docs", "schema", f"{kind}.schema.json"),
              encoding="utf-8") as f:
        v = jsonschema.Draft202012Validator(json.load(f))
    return [f"/{'/'.join(map(str, e.path))}: {e.message}" for e in v.iter_errors(doc)]


def reports_of(doc):
    return " ".join(f"{r['id']}:{r['type'] or '-'}:{r['period_months'] or '-'}"
                    for r in doc["recommendation"]["reports"])


class MigrateCliTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="socscope-migrate-")
        self.dir = self.tmp.name
        self.sessions = os.path.join(self.dir, "state", "socscope", "sessions")
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.dir,
            "XDG_STATE_HOME": os.path.join(self.dir, "state"),
            "XDG_DATA_HOME": os.path.join(self.dir, "xdg-data"),
            "XDG_DATA_DIRS": os.path.join(self.dir, "none"),
            "SOCSCOPE_DATA_DIR": os.path.join(self.dir, "none"),
            "LANG": "C.UTF-8",
            "SOCSCOPE_DATE": DATE,
        }
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                self.env[k] = os.environ[k]

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args, stdin=None):
        return subprocess.run([BIN, *args], input=stdin, capture_output=True, env=self.env,
                              timeout=120, text=True, cwd=self.dir)

    def note(self, stderr, path, version):
        """The one-line note a command gives on stderr, checked; its text."""
        lines = stderr.splitlines()
        self.assertEqual(len(lines), 1, stderr)
        m = NOTE.match(lines[0])
        self.assertIsNotNone(m, lines[0])
        self.assertEqual(m.group("path"), path)
        self.assertEqual(m.group("from"), version)
        return m.group("what")

    # -- every older file through every command ------------------------------

    def check_one(self, label, path, version, example, want):
        """Everything one older file goes through; returns its problems."""
        problems = []

        def expect(cond, what):
            if not cond:
                problems.append(f"{label}: {what}")

        # validate: the version, what the migration does, exit 0.
        r = self.run_cli("validate", path)
        expect(r.returncode == 0, f"validate exited {r.returncode}: {r.stderr}")
        head = r.stdout.splitlines()[0] if r.stdout else ""
        expect(re.fullmatch(re.escape(path) + r': valid answers to "soc-scoping" \(\d+ answered\), '
                            r"saved under version " + re.escape(version) + r" and read as " + re.escape(CURRENT),
                            head), f"validate said {head!r}")
        summary = r.stdout.splitlines()[1].strip() if r.stdout.count("\n") > 1 else ""
        expect(summary.startswith(f"Saved under questionnaire {version} and read as {CURRENT}: "),
               f"validate's summary {summary!r}")
        expect(f"keeps this one as {path}.v{version}." in r.stdout, "validate: the backup")
        expect(r.stderr == "", f"validate wrote to stderr: {r.stderr}")

        # evaluate, every format: stdout as always, the note on stderr,
        # the same words as validate's summary.
        for fmt in ("text", "markdown", "html", "json", "csv"):
            r = self.run_cli("evaluate", path, "--format", fmt)
            expect(r.returncode == 0, f"evaluate -f {fmt} exited {r.returncode}: {r.stderr}")
            try:
                what = self.note(r.stderr, path, version)
                expect(summary.endswith(": " + what + "."), f"evaluate -f {fmt} note {what!r}")
            except AssertionError as e:
                problems.append(f"{label}: evaluate -f {fmt}: {e}")
            expect("saved under questionnaire" not in r.stdout, f"evaluate -f {fmt}: note on stdout")
            if fmt == "json":
                doc = json.loads(r.stdout)
                expect(schema_errors("report", doc) == [], f"report schema {schema_errors('report', doc)}")
                expect(doc["questionnaire"]["version"] == CURRENT, "json version")
                got = (doc["recommendation"]["summary"], reports_of(doc))
                expect(got == want, f"concludes {got}, the table says {want}")
            elif fmt == "text":
                expect(want[0].split(":")[0] in " ".join(r.stdout.split()), "text summary")

        # evidence: its default format and the one with a schema (the
        # formats share the model; all four are run on today's examples
        # elsewhere).
        for fmt in ("markdown", "json"):
            r = self.run_cli("evidence", path, "--format", fmt)
            expect(r.returncode == 0, f"evidence -f {fmt} exited {r.returncode}: {r.stderr}")
            expect(len(r.stderr.splitlines()) == 1 and NOTE.match(r.stderr.strip()),
                   f"evidence -f {fmt} stderr {r.stderr!r}")
            if fmt == "json":
                doc = json.loads(r.stdout)
                expect(schema_errors("evidence", doc) == [], "evidence schema")

        # compare with today's example of the same name: the differences
        # the table names, and no other.
        other = os.path.join(EXAMPLES, example + ".yaml") if example else path
        r = self.run_cli("compare", path, other, "--format", "json")
        expect(r.returncode == 0, f"compare exited {r.returncode}: {r.stderr}")
        notes = [line for line in r.stderr.splitlines() if NOTE.match(line)]
        expect(len(notes) == (1 if example else 2) and len(notes) == len(r.stderr.splitlines()),
               f"compare stderr {r.stderr!r}")
        doc = json.loads(r.stdout)
        expect(schema_errors("compare", doc) == [], "compare schema")
        got = {f"{d['kind']}:{d['id']}" for d in doc["differences"]}
        if example is None:
            expect(doc["same"], "a file compared with itself differs")
        elif version == "2.0":
            answers = {a["question"] for a in doc["answers"]}
            expect((got, answers) == V2_DIFFERENCES[example],
                   f"differs from today's example: {got}, answers {answers}, "
                   f"the table says {V2_DIFFERENCES[example]}")
        else:
            expect(got == V1_DIFFERENCES[example][0],
                   f"differs from today's example in {sorted(got)}, the table says "
                   f"{sorted(V1_DIFFERENCES[example][0])}")

        # The plain interview opens it, says what changed once, and
        # rewrites nothing when nothing is changed.
        copy = os.path.join(self.dir, label.replace("/", "-").replace(" ", "-") + ".yaml")
        shutil.copyfile(path, copy)
        with open(copy, "rb") as f:
            before = f.read()
        r = self.run_cli("interview", "--plain", "-a", copy, stdin=":quit\n")
        expect(r.returncode == 0, f"plain interview exited {r.returncode}: {r.stderr}")
        expect(r.stdout.count(summary) == 1 if summary else False,
               f"plain interview did not say {summary!r} once")
        expect(f"the original is kept as {copy}.v{version}." in r.stdout,
               "plain interview: where the original goes")
        expect("Resuming the saved interview for " in r.stdout, "plain: not resumed")
        with open(copy, "rb") as f:
            expect(f.read() == before, "plain interview rewrote an unchanged session")
        expect(not os.path.exists(copy + ".v" + version), "a backup without a save")
        return problems

    def test_every_older_file_through_every_command(self):
        files = old_files()
        self.assertEqual(len(files), 13 + 13 + 34)
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda f: self.check_one(*f), files))
        problems = [p for ps in results for p in ps]
        self.assertEqual(problems, [])

    def test_portfolio_of_every_older_file(self):
        files = old_files()
        r = self.run_cli("portfolio", "-f", "json", *[f[1] for f in files])
        self.assertEqual(r.returncode, 0, r.stderr)
        notes = r.stderr.splitlines()
        self.assertEqual(len(notes), len(files))
        doc = json.loads(r.stdout)
        self.assertEqual(schema_errors("portfolio", doc), [])
        for (label, path, version, _, want), row, note in zip(files, doc["sessions"], notes):
            self.assertEqual(row["file"], path)
            self.assertEqual(row["migrated_from"], version, label)
            # The portfolio's one line: the report's summary, or its
            # short form when no report is recommended.
            summary = want[0] if want[1] else "No SOC report now"
            self.assertEqual((row["recommendation"]["summary"], reports_of(row)),
                             (summary, want[1]), label)
            self.assertTrue(note.startswith(f"socscope: {path}: saved under questionnaire "
                                            f"{version} and read as {CURRENT}: "), note)
        r = self.run_cli("portfolio", *[f[1] for f in files])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.count("(from 1.0)"), 13)
        self.assertEqual(r.stdout.count("(from 2.0)"), 13 + 34)

    def test_the_tables_cover_every_file_and_only_them(self):
        # The scoping examples (the review's answer its own questionnaire,
        # which has never had another version).
        self.assertEqual(sorted(EXAMPLE_CONCLUSIONS),
                         sorted(f[:-5] for f in os.listdir(EXAMPLES)
                                if f.endswith(".yaml") and not f.startswith("review-")))
        for v in ("v1.0", "v2.0"):
            self.assertEqual(sorted(f[:-5] for f in os.listdir(os.path.join(MIGRATE, v))),
                             sorted(EXAMPLE_CONCLUSIONS))
        self.assertEqual(sorted(V1_DIFFERENCES), sorted(EXAMPLE_CONCLUSIONS))
        self.assertEqual(sorted(PERSONA_CONCLUSIONS),
                         sorted(d for d in os.listdir(PERSONAS)
                                if saved_under_2_0(os.path.join(PERSONAS, d, "answers.yaml"))))
        # Today's examples conclude what the table says too.
        for name, want in EXAMPLE_CONCLUSIONS.items():
            r = self.run_cli("evaluate", os.path.join(EXAMPLES, name + ".yaml"), "-f", "json")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stderr, "")
            doc = json.loads(r.stdout)
            self.assertEqual((doc["recommendation"]["summary"], reports_of(doc)), want, name)

    def test_what_validate_says_of_a_1_0_session(self):
        path = os.path.join(MIGRATE, "v1.0", "payroll-bureau.yaml")
        r = self.run_cli("validate", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout
        self.assertTrue(out.startswith(
            f'{path}: valid answers to "soc-scoping" (53 answered), saved under version 1.0 '
            f"and read as {CURRENT}\n"
            f"  Saved under questionnaire 1.0 and read as {CURRENT}: 6 answers carried over in a "
            "new form, 18 new questions to answer.\n"
            "  Carried over in a new form:\n"), out)
        carried = out.split("  Carried over in a new form:\n")[1].split("  Assumed:\n")[0]
        self.assertEqual([line.split(" (")[0] for line in carried.splitlines()],
                         ["    - uptime_commitment", "    - security_reviews", "    - deadline",
                          "    - activities", "    - has_deadline", "    - evidence_kept"])
        self.assertIn('    - deadline ("By what date must that report be in hand?"): 2027-09-30\n',
                      carried)
        self.assertIn("  Assumed:\n    - \"In how many months from now must that report be in "
                      "hand?\": 9 months after today, 2026-12-06 (the file does not say when it "
                      "was saved), taken as the last day of that month, 2027-09-30\n", out)
        new = out.split("  New since questionnaire 1.0:\n")[1].split("  The file is left")[0]
        states = dict(re.match(r"    - (\w+) .*: ([a-z ]+)$", line).groups()
                      for line in new.splitlines())
        self.assertEqual(sorted(k for k, v in states.items() if v == "to answer"),
                         ["access_reviews", "clients_fye_known", "data_classification",
                          "deadline_reports", "deadline_who", "devices", "monitoring_controls",
                          "pen_test", "physical_security", "processing_controls", "provider_names",
                          "readiness_help", "scope_locations", "scope_people", "scope_services", "scope_systems",
                          "sector_data", "user_controls"])
        self.assertEqual(sorted(k for k, v in states.items() if v == "answered by the migration"),
                         ["activities", "evidence_kept", "has_deadline"])
        self.assertIn(f"  The file is left as it is; the interview's first save writes it as "
                      f"version {CURRENT} and keeps this one as {path}.v1.0.\n", out)

    def test_what_validate_says_of_a_2_0_session_saved_on_a_known_day(self):
        path = os.path.join(PERSONAS, "stonebridge-payroll", "answers.yaml")
        r = self.run_cli("validate", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"  Saved under questionnaire 2.0 and read as {CURRENT}: 2 answers carried "
                      "over in a new form, 10 new questions to answer.\n", r.stdout)
        self.assertIn("8 months after the session was saved on 2026-11-30, taken as the last "
                      "day of that month, 2027-07-31\n", r.stdout)

    # -- the migration failing -------------------------------------------------

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def old_with(self, version, key, value):
        """A worked example under `version` with one answer changed; the
        answer's line and the column of its value."""
        src = os.path.join(MIGRATE, "v" + version, "payroll-bureau.yaml")
        with open(src, encoding="utf-8") as f:
            lines = f.read().split("\n")
        for i, line in enumerate(lines):
            if line.startswith(f"  {key}: "):
                lines[i] = f"  {key}: {value}"
                path = self.write(f"{key}-{version}.yaml", "\n".join(lines))
                return path, i + 1, len(f"  {key}: ") + 1
        self.fail(f"{key} not in {src}")

    def test_answers_that_fit_neither_form_exit_65_with_their_place(self):
        cases = [
            # 2.0 -> 3.0: months became a date.
            ("2.0", "months_needed", "soon",
             'the answer to "months_needed" fits neither questionnaire 2.0 (a whole number of '
             'months) nor 3.0 (a date YYYY-MM-DD)'),
            # 1.0 -> 2.0: yes or no became a choice.
            ("1.0", "security_reviews", "maybe",
             'unknown choice "maybe" for question "security_reviews"; expected one of: '
             'vendor_risk, own_only, no (saved under questionnaire 1.0; its migration to '
             f'{CURRENT} does not turn it into an answer of {CURRENT})'),
            # 2.0 -> 3.0: the fiscal month became a date.
            ("2.0", "clients_fiscal_year_end", "thirteenth",
             'question "clients_fiscal_year_end" expects a date (YYYY-MM-DD), found '
             '"thirteenth"'),
        ]
        for version, key, value, msg in cases:
            path, line, col = self.old_with(version, key, value)
            with open(path, "rb") as f:
                before = f.read()
            for args in (["validate", path], ["evaluate", path], ["evidence", path],
                         ["compare", path, "payroll-bureau"], ["portfolio", path]):
                r = self.run_cli(*args)
                self.assertEqual(r.returncode, 65, (args, r.stderr))
                self.assertIn(f"{path}:{line}:{col}: {msg}", r.stderr, args)
            r = self.run_cli("interview", "--plain", "-a", path, stdin=":quit\n")
            self.assertEqual(r.returncode, 65, r.stderr)
            self.assertIn(f"{path}:{line}:{col}: {msg}", r.stderr)
            with open(path, "rb") as f:
                self.assertEqual(f.read(), before, "a file that fits neither form was changed")

    def test_a_migration_naming_a_missing_id_is_refused_at_load(self):
        with open(os.path.join(SRC, "questionnaires", "soc-scoping.yaml"), encoding="utf-8") as f:
            text = f.read()
        for old, new, msg in [
            ("        rename: deadline\n", "        rename: deadlines\n",
             f'"rename" names question "deadlines", which version {CURRENT} of this questionnaire '
             'does not have'),
            ('        also: {has_deadline: "true"}\n', '        also: {has_deadlines: "true"}\n',
             f'"also" names question "has_deadlines", which version {CURRENT} of this questionnaire '
             'does not have'),
        ]:
            self.assertEqual(text.count(old), 1, old)
            changed = text.replace(old, new)
            # The change that names it: the "- question:" above the line.
            lines = changed.split("\n")
            at = next(i for i, line in enumerate(lines) if line + "\n" == new)
            change = next(i for i in range(at, 0, -1) if lines[i].startswith("      - question:"))
            path = self.write("soc-scoping.yaml", changed)
            r = self.run_cli("validate", path)
            self.assertEqual(r.returncode, 65, r.stderr)
            self.assertEqual(r.stderr, f"{path}:{change + 1}:9: {msg}\n")
            # And answers read with it are refused the same way.
            r = self.run_cli("evaluate", "-q", path,
                             os.path.join(MIGRATE, "v2.0", "payroll-bureau.yaml"))
            self.assertEqual(r.returncode, 65)
            self.assertIn(f"{path}:{change + 1}:9: {msg}\n", r.stderr)

    # -- the sessions folder ---------------------------------------------------

    def test_a_1_0_and_a_2_0_session_appear_and_open(self):
        os.makedirs(self.sessions)
        s1 = os.path.join(self.sessions, "brightline-payroll-services.yaml")
        s2 = os.path.join(self.sessions, "crescent-loan-servicing.yaml")
        shutil.copyfile(os.path.join(MIGRATE, "v1.0", "payroll-bureau.yaml"), s1)
        shutil.copyfile(os.path.join(MIGRATE, "v2.0", "loan-servicer.yaml"), s2)
        broken, line, col = self.old_with("2.0", "months_needed", "soon")
        broken_s = os.path.join(self.sessions, "broken.yaml")
        shutil.move(broken, broken_s)
        # Not sessions: the original kept by a save, the lock, a temporary.
        for name in ("old.yaml.v1.0", ".old.yaml.lock", ".old.yaml.tmp-Ab12Cd"):
            self.write(os.path.join(self.sessions, name), "socscope: 1\n")

        r = self.run_cli("portfolio")
        self.assertEqual(r.returncode, 65, r.stderr)
        rows = r.stdout.splitlines()
        self.assertRegex(rows[1], r"^Brightline Payroll Services .* SOC 1 Type II and SOC 2 "
                                  r"Type II .*\(from 1\.0\)$")
        self.assertRegex(rows[2], r"^Crescent Loan Servicing .* SOC 1 Type II \(from 2\.0\)$")
        self.assertIn(f"cannot be opened: {broken_s}:{line}:{col}: the answer to "
                      f"\"months_needed\" fits neither", rows[3])
        self.assertEqual(rows[4], "")
        self.assertIn(f"socscope: {s1}: saved under questionnaire 1.0 and read as {CURRENT}: ",
                      r.stderr)
        self.assertIn(f"socscope: {s2}: saved under questionnaire 2.0 and read as {CURRENT}: ",
                      r.stderr)
        r = self.run_cli("portfolio", "-f", "json")
        doc = json.loads(r.stdout)
        self.assertEqual(schema_errors("portfolio", doc), [])
        self.assertEqual([(s["file"], s.get("migrated_from"), "error" in s)
                          for s in doc["sessions"]],
                         [(s1, "1.0", False), (s2, "2.0", False), (broken_s, None, True)])
        r = self.run_cli("portfolio", "-f", "csv")
        rows = list(csv.DictReader(io.StringIO(r.stdout, newline="")))
        self.assertEqual([(x["file"], x["migrated_from"]) for x in rows],
                         [(s1, "1.0"), (s2, "2.0"), (broken_s, "")])
        self.assertTrue(rows[2]["error"].startswith(f"{broken_s}:{line}:{col}: "))

        r = self.run_cli("list", "sessions")
        self.assertEqual(r.stdout.split(), ["brightline-payroll-services", "broken",
                                            "crescent-loan-servicing"])
        r = self.run_cli("list")
        listed = r.stdout.split("Saved sessions (")[1]
        self.assertIn(f"{s1}  from questionnaire 1.0", listed)
        self.assertIn(f"{s2}  from questionnaire 2.0", listed)
        self.assertIn(f"cannot be opened: {broken_s}:{line}:{col}: ", listed)

        # The plain interview's list offers both, says why the third
        # cannot be, and opens the 1.0 one; a change keeps the original.
        r = self.run_cli("interview", "--plain", stdin="1\n:quit\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("  1) Brightline Payroll Services (53 of 71 answered under questionnaire "
                      "1.0)\n  2) Crescent Loan Servicing (58 of 69 answered under questionnaire "
                      "2.0)\nCannot be resumed here:\n  - Brightline Payroll Services: cannot be "
                      f"opened: {broken_s}:{line}:{col}: ", r.stdout)
        self.assertIn("Resuming the saved interview for Brightline Payroll Services", r.stdout)
        self.assertIn(f"Saved under questionnaire 1.0 and read as {CURRENT}: 6 answers carried over in "
                      "a new form, 18 new questions to answer.", r.stdout)
        with open(os.path.join(MIGRATE, "v1.0", "payroll-bureau.yaml"), "rb") as f:
            original = f.read()
        # Answer the first open question (what data it holds: none).
        r = self.run_cli("interview", "--plain", stdin="1\n4\n:quit\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(s1 + ".v1.0", "rb") as f:
            self.assertEqual(f.read(), original)
        self.assertEqual(stat.S_IMODE(os.stat(s1 + ".v1.0").st_mode), 0o600)
        with open(s1, encoding="utf-8") as f:
            now = f.read()
        self.assertIn(f'questionnaire_version: "{CURRENT}"', now)
        self.assertIn("  sector_data: [none]\n", now)
        self.assertIn("  deadline: 2027-09-30\n", now)
        # Now today's: no note, and the backup is not a session.
        r = self.run_cli("evaluate", s1)
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stderr, "")
        r = self.run_cli("list", "sessions")
        self.assertEqual(r.stdout.split(), ["brightline-payroll-services", "broken",
                                            "crescent-loan-servicing"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
