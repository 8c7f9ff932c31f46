/* The formats: the one list of them, and the public calls that go through
 * it.  Each format is a file, report_NAME.c, that defines its operations
 * (struct rp_format_ops, report_write.h) and nothing else public; adding a
 * format is that file, its value in enum sc_format, and a line below.
 *
 * This is the only place that knows both the model and the writers: it
 * builds the model, with the evidence list where the format wants it, and
 * hands it to the format's writer. */
#include "report_internal.h"

#include <assert.h>
#include <string.h>
#include <strings.h>

#include "report_write.h"

/* Every value of enum sc_format and the name of its operations. */
#define FORMATS(X)                                                             \
	X(SC_FMT_TEXT, text)                                                   \
	X(SC_FMT_MARKDOWN, markdown)                                           \
	X(SC_FMT_HTML, html)                                                   \
	X(SC_FMT_JSON, json)                                                   \
	X(SC_FMT_CSV, csv)

#define DECLARE(value, name)                                                   \
	extern const struct rp_format_ops rp_format_##name;
FORMATS(DECLARE)
#undef DECLARE

#define ENTRY(value, name) [value] = &rp_format_##name,
static const struct rp_format_ops *const formats[SC_FMT_COUNT] = {
	FORMATS(ENTRY)
};
#undef ENTRY

/* Every value has its line, and only one. */
#define BIT(value, name) | 1u << (value)
static_assert((0u FORMATS(BIT)) == (1u << SC_FMT_COUNT) - 1,
              "every value of enum sc_format has a line in FORMATS");
#undef BIT
#define ONE(value, name) +1
static_assert(0 FORMATS(ONE) == SC_FMT_COUNT,
              "FORMATS has one line per value of enum sc_format");
#undef ONE

static const struct rp_format_ops *
format(enum sc_format f)
{
	return (unsigned)f < SC_FMT_COUNT ? formats[f] : NULL;
}

int
sc_format_find(const char *name)
{
	if (!name)
		return -1;
	for (int i = 0; i < SC_FMT_COUNT; i++)
		if (strcmp(name, formats[i]->id) == 0)
			return i;
	return -1;
}

const char *
sc_format_id_str(enum sc_format f)
{
	const struct rp_format_ops *ops = format(f);
	return ops ? ops->id : "";
}

const char *
sc_format_ext(enum sc_format f)
{
	const struct rp_format_ops *ops = format(f);
	return ops ? ops->ext : "";
}

void
sc_report_render(const struct sc_questionnaire *q, const struct sc_answers *a,
                 struct sc_eval *ev, enum sc_format fmt,
                 const struct sc_report_opts *opts, struct sc_buf *out)
{
	sc_report_render_full(q, a, ev, fmt, opts, NULL, out);
}

void
sc_report_render_full(const struct sc_questionnaire *q,
                      const struct sc_answers *a, struct sc_eval *ev,
                      enum sc_format fmt, const struct sc_report_opts *opts,
                      const struct sc_catalogue *evidence, struct sc_buf *out)
{
	sc_report_render_branded(q, a, ev, fmt, opts, evidence, NULL, out);
}

void
sc_report_render_branded(const struct sc_questionnaire *q,
                         const struct sc_answers *a, struct sc_eval *ev,
                         enum sc_format fmt, const struct sc_report_opts *opts,
                         const struct sc_catalogue *evidence,
                         const struct sc_report_brand *brand,
                         struct sc_buf *out)
{
	const struct rp_format_ops *ops = format(fmt);
	if (!ops)
		return;
	struct rp_model m;
	rp_model_build(&m, q, a, ev, opts);
	rp_model_brand(&m, brand);
	/* Only the formats with an appendix for it carry the list, and only
	 * a report that recommends SOC reports has one. */
	if (ops->evidence_appendix && m.soc) {
		rp_evidence_build(&m, evidence);
		rp_model_letters(&m);
	}
	ops->render(&m, opts, out);
	rp_model_fini(&m);
}

