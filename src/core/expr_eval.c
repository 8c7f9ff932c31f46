/* The evaluator of compiled expressions.
 *
 * It runs on every keystroke over every rule, so it only reads: answers
 * come through the caller's lookup, nothing is allocated, and every name
 * and choice id was turned into an index when the expression was compiled.
 * Answers that do not fit their question (a wrong type, a choice index out
 * of range) read as no answer rather than being trusted. */
#include "expr_internal.h"

#include "socscope/answers.h"
#include "socscope/date.h"

#include <stdlib.h>
#include <string.h>

/* A value under a comparison; has == false is "no value". */
struct xval {
	bool has;
	unsigned char truth; /* XM_TRUTH: 0 false, 1 true, 2 unsure */
	size_t choice;       /* XM_CHOICE */
	double num;          /* XM_NUM */
	const char *str;     /* XM_STR */
};

struct ctx {
	const struct sc_expr *e;
	sc_expr_lookup_fn lookup;
	void *ud;
	sc_day today;
};

static const struct sc_answer *
answer(const struct ctx *x, size_t q)
{
	const struct sc_answer *a = x->lookup ? x->lookup(x->ud, q) : NULL;
	return a && a->type != SC_A_NONE ? a : NULL;
}

static bool cond(const struct ctx *x, size_t i);

static struct xval
value(const struct ctx *x, size_t i)
{
	const struct xnode *n = &x->e->nodes[i];
	struct xval v = {0};
	const struct sc_answer *a;
	switch ((enum xnode_op)n->op) {
	case XV_NUM:
		v.has = true;
		v.num = n->num;
		break;
	case XV_STR:
		v.has = true;
		v.str = x->e->strs + n->str;
		break;
	case XV_TRUTH:
		v.has = true;
		v.truth = n->truth;
		break;
	case XV_CHOICE:
		v.has = true;
		v.choice = n->a;
		break;
	case XV_COND:
		v.has = true;
		v.truth = cond(x, n->a);
		break;
	case XV_NUMBER:
		a = answer(x, n->q);
		if (a && a->type == SC_A_NUMBER) {
			v.has = true;
			v.num = a->num;
		}
		break;
	case XV_TEXT:
		a = answer(x, n->q);
		if (a && a->type == SC_A_TEXT && a->text) {
			v.has = true;
			v.str = a->text;
		}
		break;
	case XV_SINGLE:
		a = answer(x, n->q);
		if (!a || a->type != SC_A_CHOICE)
			break;
		v.choice = a->choice;
		if (n->truth) {
			/* Compared by id: an index past the ids is no answer. */
			if (a->choice >= n->n)
				break;
			v.str = x->e->strs + x->e->kids[n->a + a->choice];
		}
		v.has = true;
		break;
	case XV_YESNO:
		a = answer(x, n->q);
		if (a && a->type == SC_A_BOOL) {
			v.has = true;
			v.truth = a->b;
		} else if (a && a->type == SC_A_UNSURE) {
			v.has = true;
			v.truth = 2;
		}
		break;
	case XV_COUNT:
		/* count() always has a value: 0 when unanswered. */
		a = answer(x, n->q);
		v.has = true;
		v.num = !a ? 0 : a->type == SC_A_CHOICES ? (double)a->nsel : 1;
		break;
	case XV_DATE:
		a = answer(x, n->q);
		if (a && a->type == SC_A_DATE && a->day >= SC_DAY_MIN &&
		    a->day <= SC_DAY_MAX) {
			v.has = true;
			v.num = (double)a->day;
		}
		break;
	case XV_TODAY:
		v.has = true;
		v.num = (double)x->today;
		break;
	case XV_DATEADD: {
		struct xval d = value(x, n->a);
		if (!d.has)
			break;
		sc_day day = (sc_day)d.num;
		/* Durations are at most 7 digits long (the lexer says so). */
		long k = (long)n->num;
		switch (n->truth) {
		case 'd': day += k; break;
		case 'w': day += 7 * k; break;
		case 'm': day = sc_date_add_months(day, k); break;
		case 'y': day = sc_date_add_months(day, 12 * k); break;
		default: break;
		}
		v.has = true;
		v.num = (double)day;
		break;
	}
	case XV_BETWEEN: {
		struct xval l = value(x, n->a), r = value(x, n->b);
		if (!l.has || !r.has)
			break;
		v.has = true;
		v.num = n->truth == 'm'
		                ? (double)sc_date_months_between((sc_day)l.num,
		                                                 (sc_day)r.num)
		                : r.num - l.num;
		break;
	}
	default:
		break;
	}
	return v;
}

