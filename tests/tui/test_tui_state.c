/* The full-screen interview without a terminal: keys in, state out. */
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
#include "lineedit.h"
#include "request.h"
#include "socscope/answers.h"
#include "socscope/paths.h"
#include "socscope/questionnaire.h"
#include "socscope/session.h"
#include "state.h"
#include "text.h"

/* Question indices in fixtures/tiny.yaml. */
enum { Q_ORG, Q_SERVICES, Q_SLA, Q_EMPLOYEES, Q_MONTHS, Q_REGION, Q_COUNT };

struct fx {
	char *dir;
	char *cwd;
	struct sc_questionnaire *q;
	struct sc_interview_opts o;
	struct tui_state *st;
};

static int
setup_file(void **state, char *path, size_t nquestions)
{
	struct fx *f = calloc(1, sizeof *f);
	struct sc_diags d;
	enum sc_status rc;

	f->dir = th_mkdtemp();
	setenv("HOME", f->dir, 1);
	setenv("XDG_STATE_HOME", f->dir, 1);
	f->cwd = getcwd(NULL, 0);
	assert_int_equal(chdir(f->dir), 0);
	sc_diags_init(&d);
	f->q = sc_questionnaire_load_file(path, &d, &rc);
	if (!f->q) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		fprintf(stderr, "%s", sc_buf_str(&b));
		sc_buf_fini(&b);
	}
	assert_non_null(f->q);
	assert_int_equal(f->q->nquestions, nquestions);
	sc_diags_fini(&d);
	free(path);
	f->o.q = f->q;
	f->o.client = "Acme Payroll Ltd";
	*state = f;
	return 0;
}

static int
setup(void **state)
{
	return setup_file(state, sc_xasprintf("%s/tiny.yaml", SC_TUI_FIXTURES),
	                  Q_COUNT);
}

/* Question indices in tests/fixtures/session/named.yaml: client_question,
 * a check list with "None of these", sections that skip. */
enum { N_ORG, N_SERVICES, N_HEALTH, N_PAY_RUNS, N_SLA, N_SLA_LEVEL, N_BAA,
       N_MONTHS, N_RUSH, N_COUNT };

static int
setup_named(void **state)
{
	return setup_file(state,
	                  sc_xasprintf("%s/fixtures/session/named.yaml",
	                               SC_TESTDIR),
	                  N_COUNT);
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	tui_state_free(f->st);
	sc_questionnaire_free(f->q);
	assert_int_equal(chdir(f->cwd), 0);
	th_rmtree(f->dir);
	free(f->dir);
	free(f->cwd);
	free(f);
	return 0;
}

static struct tui_state *
start(struct fx *f)
{
	char *err = NULL;
	int code = -1;
	f->st = tui_state_new(&f->o, &err, &code);
	if (!f->st)
		fprintf(stderr, "%s\n", err);
	assert_non_null(f->st);
	free(err);
	tui_state_layout(f->st, 60, 20);
	return f->st;
}

static void
keys(struct tui_state *st, const char *utf8)
{
	size_t n = strlen(utf8);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += tui_utf8_decode(utf8 + i, n - i, &cp);
		tui_state_key(st, (int)cp);
	}
}

static const char *
saved_text(struct fx *f, const char *needle)
{
	char *path = sc_session_path("Acme Payroll Ltd");
	char *data = th_read(path, NULL);
	static char hit[256];
	free(path);
	if (!data)
		return NULL;
	const char *p = strstr(data, needle);
	snprintf(hit, sizeof hit, "%s", p ? p : "");
	free(data);
	(void)f;
	return p ? hit : NULL;
}

static bool
doc_has(const struct tui_doc *d, const char *text, enum tui_line_kind kind)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->v[i].text, text) && d->v[i].kind == kind)
			return true;
	return false;
}

/* ---- text and line editor ---------------------------------------------- */

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

/* ---- keys and requests --------------------------------------------------- */

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

	char buf[64];
	tui_request_keys(REQ_PICK, buf, sizeof buf);
	assert_string_equal(buf, "1-9");
	tui_request_keys(REQ_UP, buf, sizeof buf);
	assert_string_equal(buf, "Up k");
	tui_request_keys(REQ_ENTER, buf, sizeof buf);
	assert_string_equal(buf, "Enter");
}

/* No key is bound twice within the editor's requests or within the rest,
 * and every request has a key. */
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
			if ((ra->ctx == CTX_EDIT) != (rb->ctx == CTX_EDIT))
				continue;
			for (size_t i = 0; i < TUI_MAX_KEYS && ra->keys[i]; i++)
				for (size_t j = 0; j < TUI_MAX_KEYS && rb->keys[j]; j++)
					if (ra->keys[i] == rb->keys[j])
						fail_msg("%s and %s share a key",
						         ra->name, rb->name);
		}
	}
}

