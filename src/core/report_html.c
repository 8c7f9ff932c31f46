/* The HTML report: one self-contained HTML5 file (inline CSS, no script, no
 * external fetch) that reads well on screen and prints to A4 or Letter:
 * @page margins, a page break before the appendices, rows and list items
 * kept whole, table headers repeated on each printed page, long words
 * wrapped inside cells so no table is cut at the right edge.  All
 * questionnaire and answer text is escaped (& < > " ').
 *
 * The reading path is the memo's (report_markdown.c says how); a
 * consultant's stylesheet comes after the built-in one, so its rules win,
 * and a logo is inlined as a data: URI. */
#include "report_internal.h"

#include <stdlib.h>
#include <string.h>

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

/* " <span class="rests">Rests on ...</span>" */
static void
h_rests(struct hw *w, const struct rp_model *m, const size_t *idx, size_t n)
{
	if (!n)
		return;
	struct sc_buf b = {0};
	rp_memo_assumed(m, idx, n, &b);
	h_tag(w, " <span class=\"rests\">", sc_buf_str(&b), "</span>");
	sc_buf_fini(&b);
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
	h_rests(w, m, r->assumed, r->nassumed);
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
h_section_titled(struct hw *w, enum rp_heading h, const char *title,
                 bool pagebreak)
{
	/* div, not section: xmllint's HTML parser predates HTML5 elements. */
	sc_buf_printf(w->out, "<div class=\"section%s\" id=\"%s\">\n<h2>",
	              pagebreak ? " pagebreak" : "", rp_heading_id(h));
	h_text(w, title);
	sc_buf_puts(w->out, "</h2>\n");
}

static void
h_section(struct hw *w, enum rp_heading h, bool pagebreak)
{
	h_section_titled(w, h, rp_heading(h), pagebreak);
}

static void
h_field(struct hw *w, const char *label, const char *value)
{
	sc_buf_printf(w->out, "<dt>%s</dt><dd>", label);
	h_text(w, value);
	sc_buf_puts(w->out, "</dd>\n");
}

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void
base64(struct sc_buf *out, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		char q[4] = {b64[v >> 18 & 63], b64[v >> 12 & 63],
		             i + 1 < n ? b64[v >> 6 & 63] : '=',
		             i + 2 < n ? b64[v & 63] : '='};
		sc_buf_add(out, q, 4);
	}
}

/* The consultant's logo, when given and of a type a browser shows. */
static void
h_logo(struct hw *w, const struct rp_model *m)
{
	const struct sc_report_brand *br = m->brand;
	const char *type = br && br->logo
	                           ? sc_report_logo_type(br->logo, br->logo_len)
	                           : NULL;
	if (!type)
		return;
	sc_buf_printf(w->out, "<p class=\"logo\"><img src=\"data:%s;base64,",
	              type);
	base64(w->out, br->logo, br->logo_len);
	sc_buf_puts(w->out, "\" alt=\"");
	h_text(w, m->firm ? m->firm : "Logo");
	sc_buf_puts(w->out, "\"></p>\n");
}

