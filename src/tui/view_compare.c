/* What-if compared with the saved answers, as `socscope compare` reports
 * two answers files (the core's comparison, rendered as text), to read
 * here and to export in any of its formats (w). */
#include <string.h>

#include "live.h"
#include "view.h"

static void
open_compare(struct tui_state *st)
{
	struct tui_doc *d = &st->docs[TV_COMPARE];
	struct tui_place keep = tui_doc_place(d);
	struct sc_buf b = {0};

	tui_doc_clear(d);
	if (!st->saved) {
		tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 0, "%s",
		            "What-if is off: there is nothing to compare.");
		return;
	}
	struct sc_diff *df = tui_whatif_diff(st);
	sc_diff_render(df, SC_FMT_TEXT, st->doc_width > 20 ? st->doc_width : 80,
	               &b);
	sc_diff_free(df);
	for (char *l = b.data, *e; l && *l; l = e ? e + 1 : NULL) {
		e = strchr(l, '\n');
		if (e)
			*e = '\0';
		/* The report's own indentation is kept as the line's. */
		int ind = 0;
		while (l[ind] == ' ')
			ind++;
		tui_doc_add(d, TL_TEXT, ind ? SC_ROLE_TEXT : SC_ROLE_TITLE, ind,
		            "%s", l + ind);
	}
	sc_buf_fini(&b);
	if (st->reopening)
		tui_doc_restore(d, keep, st->doc_width, st->doc_height);
}

static bool
compare_request(struct tui_state *st, enum tui_req req, int key)
{
	if (st->export_mode)
		return tui_export_request(st, req, key);
	switch (req) {
	case REQ_EXPORT:
		if (st->saved)
			tui_export_begin(st);
		return true;
	case REQ_COMPARE:
		tui_view_pop(st);
		return true;
	default:
		return tui_docview_request(st, req, key);
	}
}

static bool
compare_editing(const struct tui_state *st)
{
	return st->export_mode;
}

static const struct tui_barkey *
compare_keybar(const struct tui_state *st)
{
	static const struct tui_barkey keys[] = {
		{REQ_HELP, "Help"}, {REQ_EXPORT, "Export"},
		{REQ_NEXT, "Page"}, {REQ_BACK, "Back"}, {REQ_QUIT, "Quit"},
		{REQ_NONE, NULL}};
	return st->export_mode ? tui_export_keybar(st) : keys;
}

const struct tui_view_ops tui_view_compare = {
	.name = "compare",
	.title = "What-if compared with the saved answers",
	.document = true,
	.request = compare_request,
	.open = open_compare,
	.editing = compare_editing,
	.keybar = compare_keybar,
	.exports = true,
};
