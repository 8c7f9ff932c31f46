/* The questionnaire loader: the README's example loads and means what it
 * says; each class of invalid file is reported at its exact place; a file
 * with many problems has all of them reported in order; damaged input never
 * crashes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "socscope/expr.h"
#include "socscope/questionnaire.h"

#define FIXTURES "tests/fixtures/questionnaires/"

static struct sc_questionnaire *
load_fixture(const char *name, struct sc_diags *d, enum sc_status *st)
{
	char *full = sc_xasprintf("%s/" FIXTURES "%s", SC_SRCDIR, name);
	struct sc_questionnaire *q = sc_questionnaire_load_file(full, d, st);
	free(full);
	return q;
}

static void
print_diags(const struct sc_diags *d)
{
	struct sc_buf b = {0};
	sc_diags_format(d, &b);
	print_error("%s", sc_buf_str(&b));
	sc_buf_fini(&b);
}

/* The example at the end of the README, byte for byte in the fixture. */
static void
readme_example_is_the_fixture(void **state)
{
	(void)state;
	char *readme_path = th_src("questionnaires/README.md");
	char *fixture_path = th_src(FIXTURES "tiny.yaml");
	char *readme = th_read(readme_path, NULL);
	char *fixture = th_read(fixture_path, NULL);
	assert_non_null(readme);
	assert_non_null(fixture);
	const char *sec = strstr(readme, "## A complete small example");
	assert_non_null(sec);
	const char *start = strstr(sec, "```yaml\n");
	assert_non_null(start);
	start += strlen("```yaml\n");
	const char *end = strstr(start, "```");
	assert_non_null(end);
	char *example = sc_xstrndup(start, (size_t)(end - start));
	assert_string_equal(example, fixture);
	free(example);
	free(readme);
	free(fixture);
	free(readme_path);
	free(fixture_path);
}

static void
readme_example_loads_with_its_meaning(void **state)
{
	(void)state;
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_EIO;
	struct sc_questionnaire *q = load_fixture("tiny.yaml", &d, &st);
	if (!q)
		print_diags(&d);
	assert_non_null(q);
	assert_int_equal(st, SC_OK);
	assert_int_equal(d.n, 0);
	assert_non_null(strstr(q->file, "tiny.yaml"));
	assert_string_equal(q->id, "tiny");
	assert_string_equal(q->title, "A tiny questionnaire");
	assert_string_equal(q->version, "1.0");
	assert_string_equal(q->description, "Shows every part of the format.");

	assert_int_equal(q->nsections, 1);
	assert_string_equal(q->sections[0].id, "basics");
	assert_string_equal(q->sections[0].intro,
	                    "Two questions about your service.");
	assert_int_equal(q->sections[0].first, 0);
	assert_int_equal(q->sections[0].count, 4);
	assert_int_equal(q->sections[0].line, 9);

	assert_int_equal(q->nquestions, 4);
	const struct sc_question *services = sc_questionnaire_find(q, "services");
	assert_ptr_equal(services, &q->questions[0]);
	assert_int_equal(services->type, SC_Q_MULTI);
	assert_true(services->required);
	assert_int_equal(services->nchoices, 2);
	assert_string_equal(services->choices[1].label, "Host their systems");
	assert_null(services->choices[1].help);
	assert_int_equal(sc_question_find_choice(services, "hosting"), 1);
	assert_int_equal(sc_question_find_choice(services, "cloud"), -1);
	assert_int_equal(services->line, 13);
	assert_int_equal(services->col, 9);
	assert_null(services->show_if);

	const struct sc_question *sla = sc_questionnaire_find(q, "has_sla");
	assert_int_equal(sla->type, SC_Q_YESNO);
	assert_true(sla->allow_unsure);
	assert_false(sla->required);
	assert_int_equal(sla->index, 1);
	assert_int_equal(sla->section, 0);
	assert_string_equal(sla->show_if_src, "selected(services, \"hosting\")");
	assert_non_null(sla->show_if);
	assert_int_equal(sla->def.type, SC_A_NONE);

	const struct sc_question *needed = sc_questionnaire_find(q, "months_needed");
	assert_true(needed->has_min && needed->has_max);
	assert_true(needed->min == 0 && needed->max == 60);
	assert_int_equal(q->timeline.needed_in_months, 2);
	assert_int_equal(q->timeline.operating_months, 3);
	assert_null(sc_questionnaire_find(q, "nope"));

	assert_int_equal(q->nrules, 5);
	const struct sc_rule *r = &q->rules[0];
	assert_string_equal(r->id, "payroll_soc1");
	assert_non_null(r->when);
	assert_int_equal(r->recommend, 1u << SC_SOC1);
	assert_int_equal(r->ntypes, 1);
	assert_int_equal(r->types[0].report, SC_SOC1);
	assert_int_equal(r->types[0].type, SC_TYPE2);
	assert_int_equal(r->types[0].period_months, 12);
	assert_int_equal(r->types[0].weight, 0);
	r = &q->rules[2];
	assert_int_equal(r->recommend, 0);
	assert_int_equal(r->ntypes, 2);
	assert_int_equal(r->types[1].report, SC_SOC2);
	assert_int_equal(r->types[1].type, SC_TYPE1);
	assert_int_equal(r->types[1].period_months, 0);
	r = &q->rules[3];
	assert_int_equal(r->scope_in, 1u << SC_CAT_AVAILABILITY);
	r = &q->rules[4];
	assert_non_null(r->gap);
	assert_string_equal(r->gap->id, "confirm_sla");
	assert_int_equal(r->gap->ncriteria, 1);
	assert_string_equal(r->gap->criteria[0], "A1.1");
	assert_int_equal(r->gap->priority, SC_PRIO_MEDIUM);
	assert_true(r->gap->followup);

	/* The compiled expressions work: hosting selected shows has_sla. */
	size_t deps_n;
	const size_t *deps = sc_expr_deps(sla->show_if, &deps_n);
	assert_int_equal(deps_n, 1);
	assert_int_equal(deps[0], 0);

	sc_questionnaire_free(q);
	sc_diags_fini(&d);
}