static void
test_help_lists_every_request(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);
	char keybuf[64];

	keys(st, "\t"); /* sidebar: '?' is not text there */
	tui_state_key(st, '?');
	assert_int_equal(tui_state_view(st), TV_HELP);
	for (size_t k = 0; k < tui_request_count; k++) {
		const struct tui_request_info *r = &tui_requests[k];
		bool found = false;
		tui_request_keys(r->req, keybuf, sizeof keybuf);
		for (size_t i = 0; i < st->docs[TV_HELP].n && !found; i++) {
			const char *t = st->docs[TV_HELP].v[i].text;
			found = strstr(t, r->help) && strstr(t, keybuf);
		}
		if (!found)
			fail_msg("help misses %s", r->name);
	}
	tui_state_key(st, TK_ESC);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
}

/* ---- the interview -------------------------------------------------------- */

static void
test_text_answer_q_is_a_letter(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(st->cur, Q_ORG);
	assert_true(tui_state_editing(st));
	keys(st, "Quux q 漢字");
	assert_false(st->quit);
	assert_string_equal(tui_le_text(&st->drafts[Q_ORG]), "Quux q 漢字");
	tui_state_key(st, TK_ENTER);
	assert_int_equal(st->cur, Q_SERVICES);
	assert_non_null(saved_text(f, "Quux q"));
	/* On a choice question q quits. */
	assert_false(tui_state_editing(st));
	tui_state_key(st, 'q');
	assert_true(st->quit);
}

static void
test_text_max_length(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);
	for (int i = 0; i < 45; i++)
		tui_state_key(st, 'x');
	assert_int_equal(tui_le_chars(&st->drafts[Q_ORG]), 40);
	assert_non_null(st->errors[Q_ORG]);
	assert_non_null(strstr(st->errors[Q_ORG], "40"));
}

static void
test_skip_logic_and_progress(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);
	size_t a, n;

	keys(st, "Acme\r");
	assert_int_equal(st->cur, Q_SERVICES);
	assert_false(tui_state_visible(st, Q_SLA));
	tui_state_progress(st, &a, &n);
	assert_int_equal(a, 1);
	assert_int_equal(n, 5);
	/* Digit picks the first choice (ticks it in a check list). */
	tui_state_key(st, '1');
	assert_true(tui_state_choice_selected(st, Q_SERVICES, 0));
	/* Space toggles the choice under the cursor. */
	tui_state_key(st, TK_DOWN);
	tui_state_key(st, ' ');
	assert_true(tui_state_choice_selected(st, Q_SERVICES, 1));
	assert_true(tui_state_visible(st, Q_SLA));
	tui_state_progress(st, &a, &n);
	assert_int_equal(a, 2);
	assert_int_equal(n, 6);
	tui_state_key(st, ' ');
	assert_false(tui_state_choice_selected(st, Q_SERVICES, 1));
	assert_false(tui_state_visible(st, Q_SLA));
	/* Unticking the last box leaves the question unanswered ... */
	tui_state_key(st, '1');
	assert_false(tui_state_answered(st, Q_SERVICES));
	/* ... and Enter on the empty list answers "none of these". */
	tui_state_key(st, TK_ENTER);
	assert_true(tui_state_answered(st, Q_SERVICES));
	assert_int_equal(st->s->a->v[Q_SERVICES].nsel, 0);
	tui_state_key(st, TK_TAB);
	tui_state_key(st, 'r');
	assert_true(doc_has(&st->docs[TV_REVIEW], "None of these", TL_TEXT));
	tui_state_key(st, TK_ESC);
	tui_state_key(st, TK_TAB);
	tui_state_key(st, TK_PPAGE);
	assert_int_equal(st->cur, Q_SERVICES);
	tui_state_key(st, '1');
	/* Enter goes past the hidden question. */
	tui_state_key(st, TK_ENTER);
	assert_int_equal(st->cur, Q_EMPLOYEES);
	/* Going back and ticking hosting shows it again. */
	tui_state_key(st, TK_PPAGE);
	assert_int_equal(st->cur, Q_SERVICES);
	tui_state_key(st, '2');
	tui_state_key(st, TK_NPAGE);
	assert_int_equal(st->cur, Q_SLA);
	/* Yes/no with unsure: three rows, 3 picks "Not sure". */
	assert_int_equal(tui_state_nchoices(st, Q_SLA), 3);
	tui_state_key(st, '3');
	assert_true(tui_state_choice_selected(st, Q_SLA, 2));
	assert_non_null(saved_text(f, "has_sla: unsure"));
}

