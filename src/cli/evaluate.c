/* socscope evaluate ANSWERS: the report for an answers file, with who
 * prepared it and, for HTML, the consultant's stylesheet and logo. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_internal.h"
#include "socscope/engine.h"
#include "socscope/fsutil.h"
#include "socscope/report.h"

/* Sizes past which a stylesheet or a logo is surely not one. */
#define STYLESHEET_MAX (1u << 20)
#define LOGO_MAX (2u << 20)

/* Read `path` for --stylesheet or --logo; 0, or the exit code after
 * saying why. */
static int
read_input(const char *path, size_t max, char **data, size_t *len)
{
	char *err = NULL;
	enum sc_status st = sc_read_file(path, max, data, len, &err);
	if (st == SC_OK)
		return 0;
	fprintf(stderr, "socscope: %s\n", err ? err : path);
	free(err);
	return sc_status_exit_code(st);
}

/* The consultant's stylesheet and logo, checked before any output is
 * made: 0, or the exit code after saying what is wrong. */
static int
load_brand(const struct sc_cli_args *args, struct sc_report_brand *brand,
           char **css, char **logo)
{
	int code;
	size_t len;
	if (args->stylesheet) {
		if ((code = read_input(args->stylesheet, STYLESHEET_MAX, css, &len)))
			return code;
		int line, col;
		const char *why = sc_report_stylesheet_problem(*css, len, &line,
		                                               &col);
		if (why) {
			fprintf(stderr, "socscope: %s:%d:%d: cannot use this "
			                "stylesheet: %s\n",
			        args->stylesheet, line, col, why);
			return 65;
		}
		brand->stylesheet = *css;
	}
	if (args->logo) {
		if ((code = read_input(args->logo, LOGO_MAX, logo, &len)))
			return code;
		if (!sc_report_logo_type((const unsigned char *)*logo, len)) {
			fprintf(stderr, "socscope: %s: not a PNG, JPEG or SVG image, so "
			                "it cannot be the report's logo\n",
			        args->logo);
			return 65;
		}
		brand->logo = (const unsigned char *)*logo;
		brand->logo_len = len;
	}
	brand->assessor = args->assessor;
	brand->firm = args->firm;
	return 0;
}

int
sc_cmd_evaluate(const struct sc_cli_args *args)
{
	int code;
	if ((code = sc_cli_check_options(args, false, true)))
		return code;
	if (args->nrest != 1)
		return sc_cli_usage_error("%s", args->nrest ? "evaluate takes one answers file"
		                                            : "evaluate needs an answers file");
	int fmt = sc_format_find(args->format ? args->format : "text");
	if (fmt < 0)
		return sc_cli_usage_error("unknown format '%s' (text, markdown, html, json or csv)",
		                          args->format);
	if ((args->stylesheet || args->logo) && fmt != SC_FMT_HTML)
		return sc_cli_usage_error("%s", "--stylesheet and --logo go with "
		                                "--format html");

	struct sc_report_brand brand = {0};
	char *css = NULL, *logo = NULL;
	if ((code = load_brand(args, &brand, &css, &logo))) {
		free(css);
		free(logo);
		return code;
	}

	struct sc_questionnaire *q;
	struct sc_answers *a;
	if ((code = sc_cli_load_answers(args->rest[0], args->questionnaire, &q, &a))) {
		free(css);
		free(logo);
		return code;
	}
	sc_cli_note_migrated(args->rest[0], q, a);

	/* The Markdown and HTML reports carry the evidence request list. */
	struct sc_catalogue *cat = NULL;
	if (fmt == SC_FMT_MARKDOWN || fmt == SC_FMT_HTML) {
		cat = sc_cli_load_catalogue(NULL, stderr, &code);
		if (!cat) {
			sc_answers_free(a);
			sc_questionnaire_free(q);
			free(css);
			free(logo);
			return code;
		}
	}
	struct sc_eval *ev = sc_eval_new(q, a);
	struct sc_report_opts ropts = {
		.date = getenv("SOCSCOPE_DATE"), /* fixed dates for reproducible reports */
		.width = args->output ? 0 : sc_cli_terminal_width(STDOUT_FILENO),
	};
	struct sc_buf out = {0};
	sc_report_render_branded(q, a, ev, (enum sc_format)fmt, &ropts, cat, &brand,
	                         &out);
	sc_catalogue_free(cat);
	free(css);
	free(logo);

	code = sc_cli_write_output(args->output, &out, "report");
	sc_buf_fini(&out);
	sc_eval_free(ev);
	sc_answers_free(a);
	sc_questionnaire_free(q);
	return code;
}
