/* The line editor. */
#include "lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "socscope/common.h"
#include "text.h"

void
tui_le_init(struct tui_lineedit *le, size_t max_chars)
{
	memset(le, 0, sizeof *le);
	le->max_chars = max_chars;
	le->cap = 16;
	le->buf = sc_xcalloc(1, le->cap);
}

void
tui_le_fini(struct tui_lineedit *le)
{
	free(le->buf);
	le->buf = NULL;
	le->len = le->cap = le->cur = 0;
}

const char *
tui_le_text(const struct tui_lineedit *le)
{
	return le->buf ? le->buf : "";
}

size_t
tui_le_chars(const struct tui_lineedit *le)
{
	return tui_strchars(le->buf, le->len);
}

static void
insert_bytes(struct tui_lineedit *le, const char *b, size_t n)
{
	le->buf = sc_xgrow(le->buf, &le->cap, le->len + n + 1, 1);
	memmove(le->buf + le->cur + n, le->buf + le->cur, le->len - le->cur + 1);
	memcpy(le->buf + le->cur, b, n);
	le->len += n;
	le->cur += n;
}

static void
delete_range(struct tui_lineedit *le, size_t from, size_t to)
{
	memmove(le->buf + from, le->buf + to, le->len - to + 1);
	le->len -= to - from;
	if (le->cur >= to)
		le->cur -= to - from;
	else if (le->cur > from)
		le->cur = from;
}

void
tui_le_set(struct tui_lineedit *le, const char *text)
{
	if (!le->buf)
		tui_le_init(le, le->max_chars);
	le->len = le->cur = 0;
	le->buf[0] = '\0';
	le->scroll = 0;
	size_t n = text ? strlen(text) : 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = tui_utf8_decode(text + i, n - i, &cp);
		if (!(cp == 0xfffd && k == 1 && (unsigned char)text[i] >= 0x80))
			insert_bytes(le, text + i, k);
		i += k;
	}
}

static bool
number_char(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || cp == '.' || cp == '-' || cp == '+';
}

bool
tui_le_insert(struct tui_lineedit *le, uint32_t cp)
{
	char b[4];
	size_t n;

	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return false;
	if (le->numeric && !number_char(cp))
		return false;
	if (le->max_chars && tui_le_chars(le) >= le->max_chars)
		return false;
	n = tui_utf8_encode(cp, b);
	if (!n)
		return false;
	insert_bytes(le, b, n);
	return true;
}

/* Character boundaries: a zero-width character belongs to the one before
 * it, so the cursor never lands between a letter and its accent. */
static size_t
next_pos(const struct tui_lineedit *le, size_t i)
{
	uint32_t cp;
	if (i >= le->len)
		return le->len;
	i += tui_utf8_decode(le->buf + i, le->len - i, &cp);
	while (i < le->len) {
		size_t k = tui_utf8_decode(le->buf + i, le->len - i, &cp);
		if (tui_cpwidth(cp) != 0 || cp < 0x20)
			break;
		i += k;
	}
	return i;
}

static size_t
prev_pos(const struct tui_lineedit *le, size_t i)
{
	size_t p = 0, q = 0;
	/* Walk from the start: simple and exact for lines of this size. */
	while (q < i) {
		p = q;
		q = next_pos(le, q);
	}
	return p;
}

bool
tui_le_request(struct tui_lineedit *le, enum tui_req req)
{
	size_t p;

	switch (req) {
	case REQ_ED_LEFT:
		le->cur = prev_pos(le, le->cur);
		return true;
	case REQ_ED_RIGHT:
		le->cur = next_pos(le, le->cur);
		return true;
	case REQ_ED_HOME:
		le->cur = 0;
		return true;
	case REQ_ED_END:
		le->cur = le->len;
		return true;
	case REQ_ED_BACKSPACE:
		if (le->cur > 0)
			delete_range(le, prev_pos(le, le->cur), le->cur);
		return true;
	case REQ_ED_DELETE:
		if (le->cur < le->len)
			delete_range(le, le->cur, next_pos(le, le->cur));
		return true;
	case REQ_ED_KILL_START:
		delete_range(le, 0, le->cur);
		return true;
	case REQ_ED_KILL_END:
		delete_range(le, le->cur, le->len);
		return true;
	case REQ_ED_KILL_WORD:
		p = le->cur;
		while (p > 0 && le->buf[p - 1] == ' ')
			p--;
		while (p > 0 && le->buf[p - 1] != ' ')
			p--;
		delete_range(le, p, le->cur);
		return true;
	default:
		return false;
	}
}

int
tui_le_cursor_col(const struct tui_lineedit *le)
{
	return tui_strwidth(le->buf, le->cur);
}

void
tui_le_view(struct tui_lineedit *le, int width, size_t *off, size_t *len,
            int *cursor_x)
{
	int col = tui_le_cursor_col(le);
	int total = tui_strwidth(le->buf, le->len);

	if (width < 2)
		width = 2;
	/* Leave one column for the cursor after the last character. */
	if (col < le->scroll)
		le->scroll = col;
	if (col >= le->scroll + width)
		le->scroll = col - width + 1;
	if (total + 1 <= width)
		le->scroll = 0;
	if (le->scroll < 0)
		le->scroll = 0;

	/* Skip whole characters up to the scroll column. */
	size_t i = 0;
	int w = 0;
	while (i < le->len) {
		uint32_t cp;
		size_t k = tui_utf8_decode(le->buf + i, le->len - i, &cp);
		int cw = tui_cpwidth(cp);
		if ((cw > 0 && w >= le->scroll) || w + cw > le->scroll)
			break;
		w += cw;
		i += k;
	}
	/* A wide character cut by the scroll start moves the view. */
	le->scroll = w;
	*off = i;
	int used;
	*len = tui_fit(le->buf + i, le->len - i, width, &used);
	*cursor_x = col - le->scroll;
}

size_t
tui_le_wrap(const struct tui_lineedit *le, int width, struct tui_span **rows,
            size_t *cur_row, int *cur_col)
{
	if (width < 3)
		width = 3;
	/* One column to spare, for the cursor after a full row. */
	size_t n = tui_wrap(tui_le_text(le), width - 1, rows);
	size_t r = 0;
	while (r + 1 < n && (*rows)[r + 1].off <= le->cur)
		r++;
	int col = tui_strwidth(le->buf + (*rows)[r].off,
	                       le->cur > (*rows)[r].off ? le->cur - (*rows)[r].off
	                                                : 0);
	*cur_row = r;
	*cur_col = col < width - 1 ? col : width - 1;
	return n;
}
