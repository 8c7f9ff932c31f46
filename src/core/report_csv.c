/* The CSV report (RFC 4180): one table for spreadsheets, CRLF line ends, a
 * header row, every row with the same 16 columns; a field is quoted when it
 * holds a comma, a quote, CR or LF, with quotes inside doubled.
 *
 * Columns, and which kinds of row fill them:
 *
 *   1 kind         summary | decision | first_step | decision_to_make |
 *                  assumption | field | outcome | report | deferred |
 *                  scope | next_step | category | framework | gap | area |
 *                  answer | skipped
 *   2 section      answer, skipped: the section's title; scope: "System
 *                  boundary" or the kind of proposal's heading
 *   3 question_id  answer, skipped, assumption: the question's id; field:
 *                  the id of the question it shows ("" for the next
 *                  review); scope: the boundary line's question
 *   4 question     answer, skipped, assumption: the question's text
 *   5 answer       answer, assumption: the answer as shown to people
 *                  ("" = no answer); field: the answer it shows, or the
 *                  next review's date; scope: the boundary line's answer
 *   6 note         answer, assumption: the note written with it
 *   7 priority     gap: high | medium | low
 *   8 title        gap: its title; report: "SOC 2 Type II, 12-month
 *                  period"; category, framework and area (readiness by
 *                  area): the name; summary: the one-line summary, or "No
 *                  SOC report is recommended now"; decision, first_step,
 *                  decision_to_make: the sentence; deferred: why it waits;
 *                  field: its label; outcome: its title; scope: the
 *                  boundary line's label or the proposal
 *   9 criteria     gap: criteria ids separated by "; "
 *  10 advice       gap: what to do; next_step: the advice; outcome: what
 *                  it means
 *  11 id           report (soc1 ...), category (security ...), framework
 *                  (hipaa ...), area (cc1 ...), outcome and gap ids;
 *                  assumption: A1, A2 ...; scope: boundary, or the kind
 *                  (control_objectives, cuecs, subservice, boundary_notes);
 *                  next_step and deferred: the rule's id
 *  12 status       report: type1 | type2 ("" for soc3, which has no
 *                  type); category: in scope (required) |
 *                  in scope | out of scope; gap: gap | followup;
 *                  area: the score 0 to 100, or "not assessed";
 *                  assumption: open question | assumption | note (a note stating a fact);
 *                  scope: not named yet, for a boundary line unanswered;
 *                  skipped: not applicable
 *  13 reasons      summary: the executive summary; report, deferred,
 *                  category, framework, outcome, scope: each reason with
 *                  the answers it rests on (one per line); gap: the
 *                  answers it rests on; assumption: the conclusions resting
 *                  on it (one per line); area: its items ("3 of 5 in
 *                  place, 1 partly")
 *  14 owner        gap: who closes it, as set in the answers' actions
 *  15 due          gap: by when (YYYY-MM-DD)
 *  16 rests_on     the assumptions a row's conclusion rests on ("A1; A3")
 *
 * Rows come in this order: summary, the first page (decision, first steps,
 * decisions to make), assumptions, the questionnaire's header fields, the
 * outcome (for a questionnaire with outcomes), reports, deferred, scope,
 * next steps, the five categories, frameworks, gaps (high to low),
 * readiness by area, then answers and skipped questions in questionnaire
 * order.  A questionnaire with outcomes that recommends no report has no
 * report, deferred, category, framework or area rows.
 *
 * The file is made for spreadsheets, which take a cell that starts with
 * "=", "+", "-", "@", a tab or a carriage return as a formula: an answer
 * such as =HYPERLINK(...) would act when the consultant opens the report.
 * Such a cell gets a leading apostrophe inside its quotes, as OWASP
 * recommends ("'=HYPERLINK(...)"), so it shows as the text it is.  (Tabs
 * and carriage returns are cleaned to spaces and line feeds before this
 * check; they are in it all the same.)  The quoting and this check are
 * rp_csv_field's (report_write.c), which the portfolio shares. */
#include "report_internal.h"

#include <string.h>

#include "report_write.h"

enum col {
	C_KIND, C_SECTION, C_QID, C_QUESTION, C_ANSWER, C_NOTE, C_PRIORITY,
	C_TITLE, C_CRITERIA, C_ADVICE, C_ID, C_STATUS, C_REASONS, C_OWNER,
	C_DUE, C_RESTS, C_COUNT
};

static const char *const col_names[C_COUNT] = {
	"kind", "section", "question_id", "question", "answer", "note",
	"priority", "title", "criteria", "advice", "id", "status", "reasons",
	"owner", "due", "rests_on",
};

