/* The expression language of show_if and when (grammar and semantics in
 * questionnaires/README.md).  Compiled once at load time against a table
 * of names (names resolved to question indices, types checked, choice ids
 * checked), then evaluated many times through a lookup callback, so the
 * compiler knows nothing of the questionnaire's model and the evaluator
 * nothing of sessions or screens.
 *
 * Unanswered questions (and questions hidden by show_if) read as "no
 * answer": a comparison involving no answer is false whatever the operator,
 * `in` is false, answered() is false, selected() is false, count() is 0, and
 * a yes/no question used as a condition is false. */
#ifndef SOCSCOPE_EXPR_H
#define SOCSCOPE_EXPR_H

#include <stdbool.h>
#include <stddef.h>

#include "socscope/date.h"
#include "socscope/value.h"

/* Longest expression source and deepest nesting accepted. */
#define SC_EXPR_MAX_LEN 4096
#define SC_EXPR_MAX_DEPTH 32

/* What the compiler needs to know of a question that may be named. */
struct sc_expr_question {
	const char *id;
	enum sc_qtype type;
	bool allow_unsure; /* yes/no: "unsure" is an answer */
	size_t nchoices;   /* single and multi */
};

/* The questions an expression may name, numbered 0 .. count-1 (the indices
 * that the compiled expression reads and the lookup of sc_expr_eval is
 * asked for).  The questionnaire offers its own (sc_questionnaire_names). */
struct sc_expr_names {
	const void *ud;
	size_t count;
	/* The index of the question called `name`, or SIZE_MAX. */
	size_t (*find)(const void *ud, const char *name);
	/* Question `i` (< count). */
	void (*question)(const void *ud, size_t i, struct sc_expr_question *out);
	/* The id of choice `c` of question `i`; NULL when it has none. */
	const char *(*choice)(const void *ud, size_t i, size_t c);
};

struct sc_expr_scope {
	const struct sc_expr_names *names; /* NULL: no question can be named */
	/* Only questions with index < limit may be named (SIZE_MAX: all).  A
	 * question's show_if uses its own index, so skip logic cannot loop. */
	size_t limit;
	/* Used in messages: "show_if of question \"x\"", "rule \"r\"". */
	const char *owner;
};

struct sc_expr_error {
	int col;        /* 1-based column in the expression source */
	char msg[256];  /* e.g. ")" expected (to close "(" at column 12) */
	/* When msg ends with "at column N)" naming another place in the
	 * expression (the "(" a ")" should close), that N; else 0.  Lets a
	 * caller restate it as a column of the file. */
	int related_col;
};

/* The effective answer to question `index`, or NULL when unanswered or
 * hidden.  An answer of type SC_A_NONE also counts as unanswered. */
typedef const struct sc_answer *(*sc_expr_lookup_fn)(void *ud, size_t index);

struct sc_expr;

/* Compile `src`; the expression must be a condition (true or false).
 * Returns NULL and fills *err on any lexical, syntax, name or type error. */
struct sc_expr *
sc_expr_compile(const char *src, const struct sc_expr_scope *scope,
                struct sc_expr_error *err);
void
sc_expr_free(struct sc_expr *e);

/* Evaluate with `today` as the date `today` stands for (sc_expr_eval: the
 * date sc_date_today gives). */
bool
sc_expr_eval_on(const struct sc_expr *e, sc_expr_lookup_fn lookup, void *ud,
                sc_day today);
bool
sc_expr_eval(const struct sc_expr *e, sc_expr_lookup_fn lookup, void *ud);

/* The distinct question indices the expression reads, ascending. */
const size_t *
sc_expr_deps(const struct sc_expr *e, size_t *n);

/* The answers that make `e` come out as it does now (true or false): for
 * `a and b` that holds, the witnesses of each part; for `a or b` that holds,
 * those of its first true branch; for `not x`, those that made x false (a
 * false `or`: every branch's; a false `and`: its first false part's); for a
 * yes/no name, answered, selected, a comparison, `in` or count, the
 * questions it reads.  A question without an answer (or hidden) is never a
 * witness, and `true`/`false` have none.  Writes distinct indices,
 * ascending, to `out` (room for as many as sc_expr_deps lists) and returns
 * how many. */
size_t
sc_expr_witnesses(const struct sc_expr *e, sc_expr_lookup_fn lookup,
                  void *ud, size_t *out);
size_t
sc_expr_witnesses_on(const struct sc_expr *e, sc_expr_lookup_fn lookup,
                     void *ud, sc_day today, size_t *out);

#endif
