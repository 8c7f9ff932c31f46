/* The report model: every sentence of the report is composed here once, so
 * the five exporters say the same thing and differ only in layout.
 *
 * The roadmap dates are a rule of thumb, stated as such in the report:
 *  - readiness work starts on the report date and takes about 3 months when
 *    any gap is high priority, 1 month when there are only other gaps, and
 *    none when no gap was found;
 *  - a Type I report is "as of" the end of readiness work;
 *  - a Type II window starts at the end of readiness work and lasts the
 *    suggested period (ending the day before the same date P months on);
 *  - the deadline (needed_in_months after the report date) is checked
 *    against those dates.
 * When a timeline question of the questionnaire is unanswered no date is
 * given at all: the report says which answer is missing instead. */
#include "report_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


static const char *const format_ids[SC_FMT_COUNT] = {
	"text", "markdown", "html", "json", "csv",
};
static const char *const format_exts[SC_FMT_COUNT] = {
	"txt", "md", "html", "json", "csv",
};

int
sc_format_find(const char *name)
{
	if (!name)
		return -1;
	for (int i = 0; i < SC_FMT_COUNT; i++)
		if (strcmp(name, format_ids[i]) == 0)
			return i;
	return -1;
}

const char *
sc_format_id_str(enum sc_format f)
{
	return (unsigned)f < SC_FMT_COUNT ? format_ids[f] : "";
}

const char *
sc_format_ext(enum sc_format f)
{
	return (unsigned)f < SC_FMT_COUNT ? format_exts[f] : "";
}

static const char *const headings[RP_H_COUNT] = {
	[RP_H_SUMMARY] = "Executive summary",
	[RP_H_RECOMMENDATION] = "Recommendation",
	[RP_H_TSC] = "Trust Services categories",
	[RP_H_ROADMAP] = "Roadmap",
	[RP_H_FRAMEWORKS] = "Related frameworks",
	[RP_H_GAPS] = "Readiness gaps",
	[RP_H_APPENDIX] = "Appendix: your answers",
	[RP_H_ABOUT] = "About this report",
};

const char *
rp_heading(enum rp_heading h)
{
	return (unsigned)h < RP_H_COUNT ? headings[h] : "";
}

/* --- UTF-8 ------------------------------------------------------------ */

/* Length of a valid UTF-8 sequence at s (1 to 4), or 0 when invalid
 * (overlong forms, surrogates and code points past U+10FFFF included). */
static size_t
utf8_valid_len(const unsigned char *s)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
		unsigned char hi = c == 0xED ? 0x9F : 0xBF;
		if (s[1] < lo || s[1] > hi || (s[2] & 0xC0) != 0x80)
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
		unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
		if (s[1] < lo || s[1] > hi || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		return 4;
	}
	return 0;
}

uint32_t
rp_utf8_next(const char **sp)
{
	const unsigned char *s = (const unsigned char *)*sp;
	size_t n = utf8_valid_len(s);
	uint32_t cp;
	switch (n) {
	case 1: cp = s[0]; break;
	case 2: cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F); break;
	case 3:
		cp = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
		     (s[2] & 0x3F);
		break;
	case 4:
		cp = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
		     (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
		break;
	default: cp = 0xFFFD; n = 1; break;
	}
	*sp += n;
	return cp;
}

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

const char *
rp_clean(const char *s, struct sc_buf *out)
{
	sc_buf_reset(out);
	sc_buf_add(out, "", 0);
	if (!s)
		return sc_buf_str(out);
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = utf8_valid_len(p);
		if (n == 0) {
			sc_buf_puts(out, replacement);
			p++;
			continue;
		}
		if (n == 1) {
			unsigned char c = *p++;
			if (c == '\r') {
				if (*p == '\n')
					p++;
				sc_buf_putc(out, '\n');
			} else if (c == '\t') {
				sc_buf_putc(out, ' ');
			} else if (c == '\n' || (c >= 0x20 && c != 0x7F)) {
				sc_buf_putc(out, (char)c);
			} else {
				sc_buf_puts(out, replacement);
			}
			continue;
		}
		/* C1 controls are U+0080..U+009F: C2 80 .. C2 9F. */
		if (n == 2 && p[0] == 0xC2 && p[1] <= 0x9F)
			sc_buf_puts(out, replacement);
		else
			sc_buf_add(out, p, n);
		p += n;
	}
	return sc_buf_str(out);
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

