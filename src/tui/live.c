/* The live recommendation beside the questions. */
#include "live.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/answers.h"
#include "socscope/plan.h"

const char *
tui_mark(const struct tui_state *st, bool on)
{
	if (st->opts->ascii)
		return on ? "[x]" : "[ ]";
	return on ? "\u2714" : "\u00b7";
}

int
tui_plan_months(struct sc_eval *ev, const struct sc_questionnaire *q,
                enum sc_report_id id)
{
	struct sc_plan p;
	sc_plan_build(&p, q, ev);
	const struct sc_plan_report *pr = sc_plan_report(&p, id);
	int months = pr ? pr->months : 0;
	sc_plan_fini(&p);
	return months;
}

void
tui_doc_add_report_title(struct tui_doc *d, const struct sc_report_rec *r,
                         int months, enum sc_role role, int indent,
                         const char *pre, const char *post)
{
	struct sc_buf b = {0};
	sc_report_title(r, &b);
	if ((r->type == SC_TYPE2 || r->id == SC_SOC3) && months > 0)
		tui_doc_add(d, TL_TEXT, role, indent, "%s%s%d months%s",
		            sc_buf_str(&b), pre, months, post);
	else
		tui_doc_add(d, TL_TEXT, role, indent, "%s", sc_buf_str(&b));
	sc_buf_fini(&b);
}

static const char *
arrow(const struct tui_state *st)
{
	return st->opts->ascii ? "->" : "\u2192";
}

static const char *
bullet(const struct tui_state *st)
{
	return st->opts->ascii ? "-" : "\u2022";
}

/* ---- what differs, in words --------------------------------------------- */

struct sc_diff *
tui_whatif_diff(struct tui_state *st)
{
	const struct sc_diff_opts o = {.label_a = "saved", .label_b = "what-if"};
	return sc_diff_new(st->q, st->saved->a, st->saved->ev, st->s->a,
	                   st->s->ev, &o);
}

size_t
tui_whatif_changes(const struct tui_state *st)
{
	size_t n = 0;
	for (size_t i = 0; st->saved && i < st->q->nquestions; i++)
		n += !sc_answer_equal(&st->saved->a->v[i], &st->s->a->v[i]);
	return n;
}

/* One side of a readiness score, short: "40%", or "none". */
static void
score_side(const struct sc_diff_value *v, char *buf, size_t size)
{
	if (v->present)
		snprintf(buf, size, "%d%%", v->value);
	else
		snprintf(buf, size, "none");
}

char *
tui_diff_item_text(const struct tui_state *st, const struct sc_diff_item *it)
{
	const char *to = arrow(st), *a = it->a.text, *b = it->b.text;
	char sa[16], sb[16];
	switch (it->kind) {
	case SC_DIFF_TYPE:
		return sc_xasprintf("%s type: %s %s %s", it->name, a, to, b);
	case SC_DIFF_PERIOD:
		return sc_xasprintf("%s period: %s %s %s", it->name, a, to, b);
	case SC_DIFF_READINESS:
		score_side(&it->a, sa, sizeof sa);
		score_side(&it->b, sb, sizeof sb);
		return sc_xasprintf("Readiness: %s %s %s", sa, to, sb);
	case SC_DIFF_ITEM:
		return sc_xasprintf("Readiness item %s: %s %s %s", it->name, a, to,
		                    b);
	case SC_DIFF_GAP:
		/* Which gap, by its title, and which way. */
		if (!it->a.present)
			return sc_xasprintf("Gap opened: %s (%s)", it->name, b);
		if (!it->b.present)
			return sc_xasprintf("Gap closed: %s", it->name);
		return sc_xasprintf("Gap %s: %s %s %s", it->name, a, to, b);
	case SC_DIFF_REPORT:
	case SC_DIFF_CATEGORY:
	case SC_DIFF_FRAMEWORK:
	case SC_DIFF_OUTCOME:
	case SC_DIFF_KIND_COUNT:
		break;
	}
	return sc_xasprintf("%s: %s %s %s", it->name, a, to, b);
}

