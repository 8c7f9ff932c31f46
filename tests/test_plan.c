/* The plan's invariants, over many generated answer sets, and the cases the
 * blind interviews found, on the bundled questionnaire.
 *
 * The property test answers every question at random (within its bounds,
 * dates around a random "today", some questions left open), renders the
 * JSON report as every export does, and checks what a reader would notice
 * in the roadmap it prints:
 *  - every phase ends on or after the day it starts;
 *  - readiness work is there only when something waits for it (a period
 *    that already ended cannot be fixed by it), and what waits for it
 *    starts after it ends;
 *  - a Type II period runs whole calendar months, unless it continues a
 *    last period of the same kind back to back;
 *  - fieldwork and reports fall on working days;
 *  - a renewal continues only a report of its own kind;
 *  - what the roadmap says of the deadline agrees with the report's dates;
 *  - (the plan's own facts) no phase starts before the phase it waits for
 *    has ended, a quicker Type I is dated when shown, and every report's
 *    period is the same in the recommendation and the plan.
 * The checks read only the JSON report, so the same test can be run on an
 * older build to show what it got wrong.  SOCSCOPE_PLAN_CASES sets how
 * many answer sets (default 10,000); SOCSCOPE_PLAN_SEED the first seed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/answers.h"
#include "socscope/common.h"
#include "socscope/diag.h"
#include "socscope/date.h"
#include "socscope/engine.h"
#include "socscope/plan.h"
#include "socscope/questionnaire.h"
#include "socscope/report.h"

#define QFILE SC_SRCDIR "/questionnaires/soc-scoping.yaml"

static struct sc_questionnaire *the_q;

static int
load(void **state)
{
	(void)state;
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	the_q = sc_questionnaire_load_file(QFILE, &d, &st);
	sc_diags_fini(&d);
	return the_q ? 0 : -1;
}

static int
unload(void **state)
{
	(void)state;
	sc_questionnaire_free(the_q);
	return 0;
}

/* ---- generating answers ------------------------------------------------ */

static uint64_t rng;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n ? (uint32_t)(rng % n) : 0;
}

static sc_day
D(const char *s)
{
	sc_day d = 0;
	sc_date_parse(s, &d, NULL);
	return d;
}

static const char *
S(sc_day d)
{
	static char b[8][11];
	static int k;
	k = (k + 1) % 8;
	sc_date_format(d, b[k]);
	return b[k];
}

/* A random answer for question qn on `today`: dates mostly near it (a
 * deadline ahead, a last period behind), numbers mostly small. */
static void
random_answer(const struct sc_question *qn, sc_day today, struct sc_answer *v,
              size_t *sel)
{
	memset(v, 0, sizeof *v);
	switch (qn->type) {
	case SC_Q_YESNO:
		if (qn->allow_unsure && rnd(5) == 0) {
			v->type = SC_A_UNSURE;
		} else {
			v->type = SC_A_BOOL;
			v->b = rnd(2);
		}
		break;
	case SC_Q_SINGLE:
		v->type = SC_A_CHOICE;
		v->choice = rnd((uint32_t)qn->nchoices);
		break;
	case SC_Q_MULTI:
		v->type = SC_A_CHOICES;
		v->sel = sel;
		for (size_t c = 0; c < qn->nchoices; c++)
			if (rnd(4) == 0)
				sel[v->nsel++] = c;
		break;
	case SC_Q_NUMBER: {
		double lo = qn->has_min ? qn->min : 0;
		double hi = qn->has_max ? qn->max : 1000;
		double x = rnd(3) ? (double)rnd(60) : (double)rnd(1000);
		if (x < lo)
			x = lo;
		if (x > hi)
			x = hi;
		v->type = SC_A_NUMBER;
		v->num = x;
		break;
	}
	case SC_Q_TEXT:
		v->type = SC_A_TEXT;
		v->text = (char *)"Acme";
		break;
	case SC_Q_DATE: {
		long span = rnd(2) ? 400 : 1200;
		sc_day d = today + (long)rnd((uint32_t)(2 * span)) - span;
		if (strstr(qn->id, "deadline"))
			d = today + (long)rnd(900) - 60;
		if (qn->has_min && (double)d < qn->min)
			d = (sc_day)qn->min;
		if (qn->has_max && (double)d > qn->max)
			d = (sc_day)qn->max;
		v->type = SC_A_DATE;
		v->day = d;
		break;
	}
	}
}

static void
random_answers(struct sc_answers *a, sc_day today)
{
	size_t sel[256];
	for (size_t i = 0; i < the_q->nquestions; i++) {
		const struct sc_question *qn = &the_q->questions[i];
		sc_answers_unset(a, i);
		if (rnd(12) == 0)
			continue;
		struct sc_answer v;
		random_answer(qn, today, &v, sel);
		sc_answers_set(a, i, &v);
	}
}

/* ---- reading the report --------------------------------------------------- */

struct bar {
	const char *kind, *label;
	sc_day from, to;
	long track;
};

static bool
json_day(json_t *v, sc_day *out)
{
	return json_is_string(v) &&
	       sc_date_parse(json_string_value(v), out, NULL);
}

static bool
working(sc_day d)
{
	if (sc_date_weekday(d) >= 5)
		return false;
	struct sc_ymd t = sc_day_to_ymd(d);
	return !((t.m == 1 && t.d == 1) || (t.m == 12 && t.d == 25));
}

/* The answered date of a question (a prior period's end, a deadline),
 * when shown; 0 otherwise. */
