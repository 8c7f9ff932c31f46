/* The text report: plain ASCII structure for a terminal or a pager, wrapped
 * to a width counted in terminal columns (CJK characters take two) by the
 * writers' text tool (report_write.c).  The reading path is the memo's
 * (report_markdown.c says how). */
#include "report_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "report_write.h"

struct tw {
	struct sc_buf *out;
	int width;
	struct rp_text *x;
};

static void
wrap(struct tw *t, const char *first, const char *rest, const char *text)
{
	rp_text_wrap(t->x, first, rest, text);
}

static void
blank(struct tw *t)
{
	sc_buf_putc(t->out, '\n');
}

static void
underline(struct tw *t, const char *title, char c)
{
	rp_text_underline(t->x, title, c);
}

static void
heading_titled(struct tw *t, const char *s)
{
	blank(t);
	char up[64];
	size_t i = 0;
	for (; s[i] && i < sizeof up - 1; i++)
		up[i] = (char)((s[i] >= 'a' && s[i] <= 'z') ? s[i] - 32 : s[i]);
	up[i] = '\0';
	underline(t, up, '-');
}

static void
heading(struct tw *t, enum rp_heading h)
{
	heading_titled(t, rp_heading(h));
}

/* "Label:" then the value with a hanging indent. */
static void
field(struct tw *t, const char *label, const char *value)
{
	char first[32];
	snprintf(first, sizeof first, "%-16s", label);
	wrap(t, first, "                ", value);
}

/* The text, then what it rests on, wrapped as one. */
static void
marked(struct tw *t, const struct rp_model *m, const char *first,
       const char *rest, const char *text, const size_t *idx, size_t n)
{
	struct sc_buf b = {0};
	sc_buf_puts(&b, text);
	if (n) {
		sc_buf_putc(&b, ' ');
		rp_memo_assumed(m, idx, n, &b);
	}
	wrap(t, first, rest, sc_buf_str(&b));
	sc_buf_fini(&b);
}

static void
reasons(struct tw *t, const struct rp_model *m, const struct rp_reasons *rs,
        const char *indent)
{
	char first[64], rest[64];
	snprintf(first, sizeof first, "%s- ", indent);
	snprintf(rest, sizeof rest, "%s  ", indent);
	for (size_t i = 0; i < rs->n; i++)
		marked(t, m, first, rest, rs->v[i].text, rs->v[i].assumed,
		       rs->v[i].nassumed);
}

static void
header(struct tw *t, const struct rp_model *m)
{
	const struct sc_answers *a = m->a;
	const struct sc_questionnaire *q = m->q;
	underline(t, m->title, '=');
	blank(t);
	/* The questionnaire's own header lines name the client, if it has
	 * them. */
	if (a->client && *a->client && !q->nheader)
		field(t, "Client:", a->client);
	struct sc_buf lb = {0};
	for (size_t i = 0; i < m->nfields; i++) {
		sc_buf_reset(&lb);
		sc_buf_printf(&lb, "%s:", m->fields[i].label);
		field(t, sc_buf_str(&lb), m->fields[i].text);
	}
	sc_buf_fini(&lb);
	if (m->prepared_by)
		field(t, "Prepared by:", m->prepared_by);
	field(t, "Date:", m->date);
	struct sc_buf b = {0};
	sc_buf_printf(&b, "%s, version %s", q->title, q->version);
	field(t, "Questionnaire:", sc_buf_str(&b));
	sc_buf_fini(&b);
	field(t, "Completeness:", m->completeness);
	if (m->r->nunanswered > 0) {
		wrap(t, "", "", "Required questions still open:");
		for (size_t i = 0; i < m->r->nunanswered; i++)
			wrap(t, "  - ", "    ",
			     q->questions[m->r->unanswered[i]].text);
	}
}

static void
list(struct tw *t, const char *label, char *const *v, size_t n,
     bool numbered)
{
	if (!n)
		return;
	blank(t);
	wrap(t, "", "", label);
	char first[32];
	for (size_t i = 0; i < n; i++) {
		if (numbered)
			snprintf(first, sizeof first, "  %zu. ", i + 1);
		wrap(t, numbered ? first : "  - ", numbered ? "     " : "    ",
		     v[i]);
	}
}

