/* The client portfolio: one row per session, taken from the report model
 * (the same recommendation, readiness score, high-priority gaps and open
 * questions the client's report shows), and its three layouts. */
#include "socscope/portfolio.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"
#include "report_write.h"
#include "socscope/migrate.h"

void
sc_portfolio_add(struct sc_portfolio *p, const char *path,
                 const struct sc_questionnaire *q, const struct sc_answers *a,
                 const struct sc_report_opts *opts)
{
	p->v = sc_xrealloc(p->v, (p->n + 1) * sizeof *p->v);
	struct sc_portfolio_row *row = &p->v[p->n++];
	memset(row, 0, sizeof *row);

	struct sc_eval *ev = sc_eval_new(q, a);
	struct rp_model m;
	rp_model_build(&m, q, a, ev, opts);
	const struct sc_result *r = m.r;

	row->path = sc_xstrdup(path);
	row->client = sc_xstrdup(a->client ? a->client : "");
	row->updated = sc_xstrdup(a->updated ? a->updated : "");
	row->questionnaire = sc_xstrdup(q->id);
	struct sc_buf b = {0};
	sc_result_headline(q, r, &b);
	row->recommendation = sc_buf_steal(&b);
	for (size_t i = 0; i < m.nreports && i < SC_REPORT_COUNT; i++) {
		row->reports[i].id = m.reports[i].rec->id;
		row->reports[i].type = m.reports[i].rec->type;
		/* The period the report gives (a SOC 1 window may be
		 * lengthened to cover the clients' fiscal year). */
		row->reports[i].period_months = m.reports[i].period_months;
		row->nreports++;
	}
	for (int c = 0; c < SC_CAT_COUNT; c++)
		if (r->tsc[c].in_scope)
			row->categories |= 1u << c;
	row->has_score = r->nitems > 0;
	row->score = r->score;
	row->in_place = r->in_place;
	row->items = r->nitems;
	row->high_gaps = m.nhigh;
	row->to_confirm = m.nconfirm;
	row->unanswered = r->nunanswered
	                          ? sc_xcalloc(r->nunanswered,
	                                       sizeof *row->unanswered)
	                          : NULL;
	for (size_t i = 0; i < r->nunanswered; i++)
		row->unanswered[row->nunanswered++] =
			sc_xstrdup(q->questions[r->unanswered[i]].id);
	row->answered = r->answered;
	row->applicable = r->applicable;
	if (a->migrated)
		row->migrated_from = sc_xstrdup(a->migrated->from);
	row->has_outcome = m.has_outcome;
	row->outcome = m.outcome ? sc_xstrdup(m.outcome->id) : NULL;
	memcpy(row->next_review, m.next_review, sizeof row->next_review);

	rp_model_fini(&m);
	sc_eval_free(ev);
}

void
sc_portfolio_add_error(struct sc_portfolio *p, const char *path,
                       const char *client, const char *questionnaire,
                       const char *updated, const char *error)
{
	p->v = sc_xrealloc(p->v, (p->n + 1) * sizeof *p->v);
	struct sc_portfolio_row *row = &p->v[p->n++];
	memset(row, 0, sizeof *row);
	row->path = sc_xstrdup(path);
	row->client = sc_xstrdup(client ? client : "");
	row->updated = sc_xstrdup(updated ? updated : "");
	row->questionnaire = sc_xstrdup(questionnaire ? questionnaire : "");
	row->recommendation = sc_xstrdup("");
	row->error = sc_xstrdup(error && *error ? error : "cannot be opened");
}