static sc_day
prior_end(struct sc_eval *ev, const char *id)
{
	const struct sc_question *qn = sc_questionnaire_find(the_q, id);
	if (!qn || !sc_eval_visible(ev, qn->index))
		return 0;
	const struct sc_answer *a = sc_eval_answer(ev, qn->index);
	return a && a->type == SC_A_DATE ? a->day : 0;
}

static bool
prior_kind(struct sc_eval *ev, const char *choice)
{
	const struct sc_question *qn = sc_questionnaire_find(the_q,
	                                                     "prior_reports");
	if (!qn || !sc_eval_visible(ev, qn->index))
		return false;
	const struct sc_answer *a = sc_eval_answer(ev, qn->index);
	int c = sc_question_find_choice(qn, choice);
	return a && c >= 0 && sc_answer_has_choice(a, (size_t)c);
}

/* One violation, said once with the seed that shows it. */
static char problem[2048];

#define VIOLATION(...)                                                         \
	do {                                                                   \
		snprintf(problem, sizeof problem, __VA_ARGS__);                \
		return false;                                                  \
	} while (0)

static bool
check_report(const char *json, struct sc_eval *ev)
{
	json_error_t err;
	json_t *j = json_loads(json, 0, &err);
	if (!j)
		VIOLATION("the JSON report does not parse: %s", err.text);
	bool ok = false;
	json_t *rm = json_object_get(j, "roadmap");
	json_t *tl = json_object_get(rm, "timeline");
	size_t n = json_array_size(tl);
	struct bar *bars = calloc(n ? n : 1, sizeof *bars);
	for (size_t i = 0; i < n; i++) {
		json_t *b = json_array_get(tl, i);
		bars[i].kind = json_string_value(json_object_get(b, "kind"));
		bars[i].label = json_string_value(json_object_get(b, "label"));
		json_t *t = json_object_get(b, "track");
		bars[i].track = json_is_integer(t) ? (long)json_integer_value(t)
		                                   : 0;
		if (!bars[i].kind || !bars[i].label ||
		    !json_day(json_object_get(b, "from"), &bars[i].from) ||
		    !json_day(json_object_get(b, "to"), &bars[i].to)) {
			snprintf(problem, sizeof problem, "timeline bar %zu is not "
			                                  "dated", i);
			goto out;
		}
	}
	sc_day p1 = prior_end(ev, "prior_soc1_period_end");
	sc_day p2 = prior_end(ev, "prior_soc2_period_end");
	bool had2 = prior_kind(ev, "soc2_type2") || prior_kind(ev, "soc3");
	for (size_t i = 0; i < n; i++) {
		const struct bar *b = &bars[i];
		if (b->from > b->to) {
			snprintf(problem, sizeof problem, "\"%s\" ends (%s) before "
			         "it starts (%s)", b->label, S(b->to), S(b->from));
			goto out;
		}
		if (strcmp(b->kind, "readiness") == 0) {
			/* Something of its track must wait for it. */
			bool used = false;
			for (size_t k = 0; k < n; k++)
				if (bars[k].track == b->track &&
				    (strcmp(bars[k].kind, "window") == 0 ||
				     strcmp(bars[k].kind, "type1_date") == 0) &&
				    bars[k].from > b->to)
					used = true;
			if (!used) {
				snprintf(problem, sizeof problem,
				         "readiness work (%s to %s) that no period "
				         "or Type I date waits for",
				         S(b->from), S(b->to));
				goto out;
			}
		}
		if (strcmp(b->kind, "window") == 0) {
			struct sc_ymd f = sc_day_to_ymd(b->from);
			bool soc2 = strstr(b->label, "SOC 2") != NULL;
			bool soc1 = strstr(b->label, "SOC 1") != NULL;
			/* The next period continues the one before it. */
			bool next = false;
			for (size_t k = 0; k < n; k++)
				next = next || (k != i &&
				                strcmp(bars[k].kind, "window") == 0 &&
				                bars[k].to + 1 == b->from);
			bool cont = next || (soc1 && p1 && b->from == p1 + 1) ||
			            (soc2 && p2 && b->from == p2 + 1);
			/* A renewal continues only its own kind. */
			if (soc2 && !soc1 && p1 && b->from == p1 + 1 && !next &&
			    sc_day_to_ymd(b->from).d != 1 && !had2) {
				snprintf(problem, sizeof problem,
				         "the SOC 2 period (%s) continues the last "
				         "SOC 1 period, and there was no SOC 2",
				         S(b->from));
				goto out;
			}
			if (f.d != 1 && !cont) {
				snprintf(problem, sizeof problem,
				         "\"%s\" runs from %s, not from the first of a "
				         "month, and continues no last period",
				         b->label, S(b->from));
				goto out;
			}
			if (!cont && b->to != sc_date_month_end(b->to)) {
				snprintf(problem, sizeof problem,
				         "\"%s\" ends on %s, not on the last day of a "
				         "month",
				         b->label, S(b->to));
				goto out;
			}
		}
		if (strcmp(b->kind, "fieldwork") == 0 ||
		    strcmp(b->kind, "report") == 0) {
			if (!working(b->from) || !working(b->to)) {
				snprintf(problem, sizeof problem,
				         "\"%s\" (%s to %s) starts or ends on a "
				         "weekend or a holiday",
				         b->label, S(b->from), S(b->to));
				goto out;
			}
		}
	}

	/* The deadline: what the steps say of it agrees with the dates of the
	 * report they speak of. */
	sc_day dl;
	json_t *steps = json_object_get(rm, "steps");
	if (json_day(json_object_get(rm, "deadline"), &dl)) {
		for (size_t i = 0; i < json_array_size(steps); i++) {
			json_t *st = json_array_get(steps, i);
			const char *what = json_string_value(json_object_get(st,
			                                                     "what"));
			const char *when = json_string_value(json_object_get(st,
			                                                     "when"));
			if (!what || !when || !strstr(what, "report"))
				continue;
			sc_day f, t;
			char a[11] = "", b[11] = "";
			if (sscanf(when, "%10s to %10s", a, b) != 2 ||
			    !sc_date_parse(a, &f, NULL) || !sc_date_parse(b, &t, NULL))
				continue;
			const char *said = strstr(what, "possibly after your deadline")
			                           ? "maybe"
			                   : strstr(what, "after your deadline") ? "late"
			                   : strstr(what, "in time for your deadline")
			                           ? "ok"
			                           : NULL;
			if (!said)
				continue;
			/* A step held to the other reports' deadline names it:
			 * "in time for your deadline (2028-09-26)". It must be
			 * one the user gave. */
			sc_day sdl = dl;
			const char *named = strstr(what, "deadline (");
			if (named) {
				char d[11] = "";
				sc_day other;
				if (sscanf(named + 10, "%10s", d) != 1 ||
				    !sc_date_parse(d, &sdl, NULL) ||
				    (sdl != dl &&
				     !((other = prior_end(ev, "deadline_other")) &&
				       other == sdl))) {
					snprintf(problem, sizeof problem,
					         "\"%s\" names a deadline the "
					         "answers do not give", what);
					goto out;
				}
			}
			const char *is = t <= sdl   ? "ok"
			                 : f <= sdl ? "maybe"
			                            : "late";
			if (strcmp(said, is) != 0) {
				snprintf(problem, sizeof problem,
				         "\"%s\" (%s) says the deadline %s is %s, but "
				         "its dates make it %s",
				         what, when, S(sdl), said, is);
				goto out;
			}
		}
	}

	/* The plan's own facts, where the report carries them. */
	json_t *plan = json_object_get(j, "plan");
	if (plan) {
		json_t *tracks = json_object_get(plan, "tracks");
		for (size_t ti = 0; ti < json_array_size(tracks); ti++) {
			json_t *t = json_array_get(tracks, ti);
			json_t *ph = json_object_get(t, "phases");
			const char *kind = json_string_value(json_object_get(t, "kind"));
			bool dated = false;
			for (size_t k = 0; k < json_array_size(ph); k++) {
				json_t *p = json_array_get(ph, k);
				json_t *after = json_object_get(p, "after");
				sc_day f, to, af, at;
				json_day(json_object_get(p, "from"), &f);
				json_day(json_object_get(p, "to"), &to);
				const char *pk = json_string_value(json_object_get(p,
				                                                   "kind"));
				if (pk && (strcmp(pk, "type1") == 0 ||
				           strcmp(pk, "report") == 0))
					dated = true;
				if (!json_is_integer(after))
					continue;
				json_t *w = json_array_get(ph, (size_t)json_integer_value(
				                                       after));
				json_day(json_object_get(w, "from"), &af);
				json_day(json_object_get(w, "to"), &at);
				if (f <= at) {
					snprintf(problem, sizeof problem,
					         "%s: \"%s\" starts %s, before \"%s\" it "
					         "waits for ends (%s)",
					         kind,
					         json_string_value(json_object_get(p,
					                                           "label")),
					         S(f),
					         json_string_value(json_object_get(w,
					                                           "label")),
					         S(at));
					goto out;
				}
				(void)af;
				(void)to;
			}
			if (kind && strcmp(kind, "type1_first") == 0 && !dated) {
				snprintf(problem, sizeof problem,
				         "the quicker Type I is shown without a date");
				goto out;
			}
		}
		/* One period everywhere: the recommendation's and the plan's. */
		json_t *reps = json_object_get(json_object_get(j,
		                                               "recommendation"),
		                               "reports");
		json_t *preps = json_object_get(plan, "reports");
		for (size_t i = 0; i < json_array_size(reps); i++) {
			json_t *r = json_array_get(reps, i), *p = NULL;
			const char *id = json_string_value(json_object_get(r, "id"));
			for (size_t k = 0; k < json_array_size(preps); k++)
				if (strcmp(json_string_value(json_object_get(
				                   json_array_get(preps, k), "id")),
				           id) == 0)
					p = json_array_get(preps, k);
			if (!p) {
				snprintf(problem, sizeof problem,
				         "%s is recommended but not planned", id);
				goto out;
			}
			if (!json_equal(json_object_get(r, "period_months"),
			                json_object_get(p, "period_months"))) {
				snprintf(problem, sizeof problem,
				         "%s: period_months differs between the "
				         "recommendation and the plan",
				         id);
				goto out;
			}
		}
	}
	ok = true;
out:
	free(bars);
	json_decref(j);
	return ok;
}

