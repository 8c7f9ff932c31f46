/* The command line as main sees it: the options read from it, and the one
 * table of commands that main dispatches through, `socscope --help` prints
 * its synopsis from, and the shell completions are tested against (through
 * that --help, tests/completion/).  A new command is one entry in
 * SC_CLI_COMMANDS, its file src/cli/NAME.c, and that file in
 * src/cli/meson.build. */
#ifndef SOCSCOPE_CLI_H
#define SOCSCOPE_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* What the command line said.  Options may stand anywhere on it; the first
 * operand is the command.  The strings point into argv. */
struct sc_cli_args {
	const char *command; /* NULL: none given (the interview) */
	const char *questionnaire, *answers, *client, *theme, *format, *output;
	const char *example;
	/* evaluate: who prepared the report, and the HTML's own look. */
	const char *assessor, *firm, *stylesheet, *logo;
	bool plain, ascii, help, version;
	char **rest; /* the operands after the command */
	int nrest;
};

/* The commands, in the order --help lists them:
 * X(NAME, FUNCTION, SYNOPSIS, SUMMARY).  FUNCTION checks the options and
 * operands it was given and runs the command, returning the exit code
 * (contract.md).  SYNOPSIS is what follows "socscope NAME"; SUMMARY says
 * what the command does (NULL: the synopsis says enough).  A '\n' in
 * either goes on, indented, on the next line of --help. */
#define SC_CLI_COMMANDS(X)                                                     \
	X("interview", sc_cmd_interview,                                       \
	  "[-q QUESTIONNAIRE] [-a ANSWERS] [--client NAME]\n"                  \
	  "[--theme THEME] [--plain] [--ascii] [--example NAME]",              \
	  NULL)                                                                \
	X("evaluate", sc_cmd_evaluate,                                         \
	  "ANSWERS [-q QUESTIONNAIRE]\n"                                       \
	  "[--format text|markdown|html|json|csv] [-o FILE]\n"                 \
	  "[--assessor NAME] [--firm NAME]\n"                                  \
	  "[--stylesheet FILE] [--logo FILE]",                                 \
	  NULL)                                                                \
	X("compare", sc_cmd_compare,                                           \
	  "A B [-q QUESTIONNAIRE]\n"                                           \
	  "[--format text|markdown|html|json] [-o FILE]",                      \
	  "what differs between two answers files,\n"                          \
	  "saved sessions or worked examples, and why")                        \
	X("evidence", sc_cmd_evidence,                                         \
	  "ANSWERS [-q QUESTIONNAIRE]\n"                                       \
	  "[--format markdown|csv|html|json] [-o FILE]",                       \
	  "the evidence a CPA firm will ask for")                              \
	X("portfolio", sc_cmd_portfolio,                                       \
	  "[ANSWERS...] [-q QUESTIONNAIRE]\n"                                  \
	  "[--format text|csv|json] [-o FILE]",                                \
	  "one line per client (default: saved sessions)")                     \
	X("validate", sc_cmd_validate,                                         \
	  "FILE...",                                                           \
	  "check questionnaires, themes, evidence\n"                           \
	  "catalogues or answers files")                                       \
	X("list", sc_cmd_list,                                                 \
	  "[questionnaires|themes|examples|sessions]",                         \
	  "questionnaires, themes, examples and saved\n"                       \
	  "sessions (with a kind: just the names)")

#define SC_CLI_DECLARE(name, fn, synopsis, summary)                            \
	int fn(const struct sc_cli_args *a);
SC_CLI_COMMANDS(SC_CLI_DECLARE)
#undef SC_CLI_DECLARE

struct sc_cli_command {
	const char *name;
	int (*run)(const struct sc_cli_args *a);
	const char *synopsis;
	const char *summary; /* NULL: none */
};

/* SC_CLI_COMMANDS as an array of sc_cli_ncommands entries. */
extern const struct sc_cli_command sc_cli_commands[];
extern const size_t sc_cli_ncommands;

/* The command called `name`, or NULL. */
const struct sc_cli_command *
sc_cli_command_find(const char *name);

/* Read argv into `a` (zeroed by the caller).  0, or the exit code of a
 * usage error after saying what is wrong on stderr. */
int
sc_cli_parse(int argc, char **argv, struct sc_cli_args *a);

/* Print the usage to `out`: the commands' synopses from the table, the
 * options, the exit codes.  Returns the exit code (74 when it could not be
 * written). */
int
sc_cli_help(FILE *out);

/* Say "socscope: " and `fmt` (one %s, filled with `what`) on stderr,
 * point to --help, and return 64. */
int
sc_cli_usage_error(const char *fmt, const char *what);

#endif
