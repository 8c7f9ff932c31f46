/* The comparison in text, Markdown, HTML and JSON (docs/compare.md).
 * Every sentence is composed here once from the diff; the formats differ
 * in layout and escaping only, with the report's own writers. */
#include "report_internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "report_write.h"
#include "socscope/compare.h"

#define TITLE "SOC scoping comparison"
#define ANSWERS_HEADING "Answers that differ"
#define DIFFERS_HEADING "What differs"
#define BEHIND "Answers behind it:"

static const char *const kind_labels[SC_DIFF_KIND_COUNT] = {
	"Report", "Report type", "Period", "Category",
	"Related framework", NULL, "Readiness item", "Gap", NULL,
};

/* "SOC scoping comparison", or for a questionnaire that concludes with an
 * outcome "Review of a provider's SOC report: comparison". */
static void
doc_title(const struct sc_diff *d, struct sc_buf *out)
{
	if (d->a.soc)
		sc_buf_puts(out, TITLE);
	else
		sc_buf_printf(out, "%s: comparison", d->q->title);
}

static const char *
disclaimer(const struct sc_diff *d)
{
	return d->q->disclaimer ? d->q->disclaimer : RP_DISCLAIMER;
}

/* "Report: SOC 1", "Readiness score" */
static void
item_title(const struct sc_diff_item *it, struct sc_buf *out)
{
	const char *label = kind_labels[it->kind];
	if (label)
		sc_buf_printf(out, "%s: ", label);
	sc_buf_puts(out, it->name);
}

/* "Only in A: <because> (rule r)" */
static void
rule_line(const struct sc_diff *d, const struct sc_diff_rule *r,
          struct sc_buf *out)
{
	(void)d;
	sc_buf_printf(out, "Only in %s: %s", r->in_a ? "A" : "B", r->text);
}

/* The headline: how many conclusions and answers differ. */
static void
count_line(const struct sc_diff *d, struct sc_buf *out)
{
	if (d->nitems == 0) {
		sc_buf_puts(out, "Both give the same conclusions");
		if (d->nanswers)
			sc_buf_printf(out, "; %zu answer%s differ%s without changing "
			                   "any",
			              d->nanswers, d->nanswers == 1 ? "" : "s",
			              d->nanswers == 1 ? "s" : "");
		sc_buf_putc(out, '.');
		return;
	}
	sc_buf_printf(out, "%zu conclusion%s differ%s; %zu answer%s differ%s.",
	              d->nitems, d->nitems == 1 ? "" : "s",
	              d->nitems == 1 ? "s" : "", d->nanswers,
	              d->nanswers == 1 ? "" : "s", d->nanswers == 1 ? "s" : "");
}

static const char *
question_text(const struct sc_diff *d, const struct sc_diff_answer *x)
{
	return d->q->questions[x->question].text;
}

/* --- text ------------------------------------------------------------- */

static void
t_heading(struct rp_text *t, struct sc_buf *out, const char *title)
{
	char up[64];
	size_t i = 0;
	for (; title[i] && i < sizeof up - 1; i++)
		up[i] = (char)(title[i] >= 'a' && title[i] <= 'z' ? title[i] - 32
		                                                  : title[i]);
	up[i] = '\0';
	sc_buf_putc(out, '\n');
	rp_text_underline(t, up, '-');
}

static void
t_side(struct rp_text *t, const struct sc_diff_side *s, const char *which)
{
	struct sc_buf b = {0};
	sc_buf_printf(&b, "%s: %s", which, s->label);
	if (s->client)
		sc_buf_printf(&b, " (%s)", s->client);
	rp_text_wrap(t, "", "", sc_buf_str(&b));
	sc_buf_reset(&b);
	/* Without the SOC sections the summary is the outcome. */
	if (s->soc)
		sc_buf_printf(&b, "Recommendation: %s", s->summary);
	else
		sc_buf_puts(&b, s->summary);
	rp_text_wrap(t, "  ", "    ", sc_buf_str(&b));
	if (s->soc && s->outcome) {
		sc_buf_reset(&b);
		sc_buf_printf(&b, "Outcome: %s", s->outcome);
		rp_text_wrap(t, "  ", "    ", sc_buf_str(&b));
	}
	rp_text_wrap(t, "  ", "    ", s->completeness);
	if (s->soc)
		rp_text_wrap(t, "  ", "    ", s->readiness);
	sc_buf_fini(&b);
}

