/* The worked examples as files (src/core/examples.c): every file in
 * questionnaires/examples/ is compiled in byte for byte, listed with its
 * description, loads, and opens on a copy that never overwrites anything. */
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

#include "helpers.h"
#include "socscope/bundled.h"
#include "socscope/examples.h"
#include "socscope/fsutil.h"
#include "socscope/questionnaire.h"

#define EXDIR SC_SRCDIR "/questionnaires/examples"

static struct sc_questionnaire *the_q;
static char *sandbox;

static int
setup(void **state)
{
	(void)state;
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	the_q = sc_questionnaire_load_file(SC_SRCDIR "/questionnaires/soc-scoping.yaml",
	                                   &d, &st);
	sc_diags_fini(&d);
	/* Nothing installed: only the compiled-in copies are found. */
	sandbox = th_mkdtemp();
	char *none = sc_xasprintf("%s/none", sandbox);
	setenv("SOCSCOPE_DATA_DIR", none, 1);
	setenv("XDG_DATA_HOME", none, 1);
	setenv("XDG_DATA_DIRS", none, 1);
	setenv("HOME", sandbox, 1);
	free(none);
	return the_q ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	sc_questionnaire_free(the_q);
	th_rmtree(sandbox);
	free(sandbox);
	return 0;
}

/* src/meson.build lists the examples by hand: a new file must be added
 * there, and the compiled-in copy must be the file itself. */
static void
every_example_is_compiled_in(void **state)
{
	(void)state;
	DIR *dp = opendir(EXDIR);
	assert_non_null(dp);
	struct dirent *e;
	size_t files = 0;
	while ((e = readdir(dp))) {
		size_t n = strlen(e->d_name);
		if (n <= 5 || strcmp(e->d_name + n - 5, ".yaml") != 0)
			continue;
		files++;
		char *name = sc_xstrndup(e->d_name, n - 5);
		const struct sc_bundled *b = sc_bundled_find(SC_DATA_EXAMPLE, name);
		if (!b)
			print_error("%s is not compiled in: add it to src/meson.build\n",
			            e->d_name);
		assert_non_null(b);
		char *path = sc_xasprintf("%s/%s", EXDIR, e->d_name);
		size_t len = 0;
		char *text = th_read(path, &len);
		assert_non_null(text);
		assert_int_equal(b->len, len);
		assert_memory_equal(b->data, text, len);
		free(text);
		free(path);
		free(name);
	}
	closedir(dp);
	size_t bundled = 0;
	for (size_t i = 0; i < sc_bundled_count; i++)
		bundled += sc_bundled_files[i].kind == SC_DATA_EXAMPLE;
	assert_int_equal(bundled, files);
	assert_true(files > 0);
}

static void
list_describes_each_example(void **state)
{
	(void)state;
	struct sc_example_info *v = NULL;
	size_t n = sc_examples_list(&v);
	assert_true(n > 1);
	const struct sc_example_info *pb = NULL, *rv = NULL;
	for (size_t i = 0; i < n; i++) {
		if (i)
			assert_true(strcmp(v[i - 1].name, v[i].name) < 0);
		/* Each example names the questionnaire it answers: the
		 * provider-report reviews are called review-*. */
		assert_string_equal(v[i].questionnaire,
		                    strncmp(v[i].name, "review-", 7) == 0
		                            ? "soc-report-review"
		                            : "soc-scoping");
		assert_null(v[i].path); /* nothing installed in the sandbox */
		assert_true(*v[i].description);
		if (strcmp(v[i].name, "payroll-bureau") == 0)
			pb = &v[i];
		if (strcmp(v[i].name, "review-payroll-soc1-accept") == 0)
			rv = &v[i];
	}
	assert_non_null(pb);
	assert_non_null(rv);
	assert_string_equal(rv->client, "Ledgerwise Payroll");
	assert_string_equal(pb->description,
	                    "A payroll bureau: SOC 1 Type II and SOC 2 Type II.");
	assert_string_equal(pb->client, "Brightline Payroll Services");
	sc_example_infos_free(v, n);
}

/* An example installed in a data directory comes before the compiled-in
 * one of the same name, and a multi-line first paragraph is joined. */
