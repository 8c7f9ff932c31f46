/* socscope [interview]: the interview, full-screen or as plain prompts, on
 * a saved session, an answers file or a copy of a worked example.  One
 * program for every questionnaire: without -q the questionnaire is the one
 * the example, answers file or saved session names, and the full screen's
 * picker can start or resume another questionnaire's interview, which runs
 * here next. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_internal.h"
#include "interview.h"
#include "plain/plain.h"
#include "socscope/answers.h"
#include "socscope/bundled.h"
#include "socscope/paths.h"
#include "tui/tui.h"

/* The questionnaire an existing answers file names; NULL when there is no
 * such file or it names none (opening it then says what is wrong). */
static char *
file_questionnaire(const char *path)
{
	struct stat sb;
	if (!path || stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return NULL;
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	char *id = sc_answers_peek_questionnaire(path, &d, &st);
	sc_diags_fini(&d);
	return id;
}

/* Without -q: the questionnaire of the example, the answers file, or the
 * client's saved session; NULL for the default. */
static char *
implied_questionnaire(const struct sc_cli_args *a)
{
	if (a->example)
		return sc_cli_example_questionnaire(a->example);
	if (a->answers)
		return file_questionnaire(a->answers);
	if (a->client && *a->client) {
		char *path = sc_session_path(a->client);
		char *id = file_questionnaire(path);
		free(path);
		return id;
	}
	return NULL;
}

struct others {
	struct sc_interview_other *v;
	size_t n;
};

static void
others_add(struct others *o, const char *id, const char *title)
{
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->v[i].id, id) == 0)
			return;
	o->v = sc_xrealloc(o->v, (o->n + 1) * sizeof *o->v);
	o->v[o->n].id = sc_xstrdup(id);
	o->v[o->n].title = sc_xstrdup(title ? title : id);
	o->n++;
}

static void
others_free(struct others *o)
{
	for (size_t i = 0; i < o->n; i++) {
		free((char *)o->v[i].id);
		free((char *)o->v[i].title);
	}
	free(o->v);
	o->v = NULL;
	o->n = 0;
}

/* Every questionnaire found by name (installed, then bundled) but `q`,
 * with its title; those that do not load are left out. */
static void
others_find(const struct sc_questionnaire *q, struct others *o)
{
	struct sc_buf names = {0};
	char **dirs = sc_data_dirs(SC_DATA_QUESTIONNAIRE);
	for (size_t i = 0; dirs && dirs[i]; i++) {
		DIR *dp = opendir(dirs[i]);
		struct dirent *e;
		while (dp && (e = readdir(dp))) {
			size_t n = strlen(e->d_name);
			if (n > 5 && e->d_name[0] != '.' &&
			    strcmp(e->d_name + n - 5, ".yaml") == 0) {
				sc_buf_add(&names, e->d_name, n - 5);
				sc_buf_putc(&names, '\0');
			}
		}
		if (dp)
			closedir(dp);
	}
	sc_strv_free(dirs);
	for (size_t i = 0; i < sc_bundled_count; i++)
		if (sc_bundled_files[i].kind == SC_DATA_QUESTIONNAIRE) {
			sc_buf_puts(&names, sc_bundled_files[i].name);
			sc_buf_putc(&names, '\0');
		}
	FILE *devnull = fopen("/dev/null", "w");
	for (size_t off = 0; devnull && off < names.len;) {
		const char *name = names.data + off;
		off += strlen(name) + 1;
		int code = 0;
		struct sc_questionnaire *other =
			sc_cli_load_questionnaire(name, devnull, &code);
		if (other && strcmp(other->id, q->id) != 0)
			others_add(o, other->id, other->title);
		sc_questionnaire_free(other);
	}
	if (devnull)
		fclose(devnull);
	sc_buf_fini(&names);
}

int
sc_cmd_interview(const struct sc_cli_args *a)
{
	int code;
	if (a->nrest > 0)
		return sc_cli_usage_error("unexpected argument '%s'", a->rest[0]);
	if ((code = sc_cli_check_options(a, true, false)))
		return code;
	if (a->example && (a->answers || a->client))
		return sc_cli_usage_error("%s", "--example opens a copy of its own; it "
		                                "takes no -a or --client");

	char *implied = a->questionnaire ? NULL : implied_questionnaire(a);
	struct sc_questionnaire *q = sc_cli_load_questionnaire(
		a->questionnaire ? a->questionnaire : implied, stderr, &code);
	free(implied);
	if (!q)
		return code;
	/* --example: the interview works on a new copy, never on the example. */
	char *copy = NULL;
	if (a->example) {
		if (!(copy = sc_cli_example_copy(q, a->example, stderr, &code))) {
			sc_questionnaire_free(q);
			return code;
		}
		fprintf(stderr, "socscope: example \"%s\" copied to %s\n",
		        a->example, copy);
	}
	/* The full screen needs a terminal on both ends; everything else (pipes,
	 * screen readers, TERM=dumb) gets the same interview as plain prompts. */
	const char *term = getenv("TERM");
	bool plain = a->plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) ||
	             !term || !*term || strcmp(term, "dumb") == 0;
	if (plain) {
		struct sc_interview_opts o = {
			.q = q,
			.answers_path = copy ? copy : a->answers,
			.client = a->client,
		};
		code = sc_plain_main(&o, stdin, stdout);
		free(copy);
		sc_questionnaire_free(q);
		return code;
	}

	struct sc_interview_next next = {0};
	struct others others = {0};
	others_find(q, &others);
	struct sc_interview_opts o = {
		.q = q,
		.answers_path = copy ? copy : a->answers,
		.client = a->client,
		.theme = a->theme,
		.ascii = a->ascii,
		.others = others.v,
		.nothers = others.n,
		.next = &next,
	};
	code = sc_tui_main(&o);
	/* The picker chose another questionnaire's interview: run it. */
	while (code == 0 && next.questionnaire) {
		struct sc_questionnaire *nq =
			sc_cli_load_questionnaire(next.questionnaire, stderr, &code);
		char *path = next.path;
		free(next.questionnaire);
		next.questionnaire = next.path = NULL;
		if (!nq) {
			free(path);
			break;
		}
		sc_questionnaire_free(q);
		q = nq;
		others_free(&others);
		others_find(q, &others);
		free(copy);
		copy = path;
		o.q = q;
		o.answers_path = path;
		o.client = NULL;
		o.others = others.v;
		o.nothers = others.n;
		o.start_new = !path;
		code = sc_tui_main(&o);
	}
	free(next.questionnaire);
	free(next.path);
	others_free(&others);
	free(copy);
	sc_questionnaire_free(q);
	return code;
}
