/* The client portfolio: one row per session, saying what each client's
 * report says; golden files for its three layouts (tests/golden/
 * portfolio.*), and the one-line recommendation the session picker shows.
 * Rewrite the goldens with SOCSCOPE_UPDATE_GOLDEN=1 and review the diff. */
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
#include "socscope/migrate.h"
#include "socscope/portfolio.h"
#include "socscope/session.h"

#define FIXDIR SC_TESTDIR "/fixtures/report"
#define GOLDDIR SC_TESTDIR "/golden"
#define DATE "2026-01-31"

static const char *const cases[] = {"full", "none", "partial", "escape"};
#define NCASES (sizeof cases / sizeof cases[0])

static struct sc_questionnaire *
load_q(void)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_questionnaire *q =
		sc_questionnaire_load_file(FIXDIR "/report.yaml", &d, &st);
	sc_diags_fini(&d);
	assert_non_null(q);
	return q;
}

static struct sc_answers *
load_a(const struct sc_questionnaire *q, const char *name)
{
	struct sc_answers *a = sc_answers_new(q);
	char *path = sc_xasprintf("%s/%s.yaml", FIXDIR, name);
	struct sc_diags d;
	sc_diags_init(&d);
	assert_int_equal(sc_answers_load_file(a, path, &d), SC_OK);
	sc_diags_fini(&d);
	free(path);
	return a;
}

/* The portfolio of the four report fixtures; paths as relative names so
 * the goldens do not depend on where the tree is. */
static void
build(struct sc_portfolio *p, struct sc_questionnaire *q)
{
	memset(p, 0, sizeof *p);
	for (size_t i = 0; i < NCASES; i++) {
		struct sc_answers *a = load_a(q, cases[i]);
		char *rel = sc_xasprintf("tests/fixtures/report/%s.yaml", cases[i]);
		struct sc_report_opts o = {.date = DATE};
		sc_portfolio_add(p, rel, q, a, &o);
		free(rel);
		sc_answers_free(a);
	}
}

static char *
render(const struct sc_portfolio *p, enum sc_format fmt, int width)
{
	struct sc_report_opts o = {.date = DATE, .width = width};
	struct sc_buf b = {0};
	assert_true(sc_portfolio_render(p, fmt, &o, &b));
	return sc_buf_steal(&b);
}

static bool
write_file(const char *path, const char *s)
{
	FILE *fp = fopen(path, "wb");
	if (!fp)
		return false;
	bool ok = fwrite(s, 1, strlen(s), fp) == strlen(s);
	return fclose(fp) == 0 && ok;
}

static void
check_golden(const char *file, const char *actual)
{
	char *path = sc_xasprintf("%s/%s", GOLDDIR, file);
	const char *upd = getenv("SOCSCOPE_UPDATE_GOLDEN");
	if (upd && strcmp(upd, "1") == 0) {
		assert_true(write_file(path, actual));
		free(path);
		return;
	}
	char *want = th_read(path, NULL);
	if (!want || strcmp(want, actual) != 0) {
		char *got = sc_xasprintf("%s/%s", SC_BUILDDIR, file);
		write_file(got, actual);
		print_error("%s differs from its golden file (or it is missing); "
		            "see\n  diff -u %s %s\n",
		            file, path, got);
		free(got);
		free(want);
		free(path);
		fail();
	}
	free(want);
	free(path);
}

static void
goldens(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load_q();
	struct sc_portfolio p;
	build(&p, q);
	/* A session read through a migration is marked with the version it
	 * was saved under; one that cannot be opened is listed with why. */
	struct sc_answers *a = load_a(q, "partial");
	a->migrated = sc_xcalloc(1, sizeof *a->migrated);
	a->migrated->from = sc_xstrdup("0.9");
	a->migrated->to = sc_xstrdup("1.0");
	struct sc_report_opts o = {.date = DATE};
	sc_portfolio_add(&p, "tests/fixtures/report/older.yaml", q, a, &o);
	sc_answers_free(a);
	sc_portfolio_add_error(&p, "tests/fixtures/report/broken.yaml",
	                       "Broken Ltd", "report-fixture",
	                       "2026-01-02T08:00:00Z",
	                       "tests/fixtures/report/broken.yaml:7:3: answer "
	                       "to unknown question \"nope\" in questionnaire "
	                       "\"report-fixture\"");
	sc_portfolio_add_error(&p, "tests/fixtures/report/garbage.yaml", NULL,
	                       NULL, NULL,
	                       "tests/fixtures/report/garbage.yaml:2:1: YAML "
	                       "syntax error: did not find expected node "
	                       "content");
	char *s = render(&p, SC_FMT_TEXT, 0);
	check_golden("portfolio.txt", s);
	free(s);
	s = render(&p, SC_FMT_TEXT, 80);
	check_golden("portfolio.w80.txt", s);
	/* Cut to fit: no line wider than the terminal, but for the reasons
	 * sessions cannot be opened, which are never cut. */
	assert_non_null(strstr(s, "cannot be opened: tests/fixtures/report/"
	                          "broken.yaml:7:3: answer to unknown question "
	                          "\"nope\" in questionnaire "
	                          "\"report-fixture\"\n"));
	for (const char *line = s; *line;) {
		const char *nl = strchr(line, '\n');
		assert_non_null(nl);
		size_t cols = 0;
		for (const char *c = line; c < nl; c++)
			cols += ((unsigned char)*c & 0xC0) != 0x80;
		bool error = strstr(line, "cannot be opened: ") &&
		             strstr(line, "cannot be opened: ") < nl;
		if (cols > 80 && !error)
			fail_msg("%zu columns: %.*s", cols, (int)(nl - line), line);
		line = nl + 1;
	}
	free(s);
	s = render(&p, SC_FMT_CSV, 0);
	check_golden("portfolio.csv", s);
	free(s);
	s = render(&p, SC_FMT_JSON, 0);
	check_golden("portfolio.json", s);
	free(s);
	struct sc_buf b = {0};
	assert_false(sc_portfolio_render(&p, SC_FMT_HTML, NULL, &b));
	assert_false(sc_portfolio_render(&p, SC_FMT_MARKDOWN, NULL, &b));
	assert_int_equal(b.len, 0);
	sc_portfolio_fini(&p);
	sc_questionnaire_free(q);
}

