/* The other views without a terminal: help, review, explain, results and
 * export, the picker of saved interviews and the client's name, and the
 * mouse on document lines. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utime.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "../helpers.h"
#include "lineedit.h"
#include "request.h"
#include "socscope/answers.h"
#include "socscope/catalogue.h"
#include "socscope/paths.h"
#include "socscope/questionnaire.h"
#include "socscope/session.h"
#include "state.h"
#include "text.h"
#include "tui_fixture.h"

static void
test_help_lists_every_request(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);
	char keybuf[64];

	keys(st, "\t"); /* sidebar: '?' is not text there */
	tui_state_key(st, '?');
	assert_int_equal(tui_state_view(st), TV_HELP);
	for (size_t k = 0; k < tui_request_count; k++) {
		const struct tui_request_info *r = &tui_requests[k];
		bool found = false;
		tui_request_keys(r->req, keybuf, sizeof keybuf);
		for (size_t i = 0; i < st->docs[TV_HELP].n && !found; i++) {
			const char *t = st->docs[TV_HELP].v[i].text;
			found = strstr(t, r->help) && strstr(t, keybuf);
		}
		if (!found)
			fail_msg("help misses %s", r->name);
	}
	tui_state_key(st, TK_ESC);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
}

static void
test_notes_review_explain(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r1");
	tui_state_key(st, 'n');
	assert_true(st->note_mode);
	assert_true(tui_state_editing(st));
	keys(st, "ask about payroll q");
	assert_false(st->quit);
	tui_state_key(st, TK_ENTER);
	assert_false(st->note_mode);
	assert_non_null(saved_text(f, "ask about payroll q"));

	tui_state_key(st, 'r');
	assert_int_equal(tui_state_view(st), TV_REVIEW);
	assert_true(doc_has(&st->docs[TV_REVIEW], "Note: ask about payroll q",
	                    TL_TEXT));
	assert_true(doc_has(&st->docs[TV_REVIEW], "Run their payroll", TL_TEXT));
	/* Jump back to the first question from the review. */
	tui_state_key(st, 'g');
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(st->cur, Q_ORG);

	tui_state_key(st, TK_TAB);
	tui_state_key(st, 'e');
	assert_int_equal(tui_state_view(st), TV_EXPLAIN);
	const struct tui_doc *d = &st->docs[TV_EXPLAIN];
	assert_true(doc_has(d, "Payroll errors", TL_TEXT));
	assert_int_equal(d->v[d->sel].kind, TL_QUESTION);
	assert_int_equal(d->v[d->sel].target, Q_SERVICES);
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(st->cur, Q_SERVICES);
	/* Esc backs out of each view. */
	tui_state_key(st, 's');
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	tui_state_key(st, 'e');
	assert_int_equal(tui_state_view(st), TV_EXPLAIN);
	tui_state_key(st, TK_ESC);
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	tui_state_key(st, TK_ESC);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
}

static bool
doc_says_soc3_type(const struct tui_doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->v[i].text, "SOC 3 Type"))
			return true;
	return false;
}

/* A SOC 3 has no type: the panel, the results and the Why view say what
 * it is instead. */
static void
test_soc3_has_no_type(void **state)
{
	struct fx *f = *state;
	struct sc_diags d;
	enum sc_status rc;
	char *qpath = th_src("tests/fixtures/report/report.yaml");
	char *apath = th_src("tests/fixtures/report/full.yaml");
	char *text = th_read(apath, NULL);
	assert_non_null(text);
	/* A copy: the interview saves to the file it opened. */
	char *copy = th_write(f->dir, "full.yaml", text);
	sc_diags_init(&d);
	struct sc_questionnaire *q = sc_questionnaire_load_file(qpath, &d, &rc);
	assert_non_null(q);
	sc_diags_fini(&d);
	f->o.q = q;
	f->o.answers_path = copy;
	struct tui_state *st = start(f);
	const char *title =
		"SOC 3 (public summary of the SOC 2 Type II, same period)";

	assert_true(live_has(st, title, false) || live_has(st, title, true));
	assert_false(doc_says_soc3_type(&st->live));
	tui_state_key(st, TK_F(5));
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	assert_true(doc_has(&st->docs[TV_RESULTS], title, TL_TEXT));
	assert_true(doc_has(&st->docs[TV_RESULTS], "SOC 2 Type II and SOC 3 "
	                    "(Security, Availability, Confidentiality)", TL_TEXT));
	assert_false(doc_says_soc3_type(&st->docs[TV_RESULTS]));
	tui_state_key(st, 'e');
	assert_int_equal(tui_state_view(st), TV_EXPLAIN);
	assert_true(doc_has(&st->docs[TV_EXPLAIN], title, TL_TEXT));
	assert_false(doc_says_soc3_type(&st->docs[TV_EXPLAIN]));

	tui_state_free(st);
	f->st = NULL;
	sc_questionnaire_free(q);
	f->o.q = f->q;
	f->o.answers_path = NULL;
	free(copy);
	free(text);
	free(apath);
	free(qpath);
}

