/* Drawing the question view: the sections sidebar, the live panel and the
 * question with its choices or field, note, hints and message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colors.h"
#include "paint.h"
#include "text.h"

/* The sections list: in its own column, or, on a terminal too narrow
 * for that, in place of the question while it has the focus. */
void
tui_draw_sidebar(const struct tui_state *st, WINDOW *w)
{
	int rows = getmaxy(w), cols = getmaxx(w);
	size_t cur_sec = st->q->questions[st->cur].section;
	bool focused = st->focus == TF_SIDEBAR && !st->note_mode;

	werase(w);
	tui_vline(w, 0, cols - 1, rows);
	tui_puts(w, 0, 1, cols - 3, "Sections", tui_attr(SC_ROLE_TITLE) | A_BOLD);
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
		if (sel) {
			a = tui_attr(SC_ROLE_SELECTED);
			tui_fill(w, y, 0, cols - 1, a);
			tui_set_cursor(w, y, 1);
		}
		tui_puts(w, y, 1, 2, m, a);
		/* A required question left open shows even on the current one. */
		if (s == cur_sec && ss == TS_REQUIRED && !sel)
			tui_puts(w, y, 0, 1, "!", tui_attr(SC_ROLE_WARNING));
		tui_puts_cut(w, y, 3, cols - 4, st->q->sections[s].title, a);
		tui_add_hit(w, y, 0, cols - 1, TH_SECTION, s);
	}
	if (rows >= 8) {
		char legend[96];
		snprintf(legend, sizeof legend, "%s done  ! required",
		         tui_sym("\u2713", "+"));
		tui_puts(w, rows - 1, 1, cols - 2, legend, tui_attr(SC_ROLE_MUTED));
	}
	wnoutrefresh(w);
}

void
tui_draw_panel(const struct tui_state *st, WINDOW *w, bool side)
{
	int rows = getmaxy(w), cols = getmaxx(w);
	int x0 = side ? 2 : 1, y = side ? 0 : 1;
	int width = cols - x0 - 1;

	werase(w);
	if (side)
		tui_vline(w, 0, 0, rows);
	else
		tui_hline(w, 0, 0, cols);
	for (size_t i = 0; i < st->live.n && y < rows; i++) {
		const struct tui_line *l = &st->live.v[i];
		attr_t a = tui_attr(l->role);
		if (l->role == SC_ROLE_TITLE)
			a |= A_BOLD;
		int ind = l->indent * 2;
		/* A conclusion that just changed is marked and bold. */
		if (l->changed) {
			a = tui_attr(SC_ROLE_ACCENT) | A_BOLD;
			tui_puts(w, y, x0 + (ind ? ind - 2 : 0), 1, "*", a);
			if (!ind)
				ind = 2;
		}
		y += tui_put_wrapped(w, y, x0 + ind, width - ind, rows - y, l->text, a);
	}
	wnoutrefresh(w);
}

static int
choice_rows(const struct tui_state *st, size_t i, size_t c, int label_w)
{
	int r = (int)tui_wrap_count(tui_state_choice_label(st, i, c), label_w);
	return r < 1 ? 1 : r > 3 ? 3 : r;
}

void
tui_draw_interview(struct tui_state *st, WINDOW *w)
{
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
	         qn->section + 1, st->q->nsections, tui_sym(" \u00b7 ", " - "),
	         done);
	/* The section's title gives way first: the numbers and "required"
	 * say more. */
	const char *req = "  required";
	int fixed = 3 + tui_strwidth(pos, strlen(pos)) +
	            (qn->required ? (int)strlen(req) : 0);
	int px = 0;
	if (width - fixed >= 6) {
		px = tui_puts_cut(w, y, x, width - fixed, sec->title,
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
	size_t n = tui_state_nchoices(st, i);
	/* Rows are handed out from the bottom up: the message, note and
	 * error lines when there are any, then at least a few rows of input;
	 * the question's text, its help and the section's introduction share
	 * what is left, in that order of importance. */
	const char *note = st->s->a->notes[i];
	bool has_note = st->note_mode || (note && *note);
	int reserve = tui_message_rows(st, w) + (has_note ? 1 : 0) +
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
		y += tui_put_wrapped(w, y, x, width, passed_rows, st->passed,
		                     tui_attr(SC_ROLE_MUTED)) + 1;
	if (intro_rows && first && intro_rows + 1 <= left) {
		y += tui_put_wrapped(w, y, x, width, intro_rows, sec->intro,
		                     tui_attr(SC_ROLE_HELP)) + 1;
	}
	y += tui_put_wrapped(w, y, x, width, text_rows, qn->text,
	                     tui_attr(SC_ROLE_TITLE) | A_BOLD) + 1;
	if (help_rows > 0) {
		y += tui_put_wrapped(w, y, x, width, help_rows, help,
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
			tui_puts(w, y - 1, x, width, tui_sym("\u2191 more", "^ more"),
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
					tui_fill(w, y + k, x - 1, width + 1, a);
			}
			char num[8] = "  ";
			if (c < 9)
				snprintf(num, sizeof num, "%zu ", c + 1);
			const char *m = multi ? (on ? tui_sym("[\u2713]", "[x]") : "[ ]")
			                      : (on ? tui_sym("(\u2022)", "(*)") : "( )");
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
		int fw = width - 2 < 60 ? width - 2 : 60;
		tui_puts(w, y, x, 2, "> ", tui_attr(SC_ROLE_ACCENT));
		tui_draw_field(w, y, x + 2, fw, &st->drafts[i], qfocus);
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
			tui_puts(w, y, x + 2, width - 2, r, tui_attr(SC_ROLE_MUTED));
		}
	}
	/* Validation stays next to the input, with what was typed. */
	if (st->errors[i]) {
		tui_puts(w, y, x, width, st->errors[i],
		         tui_attr(SC_ROLE_ERROR) | A_BOLD);
		y++;
	} else if (!n) {
		y++; /* the range hint's row */
	}
	if (st->note_mode) {
		tui_puts(w, y, x, 6, "Note: ", tui_attr(SC_ROLE_ACCENT) | A_BOLD);
		tui_draw_field(w, y, x + 6, width - 6, &st->note_ed, true);
	} else if (note && *note && y < rows - tui_message_rows(st, w)) {
		char *t = sc_xasprintf("Note: %s", note);
		tui_puts(w, y, x, width, t, tui_attr(SC_ROLE_HELP));
		free(t);
	}
	tui_draw_message(st, w, rows - 1);
	wnoutrefresh(w);
}
