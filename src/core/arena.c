/* The core's region allocator (arena.h). */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "socscope/common.h"

void
sc_arena_init(struct sc_arena *a, size_t first, size_t max)
{
	memset(a, 0, sizeof *a);
	a->first = a->next = first ? first : 4096;
	a->max = max > a->first ? max : a->first;
}

void
sc_arena_init_local(struct sc_arena *a, void *buf, size_t size, size_t first,
                    size_t max)
{
	sc_arena_init(a, first, max);
	if (!buf || size <= sizeof(struct sc_arena_block))
		return;
	struct sc_arena_block *b = buf;
	b->next = NULL;
	b->used = 0;
	b->size = size - sizeof *b;
	a->head = a->local = b;
}

static void
free_list(struct sc_arena_block *b, const struct sc_arena_block *keep)
{
	while (b) {
		struct sc_arena_block *next = b->next;
		if (b != keep)
			free(b);
		b = next;
	}
}

void
sc_arena_fini(struct sc_arena *a)
{
	if (!a)
		return;
	free_list(a->head, a->local);
	free_list(a->big, NULL);
	free(a->spare);
	free(a->wbuf);
	struct sc_arena_block *local = a->local;
	size_t first = a->first, max = a->max;
	sc_arena_init(a, first, max);
	if (local) {
		local->next = NULL;
		local->used = 0;
		a->head = a->local = local;
	}
}

static struct sc_arena_block *
new_block(size_t size)
{
	if (size > SIZE_MAX - sizeof(struct sc_arena_block))
		sc_out_of_memory();
	struct sc_arena_block *b = sc_xmalloc(sizeof *b + size);
	b->used = 0;
	b->size = size;
	return b;
}

/* The current block has no room: a request of a good part of a block gets
 * a block of its own (on the `big` list, so the current block's room is
 * not wasted and a rewind still finds it), anything else a new current
 * block, the spare one when it is big enough. */
void *
sc_arena_alloc_slow(struct sc_arena *a, size_t n, size_t align)
{
	if (a->wbuf) {
		size_t at = (a->wused + align - 1) & ~(align - 1);
		if (at <= a->wavail && a->wavail - at >= n) {
			a->wused = at + n;
			return a->wbuf + at;
		}
	}
	/* While a window is open, blocks of the first size only bridge the
	 * moments it has no room, so that the window is soon carved again. */
	size_t size = a->wbuf ? a->first : a->next;
	if (n > size / 4) {
		struct sc_arena_block *b = new_block(n);
		b->used = n;
		b->next = a->big;
		a->big = b;
		return b->data;
	}
	struct sc_arena_block *b;
	if (a->spare && a->spare->size >= size) {
		b = a->spare;
		a->spare = NULL;
		b->used = 0;
	} else {
		b = new_block(size);
		if (!a->wbuf && a->next < a->max)
			a->next = a->next > a->max / 2 ? a->max : a->next * 2;
	}
	b->next = a->head;
	a->head = b;
	b->used = n;
	return b->data;
}

void *
sc_arena_alloc(struct sc_arena *a, size_t n)
{
	return sc_arena_alloc_aligned(a, n, alignof(max_align_t));
}

void *
sc_arena_calloc(struct sc_arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		sc_out_of_memory();
	size_t n = count * size;
	void *p = sc_arena_alloc(a, n);
	memset(p, 0, n);
	return p;
}

char *
sc_arena_strndup(struct sc_arena *a, const char *s, size_t n)
{
	if (n == SIZE_MAX)
		sc_out_of_memory();
	char *p = sc_arena_alloc_aligned(a, n + 1, 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
sc_arena_strdup(struct sc_arena *a, const char *s)
{
	return s ? sc_arena_strndup(a, s, strlen(s)) : NULL;
}

/* The window's first bytes are kept for the header it gets when it is
 * closed; what is carved from it starts after them, aligned as a block's
 * data is. */
#define WINDOW_START offsetof(struct sc_arena_block, data)

void
sc_arena_window(struct sc_arena *a, void *block, size_t size)
{
	if (!block)
		return;
	free(a->wbuf);
	a->wbuf = block;
	a->wcap = size;
	a->wused = WINDOW_START;
	a->wavail = 0;
}

void
sc_arena_window_grow(struct sc_arena *a, size_t upto)
{
	if (a->wbuf && upto > a->wavail)
		a->wavail = upto < a->wcap ? upto : a->wcap;
}

void
sc_arena_window_close(struct sc_arena *a)
{
	unsigned char *w = a->wbuf;
	if (!w)
		return;
	a->wbuf = NULL;
	/* Unused and too small to be worth keeping. */
	if (a->wused == WINDOW_START && a->wcap < WINDOW_START + 4096) {
		free(w);
		return;
	}
	/* malloc's alignment is good for any object, so the header fits at
	 * the start and the data after it stays aligned. */
	struct sc_arena_block *b = (struct sc_arena_block *)w;
	b->size = a->wcap - WINDOW_START;
	b->used = a->wused - WINDOW_START;
	b->next = a->head;
	a->head = b;
}

void
sc_arena_trim(struct sc_arena *a)
{
#if defined(MADV_DONTNEED) && defined(_SC_PAGESIZE)
	struct sc_arena_block *b = a->head;
	long page = sysconf(_SC_PAGESIZE);
	if (!b || b == a->local || page <= 0)
		return;
	uintptr_t ps = (uintptr_t)page;
	uintptr_t from = ((uintptr_t)b->data + b->used + ps - 1) & ~(ps - 1);
	uintptr_t to = ((uintptr_t)b->data + b->size) & ~(ps - 1);
	/* Advice only: if it is not taken, the pages stay as they were. */
	if (to > from)
		(void)madvise((void *)from, to - from, MADV_DONTNEED);
#else
	(void)a;
#endif
}

void
sc_arena_mark(const struct sc_arena *a, struct sc_arena_mark *m)
{
	m->head = a->head;
	m->big = a->big;
	m->used = a->head ? a->head->used : 0;
}

void
sc_arena_rewind(struct sc_arena *a, const struct sc_arena_mark *m)
{
	/* A loader that takes items one by one crosses a block boundary
	 * again and again: the block given back is kept for the next, rather
	 * than freed and asked for anew each time. */
	while (a->head && a->head != m->head && a->head != a->local) {
		struct sc_arena_block *b = a->head;
		a->head = b->next;
		if (!a->spare || a->spare->size < b->size) {
			free(a->spare);
			a->spare = b;
		} else {
			free(b);
		}
	}
	if (a->head)
		a->head->used = a->head == m->head ? m->used : 0;
	while (a->big != m->big) {
		struct sc_arena_block *b = a->big;
		a->big = b->next;
		free(b);
	}
}
