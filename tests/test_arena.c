/* The core's region allocator (src/core/arena.h), and the loading that
 * rests on it: a questionnaire read from a file, whose expressions are
 * compiled into the memory the file was read into, must be the one read
 * from the same bytes in memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/core/arena.h"
#include "helpers.h"
#include "socscope/common.h"
#include "socscope/expr.h"
#include "socscope/questionnaire.h"

#include "bench/qgen.h"

static bool
inside(const void *p, const void *block, size_t size)
{
	uintptr_t a = (uintptr_t)p, b = (uintptr_t)block;
	return a >= b && a < b + size;
}

/* Objects of many sizes: each aligned as asked, none overlapping another
 * (each keeps the pattern written into it), zeroed when asked. */
static void
objects_keep_their_bytes(void **state)
{
	(void)state;
	struct sc_arena a;
	sc_arena_init(&a, 256, 4096);
	enum { N = 3000 };
	unsigned char *obj[N];
	size_t len[N];
	for (size_t i = 0; i < N; i++) {
		len[i] = (i * 37) % 700 + (i % 50 == 0 ? 5000 : 0);
		if (i % 3 == 0) {
			obj[i] = sc_arena_alloc(&a, len[i]);
			assert_int_equal((uintptr_t)obj[i] % alignof(max_align_t), 0);
		} else if (i % 3 == 1) {
			obj[i] = sc_arena_alloc_aligned(&a, len[i], 8);
			assert_int_equal((uintptr_t)obj[i] % 8, 0);
		} else {
			obj[i] = sc_arena_calloc(&a, len[i], 1);
			for (size_t k = 0; k < len[i]; k++)
				assert_int_equal(obj[i][k], 0);
		}
		memset(obj[i], (int)(i & 0xff), len[i]);
	}
	for (size_t i = 0; i < N; i++)
		for (size_t k = 0; k < len[i]; k++)
			assert_int_equal(obj[i][k], i & 0xff);
	char *s = sc_arena_strndup(&a, "question\0tail", 13);
	assert_memory_equal(s, "question\0tail", 14);
	assert_string_equal(sc_arena_strdup(&a, "help"), "help");
	assert_null(sc_arena_strdup(&a, NULL));
	sc_arena_fini(&a);
	/* Set up as before: usable again. */
	assert_string_equal(sc_arena_strdup(&a, "again"), "again");
	sc_arena_fini(&a);
}

/* Winding back to a mark gives back what came after it, the same memory
 * is handed out again, and what came before is untouched. */
static void
rewind_reuses_what_came_after_the_mark(void **state)
{
	(void)state;
	struct sc_arena a;
	sc_arena_init(&a, 1024, 1024);
	char *kept = sc_arena_strdup(&a, "kept before the mark");
	struct sc_arena_mark m;
	sc_arena_mark(&a, &m);
	void *first[16];
	for (int round = 0; round < 3; round++) {
		/* Into a second block, and one large request of its own. */
		for (size_t i = 0; i < 16; i++) {
			size_t n = i == 8 ? 4000 : 100;
			void *p = sc_arena_alloc(&a, n);
			memset(p, 0xAB, n);
			if (round == 0)
				first[i] = p;
			else if (i != 8)
				assert_ptr_equal(p, first[i]);
		}
		sc_arena_rewind(&a, &m);
		assert_string_equal(kept, "kept before the mark");
	}
	sc_arena_fini(&a);
}

/* A short-lived arena with a first block of its caller's carves from it
 * until it is full, then goes on in blocks of its own, and never frees
 * the caller's. */
static void
local_block_comes_first(void **state)
{
	(void)state;
	union {
		max_align_t align;
		unsigned char bytes[1024];
	} local;
	struct sc_arena a;
	sc_arena_init_local(&a, &local, sizeof local, 512, 4096);
	void *p = sc_arena_alloc(&a, 100);
	assert_true(inside(p, &local, sizeof local));
	void *q = NULL;
	for (int i = 0; i < 40; i++)
		q = sc_arena_alloc(&a, 100);
	assert_false(inside(q, &local, sizeof local));
	sc_arena_fini(&a);
	p = sc_arena_alloc(&a, 100);
	assert_true(inside(p, &local, sizeof local));
	sc_arena_fini(&a);
}

