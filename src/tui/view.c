/* The machinery every view shares: the registered views, the view stack,
 * the message line and the requests of a plain document view. */
#include "view.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>

#include "nav.h"

#define TUI_VIEW_REGISTER(id, name) [id] = &tui_view_##name,
static const struct tui_view_ops *const views[TV_COUNT] = {
	TUI_VIEWS(TUI_VIEW_REGISTER)
};
#undef TUI_VIEW_REGISTER

const struct tui_view_ops *
tui_view_ops(enum tui_view_id v)
{
	return views[v];
}

const char *
tui_view_title(enum tui_view_id v)
{
	return views[v]->title ? views[v]->title : "";
}

bool
tui_view_document(enum tui_view_id v)
{
	return views[v]->document;
}

const struct tui_barkey *
tui_state_keybar(const struct tui_state *st)
{
	static const struct tui_barkey doc_keys[] = {
		{REQ_HELP, "Help"}, {REQ_ENTER, "Open"}, {REQ_BACK, "Back"},
		{REQ_QUIT, "Quit"}, {REQ_NONE, NULL}};
	const struct tui_view_ops *ops = views[tui_state_view(st)];
	return ops->keybar ? ops->keybar(st) : doc_keys;
}

void
tui_view_push(struct tui_state *st, enum tui_view_id v)
{
	if (st->depth && st->stack[st->depth - 1] == v) {
		if (tui_view_ops(v)->open)
			tui_view_ops(v)->open(st);
		return;
	}
	if (st->depth == sizeof st->stack / sizeof st->stack[0])
		st->depth--;
	st->stack[st->depth++] = v;
	tui_clear_message(st);
	if (tui_view_ops(v)->open)
		tui_view_ops(v)->open(st);
}

void
tui_view_pop(struct tui_state *st)
{
	if (st->depth > 1) {
		st->depth--;
		tui_clear_message(st);
		enum tui_view_id v = st->stack[st->depth - 1];
		if (tui_view_ops(v)->open)
			tui_view_ops(v)->open(st);
	}
}

void
tui_set_message(struct tui_state *st, bool error, const char *fmt, ...)
{
	va_list ap;
	free(st->message);
	st->message = NULL;
	if (!fmt)
		return;
	va_start(ap, fmt);
	st->message = sc_xvasprintf(fmt, ap);
	va_end(ap);
	st->message_error = error;
}

void
tui_clear_message(struct tui_state *st)
{
	free(st->message);
	st->message = NULL;
}

/* Open in another interview: said when it opens and whenever a change is
 * refused. */
void
tui_read_only_message(struct tui_state *st)
{
	tui_set_message(st, true, "Read-only: this interview is open in %s; "
	                "answers cannot be changed here.", st->s->holder);
}

bool
tui_open_line(struct tui_state *st, const struct tui_line *l)
{
	switch (l->kind) {
	case TL_QUESTION:
		tui_nav_jump_to(st, l->target);
		return true;
	case TL_SESSION: {
		char *err = NULL;
		int code;
		if (l->target >= st->ninfos)
			return true;
		char *path = sc_xstrdup(st->infos[l->target].path);
		if (!tui_state_open_session(st, path, NULL, &err, &code)) {
			tui_set_message(st, true, "%s", err);
			free(err);
		}
		free(path);
		return true;
	}
	case TL_NEW:
		tui_view_push(st, TV_NAME);
		return true;
	default:
		return false;
	}
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
