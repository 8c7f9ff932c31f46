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

/* Readiness by area, as every report shows it: the nine groups of the
 * common criteria (ids "cc1" ... "cc9"), each optional category in scope
 * (its category id), and SOC 1 business processing ("soc1") when a SOC 1
 * is recommended; none when no readiness item was counted.  A readiness
 * item counts in every area its criteria fall in (its criteria: those of
 * the gaps the questionnaire raises for it). */
#define SC_AREA_MAX 16
struct sc_area {
	const char *id;   /* static strings */
	const char *name; /* "Control environment" */
	size_t total, in_place, partial, missing, unknown;
	int score; /* as the overall score; -1 when no item was counted */
};

/* Fill `out` with the areas for `a` evaluated by `ev`; returns how many. */
size_t
sc_report_areas(const struct sc_questionnaire *q, const struct sc_answers *a,
                struct sc_eval *ev, struct sc_area out[SC_AREA_MAX]);
/* "3 of 5 in place, 1 partly, 1 not in place" or "no readiness item
 * asked"; appends to `out`. */
void
sc_area_detail(const struct sc_area *a, struct sc_buf *out);

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