static void
t_answer(struct rp_text *t, const struct sc_diff *d,
         const struct sc_diff_answer *x, const char *indent)
{
	char first[32], rest[32], hang[32];
	snprintf(first, sizeof first, "%s- ", indent);
	snprintf(rest, sizeof rest, "%s  ", indent);
	snprintf(hang, sizeof hang, "%s     ", indent);
	rp_text_wrap(t, first, rest, question_text(d, x));
	struct sc_buf b = {0};
	sc_buf_printf(&b, "A: %s", x->text_a);
	rp_text_wrap(t, rest, hang, sc_buf_str(&b));
	sc_buf_reset(&b);
	sc_buf_printf(&b, "B: %s", x->text_b);
	rp_text_wrap(t, rest, hang, sc_buf_str(&b));
	sc_buf_fini(&b);
}

static void
render_text(const struct sc_diff *d, int width, struct sc_buf *out)
{
	struct rp_text *t = rp_text_open(out, width);
	struct sc_buf b = {0};
	doc_title(d, &b);
	rp_text_underline(t, sc_buf_str(&b), '=');
	sc_buf_reset(&b);
	sc_buf_putc(out, '\n');
	sc_buf_printf(&b, "Questionnaire: %s, version %s", d->q->title,
	              d->q->version);
	rp_text_wrap(t, "", "", sc_buf_str(&b));
	sc_buf_reset(&b);
	sc_buf_printf(&b, "Date: %s", d->date);
	rp_text_wrap(t, "", "", sc_buf_str(&b));
	sc_buf_putc(out, '\n');
	t_side(t, &d->a, "A");
	sc_buf_putc(out, '\n');
	t_side(t, &d->b, "B");

	t_heading(t, out, DIFFERS_HEADING);
	sc_buf_reset(&b);
	count_line(d, &b);
	rp_text_wrap(t, "", "", sc_buf_str(&b));
	for (size_t i = 0; i < d->nitems; i++) {
		const struct sc_diff_item *it = &d->items[i];
		sc_buf_putc(out, '\n');
		sc_buf_reset(&b);
		item_title(it, &b);
		rp_text_wrap(t, "* ", "  ", sc_buf_str(&b));
		sc_buf_reset(&b);
		sc_buf_printf(&b, "A: %s", it->a.text);
		rp_text_wrap(t, "  ", "    ", sc_buf_str(&b));
		sc_buf_reset(&b);
		sc_buf_printf(&b, "B: %s", it->b.text);
		rp_text_wrap(t, "  ", "    ", sc_buf_str(&b));
		for (size_t k = 0; k < it->nrules; k++) {
			sc_buf_reset(&b);
			rule_line(d, &it->rules[k], &b);
			sc_buf_printf(&b, " (rule %s)", d->q->rules[it->rules[k].rule].id);
			rp_text_wrap(t, "  - ", "    ", sc_buf_str(&b));
		}
		if (it->nanswers)
			rp_text_wrap(t, "  ", "  ", BEHIND);
		for (size_t k = 0; k < it->nanswers; k++)
			t_answer(t, d, &d->answers[it->answers[k]], "    ");
	}

	if (d->nanswers) {
		t_heading(t, out, ANSWERS_HEADING);
		for (size_t i = 0; i < d->nanswers; i++)
			t_answer(t, d, &d->answers[i], "");
	}
	t_heading(t, out, "About this comparison");
	rp_text_wrap(t, "", "", disclaimer(d));
	sc_buf_fini(&b);
	rp_text_close(t);
}

/* --- Markdown --------------------------------------------------------- */

static void
md_cell(struct sc_buf *out, const char *text)
{
	sc_buf_puts(out, " ");
	rp_md_text(out, text, NULL, NULL);
	sc_buf_puts(out, " |");
}

static void
md_answer_inline(struct sc_buf *out, const struct sc_diff *d,
                 const struct sc_diff_answer *x)
{
	sc_buf_putc(out, '*');
	rp_md_text(out, question_text(d, x), NULL, NULL);
	sc_buf_puts(out, "* \xE2\x80\x94 A: ");
	rp_md_text(out, x->text_a, NULL, NULL);
	sc_buf_puts(out, ", B: ");
	rp_md_text(out, x->text_b, NULL, NULL);
}

static void
md_sides_row(struct sc_buf *out, const char *label, const char *a,
             const char *b)
{
	sc_buf_printf(out, "| %s |", label);
	md_cell(out, a ? a : "");
	md_cell(out, b ? b : "");
	sc_buf_putc(out, '\n');
}

