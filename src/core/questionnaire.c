/* Loading and checking a questionnaire (format in questionnaires/README.md).
 *
 * Two passes over the YAML tree.  The first builds every section, question,
 * choice and rule and reports every problem it can see locally, carrying on
 * after each so that one run of `socscope validate` shows them all.  The
 * second, once all questions exist and the id index is built, compiles the
 * expressions (which resolve names through sc_questionnaire_names) and checks
 * the timeline, which names questions anywhere in the file.  Diagnostics are
 * collected in a private list and sorted into file order before they are
 * handed to the caller. */
#include "socscope/questionnaire.h"


#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "socscope/date.h"
#include "socscope/expr.h"
#include "socscope/migrate.h"
#include "socscope/yamltree.h"

#include "arena.h"
#include "qrecord.h"
#include "expr_arena.h"

/* The format's limits. */
#define ID_MAX SC_ID_MAX
#define CHOICES_MAX 200
#define TEXT_LENGTH_MAX 65536
#define TEXT_LENGTH_DEFAULT 1000
#define PERIOD_MIN 1
#define PERIOD_MAX 24

/* ---- string sets and the question index ----------------------------------- */

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a */
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211u;
	}
	return h;
}

/* The sets and the index below keep each key's hash in its slot, so that
 * a probe reads a string only when the hash matches: a big
 * questionnaire's ids are scattered over megabytes, and following a
 * pointer to each one probed cost more than the rest of the look-up. */

/* Open addressing, power-of-two size, grown at two thirds full.  Keys
 * are borrowed; each carries a line for "first at line N" messages. */
struct idslot {
	const char *key; /* NULL: empty */
	uint32_t hash;
	int line;
};

struct idset {
	struct idslot *slot;
	size_t size, n;
};

static void
idset_fini(struct idset *s)
{
	free(s->slot);
	memset(s, 0, sizeof *s);
}

static void
idset_grow(struct idset *s)
{
	size_t size = s->size ? s->size * 2 : 16;
	struct idslot *slot = sc_xcalloc(size, sizeof *slot);
	for (size_t i = 0; i < s->size; i++) {
		if (!s->slot[i].key)
			continue;
		size_t h = s->slot[i].hash & (size - 1);
		while (slot[h].key)
			h = (h + 1) & (size - 1);
		slot[h] = s->slot[i];
	}
	free(s->slot);
	s->slot = slot;
	s->size = size;
}

/* Adds `key`; returns 0 when new, else the line of the first. */
static int
idset_add(struct idset *s, const char *key, int line)
{
	if ((s->n + 1) * 3 > s->size * 2)
		idset_grow(s);
	uint32_t hash = (uint32_t)hash_str(key);
	size_t h = hash & (s->size - 1);
	for (; s->slot[h].key; h = (h + 1) & (s->size - 1))
		if (s->slot[h].hash == hash && strcmp(s->slot[h].key, key) == 0)
			return s->slot[h].line > 0 ? s->slot[h].line : 1;
	s->slot[h] = (struct idslot){key, hash, line};
	s->n++;
	return 0;
}

/* id -> question index, over q->questions (first of equal ids wins). */
struct qslot {
	uint32_t hash;
	uint32_t at; /* question index + 1; 0: empty */
};

struct qindex {
	size_t size;
	struct qslot slot[];
};

static struct qindex *
qindex_build(const struct sc_questionnaire *q, struct sc_arena *ar)
{
	size_t size = 16;
	while (size * 2 < q->nquestions * 3)
		size *= 2;
	struct qindex *x =
	        sc_arena_calloc(ar, 1, sizeof *x + size * sizeof x->slot[0]);
	x->size = size;
	/* The question count is bounded by the YAML node limit, far below
	 * 32 bits. */
	for (size_t i = 0; i < q->nquestions && i < UINT32_MAX; i++) {
		const char *id = q->questions[i].id;
		if (!id)
			continue;
		uint32_t hash = (uint32_t)hash_str(id);
		size_t h = hash & (size - 1);
		while (x->slot[h].at &&
		       (x->slot[h].hash != hash ||
		        strcmp(q->questions[x->slot[h].at - 1].id, id) != 0))
			h = (h + 1) & (size - 1);
		if (!x->slot[h].at)
			x->slot[h] = (struct qslot){hash, (uint32_t)(i + 1)};
	}
	return x;
}

void
sc_timeline_init(struct sc_timeline *t)
{
	memset(t, 0, sizeof *t);
	t->deadline = SIZE_MAX;
	t->needed_in_months = SIZE_MAX;
	t->prior_reports = SIZE_MAX;
	t->prior_soc1_period_end = SIZE_MAX;
	t->prior_soc2_period_end = SIZE_MAX;
	t->operating_months = SIZE_MAX;
	t->evidence_kept = SIZE_MAX;
	t->prior_period_end = SIZE_MAX;
	t->fiscal_year_end = SIZE_MAX;
	t->type2_demanded = SIZE_MAX;
	t->deadline_reports = SIZE_MAX;
	t->fiscal_year_covered = SIZE_MAX;
	t->deadline_requester = SIZE_MAX;
	t->team_size = SIZE_MAX;
	t->deadline_other = SIZE_MAX;
}

const struct sc_question *
sc_questionnaire_find(const struct sc_questionnaire *q, const char *id)
{
	if (!q || !id)
		return NULL;
	const struct qindex *x = q->index;
	if (!x) {
		/* Hand-built questionnaires (in tests) have no index. */
		for (size_t i = 0; i < q->nquestions; i++)
			if (q->questions[i].id && strcmp(q->questions[i].id, id) == 0)
				return &q->questions[i];
		return NULL;
	}
	uint32_t hash = (uint32_t)hash_str(id);
	for (size_t h = hash & (x->size - 1); x->slot[h].at;
	     h = (h + 1) & (x->size - 1)) {
		const struct sc_question *qn = &q->questions[x->slot[h].at - 1];
		if (x->slot[h].hash == hash && strcmp(qn->id, id) == 0)
			return qn;
	}
	return NULL;
}

int
sc_question_find_choice(const struct sc_question *qn, const char *id)
{
	if (!qn || !id)
		return -1;
	for (size_t i = 0; i < qn->nchoices; i++)
		if (qn->choices[i].id && strcmp(qn->choices[i].id, id) == 0)
			return i <= INT_MAX ? (int)i : -1;
	return -1;
}

/* ---- the questions as names for expressions ------------------------------ */

static size_t
names_find(const void *ud, const char *name)
{
	const struct sc_questionnaire *q = ud;
	const struct sc_question *qn = sc_questionnaire_find(q, name);
	return qn ? (size_t)(qn - q->questions) : SIZE_MAX;
}

static void
names_question(const void *ud, size_t i, struct sc_expr_question *out)
{
	const struct sc_question *qn = &((const struct sc_questionnaire *)ud)
	                                        ->questions[i];
	out->id = qn->id;
	out->type = qn->type;
	out->allow_unsure = qn->allow_unsure;
	out->nchoices = qn->nchoices;
}

static const char *
names_choice(const void *ud, size_t i, size_t c)
{
	return ((const struct sc_questionnaire *)ud)->questions[i].choices[c].id;
}

void
sc_questionnaire_names(const struct sc_questionnaire *q,
                       struct sc_expr_names *out)
{
	*out = (struct sc_expr_names){
		.ud = q,
		.count = q ? q->nquestions : 0,
		.find = names_find,
		.question = names_question,
		.choice = names_choice,
	};
}

/* ---- freeing ---------------------------------------------------------------- */

/* The model's text, small parts (choices, gaps, criteria, types,
 * defaults) and compiled expressions live in its arena and go with it;
 * what stays on the heap is the three long arrays and the migrations. */
void
sc_questionnaire_free(struct sc_questionnaire *q)
{
	if (!q)
		return;
	free(q->questions);
	free(q->sections);
	free(q->rules);
	sc_migrations_free(q->migrations, q->nmigrations);
	qr_free(q);
	struct sc_arena *a = q->arena;
	if (a) {
		sc_arena_fini(a);
		free(a);
	}
	free(q);
}

/* ---- the loader's state and small checkers ------------------------------- */

struct loader {
	const char *file;
	struct sc_arena *ar; /* the model's (q->arena) */
	struct sc_diags *d; /* private list, sorted at the end */
	struct sc_questionnaire *q;
	size_t cap_sections, cap_questions, cap_rules;
	/* Per question and per rule, what pass 2 needs. */
	struct sc_yspot *show_if_at; /* where each show_if_src is in the file */
	bool *type_ok;
	size_t cap_qextra;
	struct sc_yspot *when_at;    /* where each when_src is */
	size_t cap_rextra;
	size_t next_first; /* the first question not yet in a section */
	struct idset section_ids, question_ids, rule_ids;
	struct sc_expr_names names; /* for pass 2 */
	struct qr_pending pending;  /* outcomes and placeholders, for pass 2 */
	/* Where each skip note's when_src is, in section and note order. */
	struct sc_yspot *note_at;
	size_t nnote_at, cap_note_at;
};

static void
diag_at(struct loader *L, const struct sc_ynode *n, const char *fmt, ...)
        SC_PRINTF(3, 4);

static void
diag_at(struct loader *L, const struct sc_ynode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sc_diags_vadd(L->d, L->file, n ? n->line : 0, n ? n->col : 0, fmt, ap);
	va_end(ap);
}

/* The key node of `key` in a mapping (for messages about the key itself). */
static const struct sc_ynode *
map_key(const struct sc_ynode *map, const char *key)
{
	if (!map || map->kind != SC_Y_MAP)
		return NULL;
	size_t len = strlen(key);
	for (size_t i = 0; i < map->n; i++)
		if (map->keys[i]->kind == SC_Y_SCALAR &&
		    map->keys[i]->len == len &&
		    memcmp(map->keys[i]->str, key, len) == 0)
			return map->keys[i];
	return NULL;
}

/* A scalar usable as a word: not null, no NUL inside (an escaped "\0"
 * would otherwise make "soc1\0x" read as "soc1"). */
static bool
is_word(const struct sc_ynode *n)
{
	return n && n->kind == SC_Y_SCALAR && !sc_ynode_is_null(n) &&
	       strlen(n->str) == n->len;
}

static bool
scalar_is(const struct sc_ynode *n, const char *word)
{
	return is_word(n) && strcmp(n->str, word) == 0;
}

