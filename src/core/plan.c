/* The plan (socscope/plan.h): dated phases for the reports recommended.
 *
 * Rules of thumb, each from the domain notes ("Planning the dates"):
 *  - choosing a CPA firm and agreeing the engagement: about 4 weeks; so is
 *    writing the system description; both run beside readiness work;
 *  - readiness work: 3 weeks per open high-priority gap, 2 per medium, 1
 *    per low and 1 per answer to confirm, at most 26 weeks (work on many
 *    gaps runs side by side);
 *  - a Type II period starts on the first of the month after the work it
 *    waits for, and runs whole months: a first one 6 months (3 when a
 *    deadline leaves room for no more: the shortest most firms accept), a
 *    renewal 12, back to back from the last period of the same kind; a
 *    look-back covers the months of kept evidence, up to 12; a SOC 1
 *    period is lengthened (up to 12 months) until it covers at least 6
 *    months of the clients' fiscal year;
 *  - fieldwork starts the first working day after the period (or the Type I
 *    date) once the engagement and the description are ready, and the
 *    report follows 4 to 8 weeks after fieldwork starts. */
#include "socscope/plan.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/answers.h"
#include "socscope/expr.h"
#include "socscope/questionnaire.h"

enum {
	ENGAGE_DAYS = 21,     /* engaging a firm: 2 to 4 weeks (domain 1) */
	DESCRIBE_DAYS = 21,   /* drafted while the firm is engaged */
	READINESS_WEEKS_MAX = 26,
	SMALL_TEAM = 5,        /* up to this many people, one does the readiness work */
	FIELDWORK_DAYS = 21,
	REPORT_FROM_DAYS = 28, /* from the start of fieldwork */
	REPORT_BY_DAYS = 56,
	FIRST_MONTHS = 6,
	SHORT_MONTHS = 3,
	RENEWAL_MONTHS = 12,
	FY_OVERLAP = 6,
	MAX_MONTHS = 12,
	SOC2_LOOKBACK_MIN = 3, /* as the questionnaire's look-back rules */
	SOC1_LOOKBACK_MIN = 6,
	TYPE1_SETTLE_DAYS = 14, /* at most this long from readiness to a
	                        * Type I's date */
	MANY_HIGH_GAPS = 3,    /* a look-back with this many is not advised */
	GAP_TITLES = 4,        /* open gaps named in "expect exceptions for" */
	MONTHS_MAX = 600,
};

static const char *const phase_ids[SC_PHASE_COUNT] = {
	"engage", "readiness", "description", "type1",
	"period", "fieldwork", "report",      "bridge",
};

const char *
sc_phase_kind_id(enum sc_phase_kind k)
{
	return (unsigned)k < SC_PHASE_COUNT ? phase_ids[k] : "?";
}

const char *
sc_track_kind_id(enum sc_track_kind k)
{
	switch (k) {
	case SC_TRACK_PLAN: return "plan";
	case SC_TRACK_CLEAN_FIRST: return "clean_first";
	case SC_TRACK_LOOKBACK: return "lookback";
	case SC_TRACK_TYPE1_FIRST: return "type1_first";
	case SC_TRACK_NEXT: return "next";
	}
	return "?";
}

/* ---- dates -------------------------------------------------------------- */

/* A day work can happen on: not a Saturday or Sunday, nor January 1 or
 * December 25. */
static bool
working(sc_day d)
{
	if (sc_date_weekday(d) >= 5)
		return false;
	struct sc_ymd t = sc_day_to_ymd(d);
	return !((t.m == 1 && t.d == 1) || (t.m == 12 && t.d == 25));
}

static sc_day
work_on_or_after(sc_day d)
{
	while (!working(d))
		d++;
	return d;
}

/* The first day of the month after the one `d` falls in: where a period
 * that waits for `d` starts. */
static sc_day
next_month_start(sc_day d)
{
	return sc_date_month_end(d) + 1;
}

static sc_day
period_end(sc_day start, int months)
{
	return sc_date_add_months(start, months) - 1;
}

static void
fmt(sc_day d, char out[11])
{
	sc_date_format(d, out);
}

static const char *
plural(long n)
{
	return n == 1 ? "" : "s";
}

static sc_day
max_day(sc_day a, sc_day b)
{
	return a > b ? a : b;
}

/* ---- what the answers say ----------------------------------------------- */

struct facts {
	bool has_deadline;
	unsigned deadline_for; /* the reports (bits) the deadline is for */
	bool has_deadline2;    /* a date for the other report too */
	sc_day deadline2;
	int year_covered;      /* 0 not known, 1 the year ending now, 2 next */
	sc_day deadline;
	bool has_operating;
	int operating;
	enum { EV_UNKNOWN, EV_KEPT, EV_NOT_KEPT } evidence;
	bool prior_t2[SC_REPORT_COUNT]; /* a Type II of this kind before */
	bool has_prior_end[SC_REPORT_COUNT];
	sc_day prior_end[SC_REPORT_COUNT];
	int fye_month, fye_day; /* 0: not known */
	bool type2_demanded;
	bool waiting;
	size_t nhigh, nmedium, nlow, nconfirm;
	size_t nhigh_partly; /* of nhigh: a control partly in place to finish */
	double team;         /* people who work there; 0 when not known */
	/* The open gaps (not follow-ups) by title, for "expect exceptions
	 * for ...": titles a reader finds in the gap list, where a list of
	 * criteria ids mixed SOC 1 objectives into a SOC 2's exceptions and
	 * read as a jumble. */
	struct sc_buf gap_titles;
};

struct ctx {
	struct sc_plan *p;
	const struct sc_questionnaire *q;
	struct sc_eval *ev;
	const struct sc_result *r;
	struct facts f;
	sc_day today, ready, engaged, described;
	struct sc_buf b;
};

static const struct sc_answer *
lookup(void *ud, size_t i)
{
	return sc_eval_answer(ud, i);
}

/* The answer of timeline question qi; *shown false when the questionnaire
 * names none or the interview did not show it. */
static const struct sc_answer *
answer_of(struct ctx *c, size_t qi, bool *shown)
{
	*shown = qi != SIZE_MAX && qi < c->q->nquestions &&
	         sc_eval_visible(c->ev, qi);
	if (!*shown)
		return NULL;
	const struct sc_answer *a = sc_eval_answer(c->ev, qi);
	return a && a->type != SC_A_NONE ? a : NULL;
}

/* Was the gap raised only by answers of "partly": a control that exists in
 * some form, to finish? */
static bool
gap_partly(const struct ctx *c, const struct sc_gap_rec *g)
{
	bool partly = g->reasons.n > 0;
	for (size_t k = 0; partly && k < g->reasons.n; k++) {
		const struct sc_rule *ru = &c->q->rules[g->reasons.rules[k]];
		partly = ru->readiness_item && ru->readiness == SC_READY_PARTIAL;
	}
	return partly;
}

/* The name a sentence can use ("Talk to NAME now") from the answer naming
 * who set the deadline: its first clause, since owners type a name and
 * then say more ("Our largest client (the Hartwell group), a third of our
 * revenue"), without a closing stop, the owner's "our" or "my" as the
 * report's "your", and a leading "The" or "A" in lower case as it is
 * mid-sentence; NULL when nothing is left.  Freshly
 * allocated. */
static char *
requester_name(const char *text)
{
	const char *s = text ? text : "";
	while (*s && strchr(" \t\n\"'", *s))
		s++;
	size_t n = strcspn(s, "(,;:\n");
	const char *dash = strstr(s, " - ");
	if (dash && (size_t)(dash - s) < n)
		n = (size_t)(dash - s);
	const char *em = strstr(s, " \u2014");
	if (em && (size_t)(em - s) < n)
		n = (size_t)(em - s);
	while (n && strchr(" .\t\"'", s[n - 1]))
		n--;
	if (!n)
		return NULL;
	/* The report speaks to the client: the owner's "our largest
	 * client" is "your largest client". */
	static const char *const mine[] = {"Our ", "our ", "My ", "my "};
	for (size_t i = 0; i < sizeof mine / sizeof mine[0]; i++)
		if (strncmp(s, mine[i], strlen(mine[i])) == 0 &&
		    n > strlen(mine[i]))
			return sc_xasprintf("your %.*s",
			                    (int)(n - strlen(mine[i])),
			                    s + strlen(mine[i]));
	char *r = sc_xstrndup(s, n);
	static const char *const lower[] = {"The ", "A ", "An ", "Their "};
	for (size_t i = 0; i < sizeof lower / sizeof lower[0]; i++)
		if (strncmp(r, lower[i], strlen(lower[i])) == 0)
			r[0] = (char)(r[0] - 'A' + 'a');
	return r;
}

/* Whom a sentence names as having set the deadline. */
static const char *
setter(const struct ctx *c)
{
	return c->p->requester ? c->p->requester : "whoever set the deadline";
}

/* Whom a sentence names as having set report `id`'s date: the deadline
 * answered first is the requester's; the other report's date, whoever set
 * that. */
static const char *
setter_of(const struct ctx *c, enum sc_report_id id)
{
	if (c->f.has_deadline2 && !(c->f.deadline_for & (1u << id)))
		return id == SC_SOC1 ? "whoever set the SOC 1's date"
		                     : "whoever set the SOC 2's date";
	return setter(c);
}

static void
missing(struct ctx *c, size_t qi)
{
	struct sc_plan *p = c->p;
	p->missing = sc_xrealloc(p->missing, (p->nmissing + 1) * sizeof *p->missing);
	p->missing[p->nmissing++] = qi;
}

static int
whole_months(double v)
{
	if (!(v > 0))
		return 0;
	return v > MONTHS_MAX ? MONTHS_MAX : (int)v;
}

/* A date the plan needs: a date answer, or the older number of months
 * from (or, with `back`, before) today.  A shown question left open is
 * missing. */
static bool
read_date(struct ctx *c, size_t qi, bool back, sc_day *out)
{
	bool shown;
	const struct sc_answer *a = answer_of(c, qi, &shown);
	if (a && a->type == SC_A_DATE) {
		*out = a->day;
		return true;
	}
	if (a && a->type == SC_A_NUMBER) {
		int n = whole_months(a->num);
		*out = back ? sc_date_month_end(sc_date_add_months(c->today, -n))
		            : sc_date_add_months(c->today, n);
		return true;
	}
	if (shown)
		missing(c, qi);
	return false;
}