static void
render_markdown(const struct sc_diff *d, struct sc_buf *out)
{
	struct sc_buf b = {0};
	sc_buf_puts(out, "# ");
	doc_title(d, &b);
	rp_md_text(out, sc_buf_str(&b), NULL, NULL);
	sc_buf_reset(&b);
	sc_buf_puts(out, "\n\n- **Questionnaire:** ");
	sc_buf_printf(&b, "%s, version %s", d->q->title, d->q->version);
	rp_md_text(out, sc_buf_str(&b), "  ", NULL);
	sc_buf_printf(out, "\n- **Date:** %s\n\n", d->date);

	sc_buf_puts(out, "| | A | B |\n|---|---|---|\n");
	md_sides_row(out, "Answers", d->a.label, d->b.label);
	md_sides_row(out, "Client", d->a.client, d->b.client);
	if (d->a.soc)
		md_sides_row(out, "Recommendation", d->a.summary, d->b.summary);
	if (d->a.outcome)
		md_sides_row(out, "Outcome", d->a.outcome, d->b.outcome);
	md_sides_row(out, "Completeness", d->a.completeness, d->b.completeness);
	if (d->a.soc)
		md_sides_row(out, "Readiness", d->a.readiness, d->b.readiness);

	sc_buf_puts(out, "\n## " DIFFERS_HEADING "\n\n");
	sc_buf_reset(&b);
	count_line(d, &b);
	rp_md_text(out, sc_buf_str(&b), "", NULL);
	sc_buf_puts(out, "\n\n");
	if (d->nitems) {
		sc_buf_puts(out, "| Conclusion | A | B | Behind it |\n"
		                 "|---|---|---|---|\n");
	}
	for (size_t i = 0; i < d->nitems; i++) {
		const struct sc_diff_item *it = &d->items[i];
		sc_buf_puts(out, "|");
		sc_buf_reset(&b);
		item_title(it, &b);
		md_cell(out, sc_buf_str(&b));
		md_cell(out, it->a.text);
		md_cell(out, it->b.text);
		sc_buf_putc(out, ' ');
		for (size_t k = 0; k < it->nrules; k++) {
			sc_buf_reset(&b);
			rule_line(d, &it->rules[k], &b);
			if (k)
				sc_buf_putc(out, ' ');
			rp_md_text(out, sc_buf_str(&b), NULL, NULL);
			sc_buf_printf(out, " (rule `%s`)", d->q->rules[it->rules[k].rule].id);
		}
		if (it->nanswers)
			sc_buf_puts(out, it->nrules ? " " BEHIND " " : BEHIND " ");
		for (size_t k = 0; k < it->nanswers; k++) {
			if (k)
				sc_buf_puts(out, "; ");
			md_answer_inline(out, d, &d->answers[it->answers[k]]);
		}
		sc_buf_puts(out, " |\n");
	}
	if (d->nitems)
		sc_buf_putc(out, '\n');

	if (d->nanswers) {
		sc_buf_puts(out, "## " ANSWERS_HEADING "\n\n| Question | A | B |\n"
		                 "|---|---|---|\n");
		for (size_t i = 0; i < d->nanswers; i++) {
			const struct sc_diff_answer *x = &d->answers[i];
			sc_buf_puts(out, "|");
			md_cell(out, question_text(d, x));
			md_cell(out, x->text_a);
			md_cell(out, x->text_b);
			sc_buf_putc(out, '\n');
		}
		sc_buf_putc(out, '\n');
	}
	sc_buf_puts(out, "## About this comparison\n\n");
	rp_md_text(out, disclaimer(d), "", NULL);
	sc_buf_putc(out, '\n');
	sc_buf_fini(&b);
}

/* --- HTML ------------------------------------------------------------- */

static void
h_tag(struct sc_buf *out, const char *open, const char *text,
      const char *close)
{
	sc_buf_puts(out, open);
	rp_html_text(out, text ? text : "", NULL);
	sc_buf_puts(out, close);
}

static void
h_sides_row(struct sc_buf *out, const char *label, const char *a,
            const char *b)
{
	sc_buf_printf(out, "<tr><th scope=\"row\">%s</th>", label);
	h_tag(out, "<td>", a, "</td>");
	h_tag(out, "<td>", b, "</td></tr>\n");
}

