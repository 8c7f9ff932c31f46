/* Answers: the answers set and the contract's YAML answers file (the values
 * themselves are value.c's). */
#include "socscope/answers.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

#include "socscope/date.h"
#include "socscope/fsutil.h"
#include "socscope/migrate.h"
#include "socscope/questionnaire.h"
#include "socscope/yamltree.h"

#include "migrate_internal.h"

/* The format's default for text questions without max_length. */
#define TEXT_MAX_DEFAULT 1000
#define FORMAT_VERSION 1

/* The YAML tree's default limits, except for one scalar: a text answer may
 * be 65536 characters (the format's largest max_length), which is up to four
 * times as many bytes. */
static struct sc_ylimits
answer_limits(void)
{
	struct sc_ylimits l = sc_ylimits_default;
	if (l.max_scalar < 4u * 65536)
		l.max_scalar = 4u * 65536;
	return l;
}

/* ---- UTF-8 ------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if invalid:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	size_t len;
	uint32_t cp, min;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		cp = c & 0x1f;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		cp = c & 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		cp = c & 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* Is s[0..n) valid UTF-8?  *chars gets the number of code points. */
static bool
utf8_check(const char *s, size_t n, size_t *chars)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t count = 0;
	for (size_t i = 0; i < n;) {
		size_t l = utf8_seq(p + i, n - i);
		if (l == 0)
			return false;
		i += l;
		count++;
	}
	if (chars)
		*chars = count;
	return true;
}

/* A copy of s with every invalid byte replaced by U+FFFD, so that text that
 * reached the answers by some other route can still be saved. */
static char *
utf8_sanitize(const char *s)
{
	struct sc_buf b = {0};
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		size_t l = utf8_seq(p + i, n - i);
		if (l == 0) {
			sc_buf_puts(&b, "\xef\xbf\xbd");
			i++;
		} else {
			sc_buf_add(&b, p + i, l);
			i += l;
		}
	}
	return sc_buf_steal(&b);
}

/* ---- numbers ----------------------------------------------------------- */

/* The shortest decimal text that reads back as exactly x, without an
 * exponent (YAML readers and people both read "1e+20" differently). */
static void
format_number(double x, struct sc_buf *out)
{
	char tmp[512];
	if (!isfinite(x)) {
		sc_buf_puts(out, "0");
		return;
	}
	if (x == 0) {
		sc_buf_puts(out, "0");
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(tmp, sizeof tmp, "%.*g", prec, x);
		if (strtod(tmp, NULL) == x)
			break;
	}
	char *e = strchr(tmp, 'e');
	if (e) {
		/* Rewrite m.mmme±X positionally with as many decimals as the
		 * significant digits need. */
		int exp10 = atoi(e + 1);
		int digits = 0;
		for (char *p = tmp; p < e; p++)
			if (*p >= '0' && *p <= '9')
				digits++;
		int decimals = digits - 1 - exp10;
		if (decimals < 0)
			decimals = 0;
		if (decimals > 340)
			decimals = 340;
		char *big = sc_xasprintf("%.*f", decimals, x);
		sc_buf_puts(out, big);
		free(big);
		return;
	}
	sc_buf_puts(out, tmp);
}

/* ---- values ------------------------------------------------------------ */

void
sc_answer_format(const struct sc_question *qn, const struct sc_answer *a,
                 struct sc_buf *out)
{
	switch (a->type) {
	case SC_A_NONE:
		break;
	case SC_A_BOOL:
		sc_buf_puts(out, a->b ? "Yes" : "No");
		break;
	case SC_A_UNSURE:
		sc_buf_puts(out, "Not sure");
		break;
	case SC_A_CHOICE:
		if (qn && a->choice < qn->nchoices)
			sc_buf_puts(out, qn->choices[a->choice].label);
		break;
	case SC_A_CHOICES: {
		bool first = true;
		for (size_t k = 0; k < a->nsel; k++) {
			if (!qn || a->sel[k] >= qn->nchoices)
				continue;
			if (!first)
				sc_buf_puts(out, ", ");
			sc_buf_puts(out, qn->choices[a->sel[k]].label);
			first = false;
		}
		break;
	}
	case SC_A_NUMBER:
		format_number(a->num, out);
		break;
	case SC_A_TEXT:
		sc_buf_puts(out, a->text ? a->text : "");
		break;
	case SC_A_DATE: {
		char d[11];
		sc_date_format(a->day, d);
		sc_buf_puts(out, d);
		break;
	}
	}
}

/* ---- the answers set --------------------------------------------------- */

struct sc_answers *
sc_answers_new(const struct sc_questionnaire *q)
{
	struct sc_answers *a = sc_xcalloc(1, sizeof *a);
	a->q = q;
	a->v = sc_xcalloc(q->nquestions, sizeof *a->v);
	a->notes = sc_xcalloc(q->nquestions, sizeof *a->notes);
	return a;
}

/* Free everything a holds but the struct and its arrays' shape. */
static void
answers_clear(struct sc_answers *a)
{
	for (size_t i = 0; i < a->q->nquestions; i++) {
		sc_answer_clear(&a->v[i]);
		free(a->notes[i]);
		a->notes[i] = NULL;
	}
	free(a->client);
	free(a->assessor);
	free(a->firm);
	free(a->updated);
	free(a->questionnaire_version);
	a->client = a->assessor = a->firm = a->updated =
		a->questionnaire_version = NULL;
	sc_migrated_free(a->migrated);
	a->migrated = NULL;
	for (size_t i = 0; i < a->nactions; i++) {
		free(a->actions[i].gap);
		free(a->actions[i].owner);
	}
	free(a->actions);
	a->actions = NULL;
	a->nactions = 0;
}

void
sc_answers_free(struct sc_answers *a)
{
	if (!a)
		return;
	answers_clear(a);
	free(a->v);
	free(a->notes);
	free(a);
}

struct sc_answers *
sc_answers_clone(const struct sc_answers *a)
{
	if (!a)
		return NULL;
	struct sc_answers *c = sc_answers_new(a->q);
	for (size_t i = 0; i < a->q->nquestions; i++) {
		sc_answer_copy(&c->v[i], &a->v[i]);
		c->notes[i] = sc_xstrdup(a->notes[i]);
	}
	c->client = sc_xstrdup(a->client);
	c->assessor = sc_xstrdup(a->assessor);
	c->firm = sc_xstrdup(a->firm);
	c->updated = sc_xstrdup(a->updated);
	c->questionnaire_version = sc_xstrdup(a->questionnaire_version);
	c->migrated = sc_migrated_clone(a->migrated);
	for (size_t i = 0; i < a->nactions; i++) {
		const struct sc_action *x = &a->actions[i];
		sc_answers_set_action(c, x->gap, x->owner,
		                      x->has_due ? &x->due : NULL);
	}
	return c;
}

/* NULL and "" are both "none", as the setters and the file treat them. */
static bool
same_text(const char *x, const char *y)
{
	if (!x || !*x)
		return !y || !*y;
	return y && strcmp(x, y) == 0;
}

