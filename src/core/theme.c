/* Themes: semantic roles mapped to colours and attributes (themes/README.md). */
#include "socscope/theme.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "socscope/yamltree.h"

#define ROLE_ID(e, id, desc) id,
#define ROLE_DESC(e, id, desc) desc,
static const char *const role_ids[] = {SC_ROLES(ROLE_ID)};
static const char *const role_descs[] = {SC_ROLES(ROLE_DESC)};
static_assert(sizeof role_ids / sizeof role_ids[0] == SC_ROLE_COUNT,
              "one id per role");
static_assert(sizeof role_descs / sizeof role_descs[0] == SC_ROLE_COUNT,
              "one description per role");

const char *
sc_role_id_str(enum sc_role r)
{
	return (unsigned)r < SC_ROLE_COUNT ? role_ids[r] : "?";
}

const char *
sc_role_desc(enum sc_role r)
{
	return (unsigned)r < SC_ROLE_COUNT ? role_descs[r] : "?";
}

int
sc_role_find(const char *id)
{
	for (int i = 0; id && i < SC_ROLE_COUNT; i++)
		if (strcmp(role_ids[i], id) == 0)
			return i;
	return -1;
}

/* What a role looks like when a theme does not mention it: the look of the
 * bundled default theme (themes/default.yaml, which test_theme checks
 * against this table), so a theme that changes one role keeps the rest
 * readable.  Designated initialisers keep it in step with the role list. */
#define B SC_ATTR_BOLD
#define U SC_ATTR_UNDERLINE
#define R SC_ATTR_REVERSE
#define D SC_ATTR_DIM
static const struct {
	struct sc_style style;
	unsigned mono;
} fallback[SC_ROLE_COUNT] = {
	[SC_ROLE_TEXT] = {{-1, -1, 0}, 0},
	[SC_ROLE_TITLE] = {{-1, -1, B}, B},
	[SC_ROLE_HELP] = {{6, -1, 0}, 0},
	[SC_ROLE_SELECTED] = {{0, 6, 0}, R},
	[SC_ROLE_ACCENT] = {{2, -1, B}, B},
	[SC_ROLE_WARNING] = {{5, -1, B}, U},
	[SC_ROLE_ERROR] = {{1, -1, B}, B | U},
	[SC_ROLE_SUCCESS] = {{2, -1, 0}, B},
	[SC_ROLE_BORDER] = {{-1, -1, D}, 0},
	[SC_ROLE_HEADER] = {{-1, -1, R | B}, R | B},
	[SC_ROLE_KEYBAR] = {{-1, -1, R}, R},
	[SC_ROLE_MUTED] = {{-1, -1, D}, D},
};
#undef B
#undef U
#undef R
#undef D

static const char *const colour_names[] = {
	"black",        "red",          "green",         "yellow",
	"blue",         "magenta",      "cyan",          "white",
	"bright-black", "bright-red",   "bright-green",  "bright-yellow",
	"bright-blue",  "bright-magenta", "bright-cyan", "bright-white",
};

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
	{"bold", SC_ATTR_BOLD},     {"underline", SC_ATTR_UNDERLINE},
	{"reverse", SC_ATTR_REVERSE}, {"dim", SC_ATTR_DIM},
	{"italic", SC_ATTR_ITALIC},
};

struct loader {
	const char *file;
	struct sc_diags *d;
	size_t start; /* problems already in d before this file */
};

#define err_at(L, n, ...) sc_ydiag((L)->d, (L)->file, (n), __VA_ARGS__)

/* Did this file have any problem?  Counted from the list itself, so every
 * way of reporting one counts, not only err_at. */
static bool
loader_failed(const struct loader *L)
{
	return L->d->n + L->d->dropped > L->start;
}

static bool
plain_null(const struct sc_ynode *n)
{
	return n && n->kind == SC_Y_SCALAR && !n->quoted && sc_ynode_is_null(n);
}

