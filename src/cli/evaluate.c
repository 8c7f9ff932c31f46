/* socscope evaluate ANSWERS: the report for an answers file. */
#include <stdlib.h>
#include <unistd.h>

#include "cli_internal.h"
#include "socscope/engine.h"
#include "socscope/report.h"

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

	struct sc_questionnaire *q;
	struct sc_answers *a;
	if ((code = sc_cli_load_answers(args->rest[0], args->questionnaire, &q, &a)))
		return code;

	/* The Markdown and HTML reports carry the evidence request list. */
	struct sc_catalogue *cat = NULL;
	if (fmt == SC_FMT_MARKDOWN || fmt == SC_FMT_HTML) {
		cat = sc_cli_load_catalogue(NULL, stderr, &code);
		if (!cat) {
			sc_answers_free(a);
			sc_questionnaire_free(q);
			return code;
		}
	}
	struct sc_eval *ev = sc_eval_new(q, a);
	struct sc_report_opts ropts = {
		.date = getenv("SOCSCOPE_DATE"), /* fixed dates for reproducible reports */
		.width = args->output ? 0 : sc_cli_terminal_width(STDOUT_FILENO),
	};
	struct sc_buf out = {0};
	sc_report_render_full(q, a, ev, (enum sc_format)fmt, &ropts, cat, &out);
	sc_catalogue_free(cat);

	code = sc_cli_write_output(args->output, &out, "report");
	sc_buf_fini(&out);
	sc_eval_free(ev);
	sc_answers_free(a);
	sc_questionnaire_free(q);
	return code;
}
