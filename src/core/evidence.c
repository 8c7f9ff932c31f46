/* The evidence request list of the report model: for each SOC 1 or SOC 2
 * report recommended, the catalogue's requests that fit it, dated by the
 * roadmap and marked with what the readiness answers say about them.
 *
 *  - A SOC 1 takes the requests that cite a SOC1: objective; a SOC 2 those
 *    that cite a common criterion (CC) or a criterion of a category in
 *    scope.  A row shows only the criteria that fit its report.
 *  - A Type I is tested on design as of one date, so it takes the design
 *    requests only; a Type II takes both, operation over its window.
 *  - A SOC 3 is issued from the SOC 2 Type II's examination and has no list
 *    of its own.
 *  - Whether evidence exists: the worst status (missing, unknown, partial,
 *    in place: the engine's order) of the readiness items the request
 *    names; a request that names none takes the items whose gaps cite one of
 *    its criteria; no such item counted: "not asked". */
#include "report_internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const status_names[RP_EV_STATUS_COUNT] = {
	[SC_READY_IN_PLACE] = "Exists",
	[SC_READY_PARTIAL] = "Partly",
	[SC_READY_MISSING] = "Not yet",
	[SC_READY_UNKNOWN] = "Not known",
	[RP_EV_NOT_ASKED] = "Not asked",
};

const char *
rp_ev_status_name(int status)
{
	return status >= 0 && status < RP_EV_STATUS_COUNT ? status_names[status]
	                                                  : "";
}

const char *
rp_ev_status_id(int status)
{
	if (status == RP_EV_NOT_ASKED)
		return "not_asked";
	return sc_readiness_id_str((enum sc_readiness)status);
}

char *
rp_evidence_title(const struct rp_model *m)
{
	const char *client = m->a->client;
	return client && *client
	               ? sc_xasprintf("Evidence request list for %s", client)
	               : sc_xstrdup("Evidence request list");
}

/* Worse first: the order the engine merges readiness items in. */
static int
severity(int status)
{
	switch (status) {
	case SC_READY_MISSING: return 4;
	case SC_READY_UNKNOWN: return 3;
	case SC_READY_PARTIAL: return 2;
	case SC_READY_IN_PLACE: return 1;
	}
	return 0;
}

static void
worst(int *acc, int status)
{
	if (*acc == RP_EV_NOT_ASKED || severity(status) > severity(*acc))
		*acc = status;
}

/* Does a gap the questionnaire raises for readiness item `item` cite one of
 * `crit`? */
static bool
item_cites(const struct sc_questionnaire *q, const char *item,
           const char *const *crit, size_t ncrit)
{
	for (size_t i = 0; i < q->nrules; i++) {
		const struct sc_rule *ru = &q->rules[i];
		if (!ru->readiness_item || !ru->gap ||
		    strcmp(ru->readiness_item, item) != 0)
			continue;
		for (size_t k = 0; k < ru->gap->ncriteria; k++)
			for (size_t j = 0; j < ncrit; j++)
				if (strcmp(ru->gap->criteria[k], crit[j]) == 0)
					return true;
	}
	return false;
}

static int
request_status(const struct rp_model *m, const struct sc_ev_request *req,
               const char *const *crit, size_t ncrit)
{
	const struct sc_result *r = m->r;
	int st = RP_EV_NOT_ASKED;
	for (size_t i = 0; i < r->nitems; i++) {
		const char *item = r->items[i].item;
		bool named = false;
		for (size_t k = 0; k < req->nreadiness; k++)
			named |= strcmp(req->readiness[k], item) == 0;
		if (req->nreadiness ? named : item_cites(m->q, item, crit, ncrit))
			worst(&st, (int)r->items[i].status);
	}
	return st;
}

static bool
fits(const struct rp_model *m, enum sc_report_id report, const char *crit)
{
	if (report == SC_SOC1)
		return strncmp(crit, "SOC1:", 5) == 0;
	int cat = sc_tsc_category(crit);
	return cat == SC_CAT_SECURITY ||
	       (cat > SC_CAT_SECURITY && cat < SC_CAT_COUNT &&
	        m->r->tsc[cat].in_scope);
}

static void
note_add(struct rp_evidence *e, char *s)
{
	e->notes = sc_xrealloc(e->notes, (e->nnotes + 1) * sizeof *e->notes);
	e->notes[e->nnotes++] = s;
}

