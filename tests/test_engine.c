/* The rule engine: conflict resolution, skip logic, counts, the summary
 * line, and a randomized proof that incremental evaluation gives exactly
 * what a full evaluation gives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "socscope/answers.h"
#include "socscope/engine.h"
#include "socscope/expr.h"
#include "socscope/questionnaire.h"

#include "bench/qgen.h"

/* One loaded fixture with its answers and evaluator. */
struct fx {
	struct sc_questionnaire *q;
	struct sc_answers *a;
	struct sc_eval *ev;
};

static struct sc_questionnaire *
load_text(const char *name, const char *text)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	struct sc_questionnaire *q =
		sc_questionnaire_load_buffer(name, text, strlen(text), &d, &st);
	if (!q) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		fprintf(stderr, "%s", sc_buf_str(&b));
		sc_buf_fini(&b);
	}
	sc_diags_fini(&d);
	assert_non_null(q);
	return q;
}

static void
fx_open(struct fx *f, const char *fixture)
{
	char *rel = sc_xasprintf("tests/fixtures/engine/%s", fixture);
	char *path = th_src(rel);
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	f->q = sc_questionnaire_load_file(path, &d, &st);
	if (!f->q) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		fprintf(stderr, "%s", sc_buf_str(&b));
		sc_buf_fini(&b);
	}
	sc_diags_fini(&d);
	free(path);
	free(rel);
	assert_non_null(f->q);
	f->a = sc_answers_new(f->q);
	f->ev = sc_eval_new(f->q, f->a);
	assert_non_null(f->ev);
}

static void
fx_close(struct fx *f)
{
	sc_eval_free(f->ev);
	sc_answers_free(f->a);
	sc_questionnaire_free(f->q);
}

static size_t
qidx(const struct fx *f, const char *id)
{
	const struct sc_question *qn = sc_questionnaire_find(f->q, id);
	if (!qn)
		fail_msg("no question %s", id);
	return qn->index;
}

static size_t
ridx(const struct sc_questionnaire *q, const char *id)
{
	for (size_t r = 0; r < q->nrules; r++)
		if (strcmp(q->rules[r].id, id) == 0)
			return r;
	fail_msg("no rule %s", id);
	return SIZE_MAX;
}

/* Answer yes/no question `id` and tell the evaluator, as the interview does. */
static void
set_bool(struct fx *f, const char *id, bool b)
{
	struct sc_answer v = {.type = SC_A_BOOL, .b = b};
	size_t i = qidx(f, id);
	assert_true(sc_answers_set(f->a, i, &v));
	sc_eval_changed(f->ev, i);
}

static void
set_choice(struct fx *f, const char *id, const char *choice)
{
	size_t i = qidx(f, id);
	int c = sc_question_find_choice(&f->q->questions[i], choice);
	assert_true(c >= 0);
	struct sc_answer v = {.type = SC_A_CHOICE, .choice = (size_t)c};
	assert_true(sc_answers_set(f->a, i, &v));
	sc_eval_changed(f->ev, i);
}

static void
set_num(struct fx *f, const char *id, double n)
{
	struct sc_answer v = {.type = SC_A_NUMBER, .num = n};
	size_t i = qidx(f, id);
	assert_true(sc_answers_set(f->a, i, &v));
	sc_eval_changed(f->ev, i);
}

static void
unset(struct fx *f, const char *id)
{
	size_t i = qidx(f, id);
	sc_answers_unset(f->a, i);
	sc_eval_changed(f->ev, i);
}

/* Fire the rules named (each fixture's switch question has the rule's id). */
static void
fire(struct fx *f, const char *const *ids)
{
	for (size_t k = 0; ids[k]; k++)
		set_bool(f, ids[k], true);
}

/* The rule ids of a reasons list, joined with spaces. */
static char *
reason_ids(const struct sc_questionnaire *q, const struct sc_reasons *r)
{
	struct sc_buf b = {0};
	for (size_t k = 0; k < r->n; k++) {
		if (k)
			sc_buf_putc(&b, ' ');
		sc_buf_puts(&b, q->rules[r->rules[k]].id);
	}
	return sc_buf_steal(&b);
}

#define assert_reasons(q, r, expect)                                           \
	do {                                                                   \
		char *got_ = reason_ids((q), (r));                             \
		assert_string_equal(got_, (expect));                           \
		free(got_);                                                    \
	} while (0)

static char *
summary(struct fx *f)
{
	struct sc_buf b = {0};
	sc_result_summary(f->q, sc_eval_result(f->ev), &b);
	return sc_buf_steal(&b);
}

#define assert_summary(f, expect)                                              \
	do {                                                                   \
		char *s_ = summary(f);                                         \
		assert_string_equal(s_, (expect));                             \
		free(s_);                                                      \
	} while (0)

static const struct sc_report_rec *
report(const struct sc_result *r, enum sc_report_id id)
{
	for (size_t i = 0; i < r->nreports; i++)
		if (r->reports[i].id == id)
			return &r->reports[i];
	return NULL;
}

/* ---- comparing an incremental result with a fresh one ------------------ */

static void
same_reasons(const struct sc_reasons *a, const struct sc_reasons *b,
             const char *what)
{
	if (a->n != b->n)
		fail_msg("%s: %zu reasons vs %zu", what, a->n, b->n);
	for (size_t k = 0; k < a->n; k++)
		if (a->rules[k] != b->rules[k])
			fail_msg("%s: reason %zu differs", what, k);
}

