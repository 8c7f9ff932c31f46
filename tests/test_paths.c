/* Data lookup order, sessions directory and slugs, in a sandboxed
 * environment: every XDG_ variable and SOCSCOPE_DATA_DIR unset, HOME a
 * fresh temporary directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "helpers.h"
#include "socscope/fsutil.h"
#include "socscope/paths.h"

extern char **environ;

struct sandbox {
	char *home;
};

static int
sandbox_setup(void **state)
{
	/* Collect names first: unsetenv while walking environ skips entries. */
	char *names[256];
	size_t n = 0;
	for (char **e = environ; *e && n < 256; e++)
		if (strncmp(*e, "XDG_", 4) == 0) {
			size_t len = strcspn(*e, "=");
			names[n++] = sc_xstrndup(*e, len);
		}
	for (size_t i = 0; i < n; i++) {
		unsetenv(names[i]);
		free(names[i]);
	}
	unsetenv("SOCSCOPE_DATA_DIR");
	struct sandbox *sb = sc_xcalloc(1, sizeof *sb);
	sb->home = th_mkdtemp();
	setenv("HOME", sb->home, 1);
	*state = sb;
	return 0;
}

static int
sandbox_teardown(void **state)
{
	struct sandbox *sb = *state;
	th_rmtree(sb->home);
	free(sb->home);
	free(sb);
	return 0;
}

/* Create dir/questionnaires/NAME.yaml (and the directories) with `text`. */
static char *
put(const char *dir, const char *sub, const char *name, const char *text)
{
	char *d = sc_xasprintf("%s/%s", dir, sub);
	assert_true(sc_mkdir_p(d, 0700));
	char *file = sc_xasprintf("%s.yaml", name);
	char *p = th_write(d, file, text);
	free(file);
	free(d);
	return p;
}

static void
default_dirs_in_order(void **state)
{
	struct sandbox *sb = *state;
	char **v = sc_data_dirs(SC_DATA_QUESTIONNAIRE);
	char *home = sc_xasprintf("%s/.local/share/socscope/questionnaires",
	                          sb->home);
	char *inst = sc_xasprintf("%s/questionnaires", SOCSCOPE_DATADIR);
	assert_non_null(v[0]);
	assert_string_equal(v[0], home);
	assert_string_equal(v[1], "/usr/local/share/socscope/questionnaires");
	assert_string_equal(v[2], "/usr/share/socscope/questionnaires");
	size_t n = 3;
	/* The installed directory comes last unless XDG_DATA_DIRS already
	 * named it (then it keeps its earlier place only). */
	if (strcmp(inst, v[1]) != 0 && strcmp(inst, v[2]) != 0)
		assert_string_equal(v[n++], inst);
	assert_null(v[n]);
	sc_strv_free(v);
	free(inst);
	free(home);

	v = sc_data_dirs(SC_DATA_THEME);
	home = sc_xasprintf("%s/.local/share/socscope/themes", sb->home);
	assert_string_equal(v[0], home);
	assert_string_equal(v[1], "/usr/local/share/socscope/themes");
	sc_strv_free(v);
	free(home);
}

static void
env_dirs_in_order(void **state)
{
	(void)state;
	setenv("SOCSCOPE_DATA_DIR", "/opt/sc", 1);
	setenv("XDG_DATA_HOME", "/x/home", 1);
	/* Empty and relative entries are ignored, as the XDG spec says. */
	setenv("XDG_DATA_DIRS", "/d1/::relative:/d2/", 1);
	char **v = sc_data_dirs(SC_DATA_THEME);
	assert_string_equal(v[0], "/opt/sc/themes");
	assert_string_equal(v[1], "/x/home/socscope/themes");
	assert_string_equal(v[2], "/d1/socscope/themes");
	assert_string_equal(v[3], "/d2/socscope/themes");
	char *inst = sc_xasprintf("%s/themes", SOCSCOPE_DATADIR);
	assert_string_equal(v[4], inst);
	assert_null(v[5]);
	free(inst);
	sc_strv_free(v);

	/* A relative XDG_DATA_HOME is invalid: the default takes its place. */
	setenv("XDG_DATA_HOME", "rel", 1);
	v = sc_data_dirs(SC_DATA_THEME);
	char *home = sc_xasprintf("%s/.local/share/socscope/themes",
	                          getenv("HOME"));
	assert_string_equal(v[1], home);
	free(home);
	sc_strv_free(v);
	unsetenv("SOCSCOPE_DATA_DIR");
	unsetenv("XDG_DATA_HOME");
	unsetenv("XDG_DATA_DIRS");
}

