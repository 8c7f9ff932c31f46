/* Fuzz target: the expression language (lexer, parser, type checks)
 * against the bundled questionnaire's names, and for an expression that
 * compiles, its evaluation with no answers and with a full set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "socscope/answers.h"
#include "socscope/bundled.h"
#include "socscope/expr.h"
#include "socscope/questionnaire.h"

static struct sc_questionnaire *q;
static struct sc_expr_names names;
static struct sc_answers *full;

/* Every question answered: its default, else the first choice, yes, 12 or
 * some text, so each kind of comparison meets a value. */
static void
fill(struct sc_answers *a)
{
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct sc_question *qn = &q->questions[i];
		size_t first = 0;
		struct sc_answer v = qn->def;
		if (v.type == SC_A_NONE) {
			switch (qn->type) {
			case SC_Q_YESNO: v.type = SC_A_BOOL; v.b = true; break;
			case SC_Q_SINGLE: v.type = SC_A_CHOICE; v.choice = 0; break;
			case SC_Q_MULTI:
				v.type = SC_A_CHOICES;
				v.sel = &first;
				v.nsel = qn->nchoices ? 1 : 0;
				break;
			case SC_Q_NUMBER:
				v.type = SC_A_NUMBER;
				v.num = qn->has_min ? qn->min : 12;
				break;
			case SC_Q_TEXT: v.type = SC_A_TEXT; v.text = (char *)"x"; break;
			case SC_Q_DATE: v.type = SC_A_DATE; v.day = 20634; break;
			}
		}
		sc_answers_set(a, i, &v);
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const struct sc_bundled *b = sc_bundled_find(SC_DATA_QUESTIONNAIRE,
	                                             "soc-scoping");
	struct sc_diags d;
	enum sc_status st = SC_OK;
	sc_diags_init(&d);
	if (b)
		q = sc_questionnaire_load_buffer("soc-scoping.yaml", b->data,
		                                 b->len, &d, &st);
	sc_diags_fini(&d);
	if (!q) {
		fprintf(stderr, "fuzz_expr: the bundled questionnaire does not load\n");
		abort();
	}
	sc_questionnaire_names(q, &names);
	full = sc_answers_new(q);
	fill(full);
	return 0;
}

static const struct sc_answer *
lookup_none(void *ud, size_t i)
{
	(void)ud;
	(void)i;
	return NULL;
}

static const struct sc_answer *
lookup_full(void *ud, size_t i)
{
	const struct sc_answers *a = ud;
	return i < q->nquestions && a->v[i].type != SC_A_NONE ? &a->v[i] : NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > SC_EXPR_MAX_LEN + 16)
		return 0;
	char *src = malloc(size + 1);
	if (!src)
		return 0;
	memcpy(src, data, size);
	src[size] = '\0';
	struct sc_expr_scope scope = {&names, SIZE_MAX, "rule \"fuzz\""};
	struct sc_expr_error err;
	struct sc_expr *e = sc_expr_compile(src, &scope, &err);
	if (e) {
		(void)sc_expr_eval(e, lookup_none, NULL);
		(void)sc_expr_eval(e, lookup_full, full);
		size_t n = 0;
		const size_t *deps = sc_expr_deps(e, &n);
		for (size_t i = 0; i < n; i++)
			if (deps[i] >= q->nquestions)
				abort();
		sc_expr_free(e);
	} else if (err.col < 0 || !memchr(err.msg, '\0', sizeof err.msg)) {
		abort();
	}
	free(src);
	return 0;
}