static void
same_result(const struct sc_result *x, const struct sc_result *y)
{
	assert_int_equal(x->nreports, y->nreports);
	for (size_t i = 0; i < x->nreports; i++) {
		const struct sc_report_rec *a = &x->reports[i], *b = &y->reports[i];
		assert_int_equal(a->id, b->id);
		assert_int_equal(a->type, b->type);
		assert_int_equal(a->period_months, b->period_months);
		assert_int_equal(a->type_rule, b->type_rule);
		same_reasons(&a->reasons, &b->reasons, "report");
	}
	same_reasons(&x->none, &y->none, "none");
	same_reasons(&x->deferred, &y->deferred, "deferred");
	for (size_t c = 0; c < SC_CAT_COUNT; c++) {
		assert_int_equal(x->tsc[c].in_scope, y->tsc[c].in_scope);
		assert_int_equal(x->tsc[c].required, y->tsc[c].required);
		same_reasons(&x->tsc[c].reasons, &y->tsc[c].reasons, "tsc");
	}
	assert_int_equal(x->nframeworks, y->nframeworks);
	for (size_t i = 0; i < x->nframeworks; i++) {
		assert_int_equal(x->frameworks[i].id, y->frameworks[i].id);
		same_reasons(&x->frameworks[i].reasons, &y->frameworks[i].reasons,
		             "framework");
	}
	assert_int_equal(x->ngaps, y->ngaps);
	for (size_t i = 0; i < x->ngaps; i++) {
		assert_ptr_equal(x->gaps[i].def, y->gaps[i].def);
		assert_int_equal(x->gaps[i].priority, y->gaps[i].priority);
		same_reasons(&x->gaps[i].reasons, &y->gaps[i].reasons, "gap");
		assert_int_equal(x->gaps[i].ncriteria, y->gaps[i].ncriteria);
		for (size_t k = 0; k < x->gaps[i].ncriteria; k++)
			assert_ptr_equal(x->gaps[i].criteria[k],
			                 y->gaps[i].criteria[k]);
	}
	assert_int_equal(x->nitems, y->nitems);
	for (size_t i = 0; i < x->nitems; i++) {
		assert_string_equal(x->items[i].item, y->items[i].item);
		assert_int_equal(x->items[i].status, y->items[i].status);
		assert_int_equal(x->items[i].rule, y->items[i].rule);
	}
	assert_int_equal(x->in_place, y->in_place);
	assert_int_equal(x->partial, y->partial);
	assert_int_equal(x->missing, y->missing);
	assert_int_equal(x->unknown, y->unknown);
	assert_int_equal(x->score, y->score);
	same_reasons(&x->next_steps, &y->next_steps, "next_steps");
	assert_int_equal(x->nunanswered, y->nunanswered);
	for (size_t i = 0; i < x->nunanswered; i++)
		assert_int_equal(x->unanswered[i], y->unanswered[i]);
	assert_int_equal(x->applicable, y->applicable);
	assert_int_equal(x->answered, y->answered);
}

/* The evaluator agrees in every respect with a fresh one on the same
 * answers. */
static void
matches_fresh(struct sc_eval *ev, const struct sc_questionnaire *q,
              const struct sc_answers *a)
{
	struct sc_eval *fresh = sc_eval_new(q, a);
	for (size_t i = 0; i < q->nquestions; i++) {
		if (sc_eval_visible(ev, i) != sc_eval_visible(fresh, i))
			fail_msg("question %s: visible %d, fresh says %d",
			         q->questions[i].id, sc_eval_visible(ev, i),
			         sc_eval_visible(fresh, i));
		assert_ptr_equal(sc_eval_answer(ev, i), sc_eval_answer(fresh, i));
	}
	for (size_t r = 0; r < q->nrules; r++)
		if (sc_eval_fired(ev, r) != sc_eval_fired(fresh, r))
			fail_msg("rule %s: fired %d, fresh says %d", q->rules[r].id,
			         sc_eval_fired(ev, r), sc_eval_fired(fresh, r));
	same_result(sc_eval_result(ev), sc_eval_result(fresh));
	sc_eval_free(fresh);
}

/* ---- report types ------------------------------------------------------ */

static void
report_without_proposal_is_type1_without_period(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "types.yaml");
	fire(&f, (const char *[]){"want_soc2", NULL});
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_int_equal(r->nreports, 1);
	assert_int_equal(r->reports[0].id, SC_SOC2);
	assert_int_equal(r->reports[0].type, SC_TYPE1);
	assert_int_equal(r->reports[0].period_months, 0);
	assert_int_equal(r->reports[0].type_rule, SIZE_MAX);
	assert_reasons(f.q, &r->reports[0].reasons, "want_soc2");
	fx_close(&f);
}

static void
single_proposal_sets_type_and_period(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "types.yaml");
	fire(&f, (const char *[]){"want_soc2", "soc2_type2_12", NULL});
	const struct sc_result *r = sc_eval_result(f.ev);
	const struct sc_report_rec *s2 = report(r, SC_SOC2);
	assert_non_null(s2);
	assert_int_equal(s2->type, SC_TYPE2);
	assert_int_equal(s2->period_months, 12);
	assert_int_equal(s2->type_rule, ridx(f.q, "soc2_type2_12"));
	/* Recommend rules first, then the winning type rule. */
	assert_reasons(f.q, &s2->reasons, "want_soc2 soc2_type2_12");
	fx_close(&f);
}

static void
equal_weight_type1_beats_type2(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "types.yaml");
	fire(&f, (const char *[]){"want_soc2", "soc2_type2_12", "soc2_type1",
	                          NULL});
	const struct sc_report_rec *s2 = report(sc_eval_result(f.ev), SC_SOC2);
	assert_int_equal(s2->type, SC_TYPE1);
	assert_int_equal(s2->period_months, 0);
	assert_int_equal(s2->type_rule, ridx(f.q, "soc2_type1"));
	assert_reasons(f.q, &s2->reasons, "want_soc2 soc2_type1");
	fx_close(&f);
}

static void
higher_weight_wins_over_type1(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "types.yaml");
	fire(&f, (const char *[]){"want_soc2", "soc2_type2_12", "soc2_type1",
	                          "soc2_type2_heavy", NULL});
	const struct sc_report_rec *s2 = report(sc_eval_result(f.ev), SC_SOC2);
	assert_int_equal(s2->type, SC_TYPE2);
	assert_int_equal(s2->period_months, 6);
	assert_int_equal(s2->type_rule, ridx(f.q, "soc2_type2_heavy"));
	/* Withdrawing the heavy proposal hands it back to Type I. */
	set_bool(&f, "soc2_type2_heavy", false);
	s2 = report(sc_eval_result(f.ev), SC_SOC2);
	assert_int_equal(s2->type, SC_TYPE1);
	fx_close(&f);
}

static void
same_weight_same_type_earlier_rule_wins(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "types.yaml");
	/* Fired in the opposite order to the file: file order still decides. */
	fire(&f, (const char *[]){"want_soc2", "soc2_type2_9", "soc2_type2_12",
	                          NULL});
	const struct sc_report_rec *s2 = report(sc_eval_result(f.ev), SC_SOC2);
	assert_int_equal(s2->period_months, 12);
	assert_int_equal(s2->type_rule, ridx(f.q, "soc2_type2_12"));
	set_bool(&f, "soc2_type2_12", false);
	s2 = report(sc_eval_result(f.ev), SC_SOC2);
	assert_int_equal(s2->period_months, 9);
	fx_close(&f);
}

static void
proposal_without_recommendation_adds_no_report(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "types.yaml");
	fire(&f, (const char *[]){"soc1_type2", "want_soc2", NULL});
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_int_equal(r->nreports, 1);
	assert_null(report(r, SC_SOC1));
	/* Once SOC 1 is recommended the earlier proposal applies. */
	set_bool(&f, "want_soc1", true);
	r = sc_eval_result(f.ev);
	assert_int_equal(r->nreports, 2);
	assert_int_equal(r->reports[0].id, SC_SOC1);
	assert_int_equal(r->reports[1].id, SC_SOC2);
	assert_int_equal(r->reports[0].type, SC_TYPE2);
	assert_int_equal(r->reports[0].period_months, 12);
	assert_reasons(f.q, &r->reports[0].reasons, "want_soc1 soc1_type2");
	fx_close(&f);
}

