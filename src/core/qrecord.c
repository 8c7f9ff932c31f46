/* Outcomes, the report's header, the next review, the disclaimer and the
 * {{question_id}} placeholders: read and checked after the rest of a
 * questionnaire (see qrecord.h). */
#include "qrecord.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/vocab.h"

#define MONTHS_MAX 120

static const char *const outcome_keys[] = {"id", "title", "help",
                                           "exclusive", NULL};
static const char *const outcome_required[] = {"id", "title", "help", NULL};
static const char *const header_keys[] = {"question", "label", NULL};
static const char *const next_review_keys[] = {"after", "months", NULL};

static bool
is_word(const struct sc_ynode *n)
{
	return n && n->kind == SC_Y_SCALAR && !sc_ynode_is_null(n) &&
	       strlen(n->str) == n->len;
}

/* A non-empty text under `key`, copied; NULL (reported unless absent). */
static char *
text_of(const struct sc_ynode *map, const char *key, const char *file,
        struct sc_diags *d)
{
	const struct sc_ynode *n = sc_ymap_get(map, key);
	if (!n)
		return NULL;
	if (n->kind != SC_Y_SCALAR || sc_ynode_is_null(n) || n->len == 0 ||
	    strlen(n->str) != n->len) {
		sc_ydiag(d, file, n, "\"%s\" must be text that is not empty, "
		         "found %s", key, sc_ynode_kind_name(n));
		return NULL;
	}
	return sc_xstrndup(n->str, n->len);
}

/* The question an id node names, or NULL (reported). */
static const struct sc_question *
question_of(const struct sc_questionnaire *q, const struct sc_ynode *n,
            const char *key, const char *file, struct sc_diags *d)
{
	char shown[SC_YQUOTE_SIZE];
	if (!is_word(n)) {
		sc_ydiag(d, file, n, "\"%s\" must be the id of a question, "
		         "found %s", key, sc_ynode_kind_name(n));
		return NULL;
	}
	const struct sc_question *qn = sc_questionnaire_find(q, n->str);
	if (!qn)
		sc_ydiag(d, file, n, "\"%s\" names \"%s\", which is not a "
		         "question", key, sc_ynode_quote(n, shown, sizeof shown));
	return qn;
}

/* ---- outcomes ------------------------------------------------------------- */

static void
parse_outcomes(struct sc_questionnaire *q, const struct sc_ynode *list,
               const char *file, struct sc_diags *d)
{
	if (list->kind != SC_Y_SEQ) {
		sc_ydiag(d, file, list, "\"outcomes\" must be a list of "
		         "outcomes, best first, found %s",
		         sc_ynode_kind_name(list));
		return;
	}
	if (list->n == 0) {
		sc_ydiag(d, file, list, "\"outcomes\" is empty: give at least "
		         "one, or leave the key out");
		return;
	}
	q->outcomes = sc_xcalloc(list->n, sizeof *q->outcomes);
	for (size_t i = 0; i < list->n; i++) {
		const struct sc_ynode *m = list->items[i];
		if (m->kind != SC_Y_MAP) {
			sc_ydiag(d, file, m, "an outcome must be a mapping "
			         "{id, title, help}, found %s",
			         sc_ynode_kind_name(m));
			continue;
		}
		const struct sc_ynode *idn = sc_ymap_get(m, "id");
		char what[SC_YQUOTE_SIZE + 16], shown[SC_YQUOTE_SIZE];
		if (is_word(idn))
			snprintf(what, sizeof what, "outcome \"%s\"",
			         sc_ynode_quote(idn, shown, sizeof shown));
		else
			snprintf(what, sizeof what, "the outcome at line %d",
			         m->line);
		sc_ymap_check_keys(m, outcome_keys, outcome_required, what, file,
		                   d);
		if (idn && (!is_word(idn) ||
		            !sc_id_valid(idn->str, idn->len, false))) {
			sc_ydiag(d, file, idn, "invalid outcome id \"%s\": ids are "
			         "1 to %d characters: a lower-case letter, then "
			         "lower-case letters, digits and \"_\"",
			         sc_ynode_quote(idn, shown, sizeof shown), SC_ID_MAX);
			continue;
		}
		if (!idn)
			continue;
		for (size_t k = 0; k < q->noutcomes; k++)
			if (strcmp(q->outcomes[k].id, idn->str) == 0) {
				sc_ydiag(d, file, idn, "duplicate outcome id \"%s\" "
				         "(first at line %d)", idn->str,
				         q->outcomes[k].line);
				idn = NULL;
				break;
			}
		if (!idn)
			continue;
		struct sc_outcome_def *o = &q->outcomes[q->noutcomes++];
		o->id = sc_xstrdup(idn->str);
		o->line = idn->line;
		o->col = idn->col;
		o->title = text_of(m, "title", file, d);
		o->help = text_of(m, "help", file, d);
		const struct sc_ynode *ex = sc_ymap_get(m, "exclusive");
		if (ex && !sc_ynode_bool(ex, &o->exclusive))
			sc_ydiag(d, file, ex, "\"exclusive\" must be true or "
			         "false, found %s", sc_ynode_kind_name(ex));
	}
}

