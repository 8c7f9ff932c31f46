/* The report model: every sentence of the report is composed here once, so
 * the five exporters say the same thing and differ only in layout.  The
 * roadmap is the plan's (socscope/plan.h): one planner for every view. */
#include "report_internal.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const struct {
	const char *title, *id;
} headings[RP_H_COUNT] = {
	[RP_H_SUMMARY] = {"Executive summary", "summary"},
	[RP_H_ASSUMPTIONS] = {"Assumptions and open questions", "assumptions"},
	[RP_H_RECOMMENDATION] = {"Recommendation", "recommendation"},
	[RP_H_SCOPE] = {"Scope of the examination", "scope"},
	[RP_H_TSC] = {"Trust Services categories", "tsc"},
	[RP_H_ROADMAP] = {"Roadmap", "roadmap"},
	[RP_H_FRAMEWORKS] = {"Related frameworks", "frameworks"},
	[RP_H_GAPS] = {"Readiness gaps", "gaps"},
	[RP_H_NEXT_STEPS] = {"Next steps", "next-steps"},
	[RP_H_SOURCES] = {"Sources", "sources"},
	[RP_H_TRACE] = {"how each conclusion was reached", "trace"},
	[RP_H_GUIDE] = {"how to close each gap", "guide"},
	[RP_H_APPENDIX] = {"your answers", "appendix"},
	[RP_H_EVIDENCE] = {"evidence to collect", "evidence"},
	[RP_H_ABOUT] = {"About this report", "about"},
	[RP_H_OUTCOME] = {"Outcome", "outcome"},
	[RP_H_FOLLOWUPS] = {"Follow-ups", "follow-ups"},
	[RP_H_OWN_GAPS] = {"Your own gaps", "own-gaps"},
};

const char *
rp_heading(enum rp_heading h)
{
	return (unsigned)h < RP_H_COUNT ? headings[h].title : "";
}

const char *
rp_heading_id(enum rp_heading h)
{
	return (unsigned)h < RP_H_COUNT ? headings[h].id : "";
}

const char *
rp_title(const struct rp_model *m, enum rp_heading h)
{
	if ((unsigned)h < RP_H_COUNT && m->titles[h][0])
		return m->titles[h];
	return rp_heading(h);
}

const char *
rp_stop(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
		n--;
	if (n && strchr(".!?", s[n - 1]))
		return "";
	/* U+3002 ideographic full stop, U+FF01, U+FF1F */
	if (n >= 3 && ((unsigned char)s[n - 3] == 0xE3 &&
	               (unsigned char)s[n - 2] == 0x80 &&
	               (unsigned char)s[n - 1] == 0x82))
		return "";
	if (n >= 3 && (unsigned char)s[n - 3] == 0xEF &&
	    (unsigned char)s[n - 2] == 0xBC &&
	    ((unsigned char)s[n - 1] == 0x81 || (unsigned char)s[n - 1] == 0x9F))
		return "";
	return ".";
}

bool
rp_gap_marked_confirm(const struct rp_gap *g)
{
	const struct sc_gap_def *d = g->rec->def;
	return d && d->followup && strncmp(d->title, "Confirm", 7) != 0;
}

size_t
rp_parts(const struct rp_model *m, enum rp_part out[RP_P_COUNT])
{
	size_t n = 0;
	/* A short no-report memo leaves out what it would leave empty. */
	bool report = m->nreports > 0;
	out[n++] = RP_P_HEADER;
	out[n++] = RP_P_SUMMARY;
	if (m->has_outcome)
		out[n++] = RP_P_OUTCOME;
	if (m->soc) {
		out[n++] = RP_P_RECOMMENDATION;
		out[n++] = RP_P_SCOPE;
		if (m->r->tsc[SC_CAT_SECURITY].in_scope)
			out[n++] = RP_P_TSC;
		if (report)
			out[n++] = RP_P_ROADMAP;
		if (report || m->r->nframeworks)
			out[n++] = RP_P_FRAMEWORKS;
		if (report || m->ngaps)
			out[n++] = RP_P_GAPS;
		out[n++] = RP_P_NEXT_STEPS;
		/* What the conclusions rest on that is not yet fact, after
		 * them: the marks above point here. */
		if (report || m->nassumptions)
			out[n++] = RP_P_ASSUMPTIONS;
		out[n++] = RP_P_SOURCES;
	} else {
		out[n++] = RP_P_OUTCOME_LISTS;
		if (m->nassumptions)
			out[n++] = RP_P_ASSUMPTIONS;
	}
	/* The appendices, lettered in this order (rp_model_letters). */
	if (m->nunlisted < m->nassumptions)
		out[n++] = RP_P_ASSUMPTION_LIST;
	out[n++] = RP_P_TRACE;
	if (rp_has_guide(m))
		out[n++] = RP_P_GUIDE;
	out[n++] = RP_P_APPENDIX;
	if (m->evidence.cat && m->evidence.nlists)
		out[n++] = RP_P_EVIDENCE;
	out[n++] = RP_P_ABOUT;
	return n;
}

bool
rp_has_soc1(const struct rp_model *m)
{
	for (size_t i = 0; i < m->nreports; i++)
		if (m->reports[i].rec->id == SC_SOC1)
			return true;
	return false;
}

bool
rp_has_guide(const struct rp_model *m)
{
	return m->soc && m->ngaps > 0;
}

