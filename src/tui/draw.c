/* Drawing every view: the layout of windows, header and key bar, the
 * document views, and the frame that calls the question view's parts
 * (draw_interview.c).  Only reads the state (apart from telling it the size
 * of the document area and the panel in tui_draw_layout). */
#include "draw.h"

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colors.h"
#include "keybar.h"
#include "paint.h"
#include "socscope/paths.h"
#include "text.h"

struct geom {
	int rows, cols;
	bool small;
	int bar_h;   /* rows of the key bar: 1, or 2 when its keys need them */
	int side_w;  /* 0: no sidebar */
	int panel_w; /* right-hand panel; 0: none */
	int panel_h; /* panel under the question; 0: none */
	bool full;   /* the panel takes the whole body */
};

static struct geom cur_geom;
static WINDOW *w_hdr, *w_bar, *w_side, *w_main, *w_panel, *w_small;

/* ---- layout --------------------------------------------------------------- */

static void
free_windows(void)
{
	WINDOW **all[] = {&w_hdr, &w_bar, &w_side, &w_main, &w_panel, &w_small};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		if (*all[i]) {
			delwin(*all[i]);
			*all[i] = NULL;
		}
}

void
tui_draw_fini(void)
{
	free_windows();
}

/* Rows the key bar needs at `cols` columns (one or two). */
static int
keybar_rows(const struct tui_state *st, int cols, int rows)
{
	struct tui_keybar_item v[TUI_KEYBAR_MAX];
	size_t n = tui_keybar_items(st, v, TUI_KEYBAR_MAX);
	return tui_keybar_layout(v, n, cols, rows >= 16 ? 2 : 1);
}

static struct geom
compute(const struct tui_state *st)
{
	struct geom g;
	memset(&g, 0, sizeof g);
	getmaxyx(stdscr, g.rows, g.cols);
	g.small = g.cols < TUI_MIN_COLS || g.rows < TUI_MIN_ROWS;
	if (g.small)
		return g;
	g.bar_h = keybar_rows(st, g.cols, g.rows);
	if (tui_state_view(st) != TV_INTERVIEW)
		return g;
	int body = g.rows - 1 - g.bar_h;
	bool panel = st->panel && st->s;
	if (panel && st->panel_size == TP_FULL) {
		g.full = true;
		return g;
	}
	bool wide = panel && st->panel_size == TP_WIDE && g.cols >= 60;
	/* The sidebar and the panel fold away as the terminal narrows; a
	 * wide panel takes the sidebar's room until there is plenty. */
	if (g.cols >= 64 && (!wide || g.cols >= 140))
		g.side_w = g.cols / 4 < 22 ? 22 : g.cols / 4 < 26 ? g.cols / 4 : 26;
	if (!panel)
		return g;
	int main_w = g.cols - g.side_w;
	if (wide) {
		g.panel_w = main_w * 55 / 100;
	} else if (g.cols >= 100) {
		g.panel_w = g.cols / 3 < 38 ? g.cols / 3 : 38;
	} else if (g.rows >= 18) {
		/* Under the question: what the question leaves, so that its
		 * help and its choices show whole, within bounds. */
		int lo = st->saved ? 7 : 3, hi = st->saved ? 14 : 10;
		int h = body - tui_interview_rows(st, main_w);
		if (h > hi)
			h = hi;
		if (h < lo)
			h = lo;
		if (body - h < 8)
			h = body - 8;
		g.panel_h = h >= 3 ? h : 0;
	}
	return g;
}

