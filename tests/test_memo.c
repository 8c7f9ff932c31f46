/* The report as a scoping memo a consultant can sign (issue 18): what a
 * reader of each format notices.
 *
 *  - every conclusion resting on a note or an "I don't know" is marked
 *    with its assumption, and the assumptions section lists it with them;
 *  - the evidence list says "Exists" only for what the answers say is in
 *    place, "Not due yet" over a window still to come, and lists a request
 *    a SOC 1 and a SOC 2 both need once;
 *  - owners and due dates travel from the answers file to every format;
 *  - the HTML takes a stylesheet and a logo and still validates;
 *  - a no-report memo is short, with no empty category table;
 *  - rule ids wait for Appendix A;
 *  - readiness never reads as complete over what was not assessed.
 *
 * The fixture questionnaire (tests/fixtures/report) gives small cases; the
 * bundled questionnaire and its worked examples the real ones. */
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

#define FIXDIR SC_TESTDIR "/fixtures/report"

struct fx {
	struct sc_questionnaire *q;
	struct sc_answers *a;
	struct sc_eval *ev;
	struct sc_catalogue *cat;
};

static struct sc_questionnaire *
load_q(const char *path)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	struct sc_questionnaire *q = sc_questionnaire_load_file(path, &d, &st);
	sc_diags_fini(&d);
	assert_non_null(q);
	return q;
}

static struct sc_catalogue *
load_cat(const char *path)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	struct sc_catalogue *c = path ? sc_catalogue_load_file(path, &d, &st)
	                              : sc_catalogue_load_named(NULL, &d, &st);
	sc_diags_fini(&d);
	assert_non_null(c);
	return c;
}

/* The answers `doc` (a whole answers file) to questionnaire `q`. */
static void
fx_answers(struct fx *f, const char *doc)
{
	f->a = sc_answers_new(f->q);
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st =
		sc_answers_load_buffer(f->a, "case.yaml", doc, strlen(doc), &d);
	if (st != SC_OK) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		print_error("%s", sc_buf_str(&b));
		sc_buf_fini(&b);
	}
	sc_diags_fini(&d);
	assert_int_equal(st, SC_OK);
	f->ev = sc_eval_new(f->q, f->a);
	assert_non_null(f->ev);
}

/* The fixture questionnaire with the lines under `answers:` (and after
 * them, top-level keys such as notes: and actions:). */
static void
fx_fixture(struct fx *f, const char *answers)
{
	memset(f, 0, sizeof *f);
	f->q = load_q(FIXDIR "/report.yaml");
	char *doc = sc_xasprintf("socscope: 1\nquestionnaire: report-fixture\n"
	                         "questionnaire_version: \"2.1\"\nanswers:\n%s",
	                         answers);
	fx_answers(f, doc);
	free(doc);
	f->cat = load_cat(FIXDIR "/evidence.yaml");
}

/* The bundled questionnaire with an answers file of the source tree,
 * edited: each pair replaces the first `old` text of the file with `new`
 * (the test fails when `old` is not there). */
static void
fx_example_edit(struct fx *f, const char *rel, const char *const *pairs,
                size_t npairs)
{
	memset(f, 0, sizeof *f);
	char *qp = th_src("questionnaires/soc-scoping.yaml");
	f->q = load_q(qp);
	free(qp);
	char *path = th_src(rel);
	char *doc = th_read(path, NULL);
	assert_non_null(doc);
	for (size_t i = 0; i < npairs; i++) {
		const char *old = pairs[2 * i], *new = pairs[2 * i + 1];
		char *at = strstr(doc, old);
		assert_non_null(at);
		char *next = sc_xasprintf("%.*s%s%s", (int)(at - doc), doc, new,
		                          at + strlen(old));
		free(doc);
		doc = next;
	}
	fx_answers(f, doc);
	free(doc);
	free(path);
	f->cat = load_cat(NULL);
}

static void
fx_example(struct fx *f, const char *rel)
{
	fx_example_edit(f, rel, NULL, 0);
}

static const struct sc_gap_rec *
gap_of(struct fx *f, const char *id)
{
	const struct sc_result *r = sc_eval_result(f->ev);
	for (size_t i = 0; i < r->ngaps; i++)
		if (strcmp(r->gaps[i].def->id, id) == 0)
			return &r->gaps[i];
	return NULL;
}

static void
fx_close(struct fx *f)
{
	sc_catalogue_free(f->cat);
	sc_eval_free(f->ev);
	sc_answers_free(f->a);
	sc_questionnaire_free(f->q);
}

/* A report (with the evidence appendix where the format carries one). */
static char *
render_on(struct fx *f, enum sc_format fmt, const char *date,
          const struct sc_report_brand *brand)
{
	struct sc_report_opts o = {.date = date, .width = 80};
	struct sc_buf b = {0};
	sc_report_render_branded(f->q, f->a, f->ev, fmt, &o, f->cat, brand, &b);
	return sc_buf_steal(&b);
}

static char *
evidence_on(struct fx *f, enum sc_format fmt, const char *date)
{
	struct sc_report_opts o = {.date = date};
	struct sc_buf b = {0};
	assert_true(sc_evidence_render(f->q, f->a, f->ev, f->cat, fmt, &o, &b));
	return sc_buf_steal(&b);
}

static json_t *
parse(const char *s)
{
	json_error_t err;
	json_t *j = json_loads(s, 0, &err);
	if (!j)
		print_error("JSON error at line %d: %s\n", err.line, err.text);
	assert_non_null(j);
	return j;
}

static size_t
count(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

/* The body: what comes before Appendix A, whichever it is (its heading as
 * the format writes it), a copy. */
static char *
body_of(const char *doc, enum sc_format fmt)
{
	const char *mark = fmt == SC_FMT_TEXT   ? "\nAPPENDIX A: "
	                   : fmt == SC_FMT_HTML ? "<h2>Appendix A: "
	                                        : "\n## Appendix A: ";
	const char *at = strstr(doc, mark);
	assert_non_null(at);
	return sc_xstrndup(doc, (size_t)(at - doc));
}

/* Whitespace runs (wrapping, indentation) read as one space. */
static char *
squeeze(const char *s)
{
	struct sc_buf b = {0};
	sc_buf_add(&b, "", 0);
	bool sp = false;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\r') {
			sp = true;
			continue;
		}
		if (sp && b.len)
			sc_buf_putc(&b, ' ');
		sp = false;
		sc_buf_putc(&b, *s);
	}
	return sc_buf_steal(&b);
}

/* --- assumptions and the marks ------------------------------------------ */

/* Does a "Rests on ..." mark in `doc` name assumption `id` ("A2")? */
static bool
marked(const char *doc, const char *id)
{
	for (const char *p = doc; (p = strstr(p, "Rests on ")); p++) {
		const char *end = strstr(p, "(Appendix A)");
		if (!end)
			return false;
		size_t n = strlen(id);
		for (const char *q = p; q + n <= end; q++)
			if (strncmp(q, id, n) == 0 &&
			    (q[n] < '0' || q[n] > '9'))
				return true;
	}
	return false;
}

/* Each place `text` appears in `doc` (squeezed) is followed by a mark
 * naming `id` before the next sentence of the body. */