static void
test_number_range_as_you_type(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r1\r");
	assert_int_equal(st->cur, Q_EMPLOYEES);
	tui_state_key(st, '0');
	assert_non_null(st->errors[Q_EMPLOYEES]);
	assert_non_null(strstr(st->errors[Q_EMPLOYEES], "between 1 and 5000"));
	tui_state_key(st, TK_BACKSPACE);
	assert_null(st->errors[Q_EMPLOYEES]);
	keys(st, "9999");
	assert_non_null(st->errors[Q_EMPLOYEES]);
	/* Enter does not accept it, and does not move on. */
	tui_state_key(st, TK_ENTER);
	assert_int_equal(st->cur, Q_EMPLOYEES);
	assert_null(saved_text(f, "employees:"));
	/* Moving away keeps what was typed, with its error. */
	tui_state_key(st, TK_NPAGE);
	assert_int_equal(st->cur, Q_MONTHS);
	tui_state_key(st, TK_PPAGE);
	assert_int_equal(st->cur, Q_EMPLOYEES);
	assert_string_equal(tui_le_text(&st->drafts[Q_EMPLOYEES]), "9999");
	assert_non_null(st->errors[Q_EMPLOYEES]);
	/* Letters are refused with a message. */
	tui_state_key(st, TK_BACKSPACE);
	tui_state_key(st, 'a');
	assert_string_equal(tui_le_text(&st->drafts[Q_EMPLOYEES]), "999");
	assert_non_null(strstr(st->errors[Q_EMPLOYEES], "digits"));
	tui_state_key(st, TK_ENTER);
	assert_int_equal(st->cur, Q_MONTHS);
	assert_non_null(saved_text(f, "employees: 999"));
}

static void
test_typed_draft_survives_moving(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Half typed");
	tui_state_key(st, TK_NPAGE);
	assert_int_equal(st->cur, Q_SERVICES);
	/* A valid draft is confirmed on leaving. */
	assert_non_null(saved_text(f, "Half typed"));
	tui_state_key(st, TK_PPAGE);
	assert_string_equal(tui_le_text(&st->drafts[Q_ORG]), "Half typed");
	/* A pending edit is committed on a signal-triggered exit. */
	keys(st, " more");
	tui_state_commit_pending(st);
	assert_non_null(saved_text(f, "Half typed more"));
	/* So is a note being written. */
	tui_state_key(st, TK_TAB); /* sidebar: 'n' is not text there */
	tui_state_key(st, 'n');
	assert_true(st->note_mode);
	keys(st, "unfinished note");
	tui_state_commit_pending(st);
	assert_non_null(saved_text(f, "unfinished note"));
}

static void
test_sidebar_focus_and_jump(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	assert_int_equal(st->focus, TF_QUESTION);
	tui_state_key(st, TK_TAB);
	assert_int_equal(st->focus, TF_SIDEBAR);
	assert_false(tui_state_editing(st));
	assert_int_equal(st->side_sel, 0);
	tui_state_key(st, 'j');
	assert_int_equal(st->side_sel, 1);
	tui_state_key(st, TK_ENTER);
	assert_int_equal(st->focus, TF_QUESTION);
	assert_int_equal(st->cur, Q_MONTHS);
	/* Esc from the sidebar returns to the question. */
	tui_state_key(st, TK_TAB);
	tui_state_key(st, TK_ESC);
	assert_int_equal(st->focus, TF_QUESTION);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(tui_state_section(st, 0), TS_REQUIRED);
	tui_state_click_section(st, 0);
	assert_int_equal(st->cur, Q_ORG);
}

static void
test_long_choice_list(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	tui_state_click_section(st, 1);
	tui_state_key(st, TK_NPAGE);
	assert_int_equal(st->cur, Q_REGION);
	tui_state_key(st, 'G');
	assert_int_equal(st->cursor[Q_REGION], 14);
	tui_state_key(st, TK_ENTER);
	assert_true(tui_state_choice_selected(st, Q_REGION, 14));
	/* The last question's Enter shows the results. */
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	assert_true(doc_has(&st->docs[TV_RESULTS], "GDPR", TL_TEXT));
	/* Required questions still open are listed and jump. */
	assert_true(doc_has(&st->docs[TV_RESULTS], "called?", TL_QUESTION));
	tui_state_key(st, TK_ESC);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	tui_state_key(st, '5');
	assert_true(tui_state_choice_selected(st, Q_REGION, 4));
	tui_state_click_choice(st, 1);
	assert_true(tui_state_choice_selected(st, Q_REGION, 1));
	assert_false(tui_state_choice_selected(st, Q_REGION, 4));
}

static bool
live_has(const struct tui_state *st, const char *text, bool changed)
{
	for (size_t i = 0; i < st->live.n; i++)
		if (strstr(st->live.v[i].text, text) &&
		    st->live.v[i].changed == changed)
			return true;
	return false;
}

static void
test_live_panel_flips(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r1");
	assert_true(live_has(st, "SOC 1 Type II", true));
	/* Untick payroll, tick hosting: SOC 1 goes, SOC 2 comes, marked. */
	keys(st, "12");
	assert_false(live_has(st, "SOC 1", false) || live_has(st, "SOC 1", true));
	assert_true(live_has(st, "SOC 2 Type II", true));
	assert_true(live_has(st, "Security (required)", true));
	/* The flip is also said in words in the message line. */
	assert_non_null(st->message);
	assert_non_null(strstr(st->message, "Recommendation now: SOC 2"));
	/* A short deadline flips the type. */
	tui_state_click_section(st, 1);
	keys(st, "3\r");
	assert_true(live_has(st, "SOC 2 Type I", true));
	tui_state_key(st, 'p');
	assert_false(st->panel);
}