static void
read_prior(struct ctx *c)
{
	struct facts *f = &c->f;
	const struct sc_timeline *tl = &c->q->timeline;
	bool shown;
	const struct sc_answer *a = answer_of(c, tl->prior_reports, &shown);
	if (a && a->type == SC_A_CHOICES) {
		const struct sc_question *qn = &c->q->questions[tl->prior_reports];
		for (size_t k = 0; k < a->nsel; k++) {
			if (a->sel[k] >= qn->nchoices)
				continue;
			const char *id = qn->choices[a->sel[k]].id;
			if (strcmp(id, "soc1_type2") == 0)
				f->prior_t2[SC_SOC1] = true;
			else if (strcmp(id, "soc2_type2") == 0 ||
			         strcmp(id, "soc3") == 0)
				f->prior_t2[SC_SOC2] = true;
		}
	}
	size_t own[2] = {tl->prior_soc1_period_end, tl->prior_soc2_period_end};
	enum sc_report_id ids[2] = {SC_SOC1, SC_SOC2};
	for (int i = 0; i < 2; i++)
		if (own[i] != SIZE_MAX)
			f->has_prior_end[ids[i]] =
				read_date(c, own[i], true, &f->prior_end[ids[i]]);
	/* The older single question: the end of the last Type II, of
	 * whichever kind (without prior_reports: of any kind). */
	sc_day end;
	if (tl->prior_period_end != SIZE_MAX &&
	    read_date(c, tl->prior_period_end, true, &end)) {
		bool any = tl->prior_reports == SIZE_MAX;
		for (int i = 0; i < 2; i++) {
			if (f->has_prior_end[ids[i]])
				continue;
			if (any)
				f->prior_t2[ids[i]] = true;
			if (f->prior_t2[ids[i]]) {
				f->has_prior_end[ids[i]] = true;
				f->prior_end[ids[i]] = end;
			}
		}
	}
	/* A renewal continues only a report of its own kind. */
	for (int i = 0; i < 2; i++)
		if (!f->prior_t2[ids[i]])
			f->has_prior_end[ids[i]] = false;
}

static void
read_facts(struct ctx *c)
{
	struct facts *f = &c->f;
	const struct sc_timeline *tl = &c->q->timeline;
	bool shown;
	const struct sc_answer *a;

	if (tl->deadline != SIZE_MAX)
		f->has_deadline = read_date(c, tl->deadline, false, &f->deadline);
	else if (tl->needed_in_months != SIZE_MAX)
		f->has_deadline =
			read_date(c, tl->needed_in_months, false, &f->deadline);

	a = answer_of(c, tl->team_size, &shown);
	f->team = a && a->type == SC_A_NUMBER ? a->num : 0;

	/* Who set it, as the client named them. */
	a = answer_of(c, tl->deadline_requester, &shown);
	c->p->requester = requester_name(a && a->type == SC_A_TEXT ? a->text
	                                                          : NULL);

	/* The other report's date is optional: no answer, no date (the
	 * plan is dated without it). */
	bool shown2;
	const struct sc_answer *a2 = answer_of(c, tl->deadline_other, &shown2);
	if (a2 && a2->type == SC_A_DATE) {
		f->has_deadline2 = true;
		f->deadline2 = a2->day;
	}
	/* Which report the deadline is for: both unless answered. */
	f->deadline_for = ~0u;
	a = answer_of(c, tl->deadline_reports, &shown);
	if (a && a->type == SC_A_CHOICE) {
		const struct sc_question *qn =
			&c->q->questions[tl->deadline_reports];
		const char *id = a->choice < qn->nchoices
		                         ? qn->choices[a->choice].id
		                         : "";
		if (strcmp(id, "soc1") == 0)
			f->deadline_for = 1u << SC_SOC1;
		else if (strcmp(id, "soc2") == 0)
			f->deadline_for = 1u << SC_SOC2 | 1u << SC_SOC3;
	}

	a = answer_of(c, tl->fiscal_year_covered, &shown);
	if (a && a->type == SC_A_CHOICE) {
		const struct sc_question *qn =
			&c->q->questions[tl->fiscal_year_covered];
		const char *id = a->choice < qn->nchoices
		                         ? qn->choices[a->choice].id
		                         : "";
		f->year_covered = strcmp(id, "ending") == 0 ? 1
		                  : strcmp(id, "next") == 0 ? 2
		                                            : 0;
	}

	a = answer_of(c, tl->operating_months, &shown);
	if (a && a->type == SC_A_NUMBER) {
		f->has_operating = true;
		f->operating = whole_months(a->num);
	} else if (shown) {
		missing(c, tl->operating_months);
	}
	a = answer_of(c, tl->evidence_kept, &shown);
	f->evidence = !a || a->type != SC_A_BOOL ? EV_UNKNOWN
	              : a->b                     ? EV_KEPT
	                                         : EV_NOT_KEPT;
	read_prior(c);

	a = answer_of(c, tl->fiscal_year_end, &shown);
	if (a && a->type == SC_A_DATE) {
		struct sc_ymd t = sc_day_to_ymd(a->day);
		f->fye_month = t.m;
		f->fye_day = t.d;
	} else if (a && a->type == SC_A_CHOICE) {
		const struct sc_question *qn =
			&c->q->questions[tl->fiscal_year_end];
		if (a->choice < qn->nchoices) {
			f->fye_month = sc_month_find(qn->choices[a->choice].id);
			f->fye_day = 31;
		}
	}
	a = answer_of(c, tl->type2_demanded, &shown);
	f->type2_demanded = a && a->type == SC_A_BOOL && a->b;
	c->p->type2_unsure = a && a->type == SC_A_UNSURE;
	if (tl->waiting)
		f->waiting = sc_expr_eval_on(tl->waiting, lookup, c->ev, c->today);

	for (size_t i = 0; i < c->r->ngaps; i++) {
		const struct sc_gap_rec *g = &c->r->gaps[i];
		if (g->def && g->def->followup) {
			f->nconfirm++;
			continue;
		}
		if (g->priority == SC_PRIO_HIGH) {
			f->nhigh++;
			/* A control to finish, not one to build. */
			f->nhigh_partly += gap_partly(c, g);
		}
		else if (g->priority == SC_PRIO_MEDIUM)
			f->nmedium++;
		else
			f->nlow++;
		size_t open = f->nhigh + f->nmedium + f->nlow;
		if (open <= GAP_TITLES)
			sc_buf_printf(&f->gap_titles, "%s\"%s\"",
			              open == 1 ? "" : "; ", g->def ? g->def->title
			                                            : "a gap");
	}
	size_t open = f->nhigh + f->nmedium + f->nlow;
	if (open > GAP_TITLES)
		sc_buf_printf(&f->gap_titles, "; and %zu more", open - GAP_TITLES);
}

/* ---- readiness ---------------------------------------------------------- */

static void
readiness(struct ctx *c)
{
	struct facts *f = &c->f;
	struct sc_plan *p = c->p;
	/* Gaps are worked side by side by their owners: a high-priority one
	 * to build (a risk assessment, an incident plan) takes about 2 weeks,
	 * one to finish (an approval done only some of the time) a week,
	 * three medium ones (often a control to finish or write down) a week,
	 * four low ones or answers to confirm a week. */
	size_t weeks = 2 * (f->nhigh - f->nhigh_partly) + f->nhigh_partly +
	               (f->nmedium + 2) / 3 + (f->nlow + f->nconfirm + 3) / 4;
	/* Beyond a handful of people the work is shared: two side by side
	 * take about half as long, never less than the longest gap. */
	if (f->team > SMALL_TEAM && weeks > 2) {
		size_t longest = f->nhigh > f->nhigh_partly ? 2 : 1;
		weeks = (weeks + 1) / 2;
		if (weeks < longest)
			weeks = longest;
	}
	p->readiness_weeks = weeks > READINESS_WEEKS_MAX ? READINESS_WEEKS_MAX
	                                                 : (int)weeks;
	const struct {
		size_t n;
		const char *one, *many;
	} parts[] = {
		{f->nhigh, "high-priority gap", "high-priority gaps"},
		{f->nmedium, "medium-priority gap", "medium-priority gaps"},
		{f->nlow, "low-priority gap", "low-priority gaps"},
		{f->nconfirm, "answer to confirm", "answers to confirm"},
	};
	size_t kinds = 0, done = 0;
	for (size_t i = 0; i < 4; i++)
		kinds += parts[i].n > 0;
	for (size_t i = 0; i < 4; i++) {
		if (!parts[i].n)
			continue;
		sc_buf_printf(&c->b, "%s%zu %s",
		              done == 0          ? ""
		              : done + 1 == kinds ? " and "
		                                  : ", ",
		              parts[i].n, parts[i].n == 1 ? parts[i].one
		                                          : parts[i].many);
		done++;
	}
	p->readiness_why = kinds ? sc_buf_steal(&c->b) : NULL;
	c->ready = p->readiness_weeks
	                   ? work_on_or_after(c->today + 7 * p->readiness_weeks - 1)
	                   : c->today;
	c->engaged = work_on_or_after(c->today + ENGAGE_DAYS - 1);
	c->described = work_on_or_after(c->today + DESCRIBE_DAYS - 1);
}

/* "about 3 weeks", "about 2 months" */
static void
put_duration(struct sc_buf *b, int weeks)
{
	if (weeks < 8)
		sc_buf_printf(b, "about %d week%s", weeks, plural(weeks));
	else
		sc_buf_printf(b, "about %d months", (weeks * 12 + 26) / 52);
}

/* ---- the clients' fiscal year (SOC 1) ----------------------------------- */

static sc_day
fy_end(const struct facts *f, int year)
{
	int dim = sc_days_in_month(year, f->fye_month);
	return sc_day_from_ymd(year, f->fye_month,
	                       f->fye_day > dim ? dim : f->fye_day);
}

/* The whole months of one of the clients' fiscal years that [s, e] covers
 * best, and that year's last day. */
static int
fy_cover(const struct facts *f, sc_day s, sc_day e, sc_day *last)
{
	int best = -1;
	struct sc_ymd a = sc_day_to_ymd(s), b = sc_day_to_ymd(e);
	for (int y = a.y; y <= b.y + 1; y++) {
		sc_day fe = fy_end(f, y), fs = fy_end(f, y - 1) + 1;
		sc_day os = max_day(s, fs), oe = e < fe ? e : fe;
		if (os > oe)
			continue;
		int k = (int)sc_date_months_between(os, oe + 1);
		if (k > best) {
			best = k;
			*last = fe;
		}
	}
	return best < 0 ? 0 : best;
}

/* ---- placing one report (or two examined together) ---------------------- */

enum how { H_TYPE1, H_AFTER, H_LOOKBACK, H_RENEWAL };

struct place {
	unsigned reports;      /* bits */
	enum sc_rtype type;
	enum how how;
	int months;
	char *why;             /* months_why */
	sc_day as_of, start, end;
	sc_day fw_from, fw_to, rep_from, rep_by;
	sc_day bridge_from, bridge_to;
	enum sc_fit fit;
	bool coverage_gap;
	sc_day gap_from, gap_to;
};

static const char *
names(unsigned reports, char buf[32])
{
	bool one = reports & (1u << SC_SOC1), two = reports & (1u << SC_SOC2);
	snprintf(buf, 32, "%s", one && two ? "SOC 1 and SOC 2"
	                        : one     ? "SOC 1"
	                                  : "SOC 2");
	return buf;
}

/* The SOC 1 references whose controls a SOC 1 tests against its control
 * objectives: the IT general controls and the business processing.  The
 * entity-level ones (control environment, risk assessment, information
 * and communication) are described, not sampled for exceptions. */
static const char *const soc1_tested[] = {
	"logical-access", "physical-access", "change-management",
	"computer-operations", "backup-and-recovery", "transaction-approvals",
	"reconciliations", "system-validation-checks", "segregation-of-duties",
	"review-procedures", "records-retention",
};

static bool
soc1_ref_tested(const char *ref)
{
	for (size_t i = 0; i < sizeof soc1_tested / sizeof *soc1_tested; i++)
		if (strcmp(ref + 5, soc1_tested[i]) == 0)
			return true;
	return false;
}

