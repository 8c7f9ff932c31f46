/* The Markdown report: CommonMark/GFM that also converts cleanly with
 * pandoc (ATX headings, pipe tables, "-" lists, a blank line around every
 * block).  User text is escaped: every ASCII punctuation character that
 * means something to CommonMark, GFM or pandoc's extensions (math `$`,
 * citations `@`, super/subscript `^ ~`, attributes `{}`) gets a backslash,
 * which both treat as a literal.
 *
 * The reading path is the memo's: the first page, the conclusions in plain
 * sentences, then the assumptions and open questions they rest on (only
 * those some conclusion rests on; the other notes stay with the answers);
 * the rules and answers behind each conclusion, how to close each gap, the
 * answers and the evidence list wait in the lettered appendices. */
#include "report_internal.h"

#include <stdlib.h>

#include "report_write.h"

struct md {
	struct sc_buf *out;
	struct sc_buf tmp;
};

/* Escaped inline text (report_write.c).  A newline becomes a hard line
 * break followed by `indent` (to stay inside a list item), or a <br> when
 * `indent` is NULL: table cells cannot hold a line break. */
static void
md_text(struct md *w, const char *text, const char *indent)
{
	rp_md_text(w->out, text, indent, &w->tmp);
}

static void
md_heading(struct md *w, int level, const char *text)
{
	for (int i = 0; i < level; i++)
		sc_buf_putc(w->out, '#');
	sc_buf_putc(w->out, ' ');
	md_text(w, text, NULL);
	sc_buf_puts(w->out, "\n\n");
}

static void
md_para(struct md *w, const char *text)
{
	md_text(w, text, "");
	sc_buf_puts(w->out, "\n\n");
}

/* "**Label** text" as a paragraph. */
static void
md_labelled(struct md *w, const char *label, const char *text)
{
	sc_buf_printf(w->out, "**%s** ", label);
	md_para(w, text);
}

/* " *Rests on A2, A5 (Appendix A).*" */
static void
md_rests(struct md *w, const struct rp_model *m, const size_t *idx, size_t n,
         const char *indent)
{
	if (!n)
		return;
	struct sc_buf b = {0};
	rp_memo_assumed(m, idx, n, &b);
	sc_buf_puts(w->out, " *");
	md_text(w, sc_buf_str(&b), indent);
	sc_buf_putc(w->out, '*');
	sc_buf_fini(&b);
}

/* "because you answered: *Q* — A; *Q2* — A2" */
static void
md_deps(struct md *w, const struct rp_model *m, const struct rp_dep *d,
        size_t n, const char *indent)
{
	sc_buf_puts(w->out, RP_BECAUSE);
	for (size_t i = 0; i < n; i++) {
		sc_buf_puts(w->out, i ? "; *" : " *");
		md_text(w, m->q->questions[d[i].question].text, indent);
		sc_buf_puts(w->out, "* \xE2\x80\x94 ");
		md_text(w, d[i].text, indent);
	}
}

/* Conclusions in plain sentences: each reason, marked with what it rests
 * on. */
static void
md_reason_list(struct md *w, const struct rp_model *m,
               const struct rp_reasons *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		const struct rp_reason *r = &rs->v[i];
		sc_buf_puts(w->out, "- ");
		md_text(w, r->text, "  ");
		md_rests(w, m, r->assumed, r->nassumed, "  ");
		sc_buf_putc(w->out, '\n');
	}
	if (rs->n)
		sc_buf_putc(w->out, '\n');
}

/* Reasons on one line, for a table cell. */
static void
md_reason_cell(struct md *w, const struct rp_model *m,
               const struct rp_reasons *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		const struct rp_reason *r = &rs->v[i];
		if (i)
			sc_buf_puts(w->out, " ");
		md_text(w, r->text, NULL);
		md_rests(w, m, r->assumed, r->nassumed, NULL);
	}
}

static void
md_field(struct md *w, const char *label, const char *value)
{
	sc_buf_printf(w->out, "- **%s:** ", label);
	md_text(w, value, "  ");
	sc_buf_putc(w->out, '\n');
}

