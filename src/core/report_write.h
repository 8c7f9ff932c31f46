/* The writers' side of the report (private to src/core): what a format
 * provides, and the tools every writer shares.
 *
 * A format is one file, report_NAME.c, whose only public name is its
 * `const struct rp_format_ops rp_format_NAME`, and one line in formats.c,
 * which lists them all and is the only caller.  The writers read the report
 * model (report_internal.h) and lay it out with the tools below; the model
 * knows no writer.  The comparison (compare_render.c) and the portfolio
 * use the same tools for documents of their own. */
#ifndef SOCSCOPE_REPORT_WRITE_H
#define SOCSCOPE_REPORT_WRITE_H

#include <stdbool.h>
#include <stdint.h>

#include "socscope/common.h"

struct rp_model;
struct sc_report_opts;
struct sc_question;
struct sc_answer;

/* What a format does.  formats.c builds the model (with the evidence list
 * when the format asks for it) and hands it over; a writer appends to
 * `out` and never fails. */
struct rp_format_ops {
	const char *id;  /* what --format takes: "markdown" */
	const char *ext; /* the usual file extension: "md" */
	/* The report; `opts` as the caller gave it (NULL: the defaults). */
	void (*render)(const struct rp_model *m, const struct sc_report_opts *opts,
	               struct sc_buf *out);
	/* Whether the report carries the evidence request list as an
	 * appendix: the model then holds it when a catalogue was given. */
	bool evidence_appendix;
	/* The evidence request list on its own (socscope evidence); NULL when
	 * the format has no layout for it. */
	void (*render_evidence)(const struct rp_model *m, struct sc_buf *out);
};

/* Copy `s` into `out` as valid UTF-8 without control characters: invalid
 * bytes, C0 (but newline) and C1 controls and DEL become U+FFFD, a tab a
 * space, CR LF and lone CR a newline.  Returns the cleaned string. */
const char *
rp_clean(const char *s, struct sc_buf *out);
/* Decode one code point of valid UTF-8 at *s and advance past it. */
uint32_t
rp_utf8_next(const char **s);
/* Terminal columns `s` takes (CJK characters two), as the text report
 * counts them. */
int
rp_display_width(const char *s);

/* Text wrapped to a width in terminal columns (the thread's locale is
 * switched to UTF-8 between open and close; width 0 means 80): each text
 * starts with `first` and goes on with `rest` (both ASCII); newlines in it
 * are kept.  An underlined title is cut to the width. */
struct rp_text;
struct rp_text *
rp_text_open(struct sc_buf *out, int width);
void
rp_text_wrap(struct rp_text *t, const char *first, const char *rest,
             const char *text);
void
rp_text_underline(struct rp_text *t, const char *title, char c);
void
rp_text_close(struct rp_text *t);

/* Escaped Markdown inline text (`indent` as for a list item; NULL inside a
 * table cell), escaped HTML text, and the HTML stylesheet.  `tmp` holds
 * the cleaned text, so a writer reuses one buffer; NULL: one of their own. */
void
rp_md_text(struct sc_buf *out, const char *text, const char *indent,
           struct sc_buf *tmp);
void
rp_html_text(struct sc_buf *out, const char *text, struct sc_buf *tmp);
const char *
rp_html_css(void);

/* One RFC 4180 field: quoted when it holds a comma, quote, CR or LF. */
void
rp_csv_field(struct sc_buf *out, const char *s, struct sc_buf *tmp);

/* jansson with every result checked: a NULL (memory running out, the
 * only way these calls fail on the values the writers give) ends the
 * program through sc_out_of_memory, so a JSON document is printed whole or
 * not at all.  rp_json_alloc() makes jansson allocate through the core's
 * allocator; call it before building a document. */
struct json_t;
void
rp_json_alloc(void);
struct json_t *
rp_jnew(struct json_t *j);
void
rp_jset(struct json_t *o, const char *key, struct json_t *v);
void
rp_jpush(struct json_t *a, struct json_t *v);
/* A JSON string of `s` (cleaned through `tmp` when it is not valid UTF-8),
 * or null for NULL. */
struct json_t *
rp_jstr(const char *s, struct sc_buf *tmp);
/* Append `root` to `out` as the writers print JSON (indented, keys in the
 * order they were set, a final newline); does not free root. */
void
rp_json_dump(struct json_t *root, struct sc_buf *out);
/* An answer as the JSON report writes it (a new jansson reference). */
struct json_t *
rp_json_answer(const struct sc_question *qn, const struct sc_answer *a);

#endif
