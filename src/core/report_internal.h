/* The report model shared by the five exporters (private to src/core).
 *
 * report.c turns (questionnaire, answers, evaluation) into this model once:
 * every sentence a reader sees is composed here, so the exporters only lay
 * it out and escape it, and every format says the same thing.  The model
 * knows no exporter: formats.c hands it to the operations of each format
 * (report_write.h). */
#ifndef SOCSCOPE_REPORT_INTERNAL_H
#define SOCSCOPE_REPORT_INTERNAL_H

#include <stdint.h>

#include "socscope/catalogue.h"
#include "socscope/plan.h"
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
	/* Its because and next_step (NULL when none) as every format shows
	 * them: {{question_id}} filled in (sc_eval_expand). */
	const char *text;
	const char *step;
	char *own_text, *own_step; /* what text and step point to when filled */
	struct rp_dep *deps;
	size_t ndeps;
	/* The assumptions (indices into the model's) among its answers. */
	size_t *assumed;
	size_t nassumed;
};

struct rp_reasons {
	struct rp_reason *v;
	size_t n;
};

/* One line of the system boundary: "Systems and applications", and the
 * answer that names them ("not named yet" when none). */
struct rp_scope_line {
	const char *label;
	char *text;
	/* What the memo shows: a typed answer quoted as the client's words
	 * (the owner's "me and my partner" is not the consultant's); NULL:
	 * text as it is. */
	char *quoted;
	size_t question;
	bool named;      /* the question was answered */
	size_t assumed;  /* the assumption its answer is; SIZE_MAX: none */
};

/* A proposal for the scope (a control objective, a CUEC, what to do about
 * a provider, a boundary note): its text with the answers filled in and
 * the rules proposing it, with the assumptions they rest on. */
struct rp_scope_item {
	char *text;
	struct rp_reasons why;
	size_t *assumed;
	size_t nassumed;
};

struct rp_scope_items {
	struct rp_scope_item *v;
	size_t n;
	const char *intro; /* a paragraph above the list, or NULL */
};

/* The trace of a kind of proposal: each rule once, with the items it
 * proposed (indices into the kind's items) and its answers. */
struct rp_scope_rule {
	const struct rp_reason *reason; /* its first reason among the items */
	size_t *items;
	size_t nitems;
};

struct rp_scope_rules {
	struct rp_scope_rule *v;
	size_t n;
};

/* An answer the conclusions should not be read as fact on: a note the
 * interview recorded, or an "I don't know" / "Not sure". */
struct rp_assumption {
	size_t question;
	/* Its number in the report, A1, A2 ... over those with a conclusion
	 * resting on them; 0: none rests on it, so the body does not list it
	 * (the answers appendix shows its note). */
	size_t num;
	bool idk;          /* the answer is "I don't know" or "Not sure" */
	bool shown;        /* the final answers still ask the question */
	char *answer;      /* as shown; NULL when unanswered */
	const char *note;  /* NULL when none */
	char **rests;      /* the conclusions that rest on it */
	size_t nrests;
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
	/* What the plan made of those reasons where it differs from what they
	 * allow (a look-back possible, not advised); NULL otherwise. */
	const char *plan_note;
	/* Its dates as the roadmap planned them ("" when not dated): a Type I's
	 * date, a Type II's window. */
	char as_of[11], window_start[11], window_end[11];
};

struct rp_gap {
	const struct sc_gap_rec *rec;
	const char *advice; /* rec->def->advice with {{question_id}} filled in */
	char *own_advice;
	struct rp_reasons reasons;
	/* Who closes it and by when, as the consultant set them (the
	 * answers' actions); NULL and "" when not set. */
	const char *owner;
	char due[11];
	size_t *assumed; /* assumptions its reasons rest on */
	size_t nassumed;
	/* The union of the reasons' answers, first seen first. */
	struct rp_dep *deps;
	size_t ndeps;
};

/* A step of the roadmap: when (NULL: no date) and what.  The plan's
 * tracks follow one another: a heading step (`head`, no date) names each
 * track after the first, and the first too when it is one of two
 * options. */
struct rp_step {
	char *when;
	char *what;
	bool head;
	int track; /* index into the plan's tracks */
};

/* The roadmap as a dated timeline: one bar per phase (a Type I date is a
 * bar of one day), in the order the steps come. */
