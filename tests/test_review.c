/* Outcomes and the provider-report review.
 *
 * First the format's outcomes on a small fixture (tests/fixtures/review/
 * outcomes.yaml): the worst proposed outcome wins and its reasons are the
 * rules that proposed it, no fired proposal means no outcome yet, an
 * exclusive outcome keeps only its own gaps, {{question_id}} shows the
 * answer as the reports do, and the next review follows its date.
 *
 * Then the bundled review (questionnaires/soc-report-review.yaml) on the
 * day its examples and personas assume, 2026-12-15: each worked example
 * gets the outcome its opening comment argues, with the follow-ups and
 * gaps it names and none of those it rules out; hostile answers (dates
 * that contradict each other, a period or a report after today) get the
 * cannot-conclude outcome with the contradiction said in plain words, and
 * nothing else; and the questionnaire keeps the habits of the scoping one
 * (help on every question, a reason on every rule). */
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
#include "socscope/bundled.h"
#include "socscope/date.h"
#include "socscope/engine.h"
#include "socscope/questionnaire.h"
#include "socscope/report.h"

#define FIXTURE SC_SRCDIR "/tests/fixtures/review/outcomes.yaml"
#define REVIEW SC_SRCDIR "/questionnaires/soc-report-review.yaml"
#define EXDIR SC_SRCDIR "/questionnaires/examples/"
#define REVIEW_DATE "2026-12-15"

static struct sc_questionnaire *
load(const char *path)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	struct sc_questionnaire *q = sc_questionnaire_load_file(path, &d, &st);
	if (!q) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		print_error("%s", sc_buf_str(&b));
		sc_buf_fini(&b);
	}
	sc_diags_fini(&d);
	assert_non_null(q);
	return q;
}

static sc_day
day(const char *s)
{
	sc_day d = 0;
	assert_true(sc_date_parse(s, &d, NULL));
	return d;
}

/* Answers from YAML text (the contract's format) for `q`. */
static struct sc_answers *
answers(const struct sc_questionnaire *q, const char *yaml)
{
	struct sc_answers *a = sc_answers_new(q);
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st =
		sc_answers_load_buffer(a, "answers", yaml, strlen(yaml), &d);
	if (st != SC_OK) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		print_error("%s", sc_buf_str(&b));
		sc_buf_fini(&b);
	}
	sc_diags_fini(&d);
	assert_int_equal(st, SC_OK);
	return a;
}

static struct sc_eval *
eval_on(const struct sc_questionnaire *q, const struct sc_answers *a,
        const char *today)
{
	struct sc_eval *ev = sc_eval_new(q, a);
	sc_eval_set_today(ev, day(today));
	return ev;
}

static const char *
outcome_id(const struct sc_questionnaire *q, const struct sc_result *r)
{
	return r->outcome.id < q->noutcomes ? q->outcomes[r->outcome.id].id
	                                    : "none";
}

static const char *
rule_id(const struct sc_questionnaire *q, size_t r)
{
	return q->rules[r].id;
}

static const struct sc_gap_rec *
find_gap(const struct sc_result *r, const char *id)
{
	for (size_t i = 0; i < r->ngaps; i++)
		if (strcmp(r->gaps[i].def->id, id) == 0)
			return &r->gaps[i];
	return NULL;
}

static char *
expand(struct sc_eval *ev, const char *text)
{
	struct sc_buf b = {0};
	sc_eval_expand(ev, text, &b);
	return sc_buf_steal(&b);
}

/* ------------------------------------------------------ the format */

#define FX_HEAD "socscope: 1\nquestionnaire: outcomes-fixture\nanswers:\n" \
                "  vendor: Acme\n"

