/* Migrations between questionnaire versions: reading and checking them
 * (sc_migrations_parse), finding the chain from an older version, and
 * applying it to answers as they are read (mig_apply, for answers.c). */
#include "migrate_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/engine.h"
#include "socscope/questionnaire.h"
#include "socscope/vocab.h"

/* ---- the model ---------------------------------------------------------- */

static void
sets_free(struct sc_mset *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].question);
		for (size_t k = 0; k < s[i].nvalues; k++)
			free(s[i].values[k]);
		free(s[i].values);
	}
	free(s);
}

static void
value_fini(struct sc_mvalue *v)
{
	free(v->from);
	free(v->to);
	sets_free(v->set, v->nset);
}

static void
change_fini(struct sc_mchange *c)
{
	free(c->question);
	free(c->text);
	for (size_t i = 0; i < c->nvalues; i++)
		value_fini(&c->values[i]);
	free(c->values);
	free(c->rename);
	for (size_t i = 0; i < c->ncopy; i++)
		free(c->copy[i]);
	free(c->copy);
	free(c->note_on);
	sets_free(c->also, c->nalso);
}

void
sc_migrations_free(struct sc_migration *m, size_t n)
{
	for (size_t i = 0; m && i < n; i++) {
		free(m[i].from);
		free(m[i].to);
		for (size_t k = 0; k < m[i].nchanges; k++)
			change_fini(&m[i].changes[k]);
		free(m[i].changes);
		for (size_t k = 0; k < m[i].nadded; k++)
			free(m[i].added[k]);
		free(m[i].added);
	}
	free(m);
}

/* ---- reading ------------------------------------------------------------ */

struct mparser {
	const char *file;
	struct sc_diags *d;
	struct sc_questionnaire *q;
};

#define perr(P, n, ...) sc_ydiag((P)->d, (P)->file, (n), __VA_ARGS__)

/* A scalar's text (a version, an id, a value), or NULL after reporting. */
static char *
scalar(struct mparser *P, const struct sc_ynode *n, const char *what)
{
	if (!n || n->kind != SC_Y_SCALAR || (sc_ynode_is_null(n) && !n->quoted) ||
	    strlen(n->str) != n->len) {
		perr(P, n, "%s must be text, found %s", what,
		     sc_ynode_kind_name(n));
		return NULL;
	}
	return sc_xstrndup(n->str, n->len);
}

static const char *const migration_keys[] = {"from", "to", "changes",
                                             "added", NULL};
static const char *const migration_required[] = {"from", "to", "changes",
                                                 NULL};
static const char *const change_keys[] = {"question", "text", "values",
                                          "to_list", "convert", "rename",
                                          "retire", "note_on", "also",
                                          "copy", NULL};
static const char *const change_required[] = {"question", NULL};

static bool
is_id(const char *s)
{
	return s && sc_id_valid(s, strlen(s), false);
}

/* A mapping of question ids to answers (one value, or a list of choice
 * ids): into *out, *n. */
static void
parse_sets(struct mparser *P, const struct sc_ynode *v, struct sc_mset **out,
           size_t *n)
{
	*out = sc_xcalloc(v->n ? v->n : 1, sizeof **out);
	*n = 0;
	for (size_t j = 0; j < v->n; j++) {
		char *qid = scalar(P, v->keys[j], "a question id");
		if (!qid)
			continue;
		const struct sc_ynode *x = v->items[j];
		struct sc_mset *s = &(*out)[*n];
		if (x->kind == SC_Y_SCALAR && !(sc_ynode_is_null(x) && !x->quoted)) {
			s->values = sc_xcalloc(1, sizeof *s->values);
			s->values[s->nvalues++] = sc_xstrndup(x->str, x->len);
		} else if (x->kind == SC_Y_SEQ && x->n > 0) {
			s->list = true;
			s->values = sc_xcalloc(x->n, sizeof *s->values);
			for (size_t k = 0; k < x->n; k++) {
				char *t = scalar(P, x->items[k], "a choice id");
				if (t)
					s->values[s->nvalues++] = t;
			}
		} else {
			perr(P, x,
			     "the answer to give \"%s\" must be one value or a "
			     "list of choice ids, found %s",
			     qid, sc_ynode_kind_name(x));
			free(qid);
			continue;
		}
		s->question = qid;
		(*n)++;
	}
}

static void
parse_values(struct mparser *P, struct sc_mchange *c,
             const struct sc_ynode *m)
{
	if (m->kind != SC_Y_MAP) {
		perr(P, m, "\"values\" must map old values to new ones, found %s",
		     sc_ynode_kind_name(m));
		return;
	}
	c->values = sc_xcalloc(m->n ? m->n : 1, sizeof *c->values);
	for (size_t i = 0; i < m->n; i++) {
		const struct sc_ynode *k = m->keys[i], *v = m->items[i];
		struct sc_mvalue *mv = &c->values[c->nvalues];
		mv->from = scalar(P, k, "an old value");
		if (!mv->from)
			continue;
		mv->line = k->line;
		mv->col = k->col;
		c->nvalues++;
		if (v->kind == SC_Y_SCALAR && !v->quoted && sc_ynode_is_null(v)) {
			mv->kind = SC_MV_DROP;
		} else if (v->kind == SC_Y_SCALAR) {
			mv->kind = SC_MV_VALUE;
			mv->to = sc_xstrndup(v->str, v->len);
		} else if (v->kind == SC_Y_MAP) {
			mv->kind = SC_MV_SET;
			parse_sets(P, v, &mv->set, &mv->nset);
		} else {
			perr(P, v, "a new value must be a value, null (dropped) or "
			           "a mapping of question ids to answers, found %s",
			     sc_ynode_kind_name(v));
		}
	}
}

