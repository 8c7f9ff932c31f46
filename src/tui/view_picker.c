/* The picker: saved interviews to resume, and a line to start a new one.
 * Shown at start when sessions exist and no client or answers file was
 * given. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nav.h"
#include "view.h"

static void
open_start(struct tui_state *st)
{
	struct tui_doc *d = &st->docs[TV_START];
	size_t keep = d->sel;

	tui_doc_clear(d);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0, "%s",
	            "Resume a saved interview, or start a new one.");
	tui_doc_blank(d);
	for (size_t k = 0; k < st->ninfos; k++) {
		const struct sc_session_info *in = &st->infos[k];
		char when[32];
		snprintf(when, sizeof when, "%.16s", in->updated ? in->updated : "");
		if (when[10] == 'T')
			when[10] = ' ';
		const char *name = in->client && *in->client ? in->client
		                                             : "(no name)";
		struct tui_line *l;
		/* Another questionnaire's answers cannot be resumed here. */
		if (in->questionnaire && strcmp(in->questionnaire, st->q->id))
			l = tui_doc_add(d, TL_SESSION, SC_ROLE_MUTED, 2,
			                "%-30s  %-16s  (questionnaire %s)", name, when,
			                in->questionnaire);
		else
			l = tui_doc_add(d, TL_SESSION, SC_ROLE_TEXT, 2,
			                "%-30s  %-16s  %zu/%zu %s", name, when,
			                in->answered, in->applicable,
			                in->holder ? "open elsewhere" : "answered");
		l->target = k;
	}
	tui_doc_blank(d);
	tui_doc_add(d, TL_NEW, SC_ROLE_ACCENT, 2, "%s", "+ Start a new interview");
	if (keep != SIZE_MAX && keep < d->n && tui_line_selectable(&d->v[keep]))
		d->sel = keep;
}

/* A saved interview opens; the last line asks for a new client's name. */
static bool
picker_open_line(struct tui_state *st, const struct tui_line *l)
{
	switch (l->kind) {
	case TL_SESSION: {
		char *err = NULL;
		int code;
		if (l->target >= st->ninfos)
			return true;
		char *path = sc_xstrdup(st->infos[l->target].path);
		if (!tui_nav_open_session(st, path, NULL, &err, &code)) {
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

const struct tui_view_ops tui_view_picker = {
	.name = "picker",
	.title = "Saved interviews",
	.document = true,
	.request = tui_docview_request,
	.open = open_start,
	.open_line = picker_open_line,
};
