/* The live recommendation beside the questions. */
#include "live.h"

#include <stdio.h>
#include <string.h>


const char *
tui_mark(const struct tui_state *st, bool on)
{
	if (st->opts->ascii)
		return on ? "[x]" : "[ ]";
	return on ? "\u2714" : "\u00b7";
}

/* "SOC 2 Type II" and the months of a Type II period between `pre` and
 * `post` ("SOC 2 Type II, 12 months"); a SOC 3, which has no type, is named
 * by what it is (sc_report_title). */
void
tui_doc_add_report_title(struct tui_doc *d, const struct sc_report_rec *r,
                         enum sc_role role, int indent, const char *pre,
                         const char *post)
{
	struct sc_buf b = {0};
	sc_report_title(r, &b);
	if (r->type == SC_TYPE2 && r->period_months > 0)
		tui_doc_add(d, TL_TEXT, role, indent, "%s%s%d months%s",
		            sc_buf_str(&b), pre, r->period_months, post);
	else
		tui_doc_add(d, TL_TEXT, role, indent, "%s", sc_buf_str(&b));
	sc_buf_fini(&b);
}

static void
add_report_line(struct tui_doc *d, const struct sc_report_rec *r, int indent)
{
	tui_doc_add_report_title(d, r, SC_ROLE_ACCENT, indent, ", ", "");
}

/* ---- what-if: the saved answers against the changed ones ---- */

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

static const char *
arrow(const struct tui_state *st)
{
	return st->opts->ascii ? "->" : "\u2192";
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

void
tui_doc_add_diff(struct tui_doc *d, const struct tui_state *st,
                 const struct sc_diff *df, bool all, int unit)
{
	const char *to = arrow(st);
	for (size_t k = 0; k < df->nitems; k++) {
		const struct sc_diff_item *it = &df->items[k];
		const char *a = it->a.text, *b = it->b.text;
		char sa[16], sb[16];
		switch (it->kind) {
		case SC_DIFF_REPORT:
			tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, unit, "%s: %s %s %s",
			            it->name, a, to, b);
			break;
		case SC_DIFF_TYPE:
			tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, unit,
			            "%s type: %s %s %s", it->name, a, to, b);
			break;
		case SC_DIFF_PERIOD:
			tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, unit,
			            "%s period: %s %s %s", it->name, a, to, b);
			break;
		case SC_DIFF_CATEGORY:
		case SC_DIFF_FRAMEWORK:
		case SC_DIFF_OUTCOME:
			tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, unit, "%s: %s %s %s",
			            it->name, a, to, b);
			break;
		case SC_DIFF_READINESS:
			score_side(&it->a, sa, sizeof sa);
			score_side(&it->b, sb, sizeof sb);
			tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, unit,
			            "Readiness: %s %s %s", sa, to, sb);
			break;
		case SC_DIFF_ITEM:
			if (!all)
				continue;
			tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, unit,
			            "Readiness item %s: %s %s %s", it->name, a, to,
			            b);
			break;
		case SC_DIFF_GAP:
			if (!all)
				continue;
			tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, unit,
			            "Gap \"%s\": %s %s %s", it->name, a, to, b);
			break;
		case SC_DIFF_KIND_COUNT:
			continue;
		}
		/* The answers behind it, under it. */
		for (size_t j = 0; j < it->nanswers; j++) {
			const struct sc_diff_answer *x = &df->answers[it->answers[j]];
			tui_doc_add(d, TL_TEXT, SC_ROLE_HELP, 2 * unit,
			            "%s %s %s %s %s", st->opts->ascii ? "-" : "\u2022",
			            tui_question(st, x->question)->text, x->text_a,
			            to, x->text_b);
		}
	}
}

/* The panel in what-if: the what-if recommendation, then what differs
 * from the saved answers and why.  Line 1 is the summary, as outside. */