/* Make a file look a day old, to tell whether it is written again. */
static int
utime_old(const char *path)
{
	struct utimbuf t = {.actime = time(NULL) - 86400,
	                    .modtime = time(NULL) - 86400};
	return utime(path, &t);
}

static bool
mtime_is_old(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && sb.st_mtime < time(NULL) - 3600;
}

static void
test_export(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r1\r");
	/* On a number question 's' is typed; F5 opens the results. */
	assert_int_equal(st->cur, Q_EMPLOYEES);
	tui_state_key(st, TK_F(5));
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	tui_state_key(st, 'w');
	assert_true(st->export_mode);
	assert_true(tui_state_editing(st));
	assert_string_equal(tui_le_text(&st->export_ed),
	                    "acme-payroll-ltd-socscope.txt");
	/* The format follows Down; an unedited path follows the format. */
	tui_state_key(st, TK_DOWN);
	tui_state_key(st, TK_DOWN);
	tui_state_key(st, TK_DOWN);
	assert_int_equal(st->export_fmt, SC_FMT_JSON);
	assert_string_equal(tui_le_text(&st->export_ed),
	                    "acme-payroll-ltd-socscope.json");
	tui_state_key(st, TK_ENTER);
	assert_false(st->export_mode);
	assert_false(st->message_error);
	char *json = th_read("acme-payroll-ltd-socscope.json", NULL);
	assert_non_null(json);
	assert_non_null(strstr(json, "\"soc1\""));
	free(json);
	/* An error is shown in place and the prompt stays. */
	tui_state_key(st, 'w');
	tui_state_key(st, TK_CTRL('u'));
	keys(st, "no/such/dir/x.json");
	tui_state_key(st, TK_ENTER);
	assert_true(st->export_mode);
	assert_true(st->message_error);
	assert_string_equal(tui_le_text(&st->export_ed), "no/such/dir/x.json");
	tui_state_key(st, TK_ESC);
	assert_false(st->export_mode);
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	/* "~/" is the home directory; the list follows the extension typed,
	 * and a format chosen after gives the typed name its extension. */
	tui_state_key(st, 'w');
	tui_state_key(st, TK_CTRL('u'));
	keys(st, "~/home.csv");
	assert_int_equal(st->export_fmt, SC_FMT_CSV);
	tui_state_key(st, TK_UP); /* csv -> json: home.csv becomes home.json */
	assert_int_equal(st->export_fmt, SC_FMT_JSON);
	assert_string_equal(tui_le_text(&st->export_ed), "~/home.json");
	tui_state_key(st, TK_ENTER);
	assert_false(st->message_error);
	char *p = sc_xasprintf("%s/home.json", f->dir);
	char *js = th_read(p, NULL);
	assert_non_null(js);
	assert_non_null(strstr(js, "\"socscope\": 1"));
	free(js);
	free(p);
}

/* The report fixture's answers opened on a copy (the interview saves to
 * the file it opened); f->o.q is set to the questionnaire, to be freed. */
static struct sc_questionnaire *
open_report_fixture(struct fx *f, char **copy)
{
	struct sc_diags d;
	enum sc_status rc;
	char *qpath = th_src("tests/fixtures/report/report.yaml");
	char *apath = th_src("tests/fixtures/report/full.yaml");
	char *text = th_read(apath, NULL);
	assert_non_null(text);
	*copy = th_write(f->dir, "full.yaml", text);
	sc_diags_init(&d);
	struct sc_questionnaire *q = sc_questionnaire_load_file(qpath, &d, &rc);
	assert_non_null(q);
	sc_diags_fini(&d);
	f->o.q = q;
	f->o.answers_path = *copy;
	free(text);
	free(apath);
	free(qpath);
	return q;
}

/* The export prompt offers the evidence request list (Tab) in markdown,
 * html, json and csv, written as `socscope evidence` writes it; the
 * report's Markdown carries the list as an appendix. */
