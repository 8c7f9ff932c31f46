/* The expression language: compiling, evaluating, errors and deps.
 *
 * A small questionnaire is built by hand (one question of each type, plus
 * one more yes/no at the end for the show_if ordering checks).  Most cases
 * are rows of a table: source, answer set, expected value; or source,
 * expected message and column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/answers.h"
#include "socscope/common.h"
#include "socscope/expr.h"
#include "socscope/questionnaire.h"

/* ---- The questionnaire ------------------------------------------------ */

enum { Q_PHI, Q_BAA, Q_INDUSTRY, Q_SERVICES, Q_EMPLOYEES, Q_ORG, Q_LATER,
       NQ };

static struct sc_choice industry_choices[] = {
	{"health", "Health care", NULL, NULL},
	{"finance", "Finance", NULL, NULL},
	{"retail", "Retail", NULL, NULL},
};
static struct sc_choice service_choices[] = {
	{"payroll", "Payroll", NULL, NULL},
	{"hosting", "Hosting", NULL, NULL},
	{"support", "Support", NULL, NULL},
};

static struct sc_question questions[NQ];
static struct sc_questionnaire quest;
/* quest's questions as the compiler sees them. */
static struct sc_expr_names quest_names;

static void
build_questionnaire(void)
{
	static const struct {
		const char *id;
		enum sc_qtype type;
	} spec[NQ] = {
		{"phi", SC_Q_YESNO},       {"baa", SC_Q_YESNO},
		{"industry", SC_Q_SINGLE}, {"services", SC_Q_MULTI},
		{"employees", SC_Q_NUMBER}, {"org_name", SC_Q_TEXT},
		{"later", SC_Q_YESNO},
	};
	memset(questions, 0, sizeof questions);
	for (size_t i = 0; i < NQ; i++) {
		questions[i].id = (char *)spec[i].id;
		questions[i].type = spec[i].type;
		questions[i].index = i;
	}
	questions[Q_PHI].allow_unsure = true;
	questions[Q_INDUSTRY].choices = industry_choices;
	questions[Q_INDUSTRY].nchoices = 3;
	questions[Q_SERVICES].choices = service_choices;
	questions[Q_SERVICES].nchoices = 3;
	memset(&quest, 0, sizeof quest);
	quest.id = (char *)"test";
	quest.questions = questions;
	quest.nquestions = NQ;
	quest.index = NULL;
	sc_questionnaire_names(&quest, &quest_names);
}

static const struct sc_expr_scope full_scope = {&quest_names, SIZE_MAX,
                                                "rule \"t\""};
/* The show_if of "employees": only phi, baa, industry, services. */
static const struct sc_expr_scope show_if_scope = {
	&quest_names, Q_EMPLOYEES, "show_if of question \"employees\""};

/* ---- Answer sets -------------------------------------------------------- */

/* A: phi yes, baa no, industry health, services {payroll, support},
 *    employees 12, org_name "Acme", later yes.
 * B: phi unsure, baa yes, industry retail, services {} (answered, empty),
 *    employees -3.5, org_name "retail", later no.
 * N: nothing answered (every answer of type SC_A_NONE).
 * H: A's answers, all hidden (the lookup returns NULL).
 * M: A's answers with phi and industry hidden. */
enum set { SET_A, SET_B, SET_N, SET_H, SET_M, NSETS };

struct answers {
	struct sc_answer v[NQ];
	bool hidden[NQ];
};

static size_t sel_a[] = {0, 2};
static struct answers sets[NSETS];

static struct sc_answer
yes_no(bool b)
{
	return (struct sc_answer){.type = SC_A_BOOL, .b = b};
}

static void
build_sets(void)
{
	memset(sets, 0, sizeof sets);
	struct sc_answer *a = sets[SET_A].v;
	a[Q_PHI] = yes_no(true);
	a[Q_BAA] = yes_no(false);
	a[Q_INDUSTRY] = (struct sc_answer){.type = SC_A_CHOICE, .choice = 0};
	a[Q_SERVICES] = (struct sc_answer){.type = SC_A_CHOICES, .sel = sel_a,
	                                   .nsel = 2};
	a[Q_EMPLOYEES] = (struct sc_answer){.type = SC_A_NUMBER, .num = 12};
	a[Q_ORG] = (struct sc_answer){.type = SC_A_TEXT, .text = (char *)"Acme"};
	a[Q_LATER] = yes_no(true);

	struct sc_answer *b = sets[SET_B].v;
	b[Q_PHI] = (struct sc_answer){.type = SC_A_UNSURE};
	b[Q_BAA] = yes_no(true);
	b[Q_INDUSTRY] = (struct sc_answer){.type = SC_A_CHOICE, .choice = 2};
	b[Q_SERVICES] = (struct sc_answer){.type = SC_A_CHOICES, .nsel = 0};
	b[Q_EMPLOYEES] = (struct sc_answer){.type = SC_A_NUMBER, .num = -3.5};
	b[Q_ORG] = (struct sc_answer){.type = SC_A_TEXT,
	                              .text = (char *)"retail"};
	b[Q_LATER] = yes_no(false);

	sets[SET_H] = sets[SET_A];
	for (size_t i = 0; i < NQ; i++)
		sets[SET_H].hidden[i] = true;
	sets[SET_M] = sets[SET_A];
	sets[SET_M].hidden[Q_PHI] = true;
	sets[SET_M].hidden[Q_INDUSTRY] = true;
}

/* Counts calls, so a test can see the evaluator reads through it. */
static size_t lookups;

static const struct sc_answer *
lookup(void *ud, size_t index)
{
	const struct answers *s = ud;
	lookups++;
	assert_true(index < NQ);
	return s->hidden[index] ? NULL : &s->v[index];
}

static int
setup(void **state)
{
	(void)state;
	build_questionnaire();
	build_sets();
	return 0;
}

static struct sc_expr *
compile_ok(const char *src, const struct sc_expr_scope *scope)
{
	struct sc_expr_error err;
	struct sc_expr *e = sc_expr_compile(src, scope, &err);
	if (!e)
		fail_msg("compiling \"%s\" failed at column %d: %s", src,
		         err.col, err.msg);
	return e;
}

/* ---- Evaluation ----------------------------------------------------------- */

struct eval_row {
	const char *src;
	enum set set;
	bool want;
};

/* Rows that hold for any answers: literals, operators and precedence. */
static const struct eval_row literal_rows[] = {
	{"true", SET_N, true},
	{"false", SET_N, false},
	{"not true", SET_N, false},
	{"not not true", SET_N, true},
	{"not not not false", SET_N, true},
	{"true and false", SET_N, false},
	{"true and true", SET_N, true},
	{"true or false", SET_N, true},
	{"false or false", SET_N, false},
	{"false or false or true", SET_N, true},
	{"true and true and false", SET_N, false},
	/* and binds tighter than or */
	{"true or false and false", SET_N, true},
	{"false and false or true", SET_N, true},
	{"(true or false) and false", SET_N, false},
	{"false and (false or true)", SET_N, false},
	/* not binds tighter than and/or, looser than comparisons */
	{"not false and false", SET_N, false},
	{"not (false and false)", SET_N, true},
	{"not true or true", SET_N, true},
	{"not 1 == 2", SET_N, true},
	{"not 1 < 2 and true", SET_N, false},
	{"((((true))))", SET_N, true},
	{"1 < 2", SET_N, true},
	{"2 < 2", SET_N, false},
	{"2 <= 2", SET_N, true},
	{"3 > 2", SET_N, true},
	{"2 > 3", SET_N, false},
	{"2 >= 3", SET_N, false},
	{"3 >= 3", SET_N, true},
	{"1 == 1.0", SET_N, true},
	{"1 != 1", SET_N, false},
	{"1 != 2", SET_N, true},
	{"-3 < -2.5", SET_N, true},
	{"0.5 == 0.50", SET_N, true},
	{"-0 == 0", SET_N, true},
	{"1.25 > 1.2", SET_N, true},
	{"\"a\" == 'a'", SET_N, true},
	{"\"a\" != 'b'", SET_N, true},
	{"'a\"b' == \"a\\\"b\"", SET_N, true},
	{"'it\\'s' == \"it's\"", SET_N, true},
	{"'back\\\\slash' == \"back\\\\slash\"", SET_N, true},
	{"'x\\ny' != 'x\\\\ny'", SET_N, true},
	{"'' == \"\"", SET_N, true},
	{"2 in [1, 2, 3]", SET_N, true},
	{"4 in [1, 2, 3]", SET_N, false},
	{"'b' in ['a', 'b']", SET_N, true},
	{"'c' in ['a', 'b']", SET_N, false},
	{"true in [false]", SET_N, false},
	{"true in [false, true]", SET_N, true},
	{"1 in []", SET_N, false},
	{"(1 < 2) == true", SET_N, true},
	{"(1 < 2) != (2 < 1)", SET_N, true},
	{"  true\t\n", SET_N, true},
};

