/* Drawing every view.  Only reads the state (apart from telling it the size
 * of the document area in tui_draw_layout). */
#include "draw.h"

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colors.h"
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

/* ---- primitives ----------------------------------------------------------- */

static const char *
sym(const char *utf8, const char *ascii)
{
	return ascii_mode ? ascii : utf8;
}

static void
add_hit(WINDOW *w, int y, int x0, int x1, enum tui_hit_kind k, size_t i)
{
	if (nhits == sizeof hits / sizeof hits[0])
		return;
	int by, bx;
	getbegyx(w, by, bx);
	hits[nhits++] = (struct hit){by + y, bx + x0, bx + x1, k, i};
}

/* Put at most `width` columns of s[0..n) at (y, x); returns columns used.
 * Without UTF-8 every non-ASCII character shows as '?'. */
static int
put(WINDOW *w, int y, int x, int width, const char *s, size_t n, attr_t a)
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

static int
puts_(WINDOW *w, int y, int x, int width, const char *s, attr_t a)
{
	return put(w, y, x, width, s, strlen(s), a);
}

/* Like puts_, but a text that does not fit ends in an ellipsis. */
static int
puts_cut(WINDOW *w, int y, int x, int width, const char *s, attr_t a)
{
	size_t n = strlen(s);
	if (width < 2 || tui_strwidth(s, n) <= width)
		return put(w, y, x, width, s, n, a);
	int used = put(w, y, x, width - 1, s, tui_fit(s, n, width - 1, NULL), a);
	return used + puts_(w, y, x + used, 1, sym("\u2026", "~"), a);
}

/* Fill the rest of a row with the attribute (for highlighted rows). */
static void
fill(WINDOW *w, int y, int x, int width, attr_t a)
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
static int
put_wrapped(WINDOW *w, int y, int x, int width, int max_rows, const char *s,
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
		int used = put(w, y + r, x, width, s + v[i].off, len, a);
		if (cut)
			puts_(w, y + r, x + used, 1, sym("\u2026", "~"), a);
	}
	free(v);
	return r;
}


/* Lines drawn as characters, not the alternate character set: terminals
 * and screen readers that lack ACS still show them. */
static void
draw_vline(WINDOW *w, int y, int x, int n)
{
	for (int i = 0; i < n; i++)
		puts_(w, y + i, x, 1, sym("\u2502", "|"), tui_attr(SC_ROLE_BORDER));
}

static void
draw_hline(WINDOW *w, int y, int x, int n)
{
	for (int i = 0; i < n; i++)
		puts_(w, y, x + i, 1, sym("\u2500", "-"), tui_attr(SC_ROLE_BORDER));
}

static void
set_cursor(WINDOW *w, int y, int x)
{
	cursor_win = w;
	cursor_y = y;
	cursor_x = x;
}

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
	const char *sep = sym(" \u2502 ", " | ");
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
	bool ro = st->s && st->s->read_only;
	/* "(read-only)" matters more than the title too. */
	int fixed = 1 + 8 + 3 +
	            (*client ? 3 + tui_strwidth(client, strlen(client)) : 0) +
	            (ro ? 12 : 0);
	int title_w = avail - fixed;
	int x = 1;
	x += puts_(w, 0, x, avail, "socscope", a | A_BOLD);
	if (title_w >= 6) {
		x += puts_(w, 0, x, cols - x, sep, a);
		x += puts_cut(w, 0, x, title_w, st->q->title, a);
	}
	if (*client && avail - x > 4) {
		x += puts_(w, 0, x, cols - x, sep, a);
		x += puts_cut(w, 0, x, avail - x, client, a | A_BOLD);
	}
	if (ro && avail - x >= 12)
		x += puts_(w, 0, x, avail - x, " (read-only)", a | A_BOLD);
	if (st->s && right_w < cols - 12) {
		int bx = cols - right_w;
		int filled = total ? (int)((done * (size_t)barw + total / 2) / total)
		                   : 0;
		puts_(w, 0, bx, 1, "[", a);
		for (int i = 0; i < barw; i++)
			puts_(w, 0, bx + 1 + i, 1,
			      i < filled ? sym("\u2588", "#") : sym("\u2591", "-"),
			      a);
		puts_(w, 0, bx + 1 + barw, 1, "]", a);
		puts_(w, 0, bx + 2 + barw, (int)strlen(right), right, a | A_BOLD);
	}
	wnoutrefresh(w);
}