bool
sc_answers_same(const struct sc_answers *a, const struct sc_answers *b)
{
	if (a == b)
		return true;
	if (!a || !b || a->q != b->q)
		return false;
	for (size_t i = 0; i < a->q->nquestions; i++)
		if (!sc_answer_equal(&a->v[i], &b->v[i]) ||
		    !same_text(a->notes[i], b->notes[i]))
			return false;
	/* The same actions, in any order. */
	if (a->nactions != b->nactions)
		return false;
	for (size_t i = 0; i < a->nactions; i++) {
		const struct sc_action *x = &a->actions[i];
		const struct sc_action *y = sc_answers_action(b, x->gap);
		if (!y || !same_text(x->owner, y->owner) ||
		    x->has_due != y->has_due || (x->has_due && x->due != y->due))
			return false;
	}
	return same_text(a->client, b->client) &&
	       same_text(a->assessor, b->assessor) &&
	       same_text(a->firm, b->firm);
}

bool
sc_questionnaire_has_gap(const struct sc_questionnaire *q, const char *gap)
{
	for (size_t r = 0; gap && r < q->nrules; r++)
		if (q->rules[r].gap && q->rules[r].gap->id &&
		    strcmp(q->rules[r].gap->id, gap) == 0)
			return true;
	return false;
}

const struct sc_action *
sc_answers_action(const struct sc_answers *a, const char *gap)
{
	for (size_t i = 0; a && gap && i < a->nactions; i++)
		if (strcmp(a->actions[i].gap, gap) == 0)
			return &a->actions[i];
	return NULL;
}

#define OWNER_MAX 200

