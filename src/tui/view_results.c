/* The results: recommendation, categories, related frameworks, gaps,
 * score, next steps and the required questions still open.  The export
 * prompt under them is view_export.c. */
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "live.h"
#include "nav.h"
#include "socscope/date.h"
#include "socscope/plan.h"
#include "text.h"
#include "view.h"

/* Cells of an area's bar, as in the text report. */
#define AREA_CELLS 10

/* Readiness by area as bars: the share in place as filled cells, then the
 * percentage and the counts in words, so it reads the same without colour
 * and in ASCII.  Wrapped rows line up after the bar. */
static void
add_areas(struct tui_state *st, struct tui_doc *d)
{
	struct sc_area areas[SC_AREA_MAX];
	size_t n = sc_report_areas(st->q, st->s->a, st->s->ev, areas);
	const char *full = st->opts->ascii ? "#" : "\u2588";
	const char *empty = st->opts->ascii ? "." : "\u2591";
	struct sc_buf bar = {0}, detail = {0};

	if (!n)
		return;
	tui_doc_blank(d);
	/* What the cells and the highlight mean, in words: the highlight is
	 * the warning colour, and a "!" says the same without colour. */
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0,
	            "Readiness by area (%s in place, %s not yet; ! and "
	            "highlighted: something is not in place)", full, empty);
	for (size_t i = 0; i < n; i++) {
		const struct sc_area *a = &areas[i];
		sc_buf_reset(&bar);
		sc_buf_reset(&detail);
		sc_area_detail(a, &detail);
		if (a->score >= 0) {
			int filled = (a->score * AREA_CELLS + 50) / 100;
			sc_buf_puts(&bar, "[");
			for (int k = 0; k < AREA_CELLS; k++)
				sc_buf_puts(&bar, k < filled ? full : empty);
			sc_buf_printf(&bar, "] %3d%%", a->score);
		} else {
			sc_buf_printf(&bar, "%*s", AREA_CELLS + 7, "-");
		}
		bool warn = a->score >= 0 && a->missing;
		struct tui_line *l = tui_doc_add(
			d, TL_TEXT,
			a->score < 0 ? SC_ROLE_MUTED
			             : warn ? SC_ROLE_WARNING : SC_ROLE_TEXT,
			0, "%s %s  %s: %s", warn ? "!" : " ", sc_buf_str(&bar),
			a->name, sc_buf_str(&detail));
		l->hang = AREA_CELLS + 11;
	}
	sc_buf_fini(&bar);
	sc_buf_fini(&detail);
}

/* A gap's criteria as auditors name them: "CC3.1 Risk identification";
 * a SOC 1 objective by its name alone, its internal id being no one's
 * business. */
static void
add_criteria(struct tui_doc *d, const struct sc_gap_rec *g)
{
	struct sc_buf b = {0};
	char cbuf[128];
	for (size_t j = 0; j < g->ncriteria; j++) {
		const char *id = g->criteria[j];
		const char *nm = sc_criteria_name(id, cbuf, sizeof cbuf);
		if (j)
			sc_buf_puts(&b, "; ");
		if (!strncmp(id, "SOC1:", 5) && nm)
			sc_buf_puts(&b, nm);
		else
			sc_buf_printf(&b, "%s%s%s", id, nm ? " " : "", nm ? nm : "");
	}
	if (b.len)
		tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 6, "Criteria: %s",
		            sc_buf_str(&b));
	sc_buf_fini(&b);
}

/* Who closes a gap and by when, as the answers file records it: a line
 * under the gap, which Enter on the gap sets. */
static void
add_owner(struct tui_state *st, struct tui_doc *d, const struct sc_gap_rec *g)
{
	const struct sc_action *x = sc_answers_action(st->s->a, g->def->id);
	char due[11] = "";
	if (x && x->has_due)
		sc_date_format(x->due, due);
	if (!x)
		tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 6, "%s",
		            "Owner, due: not set yet (Enter on the gap sets them)");
	else
		tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 6, "Owner, due: %s%s%s",
		            x->owner ? x->owner : "no owner named",
		            *due ? ", due " : "", due);
}

