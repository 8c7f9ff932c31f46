/* The JSON report: the schema of /work/shared/contract.md exactly (keys in
 * its order, lists in a stable order, lower-case ids), with extra keys
 * appended after the contract's ones in each object so that readers of the
 * contract never see them move.  jansson does the escaping; every string is
 * checked as UTF-8 first and cleaned when it is not. */
#include "report_internal.h"

#include <jansson.h>
#include <stdio.h>

#include "report_write.h"

struct jw {
	struct sc_buf tmp;
};

static json_t *
js(struct jw *w, const char *s)
{
	return rp_jstr(s, &w->tmp);
}

static json_t *
js_opt(struct jw *w, const char *s)
{
	return s && *s ? js(w, s) : json_null();
}

static json_t *
because_json(struct jw *w, const struct rp_model *m, const struct rp_dep *d,
             size_t n)
{
	json_t *arr = rp_jnew(json_array());
	for (size_t i = 0; i < n; i++) {
		const struct sc_question *qn = &m->q->questions[d[i].question];
		json_t *o = rp_jnew(json_object());
		rp_jset(o, "question", js(w, qn->id));
		rp_jset(o, "answer", rp_json_answer(qn, d[i].answer));
		rp_jpush(arr, o);
	}
	return arr;
}

/* ["A1", "A3"]: the assumptions something rests on. */
static json_t *
rests_json(const struct rp_model *m, const size_t *idx, size_t n)
{
	json_t *arr = rp_jnew(json_array());
	char id[32];
	for (size_t i = 0; i < n; i++) {
		snprintf(id, sizeof id, "A%zu", m->assumptions[idx[i]].num);
		rp_jpush(arr, json_string(id));
	}
	return arr;
}

static json_t *
reasons_json(struct jw *w, const struct rp_model *m,
             const struct rp_reasons *rs)
{
	json_t *arr = rp_jnew(json_array());
	for (size_t i = 0; i < rs->n; i++) {
		const struct rp_reason *r = &rs->v[i];
		json_t *o = rp_jnew(json_object());
		rp_jset(o, "rule", js(w, r->rule->id));
		rp_jset(o, "text", js(w, r->text));
		rp_jset(o, "because",
		     because_json(w, m, r->deps, r->ndeps));
		if (r->nassumed)
			rp_jset(o, "rests_on", rests_json(m, r->assumed, r->nassumed));
		rp_jpush(arr, o);
	}
	return arr;
}

static json_t *
steps_json(struct jw *w, const struct rp_model *m)
{
	json_t *steps = rp_jnew(json_array());
	for (size_t i = 0; i < m->next_steps.n; i++) {
		const struct rp_reason *r = &m->next_steps.v[i];
		json_t *o = rp_jnew(json_object());
		rp_jset(o, "rule", js(w, r->rule->id));
		rp_jset(o, "text", js(w, r->step));
		if (r->nassumed)
			rp_jset(o, "rests_on", rests_json(m, r->assumed, r->nassumed));
		rp_jpush(steps, o);
	}
	return steps;
}

static json_t *
recommendation_json(struct jw *w, const struct rp_model *m)
{
	json_t *rec = rp_jnew(json_object());
	rp_jset(rec, "summary", js(w, m->summary));
	json_t *reports = rp_jnew(json_array());
	for (size_t i = 0; i < m->nreports; i++) {
		const struct rp_report *rp = &m->reports[i];
		json_t *o = rp_jnew(json_object());
		rp_jset(o, "id", json_string(sc_report_id_str(rp->rec->id)));
		/* A SOC 3 has no type: null, as the contract says. */
		rp_jset(o, "type",
		     rp->rec->type < SC_RTYPE_COUNT
		             ? json_string(sc_rtype_id_str(rp->rec->type))
		             : json_null());
		rp_jset(o, "period_months",
		     rp->period_months > 0 ? json_integer(rp->period_months)
		                           : json_null());
		rp_jset(o, "reasons", reasons_json(w, m, &rp->reasons));
		rp_jset(o, "title", js(w, rp->title));
		rp_jpush(reports, o);
	}
	rp_jset(rec, "reports", reports);
	rp_jset(rec, "why_none", reasons_json(w, m, &m->none));
	rp_jset(rec, "deferred", reasons_json(w, m, &m->deferred));
	rp_jset(rec, "next_steps", steps_json(w, m));
	return rec;
}

