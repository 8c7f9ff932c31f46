/* What the interview remembers of a session between runs, apart from the
 * answers: the question it was on and how the live panel was shown.  Kept
 * in a small file of its own beside the session file, ".NAME.ui" for
 * NAME.yaml (mode 0600, written atomically), so the answers file stays
 * exactly as the contract describes it and older readers never see more.
 * Losing it loses nothing but the place. */
#ifndef SOCSCOPE_TUI_UISTATE_H
#define SOCSCOPE_TUI_UISTATE_H

#include <stdbool.h>

#include "state.h"

/* The UI state file of the session file at `path` (caller frees). */
char *
tui_uistate_path(const char *path);
/* Put the interview back where it was left in the session now open: its
 * question when that is asked with the answers now, and the panel as it
 * was.  False (changing nothing) when there is no such file or it says
 * nothing usable. */
bool
tui_uistate_load(struct tui_state *st);
/* Remember where the interview is, for the session now open (not a
 * read-only one: the place belongs to whoever has it open).  False with
 * nothing written when it cannot be. */
bool
tui_uistate_save(const struct tui_state *st);

#endif