void
rp_model_letters(struct rp_model *m)
{
	/* The assumptions' list is an appendix when some conclusion rests
	 * on one: the body says how many and where they are marked. */
	const bool present[] = {
		m->nunlisted < m->nassumptions, true, rp_has_guide(m), true,
		m->evidence.cat && m->evidence.nlists > 0,
	};
	const enum rp_heading which[] = {RP_H_ASSUMPTIONS, RP_H_TRACE,
	                                 RP_H_GUIDE, RP_H_APPENDIX,
	                                 RP_H_EVIDENCE};
	char letter = 'A';
	for (size_t i = 0; i < sizeof which / sizeof which[0]; i++) {
		m->titles[which[i]][0] = '\0';
		if (present[i])
			snprintf(m->titles[which[i]], sizeof m->titles[which[i]],
			         "Appendix %c: %s", letter++,
			         which[i] == RP_H_ASSUMPTIONS
			                 ? "assumptions and open questions"
			                 : headings[which[i]].title);
	}
}

/* The AICPA's own guides and criteria, which every conclusion of the
 * report follows; a report cites those that fit what it recommends. */
static const struct rp_source src_soc1 = {
	"aicpa-soc1-guide",
	"AICPA Guide, Reporting on an Examination of Controls at a Service "
	"Organization Relevant to User Entities' Internal Control Over "
	"Financial Reporting (SOC 1), under AT-C section 320",
	"https://www.aicpa-cima.com/cpe-learning/publication/"
	"reporting-on-an-examination-of-controls-at-a-service-organization-"
	"relevant-to-user-entities-internal-control-over-financial-reporting-"
	"soc-1-guide",
};
static const struct rp_source src_soc2 = {
	"aicpa-soc2-guide",
	"AICPA Guide, SOC 2 Reporting on an Examination of Controls at a "
	"Service Organization Relevant to Security, Availability, Processing "
	"Integrity, Confidentiality, or Privacy (2022), under AT-C section 205",
	"https://www.aicpa-cima.com/cpe-learning/publication/"
	"soc-2-reporting-on-an-examination-of-controls-at-a-service-"
	"organization-relevant-to-security-availability-processing-integrity-"
	"confidentiality-or-privacy",
};
static const struct rp_source src_dc200 = {
	"aicpa-dc200",
	"AICPA, DC section 200, 2018 Description Criteria for a Description of "
	"a Service Organization's System in a SOC 2 Report (implementation "
	"guidance revised 2022)",
	"https://www.aicpa-cima.com/resources/download/"
	"get-description-criteria-for-your-organizations-soc-2-r-report",
};
static const struct rp_source src_tsp100 = {
	"aicpa-tsp100",
	"AICPA, TSP section 100, 2017 Trust Services Criteria for Security, "
	"Availability, Processing Integrity, Confidentiality, and Privacy "
	"(points of focus revised 2022)",
	"https://www.aicpa-cima.com/resources/download/"
	"2017-trust-services-criteria-with-revised-points-of-focus-2022",
};

static void
build_sources(struct rp_model *m)
{
	static const struct rp_source *const soc1[] = {&src_soc1};
	static const struct rp_source *const soc2[] = {&src_soc2, &src_dc200,
	                                               &src_tsp100};
	static const struct rp_source *const both[] = {
		&src_soc1, &src_soc2, &src_dc200, &src_tsp100};
	/* With no report, what "SOC 2" means is the SOC 2 guide's. */
	static const struct rp_source *const none[] = {&src_soc2};
	bool has1 = false, has2 = false;
	for (size_t i = 0; i < m->nreports; i++) {
		has1 |= m->reports[i].rec->id == SC_SOC1;
		has2 |= m->reports[i].rec->id != SC_SOC1;
	}
	if (has1 && has2) {
		m->sources = both;
		m->nsources = 4;
	} else if (has1) {
		m->sources = soc1;
		m->nsources = 1;
	} else if (has2) {
		m->sources = soc2;
		m->nsources = 3;
	} else {
		m->sources = none;
		m->nsources = 1;
	}
}

/* --- dates ------------------------------------------------------------ */

void
rp_report_date(const struct sc_report_opts *opts, char out[11])
{
	sc_day day;
	if (!opts || !sc_date_parse(opts->date, &day, NULL))
		day = sc_date_today();
	sc_date_format(day, out);
}

/* --- small helpers ---------------------------------------------------- */

static void
list_add(char ***v, size_t *n, char *s)
{
	*v = sc_xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = s;
}

static struct rp_step *
step_add(struct rp_model *m, char *when, char *what)
{
	m->steps = sc_xrealloc(m->steps, (m->nsteps + 1) * sizeof *m->steps);
	struct rp_step *st = &m->steps[m->nsteps++];
	memset(st, 0, sizeof *st);
	st->when = when;
	st->what = what;
	return st;
}

static struct rp_bar *
bar_add(struct rp_model *m, enum rp_bar_kind kind, char *label, sc_day from,
        sc_day to)
{
	m->bars = sc_xrealloc(m->bars, (m->nbars + 1) * sizeof *m->bars);
	struct rp_bar *b = &m->bars[m->nbars++];
	b->kind = kind;
	b->label = label;
	sc_date_format(from, b->from);
	sc_date_format(to, b->to);
	return b;
}

/* A sentence ends with a full stop unless it already ends in punctuation. */
static void
put_sentence(struct sc_buf *b, const char *s)
{
	sc_buf_puts(b, s);
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0 || !strchr(".!?", s[n - 1]))
		sc_buf_putc(b, '.');
}

const char *
rp_note(const struct rp_model *m, size_t question)
{
	const char *n = m->a->notes ? m->a->notes[question] : NULL;
	return n && *n ? n : NULL;
}

void
rp_answer_text(const struct rp_model *m, size_t question, struct sc_buf *out)
{
	const struct sc_answer *v = sc_eval_answer(m->ev, question);
	if (v && v->type != SC_A_NONE)
		sc_answer_format(&m->q->questions[question], v, out);
}

