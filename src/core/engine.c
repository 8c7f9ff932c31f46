/* The rule engine: which questions are shown, which rules fire, and the
 * recommendation built from the fired rules.
 *
 * The interview re-evaluates on every keystroke over questionnaires that may
 * hold ten thousand questions and rules, so the state is kept incrementally.
 * Reverse dependency lists are built once (question -> later questions whose
 * show_if reads it, question -> rules whose `when` reads it); a changed
 * answer re-evaluates only its dependents, transitively, and the result is
 * rebuilt lazily from the fired rules.  State is kept in bitmaps so that
 * rebuilding the result costs a word scan plus work proportional to the
 * fired rules and the required questions, never a walk of every expression. */
#include "socscope/engine.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/expr.h"

#include "qrecord.h"

/* A growable list of indices, kept between result rebuilds so that the
 * steady state allocates nothing. */
struct vec {
	size_t *v;
	size_t n, cap;
};

/* The same for strings: the criteria the gaps show. */
struct cvec {
	const char **v;
	size_t n, cap;
};

/* Compressed adjacency lists: the targets of node i are
 * idx[start[i] .. start[i + 1]). */
struct adj {
	size_t *start;
	size_t *idx;
};

struct gap_slot {
	size_t group;
	const struct sc_gap_def *def;
	enum sc_priority priority;
};

struct sc_eval {
	const struct sc_questionnaire *q;
	const struct sc_answers *a;
	sc_day today; /* what `today` means in every expression */
	size_t nq, nr, qwords, rwords;

	uint64_t *visible;  /* shown by show_if */
	uint64_t *answered; /* a->v[i] is not SC_A_NONE, as last seen */
	uint64_t *missing;  /* required, shown and unanswered */
	uint64_t *fired;
	size_t applicable, nanswered;

	struct adj q_to_q;
	struct adj q_to_r;

	/* Propagation scratch: a min-heap of questions whose show_if must be
	 * re-read (index order settles chains in one pass) and the rules whose
	 * `when` must be re-read. */
	size_t *heap;
	size_t nheap;
	uint64_t *queued;
	size_t *dirty;
	size_t ndirty;
	uint64_t *rdirty;

	/* Gap ids and readiness items interned once: rule -> group. */
	size_t *gap_group;
	size_t ngap_groups;
	size_t *item_group;
	size_t nitem_groups;
	size_t nrequired;

	bool result_dirty;
	struct sc_result res;

	/* Storage behind res, reused from one rebuild to the next. */
	struct vec fired_list;
	struct vec report_reasons[SC_REPORT_COUNT];
	struct vec none, deferred, next_steps;
	struct vec outcome_reasons;
	struct vec tsc_in[SC_CAT_COUNT], tsc_out[SC_CAT_COUNT];
	struct vec fw_reasons[SC_FW_COUNT];
	struct vec *gap_reasons; /* per gap group */
	size_t *gap_slot_of;     /* per gap group: slot in gap_tmp or SIZE_MAX */
	struct gap_slot *gap_tmp;
	size_t *item_slot_of;    /* per item group: slot in res.items or SIZE_MAX */
	size_t *item_group_of;   /* per res.items slot: its group */
	struct cvec crit;        /* the gaps' shown criteria, back to back */
	size_t *because;         /* sc_eval_because's answer: room for the
	                          * most deps any rule's `when` has */
};

static inline bool
bit_get(const uint64_t *b, size_t i)
{
	return (b[i >> 6] >> (i & 63)) & 1u;
}

static inline void
bit_put(uint64_t *b, size_t i, bool on)
{
	uint64_t m = (uint64_t)1 << (i & 63);
	if (on)
		b[i >> 6] |= m;
	else
		b[i >> 6] &= ~m;
}

static inline void
vec_push(struct vec *v, size_t x)
{
	if (v->n == v->cap)
		v->v = sc_xgrow(v->v, &v->cap, v->n + 1, sizeof *v->v);
	v->v[v->n++] = x;
}

/* Push rule r onto vs[i] for every bit i of mask: rules name few effects,
 * so walking set bits beats testing every category or framework. */
static inline void
push_bits(struct vec *vs, unsigned mask, unsigned limit, size_t r)
{
	while (mask) {
		unsigned i = (unsigned)__builtin_ctz(mask);
		mask &= mask - 1;
		if (i < limit)
			vec_push(&vs[i], r);
	}
}

static struct sc_reasons
vec_reasons(const struct vec *v)
{
	struct sc_reasons r = {v->n ? v->v : NULL, v->n};
	return r;
}

/* The effective answer: NULL for hidden or unanswered questions, which is
 * how every expression must see them. */
static const struct sc_answer *
lookup(void *ud, size_t i)
{
	const struct sc_eval *ev = ud;
	if (i >= ev->nq || !bit_get(ev->visible, i))
		return NULL;
	const struct sc_answer *an = &ev->a->v[i];
	return an->type == SC_A_NONE ? NULL : an;
}

/* Reverse the dependencies of nowners expressions (show_ifs or whens) into
 * question -> owners lists, in two passes (count, then fill) so the lists
 * live in two flat arrays.  Owners come out ascending because they are
 * visited in index order. */
