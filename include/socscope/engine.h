/* The rule engine: answers in, recommendation out.
 *
 * An evaluator keeps visibility and rule state for one answers set.  After
 * an answer changes, sc_eval_changed() re-evaluates only what depends on
 * that question: the show_if of later questions that read it (and, if their
 * visibility flips, what reads them in turn) and the rules whose `when`
 * reads any question whose effective answer changed.  The result is rebuilt
 * from the fired rules on demand.
 *
 * Conflict resolution (documented in questionnaires/README.md):
 *  - reports are the union of `recommend`; "none" counts when the final
 *    list of reports is empty (including a lone SOC 3 dropped below);
 *  - per report, the type proposal with the highest weight wins; on a tie
 *    Type I wins over Type II (a constraint beats a wish), then file order;
 *    a report with no proposal is Type I with no period;
 *  - SOC 3 stays only when SOC 2 is recommended as Type II; it has no type
 *    of its own (SC_TYPE_NONE) and carries the SOC 2's period; otherwise it
 *    is dropped and explained in `deferred`;
 *  - categories: Security is in scope (required) whenever SOC 2 is; `scope`
 *    beats `scope_out`; with no SOC 2 every category is out;
 *  - gaps with the same id merge: highest priority, reasons joined; the
 *    criteria shown are those that fit the scope: an optional category's
 *    (A1, PI1, C1, P) only when it is in scope, the common criteria (CC)
 *    only with a SOC 2, SOC1: objectives only with a SOC 1; all of them when
 *    no report is recommended, and all of them rather than none; in a
 *    questionnaire that recommends none, the families its criteria_shown
 *    admits (possibly none);
 *  - readiness items with the same id: the worst status counts;
 *  - the outcome is the worst (latest listed) of those the fired rules
 *    propose, none when no fired rule proposes one; when that outcome is
 *    `exclusive`, only the gaps of the rules proposing it are listed. */
#ifndef SOCSCOPE_ENGINE_H
#define SOCSCOPE_ENGINE_H

#include "socscope/answers.h"
#include "socscope/date.h"
#include "socscope/questionnaire.h"

/* Reasons are the rules that fired; each rule's `because` is its text and
 * the answers that made its `when` true (sc_eval_because) are the answers it
 * rests on. */
struct sc_reasons {
	size_t *rules; /* rule indices, in file order */
	size_t n;
};

struct sc_report_rec {
	enum sc_report_id id;
	enum sc_rtype type;      /* SC_TYPE_NONE for SOC 3, which has no type */
	int period_months;       /* 0 when none suggested; SOC 3: the SOC 2's */
	size_t type_rule;        /* rule whose proposal won (SOC 3: the one that
	                          * set the SOC 2's); SIZE_MAX if none */
	struct sc_reasons reasons; /* recommend rules, then the winning type rule */
};

struct sc_tsc_rec {
	bool in_scope;
	bool required; /* Security when SOC 2 is recommended */
	struct sc_reasons reasons; /* why in; or, when out, why out */
};

struct sc_framework_rec {
	enum sc_framework id;
	struct sc_reasons reasons;
};

struct sc_gap_rec {
	const struct sc_gap_def *def; /* title, criteria, advice, followup */
	enum sc_priority priority;
	struct sc_reasons reasons;
	/* The criteria to show: def->criteria that fit the recommended scope
	 * (see sc_eval_result); strings owned by def. */
	const char *const *criteria;
	size_t ncriteria;
};

struct sc_readiness_rec {
	const char *item;
	enum sc_readiness status;
	size_t rule;
};

/* What the fired rules concluded, for a questionnaire with outcomes. */
struct sc_outcome_rec {
	size_t id; /* index into q->outcomes; SIZE_MAX when no fired rule
	            * proposes one (not enough answers yet) */
	struct sc_reasons reasons; /* the fired rules proposing it */
};

struct sc_result {
	struct sc_report_rec reports[SC_REPORT_COUNT]; /* soc1, soc2, soc3 order */
	size_t nreports;
	struct sc_reasons none;      /* "recommend: none" rules, when no report */
	struct sc_reasons deferred;  /* e.g. SOC 3 dropped for lack of SOC 2 Type II */
	struct sc_tsc_rec tsc[SC_CAT_COUNT];
	struct sc_framework_rec frameworks[SC_FW_COUNT]; /* in enum order */
	size_t nframeworks;
	struct sc_gap_rec *gaps; /* high, medium, low; file order within */
	size_t ngaps;
	struct sc_readiness_rec *items;
	size_t nitems;
	size_t in_place, partial, missing, unknown; /* counts of items */
	int score; /* round(100 * (in_place + partial / 2) / nitems); 0 if none */
	struct sc_reasons next_steps; /* rules with next_step */
	struct sc_outcome_rec outcome;
	size_t *unanswered; /* required, shown, unanswered question indices */
	size_t nunanswered;
	size_t applicable; /* questions shown */
	size_t answered;   /* questions shown and answered */
};

