/* The comparison: what differs between two evaluations and the answers
 * behind each difference (src/core/compare.c), and its four formats.
 *
 * Golden files: tests/golden/compare.<ext> hold the exact comparison of the
 * report fixtures full.yaml (A) and partial.yaml (B), compare-same.txt that
 * of full.yaml with itself.  Rewrite them with
 *     SOCSCOPE_UPDATE_GOLDEN=1 meson test -C BUILD compare
 * and review the diff like code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"
#include "socscope/compare.h"
#include "socscope/questionnaire.h"

#define FIXDIR SC_TESTDIR "/fixtures/report/"
#define GOLDDIR SC_TESTDIR "/golden"
#define DATE "2026-01-31"

static struct sc_questionnaire *the_q;

static int
setup(void **state)
{
	(void)state;
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	the_q = sc_questionnaire_load_file(FIXDIR "report.yaml", &d, &st);
	sc_diags_fini(&d);
	return the_q ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	sc_questionnaire_free(the_q);
	return 0;
}

/* One side: a fixture file, then `edit` (YAML text of answers) applied. */
struct side {
	struct sc_answers *a;
	struct sc_eval *ev;
};

static void
side_open(struct side *s, const char *fixture, const char *edit)
{
	struct sc_diags d;
	sc_diags_init(&d);
	s->a = sc_answers_new(the_q);
	char *path = sc_xasprintf("%s%s.yaml", FIXDIR, fixture);
	assert_int_equal(sc_answers_load_file(s->a, path, &d), SC_OK);
	free(path);
	if (edit) {
		/* Load the edits into a second set and copy them over. */
		struct sc_answers *e = sc_answers_new(the_q);
		char *text = sc_xasprintf("socscope: 1\nquestionnaire: report-fixture\n"
		                          "answers:\n%s",
		                          edit);
		assert_int_equal(sc_answers_load_buffer(e, "edit", text, strlen(text), &d),
		                 SC_OK);
		for (size_t i = 0; i < the_q->nquestions; i++)
			if (e->v[i].type != SC_A_NONE)
				assert_true(sc_answers_set(s->a, i, &e->v[i]));
		free(text);
		sc_answers_free(e);
	}
	sc_diags_fini(&d);
	s->ev = sc_eval_new(the_q, s->a);
}

static void
side_close(struct side *s)
{
	sc_eval_free(s->ev);
	sc_answers_free(s->a);
}

/* Compare fixture+edit A with fixture+edit B; the sides are freed before
 * the diff is returned, so every test also checks that it owns its data. */
static struct sc_diff *
compare(const char *fa, const char *ea, const char *fb, const char *eb)
{
	struct side a, b;
	side_open(&a, fa, ea);
	side_open(&b, fb, eb);
	struct sc_diff_opts o = {.label_a = fa, .label_b = fb, .date = DATE};
	struct sc_diff *d = sc_diff_new(the_q, a.a, a.ev, b.a, b.ev, &o);
	side_close(&a);
	side_close(&b);
	return d;
}

static const struct sc_diff_item *
find(const struct sc_diff *d, enum sc_diff_kind kind, const char *id)
{
	for (size_t i = 0; i < d->nitems; i++)
		if (d->items[i].kind == kind && strcmp(d->items[i].id, id) == 0)
			return &d->items[i];
	return NULL;
}

/* The question ids behind an item, joined by spaces. */
static char *
behind(const struct sc_diff *d, const struct sc_diff_item *it)
{
	struct sc_buf b = {0};
	for (size_t i = 0; i < it->nanswers; i++)
		sc_buf_printf(&b, "%s%s", i ? " " : "",
		              the_q->questions[d->answers[it->answers[i]].question].id);
	return sc_buf_steal(&b);
}

static char *
rules(const struct sc_diff_item *it)
{
	struct sc_buf b = {0};
	for (size_t i = 0; i < it->nrules; i++)
		sc_buf_printf(&b, "%s%s@%s", i ? " " : "",
		              the_q->rules[it->rules[i].rule].id,
		              it->rules[i].in_a ? "a" : "b");
	return sc_buf_steal(&b);
}

static void
same_answers_same_conclusions(void **state)
{
	(void)state;
	struct sc_diff *d = compare("full", NULL, "full", NULL);
	assert_int_equal(d->nitems, 0);
	assert_int_equal(d->nanswers, 0);
	sc_diff_free(d);
}

/* Dropping the uptime promise changes Availability only, and says which
 * answer did it and which rules fired on each side. */
