/* The terminal's lifecycle, all in one place (htop's CRT): start curses,
 * restore the terminal at exit, on a fatal signal (async-signal-safe, then
 * re-raise) and on SIGINT/SIGTERM/SIGHUP (a flag for the main loop, which
 * saves first), capture stderr while curses owns the screen and replay it
 * after.  Resizes arrive as TK_RESIZE from the input (ncurses' KEY_RESIZE;
 * no SIGWINCH handler of ours). */
#ifndef SOCSCOPE_TUI_TERM_H
#define SOCSCOPE_TUI_TERM_H

#include <signal.h>
#include <stdbool.h>

/* Set by SIGINT, SIGTERM or SIGHUP: the signal number, else 0. */
extern volatile sig_atomic_t tui_term_signal;

/* Start curses.  false (with the terminal untouched) when it cannot. */
bool
tui_term_start(void);
/* Restore the terminal and replay captured stderr; safe to call twice. */
void
tui_term_stop(void);
/* Does the locale speak UTF-8 (else ASCII borders and marks)? */
bool
tui_term_utf8(void);

/* The next key (keys.h), or -1 after `ms` milliseconds without one or
 * when a signal interrupted the wait. */
int
tui_term_key(int ms);

enum tui_mouse_kind { TM_NONE, TM_CLICK, TM_WHEEL_UP, TM_WHEEL_DOWN };
/* The mouse event behind the last TK_MOUSE. */
enum tui_mouse_kind
tui_term_mouse(int *y, int *x);

#endif