struct barkey {
	enum tui_req req;
	const char *label;
};

static void
draw_keybar(struct tui_state *st)
{
	static const struct barkey interview[] = {
		{REQ_HELP, "Help"},     {REQ_ENTER, "Next"},
		{REQ_FOCUS, "Sections"}, {REQ_RESULTS, "Results"},
		{REQ_REVIEW, "Review"}, {REQ_EXPLAIN, "Why"},
		{REQ_NOTE, "Note"},     {REQ_PANEL, "Panel"},
		{REQ_PICK, "Pick"},     {REQ_QUIT, "Quit"}, {REQ_NONE, NULL}};
	static const struct barkey typing[] = {
		{REQ_HELP, "Help"},     {REQ_ENTER, "Confirm"},
		{REQ_PREV, "Prev"},     {REQ_NEXT, "Next"},
		{REQ_FOCUS, "Sections"}, {REQ_RESULTS, "Results"},
		{REQ_QUIT, "Quit"},     {REQ_NONE, NULL}};
	static const struct barkey sidebar[] = {
		{REQ_HELP, "Help"},   {REQ_ENTER, "Jump"},
		{REQ_BACK, "Back"},   {REQ_RESULTS, "Results"},
		{REQ_QUIT, "Quit"},   {REQ_NONE, NULL}};
	static const struct barkey note[] = {
		{REQ_ENTER, "Save note"}, {REQ_BACK, "Cancel"},
		{REQ_QUIT, "Quit"}, {REQ_NONE, NULL}};
	static const struct barkey doc[] = {
		{REQ_HELP, "Help"}, {REQ_ENTER, "Open"}, {REQ_BACK, "Back"},
		{REQ_QUIT, "Quit"}, {REQ_NONE, NULL}};
	static const struct barkey results[] = {
		{REQ_HELP, "Help"},    {REQ_EXPORT, "Export"},
		{REQ_EXPLAIN, "Why"},  {REQ_REVIEW, "Review"},
		{REQ_ENTER, "Answer"}, {REQ_BACK, "Back"},
		{REQ_QUIT, "Quit"},    {REQ_NONE, NULL}};
	static const struct barkey exporting[] = {
		{REQ_ENTER, "Write"}, {REQ_DOWN, "Format"},
		{REQ_BACK, "Cancel"}, {REQ_NONE, NULL}};
	static const struct barkey name[] = {
		{REQ_ENTER, "Start"}, {REQ_BACK, "Back"},
		{REQ_QUIT, "Quit"}, {REQ_NONE, NULL}};
	const struct barkey *keys;
	const char *keys_label[16];
	bool editing = tui_state_editing(st);

	switch (tui_state_view(st)) {
	case TV_INTERVIEW:
		keys = st->note_mode ? note
		     : st->focus == TF_SIDEBAR ? sidebar
		     : editing ? typing : interview;
		break;
	case TV_RESULTS:
		keys = st->export_mode ? exporting : results;
		break;
	case TV_NAME:
		keys = name;
		break;
	default:
		keys = doc;
		break;
	}
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
		if (keys[i].req == REQ_ENTER && v != TV_INTERVIEW &&
		    v != TV_NAME && !st->export_mode &&
		    st->docs[v].sel == SIZE_MAX)
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
		x += puts_(w, 0, x, cols - x, kn[i], a | A_BOLD);
		x += puts_(w, 0, x, cols - x, " ", a);
		x += puts_(w, 0, x, cols - x, keys_label[i], a);
		x += puts_(w, 0, x, cols - x, "  ", a);
	}
	wnoutrefresh(w);
}

/* ---- sidebar and panel ------------------------------------------------------ */

/* The sections list: in its own column, or, on a terminal too narrow
 * for that, in place of the question while it has the focus. */
