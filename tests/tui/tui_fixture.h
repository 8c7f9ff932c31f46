/* What the full-screen interview's unit tests share: a temporary home for
 * the sessions, a questionnaire loaded from the fixtures, the state driven
 * by keys, and looks at what it shows and saved. */
#ifndef SOCSCOPE_TEST_TUI_FIXTURE_H
#define SOCSCOPE_TEST_TUI_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "socscope/questionnaire.h"
#include "state.h"

/* Question indices in fixtures/tiny.yaml. */
enum { Q_ORG, Q_SERVICES, Q_SLA, Q_EMPLOYEES, Q_MONTHS, Q_REGION, Q_COUNT };

/* Question indices in tests/fixtures/session/named.yaml: client_question,
 * a check list with "None of these", sections that skip. */
enum { N_ORG, N_SERVICES, N_HEALTH, N_PAY_RUNS, N_SLA, N_SLA_LEVEL, N_BAA,
       N_MONTHS, N_RUSH, N_COUNT };

/* Question indices in fixtures/attr.yaml: a gap rule that also reads an
 * answer deciding nothing (the trust page). */
enum { A_RUNS, A_REVIEWS, A_PAGE, A_STAFF, A_COUNT };

struct fx {
	char *dir;
	char *cwd;
	struct sc_questionnaire *q;
	struct sc_interview_opts o;
	struct tui_state *st;
};

/* cmocka setups: a temporary HOME and state directory as the working
 * directory, and tiny.yaml (setup) or named.yaml (setup_named) loaded for
 * the client "Acme Payroll Ltd".  teardown frees and removes it all. */
int
setup(void **state);
int
setup_named(void **state);
int
setup_attr(void **state);
int
teardown(void **state);

/* Create the state (f->st) for f->o on a 60x20 document area. */
struct tui_state *
start(struct fx *f);
/* Type UTF-8 text, one key per character. */
void
keys(struct tui_state *st, const char *utf8);
/* From `needle` on in the saved session file of "Acme Payroll Ltd", or
 * NULL when the file or the text is not there. */
const char *
saved_text(struct fx *f, const char *needle);
/* Does a line of the document, of this kind, contain `text`? */
bool
doc_has(const struct tui_doc *d, const char *text, enum tui_line_kind kind);
/* Does a line of the live panel contain `text`, marked changed or not? */
bool
live_has(const struct tui_state *st, const char *text, bool changed);

#endif