/* A colour: a name or 0..255.  False after reporting. */
static bool
load_colour(struct loader *L, const struct sc_ynode *n, const char *role,
            const char *key, int *out)
{
	long long v;
	if (sc_ynode_int(n, &v)) {
		if (v < 0 || v > 255) {
			err_at(L, n,
			       "colour %lld for %s of role \"%s\" is out of "
			       "range: 0 to 255",
			       v, key, role);
			return false;
		}
		*out = (int)v;
		return true;
	}
	const char *s = n->kind == SC_Y_SCALAR ? n->str : NULL;
	if (s && strlen(s) == n->len) {
		if (strcmp(s, "default") == 0) {
			*out = -1;
			return true;
		}
		for (int i = 0; i < 16; i++)
			if (strcmp(s, colour_names[i]) == 0) {
				*out = i;
				return true;
			}
	}
	if (n->kind != SC_Y_SCALAR)
		err_at(L, n,
		       "%s of role \"%s\" must be a colour name or a number, "
		       "found %s",
		       key, role, sc_ynode_kind_name(n));
	else
		err_at(L, n,
		       "unknown colour \"%s\" for %s of role \"%s\"; expected "
		       "default, black, red, green, yellow, blue, magenta, "
		       "cyan, white, bright-black ... bright-white, or a "
		       "number 0 to 255",
		       n->str, key, role);
	return false;
}

static bool
load_attr(struct loader *L, const struct sc_ynode *n, const char *role,
          const char *key, unsigned *bits)
{
	if (n->kind == SC_Y_SCALAR && strlen(n->str) == n->len)
		for (size_t i = 0; i < sizeof attr_names / sizeof attr_names[0];
		     i++)
			if (strcmp(n->str, attr_names[i].name) == 0) {
				if (*bits & attr_names[i].bit) {
					err_at(L, n,
					       "attribute \"%s\" is listed "
					       "twice in %s of role \"%s\"",
					       n->str, key, role);
					return false;
				}
				*bits |= attr_names[i].bit;
				return true;
			}
	if (n->kind != SC_Y_SCALAR)
		err_at(L, n,
		       "%s of role \"%s\": expected an attribute name, found "
		       "%s",
		       key, role, sc_ynode_kind_name(n));
	else
		err_at(L, n,
		       "unknown attribute \"%s\" in %s of role \"%s\"; "
		       "expected one of: bold, underline, reverse, dim, "
		       "italic",
		       n->str, key, role);
	return false;
}

/* A list of attributes (a single name is accepted as a list of one). */
static bool
load_attrs(struct loader *L, const struct sc_ynode *n, const char *role,
           const char *key, unsigned *out)
{
	unsigned bits = 0;
	bool ok = true;
	if (plain_null(n)) {
		*out = 0;
		return true;
	}
	if (n->kind == SC_Y_SEQ) {
		for (size_t i = 0; i < n->n; i++)
			ok &= load_attr(L, n->items[i], role, key, &bits);
	} else if (n->kind == SC_Y_SCALAR) {
		ok = load_attr(L, n, role, key, &bits);
	} else {
		err_at(L, n,
		       "%s of role \"%s\" must be a list of attributes, found "
		       "%s",
		       key, role, sc_ynode_kind_name(n));
		ok = false;
	}
	if (ok)
		*out = bits;
	return ok;
}

static void
load_role(struct loader *L, struct sc_theme *t, int r,
          const struct sc_ynode *n)
{
	static const char *const keys[] = {"fg", "bg", "attrs", "mono", NULL};
	const char *id = role_ids[r];
	if (n->kind != SC_Y_MAP) {
		err_at(L, n,
		       "role \"%s\" must be a mapping with fg, bg, attrs and "
		       "mono, found %s",
		       id, sc_ynode_kind_name(n));
		return;
	}
	char *what = sc_xasprintf("role \"%s\"", id);
	sc_ymap_check_keys(n, keys, NULL, what, L->file, L->d);
	free(what);

	/* A role that is given starts from no colour and no attributes: what
	 * the theme says is all there is.  Only `mono` keeps its fallback when
	 * left out, because a colour theme rarely thinks about it. */
	struct sc_style s = {-1, -1, 0};
	unsigned mono = fallback[r].mono;
	const struct sc_ynode *v;
	if ((v = sc_ymap_get(n, "fg")))
		load_colour(L, v, id, "fg", &s.fg);
	if ((v = sc_ymap_get(n, "bg")))
		load_colour(L, v, id, "bg", &s.bg);
	if ((v = sc_ymap_get(n, "attrs")))
		load_attrs(L, v, id, "attrs", &s.attrs);
	if ((v = sc_ymap_get(n, "mono")))
		load_attrs(L, v, id, "mono", &mono);
	t->roles[r] = s;
	t->mono[r] = mono;
}