void
sc_portfolio_fini(struct sc_portfolio *p)
{
	for (size_t i = 0; i < p->n; i++) {
		struct sc_portfolio_row *r = &p->v[i];
		free(r->path);
		free(r->client);
		free(r->updated);
		free(r->questionnaire);
		free(r->recommendation);
		for (size_t k = 0; k < r->nunanswered; k++)
			free(r->unanswered[k]);
		free(r->unanswered);
		free(r->migrated_from);
		free(r->error);
		free(r->outcome);
	}
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

/* --- text ------------------------------------------------------------- */

/* Append `s` cut to at most `cols` terminal columns ("..." marks a cut)
 * and padded with spaces to `pad` columns; returns the columns written. */
static int
put_cell(struct sc_buf *out, const char *s, int cols, int pad)
{
	struct sc_buf tmp = {0};
	s = rp_clean(s, &tmp);
	for (char *nl = tmp.data ? strchr(tmp.data, '\n') : NULL; nl;
	     nl = strchr(nl, '\n'))
		*nl = ' ';
	int w = rp_display_width(s);
	if (cols > 0 && w > cols) {
		/* Keep whole characters while they fit with the "...". */
		const char *p = s, *end = s;
		int used = 0;
		while (*p) {
			const char *q = p;
			rp_utf8_next(&q);
			char one[8] = {0};
			memcpy(one, p, (size_t)(q - p) < sizeof one - 1
			                       ? (size_t)(q - p)
			                       : sizeof one - 1);
			int cw = rp_display_width(one);
			if (used + cw > cols - 3)
				break;
			used += cw;
			p = q;
			end = p;
		}
		sc_buf_add(out, s, (size_t)(end - s));
		sc_buf_puts(out, "...");
		w = used + 3;
	} else {
		sc_buf_puts(out, s);
	}
	for (int i = w; i < pad; i++)
		sc_buf_putc(out, ' ');
	sc_buf_fini(&tmp);
	return w > pad ? w : pad;
}

static const char *
client_or(const struct sc_portfolio_row *r)
{
	return *r->client ? r->client : "(no client name)";
}

enum { CLIENT_MAX = 28, UPDATED_W = 10 };

/* Which kinds of row there are: reviews get an outcome and a next review
 * column, scoping sessions a recommendation; a portfolio of scoping
 * sessions only looks as it always did. */
static void
row_kinds(const struct sc_portfolio *p, bool *soc, bool *outcome)
{
	*soc = *outcome = false;
	for (size_t i = 0; i < p->n; i++) {
		if (p->v[i].error)
			continue;
		*soc |= !p->v[i].has_outcome;
		*outcome |= p->v[i].has_outcome;
	}
}

static void
render_text(const struct sc_portfolio *p, int width, struct sc_buf *out)
{
	if (p->n == 0) {
		sc_buf_puts(out, "No sessions.\n");
		return;
	}
	int cw = (int)strlen("Client");
	for (size_t i = 0; i < p->n; i++) {
		int w = rp_display_width(client_or(&p->v[i]));
		if (w > cw)
			cw = w;
	}
	if (cw > CLIENT_MAX)
		cw = CLIENT_MAX;
	/* Client, updated, ready, high, open, then the recommendation takes
	 * what is left of the width. */
	static const char fixed_hdr[] = "Ready  High  Open  ";
	bool any_soc, any_outcome;
	row_kinds(p, &any_soc, &any_outcome);
	int next_w = any_outcome ? UPDATED_W + 3 : 0;
	int rec_cols = 0;
	if (width > 0) {
		rec_cols = width - (cw + 2 + UPDATED_W + 2 +
		                    (int)strlen(fixed_hdr) + next_w);
		if (rec_cols < 8)
			rec_cols = 8;
	}
	put_cell(out, "Client", 0, cw + 2);
	put_cell(out, "Updated", 0, UPDATED_W + 2);
	sc_buf_puts(out, fixed_hdr);
	if (any_outcome)
		put_cell(out, "Next review", 0, next_w);
	sc_buf_puts(out, !any_outcome ? "Recommendation\n"
	                 : any_soc     ? "Recommendation or outcome\n"
	                               : "Outcome\n");
	size_t high = 0, open = 0, broken = 0, migrated = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct sc_portfolio_row *r = &p->v[i];
		put_cell(out, client_or(r), cw, cw + 2);
		char day[UPDATED_W + 1];
		snprintf(day, sizeof day, "%s", *r->updated ? r->updated : "-");
		put_cell(out, day, 0, UPDATED_W + 2);
		if (r->error) {
			/* Never cut: the reason and the path are the news. */
			sc_buf_puts(out, "    -     -     -  cannot be opened: ");
			put_cell(out, r->error, 0, 0);
			sc_buf_putc(out, '\n');
			broken++;
			continue;
		}
		if (r->has_score)
			sc_buf_printf(out, "%5d  ", r->score);
		else
			sc_buf_puts(out, "    -  ");
		sc_buf_printf(out, "%4zu  %4zu  ", r->high_gaps, r->nunanswered);
		if (any_outcome)
			put_cell(out, *r->next_review ? r->next_review : "-", 0,
			         next_w);
		char *mark = r->migrated_from
		                     ? sc_xasprintf(" (from %s)", r->migrated_from)
		                     : NULL;
		int room = rec_cols;
		if (mark && room > 0) {
			room -= rp_display_width(mark);
			if (room < 8)
				room = 8;
		}
		put_cell(out, r->recommendation, room, 0);
		if (mark)
			sc_buf_puts(out, mark);
		free(mark);
		sc_buf_putc(out, '\n');
		high += r->high_gaps > 0;
		open += r->nunanswered > 0;
		migrated += r->migrated_from != NULL;
	}
	sc_buf_printf(out,
	              "\n%zu session%s; %zu with high-priority gaps; %zu with "
	              "required questions unanswered.\n",
	              p->n, p->n == 1 ? "" : "s", high, open);
	if (broken)
		sc_buf_printf(out, "%zu cannot be opened: the first problem is "
		                   "on %s line.\n",
		              broken, broken == 1 ? "its" : "each one's");
	sc_buf_puts(out, "Ready: readiness score out of 100 (- when not asked).\n"
	                 "High: high-priority gaps.  Open: required questions "
	                 "unanswered.\n");
	if (migrated)
		sc_buf_puts(out, "(from X.Y): saved under questionnaire X.Y; "
		                 "'socscope validate FILE' says how.\n");
	if (any_outcome)
		sc_buf_puts(out, "Next review: when a review is due again (- when "
		                 "its date is not recorded).\n");
}

