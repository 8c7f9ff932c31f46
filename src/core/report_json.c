/* The JSON report: the schema of /work/shared/contract.md exactly (keys in
 * its order, lists in a stable order, lower-case ids), with extra keys
 * appended after the contract's ones in each object so that readers of the
 * contract never see them move.  jansson does the escaping; every string is
 * checked as UTF-8 first and cleaned when it is not. */
#include "report_internal.h"

#include <jansson.h>
#include <stdlib.h>

struct jw {
	struct sc_buf tmp;
};

static json_t *
js(struct jw *w, const char *s)
{
	if (!s)
		return json_null();
	json_t *j = json_string(s);
	if (!j)
		j = json_string(rp_clean(s, &w->tmp));
	return j ? j : json_string("");
}

static json_t *
js_opt(struct jw *w, const char *s)
{
	return s && *s ? js(w, s) : json_null();
}

/* An answer as the contract writes it. */
static json_t *
answer_json(struct jw *w, const struct sc_question *qn,
            const struct sc_answer *a)
{
	if (!a)
		return json_null();
	switch (a->type) {
	case SC_A_NONE: return json_null();
	case SC_A_BOOL: return json_boolean(a->b);
	case SC_A_UNSURE: return json_string("unsure");
	case SC_A_CHOICE:
		return a->choice < qn->nchoices ? js(w, qn->choices[a->choice].id)
		                                : json_null();
	case SC_A_CHOICES: {
		json_t *arr = json_array();
		for (size_t i = 0; i < a->nsel; i++)
			if (a->sel[i] < qn->nchoices)
				json_array_append_new(arr,
				                      js(w, qn->choices[a->sel[i]].id));
		return arr;
	}
	case SC_A_NUMBER:
		/* Whole numbers print as integers ("12", not "12.0"). */
		/* (libm-free: NaN and infinities fail x - x == 0.) */
		if (!(a->num - a->num == 0))
			return json_null();
		if (a->num > -9007199254740992.0 && a->num < 9007199254740992.0 &&
		    (double)(json_int_t)a->num == a->num)
			return json_integer((json_int_t)a->num);
		return json_real(a->num);
	case SC_A_TEXT: return js(w, a->text);
	}
	return json_null();
}