static void
h_header(struct hw *w, const struct rp_model *m)
{
	const struct sc_answers *a = m->a;
	sc_buf_puts(w->out, "<div class=\"header\">\n");
	h_logo(w, m);
	h_tag(w, "<h1>", m->title, "</h1>\n");
	sc_buf_puts(w->out, "<dl class=\"meta\">\n");
	if (a->client && *a->client && !m->q->nheader)
		h_field(w, "Client", a->client);
	for (size_t i = 0; i < m->nfields; i++) {
		h_tag(w, "<dt>", m->fields[i].label, "</dt>");
		h_tag(w, "<dd>", m->fields[i].text, "</dd>\n");
	}
	if (m->prepared_by)
		h_field(w, "Prepared by", m->prepared_by);
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
h_list(struct hw *w, const char *label, char *const *v, size_t n,
       bool numbered)
{
	if (!n)
		return;
	h_tag(w, "<p class=\"label\">", label, "</p>\n");
	sc_buf_puts(w->out, numbered ? "<ol>\n" : "<ul>\n");
	for (size_t i = 0; i < n; i++)
		h_tag(w, "<li>", v[i], "</li>\n");
	sc_buf_puts(w->out, numbered ? "</ol>\n" : "</ul>\n");
}

static void
h_labelled(struct hw *w, const char *cls, const char *label, const char *text)
{
	sc_buf_printf(w->out, "<p class=\"%s\"><strong>", cls);
	h_text(w, label);
	sc_buf_puts(w->out, "</strong> ");
	h_text(w, text);
	sc_buf_puts(w->out, "</p>\n");
}

static void
h_summary(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_SUMMARY, false);
	if (!m->soc) {
		sc_buf_puts(w->out, "<p class=\"summary\">");
		for (size_t i = 0; i < m->nexec; i++) {
			if (i)
				sc_buf_putc(w->out, ' ');
			h_text(w, m->exec[i]);
		}
		sc_buf_puts(w->out, "</p>\n</div>\n");
		return;
	}
	h_tag(w, "<p class=\"summary\">", m->ex_lead, "</p>\n");
	h_list(w, "What to agree with your CPA firm:", m->decision, m->ndecision,
	       false);
	if (m->ex_dates)
		h_tag(w, "<p>", m->ex_dates, "</p>\n");
	if (m->ex_risk)
		h_labelled(w, "risk", "Deadline at risk:", m->ex_risk);
	if (m->truthful)
		h_labelled(w, "truthful", "Asked about SOC 2?",
		           m->truthful);
	h_list(w, "Do first:", m->first, m->nfirst, true);
	h_list(w, "Decisions for you:", m->decide, m->ndecide, false);
	if (m->ex_ready)
		h_tag(w, "<p>", m->ex_ready, "</p>\n");
	if (m->ex_open)
		h_tag(w, "<p>", m->ex_open, "</p>\n");
	sc_buf_puts(w->out, "</div>\n");
}

/* The body's word on the assumptions: how many, where they are marked
 * and listed. */
static void
h_assumptions(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_ASSUMPTIONS, false);
	char *sum = rp_memo_assumptions_summary(m);
	h_tag(w, "<p>", sum, "</p>\n");
	free(sum);
	char *more = m->nunlisted < m->nassumptions ? rp_memo_unlisted(m) : NULL;
	if (more)
		h_tag(w, "<p>", more, "</p>\n");
	free(more);
	sc_buf_puts(w->out, "</div>\n");
}

/* The appendix that lists them, each with its question, answer, note and
 * the conclusions resting on it; the marks link to its items. */
static void
h_assumptions_list(struct hw *w, const struct rp_model *m)
{
	if (m->nunlisted >= m->nassumptions)
		return;
	sc_buf_puts(w->out, "<div class=\"section pagebreak\" "
	                    "id=\"assumptions-list\">\n<h2>");
	h_text(w, rp_title(m, RP_H_ASSUMPTIONS));
	sc_buf_puts(w->out, "</h2>\n");
	h_tag(w, "<p>", RP_ASSUMPTIONS_INTRO, "</p>\n");
	sc_buf_puts(w->out, "<ul class=\"assumptions\">\n");
	for (size_t i = 0; i < m->nassumptions; i++) {
		const struct rp_assumption *as = &m->assumptions[i];
		if (!as->num)
			continue;
		sc_buf_printf(w->out, "<li id=\"a%zu\"><strong>A%zu, %s.</strong> "
		                      "<q>",
		              as->num, as->num, rp_assumption_kind(as));
		h_text(w, m->q->questions[as->question].text);
		sc_buf_puts(w->out, "</q><br>\nAnswer: ");
		h_text(w, as->answer ? as->answer : RP_NO_ANSWER);
		sc_buf_puts(w->out, rp_stop(as->answer ? as->answer : RP_NO_ANSWER));
		if (!as->shown)
			sc_buf_puts(w->out, " The final answers no longer ask this "
			                    "question.");
		if (as->note)
			h_tag(w, "<br>\nNote: ", as->note, "");
		sc_buf_puts(w->out, "<br>\nConclusions resting on it: ");
		for (size_t k = 0; k < as->nrests; k++) {
			sc_buf_puts(w->out, k ? "; " : "");
			h_text(w, as->rests[k]);
		}
		sc_buf_puts(w->out, ".</li>\n");
	}
	sc_buf_puts(w->out, "</ul>\n</div>\n");
}

