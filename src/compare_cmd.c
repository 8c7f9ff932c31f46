/* socscope compare A B: two answers files or saved sessions side by side. */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "socscope/compare.h"
#include "socscope/fsutil.h"
#include "socscope/paths.h"

/* A saved session by name ("Acme Payroll Ltd" or its file's name,
 * "acme-payroll-ltd"), or a path as given. */
static char *
side_path(const char *name)
{
	return sc_name_is_path(name) ? sc_xstrdup(name) : sc_session_path(name);
}

/* A session name that names no saved session is an unreadable input. */
static bool
side_missing(const char *name, const char *path)
{
	struct stat sb;
	if (sc_name_is_path(name) || stat(path, &sb) == 0)
		return false;
	fprintf(stderr, "socscope: no saved session called \"%s\" (%s does not "
	                "exist; see 'socscope list')\n", name, path);
	return true;
}

/* Load one side against `q`; prints the problems and returns the exit
 * code. */
static int
load_side(const struct sc_questionnaire *q, const char *path,
          struct sc_answers **out)
{
	struct sc_diags d;
	sc_diags_init(&d);
	struct sc_answers *a = sc_answers_new(q);
	enum sc_status st = sc_answers_load_file(a, path, &d);
	if (st != SC_OK) {
		sc_diags_sort(&d);
		sc_cli_print_diags(&d, stderr);
		sc_answers_free(a);
		a = NULL;
	}
	sc_diags_fini(&d);
	*out = a;
	return sc_status_exit_code(st);
}

/* The questionnaire: -q, else the one the first file names. */
static struct sc_questionnaire *
load_questionnaire(const char *qname, const char *path, int *code)
{
	if (qname)
		return sc_cli_load_questionnaire(qname, stderr, code);
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	char *id = sc_answers_peek_questionnaire(path, &d, &st);
	struct sc_questionnaire *q = NULL;
	if (id) {
		q = sc_cli_load_questionnaire(id, stderr, code);
	} else {
		sc_cli_print_diags(&d, stderr);
		*code = sc_status_exit_code(st == SC_OK ? SC_EDATA : st);
	}
	free(id);
	sc_diags_fini(&d);
	return q;
}

static int
terminal_width(int fd)
{
	struct winsize ws;
	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 0;
}

int
sc_cmd_compare(const struct sc_compare_opts *o)
{
	int code = 0;
	struct sc_questionnaire *q = NULL;
	struct sc_answers *a = NULL, *b = NULL;
	struct sc_eval *ea = NULL, *eb = NULL;
	struct sc_diff *diff = NULL;
	struct sc_buf out = {0};

	char *pa = side_path(o->a), *pb = side_path(o->b);
	if (side_missing(o->a, pa) || side_missing(o->b, pb)) {
		code = 66;
		goto out;
	}
	if (!(q = load_questionnaire(o->questionnaire, pa, &code)))
		goto out;
	if ((code = load_side(q, pa, &a)) || (code = load_side(q, pb, &b)))
		goto out;

	/* Both sides through the same engine and report model. */
	ea = sc_eval_new(q, a);
	eb = sc_eval_new(q, b);
	struct sc_diff_opts dopts = {
		.label_a = o->a,
		.label_b = o->b,
		.date = getenv("SOCSCOPE_DATE"), /* reproducible output */
	};
	diff = sc_diff_new(q, a, ea, b, eb, &dopts);
	sc_diff_render(diff, o->format,
	               o->output ? 0 : terminal_width(STDOUT_FILENO), &out);

	code = sc_cli_write_output(o->output, &out, "comparison");
out:
	sc_buf_fini(&out);
	sc_diff_free(diff);
	sc_eval_free(ea);
	sc_eval_free(eb);
	sc_answers_free(a);
	sc_answers_free(b);
	sc_questionnaire_free(q);
	free(pa);
	free(pb);
	return code;
}