void
qr_rule_outcome(struct qr_pending *p, size_t rule, const struct sc_ynode *n,
                const char *file, struct sc_diags *d)
{
	char shown[SC_YQUOTE_SIZE];
	if (!is_word(n) || !sc_id_valid(n->str, n->len, false)) {
		sc_ydiag(d, file, n, "\"outcome\" must be the id of one of the "
		         "questionnaire's outcomes, found %s",
		         is_word(n) ? sc_ynode_quote(n, shown, sizeof shown)
		                    : sc_ynode_kind_name(n));
		return;
	}
	p->outs = sc_xrealloc(p->outs, (p->nouts + 1) * sizeof *p->outs);
	struct qr_outcome_ref *o = &p->outs[p->nouts++];
	o->rule = rule;
	o->id = sc_xstrdup(n->str);
	o->line = n->line;
	o->col = n->col;
}

static void
resolve_outcomes(struct sc_questionnaire *q, const struct qr_pending *p,
                 const char *file, struct sc_diags *d)
{
	for (size_t i = 0; i < p->nouts; i++) {
		const struct qr_outcome_ref *o = &p->outs[i];
		if (q->noutcomes == 0) {
			sc_diags_add(d, file, o->line, o->col,
			             "rule \"%s\" proposes the outcome \"%s\", but the "
			             "questionnaire has no \"outcomes\" list",
			             q->rules[o->rule].id ? q->rules[o->rule].id
			                                  : "?",
			             o->id);
			continue;
		}
		size_t k = 0;
		while (k < q->noutcomes && strcmp(q->outcomes[k].id, o->id) != 0)
			k++;
		if (k < q->noutcomes) {
			q->rules[o->rule].outcome = k;
			continue;
		}
		struct sc_buf b = {0};
		for (size_t j = 0; j < q->noutcomes; j++)
			sc_buf_printf(&b, "%s%s", j ? ", " : "", q->outcomes[j].id);
		sc_diags_add(d, file, o->line, o->col,
		             "unknown outcome \"%s\"; expected one of: %s", o->id,
		             sc_buf_str(&b));
		sc_buf_fini(&b);
	}
}

/* ---- header, next review -------------------------------------------------- */

/* A list of {question, label} (`header:`, `system_boundary:`). */
static void
parse_fields(struct sc_questionnaire *q, const struct sc_ynode *list,
             const char *key, const char *what,
             struct sc_header_field **out, size_t *nout, const char *file,
             struct sc_diags *d)
{
	if (list->kind != SC_Y_SEQ) {
		sc_ydiag(d, file, list, "\"%s\" must be a list of {question, "
		         "label}, found %s", key, sc_ynode_kind_name(list));
		return;
	}
	*out = list->n ? sc_xcalloc(list->n, sizeof **out) : NULL;
	for (size_t i = 0; i < list->n; i++) {
		const struct sc_ynode *m = list->items[i];
		if (m->kind != SC_Y_MAP) {
			sc_ydiag(d, file, m, "%s must be a mapping "
			         "{question, label}, found %s", what,
			         sc_ynode_kind_name(m));
			continue;
		}
		sc_ymap_check_keys(m, header_keys, header_keys, what, file, d);
		const struct sc_ynode *qn = sc_ymap_get(m, "question");
		const struct sc_question *found =
			qn ? question_of(q, qn, "question", file, d) : NULL;
		char *label = text_of(m, "label", file, d);
		if (!found || !label) {
			free(label);
			continue;
		}
		(*out)[*nout].question = found->index;
		(*out)[*nout].label = label;
		(*nout)++;
	}
}