static const struct sc_answer *
lookup_none(void *ud, size_t index)
{
	(void)ud;
	(void)index;
	return NULL;
}

/* Each timeline key points at the question it names. */
static void
timeline_keys_load(void **state)
{
	(void)state;
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_questionnaire *q = load_fixture("valid-timeline.yaml", &d, &st);
	if (!q)
		print_diags(&d);
	assert_non_null(q);
	const struct sc_timeline *t = &q->timeline;
	assert_int_equal(t->needed_in_months, 0);
	assert_int_equal(t->operating_months, 1);
	assert_int_equal(t->evidence_kept, 2);
	assert_int_equal(t->prior_period_end, 3);
	assert_int_equal(t->fiscal_year_end, 4);
	assert_int_equal(t->type2_demanded, 5);
	assert_int_equal(sc_month_find("jan"), 1);
	assert_int_equal(sc_month_find("dec"), 12);
	assert_int_equal(sc_month_find("varies"), 0);
	assert_int_equal(sc_month_find(NULL), 0);
	sc_questionnaire_free(q);
	sc_diags_fini(&d);
}

/* Every optional part of the format, read back. */
static void
all_features_load(void **state)
{
	(void)state;
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_questionnaire *q = load_fixture("valid-features.yaml", &d, &st);
	if (!q)
		print_diags(&d);
	assert_non_null(q);
	assert_string_equal(q->id, "all-features");
	assert_int_equal(q->timeline.needed_in_months, SIZE_MAX);
	assert_int_equal(q->timeline.operating_months, SIZE_MAX);
	assert_int_equal(q->timeline.evidence_kept, SIZE_MAX);
	assert_int_equal(q->timeline.prior_period_end, SIZE_MAX);
	assert_int_equal(q->timeline.fiscal_year_end, SIZE_MAX);
	assert_int_equal(q->timeline.type2_demanded, SIZE_MAX);
	assert_int_equal(q->nsections, 2);
	assert_int_equal(q->sections[1].first, 2);
	assert_int_equal(q->sections[1].count, 3);
	assert_null(q->sections[0].skipped_note);
	assert_string_equal(q->sections[1].skipped_note,
	                    "Nothing here applies without hosting.");
	assert_int_equal(q->client_question, 4); /* notes */

	const struct sc_question *qn = sc_questionnaire_find(q, "phi");
	assert_int_equal(qn->def.type, SC_A_UNSURE);
	qn = sc_questionnaire_find(q, "services");
	assert_int_equal(qn->def.type, SC_A_CHOICES);
	assert_int_equal(qn->def.nsel, 2);
	assert_int_equal(qn->def.sel[0], 0); /* sorted: payroll, hosting */
	assert_int_equal(qn->def.sel[1], 1);
	assert_string_equal(qn->choices[0].help, "Pay runs.");
	qn = sc_questionnaire_find(q, "industry");
	assert_int_equal(qn->def.type, SC_A_CHOICE);
	assert_int_equal(qn->def.choice, 1);
	assert_int_equal(qn->section, 1);
	qn = sc_questionnaire_find(q, "months");
	assert_int_equal(qn->def.type, SC_A_NUMBER);
	assert_true(qn->def.num == 12 && qn->min == -1.5 && qn->max == 24);
	qn = sc_questionnaire_find(q, "notes");
	assert_int_equal(qn->def.type, SC_A_TEXT);
	assert_string_equal(qn->def.text, "none yet");
	assert_int_equal(qn->max_length, 20);

	const struct sc_rule *r = &q->rules[0];
	assert_true(r->recommend_none);
	assert_int_equal(r->recommend, 0);
	/* Nothing answered: "not answered(services)" holds. */
	assert_true(sc_expr_eval(r->when, lookup_none, NULL));
	r = &q->rules[1];
	assert_int_equal(r->recommend,
	                 (1u << SC_SOC1) | (1u << SC_SOC2) | (1u << SC_SOC3));
	assert_int_equal(r->ntypes, 2);
	assert_int_equal(r->types[0].weight, 3);
	assert_int_equal(r->types[0].period_months, 6);
	assert_int_equal(r->types[1].weight, -2);
	assert_int_equal(r->scope_in,
	                 (1u << SC_CAT_AVAILABILITY) | (1u << SC_CAT_PRIVACY));
	assert_int_equal(r->scope_out, 1u << SC_CAT_PROCESSING_INTEGRITY);
	assert_int_equal(r->flags, (1u << SC_FW_HIPAA) | (1u << SC_FW_SUBSERVICE));
	assert_int_equal(r->gap->ncriteria, 2);
	assert_string_equal(r->gap->criteria[1], "SOC1:reconciliations");
	assert_int_equal(r->gap->priority, SC_PRIO_LOW);
	assert_true(r->gap->followup);
	assert_string_equal(r->readiness_item, "mfa");
	assert_int_equal(r->readiness, SC_READY_PARTIAL);
	assert_string_equal(r->next_step, "Talk to an auditor.");
	assert_false(sc_expr_eval(r->when, lookup_none, NULL));
	sc_questionnaire_free(q);
	sc_diags_fini(&d);
}

