/* Answers being given: the drafts of typed questions (checked as they are
 * typed), picks and ticks on choice questions, and storing or taking back
 * an answer in the session (saved at once). */
#ifndef SOCSCOPE_TUI_DRAFT_H
#define SOCSCOPE_TUI_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

#include "socscope/answers.h"
#include "socscope/common.h"
#include "state.h"

/* Store an answer (false, with the question's error set, when it does not
 * fit), or take it back; both save and refresh the live panel. */
bool
tui_answer_set(struct tui_state *st, size_t i, const struct sc_answer *a);
void
tui_answer_unset(struct tui_state *st, size_t i);
/* An answer as the review and explain views show it ("None of these" for
 * an empty check list); empty when unanswered. */
void
tui_answer_format(const struct tui_state *st, size_t i, struct sc_buf *b);
/* Say on screen that a change could not be saved (rc from the session). */
void
tui_note_save_status(struct tui_state *st, enum sc_status rc);

/* Fill the editor of a typed question from its answer (or default). */
void
tui_draft_load(struct tui_state *st, size_t i);
/* Check the draft of question i as typed; sets st->errors[i]. */
void
tui_draft_validate(struct tui_state *st, size_t i);
/* Confirm what was typed.  false (keeping the draft and its error) when
 * it is not valid. */
bool
tui_draft_commit(struct tui_state *st, size_t i);

/* Drafts, cursors and errors of every question afresh from the answers
 * of the session shown (after it was replaced: what-if, a reset). */
void
tui_draft_reload(struct tui_state *st);

/* Pick choice c of the current question (a check list toggles it). */
void
tui_pick_choice(struct tui_state *st, size_t c);
/* Where the cursor starts on a choice question: its answer, else the
 * default, else the first row. */
size_t
tui_initial_cursor(const struct tui_state *st, size_t i);

#endif
