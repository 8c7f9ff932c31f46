/* What main hands to an interview front end (full-screen or plain). */
#ifndef SOCSCOPE_INTERVIEW_H
#define SOCSCOPE_INTERVIEW_H

#include <stdbool.h>

#include "socscope/questionnaire.h"

/* Another questionnaire the full screen's picker offers to start. */
struct sc_interview_other {
	const char *id;
	const char *title;
};

/* What the full screen asks main to run next: another questionnaire's new
 * interview, or its saved session at `path`.  Filled by the front end. */
struct sc_interview_next {
	char *questionnaire; /* NULL: nothing more */
	char *path;          /* NULL: a new interview (the name first) */
};

struct sc_interview_opts {
	const struct sc_questionnaire *q; /* loaded and checked by main */
	const char *answers_path; /* -a FILE: open this file directly; NULL = sessions */
	const char *client;       /* --client NAME; NULL = ask (or picker) */
	const char *theme;        /* --theme NAME|PATH; NULL = default */
	bool ascii;               /* --ascii: plain borders and marks */
	/* The picker: the other questionnaires to start, and where to say
	 * which one was picked (NULL: no switching); start_new skips the
	 * picker for the new interview's name. */
	const struct sc_interview_other *others;
	size_t nothers;
	struct sc_interview_next *next;
	bool start_new;
};

#endif
