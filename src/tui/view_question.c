/* The question view, the heart of the interview: choices picked or
 * ticked, numbers and text typed, notes, and the keys that lead to the
 * other views.  The sections sidebar beside it is view_sections.c. */
#include <stdint.h>
#include <stdlib.h>

#include "draft.h"
#include "live.h"
#include "nav.h"
#include "view.h"

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
		tui_note_save_status(st, sc_session_set_note(st->s, st->cur,
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
	const struct sc_question *qn = tui_question(st, i);
	struct tui_lineedit *le = &st->drafts[i];

	if (tui_le_request(le, req)) {
		if (req != REQ_ED_LEFT && req != REQ_ED_RIGHT &&
		    req != REQ_ED_HOME && req != REQ_ED_END) {
			st->draft_dirty[i] = true;
			tui_draft_validate(st, i);
			tui_live_preview(st);
		}
		return true;
	}
	switch (req) {
	case REQ_INSERT:
		if (tui_le_insert(le, (uint32_t)key)) {
			st->draft_dirty[i] = true;
			tui_draft_validate(st, i);
			/* The panel follows what is typed, before Enter. */
			tui_live_preview(st);
		} else {
			free(st->errors[i]);
			if (qn->type == SC_Q_NUMBER && tui_le_chars(le) < le->max_chars)
				st->errors[i] = sc_xstrdup(
					"Only digits, a minus sign and a decimal point.");
			else if (qn->type == SC_Q_NUMBER)
				st->errors[i] = sc_xstrdup("That number is too long.");
			else if (qn->type == SC_Q_DATE)
				st->errors[i] = sc_xstrdup(
					"A date as YYYY-MM-DD, such as 2026-12-31.");
			else
				st->errors[i] = sc_xasprintf(
					"At most %zu characters.", tui_text_max(qn));
		}
		return true;
	case REQ_ENTER:
		if (!tui_answer_stored(st, i) && *tui_le_text(le))
			st->draft_dirty[i] = true;
		if (tui_draft_commit(st, i))
			tui_nav_next(st, true);
		return true;
	case REQ_UP:
		tui_nav_prev(st);
		return true;
	case REQ_DOWN:
		tui_nav_next(st, false);
		return true;
	default:
		return false;
	}
}

static bool
choice_request(struct tui_state *st, enum tui_req req, int key)
{
	size_t i = st->cur;
	const struct sc_question *qn = tui_question(st, i);
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
			tui_pick_choice(st, (size_t)(key - '1'));
		return true;
	case REQ_TOGGLE:
		if (qn->type == SC_Q_MULTI ||
		    !tui_state_choice_selected(st, i, st->cursor[i]))
			tui_pick_choice(st, st->cursor[i]);
		return true;
	case REQ_ENTER:
		if (qn->type == SC_Q_MULTI) {
			/* Confirming an empty check list answers "none of
			 * these", unless the list has a choice that says so:
			 * then nothing ticked leaves the question open. */
			int none = sc_session_none_choice(qn);
			if (!tui_answer_stored(st, i) && none < 0) {
				struct sc_answer a = {.type = SC_A_CHOICES};
				tui_answer_set(st, i, &a);
			} else if (!tui_answer_stored(st, i)) {
				tui_set_message(st, false, "Nothing ticked, so the "
				                "question stays open; tick \"%s\" "
				                "if none applies.",
				                qn->choices[none].label);
			}
		} else if (!tui_state_choice_selected(st, i, st->cursor[i])) {
			tui_pick_choice(st, st->cursor[i]);
		}
		tui_nav_next(st, true);
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
		tui_nav_next(st, true);
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
		tui_read_only_message(st);
		return true;
	default:
		return false;
	}
}

/* The panel on the whole screen: the moving keys scroll it, Esc puts it
 * back beside the question.  True when the request was dealt with. */
static bool
full_panel_request(struct tui_state *st, enum tui_req req)
{
	switch (req) {
	case REQ_UP:
	case REQ_DOWN:
	case REQ_PREV:
	case REQ_NEXT:
	case REQ_HOME:
	case REQ_END:
		tui_live_request(st, req);
		return true;
	case REQ_BACK:
		st->panel_size = TP_NORMAL;
		return true;
	default:
		return false;
	}
}

/* A typed question's field: Esc leaves it (letters are commands then),
 * Enter goes back into it.  True when the request was dealt with. */
static bool
field_request(struct tui_state *st, enum tui_req req, int key)
{
	if (!st->field_off) {
		if (req == REQ_BACK) {
			st->field_off = true;
			return true;
		}
		return typed_request(st, req, key);
	}
	switch (req) {
	case REQ_ENTER:
		st->field_off = false;
		return true;
	case REQ_UP:
	case REQ_DOWN:
		return typed_request(st, req, key);
	default:
		return false;
	}
}