/* A gap's title line: selectable, Enter sets its owner and due date. */
static void
add_gap_title(struct tui_doc *d, const struct sc_gap_rec *g, size_t k,
              const char *suffix)
{
	struct tui_line *l = tui_doc_add(
		d, TL_GAP,
		g->priority == SC_PRIO_HIGH ? SC_ROLE_WARNING : SC_ROLE_TEXT, 2,
		"[%s] %s%s", sc_priority_name(g->priority), g->def->title, suffix);
	l->target = k;
}

/* A report asked for but put off (the SOC 3 waits for a SOC 2 Type II to
 * summarise), named, and why it was asked for. */
static void
add_deferred(struct tui_state *st, struct tui_doc *d, const struct sc_result *r)
{
	if (!r->deferred.n)
		return;
	tui_doc_blank(d);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%s",
	            "SOC 3 deferred: it is the public summary of a SOC 2 Type "
	            "II, which is not recommended yet.");
	for (size_t j = 0; j < r->deferred.n; j++)
		tui_doc_add(d, TL_TEXT, SC_ROLE_HELP, 4, "%s Asked for because: %s",
		            st->opts->ascii ? "-" : "\u2022",
		            st->q->rules[r->deferred.rules[j]].because);
}

/* A rule's text with {{question_id}} filled in, in `b` (reset first). */
static const char *
filled(struct tui_state *st, const char *text, struct sc_buf *b)
{
	sc_buf_reset(b);
	sc_eval_expand(st->s->ev, text, b);
	return sc_buf_str(b);
}

/* A questionnaire that concludes with an outcome: the outcome and why,
 * then its follow-ups and the reader's own gaps. */
static void
add_outcome(struct tui_state *st, struct tui_doc *d, const struct sc_result *r)
{
	struct sc_buf b = {0};
	const char *bullet = st->opts->ascii ? "-" : "\u2022";
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Outcome");
	tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, 2, "%s",
	            sc_result_outcome_title(st->q, r))->bold = true;
	if (r->outcome.id < st->q->noutcomes)
		tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%s",
		            st->q->outcomes[r->outcome.id].help);
	for (size_t j = 0; j < r->outcome.reasons.n; j++)
		tui_doc_add(d, TL_TEXT, SC_ROLE_HELP, 4, "%s %s", bullet,
		            filled(st, st->q->rules[r->outcome.reasons.rules[j]]
		                               .because, &b));
	for (int own = 0; own < 2; own++) {
		tui_doc_blank(d);
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
		            own ? "Your own gaps" : "Follow-ups");
		size_t n = 0;
		for (size_t k = 0; k < r->ngaps; k++) {
			const struct sc_gap_rec *g = &r->gaps[k];
			if (g->def->followup == (own != 0))
				continue;
			n++;
			add_gap_title(d, g, k, "");
			add_owner(st, d, g);
			tui_doc_add(d, TL_TEXT, SC_ROLE_HELP, 6, "%s",
			            filled(st, g->def->advice, &b));
		}
		if (!n)
			tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 2, "%s",
			            own ? "None found from the answers so far."
			                : "Nothing to follow up so far.");
	}
	sc_buf_fini(&b);
}

/* The roadmap, from the same planner as every report and the live panel
 * (src/core/plan.c): each track with its dated phases, then the notes. */