void
tui_draw_layout(struct tui_state *st)
{
	struct geom g = compute(st);

	if (memcmp(&g, &cur_geom, sizeof g) || (!w_hdr && !w_small)) {
		free_windows();
		cur_geom = g;
		if (g.small) {
			w_small = newwin(g.rows, g.cols, 0, 0);
		} else {
			int body = g.rows - 1 - g.bar_h;
			int main_w = g.cols - g.side_w - g.panel_w;
			w_hdr = newwin(1, g.cols, 0, 0);
			w_bar = newwin(g.bar_h, g.cols, g.rows - g.bar_h, 0);
			if (g.full) {
				w_panel = newwin(body, g.cols, 1, 0);
			} else {
				if (g.side_w)
					w_side = newwin(body, g.side_w, 1, 0);
				w_main = newwin(body - g.panel_h, main_w, 1,
				                g.side_w);
				if (g.panel_w)
					w_panel = newwin(body, g.panel_w, 1,
					                 g.side_w + main_w);
				else if (g.panel_h)
					w_panel = newwin(g.panel_h, main_w,
					                 1 + body - g.panel_h,
					                 g.side_w);
			}
		}
	}
	/* No insert or delete of characters: a terminal that fills what
	 * they shift in with its own background (tmux without bce, some
	 * emulators) would break a theme's colours where a line got shorter;
	 * rewriting the cells costs a few bytes. */
	WINDOW *all[] = {w_small, w_hdr, w_bar, w_panel, w_side, w_main};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (all[i])
			idcok(all[i], FALSE);
	if (w_main) {
		/* Documents start below the view's title row, and leave the
		 * last row for messages (four more for an export prompt). */
		int h = getmaxy(w_main) - 4;
		if (st->views[tui_state_view(st)]->exports)
			h -= 3;
		tui_state_layout(st, getmaxx(w_main) - 2, h < 1 ? 1 : h);
	}
	if (w_panel) {
		int w, h;
		tui_panel_text_size(st, w_panel, cur_geom.panel_w > 0,
		                    cur_geom.full, &w, &h);
		tui_state_panel_layout(st, w, h);
	}
}

/* ---- header and key bar ---------------------------------------------------- */

/* The session file's own name, when it is not the client's name made
 * into a file name: copies of an example (payroll-bureau-2), a file
 * opened with -a.  Two copies of one example are told apart by it. */
static char *
session_name(const struct tui_state *st)
{
	const struct sc_session *s = st->saved ? st->saved : st->s;
	if (!s || !s->path)
		return NULL;
	const char *b = strrchr(s->path, '/');
	b = b ? b + 1 : s->path;
	size_t n = strlen(b);
	if (n > 5 && !strcmp(b + n - 5, ".yaml"))
		n -= 5;
	char *name = sc_xstrndup(b, n);
	char *slug = sc_slug(s->a->client ? s->a->client : "");
	bool same = !strcmp(slug, name);
	free(slug);
	if (same) {
		free(name);
		return NULL;
	}
	return name;
}