static void
worst_proposed_outcome_wins(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load(FIXTURE);
	assert_int_equal(q->noutcomes, 4);
	assert_false(q->recommends);

	/* Nothing proposes an outcome yet: none, and the lists say so. */
	struct sc_answers *a = answers(q, FX_HEAD);
	struct sc_eval *ev = eval_on(q, a, REVIEW_DATE);
	const struct sc_result *r = sc_eval_result(ev);
	assert_int_equal(r->outcome.id, SIZE_MAX);
	assert_int_equal(r->outcome.reasons.n, 0);
	assert_string_equal(sc_result_outcome_title(q, r), "No outcome yet");
	struct sc_buf b = {0};
	sc_result_headline(q, r, &b);
	assert_string_equal(sc_buf_str(&b), "Not enough answers yet");
	sc_buf_reset(&b);
	sc_result_summary(q, r, &b);
	assert_string_equal(sc_buf_str(&b), "No outcome yet: not enough answers.");
	sc_eval_free(ev);
	sc_answers_free(a);

	/* One proposal. */
	a = answers(q, FX_HEAD "  level: ok\n");
	ev = eval_on(q, a, REVIEW_DATE);
	r = sc_eval_result(ev);
	assert_string_equal(outcome_id(q, r), "good");
	assert_int_equal(r->outcome.reasons.n, 1);
	assert_string_equal(rule_id(q, r->outcome.reasons.rules[0]), "all_good");
	sc_buf_reset(&b);
	sc_result_headline(q, r, &b);
	assert_string_equal(sc_buf_str(&b), "Good");
	sc_eval_free(ev);
	sc_answers_free(a);

	/* Fair and bad proposed: bad, resting only on the rule proposing it;
	 * the fair rule's gap is still listed. */
	a = answers(q, FX_HEAD "  level: poor\n  tags: [a]\n");
	ev = eval_on(q, a, REVIEW_DATE);
	r = sc_eval_result(ev);
	assert_string_equal(outcome_id(q, r), "bad");
	assert_int_equal(r->outcome.reasons.n, 1);
	assert_string_equal(rule_id(q, r->outcome.reasons.rules[0]), "poorly");
	assert_non_null(find_gap(r, "own_tag"));
	assert_non_null(find_gap(r, "ask_vendor"));
	/* A review plans no report: a gap shows all its criteria. */
	assert_int_equal(find_gap(r, "ask_vendor")->ncriteria, 1);
	sc_buf_reset(&b);
	sc_result_summary(q, r, &b);
	assert_string_equal(sc_buf_str(&b), "Outcome: Bad");

	/* The same outcome from two rules: both are its reasons, in file
	 * order, and a change that drops one keeps the other. */
	size_t level = sc_questionnaire_find(q, "level")->index;
	a->v[level].choice = (size_t)sc_question_find_choice(
		sc_questionnaire_find(q, "level"), "meh");
	sc_eval_changed(ev, level);
	r = sc_eval_result(ev);
	assert_string_equal(outcome_id(q, r), "fair");
	assert_int_equal(r->outcome.reasons.n, 2);
	assert_string_equal(rule_id(q, r->outcome.reasons.rules[0]), "so_so");
	assert_string_equal(rule_id(q, r->outcome.reasons.rules[1]), "tag_a");
	sc_eval_free(ev);
	sc_answers_free(a);
	sc_buf_fini(&b);
	sc_questionnaire_free(q);
}

static void
exclusive_outcome_keeps_only_its_own_gaps(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load(FIXTURE);
	struct sc_answers *a = answers(q, FX_HEAD "  level: poor\n  tags: [a]\n"
	                                          "  ended: 2027-03-31\n");
	struct sc_eval *ev = eval_on(q, a, REVIEW_DATE);
	const struct sc_result *r = sc_eval_result(ev);
	assert_string_equal(outcome_id(q, r), "broken");
	assert_int_equal(r->ngaps, 1);
	assert_string_equal(r->gaps[0].def->id, "check_ended");
	/* The rules that fired are still fired: only the lists are cut. */
	for (size_t i = 0; i < q->nrules; i++)
		if (strcmp(q->rules[i].id, "tag_a") == 0)
			assert_true(sc_eval_fired(ev, i));
	/* On the day the period ends it is no longer in the future. */
	sc_eval_set_today(ev, day("2027-04-01"));
	r = sc_eval_result(ev);
	assert_string_equal(outcome_id(q, r), "bad");
	assert_non_null(find_gap(r, "own_tag"));
	assert_null(find_gap(r, "check_ended"));
	sc_eval_free(ev);
	sc_answers_free(a);
	sc_questionnaire_free(q);
}

