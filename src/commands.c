/* socscope evaluate, validate and list. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "socscope/bundled.h"
#include "socscope/examples.h"
#include "socscope/catalogue.h"
#include "socscope/fsutil.h"
#include "socscope/paths.h"
#include "socscope/session.h"
#include "socscope/theme.h"
#include "socscope/yamltree.h"

/* Reports may hold a client's confidential facts: readable by the owner only,
 * like the answers they come from. */
#define REPORT_MODE 0600

static int
terminal_width(int fd)
{
	struct winsize ws;
	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 0;
}

/* Load an answers file together with the questionnaire it names (or `qname`).
 * On failure prints the problems and returns the exit code. */
static int
load_answers(const char *path, const char *qname, struct sc_questionnaire **qout,
             struct sc_answers **aout)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	int code = 0;
	char *peeked = NULL;
	struct sc_questionnaire *q = NULL;
	struct sc_answers *a = NULL;

	if (!qname) {
		peeked = sc_answers_peek_questionnaire(path, &d, &st);
		if (!peeked) {
			sc_cli_print_diags(&d, stderr);
			code = sc_status_exit_code(st == SC_OK ? SC_EDATA : st);
			goto out;
		}
		qname = peeked;
	}
	q = sc_cli_load_questionnaire(qname, stderr, &code);
	if (!q)
		goto out;
	a = sc_answers_new(q);
	st = sc_answers_load_file(a, path, &d);
	if (st != SC_OK) {
		sc_diags_sort(&d);
		sc_cli_print_diags(&d, stderr);
		code = sc_status_exit_code(st);
		sc_answers_free(a);
		a = NULL;
		sc_questionnaire_free(q);
		q = NULL;
	}
out:
	free(peeked);
	sc_diags_fini(&d);
	*qout = q;
	*aout = a;
	return code;
}

int
sc_cmd_evaluate(const struct sc_evaluate_opts *o)
{
	struct sc_questionnaire *q;
	struct sc_answers *a;
	int code = load_answers(o->answers, o->questionnaire, &q, &a);
	if (code)
		return code;

	/* The Markdown and HTML reports carry the evidence request list. */
	struct sc_catalogue *cat = NULL;
	if (o->format == SC_FMT_MARKDOWN || o->format == SC_FMT_HTML) {
		cat = sc_cli_load_catalogue(NULL, stderr, &code);
		if (!cat) {
			sc_answers_free(a);
			sc_questionnaire_free(q);
			return code;
		}
	}
	struct sc_eval *ev = sc_eval_new(q, a);
	struct sc_report_opts ropts = {
		.date = getenv("SOCSCOPE_DATE"), /* fixed dates for reproducible reports */
		.width = o->output ? 0 : terminal_width(STDOUT_FILENO),
	};
	struct sc_buf out = {0};
	sc_report_render_full(q, a, ev, o->format, &ropts, cat, &out);
	sc_catalogue_free(cat);

	code = sc_cli_write_output(o->output, &out, "report");
	sc_buf_fini(&out);
	sc_eval_free(ev);
	sc_answers_free(a);
	sc_questionnaire_free(q);
	return code;
}

enum file_kind {
	KIND_UNKNOWN, KIND_QUESTIONNAIRE, KIND_THEME, KIND_ANSWERS, KIND_CATALOGUE
};

/* Tell a file's kind by its top-level keys. */
static enum file_kind
sniff(const struct sc_ynode *root)
{
	if (!root || root->kind != SC_Y_MAP)
		return KIND_UNKNOWN;
	if (sc_ymap_get(root, "socscope"))
		return KIND_ANSWERS;
	if (sc_ymap_get(root, "sections") || sc_ymap_get(root, "rules"))
		return KIND_QUESTIONNAIRE;
	if (sc_ymap_get(root, "roles"))
		return KIND_THEME;
	if (sc_ymap_get(root, "requests"))
		return KIND_CATALOGUE;
	return KIND_UNKNOWN;
}

static void
print_valid_questionnaire(const char *path, const struct sc_questionnaire *q)
{
	printf("%s: valid questionnaire \"%s\" (%zu sections, %zu questions, %zu rules)\n",
	       path, q->id, q->nsections, q->nquestions, q->nrules);
}

