/* The scope of the examination (issue 18.3), as the JSON report gives it:
 * the system boundary from the answers that name it, the SOC 1 control
 * objectives for the services that touch clients' books (a staffing
 * agency's are timesheet approval and billing, not its own payroll), the
 * controls its customers must run, and what to do about each provider
 * (carve out; a bank that only moves funds is not one).  Each proposal
 * names the rules behind it and the assumptions it rests on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "socscope/report.h"

static struct sc_questionnaire *the_q;

static int
setup(void **state)
{
	(void)state;
	char *path = th_src("questionnaires/soc-scoping.yaml");
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	the_q = sc_questionnaire_load_file(path, &d, &st);
	sc_diags_fini(&d);
	free(path);
	return the_q ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	sc_questionnaire_free(the_q);
	return 0;
}

/* The JSON report of an answers file (relative to the source tree). */
static json_t *
report_of(const char *rel)
{
	char *path = th_src(rel);
	struct sc_answers *a = sc_answers_new(the_q);
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = sc_answers_load_file(a, path, &d);
	if (st != SC_OK) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		print_error("%s", sc_buf_str(&b));
		sc_buf_fini(&b);
	}
	assert_int_equal(st, SC_OK);
	sc_diags_fini(&d);
	struct sc_eval *ev = sc_eval_new(the_q, a);
	struct sc_report_opts o = {.date = "2026-12-06", .width = 80};
	struct sc_buf b = {0};
	sc_report_render(the_q, a, ev, SC_FMT_JSON, &o, &b);
	json_error_t err;
	json_t *doc = json_loads(sc_buf_str(&b), 0, &err);
	if (!doc)
		print_error("%s: %s\n", rel, err.text);
	assert_non_null(doc);
	sc_buf_fini(&b);
	sc_eval_free(ev);
	sc_answers_free(a);
	free(path);
	return doc;
}

/* A report of an answers file (relative to the source tree) in `fmt`, with
 * `extra` answer lines added at the top of its answers. */
static char *
render_of(const char *rel, const char *extra, enum sc_format fmt)
{
	char *path = th_src(rel);
	char *text = th_read(path, NULL);
	assert_non_null(text);
	char *at = strstr(text, "answers:\n");
	assert_non_null(at);
	at += strlen("answers:\n");
	char *all = sc_xasprintf("%.*s%s%s", (int)(at - text), text,
	                         extra ? extra : "", at);
	struct sc_answers *a = sc_answers_new(the_q);
	struct sc_diags d;
	sc_diags_init(&d);
	assert_int_equal(sc_answers_load_buffer(a, rel, all, strlen(all), &d),
	                 SC_OK);
	sc_diags_fini(&d);
	struct sc_eval *ev = sc_eval_new(the_q, a);
	struct sc_report_opts o = {.date = "2026-12-06", .width = 80};
	struct sc_buf b = {0};
	sc_report_render(the_q, a, ev, fmt, &o, &b);
	sc_eval_free(ev);
	sc_answers_free(a);
	free(all);
	free(text);
	free(path);
	return sc_buf_steal(&b);
}

/* The entry of scope list `key` whose text holds `needle`, or NULL. */
static json_t *
find(json_t *scope, const char *key, const char *needle)
{
	json_t *list = json_object_get(scope, key);
	assert_true(json_is_array(list));
	size_t i;
	json_t *e;
	json_array_foreach(list, i, e) {
		const char *t = json_string_value(json_object_get(e, "text"));
		if (t && strstr(t, needle))
			return e;
	}
	return NULL;
}

static bool
has_rule(json_t *entry, const char *rule)
{
	json_t *rs = json_object_get(entry, "reasons");
	size_t i;
	json_t *r;
	json_array_foreach(rs, i, r)
		if (strcmp(json_string_value(json_object_get(r, "rule")), rule) == 0)
			return true;
	return false;
}

static void
staffing_agency_scope(void **state)
{
	(void)state;
	json_t *doc = report_of("tests/fixtures/scope/staffing.yaml");
	json_t *scope = json_object_get(doc, "scope");
	assert_true(json_is_object(scope));

	/* The boundary as the owner named it, in the questionnaire's order;
	 * the systems' line rests on the note typed on it. */
	json_t *b = json_object_get(scope, "boundary");
	static const char *const labels[] = {"Services",
	                                     "Systems and applications",
	                                     "Locations", "People"};
	assert_int_equal(json_array_size(b), 4);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(json_string_value(json_object_get(
		                            json_array_get(b, i), "label")),
		                    labels[i]);
	json_t *sys = json_array_get(b, 1);
	assert_string_equal(json_string_value(json_object_get(sys, "text")),
	                    "The staffing platform (portal and billing), "
	                    "Microsoft 365");
	json_t *rests = json_object_get(sys, "rests_on");
	assert_int_equal(json_array_size(rests), 1);
	assert_int_equal(json_array_size(json_object_get(json_array_get(b, 0),
	                                                 "rests_on")),
	                 0);

	/* Timesheet approval and billing, not the temps' payroll; no billing
	 * objective said twice in other words. */
	json_t *hours = find(scope, "control_objectives",
	                     "Only hours approved by a supervisor");
	assert_non_null(hours);
	assert_true(has_rule(hours, "objectives_staffing"));
	assert_non_null(find(scope, "control_objectives", "Bill rates"));
	assert_null(find(scope, "control_objectives", "Payroll is calculated"));
	assert_null(find(scope, "control_objectives",
	                 "Rates and billing terms are set up"));
	/* IT general controls come after the business objectives. */
	json_t *obj = json_object_get(scope, "control_objectives");
	size_t n = json_array_size(obj);
	assert_true(n >= 4);
	assert_non_null(strstr(json_string_value(json_object_get(
	                               json_array_get(obj, n - 3), "text")),
	                       "Logical access"));
	assert_non_null(find(scope, "boundary_notes",
	                     "The pay of your own workers is your expense"));

	/* What the clients must do themselves. */
	assert_non_null(find(scope, "cuecs", "never share their logins"));
	assert_non_null(find(scope, "cuecs", "approve hours by the weekly "
	                                     "cutoff"));

	/* The platform's vendor carved out, by the name given; the bank is
	 * said not to be a subservice organization. */
	json_t *carve = find(scope, "subservice", "Carve out is recommended");
	assert_non_null(carve);
	assert_non_null(strstr(json_string_value(json_object_get(carve, "text")),
	                       "The staffing platform's vendor hosts the "
	                       "portal"));
	assert_non_null(find(scope, "subservice",
	                     "Your bank is not a subservice organization"));
	json_decref(doc);
}

