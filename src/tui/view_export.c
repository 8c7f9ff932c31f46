/* The export prompt of the results: what is exported (the report or the
 * evidence request list), a format, a file name that follows both until
 * edited, and the file written there as the command line writes it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/fsutil.h"
#include "socscope/paths.h"
#include "view.h"

/* As `socscope evaluate -o` writes: the client's answers are nobody
 * else's business. */
#define EXPORT_MODE 0600

static char *
default_path(const struct tui_state *st, bool evidence, enum sc_format f)
{
	const char *client = st->s && st->s->a->client ? st->s->a->client : "";
	char *slug = sc_slug(client);
	char *p = sc_xasprintf("%s-%s.%s", slug,
	                       evidence ? "evidence" : "socscope",
	                       sc_format_ext(f));
	free(slug);
	return p;
}

char *
tui_export_default_path(const struct tui_state *st, enum sc_format f)
{
	return default_path(st, st->export_evidence, f);
}

/* The evidence catalogue, loaded once; NULL with the problem in *why
 * (caller frees) when it cannot be. */
static const struct sc_catalogue *
evidence_catalogue(struct tui_state *st, char **why)
{
	if (st->evidence)
		return st->evidence;
	struct sc_diags d;
	enum sc_status rc = SC_OK;
	sc_diags_init(&d);
	st->evidence = sc_catalogue_load_named(NULL, &d, &rc);
	if (!st->evidence) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		/* The first problem says enough in a message line. */
		char *nl = b.data ? strchr(b.data, '\n') : NULL;
		if (nl)
			*nl = '\0';
		*why = b.len ? sc_buf_steal(&b)
		             : sc_xstrdup("the evidence catalogue cannot be loaded");
		sc_buf_fini(&b);
	}
	sc_diags_fini(&d);
	return st->evidence;
}

/* Render what st->export_* asks for into `out`; false with *why set. */
static bool
render(struct tui_state *st, struct sc_buf *out, char **why)
{
	/* Fixed dates for reproducible files, as on the command line. */
	struct sc_report_opts ro = {getenv("SOCSCOPE_DATE"), 0};
	enum sc_format f = st->export_fmt;
	const struct sc_catalogue *cat = NULL;

	/* The Markdown and HTML reports carry the evidence list too. */
	if (st->export_evidence || f == SC_FMT_MARKDOWN || f == SC_FMT_HTML)
		if (!(cat = evidence_catalogue(st, why)))
			return false;
	if (!st->export_evidence) {
		sc_report_render_full(st->q, st->s->a, st->s->ev, f, &ro, cat, out);
		return true;
	}
	if (!sc_evidence_render(st->q, st->s->a, st->s->ev, cat, f, &ro, out)) {
		*why = sc_xasprintf("the evidence list has no %s format",
		                    sc_format_id_str(f));
		return false;
	}
	return true;
}

bool
tui_state_export(struct tui_state *st)
{
	const char *path = tui_le_text(&st->export_ed);
	struct sc_buf b = {0};
	char *err = NULL;
	enum sc_status rc = SC_EIO;

	if (!*path) {
		tui_set_message(st, true, "%s", "Type a file name to export to.");
		return false;
	}
	/* "~/" means the home directory, as in a shell. */
	char *full = NULL;
	const char *home = getenv("HOME");
	if (path[0] == '~' && path[1] == '/' && home && *home)
		path = full = sc_xasprintf("%s%s", home, path + 1);
	if (render(st, &b, &err))
		rc = sc_write_file_output(path, b.data ? b.data : "", b.len,
		                          EXPORT_MODE, &err);
	sc_buf_fini(&b);
	if (rc != SC_OK) {
		tui_set_message(st, true, "Not exported: %s",
		                err ? err : "the file cannot be written");
		free(err);
		free(full);
		return false;
	}
	if (st->export_evidence)
		tui_set_message(st, false, "Exported the evidence request list "
		                "(%s) to %s", sc_format_id_str(st->export_fmt), path);
	else
		tui_set_message(st, false, "Exported %s to %s",
		                sc_format_id_str(st->export_fmt), path);
	free(full);
	return true;
}

/* Change what is exported or its format; a path the user has not edited
 * follows. */
static void
export_set(struct tui_state *st, bool evidence, enum sc_format f)
{
	char *old = tui_export_default_path(st, st->export_fmt);
	bool was_default = !strcmp(old, tui_le_text(&st->export_ed));
	st->export_evidence = evidence;
	st->export_fmt = f;
	if (was_default) {
		char *p = tui_export_default_path(st, st->export_fmt);
		tui_le_set(&st->export_ed, p);
		free(p);
	}
	free(old);
}

static void
export_cycle(struct tui_state *st, int delta)
{
	int f = (int)st->export_fmt;
	/* The evidence list has no text layout: its formats skip it. */
	do
		f = (f + delta + SC_FMT_COUNT) % SC_FMT_COUNT;
	while (st->export_evidence && f == SC_FMT_TEXT);
	export_set(st, st->export_evidence, (enum sc_format)f);
}

static void
export_toggle(struct tui_state *st)
{
	bool evidence = !st->export_evidence;
	enum sc_format f = st->export_fmt;
	if (evidence && f == SC_FMT_TEXT)
		f = SC_FMT_MARKDOWN;
	export_set(st, evidence, f);
}

void
tui_export_begin(struct tui_state *st)
{
	char *p = tui_export_default_path(st, st->export_fmt);
	st->export_mode = true;
	tui_le_set(&st->export_ed, p);
	free(p);
	tui_clear_message(st);
}

bool
tui_export_request(struct tui_state *st, enum tui_req req, int key)
{
	if (tui_le_request(&st->export_ed, req))
		return true;
	switch (req) {
	case REQ_INSERT:
		tui_le_insert(&st->export_ed, (uint32_t)key);
		return true;
	case REQ_UP:
		export_cycle(st, -1);
		return true;
	case REQ_DOWN:
		export_cycle(st, 1);
		return true;
	case REQ_FOCUS:
		export_toggle(st);
		return true;
	case REQ_ENTER:
		if (tui_state_export(st))
			st->export_mode = false;
		return true;
	case REQ_BACK:
		st->export_mode = false;
		tui_clear_message(st);
		return true;
	default:
		return false;
	}
}

/* Tab names what it switches to. */
const struct tui_barkey *
tui_export_keybar(const struct tui_state *st)
{
	static const struct tui_barkey report[] = {
		{REQ_ENTER, "Write"}, {REQ_DOWN, "Format"},
		{REQ_FOCUS, "Evidence list"}, {REQ_BACK, "Cancel"},
		{REQ_NONE, NULL}};
	static const struct tui_barkey evidence[] = {
		{REQ_ENTER, "Write"}, {REQ_DOWN, "Format"},
		{REQ_FOCUS, "Report"}, {REQ_BACK, "Cancel"},
		{REQ_NONE, NULL}};
	return st->export_evidence ? evidence : report;
}