static json_t *
tsc_json(struct jw *w, const struct rp_model *m)
{
	json_t *tsc = rp_jnew(json_object());
	for (int c = 0; c < SC_CAT_COUNT; c++) {
		json_t *o = rp_jnew(json_object());
		rp_jset(o, "in_scope",
		     json_boolean(m->r->tsc[c].in_scope));
		rp_jset(o, "required",
		     json_boolean(m->r->tsc[c].required));
		rp_jset(o, "reasons", reasons_json(w, m, &m->tsc[c]));
		rp_jset(o, "note", js(w, rp_tsc_default_reason(m, c)));
		rp_jset(tsc, sc_category_id_str(c), o);
	}
	return tsc;
}

/* The gaps: every one (kind: -1), or those of one kind (1 follow-ups,
 * 0 the reader's own). */
static json_t *
gaps_json(struct jw *w, const struct rp_model *m, int kind)
{
	json_t *arr = rp_jnew(json_array());
	for (size_t i = 0; i < m->ngaps; i++) {
		const struct rp_gap *g = &m->gaps[i];
		const struct sc_gap_def *d = g->rec->def;
		if (kind >= 0 && d->followup != (kind == 1))
			continue;
		json_t *o = rp_jnew(json_object());
		rp_jset(o, "id", js(w, d->id));
		rp_jset(o, "title", js(w, d->title));
		json_t *crit = rp_jnew(json_array());
		for (size_t k = 0; k < g->rec->ncriteria; k++)
			rp_jpush(crit, js(w, g->rec->criteria[k]));
		rp_jset(o, "criteria", crit);
		rp_jset(o, "priority",
		     json_string(sc_priority_id_str(g->rec->priority)));
		rp_jset(o, "advice", js(w, g->advice));
		rp_jset(o, "because",
		     because_json(w, m, g->deps, g->ndeps));
		rp_jset(o, "kind",
		     json_string(d->followup ? "followup" : "gap"));
		rp_jset(o, "owner", js_opt(w, g->owner));
		rp_jset(o, "due", js_opt(w, g->due));
		json_t *rules = rp_jnew(json_array());
		for (size_t k = 0; k < g->reasons.n; k++)
			rp_jpush(rules, js(w, g->reasons.v[k].rule->id));
		rp_jset(o, "rules", rules);
		if (g->nassumed)
			rp_jset(o, "rests_on", rests_json(m, g->assumed, g->nassumed));
		rp_jpush(arr, o);
	}
	return arr;
}

/* The outcome with the rules that proposed it; null when none yet. */
static json_t *
outcome_json(struct jw *w, const struct rp_model *m)
{
	if (!m->outcome)
		return json_null();
	json_t *o = rp_jnew(json_object());
	rp_jset(o, "id", js(w, m->outcome->id));
	rp_jset(o, "title", js(w, m->outcome_title));
	rp_jset(o, "reasons", reasons_json(w, m, &m->outcome_reasons));
	rp_jset(o, "help", js(w, m->outcome->help));
	return o;
}

/* The header lines the questionnaire declares, as the reports show them. */
static json_t *
header_json(struct jw *w, const struct rp_model *m)
{
	json_t *arr = rp_jnew(json_array());
	for (size_t i = 0; i < m->nfields; i++) {
		const struct rp_field *f = &m->fields[i];
		json_t *o = rp_jnew(json_object());
		rp_jset(o, "label", js(w, f->label));
		rp_jset(o, "question", f->question < m->q->nquestions
		                               ? js(w, m->q->questions[f->question].id)
		                               : json_null());
		rp_jset(o, "text", js(w, f->text));
		rp_jpush(arr, o);
	}
	return arr;
}