static void
parse_change(struct mparser *P, struct sc_migration *mg,
             const struct sc_ynode *n)
{
	if (n->kind != SC_Y_MAP) {
		perr(P, n, "a change must be a mapping, found %s",
		     sc_ynode_kind_name(n));
		return;
	}
	sc_ymap_check_keys(n, change_keys, change_required, "a change",
	                   P->file, P->d);
	struct sc_mchange *c = &mg->changes[mg->nchanges++];
	c->line = n->line;
	c->col = n->col;
	const struct sc_ynode *x = sc_ymap_get(n, "question");
	if (x) {
		c->question = scalar(P, x, "\"question\"");
		if (c->question && !is_id(c->question))
			perr(P, x, "\"question\" must be a question id, found \"%s\"",
			     c->question);
	}
	if ((x = sc_ymap_get(n, "text")))
		c->text = scalar(P, x, "\"text\"");
	if ((x = sc_ymap_get(n, "values")))
		parse_values(P, c, x);
	if ((x = sc_ymap_get(n, "also"))) {
		if (x->kind == SC_Y_MAP)
			parse_sets(P, x, &c->also, &c->nalso);
		else
			perr(P, x, "\"also\" must map question ids to answers, "
			           "found %s",
			     sc_ynode_kind_name(x));
	}
	if ((x = sc_ymap_get(n, "to_list")) && !sc_ynode_bool(x, &c->to_list))
		perr(P, x, "\"to_list\" must be true or false");
	if ((x = sc_ymap_get(n, "convert"))) {
		const char *s = sc_ynode_str(x);
		if (s && strcmp(s, "months_before_saved") == 0)
			c->convert = SC_MC_MONTHS_BEFORE_SAVED;
		else if (s && strcmp(s, "months_after_saved") == 0)
			c->convert = SC_MC_MONTHS_AFTER_SAVED;
		else
			perr(P, x, "\"convert\" must be months_before_saved or "
			           "months_after_saved");
	}
	if ((x = sc_ymap_get(n, "rename"))) {
		c->rename = scalar(P, x, "\"rename\"");
		if (c->rename && !is_id(c->rename))
			perr(P, x, "\"rename\" must be a question id, found \"%s\"",
			     c->rename);
	}
	if ((x = sc_ymap_get(n, "copy"))) {
		if (x->kind == SC_Y_SEQ) {
			c->copy = sc_xcalloc(x->n ? x->n : 1, sizeof *c->copy);
			for (size_t i = 0; i < x->n; i++) {
				char *id = scalar(P, x->items[i], "a question id");
				if (id)
					c->copy[c->ncopy++] = id;
			}
		} else {
			perr(P, x, "\"copy\" must be a list of question ids, "
			           "found %s",
			     sc_ynode_kind_name(x));
		}
	}
	if ((x = sc_ymap_get(n, "retire")) && !sc_ynode_bool(x, &c->retire))
		perr(P, x, "\"retire\" must be true or false");
	if ((x = sc_ymap_get(n, "note_on")))
		c->note_on = scalar(P, x, "\"note_on\"");
	if (c->retire && !c->note_on)
		perr(P, n, "a retired question needs \"note_on\": the question "
		           "that keeps its old answer as a note");
	if (c->retire && (c->rename || c->nvalues || c->to_list || c->convert ||
	                  c->ncopy))
		perr(P, n, "a retired question takes no other change");
	if (!c->retire && !c->rename && !c->nvalues && !c->to_list &&
	    !c->convert && !c->nalso && !c->ncopy)
		perr(P, n, "a change must say what changed: values, to_list, "
		           "convert, rename, retire or also");
}

/* The migrations in the order they apply to the oldest answers: found by
 * walking back from q->version.  Writes indices to order[] and returns
 * how many are on that path. */
static size_t
path_back(const struct sc_questionnaire *q, size_t *order)
{
	size_t n = 0;
	const char *want = q->version;
	while (want && n < q->nmigrations) {
		size_t found = SIZE_MAX;
		for (size_t i = 0; i < q->nmigrations; i++)
			if (q->migrations[i].to &&
			    strcmp(q->migrations[i].to, want) == 0)
				found = i;
		if (found == SIZE_MAX)
			break;
		for (size_t k = 0; k < n; k++)
			if (order[k] == found)
				return n; /* a loop: stop */
		order[n++] = found;
		want = q->migrations[found].from;
	}
	/* Reverse into application order. */
	for (size_t i = 0; i < n / 2; i++) {
		size_t t = order[i];
		order[i] = order[n - 1 - i];
		order[n - 1 - i] = t;
	}
	return n;
}