static void
test_export_evidence_list(void **state)
{
	struct fx *f = *state;
	char *copy;
	struct sc_questionnaire *q = open_report_fixture(f, &copy);
	setenv("SOCSCOPE_DATE", "2026-03-01", 1);
	struct tui_state *st = start(f);

	tui_state_key(st, TK_F(5));
	tui_state_key(st, 'w');
	assert_false(st->export_evidence);
	assert_int_equal(st->export_fmt, SC_FMT_TEXT);
	const char *report_txt = tui_le_text(&st->export_ed);
	assert_non_null(strstr(report_txt, "-socscope.txt"));
	/* Tab: the evidence list, which has no text layout. */
	tui_state_key(st, TK_TAB);
	assert_true(st->export_evidence);
	assert_int_equal(st->export_fmt, SC_FMT_MARKDOWN);
	assert_non_null(strstr(tui_le_text(&st->export_ed), "-evidence.md"));
	/* Its formats go round without text. */
	static const enum sc_format round[] = {SC_FMT_HTML, SC_FMT_JSON,
	                                       SC_FMT_CSV, SC_FMT_MARKDOWN};
	for (size_t k = 0; k < 4; k++) {
		tui_state_key(st, TK_DOWN);
		assert_int_equal(st->export_fmt, round[k]);
	}
	tui_state_key(st, TK_UP);
	assert_int_equal(st->export_fmt, SC_FMT_CSV);
	assert_non_null(strstr(tui_le_text(&st->export_ed), "-evidence.csv"));
	tui_state_key(st, TK_CTRL('u'));
	keys(st, "pbc.csv");
	tui_state_key(st, TK_ENTER);
	assert_false(st->export_mode);
	assert_false(st->message_error);
	assert_non_null(strstr(st->message, "evidence request list (csv)"));

	/* The same bytes as the command line's evidence list. */
	struct sc_buf want = {0};
	struct sc_report_opts ro = {"2026-03-01", 0};
	struct sc_diags d;
	enum sc_status rc;
	sc_diags_init(&d);
	struct sc_catalogue *cat = sc_catalogue_load_named(NULL, &d, &rc);
	assert_non_null(cat);
	sc_diags_fini(&d);
	assert_true(sc_evidence_render(q, st->s->a, st->s->ev, cat, SC_FMT_CSV,
	                               &ro, &want));
	size_t len;
	char *got = th_read("pbc.csv", &len);
	assert_non_null(got);
	assert_int_equal(len, want.len);
	assert_memory_equal(got, want.data, len);
	assert_non_null(strstr(got, ",owner,due_date"));
	free(got);
	struct stat sb;
	assert_int_equal(stat("pbc.csv", &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);

	/* Back to the report: Markdown as `evaluate` writes it, with the
	 * evidence appendix. */
	tui_state_key(st, 'w');
	tui_state_key(st, TK_TAB);
	assert_false(st->export_evidence);
	tui_state_key(st, TK_UP);
	tui_state_key(st, TK_UP);
	tui_state_key(st, TK_UP);
	assert_int_equal(st->export_fmt, SC_FMT_MARKDOWN);
	assert_non_null(strstr(tui_le_text(&st->export_ed), "-socscope.md"));
	tui_state_key(st, TK_ENTER);
	assert_false(st->message_error);
	sc_buf_reset(&want);
	sc_report_render_full(q, st->s->a, st->s->ev, SC_FMT_MARKDOWN, &ro, cat,
	                      &want);
	got = th_read(tui_le_text(&st->export_ed), &len);
	assert_non_null(got);
	assert_int_equal(len, want.len);
	assert_memory_equal(got, want.data, len);
	assert_non_null(strstr(got, ": evidence to collect\n"));
	free(got);

	sc_buf_fini(&want);
	sc_catalogue_free(cat);
	unsetenv("SOCSCOPE_DATE");
	tui_state_free(st);
	f->st = NULL;
	sc_questionnaire_free(q);
	f->o.q = f->q;
	f->o.answers_path = NULL;
	free(copy);
}

/* The file's extension decides the format, whatever the list says; an
 * existing file is overwritten only after y, and n leaves it byte for
 * byte as it was. */
static void
test_export_format_and_overwrite(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r1\r");
	tui_state_key(st, TK_F(5));
	tui_state_key(st, 'w');
	assert_int_equal(st->export_fmt, SC_FMT_TEXT);
	tui_state_key(st, TK_CTRL('u'));
	/* x.md typed with "text" chosen: Markdown, and the list says so. */
	keys(st, "x.md");
	assert_int_equal(st->export_fmt, SC_FMT_MARKDOWN);
	tui_state_key(st, TK_ENTER);
	assert_false(st->export_mode);
	char *md = th_read("x.md", NULL);
	assert_non_null(md);
	assert_non_null(strstr(md, "# "));
	assert_non_null(strstr(st->message, "Exported markdown to x.md"));

	/* Again to x.md: asked first; n keeps the old file as it was. */
	assert_int_equal(utime_old("x.md"), 0);
	tui_state_key(st, 'w');
	tui_state_key(st, TK_CTRL('u'));
	keys(st, "x.md");
	tui_state_key(st, TK_ENTER);
	assert_int_equal(st->ask, TA_OVERWRITE);
	assert_non_null(strstr(st->message, "x.md already exists"));
	assert_false(tui_state_editing(st)); /* y and n are answers */
	tui_state_key(st, 'n');
	assert_int_equal(st->ask, TA_NONE);
	assert_true(st->export_mode);
	assert_non_null(strstr(st->message, "the file is as it was"));
	char *again = th_read("x.md", NULL);
	assert_string_equal(again, md);
	free(again);
	assert_true(mtime_is_old("x.md"));
	/* y overwrites. */
	tui_state_key(st, TK_ENTER);
	assert_int_equal(st->ask, TA_OVERWRITE);
	tui_state_key(st, 'y');
	assert_false(st->export_mode);
	assert_false(mtime_is_old("x.md"));
	assert_non_null(strstr(st->message, "Exported markdown to x.md"));

	/* A format the export has not: said, nothing written. */
	tui_state_key(st, 'w');
	tui_state_key(st, TK_TAB); /* the evidence list */
	tui_state_key(st, TK_CTRL('u'));
	keys(st, "list.txt");
	tui_state_key(st, TK_ENTER);
	assert_true(st->message_error);
	assert_non_null(strstr(st->message, "has no text format"));
	assert_null(th_read("list.txt", NULL));
	free(md);
}

/* The results show readiness by area as bars with the figures in words,
 * the same areas as the reports. */
static void
test_results_area_bars(void **state)
{
	struct fx *f = *state;
	char *copy;
	struct sc_questionnaire *q = open_report_fixture(f, &copy);
	struct tui_state *st = start(f);
	struct sc_area areas[SC_AREA_MAX];
	struct sc_buf want = {0};

	tui_state_key(st, TK_F(5));
	const struct tui_doc *d = &st->docs[TV_RESULTS];
	assert_true(doc_has(d, "Readiness by area", TL_TEXT));
	size_t n = sc_report_areas(q, st->s->a, st->s->ev, areas);
	assert_true(n > 0);
	bool scored = false;
	for (size_t k = 0; k < n; k++) {
		sc_buf_reset(&want);
		if (areas[k].score >= 0) {
			int filled = (areas[k].score * 10 + 50) / 100;
			sc_buf_puts(&want, "[");
			for (int c = 0; c < 10; c++)
				sc_buf_puts(&want, c < filled ? "\u2588" : "\u2591");
			sc_buf_printf(&want, "] %3d%%", areas[k].score);
			scored = true;
		} else {
			sc_buf_printf(&want, "%17s", "-");
		}
		sc_buf_printf(&want, "  %s: ", areas[k].name);
		sc_area_detail(&areas[k], &want);
		if (!doc_has(d, sc_buf_str(&want), TL_TEXT))
			fail_msg("no line \"%s\"", sc_buf_str(&want));
	}
	assert_true(scored);
	sc_buf_fini(&want);

	tui_state_free(st);
	f->st = NULL;
	sc_questionnaire_free(q);
	f->o.q = f->q;
	f->o.answers_path = NULL;
	free(copy);
}

/* The export writes where the path points: through a symbolic link to
 * its target, into a FIFO (read by a child here), never replacing them. */
static void
test_export_through_link_and_fifo(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r1\r");
	assert_int_equal(mkdir("real", 0700), 0);
	assert_int_equal(symlink("real/report.md", "link.md"), 0);
	tui_state_key(st, TK_F(5));
	tui_state_key(st, 'w');
	tui_state_key(st, TK_CTRL('u'));
	keys(st, "link.md");
	tui_state_key(st, TK_ENTER);
	assert_false(st->message_error);
	struct stat sb;
	assert_int_equal(lstat("link.md", &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	char *text = th_read("real/report.md", NULL);
	assert_non_null(text);
	assert_non_null(strstr(text, "SOC 1"));
	free(text);

	assert_int_equal(mkfifo("report.fifo", 0600), 0);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* The child copies what comes through the FIFO to a file. */
		FILE *in = fopen("report.fifo", "rb");
		FILE *out = fopen("from-fifo.txt", "wb");
		int c;
		while (in && out && (c = getc(in)) != EOF)
			putc(c, out);
		_exit(in && out && fclose(out) == 0 ? 0 : 1);
	}
	tui_state_key(st, 'w');
	tui_state_key(st, TK_CTRL('u'));
	keys(st, "report.fifo");
	tui_state_key(st, TK_ENTER);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_false(st->message_error);
	assert_int_equal(lstat("report.fifo", &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	text = th_read("from-fifo.txt", NULL);
	assert_non_null(text);
	assert_non_null(strstr(text, "SOC 1"));
	free(text);
}

static void
test_picker_resumes(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r");
	tui_state_free(st);
	f->st = NULL;

	/* No client: the picker lists the saved session. */
	f->o.client = NULL;
	st = start(f);
	assert_int_equal(tui_state_view(st), TV_START);
	assert_false(tui_state_editing(st));
	const struct tui_doc *d = &st->docs[TV_START];
	assert_int_equal(d->v[d->sel].kind, TL_SESSION);
	assert_non_null(strstr(d->v[d->sel].text, "Acme Payroll Ltd"));
	assert_non_null(strstr(d->v[d->sel].text, "1/5"));
	/* Where the client stands, as the portfolio says it, in its column
	 * under the header. */
	assert_non_null(st->infos[0].recommendation);
	assert_true(*st->infos[0].recommendation);
	const char *rec = strstr(d->v[d->sel].text,
	                         st->infos[0].recommendation);
	assert_non_null(rec);
	assert_true(doc_has(d, "Recommendation", TL_TEXT));
	size_t head = 0;
	while (!strstr(d->v[head].text, "Recommendation"))
		head++;
	assert_int_equal(strstr(d->v[head].text, "Recommendation") -
	                         d->v[head].text,
	                 rec - d->v[d->sel].text);
	assert_int_equal(d->v[d->sel].hang, rec - d->v[d->sel].text);
	/* No example answers this questionnaire: none offered. */
	assert_false(doc_has(d, "example", TL_EXAMPLES));
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(st->cur, Q_SERVICES);
	assert_true(tui_state_answered(st, Q_ORG));
}

static void
test_picker_new_interview(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r");
	tui_state_free(st);
	f->o.client = NULL;
	st = f->st = NULL;
	st = start(f);
	tui_state_key(st, 'G');
	assert_int_equal(st->docs[TV_START].v[st->docs[TV_START].sel].kind,
	                 TL_NEW);
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_NAME);
	assert_true(tui_state_editing(st));
	/* Esc returns to the picker; Enter with no name asks for one. */
	tui_state_key(st, TK_ESC);
	assert_int_equal(tui_state_view(st), TV_START);
	tui_state_key(st, TK_ENTER);
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_NAME);
	assert_true(st->message_error);
	keys(st, "Globex Corp\r");
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_string_equal(st->s->a->client, "Globex Corp");
	assert_non_null(strstr(st->s->path, "globex-corp.yaml"));
}

/* An installed example of this questionnaire: offered by the picker even
 * with no saved session, opened on a copy named after it, the example
 * itself untouched; the bundled ones (another questionnaire) are not. */
static void
test_picker_opens_example_on_a_copy(void **state)
{
	struct fx *f = *state;
	static const char example[] =
		"# A demo for trainers: SOC 1 Type II.\n"
		"socscope: 1\nquestionnaire: tui-tiny\nclient: Demo Payroll\n"
		"answers:\n  org_name: Demo Payroll\n  services: [payroll]\n";
	char *data = sc_xasprintf("%s/data", f->dir);
	char *dir = sc_xasprintf("%s/socscope/questionnaires/examples", data);
	char *cmd = sc_xasprintf("mkdir -p '%s'", dir);
	assert_int_equal(system(cmd), 0);
	char *path = th_write(dir, "tiny-demo.yaml", example);
	setenv("XDG_DATA_HOME", data, 1);
	f->o.client = NULL;
	struct tui_state *st = start(f);

	assert_int_equal(tui_state_view(st), TV_START);
	assert_int_equal(st->nexamples, 1);
	const struct tui_doc *d = &st->docs[TV_START];
	assert_true(doc_has(d, "Open a worked example", TL_EXAMPLES));
	/* A new interview stays the first choice. */
	assert_int_equal(d->v[d->sel].kind, TL_NEW);
	tui_state_key(st, TK_DOWN);
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_EXAMPLES);
	d = &st->docs[TV_EXAMPLES];
	assert_true(doc_has(d, "tiny-demo", TL_EXAMPLE));
	assert_true(doc_has(d, "A demo for trainers: SOC 1 Type II.",
	                    TL_EXAMPLE));
	/* Esc goes back to the picker, Enter opens the copy. */
	tui_state_key(st, TK_ESC);
	assert_int_equal(tui_state_view(st), TV_START);
	tui_state_key(st, TK_ENTER);
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	char *want = sc_xasprintf("%s/socscope/sessions/tiny-demo.yaml", f->dir);
	assert_string_equal(st->s->path, want);
	assert_false(st->message_error);
	assert_non_null(strstr(st->message, "tiny-demo.yaml"));
	assert_string_equal(st->s->a->client, "Demo Payroll");
	/* Changing the copy leaves the example as it was. */
	for (int k = 0; k < Q_COUNT && st->cur != Q_SERVICES; k++)
		tui_state_key(st, TK_PPAGE);
	assert_int_equal(st->cur, Q_SERVICES);
	tui_state_key(st, '2');
	char *saved = th_read(want, NULL);
	assert_non_null(saved);
	assert_non_null(strstr(saved, "hosting"));
	free(saved);
	char *now = th_read(path, NULL);
	assert_string_equal(now, example);
	free(now);

	free(want);
	free(path);
	free(cmd);
	free(dir);
	free(data);
	unsetenv("XDG_DATA_HOME");
}

/* The results open at the top each time; Esc after a jump from them (or
 * from Why) goes back to the view, where it was. */
static void
test_jump_back_and_results_at_the_top(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r12\r");
	tui_state_key(st, TK_F(5));
	tui_state_layout(st, 60, 6);
	struct tui_doc *d = &st->docs[TV_RESULTS];
	tui_state_key(st, TK_NPAGE);
	tui_state_key(st, TK_NPAGE);
	assert_true(d->top > 0);
	/* Opened again: at the top. */
	tui_state_key(st, TK_ESC);
	tui_state_key(st, TK_F(5));
	assert_int_equal(d->top, 0);
	/* A jump to an open question, and Esc back to the results, in place. */
	tui_state_key(st, TK_END);
	size_t top = d->top, sel = d->sel;
	assert_int_equal(d->v[sel].kind, TL_QUESTION);
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_non_null(strstr(st->message, "Esc goes back to Results"));
	if (tui_state_editing(st))
		tui_state_key(st, TK_ESC); /* a typed question: the field first */
	tui_state_key(st, TK_ESC);
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	assert_int_equal(d->top, top);
	assert_int_equal(d->sel, sel);
	/* Going on elsewhere forgets it: Esc in the interview stays. */
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	tui_state_key(st, TK_F(4));
	assert_int_equal(tui_state_view(st), TV_REVIEW);
	tui_state_key(st, TK_ESC);
	tui_state_key(st, TK_ESC);
	tui_state_key(st, TK_ESC);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
}

/* End shows the very last line of a document, not only its last
 * selectable line; pages pass every line. */
static void
test_end_shows_the_last_line(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r1\r");
	tui_state_key(st, TK_F(4));
	tui_state_layout(st, 60, 5);
	tui_state_key(st, TK_ESC);
	tui_state_key(st, TK_F(4));
	struct tui_doc *d = &st->docs[TV_REVIEW];
	tui_state_key(st, TK_END);
	/* The last line is the answer under the last question. */
	size_t rows = 0;
	for (size_t i = d->top; i < d->n; i++)
		rows += tui_line_wrap(&d->v[i], 60, NULL);
	assert_true(rows <= 5);
	assert_int_equal(d->v[d->n - 1].kind, TL_TEXT);
	/* From the top, PgDn alone shows every line on some page. */
	tui_state_key(st, TK_HOME);
	bool *seen = calloc(d->n, sizeof *seen);
	for (int k = 0; k < 40; k++) {
		size_t r = 0;
		for (size_t i = d->top; i < d->n; i++) {
			r += tui_line_wrap(&d->v[i], 60, NULL);
			if (r > 5)
				break;
			seen[i] = true;
		}
		tui_state_key(st, TK_NPAGE);
	}
	for (size_t i = 0; i < d->n; i++)
		if (!seen[i])
			fail_msg("line %zu \"%s\" never shown", i, d->v[i].text);
	free(seen);
}

/* The picker deletes a saved interview after y (n keeps it), and puts a
 * copy of an example back to the example after y. */
static void
test_picker_delete_and_reset(void **state)
{
	struct fx *f = *state;
	const char *example =
		"socscope: 1\nquestionnaire: tui-tiny\nclient: Demo Payroll\n"
		"answers:\n  org_name: Demo Payroll\n  services: [payroll]\n";
	char *data = sc_xasprintf("%s/data", f->dir);
	char *dir = sc_xasprintf("%s/socscope/questionnaires/examples", data);
	char *cmd = sc_xasprintf("mkdir -p '%s'", dir);
	assert_int_equal(system(cmd), 0);
	char *path = th_write(dir, "tiny-demo.yaml", example);
	setenv("XDG_DATA_HOME", data, 1);
	struct tui_state *st = start(f); /* Acme Payroll Ltd, a session */
	keys(st, "Acme\r");
	tui_state_free(st);
	f->st = NULL;
	char *copy = sc_xasprintf("%s/socscope/sessions/tiny-demo-2.yaml",
	                          f->dir);
	char *copy_dir = sc_xasprintf("%s/socscope/sessions", f->dir);
	free(th_write(copy_dir, "tiny-demo-2.yaml",
	              "socscope: 1\nquestionnaire: tui-tiny\nclient: Demo "
	              "Payroll\nanswers:\n  org_name: Changed\n"
	              "  services: [hosting]\n"));
	f->o.client = NULL;
	st = start(f);
	assert_int_equal(tui_state_view(st), TV_START);
	const struct tui_doc *d = &st->docs[TV_START];
	/* Select the copy: R offered, asks, n changes nothing, y resets. */
	for (int k = 0; k < 10 && !strstr(d->v[d->sel].text, "Demo Payroll"); k++)
		tui_state_key(st, TK_DOWN);
	assert_non_null(strstr(d->v[d->sel].text, "Demo Payroll"));
	bool offered = false;
	for (const struct tui_barkey *k = tui_state_keybar(st); k->label; k++)
		offered |= k->req == REQ_RESET;
	assert_true(offered);
	tui_state_key(st, 'R');
	assert_int_equal(st->ask, TA_RESET);
	tui_state_key(st, 'n');
	assert_int_equal(st->ask, TA_NONE);
	char *now = th_read(copy, NULL);
	assert_non_null(strstr(now, "hosting"));
	free(now);
	tui_state_key(st, 'R');
	tui_state_key(st, 'y');
	assert_false(st->message_error);
	now = th_read(copy, NULL);
	assert_non_null(strstr(now, "services: [payroll]"));
	assert_non_null(strstr(now, "org_name: Demo Payroll"));
	free(now);
	/* A real client's session is no copy: nothing to reset it to. */
	tui_state_key(st, TK_HOME);
	for (int k = 0; k < 10 && !strstr(d->v[d->sel].text, "Acme Payroll Ltd");
	     k++)
		tui_state_key(st, TK_DOWN);
	assert_non_null(strstr(d->v[d->sel].text, "Acme Payroll Ltd"));
	tui_state_key(st, 'R');
	assert_int_equal(st->ask, TA_NONE);
	assert_non_null(strstr(st->message, "not a copy of a worked example"));
	/* Delete it: asked; n keeps it; Delete and y remove it. */
	char *acme = sc_session_path("Acme Payroll Ltd");
	tui_state_key(st, 'D');
	assert_int_equal(st->ask, TA_DELETE);
	tui_state_key(st, 'n');
	struct stat sb;
	assert_int_equal(stat(acme, &sb), 0);
	tui_state_key(st, TK_DELETE);
	assert_int_equal(st->ask, TA_DELETE);
	tui_state_key(st, 'y');
	assert_int_equal(stat(acme, &sb), -1);
	assert_int_equal(st->ninfos, 1);
	assert_int_equal(stat(copy, &sb), 0);
	assert_true(doc_has(d, "Demo Payroll", TL_SESSION));
	assert_false(doc_has(d, "Acme Payroll Ltd", TL_SESSION));
	/* In the interview on the copy: R, y, and the example's answers are
	 * back, on screen and in the file. */
	tui_state_key(st, TK_HOME);
	for (int k = 0; k < 10 && d->v[d->sel].kind != TL_SESSION; k++)
		tui_state_key(st, TK_DOWN);
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_true(st->session_example != SIZE_MAX);
	for (int k = 0; k < Q_COUNT && st->cur != Q_SERVICES; k++)
		tui_state_key(st, TK_PPAGE);
	assert_int_equal(st->cur, Q_SERVICES);
	tui_state_key(st, '2');
	assert_true(tui_state_choice_selected(st, Q_SERVICES, 1));
	tui_state_key(st, 'R');
	assert_int_equal(st->ask, TA_RESET);
	tui_state_key(st, 'y');
	assert_false(tui_state_choice_selected(st, Q_SERVICES, 1));
	assert_true(tui_state_choice_selected(st, Q_SERVICES, 0));
	now = th_read(copy, NULL);
	assert_non_null(strstr(now, "services: [payroll]"));
	free(now);
	/* The example itself never changes. */
	now = th_read(path, NULL);
	assert_string_equal(now, example);
	free(now);
	free(acme);
	free(copy_dir);
	free(copy);
	free(path);
	free(cmd);
	free(dir);
	free(data);
	unsetenv("XDG_DATA_HOME");
}

static void
test_no_sessions_asks_name(void **state)
{
	struct fx *f = *state;
	f->o.client = NULL;
	struct tui_state *st = start(f);
	assert_int_equal(tui_state_view(st), TV_NAME);
	tui_state_key(st, 'q');
	assert_false(st->quit);
	assert_string_equal(tui_le_text(&st->name_ed), "q");
}

static void
test_bad_answers_file(void **state)
{
	struct fx *f = *state;
	char *err = NULL;
	int code = 0;
	char *p = th_write(f->dir, "bad.yaml",
	                   "socscope: 1\nquestionnaire: tui-tiny\nanswers:\n"
	                   "  nosuch: 1\n");
	f->o.answers_path = p;
	assert_null(tui_state_new(&f->o, &err, &code));
	assert_int_equal(code, 65);
	assert_non_null(err);
	assert_non_null(strstr(err, "bad.yaml:4:"));
	free(err);
	free(p);
}

static void
test_results_scroll_like_a_pager(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r12\r");
	tui_state_key(st, TK_F(5));
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	/* A short screen: the recommendation shows first, although the
	 * only selectable lines (open required questions) are far below. */
	tui_state_layout(st, 60, 6);
	tui_state_key(st, TK_ESC);
	tui_state_key(st, TK_F(5));
	const struct tui_doc *d = &st->docs[TV_RESULTS];
	assert_int_equal(d->top, 0);
	assert_int_equal(d->v[d->sel].kind, TL_QUESTION);
	/* Enter does not open a selection that cannot be seen ... */
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_RESULTS);
	assert_true(d->top > 0);
	/* ... now it can, and Enter jumps to the open question. */
	size_t target = d->v[d->sel].target;
	tui_state_key(st, TK_ENTER);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(st->cur, target);
	/* Down scrolls a page at a time through text without selections. */
	tui_state_key(st, TK_TAB);
	tui_state_key(st, '?');
	d = &st->docs[TV_HELP];
	assert_int_equal(d->top, 0);
	tui_state_key(st, 'j');
	assert_int_equal(d->top, 1);
	tui_state_key(st, 'G');
	size_t last = d->top;
	assert_true(last > 1);
	tui_state_key(st, 'j');
	assert_int_equal(d->top, last);
	tui_state_key(st, 'g');
	assert_int_equal(d->top, 0);
}