static void
draw_header(const struct tui_state *st)
{
	WINDOW *w = w_hdr;
	/* In what-if the whole bar changes: what is on screen is not what is
	 * saved, and that must be impossible to miss. */
	attr_t a = st->saved ? tui_attr(SC_ROLE_WARNING) | A_REVERSE | A_BOLD
	                     : tui_attr(SC_ROLE_HEADER);
	int cols = getmaxx(w);
	const char *sep = tui_sym(" \u2502 ", " | ");
	const char *client = st->s && st->s->a->client ? st->s->a->client : "";
	char *file = session_name(st);
	char done_long[64] = "", done_short[32] = "";
	size_t done = 0, total = st->q->nsections;

	wbkgdset(w, ' ' | a);
	werase(w);
	if (st->s) {
		/* Sections, not questions: their number is fixed, so the bar
		 * never shrinks when an answer brings more questions. */
		done = tui_state_sections_done(st);
		snprintf(done_long, sizeof done_long, " %zu/%zu sections done",
		         done, total);
		snprintf(done_short, sizeof done_short, " %zu/%zu", done, total);
	}
	bool ro = st->s && (st->saved ? st->saved : st->s)->read_only;
	const char *wi = st->saved ? " WHAT-IF: not saved " : "";
	/* What must show, in the order it gives way: the title first, then
	 * the progress bar, then the words of the progress; the client's
	 * name and what-if last of all (cut only on a tiny screen). */
	int client_w = *client ? 3 + tui_strwidth(client, strlen(client)) : 0;
	int file_w = file ? 3 + (int)strlen(file) : 0;
	int base = 1 + 8 + (*wi ? 1 + (int)strlen(wi) : 0) + client_w + file_w +
	           (ro ? 12 : 0) + 1;
	int title_w = 3 + tui_strwidth(st->q->title, strlen(st->q->title));
	int barw = 12;
	const char *right = done_long;
	int right_w = st->s ? barw + 2 + (int)strlen(right) + 1 : 0;
	bool title = base + title_w + right_w <= cols;
	if (!title && st->s && base + right_w > cols) {
		barw = 6;
		right_w = barw + 2 + (int)strlen(right) + 1;
		if (base + right_w > cols) {
			right = done_short;
			right_w = barw + 2 + (int)strlen(right) + 1;
		}
		if (base + right_w > cols) {
			barw = 0;
			right_w = (int)strlen(right) + 1;
		}
		if (base + right_w > cols)
			right_w = 0;
	}
	int avail = cols - right_w;
	int x = 1;
	x += tui_puts(w, 0, x, avail - x, "socscope", a | A_BOLD);
	if (*wi) {
		x += tui_puts(w, 0, x, avail - x, " ", a);
		x += tui_puts(w, 0, x, avail - x, wi, a | A_BOLD);
	}
	if (title) {
		x += tui_puts(w, 0, x, avail - x, sep, a);
		x += tui_puts(w, 0, x, avail - x, st->q->title, a);
	}
	if (*client && avail - x > 4) {
		x += tui_puts(w, 0, x, avail - x, sep, a);
		x += tui_puts_cut(w, 0, x, avail - x - (file ? file_w : 0) -
		                               (ro ? 12 : 0),
		                  client, a | A_BOLD);
	}
	if (file && avail - x > file_w) {
		x += tui_puts(w, 0, x, avail - x, " (", a);
		x += tui_puts(w, 0, x, avail - x, file, a);
		x += tui_puts(w, 0, x, avail - x, ")", a);
	}
	if (ro && avail - x >= 12)
		x += tui_puts(w, 0, x, avail - x, " (read-only)", a | A_BOLD);
	if (right_w) {
		int bx = cols - right_w;
		if (barw) {
			int filled = total ? (int)((done * (size_t)barw + total / 2) /
			                           total)
			                   : 0;
			tui_puts(w, 0, bx, 1, "[", a);
			for (int i = 0; i < barw; i++)
				tui_puts(w, 0, bx + 1 + i, 1,
				         i < filled ? tui_sym("\u2588", "#")
				                    : tui_sym("\u2591", "-"),
				         a);
			tui_puts(w, 0, bx + 1 + barw, 1, "]", a);
			bx += barw + 2;
		}
		tui_puts(w, 0, bx, (int)strlen(right), right, a | A_BOLD);
	}
	free(file);
	wnoutrefresh(w);
}

static void
draw_keybar(struct tui_state *st)
{
	/* Each view names the keys it offers now (its keybar operation). */
	struct tui_keybar_item v[TUI_KEYBAR_MAX];
	size_t n = tui_keybar_items(st, v, TUI_KEYBAR_MAX);
	WINDOW *w = w_bar;
	attr_t a = tui_attr(SC_ROLE_KEYBAR);

	tui_keybar_layout(v, n, getmaxx(w), getmaxy(w));
	wbkgdset(w, ' ' | a);
	werase(w);
	for (size_t i = 0; i < n; i++) {
		if (v[i].row < 0)
			continue;
		int x = v[i].col, y = v[i].row;
		x += tui_puts(w, y, x, getmaxx(w) - x, v[i].key, a | A_BOLD);
		x += tui_puts(w, y, x, getmaxx(w) - x, " ", a);
		tui_puts(w, y, x, getmaxx(w) - x, v[i].label, a);
	}
	wnoutrefresh(w);
}

/* ---- document views -------------------------------------------------------------- */

