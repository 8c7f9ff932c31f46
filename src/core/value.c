/* The kinds of question and the value of one answer. */
#include "socscope/value.h"

#include <stdlib.h>
#include <string.h>

#include "socscope/common.h"

/* ---- vocabulary of question types --------------------------------------- */

#define SC_QTYPES(X)                                                           \
	X(SC_Q_YESNO, "yesno")                                                 \
	X(SC_Q_SINGLE, "single")                                               \
	X(SC_Q_MULTI, "multi")                                                 \
	X(SC_Q_NUMBER, "number")                                               \
	X(SC_Q_TEXT, "text")                                                   \
	X(SC_Q_DATE, "date")

#define QTYPE_STR(e, s) [e] = s,
static const char *const qtype_ids[] = {SC_QTYPES(QTYPE_STR)};
#define QTYPE_COUNT (sizeof qtype_ids / sizeof qtype_ids[0])
_Static_assert(QTYPE_COUNT == SC_QTYPE_COUNT, "every question type has an id");

const char *
sc_qtype_id_str(enum sc_qtype t)
{
	return (size_t)t < QTYPE_COUNT ? qtype_ids[t] : "?";
}

int
sc_qtype_find(const char *id)
{
	for (size_t i = 0; id && i < QTYPE_COUNT; i++)
		if (strcmp(id, qtype_ids[i]) == 0)
			return (int)i;
	return -1;
}

/* ---- answer values ------------------------------------------------------ */

void
sc_answer_clear(struct sc_answer *a)
{
	free(a->sel);
	free(a->text);
	memset(a, 0, sizeof *a);
	a->type = SC_A_NONE;
}

void
sc_answer_copy(struct sc_answer *dst, const struct sc_answer *src)
{
	if (dst == src)
		return;
	sc_answer_clear(dst);
	dst->type = src->type;
	dst->b = src->b;
	dst->choice = src->choice;
	dst->num = src->num;
	dst->day = src->day;
	if (src->nsel) {
		dst->sel = sc_xcalloc(src->nsel, sizeof *dst->sel);
		memcpy(dst->sel, src->sel, src->nsel * sizeof *dst->sel);
		dst->nsel = src->nsel;
	}
	dst->text = sc_xstrdup(src->text);
}

bool
sc_answer_equal(const struct sc_answer *a, const struct sc_answer *b)
{
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case SC_A_NONE:
	case SC_A_UNSURE:
		return true;
	case SC_A_BOOL:
		return a->b == b->b;
	case SC_A_CHOICE:
		return a->choice == b->choice;
	case SC_A_CHOICES:
		return a->nsel == b->nsel &&
		       (a->nsel == 0 ||
		        memcmp(a->sel, b->sel, a->nsel * sizeof *a->sel) == 0);
	case SC_A_NUMBER:
		return a->num == b->num;
	case SC_A_TEXT:
		return strcmp(a->text ? a->text : "", b->text ? b->text : "") ==
		       0;
	case SC_A_DATE:
		return a->day == b->day;
	}
	return false;
}

bool
sc_answer_has_choice(const struct sc_answer *a, size_t i)
{
	if (a->type == SC_A_CHOICE)
		return a->choice == i;
	if (a->type == SC_A_CHOICES)
		for (size_t k = 0; k < a->nsel; k++)
			if (a->sel[k] == i)
				return true;
	return false;
}
