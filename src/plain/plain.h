/* The line-by-line interview for screen readers and pipes (no curses). */
#ifndef SOCSCOPE_PLAIN_H
#define SOCSCOPE_PLAIN_H

#include <stdio.h>

#include "interview.h"

/* Run the interview on `in`/`out`; returns the process exit code. */
int
sc_plain_main(const struct sc_interview_opts *o, FILE *in, FILE *out);

#endif