static void
add_roadmap(struct tui_state *st, struct tui_doc *d)
{
	struct sc_plan p;
	sc_plan_build(&p, st->q, st->s->ev);
	const char *bullet = st->opts->ascii ? "-" : "\u2022";
	tui_doc_blank(d);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Roadmap");
	if (!p.dated) {
		for (size_t i = 0; i < p.nmissing; i++) {
			struct tui_line *l = tui_doc_add(
				d, TL_QUESTION, SC_ROLE_WARNING, 2,
				"Dates wait for an answer: %s",
				tui_question(st, p.missing[i])->text);
			l->target = p.missing[i];
		}
		if (!p.nmissing && p.nreports)
			tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 2, "%s",
			            "Confirm dates with your CPA firm.");
		if (!p.nreports)
			tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 2, "%s",
			            "No report is recommended now, so there is no "
			            "audit to plan.");
		sc_plan_fini(&p);
		return;
	}
	bool options = p.ntracks > 1;
	for (size_t t = 0; t < p.ntracks; t++) {
		const struct sc_track *tr = &p.tracks[t];
		if (options || tr->summary) {
			if (t)
				tui_doc_blank(d);
			tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, 2, "%s", tr->title)
				->bold = true;
			if (tr->summary)
				tui_doc_add(d, TL_TEXT, SC_ROLE_HELP, 2, "%s",
				            tr->summary);
		}
		for (size_t k = 0; k < tr->nphases; k++) {
			const struct sc_phase *ph = &tr->phases[k];
			char f[11], to[11];
			sc_date_format(ph->from, f);
			sc_date_format(ph->to, to);
			struct tui_line *l;
			if (ph->kind == SC_PHASE_TYPE1)
				l = tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 4,
				                "%s as of %s: %s", bullet, f, ph->what);
			else
				l = tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 4,
				                "%s %s to %s: %s", bullet, f, to,
				                ph->what);
			l->hang = 2;
		}
	}
	for (size_t i = 0; i < p.nnotes; i++)
		tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 2, "%s", p.notes[i]);
	sc_plan_fini(&p);
}

static void
add_recommendation(struct tui_state *st, struct tui_doc *d,
                   const struct sc_result *r)
{
	struct sc_buf b = {0}, t = {0};

	sc_result_summary(st->q, r, &b);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Recommendation");
	tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, 2, "%s", sc_buf_str(&b))->bold =
		true;
	for (size_t k = 0; k < r->nreports; k++) {
		const struct sc_report_rec *rr = &r->reports[k];
		tui_doc_blank(d);
		tui_doc_add_report_title(
			d, rr, tui_plan_months(st->s->ev, st->q, rr->id),
			SC_ROLE_TEXT, 2, ", observation period ", "");
		for (size_t j = 0; j < rr->reasons.n; j++)
			tui_doc_add(d, TL_TEXT, SC_ROLE_HELP, 4, "%s %s",
			            st->opts->ascii ? "-" : "\u2022",
			            filled(st, st->q->rules[rr->reasons.rules[j]]
			                               .because, &t));
	}
	add_deferred(st, d, r);

	tui_doc_blank(d);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Trust Services categories");
	for (int c = 0; c < SC_CAT_COUNT; c++) {
		const struct sc_tsc_rec *tc = &r->tsc[c];
		/* The reason every format gives, a rule's or the fixed one. */
		const char *why = tc->reasons.n
			? filled(st, st->q->rules[tc->reasons.rules[0]].because,
			         &t)
			: sc_result_tsc_why(st->q, r, (enum sc_category)c);
		struct tui_line *l = tui_doc_add(
			d, TL_TEXT, tc->in_scope ? SC_ROLE_SUCCESS : SC_ROLE_MUTED, 2,
			"%s %-21s %-9s %s", tui_mark(st, tc->in_scope),
			sc_category_name((enum sc_category)c),
			tc->in_scope ? (tc->required ? "required" : "in scope")
			             : "out",
			why ? why : "");
		/* The reason wraps in its own column (the mark, the name and
		 * the status before it). */
		l->hang = tui_strwidth(tui_mark(st, true), strlen(tui_mark(st, true))) +
		          1 + 21 + 1 + 9 + 1;
	}
	if (r->nframeworks) {
		tui_doc_blank(d);
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Related frameworks");
		for (size_t k = 0; k < r->nframeworks; k++) {
			const struct sc_reasons *rs = &r->frameworks[k].reasons;
			tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%s%s%s",
			            sc_framework_name(r->frameworks[k].id),
			            rs->n ? ": " : "",
			            rs->n ? filled(st, st->q->rules[rs->rules[0]]
			                                   .because, &t)
			                  : "");
		}
	}
	tui_doc_blank(d);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Readiness gaps");
	if (!r->ngaps)
		tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 2, "%s",
		            "None found from the answers so far.");
	for (size_t k = 0; k < r->ngaps; k++) {
		const struct sc_gap_rec *g = &r->gaps[k];
		add_gap_title(d, g, k, g->def->followup ? " (to confirm)" : "");
		add_criteria(d, g);
		add_owner(st, d, g);
		tui_doc_add(d, TL_TEXT, SC_ROLE_HELP, 6, "Advice: %s",
		            filled(st, g->def->advice, &t));
	}
	tui_doc_blank(d);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "Readiness score: %d/100",
	            r->score);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2,
	            "%zu in place, %zu partly, %zu not in place, %zu not known",
	            r->in_place, r->partial, r->missing, r->unknown);
	add_areas(st, d);
	/* The roadmap after the readiness it builds on, before the next
	 * steps. */
	add_roadmap(st, d);
	sc_buf_fini(&b);
	sc_buf_fini(&t);
}

