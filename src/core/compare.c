/* The comparison model: two report models side by side, and for each
 * conclusion that differs the rules and answers behind it (see compare.h). */
#include "report_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/compare.h"
#include "socscope/expr.h"

static const char *const kind_ids[SC_DIFF_KIND_COUNT] = {
	"report", "type", "period", "category",
	"framework", "readiness", "readiness_item", "gap", "outcome",
};

const char *
sc_diff_kind_id_str(enum sc_diff_kind k)
{
	return (unsigned)k < SC_DIFF_KIND_COUNT ? kind_ids[k] : "";
}

/* Both sides while the diff is built. */
struct build {
	struct sc_diff *d;
	const struct sc_questionnaire *q;
	struct rp_model ma, mb;
	/* changed[i]: index into d->answers + 1, or 0 when the same. */
	size_t *changed;
	bool *mark; /* scratch: questions behind the item being built */
};

static const struct sc_answer none_answer = {.type = SC_A_NONE};

static const struct sc_answer *
effective(struct sc_eval *ev, size_t i)
{
	const struct sc_answer *v = sc_eval_answer(ev, i);
	return v ? v : &none_answer;
}

static char *
answer_text(const struct sc_question *qn, const struct sc_answer *v,
            bool shown)
{
	if (!shown)
		return sc_xstrdup("not asked");
	if (v->type == SC_A_NONE)
		return sc_xstrdup(RP_NO_ANSWER);
	struct sc_buf b = {0};
	sc_answer_format(qn, v, &b);
	if (b.len == 0) /* an empty check list */
		sc_buf_puts(&b, "none");
	return sc_buf_steal(&b);
}

static void
find_changed_answers(struct build *bd)
{
	const struct sc_questionnaire *q = bd->q;
	struct sc_diff *d = bd->d;
	bd->changed = sc_xcalloc(q->nquestions ? q->nquestions : 1,
	                         sizeof *bd->changed);
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct sc_answer *va = effective(bd->ma.ev, i);
		const struct sc_answer *vb = effective(bd->mb.ev, i);
		bool sa = sc_eval_visible(bd->ma.ev, i);
		bool sb = sc_eval_visible(bd->mb.ev, i);
		if (sc_answer_equal(va, vb) && sa == sb)
			continue;
		d->answers = sc_xrealloc(d->answers,
		                         (d->nanswers + 1) * sizeof *d->answers);
		struct sc_diff_answer *x = &d->answers[d->nanswers++];
		memset(x, 0, sizeof *x);
		x->question = i;
		sc_answer_copy(&x->a, va);
		sc_answer_copy(&x->b, vb);
		x->shown_a = sa;
		x->shown_b = sb;
		x->text_a = answer_text(&q->questions[i], va, sa);
		x->text_b = answer_text(&q->questions[i], vb, sb);
		bd->changed[i] = d->nanswers;
	}
}

/* --- which rules bear on a conclusion --------------------------------- */

struct about {
	enum sc_diff_kind kind;
	int which;        /* report, category or framework */
	const char *name; /* gap or readiness item id */
	bool soc2_too;    /* the SOC 2's recommendation bears on it as well */
};

static bool
rule_recommends(const struct sc_rule *r, int report)
{
	return (r->recommend >> report) & 1u;
}

static bool
rule_types(const struct sc_rule *r, int report)
{
	for (size_t i = 0; i < r->ntypes; i++)
		if ((int)r->types[i].report == report)
			return true;
	return false;
}

static bool
rule_bears(const struct sc_rule *r, const struct about *ab)
{
	if (ab->soc2_too && rule_recommends(r, SC_SOC2))
		return true;
	switch (ab->kind) {
	case SC_DIFF_REPORT:
		/* A SOC 3 stays only with a SOC 2 Type II. */
		if (ab->which == SC_SOC3 && rule_types(r, SC_SOC2))
			return true;
		return rule_recommends(r, ab->which);
	case SC_DIFF_TYPE:
	case SC_DIFF_PERIOD:
		return rule_types(r, ab->which == SC_SOC3 ? SC_SOC2 : ab->which);
	case SC_DIFF_CATEGORY:
		return ((r->scope_in | r->scope_out) >> ab->which) & 1u;
	case SC_DIFF_FRAMEWORK:
		return (r->flags >> ab->which) & 1u;
	case SC_DIFF_READINESS:
		return r->readiness_item != NULL;
	case SC_DIFF_ITEM:
		return r->readiness_item && strcmp(r->readiness_item, ab->name) == 0;
	case SC_DIFF_GAP:
		return r->gap && strcmp(r->gap->id, ab->name) == 0;
	case SC_DIFF_OUTCOME:
		return r->outcome != SIZE_MAX;
	case SC_DIFF_KIND_COUNT:
		break;
	}
	return false;
}

