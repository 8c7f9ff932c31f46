/* The interview's state: creating it, opening a session, what the views
 * ask of it, and the entry points that hand keys, requests and clicks to
 * the view on top (view.h).  No curses here. */
#include "state.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "live.h"
#include "nav.h"
#include "socscope/paths.h"
#include "view.h"

enum tui_view_id
tui_state_view(const struct tui_state *st)
{
	return st->depth ? st->stack[st->depth - 1] : TV_START;
}

bool
tui_state_editing(const struct tui_state *st)
{
	const struct tui_view_ops *ops = tui_view_ops(tui_state_view(st));
	return ops->editing && ops->editing(st);
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
	static const char *const yesno[] = {"Yes", "No", "Not sure"};
	const struct sc_question *qn = tui_question(st, i);
	if (qn->type == SC_Q_YESNO)
		return c < 3 ? yesno[c] : "";
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

bool
tui_state_open_session(struct tui_state *st, const char *path,
                       const char *client, char **err, int *code)
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
		st->cursor[i] = tui_initial_cursor(st, i);
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
	tui_doc_fini(&st->live);
	st->live.sel = SIZE_MAX;
	tui_live_refresh(st);
	/* The first build marks nothing as changed. */
	for (size_t i = 0; i < st->live.n; i++)
		st->live.v[i].changed = false;
	tui_view_push(st, TV_INTERVIEW);
	tui_nav_set_current(st, cur);
	if (s->read_only)
		tui_read_only_message(st);
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
		            qn->type == SC_Q_TEXT ? tui_text_max(qn) : 64);
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
		bool ok = tui_state_open_session(st, path, o->client, err, code);
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
	tui_view_push(st, st->ninfos ? TV_START : TV_NAME);
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
		tui_doc_fini(&st->docs[v]);
	tui_doc_fini(&st->live);
	sc_session_infos_free(st->infos, st->ninfos);
	sc_session_free(st->s);
	free(st->message);
	free(st->passed);
	free(st);
}

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
			tui_view_pop(st);
		else
			tui_view_push(st, TV_HELP);
		return true;
	case REQ_REDRAW:
		return true;
	default:
		break;
	}
	bool done = tui_view_ops(v)->request(st, req, key);
	if (st->s && tui_state_view(st) == TV_INTERVIEW)
		tui_nav_ensure_visible(st);
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
	tui_draft_commit(st, st->cur);
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
		tui_read_only_message(st);
	else if (c < tui_state_nchoices(st, st->cur))
		tui_pick_choice(st, c);
}

void
tui_state_click_section(struct tui_state *st, size_t section)
{
	if (tui_state_view(st) != TV_INTERVIEW || st->note_mode ||
	    section >= st->q->nsections)
		return;
	tui_sections_jump(st, section);
}

void
tui_state_click_line(struct tui_state *st, size_t line, bool open)
{
	enum tui_view_id v = tui_state_view(st);
	struct tui_doc *d = &st->docs[v];
	if (!tui_view_ops(v)->document || line >= d->n ||
	    !tui_line_selectable(&d->v[line]))
		return;
	d->sel = line;
	if (open)
		tui_open_line(st, &d->v[line]);
}

void
tui_state_scroll(struct tui_state *st, int lines)
{
	enum tui_view_id v = tui_state_view(st);
	if (v == TV_INTERVIEW) {
		/* The wheel scrolls choices; it never leaves a typed answer. */
		if (st->note_mode || st->focus != TF_QUESTION ||
		    tui_is_typed(tui_question(st, st->cur)))
			return;
		for (int k = 0; k < (lines < 0 ? -lines : lines); k++)
			tui_state_request(st, lines < 0 ? REQ_UP : REQ_DOWN, 0);
		return;
	}
	if (!tui_view_ops(v)->document)
		return;
	tui_doc_scroll_by(&st->docs[v], lines, st->doc_width, st->doc_height);
}
