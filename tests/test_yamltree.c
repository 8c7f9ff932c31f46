/* The bounded YAML tree: valid documents and their shape, every refusal
 * with its message and position, the scalar helpers, and garbage input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "socscope/yamltree.h"

/* A compact rendering of a tree: s(text) plain, q(text) quoted, [..], {k=v},
 * each followed by @LINE:COL. */
static void
dump(const struct sc_ynode *n, struct sc_buf *b)
{
	if (!n) {
		sc_buf_puts(b, "NULL");
		return;
	}
	switch (n->kind) {
	case SC_Y_SCALAR:
		sc_buf_printf(b, "%s(%s)", n->quoted ? "q" : "s", n->str);
		break;
	case SC_Y_SEQ:
		sc_buf_putc(b, '[');
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				sc_buf_putc(b, ',');
			dump(n->items[i], b);
		}
		sc_buf_putc(b, ']');
		break;
	case SC_Y_MAP:
		sc_buf_putc(b, '{');
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				sc_buf_putc(b, ',');
			dump(n->keys[i], b);
			sc_buf_putc(b, '=');
			dump(n->items[i], b);
		}
		sc_buf_putc(b, '}');
		break;
	}
	sc_buf_printf(b, "@%d:%d", n->line, n->col);
}

struct good_case {
	const char *yaml;
	const char *tree;
};

static const struct good_case good_cases[] = {
	{"", "NULL"},
	{"# only a comment\n", "NULL"},
	{"a: 1\n", "{s(a)@1:1=s(1)@1:4}@1:1"},
	{"k: \"x y\"\nl: |\n  abc\n  def\nm: 's'\n",
	 "{s(k)@1:1=q(x y)@1:4,s(l)@2:1=q(abc\ndef\n)@2:4,"
	 "s(m)@5:1=q(s)@5:4}@1:1"},
	{"- a\n- b: c\n  d: [e, {f: g}]\n",
	 "[s(a)@1:3,{s(b)@2:3=s(c)@2:6,s(d)@3:3=[s(e)@3:7,{s(f)@3:11=s(g)@3:"
	 "14}@3:10]@3:6}@2:3]@1:1"},
	{"key:\n- a\n- b\n", "{s(key)@1:1=[s(a)@2:3,s(b)@3:3]@2:1}@1:1"},
	{"---\nx: [] \ny: {}\n...\n", "{s(x)@2:1=[]@2:4,s(y)@3:1={}@3:4}@2:1"},
	{"a:\nb: ~\n", "{s(a)@1:1=s()@1:3,s(b)@2:1=s(~)@2:4}@1:1"},
	{"v: !!str 12\n", "{s(v)@1:1=q(12)@1:4}@1:1"},
	{"t: \"caf\xc3\xa9\"\nu: x\n", "{s(t)@1:1=q(caf\xc3\xa9)@1:4,s(u)@2:1=s(x)@2:4}@1:1"},
};

static void
valid_documents_build_their_tree(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof good_cases / sizeof good_cases[0]; i++) {
		const struct good_case *c = &good_cases[i];
		struct sc_diags d;
		sc_diags_init(&d);
		struct sc_ydoc doc;
		enum sc_status st = sc_ydoc_load_buffer(&doc, "t.yaml", c->yaml,
		                                        strlen(c->yaml), NULL, &d);
		struct sc_buf b = {0};
		dump(doc.root, &b);
		if (st != SC_OK || strcmp(sc_buf_str(&b), c->tree) != 0)
			print_error("case %zu: %s\n", i, sc_buf_str(&b));
		assert_int_equal(st, SC_OK);
		assert_int_equal(d.n, 0);
		assert_string_equal(sc_buf_str(&b), c->tree);
		assert_string_equal(doc.file, "t.yaml");
		sc_buf_fini(&b);
		sc_ydoc_fini(&doc);
		sc_diags_fini(&d);
	}
}