static char *
trim_spaces(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

bool
sc_action_parse(const char *text, char **owner, bool *has_due, long *due,
                char **err)
{
	char *copy = sc_xstrdup(text ? text : "");
	char *who = trim_spaces(copy), *date = NULL;
	char *comma = strrchr(who, ',');
	char *tail = trim_spaces(comma ? comma + 1 : who);
	*owner = NULL;
	*has_due = false;
	*due = 0;
	*err = NULL;
	/* What starts with a digit and holds a dash, a slash or a dot is
	 * meant as a date ("03/31/2027" is refused, not taken as a name). */
	if (*tail >= '0' && *tail <= '9' &&
	    (strchr(tail, '-') || strchr(tail, '/') || strchr(tail, '.'))) {
		date = tail;
		if (comma)
			*comma = '\0';
		else
			who = (char *)"";
		who = comma ? trim_spaces(who) : who;
	}
	if (date) {
		sc_day day;
		const char *why = NULL;
		if (strchr(date, '/') || strchr(date, '.')) {
			*err = sc_xasprintf("\"%s\" could be read two ways: write "
			                    "the date as YYYY-MM-DD after a comma",
			                    date);
			free(copy);
			return false;
		}
		if (!sc_date_parse(date, &day, &why)) {
			*err = sc_xasprintf("\"%s\" is not a date: %s; write it as "
			                    "YYYY-MM-DD after a comma", date,
			                    why ? why : "use YYYY-MM-DD");
			free(copy);
			return false;
		}
		*has_due = true;
		*due = day;
	}
	if (*who)
		*owner = sc_xstrdup(who);
	free(copy);
	return true;
}

bool
sc_answers_set_action(struct sc_answers *a, const char *gap,
                      const char *owner, const long *due)
{
	if (!a || !sc_questionnaire_has_gap(a->q, gap))
		return false;
	if (owner && !*owner)
		owner = NULL;
	size_t chars = 0;
	if (owner && (!utf8_check(owner, strlen(owner), &chars) ||
	              chars > OWNER_MAX))
		return false;
	if (due && (*due < SC_DAY_MIN || *due > SC_DAY_MAX))
		return false;
	struct sc_action *x = (struct sc_action *)sc_answers_action(a, gap);
	if (!owner && !due) {
		if (x) {
			free(x->gap);
			free(x->owner);
			*x = a->actions[--a->nactions];
		}
		return true;
	}
	if (!x) {
		a->actions = sc_xrealloc(a->actions,
		                         (a->nactions + 1) * sizeof *a->actions);
		x = &a->actions[a->nactions++];
		memset(x, 0, sizeof *x);
		x->gap = sc_xstrdup(gap);
	}
	free(x->owner);
	x->owner = owner ? sc_xstrdup(owner) : NULL;
	x->has_due = due != NULL;
	x->due = due ? *due : 0;
	return true;
}

static size_t
text_max(const struct sc_question *qn)
{
	return qn->max_length ? qn->max_length : TEXT_MAX_DEFAULT;
}

/* Does v fit question qn?  The one check shared by the setter and, through
 * the same rules, the loader's messages. */
static bool
answer_fits(const struct sc_question *qn, const struct sc_answer *v)
{
	switch (v->type) {
	case SC_A_NONE:
		return true;
	case SC_A_BOOL:
		return qn->type == SC_Q_YESNO;
	case SC_A_UNSURE:
		return qn->type == SC_Q_YESNO && qn->allow_unsure;
	case SC_A_CHOICE:
		return qn->type == SC_Q_SINGLE && v->choice < qn->nchoices;
	case SC_A_CHOICES:
		if (qn->type != SC_Q_MULTI || (v->nsel && !v->sel))
			return false;
		for (size_t k = 0; k < v->nsel; k++) {
			if (v->sel[k] >= qn->nchoices)
				return false;
			if (k > 0 && v->sel[k] <= v->sel[k - 1])
				return false;
		}
		return true;
	case SC_A_NUMBER:
		if (qn->type != SC_Q_NUMBER || !isfinite(v->num))
			return false;
		if (qn->has_min && v->num < qn->min)
			return false;
		if (qn->has_max && v->num > qn->max)
			return false;
		return true;
	case SC_A_TEXT: {
		if (qn->type != SC_Q_TEXT || !v->text)
			return false;
		size_t chars;
		if (!utf8_check(v->text, strlen(v->text), &chars))
			return false;
		return chars <= text_max(qn);
	}
	case SC_A_DATE:
		if (qn->type != SC_Q_DATE || v->day < SC_DAY_MIN ||
		    v->day > SC_DAY_MAX)
			return false;
		if (qn->has_min && (double)v->day < qn->min)
			return false;
		if (qn->has_max && (double)v->day > qn->max)
			return false;
		return true;
	}
	return false;
}

bool
sc_answers_set(struct sc_answers *a, size_t question,
               const struct sc_answer *v)
{
	if (!a || !v || question >= a->q->nquestions)
		return false;
	if (!answer_fits(&a->q->questions[question], v))
		return false;
	sc_answer_copy(&a->v[question], v);
	return true;
}

void
sc_answers_unset(struct sc_answers *a, size_t question)
{
	if (a && question < a->q->nquestions)
		sc_answer_clear(&a->v[question]);
}

void
sc_answers_set_note(struct sc_answers *a, size_t question, const char *note)
{
	if (!a || question >= a->q->nquestions)
		return;
	free(a->notes[question]);
	a->notes[question] = note && *note ? utf8_sanitize(note) : NULL;
}

/* ---- loading ----------------------------------------------------------- */

struct loader {
	const char *file;
	struct sc_diags *d;
	size_t start; /* problems already in d before this file */
};

#define err_at(L, n, ...) sc_ydiag((L)->d, (L)->file, (n), __VA_ARGS__)

/* Did this file have any problem?  Counted from the list itself, so every
 * way of reporting one counts, not only err_at. */
static bool
loader_failed(const struct loader *L)
{
	return L->d->n + L->d->dropped > L->start;
}

/* How a node reads in a message: a scalar in quotes (shortened), otherwise
 * "a list" / "a mapping". */
static char *
describe(const struct sc_ynode *n)
{
	if (!n || n->kind != SC_Y_SCALAR)
		return sc_xstrdup(sc_ynode_kind_name(n));
	if (sc_ynode_is_null(n) && !n->quoted)
		return sc_xstrdup("nothing");
	struct sc_buf b = {0};
	sc_buf_putc(&b, '"');
	size_t shown = 0;
	for (size_t i = 0; i < n->len && shown < 40; i++, shown++) {
		unsigned char c = (unsigned char)n->str[i];
		if (c == '\n')
			sc_buf_puts(&b, "\\n");
		else if (c < 0x20 || c == 0x7f)
			sc_buf_printf(&b, "\\x%02x", c);
		else
			sc_buf_putc(&b, (char)c);
	}
	if (shown < n->len) {
		/* Do not cut a UTF-8 sequence in half. */
		while (b.len > 1 &&
		       ((unsigned char)b.data[b.len - 1] & 0xc0) == 0x80)
			b.len--;
		if (b.len > 1 && (unsigned char)b.data[b.len - 1] >= 0xc0)
			b.len--;
		b.data[b.len] = '\0';
		sc_buf_puts(&b, "...");
	}
	sc_buf_putc(&b, '"');
	return sc_buf_steal(&b);
}

/* Levenshtein distance, capped: ids are at most 64 characters. */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return SIZE_MAX;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The question id closest to `id`, when close enough to be a typo. */
static const char *
closest_question(const struct sc_questionnaire *q, const char *id)
{
	const char *best = NULL;
	size_t bestd = SIZE_MAX;
	size_t limit = strlen(id) / 3;
	if (limit < 1)
		limit = 1;
	if (limit > 3)
		limit = 3;
	for (size_t i = 0; i < q->nquestions; i++) {
		size_t dist = edit_distance(id, q->questions[i].id);
		if (dist < bestd) {
			bestd = dist;
			best = q->questions[i].id;
		}
	}
	return bestd <= limit ? best : NULL;
}

static const struct sc_question *
find_question(struct loader *L, const struct sc_questionnaire *q,
              const struct sc_ynode *key, const char *what)
{
	const char *id = sc_ynode_str(key);
	const struct sc_question *qn = id ? sc_questionnaire_find(q, id) : NULL;
	if (qn)
		return qn;
	char *shown = describe(key);
	const char *near = id ? closest_question(q, id) : NULL;
	if (near)
		err_at(L, key, "%s unknown question %s; did you mean \"%s\"?",
		       what, shown, near);
	else
		err_at(L, key, "%s unknown question %s in questionnaire \"%s\"",
		       what, shown, q->id);
	free(shown);
	return NULL;
}

static void
list_choices(const struct sc_question *qn, struct sc_buf *b)
{
	for (size_t i = 0; i < qn->nchoices; i++) {
		if (i > 0)
			sc_buf_puts(b, ", ");
		sc_buf_puts(b, qn->choices[i].id);
	}
}

/* A choice id node: its index, or -1 after reporting. */
static int
load_choice(struct loader *L, const struct sc_question *qn,
            const struct sc_ynode *n)
{
	const char *id = n->kind == SC_Y_SCALAR ? sc_ynode_str(n) : NULL;
	if (!id || (sc_ynode_is_null(n) && !n->quoted)) {
		char *shown = describe(n);
		err_at(L, n, "question \"%s\" expects a choice id, found %s",
		       qn->id, shown);
		free(shown);
		return -1;
	}
	int c = strlen(id) == n->len ? sc_question_find_choice(qn, id) : -1;
	if (c < 0) {
		struct sc_buf b = {0};
		list_choices(qn, &b);
		char *shown = describe(n);
		err_at(L, n,
		       "unknown choice %s for question \"%s\"; expected one "
		       "of: %s",
		       shown, qn->id, sc_buf_str(&b));
		free(shown);
		sc_buf_fini(&b);
	}
	return c;
}

static int
cmp_size(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	return a < b ? -1 : a > b;
}

/* A text scalar's value: valid UTF-8, no NUL, within `max` characters
 * (0 = no limit).  NULL after reporting. */
static char *
load_text(struct loader *L, const struct sc_ynode *n, size_t max,
          const char *what)
{
	if (n->kind != SC_Y_SCALAR) {
		err_at(L, n, "%s: expected text, found %s", what,
		       sc_ynode_kind_name(n));
		return NULL;
	}
	if (strlen(n->str) != n->len) {
		err_at(L, n, "%s: text contains a NUL character", what);
		return NULL;
	}
	size_t chars;
	if (!utf8_check(n->str, n->len, &chars)) {
		err_at(L, n, "%s: invalid UTF-8", what);
		return NULL;
	}
	if (max && chars > max) {
		err_at(L, n,
		       "%s: text is %zu characters long; at most %zu allowed",
		       what, chars, max);
		return NULL;
	}
	return sc_xstrndup(n->str, n->len);
}

/* One answer value for question qn into *out.  False after reporting. */
static bool
load_value(struct loader *L, const struct sc_question *qn,
           const struct sc_ynode *n, struct sc_answer *out)
{
	memset(out, 0, sizeof *out);
	/* "q:" or "q: ~" leaves the question unanswered, as if absent. */
	if (n->kind == SC_Y_SCALAR && !n->quoted && sc_ynode_is_null(n)) {
		out->type = SC_A_NONE;
		return true;
	}
	char *shown = NULL;
	bool ok = false;
	switch (qn->type) {
	case SC_Q_YESNO: {
		bool b;
		if (sc_ynode_bool(n, &b)) {
			out->type = SC_A_BOOL;
			out->b = b;
			ok = true;
			break;
		}
		const char *s = sc_ynode_str(n);
		if (s && strcmp(s, "unsure") == 0) {
			if (qn->allow_unsure) {
				out->type = SC_A_UNSURE;
				ok = true;
			} else {
				err_at(L, n,
				       "question \"%s\" does not offer "
				       "\"unsure\"; expected true or false",
				       qn->id);
			}
			break;
		}
		shown = describe(n);
		err_at(L, n, "question \"%s\" is yes/no: expected %s, found %s",
		       qn->id,
		       qn->allow_unsure ? "true, false or unsure"
		                        : "true or false",
		       shown);
		break;
	}
	case SC_Q_SINGLE: {
		if (n->kind != SC_Y_SCALAR) {
			err_at(L, n,
			       "question \"%s\" is single choice: expected one "
			       "choice id, found %s",
			       qn->id, sc_ynode_kind_name(n));
			break;
		}
		int c = load_choice(L, qn, n);
		if (c >= 0) {
			out->type = SC_A_CHOICE;
			out->choice = (size_t)c;
			ok = true;
		}
		break;
	}
	case SC_Q_MULTI: {
		if (n->kind != SC_Y_SEQ) {
			shown = describe(n);
			err_at(L, n,
			       "question \"%s\" is multiple choice: expected a "
			       "list of choice ids, found %s",
			       qn->id, shown);
			break;
		}
		size_t *sel = sc_xcalloc(n->n, sizeof *sel);
		const struct sc_ynode **first =
			sc_xcalloc(qn->nchoices, sizeof *first);
		size_t nsel = 0;
		ok = true;
		for (size_t i = 0; i < n->n; i++) {
			const struct sc_ynode *it = n->items[i];
			int c = load_choice(L, qn, it);
			if (c < 0) {
				ok = false;
				continue;
			}
			if (first[c]) {
				err_at(L, it,
				       "choice \"%s\" is listed twice for "
				       "question \"%s\" (first at line %d)",
				       qn->choices[c].id, qn->id, first[c]->line);
				ok = false;
				continue;
			}
			first[c] = it;
			sel[nsel++] = (size_t)c;
		}
		free(first);
		if (!ok) {
			free(sel);
			break;
		}
		qsort(sel, nsel, sizeof *sel, cmp_size);
		out->type = SC_A_CHOICES;
		out->sel = sel;
		out->nsel = nsel;
		if (nsel == 0) {
			free(sel);
			out->sel = NULL;
		}
		break;
	}
	case SC_Q_NUMBER: {
		double x;
		if (!sc_ynode_number(n, &x) || !isfinite(x)) {
			shown = describe(n);
			err_at(L, n,
			       "question \"%s\" expects a number, found %s",
			       qn->id, shown);
			break;
		}
		struct sc_buf b = {0};
		if (qn->has_min && x < qn->min) {
			format_number(qn->min, &b);
			err_at(L, n,
			       "%s is below the minimum %s for question \"%s\"",
			       n->str, sc_buf_str(&b), qn->id);
		} else if (qn->has_max && x > qn->max) {
			format_number(qn->max, &b);
			err_at(L, n,
			       "%s is above the maximum %s for question \"%s\"",
			       n->str, sc_buf_str(&b), qn->id);
		} else {
			out->type = SC_A_NUMBER;
			out->num = x;
			ok = true;
		}
		sc_buf_fini(&b);
		break;
	}
	case SC_Q_TEXT: {
		/* A plain `12` or `true` for a text question is that text:
		 * the question's type says what it means. */
		char *what = sc_xasprintf("question \"%s\"", qn->id);
		char *t = load_text(L, n, text_max(qn), what);
		free(what);
		if (t) {
			out->type = SC_A_TEXT;
			out->text = t;
			ok = true;
		}
		break;
	}
	case SC_Q_DATE: {
		sc_day day;
		const char *why = NULL;
		char lim[11];
		if (n->kind != SC_Y_SCALAR ||
		    !sc_date_parse(sc_ynode_str(n), &day, &why)) {
			shown = describe(n);
			err_at(L, n,
			       "question \"%s\" expects a date (YYYY-MM-DD), "
			       "found %s%s%s",
			       qn->id, shown, why && n->kind == SC_Y_SCALAR ? ": "
			                                                 : "",
			       why && n->kind == SC_Y_SCALAR ? why : "");
		} else if (qn->has_min && (double)day < qn->min) {
			sc_date_format((sc_day)qn->min, lim);
			err_at(L, n, "%s is before the earliest date %s for "
			             "question \"%s\"",
			       n->str, lim, qn->id);
		} else if (qn->has_max && (double)day > qn->max) {
			sc_date_format((sc_day)qn->max, lim);
			err_at(L, n, "%s is after the latest date %s for "
			             "question \"%s\"",
			       n->str, lim, qn->id);
		} else {
			out->type = SC_A_DATE;
			out->day = day;
			ok = true;
		}
		break;
	}
	}
	free(shown);
	return ok;
}

static const char *const top_keys[] = {
	"socscope", "questionnaire", "questionnaire_version", "client",
	"assessor", "firm",          "updated",               "answers",
	"notes",    "actions",       NULL,
};

/* "YYYY-MM-DDTHH:MM:SSZ" with plausible fields. */
static bool
is_utc_stamp(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	if (strlen(s) != sizeof shape - 1)
		return false;
	for (size_t i = 0; shape[i]; i++) {
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9')
		                    : s[i] != shape[i])
			return false;
	}
	int mo = atoi(s + 5), d = atoi(s + 8), h = atoi(s + 11),
	    mi = atoi(s + 14), se = atoi(s + 17);
	return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 &&
	       mi <= 59 && se <= 60;
}