static void
rule_that_recommends_and_types_is_listed_once(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "types.yaml");
	fire(&f, (const char *[]){"soc1_both", NULL});
	const struct sc_report_rec *s1 = report(sc_eval_result(f.ev), SC_SOC1);
	assert_non_null(s1);
	assert_int_equal(s1->type, SC_TYPE2);
	assert_reasons(f.q, &s1->reasons, "soc1_both");
	fx_close(&f);
}

/* ---- SOC 3, none and the summary -------------------------------------- */

static void
soc3_rides_on_soc2_type2(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "soc3.yaml");
	fire(&f, (const char *[]){"want_soc3", "want_soc2", "soc2_type2", NULL});
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_int_equal(r->nreports, 2);
	const struct sc_report_rec *s3 = report(r, SC_SOC3);
	assert_non_null(s3);
	/* No type of its own; the SOC 2 Type II's period. */
	assert_int_equal(s3->type, SC_TYPE_NONE);
	assert_int_equal(s3->period_months, 12);
	assert_int_equal(s3->type_rule, ridx(f.q, "soc2_type2"));
	assert_reasons(f.q, &s3->reasons, "want_soc3 soc2_type2");
	assert_int_equal(r->deferred.n, 0);
	assert_summary(&f, "SOC 2 Type II and SOC 3 (Security)");
	struct sc_buf b = {0};
	sc_report_title(s3, &b);
	assert_string_equal(sc_buf_str(&b), "SOC 3 (public summary of the SOC 2 "
	                                    "Type II, same period)");
	sc_buf_reset(&b);
	sc_report_title(report(r, SC_SOC2), &b);
	assert_string_equal(sc_buf_str(&b), "SOC 2 Type II");
	sc_buf_fini(&b);
	fx_close(&f);
}

static void
soc3_deferred_without_soc2_type2(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "soc3.yaml");
	/* SOC 2 as Type I: SOC 3 waits. */
	fire(&f, (const char *[]){"want_soc2", "want_soc3", "soc2_type2",
	                          "soc2_type1", NULL});
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_int_equal(r->nreports, 1);
	assert_null(report(r, SC_SOC3));
	assert_reasons(f.q, &r->deferred, "want_soc3");
	assert_summary(&f, "SOC 2 Type I (Security)");
	/* The Type I constraint goes away: SOC 3 comes back. */
	set_bool(&f, "soc2_type1", false);
	r = sc_eval_result(f.ev);
	assert_int_equal(r->nreports, 2);
	assert_int_equal(r->deferred.n, 0);
	/* No SOC 2 at all: deferred again, nothing recommended. */
	set_bool(&f, "want_soc2", false);
	r = sc_eval_result(f.ev);
	assert_int_equal(r->nreports, 0);
	assert_reasons(f.q, &r->deferred, "want_soc3");
	assert_summary(&f, "No SOC report recommended now: a SOC 3 summarizes "
	                   "a SOC 2 Type II, which is not recommended yet.");
	/* With the SOC 3 waiting, the list of reports is empty, so a reason
	 * to get no report now is what the summary gives. */
	set_bool(&f, "too_small", true);
	r = sc_eval_result(f.ev);
	assert_reasons(f.q, &r->none, "too_small");
	assert_reasons(f.q, &r->deferred, "want_soc3");
	assert_summary(&f, "No SOC report recommended now: You have no "
	                   "customers yet; answer security questionnaires "
	                   "directly for now.");
	fx_close(&f);
}

static void
none_counts_only_without_a_report(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "soc3.yaml");
	fire(&f, (const char *[]){"internal_only", "too_small", NULL});
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_int_equal(r->nreports, 0);
	assert_reasons(f.q, &r->none, "too_small internal_only");
	/* The first `none` rule in the file gives the summary. */
	assert_summary(&f, "No SOC report recommended now: You have no "
	                   "customers yet; answer security questionnaires "
	                   "directly for now.");
	set_bool(&f, "want_soc1", true);
	r = sc_eval_result(f.ev);
	assert_int_equal(r->nreports, 1);
	assert_int_equal(r->none.n, 0);
	assert_summary(&f, "SOC 1 Type I");
	fx_close(&f);
}

static void
summary_without_answers_says_not_yet(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "soc3.yaml");
	assert_summary(&f, "No SOC report recommended yet: not enough answers.");
	/* A gap alone says nothing about reports yet. */
	fire(&f, (const char *[]){"some_gap", NULL});
	assert_int_equal(sc_eval_result(f.ev)->ngaps, 1);
	assert_summary(&f, "No SOC report recommended yet: not enough answers.");
	fx_close(&f);
}

static void
summary_joins_reports_and_lists_categories(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "soc3.yaml");
	/* Categories named in enum order, whatever order the rules fire. */
	fire(&f, (const char *[]){"conf", "avail", "want_soc2", "soc2_type2",
	                          "want_soc1", "soc1_type2", NULL});
	assert_summary(&f, "SOC 1 Type II and SOC 2 Type II (Security, "
	                   "Availability, Confidentiality)");
	set_bool(&f, "want_soc3", true);
	assert_summary(&f, "SOC 1 Type II, SOC 2 Type II and SOC 3 (Security, "
	                   "Availability, Confidentiality)");
	set_bool(&f, "want_soc2", false);
	assert_summary(&f, "SOC 1 Type II");
	fx_close(&f);
}

/* ---- categories, frameworks, next steps ------------------------------- */

static void
categories_out_without_soc2(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "scope.yaml");
	fire(&f, (const char *[]){"avail_in", "conf_out", "security_in", NULL});
	const struct sc_result *r = sc_eval_result(f.ev);
	for (size_t c = 0; c < SC_CAT_COUNT; c++) {
		assert_false(r->tsc[c].in_scope);
		assert_false(r->tsc[c].required);
	}
	/* Out reasons still explain why a category is out. */
	assert_reasons(f.q, &r->tsc[SC_CAT_CONFIDENTIALITY].reasons, "conf_out");
	assert_int_equal(r->tsc[SC_CAT_AVAILABILITY].reasons.n, 0);
	fx_close(&f);
}

