/* Which changed answer moved which conclusion, when several answers
 * differ between two sessions (the saved answers and what-if's).  The
 * core's comparison names, for each conclusion that differs, every
 * differing answer its rules read; with several changes that can name an
 * answer whose change, on its own, moves nothing.  Here each changed
 * answer is tried both ways, with the core's own comparison of the
 * results (sc_diff_new), so the attribution says what the answers do:
 *   - alone: the saved answers with only this one changed;
 *   - without: the what-if answers with only this one put back.
 * A conclusion is put down to an answer when either way moves it; one
 * that no single answer moves (answers that only move it together) is
 * put down to the changes together.  No curses, no drawing. */
#ifndef SOCSCOPE_TUI_ATTR_H
#define SOCSCOPE_TUI_ATTR_H

#include <stdbool.h>
#include <stddef.h>

#include "socscope/compare.h"
#include "socscope/engine.h"

struct tui_attr {
	struct sc_diff *df;   /* a (saved) compared with b (what-if) */
	size_t *changed;      /* questions whose stored answers differ */
	size_t nchanged;
	/* moves[c * df->nitems + k]: changed answer c moves item k. */
	bool *moves;
	bool *together;       /* per item: no single answer moves it */
};

/* Compare answers `a` (evaluated by `ea`) with `b` (by `eb`), of
 * questionnaire `q`, and attribute each difference.  Free with
 * tui_attr_free. */
struct tui_attr *
tui_attr_new(const struct sc_questionnaire *q, const struct sc_answers *a,
             struct sc_eval *ea, const struct sc_answers *b,
             struct sc_eval *eb);
void
tui_attr_free(struct tui_attr *t);
/* Does changed answer c (an index into t->changed) move item k? */
bool
tui_attr_moves(const struct tui_attr *t, size_t c, size_t k);

#endif
