/* The HTML report's two pictures, drawn as inline SVG from the report
 * model: readiness by area as horizontal bars, and the roadmap as a dated
 * timeline.  Plain shapes and text only (no script, no fonts, no links), so
 * the file stays self-contained and prints; colours are dark enough to read
 * in greyscale, and every figure is also written out as text by the HTML
 * exporter.  Each picture is role="img" and named by the caption the
 * exporter writes before it (aria-labelledby). */
#include "report_svg.h"

#include <stdlib.h>
#include <string.h>

#include "report_write.h"

/* Text inside SVG: the five XML specials escaped, cleaned like all text. */
static void
svg_text(struct sc_buf *out, const char *s)
{
	struct sc_buf tmp = {0};
	for (s = rp_clean(s, &tmp); *s; s++) {
		switch (*s) {
		case '&': sc_buf_puts(out, "&amp;"); break;
		case '<': sc_buf_puts(out, "&lt;"); break;
		case '>': sc_buf_puts(out, "&gt;"); break;
		case '"': sc_buf_puts(out, "&quot;"); break;
		case '\'': sc_buf_puts(out, "&#39;"); break;
		case '\n': sc_buf_putc(out, ' '); break;
		default: sc_buf_putc(out, *s); break;
		}
	}
	sc_buf_fini(&tmp);
}

static void
svg_open(struct sc_buf *out, const char *cls, const char *labelledby, int w,
         int h)
{
	sc_buf_printf(out,
	              "<svg class=\"%s\" role=\"img\" aria-labelledby=\"%s\" "
	              "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">\n",
	              cls, labelledby, w, h, w, h);
}

/* --- readiness by area ------------------------------------------------ */

enum {
	AREA_LABEL_W = 230, /* label column */
	AREA_BAR_W = 300,
	AREA_ROW_H = 22,
	AREA_W = AREA_LABEL_W + AREA_BAR_W + 110,
};

void
rp_svg_areas(const struct rp_model *m, struct sc_buf *out)
{
	int h = (int)m->nareas * AREA_ROW_H + 8;
	svg_open(out, "chart areas", "areas-caption", AREA_W, h);
	for (size_t i = 0; i < m->nareas; i++) {
		const struct sc_area *a = &m->areas[i];
		int y = (int)i * AREA_ROW_H + 4;
		sc_buf_printf(out, "<text x=\"0\" y=\"%d\">", y + 13);
		svg_text(out, a->name);
		sc_buf_puts(out, "</text>\n");
		sc_buf_printf(out,
		              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" "
		              "fill=\"#e4e4e4\" stroke=\"#999\"/>\n",
		              AREA_LABEL_W, y, AREA_BAR_W);
		if (a->score < 0) {
			sc_buf_printf(out,
			              "<text x=\"%d\" y=\"%d\" fill=\"#555\">not "
			              "asked</text>\n",
			              AREA_LABEL_W + 6, y + 13);
			continue;
		}
		int w = a->score * AREA_BAR_W / 100;
		if (w > 0)
			sc_buf_printf(out,
			              "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			              "height=\"16\" fill=\"#2f5d8a\"/>\n",
			              AREA_LABEL_W, y, w);
		sc_buf_printf(out, "<text x=\"%d\" y=\"%d\">%d%%</text>\n",
		              AREA_LABEL_W + AREA_BAR_W + 8, y + 13, a->score);
	}
	sc_buf_puts(out, "</svg>\n");
}

/* --- the timeline ----------------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date (negative before):
 * count whole years from March, so the leap day ends a year. */
static long
civil_days(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static bool
date_days(const char *s, long *out)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	*out = civil_days(atoi(s), atoi(s + 5), atoi(s + 8));
	return true;
}

enum {
	TL_LABEL_W = 250,
	TL_CHART_W = 420,
	TL_ROW_H = 22,
	TL_AXIS_H = 34,
	TL_W = TL_LABEL_W + TL_CHART_W + 20,
};

static const char *const bar_fill[RP_BAR_COUNT] = {
	[RP_BAR_READINESS] = "#8a5a00",
	[RP_BAR_TYPE1] = "#a3271f",
	[RP_BAR_WINDOW] = "#2f5d8a",
	[RP_BAR_FIELDWORK] = "#5b3f8c",
	[RP_BAR_REPORT] = "#2d6a31",
};

struct scale {
	long lo, hi; /* days shown */
};

