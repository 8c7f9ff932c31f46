/* socscope [interview]: the interview, full-screen or as plain prompts, on
 * a saved session, an answers file or a copy of a worked example. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_internal.h"
#include "interview.h"
#include "plain/plain.h"
#include "tui/tui.h"

int
sc_cmd_interview(const struct sc_cli_args *a)
{
	int code;
	if (a->nrest > 0)
		return sc_cli_usage_error("unexpected argument '%s'", a->rest[0]);
	if ((code = sc_cli_check_options(a, true, false)))
		return code;
	if (a->example && (a->answers || a->client))
		return sc_cli_usage_error("%s", "--example opens a copy of its own; it "
		                                "takes no -a or --client");

	struct sc_questionnaire *q = sc_cli_load_questionnaire(a->questionnaire, stderr, &code);
	if (!q)
		return code;
	/* --example: the interview works on a new copy, never on the example. */
	char *copy = NULL;
	if (a->example) {
		if (!(copy = sc_cli_example_copy(q, a->example, stderr, &code))) {
			sc_questionnaire_free(q);
			return code;
		}
		fprintf(stderr, "socscope: example \"%s\" copied to %s\n",
		        a->example, copy);
	}
	struct sc_interview_opts o = {
		.q = q,
		.answers_path = copy ? copy : a->answers,
		.client = a->client,
		.theme = a->theme,
		.ascii = a->ascii,
	};
	/* The full screen needs a terminal on both ends; everything else (pipes,
	 * screen readers, TERM=dumb) gets the same interview as plain prompts. */
	const char *term = getenv("TERM");
	bool plain = a->plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) ||
	             !term || !*term || strcmp(term, "dumb") == 0;
	code = plain ? sc_plain_main(&o, stdin, stdout) : sc_tui_main(&o);
	free(copy);
	sc_questionnaire_free(q);
	return code;
}
