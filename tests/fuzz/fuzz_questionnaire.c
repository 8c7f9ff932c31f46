/* Fuzz target: the questionnaire loader (YAML, model checks, expressions),
 * and for a questionnaire that loads, the evaluation with no answers and
 * every report format. */
#include <stdlib.h>

#include "fuzz.h"
#include "socscope/questionnaire.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sc_diags d;
	enum sc_status st = SC_OK;
	sc_diags_init(&d);
	struct sc_questionnaire *q = sc_questionnaire_load_buffer(
		"fuzz.yaml", (const char *)data, size, &d, &st);
	if (q) {
		struct sc_answers *a = sc_answers_new(q);
		fuzz_render_all(q, a);
		sc_answers_free(a);
	}
	/* The diagnostics must format whatever they hold. */
	struct sc_buf b = {0};
	sc_diags_format(&d, &b);
	sc_buf_fini(&b);
	sc_questionnaire_free(q);
	sc_diags_fini(&d);
	return 0;
}