static void
test_notes_review_explain(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r1");
	tui_state_key(st, 'n');
	assert_true(st->note_mode);
	assert_true(tui_state_editing(st));
	keys(st, "ask about payroll q");
	assert_false(st->quit);
	tui_state_key(st, TK_ENTER);
	assert_false(st->note_mode);
	assert_non_null(saved_text(f, "ask about payroll q"));

	tui_state_key(st, 'r');
	assert_int_equal(tui_state_view(st), TV_REVIEW);
	assert_true(doc_has(&st->docs[TV_REVIEW], "Note: ask about payroll q",
	                    TL_TEXT));
	assert_true(doc_has(&st->docs[TV_REVIEW], "Run their payroll", TL_TEXT));
	/* Jump back to the first question from the review. */
	tui_state_key(st, 'g');
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(st->cur, Q_ORG);

	tui_state_key(st, TK_TAB);
	tui_state_key(st, 'e');
	assert_int_equal(tui_state_view(st), TV_EXPLAIN);
	const struct tui_doc *d = &st->docs[TV_EXPLAIN];
	assert_true(doc_has(d, "Payroll errors", TL_TEXT));
	assert_int_equal(d->v[d->sel].kind, TL_QUESTION);
	assert_int_equal(d->v[d->sel].target, Q_SERVICES);
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(st->cur, Q_SERVICES);
	/* Esc backs out of each view. */
	tui_state_key(st, 's');
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	tui_state_key(st, 'e');
	assert_int_equal(tui_state_view(st), TV_EXPLAIN);
	tui_state_key(st, TK_ESC);
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	tui_state_key(st, TK_ESC);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
}

static bool
doc_says_soc3_type(const struct tui_doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->v[i].text, "SOC 3 Type"))
			return true;
	return false;
}

/* A SOC 3 has no type: the panel, the results and the Why view say what
 * it is instead. */
static void
test_soc3_has_no_type(void **state)
{
	struct fx *f = *state;
	struct sc_diags d;
	enum sc_status rc;
	char *qpath = th_src("tests/fixtures/report/report.yaml");
	char *apath = th_src("tests/fixtures/report/full.yaml");
	char *text = th_read(apath, NULL);
	assert_non_null(text);
	/* A copy: the interview saves to the file it opened. */
	char *copy = th_write(f->dir, "full.yaml", text);
	sc_diags_init(&d);
	struct sc_questionnaire *q = sc_questionnaire_load_file(qpath, &d, &rc);
	assert_non_null(q);
	sc_diags_fini(&d);
	f->o.q = q;
	f->o.answers_path = copy;
	struct tui_state *st = start(f);
	const char *title =
		"SOC 3 (public summary of the SOC 2 Type II, same period)";

	assert_true(live_has(st, title, false) || live_has(st, title, true));
	assert_false(doc_says_soc3_type(&st->live));
	tui_state_key(st, TK_F(5));
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	assert_true(doc_has(&st->docs[TV_RESULTS], title, TL_TEXT));
	assert_true(doc_has(&st->docs[TV_RESULTS], "SOC 2 Type II and SOC 3 "
	                    "(Security, Availability, Confidentiality)", TL_TEXT));
	assert_false(doc_says_soc3_type(&st->docs[TV_RESULTS]));
	tui_state_key(st, 'e');
	assert_int_equal(tui_state_view(st), TV_EXPLAIN);
	assert_true(doc_has(&st->docs[TV_EXPLAIN], title, TL_TEXT));
	assert_false(doc_says_soc3_type(&st->docs[TV_EXPLAIN]));

	tui_state_free(st);
	f->st = NULL;
	sc_questionnaire_free(q);
	f->o.q = f->q;
	f->o.answers_path = NULL;
	free(copy);
	free(text);
	free(apath);
	free(qpath);
}

static void
test_export(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r1\r");
	/* On a number question 's' is typed; F5 opens the results. */
	assert_int_equal(st->cur, Q_EMPLOYEES);
	tui_state_key(st, TK_F(5));
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	tui_state_key(st, 'w');
	assert_true(st->export_mode);
	assert_true(tui_state_editing(st));
	assert_string_equal(tui_le_text(&st->export_ed),
	                    "acme-payroll-ltd-socscope.txt");
	/* The format follows Down; an unedited path follows the format. */
	tui_state_key(st, TK_DOWN);
	tui_state_key(st, TK_DOWN);
	tui_state_key(st, TK_DOWN);
	assert_int_equal(st->export_fmt, SC_FMT_JSON);
	assert_string_equal(tui_le_text(&st->export_ed),
	                    "acme-payroll-ltd-socscope.json");
	tui_state_key(st, TK_ENTER);
	assert_false(st->export_mode);
	assert_false(st->message_error);
	char *json = th_read("acme-payroll-ltd-socscope.json", NULL);
	assert_non_null(json);
	assert_non_null(strstr(json, "\"soc1\""));
	free(json);
	/* An error is shown in place and the prompt stays. */
	tui_state_key(st, 'w');
	tui_state_key(st, TK_CTRL('u'));
	keys(st, "no/such/dir/x.json");
	tui_state_key(st, TK_ENTER);
	assert_true(st->export_mode);
	assert_true(st->message_error);
	assert_string_equal(tui_le_text(&st->export_ed), "no/such/dir/x.json");
	tui_state_key(st, TK_ESC);
	assert_false(st->export_mode);
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	/* "~/" is the home directory. */
	tui_state_key(st, 'w');
	tui_state_key(st, TK_CTRL('u'));
	keys(st, "~/home.csv");
	tui_state_key(st, TK_UP); /* json -> markdown: the typed path stays */
	assert_string_equal(tui_le_text(&st->export_ed), "~/home.csv");
	tui_state_key(st, TK_ENTER);
	assert_false(st->message_error);
	char *p = sc_xasprintf("%s/home.csv", f->dir);
	char *md = th_read(p, NULL);
	assert_non_null(md);
	free(md);
	free(p);
}

