/* Loading and checking an evidence catalogue (format in questionnaires/evidence/README.md).
 *
 * One pass over the YAML tree after the sources are read (requests cite
 * them by id), reporting every problem and carrying on after each, so one
 * run of `socscope validate` shows them all; the list is sorted into file
 * order before the caller sees it. */
#include "socscope/catalogue.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/bundled.h"
#include "socscope/paths.h"
#include "socscope/vocab.h"
#include "socscope/yamltree.h"

#define EV_ID(e, id, name) id,
#define EV_NAME(e, id, name) name,
static const char *const kind_ids[] = {SC_EVIDENCE_KINDS(EV_ID)};
static const char *const kind_names[] = {SC_EVIDENCE_KINDS(EV_NAME)};
static const char *const test_ids[] = {SC_EVIDENCE_TESTS(EV_ID)};
static const char *const test_names[] = {SC_EVIDENCE_TESTS(EV_NAME)};
static_assert(sizeof kind_ids / sizeof kind_ids[0] == SC_EV_KIND_COUNT,
              "one id per evidence kind");
static_assert(sizeof kind_names / sizeof kind_names[0] == SC_EV_KIND_COUNT,
              "one name per evidence kind");
static_assert(sizeof test_ids / sizeof test_ids[0] == SC_EV_TEST_COUNT,
              "one id per test");
static_assert(sizeof test_names / sizeof test_names[0] == SC_EV_TEST_COUNT,
              "one name per test");

const char *
sc_ev_kind_id_str(enum sc_ev_kind k)
{
	return (unsigned)k < SC_EV_KIND_COUNT ? kind_ids[k] : "?";
}

const char *
sc_ev_kind_name(enum sc_ev_kind k)
{
	return (unsigned)k < SC_EV_KIND_COUNT ? kind_names[k] : "?";
}

const char *
sc_ev_test_id_str(enum sc_ev_test t)
{
	return (unsigned)t < SC_EV_TEST_COUNT ? test_ids[t] : "?";
}

const char *
sc_ev_test_name(enum sc_ev_test t)
{
	return (unsigned)t < SC_EV_TEST_COUNT ? test_names[t] : "?";
}

static int
find_in(const char *const *ids, int n, const char *id)
{
	for (int i = 0; id && i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return i;
	return -1;
}

int
sc_ev_kind_find(const char *id)
{
	return find_in(kind_ids, SC_EV_KIND_COUNT, id);
}

int
sc_ev_test_find(const char *id)
{
	return find_in(test_ids, SC_EV_TEST_COUNT, id);
}

/* ---- loading ---------------------------------------------------------- */

#define ID_MAX SC_ID_MAX

struct loader {
	const char *file;
	struct sc_diags *d;
	size_t start; /* problems already in d before this file */
};

#define err_at(L, n, ...) sc_ydiag((L)->d, (L)->file, (n), __VA_ARGS__)

/* Ids seen so far, valid entry or not, for "duplicate" messages: a second
 * "x" is a mistake even when the first one had another. */
struct seen {
	const char **ids;
	int *lines;
	size_t n;
};

/* True (and reported) when `n`'s id was seen; else remembers it. */
static bool
seen_before(struct loader *L, struct seen *s, const struct sc_ynode *n,
            const char *what)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->ids[i], n->str) == 0) {
			err_at(L, n, "duplicate %s \"%s\" (first at line %d)", what,
			       n->str, s->lines[i]);
			return true;
		}
	s->ids = sc_xrealloc(s->ids, (s->n + 1) * sizeof *s->ids);
	s->lines = sc_xrealloc(s->lines, (s->n + 1) * sizeof *s->lines);
	s->ids[s->n] = n->str;
	s->lines[s->n++] = n->line;
	return false;
}

static void
seen_fini(struct seen *s)
{
	free(s->ids);
	free(s->lines);
}

static bool
loader_failed(const struct loader *L)
{
	return L->d->n + L->d->dropped > L->start;
}