static void
h_answer_inline(struct sc_buf *out, const struct sc_diff *d,
                const struct sc_diff_answer *x)
{
	h_tag(out, "<q>", question_text(d, x), "</q> \xE2\x80\x94 A: ");
	h_tag(out, "", x->text_a, ", B: ");
	h_tag(out, "", x->text_b, "");
}

static void
render_html(const struct sc_diff *d, struct sc_buf *out)
{
	struct sc_buf b = {0};
	sc_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	                 "<meta charset=\"utf-8\">\n"
	                 "<meta name=\"viewport\" content=\"width=device-width, "
	                 "initial-scale=1\">\n"
	                 "<meta name=\"generator\" content=\"socscope\">\n");
	doc_title(d, &b);
	h_tag(out, "<title>", sc_buf_str(&b), "</title>\n");
	sc_buf_printf(out, "<style>\n%s</style>\n</head>\n<body>\n",
	              rp_html_css());
	h_tag(out, "<div class=\"header\">\n<h1>", sc_buf_str(&b),
	      "</h1>\n<dl class=\"meta\">\n");
	sc_buf_reset(&b);
	sc_buf_printf(&b, "%s, version %s", d->q->title, d->q->version);
	h_tag(out, "<dt>Questionnaire</dt><dd>", sc_buf_str(&b), "</dd>\n");
	sc_buf_printf(out, "<dt>Date</dt><dd>%s</dd>\n</dl>\n", d->date);
	sc_buf_puts(out, "<table>\n<thead><tr><th></th><th scope=\"col\">A</th>"
	                 "<th scope=\"col\">B</th></tr></thead>\n<tbody>\n");
	h_sides_row(out, "Answers", d->a.label, d->b.label);
	h_sides_row(out, "Client", d->a.client, d->b.client);
	if (d->a.soc)
		h_sides_row(out, "Recommendation", d->a.summary, d->b.summary);
	if (d->a.outcome)
		h_sides_row(out, "Outcome", d->a.outcome, d->b.outcome);
	h_sides_row(out, "Completeness", d->a.completeness, d->b.completeness);
	if (d->a.soc)
		h_sides_row(out, "Readiness", d->a.readiness, d->b.readiness);
	sc_buf_puts(out, "</tbody>\n</table>\n</div>\n");

	sc_buf_puts(out, "<div class=\"section\" id=\"differences\">\n"
	                 "<h2>" DIFFERS_HEADING "</h2>\n");
	sc_buf_reset(&b);
	count_line(d, &b);
	h_tag(out, "<p class=\"summary\">", sc_buf_str(&b), "</p>\n");
	if (d->nitems) {
		sc_buf_puts(out, "<table>\n<thead><tr><th scope=\"col\">"
		                 "Conclusion</th><th scope=\"col\">A</th>"
		                 "<th scope=\"col\">B</th><th scope=\"col\">"
		                 "Behind it</th></tr></thead>\n<tbody>\n");
	}
	for (size_t i = 0; i < d->nitems; i++) {
		const struct sc_diff_item *it = &d->items[i];
		sc_buf_printf(out, "<tr class=\"%s\">", sc_diff_kind_id_str(it->kind));
		sc_buf_reset(&b);
		item_title(it, &b);
		h_tag(out, "<td>", sc_buf_str(&b), "</td>");
		h_tag(out, "<td>", it->a.text, "</td>");
		h_tag(out, "<td>", it->b.text, "</td>");
		sc_buf_puts(out, "<td>");
		for (size_t k = 0; k < it->nrules; k++) {
			sc_buf_reset(&b);
			rule_line(d, &it->rules[k], &b);
			if (k)
				sc_buf_puts(out, "<br>\n");
			rp_html_text(out, sc_buf_str(&b), NULL);
			h_tag(out, " <span class=\"rule\">(rule ",
			      d->q->rules[it->rules[k].rule].id, ")</span>");
		}
		if (it->nanswers)
			sc_buf_puts(out, it->nrules ? "<br>\n<span class=\"because\">"
			                              BEHIND " "
			                            : "<span class=\"because\">"
			                              BEHIND " ");
		for (size_t k = 0; k < it->nanswers; k++) {
			if (k)
				sc_buf_puts(out, "; ");
			h_answer_inline(out, d, &d->answers[it->answers[k]]);
		}
		if (it->nanswers)
			sc_buf_puts(out, "</span>");
		sc_buf_puts(out, "</td></tr>\n");
	}
	if (d->nitems)
		sc_buf_puts(out, "</tbody>\n</table>\n");
	sc_buf_puts(out, "</div>\n");

	if (d->nanswers) {
		sc_buf_puts(out, "<div class=\"section\" id=\"answers\">\n"
		                 "<h2>" ANSWERS_HEADING "</h2>\n<table>\n"
		                 "<thead><tr><th scope=\"col\">Question</th>"
		                 "<th scope=\"col\">A</th><th scope=\"col\">B</th>"
		                 "</tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < d->nanswers; i++) {
			const struct sc_diff_answer *x = &d->answers[i];
			h_tag(out, "<tr><td>", question_text(d, x), "</td>");
			h_tag(out, "<td>", x->text_a, "</td>");
			h_tag(out, "<td>", x->text_b, "</td></tr>\n");
		}
		sc_buf_puts(out, "</tbody>\n</table>\n</div>\n");
	}
	sc_buf_puts(out, "<div class=\"section\" id=\"about\">\n"
	                 "<h2>About this comparison</h2>\n");
	h_tag(out, "<p class=\"disclaimer\">", disclaimer(d), "</p>\n");
	sc_buf_puts(out, "</div>\n</body>\n</html>\n");
	sc_buf_fini(&b);
}