static void
mark_changed(struct build *bd, size_t question)
{
	if (question < bd->q->nquestions && bd->changed[question])
		bd->mark[question] = true;
}

/* The timeline answers the roadmap reads to place and lengthen a window. */
static void
mark_timeline(struct build *bd)
{
	const struct sc_timeline *t = &bd->q->timeline;
	const size_t v[] = {t->deadline, t->needed_in_months,
	                    t->operating_months, t->evidence_kept,
	                    t->prior_period_end, t->prior_soc1_period_end,
	                    t->prior_soc2_period_end, t->prior_reports,
	                    t->fiscal_year_end, t->type2_demanded};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		mark_changed(bd, v[i]);
}

/* Fill in the rules and answers behind `it`. */
static void
behind(struct build *bd, struct sc_diff_item *it, const struct about *ab)
{
	const struct sc_questionnaire *q = bd->q;
	memset(bd->mark, 0, q->nquestions * sizeof *bd->mark);
	for (size_t r = 0; r < q->nrules; r++) {
		const struct sc_rule *rule = &q->rules[r];
		bool fa = sc_eval_fired(bd->ma.ev, r), fb = sc_eval_fired(bd->mb.ev, r);
		if (fa == fb || !rule_bears(rule, ab))
			continue;
		it->rules = sc_xrealloc(it->rules,
		                        (it->nrules + 1) * sizeof *it->rules);
		struct sc_buf t = {0};
		sc_eval_expand(fa ? bd->ma.ev : bd->mb.ev, rule->because, &t);
		it->rules[it->nrules++] =
			(struct sc_diff_rule){r, fa, sc_buf_steal(&t)};
		size_t n = 0;
		const size_t *deps = sc_expr_deps(rule->when, &n);
		for (size_t k = 0; k < n; k++)
			mark_changed(bd, deps[k]);
	}
	/* The same rules fired and yet the period differs: the roadmap
	 * lengthened a window from the timeline answers. */
	if (ab->kind == SC_DIFF_PERIOD && it->nrules == 0)
		mark_timeline(bd);
	/* A question asked on one side only: the answers that hid it.  A
	 * show_if reads only earlier questions, so one pass backwards
	 * follows every link. */
	for (size_t i = q->nquestions; i-- > 0;) {
		if (!bd->mark[i] || !q->questions[i].show_if ||
		    sc_eval_visible(bd->ma.ev, i) == sc_eval_visible(bd->mb.ev, i))
			continue;
		size_t n = 0;
		const size_t *deps = sc_expr_deps(q->questions[i].show_if, &n);
		for (size_t k = 0; k < n; k++)
			mark_changed(bd, deps[k]);
	}
	/* Name the causes, not their echoes: a question asked on one side only
	 * gives way to the answers that decided whether it was asked. */
	for (size_t i = 0; i < q->nquestions; i++) {
		if (!bd->mark[i] || !q->questions[i].show_if ||
		    sc_eval_visible(bd->ma.ev, i) == sc_eval_visible(bd->mb.ev, i))
			continue;
		size_t n = 0;
		const size_t *deps = sc_expr_deps(q->questions[i].show_if, &n);
		for (size_t k = 0; k < n; k++)
			if (deps[k] < q->nquestions && bd->mark[deps[k]])
				bd->mark[i] = false;
	}
	for (size_t i = 0; i < q->nquestions; i++) {
		if (!bd->mark[i])
			continue;
		it->answers = sc_xrealloc(it->answers,
		                          (it->nanswers + 1) * sizeof *it->answers);
		it->answers[it->nanswers++] = bd->changed[i] - 1;
	}
}