static void
h_recommendation(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_RECOMMENDATION, false);
	if (m->nreports == 0) {
		sc_buf_printf(w->out, "<p>No SOC report is recommended now%s</p>\n",
		              m->none.n ? ", because:" : ".");
		h_reason_list(w, m, &m->none);
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
		if (rp->plan_note)
			h_tag(w, "<p>", rp->plan_note, "</p>\n");
	}
	if (m->deferred.n) {
		sc_buf_puts(w->out, "<h3>Later: SOC 3</h3>\n<p>" RP_DEFERRED
		                    "</p>\n");
		h_reason_list(w, m, &m->deferred);
	}
	sc_buf_puts(w->out, "</div>\n");
}

static void
h_scope(struct hw *w, const struct rp_model *m)
{
	bool any = m->nscope > 0;
	for (int k = 0; k < SC_SCOPE_KINDS; k++)
		any = any || m->proposals[k].n > 0;
	if (!any)
		return;
	h_section(w, RP_H_SCOPE, false);
	h_tag(w, "<p>", RP_SCOPE_INTRO(m), "</p>\n");
	if (m->nscope) {
		sc_buf_puts(w->out, "<h3>System boundary</h3>\n");
		if (m->scope_quoted)
			h_tag(w, "<p>", RP_BOUNDARY_INTRO, "</p>\n");
		sc_buf_puts(w->out, "<dl class=\"meta\">\n");
		for (size_t i = 0; i < m->nscope; i++) {
			const struct rp_scope_line *l = &m->scope[i];
			h_tag(w, "<dt>", l->label, "</dt>");
			sc_buf_puts(w->out, l->named ? "<dd>" : "<dd class=\"todo\">");
			h_text(w, RP_SCOPE_LINE(l));
			if (l->assumed != SIZE_MAX)
				h_rests(w, m, &l->assumed, 1);
			sc_buf_puts(w->out, "</dd>\n");
		}
		sc_buf_puts(w->out, "</dl>\n");
	}
	for (int k = 0; k < SC_SCOPE_KINDS; k++) {
		const struct rp_scope_items *it = &m->proposals[k];
		if (!it->n)
			continue;
		h_tag(w, "<h3>", rp_scope_kind_title((enum sc_scope_kind)k),
		      "</h3>\n");
		if (it->intro)
			h_tag(w, "<p>", it->intro, "</p>\n");
		sc_buf_puts(w->out, "<ol>\n");
		for (size_t i = 0; i < it->n; i++) {
			h_tag(w, "<li>", it->v[i].text, "");
			h_rests(w, m, it->v[i].assumed, it->v[i].nassumed);
			sc_buf_puts(w->out, "</li>\n");
		}
		sc_buf_puts(w->out, "</ol>\n");
	}
	sc_buf_puts(w->out, "</div>\n");
}

static void
h_tsc(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_TSC, false);
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
	                    "counted as half; an area no readiness question "
	                    "covered was not assessed. The table below gives the "
	                    "same figures.</p>\n");
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
			sc_buf_puts(w->out, "<td class=\"num todo\">not assessed</td>");
		sc_buf_reset(&b);
		sc_area_detail(a, &b);
		h_tag(w, "<td>", sc_buf_str(&b), "</td></tr>\n");
	}
	sc_buf_puts(w->out, "</tbody>\n</table>\n");
	sc_buf_fini(&b);
}