static void
draw_sidebar(const struct tui_state *st, WINDOW *w)
{
	int rows = getmaxy(w), cols = getmaxx(w);
	size_t cur_sec = st->q->questions[st->cur].section;
	bool focused = st->focus == TF_SIDEBAR && !st->note_mode;

	werase(w);
	draw_vline(w, 0, cols - 1, rows);
	puts_(w, 0, 1, cols - 3, "Sections", tui_attr(SC_ROLE_TITLE) | A_BOLD);
	/* Keep the sidebar cursor in view on long questionnaires. */
	int avail = rows - 3;
	size_t top = 0, focus_sec = focused ? st->side_sel : cur_sec;
	if (avail > 0 && focus_sec >= (size_t)avail)
		top = focus_sec - (size_t)avail + 1;
	for (size_t s = top; s < st->q->nsections; s++) {
		int y = 1 + (int)(s - top);
		if (y >= rows - 2)
			break;
		enum tui_sec_state ss = tui_state_section(st, s);
		const char *m;
		enum sc_role role = SC_ROLE_TEXT;
		if (s == cur_sec) {
			m = sym("\u25b6", ">");
			role = SC_ROLE_ACCENT;
		} else if (ss == TS_DONE) {
			m = sym("\u2713", "+");
			role = SC_ROLE_SUCCESS;
		} else if (ss == TS_REQUIRED) {
			m = "!";
			role = SC_ROLE_WARNING;
		} else if (ss == TS_SKIPPED) {
			m = "-";
			role = SC_ROLE_MUTED;
		} else {
			m = sym("\u25cb", "o");
		}
		attr_t a = tui_attr(role);
		if (s == cur_sec)
			a |= A_BOLD;
		bool sel = focused && s == st->side_sel;
		if (sel) {
			a = tui_attr(SC_ROLE_SELECTED);
			fill(w, y, 0, cols - 1, a);
			set_cursor(w, y, 1);
		}
		puts_(w, y, 1, 2, m, a);
		/* A required question left open shows even on the current one. */
		if (s == cur_sec && ss == TS_REQUIRED && !sel)
			puts_(w, y, 0, 1, "!", tui_attr(SC_ROLE_WARNING));
		puts_cut(w, y, 3, cols - 4, st->q->sections[s].title, a);
		add_hit(w, y, 0, cols - 1, TH_SECTION, s);
	}
	if (rows >= 8) {
		char legend[96];
		snprintf(legend, sizeof legend, "%s done  ! required",
		         sym("\u2713", "+"));
		puts_(w, rows - 1, 1, cols - 2, legend, tui_attr(SC_ROLE_MUTED));
	}
	wnoutrefresh(w);
}

static void
draw_panel(const struct tui_state *st)
{
	WINDOW *w = w_panel;
	int rows = getmaxy(w), cols = getmaxx(w);
	bool side = cur_geom.panel_w > 0;
	int x0 = side ? 2 : 1, y = side ? 0 : 1;
	int width = cols - x0 - 1;

	werase(w);
	if (side)
		draw_vline(w, 0, 0, rows);
	else
		draw_hline(w, 0, 0, cols);
	for (size_t i = 0; i < st->live.n && y < rows; i++) {
		const struct tui_line *l = &st->live.v[i];
		attr_t a = tui_attr(l->role);
		if (l->role == SC_ROLE_TITLE)
			a |= A_BOLD;
		int ind = l->indent * 2;
		/* A conclusion that just changed is marked and bold. */
		if (l->changed) {
			a = tui_attr(SC_ROLE_ACCENT) | A_BOLD;
			puts_(w, y, x0 + (ind ? ind - 2 : 0), 1, "*", a);
			if (!ind)
				ind = 2;
		}
		y += put_wrapped(w, y, x0 + ind, width - ind, rows - y, l->text, a);
	}
	wnoutrefresh(w);
}

/* ---- the interview ------------------------------------------------------------- */

static int
choice_rows(const struct tui_state *st, size_t i, size_t c, int label_w)
{
	int r = (int)tui_wrap_count(tui_state_choice_label(st, i, c), label_w);
	return r < 1 ? 1 : r > 3 ? 3 : r;
}