const char *
rp_tsc_default_reason(const struct rp_model *m, enum sc_category c)
{
	return sc_result_tsc_default(m->r, c);
}

const char *
rp_tsc_status(const struct rp_model *m, enum sc_category c)
{
	const struct sc_tsc_rec *t = &m->r->tsc[c];
	if (!t->in_scope)
		return "out of scope";
	return t->required ? "in scope (required)" : "in scope";
}

static void
deps_fini(struct rp_dep *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(d[i].text);
	free(d);
}

/* `text` with its {{question_id}} filled in: the text itself when it has
 * none, else a copy kept in *own. */
static const char *
filled(const struct rp_model *m, const char *text, char **own)
{
	*own = NULL;
	if (!text || !strstr(text, "{{"))
		return text;
	struct sc_buf b = {0};
	sc_eval_expand(m->ev, text, &b);
	*own = sc_buf_steal(&b);
	return *own;
}

static void
reasons_build(const struct rp_model *m, const struct sc_reasons *in,
              struct rp_reasons *out)
{
	out->n = 0;
	out->v = in->n ? sc_xcalloc(in->n, sizeof *out->v) : NULL;
	for (size_t i = 0; i < in->n; i++) {
		if (in->rules[i] >= m->q->nrules)
			continue;
		struct rp_reason *rs = &out->v[out->n++];
		rs->rule = &m->q->rules[in->rules[i]];
		rs->text = filled(m, rs->rule->because, &rs->own_text);
		rs->step = filled(m, rs->rule->next_step, &rs->own_step);
		size_t nd = 0;
		const size_t *deps = sc_eval_because(m->ev, in->rules[i], &nd);
		rs->deps = nd ? sc_xcalloc(nd, sizeof *rs->deps) : NULL;
		for (size_t k = 0; k < nd; k++) {
			struct rp_dep *d = &rs->deps[rs->ndeps];
			if (deps[k] >= m->q->nquestions)
				continue;
			rs->ndeps++;
			d->question = deps[k];
			d->answer = sc_eval_answer(m->ev, deps[k]);
			if (d->answer && d->answer->type == SC_A_NONE)
				d->answer = NULL;
			struct sc_buf b = {0};
			if (d->answer)
				sc_answer_format(&m->q->questions[deps[k]], d->answer,
				                 &b);
			d->text = d->answer && b.len ? sc_buf_steal(&b)
			                             : sc_xstrdup(RP_NO_ANSWER);
			sc_buf_fini(&b);
		}
	}
}

static void
reasons_fini(struct rp_reasons *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		deps_fini(rs->v[i].deps, rs->v[i].ndeps);
		free(rs->v[i].assumed);
		free(rs->v[i].own_text);
		free(rs->v[i].own_step);
	}
	free(rs->v);
	rs->v = NULL;
	rs->n = 0;
}

void
rp_reasons_build(const struct rp_model *m, const struct sc_reasons *in,
                 struct rp_reasons *out)
{
	reasons_build(m, in, out);
}

void
rp_reasons_fini(struct rp_reasons *rs)
{
	reasons_fini(rs);
}

static void
gap_deps(struct rp_gap *g)
{
	for (size_t i = 0; i < g->reasons.n; i++) {
		const struct rp_reason *rs = &g->reasons.v[i];
		for (size_t k = 0; k < rs->ndeps; k++) {
			bool seen = false;
			for (size_t j = 0; j < g->ndeps && !seen; j++)
				seen = g->deps[j].question == rs->deps[k].question;
			if (seen)
				continue;
			g->deps = sc_xrealloc(g->deps, (g->ndeps + 1) * sizeof *g->deps);
			g->deps[g->ndeps] = rs->deps[k];
			g->deps[g->ndeps].text = sc_xstrdup(rs->deps[k].text);
			g->ndeps++;
		}
	}
}

/* --- the parts -------------------------------------------------------- */

/* "A", "A and B", "A, B and C" */
static void
join_names(struct sc_buf *b, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sc_buf_printf(b, "%s%s",
		              i == 0 ? "" : i + 1 == n ? " and " : ", ", v[i]);
}

/* ", with 1 high-priority gap to close first and 2 answers to confirm" */
static void
gap_counts(const struct rp_model *m, struct sc_buf *b)
{
	if (m->nhigh == 0)
		sc_buf_puts(b, "no high-priority gap");
	else
		sc_buf_printf(b, "%zu high-priority gap%s to close first", m->nhigh,
		              m->nhigh == 1 ? "" : "s");
	if (m->nconfirm)
		sc_buf_printf(b, " and %zu answer%s to confirm", m->nconfirm,
		              m->nconfirm == 1 ? "" : "s");
}

/* Readiness as far as it was assessed: a score only over what was asked,
 * never "100 out of 100" or "no gap" for areas no question covered. */