static void
build_list(struct rp_model *m, const struct rp_report *rp,
           struct rp_ev_list *l)
{
	const struct sc_catalogue *cat = m->evidence.cat;
	bool type1 = rp->rec->type == SC_TYPE1;
	l->rp = rp;
	l->title = rp->title;
	if (type1)
		l->period = *rp->as_of
		                    ? sc_xasprintf("Type I: the design of your "
		                                   "controls as of %s.",
		                                   rp->as_of)
		                    : sc_xstrdup("Type I: the design of your "
		                                 "controls as of one date, not "
		                                 "dated yet.");
	else
		l->period = *rp->window_start
		                    ? sc_xasprintf("Type II: the design and "
		                                   "operation of your controls "
		                                   "over the window %s to %s.",
		                                   rp->window_start,
		                                   rp->window_end)
		                    : sc_xstrdup("Type II: the design and "
		                                 "operation of your controls "
		                                 "over a window not dated yet.");
	l->rows = cat->nrequests ? sc_xcalloc(cat->nrequests, sizeof *l->rows)
	                         : NULL;
	for (size_t i = 0; i < cat->nrequests; i++) {
		const struct sc_ev_request *req = &cat->requests[i];
		const char **crit = sc_xcalloc(req->ncriteria, sizeof *crit);
		size_t n = 0;
		for (size_t k = 0; k < req->ncriteria; k++)
			if (fits(m, rp->rec->id, req->criteria[k]))
				crit[n++] = req->criteria[k];
		if (n == 0) {
			free(crit);
			continue;
		}
		if (type1 && req->test == SC_EV_OPERATION) {
			l->nlater++;
			free(crit);
			continue;
		}
		struct rp_ev_row *row = &l->rows[l->nrows++];
		row->req = req;
		row->criteria = crit;
		row->ncriteria = n;
		row->status = request_status(m, req, crit, n);
		l->counts[row->status]++;
		if (type1)
			row->when = *rp->as_of
			                    ? sc_xasprintf("as of %s", rp->as_of)
			                    : sc_xstrdup("as of the Type I date");
		else if (*rp->window_start)
			row->when = sc_xasprintf("%s %s to %s",
			                         req->test == SC_EV_DESIGN
			                                 ? "in effect over"
			                                 : "over",
			                         rp->window_start, rp->window_end);
		else
			row->when = sc_xstrdup(req->test == SC_EV_DESIGN
			                               ? "in effect over the "
			                                 "Type II window"
			                               : "over the Type II window");
	}
}

/* "Type II: ... 45 requests (exists: 28; partly: 7; not asked: 10)." */
static char *
list_summary(const struct rp_ev_list *l)
{
	static const char *const lower[RP_EV_STATUS_COUNT] = {
		[SC_READY_IN_PLACE] = "exists",
		[SC_READY_PARTIAL] = "partly",
		[SC_READY_MISSING] = "not yet",
		[SC_READY_UNKNOWN] = "not known",
		[RP_EV_NOT_ASKED] = "not asked",
	};
	struct sc_buf b = {0};
	sc_buf_printf(&b, "%s %zu request%s", l->period, l->nrows,
	              l->nrows == 1 ? "" : "s");
	const char *sep = " (";
	for (int s = 0; s < RP_EV_STATUS_COUNT; s++) {
		if (!l->counts[s])
			continue;
		sc_buf_printf(&b, "%s%s: %zu", sep, lower[s], l->counts[s]);
		sep = "; ";
	}
	sc_buf_puts(&b, l->nrows ? ")." : ".");
	if (l->nlater)
		sc_buf_printf(&b, " A Type II adds %zu request%s for the operation "
		                  "of your controls over its window.",
		              l->nlater, l->nlater == 1 ? "" : "s");
	return sc_buf_steal(&b);
}

void
rp_evidence_build(struct rp_model *m, const struct sc_catalogue *cat)
{
	struct rp_evidence *e = &m->evidence;
	memset(e, 0, sizeof *e);
	if (!cat)
		return;
	e->cat = cat;
	if (m->nreports == 0) {
		note_add(e, sc_xstrdup("No SOC report is recommended now, so "
		                       "there is nothing for a CPA firm to "
		                       "examine and no evidence to request."));
		return;
	}
	note_add(e, sc_xstrdup(
		"What a CPA firm typically asks a service organization to provide "
		"for the scope recommended here, per criterion, with the public "
		"source each request rests on. Your CPA firm sends its own "
		"request list; use this one to start collecting."));
	note_add(e, sc_xstrdup(
		"Design evidence shows that a control exists as of a date: a "
		"Type I asks for it, and so does a Type II. Operation evidence is "
		"the complete list (population) of every time a control ran over "
		"the window, from which the auditor picks samples and asks for "
		"their records: only a Type II asks for it, and it must date "
		"from the window."));
	note_add(e, sc_xstrdup(
		"\"Exists yet\" is what your readiness answers say: exists, "
		"partly, not yet, not known, or not asked when no readiness "
		"question covers it."));
	e->lists = sc_xcalloc(m->nreports, sizeof *e->lists);
	for (size_t i = 0; i < m->nreports; i++) {
		const struct rp_report *rp = &m->reports[i];
		if (rp->rec->id == SC_SOC3) {
			note_add(e, sc_xstrdup("The SOC 3 is issued from the SOC 2 "
			                       "Type II examination, so it needs no "
			                       "evidence of its own."));
			continue;
		}
		struct rp_ev_list *l = &e->lists[e->nlists++];
		build_list(m, rp, l);
		l->summary = list_summary(l);
	}
}

void
rp_evidence_fini(struct rp_evidence *e)
{
	for (size_t i = 0; i < e->nlists; i++) {
		struct rp_ev_list *l = &e->lists[i];
		for (size_t k = 0; k < l->nrows; k++) {
			free(l->rows[k].criteria);
			free(l->rows[k].when);
		}
		free(l->rows);
		free(l->period);
		free(l->summary);
	}
	free(e->lists);
	for (size_t i = 0; i < e->nnotes; i++)
		free(e->notes[i]);
	free(e->notes);
	memset(e, 0, sizeof *e);
}