static const struct eval_row answer_rows[] = {
	/* yes/no: A phi yes, baa no; B phi unsure, baa yes */
	{"phi", SET_A, true},
	{"baa", SET_A, false},
	{"not baa", SET_A, true},
	{"phi and not baa", SET_A, true},
	{"phi == true", SET_A, true},
	{"phi != false", SET_A, true},
	{"phi == 'unsure'", SET_A, false},
	{"phi != 'unsure'", SET_A, true},
	{"baa == phi", SET_A, false},
	{"later == phi", SET_A, true},
	{"phi in [true, 'unsure']", SET_A, true},
	{"phi", SET_B, false},
	{"not phi", SET_B, true},
	{"phi == 'unsure'", SET_B, true},
	{"phi != 'unsure'", SET_B, false},
	{"phi == true", SET_B, false},
	{"phi == false", SET_B, false},
	{"phi != true", SET_B, true},
	{"phi in [true, 'unsure']", SET_B, true},
	{"phi in [true, false]", SET_B, false},
	{"phi == baa", SET_B, false},
	/* single choice: A health, B retail */
	{"industry == 'health'", SET_A, true},
	{"industry != 'health'", SET_A, false},
	{"industry == \"finance\"", SET_A, false},
	{"'health' == industry", SET_A, true},
	{"industry in ['finance', 'health']", SET_A, true},
	{"industry in ['retail']", SET_A, false},
	{"industry in []", SET_A, false},
	{"industry == industry", SET_A, true},
	{"selected(industry, 'health')", SET_A, true},
	{"selected(industry, 'retail', 'finance')", SET_A, false},
	{"selected(industry, 'retail', 'finance')", SET_B, true},
	{"industry != 'health'", SET_B, true},
	/* multiple choice: A {payroll, support}, B {} */
	{"selected(services, 'payroll')", SET_A, true},
	{"selected(services, 'hosting')", SET_A, false},
	{"selected(services, 'hosting', 'support')", SET_A, true},
	{"'support' in services", SET_A, true},
	{"'hosting' in services", SET_A, false},
	{"not 'hosting' in services", SET_A, true},
	{"count(services) == 2", SET_A, true},
	{"count(industry) == 1", SET_A, true},
	{"count(employees) == 1", SET_A, true},
	{"count(org_name) == 1", SET_A, true},
	{"answered(services)", SET_B, true},
	{"count(services) == 0", SET_B, true},
	{"selected(services, 'payroll', 'hosting', 'support')", SET_B, false},
	{"'payroll' in services", SET_B, false},
	/* numbers: A 12, B -3.5 */
	{"employees > 10", SET_A, true},
	{"employees >= 12 and employees <= 12", SET_A, true},
	{"employees == 12", SET_A, true},
	{"employees != 12", SET_A, false},
	{"employees < 0", SET_A, false},
	{"10 < employees", SET_A, true},
	{"employees in [10, 12]", SET_A, true},
	{"employees in [10, 11]", SET_A, false},
	{"employees > count(services)", SET_A, true},
	{"employees < 0", SET_B, true},
	{"employees == -3.5", SET_B, true},
	{"employees > -4 and employees < -3", SET_B, true},
	/* text: A "Acme", B "retail" */
	{"org_name == 'Acme'", SET_A, true},
	{"org_name == 'acme'", SET_A, false},
	{"org_name != 'Acme'", SET_A, false},
	{"org_name in ['x', 'Acme']", SET_A, true},
	{"answered(org_name)", SET_A, true},
	/* a choice compared with text compares the choice id */
	{"industry == org_name", SET_A, false},
	{"industry != org_name", SET_A, true},
	{"industry == org_name", SET_B, true},
	{"org_name == industry", SET_B, true},
	{"answered(later)", SET_A, true},
	{"(phi == true) == (employees > 3)", SET_A, true},
	{"answered(phi) == true", SET_A, true},
	{"phi and baa or employees > 10 and industry == 'health'", SET_A, true},
	{"phi and (baa or employees > 100)", SET_A, false},
};

/* Every rule for unanswered questions, run on N (no answers) and on H
 * (answers present but hidden), which must not differ. */
static const struct eval_row unanswered_rows[] = {
	{"phi", SET_N, false},
	{"not phi", SET_N, true},
	{"phi == true", SET_N, false},
	{"phi != true", SET_N, false},
	{"phi == false", SET_N, false},
	{"phi != false", SET_N, false},
	{"phi == 'unsure'", SET_N, false},
	{"phi != 'unsure'", SET_N, false},
	{"not (phi == true)", SET_N, true},
	{"phi == baa", SET_N, false},
	{"phi != baa", SET_N, false},
	{"phi in [true, false, 'unsure']", SET_N, false},
	{"(phi == true) == false", SET_N, true},
	/* a yes/no name compared stands for its answer, not a condition */
	{"phi == (1 < 2)", SET_N, false},
	{"phi != (1 < 2)", SET_N, false},
	{"(not not phi) != (1 < 2)", SET_N, true},
	{"industry == 'health'", SET_N, false},
	{"industry != 'health'", SET_N, false},
	{"industry in ['health', 'finance', 'retail']", SET_N, false},
	{"not (industry in ['health'])", SET_N, true},
	{"industry == industry", SET_N, false},
	{"selected(industry, 'health')", SET_N, false},
	{"selected(services, 'payroll')", SET_N, false},
	{"'payroll' in services", SET_N, false},
	{"not selected(services, 'payroll')", SET_N, true},
	{"count(services) == 0", SET_N, true},
	{"count(services) > 0", SET_N, false},
	{"count(employees) == 0", SET_N, true},
	{"count(phi) == 0", SET_N, true},
	{"answered(phi)", SET_N, false},
	{"answered(services)", SET_N, false},
	{"not answered(org_name)", SET_N, true},
	{"employees > 0", SET_N, false},
	{"employees <= 0", SET_N, false},
	{"employees == 5", SET_N, false},
	{"employees != 5", SET_N, false},
	{"employees in [1]", SET_N, false},
	{"not (employees > 0)", SET_N, true},
	{"org_name == 'Acme'", SET_N, false},
	{"org_name != 'Acme'", SET_N, false},
	{"org_name in ['Acme']", SET_N, false},
	{"industry == org_name", SET_N, false},
	{"industry != org_name", SET_N, false},
	{"answered(industry) and industry != 'health'", SET_N, false},
	{"not answered(industry) or industry != 'health'", SET_N, true},
	{"true", SET_N, true},
};