static void
h_owner(struct hw *w, const struct rp_gap *g)
{
	if (!g->owner && !*g->due) {
		sc_buf_puts(w->out, "<li class=\"owner todo\">Owner and due date: "
		                    "not set yet.</li>\n");
		return;
	}
	sc_buf_puts(w->out, "<li class=\"owner\">");
	if (g->owner)
		h_tag(w, "Owner: ", g->owner, "");
	if (*g->due)
		sc_buf_printf(w->out, "%sue %s", g->owner ? "; d" : "D", g->due);
	sc_buf_puts(w->out, ".</li>\n");
}

/* The gaps by priority with what to do: all of them in the SOC layout's
 * guide (an appendix), or those of one kind (follow-ups, or the reader's
 * own) in the outcome's layout, which shows them in its body with their
 * owners and what they rest on. */
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
			if (soc && rp_gap_marked_confirm(g))
				sc_buf_puts(w->out, "<span class=\"followup\">Confirm:"
				                    "</span> ");
			h_text(w, d->title);
			sc_buf_puts(w->out, "</strong>\n<ul>\n");
			if (!soc)
				h_owner(w, g);
			if (g->rec->ncriteria)
				sc_buf_puts(w->out, "<li>Criteria: ");
			for (size_t k = 0; k < g->rec->ncriteria; k++) {
				const char *ref = g->rec->criteria[k];
				const char *n = sc_criteria_name(ref, name, sizeof name);
				sc_buf_puts(w->out, k ? "; " : "");
				if (sc_criteria_soc1(ref) && n) {
					h_text(w, n);
					continue;
				}
				h_text(w, ref);
				sc_buf_puts(w->out, " (");
				h_text(w, n ? n : "");
				sc_buf_puts(w->out, ")");
			}
			if (g->rec->ncriteria)
				sc_buf_puts(w->out, "</li>\n");
			const char *said = rp_gap_said(m, g);
			if (said) {
				sc_buf_puts(w->out, "<li>In the interview: \u201c");
				h_text(w, said);
				sc_buf_puts(w->out, "\u201d</li>\n");
			}
			h_tag(w, "<li>Advice: ", g->advice, "</li>\n");
			if (soc && d->followup)
				sc_buf_puts(w->out,
				            "<li>This is a follow-up: your answers leave "
				            "this open, so confirm it rather than assume "
				            "either way.</li>\n");
			if (!soc && g->nassumed) {
				sc_buf_puts(w->out, "<li>");
				h_rests(w, m, g->assumed, g->nassumed);
				sc_buf_puts(w->out, "</li>\n");
			}
			sc_buf_puts(w->out, "</ul>\n</li>\n");
		}
		if (any)
			sc_buf_puts(w->out, "</ul>\n");
	}
}

/* The gaps as a work plan: each with its priority, criteria, owner and due
 * date, and what it rests on; what to do about each is an appendix. */
static void
h_gaps(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_GAPS, false);
	h_tag(w, "<p>", m->readiness, "</p>\n");
	if (m->ngaps == 0) {
		h_tag(w, "<p>", m->no_gap, "</p>\n");
	} else {
		h_tag(w, "<p>What to do about each is in ", rp_title(m, RP_H_GUIDE),
		      ".");
		if (m->nconfirm)
			sc_buf_puts(w->out, " &ldquo;Confirm&rdquo; marks a follow-up: "
			                    "your answers leave it open, so confirm it "
			                    "rather than assume either way.");
		sc_buf_puts(w->out, "</p>\n<table class=\"gaps\">\n<thead><tr>"
		                    "<th>Gap</th><th>Priority</th><th>Criteria</th>"
		                    "<th>Owner, due</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < m->ngaps; i++) {
			const struct rp_gap *g = &m->gaps[i];
			sc_buf_puts(w->out, "<tr><td>");
			if (rp_gap_marked_confirm(g))
				sc_buf_puts(w->out, "<span class=\"followup\">Confirm:"
				                    "</span> ");
			h_text(w, g->rec->def->title);
			h_rests(w, m, g->assumed, g->nassumed);
			sc_buf_printf(w->out, "</td><td>%s</td><td>",
			              sc_priority_id_str(g->rec->priority));
			for (size_t k = 0; k < g->rec->ncriteria; k++) {
				char lb[96];
				sc_buf_puts(w->out, k ? ", " : "");
				h_text(w, sc_criteria_label(g->rec->criteria[k], lb,
				                            sizeof lb));
			}
			sc_buf_puts(w->out, "</td>");
			if (!g->owner && !*g->due) {
				sc_buf_puts(w->out, "<td class=\"todo\">not set yet</td>");
			} else {
				sc_buf_puts(w->out, "<td>");
				if (g->owner)
					h_text(w, g->owner);
				if (*g->due)
					sc_buf_printf(w->out, "%sdue %s", g->owner ? ", " : "",
					              g->due);
				sc_buf_puts(w->out, "</td>");
			}
			sc_buf_puts(w->out, "</tr>\n");
		}
		sc_buf_puts(w->out, "</tbody>\n</table>\n");
	}
	h_areas(w, m);
	sc_buf_puts(w->out, "</div>\n");
}

