/* Private to the line-by-line interview: its state, and what the loop
 * (plain.c), the answer parsers (plain_parse.c) and the prompts and help
 * (plain_prompt.c) share. */
#ifndef SOCSCOPE_PLAIN_INTERNAL_H
#define SOCSCOPE_PLAIN_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "socscope/answers.h"
#include "socscope/common.h"
#include "socscope/questionnaire.h"
#include "socscope/session.h"

/* Longest line read; the longest answer the format allows is 65536
 * characters of up to 4 bytes each. */
#define LINE_MAX_BYTES (300u * 1024u)
/* Current answers longer than this are shortened in the prompt. */
#define CURRENT_MAX 70
/* Notes, in characters: well inside the 64 KiB a YAML scalar may take
 * when the file is read back. */
#define NOTE_MAX 10000u
/* The format's default text limit, in characters. */
#define TEXT_DEFAULT_MAX 1000

struct plain {
	FILE *in, *out;
	const struct sc_questionnaire *q;
	struct sc_session *s;
	struct sc_buf line;
	bool too_long; /* the last line was cut at LINE_MAX_BYTES */
	bool eof;
	bool quit;
	size_t shown_section; /* section whose title was printed last */
	/* A note was just added (NOTE_ADDED) or removed (NOTE_REMOVED): the
	 * next prompt says so, and that the answer is still to come. */
	enum { NOTE_NONE, NOTE_ADDED, NOTE_REMOVED } noted;
	enum sc_status save_st; /* status of the last failed save */
};

/* ---- plain_parse.c: reading what was typed ---- */

/* Strip blanks at both ends, in place; returns the start. */
char *
plain_trim(char *s);
/* Characters in valid UTF-8 text; SIZE_MAX when it is not valid UTF-8. */
size_t
plain_utf8_length(const char *s);
/* A whole non-negative integer of at most 9 digits in s[0..len). */
bool
plain_parse_index(const char *s, size_t len, size_t *out);
/* The answer typed for a question: fills `v` (caller clears it) or writes
 * the reason into `err`. */
bool
plain_parse_answer(const struct sc_question *qn, const char *s,
                   struct sc_answer *v, struct sc_buf *err);

/* ---- plain_prompt.c: what is printed ---- */

/* The line listing the commands, shown in help and at the start. */
extern const char plain_commands_line[];
/* The instruction that says exactly what to type for a question
 * ("Answer y or n"), appended to b. */
void
plain_instruction(const struct sc_question *qn, struct sc_buf *b);
/* All output goes through here: control characters never reach the
 * terminal. */
void
plain_say(struct plain *p, const char *fmt, ...) SC_PRINTF(2, 3);
/* Note the status of a change (st, from the session); a failed save is
 * said at once, since the user believes their answers are on disk. */
void
plain_after_change(struct plain *p, enum sc_status st);
/* Question i: its section title when new, the text and help, the choices;
 * then the prompt line with the current answer or default. */
void
plain_print_question(struct plain *p, size_t i);
void
plain_print_prompt(struct plain *p, size_t i);
/* The first sentence of `help` (the one-line reason shown with each
 * question), appended to out. */
void
plain_first_sentence(const char *help, struct sc_buf *out);
/* Help on question i: how to answer it, and the commands. */
void
plain_print_help(struct plain *p, size_t i);

#endif