static void
placeholders_show_the_answers(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load(FIXTURE);
	struct sc_answers *a = answers(q, FX_HEAD "  ended: 2026-06-30\n"
	                                          "  level: meh\n  tags: []\n");
	struct sc_eval *ev = eval_on(q, a, REVIEW_DATE);
	char *s = expand(ev, "{{vendor}}: {{ level }}, {{ended}}; tags "
	                     "{{tags}}; remark {{remark}}.");
	assert_string_equal(s, "Acme: So-so, 2026-06-30; tags none; remark "
	                       "(not answered).");
	free(s);
	/* Text without placeholders, and anything loading would refuse in a
	 * hand-made text, is shown as written. */
	s = expand(ev, "No {placeholder} {{nobody}} {{vendor");
	assert_string_equal(s, "No {placeholder} {{nobody}} {{vendor");
	free(s);
	/* A hidden question is unanswered, whatever the file holds. */
	s = expand(ev, "[{{checked_on}}]");
	assert_string_equal(s, "[(not answered)]");
	free(s);
	sc_day next;
	assert_false(sc_eval_next_review(ev, &next));
	sc_eval_free(ev);
	sc_answers_free(a);

	/* An answer typed as a sentence keeps its full stop only where the
	 * text around it brings no punctuation of its own. */
	a = answers(q, FX_HEAD "  remark: Seen in March (our note).\n");
	ev = eval_on(q, a, REVIEW_DATE);
	s = expand(ev, "Ask about it ({{remark}}), then: {{remark}} Done. "
	               "{{remark}}.");
	assert_string_equal(s, "Ask about it (Seen in March (our note)), then: "
	                       "Seen in March (our note). Done. Seen in March "
	                       "(our note).");
	free(s);
	sc_eval_free(ev);
	sc_answers_free(a);

	a = answers(q, FX_HEAD "  checked_on: 2026-08-31\n");
	ev = eval_on(q, a, REVIEW_DATE);
	assert_true(sc_eval_next_review(ev, &next));
	char buf[11];
	sc_date_format(next, buf);
	assert_string_equal(buf, "2027-02-28"); /* clamped to the month */
	sc_eval_free(ev);
	sc_answers_free(a);
	sc_questionnaire_free(q);
}

/* The scoping questionnaire has no outcome: its results never name one. */
static void
scoping_has_no_outcome(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load(SC_SRCDIR
	                                  "/questionnaires/soc-scoping.yaml");
	assert_int_equal(q->noutcomes, 0);
	assert_true(q->recommends);
	assert_int_equal(q->nheader, 0);
	assert_null(q->disclaimer);
	for (size_t i = 0; i < q->nrules; i++)
		assert_int_equal(q->rules[i].outcome, SIZE_MAX);
	struct sc_answers *a = sc_answers_new(q);
	struct sc_eval *ev = sc_eval_new(q, a);
	assert_int_equal(sc_eval_result(ev)->outcome.id, SIZE_MAX);
	sc_eval_free(ev);
	sc_answers_free(a);
	sc_questionnaire_free(q);
}

/* ------------------------------------------------------ the review */

static struct sc_questionnaire *review;

static int
load_review(void **state)
{
	(void)state;
	review = load(REVIEW);
	return 0;
}

static int
free_review(void **state)
{
	(void)state;
	sc_questionnaire_free(review);
	return 0;
}

struct example {
	const char *file;
	const char *outcome;
	const char *reasons[4];   /* rules the outcome rests on, exactly */
	const char *follow_ups[6]; /* gaps of kind followup that must be listed */
	const char *gaps[4];      /* the reader's own, exactly */
	const char *absent[8];    /* not listed at all */
};

