/* The report model: every sentence of the report is composed here once, so
 * the five exporters say the same thing and differ only in layout.
 *
 * The roadmap dates are a rule of thumb, stated as such in the report:
 *  - readiness work starts on the report date and takes 3 weeks per open
 *    high-priority gap, 2 per medium, 1 per low and 1 per answer to confirm
 *    (a follow-up, whatever its priority), at most 26 weeks;
 *  - a Type I report is "as of" the end of readiness work;
 *  - a Type II window lasts the suggested period (ending the day before the
 *    same date P months on) and starts
 *      at the day after the last report's period ended, for a renewal whose
 *      new window can still run back to back with it (else there is a
 *      coverage gap, and the window is placed as below);
 *      in the past (a look-back window) when evidence was kept, controls
 *      have operated for a month or more and no high-priority gap is open:
 *      up to min(operating months, period) before the report date;
 *      otherwise when readiness work ends;
 *  - a SOC 1 Type II window is lengthened, up to 12 months, until it
 *    covers 6 months of one of the clients' fiscal years, when their
 *    year-end month is known;
 *  - fieldwork takes 2 to 4 weeks after the window ends (or the Type I
 *    date) and the report comes 4 to 8 weeks after it;
 *  - the deadline (needed_in_months after the report date) is checked
 *    against the latest date each report is expected;
 *  - a Type I that must be followed by a Type II (someone demands one, or
 *    it is a SOC 1) gets a 6-month follow-on window from its date.
 * When a timeline question that dates the plan is unanswered no date is
 * given at all: the report says which answer is missing instead. */
#include "report_internal.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const headings[RP_H_COUNT] = {
	[RP_H_SUMMARY] = "Executive summary",
	[RP_H_RECOMMENDATION] = "Recommendation",
	[RP_H_TSC] = "Trust Services categories",
	[RP_H_ROADMAP] = "Roadmap",
	[RP_H_FRAMEWORKS] = "Related frameworks",
	[RP_H_GAPS] = "Readiness gaps",
	[RP_H_APPENDIX] = "Appendix: your answers",
	[RP_H_EVIDENCE] = "Appendix: evidence to collect",
	[RP_H_ABOUT] = "About this report",
	[RP_H_OUTCOME] = "Outcome",
	[RP_H_FOLLOWUPS] = "Follow-ups",
	[RP_H_OWN_GAPS] = "Your own gaps",
	[RP_H_NEXT_STEPS] = "Next steps",
};

const char *
rp_heading(enum rp_heading h)
{
	return (unsigned)h < RP_H_COUNT ? headings[h] : "";
}

/* --- dates ------------------------------------------------------------ */

struct ymd {
	int y, m, d;
};

static int
days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

static bool
parse_date(const char *s, struct ymd *out)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	struct ymd t;
	t.y = atoi(s);
	t.m = atoi(s + 5);
	t.d = atoi(s + 8);
	if (t.m < 1 || t.m > 12 || t.d < 1 || t.d > days_in_month(t.y, t.m))
		return false;
	*out = t;
	return true;
}

/* The same day `months` later (or earlier, when negative), clamped to the
 * end of a shorter month.  Callers keep |months| to a few hundred. */
static struct ymd
add_months(struct ymd t, int months)
{
	int m0 = t.y * 12 + t.m - 1 + months;
	int y = m0 / 12, m = m0 % 12;
	if (m < 0) { /* a date before year 0: floor, not truncate */
		m += 12;
		y--;
	}
	t.y = y;
	t.m = m + 1;
	int dim = days_in_month(t.y, t.m);
	if (t.d > dim)
		t.d = dim;
	return t;
}

static struct ymd
next_day(struct ymd t)
{
	if (++t.d > days_in_month(t.y, t.m)) {
		t.d = 1;
		if (++t.m > 12) {
			t.m = 1;
			t.y++;
		}
	}
	return t;
}

/* `days` (at most a few hundred) later. */
static struct ymd
add_days(struct ymd t, int days)
{
	while (days-- > 0)
		t = next_day(t);
	return t;
}

static struct ymd
prev_day(struct ymd t)
{
	if (--t.d == 0) {
		if (--t.m == 0) {
			t.m = 12;
			t.y--;
		}
		t.d = days_in_month(t.y, t.m);
	}
	return t;
}

static int
ymd_cmp(struct ymd a, struct ymd b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	return (a.d > b.d) - (a.d < b.d);
}

static void
ymd_str(struct ymd t, char out[11])
{
	/* Digit by digit, which keeps -Wformat-truncation quiet.  Only an
	 * absurd report date (year 0 or 9999) plus or minus years of months
	 * leaves 0..9999: such years are shown clipped, never out of bounds. */
	unsigned y = t.y < 0 ? 0 : (unsigned)t.y % 10000,
	         mo = (unsigned)t.m % 100,
	         d = (unsigned)t.d % 100;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + mo / 10);
	out[6] = (char)('0' + mo % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

static struct ymd
ymd_min(struct ymd a, struct ymd b)
{
	return ymd_cmp(a, b) <= 0 ? a : b;
}

static struct ymd
ymd_max(struct ymd a, struct ymd b)
{
	return ymd_cmp(a, b) >= 0 ? a : b;
}

static struct ymd
today_utc(void)
{
	time_t now = time(NULL);
	struct tm tm;
	struct ymd t = {1970, 1, 1};
	if (gmtime_r(&now, &tm)) {
		t.y = tm.tm_year + 1900;
		t.m = tm.tm_mon + 1;
		t.d = tm.tm_mday;
	}
	return t;
}

void
rp_report_date(const struct sc_report_opts *opts, char out[11])
{
	struct ymd t;
	if (!opts || !parse_date(opts->date, &t))
		t = today_utc();
	ymd_str(t, out);
}

/* --- small helpers ---------------------------------------------------- */

static void
list_add(char ***v, size_t *n, char *s)
{
	*v = sc_xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = s;
}

static void
step_add(struct rp_model *m, char *when, char *what)
{
	m->steps = sc_xrealloc(m->steps, (m->nsteps + 1) * sizeof *m->steps);
	m->steps[m->nsteps].when = when;
	m->steps[m->nsteps].what = what;
	m->nsteps++;
}

static struct rp_bar *
bar_add(struct rp_model *m, enum rp_bar_kind kind, char *label, struct ymd from,
        struct ymd to)
{
	m->bars = sc_xrealloc(m->bars, (m->nbars + 1) * sizeof *m->bars);
	struct rp_bar *b = &m->bars[m->nbars++];
	b->kind = kind;
	b->label = label;
	ymd_str(from, b->from);
	ymd_str(to, b->to);
	return b;
}

/* A sentence ends with a full stop unless it already ends in punctuation. */
static void
put_sentence(struct sc_buf *b, const char *s)
{
	sc_buf_puts(b, s);
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0 || !strchr(".!?", s[n - 1]))
		sc_buf_putc(b, '.');
}