/* Some questions hidden, others answered. */
static const struct eval_row mixed_rows[] = {
	{"industry != 'health' or phi", SET_M, false},
	{"baa == false", SET_M, true},
	{"not phi and not baa", SET_M, true},
	{"selected(services, 'payroll') and not answered(industry)", SET_M, true},
	{"employees == 12 and industry == 'health'", SET_M, false},
};

static void
check_rows(const struct eval_row *rows, size_t n, int override_set)
{
	for (size_t i = 0; i < n; i++) {
		struct sc_expr *e = compile_ok(rows[i].src, &full_scope);
		enum set s = override_set >= 0 ? (enum set)override_set
		                               : rows[i].set;
		bool got = sc_expr_eval(e, lookup, &sets[s]);
		if (got != rows[i].want)
			fail_msg("\"%s\" on set %d: got %s, want %s",
			         rows[i].src, (int)s, got ? "true" : "false",
			         rows[i].want ? "true" : "false");
		sc_expr_free(e);
	}
}

#define ROWS(r) r, sizeof r / sizeof r[0]

static void
literals_and_operators(void **state)
{
	(void)state;
	check_rows(ROWS(literal_rows), -1);
	/* Literal rows do not depend on answers at all. */
	check_rows(ROWS(literal_rows), SET_A);
	check_rows(ROWS(literal_rows), SET_B);
}

static void
answers_of_each_type(void **state)
{
	(void)state;
	check_rows(ROWS(answer_rows), -1);
}

static void
unanswered_questions(void **state)
{
	(void)state;
	check_rows(ROWS(unanswered_rows), SET_N);
	/* Hidden questions read exactly like unanswered ones. */
	check_rows(ROWS(unanswered_rows), SET_H);
	check_rows(ROWS(mixed_rows), -1);
}

static void
null_lookup_result_and_a_null_lookup(void **state)
{
	(void)state;
	struct sc_expr *e = compile_ok("not answered(phi) and count(services) "
	                               "== 0", &full_scope);
	/* A lookup that is NULL itself: nothing is answered. */
	assert_true(sc_expr_eval(e, NULL, NULL));
	sc_expr_free(e);
	/* NULL expressions are false and have no deps. */
	assert_false(sc_expr_eval(NULL, lookup, &sets[SET_A]));
	size_t n = 99;
	assert_null(sc_expr_deps(NULL, &n));
	assert_int_equal(n, 0);
	sc_expr_free(NULL);
	/* The error is optional; a NULL source is an empty expression. */
	assert_null(sc_expr_compile("foo", &full_scope, NULL));
	e = sc_expr_compile("phi", &full_scope, NULL);
	assert_non_null(e);
	sc_expr_free(e);
	struct sc_expr_error err;
	assert_null(sc_expr_compile(NULL, &full_scope, &err));
	assert_string_equal(err.msg, "the expression is empty");
	assert_int_equal(err.col, 1);
	/* Success leaves no stale message behind. */
	e = sc_expr_compile("phi", &full_scope, &err);
	assert_non_null(e);
	assert_string_equal(err.msg, "");
	sc_expr_free(e);
}

static void
evaluation_reads_through_the_lookup(void **state)
{
	(void)state;
	struct sc_expr *e = compile_ok("phi and employees > 3", &full_scope);
	lookups = 0;
	assert_true(sc_expr_eval(e, lookup, &sets[SET_A]));
	assert_int_equal(lookups, 2);
	/* "and" stops at the first false operand. */
	lookups = 0;
	assert_false(sc_expr_eval(e, lookup, &sets[SET_B]));
	assert_int_equal(lookups, 1);
	sc_expr_free(e);
}

/* Answers that do not fit their question read as no answer. */
static void
ill_fitting_answers_are_no_answer(void **state)
{
	(void)state;
	struct answers bad;
	memset(&bad, 0, sizeof bad);
	bad.v[Q_PHI] = (struct sc_answer){.type = SC_A_TEXT, .text = (char *)"x"};
	bad.v[Q_INDUSTRY] = (struct sc_answer){.type = SC_A_CHOICE, .choice = 7};
	bad.v[Q_EMPLOYEES] = (struct sc_answer){.type = SC_A_BOOL, .b = true};
	bad.v[Q_ORG] = (struct sc_answer){.type = SC_A_TEXT, .text = NULL};
	bad.v[Q_SERVICES] = (struct sc_answer){.type = SC_A_CHOICES, .nsel = 3,
	                                       .sel = NULL};
	static const struct eval_row rows[] = {
		{"phi", 0, false},
		{"phi == true", 0, false},
		{"phi != true", 0, false},
		{"industry == org_name", 0, false},
		{"industry != org_name", 0, false},
		{"industry in ['health', 'finance', 'retail']", 0, false},
		{"employees > -1000", 0, false},
		{"org_name == ''", 0, false},
		{"selected(services, 'payroll')", 0, false},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct sc_expr *e = compile_ok(rows[i].src, &full_scope);
		assert_int_equal(sc_expr_eval(e, lookup, &bad), rows[i].want);
		sc_expr_free(e);
	}
}

/* ---- Errors ----------------------------------------------------------------- */

struct error_row {
	const char *src;
	const char *msg; /* exact message, or a prefix when it ends in "..." */
	int col;
};