/* The export writes where the path points: through a symbolic link to
 * its target, into a FIFO (read by a child here), never replacing them. */
static void
test_export_through_link_and_fifo(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r1\r");
	assert_int_equal(mkdir("real", 0700), 0);
	assert_int_equal(symlink("real/report.md", "link.md"), 0);
	tui_state_key(st, TK_F(5));
	tui_state_key(st, 'w');
	tui_state_key(st, TK_CTRL('u'));
	keys(st, "link.md");
	tui_state_key(st, TK_ENTER);
	assert_false(st->message_error);
	struct stat sb;
	assert_int_equal(lstat("link.md", &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	char *text = th_read("real/report.md", NULL);
	assert_non_null(text);
	assert_non_null(strstr(text, "SOC 1"));
	free(text);

	assert_int_equal(mkfifo("report.fifo", 0600), 0);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* The child copies what comes through the FIFO to a file. */
		FILE *in = fopen("report.fifo", "rb");
		FILE *out = fopen("from-fifo.txt", "wb");
		int c;
		while (in && out && (c = getc(in)) != EOF)
			putc(c, out);
		_exit(in && out && fclose(out) == 0 ? 0 : 1);
	}
	tui_state_key(st, 'w');
	tui_state_key(st, TK_CTRL('u'));
	keys(st, "report.fifo");
	tui_state_key(st, TK_ENTER);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_false(st->message_error);
	assert_int_equal(lstat("report.fifo", &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	text = th_read("from-fifo.txt", NULL);
	assert_non_null(text);
	assert_non_null(strstr(text, "SOC 1"));
	free(text);
}

/* A session open in another interview opens read-only: it can be read,
 * its results seen and exported; no answer or note changes. */
static void
test_read_only_when_open_elsewhere(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);
	keys(st, "Acme\r");
	assert_int_equal(st->cur, Q_SERVICES);

	char *err = NULL;
	int code = -1;
	struct tui_state *ro = tui_state_new(&f->o, &err, &code);
	assert_non_null(ro);
	tui_state_layout(ro, 60, 20);
	assert_true(ro->s->read_only);
	assert_true(ro->message_error);
	assert_non_null(strstr(ro->message, "Read-only: this interview is open in "
	                                    "socscope process"));
	assert_int_equal(ro->cur, Q_SERVICES);
	tui_state_key(ro, '1');
	tui_state_key(ro, ' ');
	assert_false(tui_state_choice_selected(ro, Q_SERVICES, 0));
	tui_state_click_choice(ro, 0);
	assert_false(tui_state_choice_selected(ro, Q_SERVICES, 0));
	tui_state_key(ro, 'n');
	assert_false(ro->note_mode);
	tui_state_key(ro, 'x');
	/* Enter moves on, picking nothing. */
	tui_state_key(ro, TK_ENTER);
	assert_int_equal(ro->cur, Q_EMPLOYEES);
	tui_state_key(ro, '5');
	assert_string_equal(tui_le_text(&ro->drafts[Q_EMPLOYEES]), "");
	tui_state_key(ro, TK_F(5));
	tui_state_key(ro, 'w');
	tui_state_key(ro, TK_ENTER);
	assert_false(ro->message_error);
	char *text = th_read("acme-payroll-ltd-socscope.txt", NULL);
	assert_non_null(text);
	free(text);
	tui_state_commit_pending(ro);
	tui_state_free(ro);
	free(err);

	/* Nothing of it reached the file; the holder goes on. */
	char *path = sc_session_path("Acme Payroll Ltd");
	char *saved = th_read(path, NULL);
	assert_non_null(saved);
	assert_null(strstr(saved, "services"));
	free(saved);
	tui_state_key(st, '1');
	assert_true(tui_state_choice_selected(st, Q_SERVICES, 0));
	saved = th_read(path, NULL);
	assert_non_null(strstr(saved, "services"));
	free(saved);
	free(path);
}

static void
test_picker_resumes(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r");
	tui_state_free(st);
	f->st = NULL;

	/* No client: the picker lists the saved session. */
	f->o.client = NULL;
	st = start(f);
	assert_int_equal(tui_state_view(st), TV_START);
	assert_false(tui_state_editing(st));
	const struct tui_doc *d = &st->docs[TV_START];
	assert_int_equal(d->v[d->sel].kind, TL_SESSION);
	assert_non_null(strstr(d->v[d->sel].text, "Acme Payroll Ltd"));
	assert_non_null(strstr(d->v[d->sel].text, "1/5"));
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(st->cur, Q_SERVICES);
	assert_true(tui_state_answered(st, Q_ORG));
}

static void
test_picker_new_interview(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r");
	tui_state_free(st);
	f->o.client = NULL;
	st = f->st = NULL;
	st = start(f);
	tui_state_key(st, 'G');
	assert_int_equal(st->docs[TV_START].v[st->docs[TV_START].sel].kind,
	                 TL_NEW);
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_NAME);
	assert_true(tui_state_editing(st));
	/* Esc returns to the picker; Enter with no name asks for one. */
	tui_state_key(st, TK_ESC);
	assert_int_equal(tui_state_view(st), TV_START);
	tui_state_key(st, TK_ENTER);
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_NAME);
	assert_true(st->message_error);
	keys(st, "Globex Corp\r");
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_string_equal(st->s->a->client, "Globex Corp");
	assert_non_null(strstr(st->s->path, "globex-corp.yaml"));
}