static void
para(struct tw *t, const char *text)
{
	if (!text)
		return;
	blank(t);
	wrap(t, "", "", text);
}

static void
labelled(struct tw *t, const char *label, const char *text)
{
	struct sc_buf b = {0};
	sc_buf_printf(&b, "%s %s", label, text);
	para(t, sc_buf_str(&b));
	sc_buf_fini(&b);
}

static void
summary(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_SUMMARY);
	if (!m->soc) {
		struct sc_buf b = {0};
		for (size_t i = 0; i < m->nexec; i++)
			sc_buf_printf(&b, "%s%s", i ? " " : "", m->exec[i]);
		wrap(t, "", "", sc_buf_str(&b));
		sc_buf_fini(&b);
		return;
	}
	wrap(t, "", "", m->ex_lead);
	list(t, "What to agree with your CPA firm:", m->decision, m->ndecision,
	     false);
	para(t, m->ex_dates);
	if (m->ex_risk)
		labelled(t, "DEADLINE AT RISK:", m->ex_risk);
	if (m->truthful)
		labelled(t, "Asked about SOC 2?", m->truthful);
	list(t, "Do first:", m->first, m->nfirst, true);
	list(t, "Decisions for you:", m->decide, m->ndecide, false);
	para(t, m->ex_ready);
	para(t, m->ex_open);
}

/* The body's word on the assumptions: how many, where they are marked
 * and listed. */
static void
assumptions(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_ASSUMPTIONS);
	char *sum = rp_memo_assumptions_summary(m);
	wrap(t, "", "", sum);
	free(sum);
	char *more = m->nunlisted < m->nassumptions ? rp_memo_unlisted(m) : NULL;
	if (more) {
		blank(t);
		wrap(t, "", "", more);
	}
	free(more);
}

/* The appendix that lists them. */
static void
assumptions_list(struct tw *t, const struct rp_model *m)
{
	if (m->nunlisted >= m->nassumptions)
		return;
	heading_titled(t, rp_title(m, RP_H_ASSUMPTIONS));
	wrap(t, "", "", RP_ASSUMPTIONS_INTRO);
	struct sc_buf b = {0};
	for (size_t i = 0; i < m->nassumptions; i++) {
		const struct rp_assumption *as = &m->assumptions[i];
		if (!as->num)
			continue;
		blank(t);
		sc_buf_reset(&b);
		sc_buf_printf(&b, "A%zu (%s): %s", as->num, rp_assumption_kind(as),
		              m->q->questions[as->question].text);
		wrap(t, "", "    ", sc_buf_str(&b));
		sc_buf_reset(&b);
		sc_buf_printf(&b, "Answer: %s%s%s",
		              as->answer ? as->answer : RP_NO_ANSWER,
		              rp_stop(as->answer ? as->answer : RP_NO_ANSWER),
		              as->shown ? ""
		                        : " The final answers no longer ask this "
		                          "question.");
		wrap(t, "    ", "    ", sc_buf_str(&b));
		if (as->note) {
			sc_buf_reset(&b);
			sc_buf_printf(&b, "Note: %s", as->note);
			wrap(t, "    ", "    ", sc_buf_str(&b));
		}
		sc_buf_reset(&b);
		sc_buf_puts(&b, "Conclusions resting on it: ");
		for (size_t k = 0; k < as->nrests; k++)
			sc_buf_printf(&b, "%s%s", k ? "; " : "", as->rests[k]);
		sc_buf_putc(&b, '.');
		wrap(t, "    ", "    ", sc_buf_str(&b));
	}
	sc_buf_fini(&b);
}

