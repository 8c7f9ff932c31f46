/* Dates: the calendar arithmetic (socscope/date.h), the `date` question type
 * in questionnaires and answers files, and dates in expressions, evaluated
 * through the engine on a fixed "today". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "socscope/answers.h"
#include "socscope/common.h"
#include "socscope/date.h"
#include "socscope/diag.h"
#include "socscope/engine.h"
#include "socscope/expr.h"
#include "socscope/questionnaire.h"

static sc_day
D(const char *s)
{
	sc_day d = 0;
	if (!sc_date_parse(s, &d, NULL))
		fail_msg("bad test date %s", s);
	return d;
}

static const char *
S(sc_day d)
{
	static char buf[4][11];
	static int k;
	k = (k + 1) % 4;
	sc_date_format(d, buf[k]);
	return buf[k];
}

/* ---- the calendar ------------------------------------------------------ */

static void
every_day_round_trips(void **state)
{
	(void)state;
	/* 1600 to 2400 holds every kind of leap rule, both ways across the
	 * epoch; each day follows the one before it by one. */
	sc_day first = sc_day_from_ymd(1600, 1, 1);
	sc_day last = sc_day_from_ymd(2400, 12, 31);
	struct sc_ymd prev = sc_day_to_ymd(first - 1);
	assert_int_equal(prev.y, 1599);
	for (sc_day d = first; d <= last; d++) {
		struct sc_ymd t = sc_day_to_ymd(d);
		assert_true(sc_ymd_valid(t.y, t.m, t.d));
		assert_int_equal(sc_day_from_ymd(t.y, t.m, t.d), d);
		bool next = (t.y == prev.y && t.m == prev.m && t.d == prev.d + 1) ||
		            (t.y == prev.y && t.m == prev.m + 1 && t.d == 1) ||
		            (t.y == prev.y + 1 && t.m == 1 && t.d == 1);
		assert_true(next);
		prev = t;
	}
	assert_int_equal(sc_day_from_ymd(1970, 1, 1), 0);
	assert_int_equal(sc_day_from_ymd(1, 1, 1), SC_DAY_MIN);
	assert_int_equal(sc_day_from_ymd(9999, 12, 31), SC_DAY_MAX);
	assert_int_equal(sc_date_weekday(D("2026-12-06")), 6); /* a Sunday */
	assert_int_equal(sc_date_weekday(D("2027-01-01")), 4); /* a Friday */
}