static void
add_item(struct tui_doc *d, const struct tui_state *st,
         const struct sc_diff_item *it, int indent)
{
	char *t = tui_diff_item_text(st, it);
	tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, indent, "%s", t);
	free(t);
}

/* The answer to question i on both sides: "• Question? 12 → 3". */
static void
add_answer(struct tui_doc *d, const struct tui_state *st,
           const struct sc_diff *df, size_t i, bool jump, int indent)
{
	enum tui_line_kind kind = jump ? TL_QUESTION : TL_TEXT;
	struct tui_line *l = NULL;
	for (size_t k = 0; k < df->nanswers && !l; k++) {
		const struct sc_diff_answer *x = &df->answers[k];
		if (x->question == i)
			l = tui_doc_add(d, kind, SC_ROLE_TEXT, indent,
			                "%s %s %s %s %s", bullet(st),
			                tui_question(st, i)->text, x->text_a,
			                arrow(st), x->text_b);
	}
	/* A hidden question's answer: changed, but read by nothing now. */
	if (!l)
		l = tui_doc_add(d, kind, SC_ROLE_TEXT, indent,
		                "%s %s (not asked now)", bullet(st),
		                tui_question(st, i)->text);
	l->target = i;
}

/* Position of question i in what-if's order of changes (later: newer);
 * 0 when not recorded. */
static size_t
touched_at(const struct tui_state *st, size_t i)
{
	for (size_t k = st->wi_norder; k > 0; k--)
		if (st->wi_order[k - 1] == i)
			return k;
	return 0;
}

void
tui_doc_add_attributed(struct tui_doc *d, const struct tui_state *st,
                       const struct tui_attr *t, bool jump, int indent)
{
	const struct sc_diff *df = t->df;
	size_t n = t->nchanged;
	size_t *ord = sc_xcalloc(n + 1, sizeof *ord);
	/* Newest change first; those not recorded after, in order. */
	for (size_t c = 0; c < n; c++)
		ord[c] = c;
	for (size_t c = 1; c < n; c++)
		for (size_t j = c; j > 0 &&
		     touched_at(st, t->changed[ord[j]]) >
		             touched_at(st, t->changed[ord[j - 1]]);
		     j--) {
			size_t tmp = ord[j];
			ord[j] = ord[j - 1];
			ord[j - 1] = tmp;
		}
	for (size_t o = 0; o < n; o++) {
		size_t c = ord[o];
		add_answer(d, st, df, t->changed[c], jump, indent);
		size_t moved = 0;
		for (size_t k = 0; k < df->nitems; k++)
			if (tui_attr_moves(t, c, k)) {
				add_item(d, st, &df->items[k], indent + 2);
				moved++;
			}
		if (!moved)
			tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, indent + 2, "%s",
			            "Changes no conclusion on its own.");
	}
	bool together = false;
	for (size_t k = 0; k < df->nitems; k++) {
		if (!t->together[k])
			continue;
		if (!together)
			tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, indent, "%s",
			            "Only the changes together:");
		together = true;
		add_item(d, st, &df->items[k], indent + 2);
	}
	free(ord);
}

/* ---- the panel ------------------------------------------------------------ */

static void
add_categories(struct tui_doc *d, const struct tui_state *st,
               const struct sc_result *r)
{
	bool soc2 = false;
	for (size_t k = 0; k < r->nreports; k++)
		soc2 |= r->reports[k].id == SC_SOC2;
	if (!soc2)
		return;
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Categories");
	for (int c = 0; c < SC_CAT_COUNT; c++)
		tui_doc_add(d, TL_TEXT,
		            r->tsc[c].in_scope ? SC_ROLE_SUCCESS : SC_ROLE_MUTED, 2,
		            "%s %s%s", tui_mark(st, r->tsc[c].in_scope),
		            sc_category_name((enum sc_category)c),
		            r->tsc[c].required ? " (required)" : "");
}

static void
add_frameworks(struct tui_doc *d, const struct sc_result *r)
{
	if (!r->nframeworks)
		return;
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Related");
	for (size_t k = 0; k < r->nframeworks; k++)
		tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "%s",
		            sc_framework_name(r->frameworks[k].id));
}

