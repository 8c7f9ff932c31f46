/* The top of the interview: the registered views, creating the state, and
 * the entry points that hand keys, requests, clicks and the wheel to the
 * view on top.  No curses here. */
#include "state.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "nav.h"
#include "socscope/paths.h"
#include "view.h"

#define TUI_VIEW_REGISTER(id, name) [id] = &tui_view_##name,
static const struct tui_view_ops *const views[TV_COUNT] = {
	TUI_VIEWS(TUI_VIEW_REGISTER)
};
#undef TUI_VIEW_REGISTER

const char *
tui_view_title(enum tui_view_id v)
{
	return views[v]->title ? views[v]->title : "";
}

bool
tui_view_document(enum tui_view_id v)
{
	return views[v]->document;
}

const struct tui_barkey *
tui_state_keybar(const struct tui_state *st)
{
	static const struct tui_barkey doc_keys[] = {
		{REQ_HELP, "Help"}, {REQ_ENTER, "Open"}, {REQ_BACK, "Back"},
		{REQ_QUIT, "Quit"}, {REQ_NONE, NULL}};
	const struct tui_view_ops *ops = views[tui_state_view(st)];
	if (st->ask)
		return tui_ask_keybar(st);
	return ops->keybar ? ops->keybar(st) : doc_keys;
}

struct tui_state *
tui_state_new(const struct sc_interview_opts *o, char **err, int *code)
{
	struct tui_state *st = sc_xcalloc(1, sizeof *st);
	size_t n = o->q->nquestions;

	*err = NULL;
	*code = 0;
	st->opts = o;
	st->views = views;
	st->q = o->q;
	st->panel = true;
	st->session_example = SIZE_MAX;
	st->cursor = sc_xcalloc(n + 1, sizeof *st->cursor);
	st->drafts = sc_xcalloc(n + 1, sizeof *st->drafts);
	st->draft_dirty = sc_xcalloc(n + 1, sizeof *st->draft_dirty);
	st->errors = sc_xcalloc(n + 1, sizeof *st->errors);
	for (size_t i = 0; i < n; i++) {
		const struct sc_question *qn = &o->q->questions[i];
		tui_le_init(&st->drafts[i], qn->type == SC_Q_TEXT   ? tui_text_max(qn)
		                            : qn->type == SC_Q_DATE ? 16
		                                                    : 64);
		st->drafts[i].numeric = qn->type == SC_Q_NUMBER;
	}
	tui_le_init(&st->name_ed, 200);
	tui_le_init(&st->note_ed, 4000);
	tui_le_init(&st->export_ed, 4000);
	tui_le_init(&st->owner_ed, 240);
	for (size_t v = 0; v < TV_COUNT; v++)
		st->docs[v].sel = SIZE_MAX;
	st->live.sel = SIZE_MAX;
	st->live_news.sel = SIZE_MAX;
	st->live_prev.sel = SIZE_MAX;

	if (o->answers_path || (o->client && *o->client)) {
		char *path = o->answers_path ? sc_xstrdup(o->answers_path)
		                             : sc_session_path(o->client);
		bool ok = tui_nav_open_session(st, path, o->client, err, code);
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
	tui_examples_load(st);
	/* With nothing to resume or open, the new client's name at once;
	 * asked for from another questionnaire's picker, the name over this
	 * one's picker, so that Esc goes back to a list instead of nowhere. */
	bool picker = st->ninfos || st->nexamples;
	tui_view_push(st, picker ? TV_START : TV_NAME);
	if (picker && o->start_new)
		tui_view_push(st, TV_NAME);
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
	tui_le_fini(&st->owner_ed);
	free(st->owner_gap);
	free(st->owner_title);
	for (size_t v = 0; v < TV_COUNT; v++)
		tui_doc_fini(&st->docs[v]);
	tui_doc_fini(&st->live);
	tui_doc_fini(&st->live_news);
	tui_doc_fini(&st->live_prev);
	sc_answers_free(st->live_base);
	free(st->wi_order);
	sc_session_infos_free(st->infos, st->ninfos);
	free(st->info_example);
	sc_example_infos_free(st->examples, st->nexamples);
	sc_catalogue_free(st->evidence);
	sc_session_free(st->s);
	sc_session_free(st->saved);
	free(st->message);
	free(st->passed);
	free(st);
}

bool
tui_state_editing(const struct tui_state *st)
{
	const struct tui_view_ops *ops = st->views[tui_state_view(st)];
	/* A question asked takes y and n, not a field. */
	return !st->ask && ops->editing && ops->editing(st);
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
		/* What-if's changes are kept or dropped first. */
		if (st->saved) {
			tui_whatif_leave(st, true);
			return true;
		}
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
	if (st->ask)
		return tui_ask_request(st, req);
	bool done = st->views[v]->request(st, req, key);
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
	return tui_state_request(st, tui_key_request_in(key, st->ask ? TKM_CONFIRM
	                                                    : editing ? TKM_EDIT
	                                                              : TKM_COMMAND),
	                         key);
}

void
tui_state_commit_pending(struct tui_state *st)
{
	/* What is typed in what-if belongs to a copy that is never saved:
	 * leaving on a signal drops it, and the saved session remains. */
	if (st->saved)
		tui_whatif_end(st, false);
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
	bool wider = width != st->doc_width;
	st->doc_width = width;
	st->doc_height = height;
	/* The comparison is text wrapped to the width when it was made: a
	 * view opened from the interview (whose question column is
	 * narrower) or a resize makes it again at the width it is shown in. */
	enum tui_view_id v = tui_state_view(st);
	if (wider && v == TV_COMPARE && st->views[v]->open) {
		st->reopening = true;
		st->views[v]->open(st);
		st->reopening = false;
	}
}

void
tui_state_scroll_panel(struct tui_state *st, int lines)
{
	tui_doc_scroll_by(&st->live, lines, st->panel_width, st->panel_height);
}

void
tui_state_panel_layout(struct tui_state *st, int width, int height)
{
	st->panel_width = width;
	st->panel_height = height;
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
	if (!st->views[v]->document || line >= d->n ||
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
	if (!st->views[v]->document)
		return;
	tui_doc_scroll_by(&st->docs[v], lines, st->doc_width, st->doc_height);
}
