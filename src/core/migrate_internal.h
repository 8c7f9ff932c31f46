/* Applying migrations to answers as they are read (private to src/core:
 * answers.c reads the file, migrate.c changes what it read).
 *
 * The answers and notes of a file saved under an older questionnaire are
 * first collected as they stand, untyped: an id, the YAML value and its
 * place in the file.  The migrations then rename, remap and convert them;
 * a value they make is a YAML node of their own, placed where the old value
 * was, so that whatever still does not fit is reported at the line and
 * column of the answer the user saved. */
#ifndef SOCSCOPE_MIGRATE_INTERNAL_H
#define SOCSCOPE_MIGRATE_INTERNAL_H

#include "socscope/date.h"
#include "socscope/migrate.h"
#include "socscope/yamltree.h"

struct mig_raw {
	char *id;                   /* the question, in the version reached */
	const struct sc_ynode *val; /* its answer; NULL when only noted */
	const struct sc_ynode *pos; /* where the answer (or the note) was */
	char *note;                 /* its note, or NULL */
	bool changed;               /* a migration changed its id or form */
};

struct mig_state {
	const char *file;
	struct sc_diags *d;
	struct mig_raw *v;
	size_t n, cap;
	struct sc_ynode **made; /* nodes the migrations made, to free */
	size_t nmade, capmade;
	sc_day saved;      /* when the answers were saved */
	bool saved_known;  /* false: `updated` was missing, today is used */
	struct sc_migrated *rep;
};

/* Add an entry read from the file (id and note are copied). */
void
mig_add(struct mig_state *st, const char *id, const struct sc_ynode *val,
        const struct sc_ynode *pos, const char *note);
/* Apply the migrations q->migrations[chain[0..n)] in order; st->rep gets
 * what they did.  Returns false when a value fits neither the older form
 * nor the newer one (reported). */
bool
mig_apply(const struct sc_questionnaire *q, const size_t *chain, size_t n,
          struct mig_state *st);
void
mig_fini(struct mig_state *st);

#endif
