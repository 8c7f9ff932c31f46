/* Theme to colour pairs (htop's scheme table, profanity's default). */
#include "colors.h"

#include <stdlib.h>

static attr_t role_attrs[SC_ROLE_COUNT];
static bool colour_on;

static attr_t
attrs_of(unsigned a)
{
	attr_t r = A_NORMAL;
	if (a & SC_ATTR_BOLD)
		r |= A_BOLD;
	if (a & SC_ATTR_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & SC_ATTR_REVERSE)
		r |= A_REVERSE;
	if (a & SC_ATTR_DIM)
		r |= A_DIM;
#ifdef A_ITALIC
	if (a & SC_ATTR_ITALIC)
		r |= A_ITALIC;
#endif
	return r;
}

/* Without a theme the screen still shows what matters: the focus reversed,
 * titles bold, errors and warnings set apart. */
static const unsigned fallback_mono[SC_ROLE_COUNT] = {
	[SC_ROLE_TITLE] = SC_ATTR_BOLD,
	[SC_ROLE_SELECTED] = SC_ATTR_REVERSE,
	[SC_ROLE_ACCENT] = SC_ATTR_BOLD,
	[SC_ROLE_WARNING] = SC_ATTR_BOLD,
	[SC_ROLE_ERROR] = SC_ATTR_BOLD | SC_ATTR_UNDERLINE,
	[SC_ROLE_HEADER] = SC_ATTR_REVERSE,
	[SC_ROLE_KEYBAR] = SC_ATTR_REVERSE,
	[SC_ROLE_MUTED] = SC_ATTR_DIM,
};

/* A colour the terminal cannot show folds onto the eight ANSI ones. */
static short
fit_colour(int c)
{
	if (c < 0)
		return -1;
	if (c >= COLORS)
		return (short)(c % 8);
	return (short)c;
}

void
tui_colors_init(const struct sc_theme *t)
{
	const char *nc = getenv("NO_COLOR");

	colour_on = t && has_colors() && !(nc && *nc);
	if (colour_on && start_color() == ERR)
		colour_on = false;
	if (colour_on)
		use_default_colors();
	for (int r = 0; r < SC_ROLE_COUNT; r++) {
		if (!colour_on) {
			role_attrs[r] = attrs_of(t ? t->mono[r] : fallback_mono[r]);
			continue;
		}
		const struct sc_style *s = &t->roles[r];
		if (r + 1 < COLOR_PAIRS &&
		    init_pair((short)(r + 1), fit_colour(s->fg),
		              fit_colour(s->bg)) != ERR)
			role_attrs[r] = COLOR_PAIR(r + 1) | attrs_of(s->attrs);
		else
			role_attrs[r] = attrs_of(t->mono[r]);
	}
	/* Cells nothing is drawn in take the theme's own background too. */
	bkgdset(' ' | role_attrs[SC_ROLE_TEXT]);
	erase();
}

attr_t
tui_attr(enum sc_role r)
{
	return r < SC_ROLE_COUNT ? role_attrs[r] : A_NORMAL;
}