static void
text_marked(const char *doc, const char *text, const char *id,
            const char *fmt)
{
	size_t n = 0;
	for (const char *p = doc; (p = strstr(p, text)); p += strlen(text)) {
		n++;
		const char *after = p + strlen(text);
		const char *mark = strstr(after, "Rests on ");
		const char *see = mark ? strstr(mark, "(Appendix A)") : NULL;
		/* Right after it: the markup of a mark is a few characters. */
		if (!mark || mark - after > 32 || !see) {
			fail_msg("%s: \"%s\" not marked", fmt, text);
		}
		char *span = sc_xstrndup(mark, (size_t)(see - mark));
		if (!strstr(span, id))
			fail_msg("%s: \"%s\" marked without %s: %s", fmt, text, id,
			         span);
		free(span);
	}
	if (!n)
		fail_msg("%s: \"%s\" not shown", fmt, text);
}

/* The JSON's reasons and gaps each carry rests_on exactly for the
 * assumptions among the answers they rest on. */
static void
check_rests(json_t *item, const char *what, json_t *assumptions)
{
	json_t *because = json_object_get(item, "because");
	json_t *rests = json_object_get(item, "rests_on");
	size_t want = 0;
	for (size_t i = 0; i < json_array_size(assumptions); i++) {
		json_t *as = json_array_get(assumptions, i);
		const char *qid = json_string_value(json_object_get(as, "question"));
		bool rests_here = false;
		for (size_t k = 0; k < json_array_size(because); k++)
			rests_here |= strcmp(json_string_value(json_object_get(
				                     json_array_get(because, k), "question")),
			                     qid) == 0;
		if (!rests_here)
			continue;
		want++;
		const char *id = json_string_value(json_object_get(as, "id"));
		bool named = false;
		for (size_t k = 0; k < json_array_size(rests); k++)
			named |= strcmp(json_string_value(json_array_get(rests, k)), id) ==
			         0;
		if (!named)
			fail_msg("%s rests on %s (%s) but is not marked", what, id, qid);
	}
	assert_int_equal(json_array_size(rests), want);
}

static void
check_reasons_rests(json_t *reasons, const char *what, json_t *assumptions)
{
	for (size_t i = 0; i < json_array_size(reasons); i++)
		check_rests(json_array_get(reasons, i), what, assumptions);
}

/* A note and an "I don't know" in the answers: the conclusions resting on
 * them are marked in every format, and the assumptions section lists each
 * with its question, answer, note and those conclusions. */
static void
conclusions_on_assumptions_are_marked(void **state)
{
	(void)state;
	struct fx f;
	fx_fixture(&f, "  org_name: Acme\n"
	               "  services: [hosting]\n"
	               "  has_sla: unsure\n"
	               "  months_needed: 9\n  months_operating: 12\n"
	               "  evidence_kept: true\n  had_report: false\n"
	               "  risk_assessment: partly\n  incident_plan: true\n"
	               "notes:\n"
	               "  org_name: Trading as Acme Cloud since May.\n"
	               "  services: Only the EU region; the US one is resold.\n"
	               "  risk_assessment: Started in June, not approved.\n");
	static const char *const date = "2026-01-31";
	char *js = render_on(&f, SC_FMT_JSON, date, NULL);
	json_t *j = parse(js);
	json_t *all = json_object_get(j, "assumptions");
	/* The name's note: no conclusion rests on it, so it has no number
	 * and the body does not list it. */
	assert_int_equal(json_array_size(all), 4);
	json_t *name = json_array_get(all, 0);
	assert_string_equal(json_string_value(json_object_get(name, "question")),
	                    "org_name");
	assert_true(json_is_null(json_object_get(name, "id")));
	assert_int_equal(json_array_size(json_object_get(
		                 name, "rests_on_conclusions")), 0);
	json_t *as = json_array();
	for (size_t i = 1; i < json_array_size(all); i++)
		json_array_append(as, json_array_get(all, i));
	/* In questionnaire order: the services note, the SLA "Not sure", the
	 * risk note. */
	assert_int_equal(json_array_size(as), 3);
	static const char *const qids[] = {"services", "has_sla",
	                                   "risk_assessment"};
	for (size_t i = 0; i < 3; i++) {
		json_t *a = json_array_get(as, i);
		char id[8];
		snprintf(id, sizeof id, "A%zu", i + 1);
		assert_string_equal(json_string_value(json_object_get(a, "id")), id);
		assert_string_equal(json_string_value(json_object_get(a, "question")),
		                    qids[i]);
		assert_int_equal(json_is_true(json_object_get(a, "unsure")), i == 1);
		assert_true(json_array_size(json_object_get(
			            a, "rests_on_conclusions")) > 0);
	}
	/* The SOC 2 rests on the services note; the uptime follow-up on the
	 * "Not sure"; the risk gap on its note. */
	json_t *rests = json_object_get(json_array_get(as, 0),
	                                "rests_on_conclusions");
	bool soc2 = false;
	for (size_t k = 0; k < json_array_size(rests); k++)
		soc2 |= strcmp(json_string_value(json_array_get(rests, k)),
		               "SOC 2 Type II") == 0;
	assert_true(soc2);
	json_t *reports = json_object_get(json_object_get(j, "recommendation"),
	                                  "reports");
	for (size_t i = 0; i < json_array_size(reports); i++)
		check_reasons_rests(json_object_get(json_array_get(reports, i),
		                                    "reasons"),
		                    "a report's reason", as);
	json_t *gaps = json_object_get(j, "gaps");
	assert_true(json_array_size(gaps) >= 2);
	for (size_t i = 0; i < json_array_size(gaps); i++)
		check_rests(json_array_get(gaps, i), "a gap", as);
	const char *cat;
	json_t *t;
	json_object_foreach(json_object_get(j, "tsc"), cat, t)
		check_reasons_rests(json_object_get(t, "reasons"), cat, as);
	json_decref(as);
	json_decref(j);
	free(js);

	/* Every document marks A1, A2 and A3 before its appendices, says in
	 * its body how many there are and where they are listed, and lists
	 * them in Appendix A with what rests on each. */
	static const enum sc_format docs[] = {SC_FMT_TEXT, SC_FMT_MARKDOWN,
	                                      SC_FMT_HTML};
	for (size_t k = 0; k < 3; k++) {
		char *s = render_on(&f, docs[k], date, NULL);
		char *body = body_of(s, docs[k]);
		char *sq = squeeze(body);
		char *all = squeeze(s);
		const char *sec = strstr(sq, docs[k] == SC_FMT_TEXT
		                                     ? "ASSUMPTIONS AND OPEN QUESTIONS"
		                                     : "Assumptions and open "
		                                       "questions");
		assert_non_null(sec);
		assert_non_null(strstr(sec, "2 assumptions (a note typed in the "
		                            "interview) and 1 open question"));
		assert_non_null(strstr(sec, "They are marked A1 to A3"));
		const char *list = strstr(all, docs[k] == SC_FMT_TEXT
		                                       ? "APPENDIX A: ASSUMPTIONS AND "
		                                         "OPEN QUESTIONS"
		                                       : "Appendix A: assumptions and "
		                                         "open questions");
		assert_non_null(list);
		/* The list alone: up to Appendix B (the answers come later and
		 * show every note). */
		const char *next = strstr(list, docs[k] == SC_FMT_TEXT
		                                        ? "APPENDIX B: "
		                                        : "Appendix B: ");
		assert_non_null(next);
		char *lst = sc_xstrndup(list, (size_t)(next - list));
		list = lst;
		for (int a = 1; a <= 3; a++) {
			char id[8];
			snprintf(id, sizeof id, "A%d", a);
			if (!marked(sq, id))
				fail_msg("%s: no conclusion marked with %s",
				         sc_format_id_str(docs[k]), id);
		}
		/* Where the reasons stand: the SOC 2's and the subservice
		 * flag's rest on the services note, the categories' on
		 * nothing. */
		text_marked(sq, "Clients rely on your systems to keep their data "
		                "safe.",
		            "A1", sc_format_id_str(docs[k]));
		text_marked(sq, "Hosting and card payments rely on outside vendors "
		                "(data centres, cloud, payment processors).",
		            "A1", sc_format_id_str(docs[k]));
		text_marked(sq, "Share this assessment with a CPA firm and confirm "
		                "the scope, type and period.",
		            "A1", sc_format_id_str(docs[k]));
		assert_non_null(strstr(list, "Only the EU region; the US one is "
		                             "resold."));
		assert_non_null(strstr(list, "Answer: Not sure."));
		assert_non_null(strstr(list, "Follow-up: Confirm whether contracts "
		                             "promise uptime"));
		assert_non_null(strstr(list, "Gap: Perform a formal risk "
		                             "assessment"));
		/* The first page quotes the numbers the list gives. */
		if (strstr(all, "A0"))
			fail_msg("%s: a mark quotes A0", sc_format_id_str(docs[k]));
		/* The unnumbered note: counted in the body, not listed. */
		assert_null(strstr(list, "A4"));
		assert_null(strstr(list, "Trading as Acme Cloud"));
		assert_non_null(strstr(sec, "One more answer has a note or an "));
		free(lst);
		free(all);
		free(sq);
		free(body);
		free(s);
	}

	/* The CSV: a row per assumption, and the marked rows say so. */
	char *csv = render_on(&f, SC_FMT_CSV, date, NULL);
	assert_non_null(strstr(csv, "\r\nassumption,,has_sla,"));
	assert_non_null(strstr(csv, ",A2,open question,"));
	/* Notes that state facts are notes, not assumptions. */
	assert_non_null(strstr(csv, ",A1,note,"));
	assert_non_null(strstr(csv, ",A3,note,"));
	assert_non_null(strstr(csv, "Perform a formal risk assessment"));
	assert_non_null(strstr(csv, ",A3\r\n"));
	free(csv);
	fx_close(&f);

	/* A note that guesses is an assumption, in every format. */
	fx_fixture(&f, "  org_name: Acme\n"
	               "  services: [hosting]\n"
	               "  has_sla: true\n"
	               "  months_needed: 9\n  months_operating: 12\n"
	               "  evidence_kept: true\n  had_report: false\n"
	               "notes:\n"
	               "  has_sla: I think the enterprise plan promises 99.9%.\n");
	csv = render_on(&f, SC_FMT_CSV, date, NULL);
	assert_non_null(strstr(csv, ",A1,assumption,"));
	free(csv);
	char *md = render_on(&f, SC_FMT_MARKDOWN, date, NULL);
	assert_non_null(strstr(md, "A1, assumption"));
	free(md);
	fx_close(&f);
}

