/* The parts of the report model that make it a memo a consultant can sign
 * (private to the report model, called from rp_model_build):
 *  - the decision in a few lines, the three things to do first and the
 *    decisions the client still has to make, for the first page;
 *  - every note and every "I don't know" collected as an assumption or an
 *    open question, and each conclusion that rests on one marked (A1, A2
 *    ...), so that nothing assumed reads as fact. */
#include "report_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void
add(char ***v, size_t *n, char *s)
{
	*v = sc_xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = s;
}

/* Is this answer an "I don't know" (or "Not sure")? */
static bool
label_unsure(const char *id, const char *label)
{
	static const char *const ids[] = {"dont_know", "unsure", "not_sure",
	                                  "unknown", NULL};
	for (const char *const *k = ids; *k; k++)
		if (id && strcmp(id, *k) == 0)
			return true;
	return label && (strncmp(label, "I don't know", 12) == 0 ||
	                 strncmp(label, "Not sure", 8) == 0);
}

static bool
answer_unsure(const struct sc_question *qn, const struct sc_answer *a)
{
	if (!a)
		return false;
	switch (a->type) {
	case SC_A_UNSURE:
		return true;
	case SC_A_CHOICE:
		return a->choice < qn->nchoices &&
		       label_unsure(qn->choices[a->choice].id,
		                    qn->choices[a->choice].label);
	case SC_A_CHOICES:
		for (size_t k = 0; k < a->nsel; k++)
			if (a->sel[k] < qn->nchoices &&
			    label_unsure(qn->choices[a->sel[k]].id,
			                 qn->choices[a->sel[k]].label))
				return true;
		return false;
	default:
		return false;
	}
}

/* The assumption of question qi, or SIZE_MAX. */
static size_t
assumption_of(const struct rp_model *m, size_t qi)
{
	for (size_t i = 0; i < m->nassumptions; i++)
		if (m->assumptions[i].question == qi)
			return i;
	return SIZE_MAX;
}

/* Mark a reason with the assumptions its answers are, and name the
 * conclusion under each of them. */
static void
mark(struct rp_model *m, struct rp_reason *rs, const char *conclusion)
{
	for (size_t k = 0; k < rs->ndeps; k++) {
		size_t a = assumption_of(m, rs->deps[k].question);
		if (a == SIZE_MAX)
			continue;
		bool have = false;
		for (size_t j = 0; j < rs->nassumed; j++)
			have = have || rs->assumed[j] == a;
		if (!have) {
			rs->assumed = sc_xrealloc(rs->assumed, (rs->nassumed + 1) *
			                                           sizeof *rs->assumed);
			rs->assumed[rs->nassumed++] = a;
		}
		struct rp_assumption *as = &m->assumptions[a];
		bool named = false;
		for (size_t j = 0; j < as->nrests; j++)
			named = named || strcmp(as->rests[j], conclusion) == 0;
		if (!named)
			add(&as->rests, &as->nrests, sc_xstrdup(conclusion));
	}
}

static void
mark_all(struct rp_model *m, struct rp_reasons *rs, const char *conclusion)
{
	for (size_t i = 0; i < rs->n; i++)
		mark(m, &rs->v[i], conclusion);
}

void
rp_memo_mark(struct rp_model *m, struct rp_reasons *rs, const char *conclusion)
{
	mark_all(m, rs, conclusion);
}

