/* A consultant's overview of many clients: one row per answers file (a
 * saved session or a file named on the command line), with where each
 * client stands.  Built through the report model, so each row says what
 * that client's report says.  Formats: text (a table for the terminal),
 * csv and json (docs/portfolio-json.md). */
#ifndef SOCSCOPE_PORTFOLIO_H
#define SOCSCOPE_PORTFOLIO_H

#include "socscope/report.h"

struct sc_portfolio_report {
	enum sc_report_id id;
	enum sc_rtype type; /* SC_TYPE_NONE for a SOC 3 */
	int period_months;  /* 0 when none */
};

struct sc_portfolio_row {
	char *path;
	char *client;         /* "" when the file names none */
	char *updated;        /* as saved (ISO 8601), "" when absent */
	char *questionnaire;  /* its id */
	char *recommendation; /* sc_result_headline */
	struct sc_portfolio_report reports[SC_REPORT_COUNT];
	size_t nreports;
	unsigned categories;  /* bit (1u << enum sc_category) when in scope */
	bool has_score;       /* the readiness checklist was asked */
	int score;
	size_t in_place, items;
	size_t high_gaps;     /* high-priority gaps, follow-ups not counted */
	size_t to_confirm;    /* follow-ups */
	char **unanswered;    /* ids of required questions still open */
	size_t nunanswered;
	size_t answered, applicable;
	/* Read through the migrations from this older version ("2.0"), or
	 * NULL. */
	char *migrated_from;
	/* The file cannot be opened: its first problem ("FILE:LINE:COL:
	 * message"); the row then has only path, client, updated and
	 * questionnaire (as far as they could be read, "" otherwise).  NULL
	 * for a row with a report. */
	char *error;
	/* A questionnaire with outcomes (a review): has_outcome, the outcome's
	 * id (NULL when none yet; the title is `recommendation`) and when the
	 * next review is due ("" when not known). */
	bool has_outcome;
	char *outcome;
	char next_review[11];
};

struct sc_portfolio {
	struct sc_portfolio_row *v;
	size_t n;
};

/* Add the row for answers `a` to questionnaire `q`, read from `path`, as
 * its report would be on opts->date (NULL: today; the roadmap may lengthen
 * a SOC 1 period, depending on the date). */
void
sc_portfolio_add(struct sc_portfolio *p, const char *path,
                 const struct sc_questionnaire *q, const struct sc_answers *a,
                 const struct sc_report_opts *opts);
/* Add the row for a file at `path` that cannot be opened, with what could
 * be read of it (NULL: unknown) and its first problem, so that it is
 * listed with the others rather than left out. */
void
sc_portfolio_add_error(struct sc_portfolio *p, const char *path,
                       const char *client, const char *questionnaire,
                       const char *updated, const char *error);
void
sc_portfolio_fini(struct sc_portfolio *p);

/* Render as text (a table; opts->width, when not 0, cuts the client and
 * recommendation columns to fit, never a row's error), csv or json; opts->date is the date the
 * JSON names (NULL = today).  Returns false, appending nothing, for a
 * format it has no layout for (markdown, html). */
bool
sc_portfolio_render(const struct sc_portfolio *p, enum sc_format fmt,
                    const struct sc_report_opts *opts, struct sc_buf *out);

#endif
