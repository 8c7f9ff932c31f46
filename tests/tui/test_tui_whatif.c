/* What-if without a terminal: answers changed on a copy while the session
 * file stays byte for byte as it was, the live panel showing what differs
 * and why, and leaving it: keep (saved), drop (exactly as saved), on the
 * way out, on a signal, and in a read-only session. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../helpers.h"
#include "lineedit.h"
#include "request.h"
#include "socscope/paths.h"
#include "socscope/session.h"
#include "state.h"
#include "tui_fixture.h"

/* The session file's bytes. */
struct bytes {
	char *data;
	size_t len;
};

static struct bytes
file_bytes(void)
{
	struct bytes b = {0};
	char *path = sc_session_path("Acme Payroll Ltd");
	b.data = th_read(path, &b.len);
	free(path);
	assert_non_null(b.data);
	return b;
}

static void
assert_file_is(const struct bytes *before)
{
	struct bytes now = file_bytes();
	assert_int_equal(now.len, before->len);
	assert_memory_equal(now.data, before->data, before->len);
	free(now.data);
}

/* A whole interview saved: payroll, 120 people, 12 months, region two;
 * then back from the results to the last question. */
static struct tui_state *
answered(struct fx *f)
{
	struct tui_state *st = start(f);
	keys(st, "Acme\r1\r120\r12\r2\r");
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	tui_state_key(st, TK_ESC);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(st->cur, Q_REGION);
	return st;
}

/* Is a line of the document exactly `text`? */
static bool
doc_line_is(const struct tui_doc *d, const char *text)
{
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->v[i].text, text))
			return true;
	return false;
}

static bool
keybar_has(const struct tui_state *st, enum tui_req req, const char *label)
{
	const struct tui_barkey *k = tui_state_keybar(st);
	for (; k->label; k++)
		if (k->req == req && (!label || !strcmp(k->label, label)))
			return true;
	return false;
}

/* i turns it on; a changed deadline shows in the panel with the answer
 * behind it; the file is untouched until y keeps the change. */
static void
test_whatif_change_and_keep(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = answered(f);
	struct bytes before = file_bytes();

	assert_true(keybar_has(st, REQ_WHATIF, "What-if"));
	tui_state_key(st, 'i');
	assert_non_null(st->saved);
	assert_true(st->s != st->saved);
	assert_non_null(strstr(st->message, "What-if:"));
	assert_true(keybar_has(st, REQ_WHATIF, "Keep/drop"));
	assert_true(live_has(st, "WHAT-IF: not saved", false));
	assert_true(live_has(st, "No answer differs from the saved ones yet.",
	                     false));

	tui_state_key(st, TK_PPAGE);
	assert_int_equal(st->cur, Q_MONTHS);
	/* On a number field i is a letter; F6 is the key there. */
	assert_true(tui_state_editing(st));
	keys(st, "\x15" "3\r");
	assert_int_equal(st->cur, Q_REGION);
	assert_true(st->s->a->v[Q_MONTHS].num == 3);
	assert_true(st->saved->a->v[Q_MONTHS].num == 12);
	assert_file_is(&before);
	/* The panel: the conclusion that differs, the answer behind it. */
	assert_true(live_has(st, "SOC 1 Type I", true));
	assert_true(live_has(st, "Differs from saved, newest first", true));
	assert_true(live_has(st, "SOC 1 type: Type II \u2192 Type I", true));
	assert_true(live_has(st, "\u2022 In how many months must the first "
	                     "report be ready? 12 \u2192 3", true));
	assert_true(live_has(st, "1 answer changed; i keeps or drops, c compares",
	                     true));
	/* Other views show the what-if answers. */
	tui_state_key(st, 'r');
	assert_true(doc_line_is(&st->docs[TV_REVIEW], "3"));
	assert_false(doc_line_is(&st->docs[TV_REVIEW], "12"));
	tui_state_key(st, TK_ESC);

	tui_state_key(st, 'i');
	assert_int_equal(tui_state_view(st), TV_WHATIF);
	assert_true(keybar_has(st, REQ_KEEP, NULL));
	const struct tui_doc *d = &st->docs[TV_WHATIF];
	assert_true(doc_has(d, "In how many months must the first report be "
	                    "ready?", TL_QUESTION));
	assert_true(doc_has(d, "12 \u2192 3", TL_QUESTION));
	assert_true(doc_has(d, "SOC 1 type: Type II \u2192 Type I", TL_TEXT));
	assert_file_is(&before);

	tui_state_key(st, 'y');
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_null(st->saved);
	assert_string_equal(st->message, "Kept: the what-if answers are saved.");
	assert_non_null(saved_text(f, "months_needed: 3"));
	assert_true(st->s->a->v[Q_MONTHS].num == 3);
	assert_true(live_has(st, "Recommendation so far", false));
	assert_true(live_has(st, "SOC 1 Type I", false));
	assert_true(keybar_has(st, REQ_WHATIF, "What-if"));
	free(before.data);
}