/* --- csv -------------------------------------------------------------- */

static void
reports_text(const struct sc_portfolio_row *r, struct sc_buf *b)
{
	for (size_t i = 0; i < r->nreports; i++) {
		const struct sc_portfolio_report *rp = &r->reports[i];
		sc_buf_printf(b, "%s%s", i ? "; " : "", sc_report_id_str(rp->id));
		if (rp->type < SC_RTYPE_COUNT)
			sc_buf_printf(b, " %s", sc_rtype_id_str(rp->type));
	}
}

static void
categories_text(const struct sc_portfolio_row *r, struct sc_buf *b)
{
	bool any = false;
	for (int c = 0; c < SC_CAT_COUNT; c++)
		if (r->categories & (1u << c)) {
			sc_buf_printf(b, "%s%s", any ? "; " : "",
			              sc_category_id_str(c));
			any = true;
		}
}

enum pcol {
	P_CLIENT, P_FILE, P_QUESTIONNAIRE, P_UPDATED, P_RECOMMENDATION,
	P_REPORTS, P_CATEGORIES, P_SCORE, P_IN_PLACE, P_ITEMS, P_HIGH,
	P_CONFIRM, P_UNANSWERED, P_ANSWERED, P_APPLICABLE, P_MIGRATED_FROM,
	P_ERROR, P_COUNT
};

static const char *const pcol_names[P_COUNT] = {
	"client", "file", "questionnaire", "updated", "recommendation",
	"reports", "categories", "readiness_score", "readiness_in_place",
	"readiness_items", "high_gaps", "to_confirm", "unanswered_required",
	"answered", "applicable", "migrated_from", "error",
};

/* A row; with reviews among the rows, their outcome and next review in
 * two more columns at the end. */
