/* socscope evidence ANSWERS: the evidence request list for the scope the
 * answers lead to, from the evidence catalogue (bundled, or one of the same
 * name in the data directories). */
#include <stdlib.h>

#include "cli.h"
#include "socscope/catalogue.h"

int
sc_cmd_evidence(const struct sc_evaluate_opts *o)
{
	struct sc_questionnaire *q;
	struct sc_answers *a;
	int code = sc_cli_load_answers(o->answers, o->questionnaire, &q, &a);
	if (code)
		return code;
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
	sc_evidence_render(q, a, ev, cat, o->format, &ropts, &out);
	code = sc_cli_write_output(o->output, &out, "evidence list");

	sc_buf_fini(&out);
	sc_eval_free(ev);
	sc_catalogue_free(cat);
	sc_answers_free(a);
	sc_questionnaire_free(q);
	return code;
}
