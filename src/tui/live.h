/* The live recommendation: the panel beside the questions, rebuilt after
 * every change, and the report lines it shares with other views. */
#ifndef SOCSCOPE_TUI_LIVE_H
#define SOCSCOPE_TUI_LIVE_H

#include <stdbool.h>

#include "doc.h"
#include "socscope/engine.h"
#include "socscope/theme.h"
#include "state.h"

/* Rebuild st->live from the session's evaluation.  Lines whose text is
 * new are marked `changed`; a flipped recommendation also becomes the
 * message, unless a message is already on show. */
void
tui_live_refresh(struct tui_state *st);

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