/* ---- one fixture per class of invalid file ------------------------------- */

struct want {
	int line, col;
	const char *msg; /* substring */
};

#define MAX_WANT 16

struct invalid_case {
	const char *file;
	enum sc_status st;
	struct want want[MAX_WANT]; /* in order; exactly these */
};

#define CRIT_MSG "is not one of the 61 Trust Services Criteria of 2017 nor a " \
                 "SOC1:<short-name> objective"

static const struct invalid_case invalid_cases[] = {
	{"invalid-yaml-syntax.yaml", SC_EDATA, {
		{7, 1, "YAML syntax error: did not find expected ',' or '}' (while "
		       "parsing a flow mapping that starts at line 6, column 3)"},
	}},
	{"invalid-empty.yaml", SC_EDATA, {
		{0, 0, "the file is empty"},
	}},
	{"invalid-not-mapping.yaml", SC_EDATA, {
		{1, 1, "a questionnaire must be a mapping, found a list"},
	}},
	{"invalid-alias.yaml", SC_EDATA, {
		{9, 9, "YAML aliases and anchors are not allowed"},
	}},
	{"invalid-unknown-keys.yaml", SC_EDATA, {
		{5, 1, "unknown key \"author\" in the questionnaire; expected one "
		       "of: id, title, version, description, client_question, "
		       "timeline, sections, rules"},
		{10, 5, "unknown key \"summary\" in section \"basics\"; expected "
		        "one of: id, title, intro, skipped_note, questions"},
		{16, 9, "unknown key \"hint\" in question \"services\"; expected "
		        "one of: id, type, text, help, required, show_if, default, "
		        "unsure, choices, min, max, max_length"},
		{18, 43, "unknown key \"note\" in choice \"payroll\" of question "
		         "\"services\"; expected one of: id, label, short, help"},
		{24, 5, "unknown key \"priority\" in rule \"payroll\"; expected "
		        "one of: id, when, because, recommend, type, scope, "
		        "scope_out, flag, gap, readiness, next_step"},
	}},
	{"invalid-missing-keys.yaml", SC_EDATA, {
		{1, 1, "the questionnaire has no \"title\""},
		{5, 5, "section \"basics\" has no \"title\""},
		{7, 9, "question \"services\" has no \"text\""},
		{11, 13, "choice \"payroll\" of question \"services\" has no "
		         "\"label\""},
		{12, 9, "question \"q2\" has no \"type\""},
		{16, 5, "rule \"payroll\" has no \"when\""},
	}},
	{"invalid-value-types.yaml", SC_EDATA, {
		{2, 8, "\"title\" must be text, found a list"},
		{13, 19, "\"required\" must be true or false, found text"},
		{14, 17, "\"unsure\" must be true or false, found 1"},
		{19, 14, "\"min\" must be a number, found text"},
		{20, 14, "\"max\" must be a number, found a list"},
		{25, 21, "\"max_length\" must be a whole number, found 2.5"},
		{28, 14, "\"text\" must not be empty"},
		{29, 15, "\"help\" must be text, found a mapping"},
		{30, 18, "\"show_if\" must be an expression, found a list"},
		{31, 8, "\"rules\" must be a list, found a mapping"},
	}},
	{"invalid-ids.yaml", SC_EDATA, {
		{1, 5, "invalid questionnaire id \"Bad Id\": ids are 1 to 64 "
		       "characters: a lower-case letter, then lower-case letters, "
		       "digits, \"-\" and \"_\""},
		{6, 9, "invalid section id \"1basics\""},
		{9, 13, "invalid question id \"Services\""},
		{14, 18, "invalid choice id \"pay-roll\""},
		{15, 13, "invalid question id \"this_id_is_far_too_long"},
		{19, 13, "question id \"and\" is a word of the expression language"},
		{24, 9, "invalid rule id \"r-1\""},
	}},
	{"invalid-duplicate-ids.yaml", SC_EDATA, {
		{15, 18, "duplicate choice id \"x\" in question \"a\" (first at "
		         "line 14)"},
		{16, 9, "duplicate section id \"basics\" (first at line 6)"},
		{19, 13, "duplicate question id \"a\" (first at line 9)"},
		{28, 9, "duplicate rule id \"r\" (first at line 24)"},
	}},
	{"invalid-typed-keys.yaml", SC_EDATA, {
		{13, 9, "\"choices\" is only for single and multi questions; "
		        "question \"a\" is a yesno question"},
		{19, 9, "\"unsure\" is only for yesno questions"},
		{20, 9, "\"max_length\" is only for text questions"},
		{25, 9, "\"min\" is only for number and date questions; question "
		        "\"t\" is a text question"},
		{30, 9, "\"max\" is only for number and date questions"},
		{34, 15, "unknown question type \"maybe\"; expected one of: yesno, "
		         "single, multi, number, text, date"},
	}},
	{"invalid-choices.yaml", SC_EDATA, {
		{9, 9, "question \"none_given\" has no \"choices\""},
		{17, 18, "question \"empty\" has no choices"},
		{22, 18, "\"choices\" must be a list, found text"},
		{28, 13, "a choice must be a mapping {id, label}, found text"},
	}},
	{"invalid-too-many-choices.yaml", SC_EDATA, {
		{14, 11, "question \"big\" has 201 choices: at most 200 are "
		         "allowed"},
	}},
	{"invalid-min-max.yaml", SC_EDATA, {
		{13, 14, "\"min\" (100) is greater than \"max\" (10)"},
		{25, 21, "\"max_length\" must be 1 to 65536, found 0"},
	}},
	{"invalid-defaults.yaml", SC_EDATA, {
		{13, 18, "\"default\" of question \"yn\" must be true or false, "
		         "found text"},
		{18, 18, "default \"unsure\" needs \"unsure: true\""},
		{23, 18, "default \"cloud\" is not a choice of question \"one\"; "
		         "its choices are: payroll, hosting"},
		{31, 28, "default \"cloud\" is not a choice of question \"many\""},
		{31, 35, "choice \"hosting\" is listed twice in \"default\""},
		{39, 18, "\"default\" of question \"many_scalar\" must be a list of "
		         "choice ids, found text"},
		{48, 18, "default 70 is above \"max\" (60)"},
		{53, 18, "\"default\" of question \"num_text\" must be a number, "
		         "found text"},
		{59, 18, "default is longer than the question allows (3 "
		         "characters)"},
	}},
	{"invalid-criteria.yaml", SC_EDATA, {
		{20, 25, "\"CC9.9\" " CRIT_MSG},
		{20, 32, "\"C1.3\" " CRIT_MSG},
		{20, 38, "\"P1.2\" " CRIT_MSG},
		{20, 44, "\"SOC1:Bad\" " CRIT_MSG},
		{29, 17, "\"criteria\" must be a list of criteria ids, found text"},
	}},
	{"invalid-vocabulary.yaml", SC_EDATA, {
		{17, 23, "unknown report \"soc4\"; expected one of: soc1, soc2, soc3"},
		{18, 23, "unknown category \"integrity\"; expected one of: "
		         "security, availability, processing_integrity, "
		         "confidentiality, privacy"},
		{19, 16, "unknown category \"avail\""},
		{20, 19, "unknown framework \"nist\"; expected one of: hipaa, "
		         "pci_dss, sox, gdpr, ccpa, iso27001, subservice, ferpa, "
		         "coppa, glba"},
		{24, 17, "\"none\" cannot be listed with reports"},
		{25, 20, "unknown report \"soc5\""},
		{25, 32, "unknown report type \"type3\"; expected one of: type1, "
		         "type2"},
		{26, 57, "unknown priority \"urgent\"; expected one of: high, "
		         "medium, low"},
		{26, 84, "\"kind\" must be gap or followup, found \"maybe\""},
		{27, 36, "unknown status \"done\"; expected one of: in_place, "
		         "partial, missing, unknown"},
	}},
	{"invalid-outcomes.yaml", SC_EDATA, {
		{7, 10, "duplicate outcome id \"accept\" (first at line 6)"},
		{8, 10, "invalid outcome id \"Escalate\""},
		{9, 64, "\"exclusive\" must be true or false"},
		{26, 14, "unknown outcome \"reject\"; expected one of: accept, "
		         "worse"},
		{30, 14, "\"outcome\" must be the id of one of the "
		         "questionnaire's outcomes, found a list"},
	}},
	/* criteria_shown: expressions on the answers, soc1 and tsc only. */
	{"invalid-criteria-shown.yaml", SC_EDATA, {
		{6, 28, "unknown question \"nobody\""},
		{7, 8, "\"tsc\" of criteria_shown must be an expression, "
		       "found a list"},
		{8, 3, "unknown key \"other\" in \"criteria_shown\"; expected "
		       "one of: soc1, tsc"},
	}},
	{"invalid-outcome-no-list.yaml", SC_EDATA, {
		{17, 14, "rule \"lonely\" proposes the outcome \"accept\", but "
		         "the questionnaire has no \"outcomes\" list"},
	}},
	/* The scope: the boundary's lines name questions, the effects are
	 * texts or lists of texts, and their placeholders are checked too. */
	{"invalid-scope.yaml", SC_EDATA, {
		{7, 16, "\"question\" names \"nobody\", which is not a question"},
		{8, 5, "a line of the system boundary must be a mapping"},
		{21, 11, "\"cuec\" must be text or a list of texts, found a "
		         "mapping"},
		{25, 16, "\"objective\" is an empty list"},
		{31, 20, "\"{{nobody}}\" names no question"},
		{35, 20, "\"boundary_note\" must not be empty"},
	}},
	/* A placeholder on one line is pointed at exactly; in a folded
	 * block, the block's indicator. */
	{"invalid-placeholders.yaml", SC_EDATA, {
		{9, 16, "\"question\" names \"nobody\", which is not a question"},
		{10, 22, "\"after\" must name a date question; \"name\" is a "
		         "text question"},
		{22, 34, "\"{{nobody}}\" names no question"},
		{27, 21, "\"{{\" is not closed by \"}}\""},
		{36, 15, "\"{{Name}}\" names no question"},
	}},
	{"invalid-no-effect.yaml", SC_EDATA, {
		{14, 5, "rule \"idle\" has no effect; give it at least one of: "
		        "recommend, type, scope, scope_out, flag, gap, readiness, "
		        "next_step, outcome"},
	}},
	{"invalid-period.yaml", SC_EDATA, {
		{18, 52, "\"period_months\" must be 1 to 24, found 0"},
		{19, 52, "\"period_months\" must be 1 to 24, found 36"},
		{20, 37, "\"period_months\" is for Type II only"},
		{21, 45, "\"weight\" must be a whole number, found text"},
		{22, 9, "the type of rule \"r\" has no \"type\""},
		{23, 18, "a SOC 3 has no type of its own: it summarizes the SOC 2 "
		         "Type II over the same period, so propose a type for "
		         "soc2"},
	}},
	{"invalid-timeline.yaml", SC_EDATA, {
		{6, 21, "\"needed_in_months\" must name a number question; "
		        "\"org_name\" is a text question"},
		{7, 21, "\"operating_months\" names \"months_missing\", which is "
		        "not a question"},
		{8, 3, "unknown key \"started\" in \"timeline\"; expected one of: "
		       "deadline, needed_in_months, operating_months, "
		       "evidence_kept, prior_period_end, prior_soc1_period_end, "
		       "prior_soc2_period_end, prior_reports, fiscal_year_end, "
		       "type2_demanded, deadline_reports, deadline_other, "
		       "fiscal_year_covered, deadline_requester, team_size, "
		       "waiting"},
	}},
	{"invalid-timeline-keys.yaml", SC_EDATA, {
		{6, 18, "\"evidence_kept\" must name a yesno question; \"months\" "
		        "is a number question"},
		{7, 21, "\"prior_period_end\" must name a number or date "
		        "question; \"kept\" is a yesno question"},
		{8, 20, "\"fiscal_year_end\" must name a single question whose "
		        "choices include the months jan ... dec; \"year_end\" has "
		        "no choice sep, dec"},
		{9, 19, "\"type2_demanded\" must be the id of a yesno question, "
		        "found a list"},
	}},
	{"invalid-migration-ids.yaml", SC_EDATA, {
		/* 1.0 -> 2.0 */
		{31, 5, "\"added\" names question \"activites\", which version "
		        "3.0 of this questionnaire does not have"},
		{37, 11, "a value's new answer names question \"activity\", "
		         "which version 3.0 of this questionnaire does not have"},
		{38, 9, "\"also\" names question \"has_dealine\", which version "
		        "3.0 of this questionnaire does not have"},
		{40, 9, "question \"sla\" is neither renamed nor retired, so "
		        "version 3.0 of this questionnaire must have it, and it "
		        "does not"},
		{42, 9, "\"note_on\" names question \"coments\", which version "
		        "3.0 of this questionnaire does not have"},
		/* 2.0 -> 3.0 */
		{48, 9, "\"rename\" names question \"dedline\", which version "
		        "3.0 of this questionnaire does not have"},
		{51, 9, "\"copy\" names question \"prior_end\", which version "
		        "3.0 of this questionnaire does not have"},
		{56, 18, "\"pay_roll\" is not an answer question \"services\" "
		         "(multi) can take"},
		{57, 9, "\"due_date\" is renamed to \"deadline\" as "
		        "\"prior_months_ago\" is (at line 51); one question "
		        "cannot take both answers"},
	}},
	{"invalid-timeline-fye-type.yaml", SC_EDATA, {
		{6, 20, "\"fiscal_year_end\" must name a single or date "
		        "question; \"months\" is a multi question"},
		{7, 19, "\"type2_demanded\" names \"nowhere\", which is not a "
		        "question"},
	}},
	{"invalid-client-question.yaml", SC_EDATA, {
		{5, 18, "\"client_question\" must name a text question; "
		        "\"months\" is a number question"},
		{9, 19, "\"skipped_note\" must not be empty"},
	}},
	{"invalid-client-question-missing.yaml", SC_EDATA, {
		{5, 18, "\"client_question\" names \"org\", which is not a "
		        "question"},
		{16, 19, "\"skipped_note\" must be text or a list of variants, "
		         "found a mapping"},
	}},
	/* skipped_note as variants: each a mapping with text, only the last
	 * without a condition, naming only questions asked before it. */
	{"invalid-skipped-note.yaml", SC_EDATA, {
		{16, 9, "only the last skipped_note variant may go without "
		        "\"when\""},
		{19, 9, "a skipped_note variant must be a mapping with \"text\" "
		        "and \"when\", found text"},
		{20, 15, "question \"has_baa\" is not asked before section "
		         "\"health_data\" (a skipped_note may only name earlier "
		         "questions)"},
		{22, 9, "a skipped_note variant has no \"text\""},
		{31, 19, "\"skipped_note\" is an empty list"},
	}},
	/* Expression errors: the compiler's column mapped into the file. */
	{"invalid-expr-unknown-question.yaml", SC_EDATA, {
		{22, 45, "has_phi"},
	}},
	{"invalid-expr-later-question.yaml", SC_EDATA, {
		{24, 27, "later"},
	}},
	{"invalid-expr-type-mismatch.yaml", SC_EDATA, {
		{22, 21, "compare"},
	}},
	{"invalid-expr-unknown-choice.yaml", SC_EDATA, {
		{22, 31, "payrol"},
	}},
	{"invalid-expr-unclosed-paren.yaml", SC_EDATA, {
		{22, 60, "\")\" expected (to close \"(\" at column 11)"},
	}},
	{"invalid-expr-block-scalar.yaml", SC_EDATA, {
		{22, 11, "numbers"},
	}},
	/* Many problems in one file: all of them, in file order. */
	{"invalid-many.yaml", SC_EDATA, {
		{1, 5, "invalid questionnaire id \"Many\""},
		{5, 1, "unknown key \"colour\" in the questionnaire"},
		{7, 21, "\"needed_in_months\" must name a number question; \"name\" "
		        "is a text question"},
		{16, 19, "\"required\" must be true or false, found text"},
		{23, 18, "duplicate choice id \"payroll\" in question \"services\" "
		         "(first at line 22)"},
		{28, 14, "\"min\" (50) is greater than \"max\" (5)"},
		{30, 34, "numbers"},
		{31, 13, "duplicate question id \"name\" (first at line 12)"},
		{37, 16, "section \"empty\" has no questions"},
		{40, 44, "end"},
		{42, 16, "unknown report \"soc4\"; expected one of: soc1, soc2, "
		         "soc3, none"},
		{43, 5, "rule \"idle\" has no effect"},
		{49, 39, "\"CC9.9\" " CRIT_MSG},
		{50, 39, "\"period_months\" is for Type II only"},
	}},
};

