/* Moving through the interview: opening a session at its first open
 * question, the current question, next and previous (saying which
 * sections were passed over), and jumps from other views. */
#ifndef SOCSCOPE_TUI_NAV_H
#define SOCSCOPE_TUI_NAV_H

#include <stdbool.h>
#include <stddef.h>

#include "state.h"

/* Make question i current (its draft loaded), with no checks. */
void
tui_nav_set_current(struct tui_state *st, size_t i);
/* Leave the current question: confirm a valid draft; an invalid one stays
 * with its error, to be seen when coming back (never blocks moving). */
void
tui_nav_leave(struct tui_state *st);
/* Leave the current question for question i (ignored when out of range). */
void
tui_nav_goto(struct tui_state *st, size_t i);
/* Answering can hide the current question only through an earlier one;
 * should it happen, move to the nearest shown question. */
void
tui_nav_ensure_visible(struct tui_state *st);
/* The next shown question; past the last one, `enter` opens the results
 * and otherwise a message says so. */
void
tui_nav_next(struct tui_state *st, bool enter);
void
tui_nav_prev(struct tui_state *st);
/* Open the session file at `path` (for a new one, named `client`) and
 * start its interview at the first open question.  False with *err
 * (caller frees) and the exit code when it cannot be opened; the state is
 * then unchanged. */
bool
tui_nav_open_session(struct tui_state *st, const char *path,
                     const char *client, char **err, int *code);
/* From any view back to the interview, at question qi when it is shown;
 * the views left are remembered for tui_nav_back. */
void
tui_nav_jump_to(struct tui_state *st, size_t qi);
/* After a jump: back to the views it left, each where it was. */
void
tui_nav_back(struct tui_state *st);

#endif