static void
security_always_in_and_required_with_soc2(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "scope.yaml");
	fire(&f, (const char *[]){"want_soc2", NULL});
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_true(r->tsc[SC_CAT_SECURITY].in_scope);
	assert_true(r->tsc[SC_CAT_SECURITY].required);
	assert_int_equal(r->tsc[SC_CAT_SECURITY].reasons.n, 0);
	for (size_t c = 1; c < SC_CAT_COUNT; c++) {
		assert_false(r->tsc[c].in_scope);
		assert_false(r->tsc[c].required);
	}
	set_bool(&f, "security_in", true);
	r = sc_eval_result(f.ev);
	assert_reasons(f.q, &r->tsc[SC_CAT_SECURITY].reasons, "security_in");
	fx_close(&f);
}

static void
scope_beats_scope_out(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "scope.yaml");
	fire(&f, (const char *[]){"want_soc2", "avail_out", "avail_in",
	                          "conf_out", "conf_out_again", "privacy_in",
	                          NULL});
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_true(r->tsc[SC_CAT_AVAILABILITY].in_scope);
	assert_false(r->tsc[SC_CAT_AVAILABILITY].required);
	assert_reasons(f.q, &r->tsc[SC_CAT_AVAILABILITY].reasons, "avail_in");
	assert_false(r->tsc[SC_CAT_CONFIDENTIALITY].in_scope);
	assert_reasons(f.q, &r->tsc[SC_CAT_CONFIDENTIALITY].reasons,
	               "conf_out conf_out_again");
	assert_false(r->tsc[SC_CAT_PROCESSING_INTEGRITY].in_scope);
	assert_reasons(f.q, &r->tsc[SC_CAT_PROCESSING_INTEGRITY].reasons,
	               "conf_out_again");
	assert_true(r->tsc[SC_CAT_PRIVACY].in_scope);
	assert_summary(&f, "SOC 2 Type I (Security, Availability, Privacy)");
	/* Without the scope rule, the out reason shows. */
	set_bool(&f, "avail_in", false);
	r = sc_eval_result(f.ev);
	assert_false(r->tsc[SC_CAT_AVAILABILITY].in_scope);
	assert_reasons(f.q, &r->tsc[SC_CAT_AVAILABILITY].reasons, "avail_out");
	fx_close(&f);
}

static void
frameworks_in_enum_order_with_reasons(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "scope.yaml");
	fire(&f, (const char *[]){"phi_again", "cards", "phi", "privacy_in",
	                          NULL});
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_int_equal(r->nframeworks, 3);
	assert_int_equal(r->frameworks[0].id, SC_FW_HIPAA);
	assert_reasons(f.q, &r->frameworks[0].reasons, "phi phi_again");
	assert_int_equal(r->frameworks[1].id, SC_FW_PCI_DSS);
	assert_reasons(f.q, &r->frameworks[1].reasons, "cards");
	assert_int_equal(r->frameworks[2].id, SC_FW_SUBSERVICE);
	assert_reasons(f.q, &r->next_steps, "privacy_in phi");
	fx_close(&f);
}

/* ---- gaps -------------------------------------------------------------- */

static void
gaps_merge_by_id_with_highest_priority(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "gaps.yaml");
	fire(&f, (const char *[]){"mfa_medium", "mfa_low", NULL});
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_int_equal(r->ngaps, 1);
	assert_string_equal(r->gaps[0].def->id, "mfa");
	assert_int_equal(r->gaps[0].priority, SC_PRIO_MEDIUM);
	assert_string_equal(r->gaps[0].def->title, "Find out where MFA is used");
	assert_reasons(f.q, &r->gaps[0].reasons, "mfa_low mfa_medium");
	set_bool(&f, "mfa_high", true);
	r = sc_eval_result(f.ev);
	assert_int_equal(r->ngaps, 1);
	assert_int_equal(r->gaps[0].priority, SC_PRIO_HIGH);
	assert_string_equal(r->gaps[0].def->title,
	                    "Require MFA for production access");
	assert_int_equal(r->gaps[0].def->ncriteria, 2);
	assert_reasons(f.q, &r->gaps[0].reasons, "mfa_low mfa_high mfa_medium");
	fx_close(&f);
}

static void
gaps_ordered_high_medium_low_then_file_order(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "gaps.yaml");
	fire(&f, (const char *[]){"policy_low", "backup_high", "mfa_high",
	                          "logs_medium", "mfa_low", NULL});
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_int_equal(r->ngaps, 4);
	/* mfa first appears (mfa_low) before backup, so it leads the highs. */
	assert_string_equal(r->gaps[0].def->id, "mfa");
	assert_string_equal(r->gaps[1].def->id, "backup");
	assert_string_equal(r->gaps[2].def->id, "logs");
	assert_string_equal(r->gaps[3].def->id, "policy");
	assert_true(r->gaps[3].def->followup);
	assert_int_equal(r->gaps[3].priority, SC_PRIO_LOW);
	fx_close(&f);
}

/* ---- readiness --------------------------------------------------------- */

static void
readiness_worst_status_counts(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "readiness.yaml");
	fire(&f, (const char *[]){"a_in_place", "a_unknown", "b_in_place",
	                          "b_partial", NULL});
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_int_equal(r->nitems, 2);
	assert_string_equal(r->items[0].item, "access_reviews");
	assert_int_equal(r->items[0].status, SC_READY_UNKNOWN);
	assert_int_equal(r->items[0].rule, ridx(f.q, "a_unknown"));
	assert_string_equal(r->items[1].item, "backups");
	assert_int_equal(r->items[1].status, SC_READY_PARTIAL);
	/* Missing beats unknown; unknown beats partial. */
	set_bool(&f, "a_missing", true);
	set_bool(&f, "b_unknown", true);
	r = sc_eval_result(f.ev);
	assert_int_equal(r->items[0].status, SC_READY_MISSING);
	assert_int_equal(r->items[0].rule, ridx(f.q, "a_missing"));
	assert_int_equal(r->items[1].status, SC_READY_UNKNOWN);
	assert_int_equal(r->missing, 1);
	assert_int_equal(r->unknown, 1);
	assert_int_equal(r->partial, 0);
	assert_int_equal(r->in_place, 0);
	assert_int_equal(r->score, 0);
	fx_close(&f);
}

static void
readiness_score_rounds_and_counts_partial_as_half(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "readiness.yaml");
	assert_int_equal(sc_eval_result(f.ev)->score, 0);
	assert_int_equal(sc_eval_result(f.ev)->nitems, 0);
	/* missing, partial, missing: 100 * 0.5 / 3 = 16.67 -> 17. */
	fire(&f, (const char *[]){"a_missing", "b_partial", "d_missing", NULL});
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_int_equal(r->nitems, 3);
	assert_int_equal(r->score, 17);
	/* in place, partial, partial: 100 * 2 / 3 = 66.67 -> 67. */
	set_bool(&f, "a_missing", false);
	set_bool(&f, "a_in_place", true);
	set_bool(&f, "d_missing", false);
	set_bool(&f, "c_partial", true);
	r = sc_eval_result(f.ev);
	assert_int_equal(r->nitems, 3);
	assert_int_equal(r->in_place, 1);
	assert_int_equal(r->partial, 2);
	assert_int_equal(r->score, 67);
	/* Everything in place: 100. */
	set_bool(&f, "b_partial", false);
	set_bool(&f, "b_in_place", true);
	set_bool(&f, "c_partial", false);
	r = sc_eval_result(f.ev);
	assert_int_equal(r->nitems, 2);
	assert_int_equal(r->score, 100);
	fx_close(&f);
}