struct bad_case {
	const char *name;
	const char *yaml;
	size_t len; /* 0: strlen(yaml) */
	struct sc_ylimits lim; /* all zero: defaults */
	const char *msg;       /* substring of the one diagnostic */
	int line, col;
};

#define LIM(bytes, depth, scalar, nodes) {bytes, depth, scalar, nodes}
#define BIG LIM(1u << 20, 32, 65536, 1000)

static const struct bad_case bad_cases[] = {
	{"anchor on a scalar", "a: &x 1\nb: *x\n", 0, {0},
	 "YAML aliases and anchors are not allowed", 1, 4},
	{"alias alone", "a: 1\nb: *x\n", 0, {0},
	 "YAML aliases and anchors are not allowed", 2, 4},
	{"anchor on a mapping", "base: &b\n  x: 1\n", 0, {0},
	 "YAML aliases and anchors are not allowed", 1, 7},
	{"anchor on a list", "- &l [1]\n", 0, {0},
	 "YAML aliases and anchors are not allowed", 1, 3},
	{"two documents", "a: 1\n---\nb: 2\n", 0, {0},
	 "more than one YAML document", 2, 1},
	{"depth", "a:\n  b:\n    c:\n      d: 1\n", 0, LIM(1u << 20, 3, 100, 100),
	 "nesting is too deep: the limit is 3 levels", 4, 7},
	{"depth in flow", "x: [[[[1]]]]\n", 0, LIM(1u << 20, 3, 100, 100),
	 "nesting is too deep", 1, 6},
	{"scalar length", "a: 123456789\n", 0, LIM(1u << 20, 32, 8, 100),
	 "text is too long: 9 bytes, the limit is 8", 1, 4},
	{"size", "a: 1\n", 0, LIM(4, 32, 100, 100),
	 "file is too large: 5 bytes, the limit is 4", 0, 0},
	{"node count", "[1, 2, 3]\n", 0, LIM(1u << 20, 32, 100, 3),
	 "too many YAML nodes: the limit is 3", 1, 8},
	{"unclosed flow list", "a: [1, 2\n", 0, {0},
	 "YAML syntax error: did not find expected ',' or ']' (while parsing "
	 "a flow sequence that starts at line 1, column 4)", 2, 1},
	{"unclosed quote", "a: \"abc", 0, {0},
	 "YAML syntax error: found unexpected end of stream", 1, 8},
	{"mapping in a scalar", "a: b: c\n", 0, {0},
	 "YAML syntax error: mapping values are not allowed", 1, 5},
	{"bad indentation", "a: 1\n b: 2\n", 0, {0}, "YAML syntax error:", 2, 3},
	{"duplicate key", "a: 1\nb: 2\na: 3\n", 0, {0},
	 "duplicate key \"a\" (first at line 1)", 3, 1},
	{"duplicate key in flow", "x: {k: 1, k: 2}\n", 0, {0},
	 "duplicate key \"k\" (first at line 1)", 1, 11},
	{"list as key", "? [a]\n: 1\n", 0, {0},
	 "a mapping key must be text, found a list", 1, 3},
	{"mapping as key", "{{a: 1}: 2}\n", 0, {0},
	 "a mapping key must be text, found a mapping", 1, 2},
	{"NUL byte", "a: 1\0b: 2\n", 10, {0},
	 "YAML syntax error: control characters are not allowed", 1, 5},
	{"invalid UTF-8", "a: \xff\n", 0, {0},
	 "YAML syntax error: invalid leading UTF-8 octet", 1, 4},
	{"tag", "a: !foo x\n", 0, {0},
	 "YAML tags are not allowed (found \"!foo\")", 1, 4},
	{"tab indentation", "a:\n\tb: 1\n", 0, {0}, "YAML syntax error:", 2, 1},
};