static void
each_level_shadows_the_next(void **state)
{
	struct sandbox *sb = *state;
	char *root = sc_xasprintf("%s/roots", sb->home);
	char *explicit = sc_xasprintf("%s/explicit", root);
	char *xhome = sc_xasprintf("%s/xhome", root);
	char *d1 = sc_xasprintf("%s/d1", root);
	char *d2 = sc_xasprintf("%s/d2", root);
	char *dirs = sc_xasprintf("%s:%s", d1, d2);
	setenv("SOCSCOPE_DATA_DIR", explicit, 1);
	setenv("XDG_DATA_HOME", xhome, 1);
	setenv("XDG_DATA_DIRS", dirs, 1);

	char *in_d2 = put(d2, "socscope/questionnaires", "q", "d2");
	char *found = sc_data_find(SC_DATA_QUESTIONNAIRE, "q");
	assert_string_equal(found, in_d2);
	free(found);

	char *in_d1 = put(d1, "socscope/questionnaires", "q", "d1");
	found = sc_data_find(SC_DATA_QUESTIONNAIRE, "q");
	assert_string_equal(found, in_d1);
	free(found);

	char *in_home = put(xhome, "socscope/questionnaires", "q", "home");
	found = sc_data_find(SC_DATA_QUESTIONNAIRE, "q");
	assert_string_equal(found, in_home);
	free(found);

	char *in_explicit = put(explicit, "questionnaires", "q", "explicit");
	found = sc_data_find(SC_DATA_QUESTIONNAIRE, "q");
	assert_string_equal(found, in_explicit);
	free(found);

	/* Kinds do not mix: a questionnaire is not a theme. */
	assert_null(sc_data_find(SC_DATA_THEME, "q"));
	char *theme = put(d2, "socscope/themes", "q", "theme");
	found = sc_data_find(SC_DATA_THEME, "q");
	assert_string_equal(found, theme);
	free(found);

	/* A directory with the right name is not a file. */
	char *fake = sc_xasprintf("%s/questionnaires/dir.yaml", explicit);
	assert_true(sc_mkdir_p(fake, 0700));
	assert_null(sc_data_find(SC_DATA_QUESTIONNAIRE, "dir"));
	assert_null(sc_data_find(SC_DATA_QUESTIONNAIRE, "missing"));
	assert_null(sc_data_find(SC_DATA_QUESTIONNAIRE, ""));

	/* With the variables gone, the default under HOME is searched. */
	unsetenv("SOCSCOPE_DATA_DIR");
	unsetenv("XDG_DATA_HOME");
	unsetenv("XDG_DATA_DIRS");
	char *lhome = sc_xasprintf("%s/.local/share", sb->home);
	char *in_lhome = put(lhome, "socscope/questionnaires", "q", "x");
	found = sc_data_find(SC_DATA_QUESTIONNAIRE, "q");
	assert_string_equal(found, in_lhome);
	free(found);

	free(in_lhome);
	free(lhome);
	free(fake);
	free(theme);
	free(in_explicit);
	free(in_home);
	free(in_d1);
	free(in_d2);
	free(dirs);
	free(d2);
	free(d1);
	free(xhome);
	free(explicit);
	free(root);
}