static void
readiness_score_half_rounds_up(void **state)
{
	(void)state;
	/* Four items, one partial: 100 * 0.5 / 4 = 12.5, which rounds to 13;
	 * with one more in place: 100 * 1.5 / 4 = 37.5 -> 38. */
	static const char text[] =
		"id: half\ntitle: Half\nversion: \"1\"\ndescription: Rounding.\n"
		"sections:\n  - id: s\n    title: S\n    questions:\n"
		"      - {id: go, type: yesno, text: Go?, help: Switch.}\n"
		"      - {id: more, type: yesno, text: More?, help: Switch.}\n"
		"rules:\n"
		"  - {id: r1, when: go, because: One., readiness: {item: a, status: partial}}\n"
		"  - {id: r2, when: go, because: Two., readiness: {item: b, status: missing}}\n"
		"  - {id: r3, when: go, because: Three., readiness: {item: c, status: missing}}\n"
		"  - {id: r4, when: go and not more, because: Four., readiness: {item: d, status: missing}}\n"
		"  - {id: r5, when: go and more, because: Five., readiness: {item: d, status: in_place}}\n";
	struct fx f;
	f.q = load_text("half.yaml", text);
	f.a = sc_answers_new(f.q);
	f.ev = sc_eval_new(f.q, f.a);
	set_bool(&f, "go", true);
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_int_equal(r->nitems, 4);
	assert_int_equal(r->score, 13);
	set_bool(&f, "more", true);
	r = sc_eval_result(f.ev);
	assert_int_equal(r->score, 38);
	assert_int_equal(r->in_place, 1);
	assert_int_equal(r->partial, 1);
	assert_int_equal(r->missing, 2);
	fx_close(&f);
}

/* ---- what a reason rests on ------------------------------------------- */

/* The question ids sc_eval_because gives for rule `id`, joined by spaces. */
static char *
because_ids(struct fx *f, const char *id)
{
	size_t n = 99;
	const size_t *v = sc_eval_because(f->ev, ridx(f->q, id), &n);
	struct sc_buf b = {0};
	sc_buf_add(&b, "", 0);
	for (size_t k = 0; k < n; k++)
		sc_buf_printf(&b, "%s%s", k ? " " : "", f->q->questions[v[k]].id);
	return sc_buf_steal(&b);
}

static void
because_lists_only_the_answers_that_fired_the_rule(void **state)
{
	(void)state;
	static const char text[] =
		"id: because\ntitle: Because\nversion: \"1\"\n"
		"description: Witnesses.\n"
		"sections:\n  - id: s\n    title: S\n    questions:\n"
		"      - {id: a, type: yesno, text: A?, help: Switch.}\n"
		"      - {id: b, type: yesno, text: B?, help: Switch.}\n"
		"      - {id: c, type: yesno, text: C?, help: Switch.}\n"
		"      - {id: d, type: yesno, text: D?, help: Never answered.}\n"
		"      - {id: h, type: yesno, text: H?, help: Hidden when a.,"
		" show_if: not a}\n"
		"      - {id: n, type: number, text: N?, help: A number.}\n"
		"rules:\n"
		"  - {id: one_or, when: b or a or c, because: Or., flag: hipaa}\n"
		"  - {id: and_not, when: a and not c, because: And not., flag: sox}\n"
		"  - {id: not_or, when: not (b or c), because: Not or., flag: gdpr}\n"
		"  - {id: not_and, when: not (a and c and b), because: Not and.,"
		" flag: ccpa}\n"
		"  - {id: unanswered, when: a and not d and count(d) == 0,"
		" because: Unanswered., flag: iso27001}\n"
		"  - {id: hidden, when: not h and n > 2, because: Hidden.,"
		" flag: pci_dss}\n"
		"  - {id: always, when: true, because: Always.,"
		" flag: subservice}\n";
	static const struct {
		const char *rule, *because;
	} rows[] = {
		/* only the branch that held, not the false ones */
		{"one_or", "a"},
		{"and_not", "a c"},
		/* not of or: each branch */
		{"not_or", "b c"},
		/* not of and: the first false part */
		{"not_and", "c"},
		/* never a question without an answer or a hidden one */
		{"unanswered", "a"},
		{"hidden", "n"},
		{"always", ""},
	};
	struct fx f;
	f.q = load_text("because.yaml", text);
	f.a = sc_answers_new(f.q);
	f.ev = sc_eval_new(f.q, f.a);
	/* h is answered, then hidden by a. */
	set_bool(&f, "h", true);
	set_bool(&f, "a", true);
	set_bool(&f, "b", false);
	set_bool(&f, "c", false);
	set_num(&f, "n", 5);
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_int_equal(r->nframeworks, 7);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		assert_true(sc_eval_fired(f.ev, ridx(f.q, rows[i].rule)));
		char *got = because_ids(&f, rows[i].rule);
		if (strcmp(got, rows[i].because) != 0)
			fail_msg("rule %s rests on \"%s\", want \"%s\"",
			         rows[i].rule, got, rows[i].because);
		free(got);
	}
	/* It follows the answers: now b holds, and the or rests on it. */
	set_bool(&f, "b", true);
	char *got = because_ids(&f, "one_or");
	assert_string_equal(got, "b");
	free(got);
	size_t n = 99;
	assert_null(sc_eval_because(f.ev, f.q->nrules, &n));
	assert_int_equal(n, 0);
	fx_close(&f);
}

/* ---- the criteria a gap shows ------------------------------------------ */

static char *
gap_criteria_str(const struct sc_result *r, const char *id)
{
	struct sc_buf b = {0};
	sc_buf_add(&b, "", 0);
	for (size_t i = 0; i < r->ngaps; i++) {
		if (strcmp(r->gaps[i].def->id, id) != 0)
			continue;
		for (size_t k = 0; k < r->gaps[i].ncriteria; k++)
			sc_buf_printf(&b, "%s%s", k ? " " : "",
			              r->gaps[i].criteria[k]);
	}
	return sc_buf_steal(&b);
}