static void
md_header(struct md *w, const struct rp_model *m)
{
	const struct sc_answers *a = m->a;
	md_heading(w, 1, m->title);
	if (a->client && *a->client && !m->q->nheader)
		md_field(w, "Client", a->client);
	for (size_t i = 0; i < m->nfields; i++) {
		sc_buf_puts(w->out, "- **");
		md_text(w, m->fields[i].label, NULL);
		sc_buf_puts(w->out, ":** ");
		md_text(w, m->fields[i].text, "  ");
		sc_buf_putc(w->out, '\n');
	}
	if (m->prepared_by)
		md_field(w, "Prepared by", m->prepared_by);
	md_field(w, "Date", m->date);
	struct sc_buf b = {0};
	sc_buf_printf(&b, "%s, version %s", m->q->title, m->q->version);
	md_field(w, "Questionnaire", sc_buf_str(&b));
	sc_buf_fini(&b);
	md_field(w, "Completeness", m->completeness);
	sc_buf_putc(w->out, '\n');
	if (m->r->nunanswered) {
		sc_buf_puts(w->out, "Required questions still open:\n\n");
		for (size_t i = 0; i < m->r->nunanswered; i++) {
			sc_buf_puts(w->out, "- ");
			md_text(w, m->q->questions[m->r->unanswered[i]].text, "  ");
			sc_buf_putc(w->out, '\n');
		}
		sc_buf_putc(w->out, '\n');
	}
}

static void
md_list(struct md *w, char *const *v, size_t n, bool numbered)
{
	for (size_t i = 0; i < n; i++) {
		if (numbered)
			sc_buf_printf(w->out, "%zu. ", i + 1);
		else
			sc_buf_puts(w->out, "- ");
		md_text(w, v[i], numbered ? "   " : "  ");
		sc_buf_putc(w->out, '\n');
	}
	if (n)
		sc_buf_putc(w->out, '\n');
}

/* The first page: the decision, the dates and a missed deadline, what to
 * do first, what the client must still decide, readiness as assessed. */
static void
md_summary(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_SUMMARY));
	if (!m->soc) {
		for (size_t i = 0; i < m->nexec; i++) {
			if (i)
				sc_buf_putc(w->out, ' ');
			md_text(w, m->exec[i], "");
		}
		sc_buf_puts(w->out, "\n\n");
		return;
	}
	md_para(w, m->ex_lead);
	if (m->ndecision) {
		sc_buf_puts(w->out, "**What to agree with your CPA firm:**\n\n");
		md_list(w, m->decision, m->ndecision, false);
	}
	if (m->ex_dates)
		md_para(w, m->ex_dates);
	if (m->ex_risk)
		md_labelled(w, "Deadline at risk:", m->ex_risk);
	if (m->truthful)
		md_labelled(w, "Asked about SOC 2?", m->truthful);
	if (m->nfirst) {
		sc_buf_puts(w->out, "**Do first:**\n\n");
		md_list(w, m->first, m->nfirst, true);
	}
	if (m->ndecide) {
		sc_buf_puts(w->out, "**Decisions for you:**\n\n");
		md_list(w, m->decide, m->ndecide, false);
	}
	if (m->ex_ready)
		md_para(w, m->ex_ready);
	if (m->ex_open)
		md_para(w, m->ex_open);
}

/* The body's word on the assumptions: how many, where they are marked
 * and listed. */
static void
md_assumptions(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_ASSUMPTIONS));
	char *sum = rp_memo_assumptions_summary(m);
	md_para(w, sum);
	free(sum);
	char *more = m->nunlisted < m->nassumptions ? rp_memo_unlisted(m) : NULL;
	if (more)
		md_para(w, more);
	free(more);
}

/* The appendix that lists them, each with its question, answer, note and
 * the conclusions resting on it. */
static void
md_assumptions_list(struct md *w, const struct rp_model *m)
{
	if (m->nunlisted >= m->nassumptions)
		return;
	md_heading(w, 2, rp_title(m, RP_H_ASSUMPTIONS));
	md_para(w, RP_ASSUMPTIONS_INTRO);
	for (size_t i = 0; i < m->nassumptions; i++) {
		const struct rp_assumption *as = &m->assumptions[i];
		if (!as->num)
			continue;
		sc_buf_printf(w->out, "- **A%zu, %s.** *", as->num,
		              rp_assumption_kind(as));
		md_text(w, m->q->questions[as->question].text, "  ");
		sc_buf_puts(w->out, "*\\\n  Answer: ");
		md_text(w, as->answer ? as->answer : RP_NO_ANSWER, "  ");
		sc_buf_puts(w->out, rp_stop(as->answer ? as->answer : RP_NO_ANSWER));
		if (!as->shown)
			sc_buf_puts(w->out, " The final answers no longer ask this "
			                    "question.");
		if (as->note) {
			sc_buf_puts(w->out, "\\\n  Note: ");
			md_text(w, as->note, "  ");
		}
		sc_buf_puts(w->out, "\\\n  Conclusions resting on it: ");
		for (size_t k = 0; k < as->nrests; k++) {
			sc_buf_puts(w->out, k ? "; " : "");
			md_text(w, as->rests[k], "  ");
		}
		sc_buf_puts(w->out, ".\n");
	}
	sc_buf_putc(w->out, '\n');
}

