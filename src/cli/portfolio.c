/* socscope portfolio [ANSWERS...]: where each client stands, one row per
 * answers file: the files named, or every saved session.  A file that
 * cannot be read or is invalid has its problems printed and is left out;
 * the others are still shown, and the exit code says what went wrong (66
 * over 65, as for validate). */
#include <stdlib.h>
#include <unistd.h>

#include "cli_internal.h"
#include "socscope/paths.h"
#include "socscope/portfolio.h"
#include "socscope/report.h"
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
sc_cmd_portfolio(const struct sc_cli_args *args)
{
	int code;
	if ((code = sc_cli_check_options(args, false, true)))
		return code;
	int fmt = sc_format_find(args->format ? args->format : "text");
	if (fmt != SC_FMT_TEXT && fmt != SC_FMT_CSV && fmt != SC_FMT_JSON)
		return sc_cli_usage_error("unknown portfolio format '%s' (text, csv or json)",
		                          args->format);

	struct sc_portfolio p = {0};
	bool unreadable = false, invalid = false;
	size_t nsaved = 0;
	char **saved = args->nrest ? NULL : saved_sessions(&nsaved);
	size_t n = args->nrest ? (size_t)args->nrest : nsaved;

	struct sc_report_opts ropts = {.date = getenv("SOCSCOPE_DATE")};
	for (size_t i = 0; i < n; i++) {
		const char *path = args->nrest ? args->rest[i] : saved[i];
		struct sc_questionnaire *q;
		struct sc_answers *a;
		if ((code = sc_cli_load_answers(path, args->questionnaire, &q, &a))) {
			unreadable |= code == 66;
			invalid |= code != 66;
			continue;
		}
		sc_portfolio_add(&p, path, q, a, &ropts);
		sc_answers_free(a);
		sc_questionnaire_free(q);
	}

	ropts.width = args->output ? 0 : sc_cli_terminal_width(STDOUT_FILENO);
	struct sc_buf out = {0};
	if (p.n == 0 && !args->nrest && fmt == SC_FMT_TEXT) {
		char *dir = sc_sessions_dir();
		sc_buf_printf(&out, "No saved sessions in %s.\n", dir);
		free(dir);
	} else {
		sc_portfolio_render(&p, (enum sc_format)fmt, &ropts, &out);
	}
	code = sc_cli_write_output(args->output, &out, "portfolio");
	sc_buf_fini(&out);
	sc_portfolio_fini(&p);
	for (size_t i = 0; saved && i < nsaved; i++)
		free(saved[i]);
	free(saved);
	if (code)
		return code;
	return unreadable ? 66 : invalid ? 65 : 0;
}
