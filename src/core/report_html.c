/* The HTML report: one self-contained HTML5 file (inline CSS, no script, no
 * external fetch) that reads well on screen and prints to A4 or Letter:
 * @page margins, a page break before the long sections, rows and list items
 * kept whole, table headers repeated on each printed page, long words
 * wrapped inside cells so no table is cut at the right edge.  All
 * questionnaire and answer text is escaped (& < > " '). */
#include "report_internal.h"

#include <stdlib.h>

#include "report_svg.h"
#include "report_write.h"

struct hw {
	struct sc_buf *out;
	struct sc_buf tmp;
};

/* Escaped text; newlines become <br> (report_write.c). */
static void
h_text(struct hw *w, const char *text)
{
	rp_html_text(w->out, text, &w->tmp);
}

static void
h_tag(struct hw *w, const char *open, const char *text, const char *close)
{
	sc_buf_puts(w->out, open);
	h_text(w, text);
	sc_buf_puts(w->out, close);
}

static void
h_deps(struct hw *w, const struct rp_model *m, const struct rp_dep *d,
       size_t n)
{
	sc_buf_puts(w->out, RP_BECAUSE);
	for (size_t i = 0; i < n; i++) {
		sc_buf_puts(w->out, i ? "; <q>" : " <q>");
		h_text(w, m->q->questions[d[i].question].text);
		sc_buf_puts(w->out, "</q> \xE2\x80\x94 ");
		h_text(w, d[i].text);
	}
}

static void
h_reason(struct hw *w, const struct rp_model *m, const struct rp_reason *r)
{
	h_text(w, r->text);
	sc_buf_puts(w->out, " <span class=\"rule\">(rule ");
	h_text(w, r->rule->id);
	sc_buf_puts(w->out, ")</span>");
	if (r->ndeps) {
		sc_buf_puts(w->out, "<br>\n<span class=\"because\">");
		h_deps(w, m, r->deps, r->ndeps);
		sc_buf_puts(w->out, "</span>");
	}
}

static void
h_reason_list(struct hw *w, const struct rp_model *m,
              const struct rp_reasons *rs)
{
	if (!rs->n)
		return;
	sc_buf_puts(w->out, "<ul>\n");
	for (size_t i = 0; i < rs->n; i++) {
		sc_buf_puts(w->out, "<li>");
		h_reason(w, m, &rs->v[i]);
		sc_buf_puts(w->out, "</li>\n");
	}
	sc_buf_puts(w->out, "</ul>\n");
}

static void
h_section(struct hw *w, enum rp_heading h, bool pagebreak)
{
	static const char *const ids[RP_H_COUNT] = {
		"summary", "recommendation", "tsc", "roadmap",
		"frameworks", "gaps", "appendix", "evidence", "about",
		"outcome", "follow-ups", "own-gaps", "next-steps",
	};
	/* div, not section: xmllint's HTML parser predates HTML5 elements. */
	sc_buf_printf(w->out, "<div class=\"section%s\" id=\"%s\">\n<h2>",
	              pagebreak ? " pagebreak" : "", ids[h]);
	h_text(w, rp_heading(h));
	sc_buf_puts(w->out, "</h2>\n");
}

static void
h_field(struct hw *w, const char *label, const char *value)
{
	sc_buf_printf(w->out, "<dt>%s</dt><dd>", label);
	h_text(w, value);
	sc_buf_puts(w->out, "</dd>\n");
}