static const struct example examples[] = {
	{"review-payroll-soc1-accept.yaml", "accept", {"clean_report"},
	 {NULL}, {NULL},
	 {"bridge_letter_year_end", "bridge_letter_recent", "auditor_evidence",
	  "obtain_subservice_reports", "ask_for_soc2", "discuss_exceptions",
	  "ask_for_current_report"}},
	{"review-hosting-soc2-followups.yaml", "accept_with_followups",
	 {"bridge_since_period", "exceptions_touch_use",
	  "carved_out_reports_missing"},
	 {"bridge_letter_recent", "discuss_exceptions",
	  "obtain_subservice_reports"},
	 {NULL},
	 {"ask_for_current_report", "availability_assurance", "discuss_opinion"}},
	{"review-accounting-software-own-gaps.yaml", "accept_with_followups",
	 {"cuec_user_access_missing", "cuec_sign_in_partial"},
	 {NULL}, {"cuec_user_access", "cuec_sign_in"},
	 {"bridge_letter_recent", "obtain_subservice_reports",
	  "cuec_sign_in_owner"}},
	{"review-esignature-soc3.yaml", "accept_with_followups", {"soc3_only"},
	 {"ask_for_soc2_type2"}, {NULL},
	 {"ask_for_current_report", "confidentiality_assurance",
	  "bridge_letter_recent"}},
	{"review-loan-subservicer-type1.yaml", "escalate", {"financial_type1"},
	 {"ask_for_type2"}, {NULL},
	 {"obtain_subservice_reports", "ask_for_soc1", "ask_for_current_report"}},
	{"review-therapy-records-qualified.yaml", "escalate",
	 {"opinion_qualified"}, {"discuss_opinion", "discuss_exceptions"},
	 {NULL},
	 {"obtain_subservice_reports", "bridge_letter_recent",
	  "ask_for_current_report"}},
};

static struct sc_answers *
load_example(const char *file)
{
	struct sc_answers *a = sc_answers_new(review);
	struct sc_diags d;
	sc_diags_init(&d);
	char *path = sc_xasprintf("%s%s", EXDIR, file);
	enum sc_status st = sc_answers_load_file(a, path, &d);
	if (st != SC_OK) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		print_error("%s", sc_buf_str(&b));
		sc_buf_fini(&b);
	}
	free(path);
	sc_diags_fini(&d);
	assert_int_equal(st, SC_OK);
	return a;
}

static size_t
count(const char *const *v, size_t max)
{
	size_t n = 0;
	while (n < max && v[n])
		n++;
	return n;
}

static void
check_example(const struct example *ex)
{
	struct sc_answers *a = load_example(ex->file);
	struct sc_eval *ev = eval_on(review, a, REVIEW_DATE);
	const struct sc_result *r = sc_eval_result(ev);
	if (strcmp(outcome_id(review, r), ex->outcome) != 0)
		fail_msg("%s: outcome %s, expected %s", ex->file,
		         outcome_id(review, r), ex->outcome);
	assert_int_equal(r->nunanswered, 0);
	size_t nr = count(ex->reasons, 4);
	if (r->outcome.reasons.n != nr)
		fail_msg("%s: %zu reasons, expected %zu", ex->file,
		         r->outcome.reasons.n, nr);
	for (size_t i = 0; i < nr; i++)
		assert_string_equal(rule_id(review, r->outcome.reasons.rules[i]),
		                    ex->reasons[i]);
	for (size_t i = 0; i < count(ex->follow_ups, 6); i++) {
		const struct sc_gap_rec *g = find_gap(r, ex->follow_ups[i]);
		if (!g || !g->def->followup)
			fail_msg("%s: follow-up %s not listed", ex->file,
			         ex->follow_ups[i]);
	}
	size_t own = 0;
	for (size_t i = 0; i < r->ngaps; i++)
		own += !r->gaps[i].def->followup;
	assert_int_equal(own, count(ex->gaps, 4));
	for (size_t i = 0; i < count(ex->gaps, 4); i++) {
		const struct sc_gap_rec *g = find_gap(r, ex->gaps[i]);
		if (!g || g->def->followup)
			fail_msg("%s: gap %s not listed", ex->file, ex->gaps[i]);
	}
	for (size_t i = 0; i < count(ex->absent, 8); i++)
		if (find_gap(r, ex->absent[i]))
			fail_msg("%s: %s listed", ex->file, ex->absent[i]);
	/* The record: a next review a year after the review date. */
	sc_day next;
	assert_true(sc_eval_next_review(ev, &next));
	char buf[11];
	sc_date_format(next, buf);
	assert_string_equal(buf, "2027-12-01");
	sc_eval_free(ev);
	sc_answers_free(a);
}

static void
worked_examples(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++)
		check_example(&examples[i]);
}

