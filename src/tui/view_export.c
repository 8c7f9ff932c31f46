/* The export prompt of the results: a format, a file name that follows
 * the format until edited, and the report written there. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/fsutil.h"
#include "socscope/paths.h"
#include "view.h"

char *
tui_export_default_path(const struct tui_state *st, enum sc_format f)
{
	const char *client = st->s && st->s->a->client ? st->s->a->client : "";
	char *slug = sc_slug(client);
	char *p = sc_xasprintf("%s-socscope.%s", slug, sc_format_ext(f));
	free(slug);
	return p;
}

bool
tui_state_export(struct tui_state *st)
{
	const char *path = tui_le_text(&st->export_ed);
	struct sc_buf b = {0};
	struct sc_report_opts ro = {NULL, 80};
	char *err = NULL;

	if (!*path) {
		tui_set_message(st, true, "%s", "Type a file name to export to.");
		return false;
	}
	/* "~/" means the home directory, as in a shell. */
	char *full = NULL;
	const char *home = getenv("HOME");
	if (path[0] == '~' && path[1] == '/' && home && *home)
		path = full = sc_xasprintf("%s%s", home, path + 1);
	sc_report_render(st->q, st->s->a, st->s->ev, st->export_fmt, &ro, &b);
	enum sc_status rc = sc_write_file_output(path, b.data ? b.data : "",
	                                         b.len, 0644, &err);
	sc_buf_fini(&b);
	if (rc != SC_OK) {
		tui_set_message(st, true, "Not exported: %s",
		                err ? err : "the file cannot be written");
		free(err);
		free(full);
		return false;
	}
	tui_set_message(st, false, "Exported %s to %s",
	                sc_format_id_str(st->export_fmt), path);
	free(full);
	return true;
}

static void
export_cycle(struct tui_state *st, int delta)
{
	char *old = tui_export_default_path(st, st->export_fmt);
	bool was_default = !strcmp(old, tui_le_text(&st->export_ed));
	int f = ((int)st->export_fmt + delta + SC_FMT_COUNT) % SC_FMT_COUNT;
	st->export_fmt = (enum sc_format)f;
	/* A path the user has not edited follows the format. */
	if (was_default) {
		char *p = tui_export_default_path(st, st->export_fmt);
		tui_le_set(&st->export_ed, p);
		free(p);
	}
	free(old);
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
	case REQ_FOCUS:
		export_cycle(st, 1);
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

const struct tui_barkey tui_export_keys[] = {
	{REQ_ENTER, "Write"}, {REQ_DOWN, "Format"},
	{REQ_BACK, "Cancel"}, {REQ_NONE, NULL}};
