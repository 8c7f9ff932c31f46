/* Documents: adding lines, and the selection and scrolling every document
 * view shares (a pager's arrows where nothing can be selected). */
#include "doc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Columns a hanging line's wrapped rows need at least. */
#define TUI_HANG_MIN 16

void
tui_doc_clear(struct tui_doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].text);
	d->n = 0;
	d->sel = SIZE_MAX;
	d->top = 0;
}

void
tui_doc_fini(struct tui_doc *d)
{
	tui_doc_clear(d);
	free(d->v);
	d->v = NULL;
	d->cap = 0;
}

struct tui_line *
tui_doc_add(struct tui_doc *d, enum tui_line_kind kind, enum sc_role role,
            int indent, const char *fmt, ...)
{
	va_list ap;

	d->v = sc_xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	struct tui_line *l = &d->v[d->n++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->role = role;
	l->indent = indent;
	va_start(ap, fmt);
	l->text = sc_xvasprintf(fmt, ap);
	va_end(ap);
	/* A bullet ("• ", "→ ", "- ") hangs: wrapped rows align with the
	 * text after it. */
	uint32_t cp;
	size_t k = tui_utf8_decode(l->text, strlen(l->text) + 1, &cp);
	if (l->text[0] && l->text[k] == ' ' &&
	    !(cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) &&
	    !(cp >= '0' && cp <= '9'))
		l->hang = tui_cpwidth(cp) + 1;
	if (kind != TL_TEXT && d->sel == SIZE_MAX)
		d->sel = d->n - 1;
	return l;
}

void
tui_doc_blank(struct tui_doc *d)
{
	if (d->n && d->v[d->n - 1].text[0])
		tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0, "%s", "");
}

bool
tui_line_selectable(const struct tui_line *l)
{
	return l->kind != TL_TEXT;
}

int
tui_line_hang(const struct tui_line *l, int width)
{
	return width - l->indent - l->hang >= TUI_HANG_MIN ? l->hang : 0;
}

size_t
tui_line_wrap(const struct tui_line *l, int width, struct tui_span **out)
{
	int hang = tui_line_hang(l, width);
	int w = width - l->indent - hang;
	size_t len = strlen(l->text), pre = 0;
	int pre_w = 0;

	if (w < 8)
		w = 8;
	/* The hanging part stays on the first row; the rest wraps beside it. */
	if (hang > 0)
		pre = tui_fit(l->text, len, hang, &pre_w);
	if (!out)
		return tui_wrap_count(l->text + pre, w);
	size_t n = tui_wrap(l->text + pre, w, out);
	for (size_t k = 0; k < n; k++)
		(*out)[k].off += pre;
	(*out)[0].off = 0;
	(*out)[0].len += pre;
	(*out)[0].width += pre_w;
	return n;
}

static size_t
line_rows(const struct tui_line *l, int width)
{
	return tui_line_wrap(l, width, NULL);
}

/* Keep the selected line on screen: scroll by whole lines. */
void
tui_doc_scroll_to_sel(struct tui_doc *d, int width, int height)
{
	if (d->sel == SIZE_MAX || width <= 0 || height <= 0)
		return;
	if (d->sel < d->top)
		d->top = d->sel;
	for (;;) {
		size_t rows = 0;
		for (size_t i = d->top; i <= d->sel && i < d->n; i++)
			rows += line_rows(&d->v[i], width);
		if (rows <= (size_t)height || d->top >= d->sel)
			break;
		d->top++;
	}
}

/* The last top line that still fills the screen. */
static size_t
doc_max_top(const struct tui_doc *d, int width, int height)
{
	size_t rows = 0, i = d->n;
	if (width <= 0 || height <= 0)
		return d->n ? d->n - 1 : 0;
	while (i > 0) {
		rows += line_rows(&d->v[i - 1], width);
		if (rows > (size_t)height)
			break;
		i--;
	}
	return i;
}

void
tui_doc_scroll_by(struct tui_doc *d, long delta, int width, int height)
{
	size_t max = doc_max_top(d, width, height);
	if (delta < 0)
		d->top = (size_t)-delta > d->top ? 0 : d->top - (size_t)-delta;
	else
		d->top += (size_t)delta;
	if (d->top > max)
		d->top = max;
}

/* A page forward or back: the line at the bottom (or top) that was shown
 * stays on screen, so nothing between is skipped however lines wrap. */
static void
doc_page(struct tui_doc *d, bool back, int width, int height)
{
	size_t rows = 0, i;
	if (width <= 0 || height <= 0) {
		tui_doc_scroll_by(d, back ? -1 : 1, width, height);
		return;
	}
	if (!back) {
		for (i = d->top; i < d->n; i++) {
			rows += line_rows(&d->v[i], width);
			if (rows >= (size_t)height)
				break;
		}
		/* The last line shown (whole or in part) comes to the top. */
		size_t next = i < d->n ? i : d->n - 1;
		if (next <= d->top)
			next = d->top + 1;
		tui_doc_scroll_by(d, (long)(next - d->top), width, height);
		return;
	}
	/* Back: the top line goes to the bottom. */
	for (i = d->top + 1; i > 0; i--) {
		rows += line_rows(&d->v[i - 1], width);
		if (rows > (size_t)height)
			break;
	}
	size_t top = i < d->top ? i : (d->top ? d->top - 1 : 0);
	d->top = top;
}

