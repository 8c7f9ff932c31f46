/* Migrations between questionnaire versions, from the outside of the core:
 * answers saved under 1.0 and 2.0 of a fixture questionnaire with a
 * migration of every kind (tests/fixtures/migrate/q/) read as 3.0; each way
 * a migration can fail, with its position (an answer that fits neither
 * form, a migration naming a question the questionnaire does not have),
 * for the fixture and for the bundled questionnaire; every older worked
 * example and persona answers file loading through the bundled
 * migrations; and the first save keeping the original beside the session
 * under the session's lock and atomic save.
 *
 * SOCSCOPE_DATE is 2026-12-06 (tests/meson.build): "today" for files that
 * do not say when they were saved. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "socscope/answers.h"
#include "socscope/bundled.h"
#include "socscope/engine.h"
#include "socscope/migrate.h"
#include "socscope/questionnaire.h"
#include "socscope/session.h"

#define MIGDIR SC_TESTDIR "/fixtures/migrate"

static struct sc_questionnaire *
load_q_file(const char *path)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
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

static struct sc_questionnaire *
load_bundled(void)
{
	const struct sc_bundled *b =
		sc_bundled_find(SC_DATA_QUESTIONNAIRE, "soc-scoping");
	assert_non_null(b);
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_questionnaire *q = sc_questionnaire_load_buffer(
		"soc-scoping.yaml", b->data, b->len, &d, &st);
	sc_diags_fini(&d);
	assert_non_null(q);
	return q;
}

/* The answers file a save would write now, from `answers:` on. */
static char *
saved_body(const struct sc_answers *a)
{
	struct sc_buf b = {0};
	sc_answers_to_yaml(a, &b);
	const char *s = strstr(sc_buf_str(&b), "answers:");
	char *body = sc_xstrdup(s ? s : "");
	sc_buf_fini(&b);
	return body;
}

static bool
has(char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return true;
	return false;
}

static void
expect_set(char *const *v, size_t n, const char *const *want, size_t nwant)
{
	for (size_t i = 0; i < nwant; i++)
		if (!has(v, n, want[i]))
			fail_msg("\"%s\" missing", want[i]);
	assert_int_equal(n, nwant);
}

/* ---- the fixture questionnaire: every kind of change ------------------- */