static void
md_recommendation(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_RECOMMENDATION));
	if (m->nreports == 0) {
		md_para(w, m->none.n ? "No SOC report is recommended now, because:"
		                     : "No SOC report is recommended now.");
		md_reason_list(w, m, &m->none);
	}
	for (size_t i = 0; i < m->nreports; i++) {
		const struct rp_report *rp = &m->reports[i];
		struct sc_buf b = {0};
		sc_buf_puts(&b, rp->title);
		if (rp->period)
			sc_buf_printf(&b, ", %s", rp->period);
		md_heading(w, 3, sc_buf_str(&b));
		sc_buf_fini(&b);
		md_reason_list(w, m, &rp->reasons);
		if (rp->plan_note)
			md_para(w, rp->plan_note);
	}
	if (m->deferred.n) {
		md_heading(w, 3, "Later: SOC 3");
		md_para(w, RP_DEFERRED);
		md_reason_list(w, m, &m->deferred);
	}
}

static bool
has_scope(const struct rp_model *m)
{
	bool any = m->nscope > 0;
	for (int k = 0; k < SC_SCOPE_KINDS; k++)
		any = any || m->proposals[k].n > 0;
	return any;
}

static void
md_scope(struct md *w, const struct rp_model *m)
{
	if (!has_scope(m))
		return;
	md_heading(w, 2, rp_heading(RP_H_SCOPE));
	md_para(w, RP_SCOPE_INTRO(m));
	if (m->nscope) {
		md_heading(w, 3, "System boundary");
		if (m->scope_quoted)
			md_para(w, RP_BOUNDARY_INTRO);
		for (size_t i = 0; i < m->nscope; i++) {
			const struct rp_scope_line *l = &m->scope[i];
			sc_buf_puts(w->out, "- **");
			md_text(w, l->label, NULL);
			sc_buf_puts(w->out, ":** ");
			md_text(w, RP_SCOPE_LINE(l), "  ");
			if (l->assumed != SIZE_MAX)
				md_rests(w, m, &l->assumed, 1, "  ");
			sc_buf_putc(w->out, '\n');
		}
		sc_buf_putc(w->out, '\n');
	}
	for (int k = 0; k < SC_SCOPE_KINDS; k++) {
		const struct rp_scope_items *it = &m->proposals[k];
		if (!it->n)
			continue;
		md_heading(w, 3, rp_scope_kind_title((enum sc_scope_kind)k));
		if (it->intro)
			md_para(w, it->intro);
		for (size_t i = 0; i < it->n; i++) {
			sc_buf_printf(w->out, "%zu. ", i + 1);
			md_text(w, it->v[i].text, "   ");
			md_rests(w, m, it->v[i].assumed, it->v[i].nassumed, "   ");
			sc_buf_putc(w->out, '\n');
		}
		sc_buf_putc(w->out, '\n');
	}
}

static void
md_tsc(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_TSC));
	sc_buf_puts(w->out, "| Category | Status | Why |\n|---|---|---|\n");
	for (int c = 0; c < SC_CAT_COUNT; c++) {
		sc_buf_printf(w->out, "| %s | %s | ", sc_category_name(c),
		              rp_tsc_status(m, c));
		const char *why = rp_tsc_default_reason(m, c);
		if (why)
			md_text(w, why, NULL);
		md_reason_cell(w, m, &m->tsc[c]);
		sc_buf_puts(w->out, " |\n");
	}
	sc_buf_putc(w->out, '\n');
}