static const struct error_row error_rows[] = {
	/* syntax */
	{"", "the expression is empty", 1},
	{"   ", "the expression is empty", 1},
	{"(phi and baa", "\")\" expected (to close \"(\" at column 1)", 13},
	{"phi and (baa or (phi)",
	 "\")\" expected (to close \"(\" at column 9)", 22},
	{"(phi baa)", "\")\" expected (to close \"(\" at column 1)", 6},
	{"1 in [1, 2", "\"]\" expected (to close \"[\" at column 6)", 11},
	{"1 in [1 2]", "\"]\" expected (to close \"[\" at column 6)", 9},
	{"answered(phi", "\")\" expected (to close \"(\" at column 9)", 13},
	{"phi ]", "unexpected \"]\"", 5},
	{"phi baa", "unexpected \"baa\"", 5},
	{"phi 'x'", "unexpected 'x'", 5},
	{"phi and", "unexpected end of the expression", 8},
	{"phi and or baa", "unexpected \"or\"", 9},
	{")", "unexpected \")\"", 1},
	{"employees ==", "unexpected end of the expression", 13},
	{"1 < 2 < 3", "comparisons cannot be chained; use \"and\"", 7},
	{"employees == 1 == true", "comparisons cannot be chained; use \"and\"",
	 16},
	{"not 1 < 2 >= 3", "comparisons cannot be chained; use \"and\"", 11},
	{"1 in [1] in [true]", "comparisons cannot be chained; use \"and\"", 10},
	{"phi == not baa",
	 "\"not\" cannot start the right side of a comparison; use "
	 "parentheses", 8},
	{"1 in [phi]", "a list may only hold numbers, strings, true and false "
	               "(a choice id goes in quotes: \"phi\")", 7},
	{"industry in ['finance', health]", "a list may only hold numbers, "
	                                    "strings, true and false (a choice "
	                                    "id goes in quotes: \"health\")",
	 25},
	{"industry == health", "unknown question \"health\"; a choice id goes "
	                       "in quotes: \"health\"", 13},
	{"hosting in services", "unknown question \"hosting\"; a choice id "
	                        "goes in quotes: \"hosting\"", 1},
	{"industry == hosting", "unknown question \"hosting\"", 13},
	{"1 in [1, [2]]",
	 "a list may only hold numbers, strings, true and false", 10},
	{"1 in [1,]", "unexpected \"]\"", 9},
	{"answered(phi,)", "unexpected \")\"", 14},
	/* lexical */
	{"'abc", "unterminated string (no closing ')", 1},
	{"phi == \"abc", "unterminated string (no closing \")", 8},
	{"'abc\\", "unterminated string (no closing ')", 1},
	{"'a\\qb' == 'x'", "bad escape \"\\q\" in string (use \\\", \\', \\\\ or \\n)",
	 3},
	{"'a\\\tb' == 'x'", "bad escape in string...", 3},
	{"phi @ baa", "invalid character \"@\"", 5},
	{"phi && baa", "invalid operator \"&&\"; write \"and\"", 5},
	{"phi || baa", "invalid operator \"||\"; write \"or\"", 5},
	{"phi = true", "invalid operator \"=\"; write \"==\"", 5},
	{"!phi", "invalid operator \"!\"; write \"not\"", 1},
	{"phi\x01", "invalid character (byte 0x01)", 4},
	{"phi and \xc3\xa9t\xc3\xa9", "invalid character \"\xc3\xa9\" (U+00E9)", 9},
	{"phi and\xc2\xa0" "baa", "invalid character: a non-breaking space "
	                      "(U+00A0); use a plain space", 8},
	{"industry == \xe2\x80\x9chealth\xe2\x80\x9d",
	 "invalid character \"\xe2\x80\x9c\" (U+201C); quote with a plain \" "
	 "or '", 13},
	{"industry == \xe2\x80\x98health\xe2\x80\x99",
	 "invalid character \"\xe2\x80\x98\" (U+2018); quote with a plain ' "
	 "or \"", 13},
	{"phi \xff", "invalid character (byte 0xFF)", 5},
	{"phi \xc3", "invalid character (byte 0xC3)", 5},
	{"phi \xed\xa0\x80", "invalid character (byte 0xED)", 5},
	{"phi \xf0\x9f\x98\x80", "invalid character \"\xf0\x9f\x98\x80\" "
	                         "(U+1F600)", 5},
	{"1. == 1", "malformed number \"1.\": digits must follow the \".\"", 1},
	{"12abc == 1", "malformed number \"12abc\"", 1},
	{"1.2.3 == 1", "malformed number \"1.2.3\"", 1},
	{"1e5 == 1", "malformed number \"1e5\"", 1},
	{"- 3 < 1", "\"-\" must be followed by a number, or come between a "
	            "date and a duration (\"d - 6m\")", 1},
	{"employees -3 < 1", "\"-\" only adds a duration to a date or takes "
	                     "one from it, as in today - 6m; there is no "
	                     "arithmetic on a number", 11},
	/* names and functions */
	{"foo", "unknown question \"foo\"", 1},
	{"phi and foo", "unknown question \"foo\"", 9},
	{"PHI", "unknown question \"PHI\"; did you mean \"phi\"?", 1},
	{"phi AND baa", "\"AND\" must be written in lower case: \"and\"", 5},
	{"Not phi", "\"Not\" must be written in lower case: \"not\"", 1},
	{"phi == TRUE", "\"TRUE\" must be written in lower case: \"true\"",
	 8},
	{"employes > 3", "unknown question \"employes\"; did you mean "
	                 "\"employees\"?", 1},
	{"org_nmae == 'x'", "unknown question \"org_nmae\"; did you mean "
	                    "\"org_name\"?", 1},
	{"xyzzy", "unknown question \"xyzzy\"", 1},
	{"selected(services, 'hostin')",
	 "unknown choice \"hostin\" for question \"services\"; did you mean "
	 "\"hosting\"? (choices: payroll, hosting, support)", 20},
	{"bar(phi)", "unknown function \"bar\"; expected answered, selected, "
	             "count, months_between or days_between", 1},
	{"answered()", "answered() takes exactly one question name", 10},
	{"answered(phi, baa)", "answered() takes exactly one question name", 15},
	{"count(phi, baa) > 1", "count() takes exactly one question name", 12},
	{"selected(services)", "selected() takes a question and one or more "
	                       "choice ids...", 10},
	{"selected()", "selected() takes a question and one or more choice "
	               "ids...", 10},
	{"answered(phi and baa)",
	 "the first argument of answered() must be a question name", 10},
	{"answered('phi')",
	 "the first argument of answered() must be a question name", 10},
	{"answered(nope)", "unknown question \"nope\"", 10},
	{"selected(employees, 'a')",
	 "selected() needs a single- or multiple-choice question, and "
	 "\"employees\" is a number question", 10},
	{"selected(phi, 'a')",
	 "selected() needs a single- or multiple-choice question, and \"phi\" "
	 "is a yes/no question", 10},
	{"selected(services, 'nope')",
	 "unknown choice \"nope\" for question \"services\" (choices: payroll, "
	 "hosting, support)", 20},
	{"selected(services, 'payroll', 'nope')",
	 "unknown choice \"nope\" for question \"services\"...", 31},
	{"selected(services, 1)",
	 "selected() takes choice ids in quotes for question \"services\"", 20},
	{"selected(services, payroll)",
	 "selected() takes choice ids in quotes for question \"services\"", 20},
	/* choices and "unsure" */
	{"industry == 'tech'",
	 "unknown choice \"tech\" for question \"industry\" (choices: health, "
	 "finance, retail)", 13},
	{"'tech' != industry", "unknown choice \"tech\" for question "
	                       "\"industry\"...", 1},
	{"industry in ['health', 'tech']",
	 "unknown choice \"tech\" for question \"industry\"...", 24},
	/* Text echoed into a message is made safe for a terminal. */
	{"industry == 'a\x1b[31m\xff\xc3\xa9'",
	 "unknown choice \"a?[31m?\xc3\xa9\" for question \"industry\"...", 13},
	{"industry == '0123456789012345678901234567890123456789\xc3\xa9\xc3\xa9"
	 "\xc3\xa9\xc3\xa9\xc3\xa9'",
	 "unknown choice \"0123456789012345678901234567890123456789\xc3\xa9"
	 "\xc3\xa9\xc3\xa9\xc3\xa9...\" for question \"industry\"...", 13},
	{"phi 'abcdefghijklmnopqrstuvwxyz0123456789'",
	 "unexpected 'abcdefghijklmnopqrstuvwxyz01234...", 5},
	{"'x' in services", "unknown choice \"x\" for question \"services\" "
	                    "(choices: payroll, hosting, support)", 1},
	{"phi == 'yes'", "question \"phi\" is yes or no; compare it with true "
	                 "or false or \"unsure\"", 8},
	{"baa == 'no'", "question \"baa\" is yes or no; compare it with true or "
	                "false", 8},
	{"baa == 'unsure'", "question \"baa\" does not offer \"unsure\"", 8},
	{"baa in [true, 'unsure']", "question \"baa\" does not offer "
	                            "\"unsure\"", 15},
	/* types */
	{"industry in [1]", "cannot compare text with a number", 14},
	{"industry in [true]", "cannot compare text with true or false", 14},
	{"employees == 'ten'", "cannot compare a number with text", 11},
	{"employees in [1, 'two']", "cannot compare a number with text", 18},
	{"phi == 1", "cannot compare true or false with a number", 5},
	{"org_name == 3", "cannot compare text with a number", 10},
	{"answered(phi) == 'unsure'", "cannot compare true or false with text",
	 15},
	{"employees < 'ten'", "\"<\" needs two numbers or two dates", 11},
	{"org_name > 3", "\">\" needs two numbers or two dates", 10},
	{"phi <= 1", "\"<=\" needs two numbers or two dates", 5},
	{"'a' >= 'b'", "\">=\" needs two numbers or two dates", 5},
	{"count(services) < phi", "\"<\" needs two numbers or two dates", 17},
	{"industry", "the expression must be a condition (true or false); "
	             "question \"industry\" holds a choice: compare it, as in "
	             "industry == \"...\"", 1},
	{"employees", "the expression must be a condition (true or false); "
	              "question \"employees\" holds a number: compare it, as in "
	              "employees > 0", 1},
	{"org_name", "the expression must be a condition (true or false); "
	             "question \"org_name\" holds text: use answered(org_name) "
	             "or compare it", 1},
	{"services", "the expression must be a condition (true or false); "
	             "question \"services\" holds several choices: use "
	             "selected(services, \"...\")", 1},
	{"count(services)", "the expression must be a condition (true or "
	                    "false); count() is a number: compare it, as in "
	                    "count(services) > 0", 1},
	{"1", "the expression must be a condition (true or false)", 1},
	{"'yes'", "the expression must be a condition (true or false)", 1},
	{"[true]", "the expression must be a condition (true or false)", 1},
	{"(employees)", "the expression must be a condition...", 2},
	{"phi and employees", "\"and\" needs a condition (true or false)...", 9},
	{"phi or 'x'", "\"or\" needs a condition (true or false)", 8},
	{"not org_name", "\"not\" needs a condition (true or false)...", 5},
	{"services == 'payroll'",
	 "question \"services\" holds several choices; use selected(services, "
	 "\"...\") or count(services)", 1},
	{"1 in services", "to test the multiple-choice question \"services\", "
	                  "write \"choice\" in services or selected(services, "
	                  "\"choice\")", 1},
	{"services in ['payroll']", "question \"services\" holds several "
	                            "choices...", 1},
	{"'payroll' in industry", "\"in\" needs a list [...] or a "
	                          "multiple-choice question on its right", 14},
	{"1 in 1", "\"in\" needs a list [...] or a multiple-choice question on "
	           "its right", 6},
	{"[1] == 1", "a list can only follow \"in\"", 1},
	{"[1] in [1]", "a list cannot be in a list", 1},
};