void
rp_memo_assumptions(struct rp_model *m)
{
	const struct sc_questionnaire *q = m->q;
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct sc_question *qn = &q->questions[i];
		bool shown = sc_eval_visible(m->ev, i);
		const struct sc_answer *a = shown ? sc_eval_answer(m->ev, i) : NULL;
		const char *note = rp_note(m, i);
		bool idk = answer_unsure(qn, a);
		/* A note on a question the final answers no longer ask is
		 * still an assumption the interview recorded. */
		if (!idk && !note)
			continue;
		m->assumptions = sc_xrealloc(m->assumptions,
		                             (m->nassumptions + 1) *
		                                     sizeof *m->assumptions);
		struct rp_assumption *as = &m->assumptions[m->nassumptions++];
		memset(as, 0, sizeof *as);
		as->question = i;
		as->idk = idk;
		as->shown = shown;
		as->note = note;
		struct sc_buf b = {0};
		if (a)
			sc_answer_format(qn, a, &b);
		as->answer = b.len ? sc_buf_steal(&b) : NULL;
		sc_buf_fini(&b);
	}
	/* The conclusions each rests on. */
	struct sc_buf b = {0};
	for (size_t i = 0; i < m->nreports; i++)
		mark_all(m, &m->reports[i].reasons, m->reports[i].title);
	mark_all(m, &m->none, "No SOC report now");
	mark_all(m, &m->deferred, "SOC 3 later");
	for (int c = 0; c < SC_CAT_COUNT; c++) {
		sc_buf_printf(&b, "%s %s", sc_category_name((enum sc_category)c),
		              m->r->tsc[c].in_scope ? "in scope" : "out of scope");
		mark_all(m, &m->tsc[c], sc_buf_str(&b));
		sc_buf_reset(&b);
	}
	for (size_t i = 0; i < m->r->nframeworks && i < SC_FW_COUNT; i++)
		mark_all(m, &m->frameworks[i],
		         sc_framework_name(m->r->frameworks[i].id));
	for (size_t i = 0; i < m->ngaps; i++) {
		struct rp_gap *g = &m->gaps[i];
		if (!g->rec->def)
			continue;
		sc_buf_printf(&b, "%s: %s",
		              g->rec->def->followup ? "Follow-up" : "Gap",
		              g->rec->def->title);
		mark_all(m, &g->reasons, sc_buf_str(&b));
		sc_buf_reset(&b);
		for (size_t k = 0; k < g->reasons.n; k++)
			for (size_t j = 0; j < g->reasons.v[k].nassumed; j++) {
				size_t a = g->reasons.v[k].assumed[j];
				bool have = false;
				for (size_t x = 0; x < g->nassumed; x++)
					have = have || g->assumed[x] == a;
				if (!have) {
					g->assumed = sc_xrealloc(
						g->assumed,
						(g->nassumed + 1) * sizeof *g->assumed);
					g->assumed[g->nassumed++] = a;
				}
			}
	}
	mark_all(m, &m->next_steps, "Next steps");
	sc_buf_fini(&b);
}

void
rp_memo_ids(const struct rp_model *m, const size_t *idx, size_t n,
            struct sc_buf *out)
{
	for (size_t i = 0; i < n; i++)
		sc_buf_printf(out, "%sA%zu", i ? ", " : "",
		              m->assumptions[idx[i]].num);
}

char *
rp_memo_assumptions_summary(const struct rp_model *m)
{
	size_t listed = m->nassumptions - m->nunlisted, idk = 0;
	if (!m->nassumptions)
		return sc_xstrdup(RP_NO_ASSUMPTIONS);
	if (!listed)
		return sc_xasprintf("No conclusion rests on an assumption or an "
		                    "open question now: the %zu answer%s with a "
		                    "note or an \"I don't know\" %s with the "
		                    "answers in %s, where a changed answer could "
		                    "still change a conclusion.",
		                    m->nassumptions,
		                    m->nassumptions == 1 ? "" : "s",
		                    m->nassumptions == 1 ? "is" : "are",
		                    rp_title(m, RP_H_APPENDIX));
	for (size_t i = 0; i < m->nassumptions; i++)
		idk += m->assumptions[i].num && m->assumptions[i].idk;
	struct sc_buf b = {0};
	sc_buf_printf(&b, "Some conclusions of this report rest on answers that "
	                  "are not yet fact: ");
	if (listed - idk)
		sc_buf_printf(&b, "%zu assumption%s (a note typed in the "
		                  "interview)", listed - idk,
		              listed - idk == 1 ? "" : "s");
	if (idk)
		sc_buf_printf(&b, "%s%zu open question%s (an \"I don't know\" or "
		                  "\"Not sure\")", listed - idk ? " and " : "",
		              idk, idk == 1 ? "" : "s");
	if (listed == 1)
		sc_buf_printf(&b, ". It is marked A1 where a conclusion rests on it, "
		                  "and %s gives the answer, the note and what rests "
		                  "on it. Confirm or correct it before the scope is "
		                  "agreed: what is marked may change until you do.",
		              rp_title(m, RP_H_ASSUMPTIONS));
	else
		sc_buf_printf(&b, ". They are marked A1 %s A%zu where conclusions "
		                  "rest on them, and %s gives the answer, the note "
		                  "and what rests on each. Confirm or correct them "
		                  "before the scope is agreed: what is marked may "
		                  "change until you do.",
		              listed == 2 ? "and" : "to", listed,
		              rp_title(m, RP_H_ASSUMPTIONS));
	return sc_buf_steal(&b);
}