/* Every review-* example is in the table. */
static void
every_review_example_is_checked(void **state)
{
	(void)state;
	DIR *dir = opendir(EXDIR);
	assert_non_null(dir);
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(dir))) {
		size_t len = strlen(de->d_name);
		if (strncmp(de->d_name, "review-", 7) != 0 || len < 5 ||
		    strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		n++;
		bool found = false;
		for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++)
			found |= strcmp(examples[i].file, de->d_name) == 0;
		if (!found)
			fail_msg("review example %s has no row in the table",
			         de->d_name);
	}
	closedir(dir);
	assert_int_equal(n, sizeof examples / sizeof examples[0]);
}

/* A clean SOC 2 Type 2 that would be accepted, for the hostile cases to
 * spoil one answer at a time. */
#define CLEAN \
	"socscope: 1\nquestionnaire: soc-report-review\nanswers:\n" \
	"  provider_name: CaseHaven\n  service_kind: software\n" \
	"  financial_reliance: 'no'\n  assurance_needs: [security]\n" \
	"  report_kind: soc2\n  report_type: type2\n" \
	"  categories_covered: [security]\n  auditor_cpa: 'yes'\n" \
	"  services_covered: 'yes'\n  opinion: unmodified\n" \
	"  exceptions: none\n  subservice_used: 'no'\n  cuecs_listed: 'no'\n" \
	"  review_date: 2026-12-15\n"

struct hostile {
	const char *what;
	const char *extra;      /* the answers that contradict each other */
	const char *follow_ups[3]; /* the checks listed, exactly, in order */
	const char *says;       /* in the reason, in plain words */
};

static const struct hostile hostiles[] = {
	{"a report dated before its period ended",
	 "  coverage_form: period\n  report_date: 2026-03-14\n"
	 "  period_start: 2025-04-01\n  period_end: 2026-03-31\n",
	 {"check_report_date"},
	 "The auditor's report is dated 2026-03-14, before the period it "
	 "reports on ended (2026-03-31)"},
	/* A report dated before such a period's end contradicts it too. */
	{"a period ending after today",
	 "  coverage_form: period\n  report_date: 2026-11-30\n"
	 "  period_start: 2026-01-01\n  period_end: 2026-12-31\n",
	 {"check_period_end", "check_report_date"},
	 "The period you entered ends on 2026-12-31, after today"},
	{"a period that ends before it starts",
	 "  coverage_form: period\n  report_date: 2026-11-30\n"
	 "  period_start: 2026-09-30\n  period_end: 2025-10-01\n",
	 {"check_period_dates"},
	 "starts on 2026-09-30, which is not before its end on 2025-10-01"},
	{"a report signed in the future",
	 "  coverage_form: period\n  report_date: 2027-01-20\n"
	 "  period_start: 2025-10-01\n  period_end: 2026-09-30\n",
	 {"check_report_date_future"},
	 "The auditor's report is dated 2027-01-20, after today"},
	{"a Type 2 as of one date",
	 "  coverage_form: one_date\n  report_date: 2026-11-30\n"
	 "  as_of_date: 2026-09-30\n",
	 {"check_report_type"}, "a Type 2, which covers a period"},
};

