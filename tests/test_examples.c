/* The bundled SOC scoping questionnaire and its worked examples.
 *
 * Each file in questionnaires/examples/ is a realistic organization whose
 * expected outcome is argued in the file's opening comment from domain.md and
 * the seed articles.  The table below pins that outcome: reports with type,
 * period and the rule whose proposal won, categories, related frameworks, key
 * gaps (present with priority, and absent), and the readiness counts.  The
 * questionnaire-wide tests check what every reader relies on: help on every
 * question, a reason on every rule, the nine parts in order, "don't know"
 * never silently counted as "no", and no wording that claims socscope audits,
 * certifies or gives an opinion. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ctype.h>
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

#define QFILE SC_SRCDIR "/questionnaires/soc-scoping.yaml"
#define EXDIR SC_SRCDIR "/questionnaires/examples/"

static struct sc_questionnaire *the_q;

static int
load_questionnaire(void **state)
{
	(void)state;
	struct sc_diags d;
	enum sc_status st = SC_OK;
	sc_diags_init(&d);
	the_q = sc_questionnaire_load_file(QFILE, &d, &st);
	if (!the_q) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		print_error("%s", sc_buf_str(&b));
		sc_buf_fini(&b);
	}
	sc_diags_fini(&d);
	return the_q ? 0 : -1;
}

static int
free_questionnaire(void **state)
{
	(void)state;
	sc_questionnaire_free(the_q);
	the_q = NULL;
	return 0;
}

/* Load an example's answers; fails the test with the diagnostics if invalid. */
static struct sc_answers *
load_example(const char *file)
{
	struct sc_answers *a = sc_answers_new(the_q);
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
question_index(const char *id)
{
	const struct sc_question *qn = sc_questionnaire_find(the_q, id);
	if (!qn)
		fail_msg("no question %s", id);
	return qn->index;
}

static size_t
rule_index(const char *id)
{
	for (size_t i = 0; i < the_q->nrules; i++)
		if (strcmp(the_q->rules[i].id, id) == 0)
			return i;
	fail_msg("no rule %s", id);
	return SIZE_MAX;
}

static bool
reasons_have(const struct sc_reasons *r, const char *rule)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(the_q->rules[r->rules[i]].id, rule) == 0)
			return true;
	return false;
}

static const struct sc_gap_rec *
find_gap(const struct sc_result *r, const char *id)
{
	for (size_t i = 0; i < r->ngaps; i++)
		if (strcmp(r->gaps[i].def->id, id) == 0)
			return &r->gaps[i];
	return NULL;
}

/* "soc1:type2:6:soc1_type2_default soc2:type1:0:soc2_deadline_close"; a
 * SOC 3, which has no type, is "soc3:none:12:..." with its SOC 2's period. */
static char *
reports_str(const struct sc_result *r)
{
	struct sc_buf b = {0};
	for (size_t i = 0; i < r->nreports; i++) {
		const struct sc_report_rec *rr = &r->reports[i];
		sc_buf_printf(&b, "%s%s:%s:%d:%s", i ? " " : "",
		              sc_report_id_str(rr->id),
		              rr->type == SC_TYPE_NONE ? "none"
		                                       : sc_rtype_id_str(rr->type),
		              rr->period_months,
		              rr->type_rule == SIZE_MAX
		                      ? "-"
		                      : the_q->rules[rr->type_rule].id);
	}
	return sc_buf_steal(&b);
}

static char *
tsc_str(const struct sc_result *r)
{
	struct sc_buf b = {0};
	for (int c = 0; c < SC_CAT_COUNT; c++)
		if (r->tsc[c].in_scope)
			sc_buf_printf(&b, "%s%s", b.len ? " " : "",
			              sc_category_id_str((enum sc_category)c));
	return sc_buf_steal(&b);
}

static char *
frameworks_str(const struct sc_result *r)
{
	struct sc_buf b = {0};
	for (size_t i = 0; i < r->nframeworks; i++)
		sc_buf_printf(&b, "%s%s", i ? " " : "",
		              sc_framework_id_str(r->frameworks[i].id));
	return sc_buf_steal(&b);
}

/* ------------------------------------------------------------------ table */

struct gap_want {
	const char *id;
	const char *priority;
	bool followup;
};

struct example {
	const char *file;
	const char *reports;    /* reports_str() */
	const char *deferred;   /* a rule in result.deferred, or NULL for none */
	const char *none_rule;  /* the "recommend: none" rule, or NULL */
	const char *tsc;        /* categories in scope, in vocabulary order */
	const char *frameworks; /* exact set, in vocabulary order */
	struct gap_want gaps[8];
	const char *absent[8];
	int items, in_place, partial, missing, unknown, score;
	const char *next[4];    /* rules whose next_step must be listed */
};

