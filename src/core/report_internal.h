/* The report model shared by the five exporters (private to src/core).
 *
 * report.c turns (questionnaire, answers, evaluation) into this model once:
 * every sentence a reader sees is composed here, so the exporters only lay
 * it out and escape it, and every format says the same thing. */
#ifndef SOCSCOPE_REPORT_INTERNAL_H
#define SOCSCOPE_REPORT_INTERNAL_H

#include <stdint.h>

#include "socscope/catalogue.h"
#include "socscope/report.h"

/* One answer a reason rests on: a witness of the rule's `when`
 * (sc_eval_because), so always an answered, shown question. */
struct rp_dep {
	size_t question;
	const struct sc_answer *answer; /* NULL: unanswered or not applicable */
	char *text;                     /* sc_answer_format, or "no answer" */
};

/* One fired rule, with the answers it rests on. */
struct rp_reason {
	const struct sc_rule *rule;
	struct rp_dep *deps;
	size_t ndeps;
};

struct rp_reasons {
	struct rp_reason *v;
	size_t n;
};

struct rp_report {
	const struct sc_report_rec *rec;
	char *title; /* sc_report_title: "SOC 2 Type II", "SOC 3 (public ...)" */
	char *period; /* "12-month period" or NULL */
	/* The Type II period every format reports: rec->period_months, or
	 * longer when the roadmap lengthens a SOC 1 window to cover 6 months
	 * of the clients' fiscal year; 0 when none. */
	int period_months;
	struct rp_reasons reasons;
	/* Its dates as the roadmap planned them ("" when not dated): a Type I's
	 * date, a Type II's window. */
	char as_of[11], window_start[11], window_end[11];
};

struct rp_gap {
	const struct sc_gap_rec *rec;
	struct rp_reasons reasons;
	/* The union of the reasons' answers, first seen first. */
	struct rp_dep *deps;
	size_t ndeps;
};

/* A step of the roadmap: when (NULL: no date) and what. */
struct rp_step {
	char *when;
	char *what;
};

/* The roadmap as a dated timeline: one bar per phase (a Type I date is a
 * bar of one day), in the order the steps come. */
enum rp_bar_kind {
	RP_BAR_READINESS, /* readiness work */
	RP_BAR_TYPE1,     /* a Type I's "as of" date */
	RP_BAR_WINDOW,    /* a Type II window */
	RP_BAR_FIELDWORK, /* the CPA firm's fieldwork, at most 4 weeks */
	RP_BAR_REPORT,    /* when the report is expected */
	RP_BAR_COUNT
};

struct rp_bar {
	enum rp_bar_kind kind;
	char *label; /* "SOC 2 Type II window" */
	char from[11], to[11];
};

/* Whether the readiness answers say a piece of evidence exists: a
 * readiness status (enum sc_readiness) or this. */
#define RP_EV_NOT_ASKED SC_READY_COUNT
#define RP_EV_STATUS_COUNT (SC_READY_COUNT + 1)

/* One request of the evidence list, for one report. */
struct rp_ev_row {
	const struct sc_ev_request *req;
	const char **criteria; /* the request's criteria that fit the report */
	size_t ncriteria;
	int status;            /* enum sc_readiness or RP_EV_NOT_ASKED */
	char *when;            /* "as of 2026-03-01", "over ... to ..." */
};

struct rp_ev_list {
	const struct rp_report *rp;
	const char *title;   /* rp->title */
	char *period;        /* what the auditor examines, in a sentence */
	char *summary;       /* the period, then the counts by status */
	struct rp_ev_row *rows;
	size_t nrows;
	size_t counts[RP_EV_STATUS_COUNT];
	size_t nlater; /* operation requests left for a Type II that follows */
};

struct rp_evidence {
	const struct sc_catalogue *cat; /* NULL: no evidence list */
	struct rp_ev_list *lists; /* one per SOC 1 or SOC 2 report */
	size_t nlists;
	char **notes; /* what the list is, and what it is not */
	size_t nnotes;
};