static void
each_invalid_file_is_reported_where_it_is_wrong(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof invalid_cases / sizeof invalid_cases[0];
	     i++) {
		const struct invalid_case *c = &invalid_cases[i];
		struct sc_diags d;
		sc_diags_init(&d);
		enum sc_status st = SC_OK;
		struct sc_questionnaire *q = load_fixture(c->file, &d, &st);
		size_t nwant = 0;
		while (nwant < MAX_WANT && c->want[nwant].msg)
			nwant++;
		bool same = d.n == nwant;
		for (size_t k = 0; same && k < nwant; k++)
			same = d.v[k].line == c->want[k].line &&
			       d.v[k].col == c->want[k].col &&
			       strstr(d.v[k].msg, c->want[k].msg) != NULL;
		if (!same) {
			print_error("%s: expected %zu problems, got:\n", c->file,
			            nwant);
			print_diags(&d);
		}
		assert_null(q);
		assert_int_equal(st, c->st);
		assert_true(same);
		for (size_t k = 0; k < d.n; k++)
			assert_non_null(strstr(d.v[k].file, c->file));
		sc_diags_fini(&d);
	}
}

static void
missing_file_is_no_input(void **state)
{
	(void)state;
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	struct sc_questionnaire *q =
	        sc_questionnaire_load_file("/nonexistent/q.yaml", &d, &st);
	assert_null(q);
	assert_int_equal(st, SC_ENOINPUT);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].file, "/nonexistent/q.yaml");
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].msg, "cannot open: No such file or directory");
	sc_diags_fini(&d);
}