static void
h_guide(struct hw *w, const struct rp_model *m)
{
	if (!rp_has_guide(m))
		return;
	h_section_titled(w, RP_H_GUIDE, rp_title(m, RP_H_GUIDE), true);
	h_tag(w, "<p>", RP_GUIDE_INTRO, "</p>\n");
	h_gap_list(w, m, true, false);
	sc_buf_puts(w->out, "</div>\n");
}

static void
h_next_steps(struct hw *w, const struct rp_model *m)
{
	if (!m->next_steps.n)
		return;
	h_section(w, RP_H_NEXT_STEPS, false);
	sc_buf_puts(w->out, "<ul>\n");
	for (size_t i = 0; i < m->next_steps.n; i++) {
		const struct rp_reason *r = &m->next_steps.v[i];
		h_tag(w, "<li>", r->step, "");
		h_rests(w, m, r->assumed, r->nassumed);
		sc_buf_puts(w->out, "</li>\n");
	}
	sc_buf_puts(w->out, "</ul>\n</div>\n");
}

static void
h_source(struct hw *w, const char *id, const char *title, const char *url)
{
	sc_buf_puts(w->out, "<li>");
	if (id)
		h_tag(w, "<strong>", id, "</strong>: ");
	h_text(w, title);
	h_tag(w, ", <span class=\"url\">", url, "</span></li>\n");
}

static void
h_catalogue_sources(struct hw *w, const struct sc_catalogue *cat)
{
	sc_buf_puts(w->out, "<ul>\n");
	for (size_t s = 0; s < cat->nsources; s++)
		h_source(w, cat->sources[s].id, cat->sources[s].title,
		         cat->sources[s].url);
	sc_buf_puts(w->out, "</ul>\n");
}

static void
h_sources(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_SOURCES, false);
	h_tag(w, "<p>", RP_SOURCES_AICPA, "</p>\n<ul>\n");
	for (size_t i = 0; i < m->nsources; i++)
		h_source(w, NULL, m->sources[i]->title, m->sources[i]->url);
	sc_buf_puts(w->out, "</ul>\n");
	if (m->evidence.cat && m->evidence.nlists)
		h_tag(w, "<p>", RP_SOURCES_PRACTICE, "</p>\n");
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
	h_next_steps(w, m);
}

/* --- Appendix A: the trace ------------------------------------------- */

static void
h_trace_reason(struct hw *w, const struct rp_model *m,
               const struct rp_reason *r, const char *what)
{
	sc_buf_puts(w->out, "<li>");
	if (what)
		h_tag(w, "", what, ": rule ");
	else
		sc_buf_puts(w->out, "Rule ");
	h_tag(w, "<code>", r->rule->id, "</code>");
	if (r->ndeps) {
		sc_buf_puts(w->out, ", ");
		h_deps(w, m, r->deps, r->ndeps);
	}
	sc_buf_puts(w->out, "</li>\n");
}