/* Optional metadata text: NULL when absent or null. */
static char *
load_meta(struct loader *L, const struct sc_ynode *root, const char *key)
{
	const struct sc_ynode *n = sc_ymap_get(root, key);
	if (!n)
		return NULL;
	if (n->kind == SC_Y_SCALAR && !n->quoted && sc_ynode_is_null(n))
		return NULL;
	if (n->kind != SC_Y_SCALAR) {
		err_at(L, n, "\"%s\" must be text, found %s", key,
		       sc_ynode_kind_name(n));
		return NULL;
	}
	char *what = sc_xasprintf("\"%s\"", key);
	char *t = load_text(L, n, 0, what);
	free(what);
	return t;
}

/* Check the header keys; true when the answers may be checked against q
 * (the file is for this questionnaire). */
static bool
load_header(struct loader *L, const struct sc_ynode *root,
            const struct sc_questionnaire *q, struct sc_answers *tmp)
{
	for (size_t i = 0; i < root->n; i++) {
		const struct sc_ynode *k = root->keys[i];
		const char *ks = sc_ynode_str(k);
		bool known = false;
		for (size_t j = 0; ks && top_keys[j]; j++)
			if (strcmp(ks, top_keys[j]) == 0)
				known = true;
		if (!known) {
			char *shown = describe(k);
			err_at(L, k,
			       "unknown key %s in the answers file; expected "
			       "one of: socscope, questionnaire, "
			       "questionnaire_version, client, assessor, "
			       "firm, updated, answers, notes, actions",
			       shown);
			free(shown);
		}
	}

	const struct sc_ynode *v = sc_ymap_get(root, "socscope");
	long long ver;
	if (!v)
		err_at(L, root,
		       "not a socscope answers file: \"socscope: %d\" (the "
		       "format version) is missing",
		       FORMAT_VERSION);
	else if (!sc_ynode_int(v, &ver) || ver != FORMAT_VERSION) {
		char *shown = describe(v);
		err_at(L, v,
		       "unsupported answers format version %s; this socscope "
		       "reads version %d",
		       shown, FORMAT_VERSION);
		free(shown);
	}

	bool same = true;
	const struct sc_ynode *qid = sc_ymap_get(root, "questionnaire");
	if (!qid) {
		err_at(L, root,
		       "\"questionnaire\" is missing: the id of the "
		       "questionnaire answered");
	} else if (qid->kind != SC_Y_SCALAR ||
	           (sc_ynode_is_null(qid) && !qid->quoted)) {
		char *shown = describe(qid);
		err_at(L, qid, "\"questionnaire\" must be an id, found %s",
		       shown);
		free(shown);
	} else if (strcmp(qid->str, q->id) != 0) {
		char *shown = describe(qid);
		err_at(L, qid,
		       "these answers are for questionnaire %s, not \"%s\"",
		       shown, q->id);
		free(shown);
		same = false;
	}

	tmp->questionnaire_version =
		load_meta(L, root, "questionnaire_version");
	tmp->client = load_meta(L, root, "client");
	tmp->assessor = load_meta(L, root, "assessor");
	tmp->firm = load_meta(L, root, "firm");
	const struct sc_ynode *up = sc_ymap_get(root, "updated");
	tmp->updated = load_meta(L, root, "updated");
	if (tmp->updated && !is_utc_stamp(tmp->updated)) {
		char *shown = describe(up);
		err_at(L, up,
		       "\"updated\" must be a UTC time like "
		       "2026-11-22T10:15:00Z, found %s",
		       shown);
		free(shown);
	}
	return same;
}

