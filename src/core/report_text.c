/* The text report: plain ASCII structure for a terminal or a pager, wrapped
 * to a width counted in terminal columns (CJK characters take two).
 *
 * Widths come from wcwidth() under a UTF-8 locale made for this thread only
 * (newlocale + uselocale), so the result does not depend on the caller's
 * LC_CTYPE and the core never changes the process locale.  Without any
 * UTF-8 locale a small built-in table of wide ranges is used instead. */
#include "report_internal.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct tw {
	struct sc_buf *out;
	int width;
	bool have_locale;
	struct sc_buf tmp; /* cleaned text */
};

/* Wide East Asian ranges, for when no UTF-8 locale exists. */
static int
fallback_width(uint32_t cp)
{
	if (cp >= 0x0300 && cp <= 0x036F)
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
	    (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

/* CJK punctuation that closes a phrase: kept on the line before it. */
static bool
no_break_before(uint32_t cp)
{
	switch (cp) {
	case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF01:
	case 0xFF1F: case 0xFF1A: case 0xFF1B: case 0x300D: case 0x300F:
	case 0x3011: case 0xFF09: case 0x3009: case 0x300B:
		return true;
	}
	return false;
}

/* Display width of the character at *s (valid UTF-8); advances *s. */
static int
char_width(const struct tw *t, const char **s)
{
	const char *start = *s;
	uint32_t cp = rp_utf8_next(s);
	if (cp < 0x80)
		return cp >= 0x20 ? 1 : 0;
	if (!t->have_locale)
		return fallback_width(cp);
	mbstate_t st;
	memset(&st, 0, sizeof st);
	wchar_t wc;
	size_t n = mbrtowc(&wc, start, (size_t)(*s - start), &st);
	if (n == (size_t)-1 || n == (size_t)-2)
		return fallback_width(cp);
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

static int
str_width(const struct tw *t, const char *s)
{
	int w = 0;
	while (*s)
		w += char_width(t, &s);
	return w;
}

static void
trim_trailing_spaces(struct sc_buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
}

/* Write `text` wrapped: the first line starts with `first`, the others with
 * `rest` (both ASCII).  Newlines in the text are kept as line breaks.
 * Breaks go at spaces and around wide characters; a word longer than a line
 * is cut. */
static void
wrap(struct tw *t, const char *first, const char *rest, const char *text)
{
	const char *s = rp_clean(text, &t->tmp);
	struct sc_buf *out = t->out;
	int rest_w = (int)strlen(rest);
	sc_buf_puts(out, first);
	int col = (int)strlen(first);
	int start_col = col;
	int limit = t->width;
	if (limit - rest_w < 20)
		limit = rest_w + 20;

	while (*s) {
		if (*s == '\n') {
			trim_trailing_spaces(out);
			sc_buf_putc(out, '\n');
			sc_buf_puts(out, rest);
			col = start_col = rest_w;
			s++;
			continue;
		}
		bool space = false;
		while (*s == ' ') {
			space = true;
			s++;
		}
		if (!*s || *s == '\n')
			continue;
		/* A token: a run of narrow characters, or one wide character. */
		const char *tok = s;
		int w = 0;
		while (*s && *s != ' ' && *s != '\n') {
			const char *p = s;
			int cw = char_width(t, &p);
			if (cw == 2 && s != tok)
				break;
			w += cw;
			s = p;
			if (cw == 2) {
				/* Closing punctuation never starts a line. */
				const char *r = s;
				while (*r && no_break_before(rp_utf8_next(&r))) {
					w += char_width(t, &s);
					r = s;
				}
				break;
			}
		}
		int sep = space && col > start_col ? 1 : 0;
		if (col + sep + w > limit && col > start_col) {
			trim_trailing_spaces(out);
			sc_buf_putc(out, '\n');
			sc_buf_puts(out, rest);
			col = start_col = rest_w;
			sep = 0;
		}
		if (sep) {
			sc_buf_putc(out, ' ');
			col++;
		}
		/* Cut a token that cannot fit on a line of its own. */
		const char *p = tok;
		while (p < s) {
			const char *q = p;
			int cw = char_width(t, &q);
			if (col + cw > limit && col > start_col) {
				sc_buf_putc(out, '\n');
				sc_buf_puts(out, rest);
				col = start_col = rest_w;
			}
			sc_buf_add(out, p, (size_t)(q - p));
			col += cw;
			p = q;
		}
	}
	trim_trailing_spaces(out);
	sc_buf_putc(out, '\n');
}

static void
blank(struct tw *t)
{
	sc_buf_putc(t->out, '\n');
}

static void
underline(struct tw *t, const char *title, char c)
{
	wrap(t, "", "", title);
	int w = str_width(t, rp_clean(title, &t->tmp));
	if (w > t->width)
		w = t->width;
	for (int i = 0; i < w; i++)
		sc_buf_putc(t->out, c);
	sc_buf_putc(t->out, '\n');
}

static void
heading(struct tw *t, enum rp_heading h)
{
	blank(t);
	char up[64];
	const char *s = rp_heading(h);
	size_t i = 0;
	for (; s[i] && i < sizeof up - 1; i++)
		up[i] = (char)((s[i] >= 'a' && s[i] <= 'z') ? s[i] - 32 : s[i]);
	up[i] = '\0';
	underline(t, up, '-');
}

/* "Label:" then the value with a hanging indent. */
static void
field(struct tw *t, const char *label, const char *value)
{
	char first[32];
	snprintf(first, sizeof first, "%-16s", label);
	wrap(t, first, "                ", value);
}

static void
deps(struct tw *t, const struct rp_model *m, const struct rp_dep *d, size_t n,
     const char *indent, bool notes)
{
	if (n == 0)
		return;
	char first[64], rest[64];
	snprintf(first, sizeof first, "%s%s", indent, RP_BECAUSE);
	wrap(t, first, indent, "");
	snprintf(first, sizeof first, "%s  - ", indent);
	snprintf(rest, sizeof rest, "%s    ", indent);
	struct sc_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		sc_buf_reset(&b);
		sc_buf_printf(&b, "%s -- %s", m->q->questions[d[i].question].text,
		              d[i].text);
		wrap(t, first, rest, sc_buf_str(&b));
		const char *note = notes ? rp_note(m, d[i].question) : NULL;
		if (note) {
			sc_buf_reset(&b);
			sc_buf_printf(&b, "Your note: %s", note);
			wrap(t, rest, rest, sc_buf_str(&b));
		}
	}
	sc_buf_fini(&b);
}

static void
reasons(struct tw *t, const struct rp_model *m, const struct rp_reasons *rs,
        const char *indent)
{
	char first[64], rest[64];
	snprintf(first, sizeof first, "%s- ", indent);
	snprintf(rest, sizeof rest, "%s  ", indent);
	struct sc_buf b = {0};
	for (size_t i = 0; i < rs->n; i++) {
		const struct rp_reason *r = &rs->v[i];
		sc_buf_reset(&b);
		sc_buf_printf(&b, "%s (rule %s)", r->rule->because, r->rule->id);
		wrap(t, first, rest, sc_buf_str(&b));
		deps(t, m, r->deps, r->ndeps, rest, false);
	}
	sc_buf_fini(&b);
}

static void
header(struct tw *t, const struct rp_model *m)
{
	const struct sc_answers *a = m->a;
	const struct sc_questionnaire *q = m->q;
	underline(t, m->title, '=');
	blank(t);
	if (a->client && *a->client)
		field(t, "Client:", a->client);
	if (a->assessor && *a->assessor)
		field(t, "Assessor:", a->assessor);
	field(t, "Date:", m->date);
	struct sc_buf b = {0};
	sc_buf_printf(&b, "%s, version %s", q->title, q->version);
	field(t, "Questionnaire:", sc_buf_str(&b));
	sc_buf_fini(&b);
	field(t, "Completeness:", m->completeness);
	if (m->r->nunanswered > 0) {
		wrap(t, "", "", "Required questions still open:");
		for (size_t i = 0; i < m->r->nunanswered; i++)
			wrap(t, "  - ", "    ",
			     q->questions[m->r->unanswered[i]].text);
	}
}

static void
recommendation(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_RECOMMENDATION);
	if (m->nreports == 0) {
		wrap(t, "", "", "No SOC report is recommended now.");
		if (m->none.n) {
			blank(t);
			wrap(t, "", "", "Why:");
			reasons(t, m, &m->none, "  ");
		}
	}
	for (size_t i = 0; i < m->nreports; i++) {
		const struct rp_report *rp = &m->reports[i];
		struct sc_buf b = {0};
		sc_buf_puts(&b, rp->title);
		if (rp->period)
			sc_buf_printf(&b, ", %s", rp->period);
		blank(t);
		wrap(t, "* ", "  ", sc_buf_str(&b));
		sc_buf_fini(&b);
		reasons(t, m, &rp->reasons, "  ");
	}
	if (m->deferred.n) {
		blank(t);
		wrap(t, "", "", "Deferred: " RP_DEFERRED);
		reasons(t, m, &m->deferred, "  ");
	}
	if (m->next_steps.n) {
		blank(t);
		wrap(t, "", "",
		     m->nreports ? "Next steps:" : "What to do instead:");
		for (size_t i = 0; i < m->next_steps.n; i++)
			wrap(t, "  - ", "    ", m->next_steps.v[i].rule->next_step);
	}
}

static void
tsc(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_TSC);
	if (!m->r->tsc[SC_CAT_SECURITY].in_scope)
		wrap(t, "", "",
		     "No SOC 2 is recommended, so no category is in scope.");
	for (int c = 0; c < SC_CAT_COUNT; c++) {
		struct sc_buf b = {0};
		sc_buf_printf(&b, "%s: %s", sc_category_name(c),
		              rp_tsc_status(m, c));
		wrap(t, "* ", "  ", sc_buf_str(&b));
		sc_buf_fini(&b);
		const char *why = rp_tsc_default_reason(m, c);
		if (why)
			wrap(t, "  - ", "    ", why);
		reasons(t, m, &m->tsc[c], "  ");
	}
}

