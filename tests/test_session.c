/* Sessions: autosave, resume, navigation with skip logic, listing, and
 * what happens when a save fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "socscope/session.h"

/* Question indices in tests/fixtures/session/q.yaml. */
enum {
	Q_ORG, Q_SERVICES, Q_SLA, Q_SLA_LEVEL, Q_MONTHS, Q_POLICIES,
	Q_COMMENTS, Q_COUNT
};
enum { C_PAYROLL, C_HOSTING, C_ADVICE };

struct fx {
	struct sc_questionnaire *q;
	char *dir;
};

static int
setup(void **state)
{
	struct fx *fx = sc_xcalloc(1, sizeof *fx);
	struct sc_diags d;
	enum sc_status st;
	char *path = th_src("tests/fixtures/session/q.yaml");

	sc_diags_init(&d);
	fx->q = sc_questionnaire_load_file(path, &d, &st);
	if (!fx->q) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		fprintf(stderr, "%s", sc_buf_str(&b));
		sc_buf_fini(&b);
	}
	assert_non_null(fx->q);
	assert_int_equal(fx->q->nquestions, Q_COUNT);
	assert_string_equal(fx->q->questions[Q_SLA_LEVEL].id, "sla_level");
	sc_diags_fini(&d);
	free(path);
	fx->dir = th_mkdtemp();
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;
	/* A test may have made its directory read-only or removed it. */
	char *cmd = sc_xasprintf("chmod -R u+rwx '%s' 2>/dev/null", fx->dir);
	if (system(cmd) < 0)
		perror("chmod");
	free(cmd);
	th_rmtree(fx->dir);
	free(fx->dir);
	sc_questionnaire_free(fx->q);
	free(fx);
	return 0;
}

static struct sc_session *
open_ok(struct fx *fx, const char *path, const char *client)
{
	struct sc_diags d;
	enum sc_status st = SC_EIO;
	sc_diags_init(&d);
	struct sc_session *s = sc_session_open(fx->q, path, client, &d, &st);
	if (!s) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		fprintf(stderr, "%s", sc_buf_str(&b));
		sc_buf_fini(&b);
	}
	assert_non_null(s);
	assert_int_equal(st, SC_OK);
	assert_int_equal(d.n, 0);
	sc_diags_fini(&d);
	return s;
}

/* Load `path` afresh, independently of any session. */
static struct sc_answers *
reload(struct fx *fx, const char *path)
{
	struct sc_diags d;
	sc_diags_init(&d);
	struct sc_answers *a = sc_answers_new(fx->q);
	assert_int_equal(sc_answers_load_file(a, path, &d), SC_OK);
	sc_diags_fini(&d);
	return a;
}

static struct sc_answer
yes(bool b)
{
	struct sc_answer v = {.type = SC_A_BOOL, .b = b};
	return v;
}

static enum sc_status
set_services(struct sc_session *s, const size_t *sel, size_t n)
{
	size_t copy[3];
	memcpy(copy, sel, n * sizeof *sel);
	struct sc_answer v = {.type = SC_A_CHOICES, .sel = copy, .nsel = n};
	return sc_session_set(s, Q_SERVICES, &v);
}

static enum sc_status
set_text(struct sc_session *s, size_t qi, const char *text)
{
	struct sc_answer v = {.type = SC_A_TEXT, .text = (char *)text};
	return sc_session_set(s, qi, &v);
}