static json_t *
readiness_json(struct jw *w, const struct rp_model *m)
{
	const struct sc_result *r = m->r;
	json_t *o = rp_jnew(json_object());
	rp_jset(o, "score", json_integer(r->score));
	rp_jset(o, "in_place", json_integer((json_int_t)r->in_place));
	rp_jset(o, "total", json_integer((json_int_t)r->nitems));
	rp_jset(o, "partial", json_integer((json_int_t)r->partial));
	rp_jset(o, "missing", json_integer((json_int_t)r->missing));
	rp_jset(o, "unknown", json_integer((json_int_t)r->unknown));
	json_t *items = rp_jnew(json_array());
	for (size_t i = 0; i < r->nitems; i++) {
		json_t *it = rp_jnew(json_object());
		rp_jset(it, "item", js(w, r->items[i].item));
		rp_jset(it, "status",
		     json_string(sc_readiness_id_str(r->items[i].status)));
		rp_jset(it, "rule",
		     r->items[i].rule < m->q->nrules
		             ? js(w, m->q->rules[r->items[i].rule].id)
		             : json_null());
		rp_jpush(items, it);
	}
	rp_jset(o, "items", items);
	json_t *areas = rp_jnew(json_array());
	for (size_t i = 0; i < m->nareas; i++) {
		const struct sc_area *a = &m->areas[i];
		json_t *ao = rp_jnew(json_object());
		rp_jset(ao, "id", json_string(a->id));
		rp_jset(ao, "name", json_string(a->name));
		rp_jset(ao, "score", a->score >= 0
		                                         ? json_integer(a->score)
		                                         : json_null());
		rp_jset(ao, "total", json_integer((json_int_t)a->total));
		rp_jset(ao, "in_place",
		                    json_integer((json_int_t)a->in_place));
		rp_jset(ao, "partial",
		                    json_integer((json_int_t)a->partial));
		rp_jset(ao, "missing",
		                    json_integer((json_int_t)a->missing));
		rp_jset(ao, "unknown",
		                    json_integer((json_int_t)a->unknown));
		rp_jpush(areas, ao);
	}
	rp_jset(o, "areas", areas);
	rp_jset(o, "assessed", json_boolean(m->assessed));
	json_t *na = rp_jnew(json_array());
	for (size_t i = 0; i < m->nareas; i++)
		if (m->areas[i].score < 0)
			rp_jpush(na, json_string(m->areas[i].id));
	rp_jset(o, "not_assessed", na);
	rp_jset(o, "text", js(w, m->readiness));
	return o;
}

static json_t *
roadmap_json(struct jw *w, const struct rp_model *m)
{
	json_t *o = rp_jnew(json_object());
	rp_jset(o, "ready_by", js_opt(w, m->ready_by));
	rp_jset(o, "type1_as_of", js_opt(w, m->type1_as_of));
	rp_jset(o, "window_start", js_opt(w, m->window_start));
	rp_jset(o, "window_end", js_opt(w, m->window_end));
	rp_jset(o, "window_months",
	     m->window_months > 0 ? json_integer(m->window_months)
	                          : json_null());
	rp_jset(o, "deadline", js_opt(w, m->deadline));
	rp_jset(o, "report_from", js_opt(w, m->report_from));
	rp_jset(o, "report_by", js_opt(w, m->report_by));
	rp_jset(o, "readiness_weeks", json_integer(m->readiness_weeks));
	json_t *steps = rp_jnew(json_array());
	for (size_t i = 0; i < m->nsteps; i++) {
		json_t *s = rp_jnew(json_object());
		rp_jset(s, "when", js(w, m->steps[i].when));
		rp_jset(s, "what", js(w, m->steps[i].what));
		rp_jset(s, "track", json_integer(m->steps[i].track));
		rp_jset(s, "heading", json_boolean(m->steps[i].head));
		rp_jpush(steps, s);
	}
	rp_jset(o, "steps", steps);
	json_t *notes = rp_jnew(json_array());
	for (size_t i = 0; i < m->nroad_notes; i++)
		rp_jpush(notes, js(w, m->road_notes[i]));
	rp_jset(o, "notes", notes);
	json_t *bars = rp_jnew(json_array());
	for (size_t i = 0; i < m->nbars; i++) {
		json_t *b = rp_jnew(json_object());
		rp_jset(b, "kind",
		                    json_string(rp_bar_kind_name(m->bars[i].kind)));
		rp_jset(b, "label", js(w, m->bars[i].label));
		rp_jset(b, "from", json_string(m->bars[i].from));
		rp_jset(b, "to", json_string(m->bars[i].to));
		rp_jset(b, "track", json_integer(m->bars[i].track));
		rp_jpush(bars, b);
	}
	rp_jset(o, "timeline", bars);
	return o;
}

