/* The evidence catalogue: loading, every problem reported as FILE:LINE:COL
 * (table-driven over tests/fixtures/evidence/), and the bundled catalogue
 * checked against what the bundled questionnaire needs from it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "socscope/bundled.h"
#include "socscope/catalogue.h"
#include "socscope/questionnaire.h"

#define FIX "tests/fixtures/evidence/"

static struct sc_catalogue *
load(const char *rel, struct sc_diags *d, enum sc_status *st)
{
	char *path = th_src(rel);
	struct sc_catalogue *c = sc_catalogue_load_file(path, d, st);
	free(path);
	return c;
}

/* Diagnostics as the user sees them, with the source directory cut off. */
static char *
diag_text(const struct sc_diags *d)
{
	struct sc_buf b = {0};
	sc_diags_format(d, &b);
	char *s = sc_buf_steal(&b);
	char *root = th_src("");
	size_t n = strlen(root);
	char *out = sc_xstrdup(s), *w = out;
	for (const char *p = s; *p;) {
		if (strncmp(p, root, n) == 0)
			p += n;
		else
			*w++ = *p++;
	}
	*w = '\0';
	free(root);
	free(s);
	return out;
}

static void
valid_catalogue_loads(void **state)
{
	(void)state;
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_catalogue *c = load(FIX "valid.yaml", &d, &st);
	assert_non_null(c);
	assert_int_equal(st, SC_OK);
	assert_int_equal(d.n, 0);
	assert_string_equal(c->id, "tiny-evidence");
	assert_string_equal(c->version, "1.0");
	assert_int_equal(c->nsources, 1);
	assert_string_equal(c->sources[0].url,
	                    "https://www.aicpa-cima.com/resources/download/"
	                    "get-the-2017-trust-services-criteria");
	assert_int_equal(c->nrequests, 2);
	const struct sc_ev_request *r = &c->requests[0];
	assert_string_equal(r->id, "code_of_conduct");
	assert_int_equal(r->ncriteria, 2);
	assert_string_equal(r->criteria[1], "SOC1:control-environment");
	assert_int_equal(r->kind, SC_EV_DOCUMENT);
	assert_int_equal(r->test, SC_EV_DESIGN);
	assert_int_equal(r->nreadiness, 1);
	assert_string_equal(r->readiness[0], "conduct_standards");
	assert_int_equal(r->nsources, 1);
	assert_int_equal(r->sources[0], 0);
	assert_int_equal(r->line, 10);
	r = &c->requests[1];
	assert_int_equal(r->kind, SC_EV_POPULATION);
	assert_int_equal(r->test, SC_EV_OPERATION);
	assert_int_equal(r->nreadiness, 0);
	sc_catalogue_free(c);
	sc_diags_fini(&d);
}