static void
plan_invariants_hold(void **state)
{
	(void)state;
	const char *env = getenv("SOCSCOPE_PLAN_CASES");
	long cases = env ? atol(env) : 10000;
	const char *seed_env = getenv("SOCSCOPE_PLAN_SEED");
	uint64_t seed = seed_env ? strtoull(seed_env, NULL, 10) : 1;
	struct sc_answers *a = sc_answers_new(the_q);
	struct sc_eval *ev = sc_eval_new(the_q, a);
	long dated = 0, options = 0, type1_paths = 0;
	for (long i = 0; i < cases; i++) {
		rng = (seed + (uint64_t)i) * 0x9E3779B97F4A7C15ull | 1;
		sc_day today = D("2024-01-01") + (long)rnd(365 * 6);
		random_answers(a, today);
		sc_eval_set_today(ev, today);
		sc_eval_reset(ev);
		struct sc_report_opts o = {.date = S(today)};
		struct sc_buf b = {0};
		sc_report_render(the_q, a, ev, SC_FMT_JSON, &o, &b);
		if (!check_report(sc_buf_str(&b), ev)) {
			struct sc_buf y = {0};
			sc_answers_to_yaml(a, &y);
			/* cmocka cuts long messages: the answers go to a file. */
			const char *dir = getenv("TMPDIR");
			char path[512];
			snprintf(path, sizeof path, "%s/socscope-plan-%llu.yaml",
			         dir && *dir ? dir : "/tmp",
			         (unsigned long long)(seed + (uint64_t)i));
			FILE *fp = fopen(path, "w");
			if (fp) {
				fputs(sc_buf_str(&y), fp);
				fclose(fp);
			}
			fail_msg("seed %llu (today %s): %s [answers in %s]",
			         (unsigned long long)(seed + (uint64_t)i), S(today),
			         problem, path);
		}
		dated += strstr(sc_buf_str(&b), "\"dated\": true") != NULL;
		options += strstr(sc_buf_str(&b), "\"clean_first\"") != NULL;
		type1_paths += strstr(sc_buf_str(&b), "\"type1_first\"") != NULL;
		sc_buf_fini(&b);
	}
	/* The generator reaches what the invariants are about. */
	if (cases >= 1000) {
		assert_true(dated > cases / 10);
		assert_true(options > 0);
		assert_true(type1_paths > 0);
	}
	print_message("%ld answer sets: %ld dated plans, %ld with the "
	              "close-the-gaps-first option, %ld with a quicker "
	              "Type I\n",
	              cases, dated, options, type1_paths);
	sc_eval_free(ev);
	sc_answers_free(a);
}