static json_t *
day_json(sc_day d)
{
	if (!d)
		return json_null();
	char s[11];
	sc_date_format(d, s);
	return rp_jnew(json_string(s));
}

static const char *
fit_id(enum sc_fit f)
{
	switch (f) {
	case SC_FIT_OK: return "in_time";
	case SC_FIT_MAYBE: return "maybe_late";
	case SC_FIT_LATE: return "late";
	case SC_FIT_NONE: break;
	}
	return "no_deadline";
}

static json_t *
report_ids_json(unsigned bits)
{
	json_t *a = rp_jnew(json_array());
	for (int id = 0; id < SC_REPORT_COUNT; id++)
		if (bits & (1u << id))
			rp_jpush(a, json_string(sc_report_id_str(
				(enum sc_report_id)id)));
	return a;
}

/* The plan's facts, so that a reader can check them: every phase with its
 * dates and what it waits for, per track. */
static json_t *
plan_json(struct jw *w, const struct rp_model *m)
{
	const struct sc_plan *p = &m->plan;
	json_t *o = rp_jnew(json_object());
	rp_jset(o, "dated", json_boolean(p->dated));
	rp_jset(o, "today", day_json(p->today));
	rp_jset(o, "deadline", p->has_deadline ? day_json(p->deadline)
	                                       : json_null());
	rp_jset(o, "readiness_weeks", json_integer(p->readiness_weeks));
	rp_jset(o, "headline", js_opt(w, p->headline));
	rp_jset(o, "deadline_risk", js_opt(w, p->deadline_risk));
	json_t *reps = rp_jnew(json_array());
	for (size_t i = 0; i < p->nreports; i++) {
		const struct sc_plan_report *pr = &p->reports[i];
		json_t *r = rp_jnew(json_object());
		rp_jset(r, "id", json_string(sc_report_id_str(pr->id)));
		rp_jset(r, "type", pr->type == SC_TYPE_NONE
		                           ? json_null()
		                           : json_string(sc_rtype_id_str(pr->type)));
		rp_jset(r, "period_months", pr->months > 0
		                                    ? json_integer(pr->months)
		                                    : json_null());
		rp_jset(r, "period_reason", js_opt(w, pr->months_why));
		rp_jset(r, "as_of", day_json(pr->as_of));
		rp_jset(r, "period_start", day_json(pr->start));
		rp_jset(r, "period_end", day_json(pr->end));
		rp_jset(r, "report_from", day_json(pr->report_from));
		rp_jset(r, "report_by", day_json(pr->report_by));
		rp_jset(r, "lookback", json_boolean(pr->lookback));
		rp_jset(r, "renewal", json_boolean(pr->renewal));
		rp_jset(r, "combined", json_boolean(pr->combined));
		rp_jset(r, "deadline_fit", json_string(fit_id(pr->fit)));
		rp_jset(r, "bridge_from", day_json(pr->bridge_from));
		rp_jset(r, "bridge_to", day_json(pr->bridge_to));
		rp_jpush(reps, r);
	}
	rp_jset(o, "reports", reps);
	json_t *tracks = rp_jnew(json_array());
	for (size_t i = 0; i < p->ntracks; i++) {
		const struct sc_track *t = &p->tracks[i];
		json_t *to = rp_jnew(json_object());
		rp_jset(to, "kind", json_string(sc_track_kind_id(t->kind)));
		rp_jset(to, "title", js_opt(w, t->title));
		rp_jset(to, "summary", js_opt(w, t->summary));
		rp_jset(to, "report_by", day_json(t->report_by));
		rp_jset(to, "deadline_fit", json_string(fit_id(t->fit)));
		json_t *phases = rp_jnew(json_array());
		for (size_t k = 0; k < t->nphases; k++) {
			const struct sc_phase *ph = &t->phases[k];
			json_t *po = rp_jnew(json_object());
			rp_jset(po, "kind", json_string(sc_phase_kind_id(ph->kind)));
			rp_jset(po, "reports", report_ids_json(ph->reports));
			rp_jset(po, "type", ph->type == SC_TYPE1 || ph->type == SC_TYPE2
			                            ? json_string(sc_rtype_id_str(ph->type))
			                            : json_null());
			rp_jset(po, "from", day_json(ph->from));
			rp_jset(po, "to", day_json(ph->to));
			rp_jset(po, "after", ph->after == SIZE_MAX
			                             ? json_null()
			                             : json_integer((json_int_t)ph->after));
			rp_jset(po, "label", js(w, ph->label));
			rp_jset(po, "what", js(w, ph->what));
			rp_jpush(phases, po);
		}
		rp_jset(to, "phases", phases);
		rp_jpush(tracks, to);
	}
	rp_jset(o, "tracks", tracks);
	json_t *notes = rp_jnew(json_array());
	for (size_t i = 0; i < p->nnotes; i++)
		rp_jpush(notes, js(w, p->notes[i]));
	rp_jset(o, "notes", notes);
	return o;
}

