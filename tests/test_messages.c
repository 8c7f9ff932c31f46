/* Every message of the bundled questionnaire says only what the answers
 * bear out.
 *
 * The interview and the results speak to the user in sentences written
 * beforehand: a section's skipped_note, a rule's because, next_step and
 * gap advice.  Each is said under a condition (a note's `when`, a rule's
 * `when`), and a sentence that names an answer ("you said your customers
 * are individual people only", "your contracts promise service levels")
 * is wrong wherever its condition can hold without that answer.  This
 * walks many thousands of answer sets of the questionnaire (a fixed seed,
 * every kind of answer, unanswered questions too), and for each one:
 *
 *  - every section passed over is explained by a note that rests on given
 *    answers (a variant whose `when` holds on answered questions) or by the
 *    default sentence, which names only the questions that hid it;
 *  - every sentence said, note or rule, that contains one of the phrases
 *    below meets the phrase's claim, an expression over the answers: "you
 *    said you hold nothing of your customers'" needs activities to be
 *    "none of these", and so on;
 *  - every rule that fired rests on at least one given answer (unless its
 *    `when` is a constant).
 *
 * The walk must reach every skip-note variant and every rule that gives
 * advice (a gap or a next step), so none goes unchecked.
 *
 * SOCSCOPE_MESSAGES_QUESTIONNAIRE=FILE runs the same walk on another copy
 * of the questionnaire (an older one, to see what it said); claims naming
 * choices that copy lacks are then left out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "socscope/answers.h"
#include "socscope/date.h"
#include "socscope/engine.h"
#include "socscope/expr.h"
#include "socscope/questionnaire.h"
#include "socscope/session.h"

#define QFILE SC_SRCDIR "/questionnaires/soc-scoping.yaml"
/* Answer sets walked: enough to reach every rule with advice, with room to
 * spare (SOCSCOPE_MESSAGES_WALKS may ask for more). */
#define WALKS 12000
/* Failures shown before the test stops listing them. */
#define SHOW_MAX 12

/* "None of these" alone, and any other answer to what is done for
 * customers; written without naming the other choices, so that the claims
 * read the same in every version of the questionnaire. */
#define NOTHING_HELD "(selected(activities, \"none\") and " \
                     "count(activities) == 1)"
#define SERVICE_ORG "(count(activities) > 0 and not " NOTHING_HELD ")"
#define NOBODY_ASKS "security_reviews in [\"own_only\", \"no\"] and " \
                    "contract_report in [\"none\", \"dont_know\"] and " \
                    "not (auditors_ask in [\"yes\", \"soc1\"])"

/* A phrase (lower case) and what it claims of the answers.  "false" marks
 * a phrase no answer can bear out. */
struct claim {
	const char *phrase;
	const char *holds;
};

