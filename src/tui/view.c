/* What every document view does: moving through its lines, Enter on the
 * selected line, Esc back, and the keys to the review, results and
 * explain. */
#include "view.h"

#include <stdint.h>

#include "nav.h"

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
