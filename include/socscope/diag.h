/* Diagnostics: every problem found in a user's file, as FILE:LINE:COL: message.
 * Loaders add to a list so that all problems in a file are reported. */
#ifndef SOCSCOPE_DIAG_H
#define SOCSCOPE_DIAG_H

#include "socscope/common.h"

struct sc_diag {
	char *file; /* as given by the caller (path or "<bundled>/name") */
	int line;   /* 1-based; 0 when the problem concerns the whole file */
	int col;    /* 1-based; 0 when unknown */
	char *msg;  /* no trailing newline, no "error:" prefix */
};

/* Past this many diagnostics a list only counts them; the last entry says so. */
#define SC_DIAGS_MAX 1000

struct sc_diags {
	struct sc_diag *v;
	size_t n;
	size_t cap;
	size_t dropped; /* problems beyond SC_DIAGS_MAX */
};

void
sc_diags_init(struct sc_diags *d);
void
sc_diags_fini(struct sc_diags *d);
void
sc_diags_clear(struct sc_diags *d);
void
sc_diags_add(struct sc_diags *d, const char *file, int line, int col,
             const char *fmt, ...) SC_PRINTF(5, 6);
void
sc_diags_vadd(struct sc_diags *d, const char *file, int line, int col,
              const char *fmt, va_list ap) SC_PRINTF(5, 0);
/* Stable sort by file order of appearance, then line, then column. */
void
sc_diags_sort(struct sc_diags *d);
/* Append "FILE:LINE:COL: message\n" for each diagnostic (and a final
 * "FILE: N more problems not shown" line when some were dropped). */
void
sc_diags_format(const struct sc_diags *d, struct sc_buf *out);

#endif
