/* The interview's state machine: views, navigation, answers being typed,
 * validation and the documents the views show.  No curses here. */
#include "state.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/fsutil.h"
#include "socscope/paths.h"
#include "text.h"

/* Each view is a small table of operations (tig's view_ops): `request`
 * handles what the view understands and returns false for the rest;
 * `open` rebuilds what the view shows when it comes on top. */
struct tui_view_ops {
	const char *name;
	bool (*request)(struct tui_state *st, enum tui_req req, int key);
	void (*open)(struct tui_state *st);
};

static const struct tui_view_ops *view_ops(enum tui_view_id v);
static void refresh_live(struct tui_state *st);

/* ---- documents ---------------------------------------------------------- */

static void
doc_clear(struct tui_doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].text);
	d->n = 0;
	d->sel = SIZE_MAX;
	d->top = 0;
}

static void
doc_fini(struct tui_doc *d)
{
	doc_clear(d);
	free(d->v);
	d->v = NULL;
	d->cap = 0;
}

static struct tui_line *
doc_add(struct tui_doc *d, enum tui_line_kind kind, enum sc_role role,
        int indent, const char *fmt, ...) SC_PRINTF(5, 6);

static struct tui_line *
doc_add(struct tui_doc *d, enum tui_line_kind kind, enum sc_role role,
        int indent, const char *fmt, ...)
{
	va_list ap;

	d->v = sc_xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	struct tui_line *l = &d->v[d->n++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->role = role;
	l->indent = indent;
	va_start(ap, fmt);
	l->text = sc_xvasprintf(fmt, ap);
	va_end(ap);
	/* A bullet ("• ", "→ ", "- ") hangs: wrapped rows align with the
	 * text after it. */
	uint32_t cp;
	size_t k = tui_utf8_decode(l->text, strlen(l->text) + 1, &cp);
	if (l->text[0] && l->text[k] == ' ' &&
	    !(cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) &&
	    !(cp >= '0' && cp <= '9'))
		l->hang = tui_cpwidth(cp) + 1;
	if (kind != TL_TEXT && d->sel == SIZE_MAX)
		d->sel = d->n - 1;
	return l;
}

static void
doc_blank(struct tui_doc *d)
{
	if (d->n && d->v[d->n - 1].text[0])
		doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0, "%s", "");
}

static bool
line_selectable(const struct tui_line *l)
{
	return l->kind != TL_TEXT;
}

static size_t
line_rows(const struct tui_line *l, int width)
{
	int w = width - l->indent - l->hang;
	return tui_wrap_count(l->text, w < 8 ? 8 : w);
}

/* Keep the selected line on screen: scroll by whole lines. */
static void
doc_scroll_to_sel(struct tui_doc *d, int width, int height)
{
	if (d->sel == SIZE_MAX || width <= 0 || height <= 0)
		return;
	if (d->sel < d->top)
		d->top = d->sel;
	for (;;) {
		size_t rows = 0;
		for (size_t i = d->top; i <= d->sel && i < d->n; i++)
			rows += line_rows(&d->v[i], width);
		if (rows <= (size_t)height || d->top >= d->sel)
			break;
		d->top++;
	}
}

/* The last top line that still fills the screen. */
static size_t
doc_max_top(const struct tui_doc *d, int width, int height)
{
	size_t rows = 0, i = d->n;
	if (width <= 0 || height <= 0)
		return d->n ? d->n - 1 : 0;
	while (i > 0) {
		rows += line_rows(&d->v[i - 1], width);
		if (rows > (size_t)height)
			break;
		i--;
	}
	return i;
}

static void
doc_scroll_by(struct tui_doc *d, long delta, int width, int height)
{
	size_t max = doc_max_top(d, width, height);
	if (delta < 0)
		d->top = (size_t)-delta > d->top ? 0 : d->top - (size_t)-delta;
	else
		d->top += (size_t)delta;
	if (d->top > max)
		d->top = max;
}

static bool
doc_sel_visible(const struct tui_doc *d, int width, int height)
{
	size_t rows = 0;
	if (d->sel == SIZE_MAX || d->sel < d->top)
		return false;
	if (width <= 0 || height <= 0)
		return true;
	for (size_t i = d->top; i <= d->sel && i < d->n; i++)
		rows += line_rows(&d->v[i], width);
	return rows <= (size_t)height;
}

/* Arrows move the selection while it is on screen; otherwise (and past
 * the last selectable line) they scroll, like a pager, so text between
 * far-apart selectable lines can be read. */
static void
doc_move(struct tui_doc *d, int delta, int width, int height)
{
	if (!d->n)
		return;
	if (d->sel == SIZE_MAX || !doc_sel_visible(d, width, height)) {
		doc_scroll_by(d, delta, width, height);
		return;
	}
	size_t i = d->sel;
	int steps = delta < 0 ? -delta : delta;
	while (steps-- > 0) {
		size_t j = i;
		do {
			if (delta < 0 ? j == 0 : j + 1 >= d->n) {
				j = SIZE_MAX;
				break;
			}
			j = delta < 0 ? j - 1 : j + 1;
		} while (!line_selectable(&d->v[j]));
		if (j == SIZE_MAX)
			break;
		i = j;
	}
	if (i == d->sel) {
		/* Nothing more to select that way: show what lies there. */
		doc_scroll_by(d, delta, width, height);
		if (!doc_sel_visible(d, width, height))
			doc_scroll_to_sel(d, width, height);
		return;
	}
	d->sel = i;
	doc_scroll_to_sel(d, width, height);
}

static void
doc_home_end(struct tui_doc *d, bool end, int width, int height)
{
	if (!d->n)
		return;
	if (d->sel == SIZE_MAX) {
		d->top = end ? doc_max_top(d, width, height) : 0;
		return;
	}
	for (size_t k = 0; k < d->n; k++) {
		size_t i = end ? d->n - 1 - k : k;
		if (line_selectable(&d->v[i])) {
			d->sel = i;
			break;
		}
	}
	if (!end)
		d->top = 0;
	doc_scroll_to_sel(d, width, height);
}

/* ---- small helpers ------------------------------------------------------ */

static void
set_message(struct tui_state *st, bool error, const char *fmt, ...)
	SC_PRINTF(3, 4);

static void
set_message(struct tui_state *st, bool error, const char *fmt, ...)
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

static void
clear_message(struct tui_state *st)
{
	free(st->message);
	st->message = NULL;
}

/* Open in another interview: said when it opens and whenever a change is
 * refused. */
static void
read_only_message(struct tui_state *st)
{
	set_message(st, true, "Read-only: this interview is open in %s; "
	            "answers cannot be changed here.", st->s->holder);
}

static const struct sc_question *
question(const struct tui_state *st, size_t i)
{
	return &st->q->questions[i];
}

static void
push_view(struct tui_state *st, enum tui_view_id v)
{
	if (st->depth && st->stack[st->depth - 1] == v) {
		if (view_ops(v)->open)
			view_ops(v)->open(st);
		return;
	}
	if (st->depth == sizeof st->stack / sizeof st->stack[0])
		st->depth--;
	st->stack[st->depth++] = v;
	clear_message(st);
	if (view_ops(v)->open)
		view_ops(v)->open(st);
}