static bool
equal(enum xmode mode, const struct xval *l, const struct xval *r)
{
	switch (mode) {
	case XM_NUM: return l->num == r->num;
	case XM_STR: return strcmp(l->str, r->str) == 0;
	case XM_TRUTH: return l->truth == r->truth;
	case XM_CHOICE: return l->choice == r->choice;
	}
	return false;
}

static bool
compare(const struct xnode *n, const struct xval *l, const struct xval *r)
{
	switch ((enum xcmp)n->cmp) {
	case XC_EQ: return equal(n->mode, l, r);
	case XC_NE: return !equal(n->mode, l, r);
	case XC_LT: return l->num < r->num;
	case XC_LE: return l->num <= r->num;
	case XC_GT: return l->num > r->num;
	case XC_GE: return l->num >= r->num;
	}
	return false;
}

/* Does the answer hold one of the choices kids[first .. first+n)? */
static bool
has_choice(const struct ctx *x, const struct sc_answer *a, size_t first,
           size_t n)
{
	/* `x in []` has no kids at all. */
	const size_t *want = n ? x->e->kids + first : NULL;
	if (a->type == SC_A_CHOICE) {
		for (size_t i = 0; i < n; i++)
			if (a->choice == want[i])
				return true;
	} else if (a->type == SC_A_CHOICES && a->sel) {
		for (size_t s = 0; s < a->nsel; s++)
			for (size_t i = 0; i < n; i++)
				if (a->sel[s] == want[i])
					return true;
	}
	return false;
}

static bool
cond(const struct ctx *x, size_t i)
{
	const struct xnode *n = &x->e->nodes[i];
	const size_t *kids = x->e->kids;
	const struct sc_answer *a;
	switch ((enum xnode_op)n->op) {
	case XN_TRUE:
		return true;
	case XN_FALSE:
		return false;
	case XN_AND:
		for (size_t k = 0; k < n->n; k++)
			if (!cond(x, kids[n->a + k]))
				return false;
		return true;
	case XN_OR:
		for (size_t k = 0; k < n->n; k++)
			if (cond(x, kids[n->a + k]))
				return true;
		return false;
	case XN_NOT:
		return !cond(x, n->a);
	case XN_YESNO:
		a = answer(x, n->q);
		return a && a->type == SC_A_BOOL && a->b;
	case XN_ANSWERED:
		return answer(x, n->q) != NULL;
	case XN_HAS:
		a = answer(x, n->q);
		return a && has_choice(x, a, n->a, n->n);
	case XN_CMP: {
		struct xval l = value(x, n->a);
		if (!l.has)
			return false;
		struct xval r = value(x, n->b);
		return r.has && compare(n, &l, &r);
	}
	case XN_IN: {
		struct xval l = value(x, n->a);
		if (!l.has)
			return false;
		for (size_t k = 0; k < n->n; k++) {
			struct xval r = value(x, kids[n->b + k]);
			if (r.has && equal(n->mode, &l, &r))
				return true;
		}
		return false;
	}
	default:
		return false;
	}
}

bool
sc_expr_eval_on(const struct sc_expr *e, sc_expr_lookup_fn lookup, void *ud,
                sc_day today)
{
	if (!e || !e->nnodes)
		return false;
	struct ctx x = {e, lookup, ud, today};
	return cond(&x, e->root);
}

bool
sc_expr_eval(const struct sc_expr *e, sc_expr_lookup_fn lookup, void *ud)
{
	return sc_expr_eval_on(e, lookup, ud, sc_date_today());
}