static void
md_roadmap(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_ROADMAP));
	for (size_t i = 0; i < m->nsteps; i++) {
		if (m->steps[i].head) {
			if (i > 0)
				sc_buf_putc(w->out, '\n');
			md_para(w, m->steps[i].what);
			continue;
		}
		sc_buf_puts(w->out, "- ");
		if (m->steps[i].when)
			sc_buf_printf(w->out, "**%s:** ", m->steps[i].when);
		md_text(w, m->steps[i].what, "  ");
		sc_buf_putc(w->out, '\n');
	}
	if (m->nsteps)
		sc_buf_putc(w->out, '\n');
	for (size_t i = 0; i < m->nroad_notes; i++)
		md_para(w, m->road_notes[i]);
}

static void
md_frameworks(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_FRAMEWORKS));
	if (m->r->nframeworks == 0)
		md_para(w, "None flagged by your answers.");
	for (size_t i = 0; i < m->r->nframeworks; i++) {
		md_heading(w, 3, sc_framework_name(m->r->frameworks[i].id));
		md_reason_list(w, m, &m->frameworks[i]);
	}
}

static void
md_areas(struct md *w, const struct rp_model *m)
{
	if (m->nareas == 0)
		return;
	md_heading(w, 3, "Readiness by area");
	sc_buf_puts(w->out, "| Area | Readiness | Items |\n"
	                    "|---|---|---|\n");
	struct sc_buf b = {0};
	for (size_t i = 0; i < m->nareas; i++) {
		const struct sc_area *a = &m->areas[i];
		sc_buf_printf(w->out, "| %s | ", a->name);
		if (a->score >= 0) {
			rp_area_bar(a, 10, "\xE2\x96\x88", "\xE2\x96\x91", w->out);
			sc_buf_printf(w->out, " %d%% | ", a->score);
		} else {
			sc_buf_puts(w->out, "not assessed | ");
		}
		sc_buf_reset(&b);
		sc_area_detail(a, &b);
		md_text(w, sc_buf_str(&b), NULL);
		sc_buf_puts(w->out, " |\n");
	}
	sc_buf_putc(w->out, '\n');
	sc_buf_fini(&b);
}

/* "Owner: J. Doe; due 2027-01-31." or that neither is set. */
static void
md_owner(struct md *w, const struct rp_gap *g)
{
	if (!g->owner && !*g->due) {
		sc_buf_puts(w->out, "Owner and due date: not set yet.");
		return;
	}
	if (g->owner) {
		sc_buf_puts(w->out, "Owner: ");
		md_text(w, g->owner, "    ");
	}
	if (*g->due)
		sc_buf_printf(w->out, "%sue %s", g->owner ? "; d" : "D", g->due);
	sc_buf_putc(w->out, '.');
}

/* The gaps by priority with what to do: all of them in the SOC layout's
 * guide (Appendix B), or those of one kind (follow-ups, or the reader's
 * own) in the outcome's layout, which shows them in its body with their
 * owners and what they rest on. */
static void
md_gap_list(struct md *w, const struct rp_model *m, bool soc, bool followups)
{
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
				sc_buf_printf(w->out, "### %s priority\n\n",
				              sc_priority_name(p));
				any = true;
			}
			sc_buf_puts(w->out, "- **");
			if (soc && rp_gap_marked_confirm(g))
				sc_buf_puts(w->out, "Confirm: ");
			md_text(w, d->title, "  ");
			sc_buf_puts(w->out, "**\n");
			if (!soc) {
				sc_buf_puts(w->out, "  - ");
				md_owner(w, g);
				sc_buf_putc(w->out, '\n');
			}
			if (g->rec->ncriteria)
				sc_buf_puts(w->out, "  - Criteria: ");
			for (size_t k = 0; k < g->rec->ncriteria; k++) {
				const char *ref = g->rec->criteria[k];
				const char *n = sc_criteria_name(ref, name, sizeof name);
				sc_buf_puts(w->out, k ? "; " : "");
				if (sc_criteria_soc1(ref) && n) {
					md_text(w, n, NULL);
					continue;
				}
				md_text(w, ref, NULL);
				sc_buf_puts(w->out, " (");
				md_text(w, n ? n : "", NULL);
				sc_buf_puts(w->out, ")");
			}
			if (g->rec->ncriteria)
				sc_buf_putc(w->out, '\n');
			const char *said = rp_gap_said(m, g);
			if (said) {
				sc_buf_puts(w->out, "  - In the interview: \u201c");
				md_text(w, said, "    ");
				sc_buf_puts(w->out, "\u201d\n");
			}
			sc_buf_puts(w->out, "  - Advice: ");
			md_text(w, g->advice, "    ");
			sc_buf_putc(w->out, '\n');
			if (soc && d->followup)
				sc_buf_puts(w->out,
				            "  - This is a follow-up: your answers leave "
				            "this open, so confirm it rather than assume "
				            "either way.\n");
			if (!soc && g->nassumed) {
				sc_buf_puts(w->out, "  -");
				md_rests(w, m, g->assumed, g->nassumed, "    ");
				sc_buf_putc(w->out, '\n');
			}
		}
		if (any)
			sc_buf_putc(w->out, '\n');
	}
}

