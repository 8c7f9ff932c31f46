/* The questionnaire model: metadata, sections of questions, and rules.
 * Loaded from YAML (format in questionnaires/README.md) and checked in full:
 * every problem is reported as FILE:LINE:COL, not only the first. */
#ifndef SOCSCOPE_QUESTIONNAIRE_H
#define SOCSCOPE_QUESTIONNAIRE_H

#include "socscope/diag.h"
#include "socscope/value.h"
#include "socscope/vocab.h"

struct sc_expr;

struct sc_choice {
	char *id;
	char *label;
	char *help; /* NULL when none */
	/* `short:` what a report's header lines show for this choice when
	 * the label explains more than the record needs ("SOC 1" for "SOC 1
	 * (it may also say SSAE 18 ...)"); NULL: the label. */
	char *short_label;
};

struct sc_question {
	char *id;
	enum sc_qtype type;
	char *text;
	char *help;           /* "why we ask": required by the format */
	bool required;
	bool allow_unsure;    /* yes/no questions: offer "unsure" */
	char *show_if_src;    /* NULL when always shown */
	struct sc_expr *show_if;
	struct sc_choice *choices; /* single and multi */
	size_t nchoices;
	bool has_min, has_max; /* number */
	double min, max;
	size_t max_length;    /* text, in characters; 0 = the format's default */
	struct sc_answer def; /* default answer; type SC_A_NONE when none */
	size_t section;       /* index of its section */
	size_t index;         /* its own index in questionnaire order */
	int line, col;        /* where it is defined */
};

/* A section's skipped_note written as a list: each variant is said when
 * its `when` holds (the first that does), so that the note can name what
 * was answered. */
struct sc_skip_note {
	char *when_src;
	struct sc_expr *when; /* names only questions before the section */
	char *text;
	int line, col;
};

struct sc_section {
	char *id;
	char *title;
	char *intro; /* NULL when none */
	/* Said when the interview passes the section because none of its
	 * questions is shown: the first of `notes` whose `when` holds, else
	 * skipped_note (the note given as text, or the list's last variant
	 * without a `when`), else a default sentence naming the answers that
	 * hid it (sc_session_explain_skipped). */
	char *skipped_note;  /* NULL when none */
	struct sc_skip_note *notes; /* the variants with a `when`, file order */
	size_t nnotes;
	size_t first, count; /* questions [first, first + count) */
	int line, col;
};

struct sc_type_effect {
	enum sc_report_id report;
	enum sc_rtype type;
	int period_months; /* 0 = no period suggested (Type I has none) */
	int weight;        /* higher wins; see questionnaires/README.md */
};

struct sc_gap_def {
	char *id;
	char *title;
	char **criteria;
	size_t ncriteria;
	enum sc_priority priority;
	char *advice;
	bool followup; /* kind: followup ("don't know": confirm, not a "no") */
};

/* An outcome a rule may propose (`outcomes:`, listed best first): the
 * result of a review is the worst outcome any fired rule proposes. */
struct sc_outcome_def {
	char *id;
	char *title;
	char *help;
	/* When it is the result, only the gaps of the rules that propose it
	 * are listed: the others rest on answers that cannot all be true. */
	bool exclusive;
	int line, col;
};

/* A line at the top of every report (`header:`): a question's answer
 * under a short label ("Provider", "Reviewed by"). */
struct sc_header_field {
	size_t question;
	char *label;
};

/* What a rule proposes for the scope of the examination (the report
 * memo's "Scope" section): a SOC 1 control objective (`objective:`), a
 * control the organization's customers must run (`cuec:`), what to do
 * about a provider that runs part of the service (`subservice:`), or a
 * note on what the system boundary takes in or leaves out
 * (`boundary_note:`).  See questionnaires/README.md, "The scope". */
enum sc_scope_kind {
	SC_SCOPE_OBJECTIVE,
	SC_SCOPE_CUEC,
	SC_SCOPE_SUBSERVICE,
	SC_SCOPE_BOUNDARY,
	SC_SCOPE_KINDS
};

struct sc_scope_text {
	enum sc_scope_kind kind;
	char *text;
};

struct sc_rule {
	char *id;
	char *when_src;
	struct sc_expr *when;
	char *because;
	int line, col;
	/* effects */
	unsigned recommend;      /* bit (1u << enum sc_report_id) */
	bool recommend_none;     /* "recommend: none": no report now, and why */
	struct sc_type_effect *types;
	size_t ntypes;
	unsigned scope_in;       /* bit (1u << enum sc_category) */
	unsigned scope_out;
	unsigned flags;          /* bit (1u << enum sc_framework) */
	struct sc_gap_def *gap;  /* NULL when none */
	char *readiness_item;    /* NULL when none */
	enum sc_readiness readiness;
	char *next_step;         /* advice on what to do next; NULL when none */
	char *decision;          /* a decision the client still has to make,
	                          * on the report's first page; NULL when none */
	size_t outcome;          /* index into q->outcomes; SIZE_MAX: none */
	struct sc_scope_text *scope_texts; /* in file order */
	size_t nscope_texts;
};

