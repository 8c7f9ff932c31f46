/* socscope list KIND: bare names, one per line, for scripts and the shell
 * completions (completions/). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "socscope/bundled.h"
#include "socscope/examples.h"
#include "socscope/paths.h"

static const char *const kinds[] = {"questionnaires", "themes", "examples",
                                    "sessions"};

bool
sc_list_kind_valid(const char *kind)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kind, kinds[i]) == 0)
			return true;
	return false;
}

struct names {
	char **v;
	size_t n, cap;
};

static void
add(struct names *ns, const char *name, size_t len)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strlen(ns->v[i]) == len && strncmp(ns->v[i], name, len) == 0)
			return;
	ns->v = sc_xgrow(ns->v, &ns->cap, ns->n + 1, sizeof *ns->v);
	ns->v[ns->n++] = sc_xstrndup(name, len);
}

/* Every NAME.yaml in `dir`. */
static void
add_dir(struct names *ns, const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return;
	struct dirent *e;
	while ((e = readdir(dp))) {
		size_t n = strlen(e->d_name);
		if (n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0 &&
		    e->d_name[0] != '.')
			add(ns, e->d_name, n - 5);
	}
	closedir(dp);
}

static int
by_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

int
sc_cmd_list_names(const char *kind)
{
	struct names ns = {0};
	if (strcmp(kind, "sessions") == 0) {
		char *dir = sc_sessions_dir();
		add_dir(&ns, dir);
		free(dir);
	} else {
		enum sc_data_kind k = strcmp(kind, "themes") == 0     ? SC_DATA_THEME
		                      : strcmp(kind, "examples") == 0 ? SC_DATA_EXAMPLE
		                                                      : SC_DATA_QUESTIONNAIRE;
		char **dirs = sc_data_dirs(k);
		for (size_t i = 0; dirs[i]; i++)
			add_dir(&ns, dirs[i]);
		sc_strv_free(dirs);
		for (size_t i = 0; i < sc_bundled_count; i++)
			if (sc_bundled_files[i].kind == k)
				add(&ns, sc_bundled_files[i].name,
				    strlen(sc_bundled_files[i].name));
	}
	if (ns.n > 1)
		qsort(ns.v, ns.n, sizeof *ns.v, by_name);
	for (size_t i = 0; i < ns.n; i++) {
		puts(ns.v[i]);
		free(ns.v[i]);
	}
	free(ns.v);
	return fflush(stdout) ? 74 : 0;
}