/* ---- the cases the blind interviews found ------------------------------- */

struct fx {
	struct sc_answers *a;
	struct sc_eval *ev;
	struct sc_plan p;
};

/* A worked example with some answers changed ("id: value" lines, values
 * as an answers file writes them), planned on `today`. */
static void
fx_open(struct fx *f, const char *example, const char *edits,
        const char *today)
{
	struct sc_diags d;
	sc_diags_init(&d);
	f->a = sc_answers_new(the_q);
	char *path = sc_xasprintf("%s/questionnaires/examples/%s.yaml",
	                          SC_SRCDIR, example);
	assert_int_equal(sc_answers_load_file(f->a, path, &d), SC_OK);
	free(path);
	if (edits) {
		struct sc_answers *e = sc_answers_new(the_q);
		char *text = sc_xasprintf("socscope: 1\nquestionnaire: "
		                          "soc-scoping\nanswers:\n%s",
		                          edits);
		enum sc_status st = sc_answers_load_buffer(e, "edits", text,
		                                           strlen(text), &d);
		if (st != SC_OK) {
			struct sc_buf b = {0};
			sc_diags_format(&d, &b);
			fail_msg("%s", sc_buf_str(&b));
		}
		for (size_t i = 0; i < the_q->nquestions; i++)
			if (e->v[i].type != SC_A_NONE)
				assert_true(sc_answers_set(f->a, i, &e->v[i]));
		free(text);
		sc_answers_free(e);
	}
	sc_diags_fini(&d);
	f->ev = sc_eval_new(the_q, f->a);
	sc_eval_set_today(f->ev, D(today));
	sc_plan_build(&f->p, the_q, f->ev);
	assert_true(f->p.dated);
}

static void
fx_close(struct fx *f)
{
	sc_plan_fini(&f->p);
	sc_eval_free(f->ev);
	sc_answers_free(f->a);
}

static const struct sc_track *
track(const struct sc_plan *p, enum sc_track_kind k)
{
	for (size_t i = 0; i < p->ntracks; i++)
		if (p->tracks[i].kind == k)
			return &p->tracks[i];
	return NULL;
}

static bool
has_phase(const struct sc_track *t, enum sc_phase_kind k)
{
	for (size_t i = 0; t && i < t->nphases; i++)
		if (t->phases[i].kind == k)
			return true;
	return false;
}

/* A recordkeeper with a prior SOC 1 Type II and no SOC 2: the SOC 1 renews
 * back to back; its first SOC 2 continues nothing. */
static void
renewal_only_of_the_same_kind(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "payroll-bureau",
	        "  prior_reports: [soc1_type2]\n"
	        "  prior_soc1_period_end: 2026-06-30\n"
	        "  evidence_kept: unsure\n",
	        "2026-12-06");
	const struct sc_plan_report *s1 = sc_plan_report(&f.p, SC_SOC1);
	const struct sc_plan_report *s2 = sc_plan_report(&f.p, SC_SOC2);
	assert_non_null(s1);
	assert_non_null(s2);
	/* A period ending June 30 is renewed from July 1, not from "5
	 * months ago". */
	assert_true(s1->renewal);
	assert_string_equal(S(s1->start), "2026-07-01");
	assert_string_equal(S(s1->end), "2027-06-30");
	assert_false(s2->renewal);
	assert_true(s2->start != D("2026-07-01"));
	assert_int_equal(sc_day_to_ymd(s2->start).d, 1);
	assert_false(s1->combined);
	fx_close(&f);
}

