/* The report and its five exporters.
 *
 * Golden files: tests/golden/<case>.<ext> hold the exact output for each
 * answers set in tests/fixtures/report/ (questionnaire report.yaml), rendered
 * with a fixed date, the Markdown and HTML with the evidence appendix from
 * the catalogue evidence.yaml; <case>.evidence.<ext> the evidence request
 * list on its own in its four formats.  A normal run compares byte for byte and, on a
 * mismatch, writes the actual output next to the build and prints the diff
 * command.  After a deliberate change, rewrite them with
 *
 *     SOCSCOPE_UPDATE_GOLDEN=1 meson test -C BUILD report
 *
 * and review the diff like code before committing.
 *
 * Besides the goldens: the JSON follows the contract's schema, the CSV
 * parses back (RFC 4180) to the same fields, every format tells the same
 * story, the HTML passes tidy and xmllint and the Markdown renders as
 * meant with cmark-gfm (each skipped when the tool is not installed), the
 * text respects its width, and hostile text (invalid UTF-8, terminal escape
 * sequences) never reaches the output. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <wchar.h>

#include "helpers.h"
#include "socscope/date.h"
#include "socscope/report.h"

#define FIXDIR SC_TESTDIR "/fixtures/report"
#define GOLDDIR SC_TESTDIR "/golden"
#define DATE "2026-01-31" /* a month end: roadmap dates must clamp */

static const char *const cases[] = {"full", "none", "partial", "escape"};
#define NCASES (sizeof cases / sizeof cases[0])

struct fx {
	struct sc_questionnaire *q;
	struct sc_answers *a;
	struct sc_eval *ev;
};

static struct sc_questionnaire *
load_q(void)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	struct sc_questionnaire *q =
		sc_questionnaire_load_file(FIXDIR "/report.yaml", &d, &st);
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

static void
fx_open(struct fx *f, const char *name)
{
	f->q = load_q();
	f->a = sc_answers_new(f->q);
	char *path = sc_xasprintf("%s/%s.yaml", FIXDIR, name);
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = sc_answers_load_file(f->a, path, &d);
	if (st != SC_OK) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		print_error("%s", sc_buf_str(&b));
		sc_buf_fini(&b);
	}
	sc_diags_fini(&d);
	free(path);
	assert_int_equal(st, SC_OK);
	f->ev = sc_eval_new(f->q, f->a);
	assert_non_null(f->ev);
	sc_eval_reset(f->ev);
}

static void
fx_close(struct fx *f)
{
	sc_eval_free(f->ev);
	sc_answers_free(f->a);
	sc_questionnaire_free(f->q);
}

static char *
render(struct fx *f, enum sc_format fmt, int width)
{
	struct sc_report_opts o = {.date = DATE, .width = width};
	struct sc_buf b = {0};
	sc_report_render(f->q, f->a, f->ev, fmt, &o, &b);
	return sc_buf_steal(&b);
}

static char *
render_case(const char *name, enum sc_format fmt, int width)
{
	struct fx f;
	fx_open(&f, name);
	char *s = render(&f, fmt, width);
	fx_close(&f);
	return s;
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

/* Compare with tests/golden/<file>, or rewrite it when asked to. */
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
	if (!want) {
		print_error("%s: missing golden file; run with "
		            "SOCSCOPE_UPDATE_GOLDEN=1 to create it\n", path);
		free(path);
		fail();
	}
	if (len != strlen(actual) || memcmp(want, actual, len) != 0) {
		mkdir(SC_BUILDDIR "/golden-actual", 0755);
		char *got = sc_xasprintf("%s/golden-actual/%s", SC_BUILDDIR, file);
		write_file(got, actual);
		print_error("%s differs from the golden file; see\n"
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

static struct sc_catalogue *
load_cat(void)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	struct sc_catalogue *c =
		sc_catalogue_load_file(FIXDIR "/evidence.yaml", &d, &st);
	sc_diags_fini(&d);
	assert_non_null(c);
	return c;
}

/* The report with the evidence appendix (Markdown and HTML carry it). */
static char *
render_full(struct fx *f, enum sc_format fmt, const struct sc_catalogue *c)
{
	struct sc_report_opts o = {.date = DATE};
	struct sc_buf b = {0};
	sc_report_render_full(f->q, f->a, f->ev, fmt, &o, c, &b);
	return sc_buf_steal(&b);
}

/* The same on a report date of one's own (the day the rules count from). */
static char *
render_full_at(struct fx *f, enum sc_format fmt, const struct sc_catalogue *c,
               const char *date)
{
	struct sc_report_opts o = {.date = date};
	struct sc_buf b = {0};
	sc_report_render_full(f->q, f->a, f->ev, fmt, &o, c, &b);
	return sc_buf_steal(&b);
}

/* The day the review fixtures are evaluated on. */
#define REVIEW_DATE "2026-12-15"

/* The evidence request list on its own. */
static char *
render_evidence(struct fx *f, enum sc_format fmt, const struct sc_catalogue *c)
{
	struct sc_report_opts o = {.date = DATE};
	struct sc_buf b = {0};
	assert_true(sc_evidence_render(f->q, f->a, f->ev, c, fmt, &o, &b));
	return sc_buf_steal(&b);
}

static char *
render_evidence_case(const char *name, enum sc_format fmt)
{
	struct fx f;
	fx_open(&f, name);
	struct sc_catalogue *c = load_cat();
	char *s = render_evidence(&f, fmt, c);
	sc_catalogue_free(c);
	fx_close(&f);
	return s;
}

static void
golden_case(const char *name)
{
	struct fx f;
	fx_open(&f, name);
	struct sc_catalogue *c = load_cat();
	for (int fmt = 0; fmt < SC_FMT_COUNT; fmt++) {
		char *s = render_full(&f, fmt, c);
		char *file = sc_xasprintf("%s.%s", name, sc_format_ext(fmt));
		check_golden(file, s);
		free(file);
		free(s);
		/* Without a catalogue, the same report without the list (and a
		 * report that recommends none has no list to carry). */
		s = render(&f, fmt, 0);
		char *with = render_full(&f, fmt, c);
		if ((fmt == SC_FMT_MARKDOWN || fmt == SC_FMT_HTML) &&
		    sc_eval_result(f.ev)->nreports > 0)
			assert_true(strlen(s) < strlen(with));
		else
			assert_string_equal(s, with);
		free(with);
		free(s);
		if (fmt == SC_FMT_TEXT)
			continue;
		s = render_evidence(&f, fmt, c);
		file = sc_xasprintf("%s.evidence.%s", name, sc_format_ext(fmt));
		check_golden(file, s);
		free(file);
		free(s);
	}
	struct sc_buf b = {0};
	assert_false(sc_evidence_render(f.q, f.a, f.ev, c, SC_FMT_TEXT, NULL, &b));
	assert_false(sc_evidence_render(f.q, f.a, f.ev, NULL, SC_FMT_JSON, NULL,
	                                &b));
	assert_int_equal(b.len, 0);
	sc_catalogue_free(c);
	fx_close(&f);
}

/* No category is shown in or out of scope without a reason, with or
 * without a SOC 2: every view says why (sc_result_tsc_why), and the text
 * report, which shows the categories only with a SOC 2 (no empty table),
 * gives each category line a reason under it. */
static void
every_category_has_a_reason(void **state)
{
	(void)state;
	static const char *const cases[] = {"full", "none", "partial", "escape"};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct fx f;
		fx_open(&f, cases[k]);
		const struct sc_result *r = sc_eval_result(f.ev);
		for (int c = 0; c < SC_CAT_COUNT; c++) {
			const char *why = sc_result_tsc_why(f.q, r, c);
			if (!why || !*why)
				fail_msg("%s: %s has no reason", cases[k],
				         sc_category_name(c));
		}
		char *s = render(&f, SC_FMT_TEXT, 0);
		if (!r->tsc[SC_CAT_SECURITY].in_scope) {
			assert_null(strstr(s, "TRUST SERVICES CATEGORIES"));
			free(s);
			fx_close(&f);
			continue;
		}
		for (int c = 0; c < SC_CAT_COUNT; c++) {
			char *head = sc_xasprintf("\n* %s: ", sc_category_name(c));
			const char *at = strstr(s, head);
			assert_non_null(at);
			const char *next = strchr(at + 1, '\n');
			assert_non_null(next);
			if (strncmp(next + 1, "  - ", 4) != 0)
				fail_msg("%s: %s shown without a reason", cases[k],
				         sc_category_name(c));
			free(head);
		}
		free(s);
		fx_close(&f);
	}
}

static void
golden_full(void **state)
{
	(void)state;
	golden_case("full");
}

static void
golden_none(void **state)
{
	(void)state;
	golden_case("none");
}

static void
golden_partial(void **state)
{
	(void)state;
	golden_case("partial");
}

static void
golden_escape(void **state)
{
	(void)state;
	golden_case("escape");
	/* Narrow: CJK and long words must wrap by display width. */
	char *s = render_case("escape", SC_FMT_TEXT, 40);
	check_golden("escape.w40.txt", s);
	free(s);
}

/* --- a questionnaire that concludes with an outcome -------------------- */

#define REVIEWDIR SC_TESTDIR "/fixtures/review"

/* The fixture review questionnaire with answers `name`, evaluated on a
 * fixed today (its rules compare dates with it). */
static void
review_open(struct fx *f, const char *name)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	f->q = sc_questionnaire_load_file(REVIEWDIR "/outcomes.yaml", &d, &st);
	assert_non_null(f->q);
	f->a = sc_answers_new(f->q);
	char *path = sc_xasprintf("%s/%s.yaml", REVIEWDIR, name);
	assert_int_equal(sc_answers_load_file(f->a, path, &d), SC_OK);
	free(path);
	sc_diags_fini(&d);
	f->ev = sc_eval_new(f->q, f->a);
	sc_day today;
	assert_true(sc_date_parse("2026-12-15", &today, NULL));
	sc_eval_set_today(f->ev, today);
}

/* Every format of a review: the outcome, follow-ups apart from the
 * reader's own gaps, the header lines and the questionnaire's disclaimer,
 * and none of the SOC sections, even with an evidence catalogue given. */
static void
golden_review(void **state)
{
	(void)state;
	static const char *const names[] = {"fair", "open", "broken"};
	struct sc_catalogue *c = load_cat();
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct fx f;
		review_open(&f, names[i]);
		for (int fmt = 0; fmt < SC_FMT_COUNT; fmt++) {
			char *s = render_full_at(&f, fmt, c, REVIEW_DATE);
			char *file = sc_xasprintf("review-%s.%s", names[i],
			                          sc_format_ext(fmt));
			check_golden(file, s);
			assert_null(strstr(s, "Trust Services"));
			assert_null(strstr(s, "oadmap"));
			assert_null(strstr(s, "SOC scoping report"));
			assert_null(strstr(s, "{{"));
			/* The questionnaire's own disclaimer (the CSV has none). */
			if (fmt != SC_FMT_CSV)
				assert_non_null(strstr(s, "This check is a fixture"));
			assert_null(strstr(s, "prepare for a conversation"));
			free(file);
			free(s);
		}
		fx_close(&f);
	}
	sc_catalogue_free(c);
}

/* What the review's reports say, format by format. */
static void
review_reports_say_what_the_answers_mean(void **state)
{
	(void)state;
	struct fx f;
	review_open(&f, "fair");
	char *json = render_full_at(&f, SC_FMT_JSON, NULL, REVIEW_DATE);
	json_error_t jerr;
	json_t *root = json_loads(json, 0, &jerr);
	assert_non_null(root);
	/* The keys every report has, then the outcome in place of the SOC
	 * recommendation. */
	const char *const order[] = {"socscope", "questionnaire", "client",
	                             "complete", "unanswered", "outcome",
	                             "follow_ups", "gaps", "next_steps"};
	const char *key;
	json_t *v;
	size_t k = 0;
	json_object_foreach(root, key, v) {
		if (k < sizeof order / sizeof order[0])
			assert_string_equal(key, order[k]);
		k++;
	}
	assert_null(json_object_get(root, "recommendation"));
	assert_null(json_object_get(root, "tsc"));
	json_t *o = json_object_get(root, "outcome");
	assert_string_equal(json_string_value(json_object_get(o, "id")), "fair");
	json_t *rs = json_object_get(o, "reasons");
	assert_int_equal(json_array_size(rs), 2);
	assert_string_equal(json_string_value(json_object_get(
		json_array_get(rs, 0), "text")),
		"Acme <Hosting> & Co did so-so; its period ended on 2026-06-30.");
	json_t *fu = json_object_get(root, "follow_ups");
	json_t *gaps = json_object_get(root, "gaps");
	assert_int_equal(json_array_size(fu), 1);
	assert_int_equal(json_array_size(gaps), 1);
	assert_string_equal(json_string_value(json_object_get(
		json_array_get(fu, 0), "advice")),
		"Ask Acme <Hosting> & Co about the months since 2026-06-30.");
	assert_string_equal(json_string_value(json_object_get(
		json_array_get(gaps, 0), "kind")), "gap");
	/* A follow-up shows every criterion it cites: no report is planned. */
	assert_int_equal(json_array_size(json_object_get(json_array_get(fu, 0),
	                                                 "criteria")), 2);
	assert_string_equal(json_string_value(json_object_get(root,
	                                                      "next_review")),
	                    "2027-06-15");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
		json_object_get(root, "next_steps"), 0), "text")),
		"File the check of Acme <Hosting> & Co (=SUM(A1) \"first\" "
		"check).");
	json_decref(root);
	free(json);

	/* The CSV: the outcome row, and the formula-looking answer quoted. */
	char *csv = render_full_at(&f, SC_FMT_CSV, NULL, REVIEW_DATE);
	assert_non_null(strstr(csv, "\r\noutcome,,,,,,,Fair,,"));
	assert_non_null(strstr(csv, "\r\nfield,,vendor,,Acme <Hosting> & Co,"));
	free(csv);
	fx_close(&f);

	/* An exclusive outcome lists only its own follow-ups. */
	review_open(&f, "broken");
	char *text = render(&f, SC_FMT_TEXT, 80);
	assert_non_null(strstr(text, "Cannot tell: answers contradict each"));
	assert_non_null(strstr(text, "Check the period's end"));
	assert_null(strstr(text, "Your own gap: tag a"));
	assert_null(strstr(text, "Ask the vendor what went wrong"));
	free(text);
	fx_close(&f);
}