static void
test_no_sessions_asks_name(void **state)
{
	struct fx *f = *state;
	f->o.client = NULL;
	struct tui_state *st = start(f);
	assert_int_equal(tui_state_view(st), TV_NAME);
	tui_state_key(st, 'q');
	assert_false(st->quit);
	assert_string_equal(tui_le_text(&st->name_ed), "q");
}

static void
test_clear_answer(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);
	keys(st, "Acme\r1");
	assert_true(tui_state_answered(st, Q_SERVICES));
	tui_state_key(st, 'x');
	assert_false(tui_state_answered(st, Q_SERVICES));
	assert_null(saved_text(f, "payroll"));
}

static void
test_bad_answers_file(void **state)
{
	struct fx *f = *state;
	char *err = NULL;
	int code = 0;
	char *p = th_write(f->dir, "bad.yaml",
	                   "socscope: 1\nquestionnaire: tui-tiny\nanswers:\n"
	                   "  nosuch: 1\n");
	f->o.answers_path = p;
	assert_null(tui_state_new(&f->o, &err, &code));
	assert_int_equal(code, 65);
	assert_non_null(err);
	assert_non_null(strstr(err, "bad.yaml:4:"));
	free(err);
	free(p);
}


static void
test_results_scroll_like_a_pager(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r12\r");
	tui_state_key(st, TK_F(5));
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	/* A short screen: the recommendation shows first, although the
	 * only selectable lines (open required questions) are far below. */
	tui_state_layout(st, 60, 6);
	tui_state_key(st, TK_ESC);
	tui_state_key(st, TK_F(5));
	const struct tui_doc *d = &st->docs[TV_RESULTS];
	assert_int_equal(d->top, 0);
	assert_int_equal(d->v[d->sel].kind, TL_QUESTION);
	/* Enter does not open a selection that cannot be seen ... */
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	assert_true(d->top > 0);
	/* ... now it can, and Enter jumps to the open question. */
	size_t target = d->v[d->sel].target;
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(st->cur, target);
	/* Down scrolls a page at a time through text without selections. */
	tui_state_key(st, TK_TAB);
	tui_state_key(st, '?');
	d = &st->docs[TV_HELP];
	assert_int_equal(d->top, 0);
	tui_state_key(st, 'j');
	assert_int_equal(d->top, 1);
	tui_state_key(st, 'G');
	size_t last = d->top;
	assert_true(last > 1);
	tui_state_key(st, 'j');
	assert_int_equal(d->top, last);
	tui_state_key(st, 'g');
	assert_int_equal(d->top, 0);
}

static void
test_note_cancel_and_boundaries(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r");
	tui_state_key(st, 'n');
	keys(st, "not kept");
	tui_state_key(st, TK_ESC);
	assert_false(st->note_mode);
	assert_null(st->s->a->notes[Q_SERVICES]);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	/* PgUp on the first question says so and stays. */
	tui_state_key(st, TK_PPAGE);
	assert_int_equal(st->cur, Q_ORG);
	tui_state_key(st, TK_PPAGE);
	assert_int_equal(st->cur, Q_ORG);
	assert_non_null(st->message);
	/* F10 quits even while typing, keeping what was typed. */
	keys(st, " Ltd");
	tui_state_key(st, TK_F(10));
	assert_true(st->quit);
	assert_non_null(saved_text(f, "Acme Ltd"));
}