struct rp_model {
	const struct sc_questionnaire *q;
	const struct sc_answers *a;
	struct sc_eval *ev;
	const struct sc_result *r;
	char date[11];   /* YYYY-MM-DD */
	char *title;     /* "SOC scoping report" (+ " for CLIENT") */
	char *summary;   /* sc_result_summary */
	char *completeness; /* "5 of 6 applicable questions answered." */
	char **exec;     /* executive summary sentences */
	size_t nexec;

	struct rp_report reports[SC_REPORT_COUNT];
	size_t nreports;
	struct rp_reasons none;
	struct rp_reasons deferred;
	struct rp_reasons next_steps;
	struct rp_reasons tsc[SC_CAT_COUNT];
	struct rp_reasons frameworks[SC_FW_COUNT]; /* parallel to r->frameworks */
	struct rp_gap *gaps;
	size_t ngaps;
	size_t nhigh;    /* high-priority gaps, follow-ups not counted */
	size_t nconfirm; /* follow-ups: answers to confirm */
	char *readiness; /* "Readiness score: 60 out of 100 (...)" */

	struct rp_step *steps; /* the roadmap */
	size_t nsteps;
	char **road_notes; /* deadline checks, missing answers, CPA advice */
	size_t nroad_notes;
	/* Roadmap dates as computed (empty strings when not computed).  The
	 * window is the Type II window that ends last; report_from/report_by
	 * the range in which the last report of the plan is expected. */
	char ready_by[11], type1_as_of[11], window_start[11], window_end[11];
	char deadline[11];
	char report_from[11], report_by[11];
	int window_months;
	int readiness_weeks; /* estimated readiness work; 0 when no gap */

	struct rp_bar *bars; /* the timeline; none when the plan is not dated */
	size_t nbars;
	struct sc_area areas[SC_AREA_MAX];
	size_t nareas;
	struct rp_evidence evidence;
};

/* Fixed wording used by every format. */
#define RP_DISCLAIMER                                                          \
	"This report is a self-assessment made with socscope to prepare for a " \
	"conversation with a CPA firm. It is not an audit, an attestation or " \
	"an opinion. Only a licensed CPA firm performs a SOC examination and "  \
	"decides its scope, type and period."
#define RP_DEFERRED                                                            \
	"A SOC 3 summarizes a SOC 2 Type II over the same period, so it "       \
	"follows once you have one:"
#define RP_BECAUSE "because you answered:"
#define RP_NO_ANSWER "no answer"

/* Section headings, in order, shared by every format. */
enum rp_heading {
	RP_H_SUMMARY,
	RP_H_RECOMMENDATION,
	RP_H_TSC,
	RP_H_ROADMAP,
	RP_H_FRAMEWORKS,
	RP_H_GAPS,
	RP_H_APPENDIX,
	RP_H_EVIDENCE,
	RP_H_ABOUT,
	RP_H_COUNT
};
const char *
rp_heading(enum rp_heading h);

void
rp_model_build(struct rp_model *m, const struct sc_questionnaire *q,
               const struct sc_answers *a, struct sc_eval *ev,
               const struct sc_report_opts *opts);
void
rp_model_fini(struct rp_model *m);

/* Copy `s` into `out` as valid UTF-8 without control characters: invalid
 * bytes, C0 (but newline) and C1 controls and DEL become U+FFFD, a tab a
 * space, CR LF and lone CR a newline.  Returns the cleaned string. */
const char *
rp_clean(const char *s, struct sc_buf *out);
/* Decode one code point of valid UTF-8 at *s and advance past it. */
uint32_t
rp_utf8_next(const char **s);

/* The evidence list for `cat` (NULL: none), built after the roadmap, which
 * dates it, on a model rp_model_build made (which has none). */
void
rp_evidence_build(struct rp_model *m, const struct sc_catalogue *cat);
void
rp_evidence_fini(struct rp_evidence *e);
/* "Exists", "Partly", "Not yet", "Not known", "Not asked" and their ids
 * "in_place", "partial", "missing", "unknown", "not_asked". */