/* Is an open gap one the examination of `reports` tests: a tested SOC 1
 * reference for a SOC 1, a Trust Services criterion for a SOC 2 (a gap
 * citing none of its kind would not be an exception in that report)? */
static bool
gap_tested_by(const struct sc_gap_rec *g, unsigned reports)
{
	if (!g->def || !g->def->ncriteria)
		return true;
	for (size_t k = 0; k < g->def->ncriteria; k++) {
		const char *ref = g->def->criteria[k];
		bool soc1 = strncmp(ref, "SOC1:", 5) == 0;
		if ((soc1 && (reports & (1u << SC_SOC1)) && soc1_ref_tested(ref)) ||
		    (!soc1 && (reports & (1u << SC_SOC2))))
			return true;
	}
	return false;
}

/* The open gaps the examination of `reports` would report as exceptions,
 * by title ("\"A\"; \"B\"; and 3 more"), into out (reset first);
 * how many there are.  With `described`, only controls that exist in
 * some form: a SOC 1 renewal tests the controls its last report described,
 * and one that never existed was not among them. */
static size_t
gap_titles_for(const struct ctx *c, unsigned reports, bool described,
               struct sc_buf *out)
{
	size_t n = 0;
	sc_buf_reset(out);
	for (size_t i = 0; i < c->r->ngaps; i++) {
		const struct sc_gap_rec *g = &c->r->gaps[i];
		if ((g->def && g->def->followup) || !gap_tested_by(g, reports) ||
		    (described && !gap_partly(c, g)))
			continue;
		if (++n <= GAP_TITLES)
			sc_buf_printf(out, "%s\"%s\"", n == 1 ? "" : "; ",
			              g->def ? g->def->title : "a gap");
	}
	if (n > GAP_TITLES)
		sc_buf_printf(out, "; and %zu more", n - GAP_TITLES);
	return n;
}

/* The reports whose period looks back (a renewal's own months count). */
static unsigned
lookback_reports(const struct place *pls, size_t n)
{
	unsigned m = 0;
	for (size_t i = 0; i < n; i++)
		if (pls[i].how == H_LOOKBACK)
			m |= pls[i].reports;
	return m ? m : (1u << SC_SOC1) | (1u << SC_SOC2);
}

/* The deadline reports `reports` are held to: the deadline when it is
 * theirs, the other report's date for the other; the earlier of the two
 * for a SOC 1 and a SOC 2 examined together.  False when none. */
static bool
deadline_of(const struct ctx *c, unsigned reports, sc_day *d)
{
	const struct facts *f = &c->f;
	bool mine = f->has_deadline && (reports & f->deadline_for);
	unsigned other = reports & ~f->deadline_for &
	                 (1u << SC_SOC1 | 1u << SC_SOC2);
	bool theirs = f->has_deadline && f->has_deadline2 && other;
	if (mine && theirs)
		*d = f->deadline < f->deadline2 ? f->deadline : f->deadline2;
	else if (mine)
		*d = f->deadline;
	else if (theirs)
		*d = f->deadline2;
	return mine || theirs;
}

static enum sc_fit
fit(const struct ctx *c, unsigned reports, sc_day from, sc_day by)
{
	sc_day d;
	if (!deadline_of(c, reports, &d))
		return SC_FIT_NONE;
	if (by <= d)
		return SC_FIT_OK;
	return from <= d ? SC_FIT_MAYBE : SC_FIT_LATE;
}

/* Fieldwork and the report, once the date or the period is over and the
 * engagement and the description are ready. */
static void
place_reporting(struct ctx *c, struct place *pl, bool first)
{
	sc_day over = pl->type == SC_TYPE1 ? pl->as_of : pl->end;
	sc_day ready = over + 1;
	if (first)
		ready = max_day(ready, max_day(c->engaged, c->described) + 1);
	ready = max_day(ready, c->today);
	pl->fw_from = work_on_or_after(ready);
	pl->fw_to = work_on_or_after(pl->fw_from + FIELDWORK_DAYS - 1);
	pl->rep_from = work_on_or_after(pl->fw_from + REPORT_FROM_DAYS);
	pl->rep_by = work_on_or_after(pl->fw_from + REPORT_BY_DAYS);
	if (pl->rep_from <= pl->fw_to)
		pl->rep_from = work_on_or_after(pl->fw_to + 1);
	pl->fit = fit(c, pl->reports, pl->rep_from, pl->rep_by);
}

/* A SOC 1 period long enough to cover FY_OVERLAP months of the clients'
 * fiscal year (up to MAX_MONTHS); a look-back one moves its start back
 * (as far as `limit` months of evidence go), others their end on. */
static void
soc1_fiscal(struct ctx *c, struct place *pl, int limit)
{
	const struct facts *f = &c->f;
	if (!f->fye_month)
		return;
	sc_day last = 0;
	int cover = fy_cover(f, pl->start, pl->end, &last);
	int months = pl->months;
	while (cover < FY_OVERLAP && months < MAX_MONTHS && months < limit) {
		months++;
		if (pl->how == H_LOOKBACK)
			pl->start = sc_date_add_months(pl->end + 1, -months);
		else
			pl->end = period_end(pl->start, months);
		cover = fy_cover(f, pl->start, pl->end, &last);
	}
	char fy[11];
	fmt(last, fy);
	if (months != pl->months) {
		free(pl->why);
		pl->why = sc_xasprintf(
			"it must cover at least %d months of your clients' "
			"fiscal year ending %s, as their auditors typically need",
			FY_OVERLAP, fy);
		pl->months = months;
	} else if (cover < FY_OVERLAP) {
		char *w = sc_xasprintf(
			"%s; it covers only %d month%s of your clients' fiscal year "
			"ending %s, fewer than the %d their auditors typically "
			"need: agree the period with your CPA firm",
			pl->why ? pl->why : "", cover, plural(cover), fy,
			FY_OVERLAP);
		free(pl->why);
		pl->why = w;
	}
	/* The months between the period and the year-end need a bridge
	 * letter: the first year-end on or after the period's end. */
	sc_day fe = 0;
	struct sc_ymd t = sc_day_to_ymd(pl->end);
	for (int y = t.y; y <= t.y + 1 && !fe; y++)
		if (fy_end(f, y) >= pl->end)
			fe = fy_end(f, y);
	if (fe > pl->end) {
		pl->bridge_from = pl->end + 1;
		pl->bridge_to = fe;
	}
}

/* A first SOC 1 period for clients who want a fiscal year covered, with
 * a deadline to meet: as much of that year as the deadline allows (up to
 * its end and MAX_MONTHS), rather than the usual first length, since the
 * months it leaves out need bridge letters.  A SOC 1 examined with a SOC 2
 * keeps the shared period. */
static sc_day serves_fiscal_year(const struct ctx *c);

static void
soc1_to_deadline(struct ctx *c, struct place *pl, bool deadline)
{
	sc_day dl, fe = serves_fiscal_year(c);
	if (!deadline || !fe || pl->reports != (1u << SC_SOC1) ||
	    !deadline_of(c, pl->reports, &dl))
		return;
	int best = pl->months;
	sc_day best_end = pl->end;
	for (int months = pl->months + 1; months <= MAX_MONTHS; months++) {
		struct place t = *pl;
		t.end = period_end(t.start, months);
		if (t.end > fe)
			break;
		place_reporting(c, &t, true);
		if (t.fit != SC_FIT_OK)
			break;
		best = months;
		best_end = t.end;
	}
	if (best == pl->months)
		return;
	pl->months = best;
	pl->end = best_end;
	char fy[11];
	fmt(fe, fy);
	free(pl->why);
	pl->why = sc_xasprintf(
		"it starts once readiness work is done and runs as late into "
		"your clients' fiscal year ending %s as your deadline allows, "
		"and the months after it need only a bridge letter (a first "
		"period usually runs 3 to 6 months: agree the length with your "
		"CPA firm)",
		fy);
	/* The bridge letter now starts after the longer period. */
	pl->bridge_from = pl->bridge_to = 0;
	if (fe > pl->end) {
		pl->bridge_from = pl->end + 1;
		pl->bridge_to = fe;
	}
}

/* A first period (after readiness): 6 months, or 3 when the deadline
 * (`deadline`: when it counts) leaves room for no more. */
static void
place_after(struct ctx *c, struct place *pl, sc_day after, bool soc1,
            bool deadline, int proposed)
{
	pl->how = H_AFTER;
	pl->start = next_month_start(after);
	pl->months = FIRST_MONTHS;
	if (proposed > 0 && proposed != FIRST_MONTHS) {
		/* A questionnaire's own rules may propose another length. */
		pl->months = proposed > MAX_MONTHS ? MAX_MONTHS : proposed;
		pl->why = sc_xasprintf("a first period usually runs 3 to 6 "
		                       "months, and %d fits what your answers "
		                       "allow",
		                       pl->months);
	} else {
		pl->why = sc_xstrdup("a first period usually runs 3 to 6 "
		                     "months, and some CPA firms want 6");
	}
	pl->end = period_end(pl->start, pl->months);
	if (soc1) {
		soc1_fiscal(c, pl, MAX_MONTHS);
		soc1_to_deadline(c, pl, deadline);
		return;
	}
	sc_day dl;
	if (!deadline || !deadline_of(c, pl->reports, &dl))
		return;
	struct place six = *pl;
	place_reporting(c, &six, true);
	if (six.fit == SC_FIT_OK)
		return;
	/* The longest first period whose report still comes in time, down
	 * to the shortest most firms accept. */
	int months = FIRST_MONTHS - 1;
	struct place shorter = *pl;
	for (; months >= SHORT_MONTHS; months--) {
		shorter.end = period_end(shorter.start, months);
		place_reporting(c, &shorter, true);
		if (shorter.fit == SC_FIT_OK)
			break;
	}
	if (months < SHORT_MONTHS) {
		/* None is in time: 3 months (the loop's last try), unless even
		 * its report range starts after the date (then keep the usual
		 * one). */
		if (shorter.fit == SC_FIT_LATE)
			return;
		months = SHORT_MONTHS;
	}
	pl->months = months;
	pl->end = shorter.end;
	free(pl->why);
	/* Whoever set this report's date. */
	const char *who = pl->reports & c->f.deadline_for
	                          ? setter(c)
	                          : setter_of(c, pl->reports & (1u << SC_SOC1)
	                                                 ? SC_SOC1
	                                                 : SC_SOC2);
	pl->why = months == SHORT_MONTHS
	                  ? sc_xasprintf(
	                            "it is the shortest first period most CPA "
	                            "firms accept, and it lets the report come "
	                            "before your deadline (confirm with your "
	                            "firm, and in writing with %s, that a 3-month "
	                            "period will do)",
	                            who)
	                  : sc_xasprintf(
	                            "it is as long as your deadline allows (a "
	                            "first period usually runs 3 to 6 months: "
	                            "confirm with your firm, and in writing with "
	                            "%s, that %d months will do)",
	                            who, months);
}

/* A look-back period ending on the last day of the month before today: the
 * months of kept evidence, up to 6 for a first SOC 2 (a first period runs
 * 3 to 6 months; a longer look-back only tests more months of the gaps as
 * they were) and up to a year for a SOC 1, whose period follows the
 * clients' fiscal years. */