char *
rp_memo_unlisted(const struct rp_model *m)
{
	if (!m->nunlisted)
		return NULL;
	const char *where = rp_title(m, RP_H_APPENDIX);
	if (m->nunlisted == 1)
		return sc_xasprintf("One more answer has a note or an \"I don't "
		                    "know\" that no conclusion rests on now: it is "
		                    "with the answers in %s, where a changed answer "
		                    "could still change a conclusion.", where);
	return sc_xasprintf("%zu more answers have a note or an \"I don't "
	                    "know\" that no conclusion rests on now: they are "
	                    "with the answers in %s, where a changed answer "
	                    "could still change a conclusion.",
	                    m->nunlisted, where);
}

void
rp_memo_number(struct rp_model *m)
{
	size_t n = 0;
	m->nunlisted = 0;
	for (size_t i = 0; i < m->nassumptions; i++) {
		struct rp_assumption *as = &m->assumptions[i];
		as->num = as->nrests ? ++n : 0;
		m->nunlisted += !as->nrests;
	}
}

const char *
rp_gap_said(const struct rp_model *m, const struct rp_gap *g)
{
	const char *id = g->rec->def->id;
	if (strncmp(id, "confirm_", 8) == 0)
		id += 8;
	const struct sc_question *qn = sc_questionnaire_find(m->q, id);
	if (!qn)
		return NULL;
	for (size_t i = 0; i < m->nassumptions; i++)
		if (m->assumptions[i].question == qn->index)
			return m->assumptions[i].note;
	return NULL;
}

void
rp_memo_assumed(const struct rp_model *m, const size_t *idx, size_t n,
                struct sc_buf *out)
{
	if (!n)
		return;
	/* Short, since a memo carries many: "Rests on A2, A5 (Appendix A)."
	 * The appendix lists each with the answer or note it is. */
	sc_buf_puts(out, "Rests on ");
	rp_memo_ids(m, idx, n, out);
	/* A guess or an "I don't know" among them: the conclusion holds only
	 * if it is confirmed, and says so. */
	bool unsure = false;
	for (size_t i = 0; i < n && !unsure; i++)
		unsure = strcmp(rp_assumption_kind(&m->assumptions[idx[i]]),
		                "note") != 0;
	if (unsure)
		sc_buf_puts(out, ", to be confirmed");
	const char *t = rp_title(m, RP_H_ASSUMPTIONS);
	const char *colon = strncmp(t, "Appendix ", 9) == 0 ? strchr(t, ':')
	                                                    : NULL;
	sc_buf_printf(out, " (%.*s).", colon ? (int)(colon - t) : (int)strlen(t),
	              t);
}

/* ---- the scope ----------------------------------------------------------- */