/* --- JSON ------------------------------------------------------------- */

static json_t *
js(const char *s, struct sc_buf *tmp)
{
	if (!s)
		return json_null();
	json_t *j = json_string(s);
	if (!j)
		j = json_string(rp_clean(s, tmp));
	return j ? j : json_string("");
}

static json_t *
j_side(const struct sc_diff_side *s, struct sc_buf *tmp)
{
	json_t *o = rp_jnew(json_object());
	rp_jset(o, "label", js(s->label, tmp));
	rp_jset(o, "client", js(s->client, tmp));
	rp_jset(o, "summary", js(s->summary, tmp));
	rp_jset(o, "complete", json_boolean(s->complete));
	json_t *reps = rp_jnew(json_array());
	for (size_t i = 0; i < s->nreports; i++) {
		json_t *r = rp_jnew(json_object());
		rp_jset(r, "id", json_string(sc_report_id_str(s->reports[i].id)));
		rp_jset(r, "type",
		                    s->reports[i].type == SC_TYPE_NONE
		                            ? json_null()
		                            : json_string(sc_rtype_id_str(s->reports[i].type)));
		rp_jset(r, "period_months",
		                    s->reports[i].period_months > 0
		                            ? json_integer(s->reports[i].period_months)
		                            : json_null());
		rp_jpush(reps, r);
	}
	rp_jset(o, "reports", reps);
	json_t *rd = rp_jnew(json_object());
	rp_jset(rd, "score",
	                    s->has_score ? json_integer(s->score) : json_null());
	rp_jset(rd, "in_place", json_integer((json_int_t)s->in_place));
	rp_jset(rd, "total", json_integer((json_int_t)s->nitems));
	rp_jset(o, "readiness", rd);
	/* Only for a questionnaire with outcomes: its id, null when none. */
	if (s->outcome)
		rp_jset(o, "outcome", js(s->outcome_id, tmp));
	return o;
}

/* The typed value of one side (see docs/compare.md). */
static json_t *
j_value(const struct sc_diff *d, enum sc_diff_kind k,
        const struct sc_diff_value *v)
{
	switch (k) {
	case SC_DIFF_OUTCOME:
		return v->present && (size_t)v->value < d->q->noutcomes
		               ? json_string(d->q->outcomes[v->value].id)
		               : json_null();
	case SC_DIFF_REPORT:
	case SC_DIFF_CATEGORY:
	case SC_DIFF_FRAMEWORK:
		return json_boolean(v->present);
	case SC_DIFF_TYPE:
		return json_string(sc_rtype_id_str((enum sc_rtype)v->value));
	case SC_DIFF_PERIOD:
		return v->value > 0 ? json_integer(v->value) : json_null();
	case SC_DIFF_READINESS:
		return v->present ? json_integer(v->value) : json_null();
	case SC_DIFF_ITEM:
		return v->present ? json_string(sc_readiness_id_str(
		                            (enum sc_readiness)v->value))
		                  : json_null();
	case SC_DIFF_GAP:
		return v->present ? json_string(sc_priority_id_str(
		                            (enum sc_priority)v->value))
		                  : json_null();
	case SC_DIFF_KIND_COUNT:
		break;
	}
	return json_null();
}