/* Is `id` changed by a step after position k of `order`? */
static bool
changed_later(const struct sc_questionnaire *q, const size_t *order,
              size_t n, size_t k, const char *id)
{
	for (size_t j = k + 1; j < n; j++) {
		const struct sc_migration *m = &q->migrations[order[j]];
		for (size_t c = 0; c < m->nchanges; c++)
			if (m->changes[c].question &&
			    strcmp(m->changes[c].question, id) == 0)
				return true;
	}
	return false;
}

/* Does `value` fit question qn as an answers file writes it? */
static bool
value_fits(const struct sc_question *qn, const char *value)
{
	sc_day day;
	switch (qn->type) {
	case SC_Q_YESNO:
		return strcmp(value, "true") == 0 || strcmp(value, "false") == 0 ||
		       (qn->allow_unsure && strcmp(value, "unsure") == 0);
	case SC_Q_SINGLE:
	case SC_Q_MULTI:
		return sc_question_find_choice(qn, value) >= 0;
	case SC_Q_NUMBER:
	case SC_Q_TEXT:
		return true;
	case SC_Q_DATE:
		if (strlen(value) == 7 && value[0] == '-' && value[1] == '-') {
			char full[11];
			snprintf(full, sizeof full, "2000%s", value + 1);
			return sc_date_parse(full, &day, NULL);
		}
		return sc_date_parse(value, &day, NULL);
	}
	return false;
}

/* A question the newest version must have (when no later step changes
 * it), and a value it must take. */
static void
check_target(struct mparser *P, const size_t *order, size_t n, size_t k,
             const char *id, const char *value, int line, int col,
             const char *what)
{
	if (!id || changed_later(P->q, order, n, k, id))
		return;
	const struct sc_question *qn = sc_questionnaire_find(P->q, id);
	if (!qn) {
		sc_diags_add(P->d, P->file, line, col,
		             "%s names question \"%s\", which version %s of this "
		             "questionnaire does not have",
		             what, id, P->q->version ? P->q->version : "?");
		return;
	}
	if (value && !value_fits(qn, value))
		sc_diags_add(P->d, P->file, line, col,
		             "\"%s\" is not an answer question \"%s\" (%s) can "
		             "take",
		             value, id, sc_qtype_id_str(qn->type));
}

/* The answers a migration gives one question: the question once, then
 * each value when the question is there to take it. */
static void
check_set(struct mparser *P, const size_t *order, size_t n, size_t k,
          const struct sc_mset *set, int line, int col, const char *what)
{
	if (!set->question)
		return;
	if (!sc_questionnaire_find(P->q, set->question)) {
		check_target(P, order, n, k, set->question, NULL, line, col, what);
		return;
	}
	for (size_t x = 0; x < set->nvalues; x++)
		check_target(P, order, n, k, set->question, set->values[x], line,
		             col, what);
}

/* Does every old value of the change answer other questions only (the
 * question split into others, its own id gone)? */
static bool
split_only(const struct sc_mchange *c)
{
	if (!c->nvalues)
		return false;
	for (size_t i = 0; i < c->nvalues; i++) {
		const struct sc_mvalue *v = &c->values[i];
		if (v->kind != SC_MV_SET)
			return false;
		for (size_t k = 0; k < v->nset; k++)
			if (v->set[k].question &&
			    strcmp(v->set[k].question, c->question) == 0)
				return false;
	}
	return true;
}