/* Every bundled example: whatever rests on a note or an "I don't know" is
 * marked in the JSON, and each assumption with conclusions is marked in
 * the Markdown's body. */
static void
examples_mark_what_rests_on_assumptions(void **state)
{
	(void)state;
	static const char *const examples[] = {
		"payroll-bureau", "early-stage-saas", "claims-administrator",
		"healthcare-saas", "local-bookkeeper", "managed-it-provider",
		"no-report-consultancy", "consumer-app",
	};
	size_t seen = 0;
	for (size_t e = 0; e < sizeof examples / sizeof examples[0]; e++) {
		char *rel = sc_xasprintf("questionnaires/examples/%s.yaml",
		                         examples[e]);
		struct fx f;
		fx_example(&f, rel);
		char *js = render_on(&f, SC_FMT_JSON, "2026-12-06", NULL);
		json_t *j = parse(js);
		json_t *as = json_object_get(j, "assumptions");
		json_t *reports = json_object_get(json_object_get(j, "recommendation"),
		                                  "reports");
		for (size_t i = 0; i < json_array_size(reports); i++)
			check_reasons_rests(json_object_get(json_array_get(reports, i),
			                                    "reasons"),
			                    examples[e], as);
		json_t *gaps = json_object_get(j, "gaps");
		for (size_t i = 0; i < json_array_size(gaps); i++)
			check_rests(json_array_get(gaps, i), examples[e], as);
		char *md = render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL);
		char *body = body_of(md, SC_FMT_MARKDOWN);
		/* Every number a mark quotes is one the list gives: A1 to the
		 * last numbered assumption, never A0 (a mark written before the
		 * numbering). */
		size_t numbered = 0;
		for (size_t i = 0; i < json_array_size(as); i++)
			numbered += json_is_string(json_object_get(
				json_array_get(as, i), "id"));
		for (const char *p = strstr(md, "rests on A"); p;
		     p = strstr(p + 1, "rests on A")) {
			unsigned long n = strtoul(p + 10, NULL, 10);
			if (n < 1 || n > numbered)
				fail_msg("%s: a mark quotes A%lu, the list numbers "
				         "A1 to A%zu", examples[e], n, numbered);
		}
		for (size_t i = 0; i < json_array_size(as); i++) {
			json_t *a = json_array_get(as, i);
			if (!json_array_size(json_object_get(a, "rests_on_conclusions")))
				continue;
			const char *id = json_string_value(json_object_get(a, "id"));
			if (!marked(body, id))
				fail_msg("%s: %s has conclusions but no mark", examples[e],
				         id);
			seen++;
		}
		free(body);
		free(md);
		json_decref(j);
		free(js);
		fx_close(&f);
		free(rel);
	}
	/* The examples do carry notes and "I don't know"s. */
	assert_true(seen >= 3);
}

/* --- the evidence list -------------------------------------------------- */

static json_t *
item_status(json_t *report, const char *item)
{
	json_t *items = json_object_get(json_object_get(report, "readiness"),
	                                "items");
	for (size_t i = 0; i < json_array_size(items); i++) {
		json_t *it = json_array_get(items, i);
		if (strcmp(json_string_value(json_object_get(it, "item")), item) == 0)
			return json_object_get(it, "status");
	}
	return NULL;
}

/* "Exists" only where every readiness item a request names was answered
 * in place, on every bundled example. */
static void
evidence_exists_only_when_answered(void **state)
{
	(void)state;
	static const char *const examples[] = {
		"payroll-bureau", "early-stage-saas", "claims-administrator",
		"healthcare-saas", "established-saas", "local-bookkeeper",
		"loan-servicer", "payment-processor",
	};
	size_t exists = 0, refused = 0;
	for (size_t e = 0; e < sizeof examples / sizeof examples[0]; e++) {
		char *rel = sc_xasprintf("questionnaires/examples/%s.yaml",
		                         examples[e]);
		struct fx f;
		fx_example(&f, rel);
		char *rs = render_on(&f, SC_FMT_JSON, "2026-12-06", NULL);
		char *es = evidence_on(&f, SC_FMT_JSON, "2026-12-06");
		json_t *report = parse(rs), *ev = parse(es);
		json_t *rows = json_object_get(ev, "requests");
		for (size_t i = 0; i < json_array_size(rows); i++) {
			json_t *r = json_array_get(rows, i);
			const char *st = json_string_value(json_object_get(r, "exists"));
			json_t *named = json_object_get(r, "readiness");
			bool all_in = json_array_size(named) > 0;
			for (size_t k = 0; k < json_array_size(named); k++) {
				json_t *s = item_status(report, json_string_value(
					                                json_array_get(named, k)));
				all_in = all_in && s &&
				         strcmp(json_string_value(s), "in_place") == 0;
			}
			if (strcmp(st, "in_place") == 0) {
				if (!all_in)
					fail_msg("%s: %s exists, but not every item it names "
					         "was answered in place",
					         examples[e],
					         json_string_value(json_object_get(r, "id")));
				exists++;
			} else if (all_in && strcmp(st, "not_due") != 0) {
				fail_msg("%s: %s is %s though its items are in place",
				         examples[e],
				         json_string_value(json_object_get(r, "id")), st);
			} else {
				refused++;
			}
		}
		json_decref(report);
		json_decref(ev);
		free(rs);
		free(es);
		fx_close(&f);
		free(rel);
	}
	assert_true(exists > 20);
	assert_true(refused > 20);
}