static const struct {
	const char *key, *title, *conclusion;
} scope_kinds[SC_SCOPE_KINDS] = {
	[SC_SCOPE_OBJECTIVE] = {"control_objectives",
	                        "Control objectives proposed (SOC 1)",
	                        "Proposed SOC 1 control objectives"},
	[SC_SCOPE_CUEC] = {"cuecs",
	                   "Controls your customers must run (complementary "
	                   "user entity controls)",
	                   "Proposed complementary user entity controls"},
	[SC_SCOPE_SUBSERVICE] = {"subservice",
	                         "Providers that run part of the service "
	                         "(subservice organizations)",
	                         "Subservice organizations"},
	[SC_SCOPE_BOUNDARY] = {"boundary_notes",
	                       "What the boundary takes in and leaves out",
	                       "System boundary"},
};

const char *
rp_scope_kind_key(enum sc_scope_kind k)
{
	return (unsigned)k < SC_SCOPE_KINDS ? scope_kinds[k].key : "";
}

const char *
rp_scope_kind_title(enum sc_scope_kind k)
{
	return (unsigned)k < SC_SCOPE_KINDS ? scope_kinds[k].title : "";
}

static void
assumed_add(size_t **v, size_t *n, size_t a)
{
	for (size_t i = 0; i < *n; i++)
		if ((*v)[i] == a)
			return;
	*v = sc_xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = a;
}

/* A proposal of rule `ri`: a new item, or a reason more for the same text
 * proposed by an earlier rule. */
static void
proposal_add(struct rp_model *m, enum sc_scope_kind k, size_t ri,
             const char *text)
{
	struct rp_scope_items *it = &m->proposals[k];
	struct sc_buf b = {0};
	sc_eval_expand(m->ev, text, &b);
	struct rp_scope_item *item = NULL;
	for (size_t i = 0; i < it->n && !item; i++)
		if (strcmp(it->v[i].text, sc_buf_str(&b)) == 0)
			item = &it->v[i];
	if (!item) {
		it->v = sc_xrealloc(it->v, (it->n + 1) * sizeof *it->v);
		item = &it->v[it->n++];
		memset(item, 0, sizeof *item);
		item->text = sc_buf_steal(&b);
	}
	sc_buf_fini(&b);
	size_t rules[1] = {ri};
	struct sc_reasons in = {.rules = rules, .n = 1};
	struct rp_reasons one;
	rp_reasons_build(m, &in, &one);
	if (!one.n) {
		rp_reasons_fini(&one);
		return;
	}
	mark(m, &one.v[0], scope_kinds[k].conclusion);
	for (size_t j = 0; j < one.v[0].nassumed; j++)
		assumed_add(&item->assumed, &item->nassumed, one.v[0].assumed[j]);
	item->why.v = sc_xrealloc(item->why.v,
	                          (item->why.n + 1) * sizeof *item->why.v);
	item->why.v[item->why.n++] = one.v[0];
	free(one.v);
}

/* Words by which a note says it is a guess rather than a fact: "Assumed",
 * "I think", "probably", "not sure" ... (compared ignoring case). */
static const char *const guess_words[] = {
	"assum", "not sure", "unsure", "i think", "i believe", "probably",
	"likely", "guess", "estimat", "unclear", "don't know", "do not know",
	"not known", "?",
};

static bool
says_guess(const char *note)
{
	for (const char *p = note; p && *p; p++)
		for (size_t i = 0; i < sizeof guess_words / sizeof *guess_words;
		     i++) {
			size_t n = strlen(guess_words[i]);
			if (strncasecmp(p, guess_words[i], n) == 0)
				return true;
		}
	return false;
}

/* "open question" for an "I don't know", "assumption" for a note that
 * says it guesses, "note" for a note that states a fact (an owner's
 * quote of a contract is not an assumption). */
const char *
rp_assumption_kind(const struct rp_assumption *as)
{
	if (as->idk)
		return "open question";
	return says_guess(as->note) ? "assumption" : "note";
}