/* The scope of the examination; null without a SOC 1 or SOC 2. */
static json_t *
scope_json(struct jw *w, const struct rp_model *m)
{
	bool any = m->nscope > 0;
	for (int k = 0; k < SC_SCOPE_KINDS; k++)
		any = any || m->proposals[k].n > 0;
	if (!any)
		return json_null();
	json_t *o = rp_jnew(json_object());
	json_t *b = rp_jnew(json_array());
	for (size_t i = 0; i < m->nscope; i++) {
		const struct rp_scope_line *l = &m->scope[i];
		json_t *e = rp_jnew(json_object());
		rp_jset(e, "label", js(w, l->label));
		rp_jset(e, "question", js(w, m->q->questions[l->question].id));
		rp_jset(e, "text", l->named ? js(w, l->text) : json_null());
		rp_jset(e, "rests_on", l->assumed == SIZE_MAX
		                               ? rests_json(m, NULL, 0)
		                               : rests_json(m, &l->assumed, 1));
		rp_jpush(b, e);
	}
	rp_jset(o, "boundary", b);
	for (int k = 0; k < SC_SCOPE_KINDS; k++) {
		const struct rp_scope_items *it = &m->proposals[k];
		json_t *arr = rp_jnew(json_array());
		for (size_t i = 0; i < it->n; i++) {
			json_t *e = rp_jnew(json_object());
			rp_jset(e, "text", js(w, it->v[i].text));
			rp_jset(e, "reasons", reasons_json(w, m, &it->v[i].why));
			rp_jset(e, "rests_on",
			        rests_json(m, it->v[i].assumed, it->v[i].nassumed));
			rp_jpush(arr, e);
		}
		rp_jset(o, rp_scope_kind_key((enum sc_scope_kind)k), arr);
	}
	return o;
}

static json_t *
strings_json(struct jw *w, char *const *v, size_t n)
{
	json_t *arr = rp_jnew(json_array());
	for (size_t i = 0; i < n; i++)
		rp_jpush(arr, js(w, v[i]));
	return arr;
}

/* The assumptions and open questions, A1, A2 ... in questionnaire
 * order, with the conclusions resting on each. */
static json_t *
assumptions_json(struct jw *w, const struct rp_model *m)
{
	json_t *arr = rp_jnew(json_array());
	char id[32];
	for (size_t i = 0; i < m->nassumptions; i++) {
		const struct rp_assumption *as = &m->assumptions[i];
		const struct sc_question *qn = &m->q->questions[as->question];
		json_t *o = rp_jnew(json_object());
		snprintf(id, sizeof id, "A%zu", as->num);
		rp_jset(o, "id", as->num ? json_string(id) : json_null());
		rp_jset(o, "question", js(w, qn->id));
		rp_jset(o, "text", js(w, qn->text));
		rp_jset(o, "answer",
		        rp_json_answer(qn, as->shown ? sc_eval_answer(m->ev,
		                                                      as->question)
		                                     : NULL));
		rp_jset(o, "answer_text", js(w, as->answer));
		rp_jset(o, "note", js(w, as->note));
		rp_jset(o, "unsure", json_boolean(as->idk));
		rp_jset(o, "shown", json_boolean(as->shown));
		rp_jset(o, "rests_on_conclusions",
		        strings_json(w, as->rests, as->nrests));
		rp_jpush(arr, o);
	}
	return arr;
}