/* What a value is, for "found X": numbers are shown as written. */
static const char *
found(const struct sc_ynode *n)
{
	if (n && n->kind == SC_Y_SCALAR && n->len <= 24 &&
	    sc_ynode_number(n, NULL))
		return n->str;
	return sc_ynode_kind_name(n);
}

/* Room for every name of an object in messages: a kind, a quoted id, and
 * the words around them, twice ("choice \"a\" of question \"q\""). */
#define WHAT_SIZE (3 * SC_YQUOTE_SIZE)

/* The NULL-terminated strings joined into buf[WHAT_SIZE], cut to fit. */
static const char *
join(char *buf, ...)
{
	va_list ap;
	va_start(ap, buf);
	size_t o = 0;
	for (const char *p; (p = va_arg(ap, const char *)) != NULL;) {
		size_t n = strlen(p);
		if (n > WHAT_SIZE - 1 - o)
			n = WHAT_SIZE - 1 - o;
		memcpy(buf + o, p, n);
		o += n;
	}
	va_end(ap);
	buf[o] = '\0';
	return buf;
}

/* A mapping's "what" for messages, in buf[WHAT_SIZE]: kind "id", or kind
 * at line N when the id is missing or not text. */
static const char *
what_name(char *buf, const char *kind, const struct sc_ynode *map)
{
	const struct sc_ynode *id = sc_ymap_get(map, "id");
	char shown[SC_YQUOTE_SIZE];
	if (is_word(id))
		return join(buf, kind, " \"",
		            sc_ynode_quote(id, shown, sizeof shown), "\"", NULL);
	snprintf(buf, WHAT_SIZE, "the %s at line %d", kind, map ? map->line : 0);
	return buf;
}

/* The name of an object in messages, made when a message first needs it
 * (most objects are never named, and naming one costs more than checking
 * it): kind "id" (or "the kind at line N"), followed by " of " and the
 * object it belongs to when `of` is given; or, without a kind, `prefix`
 * and that object ("the gap of rule \"r\""). */
struct what {
	const char *kind;
	const struct sc_ynode *map;
	const char *prefix;
	struct what *of;
	bool made;
	char buf[WHAT_SIZE];
};

static void
what_init(struct what *w, const char *kind, const struct sc_ynode *map,
          const char *prefix, struct what *of)
{
	w->kind = kind;
	w->map = map;
	w->prefix = prefix;
	w->of = of;
	w->made = false;
}

static const char *
what_str(struct what *w)
{
	if (w->made)
		return w->buf;
	if (!w->kind) {
		join(w->buf, w->prefix, what_str(w->of), NULL);
	} else if (w->of) {
		char own[WHAT_SIZE];
		join(w->buf, what_name(own, w->kind, w->map), " of ",
		     what_str(w->of), NULL);
	} else {
		what_name(w->buf, w->kind, w->map);
	}
	w->made = true;
	return w->buf;
}

/* A mapping's values for the keys its kind allows (names, NULL-ended, at
 * most FIELDS_MAX), found in one pass over it rather than a look-up each:
 * val[i] and key[i] (the key itself, for messages about it) for names[i],
 * NULL when absent; `unknown` when a text key is none of them. */
#define FIELDS_MAX 20

struct fields {
	const struct sc_ynode *val[FIELDS_MAX];
	const struct sc_ynode *key[FIELDS_MAX];
	bool unknown;
};

static void
fields_read(const struct sc_ynode *map, const char *const *names,
            struct fields *f)
{
	memset(f, 0, sizeof *f);
	for (size_t i = 0; i < map->n; i++) {
		const struct sc_ynode *k = map->keys[i];
		/* Other keys are reported by the YAML tree already. */
		if (k->kind != SC_Y_SCALAR)
			continue;
		size_t j = 0;
		while (names[j] && !(k->len && names[j][0] == k->str[0] &&
		                     strlen(names[j]) == k->len &&
		                     memcmp(names[j], k->str, k->len) == 0))
			j++;
		if (!names[j]) {
			f->unknown = true;
			continue;
		}
		f->val[j] = map->items[i];
		f->key[j] = k;
	}
}

/* sc_ymap_check_keys on fields already read, its messages made only when
 * there is something to say.  `required` has a bit per index of names. */
static void
check_fields(struct loader *L, const struct sc_ynode *map,
             const char *const *names, unsigned required,
             const struct fields *f, struct what *w)
{
	bool fine = !f->unknown;
	for (size_t j = 0; fine && names[j]; j++)
		fine = !(required & (1u << j)) || f->val[j];
	if (fine)
		return;
	const char *req[FIELDS_MAX + 1];
	size_t n = 0;
	for (size_t j = 0; names[j]; j++)
		if (required & (1u << j))
			req[n++] = names[j];
	req[n] = NULL;
	sc_ymap_check_keys(map, names, req, what_str(w), L->file, L->d);
}

/* The getters below take a value (NULL when its key is absent) and the key
 * for messages; the get_ ones look the key up in a mapping first. */

/* The text of an id under `key`, or NULL (reported) when it is not one.
 * A missing key is left to the key check. */
static const char *
id_value(struct loader *L, const struct sc_ynode *n, const char *key,
         const char *kind, bool dash)
{
	if (!n)
		return NULL;
	if (!is_word(n)) {
		diag_at(L, n, "\"%s\" must be an id, found %s", key, found(n));
		return NULL;
	}
	if (!sc_id_valid(n->str, n->len, dash)) {
		char shown[SC_YQUOTE_SIZE];
		diag_at(L, n,
		        "invalid %s id \"%s\": ids are 1 to %d characters: a "
		        "lower-case letter, then lower-case letters, digits%s and "
		        "\"_\"",
		        kind, sc_ynode_quote(n, shown, sizeof shown), ID_MAX,
		        dash ? ", \"-\"" : "");
		return NULL;
	}
	return n->str;
}

static const char *
get_id(struct loader *L, const struct sc_ynode *map, const char *key,
       const char *kind, bool dash)
{
	return id_value(L, sc_ymap_get(map, key), key, kind, dash);
}

/* Is a present value good text?  (Reported when not.) */
static bool
text_ok(struct loader *L, const struct sc_ynode *n, const char *key)
{
	if (n->kind != SC_Y_SCALAR) {
		diag_at(L, n, "\"%s\" must be text, found %s", key, found(n));
		return false;
	}
	if (sc_ynode_is_null(n) || n->len == 0) {
		diag_at(L, n, "\"%s\" must not be empty", key);
		return false;
	}
	if (strlen(n->str) != n->len) {
		diag_at(L, n, "\"%s\" must not contain NUL characters", key);
		return false;
	}
	return true;
}

/* A text value; NULL when absent or wrong (reported unless absent). */
static char *
text_value(struct loader *L, const struct sc_ynode *n, const char *key)
{
	if (!n || !text_ok(L, n, key))
		return NULL;
	return sc_arena_strndup(L->ar, n->str, n->len);
}

static char *
get_text(struct loader *L, const struct sc_ynode *map, const char *key)
{
	return text_value(L, sc_ymap_get(map, key), key);
}

static bool
bool_value(struct loader *L, const struct sc_ynode *n, const char *key,
           bool *out)
{
	if (!n)
		return true;
	if (!sc_ynode_bool(n, out)) {
		diag_at(L, n, "\"%s\" must be true or false, found %s", key,
		        found(n));
		return false;
	}
	return true;
}

static bool
number_value(struct loader *L, const struct sc_ynode *n, const char *key,
             double *out, bool *has)
{
	*has = false;
	if (!n)
		return true;
	if (!sc_ynode_number(n, out)) {
		diag_at(L, n, "\"%s\" must be a number, found %s", key, found(n));
		return false;
	}
	*has = true;
	return true;
}

/* A date "YYYY-MM-DD" (quoted or not) as a day number in *out (a double,
 * as number bounds are kept); *has false when absent. */
static bool
date_value(struct loader *L, const struct sc_ynode *n, const char *key,
           double *out, bool *has)
{
	*has = false;
	if (!n)
		return true;
	sc_day day;
	const char *why = NULL;
	if (n->kind != SC_Y_SCALAR || sc_ynode_is_null(n) ||
	    !sc_date_parse(n->str, &day, &why)) {
		char shown[SC_YQUOTE_SIZE];
		diag_at(L, n, "\"%s\" must be a date, found %s%s%s", key,
		        why ? sc_ynode_quote(n, shown, sizeof shown) : found(n),
		        why ? ": " : "", why ? why : "");
		return false;
	}
	*out = (double)day;
	*has = true;
	return true;
}

/* A whole number in [lo, hi]; false when absent or wrong. */
static bool
int_value(struct loader *L, const struct sc_ynode *n, const char *key,
          long long lo, long long hi, long long *out)
{
	if (!n)
		return false;
	long long v;
	if (!sc_ynode_int(n, &v)) {
		diag_at(L, n, "\"%s\" must be a whole number, found %s", key,
		        found(n));
		return false;
	}
	if (v < lo || v > hi) {
		diag_at(L, n, "\"%s\" must be %lld to %lld, found %lld", key, lo,
		        hi, v);
		return false;
	}
	*out = v;
	return true;
}

/* A list node (reported when the value is something else). */
static const struct sc_ynode *
get_list(struct loader *L, const struct sc_ynode *map, const char *key)
{
	const struct sc_ynode *n = sc_ymap_get(map, key);
	if (n && n->kind != SC_Y_SEQ) {
		diag_at(L, n, "\"%s\" must be a list, found %s", key, found(n));
		return NULL;
	}
	return n;
}

/* "a, b, c" from an id-string function over [0, count). */
static char *
join_ids(const char *(*id_str)(int), int count, const char *extra)
{
	struct sc_buf b = {0};
	for (int i = 0; i < count; i++)
		sc_buf_printf(&b, "%s%s", i ? ", " : "", id_str(i));
	if (extra)
		sc_buf_printf(&b, ", %s", extra);
	return sc_buf_steal(&b);
}

/* Adapters: the vocabulary's id functions take their own enums. */
static const char *
report_str(int i)
{
	return sc_report_id_str((enum sc_report_id)i);
}

static const char *
rtype_str(int i)
{
	return sc_rtype_id_str((enum sc_rtype)i);
}

static const char *
category_str(int i)
{
	return sc_category_id_str((enum sc_category)i);
}