/* Rows the message takes in `w`: it wraps, up to three rows, so that the
 * reason at the end of a long error ("Not saved: cannot create a file in
 * DIR: REASON") is read whole at 80x24. */
static int
message_rows(const struct tui_state *st, WINDOW *w)
{
	if (!st->message)
		return 0;
	int r = (int)tui_wrap_count(st->message, getmaxx(w) - 2);
	return r < 1 ? 1 : r > 3 ? 3 : r;
}

/* The message, its last row on row `y`. */
static void
draw_message(const struct tui_state *st, WINDOW *w, int y)
{
	int r = message_rows(st, w);
	if (!r)
		return;
	put_wrapped(w, y - r + 1, 1, getmaxx(w) - 2, r, st->message,
	            tui_attr(st->message_error ? SC_ROLE_ERROR : SC_ROLE_ACCENT));
}

/* A one-line editor field: underlined, with the cursor placed in it. */
static void
draw_field(WINDOW *w, int y, int x, int width, const struct tui_lineedit *cle,
           bool focus)
{
	struct tui_lineedit *le = (struct tui_lineedit *)cle;
	size_t off, len;
	int cx;
	attr_t a = tui_attr(SC_ROLE_TEXT) | A_UNDERLINE;

	/* Only the horizontal scroll changes here; it belongs to the view. */
	tui_le_view(le, width, &off, &len, &cx);
	fill(w, y, x, width, a);
	put(w, y, x, width, tui_le_text(le) + off, len, a);
	if (focus)
		set_cursor(w, y, x + cx);
}