const char *
rp_note(const struct rp_model *m, size_t question)
{
	const char *n = m->a->notes ? m->a->notes[question] : NULL;
	return n && *n ? n : NULL;
}

void
rp_answer_text(const struct rp_model *m, size_t question, struct sc_buf *out)
{
	const struct sc_answer *v = sc_eval_answer(m->ev, question);
	if (v && v->type != SC_A_NONE)
		sc_answer_format(&m->q->questions[question], v, out);
}

const char *
rp_tsc_default_reason(const struct rp_model *m, enum sc_category c)
{
	const struct sc_tsc_rec *t = &m->r->tsc[c];
	if (t->reasons.n > 0 || !m->r->tsc[SC_CAT_SECURITY].in_scope)
		return NULL;
	if (t->required)
		return "Security, the common criteria, is part of every SOC 2 "
		       "report.";
	if (!t->in_scope)
		return "Nothing in your answers calls for it; add it when a "
		       "customer requires it in writing.";
	return NULL;
}

const char *
rp_tsc_status(const struct rp_model *m, enum sc_category c)
{
	const struct sc_tsc_rec *t = &m->r->tsc[c];
	if (!t->in_scope)
		return "out of scope";
	return t->required ? "in scope (required)" : "in scope";
}

static void
deps_fini(struct rp_dep *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(d[i].text);
	free(d);
}

/* `text` with its {{question_id}} filled in: the text itself when it has
 * none, else a copy kept in *own. */
static const char *
filled(const struct rp_model *m, const char *text, char **own)
{
	*own = NULL;
	if (!text || !strstr(text, "{{"))
		return text;
	struct sc_buf b = {0};
	sc_eval_expand(m->ev, text, &b);
	*own = sc_buf_steal(&b);
	return *own;
}

static void
reasons_build(const struct rp_model *m, const struct sc_reasons *in,
              struct rp_reasons *out)
{
	out->n = 0;
	out->v = in->n ? sc_xcalloc(in->n, sizeof *out->v) : NULL;
	for (size_t i = 0; i < in->n; i++) {
		if (in->rules[i] >= m->q->nrules)
			continue;
		struct rp_reason *rs = &out->v[out->n++];
		rs->rule = &m->q->rules[in->rules[i]];
		rs->text = filled(m, rs->rule->because, &rs->own_text);
		rs->step = filled(m, rs->rule->next_step, &rs->own_step);
		size_t nd = 0;
		const size_t *deps = sc_eval_because(m->ev, in->rules[i], &nd);
		rs->deps = nd ? sc_xcalloc(nd, sizeof *rs->deps) : NULL;
		for (size_t k = 0; k < nd; k++) {
			struct rp_dep *d = &rs->deps[rs->ndeps];
			if (deps[k] >= m->q->nquestions)
				continue;
			rs->ndeps++;
			d->question = deps[k];
			d->answer = sc_eval_answer(m->ev, deps[k]);
			if (d->answer && d->answer->type == SC_A_NONE)
				d->answer = NULL;
			struct sc_buf b = {0};
			if (d->answer)
				sc_answer_format(&m->q->questions[deps[k]], d->answer,
				                 &b);
			d->text = d->answer && b.len ? sc_buf_steal(&b)
			                             : sc_xstrdup(RP_NO_ANSWER);
			sc_buf_fini(&b);
		}
	}
}

static void
reasons_fini(struct rp_reasons *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		deps_fini(rs->v[i].deps, rs->v[i].ndeps);
		free(rs->v[i].own_text);
		free(rs->v[i].own_step);
	}
	free(rs->v);
	rs->v = NULL;
	rs->n = 0;
}

void
rp_reasons_build(const struct rp_model *m, const struct sc_reasons *in,
                 struct rp_reasons *out)
{
	reasons_build(m, in, out);
}

void
rp_reasons_fini(struct rp_reasons *rs)
{
	reasons_fini(rs);
}

static void
gap_deps(struct rp_gap *g)
{
	for (size_t i = 0; i < g->reasons.n; i++) {
		const struct rp_reason *rs = &g->reasons.v[i];
		for (size_t k = 0; k < rs->ndeps; k++) {
			bool seen = false;
			for (size_t j = 0; j < g->ndeps && !seen; j++)
				seen = g->deps[j].question == rs->deps[k].question;
			if (seen)
				continue;
			g->deps = sc_xrealloc(g->deps, (g->ndeps + 1) * sizeof *g->deps);
			g->deps[g->ndeps] = rs->deps[k];
			g->deps[g->ndeps].text = sc_xstrdup(rs->deps[k].text);
			g->ndeps++;
		}
	}
}

/* --- the parts -------------------------------------------------------- */

static void
build_exec(struct rp_model *m)
{
	const struct sc_result *r = m->r;
	struct sc_buf b = {0};

	if (r->nreports > 0) {
		sc_buf_printf(&b, "We recommend %s", m->summary);
		put_sentence(&b, "");
		list_add(&m->exec, &m->nexec, sc_buf_steal(&b));
		/* Why, in one line: the first reason of each report. */
		bool any = false;
		for (size_t i = 0; i < m->nreports; i++) {
			const struct rp_report *rp = &m->reports[i];
			if (rp->reasons.n == 0)
				continue;
			sc_buf_puts(&b, any ? " " : "Why: ");
			if (m->nreports > 1)
				sc_buf_printf(&b, "%s: ", sc_report_name(rp->rec->id));
			put_sentence(&b, rp->reasons.v[0].rule->because);
			any = true;
		}
		if (any)
			list_add(&m->exec, &m->nexec, sc_buf_steal(&b));
	} else if (m->none.n || r->deferred.n) {
		/* The summary already starts "No SOC report recommended now". */
		put_sentence(&b, m->summary);
		list_add(&m->exec, &m->nexec, sc_buf_steal(&b));
		if (m->next_steps.n) {
			sc_buf_puts(&b, "Next step: ");
			put_sentence(&b, m->next_steps.v[0].rule->next_step);
			list_add(&m->exec, &m->nexec, sc_buf_steal(&b));
		}
	} else {
		list_add(&m->exec, &m->nexec,
		         sc_xstrdup("There are not yet enough answers to "
		                    "recommend a SOC report."));
	}

	if (r->nitems > 0 || m->ngaps > 0) {
		if (r->nitems > 0)
			sc_buf_printf(&b, "Your readiness score is %d out of 100, with ",
			              r->score);
		else
			sc_buf_puts(&b, "The readiness checklist was not asked, so "
			                "there is no readiness score; your other "
			                "answers show ");
		if (m->nhigh == 0)
			sc_buf_puts(&b, "no high-priority gap");
		else
			sc_buf_printf(&b, "%zu high-priority gap%s to close first",
			              m->nhigh, m->nhigh == 1 ? "" : "s");
		if (m->nconfirm)
			sc_buf_printf(&b, " and %zu answer%s to confirm", m->nconfirm,
			              m->nconfirm == 1 ? "" : "s");
		sc_buf_putc(&b, '.');
		list_add(&m->exec, &m->nexec, sc_buf_steal(&b));
	}

	if (r->nunanswered > 0) {
		sc_buf_printf(&b,
		              "%zu required question%s still unanswered, so this "
		              "may change.",
		              r->nunanswered, r->nunanswered == 1 ? " is" : "s are");
		list_add(&m->exec, &m->nexec, sc_buf_steal(&b));
	}
	sc_buf_fini(&b);
}

