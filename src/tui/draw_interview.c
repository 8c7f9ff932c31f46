/* Drawing the question view: the sections sidebar, the live panel and the
 * question with its choices or field, note, hints and message. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colors.h"
#include "paint.h"
#include "text.h"

/* ---- the sections sidebar ------------------------------------------------- */

/* The legend of the marks, on as many rows as `width` needs; returns
 * the rows (drawing only with `w`). */
static int
legend(WINDOW *w, int y, int width)
{
	const char *items[] = {
		tui_sym("\u25b6 here", "> here"), tui_sym("\u2713 done", "+ done"),
		tui_sym("\u25cb open", "o open"), "! required", "- n/a"};
	int x = 0, r = 0;
	for (size_t i = 0; i < sizeof items / sizeof *items; i++) {
		int iw = tui_strwidth(items[i], strlen(items[i]));
		if (x && x + iw > width) {
			r++;
			x = 0;
		}
		if (w)
			tui_puts(w, y + r, 1 + x, width - x, items[i],
			         tui_attr(SC_ROLE_MUTED));
		x += iw + 1;
	}
	return r + 1;
}

/* Rows each section's title takes: whole (wrapped) when every section
 * fits so, else one row for each but the one in focus. */
static int
title_rows(const struct tui_state *st, size_t s, size_t focus, int tw,
           bool whole)
{
	if (!whole && s != focus)
		return 1;
	return (int)tui_wrap_count(st->q->sections[s].title, tw);
}

/* The sections list: in its own column, or, on a terminal too narrow
 * for that, in place of the question while it has the focus.  Titles
 * wrap rather than being cut; when they cannot all wrap, the one in
 * focus still shows whole. */
void
tui_draw_sidebar(const struct tui_state *st, WINDOW *w)
{
	int rows = getmaxy(w), cols = getmaxx(w);
	size_t cur_sec = st->q->questions[st->cur].section;
	bool focused = st->focus == TF_SIDEBAR && !st->note_mode;
	int tw = cols - 4;
	size_t ns = st->q->nsections;

	tui_clear(w);
	tui_vline(w, 0, cols - 1, rows);
	tui_puts(w, 0, 1, cols - 3, "Sections", tui_attr(SC_ROLE_TITLE) | A_BOLD);
	int lr = legend(NULL, 0, cols - 2);
	bool with_legend = rows >= 8 + lr;
	int avail = rows - 1 - (with_legend ? lr + 1 : 0);
	size_t focus_sec = focused ? st->side_sel : cur_sec, top = 0;
	int all = 0;
	for (size_t s = 0; s < ns; s++)
		all += title_rows(st, s, focus_sec, tw, true);
	bool whole = all <= avail;
	/* Keep the focused section in view on long questionnaires. */
	for (;;) {
		int used = 0;
		for (size_t s = top; s <= focus_sec && s < ns; s++)
			used += title_rows(st, s, focus_sec, tw, whole);
		if (used <= avail || top >= focus_sec)
			break;
		top++;
	}
	int y = 1;
	for (size_t s = top; s < ns && y < 1 + avail; s++) {
		enum tui_sec_state ss = tui_state_section(st, s);
		const char *m;
		enum sc_role role = SC_ROLE_TEXT;
		if (s == cur_sec) {
			m = tui_sym("\u25b6", ">");
			role = SC_ROLE_ACCENT;
		} else if (ss == TS_DONE) {
			m = tui_sym("\u2713", "+");
			role = SC_ROLE_SUCCESS;
		} else if (ss == TS_REQUIRED) {
			m = "!";
			role = SC_ROLE_WARNING;
		} else if (ss == TS_SKIPPED) {
			m = "-";
			role = SC_ROLE_MUTED;
		} else {
			m = tui_sym("\u25cb", "o");
		}
		attr_t a = tui_attr(role);
		if (s == cur_sec)
			a |= A_BOLD;
		bool sel = focused && s == st->side_sel;
		int r = title_rows(st, s, focus_sec, tw, whole);
		if (r > 1 + avail - y)
			r = 1 + avail - y;
		if (sel) {
			a = tui_attr(SC_ROLE_SELECTED);
			for (int k = 0; k < r; k++)
				tui_fill(w, y + k, 0, cols - 1, a);
			tui_set_cursor(w, y, 1);
		}
		tui_puts(w, y, 1, 2, m, a);
		/* A required question left open shows even on the current one. */
		if (s == cur_sec && ss == TS_REQUIRED && !sel)
			tui_puts(w, y, 0, 1, "!", tui_attr(SC_ROLE_WARNING));
		tui_put_wrapped(w, y, 3, tw, r, st->q->sections[s].title, a);
		for (int k = 0; k < r; k++)
			tui_add_hit(w, y + k, 0, cols - 1, TH_SECTION, s);
		y += r;
	}
	if (with_legend)
		legend(w, rows - lr, cols - 2);
	wnoutrefresh(w);
}