static void
draw_interview(struct tui_state *st)
{
	WINDOW *w = w_main;
	int rows = getmaxy(w), cols = getmaxx(w);
	/* Lines much longer than this are hard to read on wide screens. */
	int width = cols - 3 < 100 ? cols - 3 : 100, x = 2, y = 0;
	size_t i = st->cur;
	const struct sc_question *qn = &st->q->questions[i];
	const struct sc_section *sec = &st->q->sections[qn->section];
	size_t done, total;
	char pos[96];

	werase(w);
	/* Where this question lies and what is done: neither goes back when
	 * an answer brings more questions, as "Question N of M" did. */
	tui_state_progress(st, &done, &total);
	snprintf(pos, sizeof pos, "Section %zu of %zu%s%zu answered",
	         qn->section + 1, st->q->nsections, sym(" \u00b7 ", " - "),
	         done);
	/* The section's title gives way first: the numbers and "required"
	 * say more. */
	const char *req = "  required";
	int fixed = 3 + tui_strwidth(pos, strlen(pos)) +
	            (qn->required ? (int)strlen(req) : 0);
	int px = 0;
	if (width - fixed >= 6) {
		px = puts_cut(w, y, x, width - fixed, sec->title,
		              tui_attr(SC_ROLE_MUTED));
		px += puts_(w, y, x + px, width - px, sym(" \u00b7 ", " - "),
		            tui_attr(SC_ROLE_MUTED));
	}
	px += puts_(w, y, x + px, width - px, pos, tui_attr(SC_ROLE_MUTED));
	if (qn->required)
		puts_(w, y, x + px, width - px, req,
		      tui_attr(tui_state_answered(st, i) ? SC_ROLE_MUTED
		                                         : SC_ROLE_WARNING));
	y += 2;
	size_t n = tui_state_nchoices(st, i);
	/* Rows are handed out from the bottom up: the message, note and
	 * error lines when there are any, then at least a few rows of input;
	 * the question's text, its help and the section's introduction share
	 * what is left, in that order of importance. */
	const char *note = st->s->a->notes[i];
	bool has_note = st->note_mode || (note && *note);
	int reserve = message_rows(st, w) + (has_note ? 1 : 0) +
	              (n && st->errors[i] ? 1 : 0);
	int input_min = n ? (n < 4 ? (int)n : 4) : 2;
	int room = rows - y - reserve - input_min - 1;
	if (room < 1)
		room = 1;
	char *help = qn->help ? sc_xasprintf("Why we ask: %s", qn->help) : NULL;
	int text_rows = (int)tui_wrap_count(qn->text, width);
	int help_rows = help ? (int)tui_wrap_count(help, width) : 0;
	int intro_rows = sec->intro ? (int)tui_wrap_count(sec->intro, width) : 0;
	int passed_rows = st->passed ? (int)tui_wrap_count(st->passed, width) : 0;
	if (text_rows > room)
		text_rows = room;
	int left = room - text_rows - 1;
	/* Sections just passed over are said before the help: otherwise
	 * they would be skipped in silence. */
	if (passed_rows > left - 1)
		passed_rows = left > 1 ? left - 1 : 0;
	left -= passed_rows + (passed_rows ? 1 : 0);
	if (help_rows > left)
		help_rows = left > 0 ? left : 0;
	left -= help_rows + (help_rows ? 1 : 0);
	size_t prev = sc_session_prev(st->s, i);
	bool first = prev == SIZE_MAX ||
	             st->q->questions[prev].section != qn->section;
	if (passed_rows > 0)
		y += put_wrapped(w, y, x, width, passed_rows, st->passed,
		                 tui_attr(SC_ROLE_MUTED)) + 1;
	if (intro_rows && first && intro_rows + 1 <= left) {
		y += put_wrapped(w, y, x, width, intro_rows, sec->intro,
		                 tui_attr(SC_ROLE_HELP)) + 1;
	}
	y += put_wrapped(w, y, x, width, text_rows, qn->text,
	                 tui_attr(SC_ROLE_TITLE) | A_BOLD) + 1;
	if (help_rows > 0) {
		y += put_wrapped(w, y, x, width, help_rows, help,
		                 tui_attr(SC_ROLE_HELP)) + 1;
	}
	free(help);
	bool qfocus = st->focus == TF_QUESTION && !st->note_mode;
	if (n) {
		/* Labels wrap (up to three rows each).  A long list scrolls:
		 * the focused choice stays whole on screen, and marks show
		 * that more lies above or below. */
		int label_w = width - 7 > 8 ? width - 7 : 8;
		int avail = rows - y - reserve;
		if (avail < 1)
			avail = 1;
		int total_rows = 0;
		for (size_t c = 0; c < n; c++)
			total_rows += choice_rows(st, i, c, label_w);
		size_t top = 0;
		if (total_rows > avail) {
			/* One row is kept for the "more" mark below. */
			int room = avail > 1 ? avail - 1 : 1;
			for (;;) {
				int used = 0;
				for (size_t c = top; c <= st->cursor[i] && c < n; c++)
					used += choice_rows(st, i, c, label_w);
				if (used <= room || top >= st->cursor[i])
					break;
				top++;
			}
			avail = room;
		}
		if (top > 0)
			puts_(w, y - 1, x, width, sym("\u2191 more", "^ more"),
			      tui_attr(SC_ROLE_MUTED));
		bool multi = qn->type == SC_Q_MULTI;
		int end_y = y + avail;
		size_t c;
		for (c = top; c < n; c++) {
			int cr = choice_rows(st, i, c, label_w);
			if (y + cr > end_y && c > top)
				break;
			bool on = tui_state_choice_selected(st, i, c);
			bool at = c == st->cursor[i];
			attr_t a = on ? tui_attr(SC_ROLE_ACCENT) | A_BOLD
			              : tui_attr(SC_ROLE_TEXT);
			if (at && qfocus) {
				a = tui_attr(SC_ROLE_SELECTED) | (on ? A_BOLD : 0);
				for (int k = 0; k < cr; k++)
					fill(w, y + k, x - 1, width + 1, a);
			}
			char num[8] = "  ";
			if (c < 9)
				snprintf(num, sizeof num, "%zu ", c + 1);
			const char *m = multi ? (on ? sym("[\u2713]", "[x]") : "[ ]")
			                      : (on ? sym("(\u2022)", "(*)") : "( )");
			int cx = x;
			cx += puts_(w, y, cx, 2, num, a);
			cx += puts_(w, y, cx, 4, m, a);
			cx += puts_(w, y, cx, 1, " ", a);
			put_wrapped(w, y, cx, label_w, cr,
			            tui_state_choice_label(st, i, c), a);
			for (int k = 0; k < cr; k++)
				add_hit(w, y + k, x - 1, x + width, TH_CHOICE, c);
			if (at && qfocus)
				set_cursor(w, y, x + 3);
			y += cr;
		}
		if (c < n) {
			puts_(w, y, x, width, sym("\u2193 more", "v more"),
			      tui_attr(SC_ROLE_MUTED));
			y++;
		}
		/* The focused choice's own help, when it has one. */
		if ((qn->type == SC_Q_SINGLE || qn->type == SC_Q_MULTI) &&
		    st->cursor[i] < qn->nchoices &&
		    qn->choices[st->cursor[i]].help && !st->errors[i] &&
		    y < rows - reserve) {
			puts_cut(w, y, x + 7, width - 7,
			         qn->choices[st->cursor[i]].help,
			         tui_attr(SC_ROLE_MUTED));
			y++;
		}
	} else {
		int fw = width - 2 < 60 ? width - 2 : 60;
		puts_(w, y, x, 2, "> ", tui_attr(SC_ROLE_ACCENT));
		draw_field(w, y, x + 2, fw, &st->drafts[i], qfocus);
		y++;
		if (qn->type == SC_Q_NUMBER && (qn->has_min || qn->has_max) &&
		    !st->errors[i]) {
			char r[96];
			if (qn->has_min && qn->has_max)
				snprintf(r, sizeof r, "A number from %.15g to %.15g",
				         qn->min, qn->max);
			else if (qn->has_min)
				snprintf(r, sizeof r, "A number of at least %.15g", qn->min);
			else
				snprintf(r, sizeof r, "A number of at most %.15g", qn->max);
			puts_(w, y, x + 2, width - 2, r, tui_attr(SC_ROLE_MUTED));
		}
	}
	/* Validation stays next to the input, with what was typed. */
	if (st->errors[i]) {
		puts_(w, y, x, width, st->errors[i],
		      tui_attr(SC_ROLE_ERROR) | A_BOLD);
		y++;
	} else if (!n) {
		y++; /* the range hint's row */
	}
	if (st->note_mode) {
		puts_(w, y, x, 6, "Note: ", tui_attr(SC_ROLE_ACCENT) | A_BOLD);
		draw_field(w, y, x + 6, width - 6, &st->note_ed, true);
	} else if (note && *note && y < rows - message_rows(st, w)) {
		char *t = sc_xasprintf("Note: %s", note);
		puts_(w, y, x, width, t, tui_attr(SC_ROLE_HELP));
		free(t);
	}
	draw_message(st, w, rows - 1);
	wnoutrefresh(w);
}