static void
check_chain(struct mparser *P, const struct sc_ynode *list)
{
	struct sc_questionnaire *q = P->q;
	size_t *order = sc_xcalloc(q->nmigrations + 1, sizeof *order);
	size_t n = path_back(q, order);
	/* Every migration must be on the path to this version. */
	for (size_t i = 0; i < q->nmigrations; i++) {
		const struct sc_migration *m = &q->migrations[i];
		bool on = false;
		for (size_t k = 0; k < n; k++)
			on = on || order[k] == i;
		for (size_t j = 0; j < i; j++)
			if (m->from && q->migrations[j].from &&
			    strcmp(m->from, q->migrations[j].from) == 0)
				sc_diags_add(P->d, P->file, m->line, m->col,
				             "a second migration from version %s "
				             "(the first is at line %d)",
				             m->from, q->migrations[j].line);
		if (!on && m->from && m->to)
			sc_diags_add(P->d, P->file, m->line, m->col,
			             "the migration from %s to %s does not lead to "
			             "this questionnaire's version %s",
			             m->from, m->to, q->version ? q->version : "?");
	}
	(void)list;
	for (size_t k = 0; k < n; k++) {
		const struct sc_migration *m = &q->migrations[order[k]];
		for (size_t c = 0; c < m->nchanges; c++) {
			const struct sc_mchange *ch = &m->changes[c];
			/* NULL when the change names no question (reported
			 * where it is read). */
			const char *now = ch->rename ? ch->rename : ch->question;
			/* Kept under its id, it must still be asked (a typo
			 * here would leave old answers unmigrated), unless
			 * every old value answers other questions instead. */
			if (!ch->rename && !ch->retire && ch->question &&
			    !split_only(ch) &&
			    !changed_later(q, order, n, k, ch->question) &&
			    !sc_questionnaire_find(q, ch->question))
				sc_diags_add(P->d, P->file, ch->line, ch->col,
				             "question \"%s\" is neither renamed "
				             "nor retired, so version %s of this "
				             "questionnaire must have it, and it "
				             "does not",
				             ch->question,
				             q->version ? q->version : "?");
			if (ch->rename)
				check_target(P, order, n, k, ch->rename, NULL,
				             ch->line, ch->col, "\"rename\"");
			/* Two old answers would land on one question. */
			for (size_t o = 0; ch->rename && o < c; o++)
				if (m->changes[o].rename &&
				    strcmp(m->changes[o].rename, ch->rename) == 0)
					sc_diags_add(P->d, P->file, ch->line,
					             ch->col,
					             "\"%s\" is renamed to \"%s\" "
					             "as \"%s\" is (at line %d); "
					             "one question cannot take both "
					             "answers",
					             ch->question, ch->rename,
					             m->changes[o].question,
					             m->changes[o].line);
			if (ch->note_on)
				check_target(P, order, n, k, ch->note_on, NULL,
				             ch->line, ch->col, "\"note_on\"");
			for (size_t i = 0; i < ch->ncopy; i++)
				check_target(P, order, n, k, ch->copy[i], NULL,
				             ch->line, ch->col, "\"copy\"");
			for (size_t v = 0; v < ch->nvalues; v++) {
				const struct sc_mvalue *mv = &ch->values[v];
				if (mv->kind == SC_MV_VALUE && !ch->convert)
					check_target(P, order, n, k, now, mv->to,
					             mv->line, mv->col, "a new value");
				for (size_t s = 0; s < mv->nset; s++)
					check_set(P, order, n, k, &mv->set[s],
					          mv->line, mv->col,
					          "a value's new answer");
			}
			for (size_t s = 0; s < ch->nalso; s++)
				check_set(P, order, n, k, &ch->also[s], ch->line,
				          ch->col, "\"also\"");
			if (ch->convert && now && !changed_later(q, order, n, k, now)) {
				const struct sc_question *qn =
					sc_questionnaire_find(q, now);
				if (qn && qn->type != SC_Q_DATE)
					sc_diags_add(P->d, P->file, ch->line, ch->col,
					             "\"convert\" makes a date, but "
					             "question \"%s\" is %s",
					             now, sc_qtype_id_str(qn->type));
			}
			if (ch->to_list && now && !changed_later(q, order, n, k, now)) {
				const struct sc_question *qn =
					sc_questionnaire_find(q, now);
				if (qn && qn->type != SC_Q_MULTI)
					sc_diags_add(P->d, P->file, ch->line, ch->col,
					             "\"to_list\" makes a list, but "
					             "question \"%s\" is %s",
					             now, sc_qtype_id_str(qn->type));
			}
		}
		for (size_t a = 0; a < m->nadded; a++)
			check_target(P, order, n, k, m->added[a], NULL, m->line,
			             m->col, "\"added\"");
	}
	free(order);
}

void
sc_migrations_parse(struct sc_questionnaire *q, const struct sc_ynode *list,
                    const char *file, struct sc_diags *d)
{
	struct mparser P = {file, d, q};
	if (!list)
		return;
	if (list->kind != SC_Y_SEQ) {
		perr(&P, list, "\"migrations\" must be a list, found %s",
		     sc_ynode_kind_name(list));
		return;
	}
	q->migrations = sc_xcalloc(list->n ? list->n : 1, sizeof *q->migrations);
	for (size_t i = 0; i < list->n; i++) {
		const struct sc_ynode *n = list->items[i];
		if (n->kind != SC_Y_MAP) {
			perr(&P, n, "a migration must be a mapping, found %s",
			     sc_ynode_kind_name(n));
			continue;
		}
		sc_ymap_check_keys(n, migration_keys, migration_required,
		                   "a migration", file, d);
		struct sc_migration *m = &q->migrations[q->nmigrations++];
		m->line = n->line;
		m->col = n->col;
		m->from = scalar(&P, sc_ymap_get(n, "from"), "\"from\"");
		m->to = scalar(&P, sc_ymap_get(n, "to"), "\"to\"");
		if (m->from && m->to && strcmp(m->from, m->to) == 0)
			perr(&P, sc_ymap_get(n, "to"),
			     "a migration must go to another version");
		const struct sc_ynode *ch = sc_ymap_get(n, "changes");
		if (ch && ch->kind == SC_Y_SEQ) {
			m->changes = sc_xcalloc(ch->n ? ch->n : 1,
			                        sizeof *m->changes);
			for (size_t k = 0; k < ch->n; k++)
				parse_change(&P, m, ch->items[k]);
		} else if (ch && !(ch->kind == SC_Y_SCALAR &&
		                   sc_ynode_is_null(ch))) {
			perr(&P, ch, "\"changes\" must be a list, found %s",
			     sc_ynode_kind_name(ch));
		}
		const struct sc_ynode *ad = sc_ymap_get(n, "added");
		if (ad && ad->kind == SC_Y_SEQ) {
			m->added = sc_xcalloc(ad->n ? ad->n : 1, sizeof *m->added);
			for (size_t k = 0; k < ad->n; k++) {
				char *id = scalar(&P, ad->items[k], "a question id");
				if (id)
					m->added[m->nadded++] = id;
			}
		} else if (ad) {
			perr(&P, ad, "\"added\" must be a list of question ids, "
			             "found %s",
			     sc_ynode_kind_name(ad));
		}
	}
	check_chain(&P, list);
}

