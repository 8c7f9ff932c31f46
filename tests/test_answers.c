/* Answers: values, setters' validation, the YAML answers file (saving,
 * loading, round trips of every type and of awkward strings) and every
 * class of invalid answers file, each with its exact position. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"
#include "socscope/answers.h"
#include "socscope/questionnaire.h"

/* ---- a small questionnaire, built by hand ------------------------------ */

enum { Q_AGREE, Q_SURE, Q_INDUSTRY, Q_SERVICES, Q_EMPLOYEES, Q_RATIO,
       Q_ORG, Q_ESSAY, Q_LONG, Q_COUNT };

static struct sc_choice industry_choices[] = {
	{.id = "health", .label = "Health care"},
	{.id = "finance", .label = "Financial services"},
	{.id = "other", .label = "Something else"},
};

static struct sc_choice service_choices[] = {
	{.id = "payroll", .label = "Payroll"},
	{.id = "hosting", .label = "Hosting"},
	{.id = "support", .label = "Support"},
};

static struct sc_question questions[Q_COUNT] = {
	[Q_AGREE] = {.id = "agree", .type = SC_Q_YESNO, .text = "Agree?"},
	[Q_SURE] = {.id = "sure", .type = SC_Q_YESNO, .text = "Sure?",
	            .allow_unsure = true},
	[Q_INDUSTRY] = {.id = "industry", .type = SC_Q_SINGLE,
	                .text = "Industry?", .choices = industry_choices,
	                .nchoices = 3},
	[Q_SERVICES] = {.id = "services", .type = SC_Q_MULTI,
	                .text = "Services?", .choices = service_choices,
	                .nchoices = 3},
	[Q_EMPLOYEES] = {.id = "employees", .type = SC_Q_NUMBER,
	                 .text = "Employees?", .has_min = true, .min = 0,
	                 .has_max = true, .max = 100000},
	[Q_RATIO] = {.id = "ratio", .type = SC_Q_NUMBER, .text = "Ratio?"},
	[Q_ORG] = {.id = "org_name", .type = SC_Q_TEXT, .text = "Name?",
	           .max_length = 20},
	[Q_ESSAY] = {.id = "essay", .type = SC_Q_TEXT, .text = "Essay?"},
	[Q_LONG] = {.id = "long_text", .type = SC_Q_TEXT, .text = "Long?",
	            .max_length = 65536},
};

static struct sc_questionnaire tiny = {
	.file = "tiny.yaml",
	.id = "tiny",
	.title = "Tiny",
	.version = "1.0",
	.questions = questions,
	.nquestions = Q_COUNT,
};

static int
setup_questionnaire(void **state)
{
	(void)state;
	for (size_t i = 0; i < Q_COUNT; i++)
		questions[i].index = i;
	sc_timeline_init(&tiny.timeline);
	return 0;
}

static struct sc_answer
yes(bool b)
{
	return (struct sc_answer){.type = SC_A_BOOL, .b = b};
}

static char *
fixture(const char *name)
{
	char *rel = sc_xasprintf("tests/fixtures/answers/%s", name);
	char *p = th_src(rel);
	free(rel);
	return p;
}

/* ---- values ------------------------------------------------------------ */

static void
format_values(void **state)
{
	(void)state;
	static const struct {
		double x;
		const char *text;
	} nums[] = {
		{12, "12"},   {2.5, "2.5"},       {-3, "-3"},
		{0, "0"},     {0.1, "0.1"},       {100000, "100000"},
		{1e20, "100000000000000000000"}, {1e-7, "0.0000001"},
		{1.0 / 3, "0.3333333333333333"},
	};
	struct sc_buf b = {0};
	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		struct sc_answer a = {.type = SC_A_NUMBER, .num = nums[i].x};
		sc_buf_reset(&b);
		sc_answer_format(&questions[Q_RATIO], &a, &b);
		if (strcmp(sc_buf_str(&b), nums[i].text) != 0)
			fail_msg("%.17g formatted as \"%s\", expected \"%s\"",
			         nums[i].x, sc_buf_str(&b), nums[i].text);
	}

	struct sc_answer a = yes(true);
	sc_buf_reset(&b);
	sc_answer_format(&questions[Q_AGREE], &a, &b);
	assert_string_equal(sc_buf_str(&b), "Yes");
	a = yes(false);
	sc_buf_reset(&b);
	sc_answer_format(&questions[Q_AGREE], &a, &b);
	assert_string_equal(sc_buf_str(&b), "No");
	a = (struct sc_answer){.type = SC_A_UNSURE};
	sc_buf_reset(&b);
	sc_answer_format(&questions[Q_SURE], &a, &b);
	assert_string_equal(sc_buf_str(&b), "Not sure");
	a = (struct sc_answer){.type = SC_A_CHOICE, .choice = 1};
	sc_buf_reset(&b);
	sc_answer_format(&questions[Q_INDUSTRY], &a, &b);
	assert_string_equal(sc_buf_str(&b), "Financial services");
	size_t sel[] = {0, 2};
	a = (struct sc_answer){.type = SC_A_CHOICES, .sel = sel, .nsel = 2};
	sc_buf_reset(&b);
	sc_answer_format(&questions[Q_SERVICES], &a, &b);
	assert_string_equal(sc_buf_str(&b), "Payroll, Support");
	a = (struct sc_answer){.type = SC_A_TEXT, .text = "Acme"};
	sc_buf_reset(&b);
	sc_answer_format(&questions[Q_ORG], &a, &b);
	assert_string_equal(sc_buf_str(&b), "Acme");
	a = (struct sc_answer){.type = SC_A_NONE};
	sc_buf_reset(&b);
	sc_answer_format(&questions[Q_ORG], &a, &b);
	assert_string_equal(sc_buf_str(&b), "");
	sc_buf_fini(&b);
}