static void
load_answers_map(struct loader *L, const struct sc_ynode *root,
                 struct sc_answers *tmp)
{
	const struct sc_ynode *m = sc_ymap_get(root, "answers");
	if (!m || (m->kind == SC_Y_SCALAR && !m->quoted && sc_ynode_is_null(m)))
		return;
	if (m->kind != SC_Y_MAP) {
		err_at(L, m,
		       "\"answers\" must be a mapping of question ids to "
		       "answers, found %s",
		       sc_ynode_kind_name(m));
		return;
	}
	for (size_t i = 0; i < m->n; i++) {
		const struct sc_question *qn =
			find_question(L, tmp->q, m->keys[i], "answer to");
		if (!qn)
			continue;
		struct sc_answer v;
		if (load_value(L, qn, m->items[i], &v)) {
			sc_answer_clear(&tmp->v[qn->index]);
			tmp->v[qn->index] = v;
		}
	}
}

static void
load_notes_map(struct loader *L, const struct sc_ynode *root,
               struct sc_answers *tmp)
{
	const struct sc_ynode *m = sc_ymap_get(root, "notes");
	if (!m || (m->kind == SC_Y_SCALAR && !m->quoted && sc_ynode_is_null(m)))
		return;
	if (m->kind != SC_Y_MAP) {
		err_at(L, m,
		       "\"notes\" must be a mapping of question ids to text, "
		       "found %s",
		       sc_ynode_kind_name(m));
		return;
	}
	for (size_t i = 0; i < m->n; i++) {
		const struct sc_question *qn =
			find_question(L, tmp->q, m->keys[i], "note for");
		if (!qn)
			continue;
		const struct sc_ynode *n = m->items[i];
		if (n->kind == SC_Y_SCALAR && !n->quoted && sc_ynode_is_null(n))
			continue;
		char *what = sc_xasprintf("note for \"%s\"", qn->id);
		char *t = load_text(L, n, 0, what);
		free(what);
		if (t && *t) {
			free(tmp->notes[qn->index]);
			tmp->notes[qn->index] = t;
		} else {
			free(t);
		}
	}
}

/* Say, on the problems a migrated file's answers just had, that they were
 * saved under an older version: each fits neither form. */
static void
mark_migrated(struct loader *L, size_t from, const char *old, const char *now)
{
	for (size_t i = from; i < L->d->n; i++) {
		char *m = sc_xasprintf("%s (saved under questionnaire %s; its "
		                       "migration to %s does not turn it into "
		                       "an answer of %s)",
		                       L->d->v[i].msg, old, now, now);
		free(L->d->v[i].msg);
		L->d->v[i].msg = m;
	}
}

/* The day answers were saved, from `updated` (today when it is missing). */
static sc_day
saved_day(const char *updated, bool *known)
{
	sc_day day;
	char d[11];
	*known = false;
	if (updated && strlen(updated) >= 10) {
		memcpy(d, updated, 10);
		d[10] = '\0';
		if (sc_date_parse(d, &day, NULL)) {
			*known = true;
			return day;
		}
	}
	return sc_date_today();
}

/* Read the answers and notes of a file saved under an older version, as
 * they stand, run the migrations `chain` over them, then read each as an
 * answer of this version. */
static void
load_migrated(struct loader *L, const struct sc_ynode *root,
              struct sc_answers *tmp, const size_t *chain, size_t n)
{
	const struct sc_questionnaire *q = tmp->q;
	struct mig_state st = {.file = L->file, .d = L->d};
	st.saved = saved_day(tmp->updated, &st.saved_known);
	st.rep = sc_xcalloc(1, sizeof *st.rep);
	st.rep->from = sc_xstrdup(tmp->questionnaire_version);
	st.rep->to = sc_xstrdup(q->version);

	const struct sc_ynode *m = sc_ymap_get(root, "answers");
	if (m && m->kind == SC_Y_MAP) {
		for (size_t i = 0; i < m->n; i++) {
			const char *id = sc_ynode_str(m->keys[i]);
			if (id)
				mig_add(&st, id, m->items[i], m->keys[i], NULL);
		}
	} else if (m && !(m->kind == SC_Y_SCALAR && !m->quoted &&
	                  sc_ynode_is_null(m))) {
		err_at(L, m,
		       "\"answers\" must be a mapping of question ids to "
		       "answers, found %s",
		       sc_ynode_kind_name(m));
	}
	const struct sc_ynode *nm = sc_ymap_get(root, "notes");
	if (nm && nm->kind == SC_Y_MAP) {
		for (size_t i = 0; i < nm->n; i++) {
			const char *id = sc_ynode_str(nm->keys[i]);
			const struct sc_ynode *v = nm->items[i];
			if (!id || (v->kind == SC_Y_SCALAR && !v->quoted &&
			            sc_ynode_is_null(v)))
				continue;
			char *what = sc_xasprintf("note for \"%s\"", id);
			char *t = load_text(L, v, 0, what);
			free(what);
			if (t && *t)
				mig_add(&st, id, NULL, nm->keys[i], t);
			free(t);
		}
	} else if (nm && !(nm->kind == SC_Y_SCALAR && !nm->quoted &&
	                   sc_ynode_is_null(nm))) {
		err_at(L, nm,
		       "\"notes\" must be a mapping of question ids to text, "
		       "found %s",
		       sc_ynode_kind_name(nm));
	}