static json_t *
because_json(struct jw *w, const struct rp_model *m, const struct rp_dep *d,
             size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct sc_question *qn = &m->q->questions[d[i].question];
		json_t *o = json_object();
		json_object_set_new(o, "question", js(w, qn->id));
		json_object_set_new(o, "answer", answer_json(w, qn, d[i].answer));
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *
reasons_json(struct jw *w, const struct rp_model *m,
             const struct rp_reasons *rs)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < rs->n; i++) {
		const struct rp_reason *r = &rs->v[i];
		json_t *o = json_object();
		json_object_set_new(o, "rule", js(w, r->rule->id));
		json_object_set_new(o, "text", js(w, r->rule->because));
		json_object_set_new(o, "because",
		                    because_json(w, m, r->deps, r->ndeps));
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *
recommendation_json(struct jw *w, const struct rp_model *m)
{
	json_t *rec = json_object();
	json_object_set_new(rec, "summary", js(w, m->summary));
	json_t *reports = json_array();
	for (size_t i = 0; i < m->nreports; i++) {
		const struct rp_report *rp = &m->reports[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", json_string(sc_report_id_str(rp->rec->id)));
		/* A SOC 3 has no type: null, as the contract says. */
		json_object_set_new(o, "type",
		                    rp->rec->type < SC_RTYPE_COUNT
		                            ? json_string(sc_rtype_id_str(rp->rec->type))
		                            : json_null());
		json_object_set_new(o, "period_months",
		                    rp->period_months > 0
		                            ? json_integer(rp->period_months)
		                            : json_null());
		json_object_set_new(o, "reasons", reasons_json(w, m, &rp->reasons));
		json_object_set_new(o, "title", js(w, rp->title));
		json_array_append_new(reports, o);
	}
	json_object_set_new(rec, "reports", reports);
	json_object_set_new(rec, "why_none", reasons_json(w, m, &m->none));
	json_object_set_new(rec, "deferred", reasons_json(w, m, &m->deferred));
	json_t *steps = json_array();
	for (size_t i = 0; i < m->next_steps.n; i++) {
		const struct sc_rule *r = m->next_steps.v[i].rule;
		json_t *o = json_object();
		json_object_set_new(o, "rule", js(w, r->id));
		json_object_set_new(o, "text", js(w, r->next_step));
		json_array_append_new(steps, o);
	}
	json_object_set_new(rec, "next_steps", steps);
	return rec;
}

static json_t *
tsc_json(struct jw *w, const struct rp_model *m)
{
	json_t *tsc = json_object();
	for (int c = 0; c < SC_CAT_COUNT; c++) {
		json_t *o = json_object();
		json_object_set_new(o, "in_scope",
		                    json_boolean(m->r->tsc[c].in_scope));
		json_object_set_new(o, "required",
		                    json_boolean(m->r->tsc[c].required));
		json_object_set_new(o, "reasons", reasons_json(w, m, &m->tsc[c]));
		json_object_set_new(o, "note", js(w, rp_tsc_default_reason(m, c)));
		json_object_set_new(tsc, sc_category_id_str(c), o);
	}
	return tsc;
}

static json_t *
gaps_json(struct jw *w, const struct rp_model *m)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < m->ngaps; i++) {
		const struct rp_gap *g = &m->gaps[i];
		const struct sc_gap_def *d = g->rec->def;
		json_t *o = json_object();
		json_object_set_new(o, "id", js(w, d->id));
		json_object_set_new(o, "title", js(w, d->title));
		json_t *crit = json_array();
		for (size_t k = 0; k < g->rec->ncriteria; k++)
			json_array_append_new(crit, js(w, g->rec->criteria[k]));
		json_object_set_new(o, "criteria", crit);
		json_object_set_new(o, "priority",
		                    json_string(sc_priority_id_str(g->rec->priority)));
		json_object_set_new(o, "advice", js(w, d->advice));
		json_object_set_new(o, "because",
		                    because_json(w, m, g->deps, g->ndeps));
		json_object_set_new(o, "kind",
		                    json_string(d->followup ? "followup" : "gap"));
		json_t *rules = json_array();
		for (size_t k = 0; k < g->reasons.n; k++)
			json_array_append_new(rules, js(w, g->reasons.v[k].rule->id));
		json_object_set_new(o, "rules", rules);
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *
readiness_json(struct jw *w, const struct rp_model *m)
{
	const struct sc_result *r = m->r;
	json_t *o = json_object();
	json_object_set_new(o, "score", json_integer(r->score));
	json_object_set_new(o, "in_place", json_integer((json_int_t)r->in_place));
	json_object_set_new(o, "total", json_integer((json_int_t)r->nitems));
	json_object_set_new(o, "partial", json_integer((json_int_t)r->partial));
	json_object_set_new(o, "missing", json_integer((json_int_t)r->missing));
	json_object_set_new(o, "unknown", json_integer((json_int_t)r->unknown));
	json_t *items = json_array();
	for (size_t i = 0; i < r->nitems; i++) {
		json_t *it = json_object();
		json_object_set_new(it, "item", js(w, r->items[i].item));
		json_object_set_new(it, "status",
		                    json_string(sc_readiness_id_str(r->items[i].status)));
		json_object_set_new(it, "rule",
		                    r->items[i].rule < m->q->nrules
		                            ? js(w, m->q->rules[r->items[i].rule].id)
		                            : json_null());
		json_array_append_new(items, it);
	}
	json_object_set_new(o, "items", items);
	json_t *areas = json_array();
	for (size_t i = 0; i < m->nareas; i++) {
		const struct sc_area *a = &m->areas[i];
		json_t *ao = json_object();
		json_object_set_new(ao, "id", json_string(a->id));
		json_object_set_new(ao, "name", json_string(a->name));
		json_object_set_new(ao, "score", a->score >= 0
		                                         ? json_integer(a->score)
		                                         : json_null());
		json_object_set_new(ao, "total", json_integer((json_int_t)a->total));
		json_object_set_new(ao, "in_place",
		                    json_integer((json_int_t)a->in_place));
		json_object_set_new(ao, "partial",
		                    json_integer((json_int_t)a->partial));
		json_object_set_new(ao, "missing",
		                    json_integer((json_int_t)a->missing));
		json_object_set_new(ao, "unknown",
		                    json_integer((json_int_t)a->unknown));
		json_array_append_new(areas, ao);
	}
	json_object_set_new(o, "areas", areas);
	return o;
}

static json_t *
roadmap_json(struct jw *w, const struct rp_model *m)
{
	json_t *o = json_object();
	json_object_set_new(o, "ready_by", js_opt(w, m->ready_by));
	json_object_set_new(o, "type1_as_of", js_opt(w, m->type1_as_of));
	json_object_set_new(o, "window_start", js_opt(w, m->window_start));
	json_object_set_new(o, "window_end", js_opt(w, m->window_end));
	json_object_set_new(o, "window_months",
	                    m->window_months > 0 ? json_integer(m->window_months)
	                                         : json_null());
	json_object_set_new(o, "deadline", js_opt(w, m->deadline));
	json_object_set_new(o, "report_from", js_opt(w, m->report_from));
	json_object_set_new(o, "report_by", js_opt(w, m->report_by));
	json_object_set_new(o, "readiness_weeks",
	                    json_integer(m->readiness_weeks));
	json_t *steps = json_array();
	for (size_t i = 0; i < m->nsteps; i++) {
		json_t *s = json_object();
		json_object_set_new(s, "when", js(w, m->steps[i].when));
		json_object_set_new(s, "what", js(w, m->steps[i].what));
		json_array_append_new(steps, s);
	}
	json_object_set_new(o, "steps", steps);
	json_t *notes = json_array();
	for (size_t i = 0; i < m->nroad_notes; i++)
		json_array_append_new(notes, js(w, m->road_notes[i]));
	json_object_set_new(o, "notes", notes);
	json_t *bars = json_array();
	for (size_t i = 0; i < m->nbars; i++) {
		json_t *b = json_object();
		json_object_set_new(b, "kind",
		                    json_string(rp_bar_kind_name(m->bars[i].kind)));
		json_object_set_new(b, "label", js(w, m->bars[i].label));
		json_object_set_new(b, "from", json_string(m->bars[i].from));
		json_object_set_new(b, "to", json_string(m->bars[i].to));
		json_array_append_new(bars, b);
	}
	json_object_set_new(o, "timeline", bars);
	return o;
}

static json_t *
answers_json(struct jw *w, const struct rp_model *m)
{
	const struct sc_questionnaire *q = m->q;
	json_t *arr = json_array();
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct sc_question *qn = &q->questions[i];
		bool shown = sc_eval_visible(m->ev, i);
		json_t *o = json_object();
		json_object_set_new(o, "question", js(w, qn->id));
		json_object_set_new(o, "section", js(w, q->sections[qn->section].id));
		json_object_set_new(o, "text", js(w, qn->text));
		json_object_set_new(o, "shown", json_boolean(shown));
		json_object_set_new(o, "answer",
		                    answer_json(w, qn, shown ? sc_eval_answer(m->ev, i)
		                                             : NULL));
		json_object_set_new(o, "note", js(w, rp_note(m, i)));
		json_array_append_new(arr, o);
	}
	return arr;
}

static void
dump(json_t *root, struct sc_buf *out)
{
	char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	                                   JSON_REAL_PRECISION(15));
	if (!s)
		sc_out_of_memory();
	sc_buf_puts(out, s);
	sc_buf_putc(out, '\n');
	free(s);
}