static const char *
framework_str(int i)
{
	return sc_framework_id_str((enum sc_framework)i);
}

static const char *
priority_str(int i)
{
	return sc_priority_id_str((enum sc_priority)i);
}

static const char *
readiness_str(int i)
{
	return sc_readiness_id_str((enum sc_readiness)i);
}

static const char *
qtype_str(int i)
{
	return sc_qtype_id_str((enum sc_qtype)i);
}

/* A closed vocabulary: its name in messages, look-up and ids. */
struct vocab {
	const char *kind;
	int (*find)(const char *);
	const char *(*id_str)(int);
	int count;
};

static const struct vocab v_report = {
	"report", sc_report_find, report_str, SC_REPORT_COUNT};
static const struct vocab v_rtype = {
	"report type", sc_rtype_find, rtype_str, SC_RTYPE_COUNT};
static const struct vocab v_category = {
	"category", sc_category_find, category_str, SC_CAT_COUNT};
static const struct vocab v_framework = {
	"framework", sc_framework_find, framework_str, SC_FW_COUNT};
static const struct vocab v_priority = {
	"priority", sc_priority_find, priority_str, SC_PRIO_COUNT};
static const struct vocab v_readiness = {
	"status", sc_readiness_find, readiness_str, SC_READY_COUNT};
static const struct vocab v_qtype = {
	"question type", sc_qtype_find, qtype_str, SC_QTYPE_COUNT};

/* One id of a vocabulary, or -1 (reported). */
static int
vocab_value(struct loader *L, const struct sc_ynode *n, const struct vocab *v,
            const char *extra)
{
	if (!is_word(n)) {
		char *all = join_ids(v->id_str, v->count, extra);
		diag_at(L, n, "expected a %s (one of: %s), found %s", v->kind, all,
		        found(n));
		free(all);
		return -1;
	}
	int i = v->find(n->str);
	if (i < 0) {
		char *all = join_ids(v->id_str, v->count, extra);
		char shown[SC_YQUOTE_SIZE];
		diag_at(L, n, "unknown %s \"%s\"; expected one of: %s", v->kind,
		        sc_ynode_quote(n, shown, sizeof shown), all);
		free(all);
	}
	return i;
}

/* A vocabulary id or a non-empty list of them, as a bit set; for
 * `scope`, `scope_out` and `flag`. */
static unsigned
vocab_bits(struct loader *L, const struct sc_ynode *n, const char *key,
           const struct vocab *v)
{
	unsigned bits = 0;
	if (n->kind == SC_Y_SEQ) {
		if (n->n == 0)
			diag_at(L, n, "\"%s\" is an empty list", key);
		for (size_t i = 0; i < n->n; i++) {
			int k = vocab_value(L, n->items[i], v, NULL);
			if (k >= 0)
				bits |= 1u << k;
		}
	} else {
		int k = vocab_value(L, n, v, NULL);
		if (k >= 0)
			bits |= 1u << k;
	}
	return bits;
}

/* ---- questions -------------------------------------------------------------- */

enum {
	Q_ID, Q_TYPE, Q_TEXT, Q_HELP, Q_REQUIRED, Q_SHOW_IF, Q_DEFAULT,
	Q_UNSURE, Q_CHOICES, Q_MIN, Q_MAX, Q_MAX_LENGTH, Q_FIELDS
};
static const char *const question_keys[] = {
	[Q_ID] = "id", [Q_TYPE] = "type", [Q_TEXT] = "text", [Q_HELP] = "help",
	[Q_REQUIRED] = "required", [Q_SHOW_IF] = "show_if",
	[Q_DEFAULT] = "default", [Q_UNSURE] = "unsure",
	[Q_CHOICES] = "choices", [Q_MIN] = "min", [Q_MAX] = "max",
	[Q_MAX_LENGTH] = "max_length", [Q_FIELDS] = NULL,
};
#define QUESTION_REQUIRED \
	(1u << Q_ID | 1u << Q_TYPE | 1u << Q_TEXT | 1u << Q_HELP)

enum { C_ID, C_LABEL, C_SHORT, C_HELP, C_FIELDS };
static const char *const choice_keys[] = {
	[C_ID] = "id", [C_LABEL] = "label", [C_SHORT] = "short",
	[C_HELP] = "help", [C_FIELDS] = NULL,
};
#define CHOICE_REQUIRED (1u << C_ID | 1u << C_LABEL)
_Static_assert(Q_FIELDS <= FIELDS_MAX && C_FIELDS <= FIELDS_MAX,
               "fields_read has room for every key");

/* Words of the expression language: a question named so could never be
 * read by an expression. */
static const char *const reserved[] = {"and", "or", "not", "in", "true",
                                       "false", "today", NULL};

/* The choices of a question: `list` is its "choices" value (NULL when
 * absent), `map` the question. */
static void
parse_choices(struct loader *L, struct sc_question *qn,
              const struct sc_ynode *map, const struct sc_ynode *list,
              struct what *qw)
{
	if (!list) {
		diag_at(L, map, "%s has no \"choices\"", what_str(qw));
		return;
	}
	if (list->kind != SC_Y_SEQ) {
		diag_at(L, list, "\"choices\" must be a list, found %s", found(list));
		return;
	}
	if (list->n == 0)
		diag_at(L, list, "%s has no choices: give 1 to %d",
		        what_str(qw), CHOICES_MAX);
	else if (list->n > CHOICES_MAX)
		diag_at(L, list, "%s has %zu choices: at most %d are allowed",
		        what_str(qw), list->n, CHOICES_MAX);
	/* Every item is checked, but only the allowed number is kept, so that
	 * choice look-ups stay bounded whatever the file holds. */
	size_t keep = list->n < CHOICES_MAX ? list->n : CHOICES_MAX;
	qn->choices = sc_arena_calloc(L->ar, keep, sizeof *qn->choices);
	struct idset ids = {0};
	for (size_t i = 0; i < list->n; i++) {
		const struct sc_ynode *c = list->items[i];
		if (c->kind != SC_Y_MAP) {
			diag_at(L, c, "a choice must be a mapping {id, label}, found %s",
			        found(c));
			continue;
		}
		struct what cw;
		what_init(&cw, "choice", c, NULL, qw);
		struct fields f;
		fields_read(c, choice_keys, &f);
		check_fields(L, c, choice_keys, CHOICE_REQUIRED, &f, &cw);
		/* A choice past the limit is checked and then forgotten. */
		struct sc_choice *ch = NULL;
		if (qn->nchoices < keep)
			ch = &qn->choices[qn->nchoices++];
		const struct sc_ynode *idn = f.val[C_ID];
		const char *id = id_value(L, idn, "id", "choice", false);
		if (id) {
			int first = idset_add(&ids, id, idn->line);
			if (first)
				diag_at(L, idn,
				        "duplicate choice id \"%s\" in %s (first at "
				        "line %d)",
				        id, what_str(qw), first);
			if (ch)
				ch->id = sc_arena_strdup(L->ar, id);
		}
		if (ch) {
			ch->label = text_value(L, f.val[C_LABEL], "label");
			ch->short_label = text_value(L, f.val[C_SHORT], "short");
			ch->help = text_value(L, f.val[C_HELP], "help");
		} else {
			if (f.val[C_LABEL])
				text_ok(L, f.val[C_LABEL], "label");
			if (f.val[C_SHORT])
				text_ok(L, f.val[C_SHORT], "short");
			if (f.val[C_HELP])
				text_ok(L, f.val[C_HELP], "help");
		}
	}
	idset_fini(&ids);
}

static size_t
utf8_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* "a, b, c": the question's choice ids, for messages. */
static char *
choice_list(const struct sc_question *qn)
{
	struct sc_buf b = {0};
	for (size_t i = 0; i < qn->nchoices; i++)
		if (qn->choices[i].id)
			sc_buf_printf(&b, "%s%s", b.len ? ", " : "",
			              qn->choices[i].id);
	return sc_buf_steal(&b);
}

/* One choice id of the question, or -1 (reported). */
static int
default_choice(struct loader *L, const struct sc_question *qn,
               const struct sc_ynode *n, struct what *qw)
{
	if (!is_word(n)) {
		diag_at(L, n, "\"default\" of %s must be a choice id, found %s",
		        what_str(qw), found(n));
		return -1;
	}
	int k = sc_question_find_choice(qn, n->str);
	if (k < 0) {
		char *all = choice_list(qn);
		char shown[SC_YQUOTE_SIZE];
		diag_at(L, n,
		        "default \"%s\" is not a choice of %s; its choices are: %s",
		        sc_ynode_quote(n, shown, sizeof shown), what_str(qw),
		        all);
		free(all);
	}
	return k;
}