static const struct example examples[] = {
	{"payroll-bureau.yaml",
	 "soc1:type2:6:soc1_lookback soc2:type2:6:soc2_lookback_long",
	 NULL, NULL, "security processing_integrity confidentiality",
	 "ccpa subservice",
	 {{"confirm_vendor_management", "high", true},
	  {"incident_response", "high", false},
	  {"risk_assessment", "medium", false},
	  {"logging_monitoring", "medium", false},
	  {"fin_segregation", "high", false},
	  {"processing_controls", "medium", false},
	  {"risk_analysis", "medium", false}},
	 {"access_control", "privacy_notice", "confirm_misstatement",
	  "document_controls", "fin_approvals", "keep_evidence",
	  "vendor_management"},
	 30, 22, 6, 1, 1, 83,
	 {"work_with_cpa_firm", "soc1_bridge_letters"}},
	{"early-stage-saas.yaml", "soc2:type1:0:soc2_type1_deadline_partly",
	 "soc3_public", NULL, "security confidentiality",
	 "pci_dss gdpr subservice",
	 {{"vendor_management", "high", false},
	  {"confirm_retention_disposal", "high", true},
	  {"risk_assessment", "high", false},
	  {"logging_monitoring", "high", false},
	  {"incident_response", "high", false},
	  {"document_controls", "medium", false},
	  {"confirm_risk_mitigation", "medium", true},
	  {"data_classification", "medium", false}},
	 {"encryption", "change_management", "org_structure",
	  "risk_mitigation", "fin_approvals", "keep_evidence"},
	 23, 5, 6, 10, 2, 35,
	 {"work_with_cpa_firm"}},
	{"established-saas.yaml",
	 "soc2:type2:12:soc2_renewal soc3:none:12:soc2_renewal", NULL, NULL,
	 "security availability confidentiality",
	 "pci_dss gdpr ccpa iso27001 subservice",
	 {{"vendor_management", "high", false}},
	 {"risk_assessment", "access_control", "document_controls",
	  "confirm_contract_report"},
	 24, 23, 1, 0, 0, 98,
	 {"work_with_cpa_firm"}},
	{"colocation-provider.yaml", "soc2:type2:6:soc2_lookback_long", NULL,
	 NULL, "security availability", "iso27001",
	 {{"confirm_auditor_request", "medium", true},
	  {"retention_disposal", "medium", false}},
	 {"access_control", "confirm_processing_commitment",
	  "confirm_personal_data", "physical_security"},
	 24, 23, 1, 0, 0, 98,
	 {"auditors_ask_not_financial"}},
	{"healthcare-saas.yaml", "soc2:type2:6:soc2_lookback_long", NULL, NULL,
	 "security availability confidentiality",
	 "hipaa pci_dss ccpa subservice",
	 {{"retention_disposal", "high", false},
	  {"backups_recovery", "high", false},
	  {"roles_understood", "medium", false},
	  {"risk_mitigation", "medium", false},
	  {"incident_response", "medium", false},
	  {"capacity_planning", "medium", false}},
	 {"confirm_phi", "privacy_notice", "access_control", "encryption"},
	 24, 16, 6, 2, 0, 79,
	 {"work_with_cpa_firm"}},
	{"payment-processor.yaml",
	 "soc1:type2:12:soc1_renewal soc2:type2:12:soc2_renewal", NULL, NULL,
	 "security availability processing_integrity confidentiality",
	 "pci_dss sox gdpr ccpa subservice",
	 {{"incident_response", "medium", false},
	  {"fin_review", "high", false}},
	 {"fin_approvals", "fin_segregation", "confirm_sox_clients",
	  "confirm_card_data"},
	 32, 30, 2, 0, 0, 97,
	 {"soc1_bridge_letters"}},
	{"managed-it-provider.yaml", "soc2:type2:3:soc2_lookback", NULL,
	 NULL, "security availability confidentiality", "subservice",
	 {{"vendor_management", "high", false},
	  {"confirm_personal_data", "medium", true},
	  {"encryption", "medium", false},
	  {"change_management", "medium", false},
	  {"background_checks", "medium", false},
	  {"data_classification", "medium", false},
	  {"confirm_risk_analysis", "low", true}},
	 {"risk_analysis", "access_control", "fin_approvals",
	  "confirm_auditor_request"},
	 25, 17, 6, 1, 1, 80,
	 {"work_with_cpa_firm"}},
	{"consumer-app.yaml",
	 "soc2:type2:6:soc2_lookback_long soc3:none:6:soc2_lookback_long",
	 NULL, NULL, "security availability privacy",
	 "pci_dss gdpr ccpa subservice",
	 {{"logging_monitoring", "medium", false},
	  {"retention_disposal", "medium", false},
	  {"privacy_practices", "medium", false}},
	 {"privacy_notice", "confirm_collection_role", "access_control"},
	 24, 20, 3, 1, 0, 90,
	 {"privacy_first_report"}},
	{"claims-administrator.yaml",
	 "soc1:type2:6:soc1_lookback soc2:type2:6:soc2_lookback_long",
	 NULL, NULL, "security processing_integrity confidentiality",
	 "hipaa sox ccpa subservice",
	 /* listed clients: SOX is settled, not a follow-up */
	 {{"change_management", "high", false},
	  {"change_communication", "medium", false},
	  {"access_control", "medium", false},
	  {"fin_reconciliations", "medium", false},
	  {"data_classification", "medium", false},
	  {"confirm_fin_review", "low", true}},
	 {"fin_review", "fin_approvals", "incident_response", "keep_evidence",
	  "confirm_sox_clients"},
	 30, 23, 5, 1, 1, 85,
	 {"soc1_bridge_letters", "work_with_cpa_firm"}},
	{"no-report-consultancy.yaml", "", NULL, "none_not_service_org", "", "",
	 {{NULL, NULL, false}},
	 {"risk_assessment", "document_controls", "access_control"},
	 0, 0, 0, 0, 0, 0,
	 {"none_not_service_org", "not_service_org_questionnaires"}},
	{"eu-analytics-processor.yaml", "soc2:type2:6:soc2_lookback_long", NULL,
	 NULL, "security confidentiality", "gdpr iso27001 subservice",
	 {{"backups_recovery", "medium", false}},
	 {"privacy_notice", "confirm_collection_role", "access_control"},
	 23, 22, 1, 0, 0, 98,
	 {"work_with_cpa_firm"}},
	/* clients never audited: no reader for a SOC 1, and its own
	 * policies ranked for its own business */
	{"local-bookkeeper.yaml", "", NULL, "none_nobody_asks", "", "",
	 {{"document_controls", "low", false}},
	 {"risk_assessment", "fin_approvals", "confirm_auditor_request"},
	 0, 0, 0, 0, 0, 0,
	 {"soc1_not_audited", "none_nobody_asks",
	  "providers_reports_no_report"}},
	{"loan-servicer.yaml", "soc1:type2:6:soc1_type2_default", NULL, NULL,
	 "", "subservice",
	 /* a SOC 1 asks the IT general controls too (domain 2) */
	 {{"vendor_management", "high", false},
	  {"threat_identification", "high", false},
	  {"risk_mitigation", "high", false},
	  {"fin_segregation", "high", false},
	  {"logging_monitoring", "medium", false},
	  {"change_management", "medium", false},
	  {"user_controls", "medium", false},
	  {"fin_validation", "medium", false}},
	 {"encryption", "access_control", "fin_approvals", "fin_review",
	  "keep_evidence"},
	 28, 15, 6, 7, 0, 64,
	 {"soc1_bridge_letters", "work_with_cpa_firm"}},
};

/* The first paragraph of an example's opening comment, the sentence that
 * names its outcome (and its description in `socscope list`). */