static const struct claim claims[] = {
	/* Skip notes. */
	{"you said your customers are individual people only",
	 "selected(customers, \"consumers\") and not selected(customers, "
	 "\"businesses\", \"public_companies\", \"government\")"},
	{"you said you hold nothing of your customers'", NOTHING_HELD},
	{"you said you keep nothing for your customers as a service",
	 NOTHING_HELD},
	{"you keep nothing for your customers as a service", NOTHING_HELD},
	{"you said you do none of these", NOTHING_HELD},
	{"you hold nothing of theirs", NOTHING_HELD},
	{"with nothing of your customers' held or run", NOTHING_HELD},
	{"customers ask how you protect their data",
	 "security_reviews == \"vendor_risk\""},
	{"nobody asks how you protect a service you provide",
	 "security_reviews in [\"own_only\", \"no\"]"},
	{"no contract requires a soc report", "contract_report == \"none\""},
	{"you know of no contract", "contract_report == \"dont_know\""},
	{"nobody has asked you for a report", NOBODY_ASKS},
	{"nobody is asking you for a soc report", NOBODY_ASKS},
	{"nobody needs a soc report from you",
	 "not (contract_report in [\"soc1\", \"soc2\", \"both\", "
	 "\"unspecified\"] or (" SERVICE_ORG " and "
	 "(security_reviews == \"vendor_risk\" or public_assurance)) or "
	 "auditors_ask == \"soc1\" or (misstatement_risk == \"yes\" and "
	 "(auditors_ask in [\"yes\", \"dont_know\"] or sox_clients == \"yes\" "
	 "or selected(customers, \"public_companies\"))))"},
	{"you want one to show publicly", "public_assurance"},
	{"you want to show assurance publicly", "public_assurance"},
	{"you do not want a report of your own",
	 "answered(public_assurance) and not public_assurance"},
	{"your clients' auditors asked about your controls",
	 "auditors_ask in [\"yes\", \"soc1\"]"},
	{"you said your service does not change",
	 "misstatement_risk == \"no\""},
	{"you do not know yet whether your service",
	 "misstatement_risk == \"dont_know\""},
	/* Who asks, and for what. */
	{"send you security questionnaires", "false"},
	{"customers, partners or prospects ask how you protect",
	 "security_reviews == \"vendor_risk\""},
	{"the security questions you receive are about your own business",
	 "security_reviews == \"own_only\""},
	{"a contract or a written demand requires a soc 1",
	 "contract_report in [\"soc1\", \"both\"]"},
	{"a contract or a written demand requires a soc 2",
	 "contract_report in [\"soc2\", \"both\"]"},
	{"a contract requires a soc report without naming it",
	 "contract_report == \"unspecified\""},
	{"a contract asks for a soc report although",
	 "contract_report in [\"soc1\", \"soc2\", \"both\", \"unspecified\"] "
	 "and " NOTHING_HELD},
	{"someone requires a type ii", "type2_demanded"},
	{"your deadline comes before", "has_deadline and answered(deadline)"},
	/* The financial statements. */
	{"asked for a soc 1 report by name", "auditors_ask == \"soc1\""},
	{"their financial auditors are asking",
	 "auditors_ask in [\"yes\", \"soc1\"]"},
	{"no client's auditor has asked", "auditors_ask == \"no\""},
	{"until a client's auditor asks", "auditors_ask == \"no\""},
	{"those statements are not audited",
	 "auditors_ask == \"not_audited\""},
	{"an error in your service would change",
	 "misstatement_risk == \"yes\""},
	{"your service can change what lands", "misstatement_risk == \"yes\""},
	{"your service can affect clients' financial statements",
	 "misstatement_risk == \"yes\""},
	{"your service can change clients' books",
	 "misstatement_risk == \"yes\""},
	{"your customers include companies listed",
	 "selected(customers, \"public_companies\")"},
	{"public-company clients must assess", "sox_clients == \"yes\""},
	{"your public-company clients",
	 "sox_clients == \"yes\" or selected(customers, \"public_companies\")"},
	/* What was promised. */
	{"your contracts promise service levels",
	 "selected(uptime_commitment, \"sla\")"},
	{"your public status page", "selected(uptime_commitment, \"status_page\")"},
	{"your customers cannot do their work",
	 "selected(uptime_commitment, \"critical\")"},
	{"you promise no service levels",
	 "selected(uptime_commitment, \"none\") and not "
	 "selected(uptime_commitment, \"sla\", \"status_page\", \"critical\")"},
	{"you promise customers complete, accurate or timely",
	 "processing_commitment == \"yes\""},
	{"you make no promise about the accuracy",
	 "processing_commitment == \"no\""},
	{"contracts or ndas oblige you", "confidentiality_commitment == \"yes\""},
	{"your contracts promise confidentiality",
	 "confidentiality_commitment == \"yes\""},
	{"you have no nda or deletion promise",
	 "confidentiality_commitment == \"no\" and answered(confidential_data) "
	 "and not confidential_data"},
	{"you hold clients' confidential business information",
	 "confidential_data"},
	/* The data. */
	{"you collect personal information directly",
	 "collection_role in [\"own\", \"both\"]"},
	{"you collect personal information from people yourself",
	 "collection_role in [\"own\", \"both\"]"},
	{"people give you their personal information directly",
	 "collection_role in [\"own\", \"both\"]"},
	{"publish no privacy notice",
	 "answered(privacy_notice) and not privacy_notice"},
	{"you have no privacy notice",
	 "answered(privacy_notice) and not privacy_notice"},
	{"you handle personal information on behalf of",
	 "collection_role in [\"for_clients\", \"both\"]"},
	{"the personal information you handle is about the people",
	 "collection_role == \"for_clients\""},
	{"the only personal information you hold is ordinary business data",
	 "collection_role == \"business_only\""},
	{"you handle no personal information", "personal_data == \"no\""},
	{"personal data of people in the eu",
	 "personal_data == \"yes\" and selected(subject_regions, \"eu_uk\")"},
	{"personal information of california residents",
	 "personal_data == \"yes\" and selected(subject_regions, "
	 "\"california\")"},
	{"you handle protected health information, so",
	 "phi in [\"yes\", \"own_patients\"] or baa"},
	{"you handle health information for healthcare organizations",
	 "phi == \"yes\""},
	{"without a business associate agreement",
	 "answered(baa) and not baa"},
	{"you are a healthcare provider or health plan yourself",
	 "phi == \"own_patients\""},
	{"card numbers pass through or are stored in your systems",
	 "card_data == \"handle\""},
	{"you take card payments online", "card_data == \"outsourced\""},
	{"you take card payments in person", "card_data == \"terminal\""},
	{"where your clients handle card data",
	 "card_data == \"client_environments\""},
	{"students' education records", "selected(sector_data, \"student_records\")"},
	{"collects information from children under 13",
	 "selected(sector_data, \"children\")"},
	{"you hold consumers' financial information",
	 "selected(sector_data, \"consumer_finance\")"},
	{"buyers outside the us ask", "iso_requested"},
	/* Providers and premises. */
	{"outside providers run part of your service",
	 "selected(vendors, \"cloud\", \"datacenter\", \"identity\", "
	 "\"payroll_hr\", \"payment_provider\", \"other_saas\", "
	 "\"partner_firm\", \"it_provider\")"},
	{"data centers hold your systems",
	 "selected(vendors, \"cloud\", \"datacenter\")"},
	{"your systems run at cloud or software providers",
	 "physical_security == \"cloud_only\""},
	{"your service is physical",
	 "selected(activities, \"physical\", \"goods\") or selected(services, "
	 "\"colocation\", \"records\", \"logistics\")"},
	{"ask the public bodies you serve", "selected(customers, \"government\")"},
	/* Maturity. */
	{"adopt baseline", "not (controls_documented == \"yes\")"},
	{"your controls are not written down", "controls_documented == \"no\""},
	{"your controls are only partly written down",
	 "controls_documented == \"partly\""},
	{"your security policies are not (or not all) written down",
	 "controls_documented in [\"no\", \"partly\"]"},
	{"have run for six months or more with dated evidence",
	 "controls_documented == \"yes\" and evidence_kept and "
	 "operating_months >= 6"},
	{"have run for months with dated evidence",
	 "controls_documented == \"yes\" and evidence_kept and "
	 "operating_months >= 3"},
	{"your controls ran without dated evidence", "evidence_kept == false"},
	{"you already have a soc 2 type i;",
	 "selected(prior_reports, \"soc2_type1\")"},
	{"you already have a soc 1 type i;",
	 "selected(prior_reports, \"soc1_type1\")"},
	{"you already have a soc 2 type ii",
	 "selected(prior_reports, \"soc2_type2\", \"soc3\")"},
	{"you already have a soc 1 type ii",
	 "selected(prior_reports, \"soc1_type2\")"},
	{"auditors scale their expectations to a small team", "employees <= 10"},
};
#define NCLAIMS (sizeof claims / sizeof claims[0])

