/* What-if: answers changed on a copy of the session (sc_session_what_if)
 * that is never saved, while the live panel shows what differs from the
 * saved answers and why (live.c); and the view that leaves it, asking to
 * keep the changes (saved to the session) or drop them (the session
 * exactly as saved, which was never touched meanwhile). */
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "live.h"
#include "nav.h"
#include "view.h"

void
tui_whatif_begin(struct tui_state *st)
{
	if (!st->s || st->saved)
		return;
	/* What was typed before belongs to the saved session. */
	tui_nav_leave(st);
	st->saved = st->s;
	st->s = sc_session_what_if(st->saved);
	st->whatif_quit = false;
	st->wi_norder = 0;
	tui_set_message(st, false, "What-if: change any answer; nothing is "
	                "saved. Press i (F6 while typing) again to keep or "
	                "drop the changes.");
	/* Switching sessions is not an answer changing: nothing marked. */
	tui_live_reset(st);
}

bool
tui_whatif_end(struct tui_state *st, bool keep)
{
	if (!st->saved)
		return true;
	if (keep && st->saved->read_only) {
		tui_set_message(st, true, "Read-only: this interview is open in "
		                "%s; the what-if answers cannot be kept here, "
		                "only dropped.", st->saved->holder);
		return false;
	}
	enum sc_status rc = keep ? sc_session_keep(st->saved, st->s) : SC_OK;
	sc_session_free(st->s);
	st->s = st->saved;
	st->saved = NULL;
	st->note_mode = false;
	/* Drafts, cursors and errors follow the answers of the session. */
	tui_draft_reload(st);
	if (rc != SC_OK)
		tui_note_save_status(st, rc);
	else if (keep)
		tui_set_message(st, false, "Kept: the what-if answers are saved.");
	else
		tui_set_message(st, false, "Dropped: back to the saved answers.");
	tui_live_reset(st);
	return true;
}

void
tui_whatif_leave(struct tui_state *st, bool quit)
{
	if (!st->saved)
		return;
	/* What is being typed is part of the what-if. */
	if (st->note_mode) {
		st->note_mode = false;
		sc_session_set_note(st->s, st->cur, tui_le_text(&st->note_ed));
	}
	tui_nav_leave(st);
	if (sc_answers_same(st->saved->a, st->s->a)) {
		tui_whatif_end(st, false);
		tui_set_message(st, false, "What-if off: nothing was changed.");
		st->quit = quit;
		return;
	}
	st->whatif_quit = quit;
	tui_view_push(st, TV_WHATIF);
}

/* Notes that differ, and the client's name: not conclusions, but kept or
 * dropped all the same. */
static void
add_other_changes(struct tui_state *st, struct tui_doc *d)
{
	const struct sc_answers *a = st->saved->a, *b = st->s->a;
	const char *to = st->opts->ascii ? "->" : "\u2192";
	for (size_t i = 0; i < st->q->nquestions; i++) {
		const char *na = a->notes[i] ? a->notes[i] : "";
		const char *nb = b->notes[i] ? b->notes[i] : "";
		if (strcmp(na, nb) == 0)
			continue;
		struct tui_line *l = tui_doc_add(d, TL_QUESTION, SC_ROLE_TEXT, 2,
		                                 "Note on: %s",
		                                 tui_question(st, i)->text);
		l->target = i;
		tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, 6, "\"%s\" %s \"%s\"", na,
		            to, nb);
	}
	const char *ca = a->client ? a->client : "";
	const char *cb = b->client ? b->client : "";
	if (strcmp(ca, cb) != 0)
		tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "Client: %s %s %s", ca, to,
		            cb);
}

static void
open_whatif(struct tui_state *st)
{
	struct tui_doc *d = &st->docs[TV_WHATIF];
	struct tui_place keep = tui_doc_place(d);

	tui_doc_clear(d);
	if (!st->saved)
		return;
	struct tui_attr *t = tui_attr_new(st->q, st->saved->a, st->saved->ev,
	                                  st->s->a, st->s->ev);
	tui_doc_add(d, TL_TEXT, SC_ROLE_HELP, 0, "%s",
	            st->whatif_quit
	                    ? "Before quitting: keep the what-if answers "
	                      "(saved to the session) or drop them (the "
	                      "session stays as it was saved)?"
	                    : "Keep the what-if answers (saved to the "
	                      "session) or drop them (the session stays as it "
	                      "was saved)?");
	if (st->saved->read_only)
		tui_doc_add(d, TL_TEXT, SC_ROLE_WARNING, 0,
		            "Read-only: this interview is open in %s; the "
		            "changes can only be dropped here.",
		            st->saved->holder);
	tui_doc_blank(d);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
	            "Changed in what-if, newest first, and what each changes");
	tui_doc_add_attributed(d, st, t, true, 2);
	add_other_changes(st, d);
	tui_doc_blank(d);
	if (!t->df->nitems)
		tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 0, "%s",
		            "The conclusions are the same as with the saved "
		            "answers.");
	tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 0, "%s",
	            st->saved->read_only
	                    ? "d drops the changes; c compares; Esc goes back "
	                      "to what-if; Enter on a question goes back to it."
	                    : "y keeps, d drops; c compares; Esc goes back to "
	                      "what-if; Enter on a question goes back to it.");
	tui_attr_free(t);
	if (st->reopening)
		tui_doc_restore(d, keep, st->doc_width, st->doc_height);
}

static bool
whatif_request(struct tui_state *st, enum tui_req req, int key)
{
	switch (req) {
	case REQ_KEEP:
	case REQ_DROP: {
		bool quit = st->whatif_quit;
		if (!tui_whatif_end(st, req == REQ_KEEP))
			return true;
		/* Back to the view below, saying what became of the changes. */
		char *msg = st->message;
		bool err = st->message_error;
		st->message = NULL;
		tui_view_pop(st);
		st->message = msg;
		st->message_error = err;
		st->quit = quit;
		return true;
	}
	case REQ_BACK:
	case REQ_WHATIF:
		st->whatif_quit = false;
		tui_view_pop(st);
		return true;
	case REQ_COMPARE:
		tui_view_push(st, TV_COMPARE);
		return true;
	default:
		return tui_docview_request(st, req, key);
	}
}

static const struct tui_barkey *
whatif_keybar(const struct tui_state *st)
{
	static const struct tui_barkey keys[] = {
		{REQ_KEEP, "Keep"}, {REQ_DROP, "Drop"}, {REQ_ENTER, "Go to"},
		{REQ_COMPARE, "Compare"}, {REQ_HELP, "Help"},
		{REQ_BACK, "Back to what-if"}, {REQ_NONE, NULL}};
	static const struct tui_barkey read_only[] = {
		{REQ_DROP, "Drop"}, {REQ_ENTER, "Go to"},
		{REQ_COMPARE, "Compare"}, {REQ_HELP, "Help"},
		{REQ_BACK, "Back to what-if"}, {REQ_NONE, NULL}};
	return st->saved && st->saved->read_only ? read_only : keys;
}

const struct tui_view_ops tui_view_whatif = {
	.name = "whatif",
	.title = "Leave what-if: keep or drop the changes",
	.document = true,
	.request = whatif_request,
	.open = open_whatif,
	.keybar = whatif_keybar,
};
