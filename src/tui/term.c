/* Terminal lifecycle: start, restore, signals, stderr capture. */
#include "tui_term.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "keys.h"
#include "socscope/common.h"

volatile sig_atomic_t tui_term_signal;

static volatile sig_atomic_t active;
static struct termios saved_tios;
static bool have_tios;
/* What the fatal-signal handler writes to give the terminal back: leave
 * the alternate screen, show the cursor, reset attributes, stop mouse
 * reporting.  Built before curses starts so the handler only write()s. */
static char reset_seq[256];
static size_t reset_len;
static int saved_stderr = -1;
static int capture_fd = -1;
static int tty_fd = STDOUT_FILENO;

static const int fatal_signals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};
static const int exit_signals[] = {SIGINT, SIGTERM, SIGHUP};

/* Our own key codes for the bracketed-paste markers. */
#define KEY_PASTE_START (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

static MEVENT last_mouse;
static bool have_mouse;
/* The screen of this start; freed at stop, so that a second start (the
 * picker opening an interview on another questionnaire) does not leave the
 * first one behind. */
static SCREEN *screen;

static void
append_cap(const char *name)
{
	char *s = tigetstr((char *)name);
	if (!s || s == (char *)-1)
		return;
	size_t n = strlen(s);
	if (reset_len + n < sizeof reset_seq) {
		memcpy(reset_seq + reset_len, s, n);
		reset_len += n;
	}
}

static void
append_raw(const char *s)
{
	size_t n = strlen(s);
	if (reset_len + n < sizeof reset_seq) {
		memcpy(reset_seq + reset_len, s, n);
		reset_len += n;
	}
}

/* Copy what was written to stderr meanwhile to the real stderr.  Only
 * read/write/lseek: also used from the fatal-signal handler. */
static void
replay_stderr(void)
{
	char buf[4096];
	ssize_t n;

	if (capture_fd < 0 || saved_stderr < 0)
		return;
	dup2(saved_stderr, STDERR_FILENO);
	if (lseek(capture_fd, 0, SEEK_SET) == 0)
		while ((n = read(capture_fd, buf, sizeof buf)) > 0)
			if (write(STDERR_FILENO, buf, (size_t)n) < 0)
				break;
	close(capture_fd);
	close(saved_stderr);
	capture_fd = saved_stderr = -1;
}

/* Give the terminal back with write(2) and tcsetattr(3) only: from a
 * fatal-signal handler, or when memory ran out and curses cannot be asked
 * to do anything. */
static void
emergency_restore(void)
{
	if (active) {
		active = 0;
		if (reset_len && write(tty_fd, reset_seq, reset_len) < 0) {
			/* Nothing more can be done from here. */
		}
		if (have_tios)
			tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tios);
		replay_stderr();
	}
}

static void
fatal_handler(int sig)
{
	emergency_restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
exit_handler(int sig)
{
	tui_term_signal = sig;
}

static void
install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = fatal_handler;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++)
		sigaction(fatal_signals[i], &sa, NULL);
	/* No SA_RESTART: a signal ends the wait for a key at once. */
	sa.sa_handler = exit_handler;
	sa.sa_flags = 0;
	for (size_t i = 0; i < sizeof exit_signals / sizeof *exit_signals; i++)
		sigaction(exit_signals[i], &sa, NULL);
}

static void
at_exit(void)
{
	tui_term_stop();
}

bool
tui_term_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8") ||
	              !strcmp(cs, "UTF8"));
}

static void
capture_stderr(void)
{
	const char *dir = getenv("TMPDIR");
	char tmpl[4096];
	snprintf(tmpl, sizeof tmpl, "%s/socscope-stderr-XXXXXX",
	         dir && *dir ? dir : "/tmp");
	int fd = mkstemp(tmpl);
	if (fd < 0)
		return;
	/* Nameless at once: nothing is left behind, whatever happens. */
	unlink(tmpl);
	fflush(stderr);
	saved_stderr = dup(STDERR_FILENO);
	if (saved_stderr < 0 || dup2(fd, STDERR_FILENO) < 0) {
		close(fd);
		if (saved_stderr >= 0)
			close(saved_stderr);
		saved_stderr = -1;
		return;
	}
	capture_fd = fd;
}