static bool
msg_matches(const char *got, const char *want)
{
	size_t n = strlen(want);
	if (n >= 3 && strcmp(want + n - 3, "...") == 0)
		return strncmp(got, want, n - 3) == 0;
	return strcmp(got, want) == 0;
}

static void
check_error(const char *src, const struct sc_expr_scope *scope,
            const char *want, int col)
{
	struct sc_expr_error err;
	memset(&err, 0x55, sizeof err);
	struct sc_expr *e = sc_expr_compile(src, scope, &err);
	if (e) {
		sc_expr_free(e);
		fail_msg("\"%s\" compiled; want error \"%s\"", src, want);
	}
	assert_non_null(memchr(err.msg, '\0', sizeof err.msg));
	if (!msg_matches(err.msg, want) || err.col != col)
		fail_msg("\"%s\": got column %d \"%s\"; want column %d \"%s\"",
		         src, err.col, err.msg, col, want);
}

static void
compile_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof error_rows / sizeof error_rows[0]; i++)
		check_error(error_rows[i].src, &full_scope, error_rows[i].msg,
		            error_rows[i].col);
}

static void
show_if_may_only_name_earlier_questions(void **state)
{
	(void)state;
	/* employees is question 4: 0..3 are fine. */
	struct sc_expr *e = compile_ok("phi and baa and industry == 'health' and "
	                               "selected(services, 'payroll')",
	                               &show_if_scope);
	sc_expr_free(e);
	check_error("org_name == 'x'", &show_if_scope,
	            "question \"org_name\" is not asked before question "
	            "\"employees\" (show_if may only name earlier questions)",
	            1);
	check_error("phi and answered(later)", &show_if_scope,
	            "question \"later\" is not asked before question "
	            "\"employees\"...", 18);
	check_error("employees > 3", &show_if_scope,
	            "question \"employees\" cannot depend on its own answer", 1);
	check_error("count(employees) > 3", &show_if_scope,
	            "question \"employees\" cannot depend on its own answer", 7);
	/* Unknown names stay unknown, whatever the limit. */
	check_error("zzz", &show_if_scope, "unknown question \"zzz\"", 1);
	/* Without a questionnaire nothing can be named. */
	static const struct sc_expr_scope none = {NULL, SIZE_MAX, NULL};
	check_error("phi", &none, "unknown question \"phi\"", 1);
	e = compile_ok("1 < 2", &none);
	sc_expr_free(e);
	e = compile_ok("true", NULL);
	sc_expr_free(e);
	/* A limit past the questions, with an owner for the message. */
	static const struct sc_expr_scope past = {&quest_names, 1,
	                                          "rule \"r\""};
	check_error("baa", &past, "question \"baa\" cannot depend on its own "
	                          "answer", 1);
}

static char *
repeat(const char *s, size_t n, const char *mid, const char *end)
{
	struct sc_buf b = {0};
	for (size_t i = 0; i < n; i++)
		sc_buf_puts(&b, s);
	sc_buf_puts(&b, mid);
	for (size_t i = 0; i < n && end; i++)
		sc_buf_puts(&b, end);
	return sc_buf_steal(&b);
}

static void
depth_limit(void **state)
{
	(void)state;
	char *src = repeat("(", SC_EXPR_MAX_DEPTH, "phi", ")");
	struct sc_expr *e = compile_ok(src, &full_scope);
	assert_true(sc_expr_eval(e, lookup, &sets[SET_A]));
	sc_expr_free(e);
	free(src);

	src = repeat("(", 40, "phi", ")");
	check_error(src, &full_scope,
	            "expression nested too deeply (more than 32 levels)",
	            SC_EXPR_MAX_DEPTH + 1);
	free(src);

	/* Unclosed, too: the depth is what is reported first. */
	src = repeat("(", 5000, "", NULL);
	check_error(src, &full_scope, "expression too long...",
	            SC_EXPR_MAX_LEN + 1);
	free(src);
	src = repeat("(", 1000, "", NULL);
	check_error(src, &full_scope, "expression nested too deeply...", 33);
	free(src);

	/* "not" nests too. */
	src = repeat("not ", SC_EXPR_MAX_DEPTH, "phi", NULL);
	e = compile_ok(src, &full_scope);
	assert_true(sc_expr_eval(e, lookup, &sets[SET_A]));
	sc_expr_free(e);
	free(src);
	src = repeat("not ", SC_EXPR_MAX_DEPTH + 1, "phi", NULL);
	check_error(src, &full_scope, "expression nested too deeply...",
	            4 * SC_EXPR_MAX_DEPTH + 1);
	free(src);

	/* Calls and lists count as levels. */
	src = repeat("(", SC_EXPR_MAX_DEPTH - 1, "answered(phi)", ")");
	e = compile_ok(src, &full_scope);
	sc_expr_free(e);
	free(src);
	src = repeat("(", SC_EXPR_MAX_DEPTH, "answered(phi)", ")");
	check_error(src, &full_scope, "expression nested too deeply...",
	            SC_EXPR_MAX_DEPTH + 9);
	free(src);
	src = repeat("(", SC_EXPR_MAX_DEPTH, "1 in [1]", ")");
	check_error(src, &full_scope, "expression nested too deeply...",
	            SC_EXPR_MAX_DEPTH + 6);
	free(src);
}