/* The plan's dates in one line, as the reports' first page gives them,
 * and a deadline it misses. */
static void
add_plan(struct tui_state *st, struct sc_session *shown, struct tui_doc *d,
         const struct sc_result *r)
{
	if (!r->nreports)
		return;
	struct sc_plan p;
	sc_plan_build(&p, st->q, shown->ev);
	if (p.headline)
		tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 2, "Plan: %s", p.headline);
	if (p.deadline_risk)
		tui_doc_add(d, TL_TEXT, SC_ROLE_WARNING, 2, "%s",
		            p.deadline_action ? p.deadline_action
		                              : p.deadline_risk);
	sc_plan_fini(&p);
}

/* The panel in what-if: the what-if recommendation, then each answer
 * changed from the saved ones, newest first, with what it moved, then
 * the what-if conclusions in full.  Returns the summary's line. */
static size_t
whatif_panel(struct tui_state *st, struct sc_session *shown, struct tui_doc *d)
{
	const struct sc_result *r = sc_eval_result(shown->ev);
	struct sc_buf b = {0};
	sc_result_summary(st->q, r, &b);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
	            "WHAT-IF: not saved");
	tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0, "%s", sc_buf_str(&b));
	sc_buf_fini(&b);
	/* What-if moves dates too: a deadline missed shows at once. */
	if (!(st->q->noutcomes && !st->q->recommends))
		add_plan(st, shown, d, r);

	struct tui_attr *t = tui_attr_new(st->q, st->saved->a, st->saved->ev,
	                                  shown->a, shown->ev);
	if (!t->nchanged) {
		tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 0, "%s",
		            "No answer differs from the saved ones yet.");
	} else {
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
		            t->df->nitems ? "Differs from saved, newest first"
		                          : "Same conclusions as saved");
		tui_doc_add_attributed(d, st, t, false, 0);
		tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 0,
		            "%zu answer%s changed; i keeps or drops, c compares",
		            t->nchanged, t->nchanged == 1 ? "" : "s");
	}
	tui_attr_free(t);
	r = sc_eval_result(shown->ev);
	add_categories(d, st, r);
	add_frameworks(d, r);
	const struct sc_result *ra = sc_eval_result(st->saved->ev);
	r = sc_eval_result(shown->ev);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0, "Gaps: %zu %s %zu  Readiness: %d%%",
	            ra->ngaps, arrow(st), r->ngaps, r->score);
	return 1;
}

static void
add_news(struct tui_doc *d, const struct tui_doc *news)
{
	for (size_t i = 0; i < news->n; i++) {
		struct tui_line *l = tui_doc_add(d, news->v[i].kind, news->v[i].role,
		                                 news->v[i].indent, "%s",
		                                 news->v[i].text);
		l->bold = news->v[i].bold;
	}
}

/* The panel outside what-if: at its top what the last change did, then
 * the recommendation so far.  Returns the summary's line. */
static size_t
saved_panel(struct tui_state *st, struct sc_session *shown, struct tui_doc *d,
            const struct tui_doc *news)
{
	const struct sc_result *r = sc_eval_result(shown->ev);
	struct sc_buf b = {0};

	/* The newest change on top, unless the panel is too short to show
	 * it and the recommendation both (under the question at 80x24):
	 * then the recommendation first. */
	bool news_first = news->n + 2 <= (size_t)(st->panel_height > 0
	                                                  ? st->panel_height
	                                                  : 0) ||
	                  !news->n;
	if (news_first)
		add_news(d, news);
	r = sc_eval_result(shown->ev);
	/* A questionnaire that concludes with an outcome, not reports. */
	bool outcome_only = st->q->noutcomes && !st->q->recommends;
	sc_result_summary(st->q, r, &b);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
	            outcome_only ? "Outcome so far" : "Recommendation so far");
	size_t sum = d->n;
	tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0, "%s", sc_buf_str(&b));
	sc_buf_fini(&b);
	if (!news_first)
		add_news(d, news);
	for (size_t k = 0; k < r->nreports; k++)
		tui_doc_add_report_title(d, &r->reports[k],
		                         tui_plan_months(shown->ev, st->q,
		                                         r->reports[k].id),
		                         SC_ROLE_ACCENT, 2, ", ",
		                         "");
	if (!outcome_only)
		add_plan(st, shown, d, r);
	add_categories(d, st, r);
	add_frameworks(d, r);
	size_t followups = 0;
	for (size_t k = 0; k < r->ngaps; k++)
		followups += r->gaps[k].def && r->gaps[k].def->followup;
	if (outcome_only)
		tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0,
		            "Follow-ups: %zu  Your own gaps: %zu", followups,
		            r->ngaps - followups);
	else
		tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0,
		            "Gaps: %zu  Readiness: %d%%", r->ngaps, r->score);
	if (r->nunanswered)
		tui_doc_add(d, TL_TEXT, SC_ROLE_WARNING, 0,
		            "%zu required question%s open", r->nunanswered,
		            r->nunanswered == 1 ? "" : "s");
	return sum;
}

