/* socscope portfolio [ANSWERS...]: where each client stands, one row per
 * answers file: the files named, or every saved session.  A file that
 * cannot be read or is invalid has its problems printed and is left out;
 * the others are still shown, and the exit code says what went wrong (66
 * over 65, as for validate). */
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "socscope/paths.h"
#include "socscope/portfolio.h"
#include "socscope/session.h"

/* The saved sessions, newest first (as the interview's picker lists
 * them), whatever questionnaire each answers. */
static char **
saved_sessions(size_t *n)
{
	char *dir = sc_sessions_dir();
	struct sc_session_info *v = NULL;
	*n = sc_sessions_list(NULL, dir, &v);
	char **paths = sc_xcalloc(*n + 1, sizeof *paths);
	for (size_t i = 0; i < *n; i++)
		paths[i] = sc_xstrdup(v[i].path);
	sc_session_infos_free(v, *n);
	free(dir);
	return paths;
}

int
sc_cmd_portfolio(const struct sc_portfolio_opts *o)
{
	struct sc_portfolio p = {0};
	bool unreadable = false, invalid = false;
	size_t nsaved = 0;
	char **saved = o->nfiles ? NULL : saved_sessions(&nsaved);
	size_t n = o->nfiles ? (size_t)o->nfiles : nsaved;

	struct sc_report_opts ropts = {.date = getenv("SOCSCOPE_DATE")};
	for (size_t i = 0; i < n; i++) {
		const char *path = o->nfiles ? o->files[i] : saved[i];
		struct sc_questionnaire *q;
		struct sc_answers *a;
		int code = sc_cli_load_answers(path, o->questionnaire, &q, &a);
		if (code) {
			unreadable |= code == 66;
			invalid |= code != 66;
			continue;
		}
		sc_portfolio_add(&p, path, q, a, &ropts);
		sc_answers_free(a);
		sc_questionnaire_free(q);
	}

	struct winsize ws;
	int width = 0;
	if (!o->output && isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		width = ws.ws_col;
	ropts.width = width;
	struct sc_buf out = {0};
	if (p.n == 0 && !o->nfiles && o->format == SC_FMT_TEXT) {
		char *dir = sc_sessions_dir();
		sc_buf_printf(&out, "No saved sessions in %s.\n", dir);
		free(dir);
	} else {
		sc_portfolio_render(&p, o->format, &ropts, &out);
	}
	int code = sc_cli_write_output(o->output, &out, "portfolio");
	sc_buf_fini(&out);
	sc_portfolio_fini(&p);
	for (size_t i = 0; saved && i < nsaved; i++)
		free(saved[i]);
	free(saved);
	if (code)
		return code;
	return unreadable ? 66 : invalid ? 65 : 0;
}