/* Each row says what that client's own report says. */
static void
rows_match_the_reports(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load_q();
	struct sc_portfolio p;
	build(&p, q);
	assert_int_equal(p.n, NCASES);
	for (size_t i = 0; i < NCASES; i++) {
		const struct sc_portfolio_row *row = &p.v[i];
		struct sc_answers *a = load_a(q, cases[i]);
		struct sc_eval *ev = sc_eval_new(q, a);
		struct sc_report_opts o = {.date = DATE};
		struct sc_buf b = {0};
		sc_report_render(q, a, ev, SC_FMT_JSON, &o, &b);
		json_error_t err;
		json_t *j = json_loads(sc_buf_str(&b), 0, &err);
		assert_non_null(j);
		json_t *rd = json_object_get(j, "readiness");
		if (row->has_score)
			assert_int_equal(row->score, json_integer_value(
			                                     json_object_get(rd, "score")));
		else
			assert_int_equal(json_integer_value(json_object_get(rd, "total")),
			                 0);
		json_t *reports = json_object_get(
			json_object_get(j, "recommendation"), "reports");
		assert_int_equal(row->nreports, json_array_size(reports));
		for (size_t k = 0; k < row->nreports; k++)
			assert_int_equal(row->reports[k].period_months,
			                 json_integer_value(json_object_get(
				                 json_array_get(reports, k),
				                 "period_months")));
		assert_int_equal(row->nunanswered,
		                 json_array_size(json_object_get(j, "unanswered")));
		size_t high = 0;
		json_t *gaps = json_object_get(j, "gaps");
		for (size_t k = 0; k < json_array_size(gaps); k++) {
			json_t *g = json_array_get(gaps, k);
			high += strcmp(json_string_value(json_object_get(g, "priority")),
			               "high") == 0 &&
			        strcmp(json_string_value(json_object_get(g, "kind")),
			               "gap") == 0;
		}
		assert_int_equal(row->high_gaps, high);
		json_decref(j);
		sc_buf_fini(&b);
		sc_eval_free(ev);
		sc_answers_free(a);
	}
	/* The one-line recommendation. */
	assert_string_equal(p.v[0].recommendation,
	                    "SOC 1 Type II, SOC 2 Type II and SOC 3 (Security, "
	                    "Availability, Confidentiality)");
	assert_string_equal(p.v[1].recommendation, "No SOC report now");
	assert_string_equal(p.v[2].recommendation, "SOC 2 Type I (Security)");
	/* The full case's SOC 1 period is the plan's: a year looked back. */
	assert_int_equal(p.v[0].reports[0].period_months, 12);
	assert_int_equal(p.v[0].categories,
	                 1u << SC_CAT_SECURITY | 1u << SC_CAT_AVAILABILITY |
	                         1u << SC_CAT_CONFIDENTIALITY);
	sc_portfolio_fini(&p);
	sc_questionnaire_free(q);
}

/* What the interview's picker shows: the same line, from the saved file;
 * "Not enough answers yet" before anything points anywhere. */
static void
session_infos_carry_the_recommendation(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load_q();
	char *dir = th_mkdtemp();
	char *full = th_read(FIXDIR "/full.yaml", NULL);
	assert_non_null(full);
	free(th_write(dir, "acme.yaml", full));
	free(th_write(dir, "blank.yaml",
	              "socscope: 1\nquestionnaire: report-fixture\n"
	              "client: Blank\nupdated: 2020-01-01T00:00:00Z\n"
	              "answers: {}\n"));
	free(full);
	struct sc_session_info *v = NULL;
	size_t n = sc_sessions_list(q, dir, &v);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].client, "Blank") == 0)
			assert_string_equal(v[i].recommendation,
			                    "Not enough answers yet");
		else
			assert_string_equal(v[i].recommendation,
			                    "SOC 1 Type II, SOC 2 Type II and SOC 3 "
			                    "(Security, Availability, "
			                    "Confidentiality)");
	}
	sc_session_infos_free(v, n);
	/* Without a questionnaire to evaluate against: empty, not NULL. */
	n = sc_sessions_list(NULL, dir, &v);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].recommendation, "");
	sc_session_infos_free(v, n);
	th_rmtree(dir);
	free(dir);
	sc_questionnaire_free(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(goldens),
		cmocka_unit_test(rows_match_the_reports),
		cmocka_unit_test(session_infos_carry_the_recommendation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