static void
csv_row(struct sc_buf *out, const char *const *f, const char *const *more,
        struct sc_buf *tmp)
{
	for (int c = 0; c < P_COUNT; c++) {
		if (c)
			sc_buf_putc(out, ',');
		rp_csv_field(out, f[c], tmp);
	}
	for (int c = 0; more && c < 2; c++) {
		sc_buf_putc(out, ',');
		rp_csv_field(out, more[c], tmp);
	}
	sc_buf_puts(out, "\r\n");
}

static void
render_csv(const struct sc_portfolio *p, struct sc_buf *out)
{
	struct sc_buf tmp = {0}, rep = {0}, cat = {0}, nums = {0};
	bool any_soc, any_outcome;
	row_kinds(p, &any_soc, &any_outcome);
	static const char *const more_names[2] = {"outcome", "next_review"};
	csv_row(out, pcol_names, any_outcome ? more_names : NULL, &tmp);
	for (size_t i = 0; i < p->n; i++) {
		const struct sc_portfolio_row *r = &p->v[i];
		const char *f[P_COUNT];
		f[P_CLIENT] = r->client;
		f[P_FILE] = r->path;
		f[P_QUESTIONNAIRE] = r->questionnaire;
		f[P_UPDATED] = r->updated;
		f[P_RECOMMENDATION] = r->recommendation;
		sc_buf_reset(&rep);
		sc_buf_add(&rep, "", 0);
		reports_text(r, &rep);
		f[P_REPORTS] = sc_buf_str(&rep);
		sc_buf_reset(&cat);
		sc_buf_add(&cat, "", 0);
		categories_text(r, &cat);
		f[P_CATEGORIES] = sc_buf_str(&cat);
		/* The numbers, NUL-separated in one buffer. */
		size_t vals[] = {r->in_place, r->items, r->high_gaps,
		                 r->to_confirm, r->nunanswered, r->answered,
		                 r->applicable};
		sc_buf_reset(&nums);
		size_t off[8];
		off[0] = nums.len;
		if (r->has_score)
			sc_buf_printf(&nums, "%d", r->score);
		sc_buf_putc(&nums, '\0');
		for (size_t k = 0; k < 7; k++) {
			off[k + 1] = nums.len;
			sc_buf_printf(&nums, "%zu", vals[k]);
			sc_buf_putc(&nums, '\0');
		}
		for (size_t k = 0; k < 8; k++)
			f[P_SCORE + k] = nums.data + off[k];
		f[P_MIGRATED_FROM] = r->migrated_from ? r->migrated_from : "";
		f[P_ERROR] = r->error ? r->error : "";
		/* A row without a report has no figures either. */
		for (int k = r->error ? P_RECOMMENDATION : P_COUNT; k < P_MIGRATED_FROM;
		     k++)
			f[k] = "";
		const char *more[2] = {r->outcome ? r->outcome : "",
		                       r->next_review};
		csv_row(out, f, any_outcome ? more : NULL, &tmp);
	}
	sc_buf_fini(&tmp);
	sc_buf_fini(&rep);
	sc_buf_fini(&cat);
	sc_buf_fini(&nums);
}

/* --- json ------------------------------------------------------------- */

static json_t *
jstr(const char *s, struct sc_buf *tmp)
{
	json_t *j = json_string(s);
	if (!j)
		j = json_string(rp_clean(s, tmp));
	return j ? j : json_string("");
}