static void
hostile_answers_cannot_conclude(void **state)
{
	(void)state;
	/* The clean report itself is accepted: each case below differs from
	 * it only in the contradicting answers. */
	char *yaml = sc_xasprintf("%s%s", CLEAN,
	                          "  coverage_form: period\n"
	                          "  report_date: 2026-11-10\n"
	                          "  period_start: 2025-10-01\n"
	                          "  period_end: 2026-09-30\n");
	struct sc_answers *a = answers(review, yaml);
	struct sc_eval *ev = eval_on(review, a, REVIEW_DATE);
	assert_string_equal(outcome_id(review, sc_eval_result(ev)), "accept");
	sc_eval_free(ev);
	sc_answers_free(a);
	free(yaml);

	for (size_t i = 0; i < sizeof hostiles / sizeof hostiles[0]; i++) {
		const struct hostile *h = &hostiles[i];
		yaml = sc_xasprintf("%s%s", CLEAN, h->extra);
		a = answers(review, yaml);
		ev = eval_on(review, a, REVIEW_DATE);
		const struct sc_result *r = sc_eval_result(ev);
		if (strcmp(outcome_id(review, r), "cannot_conclude") != 0)
			fail_msg("%s: outcome %s", h->what, outcome_id(review, r));
		/* Only the checks: no other follow-up rests on such answers. */
		size_t n = count(h->follow_ups, 3);
		if (r->ngaps != n)
			fail_msg("%s: %zu gaps, the first %s", h->what, r->ngaps,
			         r->ngaps ? r->gaps[0].def->id : "-");
		for (size_t k = 0; k < n; k++) {
			assert_string_equal(r->gaps[k].def->id, h->follow_ups[k]);
			assert_true(r->gaps[k].def->followup);
			assert_int_equal(r->gaps[k].priority, SC_PRIO_HIGH);
		}
		char *why = expand(ev, review->rules[r->outcome.reasons.rules[0]]
		                               .because);
		if (!strstr(why, h->says))
			fail_msg("%s: the reason says \"%s\"", h->what, why);
		free(why);
		sc_eval_free(ev);
		sc_answers_free(a);
		free(yaml);
	}
}

/* A review recorded in the future cannot be right either. */
static void
review_date_after_today(void **state)
{
	(void)state;
	char *yaml = sc_xasprintf("%s%s", CLEAN,
	                          "  coverage_form: period\n"
	                          "  report_date: 2026-11-10\n"
	                          "  period_start: 2025-10-01\n"
	                          "  period_end: 2026-09-30\n");
	struct sc_answers *a = answers(review, yaml);
	struct sc_eval *ev = eval_on(review, a, "2026-12-14");
	const struct sc_result *r = sc_eval_result(ev);
	assert_string_equal(outcome_id(review, r), "cannot_conclude");
	assert_string_equal(r->gaps[0].def->id, "check_review_date");
	sc_eval_free(ev);
	sc_answers_free(a);
	free(yaml);
}

static bool
blank(const char *s)
{
	if (!s)
		return true;
	while (*s == ' ' || *s == '\n')
		s++;
	return !*s;
}

static void
every_question_has_help_and_every_rule_a_reason(void **state)
{
	(void)state;
	for (size_t i = 0; i < review->nquestions; i++)
		assert_false(blank(review->questions[i].help));
	for (size_t i = 0; i < review->nrules; i++) {
		const struct sc_rule *r = &review->rules[i];
		assert_false(blank(r->because));
		/* A review recommends no report: its rules conclude with an
		 * outcome, a follow-up, a gap or a next step. */
		assert_int_equal(r->recommend, 0);
		assert_true(r->outcome != SIZE_MAX || r->gap || r->next_step);
		/* A gap proposes at least "accept with follow-ups". */
		if (r->gap)
			assert_true(r->outcome != SIZE_MAX &&
			            r->outcome >= 1);
	}
	/* Best first: accept, then the worse ones, cannot_conclude last and
	 * exclusive. */
	assert_string_equal(review->outcomes[0].id, "accept");
	assert_string_equal(review->outcomes[review->noutcomes - 1].id,
	                    "cannot_conclude");
	assert_true(review->outcomes[review->noutcomes - 1].exclusive);
	assert_true(review->next_review_after != SIZE_MAX);
	assert_non_null(review->disclaimer);
	assert_non_null(strstr(review->disclaimer, "CPA firm"));
}

static bool
cites(const struct sc_gap_rec *g, const char *prefix)
{
	for (size_t k = 0; k < g->ncriteria; k++)
		if (strncmp(g->criteria[k], prefix, strlen(prefix)) == 0)
			return true;
	return false;
}

static char *
render_text(const char *file)
{
	struct sc_answers *a = load_example(file);
	struct sc_eval *ev = eval_on(review, a, REVIEW_DATE);
	struct sc_report_opts o = {.date = "2026-12-15", .width = 80};
	struct sc_buf b = {0};
	sc_report_render(review, a, ev, SC_FMT_TEXT, &o, &b);
	sc_eval_free(ev);
	sc_answers_free(a);
	return sc_buf_steal(&b);
}