static void
copy_equal_has_choice(void **state)
{
	(void)state;
	size_t sel[] = {0, 2};
	struct sc_answer src = {.type = SC_A_CHOICES, .sel = sel, .nsel = 2};
	struct sc_answer dst = {0};
	sc_answer_copy(&dst, &src);
	assert_true(dst.sel != sel);
	assert_true(sc_answer_equal(&dst, &src));
	assert_true(sc_answer_has_choice(&dst, 0));
	assert_false(sc_answer_has_choice(&dst, 1));
	assert_true(sc_answer_has_choice(&dst, 2));
	size_t other[] = {0, 1};
	struct sc_answer o = {.type = SC_A_CHOICES, .sel = other, .nsel = 2};
	assert_false(sc_answer_equal(&dst, &o));

	/* Copying over a value frees the old one (valgrind checks). */
	struct sc_answer t = {.type = SC_A_TEXT, .text = "hello"};
	sc_answer_copy(&dst, &t);
	assert_int_equal(dst.type, SC_A_TEXT);
	assert_string_equal(dst.text, "hello");
	assert_true(dst.text != t.text);
	assert_true(sc_answer_equal(&dst, &t));
	t.text = "hellO";
	assert_false(sc_answer_equal(&dst, &t));

	struct sc_answer c1 = {.type = SC_A_CHOICE, .choice = 1};
	assert_true(sc_answer_has_choice(&c1, 1));
	assert_false(sc_answer_has_choice(&c1, 0));
	struct sc_answer b1 = yes(true), b2 = yes(false);
	assert_false(sc_answer_equal(&b1, &b2));
	assert_false(sc_answer_equal(&b1, &c1));
	struct sc_answer n1 = {.type = SC_A_NUMBER, .num = 2.5};
	struct sc_answer n2 = {.type = SC_A_NUMBER, .num = 2.5};
	assert_true(sc_answer_equal(&n1, &n2));
	n2.num = 2.25;
	assert_false(sc_answer_equal(&n1, &n2));

	sc_answer_clear(&dst);
	assert_int_equal(dst.type, SC_A_NONE);
	assert_null(dst.text);
	assert_null(dst.sel);
	struct sc_answer none = {0};
	assert_true(sc_answer_equal(&dst, &none));
}

/* ---- setters ----------------------------------------------------------- */

static void
setters_validate(void **state)
{
	(void)state;
	struct sc_answers *a = sc_answers_new(&tiny);
	struct sc_answer v;

	v = yes(true);
	assert_true(sc_answers_set(a, Q_AGREE, &v));
	assert_false(sc_answers_set(a, Q_INDUSTRY, &v)); /* wrong type */
	assert_false(sc_answers_set(a, Q_COUNT, &v));    /* no such question */

	v = (struct sc_answer){.type = SC_A_UNSURE};
	assert_false(sc_answers_set(a, Q_AGREE, &v)); /* not offered */
	assert_int_equal(a->v[Q_AGREE].type, SC_A_BOOL); /* unchanged */
	assert_true(sc_answers_set(a, Q_SURE, &v));

	v = (struct sc_answer){.type = SC_A_CHOICE, .choice = 2};
	assert_true(sc_answers_set(a, Q_INDUSTRY, &v));
	v.choice = 3;
	assert_false(sc_answers_set(a, Q_INDUSTRY, &v));
	assert_int_equal(a->v[Q_INDUSTRY].choice, 2);

	size_t good[] = {0, 2}, unsorted[] = {2, 0}, dup[] = {1, 1},
	       range[] = {0, 3};
	v = (struct sc_answer){.type = SC_A_CHOICES, .sel = good, .nsel = 2};
	assert_true(sc_answers_set(a, Q_SERVICES, &v));
	assert_true(a->v[Q_SERVICES].sel != good); /* copied */
	v.sel = unsorted;
	assert_false(sc_answers_set(a, Q_SERVICES, &v));
	v.sel = dup;
	assert_false(sc_answers_set(a, Q_SERVICES, &v));
	v.sel = range;
	assert_false(sc_answers_set(a, Q_SERVICES, &v));
	v = (struct sc_answer){.type = SC_A_CHOICES};
	assert_true(sc_answers_set(a, Q_SERVICES, &v)); /* empty is fine */
	assert_int_equal(a->v[Q_SERVICES].nsel, 0);

	v = (struct sc_answer){.type = SC_A_NUMBER, .num = 0};
	assert_true(sc_answers_set(a, Q_EMPLOYEES, &v));
	v.num = 100000;
	assert_true(sc_answers_set(a, Q_EMPLOYEES, &v));
	v.num = 100000.5;
	assert_false(sc_answers_set(a, Q_EMPLOYEES, &v));
	v.num = -0.5;
	assert_false(sc_answers_set(a, Q_EMPLOYEES, &v));
	v.num = NAN;
	assert_false(sc_answers_set(a, Q_RATIO, &v));
	v.num = INFINITY;
	assert_false(sc_answers_set(a, Q_RATIO, &v));
	v.num = -1e300;
	assert_true(sc_answers_set(a, Q_RATIO, &v));
	assert_true(a->v[Q_EMPLOYEES].num == 100000);

	/* max_length counts characters, not bytes: 20 "é" are 40 bytes. */
	char twenty[64] = "", twentyone[64] = "";
	for (int i = 0; i < 20; i++)
		strcat(twenty, "\xc3\xa9");
	strcpy(twentyone, twenty);
	strcat(twentyone, "x");
	v = (struct sc_answer){.type = SC_A_TEXT, .text = twenty};
	assert_true(sc_answers_set(a, Q_ORG, &v));
	v.text = twentyone;
	assert_false(sc_answers_set(a, Q_ORG, &v));
	static char *const bad_utf8[] = {
		"\xff", "a\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"\xe2\x82",
	};
	for (size_t i = 0; i < sizeof bad_utf8 / sizeof bad_utf8[0]; i++) {
		v.text = bad_utf8[i];
		assert_false(sc_answers_set(a, Q_ORG, &v));
	}
	assert_string_equal(a->v[Q_ORG].text, twenty);
	v.text = NULL;
	assert_false(sc_answers_set(a, Q_ORG, &v));
	/* The format's default limit is 1000 characters. */
	char *long_text = sc_xmalloc(1002);
	memset(long_text, 'a', 1001);
	long_text[1001] = '\0';
	v.text = long_text;
	assert_false(sc_answers_set(a, Q_ESSAY, &v));
	long_text[1000] = '\0';
	assert_true(sc_answers_set(a, Q_ESSAY, &v));
	free(long_text);

	/* Setting "no answer" unsets. */
	v = (struct sc_answer){.type = SC_A_NONE};
	assert_true(sc_answers_set(a, Q_AGREE, &v));
	assert_int_equal(a->v[Q_AGREE].type, SC_A_NONE);
	sc_answers_unset(a, Q_ESSAY);
	assert_int_equal(a->v[Q_ESSAY].type, SC_A_NONE);

	sc_answers_set_note(a, Q_AGREE, "a note");
	assert_string_equal(a->notes[Q_AGREE], "a note");
	sc_answers_set_note(a, Q_AGREE, "");
	assert_null(a->notes[Q_AGREE]);
	sc_answers_set_note(a, Q_AGREE, "x");
	sc_answers_set_note(a, Q_AGREE, NULL);
	assert_null(a->notes[Q_AGREE]);
	sc_answers_free(a);
	sc_answers_free(NULL);
}