/* ---- Witnesses: the answers an outcome rests on ---------------------------
 *
 * A condition is explained by the answers that decided it, for the value it
 * has: a true `and` by the witnesses of every part, a false one by those of
 * its first false part; a true `or` by its first true branch, a false one by
 * every branch; `not x` by whatever decided x.  A leaf (a yes/no name,
 * answered, selected, a comparison, `in`, count) is explained by the
 * questions it reads, but only those that have an answer: "no answer" is
 * never a reason. */

struct wit {
	struct ctx x;
	size_t *out;
	size_t n;
};

static void
wit_add(struct wit *w, size_t q)
{
	if (!answer(&w->x, q))
		return;
	for (size_t i = 0; i < w->n; i++)
		if (w->out[i] == q)
			return;
	w->out[w->n++] = q;
}

static void wit_cond(struct wit *w, size_t i);

static void
wit_value(struct wit *w, size_t i)
{
	const struct xnode *n = &w->x.e->nodes[i];
	switch ((enum xnode_op)n->op) {
	case XV_COND:
		wit_cond(w, n->a);
		break;
	case XV_NUMBER:
	case XV_TEXT:
	case XV_SINGLE:
	case XV_YESNO:
	case XV_COUNT:
	case XV_DATE:
		wit_add(w, n->q);
		break;
	case XV_DATEADD:
		wit_value(w, n->a);
		break;
	case XV_BETWEEN:
		wit_value(w, n->a);
		wit_value(w, n->b);
		break;
	default:
		break; /* constants and today read no answer */
	}
}

static void
wit_cond(struct wit *w, size_t i)
{
	const struct xnode *n = &w->x.e->nodes[i];
	const size_t *kids = w->x.e->kids;
	switch ((enum xnode_op)n->op) {
	case XN_AND:
	case XN_OR: {
		/* The parts that agree with the whole decided it: for a true
		 * `and` (a false `or`) all of them, otherwise the first. */
		bool whole = cond(&w->x, i);
		bool all = (n->op == XN_AND) == whole;
		for (size_t k = 0; k < n->n; k++) {
			size_t kid = kids[n->a + k];
			if (cond(&w->x, kid) != whole)
				continue;
			wit_cond(w, kid);
			if (!all)
				break;
		}
		break;
	}
	case XN_NOT:
		wit_cond(w, n->a);
		break;
	case XN_YESNO:
	case XN_ANSWERED:
	case XN_HAS:
		wit_add(w, n->q);
		break;
	case XN_CMP:
		wit_value(w, n->a);
		wit_value(w, n->b);
		break;
	case XN_IN:
		wit_value(w, n->a);
		for (size_t k = 0; k < n->n; k++)
			wit_value(w, kids[n->b + k]);
		break;
	default:
		break; /* true and false rest on nothing */
	}
}

size_t
sc_expr_witnesses(const struct sc_expr *e, sc_expr_lookup_fn lookup,
                  void *ud, size_t *out)
{
	return sc_expr_witnesses_on(e, lookup, ud, sc_date_today(), out);
}

size_t
sc_expr_witnesses_on(const struct sc_expr *e, sc_expr_lookup_fn lookup,
                     void *ud, sc_day today, size_t *out)
{
	if (!e || !e->nnodes || !out)
		return 0;
	struct wit w = {{e, lookup, ud, today}, out, 0};
	wit_cond(&w, e->root);
	/* Ascending, as sc_expr_deps lists them: few items, insertion sort. */
	for (size_t i = 1; i < w.n; i++) {
		size_t v = out[i], j = i;
		for (; j > 0 && out[j - 1] > v; j--)
			out[j] = out[j - 1];
		out[j] = v;
	}
	return w.n;
}

const size_t *
sc_expr_deps(const struct sc_expr *e, size_t *n)
{
	if (!e) {
		if (n)
			*n = 0;
		return NULL;
	}
	if (n)
		*n = e->ndeps;
	return e->deps;
}

void
sc_expr_free(struct sc_expr *e)
{
	/* One block: see pack() in expr_parse.c. */
	free(e);
}