static char *
load_text(struct loader *L, const struct sc_ynode *root, const char *key)
{
	const struct sc_ynode *n = sc_ymap_get(root, key);
	if (!n)
		return NULL;
	if (n->kind != SC_Y_SCALAR || plain_null(n)) {
		err_at(L, n, "\"%s\" must be text, found %s", key,
		       sc_ynode_kind_name(n));
		return NULL;
	}
	if (strlen(n->str) != n->len) {
		err_at(L, n, "\"%s\" contains a NUL character", key);
		return NULL;
	}
	return sc_xstrndup(n->str, n->len);
}

static struct sc_theme *
load_doc(const struct sc_ydoc *doc, struct sc_diags *d, enum sc_status *st)
{
	struct loader L = {.file = doc->file, .d = d, .start = d->n + d->dropped};
	const struct sc_ynode *root = doc->root;
	if (!root) {
		sc_diags_add(d, doc->file, 1, 1,
		             "empty theme; expected \"name\", \"description\" "
		             "and \"roles\"");
		*st = SC_EDATA;
		return NULL;
	}
	if (root->kind != SC_Y_MAP) {
		err_at(&L, root, "a theme is a mapping, found %s",
		       sc_ynode_kind_name(root));
		*st = SC_EDATA;
		return NULL;
	}
	static const char *const top[] = {"name", "description", "roles",
	                                  NULL};
	static const char *const required[] = {"name", NULL};
	sc_ymap_check_keys(root, top, required, "the theme", L.file, d);

	struct sc_theme *t = sc_xcalloc(1, sizeof *t);
	for (int r = 0; r < SC_ROLE_COUNT; r++) {
		t->roles[r] = fallback[r].style;
		t->mono[r] = fallback[r].mono;
	}
	t->name = load_text(&L, root, "name");
	if (t->name && !*t->name)
		err_at(&L, sc_ymap_get(root, "name"), "\"name\" is empty");
	t->description = load_text(&L, root, "description");
	if (!t->description)
		t->description = sc_xstrdup("");

	const struct sc_ynode *roles = sc_ymap_get(root, "roles");
	if (roles && !plain_null(roles) && roles->kind != SC_Y_MAP) {
		err_at(&L, roles,
		       "\"roles\" must be a mapping of role ids to styles, "
		       "found %s",
		       sc_ynode_kind_name(roles));
	} else if (roles && roles->kind == SC_Y_MAP) {
		for (size_t i = 0; i < roles->n; i++) {
			const struct sc_ynode *k = roles->keys[i];
			int r = k->kind == SC_Y_SCALAR ? sc_role_find(k->str) : -1;
			if (r < 0) {
				struct sc_buf b = {0};
				for (int j = 0; j < SC_ROLE_COUNT; j++)
					sc_buf_printf(&b, "%s%s", j ? ", " : "",
					              role_ids[j]);
				err_at(&L, k,
				       "unknown role \"%s\"; expected one of: %s",
				       k->kind == SC_Y_SCALAR ? k->str : "?",
				       sc_buf_str(&b));
				sc_buf_fini(&b);
				continue;
			}
			load_role(&L, t, r, roles->items[i]);
		}
	}
	if (loader_failed(&L)) {
		sc_theme_free(t);
		*st = SC_EDATA;
		return NULL;
	}
	*st = SC_OK;
	return t;
}

struct sc_theme *
sc_theme_load_file(const char *path, struct sc_diags *d, enum sc_status *st)
{
	enum sc_status s;
	struct sc_ydoc doc = {0};
	struct sc_theme *t = NULL;
	s = sc_ydoc_load_file(&doc, path, NULL, d);
	if (s == SC_OK)
		t = load_doc(&doc, d, &s);
	sc_ydoc_fini(&doc);
	if (st)
		*st = s;
	return t;
}

struct sc_theme *
sc_theme_load_buffer(const char *name, const char *buf, size_t len,
                     struct sc_diags *d, enum sc_status *st)
{
	enum sc_status s;
	struct sc_ydoc doc = {0};
	struct sc_theme *t = NULL;
	s = sc_ydoc_load_buffer(&doc, name, buf, len, NULL, d);
	if (s == SC_OK)
		t = load_doc(&doc, d, &s);
	sc_ydoc_fini(&doc);
	if (st)
		*st = s;
	return t;
}

void
sc_theme_free(struct sc_theme *t)
{
	if (!t)
		return;
	free(t->name);
	free(t->description);
	free(t);
}
