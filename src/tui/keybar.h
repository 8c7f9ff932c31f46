/* The key bar at the bottom: the keys a view offers now (its keybar
 * operation), each named by a key that works at that moment (a function
 * key while a field takes the letters), laid out on one row or two.  No
 * curses: draw.c paints what tui_keybar_layout placed. */
#ifndef SOCSCOPE_TUI_KEYBAR_H
#define SOCSCOPE_TUI_KEYBAR_H

#include <stddef.h>

#include "state.h"

#define TUI_KEYBAR_MAX 24

struct tui_keybar_item {
	enum tui_req req;
	char key[24];      /* "F6", "i", "1-9" */
	const char *label; /* "What-if" */
	int width;         /* of "KEY Label" */
	int row, col;      /* placed by tui_keybar_layout; row -1: left out */
};

/* The entries of the key bar now, in the view's order; returns how many. */
size_t
tui_keybar_items(const struct tui_state *st, struct tui_keybar_item *v,
                 size_t max);
/* Place the entries on at most `max_rows` rows of `cols` columns, two
 * spaces apart, in order; the last entry (quit, cancel) always shows, and
 * when they do not all fit the ones before it give way from the end.
 * Returns the rows used (at least 1). */
int
tui_keybar_layout(struct tui_keybar_item *v, size_t n, int cols,
                  int max_rows);

#endif