static void
pop_view(struct tui_state *st)
{
	if (st->depth > 1) {
		st->depth--;
		clear_message(st);
		enum tui_view_id v = st->stack[st->depth - 1];
		if (view_ops(v)->open && v != TV_INTERVIEW)
			view_ops(v)->open(st);
	}
}

enum tui_view_id
tui_state_view(const struct tui_state *st)
{
	return st->depth ? st->stack[st->depth - 1] : TV_START;
}

static bool
is_typed(const struct sc_question *qn)
{
	return qn->type == SC_Q_NUMBER || qn->type == SC_Q_TEXT;
}

bool
tui_state_editing(const struct tui_state *st)
{
	switch (tui_state_view(st)) {
	case TV_NAME:
		return true;
	case TV_INTERVIEW:
		return st->note_mode ||
		       (st->focus == TF_QUESTION && is_typed(question(st, st->cur)));
	case TV_RESULTS:
		return st->export_mode;
	default:
		return false;
	}
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
			if (question(st, i)->required)
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
	const struct sc_question *qn = question(st, i);
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
	static const char *const yesno[] = {"Yes", "No", "Not sure"};
	const struct sc_question *qn = question(st, i);
	if (qn->type == SC_Q_YESNO)
		return c < 3 ? yesno[c] : "";
	return c < qn->nchoices ? qn->choices[c].label : "";
}

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

static const struct sc_answer *
stored_answer(const struct tui_state *st, size_t i)
{
	if (!st->s || st->s->a->v[i].type == SC_A_NONE)
		return NULL;
	return &st->s->a->v[i];
}

bool
tui_state_choice_selected(const struct tui_state *st, size_t i, size_t c)
{
	const struct sc_answer *a = stored_answer(st, i);
	if (!a)
		return false;
	if (question(st, i)->type == SC_Q_YESNO) {
		if (a->type == SC_A_UNSURE)
			return c == 2;
		return a->type == SC_A_BOOL && ((c == 0) == a->b) && c < 2;
	}
	return sc_answer_has_choice(a, c);
}

/* ---- answers ------------------------------------------------------------ */

static void
note_save_status(struct tui_state *st, enum sc_status rc)
{
	if (rc != SC_OK && rc != SC_EDATA)
		set_message(st, true, "Not saved: %s",
		            st->s->last_error ? st->s->last_error
		                              : "the session file cannot be written");
}

static bool
set_answer(struct tui_state *st, size_t i, const struct sc_answer *a)
{
	enum sc_status rc = sc_session_set(st->s, i, a);
	if (rc == SC_EDATA) {
		free(st->errors[i]);
		st->errors[i] = sc_xstrdup("This answer does not fit the question.");
		return false;
	}
	clear_message(st);
	note_save_status(st, rc);
	refresh_live(st);
	return true;
}

static void
unset_answer(struct tui_state *st, size_t i)
{
	clear_message(st);
	note_save_status(st, sc_session_unset(st->s, i));
	refresh_live(st);
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

static size_t
text_max(const struct sc_question *qn)
{
	return qn->max_length ? qn->max_length : 1000;
}

static void
validate_draft(struct tui_state *st, size_t i)
{
	const struct sc_question *qn = question(st, i);
	free(st->errors[i]);
	st->errors[i] = NULL;
	if (qn->type == SC_Q_NUMBER)
		st->errors[i] = number_error(qn, tui_le_text(&st->drafts[i]), NULL);
}

/* Fill the editor of a typed question from its answer (or default). */
static void
load_draft(struct tui_state *st, size_t i)
{
	const struct sc_question *qn = question(st, i);
	const struct sc_answer *a = stored_answer(st, i);
	char *s = NULL;

	if (!is_typed(qn) || st->draft_dirty[i])
		return;
	if (!a && qn->def.type != SC_A_NONE)
		a = &qn->def;
	if (a && a->type == SC_A_NUMBER)
		s = fmt_number(a->num);
	else if (a && a->type == SC_A_TEXT)
		s = sc_xstrdup(a->text);
	tui_le_set(&st->drafts[i], s ? s : "");
	free(s);
	validate_draft(st, i);
	/* A default shown here becomes the answer only when confirmed with
	 * Enter, as on a choice question; passing by leaves it open. */
	st->draft_dirty[i] = false;
}

/* Confirm what was typed.  false (keeping the draft and its error) when it
 * is not valid. */
static bool
commit_draft(struct tui_state *st, size_t i)
{
	const struct sc_question *qn = question(st, i);
	const char *text;
	struct sc_answer a;

	if (!is_typed(qn) || !st->draft_dirty[i])
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
	} else {
		a.type = SC_A_TEXT;
		a.text = (char *)text;
	}
	if (!*text) {
		if (stored_answer(st, i))
			unset_answer(st, i);
	} else if (!set_answer(st, i, &a)) {
		return false;
	}
	st->draft_dirty[i] = false;
	free(st->errors[i]);
	st->errors[i] = NULL;
	return true;
}

static void
pick_choice(struct tui_state *st, size_t c)
{
	size_t i = st->cur;
	const struct sc_question *qn = question(st, i);
	struct sc_answer a;

	if (c >= tui_state_nchoices(st, i))
		return;
	st->cursor[i] = c;
	memset(&a, 0, sizeof a);
	if (qn->type == SC_Q_YESNO) {
		yesno_answer(c, &a);
		set_answer(st, i, &a);
	} else if (qn->type == SC_Q_SINGLE) {
		a.type = SC_A_CHOICE;
		a.choice = c;
		set_answer(st, i, &a);
	} else if (qn->type == SC_Q_MULTI) {
		/* Toggle c in the sorted selection. */
		const struct sc_answer *old = stored_answer(st, i);
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
			set_answer(st, i, &a);
		else
			unset_answer(st, i);
		free(sel);
	}
}

/* Where the cursor starts on a choice question: its answer, else the
 * default, else the first row. */