static void
build_readiness(struct rp_model *m)
{
	const struct sc_result *r = m->r;
	struct sc_buf b = {0}, na = {0};
	m->assessed = r->nitems > 0;
	for (size_t i = 0; i < m->nareas; i++) {
		if (m->areas[i].score >= 0)
			continue;
		m->not_assessed = sc_xrealloc(m->not_assessed,
		                              (m->nnot_assessed + 1) *
		                                      sizeof *m->not_assessed);
		m->not_assessed[m->nnot_assessed++] = m->areas[i].name;
	}
	join_names(&na, m->not_assessed, m->nnot_assessed);
	bool partly = m->nnot_assessed > 0;

	if (!m->assessed) {
		sc_buf_puts(&b, "Readiness was not assessed: the readiness "
		                "checklist was not asked, so no readiness item was "
		                "counted and there is no score.");
		if (m->ngaps)
			sc_buf_puts(&b, " The gaps and answers to confirm below come "
			                "from your other answers.");
	} else if (partly && r->score == 100) {
		sc_buf_printf(&b, "Every readiness item asked is in place (%zu of "
		                  "%zu), but not every area was assessed: no "
		                  "readiness question covered %s, so nothing here "
		                  "says %s ready.",
		              r->in_place, r->nitems, sc_buf_str(&na),
		              m->nnot_assessed == 1 ? "it is" : "they are");
	} else {
		sc_buf_printf(&b, "Readiness score: %d out of 100 (%zu of %zu "
		              "item%s in place",
		              r->score, r->in_place, r->nitems,
		              r->nitems == 1 ? "" : "s");
		if (r->partial)
			sc_buf_printf(&b, ", %zu partly in place and counted as half",
			              r->partial);
		if (r->missing)
			sc_buf_printf(&b, ", %zu not in place", r->missing);
		if (r->unknown)
			sc_buf_printf(&b, ", %zu not known yet", r->unknown);
		sc_buf_puts(&b, ").");
		if (partly)
			sc_buf_printf(&b, " Not assessed, because no readiness "
			                  "question covered %s: %s; the score says "
			                  "nothing about %s.",
			              m->nnot_assessed == 1 ? "it" : "them",
			              sc_buf_str(&na),
			              m->nnot_assessed == 1 ? "it" : "them");
	}
	m->readiness = sc_buf_steal(&b);

	if (m->ngaps == 0) {
		if (!m->assessed)
			m->no_gap = sc_xstrdup("No gap is listed, but readiness was "
			                       "not assessed: the readiness checklist "
			                       "was not asked.");
		else if (partly)
			m->no_gap = sc_xasprintf("No gap was found in the areas "
			                         "assessed; not assessed: %s.",
			                         sc_buf_str(&na));
		else
			m->no_gap = sc_xstrdup("No gap was found in your answers.");
	}

	/* The first page's line, for a report to be ready for. */
	if (m->nreports > 0 && (m->assessed || m->ngaps)) {
		if (!m->assessed) {
			sc_buf_puts(&b, "Readiness was not assessed (the readiness "
			                "checklist was not asked); your other answers "
			                "show ");
			gap_counts(m, &b);
		} else if (partly && r->score == 100) {
			sc_buf_puts(&b, "Readiness: every item asked is in place, with ");
			gap_counts(m, &b);
			sc_buf_printf(&b, "; not assessed: %s", sc_buf_str(&na));
		} else {
			sc_buf_printf(&b, "Readiness: %d out of 100%s, with ", r->score,
			              partly ? " on the items asked" : "");
			gap_counts(m, &b);
			if (partly)
				sc_buf_printf(&b, "; not assessed: %s", sc_buf_str(&na));
		}
		sc_buf_putc(&b, '.');
		m->ex_ready = sc_buf_steal(&b);
	} else if (m->nreports == 0 && m->ngaps) {
		sc_buf_puts(&b, "Your answers show ");
		gap_counts(m, &b);
		sc_buf_puts(&b, " in your own business (listed below).");
		m->ex_ready = sc_buf_steal(&b);
	}
	sc_buf_fini(&b);
	sc_buf_fini(&na);
}

/* The executive summary: the first page's sentences (the lists are
 * memo.c's), and the same as the JSON's executive_summary. */
static void
build_exec(struct rp_model *m)
{
	const struct sc_result *r = m->r;
	struct sc_buf b = {0};

	if (r->nreports > 0) {
		sc_buf_printf(&b, "We recommend %s", m->summary);
		put_sentence(&b, "");
		m->ex_lead = sc_buf_steal(&b);
		/* The dates, and a deadline the plan misses, belong on the
		 * first page, not only in the roadmap. */
		/* The way to meet a date the Type II misses leads. */
		bool t1_leads = m->plan.headline && m->plan.type1_by &&
		                m->plan.type1_as_of;
		if (t1_leads) {
			char a[11], b[11];
			sc_date_format(m->plan.type1_as_of, a);
			sc_date_format(m->plan.type1_by, b);
			m->ex_dates = sc_xasprintf(
				"The plan: first a SOC 2 Type I as of %s, in hand by "
				"%s to meet the deadline if %s accepts it; then %s",
				a, b,
				m->plan.type1_who ? m->plan.type1_who
				                  : "whoever set it",
				m->plan.headline);
		} else if (m->plan.headline)
			m->ex_dates = sc_xasprintf("The plan: %s", m->plan.headline);
		else if (!m->plan.dated)
			m->ex_dates = sc_xstrdup("The audit cannot be dated yet: the "
			                         "roadmap names the answers it "
			                         "needs.");
		/* The headline already says which report comes after the
		 * date: add only what can be done about it. */
		m->ex_risk = t1_leads && m->plan.deadline_talk
		                     ? m->plan.deadline_talk
		             : m->plan.headline && m->plan.deadline_action
		                     ? m->plan.deadline_action
		                     : m->plan.deadline_risk;
	} else if (m->none.n || r->deferred.n) {
		/* The summary already starts "No SOC report recommended now". */
		put_sentence(&b, m->summary);
		if (m->next_steps.n) {
			sc_buf_puts(&b, " Next step: ");
			put_sentence(&b, m->next_steps.v[0].rule->next_step);
		}
		m->ex_lead = sc_buf_steal(&b);
		/* What the reader may say meanwhile, without claiming what no
		 * CPA firm has examined. */
		m->truthful = sc_xstrdup(
			"If someone asks \"are you SOC 2 compliant?\", answer "
			"truthfully: \"No. We have no SOC 2 report: no CPA firm has "
			"examined our controls. Here is how we protect your "
			"information and our own systems.\" Then name what you "
			"actually do (who can reach the data, how sign-in is "
			"protected, how laptops and backups are secured, whom to call "
			"about an incident) and offer to answer their security "
			"questionnaire. Never call yourself SOC 2 compliant or "
			"certified: SOC 2 is a CPA firm's report, not a certificate, "
			"and you have none.");
	} else {
		m->ex_lead = sc_xstrdup("There are not yet enough answers to "
		                        "recommend a SOC report.");
	}
	if (r->nunanswered > 0)
		m->ex_open = sc_xasprintf("%zu required question%s still "
		                          "unanswered, so this may change.",
		                          r->nunanswered,
		                          r->nunanswered == 1 ? " is" : "s are");
	const char *parts[] = {m->ex_lead, m->ex_dates, m->ex_risk,
	                       m->ex_ready, m->ex_open, m->truthful};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (parts[i])
			list_add(&m->exec, &m->nexec, sc_xstrdup(parts[i]));
	sc_buf_fini(&b);
}

