/* Documents: the lines a document view shows (saved interviews, review,
 * results, explain, help) and the live panel, with the selection and the
 * scrolling every document view shares.  No curses here: draw.c paints a
 * document, the views build them. */
#ifndef SOCSCOPE_TUI_DOC_H
#define SOCSCOPE_TUI_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "request.h"
#include "socscope/common.h"
#include "socscope/theme.h"
#include "text.h"

/* Lines of a document view (start, review, results, explain, help). */
enum tui_line_kind {
	TL_TEXT,     /* not selectable */
	TL_QUESTION, /* selectable: jumps to question `target` */
	TL_SESSION,  /* selectable: opens saved session `target` */
	TL_NEW,      /* selectable: start a new interview */
	TL_EXAMPLES, /* selectable: list the worked examples */
	TL_EXAMPLE,  /* selectable: open worked example `target` on a copy */
	TL_OTHER,    /* selectable: start questionnaire opts->others[target] */
	TL_GAP,      /* selectable: set the owner and due date of gap `target`
	              * (an index into the result's gaps) */
};

struct tui_line {
	enum tui_line_kind kind;
	enum sc_role role;
	int indent;   /* columns */
	int hang;     /* extra indent of wrapped rows (after a bullet) */
	bool bold;
	bool changed; /* live panel: differs from before the last change */
	char *text;
	size_t target;
};

struct tui_doc {
	struct tui_line *v;
	size_t n, cap;
	size_t sel; /* selected line (a selectable one), SIZE_MAX when none */
	size_t top; /* first line shown */
};

/* Empty the document (no selection, at the top); tui_doc_fini also frees
 * its storage. */
void
tui_doc_clear(struct tui_doc *d);
void
tui_doc_fini(struct tui_doc *d);
/* Append a line; the first selectable line added becomes the selection.
 * A line starting with a bullet ("• ", "→ ", "- ") hangs. */
struct tui_line *
tui_doc_add(struct tui_doc *d, enum tui_line_kind kind, enum sc_role role,
            int indent, const char *fmt, ...) SC_PRINTF(5, 6);
/* An empty line, unless the last line is one already. */
void
tui_doc_blank(struct tui_doc *d);
bool
tui_line_selectable(const struct tui_line *l);
/* The hang of a line's wrapped rows in a document `width` columns wide:
 * its own, unless that leaves too little room (a column that lines up on
 * a wide screen wraps under the indent on a narrow one). */
int
tui_line_hang(const struct tui_line *l, int width);
/* Wrap a line for a document `width` columns wide: the first row starts at
 * the indent with the first `hang` columns of the text (a bullet, or the
 * columns before the last), the rest start at indent + hang.  Returns the
 * rows; *out as tui_wrap (text.h); NULL `out` only counts. */
size_t
tui_line_wrap(const struct tui_line *l, int width, struct tui_span **out);

/* Where a document is: kept while it is rebuilt, so that coming back to
 * a view finds it as it was left. */
struct tui_place {
	size_t sel, top;
};
struct tui_place
tui_doc_place(const struct tui_doc *d);
/* Back to `p` as far as the rebuilt document allows: the selection when
 * that line is still selectable, the first line shown within range. */
void
tui_doc_restore(struct tui_doc *d, struct tui_place p, int width, int height);

/* Scrolling and selection, for a document area of width x height cells. */
void
tui_doc_scroll_to_sel(struct tui_doc *d, int width, int height);
void
tui_doc_scroll_by(struct tui_doc *d, long delta, int width, int height);
bool
tui_doc_sel_visible(const struct tui_doc *d, int width, int height);
void
tui_doc_move(struct tui_doc *d, int delta, int width, int height);
void
tui_doc_home_end(struct tui_doc *d, bool end, int width, int height);
/* The moving requests (up, down, pages, home, end); false for the rest. */
bool
tui_doc_request(struct tui_doc *d, enum tui_req req, int width, int height);

#endif