static void
parsing_says_what_is_wrong(void **state)
{
	(void)state;
	static const struct {
		const char *in, *why;
	} bad[] = {
		{"2026-6-30", "a date is written YYYY-MM-DD, for example 2026-06-30"},
		{"30/06/2026", "a date is written YYYY-MM-DD, for example 2026-06-30"},
		{"2026-0a-30", "a date is written YYYY-MM-DD with digits, for "
		               "example 2026-06-30"},
		{"2026-13-01", "the month must be 01 to 12"},
		{"2026-00-01", "the month must be 01 to 12"},
		{"2026-02-29", "that month has fewer days"},
		{"2026-04-31", "that month has fewer days"},
		{"2026-04-00", "the day must be 01 or later"},
		{"0000-01-01", "the year must be 0001 to 9999"},
		{"", "a date is written YYYY-MM-DD, for example 2026-06-30"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		sc_day d;
		const char *why = NULL;
		assert_false(sc_date_parse(bad[i].in, &d, &why));
		assert_string_equal(why, bad[i].why);
	}
	assert_false(sc_date_parse(NULL, &(sc_day){0}, NULL));
	assert_string_equal(S(D("2024-02-29")), "2024-02-29");
	assert_string_equal(S(D("0001-01-01")), "0001-01-01");
}

static void
months_are_calendar_months(void **state)
{
	(void)state;
	static const struct {
		const char *from;
		long months;
		const char *to;
	} add[] = {
		{"2026-01-31", 1, "2026-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2026-03-31", -1, "2026-02-28"},
		{"2026-06-30", 6, "2026-12-30"},
		{"2026-12-15", 1, "2027-01-15"},
		{"2026-01-15", -13, "2024-12-15"},
		{"9999-12-01", 1, "9999-12-31"}, /* past the range: its end */
		{"0001-02-01", -5, "0001-01-01"},
	};
	for (size_t i = 0; i < sizeof add / sizeof add[0]; i++)
		assert_string_equal(S(sc_date_add_months(D(add[i].from),
		                                         add[i].months)),
		                    add[i].to);
	static const struct {
		const char *a, *b;
		long months;
	} between[] = {
		/* The example: a period ending June 30, asked on
		 * December 6, ended 5 whole months ago. */
		{"2026-06-30", "2026-12-06", 5},
		{"2026-06-30", "2026-12-30", 6},
		{"2026-01-31", "2026-02-28", 1},
		{"2026-01-31", "2026-02-27", 0},
		{"2026-12-06", "2026-06-30", -5},
		{"2026-12-06", "2026-12-06", 0},
		{"2020-02-29", "2021-02-28", 12},
	};
	for (size_t i = 0; i < sizeof between / sizeof between[0]; i++)
		assert_int_equal(sc_date_months_between(D(between[i].a),
		                                         D(between[i].b)),
		                 between[i].months);
	assert_string_equal(S(sc_date_month_start(D("2026-02-17"))),
	                    "2026-02-01");
	assert_string_equal(S(sc_date_month_end(D("2024-02-17"))),
	                    "2024-02-29");
}

/* ---- date questions in questionnaires and answers files ---------------- */

static const char quest_yaml[] =
	"id: dates\n"
	"title: Dates\n"
	"version: \"1.0\"\n"
	"description: Date questions and rules.\n"
	"sections:\n"
	"  - id: s\n"
	"    title: S\n"
	"    questions:\n"
	"      - id: period_end\n"
	"        type: date\n"
	"        text: When did the period end?\n"
	"        help: The age of a report counts from here.\n"
	"        min: 2000-01-01\n"
	"        max: \"2099-12-31\"\n"
	"      - id: issued\n"
	"        type: date\n"
	"        text: When was the report issued?\n"
	"        help: A report comes after its period.\n"
	"        show_if: answered(period_end)\n"
	"      - id: months\n"
	"        type: number\n"
	"        text: How many months?\n"
	"        help: A number beside the dates.\n"
	"rules:\n"
	"  - id: stale\n"
	"    when: period_end + 12m < today\n"
	"    because: The period ended more than a year ago.\n"
	"    next_step: Ask for the newer report.\n"
	"  - id: future\n"
	"    when: period_end > today\n"
	"    because: The period cannot end after today.\n"
	"    next_step: Check the date.\n"
	"  - id: early\n"
	"    when: issued < period_end\n"
	"    because: A report cannot be issued before its period ends.\n"
	"    next_step: Check the dates.\n"
	"  - id: fresh\n"
	"    when: months_between(period_end, today) < 3 and not (period_end > "
	"today)\n"
	"    because: Less than three months old.\n"
	"    next_step: Nothing to ask.\n"
	"  - id: exact\n"
	"    when: period_end == '2026-06-30' and days_between(period_end, "
	"today) == 159\n"
	"    because: Ended on June 30.\n"
	"    next_step: Bridge to the year-end.\n"
	"  - id: listed\n"
	"    when: issued in ['2026-08-15', '2026-09-01'] and issued - 2w >= "
	"period_end\n"
	"    because: Issued on a listed day, two weeks after the period.\n"
	"    next_step: Note it.\n";

static struct sc_questionnaire *
load_quest(void)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	struct sc_questionnaire *q = sc_questionnaire_load_buffer(
		"dates.yaml", quest_yaml, sizeof quest_yaml - 1, &d, &st);
	if (!q) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		fail_msg("did not load:\n%s", sc_buf_str(&b));
	}
	sc_diags_fini(&d);
	return q;
}

static void
set_date(struct sc_answers *a, const char *id, const char *date)
{
	const struct sc_question *qn = sc_questionnaire_find(a->q, id);
	assert_non_null(qn);
	if (!date) {
		sc_answers_unset(a, qn->index);
		return;
	}
	struct sc_answer v = {.type = SC_A_DATE, .day = D(date)};
	assert_true(sc_answers_set(a, qn->index, &v));
}

static bool
fired(const struct sc_questionnaire *q, struct sc_eval *ev, const char *rule)
{
	for (size_t i = 0; i < q->nrules; i++)
		if (strcmp(q->rules[i].id, rule) == 0)
			return sc_eval_fired(ev, i);
	fail_msg("no rule %s", rule);
	return false;
}