static void
one_answer_one_difference(void **state)
{
	(void)state;
	struct sc_diff *d = compare("full", NULL, "full", "  has_sla: false\n");
	assert_int_equal(d->nanswers, 1);
	assert_string_equal(d->answers[0].text_a, "Yes");
	assert_string_equal(d->answers[0].text_b, "No");
	assert_int_equal(d->nitems, 1);
	const struct sc_diff_item *it = find(d, SC_DIFF_CATEGORY, "availability");
	assert_non_null(it);
	assert_true(it->a.present);
	assert_false(it->b.present);
	assert_string_equal(it->a.text, "in scope");
	assert_string_equal(it->b.text, "out of scope");
	char *s = behind(d, it);
	assert_string_equal(s, "has_sla");
	free(s);
	s = rules(it);
	assert_string_equal(s, "sla_availability@a no_sla@b");
	free(s);
	sc_diff_free(d);
}

/* Without hosting, no SOC 2 and so no SOC 3: the SOC 3 rests on the
 * services answer, not on the public-assurance question that B no longer
 * asks (that one is listed among the answers that differ, as not asked). */
static void
hidden_question_gives_way_to_its_cause(void **state)
{
	(void)state;
	struct sc_diff *d = compare("full", NULL, "full", "  services: [payroll]\n");
	const struct sc_diff_item *it = find(d, SC_DIFF_REPORT, "soc3");
	assert_non_null(it);
	assert_true(it->a.present);
	assert_false(it->b.present);
	assert_string_equal(it->b.text, "not recommended");
	char *s = behind(d, it);
	assert_string_equal(s, "services");
	free(s);
	s = rules(it);
	assert_string_equal(s, "hosting_soc2@a want_soc3@a");
	free(s);
	assert_non_null(find(d, SC_DIFF_REPORT, "soc2"));
	assert_null(find(d, SC_DIFF_REPORT, "soc1"));
	/* Every category was in or out with the SOC 2. */
	it = find(d, SC_DIFF_CATEGORY, "security");
	assert_non_null(it);
	assert_string_equal(it->a.text, "in scope (required)");
	s = behind(d, it);
	assert_string_equal(s, "services");
	free(s);
	bool listed = false;
	for (size_t i = 0; i < d->nanswers; i++)
		if (strcmp(the_q->questions[d->answers[i].question].id,
		           "public_assurance") == 0) {
			listed = true;
			assert_true(d->answers[i].shown_a);
			assert_false(d->answers[i].shown_b);
			assert_string_equal(d->answers[i].text_b, "not asked");
		}
	assert_true(listed);
	sc_diff_free(d);
}

/* Young controls make both reports Type I (a type difference, not a
 * report difference), and the type rests on the months answer. */
static void
type_difference(void **state)
{
	(void)state;
	struct sc_diff *d = compare("full", NULL, "full", "  months_operating: 1\n");
	const struct sc_diff_item *it = find(d, SC_DIFF_TYPE, "soc2");
	assert_non_null(it);
	assert_int_equal(it->a.value, SC_TYPE2);
	assert_int_equal(it->b.value, SC_TYPE1);
	assert_string_equal(it->a.text, "Type II");
	assert_string_equal(it->b.text, "Type I");
	char *s = behind(d, it);
	assert_string_equal(s, "months_operating");
	free(s);
	assert_null(find(d, SC_DIFF_REPORT, "soc2"));
	assert_null(find(d, SC_DIFF_PERIOD, "soc2"));
	sc_diff_free(d);
}

/* Without kept evidence the first SOC 1 period starts after readiness
 * work (March to August): 6 months cover the clients' December fiscal
 * year well enough, but a June year-end needs it lengthened to 10 (March
 * to December covers July to December).  No rule changes, yet the period
 * does, and it rests on the year-end answer. */
static void
period_from_the_roadmap(void **state)
{
	(void)state;
	struct sc_diff *d = compare("full", "  evidence_kept: false\n", "full",
	                            "  evidence_kept: false\n"
	                            "  clients_fiscal_year_end: jun\n");
	const struct sc_diff_item *it = find(d, SC_DIFF_PERIOD, "soc1");
	assert_non_null(it);
	assert_int_equal(it->a.value, 6);
	assert_int_equal(it->b.value, 10);
	assert_string_equal(it->a.text, "6 months");
	assert_int_equal(it->nrules, 0);
	char *s = behind(d, it);
	assert_string_equal(s, "clients_fiscal_year_end");
	free(s);
	sc_diff_free(d);
}