/* Diagnostics already in the caller's list stay first and untouched. */
static void
diagnostics_are_appended(void **state)
{
	(void)state;
	struct sc_diags d;
	sc_diags_init(&d);
	sc_diags_add(&d, "other.yaml", 99, 1, "earlier problem");
	const char *y = "id: x\n";
	enum sc_status st;
	assert_null(sc_questionnaire_load_buffer("b.yaml", y, strlen(y), &d, &st));
	assert_int_equal(st, SC_EDATA);
	assert_true(d.n > 1);
	assert_string_equal(d.v[0].file, "other.yaml");
	assert_string_equal(d.v[1].file, "b.yaml");
	assert_string_equal(d.v[1].msg, "the questionnaire has no \"title\"");
	sc_diags_fini(&d);
}

/* Text from the file shown in a message can neither break the
 * FILE:LINE:COL format nor drive the terminal, and long text is cut. */
static void
file_text_in_messages_is_escaped(void **state)
{
	(void)state;
	struct sc_buf y = {0};
	sc_buf_puts(&y, "id: \"x\\e[2J\"\ntitle: T\nversion: \"1\"\n"
	                "description: D.\nsections:\n  - id: s\n    title: S\n"
	                "    questions:\n      - id: a\n        type: yesno\n"
	                "        text: A?\n        help: H.\n"
	                "rules:\n  - id: r\n    when: a\n    because: B.\n"
	                "    recommend: \"soc\\nfake.yaml:1:1: ");
	for (int i = 0; i < 2000; i++)
		sc_buf_putc(&y, 'x');
	sc_buf_puts(&y, "\"\n");
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	assert_null(sc_questionnaire_load_buffer("e.yaml", y.data, y.len, &d, &st));
	assert_int_equal(d.n, 2);
	assert_int_equal(d.v[0].line, 1);
	assert_non_null(strstr(d.v[0].msg, "\"x\\x1B[2J\""));
	assert_int_equal(d.v[1].line, 17);
	assert_non_null(strstr(d.v[1].msg, "unknown report \"soc\\nfake.yaml"));
	for (size_t i = 0; i < d.n; i++) {
		assert_null(strchr(d.v[i].msg, '\n'));
		assert_null(strchr(d.v[i].msg, '\x1b'));
		assert_true(strlen(d.v[i].msg) < 300);
	}
	sc_diags_fini(&d);
	sc_buf_fini(&y);
}