static void
length_limit(void **state)
{
	(void)state;
	/* Long chains are fine up to the limit, and stay flat. */
	struct sc_buf b = {0};
	sc_buf_puts(&b, "phi");
	while (b.len + 7 <= SC_EXPR_MAX_LEN)
		sc_buf_puts(&b, " or baa");
	while (b.len < SC_EXPR_MAX_LEN)
		sc_buf_putc(&b, ' ');
	assert_int_equal(b.len, SC_EXPR_MAX_LEN);
	struct sc_expr *e = compile_ok(sc_buf_str(&b), &full_scope);
	assert_true(sc_expr_eval(e, lookup, &sets[SET_A]));
	assert_false(sc_expr_eval(e, lookup, &sets[SET_N]));
	size_t n;
	const size_t *deps = sc_expr_deps(e, &n);
	assert_int_equal(n, 2);
	assert_int_equal(deps[0], Q_PHI);
	assert_int_equal(deps[1], Q_BAA);
	sc_expr_free(e);

	sc_buf_putc(&b, ' ');
	check_error(sc_buf_str(&b), &full_scope,
	            "expression too long (more than 4096 characters)",
	            SC_EXPR_MAX_LEN + 1);
	sc_buf_fini(&b);

	/* A long string literal is counted like anything else, and the
	 * length is checked before anything is read. */
	char *src = repeat("x", SC_EXPR_MAX_LEN + 1, "", NULL);
	src[0] = '\'';
	check_error(src, &full_scope, "expression too long...",
	            SC_EXPR_MAX_LEN + 1);
	free(src);

	/* The limit counts characters, not bytes; columns are in bytes. */
	src = repeat("\xc3\xa9", SC_EXPR_MAX_LEN - 9, "' == 'x'", NULL);
	sc_buf_puts(&b, "'");
	sc_buf_puts(&b, src);
	free(src);
	e = compile_ok(sc_buf_str(&b), &full_scope);
	assert_false(sc_expr_eval(e, lookup, &sets[SET_A]));
	sc_expr_free(e);
	sc_buf_putc(&b, ' ');
	check_error(sc_buf_str(&b), &full_scope,
	            "expression too long (more than 4096 characters)",
	            (int)(2 * (SC_EXPR_MAX_LEN - 9) + 10));
	sc_buf_fini(&b);

	/* Long number literals are refused rather than misread. */
	src = repeat("9", 400, " > 1", NULL);
	check_error(src, &full_scope, "number too long (more than 64 "
	                              "characters)", 1);
	free(src);
}

/* ---- Dependencies --------------------------------------------------------- */

static void
deps_are_distinct_and_ascending(void **state)
{
	(void)state;
	static const struct {
		const char *src;
		size_t n;
		size_t deps[NQ];
	} rows[] = {
		{"true", 0, {0}},
		{"1 < 2 and 'a' in ['a']", 0, {0}},
		{"phi", 1, {Q_PHI}},
		{"employees > 3 or phi and selected(services, 'payroll') and phi",
		 3, {Q_PHI, Q_SERVICES, Q_EMPLOYEES}},
		{"org_name == industry", 2, {Q_INDUSTRY, Q_ORG}},
		{"count(later) == 1 and answered(baa)", 2, {Q_BAA, Q_LATER}},
		{"'hosting' in services or industry in ['health'] or "
		 "not org_name in ['x']", 3, {Q_INDUSTRY, Q_SERVICES, Q_ORG}},
		{"later and later and not later", 1, {Q_LATER}},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct sc_expr *e = compile_ok(rows[i].src, &full_scope);
		size_t n = 99;
		const size_t *d = sc_expr_deps(e, &n);
		if (n != rows[i].n)
			fail_msg("\"%s\": %zu deps, want %zu", rows[i].src, n,
			         rows[i].n);
		for (size_t k = 0; k < n; k++)
			assert_int_equal(d[k], rows[i].deps[k]);
		sc_expr_free(e);
	}
}

/* ---- Witnesses ------------------------------------------------------------ */

/* The answers an outcome rests on: what made the expression come out as it
 * did, never an unanswered or hidden question, ascending. */
static void
witnesses_are_the_answers_that_decided(void **state)
{
	(void)state;
	static const struct {
		const char *src;
		enum set set;
		size_t n;
		size_t want[NQ];
	} rows[] = {
		/* and that holds: every part */
		{"phi and not baa", SET_A, 2, {Q_PHI, Q_BAA}},
		{"employees > 3 and org_name == 'Acme'", SET_A, 2,
		 {Q_EMPLOYEES, Q_ORG}},
		{"industry in ['health', 'finance'] and "
		 "selected(services, 'payroll')", SET_A, 2,
		 {Q_INDUSTRY, Q_SERVICES}},
		/* or: only the first branch that holds */
		{"phi or baa", SET_A, 1, {Q_PHI}},
		{"baa or phi", SET_A, 1, {Q_PHI}},
		{"baa or employees > 100 or org_name == 'Acme' or phi", SET_A, 1,
		 {Q_ORG}},
		{"phi == 'unsure' or employees > 0", SET_B, 1, {Q_PHI}},
		/* not of or: each branch, all false */
		{"not (baa or industry == 'finance')", SET_A, 2,
		 {Q_BAA, Q_INDUSTRY}},
		/* not of and: the first false part */
		{"not (phi and baa and later)", SET_A, 1, {Q_BAA}},
		{"not (baa and industry == 'finance')", SET_A, 1, {Q_BAA}},
		{"not not phi", SET_A, 1, {Q_PHI}},
		/* a false whole is explained the same way */
		{"phi and baa", SET_A, 1, {Q_BAA}},
		{"baa or later == false", SET_A, 2, {Q_BAA, Q_LATER}},
		/* unanswered and hidden questions are never witnesses */
		{"not baa", SET_N, 0, {0}},
		{"not answered(org_name) and count(services) == 0", SET_N, 0, {0}},
		{"not (phi or industry == 'finance') and later", SET_M, 1,
		 {Q_LATER}},
		{"not answered(industry) and later", SET_M, 1, {Q_LATER}},
		{"not phi", SET_H, 0, {0}},
		/* the questions a leaf reads */
		{"count(services) == 2", SET_A, 1, {Q_SERVICES}},
		{"count(services) == 0", SET_B, 1, {Q_SERVICES}},
		{"answered(org_name)", SET_A, 1, {Q_ORG}},
		{"org_name == industry", SET_A, 2, {Q_INDUSTRY, Q_ORG}},
		{"'support' in services", SET_A, 1, {Q_SERVICES}},
		/* constants rest on nothing */
		{"true", SET_A, 0, {0}},
		{"true or phi", SET_A, 0, {0}},
		{"1 < 2 and phi", SET_A, 1, {Q_PHI}},
		/* each question once */
		{"phi and phi and (later or phi)", SET_A, 2, {Q_PHI, Q_LATER}},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct sc_expr *e = compile_ok(rows[i].src, &full_scope);
		size_t nd = 0;
		sc_expr_deps(e, &nd);
		/* As much room as the deps need, and a guard beyond it. */
		size_t out[NQ + 1];
		for (size_t k = 0; k <= NQ; k++)
			out[k] = 777;
		size_t n = sc_expr_witnesses(e, lookup, &sets[rows[i].set], out);
		if (n != rows[i].n)
			fail_msg("\"%s\": %zu witnesses, want %zu", rows[i].src, n,
			         rows[i].n);
		for (size_t k = 0; k < n; k++)
			if (out[k] != rows[i].want[k])
				fail_msg("\"%s\": witness %zu is %zu, want %zu",
				         rows[i].src, k, out[k], rows[i].want[k]);
		assert_true(n <= nd);
		assert_int_equal(out[nd], 777);
		sc_expr_free(e);
	}
	assert_int_equal(sc_expr_witnesses(NULL, lookup, &sets[SET_A],
	                                   (size_t[1]){0}),
	                 0);
}

/* ---- Properties ------------------------------------------------------------ */

/* A small deterministic generator (xorshift), so failures reproduce. */
static uint64_t rng_state;

