/* The writers' tools: what every format's writer needs besides the report
 * model, shared with the comparison and the portfolio, which lay out
 * documents of their own.  Text comes in as any bytes and goes out as
 * valid UTF-8 without control characters (rp_clean), then wrapped to a
 * width in terminal columns, or escaped for Markdown, HTML, CSV or JSON.
 * Nothing here knows the report model or any one format, so whatever
 * writes a document can use it. */
#include "report_write.h"

#include "socscope/date.h"

#include <jansson.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "socscope/questionnaire.h"
#include "socscope/value.h"

/* --- UTF-8 ------------------------------------------------------------ */

/* Length of a valid UTF-8 sequence at s (1 to 4), or 0 when invalid
 * (overlong forms, surrogates and code points past U+10FFFF included). */
static size_t
utf8_valid_len(const unsigned char *s)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
		unsigned char hi = c == 0xED ? 0x9F : 0xBF;
		if (s[1] < lo || s[1] > hi || (s[2] & 0xC0) != 0x80)
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
		unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
		if (s[1] < lo || s[1] > hi || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		return 4;
	}
	return 0;
}

uint32_t
rp_utf8_next(const char **sp)
{
	const unsigned char *s = (const unsigned char *)*sp;
	size_t n = utf8_valid_len(s);
	uint32_t cp;
	switch (n) {
	case 1: cp = s[0]; break;
	case 2: cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F); break;
	case 3:
		cp = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
		     (s[2] & 0x3F);
		break;
	case 4:
		cp = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
		     (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
		break;
	default: cp = 0xFFFD; n = 1; break;
	}
	*sp += n;
	return cp;
}

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

const char *
rp_clean(const char *s, struct sc_buf *out)
{
	sc_buf_reset(out);
	sc_buf_add(out, "", 0);
	if (!s)
		return sc_buf_str(out);
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = utf8_valid_len(p);
		if (n == 0) {
			sc_buf_puts(out, replacement);
			p++;
			continue;
		}
		if (n == 1) {
			unsigned char c = *p++;
			if (c == '\r') {
				if (*p == '\n')
					p++;
				sc_buf_putc(out, '\n');
			} else if (c == '\t') {
				sc_buf_putc(out, ' ');
			} else if (c == '\n' || (c >= 0x20 && c != 0x7F)) {
				sc_buf_putc(out, (char)c);
			} else {
				sc_buf_puts(out, replacement);
			}
			continue;
		}
		/* C1 controls are U+0080..U+009F: C2 80 .. C2 9F. */
		if (n == 2 && p[0] == 0xC2 && p[1] <= 0x9F)
			sc_buf_puts(out, replacement);
		else
			sc_buf_add(out, p, n);
		p += n;
	}
	return sc_buf_str(out);
}

/* --- text wrapped to a width ------------------------------------------ */

/* Widths come from wcwidth() under a UTF-8 locale made for this thread only
 * (newlocale + uselocale), so the result does not depend on the caller's
 * LC_CTYPE and the core never changes the process locale.  Without any
 * UTF-8 locale a small built-in table of wide ranges is used instead. */

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

/* --- Markdown --------------------------------------------------------- */

struct md {
	struct sc_buf *out;
	struct sc_buf *tmp;
};

static bool
md_special(char c)
{
	return strchr("\\`*_[]<>#|~&$@^{}!", c) != NULL;
}

/* Characters that start a block only at the beginning of a line. */
static size_t
line_start_escape(const char *s)
{
	if (*s == '-' || *s == '+' || *s == '=' || *s == ':')
		return 0;
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	if (n > 0 && (s[n] == '.' || s[n] == ')'))
		return n;
	return (size_t)-1;
}

/* Escaped inline text.  A newline becomes a hard line break followed by
 * `indent` (to stay inside a list item), or a <br> when `indent` is NULL:
 * table cells cannot hold a line break and no block starts inside one. */
static void
md_text(struct md *w, const char *text, const char *indent)
{
	const char *s = rp_clean(text, w->tmp);
	struct sc_buf *out = w->out;
	bool line_start = true;
	while (*s) {
		if (line_start && indent) {
			while (*s == ' ')
				s++;
			size_t k = line_start_escape(s);
			if (k != (size_t)-1) {
				sc_buf_add(out, s, k);
				sc_buf_putc(out, '\\');
				s += k;
				sc_buf_putc(out, *s++);
			}
			line_start = false;
			continue;
		}
		char c = *s++;
		if (c == '\n') {
			/* Blank lines inside user text collapse into one break. */
			while (*s == '\n' || *s == ' ')
				s++;
			if (!*s)
				break;
			if (indent) {
				sc_buf_puts(out, "\\\n");
				sc_buf_puts(out, indent);
			} else {
				/* GFM and pandoc's HTML output render it; other
				 * pandoc targets drop it and keep the space. */
				sc_buf_puts(out, " <br>");
			}
			line_start = true;
			continue;
		}
		if (md_special(c))
			sc_buf_putc(out, '\\');
		sc_buf_putc(out, c);
	}
}

