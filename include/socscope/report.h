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

/* What the consultant puts on a report besides the answers. */
struct sc_report_brand {
	/* Who prepared the report, shown on its cover in place of the
	 * answers' `assessor` and `firm`; NULL: the answers' ("" names
	 * nobody). */
	const char *assessor;
	const char *firm;
	/* HTML only: a stylesheet of the caller's, inlined after the
	 * built-in one so that its rules win (NULL: none; one that
	 * sc_report_stylesheet_problem refuses is left out), and a logo shown
	 * on the cover, inlined as a data: URI (NULL: none; of a type
	 * sc_report_logo_type knows, or left out). */
	const char *stylesheet;
	const unsigned char *logo;
	size_t logo_len;
};

/* The type of an image a report may show as its logo: "image/png",
 * "image/jpeg" or "image/svg+xml" by its first bytes (an SVG: an <svg
 * element before anything but an XML declaration, comments, a doctype
 * and white space); NULL when it is none of these. */
const char *
sc_report_logo_type(const unsigned char *data, size_t len);
/* Why the `len` bytes of `css` cannot be inlined in an HTML report, or
 * NULL when they can: a stylesheet must be valid UTF-8 without NUL or
 * other control characters (but tab, CR, LF and form feed) and must not
 * close the <style> element it is put in.  *line and *col (when not NULL)
 * get where the problem starts, from 1. */
const char *
sc_report_stylesheet_problem(const char *css, size_t len, int *line,
                             int *col);

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

/* The same with `brand` on it (NULL: as sc_report_render_full). */
void
sc_report_render_branded(const struct sc_questionnaire *q,
                         const struct sc_answers *a, struct sc_eval *ev,
                         enum sc_format fmt, const struct sc_report_opts *opts,
                         const struct sc_catalogue *evidence,
                         const struct sc_report_brand *brand,
                         struct sc_buf *out);

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