/* ---- saving and loading ------------------------------------------------ */

static void
fill_every_type(struct sc_answers *a)
{
	static size_t sel[] = {0, 2};
	struct sc_answer v;
	v = yes(false);
	assert_true(sc_answers_set(a, Q_AGREE, &v));
	v = (struct sc_answer){.type = SC_A_UNSURE};
	assert_true(sc_answers_set(a, Q_SURE, &v));
	v = (struct sc_answer){.type = SC_A_CHOICE, .choice = 1};
	assert_true(sc_answers_set(a, Q_INDUSTRY, &v));
	v = (struct sc_answer){.type = SC_A_CHOICES, .sel = sel, .nsel = 2};
	assert_true(sc_answers_set(a, Q_SERVICES, &v));
	v = (struct sc_answer){.type = SC_A_NUMBER, .num = 12};
	assert_true(sc_answers_set(a, Q_EMPLOYEES, &v));
	v = (struct sc_answer){.type = SC_A_NUMBER, .num = 2.5};
	assert_true(sc_answers_set(a, Q_RATIO, &v));
	v = (struct sc_answer){.type = SC_A_TEXT, .text = "Acme: \"Ltd\""};
	assert_true(sc_answers_set(a, Q_ORG, &v));
	a->client = sc_xstrdup("Acme Payroll Ltd");
	a->assessor = sc_xstrdup("J. Doe");
	a->firm = sc_xstrdup("Doe & Partners LLP");
	sc_answers_set_note(a, Q_AGREE, "Asked twice # really");
}

static void
assert_same_answers(const struct sc_answers *x, const struct sc_answers *y)
{
	for (size_t i = 0; i < Q_COUNT; i++) {
		if (!sc_answer_equal(&x->v[i], &y->v[i]))
			fail_msg("answer to %s differs after the round trip",
			         questions[i].id);
		if ((x->notes[i] == NULL) != (y->notes[i] == NULL) ||
		    (x->notes[i] && strcmp(x->notes[i], y->notes[i]) != 0))
			fail_msg("note for %s differs after the round trip",
			         questions[i].id);
	}
	assert_string_equal(x->client ? x->client : "(null)",
	                    y->client ? y->client : "(null)");
	assert_string_equal(x->assessor ? x->assessor : "(null)",
	                    y->assessor ? y->assessor : "(null)");
	assert_string_equal(x->firm ? x->firm : "(null)",
	                    y->firm ? y->firm : "(null)");
}

static void
to_yaml_exact_format(void **state)
{
	(void)state;
	struct sc_answers *a = sc_answers_new(&tiny);
	fill_every_type(a);
	a->updated = sc_xstrdup("2026-11-22T10:15:00Z");
	struct sc_buf b = {0};
	sc_answers_to_yaml(a, &b);
	assert_string_equal(sc_buf_str(&b),
	                    "socscope: 1\n"
	                    "questionnaire: tiny\n"
	                    "questionnaire_version: \"1.0\"\n"
	                    "client: Acme Payroll Ltd\n"
	                    "assessor: J. Doe\n"
	                    "firm: Doe & Partners LLP\n"
	                    "updated: 2026-11-22T10:15:00Z\n"
	                    "answers:\n"
	                    "  agree: false\n"
	                    "  sure: unsure\n"
	                    "  industry: finance\n"
	                    "  services: [payroll, support]\n"
	                    "  employees: 12\n"
	                    "  ratio: 2.5\n"
	                    "  org_name: 'Acme: \"Ltd\"'\n"
	                    "notes:\n"
	                    "  agree: 'Asked twice # really'\n");
	sc_buf_fini(&b);

	/* Nothing answered: an empty mapping, no notes, no metadata. */
	struct sc_answers *e = sc_answers_new(&tiny);
	sc_answers_to_yaml(e, &b);
	assert_string_equal(sc_buf_str(&b),
	                    "socscope: 1\n"
	                    "questionnaire: tiny\n"
	                    "questionnaire_version: \"1.0\"\n"
	                    "answers: {}\n");
	sc_buf_fini(&b);
	sc_answers_free(e);
	sc_answers_free(a);
}