static void
bad_input_is_refused_where_it_is(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const struct bad_case *c = &bad_cases[i];
		struct sc_diags d;
		sc_diags_init(&d);
		struct sc_ydoc doc;
		size_t len = c->len ? c->len : strlen(c->yaml);
		const struct sc_ylimits *lim = c->lim.max_bytes ? &c->lim : NULL;
		enum sc_status st =
		        sc_ydoc_load_buffer(&doc, "bad.yaml", c->yaml, len, lim, &d);
		if (d.n != 1 || !strstr(d.v[0].msg, c->msg) ||
		    d.v[0].line != c->line || d.v[0].col != c->col)
			print_error("case \"%s\": got %zu diags, first %d:%d %s\n",
			            c->name, d.n, d.n ? d.v[0].line : -1,
			            d.n ? d.v[0].col : -1, d.n ? d.v[0].msg : "");
		assert_int_equal(st, SC_EDATA);
		assert_null(doc.root);
		assert_int_equal(d.n, 1);
		assert_string_equal(d.v[0].file, "bad.yaml");
		assert_non_null(strstr(d.v[0].msg, c->msg));
		assert_int_equal(d.v[0].line, c->line);
		assert_int_equal(d.v[0].col, c->col);
		sc_ydoc_fini(&doc);
		sc_diags_fini(&d);
	}
}

/* The default limits are the documented ones: 32 levels, 64 KiB per
 * scalar, 16 MiB per file. */
static void
default_limits_are_the_documented_ones(void **state)
{
	(void)state;
	struct sc_buf y = {0};
	struct sc_diags d;
	sc_diags_init(&d);
	struct sc_ydoc doc;

	for (int i = 0; i < 32; i++)
		sc_buf_putc(&y, '[');
	for (int i = 0; i < 32; i++)
		sc_buf_putc(&y, ']');
	assert_int_equal(sc_ydoc_load_buffer(&doc, "deep", y.data, y.len,
	                                     NULL, &d), SC_OK);
	sc_ydoc_fini(&doc);
	sc_buf_reset(&y);
	for (int i = 0; i < 33; i++)
		sc_buf_putc(&y, '[');
	assert_int_equal(sc_ydoc_load_buffer(&doc, "deep", y.data, y.len,
	                                     NULL, &d), SC_EDATA);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].col, 33);
	assert_non_null(strstr(d.v[0].msg, "the limit is 32 levels"));
	sc_ydoc_fini(&doc);
	sc_diags_clear(&d);

	/* A million nested lists: refused at the 33rd, quickly. */
	sc_buf_reset(&y);
	for (int i = 0; i < 1000000; i++)
		sc_buf_putc(&y, '[');
	assert_int_equal(sc_ydoc_load_buffer(&doc, "deeper", y.data, y.len,
	                                     NULL, &d), SC_EDATA);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].col, 33);
	sc_ydoc_fini(&doc);
	sc_diags_clear(&d);

	sc_buf_reset(&y);
	sc_buf_puts(&y, "a: ");
	for (int i = 0; i < 65536; i++)
		sc_buf_putc(&y, 'x');
	assert_int_equal(sc_ydoc_load_buffer(&doc, "long", y.data, y.len,
	                                     NULL, &d), SC_OK);
	assert_int_equal(sc_ymap_get(doc.root, "a")->len, 65536);
	sc_ydoc_fini(&doc);
	sc_buf_putc(&y, 'x');
	assert_int_equal(sc_ydoc_load_buffer(&doc, "long", y.data, y.len,
	                                     NULL, &d), SC_EDATA);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 1);
	assert_int_equal(d.v[0].col, 4);
	assert_non_null(strstr(d.v[0].msg, "the limit is 65536"));
	sc_ydoc_fini(&doc);
	sc_diags_clear(&d);

	size_t big = 16u * 1024 * 1024 + 1;
	char *huge = sc_xmalloc(big);
	memset(huge, '#', big);
	assert_int_equal(sc_ydoc_load_buffer(&doc, "huge", huge, big, NULL, &d),
	                 SC_EDATA);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 0);
	assert_non_null(strstr(d.v[0].msg, "file is too large"));
	free(huge);
	sc_ydoc_fini(&doc);
	sc_diags_fini(&d);
	sc_buf_fini(&y);
}