/* The default answer `n` (NULL when none) of a question. */
static void
parse_default(struct loader *L, struct sc_question *qn,
              const struct sc_ynode *n, struct what *qw)
{
	if (!n)
		return;
	struct sc_answer *a = &qn->def;
	switch (qn->type) {
	case SC_Q_YESNO: {
		bool b;
		if (sc_ynode_bool(n, &b)) {
			a->type = SC_A_BOOL;
			a->b = b;
		} else if (scalar_is(n, "unsure")) {
			if (qn->allow_unsure)
				a->type = SC_A_UNSURE;
			else
				diag_at(L, n,
				        "default \"unsure\" needs \"unsure: true\" on "
				        "%s",
				        what_str(qw));
		} else {
			diag_at(L, n,
			        "\"default\" of %s must be true or false%s, found %s",
			        what_str(qw), qn->allow_unsure ? " or unsure" : "",
			        found(n));
		}
		break;
	}
	case SC_Q_SINGLE: {
		int k = default_choice(L, qn, n, qw);
		if (k >= 0) {
			a->type = SC_A_CHOICE;
			a->choice = (size_t)k;
		}
		break;
	}
	case SC_Q_MULTI: {
		if (n->kind != SC_Y_SEQ) {
			diag_at(L, n,
			        "\"default\" of %s must be a list of choice ids, "
			        "found %s",
			        what_str(qw), found(n));
			break;
		}
		size_t *sel = sc_arena_calloc(L->ar, n->n, sizeof *sel);
		size_t nsel = 0;
		bool ok = true;
		for (size_t i = 0; i < n->n; i++) {
			int k = default_choice(L, qn, n->items[i], qw);
			if (k < 0) {
				ok = false;
				continue;
			}
			bool twice = false;
			for (size_t j = 0; j < nsel; j++)
				twice = twice || sel[j] == (size_t)k;
			if (twice) {
				diag_at(L, n->items[i],
				        "choice \"%s\" is listed twice in \"default\"",
				        n->items[i]->str);
				ok = false;
				continue;
			}
			sel[nsel++] = (size_t)k;
		}
		if (!ok)
			break;
		qsort(sel, nsel, sizeof *sel, cmp_size);
		a->type = SC_A_CHOICES;
		a->sel = sel;
		a->nsel = nsel;
		break;
	}
	case SC_Q_NUMBER: {
		double v;
		if (!sc_ynode_number(n, &v)) {
			diag_at(L, n, "\"default\" of %s must be a number, found %s",
			        what_str(qw), found(n));
		} else if (qn->has_min && v < qn->min) {
			diag_at(L, n, "default %g is below \"min\" (%g)", v,
			        qn->min);
		} else if (qn->has_max && v > qn->max) {
			diag_at(L, n, "default %g is above \"max\" (%g)", v,
			        qn->max);
		} else {
			a->type = SC_A_NUMBER;
			a->num = v;
		}
		break;
	}
	case SC_Q_DATE: {
		sc_day day;
		const char *why = NULL;
		char lo[11], hi[11];
		if (n->kind != SC_Y_SCALAR || sc_ynode_is_null(n) ||
		    !sc_date_parse(n->str, &day, &why)) {
			char shown[SC_YQUOTE_SIZE];
			diag_at(L, n, "\"default\" of %s must be a date, found %s%s%s",
			        what_str(qw),
			        why ? sc_ynode_quote(n, shown, sizeof shown) : found(n),
			        why ? ": " : "", why ? why : "");
		} else if (qn->has_min && (double)day < qn->min) {
			sc_date_format((sc_day)qn->min, lo);
			diag_at(L, n, "default %s is before \"min\" (%s)", n->str, lo);
		} else if (qn->has_max && (double)day > qn->max) {
			sc_date_format((sc_day)qn->max, hi);
			diag_at(L, n, "default %s is after \"max\" (%s)", n->str, hi);
		} else {
			a->type = SC_A_DATE;
			a->day = day;
		}
		break;
	}
	case SC_Q_TEXT: {
		size_t max = qn->max_length ? qn->max_length : TEXT_LENGTH_DEFAULT;
		if (n->kind != SC_Y_SCALAR || sc_ynode_is_null(n) ||
		    strlen(n->str) != n->len) {
			diag_at(L, n, "\"default\" of %s must be text, found %s",
			        what_str(qw), found(n));
		} else if (utf8_chars(n->str, n->len) > max) {
			diag_at(L, n,
			        "default is longer than the question allows (%zu "
			        "characters)",
			        max);
		} else {
			a->type = SC_A_TEXT;
			a->text = sc_arena_strndup(L->ar, n->str, n->len);
		}
		break;
	}
	}
}

/* Keys that belong to some types only: (key, types as a bit set). */
static const struct {
	int key; /* a Q_ field */
	unsigned types;
	const char *which;
} typed_keys[] = {
	{Q_UNSURE, 1u << SC_Q_YESNO, "yesno questions"},
	{Q_CHOICES, (1u << SC_Q_SINGLE) | (1u << SC_Q_MULTI),
	 "single and multi questions"},
	{Q_MIN, (1u << SC_Q_NUMBER) | (1u << SC_Q_DATE),
	 "number and date questions"},
	{Q_MAX, (1u << SC_Q_NUMBER) | (1u << SC_Q_DATE),
	 "number and date questions"},
	{Q_MAX_LENGTH, 1u << SC_Q_TEXT, "text questions"},
};

static void
parse_question(struct loader *L, const struct sc_ynode *map, size_t section)
{
	if (map->kind != SC_Y_MAP) {
		diag_at(L, map, "a question must be a mapping, found %s",
		        found(map));
		return;
	}
	struct sc_questionnaire *q = L->q;
	size_t idx = q->nquestions;
	q->questions = sc_xgrow(q->questions, &L->cap_questions, idx + 1,
	                        sizeof *q->questions);
	size_t cap = L->cap_qextra;
	L->show_if_at = sc_xgrow(L->show_if_at, &cap, idx + 1,
	                         sizeof *L->show_if_at);
	cap = L->cap_qextra;
	L->type_ok = sc_xgrow(L->type_ok, &cap, idx + 1, sizeof *L->type_ok);
	L->cap_qextra = cap;
	q->nquestions++;
	struct sc_question *qn = &q->questions[idx];
	memset(qn, 0, sizeof *qn);
	qn->def.type = SC_A_NONE;
	qn->section = section;
	qn->index = idx;
	qn->line = map->line;
	qn->col = map->col;
	qn->type = SC_Q_TEXT;
	L->type_ok[idx] = false;

	struct what qw;
	what_init(&qw, "question", map, NULL, NULL);
	struct fields f;
	fields_read(map, question_keys, &f);
	check_fields(L, map, question_keys, QUESTION_REQUIRED, &f, &qw);

	const struct sc_ynode *idn = f.val[Q_ID];
	const char *id = id_value(L, idn, "id", "question", false);
	if (id) {
		/* The set keeps the model's copy: the tree may go first. */
		qn->id = sc_arena_strdup(L->ar, id);
		int first = idset_add(&L->question_ids, qn->id, idn->line);
		if (first)
			diag_at(L, idn, "duplicate question id \"%s\" (first at line %d)",
			        id, first);
		for (const char *const *r = reserved; *r; r++)
			if (strcmp(id, *r) == 0)
				diag_at(L, idn,
				        "question id \"%s\" is a word of the expression "
				        "language; choose another",
				        id);
	}

	const struct sc_ynode *tn = f.val[Q_TYPE];
	if (tn) {
		int t = vocab_value(L, tn, &v_qtype, NULL);
		if (t >= 0) {
			qn->type = (enum sc_qtype)t;
			L->type_ok[idx] = true;
		}
	}
	qn->text = text_value(L, f.val[Q_TEXT], "text");
	qn->help = text_value(L, f.val[Q_HELP], "help");
	bool_value(L, f.val[Q_REQUIRED], "required", &qn->required);

	if (L->type_ok[idx]) {
		for (size_t i = 0; i < sizeof typed_keys / sizeof typed_keys[0]; i++) {
			const struct sc_ynode *k = f.key[typed_keys[i].key];
			if (k && !(typed_keys[i].types & (1u << qn->type)))
				diag_at(L, k,
				        "\"%s\" is only for %s; %s is a %s question",
				        question_keys[typed_keys[i].key],
				        typed_keys[i].which, what_str(&qw),
				        sc_qtype_id_str(qn->type));
		}
		switch (qn->type) {
		case SC_Q_YESNO:
			bool_value(L, f.val[Q_UNSURE], "unsure",
			           &qn->allow_unsure);
			break;
		case SC_Q_SINGLE:
		case SC_Q_MULTI:
			parse_choices(L, qn, map, f.val[Q_CHOICES], &qw);
			break;
		case SC_Q_NUMBER: {
			bool min_ok = number_value(L, f.val[Q_MIN], "min",
			                           &qn->min, &qn->has_min);
			bool max_ok = number_value(L, f.val[Q_MAX], "max",
			                           &qn->max, &qn->has_max);
			if (min_ok && max_ok && qn->has_min && qn->has_max &&
			    qn->min > qn->max)
				diag_at(L, f.val[Q_MIN],
				        "\"min\" (%g) is greater than \"max\" (%g)",
				        qn->min, qn->max);
			break;
		}
		case SC_Q_TEXT: {
			long long v;
			if (int_value(L, f.val[Q_MAX_LENGTH], "max_length", 1,
			              TEXT_LENGTH_MAX, &v))
				qn->max_length = (size_t)v;
			break;
		}
		case SC_Q_DATE: {
			bool min_ok = date_value(L, f.val[Q_MIN], "min",
			                         &qn->min, &qn->has_min);
			bool max_ok = date_value(L, f.val[Q_MAX], "max",
			                         &qn->max, &qn->has_max);
			if (min_ok && max_ok && qn->has_min && qn->has_max &&
			    qn->min > qn->max)
				diag_at(L, f.val[Q_MIN],
				        "\"min\" is later than \"max\"");
			break;
		}
		}
		parse_default(L, qn, f.val[Q_DEFAULT], &qw);
	}

	const struct sc_ynode *si = f.val[Q_SHOW_IF];
	if (si) {
		if (si->kind != SC_Y_SCALAR || sc_ynode_is_null(si) ||
		    strlen(si->str) != si->len)
			diag_at(L, si, "\"show_if\" must be an expression, found %s",
			        found(si));
		else {
			qn->show_if_src = sc_arena_strndup(L->ar, si->str, si->len);
			sc_ynode_spot(si, &L->show_if_at[idx]);
		}
	}
}

/* ---- sections ---------------------------------------------------------------- */

static const char *const section_keys[] = {"id", "title", "intro",
                                           "skipped_note", "questions",
                                           NULL};
static const char *const section_required[] = {"id", "title", "questions",
                                               NULL};

static const char *const note_keys[] = {"when", "text", NULL};
static const char *const note_required[] = {"text", NULL};

/* skipped_note: text, or a list of {when, text} variants of which at most
 * one, the last, has no `when` (it is said when no other holds). */