static uint32_t
rnd(uint32_t n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return n ? (uint32_t)(rng_state % n) : 0;
}

/* A random answer set: each question unanswered, hidden, or answered. */
static void
random_answers(struct answers *s, size_t *sel)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < NQ; i++) {
		uint32_t r = rnd(5);
		s->hidden[i] = r == 0;
		if (r == 1)
			continue; /* unanswered */
		struct sc_answer *a = &s->v[i];
		switch (questions[i].type) {
		case SC_Q_YESNO:
			if (questions[i].allow_unsure && rnd(3) == 0)
				a->type = SC_A_UNSURE;
			else
				*a = yes_no(rnd(2));
			break;
		case SC_Q_SINGLE:
			a->type = SC_A_CHOICE;
			a->choice = rnd(3);
			break;
		case SC_Q_MULTI:
			a->type = SC_A_CHOICES;
			a->sel = sel;
			a->nsel = 0;
			for (size_t c = 0; c < 3; c++)
				if (rnd(2))
					sel[a->nsel++] = c;
			break;
		case SC_Q_NUMBER:
			a->type = SC_A_NUMBER;
			a->num = (double)rnd(7) - 3;
			break;
		case SC_Q_TEXT:
			a->type = SC_A_TEXT;
			a->text = (char *)(rnd(2) ? "Acme" : "health");
			break;
		case SC_Q_DATE:
			a->type = SC_A_DATE;
			a->day = 20000 + (long)rnd(1000);
			break;
		}
	}
}

static const struct sc_answer *
visible(const struct answers *s, size_t q)
{
	if (s->hidden[q] || s->v[q].type == SC_A_NONE)
		return NULL;
	return &s->v[q];
}

static bool gen_or(struct sc_buf *b, const struct answers *s, int depth);

/* One operand of "and": a comparison, call, name or parenthesised
 * expression, written into b, with the value it must have on s worked out
 * independently of the compiler. */
static bool
gen_atom(struct sc_buf *b, const struct answers *s, int depth)
{
	static const char *const ops[] = {"==", "!=", "<", "<=", ">", ">="};
	const struct sc_answer *a;
	uint32_t k = rnd(depth > 0 ? 15 : 13);
	switch (k) {
	case 0: {
		bool v = rnd(2);
		sc_buf_puts(b, v ? "true" : "false");
		return v;
	}
	case 1:
		sc_buf_puts(b, rnd(2) ? "phi" : "(phi)");
		a = visible(s, Q_PHI);
		return a && a->type == SC_A_BOOL && a->b;
	case 2: {
		/* phi == true / false / "unsure", or != */
		uint32_t w = rnd(3), ne = rnd(2);
		sc_buf_printf(b, "phi %s %s", ne ? "!=" : "==",
		              w == 0 ? "true" : w == 1 ? "false" : "'unsure'");
		a = visible(s, Q_PHI);
		if (!a)
			return false;
		int t = a->type == SC_A_UNSURE ? 2 : a->b;
		int want = w == 0 ? 1 : w == 1 ? 0 : 2;
		return (t == want) != ne;
	}
	case 3: {
		uint32_t op = rnd(6);
		int lit = (int)rnd(9) - 4;
		bool swap = rnd(2);
		if (swap)
			sc_buf_printf(b, "%d %s employees", lit, ops[op]);
		else
			sc_buf_printf(b, "employees %s %d", ops[op], lit);
		a = visible(s, Q_EMPLOYEES);
		if (!a)
			return false;
		double l = swap ? lit : a->num, r = swap ? a->num : lit;
		switch (op) {
		case 0: return l == r;
		case 1: return l != r;
		case 2: return l < r;
		case 3: return l <= r;
		case 4: return l > r;
		default: return l >= r;
		}
	}
	case 4: {
		uint32_t c = rnd(3), ne = rnd(2);
		sc_buf_printf(b, "industry %s \"%s\"", ne ? "!=" : "==",
		              industry_choices[c].id);
		a = visible(s, Q_INDUSTRY);
		return a && ((a->choice == c) != ne);
	}
	case 5: {
		/* selected(services, ...) or "c" in services */
		uint32_t c1 = rnd(3), c2 = rnd(3);
		bool two = rnd(2);
		if (two)
			sc_buf_printf(b, "selected(services, '%s', '%s')",
			              service_choices[c1].id,
			              service_choices[c2].id);
		else
			sc_buf_printf(b, "'%s' in services",
			              service_choices[c1].id);
		a = visible(s, Q_SERVICES);
		if (!a)
			return false;
		for (size_t i = 0; i < a->nsel; i++)
			if (a->sel[i] == c1 || (two && a->sel[i] == c2))
				return true;
		return false;
	}
	case 6: {
		uint32_t q = rnd(NQ);
		sc_buf_printf(b, "answered(%s)", questions[q].id);
		return visible(s, q) != NULL;
	}
	case 7: {
		int n = (int)rnd(4);
		sc_buf_printf(b, "count(services) >= %d", n);
		a = visible(s, Q_SERVICES);
		return (int)(a ? a->nsel : 0) >= n;
	}
	case 8: {
		uint32_t c = rnd(3);
		sc_buf_printf(b, "industry in ['%s', \"%s\"]",
		              industry_choices[c].id,
		              industry_choices[(c + 1) % 3].id);
		a = visible(s, Q_INDUSTRY);
		return a && (a->choice == c || a->choice == (c + 1) % 3);
	}
	case 9: {
		bool ne = rnd(2);
		sc_buf_printf(b, "org_name %s industry", ne ? "!=" : "==");
		const struct sc_answer *t = visible(s, Q_ORG);
		a = visible(s, Q_INDUSTRY);
		if (!t || !a)
			return false;
		return (strcmp(t->text, industry_choices[a->choice].id) == 0) !=
		       ne;
	}
	case 10: {
		/* phi in a list of true, false and "unsure" */
		static const char *const lit[] = {"true", "false", "'unsure'"};
		uint32_t n = rnd(4);
		bool hit[3] = {false, false, false};
		sc_buf_puts(b, "phi in [");
		for (uint32_t i = 0; i < n; i++) {
			uint32_t w = rnd(3);
			hit[w] = true;
			sc_buf_printf(b, "%s%s", i ? ", " : "", lit[w]);
		}
		sc_buf_putc(b, ']');
		a = visible(s, Q_PHI);
		if (!a)
			return false;
		return a->type == SC_A_UNSURE ? hit[2] : a->b ? hit[0] : hit[1];
	}
	case 11: {
		int x = (int)rnd(7) - 3, y = (int)rnd(7) - 3;
		sc_buf_printf(b, "employees in [%d, %d.0]", x, y);
		a = visible(s, Q_EMPLOYEES);
		return a && (a->num == x || a->num == y);
	}
	case 12: {
		bool ne = rnd(2), acme = rnd(2);
		sc_buf_printf(b, "org_name %s %s", ne ? "!=" : "==",
		              acme ? "\"Acme\"" : "'health'");
		a = visible(s, Q_ORG);
		return a && ((strcmp(a->text, acme ? "Acme" : "health") == 0) !=
		             ne);
	}
	case 13: {
		/* Two conditions compared: both always have a value.  The
		 * "true and" keeps a bare yes/no name from standing for its
		 * answer, which would have no value when unanswered. */
		bool ne = rnd(2);
		sc_buf_puts(b, "(true and (");
		bool l = gen_or(b, s, depth - 1);
		sc_buf_printf(b, ")) %s (false or (", ne ? "!=" : "==");
		bool r = gen_or(b, s, depth - 1);
		sc_buf_puts(b, "))");
		return (l == r) != ne;
	}
	default: {
		sc_buf_putc(b, '(');
		bool v = gen_or(b, s, depth - 1);
		sc_buf_putc(b, ')');
		return v;
	}
	}
}