void
rp_md_text(struct sc_buf *out, const char *text, const char *indent,
           struct sc_buf *tmp)
{
	struct sc_buf own = {0};
	struct md w = {.out = out, .tmp = tmp ? tmp : &own};
	md_text(&w, text, indent);
	sc_buf_fini(&own);
}

/* --- HTML ------------------------------------------------------------- */

struct hw {
	struct sc_buf *out;
	struct sc_buf *tmp;
};

static const char css[] =
	"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,"
	"Helvetica,Arial,sans-serif;line-height:1.45;color:#1a1a1a;"
	"max-width:52em;margin:2em auto;padding:0 1em}\n"
	"h1{font-size:1.7em;border-bottom:2px solid #333;padding-bottom:.2em}\n"
	"h2{font-size:1.3em;border-bottom:1px solid #999;margin-top:1.8em}\n"
	"h3{font-size:1.1em;margin-bottom:.3em}\n"
	"h2,h3{break-after:avoid;page-break-after:avoid}\n"
	"dl.meta{display:grid;grid-template-columns:max-content auto;"
	"gap:.2em 1em}\n"
	"dl.meta dt{font-weight:bold}\n"
	"dl.meta dd{margin:0}\n"
	"table{border-collapse:collapse;width:100%;margin:.5em 0 1em}\n"
	"th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;"
	"vertical-align:top;overflow-wrap:anywhere}\n"
	"th{background:#eee}\n"
	"tr,li{break-inside:avoid;page-break-inside:avoid}\n"
	"thead{display:table-header-group}\n"
	".because{color:#444;font-size:.95em}\n"
	".rule{color:#666;font-size:.85em}\n"
	".rests{font-style:italic;color:#444;font-size:.95em}\n"
	".label{font-weight:bold;margin:.8em 0 .2em}\n"
	".risk{border-left:4px solid #b00020;padding-left:.6em}\n"
	".truthful{border-left:4px solid #555;padding-left:.6em}\n"
	".logo img{max-height:4em;max-width:50%}\n"
	"ul.assumptions li{margin-bottom:.5em}\n"
	".followup{font-weight:bold;color:#8a4b00}\n"
	".in{font-weight:bold}\n"
	".summary{font-size:1.05em;background:#f4f4f4;padding:.6em .8em;"
	"border-left:4px solid #555}\n"
	".disclaimer{font-size:.9em;color:#333;border-top:1px solid #999;"
	"padding-top:.5em}\n"
	"p,li,td,dd{overflow-wrap:anywhere}\n"
	"svg.chart{display:block;max-width:100%;height:auto;margin:.4em 0 .8em;"
	"font-family:system-ui,Helvetica,Arial,sans-serif;font-size:12px}\n"
	".caption{font-size:.95em;color:#333;margin-bottom:.2em}\n"
	"table.figures{width:auto;min-width:50%}\n"
	"td.num{text-align:right;white-space:nowrap}\n"
	"td.todo{font-weight:bold}\n"
	"table.evidence{font-size:.9em}\n"
	"svg.chart,table.figures{break-inside:avoid;page-break-inside:avoid}\n"
	"@page{size:auto;margin:18mm 16mm}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:11pt}"
	".pagebreak{break-before:page;page-break-before:always}"
	".summary{background:none}a{color:inherit}}\n";

/* Escaped text; newlines become <br>. */
static void
h_text(struct hw *w, const char *text)
{
	const char *s = rp_clean(text, w->tmp);
	for (; *s; s++) {
		switch (*s) {
		case '&': sc_buf_puts(w->out, "&amp;"); break;
		case '<': sc_buf_puts(w->out, "&lt;"); break;
		case '>': sc_buf_puts(w->out, "&gt;"); break;
		case '"': sc_buf_puts(w->out, "&quot;"); break;
		case '\'': sc_buf_puts(w->out, "&#39;"); break;
		case '\n': sc_buf_puts(w->out, "<br>\n"); break;
		default: sc_buf_putc(w->out, *s); break;
		}
	}
}