/* d drops everything: answers, a note, a number typed but not confirmed;
 * the file is byte for byte as before and the screen shows the saved
 * answers again. */
static void
test_whatif_drop_restores_the_saved_session(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = answered(f);
	struct bytes before = file_bytes();

	tui_state_key(st, 'i');
	tui_state_key(st, TK_PPAGE);
	tui_state_key(st, TK_PPAGE);
	tui_state_key(st, TK_PPAGE);
	assert_int_equal(st->cur, Q_SERVICES);
	tui_state_key(st, '2'); /* hosting: a SOC 2 and the uptime question */
	assert_true(tui_state_visible(st, Q_SLA));
	assert_true(live_has(st, "SOC 2: not recommended \u2192 SOC 2 Type II",
	                     true));
	assert_true(live_has(st, "\u2022 What do you do for your clients? Run "
	                     "their payroll \u2192 Run their payroll, Host their "
	                     "systems", true));
	tui_state_key(st, 'n');
	keys(st, "only a what-if\r");
	tui_state_key(st, TK_ENTER); /* on to the uptime question */
	tui_state_key(st, '1');
	assert_true(live_has(st, "Availability: out of scope \u2192 in scope",
	                     true));
	tui_state_key(st, TK_ENTER);
	assert_int_equal(st->cur, Q_EMPLOYEES);
	keys(st, "\x15" "999");
	assert_file_is(&before);

	/* F6 leaves from a number field, taking what was typed along. */
	tui_state_key(st, TK_F(6));
	assert_int_equal(tui_state_view(st), TV_WHATIF);
	const struct tui_doc *d = &st->docs[TV_WHATIF];
	assert_true(doc_has(d, "120 \u2192 999", TL_QUESTION));
	assert_true(doc_has(d, "Note on: What do you do for your clients?",
	                    TL_QUESTION));
	assert_true(doc_has(d, "Do your contracts promise an uptime "
	                    "percentage?", TL_QUESTION));
	tui_state_key(st, 'd');
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_null(st->saved);
	assert_string_equal(st->message, "Dropped: back to the saved answers.");
	assert_file_is(&before);
	/* In memory too: the answers, the note, the draft, the panel. */
	assert_int_equal(st->s->a->v[Q_SERVICES].nsel, 1);
	assert_null(st->s->a->notes[Q_SERVICES]);
	assert_false(tui_state_visible(st, Q_SLA));
	assert_string_equal(tui_le_text(&st->drafts[Q_EMPLOYEES]), "120");
	assert_false(st->draft_dirty[Q_EMPLOYEES]);
	assert_true(live_has(st, "SOC 1 Type II, 12 months", false));
	assert_false(live_has(st, "SOC 2", false) || live_has(st, "SOC 2", true));
	/* Whatever happens next is saved as usual. */
	keys(st, "\x15" "121\r");
	assert_non_null(saved_text(f, "employees: 121"));
	free(before.data);
}

/* With nothing changed, i simply ends it; Esc in the question goes back
 * to what-if and Enter on a changed answer to its question. */
static void
test_whatif_nothing_changed_and_going_back(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = answered(f);
	struct bytes before = file_bytes();

	tui_state_key(st, 'i');
	tui_state_key(st, 'i');
	assert_null(st->saved);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_string_equal(st->message, "What-if off: nothing was changed.");

	tui_state_key(st, 'i');
	tui_state_key(st, '3');
	tui_state_key(st, 'i');
	assert_int_equal(tui_state_view(st), TV_WHATIF);
	tui_state_key(st, TK_ESC);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_non_null(st->saved);
	tui_state_key(st, TK_PPAGE);
	tui_state_key(st, TK_F(6));
	const struct tui_doc *d = &st->docs[TV_WHATIF];
	assert_int_equal(d->v[d->sel].kind, TL_QUESTION);
	assert_int_equal(d->v[d->sel].target, Q_REGION);
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(st->cur, Q_REGION);
	assert_non_null(st->saved);
	/* Changing it back to the saved answer is no change at all. */
	tui_state_key(st, '2');
	tui_state_key(st, 'i');
	assert_null(st->saved);
	assert_file_is(&before);
	free(before.data);
}