/* ---- the live panel --------------------------------------------------------- */

/* Where the panel's text goes in `w`: the first column and row, the
 * width and the rows (a row for the title on the whole screen, one at
 * the bottom for the legend and the "more" marks). */
static void
panel_geometry(const struct tui_state *st, WINDOW *w, bool side, bool full,
               int *x0, int *y0, int *width, int *height)
{
	int rows = getmaxy(w), cols = getmaxx(w);
	*x0 = side ? 2 : 1;
	*y0 = side ? 0 : 1;
	int msg = full ? tui_message_rows(st, w) : 0;
	/* Two columns for the mark of a line that just changed. */
	*width = cols - *x0 - 2 - 1;
	*height = rows - *y0 - 1 - msg;
	if (*width < 8)
		*width = 8;
	if (*height < 1)
		*height = 1;
}

void
tui_panel_text_size(const struct tui_state *st, WINDOW *w, bool side,
                    bool full, int *width, int *height)
{
	int x0, y0;
	panel_geometry(st, w, side, full, &x0, &y0, width, height);
}

void
tui_draw_panel(const struct tui_state *st, WINDOW *w, bool side, bool full)
{
	int rows = getmaxy(w), cols = getmaxx(w);
	int x0, y0, width, height;
	const struct tui_doc *d = &st->live;

	panel_geometry(st, w, side, full, &x0, &y0, &width, &height);
	tui_clear(w);
	if (side)
		tui_vline(w, 0, 0, rows);
	else if (full)
		tui_puts_cut(w, 0, 1, cols - 2,
		             "Live recommendation: arrows and pages scroll; Esc "
		             "goes back",
		             tui_attr(SC_ROLE_MUTED));
	else
		tui_hline(w, 0, 0, cols);
	/* On the whole screen the cursor waits at the top, where reading
	 * starts (screen readers follow it). */
	if (full)
		tui_set_cursor(w, y0, x0);
	int y = y0, bottom = y0 + height;
	bool marked = false;
	size_t i;
	for (i = d->top; i < d->n && y < bottom; i++) {
		const struct tui_line *l = &d->v[i];
		attr_t a = tui_attr(l->role);
		if (l->role == SC_ROLE_TITLE || l->bold)
			a |= A_BOLD;
		/* What-if's title stands out as the header does. */
		if (i == 0 && st->saved)
			a = tui_attr(SC_ROLE_WARNING) | A_REVERSE | A_BOLD;
		/* A conclusion that just changed is marked and bold. */
		if (l->changed) {
			a = tui_attr(SC_ROLE_ACCENT) | A_BOLD;
			tui_puts(w, y, x0, 1, "*", a);
			marked = true;
		}
		struct tui_span *sp;
		int hang = tui_line_hang(l, width);
		size_t nl = tui_line_wrap(l, width, &sp);
		for (size_t k = 0; k < nl && y < bottom; k++, y++) {
			int ind = l->indent + (k ? hang : 0);
			tui_put(w, y, x0 + 2 + ind, width - ind, l->text + sp[k].off,
			        sp[k].len, a);
			tui_add_hit(w, y, 0, cols, TH_PANEL, i);
		}
		free(sp);
	}
	/* The last row: what the mark means, and whether more lies above or
	 * below (the wheel, and on the whole screen the arrows, scroll). */
	int ly = rows - 1 - (full ? tui_message_rows(st, w) : 0);
	int lx = x0;
	if (marked)
		lx += tui_puts(w, ly, lx, cols - lx - 1,
		               "* changed by the last answer  ",
		               tui_attr(SC_ROLE_MUTED));
	if (d->top > 0)
		lx += tui_puts(w, ly, lx, cols - lx - 1,
		               tui_sym("\u2191 more  ", "^ more  "),
		               tui_attr(SC_ROLE_MUTED));
	if (i < d->n)
		tui_puts(w, ly, lx, cols - lx - 1, tui_sym("\u2193 more", "v more"),
		         tui_attr(SC_ROLE_MUTED));
	if (full)
		tui_draw_message(st, w, rows - 1);
	wnoutrefresh(w);
}

