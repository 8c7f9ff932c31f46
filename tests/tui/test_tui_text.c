/* The interview's building blocks without a terminal: text width and
 * wrapping, document lines and pages, the line editor, keys and the
 * request table. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "../helpers.h"
#include "doc.h"
#include "lineedit.h"
#include "request.h"
#include "socscope/answers.h"
#include "socscope/paths.h"
#include "socscope/questionnaire.h"
#include "socscope/session.h"
#include "state.h"
#include "text.h"

static void
test_width_and_wrap(void **state)
{
	struct tui_span *v;
	(void)state;
	assert_int_equal(tui_strwidth("abc", 3), 3);
	assert_int_equal(tui_strwidth("漢字", strlen("漢字")), 4);
	/* A combining acute accent takes no column. */
	assert_int_equal(tui_strwidth("e\xcc\x81", 3), 1);

	const char *fox = "the quick brown fox";
	size_t n = tui_wrap(fox, 10, &v);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].len, 9); /* "the quick" */
	assert_memory_equal("brown fox", &fox[v[1].off], 9);
	free(v);

	/* Wide characters count two columns and break between them. */
	const char *cjk = "漢字漢字漢字";
	n = tui_wrap(cjk, 5, &v);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_true(v[i].width <= 5);
	assert_int_equal(v[0].width, 4);
	free(v);

	/* A mark stays with its letter at a forced break. */
	const char *acc = "e\xcc\x81" "e\xcc\x81" "e\xcc\x81";
	n = tui_wrap(acc, 2, &v);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].len, 6);
	free(v);

	assert_int_equal(tui_wrap_count("", 10), 1);
	assert_int_equal(tui_wrap_count("a\nb", 10), 2);
	assert_int_equal(tui_wrap_count("a longwordthatdoesnotfit", 6), 5);
}

/* A hanging line keeps its first columns on the first row and wraps the
 * rest beside them; too narrow for the hang, it wraps under the indent. */
static void
test_doc_line_hang(void **state)
{
	(void)state;
	struct tui_doc d = {0};
	d.sel = SIZE_MAX;
	struct tui_line *l = tui_doc_add(&d, TL_TEXT, SC_ROLE_TEXT, 2, "%s",
	                                 "Name      one two three four five");
	l->hang = 10;
	struct tui_span *sp;
	/* 40 columns: 2 indent, 10 hang, 28 for the rest. */
	size_t n = tui_line_wrap(l, 40, &sp);
	assert_int_equal(n, 1);
	assert_int_equal(sp[0].off, 0);
	assert_int_equal(sp[0].len, strlen(l->text));
	free(sp);
	/* 28 columns: the rest wraps in 16, beside the name. */
	n = tui_line_wrap(l, 28, &sp);
	assert_int_equal(tui_line_hang(l, 28), 10);
	assert_int_equal(n, 2);
	assert_memory_equal(l->text + sp[0].off, "Name      one two three", sp[0].len);
	assert_memory_equal(l->text + sp[1].off, "four five", sp[1].len);
	assert_int_equal(tui_line_wrap(l, 28, NULL), 2);
	free(sp);
	/* 20 columns leave 8 beside the hang: it is dropped. */
	assert_int_equal(tui_line_hang(l, 20), 0);
	n = tui_line_wrap(l, 20, &sp);
	assert_int_equal(sp[0].off, 0);
	assert_memory_equal(l->text, "Name      one two", sp[0].len);
	free(sp);
	tui_doc_fini(&d);
}

/* A page forward or back never skips a line, however long the lines. */
static void
test_doc_pages_skip_nothing(void **state)
{
	(void)state;
	struct tui_doc d = {0};
	d.sel = SIZE_MAX;
	const int width = 30, height = 6;
	for (int i = 0; i < 40; i++)
		tui_doc_add(&d, TL_TEXT, SC_ROLE_TEXT, 0,
		            "line %d%s", i, i % 3 ? "" :
		            " with words enough to wrap over three rows here");
	bool shown[40] = {false};
	for (int page = 0; page < 40; page++) {
		size_t rows = 0;
		for (size_t i = d.top; i < d.n; i++) {
			rows += tui_line_wrap(&d.v[i], width, NULL);
			if (rows > (size_t)height)
				break;
			shown[i] = true;
		}
		tui_doc_request(&d, REQ_NEXT, width, height);
	}
	for (int i = 0; i < 40; i++)
		if (!shown[i])
			fail_msg("line %d never shown whole", i);
	/* Back from the end reaches the top, the top line of each page
	 * staying on the next one up. */
	for (int page = 0; page < 40 && d.top > 0; page++) {
		size_t was = d.top;
		tui_doc_request(&d, REQ_PREV, width, height);
		size_t rows = 0;
		for (size_t i = d.top; i <= was; i++)
			rows += tui_line_wrap(&d.v[i], width, NULL);
		assert_true(d.top < was);
		assert_true(rows <= (size_t)height || d.top + 1 == was);
	}
	assert_int_equal(d.top, 0);
	tui_doc_fini(&d);
}