static void
rules_read_dates_against_today(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load_quest();
	struct sc_answers *a = sc_answers_new(q);
	struct sc_eval *ev = sc_eval_new(q, a);
	sc_eval_set_today(ev, D("2026-12-06"));

	/* Nothing answered: no date rule fires (no answer is no value). */
	sc_eval_reset(ev);
	assert_false(fired(q, ev, "stale"));
	assert_false(fired(q, ev, "future"));
	assert_false(fired(q, ev, "fresh"));

	set_date(a, "period_end", "2026-06-30");
	set_date(a, "issued", "2026-08-15");
	sc_eval_reset(ev);
	assert_false(fired(q, ev, "stale"));
	assert_false(fired(q, ev, "future"));
	assert_false(fired(q, ev, "early"));
	assert_false(fired(q, ev, "fresh"));
	assert_true(fired(q, ev, "exact"));
	assert_true(fired(q, ev, "listed"));

	/* A year and a day later the same report is stale. */
	sc_eval_set_today(ev, D("2027-07-01"));
	assert_true(fired(q, ev, "stale"));
	assert_false(fired(q, ev, "exact"));

	/* Hostile dates: a period ending after today, issued before it. */
	sc_eval_set_today(ev, D("2026-12-06"));
	set_date(a, "period_end", "2027-03-31");
	set_date(a, "issued", "2027-01-15");
	sc_eval_reset(ev);
	assert_true(fired(q, ev, "future"));
	assert_true(fired(q, ev, "early"));
	assert_false(fired(q, ev, "fresh"));

	/* The answers a date rule rests on are the dates it read. */
	size_t n = 0;
	size_t early = 2;
	assert_string_equal(q->rules[early].id, "early");
	const size_t *w = sc_eval_because(ev, early, &n);
	assert_int_equal(n, 2);
	assert_int_equal(w[0], 0);
	assert_int_equal(w[1], 1);
	/* `today` itself is no answer. */
	w = sc_eval_because(ev, 1, &n);
	assert_int_equal(n, 1);
	assert_int_equal(w[0], 0);

	sc_eval_free(ev);
	sc_answers_free(a);
	sc_questionnaire_free(q);
}

static void
answers_files_hold_iso_dates(void **state)
{
	(void)state;
	struct sc_questionnaire *q = load_quest();
	struct sc_answers *a = sc_answers_new(q);
	char *dir = th_mkdtemp();
	char *good = th_write(dir, "good.yaml",
	                      "socscope: 1\nquestionnaire: dates\n"
	                      "answers:\n  period_end: 2026-06-30\n"
	                      "  issued: '2026-08-15'\n");
	struct sc_diags d;
	sc_diags_init(&d);
	assert_int_equal(sc_answers_load_file(a, good, &d), SC_OK);
	assert_int_equal(a->v[0].type, SC_A_DATE);
	assert_string_equal(S(a->v[0].day), "2026-06-30");
	assert_string_equal(S(a->v[1].day), "2026-08-15");
	struct sc_buf b = {0};
	sc_answers_to_yaml(a, &b);
	assert_non_null(strstr(sc_buf_str(&b), "period_end: 2026-06-30\n"));
	assert_non_null(strstr(sc_buf_str(&b), "issued: 2026-08-15\n"));
	sc_buf_reset(&b);
	sc_answer_format(&q->questions[0], &a->v[0], &b);
	assert_string_equal(sc_buf_str(&b), "2026-06-30");
	sc_buf_fini(&b);

	static const struct {
		const char *value, *msg;
	} bad[] = {
		{"2026-02-30",
		 "question \"period_end\" expects a date (YYYY-MM-DD), found "
		 "\"2026-02-30\": that month has fewer days"},
		{"30.06.2026",
		 "question \"period_end\" expects a date (YYYY-MM-DD), found "
		 "\"30.06.2026\": a date is written YYYY-MM-DD, for example "
		 "2026-06-30"},
		{"6",
		 "question \"period_end\" expects a date (YYYY-MM-DD), found \"6\": "
		 "a date is written YYYY-MM-DD, for example 2026-06-30"},
		{"[2026-06-30]",
		 "question \"period_end\" expects a date (YYYY-MM-DD), found a "
		 "list"},
		{"1999-12-31",
		 "1999-12-31 is before the earliest date 2000-01-01 for question "
		 "\"period_end\""},
		{"2100-01-01",
		 "2100-01-01 is after the latest date 2099-12-31 for question "
		 "\"period_end\""},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *text = sc_xasprintf("socscope: 1\nquestionnaire: dates\n"
		                          "answers:\n  period_end: %s\n",
		                          bad[i].value);
		char *path = th_write(dir, "bad.yaml", text);
		struct sc_diags e;
		sc_diags_init(&e);
		assert_int_equal(sc_answers_load_file(a, path, &e), SC_EDATA);
		assert_true(e.n >= 1);
		assert_int_equal(e.v[0].line, 4);
		assert_int_equal(e.v[0].col, 15);
		if (strstr(e.v[0].msg, bad[i].msg) == NULL)
			fail_msg("%s: got \"%s\"", bad[i].value, e.v[0].msg);
		sc_diags_fini(&e);
		free(path);
		free(text);
	}
	sc_diags_fini(&d);
	free(good);
	th_rmtree(dir);
	free(dir);
	sc_answers_free(a);
	sc_questionnaire_free(q);
}

/* ---- mistakes in date expressions and date questions ------------------- */

