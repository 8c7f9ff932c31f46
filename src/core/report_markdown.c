/* The Markdown report: CommonMark/GFM that also converts cleanly with
 * pandoc (ATX headings, pipe tables, "-" lists, a blank line around every
 * block).  User text is escaped: every ASCII punctuation character that
 * means something to CommonMark, GFM or pandoc's extensions (math `$`,
 * citations `@`, super/subscript `^ ~`, attributes `{}`) gets a backslash,
 * which both treat as a literal. */
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

static void
md_reason_list(struct md *w, const struct rp_model *m,
               const struct rp_reasons *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		const struct rp_reason *r = &rs->v[i];
		sc_buf_puts(w->out, "- ");
		md_text(w, r->text, "  ");
		sc_buf_printf(w->out, " (rule `%s`)\n", r->rule->id);
		if (r->ndeps) {
			sc_buf_puts(w->out, "  - ");
			md_deps(w, m, r->deps, r->ndeps, "    ");
			sc_buf_putc(w->out, '\n');
		}
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
		if (r->ndeps) {
			sc_buf_puts(w->out, " (");
			md_deps(w, m, r->deps, r->ndeps, NULL);
			sc_buf_puts(w->out, ")");
		}
	}
}

static void
md_para(struct md *w, const char *text)
{
	md_text(w, text, "");
	sc_buf_puts(w->out, "\n\n");
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
	if (a->assessor && *a->assessor)
		md_field(w, "Assessor", a->assessor);
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
md_recommendation(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_RECOMMENDATION));
	if (m->nreports == 0) {
		md_para(w, "No SOC report is recommended now.");
		if (m->none.n) {
			md_para(w, "Why:");
			md_reason_list(w, m, &m->none);
		}
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
	}
	if (m->deferred.n) {
		md_heading(w, 3, "Deferred");
		md_para(w, RP_DEFERRED);
		md_reason_list(w, m, &m->deferred);
	}
	if (m->next_steps.n) {
		md_heading(w, 3, m->nreports ? "Next steps" : "What to do instead");
		for (size_t i = 0; i < m->next_steps.n; i++) {
			sc_buf_puts(w->out, "- ");
			md_text(w, m->next_steps.v[i].step, "  ");
			sc_buf_putc(w->out, '\n');
		}
		sc_buf_putc(w->out, '\n');
	}
}

static void
md_tsc(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_TSC));
	if (!m->r->tsc[SC_CAT_SECURITY].in_scope)
		md_para(w, "No SOC 2 is recommended, so no category is in scope.");
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
			sc_buf_puts(w->out, "not asked | ");
		}
		sc_buf_reset(&b);
		sc_area_detail(a, &b);
		md_text(w, sc_buf_str(&b), NULL);
		sc_buf_puts(w->out, " |\n");
	}
	sc_buf_putc(w->out, '\n');
	sc_buf_fini(&b);
}

/* The gaps by priority: all of them in the SOC layout, or those of one
 * kind (follow-ups, or the reader's own) in the outcome's layout. */
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
			if (soc && d->followup)
				sc_buf_puts(w->out, "Confirm: ");
			md_text(w, d->title, "  ");
			sc_buf_puts(w->out, "**\n");
			sc_buf_puts(w->out, "  - Criteria: ");
			for (size_t k = 0; k < g->rec->ncriteria; k++) {
				const char *n = sc_criteria_name(g->rec->criteria[k], name,
				                                 sizeof name);
				sc_buf_puts(w->out, k ? "; " : "");
				md_text(w, g->rec->criteria[k], NULL);
				sc_buf_puts(w->out, " (");
				md_text(w, n ? n : "", NULL);
				sc_buf_puts(w->out, ")");
			}
			sc_buf_puts(w->out, "\n  - Advice: ");
			md_text(w, g->advice, "    ");
			sc_buf_putc(w->out, '\n');
			if (soc && d->followup)
				sc_buf_puts(w->out,
				            "  - This is a follow-up: your answers leave "
				            "this open, so confirm it rather than assume "
				            "either way.\n");
			if (g->ndeps) {
				sc_buf_puts(w->out, "  - ");
				md_deps(w, m, g->deps, g->ndeps, "    ");
				sc_buf_putc(w->out, '\n');
			}
			for (size_t k = 0; k < g->ndeps; k++) {
				const char *note = rp_note(m, g->deps[k].question);
				if (!note)
					continue;
				sc_buf_puts(w->out, "  - Your note on *");
				md_text(w, m->q->questions[g->deps[k].question].text,
				        "    ");
				sc_buf_puts(w->out, "*: ");
				md_text(w, note, "    ");
				sc_buf_putc(w->out, '\n');
			}
		}
		if (any)
			sc_buf_putc(w->out, '\n');
	}
}

static void
md_gaps(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_GAPS));
	md_para(w, m->readiness);
	md_areas(w, m);
	if (m->ngaps == 0)
		md_para(w, "No gap was found in your answers.");
	md_gap_list(w, m, true, false);
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
	if (m->next_steps.n) {
		md_heading(w, 2, rp_heading(RP_H_NEXT_STEPS));
		for (size_t i = 0; i < m->next_steps.n; i++) {
			sc_buf_puts(w->out, "- ");
			md_text(w, m->next_steps.v[i].step, "  ");
			sc_buf_putc(w->out, '\n');
		}
		sc_buf_putc(w->out, '\n');
	}
}