static void
place_lookback(struct ctx *c, struct place *pl, bool soc1)
{
	int ev = c->f.operating;
	/* A SOC 2 that had a Type II before is past its first period. */
	int cap = soc1 || c->f.prior_t2[SC_SOC2] ? MAX_MONTHS : FIRST_MONTHS;
	pl->how = H_LOOKBACK;
	pl->end = sc_date_month_start(c->today) - 1;
	pl->months = ev >= cap ? cap : ev;
	if (soc1 && pl->months < SOC1_LOOKBACK_MIN)
		pl->months = SOC1_LOOKBACK_MIN;
	pl->start = sc_date_add_months(pl->end + 1, -pl->months);
	if (soc1 && ev >= MAX_MONTHS)
		pl->why = sc_xasprintf(
			"your controls have run with dated evidence kept for %d "
			"months, so the period can cover the year your clients' "
			"auditors prefer (many CPA firms accept 6 months for a first "
			"report)",
			ev);
	else if (cap == MAX_MONTHS && ev >= MAX_MONTHS)
		pl->why = sc_xasprintf(
			"your controls have run with dated evidence kept for %d "
			"months and you had a Type II before, so the period can "
			"cover the year readers expect",
			ev);
	else if (!soc1 && ev > FIRST_MONTHS)
		pl->why = sc_xasprintf(
			"a first period usually runs 3 to 6 months: your %d months "
			"of kept evidence allow the longest of them, and renewals "
			"then cover 12 months",
			ev);
	else
		pl->why = sc_xstrdup("it covers the months your kept evidence "
		                     "covers (a first period usually runs 3 to "
		                     "6 months)");
	if (soc1)
		soc1_fiscal(c, pl, ev);
}

/* A look-back shorter than a first period (3 to 6 months) gains a month
 * when it runs on to the end of this month, weeks away: the controls keep
 * running and leaving evidence, and fieldwork waits for the engagement
 * anyway.  Kept only when the report is no later against the deadline. */
static void
lookback_to_month_end(struct ctx *c, struct place *pl)
{
	bool soc1 = (pl->reports & (1u << SC_SOC1)) != 0;
	if (pl->months >= FIRST_MONTHS || soc1 || c->f.prior_t2[SC_SOC2])
		return;
	struct place longer = *pl;
	longer.end = sc_date_add_months(sc_date_month_start(c->today), 1) - 1;
	longer.months = pl->months + 1;
	place_reporting(c, &longer, true);
	if (longer.fit != SC_FIT_NONE && longer.fit != SC_FIT_OK &&
	    longer.fit != pl->fit)
		return;
	pl->end = longer.end;
	pl->months = longer.months;
	pl->fw_from = longer.fw_from;
	pl->fw_to = longer.fw_to;
	pl->rep_from = longer.rep_from;
	pl->rep_by = longer.rep_by;
	pl->fit = longer.fit;
	free(pl->why);
	pl->why = sc_xasprintf(
		"it covers the %d months your kept evidence covers and runs on to "
		"the end of this month, while a CPA firm is engaged (a first "
		"period usually runs 3 to 6 months)",
		pl->months - 1);
}

/* A SOC 1 look-back whose clients' fiscal year still runs: the clients'
 * auditors want the period over the year they are auditing, so when the
 * report can still come before the deadline, the period ends on the last
 * fiscal year-end that allows it and covers up to 12 months of that year,
 * as far back as the kept evidence goes (a July-to-June year reported in
 * August rather than a look-back to last month and a bridge letter).
 * Only for a year ending on a month's last day: periods run whole months. */
static void
lookback_to_fiscal_year(struct ctx *c, struct place *pl)
{
	const struct facts *f = &c->f;
	sc_day dl;
	if (!(pl->reports & (1u << SC_SOC1)) || !f->fye_month ||
	    !deadline_of(c, 1u << SC_SOC1, &dl))
		return;
	struct sc_ymd d = sc_day_to_ymd(dl);
	sc_day evidence_from = sc_date_add_months(
		sc_date_month_start(c->today), -c->f.operating);
	struct place best = {0};
	bool found = false;
	for (int y = d.y; y >= d.y - 1 && !found; y--) {
		sc_day fe = fy_end(f, y);
		if (fe != sc_date_month_end(fe) || fe <= pl->end)
			continue;
		struct place cand = *pl;
		cand.end = fe;
		sc_day start = sc_date_add_months(fe + 1, -MAX_MONTHS);
		if (start < evidence_from)
			start = evidence_from;
		cand.start = start;
		cand.months = (int)sc_date_months_between(start, fe + 1);
		if (cand.months < SOC1_LOOKBACK_MIN)
			continue;
		place_reporting(c, &cand, true);
		if (cand.fit != SC_FIT_OK)
			continue;
		best = cand;
		found = true;
	}
	if (!found)
		return;
	char e[11];
	fmt(best.end, e);
	free(pl->why);
	*pl = best;
	pl->bridge_from = pl->bridge_to = 0;
	pl->why = sc_xasprintf(
		"it covers your clients' fiscal year ending %s (%s), the year "
		"their auditors are auditing, and its report can still come "
		"before your deadline",
		e, pl->months >= MAX_MONTHS ? "the whole year"
		                             : "as much of it as your kept "
		                               "evidence reaches");
}

/* The end of the clients' fiscal year a SOC 1 must cover, as answered:
 * the year ending now or ended within the last 6 months, or the one after
 * it; 0 when not known (or no year-end given). */
static sc_day
serves_fiscal_year(const struct ctx *c)
{
	const struct facts *f = &c->f;
	if (!f->fye_month || !f->year_covered)
		return 0;
	sc_day from = sc_date_add_months(c->today, -6);
	struct sc_ymd t = sc_day_to_ymd(from);
	sc_day ending = 0;
	for (int y = t.y; y <= t.y + 2 && !ending; y++)
		if (fy_end(f, y) >= from)
			ending = fy_end(f, y);
	if (f->year_covered == 1)
		return ending;
	return fy_end(f, sc_day_to_ymd(ending).y + 1);
}

/* Months of fiscal year ending `fe` that [s, e] covers. */
static int
months_of_year(const struct facts *f, sc_day fe, sc_day s, sc_day e)
{
	struct sc_ymd y = sc_day_to_ymd(fe);
	sc_day fs = fy_end(f, y.y - 1) + 1;
	sc_day os = max_day(s, fs), oe = e < fe ? e : fe;
	return os > oe ? 0 : (int)sc_date_months_between(os, oe + 1);
}

/* A renewal: 12 months from the day after the last period of its kind. */
static void
place_renewal(struct ctx *c, struct place *pl, enum sc_report_id id)
{
	pl->how = H_RENEWAL;
	pl->start = c->f.prior_end[id] + 1;
	pl->months = RENEWAL_MONTHS;
	pl->end = period_end(pl->start, pl->months);
	pl->why = sc_xasprintf("renewals run back to back, a year at a time, "
	                       "from your last %s period",
	                       sc_report_name(id));
	if (id == SC_SOC1 && c->f.fye_month) {
		/* The period is fixed; only the bridge letter follows. */
		sc_day last;
		(void)fy_cover(&c->f, pl->start, pl->end, &last);
		struct sc_ymd t = sc_day_to_ymd(pl->end);
		for (int y = t.y; y <= t.y + 1; y++) {
			if (fy_end(&c->f, y) > pl->end) {
				pl->bridge_from = pl->end + 1;
				pl->bridge_to = fy_end(&c->f, y);
				break;
			}
			if (fy_end(&c->f, y) == pl->end)
				break;
		}
	}
}

/* Can report `id` continue its last period back to back? */
static bool
renewable(const struct ctx *c, enum sc_report_id id)
{
	if (!c->f.has_prior_end[id])
		return false;
	/* A renewal period that would have ended a year ago leaves months no
	 * report covers: the new period starts afresh. */
	sc_day start = c->f.prior_end[id] + 1;
	if (period_end(start, RENEWAL_MONTHS) <
	    sc_date_add_months(c->today, -RENEWAL_MONTHS))
		return false;
	/* Months since then without kept evidence cannot be tested. */
	return !(start <= c->today && c->f.evidence == EV_NOT_KEPT);
}

static bool
lookback_possible(const struct ctx *c, enum sc_report_id id)
{
	int min = id == SC_SOC1 ? SOC1_LOOKBACK_MIN : SOC2_LOOKBACK_MIN;
	return c->f.evidence == EV_KEPT && c->f.has_operating &&
	       c->f.operating >= min;
}

/* ---- tracks ------------------------------------------------------------- */

struct tb {
	struct ctx *c;
	struct sc_track *t;
	size_t cap;
};

static size_t
add_phase(struct tb *tb, enum sc_phase_kind kind, unsigned reports,
          enum sc_rtype type, sc_day from, sc_day to, size_t after,
          char *label, char *what)
{
	struct sc_track *t = tb->t;
	t->phases = sc_xgrow(t->phases, &tb->cap, t->nphases + 1,
	                     sizeof *t->phases);
	t->phases[t->nphases] = (struct sc_phase){
		.kind = kind, .reports = reports, .type = type, .from = from,
		.to = to, .after = after, .label = label, .what = what};
	return t->nphases++;
}

/* A SOC 1 and a SOC 2 examined together, each due at its own date: true,
 * with the earlier date and its report's name in *d1, *n1 and the later in
 * *d2, *n2.  False when `reports` answer to one date only. */
static bool
two_deadlines(const struct ctx *c, unsigned reports, sc_day *d1,
              const char **n1, sc_day *d2, const char **n2)
{
	const struct facts *f = &c->f;
	if (!f->has_deadline || !f->has_deadline2 || f->deadline == f->deadline2)
		return false;
	unsigned mine = reports & f->deadline_for &
	                (1u << SC_SOC1 | 1u << SC_SOC2);
	unsigned other = reports & ~f->deadline_for &
	                 (1u << SC_SOC1 | 1u << SC_SOC2);
	if (!mine || !other)
		return false;
	const char *nm = mine & (1u << SC_SOC1) ? "SOC 1" : "SOC 2";
	const char *no = other & (1u << SC_SOC1) ? "SOC 1" : "SOC 2";
	bool first = f->deadline < f->deadline2;
	*d1 = first ? f->deadline : f->deadline2;
	*n1 = first ? nm : no;
	*d2 = first ? f->deadline2 : f->deadline;
	*n2 = first ? no : nm;
	return true;
}

/* ", after your deadline (2027-06-30)" for a report expected between
 * `from` and `by`; with two deadlines, each named with its report. */
