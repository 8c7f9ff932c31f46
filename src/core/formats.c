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
	const struct rp_format_ops *ops = format(fmt);
	if (!ops)
		return;
	struct rp_model m;
	rp_model_build(&m, q, a, ev, opts);
	/* Only the formats with an appendix for it carry the list, and only
	 * a report that recommends SOC reports has one. */
	if (ops->evidence_appendix && m.soc)
		rp_evidence_build(&m, evidence);
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