/* A SOC 1 renewal running now beside a first SOC 2 names, as possible
 * exceptions, only gaps its examination tests (one citing a SOC 1 area),
 * never a gap of the SOC 2 alone; and says it only where the gap is in a
 * control the report describes. */
static void
a_soc1_renewal_names_only_its_own_gaps(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "payroll-bureau",
	        "  prior_reports: [soc1_type2]\n"
	        "  prior_soc1_period_end: 2026-06-30\n"
	        "  incident_response: \"no\"\n"
	        "  data_classification: \"no\"\n"
	        "  processing_controls: \"no\"\n",
	        "2026-12-06");
	const struct sc_result *r = sc_eval_result(f.ev);
	const struct sc_plan_report *s1 = sc_plan_report(&f.p, SC_SOC1);
	assert_non_null(s1);
	assert_true(s1->renewal);
	const char *said = NULL;
	for (size_t i = 0; i < f.p.nnotes && !said; i++)
		if (strstr(f.p.notes[i], "Your current SOC 1 period"))
			said = f.p.notes[i];
	size_t soc1_only = 0, other = 0;
	for (size_t i = 0; i < r->ngaps; i++) {
		const struct sc_gap_def *g = r->gaps[i].def;
		if (g->followup)
			continue;
		bool soc1 = false;
		for (size_t k = 0; k < g->ncriteria; k++)
			soc1 |= strncmp(g->criteria[k], "SOC1:", 5) == 0;
		char *q = sc_xasprintf("\"%s\"", g->title);
		if (soc1)
			soc1_only++;
		else
			other++;
		if (!soc1 && said && strstr(said, q))
			fail_msg("a SOC 1 renewal names \"%s\", which cites no "
			         "SOC 1 area", g->title);
		free(q);
	}
	/* The case tests something: gaps of both kinds are open. */
	assert_true(soc1_only > 0);
	assert_true(other > 0);
	assert_non_null(said);
	assert_non_null(strstr(said, "where one of these gaps is in such a "
	                             "control"));
	fx_close(&f);
}

/* The clients' auditors want the year ending now covered and no kept
 * evidence lets a SOC 1 reach back to it: the roadmap says so and what
 * they can do, instead of the answer changing nothing; asked for the year
 * ahead, it says nothing of the kind. */
static void
a_year_out_of_reach_is_said(void **state)
{
	(void)state;
	static const char *const said = "Your clients' auditors want their "
	                                "year ending 2026-12-31 covered";
	struct fx f;
	fx_open(&f, "payroll-bureau",
	        "  evidence_kept: false\n"
	        "  clients_year_covered: ending\n",
	        "2026-12-06");
	bool found = false;
	for (size_t i = 0; i < f.p.nnotes; i++)
		found |= strstr(f.p.notes[i], said) != NULL;
	assert_true(found);
	fx_close(&f);
	fx_open(&f, "payroll-bureau",
	        "  evidence_kept: false\n"
	        "  clients_year_covered: next\n",
	        "2026-12-06");
	for (size_t i = 0; i < f.p.nnotes; i++)
		assert_null(strstr(f.p.notes[i], "Your clients' auditors want"));
	fx_close(&f);
}

/* A look-back is fine for minor gaps; with a high-priority gap open and a
 * clean period after the fix that still meets the deadline, that period is
 * the plan and the look-back the alternative, dated beside it. */
static void
close_first_with_a_high_priority_gap(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "payroll-bureau",
	        "  operating_months: 40\n  incident_response: \"no\"\n",
	        "2026-12-06");
	assert_true(f.p.ntracks >= 2);
	assert_int_equal(f.p.tracks[0].kind, SC_TRACK_PLAN);
	assert_non_null(strstr(f.p.tracks[0].title, "close the gaps first"));
	const struct sc_plan_report *s1 = sc_plan_report(&f.p, SC_SOC1);
	assert_false(s1->lookback);
	assert_int_equal(s1->fit, SC_FIT_OK);
	bool alternative = false;
	for (size_t t = 1; t < f.p.ntracks; t++)
		alternative |= f.p.tracks[t].kind == SC_TRACK_LOOKBACK;
	assert_true(alternative);
	fx_close(&f);
}

/* Two to five years of kept evidence: a SOC 1 period covers a year, not 6
 * months, over the clients' fiscal year; and the reason says so.  (Minor
 * gaps only: with a high-priority one the clean period after the fix is
 * the plan, see close_first_with_a_high_priority_gap.) */
static void
years_of_evidence_look_back_a_year(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "payroll-bureau",
	        "  operating_months: 40\n  incident_response: partly\n"
	        "  fin_segregation: 'yes'\n",
	        "2026-12-06");
	const struct sc_plan_report *s1 = sc_plan_report(&f.p, SC_SOC1);
	assert_true(s1->lookback);
	assert_int_equal(s1->months, 12);
	/* The clients' year ends December 31 and the deadline (September
	 * 2027) leaves room: the period is their whole year, under way now,
	 * not a look-back to last month and a bridge letter. */
	assert_string_equal(S(s1->start), "2026-01-01");
	assert_string_equal(S(s1->end), "2026-12-31");
	assert_non_null(strstr(s1->months_why, "fiscal year ending 2026-12-31"));
	assert_int_equal(s1->fit, SC_FIT_OK);
	/* The SOC 1 and SOC 2 are one examination over the same period. */
	const struct sc_plan_report *s2 = sc_plan_report(&f.p, SC_SOC2);
	assert_true(s1->combined && s2->combined);
	assert_int_equal(s2->start, s1->start);
	assert_int_equal(s2->report_by, s1->report_by);
	/* With gaps open the look-back plan has no readiness work; the
	 * other plan does, before its period. */
	assert_false(has_phase(&f.p.tracks[0], SC_PHASE_READINESS));
	const struct sc_track *b = track(&f.p, SC_TRACK_CLEAN_FIRST);
	assert_non_null(b);
	assert_true(has_phase(b, SC_PHASE_READINESS));
	fx_close(&f);
}

