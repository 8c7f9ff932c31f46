/* The worked examples: finding, describing, loading and copying them. */
#include "socscope/examples.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "socscope/bundled.h"
#include "socscope/fsutil.h"
#include "socscope/paths.h"
#include "socscope/questionnaire.h"
#include "socscope/yamltree.h"

/* The same bound every loader applies to user files. */
#define EXAMPLE_FILE_MAX (16u * 1024u * 1024u)
/* NAME-2 ... NAME-999 before giving up on finding a free name. */
#define COPY_MAX 999

/* The opening comment's first paragraph, its lines joined by spaces. */
static char *
description(const char *text)
{
	struct sc_buf b = {0};
	sc_buf_add(&b, "", 0);
	for (const char *p = text; *p == '#';) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		const char *s = p + 1;
		size_t n = len - 1;
		while (n > 0 && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
			n--;
		if (n == 0) {
			if (b.len)
				break; /* the paragraph ends */
		} else {
			if (b.len)
				sc_buf_putc(&b, ' ');
			sc_buf_add(&b, s, n);
		}
		if (!eol)
			break;
		p = eol + 1;
	}
	return sc_buf_steal(&b);
}

static char *
scalar(const struct sc_ynode *root, const char *key)
{
	const struct sc_ynode *n = sc_ymap_get(root, key);
	const char *s = n ? sc_ynode_str(n) : NULL;
	return sc_xstrdup(s && strlen(s) == n->len ? s : "");
}

static void
info_fill(struct sc_example_info *e, const char *name, const char *path,
          const char *text, size_t len)
{
	e->name = sc_xstrdup(name);
	e->path = sc_xstrdup(path);
	e->description = description(text);
	struct sc_diags d;
	sc_diags_init(&d);
	struct sc_ydoc doc = {0};
	if (sc_ydoc_load_buffer(&doc, name, text, len, NULL, &d) == SC_OK &&
	    doc.root && doc.root->kind == SC_Y_MAP) {
		e->client = scalar(doc.root, "client");
		e->questionnaire = scalar(doc.root, "questionnaire");
	} else {
		e->client = sc_xstrdup("");
		e->questionnaire = sc_xstrdup("");
	}
	sc_ydoc_fini(&doc);
	sc_diags_fini(&d);
}

static bool
listed(const struct sc_example_info *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return true;
	return false;
}

static int
by_name(const void *x, const void *y)
{
	const struct sc_example_info *a = x, *b = y;
	return strcmp(a->name, b->name);
}

size_t
sc_examples_list(struct sc_example_info **out)
{
	struct sc_example_info *v = NULL;
	size_t n = 0, cap = 0;
	char **dirs = sc_data_dirs(SC_DATA_EXAMPLE);
	for (size_t i = 0; dirs[i]; i++) {
		DIR *dp = opendir(dirs[i]);
		if (!dp)
			continue;
		struct dirent *de;
		while ((de = readdir(dp))) {
			size_t len = strlen(de->d_name);
			if (de->d_name[0] == '.' || len <= 5 ||
			    strcmp(de->d_name + len - 5, ".yaml") != 0)
				continue;
			char *name = sc_xstrndup(de->d_name, len - 5);
			char *path = sc_xasprintf("%s/%s", dirs[i], de->d_name);
			char *text = NULL, *err = NULL;
			size_t tlen = 0;
			if (!listed(v, n, name) &&
			    sc_read_file(path, EXAMPLE_FILE_MAX, &text, &tlen, &err) ==
			            SC_OK) {
				v = sc_xgrow(v, &cap, n + 1, sizeof *v);
				info_fill(&v[n++], name, path, text, tlen);
			}
			free(text);
			free(err);
			free(path);
			free(name);
		}
		closedir(dp);
	}
	sc_strv_free(dirs);
	for (size_t i = 0; i < sc_bundled_count; i++) {
		const struct sc_bundled *b = &sc_bundled_files[i];
		if (b->kind != SC_DATA_EXAMPLE || listed(v, n, b->name))
			continue;
		v = sc_xgrow(v, &cap, n + 1, sizeof *v);
		info_fill(&v[n++], b->name, NULL, b->data, b->len);
	}
	if (n > 1)
		qsort(v, n, sizeof *v, by_name);
	*out = v;
	return n;
}

void
sc_example_infos_free(struct sc_example_info *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].description);
		free(v[i].client);
		free(v[i].questionnaire);
		free(v[i].path);
	}
	free(v);
}

enum sc_status
sc_example_load(struct sc_answers *a, const char *name, struct sc_diags *d)
{
	/* A name, never a path: an example is one of the listed files. */
	if (!name || !*name || strchr(name, '/')) {
		sc_diags_add(d, "socscope", 0, 0,
		             "no example called \"%s\" (see 'socscope list')",
		             name ? name : "");
		return SC_ENOINPUT;
	}
	char *path = sc_data_find(SC_DATA_EXAMPLE, name);
	if (path) {
		enum sc_status st = sc_answers_load_file(a, path, d);
		free(path);
		return st;
	}
	const struct sc_bundled *b = sc_bundled_find(SC_DATA_EXAMPLE, name);
	if (!b) {
		sc_diags_add(d, "socscope", 0, 0,
		             "no example called \"%s\" (see 'socscope list')", name);
		return SC_ENOINPUT;
	}
	char *label = sc_xasprintf("<bundled>/examples/%s.yaml", b->name);
	enum sc_status st = sc_answers_load_buffer(a, label, b->data, b->len, d);
	free(label);
	return st;
}

/* Claim a free file name in `dir` for a copy of `name` by creating it
 * (O_EXCL, so two trainers starting at once get two copies); the copy is
 * then saved over it atomically. */
static char *
claim_path(const char *dir, const char *name, struct sc_diags *d,
           enum sc_status *st)
{
	if (!sc_mkdir_p(dir, 0700)) {
		sc_diags_add(d, dir, 0, 0, "cannot create the sessions directory: %s",
		             strerror(errno));
		*st = SC_ECANTCREAT;
		return NULL;
	}
	for (int k = 1; k <= COPY_MAX; k++) {
		char *path = k == 1 ? sc_xasprintf("%s/%s.yaml", dir, name)
		                    : sc_xasprintf("%s/%s-%d.yaml", dir, name, k);
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd >= 0) {
			close(fd);
			return path;
		}
		int e = errno;
		if (e != EEXIST) {
			sc_diags_add(d, path, 0, 0, "cannot create the copy: %s",
			             strerror(e));
			free(path);
			*st = SC_ECANTCREAT;
			return NULL;
		}
		free(path);
	}
	sc_diags_add(d, dir, 0, 0, "%d copies of \"%s\" exist already; remove "
	             "some to make another", COPY_MAX, name);
	*st = SC_ECANTCREAT;
	return NULL;
}

char *
sc_example_copy(const struct sc_questionnaire *q, const char *name,
                const char *dir, struct sc_diags *d, enum sc_status *st)
{
	enum sc_status s;
	char *path = NULL, *err = NULL;
	struct sc_answers *a = sc_answers_new(q);
	if ((s = sc_example_load(a, name, d)) != SC_OK)
		goto out;
	if (!(path = claim_path(dir, name, d, &s)))
		goto out;
	if ((s = sc_answers_save_file(a, path, &err)) != SC_OK) {
		sc_diags_add(d, path, 0, 0, "%s", err ? err : "cannot save the copy");
		unlink(path);
		free(path);
		path = NULL;
	}
out:
	free(err);
	sc_answers_free(a);
	*st = s;
	return path;
}
