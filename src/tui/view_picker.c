/* The picker: saved interviews to resume, with where each client stands
 * (its recommendation, as `socscope portfolio` shows it), a line to start
 * a new one and one to open a worked example.  Shown at start when
 * sessions or examples exist and no client or answers file was given. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nav.h"
#include "text.h"
#include "view.h"

/* Column widths: the client's name within these bounds, then the date of
 * the last change and the progress; the recommendation takes the rest. */
#define CLIENT_MIN 6
#define CLIENT_MAX 24
#define DATE_W 10
#define DONE_W 8
#define GAP "  "

/* The client as the picker names it: the file's own name is added when
 * another saved session names the same client (copies of one example),
 * and kept when the column cuts the name short. */
static char *
client_label(const struct tui_state *st, size_t k)
{
	const struct sc_session_info *in = &st->infos[k];
	const char *name = in->client && *in->client ? in->client : "(no name)";
	bool twin = false;
	for (size_t j = 0; j < st->ninfos && !twin; j++)
		twin = j != k && !strcmp(st->infos[j].client ? st->infos[j].client : "",
		                         in->client ? in->client : "");
	if (!twin)
		return sc_xstrdup(name);
	const char *base = strrchr(in->path, '/');
	base = base ? base + 1 : in->path;
	size_t len = strlen(base);
	if (len > 5 && !strcmp(base + len - 5, ".yaml"))
		len -= 5;
	char *file = sc_xasprintf(" (%.*s)", (int)len, base);
	int room = CLIENT_MAX - tui_strwidth(file, strlen(file));
	struct sc_buf b = {0};
	if (room >= CLIENT_MIN && tui_strwidth(name, strlen(name)) > room)
		tui_column(&b, name, room, st->opts->ascii);
	else
		sc_buf_puts(&b, name);
	sc_buf_puts(&b, file);
	free(file);
	return sc_buf_steal(&b);
}

static void
add_session(struct tui_state *st, struct tui_doc *d, size_t k, int client_w)
{
	const struct sc_session_info *in = &st->infos[k];
	bool ascii = st->opts->ascii;
	struct sc_buf b = {0};
	char when[DATE_W + 1], done[32];
	/* Another questionnaire's answers cannot be resumed here. */
	bool other = in->questionnaire && strcmp(in->questionnaire, st->q->id);

	char *client = client_label(st, k);
	tui_column(&b, client, client_w, ascii);
	free(client);
	snprintf(when, sizeof when, "%s", in->updated && *in->updated
	                                       ? in->updated : "-");
	sc_buf_puts(&b, GAP);
	tui_column(&b, when, DATE_W, ascii);
	if (other || in->error)
		snprintf(done, sizeof done, "-");
	else
		snprintf(done, sizeof done, "%zu/%zu", in->answered,
		         in->applicable);
	sc_buf_puts(&b, GAP);
	tui_column(&b, done, DONE_W, ascii);
	sc_buf_puts(&b, GAP);
	if (in->error) /* listed with why: left out, it would look lost */
		sc_buf_printf(&b, "cannot be opened: %s", in->error);
	else if (other)
		sc_buf_printf(&b, "(questionnaire %s)", in->questionnaire);
	else
		sc_buf_puts(&b, in->recommendation && *in->recommendation
		                        ? in->recommendation : "-");
	if (in->migrated_from)
		sc_buf_printf(&b, " (from %s)", in->migrated_from);
	if (in->holder)
		sc_buf_puts(&b, " (open elsewhere)");
	struct tui_line *l = tui_doc_add(d, TL_SESSION,
	                                 in->error ? SC_ROLE_ERROR
	                                 : other ? SC_ROLE_MUTED : SC_ROLE_TEXT, 2,
	                                 "%s", sc_buf_str(&b));
	l->target = k;
	/* A long recommendation wraps in its own column. */
	l->hang = client_w + DATE_W + DONE_W + 3 * (int)strlen(GAP);
	sc_buf_fini(&b);
}

static void
open_start(struct tui_state *st)
{
	struct tui_doc *d = &st->docs[TV_START];
	size_t keep = d->sel;

	tui_doc_clear(d);
	/* Which saved interviews are copies of a worked example (they can
	 * be put back to it). */
	free(st->info_example);
	st->info_example = sc_xcalloc(st->ninfos + 1, sizeof *st->info_example);
	for (size_t k = 0; k < st->ninfos; k++)
		st->info_example[k] = tui_example_of(st, st->infos[k].path,
		                                     st->infos[k].client);
	if (st->ninfos)
		tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0, "%s",
		            "Resume a saved interview, or start a new one.");
	else
		tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0, "%s",
		            "No saved interviews yet: start a new one, or open a "
		            "worked example to try.");
	tui_doc_blank(d);
	if (st->ninfos) {
		int client_w = CLIENT_MIN;
		for (size_t k = 0; k < st->ninfos; k++) {
			char *c = client_label(st, k);
			client_w = tui_column_width(client_w, c, CLIENT_MIN,
			                            CLIENT_MAX);
			free(c);
		}
		struct sc_buf h = {0};
		tui_column(&h, "Client", client_w, false);
		sc_buf_puts(&h, GAP);
		tui_column(&h, "Changed", DATE_W, false);
		sc_buf_puts(&h, GAP);
		tui_column(&h, "Answered", DONE_W, false);
		sc_buf_puts(&h, GAP "Recommendation");
		tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 2, "%s", sc_buf_str(&h))
			->bold = true;
		sc_buf_fini(&h);
		for (size_t k = 0; k < st->ninfos; k++)
			add_session(st, d, k, client_w);
		tui_doc_blank(d);
	}
	tui_doc_add(d, TL_NEW, SC_ROLE_ACCENT, 2, "%s", "+ Start a new interview");
	if (st->nexamples)
		tui_doc_add(d, TL_EXAMPLES, SC_ROLE_ACCENT, 2,
		            "+ Open a worked example (%zu, each on a copy)",
		            st->nexamples);
	/* One program, several jobs: another questionnaire's new interview. */
	for (size_t k = 0; st->opts->next && k < st->opts->nothers; k++)
		tui_doc_add(d, TL_OTHER, SC_ROLE_ACCENT, 2, "+ %s (a new one)",
		            st->opts->others[k].title)->target = k;
	if (keep != SIZE_MAX && keep < d->n && tui_line_selectable(&d->v[keep]))
		d->sel = keep;
}

