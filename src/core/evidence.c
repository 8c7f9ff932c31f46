/* The evidence request list of the report model: the catalogue's requests
 * that fit the SOC 1 and SOC 2 reports recommended, each once with the
 * reports it serves (one examination of both asks for it once), dated by
 * the roadmap and marked with what the readiness answers say about them.
 *
 *  - A SOC 1 takes the requests that cite a SOC1: objective; a SOC 2 those
 *    that cite a common criterion (CC) or a criterion of a category in
 *    scope.  A row shows only the criteria that fit a report it serves.
 *  - A Type I is tested on design as of one date, so it takes the design
 *    requests only; a Type II takes both, operation over its window.
 *  - A SOC 3 is issued from the SOC 2 Type II's examination and has no list
 *    of its own.
 *  - Whether evidence exists: only what the answers say.  The worst status
 *    (missing, unknown, partial, not asked, in place) of the readiness
 *    items the request names, an item not counted being "not asked", so
 *    "exists" means every item it names was answered in place.  A request
 *    that names none takes from the items whose gaps cite one of its
 *    criteria only what they say is missing or unknown: a neighbour in
 *    place says nothing of this evidence.  Operation evidence over a
 *    window that has not begun is "not due yet", whatever the answers.
 *  - Who gathers it and by when: the owner and due date of the gaps it
 *    comes from (the answers' actions). */
#include "report_internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const status_names[RP_EV_STATUS_COUNT] = {
	[SC_READY_IN_PLACE] = "Exists",
	[SC_READY_PARTIAL] = "Partly",
	[SC_READY_MISSING] = "Not yet",
	[SC_READY_UNKNOWN] = "Not known",
	[RP_EV_NOT_ASKED] = "Not asked",
	[RP_EV_NOT_DUE] = "Not due yet",
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
	if (status == RP_EV_NOT_DUE)
		return "not_due";
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

/* Worse first.  "Not asked" ranks above "in place": a request is marked
 * as existing only when every item it names was answered in place. */
static int
severity(int status)
{
	switch (status) {
	case SC_READY_MISSING: return 5;
	case SC_READY_UNKNOWN: return 4;
	case SC_READY_PARTIAL: return 3;
	case RP_EV_NOT_ASKED: return 2;
	case SC_READY_IN_PLACE: return 1;
	}
	return 0;
}

static void
worst(int *acc, int status)
{
	if (*acc < 0 || severity(status) > severity(*acc))
		*acc = status;
}

