/* The key bar's entries and their places (keybar.h). */
#include "keybar.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "view.h"

size_t
tui_keybar_items(const struct tui_state *st, struct tui_keybar_item *v,
                 size_t max)
{
	const struct tui_barkey *keys = tui_state_keybar(st);
	bool editing = tui_state_editing(st);
	enum tui_view_id view = tui_state_view(st);
	size_t n = 0;

	for (size_t i = 0; keys[i].label && n < max; i++) {
		const struct tui_request_info *r = tui_request_info(keys[i].req);
		struct tui_keybar_item *it = &v[n];
		/* Only keys that do something here are offered. */
		if (keys[i].req == REQ_BACK && st->depth <= 1 &&
		    view != TV_INTERVIEW)
			continue;
		/* A read-only interview refuses what would change it. */
		if (st->s && st->s->read_only &&
		    (keys[i].req == REQ_NOTE || keys[i].req == REQ_PICK ||
		     keys[i].req == REQ_RESET))
			continue;
		if (keys[i].req == REQ_ENTER && tui_view_document(view) &&
		    !st->export_mode && !st->owner_mode && !st->ask &&
		    st->docs[view].sel == SIZE_MAX)
			continue;
		memset(it, 0, sizeof *it);
		if (keys[i].req == REQ_PICK) {
			if (!editing)
				tui_request_keys(REQ_PICK, it->key, sizeof it->key);
		} else if (r) {
			/* Name a key that works now: not a letter while
			 * typing. */
			for (size_t k = 0; k < TUI_MAX_KEYS && r->keys[k]; k++) {
				if (editing && tui_key_printable(r->keys[k]))
					continue;
				tui_key_name(r->keys[k], it->key, sizeof it->key);
				break;
			}
		}
		if (!it->key[0])
			continue;
		it->req = keys[i].req;
		it->label = keys[i].label;
		it->width = (int)strlen(it->key) + 1 +
		            tui_strwidth(it->label, strlen(it->label));
		it->row = -1;
		n++;
	}
	return n;
}

/* Place v[0..n) from row 0 on; false when they do not all fit. */
static bool
place(struct tui_keybar_item *v, size_t n, int cols, int max_rows)
{
	int row = 0, x = 0;
	for (size_t i = 0; i < n; i++) {
		if (x && x + v[i].width > cols) {
			row++;
			x = 0;
		}
		if (row >= max_rows || v[i].width > cols)
			return false;
		v[i].row = row;
		v[i].col = x;
		x += v[i].width + 2;
	}
	return true;
}

int
tui_keybar_layout(struct tui_keybar_item *v, size_t n, int cols,
                  int max_rows)
{
	struct tui_keybar_item tmp[TUI_KEYBAR_MAX];
	size_t keep = n;

	if (max_rows < 1)
		max_rows = 1;
	for (size_t i = 0; i < n; i++)
		v[i].row = -1;
	if (!n || n > TUI_KEYBAR_MAX)
		return 1;
	/* Fewer and fewer of the entries before the last, until they fit. */
	for (;;) {
		size_t m = 0;
		for (size_t i = 0; i + 1 < keep; i++)
			tmp[m++] = v[i];
		tmp[m++] = v[n - 1];
		if (place(tmp, m, cols, max_rows) || keep <= 1) {
			int rows = 1;
			for (size_t i = 0; i + 1 < m; i++) {
				v[i].row = tmp[i].row;
				v[i].col = tmp[i].col;
			}
			v[n - 1].row = tmp[m - 1].row < 0 ? 0 : tmp[m - 1].row;
			v[n - 1].col = tmp[m - 1].row < 0 ? 0 : tmp[m - 1].col;
			for (size_t i = 0; i < n; i++)
				if (v[i].row + 1 > rows)
					rows = v[i].row + 1;
			return rows;
		}
		keep--;
	}
}
