/* The lexer of the expression language: source bytes to tokens.
 *
 * It knows nothing of questions; it only splits the text, decodes string
 * escapes and numbers, and reports what it cannot read with the column of
 * the offending byte. */
#include "expr_internal.h"

#include <assert.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const tok_text[] = {
#define SC_XTOK_TEXT(name, text) text,
	SC_XTOKENS(SC_XTOK_TEXT)
#undef SC_XTOK_TEXT
};
static_assert(sizeof tok_text / sizeof tok_text[0] == XT_COUNT_,
              "one text per token kind");

/* Longest number literal read; anything longer is surely a mistake. */
#define NUMBER_MAX_LEN 64

const char *
sc_xtok_text(enum xtok k)
{
	return (unsigned)k < XT_COUNT_ ? tok_text[k] : "?";
}

bool
sc_xerror(struct sc_expr_error *err, int col, const char *fmt, ...)
{
	va_list ap;
	err->col = col;
	err->related_col = 0;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return false;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t len;
	unsigned min;
	unsigned cp;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2; min = 0x80; cp = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3; min = 0x800; cp = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4; min = 0x10000; cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* The code point of a valid sequence of n bytes (see utf8_len). */
static unsigned
utf8_decode(const unsigned char *s, size_t n)
{
	static const unsigned char lead_mask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
	unsigned cp = s[0] & lead_mask[n];
	for (size_t i = 1; i < n; i++)
		cp = (cp << 6) | (s[i] & 0x3F);
	return cp;
}

void
sc_xecho(char *out, size_t max, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t o = 0, i = 0;
	while (i < len) {
		size_t n = utf8_len(u + i, len - i);
		size_t w = n ? n : 1;
		if (o + (n ? n : 1) > max) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		if (n == 0 || (n == 1 && (u[i] < 0x20 || u[i] == 0x7f)))
			out[o++] = '?';
		else
			for (size_t k = 0; k < n; k++)
				out[o++] = (char)u[i + k];
		i += w;
	}
	out[o] = '\0';
}

void
sc_xlex_init(struct xlexer *lx, const char *src, size_t len,
             struct sc_expr_error *err)
{
	lx->src = src;
	lx->len = len;
	lx->pos = 0;
	sc_buf_init(&lx->sbuf);
	lx->err = err;
}

void
sc_xlex_fini(struct xlexer *lx)
{
	sc_buf_fini(&lx->sbuf);
}

static int
col_of(size_t pos)
{
	return (int)pos + 1;
}

static bool
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool
is_name_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool
is_name_char(int c)
{
	return is_name_start(c) || is_digit(c);
}

/* Keywords come from the token table, so a keyword is spelled once. */
static enum xtok
keyword(const char *s, size_t n)
{
	static const enum xtok kw[] = {
		XT_TRUE, XT_FALSE, XT_AND, XT_OR, XT_NOT, XT_IN,
	};
	/* Most names are question ids: the first character rules them out. */
	for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++) {
		const char *t = tok_text[kw[i]];
		if (t[0] == s[0] && strlen(t) == n && memcmp(t, s, n) == 0)
			return kw[i];
	}
	return XT_NAME;
}

/* NUMBER := ["-"] DIGITS ["." DIGITS].  strtod reads a locale's decimal
 * point, and the front end may have set a locale where it is ",", so the
 * "." is swapped for the locale's own before converting. */