/* A request that names two readiness items, one answered in place and
 * one never asked, does not exist as far as anyone knows: "Not asked". */
static void
evidence_needs_every_item_it_names(void **state)
{
	(void)state;
	static const char cat[] =
		"id: two-items\ntitle: Two items\nversion: \"1\"\n"
		"sources:\n  - id: s\n    title: S\n    url: https://example.org/s\n"
		"requests:\n"
		"  - id: both\n    criteria: [CC3.1, CC7.4]\n    evidence: document\n"
		"    test: design\n    request: The risk policy and the plan.\n"
		"    readiness: [incident_plan, risk_assessment]\n"
		"    sources: [s]\n"
		"  - id: one\n    criteria: [CC3.1]\n    evidence: document\n"
		"    test: design\n    request: The risk policy.\n"
		"    readiness: [risk_assessment]\n    sources: [s]\n";
	struct fx f;
	fx_fixture(&f, "  services: [hosting]\n  has_sla: false\n"
	               "  risk_assessment: \"yes\"\n"
	               "  months_needed: 12\n  months_operating: 24\n"
	               "  evidence_kept: true\n");
	sc_catalogue_free(f.cat);
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	f.cat = sc_catalogue_load_buffer("two.yaml", cat, strlen(cat), &d, &st);
	sc_diags_fini(&d);
	assert_non_null(f.cat);
	char *js = evidence_on(&f, SC_FMT_JSON, "2026-01-31");
	json_t *j = parse(js);
	json_t *rows = json_object_get(j, "requests");
	assert_int_equal(json_array_size(rows), 2);
	assert_string_equal(json_string_value(json_object_get(
		                    json_array_get(rows, 0), "exists")),
	                    "not_asked");
	assert_string_equal(json_string_value(json_object_get(
		                    json_array_get(rows, 1), "exists")),
	                    "in_place");
	json_decref(j);
	free(js);
	fx_close(&f);
}

/* A memo without a SOC 1 proposes no control objectives, and says none:
 * the scope's introduction speaks of what it proposes. */
static void
scope_intro_fits_the_reports(void **state)
{
	(void)state;
	struct fx f;
	fx_example(&f, "questionnaires/examples/healthcare-saas.yaml");
	char *md = render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL);
	assert_null(strstr(md, "SOC 1 Type"));
	const char *scope = strstr(md, "## Scope of the examination");
	assert_non_null(scope);
	const char *next = strstr(scope + 3, "\n## ");
	assert_non_null(next);
	char *sec = sc_xstrndup(scope, (size_t)(next - scope));
	assert_null(strstr(sec, "control objectives"));
	free(sec);
	free(md);
	fx_close(&f);
	fx_example(&f, "questionnaires/examples/payroll-bureau.yaml");
	md = render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL);
	assert_non_null(strstr(md, "the control objectives the SOC 1 tests"));
	free(md);
	fx_close(&f);
}

/* Policies only partly written: the full set of policies is not "Exists",
 * although who owns them (the item the request names) is in place; the
 * gap it comes from is named on the row. */
static void
evidence_of_partly_written_policies_is_partial(void **state)
{
	(void)state;
	struct fx f;
	memset(&f, 0, sizeof f);
	char *qp = th_src("questionnaires/soc-scoping.yaml");
	f.q = load_q(qp);
	free(qp);
	char *path = th_src("questionnaires/examples/payroll-bureau.yaml");
	char *doc = th_read(path, NULL);
	free(path);
	char *at = strstr(doc, "controls_documented: 'yes'");
	assert_non_null(at);
	char *edited = sc_xasprintf("%.*scontrols_documented: partly%s",
	                            (int)(at - doc), doc,
	                            at + strlen("controls_documented: 'yes'"));
	free(doc);
	fx_answers(&f, edited);
	free(edited);
	f.cat = load_cat(NULL);
	char *js = evidence_on(&f, SC_FMT_JSON, "2026-12-06");
	json_t *j = parse(js);
	json_t *rows = json_object_get(j, "requests");
	bool seen = false;
	for (size_t i = 0; i < json_array_size(rows); i++) {
		json_t *r = json_array_get(rows, i);
		if (strcmp(json_string_value(json_object_get(r, "id")),
		           "policy_set") != 0)
			continue;
		seen = true;
		assert_string_equal(json_string_value(json_object_get(r, "exists")),
		                    "partial");
		json_t *gaps = json_object_get(r, "gaps");
		bool named = false;
		for (size_t k = 0; k < json_array_size(gaps); k++)
			named |= strcmp(json_string_value(json_array_get(gaps, k)),
			                "document_controls") == 0;
		assert_true(named);
	}
	assert_true(seen);
	json_decref(j);
	free(js);
	fx_close(&f);
}

/* Operation evidence over a window that has not begun cannot exist yet:
 * "Not due yet" in every format, whatever the readiness answers say; the
 * design evidence of the same items exists. */
static void
evidence_over_a_future_window_is_not_due(void **state)
{
	(void)state;
	struct fx f;
	fx_fixture(&f, "  services: [payroll, hosting]\n  has_sla: false\n"
	               "  risk_assessment: \"yes\"\n  incident_plan: true\n"
	               "  months_needed: 12\n  months_operating: 12\n"
	               "  had_report: false\n  clients_fiscal_year_end: dec\n");
	static const char *const date = "2025-10-18";
	char *js = evidence_on(&f, SC_FMT_JSON, date);
	json_t *j = parse(js);
	json_t *soc1 = json_array_get(json_object_get(j, "reports"), 0);
	/* The window starts after the report date. */
	assert_true(strcmp(json_string_value(json_object_get(soc1,
	                                                     "window_start")),
	                   date) > 0);
	json_t *rows = json_object_get(j, "requests");
	size_t not_due = 0, exists = 0;
	for (size_t i = 0; i < json_array_size(rows); i++) {
		json_t *r = json_array_get(rows, i);
		const char *test = json_string_value(json_object_get(r, "test"));
		const char *st = json_string_value(json_object_get(r, "exists"));
		if (strcmp(test, "operation") == 0) {
			assert_string_equal(st, "not_due");
			not_due++;
		} else if (strcmp(st, "in_place") == 0) {
			exists++;
		}
	}
	/* incident_log names an item answered in place: still not due. */
	assert_true(not_due >= 3);
	assert_true(exists >= 1);
	json_decref(j);
	free(js);
	char *csv = evidence_on(&f, SC_FMT_CSV, date);
	assert_non_null(strstr(csv, "incident_log,"));
	const char *row = strstr(csv, "incident_log,");
	const char *eol = strstr(row, "\r\n");
	char *line = sc_xstrndup(row, (size_t)(eol - row));
	assert_non_null(strstr(line, ",Not due yet,"));
	assert_null(strstr(line, ",Exists,"));
	free(line);
	free(csv);
	static const enum sc_format docs[] = {SC_FMT_MARKDOWN, SC_FMT_HTML};
	for (size_t k = 0; k < 2; k++) {
		char *s = render_on(&f, docs[k], date, NULL);
		assert_true(count(s, "Not due yet") >= not_due);
		free(s);
	}
	fx_close(&f);
}

