/* UTF-8 and display width for the curses-free code: decoding, the width of
 * characters as a terminal shows them (wcwidth; combining marks are 0, CJK
 * and emoji 2), and wrapping text into lines of a given display width. */
#ifndef SOCSCOPE_TUI_TEXT_H
#define SOCSCOPE_TUI_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode the sequence at s (n > 0 bytes available).  Returns the bytes it
 * takes (at least 1); an invalid sequence yields U+FFFD for one byte. */
size_t
tui_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out; returns the length (0 for an invalid code point). */
size_t
tui_utf8_encode(uint32_t cp, char out[4]);

/* Columns a character takes: 0 for combining marks and controls, 2 for wide
 * characters, 1 otherwise (also for what wcwidth does not know). */
int
tui_cpwidth(uint32_t cp);
/* Columns a string takes. */
int
tui_strwidth(const char *s, size_t n);
/* Bytes of the longest prefix of s (n bytes) that fits in `width` columns,
 * never splitting a character from its combining marks; *used gets its
 * width when not NULL. */
size_t
tui_fit(const char *s, size_t n, int width, int *used);
/* Number of characters (code points). */
size_t
tui_strchars(const char *s, size_t n);

/* One wrapped line: bytes [off, off + len) of the text, `width` columns. */
struct tui_span {
	size_t off, len;
	int width;
};

/* Wrap s into lines at most `width` columns wide (at least 1): breaks at
 * spaces, between wide characters, and where a word alone is too long;
 * '\n' forces a break.  An empty text is one empty line.  Returns the
 * number of lines; *out is malloc'd (free it). */
size_t
tui_wrap(const char *s, int width, struct tui_span **out);
/* Only the number of lines tui_wrap would produce. */
size_t
tui_wrap_count(const char *s, int width);

#endif