static void
date_expressions_are_checked_at_load(void **state)
{
	(void)state;
	static const struct {
		const char *when, *msg;
		int col;
	} bad[] = {
		{"period_end", "the expression must be a condition (true or "
		               "false); a date is not true or false: compare it, "
		               "as in period_end < today", 1},
		{"period_end < 3", "cannot compare a date with a number", 12},
		{"period_end < '2026-02-30'",
		 "\"2026-02-30\" is not a date: that month has fewer days", 14},
		{"months + 3m > 1", "\"+\" only adds a duration to a date or "
		                    "takes one from it, as in today - 6m; there "
		                    "is no arithmetic on a number", 8},
		{"period_end + 3 < today", "\"+\" after a date needs a duration, "
		                           "as in 30d, 2w, 6m or 1y", 14},
		{"months_between(period_end) > 1",
		 "months_between() takes two dates, as in "
		 "months_between(period_end, today)", 16},
		{"days_between(months, today) > 1",
		 "days_between() needs a date, found a number", 14},
		{"3m < today", "cannot compare a duration with a date", 4},
		{"period_end == 'soon'",
		 "\"soon\" is not a date: a date is written YYYY-MM-DD, for "
		 "example 2026-06-30", 15},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *yaml = sc_xasprintf(
			"id: d\ntitle: D\nversion: \"1\"\ndescription: D.\n"
			"sections:\n  - id: s\n    title: S\n    questions:\n"
			"      - {id: period_end, type: date, text: T?, help: H.}\n"
			"      - {id: months, type: number, text: T?, help: H.}\n"
			"rules:\n  - id: r\n    when: \"%s\"\n    because: B.\n"
			"    next_step: N.\n",
			bad[i].when);
		struct sc_diags d;
		sc_diags_init(&d);
		enum sc_status st = SC_OK;
		struct sc_questionnaire *q = sc_questionnaire_load_buffer(
			"d.yaml", yaml, strlen(yaml), &d, &st);
		assert_null(q);
		assert_int_equal(st, SC_EDATA);
		assert_int_equal(d.n, 1);
		assert_int_equal(d.v[0].line, 13);
		if (strcmp(d.v[0].msg, bad[i].msg) != 0 ||
		    d.v[0].col != 11 + bad[i].col)
			fail_msg("%s: got %d \"%s\"", bad[i].when, d.v[0].col,
			         d.v[0].msg);
		sc_diags_fini(&d);
		free(yaml);
	}
}

static void
date_questions_are_checked_at_load(void **state)
{
	(void)state;
	static const char yaml[] =
		"id: d\ntitle: D\nversion: \"1\"\ndescription: D.\n"
		"sections:\n  - id: s\n    title: S\n    questions:\n"
		"      - id: a\n        type: date\n        text: T?\n"
		"        help: H.\n        min: 2026-13-01\n"
		"      - id: b\n        type: date\n        text: T?\n"
		"        help: H.\n        min: 2026-06-01\n"
		"        max: 2026-01-01\n"
		"      - id: c\n        type: date\n        text: T?\n"
		"        help: H.\n        max: 2026-01-01\n"
		"        default: 2026-02-01\n"
		"      - id: today\n        type: date\n        text: T?\n"
		"        help: H.\n"
		"rules: []\n";
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	struct sc_questionnaire *q = sc_questionnaire_load_buffer(
		"q.yaml", yaml, sizeof yaml - 1, &d, &st);
	assert_null(q);
	static const struct {
		int line, col;
		const char *msg;
	} want[] = {
		{13, 14, "\"min\" must be a date, found 2026-13-01: the month "
		         "must be 01 to 12"},
		{18, 14, "\"min\" is later than \"max\""},
		{25, 18, "default 2026-02-01 is after \"max\" (2026-01-01)"},
		{26, 13, "question id \"today\" is a word of the expression "
		         "language; choose another"},
	};
	if (d.n != sizeof want / sizeof want[0]) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		fail_msg("got:\n%s", sc_buf_str(&b));
	}
	for (size_t i = 0; i < d.n; i++) {
		assert_int_equal(d.v[i].line, want[i].line);
		assert_int_equal(d.v[i].col, want[i].col);
		assert_string_equal(d.v[i].msg, want[i].msg);
	}
	sc_diags_fini(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_day_round_trips),
		cmocka_unit_test(parsing_says_what_is_wrong),
		cmocka_unit_test(months_are_calendar_months),
		cmocka_unit_test(rules_read_dates_against_today),
		cmocka_unit_test(answers_files_hold_iso_dates),
		cmocka_unit_test(date_expressions_are_checked_at_load),
		cmocka_unit_test(date_questions_are_checked_at_load),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