/* A clone says what the original says, to the byte, and from then on each
 * changes alone; sc_answers_same sees every kind of difference but the
 * save date. */
static void
clone_is_deep_and_same(void **state)
{
	(void)state;
	struct sc_answers *a = sc_answers_new(&tiny);
	fill_every_type(a);
	a->updated = sc_xstrdup("2026-11-22T10:15:00Z");
	struct sc_answers *c = sc_answers_clone(a);
	assert_non_null(c);
	assert_ptr_equal(c->q, a->q);
	assert_true(sc_answers_same(a, c));
	struct sc_buf ya = {0}, yc = {0};
	sc_answers_to_yaml(a, &ya);
	sc_answers_to_yaml(c, &yc);
	assert_string_equal(sc_buf_str(&yc), sc_buf_str(&ya));
	/* Nothing is shared. */
	assert_true(c->v[Q_SERVICES].sel != a->v[Q_SERVICES].sel);
	assert_true(c->v[Q_ORG].text != a->v[Q_ORG].text);
	assert_true(c->notes[Q_AGREE] != a->notes[Q_AGREE]);
	assert_true(c->client != a->client);

	/* Changing the clone leaves the original as it was ... */
	size_t one[] = {1};
	struct sc_answer v = {.type = SC_A_CHOICES, .sel = one, .nsel = 1};
	assert_true(sc_answers_set(c, Q_SERVICES, &v));
	assert_false(sc_answers_same(a, c));
	sc_answers_unset(c, Q_ORG);
	sc_answers_set_note(c, Q_AGREE, "changed");
	struct sc_buf again = {0};
	sc_answers_to_yaml(a, &again);
	assert_string_equal(sc_buf_str(&again), sc_buf_str(&ya));
	sc_answers_free(c);
	/* ... and freeing it too. */
	sc_buf_reset(&again);
	sc_answers_to_yaml(a, &again);
	assert_string_equal(sc_buf_str(&again), sc_buf_str(&ya));

	/* Each kind of difference counts: an answer, a note, the client, the
	 * assessor; the save date does not, nor NULL against "". */
	c = sc_answers_clone(a);
	v = yes(true);
	assert_true(sc_answers_set(c, Q_AGREE, &v));
	assert_false(sc_answers_same(a, c));
	sc_answers_free(c);
	c = sc_answers_clone(a);
	sc_answers_set_note(c, Q_ESSAY, "new note");
	assert_false(sc_answers_same(a, c));
	sc_answers_free(c);
	c = sc_answers_clone(a);
	free(c->client);
	c->client = sc_xstrdup("Other Ltd");
	assert_false(sc_answers_same(c, a));
	sc_answers_free(c);
	c = sc_answers_clone(a);
	free(c->assessor);
	c->assessor = NULL;
	assert_false(sc_answers_same(a, c));
	sc_answers_free(c);
	c = sc_answers_clone(a);
	free(c->firm);
	c->firm = sc_xstrdup("Other & Co");
	assert_false(sc_answers_same(a, c));
	sc_answers_free(c);
	c = sc_answers_clone(a);
	free(c->updated);
	c->updated = sc_xstrdup("2027-01-01T00:00:00Z");
	assert_true(sc_answers_same(a, c));
	sc_answers_free(c);
	struct sc_answers *e = sc_answers_new(&tiny), *f = sc_answers_new(&tiny);
	f->client = sc_xstrdup("");
	assert_true(sc_answers_same(e, f));
	sc_answers_free(f);

	assert_null(sc_answers_clone(NULL));
	assert_false(sc_answers_same(a, NULL));
	assert_true(sc_answers_same(a, a));
	sc_buf_fini(&ya);
	sc_buf_fini(&yc);
	sc_buf_fini(&again);
	sc_answers_free(e);
	sc_answers_free(a);
}

static void
save_and_load_every_type(void **state)
{
	(void)state;
	char *dir = th_mkdtemp();
	char *path = sc_xasprintf("%s/acme.yaml", dir);
	struct sc_answers *a = sc_answers_new(&tiny);
	fill_every_type(a);
	mode_t old = umask(022);
	char *err = NULL;
	assert_int_equal(sc_answers_save_file(a, path, &err), SC_OK);
	umask(old);
	assert_null(err);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	/* `updated` is now, in UTC, to the second. */
	assert_non_null(a->updated);
	assert_int_equal(strlen(a->updated), 20);
	assert_int_equal(a->updated[10], 'T');
	assert_int_equal(a->updated[19], 'Z');
	struct tm tm = {0};
	assert_non_null(strptime(a->updated, "%Y-%m-%dT%H:%M:%SZ", &tm));
	time_t stamp = timegm(&tm), now = time(NULL);
	assert_true(stamp <= now && now - stamp < 60);

	struct sc_answers *b = sc_answers_new(&tiny);
	struct sc_diags d;
	sc_diags_init(&d);
	assert_int_equal(sc_answers_load_file(b, path, &d), SC_OK);
	assert_int_equal(d.n, 0);
	assert_same_answers(a, b);
	assert_string_equal(b->updated, a->updated);
	assert_string_equal(b->questionnaire_version, "1.0");

	enum sc_status s = SC_EIO;
	char *id = sc_answers_peek_questionnaire(path, &d, &s);
	assert_int_equal(s, SC_OK);
	assert_string_equal(id, "tiny");
	free(id);

	/* Saving into a missing directory fails cleanly. */
	char *bad = sc_xasprintf("%s/missing/acme.yaml", dir);
	assert_int_equal(sc_answers_save_file(a, bad, &err), SC_ECANTCREAT);
	assert_non_null(err);
	free(err);
	free(bad);

	sc_diags_fini(&d);
	sc_answers_free(b);
	sc_answers_free(a);
	free(path);
	th_rmtree(dir);
	free(dir);
}

