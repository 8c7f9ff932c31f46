/* An LD_PRELOAD library for the out-of-memory tests: it makes allocations
 * fail on demand, in the program and in every library it uses.
 *
 *   SOCSCOPE_FAIL_AT=N          the Nth allocation (from 1) fails, only it
 *   SOCSCOPE_FAIL_ON_SIGNAL=1   after a SIGUSR1 every allocation fails
 *   SOCSCOPE_ALLOC_COUNT=FILE   at a normal exit, the number of allocations
 *                               made is written to FILE
 *
 * The real allocator is glibc's, reached through its __libc_ names, so
 * nothing here allocates. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);
extern void *__libc_memalign(size_t align, size_t n);

static unsigned long count, fail_at;
static volatile sig_atomic_t fail_all;
static const char *count_file;

static void
on_usr1(int sig)
{
	(void)sig;
	fail_all = 1;
}

__attribute__((constructor)) static void
init(void)
{
	const char *s = getenv("SOCSCOPE_FAIL_AT");
	if (s)
		fail_at = strtoul(s, NULL, 10);
	count_file = getenv("SOCSCOPE_ALLOC_COUNT");
	s = getenv("SOCSCOPE_FAIL_ON_SIGNAL");
	if (s && *s == '1') {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_usr1;
		sigemptyset(&sa.sa_mask);
		sa.sa_flags = SA_RESTART;
		sigaction(SIGUSR1, &sa, NULL);
	}
}

__attribute__((destructor)) static void
fini(void)
{
	if (!count_file)
		return;
	char buf[32];
	int n = snprintf(buf, sizeof buf, "%lu\n", count);
	int fd = open(count_file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd >= 0) {
		if (write(fd, buf, (size_t)n) < 0) {
			/* the test sees an empty file */
		}
		close(fd);
	}
}

static int
fail_now(void)
{
	count++;
	if (fail_all || (fail_at && count == fail_at)) {
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *
malloc(size_t n)
{
	return fail_now() ? NULL : __libc_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : __libc_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __libc_realloc(p, n);
}

void *
memalign(size_t align, size_t n)
{
	return fail_now() ? NULL : __libc_memalign(align, n);
}

void *
aligned_alloc(size_t align, size_t n)
{
	return fail_now() ? NULL : __libc_memalign(align, n);
}

int
posix_memalign(void **out, size_t align, size_t n)
{
	if (fail_now())
		return ENOMEM;
	void *p = __libc_memalign(align, n);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}
