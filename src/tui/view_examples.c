/* The worked examples, reached from the picker: each opens on a copy (a
 * new saved interview named after it, as `--example NAME` does), so the
 * example itself never changes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nav.h"
#include "socscope/paths.h"
#include "view.h"

/* The name column: as wide as the longest name, within these bounds. */
#define NAME_MIN 8
#define NAME_MAX 24

static void
open_examples(struct tui_state *st)
{
	struct tui_doc *d = &st->docs[TV_EXAMPLES];
	size_t keep = d->sel;
	int name_w = NAME_MIN;
	struct sc_buf b = {0};

	tui_doc_clear(d);
	tui_doc_add(d, TL_TEXT, SC_ROLE_HELP, 0, "%s",
	            "Each example opens on a copy: a new saved interview named "
	            "after it. Change its answers freely; the example itself "
	            "never changes.");
	tui_doc_blank(d);
	for (size_t k = 0; k < st->nexamples; k++)
		name_w = tui_column_width(name_w, st->examples[k].name, NAME_MIN,
		                          NAME_MAX);
	for (size_t k = 0; k < st->nexamples; k++) {
		const struct sc_example_info *e = &st->examples[k];
		sc_buf_reset(&b);
		tui_column(&b, e->name, name_w, st->opts->ascii);
		sc_buf_printf(&b, "  %s", *e->description ? e->description
		                                          : e->client);
		struct tui_line *l = tui_doc_add(d, TL_EXAMPLE, SC_ROLE_TEXT, 2,
		                                 "%s", sc_buf_str(&b));
		l->target = k;
		l->hang = name_w + 2;
	}
	sc_buf_fini(&b);
	if (keep != SIZE_MAX && keep < d->n && tui_line_selectable(&d->v[keep]))
		d->sel = keep;
}

/* Copy the example into the sessions directory and open the copy. */
static bool
examples_open_line(struct tui_state *st, const struct tui_line *l)
{
	if (l->kind != TL_EXAMPLE || l->target >= st->nexamples)
		return false;
	const char *name = st->examples[l->target].name;
	struct sc_diags d;
	enum sc_status rc = SC_OK;
	char *dir = sc_sessions_dir();
	char *path, *err = NULL;
	int code;

	sc_diags_init(&d);
	path = sc_example_copy(st->q, name, dir, &d, &rc);
	if (!path) {
		struct sc_buf b = {0};
		sc_diags_sort(&d);
		sc_diags_format(&d, &b);
		if (b.len && b.data[b.len - 1] == '\n')
			b.data[--b.len] = '\0';
		tui_set_message(st, true, "Not opened: %s", sc_buf_str(&b));
		sc_buf_fini(&b);
	} else if (!tui_nav_open_session(st, path, NULL, &err, &code)) {
		tui_set_message(st, true, "%s", err);
		free(err);
	} else {
		const char *base = strrchr(path, '/');
		tui_set_message(st, false,
		                "A copy of the example %s, saved as %s; the "
		                "example itself never changes.",
		                name, base ? base + 1 : path);
	}
	free(path);
	free(dir);
	sc_diags_fini(&d);
	return true;
}

const struct tui_view_ops tui_view_examples = {
	.name = "examples",
	.title = "Worked examples",
	.document = true,
	.request = tui_docview_request,
	.open = open_examples,
	.open_line = examples_open_line,
};