static size_t
initial_cursor(const struct tui_state *st, size_t i)
{
	const struct sc_question *qn = question(st, i);
	const struct sc_answer *a = stored_answer(st, i);
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

/* ---- navigation --------------------------------------------------------- */

static void
set_current(struct tui_state *st, size_t i)
{
	free(st->passed);
	st->passed = NULL;
	st->cur = i;
	st->side_sel = question(st, i)->section;
	load_draft(st, i);
}

/* Leave the current question: confirm a valid draft; an invalid one stays
 * with its error, to be seen when coming back (never blocks moving). */
static void
leave_current(struct tui_state *st)
{
	commit_draft(st, st->cur);
}

static void
goto_question(struct tui_state *st, size_t i)
{
	if (i == SIZE_MAX || i >= st->q->nquestions)
		return;
	leave_current(st);
	set_current(st, i);
}

/* Answering can hide the current question only through an earlier one;
 * should it happen, move to the nearest shown question. */
static void
ensure_current_visible(struct tui_state *st)
{
	if (!st->s || tui_state_visible(st, st->cur))
		return;
	size_t i = sc_session_next(st->s, st->cur);
	if (i == SIZE_MAX)
		i = sc_session_prev(st->s, st->cur);
	if (i != SIZE_MAX)
		set_current(st, i);
}

static void
next_question(struct tui_state *st, bool enter)
{
	size_t from = st->cur;
	size_t i = sc_session_next_asked(st->s, from);
	if (i == SIZE_MAX) {
		if (enter) {
			leave_current(st);
			push_view(st, TV_RESULTS);
		} else {
			set_message(st, false,
			            "This is the last question; press s for the results.");
		}
		return;
	}
	goto_question(st, i);
	/* Sections passed over on the way are said, not skipped silently
	 * (the results list those after the last question). */
	if (st->cur == i) {
		struct sc_buf b = {0};
		sc_session_explain_skipped(st->s,
		                           question(st, from)->section + 1,
		                           question(st, i)->section, &b);
		if (b.len && b.data[b.len - 1] == '\n')
			b.data[--b.len] = '\0';
		st->passed = b.len ? sc_buf_steal(&b) : NULL;
		sc_buf_fini(&b);
	}
}

static void
prev_question(struct tui_state *st)
{
	size_t i = sc_session_prev(st->s, st->cur);
	if (i == SIZE_MAX)
		set_message(st, false, "This is the first question.");
	else
		goto_question(st, i);
}

static void
jump_section(struct tui_state *st, size_t section)
{
	const struct sc_section *sec = &st->q->sections[section];
	size_t first = SIZE_MAX;

	for (size_t i = sec->first; i < sec->first + sec->count; i++) {
		if (!tui_state_visible(st, i))
			continue;
		if (first == SIZE_MAX)
			first = i;
		/* The first open question is where work resumes. */
		if (!tui_state_answered(st, i)) {
			first = i;
			break;
		}
	}
	if (first == SIZE_MAX) {
		st->side_sel = section;
		set_message(st, false,
		            "No question in \"%s\" applies with the answers so far.",
		            sec->title);
		return;
	}
	goto_question(st, first);
	st->focus = TF_QUESTION;
}

static void
jump_to(struct tui_state *st, size_t qi)
{
	while (st->depth > 1 && tui_state_view(st) != TV_INTERVIEW)
		st->depth--;
	clear_message(st);
	if (qi >= st->q->nquestions)
		return;
	if (!tui_state_visible(st, qi)) {
		set_message(st, false,
		            "That question is not asked with the answers so far.");
		return;
	}
	goto_question(st, qi);
	st->focus = TF_QUESTION;
}

/* ---- opening a session -------------------------------------------------- */

static bool
open_session(struct tui_state *st, const char *path, const char *client,
             char **err, int *code)
{
	struct sc_diags d;
	enum sc_status rc = SC_OK;
	struct sc_session *s;

	sc_diags_init(&d);
	s = sc_session_open(st->q, path, client, &d, &rc);
	if (!s) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		if (!b.len)
			sc_buf_printf(&b, "%s: cannot open the session\n", path);
		/* One line per problem, without the final newline. */
		if (b.len && b.data[b.len - 1] == '\n')
			b.data[--b.len] = '\0';
		*err = sc_buf_steal(&b);
		*code = sc_status_exit_code(rc == SC_OK ? SC_ENOINPUT : rc);
		sc_diags_fini(&d);
		return false;
	}
	sc_diags_fini(&d);
	if (client && *client && (!s->a->client || !*s->a->client))
		sc_session_set_client(s, client);
	sc_session_free(st->s);
	st->s = s;
	for (size_t i = 0; i < st->q->nquestions; i++) {
		st->cursor[i] = initial_cursor(st, i);
		st->draft_dirty[i] = false;
		free(st->errors[i]);
		st->errors[i] = NULL;
	}
	size_t cur = sc_session_first_unanswered(s);
	if (cur == SIZE_MAX)
		cur = sc_session_next_asked(s, SIZE_MAX);
	if (cur == SIZE_MAX)
		cur = 0;
	st->depth = 0;
	st->focus = TF_QUESTION;
	doc_fini(&st->live);
	st->live.sel = SIZE_MAX;
	refresh_live(st);
	/* The first build marks nothing as changed. */
	for (size_t i = 0; i < st->live.n; i++)
		st->live.v[i].changed = false;
	push_view(st, TV_INTERVIEW);
	set_current(st, cur);
	if (s->read_only)
		read_only_message(st);
	return true;
}

struct tui_state *
tui_state_new(const struct sc_interview_opts *o, char **err, int *code)
{
	struct tui_state *st = sc_xcalloc(1, sizeof *st);
	size_t n = o->q->nquestions;

	*err = NULL;
	*code = 0;
	st->opts = o;
	st->q = o->q;
	st->panel = true;
	st->cursor = sc_xcalloc(n + 1, sizeof *st->cursor);
	st->drafts = sc_xcalloc(n + 1, sizeof *st->drafts);
	st->draft_dirty = sc_xcalloc(n + 1, sizeof *st->draft_dirty);
	st->errors = sc_xcalloc(n + 1, sizeof *st->errors);
	for (size_t i = 0; i < n; i++) {
		const struct sc_question *qn = &o->q->questions[i];
		tui_le_init(&st->drafts[i],
		            qn->type == SC_Q_TEXT ? text_max(qn) : 64);
		st->drafts[i].numeric = qn->type == SC_Q_NUMBER;
	}
	tui_le_init(&st->name_ed, 200);
	tui_le_init(&st->note_ed, 4000);
	tui_le_init(&st->export_ed, 4000);
	for (size_t v = 0; v < TV_COUNT; v++)
		st->docs[v].sel = SIZE_MAX;
	st->live.sel = SIZE_MAX;

	if (o->answers_path || (o->client && *o->client)) {
		char *path = o->answers_path ? sc_xstrdup(o->answers_path)
		                             : sc_session_path(o->client);
		bool ok = open_session(st, path, o->client, err, code);
		free(path);
		if (!ok) {
			tui_state_free(st);
			return NULL;
		}
		return st;
	}
	char *dir = sc_sessions_dir();
	st->ninfos = dir ? sc_sessions_list(st->q, dir, &st->infos) : 0;
	free(dir);
	push_view(st, st->ninfos ? TV_START : TV_NAME);
	return st;
}

void
tui_state_free(struct tui_state *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->q->nquestions; i++) {
		tui_le_fini(&st->drafts[i]);
		free(st->errors[i]);
	}
	free(st->drafts);
	free(st->errors);
	free(st->cursor);
	free(st->draft_dirty);
	tui_le_fini(&st->name_ed);
	tui_le_fini(&st->note_ed);
	tui_le_fini(&st->export_ed);
	for (size_t v = 0; v < TV_COUNT; v++)
		doc_fini(&st->docs[v]);
	doc_fini(&st->live);
	sc_session_infos_free(st->infos, st->ninfos);
	sc_session_free(st->s);
	free(st->message);
	free(st->passed);
	free(st);
}

/* ---- the live recommendation -------------------------------------------- */

static const char *
mark(const struct tui_state *st, bool on)
{
	if (st->opts->ascii)
		return on ? "[x]" : "[ ]";
	return on ? "\u2714" : "\u00b7";
}

/* "SOC 2 Type II" and the months of a Type II period between `pre` and
 * `post` ("SOC 2 Type II, 12 months"); a SOC 3, which has no type, is named
 * by what it is (sc_report_title). */
