/* What the interview's state knows, for every view: the view stack, the
 * message line, the questions shown, answered and open, and the worked
 * examples (which a session may be a copy of).  The bottom
 * of the interview: it calls no view and no other part (a view's open
 * operation is reached through st->views). */
#include "state.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/answers.h"

enum tui_view_id
tui_state_view(const struct tui_state *st)
{
	return st->depth ? st->stack[st->depth - 1] : TV_START;
}

void
tui_view_push(struct tui_state *st, enum tui_view_id v)
{
	if (st->depth && st->stack[st->depth - 1] == v) {
		if (st->views[v]->open)
			st->views[v]->open(st);
		return;
	}
	if (st->depth == sizeof st->stack / sizeof st->stack[0])
		st->depth--;
	st->stack[st->depth++] = v;
	/* Going on somewhere else forgets where a jump came from. */
	st->back_depth = 0;
	tui_clear_message(st);
	if (st->views[v]->open)
		st->views[v]->open(st);
}

void
tui_view_pop(struct tui_state *st)
{
	if (st->depth > 1) {
		st->depth--;
		tui_clear_message(st);
		enum tui_view_id v = st->stack[st->depth - 1];
		st->reopening = true;
		if (st->views[v]->open)
			st->views[v]->open(st);
		st->reopening = false;
	}
}

void
tui_set_message(struct tui_state *st, bool error, const char *fmt, ...)
{
	va_list ap;
	free(st->message);
	st->message = NULL;
	if (!fmt)
		return;
	va_start(ap, fmt);
	st->message = sc_xvasprintf(fmt, ap);
	va_end(ap);
	st->message_error = error;
}

void
tui_clear_message(struct tui_state *st)
{
	free(st->message);
	st->message = NULL;
}

/* Open in another interview: said when it opens and whenever a change is
 * refused. */
void
tui_read_only_message(struct tui_state *st)
{
	tui_set_message(st, true, "Read-only: this interview is open in %s; "
	                "answers cannot be changed here.", st->s->holder);
}

bool
tui_is_typed(const struct sc_question *qn)
{
	return qn->type == SC_Q_NUMBER || qn->type == SC_Q_TEXT ||
	       qn->type == SC_Q_DATE;
}

/* Why the typed date is not acceptable yet, or NULL: a date as
 * YYYY-MM-DD (or "today"), within the question's bounds.  Day and month
 * first are refused rather than guessed: 06/07/2026 is June 7 to some and
 * July 6 to others. */
char *
tui_date_error(const struct sc_question *qn, const char *text, sc_day *out)
{
	sc_day day;
	const char *why = NULL;
	if (!*text)
		return NULL;
	if (strcmp(text, "today") == 0)
		day = sc_date_today();
	else if (strchr(text, '/') || strchr(text, '.'))
		return sc_xstrdup("Write the year first, YYYY-MM-DD: a date with "
		                  "slashes could be read two ways.");
	else if (strlen(text) < 10)
		return sc_xstrdup("A date as YYYY-MM-DD, such as 2026-12-31.");
	else if (!sc_date_parse(text, &day, &why))
		return sc_xasprintf("Not a date: %s.", why ? why : "use YYYY-MM-DD");
	char lim[11];
	if (qn->has_min && (double)day < qn->min) {
		sc_date_format((sc_day)qn->min, lim);
		return sc_xasprintf("Too early: %s or later.", lim);
	}
	if (qn->has_max && (double)day > qn->max) {
		sc_date_format((sc_day)qn->max, lim);
		return sc_xasprintf("Too late: %s or earlier.", lim);
	}
	if (out)
		*out = day;
	return NULL;
}

size_t
tui_text_max(const struct sc_question *qn)
{
	return qn->max_length ? qn->max_length : 1000;
}

const struct sc_answer *
tui_answer_stored(const struct tui_state *st, size_t i)
{
	if (!st->s || st->s->a->v[i].type == SC_A_NONE)
		return NULL;
	return &st->s->a->v[i];
}

bool
tui_state_visible(const struct tui_state *st, size_t i)
{
	return st->s && sc_eval_visible(st->s->ev, i);
}

bool
tui_state_answered(const struct tui_state *st, size_t i)
{
	return st->s && sc_eval_answer(st->s->ev, i) != NULL;
}

void
tui_state_progress(const struct tui_state *st, size_t *answered,
                   size_t *applicable)
{
	size_t a = 0, n = 0;
	for (size_t i = 0; st->s && i < st->q->nquestions; i++) {
		if (!tui_state_visible(st, i))
			continue;
		n++;
		if (tui_state_answered(st, i))
			a++;
	}
	*answered = a;
	*applicable = n;
}

