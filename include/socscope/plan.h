/* The plan: one dated roadmap for the reports the answers recommend, built
 * once and read by every view and format (the results screen, the live
 * panel, each export, evaluate, compare), so that they never disagree.
 *
 * It follows the order of a SOC examination (domain notes, "Planning the
 * dates"): choosing a CPA firm and writing the system description beside
 * the readiness work, then a Type I date or a Type II period, fieldwork and
 * the report.  No phase starts before the phase it follows has ended; a
 * period that already lies in the past (a look-back) never has readiness
 * work in front of it; a renewal continues only a report of its own kind.
 * Where the answers leave two honest ways (a look-back period with gaps
 * still open: report on it now and expect exceptions, or close the gaps
 * first and start a period after the fix), both are planned, each with its
 * dates, as tracks.  Every sentence is written from the dates it names.
 *
 * Dates are whole days (socscope/date.h); Type II periods run in whole
 * calendar months (the 1st to a month's last day) unless they continue an
 * earlier period that ended mid-month; the dates of work to be done
 * (fieldwork, reports, the end of readiness work) fall on working days. */
#ifndef SOCSCOPE_PLAN_H
#define SOCSCOPE_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "socscope/date.h"
#include "socscope/engine.h"
#include "socscope/vocab.h"

enum sc_phase_kind {
	SC_PHASE_ENGAGE,      /* choose a CPA firm and agree the engagement */
	SC_PHASE_READINESS,   /* close the gaps found */
	SC_PHASE_DESCRIPTION, /* write (or update) the system description */
	SC_PHASE_TYPE1,       /* the one date a Type I examines */
	SC_PHASE_PERIOD,      /* a Type II period */
	SC_PHASE_FIELDWORK,   /* the CPA firm's testing */
	SC_PHASE_REPORT,      /* when the report is expected (a range) */
	SC_PHASE_BRIDGE,      /* months after a period a bridge letter covers */
	SC_PHASE_COUNT
};

/* "engage", "readiness", "description", "type1", "period", "fieldwork",
 * "report", "bridge" */
const char *
sc_phase_kind_id(enum sc_phase_kind k);

struct sc_phase {
	enum sc_phase_kind kind;
	unsigned reports;   /* the reports it belongs to: bits 1u << id */
	enum sc_rtype type; /* of those reports (Type I date, period, ...) */
	sc_day from, to;    /* inclusive; equal for a Type I date */
	size_t after;       /* the phase of the same track it waits for
	                     * (it starts after that one ends); SIZE_MAX */
	char *label;        /* "SOC 2 Type II period" */
	char *what;         /* the roadmap's sentence, with its dates */
};

/* Whether a report comes in time for the deadline. */
enum sc_fit {
	SC_FIT_NONE, /* no deadline given */
	SC_FIT_OK,   /* expected by the deadline */
	SC_FIT_MAYBE,/* the deadline falls inside the range it is expected in */
	SC_FIT_LATE, /* expected only after the deadline */
};

enum sc_track_kind {
	SC_TRACK_PLAN,        /* the plan */
	SC_TRACK_CLEAN_FIRST, /* close the gaps first, then a period after the
	                       * fix (beside a look-back period with gaps) */
	SC_TRACK_LOOKBACK,    /* report on the look-back period now, expecting
	                       * exceptions (beside a clean-first plan) */
	SC_TRACK_TYPE1_FIRST, /* a quicker Type I for whoever is waiting */
	SC_TRACK_NEXT,        /* what follows: the Type II after a Type I, the
	                       * next period after a Type II */
};

/* "plan", "clean_first", "lookback", "type1_first", "next" */
const char *
sc_track_kind_id(enum sc_track_kind k);

struct sc_track {
	enum sc_track_kind kind;
	char *title;   /* "Option B: close the gaps first" */
	char *summary; /* what it is and when its report comes, one sentence */
	struct sc_phase *phases; /* in date order */
	size_t nphases;
	sc_day report_by; /* the latest date its last report is expected */
	enum sc_fit fit;  /* against the deadline */
	/* A SC_TRACK_NEXT that follows one of two options: the index of that
	 * option's track; -1 when it follows the only plan. */
	int follows;
};

/* What the plan decided for one recommended report. */
struct sc_plan_report {
	enum sc_report_id id;
	enum sc_rtype type;   /* SC_TYPE_NONE for a SOC 3 */
	int months;           /* a Type II period's length; 0 for a Type I */
	char *months_why;     /* why that length, in a sentence; NULL */
	sc_day as_of;         /* a Type I's date (0 when not dated) */
	sc_day start, end;    /* a Type II period (0 when not dated) */
	sc_day report_from, report_by; /* when the report is expected */
	bool lookback;        /* the period lies (partly) in the past */
	bool renewal;         /* it continues the last report of its kind */
	bool combined;        /* examined with the other report, one period */
	enum sc_fit fit;
	sc_day bridge_from, bridge_to; /* a bridge letter the clients'
	                                * auditors will need; 0 when none */
};

struct sc_plan {
	bool dated;          /* false: an answer the dates need is missing */
	size_t *missing;     /* those questions (shown, unanswered) */
	size_t nmissing;
	sc_day today;
	bool has_deadline;
	sc_day deadline;
	/* Whom the plan tells the client to talk to about the deadline: the
	 * answer naming who set it; NULL when it names no one. */
	char *requester;
	/* Whom to talk to about the deadline the plan misses (who set it, or
	 * the other report's date); NULL when none is missed. */
	char *risk_who;
	/* Asked whether a Type II is required, the client was not sure: a
	 * Type I in the plan is a decision to confirm with whoever asked. */
	bool type2_unsure;
	/* The quicker Type I meets the deadline the plan misses (or the later
	 * of two): when its report is expected; 0 otherwise. */
	sc_day type1_by;
	sc_day type1_as_of; /* the quicker Type I's date, 0 when none */
	char *type1_who; /* whom to ask whether it will do */
	int readiness_weeks; /* 0: no readiness work */
	char *readiness_why; /* "2 high-priority gaps and 1 answer to confirm" */
	struct sc_plan_report reports[SC_REPORT_COUNT];
	size_t nreports;
	struct sc_track *tracks; /* tracks[0] is the plan */
	size_t ntracks;
	char **notes;        /* deadline checks, bridge letters, advice */
	size_t nnotes;
	/* The plan in one sentence, for summaries and the live panel:
	 * "SOC 2 Type II over 2026-06-01 to 2026-11-30, report expected by
	 * 2027-01-25"; NULL when nothing is recommended. */
	char *headline;
	/* When a report misses the deadline: what to say on the first page
	 * (which report is late, and what can be done); NULL otherwise. */
	char *deadline_risk;
	/* Its second half: what can be done (a quicker Type I, talking to
	 * whoever set the date), for a page that already gives the dates;
	 * points into deadline_risk, NULL with it. */
	const char *deadline_action;
	/* Its last part: whom to talk to and what a CPA firm can confirm,
	 * without the quicker Type I (for a page that leads with it). */
	const char *deadline_talk;
};

/* Build the plan for the answers `ev` evaluates, with `today` as the day it
 * is made (the evaluator's today: sc_eval_today).  Never fails. */
void
sc_plan_build(struct sc_plan *p, const struct sc_questionnaire *q,
              struct sc_eval *ev);
void
sc_plan_fini(struct sc_plan *p);

/* The plan's entry for report `id`, or NULL when it is not recommended. */
const struct sc_plan_report *
sc_plan_report(const struct sc_plan *p, enum sc_report_id id);

#endif
