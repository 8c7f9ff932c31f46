/* Finding questionnaires by name or path, opening examples, and printing
 * diagnostics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "socscope/bundled.h"
#include "socscope/examples.h"
#include "socscope/catalogue.h"
#include "socscope/paths.h"

void
sc_cli_print_diags(const struct sc_diags *d, FILE *err)
{
	struct sc_buf b = {0};
	sc_diags_format(d, &b);
	fputs(sc_buf_str(&b), err);
	sc_buf_fini(&b);
}

void
sc_cli_print_write_error(const char *path, const char *why)
{
	size_t n = strlen(path);
	if (!why)
		fprintf(stderr, "socscope: %s: cannot write\n", path);
	else if (strncmp(why, path, n) == 0 && why[n] == ':')
		fprintf(stderr, "socscope: %s\n", why);
	else
		fprintf(stderr, "socscope: %s: %s\n", path, why);
}

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

/* The evidence catalogue by name or path (the bundled one by default). */
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
