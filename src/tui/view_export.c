/* The export prompt of the results and of the comparison: what is
 * exported (the report, the evidence request list, or what-if compared
 * with the saved answers), a format, and a file name that follows both
 * until edited.  The name's extension, when it has a known one, decides
 * the format; an existing file is overwritten only when the user says so;
 * the file is written as the command line writes it. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "live.h"
#include "socscope/fsutil.h"
#include "socscope/paths.h"
#include "view.h"

/* As `socscope evaluate -o` writes: the client's answers are nobody
 * else's business. */
#define EXPORT_MODE 0600

/* Known extensions, and the format each stands for. */
static const struct {
	const char *ext;
	enum sc_format fmt;
} exts[] = {
	{"txt", SC_FMT_TEXT},   {"text", SC_FMT_TEXT},
	{"md", SC_FMT_MARKDOWN}, {"markdown", SC_FMT_MARKDOWN},
	{"html", SC_FMT_HTML},  {"htm", SC_FMT_HTML},
	{"json", SC_FMT_JSON},  {"csv", SC_FMT_CSV},
};

/* The extension of the file name in `path` (after its last '.'), or
 * NULL. */
static const char *
path_ext(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	return dot && dot > base && dot[1] ? dot + 1 : NULL;
}

int
tui_export_format_of(const char *path)
{
	const char *e = path_ext(path);
	for (size_t i = 0; e && i < sizeof exts / sizeof exts[0]; i++)
		if (!strcasecmp(e, exts[i].ext))
			return (int)exts[i].fmt;
	return -1;
}

bool
tui_export_has_format(const struct tui_state *st, enum sc_format f)
{
	if (st->export_compare)
		return f != SC_FMT_CSV; /* a comparison is no table */
	if (st->export_evidence)
		return f != SC_FMT_TEXT; /* the list has no text layout */
	return true;
}

/* The session's own name: its file's name without ".yaml" (so a copy of
 * an example, or a copy of a client's file opened with -a, is named
 * after itself, never after the client it copies), else the client's. */
static char *
session_base(const struct tui_state *st)
{
	const struct sc_session *s = st->saved ? st->saved : st->s;
	if (s && s->path) {
		const char *b = strrchr(s->path, '/');
		b = b ? b + 1 : s->path;
		size_t n = strlen(b);
		if (n > 5 && !strcmp(b + n - 5, ".yaml"))
			n -= 5;
		if (n)
			return sc_xstrndup(b, n);
	}
	return sc_slug(s && s->a->client ? s->a->client : "");
}