/* --- text width --------------------------------------------------------- */

static int
display_width(const char *s, size_t n)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	int w = 0;
	size_t i = 0;
	while (i < n) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s + i, n - i, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0)
			return -1;
		int cw = wcwidth(wc);
		w += cw < 0 ? 1 : cw;
		i += k;
	}
	return w;
}

static void
text_fits_its_width(void **state)
{
	(void)state;
	static const int widths[] = {40, 60, 80, 100};
	for (size_t c = 0; c < NCASES; c++) {
		for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++) {
			char *s = render_case(cases[c], SC_FMT_TEXT, widths[k]);
			const char *line = s;
			int lineno = 1;
			while (*line) {
				const char *nl = strchr(line, '\n');
				assert_non_null(nl); /* every line ends with \n */
				int w = display_width(line, (size_t)(nl - line));
				if (w < 0 || w > widths[k])
					print_error("%s width %d line %d: %d columns: %.*s\n",
					            cases[c], widths[k], lineno, w,
					            (int)(nl - line), line);
				assert_true(w >= 0 && w <= widths[k]);
				/* No trailing blanks, no tabs, nothing but ASCII
				 * structure around the user's text. */
				assert_true(nl == line || nl[-1] != ' ');
				assert_null(memchr(line, '\t', (size_t)(nl - line)));
				line = nl + 1;
				lineno++;
			}
			free(s);
		}
	}
}

/* --- JSON --------------------------------------------------------------- */

static json_t *
parse_json(const char *s)
{
	json_error_t err;
	json_t *j = json_loads(s, 0, &err);
	if (!j)
		print_error("JSON error at line %d: %s\n", err.line, err.text);
	assert_non_null(j);
	return j;
}

static json_t *
get(json_t *o, const char *key, int type)
{
	assert_true(json_is_object(o));
	json_t *v = json_object_get(o, key);
	if (!v || (int)json_typeof(v) != type)
		print_error("key \"%s\" missing or of the wrong type\n", key);
	assert_non_null(v);
	assert_int_equal((int)json_typeof(v), type);
	return v;
}

static void
assert_lower_id(const char *s)
{
	for (; *s; s++)
		assert_true((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		            *s == '_');
}

/* The keys of `o` start with `keys` in this order (more may follow). */
static void
assert_key_order(json_t *o, const char *const *keys, size_t n)
{
	size_t i = 0;
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v) {
		(void)v;
		if (i < n) {
			if (strcmp(k, keys[i]) != 0)
				print_error("key %zu: \"%s\", expected \"%s\"\n", i, k,
				            keys[i]);
			assert_string_equal(k, keys[i]);
		}
		i++;
	}
	assert_true(i >= n);
}

static void
check_reasons(json_t *arr)
{
	assert_true(json_is_array(arr));
	size_t i;
	json_t *r;
	json_array_foreach(arr, i, r) {
		static const char *const keys[] = {"rule", "text", "because"};
		assert_key_order(r, keys, 3);
		assert_lower_id(json_string_value(get(r, "rule", JSON_STRING)));
		get(r, "text", JSON_STRING);
		json_t *because = get(r, "because", JSON_ARRAY);
		size_t k;
		json_t *b;
		json_array_foreach(because, k, b) {
			get(b, "question", JSON_STRING);
			assert_non_null(json_object_get(b, "answer"));
		}
	}
}

static void
json_follows_the_contract(void **state)
{
	(void)state;
	for (size_t c = 0; c < NCASES; c++) {
		char *s = render_case(cases[c], SC_FMT_JSON, 0);
		size_t n = strlen(s);
		assert_true(n > 2 && s[n - 1] == '\n' && s[n - 2] == '}');
		json_t *j = parse_json(s);
		static const char *const top[] = {
			"socscope", "questionnaire", "client", "complete", "unanswered",
			"recommendation", "tsc", "related_frameworks", "gaps",
			"readiness",
		};
		assert_key_order(j, top, sizeof top / sizeof top[0]);
		assert_int_equal(json_integer_value(get(j, "socscope", JSON_INTEGER)),
		                 1);
		json_t *q = get(j, "questionnaire", JSON_OBJECT);
		assert_string_equal(json_string_value(get(q, "id", JSON_STRING)),
		                    "report-fixture");
		get(q, "title", JSON_STRING);
		assert_string_equal(json_string_value(get(q, "version", JSON_STRING)),
		                    "2.1");
		json_t *client = json_object_get(j, "client");
		assert_true(json_is_string(client) || json_is_null(client));
		assert_true(json_is_boolean(json_object_get(j, "complete")));
		json_t *un = get(j, "unanswered", JSON_ARRAY);
		assert_int_equal(json_is_true(json_object_get(j, "complete")),
		                 json_array_size(un) == 0);

		json_t *rec = get(j, "recommendation", JSON_OBJECT);
		static const char *const reck[] = {"summary", "reports"};
		assert_key_order(rec, reck, 2);
		get(rec, "summary", JSON_STRING);
		json_t *reports = get(rec, "reports", JSON_ARRAY);
		size_t i;
		json_t *r;
		int last = -1;
		json_array_foreach(reports, i, r) {
			static const char *const rk[] = {"id", "type", "period_months",
			                                 "reasons"};
			assert_key_order(r, rk, 4);
			int id = sc_report_find(json_string_value(get(r, "id",
			                                              JSON_STRING)));
			assert_true(id > last); /* soc1, soc2, soc3 order */
			last = id;
			json_t *pm = json_object_get(r, "period_months");
			/* A SOC 3 has no type and the period of its SOC 2. */
			if (id == SC_SOC3) {
				assert_true(json_is_null(json_object_get(r, "type")));
				assert_true(json_is_integer(pm));
				check_reasons(get(r, "reasons", JSON_ARRAY));
				continue;
			}
			const char *type = json_string_value(get(r, "type", JSON_STRING));
			assert_true(strcmp(type, "type1") == 0 ||
			            strcmp(type, "type2") == 0);
			if (strcmp(type, "type1") == 0)
				assert_true(json_is_null(pm));
			else
				assert_true(json_is_integer(pm) || json_is_null(pm));
			check_reasons(get(r, "reasons", JSON_ARRAY));
		}

		json_t *tsc = get(j, "tsc", JSON_OBJECT);
		static const char *const cats[] = {"security", "availability",
		                                   "processing_integrity",
		                                   "confidentiality", "privacy"};
		assert_key_order(tsc, cats, 5);
		assert_int_equal(json_object_size(tsc), 5);
		for (size_t k = 0; k < 5; k++) {
			json_t *t = get(tsc, cats[k], JSON_OBJECT);
			static const char *const tk[] = {"in_scope", "required",
			                                 "reasons"};
			assert_key_order(t, tk, 3);
			assert_true(json_is_boolean(json_object_get(t, "in_scope")));
			assert_true(json_is_boolean(json_object_get(t, "required")));
			check_reasons(get(t, "reasons", JSON_ARRAY));
		}

		json_t *fw = get(j, "related_frameworks", JSON_ARRAY);
		json_array_foreach(fw, i, r) {
			const char *id = json_string_value(get(r, "id", JSON_STRING));
			assert_true(sc_framework_find(id) >= 0);
			check_reasons(get(r, "reasons", JSON_ARRAY));
		}
		json_t *gaps = get(j, "gaps", JSON_ARRAY);
		int lastp = 0;
		json_array_foreach(gaps, i, r) {
			static const char *const gk[] = {"id", "title", "criteria",
			                                 "priority", "advice",
			                                 "because"};
			assert_key_order(r, gk, 6);
			assert_lower_id(json_string_value(get(r, "id", JSON_STRING)));
			get(r, "title", JSON_STRING);
			json_t *crit = get(r, "criteria", JSON_ARRAY);
			size_t k;
			json_t *cr;
			json_array_foreach(crit, k, cr)
				assert_true(sc_criteria_valid(json_string_value(cr)));
			int p = sc_priority_find(
				json_string_value(get(r, "priority", JSON_STRING)));
			assert_true(p >= lastp); /* high, then medium, then low */
			lastp = p;
			get(r, "advice", JSON_STRING);
			get(r, "because", JSON_ARRAY);
		}
		json_t *rd = get(j, "readiness", JSON_OBJECT);
		static const char *const rdk[] = {"score", "in_place", "total"};
		assert_key_order(rd, rdk, 3);
		json_int_t score = json_integer_value(get(rd, "score", JSON_INTEGER));
		assert_true(score >= 0 && score <= 100);
		assert_true(json_integer_value(get(rd, "in_place", JSON_INTEGER)) <=
		            json_integer_value(get(rd, "total", JSON_INTEGER)));
		json_decref(j);
		free(s);
	}
}

static json_t *
because_answer(json_t *because, const char *question)
{
	size_t i;
	json_t *b;
	json_array_foreach(because, i, b)
		if (strcmp(json_string_value(json_object_get(b, "question")),
		           question) == 0)
			return json_object_get(b, "answer");
	print_error("no answer for %s\n", question);
	fail();
	return NULL;
}

/* What the full case must say, value by value, and the answers in the
 * contract's JSON types. */