static bool
interview_request(struct tui_state *st, enum tui_req req, int key)
{
	const struct sc_question *qn = tui_question(st, st->cur);

	if (st->note_mode)
		return note_request(st, req, key);
	if (st->panel && st->panel_size == TP_FULL &&
	    full_panel_request(st, req))
		return true;
	if (st->s->read_only && read_only_request(st, req))
		return true;
	if (st->focus == TF_SIDEBAR && tui_sections_request(st, req))
		return true;
	if (st->focus == TF_QUESTION) {
		if (tui_is_typed(qn) ? field_request(st, req, key)
		                 : choice_request(st, req, key))
			return true;
	}
	switch (req) {
	case REQ_PREV:
		tui_nav_prev(st);
		st->focus = TF_QUESTION;
		return true;
	case REQ_NEXT:
		tui_nav_next(st, false);
		st->focus = TF_QUESTION;
		return true;
	case REQ_FOCUS:
	case REQ_LEFT:
		st->focus = TF_SIDEBAR;
		st->side_sel = qn->section;
		return true;
	case REQ_CLEAR:
		st->draft_dirty[st->cur] = false;
		tui_answer_unset(st, st->cur);
		tui_draft_load(st, st->cur);
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
	case REQ_PANEL_SIZE:
		/* Showing a size shows the panel. */
		if (st->panel)
			st->panel_size = (st->panel_size + 1) % TP_SIZE_COUNT;
		st->panel = true;
		tui_set_message(st, false, "Live recommendation: %s.",
		                st->panel_size == TP_NORMAL
		                        ? "beside the question"
		                        : st->panel_size == TP_WIDE
		                                  ? "wide"
		                                  : "whole screen (arrows scroll "
		                                    "it; Esc puts it back)");
		return true;
	case REQ_EXPLAIN:
		tui_nav_leave(st);
		tui_view_push(st, TV_EXPLAIN);
		return true;
	case REQ_REVIEW:
		tui_nav_leave(st);
		tui_view_push(st, TV_REVIEW);
		return true;
	case REQ_RESULTS:
		tui_nav_leave(st);
		tui_view_push(st, TV_RESULTS);
		return true;
	case REQ_WHATIF:
		if (st->saved)
			tui_whatif_leave(st, false);
		else
			tui_whatif_begin(st);
		return true;
	case REQ_COMPARE:
		if (!st->saved) {
			tui_set_message(st, false, "Compare shows what-if against "
			                "the saved answers: press i (F6) for "
			                "what-if first.");
			return true;
		}
		tui_nav_leave(st);
		tui_view_push(st, TV_COMPARE);
		return true;
	case REQ_RESET:
		tui_example_reset_ask(st, SIZE_MAX);
		return true;
	case REQ_BACK:
		/* After a jump from another view: back there, in place. */
		if (st->back_depth) {
			tui_nav_leave(st);
			tui_nav_back(st);
		}
		return true;
	default:
		return false;
	}
}

static void
open_interview(struct tui_state *st)
{
	tui_nav_ensure_visible(st);
}

static bool
question_editing(const struct tui_state *st)
{
	return st->note_mode ||
	       (st->focus == TF_QUESTION && !st->field_off &&
	        tui_is_typed(tui_question(st, st->cur)));
}

/* The key bar: every command, most used first; while a field takes the
 * letters the bar names their function keys (keybar.c), and Esc leaves
 * the field. */
static const struct tui_barkey *
question_keybar(const struct tui_state *st)
{
	enum { MAX = 20 };
	static struct tui_barkey v[MAX];
	size_t n = 0;
	bool typed = tui_is_typed(tui_question(st, st->cur));
	bool typing = typed && !st->field_off;
	static const struct tui_barkey note[] = {
		{REQ_ENTER, "Save note"}, {REQ_BACK, "Cancel"},
		{REQ_QUIT, "Quit"}, {REQ_NONE, NULL}};
	static const struct tui_barkey full[] = {
		{REQ_HELP, "Help"}, {REQ_DOWN, "Scroll"},
		{REQ_PANEL_SIZE, "Panel size"}, {REQ_BACK, "Back to the question"},
		{REQ_WHATIF, "What-if"}, {REQ_QUIT, "Quit"}, {REQ_NONE, NULL}};
	static const struct tui_barkey full_wi[] = {
		{REQ_HELP, "Help"}, {REQ_DOWN, "Scroll"},
		{REQ_PANEL_SIZE, "Panel size"}, {REQ_BACK, "Back to the question"},
		{REQ_WHATIF, "Keep/drop"}, {REQ_COMPARE, "Compare"},
		{REQ_QUIT, "Quit"}, {REQ_NONE, NULL}};
#define KEY(r, l) (v[n++] = (struct tui_barkey){(r), (l)})
	if (st->note_mode)
		return note;
	if (st->focus == TF_SIDEBAR)
		return tui_sections_keys;
	if (st->panel && st->panel_size == TP_FULL)
		return st->saved ? full_wi : full;
	KEY(REQ_HELP, "Help");
	if (typing) {
		KEY(REQ_ENTER, "Confirm");
		KEY(REQ_BACK, "Leave field");
	} else {
		KEY(REQ_ENTER, typed ? "Type" : "Next");
		if (st->back_depth)
			KEY(REQ_BACK, "Back");
	}
	if (!typed)
		KEY(REQ_FOCUS, "Sections");
	KEY(REQ_NOTE, "Note");
	KEY(REQ_EXPLAIN, "Why");
	KEY(REQ_REVIEW, "Review");
	KEY(REQ_RESULTS, "Results");
	/* In what-if the same key keeps or drops the changes. */
	KEY(REQ_WHATIF, st->saved ? "Keep/drop" : "What-if");
	if (st->saved)
		KEY(REQ_COMPARE, "Compare");
	KEY(REQ_PANEL, "Panel");
	KEY(REQ_PANEL_SIZE, "Size");
	if (st->session_example != SIZE_MAX && !st->saved)
		KEY(REQ_RESET, "Reset");
	if (!typed)
		KEY(REQ_PICK, "Pick");
	/* Moving gives way first on a narrow screen (Up and Down move too). */
	if (typed) {
		KEY(REQ_FOCUS, "Sections");
		KEY(REQ_PREV, "Prev");
		KEY(REQ_NEXT, "Next");
	}
	KEY(REQ_QUIT, "Quit");
	KEY(REQ_NONE, NULL);
#undef KEY
	return v;
}

const struct tui_view_ops tui_view_question = {
	.name = "question",
	.request = interview_request,
	.open = open_interview,
	.editing = question_editing,
	.keybar = question_keybar,
};
