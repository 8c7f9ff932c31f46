/* What a questionnaire declares about its results besides the rules'
 * reports (private to src/core): its outcomes and the rules that propose
 * them, the answers the reports show at their top, when the next review is
 * due, its disclaimer, and the {{question_id}} placeholders in the texts
 * of its rules (format in questionnaires/README.md, "Outcomes" and "The
 * report").
 *
 * The loader (questionnaire.c) takes rules one at a time and frees their
 * part of the tree, while the outcomes may come after the rules and the
 * questions after the texts that name them; so it notes what must be
 * checked as it goes (struct qr_pending) and qr_finish settles everything
 * once the whole file is read. */
#ifndef SOCSCOPE_QRECORD_H
#define SOCSCOPE_QRECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "socscope/questionnaire.h"
#include "socscope/yamltree.h"

/* A rule's `outcome:`, resolved once the outcomes are known. */
struct qr_outcome_ref {
	size_t rule;
	char *id;
	int line, col;
};

/* A rule text holding "{{", checked once the questions are known. */
enum qr_field { QR_BECAUSE, QR_NEXT_STEP, QR_ADVICE, QR_SCOPE, QR_DECISION };
struct qr_text_ref {
	size_t rule;
	enum qr_field field;
	size_t item; /* QR_SCOPE: the index in the rule's scope_texts */
	struct sc_yspot spot;
};

struct qr_pending {
	struct qr_outcome_ref *outs;
	size_t nouts;
	struct qr_text_ref *texts;
	size_t ntexts;
};

/* Note rule `rule`'s `outcome:` node (checked to be an id here). */
void
qr_rule_outcome(struct qr_pending *p, size_t rule, const struct sc_ynode *n,
                const char *file, struct sc_diags *d);
/* Note where the texts of rule `rule` (the mapping `map`) hold "{{". */
void
qr_rule_texts(struct qr_pending *p, size_t rule, const struct sc_ynode *map);
/* Read `outcomes`, `header`, `next_review` and `disclaimer` from the root
 * mapping, resolve the rules' outcomes, check every placeholder, and set
 * q->recommends.  The questions must be loaded and indexed. */
void
qr_finish(struct sc_questionnaire *q, const struct sc_ynode *root,
          struct qr_pending *p, const char *file, struct sc_diags *d);
void
qr_pending_fini(struct qr_pending *p);
/* Free what qr_finish put in q. */
void
qr_free(struct sc_questionnaire *q);

/* The next placeholder in `text` at or after byte `from`: *at is where its
 * "{{" starts and *len its length up to and including "}}" (0 when it is
 * not closed); *id and *idlen the name inside, spaces trimmed.  False when
 * there is none. */
bool
qr_placeholder_next(const char *text, size_t from, size_t *at, size_t *len,
                    const char **id, size_t *idlen);

#endif