static bool
lex_number(struct xlexer *lx, struct xtoken *t)
{
	const char *s = lx->src;
	size_t p = lx->pos, start = p;
	if (s[p] == '-')
		p++;
	if (p >= lx->len || !is_digit((unsigned char)s[p]))
		return sc_xerror(lx->err, col_of(start),
		                 "\"-\" must be followed by a number, or "
		                 "come between a date and a duration (\"d - "
		                 "6m\")");
	while (p < lx->len && is_digit((unsigned char)s[p]))
		p++;
	size_t dot = 0;
	if (p < lx->len && s[p] == '.') {
		dot = p;
		p++;
		if (p >= lx->len || !is_digit((unsigned char)s[p]))
			return sc_xerror(lx->err, col_of(start),
			                 "malformed number \"%.*s\": digits "
			                 "must follow the \".\"",
			                 (int)(p - start), s + start);
		while (p < lx->len && is_digit((unsigned char)s[p]))
			p++;
	}
	/* A whole number with a unit is a duration: 30d, 2w, 6m, 1y. */
	if (p < lx->len && !dot && strchr("dwmy", s[p]) && s[p] != '\0' &&
	    (p + 1 >= lx->len || !is_name_char((unsigned char)s[p + 1]))) {
		size_t n = p - start;
		if (n > 7)
			return sc_xerror(lx->err, col_of(start),
			                 "duration too long: \"%.*s%c\"",
			                 (int)(n > 40 ? 40 : n), s + start, s[p]);
		t->kind = XT_DURATION;
		t->num = strtod(s + start, NULL);
		t->unit = s[p];
		lx->pos = p + 1;
		return true;
	}
	if (p < lx->len && (is_name_char((unsigned char)s[p]) || s[p] == '.')) {
		size_t e = p;
		while (e < lx->len && (is_name_char((unsigned char)s[e]) ||
		                       s[e] == '.'))
			e++;
		return sc_xerror(lx->err, col_of(start),
		                 "malformed number \"%.*s\"",
		                 (int)(e - start > 40 ? 40 : e - start),
		                 s + start);
	}
	size_t n = p - start;
	if (n > NUMBER_MAX_LEN)
		return sc_xerror(lx->err, col_of(start),
		                 "number too long (more than %d characters)",
		                 NUMBER_MAX_LEN);

	char buf[NUMBER_MAX_LEN * 2 + 8];
	size_t o = 0;
	for (size_t i = start; i < p; i++) {
		if (dot && i == dot) {
			const char *dp = localeconv()->decimal_point;
			size_t dl = dp && *dp ? strlen(dp) : 0;
			if (dl == 0 || dl > NUMBER_MAX_LEN) {
				dp = ".";
				dl = 1;
			}
			memcpy(buf + o, dp, dl);
			o += dl;
		} else {
			buf[o++] = s[i];
		}
	}
	buf[o] = '\0';
	double v = strtod(buf, NULL);
	if (!isfinite(v))
		return sc_xerror(lx->err, col_of(start), "number too large");

	t->kind = XT_NUMBER;
	t->num = v;
	lx->pos = p;
	return true;
}

/* STRING := '"' { char | escape } '"' | "'" { char | escape } "'"
 * escape := "\" ( '"' | "'" | "\" | "n" ) */
static bool
lex_string(struct xlexer *lx, struct xtoken *t)
{
	const char *s = lx->src;
	size_t start = lx->pos, p = start + 1;
	char quote = s[start];
	sc_buf_reset(&lx->sbuf);
	for (;;) {
		if (p >= lx->len)
			return sc_xerror(lx->err, col_of(start),
			                 "unterminated string (no closing %c)",
			                 quote);
		char c = s[p];
		if (c == quote)
			break;
		if (c == '\\') {
			if (p + 1 >= lx->len)
				return sc_xerror(lx->err, col_of(start),
				                 "unterminated string (no "
				                 "closing %c)", quote);
			char e = s[p + 1];
			switch (e) {
			case '"': case '\'': case '\\':
				sc_buf_putc(&lx->sbuf, e);
				break;
			case 'n':
				sc_buf_putc(&lx->sbuf, '\n');
				break;
			default:
				if ((unsigned char)e >= 0x20 && (unsigned char)e < 0x7f)
					return sc_xerror(lx->err, col_of(p),
					                 "bad escape \"\\%c\" in "
					                 "string (use \\\", \\', "
					                 "\\\\ or \\n)", e);
				return sc_xerror(lx->err, col_of(p),
				                 "bad escape in string (use "
				                 "\\\", \\', \\\\ or \\n)");
			}
			p += 2;
			continue;
		}
		sc_buf_putc(&lx->sbuf, c);
		p++;
	}
	t->kind = XT_STRING;
	t->str = sc_buf_str(&lx->sbuf);
	t->slen = lx->sbuf.len;
	lx->pos = p + 1;
	return true;
}

/* Spellings from other languages get a hint rather than a bare "invalid". */
static bool
lex_invalid(struct xlexer *lx)
{
	const char *s = lx->src + lx->pos;
	size_t rest = lx->len - lx->pos;
	int col = col_of(lx->pos);
	static const struct {
		const char *bad, *good;
	} hints[] = {
		{"&&", "and"}, {"||", "or"}, {"!", "not"}, {"=", "=="},
		{"&", "and"}, {"|", "or"},
	};
	for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++) {
		size_t n = strlen(hints[i].bad);
		if (rest >= n && memcmp(s, hints[i].bad, n) == 0)
			return sc_xerror(lx->err, col,
			                 "invalid operator \"%s\"; write \"%s\"",
			                 hints[i].bad, hints[i].good);
	}
	unsigned char c = (unsigned char)*s;
	if (c > 0x20 && c < 0x7f)
		return sc_xerror(lx->err, col, "invalid character \"%c\"", c);
	size_t n = utf8_len((const unsigned char *)s, rest);
	if (n < 2)
		return sc_xerror(lx->err, col,
		                 "invalid character (byte 0x%02X)", c);
	/* Text pasted from a word processor brings typographic quotes and
	 * non-breaking spaces: name the plain character to use instead. */
	unsigned cp = utf8_decode((const unsigned char *)s, n);
	if (cp == 0xA0 || cp == 0x202F || cp == 0x2007)
		return sc_xerror(lx->err, col,
		                 "invalid character: a non-breaking space "
		                 "(U+%04X); use a plain space", cp);
	if (cp == 0x2018 || cp == 0x2019)
		return sc_xerror(lx->err, col,
		                 "invalid character \"%.*s\" (U+%04X); quote "
		                 "with a plain ' or \"", (int)n, s, cp);
	if (cp == 0x201C || cp == 0x201D)
		return sc_xerror(lx->err, col,
		                 "invalid character \"%.*s\" (U+%04X); quote "
		                 "with a plain \" or '", (int)n, s, cp);
	return sc_xerror(lx->err, col, "invalid character \"%.*s\" (U+%04X)",
	                 (int)n, s, cp);
}

