/* Help: every key, generated from the request table (request.h), so the
 * help cannot drift from the keys. */
#include "view.h"

static void
open_help(struct tui_state *st)
{
	struct tui_doc *d = &st->docs[TV_HELP];
	char keys[64];

	tui_doc_clear(d);
	/* Opened from a question: the question and the whole of why it is
	 * asked first, which a small screen may cut. */
	if (st->s && st->depth >= 2 &&
	    st->stack[st->depth - 2] == TV_INTERVIEW && st->cur < st->q->nquestions) {
		const struct sc_question *qn = tui_question(st, st->cur);
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "This question");
		tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%s", qn->text);
		if (qn->help)
			tui_doc_add(d, TL_TEXT, SC_ROLE_HELP, 2, "Why we ask: %s",
			            qn->help);
	}
	for (int c = 0; c < CTX_COUNT; c++) {
		tui_doc_blank(d);
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
		            tui_ctx_title((enum tui_ctx)c));
		for (size_t k = 0; k < tui_request_count; k++) {
			const struct tui_request_info *r = &tui_requests[k];
			if (r->ctx != (enum tui_ctx)c)
				continue;
			tui_request_keys(r->req, keys, sizeof keys);
			/* Wrapped help lines up after the keys' column. */
			tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%-16s %s", keys,
			            r->help)->hang = 17;
		}
	}
	tui_doc_blank(d);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Mouse");
	tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%-16s %s", "Click",
	            "select a choice, section or line");
	tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%-16s %s", "Wheel", "scroll");
	tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 0, "%s",
	            "Every change is saved at once, except in what-if, where "
	            "nothing is saved until you keep it. Esc closes this help.");
}

const struct tui_view_ops tui_view_help = {
	.name = "help",
	.title = "Keys",
	.document = true,
	.request = tui_docview_request,
	.open = open_help,
};