static void
tricky_strings_round_trip(void **state)
{
	(void)state;
	static const char *const tricky[] = {
		"yes", "no", "Yes", "NO", "on", "off", "y", "n", "true",
		"False", "null", "Null", "~", "", " ", "1.0", "1", "-1",
		"0x1F", "1e3", ".5", "+7", "2026-11-22", "12:30", ".inf",
		".NaN", "unsure", "a: b", "a:b", "key: value # c", "#hash",
		"trailing #", " leading space", "trailing space ", "\ttab",
		"line\nbreak", "two\n\nbreaks\n", "\n", "crlf\r\n", "'single'",
		"\"double\"", "back\\slash", "- dash", "-", "? q", "[flow]",
		"{map}", "a, b", "&anchor", "*alias", "!tag", "%percent",
		"@at", "`tick", "|", ">", "<<", "=", "Café Müller",
		"日本語のテキスト", "emoji 😀", "\xc2\x85nel", "\xe2\x80\xa8ls",
		"\xef\xbb\xbf" "bom", "del\x7f", "bell\a", "...", "---",
		"--- x", "a\x01" "b",
	};
	char *dir = th_mkdtemp();
	char *path = sc_xasprintf("%s/t.yaml", dir);
	for (size_t i = 0; i < sizeof tricky / sizeof tricky[0]; i++) {
		struct sc_answers *a = sc_answers_new(&tiny);
		struct sc_answer v = {.type = SC_A_TEXT,
		                      .text = (char *)tricky[i]};
		assert_true(sc_answers_set(a, Q_ESSAY, &v));
		a->client = sc_xstrdup(tricky[i]);
		a->assessor = sc_xstrdup(tricky[i]);
		a->firm = sc_xstrdup(tricky[i]);
		sc_answers_set_note(a, Q_RATIO, tricky[i]);
		assert_int_equal(sc_answers_save_file(a, path, NULL), SC_OK);

		struct sc_answers *b = sc_answers_new(&tiny);
		struct sc_diags d;
		sc_diags_init(&d);
		enum sc_status st = sc_answers_load_file(b, path, &d);
		if (st != SC_OK || d.n) {
			struct sc_buf m = {0};
			sc_diags_format(&d, &m);
			char *text = th_read(path, NULL);
			fail_msg("string #%zu did not load back:\n%s---\n%s", i,
			         sc_buf_str(&m), text);
		}
		assert_int_equal(b->v[Q_ESSAY].type, SC_A_TEXT);
		if (strcmp(b->v[Q_ESSAY].text, tricky[i]) != 0) {
			char *text = th_read(path, NULL);
			fail_msg("string #%zu came back as \"%s\":\n%s", i,
			         b->v[Q_ESSAY].text, text);
		}
		/* Empty client text is kept as "", not dropped. */
		assert_non_null(b->client);
		assert_string_equal(b->client, tricky[i]);
		assert_string_equal(b->assessor, tricky[i]);
		assert_string_equal(b->firm, tricky[i]);
		if (*tricky[i])
			assert_string_equal(b->notes[Q_RATIO], tricky[i]);
		else
			assert_null(b->notes[Q_RATIO]);
		sc_diags_fini(&d);
		sc_answers_free(b);
		sc_answers_free(a);
	}
	free(path);
	th_rmtree(dir);
	free(dir);
}

static void
numbers_round_trip(void **state)
{
	(void)state;
	static const double nums[] = {
		0, -0.0, 1, -1, 2.5, 0.1, 1.0 / 3, 1e20, 1e-7, 123456789.125,
		-1e300, 4.9e-324, 1.7976931348623157e308, 100000,
	};
	char *dir = th_mkdtemp();
	char *path = sc_xasprintf("%s/n.yaml", dir);
	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		struct sc_answers *a = sc_answers_new(&tiny);
		struct sc_answer v = {.type = SC_A_NUMBER, .num = nums[i]};
		assert_true(sc_answers_set(a, Q_RATIO, &v));
		assert_int_equal(sc_answers_save_file(a, path, NULL), SC_OK);
		struct sc_answers *b = sc_answers_new(&tiny);
		struct sc_diags d;
		sc_diags_init(&d);
		assert_int_equal(sc_answers_load_file(b, path, &d), SC_OK);
		if (b->v[Q_RATIO].num != nums[i])
			fail_msg("%.17g came back as %.17g", nums[i],
			         b->v[Q_RATIO].num);
		sc_diags_fini(&d);
		sc_answers_free(b);
		sc_answers_free(a);
	}
	free(path);
	th_rmtree(dir);
	free(dir);
}