/* ---- document views -------------------------------------------------------------- */

static const char *
doc_title(enum tui_view_id v)
{
	switch (v) {
	case TV_START: return "Saved interviews";
	case TV_REVIEW: return "Review your answers";
	case TV_RESULTS: return "Results";
	case TV_EXPLAIN: return "Why: each conclusion explained";
	case TV_HELP: return "Keys";
	default: return "";
	}
}

static void
draw_doc(struct tui_state *st, enum tui_view_id v)
{
	WINDOW *w = w_main;
	int rows = getmaxy(w), cols = getmaxx(w);
	const struct tui_doc *d = &st->docs[v];
	/* The row above the message (or the export box) says "more". */
	int more = message_rows(st, w) > 1 ? message_rows(st, w) - 1 : 0;
	int bottom = (v == TV_RESULTS ? rows - 5 : rows - 2) - more;
	int width = cols - 2;
	int y = 2;

	werase(w);
	puts_(w, 0, 1, width, doc_title(v), tui_attr(SC_ROLE_TITLE) | A_BOLD);
	if (d->top > 0)
		puts_(w, 1, cols - 8, 7, sym("\u2191 more", "^ more"),
		      tui_attr(SC_ROLE_MUTED));
	set_cursor(w, 0, 1);
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
		int lw = width - l->indent - l->hang;
		size_t nl = tui_wrap(l->text, lw < 8 ? 8 : lw, &sp);
		for (size_t k = 0; k < nl && y < bottom; k++, y++) {
			int ind = l->indent + (k ? l->hang : 0);
			if (sel)
				fill(w, y, 1, width, a);
			put(w, y, 1 + ind, width - ind, l->text + sp[k].off,
			    sp[k].len, a);
			if (l->kind != TL_TEXT)
				add_hit(w, y, 0, cols, TH_LINE, i);
			if (sel && k == 0)
				set_cursor(w, y, 1 + l->indent);
		}
		free(sp);
	}
	if (i < d->n)
		puts_(w, bottom, cols - 8, 7, sym("\u2193 more", "v more"),
		      tui_attr(SC_ROLE_MUTED));
	if (v == TV_RESULTS) {
		int ey = rows - 4 - more;
		draw_hline(w, ey, 0, cols);
		if (st->export_mode) {
			int x = puts_(w, ey + 1, 1, width, "Format: ",
			              tui_attr(SC_ROLE_TEXT));
			for (int f = 0; f < SC_FMT_COUNT; f++) {
				const char *id = sc_format_id_str((enum sc_format)f);
				attr_t a = f == (int)st->export_fmt
					? tui_attr(SC_ROLE_SELECTED) | A_BOLD
					: tui_attr(SC_ROLE_MUTED);
				x += puts_(w, ey + 1, 1 + x, width - x, id, a);
				x += puts_(w, ey + 1, 1 + x, width - x, " ",
				           tui_attr(SC_ROLE_TEXT));
			}
			puts_(w, ey + 1, 1 + x, width - x, sym(" (\u2191\u2193)", " (Up/Down)"),
			      tui_attr(SC_ROLE_MUTED));
			puts_(w, ey + 2, 1, 6, "File: ", tui_attr(SC_ROLE_TEXT));
			draw_field(w, ey + 2, 7, width - 7, &st->export_ed, true);
		} else {
			puts_(w, ey + 1, 1, width,
			      "Press w to export: text, markdown, html, json or csv.",
			      tui_attr(SC_ROLE_HELP));
		}
	}
	draw_message(st, w, rows - 1);
	wnoutrefresh(w);
}