static void
recommendation(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_RECOMMENDATION);
	if (m->nreports == 0) {
		wrap(t, "", "", m->none.n ? "No SOC report is recommended now, "
		                            "because:"
		                          : "No SOC report is recommended now.");
		reasons(t, m, &m->none, "  ");
	}
	for (size_t i = 0; i < m->nreports; i++) {
		const struct rp_report *rp = &m->reports[i];
		struct sc_buf b = {0};
		sc_buf_puts(&b, rp->title);
		if (rp->period)
			sc_buf_printf(&b, ", %s", rp->period);
		if (i)
			blank(t);
		wrap(t, "* ", "  ", sc_buf_str(&b));
		sc_buf_fini(&b);
		reasons(t, m, &rp->reasons, "  ");
		if (rp->plan_note)
			wrap(t, "  ", "  ", rp->plan_note);
	}
	if (m->deferred.n) {
		blank(t);
		wrap(t, "", "", "Later: SOC 3. " RP_DEFERRED);
		reasons(t, m, &m->deferred, "  ");
	}
}

static void
scope(struct tw *t, const struct rp_model *m)
{
	bool any = m->nscope > 0;
	for (int k = 0; k < SC_SCOPE_KINDS; k++)
		any = any || m->proposals[k].n > 0;
	if (!any)
		return;
	heading(t, RP_H_SCOPE);
	wrap(t, "", "", RP_SCOPE_INTRO(m));
	struct sc_buf b = {0};
	if (m->nscope) {
		blank(t);
		wrap(t, "", "", "System boundary:");
		if (m->scope_quoted)
			wrap(t, "", "", RP_BOUNDARY_INTRO);
		for (size_t i = 0; i < m->nscope; i++) {
			const struct rp_scope_line *l = &m->scope[i];
			sc_buf_reset(&b);
			sc_buf_printf(&b, "%s: %s", l->label, RP_SCOPE_LINE(l));
			marked(t, m, "  - ", "    ", sc_buf_str(&b), &l->assumed,
			       l->assumed != SIZE_MAX ? 1 : 0);
		}
	}
	char first[32];
	for (int k = 0; k < SC_SCOPE_KINDS; k++) {
		const struct rp_scope_items *it = &m->proposals[k];
		if (!it->n)
			continue;
		blank(t);
		sc_buf_reset(&b);
		sc_buf_printf(&b, "%s:", rp_scope_kind_title((enum sc_scope_kind)k));
		wrap(t, "", "", sc_buf_str(&b));
		if (it->intro)
			wrap(t, "  ", "  ", it->intro);
		for (size_t i = 0; i < it->n; i++) {
			snprintf(first, sizeof first, "  %zu. ", i + 1);
			marked(t, m, first, "     ", it->v[i].text, it->v[i].assumed,
			       it->v[i].nassumed);
		}
	}
	sc_buf_fini(&b);
}

static void
tsc(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_TSC);
	for (int c = 0; c < SC_CAT_COUNT; c++) {
		struct sc_buf b = {0};
		sc_buf_printf(&b, "%s: %s", sc_category_name(c),
		              rp_tsc_status(m, c));
		wrap(t, "* ", "  ", sc_buf_str(&b));
		sc_buf_fini(&b);
		const char *why = rp_tsc_default_reason(m, c);
		if (why)
			wrap(t, "  - ", "    ", why);
		reasons(t, m, &m->tsc[c], "  ");
	}
}

static void
roadmap(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_ROADMAP);
	struct sc_buf b = {0};
	for (size_t i = 0; i < m->nsteps; i++) {
		if (m->steps[i].head) {
			if (i > 0)
				blank(t);
			wrap(t, "", "", m->steps[i].what);
			continue;
		}
		sc_buf_reset(&b);
		if (m->steps[i].when)
			sc_buf_printf(&b, "%s: ", m->steps[i].when);
		sc_buf_puts(&b, m->steps[i].what);
		wrap(t, "* ", "  ", sc_buf_str(&b));
	}
	if (m->nsteps && m->nroad_notes)
		blank(t);
	for (size_t i = 0; i < m->nroad_notes; i++)
		wrap(t, "", "", m->road_notes[i]);
	sc_buf_fini(&b);
}

static void
frameworks(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_FRAMEWORKS);
	if (m->r->nframeworks == 0)
		wrap(t, "", "", "None flagged by your answers.");
	for (size_t i = 0; i < m->r->nframeworks; i++) {
		wrap(t, "* ", "  ", sc_framework_name(m->r->frameworks[i].id));
		reasons(t, m, &m->frameworks[i], "  ");
	}
}

