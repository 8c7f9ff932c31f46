#!/usr/bin/python3
"""Run one fuzz target on its seed corpus: the bundled files and the test
fixtures of its kind (for expressions, every `when:` and `show_if:` in
them, one per file), and the inputs in tests/fuzz/regressions/TARGET/ that
once made it fail.

usage: run_fuzz.py fuzz|replay BINARY TARGET SRCDIR WORKDIR [LIBFUZZER-OPTION...]

fuzz    libFuzzer for SOCSCOPE_FUZZ_SECONDS seconds (default 15), with the
        new inputs it finds kept in WORKDIR/corpus (a later run goes on from
        them); a crash leaves its input in WORKDIR and fails.  Options such
        as -jobs=4 -workers=4 go to libFuzzer.
replay  a build without libFuzzer: each seed once through the target.
"""
import glob
import os
import re
import shutil
import subprocess
import sys

mode, binary, target, src, work = sys.argv[1:6]
extra = sys.argv[6:]

SEEDS = {
    "questionnaire": ["questionnaires/soc-scoping.yaml", "tests/fixtures/questionnaires/*.yaml",
                      "tests/fixtures/engine/*.yaml", "tests/fixtures/report/report.yaml",
                      "tests/fixtures/session/q.yaml", "tests/cli/fixtures/tiny.yaml",
                      "tests/cli/fixtures/bad-questionnaire.yaml", "tests/tui/fixtures/*.yaml"],
    "answers": ["questionnaires/examples/*.yaml", "tests/fixtures/answers/*.yaml",
                "tests/cli/fixtures/hosting.yaml", "tests/cli/fixtures/bad-answers.yaml"],
    "theme": ["themes/*.yaml", "tests/fixtures/themes/*.yaml"],
    "expr": ["questionnaires/soc-scoping.yaml", "tests/fixtures/questionnaires/*.yaml",
             "tests/fixtures/engine/*.yaml"],
}

seeds = os.path.join(work, "seeds")
corpus = os.path.join(work, "corpus")
shutil.rmtree(seeds, ignore_errors=True)
os.makedirs(seeds)
os.makedirs(corpus, exist_ok=True)
n = 0
for pattern in SEEDS[target]:
    for path in sorted(glob.glob(os.path.join(src, pattern))):
        if target == "expr":
            with open(path, encoding="utf-8", errors="replace") as f:
                for m in re.finditer(r"^\s*-?\s*(?:when|show_if):\s*(.+)$", f.read(), re.M):
                    expr = m.group(1).strip()
                    if len(expr) > 1 and expr[0] == expr[-1] and expr[0] in "\"'":
                        expr = expr[1:-1]
                    n += 1
                    with open(os.path.join(seeds, "expr-%04d" % n), "w",
                              encoding="utf-8") as out:
                        out.write(expr)
        else:
            n += 1
            shutil.copy(path, os.path.join(seeds, "%04d-%s" % (n, os.path.basename(path))))
# Inputs that once failed, kept as seeds so they are run first every time.
for path in sorted(glob.glob(os.path.join(src, "tests", "fuzz", "regressions", target, "*"))):
    n += 1
    shutil.copy(path, os.path.join(seeds, "%04d-%s" % (n, os.path.basename(path))))
if n == 0:
    sys.exit("no seeds for %s" % target)

if mode == "replay":
    sys.exit(subprocess.call([binary, seeds]))

seconds = int(os.environ.get("SOCSCOPE_FUZZ_SECONDS", "15"))
r = subprocess.run([binary, "-max_total_time=%d" % seconds, "-timeout=10",
                    "-rss_limit_mb=2048", "-print_final_stats=1",
                    "-artifact_prefix=" + work + "/", *extra, corpus, seeds],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                   errors="replace")
execs = re.search(r"stat::number_of_executed_units:\s*(\d+)", r.stdout)
print("fuzz_%s: %s executions in %d s from %d seeds, corpus of %d inputs; exit %d"
      % (target, execs.group(1) if execs else "?", seconds, n,
         len(os.listdir(corpus)), r.returncode))
if r.returncode != 0:
    # What libFuzzer said about the failure, without its progress lines.
    print("\n".join(line for line in r.stdout.splitlines()
                    if not re.match(r"#\d+\s", line))[-20000:])
    print("inputs that failed stay in " + work)
# libFuzzer reports a find with status 77, which meson reads as "skipped".
sys.exit(1 if r.returncode else 0)