static void
from_1_0_every_kind_of_change(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load_q_file(MIGDIR "/q/mig.yaml");
	struct sc_answers *a = sc_answers_new(q);
	struct sc_diags d;
	sc_diags_init(&d);
	assert_int_equal(sc_answers_load_file(a, MIGDIR "/q/v1.0.yaml", &d),
	                 SC_OK);
	assert_int_equal(d.n, 0);
	char *body = saved_body(a);
	/* A choice kept that also answers a new question, a single choice
	 * become a list, yes/no become a choice, a withdrawn choice noted, a
	 * renamed question with its note, the months to a date counted from
	 * the day the file was saved (2026-11-28 + 4 months, the month's
	 * last day), and a retired question's answer and note on another. */
	assert_string_equal(body,
		"answers:\n"
		"  services: [payroll, hosting]\n"
		"  activities: [process, hold_data]\n"
		"  sla: [uptime]\n"
		"  reviews: vendor_risk\n"
		"  employees: 12\n"
		"  has_deadline: true\n"
		"  deadline: 2027-03-31\n"
		"notes:\n"
		"  region: 'Answer kept from questionnaire 1.0 (\"apac\" is no "
		"longer offered): apac'\n"
		"  employees: Counting part-timers.\n"
		"  comments: \"Answer kept from questionnaire 1.0 (the question "
		"\\\"Which tool did you use?\\\" was retired): Excel sheets\\n"
		"Its note: Kept in a shared drive.\"\n");
	free(body);

	const struct sc_migrated *m = a->migrated;
	assert_non_null(m);
	assert_string_equal(m->from, "1.0");
	assert_string_equal(m->to, "3.0");
	/* services reads as it did: not carried over in a new form. */
	static const char *const carried[] = {"sla", "reviews", "deadline",
	                                      "employees", "has_deadline",
	                                      "activities"};
	expect_set(m->carried, m->ncarried, carried, 6);
	static const char *const retired[] = {"legacy_tool"};
	expect_set(m->retired, m->nretired, retired, 1);
	static const char *const added[] = {"activities", "has_deadline",
	                                    "fye_known", "prior_soc1_end"};
	expect_set(m->added, m->nadded, added, 4);
	assert_int_equal(m->nassumed, 1);
	assert_string_equal(m->assumed[0],
	                    "\"In how many months must the report be in "
	                    "hand?\": 4 months after the session was saved on "
	                    "2026-11-28, taken as the last day of that month, "
	                    "2027-03-31");
	assert_false(m->kept);

	/* New questions count while shown and unanswered: fye_known and
	 * prior_soc1_end; activities and has_deadline were answered. */
	struct sc_eval *ev = sc_eval_new(q, a);
	struct sc_buf b = {0};
	sc_migrated_summary(m, q, ev, &b);
	assert_string_equal(sc_buf_str(&b),
	                    "Saved under questionnaire 1.0 and read as 3.0: 6 "
	                    "answers carried over in a new form, 2 new "
	                    "questions to answer, 1 question retired (its "
	                    "answer is kept as a note).");
	sc_buf_reset(&b);
	/* Without an evaluator, every new question counts. */
	sc_migrated_summary(m, q, NULL, &b);
	assert_non_null(strstr(sc_buf_str(&b), "4 new questions to answer"));
	sc_buf_fini(&b);
	sc_eval_free(ev);

	/* A copy says the same and is its own. */
	struct sc_answers *c = sc_answers_clone(a);
	assert_non_null(c->migrated);
	assert_ptr_not_equal(c->migrated, a->migrated);
	assert_int_equal(c->migrated->ncarried, 6);
	sc_answers_free(c);
	sc_answers_free(a);
	sc_diags_fini(&d);
	sc_questionnaire_free(q);
}

static void
from_2_0_months_and_a_month_become_dates(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load_q_file(MIGDIR "/q/mig.yaml");
	struct sc_answers *a = sc_answers_new(q);
	struct sc_diags d;
	sc_diags_init(&d);
	assert_int_equal(sc_answers_load_file(a, MIGDIR "/q/v2.0.yaml", &d),
	                 SC_OK);
	char *body = saved_body(a);
	/* Saved 2026-11-30: due in 0 months is the end of that month; a
	 * period that ended 5 months before, June's end, for both reports;
	 * February's end in 2026, which has no 29th; the renamed question
	 * keeps its note. */
	assert_string_equal(body,
		"answers:\n"
		"  services: [hosting]\n"
		"  activities: [hold_data]\n"
		"  sla: [uptime, status_page]\n"
		"  reviews: own_only\n"
		"  region: eu\n"
		"  employees: 3\n"
		"  has_deadline: true\n"
		"  deadline: 2026-11-30\n"
		"  prior_soc1_end: 2026-06-30\n"
		"  prior_soc2_end: 2026-06-30\n"
		"  fye_known: same\n"
		"  fye: 2026-02-28\n"
		"notes:\n"
		"  deadline: The bank asked.\n");
	free(body);
	const struct sc_migrated *m = a->migrated;
	static const char *const carried[] = {"deadline", "prior_soc2_end",
	                                      "prior_soc1_end", "fye_known",
	                                      "fye"};
	expect_set(m->carried, m->ncarried, carried, 5);
	assert_int_equal(m->nretired, 0);
	assert_int_equal(m->nassumed, 2);
	assert_string_equal(m->assumed[1],
	                    "\"How many months ago did your last period "
	                    "end?\": 5 months before the session was saved on "
	                    "2026-11-30, taken as the last day of that month, "
	                    "2026-06-30");
	struct sc_buf b = {0};
	struct sc_eval *ev = sc_eval_new(q, a);
	sc_migrated_summary(m, q, ev, &b);
	assert_string_equal(sc_buf_str(&b),
	                    "Saved under questionnaire 2.0 and read as 3.0: 5 "
	                    "answers carried over in a new form.");
	sc_eval_free(ev);
	sc_buf_fini(&b);
	sc_answers_free(a);

	/* A file that does not say when it was saved counts from today,
	 * and says so. */
	char *text = th_read(MIGDIR "/q/v2.0.yaml", NULL);
	char *cut = strstr(text, "updated:");
	char *eol = strchr(cut, '\n');
	memmove(cut, eol + 1, strlen(eol + 1) + 1);
	a = sc_answers_new(q);
	assert_int_equal(sc_answers_load_buffer(a, "undated.yaml", text,
	                                        strlen(text), &d),
	                 SC_OK);
	body = saved_body(a);
	assert_non_null(strstr(body, "  deadline: 2026-12-31\n"));
	assert_non_null(strstr(body, "  prior_soc2_end: 2026-07-31\n"));
	assert_non_null(strstr(body, "  fye: 2026-02-28\n"));
	free(body);
	assert_string_equal(a->migrated->assumed[0],
	                    "\"In how many months must the report be in "
	                    "hand?\": 0 months after today, 2026-12-06 (the "
	                    "file does not say when it was saved), taken as "
	                    "the last day of that month, 2026-12-31");
	sc_answers_free(a);
	free(text);

	/* Saved under today's version: nothing migrated. */
	a = sc_answers_new(q);
	static const char now[] = "socscope: 1\nquestionnaire: mig\n"
	                          "questionnaire_version: \"3.0\"\n"
	                          "answers:\n  employees: 4\n";
	assert_int_equal(sc_answers_load_buffer(a, "now.yaml", now,
	                                        strlen(now), &d),
	                 SC_OK);
	assert_null(a->migrated);
	sc_answers_free(a);
	sc_diags_fini(&d);
	sc_questionnaire_free(q);
}