static json_t *
ev_list_json(struct jw *w, const struct rp_model *m,
             const struct rp_ev_list *l)
{
	const struct sc_catalogue *cat = m->evidence.cat;
	const struct sc_report_rec *rec = l->rp->rec;
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(sc_report_id_str(rec->id)));
	json_object_set_new(o, "type", rec->type < SC_RTYPE_COUNT
	                                       ? json_string(sc_rtype_id_str(rec->type))
	                                       : json_null());
	json_object_set_new(o, "title", js(w, l->title));
	json_object_set_new(o, "as_of", js_opt(w, l->rp->as_of));
	json_object_set_new(o, "window_start", js_opt(w, l->rp->window_start));
	json_object_set_new(o, "window_end", js_opt(w, l->rp->window_end));
	json_object_set_new(o, "period", js(w, l->period));
	json_object_set_new(o, "summary", js(w, l->summary));
	json_t *counts = json_object();
	for (int s = 0; s < RP_EV_STATUS_COUNT; s++)
		json_object_set_new(counts, rp_ev_status_id(s),
		                    json_integer((json_int_t)l->counts[s]));
	json_object_set_new(o, "counts", counts);
	json_object_set_new(o, "type2_later", json_integer((json_int_t)l->nlater));
	json_t *rows = json_array();
	for (size_t k = 0; k < l->nrows; k++) {
		const struct rp_ev_row *r = &l->rows[k];
		json_t *ro = json_object();
		json_object_set_new(ro, "id", js(w, r->req->id));
		json_t *crit = json_array();
		for (size_t c = 0; c < r->ncriteria; c++)
			json_array_append_new(crit, js(w, r->criteria[c]));
		json_object_set_new(ro, "criteria", crit);
		json_object_set_new(ro, "evidence",
		                    json_string(sc_ev_kind_id_str(r->req->kind)));
		json_object_set_new(ro, "test",
		                    json_string(sc_ev_test_id_str(r->req->test)));
		json_object_set_new(ro, "request", js(w, r->req->text));
		json_object_set_new(ro, "when", js(w, r->when));
		json_object_set_new(ro, "exists",
		                    json_string(rp_ev_status_id(r->status)));
		json_t *items = json_array();
		for (size_t i = 0; i < r->req->nreadiness; i++)
			json_array_append_new(items, js(w, r->req->readiness[i]));
		json_object_set_new(ro, "readiness", items);
		json_t *src = json_array();
		for (size_t s = 0; s < r->req->nsources; s++)
			json_array_append_new(src,
			                      js(w, cat->sources[r->req->sources[s]].id));
		json_object_set_new(ro, "sources", src);
		json_array_append_new(rows, ro);
	}
	json_object_set_new(o, "requests", rows);
	return o;
}