static void
h_header(struct hw *w, const struct rp_model *m)
{
	const struct sc_answers *a = m->a;
	sc_buf_puts(w->out, "<div class=\"header\">\n");
	h_tag(w, "<h1>", m->title, "</h1>\n");
	sc_buf_puts(w->out, "<dl class=\"meta\">\n");
	if (a->client && *a->client && !m->q->nheader)
		h_field(w, "Client", a->client);
	for (size_t i = 0; i < m->nfields; i++) {
		h_tag(w, "<dt>", m->fields[i].label, "</dt>");
		h_tag(w, "<dd>", m->fields[i].text, "</dd>\n");
	}
	if (a->assessor && *a->assessor)
		h_field(w, "Assessor", a->assessor);
	h_field(w, "Date", m->date);
	struct sc_buf b = {0};
	sc_buf_printf(&b, "%s, version %s", m->q->title, m->q->version);
	h_field(w, "Questionnaire", sc_buf_str(&b));
	sc_buf_fini(&b);
	h_field(w, "Completeness", m->completeness);
	sc_buf_puts(w->out, "</dl>\n");
	if (m->r->nunanswered) {
		sc_buf_puts(w->out, "<p>Required questions still open:</p>\n<ul>\n");
		for (size_t i = 0; i < m->r->nunanswered; i++)
			h_tag(w, "<li>", m->q->questions[m->r->unanswered[i]].text,
			      "</li>\n");
		sc_buf_puts(w->out, "</ul>\n");
	}
	sc_buf_puts(w->out, "</div>\n");
}

static void
h_recommendation(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_RECOMMENDATION, false);
	if (m->nreports == 0) {
		sc_buf_puts(w->out, "<p>No SOC report is recommended now.</p>\n");
		if (m->none.n) {
			sc_buf_puts(w->out, "<p>Why:</p>\n");
			h_reason_list(w, m, &m->none);
		}
	}
	for (size_t i = 0; i < m->nreports; i++) {
		const struct rp_report *rp = &m->reports[i];
		sc_buf_puts(w->out, "<h3>");
		h_text(w, rp->title);
		if (rp->period) {
			sc_buf_puts(w->out, ", ");
			h_text(w, rp->period);
		}
		sc_buf_puts(w->out, "</h3>\n");
		h_reason_list(w, m, &rp->reasons);
	}
	if (m->deferred.n) {
		sc_buf_puts(w->out, "<h3>Deferred</h3>\n<p>" RP_DEFERRED "</p>\n");
		h_reason_list(w, m, &m->deferred);
	}
	if (m->next_steps.n) {
		sc_buf_printf(w->out, "<h3>%s</h3>\n<ul>\n",
		              m->nreports ? "Next steps" : "What to do instead");
		for (size_t i = 0; i < m->next_steps.n; i++)
			h_tag(w, "<li>", m->next_steps.v[i].step, "</li>\n");
		sc_buf_puts(w->out, "</ul>\n");
	}
	sc_buf_puts(w->out, "</div>\n");
}

static void
h_tsc(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_TSC, false);
	if (!m->r->tsc[SC_CAT_SECURITY].in_scope)
		sc_buf_puts(w->out, "<p>No SOC 2 is recommended, so no category "
		                    "is in scope.</p>\n");
	sc_buf_puts(w->out, "<table>\n<thead><tr><th>Category</th>"
	                    "<th>Status</th><th>Why</th></tr></thead>\n"
	                    "<tbody>\n");
	for (int c = 0; c < SC_CAT_COUNT; c++) {
		sc_buf_printf(w->out, "<tr><td>%s</td><td%s>%s</td><td>",
		              sc_category_name(c),
		              m->r->tsc[c].in_scope ? " class=\"in\"" : "",
		              rp_tsc_status(m, c));
		const char *why = rp_tsc_default_reason(m, c);
		if (why)
			h_text(w, why);
		for (size_t i = 0; i < m->tsc[c].n; i++) {
			if (i)
				sc_buf_puts(w->out, "<br>\n");
			h_reason(w, m, &m->tsc[c].v[i]);
		}
		sc_buf_puts(w->out, "</td></tr>\n");
	}
	sc_buf_puts(w->out, "</tbody>\n</table>\n</div>\n");
}