static void
md_appendix(struct md *w, const struct rp_model *m)
{
	md_heading(w, 2, rp_heading(RP_H_APPENDIX));
	const struct sc_questionnaire *q = m->q;
	struct sc_buf b = {0};
	size_t hidden = 0;
	for (size_t s = 0; s < q->nsections; s++) {
		const struct sc_section *sec = &q->sections[s];
		bool any = false;
		for (size_t i = sec->first; i < sec->first + sec->count; i++) {
			if (!sc_eval_visible(m->ev, i)) {
				hidden++;
				continue;
			}
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
	if (hidden) {
		md_heading(w, 3, "Not asked (not applicable to your answers)");
		for (size_t i = 0; i < q->nquestions; i++) {
			if (sc_eval_visible(m->ev, i))
				continue;
			sc_buf_puts(w->out, "- ");
			md_text(w, q->questions[i].text, "  ");
			sc_buf_putc(w->out, '\n');
		}
		sc_buf_putc(w->out, '\n');
	}
	sc_buf_fini(&b);
}

/* The evidence list: its notes, one table per report, then the sources. */
static void
md_evidence(struct md *w, const struct rp_model *m, int level)
{
	const struct rp_evidence *e = &m->evidence;
	struct sc_buf b = {0};
	for (size_t i = 0; i < e->nnotes; i++)
		md_para(w, e->notes[i]);
	for (size_t i = 0; i < e->nlists; i++) {
		const struct rp_ev_list *l = &e->lists[i];
		md_heading(w, level, l->title);
		md_para(w, l->summary);
		if (l->nrows == 0)
			continue;
		sc_buf_puts(w->out, "| # | Criteria | Evidence to provide | Kind | "
		                    "Report type | When | Exists yet | Sources |\n"
		                    "|---:|---|---|---|---|---|---|---|\n");
		for (size_t k = 0; k < l->nrows; k++) {
			const struct rp_ev_row *r = &l->rows[k];
			sc_buf_printf(w->out, "| %zu | ", k + 1);
			for (size_t c = 0; c < r->ncriteria; c++) {
				sc_buf_puts(w->out, c ? ", " : "");
				md_text(w, r->criteria[c], NULL);
			}
			sc_buf_puts(w->out, " | ");
			md_text(w, r->req->text, NULL);
			sc_buf_printf(w->out, " | %s | %s | %s | %s | ",
			              sc_ev_kind_name(r->req->kind),
			              r->req->test == SC_EV_DESIGN ? "Type I and II"
			                                           : "Type II",
			              r->when, rp_ev_status_name(r->status));
			for (size_t s = 0; s < r->req->nsources; s++) {
				sc_buf_puts(w->out, s ? ", " : "");
				md_text(w, e->cat->sources[r->req->sources[s]].id, NULL);
			}
			sc_buf_puts(w->out, " |\n");
		}
		sc_buf_putc(w->out, '\n');
	}
	if (e->nlists) {
		md_heading(w, level, "Sources");
		for (size_t s = 0; s < e->cat->nsources; s++) {
			const struct sc_ev_source *src = &e->cat->sources[s];
			sc_buf_puts(w->out, "- ");
			md_text(w, src->id, "  ");
			sc_buf_puts(w->out, ": ");
			md_text(w, src->title, "  ");
			sc_buf_puts(w->out, ", ");
			md_text(w, src->url, "  ");
			sc_buf_putc(w->out, '\n');
		}
		sc_buf_putc(w->out, '\n');
	}
	sc_buf_fini(&b);
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
render(const struct rp_model *m, const struct sc_report_opts *opts,
       struct sc_buf *out)
{
	(void)opts;
	struct md w = {.out = out};
	md_header(&w, m);
	md_heading(&w, 2, rp_heading(RP_H_SUMMARY));
	for (size_t i = 0; i < m->nexec; i++) {
		if (i)
			sc_buf_putc(out, ' ');
		md_text(&w, m->exec[i], "");
	}
	sc_buf_puts(out, "\n\n");
	if (m->has_outcome)
		md_outcome(&w, m);
	if (m->soc) {
		md_recommendation(&w, m);
		md_tsc(&w, m);
		md_roadmap(&w, m);
		md_frameworks(&w, m);
		md_gaps(&w, m);
	} else {
		md_outcome_lists(&w, m);
	}
	md_appendix(&w, m);
	if (m->evidence.cat) {
		md_heading(&w, 2, rp_heading(RP_H_EVIDENCE));
		md_evidence(&w, m, 3);
	}
	md_heading(&w, 2, rp_heading(RP_H_ABOUT));
	md_text(&w, m->disclaimer, "");
	sc_buf_putc(out, '\n');
	sc_buf_fini(&w.tmp);
}

const struct rp_format_ops rp_format_markdown = {
	.id = "markdown",
	.ext = "md",
	.render = render,
	.evidence_appendix = true,
	.render_evidence = render_evidence,
};