static void
longest_text_round_trips(void **state)
{
	(void)state;
	/* 65536 characters of two bytes each: beyond the YAML tree's default
	 * 64 KiB per string, yet allowed by the format. */
	size_t n = 65536;
	char *text = sc_xmalloc(2 * n + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(text + 2 * i, "\xc3\xa9", 2);
	text[2 * n] = '\0';
	char *dir = th_mkdtemp();
	char *path = sc_xasprintf("%s/long.yaml", dir);
	struct sc_answers *a = sc_answers_new(&tiny);
	struct sc_answer v = {.type = SC_A_TEXT, .text = text};
	assert_true(sc_answers_set(a, Q_LONG, &v));
	assert_int_equal(sc_answers_save_file(a, path, NULL), SC_OK);
	struct sc_answers *b = sc_answers_new(&tiny);
	struct sc_diags d;
	sc_diags_init(&d);
	assert_int_equal(sc_answers_load_file(b, path, &d), SC_OK);
	assert_string_equal(b->v[Q_LONG].text, text);
	sc_diags_fini(&d);
	sc_answers_free(b);
	sc_answers_free(a);
	free(text);
	free(path);
	th_rmtree(dir);
	free(dir);
}

static void
load_valid_fixture(void **state)
{
	(void)state;
	char *path = fixture("valid-full.yaml");
	struct sc_answers *a = sc_answers_new(&tiny);
	struct sc_diags d;
	sc_diags_init(&d);
	assert_int_equal(sc_answers_load_file(a, path, &d), SC_OK);
	assert_int_equal(d.n, 0);
	assert_int_equal(a->v[Q_AGREE].type, SC_A_BOOL);
	assert_true(a->v[Q_AGREE].b);
	assert_int_equal(a->v[Q_SURE].type, SC_A_UNSURE);
	assert_int_equal(a->v[Q_INDUSTRY].type, SC_A_CHOICE);
	assert_int_equal(a->v[Q_INDUSTRY].choice, 1);
	/* Listed out of order in the file, kept ascending. */
	assert_int_equal(a->v[Q_SERVICES].type, SC_A_CHOICES);
	assert_int_equal(a->v[Q_SERVICES].nsel, 2);
	assert_int_equal(a->v[Q_SERVICES].sel[0], 0);
	assert_int_equal(a->v[Q_SERVICES].sel[1], 2);
	assert_true(a->v[Q_EMPLOYEES].num == 250);
	assert_true(a->v[Q_RATIO].num == -2.5);
	assert_string_equal(a->v[Q_ORG].text, "12");
	assert_int_equal(a->v[Q_ESSAY].type, SC_A_NONE);
	assert_string_equal(a->notes[Q_AGREE], "Confirmed with the CFO.");
	assert_null(a->notes[Q_SURE]);
	assert_string_equal(a->client, "Acme Payroll Ltd");
	assert_string_equal(a->assessor, "J. Doe");
	assert_string_equal(a->firm, "Doe & Partners LLP");
	assert_string_equal(a->updated, "2026-11-22T10:15:00Z");
	assert_string_equal(a->questionnaire_version, "1.0");

	/* Loading again replaces everything, including what the file lacks. */
	static const char small[] = "socscope: 1\nquestionnaire: tiny\n"
	                            "answers:\n  essay: hi\n";
	assert_int_equal(sc_answers_load_buffer(a, "small.yaml", small,
	                                        strlen(small), &d),
	                 SC_OK);
	assert_int_equal(a->v[Q_AGREE].type, SC_A_NONE);
	assert_null(a->notes[Q_AGREE]);
	assert_null(a->client);
	assert_string_equal(a->v[Q_ESSAY].text, "hi");

	/* "q:" and "q: ~" leave a question unanswered. */
	static const char nulls[] = "socscope: 1\nquestionnaire: tiny\n"
	                            "answers:\n  agree:\n  essay: ~\n"
	                            "  services: []\n";
	assert_int_equal(sc_answers_load_buffer(a, "nulls.yaml", nulls,
	                                        strlen(nulls), &d),
	                 SC_OK);
	assert_int_equal(a->v[Q_AGREE].type, SC_A_NONE);
	assert_int_equal(a->v[Q_ESSAY].type, SC_A_NONE);
	assert_int_equal(a->v[Q_SERVICES].type, SC_A_CHOICES);
	assert_int_equal(a->v[Q_SERVICES].nsel, 0);
	assert_int_equal(d.n, 0);
	sc_diags_fini(&d);
	sc_answers_free(a);
	free(path);
}

/* Every question of the bundled questionnaire answered, saved and loaded
 * back through the real model (its id index, its choices). */
static void
bundled_questionnaire_round_trip(void **state)
{
	(void)state;
	char *qpath = th_src("questionnaires/soc-scoping.yaml");
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_questionnaire *q = sc_questionnaire_load_file(qpath, &d, &st);
	if (!q) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		fail_msg("soc-scoping.yaml did not load:\n%s", sc_buf_str(&b));
	}
	assert_true(q->nquestions > 0);
	struct sc_answers *a = sc_answers_new(q);
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct sc_question *qn = &q->questions[i];
		struct sc_answer v = {0};
		size_t *all = NULL;
		switch (qn->type) {
		case SC_Q_YESNO:
			v.type = qn->allow_unsure && i % 2 ? SC_A_UNSURE
			                                   : SC_A_BOOL;
			v.b = i % 3 == 0;
			break;
		case SC_Q_SINGLE:
			v.type = SC_A_CHOICE;
			v.choice = qn->nchoices - 1;
			break;
		case SC_Q_MULTI:
			all = sc_xcalloc(qn->nchoices, sizeof *all);
			for (size_t k = 0; k < qn->nchoices; k++)
				all[k] = k;
			v.type = SC_A_CHOICES;
			v.sel = all;
			v.nsel = qn->nchoices;
			break;
		case SC_Q_NUMBER:
			v.type = SC_A_NUMBER;
			v.num = qn->has_max ? qn->max : 7.5;
			break;
		case SC_Q_TEXT:
			v.type = SC_A_TEXT;
			v.text = "Acme: \"Payroll\" # Ltd\nsecond line";
			break;
		case SC_Q_DATE:
			v.type = SC_A_DATE;
			v.day = qn->has_max ? (long)qn->max : 20634; /* 2026-06-30 */
			break;
		}
		if (!sc_answers_set(a, i, &v))
			fail_msg("could not answer %s", qn->id);
		free(all);
		if (i % 4 == 0)
			sc_answers_set_note(a, i, "checked: yes");
	}
	a->client = sc_xstrdup("Acme Payroll Ltd");
	char *dir = th_mkdtemp();
	char *path = sc_xasprintf("%s/acme.yaml", dir);
	assert_int_equal(sc_answers_save_file(a, path, NULL), SC_OK);
	char *id = sc_answers_peek_questionnaire(path, &d, &st);
	assert_string_equal(id, q->id);
	free(id);
	struct sc_answers *b = sc_answers_new(q);
	assert_int_equal(sc_answers_load_file(b, path, &d), SC_OK);
	assert_int_equal(d.n, 0);
	for (size_t i = 0; i < q->nquestions; i++) {
		if (!sc_answer_equal(&a->v[i], &b->v[i]))
			fail_msg("%s differs after the round trip",
			         q->questions[i].id);
		assert_true((a->notes[i] == NULL) == (b->notes[i] == NULL));
	}
	assert_string_equal(b->questionnaire_version, q->version);
	sc_answers_free(b);
	sc_answers_free(a);
	free(path);
	th_rmtree(dir);
	free(dir);
	sc_questionnaire_free(q);
	sc_diags_fini(&d);
	free(qpath);
}