bool
sc_evidence_render(const struct sc_questionnaire *q, const struct sc_answers *a,
                   struct sc_eval *ev, const struct sc_catalogue *cat,
                   enum sc_format fmt, const struct sc_report_opts *opts,
                   struct sc_buf *out)
{
	const struct rp_format_ops *ops = format(fmt);
	if (!cat || !ops || !ops->render_evidence)
		return false;
	struct rp_model m;
	rp_model_build(&m, q, a, ev, opts);
	rp_evidence_build(&m, cat);
	ops->render_evidence(&m, out);
	rp_model_fini(&m);
	return true;
}

/* --- what the HTML report takes from the caller ------------------------ */

static bool
starts(const unsigned char *p, const unsigned char *end, const char *s)
{
	size_t n = strlen(s);
	return (size_t)(end - p) >= n && memcmp(p, s, n) == 0;
}

/* Past `close` from p, or NULL when it never comes. */
static const unsigned char *
past(const unsigned char *p, const unsigned char *end, const char *close)
{
	size_t n = strlen(close);
	for (; (size_t)(end - p) >= n; p++)
		if (memcmp(p, close, n) == 0)
			return p + n;
	return NULL;
}

const char *
sc_report_logo_type(const unsigned char *data, size_t len)
{
	if (!data)
		return NULL;
	const unsigned char *p = data, *end = data + len;
	if (starts(p, end, "\x89PNG\r\n\x1a\n"))
		return "image/png";
	if (starts(p, end, "\xff\xd8\xff"))
		return "image/jpeg";
	/* SVG: its root element first, after a byte order mark, white
	 * space, an XML declaration, comments and a doctype. */
	if (starts(p, end, "\xef\xbb\xbf"))
		p += 3;
	while (p && p < end) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		else if (starts(p, end, "<?xml"))
			p = past(p, end, "?>");
		else if (starts(p, end, "<!--"))
			p = past(p + 4, end, "-->");
		else if (starts(p, end, "<!DOCTYPE") || starts(p, end, "<!doctype"))
			p = past(p, end, ">");
		else
			break;
	}
	if (p && starts(p, end, "<svg") && end - p > 4 &&
	    strchr(" \t\r\n>/", p[4]))
		return "image/svg+xml";
	return NULL;
}

const char *
sc_report_stylesheet_problem(const char *css, size_t len, int *line,
                             int *col)
{
	int ln = 1, cl = 1;
	const char *why = NULL;
	struct sc_buf one = {0};
	for (size_t i = 0; i < len && !why;) {
		unsigned char c = (unsigned char)css[i];
		if (c == '<' && len - i >= 7 && css[i + 1] == '/' &&
		    strncasecmp(css + i + 2, "style", 5) == 0) {
			why = "\"</style\" would end the stylesheet inside the HTML "
			      "report";
			break;
		}
		if (c < 0x80) {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
			    c != '\f') {
				why = "a control character, which a stylesheet cannot hold";
				break;
			}
			if (c == 0x7f) {
				why = "a control character, which a stylesheet cannot hold";
				break;
			}
			if (c == '\n') {
				ln++;
				cl = 1;
			} else {
				cl++;
			}
			i++;
			continue;
		}
		/* One character of UTF-8: the writers' cleaner changes it when
		 * it is not valid. */
		size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		if (n > len - i) {
			why = "not valid UTF-8 text";
			break;
		}
		char tmp[5] = {0};
		memcpy(tmp, css + i, n);
		const char *clean = rp_clean(tmp, &one);
		if (strcmp(clean, tmp) != 0) {
			why = "not valid UTF-8 text";
			break;
		}
		i += n;
		cl++;
	}
	sc_buf_fini(&one);
	if (line)
		*line = ln;
	if (col)
		*col = cl;
	return why;
}