static void
gap_criteria_follow_the_scope(void **state)
{
	(void)state;
	static const char text[] =
		"id: crit\ntitle: Criteria\nversion: \"1\"\n"
		"description: Criteria shown by scope.\n"
		"sections:\n  - id: s\n    title: S\n    questions:\n"
		"      - {id: soc1, type: yesno, text: SOC 1?, help: Switch.}\n"
		"      - {id: soc2, type: yesno, text: SOC 2?, help: Switch.}\n"
		"      - {id: avail, type: yesno, text: Avail?, help: Switch.}\n"
		"      - {id: pi, type: yesno, text: PI?, help: Switch.}\n"
		"      - {id: conf, type: yesno, text: Conf?, help: Switch.}\n"
		"      - {id: priv, type: yesno, text: Priv?, help: Switch.}\n"
		"rules:\n"
		"  - {id: soc1, when: soc1, because: One., recommend: soc1}\n"
		"  - {id: soc2, when: soc2, because: Two., recommend: soc2}\n"
		"  - {id: avail, when: avail, because: A., scope: availability}\n"
		"  - {id: pi, when: pi, because: PI., scope: processing_integrity}\n"
		"  - {id: conf, when: conf, because: C., scope: confidentiality}\n"
		"  - {id: priv, when: priv, because: P., scope: privacy}\n"
		"  - id: mixed\n    when: 'true'\n    because: Mixed.\n"
		"    gap: {id: mixed, title: Mixed, priority: high, advice: Do.,"
		" criteria: [CC6.1, A1.2, PI1.1, C1.1, P4.3, 'SOC1:recon']}\n"
		"  - id: privacy_only\n    when: 'true'\n    because: Privacy.\n"
		"    gap: {id: privacy_only, title: Privacy, priority: low,"
		" advice: Do., criteria: [P4.3, P6.1]}\n";
	static const struct {
		const char *on[6];
		const char *mixed, *privacy;
	} rows[] = {
		/* No report: the common criteria, the baseline to work on. */
		{{NULL}, "CC6.1", "P4.3 P6.1"},
		/* SOC 2, Security alone: the common criteria; a gap whose
		 * criteria all fall out keeps them all. */
		{{"soc2", NULL}, "CC6.1", "P4.3 P6.1"},
		{{"soc2", "avail", "conf", NULL}, "CC6.1 A1.2 C1.1", "P4.3 P6.1"},
		{{"soc2", "priv", NULL}, "CC6.1 P4.3", "P4.3 P6.1"},
		/* SOC 1 alone: its objectives, no Trust Services Criteria;
		 * categories are out without a SOC 2 whatever the rules say. */
		{{"soc1", NULL}, "SOC1:recon", "P4.3 P6.1"},
		{{"soc1", "pi", "priv", NULL}, "SOC1:recon", "P4.3 P6.1"},
		{{"soc1", "soc2", "pi", NULL}, "CC6.1 PI1.1 SOC1:recon",
		 "P4.3 P6.1"},
	};
	struct sc_questionnaire *q = load_text("crit.yaml", text);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct fx f = {q, sc_answers_new(q), NULL};
		f.ev = sc_eval_new(q, f.a);
		fire(&f, rows[i].on);
		const struct sc_result *r = sc_eval_result(f.ev);
		assert_int_equal(r->ngaps, 2);
		char *m = gap_criteria_str(r, "mixed");
		char *p = gap_criteria_str(r, "privacy_only");
		if (strcmp(m, rows[i].mixed) || strcmp(p, rows[i].privacy))
			fail_msg("row %zu: mixed \"%s\" (want \"%s\"), privacy "
			         "\"%s\" (want \"%s\")", i, m, rows[i].mixed, p,
			         rows[i].privacy);
		free(m);
		free(p);
		/* The definition keeps every criterion. */
		assert_int_equal(r->gaps[0].def->ncriteria, 6);
		sc_eval_free(f.ev);
		sc_answers_free(f.a);
	}
	sc_questionnaire_free(q);
}

/* ---- skip logic and counts -------------------------------------------- */

static void
unanswered_interview_evaluates(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "skip.yaml");
	const struct sc_result *r = sc_eval_result(f.ev);
	/* Shown: cloud, employees, notes. */
	assert_true(sc_eval_visible(f.ev, qidx(&f, "cloud")));
	assert_false(sc_eval_visible(f.ev, qidx(&f, "customers")));
	assert_false(sc_eval_visible(f.ev, qidx(&f, "sensitive")));
	assert_false(sc_eval_visible(f.ev, qidx(&f, "regions")));
	assert_int_equal(r->applicable, 3);
	assert_int_equal(r->answered, 0);
	assert_int_equal(r->nunanswered, 2);
	assert_int_equal(r->unanswered[0], qidx(&f, "cloud"));
	assert_int_equal(r->unanswered[1], qidx(&f, "employees"));
	/* "not customers" holds for an unanswered (hidden) question. */
	assert_true(sc_eval_fired(f.ev, ridx(f.q, "no_customer_data")));
	assert_false(sc_eval_fired(f.ev, ridx(f.q, "customer_data")));
	assert_int_equal(r->nreports, 0);
	fx_close(&f);
}

static void
hidden_answers_do_not_count_and_hiding_cascades(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "skip.yaml");
	set_bool(&f, "cloud", true);
	set_bool(&f, "customers", true);
	set_choice(&f, "sensitive", "high");
	struct sc_answer eu = {.type = SC_A_CHOICES, .sel = (size_t[]){1},
	                       .nsel = 1};
	size_t regions = qidx(&f, "regions");
	assert_true(sc_answers_set(f.a, regions, &eu));
	sc_eval_changed(f.ev, regions);
	set_num(&f, "employees", 80);

	const struct sc_result *r = sc_eval_result(f.ev);
	assert_int_equal(r->applicable, 6);
	assert_int_equal(r->answered, 5);
	assert_int_equal(r->nunanswered, 0);
	assert_int_equal(r->nreports, 1);
	assert_int_equal(r->nframeworks, 1);
	assert_int_equal(r->frameworks[0].id, SC_FW_GDPR);
	assert_int_equal(r->nitems, 1);
	matches_fresh(f.ev, f.q, f.a);

	/* "No cloud" hides customers; because customers was answered, that
	 * hides sensitive, which hides regions. */
	set_bool(&f, "cloud", false);
	assert_false(sc_eval_visible(f.ev, qidx(&f, "customers")));
	assert_false(sc_eval_visible(f.ev, qidx(&f, "sensitive")));
	assert_false(sc_eval_visible(f.ev, regions));
	assert_null(sc_eval_answer(f.ev, qidx(&f, "customers")));
	assert_null(sc_eval_answer(f.ev, regions));
	/* The answers themselves are kept. */
	assert_int_equal(f.a->v[regions].type, SC_A_CHOICES);
	r = sc_eval_result(f.ev);
	assert_int_equal(r->nreports, 0);
	assert_int_equal(r->nframeworks, 0);
	assert_true(sc_eval_fired(f.ev, ridx(f.q, "no_customer_data")));
	assert_int_equal(r->applicable, 3);
	assert_int_equal(r->answered, 2);
	assert_int_equal(r->nunanswered, 0);
	matches_fresh(f.ev, f.q, f.a);

	/* And back: the kept answers count again. */
	set_bool(&f, "cloud", true);
	r = sc_eval_result(f.ev);
	assert_int_equal(r->applicable, 6);
	assert_int_equal(r->answered, 5);
	assert_int_equal(r->nframeworks, 1);
	assert_true(sc_eval_visible(f.ev, regions));
	matches_fresh(f.ev, f.q, f.a);

	/* Changing a hidden question's answer changes nothing visible. */
	set_bool(&f, "cloud", false);
	set_choice(&f, "sensitive", "low");
	assert_false(sc_eval_visible(f.ev, regions));
	matches_fresh(f.ev, f.q, f.a);
	set_bool(&f, "cloud", true);
	/* sensitive is now "low": regions stays hidden. */
	assert_false(sc_eval_visible(f.ev, regions));
	assert_int_equal(sc_eval_result(f.ev)->nframeworks, 0);
	matches_fresh(f.ev, f.q, f.a);
	fx_close(&f);
}