/* A window is carved only as far as it has been let grow, before new
 * blocks are asked for; once closed it is the current block; trimming
 * after it keeps every byte handed out; the arena frees it. */
static void
window_is_carved_as_far_as_it_grows(void **state)
{
	(void)state;
	struct sc_arena a;
	sc_arena_init(&a, 1024, 1024);
	char *before = sc_arena_strdup(&a, "before");
	size_t size = 256 * 1024;
	unsigned char *block = sc_xmalloc(size);
	memset(block, 'x', size);
	sc_arena_window(&a, block, size);
	/* Nothing let go yet: requests go to blocks of the arena's own. */
	unsigned char *p = sc_arena_alloc(&a, 200);
	assert_false(inside(p, block, size));
	size_t upto = 100000;
	sc_arena_window_grow(&a, upto);
	size_t in_window = 0;
	for (int i = 0; i < 2000; i++) {
		p = sc_arena_alloc(&a, 100);
		memset(p, 0x5A, 100);
		if (inside(p, block, size)) {
			assert_true(p + 100 <= block + upto);
			in_window++;
		}
	}
	/* Most went in the window, none past what it was let have. */
	assert_true(in_window > 800);
	assert_true(in_window < 1000);
	for (size_t k = upto; k < size; k++)
		assert_int_equal(block[k], 'x');
	sc_arena_window_close(&a);
	unsigned char *q = sc_arena_alloc(&a, 50000);
	assert_true(inside(q, block, size));
	memset(q, 0x33, 50000);
	sc_arena_trim(&a);
	for (size_t k = 0; k < 50000; k++)
		assert_int_equal(q[k], 0x33);
	assert_string_equal(before, "before");
	/* The rest can still be handed out and written. */
	unsigned char *r = sc_arena_alloc(&a, 90000);
	memset(r, 1, 90000);
	assert_int_equal(r[89999], 1);
	/* A small window never used is freed at once (valgrind sees no
	 * leak). */
	sc_arena_window(&a, sc_xmalloc(64), 64);
	sc_arena_window_close(&a);
	sc_arena_fini(&a);
	/* One never closed is freed with the arena. */
	sc_arena_init(&a, 1024, 1024);
	sc_arena_window(&a, sc_xmalloc(8192), 8192);
	sc_arena_window_grow(&a, 4096);
	assert_non_null(sc_arena_alloc(&a, 2000));
	sc_arena_fini(&a);
}

static struct sc_questionnaire *
load_or_fail(struct sc_questionnaire *q, const struct sc_diags *d)
{
	if (!q) {
		struct sc_buf b = {0};
		sc_diags_format(d, &b);
		fail_msg("does not load:\n%s", sc_buf_str(&b));
	}
	return q;
}

static const struct sc_answer *
lookup(void *ud, size_t i)
{
	const struct sc_answer *v = ud;
	return v[i].type == SC_A_NONE ? NULL : &v[i];
}

/* From a file, the text goes in the model's arena, the expressions in
 * the pages the file was read into: the same questionnaire as from the
 * same bytes in memory, every expression giving the same answers. */
