/* Reading what was typed at a question: trimming, numbers, choice numbers
 * and labels, and each question type's answer, with the reason when it
 * cannot be taken. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "plain_internal.h"

#include "socscope/date.h"

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Trim in place; returns the start of the trimmed text. */
char *
plain_trim(char *s)
{
	while (is_space(*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && is_space(s[n - 1]))
		s[--n] = '\0';
	return s;
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool
equals_nocase(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (lower(*a) != lower(*b))
			return false;
	return *a == *b;
}

/* A decimal number ("12", "-3", "2.5") parsed without the C library's
 * locale-dependent decimal point.  False for anything else. */
static bool
parse_number(const char *s, double *out)
{
	char digits[64];
	size_t nd = 0, frac = 0;
	bool neg = false, point = false;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	for (; *s; s++) {
		if (*s == '.' && !point) {
			point = true;
		} else if (*s >= '0' && *s <= '9') {
			if (nd + 1 >= sizeof digits)
				return false;
			digits[nd++] = *s;
			if (point)
				frac++;
		} else {
			return false;
		}
	}
	if (nd == 0)
		return false;
	digits[nd] = '\0';
	/* Digits alone are read the same in every locale; dividing by an
	 * exact power of ten then rounds once, correctly. */
	double v = strtod(digits, NULL), scale = 1;
	for (size_t i = 0; i < frac; i++)
		scale *= 10;
	*out = (neg ? -v : v) / scale;
	return true;
}

/* Parse a whole non-negative integer of at most 9 digits. */
bool
plain_parse_index(const char *s, size_t len, size_t *out)
{
	size_t v = 0;
	if (len == 0 || len > 9)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (size_t)(s[i] - '0');
	}
	*out = v;
	return true;
}

/* Characters in valid UTF-8 text; SIZE_MAX when it is not valid UTF-8. */
size_t
plain_utf8_length(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	while (*p) {
		unsigned c = *p;
		size_t more;
		unsigned min;
		if (c < 0x80) {
			more = 0, min = 0;
		} else if ((c & 0xe0) == 0xc0) {
			more = 1, min = 0x80, c &= 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			more = 2, min = 0x800, c &= 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			more = 3, min = 0x10000, c &= 0x07;
		} else {
			return SIZE_MAX;
		}
		p++;
		for (size_t i = 0; i < more; i++, p++) {
			if ((*p & 0xc0) != 0x80)
				return SIZE_MAX;
			c = (c << 6) | (*p & 0x3f);
		}
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return SIZE_MAX;
		n++;
	}
	return n;
}

/* Each parser fills `v` or writes the reason into `err`. */

static bool
parse_yesno(const struct sc_question *qn, const char *s, struct sc_answer *v,
            struct sc_buf *err)
{
	static const char *const yes[] = {"y", "yes", "true", NULL};
	static const char *const no[] = {"n", "no", "false", NULL};
	static const char *const unsure[] = {"u", "unsure", "not sure",
	                                     "don't know", NULL};
	for (size_t k = 0; yes[k]; k++)
		if (equals_nocase(s, yes[k])) {
			v->type = SC_A_BOOL;
			v->b = true;
			return true;
		}
	for (size_t k = 0; no[k]; k++)
		if (equals_nocase(s, no[k])) {
			v->type = SC_A_BOOL;
			v->b = false;
			return true;
		}
	for (size_t k = 0; unsure[k]; k++)
		if (equals_nocase(s, unsure[k])) {
			if (!qn->allow_unsure) {
				sc_buf_puts(err, "Answer y or n; this question "
				            "has no \"not sure\" answer");
				return false;
			}
			v->type = SC_A_UNSURE;
			return true;
		}
	sc_buf_printf(err, "%s; \"%s\" is not one of them",
	              qn->allow_unsure ? "Answer y, n or u" : "Answer y or n",
	              s);
	return false;
}

/* A choice by its number or, for scripts, by its id. */
static bool
find_choice(const struct sc_question *qn, const char *s, size_t len,
            size_t *out)
{
	size_t k;
	if (plain_parse_index(s, len, &k)) {
		if (k < 1 || k > qn->nchoices)
			return false;
		*out = k - 1;
		return true;
	}
	char *id = sc_xstrndup(s, len);
	int c = sc_question_find_choice(qn, id);
	free(id);
	if (c < 0)
		return false;
	*out = (size_t)c;
	return true;
}

static bool
parse_single(const struct sc_question *qn, const char *s, struct sc_answer *v,
             struct sc_buf *err)
{
	size_t c;
	if (!find_choice(qn, s, strlen(s), &c)) {
		plain_instruction(qn, err);
		sc_buf_printf(err, "; \"%s\" is not one of them", s);
		return false;
	}
	v->type = SC_A_CHOICE;
	v->choice = c;
	return true;
}

static bool
is_sep(char c)
{
	return c == ',' || is_space(c);
}

static bool
parse_multi(const struct sc_question *qn, const char *s, struct sc_answer *v,
            struct sc_buf *err)
{
	bool *on = sc_xcalloc(qn->nchoices ? qn->nchoices : 1, sizeof *on);
	bool zero = false, some = false, ok = false;
	/* With its own "None of these" choice, that choice is the one way to
	 * say none: 0 is not offered, and "none" stands alone. */
	int none = sc_session_none_choice(qn);

	for (const char *t = s; *t;) {
		while (*t && is_sep(*t))
			t++;
		if (!*t)
			break;
		const char *e = t;
		while (*e && !is_sep(*e))
			e++;
		size_t len = (size_t)(e - t), lo, hi;
		const char *dash = memchr(t, '-', len);
		if (len == 1 && *t == '0') {
			if (none >= 0) {
				sc_buf_printf(err, "Enter numbers between 1 and "
				              "%zu; if none of them applies, "
				              "enter %d (%s)", qn->nchoices,
				              none + 1, qn->choices[none].label);
				goto out;
			}
			zero = true;
		} else if (dash && plain_parse_index(t, (size_t)(dash - t), &lo) &&
		           plain_parse_index(dash + 1, len - (size_t)(dash - t) - 1,
		                             &hi)) {
			/* A range such as 2-5. */
			if (lo < 1 || hi > qn->nchoices || lo > hi) {
				sc_buf_printf(err, "Enter numbers between 1 "
				              "and %zu; \"%.*s\" is not a range "
				              "of them", qn->nchoices,
				              (int)len, t);
				goto out;
			}
			for (size_t k = lo; k <= hi; k++)
				on[k - 1] = true;
			some = true;
		} else {
			size_t c;
			if (!find_choice(qn, t, len, &c)) {
				sc_buf_printf(err, "Enter numbers between 1 "
				              "and %zu%s; \"%.*s\" is not one of "
				              "them", qn->nchoices,
				              none < 0 ? ", or 0 for none" : "",
				              (int)len, t);
				goto out;
			}
			on[c] = true;
			some = true;
		}
		t = e;
	}
	if (zero && some) {
		sc_buf_puts(err, "0 means none, so it cannot be combined with "
		            "other numbers");
		goto out;
	}
	if (none >= 0 && on[none]) {
		for (size_t k = 0; k < qn->nchoices; k++)
			if (on[k] && k != (size_t)none) {
				sc_buf_printf(err, "\"%s\" cannot be combined "
				              "with other choices; enter %d alone, "
				              "or leave it out",
				              qn->choices[none].label, none + 1);
				goto out;
			}
	}
	v->type = SC_A_CHOICES;
	v->nsel = 0;
	v->sel = sc_xcalloc(qn->nchoices ? qn->nchoices : 1, sizeof *v->sel);
	for (size_t k = 0; k < qn->nchoices; k++)
		if (on[k])
			v->sel[v->nsel++] = k;
	ok = true;
out:
	free(on);
	return ok;
}

static bool
parse_num(const struct sc_question *qn, const char *s, struct sc_answer *v,
          struct sc_buf *err)
{
	double x;
	if (!parse_number(s, &x)) {
		plain_instruction(qn, err);
		sc_buf_printf(err, "; \"%s\" is not a number", s);
		return false;
	}
	if ((qn->has_min && x < qn->min) || (qn->has_max && x > qn->max)) {
		plain_instruction(qn, err);
		sc_buf_printf(err, "; %s is %s", s, qn->has_min && x < qn->min
		              ? "too small" : "too large");
		return false;
	}
	v->type = SC_A_NUMBER;
	v->num = x;
	return true;
}

static bool
parse_text(const struct sc_question *qn, const char *s, struct sc_answer *v,
           struct sc_buf *err)
{
	size_t max = qn->max_length ? qn->max_length : TEXT_DEFAULT_MAX;
	size_t n = plain_utf8_length(s);
	if (n == SIZE_MAX) {
		sc_buf_puts(err, "That answer is not valid UTF-8 text; check "
		            "the terminal's character encoding");
		return false;
	}
	if (n > max) {
		sc_buf_printf(err, "That answer has %zu characters; the limit "
		              "is %zu", n, max);
		return false;
	}
	v->type = SC_A_TEXT;
	v->text = sc_xstrdup(s);
	return true;
}

/* A date as YYYY-MM-DD, or "today".  Other spellings are refused with the
 * form to use: 06/07/2026 is June 7 to some and July 6 to others. */
static bool
parse_date(const struct sc_question *qn, const char *s, struct sc_answer *v,
           struct sc_buf *err)
{
	sc_day day;
	const char *why = NULL;
	if (strcmp(s, "today") == 0) {
		day = sc_date_today();
	} else if (!sc_date_parse(s, &day, &why)) {
		plain_instruction(qn, err);
		if (strchr(s, '/') || strchr(s, '.'))
			sc_buf_printf(err, "; \"%s\" could be read two ways: "
			              "write the year first, YYYY-MM-DD", s);
		else
			sc_buf_printf(err, "; \"%s\" is not a date: %s", s, why);
		return false;
	}
	char lim[11];
	if (qn->has_min && (double)day < qn->min) {
		sc_date_format((sc_day)qn->min, lim);
		sc_buf_printf(err, "%s is too early: enter %s or later", s, lim);
		return false;
	}
	if (qn->has_max && (double)day > qn->max) {
		sc_date_format((sc_day)qn->max, lim);
		sc_buf_printf(err, "%s is too late: enter %s or earlier", s, lim);
		return false;
	}
	v->type = SC_A_DATE;
	v->day = day;
	return true;
}

bool
plain_parse_answer(const struct sc_question *qn, const char *s, struct sc_answer *v,
                   struct sc_buf *err)
{
	switch (qn->type) {
	case SC_Q_YESNO: return parse_yesno(qn, s, v, err);
	case SC_Q_SINGLE: return parse_single(qn, s, v, err);
	case SC_Q_MULTI: return parse_multi(qn, s, v, err);
	case SC_Q_NUMBER: return parse_num(qn, s, v, err);
	case SC_Q_TEXT: return parse_text(qn, s, v, err);
	case SC_Q_DATE: return parse_date(qn, s, v, err);
	}
	return false;
}