static void
test_mouse_lines(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	keys(st, "Acme\r1\r");
	tui_state_key(st, TK_F(5));
	tui_state_key(st, 'r');
	assert_int_equal(tui_state_view(st), TV_REVIEW);
	const struct tui_doc *d = &st->docs[TV_REVIEW];
	size_t line = SIZE_MAX;
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].kind == TL_QUESTION && d->v[i].target == Q_SERVICES)
			line = i;
	assert_true(line != SIZE_MAX);
	/* Text lines do not take the selection. */
	tui_state_click_line(st, 0, false);
	assert_true(d->sel != 0);
	tui_state_click_line(st, line, false);
	assert_int_equal(d->sel, line);
	assert_int_equal(tui_state_view(st), TV_REVIEW);
	tui_state_click_line(st, line, true);
	assert_int_equal(tui_state_view(st), TV_INTERVIEW);
	assert_int_equal(st->cur, Q_SERVICES);
	/* The wheel moves the cursor in a choice list. */
	tui_state_scroll(st, 3);
	assert_int_equal(st->cursor[Q_SERVICES], 2);
}

static void
test_client_name_asked_once(void **state)
{
	struct fx *f = *state;
	struct tui_state *st = start(f);

	/* The name given at the start answers the client question, so the
	 * interview starts after it ... */
	assert_int_equal(st->cur, N_SERVICES);
	assert_string_equal(st->s->a->v[N_ORG].text, "Acme Payroll Ltd");
	tui_state_key(st, '1');
	assert_non_null(saved_text(f, "org_name: Acme Payroll Ltd"));
	/* Going back reaches it. */
	tui_state_key(st, TK_PPAGE);
	assert_int_equal(st->cur, N_ORG);
	/* It stays editable, and its answer is the client's name. */
	keys(st, "\x15" "Renamed Co\r");
	assert_int_equal(st->cur, N_SERVICES);
	assert_string_equal(st->s->a->client, "Renamed Co");
	assert_non_null(saved_text(f, "client: Renamed Co"));
	/* From the review too. */
	tui_state_key(st, 'r');
	assert_int_equal(tui_state_view(st), TV_REVIEW);
	assert_true(doc_has(&st->docs[TV_REVIEW], "Renamed Co", TL_TEXT));
}