/* The same day `months` later, clamped to the end of a shorter month. */
static struct ymd
add_months(struct ymd t, int months)
{
	int m0 = t.m - 1 + months;
	t.y += m0 / 12;
	t.m = m0 % 12 + 1;
	int dim = days_in_month(t.y, t.m);
	if (t.d > dim)
		t.d = dim;
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
	/* Digit by digit: years past 9999 cannot come from a parsed date plus
	 * a few months, and this keeps -Wformat-truncation quiet. */
	unsigned y = (unsigned)t.y % 10000, mo = (unsigned)t.m % 100,
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
	for (size_t i = 0; i < rs->n; i++)
		deps_fini(rs->v[i].deps, rs->v[i].ndeps);
	free(rs->v);
	rs->v = NULL;
	rs->n = 0;
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
			sc_buf_printf(&b, "Your readiness score is %d out of 100",
			              r->score);
		else
			sc_buf_puts(&b, "No readiness item has been assessed yet");
		if (m->nhigh == 0)
			sc_buf_puts(&b, ", with no high-priority gap.");
		else
			sc_buf_printf(&b, ", with %zu high-priority gap%s to close "
			              "first.",
			              m->nhigh, m->nhigh == 1 ? "" : "s");
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

/* The number a timeline question holds, or false when it has none. */
static bool
timeline_value(const struct rp_model *m, size_t qi, double *v, bool *configured)
{
	/* A question the interview skipped cannot be asked for: it counts as
	 * not configured rather than missing. */
	*configured = qi != SIZE_MAX && qi < m->q->nquestions &&
	              sc_eval_visible(m->ev, qi);
	if (!*configured)
		return false;
	const struct sc_answer *a = sc_eval_answer(m->ev, qi);
	if (!a || a->type != SC_A_NUMBER)
		return false;
	*v = a->num;
	return true;
}

static void
note_add(struct rp_model *m, char *s)
{
	list_add(&m->road_notes, &m->nroad_notes, s);
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

	double needed = 0, operating = 0;
	bool need_cfg, op_cfg;
	bool has_needed = timeline_value(m, m->q->timeline.needed_in_months,
	                                 &needed, &need_cfg);
	bool has_operating = timeline_value(m, m->q->timeline.operating_months,
	                                    &operating, &op_cfg);

	struct sc_buf b = {0};
	int months = m->nhigh > 0 ? 3 : m->ngaps > 0 ? 1 : 0;
	struct ymd ready = add_months(today, months);
	char now[11];
	ymd_str(today, now);

	if (months > 0) {
		sc_buf_printf(&b,
		              "Readiness work: close the gaps listed below (about "
		              "%d month%s, estimated from the %zu gap%s found",
		              months, months == 1 ? "" : "s", m->ngaps,
		              m->ngaps == 1 ? "" : "s");
		if (m->nhigh)
			sc_buf_printf(&b, ", %zu of them high priority", m->nhigh);
		sc_buf_puts(&b, ").");
	} else
		sc_buf_puts(&b, "Readiness work: no gap was found; have a "
		                "readiness review confirm it before the audit.");
	step_add(m, sc_xasprintf("from %s", now), sc_buf_steal(&b));

	/* Dates need every timeline question the questionnaire names. */
	bool missing = (need_cfg && !has_needed) || (op_cfg && !has_operating);
	if (missing) {
		sc_buf_puts(&b, "We cannot date the audit yet: ");
		bool first = true;
		size_t qs[2] = {m->q->timeline.needed_in_months,
		                m->q->timeline.operating_months};
		bool miss[2] = {need_cfg && !has_needed, op_cfg && !has_operating};
		for (int i = 0; i < 2; i++) {
			if (!miss[i])
				continue;
			sc_buf_printf(&b, "%s\"%s\"", first ? "" : " and ",
			              m->q->questions[qs[i]].text);
			first = false;
		}
		sc_buf_printf(&b, " %s no answer. Answer %s to see a dated plan.",
		              miss[0] && miss[1] ? "have" : "has",
		              miss[0] && miss[1] ? "them" : "it");
		note_add(m, sc_buf_steal(&b));
		note_add(m, sc_xstrdup("Confirm dates with your CPA firm."));
		sc_buf_fini(&b);
		return;
	}

	ymd_str(ready, m->ready_by);
	struct ymd latest_type2_end = {0, 0, 0};
	bool type1 = false, type2 = false;
	/* The roadmap's window is the one that ends last. */
	for (size_t i = 0; i < m->nreports; i++) {
		const struct rp_report *rp = &m->reports[i];
		const struct sc_report_rec *rec = rp->rec;
		const char *name = sc_report_name(rec->id);
		if (rec->id == SC_SOC3) {
			/* It has no type of its own: name none. */
			step_add(m, NULL,
			         sc_xstrdup("SOC 3: issued with the SOC 2 Type II "
			                    "report, for the same period."));
			continue;
		}
		if (rec->type == SC_TYPE1) {
			type1 = true;
			ymd_str(ready, m->type1_as_of);
			step_add(m, sc_xasprintf("as of %s", m->type1_as_of),
			         sc_xasprintf("%s Type I: your CPA firm examines the "
			                      "design of your controls as of this date "
			                      "(the earliest date once readiness work "
			                      "is done).",
			                      name));
			continue;
		}
		type2 = true;
		if (rec->period_months <= 0) {
			step_add(m, sc_xasprintf("from %s", m->ready_by),
			         sc_xasprintf("%s Type II: the observation window starts "
			                      "once readiness work is done; agree its "
			                      "length with your CPA firm (often 6 to 12 "
			                      "months, 3 to 6 for a first report).",
			                      name));
			continue;
		}
		struct ymd end = prev_day(add_months(ready, rec->period_months));
		if (latest_type2_end.y == 0 || ymd_cmp(end, latest_type2_end) > 0) {
			latest_type2_end = end;
			ymd_str(ready, m->window_start);
			ymd_str(end, m->window_end);
			m->window_months = rec->period_months;
		}
		char s[11], e[11];
		ymd_str(ready, s);
		ymd_str(end, e);
		step_add(m, sc_xasprintf("%s to %s", s, e),
		         sc_xasprintf("%s Type II: the %d-month window in which your "
		                      "controls must operate and keep evidence; the "
		                      "report follows the CPA firm's fieldwork after "
		                      "the window ends.",
		                      name, rec->period_months));
	}

	if (has_operating && type2) {
		if (operating >= 1)
			note_add(m, sc_xasprintf(
				"Your controls have operated for %g month%s; a Type II "
				"window counts only operation your CPA firm can test "
				"with evidence from within the window.",
				operating, operating == 1 ? "" : "s"));
		else
			note_add(m, sc_xstrdup(
				"Your controls are not operating yet: put them in place "
				"during readiness work, because the Type II window only "
				"starts once they run."));
	}

	if (has_needed) {
		struct ymd dl = add_months(today, (int)(needed < 0 ? 0 : needed));
		ymd_str(dl, m->deadline);
		if (type1 && ymd_cmp(ready, dl) > 0)
			note_add(m, sc_xasprintf(
				"Your deadline (%s) is before readiness work can end "
				"(%s): even a Type I report is at risk; tell the customer "
				"who asked and share your readiness plan meanwhile.",
				m->deadline, m->ready_by));
		bool late = type1 && ymd_cmp(ready, dl) > 0;
		for (size_t i = 0; i < m->nreports; i++) {
			const struct sc_report_rec *rec = m->reports[i].rec;
			if (rec->id == SC_SOC3 || rec->type != SC_TYPE2 ||
			    rec->period_months <= 0)
				continue;
			struct ymd end =
				prev_day(add_months(ready, rec->period_months));
			if (ymd_cmp(end, dl) <= 0)
				continue;
			char e[11];
			ymd_str(end, e);
			note_add(m, sc_xasprintf(
				"Your deadline (%s) is before the %s Type II window can "
				"end (%s): consider a Type I report first, a shorter "
				"first window agreed with your CPA firm, or ask the "
				"customer whether a later Type II report will do.",
				m->deadline, sc_report_name(rec->id), e));
			late = true;
		}
		if (!late)
			note_add(m, sc_xasprintf("Your deadline (%s) leaves room for "
			                         "this plan.",
			                         m->deadline));
	}
	note_add(m, sc_xstrdup("These dates are estimates; confirm dates with "
	                       "your CPA firm."));
	sc_buf_fini(&b);
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

	m->title = a->client && *a->client
	                   ? sc_xasprintf("SOC scoping report for %s", a->client)
	                   : sc_xstrdup("SOC scoping report");
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
		/* A SOC 3 reports on its SOC 2 Type II's period. */
		if ((rp->rec->type == SC_TYPE2 || rp->rec->id == SC_SOC3) &&
		    rp->rec->period_months > 0)
			rp->period = sc_xasprintf("%d-month period",
			                          rp->rec->period_months);
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
		reasons_build(m, &g->rec->reasons, &g->reasons);
		gap_deps(g);
		if (g->rec->priority == SC_PRIO_HIGH)
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
	} else
		m->readiness = sc_xstrdup("Readiness score: not assessed (no "
		                          "readiness item was answered).");

	build_exec(m);
	build_roadmap(m, today);
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
	memset(m, 0, sizeof *m);
}

void
sc_report_render(const struct sc_questionnaire *q, const struct sc_answers *a,
                 struct sc_eval *ev, enum sc_format fmt,
                 const struct sc_report_opts *opts, struct sc_buf *out)
{
	struct rp_model m;
	rp_model_build(&m, q, a, ev, opts);
	switch (fmt) {
	case SC_FMT_TEXT:
		rp_render_text(&m, opts && opts->width > 0 ? opts->width : 80, out);
		break;
	case SC_FMT_MARKDOWN: rp_render_markdown(&m, out); break;
	case SC_FMT_HTML: rp_render_html(&m, out); break;
	case SC_FMT_JSON: rp_render_json(&m, out); break;
	case SC_FMT_CSV: rp_render_csv(&m, out); break;
	case SC_FMT_COUNT: break;
	}
	rp_model_fini(&m);
}