static void
add_report_title(struct tui_doc *d, const struct sc_report_rec *r,
                 enum sc_role role, int indent, const char *pre,
                 const char *post)
{
	struct sc_buf b = {0};
	sc_report_title(r, &b);
	if (r->type == SC_TYPE2 && r->period_months > 0)
		doc_add(d, TL_TEXT, role, indent, "%s%s%d months%s",
		        sc_buf_str(&b), pre, r->period_months, post);
	else
		doc_add(d, TL_TEXT, role, indent, "%s", sc_buf_str(&b));
	sc_buf_fini(&b);
}

static void
add_report_line(struct tui_doc *d, const struct sc_report_rec *r, int indent)
{
	add_report_title(d, r, SC_ROLE_ACCENT, indent, ", ", "");
}

/* Rebuild the live panel; lines whose text is new are marked `changed`,
 * so a flipped conclusion stands out the moment it flips. */
static void
refresh_live(struct tui_state *st)
{
	struct tui_doc old = st->live;
	struct tui_doc *d = &st->live;
	const struct sc_result *r;
	struct sc_buf b = {0};

	if (!st->s)
		return;
	memset(d, 0, sizeof *d);
	d->sel = SIZE_MAX;
	r = sc_eval_result(st->s->ev);
	sc_result_summary(st->q, r, &b);
	doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Recommendation so far");
	doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0, "%s", sc_buf_str(&b));
	sc_buf_fini(&b);
	for (size_t k = 0; k < r->nreports; k++)
		add_report_line(d, &r->reports[k], 1);
	bool soc2 = false;
	for (size_t k = 0; k < r->nreports; k++)
		soc2 |= r->reports[k].id == SC_SOC2;
	if (soc2) {
		doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Categories");
		for (int c = 0; c < SC_CAT_COUNT; c++)
			doc_add(d, TL_TEXT,
			        r->tsc[c].in_scope ? SC_ROLE_SUCCESS : SC_ROLE_MUTED,
			        1, "%s %s%s", mark(st, r->tsc[c].in_scope),
			        sc_category_name((enum sc_category)c),
			        r->tsc[c].required ? " (required)" : "");
	}
	if (r->nframeworks) {
		doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Related");
		for (size_t k = 0; k < r->nframeworks; k++)
			doc_add(d, TL_TEXT, SC_ROLE_TEXT, 1, "%s",
			        sc_framework_name(r->frameworks[k].id));
	}
	doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0, "Gaps: %zu  Readiness: %d%%",
	        r->ngaps, r->score);
	if (r->nunanswered)
		doc_add(d, TL_TEXT, SC_ROLE_WARNING, 0,
		        "%zu required question%s open", r->nunanswered,
		        r->nunanswered == 1 ? "" : "s");
	for (size_t i = 0; i < d->n; i++) {
		bool seen = false;
		for (size_t j = 0; j < old.n && !seen; j++)
			seen = !strcmp(old.v[j].text, d->v[i].text);
		d->v[i].changed = old.n && !seen;
	}
	/* A flipped recommendation is said in words too, so it shows even
	 * with the panel hidden (line 1 is the summary).  A save error
	 * already on show matters more. */
	if (old.n > 1 && d->n > 1 && strcmp(old.v[1].text, d->v[1].text) &&
	    !st->message)
		set_message(st, false, "Recommendation now: %s (was: %s)",
		            d->v[1].text, old.v[1].text);
	doc_fini(&old);
}

/* ---- documents: review, results, explain, help, start ----------------- */

static void
format_answer(const struct tui_state *st, size_t i, struct sc_buf *b)
{
	const struct sc_answer *a = sc_eval_answer(st->s->ev, i);
	sc_buf_reset(b);
	if (a)
		sc_answer_format(question(st, i), a, b);
	/* An empty check list is an answer too: "none of these". */
	if (a && a->type == SC_A_CHOICES && !a->nsel && !b->len)
		sc_buf_puts(b, "None of these");
}

static void
open_review(struct tui_state *st)
{
	struct tui_doc *d = &st->docs[TV_REVIEW];
	struct sc_buf b = {0};
	size_t keep = d->sel, top = d->top;

	doc_clear(d);
	doc_add(d, TL_TEXT, SC_ROLE_MUTED, 0, "%s",
	        "Enter jumps to a question to change its answer; Esc goes back.");
	for (size_t s = 0; s < st->q->nsections; s++) {
		const struct sc_section *sec = &st->q->sections[s];
		bool heading = false;
		for (size_t i = sec->first; i < sec->first + sec->count; i++) {
			const struct sc_question *qn = question(st, i);
			if (!tui_state_visible(st, i))
				continue;
			if (!heading) {
				doc_blank(d);
				doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
				        sec->title);
				heading = true;
			}
			struct tui_line *l =
				doc_add(d, TL_QUESTION, SC_ROLE_TEXT, 1, "%s",
				        qn->text);
			l->target = i;
			format_answer(st, i, &b);
			if (b.len)
				doc_add(d, TL_TEXT, SC_ROLE_ACCENT, 4, "%s",
				        sc_buf_str(&b));
			else
				doc_add(d, TL_TEXT,
				        qn->required ? SC_ROLE_WARNING
				                     : SC_ROLE_MUTED,
				        4, "%s",
				        qn->required ? "(not answered; required)"
				                     : "(not answered)");
			const char *note = st->s->a->notes[i];
			if (note && *note)
				doc_add(d, TL_TEXT, SC_ROLE_HELP, 4, "Note: %s",
				        note);
		}
	}
	sc_buf_fini(&b);
	/* Coming back keeps the place. */
	if (keep != SIZE_MAX && keep < d->n && line_selectable(&d->v[keep])) {
		d->sel = keep;
		d->top = top;
	}
	/* Otherwise start at the current question. */
	else {
		for (size_t k = 0; k < d->n; k++)
			if (d->v[k].kind == TL_QUESTION && d->v[k].target == st->cur)
				d->sel = k;
	}
	doc_scroll_to_sel(d, st->doc_width, st->doc_height);
}

/* The rule's reason and, below it, each answer it rests on (jumpable). */
static void
add_rule(struct tui_state *st, struct tui_doc *d, size_t rule, int indent)
{
	const struct sc_rule *r = &st->q->rules[rule];
	struct sc_buf b = {0};
	size_t n = 0;
	const size_t *deps = sc_eval_because(st->s->ev, rule, &n);

	doc_add(d, TL_TEXT, SC_ROLE_TEXT, indent, "%s %s",
	        st->opts->ascii ? "-" : "\u2022", r->because);
	for (size_t k = 0; k < n; k++) {
		size_t qi = deps[k];
		format_answer(st, qi, &b);
		struct tui_line *l = doc_add(
			d, TL_QUESTION, SC_ROLE_HELP, indent + 2, "%s %s %s %s",
			st->opts->ascii ? ">" : "\u2192", question(st, qi)->text,
			st->opts->ascii ? "--" : "\u2014",
			b.len ? sc_buf_str(&b) : "(no answer)");
		l->target = qi;
	}
	sc_buf_fini(&b);
}

static void
add_reasons(struct tui_state *st, struct tui_doc *d,
            const struct sc_reasons *rs, int indent)
{
	for (size_t k = 0; k < rs->n; k++)
		add_rule(st, d, rs->rules[k], indent);
}