/* Every duplicate is reported, also in mappings large enough to be checked
 * through a hash table. */
static void
all_duplicate_keys_are_reported(void **state)
{
	(void)state;
	struct sc_buf y = {0};
	for (int i = 0; i < 100; i++)
		sc_buf_printf(&y, "k%d: %d\n", i, i);
	sc_buf_puts(&y, "k7: again\nk93: again\n");
	struct sc_diags d;
	sc_diags_init(&d);
	struct sc_ydoc doc;
	assert_int_equal(sc_ydoc_load_buffer(&doc, "dup", y.data, y.len, NULL,
	                                     &d), SC_EDATA);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.v[0].msg, "duplicate key \"k7\" (first at line 8)");
	assert_int_equal(d.v[0].line, 101);
	assert_string_equal(d.v[1].msg, "duplicate key \"k93\" (first at line 94)");
	assert_int_equal(d.v[1].line, 102);
	sc_ydoc_fini(&doc);
	sc_diags_fini(&d);
	sc_buf_fini(&y);
}

static void
files_are_read_with_bounds(void **state)
{
	(void)state;
	char *dir = th_mkdtemp();
	struct sc_diags d;
	sc_diags_init(&d);
	struct sc_ydoc doc;

	char *ok = th_write(dir, "ok.yaml", "a: [1, 2]\n");
	assert_int_equal(sc_ydoc_load_file(&doc, ok, NULL, &d), SC_OK);
	assert_int_equal(d.n, 0);
	assert_string_equal(doc.file, ok);
	assert_int_equal(sc_ymap_get(doc.root, "a")->n, 2);
	sc_ydoc_fini(&doc);

	struct sc_ylimits small = sc_ylimits_default;
	small.max_bytes = 5;
	assert_int_equal(sc_ydoc_load_file(&doc, ok, &small, &d), SC_EDATA);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].msg,
	                    "file is too large: 10 bytes, the limit is 5");
	sc_ydoc_fini(&doc);
	sc_diags_clear(&d);

	char *missing = sc_xasprintf("%s/missing.yaml", dir);
	assert_int_equal(sc_ydoc_load_file(&doc, missing, NULL, &d),
	                 SC_ENOINPUT);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].file, missing);
	assert_string_equal(d.v[0].msg, "cannot open: No such file or directory");
	assert_null(doc.root);
	sc_ydoc_fini(&doc);
	sc_diags_clear(&d);

	assert_int_equal(sc_ydoc_load_file(&doc, dir, NULL, &d), SC_ENOINPUT);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 0);
	assert_string_equal(d.v[0].msg, "cannot open: Is a directory");
	sc_ydoc_fini(&doc);
	sc_diags_clear(&d);

	char *empty = th_write(dir, "empty.yaml", "");
	assert_int_equal(sc_ydoc_load_file(&doc, empty, NULL, &d), SC_OK);
	assert_null(doc.root);
	assert_int_equal(d.n, 0);
	sc_ydoc_fini(&doc);

	/* A device that never ends is cut off at the size limit. */
	assert_int_equal(sc_ydoc_load_file(&doc, "/dev/zero", &small, &d),
	                 SC_EDATA);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].msg, "file is too large"));
	sc_ydoc_fini(&doc);

	free(ok);
	free(missing);
	free(empty);
	th_rmtree(dir);
	free(dir);
	sc_diags_fini(&d);
}

static const struct sc_ynode *
parse_value(struct sc_ydoc *doc, const char *yaml)
{
	struct sc_diags d;
	sc_diags_init(&d);
	assert_int_equal(sc_ydoc_load_buffer(doc, "v", yaml, strlen(yaml), NULL,
	                                     &d), SC_OK);
	sc_diags_fini(&d);
	return sc_ymap_get(doc->root, "v");
}