/* A seed-stage company whose first prospect asks for a SOC 2, readiness
 * ahead, no date given: the quicker Type I is shown, dated, beside the
 * Type II plan. */
static void
someone_waiting_sees_a_quicker_type1(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "early-stage-saas",
	        "  has_deadline: false\n  evidence_kept: false\n"
	        "  type2_demanded: false\n",
	        "2026-12-06");
	const struct sc_plan_report *s2 = sc_plan_report(&f.p, SC_SOC2);
	assert_int_equal(s2->type, SC_TYPE2);
	const struct sc_track *t1 = track(&f.p, SC_TRACK_TYPE1_FIRST);
	assert_non_null(t1);
	assert_true(has_phase(t1, SC_PHASE_TYPE1));
	assert_true(t1->report_by > 0 && t1->report_by < s2->report_by);
	assert_non_null(strstr(t1->summary, "Someone is waiting"));
	fx_close(&f);
	/* Someone requires a Type II: a Type I would not do, so none. */
	fx_open(&f, "early-stage-saas",
	        "  has_deadline: false\n  evidence_kept: false\n"
	        "  type2_demanded: true\n",
	        "2026-12-06");
	assert_null(track(&f.p, SC_TRACK_TYPE1_FIRST));
	fx_close(&f);
	/* A contract that names a SOC 2 is someone waiting too. */
	fx_open(&f, "early-stage-saas",
	        "  has_deadline: false\n  evidence_kept: false\n"
	        "  type2_demanded: false\n"
	        "  security_reviews: \"no\"\n  contract_report: soc2\n",
	        "2026-12-06");
	assert_non_null(track(&f.p, SC_TRACK_TYPE1_FIRST));
	fx_close(&f);
}

/* A missed deadline is said on the first page, with what can be done. */
static void
a_missed_deadline_is_said_first(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "early-stage-saas", "  deadline: 2027-01-15\n",
	        "2026-12-06");
	assert_non_null(f.p.deadline_risk);
	assert_non_null(strstr(f.p.deadline_risk, "after your deadline "
	                                          "(2027-01-15)"));
	/* Whom to talk to is named as the client named them. */
	assert_non_null(strstr(f.p.deadline_risk, "Talk to Acme Logistics "
	                                          "now"));
	assert_null(strstr(f.p.deadline_risk, "readiness letter"));
	fx_close(&f);
	/* Not named: whoever set it, and never an empty name. */
	fx_open(&f, "early-stage-saas",
	        "  deadline: 2027-01-15\n  deadline_who: \" . \"\n",
	        "2026-12-06");
	assert_non_null(strstr(f.p.deadline_risk, "Talk to whoever set the "
	                                          "deadline now"));
	fx_close(&f);
	/* Named with more said: its first clause, as the report speaks to
	 * the client ("your", not the owner's "our"). */
	fx_open(&f, "early-stage-saas",
	        "  deadline: 2027-01-15\n"
	        "  deadline_who: 'Our largest client (the Hartwell group), a "
	        "third of our revenue.'\n",
	        "2026-12-06");
	assert_string_equal(f.p.requester, "your largest client");
	assert_non_null(strstr(f.p.deadline_risk, "Talk to your largest "
	                                          "client now: share"));
	fx_close(&f);
	fx_open(&f, "early-stage-saas",
	        "  deadline: 2027-01-15\n"
	        "  deadline_who: The health system physician group; draft "
	        "contract\n",
	        "2026-12-06");
	assert_string_equal(f.p.requester, "the health system physician group");
	fx_close(&f);
}

/* A SOC 1 and a SOC 2 examined together but due at different dates:
 * every sentence holds each to its own date, and the one to talk to is
 * who set the date the plan misses. */
static void
two_deadlines_each_named(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "payroll-bureau",
	        "  deadline: 2027-06-30\n  deadline_reports: soc2\n"
	        "  deadline_other: 2027-03-01\n",
	        "2026-12-06");
	assert_non_null(strstr(f.p.headline, "in time for both deadlines (the "
	                                     "SOC 1's, 2027-03-01, and the SOC "
	                                     "2's, 2027-06-30)"));
	assert_null(f.p.deadline_risk);
	fx_close(&f);
	fx_open(&f, "payroll-bureau",
	        "  deadline: 2027-06-30\n  deadline_reports: soc2\n"
	        "  deadline_other: 2027-01-15\n",
	        "2026-12-06");
	assert_non_null(strstr(f.p.headline, "after the SOC 1's deadline "
	                                     "(2027-01-15) and in time for the "
	                                     "SOC 2's (2027-06-30)"));
	assert_null(strstr(f.p.headline, "your deadline"));
	assert_non_null(f.p.deadline_risk);
	/* Harlow & Pike set the SOC 2's date, which the plan meets. */
	assert_string_equal(f.p.risk_who, "whoever set the SOC 1's date");
	assert_null(strstr(f.p.deadline_risk, "Harlow"));
	fx_close(&f);
}