	if (mig_apply(q, chain, n, &st)) {
		for (size_t i = 0; i < st.n; i++) {
			const struct mig_raw *r = &st.v[i];
			/* Split into other questions: nothing of it is left. */
			if (!r->val && !r->note)
				continue;
			struct sc_ynode key = {.kind = SC_Y_SCALAR,
			                       .line = r->pos ? r->pos->line : 0,
			                       .col = r->pos ? r->pos->col : 0,
			                       .str = r->id, .len = strlen(r->id)};
			size_t before = L->d->n;
			const struct sc_question *qn =
				find_question(L, q, &key, r->val ? "answer to"
				                                 : "note for");
			if (qn && r->val) {
				struct sc_answer v;
				if (load_value(L, qn, r->val, &v)) {
					sc_answer_clear(&tmp->v[qn->index]);
					tmp->v[qn->index] = v;
				}
			}
			if (qn && r->note) {
				free(tmp->notes[qn->index]);
				tmp->notes[qn->index] = sc_xstrdup(r->note);
			}
			mark_migrated(L, before, st.rep->from, st.rep->to);
		}
	}
	tmp->migrated = st.rep;
	st.rep = NULL;
	mig_fini(&st);
}

/* actions: {GAP: {owner: TEXT, due: YYYY-MM-DD}} */
static void
load_actions(struct loader *L, const struct sc_ynode *root,
             struct sc_answers *tmp)
{
	const struct sc_ynode *m = sc_ymap_get(root, "actions");
	if (!m || (m->kind == SC_Y_SCALAR && !m->quoted && sc_ynode_is_null(m)))
		return;
	if (m->kind != SC_Y_MAP) {
		err_at(L, m,
		       "\"actions\" must be a mapping of gap ids to an owner and "
		       "a due date, found %s",
		       sc_ynode_kind_name(m));
		return;
	}
	for (size_t i = 0; i < m->n; i++) {
		const struct sc_ynode *k = m->keys[i], *v = m->items[i];
		const char *gap = sc_ynode_str(k);
		if (!gap || !sc_questionnaire_has_gap(tmp->q, gap)) {
			char *shown = describe(k);
			err_at(L, k, "action for unknown gap %s in questionnaire "
			             "\"%s\"",
			       shown, tmp->q->id);
			free(shown);
			continue;
		}
		if (v->kind != SC_Y_MAP) {
			err_at(L, v, "the action for gap \"%s\" must be a mapping "
			             "with owner and due, found %s",
			       gap, sc_ynode_kind_name(v));
			continue;
		}
		char *owner = NULL;
		long due = 0;
		bool has_due = false, ok = true;
		for (size_t j = 0; j < v->n; j++) {
			const char *key = sc_ynode_str(v->keys[j]);
			const struct sc_ynode *x = v->items[j];
			if (key && strcmp(key, "owner") == 0) {
				char *what = sc_xasprintf("owner of gap \"%s\"", gap);
				free(owner);
				owner = load_text(L, x, OWNER_MAX, what);
				free(what);
				ok = ok && owner;
			} else if (key && strcmp(key, "due") == 0) {
				const char *why = NULL;
				sc_day d;
				if (x->kind != SC_Y_SCALAR ||
				    !sc_date_parse(sc_ynode_str(x), &d, &why)) {
					char *shown = describe(x);
					err_at(L, x, "due date of gap \"%s\": expected a "
					             "date (YYYY-MM-DD), found %s",
					       gap, shown);
					free(shown);
					ok = false;
				} else {
					due = d;
					has_due = true;
				}
			} else {
				char *shown = describe(v->keys[j]);
				err_at(L, v->keys[j], "unknown key %s in the action for "
				                      "gap \"%s\"; expected owner or due",
				       shown, gap);
				free(shown);
				ok = false;
			}
		}
		if (ok)
			sc_answers_set_action(tmp, gap, owner, has_due ? &due : NULL);
		free(owner);
	}
}

/* Swap the loaded contents into a (both share a->q). */
static void
answers_take(struct sc_answers *a, struct sc_answers *tmp)
{
	answers_clear(a);
	free(a->v);
	free(a->notes);
	a->v = tmp->v;
	a->notes = tmp->notes;
	a->client = tmp->client;
	a->assessor = tmp->assessor;
	a->firm = tmp->firm;
	a->updated = tmp->updated;
	a->questionnaire_version = tmp->questionnaire_version;
	a->migrated = tmp->migrated;
	a->actions = tmp->actions;
	a->nactions = tmp->nactions;
	free(tmp);
}

static enum sc_status
load_doc(struct sc_answers *a, struct sc_ydoc *doc, struct sc_diags *d)
{
	struct loader L = {.file = doc->file, .d = d, .start = d->n + d->dropped};
	const struct sc_ynode *root = doc->root;
	if (!root) {
		sc_diags_add(d, doc->file, 1, 1,
		             "empty answers file; expected \"socscope: %d\" and "
		             "\"questionnaire: %s\"",
		             FORMAT_VERSION, a->q->id);
		return SC_EDATA;
	}
	if (root->kind != SC_Y_MAP) {
		err_at(&L, root, "an answers file is a mapping, found %s",
		       sc_ynode_kind_name(root));
		return SC_EDATA;
	}
	struct sc_answers *tmp = sc_answers_new(a->q);
	/* Answers written for another questionnaire would only produce a
	 * flood of unknown-question errors: that one mismatch is the news. */
	if (load_header(&L, root, a->q, tmp)) {
		size_t *chain = sc_xcalloc(a->q->nmigrations + 1, sizeof *chain);
		size_t n = sc_migration_chain(a->q, tmp->questionnaire_version,
		                              chain);
		if (n > 0 && n != SIZE_MAX) {
			load_migrated(&L, root, tmp, chain, n);
		} else {
			load_answers_map(&L, root, tmp);
			load_notes_map(&L, root, tmp);
			if (n == SIZE_MAX && loader_failed(&L))
				err_at(&L, sc_ymap_get(root, "questionnaire_version"),
				       "these answers were saved under questionnaire "
				       "version %s, and version %s declares no "
				       "migration from it, so answers to questions "
				       "changed since cannot be read",
				       tmp->questionnaire_version, a->q->version);
		}
		free(chain);
		load_actions(&L, root, tmp);
	}
	if (loader_failed(&L)) {
		sc_answers_free(tmp);
		return SC_EDATA;
	}
	answers_take(a, tmp);
	return SC_OK;
}

enum sc_status
sc_answers_load_file(struct sc_answers *a, const char *path,
                     struct sc_diags *d)
{
	struct sc_ydoc doc = {0};
	struct sc_ylimits lim = answer_limits();
	enum sc_status st = sc_ydoc_load_file(&doc, path, &lim, d);
	if (st == SC_OK)
		st = load_doc(a, &doc, d);
	sc_ydoc_fini(&doc);
	return st;
}