/* --- the roadmap ------------------------------------------------------ */

static void
note_add(struct rp_model *m, char *s)
{
	list_add(&m->road_notes, &m->nroad_notes, s);
}

static enum rp_bar_kind
bar_kind(enum sc_phase_kind k)
{
	switch (k) {
	case SC_PHASE_ENGAGE:
	case SC_PHASE_DESCRIPTION: return RP_BAR_PREP;
	case SC_PHASE_READINESS: return RP_BAR_READINESS;
	case SC_PHASE_TYPE1: return RP_BAR_TYPE1;
	case SC_PHASE_PERIOD: return RP_BAR_WINDOW;
	case SC_PHASE_FIELDWORK: return RP_BAR_FIELDWORK;
	case SC_PHASE_REPORT: return RP_BAR_REPORT;
	case SC_PHASE_BRIDGE:
	case SC_PHASE_COUNT: break;
	}
	return RP_BAR_BRIDGE;
}

/* "2026-01-01 to 2026-06-30", "as of 2026-06-30", "by 2027-01-04" */
static char *
phase_when(const struct sc_phase *ph)
{
	char f[11], t[11];
	sc_date_format(ph->from, f);
	sc_date_format(ph->to, t);
	if (ph->kind == SC_PHASE_TYPE1)
		return sc_xasprintf("as of %s", f);
	if (ph->from == ph->to)
		return sc_xasprintf("%s", f);
	return sc_xasprintf("%s to %s", f, t);
}

/* The names of the tracks beside the plan, as the timeline labels them. */
static const char *
track_tag(const struct sc_track *t)
{
	switch (t->kind) {
	case SC_TRACK_PLAN: return NULL;
	case SC_TRACK_CLEAN_FIRST: return "Option B";
	case SC_TRACK_LOOKBACK: return "Look-back";
	case SC_TRACK_TYPE1_FIRST: return "Quicker path";
	case SC_TRACK_NEXT: return "Then";
	}
	return NULL;
}

static void
build_roadmap(struct rp_model *m)
{
	const struct sc_plan *p = &m->plan;
	if (m->nreports == 0) {
		note_add(m, sc_xstrdup("No report is recommended now, so there is "
		                       "no audit to plan. Revisit this assessment "
		                       "when your services or your customers' "
		                       "requests change."));
		return;
	}
	for (size_t i = 0; i < m->nreports; i++) {
		struct rp_report *rp = &m->reports[i];
		const struct sc_plan_report *pr = sc_plan_report(p, rp->rec->id);
		if (!pr)
			continue;
		rp->period_months = pr->months;
		free(rp->period);
		rp->period = NULL;
		if (pr->months > 0)
			rp->period = sc_xasprintf("%d-month period", pr->months);
		else if (rp->rec->type == SC_TYPE1)
			rp->period = sc_xstrdup("as of one date");
		if (pr->as_of)
			sc_date_format(pr->as_of, rp->as_of);
		if (pr->start) {
			sc_date_format(pr->start, rp->window_start);
			sc_date_format(pr->end, rp->window_end);
		}
	}
	if (!p->dated) {
		struct sc_buf b = {0};
		if (p->nmissing) {
			sc_buf_puts(&b, "We cannot date the audit yet: ");
			for (size_t i = 0; i < p->nmissing; i++)
				sc_buf_printf(&b, "%s\"%s\"",
				              i == 0                  ? ""
				              : i + 1 == p->nmissing ? " and "
				                                     : ", ",
				              m->q->questions[p->missing[i]].text);
			bool many = p->nmissing > 1;
			sc_buf_printf(&b, " %s no answer. Answer %s to see a dated "
			                  "plan.",
			              many ? "have" : "has", many ? "them" : "it");
			note_add(m, sc_buf_steal(&b));
		}
		note_add(m, sc_xstrdup("Confirm dates with your CPA firm."));
		return;
	}
	if (p->has_deadline)
		sc_date_format(p->deadline, m->deadline);
	m->readiness_weeks = p->readiness_weeks;
	/* The summary dates of the plan itself (track 0). */
	const struct sc_track *plan = p->ntracks ? &p->tracks[0] : NULL;
	sc_day window_last = 0;
	for (size_t k = 0; plan && k < plan->nphases; k++) {
		const struct sc_phase *ph = &plan->phases[k];
		if (ph->kind == SC_PHASE_READINESS)
			sc_date_format(ph->to, m->ready_by);
		else if (ph->kind == SC_PHASE_TYPE1)
			sc_date_format(ph->from, m->type1_as_of);
		else if (ph->kind == SC_PHASE_PERIOD &&
		         ph->to > (*m->window_end ? window_last : 0)) {
			window_last = ph->to;
			sc_date_format(ph->from, m->window_start);
			sc_date_format(ph->to, m->window_end);
			m->window_months =
				(int)sc_date_months_between(ph->from, ph->to + 1);
		} else if (ph->kind == SC_PHASE_REPORT && plan->report_by == ph->to) {
			sc_date_format(ph->from, m->report_from);
			sc_date_format(ph->to, m->report_by);
		}
	}
	bool options = p->ntracks > 1 && p->tracks[0].summary;
	for (size_t ti = 0; ti < p->ntracks; ti++) {
		const struct sc_track *t = &p->tracks[ti];
		if (ti > 0 || options) {
			struct rp_step *h = step_add(
				m, NULL,
				t->summary ? sc_xasprintf("%s. %s", t->title, t->summary)
				           : sc_xasprintf("%s.", t->title));
			h->head = true;
			h->track = (int)ti;
		}
		const char *tag = track_tag(t);
		for (size_t k = 0; k < t->nphases; k++) {
			const struct sc_phase *ph = &t->phases[k];
			struct rp_step *st = step_add(m, phase_when(ph),
			                              sc_xstrdup(ph->what));
			st->track = (int)ti;
			bar_add(m, bar_kind(ph->kind),
			        tag ? sc_xasprintf("%s: %s", tag, ph->label)
			            : sc_xstrdup(ph->label),
			        ph->from, ph->to)->track = (int)ti;
		}
	}
	for (size_t i = 0; i < p->nnotes; i++) {
		/* The executive summary says what can be done about a
		 * missed deadline: the roadmap gives the dates and points
		 * there. */
		const char *n = p->notes[i];
		if (p->deadline_risk && p->deadline_action &&
		    strcmp(n, p->deadline_risk) == 0) {
			size_t len = (size_t)(p->deadline_action -
			                      p->deadline_risk);
			while (len && n[len - 1] == ' ')
				len--;
			note_add(m, sc_xasprintf("%.*s What can be done about "
			                         "it is in the executive summary.",
			                         (int)len, n));
			continue;
		}
		note_add(m, sc_xstrdup(n));
	}
}