static void
file_and_memory_loads_agree(void **state)
{
	(void)state;
	struct qgen_params p = {.nquestions = 3000, .nsections = 30,
	                        .nrules = 1500, .seed = 11};
	struct sc_buf yaml = {0};
	qgen_yaml(&p, &yaml);
	char *dir = th_mkdtemp();
	char *path = th_write(dir, "big.yaml", sc_buf_str(&yaml));
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st;
	struct sc_questionnaire *f =
	        load_or_fail(sc_questionnaire_load_file(path, &d, &st), &d);
	struct sc_questionnaire *m = load_or_fail(
	        sc_questionnaire_load_buffer(path, yaml.data, yaml.len, &d, &st),
	        &d);
	assert_int_equal(f->nquestions, m->nquestions);
	assert_int_equal(f->nrules, m->nrules);
	assert_string_equal(f->file, path);
	struct sc_answer *ans = sc_xcalloc(f->nquestions, sizeof *ans);
	struct qgen_rng rng = {3};
	for (int round = 0; round < 5; round++) {
		for (size_t i = 0; i < f->nquestions; i++)
			qgen_answer(&rng, &f->questions[i], &ans[i]);
		for (size_t i = 0; i < f->nquestions; i++) {
			const struct sc_question *a = &f->questions[i],
			                         *b = &m->questions[i];
			assert_string_equal(a->id, b->id);
			assert_string_equal(a->text, b->text);
			assert_int_equal(a->nchoices, b->nchoices);
			assert_int_equal(!a->show_if, !b->show_if);
			if (!a->show_if)
				continue;
			assert_string_equal(a->show_if_src, b->show_if_src);
			assert_int_equal(sc_expr_eval_on(a->show_if, lookup, ans, 20000),
			                 sc_expr_eval_on(b->show_if, lookup, ans, 20000));
		}
		for (size_t r = 0; r < f->nrules; r++) {
			const struct sc_rule *a = &f->rules[r], *b = &m->rules[r];
			assert_string_equal(a->when_src, b->when_src);
			size_t na, nb;
			const size_t *da = sc_expr_deps(a->when, &na);
			const size_t *db = sc_expr_deps(b->when, &nb);
			assert_int_equal(na, nb);
			assert_memory_equal(da, db, na * sizeof *da);
			assert_int_equal(sc_expr_eval_on(a->when, lookup, ans, 20000),
			                 sc_expr_eval_on(b->when, lookup, ans, 20000));
		}
	}
	for (size_t i = 0; i < f->nquestions; i++)
		qgen_answer_free(&ans[i]);
	free(ans);
	sc_questionnaire_free(f);
	sc_questionnaire_free(m);
	sc_diags_fini(&d);
	sc_buf_fini(&yaml);
	th_rmtree(dir);
	free(path);
	free(dir);
}

/* The parser gives the model the file's bytes it is done with; an
 * encoding error late in a big file is still placed exactly, as when the
 * same bytes are loaded from memory. */
static void
late_encoding_error_is_placed_exactly(void **state)
{
	(void)state;
	struct qgen_params p = {.nquestions = 3000, .nsections = 30,
	                        .nrules = 1500, .seed = 12};
	struct sc_buf yaml = {0};
	qgen_yaml(&p, &yaml);
	/* A byte that is not UTF-8 in a text some 200 KiB before the end. */
	size_t at = yaml.len - 200 * 1024;
	while (yaml.data[at] != ' ')
		at++;
	yaml.data[at] = (char)0xFF;
	char *dir = th_mkdtemp();
	char *path = th_write(dir, "bad.yaml", sc_buf_str(&yaml));
	struct sc_diags df, dm;
	sc_diags_init(&df);
	sc_diags_init(&dm);
	enum sc_status st;
	assert_null(sc_questionnaire_load_file(path, &df, &st));
	assert_int_equal(st, SC_EDATA);
	assert_null(sc_questionnaire_load_buffer(path, yaml.data, yaml.len, &dm,
	                                         &st));
	assert_int_equal(df.n, 1);
	assert_int_equal(dm.n, 1);
	assert_int_equal(df.v[0].line, dm.v[0].line);
	assert_int_equal(df.v[0].col, dm.v[0].col);
	assert_string_equal(df.v[0].msg, dm.v[0].msg);
	/* And it is where the byte is. */
	int line = 1;
	size_t bol = 0;
	for (size_t i = 0; i < at; i++)
		if (yaml.data[i] == '\n') {
			line++;
			bol = i + 1;
		}
	assert_int_equal(df.v[0].line, line);
	assert_int_equal(df.v[0].col, (int)(at - bol) + 1);
	sc_diags_fini(&df);
	sc_diags_fini(&dm);
	sc_buf_fini(&yaml);
	th_rmtree(dir);
	free(path);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(objects_keep_their_bytes),
		cmocka_unit_test(rewind_reuses_what_came_after_the_mark),
		cmocka_unit_test(local_block_comes_first),
		cmocka_unit_test(window_is_carved_as_far_as_it_grows),
		cmocka_unit_test(file_and_memory_loads_agree),
		cmocka_unit_test(late_encoding_error_is_placed_exactly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
