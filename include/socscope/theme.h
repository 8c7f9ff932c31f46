/* Themes: semantic roles mapped to colours and attributes (format in
 * themes/README.md).  Parsing is core code; turning a theme into curses
 * colour pairs is the front end's (src/tui/colors.c). */
#ifndef SOCSCOPE_THEME_H
#define SOCSCOPE_THEME_H

#include "socscope/diag.h"

#define SC_ROLES(X)                                                            \
	X(SC_ROLE_TEXT, "text", "ordinary text")                               \
	X(SC_ROLE_TITLE, "title", "screen and section titles")                 \
	X(SC_ROLE_HELP, "help", "\"why we ask\" and hints")                    \
	X(SC_ROLE_SELECTED, "selected", "the focused item")                    \
	X(SC_ROLE_ACCENT, "accent", "highlights: progress, marks, keys")       \
	X(SC_ROLE_WARNING, "warning", "unanswered required questions")         \
	X(SC_ROLE_ERROR, "error", "validation errors")                         \
	X(SC_ROLE_SUCCESS, "success", "done sections, in-scope marks")         \
	X(SC_ROLE_BORDER, "border", "frames and separators")                   \
	X(SC_ROLE_HEADER, "header", "the top bar")                             \
	X(SC_ROLE_KEYBAR, "keybar", "the bottom key bar")                      \
	X(SC_ROLE_MUTED, "muted", "secondary text")

#define SC_ROLE_ENUM(e, id, desc) e,
enum sc_role { SC_ROLES(SC_ROLE_ENUM) SC_ROLE_COUNT };

const char *sc_role_id_str(enum sc_role r);
const char *sc_role_desc(enum sc_role r);
int sc_role_find(const char *id);

/* Colours: -1 = terminal default, 0..7 the ANSI colours (black, red, green,
 * yellow, blue, magenta, cyan, white), 8..255 the extended palette. */
#define SC_ATTR_BOLD 0x1u
#define SC_ATTR_UNDERLINE 0x2u
#define SC_ATTR_REVERSE 0x4u
#define SC_ATTR_DIM 0x8u
#define SC_ATTR_ITALIC 0x10u

struct sc_style {
	int fg, bg;
	unsigned attrs;
};

struct sc_theme {
	char *name;
	char *description;
	struct sc_style roles[SC_ROLE_COUNT];
	/* Attributes used when colour is off (NO_COLOR, monochrome terminal). */
	unsigned mono[SC_ROLE_COUNT];
};

/* Parse a theme file or buffer.  NULL with diagnostics on failure. */
struct sc_theme *
sc_theme_load_file(const char *path, struct sc_diags *d, enum sc_status *st);
struct sc_theme *
sc_theme_load_buffer(const char *name, const char *buf, size_t len,
                     struct sc_diags *d, enum sc_status *st);
void
sc_theme_free(struct sc_theme *t);

#endif
