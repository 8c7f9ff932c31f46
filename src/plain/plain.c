/* The line-by-line interview, for screen readers and pipes.
 *
 * Everything is plain lines on stdout: no cursor movement, colour or escape
 * sequences, one idea per line, so a screen reader reads it in order and a
 * script can pipe answers in.  Commands start with ':' (or are a lone '?'),
 * which no answer the prompts ask for can, so "n" or "skip" typed as a text
 * answer stays an answer; "::" escapes a text answer that begins with ':'. */
#include "plain.h"

#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "socscope/paths.h"
#include "socscope/report.h"
#include "socscope/session.h"

/* Longest line read; the longest answer the format allows is 65536
 * characters of up to 4 bytes each. */
#define LINE_MAX_BYTES (300u * 1024u)
/* Current answers longer than this are shortened in the prompt. */
#define CURRENT_MAX 70
/* Notes, in characters: well inside the 64 KiB a YAML scalar may take
 * when the file is read back. */
#define NOTE_MAX 10000u
/* The format's default text limit, in characters. */
#define TEXT_DEFAULT_MAX 1000

static const char commands_line[] =
	"Commands: ? or :help for help on the question, :note TEXT to add a "
	"note to the question on screen (type it before your answer), :back "
	"to go back, :skip to leave a question open, :clear to remove an "
	"answer, :quit to stop and see the results.";

struct plain {
	FILE *in, *out;
	const struct sc_questionnaire *q;
	struct sc_session *s;
	struct sc_buf line;
	bool too_long; /* the last line was cut at LINE_MAX_BYTES */
	bool eof;
	bool quit;
	size_t shown_section; /* section whose title was printed last */
	enum sc_status save_st; /* status of the last failed save */
};

/* Set by SIGINT: stop asking and exit 130 once the answers are saved. */
static volatile sig_atomic_t interrupted;

static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* What a line typed at a question asks for. */
enum step { STAY, NEXT, BACK, STOP };

/* ---- input ---------------------------------------------------------- */

/* Read one line without its end-of-line characters; false at end of input
 * with nothing read.  Overlong lines are consumed whole but flagged. */