/* The roadmap as a dated timeline: the picture, then its bars as a table. */
static void
h_timeline(struct hw *w, const struct rp_model *m)
{
	if (m->nbars == 0)
		return;
	sc_buf_puts(w->out, "<h3>Timeline</h3>\n"
	                    "<p class=\"caption\" id=\"timeline-caption\">"
	                    "Timeline of the plan above: a bar for each phase "
	                    "from its first to its last day, a diamond for a "
	                    "Type I date, a dashed line for today");
	if (*m->deadline)
		sc_buf_puts(w->out, " and a red line for your deadline");
	sc_buf_puts(w->out, ". The table below gives the same dates.</p>\n");
	rp_svg_timeline(m, w->out);
	sc_buf_puts(w->out, "<table class=\"figures\">\n<thead><tr>"
	                    "<th>Phase</th><th>From</th><th>To</th>"
	                    "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < m->nbars; i++) {
		const struct rp_bar *b = &m->bars[i];
		h_tag(w, "<tr><td>", b->label, "</td>");
		sc_buf_printf(w->out, "<td class=\"num\">%s</td>"
		                      "<td class=\"num\">%s</td></tr>\n",
		              b->from, b->to);
	}
	sc_buf_printf(w->out, "<tr><td>Today (the report date)</td>"
	                      "<td class=\"num\">%s</td><td class=\"num\">%s"
	                      "</td></tr>\n",
	              m->date, m->date);
	if (*m->deadline)
		sc_buf_printf(w->out, "<tr><td>Your deadline</td>"
		                      "<td class=\"num\">%s</td><td class=\"num\">"
		                      "%s</td></tr>\n",
		              m->deadline, m->deadline);
	sc_buf_puts(w->out, "</tbody>\n</table>\n");
}

static void
h_roadmap(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_ROADMAP, false);
	bool open = false;
	for (size_t i = 0; i < m->nsteps; i++) {
		if (m->steps[i].head) {
			if (open)
				sc_buf_puts(w->out, "</ol>\n");
			open = false;
			h_tag(w, "<p class=\"track\">", m->steps[i].what, "</p>\n");
			continue;
		}
		if (!open)
			sc_buf_puts(w->out, "<ol>\n");
		open = true;
		sc_buf_puts(w->out, "<li>");
		if (m->steps[i].when)
			h_tag(w, "<strong>", m->steps[i].when, ":</strong> ");
		h_text(w, m->steps[i].what);
		sc_buf_puts(w->out, "</li>\n");
	}
	if (open)
		sc_buf_puts(w->out, "</ol>\n");
	h_timeline(w, m);
	for (size_t i = 0; i < m->nroad_notes; i++)
		h_tag(w, "<p>", m->road_notes[i], "</p>\n");
	sc_buf_puts(w->out, "</div>\n");
}

static void
h_frameworks(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_FRAMEWORKS, false);
	if (m->r->nframeworks == 0)
		sc_buf_puts(w->out, "<p>None flagged by your answers.</p>\n");
	for (size_t i = 0; i < m->r->nframeworks; i++) {
		h_tag(w, "<h3>", sc_framework_name(m->r->frameworks[i].id),
		      "</h3>\n");
		h_reason_list(w, m, &m->frameworks[i]);
	}
	sc_buf_puts(w->out, "</div>\n");
}

/* Readiness by area: the picture, then the same figures as a table. */
static void
h_areas(struct hw *w, const struct rp_model *m)
{
	if (m->nareas == 0)
		return;
	sc_buf_puts(w->out, "<h3>Readiness by area</h3>\n"
	                    "<p class=\"caption\" id=\"areas-caption\">"
	                    "Readiness by area: the share of readiness items "
	                    "in place in each area, an item partly in place "
	                    "counted as half. The table below gives the same "
	                    "figures.</p>\n");
	rp_svg_areas(m, w->out);
	sc_buf_puts(w->out, "<table class=\"figures\">\n<thead><tr>"
	                    "<th>Area</th><th>Score</th><th>Items</th>"
	                    "</tr></thead>\n<tbody>\n");
	struct sc_buf b = {0};
	for (size_t i = 0; i < m->nareas; i++) {
		const struct sc_area *a = &m->areas[i];
		h_tag(w, "<tr><td>", a->name, "</td>");
		if (a->score >= 0)
			sc_buf_printf(w->out, "<td class=\"num\">%d%%</td>", a->score);
		else
			sc_buf_puts(w->out, "<td class=\"num\">not asked</td>");
		sc_buf_reset(&b);
		sc_area_detail(a, &b);
		h_tag(w, "<td>", sc_buf_str(&b), "</td></tr>\n");
	}
	sc_buf_puts(w->out, "</tbody>\n</table>\n");
	sc_buf_fini(&b);
}