static void
roadmap(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_ROADMAP);
	struct sc_buf b = {0};
	for (size_t i = 0; i < m->nsteps; i++) {
		sc_buf_reset(&b);
		if (m->steps[i].when)
			sc_buf_printf(&b, "%s: ", m->steps[i].when);
		sc_buf_puts(&b, m->steps[i].what);
		wrap(t, "* ", "  ", sc_buf_str(&b));
	}
	if (m->nsteps && m->nroad_notes)
		blank(t);
	for (size_t i = 0; i < m->nroad_notes; i++)
		wrap(t, "", "", m->road_notes[i]);
	sc_buf_fini(&b);
}

static void
frameworks(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_FRAMEWORKS);
	if (m->r->nframeworks == 0)
		wrap(t, "", "", "None flagged by your answers.");
	for (size_t i = 0; i < m->r->nframeworks; i++) {
		wrap(t, "* ", "  ", sc_framework_name(m->r->frameworks[i].id));
		reasons(t, m, &m->frameworks[i], "  ");
	}
}

/* Readiness by area as a short bar table: one line per area when it fits,
 * else the area's name above its bar. */
static void
areas(struct tw *t, const struct rp_model *m)
{
	if (m->nareas == 0)
		return;
	blank(t);
	wrap(t, "", "", "Readiness by area (# in place, . not yet):");
	bool wide = t->width >= 72;
	struct sc_buf b = {0}, bar = {0}, first = {0};
	for (size_t i = 0; i < m->nareas; i++) {
		const struct sc_area *a = &m->areas[i];
		sc_buf_reset(&bar);
		rp_area_bar(a, 10, "#", ".", &bar);
		sc_buf_reset(&first);
		if (wide)
			sc_buf_printf(&first, "  %-30s", a->name);
		else
			wrap(t, "  ", "    ", a->name);
		if (a->score >= 0)
			sc_buf_printf(&first, "%s[%s] %3d%%  ", wide ? "" : "    ",
			              sc_buf_str(&bar), a->score);
		else
			sc_buf_printf(&first, "%s%-12s    -  ", wide ? "" : "    ", "");
		sc_buf_reset(&b);
		sc_area_detail(a, &b);
		char rest[64];
		snprintf(rest, sizeof rest, "%*s", wide ? (int)first.len : 6, "");
		wrap(t, sc_buf_str(&first), rest, sc_buf_str(&b));
	}
	sc_buf_fini(&b);
	sc_buf_fini(&bar);
	sc_buf_fini(&first);
}

