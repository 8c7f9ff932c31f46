/* The machinery every view shares (tig's view.h): the operations table a
 * view fills in, the view stack, the message line, and the requests every
 * document view understands.  Each view lives in its own file,
 * view_<name>.c, and is registered by one line in TUI_VIEWS (state.h).
 * Private to the state library: the drawing code reads state.h only. */
#ifndef SOCSCOPE_TUI_VIEW_H
#define SOCSCOPE_TUI_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "request.h"
#include "socscope/common.h"
#include "socscope/questionnaire.h"
#include "state.h"

/* A view's operations (tig's view_ops).  Only `name` and `request` are
 * needed; a NULL operation means the default written beside it. */
struct tui_view_ops {
	const char *name;  /* "review": the view is in view_review.c */
	const char *title; /* the title row of a document view; NULL: none */
	/* Shows st->docs[its id] with the common document drawing, takes
	 * clicks and the wheel on its lines. */
	bool document;
	/* Handle what the view understands; false for the rest. */
	bool (*request)(struct tui_state *st, enum tui_req req, int key);
	/* Rebuild what the view shows when it comes on top.  NULL: nothing. */
	void (*open)(struct tui_state *st);
	/* Is a line editor taking the keys (so letters are text)?  NULL: no. */
	bool (*editing)(const struct tui_state *st);
	/* The key bar now, most useful first; the last entry always shows.
	 * NULL: the document keys (help, open, back, quit). */
	const struct tui_barkey *(*keybar)(const struct tui_state *st);
};

#define TUI_VIEW_DECLARE(id, name)                                             \
	extern const struct tui_view_ops tui_view_##name;
TUI_VIEWS(TUI_VIEW_DECLARE)
#undef TUI_VIEW_DECLARE

const struct tui_view_ops *
tui_view_ops(enum tui_view_id v);
/* Put a view on top (opening it), or go back to the one below. */
void
tui_view_push(struct tui_state *st, enum tui_view_id v);
void
tui_view_pop(struct tui_state *st);

/* The message shown in the current view (NULL fmt clears it). */
void
tui_set_message(struct tui_state *st, bool error, const char *fmt, ...)
	SC_PRINTF(3, 4);
void
tui_clear_message(struct tui_state *st);
/* Said when a read-only session opens and whenever a change is refused. */
void
tui_read_only_message(struct tui_state *st);

/* Open the session file at `path` (for a new one, named `client`) and
 * start its interview.  False with *err (caller frees) and the exit code
 * when it cannot be opened; the state is then unchanged. */
bool
tui_state_open_session(struct tui_state *st, const char *path,
                       const char *client, char **err, int *code);

/* The request handler of a plain document view: moving, Enter to open
 * the selected line, Esc back, and the review, results and explain keys. */
bool
tui_docview_request(struct tui_state *st, enum tui_req req, int key);
/* Act on a selectable line: jump to a question, open a saved session,
 * start a new interview.  False for a text line. */
bool
tui_open_line(struct tui_state *st, const struct tui_line *l);

static inline const struct sc_question *
tui_question(const struct tui_state *st, size_t i)
{
	return &st->q->questions[i];
}

/* Panes and prompts that live inside another view. */

/* The sections sidebar of the interview (view_sections.c): its requests
 * while it has the focus, a jump to a section's first open question, and
 * its key bar. */
bool
tui_sections_request(struct tui_state *st, enum tui_req req);
void
tui_sections_jump(struct tui_state *st, size_t section);
/* The export prompt of the results (view_export.c): open it, its requests
 * while it is open, and its key bar. */
extern const struct tui_barkey tui_sections_keys[];
void
tui_export_begin(struct tui_state *st);
bool
tui_export_request(struct tui_state *st, enum tui_req req, int key);
extern const struct tui_barkey tui_export_keys[];

#endif