static void
adj_build(struct adj *g, size_t nsrc, size_t nowners,
          struct sc_expr *(*expr_of)(const struct sc_questionnaire *, size_t),
          const struct sc_questionnaire *q)
{
	g->start = sc_xcalloc(nsrc + 1, sizeof *g->start);
	size_t total = 0;
	for (size_t o = 0; o < nowners; o++) {
		struct sc_expr *e = expr_of(q, o);
		if (!e)
			continue;
		size_t n;
		const size_t *d = sc_expr_deps(e, &n);
		for (size_t k = 0; k < n; k++) {
			if (d[k] < nsrc) {
				g->start[d[k] + 1]++;
				total++;
			}
		}
	}
	for (size_t i = 0; i < nsrc; i++)
		g->start[i + 1] += g->start[i];
	g->idx = sc_xmalloc(total * sizeof *g->idx);
	size_t *fill = sc_xmalloc((nsrc + 1) * sizeof *fill);
	memcpy(fill, g->start, (nsrc + 1) * sizeof *fill);
	for (size_t o = 0; o < nowners; o++) {
		struct sc_expr *e = expr_of(q, o);
		if (!e)
			continue;
		size_t n;
		const size_t *d = sc_expr_deps(e, &n);
		for (size_t k = 0; k < n; k++)
			if (d[k] < nsrc)
				g->idx[fill[d[k]]++] = o;
	}
	free(fill);
}

static struct sc_expr *
show_if_of(const struct sc_questionnaire *q, size_t i)
{
	return q->questions[i].show_if;
}

static struct sc_expr *
when_of(const struct sc_questionnaire *q, size_t i)
{
	return q->rules[i].when;
}

struct keyed {
	const char *key;
	size_t rule;
};

static int
keyed_cmp(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	return (a->rule > b->rule) - (a->rule < b->rule);
}

/* Give every rule with a gap (or readiness item) the number of its id's
 * group, so that merging by id during a rebuild is an array index rather
 * than a string lookup. */
static size_t
intern(const struct sc_questionnaire *q, bool gaps, size_t *group_of)
{
	struct keyed *k = sc_xmalloc((q->nrules ? q->nrules : 1) * sizeof *k);
	size_t n = 0;
	for (size_t r = 0; r < q->nrules; r++) {
		group_of[r] = SIZE_MAX;
		const char *key = gaps
			? (q->rules[r].gap ? q->rules[r].gap->id : NULL)
			: q->rules[r].readiness_item;
		if (key) {
			k[n].key = key;
			k[n].rule = r;
			n++;
		}
	}
	qsort(k, n, sizeof *k, keyed_cmp);
	size_t groups = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || strcmp(k[i].key, k[i - 1].key) != 0)
			groups++;
		group_of[k[i].rule] = groups - 1;
	}
	free(k);
	return groups;
}

/* Record a question's new visibility and answered state, keeping the
 * running counts exact so the result never needs a scan of all questions. */
static void
question_update(struct sc_eval *ev, size_t i, bool vis, bool ans)
{
	bool ov = bit_get(ev->visible, i), oa = bit_get(ev->answered, i);
	/* The result holds counts and the unanswered list, not answer values:
	 * only a change of these bits makes it stale. */
	if (ov != vis || oa != ans)
		ev->result_dirty = true;
	if (ov) {
		ev->applicable--;
		if (oa)
			ev->nanswered--;
	}
	if (vis) {
		ev->applicable++;
		if (ans)
			ev->nanswered++;
	}
	bit_put(ev->visible, i, vis);
	bit_put(ev->answered, i, ans);
	bit_put(ev->missing, i, ev->q->questions[i].required && vis && !ans);
}

static bool
eval_show_if(struct sc_eval *ev, size_t i)
{
	const struct sc_expr *e = ev->q->questions[i].show_if;
	return e ? sc_expr_eval_on(e, lookup, ev, ev->today) : true;
}

static bool
eval_when(struct sc_eval *ev, size_t r)
{
	const struct sc_expr *e = ev->q->rules[r].when;
	return e ? sc_expr_eval_on(e, lookup, ev, ev->today) : false;
}

static bool
has_answer(const struct sc_eval *ev, size_t i)
{
	return ev->a->v[i].type != SC_A_NONE;
}

static void
heap_push(struct sc_eval *ev, size_t x)
{
	size_t i = ev->nheap++;
	while (i > 0) {
		size_t p = (i - 1) / 2;
		if (ev->heap[p] <= x)
			break;
		ev->heap[i] = ev->heap[p];
		i = p;
	}
	ev->heap[i] = x;
}

static size_t
heap_pop(struct sc_eval *ev)
{
	size_t top = ev->heap[0];
	size_t x = ev->heap[--ev->nheap];
	size_t n = ev->nheap, i = 0;
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= n)
			break;
		if (c + 1 < n && ev->heap[c + 1] < ev->heap[c])
			c++;
		if (x <= ev->heap[c])
			break;
		ev->heap[i] = ev->heap[c];
		i = c;
	}
	if (n)
		ev->heap[i] = x;
	return top;
}

/* Question i's effective answer changed: what reads it must be re-read. */
static void
touch_dependents(struct sc_eval *ev, size_t i)
{
	for (size_t k = ev->q_to_r.start[i]; k < ev->q_to_r.start[i + 1]; k++) {
		size_t r = ev->q_to_r.idx[k];
		if (!bit_get(ev->rdirty, r)) {
			bit_put(ev->rdirty, r, true);
			ev->dirty[ev->ndirty++] = r;
		}
	}
	for (size_t k = ev->q_to_q.start[i]; k < ev->q_to_q.start[i + 1]; k++) {
		size_t d = ev->q_to_q.idx[k];
		if (!bit_get(ev->queued, d)) {
			bit_put(ev->queued, d, true);
			heap_push(ev, d);
		}
	}
}