enum rp_bar_kind {
	RP_BAR_PREP,      /* engaging a CPA firm, writing the description */
	RP_BAR_READINESS, /* readiness work */
	RP_BAR_TYPE1,     /* a Type I's "as of" date */
	RP_BAR_WINDOW,    /* a Type II window */
	RP_BAR_FIELDWORK, /* the CPA firm's fieldwork, at most 4 weeks */
	RP_BAR_REPORT,    /* when the report is expected */
	RP_BAR_BRIDGE,    /* months a bridge letter covers */
	RP_BAR_COUNT
};

struct rp_bar {
	enum rp_bar_kind kind;
	int track;   /* the plan's track it belongs to */
	char *label; /* "SOC 2 Type II window" */
	char from[11], to[11];
};

/* Whether the readiness answers say a piece of evidence exists: a
 * readiness status (enum sc_readiness) or one of these. */
#define RP_EV_NOT_ASKED SC_READY_COUNT
#define RP_EV_NOT_DUE (SC_READY_COUNT + 1) /* over a window not begun yet */
#define RP_EV_STATUS_COUNT (SC_READY_COUNT + 2)

/* One request of the evidence list, once, with the reports it serves: a
 * SOC 1 and a SOC 2 examined together ask for it once. */
struct rp_ev_row {
	const struct sc_ev_request *req;
	const char **criteria; /* the request's criteria that fit a report
	                        * it serves, in the request's order */
	size_t ncriteria;
	unsigned serves;       /* bit i: m->reports[i] */
	int status;            /* enum sc_readiness, RP_EV_NOT_ASKED or
	                        * RP_EV_NOT_DUE */
	char *when;            /* "as of 2026-03-01", "over ... to ..." */
	char *serves_text;     /* "SOC 1 Type II, SOC 2 Type II" */
	/* The gaps it comes from (indices into m->gaps): those raised for
	 * the readiness items it names, or citing its criteria when it
	 * names none; their owners ("; " between them, NULL: none set) and
	 * the earliest due date ("" when none). */
	size_t *gaps;
	size_t ngaps;
	char *owner;
	char due[11];
};

/* What the list asks of one report (a SOC 1 or SOC 2). */
struct rp_ev_list {
	const struct rp_report *rp;
	size_t report;       /* its index in m->reports */
	const char *title;   /* rp->title */
	char *period;        /* what the auditor examines, in a sentence */
	char *summary;       /* the period, then the counts by status */
	size_t nrows;        /* requests that serve it */
	size_t counts[RP_EV_STATUS_COUNT];
	size_t nlater; /* operation requests left for a Type II that follows */
};

struct rp_evidence {
	const struct sc_catalogue *cat; /* NULL: no evidence list */
	struct rp_ev_list *lists; /* one per SOC 1 or SOC 2 report */
	size_t nlists;
	struct rp_ev_row *rows;   /* every request once, catalogue order */
	size_t nrows;
	size_t counts[RP_EV_STATUS_COUNT];
	char *summary;            /* "84 requests (exists: 30; ...)." */
	char **notes; /* what the list is, and what it is not */
	size_t nnotes;
};

/* A line of the report's header: the questionnaire's `header:` fields that
 * are shown and answered, then the next review. */
struct rp_field {
	const char *label;
	char *text;
	size_t question; /* SIZE_MAX for the next review */
};

/* Section headings, in order, shared by every format, and the HTML id
 * of each. */
enum rp_heading {
	RP_H_SUMMARY,
	RP_H_ASSUMPTIONS,
	RP_H_RECOMMENDATION,
	RP_H_SCOPE,
	RP_H_TSC,
	RP_H_ROADMAP,
	RP_H_FRAMEWORKS,
	RP_H_GAPS,
	RP_H_NEXT_STEPS,
	RP_H_SOURCES,
	RP_H_TRACE,
	RP_H_GUIDE,
	RP_H_APPENDIX,
	RP_H_EVIDENCE,
	RP_H_ABOUT,
	/* A questionnaire with outcomes. */
	RP_H_OUTCOME,
	RP_H_FOLLOWUPS,
	RP_H_OWN_GAPS,
	RP_H_COUNT
};

