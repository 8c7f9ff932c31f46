/* Drawing every view: the layout of windows, header and key bar, the
 * document views, and the frame that calls the question view's parts
 * (draw_interview.c).  Only reads the state (apart from telling it the size
 * of the document area in tui_draw_layout). */
#include "draw.h"

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colors.h"
#include "paint.h"
#include "text.h"

struct geom {
	int rows, cols;
	bool small;
	int side_w;  /* 0: no sidebar */
	int panel_w; /* right-hand panel; 0: none */
	int panel_h; /* panel under the question; 0: none */
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

static struct geom
compute(const struct tui_state *st)
{
	struct geom g;
	memset(&g, 0, sizeof g);
	getmaxyx(stdscr, g.rows, g.cols);
	g.small = g.cols < TUI_MIN_COLS || g.rows < TUI_MIN_ROWS;
	if (g.small || tui_state_view(st) != TV_INTERVIEW)
		return g;
	/* The sidebar and the panel fold away as the terminal narrows. */
	if (g.cols >= 64)
		g.side_w = g.cols / 4 < 26 ? g.cols / 4 : 26;
	if (st->panel) {
		if (g.cols >= 100)
			g.panel_w = g.cols / 3 < 38 ? g.cols / 3 : 38;
		else if (g.rows >= 18 && st->saved)
			/* What differs in what-if needs a few rows more. */
			g.panel_h = (g.rows - 2) / 3 < 12 ? (g.rows - 2) / 3 : 12;
		else if (g.rows >= 18)
			g.panel_h = (g.rows - 2) / 4 < 9 ? (g.rows - 2) / 4 : 9;
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
			int body = g.rows - 2;
			int main_w = g.cols - g.side_w - g.panel_w;
			w_hdr = newwin(1, g.cols, 0, 0);
			w_bar = newwin(1, g.cols, g.rows - 1, 0);
			if (g.side_w)
				w_side = newwin(body, g.side_w, 1, 0);
			w_main = newwin(body - g.panel_h, main_w, 1, g.side_w);
			if (g.panel_w)
				w_panel = newwin(body, g.panel_w, 1,
				                 g.side_w + main_w);
			else if (g.panel_h)
				w_panel = newwin(g.panel_h, main_w,
				                 1 + body - g.panel_h, g.side_w);
		}
	}
	if (w_main) {
		/* Documents start below the view's title row, and leave the
		 * last row for messages (results: four for the export). */
		int h = getmaxy(w_main) - 4;
		if (tui_state_view(st) == TV_RESULTS)
			h -= 3;
		tui_state_layout(st, getmaxx(w_main) - 2, h < 1 ? 1 : h);
	}
}

/* ---- header and key bar ---------------------------------------------------- */