/* A payroll bureau examined for a SOC 1 and a SOC 2 together gets one
 * request list: each request once, saying which reports it serves, in
 * every format. */
static void
combined_examination_lists_each_request_once(void **state)
{
	(void)state;
	struct fx f;
	fx_example(&f, "questionnaires/examples/payroll-bureau.yaml");
	char *js = evidence_on(&f, SC_FMT_JSON, "2026-12-06");
	json_t *j = parse(js);
	assert_int_equal(json_array_size(json_object_get(j, "reports")), 2);
	json_t *rows = json_object_get(j, "requests");
	size_t both = 0;
	char *docs[5] = {
		evidence_on(&f, SC_FMT_MARKDOWN, "2026-12-06"),
		evidence_on(&f, SC_FMT_HTML, "2026-12-06"),
		evidence_on(&f, SC_FMT_CSV, "2026-12-06"),
		render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL),
		render_on(&f, SC_FMT_HTML, "2026-12-06", NULL),
	};
	for (size_t i = 0; i < json_array_size(rows); i++) {
		json_t *r = json_array_get(rows, i);
		const char *id = json_string_value(json_object_get(r, "id"));
		for (size_t k = 0; k < i; k++)
			assert_string_not_equal(id, json_string_value(json_object_get(
				                             json_array_get(rows, k), "id")));
		both += json_array_size(json_object_get(r, "reports")) == 2;
		/* The request's text once in each document (escaped alike in
		 * none of them for these plain sentences). */
		const char *text = json_string_value(json_object_get(r, "request"));
		if (strpbrk(text, "&<>\"'*_|"))
			continue;
		for (size_t d = 0; d < 5; d++)
			if (count(docs[d], text) != 1)
				fail_msg("document %zu lists \"%.40s\" %zu times", d, text,
				         count(docs[d], text));
	}
	assert_true(both >= 10);
	/* Rows say which reports each serves. */
	assert_non_null(strstr(docs[0], "| SOC 1 Type II, SOC 2 Type II |"));
	assert_non_null(strstr(docs[1], "<td>SOC 1 Type II, SOC 2 Type II</td>"));
	assert_non_null(strstr(docs[2], ",SOC 1 Type II; SOC 2 Type II,"));
	for (size_t d = 0; d < 5; d++)
		free(docs[d]);
	json_decref(j);
	free(js);
	fx_close(&f);
}

/* --- owners and due dates ----------------------------------------------- */

/* Set in the answers file, saved and read back unchanged, shown in every
 * format and in the evidence list for the requests the gap produces. */
static void
owners_and_due_dates_travel_to_every_format(void **state)
{
	(void)state;
	struct fx f;
	fx_fixture(&f, "  services: [payroll, hosting]\n  has_sla: false\n"
	               "  months_needed: 9\n  months_operating: 12\n"
	               "  evidence_kept: true\n  had_report: false\n"
	               "  risk_assessment: \"no\"\n  incident_plan: false\n"
	               "actions:\n"
	               "  risk_assessment: {owner: Dana Whit, due: 2026-03-15}\n"
	               "  incident_plan: {owner: Sam Ode}\n");
	/* The round trip through the file. */
	struct sc_buf y = {0};
	sc_answers_to_yaml(f.a, &y);
	assert_non_null(strstr(sc_buf_str(&y), "owner: Dana Whit"));
	struct sc_answers *back = sc_answers_new(f.q);
	struct sc_diags d;
	sc_diags_init(&d);
	assert_int_equal(sc_answers_load_buffer(back, "back.yaml", sc_buf_str(&y),
	                                        y.len, &d),
	                 SC_OK);
	sc_diags_fini(&d);
	assert_true(sc_answers_same(f.a, back));
	sc_answers_free(back);
	sc_buf_fini(&y);

	static const char *const date = "2026-01-31";
	static const struct {
		enum sc_format fmt;
		const char *risk, *incident;
	} want[] = {
		{SC_FMT_TEXT, "Owner, due: Dana Whit, due 2026-03-15",
		 "Owner, due: Sam Ode"},
		{SC_FMT_MARKDOWN, "| CC3.1, CC3.2 | Dana Whit, due 2026-03-15 |",
		 "| CC7.3, CC7.4 | Sam Ode |"},
		{SC_FMT_HTML, "<td>CC3.1, CC3.2</td><td>Dana Whit, due 2026-03-15</td>",
		 "<td>CC7.3, CC7.4</td><td>Sam Ode</td>"},
		{SC_FMT_JSON, "\"owner\": \"Dana Whit\", \"due\": \"2026-03-15\"",
		 "\"owner\": \"Sam Ode\", \"due\": null"},
		{SC_FMT_CSV, ",Dana Whit,2026-03-15,", ",Sam Ode,,"},
	};
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		char *s = render_on(&f, want[k].fmt, date, NULL);
		char *sq = squeeze(s);
		if (!strstr(sq, want[k].risk) || !strstr(sq, want[k].incident))
			fail_msg("%s: owners and due dates not shown",
			         sc_format_id_str(want[k].fmt));
		free(sq);
		free(s);
	}
	/* The evidence list: the requests those gaps produce carry them. */
	char *csv = evidence_on(&f, SC_FMT_CSV, date);
	const char *row = strstr(csv, "\r\n1,risk_policy,");
	assert_non_null(row);
	const char *eol = strstr(row + 2, "\r\n");
	char *line = sc_xstrndup(row, (size_t)(eol - row));
	assert_non_null(strstr(line, ",risk_assessment,Dana Whit,2026-03-15,"));
	free(line);
	assert_non_null(strstr(csv, ",incident_plan,Sam Ode,,"));
	free(csv);
	char *md = evidence_on(&f, SC_FMT_MARKDOWN, date);
	assert_non_null(strstr(md, "| Dana Whit, due 2026-03-15 |"));
	free(md);
	fx_close(&f);
}

/* --- who prepared it, and the HTML's own look ---------------------------- */

static bool
have_tool(const char *name)
{
	char *cmd = sc_xasprintf("command -v %s >/dev/null 2>&1", name);
	int st = system(cmd);
	free(cmd);
	return st == 0;
}

static void
run_checker(const char *cmd, const char *file)
{
	char *full = sc_xasprintf("%s '%s' 2>&1", cmd, file);
	FILE *p = popen(full, "r");
	assert_non_null(p);
	struct sc_buf b = {0};
	char tmp[512];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, p)) > 0)
		sc_buf_add(&b, tmp, n);
	int st = pclose(p);
	if (st != 0 || b.len)
		print_error("%s:\n%s\n", full, sc_buf_str(&b));
	assert_int_equal(st, 0);
	assert_int_equal(b.len, 0);
	sc_buf_fini(&b);
	free(full);
}

static const unsigned char png[] = {
	0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
	'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
};