/* Readiness by area as a short bar table: one line per area when it fits,
 * else the area's name above its bar. */
static void
areas(struct tw *t, const struct rp_model *m)
{
	if (m->nareas == 0)
		return;
	blank(t);
	wrap(t, "", "", "Readiness by area (# in place, . not yet):");
	bool wide = t->width >= 72;
	struct sc_buf b = {0}, bar = {0}, first = {0};
	for (size_t i = 0; i < m->nareas; i++) {
		const struct sc_area *a = &m->areas[i];
		sc_buf_reset(&bar);
		rp_area_bar(a, 10, "#", ".", &bar);
		sc_buf_reset(&first);
		if (wide)
			sc_buf_printf(&first, "  %-30s", a->name);
		else
			wrap(t, "  ", "    ", a->name);
		if (a->score >= 0)
			sc_buf_printf(&first, "%s[%s] %3d%%  ", wide ? "" : "    ",
			              sc_buf_str(&bar), a->score);
		else
			sc_buf_printf(&first, "%s%-18s", wide ? "" : "    ",
			              "not assessed");
		sc_buf_reset(&b);
		sc_area_detail(a, &b);
		char rest[64];
		snprintf(rest, sizeof rest, "%*s", wide ? (int)first.len : 6, "");
		wrap(t, sc_buf_str(&first), rest, sc_buf_str(&b));
	}
	sc_buf_fini(&b);
	sc_buf_fini(&bar);
	sc_buf_fini(&first);
}

/* "J. Doe, due 2027-01-31", or that neither is set. */
static void
owner_due(const struct rp_gap *g, struct sc_buf *b)
{
	if (!g->owner && !*g->due)
		sc_buf_puts(b, "not set yet");
	if (g->owner)
		sc_buf_puts(b, g->owner);
	if (*g->due)
		sc_buf_printf(b, "%sdue %s", g->owner ? ", " : "", g->due);
}

/* The gaps by priority with what to do: every gap in the SOC layout's
 * guide (an appendix; follow-ups marked as answers to confirm), or only
 * those of one kind in the outcome's layout, where follow-ups and the
 * reader's own gaps are lists of their own in the body, with their owners
 * and what they rest on. */
static void
gap_list(struct tw *t, const struct rp_model *m, bool soc, bool followups)
{
	struct sc_buf b = {0};
	char name[128];
	for (int p = 0; p < SC_PRIO_COUNT; p++) {
		bool any = false;
		for (size_t i = 0; i < m->ngaps; i++) {
			const struct rp_gap *g = &m->gaps[i];
			const struct sc_gap_def *d = g->rec->def;
			if ((int)g->rec->priority != p ||
			    (!soc && d->followup != followups))
				continue;
			if (!any) {
				blank(t);
				sc_buf_reset(&b);
				sc_buf_printf(&b, "%s priority", sc_priority_name(p));
				wrap(t, "", "", sc_buf_str(&b));
				any = true;
			}
			sc_buf_reset(&b);
			sc_buf_printf(&b, "%s%s",
			              soc && rp_gap_marked_confirm(g) ? "[Confirm] " : "",
			              d->title);
			wrap(t, "  * ", "    ", sc_buf_str(&b));
			if (!soc) {
				sc_buf_reset(&b);
				owner_due(g, &b);
				wrap(t, "    Owner, due: ", "      ", sc_buf_str(&b));
			}
			for (size_t k = 0; k < g->rec->ncriteria; k++) {
				const char *ref = g->rec->criteria[k];
				const char *n = sc_criteria_name(ref, name, sizeof name);
				sc_buf_reset(&b);
				if (sc_criteria_soc1(ref) && n)
					sc_buf_puts(&b, n);
				else
					sc_buf_printf(&b, "%s (%s)", ref, n ? n : "");
				wrap(t, k ? "              " : "    Criteria: ",
				     "                ", sc_buf_str(&b));
			}
			const char *said = rp_gap_said(m, g);
			if (said) {
				sc_buf_reset(&b);
				sc_buf_printf(&b, "\u201c%s\u201d", said);
				wrap(t, "    In the interview: ", "      ",
				     sc_buf_str(&b));
			}
			wrap(t, "    Advice: ", "      ", g->advice);
			if (soc && d->followup)
				wrap(t, "    ", "    ",
				     "This is a follow-up: your answers leave this open, "
				     "so confirm it rather than assume either way.");
			if (!soc && g->nassumed) {
				sc_buf_reset(&b);
				rp_memo_assumed(m, g->assumed, g->nassumed, &b);
				wrap(t, "    ", "    ", sc_buf_str(&b));
			}
		}
	}
	sc_buf_fini(&b);
}

