/* Answers to a questionnaire, with notes and metadata, in the contract's
 * YAML format.  Saving is atomic (temporary file in the same directory,
 * fsync, rename, fsync of the directory) with mode 0600. */
#ifndef SOCSCOPE_ANSWERS_H
#define SOCSCOPE_ANSWERS_H

#include "socscope/diag.h"
#include "socscope/questionnaire.h"
#include "socscope/value.h"

/* Human text: "Yes", "No", "Unsure", a choice's label, labels joined by ", ",
 * a number without needless decimals, the text itself; "" when unanswered. */
void
sc_answer_format(const struct sc_question *qn, const struct sc_answer *a,
                 struct sc_buf *out);

/* Who will close a gap, and by when: set by the consultant for each gap the
 * results list, kept in the answers file under `actions`, shown in every
 * format. */
struct sc_action {
	char *gap;    /* a gap id of the questionnaire */
	char *owner;  /* NULL when none */
	bool has_due;
	long due;     /* sc_day */
};

struct sc_answers {
	const struct sc_questionnaire *q;
	struct sc_answer *v; /* one per question, by index */
	char **notes;        /* one per question; NULL = no note */
	char *client;        /* metadata; NULL when absent */
	char *assessor;
	char *firm;          /* the assessor's firm, shown on reports */
	char *updated;       /* ISO 8601 UTC, set on save */
	char *questionnaire_version; /* as read from a file */
	/* What reading it under a newer questionnaire changed
	 * (socscope/migrate.h); NULL when it was saved under this one. */
	struct sc_migrated *migrated;
	struct sc_action *actions; /* in the order they were set */
	size_t nactions;
};

struct sc_answers *
sc_answers_new(const struct sc_questionnaire *q);
void
sc_answers_free(struct sc_answers *a);
/* A deep copy of `a` (answers, notes and metadata) for the same
 * questionnaire; changing either leaves the other as it was.  NULL for
 * NULL. */
struct sc_answers *
sc_answers_clone(const struct sc_answers *a);
/* Do `a` and `b` (of one questionnaire) hold the same answers, notes, client,
 * assessor and firm?  `updated` and the version read from a file do not count:
 * they say when and against what it was saved, not what it says. */
bool
sc_answers_same(const struct sc_answers *a, const struct sc_answers *b);

/* Setters validate against the question and return false (changing nothing)
 * when the value does not fit: wrong type, unknown choice, out of range,
 * too long, invalid UTF-8. */
bool
sc_answers_set(struct sc_answers *a, size_t question, const struct sc_answer *v);
void
sc_answers_unset(struct sc_answers *a, size_t question);
void
sc_answers_set_note(struct sc_answers *a, size_t question, const char *note);
/* NULL or empty clears. */

/* The action recorded for gap `gap`, or NULL. */
const struct sc_action *
sc_answers_action(const struct sc_answers *a, const char *gap);
/* Set (or, with no owner and no date, clear) the owner and due date of gap
 * `gap`; false, changing nothing, when the questionnaire raises no such gap
 * or the owner is not valid text of at most 200 characters.  `due` NULL:
 * no date. */
bool
sc_answers_set_action(struct sc_answers *a, const char *gap,
                      const char *owner, const long *due);
/* Read "Dana Lee, 2027-01-31", "Dana Lee", "2027-01-31" or "" (which
 * clears) as typed for a gap: a date after the last comma (or alone) is
 * the due date.  Sets *owner (NULL when none; the caller frees it),
 * *has_due and *due; false with *err (the caller frees it) when what
 * looks like the date is not one. */
bool
sc_action_parse(const char *text, char **owner, bool *has_due, long *due,
                char **err);
/* Does some rule of q raise a gap with this id? */
bool
sc_questionnaire_has_gap(const struct sc_questionnaire *q, const char *gap);

/* Read only the `questionnaire:` id of an answers file (to pick the
 * questionnaire before loading).  Returns NULL with diagnostics on failure. */
char *
sc_answers_peek_questionnaire(const char *path, struct sc_diags *d,
                              enum sc_status *st);

/* Load an answers file for a.q, replacing a's contents.  Unknown question
 * ids, wrong value types, unknown choices, a different questionnaire id and
 * malformed metadata are SC_EDATA with FILE:LINE:COL diagnostics; an
 * unreadable file is SC_ENOINPUT.  A file saved under an older version of
 * the questionnaire is migrated in memory when the questionnaire declares
 * how (a->migrated then says what changed); the file is not touched. */
enum sc_status
sc_answers_load_file(struct sc_answers *a, const char *path,
                     struct sc_diags *d);
enum sc_status
sc_answers_load_buffer(struct sc_answers *a, const char *name,
                       const char *buf, size_t len, struct sc_diags *d);

/* Serialise to the contract's YAML (all answers, including those to
 * questions currently hidden, so nothing is lost). */
void
sc_answers_to_yaml(const struct sc_answers *a, struct sc_buf *out);
/* Set a->updated to now and save atomically with mode 0600.  On failure
 * returns SC_ECANTCREAT or SC_EIO and sets *err to a message (caller frees).
 * The first save of migrated answers first keeps the file as it was saved
 * under the older version beside it, as PATH.v<version> (a hard link, or a
 * copy where links cannot be made), unless one is there already; a->migrated
 * ->kept_path then names it. */
enum sc_status
sc_answers_save_file(struct sc_answers *a, const char *path, char **err);

#endif