struct scalar_case {
	const char *yaml;
	const char *kind;
	int is_null, is_bool, bool_val, is_num, is_int;
	double num;
};

static const struct scalar_case scalar_cases[] = {
	{"v:", "nothing", 1, 0, 0, 0, 0, 0},
	{"v: ~", "nothing", 1, 0, 0, 0, 0, 0},
	{"v: null", "nothing", 1, 0, 0, 0, 0, 0},
	{"v: \"\"", "text", 0, 0, 0, 0, 0, 0},
	{"v: \"null\"", "text", 0, 0, 0, 0, 0, 0},
	{"v: true", "a yes/no value", 0, 1, 1, 0, 0, 0},
	{"v: false", "a yes/no value", 0, 1, 0, 0, 0, 0},
	{"v: \"true\"", "text", 0, 0, 0, 0, 0, 0},
	{"v: yes", "text", 0, 0, 0, 0, 0, 0},
	{"v: 12", "a number", 0, 0, 0, 1, 1, 12},
	{"v: -3", "a number", 0, 0, 0, 1, 1, -3},
	{"v: +7", "a number", 0, 0, 0, 1, 1, 7},
	{"v: 2.5", "a number", 0, 0, 0, 1, 0, 2.5},
	{"v: 1e3", "a number", 0, 0, 0, 1, 0, 1000},
	{"v: -1.5E-1", "a number", 0, 0, 0, 1, 0, -0.15},
	{"v: '12'", "text", 0, 0, 0, 0, 0, 0},
	{"v: 0x10", "text", 0, 0, 0, 0, 0, 0},
	{"v: .5", "text", 0, 0, 0, 0, 0, 0},
	{"v: 1.", "text", 0, 0, 0, 0, 0, 0},
	{"v: .inf", "text", 0, 0, 0, 0, 0, 0},
	{"v: 1e999", "text", 0, 0, 0, 0, 0, 0},
	{"v: 1_000", "text", 0, 0, 0, 0, 0, 0},
	{"v: 99999999999999999999", "a number", 0, 0, 0, 1, 0, 1e20},
	{"v: [1]", "a list", 0, 0, 0, 0, 0, 0},
	{"v: {a: 1}", "a mapping", 0, 0, 0, 0, 0, 0},
};

static void
scalar_helpers_follow_the_format(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof scalar_cases / sizeof scalar_cases[0];
	     i++) {
		const struct scalar_case *c = &scalar_cases[i];
		struct sc_ydoc doc;
		const struct sc_ynode *n = parse_value(&doc, c->yaml);
		assert_non_null(n);
		assert_string_equal(sc_ynode_kind_name(n), c->kind);
		assert_int_equal(sc_ynode_is_null(n), c->is_null);
		bool b = !c->bool_val;
		assert_int_equal(sc_ynode_bool(n, &b), c->is_bool);
		if (c->is_bool)
			assert_int_equal(b, c->bool_val);
		double v = -42;
		assert_int_equal(sc_ynode_number(n, &v), c->is_num);
		if (c->is_num)
			assert_true(v == c->num ||
			            (v - c->num < 1e-9 && c->num - v < 1e-9));
		long long ll = -42;
		assert_int_equal(sc_ynode_int(n, &ll), c->is_int);
		if (c->is_int)
			assert_int_equal(ll, (long long)c->num);
		if (n->kind == SC_Y_SCALAR)
			assert_string_equal(sc_ynode_str(n), n->str);
		else
			assert_null(sc_ynode_str(n));
		sc_ydoc_fini(&doc);
	}
	assert_string_equal(sc_ynode_kind_name(NULL), "nothing");
	assert_null(sc_ymap_get(NULL, "v"));
}