struct rp_model {
	const struct sc_questionnaire *q;
	const struct sc_answers *a;
	struct sc_eval *ev;
	const struct sc_result *r;
	/* What the writers show, from what the questionnaire declares: the
	 * SOC sections (recommendation, categories, roadmap, frameworks,
	 * readiness gaps) when it recommends reports or has no outcomes; the
	 * outcome when it has outcomes, and then, without the SOC sections,
	 * its gaps as follow-ups and the reader's own gaps. */
	bool soc;
	bool has_outcome;
	char date[11];   /* YYYY-MM-DD */
	char *title;     /* "SOC scoping report" (+ " for CLIENT") */
	/* Who prepared it: the answers' assessor and firm, or the caller's
	 * (sc_report_opts); NULL when not named.  prepared_by joins them:
	 * "J. Doe, Doe & Partners LLP". */
	const char *assessor, *firm;
	char *prepared_by;
	const struct sc_report_brand *brand; /* NULL: none */
	char *summary;   /* sc_result_summary */
	char *completeness; /* "5 of 6 applicable questions answered." */
	char **exec;     /* executive summary sentences */
	size_t nexec;
	/* The first page's parts besides the decision lists (NULL: none):
	 * the recommendation in a sentence, the dates, a missed deadline,
	 * readiness as assessed, what is still unanswered, and, with no
	 * report, how to answer "are you SOC 2 compliant?" truthfully. */
	char *ex_lead;
	char *ex_dates;
	const char *ex_risk;
	char *ex_ready;
	char *ex_open;
	char *truthful;

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
	/* Readiness as far as it was assessed: whether any readiness item
	 * was counted, the areas no readiness question covered (names), and
	 * what to say when no gap is listed. */
	bool assessed;
	const char **not_assessed;
	size_t nnot_assessed;
	char *no_gap;
	size_t nhidden; /* questions the answers did not ask */
	/* The public sources the report rests on, the AICPA's first. */
	const struct rp_source *const *sources;
	size_t nsources;

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
	struct sc_plan plan; /* where the roadmap comes from */
	/* The memo's first page and its assumptions (memo.c). */
	char **decision;   /* each report, its type, dates and categories */
	size_t ndecision;
	char **first;      /* the three things to do first */
	size_t nfirst;
	char **decide;     /* decisions the client still has to make */
	size_t ndecide;
	struct rp_assumption *assumptions;
	size_t nassumptions;
	size_t nunlisted; /* of them, those no conclusion rests on (num 0) */
	/* The scope the examination would cover (memo.c, from the
	 * questionnaire's `system_boundary:` and the rules' scope effects),
	 * only when a SOC 1 or SOC 2 is recommended: the system boundary as
	 * label/answer lines, then the proposals of each kind (enum
	 * sc_scope_kind); control objectives only with a SOC 1. */
	struct rp_scope_line *scope;
	size_t nscope;
	bool scope_quoted; /* a line of the boundary is quoted */
	struct rp_scope_items proposals[SC_SCOPE_KINDS];
	struct rp_scope_rules scope_rules[SC_SCOPE_KINDS];
	size_t nbars;
	struct sc_area areas[SC_AREA_MAX];
	size_t nareas;
	struct rp_evidence evidence;
	char titles[RP_H_COUNT][64]; /* the appendices' (rp_title) */