/* The gaps as a work plan: each with its priority, criteria, owner and due
 * date, and what it rests on; what to do about each is Appendix B. */
static void
md_gaps(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_GAPS));
	md_para(w, m->readiness);
	if (m->ngaps == 0) {
		md_para(w, m->no_gap);
	} else {
		struct sc_buf b = {0};
		sc_buf_printf(&b, "What to do about each is in %s. ",
		              rp_title(m, RP_H_GUIDE));
		if (m->nconfirm)
			sc_buf_puts(&b, "\"Confirm\" marks a follow-up: your answers "
			                "leave it open, so confirm it rather than "
			                "assume either way.");
		md_para(w, sc_buf_str(&b));
		sc_buf_fini(&b);
		sc_buf_puts(w->out, "| Gap | Priority | Criteria | Owner, due |\n"
		                    "|---|---|---|---|\n");
		for (size_t i = 0; i < m->ngaps; i++) {
			const struct rp_gap *g = &m->gaps[i];
			sc_buf_puts(w->out, "| ");
			if (rp_gap_marked_confirm(g))
				sc_buf_puts(w->out, "Confirm: ");
			md_text(w, g->rec->def->title, NULL);
			md_rests(w, m, g->assumed, g->nassumed, NULL);
			sc_buf_printf(w->out, " | %s | ",
			              sc_priority_id_str(g->rec->priority));
			for (size_t k = 0; k < g->rec->ncriteria; k++) {
				char lb[96];
				sc_buf_puts(w->out, k ? ", " : "");
				md_text(w, sc_criteria_label(g->rec->criteria[k], lb,
				                             sizeof lb),
				        NULL);
			}
			sc_buf_puts(w->out, " | ");
			if (g->owner)
				md_text(w, g->owner, NULL);
			if (*g->due)
				sc_buf_printf(w->out, "%sdue %s", g->owner ? ", " : "",
				              g->due);
			if (!g->owner && !*g->due)
				sc_buf_puts(w->out, "not set yet");
			sc_buf_puts(w->out, " |\n");
		}
		sc_buf_putc(w->out, '\n');
	}
	md_areas(w, m);
}

static void
md_guide(struct md *w, const struct rp_model *m)
{
	if (!rp_has_guide(m))
		return;
	md_heading(w, 2, rp_title(m, RP_H_GUIDE));
	md_para(w, RP_GUIDE_INTRO);
	md_gap_list(w, m, true, false);
}

static void
md_next_steps(struct md *w, const struct rp_model *m)
{
	if (!m->next_steps.n)
		return;
	md_heading(w, 2, rp_heading(RP_H_NEXT_STEPS));
	for (size_t i = 0; i < m->next_steps.n; i++) {
		const struct rp_reason *r = &m->next_steps.v[i];
		sc_buf_puts(w->out, "- ");
		md_text(w, r->step, "  ");
		md_rests(w, m, r->assumed, r->nassumed, "  ");
		sc_buf_putc(w->out, '\n');
	}
	sc_buf_putc(w->out, '\n');
}

static void
md_source(struct md *w, const char *id, const char *title, const char *url)
{
	sc_buf_puts(w->out, "- ");
	if (id) {
		md_text(w, id, "  ");
		sc_buf_puts(w->out, ": ");
	}
	md_text(w, title, "  ");
	sc_buf_puts(w->out, ", ");
	md_text(w, url, "  ");
	sc_buf_putc(w->out, '\n');
}

/* The catalogue's sources, which its requests cite by id. */
static void
md_catalogue_sources(struct md *w, const struct sc_catalogue *cat)
{
	for (size_t s = 0; s < cat->nsources; s++)
		md_source(w, cat->sources[s].id, cat->sources[s].title,
		          cat->sources[s].url);
	sc_buf_putc(w->out, '\n');
}

