/* The question view without a terminal: keys in, state out.  Answers
 * picked and typed, drafts, notes, the sections sidebar, the live panel,
 * progress and a session open elsewhere. */
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
#include "keybar.h"
#include "lineedit.h"
#include "request.h"
#include "socscope/answers.h"
#include "socscope/paths.h"
#include "socscope/questionnaire.h"
#include "socscope/session.h"
#include "state.h"
#include "text.h"
#include "tui_fixture.h"
#include "uistate.h"

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

/* In a text field letters are text (i included); Esc leaves the field,
 * after which letters are commands, and Enter goes back into it; F2 and
 * n write a note on a typed question. */
static void
test_esc_leaves_the_field(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	assert_int_equal(st->cur, Q_ORG);
	keys(st, "subscription.i");
	assert_string_equal(tui_le_text(&st->drafts[Q_ORG]), "subscription.i");
	assert_null(st->saved);
	tui_state_key(st, TK_BACKSPACE);
	tui_state_key(st, TK_BACKSPACE);
	tui_state_key(st, TK_ESC);
	assert_true(st->field_off);
	assert_false(tui_state_editing(st));
	tui_state_key(st, 'i');
	assert_non_null(st->saved);
	tui_state_key(st, 'i'); /* nothing changed: off again */
	assert_null(st->saved);
	assert_string_equal(tui_le_text(&st->drafts[Q_ORG]), "subscription");
	assert_non_null(saved_text(f, "org_name: subscription"));
	/* Enter: back into the field. */
	tui_state_key(st, TK_ENTER);
	assert_false(st->field_off);
	assert_true(tui_state_editing(st));
	/* F2 while typing, n after Esc: a note on a text question. */
	tui_state_key(st, TK_F(2));
	assert_true(st->note_mode);
	keys(st, "spelling checked\r");
	assert_false(st->note_mode);
	assert_non_null(saved_text(f, "spelling checked"));
	tui_state_key(st, TK_ESC);
	tui_state_key(st, 'n');
	assert_true(st->note_mode);
	assert_string_equal(tui_le_text(&st->note_ed), "spelling checked");
	tui_state_key(st, TK_ESC);
	assert_false(st->note_mode);
	/* Another question starts with its field taking the keys. */
	tui_state_key(st, TK_NPAGE);
	tui_state_key(st, TK_NPAGE);
	assert_int_equal(st->cur, Q_EMPLOYEES);
	assert_false(st->field_off);
	assert_true(tui_state_editing(st));
	tui_state_key(st, TK_F(2));
	assert_true(st->note_mode);
	keys(st, "ask HR\r");
	assert_non_null(saved_text(f, "ask HR"));
}

/* Every entry of the question's key bar fits on two rows of 80 columns,
 * choosing or typing, in what-if or not; while typing each is named by a
 * key that works there (no letter). */
static void
test_keybar_fits_80_columns(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);
	struct tui_keybar_item v[TUI_KEYBAR_MAX];

	for (int round = 0; round < 4; round++) {
		bool typing = round % 2 == 0;
		if (round == 2)
			tui_state_key(st, TK_F(6)); /* what-if */
		if (typing)
			assert_true(tui_state_editing(st));
		size_t n = tui_keybar_items(st, v, TUI_KEYBAR_MAX);
		assert_true(n >= 10);
		int rows = tui_keybar_layout(v, n, 80, 2);
		assert_true(rows <= 2);
		bool note = false, whatif = false, panel = false;
		for (size_t i = 0; i < n; i++) {
			bool moving = v[i].req == REQ_PREV || v[i].req == REQ_NEXT;
			if (!moving && v[i].row < 0)
				fail_msg("\"%s %s\" left out", v[i].key, v[i].label);
			if (typing && strlen(v[i].key) == 1)
				fail_msg("\"%s\" is text while typing", v[i].key);
			note |= v[i].req == REQ_NOTE;
			whatif |= v[i].req == REQ_WHATIF;
			panel |= v[i].req == REQ_PANEL;
		}
		assert_true(note && whatif && panel);
		/* The next question: a choice list. */
		if (typing)
			tui_state_key(st, TK_NPAGE);
		else
			tui_state_key(st, TK_PPAGE);
	}
}

/* Where the interview was and the panel setting come back when the
 * session is opened again; the answers file holds nothing of it. */
static void
test_place_kept_between_runs(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r1\r");
	tui_state_key(st, TK_NPAGE);
	assert_int_equal(st->cur, Q_MONTHS);
	tui_state_key(st, TK_F(7));
	assert_false(st->panel);
	tui_state_key(st, TK_F(8));
	assert_true(st->panel); /* a size shows the panel, as it was */
	assert_int_equal(st->panel_size, TP_NORMAL);
	tui_state_key(st, TK_F(8));
	assert_int_equal(st->panel_size, TP_WIDE);
	tui_state_key(st, TK_F(8));
	assert_int_equal(st->panel_size, TP_FULL);
	tui_state_key(st, TK_ESC); /* back beside the question */
	assert_int_equal(st->panel_size, TP_NORMAL);
	tui_state_key(st, TK_F(8));
	assert_int_equal(st->panel_size, TP_WIDE);
	tui_state_key(st, TK_F(7));
	assert_false(st->panel);
	assert_true(tui_uistate_save(st));
	tui_state_free(st);
	f->st = NULL;

	char *path = sc_session_path("Acme Payroll Ltd");
	char *ui = tui_uistate_path(path);
	struct stat sb;
	assert_int_equal(stat(ui, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_non_null(strstr(ui, "/.acme-payroll-ltd.ui"));
	assert_null(saved_text(f, "months_needed"));
	assert_null(saved_text(f, "panel"));

	st = start(f);
	assert_int_equal(st->cur, Q_MONTHS);
	assert_false(st->panel);
	assert_int_equal(st->panel_size, TP_WIDE);
	tui_state_free(st);
	f->st = NULL;

	/* A question no longer asked is passed over: the first open one. */
	free(th_write(f->dir, "ui", "question: has_sla\npanel: sideways\n"));
	char *cmd = sc_xasprintf("cp '%s/ui' '%s'", f->dir, ui);
	assert_int_equal(system(cmd), 0);
	st = start(f);
	assert_int_equal(st->cur, Q_EMPLOYEES);
	assert_true(st->panel);
	free(cmd);
	free(ui);
	free(path);
}

int
main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "C.utf8");
	const struct CMUnitTest tests[] = {
#define T(n) cmocka_unit_test_setup_teardown(n, setup, teardown)
		T(test_text_answer_q_is_a_letter),
		T(test_text_max_length),
		T(test_skip_logic_and_progress),
		T(test_number_range_as_you_type),
		T(test_typed_draft_survives_moving),
		T(test_sidebar_focus_and_jump),
		T(test_long_choice_list),
		T(test_live_panel_flips),
		T(test_read_only_when_open_elsewhere),
		T(test_clear_answer),
		T(test_note_cancel_and_boundaries),
		T(test_defaults_need_confirming),
		T(test_paste_is_text),
		T(test_esc_leaves_the_field),
		T(test_keybar_fits_80_columns),
		T(test_place_kept_between_runs),
#define N(n) cmocka_unit_test_setup_teardown(n, setup_named, teardown)
		N(test_progress_and_skipped_sections),
		N(test_none_of_these_stands_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