static void
json_says_what_the_answers_mean(void **state)
{
	(void)state;
	char *s = render_case("full", SC_FMT_JSON, 0);
	json_t *j = parse_json(s);
	json_t *reports = json_object_get(json_object_get(j, "recommendation"),
	                                  "reports");
	assert_int_equal(json_array_size(reports), 3);
	static const char *const ids[] = {"soc1", "soc2", "soc3"};
	/* A year of kept evidence: one examination of both over the 12
	 * months before the report date, and the SOC 3 on the SOC 2's. */
	static const int periods[] = {12, 12, 12};
	for (size_t i = 0; i < 3; i++) {
		json_t *r = json_array_get(reports, i);
		assert_string_equal(json_string_value(json_object_get(r, "id")),
		                    ids[i]);
		/* A SOC 3 has no type: null. */
		if (i == 2)
			assert_true(json_is_null(json_object_get(r, "type")));
		else
			assert_string_equal(json_string_value(json_object_get(r,
			                                                      "type")),
			                    "type2");
		assert_int_equal(json_integer_value(json_object_get(r,
		                                                    "period_months")),
		                 periods[i]);
	}
	/* soc2's first reason rests on services (a multi) -> list of ids. */
	json_t *reason = json_array_get(
		json_object_get(json_array_get(reports, 1), "reasons"), 0);
	assert_string_equal(json_string_value(json_object_get(reason, "rule")),
	                    "hosting_soc2");
	json_t *services =
		because_answer(json_object_get(reason, "because"), "services");
	assert_true(json_is_array(services));
	assert_int_equal(json_array_size(services), 2);
	assert_string_equal(json_string_value(json_array_get(services, 0)),
	                    "payroll");
	assert_string_equal(json_string_value(json_array_get(services, 1)),
	                    "hosting");
	/* soc3's reason: a yes/no -> true. */
	reason = json_array_get(
		json_object_get(json_array_get(reports, 2), "reasons"), 0);
	assert_true(json_is_true(because_answer(json_object_get(reason, "because"),
	                                        "public_assurance")));
	json_t *tsc = json_object_get(j, "tsc");
	assert_true(json_is_true(json_object_get(json_object_get(tsc, "security"),
	                                         "required")));
	assert_true(json_is_true(json_object_get(
		json_object_get(tsc, "availability"), "in_scope")));
	assert_true(json_is_true(json_object_get(
		json_object_get(tsc, "confidentiality"), "in_scope")));
	json_t *privacy = json_object_get(tsc, "privacy");
	assert_true(json_is_false(json_object_get(privacy, "in_scope")));
	/* Out, and why: the scope_out reason rests on a single choice -> id. */
	json_t *pr = json_array_get(json_object_get(privacy, "reasons"), 0);
	assert_string_equal(json_string_value(because_answer(
		                    json_object_get(pr, "because"), "data_kind")),
	                    "clients");
	/* "hosting or cards" rests on the branch that held, services, and
	 * not on cards, answered yes too but not needed. */
	json_t *fws = json_object_get(j, "related_frameworks");
	/* In vocabulary order, the sector laws after subservice. */
	static const char *const fw_ids[] = {"pci_dss", "subservice", "ferpa",
	                                     "coppa", "glba"};
	assert_int_equal(json_array_size(fws), 5);
	for (size_t k = 0; k < 5; k++)
		assert_string_equal(json_string_value(json_object_get(
			                    json_array_get(fws, k), "id")),
		                    fw_ids[k]);
	json_t *sub = json_array_get(fws, 1);
	json_t *sub_because = json_object_get(
		json_array_get(json_object_get(sub, "reasons"), 0), "because");
	assert_int_equal(json_array_size(sub_because), 1);
	assert_true(json_is_array(because_answer(sub_because, "services")));
	/* Gaps: high first; the merged risk gap is medium (partly done). */
	json_t *gaps = json_object_get(j, "gaps");
	assert_int_equal(json_array_size(gaps), 3);
	json_t *g0 = json_array_get(gaps, 0);
	assert_string_equal(json_string_value(json_object_get(g0, "id")),
	                    "risk_assessment");
	assert_string_equal(json_string_value(json_object_get(g0, "priority")),
	                    "medium");
	assert_string_equal(json_string_value(because_answer(
		                    json_object_get(g0, "because"), "risk_assessment")),
	                    "partly");
	json_t *g2 = json_array_get(gaps, 2);
	assert_true(json_is_false(because_answer(json_object_get(g2, "because"),
	                                         "incident_plan")));
	/* The reconciliations gap cites SOC1:reconciliations and PI1.3;
	 * Processing Integrity is out of scope, so only the first shows. */
	json_t *g1 = json_array_get(gaps, 1);
	assert_string_equal(json_string_value(json_object_get(g1, "id")),
	                    "reconciliations");
	json_t *crit = json_object_get(g1, "criteria");
	assert_int_equal(json_array_size(crit), 1);
	assert_string_equal(json_string_value(json_array_get(crit, 0)),
	                    "SOC1:reconciliations");
	json_t *rd = json_object_get(j, "readiness");
	assert_int_equal(json_integer_value(json_object_get(rd, "score")), 25);
	assert_int_equal(json_integer_value(json_object_get(rd, "in_place")), 0);
	assert_int_equal(json_integer_value(json_object_get(rd, "total")), 2);
	/* Numbers stay numbers: months_needed 9 is an integer. */
	json_t *answers = json_object_get(j, "answers");
	size_t i;
	json_t *a;
	bool seen = false;
	json_array_foreach(answers, i, a) {
		if (strcmp(json_string_value(json_object_get(a, "question")),
		           "months_needed") == 0) {
			assert_true(json_is_integer(json_object_get(a, "answer")));
			assert_int_equal(json_integer_value(json_object_get(a, "answer")),
			                 9);
			seen = true;
		}
	}
	assert_true(seen);
	json_decref(j);
	free(s);

	/* The partial case: unsure is "unsure", unanswered is listed. */
	s = render_case("partial", SC_FMT_JSON, 0);
	j = parse_json(s);
	assert_true(json_is_false(json_object_get(j, "complete")));
	assert_true(json_is_null(json_object_get(j, "client")));
	json_t *un = json_object_get(j, "unanswered");
	assert_int_equal(json_array_size(un), 1);
	assert_string_equal(json_string_value(json_array_get(un, 0)), "org_name");
	reports = json_object_get(json_object_get(j, "recommendation"), "reports");
	assert_int_equal(json_array_size(reports), 1); /* SOC 3 deferred */
	assert_string_equal(json_string_value(json_object_get(
		                    json_array_get(reports, 0), "type")),
	                    "type1");
	assert_true(json_is_null(json_object_get(json_array_get(reports, 0),
	                                         "period_months")));
	gaps = json_object_get(j, "gaps");
	json_array_foreach(gaps, i, a) {
		if (strcmp(json_string_value(json_object_get(a, "id")),
		           "confirm_sla") == 0) {
			assert_string_equal(json_string_value(because_answer(
				                    json_object_get(a, "because"), "has_sla")),
			                    "unsure");
			/* Availability is out, but A1.1 is all the gap cites: it
			 * keeps it rather than show no criterion. */
			json_t *cr = json_object_get(a, "criteria");
			assert_int_equal(json_array_size(cr), 1);
			assert_string_equal(json_string_value(json_array_get(cr, 0)),
			                    "A1.1");
		}
	}
	json_decref(j);
	free(s);

	/* No report: empty list and a summary that says why. */
	s = render_case("none", SC_FMT_JSON, 0);
	j = parse_json(s);
	{
		json_t *rec = json_object_get(j, "recommendation");
		assert_int_equal(json_array_size(json_object_get(rec, "reports")), 0);
		assert_non_null(strstr(json_string_value(json_object_get(rec,
		                                                         "summary")),
		                       "nothing to examine"));
		/* No report, yet a framework is flagged all the same. */
		json_t *fw = json_object_get(j, "related_frameworks");
		assert_int_equal(json_array_size(fw), 1);
		assert_string_equal(json_string_value(json_object_get(
			                    json_array_get(fw, 0), "id")),
		                    "hipaa");
	}
	json_decref(j);
	free(s);
}

/* --- CSV ---------------------------------------------------------------- */

struct csv {
	char ***rows; /* rows of fields */
	size_t *nfields;
	size_t nrows;
};

/* A strict RFC 4180 reader: CRLF record ends, fields quoted when they hold
 * a comma, quote, CR or LF, quotes doubled inside.  Returns false on any
 * deviation (a bare LF outside quotes, text after a closing quote, ...). */
static bool
csv_parse(const char *s, struct csv *out)
{
	memset(out, 0, sizeof *out);
	struct sc_buf f = {0};
	char **row = NULL;
	size_t nrow = 0;
	for (;;) {
		sc_buf_reset(&f);
		sc_buf_add(&f, "", 0);
		bool quoted = false;
		if (*s == '"') {
			quoted = true;
			s++;
			for (;;) {
				if (!*s)
					return false;
				if (*s == '"') {
					if (s[1] == '"') {
						sc_buf_putc(&f, '"');
						s += 2;
						continue;
					}
					s++;
					break;
				}
				sc_buf_putc(&f, *s++);
			}
		} else {
			while (*s && *s != ',' && *s != '\r') {
				if (*s == '"' || *s == '\n')
					return false;
				sc_buf_putc(&f, *s++);
			}
		}
		(void)quoted;
		row = sc_xrealloc(row, (nrow + 1) * sizeof *row);
		row[nrow++] = sc_buf_steal(&f);
		if (*s == ',') {
			s++;
			continue;
		}
		if (s[0] != '\r' || s[1] != '\n')
			return false;
		s += 2;
		out->rows = sc_xrealloc(out->rows,
		                        (out->nrows + 1) * sizeof *out->rows);
		out->nfields = sc_xrealloc(out->nfields,
		                           (out->nrows + 1) * sizeof *out->nfields);
		out->rows[out->nrows] = row;
		out->nfields[out->nrows] = nrow;
		out->nrows++;
		row = NULL;
		nrow = 0;
		if (!*s)
			break;
	}
	sc_buf_fini(&f);
	return true;
}

static void
csv_free(struct csv *c)
{
	for (size_t i = 0; i < c->nrows; i++) {
		for (size_t k = 0; k < c->nfields[i]; k++)
			free(c->rows[i][k]);
		free(c->rows[i]);
	}
	free(c->rows);
	free(c->nfields);
}

enum { K_KIND, K_SECTION, K_QID, K_QUESTION, K_ANSWER, K_NOTE, K_PRIORITY,
       K_TITLE, K_CRITERIA, K_ADVICE, K_ID, K_STATUS, K_REASONS, K_OWNER,
       K_DUE, K_RESTS, K_COUNT };

/* The text as the report shows it: CR LF and lone CR read as LF. */
static char *
normalized(const char *s)
{
	struct sc_buf b = {0};
	sc_buf_add(&b, "", 0);
	for (; s && *s; s++) {
		if (*s == '\r') {
			sc_buf_putc(&b, '\n');
			if (s[1] == '\n')
				s++;
		} else {
			sc_buf_putc(&b, *s);
		}
	}
	return sc_buf_steal(&b);
}

static void
csv_parses_back_to_the_same_fields(void **state)
{
	(void)state;
	static const char *const header[K_COUNT] = {
		"kind", "section", "question_id", "question", "answer", "note",
		"priority", "title", "criteria", "advice", "id", "status", "reasons",
		"owner", "due", "rests_on",
	};
	for (size_t c = 0; c < NCASES; c++) {
		struct fx f;
		fx_open(&f, cases[c]);
		char *s = render(&f, SC_FMT_CSV, 0);
		struct csv csv;
		assert_true(csv_parse(s, &csv));
		assert_true(csv.nrows > 1);
		for (size_t k = 0; k < K_COUNT; k++)
			assert_string_equal(csv.rows[0][k], header[k]);
		size_t answers = 0, gaps = 0;
		const struct sc_result *r = sc_eval_result(f.ev);
		for (size_t i = 0; i < csv.nrows; i++) {
			assert_int_equal(csv.nfields[i], K_COUNT);
			char **row = csv.rows[i];
			if (strcmp(row[K_KIND], "gap") == 0) {
				const struct sc_gap_def *d = r->gaps[gaps].def;
				assert_string_equal(row[K_TITLE], d->title);
				assert_string_equal(row[K_ADVICE], d->advice);
				assert_string_equal(row[K_ID], d->id);
				assert_string_equal(row[K_PRIORITY],
				                    sc_priority_id_str(r->gaps[gaps].priority));
				/* Owner and due as the answers' actions set them. */
				const struct sc_action *act = sc_answers_action(f.a, d->id);
				assert_string_equal(row[K_OWNER],
				                    act && act->owner ? act->owner : "");
				gaps++;
			}
			if (strcmp(row[K_KIND], "answer") != 0 &&
			    strcmp(row[K_KIND], "skipped") != 0)
				continue;
			const struct sc_question *qn = sc_questionnaire_find(f.q,
			                                                     row[K_QID]);
			assert_non_null(qn);
			assert_int_equal(qn->index, answers);
			assert_string_equal(row[K_QUESTION], qn->text);
			assert_string_equal(row[K_SECTION],
			                    f.q->sections[qn->section].title);
			bool shown = sc_eval_visible(f.ev, qn->index);
			assert_string_equal(row[K_KIND], shown ? "answer" : "skipped");
			if (shown) {
				struct sc_buf b = {0};
				const struct sc_answer *v = sc_eval_answer(f.ev, qn->index);
				if (v)
					sc_answer_format(qn, v, &b);
				char *want = normalized(sc_buf_str(&b));
				assert_string_equal(row[K_ANSWER], want);
				free(want);
				sc_buf_fini(&b);
				want = normalized(f.a->notes[qn->index]);
				assert_string_equal(row[K_NOTE], want);
				free(want);
			}
			answers++;
		}
		assert_int_equal(answers, f.q->nquestions);
		assert_int_equal(gaps, r->ngaps);
		csv_free(&csv);
		free(s);
		fx_close(&f);
	}
}

/* Answers a spreadsheet would run as formulas (OWASP's CSV injection) come
 * out as text: a leading apostrophe inside the quotes.  Text that merely
 * holds such a character elsewhere is left as it is. */
static void
csv_neutralizes_formulas(void **state)
{
	(void)state;
	static const struct {
		const char *qid, *answer, *note;
	} rows[] = {
		{"org_name", "=HYPERLINK(\"http://evil.example/\",\"y\")",
		 "@SUM(1+1)*cmd|' /C calc'!A0"},
		{"notes_text", "+1+2", "-2+3"},
	};
	struct fx f;
	fx_open(&f, "full");
	for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
		const struct sc_question *qn = sc_questionnaire_find(f.q, rows[k].qid);
		assert_non_null(qn);
		struct sc_answer v = {.type = SC_A_TEXT, .text = (char *)rows[k].answer};
		assert_true(sc_answers_set(f.a, qn->index, &v));
		sc_answers_set_note(f.a, qn->index, rows[k].note);
	}
	sc_eval_reset(f.ev);
	char *s = render(&f, SC_FMT_CSV, 0);
	/* The raw cell, quotes doubled inside. */
	assert_non_null(strstr(s, ",\"'=HYPERLINK(\"\"http://evil.example/\"\","
	                          "\"\"y\"\")\","));
	struct csv csv;
	assert_true(csv_parse(s, &csv));
	size_t seen = 0;
	for (size_t i = 0; i < csv.nrows; i++) {
		char **row = csv.rows[i];
		for (size_t k = 0; k < K_COUNT; k++)
			assert_false(strchr("=+-@\t\r", row[k][0]) && row[k][0]);
		for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
			if (strcmp(row[K_KIND], "answer") ||
			    strcmp(row[K_QID], rows[k].qid))
				continue;
			char *want = sc_xasprintf("'%s", rows[k].answer);
			assert_string_equal(row[K_ANSWER], want);
			free(want);
			want = sc_xasprintf("'%s", rows[k].note);
			assert_string_equal(row[K_NOTE], want);
			free(want);
			seen++;
		}
	}
	assert_int_equal(seen, 2);
	/* "Give advice only (no data, no systems)" and ids with "_" or "-"
	 * inside are not formulas. */
	assert_null(strstr(s, "'Give"));
	csv_free(&csv);
	free(s);
	fx_close(&f);
}

/* --- the same story in every format -------------------------------------- */

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