static void
set_fired(struct sc_eval *ev, size_t r, bool on)
{
	if (bit_get(ev->fired, r) != on) {
		bit_put(ev->fired, r, on);
		ev->result_dirty = true;
	}
}

void
sc_eval_set_today(struct sc_eval *ev, sc_day today)
{
	if (!ev || ev->today == today)
		return;
	ev->today = today;
	sc_eval_reset(ev);
}

sc_day
sc_eval_today(const struct sc_eval *ev)
{
	return ev ? ev->today : sc_date_today();
}

void
sc_eval_reset(struct sc_eval *ev)
{
	if (!ev)
		return;
	memset(ev->visible, 0, ev->qwords * sizeof(uint64_t));
	memset(ev->answered, 0, ev->qwords * sizeof(uint64_t));
	memset(ev->missing, 0, ev->qwords * sizeof(uint64_t));
	memset(ev->fired, 0, ev->rwords * sizeof(uint64_t));
	ev->applicable = ev->nanswered = 0;
	/* show_if names only earlier questions, so one pass in file order
	 * settles visibility. */
	for (size_t i = 0; i < ev->nq; i++)
		question_update(ev, i, eval_show_if(ev, i), has_answer(ev, i));
	for (size_t r = 0; r < ev->nr; r++)
		set_fired(ev, r, eval_when(ev, r));
	ev->result_dirty = true;
}

struct sc_eval *
sc_eval_new(const struct sc_questionnaire *q, const struct sc_answers *a)
{
	if (!q || !a)
		return NULL;
	struct sc_eval *ev = sc_xcalloc(1, sizeof *ev);
	ev->q = q;
	ev->a = a;
	ev->today = sc_date_today();
	ev->nq = q->nquestions;
	ev->nr = q->nrules;
	ev->qwords = (ev->nq + 63) / 64 + 1;
	ev->rwords = (ev->nr + 63) / 64 + 1;
	ev->visible = sc_xcalloc(ev->qwords, sizeof(uint64_t));
	ev->answered = sc_xcalloc(ev->qwords, sizeof(uint64_t));
	ev->missing = sc_xcalloc(ev->qwords, sizeof(uint64_t));
	ev->queued = sc_xcalloc(ev->qwords, sizeof(uint64_t));
	ev->fired = sc_xcalloc(ev->rwords, sizeof(uint64_t));
	ev->rdirty = sc_xcalloc(ev->rwords, sizeof(uint64_t));
	ev->heap = sc_xmalloc((ev->nq ? ev->nq : 1) * sizeof *ev->heap);
	ev->dirty = sc_xmalloc((ev->nr ? ev->nr : 1) * sizeof *ev->dirty);

	adj_build(&ev->q_to_q, ev->nq, ev->nq, show_if_of, q);
	adj_build(&ev->q_to_r, ev->nq, ev->nr, when_of, q);

	ev->gap_group = sc_xmalloc((ev->nr ? ev->nr : 1) * sizeof(size_t));
	ev->item_group = sc_xmalloc((ev->nr ? ev->nr : 1) * sizeof(size_t));
	ev->ngap_groups = intern(q, true, ev->gap_group);
	ev->nitem_groups = intern(q, false, ev->item_group);
	ev->gap_reasons = sc_xcalloc(ev->ngap_groups + 1, sizeof *ev->gap_reasons);
	ev->gap_slot_of = sc_xmalloc((ev->ngap_groups + 1) * sizeof(size_t));
	for (size_t g = 0; g < ev->ngap_groups; g++)
		ev->gap_slot_of[g] = SIZE_MAX;
	ev->gap_tmp = sc_xmalloc((ev->ngap_groups + 1) * sizeof *ev->gap_tmp);
	ev->res.gaps = sc_xmalloc((ev->ngap_groups + 1) * sizeof *ev->res.gaps);
	ev->item_slot_of = sc_xmalloc((ev->nitem_groups + 1) * sizeof(size_t));
	for (size_t g = 0; g < ev->nitem_groups; g++)
		ev->item_slot_of[g] = SIZE_MAX;
	ev->item_group_of = sc_xmalloc((ev->nitem_groups + 1) * sizeof(size_t));
	ev->res.items = sc_xmalloc((ev->nitem_groups + 1) * sizeof *ev->res.items);

	size_t most = 1;
	for (size_t r = 0; r < ev->nr; r++) {
		size_t n = 0;
		sc_expr_deps(q->rules[r].when, &n);
		if (n > most)
			most = n;
	}
	ev->because = sc_xmalloc(most * sizeof *ev->because);

	for (size_t i = 0; i < ev->nq; i++)
		if (q->questions[i].required)
			ev->nrequired++;
	ev->res.unanswered = sc_xmalloc((ev->nrequired + 1) * sizeof(size_t));

	sc_eval_reset(ev);
	return ev;
}