/* Each rule behind a kind's proposals once, with the items it proposed. */
static void
scope_rules(struct rp_model *m, enum sc_scope_kind k)
{
	const struct rp_scope_items *it = &m->proposals[k];
	struct rp_scope_rules *out = &m->scope_rules[k];
	for (size_t i = 0; i < it->n; i++)
		for (size_t j = 0; j < it->v[i].why.n; j++) {
			const struct rp_reason *rs = &it->v[i].why.v[j];
			struct rp_scope_rule *sr = NULL;
			for (size_t x = 0; x < out->n && !sr; x++)
				if (out->v[x].reason->rule == rs->rule)
					sr = &out->v[x];
			if (!sr) {
				out->v = sc_xrealloc(out->v,
				                     (out->n + 1) * sizeof *out->v);
				sr = &out->v[out->n++];
				memset(sr, 0, sizeof *sr);
				sr->reason = rs;
			}
			assumed_add(&sr->items, &sr->nitems, i);
		}
}

void
rp_memo_scope(struct rp_model *m)
{
	const struct sc_questionnaire *q = m->q;
	bool soc1 = false, any = false;
	for (size_t i = 0; i < m->nreports; i++) {
		enum sc_report_id id = m->reports[i].rec->id;
		soc1 |= id == SC_SOC1;
		any |= id == SC_SOC1 || id == SC_SOC2;
	}
	/* Without a SOC 1 or SOC 2 to examine there is no scope to propose. */
	if (!any)
		return;
	if (q->nboundary)
		m->scope = sc_xcalloc(q->nboundary, sizeof *m->scope);
	for (size_t i = 0; i < q->nboundary; i++) {
		size_t qi = q->boundary[i].question;
		if (!sc_eval_visible(m->ev, qi))
			continue;
		struct rp_scope_line *l = &m->scope[m->nscope++];
		l->label = q->boundary[i].label;
		l->question = qi;
		l->assumed = assumption_of(m, qi);
		const struct sc_answer *a = sc_eval_answer(m->ev, qi);
		struct sc_buf b = {0};
		if (a && a->type != SC_A_NONE)
			sc_answer_format(&q->questions[qi], a, &b);
		l->named = b.len > 0;
		l->text = l->named ? sc_buf_steal(&b)
		                   : sc_xstrdup("not named yet: agree it with "
		                                "your CPA firm");
		sc_buf_fini(&b);
		if (l->named && a->type == SC_A_TEXT) {
			l->quoted = sc_xasprintf("\u201c%s\u201d", l->text);
			m->scope_quoted = true;
		}
		if (l->assumed != SIZE_MAX) {
			struct rp_assumption *as = &m->assumptions[l->assumed];
			char *c = sc_xasprintf("System boundary: %s", l->label);
			bool named = false;
			for (size_t j = 0; j < as->nrests; j++)
				named = named || strcmp(as->rests[j], c) == 0;
			if (!named)
				add(&as->rests, &as->nrests, c);
			else
				free(c);
		}
	}
	for (size_t ri = 0; ri < q->nrules; ri++) {
		const struct sc_rule *r = &q->rules[ri];
		if (!r->nscope_texts || !sc_eval_fired(m->ev, ri))
			continue;
		for (size_t k = 0; k < r->nscope_texts; k++) {
			const struct sc_scope_text *t = &r->scope_texts[k];
			if (t->kind == SC_SCOPE_OBJECTIVE && !soc1)
				continue;
			proposal_add(m, t->kind, ri, t->text);
		}
	}
	for (int k = 0; k < SC_SCOPE_KINDS; k++)
		scope_rules(m, (enum sc_scope_kind)k);
	/* A renewal's objectives are the last report's: the proposal is a
	 * check against them, not a replacement. */
	const struct sc_plan_report *pr = sc_plan_report(&m->plan, SC_SOC1);
	if (soc1 && pr && pr->renewal && m->proposals[SC_SCOPE_OBJECTIVE].n)
		m->proposals[SC_SCOPE_OBJECTIVE].intro = RP_OBJECTIVES_RENEWAL;
}