static void
md_sources(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_SOURCES));
	md_para(w, RP_SOURCES_AICPA);
	for (size_t i = 0; i < m->nsources; i++)
		md_source(w, NULL, m->sources[i]->title, m->sources[i]->url);
	sc_buf_putc(w->out, '\n');
	if (m->evidence.cat && m->evidence.nlists)
		md_para(w, RP_SOURCES_PRACTICE);
}

static void
md_outcome(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_OUTCOME));
	if (!m->outcome) {
		md_para(w, "No outcome yet: the answers so far do not settle one. "
		           "Answer the required questions still open.");
		return;
	}
	sc_buf_puts(w->out, "**");
	md_text(w, m->outcome_title, NULL);
	sc_buf_puts(w->out, "**\n\n");
	md_para(w, m->outcome->help);
	if (m->outcome_reasons.n) {
		md_para(w, "Why:");
		md_reason_list(w, m, &m->outcome_reasons);
	}
}

static void
md_outcome_lists(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_FOLLOWUPS));
	if (m->nfollowups == 0)
		md_para(w, "Nothing to follow up.");
	md_gap_list(w, m, false, true);
	md_heading(w, 2, rp_heading(RP_H_OWN_GAPS));
	if (m->nown == 0)
		md_para(w, "No gap of your own was found in your answers.");
	md_gap_list(w, m, false, false);
	md_next_steps(w, m);
}

/* --- Appendix A: the trace ------------------------------------------- */

/* "- Rule `id`: because you answered: *Q* — A; ..." */
static void
md_trace_reason(struct md *w, const struct rp_model *m,
                const struct rp_reason *r, const char *what)
{
	sc_buf_puts(w->out, "- ");
	if (what) {
		md_text(w, what, "  ");
		sc_buf_puts(w->out, ": rule `");
	} else {
		sc_buf_puts(w->out, "Rule `");
	}
	sc_buf_printf(w->out, "%s`", r->rule->id);
	if (r->ndeps) {
		sc_buf_puts(w->out, ", ");
		md_deps(w, m, r->deps, r->ndeps, "  ");
	}
	sc_buf_puts(w->out, "\n");
}

static void
md_trace_group(struct md *w, const struct rp_model *m, const char *title,
               const struct rp_reasons *rs)
{
	if (!rs->n)
		return;
	md_heading(w, 3, title);
	for (size_t i = 0; i < rs->n; i++)
		md_trace_reason(w, m, &rs->v[i], NULL);
	sc_buf_putc(w->out, '\n');
}

/* Gaps: each with the rules that raised it. */
static void
md_trace_gaps(struct md *w, const struct rp_model *m, const char *title,
              int kind)
{
	bool any = false;
	for (size_t i = 0; i < m->ngaps; i++) {
		const struct rp_gap *g = &m->gaps[i];
		if (kind >= 0 && g->rec->def->followup != (kind == 1))
			continue;
		if (!g->reasons.n)
			continue;
		if (!any)
			md_heading(w, 3, title);
		any = true;
		for (size_t k = 0; k < g->reasons.n; k++)
			md_trace_reason(w, m, &g->reasons.v[k], g->rec->def->title);
	}
	if (any)
		sc_buf_putc(w->out, '\n');
}

static void
md_trace(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_title(m, RP_H_TRACE));
	md_para(w, RP_TRACE_INTRO);
	struct sc_buf b = {0};
	if (m->has_outcome && m->outcome)
		md_trace_group(w, m, m->outcome_title, &m->outcome_reasons);
	if (m->soc) {
		for (size_t i = 0; i < m->nreports; i++)
			md_trace_group(w, m, m->reports[i].title,
			               &m->reports[i].reasons);
		md_trace_group(w, m, "No SOC report now", &m->none);
		md_trace_group(w, m, "Later: SOC 3", &m->deferred);
		for (int k = 0; k < SC_SCOPE_KINDS; k++) {
			const struct rp_scope_rules *sr = &m->scope_rules[k];
			if (!sr->n)
				continue;
			md_heading(w, 3, rp_scope_kind_title((enum sc_scope_kind)k));
			for (size_t i = 0; i < sr->n; i++) {
				sc_buf_reset(&b);
				sc_buf_puts(&b, sr->v[i].nitems == 1 ? "Item " : "Items ");
				for (size_t j = 0; j < sr->v[i].nitems; j++)
					sc_buf_printf(&b, "%s%zu", j ? ", " : "",
					              sr->v[i].items[j] + 1);
				md_trace_reason(w, m, sr->v[i].reason, sc_buf_str(&b));
			}
			sc_buf_putc(w->out, '\n');
		}
		if (m->r->tsc[SC_CAT_SECURITY].in_scope)
			for (int c = 0; c < SC_CAT_COUNT; c++) {
				sc_buf_reset(&b);
				sc_buf_printf(&b, "%s: %s", sc_category_name(c),
				              rp_tsc_status(m, c));
				md_trace_group(w, m, sc_buf_str(&b), &m->tsc[c]);
			}
		for (size_t i = 0; i < m->r->nframeworks; i++)
			md_trace_group(w, m, sc_framework_name(m->r->frameworks[i].id),
			               &m->frameworks[i]);
		md_trace_gaps(w, m, rp_heading(RP_H_GAPS), -1);
	} else {
		md_trace_gaps(w, m, rp_heading(RP_H_FOLLOWUPS), 1);
		md_trace_gaps(w, m, rp_heading(RP_H_OWN_GAPS), 0);
	}
	md_trace_group(w, m, rp_heading(RP_H_NEXT_STEPS), &m->next_steps);
	sc_buf_fini(&b);
}

