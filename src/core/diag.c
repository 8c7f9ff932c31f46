/* Diagnostics lists. */
#include "socscope/diag.h"

#include <stdlib.h>
#include <string.h>

void
sc_diags_init(struct sc_diags *d)
{
	memset(d, 0, sizeof *d);
}

void
sc_diags_clear(struct sc_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	d->n = 0;
	d->dropped = 0;
}

void
sc_diags_fini(struct sc_diags *d)
{
	sc_diags_clear(d);
	free(d->v);
	sc_diags_init(d);
}

void
sc_diags_vadd(struct sc_diags *d, const char *file, int line, int col,
              const char *fmt, va_list ap)
{
	if (d->n >= SC_DIAGS_MAX) {
		d->dropped++;
		return;
	}
	d->v = sc_xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	struct sc_diag *g = &d->v[d->n++];
	g->file = sc_xstrdup(file ? file : "<input>");
	g->line = line;
	g->col = col;
	g->msg = sc_xvasprintf(fmt, ap);
}

void
sc_diags_add(struct sc_diags *d, const char *file, int line, int col,
             const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sc_diags_vadd(d, file, line, col, fmt, ap);
	va_end(ap);
}

struct keyed {
	struct sc_diag g;
	size_t file_rank; /* first appearance of its file */
	size_t seq;       /* original position, for stability */
};

static int
keyed_cmp(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	if (a->file_rank != b->file_rank)
		return a->file_rank < b->file_rank ? -1 : 1;
	if (a->g.line != b->g.line)
		return a->g.line < b->g.line ? -1 : 1;
	if (a->g.col != b->g.col)
		return a->g.col < b->g.col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void
sc_diags_sort(struct sc_diags *d)
{
	if (d->n < 2)
		return;
	struct keyed *k = sc_xcalloc(d->n, sizeof *k);
	for (size_t i = 0; i < d->n; i++) {
		k[i].g = d->v[i];
		k[i].seq = i;
		k[i].file_rank = i;
		for (size_t j = 0; j < i; j++)
			if (strcmp(d->v[j].file, d->v[i].file) == 0) {
				k[i].file_rank = k[j].file_rank;
				break;
			}
	}
	qsort(k, d->n, sizeof *k, keyed_cmp);
	for (size_t i = 0; i < d->n; i++)
		d->v[i] = k[i].g;
	free(k);
}

void
sc_diags_format(const struct sc_diags *d, struct sc_buf *out)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct sc_diag *g = &d->v[i];
		if (g->line > 0)
			sc_buf_printf(out, "%s:%d:%d: %s\n", g->file, g->line,
			              g->col > 0 ? g->col : 1, g->msg);
		else
			sc_buf_printf(out, "%s: %s\n", g->file, g->msg);
	}
	if (d->dropped)
		sc_buf_printf(out, "%s: %zu more problems not shown\n",
		              d->n ? d->v[d->n - 1].file : "<input>", d->dropped);
}