static void
draw_header(const struct tui_state *st)
{
	WINDOW *w = w_hdr;
	attr_t a = tui_attr(SC_ROLE_HEADER);
	int cols = getmaxx(w);
	const char *sep = tui_sym(" \u2502 ", " | ");
	const char *client = st->s && st->s->a->client ? st->s->a->client : "";
	char right[64] = "";
	int barw = cols >= 80 ? 12 : 6, right_w = 0;
	size_t done = 0, total = st->q->nsections;

	wbkgdset(w, ' ' | a);
	werase(w);
	if (st->s) {
		/* Sections, not questions: their number is fixed, so the bar
		 * never shrinks when an answer brings more questions. */
		done = tui_state_sections_done(st);
		snprintf(right, sizeof right, " %zu/%zu %s", done, total,
		         cols >= 80 ? "sections done" : "done");
		right_w = barw + 2 + (int)strlen(right) + 1;
	}
	/* The client's name matters more than the questionnaire's title:
	 * the title gives way first when the bar is short. */
	int avail = cols - right_w - 2;
	bool ro = st->s && (st->saved ? st->saved : st->s)->read_only;
	/* What-if is said first, in reverse video, for as long as it is on:
	 * what is on screen is not what is saved. */
	const char *wi = st->saved ? " WHAT-IF " : "";
	int wi_w = (int)strlen(wi) + (*wi ? 1 : 0);
	/* "(read-only)" matters more than the title too. */
	int fixed = 1 + 8 + wi_w + 3 +
	            (*client ? 3 + tui_strwidth(client, strlen(client)) : 0) +
	            (ro ? 12 : 0);
	int title_w = avail - fixed;
	int x = 1;
	x += tui_puts(w, 0, x, avail, "socscope", a | A_BOLD);
	if (*wi) {
		x += tui_puts(w, 0, x, avail - x, " ", a);
		x += tui_puts(w, 0, x, avail - x, wi, a | A_BOLD | A_REVERSE);
	}
	if (title_w >= 6) {
		x += tui_puts(w, 0, x, cols - x, sep, a);
		x += tui_puts_cut(w, 0, x, title_w, st->q->title, a);
	}
	if (*client && avail - x > 4) {
		x += tui_puts(w, 0, x, cols - x, sep, a);
		x += tui_puts_cut(w, 0, x, avail - x, client, a | A_BOLD);
	}
	if (ro && avail - x >= 12)
		x += tui_puts(w, 0, x, avail - x, " (read-only)", a | A_BOLD);
	if (st->s && right_w < cols - 12) {
		int bx = cols - right_w;
		int filled = total ? (int)((done * (size_t)barw + total / 2) / total)
		                   : 0;
		tui_puts(w, 0, bx, 1, "[", a);
		for (int i = 0; i < barw; i++)
			tui_puts(w, 0, bx + 1 + i, 1,
			         i < filled ? tui_sym("\u2588", "#") : tui_sym("\u2591", "-"),
			         a);
		tui_puts(w, 0, bx + 1 + barw, 1, "]", a);
		tui_puts(w, 0, bx + 2 + barw, (int)strlen(right), right, a | A_BOLD);
	}
	wnoutrefresh(w);
}

static void
draw_keybar(struct tui_state *st)
{
	/* Each view names the keys it offers now (its keybar operation). */
	const struct tui_barkey *keys = tui_state_keybar(st);
	const char *keys_label[16];
	bool editing = tui_state_editing(st);

	WINDOW *w = w_bar;
	attr_t a = tui_attr(SC_ROLE_KEYBAR);
	int cols = getmaxx(w), x = 0;
	char kn[16][32];
	int need[16], n = 0;

	wbkgdset(w, ' ' | a);
	werase(w);
	enum tui_view_id v = tui_state_view(st);
	for (size_t i = 0; keys[i].label && n < 16; i++) {
		const struct tui_request_info *r = tui_request_info(keys[i].req);
		/* Only keys that do something here are offered. */
		if (keys[i].req == REQ_BACK && st->depth <= 1 &&
		    v != TV_INTERVIEW)
			continue;
		if (keys[i].req == REQ_ENTER && tui_view_document(v) &&
		    !st->export_mode && st->docs[v].sel == SIZE_MAX)
			continue;
		kn[n][0] = '\0';
		if (keys[i].req == REQ_PICK) {
			tui_request_keys(REQ_PICK, kn[n], sizeof kn[n]);
		} else {
			/* Name a key that works now: not a letter while typing. */
			for (size_t k = 0; k < TUI_MAX_KEYS && r->keys[k]; k++) {
				if (editing && tui_key_printable(r->keys[k]))
					continue;
				tui_key_name(r->keys[k], kn[n], sizeof kn[n]);
				break;
			}
		}
		if (!kn[n][0])
			continue;
		need[n] = (int)strlen(kn[n]) + 1 +
		          tui_strwidth(keys[i].label, strlen(keys[i].label)) + 2;
		keys_label[n] = keys[i].label;
		n++;
	}
	/* The last entry (quit, cancel) always shows; the middle gives way. */
	for (int i = 0; i < n; i++) {
		int room = cols - x - (i < n - 1 ? need[n - 1] : 0);
		if (need[i] - 2 > room)
			continue;
		x += tui_puts(w, 0, x, cols - x, kn[i], a | A_BOLD);
		x += tui_puts(w, 0, x, cols - x, " ", a);
		x += tui_puts(w, 0, x, cols - x, keys_label[i], a);
		x += tui_puts(w, 0, x, cols - x, "  ", a);
	}
	wnoutrefresh(w);
}

