/* The live recommendation: the panel beside the questions, rebuilt after
 * every change, and the report lines it shares with other views. */
#ifndef SOCSCOPE_TUI_LIVE_H
#define SOCSCOPE_TUI_LIVE_H

#include <stdbool.h>

#include "doc.h"
#include "socscope/compare.h"
#include "socscope/engine.h"
#include "socscope/theme.h"
#include "state.h"

/* Rebuild st->live from the session's evaluation.  Lines whose text is
 * new are marked `changed`; a flipped recommendation also becomes the
 * message, unless a message is already on show. */
void
tui_live_refresh(struct tui_state *st);

/* What-if (st->saved set): the comparison of the saved answers (A) with
 * the what-if ones (B), built by the core (sc_diff_new).  Caller frees
 * with sc_diff_free. */
struct sc_diff *
tui_whatif_diff(struct tui_state *st);
/* How many answers the what-if changed (given, changed or taken back;
 * questions only shown or hidden by them do not count). */
size_t
tui_whatif_changes(const struct tui_state *st);
/* The conclusions of `df` that differ, one line each ("SOC 1 type: Type II
 * → Type I"), with the answers behind each under it.  `all` lists gaps and
 * readiness items too (else they are left to the caller); `unit` is the
 * indent of one level. */
void
tui_doc_add_diff(struct tui_doc *d, const struct tui_state *st,
                 const struct sc_diff *df, bool all, int unit);

/* A tick or a dot ("[x]", "[ ]" with --ascii). */
const char *
tui_mark(const struct tui_state *st, bool on);

/* "SOC 2 Type II" and the months of a Type II period between `pre` and
 * `post` ("SOC 2 Type II, 12 months"); a SOC 3, which has no type, is
 * named by what it is (sc_report_title). */
void
tui_doc_add_report_title(struct tui_doc *d, const struct sc_report_rec *r,
                         enum sc_role role, int indent, const char *pre,
                         const char *post);

#endif