/* --- the roadmap ------------------------------------------------------ */

/* Rules of thumb (see the comment at the top of this file). */
enum {
	READINESS_WEEKS_MAX = 26,
	REPORT_DAYS_MIN = 4 * 7, /* fieldwork, then the report: 4 to 8 weeks */
	REPORT_DAYS_MAX = 8 * 7,
	FOLLOW_ON_MONTHS = 6,    /* a Type II after a Type I */
	FY_OVERLAP_MONTHS = 6,   /* SOC 1: of one of the clients' fiscal years */
	FY_MAX_PERIOD = 12,
	MONTHS_MAX = 600,        /* answers past 50 years count as 50 years */
};

/* What the timeline questions say. */
struct timeline {
	bool has_needed, has_operating, has_prior;
	int needed, operating, prior; /* whole months, 0 to MONTHS_MAX */
	enum { EV_UNKNOWN, EV_KEPT, EV_NOT_KEPT } evidence;
	int fye;             /* the clients' fiscal year-end month; 0 unknown */
	bool type2_demanded;
	size_t missing[3];   /* shown number questions left unanswered */
	size_t nmissing;
};

/* The effective answer of timeline question qi, or NULL.  *shown is false
 * when the questionnaire names no such question or the interview skipped
 * it: then it cannot be asked for. */
static const struct sc_answer *
timeline_answer(const struct rp_model *m, size_t qi, bool *shown)
{
	*shown = qi != SIZE_MAX && qi < m->q->nquestions &&
	         sc_eval_visible(m->ev, qi);
	if (!*shown)
		return NULL;
	const struct sc_answer *a = sc_eval_answer(m->ev, qi);
	return a && a->type != SC_A_NONE ? a : NULL;
}

static int
whole_months(double v)
{
	if (!(v > 0)) /* NaN too */
		return 0;
	return v > MONTHS_MAX ? MONTHS_MAX : (int)v;
}

/* A number the dates need; a shown question without one is missing. */
static bool
timeline_number(const struct rp_model *m, size_t qi, int *out,
                struct timeline *t)
{
	bool shown;
	const struct sc_answer *a = timeline_answer(m, qi, &shown);
	if (a && a->type == SC_A_NUMBER) {
		*out = whole_months(a->num);
		return true;
	}
	if (shown)
		t->missing[t->nmissing++] = qi;
	return false;
}

static void
timeline_read(const struct rp_model *m, struct timeline *t)
{
	const struct sc_timeline *tl = &m->q->timeline;
	memset(t, 0, sizeof *t);
	t->has_needed = timeline_number(m, tl->needed_in_months, &t->needed, t);
	t->has_operating =
		timeline_number(m, tl->operating_months, &t->operating, t);
	t->has_prior = timeline_number(m, tl->prior_period_end, &t->prior, t);
	bool shown;
	const struct sc_answer *a = timeline_answer(m, tl->evidence_kept, &shown);
	t->evidence = !a || a->type != SC_A_BOOL ? EV_UNKNOWN
	              : a->b                     ? EV_KEPT
	                                         : EV_NOT_KEPT;
	a = timeline_answer(m, tl->type2_demanded, &shown);
	t->type2_demanded = a && a->type == SC_A_BOOL && a->b;
	a = timeline_answer(m, tl->fiscal_year_end, &shown);
	if (a && a->type == SC_A_CHOICE) {
		const struct sc_question *qn = &m->q->questions[tl->fiscal_year_end];
		if (a->choice < qn->nchoices)
			t->fye = sc_month_find(qn->choices[a->choice].id);
	}
}

static void
note_add(struct rp_model *m, char *s)
{
	list_add(&m->road_notes, &m->nroad_notes, s);
}