static void
required_unanswered_list_follows_visibility(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "skip.yaml");
	set_bool(&f, "cloud", true);
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_int_equal(r->nunanswered, 2);
	assert_int_equal(r->unanswered[0], qidx(&f, "customers"));
	assert_int_equal(r->unanswered[1], qidx(&f, "employees"));
	set_bool(&f, "customers", true);
	r = sc_eval_result(f.ev);
	assert_int_equal(r->nunanswered, 2);
	assert_int_equal(r->unanswered[0], qidx(&f, "sensitive"));
	/* Unanswering shows it missing again, at its place in file order. */
	set_num(&f, "employees", 3);
	unset(&f, "customers");
	r = sc_eval_result(f.ev);
	assert_int_equal(r->nunanswered, 1);
	assert_int_equal(r->unanswered[0], qidx(&f, "customers"));
	assert_int_equal(r->answered, 2);
	assert_int_equal(r->applicable, 4);
	matches_fresh(f.ev, f.q, f.a);
	fx_close(&f);
}

static void
reset_recomputes_after_bulk_changes(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "skip.yaml");
	/* Set answers behind the evaluator's back, as loading a file does. */
	struct sc_answer yes = {.type = SC_A_BOOL, .b = true};
	assert_true(sc_answers_set(f.a, qidx(&f, "cloud"), &yes));
	assert_true(sc_answers_set(f.a, qidx(&f, "customers"), &yes));
	sc_eval_reset(f.ev);
	assert_true(sc_eval_visible(f.ev, qidx(&f, "sensitive")));
	assert_int_equal(sc_eval_result(f.ev)->nreports, 1);
	matches_fresh(f.ev, f.q, f.a);
	fx_close(&f);
}

static void
out_of_range_queries_are_harmless(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "skip.yaml");
	sc_eval_changed(f.ev, f.q->nquestions);
	sc_eval_changed(f.ev, SIZE_MAX);
	assert_false(sc_eval_visible(f.ev, f.q->nquestions));
	assert_false(sc_eval_fired(f.ev, f.q->nrules));
	assert_null(sc_eval_answer(f.ev, SIZE_MAX));
	assert_null(sc_eval_new(NULL, f.a));
	sc_eval_free(NULL);
	fx_close(&f);
}

/* ---- incremental == full ---------------------------------------------- */

/* Apply random answer changes to a generated questionnaire and after each
 * compare the incremental evaluator with a fresh full evaluation. */
static void
differential_run(const struct qgen_params *p, uint64_t answer_seed)
{
	struct sc_buf yaml = {0};
	qgen_yaml(p, &yaml);
	struct sc_questionnaire *q = load_text("generated.yaml", sc_buf_str(&yaml));
	sc_buf_fini(&yaml);
	struct sc_answers *a = sc_answers_new(q);
	struct qgen_rng rng = {answer_seed};
	struct sc_answer tmp = {0};
	/* Start half answered. */
	for (size_t i = 0; i < q->nquestions; i += 2) {
		qgen_answer(&rng, &q->questions[i], &tmp);
		if (tmp.type != SC_A_NONE)
			assert_true(sc_answers_set(a, i, &tmp));
	}
	struct sc_eval *ev = sc_eval_new(q, a);
	matches_fresh(ev, q, a);

	size_t *read = sc_xcalloc(q->nquestions, sizeof *read), nread = 0;
	bool *is_read = sc_xcalloc(q->nquestions, sizeof *is_read);
	for (size_t i = 0; i < q->nquestions; i++) {
		if (!q->questions[i].show_if)
			continue;
		size_t nd;
		const size_t *d = sc_expr_deps(q->questions[i].show_if, &nd);
		for (size_t k = 0; k < nd; k++)
			if (!is_read[d[k]]) {
				is_read[d[k]] = true;
				read[nread++] = d[k];
			}
	}
	free(is_read);
	size_t flips = 0, cascades = 0, fired_changes = 0;
	bool *vis = sc_xcalloc(q->nquestions, sizeof *vis);
	bool *fired = sc_xcalloc(q->nrules, sizeof *fired);
	for (int step = 0; step < 800; step++) {
		for (size_t i = 0; i < q->nquestions; i++)
			vis[i] = sc_eval_visible(ev, i);
		for (size_t r = 0; r < q->nrules; r++)
			fired[r] = sc_eval_fired(ev, r);
		/* Mostly one change per result, sometimes several before the
		 * result is read, to exercise the lazy rebuild. */
		int changes = step % 7 == 0 ? 3 : 1;
		for (int c = 0; c < changes; c++) {
			/* Favour questions a show_if reads, so cascades happen. */
			size_t i = nread && qgen_chance(&rng, 60)
				? read[qgen_below(&rng, nread)]
				: qgen_below(&rng, q->nquestions);
			qgen_answer(&rng, &q->questions[i], &tmp);
			if (tmp.type == SC_A_NONE)
				sc_answers_unset(a, i);
			else
				assert_true(sc_answers_set(a, i, &tmp));
			sc_eval_changed(ev, i);
		}
		size_t flipped = 0;
		for (size_t i = 0; i < q->nquestions; i++)
			flipped += vis[i] != sc_eval_visible(ev, i);
		for (size_t r = 0; r < q->nrules; r++)
			fired_changes += fired[r] != sc_eval_fired(ev, r);
		flips += flipped;
		cascades += flipped > 1;
		matches_fresh(ev, q, a);
	}
	/* The run must have exercised what it claims to test. */
	assert_true(flips > 100);
	assert_true(cascades > 20);
	assert_true(fired_changes > 10);

	free(read);
	free(vis);
	free(fired);
	qgen_answer_free(&tmp);
	sc_eval_free(ev);
	sc_answers_free(a);
	sc_questionnaire_free(q);
}

