/* Fuzz target: the answers loader against the bundled questionnaire, and
 * for answers that load, the evaluation and every report format (what
 * `evaluate` does with a hostile answers file). */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "socscope/answers.h"
#include "socscope/bundled.h"
#include "socscope/questionnaire.h"

static struct sc_questionnaire *q;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const struct sc_bundled *b = sc_bundled_find(SC_DATA_QUESTIONNAIRE,
	                                             "soc-scoping");
	struct sc_diags d;
	enum sc_status st = SC_OK;
	sc_diags_init(&d);
	if (b)
		q = sc_questionnaire_load_buffer("soc-scoping.yaml", b->data,
		                                 b->len, &d, &st);
	sc_diags_fini(&d);
	if (!q) {
		fprintf(stderr, "fuzz_answers: the bundled questionnaire does not load\n");
		abort();
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sc_diags d;
	sc_diags_init(&d);
	struct sc_answers *a = sc_answers_new(q);
	if (sc_answers_load_buffer(a, "fuzz.yaml", (const char *)data, size,
	                           &d) == SC_OK) {
		fuzz_render_all(q, a);
		/* What the interview saves must be what it reads back. */
		struct sc_buf y = {0};
		sc_answers_to_yaml(a, &y);
		struct sc_answers *back = sc_answers_new(q);
		if (sc_answers_load_buffer(back, "saved.yaml", y.data, y.len,
		                           &d) != SC_OK) {
			fprintf(stderr, "a saved answers file does not load:\n%s\n",
			        sc_buf_str(&y));
			abort();
		}
		sc_answers_free(back);
		sc_buf_fini(&y);
	}
	sc_answers_free(a);
	sc_diags_fini(&d);
	return 0;
}