struct sc_eval;

/* Evaluate `a` (which must stay alive; it is read, never written). */
struct sc_eval *
sc_eval_new(const struct sc_questionnaire *q, const struct sc_answers *a);
void
sc_eval_free(struct sc_eval *ev);
/* Tell the evaluator that a->v[question] changed. */
void
sc_eval_changed(struct sc_eval *ev, size_t question);
/* Recompute everything (after loading a whole answers file). */
void
sc_eval_reset(struct sc_eval *ev);
/* The date `today` stands for in the questionnaire's expressions and the
 * plan: sc_date_today() when the evaluator is made; setting another
 * re-evaluates everything. */
void
sc_eval_set_today(struct sc_eval *ev, sc_day today);
sc_day
sc_eval_today(const struct sc_eval *ev);

bool
sc_eval_visible(const struct sc_eval *ev, size_t question);
bool
sc_eval_fired(const struct sc_eval *ev, size_t rule);
/* The effective answer (NULL when unanswered or hidden). */
const struct sc_answer *
sc_eval_answer(const struct sc_eval *ev, size_t question);
/* The answers rule `rule` rests on now: the witnesses of its `when`
 * (sc_expr_witnesses) under the current answers, ascending; for a fired rule
 * the answers that made it fire, never an unanswered or hidden question.
 * The list is owned by the evaluator and valid until the next call. */
const size_t *
sc_eval_because(struct sc_eval *ev, size_t rule, size_t *n);
/* The current result, rebuilt if anything changed; owned by the evaluator
 * and valid until the next call that changes it. */
const struct sc_result *
sc_eval_result(struct sc_eval *ev);

/* `text` (a rule's because or next_step, a gap's advice) with each
 * {{question_id}} replaced by that question's effective answer as
 * sc_answer_format shows it (a date as YYYY-MM-DD, an empty check list as
 * "none"), or "(not answered)" when it has none.  Appends to `out`. */
void
sc_eval_expand(struct sc_eval *ev, const char *text, struct sc_buf *out);

/* The date the next review is due: the answer to the questionnaire's
 * next_review question plus its months.  False when the questionnaire
 * declares none or the question has no answer. */
bool
sc_eval_next_review(struct sc_eval *ev, sc_day *out);

/* "Accept with follow-ups", or "No outcome yet" when no fired rule proposes
 * one; for a questionnaire with outcomes. */
const char *
sc_result_outcome_title(const struct sc_questionnaire *q,
                        const struct sc_result *r);

/* "SOC 1 Type II and SOC 2 Type II (Security, Availability, Confidentiality)",
 * "SOC 2 Type II and SOC 3 (Security)" (a SOC 3 covers the same categories,
 * so they follow it), or for no report the first `none` rule's because.
 * For a questionnaire with outcomes that recommends no report: "Outcome:
 * " and the outcome's title, or that there is none yet. */
void
sc_result_summary(const struct sc_questionnaire *q, const struct sc_result *r,
                  struct sc_buf *out);

/* Why category `c` is in or out of scope when no rule says so: Security is
 * part of every SOC 2, no SOC 2 is recommended, or nothing calls for an
 * optional category; NULL when a rule gave a reason.  So no category is
 * ever shown in or out without a reason. */
const char *
sc_result_tsc_default(const struct sc_result *r, enum sc_category c);
/* The one sentence every view shows beside category `c`: its first rule's
 * `because`, else sc_result_tsc_default; never NULL. */
const char *
sc_result_tsc_why(const struct sc_questionnaire *q, const struct sc_result *r,
                  enum sc_category c);

/* The recommendation in one short line, for lists of many sessions (the
 * portfolio, the interview's session picker): the summary when a report is
 * recommended, else "No SOC report now" when the answers say so, else "Not
 * enough answers yet".  For a questionnaire with outcomes that recommends
 * no report: the outcome's title, or "Not enough answers yet".  Appends to
 * `out`. */
void
sc_result_headline(const struct sc_questionnaire *q, const struct sc_result *r,
                   struct sc_buf *out);

/* One report as every view names it: "SOC 1 Type II", "SOC 2 Type I", and
 * for a SOC 3, which has no type, "SOC 3 (public summary of the SOC 2 Type
 * II, same period)".  Appends to `out`. */
void
sc_report_title(const struct sc_report_rec *r, struct sc_buf *out);

#endif
