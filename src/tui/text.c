/* UTF-8 decoding, display width and word wrapping. */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "socscope/common.h"

size_t
tui_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c = s[0], min;
	size_t len;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		len = 2, c &= 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3, c &= 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		goto bad;
	}
	if (len > n)
		goto bad;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xfffd;
	return 1;
}

size_t
tui_utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	} else if (cp >= 0xd800 && cp <= 0xdfff) {
		return 0;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	} else if (cp <= 0x10ffff) {
		out[0] = (char)(0xf0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[3] = (char)(0x80 | (cp & 0x3f));
		return 4;
	}
	return 0;
}

int
tui_cpwidth(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	if (cp < 0x7f)
		return 1;
	int w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w;
	/* Without a UTF-8 locale wcwidth knows nothing beyond ASCII; the
	 * drawing code then shows one placeholder column per character. */
	return 1;
}

int
tui_strwidth(const char *s, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += tui_utf8_decode(s + i, n - i, &cp);
		w += tui_cpwidth(cp);
	}
	return w;
}

size_t
tui_strchars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; c++) {
		uint32_t cp;
		i += tui_utf8_decode(s + i, n - i, &cp);
	}
	return c;
}

size_t
tui_fit(const char *s, size_t n, int width, int *used)
{
	size_t i = 0;
	int w = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = tui_utf8_decode(s + i, n - i, &cp);
		int cw = tui_cpwidth(cp);
		if (w + cw > width)
			break;
		w += cw;
		i += k;
	}
	if (used)
		*used = w;
	return i;
}

/* The wrapper walks characters; a zero-width character always stays with
 * the one before it, so a mark is never separated from its base. */
static size_t
wrap(const char *s, int width, struct tui_span **out)
{
	struct tui_span *v = NULL;
	size_t n = 0, cap = 0, len = strlen(s);
	size_t start = 0, i = 0;
	size_t brk = SIZE_MAX;   /* end of the line if we break at brk_next */
	size_t brk_next = 0;     /* where the next line starts then */
	int brk_w = 0, w = 0;

	if (width < 1)
		width = 1;
#define EMIT(o, l, wd)                                                         \
	do {                                                                   \
		if (out) {                                                     \
			v = sc_xgrow(v, &cap, n + 1, sizeof *v);               \
			v[n] = (struct tui_span){(o), (l), (wd)};              \
		}                                                              \
		n++;                                                           \
	} while (0)

	while (i < len) {
		uint32_t cp;
		size_t k = tui_utf8_decode(s + i, len - i, &cp);
		int cw = tui_cpwidth(cp);

		if (cp == '\n') {
			EMIT(start, i - start, w);
			start = i + 1, i = start, w = 0, brk = SIZE_MAX;
			continue;
		}
		if (cp == ' ') {
			/* A break after the space run; the spaces vanish. */
			brk = i, brk_w = w;
			size_t j = i;
			while (j < len && s[j] == ' ')
				j++;
			brk_next = j;
			if (w + cw > width) {
				EMIT(start, i - start, w);
				start = j, i = j, w = 0, brk = SIZE_MAX;
				continue;
			}
			w += cw, i += k;
			continue;
		}
		if (w + cw > width && w > 0) {
			if (brk != SIZE_MAX && brk > start) {
				EMIT(start, brk - start, brk_w);
				start = brk_next;
				w = tui_strwidth(s + start, i - start);
			} else {
				EMIT(start, i - start, w);
				start = i, w = 0;
			}
			brk = SIZE_MAX;
			continue;
		}
		/* Wide characters (CJK) may break before and after. */
		if (cw == 2 && i > start)
			brk = i, brk_next = i, brk_w = w;
		w += cw, i += k;
		if (cw == 2)
			brk = i, brk_next = i, brk_w = w;
	}
	/* Trailing spaces take no room on the last line. */
	EMIT(start, len - start, w);
#undef EMIT
	if (out)
		*out = v;
	return n;
}

size_t
tui_wrap(const char *s, int width, struct tui_span **out)
{
	*out = NULL;
	return wrap(s ? s : "", width, out);
}

size_t
tui_wrap_count(const char *s, int width)
{
	return wrap(s ? s : "", width, NULL);
}