/* Other modules' tests build questionnaires by hand, without an index. */
static void
find_works_without_an_index(void **state)
{
	(void)state;
	struct sc_choice choices[] = {{"a", "A", NULL, NULL}, {NULL, "?", NULL, NULL},
	                              {"b", "B", NULL, NULL}};
	struct sc_question qs[3];
	memset(qs, 0, sizeof qs);
	qs[0].id = "first";
	qs[1].id = NULL;
	qs[2].id = "third";
	qs[2].choices = choices;
	qs[2].nchoices = 3;
	struct sc_questionnaire q;
	memset(&q, 0, sizeof q);
	q.questions = qs;
	q.nquestions = 3;
	assert_ptr_equal(sc_questionnaire_find(&q, "third"), &qs[2]);
	assert_ptr_equal(sc_questionnaire_find(&q, "first"), &qs[0]);
	assert_null(sc_questionnaire_find(&q, "second"));
	assert_null(sc_questionnaire_find(&q, NULL));
	assert_null(sc_questionnaire_find(NULL, "first"));
	assert_int_equal(sc_question_find_choice(&qs[2], "b"), 2);
	assert_int_equal(sc_question_find_choice(&qs[2], "c"), -1);
	assert_int_equal(sc_question_find_choice(&qs[0], "a"), -1);
	sc_questionnaire_free(NULL);
	assert_string_equal(sc_qtype_id_str(SC_Q_NUMBER), "number");
	assert_int_equal(sc_qtype_find("multi"), SC_Q_MULTI);
	assert_int_equal(sc_qtype_find("Multi"), -1);
}

