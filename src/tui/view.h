/* The views: each lives in its own file, view_<name>.c, defines its
 * operations (struct tui_view_ops, state.h) and is registered by one line
 * in TUI_VIEWS (state.h); dispatch.c holds the table.  Here too: what
 * every document view does (view.c), and the panes and prompts that live
 * inside another view. */
#ifndef SOCSCOPE_TUI_VIEW_H
#define SOCSCOPE_TUI_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "request.h"
#include "socscope/common.h"
#include "socscope/questionnaire.h"
#include "state.h"

#define TUI_VIEW_DECLARE(id, name)                                             \
	extern const struct tui_view_ops tui_view_##name;
TUI_VIEWS(TUI_VIEW_DECLARE)
#undef TUI_VIEW_DECLARE

/* ---- view.c: what every document view does ---- */

/* The request handler of a plain document view: moving, Enter to open
 * the selected line, Esc back, and the review, results and explain keys. */
bool
tui_docview_request(struct tui_state *st, enum tui_req req, int key);
/* Act on a selectable line of the current view (its open_line operation,
 * else a jump to a question).  False when nothing happened. */
bool
tui_open_line(struct tui_state *st, const struct tui_line *l);

/* Append `s` to `out` as a column `width` columns wide: cut short, ending
 * in an ellipsis ("..." with `ascii`), or padded with spaces. */
void
tui_column(struct sc_buf *out, const char *s, int width, bool ascii);
/* The wider of `cur` and `s` (display columns), kept within [min, max]. */
int
tui_column_width(int cur, const char *s, int min, int max);

/* ---- panes and prompts that live inside another view ---- */

/* The sections sidebar of the interview (view_sections.c): its requests
 * while it has the focus, a jump to a section's first open question, and
 * its key bar. */
bool
tui_sections_request(struct tui_state *st, enum tui_req req);
void
tui_sections_jump(struct tui_state *st, size_t section);
extern const struct tui_barkey tui_sections_keys[];
/* The export prompt of the results (view_export.c): open it, its requests
 * while it is open (Tab: the report or the evidence request list; Up and
 * Down: the format), and its key bar. */
void
tui_export_begin(struct tui_state *st);
bool
tui_export_request(struct tui_state *st, enum tui_req req, int key);
/* What-if (view_whatif.c): begin it on a copy of the session; leave it
 * (asking to keep or drop when anything changed, then quitting with
 * `quit`); end it, keeping the changes (false when they cannot be kept:
 * the session is read-only) or dropping them. */
void
tui_whatif_begin(struct tui_state *st);
void
tui_whatif_leave(struct tui_state *st, bool quit);
bool
tui_whatif_end(struct tui_state *st, bool keep);
const struct tui_barkey *
tui_export_keybar(const struct tui_state *st);
/* Write the export now (asked first when the file exists). */
void
tui_export_write(struct tui_state *st);

/* A question asked before acting (ask.c): shown in the message line; its
 * requests while it is asked (y acts, n or Esc changes nothing), and its
 * key bar. */
void
tui_ask_begin(struct tui_state *st, enum tui_ask what, size_t target,
              const char *fmt, ...) SC_PRINTF(4, 5);
bool
tui_ask_request(struct tui_state *st, enum tui_req req);
const struct tui_barkey *
tui_ask_keybar(const struct tui_state *st);

/* The picker (view_picker.c): delete saved interview k (refused when it
 * is open elsewhere); put the session open now (k == SIZE_MAX) or saved
 * interview k back to the example it is a copy of. */
void
tui_picker_delete(struct tui_state *st, size_t k);
void
tui_example_reset(struct tui_state *st, size_t k);
/* Ask before resetting (or say why it cannot be: not a copy of an
 * example, read-only, in what-if). */
void
tui_example_reset_ask(struct tui_state *st, size_t k);


#endif
