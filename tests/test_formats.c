/* The list of formats (src/core/formats.c): every value of enum sc_format
 * is a format a user can name, with its own file extension, that writes
 * the report; a value past the list names none and writes nothing.  The
 * evidence request list and the report's evidence appendix come in the
 * formats that have a layout for them, and only there.
 *
 * formats.c also refuses to compile when a value has no line in its list
 * (a static_assert); this suite is what a user would notice if one slipped
 * through all the same: a format with no name, or one that writes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "socscope/report.h"

#define FIXDIR SC_TESTDIR "/fixtures/report"
#define DATE "2026-01-31"

struct fx {
	struct sc_questionnaire *q;
	struct sc_answers *a;
	struct sc_eval *ev;
	struct sc_catalogue *cat;
};

static int
fx_setup(void **state)
{
	struct fx *f = sc_xcalloc(1, sizeof *f);
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	f->q = sc_questionnaire_load_file(FIXDIR "/report.yaml", &d, &st);
	assert_non_null(f->q);
	f->a = sc_answers_new(f->q);
	assert_int_equal(sc_answers_load_file(f->a, FIXDIR "/full.yaml", &d),
	                 SC_OK);
	f->ev = sc_eval_new(f->q, f->a);
	assert_non_null(f->ev);
	sc_eval_reset(f->ev);
	f->cat = sc_catalogue_load_file(FIXDIR "/evidence.yaml", &d, &st);
	assert_non_null(f->cat);
	sc_diags_fini(&d);
	*state = f;
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fx *f = *state;
	sc_catalogue_free(f->cat);
	sc_eval_free(f->ev);
	sc_answers_free(f->a);
	sc_questionnaire_free(f->q);
	free(f);
	return 0;
}

static char *
report(const struct fx *f, int fmt, const struct sc_catalogue *cat)
{
	struct sc_report_opts o = {.date = DATE};
	struct sc_buf b = {0};
	sc_report_render_full(f->q, f->a, f->ev, (enum sc_format)fmt, &o, cat,
	                      &b);
	sc_buf_add(&b, "", 0);
	return sc_buf_steal(&b);
}

/* Each value: a name that finds it again, an extension, and a report of
 * its own (no two formats write the same bytes). */
static void
every_format_has_operations(void **state)
{
	const struct fx *f = *state;
	char *out[SC_FMT_COUNT];
	for (int i = 0; i < SC_FMT_COUNT; i++) {
		const char *id = sc_format_id_str((enum sc_format)i);
		const char *ext = sc_format_ext((enum sc_format)i);
		if (!*id || !*ext)
			fail_msg("format %d has no operations (name \"%s\", "
			         "extension \"%s\")",
			         i, id, ext);
		assert_int_equal(sc_format_find(id), i);
		for (int k = 0; k < i; k++) {
			assert_string_not_equal(id, sc_format_id_str(k));
			/* Exports are named CLIENT-socscope.EXT. */
			assert_string_not_equal(ext, sc_format_ext(k));
		}
		out[i] = report(f, i, NULL);
		if (strlen(out[i]) < 100)
			fail_msg("format %s writes no report", id);
		for (int k = 0; k < i; k++)
			assert_string_not_equal(out[i], out[k]);
	}
	for (int i = 0; i < SC_FMT_COUNT; i++)
		free(out[i]);
}

static void
values_past_the_list_name_nothing(void **state)
{
	const struct fx *f = *state;
	const int bad[] = {SC_FMT_COUNT, SC_FMT_COUNT + 1, -1};
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		enum sc_format fmt = (enum sc_format)bad[k];
		assert_string_equal(sc_format_id_str(fmt), "");
		assert_string_equal(sc_format_ext(fmt), "");
		char *s = report(f, bad[k], f->cat);
		assert_string_equal(s, "");
		free(s);
		struct sc_buf b = {0};
		assert_false(sc_evidence_render(f->q, f->a, f->ev, f->cat, fmt,
		                                NULL, &b));
		assert_int_equal(b.len, 0);
		sc_buf_fini(&b);
	}
	assert_int_equal(sc_format_find(""), -1);
	assert_int_equal(sc_format_find("txt"), -1); /* an extension, not a name */
}

/* socscope evidence takes markdown, csv, html and json; the report carries
 * the list as an appendix in Markdown and HTML, and the other formats are
 * the same with or without a catalogue. */
static void
evidence_where_a_format_has_a_layout(void **state)
{
	const struct fx *f = *state;
	static const struct {
		const char *id;
		bool list, appendix;
	} want[] = {
		{"text", false, false},    {"markdown", true, true},
		{"html", true, true},      {"json", true, false},
		{"csv", true, false},
	};
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		int fmt = sc_format_find(want[k].id);
		assert_true(fmt >= 0);
		struct sc_report_opts o = {.date = DATE};
		struct sc_buf b = {0};
		bool made = sc_evidence_render(f->q, f->a, f->ev, f->cat,
		                               (enum sc_format)fmt, &o, &b);
		if (made != want[k].list)
			fail_msg("%s: evidence list %s", want[k].id,
			         made ? "made" : "refused");
		if (made)
			assert_true(b.len > 100);
		else
			assert_int_equal(b.len, 0);
		/* Without a catalogue there is no list to make. */
		sc_buf_reset(&b);
		assert_false(sc_evidence_render(f->q, f->a, f->ev, NULL,
		                                (enum sc_format)fmt, &o, &b));
		assert_int_equal(b.len, 0);
		sc_buf_fini(&b);

		char *plain = report(f, fmt, NULL);
		char *full = report(f, fmt, f->cat);
		if (want[k].appendix)
			assert_true(strlen(full) > strlen(plain) &&
			            strstr(full, "evidence to collect"));
		else
			assert_string_equal(full, plain);
		free(plain);
		free(full);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_format_has_operations),
		cmocka_unit_test(values_past_the_list_name_nothing),
		cmocka_unit_test(evidence_where_a_format_has_a_layout),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