/* Quitting in what-if asks first; Esc stays; then keep or drop, and out. */
static void
test_whatif_quit_asks_keep_or_drop(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = answered(f);
	struct bytes before = file_bytes();

	tui_state_key(st, 'i');
	tui_state_key(st, '3');
	tui_state_key(st, 'q');
	assert_false(st->quit);
	assert_int_equal(tui_state_view(st), TV_WHATIF);
	assert_true(doc_has(&st->docs[TV_WHATIF], "Before quitting", TL_TEXT));
	tui_state_key(st, TK_ESC);
	assert_false(st->quit);
	assert_non_null(st->saved);
	tui_state_key(st, 'q');
	tui_state_key(st, 'd');
	assert_true(st->quit);
	assert_null(st->saved);
	assert_file_is(&before);

	/* Again, kept this time. */
	st->quit = false;
	tui_state_key(st, 'i');
	tui_state_key(st, '3');
	tui_state_key(st, TK_F(10));
	assert_false(st->quit);
	tui_state_key(st, 'y');
	assert_true(st->quit);
	assert_non_null(saved_text(f, "region: r03"));
	free(before.data);
}

/* A signal ends the interview through tui_state_commit_pending: in
 * what-if that drops it, and what remains is the saved session. */
static void
test_whatif_signal_drops(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = answered(f);
	struct bytes before = file_bytes();

	tui_state_key(st, 'i');
	tui_state_key(st, '3');
	tui_state_key(st, TK_PPAGE);
	keys(st, "\x15" "7");
	tui_state_commit_pending(st);
	assert_null(st->saved);
	assert_int_equal(st->s->a->v[Q_REGION].choice, 1);
	assert_true(st->s->a->v[Q_MONTHS].num == 12);
	assert_null(st->s->last_error);
	assert_file_is(&before);
	free(before.data);
}

/* Open elsewhere: what-if may be tried, the changes only dropped. */
static void
test_whatif_read_only_cannot_keep(void **state)
{
	struct fx *f = *state;
	struct tui_state *holder = answered(f);
	struct bytes before = file_bytes();
	char *err = NULL;
	int code = -1;
	struct tui_state *st = tui_state_new(&f->o, &err, &code);
	assert_non_null(st);
	tui_state_layout(st, 60, 20);
	assert_true(st->s->read_only);

	/* It opens on the first question, a text field: F6. */
	assert_int_equal(st->cur, Q_ORG);
	tui_state_key(st, TK_F(6));
	assert_non_null(st->saved);
	assert_false(st->s->read_only);
	tui_state_key(st, TK_NPAGE);
	tui_state_key(st, TK_NPAGE);
	tui_state_key(st, TK_NPAGE);
	assert_int_equal(st->cur, Q_MONTHS);
	keys(st, "\x15" "3\r");
	assert_true(st->s->a->v[Q_MONTHS].num == 3);
	assert_true(live_has(st, "SOC 1 type: Type II \u2192 Type I", true));
	tui_state_key(st, 'i');
	assert_int_equal(tui_state_view(st), TV_WHATIF);
	assert_true(doc_has(&st->docs[TV_WHATIF], "can only be dropped here",
	                    TL_TEXT));
	assert_false(keybar_has(st, REQ_KEEP, NULL));
	assert_true(keybar_has(st, REQ_DROP, NULL));
	tui_state_key(st, 'y');
	assert_int_equal(tui_state_view(st), TV_WHATIF);
	assert_non_null(st->saved);
	assert_true(st->message_error);
	assert_non_null(strstr(st->message, "cannot be kept here"));
	assert_file_is(&before);
	tui_state_key(st, 'd');
	assert_null(st->saved);
	assert_true(st->s->read_only);
	assert_true(st->s->a->v[Q_MONTHS].num == 12);
	assert_file_is(&before);
	tui_state_free(st);
	free(err);
	(void)holder;
	free(before.data);
}

/* Does a line of the live panel hold `text`, marked or not? */
static bool
live_any(const struct tui_state *st, const char *text)
{
	return live_has(st, text, true) || live_has(st, text, false);
}

/* The line of the live panel holding `text`, or SIZE_MAX. */
static size_t
live_line(const struct tui_state *st, const char *text)
{
	for (size_t i = 0; i < st->live.n; i++)
		if (strstr(st->live.v[i].text, text))
			return i;
	return SIZE_MAX;
}

/* Two answers changed: the access reviews open a gap, the trust page
 * (read by the same rule) decides nothing.  The panel names the gap under
 * the answer that opened it, newest change first, and says the trust page
 * changes nothing on its own; the core's comparison alone would put the
 * gap down to both. */
