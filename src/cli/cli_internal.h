/* What the commands in src/cli/ share: checking options, loading what a
 * command names (load.c) and writing what it makes (output.c).  Commands
 * print their own messages, results to stdout and problems to stderr, and
 * return exit codes from contract.md. */
#ifndef SOCSCOPE_CLI_INTERNAL_H
#define SOCSCOPE_CLI_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>

#include "cli.h"
#include "socscope/answers.h"
#include "socscope/catalogue.h"
#include "socscope/common.h"
#include "socscope/diag.h"
#include "socscope/questionnaire.h"

#define SC_DEFAULT_QUESTIONNAIRE "soc-scoping"

/* Options that only some commands take are usage errors elsewhere: the
 * interview's own (-a, --client, --theme, --plain, --ascii, --example)
 * unless `interview`, --format and --output unless `output`.  0, or 64
 * after saying so. */
int
sc_cli_check_options(const struct sc_cli_args *a, bool interview, bool output);

/* load.c ----------------------------------------------------------------- */

/* Load a questionnaire by name (data directories, then the bundled copy) or
 * by path; NULL = the default.  NULL on failure, with the problems printed
 * to `err` and *code set to the exit code. */
struct sc_questionnaire *
sc_cli_load_questionnaire(const char *name, FILE *err, int *code);

/* Load an answers file with the questionnaire it names (or `qname`); on
 * failure prints the problems and returns the exit code, with *qout and
 * *aout NULL. */
int
sc_cli_load_answers(const char *path, const char *qname,
                    struct sc_questionnaire **qout, struct sc_answers **aout);
/* The same, and on failure *problem (when not NULL) gets the first problem
 * as one line, "FILE:LINE:COL: message" (caller frees). */
int
sc_cli_load_answers_first(const char *path, const char *qname,
                          struct sc_questionnaire **qout,
                          struct sc_answers **aout, char **problem);

/* Answers saved under an older version of `q` are read through its
 * migrations: say so on stderr in one line, "socscope: PATH: saved under
 * questionnaire 2.0 and read as 3.0: ...", without touching what the
 * command writes to stdout or its exit code.  Nothing for answers saved
 * under q's own version. */
void
sc_cli_note_migrated(const char *path, const struct sc_questionnaire *q,
                     const struct sc_answers *a);

/* Load an evidence catalogue by name (data directories, then the bundled
 * copy) or path; NULL = the bundled one.  NULL (problems printed, *code
 * set) on failure. */
struct sc_catalogue *
sc_cli_load_catalogue(const char *name, FILE *err, int *code);

/* Open worked example `name` on a copy: a new session file named after it
 * in the sessions directory.  Returns its path (caller frees), or NULL with
 * the problem printed to `err` and *code set to the exit code. */
char *
sc_cli_example_copy(const struct sc_questionnaire *q, const char *name,
                    FILE *err, int *code);

/* The questionnaire id worked example `name` answers; NULL when there is
 * no such example or it names none.  Caller frees. */
char *
sc_cli_example_questionnaire(const char *name);

/* output.c --------------------------------------------------------------- */

/* Print diagnostics to `err`. */
void
sc_cli_print_diags(const struct sc_diags *d, FILE *err);

/* Say on stderr that `path` could not be written: "socscope: PATH: why",
 * naming the path once even when `why` (from fsutil, may be NULL) starts
 * with it. */
void
sc_cli_print_write_error(const char *path, const char *why);

/* The width to wrap text output to: the terminal's when `fd` is one (at
 * least 20 columns), else 0 (the renderer's default). */
int
sc_cli_terminal_width(int fd);

/* Write `out` (the `what`, for the message) to `path` as -o does (a file
 * atomically with mode 0600, through a link to its target, into a device)
 * or to stdout when NULL; returns the exit code. */
int
sc_cli_write_output(const char *path, const struct sc_buf *out,
                    const char *what);

#endif