/* The gaps by priority: all of them in the SOC layout, or those of one
 * kind (follow-ups, or the reader's own) in the outcome's layout. */
static void
h_gap_list(struct hw *w, const struct rp_model *m, bool soc, bool followups)
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
				sc_buf_printf(w->out, "<h3>%s priority</h3>\n<ul>\n",
				              sc_priority_name(p));
				any = true;
			}
			sc_buf_puts(w->out, "<li><strong>");
			if (soc && d->followup)
				sc_buf_puts(w->out, "<span class=\"followup\">Confirm:"
				                    "</span> ");
			h_text(w, d->title);
			sc_buf_puts(w->out, "</strong>\n<ul>\n<li>Criteria: ");
			for (size_t k = 0; k < g->rec->ncriteria; k++) {
				const char *n = sc_criteria_name(g->rec->criteria[k], name,
				                                 sizeof name);
				sc_buf_puts(w->out, k ? "; " : "");
				h_text(w, g->rec->criteria[k]);
				sc_buf_puts(w->out, " (");
				h_text(w, n ? n : "");
				sc_buf_puts(w->out, ")");
			}
			sc_buf_puts(w->out, "</li>\n");
			h_tag(w, "<li>Advice: ", g->advice, "</li>\n");
			if (soc && d->followup)
				sc_buf_puts(w->out,
				            "<li>This is a follow-up: your answers leave "
				            "this open, so confirm it rather than assume "
				            "either way.</li>\n");
			if (g->ndeps) {
				sc_buf_puts(w->out, "<li class=\"because\">");
				h_deps(w, m, g->deps, g->ndeps);
				sc_buf_puts(w->out, "</li>\n");
			}
			for (size_t k = 0; k < g->ndeps; k++) {
				const char *note = rp_note(m, g->deps[k].question);
				if (!note)
					continue;
				sc_buf_puts(w->out, "<li>Your note on <q>");
				h_text(w, m->q->questions[g->deps[k].question].text);
				sc_buf_puts(w->out, "</q>: ");
				h_text(w, note);
				sc_buf_puts(w->out, "</li>\n");
			}
			sc_buf_puts(w->out, "</ul>\n</li>\n");
		}
		if (any)
			sc_buf_puts(w->out, "</ul>\n");
	}
}

static void
h_gaps(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_GAPS, true);
	h_tag(w, "<p>", m->readiness, "</p>\n");
	h_areas(w, m);
	if (m->ngaps == 0)
		sc_buf_puts(w->out, "<p>No gap was found in your answers.</p>\n");
	h_gap_list(w, m, true, false);
	sc_buf_puts(w->out, "</div>\n");
}

static void
h_outcome(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_OUTCOME, false);
	if (!m->outcome) {
		sc_buf_puts(w->out, "<p>No outcome yet: the answers so far do not "
		                    "settle one. Answer the required questions "
		                    "still open.</p>\n</div>\n");
		return;
	}
	h_tag(w, "<p class=\"outcome\"><strong>", m->outcome_title,
	      "</strong></p>\n");
	h_tag(w, "<p>", m->outcome->help, "</p>\n");
	if (m->outcome_reasons.n) {
		sc_buf_puts(w->out, "<p>Why:</p>\n");
		h_reason_list(w, m, &m->outcome_reasons);
	}
	sc_buf_puts(w->out, "</div>\n");
}

static void
h_outcome_lists(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_FOLLOWUPS, false);
	if (m->nfollowups == 0)
		sc_buf_puts(w->out, "<p>Nothing to follow up.</p>\n");
	h_gap_list(w, m, false, true);
	sc_buf_puts(w->out, "</div>\n");
	h_section(w, RP_H_OWN_GAPS, false);
	if (m->nown == 0)
		sc_buf_puts(w->out, "<p>No gap of your own was found in your "
		                    "answers.</p>\n");
	h_gap_list(w, m, false, false);
	sc_buf_puts(w->out, "</div>\n");
	if (m->next_steps.n) {
		h_section(w, RP_H_NEXT_STEPS, false);
		sc_buf_puts(w->out, "<ul>\n");
		for (size_t i = 0; i < m->next_steps.n; i++)
			h_tag(w, "<li>", m->next_steps.v[i].step, "</li>\n");
		sc_buf_puts(w->out, "</ul>\n</div>\n");
	}
}