/* --- readiness by area ------------------------------------------------ */

static const struct {
	const char *id, *name, *prefix;
} cc_areas[] = {
	{"cc1", "Control environment", "CC1."},
	{"cc2", "Communication and information", "CC2."},
	{"cc3", "Risk assessment", "CC3."},
	{"cc4", "Monitoring activities", "CC4."},
	{"cc5", "Control activities", "CC5."},
	{"cc6", "Logical and physical access", "CC6."},
	{"cc7", "System operations", "CC7."},
	{"cc8", "Change management", "CC8."},
	{"cc9", "Risk mitigation", "CC9."},
};
#define NCC_AREAS (sizeof cc_areas / sizeof cc_areas[0])
static_assert(NCC_AREAS + SC_CAT_COUNT - 1 + 1 <= SC_AREA_MAX,
              "every area fits");

/* Does readiness item `item` have a criterion in area `area` (a prefix of
 * the common criteria, a category, or "SOC1:" for SOC 1 processing)?  Its
 * criteria are those of every gap the questionnaire raises for it. */
static bool
item_in_area(const struct sc_questionnaire *q, const char *item, int cc,
             int cat, bool soc1)
{
	for (size_t i = 0; i < q->nrules; i++) {
		const struct sc_rule *ru = &q->rules[i];
		if (!ru->readiness_item || !ru->gap ||
		    strcmp(ru->readiness_item, item) != 0)
			continue;
		bool tsc = false, objective = false;
		for (size_t k = 0; k < ru->gap->ncriteria; k++) {
			const char *c = ru->gap->criteria[k];
			int cc_cat = sc_tsc_category(c);
			if (cc >= 0 && strncmp(c, cc_areas[cc].prefix,
			                       strlen(cc_areas[cc].prefix)) == 0)
				return true;
			if (cat >= 0 && cat != SC_CAT_SECURITY && cc_cat == cat)
				return true;
			tsc |= cc_cat >= 0;
			objective |= strncmp(c, "SOC1:", 5) == 0;
		}
		/* SOC 1 business processing: items that cite SOC 1 objectives
		 * and no Trust Services criterion (approvals,
		 * reconciliations...), which no other area shows. */
		if (soc1 && objective && !tsc)
			return true;
	}
	return false;
}

static void
area_count(const struct rp_model *m, struct sc_area *a, int cc, int cat,
           bool soc1)
{
	const struct sc_result *r = m->r;
	a->score = -1;
	for (size_t i = 0; i < r->nitems; i++) {
		if (!item_in_area(m->q, r->items[i].item, cc, cat, soc1))
			continue;
		a->total++;
		switch (r->items[i].status) {
		case SC_READY_IN_PLACE: a->in_place++; break;
		case SC_READY_PARTIAL: a->partial++; break;
		case SC_READY_MISSING: a->missing++; break;
		case SC_READY_UNKNOWN:
		case SC_READY_COUNT: a->unknown++; break;
		}
	}
	if (a->total)
		/* The engine's rounding: round(100 * (in + partial/2) / n). */
		a->score = (int)((200 * a->in_place + 100 * a->partial +
		                  a->total) /
		                 (2 * a->total));
}