static char *
example_summary(const char *file)
{
	char *path = sc_xasprintf("%s%s", EXDIR, file);
	char *text = th_read(path, NULL);
	free(path);
	assert_non_null(text);
	struct sc_buf b = {0};
	for (char *l = text; l && strncmp(l, "# ", 2) == 0;) {
		char *e = strchr(l, '\n');
		sc_buf_add(&b, l + 2, e ? (size_t)(e - l - 2) : strlen(l + 2));
		sc_buf_putc(&b, ' ');
		l = e ? e + 1 : NULL;
	}
	free(text);
	return sc_buf_steal(&b);
}

/* Teaching material says what the rules give: the opening sentence names
 * each report recommended with its type, and no other type of it. */
static void
summary_names_the_outcome(const struct example *ex, const struct sc_result *r)
{
	char *sum = example_summary(ex->file);
	if (r->nreports == 0 && !strstr(sum, "no SOC report") &&
	    !strstr(sum, "No SOC report"))
		fail_msg("%s: the opening sentence does not say \"no SOC "
		         "report\": %s", ex->file, sum);
	for (size_t i = 0; i < r->nreports; i++) {
		const struct sc_report_rec *rr = &r->reports[i];
		struct sc_buf want = {0}, other = {0};
		sc_buf_printf(&want, "%s%s%s", sc_report_name(rr->id),
		              rr->type == SC_TYPE_NONE ? "" : " ",
		              rr->type == SC_TYPE_NONE ? ""
		                                       : sc_rtype_name(rr->type));
		if (!strstr(sum, sc_buf_str(&want)))
			fail_msg("%s: the opening sentence does not name %s: %s",
			         ex->file, sc_buf_str(&want), sum);
		if (rr->type == SC_TYPE2) {
			sc_buf_printf(&other, "%s Type I ", sc_report_name(rr->id));
			if (strstr(sum, sc_buf_str(&other)))
				fail_msg("%s: the opening sentence names %s, but the "
				         "rules give %s", ex->file, sc_buf_str(&other),
				         sc_buf_str(&want));
		}
		sc_buf_fini(&want);
		sc_buf_fini(&other);
	}
	free(sum);
}

static void
check_example(const struct example *ex)
{
	struct sc_answers *a = load_example(ex->file);
	struct sc_eval *ev = sc_eval_new(the_q, a);
	const struct sc_result *r = sc_eval_result(ev);

	/* Every example answers everything it is asked, and nothing it is
	 * not: an answer to a question the interview passes over would teach
	 * an outcome the rules never read. */
	if (r->nunanswered)
		fail_msg("%s: required question %s unanswered", ex->file,
		         the_q->questions[r->unanswered[0]].id);
	for (size_t i = 0; i < the_q->nquestions; i++)
		if (a->v[i].type != SC_A_NONE && !sc_eval_visible(ev, i))
			fail_msg("%s: answers %s, which is not asked", ex->file,
			         the_q->questions[i].id);

	char *s = reports_str(r);
	if (strcmp(s, ex->reports) != 0)
		fail_msg("%s: reports \"%s\", expected \"%s\"", ex->file, s,
		         ex->reports);
	free(s);

	if (ex->deferred)
		assert_true(reasons_have(&r->deferred, ex->deferred));
	else
		assert_int_equal(r->deferred.n, 0);
	if (ex->none_rule) {
		assert_int_equal(r->nreports, 0);
		assert_true(reasons_have(&r->none, ex->none_rule));
	}

	s = tsc_str(r);
	if (strcmp(s, ex->tsc) != 0)
		fail_msg("%s: categories \"%s\", expected \"%s\"", ex->file, s,
		         ex->tsc);
	free(s);
	/* Security is required exactly when a SOC 2 is recommended. */
	bool soc2 = strstr(ex->reports, "soc2:") != NULL;
	assert_int_equal(r->tsc[SC_CAT_SECURITY].required, soc2);

	s = frameworks_str(r);
	if (strcmp(s, ex->frameworks) != 0)
		fail_msg("%s: frameworks \"%s\", expected \"%s\"", ex->file, s,
		         ex->frameworks);
	free(s);

	for (size_t i = 0; i < 8 && ex->gaps[i].id; i++) {
		const struct sc_gap_rec *g = find_gap(r, ex->gaps[i].id);
		if (!g)
			fail_msg("%s: gap %s missing", ex->file, ex->gaps[i].id);
		assert_string_equal(sc_priority_id_str(g->priority),
		                     ex->gaps[i].priority);
		assert_int_equal(g->def->followup, ex->gaps[i].followup);
		assert_true(g->reasons.n > 0);
	}
	for (size_t i = 0; i < 8 && ex->absent[i]; i++)
		if (find_gap(r, ex->absent[i]))
			fail_msg("%s: unexpected gap %s", ex->file, ex->absent[i]);

	if ((int)r->nitems != ex->items || (int)r->in_place != ex->in_place ||
	    (int)r->partial != ex->partial || (int)r->missing != ex->missing ||
	    (int)r->unknown != ex->unknown || r->score != ex->score)
		fail_msg("%s: readiness %zu items (%zu in place, %zu partial, "
		         "%zu missing, %zu unknown) score %d; expected %d (%d, %d, "
		         "%d, %d) score %d",
		         ex->file, r->nitems, r->in_place, r->partial, r->missing,
		         r->unknown, r->score, ex->items, ex->in_place,
		         ex->partial, ex->missing, ex->unknown, ex->score);

	for (size_t i = 0; i < 4 && ex->next[i]; i++)
		if (!reasons_have(&r->next_steps, ex->next[i]))
			fail_msg("%s: next step %s missing", ex->file, ex->next[i]);

	summary_names_the_outcome(ex, r);
	/* Where the readiness questions are asked, every group of the common
	 * criteria is scored: none shows "no readiness item asked". */
	if (r->nitems > 0) {
		struct sc_area areas[SC_AREA_MAX];
		size_t na = sc_report_areas(the_q, a, ev, areas);
		size_t cc = 0;
		for (size_t i = 0; i < na; i++) {
			if (strncmp(areas[i].id, "cc", 2) != 0)
				continue;
			cc++;
			if (areas[i].total == 0)
				fail_msg("%s: %s: no readiness item asked", ex->file,
				         areas[i].name);
		}
		assert_int_equal(cc, 9);
	}
	/* The self-assessment disclaimer is always listed. */
	assert_true(reasons_have(&r->next_steps, "self_assessment"));

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

/* Every file in questionnaires/examples/ that answers this questionnaire
 * is in the table, and the other way round, so a new example cannot go
 * unchecked.  The others answer the provider-report review, whose own
 * table is in test_review.c. */
static void
every_example_is_checked(void **state)
{
	(void)state;
	DIR *dir = opendir(EXDIR);
	assert_non_null(dir);
	size_t n = 0, others = 0;
	struct dirent *de;
	while ((de = readdir(dir))) {
		const char *line = de->d_name;
		size_t len = strlen(line);
		if (len < 5 || strcmp(line + len - 5, ".yaml") != 0)
			continue;
		char *path = sc_xasprintf("%s%s", EXDIR, line);
		struct sc_diags d;
		sc_diags_init(&d);
		enum sc_status st = SC_OK;
		char *qid = sc_answers_peek_questionnaire(path, &d, &st);
		sc_diags_fini(&d);
		free(path);
		assert_non_null(qid);
		bool ours = strcmp(qid, the_q->id) == 0;
		if (!ours && strcmp(qid, "soc-report-review") != 0)
			fail_msg("example %s answers \"%s\", which no test checks",
			         line, qid);
		free(qid);
		if (!ours) {
			others++;
			continue;
		}
		n++;
		bool found = false;
		for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++)
			if (strcmp(examples[i].file, line) == 0)
				found = true;
		if (!found)
			fail_msg("example %s has no row in the table", line);
	}
	closedir(dir);
	assert_int_equal(n, sizeof examples / sizeof examples[0]);
	assert_true(n >= 10);
	assert_true(others >= 1);
}