/* ---- failing: an answer that fits neither form ---------------------- */

struct neither {
	const char *version;
	const char *answers; /* the answers: block, from line 5 */
	int line, col;
	const char *msg;
};

/* Per migration step, an old answer its migration cannot turn into one of
 * today's: the position is that of the answer as the user saved it. */
static const struct neither neither_cases[] = {
	/* 1.0 -> 2.0: yes/no became a choice; a single choice a list. */
	{"1.0", "  reviews: maybe\n", 5, 12,
	 "unknown choice \"maybe\" for question \"reviews\"; expected one of: "
	 "vendor_risk, own_only, no (saved under questionnaire 1.0; its "
	 "migration to 3.0 does not turn it into an answer of 3.0)"},
	{"1.0", "  sla: [uptime, lots]\n", 5, 17,
	 "unknown choice \"lots\" for question \"sla\""},
	{"1.0", "  services: [payroll, gardening]\n", 5, 23,
	 "unknown choice \"gardening\" for question \"services\""},
	{"1.0", "  staff: many\n", 5, 10,
	 "(saved under questionnaire 1.0; its migration to 3.0 does not turn "
	 "it into an answer of 3.0)"},
	/* 1.0 through both steps: the months of 1.0 are converted by 2.0's
	 * migration. */
	{"1.0", "  months_needed: soon\n", 5, 18,
	 "the answer to \"months_needed\" fits neither questionnaire 2.0 (a "
	 "whole number of months) nor 3.0 (a date YYYY-MM-DD)"},
	/* 2.0 -> 3.0: months became dates; a month a date. */
	{"2.0", "  months_needed: soon\n", 5, 18,
	 "the answer to \"months_needed\" fits neither questionnaire 2.0 (a "
	 "whole number of months) nor 3.0 (a date YYYY-MM-DD)"},
	{"2.0", "  prior_months_ago: -3\n", 5, 21,
	 "the answer to \"prior_months_ago\" fits neither questionnaire 2.0"},
	{"2.0", "  months_needed: 2.5\n", 5, 18,
	 "fits neither questionnaire 2.0 (a whole number of months)"},
	{"2.0", "  fye_month: sometime\n", 5, 3,
	 "answer to unknown question \"fye_month\" in questionnaire \"mig\" "
	 "(saved under questionnaire 2.0; its migration to 3.0 does not turn "
	 "it into an answer of 3.0)"},
	{"2.0", "  months_needed: 4\n  deadline: 2027-01-31\n", 5, 3,
	 "both \"months_needed\" (questionnaire 2.0) and \"deadline\" (its "
	 "name in 3.0) are answered; keep one"},
};