/* --- Appendix B: the answers ----------------------------------------- */

static void
md_appendix(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_title(m, RP_H_APPENDIX));
	const struct sc_questionnaire *q = m->q;
	struct sc_buf b = {0};
	for (size_t s = 0; s < q->nsections; s++) {
		const struct sc_section *sec = &q->sections[s];
		bool any = false;
		for (size_t i = sec->first; i < sec->first + sec->count; i++) {
			if (!sc_eval_visible(m->ev, i))
				continue;
			if (!any) {
				md_heading(w, 3, sec->title);
				sc_buf_puts(w->out, "| Question | Answer | Note |\n"
				                    "|---|---|---|\n");
				any = true;
			}
			sc_buf_puts(w->out, "| ");
			md_text(w, q->questions[i].text, NULL);
			sc_buf_puts(w->out, " | ");
			sc_buf_reset(&b);
			rp_answer_text(m, i, &b);
			md_text(w, b.len ? sc_buf_str(&b) : "(no answer)", NULL);
			sc_buf_puts(w->out, " | ");
			const char *note = rp_note(m, i);
			if (note)
				md_text(w, note, NULL);
			sc_buf_puts(w->out, " |\n");
		}
		if (any)
			sc_buf_putc(w->out, '\n');
	}
	if (m->nhidden) {
		sc_buf_reset(&b);
		sc_buf_printf(&b, "%zu more question%s %s not asked: %s did not "
		                  "apply to your answers.",
		              m->nhidden, m->nhidden == 1 ? "" : "s",
		              m->nhidden == 1 ? "was" : "were",
		              m->nhidden == 1 ? "it" : "they");
		md_para(w, sc_buf_str(&b));
	}
	sc_buf_fini(&b);
}

/* --- Appendix C: the evidence list ----------------------------------- */

/* Its notes, what each report examines, then one table in which each
 * request appears once, then the catalogue's sources it cites. */
static void
md_evidence(struct md *w, const struct rp_model *m, int level)
{
	const struct rp_evidence *e = &m->evidence;
	for (size_t i = 0; i < e->nnotes; i++)
		md_para(w, e->notes[i]);
	if (!e->nlists)
		return;
	for (size_t i = 0; i < e->nlists; i++) {
		sc_buf_puts(w->out, "- ");
		md_text(w, e->lists[i].summary, "  ");
		sc_buf_putc(w->out, '\n');
	}
	sc_buf_putc(w->out, '\n');
	md_heading(w, level, "Requests");
	sc_buf_puts(w->out, "In all: ");
	md_para(w, e->summary);
	if (e->nrows) {
		sc_buf_puts(w->out, "| # | Serves | Criteria | Evidence to provide "
		                    "| Kind | When | Exists yet | Owner, due "
		                    "| Sources |\n"
		                    "|---:|---|---|---|---|---|---|---|---|\n");
		for (size_t k = 0; k < e->nrows; k++) {
			const struct rp_ev_row *r = &e->rows[k];
			sc_buf_printf(w->out, "| %zu | ", k + 1);
			md_text(w, r->serves_text, NULL);
			sc_buf_puts(w->out, " | ");
			for (size_t c = 0; c < r->ncriteria; c++) {
				char lb[96];
				sc_buf_puts(w->out, c ? ", " : "");
				md_text(w, sc_criteria_label(r->criteria[c], lb,
				                             sizeof lb),
				        NULL);
			}
			sc_buf_puts(w->out, " | ");
			md_text(w, r->req->text, NULL);
			sc_buf_printf(w->out, " | %s | ",
			              sc_ev_kind_name(r->req->kind));
			md_text(w, r->when, NULL);
			sc_buf_printf(w->out, " | %s | ",
			              rp_ev_status_name(r->status));
			if (r->owner)
				md_text(w, r->owner, NULL);
			if (*r->due)
				sc_buf_printf(w->out, "%sdue %s", r->owner ? ", " : "",
				              r->due);
			sc_buf_puts(w->out, " | ");
			for (size_t s = 0; s < r->req->nsources; s++) {
				sc_buf_puts(w->out, s ? ", " : "");
				md_text(w, e->cat->sources[r->req->sources[s]].id, NULL);
			}
			sc_buf_puts(w->out, " |\n");
		}
		sc_buf_putc(w->out, '\n');
	}
	md_heading(w, level, "Sources");
	md_catalogue_sources(w, e->cat);
}

