/* What every document view does: moving through its lines, Enter on the
 * selected line, Esc back, and the keys to the review, results and
 * explain. */
#include "view.h"

#include <stdint.h>
#include <string.h>

#include "nav.h"
#include "text.h"

bool
tui_open_line(struct tui_state *st, const struct tui_line *l)
{
	const struct tui_view_ops *ops = st->views[tui_state_view(st)];
	if (ops->open_line)
		return ops->open_line(st, l);
	if (l->kind != TL_QUESTION)
		return false;
	tui_nav_jump_to(st, l->target);
	return true;
}

bool
tui_docview_request(struct tui_state *st, enum tui_req req, int key)
{
	struct tui_doc *d = &st->docs[tui_state_view(st)];
	(void)key;
	if (tui_doc_request(d, req, st->doc_width, st->doc_height))
		return true;
	switch (req) {
	case REQ_ENTER:
		/* Enter opens the selection only when it can be seen. */
		if (d->sel != SIZE_MAX && d->sel < d->n &&
		    tui_doc_sel_visible(d, st->doc_width, st->doc_height))
			return tui_open_line(st, &d->v[d->sel]);
		if (d->sel != SIZE_MAX)
			tui_doc_scroll_to_sel(d, st->doc_width, st->doc_height);
		return true;
	case REQ_BACK:
		tui_view_pop(st);
		return true;
	case REQ_REVIEW:
		if (st->s)
			tui_view_push(st, TV_REVIEW);
		return true;
	case REQ_RESULTS:
		if (st->s)
			tui_view_push(st, TV_RESULTS);
		return true;
	case REQ_EXPLAIN:
		if (st->s)
			tui_view_push(st, TV_EXPLAIN);
		return true;
	default:
		return false;
	}
}

void
tui_column(struct sc_buf *out, const char *s, int width, bool ascii)
{
	size_t n = strlen(s);
	int w = tui_strwidth(s, n);
	if (w > width) {
		const char *dots = ascii ? "..." : "\u2026";
		int dw = ascii ? 3 : 1;
		size_t k = tui_fit(s, n, width > dw ? width - dw : 0, &w);
		sc_buf_add(out, s, k);
		sc_buf_puts(out, dots);
		w += dw;
	} else {
		sc_buf_add(out, s, n);
	}
	for (; w < width; w++)
		sc_buf_putc(out, ' ');
}

int
tui_column_width(int cur, const char *s, int min, int max)
{
	int w = tui_strwidth(s, strlen(s));
	if (w < cur)
		w = cur;
	if (w < min)
		w = min;
	return w > max ? max : w;
}