/* The plan misses the deadline and the quicker Type I meets it: the plan
 * records its date and whom to ask, which the first page leads with. */
static void
a_type1_that_meets_the_deadline_is_named(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "payroll-bureau",
	        "  incident_response: 'no'\n  risk_assessment: 'no'\n"
	        "  fin_segregation: 'no'\n  deadline: 2027-06-30\n",
	        "2026-12-06");
	assert_non_null(f.p.deadline_risk);
	assert_true(f.p.type1_by > 0 && f.p.type1_by <= f.p.deadline);
	assert_string_equal(f.p.type1_who, "Harlow & Pike LLP");
	fx_close(&f);
	/* Met by the plan itself: nothing to ask. */
	fx_open(&f, "payroll-bureau", NULL, "2026-12-06");
	assert_null(f.p.deadline_risk);
	assert_int_equal(f.p.type1_by, 0);
	assert_null(f.p.type1_who);
	fx_close(&f);
}

/* Readiness work is shared beyond a handful of people: the same gaps take
 * about half as long at 35 people as at 3, never less than the longest
 * gap; and a high-priority control partly in place counts a week, not
 * two. */
static void
readiness_is_shared_by_a_team(void **state)
{
	(void)state;
	static const char gaps[] = "  incident_response: 'no'\n"
	                           "  risk_assessment: 'no'\n";
	struct fx f;
	char *three = sc_xasprintf("%s  fin_segregation: partly\n"
	                           "  employees: 3\n",
	                           gaps);
	fx_open(&f, "payroll-bureau", three, "2026-12-06");
	int alone = f.p.readiness_weeks;
	fx_close(&f);
	char *team = sc_xasprintf("%s  fin_segregation: partly\n", gaps);
	fx_open(&f, "payroll-bureau", team, "2026-12-06");
	int shared = f.p.readiness_weeks;
	free(team);
	fx_close(&f);
	free(three);
	assert_true(alone > 4);
	assert_int_equal(shared, (alone + 1) / 2);
	/* fin_segregation partly (a week) against no (two weeks). */
	char *no = sc_xasprintf("%s  employees: 3\n  fin_segregation: 'no'\n",
	                        gaps);
	fx_open(&f, "payroll-bureau", no, "2026-12-06");
	assert_int_equal(f.p.readiness_weeks, alone + 1);
	fx_close(&f);
	free(no);
}

/* No gap, no readiness work: a mature organization's plan starts with the
 * engagement, and its report falls on working days. */
static void
no_gaps_no_readiness(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "established-saas", NULL, "2026-12-06");
	for (size_t t = 0; t < f.p.ntracks; t++)
		assert_false(has_phase(&f.p.tracks[t], SC_PHASE_READINESS) &&
		             f.p.readiness_weeks == 0);
	const struct sc_plan_report *s2 = sc_plan_report(&f.p, SC_SOC2);
	assert_true(s2->renewal);
	assert_string_equal(S(s2->start), "2026-01-01");
	assert_true(sc_date_weekday(s2->report_from) < 5);
	assert_true(sc_date_weekday(s2->report_by) < 5);
	/* The SOC 3 goes with the SOC 2 Type II, on its period. */
	const struct sc_plan_report *s3 = sc_plan_report(&f.p, SC_SOC3);
	assert_non_null(s3);
	assert_int_equal(s3->start, s2->start);
	assert_int_equal(s3->months, s2->months);
	fx_close(&f);
}

/* A first SOC 2 looks back 6 months however much evidence was kept (a
 * first period runs 3 to 6 months); with fewer months kept it runs on to
 * the end of this month. */
static void
a_first_soc2_looks_back_six_months(void **state)
{
	(void)state;
	struct fx f;
	static const char *const minor = "  backups_recovery: partly\n"
	                                 "  retention_disposal: partly\n";
	char *e = sc_xasprintf("  operating_months: 40\n%s", minor);
	fx_open(&f, "healthcare-saas", e, "2026-12-06");
	free(e);
	const struct sc_plan_report *s2 = sc_plan_report(&f.p, SC_SOC2);
	assert_true(s2->lookback);
	assert_int_equal(s2->months, 6);
	assert_string_equal(S(s2->start), "2026-06-01");
	assert_string_equal(S(s2->end), "2026-11-30");
	assert_non_null(strstr(s2->months_why, "40 months"));
	fx_close(&f);
	e = sc_xasprintf("  operating_months: 4\n%s", minor);
	fx_open(&f, "healthcare-saas", e, "2026-12-06");
	free(e);
	s2 = sc_plan_report(&f.p, SC_SOC2);
	assert_int_equal(s2->months, 5);
	assert_string_equal(S(s2->start), "2026-08-01");
	assert_string_equal(S(s2->end), "2026-12-31");
	assert_non_null(strstr(s2->months_why, "end of this month"));
	fx_close(&f);
}

/* A SOC 1 renewal and a first SOC 2, the deadline for the SOC 2 only: the
 * SOC 1's report is not held to it (and said late only when it is). */