/* The export prompt under a document, on rows ey.. of `w`. */
static void
draw_export(struct tui_state *st, WINDOW *w, int ey, int width)
{
	tui_hline(w, ey, 0, getmaxx(w));
	if (st->owner_mode) {
		int x = tui_puts(w, ey + 1, 1, width, "Owner and due date of: ",
		                 tui_attr(SC_ROLE_TEXT) | A_BOLD);
		tui_puts(w, ey + 1, 1 + x, width - x, st->owner_title,
		         tui_attr(SC_ROLE_ACCENT));
		tui_puts(w, ey + 2, 1, 13, "Owner, due: ", tui_attr(SC_ROLE_TEXT));
		tui_draw_field(w, ey + 2, 13, width - 13, &st->owner_ed, !st->ask);
		return;
	}
	if (!st->export_mode) {
		tui_puts(w, ey + 1, 1, width,
		         tui_state_view(st) == TV_COMPARE
		                 ? "Press w to export this comparison."
		                 : "Press w to export the report or the evidence "
		                   "request list.",
		         tui_attr(SC_ROLE_HELP));
		return;
	}
	/* What is exported, then the formats it comes in. */
	const char *what = st->export_compare    ? "Comparison: "
	                   : st->export_evidence ? "Evidence list: "
	                                         : "Report: ";
	int x = tui_puts(w, ey + 1, 1, width, what,
	                 tui_attr(SC_ROLE_TEXT) | A_BOLD);
	for (int f = 0; f < SC_FMT_COUNT; f++) {
		const char *id = sc_format_id_str((enum sc_format)f);
		if (!tui_export_has_format(st, (enum sc_format)f))
			continue;
		attr_t a = f == (int)st->export_fmt
			? tui_attr(SC_ROLE_SELECTED) | A_BOLD
			: tui_attr(SC_ROLE_MUTED);
		x += tui_puts(w, ey + 1, 1 + x, width - x, id, a);
		x += tui_puts(w, ey + 1, 1 + x, width - x, " ",
		              tui_attr(SC_ROLE_TEXT));
	}
	tui_puts(w, ey + 1, 1 + x, width - x,
	         tui_sym(" (\u2191\u2193, or the file's extension)",
	                 " (Up/Down, or the file's extension)"),
	         tui_attr(SC_ROLE_MUTED));
	tui_puts(w, ey + 2, 1, 6, "File: ", tui_attr(SC_ROLE_TEXT));
	tui_draw_field(w, ey + 2, 7, width - 7, &st->export_ed, !st->ask);
}

static void
draw_doc(struct tui_state *st, enum tui_view_id v)
{
	WINDOW *w = w_main;
	int rows = getmaxy(w), cols = getmaxx(w);
	const struct tui_doc *d = &st->docs[v];
	bool exports = st->views[v]->exports;
	/* The row above the message (or the export box) says "more". */
	int more = tui_message_rows(st, w) > 1 ? tui_message_rows(st, w) - 1 : 0;
	int bottom = (exports ? rows - 5 : rows - 2) - more;
	int width = cols - 2;
	int y = 2;

	tui_clear(w);
	tui_puts(w, 0, 1, width, tui_view_title(v), tui_attr(SC_ROLE_TITLE) | A_BOLD);
	if (d->top > 0)
		tui_puts(w, 1, cols - 8, 7, tui_sym("\u2191 more", "^ more"),
		         tui_attr(SC_ROLE_MUTED));
	tui_set_cursor(w, 0, 1);
	size_t i;
	for (i = d->top; i < d->n && y < bottom; i++) {
		const struct tui_line *l = &d->v[i];
		bool sel = i == d->sel && !st->export_mode && !st->owner_mode;
		attr_t a = tui_attr(l->role);
		if (l->role == SC_ROLE_TITLE || l->bold)
			a |= A_BOLD;
		if (sel)
			a = tui_attr(SC_ROLE_SELECTED);
		struct tui_span *sp;
		int hang = tui_line_hang(l, width);
		size_t nl = tui_line_wrap(l, width, &sp);
		for (size_t k = 0; k < nl && y < bottom; k++, y++) {
			int ind = l->indent + (k ? hang : 0);
			if (sel)
				tui_fill(w, y, 1, width, a);
			tui_put(w, y, 1 + ind, width - ind, l->text + sp[k].off,
			        sp[k].len, a);
			if (l->kind != TL_TEXT)
				tui_add_hit(w, y, 0, cols, TH_LINE, i);
			if (sel && k == 0)
				tui_set_cursor(w, y, 1 + l->indent);
		}
		free(sp);
	}
	if (i < d->n)
		tui_puts(w, bottom, cols - 8, 7, tui_sym("\u2193 more", "v more"),
		         tui_attr(SC_ROLE_MUTED));
	if (exports)
		draw_export(st, w, rows - 4 - more, width);
	tui_draw_message(st, w, rows - 1);
	wnoutrefresh(w);
}

