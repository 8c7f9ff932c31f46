/* socscope compare A B: two sets of answers side by side.  Each side is an
 * answers file, a saved session or a worked example. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_internal.h"
#include "socscope/bundled.h"
#include "socscope/compare.h"
#include "socscope/engine.h"
#include "socscope/examples.h"
#include "socscope/paths.h"
#include "socscope/report.h"

/* Where one side's answers come from. */
struct side {
	const char *arg; /* as given; it labels the side in the comparison */
	char *path;      /* the answers file, or NULL for a worked example */
};

static bool
is_file(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && !S_ISDIR(sb.st_mode);
}

static bool
example_exists(const char *name)
{
	char *path = sc_data_find(SC_DATA_EXAMPLE, name);
	bool found = path || sc_bundled_find(SC_DATA_EXAMPLE, name);
	free(path);
	return found;
}

/* Find what `arg` names: a file that exists (or anything written as a
 * path, whose loading then says what is wrong with it), else a saved
 * session by client or file name ("Acme Payroll Ltd", "acme-payroll-ltd"),
 * else a worked example ("payroll-bureau").  Says what was tried and
 * returns 66 when it is none of them. */
static int
side_find(const char *arg, struct side *s)
{
	s->arg = arg;
	if (sc_name_is_path(arg) || is_file(arg)) {
		s->path = sc_xstrdup(arg);
		return 0;
	}
	char *session = sc_session_path(arg);
	if (is_file(session)) {
		s->path = session;
		return 0;
	}
	if (example_exists(arg)) {
		free(session);
		return 0;
	}
	fprintf(stderr, "socscope: %s: no such file, no saved session called \"%s\" "
	                "(no %s) and no worked example of that name (see 'socscope "
	                "list')\n", arg, arg, session);
	free(session);
	return 66;
}

/* The questionnaire: -q, else the one side `s` names (an example that
 * names none gets the default, whose loading of it then says so). */
static struct sc_questionnaire *
load_questionnaire(const char *qname, const struct side *s, int *code)
{
	if (qname)
		return sc_cli_load_questionnaire(qname, stderr, code);
	if (!s->path) {
		char *id = sc_cli_example_questionnaire(s->arg);
		struct sc_questionnaire *q = sc_cli_load_questionnaire(id, stderr, code);
		free(id);
		return q;
	}
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	char *id = sc_answers_peek_questionnaire(s->path, &d, &st);
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

/* Load one side against `q`; prints the problems and returns the exit
 * code. */
static int
load_side(const struct sc_questionnaire *q, const struct side *s,
          struct sc_answers **out)
{
	struct sc_diags d;
	sc_diags_init(&d);
	struct sc_answers *a = sc_answers_new(q);
	enum sc_status st = s->path ? sc_answers_load_file(a, s->path, &d)
	                            : sc_example_load(a, s->arg, &d);
	if (st != SC_OK) {
		sc_diags_sort(&d);
		sc_cli_print_diags(&d, stderr);
		sc_answers_free(a);
		a = NULL;
	} else if (s->path) {
		sc_cli_note_migrated(s->path, q, a);
	}
	sc_diags_fini(&d);
	*out = a;
	return sc_status_exit_code(st);
}

int
sc_cmd_compare(const struct sc_cli_args *args)
{
	int code;
	if ((code = sc_cli_check_options(args, false, true)))
		return code;
	if (args->nrest != 2)
		return sc_cli_usage_error("%s", "compare takes two answers files, saved "
		                                "session names or worked example names");
	int fmt = sc_format_find(args->format ? args->format : "text");
	if (fmt < 0 || fmt == SC_FMT_CSV)
		return sc_cli_usage_error("unknown format '%s' for compare (text, "
		                          "markdown, html or json)", args->format);

	struct side sa = {0}, sb = {0};
	struct sc_questionnaire *q = NULL;
	struct sc_answers *a = NULL, *b = NULL;
	struct sc_eval *ea = NULL, *eb = NULL;
	struct sc_diff *diff = NULL;
	struct sc_buf out = {0};

	if ((code = side_find(args->rest[0], &sa)) ||
	    (code = side_find(args->rest[1], &sb)))
		goto out;
	if (!(q = load_questionnaire(args->questionnaire, &sa, &code)))
		goto out;
	if ((code = load_side(q, &sa, &a)) || (code = load_side(q, &sb, &b)))
		goto out;

	/* Both sides through the same engine and report model. */
	ea = sc_eval_new(q, a);
	eb = sc_eval_new(q, b);
	struct sc_diff_opts dopts = {
		.label_a = sa.arg,
		.label_b = sb.arg,
		.date = getenv("SOCSCOPE_DATE"), /* reproducible output */
	};
	diff = sc_diff_new(q, a, ea, b, eb, &dopts);
	sc_diff_render(diff, (enum sc_format)fmt,
	               args->output ? 0 : sc_cli_terminal_width(STDOUT_FILENO), &out);

	code = sc_cli_write_output(args->output, &out, "comparison");
out:
	sc_buf_fini(&out);
	sc_diff_free(diff);
	sc_eval_free(ea);
	sc_eval_free(eb);
	sc_answers_free(a);
	sc_answers_free(b);
	sc_questionnaire_free(q);
	free(sa.path);
	free(sb.path);
	return code;
}