static void
answers_that_fit_neither_form(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load_q_file(MIGDIR "/q/mig.yaml");
	for (size_t i = 0; i < sizeof neither_cases / sizeof neither_cases[0];
	     i++) {
		const struct neither *c = &neither_cases[i];
		char *text = sc_xasprintf("socscope: 1\nquestionnaire: mig\n"
		                          "questionnaire_version: \"%s\"\n"
		                          "answers:\n%s",
		                          c->version, c->answers);
		struct sc_answers *a = sc_answers_new(q);
		struct sc_diags d;
		sc_diags_init(&d);
		enum sc_status st = sc_answers_load_buffer(a, "old.yaml", text,
		                                           strlen(text), &d);
		bool found = d.n >= 1 && d.v[0].line == c->line &&
		             d.v[0].col == c->col &&
		             strstr(d.v[0].msg, c->msg) != NULL &&
		             strcmp(d.v[0].file, "old.yaml") == 0;
		if (!found || st != SC_EDATA) {
			struct sc_buf b = {0};
			sc_diags_format(&d, &b);
			fail_msg("case %zu (%s): want %d:%d: %s\ngot:\n%s", i,
			         c->answers, c->line, c->col, c->msg,
			         sc_buf_str(&b));
		}
		/* Nothing is half-read: the answers stay as they were. */
		assert_null(a->migrated);
		sc_answers_free(a);
		sc_diags_fini(&d);
		free(text);
	}
	sc_questionnaire_free(q);
}

/* The same with the bundled questionnaire, whose answer the issue names:
 * a 2.0 session due "soon", a 1.0 one asked about security reviews
 * "maybe". */