static const char *
fit_words(const struct ctx *c, unsigned reports, enum sc_fit fit,
          sc_day from, sc_day by, char buf[160])
{
	char d[11], e[11];
	sc_day d1, d2;
	const char *n1, *n2;
	if (fit != SC_FIT_NONE && two_deadlines(c, reports, &d1, &n1, &d2, &n2)) {
		fmt(d1, d);
		fmt(d2, e);
		const char *w1 = by <= d1     ? "in time for"
		                 : from <= d1 ? "possibly after"
		                              : "after";
		const char *w2 = by <= d2     ? "in time for"
		                 : from <= d2 ? "possibly after"
		                              : "after";
		if (strcmp(w1, w2) == 0)
			snprintf(buf, 160, ", %s both deadlines (the %s's, %s, and "
			                   "the %s's, %s)",
			         w1, n1, d, n2, e);
		else
			snprintf(buf, 160, ", %s the %s's deadline (%s) and %s the "
			                   "%s's (%s)",
			         w1, n1, d, w2, n2, e);
		return buf;
	}
	sc_day dl = 0;
	(void)deadline_of(c, reports, &dl);
	fmt(dl, d);
	switch (fit) {
	case SC_FIT_NONE: buf[0] = '\0'; break;
	case SC_FIT_OK: snprintf(buf, 160, ", in time for your deadline (%s)", d); break;
	case SC_FIT_MAYBE:
		snprintf(buf, 160, ", possibly after your deadline (%s)", d);
		break;
	case SC_FIT_LATE: snprintf(buf, 160, ", after your deadline (%s)", d); break;
	}
	return buf;
}

/* The phases of one placement; `prep` is the phase it waits for
 * (readiness), `first` whether a CPA firm is yet to be engaged. */
static void
add_place(struct tb *tb, const struct place *pl, size_t prep, size_t engage,
          size_t describe)
{
	struct ctx *c = tb->c;
	char who[32], a[11], b[11], fw[160];
	names(pl->reports, who);
	const char *type = sc_rtype_name(pl->type);
	size_t main;
	if (pl->type == SC_TYPE1) {
		fmt(pl->as_of, a);
		main = add_phase(
			tb, SC_PHASE_TYPE1, pl->reports, pl->type, pl->as_of,
			pl->as_of, prep, sc_xasprintf("%s Type I date", who),
			sc_xasprintf("%s Type I: your CPA firm examines the design "
			             "of your controls as of this date%s.",
			             who,
			             prep != SIZE_MAX
			                     ? ", once readiness work is done"
			                     : ""));
	} else {
		fmt(pl->start, a);
		fmt(pl->end, b);
		struct sc_buf *s = &c->b;
		sc_buf_printf(s, "%s Type II period of %d month%s, because %s. ",
		              who, pl->months, plural(pl->months),
		              pl->why ? pl->why : "");
		switch (pl->how) {
		case H_LOOKBACK:
			sc_buf_printf(s, "A look-back period over months already "
			                 "%s, tested on the evidence kept then: "
			                 "confirm with your CPA firm that it is "
			                 "acceptable.",
			              pl->end < c->today ? "gone" : "under way");
			break;
		case H_RENEWAL:
			sc_buf_puts(s, "It starts the day after your last period "
			               "ended, so your reports run back to back.");
			break;
		default:
			sc_buf_printf(s, "Your controls must run and leave dated "
			                 "evidence throughout it%s.",
			              prep != SIZE_MAX ? ", so it starts on the "
			                                 "first of the month "
			                                 "after readiness work"
			                               : "");
			break;
		}
		main = add_phase(tb, SC_PHASE_PERIOD, pl->reports, pl->type,
		                 pl->start, pl->end,
		                 pl->how == H_AFTER ? prep : SIZE_MAX,
		                 sc_xasprintf("%s Type II period", who),
		                 sc_buf_steal(s));
	}
	/* Fieldwork waits for whichever ends last. */
	size_t wait = main;
	sc_day latest = pl->type == SC_TYPE1 ? pl->as_of : pl->end;
	/* A renewal's fieldwork waits for no new engagement. */
	size_t cand[2] = {engage, describe};
	for (int i = 0; i < 2 && pl->how != H_RENEWAL; i++)
		if (cand[i] != SIZE_MAX &&
		    tb->t->phases[cand[i]].to > latest) {
			latest = tb->t->phases[cand[i]].to;
			wait = cand[i];
		}
	size_t fwk = add_phase(
		tb, SC_PHASE_FIELDWORK, pl->reports, pl->type, pl->fw_from,
		pl->fw_to, wait, sc_xasprintf("%s fieldwork", who),
		sc_xasprintf("Fieldwork: your CPA firm tests the %s %s (about 3 "
		             "weeks).",
		             who, type));
	/* A SOC 3 is issued with the SOC 2 Type II, on its period. */
	bool soc3 = false;
	for (size_t i = 0; i < c->r->nreports; i++)
		soc3 |= c->r->reports[i].id == SC_SOC3;
	soc3 = soc3 && pl->type == SC_TYPE2 && (pl->reports & (1u << SC_SOC2));
	add_phase(tb, SC_PHASE_REPORT, pl->reports | (soc3 ? 1u << SC_SOC3 : 0),
	          pl->type, pl->rep_from, pl->rep_by, fwk,
	          sc_xasprintf("%s %s report%s", who, type,
	                       soc3 ? " and SOC 3" : ""),
	          sc_xasprintf("%s %s report%s expected between these dates%s%s.",
	                       who, type,
	                       pl->reports == ((1u << SC_SOC1) | (1u << SC_SOC2))
	                               ? "s (two reports examined together)"
	                               : "",
	                       soc3 ? ", with the SOC 3 (the public summary of "
	                              "the SOC 2 Type II, on the same period)"
	                            : "",
	                       fit_words(c, pl->reports, pl->fit, pl->rep_from, pl->rep_by, fw)));
	if (pl->bridge_from) {
		fmt(pl->bridge_from, a);
		fmt(pl->bridge_to, b);
		add_phase(tb, SC_PHASE_BRIDGE, pl->reports, pl->type,
		          pl->bridge_from, pl->bridge_to, main,
		          sc_xstrdup("Bridge letter to the clients' year-end"),
		          sc_xasprintf("Bridge letter: your clients' auditors will "
		                       "ask for your management's letter covering "
		                       "these months, from the period's end to their "
		                       "fiscal year-end."));
	}
}

/* A track over these placements; `with_readiness` puts readiness work
 * first (and places what waits for it after it). */
static struct sc_track *
new_track(struct ctx *c, enum sc_track_kind kind)
{
	struct sc_plan *p = c->p;
	p->tracks = sc_xrealloc(p->tracks, (p->ntracks + 1) * sizeof *p->tracks);
	struct sc_track *t = &p->tracks[p->ntracks++];
	memset(t, 0, sizeof *t);
	t->kind = kind;
	t->follows = -1;
	return t;
}

static int
phase_cmp(const void *x, const void *y)
{
	const struct sc_phase *a = x, *b = y;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	return (a->kind > b->kind) - (a->kind < b->kind);
}