static json_t *
answers_json(struct jw *w, const struct rp_model *m)
{
	const struct sc_questionnaire *q = m->q;
	json_t *arr = rp_jnew(json_array());
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct sc_question *qn = &q->questions[i];
		bool shown = sc_eval_visible(m->ev, i);
		json_t *o = rp_jnew(json_object());
		rp_jset(o, "question", js(w, qn->id));
		rp_jset(o, "section", js(w, q->sections[qn->section].id));
		rp_jset(o, "text", js(w, qn->text));
		rp_jset(o, "shown", json_boolean(shown));
		rp_jset(o, "answer",
		     rp_json_answer(qn, shown ? sc_eval_answer(m->ev, i)
		                              : NULL));
		rp_jset(o, "note", js(w, rp_note(m, i)));
		rp_jpush(arr, o);
	}
	return arr;
}

static json_t *
ev_list_json(struct jw *w, const struct rp_model *m,
             const struct rp_ev_list *l)
{
	const struct sc_report_rec *rec = l->rp->rec;
	json_t *o = rp_jnew(json_object());
	rp_jset(o, "id", json_string(sc_report_id_str(rec->id)));
	rp_jset(o, "type", rec->type < SC_RTYPE_COUNT
	                           ? json_string(sc_rtype_id_str(rec->type))
	                           : json_null());
	rp_jset(o, "title", js(w, l->title));
	rp_jset(o, "as_of", js_opt(w, l->rp->as_of));
	rp_jset(o, "window_start", js_opt(w, l->rp->window_start));
	rp_jset(o, "window_end", js_opt(w, l->rp->window_end));
	rp_jset(o, "period", js(w, l->period));
	rp_jset(o, "summary", js(w, l->summary));
	json_t *counts = rp_jnew(json_object());
	for (int s = 0; s < RP_EV_STATUS_COUNT; s++)
		rp_jset(counts, rp_ev_status_id(s),
		        json_integer((json_int_t)l->counts[s]));
	rp_jset(o, "counts", counts);
	rp_jset(o, "type2_later", json_integer((json_int_t)l->nlater));
	json_t *ids = rp_jnew(json_array());
	for (size_t k = 0; k < m->evidence.nrows; k++)
		if (m->evidence.rows[k].serves & (1u << l->report))
			rp_jpush(ids, js(w, m->evidence.rows[k].req->id));
	rp_jset(o, "request_ids", ids);
	return o;
}

static json_t *
ev_row_json(struct jw *w, const struct rp_model *m, const struct rp_ev_row *r)
{
	const struct sc_catalogue *cat = m->evidence.cat;
	json_t *ro = rp_jnew(json_object());
	rp_jset(ro, "id", js(w, r->req->id));
	json_t *reps = rp_jnew(json_array());
	for (size_t i = 0; i < m->nreports; i++)
		if (r->serves & (1u << i))
			rp_jpush(reps, json_string(sc_report_id_str(
				m->reports[i].rec->id)));
	rp_jset(ro, "reports", reps);
	json_t *crit = rp_jnew(json_array());
	for (size_t c = 0; c < r->ncriteria; c++)
		rp_jpush(crit, js(w, r->criteria[c]));
	rp_jset(ro, "criteria", crit);
	rp_jset(ro, "evidence", json_string(sc_ev_kind_id_str(r->req->kind)));
	rp_jset(ro, "test", json_string(sc_ev_test_id_str(r->req->test)));
	rp_jset(ro, "request", js(w, r->req->text));
	rp_jset(ro, "when", js(w, r->when));
	rp_jset(ro, "exists", json_string(rp_ev_status_id(r->status)));
	json_t *items = rp_jnew(json_array());
	for (size_t i = 0; i < r->req->nreadiness; i++)
		rp_jpush(items, js(w, r->req->readiness[i]));
	rp_jset(ro, "readiness", items);
	json_t *gaps = rp_jnew(json_array());
	for (size_t i = 0; i < r->ngaps; i++)
		rp_jpush(gaps, js(w, m->gaps[r->gaps[i]].rec->def->id));
	rp_jset(ro, "gaps", gaps);
	rp_jset(ro, "owner", js_opt(w, r->owner));
	rp_jset(ro, "due", js_opt(w, r->due));
	json_t *src = rp_jnew(json_array());
	for (size_t s = 0; s < r->req->nsources; s++)
		rp_jpush(src, js(w, cat->sources[r->req->sources[s]].id));
	rp_jset(ro, "sources", src);
	return ro;
}