enum sc_status
sc_answers_load_buffer(struct sc_answers *a, const char *name,
                       const char *buf, size_t len, struct sc_diags *d)
{
	struct sc_ydoc doc = {0};
	struct sc_ylimits lim = answer_limits();
	enum sc_status st = sc_ydoc_load_buffer(&doc, name, buf, len, &lim, d);
	if (st == SC_OK)
		st = load_doc(a, &doc, d);
	sc_ydoc_fini(&doc);
	return st;
}

char *
sc_answers_peek_questionnaire(const char *path, struct sc_diags *d,
                              enum sc_status *st)
{
	struct sc_ydoc doc = {0};
	struct sc_ylimits lim = answer_limits();
	enum sc_status s = sc_ydoc_load_file(&doc, path, &lim, d);
	char *id = NULL;
	if (s == SC_OK) {
		const struct sc_ynode *root = doc.root;
		const struct sc_ynode *n = sc_ymap_get(root, "questionnaire");
		if (!root || root->kind != SC_Y_MAP) {
			sc_diags_add(d, doc.file, root ? root->line : 1,
			             root ? root->col : 1,
			             "not a socscope answers file: expected a "
			             "mapping with \"questionnaire: ID\"");
			s = SC_EDATA;
		} else if (!n) {
			sc_diags_add(d, doc.file, root->line, root->col,
			             "\"questionnaire\" is missing: the id of "
			             "the questionnaire answered");
			s = SC_EDATA;
		} else if (n->kind != SC_Y_SCALAR || !*n->str ||
		           strlen(n->str) != n->len) {
			sc_diags_add(d, doc.file, n->line, n->col,
			             "\"questionnaire\" must be an id, found %s",
			             sc_ynode_kind_name(n));
			s = SC_EDATA;
		} else {
			id = sc_xstrdup(n->str);
		}
	}
	sc_ydoc_fini(&doc);
	if (st)
		*st = s;
	return id;
}

/* ---- saving ------------------------------------------------------------ */

static int
emit_to_buf(void *data, unsigned char *buffer, size_t size)
{
	sc_buf_add(data, buffer, size);
	return 1;
}

/* Would a plain scalar with this text read back as something other than
 * this string (null, a bool in YAML 1.1 or 1.2, a number, a timestamp)?
 * Then it must be quoted.  Deliberately generous: quoting costs nothing. */
static bool
looks_special(const char *s)
{
	static const char *const words[] = {
		"~",  "null", "true", "false", "yes", "no",  "y",
		"n",  "on",   "off",  ".inf",  "-.inf", "+.inf", ".nan",
		"<<", "=",    NULL,
	};
	if (!*s)
		return true;
	if ((*s >= '0' && *s <= '9') || *s == '-' || *s == '+' || *s == '.')
		return true;
	for (size_t i = 0; words[i]; i++) {
		size_t n = strlen(words[i]);
		if (strlen(s) != n)
			continue;
		size_t k = 0;
		while (k < n && (s[k] | 0x20) == (words[i][k] | 0x20))
			k++;
		if (k == n)
			return true;
	}
	return false;
}

/* Control characters read badly in plain or single-quoted style (and
 * tabs and line breaks would be folded); double quotes escape them. */
static bool
has_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return true;
	return false;
}

struct emitter {
	yaml_emitter_t e;
	bool ok;
};

static void
emit_event(struct emitter *em, yaml_event_t *ev)
{
	if (!em->ok) {
		yaml_event_delete(ev);
		return;
	}
	if (!yaml_emitter_emit(&em->e, ev))
		em->ok = false;
}

static void
emit_scalar(struct emitter *em, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	int implicit = 1;
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL,
	                                  (yaml_char_t *)s, (int)strlen(s),
	                                  implicit, implicit, style)) {
		em->ok = false;
		return;
	}
	emit_event(em, &ev);
}

/* Text as a string that reads back exactly. */
static void
emit_string(struct emitter *em, const char *s)
{
	char *clean = utf8_sanitize(s ? s : "");
	yaml_scalar_style_t style = YAML_PLAIN_SCALAR_STYLE;
	if (looks_special(clean) || has_control(clean))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	/* Plain is only a wish: libyaml quotes by itself whatever plain style
	 * cannot carry (": ", " #", leading spaces, indicators). */
	emit_scalar(em, clean, style);
	free(clean);
}

static void
emit_plain(struct emitter *em, const char *s)
{
	emit_scalar(em, s, YAML_PLAIN_SCALAR_STYLE);
}

static void
emit_mapping_start(struct emitter *em, bool flow)
{
	yaml_event_t ev;
	yaml_mapping_start_event_initialize(
		&ev, NULL, NULL, 1,
		flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	emit_event(em, &ev);
}

static void
emit_mapping_end(struct emitter *em)
{
	yaml_event_t ev;
	yaml_mapping_end_event_initialize(&ev);
	emit_event(em, &ev);
}

static void
emit_answer(struct emitter *em, const struct sc_question *qn,
            const struct sc_answer *v)
{
	struct sc_buf b = {0};
	yaml_event_t ev;
	switch (v->type) {
	case SC_A_NONE:
		emit_plain(em, "null");
		break;
	case SC_A_BOOL:
		emit_plain(em, v->b ? "true" : "false");
		break;
	case SC_A_UNSURE:
		emit_plain(em, "unsure");
		break;
	case SC_A_CHOICE:
		emit_string(em, v->choice < qn->nchoices
		                        ? qn->choices[v->choice].id
		                        : "");
		break;
	case SC_A_CHOICES:
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		                                     YAML_FLOW_SEQUENCE_STYLE);
		emit_event(em, &ev);
		for (size_t k = 0; k < v->nsel; k++)
			if (v->sel[k] < qn->nchoices)
				emit_string(em, qn->choices[v->sel[k]].id);
		yaml_sequence_end_event_initialize(&ev);
		emit_event(em, &ev);
		break;
	case SC_A_NUMBER:
		format_number(v->num, &b);
		emit_plain(em, sc_buf_str(&b));
		break;
	case SC_A_DATE: {
		char d[11];
		sc_date_format(v->day, d);
		emit_plain(em, d);
		break;
	}
	case SC_A_TEXT:
		emit_string(em, v->text);
		break;
	}
	sc_buf_fini(&b);
}

