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
/* Where the interview was left in a session, as its file says: the
 * question (SIZE_MAX when not known or not asked with the answers now),
 * whether the panel was shown and its size (-1 when not known). */
struct tui_uistate {
	size_t question;
	int panel;
	int panel_size;
};
/* Read the place kept for the session now open; false when there is no
 * such file (everything then unknown). */
bool
tui_uistate_load(const struct tui_state *st, struct tui_uistate *u);
/* Remember where the interview is, for the session now open (not a
 * read-only one: the place belongs to whoever has it open).  False with
 * nothing written when it cannot be. */
bool
tui_uistate_save(const struct tui_state *st);

#endif
