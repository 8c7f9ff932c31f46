/* The worked examples: answers files in questionnaires/examples/, each a
 * realistic organization for trainers to open and change.  They are found
 * like questionnaires (the data directories' questionnaires/examples/, then
 * the copies compiled into the binary), and they are only ever read:
 * opening one makes a copy in the sessions directory. */
#ifndef SOCSCOPE_EXAMPLES_H
#define SOCSCOPE_EXAMPLES_H

#include "socscope/answers.h"

struct sc_example_info {
	char *name;          /* "payroll-bureau": the file name without ".yaml" */
	/* The first paragraph of the file's opening comment ("A payroll
	 * bureau: SOC 1 Type II and SOC 2 Type II."); "" when none. */
	char *description;
	char *client;        /* the client it names; "" when none */
	char *questionnaire; /* the questionnaire id it answers; "" unknown */
	char *path;          /* the file on disk; NULL for the compiled-in copy */
};

/* Every example, by name, each name once (the first in lookup order wins).
 * Returns the count; *out is malloc'd (free with sc_example_infos_free). */
size_t
sc_examples_list(struct sc_example_info **out);
void
sc_example_infos_free(struct sc_example_info *v, size_t n);

/* Load example `name` into `a` (for a->q).  SC_ENOINPUT with a message when
 * there is no such example; SC_EDATA with FILE:LINE:COL diagnostics when it
 * does not fit the questionnaire. */
enum sc_status
sc_example_load(struct sc_answers *a, const char *name, struct sc_diags *d);

/* Open example `name` on a copy: a new answers file in `dir` named after it
 * (NAME.yaml, or NAME-2.yaml, NAME-3.yaml ... when taken; never an existing
 * file), mode 0600, holding the example's answers, notes and client.
 * Returns the new file's path (caller frees), or NULL with *st set and the
 * problem in `d`: as sc_example_load, or SC_ECANTCREAT / SC_EIO when the
 * copy cannot be written. */
char *
sc_example_copy(const struct sc_questionnaire *q, const char *name,
                const char *dir, struct sc_diags *d, enum sc_status *st);

#endif