static void
map_keys_are_checked(void **state)
{
	(void)state;
	struct sc_ydoc doc;
	struct sc_diags d;
	sc_diags_init(&d);
	const char *y = "id: q1\ntxet: x\ntype: yesno\n";
	assert_int_equal(sc_ydoc_load_buffer(&doc, "q.yaml", y, strlen(y), NULL,
	                                     &d), SC_OK);
	static const char *const allowed[] = {"id", "type", "text", NULL};
	static const char *const required[] = {"id", "text", NULL};
	assert_false(sc_ymap_check_keys(doc.root, allowed, required,
	                                "question \"q1\"", "q.yaml", &d));
	assert_int_equal(d.n, 2);
	assert_string_equal(d.v[0].msg, "unknown key \"txet\" in question \"q1\"; "
	                                "expected one of: id, type, text");
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[0].col, 1);
	assert_string_equal(d.v[1].msg, "question \"q1\" has no \"text\"");
	assert_int_equal(d.v[1].line, 1);
	assert_int_equal(d.v[1].col, 1);
	sc_diags_clear(&d);

	static const char *const all[] = {"id", "txet", "type", NULL};
	assert_true(sc_ymap_check_keys(doc.root, all, NULL, "x", "q.yaml", &d));
	assert_int_equal(d.n, 0);
	assert_string_equal(sc_ynode_str(sc_ymap_get(doc.root, "type")), "yesno");
	assert_null(sc_ymap_get(doc.root, "typ"));

	/* Not a mapping at all. */
	assert_false(sc_ymap_check_keys(sc_ymap_get(doc.root, "id"), all, NULL,
	                                "the section", "q.yaml", &d));
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].msg, "the section must be a mapping, found text");
	sc_ydoc_fini(&doc);
	sc_diags_fini(&d);
}

/* Positions inside a scalar, as used for expression errors. */
static void
text_positions_map_to_columns(void **state)
{
	(void)state;
	struct sc_ydoc doc;
	struct sc_diags d;
	sc_diags_init(&d);
	const char *y = "a: plain text\n"
	                "b: \"quoted\"\n"
	                "c: 'single'\n"
	                "d: |\n  block\n"
	                "e: two\n  lines\n"
	                "f: \"\xc3\xa9t\xc3\xa9 x\"\n"
	                "g: \"say \\\"hi\\\"\"\n"
	                "h: 'it''s'\n";
	assert_int_equal(sc_ydoc_load_buffer(&doc, "p", y, strlen(y), NULL, &d),
	                 SC_OK);
	int line, col;
	sc_ynode_text_pos(sc_ymap_get(doc.root, "a"), 6, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 10);
	sc_ynode_text_pos(sc_ymap_get(doc.root, "b"), 0, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 5);
	sc_ynode_text_pos(sc_ymap_get(doc.root, "c"), 3, &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 8);
	sc_ynode_text_pos(sc_ymap_get(doc.root, "d"), 3, &line, &col);
	assert_int_equal(line, 4);
	assert_int_equal(col, 4);
	sc_ynode_text_pos(sc_ymap_get(doc.root, "e"), 5, &line, &col);
	assert_int_equal(line, 6);
	assert_int_equal(col, 4);
	/* Columns count characters, as libyaml's marks do. */
	sc_ynode_text_pos(sc_ymap_get(doc.root, "f"), 6, &line, &col);
	assert_int_equal(line, 8);
	assert_int_equal(col, 5 + 4);
	/* Escapes make the text shorter than the file: point at the node. */
	sc_ynode_text_pos(sc_ymap_get(doc.root, "g"), 5, &line, &col);
	assert_int_equal(line, 9);
	assert_int_equal(col, 4);
	sc_ynode_text_pos(sc_ymap_get(doc.root, "h"), 3, &line, &col);
	assert_int_equal(line, 10);
	assert_int_equal(col, 4);
	sc_ydoc_fini(&doc);
	sc_diags_fini(&d);
}