static void
autosave_on_every_change(void **state)
{
	struct fx *fx = *state;
	char *dir = sc_xasprintf("%s/state/sessions", fx->dir);
	char *path = sc_xasprintf("%s/acme.yaml", dir);
	struct stat sb;

	struct sc_session *s = open_ok(fx, path, "Acme Ltd");
	/* Opening creates the private directory, not yet the file. */
	assert_int_equal(stat(dir, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_not_equal(stat(path, &sb), 0);

	assert_int_equal(set_text(s, Q_ORG, "Acme Ltd"), SC_OK);
	assert_null(s->last_error);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	struct sc_answers *a = reload(fx, path);
	assert_int_equal(a->v[Q_ORG].type, SC_A_TEXT);
	assert_string_equal(a->v[Q_ORG].text, "Acme Ltd");
	assert_string_equal(a->client, "Acme Ltd");
	sc_answers_free(a);

	struct sc_answer v = {.type = SC_A_NUMBER, .num = 9};
	assert_int_equal(sc_session_set(s, Q_MONTHS, &v), SC_OK);
	a = reload(fx, path);
	assert_int_equal(a->v[Q_MONTHS].type, SC_A_NUMBER);
	assert_true(a->v[Q_MONTHS].num == 9);
	sc_answers_free(a);

	assert_int_equal(sc_session_set_note(s, Q_MONTHS, "ask the CFO"),
	                 SC_OK);
	a = reload(fx, path);
	assert_string_equal(a->notes[Q_MONTHS], "ask the CFO");
	sc_answers_free(a);

	assert_int_equal(sc_session_unset(s, Q_MONTHS), SC_OK);
	assert_int_equal(sc_session_set_client(s, "Acme Group"), SC_OK);
	a = reload(fx, path);
	assert_int_equal(a->v[Q_MONTHS].type, SC_A_NONE);
	assert_string_equal(a->client, "Acme Group");
	/* The note outlives the answer: it is the assessor's, not a value. */
	assert_string_equal(a->notes[Q_MONTHS], "ask the CFO");
	sc_answers_free(a);

	/* Still 0600 after rewrites. */
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	sc_session_free(s);
	free(path);
	free(dir);
}

static void
rejected_value_changes_nothing(void **state)
{
	struct fx *fx = *state;
	char *path = sc_xasprintf("%s/x.yaml", fx->dir);
	struct sc_session *s = open_ok(fx, path, NULL);

	struct sc_answer v = {.type = SC_A_NUMBER, .num = 12};
	assert_int_equal(sc_session_set(s, Q_MONTHS, &v), SC_OK);
	char *before = th_read(path, NULL);
	assert_non_null(before);

	v.num = 61; /* max is 60 */
	assert_int_equal(sc_session_set(s, Q_MONTHS, &v), SC_EDATA);
	struct sc_answer c = {.type = SC_A_CHOICE, .choice = 7};
	assert_int_equal(sc_session_set(s, Q_SLA_LEVEL, &c), SC_EDATA);
	assert_int_equal(sc_session_set(s, Q_COUNT, &v), SC_EDATA);
	assert_int_equal(sc_session_set(s, Q_ORG, &v), SC_EDATA);

	assert_true(s->a->v[Q_MONTHS].num == 12);
	assert_int_equal(s->a->v[Q_SLA_LEVEL].type, SC_A_NONE);
	assert_int_equal(s->a->v[Q_ORG].type, SC_A_NONE);
	char *after = th_read(path, NULL);
	assert_string_equal(before, after);
	free(before);
	free(after);
	sc_session_free(s);
	free(path);
}

static void
resume_restores_answers_and_notes(void **state)
{
	struct fx *fx = *state;
	char *path = sc_xasprintf("%s/beta.yaml", fx->dir);
	struct sc_session *s = open_ok(fx, path, "Beta Inc");
	size_t sel[] = {C_PAYROLL, C_HOSTING};
	assert_int_equal(set_services(s, sel, 2), SC_OK);
	struct sc_answer u = {.type = SC_A_UNSURE};
	assert_int_equal(sc_session_set(s, Q_SLA, &u), SC_OK);
	assert_int_equal(set_text(s, Q_COMMENTS, "Two sites: Leeds, Porto"),
	                 SC_OK);
	assert_int_equal(sc_session_set_note(s, Q_SLA, "check the MSA"),
	                 SC_OK);
	sc_session_free(s);

	/* Another client name on resume does not rename the session. */
	s = open_ok(fx, path, "Someone Else");
	assert_string_equal(s->a->client, "Beta Inc");
	assert_int_equal(s->a->v[Q_SERVICES].type, SC_A_CHOICES);
	assert_int_equal(s->a->v[Q_SERVICES].nsel, 2);
	assert_int_equal(s->a->v[Q_SERVICES].sel[0], C_PAYROLL);
	assert_int_equal(s->a->v[Q_SERVICES].sel[1], C_HOSTING);
	assert_int_equal(s->a->v[Q_SLA].type, SC_A_UNSURE);
	assert_string_equal(s->a->v[Q_COMMENTS].text,
	                    "Two sites: Leeds, Porto");
	assert_string_equal(s->a->notes[Q_SLA], "check the MSA");
	assert_null(s->a->notes[Q_ORG]);
	/* The evaluation is live from the start: has_sla is shown. */
	assert_true(sc_eval_visible(s->ev, Q_SLA));
	const struct sc_result *r = sc_eval_result(s->ev);
	assert_int_equal(r->answered, 3);
	sc_session_free(s);
	free(path);
}

static void
open_refuses_bad_files(void **state)
{
	struct fx *fx = *state;
	struct sc_diags d;
	enum sc_status st = SC_OK;

	sc_diags_init(&d);
	char *bad = th_write(fx->dir, "bad.yaml",
	                     "socscope: 1\n"
	                     "questionnaire: session-fixture\n"
	                     "answers:\n"
	                     "  no_such_question: true\n");
	assert_null(sc_session_open(fx->q, bad, NULL, &d, &st));
	assert_int_equal(st, SC_EDATA);
	assert_true(d.n > 0);
	assert_int_equal(d.v[0].line, 4);
	/* The broken file is left as it was, for the user to fix. */
	char *text = th_read(bad, NULL);
	assert_non_null(strstr(text, "no_such_question"));
	free(text);

	/* A directory where the file should be cannot be read. */
	sc_diags_clear(&d);
	char *sub = sc_xasprintf("%s/dir.yaml", fx->dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_null(sc_session_open(fx->q, sub, NULL, &d, &st));
	assert_int_equal(st, SC_ENOINPUT);
	assert_true(d.n > 0);

	sc_diags_fini(&d);
	free(sub);
	free(bad);
}

static void
navigation_follows_skip_logic(void **state)
{
	struct fx *fx = *state;
	char *path = sc_xasprintf("%s/nav.yaml", fx->dir);
	struct sc_session *s = open_ok(fx, path, NULL);

	/* has_sla and sla_level are hidden until hosting is chosen. */
	assert_int_equal(sc_session_next(s, SIZE_MAX), Q_ORG);
	assert_int_equal(sc_session_next(s, Q_ORG), Q_SERVICES);
	assert_int_equal(sc_session_next(s, Q_SERVICES), Q_MONTHS);
	assert_int_equal(sc_session_prev(s, Q_MONTHS), Q_SERVICES);
	assert_int_equal(sc_session_prev(s, SIZE_MAX), Q_COMMENTS);
	assert_int_equal(sc_session_prev(s, Q_ORG), SIZE_MAX);
	assert_int_equal(sc_session_next(s, Q_COMMENTS), SIZE_MAX);
	assert_int_equal(sc_session_first_unanswered(s), Q_ORG);

	size_t hosting[] = {C_HOSTING};
	assert_int_equal(set_services(s, hosting, 1), SC_OK);
	assert_int_equal(sc_session_next(s, Q_SERVICES), Q_SLA);
	assert_int_equal(sc_session_next(s, Q_SLA), Q_MONTHS);

	struct sc_answer v = yes(true);
	assert_int_equal(sc_session_set(s, Q_SLA, &v), SC_OK);
	assert_int_equal(sc_session_next(s, Q_SLA), Q_SLA_LEVEL);
	assert_int_equal(sc_session_prev(s, Q_MONTHS), Q_SLA_LEVEL);

	/* Dropping hosting hides both levels below it again, and the
	 * answers already given no longer count as unanswered gaps. */
	assert_int_equal(set_text(s, Q_ORG, "Nav"), SC_OK);
	size_t payroll[] = {C_PAYROLL};
	assert_int_equal(set_services(s, payroll, 1), SC_OK);
	assert_int_equal(sc_session_next(s, Q_SERVICES), Q_MONTHS);
	assert_int_equal(sc_session_prev(s, Q_MONTHS), Q_SERVICES);
	assert_false(sc_eval_visible(s->ev, Q_SLA_LEVEL));
	assert_int_equal(sc_session_first_unanswered(s), Q_MONTHS);
	/* ...but the hidden answer is kept, in memory and on disk. */
	assert_int_equal(s->a->v[Q_SLA].type, SC_A_BOOL);
	struct sc_answers *a = reload(fx, path);
	assert_int_equal(a->v[Q_SLA].type, SC_A_BOOL);
	sc_answers_free(a);

	/* Answering the rest leaves nothing unanswered. */
	struct sc_answer n = {.type = SC_A_NUMBER, .num = 3};
	assert_int_equal(sc_session_set(s, Q_MONTHS, &n), SC_OK);
	v = yes(false);
	assert_int_equal(sc_session_set(s, Q_POLICIES, &v), SC_OK);
	assert_int_equal(sc_session_first_unanswered(s), Q_COMMENTS);
	assert_int_equal(set_text(s, Q_COMMENTS, "none"), SC_OK);
	assert_int_equal(sc_session_first_unanswered(s), SIZE_MAX);
	sc_session_free(s);
	free(path);
}

static void
listing_sorts_newest_first_and_lists_invalid_last(void **state)
{
	struct fx *fx = *state;
	char *dir = sc_xasprintf("%s/sessions", fx->dir);
	assert_int_equal(mkdir(dir, 0700), 0);

	char *older = th_write(dir, "older.yaml",
	        "socscope: 1\n"
	        "questionnaire: session-fixture\n"
	        "client: Older Co\n"
	        "updated: 2026-01-05T09:00:00Z\n"
	        "answers:\n"
	        "  org_name: Older Co\n"
	        "  services: [payroll]\n");
	char *newer = th_write(dir, "newer.yaml",
	        "socscope: 1\n"
	        "questionnaire: session-fixture\n"
	        "client: Newer Co\n"
	        "updated: 2026-03-01T12:30:00Z\n"
	        "answers:\n"
	        "  services: [hosting]\n"
	        "  has_sla: true\n");
	char *other = th_write(dir, "other.yaml",
	        "socscope: 1\n"
	        "questionnaire: another-questionnaire\n"
	        "client: Other Co\n"
	        "updated: 2025-12-31T23:59:59Z\n"
	        "answers:\n"
	        "  anything: 1\n");
	char *undated = th_write(dir, "undated.yaml",
	        "socscope: 1\n"
	        "questionnaire: session-fixture\n");
	/* Listed after those, each with why it cannot be opened: broken
	 * YAML, an unknown question, a wrong format version, a wrong choice,
	 * not a mapping.  Not sessions at all: not *.yaml, hidden (the lock
	 * and the atomic save's temporaries), a directory, the original a
	 * migration kept. */
	char *broken = th_write(dir, "broken.yaml", "socscope: [1\n");
	char *unknown = th_write(dir, "unknown.yaml",
	        "socscope: 1\nquestionnaire: session-fixture\n"
	        "client: Unknown Co\n"
	        "updated: 2027-01-01T00:00:00Z\n"
	        "answers:\n  nope: true\n");
	char *version = th_write(dir, "version.yaml",
	        "socscope: 2\nquestionnaire: session-fixture\n");
	char *choice = th_write(dir, "choice.yaml",
	        "socscope: 1\nquestionnaire: session-fixture\n"
	        "updated: 2027-01-01T00:00:00Z\n"
	        "answers:\n  services: [gardening]\n");
	char *list = th_write(dir, "list.yaml", "- 1\n- 2\n");
	free(th_write(dir, "notes.txt",
	        "socscope: 1\nquestionnaire: session-fixture\n"));
	free(th_write(dir, ".tmp-x.yaml",
	        "socscope: 1\nquestionnaire: session-fixture\n"));
	free(th_write(dir, ".older.yaml.lock", "pid 1\n"));
	free(th_write(dir, ".older.yaml.tmp-abcdef",
	        "socscope: 1\nquestionnaire: session-fixture\n"));
	free(th_write(dir, "older.yaml.v1.0",
	        "socscope: 1\nquestionnaire: session-fixture\n"));
	char *sub = sc_xasprintf("%s/subdir.yaml", dir);
	assert_int_equal(mkdir(sub, 0700), 0);

	struct sc_session_info *v = NULL;
	size_t n = sc_sessions_list(fx->q, dir, &v);
	assert_int_equal(n, 9);
	for (size_t i = 0; i < 4; i++)
		assert_null(v[i].error);
	assert_null(v[0].migrated_from);
	assert_string_equal(v[0].path, newer);
	assert_string_equal(v[0].client, "Newer Co");
	assert_string_equal(v[0].updated, "2026-03-01T12:30:00Z");
	assert_string_equal(v[0].questionnaire, "session-fixture");
	/* hosting shows has_sla, and has_sla shows sla_level: 7 shown. */
	assert_int_equal(v[0].answered, 2);
	assert_int_equal(v[0].applicable, 7);

	assert_string_equal(v[1].path, older);
	assert_string_equal(v[1].client, "Older Co");
	assert_int_equal(v[1].answered, 2);
	assert_int_equal(v[1].applicable, 5);

	/* Another questionnaire's session is listed without progress. */
	assert_string_equal(v[2].path, other);
	assert_string_equal(v[2].questionnaire, "another-questionnaire");
	assert_int_equal(v[2].answered, 0);
	assert_int_equal(v[2].applicable, 0);

	/* No date sorts last; no client is "". */
	assert_string_equal(v[3].path, undated);
	assert_string_equal(v[3].client, "");
	assert_string_equal(v[3].updated, "");

	/* Those that cannot be opened, by path, with the first problem at
	 * its place and what could be read of them. */
	const struct {
		const char *path, *error;
	} bad[] = {
		{broken, ":2:1: "},
		{choice, ":5:14: unknown choice \"gardening\" for question "
		         "\"services\""},
		{list, ":1:1: not a socscope answers file"},
		{unknown, ":6:3: answer to unknown question \"nope\""},
		{version, ":1:11: unsupported format version"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const struct sc_session_info *in = &v[4 + i];
		assert_string_equal(in->path, bad[i].path);
		assert_non_null(in->error);
		char *want = sc_xasprintf("%s%s", bad[i].path, bad[i].error);
		if (strncmp(in->error, want, strlen(want)) != 0)
			fail_msg("%s: got \"%s\"", want, in->error);
		free(want);
		assert_string_equal(in->recommendation, "");
		assert_int_equal(in->answered, 0);
	}
	assert_string_equal(v[4 + 3].client, "Unknown Co");
	assert_string_equal(v[4 + 3].updated, "2027-01-01T00:00:00Z");
	assert_string_equal(v[4 + 3].questionnaire, "session-fixture");
	assert_string_equal(v[4 + 0].client, "");
	sc_session_infos_free(v, n);

	/* A missing directory is simply no sessions. */
	char *missing = sc_xasprintf("%s/none", fx->dir);
	v = (struct sc_session_info *)1;
	assert_int_equal(sc_sessions_list(fx->q, missing, &v), 0);
	assert_null(v);
	sc_session_infos_free(v, 0);

	free(missing);
	free(sub);
	free(broken);
	free(unknown);
	free(version);
	free(choice);
	free(list);
	free(older);
	free(newer);
	free(other);
	free(undated);
	free(dir);
}

static void
listing_sees_saved_sessions(void **state)
{
	struct fx *fx = *state;
	char *dir = sc_xasprintf("%s/live", fx->dir);
	char *p1 = sc_xasprintf("%s/one.yaml", dir);
	char *p2 = sc_xasprintf("%s/two.yaml", dir);

	struct sc_session *s = open_ok(fx, p1, "One");
	assert_int_equal(set_text(s, Q_ORG, "One"), SC_OK);
	sc_session_free(s);
	/* `updated` has one-second resolution. */
	sleep(1);
	s = open_ok(fx, p2, "Two");
	assert_int_equal(set_text(s, Q_ORG, "Two"), SC_OK);
	sc_session_free(s);

	struct sc_session_info *v = NULL;
	size_t n = sc_sessions_list(fx->q, dir, &v);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].client, "Two");
	assert_string_equal(v[1].client, "One");
	assert_int_equal(v[0].answered, 1);
	assert_int_equal(v[0].applicable, 5);
	assert_true(strlen(v[0].updated) >= 20);
	sc_session_infos_free(v, n);
	free(p1);
	free(p2);
	free(dir);
}

static void
failed_save_keeps_the_change(void **state)
{
	struct fx *fx = *state;
	char *dir = sc_xasprintf("%s/gone", fx->dir);
	char *path = sc_xasprintf("%s/gamma.yaml", dir);

	struct sc_session *s = open_ok(fx, path, "Gamma");
	assert_int_equal(set_text(s, Q_ORG, "Gamma"), SC_OK);
	/* Take the directory away under the session's feet (its lock file
	 * too): the save cannot even create its temporary file, whoever runs
	 * the test. */
	assert_int_equal(unlink(s->lock_path), 0);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);

	struct sc_answer v = {.type = SC_A_NUMBER, .num = 4};
	enum sc_status st = sc_session_set(s, Q_MONTHS, &v);
	assert_true(st == SC_ECANTCREAT || st == SC_EIO);
	assert_non_null(s->last_error);
	assert_true(strlen(s->last_error) > 0);
	assert_int_equal(s->a->v[Q_MONTHS].type, SC_A_NUMBER);
	assert_true(s->a->v[Q_MONTHS].num == 4);
	/* The evaluation saw the change too. */
	assert_int_equal(sc_eval_result(s->ev)->answered, 2);

	/* Setting the same value again is a retry, not a no-op. */
	assert_int_not_equal(sc_session_set(s, Q_MONTHS, &v), SC_OK);
	assert_non_null(s->last_error);

	/* Once the directory is back, the next change saves everything. */
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(sc_session_set_note(s, Q_ORG, "legal name"), SC_OK);
	assert_null(s->last_error);
	struct sc_answers *a = reload(fx, path);
	assert_string_equal(a->v[Q_ORG].text, "Gamma");
	assert_true(a->v[Q_MONTHS].num == 4);
	assert_string_equal(a->notes[Q_ORG], "legal name");
	sc_answers_free(a);

	/* An explicit save works as well, and an unchanged value after a
	 * good save does not fail. */
	assert_int_equal(sc_session_save(s), SC_OK);
	assert_int_equal(sc_session_set(s, Q_MONTHS, &v), SC_OK);
	sc_session_free(s);
	free(path);
	free(dir);
}

static bool
exists(const char *path)
{
	struct stat sb;
	return lstat(path, &sb) == 0;
}

/* Two interviews on one session: the second is told who has it and reads
 * it, but writes nothing, whatever it tries. */
static void
second_open_is_read_only(void **state)
{
	struct fx *fx = *state;
	char *path = sc_xasprintf("%s/same.yaml", fx->dir);
	char *lock = sc_xasprintf("%s/.same.yaml.lock", fx->dir);

	assert_null(sc_session_holder(path));
	struct sc_session *s1 = open_ok(fx, path, "Same");
	assert_false(s1->read_only);
	assert_true(exists(lock));
	assert_int_equal(set_text(s1, Q_ORG, "First"), SC_OK);
	char *before = th_read(path, NULL);

	struct sc_session *s2 = open_ok(fx, path, NULL);
	assert_true(s2->read_only);
	char *pid = sc_xasprintf("socscope process %ld ", (long)getpid());
	assert_non_null(strstr(s2->holder, pid));
	assert_non_null(strstr(s2->holder, " since "));
	assert_non_null(strstr(s2->holder, " UTC"));
	/* It reads what the first saved... */
	assert_string_equal(s2->a->v[Q_ORG].text, "First");
	/* ...and changes nothing, in memory or on disk. */
	assert_int_equal(set_text(s2, Q_ORG, "Second"), SC_ECANTCREAT);
	assert_string_equal(s2->a->v[Q_ORG].text, "First");
	assert_int_equal(sc_session_unset(s2, Q_ORG), SC_ECANTCREAT);
	assert_int_equal(sc_session_set_note(s2, Q_ORG, "n"), SC_ECANTCREAT);
	assert_int_equal(sc_session_set_client(s2, "Other"), SC_ECANTCREAT);
	assert_int_equal(sc_session_save(s2), SC_ECANTCREAT);
	assert_null(s2->last_error);
	char *after = th_read(path, NULL);
	assert_string_equal(after, before);
	free(after);

	/* The picker sees who has it. */
	struct sc_session_info *v = NULL;
	size_t n = sc_sessions_list(fx->q, fx->dir, &v);
	assert_int_equal(n, 1);
	assert_non_null(v[0].holder);
	assert_non_null(strstr(v[0].holder, pid));
	sc_session_infos_free(v, n);

	/* The reader going away leaves the first one's lock in place. */
	sc_session_free(s2);
	char *who = sc_session_holder(path);
	assert_non_null(who);
	free(who);
	assert_int_equal(set_text(s1, Q_COMMENTS, "still mine"), SC_OK);
	sc_session_free(s1);
	/* Closed: no holder, no lock file left. */
	assert_null(sc_session_holder(path));
	assert_false(exists(lock));
	s1 = open_ok(fx, path, NULL);
	assert_false(s1->read_only);
	assert_string_equal(s1->a->v[Q_COMMENTS].text, "still mine");
	sc_session_free(s1);
	free(pid);
	free(before);
	free(lock);
	free(path);
}

/* The number of entries in `dir`, hidden ones too. */
static size_t
entries(const char *dir)
{
	DIR *d = opendir(dir);
	size_t n = 0;
	struct dirent *e;
	assert_non_null(d);
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

/* What-if: a copy that changes like a session and writes nothing; keeping
 * it saves once, and only when something differs. */
static void
what_if_writes_nothing_until_kept(void **state)
{
	struct fx *fx = *state;
	char *path = sc_xasprintf("%s/whatif.yaml", fx->dir);
	struct sc_session *s = open_ok(fx, path, "What If Ltd");
	size_t payroll[] = {C_PAYROLL};
	assert_int_equal(set_services(s, payroll, 1), SC_OK);
	assert_int_equal(sc_session_set_note(s, Q_SERVICES, "saved note"), SC_OK);
	size_t len_before = 0;
	char *before = th_read(path, &len_before);
	assert_non_null(before);

	struct sc_session *w = sc_session_what_if(s);
	assert_null(w->path);
	assert_false(w->read_only);
	assert_true(sc_answers_same(w->a, s->a));
	/* Changed freely: answers, notes, the client, show_if followed. */
	size_t hosting[] = {C_HOSTING};
	assert_int_equal(set_services(w, hosting, 1), SC_OK);
	assert_true(sc_eval_visible(w->ev, Q_SLA));
	assert_false(sc_eval_visible(s->ev, Q_SLA));
	assert_int_equal(sc_session_set(w, Q_SLA, &(struct sc_answer){
	                                    .type = SC_A_BOOL, .b = true}), SC_OK);
	assert_int_equal(sc_session_set_note(w, Q_SERVICES, "what-if note"), SC_OK);
	assert_int_equal(sc_session_set_client(w, "Renamed Ltd"), SC_OK);
	assert_int_equal(sc_session_save(w), SC_OK);
	assert_null(w->last_error);
	/* The saved session, in memory and on disk, is as it was. */
	assert_int_equal(s->a->v[Q_SERVICES].sel[0], C_PAYROLL);
	assert_string_equal(s->a->notes[Q_SERVICES], "saved note");
	assert_string_equal(s->a->client, "What If Ltd");
	size_t len_now = 0;
	char *now = th_read(path, &len_now);
	assert_int_equal(len_now, len_before);
	assert_memory_equal(now, before, len_before);
	free(now);
	/* Nothing else appeared beside the file: no temporary, no lock. */
	assert_int_equal(entries(fx->dir), 2); /* the file and its lock */

	/* Keeping takes everything over, re-evaluated, and saves it. */
	assert_int_equal(sc_session_keep(s, w), SC_OK);
	assert_true(sc_answers_same(s->a, w->a));
	assert_true(sc_eval_visible(s->ev, Q_SLA));
	struct sc_answers *a = reload(fx, path);
	assert_int_equal(a->v[Q_SERVICES].sel[0], C_HOSTING);
	assert_true(a->v[Q_SLA].type == SC_A_BOOL && a->v[Q_SLA].b);
	assert_string_equal(a->notes[Q_SERVICES], "what-if note");
	assert_string_equal(a->client, "Renamed Ltd");
	sc_answers_free(a);
	sc_session_free(w);

	/* Keeping a copy that changed nothing writes nothing. */
	free(before);
	before = th_read(path, &len_before);
	struct stat sb0, sb1;
	assert_int_equal(stat(path, &sb0), 0);
	w = sc_session_what_if(s);
	assert_int_equal(sc_session_keep(s, w), SC_OK);
	now = th_read(path, &len_now);
	assert_int_equal(len_now, len_before);
	assert_memory_equal(now, before, len_before);
	assert_int_equal(stat(path, &sb1), 0);
	assert_int_equal(sb1.st_ino, sb0.st_ino); /* not even rewritten */
	free(now);
	sc_session_free(w);
	sc_session_free(s);
	free(before);
	free(path);
}

/* A read-only session may be tried out in what-if but cannot keep. */
static void
what_if_of_read_only_cannot_keep(void **state)
{
	struct fx *fx = *state;
	char *path = sc_xasprintf("%s/ro.yaml", fx->dir);
	struct sc_session *s1 = open_ok(fx, path, "Held");
	assert_int_equal(set_text(s1, Q_ORG, "Held"), SC_OK);
	char *before = th_read(path, NULL);
	struct sc_session *s2 = open_ok(fx, path, NULL);
	assert_true(s2->read_only);

	struct sc_session *w = sc_session_what_if(s2);
	assert_false(w->read_only);
	assert_int_equal(set_text(w, Q_ORG, "Tried"), SC_OK);
	assert_string_equal(w->a->v[Q_ORG].text, "Tried");
	assert_int_equal(sc_session_keep(s2, w), SC_ECANTCREAT);
	assert_string_equal(s2->a->v[Q_ORG].text, "Held");
	char *after = th_read(path, NULL);
	assert_string_equal(after, before);
	/* The holder's lock is untouched by the copy coming and going. */
	sc_session_free(w);
	char *who = sc_session_holder(path);
	assert_non_null(who);
	free(who);
	free(after);
	free(before);
	sc_session_free(s2);
	sc_session_free(s1);
	free(path);
}

/* A holder killed outright (SIGKILL) holds nothing: the kernel drops the
 * lock with the process. */
static void
lock_dies_with_its_holder(void **state)
{
	struct fx *fx = *state;
	char *path = sc_xasprintf("%s/killed.yaml", fx->dir);
	int fds[2];

	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct sc_diags d;
		enum sc_status st;
		sc_diags_init(&d);
		struct sc_session *s = sc_session_open(fx->q, path, "K", &d, &st);
		char c = s && !s->read_only ? 'y' : 'n';
		if (write(fds[1], &c, 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(fds[1]);
	char c = 0;
	assert_int_equal(read(fds[0], &c, 1), 1);
	close(fds[0]);
	assert_int_equal(c, 'y');
	struct sc_session *s = open_ok(fx, path, NULL);
	assert_true(s->read_only);
	char *pid_text = sc_xasprintf("socscope process %ld ", (long)pid);
	assert_non_null(strstr(s->holder, pid_text));
	free(pid_text);
	sc_session_free(s);

	assert_int_equal(kill(pid, SIGKILL), 0);
	assert_int_equal(waitpid(pid, NULL, 0), pid);
	assert_null(sc_session_holder(path));
	s = open_ok(fx, path, NULL);
	assert_false(s->read_only);
	assert_int_equal(set_text(s, Q_ORG, "After"), SC_OK);
	sc_session_free(s);
	free(path);
}

/* Temporary files of saves killed half-way are removed by the next holder
 * of that session, and only of that session; an interview without the
 * lock leaves them, since they may be the holder's save in flight. */
static void
holder_removes_stale_temporaries(void **state)
{
	struct fx *fx = *state;
	char *path = sc_xasprintf("%s/t.yaml", fx->dir);
	char *stale = th_write(fx->dir, ".t.yaml.tmp-Ab12Cd", "half");
	char *other = th_write(fx->dir, ".u.yaml.tmp-Ab12Cd", "not ours");
	char *longer = th_write(fx->dir, ".t.yaml.tmp-Ab12Cd7", "not mkstemp's");

	struct sc_session *s1 = open_ok(fx, path, "T");
	assert_false(exists(stale));
	assert_true(exists(other));
	assert_true(exists(longer));
	free(stale);
	stale = th_write(fx->dir, ".t.yaml.tmp-Zz98Yy", "in flight");
	struct sc_session *s2 = open_ok(fx, path, NULL);
	assert_true(s2->read_only);
	assert_true(exists(stale));
	sc_session_free(s2);
	sc_session_free(s1);
	s1 = open_ok(fx, path, NULL);
	assert_false(exists(stale));
	sc_session_free(s1);
	free(stale);
	free(other);
	free(longer);
	free(path);
}

/* ---- tests/fixtures/session/named.yaml: the name, none, skipped ---------- */

enum { N_ORG, N_SERVICES, N_HEALTH, N_PAY_RUNS, N_SLA, N_SLA_LEVEL, N_BAA,
       N_MONTHS, N_RUSH, N_COUNT };

static struct sc_questionnaire *
load_named(void)
{
	struct sc_diags d;
	enum sc_status st;
	char *path = th_src("tests/fixtures/session/named.yaml");
	sc_diags_init(&d);
	struct sc_questionnaire *q = sc_questionnaire_load_file(path, &d, &st);
	assert_non_null(q);
	assert_int_equal(q->nquestions, N_COUNT);
	assert_int_equal(q->client_question, N_ORG);
	sc_diags_fini(&d);
	free(path);
	return q;
}

static void
set_choices(struct sc_session *s, size_t qi, size_t *sel, size_t n)
{
	struct sc_answer v = {.type = SC_A_CHOICES, .sel = sel, .nsel = n};
	assert_int_equal(sc_session_set(s, qi, &v), SC_OK);
}

static void
client_name_and_question_are_one(void **state)
{
	struct fx *fx = *state;
	sc_questionnaire_free(fx->q);
	fx->q = load_named();
	char *path = sc_xasprintf("%s/named.yaml", fx->dir);

	/* A name at the start answers the question; going forward passes it,
	 * going back reaches it. */
	struct sc_session *s = open_ok(fx, path, "Named Co");
	assert_string_equal(s->a->v[N_ORG].text, "Named Co");
	assert_int_equal(sc_session_first_unanswered(s), N_SERVICES);
	assert_int_equal(sc_session_next_asked(s, SIZE_MAX), N_SERVICES);
	assert_int_equal(sc_session_prev(s, N_SERVICES), N_ORG);
	/* Answering the question renames the client, and the other way. */
	struct sc_answer v = {.type = SC_A_TEXT, .text = "Renamed Co"};
	assert_int_equal(sc_session_set(s, N_ORG, &v), SC_OK);
	assert_string_equal(s->a->client, "Renamed Co");
	assert_int_equal(sc_session_set_client(s, "Third Name"), SC_OK);
	assert_string_equal(s->a->v[N_ORG].text, "Third Name");
	sc_session_free(s);

	/* Saved, and read back: the file's name and answer agree. */
	s = open_ok(fx, path, NULL);
	assert_string_equal(s->a->client, "Third Name");
	assert_string_equal(s->a->v[N_ORG].text, "Third Name");
	/* Clearing the answer leaves the name; the question is asked. */
	assert_int_equal(sc_session_unset(s, N_ORG), SC_OK);
	assert_string_equal(s->a->client, "Third Name");
	assert_int_equal(sc_session_next_asked(s, SIZE_MAX), N_ORG);
	sc_session_free(s);

	/* A file with the answer and no name takes the answer as its name. */
	char *own = th_write(fx->dir, "own.yaml",
	                     "socscope: 1\nquestionnaire: named-fixture\n"
	                     "answers:\n  org_name: From The Answer\n");
	s = open_ok(fx, own, NULL);
	assert_string_equal(s->a->client, "From The Answer");
	sc_session_free(s);

	/* A name too long for the question leaves it to be asked. */
	char *long_name = sc_xasprintf("%s/long.yaml", fx->dir);
	s = open_ok(fx, long_name, "A name of more than forty characters, far too long");
	assert_int_equal(s->a->v[N_ORG].type, SC_A_NONE);
	assert_int_equal(sc_session_first_unanswered(s), N_ORG);
	sc_session_free(s);
	free(long_name);
	free(own);
	free(path);
}

static void
none_choice_by_id_or_label(void **state)
{
	struct fx *fx = *state;
	/* q.yaml's check list has no such choice. */
	assert_int_equal(sc_session_none_choice(&fx->q->questions[Q_SERVICES]), -1);
	assert_int_equal(sc_session_none_choice(&fx->q->questions[Q_ORG]), -1);
	struct sc_questionnaire *q = load_named();
	assert_int_equal(sc_session_none_choice(&q->questions[N_SERVICES]), 2);
	sc_questionnaire_free(q);

	static const char yaml[] =
		"id: labels\ntitle: T\nversion: \"1\"\ndescription: D.\n"
		"sections:\n  - id: s\n    title: S\n    questions:\n"
		"      - id: who\n        type: multi\n        text: Who?\n"
		"        help: H.\n        choices:\n"
		"          - {id: npo, label: Nonprofits}\n"
		"          - {id: nobody, label: \"None, we sell to no one\"}\n"
		"      - id: single\n        type: single\n        text: One?\n"
		"        help: H.\n        choices:\n"
		"          - {id: none, label: None}\n"
		"rules: []\n";
	struct sc_diags d;
	enum sc_status st;
	sc_diags_init(&d);
	q = sc_questionnaire_load_buffer("labels.yaml", yaml, sizeof yaml - 1,
	                                 &d, &st);
	assert_non_null(q);
	/* "Nonprofits" is not "None"; a single choice needs no such rule. */
	assert_int_equal(sc_session_none_choice(&q->questions[0]), 1);
	assert_int_equal(sc_session_none_choice(&q->questions[1]), -1);
	sc_questionnaire_free(q);
	sc_diags_fini(&d);
}

/* Sections skipped for the same reason say it once: the bundled
 * questionnaire's sections about controls share one note for an
 * organization that holds nothing of its customers'; and every note said
 * names what was answered. */
static void
a_shared_note_is_said_once(void **state)
{
	struct fx *fx = *state;
	sc_questionnaire_free(fx->q);
	struct sc_diags d;
	enum sc_status st;
	char *qpath = th_src("questionnaires/soc-scoping.yaml");
	sc_diags_init(&d);
	fx->q = sc_questionnaire_load_file(qpath, &d, &st);
	assert_non_null(fx->q);
	sc_diags_fini(&d);
	free(qpath);
	char *path = sc_xasprintf("%s/bakery.yaml", fx->dir);
	struct sc_session *s = open_ok(fx, path, "Bakery");
	const struct sc_question *ac = sc_questionnaire_find(fx->q, "activities");
	size_t none = (size_t)sc_question_find_choice(ac, "none");
	set_choices(s, ac->index, &none, 1);
	const struct sc_question *sr =
	        sc_questionnaire_find(fx->q, "security_reviews");
	struct sc_answer no = {.type = SC_A_CHOICE,
	                       .choice = (size_t)sc_question_find_choice(sr, "no")};
	assert_int_equal(sc_session_set(s, sr->index, &no), SC_OK);
	const struct sc_question *cr =
	        sc_questionnaire_find(fx->q, "contract_report");
	struct sc_answer none_c = {
		.type = SC_A_CHOICE,
		.choice = (size_t)sc_question_find_choice(cr, "none")};
	assert_int_equal(sc_session_set(s, cr->index, &none_c), SC_OK);
	struct sc_buf b = {0};
	sc_session_explain_skipped(s, 3, fx->q->nsections, &b);
	const char *out = sc_buf_str(&b);
	const char *fin = strstr(out, "You said you keep nothing for your "
	                              "customers as a service and run nothing "
	                              "for them, so "
	                              "nothing you do for them can reach");
	assert_non_null(fin);
	assert_non_null(strstr(out, "No contract requires a SOC report and "
	                            "nobody asks how you protect"));
	const char *ctl = strstr(out, "questions about your controls");
	assert_non_null(ctl);
	assert_null(strstr(ctl + 1, "questions about your controls"));
	/* Nothing is said that the answers do not bear out. */
	assert_null(strstr(out, "you do none of these"));
	assert_null(strstr(out, "Nobody has asked you"));
	sc_buf_fini(&b);
	sc_session_free(s);
	free(path);
}

static void
skipped_sections_are_explained(void **state)
{
	struct fx *fx = *state;
	sc_questionnaire_free(fx->q);
	fx->q = load_named();
	char *path = sc_xasprintf("%s/skip.yaml", fx->dir);
	struct sc_session *s = open_ok(fx, path, "Skip Co");
	struct sc_buf b = {0};

	/* Nothing answered yet: the sections wait for the answers, and the
	 * health section's note, which says what was answered, is not said
	 * before it was. */
	sc_session_explain_skipped(s, 1, 4, &b);
	assert_string_equal(sc_buf_str(&b),
	                    "Sections 2 to 4 (Payroll; Hosting; Health data) do "
	                    "not apply until you answer \"What do you do for "
	                    "your clients?\" and \"Do you handle health "
	                    "records?\"\n");
	size_t payroll = 0;
	set_choices(s, N_SERVICES, &payroll, 1);
	struct sc_answer no = {.type = SC_A_BOOL, .b = false};
	assert_int_equal(sc_session_set(s, N_HEALTH, &no), SC_OK);
	struct sc_answer m = {.type = SC_A_NUMBER, .num = 12};
	assert_int_equal(sc_session_set(s, N_MONTHS, &m), SC_OK);
	assert_false(sc_session_section_skipped(s, 1));
	assert_true(sc_session_section_skipped(s, 2));
	sc_buf_reset(&b);
	sc_session_explain_skipped(s, 0, 6, &b);
	assert_string_equal(sc_buf_str(&b),
	                    "Section 3 (Hosting) does not apply because of your "
	                    "answer to \"What do you do for your clients?\"\n"
	                    "The health data questions do not apply, since you "
	                    "handle no health records.\n"
	                    "Section 6 (A close deadline) does not apply because "
	                    "of your answer to \"In how many months must the "
	                    "first report be ready?\"\n");
	/* Sections that apply say nothing. */
	sc_buf_reset(&b);
	sc_session_explain_skipped(s, 0, 2, &b);
	assert_int_equal(b.len, 0);
	sc_buf_fini(&b);
	sc_session_free(s);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(autosave_on_every_change,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(rejected_value_changes_nothing,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(resume_restores_answers_and_notes,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(open_refuses_bad_files,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(navigation_follows_skip_logic,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(
			listing_sorts_newest_first_and_lists_invalid_last,
			setup, teardown),
		cmocka_unit_test_setup_teardown(listing_sees_saved_sessions,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(failed_save_keeps_the_change,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(client_name_and_question_are_one,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(none_choice_by_id_or_label,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(what_if_writes_nothing_until_kept,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(what_if_of_read_only_cannot_keep,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(second_open_is_read_only,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(lock_dies_with_its_holder,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(holder_removes_stale_temporaries,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(a_shared_note_is_said_once, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(skipped_sections_are_explained,
		                                setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