/* A SOC 2 only: the customers' controls and the providers, but no SOC 1
 * control objectives. */
/* The boundary the owner typed is the client's words, not the
 * consultant's: the memo quotes it under a line that says so, in every
 * format a person reads; the JSON keeps the answer as typed. */
static void
boundary_is_quoted_as_the_clients_words(void **state)
{
	(void)state;
	static const char intro[] = "As the client described it in the "
	                            "interview, quoted";
	char *md = render_of("tests/fixtures/scope/staffing.yaml", NULL,
	                     SC_FMT_MARKDOWN);
	assert_non_null(strstr(md, intro));
	assert_non_null(strstr(md, "- **People:** \u201cBilling team of 6, "
	                           "branch managers, the controller\u201d\n"));
	/* The kinds of service are the questionnaire's words: not a line of
	 * the boundary. */
	assert_null(strstr(md, "Kinds of service"));
	free(md);
	char *html = render_of("tests/fixtures/scope/staffing.yaml", NULL,
	                       SC_FMT_HTML);
	assert_non_null(strstr(html, intro));
	assert_non_null(strstr(html, "<dd>\u201cBilling team of 6, branch "
	                             "managers, the controller\u201d"));
	free(html);
	char *txt = render_of("tests/fixtures/scope/staffing.yaml", NULL,
	                      SC_FMT_TEXT);
	assert_non_null(strstr(txt, "People: \u201cBilling team of 6"));
	free(txt);
	char *json = render_of("tests/fixtures/scope/staffing.yaml", NULL,
	                       SC_FMT_JSON);
	assert_non_null(strstr(json, "\"Billing team of 6, branch managers, "
	                             "the controller\""));
	assert_null(strstr(json, "\u201cBilling"));
	free(json);
}

/* A CPA firm offered both readiness help and the audit: the first page's
 * decisions say which roles its independence allows; not said otherwise. */
static void
one_firm_for_readiness_and_audit_is_a_decision(void **state)
{
	(void)state;
	static const char decision[] = "Which role the CPA firm that offered "
	                               "both will play";
	char *md = render_of("tests/fixtures/scope/staffing.yaml",
	                     "  readiness_help: audit_firm\n",
	                     SC_FMT_MARKDOWN);
	char *p = strstr(md, decision);
	assert_non_null(p);
	/* On the first page: before the recommendation. */
	char *rec = strstr(md, "\n## Recommendation");
	assert_non_null(rec);
	assert_true(p < rec);
	free(md);
	md = render_of("tests/fixtures/scope/staffing.yaml",
	               "  readiness_help: consultant\n", SC_FMT_MARKDOWN);
	assert_null(strstr(md, decision));
	free(md);
}

static void
soc2_only_has_no_control_objectives(void **state)
{
	(void)state;
	json_t *doc = report_of("questionnaires/examples/early-stage-saas.yaml");
	json_t *scope = json_object_get(doc, "scope");
	assert_true(json_is_object(scope));
	assert_int_equal(json_array_size(json_object_get(scope,
	                                                 "control_objectives")),
	                 0);
	assert_non_null(find(scope, "cuecs", "manage their own users"));
	assert_non_null(find(scope, "subservice", "AWS hosts the workspace"));
	json_decref(doc);
}

/* A SOC 1 for a payroll bureau: payroll's objectives and its clients'
 * approvals. */
static void
payroll_bureau_objectives(void **state)
{
	(void)state;
	json_t *doc = report_of("questionnaires/examples/payroll-bureau.yaml");
	json_t *scope = json_object_get(doc, "scope");
	json_t *e = find(scope, "control_objectives", "Payroll changes");
	assert_non_null(e);
	assert_true(has_rule(e, "objectives_payroll"));
	assert_non_null(find(scope, "cuecs", "approve payroll changes"));
	assert_null(find(scope, "control_objectives", "Only hours approved"));
	assert_non_null(find(scope, "subservice", "Your bank is not"));
	json_decref(doc);
}

/* No report, no scope: nothing is proposed for an examination nobody
 * needs. */
static void
no_report_no_scope(void **state)
{
	(void)state;
	json_t *doc = report_of("questionnaires/examples/"
	                        "no-report-consultancy.yaml");
	assert_true(json_is_null(json_object_get(doc, "scope")));
	json_decref(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(staffing_agency_scope),
		cmocka_unit_test(boundary_is_quoted_as_the_clients_words),
		cmocka_unit_test(one_firm_for_readiness_and_audit_is_a_decision),
		cmocka_unit_test(soc2_only_has_no_control_objectives),
		cmocka_unit_test(payroll_bureau_objectives),
		cmocka_unit_test(no_report_no_scope),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
