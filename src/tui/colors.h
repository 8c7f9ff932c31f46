/* Theme roles turned into curses attributes (colour pairs + attributes),
 * or attributes only when colour is off (NO_COLOR, monochrome terminal). */
#ifndef SOCSCOPE_TUI_COLORS_H
#define SOCSCOPE_TUI_COLORS_H

#include <curses.h>
#include <stdbool.h>

#include "socscope/theme.h"

/* Call after initscr.  `t` may be NULL (built-in attributes). */
void
tui_colors_init(const struct sc_theme *t);
attr_t
tui_attr(enum sc_role r);

#endif