static void
parse_skipped_note(struct loader *L, struct sc_section *s,
                   const struct sc_ynode *map)
{
	const struct sc_ynode *n = sc_ymap_get(map, "skipped_note");
	if (n && n->kind == SC_Y_MAP) {
		diag_at(L, n, "\"skipped_note\" must be text or a list of "
		        "variants, found %s", found(n));
		return;
	}
	if (!n || n->kind != SC_Y_SEQ) {
		s->skipped_note = get_text(L, map, "skipped_note");
		return;
	}
	if (n->n == 0)
		diag_at(L, n, "\"skipped_note\" is an empty list");
	s->notes = n->n ? sc_arena_calloc(L->ar, n->n, sizeof *s->notes) : NULL;
	for (size_t i = 0; i < n->n; i++) {
		const struct sc_ynode *it = n->items[i];
		if (it->kind != SC_Y_MAP) {
			diag_at(L, it, "a skipped_note variant must be a mapping "
			        "with \"text\" and \"when\", found %s", found(it));
			continue;
		}
		sc_ymap_check_keys(it, note_keys, note_required,
		                   "a skipped_note variant", L->file, L->d);
		char *text = get_text(L, it, "text");
		const struct sc_ynode *w = sc_ymap_get(it, "when");
		if (!w) {
			if (i + 1 != n->n)
				diag_at(L, it, "only the last skipped_note variant "
				        "may go without \"when\"");
			else
				s->skipped_note = text;
			continue;
		}
		if (w->kind != SC_Y_SCALAR || sc_ynode_is_null(w) ||
		    strlen(w->str) != w->len) {
			diag_at(L, w, "\"when\" must be an expression, found %s",
			        found(w));
			continue;
		}
		struct sc_skip_note *v = &s->notes[s->nnotes++];
		v->when_src = sc_arena_strndup(L->ar, w->str, w->len);
		v->text = text;
		v->line = it->line;
		v->col = it->col;
		L->note_at = sc_xgrow(L->note_at, &L->cap_note_at,
		                      L->nnote_at + 1, sizeof *L->note_at);
		sc_ynode_spot(w, &L->note_at[L->nnote_at++]);
	}
}

static void
parse_section(struct loader *L, const struct sc_ynode *map)
{
	if (map->kind != SC_Y_MAP) {
		diag_at(L, map, "a section must be a mapping, found %s", found(map));
		return;
	}
	struct sc_questionnaire *q = L->q;
	size_t idx = q->nsections;
	q->sections = sc_xgrow(q->sections, &L->cap_sections, idx + 1,
	                       sizeof *q->sections);
	q->nsections++;
	struct sc_section *s = &q->sections[idx];
	memset(s, 0, sizeof *s);
	s->line = map->line;
	s->col = map->col;
	/* Its questions may have been taken already, as the file was read. */
	s->first = L->next_first;

	char what[WHAT_SIZE];
	what_name(what, "section", map);
	sc_ymap_check_keys(map, section_keys, section_required, what, L->file,
	                   L->d);
	const char *id = get_id(L, map, "id", "section", false);
	if (id) {
		const struct sc_ynode *idn = sc_ymap_get(map, "id");
		s->id = sc_arena_strdup(L->ar, id);
		int first = idset_add(&L->section_ids, s->id, idn->line);
		if (first)
			diag_at(L, idn, "duplicate section id \"%s\" (first at line %d)",
			        id, first);
	}
	s->title = get_text(L, map, "title");
	s->intro = get_text(L, map, "intro");
	parse_skipped_note(L, s, map);
	const struct sc_ynode *list = get_list(L, map, "questions");
	if (list && list->n == 0)
		diag_at(L, list, "%s has no questions", what);
	for (size_t i = 0; list && i < list->n; i++)
		if (!sc_ynode_taken(list->items[i]))
			parse_question(L, list->items[i], idx);
	q->sections[idx].count = q->nquestions - q->sections[idx].first;
	L->next_first = q->nquestions;
}

/* ---- rules --------------------------------------------------------------------- */

enum {
	R_ID, R_WHEN, R_BECAUSE, R_RECOMMEND, R_TYPE, R_SCOPE, R_SCOPE_OUT,
	R_FLAG, R_GAP, R_READINESS, R_NEXT_STEP, R_OUTCOME, R_OBJECTIVE,
	R_CUEC, R_SUBSERVICE, R_BOUNDARY_NOTE, R_DECISION, R_FIELDS
};
static const char *const rule_keys[] = {
	[R_ID] = "id", [R_WHEN] = "when", [R_BECAUSE] = "because",
	[R_RECOMMEND] = "recommend", [R_TYPE] = "type", [R_SCOPE] = "scope",
	[R_SCOPE_OUT] = "scope_out", [R_FLAG] = "flag", [R_GAP] = "gap",
	[R_READINESS] = "readiness", [R_NEXT_STEP] = "next_step",
	[R_OUTCOME] = "outcome", [R_OBJECTIVE] = "objective",
	[R_CUEC] = "cuec", [R_SUBSERVICE] = "subservice",
	[R_BOUNDARY_NOTE] = "boundary_note", [R_DECISION] = "decision",
	[R_FIELDS] = NULL,
};
/* The scope effects, in enum sc_scope_kind order. */
static const int scope_effect_keys[SC_SCOPE_KINDS] = {
	[SC_SCOPE_OBJECTIVE] = R_OBJECTIVE, [SC_SCOPE_CUEC] = R_CUEC,
	[SC_SCOPE_SUBSERVICE] = R_SUBSERVICE,
	[SC_SCOPE_BOUNDARY] = R_BOUNDARY_NOTE,
};
#define RULE_REQUIRED (1u << R_ID | 1u << R_WHEN | 1u << R_BECAUSE)
/* The effects: the rule keys from R_RECOMMEND on. */
#define RULE_EFFECTS R_RECOMMEND

enum { T_REPORT, T_TYPE, T_PERIOD_MONTHS, T_WEIGHT, T_FIELDS };
static const char *const type_keys[] = {
	[T_REPORT] = "report", [T_TYPE] = "type",
	[T_PERIOD_MONTHS] = "period_months", [T_WEIGHT] = "weight",
	[T_FIELDS] = NULL,
};
#define TYPE_REQUIRED (1u << T_REPORT | 1u << T_TYPE)

enum { G_ID, G_TITLE, G_CRITERIA, G_PRIORITY, G_ADVICE, G_KIND, G_FIELDS };
static const char *const gap_keys[] = {
	[G_ID] = "id", [G_TITLE] = "title", [G_CRITERIA] = "criteria",
	[G_PRIORITY] = "priority", [G_ADVICE] = "advice", [G_KIND] = "kind",
	[G_FIELDS] = NULL,
};
#define GAP_REQUIRED \
	(1u << G_ID | 1u << G_TITLE | 1u << G_CRITERIA | 1u << G_PRIORITY | \
	 1u << G_ADVICE)

enum { D_ITEM, D_STATUS, D_FIELDS };
static const char *const readiness_keys[] = {
	[D_ITEM] = "item", [D_STATUS] = "status", [D_FIELDS] = NULL,
};
#define READINESS_REQUIRED (1u << D_ITEM | 1u << D_STATUS)

_Static_assert(R_FIELDS <= FIELDS_MAX && T_FIELDS <= FIELDS_MAX &&
                       G_FIELDS <= FIELDS_MAX && D_FIELDS <= FIELDS_MAX,
               "fields_read has room for every key");

/* A part of a rule (a type, its gap, its readiness): its fields, its keys
 * checked; false when it is not a mapping (reported). */
static bool
part_fields(struct loader *L, const struct sc_ynode *n,
            const char *const *names, unsigned required, struct fields *f,
            struct what *w)
{
	if (n->kind != SC_Y_MAP) {
		sc_ymap_check_keys(n, names, NULL, what_str(w), L->file, L->d);
		return false;
	}
	fields_read(n, names, f);
	check_fields(L, n, names, required, f, w);
	return true;
}

static void
parse_recommend(struct loader *L, struct sc_rule *r, const struct sc_ynode *n)
{
	if (scalar_is(n, "none")) {
		r->recommend_none = true;
		return;
	}
	if (n->kind != SC_Y_SEQ) {
		int k = vocab_value(L, n, &v_report, "none");
		if (k >= 0)
			r->recommend |= 1u << k;
		return;
	}
	if (n->n == 0)
		diag_at(L, n, "\"recommend\" is an empty list");
	for (size_t i = 0; i < n->n; i++) {
		const struct sc_ynode *it = n->items[i];
		if (scalar_is(it, "none")) {
			diag_at(L, it,
			        "\"none\" cannot be listed with reports; write "
			        "\"recommend: none\" alone");
			continue;
		}
		int k = vocab_value(L, it, &v_report, NULL);
		if (k >= 0)
			r->recommend |= 1u << k;
	}
}

static void
parse_type_effect(struct loader *L, struct sc_rule *r,
                  const struct sc_ynode *n, struct what *rw)
{
	struct what tw;
	what_init(&tw, NULL, NULL, "the type of ", rw);
	struct fields f;
	if (!part_fields(L, n, type_keys, TYPE_REQUIRED, &f, &tw))
		return;
	struct sc_type_effect te = {0};
	bool ok = true;
	const struct sc_ynode *rep = f.val[T_REPORT];
	if (rep) {
		int k = vocab_value(L, rep, &v_report, NULL);
		ok = ok && k >= 0;
		te.report = k >= 0 ? (enum sc_report_id)k : SC_SOC1;
		if (k == SC_SOC3) {
			diag_at(L, rep, "a SOC 3 has no type of its own: it "
			                "summarizes the SOC 2 Type II over the same "
			                "period, so propose a type for soc2");
			ok = false;
		}
	}
	const struct sc_ynode *ty = f.val[T_TYPE];
	if (ty) {
		int k = vocab_value(L, ty, &v_rtype, NULL);
		ok = ok && k >= 0;
		te.type = k >= 0 ? (enum sc_rtype)k : SC_TYPE1;
	}
	long long v;
	if (int_value(L, f.val[T_PERIOD_MONTHS], "period_months", PERIOD_MIN,
	              PERIOD_MAX, &v)) {
		if (ty && te.type == SC_TYPE1 && ok)
			diag_at(L, f.key[T_PERIOD_MONTHS],
			        "\"period_months\" is for Type II only: a Type I "
			        "report is as of a date");
		te.period_months = (int)v;
	}
	if (int_value(L, f.val[T_WEIGHT], "weight", INT_MIN, INT_MAX, &v))
		te.weight = (int)v;
	/* A rule proposes a type or two: a new array for each is cheap. */
	struct sc_type_effect *types =
	        sc_arena_alloc(L->ar, (r->ntypes + 1) * sizeof *types);
	if (r->ntypes)
		memcpy(types, r->types, r->ntypes * sizeof *types);
	types[r->ntypes++] = te;
	r->types = types;
}