static void
test_mouse_lines(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r1\r");
	tui_state_key(st, TK_F(5));
	tui_state_key(st, 'r');
	assert_int_equal(tui_state_view(st), TV_REVIEW);
	const struct tui_doc *d = &st->docs[TV_REVIEW];
	size_t line = SIZE_MAX;
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].kind == TL_QUESTION && d->v[i].target == Q_SERVICES)
			line = i;
	assert_true(line != SIZE_MAX);
	/* Text lines do not take the selection. */
	tui_state_click_line(st, 0, false);
	assert_true(d->sel != 0);
	tui_state_click_line(st, line, false);
	assert_int_equal(d->sel, line);
	assert_int_equal(tui_state_view(st), TV_REVIEW);
	tui_state_click_line(st, line, true);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(st->cur, Q_SERVICES);
	/* The wheel moves the cursor in a choice list. */
	tui_state_scroll(st, 3);
	assert_int_equal(st->cursor[Q_SERVICES], 2);
}

/* A default is shown, but it is an answer only once confirmed. */
static void
test_defaults_need_confirming(void **state)
{
	struct fx *f = *state;
	struct sc_diags d;
	enum sc_status rc;
	char *path = sc_xasprintf("%s/defaults.yaml", SC_TUI_FIXTURES);
	char *err = NULL;
	int code;

	sc_diags_init(&d);
	struct sc_questionnaire *q = sc_questionnaire_load_file(path, &d, &rc);
	assert_non_null(q);
	struct sc_interview_opts o = {.q = q, .client = "Defaults Co"};
	struct tui_state *st = tui_state_new(&o, &err, &code);
	assert_non_null(st);
	assert_string_equal(tui_le_text(&st->drafts[0]), "10");
	assert_false(tui_state_answered(st, 0));
	/* Passing by leaves it open ... */
	tui_state_key(st, TK_NPAGE);
	assert_false(tui_state_answered(st, 0));
	assert_int_equal(st->cur, 1);
	assert_int_equal(st->cursor[1], 1); /* on "No", the default */
	assert_false(tui_state_answered(st, 1));
	/* ... Enter confirms it. */
	tui_state_key(st, TK_ENTER);
	assert_true(tui_state_choice_selected(st, 1, 1));
	tui_state_key(st, TK_PPAGE);
	tui_state_key(st, TK_PPAGE);
	assert_int_equal(st->cur, 0);
	tui_state_key(st, TK_ENTER);
	assert_true(tui_state_answered(st, 0));
	assert_true(st->s->a->v[0].num == 10);
	tui_state_free(st);
	sc_questionnaire_free(q);
	sc_diags_fini(&d);
	free(path);
	(void)f;
}

static void
test_paste_is_text(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	tui_state_key(st, TK_PASTE_START);
	keys(st, "Acme\tPayroll\rq");
	tui_state_key(st, TK_PASTE_END);
	assert_false(st->quit);
	assert_int_equal(st->cur, Q_ORG);
	assert_string_equal(tui_le_text(&st->drafts[Q_ORG]), "Acme Payroll q");
	/* A paste outside a text input does nothing at all. */
	tui_state_key(st, TK_ENTER);
	assert_int_equal(st->cur, Q_SERVICES);
	tui_state_key(st, TK_PASTE_START);
	keys(st, "12q");
	tui_state_key(st, TK_PASTE_END);
	assert_false(st->quit);
	assert_false(tui_state_answered(st, Q_SERVICES));
}

/* ---- the name, progress, skipped sections, "None of these" ------------- */

static void
test_client_name_asked_once(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	/* The name given at the start answers the client question, so the
	 * interview starts after it ... */
	assert_int_equal(st->cur, N_SERVICES);
	assert_string_equal(st->s->a->v[N_ORG].text, "Acme Payroll Ltd");
	tui_state_key(st, '1');
	assert_non_null(saved_text(f, "org_name: Acme Payroll Ltd"));
	/* Going back reaches it. */
	tui_state_key(st, TK_PPAGE);
	assert_int_equal(st->cur, N_ORG);
	/* It stays editable, and its answer is the client's name. */
	keys(st, "\x15" "Renamed Co\r");
	assert_int_equal(st->cur, N_SERVICES);
	assert_string_equal(st->s->a->client, "Renamed Co");
	assert_non_null(saved_text(f, "client: Renamed Co"));
	/* From the review too. */
	tui_state_key(st, 'r');
	assert_int_equal(tui_state_view(st), TV_REVIEW);
	assert_true(doc_has(&st->docs[TV_REVIEW], "Renamed Co", TL_TEXT));
}

static void
test_client_question_asked_without_a_name(void **state)
{
	struct fx *f = *state;
	f->o.client = NULL;
	f->o.answers_path = "own.yaml";
	struct tui_state *st = start(f);

	/* No name yet: the question is asked, and names the client. */
	assert_int_equal(st->cur, N_ORG);
	keys(st, "Asked Co\r");
	assert_int_equal(st->cur, N_SERVICES);
	assert_string_equal(st->s->a->client, "Asked Co");
}

