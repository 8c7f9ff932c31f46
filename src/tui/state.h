/* Everything the full-screen interview knows, and every change to it, with
 * no curses: keys become requests (request.h), the view on top of the stack
 * handles them through its ops table (view.h, one file per view), and the
 * drawing code (draw.c) only reads the result.  The unit tests drive this
 * interface directly.  Bottom up: documents (doc.c), what the state knows
 * (state.c), the place kept between runs (uistate.c), which answer moved
 * which conclusion (attr.c), the live panel (live.c), answers being given
 * (draft.c), moving (nav.c), document views (view.c), questions asked
 * before acting (ask.c), the views (view_*.c), the entry points with the
 * table of views (dispatch.c), and the key bar's entries (keybar.c). */
#ifndef SOCSCOPE_TUI_STATE_H
#define SOCSCOPE_TUI_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "interview.h"
#include "lineedit.h"
#include "request.h"
#include "socscope/catalogue.h"
#include "socscope/common.h"
#include "socscope/date.h"
#include "socscope/examples.h"
#include "socscope/questionnaire.h"
#include "socscope/report.h"
#include "socscope/session.h"
#include "socscope/theme.h"

/* Every view, X(id, name): the view `name` lives in view_<name>.c, which
 * defines its operations, tui_view_<name> (view.h).  A new view is that file
 * (and its line in meson.build) plus one line here. */
#define TUI_VIEWS(X)                                                           \
	X(TV_START, picker)        /* saved sessions: resume or start anew */  \
	X(TV_EXAMPLES, examples)   /* worked examples, opened on a copy */     \
	X(TV_NAME, name)           /* the new client's name */                 \
	X(TV_INTERVIEW, question)  /* the questions, with the sections */      \
	X(TV_REVIEW, review)       /* every answer, to jump back */            \
	X(TV_RESULTS, results)     /* the recommendation, gaps, export */      \
	X(TV_EXPLAIN, explain)     /* why each conclusion holds */             \
	X(TV_WHATIF, whatif)       /* leaving what-if: keep or drop */         \
	X(TV_COMPARE, compare)     /* what-if compared with the saved */      \
	X(TV_HELP, help)           /* every key, from the request table */

#define TUI_VIEW_ENUM(id, name) id,
enum tui_view_id { TUI_VIEWS(TUI_VIEW_ENUM) TV_COUNT };
#undef TUI_VIEW_ENUM

struct tui_view_ops; /* below */

enum tui_focus { TF_QUESTION, TF_SIDEBAR };

/* How much of the screen the live recommendation takes: beside (or
 * under) the question, half the screen or more beside it, or all of it
 * (the question's keys still work; arrows and pages scroll the panel). */
enum tui_panel_size { TP_NORMAL, TP_WIDE, TP_FULL, TP_SIZE_COUNT };

/* A question asked before acting (in the message line, y or n). */
enum tui_ask {
	TA_NONE,
	TA_OVERWRITE, /* the export's file exists */
	TA_DELETE,    /* delete the saved interview st->ask_target */
	TA_RESET,     /* put a copy of an example back to the example */
};

/* Section states shown in the sidebar. */
enum tui_sec_state {
	TS_OPEN,     /* questions left to answer */
	TS_DONE,     /* every shown question answered */
	TS_REQUIRED, /* a required shown question is unanswered */
	TS_SKIPPED,  /* no question shown */
};

struct tui_state {
	const struct sc_interview_opts *opts;
	const struct sc_questionnaire *q;
	struct sc_session *s; /* NULL until a session is open */
	/* What-if (view_whatif.c): while it is on, `s` is a copy that is never
	 * saved and `saved` the session as saved; NULL when it is off. */
	struct sc_session *saved;
	bool whatif_quit; /* leaving what-if on the way out */
	/* The registered views, by id (dispatch.c). */
	const struct tui_view_ops *const *views;

	enum tui_view_id stack[8];
	size_t depth;
	bool quit;

	/* start: saved sessions and the new client's name */
	struct sc_session_info *infos;
	size_t ninfos;
	size_t *info_example; /* per saved interview: the example it copies,
	                       * an index into examples, or SIZE_MAX */
	/* the worked examples that answer this questionnaire */
	struct sc_example_info *examples;
	size_t nexamples;
	bool examples_loaded;
	struct tui_lineedit name_ed;
	char *message; /* an error or notice shown in the current view */
	bool message_error;