static void
open_explain(struct tui_state *st)
{
	struct tui_doc *d = &st->docs[TV_EXPLAIN];
	const struct sc_result *r = sc_eval_result(st->s->ev);
	struct sc_buf b = {0};

	doc_clear(d);
	doc_add(d, TL_TEXT, SC_ROLE_MUTED, 0, "%s",
	        "Each conclusion, the rules that produced it and the answers "
	        "they read. Enter jumps to an answer.");
	for (size_t k = 0; k < r->nreports; k++) {
		doc_blank(d);
		const struct sc_report_rec *rr = &r->reports[k];
		add_report_title(d, rr, SC_ROLE_TITLE, 0, " (", ")");
		add_reasons(st, d, &rr->reasons, 2);
	}
	if (!r->nreports) {
		doc_blank(d);
		doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "No SOC report now");
		add_reasons(st, d, &r->none, 2);
		if (!r->none.n)
			doc_add(d, TL_TEXT, SC_ROLE_MUTED, 2, "%s",
			        "No rule has recommended a report yet.");
	}
	if (r->deferred.n) {
		doc_blank(d);
		doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Deferred");
		add_reasons(st, d, &r->deferred, 2);
	}
	for (int c = 0; c < SC_CAT_COUNT; c++) {
		const struct sc_tsc_rec *t = &r->tsc[c];
		if (!t->in_scope && !t->reasons.n)
			continue;
		doc_blank(d);
		doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s: %s",
		        sc_category_name((enum sc_category)c),
		        t->in_scope ? (t->required ? "in scope (required)"
		                                   : "in scope")
		                    : "out of scope");
		if (t->required && !t->reasons.n)
			doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%s",
			        "Security is always in scope of a SOC 2.");
		add_reasons(st, d, &t->reasons, 2);
	}
	for (size_t k = 0; k < r->nframeworks; k++) {
		doc_blank(d);
		doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "Related: %s",
		        sc_framework_name(r->frameworks[k].id));
		add_reasons(st, d, &r->frameworks[k].reasons, 2);
	}
	for (size_t k = 0; k < r->ngaps; k++) {
		doc_blank(d);
		doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "Gap (%s): %s",
		        sc_priority_name(r->gaps[k].priority),
		        r->gaps[k].def->title);
		add_reasons(st, d, &r->gaps[k].reasons, 2);
	}
	sc_buf_fini(&b);
	doc_scroll_to_sel(d, st->doc_width, st->doc_height);
}

static void
open_results(struct tui_state *st)
{
	struct tui_doc *d = &st->docs[TV_RESULTS];
	const struct sc_result *r = sc_eval_result(st->s->ev);
	struct sc_buf b = {0};
	char cbuf[128];
	size_t top = d->top;

	doc_clear(d);
	sc_result_summary(st->q, r, &b);
	doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Recommendation");
	doc_add(d, TL_TEXT, SC_ROLE_ACCENT, 2, "%s", sc_buf_str(&b))->bold =
		true;
	for (size_t k = 0; k < r->nreports; k++) {
		const struct sc_report_rec *rr = &r->reports[k];
		doc_blank(d);
		add_report_title(d, rr, SC_ROLE_TEXT, 2,
		                 ", observation period ", "");
		for (size_t j = 0; j < rr->reasons.n; j++)
			doc_add(d, TL_TEXT, SC_ROLE_HELP, 4, "%s %s",
			        st->opts->ascii ? "-" : "\u2022",
			        st->q->rules[rr->reasons.rules[j]].because);
	}
	for (size_t j = 0; j < r->deferred.n; j++)
		doc_add(d, TL_TEXT, SC_ROLE_MUTED, 2, "Deferred: %s",
		        st->q->rules[r->deferred.rules[j]].because);

	doc_blank(d);
	doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Trust Services categories");
	for (int c = 0; c < SC_CAT_COUNT; c++) {
		const struct sc_tsc_rec *t = &r->tsc[c];
		const char *why = t->reasons.n
			? st->q->rules[t->reasons.rules[0]].because
			: (t->required ? "Always in scope of a SOC 2." : "");
		doc_add(d, TL_TEXT, t->in_scope ? SC_ROLE_SUCCESS : SC_ROLE_MUTED,
		        2, "%s %-21s %-9s %s", mark(st, t->in_scope),
		        sc_category_name((enum sc_category)c),
		        t->in_scope ? (t->required ? "required" : "in scope")
		                    : "out",
		        why);
	}
	if (r->nframeworks) {
		doc_blank(d);
		doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Related frameworks");
		for (size_t k = 0; k < r->nframeworks; k++) {
			const struct sc_reasons *rs = &r->frameworks[k].reasons;
			doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%s%s%s",
			        sc_framework_name(r->frameworks[k].id),
			        rs->n ? ": " : "",
			        rs->n ? st->q->rules[rs->rules[0]].because : "");
		}
	}
	doc_blank(d);
	doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Readiness gaps");
	if (!r->ngaps)
		doc_add(d, TL_TEXT, SC_ROLE_MUTED, 2, "%s",
		        "None found from the answers so far.");
	for (size_t k = 0; k < r->ngaps; k++) {
		const struct sc_gap_rec *g = &r->gaps[k];
		doc_add(d, TL_TEXT,
		        g->priority == SC_PRIO_HIGH ? SC_ROLE_WARNING
		                                    : SC_ROLE_TEXT,
		        2, "[%s] %s%s", sc_priority_name(g->priority),
		        g->def->title, g->def->followup ? " (to confirm)" : "");
		sc_buf_reset(&b);
		for (size_t j = 0; j < g->ncriteria; j++) {
			const char *nm = sc_criteria_name(g->criteria[j],
			                                  cbuf, sizeof cbuf);
			sc_buf_printf(&b, "%s%s%s%s", j ? "; " : "",
			              g->criteria[j], nm ? " " : "",
			              nm ? nm : "");
		}
		if (b.len)
			doc_add(d, TL_TEXT, SC_ROLE_MUTED, 6, "Criteria: %s",
			        sc_buf_str(&b));
		doc_add(d, TL_TEXT, SC_ROLE_HELP, 6, "Advice: %s",
		        g->def->advice);
	}
	doc_blank(d);
	doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "Readiness score: %d/100",
	        r->score);
	doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2,
	        "%zu in place, %zu partly, %zu not in place, %zu not known",
	        r->in_place, r->partial, r->missing, r->unknown);
	if (r->next_steps.n) {
		doc_blank(d);
		doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Next steps");
		for (size_t k = 0; k < r->next_steps.n; k++)
			doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%s %s",
			        st->opts->ascii ? "-" : "\u2022",
			        st->q->rules[r->next_steps.rules[k]].next_step);
	}
	sc_buf_reset(&b);
	sc_session_explain_skipped(st->s, 0, st->q->nsections, &b);
	if (b.len) {
		doc_blank(d);
		doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
		        "Sections that do not apply");
		for (char *l = b.data, *e; l && *l; l = e ? e + 1 : NULL) {
			e = strchr(l, '\n');
			if (e)
				*e = '\0';
			doc_add(d, TL_TEXT, SC_ROLE_MUTED, 2, "%s", l);
		}
	}
	doc_blank(d);
	if (r->nunanswered) {
		doc_add(d, TL_TEXT, SC_ROLE_WARNING, 0,
		        "Required questions still open (%zu): Enter to answer",
		        r->nunanswered);
		for (size_t k = 0; k < r->nunanswered; k++) {
			struct tui_line *l = doc_add(
				d, TL_QUESTION, SC_ROLE_WARNING, 2, "%s",
				question(st, r->unanswered[k])->text);
			l->target = r->unanswered[k];
		}
	} else {
		doc_add(d, TL_TEXT, SC_ROLE_SUCCESS, 0,
		        "All required questions answered (%zu of %zu shown "
		        "questions answered).", r->answered, r->applicable);
	}
	sc_buf_fini(&b);
	/* The recommendation first, wherever the selection lies. */
	d->top = top < d->n ? top : 0;
}

