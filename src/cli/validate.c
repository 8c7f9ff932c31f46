/* socscope validate FILE...: every problem in each file, whatever kind of
 * file it is (questionnaire, theme, evidence catalogue or answers), told
 * apart by its content. */
#include <stdio.h>
#include <string.h>

#include "cli_internal.h"
#include "socscope/engine.h"
#include "socscope/migrate.h"
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

/* The question a retired question's answer is noted on, from the
 * migration that retired it; NULL when none says. */
static const char *
retired_note_on(const struct sc_questionnaire *q, const char *id)
{
	const char *on = NULL;
	for (size_t i = 0; i < q->nmigrations; i++)
		for (size_t k = 0; k < q->migrations[i].nchanges; k++) {
			const struct sc_mchange *c = &q->migrations[i].changes[k];
			if (c->retire && c->question && !strcmp(c->question, id))
				on = c->note_on;
		}
	return on;
}

/* " (\"its text\")" for a question of q, or nothing when q lacks it. */
static void
print_question(const struct sc_questionnaire *q, const char *id)
{
	const struct sc_question *qn = sc_questionnaire_find(q, id);
	printf("%s", id);
	if (qn)
		printf(" (\"%s\")", qn->text);
}

/* What reading answers saved under an older version did, in full: the
 * summary, then each answer carried over with what it reads as now, each
 * question retired and where its answer went, what a conversion assumed,
 * and the questions new since. */
static void
print_migration(const char *path, const struct sc_questionnaire *q,
                const struct sc_answers *a)
{
	const struct sc_migrated *m = a->migrated;
	struct sc_eval *ev = sc_eval_new(q, a);
	struct sc_buf b = {0};
	sc_migrated_summary(m, q, ev, &b);
	printf("  %s\n", sc_buf_str(&b));
	if (m->ncarried) {
		printf("  Carried over in a new form:\n");
		for (size_t i = 0; i < m->ncarried; i++) {
			const struct sc_question *qn =
				sc_questionnaire_find(q, m->carried[i]);
			printf("    - ");
			print_question(q, m->carried[i]);
			if (qn) {
				sc_buf_reset(&b);
				sc_answer_format(qn, &a->v[qn->index], &b);
				printf(": %s", sc_buf_str(&b));
			}
			printf("\n");
		}
	}
	if (m->nretired) {
		printf("  Retired, the answer kept as a note:\n");
		for (size_t i = 0; i < m->nretired; i++) {
			const char *on = retired_note_on(q, m->retired[i]);
			printf("    - %s: its answer is kept as a note on ",
			       m->retired[i]);
			print_question(q, on ? on : "?");
			printf("\n");
		}
	}
	if (m->nassumed) {
		printf("  Assumed:\n");
		for (size_t i = 0; i < m->nassumed; i++)
			printf("    - %s\n", m->assumed[i]);
	}
	if (m->nadded) {
		printf("  New since questionnaire %s:\n", m->from);
		for (size_t i = 0; i < m->nadded; i++) {
			const struct sc_question *qn =
				sc_questionnaire_find(q, m->added[i]);
			if (!qn)
				continue;
			const char *state =
				sc_eval_answer(ev, qn->index)
					? "answered by the migration"
				: sc_eval_visible(ev, qn->index)
					? "to answer"
					: "not asked with these answers";
			printf("    - ");
			print_question(q, m->added[i]);
			printf(": %s\n", state);
		}
	}
	printf("  The file is left as it is; the interview's first save "
	       "writes it as version %s and keeps this one as %s.v%s.\n",
	       m->to, path, m->from);
	sc_buf_fini(&b);
	sc_eval_free(ev);
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
			if (a->migrated) {
				printf("%s: valid answers to \"%s\" (%zu answered), "
				       "saved under version %s and read as %s\n",
				       path, q->id, n, a->migrated->from,
				       a->migrated->to);
				print_migration(path, q, a);
			} else {
				printf("%s: valid answers to \"%s\" (%zu answered)\n",
				       path, q->id, n);
			}
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
