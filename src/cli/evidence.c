/* socscope evidence ANSWERS: the evidence request list for the scope the
 * answers lead to, from the evidence catalogue (bundled, or one of the same
 * name in the data directories). */
#include <stdio.h>
#include <stdlib.h>

#include "cli_internal.h"
#include "socscope/engine.h"
#include "socscope/report.h"

int
sc_cmd_evidence(const struct sc_cli_args *args)
{
	int code;
	if ((code = sc_cli_check_options(args, false, true)))
		return code;
	if (args->nrest != 1)
		return sc_cli_usage_error("%s", args->nrest ? "evidence takes one answers file"
		                                            : "evidence needs an answers file");
	int fmt = sc_format_find(args->format ? args->format : "markdown");
	if (fmt < 0 || fmt == SC_FMT_TEXT)
		return sc_cli_usage_error("unknown evidence format '%s' (markdown, csv, html or json)",
		                          args->format);

	struct sc_questionnaire *q;
	struct sc_answers *a;
	if ((code = sc_cli_load_answers(args->rest[0], args->questionnaire, &q, &a)))
		return code;
	sc_cli_note_migrated(args->rest[0], q, a);
	/* A questionnaire that concludes with an outcome (the review of a
	 * provider's report) plans no examination of its own: there is no
	 * request list to make, and an empty one would read as one. */
	if (q->noutcomes && !q->recommends) {
		fprintf(stderr, "socscope: evidence: %s is a \"%s\", which ends "
		        "with an outcome, not with SOC reports to prepare for, so "
		        "it has no evidence request list; evaluate shows its "
		        "follow-ups\n", args->rest[0], q->title);
		sc_answers_free(a);
		sc_questionnaire_free(q);
		return 64;
	}
	struct sc_catalogue *cat = sc_cli_load_catalogue(NULL, stderr, &code);
	if (!cat) {
		sc_answers_free(a);
		sc_questionnaire_free(q);
		return code;
	}

	struct sc_eval *ev = sc_eval_new(q, a);
	struct sc_report_opts ropts = {
		.date = getenv("SOCSCOPE_DATE"), /* fixed dates for reproducible lists */
	};
	struct sc_buf out = {0};
	sc_evidence_render(q, a, ev, cat, (enum sc_format)fmt, &ropts, &out);
	code = sc_cli_write_output(args->output, &out, "evidence list");

	sc_buf_fini(&out);
	sc_eval_free(ev);
	sc_catalogue_free(cat);
	sc_answers_free(a);
	sc_questionnaire_free(q);
	return code;
}