/* Each broken file: its exact diagnostics, all of them, in file order. */
static const struct {
	const char *file;
	enum sc_status st;
	const char *want;
} broken[] = {
	{FIX "invalid-criteria.yaml", SC_EDATA,
	 FIX "invalid-criteria.yaml:8:16: \"CC9.9\" is not one of the 61 Trust "
	     "Services Criteria of 2017 nor a SOC1:<short-name> objective\n"
	 FIX "invalid-criteria.yaml:8:23: \"C1.3\" is not one of the 61 Trust "
	     "Services Criteria of 2017 nor a SOC1:<short-name> objective\n"
	 FIX "invalid-criteria.yaml:8:29: \"SOC1:Bad Name\" is not one of the 61 "
	     "Trust Services Criteria of 2017 nor a SOC1:<short-name> "
	     "objective\n"
	 FIX "invalid-criteria.yaml:8:53: criterion \"CC1.1\" is listed twice\n"},
	{FIX "invalid-sources.yaml", SC_EDATA,
	 FIX "invalid-sources.yaml:5:48: \"ftp://example.org/x\" is not a public "
	     "address: a source's url starts with https:// and has no spaces\n"
	 FIX "invalid-sources.yaml:6:46: \"https://example.org/a b\" is not a "
	     "public address: a source's url starts with https:// and has no "
	     "spaces\n"
	 FIX "invalid-sources.yaml:7:10: duplicate source id \"plain\" (first at "
	     "line 5)\n"
	 FIX "invalid-sources.yaml:15:15: unknown source \"nowhere\": every "
	     "source a request cites is listed under \"sources\"\n"
	 FIX "invalid-sources.yaml:15:28: source \"ok\" is cited twice\n"
	 FIX "invalid-sources.yaml:21:14: \"sources\" is an empty list\n"},
	{FIX "invalid-requests.yaml", SC_EDATA,
	 FIX "invalid-requests.yaml:9:15: \"evidence\" must be one of: document, "
	     "population, configuration, record, report; found \"screenshot\"\n"
	 FIX "invalid-requests.yaml:10:11: \"test\" must be one of: design, "
	     "operation; found \"sometimes\"\n"
	 FIX "invalid-requests.yaml:13:9: duplicate request id \"one\" (first at "
	     "line 7)\n"
	 FIX "invalid-requests.yaml:17:14: \"request\" must not be empty\n"
	 FIX "invalid-requests.yaml:19:9: invalid request id \"Bad-Id\": ids are 1 "
	     "to 64 characters: a lower-case letter, then lower-case letters, "
	     "digits and \"_\"\n"
	 FIX "invalid-requests.yaml:20:15: \"criteria\" is an empty list\n"
	 FIX "invalid-requests.yaml:24:17: invalid readiness item id \"Not An "
	     "Id\": ids are 1 to 64 characters: a lower-case letter, then "
	     "lower-case letters, digits and \"_\"\n"
	 FIX "invalid-requests.yaml:24:39: readiness item \"fine_item\" is listed "
	     "twice\n"
	 FIX "invalid-requests.yaml:26:5: unknown key \"owner\" in request "
	     "\"Bad-Id\"; expected one of: id, criteria, evidence, test, request, "
	     "readiness, sources\n"
	 FIX "invalid-requests.yaml:27:5: request \"missing_keys\" has no "
	     "\"evidence\"\n"
	 FIX "invalid-requests.yaml:27:5: request \"missing_keys\" has no "
	     "\"test\"\n"
	 FIX "invalid-requests.yaml:27:5: request \"missing_keys\" has no "
	     "\"request\"\n"
	 FIX "invalid-requests.yaml:27:5: request \"missing_keys\" has no "
	     "\"sources\"\n"
	 FIX "invalid-requests.yaml:29:5: a request is a mapping, found text\n"},
	{FIX "invalid-top.yaml", SC_EDATA,
	 FIX "invalid-top.yaml:1:1: the evidence catalogue has no \"title\"\n"
	 FIX "invalid-top.yaml:1:5: invalid catalogue id \"Bad Id\": ids are 1 "
	     "to 64 characters: a lower-case letter, then lower-case letters, "
	     "digits, \"-\" and \"_\"\n"
	 FIX "invalid-top.yaml:3:1: unknown key \"colour\" in the evidence "
	     "catalogue; expected one of: id, title, version, description, "
	     "sources, requests\n"
	 FIX "invalid-top.yaml:4:10: \"sources\" must be a list of sources, "
	     "found a mapping\n"
	 FIX "invalid-top.yaml:5:11: \"requests\" is an empty list\n"},
	{FIX "invalid-yaml.yaml", SC_EDATA,
	 FIX "invalid-yaml.yaml:3:1: YAML syntax error: did not find expected "
	     "',' or ']' (while parsing a flow sequence that starts at line 2, "
	     "column 8)\n"},
	{FIX "empty.yaml", SC_EDATA,
	 FIX "empty.yaml:1:1: empty evidence catalogue; expected \"id\", "
	     "\"title\", \"version\", \"sources\" and \"requests\"\n"},
	{FIX "missing.yaml", SC_ENOINPUT, NULL},
};

static void
broken_catalogues_say_everything(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		struct sc_diags d;
		sc_diags_init(&d);
		enum sc_status st = SC_OK;
		struct sc_catalogue *c = load(broken[i].file, &d, &st);
		assert_null(c);
		assert_int_equal(st, broken[i].st);
		assert_true(d.n > 0);
		char *got = diag_text(&d);
		if (broken[i].want && strcmp(got, broken[i].want) != 0)
			fail_msg("%s:\n--- want\n%s--- got\n%s", broken[i].file,
			         broken[i].want, got);
		free(got);
		sc_diags_fini(&d);
	}
}

/* --- the bundled catalogue -------------------------------------------- */

static struct sc_catalogue *
bundled_catalogue(void)
{
	const struct sc_bundled *b =
		sc_bundled_find(SC_DATA_EVIDENCE, SC_DEFAULT_CATALOGUE);
	assert_non_null(b);
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_catalogue *c =
		sc_catalogue_load_buffer("soc-evidence", b->data, b->len, &d, &st);
	if (!c) {
		struct sc_buf t = {0};
		sc_diags_format(&d, &t);
		print_error("%s", sc_buf_str(&t));
		sc_buf_fini(&t);
	}
	assert_non_null(c);
	sc_diags_fini(&d);
	return c;
}