/* ---- invalid files ----------------------------------------------------- */

struct expect {
	int line, col;
	const char *msg; /* a substring of the message */
};

static const struct {
	const char *file;
	enum sc_status st;
	struct expect e[8];
} bad_files[] = {
	{"unknown-question.yaml", SC_EDATA, {
		{5, 3, "answer to unknown question \"agre\"; did you mean "
		       "\"agree\"?"},
		{6, 3, "answer to unknown question \"zzzzzz\" in questionnaire "
		       "\"tiny\""},
	}},
	{"yesno-wrong-type.yaml", SC_EDATA, {
		{4, 10, "question \"agree\" is yes/no: expected true or false, "
		        "found \"maybe\""},
		{5, 9, "question \"sure\" is yes/no: expected true, false or "
		       "unsure, found a list"},
	}},
	{"unsure-not-offered.yaml", SC_EDATA, {
		{4, 10, "question \"agree\" does not offer \"unsure\""},
	}},
	{"unknown-choice.yaml", SC_EDATA, {
		{4, 13, "unknown choice \"retail\" for question \"industry\"; "
		        "expected one of: health, finance, other"},
		{5, 23, "unknown choice \"cleaning\" for question \"services\"; "
		        "expected one of: payroll, hosting, support"},
	}},
	{"choice-wrong-shape.yaml", SC_EDATA, {
		{4, 13, "question \"industry\" is single choice: expected one "
		        "choice id, found a list"},
		{5, 13, "question \"services\" is multiple choice: expected a "
		        "list of choice ids, found \"payroll\""},
	}},
	{"duplicate-choice.yaml", SC_EDATA, {
		{4, 32, "choice \"payroll\" is listed twice for question "
		        "\"services\" (first at line 4)"},
	}},
	{"number-out-of-range.yaml", SC_EDATA, {
		{4, 14, "-1 is below the minimum 0 for question \"employees\""},
	}},
	{"number-above-max.yaml", SC_EDATA, {
		{4, 14, "100001 is above the maximum 100000 for question "
		        "\"employees\""},
	}},
	{"number-wrong-type.yaml", SC_EDATA, {
		{4, 14, "question \"employees\" expects a number, found "
		        "\"many\""},
		{5, 10, "question \"ratio\" expects a number, found \"2.5\""},
	}},
	{"text-too-long.yaml", SC_EDATA, {
		{4, 13, "question \"org_name\": text is 21 characters long; at "
		        "most 20 allowed"},
	}},
	{"text-wrong-type.yaml", SC_EDATA, {
		{4, 13, "question \"org_name\": expected text, found a mapping"},
	}},
	{"text-nul.yaml", SC_EDATA, {
		{4, 13, "question \"org_name\": text contains a NUL character"},
	}},
	{"invalid-utf8.yaml", SC_EDATA, {
		{4, 19, "UTF-8"},
	}},
	{"version-missing.yaml", SC_EDATA, {
		{1, 1, "\"socscope: 1\" (the format version) is missing"},
	}},
	{"version-wrong.yaml", SC_EDATA, {
		{1, 11, "unsupported answers format version \"2\"; this socscope "
		        "reads version 1"},
	}},
	{"version-not-number.yaml", SC_EDATA, {
		{1, 11, "unsupported answers format version \"one\""},
	}},
	{"questionnaire-mismatch.yaml", SC_EDATA, {
		{2, 16, "these answers are for questionnaire \"soc-scoping\", not "
		        "\"tiny\""},
	}},
	{"questionnaire-missing.yaml", SC_EDATA, {
		{1, 1, "\"questionnaire\" is missing"},
	}},
	{"unknown-top-key.yaml", SC_EDATA, {
		{3, 1, "unknown key \"answer\" in the answers file; expected one "
		       "of: socscope, questionnaire, questionnaire_version, "
		       "client, assessor, firm, updated, answers, notes"},
	}},
	{"note-unknown-question.yaml", SC_EDATA, {
		{7, 3, "note for unknown question \"agreed\"; did you mean "
		       "\"agree\"?"},
	}},
	{"metadata-wrong-type.yaml", SC_EDATA, {
		{3, 9, "\"client\" must be text, found a list"},
		{4, 11, "\"assessor\" must be text, found a mapping"},
		{5, 10, "\"updated\" must be a UTC time like 2026-11-22T10:15:00Z, "
		        "found \"yesterday\""},
		{6, 24, "\"questionnaire_version\" must be text, found a list"},
		{7, 7, "\"firm\" must be text, found a list"},
	}},
	{"sections-wrong-type.yaml", SC_EDATA, {
		{3, 10, "\"answers\" must be a mapping of question ids to "
		        "answers, found a list"},
		{4, 8, "\"notes\" must be a mapping of question ids to text, "
		       "found text"},
	}},
	{"not-a-mapping.yaml", SC_EDATA, {
		{1, 1, "an answers file is a mapping, found a list"},
	}},
	{"empty.yaml", SC_EDATA, {
		{1, 1, "empty answers file"},
	}},
	{"many-problems.yaml", SC_EDATA, {
		{4, 1, "unknown key \"extra\""},
		{6, 10, "question \"agree\" is yes/no"},
		{7, 13, "unknown choice \"retail\""},
		{8, 23, "choice \"payroll\" is listed twice"},
		{9, 14, "-5 is below the minimum 0"},
		{10, 13, "text is 39 characters long; at most 20 allowed"},
		{11, 3, "answer to unknown question \"nope\""},
		{13, 3, "note for unknown question \"nope\""},
	}},
	{"does-not-exist.yaml", SC_ENOINPUT, {
		{0, 0, ""},
	}},
};

