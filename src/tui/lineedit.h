/* A one-line text editor for answers, notes, names and export paths:
 * UTF-8 text with a cursor that moves by character (a base character and its
 * combining marks move together), insert, delete, kill, and a horizontal
 * scroll that keeps the cursor visible.  No curses: requests in, text out. */
#ifndef SOCSCOPE_TUI_LINEEDIT_H
#define SOCSCOPE_TUI_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "request.h"
#include "text.h"

struct tui_lineedit {
	char *buf;      /* NUL-terminated UTF-8 */
	size_t len, cap;
	size_t cur;     /* cursor, a byte offset at a character boundary */
	size_t max_chars; /* 0 = no limit */
	int scroll;     /* first display column shown */
	bool numeric;   /* accept only what a number can contain */
};

void
tui_le_init(struct tui_lineedit *le, size_t max_chars);
void
tui_le_fini(struct tui_lineedit *le);
/* Replace the text (invalid UTF-8 is dropped byte by byte); the cursor
 * goes to the end. */
void
tui_le_set(struct tui_lineedit *le, const char *text);
const char *
tui_le_text(const struct tui_lineedit *le);
size_t
tui_le_chars(const struct tui_lineedit *le);

/* Insert a character at the cursor.  false (changing nothing) when it is
 * not printable, would pass max_chars, or is not allowed in a number. */
bool
tui_le_insert(struct tui_lineedit *le, uint32_t cp);
/* Handle an editing request (REQ_ED_*); false when it is not one. */
bool
tui_le_request(struct tui_lineedit *le, enum tui_req req);

/* Display column of the cursor from the start of the text. */
int
tui_le_cursor_col(const struct tui_lineedit *le);
/* For a field `width` columns wide: adjust the scroll so the cursor shows,
 * and give the visible bytes [*off, *off + *len) and the cursor's column in
 * the field. */
void
tui_le_view(struct tui_lineedit *le, int width, size_t *off, size_t *len,
            int *cursor_x);

/* The text wrapped into rows of a field `width` columns wide (tui_wrap,
 * keeping a column for the cursor), and the cursor's row and column.
 * Returns the rows; *rows is malloc'd (free it). */
size_t
tui_le_wrap(const struct tui_lineedit *le, int width, struct tui_span **rows,
            size_t *cur_row, int *cur_col);

#endif