static void
assert_says(const char *doc, const char *fmt, const char *what)
{
	if (!strstr(doc, what)) {
		print_error("%s report does not say \"%s\"\n", fmt, what);
		fail();
	}
}

static void
every_format_says_the_same_thing(void **state)
{
	(void)state;
	for (size_t c = 0; c < NCASES; c++) {
		struct fx f;
		fx_open(&f, cases[c]);
		const struct sc_result *r = sc_eval_result(f.ev);
		char *docs[SC_FMT_COUNT];
		for (int fmt = 0; fmt < SC_FMT_COUNT; fmt++) {
			char *s = render(&f, fmt, 0);
			docs[fmt] = squeeze(s);
			free(s);
		}
		struct sc_buf want = {0};
		for (int fmt = 0; fmt < SC_FMT_COUNT; fmt++) {
			const char *fname = sc_format_id_str(fmt);
			bool json = fmt == SC_FMT_JSON;
			for (size_t i = 0; i < r->nreports; i++) {
				const struct sc_report_rec *rr = &r->reports[i];
				sc_buf_reset(&want);
				if (json && rr->id == SC_SOC3)
					sc_buf_puts(&want, "\"id\": \"soc3\", \"type\": null");
				else if (json)
					sc_buf_printf(&want, "\"id\": \"%s\", \"type\": \"%s\"",
					              sc_report_id_str(rr->id),
					              sc_rtype_id_str(rr->type));
				else
					sc_report_title(rr, &want);
				assert_says(docs[fmt], fname, sc_buf_str(&want));
			}
			if (r->nreports == 0 && !json)
				assert_says(docs[fmt], fname,
				            "No SOC report is recommended now");
			/* The documents show the categories only with a SOC 2: no
			 * table of five categories out of scope. */
			bool doc = fmt == SC_FMT_TEXT || fmt == SC_FMT_MARKDOWN ||
			           fmt == SC_FMT_HTML;
			if (doc && !r->tsc[SC_CAT_SECURITY].in_scope) {
				if (strstr(docs[fmt], "Trust Services categories") ||
				    strstr(docs[fmt], "TRUST SERVICES CATEGORIES"))
					fail_msg("%s: a category table with no SOC 2",
					         fname);
			}
			for (int k = 0; k < SC_CAT_COUNT &&
			                (!doc || r->tsc[SC_CAT_SECURITY].in_scope);
			     k++) {
				const struct sc_tsc_rec *t = &r->tsc[k];
				const char *status = !t->in_scope ? "out of scope"
				                     : t->required ? "in scope (required)"
				                                   : "in scope";
				sc_buf_reset(&want);
				switch (fmt) {
				case SC_FMT_TEXT:
					sc_buf_printf(&want, "%s: %s", sc_category_name(k),
					              status);
					break;
				case SC_FMT_MARKDOWN:
					sc_buf_printf(&want, "| %s | %s |", sc_category_name(k),
					              status);
					break;
				case SC_FMT_HTML:
					sc_buf_printf(&want, "<td>%s</td><td%s>%s</td>",
					              sc_category_name(k),
					              t->in_scope ? " class=\"in\"" : "", status);
					break;
				case SC_FMT_JSON:
					sc_buf_printf(&want, "\"%s\": { \"in_scope\": %s",
					              sc_category_id_str(k),
					              t->in_scope ? "true" : "false");
					break;
				case SC_FMT_CSV:
					sc_buf_printf(&want, "category,,,,,,,%s,,,%s,%s",
					              sc_category_name(k), sc_category_id_str(k),
					              status);
					break;
				}
				assert_says(docs[fmt], fname, sc_buf_str(&want));
			}
			for (size_t i = 0; i < r->ngaps; i++)
				assert_says(docs[fmt], fname, r->gaps[i].def->title);
			for (size_t i = 0; i < r->nframeworks; i++)
				assert_says(docs[fmt], fname,
				            json ? sc_framework_id_str(r->frameworks[i].id)
				                 : sc_framework_name(r->frameworks[i].id));
			if (fmt != SC_FMT_CSV && fmt != SC_FMT_JSON)
				assert_says(docs[fmt], fname,
				            "Only a licensed CPA firm performs a SOC "
				            "examination");
		}
		sc_buf_fini(&want);
		for (int fmt = 0; fmt < SC_FMT_COUNT; fmt++)
			free(docs[fmt]);
		fx_close(&f);
	}
}

/* A SOC 3 has no Type I or II of its own: no format may give it one, with
 * a SOC 3 recommended (full) or deferred (partial). */
static void
no_format_gives_soc3_a_type(void **state)
{
	(void)state;
	for (size_t c = 0; c < NCASES; c++) {
		struct fx f;
		fx_open(&f, cases[c]);
		struct sc_buf b = {0};
		sc_result_summary(f.q, sc_eval_result(f.ev), &b);
		for (int fmt = 0; fmt < SC_FMT_COUNT; fmt++) {
			sc_buf_puts(&b, "\n");
			char *s = render(&f, fmt, fmt == SC_FMT_TEXT ? 40 : 0);
			sc_buf_puts(&b, s);
			free(s);
		}
		/* Line breaks and markup between the words count too. */
		char *all = squeeze(sc_buf_str(&b));
		for (const char *p = all; (p = strstr(p, "SOC 3")); p += 5) {
			const char *q = p + 5;
			while (*q == ' ' || *q == '*' || *q == '<' || *q == '>' ||
			       *q == '/' || (*q >= 'a' && *q <= 'z'))
				q++;
			if (strncmp(q, "Type", 4) == 0)
				fail_msg("%s: \"%.40s\"", cases[c], p);
		}
		assert_null(strstr(all, "SOC 3 Type"));
		/* The full case does recommend one, and says what it is. */
		if (strcmp(cases[c], "full") == 0)
			assert_non_null(strstr(all, "SOC 3 (public summary of the "
			                            "SOC 2 Type II, same period)"));
		free(all);
		sc_buf_fini(&b);
		fx_close(&f);
	}
}

/* --- the evidence request list ----------------------------------------- */

static json_t *
ev_list(json_t *root, const char *report)
{
	json_t *lists = get(root, "reports", JSON_ARRAY);
	for (size_t i = 0; i < json_array_size(lists); i++) {
		json_t *l = json_array_get(lists, i);
		if (strcmp(json_string_value(get(l, "id", JSON_STRING)), report) == 0)
			return l;
	}
	return NULL;
}

/* Does request `row` serve `report`? */
static bool
ev_serves(json_t *row, const char *report)
{
	json_t *reps = get(row, "reports", JSON_ARRAY);
	for (size_t i = 0; i < json_array_size(reps); i++)
		if (strcmp(json_string_value(json_array_get(reps, i)), report) == 0)
			return true;
	return false;
}

/* The request `id` when it serves `report` (NULL: any report), or NULL
 * when the list leaves it out for that report.  Each request is listed
 * once, with the reports it serves. */
static json_t *
ev_row(json_t *root, const char *report, const char *id)
{
	json_t *rows = get(root, "requests", JSON_ARRAY);
	json_t *found = NULL;
	for (size_t i = 0; i < json_array_size(rows); i++) {
		json_t *r = json_array_get(rows, i);
		if (strcmp(json_string_value(get(r, "id", JSON_STRING)), id) != 0)
			continue;
		assert_null(found); /* never twice */
		found = r;
	}
	return found && (!report || ev_serves(found, report)) ? found : NULL;
}

static const char *
ev_str(json_t *row, const char *key)
{
	return json_string_value(get(row, key, JSON_STRING));
}

/* Each report takes the requests that fit it, a request both take is
 * listed once, a row shows only the criteria that fit a report it serves,
 * and says what the readiness answers say, nothing more. */
static void
evidence_follows_the_scope(void **state)
{
	(void)state;
	char *s = render_evidence_case("full", SC_FMT_JSON);
	json_t *j = parse_json(s);
	json_t *soc1 = ev_list(j, "soc1"), *soc2 = ev_list(j, "soc2");
	assert_non_null(soc1);
	assert_non_null(soc2);
	/* A SOC 3 has no list of its own. */
	assert_null(ev_list(j, "soc3"));
	/* SOC 1: the SOC1: objectives only; the objectives request serves
	 * both reports (CC5.1 for the SOC 2) and is listed once. */
	json_t *ids = get(soc1, "request_ids", JSON_ARRAY);
	assert_int_equal(json_array_size(ids), 2);
	json_t *r = ev_row(j, "soc1", "payroll_recs");
	assert_non_null(r);
	assert_false(ev_serves(r, "soc2"));
	json_t *crit = get(r, "criteria", JSON_ARRAY);
	assert_int_equal(json_array_size(crit), 1);
	assert_string_equal(json_string_value(json_array_get(crit, 0)),
	                    "SOC1:reconciliations");
	assert_string_equal(ev_str(r, "when"), "over 2025-01-01 to 2025-12-31");
	r = ev_row(j, NULL, "soc1_objectives");
	assert_true(ev_serves(r, "soc1") && ev_serves(r, "soc2"));
	crit = get(r, "criteria", JSON_ARRAY);
	assert_int_equal(json_array_size(crit), 2);
	assert_string_equal(json_string_value(json_array_get(crit, 0)),
	                    "SOC1:control-objectives");
	assert_string_equal(json_string_value(json_array_get(crit, 1)), "CC5.1");
	/* SOC 2: common criteria and categories in scope (Availability,
	 * Confidentiality), never Privacy or Processing Integrity. */
	assert_null(ev_row(j, NULL, "privacy_notice"));
	assert_non_null(ev_row(j, "soc2", "capacity"));
	r = ev_row(j, "soc2", "classification");
	crit = get(r, "criteria", JSON_ARRAY);
	assert_int_equal(json_array_size(crit), 1);
	assert_string_equal(json_string_value(json_array_get(crit, 0)), "C1.1");
	/* Exists: the readiness item named; a request that names none takes
	 * only a "missing" or "not known" from the items whose gaps cite its
	 * criteria (a risk assessment partly done says nothing of the
	 * register): else not asked. */
	assert_string_equal(ev_str(ev_row(j, "soc2", "risk_policy"), "exists"),
	                    "partial");
	assert_string_equal(ev_str(ev_row(j, "soc2", "risk_register"), "exists"),
	                    "not_asked");
	assert_string_equal(ev_str(ev_row(j, "soc2", "incident_plan"), "exists"),
	                    "missing");
	assert_string_equal(ev_str(ev_row(j, "soc2", "incident_log"), "exists"),
	                    "missing");
	assert_string_equal(ev_str(ev_row(j, "soc2", "mfa_settings"), "exists"),
	                    "not_asked");
	/* Design over a Type II window is "in effect over" it. */
	assert_string_equal(ev_str(ev_row(j, "soc2", "risk_policy"), "when"),
	                    "in effect over 2025-01-01 to 2025-12-31");
	assert_string_equal(ev_str(soc2, "window_start"), "2025-01-01");
	json_t *counts = get(soc2, "counts", JSON_OBJECT);
	assert_int_equal(json_integer_value(get(counts, "partial", JSON_INTEGER)),
	                 1);
	assert_int_equal(json_integer_value(get(counts, "not_asked",
	                                        JSON_INTEGER)),
	                 5);
	/* In all: every request once. */
	json_t *rows = get(j, "requests", JSON_ARRAY);
	assert_int_equal(json_array_size(rows),
	                 json_array_size(get(soc1, "request_ids", JSON_ARRAY)) +
	                 json_array_size(get(soc2, "request_ids", JSON_ARRAY)) - 1);
	json_decref(j);
	free(s);
}

/* A Type I is examined on design as of one date: operation requests wait
 * for a Type II, and the list says how many. */
static void
evidence_type1_keeps_design_only(void **state)
{
	(void)state;
	/* Controls of one month: SOC 2 Type I, with no date (the deadline
	 * is unanswered). */
	char *s = render_evidence_case("partial", SC_FMT_JSON);
	json_t *j = parse_json(s);
	json_t *soc2 = ev_list(j, "soc2");
	assert_non_null(soc2);
	assert_string_equal(ev_str(soc2, "type"), "type1");
	json_t *rows = get(j, "requests", JSON_ARRAY);
	assert_true(json_array_size(rows) > 0);
	for (size_t i = 0; i < json_array_size(rows); i++) {
		json_t *r = json_array_get(rows, i);
		assert_string_equal(ev_str(r, "test"), "design");
		assert_string_equal(ev_str(r, "when"), "as of the Type I date");
	}
	/* risk_register and incident_log are operation requests. */
	assert_null(ev_row(j, NULL, "risk_register"));
	assert_null(ev_row(j, NULL, "incident_log"));
	assert_int_equal(json_integer_value(get(soc2, "type2_later",
	                                        JSON_INTEGER)),
	                 2);
	assert_true(json_is_null(json_object_get(soc2, "as_of")));
	assert_non_null(strstr(ev_str(soc2, "summary"),
	                       "A Type II adds 2 requests"));
	json_decref(j);
	free(s);

	/* No report: no list, and it says why. */
	s = render_evidence_case("none", SC_FMT_JSON);
	j = parse_json(s);
	assert_int_equal(json_array_size(get(j, "reports", JSON_ARRAY)), 0);
	assert_int_equal(json_array_size(get(j, "requests", JSON_ARRAY)), 0);
	assert_non_null(strstr(json_string_value(json_array_get(
		                       get(j, "notes", JSON_ARRAY), 0)),
	                       "No SOC report is recommended now"));
	json_decref(j);
	free(s);
	char *md = render_evidence_case("none", SC_FMT_MARKDOWN);
	assert_non_null(strstr(md, "no evidence to request"));
	assert_null(strstr(md, "| # |"));
	free(md);
}