static void
test_lineedit_utf8(void **state)
{
	struct tui_lineedit le;
	(void)state;
	tui_le_init(&le, 0);
	assert_true(tui_le_insert(&le, 'a'));
	assert_true(tui_le_insert(&le, 0x6f22)); /* 漢 */
	assert_true(tui_le_insert(&le, 'e'));
	assert_true(tui_le_insert(&le, 0x301)); /* combining acute */
	assert_string_equal(tui_le_text(&le), "a漢e\xcc\x81");
	assert_int_equal(tui_le_cursor_col(&le), 4);
	/* Left skips the accented e as one character. */
	tui_le_request(&le, REQ_ED_LEFT);
	assert_int_equal(tui_le_cursor_col(&le), 3);
	tui_le_request(&le, REQ_ED_LEFT);
	assert_int_equal(tui_le_cursor_col(&le), 1);
	/* Insert in the middle. */
	assert_true(tui_le_insert(&le, 'b'));
	assert_string_equal(tui_le_text(&le), "ab漢e\xcc\x81");
	/* Delete removes the wide character under the cursor. */
	tui_le_request(&le, REQ_ED_DELETE);
	assert_string_equal(tui_le_text(&le), "abe\xcc\x81");
	tui_le_request(&le, REQ_ED_END);
	tui_le_request(&le, REQ_ED_BACKSPACE);
	assert_string_equal(tui_le_text(&le), "ab");
	tui_le_request(&le, REQ_ED_HOME);
	assert_int_equal(tui_le_cursor_col(&le), 0);
	tui_le_request(&le, REQ_ED_BACKSPACE); /* nothing before: no change */
	assert_string_equal(tui_le_text(&le), "ab");
	tui_le_request(&le, REQ_ED_RIGHT);
	tui_le_request(&le, REQ_ED_KILL_END);
	assert_string_equal(tui_le_text(&le), "a");
	/* Control characters are refused. */
	assert_false(tui_le_insert(&le, 0x07));
	tui_le_set(&le, "one two three");
	tui_le_request(&le, REQ_ED_KILL_WORD);
	assert_string_equal(tui_le_text(&le), "one two ");
	tui_le_request(&le, REQ_ED_KILL_START);
	assert_string_equal(tui_le_text(&le), "");
	/* Invalid UTF-8 does not get in. */
	tui_le_set(&le, "a\xff" "b");
	assert_string_equal(tui_le_text(&le), "ab");
	tui_le_fini(&le);
}

static void
test_lineedit_limits_and_view(void **state)
{
	struct tui_lineedit le;
	size_t off, len;
	int x;
	(void)state;
	tui_le_init(&le, 3);
	assert_true(tui_le_insert(&le, 0x6f22));
	assert_true(tui_le_insert(&le, 'b'));
	assert_true(tui_le_insert(&le, 'c'));
	assert_false(tui_le_insert(&le, 'd')); /* max_length is in characters */
	assert_int_equal(tui_le_chars(&le), 3);
	tui_le_fini(&le);

	tui_le_init(&le, 0);
	le.numeric = true;
	assert_true(tui_le_insert(&le, '-'));
	assert_true(tui_le_insert(&le, '4'));
	assert_false(tui_le_insert(&le, 'x'));
	tui_le_fini(&le);

	/* A field narrower than the text scrolls to keep the cursor. */
	tui_le_init(&le, 0);
	tui_le_set(&le, "漢字漢字漢字abc");
	tui_le_view(&le, 6, &off, &len, &x);
	assert_true(x >= 0 && x < 6);
	assert_true(tui_strwidth(tui_le_text(&le) + off, len) <= 6);
	tui_le_request(&le, REQ_ED_HOME);
	tui_le_view(&le, 6, &off, &len, &x);
	assert_int_equal(off, 0);
	assert_int_equal(x, 0);
	tui_le_fini(&le);
}

