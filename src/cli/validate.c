/* socscope validate FILE...: every problem in each file, whatever kind of
 * file it is (questionnaire, theme, evidence catalogue or answers), told
 * apart by its content. */
#include <stdio.h>

#include "cli_internal.h"
#include "socscope/theme.h"
#include "socscope/yamltree.h"

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
		int code = sc_cli_load_answers(path, NULL, &q, &a);
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
sc_cmd_validate(const struct sc_cli_args *a)
{
	int code;
	if (a->questionnaire)
		return sc_cli_usage_error("%s", "validate tells files apart by content; it takes no -q");
	if ((code = sc_cli_check_options(a, false, false)))
		return code;
	if (a->nrest < 1)
		return sc_cli_usage_error("%s", "validate needs at least one file");

	/* Every file is checked; the exit code is the worst outcome: an
	 * unreadable file (66) over an invalid one (65). */
	bool unreadable = false, invalid = false;
	for (int i = 0; i < a->nrest; i++) {
		enum sc_status st = validate_one(a->rest[i]);
		unreadable |= st == SC_ENOINPUT;
		invalid |= st != SC_OK && st != SC_ENOINPUT;
	}
	fflush(stdout);
	return unreadable ? 66 : invalid ? 65 : 0;
}
