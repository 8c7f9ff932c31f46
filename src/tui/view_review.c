/* The review: every shown question with its answer and note; Enter jumps
 * back to a question to change it. */
#include <stdint.h>

#include "draft.h"
#include "view.h"

static void
open_review(struct tui_state *st)
{
	struct tui_doc *d = &st->docs[TV_REVIEW];
	struct sc_buf b = {0};
	struct tui_place keep = tui_doc_place(d);

	tui_doc_clear(d);
	tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 0, "%s",
	            "Enter jumps to a question to change its answer; Esc goes back.");
	for (size_t s = 0; s < st->q->nsections; s++) {
		const struct sc_section *sec = &st->q->sections[s];
		bool heading = false;
		for (size_t i = sec->first; i < sec->first + sec->count; i++) {
			const struct sc_question *qn = tui_question(st, i);
			if (!tui_state_visible(st, i))
				continue;
			if (!heading) {
				tui_doc_blank(d);
				tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
				            sec->title);
				heading = true;
			}
			struct tui_line *l =
				tui_doc_add(d, TL_QUESTION, SC_ROLE_TEXT, 1, "%s",
				            qn->text);
			l->target = i;
			tui_answer_format(st, i, &b);
			if (b.len)
				tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, 4, "%s",
				            sc_buf_str(&b));
			else
				tui_doc_add(d, TL_TEXT,
				            qn->required ? SC_ROLE_WARNING
				                         : SC_ROLE_MUTED,
				        4, "%s",
				        qn->required ? "(not answered; required)"
				                         : "(not answered)");
			const char *note = st->s->a->notes[i];
			if (note && *note)
				tui_doc_add(d, TL_TEXT, SC_ROLE_HELP, 4, "Note: %s",
				            note);
		}
	}
	sc_buf_fini(&b);
	/* Coming back keeps the place; opened, it starts at the current
	 * question. */
	if (st->reopening) {
		tui_doc_restore(d, keep, st->doc_width, st->doc_height);
		return;
	}
	for (size_t k = 0; k < d->n; k++)
		if (d->v[k].kind == TL_QUESTION && d->v[k].target == st->cur)
			d->sel = k;
	tui_doc_scroll_to_sel(d, st->doc_width, st->doc_height);
}

const struct tui_view_ops tui_view_review = {
	.name = "review",
	.title = "Review your answers",
	.document = true,
	.request = tui_docview_request,
	.open = open_review,
};
