/* A generator of large, realistic questionnaires in the YAML format, and of
 * random answers to them, shared by the engine's differential test and the
 * scale benchmark.
 *
 * Header-only (static inline, so users of part of it do not warn) because tests/meson.build builds each unit
 * test from its one source file; the benchmark includes it too, so both
 * exercise the same shapes: a mix of all five question types, show_if chains
 * that read recent questions (so hiding one cascades), and rules with every
 * kind of effect whose gap ids and readiness items repeat so merging
 * happens.  Everything derives from a seed: same seed, same file. */
#ifndef SOCSCOPE_TESTS_QGEN_H
#define SOCSCOPE_TESTS_QGEN_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/answers.h"
#include "socscope/common.h"
#include "socscope/questionnaire.h"

struct qgen_rng {
	uint64_t s;
};

/* splitmix64: tiny, fast, and good enough for test shapes. */
static inline uint64_t
qgen_next(struct qgen_rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Uniform in [0, n); n > 0. */
static inline size_t
qgen_below(struct qgen_rng *r, size_t n)
{
	return (size_t)(qgen_next(r) % n);
}

/* True with probability pct / 100. */
static inline bool
qgen_chance(struct qgen_rng *r, unsigned pct)
{
	return qgen_below(r, 100) < pct;
}

struct qgen_params {
	size_t nquestions;
	size_t nsections;
	size_t nrules;
	uint64_t seed;
};

/* What the generator decided about each question, so expressions can be
 * written that fit the question's type. */
struct qgen_q {
	enum sc_qtype type;
	bool unsure;
	size_t nchoices;
};

static const char *const qgen_criteria[] = {
	"CC1.1", "CC2.1", "CC3.2", "CC5.2", "CC6.1", "CC6.2", "CC6.3",
	"CC6.6", "CC7.2", "CC7.3", "CC7.4", "CC8.1", "CC9.2", "A1.2",
	"C1.1", "PI1.1", "P1.1",
};

/* One condition on question j, chosen to be true for roughly half of the
 * possible answers so chains neither always hold nor always break. */
static inline void
qgen_atom(struct sc_buf *out, struct qgen_rng *r, const struct qgen_q *qs,
          size_t j)
{
	const struct qgen_q *t = &qs[j];
	switch (t->type) {
	case SC_Q_YESNO:
		switch (qgen_below(r, t->unsure ? 3 : 2)) {
		case 0: sc_buf_printf(out, "q%zu", j); break;
		case 1: sc_buf_printf(out, "not q%zu", j); break;
		default: sc_buf_printf(out, "q%zu == \"unsure\"", j); break;
		}
		break;
	case SC_Q_SINGLE: {
		size_t a = qgen_below(r, t->nchoices);
		size_t b = (a + 1 + qgen_below(r, t->nchoices - 1)) % t->nchoices;
		switch (qgen_below(r, 3)) {
		case 0: sc_buf_printf(out, "q%zu == \"c%zu\"", j, a); break;
		case 1:
			sc_buf_printf(out, "q%zu in [\"c%zu\", \"c%zu\"]", j, a, b);
			break;
		default:
			sc_buf_printf(out, "q%zu != \"c%zu\"", j, a);
			break;
		}
		break;
	}
	case SC_Q_MULTI: {
		size_t a = qgen_below(r, t->nchoices);
		size_t b = (a + 1 + qgen_below(r, t->nchoices - 1)) % t->nchoices;
		switch (qgen_below(r, 3)) {
		case 0:
			sc_buf_printf(out, "selected(q%zu, \"c%zu\", \"c%zu\")", j,
			              a, b);
			break;
		case 1: sc_buf_printf(out, "count(q%zu) >= 2", j); break;
		default: sc_buf_printf(out, "\"c%zu\" in q%zu", a, j); break;
		}
		break;
	}
	case SC_Q_NUMBER:
		sc_buf_printf(out, "q%zu %s %zu", j,
		              qgen_chance(r, 50) ? ">" : "<=",
		              100 + qgen_below(r, 800));
		break;
	case SC_Q_TEXT:
		sc_buf_printf(out, "answered(q%zu)", j);
		break;
	case SC_Q_DATE:
		sc_buf_printf(out, "q%zu %s today - %zum", j,
		              qgen_chance(r, 50) ? "<" : ">=",
		              1 + qgen_below(r, 24));
		break;
	}
}

/* An expression over questions below `limit` (limit > 0): one to three
 * atoms joined by and/or.  With `chain`, the first atom reads the question
 * just before, which builds long show_if chains. */
static inline void
qgen_expr(struct sc_buf *out, struct qgen_rng *r, const struct qgen_q *qs,
          size_t limit, bool chain)
{
	size_t natoms = 1 + qgen_below(r, 3);
	for (size_t k = 0; k < natoms; k++) {
		size_t j;
		if (k == 0 && chain)
			j = limit - 1;
		else if (qgen_chance(r, 70))
			/* Mostly recent questions, as real sections read their own. */
			j = limit - 1 - qgen_below(r, limit < 40 ? limit : 40);
		else
			j = qgen_below(r, limit);
		if (k > 0)
			sc_buf_puts(out, qgen_chance(r, 50) ? " and " : " or ");
		bool paren = natoms > 1 && qgen_chance(r, 15);
		if (paren)
			sc_buf_puts(out, "not (");
		qgen_atom(out, r, qs, j);
		if (paren)
			sc_buf_putc(out, ')');
	}
}

static const char *const qgen_reports[] = {"soc1", "soc2", "soc3"};
static const char *const qgen_cats[] = {
	"security", "availability", "processing_integrity", "confidentiality",
	"privacy",
};
static const char *const qgen_fws[] = {
	"hipaa", "pci_dss", "sox", "gdpr", "ccpa", "iso27001", "subservice",
};
static const char *const qgen_prios[] = {"high", "medium", "low"};
static const char *const qgen_statuses[] = {
	"in_place", "partial", "missing", "unknown",
};

static inline void
qgen_rule(struct sc_buf *out, struct qgen_rng *r, const struct qgen_q *qs,
          size_t nq, size_t i, size_t ngapids, size_t nitems)
{
	sc_buf_printf(out, "  - id: r%zu\n    when: '", i);
	qgen_expr(out, r, qs, nq, false);
	sc_buf_printf(out, "'\n    because: Rule %zu fired because of the "
	                   "answers it reads.\n", i);
	bool any = false;
	if (qgen_chance(r, 12)) {
		if (qgen_chance(r, 15))
			sc_buf_puts(out, "    recommend: none\n");
		else
			sc_buf_printf(out, "    recommend: %s\n",
			              qgen_reports[qgen_below(r, 3)]);
		any = true;
	}
	if (qgen_chance(r, 12)) {
		/* soc1 or soc2: a SOC 3 has no type to propose. */
		size_t rep = qgen_below(r, 2);
		if (qgen_chance(r, 50))
			sc_buf_printf(out, "    type: {report: %s, type: type1, "
			                   "weight: %zu}\n",
			              qgen_reports[rep], qgen_below(r, 3));
		else
			sc_buf_printf(out, "    type: {report: %s, type: type2, "
			                   "period_months: %zu, weight: %zu}\n",
			              qgen_reports[rep], 3 + qgen_below(r, 10),
			              qgen_below(r, 3));
		any = true;
	}
	if (qgen_chance(r, 15)) {
		sc_buf_printf(out, "    scope: %s\n", qgen_cats[qgen_below(r, 5)]);
		any = true;
	}
	if (qgen_chance(r, 8)) {
		/* Two different categories other than Security. */
		size_t a = qgen_below(r, 4), b = (a + 1 + qgen_below(r, 3)) % 4;
		sc_buf_printf(out, "    scope_out: [%s, %s]\n", qgen_cats[1 + a],
		              qgen_cats[1 + b]);
		any = true;
	}
	if (qgen_chance(r, 8)) {
		sc_buf_printf(out, "    flag: %s\n", qgen_fws[qgen_below(r, 7)]);
		any = true;
	}
	if (qgen_chance(r, 30)) {
		size_t g = qgen_below(r, ngapids);
		size_t nc = sizeof qgen_criteria / sizeof qgen_criteria[0];
		sc_buf_printf(out,
		              "    gap:\n      id: g%zu\n      title: Gap %zu "
		              "seen by rule %zu\n      criteria: [%s, %s]\n"
		              "      priority: %s\n      advice: Close gap %zu.\n"
		              "      kind: %s\n",
		              g, g, i, qgen_criteria[qgen_below(r, nc)],
		              qgen_criteria[qgen_below(r, nc)],
		              qgen_prios[qgen_below(r, 3)], g,
		              qgen_chance(r, 20) ? "followup" : "gap");
		any = true;
	}
	if (qgen_chance(r, 30)) {
		sc_buf_printf(out, "    readiness: {item: i%zu, status: %s}\n",
		              qgen_below(r, nitems), qgen_statuses[qgen_below(r, 4)]);
		any = true;
	}
	if (!any || qgen_chance(r, 10))
		sc_buf_printf(out, "    next_step: Follow up on rule %zu.\n", i);
}

/* Write a questionnaire as YAML to `out`. */
static inline void
qgen_yaml(const struct qgen_params *p, struct sc_buf *out)
{
	struct qgen_rng r = {p->seed};
	size_t nq = p->nquestions ? p->nquestions : 1;
	size_t ns = p->nsections ? p->nsections : 1;
	if (ns > nq)
		ns = nq;
	struct qgen_q *qs = sc_xcalloc(nq, sizeof *qs);

	sc_buf_printf(out, "id: generated\ntitle: Generated questionnaire\n"
	                   "version: \"1.0\"\ndescription: %zu questions and "
	                   "%zu rules made by a deterministic generator.\n"
	                   "sections:\n", nq, p->nrules);
	size_t per = nq / ns, extra = nq % ns, i = 0;
	for (size_t s = 0; s < ns; s++) {
		size_t count = per + (s < extra);
		sc_buf_printf(out, "  - id: s%zu\n    title: Section %zu\n"
		                   "    intro: Questions about area %zu.\n"
		                   "    questions:\n", s, s, s);
		for (size_t k = 0; k < count; k++, i++) {
			struct qgen_q *t = &qs[i];
			size_t roll = qgen_below(&r, 100);
			t->type = roll < 40 ? SC_Q_YESNO
			        : roll < 60 ? SC_Q_SINGLE
			        : roll < 75 ? SC_Q_MULTI
			        : roll < 90 ? SC_Q_NUMBER
			        : roll < 96 ? SC_Q_TEXT : SC_Q_DATE;
			sc_buf_printf(out, "      - id: q%zu\n        type: %s\n"
			                   "        text: Question number %zu of "
			                   "section %zu?\n        help: We ask "
			                   "because rules and later questions read "
			                   "it.\n", i, sc_qtype_id_str(t->type), i, s);
			if (qgen_chance(&r, 30))
				sc_buf_puts(out, "        required: true\n");
			if (i > 0 && qgen_chance(&r, 45)) {
				sc_buf_puts(out, "        show_if: '");
				qgen_expr(out, &r, qs, i, qgen_chance(&r, 60));
				sc_buf_puts(out, "'\n");
			}
			switch (t->type) {
			case SC_Q_YESNO:
				t->unsure = qgen_chance(&r, 30);
				if (t->unsure)
					sc_buf_puts(out, "        unsure: true\n");
				break;
			case SC_Q_SINGLE:
			case SC_Q_MULTI:
				t->nchoices = 2 + qgen_below(&r, 5);
				sc_buf_puts(out, "        choices:\n");
				for (size_t c = 0; c < t->nchoices; c++)
					sc_buf_printf(out, "          - {id: c%zu, label: "
					                   "Choice %zu}\n", c, c);
				break;
			case SC_Q_NUMBER:
				sc_buf_puts(out, "        min: 0\n        max: 1000\n");
				break;
			case SC_Q_TEXT:
				sc_buf_puts(out, "        max_length: 200\n");
				break;
			case SC_Q_DATE:
				sc_buf_puts(out, "        min: 2000-01-01\n");
				break;
			}
		}
	}
	if (!p->nrules) {
		sc_buf_puts(out, "rules: []\n");
	} else {
		sc_buf_puts(out, "rules:\n");
		size_t ngapids = p->nrules / 10 + 1, nitems = p->nrules / 8 + 1;
		for (size_t k = 0; k < p->nrules; k++)
			qgen_rule(out, &r, qs, nq, k, ngapids, nitems);
	}
	free(qs);
}

static inline void
qgen_answer_free(struct sc_answer *a)
{
	free(a->sel);
	free(a->text);
	memset(a, 0, sizeof *a);
	a->type = SC_A_NONE;
}

/* A random valid answer to `qn` (unanswered about one time in six),
 * replacing whatever `a` held. */
static inline void
qgen_answer(struct qgen_rng *r, const struct sc_question *qn,
            struct sc_answer *a)
{
	qgen_answer_free(a);
	if (qgen_chance(r, 16))
		return;
	switch (qn->type) {
	case SC_Q_YESNO:
		if (qn->allow_unsure && qgen_chance(r, 20)) {
			a->type = SC_A_UNSURE;
		} else {
			a->type = SC_A_BOOL;
			a->b = qgen_chance(r, 50);
		}
		break;
	case SC_Q_SINGLE:
		a->type = SC_A_CHOICE;
		a->choice = qgen_below(r, qn->nchoices);
		break;
	case SC_Q_MULTI:
		a->type = SC_A_CHOICES;
		a->sel = sc_xmalloc((qn->nchoices + 1) * sizeof *a->sel);
		for (size_t c = 0; c < qn->nchoices; c++)
			if (qgen_chance(r, 40))
				a->sel[a->nsel++] = c;
		break;
	case SC_Q_NUMBER:
		a->type = SC_A_NUMBER;
		a->num = (double)qgen_below(r, 1001);
		break;
	case SC_Q_TEXT:
		a->type = SC_A_TEXT;
		a->text = sc_xasprintf("answer %zu", qgen_below(r, 1000));
		break;
	case SC_Q_DATE:
		a->type = SC_A_DATE;
		a->day = 18000 + (long)qgen_below(r, 3000); /* 2019 to 2027 */
		break;
	}
}

#endif