/* not-term := { "not" } atom */
static bool
gen_not(struct sc_buf *b, const struct answers *s, int depth)
{
	uint32_t nots = rnd(4) == 0 ? rnd(3) + 1 : 0;
	for (uint32_t i = 0; i < nots; i++)
		sc_buf_puts(b, "not ");
	bool v = gen_atom(b, s, depth);
	return nots % 2 ? !v : v;
}

/* Unparenthesised "or" of "and"s, so precedence is tested too. */
static bool
gen_or(struct sc_buf *b, const struct answers *s, int depth)
{
	bool any = false;
	uint32_t nor = rnd(3) + 1;
	for (uint32_t i = 0; i < nor; i++) {
		if (i)
			sc_buf_puts(b, rnd(2) ? " or " : "\tor\n");
		bool all = true;
		uint32_t nand = rnd(3) + 1;
		for (uint32_t j = 0; j < nand; j++) {
			if (j)
				sc_buf_puts(b, " and ");
			all = gen_not(b, s, depth) && all;
		}
		any = any || all;
	}
	return any;
}

static void
random_expressions_agree_with_a_reference(void **state)
{
	(void)state;
	rng_state = 0x9E3779B97F4A7C15ull;
	size_t sel[3];
	struct answers s;
	size_t compiled = 0;
	for (int i = 0; i < 4000; i++) {
		random_answers(&s, sel);
		struct sc_buf b = {0};
		bool want = gen_or(&b, &s, 3);
		if (b.len > SC_EXPR_MAX_LEN) {
			sc_buf_fini(&b);
			continue;
		}
		struct sc_expr_error err;
		struct sc_expr *e = sc_expr_compile(sc_buf_str(&b), &full_scope,
		                                    &err);
		if (!e)
			fail_msg("iteration %d: \"%s\" failed at column %d: %s",
			         i, sc_buf_str(&b), err.col, err.msg);
		bool got = sc_expr_eval(e, lookup, &s);
		if (got != want)
			fail_msg("iteration %d: \"%s\" gave %d, want %d", i,
			         sc_buf_str(&b), got, want);
		/* The witnesses are answered questions the expression reads,
		 * and they alone decide it: with every other answer hidden the
		 * value stays the same. */
		size_t wit[NQ], nd = 0;
		const size_t *deps = sc_expr_deps(e, &nd);
		size_t nw = sc_expr_witnesses(e, lookup, &s, wit);
		struct answers only = s;
		for (size_t q = 0; q < NQ; q++)
			only.hidden[q] = true;
		for (size_t k = 0; k < nw; k++) {
			assert_non_null(visible(&s, wit[k]));
			bool read = false;
			for (size_t d = 0; d < nd; d++)
				read |= deps[d] == wit[k];
			assert_true(read);
			if (k)
				assert_true(wit[k - 1] < wit[k]);
			only.hidden[wit[k]] = s.hidden[wit[k]];
		}
		if (sc_expr_eval(e, lookup, &only) != got)
			fail_msg("iteration %d: \"%s\" changes value when only "
			         "its %zu witnesses are answered", i,
			         sc_buf_str(&b), nw);
		sc_expr_free(e);
		sc_buf_fini(&b);
		compiled++;
	}
	assert_true(compiled > 3000);
}

/* Whatever the bytes, compiling either works or reports a column inside
 * the text (or just past it) with a message; nothing crashes or leaks. */
static void
check_garbage(const char *src, size_t len)
{
	struct sc_expr_error err;
	struct sc_expr *e = sc_expr_compile(src, &full_scope, &err);
	if (e) {
		for (int k = 0; k < NSETS; k++)
			(void)sc_expr_eval(e, lookup, &sets[k]);
		size_t n;
		const size_t *d = sc_expr_deps(e, &n);
		for (size_t k = 0; k < n; k++) {
			assert_true(d[k] < NQ);
			if (k)
				assert_true(d[k - 1] < d[k]);
		}
		sc_expr_free(e);
		return;
	}
	if (err.col < 1 || (size_t)err.col > len + 1 || err.msg[0] == '\0')
		fail_msg("\"%s\": column %d of %zu, message \"%s\"", src,
		         err.col, len, err.msg);
}

static void
random_bytes_never_crash(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"phi", "baa", "industry", "services", "employees", "org_name",
		"later", "foo", "and", "or", "not", "in", "true", "false",
		"==", "!=", "<", "<=", ">", ">=", "=", "!", "(", ")", "[", "]",
		",", "'", "\"", "\\", "'health'", "\"payroll\"", "'unsure'",
		"1", "-2", "3.5", "-", ".", "answered(", "selected(",
		"count(", " ", " ", "\t", "\n", "\xff", "\xc3\xa9", "@", "#",
	};
	const size_t npieces = sizeof pieces / sizeof pieces[0];
	rng_state = 0x2545F4914F6CDD1Dull;
	char raw[128];
	for (int i = 0; i < 30000; i++) {
		if (i % 3 == 0) {
			/* raw bytes, any but NUL */
			size_t n = rnd(sizeof raw);
			for (size_t k = 0; k < n; k++)
				raw[k] = (char)(rnd(255) + 1);
			raw[n] = '\0';
			check_garbage(raw, n);
			continue;
		}
		struct sc_buf b = {0};
		uint32_t n = rnd(24);
		for (uint32_t k = 0; k < n; k++) {
			sc_buf_puts(&b, pieces[rnd(npieces)]);
			if (rnd(2))
				sc_buf_putc(&b, ' ');
		}
		check_garbage(sc_buf_str(&b), b.len);
		sc_buf_fini(&b);
	}
}

/* Single edits of well-formed expressions: near misses are the inputs
 * people actually type. */
static void
mutated_expressions_never_crash(void **state)
{
	(void)state;
	static const char alphabet[] = "()[],'\"\\<>=! .-0123456789abnotrd_";
	rng_state = 0xD1B54A32D192ED03ull;
	size_t sel[3];
	struct answers s;
	for (int i = 0; i < 6000; i++) {
		random_answers(&s, sel);
		struct sc_buf b = {0};
		(void)gen_or(&b, &s, 2);
		char *src = sc_buf_steal(&b);
		size_t len = strlen(src);
		uint32_t edits = rnd(3) + 1;
		for (uint32_t k = 0; k < edits && len > 0; k++) {
			size_t at = rnd((uint32_t)len);
			switch (rnd(3)) {
			case 0: /* delete */
				memmove(src + at, src + at + 1, len - at);
				len--;
				break;
			case 1: /* replace */
				src[at] = alphabet[rnd(sizeof alphabet - 1)];
				break;
			default: /* cut the tail */
				src[at] = '\0';
				len = at;
				break;
			}
		}
		check_garbage(src, len);
		free(src);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(literals_and_operators),
		cmocka_unit_test(answers_of_each_type),
		cmocka_unit_test(unanswered_questions),
		cmocka_unit_test(null_lookup_result_and_a_null_lookup),
		cmocka_unit_test(evaluation_reads_through_the_lookup),
		cmocka_unit_test(ill_fitting_answers_are_no_answer),
		cmocka_unit_test(compile_errors),
		cmocka_unit_test(show_if_may_only_name_earlier_questions),
		cmocka_unit_test(depth_limit),
		cmocka_unit_test(length_limit),
		cmocka_unit_test(deps_are_distinct_and_ascending),
		cmocka_unit_test(witnesses_are_the_answers_that_decided),
		cmocka_unit_test(random_expressions_agree_with_a_reference),
		cmocka_unit_test(random_bytes_never_crash),
		cmocka_unit_test(mutated_expressions_never_crash),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
