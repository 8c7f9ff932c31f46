/* The live recommendation: the panel beside the questions, rebuilt after
 * every change (and while a number or text is typed, from what is typed),
 * and the report lines it shares with other views.  Lines are indented in
 * columns, as in any document. */
#ifndef SOCSCOPE_TUI_LIVE_H
#define SOCSCOPE_TUI_LIVE_H

#include <stdbool.h>

#include "attr.h"
#include "doc.h"
#include "socscope/compare.h"
#include "socscope/engine.h"
#include "socscope/theme.h"
#include "state.h"

/* After an answer changed: rebuild st->live from the session's
 * evaluation, the change named at the top ("Just changed": which report,
 * category or gap, and the answer behind it).  Lines whose text is new are
 * marked `changed`; a flipped recommendation also becomes the message,
 * unless a message is already on show. */
void
tui_live_refresh(struct tui_state *st);
/* Another session shown (opened, what-if begun or ended): rebuilt with
 * nothing marked and no change named. */
void
tui_live_reset(struct tui_state *st);
/* While a number or text is typed: the panel as the answer typed so far
 * would make it, before Enter confirms it (nothing is saved). */
void
tui_live_preview(struct tui_state *st);
/* Scroll the panel (up, down, pages, home, end); false for the rest. */
bool
tui_live_request(struct tui_state *st, enum tui_req req);
/* What-if: remember that question i was just changed (the panel lists
 * the newest change first). */
void
tui_live_touched(struct tui_state *st, size_t i);

/* What-if (st->saved set): the comparison of the saved answers (A) with
 * the what-if ones (B), built by the core (sc_diff_new).  Caller frees
 * with sc_diff_free. */
struct sc_diff *
tui_whatif_diff(struct tui_state *st);
/* How many answers the what-if changed (given, changed or taken back;
 * questions only shown or hidden by them do not count). */
size_t
tui_whatif_changes(const struct tui_state *st);
/* Each changed answer of `t`, newest first, with the conclusions it moves
 * named under it ("Gap opened: ...", "Availability: out of scope → in
 * scope"), or "Changes no conclusion on its own"; then what only the
 * changes together move.  With `jump` the answers' lines are selectable
 * (Enter goes to the question); `indent` is where they start. */
void
tui_doc_add_attributed(struct tui_doc *d, const struct tui_state *st,
                       const struct tui_attr *t, bool jump, int indent);
/* One difference in words: "SOC 1 type: Type II → Type I", "Gap opened:
 * Document the risk assessment (high priority)". */
char *
tui_diff_item_text(const struct tui_state *st, const struct sc_diff_item *it);

/* A tick or a dot ("[x]", "[ ]" with --ascii). */
const char *
tui_mark(const struct tui_state *st, bool on);

/* "SOC 2 Type II" and `months` of its Type II period between `pre` and
 * `post` ("SOC 2 Type II, 12 months"); a SOC 3, which has no type, is
 * named by what it is (sc_report_title).  The months are the plan's
 * (tui_plan_months), as every report gives them. */
void
tui_doc_add_report_title(struct tui_doc *d, const struct sc_report_rec *r,
                         int months, enum sc_role role, int indent,
                         const char *pre, const char *post);
/* The months the plan (socscope/plan.h) gives report `id`'s period; 0
 * when it has none. */
int
tui_plan_months(struct sc_eval *ev, const struct sc_questionnaire *q,
                enum sc_report_id id);

#endif