void
rp_render_evidence_json(const struct rp_model *m, struct sc_buf *out)
{
	struct jw w = {0};
	const struct sc_catalogue *cat = m->evidence.cat;
	json_t *root = json_object();
	json_object_set_new(root, "socscope", json_integer(1));
	json_t *qo = json_object();
	json_object_set_new(qo, "id", js(&w, m->q->id));
	json_object_set_new(qo, "title", js(&w, m->q->title));
	json_object_set_new(qo, "version", js(&w, m->q->version));
	json_object_set_new(root, "questionnaire", qo);
	json_t *co = json_object();
	json_object_set_new(co, "id", js(&w, cat->id));
	json_object_set_new(co, "title", js(&w, cat->title));
	json_object_set_new(co, "version", js(&w, cat->version));
	json_object_set_new(root, "catalogue", co);
	json_object_set_new(root, "client", js_opt(&w, m->a->client));
	json_object_set_new(root, "date", json_string(m->date));
	json_object_set_new(root, "summary", js(&w, m->summary));
	json_object_set_new(root, "complete",
	                    json_boolean(m->r->nunanswered == 0));
	json_t *notes = json_array();
	for (size_t i = 0; i < m->evidence.nnotes; i++)
		json_array_append_new(notes, js(&w, m->evidence.notes[i]));
	json_object_set_new(root, "notes", notes);
	json_t *lists = json_array();
	for (size_t i = 0; i < m->evidence.nlists; i++)
		json_array_append_new(lists,
		                      ev_list_json(&w, m, &m->evidence.lists[i]));
	json_object_set_new(root, "reports", lists);
	json_t *src = json_array();
	for (size_t s = 0; s < cat->nsources; s++) {
		json_t *so = json_object();
		json_object_set_new(so, "id", js(&w, cat->sources[s].id));
		json_object_set_new(so, "title", js(&w, cat->sources[s].title));
		json_object_set_new(so, "url", js(&w, cat->sources[s].url));
		json_array_append_new(src, so);
	}
	json_object_set_new(root, "sources", src);
	json_object_set_new(root, "disclaimer", json_string(RP_DISCLAIMER));
	dump(root, out);
	json_decref(root);
	sc_buf_fini(&w.tmp);
}