/* A scalar usable as a word: not null, no NUL inside. */
static bool
is_word(const struct sc_ynode *n)
{
	return n && n->kind == SC_Y_SCALAR && !sc_ynode_is_null(n) &&
	       strlen(n->str) == n->len;
}

/* An id under `key`; NULL (reported unless absent) when it is not one. */
static const char *
get_id(struct loader *L, const struct sc_ynode *n, const char *what,
       bool dash)
{
	char shown[SC_YQUOTE_SIZE];
	if (!n)
		return NULL;
	if (!is_word(n)) {
		err_at(L, n, "%s must be an id, found %s", what,
		       sc_ynode_kind_name(n));
		return NULL;
	}
	if (!sc_id_valid(n->str, n->len, dash)) {
		err_at(L, n,
		       "invalid %s \"%s\": ids are 1 to %d characters: a "
		       "lower-case letter, then lower-case letters, digits%s and "
		       "\"_\"",
		       what, sc_ynode_quote(n, shown, sizeof shown), ID_MAX,
		       dash ? ", \"-\"" : "");
		return NULL;
	}
	return n->str;
}

/* Text under `key`; NULL when absent or wrong (reported unless absent). */
static char *
get_text(struct loader *L, const struct sc_ynode *map, const char *key)
{
	const struct sc_ynode *n = sc_ymap_get(map, key);
	if (!n)
		return NULL;
	if (n->kind != SC_Y_SCALAR) {
		err_at(L, n, "\"%s\" must be text, found %s", key,
		       sc_ynode_kind_name(n));
		return NULL;
	}
	if (sc_ynode_is_null(n) || n->len == 0) {
		err_at(L, n, "\"%s\" must not be empty", key);
		return NULL;
	}
	if (strlen(n->str) != n->len) {
		err_at(L, n, "\"%s\" must not contain NUL characters", key);
		return NULL;
	}
	return sc_xstrndup(n->str, n->len);
}

/* A list under `key` (a single scalar is not accepted: lists are lists). */
static const struct sc_ynode *
get_list(struct loader *L, const struct sc_ynode *map, const char *key,
         const char *of, bool nonempty)
{
	const struct sc_ynode *n = sc_ymap_get(map, key);
	if (!n)
		return NULL;
	if (n->kind != SC_Y_SEQ) {
		err_at(L, n, "\"%s\" must be a list of %s, found %s", key, of,
		       sc_ynode_kind_name(n));
		return NULL;
	}
	if (nonempty && n->n == 0) {
		err_at(L, n, "\"%s\" is an empty list", key);
		return NULL;
	}
	return n;
}

static bool
valid_url(const char *s)
{
	if (strncmp(s, "https://", 8) != 0 || !s[8])
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p >= 0x7F || *p == '"' || *p == '<' ||
		    *p == '>')
			return false;
	return true;
}

static void
load_sources(struct loader *L, struct sc_catalogue *c,
             const struct sc_ynode *list)
{
	static const char *const keys[] = {"id", "title", "url", NULL};
	struct seen seen = {0};
	c->sources = sc_xcalloc(list->n, sizeof *c->sources);
	for (size_t i = 0; i < list->n; i++) {
		const struct sc_ynode *n = list->items[i];
		if (n->kind != SC_Y_MAP) {
			err_at(L, n, "a source is a mapping with id, title and "
			             "url, found %s",
			       sc_ynode_kind_name(n));
			continue;
		}
		char *what = sc_xasprintf("the source at line %d", n->line);
		sc_ymap_check_keys(n, keys, keys, what, L->file, L->d);
		free(what);
		const struct sc_ynode *idn = sc_ymap_get(n, "id");
		const char *id = get_id(L, idn, "source id", true);
		if (id && seen_before(L, &seen, idn, "source id"))
			id = NULL;
		char *title = get_text(L, n, "title");
		char *url = get_text(L, n, "url");
		if (url && !valid_url(url)) {
			char shown[SC_YQUOTE_SIZE];
			err_at(L, sc_ymap_get(n, "url"),
			       "\"%s\" is not a public address: a source's url "
			       "starts with https:// and has no spaces",
			       sc_ynode_quote(sc_ymap_get(n, "url"), shown,
			                      sizeof shown));
			free(url);
			url = NULL;
		}
		if (!id || !title || !url) {
			free(title);
			free(url);
			continue;
		}
		struct sc_ev_source *s = &c->sources[c->nsources++];
		s->id = sc_xstrdup(id);
		s->title = title;
		s->url = url;
	}
	seen_fini(&seen);
}