/* ------------------------------------------------- behaviour on changes */

/* Set a single-choice or number answer on an evaluator's answers. */
static void
set_choice(struct sc_answers *a, struct sc_eval *ev, const char *qid,
           const char *choice)
{
	size_t qi = question_index(qid);
	int c = sc_question_find_choice(&the_q->questions[qi], choice);
	assert_true(c >= 0);
	struct sc_answer v = {.type = SC_A_CHOICE, .choice = (size_t)c};
	assert_true(sc_answers_set(a, qi, &v));
	sc_eval_changed(ev, qi);
}

/* The deadline `months` whole months from the evaluation's today. */
static void
set_deadline(struct sc_answers *a, struct sc_eval *ev, long months)
{
	size_t qi = question_index("deadline");
	struct sc_answer v = {
		.type = SC_A_DATE,
		.day = sc_date_add_months(sc_eval_today(ev), months)};
	assert_true(sc_answers_set(a, qi, &v));
	sc_eval_changed(ev, qi);
}

static void
expect_reports(struct sc_eval *ev, const char *want)
{
	char *s = reports_str(sc_eval_result(ev));
	if (strcmp(s, want) != 0)
		fail_msg("reports \"%s\", expected \"%s\"", s, want);
	free(s);
}

/* Set a yes/no answer. */
static void
set_bool(struct sc_answers *a, struct sc_eval *ev, const char *qid, bool b)
{
	size_t qi = question_index(qid);
	struct sc_answer v = {.type = SC_A_BOOL, .b = b};
	assert_true(sc_answers_set(a, qi, &v));
	sc_eval_changed(ev, qi);
}

/* A Type I is forced only when no Type II can be issued before the deadline:
 * months of written controls with kept evidence allow a look-back window
 * whatever the deadline; without them, readiness work, the shortest window
 * (3 months for a SOC 2, 6 for a SOC 1) and 4 to 8 weeks of reporting must
 * fit (domain 1). */
static void
type_follows_what_fits(void **state)
{
	(void)state;
	struct sc_answers *a = load_example("healthcare-saas.yaml");
	struct sc_eval *ev = sc_eval_new(the_q, a);
	expect_reports(ev, "soc2:type2:6:soc2_lookback_long");
	/* A report wanted now: the evidence kept still allows a Type II. */
	set_deadline(a, ev, 0);
	expect_reports(ev, "soc2:type2:6:soc2_lookback_long");
	/* Without kept evidence, nothing can be looked back on. */
	set_bool(a, ev, "evidence_kept", false);
	expect_reports(ev, "soc2:type1:0:soc2_type1_deadline_evidence");
	set_deadline(a, ev, 5);
	expect_reports(ev, "soc2:type2:6:soc2_type2_default");
	/* Nothing written down: 3 months of readiness come first. */
	set_choice(a, ev, "controls_documented", "no");
	expect_reports(ev, "soc2:type1:0:soc2_type1_deadline");
	set_deadline(a, ev, 8);
	expect_reports(ev, "soc2:type2:6:soc2_type2_default");
	/* No date at all: nothing forces a Type I. */
	set_bool(a, ev, "has_deadline", false);
	expect_reports(ev, "soc2:type2:6:soc2_type2_default");
	sc_eval_free(ev);
	sc_answers_free(a);

	a = load_example("payroll-bureau.yaml");
	ev = sc_eval_new(the_q, a);
	/* 18 months of evidence: a SOC 1 Type II even due in 3 months. */
	set_deadline(a, ev, 3);
	expect_reports(ev, "soc1:type2:6:soc1_lookback "
	                   "soc2:type2:6:soc2_lookback_long");
	set_bool(a, ev, "evidence_kept", false);
	expect_reports(ev, "soc1:type1:0:soc1_type1_deadline_evidence "
	                   "soc2:type1:0:soc2_type1_deadline_evidence");
	/* 6 months fit a 3-month SOC 2 window, not a 6-month SOC 1 period. */
	set_deadline(a, ev, 6);
	expect_reports(ev, "soc1:type1:0:soc1_type1_deadline_evidence "
	                   "soc2:type2:6:soc2_type2_default");
	/* Controls only partly written down, but months of dated evidence
	 * kept: the months gone can still be reported on (with exceptions
	 * for what was missing), so a near deadline forces no Type I. */
	set_bool(a, ev, "evidence_kept", true);
	set_choice(a, ev, "controls_documented", "partly");
	set_deadline(a, ev, 3);
	expect_reports(ev, "soc1:type2:6:soc1_lookback "
	                   "soc2:type2:6:soc2_lookback_long");
	/* Partly written and no evidence kept: a Type I, and the reason says
	 * why (not "no months of evidence" when evidence was the only cause). */
	set_bool(a, ev, "evidence_kept", false);
	expect_reports(ev, "soc1:type1:0:soc1_type1_deadline_partly "
	                   "soc2:type1:0:soc2_type1_deadline_partly");
	set_choice(a, ev, "controls_documented", "yes");
	/* Nothing written and 15 months to go: time enough for a Type II. */
	set_choice(a, ev, "controls_documented", "no");
	set_deadline(a, ev, 15);
	expect_reports(ev, "soc1:type2:6:soc1_type2_default "
	                   "soc2:type2:6:soc2_type2_default");
	sc_eval_free(ev);
	sc_answers_free(a);
}