/* The CSV a consultant loads into a tracker: one row per request, the same
 * requests as the JSON in the same order, with the reports each serves and
 * the owner and due date of the gaps it comes from. */
static void
evidence_csv_is_one_row_per_request(void **state)
{
	(void)state;
	static const char *const header[] = {
		"number", "request_id", "reports", "criteria", "request",
		"evidence", "test", "when", "exists", "gaps", "owner", "due_date",
		"sources", "source_urls",
	};
	for (size_t c = 0; c < NCASES; c++) {
		char *s = render_evidence_case(cases[c], SC_FMT_CSV);
		char *js = render_evidence_case(cases[c], SC_FMT_JSON);
		json_t *j = parse_json(js);
		struct csv t;
		assert_true(csv_parse(s, &t));
		assert_true(t.nrows >= 1);
		for (size_t k = 0; k < 14; k++)
			assert_string_equal(t.rows[0][k], header[k]);
		json_t *reqs = get(j, "requests", JSON_ARRAY);
		assert_int_equal(t.nrows, json_array_size(reqs) + 1);
		for (size_t k = 0; k < json_array_size(reqs); k++) {
			json_t *r = json_array_get(reqs, k);
			char **f = t.rows[k + 1];
			assert_int_equal(t.nfields[k + 1], 14);
			assert_string_equal(f[1], ev_str(r, "id"));
			assert_string_equal(f[4], ev_str(r, "request"));
			/* No request twice. */
			for (size_t x = 1; x < k + 1; x++)
				assert_string_not_equal(t.rows[x][1], f[1]);
			json_t *o = json_object_get(r, "owner");
			assert_string_equal(f[10], json_is_string(o)
			                                   ? json_string_value(o)
			                                   : "");
		}
		csv_free(&t);
		json_decref(j);
		free(js);
		free(s);
	}
}

/* What the interview's results screen reads: the same areas as the JSON
 * report, in its order, with the same figures. */
static void
areas_api_matches_the_report(void **state)
{
	(void)state;
	for (size_t c = 0; c < NCASES; c++) {
		struct fx f;
		fx_open(&f, cases[c]);
		struct sc_area areas[SC_AREA_MAX];
		size_t n = sc_report_areas(f.q, f.a, f.ev, areas);
		char *s = render(&f, SC_FMT_JSON, 0);
		json_t *j = parse_json(s);
		json_t *ja = get(get(j, "readiness", JSON_OBJECT), "areas", JSON_ARRAY);
		assert_int_equal(n, json_array_size(ja));
		for (size_t i = 0; i < n; i++) {
			json_t *o = json_array_get(ja, i);
			assert_string_equal(areas[i].id, ev_str(o, "id"));
			json_t *score = json_object_get(o, "score");
			assert_int_equal(areas[i].score,
			                 json_is_null(score) ? -1
			                                     : json_integer_value(score));
			assert_int_equal(areas[i].total,
			                 json_integer_value(json_object_get(o, "total")));
		}
		/* The full case: nine groups, two categories in scope, SOC 1. */
		if (strcmp(cases[c], "full") == 0) {
			assert_int_equal(n, 12);
			assert_string_equal(areas[9].id, "availability");
			assert_string_equal(areas[11].id, "soc1");
			assert_int_equal(areas[2].score, 50); /* risk: partly */
			struct sc_buf b = {0};
			sc_area_detail(&areas[2], &b);
			assert_string_equal(sc_buf_str(&b), "0 of 1 in place, 1 partly");
			sc_buf_fini(&b);
		}
		if (strcmp(cases[c], "none") == 0)
			assert_int_equal(n, 0);
		json_decref(j);
		free(s);
		fx_close(&f);
	}
}

/* --- HTML validity ----------------------------------------------------- */

static bool
have_tool(const char *name)
{
	char *cmd = sc_xasprintf("command -v %s >/dev/null 2>&1", name);
	int st = system(cmd);
	free(cmd);
	return st == 0;
}

/* Run `cmd` on FILE; it must exit 0 and print nothing. */
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

/* xmllint's HTML parser predates HTML5 and knows no inline SVG: it checks
 * the page with each <svg> cut out, and each picture on its own as XML
 * (well-formed, as an SVG document must be).  Returns the pictures seen. */
static int
xmllint_html_and_svg(const char *dir, const char *name, const char *html)
{
	struct sc_buf page = {0};
	const char *p = html;
	int k = 0;
	for (const char *s; (s = strstr(p, "<svg"));) {
		const char *e = strstr(s, "</svg>");
		assert_non_null(e);
		e += strlen("</svg>");
		sc_buf_add(&page, p, (size_t)(s - p));
		char *svg = sc_xstrndup(s, (size_t)(e - s));
		char *file = sc_xasprintf("%s.%d.svg", name, k++);
		char *path = th_write(dir, file, svg);
		run_checker("xmllint --noout", path);
		free(path);
		free(file);
		free(svg);
		p = e;
	}
	sc_buf_puts(&page, p);
	char *file = sc_xasprintf("%s.nosvg.html", name);
	char *path = th_write(dir, file, sc_buf_str(&page));
	run_checker("xmllint --html --noout", path);
	free(path);
	free(file);
	sc_buf_fini(&page);
	return k;
}

static void
html_validates(void **state)
{
	(void)state;
	bool tidy = have_tool("tidy"), xmllint = have_tool("xmllint");
	if (!tidy && !xmllint)
		skip();
	char *dir = th_mkdtemp();
	for (size_t c = 0; c < NCASES; c++) {
		char *s = render_case(cases[c], SC_FMT_HTML, 0);
		char *name = sc_xasprintf("%s.html", cases[c]);
		char *path = th_write(dir, name, s);
		/* The report with its evidence appendix, and the list alone. */
		struct fx f;
		fx_open(&f, cases[c]);
		struct sc_catalogue *cat = load_cat();
		char *full = render_full(&f, SC_FMT_HTML, cat);
		char *ev = render_evidence(&f, SC_FMT_HTML, cat);
		sc_catalogue_free(cat);
		fx_close(&f);
		char *fname = sc_xasprintf("%s.full.html", cases[c]);
		char *ename = sc_xasprintf("%s.evidence.html", cases[c]);
		char *fpath = th_write(dir, fname, full);
		char *epath = th_write(dir, ename, ev);
		if (tidy) {
			run_checker("tidy -errors -quiet", fpath);
			run_checker("tidy -errors -quiet", epath);
		}
		if (xmllint) {
			assert_int_equal(xmllint_html_and_svg(dir, fname, full),
			                 xmllint_html_and_svg(dir, name, s));
			assert_int_equal(xmllint_html_and_svg(dir, ename, ev), 0);
		}
		free(fpath);
		free(epath);
		free(fname);
		free(ename);
		free(full);
		free(ev);
		if (tidy)
			run_checker("tidy -errors -quiet", path);
		if (xmllint) {
			int pictures = xmllint_html_and_svg(dir, cases[c], s);
			/* Readiness by area and the timeline, when dated. */
			if (strcmp(cases[c], "full") == 0)
				assert_int_equal(pictures, 2);
		}
		free(path);
		free(name);
		free(s);
	}
	th_rmtree(dir);
	free(dir);
}

/* Self-contained and escaped: nothing is fetched, nothing from the user's
 * text is markup. */
static void
html_is_self_contained_and_escaped(void **state)
{
	(void)state;
	char *s = render_case("escape", SC_FMT_HTML, 0);
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, "src="));
	assert_null(strstr(s, "href="));
	assert_null(strstr(s, "@import"));
	assert_null(strstr(s, "<b>"));
	assert_non_null(strstr(s, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
	assert_non_null(strstr(s, "&quot;Quotes&quot;, &lt;b&gt;bold&lt;/b&gt; "
	                          "&amp; Co"));
	assert_non_null(strstr(s, "&lt;b&gt;&amp;amp;&lt;/b&gt;"));
	assert_non_null(strstr(s, "@media print"));
	assert_non_null(strstr(s, "@page"));
	assert_non_null(strstr(s, "break-inside:avoid"));
	free(s);
}

static void
markdown_escapes_user_text(void **state)
{
	(void)state;
	char *s = render_case("escape", SC_FMT_MARKDOWN, 0);
	/* The client name in the title: every special character escaped. */
	assert_non_null(strstr(s, "# SOC scoping report for Ünïcødé \"Quotes\", "
	                          "\\<b\\>bold\\</b\\> \\& Co \\| \\*stars\\* "
	                          "株式会社テスト\n"));
	/* A table row keeps exactly its three cells: pipes inside escaped. */
	const char *row = strstr(s, "| What is your organization called? |");
	assert_non_null(row);
	size_t cells = 0;
	for (const char *p = row; *p && *p != '\n'; p++)
		if (*p == '|' && (p == row || p[-1] != '\\'))
			cells++;
	assert_int_equal(cells, 4);
	assert_non_null(strstr(s, "\\<script\\>"));
	assert_non_null(strstr(s, "\\$x\\$ \\@cite"));
	free(s);
}

/* Render the Markdown with a CommonMark/GFM implementation (cmark-gfm, when
 * installed) and check the structure a reader sees: one h1, the eight
 * sections as h2, every table row with its three cells, and the user's text
 * as text (no element made of it). */
static size_t
count(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

static void
markdown_renders_as_intended(void **state)
{
	(void)state;
	if (!have_tool("cmark-gfm"))
		skip();
	char *dir = th_mkdtemp();
	for (size_t c = 0; c < NCASES; c++) {
		char *s = render_case(cases[c], SC_FMT_MARKDOWN, 0);
		char *path = th_write(dir, "r.md", s);
		char *cmd = sc_xasprintf("cmark-gfm -e table '%s'", path);
		FILE *p = popen(cmd, "r");
		assert_non_null(p);
		struct sc_buf b = {0};
		char tmp[4096];
		size_t n;
		while ((n = fread(tmp, 1, sizeof tmp, p)) > 0)
			sc_buf_add(&b, tmp, n);
		assert_int_equal(pclose(p), 0);
		const char *html = sc_buf_str(&b);
		assert_int_equal(count(html, "<h1>"), 1);
		/* The memo's sections in order, the assumptions after the
		 * conclusions that point to them; a report that recommends no
		 * SOC report leaves out what it would leave empty (assumptions
		 * when there are none, categories, roadmap, gaps), a report
		 * without a SOC 2 the categories. */
		static const char *const full[] = {
			"Executive summary", "Recommendation",
			"Trust Services categories", "Roadmap",
			"Related frameworks", "Readiness gaps", "Next steps",
			"Assumptions and open questions", "Sources",
			"Appendix A: assumptions and open questions",
			"Appendix B: how each conclusion was reached",
			"Appendix C: how to close each gap",
			"Appendix D: your answers", "About this report", NULL};
		static const char *const none[] = {
			"Executive summary", "Recommendation", "Related frameworks",
			"Next steps", "Sources",
			"Appendix A: how each conclusion was reached",
			"Appendix B: your answers", "About this report", NULL};
		static const char *const escape[] = {
			"Executive summary", "Recommendation", "Roadmap",
			"Related frameworks", "Readiness gaps", "Next steps",
			"Assumptions and open questions", "Sources",
			"Appendix A: assumptions and open questions",
			"Appendix B: how each conclusion was reached",
			"Appendix C: how to close each gap",
			"Appendix D: your answers", "About this report", NULL};
		const char *const *want = strcmp(cases[c], "none") == 0 ? none
		                          : strcmp(cases[c], "escape") == 0 ? escape
		                                                            : full;
		const char *at = html;
		size_t nh2 = 0;
		for (; want[nh2]; nh2++) {
			char *h = sc_xasprintf("<h2>%s</h2>", want[nh2]);
			const char *p = strstr(at, h);
			if (!p)
				fail_msg("%s: no \"%s\" after the sections before it",
				         cases[c], want[nh2]);
			at = p + strlen(h);
			free(h);
		}
		assert_int_equal(count(html, "<h2>"), nh2);
		/* Rows: every row of a table has as many cells as its header,
		 * 3 (categories, answers, areas), or 4 in the gaps' work plan
		 * (gap, priority, criteria, owner and due date). */
		for (const char *t = html; (t = strstr(t, "<table>")); t++) {
			const char *end = strstr(t, "</table>");
			assert_non_null(end);
			bool gaps = strstr(t, "<th>Owner, due</th>") &&
			            strstr(t, "<th>Owner, due</th>") < end;
			for (const char *r = t; (r = strstr(r, "<tr>")) && r < end;
			     r += 4) {
				const char *re = strstr(r, "</tr>");
				assert_non_null(re);
				size_t cells = 0;
				for (const char *q = r; q < re; q++)
					if (strncmp(q, "<td", 3) == 0 ||
					    strncmp(q, "<th", 3) == 0)
						cells++;
				assert_int_equal(cells, gaps ? 4 : 3);
			}
		}
		assert_null(strstr(html, "<script"));
		assert_null(strstr(html, "<b>"));
		assert_null(strstr(html, "<blockquote>"));
		if (strcmp(cases[c], "escape") == 0) {
			assert_non_null(strstr(html, "&amp; Co | *stars* 株式会社テスト"));
			assert_non_null(strstr(html, "# not a heading"));
			assert_non_null(strstr(html, "&lt;script&gt;alert('x')"));
			assert_non_null(strstr(html, "[link](http://e.x)"));
			assert_null(strstr(html, "<a href"));
		}
		sc_buf_fini(&b);
		free(cmd);
		free(path);
		free(s);
	}
	th_rmtree(dir);
	free(dir);
}

/* The evidence list in Markdown: each table row has its 9 cells, the
 * report with the appendix one more section, no user text as markup. */
static void
evidence_markdown_renders_as_intended(void **state)
{
	(void)state;
	if (!have_tool("cmark-gfm"))
		skip();
	char *dir = th_mkdtemp();
	for (size_t c = 0; c < NCASES; c++) {
		struct fx f;
		fx_open(&f, cases[c]);
		struct sc_catalogue *cat = load_cat();
		char *docs[2] = {render_evidence(&f, SC_FMT_MARKDOWN, cat),
		                 render_full(&f, SC_FMT_MARKDOWN, cat)};
		sc_catalogue_free(cat);
		fx_close(&f);
		for (int k = 0; k < 2; k++) {
			char *path = th_write(dir, "e.md", docs[k]);
			char *cmd = sc_xasprintf("cmark-gfm -e table '%s'", path);
			FILE *p = popen(cmd, "r");
			assert_non_null(p);
			struct sc_buf b = {0};
			char tmp[4096];
			size_t n;
			while ((n = fread(tmp, 1, sizeof tmp, p)) > 0)
				sc_buf_add(&b, tmp, n);
			assert_int_equal(pclose(p), 0);
			const char *html = sc_buf_str(&b);
			assert_int_equal(count(html, "<h1>"), 1);
			/* The appendix is one more section where there is a
			 * report to collect evidence for (and the assumptions'
			 * list one more where conclusions rest on some). */
			if (k == 1)
				assert_int_equal(count(html, "<h2>"),
				                 strcmp(cases[c], "none") == 0 ? 8
				                 : strcmp(cases[c], "escape") == 0 ? 14
				                                                   : 15);
			/* Evidence tables start with a "#" header cell; the gaps'
			 * work plan ends with the owner. */
			for (const char *t = html; (t = strstr(t, "<table>")); t++) {
				const char *end = strstr(t, "</table>");
				bool evidence = strstr(t, "<th align=\"right\">#</th>") &&
				                strstr(t, "<th align=\"right\">#</th>") < end;
				bool gaps = !evidence && strstr(t, "<th>Owner, due</th>") &&
				            strstr(t, "<th>Owner, due</th>") < end;
				for (const char *r = t; (r = strstr(r, "<tr>")) && r < end;
				     r += 4) {
					const char *re = strstr(r, "</tr>");
					size_t cells = 0;
					for (const char *q = r; q < re; q++)
						if (strncmp(q, "<td", 3) == 0 ||
						    strncmp(q, "<th", 3) == 0)
							cells++;
					assert_int_equal(cells, evidence ? 9 : gaps ? 4 : 3);
				}
			}
			assert_null(strstr(html, "<a href"));
			assert_null(strstr(html, "<small>"));
			sc_buf_fini(&b);
			free(cmd);
			free(path);
			free(docs[k]);
		}
	}
	th_rmtree(dir);
	free(dir);
}

/* --- hostile input ----------------------------------------------------- */

static bool
valid_utf8(const char *s)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = strlen(s);
	while (n) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s, n, &st);
		if (k == (size_t)-1 || k == (size_t)-2)
			return false;
		s += k;
		n -= k;
	}
	return true;
}