static void
open_help(struct tui_state *st)
{
	struct tui_doc *d = &st->docs[TV_HELP];
	char keys[64];

	doc_clear(d);
	for (int c = 0; c < CTX_COUNT; c++) {
		doc_blank(d);
		doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
		        tui_ctx_title((enum tui_ctx)c));
		for (size_t k = 0; k < tui_request_count; k++) {
			const struct tui_request_info *r = &tui_requests[k];
			if (r->ctx != (enum tui_ctx)c)
				continue;
			tui_request_keys(r->req, keys, sizeof keys);
			doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%-16s %s", keys,
			        r->help);
		}
	}
	doc_blank(d);
	doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Mouse");
	doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%-16s %s", "Click",
	        "select a choice, section or line");
	doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%-16s %s", "Wheel", "scroll");
	doc_add(d, TL_TEXT, SC_ROLE_MUTED, 0, "%s",
	        "Every change is saved at once. Esc closes this help.");
}

static void
open_start(struct tui_state *st)
{
	struct tui_doc *d = &st->docs[TV_START];
	size_t keep = d->sel;

	doc_clear(d);
	doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0, "%s",
	        "Resume a saved interview, or start a new one.");
	doc_blank(d);
	for (size_t k = 0; k < st->ninfos; k++) {
		const struct sc_session_info *in = &st->infos[k];
		char when[32];
		snprintf(when, sizeof when, "%.16s", in->updated ? in->updated : "");
		if (when[10] == 'T')
			when[10] = ' ';
		const char *name = in->client && *in->client ? in->client
		                                             : "(no name)";
		struct tui_line *l;
		/* Another questionnaire's answers cannot be resumed here. */
		if (in->questionnaire && strcmp(in->questionnaire, st->q->id))
			l = doc_add(d, TL_SESSION, SC_ROLE_MUTED, 2,
			            "%-30s  %-16s  (questionnaire %s)", name, when,
			            in->questionnaire);
		else
			l = doc_add(d, TL_SESSION, SC_ROLE_TEXT, 2,
			            "%-30s  %-16s  %zu/%zu %s", name, when,
			            in->answered, in->applicable,
			            in->holder ? "open elsewhere" : "answered");
		l->target = k;
	}
	doc_blank(d);
	doc_add(d, TL_NEW, SC_ROLE_ACCENT, 2, "%s", "+ Start a new interview");
	if (keep != SIZE_MAX && keep < d->n && line_selectable(&d->v[keep]))
		d->sel = keep;
}

static void
open_interview(struct tui_state *st)
{
	ensure_current_visible(st);
}

/* ---- view request handlers ---------------------------------------------- */

static bool
doc_request(struct tui_state *st, struct tui_doc *d, enum tui_req req)
{
	int page = st->doc_height > 2 ? st->doc_height - 1 : 1;
	switch (req) {
	case REQ_UP:
		doc_move(d, -1, st->doc_width, st->doc_height);
		return true;
	case REQ_DOWN:
		doc_move(d, 1, st->doc_width, st->doc_height);
		return true;
	case REQ_PREV:
		doc_move(d, -page, st->doc_width, st->doc_height);
		return true;
	case REQ_NEXT:
		doc_move(d, page, st->doc_width, st->doc_height);
		return true;
	case REQ_HOME:
	case REQ_END:
		doc_home_end(d, req == REQ_END, st->doc_width, st->doc_height);
		return true;
	default:
		return false;
	}
}

static bool
open_line(struct tui_state *st, const struct tui_line *l)
{
	switch (l->kind) {
	case TL_QUESTION:
		jump_to(st, l->target);
		return true;
	case TL_SESSION: {
		char *err = NULL;
		int code;
		if (l->target >= st->ninfos)
			return true;
		char *path = sc_xstrdup(st->infos[l->target].path);
		if (!open_session(st, path, NULL, &err, &code)) {
			set_message(st, true, "%s", err);
			free(err);
		}
		free(path);
		return true;
	}
	case TL_NEW:
		push_view(st, TV_NAME);
		return true;
	default:
		return false;
	}
}

static bool
docview_request(struct tui_state *st, enum tui_req req, int key)
{
	struct tui_doc *d = &st->docs[tui_state_view(st)];
	(void)key;
	if (doc_request(st, d, req))
		return true;
	switch (req) {
	case REQ_ENTER:
		/* Enter opens the selection only when it can be seen. */
		if (d->sel != SIZE_MAX && d->sel < d->n &&
		    doc_sel_visible(d, st->doc_width, st->doc_height))
			return open_line(st, &d->v[d->sel]);
		if (d->sel != SIZE_MAX)
			doc_scroll_to_sel(d, st->doc_width, st->doc_height);
		return true;
	case REQ_BACK:
		pop_view(st);
		return true;
	case REQ_REVIEW:
		if (st->s)
			push_view(st, TV_REVIEW);
		return true;
	case REQ_RESULTS:
		if (st->s)
			push_view(st, TV_RESULTS);
		return true;
	case REQ_EXPLAIN:
		if (st->s)
			push_view(st, TV_EXPLAIN);
		return true;
	default:
		return false;
	}
}

static bool
name_request(struct tui_state *st, enum tui_req req, int key)
{
	if (tui_le_request(&st->name_ed, req))
		return true;
	switch (req) {
	case REQ_INSERT:
		if (!tui_le_insert(&st->name_ed, (uint32_t)key))
			set_message(st, true, "%s", "That character cannot go in a name.");
		else
			clear_message(st);
		return true;
	case REQ_ENTER: {
		const char *name = tui_le_text(&st->name_ed);
		while (*name == ' ')
			name++;
		if (!*name) {
			set_message(st, true, "%s",
			            "Type the client's name, then press Enter.");
			return true;
		}
		char *client = sc_xstrdup(name);
		char *path = sc_session_path(client);
		char *err = NULL;
		int code;
		if (!open_session(st, path, client, &err, &code)) {
			set_message(st, true, "%s", err);
			free(err);
		}
		free(path);
		free(client);
		return true;
	}
	case REQ_BACK:
		pop_view(st);
		return true;
	default:
		return false;
	}
}

static bool
sidebar_request(struct tui_state *st, enum tui_req req)
{
	size_t n = st->q->nsections;
	switch (req) {
	case REQ_UP:
		if (st->side_sel > 0)
			st->side_sel--;
		return true;
	case REQ_DOWN:
		if (st->side_sel + 1 < n)
			st->side_sel++;
		return true;
	case REQ_HOME:
		st->side_sel = 0;
		return true;
	case REQ_END:
		st->side_sel = n - 1;
		return true;
	case REQ_ENTER:
	case REQ_TOGGLE:
		jump_section(st, st->side_sel);
		return true;
	case REQ_RIGHT:
	case REQ_FOCUS:
	case REQ_BACK:
		st->focus = TF_QUESTION;
		st->side_sel = question(st, st->cur)->section;
		return true;
	default:
		return false;
	}
}