/* A contract asking for "a SOC report" means a SOC 1 for a service that can
 * change clients' books, a SOC 2 otherwise; listed clients bring SOX even
 * when the owner does not know the word. */
static void
unnamed_reports_and_listed_clients(void **state)
{
	(void)state;
	struct sc_answers *a = load_example("loan-servicer.yaml");
	struct sc_eval *ev = sc_eval_new(the_q, a);
	set_choice(a, ev, "contract_report", "unspecified");
	set_choice(a, ev, "auditors_ask", "no");
	expect_reports(ev, "soc1:type2:6:soc1_type2_default");
	const struct sc_result *r = sc_eval_result(ev);
	assert_true(reasons_have(&r->reports[0].reasons,
	                         "soc1_contract_unspecified"));
	const struct sc_gap_rec *g = find_gap(r, "confirm_contract_report");
	assert_non_null(g);
	assert_int_equal(g->priority, SC_PRIO_HIGH);
	set_choice(a, ev, "misstatement_risk", "no");
	expect_reports(ev, "soc2:type2:6:soc2_type2_default");
	sc_eval_free(ev);
	sc_answers_free(a);

	a = load_example("local-bookkeeper.yaml");
	ev = sc_eval_new(the_q, a);
	size_t cq = question_index("customers");
	struct sc_answer listed = {.type = SC_A_CHOICES};
	size_t pc = (size_t)sc_question_find_choice(&the_q->questions[cq],
	                                            "public_companies");
	listed.sel = &pc;
	listed.nsel = 1;
	assert_true(sc_answers_set(a, cq, &listed));
	sc_eval_changed(ev, cq);
	/* Listed customers settle SOX: it is not asked again. */
	assert_false(sc_eval_visible(ev, question_index("sox_clients")));
	r = sc_eval_result(ev);
	assert_int_equal(r->nreports, 1);
	assert_int_equal(r->reports[0].id, SC_SOC1);
	assert_true(reasons_have(&r->reports[0].reasons,
	                         "soc1_public_companies"));
	bool sox = false;
	for (size_t i = 0; i < r->nframeworks; i++)
		sox |= r->frameworks[i].id == SC_FW_SOX;
	assert_true(sox);
	sc_eval_free(ev);
	sc_answers_free(a);
}

/* Set a multiple-choice answer from a list of choice ids. */
static void
set_choices(struct sc_answers *a, struct sc_eval *ev, const char *qid,
            const char *const *ids, size_t n)
{
	size_t qi = question_index(qid);
	size_t sel[8];
	assert_true(n <= 8);
	for (size_t i = 0; i < n; i++) {
		int c = sc_question_find_choice(&the_q->questions[qi], ids[i]);
		assert_true(c >= 0);
		sel[i] = (size_t)c;
	}
	struct sc_answer v = {.type = SC_A_CHOICES, .sel = sel, .nsel = n};
	assert_true(sc_answers_set(a, qi, &v));
	sc_eval_changed(ev, qi);
}

/* Public assurance alone has no deadline to force a Type I nobody would
 * read: the plan is a SOC 2 Type II with its SOC 3.  A published SOC 3
 * means a SOC 2 Type II came before it, so the next one is a renewal. */
static void
public_assurance_and_renewals(void **state)
{
	(void)state;
	struct sc_answers *a = load_example("consumer-app.yaml");
	struct sc_eval *ev = sc_eval_new(the_q, a);
	set_choice(a, ev, "security_reviews", "no");
	set_choice(a, ev, "controls_documented", "no");
	assert_false(sc_eval_visible(ev, question_index("deadline")));
	expect_reports(ev, "soc2:type2:6:soc2_type2_default "
	                   "soc3:none:6:soc2_type2_default");
	const struct sc_result *r = sc_eval_result(ev);
	assert_int_equal(r->deferred.n, 0);
	sc_eval_free(ev);
	sc_answers_free(a);

	a = load_example("consumer-app.yaml");
	ev = sc_eval_new(the_q, a);
	static const char *const soc3[] = {"soc3"};
	set_choices(a, ev, "prior_reports", soc3, 1);
	expect_reports(ev, "soc2:type2:12:soc2_renewal "
	                   "soc3:none:12:soc2_renewal");
	assert_true(sc_eval_visible(
	        ev, question_index("prior_soc2_period_end")));
	assert_false(sc_eval_visible(
	        ev, question_index("prior_soc1_period_end")));
	sc_eval_free(ev);
	sc_answers_free(a);
}

/* Privacy follows direct collection under one's own notice, not the mere
 * presence of personal data; Confidentiality covers the B2B processor, and
 * ordinary business data about people brings neither. */
static void
privacy_follows_its_trigger(void **state)
{
	(void)state;
	struct sc_answers *a = load_example("eu-analytics-processor.yaml");
	struct sc_eval *ev = sc_eval_new(the_q, a);
	const struct sc_result *r = sc_eval_result(ev);
	assert_false(r->tsc[SC_CAT_PRIVACY].in_scope);
	assert_true(reasons_have(&r->tsc[SC_CAT_PRIVACY].reasons,
	                         "privacy_for_clients"));
	assert_false(reasons_have(&r->tsc[SC_CAT_CONFIDENTIALITY].reasons,
	                          "privacy_for_clients"));
	assert_true(reasons_have(&r->tsc[SC_CAT_CONFIDENTIALITY].reasons,
	                         "confidentiality_client_personal_data"));

	set_choice(a, ev, "collection_role", "business_only");
	r = sc_eval_result(ev);
	assert_false(r->tsc[SC_CAT_PRIVACY].in_scope);
	assert_true(reasons_have(&r->tsc[SC_CAT_PRIVACY].reasons,
	                         "privacy_business_only"));

	set_choice(a, ev, "collection_role", "own");
	r = sc_eval_result(ev);
	assert_true(r->tsc[SC_CAT_PRIVACY].in_scope);
	assert_true(reasons_have(&r->tsc[SC_CAT_PRIVACY].reasons,
	                         "privacy_own_collection"));
	/* The privacy notice question now applies; without one, a high gap. */
	size_t pn = question_index("privacy_notice");
	assert_true(sc_eval_visible(ev, pn));
	set_bool(a, ev, "privacy_notice", false);
	r = sc_eval_result(ev);
	const struct sc_gap_rec *g = find_gap(r, "privacy_notice");
	assert_non_null(g);
	assert_int_equal(g->priority, SC_PRIO_HIGH);
	/* Privacy in scope brings its own readiness question. */
	assert_true(sc_eval_visible(ev, question_index("privacy_practices")));
	sc_eval_free(ev);
	sc_answers_free(a);
}