static void
bundled_answers_that_fit_neither_form(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load_bundled();
	static const struct neither cases[] = {
		{"2.0", "  months_needed: soon\n", 5, 18,
		 "the answer to \"months_needed\" fits neither questionnaire "
		 "2.0 (a whole number of months) nor 3.0 (a date YYYY-MM-DD)"},
		{"2.0", "  prior_period_ended_months_ago: a while\n", 5, 34,
		 "the answer to \"prior_period_ended_months_ago\" fits neither "
		 "questionnaire 2.0"},
		{"2.0", "  clients_fiscal_year_end: 13\n", 5, 28,
		 "question \"clients_fiscal_year_end\" expects a date "
		 "(YYYY-MM-DD), found \"13\""},
		{"1.0", "  security_reviews: maybe\n", 5, 21,
		 "unknown choice \"maybe\" for question \"security_reviews\"; "
		 "expected one of: vendor_risk, own_only, no (saved under "
		 "questionnaire 1.0; its migration to 3.2 does not turn it into "
		 "an answer of 3.2)"},
		{"1.0", "  uptime_commitment: always\n", 5, 22,
		 "unknown choice \"always\" for question \"uptime_commitment\""},
		{"1.0", "  months_needed: soon\n", 5, 18,
		 "fits neither questionnaire 2.0 (a whole number of months) "
		 "nor 3.0"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct neither *c = &cases[i];
		char *text = sc_xasprintf("socscope: 1\nquestionnaire: "
		                          "soc-scoping\nquestionnaire_version: "
		                          "\"%s\"\nanswers:\n%s",
		                          c->version, c->answers);
		struct sc_answers *a = sc_answers_new(q);
		struct sc_diags d;
		sc_diags_init(&d);
		enum sc_status st = sc_answers_load_buffer(a, "client.yaml", text,
		                                           strlen(text), &d);
		bool found = false;
		for (size_t k = 0; k < d.n && !found; k++)
			found = d.v[k].line == c->line && d.v[k].col == c->col &&
			        strstr(d.v[k].msg, c->msg) != NULL;
		if (!found || st != SC_EDATA) {
			struct sc_buf b = {0};
			sc_diags_format(&d, &b);
			fail_msg("case %zu (%s): want %d:%d: %s\ngot:\n%s", i,
			         c->answers, c->line, c->col, c->msg,
			         sc_buf_str(&b));
		}
		sc_answers_free(a);
		sc_diags_fini(&d);
		free(text);
	}
	sc_questionnaire_free(q);
}

/* ---- failing: a migration naming a question that is not there ---------- */

/* The 1-based line of the first line of `text` holding `needle`. */
static int
line_of(const char *text, const char *needle)
{
	const char *at = strstr(text, needle);
	assert_non_null(at);
	int line = 1;
	for (const char *p = text; p < at; p++)
		line += *p == '\n';
	return line;
}

/* The bundled questionnaire with one word of its migrations changed: each
 * step's mistake is found when the questionnaire loads, at the change
 * that makes it. */
static void
bundled_migration_naming_a_missing_id(void **state)
{
	(void)state;
	const struct sc_bundled *b =
		sc_bundled_find(SC_DATA_QUESTIONNAIRE, "soc-scoping");
	char *orig = sc_xstrndup(b->data, b->len);
	static const struct {
		const char *from, *to; /* the text replaced, once */
		const char *change;    /* the line of the change reported */
		int col;
		const char *msg;
	} cases[] = {
		/* 2.0 -> 3.0 */
		{"        rename: deadline\n", "        rename: deadlines\n",
		 "      - question: months_needed\n        text: In how many",
		 9,
		 "\"rename\" names question \"deadlines\", which version 3.2 of "
		 "this questionnaire does not have"},
		{"        copy: [prior_soc1_period_end]\n",
		 "        copy: [prior_soc1_period_ended]\n",
		 "      - question: prior_period_ended_months_ago\n", 9,
		 "\"copy\" names question \"prior_soc1_period_ended\", which "
		 "version 3.2 of this questionnaire does not have"},
		{"      - question: customers\n        values: {schools: null",
		 "      - question: customer\n        values: {schools: null",
		 "      - question: customer\n", 9,
		 "question \"customer\" is neither renamed nor retired, so "
		 "version 3.2 of this questionnaire must have it, and it does "
		 "not"},
		/* 1.0 -> 2.0 */
		{"        also: {has_deadline: \"true\"}\n",
		 "        also: {has_deadlines: \"true\"}\n",
		 "      - question: months_needed\n        also:", 9,
		 "\"also\" names question \"has_deadlines\", which version 3.2 of "
		 "this questionnaire does not have"},
		{"          payroll: {services: payroll, activities: [process, "
		 "hold_data]}\n",
		 "          payroll: {services: payroll, activity: [process, "
		 "hold_data]}\n",
		 "          payroll: {services: payroll, activity:", 11,
		 "a value's new answer names question \"activity\", which "
		 "version 3.2 of this questionnaire does not have"},
		{"      - question: uptime_commitment\n        to_list: true\n",
		 "      - question: uptime_commitments\n        to_list: true\n",
		 "      - question: uptime_commitments\n", 9,
		 "question \"uptime_commitments\" is neither renamed nor "
		 "retired"},
		/* A change naming no question is reported once, and its
		 * to_list is not checked against a question it lacks (the
		 * fuzzer found a null passed to strcmp there). */
		{"      - question: uptime_commitment\n        to_list: true\n",
		 "      - to_list: true\n",
		 "      - to_list: true\n", 9,
		 "a change has no \"question\""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *at = strstr(orig, cases[i].from);
		if (!at)
			fail_msg("case %zu: \"%s\" is not in soc-scoping.yaml", i,
			         cases[i].from);
		struct sc_buf t = {0};
		sc_buf_add(&t, orig, (size_t)(at - orig));
		sc_buf_puts(&t, cases[i].to);
		sc_buf_puts(&t, at + strlen(cases[i].from));
		int line = line_of(sc_buf_str(&t), cases[i].change);
		struct sc_diags d;
		sc_diags_init(&d);
		enum sc_status st;
		struct sc_questionnaire *q = sc_questionnaire_load_buffer(
			"soc-scoping.yaml", t.data, t.len, &d, &st);
		bool found = d.n == 1 && d.v[0].line == line &&
		             d.v[0].col == cases[i].col &&
		             strstr(d.v[0].msg, cases[i].msg) != NULL;
		if (q || st != SC_EDATA || !found) {
			struct sc_buf e = {0};
			sc_diags_format(&d, &e);
			fail_msg("case %zu: want soc-scoping.yaml:%d:%d: %s\n"
			         "got:\n%s", i, line, cases[i].col, cases[i].msg,
			         sc_buf_str(&e));
		}
		sc_diags_fini(&d);
		sc_buf_fini(&t);
	}
	free(orig);
}

/* ---- every older worked example and persona --------------------------- */

struct old_file {
	char *path;
	const char *version;
};

static size_t
collect(struct old_file **v, size_t n, const char *dir, const char *version,
        const char *suffix)
{
	DIR *dp = opendir(dir);
	assert_non_null(dp);
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		char *p = sc_xasprintf("%s/%s%s", dir, e->d_name, suffix);
		if (access(p, R_OK) != 0 || strstr(p, ".yaml") == NULL) {
			free(p);
			continue;
		}
		/* Only the files saved under that version: personas interviewed
		 * since are saved under today's. */
		char *text = th_read(p, NULL);
		char *want = sc_xasprintf("questionnaire_version: '%s'", version);
		char *want2 = sc_xasprintf("questionnaire_version: \"%s\"",
		                           version);
		bool under = text && (strstr(text, want) || strstr(text, want2));
		free(want);
		free(want2);
		free(text);
		if (!under) {
			free(p);
			continue;
		}
		*v = sc_xrealloc(*v, (n + 1) * sizeof **v);
		(*v)[n++] = (struct old_file){p, version};
	}
	closedir(dp);
	return n;
}

static void
every_older_example_and_persona_loads(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load_bundled();
	struct old_file *v = NULL;
	size_t n = collect(&v, 0, MIGDIR "/v1.0", "1.0", "");
	size_t n1 = n;
	n = collect(&v, n, MIGDIR "/v2.0", "2.0", "");
	size_t n2 = n - n1;
	n = collect(&v, n, SC_TESTDIR "/personas", "2.0", "/answers.yaml");
	size_t np = n - n1 - n2;
	/* 3.0 -> 3.1: the worked examples as they were, and the personas
	 * interviewed under 3.0. */
	n = collect(&v, n, MIGDIR "/v3.0", "3.0", "");
	size_t n3 = n - n1 - n2 - np;
	n = collect(&v, n, SC_TESTDIR "/personas", "3.0", "/answers.yaml");
	size_t np3 = n - n1 - n2 - np - n3;
	/* 3.1 -> 3.2: the worked examples as they were, and the answers of
	 * the five personas interviewed under 3.1 (round 5), kept when they
	 * were interviewed again under 3.2. */
	n = collect(&v, n, MIGDIR "/v3.1", "3.1", "");
	size_t n31 = n - n1 - n2 - np - n3 - np3;
	n = collect(&v, n, MIGDIR "/v3.1-personas", "3.1", "");
	size_t np31 = n - n1 - n2 - np - n3 - np3 - n31;
	assert_int_equal(n3, 13);
	assert_int_equal(np3, 24);
	assert_int_equal(n31, 13);
	assert_int_equal(np31, 5);
	assert_int_equal(n1, 13);
	assert_int_equal(n2, 13);
	assert_int_equal(np, 34);
	for (size_t i = 0; i < n; i++) {
		struct sc_answers *a = sc_answers_new(q);
		struct sc_diags d;
		sc_diags_init(&d);
		enum sc_status st = sc_answers_load_file(a, v[i].path, &d);
		if (st != SC_OK) {
			struct sc_buf b = {0};
			sc_diags_format(&d, &b);
			fail_msg("%s:\n%s", v[i].path, sc_buf_str(&b));
		}
		assert_non_null(a->migrated);
		assert_string_equal(a->migrated->from, v[i].version);
		assert_string_equal(a->migrated->to, "3.2");
		/* Saved now, it reads back as today's version with the same
		 * answers. */
		struct sc_buf y = {0};
		sc_answers_to_yaml(a, &y);
		assert_non_null(strstr(sc_buf_str(&y),
		                       "questionnaire_version: \"3.2\"\n"));
		struct sc_answers *back = sc_answers_new(q);
		assert_int_equal(sc_answers_load_buffer(back, "back.yaml", y.data,
		                                        y.len, &d),
		                 SC_OK);
		assert_null(back->migrated);
		assert_true(sc_answers_same(a, back));
		sc_answers_free(back);
		sc_buf_fini(&y);
		sc_answers_free(a);
		sc_diags_fini(&d);
		free(v[i].path);
	}
	free(v);
	sc_questionnaire_free(q);
}

/* ---- the first save keeps the original ------------------------------- */

static mode_t
mode_of(const char *path)
{
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	return sb.st_mode & 07777;
}

static bool
exists(const char *path)
{
	struct stat sb;
	return lstat(path, &sb) == 0;
}

/* Entries of `dir`, hidden ones too, but "." and "..". */
static size_t
entries(const char *dir)
{
	DIR *d = opendir(dir);
	size_t n = 0;
	struct dirent *e;
	assert_non_null(d);
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static void
change_employees(struct sc_session *s, double n)
{
	const struct sc_question *qn = sc_questionnaire_find(s->q, "employees");
	struct sc_answer v = {.type = SC_A_NUMBER, .num = n};
	assert_int_equal(sc_session_set(s, qn->index, &v), SC_OK);
}

static void
first_save_keeps_the_original(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load_bundled();
	char *dir = th_mkdtemp();
	size_t len = 0;
	char *orig = th_read(MIGDIR "/v2.0/payroll-bureau.yaml", &len);
	assert_non_null(orig);
	char *path = th_write(dir, "brightline.yaml", orig);
	/* Put there by hand, readable by all. */
	assert_int_equal(chmod(path, 0644), 0);
	char *backup = sc_xasprintf("%s.v2.0", path);
	char *lock = sc_xasprintf("%s/.brightline.yaml.lock", dir);

	/* Opening reads it through the migration and writes nothing. */
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_session *s = sc_session_open(q, path, NULL, &d, &st);
	assert_non_null(s);
	assert_non_null(s->a->migrated);
	assert_false(s->a->migrated->kept);
	char *now = th_read(path, NULL);
	assert_string_equal(now, orig);
	free(now);
	assert_false(exists(backup));
	assert_true(exists(lock));

	/* The first change: the original beside it, byte for byte, 0600;
	 * the session in today's form, 0600. */
	change_employees(s, 36);
	assert_true(s->a->migrated->kept);
	assert_string_equal(s->a->migrated->kept_path, backup);
	size_t blen = 0;
	char *kept = th_read(backup, &blen);
	assert_int_equal(blen, len);
	assert_memory_equal(kept, orig, len);
	free(kept);
	assert_int_equal(mode_of(backup), 0600);
	assert_int_equal(mode_of(path), 0600);
	now = th_read(path, NULL);
	assert_non_null(strstr(now, "questionnaire_version: \"3.2\"\n"));
	assert_non_null(strstr(now, "  deadline: 2027-09-30\n"));
	assert_null(strstr(now, "months_needed"));
	free(now);

	/* A second save does not touch it. */
	struct stat before, after;
	assert_int_equal(stat(backup, &before), 0);
	change_employees(s, 37);
	assert_int_equal(stat(backup, &after), 0);
	assert_int_equal(before.st_ino, after.st_ino);
	assert_int_equal(before.st_mtime, after.st_mtime);
	kept = th_read(backup, NULL);
	assert_string_equal(kept, orig);
	free(kept);
	sc_session_free(s);
	/* The lock went with the session, and no temporary is left: the
	 * session and its original only. */
	assert_false(exists(lock));
	assert_int_equal(entries(dir), 2);

	/* Opened again, it is today's: no migration, nothing to keep; the
	 * dates are what the migration made of the months. */
	s = sc_session_open(q, path, NULL, &d, &st);
	assert_non_null(s);
	assert_null(s->a->migrated);
	const struct sc_question *dl = sc_questionnaire_find(q, "deadline");
	char day[11];
	sc_date_format(s->a->v[dl->index].day, day);
	assert_string_equal(day, "2027-09-30");
	change_employees(s, 38);
	sc_session_free(s);
	kept = th_read(backup, NULL);
	assert_string_equal(kept, orig);
	free(kept);
	assert_int_equal(entries(dir), 2);

	/* Another file saved under 2.0 in its place later (restored from
	 * elsewhere): the first original stays, this one is kept beside it. */
	char *other = th_read(MIGDIR "/v2.0/loan-servicer.yaml", NULL);
	free(th_write(dir, "brightline.yaml", other));
	s = sc_session_open(q, path, NULL, &d, &st);
	assert_non_null(s);
	assert_non_null(s->a->migrated);
	change_employees(s, 5);
	char *second = sc_xasprintf("%s-2", backup);
	assert_string_equal(s->a->migrated->kept_path, second);
	sc_session_free(s);
	kept = th_read(backup, NULL);
	assert_string_equal(kept, orig);
	free(kept);
	kept = th_read(second, NULL);
	assert_string_equal(kept, other);
	free(kept);
	assert_int_equal(mode_of(second), 0600);
	assert_int_equal(entries(dir), 3);

	/* Answers saved to another file than they came from keep nothing. */
	struct sc_answers *a = sc_answers_new(q);
	assert_int_equal(sc_answers_load_file(a, MIGDIR "/v1.0/payroll-bureau.yaml",
	                                      &d),
	                 SC_OK);
	char *elsewhere = sc_xasprintf("%s/elsewhere.yaml", dir);
	char *err = NULL;
	assert_int_equal(sc_answers_save_file(a, elsewhere, &err), SC_OK);
	assert_false(a->migrated->kept);
	assert_int_equal(entries(dir), 4);
	sc_answers_free(a);

	free(elsewhere);
	free(second);
	free(other);
	sc_diags_fini(&d);
	free(lock);
	free(backup);
	free(path);
	free(orig);
	th_rmtree(dir);
	free(dir);
	sc_questionnaire_free(q);
}

/* When the original cannot be kept, the session is not replaced: the
 * answers stay in memory (the caller says why) and the file as it was.
 * A name at the file system's limit leaves no room for ".v1.0". */
static void
original_that_cannot_be_kept_is_not_replaced(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load_bundled();
	char *dir = th_mkdtemp();
	char *orig = th_read(MIGDIR "/v1.0/payroll-bureau.yaml", NULL);
	char name[256];
	memset(name, 'x', 250);
	strcpy(name + 250, ".yaml");
	char *path = th_write(dir, name, orig);
	struct sc_answers *a = sc_answers_new(q);
	struct sc_diags d;
	sc_diags_init(&d);
	assert_int_equal(sc_answers_load_file(a, path, &d), SC_OK);
	char *err = NULL;
	assert_int_equal(sc_answers_save_file(a, path, &err), SC_ECANTCREAT);
	assert_non_null(err);
	assert_non_null(strstr(err, "cannot keep the answers saved under "
	                            "questionnaire 1.0 as "));
	assert_non_null(strstr(err, "so they were not replaced"));
	free(err);
	assert_false(a->migrated->kept);
	char *now = th_read(path, NULL);
	assert_string_equal(now, orig);
	free(now);
	assert_int_equal(entries(dir), 1);
	sc_answers_free(a);
	sc_diags_fini(&d);
	free(path);
	free(orig);
	th_rmtree(dir);
	free(dir);
	sc_questionnaire_free(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(from_1_0_every_kind_of_change),
		cmocka_unit_test(from_2_0_months_and_a_month_become_dates),
		cmocka_unit_test(answers_that_fit_neither_form),
		cmocka_unit_test(bundled_answers_that_fit_neither_form),
		cmocka_unit_test(bundled_migration_naming_a_missing_id),
		cmocka_unit_test(every_older_example_and_persona_loads),
		cmocka_unit_test(first_save_keeps_the_original),
		cmocka_unit_test(original_that_cannot_be_kept_is_not_replaced),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
