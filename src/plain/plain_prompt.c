/* What the line-by-line interview prints about a question: the question,
 * its choices and help, the prompt with the current answer, the help on
 * how to answer it, and save errors. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "plain_internal.h"

const char plain_commands_line[] =
	"Commands: ? or :help for help on the question, :note TEXT to add a "
	"note to the question on screen (type it before your answer), :back "
	"to go back, :skip to leave a question open, :clear to remove an "
	"answer, :quit to stop and see the results.";

/* All output goes through here.  Text from files and from the user is
 * printed as it is, except control characters: an escape sequence hidden
 * in a questionnaire, an answers file or an echoed typo must not reach the
 * terminal, and a tab reads better as a space. */
void
plain_say(struct plain *p, const char *fmt, ...)
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
void
plain_after_change(struct plain *p, enum sc_status st)
{
	if (st == SC_OK) {
		p->save_st = SC_OK;
		return;
	}
	p->save_st = st;
	print_save_error(p);
}

/* The instruction that says exactly what to type. */
void
plain_instruction(const struct sc_question *qn, struct sc_buf *b)
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
	case SC_Q_DATE:
		sc_buf_puts(b, "Enter a date as YYYY-MM-DD (for example "
		               "2026-06-30), or \"today\"");
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

void
plain_print_prompt(struct plain *p, size_t i)
{
	const struct sc_question *qn = &p->q->questions[i];
	const struct sc_answer *cur = &p->s->a->v[i];
	struct sc_buf b = {0};

	plain_instruction(qn, &b);
	if (cur->type != SC_A_NONE) {
		sc_buf_puts(&b, ". [current: ");
		format_answer(qn, cur, &b);
		sc_buf_puts(&b, "]");
	} else if (qn->def.type != SC_A_NONE) {
		sc_buf_puts(&b, ". [default: ");
		format_answer(qn, &qn->def, &b);
		sc_buf_puts(&b, "]");
	}
	plain_say(p, "%s\n> ", sc_buf_str(&b));
	sc_buf_fini(&b);
}

void
plain_print_question(struct plain *p, size_t i)
{
	const struct sc_question *qn = &p->q->questions[i];
	const struct sc_section *sec = &p->q->sections[qn->section];

	if (p->shown_section != qn->section) {
		p->shown_section = qn->section;
		plain_say(p, "\nSection %zu of %zu: %s\n", qn->section + 1,
		          p->q->nsections, sec->title);
		if (sec->intro && *sec->intro)
			plain_say(p, "%s\n", sec->intro);
	}
	/* Progress that only grows going forward: the section's place in the
	 * file and the answers given.  A count of questions would not, since
	 * answers make more questions appear. */
	size_t answered = sc_eval_result(p->s->ev)->answered;
	plain_say(p, "\nSection %zu of %zu (%s), %zu answered so far: %s%s\n",
	          qn->section + 1, p->q->nsections, sec->title, answered, qn->text,
	          qn->required ? " (required)" : "");
	if (qn->type == SC_Q_SINGLE || qn->type == SC_Q_MULTI)
		for (size_t c = 0; c < qn->nchoices; c++)
			plain_say(p, "  %zu) %s\n", c + 1,
			    qn->choices[c].label);
	const char *note = p->s->a->notes[i];
	if (note && *note)
		plain_say(p, "Note: %s\n", note);
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
		plain_say(p, "If you do not know: answer u (not sure); the results "
		          "then list it as something to confirm rather than assume "
		          "a no.\n");
	else if (unknown >= 0)
		plain_say(p, "If you do not know: enter %d (%s) rather than "
		          "guess.\n", unknown + 1, qn->choices[unknown].label);
	else
		plain_say(p, "If you do not know: type :skip to leave the question "
		          "open and come back to it; a :note can say what to "
		          "check.\n");
	if (qn->type == SC_Q_MULTI && none >= 0)
		plain_say(p, "If none of the choices applies: enter %d (%s) on its "
		          "own.\n", none + 1, qn->choices[none].label);
	else if (qn->type == SC_Q_MULTI)
		plain_say(p, "If none of the choices applies: enter 0.\n");
	else if (qn->type == SC_Q_SINGLE || qn->type == SC_Q_YESNO)
		plain_say(p, "If no answer fits exactly: give the closest one and "
		          "explain it with :note.\n");
	else if (!qn->required)
		plain_say(p, "If the question does not apply: press Enter to leave "
		          "it unanswered.\n");
	else
		plain_say(p, "If the question does not apply: say so in your "
		          "answer, or type :skip and explain it with :note.\n");
	plain_say(p, "To add a note: type :note followed by the text before you "
	          "answer; the note belongs to the question on screen, is saved "
	          "with its answer and shown in the results, and the question is "
	          "asked again for the answer. To note the question you just "
	          "answered, type :back first. :note alone removes the note.\n");
}

void
plain_print_help(struct plain *p, size_t i)
{
	const struct sc_question *qn = &p->q->questions[i];
	plain_say(p, "Why we ask: %s\n", qn->help);
	for (size_t c = 0; c < qn->nchoices; c++)
		if (qn->choices[c].help && *qn->choices[c].help)
			plain_say(p, "  %zu) %s: %s\n", c + 1,
			    qn->choices[c].label, qn->choices[c].help);
	print_edge_cases(p, qn);
	plain_say(p, "%s\n", plain_commands_line);
	plain_say(p, "Press Enter alone to keep the current answer, or to "
	          "leave an optional question unanswered. To answer with text "
	          "that starts with a colon, type the colon twice.\n");
}
