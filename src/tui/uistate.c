/* The interview's place in a session, kept beside it (uistate.h).  The
 * format is a few "key: value" lines:
 *
 *     # socscope: where the interview was (not the answers)
 *     question: employees
 *     panel: shown
 *     panel_size: wide
 *
 * Unknown keys and values are passed over, so a later version may add
 * more. */
#include "uistate.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/fsutil.h"

/* Larger than any file this writes, small enough to read whole. */
#define UISTATE_MAX 4096

static const char *const sizes[TP_SIZE_COUNT] = {
	[TP_NORMAL] = "normal", [TP_WIDE] = "wide", [TP_FULL] = "full"};

char *
tui_uistate_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t n = strlen(base);
	if (n > 5 && !strcmp(base + n - 5, ".yaml"))
		n -= 5;
	return sc_xasprintf("%.*s.%.*s.ui", (int)(base - path), path, (int)n,
	                    base);
}

static size_t
question_by_id(const struct sc_questionnaire *q, const char *id)
{
	for (size_t i = 0; i < q->nquestions; i++)
		if (!strcmp(q->questions[i].id, id))
			return i;
	return SIZE_MAX;
}

bool
tui_uistate_load(const struct tui_state *st, struct tui_uistate *u)
{
	char *data = NULL, *err = NULL;
	size_t len = 0;

	u->question = SIZE_MAX;
	u->panel = u->panel_size = -1;
	if (!st->s || !st->s->path)
		return false;
	char *path = tui_uistate_path(st->s->path);
	enum sc_status rc = sc_read_file(path, UISTATE_MAX, &data, &len, &err);
	free(path);
	free(err);
	if (rc != SC_OK)
		return false;
	for (char *line = data, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char *colon = strchr(line, ':');
		if (line[0] == '#' || !colon)
			continue;
		*colon = '\0';
		const char *key = line, *val = colon + 1;
		while (*val == ' ')
			val++;
		if (!strcmp(key, "question")) {
			size_t i = question_by_id(st->q, val);
			if (i != SIZE_MAX && tui_state_visible(st, i))
				u->question = i;
		} else if (!strcmp(key, "panel")) {
			if (!strcmp(val, "shown") || !strcmp(val, "hidden"))
				u->panel = !strcmp(val, "shown");
		} else if (!strcmp(key, "panel_size")) {
			for (int k = 0; k < TP_SIZE_COUNT; k++)
				if (!strcmp(val, sizes[k]))
					u->panel_size = k;
		}
	}
	free(data);
	return true;
}

bool
tui_uistate_save(const struct tui_state *st)
{
	/* In what-if the session as saved is the one this belongs to. */
	const struct sc_session *s = st->saved ? st->saved : st->s;
	char *err = NULL;

	if (!s || !s->path || s->read_only)
		return false;
	struct sc_buf b = {0};
	sc_buf_printf(&b, "# socscope: where the interview was (not the "
	              "answers)\nquestion: %s\npanel: %s\npanel_size: %s\n",
	              st->q->questions[st->cur].id,
	              st->panel ? "shown" : "hidden", sizes[st->panel_size]);
	char *path = tui_uistate_path(s->path);
	enum sc_status rc = sc_write_file_atomic(path, b.data, b.len, 0600, &err);
	free(path);
	free(err);
	sc_buf_fini(&b);
	return rc == SC_OK;
}