static int
x_of(const struct scale *sc, long day)
{
	long span = sc->hi - sc->lo;
	if (span <= 0)
		span = 1;
	return TL_LABEL_W + (int)((day - sc->lo) * TL_CHART_W / span);
}

/* A vertical marker across the rows with its name above the axis. */
static void
marker(struct sc_buf *out, const struct scale *sc, long day, int h,
       const char *name, const char *style)
{
	int x = x_of(sc, day);
	/* A name near the right edge ends at its line, so it is not cut. */
	bool right = x > TL_LABEL_W + TL_CHART_W - 40;
	sc_buf_printf(out,
	              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" %s/>\n"
	              "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" "
	              "font-size=\"11\">%s</text>\n",
	              x, TL_AXIS_H - 4, x, h - 2, style, x, TL_AXIS_H - 8,
	              right ? "end" : "middle", name);
}

void
rp_svg_timeline(const struct rp_model *m, struct sc_buf *out)
{
	struct scale sc;
	long today;
	if (!date_days(m->date, &today))
		return;
	sc.lo = sc.hi = today;
	for (size_t i = 0; i < m->nbars; i++) {
		long f, t;
		if (!date_days(m->bars[i].from, &f) || !date_days(m->bars[i].to, &t))
			continue;
		if (f < sc.lo)
			sc.lo = f;
		if (t + 1 > sc.hi)
			sc.hi = t + 1;
	}
	long deadline = 0;
	bool has_deadline = date_days(m->deadline, &deadline);
	if (has_deadline && deadline + 1 > sc.hi)
		sc.hi = deadline + 1;
	/* Start on the first of a month, for the ticks. */
	int y = atoi(m->date), mo = atoi(m->date + 5);
	while (civil_days(y, mo, 1) > sc.lo) {
		if (--mo == 0) {
			mo = 12;
			y--;
		}
	}
	sc.lo = civil_days(y, mo, 1);

	int h = TL_AXIS_H + (int)m->nbars * TL_ROW_H + 6;
	svg_open(out, "chart timeline", "timeline-caption", TL_W, h);

	/* Month ticks: every month, or every 2, 3 or 6 for longer plans. */
	long months = (sc.hi - sc.lo) / 30 + 1;
	int step = months <= 9 ? 1 : months <= 18 ? 2 : months <= 36 ? 3 : 6;
	for (int k = 0;; k += step) {
		int ty = y + (mo - 1 + k) / 12, tm = (mo - 1 + k) % 12 + 1;
		long d = civil_days(ty, tm, 1);
		if (d > sc.hi)
			break;
		int x = x_of(&sc, d);
		sc_buf_printf(out,
		              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		              "stroke=\"#ccc\"/>\n"
		              "<text x=\"%d\" y=\"12\" font-size=\"10\" "
		              "fill=\"#444\">%04d-%02d</text>\n",
		              x, 16, x, h - 2, x + 2, ty, tm);
	}

	for (size_t i = 0; i < m->nbars; i++) {
		const struct rp_bar *b = &m->bars[i];
		long f, t;
		if (!date_days(b->from, &f) || !date_days(b->to, &t))
			continue;
		int ry = TL_AXIS_H + (int)i * TL_ROW_H;
		sc_buf_printf(out, "<text x=\"0\" y=\"%d\">", ry + 14);
		svg_text(out, b->label);
		sc_buf_puts(out, "</text>\n");
		const char *fill = bar_fill[b->kind];
		int x0 = x_of(&sc, f), x1 = x_of(&sc, t + 1);
		if (b->kind == RP_BAR_TYPE1) {
			/* A date, not a span: a diamond. */
			sc_buf_printf(out,
			              "<path d=\"M%d %d l7 7 l-7 7 l-7 -7 z\" "
			              "fill=\"%s\"/>\n",
			              x0, ry + 3, fill);
			continue;
		}
		int w = x1 - x0 < 3 ? 3 : x1 - x0;
		sc_buf_printf(out,
		              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" "
		              "fill=\"%s\"%s/>\n",
		              x0, ry + 3, w, fill,
		              b->kind == RP_BAR_REPORT
		                      ? " fill-opacity=\"0.55\" stroke=\"#2d6a31\""
		                      : "");
	}
	marker(out, &sc, today, h, "today",
	       "stroke=\"#000\" stroke-dasharray=\"3 3\"");
	if (has_deadline)
		marker(out, &sc, deadline, h, "deadline",
		       "stroke=\"#a3271f\" stroke-width=\"2\"");
	sc_buf_puts(out, "</svg>\n");
}