static void
h_appendix(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_APPENDIX, true);
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
				h_tag(w, "<h3>", sec->title, "</h3>\n");
				sc_buf_puts(w->out,
				            "<table>\n<thead><tr><th>Question</th>"
				            "<th>Answer</th><th>Note</th></tr></thead>\n"
				            "<tbody>\n");
				any = true;
			}
			h_tag(w, "<tr><td>", q->questions[i].text, "</td>");
			sc_buf_reset(&b);
			rp_answer_text(m, i, &b);
			h_tag(w, "<td>", b.len ? sc_buf_str(&b) : "(no answer)",
			      "</td>");
			const char *note = rp_note(m, i);
			h_tag(w, "<td>", note ? note : "", "</td></tr>\n");
		}
		if (any)
			sc_buf_puts(w->out, "</tbody>\n</table>\n");
	}
	if (hidden) {
		sc_buf_puts(w->out, "<h3>Not asked (not applicable to your "
		                    "answers)</h3>\n<ul>\n");
		for (size_t i = 0; i < q->nquestions; i++)
			if (!sc_eval_visible(m->ev, i))
				h_tag(w, "<li>", q->questions[i].text, "</li>\n");
		sc_buf_puts(w->out, "</ul>\n");
	}
	sc_buf_puts(w->out, "</div>\n");
	sc_buf_fini(&b);
}

/* The evidence list: its notes, one table per report, then the sources.
 * `h` is the heading level of each report's table. */
static void
h_evidence(struct hw *w, const struct rp_model *m, int h)
{
	const struct rp_evidence *e = &m->evidence;
	for (size_t i = 0; i < e->nnotes; i++)
		h_tag(w, "<p>", e->notes[i], "</p>\n");
	struct sc_buf b = {0};
	for (size_t i = 0; i < e->nlists; i++) {
		const struct rp_ev_list *l = &e->lists[i];
		sc_buf_printf(w->out, "<h%d>", h);
		h_text(w, l->title);
		sc_buf_printf(w->out, "</h%d>\n", h);
		h_tag(w, "<p>", l->summary, "</p>\n");
		if (l->nrows == 0)
			continue;
		sc_buf_puts(w->out, "<table class=\"evidence\">\n<thead><tr>"
		                    "<th>#</th><th>Criteria</th>"
		                    "<th>Evidence to provide</th><th>Kind</th>"
		                    "<th>Report type</th><th>When</th>"
		                    "<th>Exists yet</th><th>Sources</th>"
		                    "</tr></thead>\n<tbody>\n");
		for (size_t k = 0; k < l->nrows; k++) {
			const struct rp_ev_row *r = &l->rows[k];
			sc_buf_printf(w->out, "<tr><td class=\"num\">%zu</td><td>",
			              k + 1);
			for (size_t c = 0; c < r->ncriteria; c++) {
				sc_buf_puts(w->out, c ? ", " : "");
				h_text(w, r->criteria[c]);
			}
			sc_buf_puts(w->out, "</td>");
			h_tag(w, "<td>", r->req->text, "</td>");
			sc_buf_printf(w->out, "<td>%s</td><td>%s</td>",
			              sc_ev_kind_name(r->req->kind),
			              r->req->test == SC_EV_DESIGN ? "Type I and II"
			                                           : "Type II");
			h_tag(w, "<td>", r->when, "</td>");
			sc_buf_printf(w->out, "<td%s>%s</td><td>",
			              r->status == SC_READY_IN_PLACE
			                      ? ""
			                      : " class=\"todo\"",
			              rp_ev_status_name(r->status));
			for (size_t s = 0; s < r->req->nsources; s++) {
				sc_buf_puts(w->out, s ? ", " : "");
				h_text(w, e->cat->sources[r->req->sources[s]].id);
			}
			sc_buf_puts(w->out, "</td></tr>\n");
		}
		sc_buf_puts(w->out, "</tbody>\n</table>\n");
	}
	if (e->nlists) {
		sc_buf_printf(w->out, "<h%d>Sources</h%d>\n<ul>\n", h, h);
		for (size_t s = 0; s < e->cat->nsources; s++) {
			const struct sc_ev_source *src = &e->cat->sources[s];
			h_tag(w, "<li><strong>", src->id, "</strong>: ");
			h_text(w, src->title);
			h_tag(w, ", <span class=\"url\">", src->url,
			      "</span></li>\n");
		}
		sc_buf_puts(w->out, "</ul>\n");
	}
	sc_buf_fini(&b);
}