static bool
note_request(struct tui_state *st, enum tui_req req, int key)
{
	if (tui_le_request(&st->note_ed, req))
		return true;
	switch (req) {
	case REQ_INSERT:
		tui_le_insert(&st->note_ed, (uint32_t)key);
		return true;
	case REQ_ENTER:
		st->note_mode = false;
		note_save_status(st, sc_session_set_note(st->s, st->cur,
		                                         tui_le_text(&st->note_ed)));
		return true;
	case REQ_BACK:
		st->note_mode = false;
		return true;
	default:
		/* Everything else waits until the note is done. */
		return req == REQ_UP || req == REQ_DOWN || req == REQ_PREV ||
		       req == REQ_NEXT || req == REQ_FOCUS;
	}
}

static bool
typed_request(struct tui_state *st, enum tui_req req, int key)
{
	size_t i = st->cur;
	const struct sc_question *qn = question(st, i);
	struct tui_lineedit *le = &st->drafts[i];

	if (tui_le_request(le, req)) {
		if (req != REQ_ED_LEFT && req != REQ_ED_RIGHT &&
		    req != REQ_ED_HOME && req != REQ_ED_END) {
			st->draft_dirty[i] = true;
			validate_draft(st, i);
		}
		return true;
	}
	switch (req) {
	case REQ_INSERT:
		if (tui_le_insert(le, (uint32_t)key)) {
			st->draft_dirty[i] = true;
			validate_draft(st, i);
		} else {
			free(st->errors[i]);
			if (qn->type == SC_Q_NUMBER && tui_le_chars(le) < le->max_chars)
				st->errors[i] = sc_xstrdup(
					"Only digits, a minus sign and a decimal point.");
			else if (qn->type == SC_Q_NUMBER)
				st->errors[i] = sc_xstrdup("That number is too long.");
			else
				st->errors[i] = sc_xasprintf(
					"At most %zu characters.", text_max(qn));
		}
		return true;
	case REQ_ENTER:
		if (!stored_answer(st, i) && *tui_le_text(le))
			st->draft_dirty[i] = true;
		if (commit_draft(st, i))
			next_question(st, true);
		return true;
	case REQ_UP:
		prev_question(st);
		return true;
	case REQ_DOWN:
		next_question(st, false);
		return true;
	default:
		return false;
	}
}

static bool
choice_request(struct tui_state *st, enum tui_req req, int key)
{
	size_t i = st->cur;
	const struct sc_question *qn = question(st, i);
	size_t n = tui_state_nchoices(st, i);

	switch (req) {
	case REQ_UP:
		if (st->cursor[i] > 0)
			st->cursor[i]--;
		return true;
	case REQ_DOWN:
		if (st->cursor[i] + 1 < n)
			st->cursor[i]++;
		return true;
	case REQ_HOME:
		st->cursor[i] = 0;
		return true;
	case REQ_END:
		st->cursor[i] = n ? n - 1 : 0;
		return true;
	case REQ_PICK:
		if (key >= '1' && key <= '9' && (size_t)(key - '1') < n)
			pick_choice(st, (size_t)(key - '1'));
		return true;
	case REQ_TOGGLE:
		if (qn->type == SC_Q_MULTI ||
		    !tui_state_choice_selected(st, i, st->cursor[i]))
			pick_choice(st, st->cursor[i]);
		return true;
	case REQ_ENTER:
		if (qn->type == SC_Q_MULTI) {
			/* Confirming an empty check list answers "none of
			 * these", unless the list has a choice that says so:
			 * then nothing ticked leaves the question open. */
			int none = sc_session_none_choice(qn);
			if (!stored_answer(st, i) && none < 0) {
				struct sc_answer a = {.type = SC_A_CHOICES};
				set_answer(st, i, &a);
			} else if (!stored_answer(st, i)) {
				set_message(st, false, "Nothing ticked, so the "
				            "question stays open; tick \"%s\" "
				            "if none applies.",
				            qn->choices[none].label);
			}
		} else if (!tui_state_choice_selected(st, i, st->cursor[i])) {
			pick_choice(st, st->cursor[i]);
		}
		next_question(st, true);
		return true;
	default:
		return false;
	}
}

/* A session open in another interview: moving about, the results and
 * the export work; whatever would change an answer or a note is refused.
 * True when the request was dealt with here. */
static bool
read_only_request(struct tui_state *st, enum tui_req req)
{
	switch (req) {
	case REQ_ENTER:
		if (st->focus != TF_QUESTION)
			return false;
		/* On to the next question, picking nothing. */
		next_question(st, true);
		return true;
	case REQ_PICK:
	case REQ_TOGGLE:
	case REQ_CLEAR:
	case REQ_NOTE:
	case REQ_INSERT:
	case REQ_ED_BACKSPACE:
	case REQ_ED_DELETE:
	case REQ_ED_KILL_START:
	case REQ_ED_KILL_END:
	case REQ_ED_KILL_WORD:
		read_only_message(st);
		return true;
	default:
		return false;
	}
}

static bool
interview_request(struct tui_state *st, enum tui_req req, int key)
{
	const struct sc_question *qn = question(st, st->cur);

	if (st->note_mode)
		return note_request(st, req, key);
	if (st->s->read_only && read_only_request(st, req))
		return true;
	if (st->focus == TF_SIDEBAR && sidebar_request(st, req))
		return true;
	if (st->focus == TF_QUESTION) {
		if (is_typed(qn) ? typed_request(st, req, key)
		                 : choice_request(st, req, key))
			return true;
	}
	switch (req) {
	case REQ_PREV:
		prev_question(st);
		st->focus = TF_QUESTION;
		return true;
	case REQ_NEXT:
		next_question(st, false);
		st->focus = TF_QUESTION;
		return true;
	case REQ_FOCUS:
	case REQ_LEFT:
		st->focus = TF_SIDEBAR;
		st->side_sel = qn->section;
		return true;
	case REQ_CLEAR:
		st->draft_dirty[st->cur] = false;
		unset_answer(st, st->cur);
		load_draft(st, st->cur);
		return true;
	case REQ_NOTE: {
		const char *note = st->s->a->notes[st->cur];
		st->note_mode = true;
		st->focus = TF_QUESTION;
		tui_le_set(&st->note_ed, note ? note : "");
		return true;
	}
	case REQ_PANEL:
		st->panel = !st->panel;
		return true;
	case REQ_EXPLAIN:
		leave_current(st);
		push_view(st, TV_EXPLAIN);
		return true;
	case REQ_REVIEW:
		leave_current(st);
		push_view(st, TV_REVIEW);
		return true;
	case REQ_RESULTS:
		leave_current(st);
		push_view(st, TV_RESULTS);
		return true;
	case REQ_BACK:
		return true;
	default:
		return false;
	}
}