/* The gaps as a work plan: each with its priority, criteria, owner and due
 * date, and what it rests on; what to do about each is an appendix. */
static void
gaps(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_GAPS);
	wrap(t, "", "", m->readiness);
	blank(t);
	if (m->ngaps == 0) {
		wrap(t, "", "", m->no_gap);
		areas(t, m);
		return;
	}
	struct sc_buf b = {0};
	sc_buf_printf(&b, "What to do about each is in %s.",
	              rp_title(m, RP_H_GUIDE));
	if (m->nconfirm)
		sc_buf_puts(&b, " [Confirm] marks a follow-up: your answers leave it "
		                "open, so confirm it rather than assume either way.");
	wrap(t, "", "", sc_buf_str(&b));
	for (size_t i = 0; i < m->ngaps; i++) {
		const struct rp_gap *g = &m->gaps[i];
		sc_buf_reset(&b);
		sc_buf_printf(&b, "[%s] %s%s", sc_priority_id_str(g->rec->priority),
		              rp_gap_marked_confirm(g) ? "[Confirm] " : "",
		              g->rec->def->title);
		wrap(t, "  * ", "    ", sc_buf_str(&b));
		sc_buf_reset(&b);
		char lb[96];
		if (g->rec->ncriteria)
			sc_buf_puts(&b, "Criteria: ");
		for (size_t k = 0; k < g->rec->ncriteria; k++)
			sc_buf_printf(&b, "%s%s", k ? ", " : "",
			              sc_criteria_label(g->rec->criteria[k], lb,
			                                sizeof lb));
		sc_buf_puts(&b, g->rec->ncriteria ? ". Owner, due: " : "Owner, due: ");
		owner_due(g, &b);
		sc_buf_putc(&b, '.');
		marked(t, m, "    ", "    ", sc_buf_str(&b), g->assumed, g->nassumed);
	}
	sc_buf_fini(&b);
	areas(t, m);
}

static void
guide(struct tw *t, const struct rp_model *m)
{
	if (!rp_has_guide(m))
		return;
	heading_titled(t, rp_title(m, RP_H_GUIDE));
	wrap(t, "", "", RP_GUIDE_INTRO);
	gap_list(t, m, true, false);
}

static void
next_steps(struct tw *t, const struct rp_model *m)
{
	if (!m->next_steps.n)
		return;
	heading(t, RP_H_NEXT_STEPS);
	for (size_t i = 0; i < m->next_steps.n; i++) {
		const struct rp_reason *r = &m->next_steps.v[i];
		marked(t, m, "  - ", "    ", r->step, r->assumed, r->nassumed);
	}
}

static void
sources(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_SOURCES);
	wrap(t, "", "", RP_SOURCES_AICPA);
	struct sc_buf b = {0};
	for (size_t i = 0; i < m->nsources; i++) {
		sc_buf_reset(&b);
		sc_buf_printf(&b, "%s, %s", m->sources[i]->title,
		              m->sources[i]->url);
		wrap(t, "  - ", "    ", sc_buf_str(&b));
	}
	sc_buf_fini(&b);
}

/* The outcome, what it means, and the rules that proposed it. */
static void
outcome(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_OUTCOME);
	if (!m->outcome) {
		wrap(t, "", "", "No outcome yet: the answers so far do not settle "
		                "one. Answer the required questions still open.");
		return;
	}
	wrap(t, "", "", m->outcome_title);
	wrap(t, "  ", "  ", m->outcome->help);
	if (m->outcome_reasons.n) {
		blank(t);
		wrap(t, "", "", "Why:");
		reasons(t, m, &m->outcome_reasons, "  ");
	}
}

