/* The kinds of question and the value of one answer: the words that the
 * expression language, the questionnaire and the answers set share, kept
 * below all three so that each depends on them and none on another's
 * insides. */
#ifndef SOCSCOPE_VALUE_H
#define SOCSCOPE_VALUE_H

#include <stdbool.h>
#include <stddef.h>

enum sc_qtype {
	SC_Q_YESNO,
	SC_Q_SINGLE,
	SC_Q_MULTI,
	SC_Q_NUMBER,
	SC_Q_TEXT,
	SC_Q_DATE,
};
#define SC_QTYPE_COUNT (SC_Q_DATE + 1)

/* "yesno", "single", "multi", "number", "text", "date" */
const char *sc_qtype_id_str(enum sc_qtype t);
int sc_qtype_find(const char *id);

enum sc_atype {
	SC_A_NONE,    /* unanswered */
	SC_A_BOOL,    /* yes/no: b */
	SC_A_UNSURE,  /* yes/no with allow_unsure: "unsure" */
	SC_A_CHOICE,  /* single choice: choice (index) */
	SC_A_CHOICES, /* multiple choice: sel[0..nsel), ascending indices; may be empty */
	SC_A_NUMBER,  /* num */
	SC_A_TEXT,    /* text (UTF-8) */
	SC_A_DATE,    /* date: day (socscope/date.h) */
};

struct sc_answer {
	enum sc_atype type;
	bool b;
	size_t choice;
	size_t *sel;
	size_t nsel;
	double num;
	char *text;
	long day; /* SC_A_DATE: days since 1970-01-01 (sc_day) */
};

void
sc_answer_clear(struct sc_answer *a); /* frees and sets SC_A_NONE */
void
sc_answer_copy(struct sc_answer *dst, const struct sc_answer *src);
bool
sc_answer_equal(const struct sc_answer *a, const struct sc_answer *b);
/* Is choice `i` selected (single or multiple choice)? */
bool
sc_answer_has_choice(const struct sc_answer *a, size_t i);

#endif