static bool
read_line(struct plain *p)
{
	int c;
	bool any = false;

	sc_buf_reset(&p->line);
	p->too_long = false;
	fflush(p->out);
	/* The handler is installed without SA_RESTART, so a SIGINT ends a
	 * blocked read with EOF and the flag tells it from end of input. */
	while (!interrupted && (c = getc(p->in)) != EOF) {
		any = true;
		if (c == '\n')
			break;
		if (p->line.len < LINE_MAX_BYTES)
			sc_buf_putc(&p->line, (char)c);
		else
			p->too_long = true;
	}
	if (interrupted || !any) {
		p->eof = true;
		return false;
	}
	if (p->line.len > 0 && p->line.data[p->line.len - 1] == '\r')
		p->line.data[--p->line.len] = '\0';
	return true;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Trim in place; returns the start of the trimmed text. */
static char *
trim(char *s)
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
static bool
parse_index(const char *s, size_t len, size_t *out)
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
static size_t
utf8_length(const char *s)
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

/* ---- output helpers -------------------------------------------------- */

/* All output goes through here.  Text from files and from the user is
 * printed as it is, except control characters: an escape sequence hidden
 * in a questionnaire, an answers file or an echoed typo must not reach the
 * terminal, and a tab reads better as a space. */
static void SC_PRINTF(2, 3)
say(struct plain *p, const char *fmt, ...)
{
	struct sc_buf b = {0};
	va_list ap;

	va_start(ap, fmt);
	sc_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	for (size_t k = 0; k < b.len; k++) {
		unsigned char c = (unsigned char)b.data[k];
		if ((c < 0x20 && c != '\n') || c == 0x7f)
			b.data[k] = c == '\t' ? ' ' : '?';
	}
	fwrite(sc_buf_str(&b), 1, b.len, p->out);
	sc_buf_fini(&b);
}

static void
put_number(struct sc_buf *b, double v)
{
	sc_buf_printf(b, "%.15g", v);
}

static void
print_save_error(struct plain *p)
{
	fprintf(stderr, "socscope: %s\n", p->s->last_error
	        ? p->s->last_error : "cannot save the answers");
	fprintf(stderr, "socscope: the answer is kept in memory; saving is "
	        "tried again with the next change.\n");
}

/* Note the status of a change; a failed save is said at once, since the
 * user believes their answers are on disk. */
static void
after_change(struct plain *p, enum sc_status st)
{
	if (st == SC_OK) {
		p->save_st = SC_OK;
		return;
	}
	p->save_st = st;
	print_save_error(p);
}

/* The instruction that says exactly what to type. */
static void
instruction(const struct sc_question *qn, struct sc_buf *b)
{
	switch (qn->type) {
	case SC_Q_YESNO:
		sc_buf_puts(b, qn->allow_unsure
		            ? "Answer y or n (or u for not sure)"
		            : "Answer y or n");
		break;
	case SC_Q_SINGLE:
		if (qn->nchoices == 1)
			sc_buf_puts(b, "Enter 1 to choose it");
		else
			sc_buf_printf(b, "Enter a number between 1 and %zu",
			              qn->nchoices);
		break;
	case SC_Q_MULTI:
		/* A list with its own "None of these" needs no other way of
		 * saying none. */
		sc_buf_printf(b, "Enter numbers separated by spaces or commas "
		              "(1-%zu)%s", qn->nchoices,
		              sc_session_none_choice(qn) < 0 ? ", or 0 for none"
		                                             : "");
		break;
	case SC_Q_NUMBER:
		if (qn->has_min && qn->has_max) {
			sc_buf_puts(b, "Enter a number from ");
			put_number(b, qn->min);
			sc_buf_puts(b, " to ");
			put_number(b, qn->max);
		} else if (qn->has_min) {
			sc_buf_puts(b, "Enter a number of at least ");
			put_number(b, qn->min);
		} else if (qn->has_max) {
			sc_buf_puts(b, "Enter a number of at most ");
			put_number(b, qn->max);
		} else {
			sc_buf_puts(b, "Enter a number");
		}
		break;
	case SC_Q_TEXT:
		sc_buf_puts(b, "Type your answer");
		break;
	}
}

static void
format_answer(const struct sc_question *qn, const struct sc_answer *a,
              struct sc_buf *b)
{
	if (a->type == SC_A_CHOICES && a->nsel == 0) {
		sc_buf_puts(b, "none");
		return;
	}
	struct sc_buf t = {0};
	sc_answer_format(qn, a, &t);
	const char *s = sc_buf_str(&t);
	if (t.len > CURRENT_MAX) {
		/* Cut on a character boundary. */
		size_t n = CURRENT_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		sc_buf_add(b, s, n);
		sc_buf_puts(b, "...");
	} else {
		sc_buf_puts(b, s);
	}
	sc_buf_fini(&t);
}

static void
print_prompt(struct plain *p, size_t i)
{
	const struct sc_question *qn = &p->q->questions[i];
	const struct sc_answer *cur = &p->s->a->v[i];
	struct sc_buf b = {0};

	instruction(qn, &b);
	if (cur->type != SC_A_NONE) {
		sc_buf_puts(&b, ". [current: ");
		format_answer(qn, cur, &b);
		sc_buf_puts(&b, "]");
	} else if (qn->def.type != SC_A_NONE) {
		sc_buf_puts(&b, ". [default: ");
		format_answer(qn, &qn->def, &b);
		sc_buf_puts(&b, "]");
	}
	say(p, "%s\n> ", sc_buf_str(&b));
	sc_buf_fini(&b);
}

static void
print_question(struct plain *p, size_t i)
{
	const struct sc_question *qn = &p->q->questions[i];
	const struct sc_section *sec = &p->q->sections[qn->section];

	if (p->shown_section != qn->section) {
		p->shown_section = qn->section;
		say(p, "\nSection %zu of %zu: %s\n", qn->section + 1,
		    p->q->nsections, sec->title);
		if (sec->intro && *sec->intro)
			say(p, "%s\n", sec->intro);
	}
	/* Progress that only grows going forward: the section's place in the
	 * file and the answers given.  A count of questions would not, since
	 * answers make more questions appear. */
	size_t answered = sc_eval_result(p->s->ev)->answered;
	say(p, "\nSection %zu of %zu (%s), %zu answered so far: %s%s\n",
	    qn->section + 1, p->q->nsections, sec->title, answered, qn->text,
	    qn->required ? " (required)" : "");
	if (qn->type == SC_Q_SINGLE || qn->type == SC_Q_MULTI)
		for (size_t c = 0; c < qn->nchoices; c++)
			say(p, "  %zu) %s\n", c + 1,
			    qn->choices[c].label);
	const char *note = p->s->a->notes[i];
	if (note && *note)
		say(p, "Note: %s\n", note);
}

/* A choice that says "I don't know": by its id, or by its label. */
static int
unknown_choice(const struct sc_question *qn)
{
	static const char *const ids[] = {"dont_know", "unknown", "unsure",
	                                  "not_sure", NULL};
	static const char *const labels[] = {"I don't know", "Don't know",
	                                     "Not sure", "I'm not sure", NULL};
	for (size_t c = 0; c < qn->nchoices; c++) {
		for (size_t k = 0; ids[k]; k++)
			if (strcmp(qn->choices[c].id, ids[k]) == 0)
				return (int)c;
		for (size_t k = 0; labels[k]; k++)
			if (strncmp(qn->choices[c].label, labels[k],
			            strlen(labels[k])) == 0)
				return (int)c;
	}
	return -1;
}

/* How to answer when the truth does not fit the prompt: not knowing, a
 * question that does not apply, and saying more than the answer can. */
static void
print_edge_cases(struct plain *p, const struct sc_question *qn)
{
	int unknown = qn->type == SC_Q_SINGLE || qn->type == SC_Q_MULTI
	              ? unknown_choice(qn) : -1;
	int none = sc_session_none_choice(qn);

	if (qn->type == SC_Q_YESNO && qn->allow_unsure)
		say(p, "If you do not know: answer u (not sure); the results "
		    "then list it as something to confirm rather than assume "
		    "a no.\n");
	else if (unknown >= 0)
		say(p, "If you do not know: enter %d (%s) rather than "
		    "guess.\n", unknown + 1, qn->choices[unknown].label);
	else
		say(p, "If you do not know: type :skip to leave the question "
		    "open and come back to it; a :note can say what to "
		    "check.\n");
	if (qn->type == SC_Q_MULTI && none >= 0)
		say(p, "If none of the choices applies: enter %d (%s) on its "
		    "own.\n", none + 1, qn->choices[none].label);
	else if (qn->type == SC_Q_MULTI)
		say(p, "If none of the choices applies: enter 0.\n");
	else if (qn->type == SC_Q_SINGLE || qn->type == SC_Q_YESNO)
		say(p, "If no answer fits exactly: give the closest one and "
		    "explain it with :note.\n");
	else if (!qn->required)
		say(p, "If the question does not apply: press Enter to leave "
		    "it unanswered.\n");
	else
		say(p, "If the question does not apply: say so in your "
		    "answer, or type :skip and explain it with :note.\n");
	say(p, "To add a note: type :note followed by the text before you "
	    "answer; the note belongs to the question on screen, is saved "
	    "with its answer and shown in the results, and the question is "
	    "asked again for the answer. To note the question you just "
	    "answered, type :back first. :note alone removes the note.\n");
}

static void
print_help(struct plain *p, size_t i)
{
	const struct sc_question *qn = &p->q->questions[i];
	say(p, "Why we ask: %s\n", qn->help);
	for (size_t c = 0; c < qn->nchoices; c++)
		if (qn->choices[c].help && *qn->choices[c].help)
			say(p, "  %zu) %s: %s\n", c + 1,
			    qn->choices[c].label, qn->choices[c].help);
	print_edge_cases(p, qn);
	say(p, "%s\n", commands_line);
	say(p, "Press Enter alone to keep the current answer, or to "
	    "leave an optional question unanswered. To answer with text "
	    "that starts with a colon, type the colon twice.\n");
}

/* ---- parsing answers ------------------------------------------------ */

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
	if (parse_index(s, len, &k)) {
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
		instruction(qn, err);
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
		} else if (dash && parse_index(t, (size_t)(dash - t), &lo) &&
		           parse_index(dash + 1, len - (size_t)(dash - t) - 1,
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
		instruction(qn, err);
		sc_buf_printf(err, "; \"%s\" is not a number", s);
		return false;
	}
	if ((qn->has_min && x < qn->min) || (qn->has_max && x > qn->max)) {
		instruction(qn, err);
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
	size_t n = utf8_length(s);
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

static bool
parse_answer(const struct sc_question *qn, const char *s, struct sc_answer *v,
             struct sc_buf *err)
{
	switch (qn->type) {
	case SC_Q_YESNO: return parse_yesno(qn, s, v, err);
	case SC_Q_SINGLE: return parse_single(qn, s, v, err);
	case SC_Q_MULTI: return parse_multi(qn, s, v, err);
	case SC_Q_NUMBER: return parse_num(qn, s, v, err);
	case SC_Q_TEXT: return parse_text(qn, s, v, err);
	}
	return false;
}

/* ---- one question --------------------------------------------------- */

/* A command: a lone '?' or ':word [text]'.  Returns what to do next. */
static enum step
command(struct plain *p, size_t i, char *s)
{
	const char *arg = "";
	size_t n;

	if (strcmp(s, "?") == 0) {
		print_help(p, i);
		return STAY;
	}
	s++;
	n = strcspn(s, " \t");
	if (s[n])
		arg = trim(s + n);
	if ((n == 4 && strncmp(s, "help", 4) == 0) ||
	    (n == 1 && (*s == 'h' || *s == '?'))) {
		print_help(p, i);
		return STAY;
	}
	if (n == 4 && strncmp(s, "note", 4) == 0) {
		bool had = p->s->a->notes[i] && *p->s->a->notes[i];
		if (!*arg && !had) {
			say(p, "Type :note followed by the text of "
			    "the note.\n");
			return STAY;
		}
		size_t len = utf8_length(arg);
		if (p->too_long || len == SIZE_MAX || len > NOTE_MAX) {
			say(p, "A note must be valid UTF-8 text of at most %u "
			    "characters.\n", NOTE_MAX);
			return STAY;
		}
		after_change(p, sc_session_set_note(p->s, i, arg));
		say(p, "%s\n", *arg ? "Note saved." : "Note removed.");
		return STAY;
	}
	if (n == 4 && strncmp(s, "back", 4) == 0) {
		if (sc_session_prev(p->s, i) == SIZE_MAX) {
			say(p, "This is the first question.\n");
			return STAY;
		}
		return BACK;
	}
	if (n == 4 && strncmp(s, "skip", 4) == 0)
		return NEXT;
	if (n == 5 && strncmp(s, "clear", 5) == 0) {
		if (p->s->a->v[i].type == SC_A_NONE) {
			say(p, "This question has no answer to "
			    "remove.\n");
			return STAY;
		}
		after_change(p, sc_session_unset(p->s, i));
		say(p, "Answer removed.\n");
		return STAY;
	}
	if ((n == 4 && strncmp(s, "quit", 4) == 0) || (n == 1 && *s == 'q')) {
		p->quit = true;
		return STOP;
	}
	say(p, "Unknown command \":%.*s\".\n%s\n", (int)n, s,
	    commands_line);
	return STAY;
}

/* An empty line keeps the current answer, takes the default, or skips an
 * optional question; a required one says so and stays. */
static enum step
empty_line(struct plain *p, size_t i)
{
	const struct sc_question *qn = &p->q->questions[i];
	if (p->s->a->v[i].type != SC_A_NONE)
		return NEXT;
	if (qn->def.type != SC_A_NONE) {
		enum sc_status st = sc_session_set(p->s, i, &qn->def);
		if (st == SC_EDATA) {
			say(p, "The default answer does not fit this "
			    "question; please type an answer.\n");
			return STAY;
		}
		after_change(p, st);
		return NEXT;
	}
	if (!qn->required)
		return NEXT;
	say(p, "This question is required: answer it, or type "
	    ":skip to leave it open for now.\n");
	return STAY;
}

static enum step
answer_line(struct plain *p, size_t i, const char *s)
{
	const struct sc_question *qn = &p->q->questions[i];
	struct sc_answer v = {0};
	struct sc_buf err = {0};
	enum step step = STAY;

	if (p->too_long) {
		say(p, "That line is too long; the limit is %u "
		    "bytes.\n", LINE_MAX_BYTES);
	} else if (!parse_answer(qn, s, &v, &err)) {
		say(p, "%s.\n", sc_buf_str(&err));
	} else {
		enum sc_status st = sc_session_set(p->s, i, &v);
		if (st == SC_EDATA) {
			/* The parsers check what the prompts promise; the
			 * answers module has the last word. */
			say(p, "That answer does not fit this "
			    "question.\n");
		} else {
			after_change(p, st);
			step = NEXT;
		}
	}
	sc_answer_clear(&v);
	sc_buf_fini(&err);
	return step;
}

/* Ask question `i` until a line moves on; returns the next question to
 * ask (SIZE_MAX when done or stopped). */
static size_t
ask(struct plain *p, size_t i)
{
	print_question(p, i);
	for (;;) {
		print_prompt(p, i);
		if (!read_line(p)) {
			say(p, "\n");
			return SIZE_MAX;
		}
		char *s = trim(p->line.data ? p->line.data : (char *)"");
		enum step step;
		if (*s == '\0')
			step = empty_line(p, i);
		else if (strcmp(s, "?") == 0 || (s[0] == ':' && s[1] != ':'))
			step = command(p, i, s);
		else
			step = answer_line(p, i, s[0] == ':' ? s + 1 : s);
		switch (step) {
		case STAY:
			continue;
		case NEXT:
			return sc_session_next_asked(p->s, i);
		case BACK:
			return sc_session_prev(p->s, i);
		case STOP:
			return SIZE_MAX;
		}
	}
}

/* Moving forward from question `from` to `to` (SIZE_MAX: past the last),
 * say which sections in between were passed over because they do not
 * apply, so that none is skipped in silence. */
static void
say_passed(struct plain *p, size_t from, size_t to)
{
	if (to != SIZE_MAX && to <= from)
		return;
	size_t a = p->q->questions[from].section + 1;
	size_t b = to == SIZE_MAX ? p->q->nsections : p->q->questions[to].section;
	if (a >= b)
		return;
	struct sc_buf t = {0};
	sc_session_explain_skipped(p->s, a, b, &t);
	if (t.len)
		say(p, "\n%s", sc_buf_str(&t));
	sc_buf_fini(&t);
}

/* After the last question: a last chance to go back or to note the last
 * answer before the results.  Returns the question to ask again, or
 * SIZE_MAX for the results (also at end of input). */
static size_t
confirm_end(struct plain *p, size_t last)
{
	say(p, "\nThat was the last question. Press Enter for the results, "
	    "or type :back to change the last answer or :note TEXT to add a "
	    "note to it.\n");
	for (;;) {
		say(p, "> ");
		if (!read_line(p)) {
			/* Every question was asked: the end of input here
			 * finishes the interview rather than stopping it. */
			p->eof = false;
			say(p, "\n");
			return SIZE_MAX;
		}
		char *s = trim(p->line.data ? p->line.data : (char *)"");
		if (*s == '\0')
			return SIZE_MAX;
		if (strcmp(s, ":back") == 0)
			return last;
		if (strncmp(s, ":note", 5) == 0 && (s[5] == ' ' || !s[5])) {
			command(p, last, s);
			continue;
		}
		if (strcmp(s, ":quit") == 0 || strcmp(s, ":q") == 0)
			return SIZE_MAX;
		say(p, "Press Enter for the results, or type :back or :note "
		    "TEXT.\n");
	}
}

/* ---- start and end --------------------------------------------------- */

/* Ask for the client's name, offering the saved interviews of this
 * questionnaire by number first.  Sets *client (and *path when a saved one
 * is picked); false at end of input. */
static bool
ask_client(struct plain *p, char **client, char **path)
{
	struct sc_session_info *v = NULL;
	char *dir = sc_sessions_dir();
	size_t n = sc_sessions_list(p->q, dir, &v), shown = 0;
	free(dir);

	/* Only sessions of this questionnaire can be resumed here. */
	for (size_t k = 0; k < n; k++) {
		if (strcmp(v[k].questionnaire, p->q->id) != 0)
			continue;
		if (shown == 0)
			say(p, "Saved interviews:\n");
		if (k != shown) {
			v[shown] = v[k];
			memset(&v[k], 0, sizeof v[k]);
		}
		const struct sc_session_info *in = &v[shown++];
		say(p, "  %zu) %s (%zu of %zu answered%s%s%s)\n", shown,
		    *in->client ? in->client : in->path, in->answered,
		    in->applicable, *in->updated ? ", saved " : "",
		    in->updated,
		    in->holder ? "; open in another interview, read-only" : "");
	}
	say(p, "What is the name of the organization being assessed? The "
	    "interview is saved under this name.\n");
	bool ok = false;
	for (;;) {
		if (shown)
			say(p, "Type the number of a saved interview to resume "
			    "it, or the name of a new client\n> ");
		else
			say(p, "Type the name\n> ");
		if (!read_line(p)) {
			say(p, "\n");
			break;
		}
		char *s = trim(p->line.data ? p->line.data : (char *)"");
		size_t k;
		if (shown && parse_index(s, strlen(s), &k) && k >= 1 &&
		    k <= shown) {
			*path = sc_xstrdup(v[k - 1].path);
			*client = sc_xstrdup(v[k - 1].client);
			ok = true;
			break;
		}
		if (*s && !p->too_long && utf8_length(s) != SIZE_MAX &&
		    utf8_length(s) <= TEXT_DEFAULT_MAX) {
			*client = sc_xstrdup(s);
			ok = true;
			break;
		}
		say(p, "%s\n", *s
		    ? "That name is not valid text of at most 1000 "
		      "characters."
		    : "A name is needed to save the interview.");
	}
	sc_session_infos_free(v, n);
	return ok;
}

static void
print_diags(struct sc_diags *d, const char *path)
{
	struct sc_buf b = {0};
	sc_diags_sort(d);
	sc_diags_format(d, &b);
	if (b.len)
		fputs(sc_buf_str(&b), stderr);
	else
		fprintf(stderr, "%s: cannot open the answers file\n", path);
	sc_buf_fini(&b);
}

static void
print_results(struct plain *p)
{
	const struct sc_result *r = sc_eval_result(p->s->ev);
	/* As `evaluate` does, so both print the same report. */
	struct sc_report_opts opts = {.date = getenv("SOCSCOPE_DATE")};
	struct sc_buf b = {0};

	say(p, "\n%s %zu of %zu questions answered.\n\n",
	    p->quit || p->eof ? "Interview stopped:" : "Interview done:",
	    r->answered, r->applicable);
	sc_report_render(p->q, p->s->a, p->s->ev, SC_FMT_TEXT, &opts, &b);
	say(p, "%s", sc_buf_str(&b));
	if (b.len && b.data[b.len - 1] != '\n')
		say(p, "\n");
	sc_buf_fini(&b);
}

/* The exit code for a session that ends here: a failed save wins, since
 * the user must hear that answers are not on disk. */
static int
finish_save(struct plain *p, const char *path)
{
	/* A change still unsaved gets one more try. */
	if (p->s->last_error)
		p->save_st = sc_session_save(p->s);
	if (p->save_st == SC_OK)
		return 0;
	fprintf(stderr, "socscope: %s\n", p->s->last_error
	        ? p->s->last_error : "cannot save the answers");
	fprintf(stderr, "socscope: the answers were NOT all saved to %s\n",
	        path);
	return sc_status_exit_code(p->save_st);
}

int
sc_plain_main(const struct sc_interview_opts *o, FILE *in, FILE *out)
{
	struct plain pl = {
		.in = in, .out = out, .q = o->q, .shown_section = SIZE_MAX,
	};
	struct plain *p = &pl;
	struct sc_diags d;
	enum sc_status st = SC_OK;
	char *client = o->client ? sc_xstrdup(o->client) : NULL;
	char *path = NULL;
	int rc = 0;
	struct sigaction sa, old_sa;

	/* Ctrl-C ends the interview like end of input, but with the exit
	 * status the contract gives an interruption. */
	interrupted = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_sa);

	sc_diags_init(&d);
	say(p, "%s (version %s)\n", o->q->title, o->q->version);

	/* Where the answers live: the file given, or the client's session. */
	if (o->answers_path) {
		path = sc_xstrdup(o->answers_path);
	} else {
		if (!client && !ask_client(p, &client, &path)) {
			say(p, "No name was given, so nothing was saved.\n");
			goto out;
		}
		if (!path)
			path = sc_session_path(client);
	}

	struct stat sb;
	bool existed = stat(path, &sb) == 0;
	p->s = sc_session_open(o->q, path, client, &d, &st);
	if (!p->s) {
		print_diags(&d, path);
		rc = sc_status_exit_code(st);
		goto out;
	}
	if (p->s->read_only) {
		/* Two interviews writing one file would lose answers: this one
		 * shows what the other has saved, and asks nothing. */
		fprintf(stderr, "socscope: %s: this interview is open in %s; "
		        "nothing typed here could be saved, so its saved answers "
		        "and results are shown instead.\n", path, p->s->holder);
		p->quit = true;
		print_results(p);
		rc = sc_status_exit_code(SC_ECANTCREAT);
		goto out;
	}
	const char *who = p->s->a->client && *p->s->a->client
	                  ? p->s->a->client : path;
	if (existed) {
		const struct sc_result *r = sc_eval_result(p->s->ev);
		say(p, "Resuming the saved interview for %s (%zu of %zu "
		    "answered).\n", who, r->answered, r->applicable);
	} else {
		/* Save at once, so a file that cannot be written is found
		 * before anyone types forty answers into it. */
		if ((st = sc_session_save(p->s)) != SC_OK) {
			fprintf(stderr, "socscope: %s\n", p->s->last_error);
			rc = sc_status_exit_code(st);
			goto out;
		}
		say(p, "Starting a new interview for %s.\n", who);
	}
	say(p, "Answers are saved to %s after every change.\n", path);
	/* Say where the name went, since its question will not come up. */
	size_t cq = p->q->client_question;
	if (cq != SIZE_MAX && p->s->a->v[cq].type == SC_A_TEXT &&
	    sc_session_first_unanswered(p->s) != cq)
		say(p, "The answer to \"%s\" is %s, so it is not asked "
		    "again (:back reaches it to change it).\n",
		    p->q->questions[cq].text, p->s->a->v[cq].text);
	say(p, "%s\n", commands_line);

	/* Resume where the answers stop; a finished interview starts over
	 * at the top, with every answer shown as current. */
	size_t i = sc_session_first_unanswered(p->s);
	if (i == SIZE_MAX)
		i = sc_session_next_asked(p->s, SIZE_MAX);
	while (i != SIZE_MAX && !interrupted) {
		size_t next = ask(p, i);
		if (!p->quit && !p->eof && !interrupted) {
			say_passed(p, i, next);
			if (next == SIZE_MAX)
				next = confirm_end(p, i);
		}
		i = next;
	}

	if (interrupted) {
		rc = finish_save(p, path);
		if (rc == 0) {
			say(p, "Interrupted. Answers saved to %s\n", path);
			rc = 130;
		}
		goto out;
	}
	print_results(p);
	rc = finish_save(p, path);
	if (rc == 0)
		say(p, "Answers saved to %s\n", path);
out:
	if (interrupted && rc == 0)
		rc = 130;
	/* Output that did not reach its reader (a full disk, a closed
	 * pipe) is an I/O error, not a success. */
	if ((fflush(out) != 0 || ferror(out)) && rc == 0) {
		fprintf(stderr, "socscope: cannot write the interview\n");
		rc = sc_status_exit_code(SC_EIO);
	}
	sigaction(SIGINT, &old_sa, NULL);
	sc_session_free(p->s);
	sc_buf_fini(&p->line);
	sc_diags_fini(&d);
	free(client);
	free(path);
	return rc;
}