/* Date order, keeping each `after` pointing at the same phase. */
static void
sort_track(struct sc_track *t)
{
	size_t n = t->nphases;
	if (n < 2)
		return;
	struct sc_phase *old = sc_xcalloc(n, sizeof *old);
	memcpy(old, t->phases, n * sizeof *old);
	/* Tag each with its old index through `after`'s high values. */
	size_t *order = sc_xcalloc(n, sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	/* Insertion sort of indices by (from, to, kind). */
	for (size_t i = 1; i < n; i++) {
		size_t v = order[i], j = i;
		while (j > 0 && phase_cmp(&old[order[j - 1]], &old[v]) > 0) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = v;
	}
	size_t *where = sc_xcalloc(n, sizeof *where);
	for (size_t i = 0; i < n; i++)
		where[order[i]] = i;
	for (size_t i = 0; i < n; i++) {
		t->phases[i] = old[order[i]];
		if (t->phases[i].after != SIZE_MAX)
			t->phases[i].after = where[t->phases[i].after];
	}
	free(where);
	free(order);
	free(old);
}

static bool track_has(const struct place *pl, size_t n, enum how h);

/* Build a track from placements: readiness work first when `readiness` and
 * something waits for it; choosing the CPA firm and writing the
 * description when `first` (a first report of some kind). */
static struct sc_track *
build_track(struct ctx *c, enum sc_track_kind kind, struct place *pls,
            size_t n, bool readiness, bool first)
{
	bool with_readiness = readiness && (track_has(pls, n, H_AFTER) ||
	                                    track_has(pls, n, H_TYPE1));
	struct sc_track *t = new_track(c, kind);
	struct tb tb = {c, t, 0};
	size_t prep = SIZE_MAX, engage = SIZE_MAX, describe = SIZE_MAX;
	char a[11], b[11];
	fmt(c->today, a);
	if (first) {
		fmt(c->engaged, b);
		/* An organization with a report behind it has a firm: it
		 * agrees the new engagement with it (or chooses another). */
		bool had = c->f.has_prior_end[SC_SOC1] ||
		           c->f.has_prior_end[SC_SOC2];
		engage = add_phase(
			&tb, SC_PHASE_ENGAGE, 0, SC_TYPE_NONE, c->today, c->engaged,
			SIZE_MAX,
			sc_xstrdup(had ? "Agree the engagement" : "Engage a CPA firm"),
			sc_xstrdup(had ? "Agree the new engagement with the CPA firm "
			                 "that issued your last report (or choose "
			                 "another): the reports, their type and "
			                 "period."
			               : "Choose a CPA firm and agree the engagement: "
			                 "the reports, their type and period. A firm "
			                 "that designs your controls may not also "
			                 "examine them."));
		fmt(c->described, b);
		describe = add_phase(
			&tb, SC_PHASE_DESCRIPTION, 0, SC_TYPE_NONE, c->today,
			c->described, SIZE_MAX,
			sc_xstrdup("System description"),
			sc_xstrdup("Write the system description the CPA firm "
			           "examines: your services, systems, people and "
			           "locations, and the providers you rely on."));
	}
	if (with_readiness && c->p->readiness_weeks > 0) {
		fmt(c->ready, b);
		bool gaps = c->f.nhigh + c->f.nmedium + c->f.nlow > 0;
		sc_buf_printf(&c->b, "Readiness work: %s listed below (%s), ",
		              !gaps              ? "confirm the answers"
		              : c->f.nconfirm    ? "close the gaps and confirm the "
		                                   "answers"
		                                 : "close the gaps",
		              c->p->readiness_why);
		put_duration(&c->b, c->p->readiness_weeks);
		sc_buf_puts(&c->b, ".");
		prep = add_phase(&tb, SC_PHASE_READINESS, 0, SC_TYPE_NONE,
		                 c->today, c->ready, SIZE_MAX,
		                 sc_xstrdup("Readiness work"), sc_buf_steal(&c->b));
	}
	for (size_t i = 0; i < n; i++) {
		add_place(&tb, &pls[i], pls[i].how == H_AFTER ||
		                                pls[i].how == H_TYPE1
		                        ? prep
		                        : SIZE_MAX,
		          engage, describe);
		if (pls[i].rep_by > t->report_by)
			t->report_by = pls[i].rep_by;
		if (pls[i].fit > t->fit)
			t->fit = pls[i].fit;
	}
	sort_track(t);
	return t;
}

/* ---- the decision ------------------------------------------------------- */

static void
place_free(struct place *pl, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(pl[i].why);
}

/* The Type I date: the last day of the month in which the work it waits
 * for ends, or two weeks after it when the month ends later than that (a
 * Type I examines the design in place on a day: two weeks let the
 * finished controls settle and be written down, not a month of waiting). */
static void
place_type1(struct ctx *c, struct place *pl)
{
	pl->how = H_TYPE1;
	pl->type = SC_TYPE1;
	sc_day ready = max_day(c->ready, max_day(c->engaged, c->described));
	pl->as_of = sc_date_month_end(ready + 1);
	if (pl->as_of > ready + TYPE1_SETTLE_DAYS)
		pl->as_of = ready + TYPE1_SETTLE_DAYS;
	place_reporting(c, pl, true);
}

/* Place a look-back for report `id`; false (and `pl` to be placed again)
 * when a SOC 1's look-back would cover fewer than 6 months of the fiscal
 * year its clients' auditors need it for: months of the year before do
 * not serve the year ahead. */
static bool
lookback_serves(struct ctx *c, struct place *pl, enum sc_report_id id)
{
	place_lookback(c, pl, id == SC_SOC1);
	place_reporting(c, pl, true);
	lookback_to_month_end(c, pl);
	lookback_to_fiscal_year(c, pl);
	if (id != SC_SOC1)
		return true;
	sc_day year = serves_fiscal_year(c);
	if (!year || months_of_year(&c->f, year, pl->start, pl->end) >= FY_OVERLAP)
		return true;
	unsigned reports = pl->reports;
	enum sc_rtype type = pl->type;
	place_free(pl, 1);
	memset(pl, 0, sizeof *pl);
	pl->reports = reports;
	pl->type = type;
	return false;
}

/* Place every recommended SOC 1 and SOC 2 for a track.  `clean` places
 * a look-back period after readiness work instead.  Returns how many
 * placements (one for two reports examined together). */
static size_t
place_all(struct ctx *c, struct place *out, bool clean, bool *any_lookback)
{
	const struct sc_result *r = c->r;
	size_t n = 0;
	*any_lookback = false;
	for (size_t i = 0; i < r->nreports; i++) {
		const struct sc_report_rec *rr = &r->reports[i];
		if (rr->id == SC_SOC3)
			continue;
		struct place *pl = &out[n];
		memset(pl, 0, sizeof *pl);
		pl->reports = 1u << rr->id;
		pl->type = rr->type;
		if (rr->type == SC_TYPE1) {
			place_type1(c, pl);
		} else if (renewable(c, rr->id)) {
			place_renewal(c, pl, rr->id);
			place_reporting(c, pl, false);
		} else if (!clean && lookback_possible(c, rr->id) &&
		           lookback_serves(c, pl, rr->id)) {
			*any_lookback = true;
		} else {
			/* The close-the-gaps-first option: a look-back rule's
			 * length says nothing of a period after the fix. */
			place_after(c, pl, c->p->readiness_weeks ? c->ready
			                                         : c->today,
			            rr->id == SC_SOC1, true,
			            clean ? 0 : rr->period_months);
			place_reporting(c, pl, true);
		}
		n++;
	}
	/* A SOC 1 and a SOC 2 of one type and placed alike: one examination
	 * over the SOC 1's period (which the clients' fiscal year shapes). */
	if (n == 2 && out[0].type == out[1].type && out[0].how == out[1].how &&
	    (out[0].how != H_RENEWAL || out[0].start == out[1].start)) {
		struct place *one = &out[0], *two = &out[1];
		one->reports |= two->reports;
		/* The deadline may be for the report that joined. */
		one->fit = fit(c, one->reports, one->rep_from, one->rep_by);
		if (one->type == SC_TYPE2 && (one->start != two->start ||
		                              one->end != two->end)) {
			char *w = sc_xasprintf("%s; the SOC 2 takes the same "
			                       "period so that the CPA firm can "
			                       "examine both together",
			                       one->why ? one->why : "");
			free(one->why);
			one->why = w;
		}
		place_free(two, 1);
		n = 1;
	}
	return n;
}

static bool
track_has(const struct place *pl, size_t n, enum how h)
{
	for (size_t i = 0; i < n; i++)
		if (pl[i].how == h)
			return true;
	return false;
}

static void
note(struct ctx *c, char *s)
{
	struct sc_plan *p = c->p;
	p->notes = sc_xrealloc(p->notes, (p->nnotes + 1) * sizeof *p->notes);
	p->notes[p->nnotes++] = s;
}

/* The plan's report entries from the main track's placements. */
static void
record(struct ctx *c, const struct place *pls, size_t n)
{
	struct sc_plan *p = c->p;
	const struct sc_result *r = c->r;
	for (size_t i = 0; i < r->nreports; i++) {
		const struct sc_report_rec *rr = &r->reports[i];
		struct sc_plan_report *pr = &p->reports[p->nreports++];
		memset(pr, 0, sizeof *pr);
		pr->id = rr->id;
		pr->type = rr->type;
		enum sc_report_id from = rr->id == SC_SOC3 ? SC_SOC2 : rr->id;
		for (size_t k = 0; k < n; k++) {
			const struct place *pl = &pls[k];
			if (!(pl->reports & (1u << from)))
				continue;
			if (rr->id == SC_SOC3 && pl->type != SC_TYPE2)
				break;
			pr->months = pl->type == SC_TYPE2 ? pl->months : 0;
			pr->months_why = sc_xstrdup(pl->why);
			pr->as_of = pl->type == SC_TYPE1 ? pl->as_of : 0;
			pr->start = pl->type == SC_TYPE2 ? pl->start : 0;
			pr->end = pl->type == SC_TYPE2 ? pl->end : 0;
			pr->report_from = pl->rep_from;
			pr->report_by = pl->rep_by;
			pr->lookback = pl->how == H_LOOKBACK;
			pr->renewal = pl->how == H_RENEWAL;
			pr->combined = pl->reports ==
			               ((1u << SC_SOC1) | (1u << SC_SOC2));
			pr->fit = pl->fit;
			pr->bridge_from = pl->bridge_from;
			pr->bridge_to = pl->bridge_to;
		}
	}
}

/* What follows the plan: the Type II after a Type I, the next period
 * after a Type II. */
static void
next_track(struct ctx *c, const struct place *pls, size_t n, int follows)
{
	struct place nx[SC_REPORT_COUNT];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		struct place *pl = &nx[k++];
		memset(pl, 0, sizeof *pl);
		pl->reports = pls[i].reports;
		pl->type = SC_TYPE2;
		bool soc1 = pls[i].reports & (1u << SC_SOC1);
		if (pls[i].type == SC_TYPE1) {
			place_after(c, pl, pls[i].as_of, soc1, false, 0);
		} else {
			pl->how = H_RENEWAL;
			pl->start = pls[i].end + 1;
			pl->months = RENEWAL_MONTHS;
			pl->end = period_end(pl->start, pl->months);
			pl->why = sc_xstrdup("renewals run back to back, a "
			                     "year at a time");
		}
		pl->fit = SC_FIT_NONE;
		place_reporting(c, pl, false);
		pl->fit = SC_FIT_NONE;
	}
	struct sc_track *t = build_track(c, SC_TRACK_NEXT, nx, k, false, false);
	bool after_type1 = pls[0].type == SC_TYPE1;
	t->follows = follows;
	/* After one of two options, say which: the next period of Option A
	 * is not Option B's. */
	const struct sc_track *of = follows < 0 ? NULL : &c->p->tracks[follows];
	const char *opt = !of ? NULL
	                  : of->kind == SC_TRACK_CLEAN_FIRST ? "Option B"
	                  : of->title && strncmp(of->title, "Option A", 8) == 0
	                          ? "Option A"
	                          : "the plan";
	if (opt)
		t->title = sc_xasprintf("Then, after %s: %s", opt,
		                        after_type1 ? "the Type II that follows"
		                                    : "the next period");
	else
		t->title = sc_xstrdup(after_type1 ? "Then: the Type II that follows"
		                                  : "Then: the next period");
	char a[11], b[11], d[11];
	fmt(nx[0].start, a);
	fmt(nx[0].end, b);
	fmt(nx[0].rep_by, d);
	bool soc1 = nx[0].reports & (1u << SC_SOC1);
	if (after_type1)
		t->summary = sc_xasprintf(
			"After the Type I, a Type II period from %s to %s tests that "
			"your controls keep working, %s; its report by %s.",
			a, b,
			soc1 ? "which your clients' auditors need before they can "
			       "rely on them"
			     : "which is what most readers want",
			d);
	else if (k > 1 && nx[1].start != nx[0].start)
		/* Two reports renewed on their own dates: each is listed;
		 * naming one would misdate the other. */
		t->summary = sc_xstrdup(
			"Renewals then run back to back, each from the day after "
			"its last period ended, a year at a time, as listed below.");
	else
		t->summary = sc_xasprintf(
			"Renewals then run back to back: the next period from %s to "
			"%s, its report by %s, and so on each year.",
			a, b, d);
	t->fit = SC_FIT_NONE;
	place_free(nx, k);
}

/* Would a quicker Type I serve anyone?  Not when someone requires a Type
 * II, nor for a SOC 1 alone: clients' auditors cannot rely on a Type I. */
static bool
type1_of_use(const struct ctx *c, const struct place *pls, size_t n)
{
	if (c->f.type2_demanded)
		return false;
	for (size_t i = 0; i < n; i++)
		if (pls[i].reports & ~(1u << SC_SOC1))
			return true;
	return false;
}

/* The quicker Type I: for someone waiting (no date given) beside a first
 * Type II with readiness ahead, or when the Type II misses the deadline. */
static void
type1_track(struct ctx *c, const struct place *pls, size_t n, bool late)
{
	struct place t1[SC_REPORT_COUNT];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		/* The SOC 2's: a SOC 1 Type I does little for clients'
		 * auditors, who rely on a Type II, and a SOC 3 needs one. */
		unsigned r = pls[i].reports & ~(1u << SC_SOC1 | 1u << SC_SOC3);
		if (pls[i].type != SC_TYPE2 || pls[i].how != H_AFTER || !r)
			continue;
		struct place *pl = &t1[k++];
		memset(pl, 0, sizeof *pl);
		pl->reports = r;
		place_type1(c, pl);
	}
	if (!k)
		return;
	struct sc_track *t = build_track(c, SC_TRACK_TYPE1_FIRST, t1, k, true,
	                                 true);
	char a[11], b[11], d[11], fw[160];
	fmt(t1[0].as_of, a);
	fmt(t1[0].rep_by, b);
	sc_day dl = 0;
	(void)deadline_of(c, t1[0].reports, &dl);
	fmt(dl, d);
	/* A late plan whose Type I meets the date: that is the way to meet
	 * it, named so (the first page leads with it). */
	t->title = sc_xstrdup(late && t->fit == SC_FIT_OK
	                              ? "To meet the deadline: a SOC 2 Type I "
	                                "first"
	                              : "A quicker path: a Type I first");
	c->p->type1_as_of = t1[0].as_of;
	if (late)
		t->summary = sc_xasprintf(
			"A Type I (the design of your controls as of %s) could be "
			"in hand by %s%s. Ask %s in writing whether it will do "
			"until the Type II follows.",
			a, b, fit_words(c, t1[0].reports, t->fit, t1[0].rep_from,
			          t1[0].rep_by, fw),
			setter_of(c, SC_SOC2));
	else
		t->summary = sc_xasprintf(
			"Someone is waiting for a report: a Type I (the design of "
			"your controls as of %s) could be in hand by %s, months "
			"before the Type II. Many CPA firms suggest it to unblock "
			"a deal; none require it, and the Type II still follows.",
			a, b);
	place_free(t1, k);
}

