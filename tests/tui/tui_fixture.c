/* The shared fixture of the full-screen interview's unit tests. */
#include "tui_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../helpers.h"
#include "socscope/paths.h"
#include "text.h"

static int
setup_file(void **state, char *path, size_t nquestions)
{
	struct fx *f = calloc(1, sizeof *f);
	struct sc_diags d;
	enum sc_status rc;

	f->dir = th_mkdtemp();
	setenv("HOME", f->dir, 1);
	setenv("XDG_STATE_HOME", f->dir, 1);
	f->cwd = getcwd(NULL, 0);
	assert_int_equal(chdir(f->dir), 0);
	sc_diags_init(&d);
	f->q = sc_questionnaire_load_file(path, &d, &rc);
	if (!f->q) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		fprintf(stderr, "%s", sc_buf_str(&b));
		sc_buf_fini(&b);
	}
	assert_non_null(f->q);
	assert_int_equal(f->q->nquestions, nquestions);
	sc_diags_fini(&d);
	free(path);
	f->o.q = f->q;
	f->o.client = "Acme Payroll Ltd";
	*state = f;
	return 0;
}

int
setup(void **state)
{
	return setup_file(state, sc_xasprintf("%s/tiny.yaml", SC_TUI_FIXTURES),
	                  Q_COUNT);
}

int
setup_named(void **state)
{
	return setup_file(state,
	                  sc_xasprintf("%s/fixtures/session/named.yaml",
	                               SC_TESTDIR),
	                  N_COUNT);
}

int
setup_attr(void **state)
{
	return setup_file(state, sc_xasprintf("%s/attr.yaml", SC_TUI_FIXTURES),
	                  A_COUNT);
}

int
teardown(void **state)
{
	struct fx *f = *state;
	tui_state_free(f->st);
	sc_questionnaire_free(f->q);
	assert_int_equal(chdir(f->cwd), 0);
	th_rmtree(f->dir);
	free(f->dir);
	free(f->cwd);
	free(f);
	return 0;
}

struct tui_state *
start(struct fx *f)
{
	char *err = NULL;
	int code = -1;
	f->st = tui_state_new(&f->o, &err, &code);
	if (!f->st)
		fprintf(stderr, "%s\n", err);
	assert_non_null(f->st);
	free(err);
	tui_state_layout(f->st, 60, 20);
	return f->st;
}

void
keys(struct tui_state *st, const char *utf8)
{
	size_t n = strlen(utf8);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += tui_utf8_decode(utf8 + i, n - i, &cp);
		tui_state_key(st, (int)cp);
	}
}

const char *
saved_text(struct fx *f, const char *needle)
{
	char *path = sc_session_path("Acme Payroll Ltd");
	char *data = th_read(path, NULL);
	static char hit[256];
	free(path);
	if (!data)
		return NULL;
	const char *p = strstr(data, needle);
	snprintf(hit, sizeof hit, "%s", p ? p : "");
	free(data);
	(void)f;
	return p ? hit : NULL;
}

bool
doc_has(const struct tui_doc *d, const char *text, enum tui_line_kind kind)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->v[i].text, text) && d->v[i].kind == kind)
			return true;
	return false;
}

bool
live_has(const struct tui_state *st, const char *text, bool changed)
{
	for (size_t i = 0; i < st->live.n; i++)
		if (strstr(st->live.v[i].text, text) &&
		    st->live.v[i].changed == changed)
			return true;
	return false;
}
