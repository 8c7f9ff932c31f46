/* The sections sidebar of the question view: moving through the
 * sections while it has the focus, and jumping to one. */
#include <stdint.h>

#include "nav.h"
#include "view.h"

void
tui_sections_jump(struct tui_state *st, size_t section)
{
	const struct sc_section *sec = &st->q->sections[section];
	size_t first = SIZE_MAX;

	for (size_t i = sec->first; i < sec->first + sec->count; i++) {
		if (!tui_state_visible(st, i))
			continue;
		if (first == SIZE_MAX)
			first = i;
		/* The first open question is where work resumes. */
		if (!tui_state_answered(st, i)) {
			first = i;
			break;
		}
	}
	if (first == SIZE_MAX) {
		st->side_sel = section;
		tui_set_message(st, false,
		                "No question in \"%s\" applies with the answers so far.",
		                sec->title);
		return;
	}
	tui_nav_goto(st, first);
	st->focus = TF_QUESTION;
}

bool
tui_sections_request(struct tui_state *st, enum tui_req req)
{
	size_t n = st->q->nsections;
	switch (req) {
	case REQ_UP:
		if (st->side_sel > 0)
			st->side_sel--;
		return true;
	case REQ_DOWN:
		if (st->side_sel + 1 < n)
			st->side_sel++;
		return true;
	case REQ_HOME:
		st->side_sel = 0;
		return true;
	case REQ_END:
		st->side_sel = n - 1;
		return true;
	case REQ_ENTER:
	case REQ_TOGGLE:
		tui_sections_jump(st, st->side_sel);
		return true;
	case REQ_RIGHT:
	case REQ_FOCUS:
	case REQ_BACK:
		st->focus = TF_QUESTION;
		st->side_sel = tui_question(st, st->cur)->section;
		return true;
	default:
		return false;
	}
}

const struct tui_barkey tui_sections_keys[] = {
	{REQ_HELP, "Help"},   {REQ_ENTER, "Jump"},
	{REQ_BACK, "Back"},   {REQ_RESULTS, "Results"},
	{REQ_QUIT, "Quit"},   {REQ_NONE, NULL}};