static void
invalid_files(void **state)
{
	(void)state;
	for (size_t f = 0; f < sizeof bad_files / sizeof bad_files[0]; f++) {
		char *path = fixture(bad_files[f].file);
		struct sc_answers *a = sc_answers_new(&tiny);
		/* A failed load changes nothing. */
		struct sc_answer keep = yes(true);
		assert_true(sc_answers_set(a, Q_AGREE, &keep));
		a->client = sc_xstrdup("kept");
		struct sc_diags d;
		sc_diags_init(&d);
		enum sc_status st = sc_answers_load_file(a, path, &d);
		struct sc_buf all = {0};
		sc_diags_format(&d, &all);
		if (st != bad_files[f].st)
			fail_msg("%s: status %d, expected %d\n%s",
			         bad_files[f].file, st, bad_files[f].st,
			         sc_buf_str(&all));
		size_t want = 0;
		while (want < 8 && bad_files[f].e[want].msg)
			want++;
		if (d.n != want)
			fail_msg("%s: %zu problems, expected %zu:\n%s",
			         bad_files[f].file, d.n, want, sc_buf_str(&all));
		sc_diags_sort(&d);
		for (size_t i = 0; i < want; i++) {
			const struct expect *e = &bad_files[f].e[i];
			const struct sc_diag *g = &d.v[i];
			/* col 0: the position is the YAML parser's, only the
			 * line is ours to check. */
			if (strcmp(g->file, path) != 0 ||
			    g->line != e->line ||
			    (e->col && g->col != e->col) ||
			    !strstr(g->msg, e->msg))
				fail_msg("%s: problem %zu is\n  %d:%d: %s\n"
				         "expected\n  %d:%d: ...%s...",
				         bad_files[f].file, i, g->line, g->col,
				         g->msg, e->line, e->col, e->msg);
		}
		assert_int_equal(a->v[Q_AGREE].type, SC_A_BOOL);
		assert_string_equal(a->client, "kept");
		sc_buf_fini(&all);
		sc_diags_fini(&d);
		sc_answers_free(a);
		free(path);
	}
}

static void
peek_questionnaire(void **state)
{
	(void)state;
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	char *path = fixture("questionnaire-mismatch.yaml");
	char *id = sc_answers_peek_questionnaire(path, &d, &st);
	assert_int_equal(st, SC_OK);
	assert_string_equal(id, "soc-scoping");
	free(id);
	free(path);

	path = fixture("questionnaire-missing.yaml");
	assert_null(sc_answers_peek_questionnaire(path, &d, &st));
	assert_int_equal(st, SC_EDATA);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 1);
	assert_non_null(strstr(d.v[0].msg, "\"questionnaire\" is missing"));
	free(path);
	sc_diags_clear(&d);

	path = fixture("not-a-mapping.yaml");
	assert_null(sc_answers_peek_questionnaire(path, &d, &st));
	assert_int_equal(st, SC_EDATA);
	assert_int_equal(d.n, 1);
	free(path);
	sc_diags_clear(&d);

	path = fixture("no-such-file.yaml");
	assert_null(sc_answers_peek_questionnaire(path, &d, &st));
	assert_int_equal(st, SC_ENOINPUT);
	assert_true(d.n >= 1);
	free(path);
	sc_diags_fini(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(format_values),
		cmocka_unit_test(copy_equal_has_choice),
		cmocka_unit_test(setters_validate),
		cmocka_unit_test(to_yaml_exact_format),
		cmocka_unit_test(clone_is_deep_and_same),
		cmocka_unit_test(save_and_load_every_type),
		cmocka_unit_test(tricky_strings_round_trip),
		cmocka_unit_test(numbers_round_trip),
		cmocka_unit_test(longest_text_round_trips),
		cmocka_unit_test(load_valid_fixture),
		cmocka_unit_test(bundled_questionnaire_round_trip),
		cmocka_unit_test(invalid_files),
		cmocka_unit_test(peek_questionnaire),
	};
	return cmocka_run_group_tests(tests, setup_questionnaire, NULL);
}