static void
parse_gap(struct loader *L, struct sc_rule *r, const struct sc_ynode *n,
          struct what *rw)
{
	struct what gw;
	what_init(&gw, NULL, NULL, "the gap of ", rw);
	struct fields f;
	if (!part_fields(L, n, gap_keys, GAP_REQUIRED, &f, &gw))
		return;
	struct sc_gap_def *g = sc_arena_calloc(L->ar, 1, sizeof *g);
	r->gap = g;
	const char *id = id_value(L, f.val[G_ID], "id", "gap", false);
	g->id = sc_arena_strdup(L->ar, id);
	g->title = text_value(L, f.val[G_TITLE], "title");
	g->advice = text_value(L, f.val[G_ADVICE], "advice");
	const struct sc_ynode *pr = f.val[G_PRIORITY];
	if (pr) {
		int k = vocab_value(L, pr, &v_priority, NULL);
		g->priority = k >= 0 ? (enum sc_priority)k : SC_PRIO_MEDIUM;
	}
	const struct sc_ynode *kind = f.val[G_KIND];
	if (kind) {
		if (scalar_is(kind, "followup"))
			g->followup = true;
		else if (is_word(kind) && !scalar_is(kind, "gap")) {
			char shown[SC_YQUOTE_SIZE];
			diag_at(L, kind,
			        "\"kind\" must be gap or followup, found \"%s\"",
			        sc_ynode_quote(kind, shown, sizeof shown));
		} else if (!is_word(kind)) {
			diag_at(L, kind, "\"kind\" must be gap or followup, found %s",
			        found(kind));
		}
	}
	const struct sc_ynode *cr = f.val[G_CRITERIA];
	if (!cr)
		return;
	if (cr->kind != SC_Y_SEQ) {
		diag_at(L, cr, "\"criteria\" must be a list of criteria ids, found %s",
		        found(cr));
		return;
	}
	if (cr->n == 0)
		diag_at(L, cr, "\"criteria\" is an empty list");
	g->criteria = sc_arena_calloc(L->ar, cr->n, sizeof *g->criteria);
	for (size_t i = 0; i < cr->n; i++) {
		const struct sc_ynode *c = cr->items[i];
		if (c->kind != SC_Y_SCALAR || sc_ynode_is_null(c)) {
			diag_at(L, c, "a criteria id must be text, found %s", found(c));
			continue;
		}
		if (strlen(c->str) != c->len || !sc_criteria_valid(c->str)) {
			char shown[SC_YQUOTE_SIZE];
			diag_at(L, c,
			        "\"%s\" is not one of the 61 Trust Services Criteria of "
			        "2017 nor a SOC1:<short-name> objective",
			        sc_ynode_quote(c, shown, sizeof shown));
			continue;
		}
		g->criteria[g->ncriteria++] = sc_arena_strdup(L->ar, c->str);
	}
}

static void
parse_readiness(struct loader *L, struct sc_rule *r, const struct sc_ynode *n,
                struct what *rw)
{
	struct what dw;
	what_init(&dw, NULL, NULL, "the readiness of ", rw);
	struct fields f;
	if (!part_fields(L, n, readiness_keys, READINESS_REQUIRED, &f, &dw))
		return;
	const char *item =
	        id_value(L, f.val[D_ITEM], "item", "readiness item", false);
	r->readiness_item = sc_arena_strdup(L->ar, item);
	const struct sc_ynode *st = f.val[D_STATUS];
	if (st) {
		int k = vocab_value(L, st, &v_readiness, NULL);
		r->readiness = k >= 0 ? (enum sc_readiness)k : SC_READY_UNKNOWN;
	}
}

/* A scope effect: one text or a list of them. */
static void
parse_scope_texts(struct loader *L, struct sc_rule *r, enum sc_scope_kind k,
                  const struct sc_ynode *n, const char *key)
{
	size_t count = n->kind == SC_Y_SEQ ? n->n : 1;
	if (n->kind == SC_Y_SEQ && n->n == 0) {
		diag_at(L, n, "\"%s\" is an empty list", key);
		return;
	}
	if (n->kind == SC_Y_MAP) {
		diag_at(L, n, "\"%s\" must be text or a list of texts, found %s",
		        key, found(n));
		return;
	}
	struct sc_scope_text *v = sc_arena_alloc(
	        L->ar, (r->nscope_texts + count) * sizeof *v);
	if (r->nscope_texts)
		memcpy(v, r->scope_texts, r->nscope_texts * sizeof *v);
	r->scope_texts = v;
	for (size_t i = 0; i < count; i++) {
		const struct sc_ynode *t = n->kind == SC_Y_SEQ ? n->items[i] : n;
		char *text = text_value(L, t, key);
		if (!text)
			continue;
		v[r->nscope_texts].kind = k;
		v[r->nscope_texts].text = text;
		r->nscope_texts++;
	}
}

static void
parse_rule(struct loader *L, const struct sc_ynode *map)
{
	if (map->kind != SC_Y_MAP) {
		diag_at(L, map, "a rule must be a mapping, found %s", found(map));
		return;
	}
	struct sc_questionnaire *q = L->q;
	size_t idx = q->nrules;
	q->rules = sc_xgrow(q->rules, &L->cap_rules, idx + 1, sizeof *q->rules);
	size_t cap = L->cap_rextra;
	L->when_at = sc_xgrow(L->when_at, &cap, idx + 1, sizeof *L->when_at);
	L->cap_rextra = cap;
	q->nrules++;
	struct sc_rule *r = &q->rules[idx];
	memset(r, 0, sizeof *r);
	r->line = map->line;
	r->col = map->col;
	r->outcome = SIZE_MAX;

	struct what rw;
	what_init(&rw, "rule", map, NULL, NULL);
	struct fields f;
	fields_read(map, rule_keys, &f);
	check_fields(L, map, rule_keys, RULE_REQUIRED, &f, &rw);
	const struct sc_ynode *idn = f.val[R_ID];
	const char *id = id_value(L, idn, "id", "rule", false);
	if (id) {
		r->id = sc_arena_strdup(L->ar, id);
		int first = idset_add(&L->rule_ids, r->id, idn->line);
		if (first)
			diag_at(L, idn, "duplicate rule id \"%s\" (first at line %d)",
			        id, first);
	}
	const struct sc_ynode *w = f.val[R_WHEN];
	if (w) {
		if (w->kind != SC_Y_SCALAR || sc_ynode_is_null(w) ||
		    strlen(w->str) != w->len)
			diag_at(L, w, "\"when\" must be an expression, found %s",
			        found(w));
		else {
			r->when_src = sc_arena_strndup(L->ar, w->str, w->len);
			sc_ynode_spot(w, &L->when_at[idx]);
		}
	}
	r->because = text_value(L, f.val[R_BECAUSE], "because");

	bool any = false;
	for (int k = RULE_EFFECTS; k < R_FIELDS; k++)
		any = any || f.val[k];
	if (!any) {
		struct sc_buf b = {0};
		for (int k = RULE_EFFECTS; k < R_FIELDS; k++)
			sc_buf_printf(&b, "%s%s", k == RULE_EFFECTS ? "" : ", ",
			              rule_keys[k]);
		diag_at(L, map, "%s has no effect; give it at least one of: %s",
		        what_str(&rw), sc_buf_str(&b));
		sc_buf_fini(&b);
	}

	const struct sc_ynode *n;
	if ((n = f.val[R_RECOMMEND]))
		parse_recommend(L, r, n);
	if ((n = f.val[R_TYPE])) {
		if (n->kind == SC_Y_SEQ) {
			if (n->n == 0)
				diag_at(L, n, "\"type\" is an empty list");
			for (size_t i = 0; i < n->n; i++)
				parse_type_effect(L, r, n->items[i], &rw);
		} else {
			parse_type_effect(L, r, n, &rw);
		}
	}
	if ((n = f.val[R_SCOPE]))
		r->scope_in = vocab_bits(L, n, "scope", &v_category);
	if ((n = f.val[R_SCOPE_OUT]))
		r->scope_out = vocab_bits(L, n, "scope_out", &v_category);
	if ((n = f.val[R_FLAG]))
		r->flags = vocab_bits(L, n, "flag", &v_framework);
	if ((n = f.val[R_GAP]))
		parse_gap(L, r, n, &rw);
	if ((n = f.val[R_READINESS]))
		parse_readiness(L, r, n, &rw);
	r->next_step = text_value(L, f.val[R_NEXT_STEP], "next_step");
	r->decision = text_value(L, f.val[R_DECISION], "decision");
	if ((n = f.val[R_OUTCOME]))
		qr_rule_outcome(&L->pending, idx, n, L->file, L->d);
	for (int k = 0; k < SC_SCOPE_KINDS; k++)
		if ((n = f.val[scope_effect_keys[k]]))
			parse_scope_texts(L, r, (enum sc_scope_kind)k, n,
			                  rule_keys[scope_effect_keys[k]]);
	qr_rule_texts(&L->pending, idx, map);
}

/* ---- pass 2: expressions and the timeline --------------------------------- */

static struct sc_expr *
compile_at(struct loader *L, const struct sc_yspot *spot, const char *src,
           size_t limit, const char *owner)
{
	struct sc_expr_scope scope = {.names = &L->names, .limit = limit,
	                              .owner = owner};
	struct sc_expr_error err;
	memset(&err, 0, sizeof err);
	struct sc_expr *e = sc_expr_compile_in(L->ar, src, &scope, &err);
	if (!e) {
		int line, col;
		size_t off = err.col > 0 ? (size_t)err.col - 1 : 0;
		size_t len = strlen(src);
		sc_yspot_pos(spot, src, len, off, &line, &col);
		err.msg[sizeof err.msg - 1] = '\0';
		/* Restate "at column N" of the expression as a place in the file. */
		char *at = err.related_col > 0 ? strstr(err.msg, " at column ") : NULL;
		if (at) {
			int rline, rcol;
			sc_yspot_pos(spot, src, len, (size_t)err.related_col - 1,
			             &rline, &rcol);
			size_t room = sizeof err.msg - (size_t)(at - err.msg);
			if (rline == line)
				snprintf(at, room, " at column %d)", rcol);
			else
				snprintf(at, room, " at line %d, column %d)", rline, rcol);
		}
		sc_diags_add(L->d, L->file, line, col, "%s",
		             err.msg[0] ? err.msg : "invalid expression");
	}
	return e;
}

