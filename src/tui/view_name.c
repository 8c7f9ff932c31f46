/* The new client's name: typed, then Enter opens (or creates) the
 * session saved under it. */
#include <stdint.h>
#include <stdlib.h>

#include "nav.h"
#include "socscope/paths.h"
#include "view.h"

static bool
name_request(struct tui_state *st, enum tui_req req, int key)
{
	if (tui_le_request(&st->name_ed, req))
		return true;
	switch (req) {
	case REQ_INSERT:
		if (!tui_le_insert(&st->name_ed, (uint32_t)key))
			tui_set_message(st, true, "%s", "That character cannot go in a name.");
		else
			tui_clear_message(st);
		return true;
	case REQ_ENTER: {
		const char *name = tui_le_text(&st->name_ed);
		while (*name == ' ')
			name++;
		if (!*name) {
			tui_set_message(st, true, "%s",
			                "Type the client's name, then press Enter.");
			return true;
		}
		char *client = sc_xstrdup(name);
		char *path = sc_session_path(client);
		char *err = NULL;
		int code;
		if (!tui_nav_open_session(st, path, client, &err, &code)) {
			tui_set_message(st, true, "%s", err);
			free(err);
		}
		free(path);
		free(client);
		return true;
	}
	case REQ_BACK:
		tui_view_pop(st);
		return true;
	default:
		return false;
	}
}

static bool
name_editing(const struct tui_state *st)
{
	(void)st;
	return true;
}

static const struct tui_barkey *
name_keybar(const struct tui_state *st)
{
	static const struct tui_barkey keys[] = {
		{REQ_ENTER, "Start"}, {REQ_BACK, "Back"},
		{REQ_QUIT, "Quit"}, {REQ_NONE, NULL}};
	(void)st;
	return keys;
}

const struct tui_view_ops tui_view_name = {
	.name = "name",
	.request = name_request,
	.editing = name_editing,
	.keybar = name_keybar,
};
