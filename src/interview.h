/* What main hands to an interview front end (full-screen or plain). */
#ifndef SOCSCOPE_INTERVIEW_H
#define SOCSCOPE_INTERVIEW_H

#include <stdbool.h>

#include "socscope/questionnaire.h"

struct sc_interview_opts {
	const struct sc_questionnaire *q; /* loaded and checked by main */
	const char *answers_path; /* -a FILE: open this file directly; NULL = sessions */
	const char *client;       /* --client NAME; NULL = ask (or picker) */
	const char *theme;        /* --theme NAME|PATH; NULL = default */
	bool ascii;               /* --ascii: plain borders and marks */
};

#endif
