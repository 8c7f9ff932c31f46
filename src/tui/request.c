/* The request table and the key lookups generated from it. */
#include "request.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#define TUI_REQ_INFO(id, ctx, help, ...)                                       \
	{id, ctx, #id, help, {__VA_ARGS__}},
const struct tui_request_info tui_requests[] = {TUI_REQUESTS(TUI_REQ_INFO)};
const size_t tui_request_count = sizeof tui_requests / sizeof tui_requests[0];

/* Every enum value but REQ_NONE and REQ_INSERT has exactly one row, in
 * enum order, so tui_request_info can index the table directly. */
static_assert(sizeof tui_requests / sizeof tui_requests[0] == REQ_INSERT - 1,
              "one table row per request");

static const char *const ctx_titles[CTX_COUNT] = {
	[CTX_GLOBAL] = "Everywhere",
	[CTX_MOVE] = "Moving around",
	[CTX_INTERVIEW] = "Questions",
	[CTX_RESULTS] = "Results",
	[CTX_WHATIF] = "Leaving what-if",
	[CTX_PICKER] = "Saved interviews",
	[CTX_CONFIRM] = "Asked before overwriting, deleting or resetting",
	[CTX_EDIT] = "Typing a text or number",
};

const char *
tui_ctx_title(enum tui_ctx c)
{
	return c < CTX_COUNT ? ctx_titles[c] : "";
}

const struct tui_request_info *
tui_request_info(enum tui_req req)
{
	if (req <= REQ_NONE || req >= REQ_INSERT)
		return NULL;
	return &tui_requests[req - 1];
}

bool
tui_key_printable(int key)
{
	return key >= 0x20 && key != 0x7f && key < TK_BASE &&
	       !(key >= 0x80 && key < 0xa0);
}

static bool
has_key(const struct tui_request_info *r, int key)
{
	for (size_t i = 0; i < TUI_MAX_KEYS && r->keys[i]; i++)
		if (r->keys[i] == key)
			return true;
	return false;
}

static enum tui_req
find_in(int key, enum tui_ctx ctx)
{
	for (size_t i = 0; i < tui_request_count; i++)
		if (tui_requests[i].ctx == ctx && has_key(&tui_requests[i], key))
			return tui_requests[i].req;
	return REQ_NONE;
}

enum tui_req
tui_key_request_in(int key, enum tui_keymode mode)
{
	if (mode == TKM_CONFIRM) {
		enum tui_req r = find_in(key == '\n' ? TK_ENTER : key,
		                         CTX_CONFIRM);
		if (r != REQ_NONE)
			return r;
	}
	return tui_key_request(key, mode == TKM_EDIT);
}

enum tui_req
tui_key_request(int key, bool editing)
{
	if (key == '\n')
		key = TK_ENTER;
	if (editing) {
		for (size_t i = 0; i < tui_request_count; i++)
			if (tui_requests[i].ctx == CTX_EDIT &&
			    has_key(&tui_requests[i], key))
				return tui_requests[i].req;
		if (tui_key_printable(key))
			return REQ_INSERT;
	}
	for (size_t i = 0; i < tui_request_count; i++)
		if (tui_requests[i].ctx != CTX_EDIT &&
		    tui_requests[i].ctx != CTX_CONFIRM &&
		    has_key(&tui_requests[i], key))
			return tui_requests[i].req;
	return REQ_NONE;
}

void
tui_key_name(int key, char *buf, size_t size)
{
	static const struct {
		int key;
		const char *name;
	} names[] = {
		{TK_UP, "Up"},         {TK_DOWN, "Down"},
		{TK_LEFT, "Left"},     {TK_RIGHT, "Right"},
		{TK_HOME, "Home"},     {TK_END, "End"},
		{TK_PPAGE, "PgUp"},    {TK_NPAGE, "PgDn"},
		{TK_BACKSPACE, "Backspace"},
		{TK_DELETE, "Delete"}, {TK_BTAB, "Shift-Tab"},
		{TK_TAB, "Tab"},       {TK_ENTER, "Enter"},
		{TK_ESC, "Esc"},       {' ', "Space"},
		{0x7f, "Backspace"},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key) {
			snprintf(buf, size, "%s", names[i].name);
			return;
		}
	if (key >= TK_F0 && key <= TK_LAST)
		snprintf(buf, size, "F%d", key - TK_F0);
	else if (key > 0 && key < 0x20)
		snprintf(buf, size, "^%c", key + '@');
	else if (key > 0 && key < 0x80)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "U+%04X", (unsigned)key);
}

/* Is `name` one of the space-separated names in `list` (a key sent two
 * ways, such as Backspace, is named once)? */
static bool
has_name(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; (p = strstr(p, name)) != NULL; p++)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return true;
	return false;
}

void
tui_request_keys(enum tui_req req, char *buf, size_t size)
{
	const struct tui_request_info *r = tui_request_info(req);
	size_t len = 0, n = 0;
	char name[32];

	if (size)
		buf[0] = '\0';
	if (!r)
		return;
	while (n < TUI_MAX_KEYS && r->keys[n])
		n++;
	/* A run of digits reads better as a range. */
	if (n > 2 && r->keys[0] >= '0' && r->keys[n - 1] <= '9' &&
	    r->keys[n - 1] - r->keys[0] == (int)n - 1) {
		snprintf(buf, size, "%c-%c", r->keys[0], r->keys[n - 1]);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		/* Enter is listed once although '\r' and '\n' both send it. */
		if (r->keys[i] == '\n')
			continue;
		tui_key_name(r->keys[i], name, sizeof name);
		if (has_name(buf, name))
			continue;
		int w = snprintf(buf + len, size > len ? size - len : 0,
		                 "%s%s", len ? " " : "", name);
		if (w < 0 || (size_t)w >= size - len)
			break;
		len += (size_t)w;
	}
}