size_t
sc_migration_chain(const struct sc_questionnaire *q, const char *version,
                   size_t *idx)
{
	if (!version || !q->version || strcmp(version, q->version) == 0)
		return 0;
	size_t n = 0;
	const char *at = version;
	while (strcmp(at, q->version) != 0) {
		size_t found = SIZE_MAX;
		for (size_t i = 0; i < q->nmigrations && found == SIZE_MAX; i++)
			if (q->migrations[i].from && q->migrations[i].to &&
			    strcmp(q->migrations[i].from, at) == 0)
				found = i;
		if (found == SIZE_MAX || n == q->nmigrations)
			return SIZE_MAX;
		idx[n++] = found;
		at = q->migrations[found].to;
	}
	return n;
}

/* ---- what a migration did ------------------------------------------------ */

static void
strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static char **
strv_dup(char *const *v, size_t n)
{
	if (!n)
		return NULL;
	char **c = sc_xcalloc(n, sizeof *c);
	for (size_t i = 0; i < n; i++)
		c[i] = sc_xstrdup(v[i]);
	return c;
}

static void
strv_add(char ***v, size_t *n, const char *s, bool unique)
{
	for (size_t i = 0; unique && i < *n; i++)
		if (strcmp((*v)[i], s) == 0)
			return;
	*v = sc_xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = sc_xstrdup(s);
}

void
sc_migrated_free(struct sc_migrated *m)
{
	if (!m)
		return;
	free(m->from);
	free(m->to);
	strv_free(m->carried, m->ncarried);
	strv_free(m->retired, m->nretired);
	strv_free(m->added, m->nadded);
	strv_free(m->assumed, m->nassumed);
	free(m->kept_path);
	free(m);
}

struct sc_migrated *
sc_migrated_clone(const struct sc_migrated *m)
{
	if (!m)
		return NULL;
	struct sc_migrated *c = sc_xcalloc(1, sizeof *c);
	c->from = sc_xstrdup(m->from);
	c->to = sc_xstrdup(m->to);
	c->carried = strv_dup(m->carried, m->ncarried);
	c->ncarried = m->ncarried;
	c->retired = strv_dup(m->retired, m->nretired);
	c->nretired = m->nretired;
	c->added = strv_dup(m->added, m->nadded);
	c->nadded = m->nadded;
	c->assumed = strv_dup(m->assumed, m->nassumed);
	c->nassumed = m->nassumed;
	c->kept = m->kept;
	c->kept_path = sc_xstrdup(m->kept_path);
	return c;
}

void
sc_migrated_summary(const struct sc_migrated *m,
                    const struct sc_questionnaire *q, struct sc_eval *ev,
                    struct sc_buf *out)
{
	if (!m)
		return;
	size_t open = 0;
	for (size_t i = 0; i < m->nadded; i++) {
		const struct sc_question *qn = sc_questionnaire_find(q, m->added[i]);
		if (!qn)
			continue;
		if (ev && (!sc_eval_visible(ev, qn->index) ||
		           sc_eval_answer(ev, qn->index)))
			continue;
		open++;
	}
	sc_buf_printf(out, "Saved under questionnaire %s and read as %s: ",
	              m->from, m->to);
	size_t parts = 0;
	if (m->ncarried) {
		sc_buf_printf(out, "%zu answer%s carried over in a new form",
		              m->ncarried, m->ncarried == 1 ? "" : "s");
		parts++;
	}
	if (open) {
		sc_buf_printf(out, "%s%zu new question%s to answer",
		              parts ? ", " : "", open, open == 1 ? "" : "s");
		parts++;
	}
	if (m->nretired) {
		sc_buf_printf(out, "%s%zu question%s retired (%s kept as a note)",
		              parts ? ", " : "", m->nretired,
		              m->nretired == 1 ? "" : "s",
		              m->nretired == 1 ? "its answer is" : "their answers "
		                                                  "are");
		parts++;
	}
	if (!parts)
		sc_buf_puts(out, "every answer reads as it was");
	sc_buf_putc(out, '.');
}

/* ---- applying ----------------------------------------------------------- */

void
mig_add(struct mig_state *st, const char *id, const struct sc_ynode *val,
        const struct sc_ynode *pos, const char *note)
{
	for (size_t i = 0; i < st->n; i++) {
		struct mig_raw *r = &st->v[i];
		if (strcmp(r->id, id) != 0)
			continue;
		if (val)
			r->val = val;
		if (note) {
			free(r->note);
			r->note = sc_xstrdup(note);
		}
		return;
	}
	st->v = sc_xgrow(st->v, &st->cap, st->n + 1, sizeof *st->v);
	st->v[st->n++] = (struct mig_raw){
		.id = sc_xstrdup(id), .val = val, .pos = pos,
		.note = sc_xstrdup(note)};
}

