/* Questions asked before acting (view.h): the file to export to exists, a
 * saved interview is to be deleted, a copy of an example put back.  The
 * question shows in the message line; y acts, n (or Esc) leaves
 * everything as it was. */
#include <stdarg.h>
#include <stdlib.h>

#include "view.h"

void
tui_ask_begin(struct tui_state *st, enum tui_ask what, size_t target,
              const char *fmt, ...)
{
	va_list ap;
	free(st->message);
	va_start(ap, fmt);
	st->message = sc_xvasprintf(fmt, ap);
	va_end(ap);
	st->message_error = false;
	st->ask = what;
	st->ask_target = target;
}

bool
tui_ask_request(struct tui_state *st, enum tui_req req)
{
	enum tui_ask what = st->ask;
	switch (req) {
	case REQ_YES:
		st->ask = TA_NONE;
		tui_clear_message(st);
		switch (what) {
		case TA_OVERWRITE:
			tui_export_write(st);
			break;
		case TA_DELETE:
			tui_picker_delete(st, st->ask_target);
			break;
		case TA_RESET:
			tui_example_reset(st, st->ask_target);
			break;
		case TA_NONE:
			break;
		}
		return true;
	case REQ_NO:
	case REQ_BACK:
		st->ask = TA_NONE;
		tui_set_message(st, false, "%s",
		                what == TA_OVERWRITE
		                        ? "Not exported: the file is as it was."
		                        : what == TA_DELETE
		                                  ? "Nothing deleted."
		                                  : "Nothing changed.");
		return true;
	default:
		/* Anything else waits for the answer. */
		return true;
	}
}

const struct tui_barkey *
tui_ask_keybar(const struct tui_state *st)
{
	static const struct tui_barkey overwrite[] = {
		{REQ_YES, "Overwrite"}, {REQ_NO, "Keep the file"},
		{REQ_NONE, NULL}};
	static const struct tui_barkey delete[] = {
		{REQ_YES, "Delete"}, {REQ_NO, "Keep it"}, {REQ_NONE, NULL}};
	static const struct tui_barkey reset[] = {
		{REQ_YES, "Reset"}, {REQ_NO, "Keep the answers"},
		{REQ_NONE, NULL}};
	return st->ask == TA_OVERWRITE ? overwrite
	       : st->ask == TA_DELETE  ? delete
	                               : reset;
}
