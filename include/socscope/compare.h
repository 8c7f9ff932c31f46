/* Comparing two evaluations of one questionnaire: which conclusions differ
 * (the outcome, reports, types, periods, categories, related frameworks,
 * readiness, gaps) and which answers each difference rests on.
 *
 * The comparison reads what the engine and the report model concluded on
 * each side; it decides nothing itself.  A difference rests on the rules
 * behind that conclusion that fired on one side only, and its answers are
 * the answers those rules read that differ between the sides (followed
 * through show_if: a question asked on one side only brings the answers
 * that hid it).  `socscope compare` renders it; the interview's what-if
 * mode can build one from the saved answers and the changed ones.
 * Formats: text, markdown, html and json (docs/compare.md,
 * docs/compare.schema.json). */
#ifndef SOCSCOPE_COMPARE_H
#define SOCSCOPE_COMPARE_H

#include "socscope/report.h"

enum sc_diff_kind {
	SC_DIFF_REPORT,    /* recommended on one side only */
	SC_DIFF_TYPE,      /* recommended on both sides, another type */
	SC_DIFF_PERIOD,    /* Type II on both sides, another period */
	SC_DIFF_CATEGORY,  /* a Trust Services category in or out of scope */
	SC_DIFF_FRAMEWORK, /* a related framework flagged on one side only */
	SC_DIFF_READINESS, /* the readiness score (or having one) */
	SC_DIFF_ITEM,      /* one readiness item's status */
	SC_DIFF_GAP,       /* a gap open on one side only, or its priority */
	SC_DIFF_OUTCOME,   /* another outcome (a questionnaire with outcomes) */
	SC_DIFF_KIND_COUNT
};

/* "report", "type", "period", "category", "framework", "readiness",
 * "readiness_item", "gap", "outcome" (the JSON's ids). */
const char *
sc_diff_kind_id_str(enum sc_diff_kind k);

/* One side's value of a conclusion. */
struct sc_diff_value {
	/* The report is recommended, the category in scope, the framework
	 * flagged, there is a score, the item counted, the gap open. */
	bool present;
	/* When present: report, type: enum sc_rtype; period: months (0 none);
	 * category: 1 when required; readiness: the score; item: enum
	 * sc_readiness; gap: enum sc_priority; outcome: its index in
	 * q->outcomes.  0 otherwise. */
	int value;
	char *text; /* as the report says it: "SOC 2 Type II", "not recommended" */
};

/* A rule behind a difference: it fired on side A only, or on B only. */
struct sc_diff_rule {
	size_t rule; /* index into q->rules */
	bool in_a;
	char *text;  /* its because, filled in with that side's answers */
};

struct sc_diff_item {
	enum sc_diff_kind kind;
	char *id;   /* "soc2", "availability", "hipaa", a gap or item id, "score" */
	char *name; /* "SOC 2", "Availability", "HIPAA", the gap's title, ... */
	struct sc_diff_value a, b;
	struct sc_diff_rule *rules; /* in file order */
	size_t nrules;
	size_t *answers; /* indices into sc_diff.answers, questionnaire order */
	size_t nanswers;
};

/* A question whose effective answer differs (asked on one side only
 * counts). */
struct sc_diff_answer {
	size_t question;
	struct sc_answer a, b;   /* SC_A_NONE when unanswered or not asked */
	bool shown_a, shown_b;   /* asked (shown) on that side */
	char *text_a, *text_b;   /* formatted, "no answer" or "not asked" */
};

/* What one side concluded, for the headline. */
struct sc_diff_side {
	char *label;        /* the caller's name for it: a file, "saved" */
	char *client;       /* NULL when none */
	char *summary;      /* sc_result_summary */
	char *completeness; /* "5 of 6 applicable questions answered." */
	char *readiness;    /* the report's readiness sentence */
	/* A questionnaire with outcomes: the outcome's title ("No outcome
	 * yet" when none) and id (NULL when none); both NULL without
	 * outcomes. */
	char *outcome;
	char *outcome_id;
	bool soc; /* the report has SOC sections (socscope/report.h) */
	bool complete;      /* no required question left unanswered */
	struct {
		enum sc_report_id id;
		enum sc_rtype type;
		int period_months; /* as the report gives it; 0 none */
	} reports[SC_REPORT_COUNT];
	size_t nreports;
	bool has_score; /* the readiness checklist was asked */
	int score;
	size_t in_place, nitems;
};

struct sc_diff {
	const struct sc_questionnaire *q; /* must outlive the diff */
	char date[11];
	struct sc_diff_side a, b;
	/* Reports, types, periods (report order), categories, frameworks
	 * (vocabulary order), readiness score, items and gaps (A's order,
	 * then those only in B). */
	struct sc_diff_item *items;
	size_t nitems;
	struct sc_diff_answer *answers; /* every differing answer, in order */
	size_t nanswers;
};

struct sc_diff_opts {
	const char *label_a, *label_b; /* NULL: "A", "B" */
	const char *date; /* "YYYY-MM-DD" for the report model; NULL = today */
};

/* Compare the evaluation `ea` of answers `a` with `eb` of `b`, both of
 * questionnaire `q`.  The diff copies what it shows: a, b, ea and eb may
 * change or go once it is built.  The evaluators are not const because
 * reading their result may rebuild it. */
struct sc_diff *
sc_diff_new(const struct sc_questionnaire *q, const struct sc_answers *a,
            struct sc_eval *ea, const struct sc_answers *b,
            struct sc_eval *eb, const struct sc_diff_opts *opts);
void
sc_diff_free(struct sc_diff *d);

/* Render in SC_FMT_TEXT (wrapped to `width`, 0 = 80), SC_FMT_MARKDOWN,
 * SC_FMT_HTML or SC_FMT_JSON; appends to `out`.  SC_FMT_CSV appends
 * nothing: a comparison is no table. */
void
sc_diff_render(const struct sc_diff *d, enum sc_format fmt, int width,
               struct sc_buf *out);

#endif