struct row {
	const char *f[C_COUNT];
};

static void
emit(struct sc_buf *out, const struct row *r, struct sc_buf *tmp)
{
	for (int c = 0; c < C_COUNT; c++) {
		if (c)
			sc_buf_putc(out, ',');
		rp_csv_field(out, r->f[c], tmp);
	}
	sc_buf_puts(out, "\r\n");
}

static void
deps_text(const struct rp_model *m, const struct rp_dep *d, size_t n,
          struct sc_buf *b)
{
	sc_buf_puts(b, RP_BECAUSE);
	for (size_t i = 0; i < n; i++)
		sc_buf_printf(b, "%s%s \xE2\x80\x94 %s", i ? "; " : " ",
		              m->q->questions[d[i].question].text, d[i].text);
}

static void
reasons_text(const struct rp_model *m, const struct rp_reasons *rs,
             struct sc_buf *b)
{
	sc_buf_reset(b);
	sc_buf_add(b, "", 0);
	for (size_t i = 0; i < rs->n; i++) {
		const struct rp_reason *r = &rs->v[i];
		if (i)
			sc_buf_putc(b, '\n');
		sc_buf_printf(b, "%s (rule %s)", r->text, r->rule->id);
		if (r->ndeps) {
			sc_buf_putc(b, ' ');
			deps_text(m, r->deps, r->ndeps, b);
		}
	}
}

/* "A1; A3": the assumptions the reasons rest on, each once. */
static void
rests_text(const struct rp_model *m, const struct rp_reasons *rs,
           struct sc_buf *b)
{
	sc_buf_reset(b);
	sc_buf_add(b, "", 0);
	size_t seen[64];
	size_t n = 0;
	for (size_t i = 0; i < rs->n; i++)
		for (size_t k = 0; k < rs->v[i].nassumed; k++) {
			size_t a = rs->v[i].assumed[k];
			bool have = false;
			for (size_t j = 0; j < n; j++)
				have |= seen[j] == a;
			if (have)
				continue;
			if (n < sizeof seen / sizeof seen[0])
				seen[n++] = a;
			sc_buf_printf(b, "%sA%zu", b->len ? "; " : "",
			              m->assumptions[a].num);
		}
}

static void
ids_text(const struct rp_model *m, const size_t *idx, size_t n,
         struct sc_buf *b)
{
	sc_buf_reset(b);
	sc_buf_add(b, "", 0);
	for (size_t i = 0; i < n; i++)
		sc_buf_printf(b, "%sA%zu", i ? "; " : "",
		              m->assumptions[idx[i]].num);
}

static void
sentences(struct sc_buf *out, const char *kind, char *const *v, size_t n,
          struct sc_buf *tmp)
{
	struct row r;
	for (size_t i = 0; i < n; i++) {
		memset(&r, 0, sizeof r);
		r.f[C_KIND] = kind;
		r.f[C_TITLE] = v[i];
		emit(out, &r, tmp);
	}
}

static void
render(const struct rp_model *m, const struct sc_report_opts *opts,
       struct sc_buf *out)
{
	(void)opts;
	struct sc_buf tmp = {0}, b = {0}, b2 = {0}, b3 = {0};
	struct row r;

	for (int c = 0; c < C_COUNT; c++)
		r.f[c] = col_names[c];
	emit(out, &r, &tmp);

	memset(&r, 0, sizeof r);
	r.f[C_KIND] = "summary";
	r.f[C_TITLE] = m->nreports || !m->soc
	                       ? m->summary
	                       : "No SOC report is recommended now";
	for (size_t i = 0; i < m->nexec; i++)
		sc_buf_printf(&b, "%s%s", i ? " " : "", m->exec[i]);
	r.f[C_REASONS] = sc_buf_str(&b);
	emit(out, &r, &tmp);

	sentences(out, "decision", m->decision, m->ndecision, &tmp);
	sentences(out, "first_step", m->first, m->nfirst, &tmp);
	sentences(out, "decision_to_make", m->decide, m->ndecide, &tmp);