bool
sc_xlex_next(struct xlexer *lx, struct xtoken *t)
{
	const char *s = lx->src;
	while (lx->pos < lx->len && (s[lx->pos] == ' ' || s[lx->pos] == '\t' ||
	                             s[lx->pos] == '\n' || s[lx->pos] == '\r'))
		lx->pos++;

	memset(t, 0, sizeof *t);
	size_t start = lx->pos;
	t->pos = start;
	t->col = col_of(start);
	if (start >= lx->len) {
		t->kind = XT_EOF;
		return true;
	}

	unsigned char c = (unsigned char)s[start];
	unsigned char d = start + 1 < lx->len ? (unsigned char)s[start + 1] : 0;
	bool ok = true;
	size_t two = 0; /* length of a one- or two-character operator */
	switch (c) {
	case '(': t->kind = XT_LPAREN; two = 1; break;
	case ')': t->kind = XT_RPAREN; two = 1; break;
	case '[': t->kind = XT_LBRACKET; two = 1; break;
	case ']': t->kind = XT_RBRACKET; two = 1; break;
	case ',': t->kind = XT_COMMA; two = 1; break;
	case '+': t->kind = XT_PLUS; two = 1; break;
	case '<':
		t->kind = d == '=' ? XT_LE : XT_LT;
		two = d == '=' ? 2 : 1;
		break;
	case '>':
		t->kind = d == '=' ? XT_GE : XT_GT;
		two = d == '=' ? 2 : 1;
		break;
	case '=':
		if (d != '=')
			return lex_invalid(lx);
		t->kind = XT_EQ;
		two = 2;
		break;
	case '!':
		if (d != '=')
			return lex_invalid(lx);
		t->kind = XT_NE;
		two = 2;
		break;
	case '"':
	case '\'':
		ok = lex_string(lx, t);
		break;
	default:
		if (c == '-' && lx->after_value) {
			/* After a value "-" subtracts: "d - 6m", "d -6m". */
			t->kind = XT_MINUS;
			two = 1;
		} else if (is_digit(c) || c == '-') {
			ok = lex_number(lx, t);
		} else if (is_name_start(c)) {
			size_t p = start;
			while (p < lx->len && is_name_char((unsigned char)s[p]))
				p++;
			t->kind = keyword(s + start, p - start);
			if (t->kind == XT_NAME && p - start <= 5) {
				/* "AND", "Not": ids are lower case, so these can
				 * only be keywords in the wrong case. */
				char low[6];
				for (size_t i = start; i < p; i++)
					low[i - start] = (char)(s[i] >= 'A' &&
					                        s[i] <= 'Z'
					                        ? s[i] - 'A' + 'a'
					                        : s[i]);
				enum xtok k = keyword(low, p - start);
				if (k != XT_NAME)
					return sc_xerror(lx->err, t->col,
					                 "\"%.*s\" must be written "
					                 "in lower case: \"%s\"",
					                 (int)(p - start), s + start,
					                 tok_text[k]);
			}
			sc_buf_reset(&lx->sbuf);
			sc_buf_add(&lx->sbuf, s + start, p - start);
			t->str = sc_buf_str(&lx->sbuf);
			t->slen = p - start;
			lx->pos = p;
		} else {
			return lex_invalid(lx);
		}
	}
	if (!ok)
		return false;
	lx->pos += two;
	t->len = lx->pos - start;
	switch (t->kind) {
	case XT_NUMBER: case XT_STRING: case XT_NAME: case XT_TRUE:
	case XT_FALSE: case XT_RPAREN: case XT_RBRACKET: case XT_DURATION:
		lx->after_value = true;
		break;
	default:
		lx->after_value = false;
		break;
	}
	return true;
}
