/* Painting text into curses windows, for every part of the screen: clipped
 * to a width, wrapped, with an ASCII fallback; where the terminal cursor
 * goes (screen readers follow it), and what was drawn where, for clicks
 * (tui_draw_hit).  One frame at a time: tui_paint_begin, then the parts,
 * then tui_paint_end. */
#ifndef SOCSCOPE_TUI_PAINT_H
#define SOCSCOPE_TUI_PAINT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "draw.h"
#include "lineedit.h"
#include "state.h"

/* Start a frame (forgetting the last one's clicks and cursor); `ascii`
 * draws only ASCII.  tui_paint_end moves the cursor where it was last set. */
void
tui_paint_begin(bool ascii);
void
tui_paint_end(void);

/* Erase a window to the theme's own background (the text role's), so a
 * theme with a background colour fills every blank cell with it. */
void
tui_clear(WINDOW *w);

/* The UTF-8 symbol, or its ASCII stand-in in ASCII mode. */
const char *
tui_sym(const char *utf8, const char *ascii);
/* Remember that row y, columns x0..x1 of `w` stand for item i. */
void
tui_add_hit(WINDOW *w, int y, int x0, int x1, enum tui_hit_kind k, size_t i);
/* Put at most `width` columns of s[0..n) at (y, x); returns columns used.
 * Without UTF-8 every non-ASCII character shows as '?'. */
int
tui_put(WINDOW *w, int y, int x, int width, const char *s, size_t n,
        attr_t a);
int
tui_puts(WINDOW *w, int y, int x, int width, const char *s, attr_t a);
/* Like tui_puts, but a text that does not fit ends in an ellipsis. */
int
tui_puts_cut(WINDOW *w, int y, int x, int width, const char *s, attr_t a);
/* Fill the rest of a row with the attribute (for highlighted rows). */
void
tui_fill(WINDOW *w, int y, int x, int width, attr_t a);
/* Wrap and put text; returns rows used (at most max_rows).  Text cut
 * short ends in an ellipsis. */
int
tui_put_wrapped(WINDOW *w, int y, int x, int width, int max_rows,
                const char *s, attr_t a);
/* Border lines, drawn as characters. */
void
tui_vline(WINDOW *w, int y, int x, int n);
void
tui_hline(WINDOW *w, int y, int x, int n);
/* Where the terminal cursor goes at the end of the frame. */
void
tui_set_cursor(WINDOW *w, int y, int x);

/* Rows the state's message takes in `w` (0 to 3), and the message drawn
 * with its last row on row y. */
int
tui_message_rows(const struct tui_state *st, WINDOW *w);
void
tui_draw_message(const struct tui_state *st, WINDOW *w, int y);
/* A one-line editor field: underlined, with the cursor placed in it when
 * it has the focus. */
void
tui_draw_field(WINDOW *w, int y, int x, int width,
               const struct tui_lineedit *le, bool focus);

/* The question view's parts (draw_interview.c). */
void
tui_draw_sidebar(const struct tui_state *st, WINDOW *w);
/* The live panel: `side` beside the question, `full` on the whole body,
 * else under the question; and the size of its text in `w`. */
void
tui_draw_panel(const struct tui_state *st, WINDOW *w, bool side, bool full);
void
tui_panel_text_size(const struct tui_state *st, WINDOW *w, bool side,
                    bool full, int *width, int *height);
void
tui_draw_interview(struct tui_state *st, WINDOW *w);
/* Rows the question view needs `cols` columns wide to show its text,
 * help, every choice, note and message whole (the panel under it takes
 * the rest). */
int
tui_interview_rows(const struct tui_state *st, int cols);

#endif