/* What changed from `base` to the session `now`: the answers and the
 * conclusions they moved, under `title`.  With `moved_only`, nothing when
 * no conclusion moved (what is being typed); else a confirmed answer that
 * moved nothing says so, since left out, the panel went on naming an
 * older change as if it were this one. */
static void
news_block(struct tui_state *st, const struct sc_answers *base,
           struct sc_session *now, const char *title, bool moved_only,
           struct tui_doc *out)
{
	struct sc_eval *ev = sc_eval_new(st->q, base);
	struct tui_attr *t = tui_attr_new(st->q, base, ev, now->a, now->ev);
	if (t->nchanged && (t->df->nitems || !moved_only)) {
		tui_doc_add(out, TL_TEXT, SC_ROLE_TITLE, 0, "%s", title);
		tui_doc_add_attributed(out, st, t, false, 0);
	}
	tui_attr_free(t);
	sc_eval_free(ev);
}

/* The draft of the current question as an answer, when it is being typed,
 * is valid and differs from the one stored; false otherwise. */
static bool
draft_answer(const struct tui_state *st, struct sc_answer *a)
{
	size_t i = st->cur;
	const struct sc_question *qn = tui_question(st, i);
	memset(a, 0, sizeof *a);
	if (!st->s || !tui_is_typed(qn) || !st->draft_dirty[i] || st->errors[i])
		return false;
	const char *text = tui_le_text(&st->drafts[i]);
	if (!*text)
		return false;
	if (qn->type == SC_Q_NUMBER) {
		char *end;
		a->num = strtod(text, &end);
		if (*end)
			return false;
		a->type = SC_A_NUMBER;
	} else if (qn->type == SC_Q_DATE) {
		sc_day day = 0;
		char *err = tui_date_error(qn, text, &day);
		if (err) {
			free(err);
			return false;
		}
		a->type = SC_A_DATE;
		a->day = day;
	} else {
		a->type = SC_A_TEXT;
		a->text = (char *)text;
	}
	const struct sc_answer *stored = tui_answer_stored(st, i);
	return !stored || !sc_answer_equal(stored, a);
}

/* Rebuild st->live from `shown` (st->s, or a copy holding what is being
 * typed).  With `mark`, lines that differ from the panel as the last
 * confirmed answer left it are marked; with `commit` this build is that
 * panel from now on. */