static void
gaps(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_GAPS);
	wrap(t, "", "", m->readiness);
	areas(t, m);
	if (m->ngaps == 0) {
		blank(t);
		wrap(t, "", "", "No gap was found in your answers.");
	}
	struct sc_buf b = {0};
	char name[128];
	for (int p = 0; p < SC_PRIO_COUNT; p++) {
		bool any = false;
		for (size_t i = 0; i < m->ngaps; i++) {
			const struct rp_gap *g = &m->gaps[i];
			if ((int)g->rec->priority != p)
				continue;
			if (!any) {
				blank(t);
				sc_buf_reset(&b);
				sc_buf_printf(&b, "%s priority", sc_priority_name(p));
				wrap(t, "", "", sc_buf_str(&b));
				any = true;
			}
			const struct sc_gap_def *d = g->rec->def;
			sc_buf_reset(&b);
			sc_buf_printf(&b, "%s%s", d->followup ? "[Confirm] " : "",
			              d->title);
			wrap(t, "  * ", "    ", sc_buf_str(&b));
			for (size_t k = 0; k < g->rec->ncriteria; k++) {
				const char *n = sc_criteria_name(g->rec->criteria[k], name,
				                                 sizeof name);
				sc_buf_reset(&b);
				sc_buf_printf(&b, "%s (%s)", g->rec->criteria[k], n ? n : "");
				wrap(t, k ? "              " : "    Criteria: ",
				     "                ", sc_buf_str(&b));
			}
			wrap(t, "    Advice: ", "      ", d->advice);
			if (d->followup)
				wrap(t, "    ", "    ",
				     "This is a follow-up: your answers leave this open, "
				     "so confirm it rather than assume either way.");
			deps(t, m, g->deps, g->ndeps, "    ", true);
		}
	}
	sc_buf_fini(&b);
}