/* ---- document views -------------------------------------------------------------- */

static void
draw_doc(struct tui_state *st, enum tui_view_id v)
{
	WINDOW *w = w_main;
	int rows = getmaxy(w), cols = getmaxx(w);
	const struct tui_doc *d = &st->docs[v];
	/* The row above the message (or the export box) says "more". */
	int more = tui_message_rows(st, w) > 1 ? tui_message_rows(st, w) - 1 : 0;
	int bottom = (v == TV_RESULTS ? rows - 5 : rows - 2) - more;
	int width = cols - 2;
	int y = 2;

	werase(w);
	tui_puts(w, 0, 1, width, tui_view_title(v), tui_attr(SC_ROLE_TITLE) | A_BOLD);
	if (d->top > 0)
		tui_puts(w, 1, cols - 8, 7, tui_sym("\u2191 more", "^ more"),
		         tui_attr(SC_ROLE_MUTED));
	tui_set_cursor(w, 0, 1);
	size_t i;
	for (i = d->top; i < d->n && y < bottom; i++) {
		const struct tui_line *l = &d->v[i];
		bool sel = i == d->sel && !st->export_mode;
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
	if (v == TV_RESULTS) {
		int ey = rows - 4 - more;
		tui_hline(w, ey, 0, cols);
		if (st->export_mode) {
			/* What is exported, then the formats it comes in. */
			int x = tui_puts(w, ey + 1, 1, width,
			                 st->export_evidence ? "Evidence list: "
			                                     : "Report: ",
			                 tui_attr(SC_ROLE_TEXT) | A_BOLD);
			for (int f = 0; f < SC_FMT_COUNT; f++) {
				const char *id = sc_format_id_str((enum sc_format)f);
				if (st->export_evidence && f == SC_FMT_TEXT)
					continue;
				attr_t a = f == (int)st->export_fmt
					? tui_attr(SC_ROLE_SELECTED) | A_BOLD
					: tui_attr(SC_ROLE_MUTED);
				x += tui_puts(w, ey + 1, 1 + x, width - x, id, a);
				x += tui_puts(w, ey + 1, 1 + x, width - x, " ",
				              tui_attr(SC_ROLE_TEXT));
			}
			tui_puts(w, ey + 1, 1 + x, width - x, tui_sym(" (\u2191\u2193)", " (Up/Down)"),
			         tui_attr(SC_ROLE_MUTED));
			tui_puts(w, ey + 2, 1, 6, "File: ", tui_attr(SC_ROLE_TEXT));
			tui_draw_field(w, ey + 2, 7, width - 7, &st->export_ed, true);
		} else {
			tui_puts(w, ey + 1, 1, width,
			         "Press w to export the report or the evidence request list.",
			         tui_attr(SC_ROLE_HELP));
		}
	}
	tui_draw_message(st, w, rows - 1);
	wnoutrefresh(w);
}

static void
draw_name(struct tui_state *st)
{
	WINDOW *w = w_main;
	int cols = getmaxx(w), rows = getmaxy(w);
	int width = cols - 4;

	werase(w);
	tui_puts(w, 0, 1, width, "New interview", tui_attr(SC_ROLE_TITLE) | A_BOLD);
	int y = 2;
	y += tui_put_wrapped(w, y, 2, width, 3,
	                     "Whose interview is this? The answers are saved under "
	                     "this name after every change.",
	                     tui_attr(SC_ROLE_HELP));
	y++;
	tui_puts(w, y, 2, width, "Client's name:", tui_attr(SC_ROLE_TEXT) | A_BOLD);
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

	werase(w);
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
			if (!w_side && st->focus == TF_SIDEBAR && !st->note_mode) {
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
			tui_draw_panel(st, w_panel, cur_geom.panel_w > 0);
		draw_keybar(st);
	}
	tui_paint_end();
	doupdate();
}