static void
build_areas(struct rp_model *m)
{
	const struct sc_result *r = m->r;
	if (r->nitems == 0)
		return;
	for (size_t k = 0; k < NCC_AREAS; k++) {
		struct sc_area *a = &m->areas[m->nareas++];
		a->id = cc_areas[k].id;
		a->name = cc_areas[k].name;
		area_count(m, a, (int)k, -1, false);
	}
	for (int c = SC_CAT_AVAILABILITY; c < SC_CAT_COUNT; c++) {
		if (!r->tsc[c].in_scope)
			continue;
		struct sc_area *a = &m->areas[m->nareas++];
		a->id = sc_category_id_str(c);
		a->name = sc_category_name(c);
		area_count(m, a, -1, c, false);
	}
	bool soc1 = false;
	for (size_t i = 0; i < m->nreports; i++)
		soc1 |= m->reports[i].rec->id == SC_SOC1;
	if (soc1) {
		struct sc_area *a = &m->areas[m->nareas++];
		a->id = "soc1";
		a->name = "Business processing (SOC 1)";
		area_count(m, a, -1, -1, true);
	}
}

void
rp_area_bar(const struct sc_area *a, int cells, const char *full,
            const char *empty, struct sc_buf *out)
{
	if (a->score < 0)
		return;
	int n = (a->score * cells + 50) / 100;
	for (int i = 0; i < cells; i++)
		sc_buf_puts(out, i < n ? full : empty);
}

void
sc_area_detail(const struct sc_area *a, struct sc_buf *out)
{
	if (a->total == 0) {
		sc_buf_puts(out, "no readiness item asked");
		return;
	}
	sc_buf_printf(out, "%zu of %zu in place", a->in_place, a->total);
	if (a->partial)
		sc_buf_printf(out, ", %zu partly", a->partial);
	if (a->missing)
		sc_buf_printf(out, ", %zu not in place", a->missing);
	if (a->unknown)
		sc_buf_printf(out, ", %zu not known", a->unknown);
}

static const char *const bar_kind_names[RP_BAR_COUNT] = {
	[RP_BAR_PREP] = "preparation",
	[RP_BAR_BRIDGE] = "bridge_letter",
	[RP_BAR_READINESS] = "readiness",
	[RP_BAR_TYPE1] = "type1_date",
	[RP_BAR_WINDOW] = "window",
	[RP_BAR_FIELDWORK] = "fieldwork",
	[RP_BAR_REPORT] = "report",
};

const char *
rp_bar_kind_name(enum rp_bar_kind k)
{
	return (unsigned)k < RP_BAR_COUNT ? bar_kind_names[k] : "";
}

void
rp_model_build(struct rp_model *m, const struct sc_questionnaire *q,
               const struct sc_answers *a, struct sc_eval *ev,
               const struct sc_report_opts *opts)
{
	memset(m, 0, sizeof *m);
	m->q = q;
	m->a = a;
	m->ev = ev;
	m->r = sc_eval_result(ev);
	const struct sc_result *r = m->r;

	/* The report's date is the day the rules and the plan count from. */
	sc_day today;
	if (!opts || !sc_date_parse(opts->date, &today, NULL))
		today = sc_date_today();
	sc_eval_set_today(ev, today);
	m->r = sc_eval_result(ev);
	r = m->r;
	sc_date_format(today, m->date);
	sc_plan_build(&m->plan, q, ev);

	m->has_outcome = q->noutcomes > 0;
	m->soc = q->recommends || !m->has_outcome;
	m->disclaimer = q->disclaimer ? q->disclaimer : RP_DISCLAIMER;
	rp_model_brand(m, NULL);
	if (m->soc)
		m->title = a->client && *a->client
		                   ? sc_xasprintf("SOC scoping report for %s",
		                                  a->client)
		                   : sc_xstrdup("SOC scoping report");
	else {
		/* The client's name, or the answer that gives it (a file
		 * written by hand may have only that). */
		const char *who = a->client;
		size_t cq = q->client_question;
		const struct sc_answer *v =
			cq < q->nquestions ? sc_eval_answer(ev, cq) : NULL;
		if ((!who || !*who) && v && v->type == SC_A_TEXT)
			who = v->text;
		m->title = who && *who ? sc_xasprintf("%s: %s", q->title, who)
		                       : sc_xstrdup(q->title);
	}
	struct sc_buf b = {0};
	sc_result_summary(q, r, &b);
	m->summary = sc_buf_steal(&b);
	m->completeness = sc_xasprintf("%zu of %zu applicable question%s "
	                               "answered.",
	                               r->answered, r->applicable,
	                               r->applicable == 1 ? "" : "s");

	for (size_t i = 0; i < r->nreports && i < SC_REPORT_COUNT; i++) {
		struct rp_report *rp = &m->reports[m->nreports++];
		rp->rec = &r->reports[i];
		sc_report_title(rp->rec, &b);
		rp->title = sc_buf_steal(&b);
		rp->period_months = rp->rec->period_months;
		/* A SOC 3 reports on its SOC 2 Type II's period. */
		if ((rp->rec->type == SC_TYPE2 || rp->rec->id == SC_SOC3) &&
		    rp->rec->period_months > 0)
			rp->period = sc_xasprintf("%d-month period",
			                          rp->period_months);
		else if (rp->rec->type == SC_TYPE1)
			rp->period = sc_xstrdup("as of one date");
		reasons_build(m, &rp->rec->reasons, &rp->reasons);
	}
	reasons_build(m, &r->none, &m->none);
	reasons_build(m, &r->deferred, &m->deferred);
	reasons_build(m, &r->next_steps, &m->next_steps);
	for (int c = 0; c < SC_CAT_COUNT; c++)
		reasons_build(m, &r->tsc[c].reasons, &m->tsc[c]);
	for (size_t i = 0; i < r->nframeworks && i < SC_FW_COUNT; i++)
		reasons_build(m, &r->frameworks[i].reasons, &m->frameworks[i]);
	m->gaps = r->ngaps ? sc_xcalloc(r->ngaps, sizeof *m->gaps) : NULL;
	for (size_t i = 0; i < r->ngaps; i++) {
		struct rp_gap *g = &m->gaps[m->ngaps++];
		g->rec = &r->gaps[i];
		g->advice = filled(m, g->rec->def ? g->rec->def->advice : NULL,
		                   &g->own_advice);
		reasons_build(m, &g->rec->reasons, &g->reasons);
		gap_deps(g);
		const struct sc_action *act =
			g->rec->def ? sc_answers_action(a, g->rec->def->id) : NULL;
		if (act) {
			g->owner = act->owner;
			if (act->has_due)
				sc_date_format(act->due, g->due);
		}
		if (g->rec->def && g->rec->def->followup)
			m->nconfirm++;
		else if (g->rec->priority == SC_PRIO_HIGH)
			m->nhigh++;
	}

	for (size_t i = 0; i < q->nquestions; i++)
		m->nhidden += !sc_eval_visible(ev, i);
	build_areas(m);
	build_readiness(m);

	/* Without the SOC sections there is no report to plan or summarize;
	 * the outcome's part says what there is. */
	if (m->soc)
		build_roadmap(m);
	/* Every conclusion marked with the assumptions it rests on, then
	 * numbered, before any sentence quotes the numbers. */
	rp_memo_assumptions(m);
	if (m->soc)
		rp_memo_scope(m);
	rp_outcome_build(m);
	rp_memo_number(m);
	/* The appendices' letters before any sentence names one. */
	rp_model_letters(m);
	if (m->soc) {
		build_exec(m);
		rp_memo_first_page(m);
		build_sources(m);
	}
	rp_outcome_exec(m);
	sc_buf_fini(&b);
}