static void
hostile_text_never_reaches_the_output(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "full");
	/* Metadata is not validated by the answer setters: a stray byte and an
	 * escape sequence that would recolour a terminal. */
	free(f.a->client);
	f.a->client = sc_xstrdup("Bad \xff\xfe byte \x1b[31mred\x1b[0m \xc3(");
	free(f.a->assessor);
	f.a->assessor = sc_xstrdup("\xe2\x82 cut \x7f del \xc2\x9b csi");
	for (int fmt = 0; fmt < SC_FMT_COUNT; fmt++) {
		char *s = render(&f, fmt, 0);
		assert_true(valid_utf8(s));
		assert_null(strchr(s, '\x1b'));
		assert_null(strchr(s, '\x7f'));
		assert_null(strstr(s, "\xc2\x9b"));
		assert_non_null(strstr(s, "red"));
		if (fmt == SC_FMT_JSON) {
			json_t *j = parse_json(s);
			json_decref(j);
		}
		free(s);
	}
	fx_close(&f);
}

/* --- dates and formats -------------------------------------------------- */

static void
date_defaults_to_today_utc(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "full");
	char today[16];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	struct sc_buf b = {0};
	struct sc_report_opts o = {0};
	sc_report_render(f.q, f.a, f.ev, SC_FMT_JSON, &o, &b);
	char *want = sc_xasprintf("\"date\": \"%s\"", today);
	assert_non_null(strstr(sc_buf_str(&b), want));
	free(want);
	/* A date that does not exist is not shown; today is. */
	static const char *const bad[] = {"2026-02-29", "2026-13-01", "26-1-1",
	                                  "2026-01-01x", ""};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		sc_buf_reset(&b);
		o.date = bad[i];
		sc_report_render(f.q, f.a, f.ev, SC_FMT_JSON, &o, &b);
		want = sc_xasprintf("\"date\": \"%s\"", today);
		assert_non_null(strstr(sc_buf_str(&b), want));
		free(want);
	}
	/* A NULL opts is the defaults. */
	sc_buf_reset(&b);
	sc_report_render(f.q, f.a, f.ev, SC_FMT_TEXT, NULL, &b);
	assert_non_null(strstr(sc_buf_str(&b), today));
	sc_buf_fini(&b);
	fx_close(&f);
}

/* The roadmap section of a text report (its heading to the next one). */
static char *
roadmap_section(const char *doc)
{
	const char *a = strstr(doc, "ROADMAP\n");
	assert_non_null(a);
	const char *b = strstr(a, "RELATED FRAMEWORKS\n");
	assert_non_null(b);
	return sc_xasprintf("%.*s", (int)(b - a), a);
}

static void
roadmap_dates_follow_the_answers(void **state)
{
	(void)state;
	/* full: report date 2026-01-31; two medium gaps and a low one are 2
	 * weeks of readiness.  A year of kept evidence: one examination of the
	 * SOC 1 and SOC 2 over the year before (a look-back), which the
	 * medium gaps fall inside, so the plan shows both honest ways: the
	 * look-back now with exceptions expected, or the gaps closed first
	 * and a period after the fix. */
	char *s = render_case("full", SC_FMT_JSON, 0);
	json_t *j = parse_json(s);
	json_t *rm = json_object_get(j, "roadmap");
	assert_true(json_is_null(json_object_get(rm, "ready_by")));
	assert_int_equal(json_integer_value(json_object_get(rm,
	                                                    "readiness_weeks")),
	                 2);
	assert_string_equal(json_string_value(json_object_get(rm, "window_start")),
	                    "2025-01-01");
	assert_string_equal(json_string_value(json_object_get(rm, "window_end")),
	                    "2025-12-31");
	assert_int_equal(json_integer_value(json_object_get(rm, "window_months")),
	                 12);
	assert_string_equal(json_string_value(json_object_get(rm, "deadline")),
	                    "2026-10-31");
	assert_string_equal(json_string_value(json_object_get(rm, "report_by")),
	                    "2026-04-20");
	/* The plan's facts: the tracks in order, the clean-first one dated. */
	json_t *plan = json_object_get(j, "plan");
	json_t *tracks = json_object_get(plan, "tracks");
	/* Each option is followed by its own next period. */
	assert_int_equal(json_array_size(tracks), 4);
	static const char *const kinds[] = {"plan", "next", "clean_first",
	                                    "next"};
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(json_string_value(json_object_get(
			                    json_array_get(tracks, i), "kind")),
		                    kinds[i]);
	assert_string_equal(json_string_value(json_object_get(
		                    json_array_get(tracks, 2), "report_by")),
	                    "2026-10-27");
	assert_non_null(strstr(json_string_value(json_object_get(
	                               json_array_get(tracks, 1), "title")),
	                       "after Option A"));
	assert_non_null(strstr(json_string_value(json_object_get(
	                               json_array_get(tracks, 3), "title")),
	                       "after Option B"));
	json_t *p0 = json_array_get(json_object_get(plan, "reports"), 0);
	assert_true(json_is_true(json_object_get(p0, "lookback")));
	assert_true(json_is_true(json_object_get(p0, "combined")));
	json_decref(j);
	free(s);
	s = render_case("full", SC_FMT_TEXT, 0);
	char *road = roadmap_section(s);
	char *sq = squeeze(road);
	assert_says(sq, "text", "The SOC 1 and SOC 2 Type II report, expected by "
	                        "2026-04-20, comes in time for your deadline "
	                        "(2026-10-31).");
	/* SOC 3 has no type of its own, whatever the engine says. */
	assert_says(sq, "text", "with the SOC 3 (the public summary of the SOC "
	                        "2 Type II, on the same period)");
	assert_null(strstr(sq, "SOC 3 Type"));
	assert_says(sq, "text", "Option B: close the gaps first.");
	assert_says(sq, "text", "confirm them with your CPA firm");
	free(sq);
	free(road);
	free(s);

	/* partial: the deadline is unanswered, so no date is invented. */
	s = render_case("partial", SC_FMT_JSON, 0);
	j = parse_json(s);
	rm = json_object_get(j, "roadmap");
	assert_true(json_is_null(json_object_get(rm, "type1_as_of")));
	assert_true(json_is_null(json_object_get(rm, "window_end")));
	assert_true(json_is_null(json_object_get(rm, "report_by")));
	assert_true(json_is_false(json_object_get(json_object_get(j, "plan"),
	                                          "dated")));
	json_decref(j);
	free(s);
	s = render_case("partial", SC_FMT_TEXT, 0);
	sq = squeeze(s);
	assert_says(sq, "text", "We cannot date the audit yet: \"In how many "
	                        "months must the first report be ready?\" has "
	                        "no answer");
	free(sq);
	free(s);
}

/* --- the roadmap, case by case ------------------------------------------ */

/* Open the report fixture with answers given inline (the lines under
 * `answers:`). */
static void
fx_open_answers(struct fx *f, const char *answers)
{
	f->q = load_q();
	f->a = sc_answers_new(f->q);
	char *doc = sc_xasprintf("socscope: 1\nquestionnaire: report-fixture\n"
	                         "questionnaire_version: \"2.1\"\nanswers:\n%s",
	                         answers);
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
	free(doc);
	assert_int_equal(st, SC_OK);
	f->ev = sc_eval_new(f->q, f->a);
	assert_non_null(f->ev);
	sc_eval_reset(f->ev);
}

static char *
render_at(struct fx *f, enum sc_format fmt, const char *date)
{
	struct sc_report_opts o = {.date = date, .width = 0};
	struct sc_buf b = {0};
	sc_report_render(f->q, f->a, f->ev, fmt, &o, &b);
	return sc_buf_steal(&b);
}

#define HOSTING "  services: [hosting]\n  has_sla: false\n"
#define PAYROLL "  services: [payroll]\n"
#define NO_GAPS "  risk_assessment: \"yes\"\n  incident_plan: true\n"
#define MAX_SAYS 6

struct json_want {
	const char *key;   /* a key of "roadmap" */
	const char *value; /* its string value; NULL: null */
};

struct road_case {
	const char *name;
	const char *date;
	const char *answers;
	const char *says[MAX_SAYS];  /* in the text report, whitespace squeezed */
	const char *never[MAX_SAYS]; /* nowhere in the text report */
	struct json_want json[4];
	const char *report;          /* "soc1" or "soc2", whose period is */
	int period;                  /* its JSON period_months; 0: null */
};

