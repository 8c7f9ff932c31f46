/* Answers being given: drafts of typed answers checked on every key,
 * picks and ticks, and storing them in the session. */
#include "draft.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "live.h"

/* The yes/no answer a row stands for. */
static void
yesno_answer(size_t c, struct sc_answer *a)
{
	memset(a, 0, sizeof *a);
	if (c == 2) {
		a->type = SC_A_UNSURE;
	} else {
		a->type = SC_A_BOOL;
		a->b = c == 0;
	}
}

void
tui_note_save_status(struct tui_state *st, enum sc_status rc)
{
	if (rc != SC_OK && rc != SC_EDATA)
		tui_set_message(st, true, "Not saved: %s",
		                st->s->last_error ? st->s->last_error
		                                  : "the session file cannot be written");
}

bool
tui_answer_set(struct tui_state *st, size_t i, const struct sc_answer *a)
{
	enum sc_status rc = sc_session_set(st->s, i, a);
	if (rc == SC_EDATA) {
		free(st->errors[i]);
		st->errors[i] = sc_xstrdup("This answer does not fit the question.");
		return false;
	}
	tui_clear_message(st);
	tui_note_save_status(st, rc);
	if (st->saved)
		tui_live_touched(st, i);
	tui_live_refresh(st);
	return true;
}

void
tui_answer_unset(struct tui_state *st, size_t i)
{
	tui_clear_message(st);
	tui_note_save_status(st, sc_session_unset(st->s, i));
	if (st->saved)
		tui_live_touched(st, i);
	tui_live_refresh(st);
}

void
tui_answer_format(const struct tui_state *st, size_t i, struct sc_buf *b)
{
	const struct sc_answer *a = sc_eval_answer(st->s->ev, i);
	sc_buf_reset(b);
	if (a)
		sc_answer_format(tui_question(st, i), a, b);
	/* An empty check list is an answer too: "none of these". */
	if (a && a->type == SC_A_CHOICES && !a->nsel && !b->len)
		sc_buf_puts(b, "None of these");
}

static char *
fmt_number(double v)
{
	char *s = sc_xasprintf("%.15g", v);
	return s;
}

/* Why the typed number is not acceptable yet, or NULL.  Checked on every
 * keystroke so the range shows while typing. */
static char *
number_error(const struct sc_question *qn, const char *text, double *out)
{
	char *end;
	char *lo = NULL, *hi = NULL, *msg = NULL;

	if (!*text)
		return NULL;
	double v = strtod(text, &end);
	if (*end || end == text || !isfinite(v))
		return sc_xstrdup("Type a number, such as 12 or 2.5.");
	if (qn->has_min)
		lo = fmt_number(qn->min);
	if (qn->has_max)
		hi = fmt_number(qn->max);
	if ((qn->has_min && v < qn->min) || (qn->has_max && v > qn->max)) {
		if (lo && hi)
			msg = sc_xasprintf("Must be between %s and %s.", lo, hi);
		else if (lo)
			msg = sc_xasprintf("Must be at least %s.", lo);
		else
			msg = sc_xasprintf("Must be at most %s.", hi);
	}
	free(lo);
	free(hi);
	if (out)
		*out = v;
	return msg;
}

void
tui_draft_validate(struct tui_state *st, size_t i)
{
	const struct sc_question *qn = tui_question(st, i);
	free(st->errors[i]);
	st->errors[i] = NULL;
	if (qn->type == SC_Q_NUMBER)
		st->errors[i] = number_error(qn, tui_le_text(&st->drafts[i]), NULL);
}

/* Fill the editor of a typed question from its answer (or default). */
void
tui_draft_load(struct tui_state *st, size_t i)
{
	const struct sc_question *qn = tui_question(st, i);
	const struct sc_answer *a = tui_answer_stored(st, i);
	char *s = NULL;

	if (!tui_is_typed(qn) || st->draft_dirty[i])
		return;
	if (!a && qn->def.type != SC_A_NONE)
		a = &qn->def;
	if (a && a->type == SC_A_NUMBER) {
		s = fmt_number(a->num);
	} else if (a && a->type == SC_A_DATE) {
		s = sc_xmalloc(11);
		sc_date_format(a->day, s);
	}
	else if (a && a->type == SC_A_TEXT)
		s = sc_xstrdup(a->text);
	tui_le_set(&st->drafts[i], s ? s : "");
	free(s);
	tui_draft_validate(st, i);
	/* A default shown here becomes the answer only when confirmed with
	 * Enter, as on a choice question; passing by leaves it open. */
	st->draft_dirty[i] = false;
}

