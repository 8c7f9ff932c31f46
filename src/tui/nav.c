/* Moving through the interview's questions. */
#include "nav.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "live.h"
#include "socscope/migrate.h"
#include "uistate.h"

void
tui_nav_set_current(struct tui_state *st, size_t i)
{
	free(st->passed);
	st->passed = NULL;
	st->cur = i;
	/* A new question starts with its field taking the keys. */
	st->field_off = false;
	st->side_sel = tui_question(st, i)->section;
	tui_draft_load(st, i);
}

/* Leave the current question: confirm a valid draft; an invalid one stays
 * with its error, to be seen when coming back (never blocks moving). */
void
tui_nav_leave(struct tui_state *st)
{
	tui_draft_commit(st, st->cur);
}

void
tui_nav_goto(struct tui_state *st, size_t i)
{
	if (i == SIZE_MAX || i >= st->q->nquestions)
		return;
	tui_nav_leave(st);
	tui_nav_set_current(st, i);
}

/* Answering can hide the current question only through an earlier one;
 * should it happen, move to the nearest shown question. */
void
tui_nav_ensure_visible(struct tui_state *st)
{
	if (!st->s || tui_state_visible(st, st->cur))
		return;
	size_t i = sc_session_next(st->s, st->cur);
	if (i == SIZE_MAX)
		i = sc_session_prev(st->s, st->cur);
	if (i != SIZE_MAX)
		tui_nav_set_current(st, i);
}

void
tui_nav_next(struct tui_state *st, bool enter)
{
	size_t from = st->cur;
	size_t i = sc_session_next_asked(st->s, from);
	if (i == SIZE_MAX) {
		if (enter) {
			tui_nav_leave(st);
			tui_view_push(st, TV_RESULTS);
		} else {
			tui_set_message(st, false,
			                "This is the last question; press s for the results.");
		}
		return;
	}
	tui_nav_goto(st, i);
	/* Sections passed over on the way are said, not skipped silently
	 * (the results list those after the last question). */
	if (st->cur == i) {
		struct sc_buf b = {0};
		sc_session_explain_skipped(st->s,
		                           tui_question(st, from)->section + 1,
		                           tui_question(st, i)->section, &b);
		if (b.len && b.data[b.len - 1] == '\n')
			b.data[--b.len] = '\0';
		st->passed = b.len ? sc_buf_steal(&b) : NULL;
		sc_buf_fini(&b);
	}
}

void
tui_nav_prev(struct tui_state *st)
{
	size_t i = sc_session_prev(st->s, st->cur);
	if (i == SIZE_MAX)
		tui_set_message(st, false, "This is the first question.");
	else
		tui_nav_goto(st, i);
}

void
tui_nav_jump_to(struct tui_state *st, size_t qi)
{
	/* Remember the views open above the interview, for Esc. */
	size_t from = st->depth;
	if (st->depth > 1 && tui_state_view(st) != TV_INTERVIEW) {
		memcpy(st->back_stack, st->stack, sizeof st->stack);
		st->back_depth = st->depth;
	}
	while (st->depth > 1 && tui_state_view(st) != TV_INTERVIEW)
		st->depth--;
	if (st->depth == from)
		st->back_depth = 0;
	tui_clear_message(st);
	if (qi >= st->q->nquestions)
		return;
	if (!tui_state_visible(st, qi)) {
		tui_set_message(st, false,
		                "That question is not asked with the answers so far.");
		return;
	}
	tui_nav_goto(st, qi);
	st->focus = TF_QUESTION;
	const struct tui_view_ops *back =
		st->back_depth ? st->views[st->back_stack[st->back_depth - 1]]
		               : NULL;
	if (back)
		tui_set_message(st, false, "Esc goes back to %s%s.",
		                back->title ? back->title : back->name,
		                tui_is_typed(tui_question(st, qi))
		                        ? " (after Esc has left the field)"
		                        : "");
}

void
tui_nav_back(struct tui_state *st)
{
	if (!st->back_depth)
		return;
	memcpy(st->stack, st->back_stack, sizeof st->stack);
	st->depth = st->back_depth;
	st->back_depth = 0;
	tui_clear_message(st);
	enum tui_view_id v = tui_state_view(st);
	st->reopening = true;
	if (st->views[v]->open)
		st->views[v]->open(st);
	st->reopening = false;
}

bool
tui_nav_open_session(struct tui_state *st, const char *path,
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
	st->session_example = tui_example_of(st, s->path,
	                                     s->a->client ? s->a->client : "");
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
	/* The first build marks nothing as changed. */
	tui_live_reset(st);
	/* Where the interview was left, and the panel as it was. */
	struct tui_uistate u;
	if (tui_uistate_load(st, &u)) {
		if (u.question != SIZE_MAX)
			cur = u.question;
		if (u.panel >= 0)
			st->panel = u.panel;
		if (u.panel_size >= 0)
			st->panel_size = (enum tui_panel_size)u.panel_size;
	}
	tui_view_push(st, TV_INTERVIEW);
	tui_nav_set_current(st, cur);
	if (s->read_only) {
		tui_read_only_message(st);
	} else if (s->a->migrated) {
		/* Said once, on opening: what reading an older session did. */
		struct sc_buf m = {0};
		sc_migrated_summary(s->a->migrated, st->q, s->ev, &m);
		tui_set_message(st, false, "%s", sc_buf_str(&m));
		sc_buf_fini(&m);
	}
	return true;
}