size_t
tui_state_sections_done(const struct tui_state *st)
{
	if (!st->s)
		return 0;
	size_t open = sc_session_first_unanswered(st->s);
	size_t reached = st->q->questions[st->cur].section;
	if (open == SIZE_MAX)
		reached = st->q->nsections;
	else if (st->q->questions[open].section > reached)
		reached = st->q->questions[open].section;
	size_t n = 0;
	for (size_t k = 0; k < st->q->nsections; k++) {
		enum tui_sec_state ss = tui_state_section(st, k);
		n += ss == TS_DONE || (ss == TS_SKIPPED && k < reached);
	}
	return n;
}

enum tui_sec_state
tui_state_section(const struct tui_state *st, size_t section)
{
	const struct sc_section *sec = &st->q->sections[section];
	bool shown = false, open = false, req = false;

	for (size_t i = sec->first; i < sec->first + sec->count; i++) {
		if (!tui_state_visible(st, i))
			continue;
		shown = true;
		if (!tui_state_answered(st, i)) {
			open = true;
			if (tui_question(st, i)->required)
				req = true;
		}
	}
	if (!shown)
		return TS_SKIPPED;
	if (req)
		return TS_REQUIRED;
	return open ? TS_OPEN : TS_DONE;
}

size_t
tui_state_nchoices(const struct tui_state *st, size_t i)
{
	const struct sc_question *qn = tui_question(st, i);
	switch (qn->type) {
	case SC_Q_YESNO:
		return qn->allow_unsure ? 3 : 2;
	case SC_Q_SINGLE:
	case SC_Q_MULTI:
		return qn->nchoices;
	default:
		return 0;
	}
}

const char *
tui_state_choice_label(const struct tui_state *st, size_t i, size_t c)
{
	/* Yes, no and unsure in the very words the reports use for them
	 * (sc_answer_format), so that the screen and the file agree. */
	static char yesno[3][32];
	const struct sc_question *qn = tui_question(st, i);
	if (qn->type == SC_Q_YESNO) {
		if (c >= 3)
			return "";
		if (!yesno[c][0]) {
			struct sc_answer a = {.type = c == 2 ? SC_A_UNSURE : SC_A_BOOL,
			                      .b = c == 0};
			struct sc_buf b = {0};
			sc_answer_format(qn, &a, &b);
			snprintf(yesno[c], sizeof yesno[c], "%s", sc_buf_str(&b));
			sc_buf_fini(&b);
		}
		return yesno[c];
	}
	return c < qn->nchoices ? qn->choices[c].label : "";
}

bool
tui_state_choice_selected(const struct tui_state *st, size_t i, size_t c)
{
	const struct sc_answer *a = tui_answer_stored(st, i);
	if (!a)
		return false;
	if (tui_question(st, i)->type == SC_Q_YESNO) {
		if (a->type == SC_A_UNSURE)
			return c == 2;
		return a->type == SC_A_BOOL && ((c == 0) == a->b) && c < 2;
	}
	return sc_answer_has_choice(a, c);
}

/* The worked examples this questionnaire can open (those that name no
 * questionnaire too: opening one then says what does not fit). */
void
tui_examples_load(struct tui_state *st)
{
	if (st->examples_loaded)
		return;
	st->examples_loaded = true;
	struct sc_example_info *v = NULL;
	size_t n = sc_examples_list(&v);
	struct sc_example_info *keep = sc_xcalloc(n + 1, sizeof *keep);
	struct sc_example_info *drop = sc_xcalloc(n + 1, sizeof *drop);
	size_t nkeep = 0, ndrop = 0;
	for (size_t i = 0; i < n; i++) {
		if (!*v[i].questionnaire || !strcmp(v[i].questionnaire, st->q->id))
			keep[nkeep++] = v[i];
		else
			drop[ndrop++] = v[i];
	}
	free(v);
	sc_example_infos_free(drop, ndrop);
	st->examples = keep;
	st->nexamples = nkeep;
}

size_t
tui_example_of(struct tui_state *st, const char *path, const char *client)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 5 && !strcmp(base + n - 5, ".yaml"))
		n -= 5;
	tui_examples_load(st);
	for (size_t k = 0; k < st->nexamples; k++) {
		const struct sc_example_info *e = &st->examples[k];
		size_t len = strlen(e->name);
		if (len > n || strncmp(base, e->name, len) ||
		    strcmp(e->client, client ? client : ""))
			continue;
		/* NAME, or NAME-N as sc_example_copy numbers the copies. */
		if (len == n)
			return k;
		size_t d = len + 1;
		if (base[len] != '-' || d >= n)
			continue;
		while (d < n && base[d] >= '0' && base[d] <= '9')
			d++;
		if (d == n)
			return k;
	}
	return SIZE_MAX;
}