/* ---- the question ----------------------------------------------------------- */

/* Rows a choice's label takes (all of it: long labels wrap, never cut). */
static int
choice_rows(const struct tui_state *st, size_t i, size_t c, int label_w)
{
	int r = (int)tui_wrap_count(tui_state_choice_label(st, i, c), label_w);
	return r < 1 ? 1 : r;
}

/* The parts of the question view and the rows each would take whole. */
struct parts {
	int width, label_w, field_w;
	size_t n; /* choices */
	char *help;
	bool first; /* the section's first question: its intro shows */
	int text, help_rows, intro, passed, choices, choice_help, field, hint,
	    error, note, message;
};

static void
parts_of(const struct tui_state *st, int cols, int msg_rows, struct parts *p)
{
	size_t i = st->cur;
	const struct sc_question *qn = &st->q->questions[i];
	const struct sc_section *sec = &st->q->sections[qn->section];
	memset(p, 0, sizeof *p);
	/* Lines much longer than this are hard to read on wide screens. */
	p->width = cols - 3 < 100 ? cols - 3 : 100;
	if (p->width < 8)
		p->width = 8;
	p->label_w = p->width - 7 > 8 ? p->width - 7 : 8;
	p->field_w = p->width - 2;
	p->n = tui_state_nchoices(st, i);
	p->help = qn->help ? sc_xasprintf("Why we ask: %s", qn->help) : NULL;
	p->text = (int)tui_wrap_count(qn->text, p->width);
	p->help_rows = p->help ? (int)tui_wrap_count(p->help, p->width) : 0;
	p->passed = st->passed ? (int)tui_wrap_count(st->passed, p->width) : 0;
	size_t prev = sc_session_prev(st->s, i);
	p->first = prev == SIZE_MAX || st->q->questions[prev].section != qn->section;
	p->intro = sec->intro && p->first ? (int)tui_wrap_count(sec->intro,
	                                                        p->width)
	                                  : 0;
	for (size_t c = 0; c < p->n; c++)
		p->choices += choice_rows(st, i, c, p->label_w);
	p->choice_help = (qn->type == SC_Q_SINGLE || qn->type == SC_Q_MULTI) ? 1
	                                                                      : 0;
	if (!p->n) {
		struct tui_span *sp;
		size_t r;
		int c;
		p->field = (int)tui_le_wrap(&st->drafts[i], p->field_w, &sp, &r, &c);
		free(sp);
		p->hint = 1;
	}
	p->error = st->errors[i] ? 1 : 0;
	const char *note = st->s->a->notes[i];
	if (st->note_mode) {
		struct tui_span *sp;
		size_t r;
		int c;
		p->note = (int)tui_le_wrap(&st->note_ed, p->width - 6, &sp, &r, &c);
		free(sp);
	} else if (note && *note) {
		char *t = sc_xasprintf("Note: %s", note);
		p->note = (int)tui_wrap_count(t, p->width);
		free(t);
	}
	p->message = msg_rows;
}

static int
with_gap(int rows)
{
	return rows ? rows + 1 : 0;
}