static void
brand_on_the_cover(void **state)
{
	(void)state;
	struct fx f;
	fx_example(&f, "questionnaires/examples/payroll-bureau.yaml");
	static const char css[] = "h1 { color: #0b3d91; }\n"
	                          ".summary { border-left-color: #0b3d91; }\n";
	struct sc_report_brand brand = {
		.assessor = "Jane Roe",
		.firm = "Roe & Partners <CPAs>",
		.stylesheet = css,
		.logo = png,
		.logo_len = sizeof png,
	};
	char *html = render_on(&f, SC_FMT_HTML, "2026-12-06", &brand);
	/* The consultant's rules after the built-in ones. */
	const char *builtin = strstr(html, "h1{font-size:1.7em");
	const char *mine = strstr(html, "h1 { color: #0b3d91; }");
	assert_non_null(builtin);
	assert_non_null(mine);
	assert_true(mine > builtin);
	assert_non_null(strstr(html, "<img src=\"data:image/png;base64,iVBORw0KGgo"));
	assert_non_null(strstr(html, "alt=\"Roe &amp; Partners &lt;CPAs&gt;\""));
	assert_non_null(strstr(html, "<dt>Prepared by</dt><dd>Jane Roe, Roe "
	                             "&amp; Partners &lt;CPAs&gt;</dd>"));
	/* A report a consultant signs is not called the client's
	 * self-assessment: the closing words name who prepared it. */
	assert_non_null(strstr(html, "This report was prepared with socscope "
	                             "by Jane Roe, Roe &amp; Partners "
	                             "&lt;CPAs&gt;, from the answers"));
	assert_null(strstr(html, "This report is a self-assessment"));
	/* Nothing is fetched: the logo is inside the file. */
	assert_null(strstr(html, "src=\"http"));
	bool tidy = have_tool("tidy"), xmllint = have_tool("xmllint");
	char *dir = th_mkdtemp();
	if (tidy || xmllint) {
		char *path = th_write(dir, "branded.html", html);
		if (tidy)
			run_checker("tidy -errors -quiet", path);
		free(path);
		/* An SVG logo too. */
		static const char svg[] =
			"<?xml version=\"1.0\"?>\n<!-- ours -->\n"
			"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" "
			"height=\"8\"><rect width=\"8\" height=\"8\"/></svg>\n";
		brand.logo = (const unsigned char *)svg;
		brand.logo_len = strlen(svg);
		char *h2 = render_on(&f, SC_FMT_HTML, "2026-12-06", &brand);
		assert_non_null(strstr(h2, "data:image/svg+xml;base64,"));
		path = th_write(dir, "svg.html", h2);
		if (tidy)
			run_checker("tidy -errors -quiet", path);
		free(path);
		free(h2);
	}
	th_rmtree(dir);
	free(dir);
	free(html);

	/* Every format names who prepared it; the file's names otherwise. */
	char *text = render_on(&f, SC_FMT_TEXT, "2026-12-06", &brand);
	assert_non_null(strstr(text, "Prepared by:    Jane Roe, Roe & Partners "
	                             "<CPAs>"));
	free(text);
	char *js = render_on(&f, SC_FMT_JSON, "2026-12-06", &brand);
	json_t *j = parse(js);
	assert_string_equal(json_string_value(json_object_get(j, "firm")),
	                    "Roe & Partners <CPAs>");
	assert_string_equal(json_string_value(json_object_get(j, "assessor")),
	                    "Jane Roe");
	json_decref(j);
	free(js);
	char *md = render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL);
	assert_non_null(strstr(md, "- **Prepared by:** Example\n"));
	free(md);
	fx_close(&f);
}

/* What may go in: the image types a browser shows, and a stylesheet that
 * stays inside its element, with where the problem is. */
static void
logo_types_and_stylesheet_problems(void **state)
{
	(void)state;
#define B(s) s, sizeof s - 1
	static const struct {
		const char *bytes;
		size_t len;
		const char *type;
	} logos[] = {
		{B("\x89PNG\r\n\x1a\nrest"), "image/png"},
		{B("\xff\xd8\xff\xe0rest"), "image/jpeg"},
		{B("<svg xmlns='x'/>"), "image/svg+xml"},
		{B("\xef\xbb\xbf<?xml version='1.0'?>\n<!DOCTYPE svg>\n<svg>"),
		 "image/svg+xml"},
		{B("  <!-- a comment -->\n<svg\nwidth='1'/>"), "image/svg+xml"},
		{B("<svgx/>"), NULL},
		{B("<html><svg></svg></html>"), NULL},
		{B("<!-- never closed <svg>"), NULL},
		{B("GIF89a"), NULL},
		{B("\x89PN"), NULL},
		{B(""), NULL},
	};
	for (size_t i = 0; i < sizeof logos / sizeof logos[0]; i++) {
		const char *t = sc_report_logo_type(
			(const unsigned char *)logos[i].bytes, logos[i].len);
		if (logos[i].type ? !t || strcmp(t, logos[i].type) != 0 : t != NULL)
			fail_msg("logo %zu: %s, expected %s", i, t ? t : "none",
			         logos[i].type ? logos[i].type : "none");
	}
	int line = 0, col = 0;
	assert_null(sc_report_stylesheet_problem("a{color:red}\n/* café */\n",
	                                         24, &line, &col));
	static const struct {
		const char *css;
		size_t len;
		int line, col;
	} bad[] = {
		{B("a{}\nb{}</STYLE><script>"), 2, 4},
		{B("a{}\n\x01"), 2, 1},
		{B("a{content:'\xff'}"), 1, 12},
		{B("a{}\0b{}"), 1, 4},
	};
#undef B
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *why = sc_report_stylesheet_problem(bad[i].css, bad[i].len,
		                                               &line, &col);
		assert_non_null(why);
		if (line != bad[i].line || col != bad[i].col)
			fail_msg("stylesheet %zu: %d:%d, expected %d:%d (%s)", i, line,
			         col, bad[i].line, bad[i].col, why);
	}
	/* A stylesheet refused is left out of the report, never inlined. */
	struct fx f;
	fx_fixture(&f, "  services: [hosting]\n");
	struct sc_report_brand brand = {.stylesheet = "x{}</style><b>hi</b>"};
	char *html = render_on(&f, SC_FMT_HTML, "2026-01-31", &brand);
	assert_null(strstr(html, "<b>hi</b>"));
	assert_int_equal(count(html, "</style>"), 1);
	free(html);
	fx_close(&f);
}

/* --- a short memo when there is no report ---------------------------------- */

static void
no_report_memo_is_short(void **state)
{
	(void)state;
	struct fx f;
	fx_example(&f, "questionnaires/examples/no-report-consultancy.yaml");
	char *md = render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL);
	size_t lines = count(md, "\n");
	if (lines > 100 || strlen(md) > 8000)
		fail_msg("no-report memo: %zu lines, %zu bytes", lines, strlen(md));
	/* No table of five categories out of scope, no roadmap with nothing
	 * to plan, no list of the questions not asked. */
	assert_null(strstr(md, "Trust Services categories"));
	assert_null(strstr(md, "| Privacy |"));
	assert_null(strstr(md, "## Roadmap"));
	assert_null(strstr(md, "Not asked (not applicable"));
	assert_non_null(strstr(md, "more questions were not asked"));
	/* How to answer the question truthfully. */
	char *sq = squeeze(md);
	assert_non_null(strstr(sq, "\"are you SOC 2 compliant?\""));
	assert_non_null(strstr(sq, "\"No. We have no SOC 2 report"));
	free(sq);
	free(md);
	char *text = render_on(&f, SC_FMT_TEXT, "2026-12-06", NULL);
	assert_true(count(text, "\n") < 140);
	assert_null(strstr(text, "TRUST SERVICES"));
	free(text);
	char *html = render_on(&f, SC_FMT_HTML, "2026-12-06", NULL);
	assert_null(strstr(html, "<th>Category</th>"));
	free(html);
	fx_close(&f);
}