static json_t *
j_answer(const struct sc_diff *d, const struct sc_diff_answer *x,
         struct sc_buf *tmp)
{
	const struct sc_question *qn = &d->q->questions[x->question];
	json_t *o = rp_jnew(json_object());
	rp_jset(o, "question", js(qn->id, tmp));
	rp_jset(o, "a", x->shown_a ? rp_json_answer(qn, &x->a)
	                                       : json_null());
	rp_jset(o, "b", x->shown_b ? rp_json_answer(qn, &x->b)
	                                       : json_null());
	return o;
}

static void
render_json(const struct sc_diff *d, struct sc_buf *out)
{
	struct sc_buf tmp = {0};
	const struct sc_questionnaire *q = d->q;
	rp_json_alloc();
	json_t *root = rp_jnew(json_object());
	rp_jset(root, "socscope", json_integer(1));
	json_t *qo = rp_jnew(json_object());
	rp_jset(qo, "id", js(q->id, &tmp));
	rp_jset(qo, "title", js(q->title, &tmp));
	rp_jset(qo, "version", js(q->version, &tmp));
	rp_jset(root, "questionnaire", qo);
	rp_jset(root, "date", json_string(d->date));
	rp_jset(root, "a", j_side(&d->a, &tmp));
	rp_jset(root, "b", j_side(&d->b, &tmp));
	rp_jset(root, "same", json_boolean(d->nitems == 0));

	json_t *diffs = rp_jnew(json_array());
	for (size_t i = 0; i < d->nitems; i++) {
		const struct sc_diff_item *it = &d->items[i];
		json_t *o = rp_jnew(json_object());
		rp_jset(o, "kind", json_string(sc_diff_kind_id_str(it->kind)));
		rp_jset(o, "id", js(it->id, &tmp));
		rp_jset(o, "name", js(it->name, &tmp));
		rp_jset(o, "a", j_value(d, it->kind, &it->a));
		rp_jset(o, "b", j_value(d, it->kind, &it->b));
		rp_jset(o, "a_text", js(it->a.text, &tmp));
		rp_jset(o, "b_text", js(it->b.text, &tmp));
		json_t *rules = rp_jnew(json_array());
		for (size_t k = 0; k < it->nrules; k++) {
			const struct sc_rule *r = &q->rules[it->rules[k].rule];
			json_t *ro = rp_jnew(json_object());
			rp_jset(ro, "rule", js(r->id, &tmp));
			rp_jset(ro, "fired_in",
			                    json_string(it->rules[k].in_a ? "a" : "b"));
			rp_jset(ro, "text", js(it->rules[k].text, &tmp));
			rp_jpush(rules, ro);
		}
		rp_jset(o, "rules", rules);
		json_t *because = rp_jnew(json_array());
		for (size_t k = 0; k < it->nanswers; k++)
			rp_jpush(because,
			                      j_answer(d, &d->answers[it->answers[k]], &tmp));
		rp_jset(o, "because", because);
		rp_jpush(diffs, o);
	}
	rp_jset(root, "differences", diffs);

	json_t *answers = rp_jnew(json_array());
	for (size_t i = 0; i < d->nanswers; i++) {
		const struct sc_diff_answer *x = &d->answers[i];
		json_t *o = j_answer(d, x, &tmp);
		rp_jset(o, "text", js(question_text(d, x), &tmp));
		rp_jset(o, "shown_a", json_boolean(x->shown_a));
		rp_jset(o, "shown_b", json_boolean(x->shown_b));
		rp_jset(o, "a_text", js(x->text_a, &tmp));
		rp_jset(o, "b_text", js(x->text_b, &tmp));
		rp_jpush(answers, o);
	}
	rp_jset(root, "answers", answers);
	rp_jset(root, "disclaimer", js(disclaimer(d), &tmp));

	rp_json_dump(root, out);
	json_decref(root);
	sc_buf_fini(&tmp);
}

void
sc_diff_render(const struct sc_diff *d, enum sc_format fmt, int width,
               struct sc_buf *out)
{
	switch (fmt) {
	case SC_FMT_TEXT: render_text(d, width, out); break;
	case SC_FMT_MARKDOWN: render_markdown(d, out); break;
	case SC_FMT_HTML: render_html(d, out); break;
	case SC_FMT_JSON: render_json(d, out); break;
	/* No layout for the others (CSV): so a new format in enum sc_format
	 * needs no line here until it has one. */
	default: break;
	}
}
