/* Explain: each conclusion, the rules that produced it and the answers
 * they read, each answer a jump back to its question. */
#include "draft.h"
#include "live.h"
#include "view.h"

/* The rule's reason and, below it, each answer it rests on (jumpable). */
static void
add_rule(struct tui_state *st, struct tui_doc *d, size_t rule, int indent)
{
	const struct sc_rule *r = &st->q->rules[rule];
	struct sc_buf b = {0};
	size_t n = 0;
	const size_t *deps = sc_eval_because(st->s->ev, rule, &n);

	sc_eval_expand(st->s->ev, r->because, &b);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, indent, "%s %s",
	            st->opts->ascii ? "-" : "\u2022", sc_buf_str(&b));
	sc_buf_reset(&b);
	for (size_t k = 0; k < n; k++) {
		size_t qi = deps[k];
		tui_answer_format(st, qi, &b);
		struct tui_line *l = tui_doc_add(
			d, TL_QUESTION, SC_ROLE_HELP, indent + 2, "%s %s %s %s",
			st->opts->ascii ? ">" : "\u2192", tui_question(st, qi)->text,
			st->opts->ascii ? "--" : "\u2014",
			b.len ? sc_buf_str(&b) : "(no answer)");
		l->target = qi;
	}
	sc_buf_fini(&b);
}

static void
add_reasons(struct tui_state *st, struct tui_doc *d,
            const struct sc_reasons *rs, int indent)
{
	for (size_t k = 0; k < rs->n; k++)
		add_rule(st, d, rs->rules[k], indent);
}

static void
open_explain(struct tui_state *st)
{
	struct tui_doc *d = &st->docs[TV_EXPLAIN];
	const struct sc_result *r = sc_eval_result(st->s->ev);
	struct sc_buf b = {0};
	struct tui_place keep = tui_doc_place(d);

	tui_doc_clear(d);
	tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 0, "%s",
	            "Each conclusion, the rules that produced it and the answers "
	            "they read. Enter jumps to an answer.");
	if (st->q->noutcomes) {
		tui_doc_blank(d);
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "Outcome: %s",
		            sc_result_outcome_title(st->q, r));
		add_reasons(st, d, &r->outcome.reasons, 2);
		if (!r->outcome.reasons.n)
			tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 2, "%s",
			            "No rule has proposed an outcome yet.");
	}
	/* A questionnaire that concludes with an outcome, not reports. */
	bool reports = st->q->recommends || !st->q->noutcomes;
	for (size_t k = 0; reports && k < r->nreports; k++) {
		tui_doc_blank(d);
		const struct sc_report_rec *rr = &r->reports[k];
		tui_doc_add_report_title(
			d, rr, tui_plan_months(st->s->ev, st->q, rr->id),
			SC_ROLE_TITLE, 0, " (", ")");
		add_reasons(st, d, &rr->reasons, 2);
	}
	if (reports && !r->nreports) {
		tui_doc_blank(d);
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "No SOC report now");
		add_reasons(st, d, &r->none, 2);
		if (!r->none.n)
			tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 2, "%s",
			            "No rule has recommended a report yet.");
	}
	if (r->deferred.n) {
		tui_doc_blank(d);
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
		            "SOC 3 deferred: it is the public summary of a SOC 2 "
		            "Type II, which is not recommended yet");
		add_reasons(st, d, &r->deferred, 2);
	}
	for (int c = 0; c < SC_CAT_COUNT; c++) {
		const struct sc_tsc_rec *t = &r->tsc[c];
		if (!t->in_scope && !t->reasons.n)
			continue;
		tui_doc_blank(d);
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s: %s",
		            sc_category_name((enum sc_category)c),
		            t->in_scope ? (t->required ? "in scope (required)"
		                                       : "in scope")
		                        : "out of scope");
		if (t->required && !t->reasons.n)
			tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%s",
			            "Security is always in scope of a SOC 2.");
		add_reasons(st, d, &t->reasons, 2);
	}
	for (size_t k = 0; k < r->nframeworks; k++) {
		tui_doc_blank(d);
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "Related: %s",
		            sc_framework_name(r->frameworks[k].id));
		add_reasons(st, d, &r->frameworks[k].reasons, 2);
	}
	for (size_t k = 0; k < r->ngaps; k++) {
		tui_doc_blank(d);
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s (%s): %s",
		            reports || !r->gaps[k].def->followup ? "Gap"
		                                                 : "Follow-up",
		            sc_priority_name(r->gaps[k].priority),
		            r->gaps[k].def->title);
		add_reasons(st, d, &r->gaps[k].reasons, 2);
	}
	sc_buf_fini(&b);
	/* Come back to (Esc after a jump to an answer): where it was. */
	if (st->reopening)
		tui_doc_restore(d, keep, st->doc_width, st->doc_height);
	else
		tui_doc_scroll_to_sel(d, st->doc_width, st->doc_height);
}

const struct tui_view_ops tui_view_explain = {
	.name = "explain",
	.title = "Why: each conclusion explained",
	.document = true,
	.request = tui_docview_request,
	.open = open_explain,
};