static void
compile_expressions(struct loader *L)
{
	struct sc_questionnaire *q = L->q;
	for (size_t i = 0; i < q->nquestions; i++) {
		if (!q->questions[i].show_if_src)
			continue;
		struct sc_question *qn = &q->questions[i];
		char owner[WHAT_SIZE];
		join(owner, "show_if of question \"", qn->id ? qn->id : "?", "\"",
		     NULL);
		qn->show_if = compile_at(L, &L->show_if_at[i], qn->show_if_src, i,
		                         owner);
	}
	for (size_t i = 0; i < q->nrules; i++) {
		if (!q->rules[i].when_src)
			continue;
		struct sc_rule *r = &q->rules[i];
		char owner[WHAT_SIZE];
		join(owner, "rule \"", r->id ? r->id : "?", "\"", NULL);
		r->when = compile_at(L, &L->when_at[i], r->when_src, SIZE_MAX,
		                     owner);
	}
	/* A skip note speaks of the answers before its section: its own
	 * questions are all hidden when it is said. */
	size_t k = 0;
	for (size_t i = 0; i < q->nsections; i++) {
		struct sc_section *sec = &q->sections[i];
		char owner[WHAT_SIZE];
		join(owner, "skipped_note of section \"",
		     sec->id ? sec->id : "?", "\"", NULL);
		for (size_t v = 0; v < sec->nnotes && k < L->nnote_at; v++) {
			const struct sc_yspot *at = &L->note_at[k++];
			struct sc_expr *e = compile_at(L, at, sec->notes[v].when_src,
			                               SIZE_MAX, owner);
			size_t n = 0;
			const size_t *deps = e ? sc_expr_deps(e, &n) : NULL;
			for (size_t j = 0; j < n; j++) {
				if (deps[j] < sec->first)
					continue;
				sc_diags_add(L->d, L->file, at->line, at->col,
				             "question \"%s\" is not asked before "
				             "section \"%s\" (a skipped_note may only "
				             "name earlier questions)",
				             q->questions[deps[j]].id,
				             sec->id ? sec->id : "?");
				/* The arena keeps it; the load fails anyway. */
				e = NULL;
				break;
			}
			sec->notes[v].when = e;
		}
	}
}

/* The twelve month ids a fiscal_year_end question's choices must include. */
static const char *const month_ids[12] = {"jan", "feb", "mar", "apr",
                                          "may", "jun", "jul", "aug",
                                          "sep", "oct", "nov", "dec"};

int
sc_month_find(const char *id)
{
	for (int i = 0; id && i < 12; i++)
		if (strcmp(id, month_ids[i]) == 0)
			return i + 1;
	return 0;
}

/* The question a timeline key names, checked to be of one of the types in
 * `want` (a bit per enum sc_qtype); SIZE_MAX when the key is absent or
 * wrong (and then the problem is reported). */
static size_t
timeline_question(struct loader *L, const struct sc_ynode *map,
                  const char *key, unsigned want)
{
	const struct sc_ynode *n = sc_ymap_get(map, key);
	if (!n)
		return SIZE_MAX;
	char tname[64] = "";
	for (int t = 0; t < SC_QTYPE_COUNT; t++) {
		if (!(want & (1u << t)))
			continue;
		size_t o = strlen(tname);
		snprintf(tname + o, sizeof tname - o, "%s%s", o ? " or " : "",
		         sc_qtype_id_str((enum sc_qtype)t));
	}
	if (!is_word(n)) {
		diag_at(L, n, "\"%s\" must be the id of a %s question, found %s",
		        key, tname, found(n));
		return SIZE_MAX;
	}
	const struct sc_question *qn = sc_questionnaire_find(L->q, n->str);
	if (!qn) {
		char shown[SC_YQUOTE_SIZE];
		diag_at(L, n, "\"%s\" names \"%s\", which is not a question", key,
		        sc_ynode_quote(n, shown, sizeof shown));
		return SIZE_MAX;
	}
	if (!L->type_ok[qn->index])
		return SIZE_MAX; /* its type is already reported */
	if (!(want & (1u << qn->type))) {
		diag_at(L, n,
		        "\"%s\" must name a %s question; \"%s\" is a %s "
		        "question",
		        key, tname, n->str, sc_qtype_id_str(qn->type));
		return SIZE_MAX;
	}
	if (qn->type != SC_Q_SINGLE && qn->type != SC_Q_MULTI)
		return qn->index;
	/* A month list (fiscal_year_end as a single choice) or the kinds of
	 * earlier report (prior_reports): the choices the plan reads must be
	 * there; other choices ("varies", "dont_know", "none") mean "not
	 * known" or "none". */
	static const char *const report_ids[] = {
		"soc1_type1", "soc1_type2", "soc2_type1", "soc2_type2", "soc3",
		NULL};
	static const char *const which_ids[] = {"soc1", "soc2", NULL};
	static const char *const year_ids[] = {"ending", "next", NULL};
	bool which = strcmp(key, "deadline_reports") == 0;
	bool year = strcmp(key, "fiscal_year_covered") == 0;
	const char *const *need = which                    ? which_ids
	                          : year                   ? year_ids
	                          : qn->type == SC_Q_SINGLE ? month_ids
	                                                    : report_ids;
	size_t nneed = which || year ? 2 : qn->type == SC_Q_SINGLE ? 12 : 5;
	struct sc_buf missing = {0};
	for (size_t m = 0; m < nneed; m++) {
		if (sc_question_find_choice(qn, need[m]) >= 0)
			continue;
		sc_buf_printf(&missing, "%s%s", missing.len ? ", " : "",
		              need[m]);
	}
	if (missing.len) {
		diag_at(L, n,
		        "\"%s\" must name a %s question whose choices include "
		        "%s; \"%s\" has no choice %s",
		        key, sc_qtype_id_str(qn->type),
		        which ? "soc1 and soc2"
		        : year ? "ending and next"
		        : qn->type == SC_Q_SINGLE
		                ? "the months jan ... dec"
		                : "soc1_type1, soc1_type2, soc2_type1, "
		                  "soc2_type2 and soc3",
		        n->str, sc_buf_str(&missing));
		sc_buf_fini(&missing);
		return SIZE_MAX;
	}
	sc_buf_fini(&missing);
	return qn->index;
}

static const char *const timeline_keys[] = {
	"deadline", "needed_in_months", "operating_months", "evidence_kept",
	"prior_period_end", "prior_soc1_period_end", "prior_soc2_period_end",
	"prior_reports", "fiscal_year_end", "type2_demanded", "deadline_reports",
	"deadline_other", "fiscal_year_covered", "deadline_requester",
	"team_size", "waiting", NULL};

#define QT(t) (1u << (t))

static void
parse_timeline(struct loader *L, const struct sc_ynode *root)
{
	const struct sc_ynode *t = sc_ymap_get(root, "timeline");
	if (!t)
		return;
	sc_ymap_check_keys(t, timeline_keys, NULL, "\"timeline\"", L->file,
	                   L->d);
	if (t->kind != SC_Y_MAP)
		return;
	struct sc_timeline *tl = &L->q->timeline;
	tl->deadline = timeline_question(L, t, "deadline", QT(SC_Q_DATE));
	tl->needed_in_months =
	        timeline_question(L, t, "needed_in_months", QT(SC_Q_NUMBER));
	if (sc_ymap_get(t, "deadline") && sc_ymap_get(t, "needed_in_months"))
		diag_at(L, map_key(t, "needed_in_months"),
		        "give \"deadline\" (a date) or \"needed_in_months\" (the "
		        "older form), not both");
	tl->operating_months =
	        timeline_question(L, t, "operating_months", QT(SC_Q_NUMBER));
	tl->evidence_kept =
	        timeline_question(L, t, "evidence_kept", QT(SC_Q_YESNO));
	tl->prior_period_end = timeline_question(
		L, t, "prior_period_end", QT(SC_Q_DATE) | QT(SC_Q_NUMBER));
	tl->prior_soc1_period_end = timeline_question(
		L, t, "prior_soc1_period_end", QT(SC_Q_DATE));
	tl->prior_soc2_period_end = timeline_question(
		L, t, "prior_soc2_period_end", QT(SC_Q_DATE));
	tl->prior_reports =
	        timeline_question(L, t, "prior_reports", QT(SC_Q_MULTI));
	tl->fiscal_year_end = timeline_question(
		L, t, "fiscal_year_end", QT(SC_Q_DATE) | QT(SC_Q_SINGLE));
	tl->type2_demanded =
	        timeline_question(L, t, "type2_demanded", QT(SC_Q_YESNO));
	tl->deadline_reports =
	        timeline_question(L, t, "deadline_reports", QT(SC_Q_SINGLE));
	tl->deadline_other =
	        timeline_question(L, t, "deadline_other", QT(SC_Q_DATE));
	tl->fiscal_year_covered =
	        timeline_question(L, t, "fiscal_year_covered", QT(SC_Q_SINGLE));
	tl->deadline_requester =
	        timeline_question(L, t, "deadline_requester", QT(SC_Q_TEXT));
	tl->team_size = timeline_question(L, t, "team_size", QT(SC_Q_NUMBER));
	const struct sc_ynode *w = sc_ymap_get(t, "waiting");
	if (w) {
		if (w->kind != SC_Y_SCALAR || sc_ynode_is_null(w) ||
		    strlen(w->str) != w->len) {
			diag_at(L, w, "\"waiting\" must be an expression, found %s",
			        found(w));
		} else {
			struct sc_yspot spot;
			sc_ynode_spot(w, &spot);
			tl->waiting_src = sc_arena_strndup(L->ar, w->str, w->len);
			tl->waiting = compile_at(L, &spot, tl->waiting_src, SIZE_MAX,
			                         "timeline \"waiting\"");
		}
	}
}

/* criteria_shown: {soc1: EXPR, tsc: EXPR}, when a family of criteria is
 * shown in a questionnaire that recommends no report. */