	for (size_t i = 0; i < m->nassumptions; i++) {
		const struct rp_assumption *as = &m->assumptions[i];
		const struct sc_question *qn = &m->q->questions[as->question];
		memset(&r, 0, sizeof r);
		r.f[C_KIND] = "assumption";
		r.f[C_QID] = qn->id;
		r.f[C_QUESTION] = qn->text;
		r.f[C_ANSWER] = as->answer;
		r.f[C_NOTE] = as->note;
		sc_buf_reset(&b2);
		sc_buf_add(&b2, "", 0);
		if (as->num)
			sc_buf_printf(&b2, "A%zu", as->num);
		r.f[C_ID] = sc_buf_str(&b2);
		r.f[C_STATUS] = rp_assumption_kind(as);
		sc_buf_reset(&b);
		sc_buf_add(&b, "", 0);
		for (size_t k = 0; k < as->nrests; k++)
			sc_buf_printf(&b, "%s%s", k ? "\n" : "", as->rests[k]);
		r.f[C_REASONS] = sc_buf_str(&b);
		emit(out, &r, &tmp);
	}

	for (size_t i = 0; i < m->nfields; i++) {
		const struct rp_field *fd = &m->fields[i];
		memset(&r, 0, sizeof r);
		r.f[C_KIND] = "field";
		r.f[C_QID] = fd->question < m->q->nquestions
		                     ? m->q->questions[fd->question].id
		                     : "";
		r.f[C_ANSWER] = fd->text;
		r.f[C_TITLE] = fd->label;
		emit(out, &r, &tmp);
	}

	if (m->has_outcome) {
		memset(&r, 0, sizeof r);
		r.f[C_KIND] = "outcome";
		r.f[C_TITLE] = m->outcome_title;
		r.f[C_ID] = m->outcome ? m->outcome->id : "";
		r.f[C_ADVICE] = m->outcome ? m->outcome->help : "";
		reasons_text(m, &m->outcome_reasons, &b);
		r.f[C_REASONS] = sc_buf_str(&b);
		emit(out, &r, &tmp);
	}

	for (size_t i = 0; i < m->nreports; i++) {
		const struct rp_report *rp = &m->reports[i];
		memset(&r, 0, sizeof r);
		r.f[C_KIND] = "report";
		sc_buf_reset(&b2);
		sc_buf_puts(&b2, rp->title);
		if (rp->period)
			sc_buf_printf(&b2, ", %s", rp->period);
		r.f[C_TITLE] = sc_buf_str(&b2);
		r.f[C_ID] = sc_report_id_str(rp->rec->id);
		r.f[C_STATUS] = rp->rec->type < SC_RTYPE_COUNT
		                        ? sc_rtype_id_str(rp->rec->type)
		                        : ""; /* a SOC 3 has no type */
		reasons_text(m, &rp->reasons, &b);
		r.f[C_REASONS] = sc_buf_str(&b);
		rests_text(m, &rp->reasons, &b3);
		r.f[C_RESTS] = sc_buf_str(&b3);
		emit(out, &r, &tmp);
	}

	for (size_t i = 0; i < m->deferred.n; i++) {
		const struct rp_reasons one = {&m->deferred.v[i], 1};
		memset(&r, 0, sizeof r);
		r.f[C_KIND] = "deferred";
		r.f[C_TITLE] = RP_DEFERRED;
		r.f[C_ID] = m->deferred.v[i].rule->id;
		reasons_text(m, &one, &b);
		r.f[C_REASONS] = sc_buf_str(&b);
		rests_text(m, &one, &b3);
		r.f[C_RESTS] = sc_buf_str(&b3);
		emit(out, &r, &tmp);
	}

	for (size_t i = 0; i < m->nscope; i++) {
		const struct rp_scope_line *l = &m->scope[i];
		memset(&r, 0, sizeof r);
		r.f[C_KIND] = "scope";
		r.f[C_SECTION] = "System boundary";
		r.f[C_QID] = m->q->questions[l->question].id;
		r.f[C_ANSWER] = l->named ? l->text : "";
		r.f[C_TITLE] = l->label;
		r.f[C_ID] = "boundary";
		r.f[C_STATUS] = l->named ? "" : "not named yet";
		ids_text(m, &l->assumed, l->assumed != SIZE_MAX ? 1 : 0, &b3);
		r.f[C_RESTS] = sc_buf_str(&b3);
		emit(out, &r, &tmp);
	}
	for (int k = 0; k < SC_SCOPE_KINDS; k++) {
		const struct rp_scope_items *it = &m->proposals[k];
		for (size_t i = 0; i < it->n; i++) {
			memset(&r, 0, sizeof r);
			r.f[C_KIND] = "scope";
			r.f[C_SECTION] = rp_scope_kind_title((enum sc_scope_kind)k);
			r.f[C_TITLE] = it->v[i].text;
			r.f[C_ID] = rp_scope_kind_key((enum sc_scope_kind)k);
			reasons_text(m, &it->v[i].why, &b);
			r.f[C_REASONS] = sc_buf_str(&b);
			ids_text(m, it->v[i].assumed, it->v[i].nassumed, &b3);
			r.f[C_RESTS] = sc_buf_str(&b3);
			emit(out, &r, &tmp);
		}
	}