static bool
dup_in(char **v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return true;
	return false;
}

static void
load_criteria(struct loader *L, struct sc_ev_request *r,
              const struct sc_ynode *map)
{
	const struct sc_ynode *list =
		get_list(L, map, "criteria", "criteria ids", true);
	if (!list)
		return;
	r->criteria = sc_xcalloc(list->n, sizeof *r->criteria);
	for (size_t i = 0; i < list->n; i++) {
		const struct sc_ynode *n = list->items[i];
		char shown[SC_YQUOTE_SIZE];
		if (!is_word(n)) {
			err_at(L, n, "a criteria id must be text, found %s",
			       sc_ynode_kind_name(n));
			continue;
		}
		if (!sc_criteria_valid(n->str)) {
			err_at(L, n,
			       "\"%s\" is not one of the 61 Trust Services "
			       "Criteria of 2017 nor a SOC1:<short-name> "
			       "objective",
			       sc_ynode_quote(n, shown, sizeof shown));
			continue;
		}
		if (dup_in(r->criteria, r->ncriteria, n->str)) {
			err_at(L, n, "criterion \"%s\" is listed twice",
			       n->str);
			continue;
		}
		r->criteria[r->ncriteria++] = sc_xstrdup(n->str);
	}
}

static void
load_readiness(struct loader *L, struct sc_ev_request *r,
               const struct sc_ynode *map)
{
	const struct sc_ynode *list =
		get_list(L, map, "readiness", "readiness item ids", false);
	if (!list)
		return;
	r->readiness = sc_xcalloc(list->n ? list->n : 1, sizeof *r->readiness);
	for (size_t i = 0; i < list->n; i++) {
		const char *id =
			get_id(L, list->items[i], "readiness item id", false);
		if (!id)
			continue;
		if (dup_in(r->readiness, r->nreadiness, id)) {
			err_at(L, list->items[i],
			       "readiness item \"%s\" is listed twice", id);
			continue;
		}
		r->readiness[r->nreadiness++] = sc_xstrdup(id);
	}
}

static void
load_request_sources(struct loader *L, const struct sc_catalogue *c,
                     struct sc_ev_request *r, const struct sc_ynode *map)
{
	const struct sc_ynode *list =
		get_list(L, map, "sources", "source ids", true);
	if (!list)
		return;
	r->sources = sc_xcalloc(list->n, sizeof *r->sources);
	for (size_t i = 0; i < list->n; i++) {
		const struct sc_ynode *n = list->items[i];
		char shown[SC_YQUOTE_SIZE];
		if (!is_word(n)) {
			err_at(L, n, "a source id must be text, found %s",
			       sc_ynode_kind_name(n));
			continue;
		}
		size_t k = 0;
		while (k < c->nsources && strcmp(c->sources[k].id, n->str) != 0)
			k++;
		if (k == c->nsources) {
			err_at(L, n,
			       "unknown source \"%s\": every source a request "
			       "cites is listed under \"sources\"",
			       sc_ynode_quote(n, shown, sizeof shown));
			continue;
		}
		bool seen = false;
		for (size_t j = 0; j < r->nsources; j++)
			seen |= r->sources[j] == k;
		if (seen) {
			err_at(L, n, "source \"%s\" is cited twice", n->str);
			continue;
		}
		r->sources[r->nsources++] = k;
	}
}

