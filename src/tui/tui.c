/* The full-screen interview: load the theme, open the session, then the
 * loop: key -> request -> state -> frame.  Signals end the loop with the
 * answers saved. */
#include "tui.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "colors.h"
#include "draw.h"
#include "keys.h"
#include "plain/plain.h"
#include "socscope/bundled.h"
#include "socscope/paths.h"
#include "socscope/theme.h"
#include "state.h"
#include "tui_term.h"
#include "uistate.h"

/* --theme: a path, else a name in the data directories, else a bundled
 * copy (contract.md's lookup order).  NULL with *code set on failure, after
 * printing why. */
static struct sc_theme *
load_theme(const char *name, int *code)
{
	struct sc_diags d;
	enum sc_status rc = SC_OK;
	struct sc_theme *t = NULL;
	const char *nm = name && *name ? name : "default";

	sc_diags_init(&d);
	if (sc_name_is_path(nm)) {
		t = sc_theme_load_file(nm, &d, &rc);
	} else {
		char *p = sc_data_find(SC_DATA_THEME, nm);
		if (p) {
			t = sc_theme_load_file(p, &d, &rc);
			free(p);
		} else {
			const struct sc_bundled *b =
				sc_bundled_find(SC_DATA_THEME, nm);
			if (!b) {
				fprintf(stderr,
				        "socscope: no theme called \"%s\" (try "
				        "default, high-contrast or monochrome, "
				        "or give a path)\n", nm);
				*code = 66;
				sc_diags_fini(&d);
				return NULL;
			}
			char *label = sc_xasprintf("<bundled>/%s.yaml", b->name);
			t = sc_theme_load_buffer(label, b->data, b->len, &d, &rc);
			free(label);
		}
	}
	if (!t) {
		struct sc_buf out = {0};
		sc_diags_format(&d, &out);
		if (out.len)
			fputs(sc_buf_str(&out), stderr);
		else
			fprintf(stderr, "socscope: %s: cannot load the theme\n", nm);
		sc_buf_fini(&out);
		*code = sc_status_exit_code(rc == SC_OK ? SC_EDATA : rc);
	}
	sc_diags_fini(&d);
	return t;
}

static void
handle_mouse(struct tui_state *st)
{
	int y, x;
	size_t idx;
	enum tui_mouse_kind k = tui_term_mouse(&y, &x);

	switch (k) {
	case TM_WHEEL_UP:
	case TM_WHEEL_DOWN:
		/* The wheel scrolls what is under the pointer: the panel, or
		 * the view. */
		if (tui_draw_hit(y, x, &idx) == TH_PANEL)
			tui_state_scroll_panel(st, k == TM_WHEEL_UP ? -3 : 3);
		else
			tui_state_scroll(st, k == TM_WHEEL_UP ? -3 : 3);
		return;
	case TM_CLICK:
		break;
	default:
		return;
	}
	switch (tui_draw_hit(y, x, &idx)) {
	case TH_CHOICE:
		tui_state_click_choice(st, idx);
		break;
	case TH_SECTION:
		tui_state_click_section(st, idx);
		break;
	case TH_LINE: {
		/* A click selects; a second click on it opens. */
		const struct tui_doc *d = &st->docs[tui_state_view(st)];
		tui_state_click_line(st, idx, d->sel == idx);
		break;
	}
	default:
		break;
	}
}

static int
signal_exit_code(int sig)
{
	return 128 + sig;
}

int
sc_tui_main(const struct sc_interview_opts *o)
{
	struct sc_interview_opts opts = *o;
	struct sc_theme *theme;
	struct tui_state *st;
	char *err = NULL;
	int code = 0;

	setlocale(LC_ALL, "");
	/* Without UTF-8 the borders and marks fall back to ASCII. */
	opts.ascii = o->ascii || !tui_term_utf8();
	theme = load_theme(o->theme, &code);
	if (!theme)
		return code;
	st = tui_state_new(&opts, &err, &code);
	if (!st) {
		fprintf(stderr, "%s\n", err);
		free(err);
		sc_theme_free(theme);
		return code;
	}
	if (!tui_term_start()) {
		/* No usable terminal description: the same interview still
		 * runs, as plain prompts. */
		const char *term = getenv("TERM");
		fprintf(stderr,
		        "socscope: the terminal \"%s\" is unknown to curses; "
		        "running the plain interview instead\n",
		        term ? term : "");
		tui_state_free(st);
		sc_theme_free(theme);
		return sc_plain_main(o, stdin, stdout);
	}
	tui_colors_init(theme);

	bool dirty = true, full = false;
	while (!st->quit && !tui_term_signal) {
		if (dirty) {
			tui_draw_layout(st);
			tui_draw_frame(st, full);
			dirty = full = false;
		}
		/* A short wait so a signal is acted on promptly. */
		int key = tui_term_key(250);
		if (tui_term_signal || key < 0)
			continue;
		dirty = true;
		tui_draw_layout(st);
		if (key == TK_RESIZE) {
			full = true;
		} else if (key == TK_MOUSE) {
			handle_mouse(st);
		} else {
			if (key == TK_CTRL('l'))
				full = true;
			tui_state_key(st, key);
		}
	}

	int sig = tui_term_signal;
	/* What was being typed is kept, then the terminal goes back. */
	tui_state_commit_pending(st);
	if (st->s && st->s->last_error)
		sc_session_save(st->s);
	/* Where the interview was, for the next time it is opened. */
	tui_uistate_save(st);
	tui_draw_fini();
	tui_term_stop();
	if (st->s && st->s->last_error) {
		fprintf(stderr, "socscope: %s: answers not saved: %s\n",
		        st->s->path, st->s->last_error);
		code = 74;
	}
	/* 130 (and 143, 129) say the answers were saved; unsaved ones are
	 * the write error they are. */
	if (sig && code == 0)
		code = signal_exit_code(sig);
	tui_state_free(st);
	sc_theme_free(theme);
	return code;
}