	for (size_t i = 0; i < m->next_steps.n; i++) {
		memset(&r, 0, sizeof r);
		r.f[C_KIND] = "next_step";
		r.f[C_ADVICE] = m->next_steps.v[i].step;
		r.f[C_ID] = m->next_steps.v[i].rule->id;
		ids_text(m, m->next_steps.v[i].assumed, m->next_steps.v[i].nassumed,
		         &b3);
		r.f[C_RESTS] = sc_buf_str(&b3);
		emit(out, &r, &tmp);
	}

	for (int c = 0; c < SC_CAT_COUNT && m->soc; c++) {
		memset(&r, 0, sizeof r);
		r.f[C_KIND] = "category";
		r.f[C_TITLE] = sc_category_name(c);
		r.f[C_ID] = sc_category_id_str(c);
		r.f[C_STATUS] = rp_tsc_status(m, c);
		reasons_text(m, &m->tsc[c], &b);
		const char *why = rp_tsc_default_reason(m, c);
		r.f[C_REASONS] = why ? why : sc_buf_str(&b);
		rests_text(m, &m->tsc[c], &b3);
		r.f[C_RESTS] = sc_buf_str(&b3);
		emit(out, &r, &tmp);
	}

	for (size_t i = 0; i < m->r->nframeworks && i < SC_FW_COUNT; i++) {
		memset(&r, 0, sizeof r);
		r.f[C_KIND] = "framework";
		r.f[C_TITLE] = sc_framework_name(m->r->frameworks[i].id);
		r.f[C_ID] = sc_framework_id_str(m->r->frameworks[i].id);
		reasons_text(m, &m->frameworks[i], &b);
		r.f[C_REASONS] = sc_buf_str(&b);
		rests_text(m, &m->frameworks[i], &b3);
		r.f[C_RESTS] = sc_buf_str(&b3);
		emit(out, &r, &tmp);
	}

	for (size_t i = 0; i < m->ngaps; i++) {
		const struct rp_gap *g = &m->gaps[i];
		const struct sc_gap_def *d = g->rec->def;
		memset(&r, 0, sizeof r);
		r.f[C_KIND] = "gap";
		r.f[C_PRIORITY] = sc_priority_id_str(g->rec->priority);
		r.f[C_TITLE] = d->title;
		sc_buf_reset(&b2);
		sc_buf_add(&b2, "", 0);
		for (size_t k = 0; k < g->rec->ncriteria; k++)
			sc_buf_printf(&b2, "%s%s", k ? "; " : "", g->rec->criteria[k]);
		r.f[C_CRITERIA] = sc_buf_str(&b2);
		r.f[C_ADVICE] = g->advice;
		r.f[C_ID] = d->id;
		r.f[C_STATUS] = d->followup ? "followup" : "gap";
		sc_buf_reset(&b);
		sc_buf_add(&b, "", 0);
		if (g->ndeps)
			deps_text(m, g->deps, g->ndeps, &b);
		r.f[C_REASONS] = sc_buf_str(&b);
		r.f[C_OWNER] = g->owner;
		r.f[C_DUE] = g->due;
		ids_text(m, g->assumed, g->nassumed, &b3);
		r.f[C_RESTS] = sc_buf_str(&b3);
		emit(out, &r, &tmp);
	}

	for (size_t i = 0; i < m->nareas; i++) {
		const struct sc_area *a = &m->areas[i];
		memset(&r, 0, sizeof r);
		r.f[C_KIND] = "area";
		r.f[C_TITLE] = a->name;
		r.f[C_ID] = a->id;
		sc_buf_reset(&b2);
		if (a->score >= 0)
			sc_buf_printf(&b2, "%d", a->score);
		else
			sc_buf_puts(&b2, "not assessed");
		r.f[C_STATUS] = sc_buf_str(&b2);
		sc_buf_reset(&b);
		sc_area_detail(a, &b);
		r.f[C_REASONS] = sc_buf_str(&b);
		emit(out, &r, &tmp);
	}

	for (size_t i = 0; i < m->q->nquestions; i++) {
		const struct sc_question *qn = &m->q->questions[i];
		bool shown = sc_eval_visible(m->ev, i);
		memset(&r, 0, sizeof r);
		r.f[C_KIND] = shown ? "answer" : "skipped";
		r.f[C_SECTION] = m->q->sections[qn->section].title;
		r.f[C_QID] = qn->id;
		r.f[C_QUESTION] = qn->text;
		sc_buf_reset(&b);
		sc_buf_add(&b, "", 0);
		if (shown) {
			rp_answer_text(m, i, &b);
			r.f[C_ANSWER] = sc_buf_str(&b);
			r.f[C_NOTE] = rp_note(m, i);
		} else {
			r.f[C_STATUS] = "not applicable";
		}
		emit(out, &r, &tmp);
	}