/* The bundled questionnaire with each worked example's answers, given one
 * answer at a time in file order and then withdrawn in reverse, as an
 * interview would: after every step the evaluator matches a fresh one. */
static void
examples_answered_one_by_one_match_full_evaluation(void **state)
{
	(void)state;
	char *qpath = th_src("questionnaires/soc-scoping.yaml");
	char *dir = th_src("questionnaires/examples");
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	struct sc_questionnaire *q = sc_questionnaire_load_file(qpath, &d, &st);
	assert_non_null(q);
	DIR *dh = opendir(dir);
	assert_non_null(dh);
	size_t files = 0;
	struct dirent *de;
	while ((de = readdir(dh))) {
		size_t n = strlen(de->d_name);
		if (n < 6 || strcmp(de->d_name + n - 5, ".yaml") != 0)
			continue;
		char *path = sc_xasprintf("%s/%s", dir, de->d_name);
		struct sc_answers *full = sc_answers_new(q);
		if (sc_answers_load_file(full, path, &d) != SC_OK) {
			/* Examples of other questionnaires are not this test's. */
			sc_diags_clear(&d);
			sc_answers_free(full);
			free(path);
			continue;
		}
		files++;
		struct sc_answers *a = sc_answers_new(q);
		struct sc_eval *ev = sc_eval_new(q, a);
		for (size_t i = 0; i < q->nquestions; i++) {
			if (full->v[i].type == SC_A_NONE)
				continue;
			assert_true(sc_answers_set(a, i, &full->v[i]));
			sc_eval_changed(ev, i);
			matches_fresh(ev, q, a);
		}
		struct sc_buf s1 = {0}, s2 = {0};
		struct sc_eval *whole = sc_eval_new(q, full);
		sc_result_summary(q, sc_eval_result(ev), &s1);
		sc_result_summary(q, sc_eval_result(whole), &s2);
		assert_string_equal(sc_buf_str(&s1), sc_buf_str(&s2));
		sc_eval_free(whole);
		sc_buf_fini(&s1);
		sc_buf_fini(&s2);
		for (size_t i = q->nquestions; i-- > 0;) {
			if (a->v[i].type == SC_A_NONE)
				continue;
			sc_answers_unset(a, i);
			sc_eval_changed(ev, i);
			matches_fresh(ev, q, a);
		}
		assert_int_equal(sc_eval_result(ev)->answered, 0);
		sc_eval_free(ev);
		sc_answers_free(a);
		sc_answers_free(full);
		free(path);
	}
	closedir(dh);
	/* The examples exist (they are the project's worked cases). */
	assert_true(files >= 5);
	sc_diags_fini(&d);
	sc_questionnaire_free(q);
	free(qpath);
	free(dir);
}

/* The benchmark and the test above rely on the generator being a function
 * of its seed, and on its output being a valid questionnaire. */
static void
generator_is_deterministic_and_valid(void **state)
{
	(void)state;
	struct qgen_params p = {.nquestions = 120, .nsections = 4,
	                        .nrules = 80, .seed = 5};
	struct sc_buf x = {0}, y = {0}, z = {0};
	qgen_yaml(&p, &x);
	qgen_yaml(&p, &y);
	assert_string_equal(sc_buf_str(&x), sc_buf_str(&y));
	p.seed = 6;
	qgen_yaml(&p, &z);
	assert_string_not_equal(sc_buf_str(&x), sc_buf_str(&z));
	struct sc_questionnaire *q = load_text("gen.yaml", sc_buf_str(&z));
	assert_int_equal(q->nquestions, 120);
	assert_int_equal(q->nsections, 4);
	assert_int_equal(q->nrules, 80);
	sc_questionnaire_free(q);
	sc_buf_fini(&x);
	sc_buf_fini(&y);
	sc_buf_fini(&z);
}

static void
incremental_matches_full_evaluation(void **state)
{
	(void)state;
	/* Several shapes: the usual mix, rules dense over few questions, and
	 * many questions with few rules (long show_if chains dominate). */
	static const struct qgen_params shapes[] = {
		{.nquestions = 400, .nsections = 8, .nrules = 300, .seed = 20261123},
		{.nquestions = 150, .nsections = 3, .nrules = 500, .seed = 1},
		{.nquestions = 1200, .nsections = 12, .nrules = 150, .seed = 99},
	};
	for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++)
		differential_run(&shapes[k], 7 + k);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(report_without_proposal_is_type1_without_period),
		cmocka_unit_test(single_proposal_sets_type_and_period),
		cmocka_unit_test(equal_weight_type1_beats_type2),
		cmocka_unit_test(higher_weight_wins_over_type1),
		cmocka_unit_test(same_weight_same_type_earlier_rule_wins),
		cmocka_unit_test(proposal_without_recommendation_adds_no_report),
		cmocka_unit_test(rule_that_recommends_and_types_is_listed_once),
		cmocka_unit_test(soc3_rides_on_soc2_type2),
		cmocka_unit_test(soc3_deferred_without_soc2_type2),
		cmocka_unit_test(none_counts_only_without_a_report),
		cmocka_unit_test(summary_without_answers_says_not_yet),
		cmocka_unit_test(summary_joins_reports_and_lists_categories),
		cmocka_unit_test(categories_out_without_soc2),
		cmocka_unit_test(security_always_in_and_required_with_soc2),
		cmocka_unit_test(scope_beats_scope_out),
		cmocka_unit_test(frameworks_in_enum_order_with_reasons),
		cmocka_unit_test(gaps_merge_by_id_with_highest_priority),
		cmocka_unit_test(gaps_ordered_high_medium_low_then_file_order),
		cmocka_unit_test(readiness_worst_status_counts),
		cmocka_unit_test(readiness_score_rounds_and_counts_partial_as_half),
		cmocka_unit_test(readiness_score_half_rounds_up),
		cmocka_unit_test(because_lists_only_the_answers_that_fired_the_rule),
		cmocka_unit_test(gap_criteria_follow_the_scope),
		cmocka_unit_test(unanswered_interview_evaluates),
		cmocka_unit_test(hidden_answers_do_not_count_and_hiding_cascades),
		cmocka_unit_test(required_unanswered_list_follows_visibility),
		cmocka_unit_test(reset_recomputes_after_bulk_changes),
		cmocka_unit_test(out_of_range_queries_are_harmless),
		cmocka_unit_test(generator_is_deterministic_and_valid),
		cmocka_unit_test(incremental_matches_full_evaluation),
		cmocka_unit_test(examples_answered_one_by_one_match_full_evaluation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