static void
headline(struct ctx *c, const struct place *pls, size_t n)
{
	struct sc_buf *b = &c->b;
	for (size_t i = 0; i < n; i++) {
		const struct place *pl = &pls[i];
		char who[32], a[11], e[11], r[11], fw[160];
		names(pl->reports, who);
		if (i)
			sc_buf_puts(b, "; ");
		if (pl->type == SC_TYPE1) {
			fmt(pl->as_of, a);
			sc_buf_printf(b, "%s Type I as of %s", who, a);
		} else {
			fmt(pl->start, a);
			fmt(pl->end, e);
			sc_buf_printf(b, "%s Type II over %s to %s (%d month%s%s)",
			              who, a, e, pl->months, plural(pl->months),
			              pl->how == H_LOOKBACK  ? ", a look-back"
			              : pl->how == H_RENEWAL ? ", a renewal"
			                                     : "");
		}
		fmt(pl->rep_by, r);
		sc_buf_printf(b, ", report expected by %s%s", r,
		              fit_words(c, pl->reports, pl->fit, pl->rep_from, pl->rep_by, fw));
	}
	if (n) {
		sc_buf_putc(b, '.');
		c->p->headline = sc_buf_steal(b);
	}
}

static void
deadline_notes(struct ctx *c, const struct place *pls, size_t n)
{
	if (!c->f.has_deadline)
		return;
	char d[11];
	struct sc_buf risk = {0};
	unsigned reports = 0; /* those that miss their date */
	bool miss_main = false, miss_other = false;
	const char *other_name = "";
	for (size_t i = 0; i < n; i++) {
		const struct place *pl = &pls[i];
		sc_day dl;
		if (!deadline_of(c, pl->reports, &dl))
			continue; /* no date for this report */
		fmt(dl, d);
		char who[32], r1[11], r2[11];
		names(pl->reports, who);
		fmt(pl->rep_from, r1);
		fmt(pl->rep_by, r2);
		const char *type = sc_rtype_name(pl->type);
		char fw[160];
		fit_words(c, pl->reports, pl->fit, pl->rep_from, pl->rep_by, fw);
		if (pl->fit == SC_FIT_OK) {
			note(c, sc_xasprintf("The %s %s report, expected by %s, comes"
			                     "%s.",
			                     who, type, r2, fw + 1));
			continue;
		}
		sc_buf_printf(&risk, "%sThe %s %s report is expected between %s "
		                     "and %s%s.",
		              risk.len ? " " : "", who, type, r1, r2, fw);
		reports |= pl->reports;
		/* Whose date it misses: the deadline's, the other's or both. */
		const struct facts *f = &c->f;
		unsigned other = pl->reports & ~f->deadline_for &
		                 (1u << SC_SOC1 | 1u << SC_SOC2);
		if ((pl->reports & f->deadline_for) && pl->rep_by > f->deadline)
			miss_main = true;
		if (other && f->has_deadline2 && pl->rep_by > f->deadline2) {
			miss_other = true;
			other_name = other & (1u << SC_SOC1) ? "SOC 1" : "SOC 2";
		}
	}
	if (!risk.len)
		return;
	/* Whom to talk to: who set the date the plan misses. */
	char *talk = miss_other && !miss_main
	                     ? sc_xasprintf("whoever set the %s's date", other_name)
	             : miss_other && c->p->requester
	                     ? sc_xasprintf("%s and whoever set the %s's date",
	                                    c->p->requester, other_name)
	             : miss_other ? sc_xstrdup("whoever set the deadlines")
	                          : sc_xstrdup(setter(c));
	size_t action = risk.len + 1; /* after the space that follows */
	/* What can be done: the quicker Type I when it is planned, and talking
	 * to whoever asked now. */
	const struct sc_track *t1 = NULL;
	for (size_t i = 0; i < c->p->ntracks; i++)
		if (c->p->tracks[i].kind == SC_TRACK_TYPE1_FIRST)
			t1 = &c->p->tracks[i];
	sc_day d1, d2;
	const char *n1, *n2;
	if (t1 && t1->fit == SC_FIT_OK) {
		/* The quicker Type I is the SOC 2's (type1_track): ask whoever
		 * set the SOC 2's date. */
		const struct facts *f = &c->f;
		bool other = f->has_deadline2 &&
		             !(f->deadline_for & (1u << SC_SOC2));
		char *who = other ? sc_xstrdup(setter_of(c, SC_SOC2))
		            : miss_other ? sc_xstrdup(setter(c))
		                         : sc_xstrdup(talk);
		char b[11], e[11];
		fmt(t1->report_by, b);
		if (two_deadlines(c, reports, &d1, &n1, &d2, &n2)) {
			fmt(other ? f->deadline2 : f->deadline, e);
			sc_buf_printf(&risk, " A SOC 2 Type I could be in hand by "
			                     "%s, in time for the SOC 2's deadline "
			                     "(%s): ask %s whether it will do.",
			              b, e, who);
		} else {
			sc_buf_printf(&risk, " A Type I could be in hand by %s, in "
			                     "time: ask %s whether it will do.",
			              b, who);
		}
		c->p->type1_by = t1->report_by;
		c->p->type1_who = who;
	} else if (t1) {
		char b[11];
		fmt(t1->report_by, b);
		sc_buf_printf(&risk, " Even a Type I could not be issued by then "
		                     "(expected by %s).",
		              b);
	}
	size_t talk_at = risk.len + 1;
	sc_buf_printf(&risk, " Talk to %s now: share this "
	                   "plan and its dates. No CPA firm issues a report or "
	                   "an opinion before its examination is done, but "
	                   "yours can confirm in writing that the engagement "
	                   "is agreed and when the report is due",
	              talk);
	bool prior = c->f.has_prior_end[SC_SOC1] || c->f.has_prior_end[SC_SOC2];
	if (prior)
		sc_buf_puts(&risk, ", and you can give a bridge letter (your "
		                   "management's statement) for the months since "
		                   "your last period ended");
	sc_buf_putc(&risk, '.');
	c->p->deadline_risk = sc_buf_steal(&risk);
	free(c->p->risk_who);
	c->p->risk_who = talk;
	c->p->deadline_action = c->p->deadline_risk + action;
	c->p->deadline_talk = c->p->deadline_risk + talk_at;
	note(c, sc_xstrdup(c->p->deadline_risk));
}

static void
other_notes(struct ctx *c, const struct place *pls, size_t n)
{
	const struct facts *f = &c->f;
	bool soc1 = false, after = false, renewal = false;
	for (size_t i = 0; i < n; i++) {
		soc1 |= (pls[i].reports & (1u << SC_SOC1)) != 0;
		after |= pls[i].how == H_AFTER;
		renewal |= pls[i].how == H_RENEWAL;
	}
	if (renewal)
		note(c, sc_xstrdup("Until the new report is issued, give customers "
		                   "who ask a bridge letter: your management's "
		                   "statement that nothing significant changed "
		                   "since the last period ended."));
	/* The clients' auditors want the year ending now, and the SOC 1's
	 * period does not reach it (no kept months to look back on, or a
	 * plan that starts after the fix): say so, and why, rather than let
	 * the answer change nothing in silence. */
	sc_day year = f->year_covered == 1 ? serves_fiscal_year(c) : 0;
	for (size_t i = 0; i < n && year; i++) {
		const struct place *pl = &pls[i];
		if (!(pl->reports & (1u << SC_SOC1)) || pl->how == H_RENEWAL ||
		    !pl->start ||
		    months_of_year(f, year, pl->start, pl->end) >= FY_OVERLAP)
			continue;
		char y[11], st[11];
		fmt(year, y);
		fmt(pl->start, st);
		if (lookback_possible(c, SC_SOC1) && c->f.nhigh > 0)
			/* The look-back was weighed and set aside: say so,
			 * rather than send them to ask for it. */
			note(c, sc_xasprintf(
				"Your clients' auditors want their year ending %s "
				"covered, but the SOC 1 period planned starts %s and "
				"covers too little of it. A period over that year on "
				"the evidence you kept is not advised: the "
				"high-priority gaps open during it would be reported "
				"as exceptions (see the roadmap). Tell them now: for "
				"that year they may test your controls themselves or "
				"rely on their own checks of what you produce.",
				y, st));
		else if (lookback_possible(c, SC_SOC1))
			note(c, sc_xasprintf(
				"Your clients' auditors want their year ending %s "
				"covered, but the SOC 1 period planned starts %s and "
				"covers too little of it. Tell them now, and ask your "
				"CPA firm whether a period over that year itself, on "
				"the evidence you kept, could be examined; otherwise, "
				"for that year they may test your controls themselves "
				"or rely on their own checks of what you produce.",
				y, st));
		else
			note(c, sc_xasprintf(
				"Your clients' auditors want their year ending %s "
				"covered, but no SOC 1 period can cover enough of it: "
				"with no dated evidence of the months already gone, the "
				"first period starts %s. Tell them now: for that year "
				"they may test your controls themselves or rely on "
				"their own checks of what you produce; the report "
				"serves the years after.", y, st));
		break;
	}
	bool open = f->nhigh + f->nmedium + f->nlow > 0;
	struct sc_buf titles = {0};
	for (size_t i = 0; i < n && open; i++) {
		if (pls[i].how != H_RENEWAL || pls[i].start > c->today)
			continue;
		/* Only the gaps its examination tests: a SOC 1 is not
		 * qualified for a missing security training. */
		/* A SOC 1's objectives are the ones its last report
		 * described; a SOC 2 meets every common criterion each year. */
		bool described = !(pls[i].reports & (1u << SC_SOC2));
		if (!gap_titles_for(c, pls[i].reports, described, &titles))
			continue;
		char e[11], nm[32];
		fmt(pls[i].end, e);
		note(c, sc_xasprintf(
			"Your current %s period runs until %s and the gaps listed "
			"below fall inside it. The CPA firm tests the controls your "
			"report describes over the whole period: where one of these "
			"gaps is in such a control, expect an exception for the months "
			"before the fix, so close them as early as you can (%s).",
			names(pls[i].reports, nm), e, sc_buf_str(&titles)));
		break;
	}
	sc_buf_fini(&titles);
	bool lookback = false;
	for (size_t i = 0; i < n; i++)
		lookback |= pls[i].how == H_LOOKBACK;
	if (lookback && !open && f->nconfirm)
		note(c, sc_xasprintf(
			"Confirm the %zu answer%s listed below before fieldwork "
			"starts: %s can change what the CPA firm tests.",
			f->nconfirm, plural((long)f->nconfirm),
			f->nconfirm == 1 ? "it" : "they"));
	for (int id = 0; id < SC_SOC3; id++) {
		if (!f->has_prior_end[id] || renewable(c, (enum sc_report_id)id))
			continue;
		bool recommended = false;
		for (size_t i = 0; i < c->r->nreports; i++)
			recommended |= c->r->reports[i].id == (enum sc_report_id)id;
		if (!recommended)
			continue;
		char e[11];
		fmt(f->prior_end[id], e);
		sc_day start = f->prior_end[id] + 1;
		bool old = period_end(start, RENEWAL_MONTHS) <
		           sc_date_add_months(c->today, -RENEWAL_MONTHS);
		note(c, sc_xasprintf(
			"Your last %s period ended on %s, %s, so no renewal can run "
			"back to back from it: the new period starts afresh, and no "
			"report covers the months between. Readers may ask you to "
			"explain them.",
			sc_report_name((enum sc_report_id)id), e,
			old ? "more than a year before a renewal period could end "
			      "now"
			    : "and no dated evidence of your controls was kept "
			      "since, so the months since cannot be tested"));
	}
	/* Someone requires a Type II and the plan starts with a Type I (a
	 * rule cannot tell: only the plan knows which type it chose). */
	bool type1 = false;
	for (size_t i = 0; i < n; i++)
		type1 |= pls[i].type == SC_TYPE1;
	if (f->type2_demanded && type1)
		note(c, sc_xstrdup(
			"Someone requires a Type II, and this plan starts with a "
			"Type I: tell them when the Type II period starts and ends "
			"and when its report will follow, offer the Type I in the "
			"meantime, and ask in writing whether that is acceptable."));
	if (soc1 && !f->fye_month)
		note(c, sc_xstrdup(
			"Confirm when your clients' fiscal years end: their auditors "
			"typically need the SOC 1 period to cover at least 6 months of "
			"their fiscal year, and clients whose year-end a period does "
			"not reach need your bridge letters for the months after it."));
	if (after && f->has_operating) {
		int m = f->operating;
		if (m < 1)
			note(c, sc_xstrdup(
				"Your controls are not operating yet: put them in "
				"place during readiness work, because a Type II period "
				"only starts once they run."));
		else if (f->evidence == EV_NOT_KEPT)
			note(c, sc_xasprintf(
				"Your controls have operated for %d month%s, but no "
				"dated evidence of it was kept, so those months cannot "
				"be tested: keep evidence from now on.",
				m, plural(m)));
		else if (f->evidence == EV_UNKNOWN)
			note(c, sc_xasprintf(
				"Your controls have operated for %d month%s; if dated "
				"evidence of their operation was kept, ask your CPA "
				"firm whether a look-back period can cover those "
				"months.",
				m, plural(m)));
	}
	/* The first weeks over the year-end holidays: a CPA firm's busy
	 * season starts and people are away, so those weeks are optimistic. */
	sc_day xmas = sc_day_from_ymd(sc_day_to_ymd(c->today).y, 12, 24);
	sc_day last = max_day(c->ready, max_day(c->engaged, c->described));
	if (c->today <= xmas && last >= xmas)
		note(c, sc_xstrdup(
			"The first weeks run over the year-end holidays, when your "
			"team and CPA firms are often away and firms' busy season "
			"begins: agree the engagement before them where you can, and "
			"expect those dates to move by a week or two if you cannot."));
	note(c, sc_xstrdup("These dates are estimates: confirm them with your "
	                   "CPA firm."));
}