/* Who asks decides: the same payroll bureau with nobody asking needs no
 * report, and its checklist is then neither asked nor counted. */
static void
nobody_asking_means_no_report(void **state)
{
	(void)state;
	struct sc_answers *a = load_example("payroll-bureau.yaml");
	struct sc_eval *ev = sc_eval_new(the_q, a);
	set_choice(a, ev, "auditors_ask", "no");
	expect_reports(ev, "soc2:type2:6:soc2_lookback_long");
	assert_false(sc_eval_visible(ev, question_index("fin_approvals")));
	set_choice(a, ev, "security_reviews", "no");
	const struct sc_result *r = sc_eval_result(ev);
	assert_int_equal(r->nreports, 0);
	assert_true(reasons_have(&r->none, "none_nobody_asks"));
	assert_true(reasons_have(&r->next_steps, "soc1_not_asked"));
	assert_false(reasons_have(&r->next_steps, "work_with_cpa_firm"));
	assert_int_equal(r->nitems, 0);
	assert_false(sc_eval_visible(ev, question_index("risk_assessment")));
	assert_false(sc_eval_visible(ev, question_index("access_control")));
	/* Questions about its own business only: still no report. */
	set_choice(a, ev, "security_reviews", "own_only");
	r = sc_eval_result(ev);
	assert_int_equal(r->nreports, 0);
	assert_true(reasons_have(&r->next_steps, "own_security_questions"));
	/* A written requirement always counts. */
	set_choice(a, ev, "contract_report", "soc2");
	r = sc_eval_result(ev);
	assert_int_equal(r->nreports, 1);
	assert_true(reasons_have(&r->reports[0].reasons, "soc2_contract"));
	sc_eval_free(ev);
	sc_answers_free(a);
}

/* Nobody answers what does not apply: a consultancy sees ten questions; the
 * SOC 1 controls appear only where a SOC 1 is likely, and a SOC 1 alone asks
 * the IT general controls. */
static void
skip_logic(void **state)
{
	(void)state;
	struct sc_answers *a = load_example("no-report-consultancy.yaml");
	struct sc_eval *ev = sc_eval_new(the_q, a);
	const struct sc_result *r = sc_eval_result(ev);
	assert_int_equal(r->applicable, 10);
	assert_int_equal(r->answered, 10);
	static const char *const hidden[] = {
		"misstatement_risk", "type2_demanded", "deadline",
		"risk_assessment", "access_control", "fin_approvals",
	};
	for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++)
		if (sc_eval_visible(ev, question_index(hidden[i])))
			fail_msg("consultancy is asked %s", hidden[i]);
	/* A written requirement is asked of everyone, and so are cards. */
	assert_true(sc_eval_visible(ev, question_index("contract_report")));
	assert_true(sc_eval_visible(ev, question_index("card_data")));
	sc_eval_free(ev);
	sc_answers_free(a);

	a = load_example("healthcare-saas.yaml");
	ev = sc_eval_new(the_q, a);
	assert_false(sc_eval_visible(ev, question_index("sox_clients")));
	assert_false(sc_eval_visible(ev, question_index("fin_review")));
	assert_false(sc_eval_visible(ev, question_index("privacy_notice")));
	assert_true(sc_eval_visible(ev, question_index("baa")));
	assert_true(sc_eval_visible(ev, question_index("retention_disposal")));
	sc_eval_free(ev);
	sc_answers_free(a);

	a = load_example("payroll-bureau.yaml");
	ev = sc_eval_new(the_q, a);
	assert_true(sc_eval_visible(ev, question_index("fin_review")));
	assert_true(sc_eval_visible(ev, question_index("sox_clients")));
	assert_true(sc_eval_visible(ev, question_index("user_controls")));
	assert_false(sc_eval_visible(ev, question_index("baa")));
	sc_eval_free(ev);
	sc_answers_free(a);

	a = load_example("loan-servicer.yaml");
	ev = sc_eval_new(the_q, a);
	static const char *const itgc[] = {
		"access_control", "change_management", "backups_recovery",
		"logging_monitoring", "physical_security",
	};
	for (size_t i = 0; i < sizeof itgc / sizeof itgc[0]; i++)
		if (!sc_eval_visible(ev, question_index(itgc[i])))
			fail_msg("a SOC 1 organization is not asked %s", itgc[i]);
	sc_eval_free(ev);
	sc_answers_free(a);
}

/* An empty interview evaluates to nothing but the disclaimer. */
static void
empty_interview(void **state)
{
	(void)state;
	struct sc_answers *a = sc_answers_new(the_q);
	struct sc_eval *ev = sc_eval_new(the_q, a);
	const struct sc_result *r = sc_eval_result(ev);
	assert_int_equal(r->nreports, 0);
	assert_int_equal(r->none.n, 0);
	assert_int_equal(r->ngaps, 0);
	assert_int_equal(r->nitems, 0);
	assert_int_equal(r->nframeworks, 0);
	assert_int_equal(r->next_steps.n, 1);
	assert_true(reasons_have(&r->next_steps, "self_assessment"));
	sc_eval_free(ev);
	sc_answers_free(a);
}

/* ------------------------------------------------ questionnaire-wide */