static struct sc_questionnaire *
bundled_questionnaire(void)
{
	const struct sc_bundled *b =
		sc_bundled_find(SC_DATA_QUESTIONNAIRE, "soc-scoping");
	assert_non_null(b);
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_questionnaire *q =
		sc_questionnaire_load_buffer("soc-scoping", b->data, b->len, &d, &st);
	assert_non_null(q);
	sc_diags_fini(&d);
	return q;
}

static bool
cites(const struct sc_catalogue *c, const char *crit)
{
	for (size_t i = 0; i < c->nrequests; i++)
		for (size_t k = 0; k < c->requests[i].ncriteria; k++)
			if (strcmp(c->requests[i].criteria[k], crit) == 0)
				return true;
	return false;
}

/* The compiled-in copy is the file in the tree, byte for byte. */
static void
bundled_copy_is_the_file(void **state)
{
	(void)state;
	const struct sc_bundled *b =
		sc_bundled_find(SC_DATA_EVIDENCE, SC_DEFAULT_CATALOGUE);
	assert_non_null(b);
	char *path = th_src("questionnaires/evidence/soc-evidence.yaml");
	size_t len = 0;
	char *file = th_read(path, &len);
	assert_non_null(file);
	assert_int_equal(len, b->len);
	assert_memory_equal(file, b->data, len);
	free(file);
	free(path);
}

/* Every one of the 61 criteria has at least one request, design and
 * operation both appear, and every request cites a public source. */
static void
bundled_covers_every_criterion(void **state)
{
	(void)state;
	struct sc_catalogue *c = bundled_catalogue();
	for (size_t i = 0; i < sc_tsc_count(); i++)
		if (!cites(c, sc_tsc_id(i)))
			fail_msg("no request for %s", sc_tsc_id(i));
	size_t tests[SC_EV_TEST_COUNT] = {0};
	for (size_t i = 0; i < c->nrequests; i++) {
		tests[c->requests[i].test]++;
		assert_true(c->requests[i].nsources > 0);
	}
	assert_true(tests[SC_EV_DESIGN] > 20);
	assert_true(tests[SC_EV_OPERATION] > 20);
	for (size_t s = 0; s < c->nsources; s++)
		assert_int_equal(strncmp(c->sources[s].url, "https://", 8), 0);
	sc_catalogue_free(c);
}

/* What the bundled questionnaire needs: a request for every SOC 1
 * objective its gaps cite, and only readiness items it counts. */
static void
bundled_fits_the_questionnaire(void **state)
{
	(void)state;
	struct sc_catalogue *c = bundled_catalogue();
	struct sc_questionnaire *q = bundled_questionnaire();
	size_t objectives = 0;
	for (size_t i = 0; i < q->nrules; i++) {
		const struct sc_gap_def *g = q->rules[i].gap;
		for (size_t k = 0; g && k < g->ncriteria; k++) {
			if (strncmp(g->criteria[k], "SOC1:", 5) != 0)
				continue;
			objectives++;
			if (!cites(c, g->criteria[k]))
				fail_msg("no request for %s (gap %s)", g->criteria[k],
				         g->id);
		}
	}
	assert_true(objectives > 0);
	for (size_t i = 0; i < c->nrequests; i++) {
		const struct sc_ev_request *r = &c->requests[i];
		for (size_t k = 0; k < r->nreadiness; k++) {
			bool found = false;
			for (size_t j = 0; j < q->nrules && !found; j++)
				found = q->rules[j].readiness_item &&
				        strcmp(q->rules[j].readiness_item,
				               r->readiness[k]) == 0;
			if (!found)
				fail_msg("request %s names readiness item %s, which "
				         "the questionnaire does not count",
				         r->id, r->readiness[k]);
		}
	}
	sc_questionnaire_free(q);
	sc_catalogue_free(c);
}

static void
vocabulary(void **state)
{
	(void)state;
	assert_int_equal(sc_ev_kind_find("population"), SC_EV_POPULATION);
	assert_int_equal(sc_ev_kind_find("screenshot"), -1);
	assert_int_equal(sc_ev_test_find("operation"), SC_EV_OPERATION);
	assert_int_equal(sc_ev_test_find(NULL), -1);
	assert_string_equal(sc_ev_kind_name(SC_EV_REPORT), "Third-party report");
	assert_string_equal(sc_ev_test_id_str(SC_EV_DESIGN), "design");
	assert_string_equal(sc_ev_kind_id_str(SC_EV_KIND_COUNT), "?");
	sc_catalogue_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_catalogue_loads),
		cmocka_unit_test(broken_catalogues_say_everything),
		cmocka_unit_test(bundled_copy_is_the_file),
		cmocka_unit_test(bundled_covers_every_criterion),
		cmocka_unit_test(bundled_fits_the_questionnaire),
		cmocka_unit_test(vocabulary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
