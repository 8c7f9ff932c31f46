/* The commands behind main: loading named data, evaluate, validate, list.
 * Each returns a process exit code (contract.md) and prints its own
 * messages: results to stdout, problems to stderr. */
#ifndef SOCSCOPE_CLI_H
#define SOCSCOPE_CLI_H

#include <stdio.h>

#include "socscope/questionnaire.h"
#include "socscope/report.h"

#define SC_DEFAULT_QUESTIONNAIRE "soc-scoping"

/* Load a questionnaire by name (data directories, then the bundled copy) or
 * by path.  NULL on failure, with the problems printed to `err` and *code
 * set to the exit code. */
struct sc_questionnaire *
sc_cli_load_questionnaire(const char *name, FILE *err, int *code);

/* Print diagnostics to `err`. */
void
sc_cli_print_diags(const struct sc_diags *d, FILE *err);

/* Say on stderr that `path` could not be written: "socscope: PATH: why",
 * naming the path once even when `why` (from fsutil, may be NULL) starts
 * with it. */
void
sc_cli_print_write_error(const char *path, const char *why);

struct sc_evaluate_opts {
	const char *answers;       /* the answers file */
	const char *questionnaire; /* -q; NULL = the one the answers name */
	enum sc_format format;
	const char *output;        /* -o; NULL = stdout */
};

int
sc_cmd_evaluate(const struct sc_evaluate_opts *o);

/* Load an answers file with the questionnaire it names (or `qname`); on
 * failure prints the problems and returns the exit code. */
int
sc_cli_load_answers(const char *path, const char *qname,
                    struct sc_questionnaire **qout, struct sc_answers **aout);
/* Load an evidence catalogue by name (data directories, then the bundled
 * copy) or path; NULL (problems printed, *code set) on failure. */
struct sc_catalogue *
sc_cli_load_catalogue(const char *name, FILE *err, int *code);
/* Write `out` (the `what`, for the message) to `path` as -o does (a file
 * atomically with mode 0600, through a link to its target, into a device)
 * or to stdout when NULL; returns the exit code. */
int
sc_cli_write_output(const char *path, const struct sc_buf *out,
                    const char *what);

/* socscope evidence ANSWERS: the evidence request list (cmd_evidence.c). */
int
sc_cmd_evidence(const struct sc_evaluate_opts *o);

/* socscope portfolio [ANSWERS...]: one row per client (cmd_portfolio.c);
 * with no files, every saved session. */
struct sc_portfolio_opts {
	char **files;
	int nfiles;
	const char *questionnaire; /* -q; NULL = the one each file names */
	enum sc_format format;     /* text, csv or json */
	const char *output;
};
int
sc_cmd_portfolio(const struct sc_portfolio_opts *o);
int
sc_cmd_validate(char **files, int nfiles);
int
sc_cmd_list(void);

/* list KIND: the names of one kind ("questionnaires", "themes",
 * "examples", "sessions"), one per line, sorted; for scripts and shell
 * completion. */
bool
sc_list_kind_valid(const char *kind);
int
sc_cmd_list_names(const char *kind);

struct sc_compare_opts {
	const char *a, *b;         /* answers files or saved session names */
	const char *questionnaire; /* -q; NULL = the one A names */
	enum sc_format format;     /* text, markdown, html or json */
	const char *output;        /* -o; NULL = stdout */
};

int
sc_cmd_compare(const struct sc_compare_opts *o);

/* Open worked example `name` on a copy: a new session file named after it
 * in the sessions directory.  Returns its path (caller frees), or NULL with
 * the problem printed to `err` and *code set to the exit code. */
char *
sc_cli_example_copy(const struct sc_questionnaire *q, const char *name,
                    FILE *err, int *code);

#endif