static struct sc_diff_item *
item_add(struct build *bd, enum sc_diff_kind kind, const char *id,
         const char *name)
{
	struct sc_diff *d = bd->d;
	d->items = sc_xrealloc(d->items, (d->nitems + 1) * sizeof *d->items);
	struct sc_diff_item *it = &d->items[d->nitems++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->id = sc_xstrdup(id);
	it->name = sc_xstrdup(name);
	return it;
}

static void
value_set(struct sc_diff_value *v, bool present, int value, char *text)
{
	v->present = present;
	v->value = present ? value : 0;
	v->text = text;
}

/* --- the conclusions -------------------------------------------------- */

static const struct rp_report *
find_report(const struct rp_model *m, enum sc_report_id id)
{
	for (size_t i = 0; i < m->nreports; i++)
		if (m->reports[i].rec->id == id)
			return &m->reports[i];
	return NULL;
}

static char *
period_text(int months)
{
	return months > 0 ? sc_xasprintf("%d months", months)
	                  : sc_xstrdup("no period");
}

static bool
soc2_differs(const struct build *bd)
{
	return !find_report(&bd->ma, SC_SOC2) != !find_report(&bd->mb, SC_SOC2);
}

static void
diff_reports(struct build *bd)
{
	for (int id = 0; id < SC_REPORT_COUNT; id++) {
		const struct rp_report *ra = find_report(&bd->ma, id);
		const struct rp_report *rb = find_report(&bd->mb, id);
		const char *name = sc_report_name(id);
		const char *rid = sc_report_id_str(id);
		struct about ab = {.which = id};
		if (!ra != !rb) {
			ab.kind = SC_DIFF_REPORT;
			struct sc_diff_item *it = item_add(bd, ab.kind, rid, name);
			value_set(&it->a, ra, ra ? (int)ra->rec->type : 0,
			          sc_xstrdup(ra ? ra->title : "not recommended"));
			value_set(&it->b, rb, rb ? (int)rb->rec->type : 0,
			          sc_xstrdup(rb ? rb->title : "not recommended"));
			behind(bd, it, &ab);
			continue;
		}
		if (!ra)
			continue;
		/* A SOC 3 has no type and follows its SOC 2's period: any
		 * change there is the SOC 2's. */
		if (id == SC_SOC3)
			continue;
		if (ra->rec->type != rb->rec->type) {
			ab.kind = SC_DIFF_TYPE;
			struct sc_diff_item *it = item_add(bd, ab.kind, rid, name);
			value_set(&it->a, true, (int)ra->rec->type,
			          sc_xstrdup(sc_rtype_name(ra->rec->type)));
			value_set(&it->b, true, (int)rb->rec->type,
			          sc_xstrdup(sc_rtype_name(rb->rec->type)));
			behind(bd, it, &ab);
		} else if (ra->rec->type == SC_TYPE2 &&
		           ra->period_months != rb->period_months) {
			ab.kind = SC_DIFF_PERIOD;
			struct sc_diff_item *it = item_add(bd, ab.kind, rid, ra->title);
			value_set(&it->a, true, ra->period_months,
			          period_text(ra->period_months));
			value_set(&it->b, true, rb->period_months,
			          period_text(rb->period_months));
			behind(bd, it, &ab);
		}
	}
}

static void
diff_categories(struct build *bd)
{
	for (int c = 0; c < SC_CAT_COUNT; c++) {
		const struct sc_tsc_rec *ta = &bd->ma.r->tsc[c];
		const struct sc_tsc_rec *tb = &bd->mb.r->tsc[c];
		if (ta->in_scope == tb->in_scope && ta->required == tb->required)
			continue;
		struct about ab = {SC_DIFF_CATEGORY, c, NULL, soc2_differs(bd)};
		struct sc_diff_item *it = item_add(bd, ab.kind, sc_category_id_str(c),
		                                   sc_category_name(c));
		value_set(&it->a, ta->in_scope, ta->required,
		          sc_xstrdup(rp_tsc_status(&bd->ma, c)));
		value_set(&it->b, tb->in_scope, tb->required,
		          sc_xstrdup(rp_tsc_status(&bd->mb, c)));
		behind(bd, it, &ab);
	}
}

static bool
flagged(const struct sc_result *r, int fw)
{
	for (size_t i = 0; i < r->nframeworks; i++)
		if ((int)r->frameworks[i].id == fw)
			return true;
	return false;
}

static void
diff_frameworks(struct build *bd)
{
	for (int f = 0; f < SC_FW_COUNT; f++) {
		bool fa = flagged(bd->ma.r, f), fb = flagged(bd->mb.r, f);
		if (fa == fb)
			continue;
		struct about ab = {.kind = SC_DIFF_FRAMEWORK, .which = f};
		struct sc_diff_item *it = item_add(bd, ab.kind, sc_framework_id_str(f),
		                                   sc_framework_name(f));
		value_set(&it->a, fa, 0, sc_xstrdup(fa ? "flagged" : "not flagged"));
		value_set(&it->b, fb, 0, sc_xstrdup(fb ? "flagged" : "not flagged"));
		behind(bd, it, &ab);
	}
}

static char *
score_text(const struct sc_result *r)
{
	return r->nitems ? sc_xasprintf("%d out of 100 (%zu of %zu items in place)",
	                                r->score, r->in_place, r->nitems)
	                 : sc_xstrdup("no score");
}

static const struct sc_readiness_rec *
find_item(const struct sc_result *r, const char *item)
{
	for (size_t i = 0; i < r->nitems; i++)
		if (strcmp(r->items[i].item, item) == 0)
			return &r->items[i];
	return NULL;
}

/* "access_reviews" -> "access reviews" */
static char *
item_name(const char *id)
{
	char *s = sc_xstrdup(id);
	for (char *p = s; *p; p++)
		if (*p == '_')
			*p = ' ';
	return s;
}

/* An item counted on both sides with another status.  Items counted on
 * one side only are the readiness score's difference, with their rules. */
static void
diff_item(struct build *bd, const char *item)
{
	const struct sc_readiness_rec *ia = find_item(bd->ma.r, item);
	const struct sc_readiness_rec *ib = find_item(bd->mb.r, item);
	if (!ia || !ib || ia->status == ib->status)
		return;
	struct about ab = {.kind = SC_DIFF_ITEM, .name = item};
	char *name = item_name(item);
	struct sc_diff_item *it = item_add(bd, ab.kind, item, name);
	free(name);
	value_set(&it->a, ia, ia ? (int)ia->status : 0,
	          sc_xstrdup(ia ? sc_readiness_name(ia->status) : "not counted"));
	value_set(&it->b, ib, ib ? (int)ib->status : 0,
	          sc_xstrdup(ib ? sc_readiness_name(ib->status) : "not counted"));
	behind(bd, it, &ab);
}

static void
diff_readiness(struct build *bd)
{
	const struct sc_result *ra = bd->ma.r, *rb = bd->mb.r;
	if (ra->nitems != rb->nitems || ra->score != rb->score ||
	    ra->in_place != rb->in_place || ra->partial != rb->partial ||
	    ra->missing != rb->missing) {
		struct about ab = {.kind = SC_DIFF_READINESS};
		struct sc_diff_item *it = item_add(bd, ab.kind, "score",
		                                   "Readiness score");
		value_set(&it->a, ra->nitems > 0, ra->score, score_text(ra));
		value_set(&it->b, rb->nitems > 0, rb->score, score_text(rb));
		behind(bd, it, &ab);
	}
	for (size_t i = 0; i < ra->nitems; i++)
		diff_item(bd, ra->items[i].item);
}

static const struct sc_gap_rec *
find_gap(const struct sc_result *r, const char *id)
{
	for (size_t i = 0; i < r->ngaps; i++)
		if (strcmp(r->gaps[i].def->id, id) == 0)
			return &r->gaps[i];
	return NULL;
}

static char *
gap_text(const struct build *bd, const struct sc_gap_rec *g)
{
	/* Without the SOC sections a gap is a follow-up or the reader's own. */
	if (!bd->ma.soc) {
		if (!g)
			return sc_xstrdup("not listed");
		return sc_xasprintf("%s priority, %s",
		                    sc_priority_id_str(g->priority),
		                    g->def->followup ? "a follow-up"
		                                     : "a gap of your own");
	}
	if (!g)
		return sc_xstrdup("not a gap");
	return sc_xasprintf("%s priority%s", sc_priority_id_str(g->priority),
	                    g->def->followup ? ", to confirm" : "");
}

static void
diff_gap(struct build *bd, const struct sc_gap_def *def)
{
	const struct sc_gap_rec *ga = find_gap(bd->ma.r, def->id);
	const struct sc_gap_rec *gb = find_gap(bd->mb.r, def->id);
	if (ga && gb && ga->priority == gb->priority)
		return;
	struct about ab = {.kind = SC_DIFF_GAP, .name = def->id};
	struct sc_diff_item *it = item_add(bd, ab.kind, def->id, def->title);
	value_set(&it->a, ga, ga ? (int)ga->priority : 0, gap_text(bd, ga));
	value_set(&it->b, gb, gb ? (int)gb->priority : 0, gap_text(bd, gb));
	behind(bd, it, &ab);
}

static void
diff_gaps(struct build *bd)
{
	const struct sc_result *ra = bd->ma.r, *rb = bd->mb.r;
	for (size_t i = 0; i < ra->ngaps; i++)
		diff_gap(bd, ra->gaps[i].def);
	for (size_t i = 0; i < rb->ngaps; i++)
		if (!find_gap(ra, rb->gaps[i].def->id))
			diff_gap(bd, rb->gaps[i].def);
}

/* The outcome, when the questionnaire has outcomes and the sides differ. */
static void
diff_outcome(struct build *bd)
{
	const struct sc_questionnaire *q = bd->q;
	size_t oa = bd->ma.r->outcome.id, ob = bd->mb.r->outcome.id;
	if (q->noutcomes == 0 || oa == ob)
		return;
	struct about ab = {.kind = SC_DIFF_OUTCOME};
	struct sc_diff_item *it = item_add(bd, ab.kind, "outcome", "Outcome");
	value_set(&it->a, oa < q->noutcomes, (int)oa,
	          sc_xstrdup(bd->ma.outcome_title));
	value_set(&it->b, ob < q->noutcomes, (int)ob,
	          sc_xstrdup(bd->mb.outcome_title));
	behind(bd, it, &ab);
}

static void
side_fill(struct sc_diff_side *s, const struct rp_model *m, const char *label)
{
	const struct sc_result *r = m->r;
	s->label = sc_xstrdup(label);
	s->client = m->a->client && *m->a->client ? sc_xstrdup(m->a->client)
	                                           : NULL;
	s->summary = sc_xstrdup(m->summary);
	s->completeness = sc_xstrdup(m->completeness);
	s->readiness = sc_xstrdup(m->readiness);
	s->complete = r->nunanswered == 0;
	for (size_t i = 0; i < m->nreports; i++) {
		s->reports[i].id = m->reports[i].rec->id;
		s->reports[i].type = m->reports[i].rec->type;
		s->reports[i].period_months = m->reports[i].period_months;
	}
	s->nreports = m->nreports;
	s->has_score = r->nitems > 0;
	s->score = r->score;
	s->in_place = r->in_place;
	s->nitems = r->nitems;
	s->soc = m->soc;
	if (m->has_outcome) {
		s->outcome = sc_xstrdup(m->outcome_title);
		s->outcome_id = m->outcome ? sc_xstrdup(m->outcome->id) : NULL;
	}
}

struct sc_diff *
sc_diff_new(const struct sc_questionnaire *q, const struct sc_answers *a,
            struct sc_eval *ea, const struct sc_answers *b,
            struct sc_eval *eb, const struct sc_diff_opts *opts)
{
	struct sc_diff *d = sc_xcalloc(1, sizeof *d);
	d->q = q;
	struct sc_report_opts ro = {.date = opts ? opts->date : NULL};
	struct build bd = {.d = d, .q = q};
	rp_model_build(&bd.ma, q, a, ea, &ro);
	rp_model_build(&bd.mb, q, b, eb, &ro);
	memcpy(d->date, bd.ma.date, sizeof d->date);
	side_fill(&d->a, &bd.ma, opts && opts->label_a ? opts->label_a : "A");
	side_fill(&d->b, &bd.mb, opts && opts->label_b ? opts->label_b : "B");

	find_changed_answers(&bd);
	bd.mark = sc_xcalloc(q->nquestions ? q->nquestions : 1, sizeof *bd.mark);
	diff_outcome(&bd);
	diff_reports(&bd);
	diff_categories(&bd);
	diff_frameworks(&bd);
	diff_readiness(&bd);
	diff_gaps(&bd);

	free(bd.mark);
	free(bd.changed);
	rp_model_fini(&bd.ma);
	rp_model_fini(&bd.mb);
	return d;
}

static void
side_fini(struct sc_diff_side *s)
{
	free(s->label);
	free(s->client);
	free(s->summary);
	free(s->completeness);
	free(s->readiness);
	free(s->outcome);
	free(s->outcome_id);
}

void
sc_diff_free(struct sc_diff *d)
{
	if (!d)
		return;
	side_fini(&d->a);
	side_fini(&d->b);
	for (size_t i = 0; i < d->nitems; i++) {
		struct sc_diff_item *it = &d->items[i];
		free(it->id);
		free(it->name);
		free(it->a.text);
		free(it->b.text);
		for (size_t k = 0; k < it->nrules; k++)
			free(it->rules[k].text);
		free(it->rules);
		free(it->answers);
	}
	free(d->items);
	for (size_t i = 0; i < d->nanswers; i++) {
		sc_answer_clear(&d->answers[i].a);
		sc_answer_clear(&d->answers[i].b);
		free(d->answers[i].text_a);
		free(d->answers[i].text_b);
	}
	free(d->answers);
	free(d);
}