static void
eleven_parts_in_order(void **state)
{
	(void)state;
	static const char *const want[] = {
		"organization", "services", "demand", "financial_impact", "data",
		"commitments", "timing", "maturity", "boundary", "readiness",
		"practices",
	};
	assert_int_equal(the_q->nsections, 11);
	for (size_t i = 0; i < 11; i++)
		assert_string_equal(the_q->sections[i].id, want[i]);
	assert_string_equal(the_q->id, "soc-scoping");
	/* The roadmap reads these questions. */
	static const struct {
		size_t qi;
		const char *id;
	} tl[] = {
		{SIZE_MAX, "deadline"}, {SIZE_MAX, "operating_months"},
		{SIZE_MAX, "evidence_kept"}, {SIZE_MAX, "prior_reports"},
		{SIZE_MAX, "prior_soc1_period_end"},
		{SIZE_MAX, "prior_soc2_period_end"},
		{SIZE_MAX, "clients_fiscal_year_end"},
		{SIZE_MAX, "type2_demanded"},
	};
	size_t got[] = {
		the_q->timeline.deadline, the_q->timeline.operating_months,
		the_q->timeline.evidence_kept, the_q->timeline.prior_reports,
		the_q->timeline.prior_soc1_period_end,
		the_q->timeline.prior_soc2_period_end,
		the_q->timeline.fiscal_year_end, the_q->timeline.type2_demanded,
	};
	assert_non_null(the_q->timeline.waiting);
	for (size_t i = 0; i < sizeof tl / sizeof tl[0]; i++) {
		assert_true(got[i] != SIZE_MAX);
		assert_string_equal(the_q->questions[got[i]].id, tl[i].id);
	}
	/* The client's name is asked once. */
	assert_string_equal(the_q->questions[the_q->client_question].id,
	                    "org_name");
	/* Who is a service organization: six positive activities and a
	 * positive "none of these" (domain 2). */
	const struct sc_question *ac = sc_questionnaire_find(the_q, "activities");
	assert_non_null(ac);
	assert_int_equal(ac->type, SC_Q_MULTI);
	assert_int_equal(ac->nchoices, 7);
	assert_true(ac->required);
	assert_string_equal(ac->choices[6].id, "none");
	/* The contract question is asked of everyone. */
	assert_null(sc_questionnaire_find(the_q, "contract_report")->show_if);
}

static bool
blank(const char *s)
{
	if (!s)
		return true;
	while (*s && isspace((unsigned char)*s))
		s++;
	return *s == '\0';
}

static void
every_question_has_help_and_every_rule_a_reason(void **state)
{
	(void)state;
	for (size_t i = 0; i < the_q->nquestions; i++) {
		const struct sc_question *qn = &the_q->questions[i];
		if (blank(qn->help) || strlen(qn->help) < 30)
			fail_msg("question %s: help missing or too short", qn->id);
		if (blank(qn->text))
			fail_msg("question %s: no text", qn->id);
	}
	for (size_t i = 0; i < the_q->nrules; i++) {
		const struct sc_rule *ru = &the_q->rules[i];
		if (blank(ru->because))
			fail_msg("rule %s: no because", ru->id);
		if (ru->gap && (blank(ru->gap->advice) || ru->gap->ncriteria == 0))
			fail_msg("rule %s: gap without advice or criteria", ru->id);
	}
}

/* Every checklist item and practice: a yes/partly/no/don't know question, and
 * four rules counting it, where "no" is a gap, "partly" a gap no more urgent,
 * and "don't know" a follow-up to confirm, never a silent "no". */
static void
readiness_items_are_counted_honestly(void **state)
{
	(void)state;
	static const char *const choices[] = {"yes", "partly", "no",
	                                      "dont_know"};
	static const enum sc_readiness status[] = {
		SC_READY_IN_PLACE, SC_READY_PARTIAL, SC_READY_MISSING,
		SC_READY_UNKNOWN};
	size_t items = 0;
	for (size_t s = 9; s < 11; s++) {
		const struct sc_section *sec = &the_q->sections[s];
		for (size_t k = sec->first; k < sec->first + sec->count; k++) {
			const struct sc_question *qn = &the_q->questions[k];
			assert_int_equal(qn->type, SC_Q_SINGLE);
			/* A fifth choice is only ever "not applicable", counted
			 * by no rule. */
			assert_true(qn->nchoices == 4 || qn->nchoices == 5);
			if (qn->nchoices == 5) {
				assert_true(strncmp(qn->choices[4].label,
				                    "Not applicable", 14) == 0);
				/* Only the four rules below count the item. */
				size_t counting = 0;
				for (size_t r = 0; r < the_q->nrules; r++)
					if (the_q->rules[r].readiness_item &&
					    strcmp(the_q->rules[r].readiness_item,
					           qn->id) == 0)
						counting++;
				assert_int_equal(counting, 4);
			}
			assert_non_null(qn->show_if);
			items++;
			int prio_missing = -1, prio_partial = -1;
			for (size_t c = 0; c < 4; c++) {
				assert_string_equal(qn->choices[c].id, choices[c]);
				char *rid = NULL;
				static const char *const sfx[] = {
					"in_place", "partly", "missing", "unknown"};
				rid = sc_xasprintf("%s_%s", qn->id, sfx[c]);
				const struct sc_rule *ru = &the_q->rules[rule_index(rid)];
				free(rid);
				assert_non_null(ru->readiness_item);
				assert_string_equal(ru->readiness_item, qn->id);
				assert_int_equal(ru->readiness, status[c]);
				if (c == 0) {
					assert_null(ru->gap);
					continue;
				}
				assert_non_null(ru->gap);
				assert_int_equal(ru->gap->followup, c == 3);
				for (size_t j = 0; j < ru->gap->ncriteria; j++)
					assert_true(sc_criteria_valid(ru->gap->criteria[j]));
				if (c == 1)
					prio_partial = (int)ru->gap->priority;
				if (c == 2)
					prio_missing = (int)ru->gap->priority;
			}
			/* enum order: high < medium < low */
			assert_true(prio_partial >= prio_missing);
		}
	}
	/* 10 checklist items (seed 001) and monitoring (CC4); 11 practices
	 * (access reviews and devices asked apart from access control, a
	 * penetration test),
	 * physical access, one question per optional category, 5 SOC 1
	 * controls and the clients' own controls. */
	assert_int_equal(the_q->sections[9].count, 11);
	assert_int_equal(items, 33);
}