static void
draw_name(struct tui_state *st)
{
	WINDOW *w = w_main;
	int cols = getmaxx(w), rows = getmaxy(w);
	int width = cols - 4;

	tui_clear(w);
	tui_puts(w, 0, 1, width, "New interview", tui_attr(SC_ROLE_TITLE) | A_BOLD);
	/* A questionnaire that concludes with an outcome reads something of
	 * the client's (a review is named by the provider whose report it
	 * reads): its client question says what to type; an interview about
	 * the client asks for the client's name. */
	const struct sc_questionnaire *q = st->q;
	const char *ask = q && q->noutcomes > 0 && !q->recommends &&
	                                  q->client_question < q->nquestions
	                          ? q->questions[q->client_question].text
	                          : NULL;
	int y = 2;
	y += tui_put_wrapped(w, y, 2, width, 3,
	                     ask ? "The answers are saved under this name after "
	                           "every change."
	                         : "Whose interview is this? The answers are "
	                           "saved under this name after every change.",
	                     tui_attr(SC_ROLE_HELP));
	y++;
	if (ask)
		y += tui_put_wrapped(w, y, 2, width, 2, ask,
		                     tui_attr(SC_ROLE_TEXT) | A_BOLD) - 1;
	else
		tui_puts(w, y, 2, width, "Client's name:",
		         tui_attr(SC_ROLE_TEXT) | A_BOLD);
	y++;
	tui_draw_field(w, y, 2, width < 50 ? width : 50, &st->name_ed, true);
	tui_draw_message(st, w, rows - 1);
	wnoutrefresh(w);
}

static void
draw_small(void)
{
	WINDOW *w = w_small;
	int rows = getmaxy(w), cols = getmaxx(w);
	char msg[96];

	tui_clear(w);
	snprintf(msg, sizeof msg, "Terminal too small (%dx%d); needs %dx%d.",
	         cols, rows, TUI_MIN_COLS, TUI_MIN_ROWS);
	tui_put_wrapped(w, rows / 2 > 0 ? rows / 2 - 1 : 0, 0, cols, rows, msg,
	                tui_attr(SC_ROLE_WARNING) | A_BOLD);
	tui_set_cursor(w, 0, 0);
	wnoutrefresh(w);
}

void
tui_draw_frame(struct tui_state *st, bool full)
{
	enum tui_view_id v = tui_state_view(st);

	tui_paint_begin(st->opts->ascii);
	if (full)
		clearok(curscr, TRUE);
	/* stdscr lies under everything; refreshed first, it stays untouched
	 * so reading a key never repaints it over the windows. */
	wnoutrefresh(stdscr);
	if (cur_geom.small) {
		draw_small();
	} else {
		draw_header(st);
		if (w_side)
			tui_draw_sidebar(st, w_side);
		switch (v) {
		case TV_INTERVIEW:
			if (!w_main) {
				/* the panel has the whole body */
			} else if (!w_side && st->focus == TF_SIDEBAR &&
			           !st->note_mode) {
				tui_draw_sidebar(st, w_main);
				wnoutrefresh(w_main);
			} else {
				tui_draw_interview(st, w_main);
			}
			break;
		case TV_NAME:
			draw_name(st);
			break;
		default:
			draw_doc(st, v);
			break;
		}
		if (w_panel)
			tui_draw_panel(st, w_panel, cur_geom.panel_w > 0,
			               cur_geom.full);
		draw_keybar(st);
	}
	tui_paint_end();
	doupdate();
}