	/* The outcome (report_outcome.c). */
	const struct sc_outcome_def *outcome; /* NULL: none yet */
	struct rp_reasons outcome_reasons;    /* the rules proposing it */
	const char *outcome_title;            /* its title, or "No outcome yet" */
	size_t nfollowups, nown;              /* gaps of each kind */
	struct rp_field *fields;              /* the header lines */
	size_t nfields;
	char next_review[11];                 /* "" when none */
	char *own_disclaimer;  /* the scoping one naming who prepared it */
	const char *disclaimer;               /* RP_DISCLAIMER or the
	                                       * questionnaire's own */
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
#define RP_ASSUMPTIONS_INTRO                                                   \
	"What the conclusions rest on that is not yet fact: every answer "     \
	"given as \"I don't know\" or \"Not sure\" (an open question) and "  \
	"every note typed during the interview (an assumption). Confirm or "   \
	"correct each: a conclusion marked with its number may change until "   \
	"you do."
#define RP_NO_ASSUMPTIONS                                                      \
	"None: no answer was \"I don't know\" or \"Not sure\" and no note "   \
	"was typed, so the conclusions rest on the answers as given."
/* What the scope section proposes: with a SOC 1 among the reports, its
 * control objectives too. */
#define RP_SCOPE_INTRO(m)                                                      \
	(rp_has_soc1(m)                                                        \
	         ? "What the examination would cover, proposed from your "     \
	           "answers for you to agree with your CPA firm: the system "  \
	           "the description covers, the control objectives the SOC 1 " \
	           "tests, what your customers must do themselves and what "   \
	           "happens to the providers that run part of the service."    \
	         : "What the examination would cover, proposed from your "     \
	           "answers for you to agree with your CPA firm: the system "  \
	           "the description covers, what your customers must do "      \
	           "themselves and what happens to the providers that run "    \
	           "part of the service.")
/* Under a Type II's reasons when the evidence allows a look-back that the
 * plan does not take. */
#define RP_LOOKBACK_NOT_PLANNED                                                \
	"The plan does not report on months already gone: high-priority gaps " \
	"were open during them and would be reported as exceptions, so the "   \
	"period starts once they are closed (see the roadmap)."
/* Above the control objectives of a SOC 1 renewal: the last report's
 * carry forward, and the proposal is a check against them. */
#define RP_OBJECTIVES_RENEWAL                                                  \
	"Your last SOC 1 report's control objectives carry forward: a "       \
	"renewal keeps them, changed only where your services changed, so "   \
	"that your clients' auditors can compare one year with the next. "    \
	"Those below are what the services you described call for: compare "  \
	"them with your last report's and raise any difference with your CPA " \
	"firm."
/* Above a system boundary with typed answers, which are quoted. */
#define RP_BOUNDARY_INTRO                                                      \
	"As the client described it in the interview, quoted: to be "         \
	"confirmed with the CPA firm and written in the terms of the system "  \
	"description."
#define RP_SCOPE_LINE(l) ((l)->quoted ? (l)->quoted : (l)->text)
#define RP_TRACE_INTRO                                                         \
	"Each conclusion of this report with the rules of the questionnaire "  \
	"that reached it, in the order of its reasons above, and the answers " \
	"each rule rests on."
#define RP_SOURCES_AICPA                                                       \
	"The AICPA's guides and criteria, which define these reports and "     \
	"what they examine:"
#define RP_SOURCES_PRACTICE                                                    \
	"The practitioner pages the evidence list cites are listed with it, "  \
	"in the last appendix."
#define RP_GUIDE_INTRO                                                         \
	"What to do about each gap listed in Readiness gaps, with the "        \
	"criteria it concerns and what the auditor will ask to see."
#define RP_NO_ANSWER "no answer"

const char *
rp_heading(enum rp_heading h);
const char *
rp_heading_id(enum rp_heading h);
/* A section's title in model `m`: the heading, or for an appendix
 * "Appendix B: how to close each gap", lettered in the order the
 * appendices present come (rp_model_letters). */
const char *
rp_title(const struct rp_model *m, enum rp_heading h);
/* "." to end a sentence that ends with `s`, or "" when it already ends
 * with a full stop, question or exclamation mark (CJK ones too). */
const char *
rp_stop(const char *s);
/* Whether a gap is shown with a "Confirm" mark: a follow-up whose title
 * does not already say so. */
bool
rp_gap_marked_confirm(const struct rp_gap *g);
/* Whether the report has the gap guidance appendix (every SOC report with
 * gaps does). */
bool
rp_has_guide(const struct rp_model *m);
/* The parts of a report in reading order.  rp_parts says which a model
 * shows and in what order, so the order is written once: each writer maps
 * a part to its own function (or to none, as the text report has no
 * evidence appendix) and walks the list. */
enum rp_part {
	RP_P_HEADER, RP_P_SUMMARY, RP_P_OUTCOME, RP_P_RECOMMENDATION,
	RP_P_SCOPE, RP_P_TSC, RP_P_ROADMAP, RP_P_FRAMEWORKS, RP_P_GAPS,
	RP_P_NEXT_STEPS, RP_P_OUTCOME_LISTS, RP_P_ASSUMPTIONS, RP_P_SOURCES,
	RP_P_ASSUMPTION_LIST, RP_P_TRACE, RP_P_GUIDE, RP_P_APPENDIX,
	RP_P_EVIDENCE, RP_P_ABOUT, RP_P_COUNT
};
size_t
rp_parts(const struct rp_model *m, enum rp_part out[RP_P_COUNT]);

/* Is a SOC 1 among the reports recommended? */
bool
rp_has_soc1(const struct rp_model *m);
/* Letter the appendices present: after the model is built and again
 * once the evidence list is added. */
void
rp_model_letters(struct rp_model *m);

/* A public source: the AICPA's guides and criteria. */
struct rp_source {
	const char *id, *title, *url;
};

/* The reasons for the rules `in` lists, each with its texts filled in and
 * the answers it rests on; and their release. */
void
rp_reasons_build(const struct rp_model *m, const struct sc_reasons *in,
                 struct rp_reasons *out);
void
rp_reasons_fini(struct rp_reasons *rs);
/* The outcome part of the model: the outcome and its reasons, the header
 * lines, the next review, and (without the SOC sections) the executive
 * summary; built last, after everything else. */
void
rp_outcome_build(struct rp_model *m);
/* Its sentences of the executive summary, after the SOC ones. */
void
rp_outcome_exec(struct rp_model *m);
void
rp_outcome_fini(struct rp_model *m);

void
rp_model_build(struct rp_model *m, const struct sc_questionnaire *q,
               const struct sc_answers *a, struct sc_eval *ev,
               const struct sc_report_opts *opts);
void
rp_model_fini(struct rp_model *m);
/* Put `brand` (NULL: none) on a model built: who prepared it, and what
 * the HTML takes from it. */
void
rp_model_brand(struct rp_model *m, const struct sc_report_brand *brand);

/* memo.c: collect the assumptions and mark what rests on them; compose the
 * first page (after the plan and the gaps are in the model); "Rests on
 * assumptions: A1, A3 (see ...)." for the indices given. */
void
rp_memo_assumptions(struct rp_model *m);
void
rp_memo_first_page(struct rp_model *m);
/* The scope (m->scope, m->proposals), after the assumptions. */
void
rp_memo_scope(struct rp_model *m);
/* "open question" for an "I don't know", else "assumption". */
const char *
rp_assumption_kind(const struct rp_assumption *as);
/* A kind of scope proposal: its JSON key ("cuecs") and its heading. */
const char *
rp_scope_kind_key(enum sc_scope_kind k);
const char *
rp_scope_kind_title(enum sc_scope_kind k);
/* The note typed on the question a gap is about (the question whose id
 * is the gap's, or a follow-up's without "confirm_"): the failure in the
 * client's words, shown beside the advice; NULL when none. */
const char *
rp_gap_said(const struct rp_model *m, const struct rp_gap *g);
void
rp_memo_assumed(const struct rp_model *m, const size_t *idx, size_t n,
                struct sc_buf *out);
/* Mark reasons with the assumptions among their answers and name
 * `conclusion` under each (for parts built after the assumptions). */
void
rp_memo_mark(struct rp_model *m, struct rp_reasons *rs,
             const char *conclusion);
/* "A1, A3" for the indices given ("" for none). */
void
rp_memo_ids(const struct rp_model *m, const size_t *idx, size_t n,
            struct sc_buf *out);
/* Number the assumptions (rp_assumption.num) once every conclusion has
 * been marked. */
void
rp_memo_number(struct rp_model *m);
/* After the listed assumptions, the answers with a note or an "I don't
 * know" that no conclusion rests on (rp_model.nunlisted), where they
 * are; NULL when there are none.  The caller frees it. */
char *
rp_memo_unlisted(const struct rp_model *m);
/* What the body says of the assumptions: how many conclusions rest on
 * which kinds, where they are marked and listed; or that none does.  The
 * caller frees it. */
char *
rp_memo_assumptions_summary(const struct rp_model *m);
void
rp_memo_fini(struct rp_model *m);

/* The evidence list for `cat` (NULL: none), built after the roadmap, which
 * dates it, on a model rp_model_build made (which has none). */
void
rp_evidence_build(struct rp_model *m, const struct sc_catalogue *cat);
void
rp_evidence_fini(struct rp_evidence *e);
/* "Exists", "Partly", "Not yet", "Not known", "Not asked", "Not due yet"
 * and their ids "in_place", "partial", "missing", "unknown", "not_asked",
 * "not_due". */
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

/* A timeline bar's kind as the JSON report names it: "readiness",
 * "type1_date", "window", "fieldwork", "report". */
const char *
rp_bar_kind_name(enum rp_bar_kind k);

/* The report date of `opts` (today, UTC, when it names none). */
void
rp_report_date(const struct sc_report_opts *opts, char out[11]);

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
 * every SOC 2, no SOC 2 at all, an optional category nobody asked for);
 * NULL otherwise: sc_result_tsc_default. */
const char *
rp_tsc_default_reason(const struct rp_model *m, enum sc_category c);

#endif