/* Wording that would claim socscope audits, certifies or gives an opinion.
 * Returns the offending sentence's start, or NULL.  "opinion" is allowed only
 * where a CPA firm gives it; "certif..." only for ISO 27001 (a real
 * certification) or to say a SOC report is not one; "audit" next to
 * perform/replace/conduct only in a negation. */
static const char *
audit_claim(const char *text, char *why, size_t whysize)
{
	static const char *const never[] = {
		"this audit", "we audit", "our audit", "socscope audit",
		"socscope's audit", "we certify", "audit-ready guarantee",
		"our opinion", "we attest", "socscope attests",
	};
	size_t len = strlen(text);
	char *low = sc_xmalloc(len + 1);
	for (size_t i = 0; i <= len; i++)
		low[i] = (char)tolower((unsigned char)text[i]);
	const char *bad = NULL;
	char *sent = low;
	while (*sent && !bad) {
		size_t n = strcspn(sent, ".!?");
		char save = sent[n];
		sent[n] = '\0';
		for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
			if (strstr(sent, never[i])) {
				snprintf(why, whysize, "\"%s\"", never[i]);
				bad = text + (sent - low);
			}
		if (strstr(sent, "opinion") && !strstr(sent, "cpa")) {
			snprintf(why, whysize, "opinion not given by a CPA firm");
			bad = text + (sent - low);
		}
		if (strstr(sent, "certif") && !strstr(sent, "iso") &&
		    !strstr(sent, "not a certif")) {
			snprintf(why, whysize, "certification outside ISO 27001");
			bad = text + (sent - low);
		}
		for (const char *p = strstr(sent, "audit"); p;
		     p = strstr(p + 1, "audit")) {
			if (p[5] == 'o')
				continue; /* "auditor": the CPA firm's people */
			if ((strstr(sent, "perform") || strstr(sent, "replace") ||
			     strstr(sent, "conduct")) &&
			    !strstr(sent, "not ") && !strstr(sent, "only a")) {
				snprintf(why, whysize,
				         "claims to perform or replace an audit");
				bad = text + (sent - low);
			}
		}
		sent[n] = save;
		sent += n + (save ? 1 : 0);
	}
	free(low);
	return bad;
}

static void
audit_claim_check_can_fail(void **state)
{
	(void)state;
	char why[128];
	static const char *const bad[] = {
		"This audit found your controls effective.",
		"Done. socscope certifies you as SOC 2 compliant.",
		"Our opinion is that your controls operate effectively.",
		"This tool performs an audit of your controls.",
		"You are now SOC 2 certified!",
		"socscope replaces the audit for small firms.",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (!audit_claim(bad[i], why, sizeof why))
			fail_msg("not flagged: %s", bad[i]);
	static const char *const good[] = {
		"Only a licensed CPA firm can examine your controls and issue an "
		"opinion.",
		"socscope does not perform an audit and does not replace one.",
		"Buyers abroad ask for an ISO 27001 certificate.",
		"Auditors test access control more than anything else.",
		"A SOC report is an attestation, not a certificate.",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (audit_claim(good[i], why, sizeof why))
			fail_msg("flagged (%s): %s", why, good[i]);
}

static void
check_text(const char *where, const char *text)
{
	char why[128];
	const char *bad;
	if (text && (bad = audit_claim(text, why, sizeof why)))
		fail_msg("%s: %s: %.100s", where, why, bad);
}

static void
no_text_claims_an_audit(void **state)
{
	(void)state;
	check_text("title", the_q->title);
	check_text("description", the_q->description);
	/* The description itself carries the disclaimer. */
	assert_non_null(strstr(the_q->description, "CPA firm"));
	assert_non_null(strstr(the_q->description, "does not perform an audit"));
	for (size_t i = 0; i < the_q->nsections; i++) {
		check_text(the_q->sections[i].id, the_q->sections[i].title);
		check_text(the_q->sections[i].id, the_q->sections[i].intro);
	}
	for (size_t i = 0; i < the_q->nquestions; i++) {
		const struct sc_question *qn = &the_q->questions[i];
		check_text(qn->id, qn->text);
		check_text(qn->id, qn->help);
		for (size_t c = 0; c < qn->nchoices; c++) {
			check_text(qn->id, qn->choices[c].label);
			check_text(qn->id, qn->choices[c].help);
		}
	}
	for (size_t i = 0; i < the_q->nrules; i++) {
		const struct sc_rule *ru = &the_q->rules[i];
		check_text(ru->id, ru->because);
		check_text(ru->id, ru->next_step);
		check_text(ru->id, ru->decision);
		if (ru->gap) {
			check_text(ru->id, ru->gap->title);
			check_text(ru->id, ru->gap->advice);
		}
	}
	/* The self-assessment next step says who performs the examination. */
	const struct sc_rule *sa = &the_q->rules[rule_index("self_assessment")];
	assert_non_null(strstr(sa->next_step, "CPA firm"));
}

/* The copy compiled into the binary is this file, byte for byte. */
static void
bundled_copy_is_the_file(void **state)
{
	(void)state;
	const struct sc_bundled *b =
	        sc_bundled_find(SC_DATA_QUESTIONNAIRE, "soc-scoping");
	assert_non_null(b);
	size_t len = 0;
	char *text = th_read(QFILE, &len);
	assert_non_null(text);
	assert_int_equal(b->len, len);
	assert_memory_equal(b->data, text, len);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(eleven_parts_in_order),
		cmocka_unit_test(every_question_has_help_and_every_rule_a_reason),
		cmocka_unit_test(readiness_items_are_counted_honestly),
		cmocka_unit_test(audit_claim_check_can_fail),
		cmocka_unit_test(no_text_claims_an_audit),
		cmocka_unit_test(bundled_copy_is_the_file),
		cmocka_unit_test(every_example_is_checked),
		cmocka_unit_test(worked_examples),
		cmocka_unit_test(type_follows_what_fits),
		cmocka_unit_test(unnamed_reports_and_listed_clients),
		cmocka_unit_test(public_assurance_and_renewals),
		cmocka_unit_test(privacy_follows_its_trigger),
		cmocka_unit_test(nobody_asking_means_no_report),
		cmocka_unit_test(skip_logic),
		cmocka_unit_test(empty_interview),
	};
	return cmocka_run_group_tests(tests, load_questionnaire,
	                              free_questionnaire);
}