static void
the_deadline_holds_the_report_it_is_for(void **state)
{
	(void)state;
	static const char *const base =
		"  prior_reports: [soc1_type2]\n"
		"  prior_soc1_period_end: 2026-09-30\n"
		"  deadline: 2027-04-30\n";
	struct fx f;
	char *extra = sc_xasprintf("%s  deadline_reports: soc2\n", base);
	fx_open(&f, "payroll-bureau", extra, "2026-12-06");
	free(extra);
	const struct sc_plan_report *s1 = sc_plan_report(&f.p, SC_SOC1);
	const struct sc_plan_report *s2 = sc_plan_report(&f.p, SC_SOC2);
	assert_true(s1->renewal);
	assert_false(s1->combined);
	assert_int_equal(s1->fit, SC_FIT_NONE);
	assert_int_not_equal(s2->fit, SC_FIT_NONE);
	assert_true(f.p.deadline_risk == NULL ||
	            strstr(f.p.deadline_risk, "SOC 1") == NULL);
	fx_close(&f);
	/* A date for the other report too: each is held to its own. */
	extra = sc_xasprintf("%s  deadline_reports: soc2\n"
	                     "  deadline_other: 2027-01-15\n", base);
	fx_open(&f, "payroll-bureau", extra, "2026-12-06");
	free(extra);
	s1 = sc_plan_report(&f.p, SC_SOC1);
	s2 = sc_plan_report(&f.p, SC_SOC2);
	assert_int_equal(s1->fit, SC_FIT_LATE);
	assert_int_not_equal(s2->fit, SC_FIT_NONE);
	assert_non_null(f.p.deadline_risk);
	assert_non_null(strstr(f.p.deadline_risk, "2027-01-15"));
	fx_close(&f);
	extra = sc_xasprintf("%s  deadline_reports: soc1\n", base);
	fx_open(&f, "payroll-bureau", extra, "2026-12-06");
	free(extra);
	s1 = sc_plan_report(&f.p, SC_SOC1);
	assert_int_equal(s1->fit, SC_FIT_LATE);
	assert_non_null(f.p.deadline_risk);
	assert_non_null(strstr(f.p.deadline_risk, "SOC 1"));
	fx_close(&f);
}

/* A first SOC 1 for clients who want their next fiscal year covered, due
 * by a date: the period runs on through as much of that year as the date
 * allows, rather than the usual 6 months, and the bridge letter starts
 * after it; with no date, or a year already ending, it keeps 6 months. */
static void
soc1_covers_the_year_the_deadline_allows(void **state)
{
	(void)state;
	static const char next[] = "  clients_year_covered: next\n";
	struct fx f;
	fx_open(&f, "loan-servicer", next, "2026-12-06");
	const struct sc_plan_report *pr = sc_plan_report(&f.p, SC_SOC1);
	assert_non_null(pr);
	assert_string_equal(S(pr->start), "2027-02-01");
	/* A report by 2027-10-31: a period to August 31 reports by late
	 * October; one to September 30 would not. */
	assert_int_equal(pr->months, 7);
	assert_string_equal(S(pr->end), "2027-08-31");
	assert_int_equal(pr->fit, SC_FIT_OK);
	assert_true(pr->report_by <= D("2027-10-31"));
	assert_string_equal(S(pr->bridge_from), "2027-09-01");
	assert_string_equal(S(pr->bridge_to), "2027-12-31");
	assert_non_null(strstr(pr->months_why, "runs as late into your clients' "
	                                       "fiscal year ending 2027-12-31 "
	                                       "as your deadline allows"));
	fx_close(&f);

	/* No date to meet: the usual first length. */
	char *free_date = sc_xasprintf("%s  has_deadline: false\n", next);
	fx_open(&f, "loan-servicer", free_date, "2026-12-06");
	pr = sc_plan_report(&f.p, SC_SOC1);
	assert_int_equal(pr->months, 6);
	fx_close(&f);
	free(free_date);

	/* The year ending now: nothing more of it to cover later. */
	fx_open(&f, "loan-servicer", NULL, "2026-12-06");
	pr = sc_plan_report(&f.p, SC_SOC1);
	assert_int_equal(pr->months, 6);
	fx_close(&f);
}

/* Clients' auditors want the year ending now, and the plan sets aside the
 * look-back that could cover it because of high-priority gaps: the note
 * says it is not advised, and does not send them to ask for it. */
static void
a_year_set_aside_is_not_offered(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "payroll-bureau", NULL, "2026-12-06");
	const char *said = NULL;
	for (size_t i = 0; i < f.p.nnotes; i++)
		if (strstr(f.p.notes[i], "want their year ending 2026-12-31"))
			said = f.p.notes[i];
	assert_non_null(said);
	assert_non_null(strstr(said, "is not advised: the high-priority gaps"));
	assert_null(strstr(said, "ask your CPA firm whether"));
	fx_close(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(renewal_only_of_the_same_kind),
		cmocka_unit_test(years_of_evidence_look_back_a_year),
		cmocka_unit_test(someone_waiting_sees_a_quicker_type1),
		cmocka_unit_test(a_missed_deadline_is_said_first),
		cmocka_unit_test(no_gaps_no_readiness),
		cmocka_unit_test(readiness_is_shared_by_a_team),
		cmocka_unit_test(two_deadlines_each_named),
		cmocka_unit_test(a_type1_that_meets_the_deadline_is_named),
		cmocka_unit_test(a_first_soc2_looks_back_six_months),
		cmocka_unit_test(the_deadline_holds_the_report_it_is_for),
		cmocka_unit_test(soc1_covers_the_year_the_deadline_allows),
		cmocka_unit_test(a_year_set_aside_is_not_offered),
		cmocka_unit_test(a_soc1_renewal_names_only_its_own_gaps),
		cmocka_unit_test(a_year_out_of_reach_is_said),
		cmocka_unit_test(close_first_with_a_high_priority_gap),
		cmocka_unit_test(plan_invariants_hold),
	};
	return cmocka_run_group_tests(tests, load, unload);
}
