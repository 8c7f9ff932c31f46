/* Attributing each difference to the answers that make it (attr.h). */
#include "attr.h"

#include <stdlib.h>
#include <string.h>

#include "socscope/answers.h"

static const struct sc_diff_opts labels = {.label_a = "saved",
                                           .label_b = "what-if"};

/* Does `df` hold a difference of the same conclusion as `it`? */
static bool
has_item(const struct sc_diff *df, const struct sc_diff_item *it)
{
	for (size_t k = 0; k < df->nitems; k++)
		if (df->items[k].kind == it->kind &&
		    !strcmp(df->items[k].id, it->id))
			return true;
	return false;
}

/* `base` with question i's answer taken from `from`. */
static struct sc_answers *
with_answer(const struct sc_answers *base, const struct sc_answers *from,
            size_t i)
{
	struct sc_answers *x = sc_answers_clone(base);
	if (from->v[i].type == SC_A_NONE)
		sc_answers_unset(x, i);
	else
		sc_answers_set(x, i, &from->v[i]);
	return x;
}

/* The items of t->df that comparing `lo` with `hi` also finds. */
static void
mark(struct tui_attr *t, size_t c, const struct sc_questionnaire *q,
     const struct sc_answers *lo, const struct sc_answers *hi)
{
	struct sc_eval *elo = sc_eval_new(q, lo), *ehi = sc_eval_new(q, hi);
	struct sc_diff *d = sc_diff_new(q, lo, elo, hi, ehi, &labels);
	for (size_t k = 0; k < t->df->nitems; k++)
		if (has_item(d, &t->df->items[k]))
			t->moves[c * t->df->nitems + k] = true;
	sc_diff_free(d);
	sc_eval_free(elo);
	sc_eval_free(ehi);
}

struct tui_attr *
tui_attr_new(const struct sc_questionnaire *q, const struct sc_answers *a,
             struct sc_eval *ea, const struct sc_answers *b,
             struct sc_eval *eb)
{
	struct tui_attr *t = sc_xcalloc(1, sizeof *t);
	t->df = sc_diff_new(q, a, ea, b, eb, &labels);
	t->changed = sc_xcalloc(q->nquestions + 1, sizeof *t->changed);
	for (size_t i = 0; i < q->nquestions; i++)
		if (!sc_answer_equal(&a->v[i], &b->v[i]))
			t->changed[t->nchanged++] = i;
	size_t ni = t->df->nitems;
	t->moves = sc_xcalloc(t->nchanged * ni + 1, sizeof *t->moves);
	t->together = sc_xcalloc(ni + 1, sizeof *t->together);
	if (t->nchanged == 1) {
		/* One change: everything that differs is its doing. */
		for (size_t k = 0; k < ni; k++)
			t->moves[k] = true;
	} else if (ni) {
		for (size_t c = 0; c < t->nchanged; c++) {
			size_t i = t->changed[c];
			struct sc_answers *alone = with_answer(a, b, i);
			mark(t, c, q, a, alone);
			sc_answers_free(alone);
			struct sc_answers *without = with_answer(b, a, i);
			mark(t, c, q, without, b);
			sc_answers_free(without);
		}
	}
	for (size_t k = 0; k < ni; k++) {
		bool any = false;
		for (size_t c = 0; c < t->nchanged && !any; c++)
			any = t->moves[c * ni + k];
		t->together[k] = !any;
	}
	return t;
}

void
tui_attr_free(struct tui_attr *t)
{
	if (!t)
		return;
	sc_diff_free(t->df);
	free(t->changed);
	free(t->moves);
	free(t->together);
	free(t);
}

bool
tui_attr_moves(const struct tui_attr *t, size_t c, size_t k)
{
	return c < t->nchanged && k < t->df->nitems &&
	       t->moves[c * t->df->nitems + k];
}
