/* The live recommendation beside the questions. */
#include "live.h"

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

/* Rebuild the live panel; lines whose text is new are marked `changed`,
 * so a flipped conclusion stands out the moment it flips. */
void
tui_live_refresh(struct tui_state *st)
{
	struct tui_doc old = st->live;
	struct tui_doc *d = &st->live;
	const struct sc_result *r;
	struct sc_buf b = {0};

	if (!st->s)
		return;
	memset(d, 0, sizeof *d);
	d->sel = SIZE_MAX;
	r = sc_eval_result(st->s->ev);
	sc_result_summary(st->q, r, &b);
	tui_doc_add(d, TL_TEXT, SC_ROLE_TITLE, 0, "%s", "Recommendation so far");
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
	tui_doc_add(d, TL_TEXT, SC_ROLE_TEXT, 0, "Gaps: %zu  Readiness: %d%%",
	            r->ngaps, r->score);
	if (r->nunanswered)
		tui_doc_add(d, TL_TEXT, SC_ROLE_WARNING, 0,
		            "%zu required question%s open", r->nunanswered,
		            r->nunanswered == 1 ? "" : "s");
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
