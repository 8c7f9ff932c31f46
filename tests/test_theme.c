/* Themes: the bundled files, fallbacks, and every kind of mistake with its
 * position. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "socscope/bundled.h"
#include "socscope/theme.h"

static struct sc_theme *
load_src(const char *rel, enum sc_status *st, struct sc_diags *d)
{
	char *path = th_src(rel);
	struct sc_theme *t = sc_theme_load_file(path, d, st);
	if (!t) {
		struct sc_buf b = {0};
		sc_diags_format(d, &b);
		fail_msg("%s did not load:\n%s", rel, sc_buf_str(&b));
	}
	free(path);
	return t;
}

static void
roles_table(void **state)
{
	(void)state;
	assert_int_equal(SC_ROLE_COUNT, 12);
	for (int r = 0; r < SC_ROLE_COUNT; r++) {
		assert_int_equal(sc_role_find(sc_role_id_str(r)), r);
		assert_true(strlen(sc_role_desc(r)) > 0);
	}
	assert_string_equal(sc_role_id_str(SC_ROLE_SELECTED), "selected");
	assert_int_equal(sc_role_find("keybar"), SC_ROLE_KEYBAR);
	assert_int_equal(sc_role_find("Title"), -1);
	assert_int_equal(sc_role_find(""), -1);
	assert_int_equal(sc_role_find(NULL), -1);
}

static void
bundled_default(void **state)
{
	(void)state;
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_theme *t = load_src("themes/default.yaml", &st, &d);
	assert_int_equal(st, SC_OK);
	assert_int_equal(d.n, 0);
	assert_string_equal(t->name, "default");
	assert_true(strlen(t->description) > 0);
	/* The terminal's own background everywhere but the focused item. */
	for (int r = 0; r < SC_ROLE_COUNT; r++)
		if (r != SC_ROLE_SELECTED)
			assert_int_equal(t->roles[r].bg, -1);
	assert_int_equal(t->roles[SC_ROLE_TEXT].fg, -1);
	assert_int_equal(t->roles[SC_ROLE_TEXT].attrs, 0);
	assert_int_equal(t->roles[SC_ROLE_TITLE].attrs, SC_ATTR_BOLD);
	assert_int_equal(t->roles[SC_ROLE_ERROR].fg, 1);
	assert_int_equal(t->roles[SC_ROLE_HELP].fg, 6);
	assert_int_equal(t->mono[SC_ROLE_SELECTED], SC_ATTR_REVERSE);
	assert_int_equal(t->mono[SC_ROLE_ERROR],
	                 SC_ATTR_BOLD | SC_ATTR_UNDERLINE);
	/* Neither yellow nor blue text: unreadable on light or dark. */
	for (int r = 0; r < SC_ROLE_COUNT; r++)
		assert_true(t->roles[r].fg != 3 && t->roles[r].fg != 4);

	/* A theme that names nothing looks exactly like the default file:
	 * the fallbacks and default.yaml are kept in step. */
	static const char bare[] = "name: bare\n";
	struct sc_theme *b =
		sc_theme_load_buffer("bare.yaml", bare, strlen(bare), &d, &st);
	assert_non_null(b);
	assert_string_equal(b->description, "");
	for (int r = 0; r < SC_ROLE_COUNT; r++) {
		if (b->roles[r].fg != t->roles[r].fg ||
		    b->roles[r].bg != t->roles[r].bg ||
		    b->roles[r].attrs != t->roles[r].attrs ||
		    b->mono[r] != t->mono[r])
			fail_msg("fallback for role %s differs from "
			         "themes/default.yaml",
			         sc_role_id_str(r));
	}
	sc_theme_free(b);
	sc_theme_free(t);
	sc_diags_fini(&d);
}