void
sc_eval_free(struct sc_eval *ev)
{
	if (!ev)
		return;
	free(ev->visible);
	free(ev->answered);
	free(ev->missing);
	free(ev->queued);
	free(ev->fired);
	free(ev->rdirty);
	free(ev->heap);
	free(ev->dirty);
	free(ev->q_to_q.start);
	free(ev->q_to_q.idx);
	free(ev->q_to_r.start);
	free(ev->q_to_r.idx);
	free(ev->gap_group);
	free(ev->item_group);
	for (size_t g = 0; g < ev->ngap_groups; g++)
		free(ev->gap_reasons[g].v);
	free(ev->gap_reasons);
	free(ev->gap_slot_of);
	free(ev->gap_tmp);
	free(ev->item_slot_of);
	free(ev->item_group_of);
	free(ev->because);
	free(ev->crit.v);
	free(ev->res.gaps);
	free(ev->res.items);
	free(ev->res.unanswered);
	free(ev->fired_list.v);
	for (size_t i = 0; i < SC_REPORT_COUNT; i++)
		free(ev->report_reasons[i].v);
	free(ev->none.v);
	free(ev->deferred.v);
	free(ev->next_steps.v);
	free(ev->outcome_reasons.v);
	for (size_t i = 0; i < SC_CAT_COUNT; i++) {
		free(ev->tsc_in[i].v);
		free(ev->tsc_out[i].v);
	}
	for (size_t i = 0; i < SC_FW_COUNT; i++)
		free(ev->fw_reasons[i].v);
	free(ev);
}

void
sc_eval_changed(struct sc_eval *ev, size_t question)
{
	if (!ev || question >= ev->nq)
		return;
	bool vis = bit_get(ev->visible, question);
	question_update(ev, question, vis, has_answer(ev, question));
	/* A hidden question reads as unanswered before and after: nothing that
	 * depends on it can change. */
	if (!vis)
		return;
	touch_dependents(ev, question);
	/* Dependents always come later in the file, so taking them in index
	 * order sees every show_if after all of its inputs have settled. */
	while (ev->nheap) {
		size_t d = heap_pop(ev);
		bit_put(ev->queued, d, false);
		bool nv = eval_show_if(ev, d);
		if (nv == bit_get(ev->visible, d))
			continue;
		bool ans = has_answer(ev, d);
		question_update(ev, d, nv, ans);
		/* Showing or hiding an unanswered question changes no effective
		 * answer, so its readers need not be revisited. */
		if (ans)
			touch_dependents(ev, d);
	}
	for (size_t k = 0; k < ev->ndirty; k++) {
		size_t r = ev->dirty[k];
		bit_put(ev->rdirty, r, false);
		set_fired(ev, r, eval_when(ev, r));
	}
	ev->ndirty = 0;
}

bool
sc_eval_visible(const struct sc_eval *ev, size_t question)
{
	return ev && question < ev->nq && bit_get(ev->visible, question);
}

bool
sc_eval_fired(const struct sc_eval *ev, size_t rule)
{
	return ev && rule < ev->nr && bit_get(ev->fired, rule);
}

const struct sc_answer *
sc_eval_answer(const struct sc_eval *ev, size_t question)
{
	if (!ev)
		return NULL;
	return lookup((void *)ev, question);
}

const size_t *
sc_eval_because(struct sc_eval *ev, size_t rule, size_t *n)
{
	*n = 0;
	if (!ev || rule >= ev->nr || !ev->q->rules[rule].when)
		return NULL;
	*n = sc_expr_witnesses_on(ev->q->rules[rule].when, lookup, ev,
	                          ev->today, ev->because);
	return *n ? ev->because : NULL;
}

/* Indices of the set bits, ascending: a word scan, then one step per bit. */
static void
bits_to_list(const uint64_t *b, size_t words, size_t limit, size_t *out,
             size_t *n)
{
	size_t k = 0;
	for (size_t w = 0; w < words; w++) {
		uint64_t x = b[w];
		while (x) {
			size_t i = w * 64 + (size_t)__builtin_ctzll(x);
			x &= x - 1;
			if (i < limit)
				out[k++] = i;
		}
	}
	*n = k;
}

/* Does proposal `t` beat the current best `b` (which came earlier)? */
static bool
type_beats(const struct sc_type_effect *t, const struct sc_type_effect *b)
{
	if (!b)
		return true;
	if (t->weight != b->weight)
		return t->weight > b->weight;
	/* Equal weight: a constraint (Type I) beats a wish (Type II); between
	 * equals the earlier rule stays. */
	return t->type == SC_TYPE1 && b->type == SC_TYPE2;
}

/* Worst first: missing, unknown, partial, in place. */
static int
readiness_rank(enum sc_readiness s)
{
	switch (s) {
	case SC_READY_MISSING: return 3;
	case SC_READY_UNKNOWN: return 2;
	case SC_READY_PARTIAL: return 1;
	case SC_READY_IN_PLACE: return 0;
	case SC_READY_COUNT: break;
	}
	return 0;
}