static void
open_results(struct tui_state *st)
{
	struct tui_doc *d = &st->docs[TV_RESULTS];
	const struct sc_result *r = sc_eval_result(st->s->ev);
	struct sc_buf b = {0};
	struct tui_place keep = tui_doc_place(d);

	tui_doc_clear(d);
	if (!st->reopening)
		st->owner_mode = false;
	if (st->q->noutcomes && !st->q->recommends)
		add_outcome(st, d, r);
	else
		add_recommendation(st, d, r);
	if (r->next_steps.n) {
		tui_doc_blank(d);
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Next steps");
		for (size_t k = 0; k < r->next_steps.n; k++)
			tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%s %s",
			            st->opts->ascii ? "-" : "\u2022",
			            filled(st, st->q->rules[r->next_steps.rules[k]]
			                               .next_step, &b));
	}
	sc_buf_reset(&b);
	sc_session_explain_skipped(st->s, 0, st->q->nsections, &b);
	if (b.len) {
		tui_doc_blank(d);
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
		            "Sections that do not apply");
		for (char *l = b.data, *e; l && *l; l = e ? e + 1 : NULL) {
			e = strchr(l, '\n');
			if (e)
				*e = '\0';
			tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 2, "%s", l);
		}
	}
	tui_doc_blank(d);
	if (r->nunanswered) {
		tui_doc_add(d, TL_TEXT, SC_ROLE_WARNING, 0,
		            "Required questions still open (%zu): Enter to answer",
		            r->nunanswered);
		for (size_t k = 0; k < r->nunanswered; k++) {
			struct tui_line *l = tui_doc_add(
				d, TL_QUESTION, SC_ROLE_WARNING, 2, "%s",
				tui_question(st, r->unanswered[k])->text);
			l->target = r->unanswered[k];
		}
	} else {
		tui_doc_add(d, TL_TEXT, SC_ROLE_SUCCESS, 0,
		            "All required questions answered (%zu of %zu shown "
		            "questions answered).", r->answered, r->applicable);
	}
	sc_buf_fini(&b);
	/* Opened, the results start at the recommendation; come back to
	 * (Esc from Why, the end of a jump), they are where they were. */
	if (st->reopening)
		tui_doc_restore(d, keep, st->doc_width, st->doc_height);
	else
		d->top = 0;
}

/* ---- the owner and due date of a gap ---------------------------------- */

static bool
owner_begin(struct tui_state *st, const struct tui_line *l)
{
	const struct sc_result *r = sc_eval_result(st->s->ev);
	if (l->kind != TL_GAP || l->target >= r->ngaps)
		return false;
	if (st->s->read_only) {
		tui_read_only_message(st);
		return true;
	}
	const struct sc_gap_def *g = r->gaps[l->target].def;
	free(st->owner_gap);
	free(st->owner_title);
	st->owner_gap = sc_xstrdup(g->id);
	st->owner_title = sc_xstrdup(g->title);
	const struct sc_action *x = sc_answers_action(st->s->a, g->id);
	struct sc_buf b = {0};
	if (x && x->owner)
		sc_buf_puts(&b, x->owner);
	if (x && x->has_due) {
		char due[11];
		sc_date_format(x->due, due);
		sc_buf_printf(&b, "%s%s", x->owner ? ", " : "", due);
	}
	tui_le_set(&st->owner_ed, sc_buf_str(&b));
	sc_buf_fini(&b);
	st->owner_mode = true;
	tui_clear_message(st);
	return true;
}

