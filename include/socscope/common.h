/* socscope core: status codes, allocation and a growable string buffer.
 *
 * The core never prints and never exits, with one exception decided once
 * here: running out of memory calls sc_out_of_memory(), which says
 * "socscope: out of memory" on stderr and exits 71 (EX_OSERR).  A front
 * end that owns the terminal installs a hook that restores it first (see
 * src/tui/term.c), so the user's screen survives even that. */
#ifndef SOCSCOPE_COMMON_H
#define SOCSCOPE_COMMON_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#if defined(__GNUC__)
#define SC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define SC_NORETURN __attribute__((noreturn))
#else
#define SC_PRINTF(f, a)
#define SC_NORETURN
#endif

/* One status enum for the whole core.  Callers map it to an exit code with
 * sc_status_exit_code(); the values follow the contract's sysexits table. */
enum sc_status {
	SC_OK = 0,
	SC_EUSAGE,     /* 64: bad arguments (used by main, never by the core) */
	SC_EDATA,      /* 65: a questionnaire, theme or answers file is invalid */
	SC_ENOINPUT,   /* 66: an input file does not exist or cannot be read */
	SC_ECANTCREAT, /* 73: an output file cannot be created */
	SC_EIO,        /* 74: I/O error while writing */
};

/* The sysexits code for a status (0 for SC_OK). */
int
sc_status_exit_code(enum sc_status st);

/* The exit status after a failed allocation (sysexits' EX_OSERR). */
#define SC_EXIT_OSERR 71

/* Called when an allocation fails, in the core or in a library it uses:
 * runs the hook, says so on stderr and exits SC_EXIT_OSERR at once (no
 * atexit handlers, no stdio flush). */
SC_NORETURN void
sc_out_of_memory(void);
/* A function for sc_out_of_memory to call first (NULL for none); it must
 * not allocate.  The full-screen interview restores the terminal here. */
void
sc_set_oom_hook(void (*hook)(void));

/* Allocation wrappers that never return NULL (they call sc_out_of_memory). */
void *
sc_xmalloc(size_t n);
void *
sc_xcalloc(size_t count, size_t size);
void *
sc_xrealloc(void *p, size_t n);
/* Grow an array of `*cap` elements of `size` bytes to hold at least `need`. */
void *
sc_xgrow(void *p, size_t *cap, size_t need, size_t size);
/* Copies; sc_xstrdup(NULL) returns NULL. */
char *
sc_xstrdup(const char *s);
char *
sc_xstrndup(const char *s, size_t n);
char *
sc_xasprintf(const char *fmt, ...) SC_PRINTF(1, 2);
char *
sc_xvasprintf(const char *fmt, va_list ap) SC_PRINTF(1, 0);

/* A growable, always NUL-terminated byte buffer. Zero-initialised is valid. */
struct sc_buf {
	char *data; /* NULL until something is added */
	size_t len;
	size_t cap;
};

void
sc_buf_init(struct sc_buf *b);
void
sc_buf_fini(struct sc_buf *b);
void
sc_buf_reset(struct sc_buf *b); /* length 0, keeps the memory */
void
sc_buf_add(struct sc_buf *b, const void *data, size_t len);
void
sc_buf_puts(struct sc_buf *b, const char *s);
void
sc_buf_putc(struct sc_buf *b, char c);
void
sc_buf_printf(struct sc_buf *b, const char *fmt, ...) SC_PRINTF(2, 3);
void
sc_buf_vprintf(struct sc_buf *b, const char *fmt, va_list ap) SC_PRINTF(2, 0);
/* The contents ("" when empty; never NULL). */
const char *
sc_buf_str(const struct sc_buf *b);
/* Hand the string to the caller (never NULL) and reset the buffer. */
char *
sc_buf_steal(struct sc_buf *b);

#endif
