#!/usr/bin/python3
"""Shell completion: load src/completions/ in a real bash, zsh or fish and check
what a few command lines complete to: every command, its options and formats
as the table of commands says (read from `socscope --help`, which prints it),
and the names that come from `socscope list KIND`.

Usage: test_completion.py SHELL PATH/TO/socscope
Exits 77 (skipped) only when SHELL is not installed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SHELL = sys.argv[1]
BIN = os.path.abspath(sys.argv[2])
SRC = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMP = os.path.join(SRC, "src", "completions")

# (command line before the cursor, words that must be offered, words that
# must not be), besides the cases derived from the table of commands below.
CASES = [
    ("socscope list ", ["questionnaires", "themes", "examples", "sessions"], []),
    ("socscope --ex", ["--example"], ["--format"]),
    ("socscope interview --theme ", ["default", "high-contrast", "monochrome"], []),
    ("socscope -q ", ["soc-scoping"], []),
    ("socscope interview --example pay", ["payroll-bureau"], ["consumer-app"]),
    ("socscope compare ", ["acme-payroll-ltd", "zenith-hosting"], []),
    ("socscope compare acme-payroll-ltd pay", ["payroll-bureau"], ["consumer-app"]),
]


def table_from_help():
    """The table of commands (SC_CLI_COMMANDS in src/cli/cli.h) as
    `socscope --help` prints it: {command: (long options, formats)}, read
    from each command's synopsis, with -q and the like named by their long
    forms from the Options section."""
    r = subprocess.run([BIN, "--help"], capture_output=True, text=True, timeout=60)
    if r.returncode != 0 or "\nOptions:\n" not in r.stdout:
        raise AssertionError(f"socscope --help failed ({r.returncode}): {r.stderr}")
    usage, options = r.stdout.split("\nOptions:\n", 1)
    long_of = dict(re.findall(r"^\s+(-\w), (--[a-z-]+)", options, re.M))
    synopsis, name = {}, None
    for line in usage.splitlines()[1:]:
        m = re.match(r"  socscope ([a-z][a-z-]*)(?: (.*))?$", line)
        if m:
            name = m.group(1)
            synopsis[name] = m.group(2) or ""
        elif line.startswith("  socscope") or not line.strip():
            name = None
        elif name:
            synopsis[name] += " " + line.strip()
    table = {}
    for name, text in synopsis.items():
        opts = sorted({long_of.get(o, o) for o in re.findall(r"\[(--?[a-z][a-z-]*)", text)})
        fmt = re.search(r"--format ([a-z|]+)", text)
        table[name] = (opts, fmt.group(1).split("|") if fmt else [])
    every_option = sorted(set(re.findall(r"--[a-z][a-z-]*", options)))
    return table, every_option


def table_cases():
    """What the completions must offer by the table: every command; each
    command's options and no other (with no command, the interview's); each
    command's formats and no other."""
    table, every_option = table_from_help()
    # A --help that lost the table must not make every case vacuous.
    if not {"interview", "evaluate"} <= set(table):
        raise AssertionError(f"no table of commands in socscope --help: {sorted(table)}")
    cases = [("socscope ", sorted(table), [])]
    every_format = sorted({f for _, fmts in table.values() for f in fmts})
    for name, (opts, fmts) in table.items():
        others = [o for o in every_option if o not in opts and o not in ("--help", "--version")]
        cases.append((f"socscope {name} --", opts + ["--help"], others))
        if name == "interview":
            cases.append(("socscope --", opts + ["--help", "--version"], others))
        if fmts:
            cases.append((f"socscope {name} --format ", fmts,
                          [f for f in every_format if f not in fmts]))
    return cases


def sandbox():
    """A HOME with two saved sessions and no other data, the binary first on
    PATH under the name 'socscope'."""
    tmp = tempfile.mkdtemp(prefix="socscope-completion-")
    bindir = os.path.join(tmp, "bin")
    os.makedirs(bindir)
    os.symlink(BIN, os.path.join(bindir, "socscope"))
    sessions = os.path.join(tmp, "state", "socscope", "sessions")
    os.makedirs(sessions)
    for name in ("acme-payroll-ltd", "zenith-hosting"):
        with open(os.path.join(sessions, name + ".yaml"), "w", encoding="utf-8") as f:
            f.write("socscope: 1\nquestionnaire: soc-scoping\nanswers: {}\n")
    env = {
        "PATH": bindir + ":" + os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": tmp,
        "XDG_STATE_HOME": os.path.join(tmp, "state"),
        "XDG_DATA_HOME": os.path.join(tmp, "data"),
        "XDG_DATA_DIRS": os.path.join(tmp, "none"),
        "SOCSCOPE_DATA_DIR": os.path.join(tmp, "none"),
        "LANG": "C.UTF-8",
        "TERM": "dumb",
    }
    for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
        if k in os.environ:
            env[k] = os.environ[k]
    return tmp, env