char *
tui_export_default_path(const struct tui_state *st, enum sc_format f)
{
	const char *client = st->s && st->s->a->client ? st->s->a->client : "";
	char *slug = sc_slug(client);
	char *p = sc_xasprintf("%s-socscope.%s", slug, sc_format_ext(f));
	free(slug);
	return p;
}

bool
tui_state_export(struct tui_state *st)
{
	const char *path = tui_le_text(&st->export_ed);
	struct sc_buf b = {0};
	struct sc_report_opts ro = {NULL, 80};
	char *err = NULL;

	if (!*path) {
		set_message(st, true, "%s", "Type a file name to export to.");
		return false;
	}
	/* "~/" means the home directory, as in a shell. */
	char *full = NULL;
	const char *home = getenv("HOME");
	if (path[0] == '~' && path[1] == '/' && home && *home)
		path = full = sc_xasprintf("%s%s", home, path + 1);
	sc_report_render(st->q, st->s->a, st->s->ev, st->export_fmt, &ro, &b);
	enum sc_status rc = sc_write_file_output(path, b.data ? b.data : "",
	                                         b.len, 0644, &err);
	sc_buf_fini(&b);
	if (rc != SC_OK) {
		set_message(st, true, "Not exported: %s",
		            err ? err : "the file cannot be written");
		free(err);
		free(full);
		return false;
	}
	set_message(st, false, "Exported %s to %s",
	            sc_format_id_str(st->export_fmt), path);
	free(full);
	return true;
}

static void
export_cycle(struct tui_state *st, int delta)
{
	char *old = tui_export_default_path(st, st->export_fmt);
	bool was_default = !strcmp(old, tui_le_text(&st->export_ed));
	int f = ((int)st->export_fmt + delta + SC_FMT_COUNT) % SC_FMT_COUNT;
	st->export_fmt = (enum sc_format)f;
	/* A path the user has not edited follows the format. */
	if (was_default) {
		char *p = tui_export_default_path(st, st->export_fmt);
		tui_le_set(&st->export_ed, p);
		free(p);
	}
	free(old);
}

static bool
results_request(struct tui_state *st, enum tui_req req, int key)
{
	if (st->export_mode) {
		if (tui_le_request(&st->export_ed, req))
			return true;
		switch (req) {
		case REQ_INSERT:
			tui_le_insert(&st->export_ed, (uint32_t)key);
			return true;
		case REQ_UP:
			export_cycle(st, -1);
			return true;
		case REQ_DOWN:
		case REQ_FOCUS:
			export_cycle(st, 1);
			return true;
		case REQ_ENTER:
			if (tui_state_export(st))
				st->export_mode = false;
			return true;
		case REQ_BACK:
			st->export_mode = false;
			clear_message(st);
			return true;
		default:
			return false;
		}
	}
	switch (req) {
	case REQ_EXPORT: {
		char *p = tui_export_default_path(st, st->export_fmt);
		st->export_mode = true;
		tui_le_set(&st->export_ed, p);
		free(p);
		clear_message(st);
		return true;
	}
	case REQ_LEFT:
	case REQ_RIGHT:
		return true;
	default:
		return docview_request(st, req, key);
	}
}

static const struct tui_view_ops views[TV_COUNT] = {
	[TV_START] = {"start", docview_request, open_start},
	[TV_NAME] = {"name", name_request, NULL},
	[TV_INTERVIEW] = {"interview", interview_request, open_interview},
	[TV_REVIEW] = {"review", docview_request, open_review},
	[TV_RESULTS] = {"results", results_request, open_results},
	[TV_EXPLAIN] = {"explain", docview_request, open_explain},
	[TV_HELP] = {"help", docview_request, open_help},
};

static const struct tui_view_ops *
view_ops(enum tui_view_id v)
{
	return &views[v];
}

/* ---- entry points ------------------------------------------------------- */

bool
tui_state_request(struct tui_state *st, enum tui_req req, int key)
{
	enum tui_view_id v = tui_state_view(st);

	if (req == REQ_NONE)
		return false;
	/* Global requests first: help, quit and redraw work everywhere. */
	switch (req) {
	case REQ_QUIT:
		tui_state_commit_pending(st);
		st->quit = true;
		return true;
	case REQ_HELP:
		if (v == TV_HELP)
			pop_view(st);
		else
			push_view(st, TV_HELP);
		return true;
	case REQ_REDRAW:
		return true;
	default:
		break;
	}
	bool done = views[v].request(st, req, key);
	if (st->s && tui_state_view(st) == TV_INTERVIEW)
		ensure_current_visible(st);
	return done;
}

bool
tui_state_key(struct tui_state *st, int key)
{
	bool editing = tui_state_editing(st);

	if (key == TK_PASTE_START || key == TK_PASTE_END) {
		st->pasting = key == TK_PASTE_START;
		return false;
	}
	/* Pasted text is text: into the editor (line breaks and tabs as
	 * spaces), and never taken as commands anywhere else. */
	if (st->pasting) {
		if (!editing)
			return false;
		if (key == TK_ENTER || key == '\n' || key == TK_TAB)
			key = ' ';
		if (!tui_key_printable(key))
			return false;
		return tui_state_request(st, REQ_INSERT, key);
	}
	return tui_state_request(st, tui_key_request(key, editing), key);
}

void
tui_state_commit_pending(struct tui_state *st)
{
	if (!st->s || st->s->read_only)
		return;
	if (st->note_mode) {
		st->note_mode = false;
		sc_session_set_note(st->s, st->cur, tui_le_text(&st->note_ed));
	}
	commit_draft(st, st->cur);
}

void
tui_state_layout(struct tui_state *st, int width, int height)
{
	st->doc_width = width;
	st->doc_height = height;
}

void
tui_state_click_choice(struct tui_state *st, size_t c)
{
	if (tui_state_view(st) != TV_INTERVIEW || st->note_mode)
		return;
	st->focus = TF_QUESTION;
	if (st->s->read_only)
		read_only_message(st);
	else if (c < tui_state_nchoices(st, st->cur))
		pick_choice(st, c);
}

void
tui_state_click_section(struct tui_state *st, size_t section)
{
	if (tui_state_view(st) != TV_INTERVIEW || st->note_mode ||
	    section >= st->q->nsections)
		return;
	jump_section(st, section);
}

void
tui_state_click_line(struct tui_state *st, size_t line, bool open)
{
	enum tui_view_id v = tui_state_view(st);
	struct tui_doc *d = &st->docs[v];
	if (v == TV_INTERVIEW || v == TV_NAME || line >= d->n ||
	    !line_selectable(&d->v[line]))
		return;
	d->sel = line;
	if (open)
		open_line(st, &d->v[line]);
}

void
tui_state_scroll(struct tui_state *st, int lines)
{
	enum tui_view_id v = tui_state_view(st);
	if (v == TV_INTERVIEW) {
		/* The wheel scrolls choices; it never leaves a typed answer. */
		if (st->note_mode || st->focus != TF_QUESTION ||
		    is_typed(question(st, st->cur)))
			return;
		for (int k = 0; k < (lines < 0 ? -lines : lines); k++)
			tui_state_request(st, lines < 0 ? REQ_UP : REQ_DOWN, 0);
		return;
	}
	if (v == TV_NAME)
		return;
	doc_scroll_by(&st->docs[v], lines, st->doc_width, st->doc_height);
}