static void
build_reports(struct sc_eval *ev, const size_t *f, size_t nf)
{
	const struct sc_questionnaire *q = ev->q;
	struct sc_result *res = &ev->res;
	const struct sc_type_effect *best[SC_REPORT_COUNT] = {NULL};
	size_t best_rule[SC_REPORT_COUNT];

	for (size_t i = 0; i < SC_REPORT_COUNT; i++) {
		ev->report_reasons[i].n = 0;
		best_rule[i] = SIZE_MAX;
	}
	ev->none.n = ev->deferred.n = 0;
	for (size_t k = 0; k < nf; k++) {
		const struct sc_rule *ru = &q->rules[f[k]];
		push_bits(ev->report_reasons, ru->recommend, SC_REPORT_COUNT, f[k]);
		for (size_t t = 0; t < ru->ntypes; t++) {
			const struct sc_type_effect *te = &ru->types[t];
			if ((unsigned)te->report >= SC_REPORT_COUNT)
				continue;
			if (type_beats(te, best[te->report])) {
				best[te->report] = te;
				best_rule[te->report] = f[k];
			}
		}
	}

	struct sc_report_rec rec[SC_REPORT_COUNT];
	bool on[SC_REPORT_COUNT];
	for (size_t i = 0; i < SC_REPORT_COUNT; i++) {
		on[i] = ev->report_reasons[i].n > 0;
		rec[i].id = (enum sc_report_id)i;
		if (best[i]) {
			rec[i].type = best[i]->type;
			/* Type I is as of a date: it never carries a period. */
			rec[i].period_months = best[i]->type == SC_TYPE2
				? best[i]->period_months : 0;
			rec[i].type_rule = best_rule[i];
		} else {
			rec[i].type = SC_TYPE1;
			rec[i].period_months = 0;
			rec[i].type_rule = SIZE_MAX;
		}
	}

	/* SOC 3 is the public summary of a SOC 2 Type II: it has no type of
	 * its own, reports on that report's period, or waits for one. */
	if (on[SC_SOC3]) {
		if (on[SC_SOC2] && rec[SC_SOC2].type == SC_TYPE2) {
			rec[SC_SOC3].type = SC_TYPE_NONE;
			rec[SC_SOC3].period_months = rec[SC_SOC2].period_months;
			rec[SC_SOC3].type_rule = rec[SC_SOC2].type_rule;
		} else {
			on[SC_SOC3] = false;
			struct vec *s3 = &ev->report_reasons[SC_SOC3];
			for (size_t k = 0; k < s3->n; k++)
				vec_push(&ev->deferred, s3->v[k]);
		}
	}

	res->nreports = 0;
	for (size_t i = 0; i < SC_REPORT_COUNT; i++) {
		if (!on[i])
			continue;
		size_t tr = rec[i].type_rule;
		if (tr != SIZE_MAX && !(q->rules[tr].recommend & (1u << i)))
			vec_push(&ev->report_reasons[i], tr);
		rec[i].reasons = vec_reasons(&ev->report_reasons[i]);
		res->reports[res->nreports++] = rec[i];
	}
	for (size_t i = res->nreports; i < SC_REPORT_COUNT; i++)
		memset(&res->reports[i], 0, sizeof res->reports[i]);

	/* "none" is an answer only when nothing else is recommended; a SOC 3
	 * left waiting for its SOC 2 leaves the report list empty too, and
	 * then the reason not to get a report now is what the user needs. */
	if (res->nreports == 0)
		for (size_t k = 0; k < nf; k++)
			if (q->rules[f[k]].recommend_none)
				vec_push(&ev->none, f[k]);
	res->none = vec_reasons(&ev->none);
	res->deferred = vec_reasons(&ev->deferred);
}

static bool
result_has(const struct sc_result *res, enum sc_report_id id)
{
	for (size_t i = 0; i < res->nreports; i++)
		if (res->reports[i].id == id)
			return true;
	return false;
}

static void
build_scope(struct sc_eval *ev, const size_t *f, size_t nf)
{
	const struct sc_questionnaire *q = ev->q;
	struct sc_result *res = &ev->res;
	for (size_t c = 0; c < SC_CAT_COUNT; c++)
		ev->tsc_in[c].n = ev->tsc_out[c].n = 0;
	for (size_t i = 0; i < SC_FW_COUNT; i++)
		ev->fw_reasons[i].n = 0;
	ev->next_steps.n = 0;
	for (size_t k = 0; k < nf; k++) {
		const struct sc_rule *ru = &q->rules[f[k]];
		push_bits(ev->tsc_in, ru->scope_in, SC_CAT_COUNT, f[k]);
		push_bits(ev->tsc_out, ru->scope_out, SC_CAT_COUNT, f[k]);
		push_bits(ev->fw_reasons, ru->flags, SC_FW_COUNT, f[k]);
		if (ru->next_step)
			vec_push(&ev->next_steps, f[k]);
	}

	bool soc2 = result_has(res, SC_SOC2);
	for (size_t c = 0; c < SC_CAT_COUNT; c++) {
		struct sc_tsc_rec *t = &res->tsc[c];
		bool sec = c == SC_CAT_SECURITY;
		t->in_scope = soc2 && (sec || ev->tsc_in[c].n > 0);
		t->required = soc2 && sec;
		t->reasons = vec_reasons(t->in_scope ? &ev->tsc_in[c]
		                                     : &ev->tsc_out[c]);
	}

	res->nframeworks = 0;
	for (size_t i = 0; i < SC_FW_COUNT; i++) {
		if (!ev->fw_reasons[i].n)
			continue;
		struct sc_framework_rec *fr = &res->frameworks[res->nframeworks++];
		fr->id = (enum sc_framework)i;
		fr->reasons = vec_reasons(&ev->fw_reasons[i]);
	}
	for (size_t i = res->nframeworks; i < SC_FW_COUNT; i++)
		memset(&res->frameworks[i], 0, sizeof res->frameworks[i]);
	res->next_steps = vec_reasons(&ev->next_steps);
}