static void
build(struct tui_state *st, struct sc_session *shown, const struct tui_doc *news,
      bool mark, bool commit)
{
	struct tui_doc *d = &st->live;
	struct tui_doc *was = &st->live_prev;
	size_t top = d->top;

	tui_doc_fini(d);
	d->sel = SIZE_MAX;
	size_t sum = st->saved ? whatif_panel(st, shown, d)
	                       : saved_panel(st, shown, d, news);
	for (size_t i = 0; i < d->n; i++) {
		bool seen = false;
		for (size_t j = 0; j < was->n && !seen; j++)
			seen = !strcmp(was->v[j].text, d->v[i].text);
		d->v[i].changed = mark && was->n && !seen;
	}
	/* The newest change is on top: show it. */
	d->top = mark ? 0 : (top < d->n ? top : 0);
	/* A flipped recommendation is said in words too, so it shows even
	 * with the panel hidden.  A save error already on show matters
	 * more. */
	size_t wsum = st->live_prev_sum;
	if (mark && commit && wsum < was->n && sum < d->n &&
	    strcmp(was->v[wsum].text, d->v[sum].text) && !st->message)
		tui_set_message(st, false, "Recommendation now: %s (was: %s)",
		                d->v[sum].text, was->v[wsum].text);
	if (!commit)
		return;
	st->live_prev_sum = sum;
	tui_doc_fini(was);
	was->sel = SIZE_MAX;
	for (size_t i = 0; i < d->n; i++)
		tui_doc_add(was, TL_TEXT, d->v[i].role, d->v[i].indent, "%s",
		            d->v[i].text);
}

/* The answers the next change is measured from: now's. */
static void
rebase(struct tui_state *st)
{
	sc_answers_free(st->live_base);
	st->live_base = st->s ? sc_answers_clone(st->s->a) : NULL;
}

void
tui_live_refresh(struct tui_state *st)
{
	if (!st->s)
		return;
	if (st->saved) {
		build(st, st->s, NULL, true, true);
		rebase(st);
		return;
	}
	if (st->live_base) {
		struct tui_doc news = {0};
		news.sel = SIZE_MAX;
		news_block(st, st->live_base, st->s, "Just changed", false, &news);
		/* Confirming an answer unchanged leaves the last change named. */
		if (news.n) {
			tui_doc_fini(&st->live_news);
			st->live_news = news;
		} else {
			tui_doc_fini(&news);
		}
	}
	build(st, st->s, &st->live_news, true, true);
	rebase(st);
}

void
tui_live_reset(struct tui_state *st)
{
	if (!st->s)
		return;
	tui_doc_fini(&st->live_news);
	st->live_news.sel = SIZE_MAX;
	build(st, st->s, &st->live_news, false, true);
	rebase(st);
}

void
tui_live_preview(struct tui_state *st)
{
	struct sc_answer a;
	if (!st->s)
		return;
	if (!draft_answer(st, &a)) {
		/* Nothing typed that differs: the panel as the answers are. */
		build(st, st->s, &st->live_news, true, false);
		return;
	}
	struct sc_session *p = sc_session_what_if(st->s);
	sc_session_set(p, st->cur, &a);
	if (st->saved) {
		tui_live_touched(st, st->cur);
		build(st, p, NULL, true, false);
	} else {
		struct tui_doc news = {0};
		news.sel = SIZE_MAX;
		news_block(st, st->s->a, p, "As typed (Enter confirms)", true,
		           &news);
		build(st, p, news.n ? &news : &st->live_news, true, false);
		tui_doc_fini(&news);
	}
	sc_session_free(p);
}

void
tui_live_touched(struct tui_state *st, size_t i)
{
	size_t n = st->q->nquestions;
	if (!st->wi_order)
		st->wi_order = sc_xcalloc(n + 1, sizeof *st->wi_order);
	size_t k = 0;
	for (size_t j = 0; j < st->wi_norder; j++)
		if (st->wi_order[j] != i)
			st->wi_order[k++] = st->wi_order[j];
	st->wi_order[k++] = i;
	st->wi_norder = k;
}

bool
tui_live_request(struct tui_state *st, enum tui_req req)
{
	struct tui_doc *d = &st->live;
	int w = st->panel_width, h = st->panel_height;
	switch (req) {
	case REQ_UP:
	case REQ_DOWN:
		tui_doc_scroll_by(d, req == REQ_UP ? -1 : 1, w, h);
		return true;
	case REQ_PREV:
	case REQ_NEXT:
		tui_doc_scroll_by(d, req == REQ_PREV ? -(h > 2 ? h - 1 : 1)
		                                     : (h > 2 ? h - 1 : 1),
		                  w, h);
		return true;
	case REQ_HOME:
	case REQ_END:
		tui_doc_home_end(d, req == REQ_END, w, h);
		return true;
	default:
		return false;
	}
}