/* A saved interview opens; the new line asks for a new client's name; the
 * examples line lists the worked examples. */
static bool
picker_open_line(struct tui_state *st, const struct tui_line *l)
{
	switch (l->kind) {
	case TL_SESSION: {
		char *err = NULL;
		int code;
		if (l->target >= st->ninfos)
			return true;
		const struct sc_session_info *in = &st->infos[l->target];
		/* Another questionnaire's session: main reopens it on that one. */
		if (st->opts->next && in->questionnaire &&
		    strcmp(in->questionnaire, st->q->id) != 0) {
			st->opts->next->questionnaire = sc_xstrdup(in->questionnaire);
			st->opts->next->path = sc_xstrdup(in->path);
			st->quit = true;
			return true;
		}
		char *path = sc_xstrdup(in->path);
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
	case TL_EXAMPLES:
		tui_view_push(st, TV_EXAMPLES);
		return true;
	case TL_OTHER:
		if (st->opts->next && l->target < st->opts->nothers) {
			st->opts->next->questionnaire =
				sc_xstrdup(st->opts->others[l->target].id);
			st->quit = true;
		}
		return true;
	default:
		return false;
	}
}

/* The saved interview under the selection, or SIZE_MAX. */
static size_t
selected_session(const struct tui_state *st)
{
	const struct tui_doc *d = &st->docs[TV_START];
	if (d->sel == SIZE_MAX || d->sel >= d->n ||
	    d->v[d->sel].kind != TL_SESSION || d->v[d->sel].target >= st->ninfos)
		return SIZE_MAX;
	return d->v[d->sel].target;
}

static bool
picker_request(struct tui_state *st, enum tui_req req, int key)
{
	size_t k = selected_session(st);
	switch (req) {
	case REQ_DELETE: {
		if (k == SIZE_MAX) {
			tui_set_message(st, false, "%s", "Select a saved interview "
			                "to delete it.");
			return true;
		}
		const struct sc_session_info *in = &st->infos[k];
		const char *base = strrchr(in->path, '/');
		base = base ? base + 1 : in->path;
		if (in->holder) {
			tui_set_message(st, true, "Not deleted: %s is open in %s.",
			                base, in->holder);
			return true;
		}
		tui_ask_begin(st, TA_DELETE, k, "Delete the saved interview %s "
		              "(%s)? Its answers and notes are gone for good. "
		              "y deletes it, n keeps it.",
		              in->client && *in->client ? in->client : "(no name)",
		              base);
		return true;
	}
	case REQ_RESET:
		if (k == SIZE_MAX)
			tui_set_message(st, false, "%s", "Select a copy of a worked "
			                "example to reset it.");
		else
			tui_example_reset_ask(st, k);
		return true;
	default:
		return tui_docview_request(st, req, key);
	}
}

static const struct tui_barkey *
picker_keybar(const struct tui_state *st)
{
	static const struct tui_barkey session[] = {
		{REQ_HELP, "Help"}, {REQ_ENTER, "Open"}, {REQ_DELETE, "Delete"},
		{REQ_QUIT, "Quit"}, {REQ_NONE, NULL}};
	static const struct tui_barkey copy[] = {
		{REQ_HELP, "Help"}, {REQ_ENTER, "Open"}, {REQ_DELETE, "Delete"},
		{REQ_RESET, "Reset to the example"}, {REQ_QUIT, "Quit"},
		{REQ_NONE, NULL}};
	static const struct tui_barkey other[] = {
		{REQ_HELP, "Help"}, {REQ_ENTER, "Open"}, {REQ_QUIT, "Quit"},
		{REQ_NONE, NULL}};
	size_t k = selected_session(st);
	if (k == SIZE_MAX)
		return other;
	return st->info_example && st->info_example[k] != SIZE_MAX ? copy
	                                                             : session;
}

const struct tui_view_ops tui_view_picker = {
	.name = "picker",
	.title = "Saved interviews",
	.document = true,
	.request = picker_request,
	.open = open_start,
	.open_line = picker_open_line,
	.keybar = picker_keybar,
};