bool
tui_term_start(void)
{
	static bool registered;

	if (active)
		return true;
	/* Ask terminfo first: a failed newterm leaves memory behind. */
	int terr = 0;
	if (setupterm(NULL, STDOUT_FILENO, &terr) != OK)
		return false;
	del_curterm(cur_term);
	have_tios = tcgetattr(STDIN_FILENO, &saved_tios) == 0;
	/* Ours before initscr, so ncurses leaves SIGINT/SIGTERM to us. */
	install_signals();
	screen = newterm(NULL, stdout, stdin);
	if (!screen)
		return false;
	tty_fd = fileno(stdout);
	reset_len = 0;
	append_raw("\033[?1000l\033[?1002l\033[?1006l\033[?2004l");
	append_cap("sgr0");
	append_cap("cnorm");
	append_cap("rmkx");
	append_cap("rmcup");
	capture_stderr();
	active = 1;
	sc_set_oom_hook(emergency_restore);
	if (!registered) {
		atexit(at_exit);
		registered = true;
	}
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	/* Terminals that ignore keypad-transmit mode still send the normal
	 * cursor sequences; take those too. */
	define_key("\033[A", KEY_UP);
	define_key("\033[B", KEY_DOWN);
	define_key("\033[C", KEY_RIGHT);
	define_key("\033[D", KEY_LEFT);
	define_key("\033[H", KEY_HOME);
	define_key("\033[F", KEY_END);
	/* Home and End as VT220 editing keys (tmux and screen send these
	 * whatever TERM says): unknown, they would arrive as Esc, '[', a
	 * digit and '~', and the digit would pick a choice. */
	define_key("\033[1~", KEY_HOME);
	define_key("\033[4~", KEY_END);
	define_key("\033[7~", KEY_HOME);
	define_key("\033[8~", KEY_END);
	define_key("\033OH", KEY_HOME);
	define_key("\033OF", KEY_END);
	define_key("\033OA", KEY_UP);
	define_key("\033OB", KEY_DOWN);
	define_key("\033OC", KEY_RIGHT);
	define_key("\033OD", KEY_LEFT);
	/* Bracketed paste: a pasted Tab, newline or "q" must not act as a
	 * key.  Terminals that do not know the mode ignore it. */
	define_key("\033[200~", KEY_PASTE_START);
	define_key("\033[201~", KEY_PASTE_END);
	fputs("\033[?2004h", stdout);
	fflush(stdout);
	curs_set(1);
	/* Presses act at once (no click resolution delay); a second press
	 * on a selected line opens it, so no double-click is needed. */
	have_mouse = mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED |
	                       BUTTON5_PRESSED, NULL) != 0;
	mouseinterval(0);
	/* stdscr is never drawn on; refreshing it once now keeps the input
	 * calls from refreshing it later over the real windows. */
	refresh();
	return true;
}

void
tui_term_stop(void)
{
	if (!active)
		return;
	active = 0;
	sc_set_oom_hook(NULL);
	if (have_mouse)
		mousemask(0, NULL);
	endwin();
	delscreen(screen);
	screen = NULL;
	fputs("\033[?2004l", stdout);
	fflush(stdout);
	replay_stderr();
}

static int
translate(int rc, wint_t ch)
{
	if (rc == OK) {
		if (ch == '\n' || ch == '\r')
			return TK_ENTER;
		return (int)ch;
	}
	switch (ch) {
	case KEY_UP: return TK_UP;
	case KEY_DOWN: return TK_DOWN;
	case KEY_LEFT: return TK_LEFT;
	case KEY_RIGHT: return TK_RIGHT;
	case KEY_HOME: return TK_HOME;
	case KEY_END: return TK_END;
	case KEY_PPAGE: return TK_PPAGE;
	case KEY_NPAGE: return TK_NPAGE;
	case KEY_BACKSPACE: return TK_BACKSPACE;
	case KEY_DC: return TK_DELETE;
	case KEY_BTAB: return TK_BTAB;
	case KEY_ENTER: return TK_ENTER;
	case KEY_RESIZE: return TK_RESIZE;
	case KEY_PASTE_START: return TK_PASTE_START;
	case KEY_PASTE_END: return TK_PASTE_END;
	case KEY_MOUSE:
		if (getmouse(&last_mouse) == OK)
			return TK_MOUSE;
		return -1;
	default:
		if (ch >= (wint_t)KEY_F(0) && ch <= (wint_t)KEY_F(12))
			return TK_F((int)(ch - KEY_F(0)));
		return -1;
	}
}

/* A terminal that went away without a SIGHUP (the pty closed) would
 * make every read fail at once; treat it as the hangup it is, so the
 * loop saves and ends instead of spinning. */
static void
check_hangup(void)
{
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	if (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
		tui_term_signal = SIGHUP;
}

int
tui_term_key(int ms)
{
	wint_t ch;
	timeout(ms);
	int rc = get_wch(&ch);
	if (rc == ERR) {
		check_hangup();
		return -1;
	}
	return translate(rc, ch);
}

enum tui_mouse_kind
tui_term_mouse(int *y, int *x)
{
	*y = last_mouse.y;
	*x = last_mouse.x;
	if (last_mouse.bstate & BUTTON4_PRESSED)
		return TM_WHEEL_UP;
	if (last_mouse.bstate & BUTTON5_PRESSED)
		return TM_WHEEL_DOWN;
	if (last_mouse.bstate & BUTTON1_PRESSED)
		return TM_CLICK;
	return TM_NONE;
}