/* Validate one file; returns its status and prints what it found. */
static enum sc_status
validate_one(const char *path)
{
	/* Most files checked are questionnaires, and big ones take time: try
	 * that first so a valid one is read once.  One that loads has
	 * "sections" and no key of another kind of file, so the sniff below
	 * would have said the same. */
	struct sc_diags tried;
	sc_diags_init(&tried);
	enum sc_status tried_st = SC_OK;
	struct sc_questionnaire *tq = sc_questionnaire_load_file(path, &tried, &tried_st);
	if (tq) {
		print_valid_questionnaire(path, tq);
		sc_questionnaire_free(tq);
		sc_diags_fini(&tried);
		return SC_OK;
	}

	struct sc_diags d;
	sc_diags_init(&d);
	struct sc_ydoc doc = {0};
	enum sc_status st = sc_ydoc_load_file(&doc, path, NULL, &d);
	enum file_kind kind = st == SC_OK ? sniff(doc.root) : KIND_UNKNOWN;
	sc_ydoc_fini(&doc);

	if (st != SC_OK) {
		/* syntax or limits: already in d */
	} else if (kind == KIND_QUESTIONNAIRE) {
		/* The problems were found above already. */
		sc_diags_fini(&d);
		d = tried;
		sc_diags_init(&tried);
		st = tried_st;
	} else if (kind == KIND_THEME) {
		struct sc_theme *t = sc_theme_load_file(path, &d, &st);
		if (t)
			printf("%s: valid theme \"%s\"\n", path, t->name ? t->name : "");
		sc_theme_free(t);
	} else if (kind == KIND_CATALOGUE) {
		struct sc_catalogue *c = sc_catalogue_load_file(path, &d, &st);
		if (c)
			printf("%s: valid evidence catalogue \"%s\" (%zu request%s, %zu source%s)\n",
			       path, c->id, c->nrequests, c->nrequests == 1 ? "" : "s",
			       c->nsources, c->nsources == 1 ? "" : "s");
		sc_catalogue_free(c);
	} else if (kind == KIND_ANSWERS) {
		struct sc_questionnaire *q;
		struct sc_answers *a;
		int code = load_answers(path, NULL, &q, &a);
		if (code == 0) {
			size_t n = 0;
			for (size_t i = 0; i < q->nquestions; i++)
				n += a->v[i].type != SC_A_NONE;
			printf("%s: valid answers to \"%s\" (%zu answered)\n", path, q->id, n);
		}
		sc_answers_free(a);
		sc_questionnaire_free(q);
		sc_diags_fini(&d);
		sc_diags_fini(&tried);
		return code == 0 ? SC_OK : code == 66 ? SC_ENOINPUT : SC_EDATA;
	} else {
		sc_diags_add(&d, path, 1, 1,
		             "cannot tell what this file is: a questionnaire has "
		             "\"sections\", a theme \"roles\", an evidence catalogue "
		             "\"requests\", an answers file \"socscope: 1\"");
		st = SC_EDATA;
	}
	sc_diags_sort(&d);
	sc_cli_print_diags(&d, stderr);
	sc_diags_fini(&d);
	sc_diags_fini(&tried);
	return st;
}

int
sc_cmd_validate(char **files, int nfiles)
{
	/* Every file is checked; the exit code is the worst outcome: an
	 * unreadable file (66) over an invalid one (65). */
	bool unreadable = false, invalid = false;
	for (int i = 0; i < nfiles; i++) {
		enum sc_status st = validate_one(files[i]);
		unreadable |= st == SC_ENOINPUT;
		invalid |= st != SC_OK && st != SC_ENOINPUT;
	}
	fflush(stdout);
	return unreadable ? 66 : invalid ? 65 : 0;
}

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

int
sc_cmd_list(void)
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
	for (size_t i = 0; i < n; i++)
		printf("  %-28s %-21s %3zu/%-3zu answered  %s%s%s\n",
		       *v[i].client ? v[i].client : "(no client name)",
		       *v[i].updated ? v[i].updated : "-", v[i].answered,
		       v[i].applicable, v[i].path,
		       v[i].holder ? "  open in " : "",
		       v[i].holder ? v[i].holder : "");
	sc_session_infos_free(v, n);
	sc_questionnaire_free(q);
	free(dir);
	if (fflush(stdout) != 0)
		return 74;
	return code;
}

int
sc_cli_load_answers(const char *path, const char *qname,
                    struct sc_questionnaire **qout, struct sc_answers **aout)
{
	return load_answers(path, qname, qout, aout);
}

int
sc_cli_write_output(const char *path, const struct sc_buf *out,
                    const char *what)
{
	int code = 0;
	if (path) {
		char *err = NULL;
		enum sc_status st = sc_write_file_output(path, out->data ? out->data : "",
		                                         out->len, REPORT_MODE, &err);
		if (st != SC_OK) {
			sc_cli_print_write_error(path, err);
			code = sc_status_exit_code(st);
		}
		free(err);
	} else if (fwrite(sc_buf_str(out), 1, out->len, stdout) != out->len ||
	           fflush(stdout) != 0) {
		fprintf(stderr, "socscope: cannot write the %s: %s\n", what,
		        strerror(errno));
		code = sc_status_exit_code(SC_EIO);
	}
	return code;
}