void
mig_fini(struct mig_state *st)
{
	for (size_t i = 0; i < st->n; i++) {
		free(st->v[i].id);
		free(st->v[i].note);
		free(st->v[i].orig_id);
	}
	free(st->v);
	for (size_t i = 0; i < st->nmade; i++) {
		struct sc_ynode *y = st->made[i];
		free(y->str);
		free(y->items);
		free(y);
	}
	free(st->made);
	memset(st, 0, sizeof *st);
}

static struct mig_raw *
find_raw(struct mig_state *st, const char *id)
{
	for (size_t i = 0; i < st->n; i++)
		if (strcmp(st->v[i].id, id) == 0)
			return &st->v[i];
	return NULL;
}

/* A node of the migrations' own, at the place of `pos`. */
static struct sc_ynode *
make_node(struct mig_state *st, enum sc_ykind kind, const char *text,
          const struct sc_ynode *pos)
{
	struct sc_ynode *y = sc_xcalloc(1, sizeof *y);
	y->kind = kind;
	y->line = pos ? pos->line : 0;
	y->col = pos ? pos->col : 0;
	if (text) {
		y->str = sc_xstrdup(text);
		y->len = strlen(text);
	}
	st->made = sc_xgrow(st->made, &st->capmade, st->nmade + 1,
	                    sizeof *st->made);
	st->made[st->nmade++] = y;
	return y;
}

/* A value as one line of text, for notes: "a, b" for a list. */
static void
raw_text(const struct sc_ynode *v, struct sc_buf *b)
{
	if (!v)
		return;
	if (v->kind == SC_Y_SCALAR) {
		sc_buf_add(b, v->str, strlen(v->str));
		return;
	}
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			sc_buf_puts(b, ", ");
		raw_text(v->items[i], b);
	}
}

static void
add_note(struct mig_state *st, const char *id, const struct sc_ynode *pos,
         const char *text)
{
	struct mig_raw *r = find_raw(st, id);
	if (!r) {
		mig_add(st, id, NULL, pos, NULL);
		r = find_raw(st, id);
	}
	if (r->note && *r->note) {
		char *joined = sc_xasprintf("%s\n%s", r->note, text);
		free(r->note);
		r->note = joined;
	} else {
		free(r->note);
		r->note = sc_xstrdup(text);
	}
}

static const struct sc_mvalue *
find_value(const struct sc_mchange *c, const char *from)
{
	for (size_t i = 0; i < c->nvalues; i++)
		if (strcmp(c->values[i].from, from) == 0)
			return &c->values[i];
	return NULL;
}

/* "--MM-DD": that day in the year the answers were saved. */
static char *
set_value(struct mig_state *st, const char *value)
{
	if (strlen(value) == 7 && value[0] == '-' && value[1] == '-') {
		struct sc_ymd t = sc_day_to_ymd(st->saved);
		int m = atoi(value + 2), d = atoi(value + 5);
		int dim = sc_days_in_month(t.y, m);
		char out[11];
		sc_date_format(sc_day_from_ymd(t.y, m, d > dim ? dim : d), out);
		return sc_xstrdup(out);
	}
	return sc_xstrdup(value);
}

/* Give question `s->question` the answer s: a single value replaces what a
 * migration gave it and is left alone when the file answered it; a list
 * adds its choices to the question's list. */
static void
give(struct mig_state *st, const struct sc_mset *s, const struct sc_ynode *at,
     const struct sc_ynode *pos)
{
	struct mig_raw *t = find_raw(st, s->question);
	if (!s->list) {
		if (t && t->val && !t->changed)
			return;
		char *val = set_value(st, s->values[0]);
		/* Plain, as a file writes true and false. */
		struct sc_ynode *y = make_node(st, SC_Y_SCALAR, val, at);
		free(val);
		mig_add(st, s->question, y, pos, NULL);
		find_raw(st, s->question)->changed = true;
		return;
	}
	const struct sc_ynode *old = t && t->val && t->val->kind == SC_Y_SEQ
	                                     ? t->val
	                                     : NULL;
	if (t && t->val && !old)
		return; /* answered otherwise in the file: leave it */
	struct sc_ynode *list = make_node(st, SC_Y_SEQ, NULL, at);
	size_t cap = (old ? old->n : 0) + s->nvalues;
	list->items = sc_xcalloc(cap ? cap : 1, sizeof *list->items);
	for (size_t i = 0; old && i < old->n; i++)
		list->items[list->n++] = old->items[i];
	for (size_t k = 0; k < s->nvalues; k++) {
		bool have = false;
		for (size_t i = 0; i < list->n; i++)
			have = have || (list->items[i]->kind == SC_Y_SCALAR &&
			                strcmp(list->items[i]->str,
			                       s->values[k]) == 0);
		if (!have)
			list->items[list->n++] =
				make_node(st, SC_Y_SCALAR, s->values[k], at);
	}
	mig_add(st, s->question, list, pos, NULL);
	find_raw(st, s->question)->changed = true;
}