static void
render_json(const struct sc_portfolio *p, const struct sc_report_opts *opts,
            struct sc_buf *out)
{
	struct sc_buf tmp = {0};
	char date[11];
	rp_report_date(opts, date);
	rp_json_alloc();
	json_t *root = rp_jnew(json_object());
	rp_jset(root, "socscope", json_integer(1));
	rp_jset(root, "date", json_string(date));
	json_t *arr = rp_jnew(json_array());
	for (size_t i = 0; i < p->n; i++) {
		const struct sc_portfolio_row *r = &p->v[i];
		json_t *o = rp_jnew(json_object());
		rp_jset(o, "client",
		                    *r->client ? jstr(r->client, &tmp) : json_null());
		rp_jset(o, "file", jstr(r->path, &tmp));
		rp_jset(o, "questionnaire", jstr(r->questionnaire, &tmp));
		rp_jset(o, "updated", *r->updated
		                                          ? jstr(r->updated, &tmp)
		                                          : json_null());
		if (r->error) {
			/* Listed with why, not left out; no report to give. */
			if (!*r->questionnaire)
				rp_jset(o, "questionnaire", json_null());
			rp_jset(o, "error", jstr(r->error, &tmp));
			rp_jpush(arr, o);
			continue;
		}
		json_t *rec = rp_jnew(json_object());
		rp_jset(rec, "summary", jstr(r->recommendation, &tmp));
		json_t *reps = rp_jnew(json_array());
		for (size_t k = 0; k < r->nreports; k++) {
			const struct sc_portfolio_report *rp = &r->reports[k];
			json_t *ro = rp_jnew(json_object());
			rp_jset(ro, "id",
			                    json_string(sc_report_id_str(rp->id)));
			rp_jset(ro, "type",
			                    rp->type < SC_RTYPE_COUNT
			                            ? json_string(sc_rtype_id_str(rp->type))
			                            : json_null());
			rp_jset(ro, "period_months",
			                    rp->period_months > 0
			                            ? json_integer(rp->period_months)
			                            : json_null());
			rp_jpush(reps, ro);
		}
		rp_jset(rec, "reports", reps);
		rp_jset(o, "recommendation", rec);
		json_t *cats = rp_jnew(json_array());
		for (int c = 0; c < SC_CAT_COUNT; c++)
			if (r->categories & (1u << c))
				rp_jpush(cats,
				                      json_string(sc_category_id_str(c)));
		rp_jset(o, "categories", cats);
		json_t *rd = rp_jnew(json_object());
		rp_jset(rd, "score", r->has_score
		                                         ? json_integer(r->score)
		                                         : json_null());
		rp_jset(rd, "in_place",
		                    json_integer((json_int_t)r->in_place));
		rp_jset(rd, "total", json_integer((json_int_t)r->items));
		rp_jset(o, "readiness", rd);
		rp_jset(o, "high_gaps",
		                    json_integer((json_int_t)r->high_gaps));
		rp_jset(o, "to_confirm",
		                    json_integer((json_int_t)r->to_confirm));
		json_t *un = rp_jnew(json_array());
		for (size_t k = 0; k < r->nunanswered; k++)
			rp_jpush(un, jstr(r->unanswered[k], &tmp));
		rp_jset(o, "unanswered", un);
		rp_jset(o, "complete", json_boolean(r->nunanswered == 0));
		rp_jset(o, "answered",
		                    json_integer((json_int_t)r->answered));
		rp_jset(o, "applicable",
		                    json_integer((json_int_t)r->applicable));
		/* After the keys documented first, as docs/README.md
		 * promises for keys added later. */
		rp_jset(o, "migrated_from", r->migrated_from
		                                    ? jstr(r->migrated_from, &tmp)
		                                    : json_null());
		/* A review: its outcome (null: none yet) and next review. */
		if (r->has_outcome) {
			rp_jset(o, "outcome", r->outcome ? jstr(r->outcome, &tmp)
			                                 : json_null());
			rp_jset(o, "next_review", *r->next_review
			                                  ? json_string(r->next_review)
			                                  : json_null());
		}
		rp_jpush(arr, o);
	}
	rp_jset(root, "sessions", arr);
	rp_json_dump(root, out);
	json_decref(root);
	sc_buf_fini(&tmp);
}

bool
sc_portfolio_render(const struct sc_portfolio *p, enum sc_format fmt,
                    const struct sc_report_opts *opts, struct sc_buf *out)
{
	switch (fmt) {
	case SC_FMT_TEXT:
		render_text(p, opts ? opts->width : 0, out);
		return true;
	case SC_FMT_CSV: render_csv(p, out); return true;
	case SC_FMT_JSON: render_json(p, opts, out); return true;
	case SC_FMT_MARKDOWN:
	case SC_FMT_HTML:
	case SC_FMT_COUNT: break;
	}
	return false;
}