static struct sc_questionnaire *the_q;
static const char *other_file; /* SOCSCOPE_MESSAGES_QUESTIONNAIRE */
static struct sc_expr *compiled[NCLAIMS];

static int
setup(void **state)
{
	(void)state;
	other_file = getenv("SOCSCOPE_MESSAGES_QUESTIONNAIRE");
	if (other_file && !*other_file)
		other_file = NULL;
	struct sc_diags d;
	enum sc_status st = SC_OK;
	sc_diags_init(&d);
	the_q = sc_questionnaire_load_file(other_file ? other_file : QFILE, &d,
	                                   &st);
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
teardown(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCLAIMS; i++)
		sc_expr_free(compiled[i]);
	sc_questionnaire_free(the_q);
	return 0;
}

/* ---- answers at random ------------------------------------------------ */

static uint64_t rng_state;

static uint32_t
rng(void)
{
	/* xorshift64*: the same walk on every machine. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 32);
}

static bool
chance(unsigned percent)
{
	return rng() % 100 < percent;
}

static const double numbers[] = {0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 24, 60, 500};

/* Any answer the interview could save for question `qn`, or none. */
static void
random_answer(const struct sc_question *qn, sc_day today, struct sc_answer *v)
{
	memset(v, 0, sizeof *v);
	v->type = SC_A_NONE;
	if (chance(8))
		return;
	switch (qn->type) {
	case SC_Q_YESNO:
		if (qn->allow_unsure && chance(20)) {
			v->type = SC_A_UNSURE;
		} else {
			v->type = SC_A_BOOL;
			v->b = chance(50);
		}
		break;
	case SC_Q_SINGLE:
		v->type = SC_A_CHOICE;
		v->choice = rng() % qn->nchoices;
		break;
	case SC_Q_MULTI: {
		v->type = SC_A_CHOICES;
		v->sel = calloc(qn->nchoices, sizeof *v->sel);
		int none = sc_session_none_choice(qn);
		/* "None of these" stands alone, as the interview has it. */
		if (none >= 0 && chance(25)) {
			v->sel[v->nsel++] = (size_t)none;
			break;
		}
		unsigned p = 15 + rng() % 40;
		for (size_t c = 0; c < qn->nchoices; c++)
			if ((int)c != none && chance(p))
				v->sel[v->nsel++] = c;
		break;
	}
	case SC_Q_NUMBER: {
		double x = numbers[rng() % (sizeof numbers / sizeof numbers[0])];
		if (qn->has_min && x < qn->min)
			x = qn->min;
		if (qn->has_max && x > qn->max)
			x = qn->max;
		v->type = SC_A_NUMBER;
		v->num = x;
		break;
	}
	case SC_Q_TEXT:
		v->type = SC_A_TEXT;
		v->text = strdup("Example");
		break;
	case SC_Q_DATE:
		v->type = SC_A_DATE;
		v->day = sc_date_add_months(today, (long)(rng() % 61) - 30);
		break;
	}
}

/* ---- what the walk checks --------------------------------------------- */

static const struct sc_answer *
lookup(void *ud, size_t i)
{
	return sc_eval_answer(ud, i);
}

static bool
holds(const struct sc_expr *e, struct sc_eval *ev)
{
	return sc_expr_eval_on(e, lookup, ev, sc_eval_today(ev));
}

static char *
lower(const char *s)
{
	char *t = strdup(s ? s : "");
	for (char *p = t; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return t;
}

struct walk {
	struct sc_eval *ev;
	struct sc_answers *a;
	size_t failures;
	size_t *rule_fired;    /* per rule */
	size_t **note_said;    /* per section, per variant */
	size_t *section_skips; /* per section */
};

/* The answers that matter to a failure: those its condition reads. */
static void
show_answers(struct walk *w, const struct sc_expr *e, struct sc_buf *b)
{
	size_t n = 0;
	const size_t *deps = e ? sc_expr_deps(e, &n) : NULL;
	for (size_t k = 0; k < n; k++) {
		const struct sc_question *qn = &the_q->questions[deps[k]];
		const struct sc_answer *v = sc_eval_answer(w->ev, deps[k]);
		sc_buf_printf(b, "%s%s=", k ? ", " : "", qn->id);
		if (!v)
			sc_buf_puts(b, "(none)");
		else
			sc_answer_format(qn, v, b);
	}
}

static void
fail_once(struct walk *w, const char *fmt, ...) SC_PRINTF(2, 3);

static void
fail_once(struct walk *w, const char *fmt, ...)
{
	if (w->failures++ >= SHOW_MAX)
		return;
	va_list ap;
	va_start(ap, fmt);
	struct sc_buf b = {0};
	sc_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	print_error("%s\n", sc_buf_str(&b));
	sc_buf_fini(&b);
}

/* Every claim the text makes holds for the answers.  Text in double
 * quotes is a question quoted, not a claim. */
static void
check_text(struct walk *w, const char *where, const char *text)
{
	if (!text)
		return;
	char *low = lower(text);
	bool quoted = false;
	for (char *p = low; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		if (quoted || *p == '"')
			*p = ' ';
	}
	for (size_t c = 0; c < NCLAIMS; c++) {
		if (!compiled[c] || !strstr(low, claims[c].phrase))
			continue;
		if (holds(compiled[c], w->ev))
			continue;
		struct sc_buf b = {0};
		show_answers(w, compiled[c], &b);
		fail_once(w, "%s says \"%s\", which the answers do not bear "
		          "out (%s): %s", where, claims[c].phrase,
		          sc_buf_str(&b), text);
		sc_buf_fini(&b);
	}
	free(low);
}

/* A section passed over is explained by a note resting on given answers,
 * or by the default sentence; what is said makes no unfounded claim. */
static void
check_skipped(struct walk *w, struct sc_session *s, size_t k)
{
	const struct sc_section *sec = &the_q->sections[k];
	w->section_skips[k]++;
	struct sc_buf b = {0};
	sc_session_explain_skipped(s, k, k + 1, &b);
	const char *said = sc_buf_str(&b);
	if (!b.len)
		fail_once(w, "section %s is passed over in silence", sec->id);

	size_t v = 0;
	while (v < sec->nnotes && !(sec->notes[v].when &&
	                            holds(sec->notes[v].when, w->ev)))
		v++;
	if (v < sec->nnotes) {
		w->note_said[k][v]++;
		size_t wit[256], n = 0;
		size_t ndeps = 0;
		sc_expr_deps(sec->notes[v].when, &ndeps);
		if (ndeps <= sizeof wit / sizeof wit[0])
			n = sc_expr_witnesses_on(sec->notes[v].when, lookup,
			                         w->ev, sc_eval_today(w->ev), wit);
		if (n == 0)
			fail_once(w, "section %s: note %zu rests on no answer",
			          sec->id, v + 1);
	} else if (sec->skipped_note) {
		/* Said whatever the answers: it cannot know what they were. */
		fail_once(w, "section %s: its note is said without regard to "
		          "the answers: %s", sec->id, sec->skipped_note);
	}
	char where[160];
	snprintf(where, sizeof where, "the note on section %s", sec->id);
	check_text(w, where, said);
	sc_buf_fini(&b);
}

static void
check_rules(struct walk *w)
{
	for (size_t r = 0; r < the_q->nrules; r++) {
		if (!sc_eval_fired(w->ev, r))
			continue;
		const struct sc_rule *ru = &the_q->rules[r];
		w->rule_fired[r]++;
		size_t n = 0;
		sc_eval_because(w->ev, r, &n);
		if (n == 0 && ru->when_src && strcmp(ru->when_src, "true") != 0)
			fail_once(w, "rule %s fired on no answer", ru->id);
		char where[160];
		snprintf(where, sizeof where, "rule %s", ru->id);
		check_text(w, where, ru->because);
		check_text(w, where, ru->next_step);
		if (ru->gap) {
			check_text(w, where, ru->gap->title);
			check_text(w, where, ru->gap->advice);
		}
	}
}

/* A report's reasons agree with its type: only the rule that chose the
 * type may speak of the other one ("start with a Type I and follow with a
 * Type II"); a reason for recommending a SOC 1 that is a Type I must not
 * say its readers rely on a Type II.  A clause about the SOC 3 (which
 * stands on a SOC 2 Type II) is about that report, not this one. */
static void
check_types(struct walk *w)
{
	const struct sc_result *r = sc_eval_result(w->ev);
	for (size_t k = 0; k < r->nreports; k++) {
		const struct sc_report_rec *rr = &r->reports[k];
		if (rr->type != SC_TYPE1 && rr->type != SC_TYPE2)
			continue;
		for (size_t j = 0; j < rr->reasons.n; j++) {
			size_t ri = rr->reasons.rules[j];
			if (ri == rr->type_rule)
				continue;
			const char *t = the_q->rules[ri].because;
			bool other = false;
			for (const char *c = t; *c;) {
				size_t n = strcspn(c, ".;");
				char *clause = strndup(c, n);
				for (const char *p = strstr(clause, "Type I");
				     p && !strstr(clause, "SOC 3");
				     p = strstr(p + 1, "Type I"))
					other |= rr->type == SC_TYPE1
					         ? p[6] == 'I' : p[6] != 'I';
				free(clause);
				c += n + (c[n] ? 1 : 0);
			}
			if (other)
				fail_once(w, "%s %s is explained by rule %s, which "
				          "speaks of the other type: %s",
				          sc_report_id_str(rr->id),
				          sc_rtype_id_str(rr->type),
				          the_q->rules[ri].id, t);
		}
	}
}

static void
compile_claims(void)
{
	struct sc_expr_names names;
	sc_questionnaire_names(the_q, &names);
	struct sc_expr_scope scope = {.names = &names, .limit = SIZE_MAX,
	                              .owner = "a claim"};
	for (size_t c = 0; c < NCLAIMS; c++) {
		struct sc_expr_error err;
		memset(&err, 0, sizeof err);
		compiled[c] = sc_expr_compile(claims[c].holds, &scope, &err);
		if (compiled[c])
			continue;
		/* Another version of the file may lack a choice named. */
		if (other_file)
			print_message("claim \"%s\" left out: %s\n",
			              claims[c].phrase, err.msg);
		else
			fail_msg("claim \"%s\": %s (column %d)", claims[c].phrase,
			         err.msg, err.col);
	}
}

/* The phrases test what they should: each claim can fail. */
static void
claims_can_fail(void **state)
{
	(void)state;
	if (!compiled[0])
		compile_claims();
	struct sc_answers *a = sc_answers_new(the_q);
	struct sc_eval *ev = sc_eval_new(the_q, a);
	struct walk w = {.ev = ev, .a = a};
	/* With nothing answered, no claim about an answer holds. */
	for (size_t c = 0; c < NCLAIMS; c++) {
		if (!compiled[c])
			continue;
		bool always = strncmp(claims[c].holds, "not ", 4) == 0;
		if (!always && holds(compiled[c], ev))
			fail_msg("claim \"%s\" holds with nothing answered",
			         claims[c].phrase);
	}
	/* A sentence naming an answer not given is caught. */
	check_text(&w, "a test sentence", "You said your customers are "
	           "individual people only, and your contracts promise service "
	           "levels.");
	assert_int_equal(w.failures, 2);
	sc_eval_free(ev);
	sc_answers_free(a);
}

static void
every_message_fits_the_answers(void **state)
{
	(void)state;
	if (!compiled[0])
		compile_claims();
	rng_state = 0x5eed2026u;
	size_t walks = WALKS;
	const char *env = getenv("SOCSCOPE_MESSAGES_WALKS");
	if (env && atol(env) > 0)
		walks = (size_t)atol(env);
	struct sc_answers *a = sc_answers_new(the_q);
	struct sc_eval *ev = sc_eval_new(the_q, a);
	sc_day today = sc_eval_today(ev);
	struct walk w = {.ev = ev, .a = a};
	w.rule_fired = calloc(the_q->nrules, sizeof *w.rule_fired);
	w.section_skips = calloc(the_q->nsections, sizeof *w.section_skips);
	w.note_said = calloc(the_q->nsections, sizeof *w.note_said);
	for (size_t k = 0; k < the_q->nsections; k++)
		w.note_said[k] = calloc(the_q->sections[k].nnotes + 1,
		                        sizeof **w.note_said);
	struct sc_session s = {.q = the_q, .a = a, .ev = ev, .lock_fd = -1};

	for (size_t run = 0; run < walks; run++) {
		for (size_t i = 0; i < the_q->nquestions; i++) {
			struct sc_answer v;
			random_answer(&the_q->questions[i], today, &v);
			if (v.type == SC_A_NONE)
				sc_answers_unset(a, i);
			else if (!sc_answers_set(a, i, &v))
				fail_msg("question %s refused a generated answer",
				         the_q->questions[i].id);
			sc_answer_clear(&v);
		}
		sc_eval_reset(ev);
		for (size_t k = 0; k < the_q->nsections; k++)
			if (sc_session_section_skipped(&s, k))
				check_skipped(&w, &s, k);
		check_rules(&w);
		check_types(&w);
	}

	/* Nothing the walk should reach went unchecked. */
	for (size_t r = 0; r < the_q->nrules; r++) {
		const struct sc_rule *ru = &the_q->rules[r];
		if ((ru->gap || ru->next_step) && w.rule_fired[r] == 0)
			fail_once(&w, "rule %s, which gives advice, never fired in "
			          "the walk", ru->id);
	}
	for (size_t k = 0; k < the_q->nsections; k++)
		for (size_t v = 0; v < the_q->sections[k].nnotes; v++)
			if (w.note_said[k][v] == 0)
				fail_once(&w, "section %s: note %zu was never said in "
				          "the walk", the_q->sections[k].id, v + 1);
	if (w.failures > SHOW_MAX)
		print_error("... and %zu more\n", w.failures - SHOW_MAX);
	size_t failures = w.failures;

	for (size_t k = 0; k < the_q->nsections; k++)
		free(w.note_said[k]);
	free(w.note_said);
	free(w.section_skips);
	free(w.rule_fired);
	sc_eval_free(ev);
	sc_answers_free(a);
	assert_int_equal(failures, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(claims_can_fail),
		cmocka_unit_test(every_message_fits_the_answers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
