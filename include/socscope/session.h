/* An interview session: one client's answers to a questionnaire, evaluated
 * live and saved on every change (atomically, mode 0600) so that a closed
 * lid, a dropped connection or a signal loses nothing.  Shared by the
 * full-screen and the plain interview; no terminal code here. */
#ifndef SOCSCOPE_SESSION_H
#define SOCSCOPE_SESSION_H

#include "socscope/engine.h"

struct sc_session {
	const struct sc_questionnaire *q;
	struct sc_answers *a;
	struct sc_eval *ev;
	char *path;       /* the answers file it saves to; NULL: what-if */
	char *last_error; /* why the last save failed; NULL when it succeeded */
	/* Open in another interview: shown, never changed or saved here. */
	bool read_only;
	char *holder;     /* read_only: who has it open and since when */
	int lock_fd;      /* the lock held on it; -1 when none */
	char *lock_path;  /* ".NAME.yaml.lock" beside it */
};

/* Open the session saved at `path`, or start a new one there when the file
 * does not exist (with `client` as its client name; may be NULL).  Creates
 * the directory when needed.  NULL with diagnostics when the file exists but
 * cannot be read (SC_ENOINPUT) or is invalid (SC_EDATA).
 *
 * The session is locked while open (a lock file beside it, released by the
 * kernel however the process ends), and the holder removes temporary
 * files that saves killed half-way left beside it.  When another interview
 * holds the lock the session opens read-only: `holder` says who and since
 * when, and every change or save returns SC_ECANTCREAT, touching nothing.
 * Where no lock can be had at all (a directory we cannot write) it opens
 * as before, and the first save says what is wrong. */
struct sc_session *
sc_session_open(const struct sc_questionnaire *q, const char *path,
                const char *client, struct sc_diags *d, enum sc_status *st);
void
sc_session_free(struct sc_session *s);

/* What-if: a copy of `s` in memory (its answers, notes and client, with
 * an evaluator of its own) that changes as a session does but is never
 * saved: it has no file (path NULL) and no lock, and is never read-only,
 * even when `s` is.  `s` is not touched and may change or go meanwhile.
 * Free with sc_session_free. */
struct sc_session *
sc_session_what_if(const struct sc_session *s);
/* Keep what-if's changes: give `s` the answers, notes and client of
 * `from` (a what-if copy of it, or any session of the same questionnaire),
 * re-evaluate, and save once when anything differs (nothing is written
 * when nothing does).  A read-only `s` returns SC_ECANTCREAT, unchanged;
 * a failed save returns its status as sc_session_set does. */
enum sc_status
sc_session_keep(struct sc_session *s, const struct sc_session *from);

/* Who has the session at `path` open in an interview ("socscope process
 * 1234 (alice on host1) since 2026-11-22 10:15 UTC", or "another socscope"
 * when it did not say), or NULL when no one has; never takes the lock.
 * Caller frees. */
char *
sc_session_holder(const char *path);

/* The client's name and the questionnaire's client_question are one value:
 * opening a session with a name answers the question (so it is not asked
 * again), a file with the answer but no name takes the answer as its name,
 * and answering the question (sc_session_set) or naming the client
 * (sc_session_set_client) changes both. */

/* Change an answer or note, re-evaluate what depends on it, and save.
 * sc_session_set returns SC_EDATA (changing nothing) when the value does not
 * fit the question; a failed save returns its status and sets last_error,
 * and the change stays in memory so the next save can retry. */
enum sc_status
sc_session_set(struct sc_session *s, size_t question,
               const struct sc_answer *v);
enum sc_status
sc_session_unset(struct sc_session *s, size_t question);
enum sc_status
sc_session_set_note(struct sc_session *s, size_t question, const char *note);
/* Who closes gap `gap` and by when (sc_answers_set_action), saved; an
 * empty owner and no date clear it.  SC_EDATA (changing nothing) when the
 * questionnaire raises no such gap or the owner does not fit. */