/* One of `ids` under `key`; -1 (reported unless absent) otherwise. */
static int
get_enum(struct loader *L, const struct sc_ynode *map, const char *key,
         const char *const *ids, int count)
{
	const struct sc_ynode *n = sc_ymap_get(map, key);
	if (!n)
		return -1;
	int v = is_word(n) ? find_in(ids, count, n->str) : -1;
	if (v < 0) {
		struct sc_buf b = {0};
		for (int i = 0; i < count; i++)
			sc_buf_printf(&b, "%s%s", i ? ", " : "", ids[i]);
		char shown[SC_YQUOTE_SIZE];
		err_at(L, n, "\"%s\" must be one of: %s; found \"%s\"", key,
		       sc_buf_str(&b),
		       n->kind == SC_Y_SCALAR ? sc_ynode_quote(n, shown,
		                                               sizeof shown)
		                              : sc_ynode_kind_name(n));
		sc_buf_fini(&b);
	}
	return v;
}

static void
request_fini(struct sc_ev_request *r)
{
	free(r->id);
	for (size_t i = 0; i < r->ncriteria; i++)
		free(r->criteria[i]);
	free(r->criteria);
	free(r->text);
	for (size_t i = 0; i < r->nreadiness; i++)
		free(r->readiness[i]);
	free(r->readiness);
	free(r->sources);
}

static void
load_requests(struct loader *L, struct sc_catalogue *c,
              const struct sc_ynode *list)
{
	static const char *const keys[] = {"id",   "criteria",  "evidence",
	                                   "test", "request",   "readiness",
	                                   "sources", NULL};
	static const char *const required[] = {"id",      "criteria",
	                                       "evidence", "test",
	                                       "request", "sources", NULL};
	struct seen seen = {0};
	c->requests = sc_xcalloc(list->n, sizeof *c->requests);
	for (size_t i = 0; i < list->n; i++) {
		const struct sc_ynode *n = list->items[i];
		if (n->kind != SC_Y_MAP) {
			err_at(L, n, "a request is a mapping, found %s",
			       sc_ynode_kind_name(n));
			continue;
		}
		const struct sc_ynode *idn = sc_ymap_get(n, "id");
		char shown[SC_YQUOTE_SIZE];
		char *what = is_word(idn)
		                     ? sc_xasprintf("request \"%s\"",
		                                    sc_ynode_quote(idn, shown,
		                                                   sizeof shown))
		                     : sc_xasprintf("the request at line %d",
		                                    n->line);
		sc_ymap_check_keys(n, keys, required, what, L->file, L->d);
		free(what);

		struct sc_ev_request r = {.line = n->line, .col = n->col};
		const char *id = get_id(L, idn, "request id", false);
		if (id && seen_before(L, &seen, idn, "request id"))
			id = NULL;
		r.id = sc_xstrdup(id);
		load_criteria(L, &r, n);
		int kind = get_enum(L, n, "evidence", kind_ids,
		                    SC_EV_KIND_COUNT);
		int test = get_enum(L, n, "test", test_ids, SC_EV_TEST_COUNT);
		r.text = get_text(L, n, "request");
		load_readiness(L, &r, n);
		load_request_sources(L, c, &r, n);
		if (!r.id || r.ncriteria == 0 || kind < 0 || test < 0 ||
		    !r.text || r.nsources == 0) {
			request_fini(&r);
			continue;
		}
		r.kind = (enum sc_ev_kind)kind;
		r.test = (enum sc_ev_test)test;
		c->requests[c->nrequests++] = r;
	}
	seen_fini(&seen);
}

