/* The outcome's part of the report model: what a questionnaire with
 * outcomes concluded and why, the header lines it declares, the next
 * review, and, when the report has no SOC sections, its executive summary
 * (the outcome, the follow-ups and gaps to close, what is still open). */
#include "report_internal.h"

#include <stdlib.h>
#include <string.h>

static void
field_add(struct rp_model *m, const char *label, char *text, size_t question)
{
	m->fields = sc_xrealloc(m->fields, (m->nfields + 1) * sizeof *m->fields);
	m->fields[m->nfields].label = label;
	m->fields[m->nfields].text = text;
	m->fields[m->nfields].question = question;
	m->nfields++;
}

/* The header lines: each declared question that is shown and answered. */
static void
build_fields(struct rp_model *m)
{
	const struct sc_questionnaire *q = m->q;
	for (size_t i = 0; i < q->nheader; i++) {
		size_t qi = q->header[i].question;
		const struct sc_answer *v = sc_eval_answer(m->ev, qi);
		if (qi >= q->nquestions || !v)
			continue;
		struct sc_buf b = {0};
		const struct sc_question *qn = &q->questions[qi];
		const struct sc_choice *ch = NULL;
		if (v->type == SC_A_CHOICE && v->choice < qn->nchoices)
			ch = &qn->choices[v->choice];
		if (ch && ch->short_label)
			sc_buf_puts(&b, ch->short_label);
		else
			sc_answer_format(qn, v, &b);
		if (b.len == 0) /* an empty check list */
			sc_buf_puts(&b, "none");
		field_add(m, q->header[i].label, sc_buf_steal(&b), qi);
	}
	sc_day next;
	if (sc_eval_next_review(m->ev, &next)) {
		sc_date_format(next, m->next_review);
		field_add(m, "Next review", sc_xstrdup(m->next_review), SIZE_MAX);
	}
}

static char *
plural(size_t n, const char *one, const char *many)
{
	return sc_xasprintf("%zu %s", n, n == 1 ? one : many);
}

/* "There are 3 follow-ups (1 high priority) and 2 gaps of your own to
 * close." */
static void
counts_sentence(const struct rp_model *m, struct sc_buf *b)
{
	size_t fu_high = 0;
	for (size_t i = 0; i < m->ngaps; i++)
		if (m->gaps[i].rec->def->followup &&
		    m->gaps[i].rec->priority == SC_PRIO_HIGH)
			fu_high++;
	if (m->nfollowups == 0) {
		sc_buf_puts(b, "There is nothing to follow up");
	} else {
		char *fu = plural(m->nfollowups, "follow-up", "follow-ups");
		sc_buf_printf(b, "There %s %s", m->nfollowups == 1 ? "is" : "are",
		              fu);
		free(fu);
		if (fu_high)
			sc_buf_printf(b, " (%zu high priority)", fu_high);
	}
	if (m->nown == 0) {
		sc_buf_puts(b, " and no gap of your own.");
	} else {
		char *own = plural(m->nown, "gap of your own", "gaps of your own");
		sc_buf_printf(b, "%s and %s to close.",
		              m->nfollowups ? "" : ",", own);
		free(own);
	}
}

static void
exec_add(struct rp_model *m, struct sc_buf *b)
{
	m->exec = sc_xrealloc(m->exec, (m->nexec + 1) * sizeof *m->exec);
	m->exec[m->nexec++] = sc_buf_steal(b);
}

static void
build_exec(struct rp_model *m)
{
	const struct sc_result *r = m->r;
	struct sc_buf b = {0};
	if (m->outcome) {
		sc_buf_printf(&b, "Outcome: %s.", m->outcome_title);
		if (!m->soc && m->outcome_reasons.n) {
			sc_buf_printf(&b, " Why: %s", m->outcome_reasons.v[0].text);
			size_t more = m->outcome_reasons.n - 1;
			if (more == 1)
				sc_buf_puts(&b, " One more reason is listed below.");
			else if (more)
				sc_buf_printf(&b, " %zu more reasons are listed below.",
				              more);
		}
	} else {
		sc_buf_puts(&b, "No outcome yet: the answers so far do not settle "
		                "one.");
	}
	exec_add(m, &b);
	if (m->soc)
		return; /* the SOC summary says the rest */
	counts_sentence(m, &b);
	exec_add(m, &b);
	if (r->nunanswered > 0) {
		sc_buf_printf(&b,
		              "%zu required question%s still unanswered, so this "
		              "may change.",
		              r->nunanswered, r->nunanswered == 1 ? " is" : "s are");
		exec_add(m, &b);
	}
	sc_buf_fini(&b);
}

void
rp_outcome_build(struct rp_model *m)
{
	const struct sc_questionnaire *q = m->q;
	const struct sc_result *r = m->r;
	for (size_t i = 0; i < m->ngaps; i++)
		if (m->gaps[i].rec->def->followup)
			m->nfollowups++;
	m->nown = m->ngaps - m->nfollowups;
	build_fields(m);
	if (!m->has_outcome)
		return;
	m->outcome_title = sc_result_outcome_title(q, r);
	if (r->outcome.id < q->noutcomes) {
		m->outcome = &q->outcomes[r->outcome.id];
		rp_reasons_build(m, &r->outcome.reasons, &m->outcome_reasons);
		char *c = sc_xasprintf("Outcome: %s", m->outcome_title);
		rp_memo_mark(m, &m->outcome_reasons, c);
		free(c);
	}
}

void
rp_outcome_exec(struct rp_model *m)
{
	if (m->has_outcome)
		build_exec(m);
}

void
rp_outcome_fini(struct rp_model *m)
{
	rp_reasons_fini(&m->outcome_reasons);
	for (size_t i = 0; i < m->nfields; i++)
		free(m->fields[i].text);
	free(m->fields);
	m->fields = NULL;
	m->nfields = 0;
}