static void
h_trace_group(struct hw *w, const struct rp_model *m, const char *title,
              const struct rp_reasons *rs)
{
	if (!rs->n)
		return;
	h_tag(w, "<h3>", title, "</h3>\n<ul>\n");
	for (size_t i = 0; i < rs->n; i++)
		h_trace_reason(w, m, &rs->v[i], NULL);
	sc_buf_puts(w->out, "</ul>\n");
}

static void
h_trace_gaps(struct hw *w, const struct rp_model *m, const char *title,
             int kind)
{
	bool any = false;
	for (size_t i = 0; i < m->ngaps; i++) {
		const struct rp_gap *g = &m->gaps[i];
		if ((kind >= 0 && g->rec->def->followup != (kind == 1)) ||
		    !g->reasons.n)
			continue;
		if (!any)
			h_tag(w, "<h3>", title, "</h3>\n<ul>\n");
		any = true;
		for (size_t k = 0; k < g->reasons.n; k++)
			h_trace_reason(w, m, &g->reasons.v[k], g->rec->def->title);
	}
	if (any)
		sc_buf_puts(w->out, "</ul>\n");
}

static void
h_trace(struct hw *w, const struct rp_model *m)
{
	h_section_titled(w, RP_H_TRACE, rp_title(m, RP_H_TRACE), true);
	h_tag(w, "<p>", RP_TRACE_INTRO, "</p>\n");
	struct sc_buf b = {0};
	if (m->has_outcome && m->outcome)
		h_trace_group(w, m, m->outcome_title, &m->outcome_reasons);
	if (m->soc) {
		for (size_t i = 0; i < m->nreports; i++)
			h_trace_group(w, m, m->reports[i].title,
			              &m->reports[i].reasons);
		h_trace_group(w, m, "No SOC report now", &m->none);
		h_trace_group(w, m, "Later: SOC 3", &m->deferred);
		for (int k = 0; k < SC_SCOPE_KINDS; k++) {
			const struct rp_scope_rules *sr = &m->scope_rules[k];
			if (!sr->n)
				continue;
			h_tag(w, "<h3>", rp_scope_kind_title((enum sc_scope_kind)k),
			      "</h3>\n<ul>\n");
			for (size_t i = 0; i < sr->n; i++) {
				sc_buf_reset(&b);
				sc_buf_puts(&b, sr->v[i].nitems == 1 ? "Item " : "Items ");
				for (size_t j = 0; j < sr->v[i].nitems; j++)
					sc_buf_printf(&b, "%s%zu", j ? ", " : "",
					              sr->v[i].items[j] + 1);
				h_trace_reason(w, m, sr->v[i].reason, sc_buf_str(&b));
			}
			sc_buf_puts(w->out, "</ul>\n");
		}
		if (m->r->tsc[SC_CAT_SECURITY].in_scope)
			for (int c = 0; c < SC_CAT_COUNT; c++) {
				sc_buf_reset(&b);
				sc_buf_printf(&b, "%s: %s", sc_category_name(c),
				              rp_tsc_status(m, c));
				h_trace_group(w, m, sc_buf_str(&b), &m->tsc[c]);
			}
		for (size_t i = 0; i < m->r->nframeworks; i++)
			h_trace_group(w, m, sc_framework_name(m->r->frameworks[i].id),
			              &m->frameworks[i]);
		h_trace_gaps(w, m, rp_heading(RP_H_GAPS), -1);
	} else {
		h_trace_gaps(w, m, rp_heading(RP_H_FOLLOWUPS), 1);
		h_trace_gaps(w, m, rp_heading(RP_H_OWN_GAPS), 0);
	}
	h_trace_group(w, m, rp_heading(RP_H_NEXT_STEPS), &m->next_steps);
	sc_buf_puts(w->out, "</div>\n");
	sc_buf_fini(&b);
}

/* --- Appendix B: the answers ----------------------------------------- */