/* --- rule ids wait for Appendix A ------------------------------------------ */

static void
collect_rules(json_t *reasons, json_t *into)
{
	for (size_t i = 0; i < json_array_size(reasons); i++)
		json_array_append(into, json_object_get(json_array_get(reasons, i),
		                                        "rule"));
}

static void
rule_ids_only_in_appendix_a(void **state)
{
	(void)state;
	static const char *const examples[] = {
		"payroll-bureau", "early-stage-saas", "no-report-consultancy",
		"healthcare-saas", "review-hosting-soc2-followups",
	};
	for (size_t e = 0; e < sizeof examples / sizeof examples[0]; e++) {
		char *rel = sc_xasprintf("questionnaires/examples/%s.yaml",
		                         examples[e]);
		struct fx f;
		memset(&f, 0, sizeof f);
		/* A review names its own questionnaire. */
		char *qp = th_src(strncmp(examples[e], "review", 6) == 0
		                          ? "questionnaires/soc-report-review.yaml"
		                          : "questionnaires/soc-scoping.yaml");
		f.q = load_q(qp);
		free(qp);
		char *path = th_src(rel);
		char *doc = th_read(path, NULL);
		fx_answers(&f, doc);
		free(doc);
		free(path);
		char *js = render_on(&f, SC_FMT_JSON, "2026-12-06", NULL);
		json_t *j = parse(js);
		json_t *rules = json_array();
		json_t *rec = json_object_get(j, "recommendation");
		json_t *reps = json_object_get(rec, "reports");
		for (size_t i = 0; i < json_array_size(reps); i++)
			collect_rules(json_object_get(json_array_get(reps, i), "reasons"),
			              rules);
		collect_rules(json_object_get(rec, "why_none"), rules);
		collect_rules(json_object_get(json_object_get(j, "outcome"),
		                              "reasons"),
		              rules);
		assert_true(json_array_size(rules) > 0);
		static const enum sc_format docs[] = {SC_FMT_TEXT, SC_FMT_MARKDOWN,
		                                      SC_FMT_HTML};
		for (size_t k = 0; k < 3; k++) {
			char *s = render_on(&f, docs[k], "2026-12-06", NULL);
			char *body = body_of(s, docs[k]);
			const char *appendix = s + strlen(body);
			assert_null(strstr(body, "(rule "));
			assert_null(strstr(body, "Rule `"));
			assert_null(strstr(body, "Rule <code>"));
			for (size_t i = 0; i < json_array_size(rules); i++) {
				const char *id = json_string_value(json_array_get(rules, i));
				char *as = docs[k] == SC_FMT_MARKDOWN
				                   ? sc_xasprintf("`%s`", id)
				           : docs[k] == SC_FMT_HTML
				                   ? sc_xasprintf("<code>%s</code>", id)
				                   : sc_xasprintf("ule %s", id);
				if (strstr(body, as))
					fail_msg("%s %s: rule %s in the body", examples[e],
					         sc_format_id_str(docs[k]), id);
				if (!strstr(appendix, as))
					fail_msg("%s %s: rule %s not in Appendix A", examples[e],
					         sc_format_id_str(docs[k]), id);
				free(as);
			}
			/* Nor the answers' trace: "because you answered:". */
			assert_null(strstr(body, "because you answered:"));
			free(body);
			free(s);
		}
		json_decref(rules);
		json_decref(j);
		free(js);
		fx_close(&f);
		free(rel);
	}
}

/* --- readiness as far as it was assessed ------------------------------------ */

static void
readiness_never_full_over_what_was_not_assessed(void **state)
{
	(void)state;
	/* Every item asked is in place, but seven areas were never asked. */
	struct fx f;
	fx_fixture(&f, "  services: [hosting]\n  has_sla: false\n"
	               "  risk_assessment: \"yes\"\n  incident_plan: true\n"
	               "  months_needed: 12\n  months_operating: 24\n"
	               "  evidence_kept: true\n");
	for (int fmt = 0; fmt < SC_FMT_COUNT; fmt++) {
		char *s = render_on(&f, fmt, "2026-01-31", NULL);
		char *sq = squeeze(s);
		if (strstr(sq, "100 out of 100"))
			fail_msg("%s: a full score over areas not assessed",
			         sc_format_id_str(fmt));
		assert_non_null(strstr(sq, "not assessed"));
		assert_non_null(strstr(sq, "Change management"));
		assert_null(strstr(sq, "No gap was found in your answers"));
		free(sq);
		free(s);
	}
	char *js = render_on(&f, SC_FMT_JSON, "2026-01-31", NULL);
	json_t *j = parse(js);
	json_t *rd = json_object_get(j, "readiness");
	assert_true(json_is_true(json_object_get(rd, "assessed")));
	assert_int_equal(json_array_size(json_object_get(rd, "not_assessed")), 7);
	json_decref(j);
	free(js);
	fx_close(&f);

	/* The checklist never asked: no score and no "no gap" either. */
	fx_fixture(&f, "  services: [hosting]\n  has_sla: false\n");
	char *md = render_on(&f, SC_FMT_MARKDOWN, "2026-01-31", NULL);
	char *sq = squeeze(md);
	assert_null(strstr(sq, "out of 100"));
	assert_null(strstr(sq, "No gap was found"));
	assert_non_null(strstr(sq, "readiness was not assessed: the readiness "
	                           "checklist was not asked"));
	free(sq);
	free(md);
	fx_close(&f);
}

#define COBBLESTONE "tests/personas/cobblestone-retirement-partners/answers.yaml"

/* A SOC 1 renewal carries its last report's control objectives: the
 * proposal says so above them, in every format; a first SOC 1 does not. */
static void
renewal_objectives_carry_forward(void **state)
{
	(void)state;
	static const char say[] = "control objectives carry forward: a renewal "
	                          "keeps them";
	struct fx f;
	fx_example(&f, COBBLESTONE);
	static const enum sc_format fmts[] = {SC_FMT_MARKDOWN, SC_FMT_HTML,
	                                      SC_FMT_TEXT};
	for (size_t i = 0; i < 3; i++) {
		char *out = render_on(&f, fmts[i], "2026-12-06", NULL);
		char *sq = squeeze(out);
		const char *obj = strstr(sq, "Control objectives proposed (SOC 1)");
		assert_non_null(obj);
		const char *at = strstr(sq, say);
		assert_non_null(at);
		/* Under the heading, before the first objective. */
		assert_true(at > obj);
		assert_true(at < strstr(obj, "Enrolments, eligibility"));
		free(sq);
		free(out);
	}
	fx_close(&f);
	fx_example(&f, "questionnaires/examples/payroll-bureau.yaml");
	char *md = render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL);
	assert_non_null(strstr(md, "Control objectives proposed (SOC 1)"));
	assert_null(strstr(md, say));
	free(md);
	fx_close(&f);
}

/* The reasons say a look-back is possible; where the plan does not take
 * it, the recommendation says why, and where it does, says nothing more. */