static void
test_key_mapping(void **state)
{
	(void)state;
	assert_int_equal(tui_key_request('q', false), REQ_QUIT);
	assert_int_equal(tui_key_request('q', true), REQ_INSERT);
	assert_int_equal(tui_key_request(TK_F(10), true), REQ_QUIT);
	assert_int_equal(tui_key_request('j', false), REQ_DOWN);
	assert_int_equal(tui_key_request(TK_DOWN, false), REQ_DOWN);
	assert_int_equal(tui_key_request('7', false), REQ_PICK);
	assert_int_equal(tui_key_request('7', true), REQ_INSERT);
	assert_int_equal(tui_key_request(' ', false), REQ_TOGGLE);
	assert_int_equal(tui_key_request(TK_TAB, true), REQ_FOCUS);
	assert_int_equal(tui_key_request(TK_LEFT, true), REQ_ED_LEFT);
	assert_int_equal(tui_key_request(TK_LEFT, false), REQ_LEFT);
	assert_int_equal(tui_key_request(TK_ESC, true), REQ_BACK);
	assert_int_equal(tui_key_request('?', false), REQ_HELP);
	assert_int_equal(tui_key_request(TK_F(1), true), REQ_HELP);
	assert_int_equal(tui_key_request('\n', false), REQ_ENTER);
	assert_int_equal(tui_key_request(TK_PPAGE, false), REQ_PREV);
	/* Every command has a function key that works while typing. */
	assert_int_equal(tui_key_request(TK_F(2), true), REQ_NOTE);
	assert_int_equal(tui_key_request(TK_F(3), true), REQ_EXPLAIN);
	assert_int_equal(tui_key_request(TK_F(4), true), REQ_REVIEW);
	assert_int_equal(tui_key_request(TK_F(6), true), REQ_WHATIF);
	assert_int_equal(tui_key_request(TK_F(7), true), REQ_PANEL);
	assert_int_equal(tui_key_request(TK_F(8), true), REQ_PANEL_SIZE);
	assert_int_equal(tui_key_request(TK_F(9), true), REQ_COMPARE);
	assert_int_equal(tui_key_request('i', true), REQ_INSERT);
	/* y and n answer a question only while one is asked. */
	assert_int_equal(tui_key_request_in('n', TKM_CONFIRM), REQ_NO);
	assert_int_equal(tui_key_request_in('y', TKM_CONFIRM), REQ_YES);
	assert_int_equal(tui_key_request_in('n', TKM_COMMAND), REQ_NOTE);
	assert_int_equal(tui_key_request_in('y', TKM_COMMAND), REQ_KEEP);
	assert_int_equal(tui_key_request_in(TK_F(1), TKM_CONFIRM), REQ_HELP);

	char buf[64];
	tui_request_keys(REQ_PICK, buf, sizeof buf);
	assert_string_equal(buf, "1-9");
	tui_request_keys(REQ_UP, buf, sizeof buf);
	assert_string_equal(buf, "Up k");
	tui_request_keys(REQ_ENTER, buf, sizeof buf);
	assert_string_equal(buf, "Enter");
}

/* No key is bound twice within the editor's requests, within the
 * confirmation's (y, n) or within the rest, and every request has a key. */
static void
test_request_table_consistent(void **state)
{
	(void)state;
	for (size_t a = 0; a < tui_request_count; a++) {
		const struct tui_request_info *ra = &tui_requests[a];
		assert_true(ra->keys[0] != 0);
		assert_non_null(tui_request_info(ra->req));
		assert_ptr_equal(tui_request_info(ra->req), ra);
		for (size_t b = a + 1; b < tui_request_count; b++) {
			const struct tui_request_info *rb = &tui_requests[b];
			if ((ra->ctx == CTX_EDIT) != (rb->ctx == CTX_EDIT) ||
			    (ra->ctx == CTX_CONFIRM) != (rb->ctx == CTX_CONFIRM))
				continue;
			for (size_t i = 0; i < TUI_MAX_KEYS && ra->keys[i]; i++)
				for (size_t j = 0; j < TUI_MAX_KEYS && rb->keys[j]; j++)
					if (ra->keys[i] == rb->keys[j])
						fail_msg("%s and %s share a key",
						         ra->name, rb->name);
		}
	}
}

int
main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "C.utf8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_and_wrap),
		cmocka_unit_test(test_doc_line_hang),
		cmocka_unit_test(test_doc_pages_skip_nothing),
		cmocka_unit_test(test_lineedit_utf8),
		cmocka_unit_test(test_lineedit_limits_and_view),
		cmocka_unit_test(test_key_mapping),
		cmocka_unit_test(test_request_table_consistent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