/* A questionnaire big enough that a quadratic step would show: 3000
 * questions, each found through the index. */
static void
large_questionnaire_is_indexed(void **state)
{
	(void)state;
	struct sc_buf y = {0};
	sc_buf_puts(&y, "id: big\ntitle: Big\nversion: \"1\"\ndescription: D.\n"
	                "sections:\n  - id: s\n    title: S\n    questions:\n");
	for (int i = 0; i < 3000; i++)
		sc_buf_printf(&y,
		              "      - id: q%d\n        type: yesno\n"
		              "        text: Q%d?\n        help: H.\n%s",
		              i, i,
		              i ? "        show_if: answered(q0)\n" : "");
	sc_buf_puts(&y, "rules:\n");
	for (int i = 0; i < 3000; i += 3)
		sc_buf_printf(&y,
		              "  - id: r%d\n    when: q%d and not q%d\n"
		              "    because: B.\n    scope: security\n",
		              i, i, 2999 - i);
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_questionnaire *q =
	        sc_questionnaire_load_buffer("big.yaml", y.data, y.len, &d, &st);
	if (!q)
		print_diags(&d);
	assert_non_null(q);
	assert_int_equal(q->nquestions, 3000);
	assert_int_equal(q->nrules, 1000);
	for (int i = 0; i < 3000; i++) {
		char id[16];
		snprintf(id, sizeof id, "q%d", i);
		const struct sc_question *qn = sc_questionnaire_find(q, id);
		assert_non_null(qn);
		assert_int_equal(qn->index, (size_t)i);
	}
	assert_null(sc_questionnaire_find(q, "q3000"));
	sc_questionnaire_free(q);
	sc_diags_fini(&d);
	sc_buf_fini(&y);
}