static const char *
who(const struct sc_mchange *c)
{
	return c->text ? c->text : c->question;
}

static bool
apply_values(struct mig_state *st, const struct sc_migration *m,
             const struct sc_mchange *c, struct mig_raw *r)
{
	const struct sc_ynode *v = r->val;
	if (v->kind == SC_Y_SCALAR) {
		if (sc_ynode_is_null(v) && !v->quoted)
			return true;
		const struct sc_mvalue *mv = find_value(c, v->str);
		if (!mv)
			return true; /* unchanged; typing checks it */
		r->changed = true;
		char *old = sc_xstrdup(v->str);
		switch (mv->kind) {
		case SC_MV_VALUE:
			r->val = make_node(st, SC_Y_SCALAR, mv->to, v);
			break;
		case SC_MV_DROP: {
			char *t = sc_xasprintf("Answer kept from questionnaire %s "
			                       "(\"%s\" is no longer offered): %s",
			                       m->from, old, old);
			add_note(st, r->id, r->pos, t);
			free(t);
			r = find_raw(st, c->question);
			r->val = NULL;
			break;
		}
		case SC_MV_SET: {
			const struct sc_ynode *pos = r->pos;
			r->val = NULL;
			r->changed = true;
			for (size_t i = 0; i < mv->nset; i++)
				give(st, &mv->set[i], v, pos);
			break;
		}
		}
		free(old);
		return true;
	}
	if (v->kind != SC_Y_SEQ)
		return true;
	/* A list: each item mapped; an item may also answer other
	 * questions; dropped items are noted. */
	struct sc_ynode *list = make_node(st, SC_Y_SEQ, NULL, v);
	list->items = sc_xcalloc(v->n ? v->n : 1, sizeof *list->items);
	struct sc_buf dropped = {0};
	const struct sc_mvalue **others = sc_xcalloc(v->n ? v->n : 1,
	                                             sizeof *others);
	size_t nothers = 0;
	char *self = sc_xstrdup(r->id);
	const struct sc_ynode *pos = r->pos;
	for (size_t i = 0; i < v->n; i++) {
		const struct sc_ynode *it = v->items[i];
		const struct sc_mvalue *mv =
			it->kind == SC_Y_SCALAR ? find_value(c, it->str) : NULL;
		if (!mv) {
			list->items[list->n++] = (struct sc_ynode *)it;
			continue;
		}
		r->changed = true;
		if (mv->kind == SC_MV_VALUE) {
			list->items[list->n++] =
				make_node(st, SC_Y_SCALAR, mv->to, it);
			continue;
		}
		bool kept = false;
		for (size_t k = 0; k < mv->nset; k++) {
			if (strcmp(mv->set[k].question, self) != 0)
				continue;
			for (size_t x = 0; x < mv->set[k].nvalues; x++)
				list->items[list->n++] = make_node(
					st, SC_Y_SCALAR, mv->set[k].values[x], it);
			kept = true;
		}
		if (mv->kind == SC_MV_SET)
			others[nothers++] = mv;
		if (!kept)
			sc_buf_printf(&dropped, "%s%s", dropped.len ? ", " : "",
			              it->str);
	}
	r->val = list;
	/* Other questions last: giving them answers may move r. */
	for (size_t i = 0; i < nothers; i++)
		for (size_t k = 0; k < others[i]->nset; k++)
			if (strcmp(others[i]->set[k].question, self) != 0)
				give(st, &others[i]->set[k], v, pos);
	free(others);
	r = find_raw(st, self);
	free(self);
	if (dropped.len) {
		char *t = sc_xasprintf("Answer kept from questionnaire %s (no "
		                       "longer offered): %s",
		                       m->from, sc_buf_str(&dropped));
		add_note(st, r->id, r->pos, t);
		free(t);
	}
	sc_buf_fini(&dropped);
	return true;
}

static bool
apply_convert(struct mig_state *st, const struct sc_migration *m,
              const struct sc_mchange *c, struct mig_raw *r)
{
	const struct sc_ynode *v = r->val;
	double x;
	sc_day day;
	if (v->kind == SC_Y_SCALAR && sc_date_parse(v->str, &day, NULL))
		return true; /* already a date */
	if (!sc_ynode_number(v, &x) || x < 0 || x > 12 * 200 ||
	    x != (double)(long)x) {
		sc_ydiag(st->d, st->file, v,
		         "the answer to \"%s\" fits neither questionnaire %s "
		         "(a whole number of months) nor %s (a date "
		         "YYYY-MM-DD)",
		         c->question, m->from, m->to);
		return false;
	}
	long months = (long)x;
	sc_day target = sc_date_month_end(sc_date_add_months(
		st->saved, c->convert == SC_MC_MONTHS_AFTER_SAVED ? months
		                                                  : -months));
	char d[11], s[11];
	sc_date_format(target, d);
	sc_date_format(st->saved, s);
	r->val = make_node(st, SC_Y_SCALAR, d, v);
	r->changed = true;
	char *said = sc_xasprintf(
		"\"%s\": %ld month%s %s %s %s%s, taken as the last day of that "
		"month, %s",
		who(c), months, months == 1 ? "" : "s",
		c->convert == SC_MC_MONTHS_AFTER_SAVED ? "after" : "before",
		st->saved_known ? "the session was saved on" : "today,", s,
		st->saved_known ? "" : " (the file does not say when it was "
		                       "saved)",
		d);
	strv_add(&st->rep->assumed, &st->rep->nassumed, said, false);
	free(said);
	return true;
}