static void
test_progress_and_skipped_sections(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);
	size_t seen[16], n = 0;

	seen[n++] = tui_state_sections_done(st);
	assert_int_equal(seen[0], 0);
	/* Payroll, no health data: hosting and health data do not apply. */
	keys(st, "1\r");
	seen[n++] = tui_state_sections_done(st);
	assert_int_equal(st->cur, N_HEALTH);
	keys(st, "2\r");
	seen[n++] = tui_state_sections_done(st);
	assert_int_equal(st->cur, N_PAY_RUNS);
	assert_null(st->passed);
	keys(st, "40\r");
	seen[n++] = tui_state_sections_done(st);
	assert_int_equal(st->cur, N_MONTHS);
	/* Passing them is said, with the section's note or a sentence that
	 * names the answer that hid it. */
	assert_non_null(st->passed);
	assert_string_equal(st->passed,
	                    "Section 3 (Hosting) does not apply because of your "
	                    "answer to \"What do you do for your clients?\"\n"
	                    "The health data questions do not apply, since you "
	                    "handle no health records.");
	/* Basics and Payroll done, Hosting and Health data passed over. */
	assert_int_equal(seen[n - 1], 4);
	keys(st, "12\r");
	seen[n++] = tui_state_sections_done(st);
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	assert_int_equal(seen[n - 1], 6);
	for (size_t k = 1; k < n; k++)
		assert_true(seen[k - 1] <= seen[k]);
	/* The results list every section that did not apply. */
	assert_true(doc_has(&st->docs[TV_RESULTS], "Sections that do not apply",
	                    TL_TEXT));
	assert_true(doc_has(&st->docs[TV_RESULTS],
	                    "Section 6 (A close deadline) does not apply "
	                    "because of your answer to \"In how many months",
	                    TL_TEXT));
	assert_true(doc_has(&st->docs[TV_RESULTS], "The health data questions",
	                    TL_TEXT));
	/* Back at a question, the notice is gone: it was said on passing. */
	tui_state_key(st, TK_ESC);
	tui_state_key(st, TK_PPAGE);
	assert_int_equal(st->cur, N_PAY_RUNS);
	assert_null(st->passed);
	/* Going back never makes the count fall: the passed sections still
	 * lie before the first open question. */
	assert_int_equal(tui_state_sections_done(st), 6);
}

static void
test_none_of_these_stands_alone(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	assert_int_equal(st->cur, N_SERVICES);
	keys(st, "12");
	assert_true(tui_state_choice_selected(st, N_SERVICES, 0));
	assert_true(tui_state_choice_selected(st, N_SERVICES, 1));
	/* Ticking "None of these" clears the others ... */
	keys(st, "3");
	assert_int_equal(st->s->a->v[N_SERVICES].nsel, 1);
	assert_true(tui_state_choice_selected(st, N_SERVICES, 2));
	/* ... and ticking another clears it. */
	keys(st, "2");
	assert_int_equal(st->s->a->v[N_SERVICES].nsel, 1);
	assert_true(tui_state_choice_selected(st, N_SERVICES, 1));
	assert_false(tui_state_choice_selected(st, N_SERVICES, 2));
	/* Nothing ticked and Enter: no empty answer; the question stays
	 * open (None of these is how to say none). */
	keys(st, "2");
	assert_false(tui_state_answered(st, N_SERVICES));
	tui_state_key(st, TK_ENTER);
	assert_int_equal(st->cur, N_HEALTH);
	assert_false(tui_state_answered(st, N_SERVICES));
	assert_non_null(st->message);
	assert_string_equal(st->message, "Nothing ticked, so the question stays "
	                    "open; tick \"None of these\" if none applies.");
	tui_state_key(st, TK_PPAGE);
	keys(st, "3\r");
	assert_true(tui_state_answered(st, N_SERVICES));
	assert_non_null(saved_text(f, "services: [none]"));
}

int
main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "C.utf8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_and_wrap),
		cmocka_unit_test(test_lineedit_utf8),
		cmocka_unit_test(test_lineedit_limits_and_view),
		cmocka_unit_test(test_key_mapping),
		cmocka_unit_test(test_request_table_consistent),
#define T(n) cmocka_unit_test_setup_teardown(n, setup, teardown)
		T(test_help_lists_every_request),
		T(test_text_answer_q_is_a_letter),
		T(test_text_max_length),
		T(test_skip_logic_and_progress),
		T(test_number_range_as_you_type),
		T(test_typed_draft_survives_moving),
		T(test_sidebar_focus_and_jump),
		T(test_long_choice_list),
		T(test_live_panel_flips),
		T(test_notes_review_explain),
		T(test_soc3_has_no_type),
		T(test_export),
		T(test_export_through_link_and_fifo),
		T(test_read_only_when_open_elsewhere),
		T(test_picker_resumes),
		T(test_picker_new_interview),
		T(test_no_sessions_asks_name),
		T(test_clear_answer),
		T(test_bad_answers_file),
		T(test_results_scroll_like_a_pager),
		T(test_note_cancel_and_boundaries),
		T(test_mouse_lines),
		T(test_defaults_need_confirming),
		T(test_paste_is_text),
#define N(n) cmocka_unit_test_setup_teardown(n, setup_named, teardown)
		N(test_client_name_asked_once),
		N(test_client_question_asked_without_a_name),
		N(test_progress_and_skipped_sections),
		N(test_none_of_these_stands_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
