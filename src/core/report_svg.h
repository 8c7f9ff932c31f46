/* The pictures of the HTML report (private to src/core): inline SVG drawn
 * from the report model, no script, no fetch. */
#ifndef SOCSCOPE_REPORT_SVG_H
#define SOCSCOPE_REPORT_SVG_H

#include "report_internal.h"

/* Readiness by area as horizontal bars. */
void
rp_svg_areas(const struct rp_model *m, struct sc_buf *out);
/* The roadmap as a dated timeline. */
void
rp_svg_timeline(const struct rp_model *m, struct sc_buf *out);

#endif