void
sc_answers_to_yaml(const struct sc_answers *a, struct sc_buf *out)
{
	const struct sc_questionnaire *q = a->q;
	struct emitter em = {.ok = true};
	struct sc_buf b = {0};
	yaml_event_t ev;

	if (!yaml_emitter_initialize(&em.e))
		sc_out_of_memory();
	yaml_emitter_set_output(&em.e, emit_to_buf, &b);
	yaml_emitter_set_unicode(&em.e, 1);
	/* No folding of long lines: a long note stays on one line. */
	yaml_emitter_set_width(&em.e, -1);
	yaml_emitter_set_indent(&em.e, 2);
	yaml_emitter_set_break(&em.e, YAML_LN_BREAK);

	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit_event(&em, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit_event(&em, &ev);
	emit_mapping_start(&em, false);

	char num[32];
	snprintf(num, sizeof num, "%d", FORMAT_VERSION);
	emit_plain(&em, "socscope");
	emit_plain(&em, num);
	emit_plain(&em, "questionnaire");
	emit_string(&em, q->id);
	const char *ver = q->version ? q->version : a->questionnaire_version;
	if (ver) {
		emit_plain(&em, "questionnaire_version");
		/* Always quoted, so "1.0" never turns into the number 1. */
		char *clean = utf8_sanitize(ver);
		emit_scalar(&em, clean, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
		free(clean);
	}
	if (a->client) {
		emit_plain(&em, "client");
		emit_string(&em, a->client);
	}
	if (a->assessor) {
		emit_plain(&em, "assessor");
		emit_string(&em, a->assessor);
	}
	if (a->firm) {
		emit_plain(&em, "firm");
		emit_string(&em, a->firm);
	}
	if (a->updated) {
		emit_plain(&em, "updated");
		if (is_utc_stamp(a->updated))
			emit_plain(&em, a->updated);
		else
			emit_string(&em, a->updated);
	}

	bool any = false;
	for (size_t i = 0; i < q->nquestions; i++)
		any |= a->v[i].type != SC_A_NONE;
	emit_plain(&em, "answers");
	emit_mapping_start(&em, !any);
	for (size_t i = 0; i < q->nquestions; i++) {
		if (a->v[i].type == SC_A_NONE)
			continue;
		emit_string(&em, q->questions[i].id);
		emit_answer(&em, &q->questions[i], &a->v[i]);
	}
	emit_mapping_end(&em);

	any = false;
	for (size_t i = 0; i < q->nquestions; i++)
		any |= a->notes[i] != NULL;
	if (any) {
		emit_plain(&em, "notes");
		emit_mapping_start(&em, false);
		for (size_t i = 0; i < q->nquestions; i++) {
			if (!a->notes[i])
				continue;
			emit_string(&em, q->questions[i].id);
			emit_string(&em, a->notes[i]);
		}
		emit_mapping_end(&em);
	}

	if (a->nactions) {
		emit_plain(&em, "actions");
		emit_mapping_start(&em, false);
		for (size_t i = 0; i < a->nactions; i++) {
			const struct sc_action *x = &a->actions[i];
			emit_string(&em, x->gap);
			emit_mapping_start(&em, false);
			if (x->owner) {
				emit_plain(&em, "owner");
				emit_string(&em, x->owner);
			}
			if (x->has_due) {
				char d[11];
				sc_date_format(x->due, d);
				emit_plain(&em, "due");
				emit_plain(&em, d);
			}
			emit_mapping_end(&em);
		}
		emit_mapping_end(&em);
	}

	emit_mapping_end(&em);
	yaml_document_end_event_initialize(&ev, 1);
	emit_event(&em, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit_event(&em, &ev);
	if (em.ok)
		yaml_emitter_flush(&em.e);
	yaml_emitter_delete(&em.e);
	/* Every string was made valid UTF-8 and the event sequence is fixed,
	 * so the emitter has nothing left to refuse but memory. */
	if (!em.ok)
		sc_out_of_memory();
	sc_buf_add(out, b.data ? b.data : "", b.len);
	sc_buf_fini(&b);
}

/* Do the files at `a` and `b` hold the same bytes? */
static bool
same_contents(const char *a, const char *b)
{
	char *da = NULL, *db = NULL;
	size_t la = 0, lb = 0;
	bool same = sc_read_file(a, 64u << 20, &da, &la, NULL) == SC_OK &&
	            sc_read_file(b, 64u << 20, &db, &lb, NULL) == SC_OK &&
	            la == lb && memcmp(da, db, la) == 0;
	free(da);
	free(db);
	return same;
}

/* Before migrated answers replace the file they came from, keep that file
 * as PATH.v<old version>: a hard link (the rename that saves then leaves it
 * the old contents), or a copy where links cannot be made, mode 0600 as
 * sessions are.  A backup of that name that is there already and holds
 * the same bytes is this original (kept by a save that failed later): it
 * stays.  One that holds something else is an older original, which is not
 * replaced either: this one is kept as PATH.v<version>-2 (-3, ...). */
static enum sc_status
keep_original(struct sc_migrated *m, const char *path, char **err)
{
	struct sc_buf name = {0};
	sc_buf_printf(&name, "%s.v", path);
	for (const char *s = m->from ? m->from : "old"; *s; s++) {
		char c = *s;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		          (c >= '0' && c <= '9') || c == '.' || c == '-' ||
		          c == '_';
		sc_buf_putc(&name, ok ? c : '_');
	}
	char *base = sc_buf_steal(&name);
	char *backup = sc_xstrdup(base);
	enum sc_status st = SC_OK;
	struct stat sb;
	bool have = false;
	if (lstat(path, &sb) != 0) {
		/* Saved elsewhere than it was read from: nothing to keep. */
		bool gone = errno == ENOENT;
		free(base);
		free(backup);
		if (gone)
			return SC_OK;
		backup = NULL;
		st = SC_ECANTCREAT;
		goto out;
	}
	for (int n = 2; lstat(backup, &sb) == 0; n++) {
		if (same_contents(path, backup)) {
			have = true;
			break;
		}
		free(backup);
		backup = sc_xasprintf("%s-%d", base, n);
	}
	free(base);
	if (have) {
		/* This original, kept already. */
	} else if (link(path, backup) == 0) {
		/* The link shares the file's mode, which the user may have
		 * left open; the session's mode is 0600. */
		if (chmod(backup, 0600) != 0)
			st = SC_ECANTCREAT;
	} else {
		char *data = NULL, *rerr = NULL;
		size_t len = 0;
		if (sc_read_file(path, 64u << 20, &data, &len, &rerr) != SC_OK ||
		    sc_write_file_atomic(backup, data, len, 0600, NULL) != SC_OK)
			st = SC_ECANTCREAT;
		free(data);
		free(rerr);
	}
out:
	if (st != SC_OK) {
		if (err)
			*err = sc_xasprintf("cannot keep the answers saved under "
			                    "questionnaire %s as %s (%s), so they "
			                    "were not replaced",
			                    m->from, backup ? backup : path,
			                    strerror(errno));
		free(backup);
		return st;
	}
	m->kept = true;
	free(m->kept_path);
	m->kept_path = backup;
	return SC_OK;
}

enum sc_status
sc_answers_save_file(struct sc_answers *a, const char *path, char **err)
{
	if (a->migrated && !a->migrated->kept) {
		enum sc_status kst = keep_original(a->migrated, path, err);
		if (kst != SC_OK)
			return kst;
	}
	time_t now = time(NULL);
	struct tm tm;
	char stamp[32];
	if (gmtime_r(&now, &tm) &&
	    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm) > 0) {
		free(a->updated);
		a->updated = sc_xstrdup(stamp);
	}
	struct sc_buf b = {0};
	sc_answers_to_yaml(a, &b);
	enum sc_status st = sc_write_file_atomic(path, b.data, b.len, 0600, err);
	sc_buf_fini(&b);
	return st;
}