/* Without the SOC sections: follow-ups, the reader's own gaps, next
 * steps. */
static void
outcome_lists(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_FOLLOWUPS);
	if (m->nfollowups == 0)
		wrap(t, "", "", "Nothing to follow up.");
	gap_list(t, m, false, true);
	heading(t, RP_H_OWN_GAPS);
	if (m->nown == 0)
		wrap(t, "", "", "No gap of your own was found in your answers.");
	gap_list(t, m, false, false);
	next_steps(t, m);
}

/* --- Appendix A: the trace ------------------------------------------- */

static void
trace_reason(struct tw *t, const struct rp_model *m, const struct rp_reason *r,
             const char *what)
{
	struct sc_buf b = {0};
	if (what)
		sc_buf_printf(&b, "%s: rule %s", what, r->rule->id);
	else
		sc_buf_printf(&b, "Rule %s", r->rule->id);
	if (r->ndeps)
		sc_buf_printf(&b, ", %s", RP_BECAUSE);
	wrap(t, "  - ", "    ", sc_buf_str(&b));
	for (size_t k = 0; k < r->ndeps; k++) {
		sc_buf_reset(&b);
		sc_buf_printf(&b, "%s -- %s",
		              m->q->questions[r->deps[k].question].text,
		              r->deps[k].text);
		wrap(t, "    * ", "      ", sc_buf_str(&b));
	}
	sc_buf_fini(&b);
}

static void
trace_group(struct tw *t, const struct rp_model *m, const char *title,
            const struct rp_reasons *rs)
{
	if (!rs->n)
		return;
	blank(t);
	wrap(t, "", "", title);
	for (size_t i = 0; i < rs->n; i++)
		trace_reason(t, m, &rs->v[i], NULL);
}

static void
trace_gaps(struct tw *t, const struct rp_model *m, const char *title, int kind)
{
	bool any = false;
	for (size_t i = 0; i < m->ngaps; i++) {
		const struct rp_gap *g = &m->gaps[i];
		if ((kind >= 0 && g->rec->def->followup != (kind == 1)) ||
		    !g->reasons.n)
			continue;
		if (!any) {
			blank(t);
			wrap(t, "", "", title);
		}
		any = true;
		for (size_t k = 0; k < g->reasons.n; k++)
			trace_reason(t, m, &g->reasons.v[k], g->rec->def->title);
	}
}

static void
trace(struct tw *t, const struct rp_model *m)
{
	heading_titled(t, rp_title(m, RP_H_TRACE));
	wrap(t, "", "", RP_TRACE_INTRO);
	struct sc_buf b = {0};
	if (m->has_outcome && m->outcome)
		trace_group(t, m, m->outcome_title, &m->outcome_reasons);
	if (m->soc) {
		for (size_t i = 0; i < m->nreports; i++)
			trace_group(t, m, m->reports[i].title, &m->reports[i].reasons);
		trace_group(t, m, "No SOC report now", &m->none);
		trace_group(t, m, "Later: SOC 3", &m->deferred);
		for (int k = 0; k < SC_SCOPE_KINDS; k++) {
			const struct rp_scope_rules *sr = &m->scope_rules[k];
			if (!sr->n)
				continue;
			blank(t);
			wrap(t, "", "", rp_scope_kind_title((enum sc_scope_kind)k));
			for (size_t i = 0; i < sr->n; i++) {
				sc_buf_reset(&b);
				sc_buf_puts(&b, sr->v[i].nitems == 1 ? "Item " : "Items ");
				for (size_t j = 0; j < sr->v[i].nitems; j++)
					sc_buf_printf(&b, "%s%zu", j ? ", " : "",
					              sr->v[i].items[j] + 1);
				trace_reason(t, m, sr->v[i].reason, sc_buf_str(&b));
			}
		}
		if (m->r->tsc[SC_CAT_SECURITY].in_scope)
			for (int c = 0; c < SC_CAT_COUNT; c++) {
				sc_buf_reset(&b);
				sc_buf_printf(&b, "%s: %s", sc_category_name(c),
				              rp_tsc_status(m, c));
				trace_group(t, m, sc_buf_str(&b), &m->tsc[c]);
			}
		for (size_t i = 0; i < m->r->nframeworks; i++)
			trace_group(t, m, sc_framework_name(m->r->frameworks[i].id),
			            &m->frameworks[i]);
		trace_gaps(t, m, rp_heading(RP_H_GAPS), -1);
	} else {
		trace_gaps(t, m, rp_heading(RP_H_FOLLOWUPS), 1);
		trace_gaps(t, m, rp_heading(RP_H_OWN_GAPS), 0);
	}
	trace_group(t, m, rp_heading(RP_H_NEXT_STEPS), &m->next_steps);
	sc_buf_fini(&b);
}

