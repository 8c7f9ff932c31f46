/* Requests: what a key asks for.  ONE table (TUI_REQUESTS) names each
 * request, the views it applies to, its help text and its default keys;
 * key handling (tui_key_request) and the help screen (tui_help_lines) are
 * both generated from it, so they cannot drift apart (tig's REQ_ list). */
#ifndef SOCSCOPE_TUI_REQUEST_H
#define SOCSCOPE_TUI_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#include "keys.h"

/* Where a request applies; the help screen groups by it. */
enum tui_ctx {
	CTX_GLOBAL,    /* every view */
	CTX_MOVE,      /* lists, questions and pages */
	CTX_INTERVIEW, /* the question screen */
	CTX_RESULTS,   /* the results screen */
	CTX_WHATIF,    /* leaving what-if */
	CTX_PICKER,    /* the saved interviews */
	CTX_CONFIRM,   /* a question asked before acting (overwrite? delete?) */
	CTX_EDIT,      /* a text or number being typed */
	CTX_COUNT
};

#define TUI_MAX_KEYS 9

/* X(id, context, help, keys...).  Every command has a function key as
 * well as its letter, so that it works while a text or number is being
 * typed, where letters are text (Esc also leaves the field, after which
 * the letters are commands again). */
#define TUI_REQUESTS(X)                                                        \
	X(REQ_HELP, CTX_GLOBAL, "show this help", TK_F(1), '?')                \
	X(REQ_QUIT, CTX_GLOBAL, "quit (answers are already saved)", 'q',       \
	  TK_F(10))                                                            \
	X(REQ_BACK, CTX_GLOBAL, "back out of a view, prompt, sidebar or the "  \
	  "field being typed in (then letters are commands)", TK_ESC)          \
	X(REQ_REDRAW, CTX_GLOBAL, "redraw the screen", TK_CTRL('l'))          \
	X(REQ_UP, CTX_MOVE, "previous choice, section, line or export format", \
	  TK_UP, 'k')    \
	X(REQ_DOWN, CTX_MOVE, "next choice, section, line or export format",   \
	  TK_DOWN, 'j')    \
	X(REQ_HOME, CTX_MOVE, "first choice or line", TK_HOME, 'g')            \
	X(REQ_END, CTX_MOVE, "last choice, or the end of a page", TK_END, 'G') \
	X(REQ_PREV, CTX_MOVE, "previous question (or page)", TK_PPAGE)         \
	X(REQ_NEXT, CTX_MOVE, "next question (or page)", TK_NPAGE)             \
	X(REQ_ENTER, CTX_MOVE,                                                 \
	  "confirm and go to the next question; open the selected line; "     \
	  "back into a field left with Esc", TK_ENTER, '\n')                   \
	X(REQ_LEFT, CTX_MOVE, "to the sections sidebar", TK_LEFT, 'h') \
	X(REQ_RIGHT, CTX_MOVE, "from the sidebar back to the question",       \
	  TK_RIGHT, 'l')  \
	X(REQ_PICK, CTX_INTERVIEW, "pick the Nth choice", '1', '2', '3', '4',  \
	  '5', '6', '7', '8', '9')                                             \
	X(REQ_TOGGLE, CTX_INTERVIEW, "tick or untick in a check list; pick",   \
	  ' ')                                                                 \
	X(REQ_FOCUS, CTX_INTERVIEW, "switch between sidebar and question; "   \
	  "export the report or the evidence list", TK_TAB, TK_BTAB)           \
	X(REQ_CLEAR, CTX_INTERVIEW, "clear the answer", 'x')                   \
	X(REQ_NOTE, CTX_INTERVIEW, "write a note for this question", 'n',      \
	  TK_F(2))                                                             \
	X(REQ_EXPLAIN, CTX_INTERVIEW, "why: explain the conclusions", 'e',     \
	  TK_F(3))                                                             \
	X(REQ_REVIEW, CTX_INTERVIEW, "review all answers", 'r', TK_F(4))       \
	X(REQ_RESULTS, CTX_INTERVIEW, "results and export", 's', TK_F(5))      \
	X(REQ_WHATIF, CTX_INTERVIEW,                                           \
	  "what-if: change answers without saving them; again to keep or drop",\
	  'i', TK_F(6))                                                        \
	X(REQ_PANEL, CTX_INTERVIEW, "show or hide the live recommendation",   \
	  'p', TK_F(7))                                                        \
	X(REQ_PANEL_SIZE, CTX_INTERVIEW, "live recommendation: beside the "    \
	  "question, wide, or the whole screen (for a projector)", 'z',        \
	  TK_F(8))                                                             \
	X(REQ_COMPARE, CTX_INTERVIEW, "in what-if: the saved answers and the " \
	  "what-if ones compared, to read or export", 'c', TK_F(9))            \
	X(REQ_RESET, CTX_INTERVIEW, "a copy of a worked example: back to the " \
	  "example's answers (asks first)", 'R')                               \
	X(REQ_EXPORT, CTX_RESULTS,                                             \
	  "export the report, the evidence request list or the comparison",    \
	  'w')                                                                 \
	X(REQ_KEEP, CTX_WHATIF,                                                \
	  "keep the what-if answers: save them to the session", 'y')           \
	X(REQ_DROP, CTX_WHATIF,                                                \
	  "drop them: back to the saved answers, exactly as saved", 'd')       \
	X(REQ_DELETE, CTX_PICKER, "delete the selected saved interview "       \
	  "(asks first; never one open elsewhere)", TK_DELETE, 'D')            \
	X(REQ_YES, CTX_CONFIRM, "yes: overwrite, delete or reset", 'y', 'Y')   \
	X(REQ_NO, CTX_CONFIRM, "no: leave everything as it is", 'n', 'N')      \
	X(REQ_ED_LEFT, CTX_EDIT, "cursor left", TK_LEFT, TK_CTRL('b'))         \
	X(REQ_ED_RIGHT, CTX_EDIT, "cursor right", TK_RIGHT, TK_CTRL('f'))      \
	X(REQ_ED_HOME, CTX_EDIT, "start of line", TK_HOME, TK_CTRL('a'))       \
	X(REQ_ED_END, CTX_EDIT, "end of line", TK_END, TK_CTRL('e'))           \
	X(REQ_ED_BACKSPACE, CTX_EDIT, "delete before the cursor",              \
	  TK_BACKSPACE, 0x7f, TK_CTRL('h'))                                    \
	X(REQ_ED_DELETE, CTX_EDIT, "delete under the cursor", TK_DELETE,       \
	  TK_CTRL('d'))                                                        \
	X(REQ_ED_KILL_START, CTX_EDIT, "delete to the start of line",          \
	  TK_CTRL('u'))                                                        \
	X(REQ_ED_KILL_END, CTX_EDIT, "delete to the end of line",              \
	  TK_CTRL('k'))                                                        \
	X(REQ_ED_KILL_WORD, CTX_EDIT, "delete the word before the cursor",     \
	  TK_CTRL('w'))