int
tui_interview_rows(const struct tui_state *st, int cols)
{
	struct parts p;
	if (!st->s)
		return 0;
	parts_of(st, cols, st->message ? 1 : 0, &p);
	free(p.help);
	return 2 + with_gap(p.passed) + with_gap(p.intro) + with_gap(p.text) +
	       with_gap(p.help_rows) + p.choices + p.choice_help + p.field +
	       p.hint + p.error + p.note + p.message;
}

/* A field that wraps onto `rows` rows, showing the rows around the cursor
 * while it is typed in, else the start. */
static int
draw_wrapped_field(WINDOW *w, int y, int x, int width, int rows,
                   const struct tui_lineedit *le, bool focus)
{
	struct tui_span *sp;
	size_t crow;
	int ccol;
	size_t n = tui_le_wrap(le, width, &sp, &crow, &ccol);
	attr_t a = tui_attr(SC_ROLE_TEXT) | A_UNDERLINE;
	size_t top = 0;
	if (rows < 1)
		rows = 1;
	if (focus && crow >= (size_t)rows)
		top = crow - (size_t)rows + 1;
	int r;
	for (r = 0; r < rows && top + (size_t)r < n; r++) {
		size_t k = top + (size_t)r;
		tui_fill(w, y + r, x, width, a);
		tui_put(w, y + r, x, width, tui_le_text(le) + sp[k].off, sp[k].len,
		        a);
	}
	if (!r) {
		tui_fill(w, y, x, width, a);
		r = 1;
	}
	/* More of the text than shows: said at the end of the last row. */
	if (top + (size_t)r < n)
		tui_puts(w, y + r - 1, x + width - 1, 1, tui_sym("\u2026", "~"), a);
	if (focus)
		tui_set_cursor(w, y + (int)(crow - top), x + ccol);
	free(sp);
	return r;
}