BASH_DRIVER = r'''
source "$BASH_COMPLETION" || exit 3
source "$COMP/socscope.bash" || exit 3
read -r -a COMP_WORDS <<< "$LINE"
[[ $LINE == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE=$LINE
COMP_POINT=${#LINE}
COMPREPLY=()
_socscope socscope "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
'''


def complete_bash(line, env, tmp):
    main = "/usr/share/bash-completion/bash_completion"
    if not os.path.exists(main):
        sys.exit("bash-completion is not installed (needed to load the bash completion)")
    r = subprocess.run(["bash", "--norc", "--noprofile", "-c", BASH_DRIVER],
                       env={**env, "LINE": line, "COMP": COMP,
                            "BASH_COMPLETION": main},
                       capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise AssertionError(f"bash failed ({r.returncode}): {r.stderr}")
    return r.stdout.split()


def complete_fish(line, env, tmp):
    script = f"source {COMP}/socscope.fish; complete -C {quote_fish(line)}"
    r = subprocess.run(["fish", "--no-config", "-c", script], env=env,
                       capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise AssertionError(f"fish failed ({r.returncode}): {r.stderr}")
    # Each line is "candidate<TAB>description".
    return [l.split("\t")[0] for l in r.stdout.splitlines()]


def quote_fish(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


# zsh offers candidates only inside a completion widget, so an interactive
# zsh in a pseudo-terminal is given the line and a Tab; a compadd wrapper
# writes every candidate it adds to a file.
ZSH_SETUP = r'''
fpath=("$COMP" $fpath)
autoload -Uz compinit && compinit -u -d "$HOME/.zcompdump"
compadd() {
  # Calls that only collect matches into arrays add nothing: pass them on.
  if [[ ${(j: :)@} == *(-O|-A|-D)* ]]; then
    builtin compadd "$@"
    return
  fi
  local -a __got
  builtin compadd -A __got "$@"
  print -rl -- $__got >> "$CAPTURE"
  builtin compadd "$@"
}
PROMPT='%% '
'''


def complete_zsh(line, env, tmp):
    import pexpect
    capture = os.path.join(tmp, "zsh-capture")
    if os.path.exists(capture):
        os.unlink(capture)
    rc = os.path.join(tmp, "zdot")
    os.makedirs(rc, exist_ok=True)
    with open(os.path.join(rc, ".zshrc"), "w", encoding="utf-8") as f:
        f.write(ZSH_SETUP)
    child = pexpect.spawn("zsh", ["-i"], env={**env, "ZDOTDIR": rc, "COMP": COMP,
                                              "CAPTURE": capture, "TERM": "xterm"},
                          encoding="utf-8", timeout=30, dimensions=(40, 200))
    try:
        child.expect_exact("% ")
        child.send(line + "\t")
        # Wait until the widget has written its candidates and gone quiet.
        deadline = time.time() + 20
        size = -1
        while time.time() < deadline:
            time.sleep(0.3)
            now = os.path.getsize(capture) if os.path.exists(capture) else -1
            if now >= 0 and now == size:
                break
            size = now
        child.sendcontrol("c")
        child.sendline("exit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    if not os.path.exists(capture):
        return []
    with open(capture, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip()]


def main():
    if not shutil.which(SHELL):
        print(f"{SHELL} is not installed: skipped")
        sys.exit(77)
    complete = {"bash": complete_bash, "zsh": complete_zsh,
                "fish": complete_fish}[SHELL]
    cases = table_cases() + CASES
    tmp, env = sandbox()
    failed = 0
    try:
        for line, want, unwanted in cases:
            got = complete(line, env, tmp)
            missing = [w for w in want if w not in got]
            extra = [w for w in unwanted if w in got]
            ok = not missing and not extra
            print(f"{'ok  ' if ok else 'FAIL'} {SHELL}: {line!r} -> {sorted(set(got))}")
            if missing:
                print(f"     missing: {missing}")
            if extra:
                print(f"     should not offer: {extra}")
            failed += not ok
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(cases) - failed} of {len(cases)} completions as expected")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
