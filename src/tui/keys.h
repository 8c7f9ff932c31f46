/* Keys as the curses-free code sees them: a Unicode code point for a typed
 * character, or one of the TK_ codes below for a special key.  term.c turns
 * curses' key codes into these, so the views and the tests never need
 * curses. */
#ifndef SOCSCOPE_TUI_KEYS_H
#define SOCSCOPE_TUI_KEYS_H

/* Above the Unicode range so they never collide with a typed character. */
#define TK_BASE 0x110000
enum tui_special_key {
	TK_UP = TK_BASE,
	TK_DOWN,
	TK_LEFT,
	TK_RIGHT,
	TK_HOME,
	TK_END,
	TK_PPAGE,
	TK_NPAGE,
	TK_BACKSPACE,
	TK_DELETE,
	TK_BTAB,
	TK_RESIZE,
	TK_MOUSE,
	TK_PASTE_START, /* bracketed paste: what follows is text, not keys */
	TK_PASTE_END,
	TK_F0, /* TK_F(n) = TK_F0 + n */
	TK_LAST = TK_F0 + 13,
};
#define TK_F(n) (TK_F0 + (n))

/* Control characters arrive as themselves. */
#define TK_CTRL(c) ((c) & 0x1f)
#define TK_TAB '\t'
#define TK_ENTER '\r'
#define TK_ESC 0x1b

#endif