static void
h_begin(struct hw *w, const char *title)
{
	sc_buf_puts(w->out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	                    "<meta charset=\"utf-8\">\n"
	                    "<meta name=\"viewport\" content=\"width=device-width, "
	                    "initial-scale=1\">\n"
	                    "<meta name=\"generator\" content=\"socscope\">\n");
	h_tag(w, "<title>", title, "</title>\n");
	sc_buf_printf(w->out, "<style>\n%s</style>\n</head>\n<body>\n",
	              rp_html_css());
}

static void
render_evidence(const struct rp_model *m, struct sc_buf *out)
{
	struct hw w = {.out = out};
	char *title = rp_evidence_title(m);
	h_begin(&w, title);
	sc_buf_puts(out, "<div class=\"header\">\n");
	h_tag(&w, "<h1>", title, "</h1>\n");
	free(title);
	sc_buf_puts(out, "<dl class=\"meta\">\n");
	if (m->a->client && *m->a->client)
		h_field(&w, "Client", m->a->client);
	h_field(&w, "Date", m->date);
	h_field(&w, "Recommendation", m->summary);
	struct sc_buf b = {0};
	sc_buf_printf(&b, "%s, version %s", m->evidence.cat->title,
	              m->evidence.cat->version);
	h_field(&w, "Catalogue", sc_buf_str(&b));
	sc_buf_fini(&b);
	h_field(&w, "Completeness", m->completeness);
	sc_buf_puts(out, "</dl>\n</div>\n<div class=\"section\" "
	                 "id=\"evidence\">\n");
	h_evidence(&w, m, 2);
	sc_buf_puts(out, "</div>\n");
	h_section(&w, RP_H_ABOUT, false);
	h_tag(&w, "<p class=\"disclaimer\">", RP_DISCLAIMER, "</p>\n");
	sc_buf_puts(out, "</div>\n</body>\n</html>\n");
	sc_buf_fini(&w.tmp);
}

static void
render(const struct rp_model *m, const struct sc_report_opts *opts,
       struct sc_buf *out)
{
	(void)opts;
	struct hw w = {.out = out};
	h_begin(&w, m->title);
	h_header(&w, m);
	h_section(&w, RP_H_SUMMARY, false);
	sc_buf_puts(out, "<p class=\"summary\">");
	for (size_t i = 0; i < m->nexec; i++) {
		if (i)
			sc_buf_putc(out, ' ');
		h_text(&w, m->exec[i]);
	}
	sc_buf_puts(out, "</p>\n</div>\n");
	if (m->has_outcome)
		h_outcome(&w, m);
	if (m->soc) {
		h_recommendation(&w, m);
		h_tsc(&w, m);
		h_roadmap(&w, m);
		h_frameworks(&w, m);
		h_gaps(&w, m);
	} else {
		h_outcome_lists(&w, m);
	}
	h_appendix(&w, m);
	if (m->evidence.cat) {
		h_section(&w, RP_H_EVIDENCE, true);
		h_evidence(&w, m, 3);
		sc_buf_puts(out, "</div>\n");
	}
	h_section(&w, RP_H_ABOUT, false);
	h_tag(&w, "<p class=\"disclaimer\">", m->disclaimer, "</p>\n");
	sc_buf_puts(out, "</div>\n</body>\n</html>\n");
	sc_buf_fini(&w.tmp);
}

const struct rp_format_ops rp_format_html = {
	.id = "html",
	.ext = "html",
	.render = render,
	.evidence_appendix = true,
	.render_evidence = render_evidence,
};