/* ---- the first page ------------------------------------------------------ */

/* " (rests on A1, A3)" for the assumptions the reasons rest on. */
static void
rests_short(const struct rp_model *m, const struct rp_reasons *rs,
            struct sc_buf *b)
{
	size_t *ids = NULL, n = 0;
	for (size_t i = 0; i < rs->n; i++)
		for (size_t k = 0; k < rs->v[i].nassumed; k++)
			assumed_add(&ids, &n, rs->v[i].assumed[k]);
	if (n) {
		sc_buf_puts(b, " (rests on ");
		rp_memo_ids(m, ids, n, b);
		sc_buf_putc(b, ')');
	}
	free(ids);
}

static void
rests_short_idx(const struct rp_model *m, const size_t *idx, size_t n,
                struct sc_buf *b)
{
	if (!n)
		return;
	sc_buf_puts(b, " (rests on ");
	rp_memo_ids(m, idx, n, b);
	sc_buf_putc(b, ')');
}

void
rp_memo_first_page(struct rp_model *m)
{
	const struct sc_plan *p = &m->plan;
	struct sc_buf b = {0};

	/* A look-back the evidence allows but the plan does not advise: the
	 * reasons say it is possible, so say why the plan starts later. */
	bool lookback_option = false;
	for (size_t i = 0; i < p->ntracks; i++)
		lookback_option |= p->tracks[i].kind == SC_TRACK_LOOKBACK;
	for (size_t i = 0; i < m->nreports && lookback_option; i++) {
		struct rp_report *rp = &m->reports[i];
		const struct sc_plan_report *pr = sc_plan_report(p, rp->rec->id);
		if (pr && pr->type == SC_TYPE2 && !pr->lookback && !pr->renewal)
			rp->plan_note = RP_LOOKBACK_NOT_PLANNED;
	}

	/* The decision: each report with its type, dates and categories. */
	for (size_t i = 0; i < p->nreports; i++) {
		const struct sc_plan_report *pr = &p->reports[i];
		if (pr->id == SC_SOC3) {
			sc_buf_puts(&b, "SOC 3: the public summary of the SOC 2 "
			                "Type II, issued with it on the same period.");
			add(&m->decision, &m->ndecision, sc_buf_steal(&b));
			continue;
		}
		sc_buf_printf(&b, "%s %s", sc_report_name(pr->id),
		              sc_rtype_name(pr->type));
		char d1[11], d2[11];
		if (pr->as_of) {
			sc_date_format(pr->as_of, d1);
			sc_buf_printf(&b, " as of %s", d1);
		} else if (pr->start) {
			sc_date_format(pr->start, d1);
			sc_date_format(pr->end, d2);
			sc_buf_printf(&b, " over %s to %s (%d months%s)", d1, d2,
			              pr->months,
			              pr->lookback  ? ", a look-back"
			              : pr->renewal ? ", a renewal"
			                            : "");
		} else if (pr->type == SC_TYPE2) {
			sc_buf_puts(&b, " (period not dated yet)");
		} else if (pr->type == SC_TYPE1) {
			sc_buf_puts(&b, " (date not set yet)");
		}
		if (pr->report_by) {
			sc_date_format(pr->report_by, d1);
			sc_buf_printf(&b, "; report expected by %s", d1);
		}
		if (pr->id == SC_SOC2) {
			sc_buf_puts(&b, "; categories: ");
			bool first = true;
			for (int c = 0; c < SC_CAT_COUNT; c++) {
				if (!m->r->tsc[c].in_scope)
					continue;
				sc_buf_printf(&b, "%s%s", first ? "" : ", ",
				              sc_category_name((enum sc_category)c));
				first = false;
			}
		}
		if (pr->combined && pr->id == SC_SOC2)
			sc_buf_puts(&b, " (examined together with the SOC 1)");
		/* What the decision rests on, where its reasons rest on an
		 * assumption. */
		for (size_t r = 0; r < m->nreports; r++)
			if (m->reports[r].rec->id == pr->id)
				rests_short(m, &m->reports[r].reasons, &b);
		sc_buf_putc(&b, '.');
		add(&m->decision, &m->ndecision, sc_buf_steal(&b));
	}

	/* Three things to do first. */
	const char *who = p->risk_who ? p->risk_who : "whoever set the deadline";
	if (p->deadline_risk && p->type1_by) {
		/* The way to meet it comes first: the quicker Type I. */
		char d[11];
		sc_date_format(p->type1_by, d);
		add(&m->first, &m->nfirst,
		    sc_xasprintf("Ask %s in writing now whether a SOC 2 Type I in "
		                 "hand by %s will do until the Type II follows "
		                 "(see the roadmap); if not, agree a later date.",
		                 p->type1_who ? p->type1_who : who, d));
	} else if (p->deadline_risk)
		add(&m->first, &m->nfirst,
		    sc_xasprintf("Talk to %s now: the plan does not meet the "
		                 "deadline (see the roadmap).",
		                 who));
	const struct sc_phase *engage = NULL;
	for (size_t t = 0; p->ntracks && t < p->tracks[0].nphases; t++)
		if (p->tracks[0].phases[t].kind == SC_PHASE_ENGAGE)
			engage = &p->tracks[0].phases[t];
	/* The plan says whether there is a firm already (a report behind
	 * the organization): its sentence is the step. */
	if (engage && m->nfirst < 3)
		add(&m->first, &m->nfirst, sc_xstrdup(engage->what));
	for (size_t i = 0; i < m->ngaps && m->nfirst < 3; i++) {
		const struct rp_gap *g = &m->gaps[i];
		if (!g->rec->def || g->rec->def->followup ||
		    g->rec->priority != SC_PRIO_HIGH)
			continue;
		/* The gap's title is already a step ("Write and rehearse ...",
		 * "Complete: ..."). */
		sc_buf_puts(&b, g->rec->def->title);
		rests_short_idx(m, g->assumed, g->nassumed, &b);
		if (g->owner || *g->due) {
			sc_buf_puts(&b, " (");
			if (g->owner)
				sc_buf_printf(&b, "owner: %s", g->owner);
			if (*g->due)
				sc_buf_printf(&b, "%sdue %s", g->owner ? ", " : "",
				              g->due);
			sc_buf_putc(&b, ')');
		}
		sc_buf_putc(&b, '.');
		add(&m->first, &m->nfirst, sc_buf_steal(&b));
	}
	if (m->nconfirm && m->nfirst < 3) {
		sc_buf_printf(&b, "Confirm the %zu answer%s listed as open "
		                  "questions.",
		              m->nconfirm, m->nconfirm == 1 ? "" : "s");
		add(&m->first, &m->nfirst, sc_buf_steal(&b));
	}
	for (size_t i = 0; i < m->ngaps && m->nfirst < 3; i++) {
		const struct rp_gap *g = &m->gaps[i];
		if (!g->rec->def || g->rec->def->followup ||
		    g->rec->priority != SC_PRIO_MEDIUM)
			continue;
		sc_buf_puts(&b, g->rec->def->title);
		rests_short_idx(m, g->assumed, g->nassumed, &b);
		sc_buf_putc(&b, '.');
		add(&m->first, &m->nfirst, sc_buf_steal(&b));
	}

	/* Decisions still to make. */
	for (size_t t = 1; t < p->ntracks; t++) {
		const struct sc_track *tr = &p->tracks[t];
		if (tr->kind == SC_TRACK_CLEAN_FIRST)
			add(&m->decide, &m->ndecide,
			    sc_xstrdup("Report on the months already gone and "
			               "accept exceptions for the open gaps, or "
			               "close the gaps first and report later on a "
			               "clean period (both are dated in the "
			               "roadmap)."));
		else if (tr->kind == SC_TRACK_TYPE1_FIRST && !p->type1_by)
			/* (With a date it meets, the first step asks it.) */
			add(&m->decide, &m->ndecide,
			    sc_xasprintf("Whether a Type I first will satisfy "
			                 "%s (ask in writing).",
			                 p->requester ? p->requester
			                              : "whoever is waiting"));
		else if (tr->kind == SC_TRACK_LOOKBACK)
			add(&m->decide, &m->ndecide,
			    sc_xstrdup("Whether to report on the months already "
			               "gone despite the high-priority gaps (not "
			               "advised)."));
	}
	/* A Type I planned where the client could not say whether a Type II
	 * is required: whoever asked decides whether it will do. */
	bool type1 = false;
	for (size_t i = 0; i < p->nreports; i++)
		type1 |= p->reports[i].type == SC_TYPE1;
	if (type1 && p->type2_unsure)
		add(&m->decide, &m->ndecide,
		    sc_xasprintf("Whether %s will accept a Type I first: you "
		                 "were not sure a Type II is required, so ask "
		                 "in writing before the engagement is agreed.",
		                 p->requester ? p->requester
		                              : "whoever asked for the report"));
	/* The questionnaire's own: rules that name a decision. */
	for (size_t ri = 0; ri < m->q->nrules; ri++) {
		const char *d = m->q->rules[ri].decision;
		if (!d || !sc_eval_fired(m->ev, ri))
			continue;
		sc_eval_expand(m->ev, d, &b);
		add(&m->decide, &m->ndecide, sc_buf_steal(&b));
	}
	for (size_t i = 0; i < m->r->nframeworks; i++)
		if (m->r->frameworks[i].id == SC_FW_SUBSERVICE && m->nreports)
			add(&m->decide, &m->ndecide,
			    sc_xstrdup("For each provider that runs part of your "
			               "service, whether the report carves it out "
			               "(its controls described, its own SOC report "
			               "collected) or includes it (tested, which it "
			               "must agree to): carve-out is the usual "
			               "choice."));
	/* The ones some conclusion rests on (numbered), where they are. */
	size_t listed = m->nassumptions - m->nunlisted;
	if (listed)
		add(&m->decide, &m->ndecide,
		    sc_xasprintf("The %zu answer%s and note%s that conclusions "
		                 "rest on (%s): confirm or correct %s before the "
		                 "scope is agreed.",
		                 listed, listed == 1 ? "" : "s",
		                 listed == 1 ? "" : "s",
		                 rp_title(m, RP_H_ASSUMPTIONS),
		                 listed == 1 ? "it" : "them"));
	sc_buf_fini(&b);
}

