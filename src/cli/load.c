/* Loading what a command names: questionnaires by name or path, answers
 * files with the questionnaire they name, evidence catalogues, and copies
 * of worked examples. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_internal.h"
#include "socscope/bundled.h"
#include "socscope/engine.h"
#include "socscope/examples.h"
#include "socscope/migrate.h"
#include "socscope/paths.h"

struct sc_questionnaire *
sc_cli_load_questionnaire(const char *name, FILE *err, int *code)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	struct sc_questionnaire *q = NULL;

	if (!name)
		name = SC_DEFAULT_QUESTIONNAIRE;
	char *path = sc_name_is_path(name) ? sc_xstrdup(name)
	                                   : sc_data_find(SC_DATA_QUESTIONNAIRE, name);
	const struct sc_bundled *b = path ? NULL
	                                  : sc_bundled_find(SC_DATA_QUESTIONNAIRE, name);
	if (path) {
		q = sc_questionnaire_load_file(path, &d, &st);
	} else if (b) {
		char *label = sc_xasprintf("<bundled>/%s.yaml", b->name);
		q = sc_questionnaire_load_buffer(label, b->data, b->len, &d, &st);
		free(label);
	} else {
		fprintf(err, "socscope: no questionnaire called \"%s\" (see 'socscope list')\n",
		        name);
		st = SC_ENOINPUT;
	}
	if (!q) {
		sc_diags_sort(&d);
		sc_cli_print_diags(&d, err);
		*code = sc_status_exit_code(st == SC_OK ? SC_EDATA : st);
	}
	free(path);
	sc_diags_fini(&d);
	return q;
}

/* The first of the problems in `d`, as one line. */
static char *
first_problem(struct sc_diags *d, const char *path)
{
	struct sc_buf b = {0};
	if (d->n) {
		struct sc_diags one = {.v = d->v, .n = 1};
		sc_diags_format(&one, &b);
		if (b.len && b.data[b.len - 1] == '\n')
			b.data[--b.len] = '\0';
	}
	if (!b.len)
		sc_buf_printf(&b, "%s: cannot be read", path);
	return sc_buf_steal(&b);
}

int
sc_cli_load_answers(const char *path, const char *qname,
                    struct sc_questionnaire **qout, struct sc_answers **aout)
{
	/* A bare name that is no file here but a saved session's client or
	 * file name ("Lakeshore Dental Billing", as `list sessions` shows
	 * it): that session, as `compare` takes it. */
	if (!sc_name_is_path(path) && access(path, F_OK) != 0) {
		char *session = sc_session_path(path);
		if (session && access(session, F_OK) == 0) {
			int code = sc_cli_load_answers_first(session, qname, qout,
			                                     aout, NULL);
			free(session);
			return code;
		}
		free(session);
	}
	return sc_cli_load_answers_first(path, qname, qout, aout, NULL);
}

int
sc_cli_load_answers_first(const char *path, const char *qname,
                          struct sc_questionnaire **qout,
                          struct sc_answers **aout, char **problem)
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
			sc_diags_sort(&d);
			sc_cli_print_diags(&d, stderr);
			if (problem)
				*problem = first_problem(&d, path);
			code = sc_status_exit_code(st == SC_OK ? SC_EDATA : st);
			goto out;
		}
		qname = peeked;
	}
	q = sc_cli_load_questionnaire(qname, stderr, &code);
	if (!q) {
		if (problem)
			*problem = sc_xasprintf("%s: it answers questionnaire "
			                        "\"%s\", which cannot be loaded",
			                        path, qname);
		goto out;
	}
	a = sc_answers_new(q);
	st = sc_answers_load_file(a, path, &d);
	if (st != SC_OK) {
		sc_diags_sort(&d);
		sc_cli_print_diags(&d, stderr);
		if (problem)
			*problem = first_problem(&d, path);
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

void
sc_cli_note_migrated(const char *path, const struct sc_questionnaire *q,
                     const struct sc_answers *a)
{
	if (!a->migrated)
		return;
	/* New questions count as the interview would ask them. */
	struct sc_eval *ev = sc_eval_new(q, a);
	struct sc_buf b = {0};
	sc_migrated_summary(a->migrated, q, ev, &b);
	char *s = sc_buf_steal(&b);
	if (*s >= 'A' && *s <= 'Z')
		*s = (char)(*s - 'A' + 'a');
	fprintf(stderr, "socscope: %s: %s\n", path, s);
	free(s);
	sc_eval_free(ev);
}

struct sc_catalogue *
sc_cli_load_catalogue(const char *name, FILE *err, int *code)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	struct sc_catalogue *c = sc_catalogue_load_named(name, &d, &st);
	if (!c) {
		sc_cli_print_diags(&d, err);
		*code = sc_status_exit_code(st == SC_OK ? SC_EDATA : st);
	}
	sc_diags_fini(&d);
	return c;
}

char *
sc_cli_example_copy(const struct sc_questionnaire *q, const char *name,
                    FILE *err, int *code)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	char *dir = sc_sessions_dir();
	char *path = sc_example_copy(q, name, dir, &d, &st);
	if (!path) {
		sc_diags_sort(&d);
		sc_cli_print_diags(&d, err);
		*code = sc_status_exit_code(st);
	}
	free(dir);
	sc_diags_fini(&d);
	return path;
}

char *
sc_cli_example_questionnaire(const char *name)
{
	struct sc_example_info *v = NULL;
	size_t n = sc_examples_list(&v);
	char *id = NULL;
	for (size_t i = 0; i < n && !id; i++)
		if (strcmp(v[i].name, name) == 0 && *v[i].questionnaire)
			id = sc_xstrdup(v[i].questionnaire);
	sc_example_infos_free(v, n);
	return id;
}