/* Do two answers read the same (one value, or the same list in the same
 * order)? */
static bool
same_value(const struct sc_ynode *a, const struct sc_ynode *b)
{
	if (!a || !b || a->kind != b->kind)
		return false;
	if (a->kind == SC_Y_SCALAR)
		return a->str && b->str && strcmp(a->str, b->str) == 0;
	if (a->kind != SC_Y_SEQ || a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (!same_value(a->items[i], b->items[i]))
			return false;
	return true;
}

bool
mig_apply(const struct sc_questionnaire *q, const size_t *chain, size_t n,
          struct mig_state *st)
{
	bool ok = true;
	for (size_t i = 0; i < st->n; i++) {
		free(st->v[i].orig_id);
		st->v[i].orig_id = sc_xstrdup(st->v[i].id);
		st->v[i].orig_val = st->v[i].val;
	}
	for (size_t k = 0; k < n; k++) {
		const struct sc_migration *m = &q->migrations[chain[k]];
		for (size_t ci = 0; ci < m->nchanges; ci++) {
			const struct sc_mchange *c = &m->changes[ci];
			if (!c->question)
				continue;
			struct mig_raw *r = find_raw(st, c->question);
			if (!r)
				continue;
			bool answered = r->val && !(r->val->kind == SC_Y_SCALAR &&
			                            !r->val->quoted &&
			                            sc_ynode_is_null(r->val));
			const struct sc_ynode *at = r->val, *pos = r->pos;
			for (size_t s = 0; answered && s < c->nalso; s++)
				give(st, &c->also[s], at, pos);
			r = find_raw(st, c->question);
			if (r->val && c->nvalues)
				apply_values(st, m, c, r);
			r = find_raw(st, c->question);
			if (r && r->val && c->to_list &&
			    r->val->kind == SC_Y_SCALAR &&
			    !(sc_ynode_is_null(r->val) && !r->val->quoted)) {
				struct sc_ynode *list =
					make_node(st, SC_Y_SEQ, NULL, r->val);
				list->items = sc_xcalloc(1, sizeof *list->items);
				list->items[list->n++] = (struct sc_ynode *)r->val;
				r->val = list;
				r->changed = true;
			}
			if (r && r->val && c->convert &&
			    !apply_convert(st, m, c, r))
				ok = false;
			if (r && c->rename) {
				if (find_raw(st, c->rename)) {
					sc_ydiag(st->d, st->file, r->pos,
					         "both \"%s\" (questionnaire %s) and "
					         "\"%s\" (its name in %s) are "
					         "answered; keep one",
					         c->question, m->from, c->rename,
					         m->to);
					ok = false;
				} else {
					free(r->id);
					r->id = sc_xstrdup(c->rename);
					r->changed = true;
				}
			}
			for (size_t i = 0; r && r->val && i < c->ncopy; i++) {
				if (find_raw(st, c->copy[i]))
					continue; /* answered in the file */
				const struct sc_ynode *val = r->val, *pos = r->pos;
				char *keep = sc_xstrdup(r->id);
				mig_add(st, c->copy[i], val, pos, NULL);
				find_raw(st, c->copy[i])->changed = true;
				r = find_raw(st, keep);
				free(keep);
			}
			if (r && c->retire) {
				struct sc_buf b = {0};
				raw_text(r->val, &b);
				char *t = sc_xasprintf(
					"Answer kept from questionnaire %s (the "
					"question \"%s\" was retired)%s%s",
					m->from, who(c), b.len ? ": " : "",
					sc_buf_str(&b));
				char *note_on = c->note_on;
				strv_add(&st->rep->retired, &st->rep->nretired,
				         c->question, true);
				/* Take it out before noting, which may grow v. */
				char *old_note = r->note;
				free(r->id);
				free(r->orig_id);
				*r = st->v[--st->n];
				add_note(st, note_on, NULL, t);
				if (old_note) {
					char *t2 = sc_xasprintf("Its note: %s",
					                        old_note);
					add_note(st, note_on, NULL, t2);
					free(t2);
					free(old_note);
				}
				free(t);
				sc_buf_fini(&b);
			}
		}
		for (size_t a = 0; a < m->nadded; a++)
			strv_add(&st->rep->added, &st->rep->nadded, m->added[a],
			         true);
	}
	for (size_t i = 0; i < st->n; i++) {
		const struct mig_raw *r = &st->v[i];
		bool as_read = r->orig_id && strcmp(r->orig_id, r->id) == 0 &&
		               same_value(r->orig_val, r->val);
		if (r->changed && r->val && !as_read)
			strv_add(&st->rep->carried, &st->rep->ncarried, r->id,
			         true);
	}
	return ok;
}
