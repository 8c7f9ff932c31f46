/* socscope list [KIND]: the bundled and installed questionnaires, themes,
 * worked examples and evidence catalogues, and the saved sessions; with a
 * KIND, just the names of that kind. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_internal.h"
#include "socscope/bundled.h"
#include "socscope/examples.h"
#include "socscope/paths.h"
#include "socscope/session.h"

static void
list_dir_yaml(const char *dir, const char *origin)
{
	DIR *dp = opendir(dir);
	if (!dp) {
		if (errno == ENOMEM)
			sc_out_of_memory();
		return;
	}
	struct dirent *e;
	while ((e = readdir(dp))) {
		size_t n = strlen(e->d_name);
		if (n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0 && e->d_name[0] != '.')
			printf("  %-24.*s %s/%s\n", (int)(n - 5), e->d_name, origin,
			       e->d_name);
	}
	closedir(dp);
}

/* Fill in a saved session's progress from the questionnaire it answers;
 * left as it is when that questionnaire cannot be loaded. */
static void
progress_of(struct sc_session_info *in, const char *dir)
{
	int code = 0;
	FILE *devnull = fopen("/dev/null", "w");
	struct sc_questionnaire *q =
		devnull ? sc_cli_load_questionnaire(in->questionnaire, devnull, &code)
		        : NULL;
	if (devnull)
		fclose(devnull);
	if (!q)
		return;
	struct sc_session_info *v = NULL;
	size_t n = sc_sessions_list(q, dir, &v);
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].path, in->path) == 0) {
			in->answered = v[i].answered;
			in->applicable = v[i].applicable;
		}
	sc_session_infos_free(v, n);
	sc_questionnaire_free(q);
}

/* list: everything, with where it comes from. */
static int
list_all(void)
{
	static const struct {
		enum sc_data_kind kind;
		const char *title;
	} kinds[] = {
		{SC_DATA_QUESTIONNAIRE, "Questionnaires"},
		{SC_DATA_THEME, "Themes"},
		{SC_DATA_EVIDENCE, "Evidence catalogues"},
	};
	for (size_t i_kind = 0; i_kind < sizeof kinds / sizeof kinds[0];
	     i_kind++) {
		enum sc_data_kind k = kinds[i_kind].kind;
		printf("%s:\n", kinds[i_kind].title);
		for (size_t i = 0; i < sc_bundled_count; i++)
			if (sc_bundled_files[i].kind == k)
				printf("  %-24s (built in)\n", sc_bundled_files[i].name);
		char **dirs = sc_data_dirs(k);
		for (size_t i = 0; dirs && dirs[i]; i++)
			list_dir_yaml(dirs[i], dirs[i]);
		sc_strv_free(dirs);
	}

	/* Worked examples, found like questionnaires; each name once. */
	printf("Examples (open one on a copy: socscope interview --example NAME):\n");
	struct sc_example_info *ex = NULL;
	size_t nex = sc_examples_list(&ex);
	for (size_t i = 0; i < nex; i++)
		printf("  %-24s %s\n", ex[i].name,
		       *ex[i].description ? ex[i].description : ex[i].client);
	if (nex == 0)
		printf("  none\n");
	sc_example_infos_free(ex, nex);

	char *dir = sc_sessions_dir();
	printf("Saved sessions (%s):\n", dir);
	int code = 0;
	struct sc_questionnaire *q = sc_cli_load_questionnaire(NULL, stderr, &code);
	struct sc_session_info *v = NULL;
	size_t n = q ? sc_sessions_list(q, dir, &v) : 0;
	if (n == 0)
		printf("  none yet\n");
	for (size_t i = 0; i < n; i++) {
		const char *client = *v[i].client ? v[i].client : "(no client name)";
		const char *updated = *v[i].updated ? v[i].updated : "-";
		/* One that cannot be opened is listed with why, not left out. */
		if (v[i].error) {
			printf("  %-28s %-21s cannot be opened: %s\n", client,
			       updated, v[i].error);
			continue;
		}
		/* A session of another questionnaire (a provider-report review):
		 * its progress against its own. */
		if (*v[i].questionnaire && strcmp(v[i].questionnaire, q->id) != 0)
			progress_of(&v[i], dir);
		printf("  %-28s %-21s %3zu/%-3zu answered  %s%s%s%s%s\n", client,
		       updated, v[i].answered, v[i].applicable, v[i].path,
		       v[i].migrated_from ? "  from questionnaire " : "",
		       v[i].migrated_from ? v[i].migrated_from : "",
		       v[i].holder ? "  open in " : "",
		       v[i].holder ? v[i].holder : "");
	}
	sc_session_infos_free(v, n);
	sc_questionnaire_free(q);
	free(dir);
	if (fflush(stdout) != 0)
		return 74;
	return code;
}

static const char *const kinds[] = {"questionnaires", "themes", "examples",
                                    "sessions"};

static bool
kind_valid(const char *kind)
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

/* list KIND: the names of one kind, one per line, sorted; for scripts and
 * the shell completions (src/completions/). */
static int
list_names(const char *kind)
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

int
sc_cmd_list(const struct sc_cli_args *a)
{
	int code;
	if ((code = sc_cli_check_options(a, false, false)))
		return code;
	if (a->questionnaire)
		return sc_cli_usage_error("%s", "list takes no -q");
	if (a->nrest > 1 || (a->nrest == 1 && !kind_valid(a->rest[0])))
		return sc_cli_usage_error("%s", "list takes at most one of questionnaires, "
		                                "themes, examples or sessions");
	return a->nrest == 1 ? list_names(a->rest[0]) : list_all();
}