char *
tui_export_default_path(const struct tui_state *st, enum sc_format f)
{
	char *base = session_base(st);
	/* What-if's answers are not the client's: a name of their own. */
	const char *wi = st->saved && !st->export_compare ? "-what-if" : "";
	const char *what = st->export_compare    ? "compare"
	                   : st->export_evidence ? "evidence"
	                                         : "socscope";
	char *p = sc_xasprintf("%s%s-%s.%s", base, wi, what, sc_format_ext(f));
	free(base);
	return p;
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

/* Render what st->export_* asks for in `f` into `out`; false with *why
 * set. */
static bool
render(struct tui_state *st, enum sc_format f, struct sc_buf *out, char **why)
{
	/* Fixed dates for reproducible files, as on the command line. */
	struct sc_report_opts ro = {getenv("SOCSCOPE_DATE"), 0};
	const struct sc_catalogue *cat = NULL;

	if (st->export_compare) {
		if (!st->saved) {
			*why = sc_xstrdup("what-if is off: nothing to compare");
			return false;
		}
		struct sc_diff *df = tui_whatif_diff(st);
		sc_diff_render(df, f, 0, out);
		sc_diff_free(df);
		return true;
	}
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

/* The path typed, with "~/" for the home directory as in a shell. */
static char *
typed_path(const struct tui_state *st)
{
	const char *path = tui_le_text(&st->export_ed);
	const char *home = getenv("HOME");
	if (path[0] == '~' && path[1] == '/' && home && *home)
		return sc_xasprintf("%s%s", home, path + 1);
	return sc_xstrdup(path);
}

static const char *
what_name(const struct tui_state *st)
{
	return st->export_compare    ? "the comparison"
	       : st->export_evidence ? "the evidence request list"
	                             : "the report";
}

/* The format the file will be written in: its name's extension when it
 * has a known one, else the one chosen in the list; -1 (with the message
 * set) when the extension names a format this export does not have. */
static int
export_format(struct tui_state *st, const char *path)
{
	int f = tui_export_format_of(path);
	if (f < 0)
		return (int)st->export_fmt;
	if (!tui_export_has_format(st, (enum sc_format)f)) {
		tui_set_message(st, true, "Not exported: %s has no %s format; "
		                "name the file .md, .html or .json%s.",
		                what_name(st), sc_format_id_str((enum sc_format)f),
		                st->export_compare ? "" : " or .csv");
		return -1;
	}
	return f;
}

bool
tui_state_export(struct tui_state *st)
{
	struct sc_buf b = {0};
	char *err = NULL;
	enum sc_status rc = SC_EIO;

	if (!*tui_le_text(&st->export_ed)) {
		tui_set_message(st, true, "%s", "Type a file name to export to.");
		return false;
	}
	char *path = typed_path(st);
	int f = export_format(st, path);
	if (f < 0) {
		free(path);
		return false;
	}
	if (render(st, (enum sc_format)f, &b, &err))
		rc = sc_write_file_output(path, b.data ? b.data : "", b.len,
		                          EXPORT_MODE, &err);
	sc_buf_fini(&b);
	if (rc != SC_OK) {
		tui_set_message(st, true, "Not exported: %s",
		                err ? err : "the file cannot be written");
		free(err);
		free(path);
		return false;
	}
	st->export_fmt = (enum sc_format)f;
	const char *shown = tui_le_text(&st->export_ed);
	if (st->export_compare)
		tui_set_message(st, false, "Exported the comparison of the saved "
		                "and what-if answers (%s) to %s",
		                sc_format_id_str(st->export_fmt), shown);
	else if (st->export_evidence)
		tui_set_message(st, false, "Exported the evidence request list "
		                "(%s) to %s", sc_format_id_str(st->export_fmt), shown);
	else
		tui_set_message(st, false, "Exported %s%s to %s",
		                sc_format_id_str(st->export_fmt),
		                st->saved ? " (the what-if answers)" : "", shown);
	free(path);
	return true;
}

void
tui_export_write(struct tui_state *st)
{
	if (tui_state_export(st))
		st->export_mode = false;
}

/* Enter: write, unless a file is there already; then ask first.  Only a
 * regular file (or a link to one) is overwritten: a device or a FIFO is
 * written into, as the command line does, and asks nothing. */
static void
export_confirm(struct tui_state *st)
{
	struct stat sb;
	char *path = typed_path(st);
	bool exists = *path && stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
	if (exists && export_format(st, path) >= 0)
		tui_ask_begin(st, TA_OVERWRITE, 0, "%s already exists. Overwrite "
		              "it? y overwrites it, n keeps it as it is.",
		              tui_le_text(&st->export_ed));
	else if (!exists)
		tui_export_write(st);
	free(path);
}

/* Give the typed name `f`'s extension in place of the known one it has. */
static void
swap_ext(struct tui_state *st, enum sc_format f)
{
	const char *text = tui_le_text(&st->export_ed);
	const char *e = path_ext(text);
	if (!e || tui_export_format_of(text) < 0)
		return;
	char *p = sc_xasprintf("%.*s%s", (int)(e - text), text, sc_format_ext(f));
	tui_le_set(&st->export_ed, p);
	free(p);
}

/* Change what is exported or its format.  A name the user has not edited
 * follows; an edited one keeps its name and takes the new extension. */
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
	} else {
		swap_ext(st, f);
	}
	free(old);
}

static void
export_cycle(struct tui_state *st, int delta)
{
	int f = (int)st->export_fmt;
	do
		f = (f + delta + SC_FMT_COUNT) % SC_FMT_COUNT;
	while (!tui_export_has_format(st, (enum sc_format)f));
	export_set(st, st->export_evidence, (enum sc_format)f);
}

static void
export_toggle(struct tui_state *st)
{
	/* A review plans no examination: it has no evidence list. */
	if (st->export_compare || (st->q->noutcomes && !st->q->recommends))
		return;
	bool evidence = !st->export_evidence;
	enum sc_format f = st->export_fmt;
	if (evidence && f == SC_FMT_TEXT)
		f = SC_FMT_MARKDOWN;
	export_set(st, evidence, f);
}

/* The list follows the extension being typed. */
static void
follow_ext(struct tui_state *st)
{
	int f = tui_export_format_of(tui_le_text(&st->export_ed));
	if (f >= 0 && tui_export_has_format(st, (enum sc_format)f))
		st->export_fmt = (enum sc_format)f;
}

void
tui_export_begin(struct tui_state *st)
{
	st->export_compare = tui_state_view(st) == TV_COMPARE;
	if (!tui_export_has_format(st, st->export_fmt))
		st->export_fmt = st->export_compare ? SC_FMT_TEXT : SC_FMT_MARKDOWN;
	char *p = tui_export_default_path(st, st->export_fmt);
	st->export_mode = true;
	tui_le_set(&st->export_ed, p);
	free(p);
	tui_clear_message(st);
}

bool
tui_export_request(struct tui_state *st, enum tui_req req, int key)
{
	if (tui_le_request(&st->export_ed, req)) {
		follow_ext(st);
		return true;
	}
	switch (req) {
	case REQ_INSERT:
		tui_le_insert(&st->export_ed, (uint32_t)key);
		follow_ext(st);
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
		export_confirm(st);
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
	static const struct tui_barkey compare[] = {
		{REQ_ENTER, "Write"}, {REQ_DOWN, "Format"},
		{REQ_BACK, "Cancel"}, {REQ_NONE, NULL}};
	bool review = st->q->noutcomes && !st->q->recommends;
	return st->export_compare || review ? compare
	       : st->export_evidence ? evidence
	                             : report;
}