/* Every prefix of the example and deterministic byte flips: the loader
 * returns cleanly, with diagnostics exactly when it refuses. */
static void
damaged_files_never_crash(void **state)
{
	(void)state;
	char *path = th_src(FIXTURES "valid-features.yaml");
	size_t len;
	char *text = th_read(path, &len);
	assert_non_null(text);
	char *buf = sc_xmalloc(len + 1);
	uint32_t seed = 20261123;
	for (size_t round = 0; round < len + 3000; round++) {
		size_t n = len;
		memcpy(buf, text, len);
		if (round < len) {
			n = round;
		} else {
			for (int k = 0; k < 1 + (int)(round % 3); k++) {
				seed = seed * 1103515245u + 12345u;
				size_t at = (seed >> 8) % len;
				seed = seed * 1103515245u + 12345u;
				buf[at] = (char)(seed >> 16);
			}
		}
		struct sc_diags d;
		sc_diags_init(&d);
		enum sc_status st = SC_EIO;
		struct sc_questionnaire *q =
		        sc_questionnaire_load_buffer("damaged.yaml", buf, n, &d, &st);
		if (q) {
			assert_int_equal(st, SC_OK);
			assert_int_equal(d.n, 0);
		} else {
			assert_int_equal(st, SC_EDATA);
			assert_true(d.n >= 1);
		}
		sc_questionnaire_free(q);
		sc_diags_fini(&d);
	}
	free(buf);
	free(text);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(readme_example_is_the_fixture),
		cmocka_unit_test(readme_example_loads_with_its_meaning),
		cmocka_unit_test(all_features_load),
		cmocka_unit_test(timeline_keys_load),
		cmocka_unit_test(each_invalid_file_is_reported_where_it_is_wrong),
		cmocka_unit_test(missing_file_is_no_input),
		cmocka_unit_test(diagnostics_are_appended),
		cmocka_unit_test(file_text_in_messages_is_escaped),
		cmocka_unit_test(find_works_without_an_index),
		cmocka_unit_test(large_questionnaire_is_indexed),
		cmocka_unit_test(damaged_files_never_crash),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