static void
draw_name(struct tui_state *st)
{
	WINDOW *w = w_main;
	int cols = getmaxx(w), rows = getmaxy(w);
	int width = cols - 4;

	werase(w);
	puts_(w, 0, 1, width, "New interview", tui_attr(SC_ROLE_TITLE) | A_BOLD);
	int y = 2;
	y += put_wrapped(w, y, 2, width, 3,
	                 "Whose interview is this? The answers are saved under "
	                 "this name after every change.",
	                 tui_attr(SC_ROLE_HELP));
	y++;
	puts_(w, y, 2, width, "Client's name:", tui_attr(SC_ROLE_TEXT) | A_BOLD);
	y++;
	draw_field(w, y, 2, width < 50 ? width : 50, &st->name_ed, true);
	draw_message(st, w, rows - 1);
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
	put_wrapped(w, rows / 2 > 0 ? rows / 2 - 1 : 0, 0, cols, rows, msg,
	            tui_attr(SC_ROLE_WARNING) | A_BOLD);
	set_cursor(w, 0, 0);
	wnoutrefresh(w);
}

void
tui_draw_frame(struct tui_state *st, bool full)
{
	enum tui_view_id v = tui_state_view(st);

	ascii_mode = st->opts->ascii;
	nhits = 0;
	cursor_win = NULL;
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
			draw_sidebar(st, w_side);
		switch (v) {
		case TV_INTERVIEW:
			if (!w_side && st->focus == TF_SIDEBAR && !st->note_mode) {
				draw_sidebar(st, w_main);
				wnoutrefresh(w_main);
			} else {
				draw_interview(st);
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
			draw_panel(st);
		draw_keybar(st);
	}
	if (cursor_win) {
		wmove(cursor_win, cursor_y, cursor_x);
		wnoutrefresh(cursor_win);
	}
	doupdate();
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