/* Confirm what was typed.  false (keeping the draft and its error) when it
 * is not valid. */
bool
tui_draft_commit(struct tui_state *st, size_t i)
{
	const struct sc_question *qn = tui_question(st, i);
	const char *text;
	struct sc_answer a;

	if (!tui_is_typed(qn) || !st->draft_dirty[i])
		return true;
	text = tui_le_text(&st->drafts[i]);
	memset(&a, 0, sizeof a);
	if (qn->type == SC_Q_NUMBER) {
		char *err = number_error(qn, text, &a.num);
		if (err) {
			free(st->errors[i]);
			st->errors[i] = err;
			return false;
		}
		a.type = SC_A_NUMBER;
	} else if (qn->type == SC_Q_DATE) {
		sc_day day = 0;
		char *err = tui_date_error(qn, text, &day);
		if (err) {
			free(st->errors[i]);
			st->errors[i] = err;
			return false;
		}
		a.type = SC_A_DATE;
		a.day = day;
	} else {
		a.type = SC_A_TEXT;
		a.text = (char *)text;
	}
	if (!*text) {
		if (tui_answer_stored(st, i))
			tui_answer_unset(st, i);
	} else if (!tui_answer_set(st, i, &a)) {
		return false;
	}
	st->draft_dirty[i] = false;
	free(st->errors[i]);
	st->errors[i] = NULL;
	return true;
}

void
tui_pick_choice(struct tui_state *st, size_t c)
{
	size_t i = st->cur;
	const struct sc_question *qn = tui_question(st, i);
	struct sc_answer a;

	if (c >= tui_state_nchoices(st, i))
		return;
	st->cursor[i] = c;
	memset(&a, 0, sizeof a);
	if (qn->type == SC_Q_YESNO) {
		yesno_answer(c, &a);
		tui_answer_set(st, i, &a);
	} else if (qn->type == SC_Q_SINGLE) {
		a.type = SC_A_CHOICE;
		a.choice = c;
		tui_answer_set(st, i, &a);
	} else if (qn->type == SC_Q_MULTI) {
		/* Toggle c in the sorted selection. */
		const struct sc_answer *old = tui_answer_stored(st, i);
		size_t n = 0;
		size_t *sel = sc_xcalloc(qn->nchoices + 1, sizeof *sel);
		bool had = old && sc_answer_has_choice(old, c);
		/* "None of these" stands alone: ticking it clears the
		 * others, ticking another clears it. */
		int none = sc_session_none_choice(qn);
		for (size_t k = 0; k < qn->nchoices; k++) {
			bool on = old && sc_answer_has_choice(old, k);
			if (k == c)
				on = !had;
			else if (!had && none >= 0 &&
			         (c == (size_t)none || k == (size_t)none))
				on = false;
			if (on)
				sel[n++] = k;
		}
		a.type = SC_A_CHOICES;
		a.sel = sel;
		a.nsel = n;
		/* Unticking the last box takes the answer back; "none of
		 * these" is said by confirming an empty list with Enter. */
		if (n)
			tui_answer_set(st, i, &a);
		else
			tui_answer_unset(st, i);
		free(sel);
	}
}

/* Where the cursor starts on a choice question: its answer, else the
 * default, else the first row. */
size_t
tui_initial_cursor(const struct tui_state *st, size_t i)
{
	const struct sc_question *qn = tui_question(st, i);
	const struct sc_answer *a = tui_answer_stored(st, i);
	if (!a && qn->def.type != SC_A_NONE)
		a = &qn->def;
	if (!a)
		return 0;
	switch (a->type) {
	case SC_A_BOOL:
		return a->b ? 0 : 1;
	case SC_A_UNSURE:
		return 2;
	case SC_A_CHOICE:
		return a->choice;
	case SC_A_CHOICES:
		return a->nsel ? a->sel[0] : 0;
	default:
		return 0;
	}
}

void
tui_draft_reload(struct tui_state *st)
{
	for (size_t i = 0; i < st->q->nquestions; i++) {
		st->draft_dirty[i] = false;
		free(st->errors[i]);
		st->errors[i] = NULL;
		st->cursor[i] = tui_initial_cursor(st, i);
		tui_draft_load(st, i);
	}
}