/* --- Appendix B: the answers ----------------------------------------- */

static void
appendix(struct tw *t, const struct rp_model *m)
{
	heading_titled(t, rp_title(m, RP_H_APPENDIX));
	const struct sc_questionnaire *q = m->q;
	struct sc_buf b = {0};
	for (size_t s = 0; s < q->nsections; s++) {
		const struct sc_section *sec = &q->sections[s];
		bool any = false;
		for (size_t i = sec->first; i < sec->first + sec->count; i++) {
			if (!sc_eval_visible(m->ev, i))
				continue;
			if (!any) {
				blank(t);
				wrap(t, "", "", sec->title);
				any = true;
			}
			wrap(t, "  Q: ", "     ", q->questions[i].text);
			sc_buf_reset(&b);
			rp_answer_text(m, i, &b);
			wrap(t, "  A: ", "     ", b.len ? sc_buf_str(&b) : "(no answer)");
			const char *note = rp_note(m, i);
			if (note)
				wrap(t, "  Note: ", "        ", note);
		}
	}
	if (m->nhidden) {
		sc_buf_reset(&b);
		sc_buf_printf(&b, "%zu more question%s %s not asked: %s did not "
		                  "apply to your answers.",
		              m->nhidden, m->nhidden == 1 ? "" : "s",
		              m->nhidden == 1 ? "was" : "were",
		              m->nhidden == 1 ? "it" : "they");
		blank(t);
		wrap(t, "", "", sc_buf_str(&b));
	}
	sc_buf_fini(&b);
}

static void
about(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_ABOUT);
	wrap(t, "", "", m->disclaimer);
}

static void
render(const struct rp_model *m, const struct sc_report_opts *opts,
       struct sc_buf *out)
{
	/* No evidence appendix: the text report has no layout for it. */
	static void (*const part[RP_P_COUNT])(struct tw *,
	                                      const struct rp_model *) = {
		[RP_P_HEADER] = header,
		[RP_P_SUMMARY] = summary,
		[RP_P_OUTCOME] = outcome,
		[RP_P_RECOMMENDATION] = recommendation,
		[RP_P_SCOPE] = scope,
		[RP_P_TSC] = tsc,
		[RP_P_ROADMAP] = roadmap,
		[RP_P_FRAMEWORKS] = frameworks,
		[RP_P_GAPS] = gaps,
		[RP_P_NEXT_STEPS] = next_steps,
		[RP_P_OUTCOME_LISTS] = outcome_lists,
		[RP_P_ASSUMPTIONS] = assumptions,
		[RP_P_SOURCES] = sources,
		[RP_P_ASSUMPTION_LIST] = assumptions_list,
		[RP_P_TRACE] = trace,
		[RP_P_GUIDE] = guide,
		[RP_P_APPENDIX] = appendix,
		[RP_P_ABOUT] = about,
	};
	int width = opts && opts->width > 0 ? opts->width : 80;
	struct tw t = {.out = out, .width = width,
	               .x = rp_text_open(out, width)};
	enum rp_part parts[RP_P_COUNT];
	size_t n = rp_parts(m, parts);
	for (size_t i = 0; i < n; i++)
		if (part[parts[i]])
			part[parts[i]](&t, m);
	rp_text_close(t.x);
}

/* The evidence list has no text layout. */
const struct rp_format_ops rp_format_text = {
	.id = "text",
	.ext = "txt",
	.render = render,
};
