/* Questionnaire versions and the migrations between them.
 *
 * A questionnaire declares, under `migrations:`, how answers saved under an
 * older version read in a newer one (format in questionnaires/README.md,
 * "Migrations"): a question renamed, a choice renamed or withdrawn, a
 * single choice that became a check list, a number of months that became a
 * date, a question retired (its answer kept as a note), questions added.
 * Loading an answers file saved under an older version applies the chain of
 * migrations from that version to the questionnaire's own, in memory; what
 * changed is kept beside the answers (struct sc_migrated) for the front ends
 * to say, and the file itself changes only when the answers are saved (the
 * original is kept beside it, see sc_answers_save_file). */
#ifndef SOCSCOPE_MIGRATE_H
#define SOCSCOPE_MIGRATE_H

#include <stdbool.h>
#include <stddef.h>

#include "socscope/common.h"
#include "socscope/diag.h"

struct sc_questionnaire;
struct sc_ynode;
struct sc_eval;

/* What one old value becomes. */
enum sc_mvalue_kind {
	SC_MV_VALUE, /* another value of the same question */
	SC_MV_DROP,  /* no answer any more; the old value is kept as a note */
	SC_MV_SET,   /* answers to other questions (the old one is dropped) */
};

/* An answer a migration gives another question (or the same one).  Values
 * are as an answers file writes them; "--MM-DD" for a date question is that
 * day in the year the answers were saved.  A list (for a check list) adds
 * its choices to those the question has. */
struct sc_mset {
	char *question;
	char **values;
	size_t nvalues;
	bool list;
};

struct sc_mvalue {
	char *from;
	enum sc_mvalue_kind kind;
	char *to;            /* SC_MV_VALUE */
	struct sc_mset *set; /* SC_MV_SET */
	size_t nset;
	int line, col;
};

enum sc_mconvert {
	SC_MC_NONE,
	SC_MC_MONTHS_BEFORE_SAVED, /* N -> last day of the month N months
	                            * before the answers were saved */
	SC_MC_MONTHS_AFTER_SAVED,  /* N -> last day of the month N months after */
};

/* One change to one question of the older version, applied in this
 * order: also, values, to_list, convert, rename, copy, retire. */
struct sc_mchange {
	char *question;     /* its id in the older version */
	char *text;         /* its text there, for notes (may be NULL) */
	struct sc_mvalue *values;
	size_t nvalues;
	bool to_list;
	enum sc_mconvert convert;
	struct sc_mset *also; /* when it has an answer, answer these too */
	size_t nalso;
	char *rename;       /* its id in the newer version, or NULL */
	char **copy;        /* more questions that take the same answer */
	size_t ncopy;
	bool retire;
	char *note_on;      /* retire: the question that keeps the old answer
	                     * as a note */
	int line, col;
};

struct sc_migration {
	char *from, *to; /* versions */
	struct sc_mchange *changes;
	size_t nchanges;
	char **added;    /* questions new in `to` that older answers leave open */
	size_t nadded;
	int line, col;
};

/* Read the `migrations:` list of questionnaire q (whose questions are
 * loaded and indexed) from `list`, checking it against q: every id a
 * migration gives a question in the newest version must be one of q's
 * questions of the right kind, every choice id it gives one of its
 * choices, and the versions must chain up to q->version.  Problems go to
 * `d` as FILE:LINE:COL. */
void
sc_migrations_parse(struct sc_questionnaire *q, const struct sc_ynode *list,
                    const char *file, struct sc_diags *d);
void
sc_migrations_free(struct sc_migration *m, size_t n);

/* The migrations to apply, in order, to answers saved under `version`:
 * returns how many (*out points into q->migrations' order, through
 * `idx`), 0 when version is q's own, and SIZE_MAX when no chain leads from
 * it to q->version.  idx has room for q->nmigrations entries. */
size_t
sc_migration_chain(const struct sc_questionnaire *q, const char *version,
                   size_t *idx);

/* What a migration did to one answers set. */
struct sc_migrated {
	char *from, *to;   /* versions */
	char **carried;    /* question ids (newest version) whose answers were
	                    * carried over in a new form */
	size_t ncarried;
	char **retired;    /* older question ids whose answers became notes */
	size_t nretired;
	char **added;      /* newest question ids the older answers leave open */
	size_t nadded;
	char **assumed;    /* sentences: what a conversion assumed ("the
	                    * deadline: 4 months after the session was saved
	                    * on 2026-11-28, taken as 2027-03-31") */
	size_t nassumed;
	bool kept;         /* the original file was kept beside the session */
	char *kept_path;
};

void
sc_migrated_free(struct sc_migrated *m);
struct sc_migrated *
sc_migrated_clone(const struct sc_migrated *m);

/* "Saved under questionnaire 2.0 and read as 3.0: 3 answers carried over
 * in a new form, 2 new questions to answer, 1 question retired (its answer
 * is kept as a note)."  New questions count only while shown and
 * unanswered under `ev` (NULL: all of them).  Appends to `out`. */
void
sc_migrated_summary(const struct sc_migrated *m,
                    const struct sc_questionnaire *q, struct sc_eval *ev,
                    struct sc_buf *out);

#endif