void
rp_model_brand(struct rp_model *m, const struct sc_report_brand *brand)
{
	m->brand = brand;
	/* The caller's names win over the file's; "" names nobody. */
	m->assessor = brand && brand->assessor ? brand->assessor
	                                       : m->a->assessor;
	m->firm = brand && brand->firm ? brand->firm : m->a->firm;
	if (m->assessor && !*m->assessor)
		m->assessor = NULL;
	if (m->firm && !*m->firm)
		m->firm = NULL;
	free(m->prepared_by);
	m->prepared_by = NULL;
	if (m->assessor || m->firm)
		m->prepared_by = sc_xasprintf("%s%s%s",
		                              m->assessor ? m->assessor : "",
		                              m->assessor && m->firm ? ", " : "",
		                              m->firm ? m->firm : "");
	/* A report a consultant signs is not the client's self-assessment:
	 * the closing words say who prepared it, from whose answers. */
	free(m->own_disclaimer);
	m->own_disclaimer = NULL;
	if (!m->q->disclaimer) {
		if (m->prepared_by)
			m->own_disclaimer = sc_xasprintf(
				"This report was prepared with socscope by %s, from "
				"the answers given in the interview, to prepare for a "
				"conversation with a CPA firm. It is not an audit, an "
				"attestation or an opinion. Only a licensed CPA firm "
				"performs a SOC examination and decides its scope, type "
				"and period.",
				m->prepared_by);
		m->disclaimer = m->own_disclaimer ? m->own_disclaimer
		                                  : RP_DISCLAIMER;
	}
}

void
rp_model_fini(struct rp_model *m)
{
	free(m->title);
	free(m->prepared_by);
	free(m->own_disclaimer);
	free(m->summary);
	free(m->completeness);
	free(m->ex_lead);
	free(m->ex_dates);
	free(m->ex_ready);
	free(m->ex_open);
	free(m->truthful);
	free(m->not_assessed);
	free(m->no_gap);
	for (size_t i = 0; i < m->nexec; i++)
		free(m->exec[i]);
	free(m->exec);
	for (size_t i = 0; i < m->nreports; i++) {
		free(m->reports[i].title);
		free(m->reports[i].period);
		reasons_fini(&m->reports[i].reasons);
	}
	reasons_fini(&m->none);
	reasons_fini(&m->deferred);
	reasons_fini(&m->next_steps);
	for (int c = 0; c < SC_CAT_COUNT; c++)
		reasons_fini(&m->tsc[c]);
	for (int i = 0; i < SC_FW_COUNT; i++)
		reasons_fini(&m->frameworks[i]);
	for (size_t i = 0; i < m->ngaps; i++) {
		reasons_fini(&m->gaps[i].reasons);
		deps_fini(m->gaps[i].deps, m->gaps[i].ndeps);
		free(m->gaps[i].assumed);
		free(m->gaps[i].own_advice);
	}
	free(m->gaps);
	rp_memo_fini(m);
	free(m->readiness);
	for (size_t i = 0; i < m->nsteps; i++) {
		free(m->steps[i].when);
		free(m->steps[i].what);
	}
	free(m->steps);
	for (size_t i = 0; i < m->nroad_notes; i++)
		free(m->road_notes[i]);
	free(m->road_notes);
	sc_plan_fini(&m->plan);
	for (size_t i = 0; i < m->nbars; i++)
		free(m->bars[i].label);
	free(m->bars);
	rp_evidence_fini(&m->evidence);
	rp_outcome_fini(m);
	memset(m, 0, sizeof *m);
}

size_t
sc_report_areas(const struct sc_questionnaire *q, const struct sc_answers *a,
                struct sc_eval *ev, struct sc_area out[SC_AREA_MAX])
{
	struct rp_model m;
	rp_model_build(&m, q, a, ev, NULL);
	size_t n = m.nareas;
	memcpy(out, m.areas, n * sizeof *out);
	rp_model_fini(&m);
	return n;
}