static const struct road_case road_cases[] = {
	{"renewal, back to back", "2026-01-31",
	 HOSTING NO_GAPS "  months_needed: 12\n  months_operating: 24\n"
	 "  evidence_kept: true\n  had_report: true\n"
	 "  prior_period_ended_months_ago: 2\n",
	 {"2025-12-01 to 2026-11-30: SOC 2 Type II period of 12 months, because "
	  "renewals run back to back, a year at a time, from your last SOC 2 "
	  "period. It starts the day after your last period ended",
	  "2026-12-29 to 2027-01-26: SOC 2 Type II report expected between these "
	  "dates, in time for your deadline (2027-01-31).",
	  "Until the new report is issued, give customers who ask a bridge "
	  "letter",
	  "Then: the next period. Renewals then run back to back: the next "
	  "period from 2026-12-01 to 2027-11-30"},
	 {"no renewal can run", "look-back", "Choose a CPA firm"},
	 {{"window_start", "2025-12-01"}, {"window_end", "2026-11-30"},
	  {"report_from", "2026-12-29"}, {"report_by", "2027-01-26"}},
	 "soc2", 12},
	{"a renewal long overdue starts afresh after readiness", "2026-01-31",
	 HOSTING "  risk_assessment: partly\n  incident_plan: true\n"
	 "  months_needed: 12\n  months_operating: 24\n"
	 "  evidence_kept: true\n  had_report: true\n"
	 "  prior_period_ended_months_ago: 26\n",
	 {"Your last SOC 2 period ended on 2023-11-30, more than a year before "
	  "a renewal period could end now, so no renewal can run back to back "
	  "from it",
	  "look-back period over months already gone"},
	 {"It starts the day after your last period ended. "},
	 {{"window_start", "2025-01-01"}, {"window_end", "2025-12-31"}},
	 "soc2", 12},
	{"a renewal without evidence kept since cannot run back to back",
	 "2026-01-31",
	 HOSTING "  risk_assessment: partly\n  incident_plan: true\n"
	 "  months_needed: 12\n  months_operating: 24\n"
	 "  evidence_kept: false\n  had_report: true\n"
	 "  prior_period_ended_months_ago: 10\n",
	 {"2026-01-31 to 2026-02-06: Readiness work: close the gaps listed "
	  "below (1 medium-priority gap), about 1 week.",
	  "2026-03-01 to 2026-08-31: SOC 2 Type II period of 6 months",
	  "so it starts on the first of the month after readiness work",
	  "Your last SOC 2 period ended on 2025-03-31, and no dated evidence of "
	  "your controls was kept since, so the months since cannot be tested",
	  "Your controls have operated for 24 months, but no dated evidence of "
	  "it was kept"},
	 {"look-back"},
	 {{"ready_by", "2026-02-06"}, {"window_start", "2026-03-01"},
	  {"window_end", "2026-08-31"}, {"report_by", "2026-10-27"}},
	 "soc2", 6},
	{"renewal with a gap open inside the running period", "2026-01-31",
	 HOSTING "  risk_assessment: \"no\"\n  incident_plan: true\n"
	 "  months_needed: 12\n  months_operating: 24\n  had_report: true\n"
	 "  prior_period_ended_months_ago: 1\n",
	 {"2026-01-01 to 2026-12-31: SOC 2 Type II period of 12 months",
	  "Your current SOC 2 period runs until 2026-12-31 and the gaps listed "
	  "below fall inside it. The CPA firm tests the controls your report "
	  "describes over the whole period: where one of these gaps is in such "
	  "a control, expect an exception for the months before the fix, so "
	  "close them as early as you can (\"Perform a formal risk "
	  "assessment\")."},
	 {"no renewal can run", "Readiness work"},
	 {{"window_start", "2026-01-01"}, {"window_end", "2026-12-31"},
	  {"ready_by", NULL}},
	 "soc2", 12},
	{"look-back: a mature organization's first SOC 2 covers 6 months",
	 "2026-01-31",
	 HOSTING NO_GAPS "  months_needed: 2\n  months_operating: 24\n"
	 "  evidence_kept: true\n  had_report: false\n",
	 {"2025-07-01 to 2025-12-31: SOC 2 Type II period of 6 months, because "
	  "a first period usually runs 3 to 6 months: your 24 months of kept "
	  "evidence allow the longest of them",
	  "A look-back period over months already gone, tested on the evidence "
	  "kept then: confirm with your CPA firm that it is acceptable.",
	  "2026-01-31 to 2026-02-20: Choose a CPA firm and agree the "
	  "engagement",
	  "2026-02-23 to 2026-03-16: Fieldwork",
	  "The SOC 2 Type II report is expected between 2026-03-23 and "
	  "2026-04-20, possibly after your deadline (2026-03-31)."},
	 {"Readiness work", "Type I:", "quicker path"},
	 {{"window_start", "2025-07-01"}, {"window_end", "2025-12-31"},
	  {"deadline", "2026-03-31"}, {"report_by", "2026-04-20"}},
	 "soc2", 6},
	/* Fewer months than a first period: it runs on to the end of this
	 * month (here today), while the firm is engaged. */
	{"look-back as far as the kept evidence goes", "2026-01-31",
	 HOSTING NO_GAPS "  months_needed: 12\n  months_operating: 3\n"
	 "  evidence_kept: true\n",
	 {"2025-10-01 to 2026-01-31: SOC 2 Type II period of 4 months, because "
	  "it covers the 3 months your kept evidence covers and runs on to the "
	  "end of this month",
	  "in time for your deadline (2027-01-31)."},
	 {"after your deadline"},
	 {{"window_start", "2025-10-01"}, {"window_end", "2026-01-31"}},
	 "soc2", 4},
	{"open gaps and a look-back: both honest plans, dated", "2026-01-31",
	 HOSTING "  risk_assessment: \"no\"\n  incident_plan: true\n"
	 "  months_needed: 2\n  months_operating: 24\n  evidence_kept: true\n",
	 {"Option A: report on the months already gone. The look-back period "
	  "tests months already gone, and the gaps found now were gaps then "
	  "too: expect the CPA firm to report exceptions for the gaps listed "
	  "below (\"Perform a formal risk assessment\")",
	  "Option B: close the gaps first. Close the gaps, then start a new "
	  "period after the fix: a later report (by 2026-10-27) without these "
	  "exceptions.",
	  "2026-01-31 to 2026-02-13: Readiness work: close the gaps listed "
	  "below (1 high-priority gap), about 2 weeks.",
	  "2026-03-01 to 2026-08-31: SOC 2 Type II period of 6 months"},
	 {"fall inside a window that has already ended"},
	 {{"window_start", "2025-07-01"}, {"window_end", "2025-12-31"},
	  {"deadline", "2026-03-31"}, {"ready_by", NULL}},
	 "soc2", 6},
	{"late Type II: a quicker Type I in time", "2026-01-31",
	 HOSTING "  risk_assessment: partly\n  incident_plan: true\n"
	 "  months_needed: 3\n  months_operating: 12\n",
	 {"2026-09-29 to 2026-10-27: SOC 2 Type II report expected between "
	  "these dates, after your deadline (2026-04-30).",
	  "To meet the deadline: a SOC 2 Type I first. A Type I (the design of "
	  "your controls as of 2026-02-28) could be in hand by 2026-04-27, in "
	  "time for your deadline (2026-04-30).",
	  "The plan: first a SOC 2 Type I as of 2026-02-28, in hand by "
	  "2026-04-27 to meet the deadline if whoever set the deadline accepts "
	  "it; then SOC 2 Type II over 2026-03-01 to 2026-08-31",
	  "Ask whoever set the deadline in writing now whether a SOC 2 Type I "
	  "in hand by 2026-04-27 will do until the Type II follows",
	  "Your controls have operated for 12 months; if dated evidence of "
	  "their operation was kept, ask your CPA firm whether a look-back "
	  "period can cover those months."},
	 {"in time for your deadline (2026-04-30). Talk"},
	 {{"window_start", "2026-03-01"}, {"window_end", "2026-08-31"},
	  {"report_by", "2026-10-27"}},
	 "soc2", 6},
	{"a close deadline shortens a first period to 3 months", "2026-01-31",
	 HOSTING NO_GAPS "  months_needed: 5\n  months_operating: 12\n"
	 "  evidence_kept: false\n",
	 {"2026-02-01 to 2026-04-30: SOC 2 Type II period of 3 months, because "
	  "it is the shortest first period most CPA firms accept, and it lets "
	  "the report come before your deadline",
	  "The SOC 2 Type II report, expected by 2026-06-26, comes in time for "
	  "your deadline (2026-06-30)."},
	 {"possibly after"},
	 {{"window_end", "2026-04-30"}, {"report_from", "2026-05-29"},
	  {"report_by", "2026-06-26"}},
	 "soc2", 3},
	/* Two months later, 3 months would leave two unused: the period is
	 * as long as the date allows. */
	{"a deadline with room for 5 months of a first period", "2026-01-31",
	 HOSTING NO_GAPS "  months_needed: 7\n  months_operating: 12\n"
	 "  evidence_kept: false\n",
	 {"2026-02-01 to 2026-06-30: SOC 2 Type II period of 5 months, because "
	  "it is as long as your deadline allows",
	  "that 5 months will do",
	  "comes in time for your deadline (2026-08-31)."},
	 {"possibly after", "shortest first period"},
	 {{"window_end", "2026-06-30"}},
	 "soc2", 5},
	{"Type I, then the Type II that follows", "2026-01-31",
	 HOSTING NO_GAPS "  months_needed: 6\n  months_operating: 1\n"
	 "  type2_demanded: true\n",
	 {"as of 2026-02-28: SOC 2 Type I: your CPA firm examines the design of "
	  "your controls as of this date.",
	  "2026-03-30 to 2026-04-27: SOC 2 Type I report expected between these "
	  "dates, in time for your deadline (2026-07-31).",
	  "Then: the Type II that follows. After the Type I, a Type II period "
	  "from 2026-03-01 to 2026-08-31 tests that your controls keep working, "
	  "which is what most readers want; its report by 2026-10-27."},
	 {"clients' auditors need"},
	 {{"type1_as_of", "2026-02-28"}, {"window_start", NULL},
	  {"report_by", "2026-04-27"}},
	 "soc2", 0},
	{"a Type I after the deadline: talk to whoever set it", "2026-01-31",
	 HOSTING NO_GAPS "  months_needed: 0\n  months_operating: 1\n"
	 "  type2_demanded: false\n",
	 {"The SOC 2 Type I report is expected between 2026-03-30 and "
	  "2026-04-27, after your deadline (2026-01-31). What can be done "
	  "about it is in the executive summary.",
	  "Talk to whoever set the deadline now: share this plan and its "
	  "dates. No CPA firm issues a report or an opinion before its "
	  "examination is done"},
	 {"readiness letter", "in time for your deadline"},
	 {{"type1_as_of", "2026-02-28"}, {"deadline", "2026-01-31"}},
	 "soc2", 0},
	{"SOC 1 Type I: the Type II that follows covers the fiscal year",
	 "2025-10-18",
	 PAYROLL NO_GAPS "  months_needed: 12\n  months_operating: 1\n"
	 "  clients_fiscal_year_end: dec\n",
	 /* Two weeks after the engagement and description (2025-11-07),
	  * not the month's end. */
	 {"as of 2025-11-21: SOC 1 Type I",
	  "2025-12-01 to 2026-06-30: SOC 1 Type II period of 7 months, because "
	  "it must cover at least 6 months of your clients' fiscal year ending "
	  "2026-12-31",
	  "which your clients' auditors need before they can rely on them",
	  "2026-07-01 to 2026-12-31: Bridge letter"},
	 {"may agree to 3 months"},
	 {{"type1_as_of", "2025-11-21"}},
	 "soc1", 0},
	{"SOC 1 period Nov to Apr for December year-ends: lengthened to 8",
	 "2025-10-18",
	 PAYROLL NO_GAPS "  months_needed: 12\n  months_operating: 12\n"
	 "  evidence_kept: false\n  had_report: false\n"
	 "  clients_fiscal_year_end: dec\n",
	 {"2025-11-01 to 2026-06-30: SOC 1 Type II period of 8 months, because "
	  "it must cover at least 6 months of your clients' fiscal year ending "
	  "2026-12-31, as their auditors typically need.",
	  "2026-07-01 to 2026-12-31: Bridge letter: your clients' auditors will "
	  "ask for your management's letter covering these months",
	  "SOC 1 Type II, 8-month period"},
	 {"6-month period", "Confirm when your clients' fiscal years end"},
	 {{"window_start", "2025-11-01"}, {"window_end", "2026-06-30"},
	  {"report_by", "2026-08-26"}},
	 "soc1", 8},
	{"SOC 1 period Nov to Apr for June year-ends: covered", "2025-10-18",
	 PAYROLL NO_GAPS "  months_needed: 12\n  months_operating: 12\n"
	 "  evidence_kept: false\n  had_report: false\n"
	 "  clients_fiscal_year_end: jun\n",
	 {"2025-11-01 to 2026-04-30: SOC 1 Type II period of 6 months",
	  "2026-05-01 to 2026-06-30: Bridge letter"},
	 {"lengthened", "8 months"},
	 {{"window_end", "2026-04-30"}},
	 "soc1", 6},
	{"SOC 1 with clients' year-ends that vary", "2025-10-18",
	 PAYROLL NO_GAPS "  months_needed: 12\n  months_operating: 12\n"
	 "  had_report: false\n  clients_fiscal_year_end: varies\n",
	 {"Confirm when your clients' fiscal years end: their auditors "
	  "typically need the SOC 1 period to cover at least 6 months of their "
	  "fiscal year"},
	 {"Bridge letter:"},
	 {{"window_end", "2026-04-30"}},
	 "soc1", 6},
	{"a renewal without the prior period's end cannot be dated",
	 "2026-01-31",
	 HOSTING NO_GAPS "  months_needed: 12\n  months_operating: 24\n"
	 "  had_report: true\n",
	 {"We cannot date the audit yet: \"How many months ago did your last "
	  "SOC report's period end?\" has no answer. Answer it to see a dated "
	  "plan."},
	 {"report expected"},
	 {{"ready_by", NULL}, {"window_start", NULL}, {"report_by", NULL}},
	 "soc2", 0},
	{"no readiness checklist answered: no score, gaps still listed",
	 "2026-01-31", PAYROLL,
	 {"Readiness was not assessed (the readiness checklist was not asked); "
	  "your other answers show no high-priority gap.",
	  "Readiness was not assessed: the readiness checklist was not asked, "
	  "so no readiness item was counted and there is no score. The gaps "
	  "and answers to confirm below come from your other answers.",
	  "Reconcile payroll runs to bank totals"},
	 {"out of 100", "has been assessed"},
	 {{"ready_by", NULL}},
	 "soc1", 0},
	{"an answer to confirm before a look-back's fieldwork", "2026-01-31",
	 HOSTING "  risk_assessment: \"yes\"\n  incident_plan: unsure\n"
	 "  months_needed: 12\n  months_operating: 24\n  evidence_kept: true\n",
	 {"Confirm the 1 answer listed below before fieldwork starts: it can "
	  "change what the CPA firm tests.",
	  "with no high-priority gap and 1 answer to confirm; not assessed: Control environment"},
	 {"Readiness work", "Option B"},
	 {{"ready_by", NULL}, {"window_start", "2025-07-01"}},
	 "soc2", 6},
};