/* "Dana Lee, 2027-01-31", "Dana Lee", "2027-01-31" or nothing (clears):
 * a date after the last comma (or alone) is the due date. */
static void
owner_confirm(struct tui_state *st)
{
	char *owner = NULL, *err = NULL;
	bool has_due = false;
	long due = 0;
	if (!sc_action_parse(tui_le_text(&st->owner_ed), &owner, &has_due, &due,
	                     &err)) {
		tui_set_message(st, true, "%s.", err);
		free(err);
		return;
	}
	enum sc_status rc = sc_session_set_action(st->s, st->owner_gap, owner,
	                                          has_due ? &due : NULL);
	free(owner);
	if (rc == SC_EDATA) {
		tui_set_message(st, true, "%s", "An owner is at most 200 "
		                "characters of text.");
		return;
	}
	st->owner_mode = false;
	tui_note_save_status(st, rc);
	if (rc == SC_OK)
		tui_set_message(st, false, "Saved: the owner and due date of "
		                "\"%s\", in every report and export.",
		                st->owner_title);
	/* The document shows it at once, where it was. */
	st->reopening = true;
	st->views[TV_RESULTS]->open(st);
	st->reopening = false;
}

static bool
owner_request(struct tui_state *st, enum tui_req req, int key)
{
	if (tui_le_request(&st->owner_ed, req))
		return true;
	switch (req) {
	case REQ_INSERT:
		tui_le_insert(&st->owner_ed, (uint32_t)key);
		return true;
	case REQ_ENTER:
		owner_confirm(st);
		return true;
	case REQ_BACK:
		st->owner_mode = false;
		tui_clear_message(st);
		return true;
	default:
		return true; /* nothing else while the field is open */
	}
}

static bool
results_open_line(struct tui_state *st, const struct tui_line *l)
{
	if (l->kind == TL_GAP)
		return owner_begin(st, l);
	if (l->kind != TL_QUESTION)
		return false;
	tui_nav_jump_to(st, l->target);
	return true;
}

static bool
results_request(struct tui_state *st, enum tui_req req, int key)
{
	if (st->owner_mode)
		return owner_request(st, req, key);
	if (st->export_mode)
		return tui_export_request(st, req, key);
	switch (req) {
	case REQ_EXPORT:
		tui_export_begin(st);
		return true;
	case REQ_LEFT:
	case REQ_RIGHT:
		return true;
	default:
		return tui_docview_request(st, req, key);
	}
}

static bool
results_editing(const struct tui_state *st)
{
	return st->export_mode || st->owner_mode;
}

static const struct tui_barkey *
results_keybar(const struct tui_state *st)
{
	static const struct tui_barkey keys[] = {
		{REQ_HELP, "Help"},    {REQ_EXPORT, "Export"},
		{REQ_EXPLAIN, "Why"},  {REQ_REVIEW, "Review"},
		{REQ_ENTER, "Answer"}, {REQ_BACK, "Back"},
		{REQ_QUIT, "Quit"},    {REQ_NONE, NULL}};
	static const struct tui_barkey owner[] = {
		{REQ_ENTER, "Save"}, {REQ_BACK, "Cancel"}, {REQ_NONE, NULL}};
	static const struct tui_barkey gap[] = {
		{REQ_HELP, "Help"},    {REQ_EXPORT, "Export"},
		{REQ_EXPLAIN, "Why"},  {REQ_REVIEW, "Review"},
		{REQ_ENTER, "Owner"},  {REQ_BACK, "Back"},
		{REQ_QUIT, "Quit"},    {REQ_NONE, NULL}};
	if (st->owner_mode)
		return owner;
	const struct tui_doc *d = &st->docs[TV_RESULTS];
	if (!st->export_mode && d->sel < d->n && d->v[d->sel].kind == TL_GAP)
		return gap;
	return st->export_mode ? tui_export_keybar(st) : keys;
}

const struct tui_view_ops tui_view_results = {
	.name = "results",
	.title = "Results",
	.document = true,
	.request = results_request,
	.open = open_results,
	.open_line = results_open_line,
	.editing = results_editing,
	.keybar = results_keybar,
	.exports = true,
};