static void
parse_next_review(struct sc_questionnaire *q, const struct sc_ynode *m,
                  const char *file, struct sc_diags *d)
{
	if (m->kind != SC_Y_MAP) {
		sc_ydiag(d, file, m, "\"next_review\" must be a mapping {after, "
		         "months}, found %s", sc_ynode_kind_name(m));
		return;
	}
	sc_ymap_check_keys(m, next_review_keys, next_review_keys,
	                   "\"next_review\"", file, d);
	const struct sc_ynode *after = sc_ymap_get(m, "after");
	const struct sc_ynode *months = sc_ymap_get(m, "months");
	const struct sc_question *qn =
		after ? question_of(q, after, "after", file, d) : NULL;
	if (qn && qn->type != SC_Q_DATE) {
		sc_ydiag(d, file, after, "\"after\" must name a date question; "
		         "\"%s\" is a %s question", qn->id,
		         sc_qtype_id_str(qn->type));
		qn = NULL;
	}
	long long v = 0;
	bool ok = months && sc_ynode_int(months, &v) && v >= 1 &&
	          v <= MONTHS_MAX;
	if (months && !ok)
		sc_ydiag(d, file, months, "\"months\" must be a whole number "
		         "from 1 to %d", MONTHS_MAX);
	if (qn && ok) {
		q->next_review_after = qn->index;
		q->next_review_months = (int)v;
	}
}

/* ---- placeholders --------------------------------------------------------- */

bool
qr_placeholder_next(const char *text, size_t from, size_t *at, size_t *len,
                    const char **id, size_t *idlen)
{
	const char *s = text ? strstr(text + from, "{{") : NULL;
	if (!s)
		return false;
	*at = (size_t)(s - text);
	const char *b = s + 2, *e = strstr(b, "}}");
	*len = e ? (size_t)(e + 2 - s) : 0;
	if (!e)
		e = b + strlen(b);
	while (b < e && *b == ' ')
		b++;
	while (e > b && e[-1] == ' ')
		e--;
	*id = b;
	*idlen = (size_t)(e - b);
	return true;
}

/* Note a text holding "{{" (item: its index in a scope effect's list). */
static void
text_ref(struct qr_pending *p, size_t rule, enum qr_field f, size_t item,
         const struct sc_ynode *n)
{
	if (!is_word(n) || !strstr(n->str, "{{"))
		return;
	p->texts = sc_xrealloc(p->texts, (p->ntexts + 1) * sizeof *p->texts);
	struct qr_text_ref *t = &p->texts[p->ntexts++];
	t->rule = rule;
	t->field = f;
	t->item = item;
	sc_ynode_spot(n, &t->spot);
}

void
qr_rule_texts(struct qr_pending *p, size_t rule, const struct sc_ynode *map)
{
	const struct sc_ynode *gap = sc_ymap_get(map, "gap");
	text_ref(p, rule, QR_BECAUSE, 0, sc_ymap_get(map, "because"));
	text_ref(p, rule, QR_NEXT_STEP, 0, sc_ymap_get(map, "next_step"));
	text_ref(p, rule, QR_DECISION, 0, sc_ymap_get(map, "decision"));
	text_ref(p, rule, QR_ADVICE, 0, sc_ymap_get(gap, "advice"));
	/* The scope effects' texts, in the order the loader keeps them. */
	static const char *const keys[] = {"objective", "cuec", "subservice",
	                                   "boundary_note"};
	size_t item = 0;
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		const struct sc_ynode *n = sc_ymap_get(map, keys[k]);
		if (!n)
			continue;
		if (n->kind == SC_Y_SEQ)
			for (size_t i = 0; i < n->n; i++) {
				if (is_word(n->items[i]))
					text_ref(p, rule, QR_SCOPE, item, n->items[i]);
				item += is_word(n->items[i]);
			}
		else {
			text_ref(p, rule, QR_SCOPE, item, n);
			item += is_word(n);
		}
	}
}