/* A gap closed and a framework dropped. */
static void
gap_and_framework(void **state)
{
	(void)state;
	struct sc_diff *d = compare("full", NULL, "full",
	                            "  incident_plan: true\n  cards: false\n");
	const struct sc_diff_item *it = find(d, SC_DIFF_FRAMEWORK, "pci_dss");
	assert_non_null(it);
	assert_true(it->a.present);
	assert_false(it->b.present);
	char *s = behind(d, it);
	assert_string_equal(s, "cards");
	free(s);
	bool gap = false;
	for (size_t i = 0; i < d->nitems; i++) {
		it = &d->items[i];
		if (it->kind != SC_DIFF_GAP)
			continue;
		s = behind(d, it);
		if (strcmp(s, "incident_plan") == 0) {
			gap = true;
			assert_true(it->a.present);
			assert_false(it->b.present);
			assert_string_equal(it->b.text, "not a gap");
		}
		free(s);
	}
	assert_true(gap);
	it = find(d, SC_DIFF_READINESS, "score");
	assert_non_null(it);
	assert_true(it->b.value > it->a.value);
	sc_diff_free(d);
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
	size_t len = 0;
	char *want = th_read(path, &len);
	if (!want || len != strlen(actual) || memcmp(want, actual, len) != 0) {
		mkdir(SC_BUILDDIR "/golden-actual", 0755);
		char *got = sc_xasprintf("%s/golden-actual/%s", SC_BUILDDIR, file);
		write_file(got, actual);
		print_error("%s differs from the golden file (or is missing); see\n"
		            "  diff -u %s %s\n"
		            "and rewrite with SOCSCOPE_UPDATE_GOLDEN=1 if the "
		            "change is intended\n",
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
golden_full_partial(void **state)
{
	(void)state;
	struct sc_diff *d = compare("full", NULL, "partial", NULL);
	static const enum sc_format fmts[] = {SC_FMT_TEXT, SC_FMT_MARKDOWN,
	                                      SC_FMT_HTML, SC_FMT_JSON};
	for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
		struct sc_buf b = {0};
		sc_diff_render(d, fmts[i], 0, &b);
		char *file = sc_xasprintf("compare.%s", sc_format_ext(fmts[i]));
		check_golden(file, sc_buf_str(&b));
		free(file);
		sc_buf_fini(&b);
	}
	/* No CSV: a comparison is no table. */
	struct sc_buf b = {0};
	sc_diff_render(d, SC_FMT_CSV, 0, &b);
	assert_int_equal(b.len, 0);
	sc_buf_fini(&b);
	sc_diff_free(d);
}

static void
golden_same(void **state)
{
	(void)state;
	struct sc_diff *d = compare("full", NULL, "full", NULL);
	struct sc_buf b = {0};
	sc_diff_render(d, SC_FMT_TEXT, 0, &b);
	check_golden("compare-same.txt", sc_buf_str(&b));
	sc_buf_fini(&b);
	sc_diff_free(d);
}

/* Text from the files is escaped in every format. */
static void
escaping(void **state)
{
	(void)state;
	struct side a, b;
	side_open(&a, "full", NULL);
	side_open(&b, "full", "  has_sla: false\n");
	struct sc_diff_opts o = {.label_a = "<a & \"b\">.yaml", .label_b = "x|y*.yaml",
	                         .date = DATE};
	struct sc_diff *d = sc_diff_new(the_q, a.a, a.ev, b.a, b.ev, &o);
	struct sc_buf s = {0};
	sc_diff_render(d, SC_FMT_HTML, 0, &s);
	assert_non_null(strstr(sc_buf_str(&s), "&lt;a &amp; &quot;b&quot;&gt;.yaml"));
	assert_null(strstr(sc_buf_str(&s), "<a &"));
	sc_buf_reset(&s);
	sc_diff_render(d, SC_FMT_MARKDOWN, 0, &s);
	assert_non_null(strstr(sc_buf_str(&s), "x\\|y\\*.yaml"));
	sc_buf_fini(&s);
	sc_diff_free(d);
	side_close(&a);
	side_close(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_answers_same_conclusions),
		cmocka_unit_test(one_answer_one_difference),
		cmocka_unit_test(hidden_question_gives_way_to_its_cause),
		cmocka_unit_test(type_difference),
		cmocka_unit_test(period_from_the_roadmap),
		cmocka_unit_test(gap_and_framework),
		cmocka_unit_test(golden_full_partial),
		cmocka_unit_test(golden_same),
		cmocka_unit_test(escaping),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