enum sc_status
sc_session_set_action(struct sc_session *s, const char *gap, const char *owner,
                      const long *due);
enum sc_status
sc_session_set_client(struct sc_session *s, const char *client);
enum sc_status
sc_session_save(struct sc_session *s);

/* Navigation over the questions currently shown: the next or previous shown
 * question after/before `from` (SIZE_MAX when none; from = SIZE_MAX asks for
 * the first/last), and the first shown question without an answer. */
size_t
sc_session_next(const struct sc_session *s, size_t from);
size_t
sc_session_prev(const struct sc_session *s, size_t from);
size_t
sc_session_first_unanswered(const struct sc_session *s);
/* The next question the interview asks when going forward: as
 * sc_session_next, but the client question is passed over once answered
 * (the name is known); going back still reaches it. */
size_t
sc_session_next_asked(const struct sc_session *s, size_t from);

/* The choice of a check list that means "none of these": the one with id
 * "none", else one whose label starts with the word "None"; -1 when there is
 * none.  Such a list has no empty answer in the interview, and "none" cannot
 * be ticked together with another choice. */
int
sc_session_none_choice(const struct sc_question *qn);

/* Does section `section` show no question with the answers so far? */
bool
sc_session_section_skipped(const struct sc_session *s, size_t section);
/* Say why the sections in [from, to) that show no question are passed over,
 * one line (ending in '\n') each: a section's skipped_note verbatim (of a
 * list of variants, the first whose `when` holds now), and for each run of
 * sections without one a sentence naming them and the questions whose
 * answers hid them; a note just said is not said again at once.  The
 * full-screen and the plain interview both say it this way.  Appends
 * nothing when every section applies. */
void
sc_session_explain_skipped(const struct sc_session *s, size_t from, size_t to,
                           struct sc_buf *out);

/* Saved sessions for the start screen's picker. */
struct sc_session_info {
	char *path;
	char *client;  /* "" when the file names none */
	char *updated; /* ISO 8601 as saved; "" when absent */
	char *questionnaire; /* the questionnaire id the file names */
	size_t answered, applicable; /* progress against `q` when it matches */
	char *holder;  /* open in an interview: who and since when; else NULL */
	/* sc_result_headline against `q` when it matches ("SOC 2 Type II
	 * (Security)", "No SOC report now"), else "" */
	char *recommendation;
	/* Saved under an older version of `q` and read through its
	 * migrations: that version ("2.0"); else NULL. */
	char *migrated_from;
	/* It cannot be opened: the first problem, "FILE:LINE:COL: message"
	 * (or "FILE: why" when it cannot be read); else NULL.  Such an entry
	 * has no progress or recommendation, and client, updated and
	 * questionnaire as far as the file could be read ("" otherwise). */
	char *error;
};

/* List the sessions in `dir` (usually sc_sessions_dir()): every regular
 * NAME.yaml there (not hidden files, which include the lock and the atomic
 * save's temporaries, nor the originals kept as NAME.yaml.vVERSION).  Those
 * that can be opened come first, newest `updated` first; then those that
 * cannot, by path, each with its `error`, so that no session is hidden.
 * Files of this questionnaire are loaded in full; those of another get
 * the light check only (an answers file naming a questionnaire).  Returns
 * the count; *out is malloc'd (free with sc_session_infos_free). */
size_t
sc_sessions_list(const struct sc_questionnaire *q, const char *dir,
                 struct sc_session_info **out);
void
sc_session_infos_free(struct sc_session_info *v, size_t n);
/* The entry sc_sessions_list gives the file at `path` (any file, in the
 * sessions folder or not), into *out; free with sc_session_info_fini. */
void
sc_session_info_read(const struct sc_questionnaire *q, const char *path,
                     struct sc_session_info *out);
void
sc_session_info_fini(struct sc_session_info *in);

#endif