	/* interview */
	size_t session_example; /* the example the session copies, or
	                         * SIZE_MAX (an index into examples) */
	size_t cur;            /* current question */
	enum tui_focus focus;
	size_t side_sel;       /* section under the sidebar cursor */
	size_t *cursor;        /* per question: choice under the cursor */
	struct tui_lineedit *drafts; /* per question: number or text typed */
	bool *draft_dirty;     /* typed but not yet confirmed */
	char **errors;         /* per question: why the draft is not valid */
	/* The typed question's field was left with Esc: letters are
	 * commands until Enter goes back into it or another question comes. */
	bool field_off;
	bool note_mode;
	struct tui_lineedit note_ed;
	char *passed;          /* sections just passed over, and why; NULL */
	bool panel;            /* live recommendation shown */
	enum tui_panel_size panel_size;
	bool pasting;          /* inside a bracketed paste */
	struct tui_doc live;   /* its lines */
	/* live.c: the answers the next change is measured from, and what
	 * the last change did (the top of the panel until the next one) */
	struct sc_answers *live_base;
	struct tui_doc live_news;
	struct tui_doc live_prev; /* the panel as the last change left it */
	size_t live_prev_sum;     /* its summary's line */
	/* what-if: the questions changed, oldest first (newest on top) */
	size_t *wi_order;
	size_t wi_norder;

	/* A jump from a document view (Why, Review, Results ...) to a
	 * question: Esc goes back to the views that were open, in place. */
	enum tui_view_id back_stack[8];
	size_t back_depth;     /* 0: no jump to go back from */
	/* Set while a view comes back on top (Esc, the end of a jump), so
	 * that its open operation keeps the place rather than start over. */
	bool reopening;

	/* y or n asked before acting */
	enum tui_ask ask;
	size_t ask_target;

	/* documents */
	struct tui_doc docs[TV_COUNT];

	/* results (and the comparison): export prompt */
	bool export_mode;
	bool export_evidence; /* the evidence request list, not the report */
	bool export_compare;  /* the comparison of what-if with the saved */
	enum sc_format export_fmt;
	struct tui_lineedit export_ed;
	/* results: who closes the gap owner_gap (its id) and by when, typed
	 * as "owner, YYYY-MM-DD" under the document */
	bool owner_mode;
	char *owner_gap;
	char *owner_title;
	struct tui_lineedit owner_ed;
	/* the evidence catalogue, loaded on the first export that needs it */
	struct sc_catalogue *evidence;

	/* Set by the layout: the size of the main area of document views,
	 * and of the live panel's text. */
	int doc_width, doc_height;
	int panel_width, panel_height;
};

/* Create the state for `o` (o->q loaded).  With o->answers_path or
 * o->client the session opens at once; otherwise the start screen lists
 * saved sessions (or asks for a name when there are none).  NULL when a
 * session file cannot be opened; *err then says why (caller frees) and
 * *code is the exit code. */
struct tui_state *
tui_state_new(const struct sc_interview_opts *o, char **err, int *code);
void
tui_state_free(struct tui_state *st);

enum tui_view_id
tui_state_view(const struct tui_state *st);
/* Is a line editor taking the keys (so letters are text)? */
bool
tui_state_editing(const struct tui_state *st);

/* Feed one key (keys.h); returns true when anything may have changed. */
bool
tui_state_key(struct tui_state *st, int key);
/* Handle one request; `key` is the key that made it (for REQ_PICK and
 * REQ_INSERT). */
bool
tui_state_request(struct tui_state *st, enum tui_req req, int key);

/* Mouse: pick choice i of the current question, jump to a section, select
 * (and with `open`, open) line i of the current document. */
void
tui_state_click_choice(struct tui_state *st, size_t i);
void
tui_state_click_section(struct tui_state *st, size_t section);
void
tui_state_click_line(struct tui_state *st, size_t line, bool open);
void
tui_state_scroll(struct tui_state *st, int lines);
/* The wheel over the live panel: scroll it. */
void
tui_state_scroll_panel(struct tui_state *st, int lines);

/* Commit what is being typed when it is valid (answer or note): called
 * before leaving on a signal so nothing typed is lost.  In what-if it
 * drops the what-if first: the saved session is what remains. */
void
tui_state_commit_pending(struct tui_state *st);

/* Tell the state the size of the document area and of the live panel's
 * text (for scrolling). */
void
tui_state_layout(struct tui_state *st, int width, int height);
void
tui_state_panel_layout(struct tui_state *st, int width, int height);

/* What the views show. */
size_t
tui_state_nchoices(const struct tui_state *st, size_t question);
/* Label of choice i of a question (yes/no: "Yes", "No", "Not sure"). */
const char *
tui_state_choice_label(const struct tui_state *st, size_t question, size_t i);
bool
tui_state_choice_selected(const struct tui_state *st, size_t question,
                          size_t i);
enum tui_sec_state
tui_state_section(const struct tui_state *st, size_t section);
/* Is question i shown, and does it have an answer? */
bool
tui_state_visible(const struct tui_state *st, size_t i);
bool
tui_state_answered(const struct tui_state *st, size_t i);
/* Shown questions answered and shown questions in all. */
void
tui_state_progress(const struct tui_state *st, size_t *answered,
                   size_t *applicable);
