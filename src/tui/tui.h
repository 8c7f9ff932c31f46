/* The full-screen ncurses interview. */
#ifndef SOCSCOPE_TUI_H
#define SOCSCOPE_TUI_H

#include "interview.h"

/* Run the interview on the terminal; returns the process exit code. */
int
sc_tui_main(const struct sc_interview_opts *o);

#endif