static const char *
field_text(const struct sc_rule *r, enum qr_field f, size_t item)
{
	switch (f) {
	case QR_BECAUSE: return r->because;
	case QR_NEXT_STEP: return r->next_step;
	case QR_DECISION: return r->decision;
	case QR_ADVICE: return r->gap ? r->gap->advice : NULL;
	case QR_SCOPE:
		return item < r->nscope_texts ? r->scope_texts[item].text : NULL;
	}
	return NULL;
}

static void
check_texts(const struct sc_questionnaire *q, const struct qr_pending *p,
            const char *file, struct sc_diags *d)
{
	for (size_t i = 0; i < p->ntexts; i++) {
		const struct qr_text_ref *t = &p->texts[i];
		const char *s = field_text(&q->rules[t->rule], t->field, t->item);
		size_t slen = s ? strlen(s) : 0;
		size_t at = 0, len, idlen;
		const char *id;
		for (size_t from = 0;
		     s && qr_placeholder_next(s, from, &at, &len, &id, &idlen);
		     from = at + (len ? len : 2)) {
			int line, col;
			sc_yspot_pos(&t->spot, s, slen, at, &line, &col);
			if (!len) {
				sc_diags_add(d, file, line, col, "\"{{\" is not "
				             "closed by \"}}\": write {{question_id}} "
				             "to show an answer");
				break;
			}
			char name[SC_ID_MAX + 1];
			bool ok = idlen <= SC_ID_MAX;
			if (ok) {
				memcpy(name, id, idlen);
				name[idlen] = '\0';
				ok = sc_id_valid(name, idlen, false) &&
				     sc_questionnaire_find(q, name) != NULL;
			}
			if (!ok)
				sc_diags_add(d, file, line, col,
				             "\"%.*s\" names no question: write "
				             "{{question_id}} with the id of a question "
				             "to show its answer",
				             len > 80 ? 80 : (int)len, s + at);
		}
	}
}

/* ---- the whole ------------------------------------------------------------ */

void
qr_finish(struct sc_questionnaire *q, const struct sc_ynode *root,
          struct qr_pending *p, const char *file, struct sc_diags *d)
{
	const struct sc_ynode *n;
	if ((n = sc_ymap_get(root, "outcomes")))
		parse_outcomes(q, n, file, d);
	if ((n = sc_ymap_get(root, "header")))
		parse_fields(q, n, "header", "a header line", &q->header,
		             &q->nheader, file, d);
	if ((n = sc_ymap_get(root, "system_boundary")))
		parse_fields(q, n, "system_boundary", "a line of the system "
		             "boundary", &q->boundary, &q->nboundary, file, d);
	if ((n = sc_ymap_get(root, "next_review")))
		parse_next_review(q, n, file, d);
	q->disclaimer = text_of(root, "disclaimer", file, d);
	resolve_outcomes(q, p, file, d);
	check_texts(q, p, file, d);
	for (size_t i = 0; i < q->nrules && !q->recommends; i++) {
		const struct sc_rule *r = &q->rules[i];
		q->recommends = r->recommend || r->recommend_none || r->ntypes ||
		                r->scope_in || r->scope_out;
	}
}

void
qr_pending_fini(struct qr_pending *p)
{
	for (size_t i = 0; i < p->nouts; i++)
		free(p->outs[i].id);
	free(p->outs);
	free(p->texts);
	memset(p, 0, sizeof *p);
}

void
qr_free(struct sc_questionnaire *q)
{
	for (size_t i = 0; i < q->noutcomes; i++) {
		free(q->outcomes[i].id);
		free(q->outcomes[i].title);
		free(q->outcomes[i].help);
	}
	free(q->outcomes);
	for (size_t i = 0; i < q->nheader; i++)
		free(q->header[i].label);
	free(q->header);
	for (size_t i = 0; i < q->nboundary; i++)
		free(q->boundary[i].label);
	free(q->boundary);
	free(q->disclaimer);
}
