/* Drawing: reads the state and paints curses windows (wnoutrefresh, one
 * doupdate per frame, so curses sends only what changed).  Records where
 * choices, sections and lines are, for mouse clicks. */
#ifndef SOCSCOPE_TUI_DRAW_H
#define SOCSCOPE_TUI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "state.h"

/* Smallest screen the layout needs; below it a notice replaces it. */
#define TUI_MIN_COLS 40
#define TUI_MIN_ROWS 10

/* Work out the layout for the current terminal size and tell the state
 * the size of its document area.  Call before handling keys and drawing. */
void
tui_draw_layout(struct tui_state *st);
/* Paint a frame.  `full` repaints the whole terminal (after a resize or
 * ^L); otherwise only changes go out. */
void
tui_draw_frame(struct tui_state *st, bool full);
/* Free the windows (before endwin). */
void
tui_draw_fini(void);

enum tui_hit_kind { TH_NONE, TH_CHOICE, TH_SECTION, TH_LINE, TH_PANEL };
/* What is at screen cell (y, x) in the last frame. */
enum tui_hit_kind
tui_draw_hit(int y, int x, size_t *index);

#endif