void
sc_plan_build(struct sc_plan *p, const struct sc_questionnaire *q,
              struct sc_eval *ev)
{
	memset(p, 0, sizeof *p);
	struct ctx c = {.p = p, .q = q, .ev = ev};
	c.r = sc_eval_result(ev);
	c.today = p->today = sc_eval_today(ev);
	read_facts(&c);
	p->has_deadline = c.f.has_deadline;
	p->deadline = c.f.deadline;
	/* A report to date? */
	bool any = false;
	for (size_t i = 0; i < c.r->nreports; i++)
		any |= c.r->reports[i].id != SC_SOC3;
	if (!any || p->nmissing) {
		/* Nothing to date, or not yet: the reports, undated. */
		for (size_t i = 0; i < c.r->nreports; i++) {
			struct sc_plan_report *pr = &p->reports[p->nreports++];
			memset(pr, 0, sizeof *pr);
			pr->id = c.r->reports[i].id;
			pr->type = c.r->reports[i].type;
		}
		sc_buf_fini(&c.f.gap_titles);
		sc_buf_fini(&c.b);
		return;
	}
	p->dated = true;
	readiness(&c);

	struct place plan[SC_REPORT_COUNT], alt[SC_REPORT_COUNT];
	bool lookback = false, alt_lookback = false;
	size_t n = place_all(&c, plan, false, &lookback);
	bool open_gaps = c.f.nhigh + c.f.nmedium + c.f.nlow > 0;
	bool many = c.f.nhigh >= MANY_HIGH_GAPS;
	/* A look-back is fine for minor gaps (domain 1); with a high-priority
	 * one open, the clean period after the fix is the plan whenever it
	 * too meets the deadline (or none was given), and the look-back the
	 * alternative: a report with exceptions in a control that matters is
	 * not the first thing to hand to a customer. */
	if (lookback && open_gaps && !many && c.f.nhigh > 0) {
		bool ignored;
		size_t m0 = place_all(&c, alt, true, &ignored);
		bool fits = m0 > 0;
		for (size_t i = 0; i < m0; i++)
			fits = fits && (alt[i].fit == SC_FIT_NONE ||
			                alt[i].fit == SC_FIT_OK);
		place_free(alt, m0);
		many = fits;
	}
	bool first = track_has(plan, n, H_AFTER) ||
	             track_has(plan, n, H_LOOKBACK) ||
	             track_has(plan, n, H_TYPE1);

	if (lookback && open_gaps && many) {
		/* Too many high-priority gaps for a look-back: close them first;
		 * the look-back stays an option, not the plan. */
		size_t m = place_all(&c, alt, true, &alt_lookback);
		struct sc_track *t = build_track(&c, SC_TRACK_PLAN, alt, m, true,
		                                 first);
		t->title = sc_xstrdup("The plan: close the gaps first");
		record(&c, alt, m);
		struct sc_track *o = build_track(&c, SC_TRACK_LOOKBACK, plan, n,
		                                 true, first);
		o->title = sc_xstrdup(c.f.nhigh >= MANY_HIGH_GAPS
		                              ? "Not advised: report on the months "
		                                "already gone"
		                              : "The alternative: report on the "
		                                "months already gone");
		/* The look-back's own report, not a later one of the same
		 * track that does not look back. */
		sc_day by = 0;
		for (size_t i = 0; i < n; i++)
			if (plan[i].how == H_LOOKBACK && plan[i].rep_by > by)
				by = plan[i].rep_by;
		char a[11];
		fmt(by ? by : o->report_by, a);
		struct sc_buf titles = {0};
		gap_titles_for(&c, lookback_reports(plan, n), false, &titles);
		o->summary = sc_xasprintf(
			"A look-back period could be reported on by %s, but the "
			"gaps listed below were gaps during it too, %zu of them "
			"high-priority: the CPA firm would report exceptions for "
			"them (%s), and a control missing for the whole period can "
			"qualify the opinion.",
			a, c.f.nhigh, sc_buf_str(&titles));
		sc_buf_fini(&titles);
		t = &p->tracks[0]; /* adding a track may have moved it */
		t->summary = sc_xasprintf(
			"With %zu high-priority gap%s open, close %s first and start "
			"a period after the fix: a later report, and a clean one.",
			c.f.nhigh, c.f.nhigh == 1 ? "" : "s",
			c.f.nhigh == 1 ? "it" : "them");
		/* Someone waiting with no date, or a plan that misses the date:
		 * the quicker Type I after the same readiness work. */
		bool late = t->fit == SC_FIT_LATE || t->fit == SC_FIT_MAYBE;
		if (track_has(alt, m, H_AFTER) && type1_of_use(&c, alt, m) &&
		    ((c.f.waiting && !c.f.has_deadline) || late))
			type1_track(&c, alt, m, late);
		headline(&c, alt, m);
		next_track(&c, alt, m, 0);
		deadline_notes(&c, alt, m);
		other_notes(&c, alt, m);
		place_free(plan, n);
		place_free(alt, m);
	} else if (lookback && open_gaps) {
		/* Two honest plans: the look-back now, with exceptions expected,
		 * or the gaps closed first and a period after the fix. */
		struct sc_track *t = build_track(&c, SC_TRACK_PLAN, plan, n, true,
		                                 first);
		t->title = sc_xstrdup("Option A: report on the months already "
		                      "gone");
		struct sc_buf titles = {0};
		gap_titles_for(&c, lookback_reports(plan, n), false, &titles);
		t->summary = sc_xasprintf(
			"The look-back period tests months already gone, and the gaps "
			"found now were gaps then too: expect the CPA firm to report "
			"exceptions for the gaps listed below (%s); a control missing "
			"for the whole period can qualify the opinion. Fixing them now "
			"helps the next period, not this one.",
			sc_buf_str(&titles));
		sc_buf_fini(&titles);
		record(&c, plan, n);
		/* Each option with what follows it, so that the next period of
		 * one is never read as following the other. */
		next_track(&c, plan, n, 0);
		size_t m = place_all(&c, alt, true, &alt_lookback);
		size_t bi = p->ntracks;
		struct sc_track *o = build_track(&c, SC_TRACK_CLEAN_FIRST, alt, m,
		                                 true, first);
		o->title = sc_xstrdup("Option B: close the gaps first");
		char a[11];
		fmt(o->report_by, a);
		o->summary = sc_xasprintf(
			"Close the gaps, then start a new period after the fix: a "
			"later report (by %s) without these exceptions.",
			a);
		next_track(&c, alt, m, (int)bi);
		headline(&c, plan, n);
		deadline_notes(&c, plan, n);
		other_notes(&c, plan, n);
		place_free(plan, n);
		place_free(alt, m);
	} else {
		struct sc_track *t = build_track(&c, SC_TRACK_PLAN, plan, n, true,
		                                 first);
		t->title = sc_xstrdup("The plan");
		record(&c, plan, n);
		bool late = t->fit == SC_FIT_LATE || t->fit == SC_FIT_MAYBE;
		if (track_has(plan, n, H_AFTER) && type1_of_use(&c, plan, n) &&
		    ((c.f.waiting && !c.f.has_deadline) || late))
			type1_track(&c, plan, n, late);
		headline(&c, plan, n);
		/* After a quicker path too, say which track it follows. */
		next_track(&c, plan, n, p->ntracks > 1 ? 0 : -1);
		deadline_notes(&c, plan, n);
		other_notes(&c, plan, n);
		place_free(plan, n);
	}
	sc_buf_fini(&c.f.gap_titles);
	sc_buf_fini(&c.b);
}

void
sc_plan_fini(struct sc_plan *p)
{
	if (!p)
		return;
	free(p->missing);
	free(p->readiness_why);
	for (size_t i = 0; i < p->nreports; i++)
		free(p->reports[i].months_why);
	for (size_t i = 0; i < p->ntracks; i++) {
		struct sc_track *t = &p->tracks[i];
		for (size_t k = 0; k < t->nphases; k++) {
			free(t->phases[k].label);
			free(t->phases[k].what);
		}
		free(t->phases);
		free(t->title);
		free(t->summary);
	}
	free(p->tracks);
	for (size_t i = 0; i < p->nnotes; i++)
		free(p->notes[i]);
	free(p->notes);
	free(p->headline);
	free(p->deadline_risk);
	free(p->requester);
	free(p->risk_who);
	free(p->type1_who);
	memset(p, 0, sizeof *p);
}

const struct sc_plan_report *
sc_plan_report(const struct sc_plan *p, enum sc_report_id id)
{
	for (size_t i = 0; p && i < p->nreports; i++)
		if (p->reports[i].id == id)
			return &p->reports[i];
	return NULL;
}