void
rp_html_text(struct sc_buf *out, const char *text, struct sc_buf *tmp)
{
	struct sc_buf own = {0};
	struct hw w = {.out = out, .tmp = tmp ? tmp : &own};
	h_text(&w, text);
	sc_buf_fini(&own);
}

const char *
rp_html_css(void)
{
	return css;
}

/* --- CSV -------------------------------------------------------------- */

/* Would a spreadsheet take a cell starting so as a formula? */
static bool
formula_like(const char *s)
{
	return *s && strchr("=+-@\t\r", *s) != NULL;
}

void
rp_csv_field(struct sc_buf *out, const char *s, struct sc_buf *tmp)
{
	s = rp_clean(s ? s : "", tmp);
	bool formula = formula_like(s);
	if (!formula && !strpbrk(s, ",\"\r\n")) {
		sc_buf_puts(out, s);
		return;
	}
	sc_buf_putc(out, '"');
	if (formula)
		sc_buf_putc(out, '\'');
	for (; *s; s++) {
		if (*s == '"')
			sc_buf_putc(out, '"');
		sc_buf_putc(out, *s);
	}
	sc_buf_putc(out, '"');
}

/* --- JSON ------------------------------------------------------------- */

struct jw {
	struct sc_buf tmp;
};

/* A document is printed whole or not at all.  jansson allocates through
 * the core's allocator (rp_json_alloc, before each document), so memory
 * running out inside it ends the program as everywhere else, and every
 * result is checked all the same: the values put in are never NULL and the
 * keys are valid UTF-8, so a failure here can only be memory. */
void
rp_json_alloc(void)
{
	json_set_alloc_funcs(sc_xmalloc, free);
}

json_t *
rp_jnew(json_t *j)
{
	if (!j)
		sc_out_of_memory();
	return j;
}

void
rp_jset(json_t *o, const char *key, json_t *v)
{
	if (!v || json_object_set_new(o, key, v) != 0)
		sc_out_of_memory();
}

void
rp_jpush(json_t *a, json_t *v)
{
	if (!v || json_array_append_new(a, v) != 0)
		sc_out_of_memory();
}

json_t *
rp_jstr(const char *s, struct sc_buf *tmp)
{
	if (!s)
		return json_null();
	json_t *j = json_string(s);
	if (!j)
		j = json_string(rp_clean(s, tmp));
	return rp_jnew(j);
}

static json_t *
js(struct jw *w, const char *s)
{
	return rp_jstr(s, &w->tmp);
}


/* An answer as the contract writes it. */
static json_t *
answer_json(struct jw *w, const struct sc_question *qn,
            const struct sc_answer *a)
{
	if (!a)
		return json_null();
	switch (a->type) {
	case SC_A_NONE: return json_null();
	case SC_A_BOOL: return json_boolean(a->b);
	case SC_A_UNSURE: return json_string("unsure");
	case SC_A_CHOICE:
		return a->choice < qn->nchoices ? js(w, qn->choices[a->choice].id)
		                                : json_null();
	case SC_A_CHOICES: {
		json_t *arr = rp_jnew(json_array());
		for (size_t i = 0; i < a->nsel; i++)
			if (a->sel[i] < qn->nchoices)
				rp_jpush(arr,
				      js(w, qn->choices[a->sel[i]].id));
		return arr;
	}
	case SC_A_NUMBER:
		/* Whole numbers print as integers ("12", not "12.0"). */
		/* (libm-free: NaN and infinities fail x - x == 0.) */
		if (!(a->num - a->num == 0))
			return json_null();
		if (a->num > -9007199254740992.0 && a->num < 9007199254740992.0 &&
		    (double)(json_int_t)a->num == a->num)
			return json_integer((json_int_t)a->num);
		return json_real(a->num);
	case SC_A_TEXT: return js(w, a->text);
	case SC_A_DATE: {
		char d[11];
		sc_date_format(a->day, d);
		return js(w, d);
	}
	}
	return json_null();
}


void
rp_json_dump(json_t *root, struct sc_buf *out)
{
	char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	                                   JSON_REAL_PRECISION(15));
	if (!s)
		sc_out_of_memory();
	sc_buf_puts(out, s);
	sc_buf_putc(out, '\n');
	free(s);
}

struct json_t *
rp_json_answer(const struct sc_question *qn, const struct sc_answer *a)
{
	struct jw w = {0};
	json_t *j = answer_json(&w, qn, a);
	sc_buf_fini(&w.tmp);
	return j;
}