static void
lookback_not_taken_is_explained(void **state)
{
	(void)state;
	static const char say[] = "The plan does not report on months already "
	                          "gone";
	struct fx f;
	fx_example(&f, COBBLESTONE);
	char *md = render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL);
	const char *soc2 = strstr(md, "### SOC 2 Type II");
	assert_non_null(soc2);
	const char *at = strstr(md, say);
	assert_non_null(at);
	assert_true(at > soc2 && at < strstr(soc2, "\n## "));
	/* Once: not under the SOC 1 renewal, which continues its periods. */
	assert_int_equal(count(md, say), 1);
	free(md);
	fx_close(&f);
	fx_example(&f, "questionnaires/examples/claims-administrator.yaml");
	md = render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL);
	assert_non_null(strstr(md, "look-back"));
	assert_null(strstr(md, say));
	free(md);
	fx_close(&f);
}

/* First weeks over the year-end holidays are flagged as optimistic; in
 * spring they are not. */
static void
holidays_are_flagged(void **state)
{
	(void)state;
	static const char say[] = "run over the year-end holidays";
	struct fx f;
	fx_example(&f, "questionnaires/examples/payroll-bureau.yaml");
	sc_eval_set_today(f.ev, sc_day_from_ymd(2026, 12, 6));
	char *md = render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL);
	assert_int_equal(count(md, say), 1);
	free(md);
	sc_eval_set_today(f.ev, sc_day_from_ymd(2027, 3, 1));
	md = render_on(&f, SC_FMT_MARKDOWN, "2027-03-01", NULL);
	assert_null(strstr(md, say));
	free(md);
	fx_close(&f);
}

/* A provider to ERISA plans: the Department of Labor's best practices put
 * the penetration test, the risk assessment and training first, and a
 * recordkeeper of retirement plans gets the trust reconciliation among
 * its objectives; without ERISA plans the same answers are medium or low. */
static void
erisa_practices_come_first(void **state)
{
	(void)state;
	static const char trust[] = "reconciled with the trustee's or "
	                            "custodian's records";
	static const struct {
		const char *erisa, *pen, *risk, *roles;
		bool objectives;
	} cases[] = {
		{"retirement", "High", "High", "High", true},
		{"welfare", "High", "High", "High", false},
		{"\"no\"", "Medium", "Medium", "Medium", false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *erisa = sc_xasprintf("  erisa_plans: %s\n", cases[i].erisa);
		/* Cobblestone answered "retirement", and has had no
		 * penetration test. */
		const char *const real[] = {"  erisa_plans: retirement\n", erisa};
		struct fx f;
		fx_example_edit(&f, COBBLESTONE, real, 1);
		const struct sc_gap_rec *g = gap_of(&f, "pen_test");
		assert_non_null(g);
		assert_string_equal(sc_priority_name(g->priority), cases[i].pen);
		g = gap_of(&f, "risk_assessment");
		assert_non_null(g);
		assert_string_equal(sc_priority_name(g->priority), cases[i].risk);
		g = gap_of(&f, "roles_understood");
		assert_non_null(g);
		assert_string_equal(sc_priority_name(g->priority), cases[i].roles);
		char *md = render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL);
		assert_int_equal(strstr(md, trust) != NULL, cases[i].objectives);
		if (strcmp(cases[i].pen, "High") == 0)
			assert_non_null(strstr(md, "Department of Labor"));
		free(md);
		fx_close(&f);
		free(erisa);
	}
}

/* Privacy practices are a gap only where Privacy is in scope: with most
 * personal information the customers', Privacy is left out and its
 * practices are not listed beside "out of scope". */
static void
privacy_gaps_follow_privacy_scope(void **state)
{
	(void)state;
	struct fx f;
	fx_example(&f, COBBLESTONE);
	assert_null(gap_of(&f, "privacy_practices"));
	const struct sc_result *r = sc_eval_result(f.ev);
	assert_false(r->tsc[SC_CAT_PRIVACY].in_scope);
	fx_close(&f);
	const char *const own[] = {"  collection_role: both\n",
	                           "  collection_role: own\n"};
	fx_example_edit(&f, COBBLESTONE, own, 1);
	r = sc_eval_result(f.ev);
	assert_true(r->tsc[SC_CAT_PRIVACY].in_scope);
	assert_non_null(gap_of(&f, "privacy_practices"));
	fx_close(&f);
}

/* An outside administrator of the organization's own systems is not
 * carved out like a hosting provider: its work is the organization's
 * controls, and the memo says so beside the carve-out of the others. */
static void
it_provider_is_not_carved_out(void **state)
{
	(void)state;
	const char *const edit[] = {"  vendors: [other_saas, partner_firm]\n",
	                            "  vendors: [other_saas, partner_firm, "
	                            "it_provider]\n"};
	struct fx f;
	fx_example_edit(&f, COBBLESTONE, edit, 1);
	char *md = render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL);
	char *sq = squeeze(md);
	assert_non_null(strstr(sq, "Your outside IT provider is not carved "
	                           "out"));
	/* The carve-out of the others sets it apart. */
	assert_non_null(strstr(sq, "apart from your outside IT provider"));
	free(sq);
	free(md);
	fx_close(&f);
	fx_example(&f, COBBLESTONE);
	md = render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL);
	assert_null(strstr(md, "outside IT provider"));
	free(md);
	fx_close(&f);
}

/* An agency works in its customers' own accounts: the controls proposed
 * for its customers are about the access they give, not about managing
 * users of a system of the agency's; a software service's customers do
 * manage their users. */
static void
agency_cuecs_are_about_the_access_given(void **state)
{
	(void)state;
	static const char users[] = "Customers manage their own users of the "
	                            "service";
	static const char access[] = "give you access to their own accounts";
	struct fx f;
	fx_example(&f, "tests/personas/saltmarsh-creative/answers.yaml");
	char *md = render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL);
	char *sq = squeeze(md);
	assert_null(strstr(sq, users));
	assert_non_null(strstr(sq, access));
	free(sq);
	free(md);
	fx_close(&f);
	const char *const saas[] = {"  services: [professional, other]\n",
	                            "  services: [saas]\n"};
	fx_example_edit(&f, "tests/personas/saltmarsh-creative/answers.yaml",
	                saas, 1);
	md = render_on(&f, SC_FMT_MARKDOWN, "2026-12-06", NULL);
	sq = squeeze(md);
	assert_non_null(strstr(sq, users));
	assert_null(strstr(sq, access));
	free(sq);
	free(md);
	fx_close(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(conclusions_on_assumptions_are_marked),
		cmocka_unit_test(examples_mark_what_rests_on_assumptions),
		cmocka_unit_test(evidence_exists_only_when_answered),
		cmocka_unit_test(evidence_needs_every_item_it_names),
		cmocka_unit_test(evidence_of_partly_written_policies_is_partial),
		cmocka_unit_test(scope_intro_fits_the_reports),
		cmocka_unit_test(evidence_over_a_future_window_is_not_due),
		cmocka_unit_test(combined_examination_lists_each_request_once),
		cmocka_unit_test(owners_and_due_dates_travel_to_every_format),
		cmocka_unit_test(brand_on_the_cover),
		cmocka_unit_test(logo_types_and_stylesheet_problems),
		cmocka_unit_test(no_report_memo_is_short),
		cmocka_unit_test(rule_ids_only_in_appendix_a),
		cmocka_unit_test(readiness_never_full_over_what_was_not_assessed),
		cmocka_unit_test(renewal_objectives_carry_forward),
		cmocka_unit_test(lookback_not_taken_is_explained),
		cmocka_unit_test(holidays_are_flagged),
		cmocka_unit_test(erisa_practices_come_first),
		cmocka_unit_test(privacy_gaps_follow_privacy_scope),
		cmocka_unit_test(it_provider_is_not_carved_out),
		cmocka_unit_test(agency_cuecs_are_about_the_access_given),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