static void
render_evidence(const struct rp_model *m, struct sc_buf *out)
{
	struct md w = {.out = out};
	char *title = rp_evidence_title(m);
	md_heading(&w, 1, title);
	free(title);
	if (m->a->client && *m->a->client)
		md_field(&w, "Client", m->a->client);
	if (m->prepared_by)
		md_field(&w, "Prepared by", m->prepared_by);
	md_field(&w, "Date", m->date);
	md_field(&w, "Recommendation", m->summary);
	struct sc_buf b = {0};
	sc_buf_printf(&b, "%s, version %s", m->evidence.cat->title,
	              m->evidence.cat->version);
	md_field(&w, "Catalogue", sc_buf_str(&b));
	sc_buf_fini(&b);
	md_field(&w, "Completeness", m->completeness);
	sc_buf_putc(out, '\n');
	md_evidence(&w, m, 2);
	md_heading(&w, 2, rp_heading(RP_H_ABOUT));
	md_text(&w, RP_DISCLAIMER, "");
	sc_buf_putc(out, '\n');
	sc_buf_fini(&w.tmp);
}

static void
md_evidence_part(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_title(m, RP_H_EVIDENCE));
	md_evidence(w, m, 3);
}

static void
md_about(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_ABOUT));
	md_text(w, m->disclaimer, "");
	sc_buf_putc(w->out, '\n');
}

static void
render(const struct rp_model *m, const struct sc_report_opts *opts,
       struct sc_buf *out)
{
	static void (*const part[RP_P_COUNT])(struct md *,
	                                      const struct rp_model *) = {
		[RP_P_HEADER] = md_header,
		[RP_P_SUMMARY] = md_summary,
		[RP_P_OUTCOME] = md_outcome,
		[RP_P_RECOMMENDATION] = md_recommendation,
		[RP_P_SCOPE] = md_scope,
		[RP_P_TSC] = md_tsc,
		[RP_P_ROADMAP] = md_roadmap,
		[RP_P_FRAMEWORKS] = md_frameworks,
		[RP_P_GAPS] = md_gaps,
		[RP_P_NEXT_STEPS] = md_next_steps,
		[RP_P_OUTCOME_LISTS] = md_outcome_lists,
		[RP_P_ASSUMPTIONS] = md_assumptions,
		[RP_P_SOURCES] = md_sources,
		[RP_P_ASSUMPTION_LIST] = md_assumptions_list,
		[RP_P_TRACE] = md_trace,
		[RP_P_GUIDE] = md_guide,
		[RP_P_APPENDIX] = md_appendix,
		[RP_P_EVIDENCE] = md_evidence_part,
		[RP_P_ABOUT] = md_about,
	};
	(void)opts;
	struct md w = {.out = out};
	enum rp_part parts[RP_P_COUNT];
	size_t n = rp_parts(m, parts);
	for (size_t i = 0; i < n; i++)
		if (part[parts[i]])
			part[parts[i]](&w, m);
	sc_buf_fini(&w.tmp);
}

const struct rp_format_ops rp_format_markdown = {
	.id = "markdown",
	.ext = "md",
	.render = render,
	.evidence_appendix = true,
	.render_evidence = render_evidence,
};