/* Does criteria reference `ref` fit the recommended scope? */
static bool
criterion_fits(const struct sc_result *res, const char *ref)
{
	if (strncmp(ref, "SOC1:", 5) == 0)
		return result_has(res, SC_SOC1);
	int c = sc_tsc_category(ref);
	if (c < 0)
		return true;
	if (c == SC_CAT_SECURITY)
		return result_has(res, SC_SOC2);
	return res->tsc[c].in_scope;
}

/* With no report recommended, the common criteria are the baseline a gap
 * points to: a SOC 1 objective or an optional category's criterion would
 * name an examination nobody plans. */
static bool
criterion_baseline(const char *ref)
{
	return strncmp(ref, "SOC1:", 5) != 0 &&
	       sc_tsc_category(ref) == SC_CAT_SECURITY;
}

/* The criteria each gap shows: those that fit the scope, so a Privacy
 * criterion does not appear when Privacy is out; with no report the common
 * criteria; and every one rather than none. */
static void
gap_criteria(struct sc_eval *ev)
{
	struct sc_result *res = &ev->res;
	struct cvec *c = &ev->crit;
	/* A gap shows at most its own criteria: room for all of them up
	 * front keeps the pointers handed out below from moving. */
	size_t total = 1;
	for (size_t i = 0; i < res->ngaps; i++)
		total += res->gaps[i].def->ncriteria;
	if (total > c->cap)
		c->v = sc_xgrow(c->v, &c->cap, total, sizeof *c->v);
	c->n = 0;
	/* A questionnaire that concludes with an outcome plans no report:
	 * its gaps show the criteria of the families its criteria_shown
	 * admits, every one it cites when it says nothing. */
	const struct sc_questionnaire *q = ev->q;
	bool scoped = !(q->noutcomes > 0 && !q->recommends);
	bool soc1 = !q->criteria_soc1 ||
	            sc_expr_eval_on(q->criteria_soc1, lookup, ev, ev->today);
	bool tsc = !q->criteria_tsc ||
	           sc_expr_eval_on(q->criteria_tsc, lookup, ev, ev->today);
	for (size_t i = 0; i < res->ngaps; i++) {
		const struct sc_gap_def *d = res->gaps[i].def;
		const char **shown = c->v + c->n;
		size_t n = 0;
		for (size_t k = 0; k < d->ncriteria; k++) {
			const char *ref = d->criteria[k];
			bool fits;
			if (!scoped)
				fits = strncmp(ref, "SOC1:", 5) == 0 ? soc1 : tsc;
			else if (res->nreports == 0)
				fits = criterion_baseline(ref);
			else
				fits = criterion_fits(res, ref);
			if (fits)
				shown[n++] = ref;
		}
		/* Every one rather than none, unless criteria_shown has
		 * ruled out the only family the gap cites. */
		bool ruled = !scoped && (q->criteria_soc1 || q->criteria_tsc);
		if (n == 0 && !ruled)
			for (; n < d->ncriteria; n++)
				shown[n] = d->criteria[n];
		res->gaps[i].criteria = shown;
		res->gaps[i].ncriteria = n;
		c->n += n;
	}
}

static void
build_gaps(struct sc_eval *ev, const size_t *f, size_t nf)
{
	const struct sc_questionnaire *q = ev->q;
	struct sc_result *res = &ev->res;
	size_t nslots = 0;

	for (size_t k = 0; k < nf; k++) {
		size_t g = ev->gap_group[f[k]];
		if (g == SIZE_MAX)
			continue;
		const struct sc_gap_def *def = q->rules[f[k]].gap;
		size_t s = ev->gap_slot_of[g];
		if (s == SIZE_MAX) {
			s = ev->gap_slot_of[g] = nslots++;
			ev->gap_tmp[s].group = g;
			ev->gap_tmp[s].def = def;
			ev->gap_tmp[s].priority = def->priority;
			ev->gap_reasons[g].n = 0;
		} else if (def->priority < ev->gap_tmp[s].priority) {
			/* Lower enum value is the higher priority. */
			ev->gap_tmp[s].def = def;
			ev->gap_tmp[s].priority = def->priority;
		}
		vec_push(&ev->gap_reasons[g], f[k]);
	}
	/* High, then medium, then low; first appearance order within. */
	res->ngaps = 0;
	for (int p = 0; p < SC_PRIO_COUNT; p++) {
		for (size_t s = 0; s < nslots; s++) {
			if ((int)ev->gap_tmp[s].priority != p)
				continue;
			struct sc_gap_rec *gr = &res->gaps[res->ngaps++];
			gr->def = ev->gap_tmp[s].def;
			gr->priority = ev->gap_tmp[s].priority;
			gr->reasons = vec_reasons(&ev->gap_reasons[ev->gap_tmp[s].group]);
		}
	}
	for (size_t s = 0; s < nslots; s++)
		ev->gap_slot_of[ev->gap_tmp[s].group] = SIZE_MAX;
	gap_criteria(ev);
}

