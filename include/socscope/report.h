/* Reports: one model built from questionnaire + answers + evaluation, and
 * one exporter per format (text, markdown, html, json, csv).  Exporters
 * write into a buffer; the caller writes it to stdout or, atomically, to a
 * file (sc_write_file_atomic). */
#ifndef SOCSCOPE_REPORT_H
#define SOCSCOPE_REPORT_H

#include "socscope/catalogue.h"
#include "socscope/engine.h"

enum sc_format {
	SC_FMT_TEXT,
	SC_FMT_MARKDOWN,
	SC_FMT_HTML,
	SC_FMT_JSON,
	SC_FMT_CSV,
	SC_FMT_COUNT
};

/* "text", "markdown", "html", "json", "csv"; -1 when unknown. */
int
sc_format_find(const char *name);
const char *
sc_format_id_str(enum sc_format f);
/* Usual file extension: "txt", "md", "html", "json", "csv". */
const char *
sc_format_ext(enum sc_format f);

struct sc_report_opts {
	const char *date; /* "YYYY-MM-DD" shown as the report date; NULL = today (UTC) */
	int width;        /* text format: wrap width; 0 = 80 */
};

/* Render the report for `a` evaluated by `ev` in `fmt`, appending to `out`. */
void
sc_report_render(const struct sc_questionnaire *q, const struct sc_answers *a,
                 struct sc_eval *ev, enum sc_format fmt,
                 const struct sc_report_opts *opts, struct sc_buf *out);
/* The same, and the Markdown and HTML reports carry the evidence request
 * list from `evidence` as an appendix (NULL: as sc_report_render). */
void
sc_report_render_full(const struct sc_questionnaire *q,
                      const struct sc_answers *a, struct sc_eval *ev,
                      enum sc_format fmt, const struct sc_report_opts *opts,
                      const struct sc_catalogue *evidence, struct sc_buf *out);

/* The evidence request list on its own (what a CPA firm will ask for, per
 * report recommended) in markdown, html, json or csv, from `cat`.  Returns
 * false, appending nothing, for a format it has no layout for (text) or
 * when `cat` is NULL. */
bool
sc_evidence_render(const struct sc_questionnaire *q, const struct sc_answers *a,
                   struct sc_eval *ev, const struct sc_catalogue *cat,
                   enum sc_format fmt, const struct sc_report_opts *opts,
                   struct sc_buf *out);

#endif