static void
test_client_question_asked_without_a_name(void **state)
{
	struct fx *f = *state;
	f->o.client = NULL;
	f->o.answers_path = "own.yaml";
	struct tui_state *st = start(f);

	/* No name yet: the question is asked, and names the client. */
	assert_int_equal(st->cur, N_ORG);
	keys(st, "Asked Co\r");
	assert_int_equal(st->cur, N_SERVICES);
	assert_string_equal(st->s->a->client, "Asked Co");
}

int
main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "C.utf8");
	const struct CMUnitTest tests[] = {
#define T(n) cmocka_unit_test_setup_teardown(n, setup, teardown)
		T(test_help_lists_every_request),
		T(test_notes_review_explain),
		T(test_soc3_has_no_type),
		T(test_export),
		T(test_export_through_link_and_fifo),
		T(test_export_evidence_list),
		T(test_export_format_and_overwrite),
		T(test_jump_back_and_results_at_the_top),
		T(test_end_shows_the_last_line),
		T(test_picker_delete_and_reset),
		T(test_results_area_bars),
		T(test_picker_resumes),
		T(test_picker_new_interview),
		T(test_picker_opens_example_on_a_copy),
		T(test_no_sessions_asks_name),
		T(test_bad_answers_file),
		T(test_results_scroll_like_a_pager),
		T(test_mouse_lines),
#define N(n) cmocka_unit_test_setup_teardown(n, setup_named, teardown)
		N(test_client_name_asked_once),
		N(test_client_question_asked_without_a_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
