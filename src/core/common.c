/* Status codes, allocation wrappers and the string buffer. */
#include "socscope/common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
sc_status_exit_code(enum sc_status st)
{
	switch (st) {
	case SC_OK: return 0;
	case SC_EUSAGE: return 64;
	case SC_EDATA: return 65;
	case SC_ENOINPUT: return 66;
	case SC_ECANTCREAT: return 73;
	case SC_EIO: return 74;
	}
	return 70; /* EX_SOFTWARE: unreachable for valid statuses */
}

static void (*oom_hook)(void);

void
sc_set_oom_hook(void (*hook)(void))
{
	oom_hook = hook;
}

void
sc_out_of_memory(void)
{
	/* The front end gives the terminal back first (with no allocation),
	 * so that the message is seen on a sane screen. */
	void (*hook)(void) = oom_hook;
	oom_hook = NULL;
	if (hook)
		hook();
	/* Deliberately the core's only output and only exit: nothing else can
	 * be done usefully once allocation fails.  write(2) and _exit(2)
	 * allocate nothing, and _exit leaves buffered output unwritten, so a
	 * half-built report never reaches stdout; files on disk were only
	 * ever replaced whole, so the session file is as it was last saved. */
	static const char msg[] = "socscope: out of memory\n";
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
		/* Nothing more can be said. */
	}
	_exit(SC_EXIT_OSERR);
}

void *
sc_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		sc_out_of_memory();
	return p;
}

void *
sc_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		sc_out_of_memory();
	return p;
}

void *
sc_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		sc_out_of_memory();
	return q;
}

void *
sc_xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t c = *cap ? *cap : 8;
	while (c < need) {
		if (c > ((size_t)-1) / 2)
			sc_out_of_memory();
		c *= 2;
	}
	if (size && c > ((size_t)-1) / size)
		sc_out_of_memory();
	p = sc_xrealloc(p, c * size);
	*cap = c;
	return p;
}

char *
sc_xstrdup(const char *s)
{
	return s ? sc_xstrndup(s, strlen(s)) : NULL;
}

char *
sc_xstrndup(const char *s, size_t n)
{
	char *p = sc_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
sc_xvasprintf(const char *fmt, va_list ap)
{
	struct sc_buf b = {0};
	sc_buf_vprintf(&b, fmt, ap);
	return sc_buf_steal(&b);
}

char *
sc_xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = sc_xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void
sc_buf_init(struct sc_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void
sc_buf_fini(struct sc_buf *b)
{
	free(b->data);
	sc_buf_init(b);
}

void
sc_buf_reset(struct sc_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
sc_buf_add(struct sc_buf *b, const void *data, size_t len)
{
	if (len > ((size_t)-1) - b->len - 1)
		sc_out_of_memory();
	b->data = sc_xgrow(b->data, &b->cap, b->len + len + 1, 1);
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
sc_buf_puts(struct sc_buf *b, const char *s)
{
	sc_buf_add(b, s, strlen(s));
}

void
sc_buf_putc(struct sc_buf *b, char c)
{
	sc_buf_add(b, &c, 1);
}

void
sc_buf_vprintf(struct sc_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	errno = 0;
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	/* The C library may need memory of its own to format; text silently
	 * left out would make a wrong report. */
	if (n < 0) {
		if (errno == ENOMEM)
			sc_out_of_memory();
		return;
	}
	b->data = sc_xgrow(b->data, &b->cap, b->len + (size_t)n + 1, 1);
	if (vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap) != n) {
		b->data[b->len] = '\0';
		sc_out_of_memory();
	}
	b->len += (size_t)n;
}

void
sc_buf_printf(struct sc_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sc_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *
sc_buf_str(const struct sc_buf *b)
{
	return b->data ? b->data : "";
}

char *
sc_buf_steal(struct sc_buf *b)
{
	char *s = b->data ? b->data : sc_xstrdup("");
	sc_buf_init(b);
	return s;
}
