/* The worked examples, reached from the picker: each opens on a copy (a
 * new saved interview named after it, as `--example NAME` does), so the
 * example itself never changes.  Here too: telling a copy by its name,
 * putting a copy back to its example, and deleting a saved interview. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "draft.h"
#include "live.h"
#include "nav.h"
#include "socscope/paths.h"
#include "uistate.h"
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

/* ---- copies of the examples ------------------------------------------- */

/* The session reset concerns: the one open (k == SIZE_MAX) or saved
 * interview k; its path and client. */
static void
reset_target(const struct tui_state *st, size_t k, const char **path,
             const char **client)
{
	if (k == SIZE_MAX) {
		*path = st->s && st->s->path ? st->s->path : "";
		*client = st->s && st->s->a->client ? st->s->a->client : "";
	} else {
		*path = st->infos[k].path;
		*client = st->infos[k].client ? st->infos[k].client : "";
	}
}

void
tui_example_reset_ask(struct tui_state *st, size_t k)
{
	const char *path, *client;
	if (k != SIZE_MAX && k >= st->ninfos)
		return;
	reset_target(st, k, &path, &client);
	size_t ex = tui_example_of(st, path, client);
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	if (ex == SIZE_MAX) {
		tui_set_message(st, false, "%s is not a copy of a worked example: "
		                "there is nothing to reset it to.", base);
		return;
	}
	if (k == SIZE_MAX && st->saved) {
		tui_set_message(st, false, "%s", "Leave what-if first (i, F6): "
		                "reset changes the saved answers.");
		return;
	}
	if (k == SIZE_MAX ? st->s->read_only : st->infos[k].holder != NULL) {
		tui_set_message(st, true, "Not reset: %s is open in %s.", base,
		                k == SIZE_MAX ? st->s->holder : st->infos[k].holder);
		return;
	}
	tui_ask_begin(st, TA_RESET, k, "Put %s back to the example %s, "
	              "dropping every answer and note changed in it? y resets "
	              "it, n keeps the answers.", base, st->examples[ex].name);
}

/* The saved interviews again, after one changed or went. */
static void
relist(struct tui_state *st)
{
	char *dir = sc_sessions_dir();
	sc_session_infos_free(st->infos, st->ninfos);
	st->infos = NULL;
	st->ninfos = dir ? sc_sessions_list(st->q, dir, &st->infos) : 0;
	free(dir);
	if (tui_state_view(st) == TV_START && st->views[TV_START]->open)
		st->views[TV_START]->open(st);
}

/* Give session `s` the example's answers, notes and client, saved once.
 * False with the message set when it cannot be. */
static bool
reset_session(struct tui_state *st, struct sc_session *s, size_t ex)
{
	struct sc_diags d;
	sc_diags_init(&d);
	struct sc_answers *a = sc_answers_new(st->q);
	enum sc_status rc = sc_example_load(a, st->examples[ex].name, &d);
	if (rc != SC_OK) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		if (b.len && b.data[b.len - 1] == '\n')
			b.data[--b.len] = '\0';
		tui_set_message(st, true, "Not reset: %s", sc_buf_str(&b));
		sc_buf_fini(&b);
		sc_answers_free(a);
		sc_diags_fini(&d);
		return false;
	}
	sc_diags_fini(&d);
	/* A copy holding the example's answers, kept as what-if is kept. */
	struct sc_session *from = sc_session_what_if(s);
	sc_eval_free(from->ev);
	sc_answers_free(from->a);
	from->a = a;
	from->ev = sc_eval_new(st->q, a);
	rc = sc_session_keep(s, from);
	sc_session_free(from);
	if (rc != SC_OK) {
		tui_set_message(st, true, "Not reset: %s",
		                s->last_error ? s->last_error
		                              : "the session cannot be written");
		return false;
	}
	return true;
}

void
tui_example_reset(struct tui_state *st, size_t k)
{
	const char *path, *client;
	reset_target(st, k, &path, &client);
	size_t ex = tui_example_of(st, path, client);
	if (ex == SIZE_MAX)
		return;
	if (k == SIZE_MAX) {
		if (!reset_session(st, st->s, ex))
			return;
		tui_draft_reload(st);
		tui_live_reset(st);
		tui_nav_ensure_visible(st);
		tui_set_message(st, false, "Reset: the answers of the example %s "
		                "again.", st->examples[ex].name);
		return;
	}
	struct sc_diags d;
	enum sc_status rc = SC_OK;
	sc_diags_init(&d);
	char *p = sc_xstrdup(path);
	struct sc_session *s = sc_session_open(st->q, p, NULL, &d, &rc);
	sc_diags_fini(&d);
	if (!s) {
		tui_set_message(st, true, "Not reset: %s cannot be opened.", p);
	} else if (s->read_only) {
		tui_set_message(st, true, "Not reset: it is open in %s.",
		                s->holder);
	} else if (reset_session(st, s, ex)) {
		tui_set_message(st, false, "Reset: the answers of the example %s "
		                "again.", st->examples[ex].name);
	}
	sc_session_free(s);
	free(p);
	relist(st);
}

void
tui_picker_delete(struct tui_state *st, size_t k)
{
	if (k >= st->ninfos)
		return;
	struct sc_diags d;
	enum sc_status rc = SC_OK;
	char *path = sc_xstrdup(st->infos[k].path);
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	sc_diags_init(&d);
	/* Opening takes its lock: no interview can open it meanwhile, and
	 * one that has it open keeps it. */
	struct sc_session *s = sc_session_open(st->q, path, NULL, &d, &rc);
	sc_diags_fini(&d);
	if (!s) {
		tui_set_message(st, true, "Not deleted: %s cannot be opened with "
		                "this questionnaire.", base);
	} else if (s->read_only) {
		tui_set_message(st, true, "Not deleted: %s is open in %s.", base,
		                s->holder);
	} else if (unlink(path) != 0) {
		tui_set_message(st, true, "Not deleted: %s: %s", path,
		                strerror(errno));
	} else {
		/* Its remembered place goes with it. */
		char *ui = tui_uistate_path(path);
		unlink(ui);
		free(ui);
		tui_set_message(st, false, "Deleted the saved interview %s.", base);
	}
	sc_session_free(s);
	free(path);
	relist(st);
}