static void
test_whatif_attribution(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "1\r1\r2\r20\r"); /* runs, reviews, no page, 20 people */
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	tui_state_key(st, TK_ESC);
	assert_int_equal(st->cur, A_STAFF);
	tui_state_key(st, TK_F(6));
	assert_non_null(st->saved);
	tui_state_key(st, TK_PPAGE);
	tui_state_key(st, TK_PPAGE);
	assert_int_equal(st->cur, A_REVIEWS);
	keys(st, "2");  /* no reviews: the gap opens */
	tui_state_key(st, TK_NPAGE);
	assert_int_equal(st->cur, A_PAGE);
	keys(st, "1");  /* a trust page: nothing follows from it */
	size_t page = live_line(st, "Do you publish a public trust page? No "
	                        "\u2192 Yes");
	size_t rev = live_line(st, "Do you review who has access every "
	                       "quarter? Yes \u2192 No");
	size_t gap = live_line(st, "Gap opened: Review access every quarter "
	                       "(high priority)");
	assert_true(page != SIZE_MAX && rev != SIZE_MAX && gap != SIZE_MAX);
	/* Newest first: the page, then the reviews with the gap under them. */
	assert_true(page < rev);
	assert_string_equal(st->live.v[page + 1].text,
	                    "Changes no conclusion on its own.");
	assert_int_equal(gap, rev + 1);
	assert_true(live_any(st, "Gaps: 0 \u2192 1"));
	/* The categories stay in the panel in what-if. */
	assert_true(live_any(st, "Categories"));
	assert_true(live_any(st, "Security (required)"));

	/* The same in the view that leaves what-if. */
	tui_state_key(st, 'i');
	assert_int_equal(tui_state_view(st), TV_WHATIF);
	const struct tui_doc *d = &st->docs[TV_WHATIF];
	size_t dp = SIZE_MAX, dg = SIZE_MAX;
	for (size_t i = 0; i < d->n; i++) {
		if (strstr(d->v[i].text, "public trust page? No"))
			dp = i;
		if (strstr(d->v[i].text, "Gap opened: Review access"))
			dg = i;
	}
	assert_true(dp != SIZE_MAX && dg != SIZE_MAX);
	assert_int_equal(d->v[dp].kind, TL_QUESTION);
	assert_string_equal(d->v[dp + 1].text, "Changes no conclusion on its own.");
	assert_true(dg > dp + 1);
	tui_state_key(st, 'd');
	assert_null(st->saved);
}

/* A number changes the panel as it is typed, before Enter: the readiness
 * item and the score follow the digits, and nothing is saved until Enter. */
static void
test_panel_follows_typing(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "1\r1\r2\r20\r");
	tui_state_key(st, TK_ESC);
	assert_int_equal(st->cur, A_STAFF);
	assert_true(live_any(st, "Readiness: 100%"));
	keys(st, "\x15" "5"); /* 5 people: segregation only partly */
	assert_true(live_has(st, "As typed (Enter confirms)", true));
	assert_true(live_has(st, "Readiness: 100% \u2192 50%", true));
	assert_true(live_has(st, "Gaps: 0  Readiness: 50%", true));
	assert_non_null(saved_text(f, "staff: 20"));
	tui_state_key(st, TK_ENTER);
	assert_non_null(saved_text(f, "staff: 5"));
	assert_true(live_any(st, "Just changed"));
	assert_true(live_any(st, "Readiness: 100% \u2192 50%"));
	assert_false(live_any(st, "As typed"));
	/* The next answer moves nothing: the panel says so, and no longer
	 * names the staff change as the one just made. */
	tui_state_key(st, TK_ESC); /* the results, after the last question */
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(st->cur, A_STAFF);
	keys(st, "\x15" "6");
	assert_false(live_any(st, "As typed")); /* moves nothing either */
	tui_state_key(st, TK_ENTER);
	assert_non_null(saved_text(f, "staff: 6"));
	assert_true(live_any(st, "Just changed"));
	assert_true(live_any(st, "Changes no conclusion on its own."));
	assert_false(live_any(st, "Readiness: 100% \u2192 50%"));
}

int
main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "C.utf8");
	const struct CMUnitTest tests[] = {
#define T(n) cmocka_unit_test_setup_teardown(n, setup, teardown)
		T(test_whatif_change_and_keep),
		T(test_whatif_drop_restores_the_saved_session),
		T(test_whatif_nothing_changed_and_going_back),
		T(test_whatif_quit_asks_keep_or_drop),
		T(test_whatif_signal_drops),
		T(test_whatif_read_only_cannot_keep),
		cmocka_unit_test_setup_teardown(test_whatif_attribution,
		                                setup_attr, teardown),
		cmocka_unit_test_setup_teardown(test_panel_follows_typing,
		                                setup_attr, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