static void
render_evidence(const struct rp_model *m, struct sc_buf *out)
{
	struct jw w = {0};
	const struct sc_catalogue *cat = m->evidence.cat;
	rp_json_alloc();
	json_t *root = rp_jnew(json_object());
	rp_jset(root, "socscope", json_integer(1));
	json_t *qo = rp_jnew(json_object());
	rp_jset(qo, "id", js(&w, m->q->id));
	rp_jset(qo, "title", js(&w, m->q->title));
	rp_jset(qo, "version", js(&w, m->q->version));
	rp_jset(root, "questionnaire", qo);
	json_t *co = rp_jnew(json_object());
	rp_jset(co, "id", js(&w, cat->id));
	rp_jset(co, "title", js(&w, cat->title));
	rp_jset(co, "version", js(&w, cat->version));
	rp_jset(root, "catalogue", co);
	rp_jset(root, "client", js_opt(&w, m->a->client));
	rp_jset(root, "assessor", js_opt(&w, m->assessor));
	rp_jset(root, "firm", js_opt(&w, m->firm));
	rp_jset(root, "date", json_string(m->date));
	rp_jset(root, "summary", js(&w, m->summary));
	rp_jset(root, "complete",
	                    json_boolean(m->r->nunanswered == 0));
	json_t *notes = rp_jnew(json_array());
	for (size_t i = 0; i < m->evidence.nnotes; i++)
		rp_jpush(notes, js(&w, m->evidence.notes[i]));
	rp_jset(root, "notes", notes);
	json_t *lists = rp_jnew(json_array());
	for (size_t i = 0; i < m->evidence.nlists; i++)
		rp_jpush(lists, ev_list_json(&w, m, &m->evidence.lists[i]));
	rp_jset(root, "reports", lists);
	json_t *rows = rp_jnew(json_array());
	for (size_t k = 0; k < m->evidence.nrows; k++)
		rp_jpush(rows, ev_row_json(&w, m, &m->evidence.rows[k]));
	rp_jset(root, "requests", rows);
	json_t *counts = rp_jnew(json_object());
	for (int s = 0; s < RP_EV_STATUS_COUNT; s++)
		rp_jset(counts, rp_ev_status_id(s),
		        json_integer((json_int_t)m->evidence.counts[s]));
	rp_jset(root, "counts", counts);
	json_t *src = rp_jnew(json_array());
	for (size_t s = 0; s < cat->nsources; s++) {
		json_t *so = rp_jnew(json_object());
		rp_jset(so, "id", js(&w, cat->sources[s].id));
		rp_jset(so, "title", js(&w, cat->sources[s].title));
		rp_jset(so, "url", js(&w, cat->sources[s].url));
		rp_jpush(src, so);
	}
	rp_jset(root, "sources", src);
	rp_jset(root, "disclaimer", json_string(RP_DISCLAIMER));
	rp_json_dump(root, out);
	json_decref(root);
	sc_buf_fini(&w.tmp);
}

static void
render(const struct rp_model *m, const struct sc_report_opts *opts,
       struct sc_buf *out)
{
	(void)opts;
	struct jw w = {0};
	const struct sc_questionnaire *q = m->q;
	const struct sc_result *r = m->r;
	rp_json_alloc();
	json_t *root = rp_jnew(json_object());

