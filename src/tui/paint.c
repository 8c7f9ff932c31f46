/* Painting primitives shared by every part of the screen (paint.h). */
#include "paint.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "colors.h"
#include "text.h"

struct hit {
	int y, x0, x1;
	enum tui_hit_kind kind;
	size_t index;
};
static struct hit hits[1024];
static size_t nhits;

/* Where the terminal cursor goes: screen readers follow it. */
static WINDOW *cursor_win;
static int cursor_y, cursor_x;

static bool ascii_mode;

void
tui_clear(WINDOW *w)
{
	wbkgdset(w, ' ' | tui_attr(SC_ROLE_TEXT));
	werase(w);
}

const char *
tui_sym(const char *utf8, const char *ascii)
{
	return ascii_mode ? ascii : utf8;
}

void
tui_add_hit(WINDOW *w, int y, int x0, int x1, enum tui_hit_kind k, size_t i)
{
	if (nhits == sizeof hits / sizeof hits[0])
		return;
	int by, bx;
	getbegyx(w, by, bx);
	hits[nhits++] = (struct hit){by + y, bx + x0, bx + x1, k, i};
}

/* Put at most `width` columns of s[0..n) at (y, x); returns columns used.
 * Without UTF-8 every non-ASCII character shows as '?'. */
int
tui_put(WINDOW *w, int y, int x, int width, const char *s, size_t n, attr_t a)
{
	int maxy, maxx, used = 0;
	getmaxyx(w, maxy, maxx);
	if (y < 0 || y >= maxy || x < 0 || x >= maxx || width <= 0)
		return 0;
	if (x + width > maxx)
		width = maxx - x;
	wattrset(w, a);
	if (ascii_mode) {
		wmove(w, y, x);
		for (size_t i = 0; i < n && used < width;) {
			uint32_t cp;
			size_t k = tui_utf8_decode(s + i, n - i, &cp);
			int cw = tui_cpwidth(cp);
			i += k;
			if (cw == 0)
				continue;
			waddch(w, cp < 0x80 ? (chtype)cp : '?');
			used++;
		}
	} else {
		size_t len = tui_fit(s, n, width, &used);
		if (len)
			mvwaddnstr(w, y, x, s, (int)len);
	}
	wattrset(w, A_NORMAL);
	return used;
}

int
tui_puts(WINDOW *w, int y, int x, int width, const char *s, attr_t a)
{
	return tui_put(w, y, x, width, s, strlen(s), a);
}

/* Like puts_, but a text that does not fit ends in an ellipsis. */
int
tui_puts_cut(WINDOW *w, int y, int x, int width, const char *s, attr_t a)
{
	size_t n = strlen(s);
	if (width < 2 || tui_strwidth(s, n) <= width)
		return tui_put(w, y, x, width, s, n, a);
	int used = tui_put(w, y, x, width - 1, s, tui_fit(s, n, width - 1, NULL), a);
	return used + tui_puts(w, y, x + used, 1, tui_sym("\u2026", "~"), a);
}

/* Fill the rest of a row with the attribute (for highlighted rows). */
void
tui_fill(WINDOW *w, int y, int x, int width, attr_t a)
{
	int maxx = getmaxx(w);
	if (x + width > maxx)
		width = maxx - x;
	wattrset(w, a);
	for (int i = 0; i < width; i++)
		mvwaddch(w, y, x + i, ' ');
	wattrset(w, A_NORMAL);
}

/* Wrap and put text; returns rows used (at most max_rows).  Text cut
 * short ends in an ellipsis, so it is clear that more exists. */
int
tui_put_wrapped(WINDOW *w, int y, int x, int width, int max_rows, const char *s,
                attr_t a)
{
	struct tui_span *v;
	size_t n = tui_wrap(s, width, &v);
	int r = 0;
	for (size_t i = 0; i < n && r < max_rows; i++, r++) {
		bool cut = r == max_rows - 1 && i + 1 < n;
		/* The last row shown, when more follows, keeps a column for
		 * the ellipsis. */
		size_t len = v[i].len;
		if (cut)
			len = tui_fit(s + v[i].off, len, width - 1, NULL);
		int used = tui_put(w, y + r, x, width, s + v[i].off, len, a);
		if (cut)
			tui_puts(w, y + r, x + used, 1, tui_sym("\u2026", "~"), a);
	}
	free(v);
	return r;
}


/* Lines drawn as characters, not the alternate character set: terminals
 * and screen readers that lack ACS still show them. */
void
tui_vline(WINDOW *w, int y, int x, int n)
{
	for (int i = 0; i < n; i++)
		tui_puts(w, y + i, x, 1, tui_sym("\u2502", "|"), tui_attr(SC_ROLE_BORDER));
}

void
tui_hline(WINDOW *w, int y, int x, int n)
{
	for (int i = 0; i < n; i++)
		tui_puts(w, y, x + i, 1, tui_sym("\u2500", "-"), tui_attr(SC_ROLE_BORDER));
}

void
tui_set_cursor(WINDOW *w, int y, int x)
{
	cursor_win = w;
	cursor_y = y;
	cursor_x = x;
}

/* Rows the message takes in `w`: it wraps, up to three rows, so that the
 * reason at the end of a long error ("Not saved: cannot create a file in
 * DIR: REASON") is read whole at 80x24. */
int
tui_message_rows(const struct tui_state *st, WINDOW *w)
{
	if (!st->message)
		return 0;
	int r = (int)tui_wrap_count(st->message, getmaxx(w) - 2);
	return r < 1 ? 1 : r > 3 ? 3 : r;
}

/* The message, its last row on row `y`. */
void
tui_draw_message(const struct tui_state *st, WINDOW *w, int y)
{
	int r = tui_message_rows(st, w);
	if (!r)
		return;
	tui_put_wrapped(w, y - r + 1, 1, getmaxx(w) - 2, r, st->message,
	                tui_attr(st->message_error ? SC_ROLE_ERROR : SC_ROLE_ACCENT));
}

/* A one-line editor field: underlined, with the cursor placed in it. */
void
tui_draw_field(WINDOW *w, int y, int x, int width, const struct tui_lineedit *cle,
               bool focus)
{
	struct tui_lineedit *le = (struct tui_lineedit *)cle;
	size_t off, len;
	int cx;
	attr_t a = tui_attr(SC_ROLE_TEXT) | A_UNDERLINE;

	/* Only the horizontal scroll changes here; it belongs to the view. */
	tui_le_view(le, width, &off, &len, &cx);
	tui_fill(w, y, x, width, a);
	tui_put(w, y, x, width, tui_le_text(le) + off, len, a);
	if (focus)
		tui_set_cursor(w, y, x + cx);
}

enum tui_hit_kind
tui_draw_hit(int y, int x, size_t *index)
{
	for (size_t i = 0; i < nhits; i++)
		if (hits[i].y == y && x >= hits[i].x0 && x < hits[i].x1) {
			*index = hits[i].index;
			return hits[i].kind;
		}
	return TH_NONE;
}

void
tui_paint_begin(bool ascii)
{
	ascii_mode = ascii;
	nhits = 0;
	cursor_win = NULL;
}

void
tui_paint_end(void)
{
	if (cursor_win) {
		wmove(cursor_win, cursor_y, cursor_x);
		wnoutrefresh(cursor_win);
	}
}