const char *
rp_ev_status_name(int status);
const char *
rp_ev_status_id(int status);
/* The title of the standalone evidence list ("Evidence request list for
 * CLIENT") and what it covers, in a sentence. */
char *
rp_evidence_title(const struct rp_model *m);
/* The readiness-by-area bar: `cells` characters, filled in proportion to
 * the score, with `full` and `empty` (UTF-8 strings); "" for no score. */
void
rp_area_bar(const struct sc_area *a, int cells, const char *full,
            const char *empty, struct sc_buf *out);

/* The pictures of the HTML report: inline SVG, no script, no fetch. */
void
rp_svg_areas(const struct rp_model *m, struct sc_buf *out);
void
rp_svg_timeline(const struct rp_model *m, struct sc_buf *out);
const char *
rp_bar_kind_name(enum rp_bar_kind k);

/* The evidence list on its own (socscope evidence). */
void
rp_render_evidence_markdown(const struct rp_model *m, struct sc_buf *out);
void
rp_render_evidence_html(const struct rp_model *m, struct sc_buf *out);
void
rp_render_evidence_json(const struct rp_model *m, struct sc_buf *out);
void
rp_render_evidence_csv(const struct rp_model *m, struct sc_buf *out);

/* The report date of `opts` (today, UTC, when it names none). */
void
rp_report_date(const struct sc_report_opts *opts, char out[11]);
/* Terminal columns `s` takes (CJK characters two), as the text report
 * counts them. */
int
rp_display_width(const char *s);
/* One RFC 4180 field: quoted when it holds a comma, quote, CR or LF. */
void
rp_csv_field(struct sc_buf *out, const char *s, struct sc_buf *tmp);

/* Small helpers: the note of question i (NULL when none), the effective
 * answer formatted into `out` ("" when none). */
const char *
rp_note(const struct rp_model *m, size_t question);
void
rp_answer_text(const struct rp_model *m, size_t question, struct sc_buf *out);
/* "in scope (required)", "in scope", "out of scope" */
const char *
rp_tsc_status(const struct rp_model *m, enum sc_category c);
/* Why a category is in or out when no rule says so (Security required by
 * every SOC 2, an optional category nobody asked for); NULL otherwise. */
const char *
rp_tsc_default_reason(const struct rp_model *m, enum sc_category c);

void
rp_render_text(const struct rp_model *m, int width, struct sc_buf *out);
void
rp_render_markdown(const struct rp_model *m, struct sc_buf *out);
void
rp_render_html(const struct rp_model *m, struct sc_buf *out);
void
rp_render_json(const struct rp_model *m, struct sc_buf *out);
void
rp_render_csv(const struct rp_model *m, struct sc_buf *out);

/* The exporters' writers, shared with the comparison (compare_render.c):
 * text wrapped to a width in terminal columns (the thread's locale is
 * switched to UTF-8 between open and close), escaped Markdown inline text
 * (`indent` as for a list item; NULL inside a table cell), escaped HTML
 * text, and the HTML stylesheet. */
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
void
rp_md_text(struct sc_buf *out, const char *text, const char *indent);
void
rp_html_text(struct sc_buf *out, const char *text);
const char *
rp_html_css(void);
/* An answer as the JSON report writes it (a new jansson reference). */
struct json_t;
/* jansson with every result checked: a NULL (memory running out, the
 * only way these calls fail on the values the writers give) ends the
 * program through sc_out_of_memory, so a JSON document is printed whole or
 * not at all.  rp_json_alloc() makes jansson allocate through the core's
 * allocator; call it before building a document. */
void
rp_json_alloc(void);
struct json_t *
rp_jnew(struct json_t *j);
void
rp_jset(struct json_t *o, const char *key, struct json_t *v);
void
rp_jpush(struct json_t *a, struct json_t *v);
/* Append `root` to `out` as the writers print JSON (indented, keys in the
 * order they were set, a final newline); does not free root. */
void
rp_json_dump(struct json_t *root, struct sc_buf *out);
struct json_t *
rp_json_answer(const struct sc_question *qn, const struct sc_answer *a);

#endif