	rp_jset(root, "socscope", json_integer(1));
	json_t *qo = rp_jnew(json_object());
	rp_jset(qo, "id", js(&w, q->id));
	rp_jset(qo, "title", js(&w, q->title));
	rp_jset(qo, "version", js(&w, q->version));
	rp_jset(root, "questionnaire", qo);
	rp_jset(root, "client", js_opt(&w, m->a->client));
	rp_jset(root, "complete", json_boolean(r->nunanswered == 0));
	json_t *un = rp_jnew(json_array());
	for (size_t i = 0; i < r->nunanswered; i++)
		rp_jpush(un, js(&w, q->questions[r->unanswered[i]].id));
	rp_jset(root, "unanswered", un);
	if (m->soc) {
		rp_jset(root, "recommendation", recommendation_json(&w, m));
		rp_jset(root, "tsc", tsc_json(&w, m));
		json_t *fw = rp_jnew(json_array());
		for (size_t i = 0; i < r->nframeworks && i < SC_FW_COUNT; i++) {
			json_t *o = rp_jnew(json_object());
			rp_jset(o, "id",
			     json_string(sc_framework_id_str(r->frameworks[i].id)));
			rp_jset(o, "reasons",
			     reasons_json(&w, m, &m->frameworks[i]));
			rp_jpush(fw, o);
		}
		rp_jset(root, "related_frameworks", fw);
		rp_jset(root, "gaps", gaps_json(&w, m, -1));
		rp_jset(root, "readiness", readiness_json(&w, m));
	} else {
		/* A questionnaire of another kind (docs/schema/review.schema.json):
		 * the outcome and its follow-ups and gaps in place of the SOC
		 * recommendation. */
		rp_jset(root, "outcome", outcome_json(&w, m));
		rp_jset(root, "follow_ups", gaps_json(&w, m, 1));
		rp_jset(root, "gaps", gaps_json(&w, m, 0));
		rp_jset(root, "next_steps", steps_json(&w, m));
		rp_jset(root, "header", header_json(&w, m));
		rp_jset(root, "next_review", js_opt(&w, m->next_review));
	}

	/* Additions to the contract. */
	if (m->soc && m->has_outcome)
		rp_jset(root, "outcome", outcome_json(&w, m));
	rp_jset(root, "assessor", js_opt(&w, m->assessor));
	rp_jset(root, "firm", js_opt(&w, m->firm));
	rp_jset(root, "date", json_string(m->date));
	rp_jset(root, "answered", json_integer((json_int_t)r->answered));
	rp_jset(root, "applicable",
	     json_integer((json_int_t)r->applicable));
	json_t *ex = rp_jnew(json_array());
	for (size_t i = 0; i < m->nexec; i++)
		rp_jpush(ex, js(&w, m->exec[i]));
	rp_jset(root, "executive_summary", ex);
	if (m->soc) {
		rp_jset(root, "decision", strings_json(&w, m->decision,
		                                       m->ndecision));
		rp_jset(root, "first_steps", strings_json(&w, m->first,
		                                          m->nfirst));
		rp_jset(root, "decisions_to_make",
		        strings_json(&w, m->decide, m->ndecide));
	}
	rp_jset(root, "assumptions", assumptions_json(&w, m));
	if (m->soc) {
		rp_jset(root, "roadmap", roadmap_json(&w, m));
		rp_jset(root, "plan", plan_json(&w, m));
		rp_jset(root, "scope", scope_json(&w, m));
		json_t *src = rp_jnew(json_array());
		for (size_t i = 0; i < m->nsources; i++) {
			json_t *so = rp_jnew(json_object());
			rp_jset(so, "id", js(&w, m->sources[i]->id));
			rp_jset(so, "title", js(&w, m->sources[i]->title));
			rp_jset(so, "url", js(&w, m->sources[i]->url));
			rp_jpush(src, so);
		}
		rp_jset(root, "sources", src);
	}
	rp_jset(root, "answers", answers_json(&w, m));
	rp_jset(root, "disclaimer", js(&w, m->disclaimer));

	rp_json_dump(root, out);
	json_decref(root);
	sc_buf_fini(&w.tmp);
}

const struct rp_format_ops rp_format_json = {
	.id = "json",
	.ext = "json",
	.render = render,
	.render_evidence = render_evidence,
};
