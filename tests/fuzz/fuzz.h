/* What the fuzz targets share: libFuzzer's entry points, and a fixed date
 * so that a report depends on its input only. */
#ifndef SOCSCOPE_FUZZ_H
#define SOCSCOPE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "socscope/report.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int
LLVMFuzzerInitialize(int *argc, char ***argv);

/* Evaluate `a` and render it in every format, as `evaluate` would. */
static inline void
fuzz_render_all(const struct sc_questionnaire *q, const struct sc_answers *a)
{
	struct sc_eval *ev = sc_eval_new(q, a);
	struct sc_report_opts o = {.date = "2026-01-31", .width = 60};
	for (int f = 0; f < SC_FMT_COUNT; f++) {
		struct sc_buf b = {0};
		sc_report_render(q, a, ev, (enum sc_format)f, &o, &b);
		sc_buf_fini(&b);
	}
	sc_eval_free(ev);
}

#endif