static void
build_readiness(struct sc_eval *ev, const size_t *f, size_t nf)
{
	const struct sc_questionnaire *q = ev->q;
	struct sc_result *res = &ev->res;
	res->nitems = 0;
	for (size_t k = 0; k < nf; k++) {
		size_t g = ev->item_group[f[k]];
		if (g == SIZE_MAX)
			continue;
		const struct sc_rule *ru = &q->rules[f[k]];
		size_t s = ev->item_slot_of[g];
		if (s == SIZE_MAX) {
			s = ev->item_slot_of[g] = res->nitems++;
			ev->item_group_of[s] = g;
			res->items[s].item = ru->readiness_item;
			res->items[s].status = ru->readiness;
			res->items[s].rule = f[k];
		} else if (readiness_rank(ru->readiness)
		           > readiness_rank(res->items[s].status)) {
			res->items[s].status = ru->readiness;
			res->items[s].rule = f[k];
		}
	}
	res->in_place = res->partial = res->missing = res->unknown = 0;
	for (size_t s = 0; s < res->nitems; s++) {
		ev->item_slot_of[ev->item_group_of[s]] = SIZE_MAX;
		switch (res->items[s].status) {
		case SC_READY_IN_PLACE: res->in_place++; break;
		case SC_READY_PARTIAL: res->partial++; break;
		case SC_READY_MISSING: res->missing++; break;
		case SC_READY_UNKNOWN: res->unknown++; break;
		case SC_READY_COUNT: break;
		}
	}
	/* round(100 * (in_place + partial / 2) / n) in integers: halves round
	 * up, as round() does for positive values. */
	size_t n = res->nitems;
	res->score = n ? (int)((200 * res->in_place + 100 * res->partial + n)
	                       / (2 * n))
	               : 0;
}

/* The worst outcome the fired rules propose, and the rules proposing it. */
static void
build_outcome(struct sc_eval *ev, const size_t *f, size_t nf)
{
	const struct sc_questionnaire *q = ev->q;
	size_t worst = SIZE_MAX;
	for (size_t k = 0; k < nf; k++) {
		size_t o = q->rules[f[k]].outcome;
		if (o < q->noutcomes && (worst == SIZE_MAX || o > worst))
			worst = o;
	}
	ev->outcome_reasons.n = 0;
	for (size_t k = 0; worst != SIZE_MAX && k < nf; k++)
		if (q->rules[f[k]].outcome == worst)
			vec_push(&ev->outcome_reasons, f[k]);
	ev->res.outcome.id = worst;
	ev->res.outcome.reasons = vec_reasons(&ev->outcome_reasons);
}

const struct sc_result *
sc_eval_result(struct sc_eval *ev)
{
	if (!ev)
		return NULL;
	if (!ev->result_dirty)
		return &ev->res;
	struct vec *fl = &ev->fired_list;
	fl->v = sc_xgrow(fl->v, &fl->cap, ev->nr + 1, sizeof *fl->v);
	bits_to_list(ev->fired, ev->rwords, ev->nr, fl->v, &fl->n);

	build_reports(ev, fl->v, fl->n);
	build_scope(ev, fl->v, fl->n);
	build_outcome(ev, fl->v, fl->n);
	/* An exclusive outcome (answers that contradict each other) leaves
	 * only its own gaps: the others rest on those answers. */
	const struct sc_outcome_rec *oc = &ev->res.outcome;
	if (oc->id != SIZE_MAX && ev->q->outcomes[oc->id].exclusive)
		build_gaps(ev, oc->reasons.rules, oc->reasons.n);
	else
		build_gaps(ev, fl->v, fl->n);
	build_readiness(ev, fl->v, fl->n);

	bits_to_list(ev->missing, ev->qwords, ev->nq, ev->res.unanswered,
	             &ev->res.nunanswered);
	ev->res.applicable = ev->applicable;
	ev->res.answered = ev->nanswered;
	ev->result_dirty = false;
	return &ev->res;
}

void
sc_eval_expand(struct sc_eval *ev, const char *text, struct sc_buf *out)
{
	if (!text || !out)
		return;
	size_t from = 0, at, len, idlen;
	const char *id;
	while (ev && qr_placeholder_next(text, from, &at, &len, &id, &idlen)) {
		/* Loading refused anything but {{question_id}}; whatever else
		 * a hand-built questionnaire holds is shown as written. */
		char name[SC_ID_MAX + 1];
		const struct sc_question *qn = NULL;
		if (len && idlen <= SC_ID_MAX) {
			memcpy(name, id, idlen);
			name[idlen] = '\0';
			qn = sc_questionnaire_find(ev->q, name);
		}
		size_t upto = qn ? at : at + (len ? len : 2);
		sc_buf_add(out, text + from, upto - from);
		from = upto;
		if (!qn)
			continue;
		const struct sc_answer *v = lookup(ev, qn->index);
		size_t before = out->len;
		if (v)
			sc_answer_format(qn, v, out);
		if (out->len == before)
			sc_buf_puts(out, v ? "none" : "(not answered)");
		from = at + len;
		/* An answer typed as a sentence ends with its full stop; the
		 * text around it brings its own punctuation ("(..., as typed.),"
		 * reads doubled). */
		char next = text[from];
		if (out->len > before && out->data[out->len - 1] == '.' &&
		    (next == '.' || next == ',' || next == ';' || next == ':' ||
		     next == ')' || next == '!' || next == '?'))
			out->data[--out->len] = '\0';
	}
	sc_buf_puts(out, text + from);
}