/* Optional questionnaire-level pointers the plan (socscope/plan.h) reads:
 * indices of the questions named under `timeline`, SIZE_MAX when not given
 * (format in questionnaires/README.md, "Timeline"):
 *  - deadline (date): when a report must be in hand; or the older
 *    needed_in_months (number): months from today until then;
 *  - operating_months (number): months the controls have operated;
 *  - evidence_kept (yesno): evidence of the controls' operation was kept;
 *  - prior_soc1_period_end, prior_soc2_period_end (date): the day the last
 *    SOC 1 (SOC 2) Type II report's period ended;
 *  - prior_period_end (date): the same for whichever kind prior_reports
 *    names; or the older number form: months since it ended (0: this
 *    month);
 *  - prior_reports (multi, with the choices soc1_type1, soc1_type2,
 *    soc2_type1, soc2_type2, soc3): the reports had before, so that a
 *    renewal continues only a report of its own kind;
 *  - fiscal_year_end (date, of which the month and day count; or single,
 *    with the choices jan ... dec and maybe others meaning "not known"):
 *    when the clients' fiscal years end;
 *  - type2_demanded (yesno): someone requires a Type II report;
 *  - deadline_reports (single, with the choices soc1, soc2 and others
 *    meaning both): which report the deadline is for, when two are
 *    recommended (unanswered: both);
 *  - deadline_other (date): when the other report must be in hand, when
 *    deadline_reports names one;
 *  - fiscal_year_covered (single, with the choices ending and next and
 *    others meaning not known): which of the clients' fiscal years a
 *    SOC 1 must cover: the one ending now or just ended, or the next;
 *  - waiting (an expression): someone is waiting for a report now (a
 *    prospect's questionnaire, a contract under negotiation), so a
 *    quicker Type I is worth showing beside a later Type II. */
struct sc_timeline {
	size_t deadline;
	size_t needed_in_months;
	size_t operating_months;
	size_t evidence_kept;
	size_t prior_period_end;
	size_t prior_soc1_period_end;
	size_t prior_soc2_period_end;
	size_t prior_reports;
	size_t fiscal_year_end;
	size_t type2_demanded;
	size_t deadline_reports;
	size_t deadline_other;
	size_t fiscal_year_covered;
	size_t deadline_requester; /* text: who set the deadline */
	size_t team_size;          /* number: the people who work there */
	struct sc_expr *waiting; /* NULL when not given */
	char *waiting_src;
};

/* Every pointer SIZE_MAX (none given). */
void
sc_timeline_init(struct sc_timeline *t);
/* 1 to 12 for the month ids "jan" ... "dec", else 0. */
int
sc_month_find(const char *id);

struct sc_questionnaire {
	char *file; /* name used in diagnostics */
	char *id;
	char *title;
	char *version;
	char *description;
	struct sc_section *sections;
	size_t nsections;
	struct sc_question *questions; /* all questions, in order */
	size_t nquestions;
	struct sc_rule *rules;
	size_t nrules;
	struct sc_timeline timeline;
	/* The text question whose answer is the client's name
	 * (client_question:); SIZE_MAX when not given. */
	size_t client_question;
	/* How answers saved under older versions read in this one
	 * (socscope/migrate.h), in file order. */
	struct sc_migration *migrations;
	size_t nmigrations;
	/* What the rules may conclude besides reports: outcomes, best first
	 * (none: the questionnaire has no outcome).  See questionnaires/
	 * README.md, "Outcomes". */
	struct sc_outcome_def *outcomes;
	size_t noutcomes;
	/* The answers every report shows at its top, in order (`header:`). */
	struct sc_header_field *header;
	size_t nheader;
	/* The answers that name the system boundary (`system_boundary:`),
	 * each under its label ("Systems and applications"), in order. */
	struct sc_header_field *boundary;
	size_t nboundary;
	/* `next_review:` the next review is due `next_review_months` after the
	 * answer to the date question `next_review_after` (SIZE_MAX: none). */
	size_t next_review_after;
	int next_review_months;
	/* The reports' closing disclaimer (`disclaimer:`); NULL: the SOC
	 * scoping one. */
	char *disclaimer;
	/* Some rule recommends a report or proposes a type or a category (or
	 * "recommend: none"): the reports have SOC sections. */
	bool recommends;
	/* `criteria_shown:` in a questionnaire that recommends no report, which
	 * family of the criteria a gap cites is shown: the SOC 1 objectives
	 * while `soc1` holds, the Trust Services Criteria while `tsc` holds
	 * (a provider's SOC 1 reviewed for the financial statements is not
	 * read against CC9.2). NULL: that family is shown. */
	struct sc_expr *criteria_soc1;
	struct sc_expr *criteria_tsc;
	void *index; /* private: id -> question hash */
	/* Private: the region its text, small parts (choices, gaps,
	 * criteria, types, defaults) and compiled expressions are carved
	 * from, freed with it; none of them is freed or replaced on its own. */
	void *arena;
};

/* Load and check a questionnaire.  On any problem returns NULL, sets *st
 * (SC_ENOINPUT or SC_EDATA) and adds every problem to `d`.  */
struct sc_questionnaire *
sc_questionnaire_load_file(const char *path, struct sc_diags *d,
                           enum sc_status *st);
struct sc_questionnaire *
sc_questionnaire_load_buffer(const char *name, const char *buf, size_t len,
                             struct sc_diags *d, enum sc_status *st);
void
sc_questionnaire_free(struct sc_questionnaire *q);

/* Question by id, or NULL.  O(1) average. */
const struct sc_question *
sc_questionnaire_find(const struct sc_questionnaire *q, const char *id);
/* Choice index by id, or -1. */
int
sc_question_find_choice(const struct sc_question *qn, const char *id);

struct sc_expr_names;
/* The questionnaire's questions as the names an expression may use
 * (socscope/expr.h), by question index.  *out refers to q and is good for
 * as long as q is not changed or freed. */
void
sc_questionnaire_names(const struct sc_questionnaire *q,
                       struct sc_expr_names *out);

#endif