static void
data_directory_wins(void **state)
{
	(void)state;
	char *dir = sc_xasprintf("%s/data", sandbox);
	char *exdir = sc_xasprintf("%s/questionnaires/examples", dir);
	assert_true(sc_mkdir_p(exdir, 0700));
	char *path = th_write(exdir, "payroll-bureau.yaml",
	                      "# A local payroll example,\n# on two lines.\n#\n"
	                      "# More.\nsocscope: 1\nquestionnaire: soc-scoping\n"
	                      "client: Local Payroll\nanswers: {}\n");
	setenv("SOCSCOPE_DATA_DIR", dir, 1);
	struct sc_example_info *v = NULL;
	size_t n = sc_examples_list(&v);
	bool seen = false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].name, "payroll-bureau") == 0) {
			assert_false(seen);
			seen = true;
			assert_string_equal(v[i].path, path);
			assert_string_equal(v[i].description,
			                    "A local payroll example, on two lines.");
			assert_string_equal(v[i].client, "Local Payroll");
		}
	assert_true(seen);
	sc_example_infos_free(v, n);
	struct sc_answers *a = sc_answers_new(the_q);
	struct sc_diags d;
	sc_diags_init(&d);
	assert_int_equal(sc_example_load(a, "payroll-bureau", &d), SC_OK);
	assert_string_equal(a->client, "Local Payroll");
	sc_diags_fini(&d);
	sc_answers_free(a);
	char *none = sc_xasprintf("%s/none", sandbox);
	setenv("SOCSCOPE_DATA_DIR", none, 1);
	free(none);
	free(path);
	free(exdir);
	free(dir);
}

static void
copy_never_overwrites(void **state)
{
	(void)state;
	char *dir = sc_xasprintf("%s/sessions", sandbox);
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	char *first = sc_example_copy(the_q, "payroll-bureau", dir, &d, &st);
	assert_int_equal(st, SC_OK);
	assert_non_null(first);
	char *want = sc_xasprintf("%s/payroll-bureau.yaml", dir);
	assert_string_equal(first, want);
	struct stat sb;
	assert_int_equal(stat(first, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* The copy holds the example's answers. */
	struct sc_answers *a = sc_answers_new(the_q);
	assert_int_equal(sc_answers_load_file(a, first, &d), SC_OK);
	assert_string_equal(a->client, "Brightline Payroll Services");
	sc_answers_free(a);

	char *second = sc_example_copy(the_q, "payroll-bureau", dir, &d, &st);
	assert_non_null(second);
	free(want);
	want = sc_xasprintf("%s/payroll-bureau-2.yaml", dir);
	assert_string_equal(second, want);

	assert_null(sc_example_copy(the_q, "no-such-example", dir, &d, &st));
	assert_int_equal(st, SC_ENOINPUT);
	assert_null(sc_example_copy(the_q, "../payroll-bureau", dir, &d, &st));
	assert_int_equal(st, SC_ENOINPUT);
	sc_diags_fini(&d);
	free(want);
	free(first);
	free(second);
	free(dir);
}

/* An example opens with the questionnaire it answers; with another one it
 * is refused with the reason, and no copy is left behind. */
static void
review_example_opens_with_its_questionnaire(void **state)
{
	(void)state;
	const struct sc_bundled *b =
		sc_bundled_find(SC_DATA_QUESTIONNAIRE, "soc-report-review");
	assert_non_null(b);
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_questionnaire *rq =
		sc_questionnaire_load_buffer("review", b->data, b->len, &d, &st);
	assert_non_null(rq);
	char *dir = sc_xasprintf("%s/review-sessions", sandbox);
	char *copy = sc_example_copy(rq, "review-payroll-soc1-accept", dir, &d,
	                             &st);
	assert_int_equal(st, SC_OK);
	assert_non_null(copy);
	struct sc_answers *a = sc_answers_new(rq);
	assert_int_equal(sc_answers_load_file(a, copy, &d), SC_OK);
	assert_string_equal(a->client, "Ledgerwise Payroll");
	sc_answers_free(a);

	assert_null(sc_example_copy(the_q, "review-payroll-soc1-accept", dir,
	                            &d, &st));
	assert_int_equal(st, SC_EDATA);
	struct sc_buf msg = {0};
	sc_diags_format(&d, &msg);
	assert_non_null(strstr(sc_buf_str(&msg), "soc-report-review"));
	sc_buf_fini(&msg);
	char *second = sc_xasprintf("%s/review-payroll-soc1-accept-2.yaml", dir);
	struct stat sb;
	assert_int_not_equal(stat(second, &sb), 0);
	free(second);
	sc_diags_fini(&d);
	free(copy);
	free(dir);
	sc_questionnaire_free(rq);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_example_is_compiled_in),
		cmocka_unit_test(list_describes_each_example),
		cmocka_unit_test(data_directory_wins),
		cmocka_unit_test(copy_never_overwrites),
		cmocka_unit_test(review_example_opens_with_its_questionnaire),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
