/* The text report: plain ASCII structure for a terminal or a pager, wrapped
 * to a width counted in terminal columns (CJK characters take two) by the
 * writers' text tool (report_write.c). */
#include "report_internal.h"

#include <stdio.h>

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
heading(struct tw *t, enum rp_heading h)
{
	blank(t);
	char up[64];
	const char *s = rp_heading(h);
	size_t i = 0;
	for (; s[i] && i < sizeof up - 1; i++)
		up[i] = (char)((s[i] >= 'a' && s[i] <= 'z') ? s[i] - 32 : s[i]);
	up[i] = '\0';
	underline(t, up, '-');
}

/* "Label:" then the value with a hanging indent. */
static void
field(struct tw *t, const char *label, const char *value)
{
	char first[32];
	snprintf(first, sizeof first, "%-16s", label);
	wrap(t, first, "                ", value);
}

static void
deps(struct tw *t, const struct rp_model *m, const struct rp_dep *d, size_t n,
     const char *indent, bool notes)
{
	if (n == 0)
		return;
	char first[64], rest[64];
	snprintf(first, sizeof first, "%s%s", indent, RP_BECAUSE);
	wrap(t, first, indent, "");
	snprintf(first, sizeof first, "%s  - ", indent);
	snprintf(rest, sizeof rest, "%s    ", indent);
	struct sc_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		sc_buf_reset(&b);
		sc_buf_printf(&b, "%s -- %s", m->q->questions[d[i].question].text,
		              d[i].text);
		wrap(t, first, rest, sc_buf_str(&b));
		const char *note = notes ? rp_note(m, d[i].question) : NULL;
		if (note) {
			sc_buf_reset(&b);
			sc_buf_printf(&b, "Your note: %s", note);
			wrap(t, rest, rest, sc_buf_str(&b));
		}
	}
	sc_buf_fini(&b);
}

static void
reasons(struct tw *t, const struct rp_model *m, const struct rp_reasons *rs,
        const char *indent)
{
	char first[64], rest[64];
	snprintf(first, sizeof first, "%s- ", indent);
	snprintf(rest, sizeof rest, "%s  ", indent);
	struct sc_buf b = {0};
	for (size_t i = 0; i < rs->n; i++) {
		const struct rp_reason *r = &rs->v[i];
		sc_buf_reset(&b);
		sc_buf_printf(&b, "%s (rule %s)", r->text, r->rule->id);
		wrap(t, first, rest, sc_buf_str(&b));
		deps(t, m, r->deps, r->ndeps, rest, false);
	}
	sc_buf_fini(&b);
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
	if (a->assessor && *a->assessor)
		field(t, "Assessor:", a->assessor);
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
recommendation(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_RECOMMENDATION);
	if (m->nreports == 0) {
		wrap(t, "", "", "No SOC report is recommended now.");
		if (m->none.n) {
			blank(t);
			wrap(t, "", "", "Why:");
			reasons(t, m, &m->none, "  ");
		}
	}
	for (size_t i = 0; i < m->nreports; i++) {
		const struct rp_report *rp = &m->reports[i];
		struct sc_buf b = {0};
		sc_buf_puts(&b, rp->title);
		if (rp->period)
			sc_buf_printf(&b, ", %s", rp->period);
		blank(t);
		wrap(t, "* ", "  ", sc_buf_str(&b));
		sc_buf_fini(&b);
		reasons(t, m, &rp->reasons, "  ");
	}
	if (m->deferred.n) {
		blank(t);
		wrap(t, "", "", "Deferred: " RP_DEFERRED);
		reasons(t, m, &m->deferred, "  ");
	}
	if (m->next_steps.n) {
		blank(t);
		wrap(t, "", "",
		     m->nreports ? "Next steps:" : "What to do instead:");
		for (size_t i = 0; i < m->next_steps.n; i++)
			wrap(t, "  - ", "    ", m->next_steps.v[i].step);
	}
}

static void
tsc(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_TSC);
	if (!m->r->tsc[SC_CAT_SECURITY].in_scope)
		wrap(t, "", "",
		     "No SOC 2 is recommended, so no category is in scope.");
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
			sc_buf_printf(&first, "%s%-12s    -  ", wide ? "" : "    ", "");
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

/* The gaps by priority: every gap in the SOC layout (follow-ups marked
 * as answers to confirm), or only those of one kind in the outcome's
 * layout, where follow-ups and the reader's own gaps are lists of their
 * own. */
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
			              soc && d->followup ? "[Confirm] " : "",
			              d->title);
			wrap(t, "  * ", "    ", sc_buf_str(&b));
			for (size_t k = 0; k < g->rec->ncriteria; k++) {
				const char *n = sc_criteria_name(g->rec->criteria[k], name,
				                                 sizeof name);
				sc_buf_reset(&b);
				sc_buf_printf(&b, "%s (%s)", g->rec->criteria[k], n ? n : "");
				wrap(t, k ? "              " : "    Criteria: ",
				     "                ", sc_buf_str(&b));
			}
			wrap(t, "    Advice: ", "      ", g->advice);
			if (soc && d->followup)
				wrap(t, "    ", "    ",
				     "This is a follow-up: your answers leave this open, "
				     "so confirm it rather than assume either way.");
			deps(t, m, g->deps, g->ndeps, "    ", true);
		}
	}
	sc_buf_fini(&b);
}

static void
gaps(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_GAPS);
	wrap(t, "", "", m->readiness);
	areas(t, m);
	if (m->ngaps == 0) {
		blank(t);
		wrap(t, "", "", "No gap was found in your answers.");
	}
	gap_list(t, m, true, false);
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
	if (m->next_steps.n) {
		heading(t, RP_H_NEXT_STEPS);
		for (size_t i = 0; i < m->next_steps.n; i++)
			wrap(t, "  - ", "    ", m->next_steps.v[i].step);
	}
}

static void
appendix(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_APPENDIX);
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
	if (hidden) {
		blank(t);
		wrap(t, "", "", "Not asked (not applicable to your answers):");
		for (size_t i = 0; i < q->nquestions; i++)
			if (!sc_eval_visible(m->ev, i))
				wrap(t, "  - ", "    ", q->questions[i].text);
	}
	sc_buf_fini(&b);
}

static void
render(const struct rp_model *m, const struct sc_report_opts *opts,
       struct sc_buf *out)
{
	int width = opts && opts->width > 0 ? opts->width : 80;
	struct tw t = {.out = out, .width = width,
	               .x = rp_text_open(out, width)};

	header(&t, m);
	heading(&t, RP_H_SUMMARY);
	struct sc_buf b = {0};
	for (size_t i = 0; i < m->nexec; i++)
		sc_buf_printf(&b, "%s%s", i ? " " : "", m->exec[i]);
	wrap(&t, "", "", sc_buf_str(&b));
	sc_buf_fini(&b);
	if (m->has_outcome)
		outcome(&t, m);
	if (m->soc) {
		recommendation(&t, m);
		tsc(&t, m);
		roadmap(&t, m);
		frameworks(&t, m);
		gaps(&t, m);
	} else {
		outcome_lists(&t, m);
	}
	appendix(&t, m);
	heading(&t, RP_H_ABOUT);
	wrap(&t, "", "", m->disclaimer);

	rp_text_close(t.x);
}

/* The evidence list has no text layout. */
const struct rp_format_ops rp_format_text = {
	.id = "text",
	.ext = "txt",
	.render = render,
};