static struct sc_catalogue *
load_doc(const struct sc_ydoc *doc, struct sc_diags *d, enum sc_status *st)
{
	struct loader L = {.file = doc->file, .d = d, .start = d->n + d->dropped};
	const struct sc_ynode *root = doc->root;
	*st = SC_EDATA;
	if (!root) {
		sc_diags_add(d, doc->file, 1, 1,
		             "empty evidence catalogue; expected \"id\", "
		             "\"title\", \"version\", \"sources\" and "
		             "\"requests\"");
		return NULL;
	}
	if (root->kind != SC_Y_MAP) {
		err_at(&L, root, "an evidence catalogue is a mapping, found %s",
		       sc_ynode_kind_name(root));
		return NULL;
	}
	static const char *const top[] = {"id",      "title",   "version",
	                                  "description", "sources",
	                                  "requests", NULL};
	static const char *const required[] = {"id", "title", "version",
	                                       "sources", "requests", NULL};
	sc_ymap_check_keys(root, top, required, "the evidence catalogue",
	                   L.file, d);

	struct sc_catalogue *c = sc_xcalloc(1, sizeof *c);
	c->file = sc_xstrdup(doc->file);
	c->id = sc_xstrdup(get_id(&L, sc_ymap_get(root, "id"),
	                          "catalogue id", true));
	c->title = get_text(&L, root, "title");
	c->version = get_text(&L, root, "version");
	c->description = get_text(&L, root, "description");
	const struct sc_ynode *sources =
		get_list(&L, root, "sources", "sources", true);
	if (sources)
		load_sources(&L, c, sources);
	const struct sc_ynode *requests =
		get_list(&L, root, "requests", "requests", true);
	if (requests)
		load_requests(&L, c, requests);

	if (loader_failed(&L)) {
		sc_catalogue_free(c);
		return NULL;
	}
	*st = SC_OK;
	return c;
}

/* Diagnostics of this file in file order, like every loader's. */
static struct sc_catalogue *
finish(struct sc_ydoc *doc, enum sc_status s, struct sc_diags *d,
       enum sc_status *st)
{
	struct sc_catalogue *c = NULL;
	struct sc_diags mine;
	sc_diags_init(&mine);
	if (s == SC_OK)
		c = load_doc(doc, &mine, &s);
	sc_diags_sort(&mine);
	for (size_t i = 0; i < mine.n; i++)
		sc_diags_add(d, mine.v[i].file, mine.v[i].line, mine.v[i].col,
		             "%s", mine.v[i].msg);
	d->dropped += mine.dropped;
	sc_diags_fini(&mine);
	sc_ydoc_fini(doc);
	if (st)
		*st = s;
	return c;
}

struct sc_catalogue *
sc_catalogue_load_file(const char *path, struct sc_diags *d,
                       enum sc_status *st)
{
	struct sc_ydoc doc = {0};
	enum sc_status s = sc_ydoc_load_file(&doc, path, NULL, d);
	return finish(&doc, s, d, st);
}

struct sc_catalogue *
sc_catalogue_load_buffer(const char *name, const char *buf, size_t len,
                         struct sc_diags *d, enum sc_status *st)
{
	struct sc_ydoc doc = {0};
	enum sc_status s = sc_ydoc_load_buffer(&doc, name, buf, len, NULL, d);
	return finish(&doc, s, d, st);
}

struct sc_catalogue *
sc_catalogue_load_named(const char *name, struct sc_diags *d,
                        enum sc_status *st)
{
	if (!name)
		name = SC_DEFAULT_CATALOGUE;
	if (sc_name_is_path(name))
		return sc_catalogue_load_file(name, d, st);
	char *path = sc_data_find(SC_DATA_EVIDENCE, name);
	if (path) {
		struct sc_catalogue *c = sc_catalogue_load_file(path, d, st);
		free(path);
		return c;
	}
	const struct sc_bundled *b = sc_bundled_find(SC_DATA_EVIDENCE, name);
	if (!b) {
		sc_diags_add(d, "socscope", 0, 0,
		             "no evidence catalogue called \"%s\" (see 'socscope list')",
		             name);
		*st = SC_ENOINPUT;
		return NULL;
	}
	char *label = sc_xasprintf("<bundled>/%s.yaml", b->name);
	struct sc_catalogue *c = sc_catalogue_load_buffer(label, b->data, b->len,
	                                                  d, st);
	free(label);
	return c;
}

void
sc_catalogue_free(struct sc_catalogue *c)
{
	if (!c)
		return;
	free(c->file);
	free(c->id);
	free(c->title);
	free(c->version);
	free(c->description);
	for (size_t i = 0; i < c->nsources; i++) {
		free(c->sources[i].id);
		free(c->sources[i].title);
		free(c->sources[i].url);
	}
	free(c->sources);
	for (size_t i = 0; i < c->nrequests; i++)
		request_fini(&c->requests[i]);
	free(c->requests);
	free(c);
}