/* The criteria a follow-up cites are the reader's own: a SOC 1 read for
 * the financial statements alone names SOC 1 objectives and no Trust
 * Services Criterion (CC9.2 is a SOC 2 criterion); a SOC 2 read for
 * security names the Trust Services Criteria and no SOC 1 objective. */
static void
criteria_are_the_readers_own(void **state)
{
	(void)state;
	struct sc_answers *a = load_example("review-loan-subservicer-type1.yaml");
	struct sc_eval *ev = eval_on(review, a, REVIEW_DATE);
	const struct sc_result *r = sc_eval_result(ev);
	assert_true(r->ngaps > 0);
	for (size_t i = 0; i < r->ngaps; i++)
		if (cites(&r->gaps[i], "CC") || cites(&r->gaps[i], "A1") ||
		    cites(&r->gaps[i], "C1") || cites(&r->gaps[i], "P"))
			fail_msg("SOC 1 review: %s cites %s", r->gaps[i].def->id,
			         r->gaps[i].criteria[0]);
	sc_eval_free(ev);
	sc_answers_free(a);

	a = load_example("review-hosting-soc2-followups.yaml");
	ev = eval_on(review, a, REVIEW_DATE);
	r = sc_eval_result(ev);
	const struct sc_gap_rec *g = find_gap(r, "bridge_letter_recent");
	assert_non_null(g);
	assert_true(cites(g, "CC9.2"));
	for (size_t i = 0; i < r->ngaps; i++)
		if (cites(&r->gaps[i], "SOC1:"))
			fail_msg("SOC 2 review: %s cites a SOC 1 objective",
			         r->gaps[i].def->id);
	sc_eval_free(ev);
	sc_answers_free(a);

	/* A follow-up left with no criterion says none: no empty line. */
	char *t = render_text("review-loan-subservicer-type1.yaml");
	assert_null(strstr(t, "Criteria: \n"));
	assert_null(strstr(t, "CC9.2"));
	free(t);
}

/* The record's header names the report as a reviewer files it ("SOC 1",
 * "Type 2"), not the choice's explanation of where to look; the outcome's
 * text gives the reasons that apply, not a list of every possible one. */
static void
the_record_reads_as_filed(void **state)
{
	(void)state;
	char *t = render_text("review-loan-subservicer-type1.yaml");
	/* The answers appendix quotes the choices in full; the record is
	 * what comes before the summary. */
	char *summary = strstr(t, "EXECUTIVE SUMMARY");
	assert_non_null(summary);
	char *help = strstr(t, "SSAE 18, AT-C 320");
	assert_true(help == NULL || help > summary);
	assert_non_null(strstr(t, "\nReport:         SOC 1\n"));
	assert_non_null(strstr(t, "\nType:           Type 1\n"));
	assert_null(strstr(t, "too old, not issued by a CPA firm"));
	free(t);
}

static void
bundled_copy_is_the_file(void **state)
{
	(void)state;
	const struct sc_bundled *b =
		sc_bundled_find(SC_DATA_QUESTIONNAIRE, "soc-report-review");
	assert_non_null(b);
	size_t len = 0;
	char *text = th_read(REVIEW, &len);
	assert_non_null(text);
	assert_int_equal(b->len, len);
	assert_memory_equal(b->data, text, len);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest format[] = {
		cmocka_unit_test(worst_proposed_outcome_wins),
		cmocka_unit_test(exclusive_outcome_keeps_only_its_own_gaps),
		cmocka_unit_test(placeholders_show_the_answers),
		cmocka_unit_test(scoping_has_no_outcome),
	};
	const struct CMUnitTest bundled[] = {
		cmocka_unit_test(every_question_has_help_and_every_rule_a_reason),
		cmocka_unit_test(bundled_copy_is_the_file),
		cmocka_unit_test(every_review_example_is_checked),
		cmocka_unit_test(worked_examples),
		cmocka_unit_test(hostile_answers_cannot_conclude),
		cmocka_unit_test(review_date_after_today),
		cmocka_unit_test(criteria_are_the_readers_own),
		cmocka_unit_test(the_record_reads_as_filed),
	};
	int failed = cmocka_run_group_tests_name("outcomes", format, NULL, NULL);
	failed += cmocka_run_group_tests_name("review", bundled, load_review,
	                                      free_review);
	return failed;
}