/* The status readiness item `item` was counted with, or RP_EV_NOT_ASKED. */
static int
item_status(const struct sc_result *r, const char *item)
{
	for (size_t i = 0; i < r->nitems; i++)
		if (strcmp(r->items[i].item, item) == 0)
			return (int)r->items[i].status;
	return RP_EV_NOT_ASKED;
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
	int st = -1;
	for (size_t k = 0; k < req->nreadiness; k++)
		worst(&st, item_status(r, req->readiness[k]));
	if (req->nreadiness)
		return st;
	st = RP_EV_NOT_ASKED;
	for (size_t i = 0; i < r->nitems; i++) {
		int s = (int)r->items[i].status;
		if ((s == SC_READY_MISSING || s == SC_READY_UNKNOWN) &&
		    item_cites(m->q, r->items[i].item, crit, ncrit))
			worst(&st, s);
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

/* When report `rp` examines request `req`: "as of 2026-03-01", "in effect
 * over A to B" (design in a Type II), "over A to B" (operation). */
static char *
request_when(const struct rp_report *rp, const struct sc_ev_request *req)
{
	if (rp->rec->type == SC_TYPE1)
		return *rp->as_of ? sc_xasprintf("as of %s", rp->as_of)
		                  : sc_xstrdup("as of the Type I date");
	if (*rp->window_start)
		return sc_xasprintf("%s %s to %s",
		                    req->test == SC_EV_DESIGN ? "in effect over"
		                                              : "over",
		                    rp->window_start, rp->window_end);
	return sc_xstrdup(req->test == SC_EV_DESIGN
	                          ? "in effect over the Type II window"
	                          : "over the Type II window");
}

static void
list_period(struct rp_ev_list *l)
{
	const struct rp_report *rp = l->rp;
	if (rp->rec->type == SC_TYPE1)
		l->period = *rp->as_of
		                    ? sc_xasprintf("%s: the design of your controls "
		                                   "as of %s.",
		                                   rp->title, rp->as_of)
		                    : sc_xasprintf("%s: the design of your controls "
		                                   "as of one date, not dated yet.",
		                                   rp->title);
	else
		l->period = *rp->window_start
		                    ? sc_xasprintf("%s: the design and operation of "
		                                   "your controls over the window "
		                                   "%s to %s.",
		                                   rp->title, rp->window_start,
		                                   rp->window_end)
		                    : sc_xasprintf("%s: the design and operation of "
		                                   "your controls over a window not "
		                                   "dated yet.",
		                                   rp->title);
}

/* "84 requests (exists: 28; partly: 7; not asked: 10)" */
static void
counts_text(struct sc_buf *b, size_t n, const size_t *counts)
{
	static const char *const lower[RP_EV_STATUS_COUNT] = {
		[SC_READY_IN_PLACE] = "exists",
		[SC_READY_PARTIAL] = "partly",
		[SC_READY_MISSING] = "not yet",
		[SC_READY_UNKNOWN] = "not known",
		[RP_EV_NOT_ASKED] = "not asked",
		[RP_EV_NOT_DUE] = "not due yet",
	};
	sc_buf_printf(b, "%zu request%s", n, n == 1 ? "" : "s");
	const char *sep = " (";
	for (int s = 0; s < RP_EV_STATUS_COUNT; s++) {
		if (!counts[s])
			continue;
		sc_buf_printf(b, "%s%s: %zu", sep, lower[s], counts[s]);
		sep = "; ";
	}
	if (n)
		sc_buf_putc(b, ')');
}

static char *
list_summary(const struct rp_ev_list *l)
{
	struct sc_buf b = {0};
	sc_buf_printf(&b, "%s ", l->period);
	counts_text(&b, l->nrows, l->counts);
	sc_buf_putc(&b, '.');
	if (l->nlater)
		sc_buf_printf(&b, " A Type II adds %zu request%s for the operation "
		                  "of your controls over its window.",
		              l->nlater, l->nlater == 1 ? "" : "s");
	return sc_buf_steal(&b);
}

/* Is gap g raised for readiness item `item`? */
static bool
gap_for_item(const struct rp_gap *g, const char *item)
{
	for (size_t k = 0; k < g->reasons.n; k++) {
		const char *it = g->reasons.v[k].rule->readiness_item;
		if (it && strcmp(it, item) == 0)
			return true;
	}
	return false;
}

static bool
gap_cites(const struct rp_gap *g, const char *const *crit, size_t n)
{
	for (size_t k = 0; k < g->rec->ncriteria; k++)
		for (size_t j = 0; j < n; j++)
			if (strcmp(g->rec->criteria[k], crit[j]) == 0)
				return true;
	return false;
}

/* The gaps a row comes from, and their owners and due dates. */
static void
row_gaps(const struct rp_model *m, struct rp_ev_row *row)
{
	const struct sc_ev_request *req = row->req;
	struct sc_buf own = {0};
	const char **owners = NULL;
	size_t nowners = 0;
	for (size_t i = 0; i < m->ngaps; i++) {
		const struct rp_gap *g = &m->gaps[i];
		bool from = false;
		for (size_t k = 0; k < req->nreadiness && !from; k++)
			from = gap_for_item(g, req->readiness[k]);
		if (!req->nreadiness)
			from = gap_cites(g, row->criteria, row->ncriteria);
		if (!from)
			continue;
		row->gaps = sc_xrealloc(row->gaps,
		                        (row->ngaps + 1) * sizeof *row->gaps);
		row->gaps[row->ngaps++] = i;
		bool named = !g->owner;
		for (size_t k = 0; k < nowners && !named; k++)
			named = strcmp(owners[k], g->owner) == 0;
		if (!named) {
			owners = sc_xrealloc(owners, (nowners + 1) * sizeof *owners);
			owners[nowners++] = g->owner;
			sc_buf_printf(&own, "%s%s", own.len ? "; " : "", g->owner);
		}
		if (*g->due && (!*row->due || strcmp(g->due, row->due) < 0))
			memcpy(row->due, g->due, sizeof row->due);
	}
	row->owner = own.len ? sc_buf_steal(&own) : NULL;
	sc_buf_fini(&own);
	free(owners);
}

/* Request `req` as the reports recommended take it; false when none does. */
static bool
build_row(struct rp_model *m, const struct sc_ev_request *req,
          struct rp_ev_row *row)
{
	struct rp_evidence *e = &m->evidence;
	memset(row, 0, sizeof *row);
	row->req = req;
	row->criteria = sc_xcalloc(req->ncriteria ? req->ncriteria : 1,
	                           sizeof *row->criteria);
	bool due = false, dated_future = false;
	struct sc_buf when = {0}, serves = {0};
	char *first_when = NULL;
	bool same_when = true;
	size_t nserves = 0;
	for (size_t li = 0; li < e->nlists; li++) {
		struct rp_ev_list *l = &e->lists[li];
		const struct rp_report *rp = l->rp;
		bool any = false;
		for (size_t k = 0; k < req->ncriteria && !any; k++)
			any = fits(m, rp->rec->id, req->criteria[k]);
		if (!any)
			continue;
		if (rp->rec->type == SC_TYPE1 && req->test == SC_EV_OPERATION) {
			l->nlater++;
			continue;
		}
		row->serves |= 1u << l->report;
		char *w = request_when(rp, req);
		sc_buf_printf(&when, "%s%s: %s", nserves ? "; " : "", rp->title, w);
		sc_buf_printf(&serves, "%s%s", nserves ? ", " : "", rp->title);
		if (!first_when)
			first_when = w;
		else {
			same_when = same_when && strcmp(first_when, w) == 0;
			free(w);
		}
		nserves++;
		/* Operation evidence over a window still to come cannot exist
		 * yet, whatever the answers say. */
		if (req->test == SC_EV_OPERATION && *rp->window_start &&
		    strcmp(rp->window_start, m->date) > 0)
			dated_future = true;
		else
			due = true;
	}
	/* The criteria that fit a report it serves, in the request's order. */
	for (size_t k = 0; k < req->ncriteria; k++)
		for (size_t li = 0; li < e->nlists; li++) {
			const struct rp_ev_list *l = &e->lists[li];
			if ((row->serves & (1u << l->report)) &&
			    fits(m, l->rp->rec->id, req->criteria[k])) {
				row->criteria[row->ncriteria++] = req->criteria[k];
				break;
			}
		}
	if (!nserves) {
		free(first_when);
		sc_buf_fini(&when);
		sc_buf_fini(&serves);
		/* Its criteria fit, but only as operation of a Type I. */
		free(row->criteria);
		row->criteria = NULL;
		return false;
	}
	row->when = same_when ? first_when : sc_buf_steal(&when);
	if (!same_when)
		free(first_when);
	row->serves_text = sc_buf_steal(&serves);
	sc_buf_fini(&when);
	sc_buf_fini(&serves);
	row->status = dated_future && !due
	                      ? RP_EV_NOT_DUE
	                      : request_status(m, req, row->criteria,
	                                       row->ncriteria);
	row_gaps(m, row);
	/* A gap no readiness item counts (policies only partly written)
	 * that cites exactly this request's criteria says it is not all
	 * there: not "Exists" while that gap is open. */
	for (size_t i = 0; i < m->ngaps && row->status == SC_READY_IN_PLACE;
	     i++) {
		const struct rp_gap *g = &m->gaps[i];
		bool counted = false;
		for (size_t k = 0; k < g->reasons.n && !counted; k++)
			counted = g->reasons.v[k].rule->readiness_item != NULL;
		if (counted || !g->rec->def || g->rec->def->followup ||
		    g->rec->def->ncriteria != req->ncriteria)
			continue;
		bool same = true;
		for (size_t k = 0; k < req->ncriteria && same; k++)
			same = strcmp(g->rec->def->criteria[k],
			              req->criteria[k]) == 0;
		if (!same)
			continue;
		row->status = SC_READY_PARTIAL;
		row->gaps = sc_xrealloc(row->gaps,
		                        (row->ngaps + 1) * sizeof *row->gaps);
		row->gaps[row->ngaps++] = i;
	}
	return true;
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
		"request list; use this one to start collecting. A request that "
		"serves more than one report is listed once: two reports examined "
		"together ask for it once."));
	note_add(e, sc_xstrdup(
		"Design evidence (\"as of\" a date, or \"in effect over\" a "
		"window) shows that a control exists: a Type I asks for it, and "
		"so does a Type II. Operation evidence (\"over\" a window) is the "
		"complete list (population) of every time a control ran over the "
		"window, from which the auditor picks samples and asks for their "
		"records: only a Type II asks for it, and it must date from the "
		"window."));
	note_add(e, sc_xstrdup(
		"\"Exists yet\" is only what your readiness answers say: exists "
		"(every readiness question behind it answered in place), partly, "
		"not yet, not known, not asked when no readiness question covers "
		"it, or not due yet for operation evidence over a window that has "
		"not begun. The owner and due date are those set for the gaps it "
		"comes from."));
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
		l->rp = rp;
		l->report = i;
		l->title = rp->title;
		list_period(l);
	}
	e->rows = cat->nrequests ? sc_xcalloc(cat->nrequests, sizeof *e->rows)
	                         : NULL;
	for (size_t i = 0; i < cat->nrequests; i++) {
		struct rp_ev_row *row = &e->rows[e->nrows];
		if (!build_row(m, &cat->requests[i], row))
			continue;
		e->nrows++;
		e->counts[row->status]++;
		for (size_t li = 0; li < e->nlists; li++) {
			struct rp_ev_list *l = &e->lists[li];
			if (!(row->serves & (1u << l->report)))
				continue;
			l->nrows++;
			l->counts[row->status]++;
		}
	}
	for (size_t li = 0; li < e->nlists; li++)
		e->lists[li].summary = list_summary(&e->lists[li]);
	struct sc_buf b = {0};
	counts_text(&b, e->nrows, e->counts);
	sc_buf_putc(&b, '.');
	e->summary = sc_buf_steal(&b);
}

void
rp_evidence_fini(struct rp_evidence *e)
{
	for (size_t i = 0; i < e->nlists; i++) {
		free(e->lists[i].period);
		free(e->lists[i].summary);
	}
	free(e->lists);
	for (size_t k = 0; k < e->nrows; k++) {
		struct rp_ev_row *r = &e->rows[k];
		free(r->criteria);
		free(r->when);
		free(r->serves_text);
		free(r->gaps);
		free(r->owner);
	}
	free(e->rows);
	free(e->summary);
	for (size_t i = 0; i < e->nnotes; i++)
		free(e->notes[i]);
	free(e->notes);
	memset(e, 0, sizeof *e);
}