/* Sections done: every shown question answered, or none shown and the
 * interview past them (behind the current question or the first open one).
 * Going forward it only grows: answers show or hide questions after the
 * one answered, never before it. */
size_t
tui_state_sections_done(const struct tui_state *st);

/* What the drawing needs of a view: the title row of a document view (""
 * for none); whether it shows st->docs[v] as a document; and the keys the
 * key bar offers now. */
const char *
tui_view_title(enum tui_view_id v);
bool
tui_view_document(enum tui_view_id v);
const struct tui_barkey *
tui_state_keybar(const struct tui_state *st);

/* The default export path for a format: <session>-socscope.<ext>, or
 * <session>-evidence.<ext> for the evidence request list, or
 * <session>-compare.<ext> for what-if compared with the saved answers,
 * where <session> is the session file's name without ".yaml" (the
 * client's name in a file name), followed by "-what-if" for what-if's
 * answers. */
char *
tui_export_default_path(const struct tui_state *st, enum sc_format f);
/* The format a file name's extension stands for (".md", ".htm" ...), or
 * -1 when it has none that socscope knows; and whether the export being
 * prompted for comes in format `f`. */
int
tui_export_format_of(const char *path);
bool
tui_export_has_format(const struct tui_state *st, enum sc_format f);
/* Export the report (as `socscope evaluate` writes it) or, with
 * st->export_evidence, the evidence request list (as `socscope evidence`
 * writes it), or with st->export_compare the comparison (as `socscope
 * compare` writes it) to the path being edited, in the format its
 * extension names (else st->export_fmt); sets st->message.  Overwrites
 * without asking (the prompt asks first). */
bool
tui_state_export(struct tui_state *st);

/* ---- for the views and the parts below them (not for drawing) ---- */

/* A view's operations (tig's view_ops).  Only `name` and `request` are
 * needed; a NULL operation means the default written beside it. */
struct tui_view_ops {
	const char *name;  /* "review": the view is in view_review.c */
	const char *title; /* the title row of a document view; NULL: none */
	/* Shows st->docs[its id] with the common document drawing, takes
	 * clicks and the wheel on its lines. */
	bool document;
	/* Handle what the view understands; false for the rest. */
	bool (*request)(struct tui_state *st, enum tui_req req, int key);
	/* Rebuild what the view shows when it comes on top.  NULL: nothing. */
	void (*open)(struct tui_state *st);
	/* Act on a selectable line of the view's document (Enter, a click).
	 * NULL: a TL_QUESTION line jumps back to its question. */
	bool (*open_line)(struct tui_state *st, const struct tui_line *l);
	/* Is a line editor taking the keys (so letters are text)?  NULL: no. */
	bool (*editing)(const struct tui_state *st);
	/* The key bar now, most useful first; the last entry always shows.
	 * NULL: the document keys (help, open, back, quit). */
	const struct tui_barkey *(*keybar)(const struct tui_state *st);
	/* Has the export prompt under its document (w). */
	bool exports;
};


/* Put a view on top (opening it), or go back to the one below. */
void
tui_view_push(struct tui_state *st, enum tui_view_id v);
void
tui_view_pop(struct tui_state *st);

/* The message shown in the current view (NULL fmt clears it). */
void
tui_set_message(struct tui_state *st, bool error, const char *fmt, ...)
	SC_PRINTF(3, 4);
void
tui_clear_message(struct tui_state *st);
/* Said when a read-only session opens and whenever a change is refused. */
void
tui_read_only_message(struct tui_state *st);

/* Load the worked examples this questionnaire can open (once). */
void
tui_examples_load(struct tui_state *st);
/* The worked example the session file at `path` (naming `client`) is a
 * copy of: NAME.yaml or NAME-N.yaml for an example NAME that names the
 * same client.  An index into st->examples (loaded when needed), or
 * SIZE_MAX. */
size_t
tui_example_of(struct tui_state *st, const char *path, const char *client);

static inline const struct sc_question *
tui_question(const struct tui_state *st, size_t i)
{
	return &st->q->questions[i];
}
/* Is the answer typed (number, text, date) rather than picked? */
bool
tui_is_typed(const struct sc_question *qn);
/* Why a typed date is not acceptable (YYYY-MM-DD or "today", within the
 * question's bounds), or NULL with *out set (when out is not NULL); the
 * caller frees the message.  Empty text is no error. */
char *
tui_date_error(const struct sc_question *qn, const char *text, sc_day *out);
/* The longest text answer a question takes. */
size_t
tui_text_max(const struct sc_question *qn);
/* The answer stored for question i, or NULL. */
const struct sc_answer *
tui_answer_stored(const struct tui_state *st, size_t i);

#endif