static void
sessions_dir_and_path(void **state)
{
	struct sandbox *sb = *state;
	char *want = sc_xasprintf("%s/.local/state/socscope/sessions", sb->home);
	char *got = sc_sessions_dir();
	assert_string_equal(got, want);
	free(got);
	free(want);

	setenv("XDG_STATE_HOME", "/st", 1);
	got = sc_sessions_dir();
	assert_string_equal(got, "/st/socscope/sessions");
	free(got);
	got = sc_session_path("Acme Payroll Ltd");
	assert_string_equal(got, "/st/socscope/sessions/acme-payroll-ltd.yaml");
	free(got);
	got = sc_session_path("");
	assert_string_equal(got, "/st/socscope/sessions/client.yaml");
	free(got);
	/* A client name can never climb out of the sessions directory. */
	got = sc_session_path("../../etc/passwd");
	assert_string_equal(got, "/st/socscope/sessions/etc-passwd.yaml");
	free(got);
	unsetenv("XDG_STATE_HOME");
}

static void
name_or_path(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		bool path;
	} rows[] = {
		{"soc-scoping", false}, {"high-contrast", false},
		{"./x", true},          {"dir/q", true},
		{"/abs/q", true},       {"q.yaml", true},
		{".yaml", true},        {"q.yml", false},
		{"yaml", false},        {"q.yaml.bak", false},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		if (sc_name_is_path(rows[i].s) != rows[i].path)
			fail_msg("\"%s\": expected %s", rows[i].s,
			         rows[i].path ? "a path" : "a name");
	}
}

static void
slugs(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} rows[] = {
		{"Acme Payroll Ltd", "acme-payroll-ltd"},
		{"  Acme,  Inc.  ", "acme-inc"},
		{"ACME--payroll__2024", "acme-payroll-2024"},
		{"Café Müller", "caf-mller"},
		{"日本語", "client"},
		{"株式会社 Acme", "acme"},
		{"", "client"},
		{"---", "client"},
		{"a/b\\c", "a-b-c"},
		{"..", "client"},
		{"Zürich 2", "zrich-2"},
		{"Acme\xc2\xa0" "Ltd", "acme-ltd"},        /* no-break space */
		{"Acme\xe2\x80\x93" "Payroll", "acme-payroll"}, /* en dash */
		{"株式会社\xe3\x80\x80" "Acme", "acme"},   /* ideographic space */
		{"\xff\xfe" "Acme\xc3", "acme"},            /* invalid UTF-8 */
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char *s = sc_slug(rows[i].in);
		if (strcmp(s, rows[i].out) != 0)
			fail_msg("slug(\"%s\") = \"%s\", expected \"%s\"",
			         rows[i].in, s, rows[i].out);
		free(s);
	}
	char *s = sc_slug(NULL);
	assert_string_equal(s, "client");
	free(s);

	/* At most 64 bytes, never ending in '-'. */
	char long_name[200];
	memset(long_name, 'x', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	s = sc_slug(long_name);
	assert_int_equal(strlen(s), 64);
	free(s);
	/* 63 letters, then a word: the separator would be byte 64 with no
	 * room for a letter after it, so it is dropped. */
	char edge[100];
	memset(edge, 'a', 63);
	strcpy(edge + 63, " bcd");
	s = sc_slug(edge);
	assert_int_equal(strlen(s), 63);
	assert_int_not_equal(s[62], '-');
	free(s);
	memset(edge, 'a', 62);
	strcpy(edge + 62, " bcd");
	s = sc_slug(edge);
	assert_int_equal(strlen(s), 64);
	assert_string_equal(s + 62, "-b");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(default_dirs_in_order),
		cmocka_unit_test(env_dirs_in_order),
		cmocka_unit_test(each_level_shadows_the_next),
		cmocka_unit_test(sessions_dir_and_path),
		cmocka_unit_test(name_or_path),
		cmocka_unit_test(slugs),
	};
	return cmocka_run_group_tests(tests, sandbox_setup, sandbox_teardown);
}