static void
roadmap_cases(void **state)
{
	(void)state;
	for (size_t c = 0; c < sizeof road_cases / sizeof road_cases[0]; c++) {
		const struct road_case *rc = &road_cases[c];
		struct fx f;
		fx_open_answers(&f, rc->answers);
		char *doc = render_at(&f, SC_FMT_TEXT, rc->date);
		char *text = roadmap_section(doc);
		char *sq = squeeze(doc);
		for (size_t k = 0; k < MAX_SAYS && rc->says[k]; k++)
			if (!strstr(sq, rc->says[k])) {
				print_error("%s: the report does not say \"%s\":\n%s\n",
				            rc->name, rc->says[k], text);
				fail();
			}
		for (size_t k = 0; k < MAX_SAYS && rc->never[k]; k++)
			if (strstr(sq, rc->never[k])) {
				print_error("%s: the report says \"%s\":\n%s\n", rc->name,
				            rc->never[k], text);
				fail();
			}
		char *js = render_at(&f, SC_FMT_JSON, rc->date);
		json_t *j = parse_json(js);
		json_t *rm = json_object_get(j, "roadmap");
		for (size_t k = 0; k < 4 && rc->json[k].key; k++) {
			json_t *v = json_object_get(rm, rc->json[k].key);
			const char *want = rc->json[k].value;
			if (want ? !json_is_string(v) ||
			                   strcmp(json_string_value(v), want) != 0
			         : !json_is_null(v)) {
				print_error("%s: roadmap.%s is %s, expected %s\n", rc->name,
				            rc->json[k].key,
				            json_is_string(v) ? json_string_value(v)
				                              : "not a string",
				            want ? want : "null");
				fail();
			}
		}
		json_t *reports = json_object_get(json_object_get(j,
		                                                  "recommendation"),
		                                  "reports");
		bool seen = false;
		size_t i;
		json_t *r;
		json_array_foreach(reports, i, r) {
			if (strcmp(json_string_value(json_object_get(r, "id")),
			           rc->report) != 0)
				continue;
			seen = true;
			json_t *pm = json_object_get(r, "period_months");
			if (rc->period)
				assert_int_equal(json_integer_value(pm), rc->period);
			else
				assert_true(json_is_null(pm));
		}
		assert_true(seen);
		json_decref(j);
		free(js);
		free(sq);
		free(text);
		free(doc);
		fx_close(&f);
	}
}

/* Report dates at the ends of the calendar, with months back and forth as
 * far as the answers go: still dates, still valid JSON (and nothing out of
 * bounds under the sanitizers). */
static void
extreme_dates_stay_dates(void **state)
{
	(void)state;
	static const char *const dates[] = {"0000-01-01", "9999-12-31",
	                                    "2024-02-29"};
	struct fx f;
	fx_open_answers(&f, PAYROLL NO_GAPS "  months_needed: 60\n"
	                "  months_operating: 240\n  evidence_kept: true\n"
	                "  had_report: true\n"
	                "  prior_period_ended_months_ago: 120\n"
	                "  clients_fiscal_year_end: feb\n");
	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		char *js = render_at(&f, SC_FMT_JSON, dates[i]);
		json_t *j = parse_json(js);
		json_t *rm = json_object_get(j, "roadmap");
		/* A look-back plan has no readiness work: no ready_by. */
		assert_true(json_is_null(json_object_get(rm, "ready_by")));
		static const char *const keys[] = {"window_start", "window_end",
		                                   "deadline", "report_by"};
		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
			const char *v = json_string_value(json_object_get(rm, keys[k]));
			assert_non_null(v);
			assert_int_equal(strlen(v), 10);
			for (int c = 0; c < 10; c++)
				assert_true(c == 4 || c == 7 ? v[c] == '-'
				                             : v[c] >= '0' && v[c] <= '9');
			int mo = atoi(v + 5), d = atoi(v + 8);
			assert_true(mo >= 1 && mo <= 12 && d >= 1 && d <= 31);
		}
		json_decref(j);
		free(js);
	}
	fx_close(&f);
}

/* The lengthened SOC 1 period is the one every format gives. */
static void
lengthened_period_in_every_format(void **state)
{
	(void)state;
	struct fx f;
	fx_open_answers(&f, PAYROLL NO_GAPS "  months_needed: 12\n"
	                "  months_operating: 12\n  had_report: false\n"
	                "  clients_fiscal_year_end: dec\n");
	static const char *const want[SC_FMT_COUNT] = {
		[SC_FMT_TEXT] = "SOC 1 Type II, 8-month period",
		[SC_FMT_MARKDOWN] = "SOC 1 Type II, 8-month period",
		[SC_FMT_HTML] = "8-month period",
		[SC_FMT_JSON] = "\"period_months\": 8",
		[SC_FMT_CSV] = "\"SOC 1 Type II, 8-month period\"",
	};
	for (int fmt = 0; fmt < SC_FMT_COUNT; fmt++) {
		char *s = render_at(&f, fmt, "2025-10-18");
		assert_says(s, sc_format_id_str(fmt), want[fmt]);
		assert_null(strstr(s, "6-month period"));
		free(s);
	}
	fx_close(&f);
}

/* Readiness work sized by what is missing, on a questionnaire made of
 * nothing but gaps. */
struct weeks_case {
	int high, medium, low, confirm;
	int weeks;
	const char *says;
};

static const struct weeks_case weeks_cases[] = {
	/* Gaps are worked side by side: 2 weeks per high-priority gap, a week
	 * per 3 medium ones, a week per 4 low ones or answers to confirm, at
	 * most 26 weeks. */
	{0, 0, 0, 0, 0, NULL},
	{0, 0, 0, 1, 1, "Readiness work: confirm the answers listed below (1 "
	                "answer to confirm), about 1 week."},
	{1, 0, 0, 0, 2, "Readiness work: close the gaps listed below (1 "
	                "high-priority gap), about 2 weeks."},
	{0, 0, 7, 0, 2, "(7 low-priority gaps), about 2 weeks."},
	{0, 4, 0, 0, 2, "(4 medium-priority gaps), about 2 weeks."},
	{2, 1, 0, 1, 6, "Readiness work: close the gaps and confirm the "
	                "answers listed below (2 high-priority gaps, 1 "
	                "medium-priority gap and 1 answer to confirm), about 6 "
	                "weeks."},
	{10, 0, 0, 0, 20, "(10 high-priority gaps), about 5 months."},
	{14, 0, 0, 0, 26, "(14 high-priority gaps), about 6 months."},
};

static void
readiness_weeks_follow_the_gaps(void **state)
{
	(void)state;
	static const char *const prio[4] = {"high", "medium", "low", "low"};
	for (size_t c = 0; c < sizeof weeks_cases / sizeof weeks_cases[0]; c++) {
		const struct weeks_case *wc = &weeks_cases[c];
		struct sc_buf y = {0};
		sc_buf_puts(&y, "id: gaps\ntitle: Gaps\nversion: \"1\"\n"
		                "description: Only gaps.\nsections:\n"
		                "  - id: s\n    title: S\n    questions:\n"
		                "      - {id: go, type: yesno, text: Go?, help: "
		                "Because.}\nrules:\n"
		                "  - id: report\n    when: go\n    because: Go.\n"
		                "    recommend: soc2\n"
		                "    type: {report: soc2, type: type2, "
		                "period_months: 6}\n");
		const int n[4] = {wc->high, wc->medium, wc->low, wc->confirm};
		for (int k = 0; k < 4; k++)
			for (int i = 0; i < n[k]; i++)
				sc_buf_printf(&y, "  - id: r%d_%d\n    when: go\n"
				                  "    because: Gap.\n"
				                  "    gap: {id: g%d_%d, title: Gap %d %d, "
				                  "criteria: [CC1.1], priority: %s, "
				                  "advice: Fix., kind: %s}\n",
				              k, i, k, i, k, i, prio[k],
				              k == 3 ? "followup" : "gap");
		struct sc_diags d;
		sc_diags_init(&d);
		enum sc_status st;
		struct sc_questionnaire *q = sc_questionnaire_load_buffer(
			"gaps.yaml", sc_buf_str(&y), y.len, &d, &st);
		if (!q) {
			struct sc_buf b = {0};
			sc_diags_format(&d, &b);
			print_error("%s", sc_buf_str(&b));
			sc_buf_fini(&b);
		}
		assert_non_null(q);
		struct sc_answers *a = sc_answers_new(q);
		struct sc_answer yes = {.type = SC_A_BOOL, .b = true};
		assert_true(sc_answers_set(a, 0, &yes));
		struct fx f = {q, a, sc_eval_new(q, a)};
		sc_eval_reset(f.ev);
		char *js = render_at(&f, SC_FMT_JSON, "2026-01-31");
		json_t *j = parse_json(js);
		json_t *rm = json_object_get(j, "roadmap");
		assert_int_equal(json_integer_value(json_object_get(
			                 rm, "readiness_weeks")),
		                 wc->weeks);
		/* The readiness step, when there is readiness work; none
		 * otherwise.  Its estimate shows no arithmetic. */
		const char *step = NULL;
		json_t *steps = json_object_get(rm, "steps");
		for (size_t k = 0; k < json_array_size(steps); k++) {
			const char *w = json_string_value(json_object_get(
				json_array_get(steps, k), "what"));
			if (w && strncmp(w, "Readiness work", 14) == 0)
				step = w;
		}
		if (!wc->says) {
			assert_null(step);
		} else if (!step || !strstr(step, wc->says)) {
			print_error("%d/%d/%d/%d: \"%s\" does not say \"%s\"\n",
			            wc->high, wc->medium, wc->low, wc->confirm,
			            step ? step : "(no readiness step)", wc->says);
			fail();
		}
		if (step) {
			assert_null(strstr(step, "about 1 month"));
			assert_null(strstr(step, "counted as"));
			assert_null(strstr(step, "weeks each"));
		}
		json_decref(j);
		free(js);
		sc_diags_fini(&d);
		sc_buf_fini(&y);
		fx_close(&f);
	}
}

static void
format_names(void **state)
{
	(void)state;
	static const char *const ids[] = {"text", "markdown", "html", "json",
	                                  "csv"};
	static const char *const exts[] = {"txt", "md", "html", "json", "csv"};
	for (int i = 0; i < SC_FMT_COUNT; i++) {
		assert_int_equal(sc_format_find(ids[i]), i);
		assert_string_equal(sc_format_id_str(i), ids[i]);
		assert_string_equal(sc_format_ext(i), exts[i]);
	}
	assert_int_equal(sc_format_find("pdf"), -1);
	assert_int_equal(sc_format_find("JSON"), -1);
	assert_int_equal(sc_format_find(NULL), -1);
}

int
main(void)
{
	/* The tests measure widths and check UTF-8 with the C library. */
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "C.utf8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(golden_full),
		cmocka_unit_test(golden_none),
		cmocka_unit_test(every_category_has_a_reason),
		cmocka_unit_test(golden_partial),
		cmocka_unit_test(golden_escape),
		cmocka_unit_test(golden_review),
		cmocka_unit_test(review_reports_say_what_the_answers_mean),
		cmocka_unit_test(no_format_gives_soc3_a_type),
		cmocka_unit_test(text_fits_its_width),
		cmocka_unit_test(json_follows_the_contract),
		cmocka_unit_test(json_says_what_the_answers_mean),
		cmocka_unit_test(csv_parses_back_to_the_same_fields),
		cmocka_unit_test(csv_neutralizes_formulas),
		cmocka_unit_test(every_format_says_the_same_thing),
		cmocka_unit_test(areas_api_matches_the_report),
		cmocka_unit_test(evidence_follows_the_scope),
		cmocka_unit_test(evidence_type1_keeps_design_only),
		cmocka_unit_test(evidence_csv_is_one_row_per_request),
		cmocka_unit_test(html_validates),
		cmocka_unit_test(html_is_self_contained_and_escaped),
		cmocka_unit_test(markdown_escapes_user_text),
		cmocka_unit_test(markdown_renders_as_intended),
		cmocka_unit_test(evidence_markdown_renders_as_intended),
		cmocka_unit_test(hostile_text_never_reaches_the_output),
		cmocka_unit_test(date_defaults_to_today_utc),
		cmocka_unit_test(roadmap_dates_follow_the_answers),
		cmocka_unit_test(roadmap_cases),
		cmocka_unit_test(lengthened_period_in_every_format),
		cmocka_unit_test(extreme_dates_stay_dates),
		cmocka_unit_test(readiness_weeks_follow_the_gaps),
		cmocka_unit_test(format_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