static void
appendix(struct tw *t, const struct rp_model *m)
{
	heading(t, RP_H_APPENDIX);
	const struct sc_questionnaire *q = m->q;
	struct sc_buf b = {0};
	size_t hidden = 0;
	for (size_t s = 0; s < q->nsections; s++) {
		const struct sc_section *sec = &q->sections[s];
		bool any = false;
		for (size_t i = sec->first; i < sec->first + sec->count; i++) {
			if (!sc_eval_visible(m->ev, i)) {
				hidden++;
				continue;
			}
			if (!any) {
				blank(t);
				wrap(t, "", "", sec->title);
				any = true;
			}
			wrap(t, "  Q: ", "     ", q->questions[i].text);
			sc_buf_reset(&b);
			rp_answer_text(m, i, &b);
			wrap(t, "  A: ", "     ", b.len ? sc_buf_str(&b) : "(no answer)");
			const char *note = rp_note(m, i);
			if (note)
				wrap(t, "  Note: ", "        ", note);
		}
	}
	if (hidden) {
		blank(t);
		wrap(t, "", "", "Not asked (not applicable to your answers):");
		for (size_t i = 0; i < q->nquestions; i++)
			if (!sc_eval_visible(m->ev, i))
				wrap(t, "  - ", "    ", q->questions[i].text);
	}
	sc_buf_fini(&b);
}

static locale_t
utf8_locale(void)
{
	static const char *const names[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		locale_t l = newlocale(LC_CTYPE_MASK, names[i], (locale_t)0);
		if (l)
			return l;
	}
	return (locale_t)0;
}

void
rp_render_text(const struct rp_model *m, int width, struct sc_buf *out)
{
	struct tw t = {.out = out, .width = width};
	locale_t loc = utf8_locale();
	locale_t old = (locale_t)0;
	if (loc) {
		old = uselocale(loc);
		t.have_locale = true;
	}

	header(&t, m);
	heading(&t, RP_H_SUMMARY);
	struct sc_buf b = {0};
	for (size_t i = 0; i < m->nexec; i++)
		sc_buf_printf(&b, "%s%s", i ? " " : "", m->exec[i]);
	wrap(&t, "", "", sc_buf_str(&b));
	sc_buf_fini(&b);
	recommendation(&t, m);
	tsc(&t, m);
	roadmap(&t, m);
	frameworks(&t, m);
	gaps(&t, m);
	appendix(&t, m);
	heading(&t, RP_H_ABOUT);
	wrap(&t, "", "", RP_DISCLAIMER);

	if (loc) {
		uselocale(old);
		freelocale(loc);
	}
	sc_buf_fini(&t.tmp);
}

/* --- the writer, for other documents (the comparison) ----------------- */

struct rp_text {
	struct tw t;
	locale_t loc, old;
};

struct rp_text *
rp_text_open(struct sc_buf *out, int width)
{
	struct rp_text *x = sc_xcalloc(1, sizeof *x);
	x->t.out = out;
	x->t.width = width > 0 ? width : 80;
	x->loc = utf8_locale();
	if (x->loc) {
		x->old = uselocale(x->loc);
		x->t.have_locale = true;
	}
	return x;
}

void
rp_text_wrap(struct rp_text *x, const char *first, const char *rest,
             const char *text)
{
	wrap(&x->t, first, rest, text);
}

void
rp_text_underline(struct rp_text *x, const char *title, char c)
{
	underline(&x->t, title, c);
}

void
rp_text_close(struct rp_text *x)
{
	if (!x)
		return;
	if (x->loc) {
		uselocale(x->old);
		freelocale(x->loc);
	}
	sc_buf_fini(&x->t.tmp);
	free(x);
}

int
rp_display_width(const char *s)
{
	struct tw t = {0};
	locale_t loc = utf8_locale();
	locale_t old = (locale_t)0;
	if (loc) {
		old = uselocale(loc);
		t.have_locale = true;
	}
	int w = str_width(&t, rp_clean(s, &t.tmp));
	if (loc) {
		uselocale(old);
		freelocale(loc);
	}
	sc_buf_fini(&t.tmp);
	return w;
}