static void
h_appendix(struct hw *w, const struct rp_model *m)
{
	h_section_titled(w, RP_H_APPENDIX, rp_title(m, RP_H_APPENDIX), true);
	const struct sc_questionnaire *q = m->q;
	struct sc_buf b = {0};
	for (size_t s = 0; s < q->nsections; s++) {
		const struct sc_section *sec = &q->sections[s];
		bool any = false;
		for (size_t i = sec->first; i < sec->first + sec->count; i++) {
			if (!sc_eval_visible(m->ev, i))
				continue;
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
	if (m->nhidden)
		sc_buf_printf(w->out, "<p>%zu more question%s %s not asked: %s did "
		                      "not apply to your answers.</p>\n",
		              m->nhidden, m->nhidden == 1 ? "" : "s",
		              m->nhidden == 1 ? "was" : "were",
		              m->nhidden == 1 ? "it" : "they");
	sc_buf_puts(w->out, "</div>\n");
	sc_buf_fini(&b);
}

/* --- Appendix C: the evidence list ----------------------------------- */

/* Its notes, what each report examines, then one table in which each
 * request appears once, then the catalogue's sources it cites; `h` is the
 * level of its headings. */
static void
h_evidence(struct hw *w, const struct rp_model *m, int h)
{
	const struct rp_evidence *e = &m->evidence;
	for (size_t i = 0; i < e->nnotes; i++)
		h_tag(w, "<p>", e->notes[i], "</p>\n");
	if (!e->nlists)
		return;
	sc_buf_puts(w->out, "<ul>\n");
	for (size_t i = 0; i < e->nlists; i++)
		h_tag(w, "<li>", e->lists[i].summary, "</li>\n");
	sc_buf_puts(w->out, "</ul>\n");
	sc_buf_printf(w->out, "<h%d>Requests</h%d>\n", h, h);
	h_tag(w, "<p>In all: ", e->summary, "</p>\n");
	if (e->nrows) {
		sc_buf_puts(w->out, "<table class=\"evidence\">\n<thead><tr>"
		                    "<th>#</th><th>Serves</th><th>Criteria</th>"
		                    "<th>Evidence to provide</th><th>Kind</th>"
		                    "<th>When</th><th>Exists yet</th>"
		                    "<th>Owner, due</th><th>Sources</th>"
		                    "</tr></thead>\n<tbody>\n");
		for (size_t k = 0; k < e->nrows; k++) {
			const struct rp_ev_row *r = &e->rows[k];
			sc_buf_printf(w->out, "<tr><td class=\"num\">%zu</td>", k + 1);
			h_tag(w, "<td>", r->serves_text, "</td><td>");
			for (size_t c = 0; c < r->ncriteria; c++) {
				char lb[96];
				sc_buf_puts(w->out, c ? ", " : "");
				h_text(w, sc_criteria_label(r->criteria[c], lb,
				                            sizeof lb));
			}
			sc_buf_puts(w->out, "</td>");
			h_tag(w, "<td>", r->req->text, "</td>");
			sc_buf_printf(w->out, "<td>%s</td>",
			              sc_ev_kind_name(r->req->kind));
			h_tag(w, "<td>", r->when, "</td>");
			sc_buf_printf(w->out, "<td%s>%s</td><td>",
			              r->status == SC_READY_IN_PLACE
			                      ? ""
			                      : " class=\"todo\"",
			              rp_ev_status_name(r->status));
			if (r->owner)
				h_text(w, r->owner);
			if (*r->due)
				sc_buf_printf(w->out, "%sdue %s", r->owner ? ", " : "",
				              r->due);
			sc_buf_puts(w->out, "</td><td>");
			for (size_t s = 0; s < r->req->nsources; s++) {
				sc_buf_puts(w->out, s ? ", " : "");
				h_text(w, e->cat->sources[r->req->sources[s]].id);
			}
			sc_buf_puts(w->out, "</td></tr>\n");
		}
		sc_buf_puts(w->out, "</tbody>\n</table>\n");
	}
	sc_buf_printf(w->out, "<h%d>Sources</h%d>\n", h, h);
	h_catalogue_sources(w, e->cat);
}

static void
h_begin(struct hw *w, const char *title, const struct sc_report_brand *brand)
{
	sc_buf_puts(w->out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	                    "<meta charset=\"utf-8\">\n"
	                    "<meta name=\"viewport\" content=\"width=device-width, "
	                    "initial-scale=1\">\n"
	                    "<meta name=\"generator\" content=\"socscope\">\n");
	h_tag(w, "<title>", title, "</title>\n");
	sc_buf_printf(w->out, "<style>\n%s</style>\n", rp_html_css());
	/* The consultant's own, after: in a tie, the later rule wins.  The
	 * caller checked it (sc_report_stylesheet_problem); one that would
	 * break out of the element is left out all the same. */
	const char *css = brand ? brand->stylesheet : NULL;
	if (css && !sc_report_stylesheet_problem(css, strlen(css), NULL, NULL)) {
		sc_buf_puts(w->out, "<style>\n");
		sc_buf_puts(w->out, css);
		if (*css && css[strlen(css) - 1] != '\n')
			sc_buf_putc(w->out, '\n');
		sc_buf_puts(w->out, "</style>\n");
	}
	sc_buf_puts(w->out, "</head>\n<body>\n");
}

static void
render_evidence(const struct rp_model *m, struct sc_buf *out)
{
	struct hw w = {.out = out};
	char *title = rp_evidence_title(m);
	h_begin(&w, title, NULL);
	sc_buf_puts(out, "<div class=\"header\">\n");
	h_tag(&w, "<h1>", title, "</h1>\n");
	free(title);
	sc_buf_puts(out, "<dl class=\"meta\">\n");
	if (m->a->client && *m->a->client)
		h_field(&w, "Client", m->a->client);
	if (m->prepared_by)
		h_field(&w, "Prepared by", m->prepared_by);
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
h_evidence_part(struct hw *w, const struct rp_model *m)
{
	h_section_titled(w, RP_H_EVIDENCE, rp_title(m, RP_H_EVIDENCE), true);
	h_evidence(w, m, 3);
	sc_buf_puts(w->out, "</div>\n");
}

static void
h_about(struct hw *w, const struct rp_model *m)
{
	h_section(w, RP_H_ABOUT, false);
	h_tag(w, "<p class=\"disclaimer\">", m->disclaimer, "</p>\n");
}

static void
render(const struct rp_model *m, const struct sc_report_opts *opts,
       struct sc_buf *out)
{
	static void (*const part[RP_P_COUNT])(struct hw *,
	                                      const struct rp_model *) = {
		[RP_P_HEADER] = h_header,
		[RP_P_SUMMARY] = h_summary,
		[RP_P_OUTCOME] = h_outcome,
		[RP_P_RECOMMENDATION] = h_recommendation,
		[RP_P_SCOPE] = h_scope,
		[RP_P_TSC] = h_tsc,
		[RP_P_ROADMAP] = h_roadmap,
		[RP_P_FRAMEWORKS] = h_frameworks,
		[RP_P_GAPS] = h_gaps,
		[RP_P_NEXT_STEPS] = h_next_steps,
		[RP_P_OUTCOME_LISTS] = h_outcome_lists,
		[RP_P_ASSUMPTIONS] = h_assumptions,
		[RP_P_SOURCES] = h_sources,
		[RP_P_ASSUMPTION_LIST] = h_assumptions_list,
		[RP_P_TRACE] = h_trace,
		[RP_P_GUIDE] = h_guide,
		[RP_P_APPENDIX] = h_appendix,
		[RP_P_EVIDENCE] = h_evidence_part,
		[RP_P_ABOUT] = h_about,
	};
	struct hw w = {.out = out};
	(void)opts;
	h_begin(&w, m->title, m->brand);
	enum rp_part parts[RP_P_COUNT];
	size_t n = rp_parts(m, parts);
	for (size_t i = 0; i < n; i++)
		if (part[parts[i]])
			part[parts[i]](&w, m);
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