static void
whatif_panel(struct tui_state *st, struct tui_doc *d)
{
	const struct sc_result *r = sc_eval_result(st->s->ev);
	struct sc_buf b = {0};
	sc_result_summary(st->q, r, &b);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "What-if (not saved)");
	tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0, "%s", sc_buf_str(&b));
	sc_buf_fini(&b);

	/* The summary names the reports; what differs comes next, so that
	 * it shows in the few rows of a panel under the question. */
	struct sc_diff *df = tui_whatif_diff(st);
	size_t gaps = 0, items = 0, shown = 0;
	for (size_t k = 0; k < df->nitems; k++) {
		gaps += df->items[k].kind == SC_DIFF_GAP;
		items += df->items[k].kind == SC_DIFF_ITEM;
	}
	shown = df->nitems - gaps - items;
	size_t changes = tui_whatif_changes(st);
	if (!df->nanswers) {
		tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 0, "%s",
		            "No answer differs from the saved ones yet.");
	} else if (!df->nitems) {
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
		            "Same conclusions as saved");
	} else {
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
		            "Differs from saved");
		tui_doc_add_diff(d, st, df, false, 1);
		const struct sc_result *ra = sc_eval_result(st->saved->ev);
		r = sc_eval_result(st->s->ev);
		if (gaps)
			tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, 1,
			            "Gaps: %zu %s %zu (%zu differ)", ra->ngaps,
			            arrow(st), r->ngaps, gaps);
		else if (items && !shown)
			tui_doc_add(d, TL_TEXT, SC_ROLE_ACCENT, 1,
			            "Readiness items: %zu differ", items);
	}
	if (changes)
		tui_doc_add(d, TL_TEXT, SC_ROLE_MUTED, 0,
		            "%zu answer%s changed; i to keep or drop", changes,
		            changes == 1 ? "" : "s");
	sc_diff_free(df);
}

/* The panel outside what-if: the recommendation so far. */
static void
saved_panel(struct tui_state *st, struct tui_doc *d)
{
	const struct sc_result *r = sc_eval_result(st->s->ev);
	struct sc_buf b = {0};

	/* A questionnaire that concludes with an outcome, not reports. */
	bool outcome_only = st->q->noutcomes && !st->q->recommends;
	sc_result_summary(st->q, r, &b);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s",
	            outcome_only ? "Outcome so far" : "Recommendation so far");
	tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0, "%s", sc_buf_str(&b));
	sc_buf_fini(&b);
	for (size_t k = 0; k < r->nreports; k++)
		add_report_line(d, &r->reports[k], 1);
	bool soc2 = false;
	for (size_t k = 0; k < r->nreports; k++)
		soc2 |= r->reports[k].id == SC_SOC2;
	if (soc2) {
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Categories");
		for (int c = 0; c < SC_CAT_COUNT; c++)
			tui_doc_add(d, TL_TEXT,
			            r->tsc[c].in_scope ? SC_ROLE_SUCCESS : SC_ROLE_MUTED,
			            1, "%s %s%s", tui_mark(st, r->tsc[c].in_scope),
			            sc_category_name((enum sc_category)c),
			            r->tsc[c].required ? " (required)" : "");
	}
	if (r->nframeworks) {
		tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Related");
		for (size_t k = 0; k < r->nframeworks; k++)
			tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 1, "%s",
			            sc_framework_name(r->frameworks[k].id));
	}
	size_t followups = 0;
	for (size_t k = 0; k < r->ngaps; k++)
		followups += r->gaps[k].def->followup;
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
}

/* Rebuild the live panel; lines whose text is new are marked `changed`,
 * so a flipped conclusion stands out the moment it flips. */
void
tui_live_refresh(struct tui_state *st)
{
	struct tui_doc old = st->live;
	struct tui_doc *d = &st->live;

	if (!st->s)
		return;
	memset(d, 0, sizeof *d);
	d->sel = SIZE_MAX;
	if (st->saved)
		whatif_panel(st, d);
	else
		saved_panel(st, d);
	for (size_t i = 0; i < d->n; i++) {
		bool seen = false;
		for (size_t j = 0; j < old.n && !seen; j++)
			seen = !strcmp(old.v[j].text, d->v[i].text);
		d->v[i].changed = old.n && !seen;
	}
	/* A flipped recommendation is said in words too, so it shows even
	 * with the panel hidden (line 1 is the summary).  A save error
	 * already on show matters more. */
	if (old.n > 1 && d->n > 1 && strcmp(old.v[1].text, d->v[1].text) &&
	    !st->message)
		tui_set_message(st, false, "Recommendation now: %s (was: %s)",
		                d->v[1].text, old.v[1].text);
	tui_doc_fini(&old);
}