static void
parse_criteria_shown(struct loader *L, const struct sc_ynode *root)
{
	const struct sc_ynode *m = sc_ymap_get(root, "criteria_shown");
	if (!m)
		return;
	if (m->kind != SC_Y_MAP) {
		diag_at(L, m, "\"criteria_shown\" must be a mapping with soc1 "
		              "and tsc, found %s", found(m));
		return;
	}
	static const char *const keys[] = {"soc1", "tsc", NULL};
	sc_ymap_check_keys(m, keys, NULL, "\"criteria_shown\"", L->file, L->d);
	for (int k = 0; keys[k]; k++) {
		const struct sc_ynode *w = sc_ymap_get(m, keys[k]);
		if (!w)
			continue;
		if (w->kind != SC_Y_SCALAR || sc_ynode_is_null(w) ||
		    strlen(w->str) != w->len) {
			diag_at(L, w, "\"%s\" of criteria_shown must be an "
			              "expression, found %s", keys[k], found(w));
			continue;
		}
		struct sc_yspot spot;
		sc_ynode_spot(w, &spot);
		char owner[WHAT_SIZE];
		join(owner, "criteria_shown \"", keys[k], "\"", NULL);
		struct sc_expr *e = compile_at(
			L, &spot, sc_arena_strndup(L->ar, w->str, w->len), SIZE_MAX,
			owner);
		if (k == 0)
			L->q->criteria_soc1 = e;
		else
			L->q->criteria_tsc = e;
	}
}

/* client_question: the text question that holds the client's name. */
static void
parse_client_question(struct loader *L, const struct sc_ynode *root)
{
	const struct sc_ynode *n = sc_ymap_get(root, "client_question");
	if (!n)
		return;
	if (!is_word(n)) {
		diag_at(L, n, "\"client_question\" must be the id of a text "
		        "question, found %s", found(n));
		return;
	}
	const struct sc_question *qn = sc_questionnaire_find(L->q, n->str);
	if (!qn) {
		char shown[SC_YQUOTE_SIZE];
		diag_at(L, n, "\"client_question\" names \"%s\", which is not "
		        "a question", sc_ynode_quote(n, shown, sizeof shown));
		return;
	}
	if (!L->type_ok[qn->index])
		return; /* its type is already reported */
	if (qn->type != SC_Q_TEXT) {
		diag_at(L, n,
		        "\"client_question\" must name a text question; \"%s\" "
		        "is a %s question",
		        n->str, sc_qtype_id_str(qn->type));
		return;
	}
	L->q->client_question = qn->index;
}

/* ---- top level ---------------------------------------------------------------- */

static const char *const top_keys[] = {"id", "title", "version", "description",
                                       "client_question", "timeline",
                                       "sections", "rules", "migrations",
                                       "outcomes", "header", "next_review",
                                       "system_boundary", "criteria_shown",
                                       "disclaimer", NULL};
static const char *const top_required[] = {"id", "title", "version",
                                           "description", "sections",
                                           "rules", NULL};

static void
load_tree(struct loader *L, const struct sc_ynode *root)
{
	struct sc_questionnaire *q = L->q;
	if (!root) {
		sc_diags_add(L->d, L->file, 0, 0,
		             "the file is empty: expected a questionnaire");
		return;
	}
	if (root->kind != SC_Y_MAP) {
		diag_at(L, root, "a questionnaire must be a mapping, found %s",
		        found(root));
		return;
	}
	sc_ymap_check_keys(root, top_keys, top_required, "the questionnaire",
	                   L->file, L->d);
	q->id = sc_arena_strdup(L->ar, get_id(L, root, "id", "questionnaire",
	                                      true));
	q->title = get_text(L, root, "title");
	q->version = get_text(L, root, "version");
	q->description = get_text(L, root, "description");

	const struct sc_ynode *sections = get_list(L, root, "sections");
	if (sections && sections->n == 0)
		diag_at(L, sections, "\"sections\" is empty: give at least one");
	for (size_t i = 0; sections && i < sections->n; i++)
		if (!sc_ynode_taken(sections->items[i]))
			parse_section(L, sections->items[i]);
	const struct sc_ynode *rules = get_list(L, root, "rules");
	for (size_t i = 0; rules && i < rules->n; i++)
		if (!sc_ynode_taken(rules->items[i]))
			parse_rule(L, rules->items[i]);

	/* Pass 2: everything that names questions. */
	q->index = qindex_build(q, L->ar);
	sc_questionnaire_names(q, &L->names);
	compile_expressions(L);
	parse_timeline(L, root);
	parse_client_question(L, root);
	parse_criteria_shown(L, root);
	sc_migrations_parse(q, sc_ymap_get(root, "migrations"), L->file, L->d);
	qr_finish(q, root, &L->pending, L->file, L->d);
}

struct seq_diag {
	const struct sc_diag *g;
	size_t seq;
};

static int
diag_cmp(const void *pa, const void *pb)
{
	const struct seq_diag *a = pa, *b = pb;
	if (a->g->line != b->g->line)
		return a->g->line < b->g->line ? -1 : 1;
	if (a->g->col != b->g->col)
		return a->g->col < b->g->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Sort the private list into file order (equal positions keep the order
 * they were found in) and copy it onto the caller's list. */
static void
hand_over(const struct sc_diags *mine, struct sc_diags *d)
{
	struct seq_diag *v = sc_xcalloc(mine->n, sizeof *v);
	for (size_t i = 0; i < mine->n; i++) {
		v[i].g = &mine->v[i];
		v[i].seq = i;
	}
	qsort(v, mine->n, sizeof *v, diag_cmp);
	for (size_t i = 0; i < mine->n; i++)
		sc_diags_add(d, v[i].g->file, v[i].g->line, v[i].g->col, "%s",
		             v[i].g->msg);
	d->dropped += mine->dropped;
	free(v);
}

/* Give back the room the growing arrays kept spare: the model lives as long
 * as the program. */
static void
fit(struct sc_questionnaire *q)
{
	if (q->nquestions)
		q->questions = sc_xrealloc(q->questions,
		                           q->nquestions * sizeof *q->questions);
	if (q->nsections)
		q->sections = sc_xrealloc(q->sections,
		                          q->nsections * sizeof *q->sections);
	if (q->nrules)
		q->rules = sc_xrealloc(q->rules, q->nrules * sizeof *q->rules);
}

/* The long lists are taken item by item as the file is read, so the tree
 * of a big questionnaire is never held whole: each question, section (its
 * questions taken already) and rule is built into the model as soon as it
 * is complete, and its part of the tree freed.  Pass 2 needs only the
 * model and the root's small keys. */
static const char *const questions_path[] = {"sections", "*", "questions",
                                             NULL};
static const char *const sections_path[] = {"sections", NULL};
static const char *const rules_path[] = {"rules", NULL};
enum { TAKE_QUESTION, TAKE_SECTION, TAKE_RULE };
static const char *const *const taken_lists[] = {
	[TAKE_QUESTION] = questions_path,
	[TAKE_SECTION] = sections_path,
	[TAKE_RULE] = rules_path,
};

static void
take(void *ud, size_t which, const struct sc_ynode *item, const size_t *at)
{
	struct loader *L = ud;
	(void)at;
	switch (which) {
	case TAKE_QUESTION:
		/* Its section is the next one to be finished. */
		parse_question(L, item, L->q->nsections);
		break;
	case TAKE_SECTION:
		parse_section(L, item);
		break;
	case TAKE_RULE:
		parse_rule(L, item);
		break;
	}
}

static void
release(void *ud, size_t upto)
{
	struct loader *L = ud;
	sc_arena_window_grow(L->ar, upto);
}

/* Read the file (path) or the buffer, and load it. */
static struct sc_questionnaire *
load(const char *name, const char *path, const char *buf, size_t len,
     struct sc_diags *d, enum sc_status *st)
{
	const char *file = path ? path : name ? name : "<input>";
	struct sc_diags mine;
	sc_diags_init(&mine);
	struct loader L = {.file = file, .d = &mine};
	L.q = sc_xcalloc(1, sizeof *L.q);
	/* Blocks double from 16 KiB: the bundled questionnaire fills a few,
	 * a big one's later blocks are large enough for glibc to map them
	 * apart from the heap the parser works in. */
	L.ar = sc_xmalloc(sizeof *L.ar);
	sc_arena_init(L.ar, 16u * 1024, 1024u * 1024);
	L.q->arena = L.ar;
	L.q->file = sc_arena_strdup(L.ar, file);
	sc_timeline_init(&L.q->timeline);
	L.q->client_question = SIZE_MAX;
	L.q->next_review_after = SIZE_MAX;

	struct sc_ytaker taker = {
		.paths = taken_lists,
		.npaths = sizeof taken_lists / sizeof taken_lists[0],
		.take = take,
		.ud = &L,
	};
	struct sc_ydoc doc = {0};
	struct sc_buf text = {0};
	enum sc_status yst = SC_OK;
	if (path) {
		yst = sc_ydoc_read_file(path, NULL, &text, d);
		buf = text.data;
		len = text.len;
		name = path;
	}
	/* What is built goes in the pages the file was read into, as the
	 * parser is done with them: pass 1 behind the parser, pass 2 (the
	 * expressions above all) in the rest. */
	if (text.data) {
		sc_arena_window(L.ar, text.data, text.cap);
		taker.released = release;
		text = (struct sc_buf){0};
	}
	if (yst == SC_OK)
		yst = sc_ydoc_take_buffer(&doc, name, buf, len, NULL, &taker, d);
	sc_arena_window_close(L.ar);
	/* A file that is not good YAML says only that (what was taken before
	 * the problem was found is dropped). */
	if (yst == SC_OK)
		load_tree(&L, doc.root);
	sc_ydoc_fini(&doc);
	/* The model lives as long as the program: what the file left unused
	 * goes back. */
	sc_arena_trim(L.ar);

	free(L.show_if_at);
	free(L.type_ok);
	free(L.when_at);
	idset_fini(&L.section_ids);
	idset_fini(&L.question_ids);
	idset_fini(&L.rule_ids);
	qr_pending_fini(&L.pending);
	free(L.note_at);

	struct sc_questionnaire *q = L.q;
	bool bad = yst != SC_OK || mine.n > 0 || mine.dropped > 0;
	if (!bad)
		fit(q);
	if (yst == SC_OK)
		hand_over(&mine, d);
	sc_diags_fini(&mine);
	if (bad) {
		sc_questionnaire_free(q);
		q = NULL;
	}
	if (st)
		*st = yst != SC_OK ? yst : bad ? SC_EDATA : SC_OK;
	return q;
}

struct sc_questionnaire *
sc_questionnaire_load_buffer(const char *name, const char *buf, size_t len,
                             struct sc_diags *d, enum sc_status *st)
{
	return load(name, NULL, buf, len, d, st);
}

struct sc_questionnaire *
sc_questionnaire_load_file(const char *path, struct sc_diags *d,
                           enum sc_status *st)
{
	return load(NULL, path, NULL, 0, d, st);
}