void
rp_memo_fini(struct rp_model *m)
{
	for (size_t i = 0; i < m->nassumptions; i++) {
		struct rp_assumption *as = &m->assumptions[i];
		free(as->answer);
		for (size_t k = 0; k < as->nrests; k++)
			free(as->rests[k]);
		free(as->rests);
	}
	free(m->assumptions);
	for (size_t i = 0; i < m->nscope; i++) {
		free(m->scope[i].text);
		free(m->scope[i].quoted);
	}
	free(m->scope);
	for (int k = 0; k < SC_SCOPE_KINDS; k++) {
		struct rp_scope_items *it = &m->proposals[k];
		for (size_t i = 0; i < it->n; i++) {
			free(it->v[i].text);
			free(it->v[i].assumed);
			rp_reasons_fini(&it->v[i].why);
		}
		free(it->v);
		struct rp_scope_rules *sr = &m->scope_rules[k];
		for (size_t i = 0; i < sr->n; i++)
			free(sr->v[i].items);
		free(sr->v);
	}
	char **lists[3] = {m->decision, m->first, m->decide};
	size_t ns[3] = {m->ndecision, m->nfirst, m->ndecide};
	for (int l = 0; l < 3; l++) {
		for (size_t i = 0; i < ns[l]; i++)
			free(lists[l][i]);
		free(lists[l]);
	}
}