static void
bundled_high_contrast(void **state)
{
	(void)state;
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_theme *t = load_src("themes/high-contrast.yaml", &st, &d);
	assert_string_equal(t->name, "high-contrast");
	assert_int_equal(t->roles[SC_ROLE_TEXT].fg, 15);
	assert_int_equal(t->roles[SC_ROLE_TEXT].bg, 0);
	assert_int_equal(t->roles[SC_ROLE_SELECTED].bg, 11);
	/* Highlights never rely on colour alone. */
	static const enum sc_role marked[] = {
		SC_ROLE_TITLE, SC_ROLE_SELECTED, SC_ROLE_ACCENT,
		SC_ROLE_WARNING, SC_ROLE_ERROR, SC_ROLE_SUCCESS,
	};
	for (size_t i = 0; i < sizeof marked / sizeof marked[0]; i++) {
		assert_true(t->roles[marked[i]].attrs != 0);
		assert_true(t->mono[marked[i]] != 0);
	}
	sc_theme_free(t);
	sc_diags_fini(&d);
}

static void
bundled_monochrome(void **state)
{
	(void)state;
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_theme *t = load_src("themes/monochrome.yaml", &st, &d);
	assert_string_equal(t->name, "monochrome");
	for (int r = 0; r < SC_ROLE_COUNT; r++) {
		assert_int_equal(t->roles[r].fg, -1);
		assert_int_equal(t->roles[r].bg, -1);
		assert_int_equal(t->roles[r].attrs, t->mono[r]);
	}
	assert_int_equal(t->mono[SC_ROLE_SELECTED], SC_ATTR_REVERSE);
	sc_theme_free(t);
	sc_diags_fini(&d);
}

static void
compiled_in_copies_load(void **state)
{
	(void)state;
	static const char *const names[] = {"default", "high-contrast",
	                                    "monochrome"};
	for (size_t i = 0; i < 3; i++) {
		const struct sc_bundled *b =
			sc_bundled_find(SC_DATA_THEME, names[i]);
		assert_non_null(b);
		struct sc_diags d;
		sc_diags_init(&d);
		enum sc_status st;
		struct sc_theme *t =
			sc_theme_load_buffer(names[i], b->data, b->len, &d, &st);
		assert_non_null(t);
		assert_int_equal(st, SC_OK);
		assert_string_equal(t->name, names[i]);
		sc_theme_free(t);
		sc_diags_fini(&d);
	}
}

static void
partial_theme(void **state)
{
	(void)state;
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_theme *t = load_src("tests/fixtures/themes/partial.yaml", &st,
	                              &d);
	/* Given roles are exactly what they say... */
	assert_int_equal(t->roles[SC_ROLE_TITLE].fg, 214);
	assert_int_equal(t->roles[SC_ROLE_TITLE].bg, -1);
	assert_int_equal(t->roles[SC_ROLE_TITLE].attrs, SC_ATTR_BOLD);
	assert_int_equal(t->roles[SC_ROLE_ERROR].fg, 9);
	assert_int_equal(t->roles[SC_ROLE_ERROR].bg, 0);
	assert_int_equal(t->roles[SC_ROLE_ERROR].attrs,
	                 SC_ATTR_UNDERLINE | SC_ATTR_ITALIC);
	/* ...but keep their mono default when it is left out... */
	assert_int_equal(t->mono[SC_ROLE_ERROR],
	                 SC_ATTR_BOLD | SC_ATTR_UNDERLINE);
	/* ...and roles left out look as in the default theme. */
	assert_int_equal(t->roles[SC_ROLE_SELECTED].fg, 0);
	assert_int_equal(t->roles[SC_ROLE_SELECTED].bg, 6);
	assert_int_equal(t->mono[SC_ROLE_SELECTED], SC_ATTR_REVERSE);
	assert_int_equal(t->roles[SC_ROLE_HEADER].attrs,
	                 SC_ATTR_REVERSE | SC_ATTR_BOLD);
	sc_theme_free(t);
	sc_diags_fini(&d);
}

struct expect {
	int line, col;
	const char *msg;
};