static const char *
plural(int n)
{
	return n == 1 ? "" : "s";
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

/* Readiness work in weeks: 3 per high-priority gap, 2 per medium, 1 per
 * low, 1 per answer to confirm, at most READINESS_WEEKS_MAX.  Writes the
 * step that says so, and what it was estimated from, into `b`. */
static int
readiness_estimate(const struct rp_model *m, struct sc_buf *b)
{
	static const int per[4] = {3, 2, 1, 1};
	static const char *const what[4][2] = {
		{"high-priority gap", "high-priority gaps"},
		{"medium-priority gap", "medium-priority gaps"},
		{"low-priority gap", "low-priority gaps"},
		{"answer to confirm", "answers to confirm"},
	};
	size_t n[4] = {0, 0, 0, 0};
	for (size_t i = 0; i < m->ngaps; i++) {
		const struct sc_gap_rec *g = m->gaps[i].rec;
		if (g->def && g->def->followup)
			n[3]++;
		else if (g->priority == SC_PRIO_HIGH)
			n[0]++;
		else if (g->priority == SC_PRIO_MEDIUM)
			n[1]++;
		else
			n[2]++;
	}
	size_t total = 0, kinds = 0;
	for (int k = 0; k < 4; k++) {
		total += n[k] * (size_t)per[k];
		kinds += n[k] > 0;
	}
	if (total == 0) {
		sc_buf_puts(b, "Readiness work: no gap was found; have a readiness "
		               "review confirm it before the audit.");
		return 0;
	}
	int weeks = total > READINESS_WEEKS_MAX ? READINESS_WEEKS_MAX
	                                        : (int)total;
	bool gaps = n[0] + n[1] + n[2] > 0;
	sc_buf_printf(b, "Readiness work: %s listed below, ",
	              !gaps   ? "confirm the answers"
	              : n[3]  ? "close the gaps and confirm the answers"
	                      : "close the gaps");
	put_duration(b, weeks);
	sc_buf_puts(b, ". Estimated from ");
	size_t done = 0;
	for (int k = 0; k < 4; k++) {
		if (!n[k])
			continue;
		if (done)
			sc_buf_puts(b, done + 1 == kinds ? " and " : ", ");
		sc_buf_printf(b, "%zu %s at %d week%s%s", n[k],
		              what[k][n[k] != 1], per[k], plural(per[k]),
		              n[k] == 1 ? "" : " each");
		done++;
	}
	if (total > READINESS_WEEKS_MAX)
		sc_buf_printf(b, ": %zu weeks, counted as at most %d, since work "
		                 "on many gaps runs side by side",
		              total, READINESS_WEEKS_MAX);
	sc_buf_putc(b, '.');
	return weeks;
}

enum wkind { W_AFTER, W_RENEWAL, W_LOOKBACK };

/* The dates of one SOC 1 or SOC 2 report of the plan. */
struct plan {
	const struct rp_report *rp;
	bool dated;
	enum sc_rtype type;
	struct ymd from, to; /* the report is expected between these */
};

struct road {
	struct rp_model *m;
	struct timeline t;
	struct ymd today, ready;
	struct ymd prior_end; /* the last report's period end (t.has_prior) */
	bool lookback_ok;     /* evidence kept, controls operated */
	bool any_after, fy_unknown_said, open_gaps_said;
	struct plan plans[SC_REPORT_COUNT];
	size_t nplans;
	struct sc_buf b;
};

static struct ymd
window_end(struct ymd start, int months)
{
	return prev_day(add_months(start, months));
}

/* A window of `period` months.  A look-back window starts as far back as
 * the operating months allow, up to the period, so that a mature
 * organization's ends the day before the report date; other windows start
 * at `start`. */
static void
place_window(const struct road *r, enum wkind kind, int period,
             struct ymd *start, struct ymd *end)
{
	if (kind != W_LOOKBACK) {
		*end = window_end(*start, period);
		return;
	}
	int back = r->t.operating < period ? r->t.operating : period;
	*start = add_months(r->today, -back);
	*end = back == period ? prev_day(r->today) : window_end(*start, period);
}

/* Whole months (0 to 12) of the clients' fiscal year that the window
 * [s, e] covers best, and that fiscal year's last day. */
static int
fy_cover(struct ymd s, struct ymd e, int fye, struct ymd *fy_last)
{
	int best = -1;
	for (int y = s.y; y <= e.y + 1; y++) {
		struct ymd last = {y, fye, days_in_month(y, fye)};
		struct ymd prev = {y - 1, fye, days_in_month(y - 1, fye)};
		struct ymd os = ymd_max(s, next_day(prev)), oe = ymd_min(e, last);
		if (ymd_cmp(os, oe) > 0)
			continue;
		int k = 0;
		while (k < 12 && ymd_cmp(window_end(os, k + 1), oe) <= 0)
			k++;
		if (k > best) {
			best = k;
			*fy_last = last;
		}
	}
	return best < 0 ? 0 : best;
}

static void
fy_unknown_note(struct road *r)
{
	if (r->fy_unknown_said)
		return;
	r->fy_unknown_said = true;
	note_add(r->m, sc_xstrdup(
		"Confirm when your clients' fiscal years end: their auditors "
		"typically need the SOC 1 period to overlap their fiscal year by "
		"at least 6 months. Clients whose fiscal year a period misses will "
		"need bridge letters, and as the SOC 1 provider you give your own "
		"clients bridge letters for the months between your reports."));
}

/* A SOC 1 Type II window from *start lasting `period` months, lengthened
 * (to at most FY_MAX_PERIOD) until it covers FY_OVERLAP_MONTHS of one of
 * the clients' fiscal years; a look-back window moves its start back
 * instead of its end on.  Returns the period; *note says what was done. */
static int
soc1_fiscal_period(struct road *r, const char *what, enum wkind kind,
                   struct ymd *start, int period, char **note)
{
	*note = NULL;
	int fye = r->t.fye;
	if (fye == 0) {
		fy_unknown_note(r);
		return period;
	}
	struct ymd fy = {0, 0, 0}, s = *start, e;
	place_window(r, kind, period, &s, &e);
	int cover0 = fy_cover(s, e, fye, &fy);
	int p = period, cover = cover0;
	while (cover < FY_OVERLAP_MONTHS && p < FY_MAX_PERIOD) {
		p++;
		s = *start;
		place_window(r, kind, p, &s, &e);
		cover = fy_cover(s, e, fye, &fy);
	}
	char fyd[11];
	ymd_str(fy, fyd);
	if (cover >= FY_OVERLAP_MONTHS && p == period)
		*note = sc_xasprintf(
			"The %s window covers %d months of your clients' fiscal year "
			"ending %s, at least the 6 their auditors typically need.",
			what, cover, fyd);
	else if (cover >= FY_OVERLAP_MONTHS)
		*note = sc_xasprintf(
			"The %s period is lengthened to %d months so it covers at "
			"least 6 months of your clients' fiscal year ending %s: with "
			"%d months it would cover at most %d month%s of any one of "
			"their fiscal years, and their auditors typically need 6.",
			what, p, fyd, period, cover0, plural(cover0));
	else
		*note = sc_xasprintf(
			"The %s window covers at most %d month%s of any one of your "
			"clients' fiscal years, fewer than the 6 their auditors "
			"typically need: agree the period with your CPA firm and plan "
			"bridge letters for those clients.",
			what, cover, plural(cover));
	*start = s;
	return p;
}

/* The step that dates a report: fieldwork, then the report. */
static void
report_step(struct road *r, struct plan *pl, const char *title,
            struct ymd end, const char *after)
{
	pl->dated = true;
	pl->from = add_days(end, REPORT_DAYS_MIN);
	pl->to = add_days(end, REPORT_DAYS_MAX);
	bar_add(r->m, RP_BAR_FIELDWORK, sc_xasprintf("%s fieldwork", title),
	        next_day(end), pl->from);
	bar_add(r->m, RP_BAR_REPORT, sc_xasprintf("%s report", title), pl->from,
	        pl->to);
	char f[11], t[11];
	ymd_str(pl->from, f);
	ymd_str(pl->to, t);
	step_add(r->m, sc_xasprintf("%s to %s", f, t),
	         sc_xasprintf("%s report: fieldwork takes 2 to 4 weeks after %s, "
	                      "then the CPA firm writes the report; report "
	                      "expected between %s and %s.",
	                      title, after, f, t));
}

static void
plan_type1(struct road *r, struct rp_report *rp, struct plan *pl)
{
	struct rp_model *m = r->m;
	const char *name = sc_report_name(rp->rec->id);
	struct ymd as_of = r->ready;
	ymd_str(as_of, m->type1_as_of);
	ymd_str(as_of, rp->as_of);
	bar_add(m, RP_BAR_TYPE1, sc_xasprintf("%s Type I date", name), as_of,
	        as_of);
	step_add(m, sc_xasprintf("as of %s", m->type1_as_of),
	         sc_xasprintf("%s Type I: your CPA firm examines the design of "
	                      "your controls as of this date, %s.",
	                      name,
	                      m->readiness_weeks
	                              ? "the day readiness work is planned to end"
	                              : "as no readiness work is planned"));
	char *title = sc_xasprintf("%s Type I", name);
	report_step(r, pl, title, as_of, "that date");
	free(title);

	/* A Type II follows when someone demands one, and always for a SOC 1:
	 * clients' auditors cannot rely on a Type I. */
	bool soc1 = rp->rec->id == SC_SOC1;
	if (!soc1 && !r->t.type2_demanded)
		return;
	struct ymd start = as_of;
	int period = FOLLOW_ON_MONTHS;
	char *fy_note = NULL;
	if (soc1)
		period = soc1_fiscal_period(r, "follow-on SOC 1 Type II", W_AFTER,
		                            &start, period, &fy_note);
	struct ymd end = window_end(start, period);
	char s[11], e[11];
	ymd_str(start, s);
	ymd_str(end, e);
	bar_add(m, RP_BAR_WINDOW,
	        sc_xasprintf("%s Type II window (to follow)", name), start, end);
	step_add(m, sc_xasprintf("%s to %s", s, e),
	         sc_xasprintf("%s Type II to follow: a window of %d months from "
	                      "the Type I's date, because %s%s.",
	                      name, period,
	                      soc1 ? "your clients' auditors rely only on a "
	                             "Type II report"
	                           : "a Type II report is required of you",
	                      soc1 ? ""
	                           : " (your CPA firm may agree to 3 months for "
	                             "a first window)"));
	struct plan follow = {0};
	title = sc_xasprintf("%s Type II", name);
	report_step(r, &follow, title, end, "that window ends");
	free(title);
	if (fy_note)
		note_add(m, fy_note);
}

static void
plan_type2(struct road *r, struct rp_report *rp, struct plan *pl)
{
	struct rp_model *m = r->m;
	const char *name = sc_report_name(rp->rec->id);
	int period = rp->rec->period_months;
	if (period <= 0) {
		step_add(m, sc_xasprintf("from %s", m->ready_by),
		         sc_xasprintf("%s Type II: the observation window starts "
		                      "once readiness work is done; agree its "
		                      "length with your CPA firm (often 6 to 12 "
		                      "months, 3 to 6 for a first report).",
		                      name));
		r->any_after = true;
		return;
	}

	/* Where the window starts. */
	enum wkind kind = W_AFTER;
	struct ymd start = r->ready, gap_from = {0, 0, 0};
	bool coverage_gap = false;
	if (r->t.has_prior) {
		struct ymd s = next_day(r->prior_end);
		if (ymd_cmp(s, add_months(r->today, -period)) >= 0) {
			kind = W_RENEWAL;
			start = s;
		} else {
			coverage_gap = true;
			gap_from = s;
		}
	}
	if (kind != W_RENEWAL && r->lookback_ok)
		kind = W_LOOKBACK;
	char *fy_note = NULL;
	char *what = sc_xasprintf("%s Type II", name);
	if (rp->rec->id == SC_SOC1)
		period = soc1_fiscal_period(r, what, kind, &start, period, &fy_note);
	if (period != rp->period_months) {
		rp->period_months = period;
		free(rp->period);
		rp->period = sc_xasprintf("%d-month period", period);
	}
	struct ymd end;
	place_window(r, kind, period, &start, &end);
	struct ymd latest;
	if (!parse_date(m->window_end, &latest) || ymd_cmp(end, latest) > 0) {
		ymd_str(start, m->window_start);
		ymd_str(end, m->window_end);
		m->window_months = period;
	}

	char s[11], e[11], p[11];
	ymd_str(start, s);
	ymd_str(end, e);
	ymd_str(r->prior_end, p);
	memcpy(rp->window_start, s, sizeof s);
	memcpy(rp->window_end, e, sizeof e);
	bar_add(m, RP_BAR_WINDOW, sc_xasprintf("%s window", what), start, end);
	sc_buf_printf(&r->b, "%s: the %d-month window in which your controls "
	                     "must operate and keep evidence; ",
	              what, period);
	switch (kind) {
	case W_RENEWAL:
		sc_buf_printf(&r->b, "it starts the day after your last report's "
		                     "period ended (%s), so the reports run back "
		                     "to back. Until the new report is issued, give "
		                     "customers who ask a bridge letter (your "
		                     "management's statement that nothing "
		                     "significant changed since that period "
		                     "ended).",
		              p);
		break;
	case W_LOOKBACK:
		sc_buf_puts(&r->b, "it starts in the past, because evidence of "
		                   "your controls' operation was kept. This is a "
		                   "look-back window: confirm with your CPA firm "
		                   "that the evidence from those months is "
		                   "acceptable.");
		break;
	case W_AFTER:
		sc_buf_puts(&r->b, "it starts when readiness work ends.");
		r->any_after = true;
		break;
	}
	step_add(m, sc_xasprintf("%s to %s", s, e), sc_buf_steal(&r->b));
	report_step(r, pl, what, end, "the window ends");

	if (coverage_gap) {
		char g0[11], g1[11];
		ymd_str(gap_from, g0);
		ymd_str(prev_day(start), g1);
		note_add(m, sc_xasprintf(
			"Coverage gap: your last SOC report's period ended on %s, more "
			"than %d months ago, so the new %s window cannot start the day "
			"after it. No report covers %s to %s; customers may ask you for "
			"a bridge letter for those months.",
			p, rp->rec->period_months, what, g0, g1));
	}
	/* A window under way already holds the gaps still open. */
	if (ymd_cmp(start, r->today) <= 0 && m->ngaps > m->nconfirm &&
	    !r->open_gaps_said) {
		r->open_gaps_said = true;
		bool ended = ymd_cmp(end, r->today) < 0;
		note_add(m, sc_xasprintf(
			"The gaps listed below fall inside a window that %s: your CPA "
			"firm tests the whole period and may report them as exceptions "
			"(a control missing for the whole period can qualify the "
			"opinion), so %s and confirm with your CPA firm how it will "
			"treat them.",
			ended ? "has already ended" : "has already started",
			ended ? "close them now, before fieldwork"
			      : "close them as early as you can"));
	}
	if (fy_note)
		note_add(m, fy_note);
	free(what);
}

/* The deadline against the latest date each report is expected. */
static void
check_deadline(struct road *r)
{
	struct rp_model *m = r->m;
	struct ymd dl = add_months(r->today, r->t.needed);
	ymd_str(dl, m->deadline);
	for (size_t i = 0; i < r->nplans; i++) {
		const struct plan *pl = &r->plans[i];
		if (!pl->dated)
			continue;
		const char *name = sc_report_name(pl->rp->rec->id);
		const char *type = sc_rtype_name(pl->type);
		char f[11], t[11];
		ymd_str(pl->from, f);
		ymd_str(pl->to, t);
		if (ymd_cmp(pl->to, dl) <= 0) {
			note_add(m, sc_xasprintf("The %s %s report, expected by %s, "
			                         "fits before your deadline (%s).",
			                         name, type, t, m->deadline));
			continue;
		}
		sc_buf_printf(&r->b, "The %s %s report is expected between %s and "
		                     "%s, %s your deadline (%s). Tell whoever asked "
		                     "for the report now",
		              name, type, f, t,
		              ymd_cmp(pl->from, dl) > 0 ? "after" : "possibly after",
		              m->deadline);
		/* What can be offered meanwhile: a Type I in time, a bridge
		 * letter after a past report, a readiness letter always. */
		const char *offers[3];
		char *type1 = NULL;
		size_t n = 0;
		if (pl->type == SC_TYPE2) {
			sc_buf_puts(&r->b, " and ask whether a later Type II report "
			                   "will do; meanwhile offer ");
			struct ymd t1 = add_days(r->ready, REPORT_DAYS_MAX);
			if (ymd_cmp(t1, dl) <= 0) {
				char a[11], b1[11];
				ymd_str(r->ready, a);
				ymd_str(t1, b1);
				type1 = sc_xasprintf("a Type I report as of %s (expected "
				                     "by %s)",
				                     a, b1);
				offers[n++] = type1;
			}
		} else {
			sc_buf_puts(&r->b, " and ask whether a later date will do; "
			                   "meanwhile share your readiness plan and "
			                   "offer ");
		}
		if (r->t.has_prior)
			offers[n++] = "a bridge letter for the months since your last "
			              "report's period ended";
		offers[n++] = "a readiness letter from your CPA firm";
		for (size_t k = 0; k < n; k++)
			sc_buf_printf(&r->b, "%s%s",
			              k == 0 ? "" : k + 1 == n ? " or " : ", ", offers[k]);
		sc_buf_putc(&r->b, '.');
		free(type1);
		note_add(m, sc_buf_steal(&r->b));
	}
}

/* Why a Type II window that starts after readiness does not look back. */
static void
operating_note(struct road *r)
{
	const struct timeline *t = &r->t;
	struct rp_model *m = r->m;
	if (!t->has_operating || !r->any_after)
		return;
	int n = t->operating;
	if (n < 1)
		note_add(m, sc_xstrdup(
			"Your controls are not operating yet: put them in place during "
			"readiness work, because the Type II window only starts once "
			"they run."));
	else if (t->evidence == EV_NOT_KEPT)
		note_add(m, sc_xasprintf(
			"Your controls have operated for %d month%s, but no evidence of "
			"it was kept, so those months cannot be tested: the Type II "
			"window starts when readiness work ends; keep evidence from "
			"then on.",
			n, plural(n)));
	else if (t->evidence == EV_UNKNOWN)
		note_add(m, sc_xasprintf(
			"Your controls have operated for %d month%s; if evidence of "
			"their operation was kept, ask your CPA firm whether a "
			"look-back window can cover those months.",
			n, plural(n)));
}

static void
build_roadmap(struct rp_model *m, struct ymd today)
{
	if (m->nreports == 0) {
		note_add(m, sc_xstrdup("No report is recommended now, so there is "
		                       "no audit to plan. Revisit this assessment "
		                       "when your services or your customers' "
		                       "requests change."));
		return;
	}

	struct road r = {.m = m, .today = today};
	timeline_read(m, &r.t);
	m->readiness_weeks = readiness_estimate(m, &r.b);
	r.ready = add_days(today, 7 * m->readiness_weeks);
	char now[11], ready[11];
	ymd_str(today, now);
	ymd_str(r.ready, ready);
	step_add(m,
	         m->readiness_weeks ? sc_xasprintf("%s to %s", now, ready)
	                            : sc_xasprintf("from %s", now),
	         sc_buf_steal(&r.b));


	/* Dates need every shown timeline number. */
	if (r.t.nmissing) {
		sc_buf_puts(&r.b, "We cannot date the audit yet: ");
		for (size_t i = 0; i < r.t.nmissing; i++)
			sc_buf_printf(&r.b, "%s\"%s\"",
			              i == 0                 ? ""
			              : i + 1 == r.t.nmissing ? " and "
			                                      : ", ",
			              m->q->questions[r.t.missing[i]].text);
		bool many = r.t.nmissing > 1;
		sc_buf_printf(&r.b, " %s no answer. Answer %s to see a dated plan.",
		              many ? "have" : "has", many ? "them" : "it");
		note_add(m, sc_buf_steal(&r.b));
		note_add(m, sc_xstrdup("Confirm dates with your CPA firm."));
		sc_buf_fini(&r.b);
		return;
	}

	ymd_str(r.ready, m->ready_by);
	if (m->readiness_weeks)
		bar_add(m, RP_BAR_READINESS, sc_xstrdup("Readiness work"), today,
		        r.ready);
	if (r.t.has_prior)
		r.prior_end = add_months(today, -r.t.prior);
	/* Open gaps do not move a look-back window (the recommendation's type
	 * rests on the kept evidence): they fall inside it, and the roadmap
	 * says so. */
	r.lookback_ok = r.t.evidence == EV_KEPT && r.t.has_operating &&
	                r.t.operating >= 1;

	const struct plan *soc2 = NULL;
	for (size_t i = 0; i < m->nreports; i++) {
		struct rp_report *rp = &m->reports[i];
		if (rp->rec->id == SC_SOC3) {
			/* A SOC 3 has no type of its own: it is the public summary
			 * of the SOC 2 Type II, whatever type the engine gives it. */
			sc_buf_puts(&r.b, "SOC 3: issued with the SOC 2 Type II, on "
			                  "the same period");
			if (soc2 && soc2->dated && soc2->type == SC_TYPE2) {
				char f[11], t[11];
				ymd_str(soc2->from, f);
				ymd_str(soc2->to, t);
				sc_buf_printf(&r.b, " (expected between %s and %s)", f, t);
				bar_add(m, RP_BAR_REPORT, sc_xstrdup("SOC 3 report"),
				        soc2->from, soc2->to);
			}
			sc_buf_putc(&r.b, '.');
			step_add(m, NULL, sc_buf_steal(&r.b));
			continue;
		}
		struct plan *pl = &r.plans[r.nplans++];
		pl->rp = rp;
		pl->type = rp->rec->type;
		if (rp->rec->type == SC_TYPE1)
			plan_type1(&r, rp, pl);
		else
			plan_type2(&r, rp, pl);
		if (rp->rec->id == SC_SOC2)
			soc2 = pl;
		if (pl->dated) {
			struct ymd cur;
			if (!parse_date(m->report_by, &cur) ||
			    ymd_cmp(pl->to, cur) > 0) {
				ymd_str(pl->from, m->report_from);
				ymd_str(pl->to, m->report_by);
			}
		}
	}
	operating_note(&r);
	if (r.t.has_needed)
		check_deadline(&r);
	note_add(m, sc_xstrdup("These dates are estimates; confirm dates with "
	                       "your CPA firm."));
	sc_buf_fini(&r.b);
}

/* The first date (YYYY-MM-DD) a step's "when" names, or NULL. */
static const char *
step_date(const struct rp_step *st)
{
	if (!st->when)
		return NULL;
	for (const char *p = st->when; *p; p++) {
		int k = 0;
		while (k < 10 && p[k] &&
		       (k == 4 || k == 7 ? p[k] == '-'
		                         : p[k] >= '0' && p[k] <= '9'))
			k++;
		if (k == 10)
			return p;
	}
	return NULL;
}

/* Put the roadmap in date order (a look-back window comes before the
 * readiness work that runs now), stably; a step without a date of its own
 * stays with the step before it. */
static void
sort_steps(struct rp_model *m)
{
	size_t n = m->nsteps;
	if (n < 2)
		return;
	const char **key = sc_xcalloc(n, sizeof *key);
	const char *last = "";
	for (size_t i = 0; i < n; i++) {
		const char *d = step_date(&m->steps[i]);
		key[i] = last = d ? d : last;
	}
	for (size_t i = 1; i < n; i++) {
		struct rp_step st = m->steps[i];
		const char *k = key[i];
		size_t j = i;
		while (j > 0 && strncmp(key[j - 1], k, 10) > 0) {
			m->steps[j] = m->steps[j - 1];
			key[j] = key[j - 1];
			j--;
		}
		m->steps[j] = st;
		key[j] = k;
	}
	free(key);
}

/* Bars in date order, stably (a look-back window before the readiness work
 * that runs now). */
static void
sort_bars(struct rp_model *m)
{
	for (size_t i = 1; i < m->nbars; i++) {
		struct rp_bar b = m->bars[i];
		size_t j = i;
		while (j > 0 && strcmp(m->bars[j - 1].from, b.from) > 0) {
			m->bars[j] = m->bars[j - 1];
			j--;
		}
		m->bars[j] = b;
	}
}

/* --- readiness by area ------------------------------------------------ */

static const struct {
	const char *id, *name, *prefix;
} cc_areas[] = {
	{"cc1", "Control environment", "CC1."},
	{"cc2", "Communication and information", "CC2."},
	{"cc3", "Risk assessment", "CC3."},
	{"cc4", "Monitoring activities", "CC4."},
	{"cc5", "Control activities", "CC5."},
	{"cc6", "Logical and physical access", "CC6."},
	{"cc7", "System operations", "CC7."},
	{"cc8", "Change management", "CC8."},
	{"cc9", "Risk mitigation", "CC9."},
};
#define NCC_AREAS (sizeof cc_areas / sizeof cc_areas[0])
static_assert(NCC_AREAS + SC_CAT_COUNT - 1 + 1 <= SC_AREA_MAX,
              "every area fits");

/* Does readiness item `item` have a criterion in area `area` (a prefix of
 * the common criteria, a category, or "SOC1:" for SOC 1 processing)?  Its
 * criteria are those of every gap the questionnaire raises for it. */
static bool
item_in_area(const struct sc_questionnaire *q, const char *item, int cc,
             int cat, bool soc1)
{
	for (size_t i = 0; i < q->nrules; i++) {
		const struct sc_rule *ru = &q->rules[i];
		if (!ru->readiness_item || !ru->gap ||
		    strcmp(ru->readiness_item, item) != 0)
			continue;
		bool tsc = false, objective = false;
		for (size_t k = 0; k < ru->gap->ncriteria; k++) {
			const char *c = ru->gap->criteria[k];
			int cc_cat = sc_tsc_category(c);
			if (cc >= 0 && strncmp(c, cc_areas[cc].prefix,
			                       strlen(cc_areas[cc].prefix)) == 0)
				return true;
			if (cat >= 0 && cat != SC_CAT_SECURITY && cc_cat == cat)
				return true;
			tsc |= cc_cat >= 0;
			objective |= strncmp(c, "SOC1:", 5) == 0;
		}
		/* SOC 1 business processing: items that cite SOC 1 objectives
		 * and no Trust Services criterion (approvals,
		 * reconciliations...), which no other area shows. */
		if (soc1 && objective && !tsc)
			return true;
	}
	return false;
}

static void
area_count(const struct rp_model *m, struct sc_area *a, int cc, int cat,
           bool soc1)
{
	const struct sc_result *r = m->r;
	a->score = -1;
	for (size_t i = 0; i < r->nitems; i++) {
		if (!item_in_area(m->q, r->items[i].item, cc, cat, soc1))
			continue;
		a->total++;
		switch (r->items[i].status) {
		case SC_READY_IN_PLACE: a->in_place++; break;
		case SC_READY_PARTIAL: a->partial++; break;
		case SC_READY_MISSING: a->missing++; break;
		case SC_READY_UNKNOWN:
		case SC_READY_COUNT: a->unknown++; break;
		}
	}
	if (a->total)
		/* The engine's rounding: round(100 * (in + partial/2) / n). */
		a->score = (int)((200 * a->in_place + 100 * a->partial +
		                  a->total) /
		                 (2 * a->total));
}

static void
build_areas(struct rp_model *m)
{
	const struct sc_result *r = m->r;
	if (r->nitems == 0)
		return;
	for (size_t k = 0; k < NCC_AREAS; k++) {
		struct sc_area *a = &m->areas[m->nareas++];
		a->id = cc_areas[k].id;
		a->name = cc_areas[k].name;
		area_count(m, a, (int)k, -1, false);
	}
	for (int c = SC_CAT_AVAILABILITY; c < SC_CAT_COUNT; c++) {
		if (!r->tsc[c].in_scope)
			continue;
		struct sc_area *a = &m->areas[m->nareas++];
		a->id = sc_category_id_str(c);
		a->name = sc_category_name(c);
		area_count(m, a, -1, c, false);
	}
	bool soc1 = false;
	for (size_t i = 0; i < m->nreports; i++)
		soc1 |= m->reports[i].rec->id == SC_SOC1;
	if (soc1) {
		struct sc_area *a = &m->areas[m->nareas++];
		a->id = "soc1";
		a->name = "Business processing (SOC 1)";
		area_count(m, a, -1, -1, true);
	}
}

void
rp_area_bar(const struct sc_area *a, int cells, const char *full,
            const char *empty, struct sc_buf *out)
{
	if (a->score < 0)
		return;
	int n = (a->score * cells + 50) / 100;
	for (int i = 0; i < cells; i++)
		sc_buf_puts(out, i < n ? full : empty);
}

void
sc_area_detail(const struct sc_area *a, struct sc_buf *out)
{
	if (a->total == 0) {
		sc_buf_puts(out, "no readiness item asked");
		return;
	}
	sc_buf_printf(out, "%zu of %zu in place", a->in_place, a->total);
	if (a->partial)
		sc_buf_printf(out, ", %zu partly", a->partial);
	if (a->missing)
		sc_buf_printf(out, ", %zu not in place", a->missing);
	if (a->unknown)
		sc_buf_printf(out, ", %zu not known", a->unknown);
}

static const char *const bar_kind_names[RP_BAR_COUNT] = {
	[RP_BAR_READINESS] = "readiness",
	[RP_BAR_TYPE1] = "type1_date",
	[RP_BAR_WINDOW] = "window",
	[RP_BAR_FIELDWORK] = "fieldwork",
	[RP_BAR_REPORT] = "report",
};

const char *
rp_bar_kind_name(enum rp_bar_kind k)
{
	return (unsigned)k < RP_BAR_COUNT ? bar_kind_names[k] : "";
}

void
rp_model_build(struct rp_model *m, const struct sc_questionnaire *q,
               const struct sc_answers *a, struct sc_eval *ev,
               const struct sc_report_opts *opts)
{
	memset(m, 0, sizeof *m);
	m->q = q;
	m->a = a;
	m->ev = ev;
	m->r = sc_eval_result(ev);
	const struct sc_result *r = m->r;

	struct ymd today;
	if (!opts || !parse_date(opts->date, &today))
		today = today_utc();
	ymd_str(today, m->date);

	m->has_outcome = q->noutcomes > 0;
	m->soc = q->recommends || !m->has_outcome;
	m->disclaimer = q->disclaimer ? q->disclaimer : RP_DISCLAIMER;
	if (m->soc)
		m->title = a->client && *a->client
		                   ? sc_xasprintf("SOC scoping report for %s",
		                                  a->client)
		                   : sc_xstrdup("SOC scoping report");
	else {
		/* The client's name, or the answer that gives it (a file
		 * written by hand may have only that). */
		const char *who = a->client;
		size_t cq = q->client_question;
		const struct sc_answer *v =
			cq < q->nquestions ? sc_eval_answer(ev, cq) : NULL;
		if ((!who || !*who) && v && v->type == SC_A_TEXT)
			who = v->text;
		m->title = who && *who ? sc_xasprintf("%s: %s", q->title, who)
		                       : sc_xstrdup(q->title);
	}
	struct sc_buf b = {0};
	sc_result_summary(q, r, &b);
	m->summary = sc_buf_steal(&b);
	m->completeness = sc_xasprintf("%zu of %zu applicable question%s "
	                               "answered.",
	                               r->answered, r->applicable,
	                               r->applicable == 1 ? "" : "s");

	for (size_t i = 0; i < r->nreports && i < SC_REPORT_COUNT; i++) {
		struct rp_report *rp = &m->reports[m->nreports++];
		rp->rec = &r->reports[i];
		sc_report_title(rp->rec, &b);
		rp->title = sc_buf_steal(&b);
		rp->period_months = rp->rec->period_months;
		/* A SOC 3 reports on its SOC 2 Type II's period. */
		if ((rp->rec->type == SC_TYPE2 || rp->rec->id == SC_SOC3) &&
		    rp->rec->period_months > 0)
			rp->period = sc_xasprintf("%d-month period",
			                          rp->period_months);
		else if (rp->rec->type == SC_TYPE1)
			rp->period = sc_xstrdup("as of one date");
		reasons_build(m, &rp->rec->reasons, &rp->reasons);
	}
	reasons_build(m, &r->none, &m->none);
	reasons_build(m, &r->deferred, &m->deferred);
	reasons_build(m, &r->next_steps, &m->next_steps);
	for (int c = 0; c < SC_CAT_COUNT; c++)
		reasons_build(m, &r->tsc[c].reasons, &m->tsc[c]);
	for (size_t i = 0; i < r->nframeworks && i < SC_FW_COUNT; i++)
		reasons_build(m, &r->frameworks[i].reasons, &m->frameworks[i]);
	m->gaps = r->ngaps ? sc_xcalloc(r->ngaps, sizeof *m->gaps) : NULL;
	for (size_t i = 0; i < r->ngaps; i++) {
		struct rp_gap *g = &m->gaps[m->ngaps++];
		g->rec = &r->gaps[i];
		g->advice = filled(m, g->rec->def ? g->rec->def->advice : NULL,
		                   &g->own_advice);
		reasons_build(m, &g->rec->reasons, &g->reasons);
		gap_deps(g);
		if (g->rec->def && g->rec->def->followup)
			m->nconfirm++;
		else if (g->rec->priority == SC_PRIO_HIGH)
			m->nhigh++;
	}

	if (r->nitems > 0) {
		sc_buf_printf(&b, "Readiness score: %d out of 100 (%zu of %zu "
		              "item%s in place",
		              r->score, r->in_place, r->nitems,
		              r->nitems == 1 ? "" : "s");
		if (r->partial)
			sc_buf_printf(&b, ", %zu partly in place and counted as half",
			              r->partial);
		if (r->missing)
			sc_buf_printf(&b, ", %zu not in place", r->missing);
		if (r->unknown)
			sc_buf_printf(&b, ", %zu not known yet", r->unknown);
		sc_buf_puts(&b, ").");
		m->readiness = sc_buf_steal(&b);
	} else {
		/* No score, but the gaps found elsewhere still stand. */
		sc_buf_puts(&b, "Readiness score: none, because the readiness "
		                "checklist was not asked (no readiness item was "
		                "counted).");
		if (m->ngaps)
			sc_buf_puts(&b, " The gaps and answers to confirm below come "
			                "from your other answers.");
		m->readiness = sc_buf_steal(&b);
	}

	/* Without the SOC sections there is no report to plan or summarize;
	 * the outcome's part says what there is. */
	if (m->soc) {
		build_exec(m);
		build_roadmap(m, today);
	}
	sort_steps(m);
	sort_bars(m);
	build_areas(m);
	rp_outcome_build(m);
	sc_buf_fini(&b);
}

void
rp_model_fini(struct rp_model *m)
{
	free(m->title);
	free(m->summary);
	free(m->completeness);
	for (size_t i = 0; i < m->nexec; i++)
		free(m->exec[i]);
	free(m->exec);
	for (size_t i = 0; i < m->nreports; i++) {
		free(m->reports[i].title);
		free(m->reports[i].period);
		reasons_fini(&m->reports[i].reasons);
	}
	reasons_fini(&m->none);
	reasons_fini(&m->deferred);
	reasons_fini(&m->next_steps);
	for (int c = 0; c < SC_CAT_COUNT; c++)
		reasons_fini(&m->tsc[c]);
	for (int i = 0; i < SC_FW_COUNT; i++)
		reasons_fini(&m->frameworks[i]);
	for (size_t i = 0; i < m->ngaps; i++) {
		reasons_fini(&m->gaps[i].reasons);
		deps_fini(m->gaps[i].deps, m->gaps[i].ndeps);
		free(m->gaps[i].own_advice);
	}
	free(m->gaps);
	free(m->readiness);
	for (size_t i = 0; i < m->nsteps; i++) {
		free(m->steps[i].when);
		free(m->steps[i].what);
	}
	free(m->steps);
	for (size_t i = 0; i < m->nroad_notes; i++)
		free(m->road_notes[i]);
	free(m->road_notes);
	for (size_t i = 0; i < m->nbars; i++)
		free(m->bars[i].label);
	free(m->bars);
	rp_evidence_fini(&m->evidence);
	rp_outcome_fini(m);
	memset(m, 0, sizeof *m);
}

size_t
sc_report_areas(const struct sc_questionnaire *q, const struct sc_answers *a,
                struct sc_eval *ev, struct sc_area out[SC_AREA_MAX])
{
	struct rp_model m;
	rp_model_build(&m, q, a, ev, NULL);
	size_t n = m.nareas;
	memcpy(out, m.areas, n * sizeof *out);
	rp_model_fini(&m);
	return n;
}