void
tui_draw_interview(struct tui_state *st, WINDOW *w)
{
	int rows = getmaxy(w), cols = getmaxx(w);
	int x = 2, y = 0;
	size_t i = st->cur;
	const struct sc_question *qn = &st->q->questions[i];
	const struct sc_section *sec = &st->q->sections[qn->section];
	size_t done, total;
	char pos[96];
	struct parts p;

	parts_of(st, cols, tui_message_rows(st, w), &p);
	int width = p.width;
	tui_clear(w);
	/* Where this question lies and what is done: neither goes back when
	 * an answer brings more questions, as "Question N of M" did. */
	tui_state_progress(st, &done, &total);
	snprintf(pos, sizeof pos, "Section %zu of %zu%s%zu answered",
	         qn->section + 1, st->q->nsections, tui_sym(" \u00b7 ", " - "),
	         done);
	int px = 0;
	if (st->saved)
		px += tui_puts(w, y, x, width, "WHAT-IF",
		               tui_attr(SC_ROLE_WARNING) | A_REVERSE | A_BOLD) +
		      1;
	/* The section's title gives way first: the numbers and "required"
	 * say more. */
	const char *req = "  required";
	int fixed = px + 3 + tui_strwidth(pos, strlen(pos)) +
	            (qn->required ? (int)strlen(req) : 0);
	if (width - fixed >= 6) {
		px += tui_puts_cut(w, y, x + px, width - fixed, sec->title,
		                   tui_attr(SC_ROLE_MUTED));
		px += tui_puts(w, y, x + px, width - px, tui_sym(" \u00b7 ", " - "),
		               tui_attr(SC_ROLE_MUTED));
	}
	px += tui_puts(w, y, x + px, width - px, pos, tui_attr(SC_ROLE_MUTED));
	if (qn->required)
		tui_puts(w, y, x + px, width - px, req,
		         tui_attr(tui_state_answered(st, i) ? SC_ROLE_MUTED
		                                            : SC_ROLE_WARNING));
	y += 2;
	/* Rows are handed out from the bottom up: the message, note and
	 * error lines, then at least a few rows of input; the question's
	 * text, its help and the section's introduction share what is left,
	 * in that order of importance. */
	/* The note is kept a few rows at least; it takes what is left. */
	int note_rows = p.note < 4 ? p.note : 4;
	int field_rows = p.field < 4 ? p.field : 4;
	int reserve = p.message + note_rows + (p.n ? p.error : p.hint + p.error);
	int input_min = p.n ? (p.choices < 4 ? p.choices : 4) : field_rows;
	int room = rows - y - reserve - input_min - 1;
	if (room < 1)
		room = 1;
	int text_rows = p.text < room ? p.text : room;
	int left = room - text_rows - 1;
	/* Sections just passed over are said before the help: otherwise
	 * they would be skipped in silence. */
	int passed_rows = p.passed;
	if (passed_rows > left - 1)
		passed_rows = left > 1 ? left - 1 : 0;
	left -= passed_rows + (passed_rows ? 1 : 0);
	int help_rows = p.help_rows < left ? p.help_rows : (left > 0 ? left : 0);
	left -= help_rows + (help_rows ? 1 : 0);
	/* Cut short on a small screen: say where the whole of it is. */
	if (help_rows > 0 && help_rows < p.help_rows && qn->help) {
		free(p.help);
		p.help = sc_xasprintf("Why we ask (F1 shows all): %s", qn->help);
	}
	if (passed_rows > 0)
		y += tui_put_wrapped(w, y, x, width, passed_rows, st->passed,
		                     tui_attr(SC_ROLE_MUTED)) + 1;
	if (p.intro && p.intro + 1 <= left)
		y += tui_put_wrapped(w, y, x, width, p.intro, sec->intro,
		                     tui_attr(SC_ROLE_HELP)) + 1;
	y += tui_put_wrapped(w, y, x, width, text_rows, qn->text,
	                     tui_attr(SC_ROLE_TITLE) | A_BOLD) + 1;
	if (help_rows > 0)
		y += tui_put_wrapped(w, y, x, width, help_rows, p.help,
		                     tui_attr(SC_ROLE_HELP)) + 1;
	free(p.help);
	bool qfocus = st->focus == TF_QUESTION && !st->note_mode;
	size_t n = p.n;
	if (n) {
		/* Labels wrap whole.  A long list scrolls: the focused choice
		 * stays on screen, and marks show that more lies above or
		 * below. */
		int label_w = p.label_w;
		int avail = rows - y - reserve;
		if (avail < 1)
			avail = 1;
		size_t top = 0;
		if (p.choices > avail) {
			/* One row is kept for the "more" mark below. */
			int rm = avail > 1 ? avail - 1 : 1;
			for (;;) {
				int used = 0;
				for (size_t c = top; c <= st->cursor[i] && c < n; c++)
					used += choice_rows(st, i, c, label_w);
				if (used <= rm || top >= st->cursor[i])
					break;
				top++;
			}
			avail = rm;
		}
		if (top > 0)
			tui_puts(w, y - 1, x, width, tui_sym("\u2191 more", "^ more"),
			         tui_attr(SC_ROLE_MUTED));
		bool multi = qn->type == SC_Q_MULTI;
		int end_y = y + avail;
		size_t c;
		for (c = top; c < n; c++) {
			int cr = choice_rows(st, i, c, label_w);
			if (y + cr > end_y && c > top)
				break;
			if (y + cr > end_y)
				cr = end_y - y;
			bool on = tui_state_choice_selected(st, i, c);
			bool at = c == st->cursor[i];
			attr_t a = on ? tui_attr(SC_ROLE_ACCENT) | A_BOLD
			              : tui_attr(SC_ROLE_TEXT);
			if (at && qfocus) {
				a = tui_attr(SC_ROLE_SELECTED) | (on ? A_BOLD : 0);
				for (int k = 0; k < cr; k++)
					tui_fill(w, y + k, x - 1, width + 1, a);
			}
			char num[8] = "  ";
			if (c < 9)
				snprintf(num, sizeof num, "%zu ", c + 1);
			/* In ASCII a picked choice is "(x)", never a "*", which
			 * marks what just changed in the panel. */
			const char *m = multi ? (on ? tui_sym("[\u2713]", "[x]") : "[ ]")
			                      : (on ? tui_sym("(\u2022)", "(x)") : "( )");
			int cx = x;
			cx += tui_puts(w, y, cx, 2, num, a);
			cx += tui_puts(w, y, cx, 4, m, a);
			cx += tui_puts(w, y, cx, 1, " ", a);
			tui_put_wrapped(w, y, cx, label_w, cr,
			                tui_state_choice_label(st, i, c), a);
			for (int k = 0; k < cr; k++)
				tui_add_hit(w, y + k, x - 1, x + width, TH_CHOICE, c);
			if (at && qfocus)
				tui_set_cursor(w, y, x + 3);
			y += cr;
		}
		if (c < n) {
			tui_puts(w, y, x, width, tui_sym("\u2193 more", "v more"),
			         tui_attr(SC_ROLE_MUTED));
			y++;
		}
		/* The focused choice's own help, when it has one. */
		if ((qn->type == SC_Q_SINGLE || qn->type == SC_Q_MULTI) &&
		    st->cursor[i] < qn->nchoices &&
		    qn->choices[st->cursor[i]].help && !st->errors[i] &&
		    y < rows - reserve) {
			tui_puts_cut(w, y, x + 7, width - 7,
			             qn->choices[st->cursor[i]].help,
			             tui_attr(SC_ROLE_MUTED));
			y++;
		}
	} else {
		int fr = rows - y - reserve;
		if (fr > field_rows)
			fr = field_rows;
		tui_puts(w, y, x, 2, "> ", tui_attr(SC_ROLE_ACCENT));
		bool typing = qfocus && !st->field_off;
		y += draw_wrapped_field(w, y, x + 2, p.field_w, fr, &st->drafts[i],
		                        typing);
		if (st->field_off && qfocus) {
			tui_puts(w, y, x + 2, width - 2,
			         "Letters are commands now; Enter types again.",
			         tui_attr(SC_ROLE_HELP));
			tui_set_cursor(w, y - 1, x);
		} else if (qn->type == SC_Q_NUMBER && (qn->has_min || qn->has_max) &&
		           !st->errors[i]) {
			char r[96];
			if (qn->has_min && qn->has_max)
				snprintf(r, sizeof r, "A number from %.15g to %.15g",
				         qn->min, qn->max);
			else if (qn->has_min)
				snprintf(r, sizeof r, "A number of at least %.15g", qn->min);
			else
				snprintf(r, sizeof r, "A number of at most %.15g", qn->max);
			tui_puts(w, y, x + 2, width - 2, r, tui_attr(SC_ROLE_MUTED));
		} else if (qn->type == SC_Q_DATE && !st->errors[i]) {
			tui_puts(w, y, x + 2, width - 2,
			         "A date as YYYY-MM-DD, such as 2026-12-31, or "
			         "\"today\"", tui_attr(SC_ROLE_MUTED));
		}
		y++; /* the hint's row */
	}
	/* Validation stays next to the input, with what was typed. */
	if (st->errors[i]) {
		tui_puts(w, y, x, width, st->errors[i],
		         tui_attr(SC_ROLE_ERROR) | A_BOLD);
		y++;
	}
	int nr = rows - p.message - y;
	if (nr > p.note)
		nr = p.note;
	if (st->note_mode) {
		tui_puts(w, y, x, 6, "Note: ", tui_attr(SC_ROLE_ACCENT) | A_BOLD);
		draw_wrapped_field(w, y, x + 6, width - 6, nr > 0 ? nr : 1,
		                   &st->note_ed, true);
	} else if (p.note && nr > 0) {
		char *t = sc_xasprintf("Note: %s", st->s->a->notes[i]);
		tui_put_wrapped(w, y, x, width, nr, t, tui_attr(SC_ROLE_HELP));
		free(t);
	}
	tui_draw_message(st, w, rows - 1);
	wnoutrefresh(w);
}