static const struct {
	const char *file;
	enum sc_status st;
	struct expect e[6];
} bad_files[] = {
	{"unknown-role.yaml", SC_EDATA, {
		{4, 3, "unknown role \"titel\"; expected one of: text, title, "
		       "help, selected, accent, warning, error, success, border, "
		       "header, keybar, muted"},
	}},
	{"unknown-colour.yaml", SC_EDATA, {
		{3, 14, "unknown colour \"purple\" for fg of role \"text\""},
		{3, 26, "unknown colour \"bright-orange\" for bg of role "
		        "\"text\""},
	}},
	{"colour-out-of-range.yaml", SC_EDATA, {
		{3, 14, "colour 256 for fg of role \"text\" is out of range: 0 "
		        "to 255"},
		{3, 23, "colour -1 for bg of role \"text\" is out of range"},
		{4, 15, "fg of role \"title\" must be a colour name or a number, "
		        "found a list"},
	}},
	{"unknown-attr.yaml", SC_EDATA, {
		{4, 19, "unknown attribute \"blink\" in attrs of role \"title\"; "
		        "expected one of: bold, underline, reverse, dim, italic"},
		{5, 18, "attribute \"bold\" is listed twice in mono of role "
		        "\"title\""},
	}},
	{"unknown-key.yaml", SC_EDATA, {
		{2, 1, "unknown key \"colour\" in the theme"},
		{4, 19, "unknown key \"colour\" in role \"text\"; expected one "
		        "of: fg, bg, attrs, mono"},
	}},
	{"wrong-types.yaml", SC_EDATA, {
		{1, 7, "\"name\" must be text, found a list"},
		{2, 14, "\"description\" must be text, found a mapping"},
		{3, 8, "\"roles\" must be a mapping of role ids to styles, "
		       "found a list"},
	}},
	{"role-not-map.yaml", SC_EDATA, {
		{3, 9, "role \"text\" must be a mapping with fg, bg, attrs and "
		       "mono, found text"},
		{5, 12, "attrs of role \"title\" must be a list of attributes, "
		        "found a mapping"},
	}},
	{"no-name.yaml", SC_EDATA, {
		{1, 1, "the theme has no \"name\""},
	}},
	{"not-a-mapping.yaml", SC_EDATA, {
		{1, 1, "a theme is a mapping, found a list"},
	}},
	{"empty.yaml", SC_EDATA, {
		{1, 1, "empty theme"},
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
		char *rel = sc_xasprintf("tests/fixtures/themes/%s",
		                         bad_files[f].file);
		char *path = th_src(rel);
		free(rel);
		struct sc_diags d;
		sc_diags_init(&d);
		enum sc_status st = SC_OK;
		struct sc_theme *t = sc_theme_load_file(path, &d, &st);
		struct sc_buf all = {0};
		sc_diags_format(&d, &all);
		if (t || st != bad_files[f].st)
			fail_msg("%s: status %d, expected %d\n%s",
			         bad_files[f].file, st, bad_files[f].st,
			         sc_buf_str(&all));
		size_t want = 0;
		while (want < 6 && bad_files[f].e[want].msg)
			want++;
		if (d.n != want)
			fail_msg("%s: %zu problems, expected %zu:\n%s",
			         bad_files[f].file, d.n, want, sc_buf_str(&all));
		sc_diags_sort(&d);
		for (size_t i = 0; i < want; i++) {
			const struct expect *e = &bad_files[f].e[i];
			const struct sc_diag *g = &d.v[i];
			if (strcmp(g->file, path) != 0 || g->line != e->line ||
			    g->col != e->col || !strstr(g->msg, e->msg))
				fail_msg("%s: problem %zu is\n  %d:%d: %s\n"
				         "expected\n  %d:%d: ...%s...",
				         bad_files[f].file, i, g->line, g->col,
				         g->msg, e->line, e->col, e->msg);
		}
		sc_buf_fini(&all);
		sc_diags_fini(&d);
		free(path);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roles_table),
		cmocka_unit_test(bundled_default),
		cmocka_unit_test(bundled_high_contrast),
		cmocka_unit_test(bundled_monochrome),
		cmocka_unit_test(compiled_in_copies_load),
		cmocka_unit_test(partial_theme),
		cmocka_unit_test(invalid_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