bool
sc_eval_next_review(struct sc_eval *ev, sc_day *out)
{
	if (!ev || ev->q->next_review_after >= ev->nq)
		return false;
	const struct sc_answer *v = lookup(ev, ev->q->next_review_after);
	if (!v || v->type != SC_A_DATE)
		return false;
	*out = sc_date_add_months(v->day, ev->q->next_review_months);
	return true;
}

const char *
sc_result_outcome_title(const struct sc_questionnaire *q,
                        const struct sc_result *r)
{
	if (!q || !r || r->outcome.id >= q->noutcomes)
		return "No outcome yet";
	const char *t = q->outcomes[r->outcome.id].title;
	return t ? t : q->outcomes[r->outcome.id].id;
}

/* A questionnaire that concludes with an outcome rather than reports. */
static bool
outcome_only(const struct sc_questionnaire *q)
{
	return q->noutcomes > 0 && !q->recommends;
}

void
sc_report_title(const struct sc_report_rec *r, struct sc_buf *out)
{
	if (!r || !out)
		return;
	sc_buf_puts(out, sc_report_name(r->id));
	if (r->id == SC_SOC3) {
		sc_buf_puts(out, " (public summary of the SOC 2 Type II, same "
		                 "period)");
		return;
	}
	sc_buf_putc(out, ' ');
	sc_buf_puts(out, sc_rtype_name(r->type));
}

const char *
sc_result_tsc_default(const struct sc_result *r, enum sc_category c)
{
	const struct sc_tsc_rec *t = &r->tsc[c];
	if (t->reasons.n > 0)
		return NULL;
	if (t->required)
		return "Security, the common criteria, is part of every SOC 2 "
		       "report.";
	if (t->in_scope)
		return NULL;
	if (!r->tsc[SC_CAT_SECURITY].in_scope)
		return "No SOC 2 is recommended now.";
	return "Nothing in your answers calls for it; add it when a customer "
	       "requires it in writing.";
}

const char *
sc_result_tsc_why(const struct sc_questionnaire *q, const struct sc_result *r,
                  enum sc_category c)
{
	const struct sc_tsc_rec *t = &r->tsc[c];
	if (t->reasons.n > 0 && t->reasons.rules[0] < q->nrules)
		return q->rules[t->reasons.rules[0]].because;
	const char *d = sc_result_tsc_default(r, c);
	return d ? d : "";
}

/* The categories in scope, "(Security, Availability)". */
static void
put_categories(struct sc_buf *out, const struct sc_result *res)
{
	sc_buf_puts(out, " (");
	bool first = true;
	for (size_t c = 0; c < SC_CAT_COUNT; c++) {
		if (!res->tsc[c].in_scope)
			continue;
		if (!first)
			sc_buf_puts(out, ", ");
		sc_buf_puts(out, sc_category_name((enum sc_category)c));
		first = false;
	}
	sc_buf_putc(out, ')');
}

void
sc_result_summary(const struct sc_questionnaire *q, const struct sc_result *r,
                  struct sc_buf *out)
{
	if (!q || !r || !out)
		return;
	if (outcome_only(q)) {
		if (r->outcome.id < q->noutcomes)
			sc_buf_printf(out, "Outcome: %s",
			              sc_result_outcome_title(q, r));
		else
			sc_buf_puts(out, "No outcome yet: not enough answers.");
		return;
	}
	if (r->nreports > 0) {
		/* A SOC 3 covers its SOC 2's categories: name them once, after
		 * whichever of the two comes last. */
		bool soc3 = false;
		for (size_t i = 0; i < r->nreports; i++)
			soc3 |= r->reports[i].id == SC_SOC3;
		for (size_t i = 0; i < r->nreports; i++) {
			const struct sc_report_rec *rr = &r->reports[i];
			if (i > 0)
				sc_buf_puts(out, i + 1 == r->nreports ? " and " : ", ");
			sc_buf_puts(out, sc_report_name(rr->id));
			if (rr->id != SC_SOC3) {
				sc_buf_putc(out, ' ');
				sc_buf_puts(out, sc_rtype_name(rr->type));
			}
			if (rr->id == (soc3 ? SC_SOC3 : SC_SOC2))
				put_categories(out, r);
		}
		return;
	}
	if (r->none.n > 0 && r->none.rules[0] < q->nrules) {
		sc_buf_puts(out, "No SOC report recommended now: ");
		const char *why = q->rules[r->none.rules[0]].because;
		sc_buf_puts(out, why ? why : "");
		return;
	}
	if (r->deferred.n > 0) {
		sc_buf_puts(out, "No SOC report recommended now: a SOC 3 summarizes "
		                 "a SOC 2 Type II, which is not recommended yet.");
		return;
	}
	sc_buf_puts(out, "No SOC report recommended yet: not enough answers.");
}

void
sc_result_headline(const struct sc_questionnaire *q, const struct sc_result *r,
                   struct sc_buf *out)
{
	if (!q || !r || !out)
		return;
	if (outcome_only(q))
		sc_buf_puts(out, r->outcome.id < q->noutcomes
		                         ? sc_result_outcome_title(q, r)
		                         : "Not enough answers yet");
	else if (r->nreports > 0)
		sc_result_summary(q, r, out);
	else if (r->none.n > 0 || r->deferred.n > 0)
		sc_buf_puts(out, "No SOC report now");
	else
		sc_buf_puts(out, "Not enough answers yet");
}