bool
tui_doc_sel_visible(const struct tui_doc *d, int width, int height)
{
	size_t rows = 0;
	if (d->sel == SIZE_MAX || d->sel < d->top)
		return false;
	if (width <= 0 || height <= 0)
		return true;
	for (size_t i = d->top; i <= d->sel && i < d->n; i++)
		rows += line_rows(&d->v[i], width);
	return rows <= (size_t)height;
}

/* The first (or, with `last`, the last) selectable line wholly on
 * screen, or SIZE_MAX. */
static size_t
first_visible_selectable(const struct tui_doc *d, bool last, int width,
                         int height)
{
	size_t rows = 0, found = SIZE_MAX;
	for (size_t i = d->top; i < d->n; i++) {
		rows += width > 0 ? line_rows(&d->v[i], width) : 1;
		if (height > 0 && rows > (size_t)height)
			break;
		if (tui_line_selectable(&d->v[i])) {
			found = i;
			if (!last)
				break;
		}
	}
	return found;
}

/* After a page or a jump to an end: the selection stays when it is still
 * on screen, else goes to a selectable line that is. */
static void
select_on_screen(struct tui_doc *d, bool last, int width, int height)
{
	if (d->sel == SIZE_MAX || tui_doc_sel_visible(d, width, height))
		return;
	size_t i = first_visible_selectable(d, last, width, height);
	if (i != SIZE_MAX)
		d->sel = i;
}

/* Arrows move the selection while it is on screen; otherwise (and past
 * the last selectable line) they scroll, like a pager, so text between
 * far-apart selectable lines, and after the last one, can be read.  Pages
 * always turn a page: the text they pass is shown, never skipped. */
void
tui_doc_move(struct tui_doc *d, int delta, int width, int height)
{
	if (!d->n)
		return;
	if (delta > 1 || delta < -1) {
		doc_page(d, delta < 0, width, height);
		select_on_screen(d, delta < 0, width, height);
		return;
	}
	if (d->sel == SIZE_MAX || !tui_doc_sel_visible(d, width, height)) {
		tui_doc_scroll_by(d, delta, width, height);
		select_on_screen(d, delta < 0, width, height);
		return;
	}
	size_t j = d->sel;
	do {
		if (delta < 0 ? j == 0 : j + 1 >= d->n) {
			j = SIZE_MAX;
			break;
		}
		j = delta < 0 ? j - 1 : j + 1;
	} while (!tui_line_selectable(&d->v[j]));
	if (j == SIZE_MAX) {
		/* Nothing more to select that way: show what lies there. */
		tui_doc_scroll_by(d, delta, width, height);
		return;
	}
	size_t old = d->sel;
	d->sel = j;
	if (tui_doc_sel_visible(d, width, height))
		return;
	/* A selectable line far off: a line towards it, so the text between
	 * is read on the way. */
	size_t top = d->top;
	tui_doc_scroll_by(d, delta, width, height);
	if (tui_doc_sel_visible(d, width, height))
		return;
	if (d->top == top) {
		tui_doc_scroll_to_sel(d, width, height);
		return;
	}
	d->sel = old;
	select_on_screen(d, delta < 0, width, height);
}

void
tui_doc_home_end(struct tui_doc *d, bool end, int width, int height)
{
	if (!d->n)
		return;
	/* The very start or the very end of the document, whatever is
	 * selectable: End shows the last line, not only the last choice. */
	d->top = end ? doc_max_top(d, width, height) : 0;
	if (d->sel == SIZE_MAX)
		return;
	size_t i = first_visible_selectable(d, end, width, height);
	if (i != SIZE_MAX)
		d->sel = i;
}

struct tui_place
tui_doc_place(const struct tui_doc *d)
{
	return (struct tui_place){d->sel, d->top};
}

void
tui_doc_restore(struct tui_doc *d, struct tui_place p, int width, int height)
{
	if (p.sel != SIZE_MAX && p.sel < d->n && tui_line_selectable(&d->v[p.sel]))
		d->sel = p.sel;
	size_t max = doc_max_top(d, width, height);
	d->top = p.top < max ? p.top : max;
}

bool
tui_doc_request(struct tui_doc *d, enum tui_req req, int width, int height)
{
	int page = height > 2 ? height - 1 : 1;
	switch (req) {
	case REQ_UP:
		tui_doc_move(d, -1, width, height);
		return true;
	case REQ_DOWN:
		tui_doc_move(d, 1, width, height);
		return true;
	case REQ_PREV:
		tui_doc_move(d, -page, width, height);
		return true;
	case REQ_NEXT:
		tui_doc_move(d, page, width, height);
		return true;
	case REQ_HOME:
	case REQ_END:
		tui_doc_home_end(d, req == REQ_END, width, height);
		return true;
	default:
		return false;
	}
}