#define TUI_REQ_ENUM(id, ctx, help, ...) id,
enum tui_req { REQ_NONE, TUI_REQUESTS(TUI_REQ_ENUM) REQ_INSERT, REQ_COUNT };

/* An entry of a view's key bar: the request and its short label; a list
 * ends with {REQ_NONE, NULL}.  The key shown is the request's own. */
struct tui_barkey {
	enum tui_req req;
	const char *label;
};

struct tui_request_info {
	enum tui_req req;
	enum tui_ctx ctx;
	const char *name; /* "REQ_HELP" */
	const char *help;
	int keys[TUI_MAX_KEYS]; /* 0-terminated unless full */
};

extern const struct tui_request_info tui_requests[];
extern const size_t tui_request_count;

/* How keys are read: as commands, into a line editor, or as the answer
 * to a yes/no question asked before acting. */
enum tui_keymode { TKM_COMMAND, TKM_EDIT, TKM_CONFIRM };

/* The request a key makes.  With `editing` (a line editor has the focus)
 * the editor's own requests come first, then printable characters are
 * REQ_INSERT, and only the remaining keys (Enter, Esc, Tab, PgUp, F1, ...)
 * reach the other requests: so `q` is a letter there, not quit.  The
 * confirmation requests (y, n) are made only by tui_key_request_in with
 * TKM_CONFIRM, where they come first. */
enum tui_req
tui_key_request(int key, bool editing);
enum tui_req
tui_key_request_in(int key, enum tui_keymode mode);

/* A key's name as shown in help and key bar: "Up", "PgDn", "F1", "^L", "q". */
void
tui_key_name(int key, char *buf, size_t size);
/* All keys of a request joined: "Up k", "1-9". */
void
tui_request_keys(enum tui_req req, char *buf, size_t size);
const struct tui_request_info *
tui_request_info(enum tui_req req);
const char *
tui_ctx_title(enum tui_ctx c);

/* Is `key` a printable character that a line editor inserts? */
bool
tui_key_printable(int key);

#endif