void
rp_render_json(const struct rp_model *m, struct sc_buf *out)
{
	struct jw w = {0};
	const struct sc_questionnaire *q = m->q;
	const struct sc_result *r = m->r;
	json_t *root = json_object();

	json_object_set_new(root, "socscope", json_integer(1));
	json_t *qo = json_object();
	json_object_set_new(qo, "id", js(&w, q->id));
	json_object_set_new(qo, "title", js(&w, q->title));
	json_object_set_new(qo, "version", js(&w, q->version));
	json_object_set_new(root, "questionnaire", qo);
	json_object_set_new(root, "client", js_opt(&w, m->a->client));
	json_object_set_new(root, "complete", json_boolean(r->nunanswered == 0));
	json_t *un = json_array();
	for (size_t i = 0; i < r->nunanswered; i++)
		json_array_append_new(un, js(&w, q->questions[r->unanswered[i]].id));
	json_object_set_new(root, "unanswered", un);
	json_object_set_new(root, "recommendation", recommendation_json(&w, m));
	json_object_set_new(root, "tsc", tsc_json(&w, m));
	json_t *fw = json_array();
	for (size_t i = 0; i < r->nframeworks && i < SC_FW_COUNT; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "id",
		                    json_string(sc_framework_id_str(r->frameworks[i].id)));
		json_object_set_new(o, "reasons",
		                    reasons_json(&w, m, &m->frameworks[i]));
		json_array_append_new(fw, o);
	}
	json_object_set_new(root, "related_frameworks", fw);
	json_object_set_new(root, "gaps", gaps_json(&w, m));
	json_object_set_new(root, "readiness", readiness_json(&w, m));

	/* Additions to the contract. */
	json_object_set_new(root, "assessor", js_opt(&w, m->a->assessor));
	json_object_set_new(root, "date", json_string(m->date));
	json_object_set_new(root, "answered", json_integer((json_int_t)r->answered));
	json_object_set_new(root, "applicable",
	                    json_integer((json_int_t)r->applicable));
	json_t *ex = json_array();
	for (size_t i = 0; i < m->nexec; i++)
		json_array_append_new(ex, js(&w, m->exec[i]));
	json_object_set_new(root, "executive_summary", ex);
	json_object_set_new(root, "roadmap", roadmap_json(&w, m));
	json_object_set_new(root, "answers", answers_json(&w, m));
	json_object_set_new(root, "disclaimer", json_string(RP_DISCLAIMER));

	dump(root, out);
	json_decref(root);
	sc_buf_fini(&w.tmp);
}