/* User text quoted in messages stays on one line and short. */
static void
quoted_text_is_safe_to_print(void **state)
{
	(void)state;
	struct sc_ydoc doc;
	const struct sc_ynode *n = parse_value(
	        &doc, "v: \"a\\nb\\t\\\"c\\\\\\e[31m\\u009b\\u00e9\"\n");
	char buf[SC_YQUOTE_SIZE];
	assert_string_equal(sc_ynode_quote(n, buf, sizeof buf),
	                    "a\\nb\\t\\\"c\\\\\\x1B[31m\\u009B\xc3\xa9");
	char small[8];
	/* Cut with "...", never inside the two bytes of the e-acute. */
	assert_string_equal(sc_ynode_quote(n, small, sizeof small), "a\\nb...");
	char tiny[2];
	assert_string_equal(sc_ynode_quote(n, tiny, sizeof tiny), ".");
	sc_ydoc_fini(&doc);

	n = parse_value(&doc, "v: \"\xc3\xa9\xc3\xa9\xc3\xa9\"\n");
	char six[7];
	assert_string_equal(sc_ynode_quote(n, six, sizeof six), "\xc3\xa9...");
	sc_ydoc_fini(&doc);

	struct sc_diags d;
	sc_diags_init(&d);
	const char *y = "\"a\\nb\": 1\n\"a\\nb\": 2\n";
	assert_int_equal(sc_ydoc_load_buffer(&doc, "q", y, strlen(y), NULL, &d),
	                 SC_EDATA);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].msg,
	                    "duplicate key \"a\\nb\" (first at line 1)");
	sc_ydoc_fini(&doc);
	sc_diags_fini(&d);
}

/* Random bytes, and random flips of a valid document: the loader always
 * returns, with a diagnostic whenever it refuses. */
static void
garbage_never_crashes(void **state)
{
	(void)state;
	static const char base[] =
	        "id: x\nlist:\n  - {a: 1, b: [2, 3]}\n  - \"q\\u00e9\"\n"
	        "block: |\n  text\nmap:\n  k: v\n";
	uint32_t seed = 12345;
	char buf[sizeof base];
	for (int round = 0; round < 4000; round++) {
		size_t len = sizeof base - 1;
		if (round < 1000) {
			for (size_t i = 0; i < len; i++) {
				seed = seed * 1103515245u + 12345u;
				buf[i] = (char)(seed >> 16);
			}
		} else {
			memcpy(buf, base, len);
			for (int k = 0; k < 1 + round % 4; k++) {
				seed = seed * 1103515245u + 12345u;
				size_t at = (seed >> 8) % len;
				seed = seed * 1103515245u + 12345u;
				buf[at] = (char)(seed >> 16);
			}
			len = round % 7 == 0 ? (size_t)round % len : len;
		}
		struct sc_diags d;
		sc_diags_init(&d);
		struct sc_ydoc doc;
		enum sc_status st =
		        sc_ydoc_load_buffer(&doc, "g", buf, len, NULL, &d);
		if (st == SC_OK)
			assert_int_equal(d.n, 0);
		else
			assert_true(d.n >= 1 && doc.root == NULL);
		sc_ydoc_fini(&doc);
		sc_diags_fini(&d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_documents_build_their_tree),
		cmocka_unit_test(bad_input_is_refused_where_it_is),
		cmocka_unit_test(default_limits_are_the_documented_ones),
		cmocka_unit_test(all_duplicate_keys_are_reported),
		cmocka_unit_test(files_are_read_with_bounds),
		cmocka_unit_test(scalar_helpers_follow_the_format),
		cmocka_unit_test(map_keys_are_checked),
		cmocka_unit_test(text_positions_map_to_columns),
		cmocka_unit_test(quoted_text_is_safe_to_print),
		cmocka_unit_test(garbage_never_crashes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