	sc_buf_fini(&tmp);
	sc_buf_fini(&b);
	sc_buf_fini(&b2);
	sc_buf_fini(&b3);
}

/* The evidence request list for a tracker: one row per request, once
 * however many reports it serves, with the owner and due date of the gaps
 * it comes from. */
enum ev_col {
	E_NUMBER, E_ID, E_REPORTS, E_CRITERIA, E_REQUEST, E_EVIDENCE, E_TEST,
	E_WHEN, E_EXISTS, E_GAPS, E_OWNER, E_DUE, E_SOURCES, E_URLS, E_COUNT
};

static const char *const ev_col_names[E_COUNT] = {
	"number", "request_id", "reports", "criteria", "request", "evidence",
	"test", "when", "exists", "gaps", "owner", "due_date", "sources",
	"source_urls",
};

static void
ev_emit(struct sc_buf *out, const char *const *f, struct sc_buf *tmp)
{
	for (int c = 0; c < E_COUNT; c++) {
		if (c)
			sc_buf_putc(out, ',');
		rp_csv_field(out, f[c], tmp);
	}
	sc_buf_puts(out, "\r\n");
}

static void
render_evidence(const struct rp_model *m, struct sc_buf *out)
{
	const struct rp_evidence *e = &m->evidence;
	struct sc_buf tmp = {0}, crit = {0}, src = {0}, urls = {0}, num = {0},
	              reps = {0}, gaps = {0};
	const char *f[E_COUNT];
	ev_emit(out, ev_col_names, &tmp);
	for (size_t k = 0; k < e->nrows; k++) {
		const struct rp_ev_row *r = &e->rows[k];
		memset(f, 0, sizeof f);
		sc_buf_reset(&num);
		sc_buf_printf(&num, "%zu", k + 1);
		f[E_NUMBER] = sc_buf_str(&num);
		f[E_ID] = r->req->id;
		sc_buf_reset(&reps);
		for (size_t i = 0; i < m->nreports; i++)
			if (r->serves & (1u << i))
				sc_buf_printf(&reps, "%s%s", reps.len ? "; " : "",
				              m->reports[i].title);
		f[E_REPORTS] = sc_buf_str(&reps);
		sc_buf_reset(&crit);
		for (size_t c = 0; c < r->ncriteria; c++)
			sc_buf_printf(&crit, "%s%s", c ? "; " : "", r->criteria[c]);
		f[E_CRITERIA] = sc_buf_str(&crit);
		f[E_REQUEST] = r->req->text;
		f[E_EVIDENCE] = sc_ev_kind_name(r->req->kind);
		f[E_TEST] = r->req->test == SC_EV_DESIGN ? "Type I and II (design)"
		                                         : "Type II (operation)";
		f[E_WHEN] = r->when;
		f[E_EXISTS] = rp_ev_status_name(r->status);
		sc_buf_reset(&gaps);
		for (size_t i = 0; i < r->ngaps; i++)
			sc_buf_printf(&gaps, "%s%s", i ? "; " : "",
			              m->gaps[r->gaps[i]].rec->def->id);
		f[E_GAPS] = sc_buf_str(&gaps);
		f[E_OWNER] = r->owner;
		f[E_DUE] = r->due;
		sc_buf_reset(&src);
		sc_buf_reset(&urls);
		for (size_t s = 0; s < r->req->nsources; s++) {
			const struct sc_ev_source *so =
				&e->cat->sources[r->req->sources[s]];
			sc_buf_printf(&src, "%s%s", s ? "; " : "", so->id);
			sc_buf_printf(&urls, "%s%s", s ? " " : "", so->url);
		}
		f[E_SOURCES] = sc_buf_str(&src);
		f[E_URLS] = sc_buf_str(&urls);
		ev_emit(out, f, &tmp);
	}
	sc_buf_fini(&tmp);
	sc_buf_fini(&crit);
	sc_buf_fini(&src);
	sc_buf_fini(&urls);
	sc_buf_fini(&num);
	sc_buf_fini(&reps);
	sc_buf_fini(&gaps);
}

const struct rp_format_ops rp_format_csv = {
	.id = "csv",
	.ext = "csv",
	.render = render,
	.render_evidence = render_evidence,
};
