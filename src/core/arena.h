/* A region allocator, private to the core: many small objects carved from
 * a few large blocks and freed together.  The YAML tree lives in one (and
 * winds it back to a mark when a loader has taken an item), a loaded
 * questionnaire's text and small parts in another, an expression's syntax
 * tree in a third while it compiles.  Besides being cheap to fill and to
 * free, a region keeps long-lived objects out of the heap that libyaml
 * churns through while a file is parsed.
 *
 * Like every allocation of the core, running out of memory ends in
 * sc_out_of_memory(): nothing here returns NULL. */
#ifndef SOCSCOPE_ARENA_H
#define SOCSCOPE_ARENA_H

#include <stddef.h>

struct sc_arena_block {
	struct sc_arena_block *next;
	size_t used, size;
	max_align_t data[];
};

struct sc_arena {
	struct sc_arena_block *head;  /* the block being carved, then older */
	struct sc_arena_block *big;   /* requests larger than a block, each alone */
	struct sc_arena_block *spare; /* a block a rewind gave back, for reuse */
	struct sc_arena_block *local; /* the caller's own first block, or NULL */
	size_t first, next, max;      /* block sizes: the first, the next, cap */
	/* A window (sc_arena_window): wbuf[wused .. wavail) is free to carve,
	 * wbuf[wavail .. wcap) not yet; NULL when there is none. */
	unsigned char *wbuf;
	size_t wused, wavail, wcap;
};

struct sc_arena_mark {
	struct sc_arena_block *head, *big;
	size_t used;
};

/* Blocks start at `first` bytes and double up to `max`.  An arena set up
 * this way and never used holds no memory. */
void
sc_arena_init(struct sc_arena *a, size_t first, size_t max);
/* The same with `buf` (`size` bytes, suitably aligned for any object, of
 * automatic or static storage) as its first block, so that a short-lived
 * arena of little use never calls malloc.  The arena never frees buf. */
void
sc_arena_init_local(struct sc_arena *a, void *buf, size_t size, size_t first,
                    size_t max);
/* Frees every block but the caller's own; the arena is then as it was
 * set up, and may be used again. */
void
sc_arena_fini(struct sc_arena *a);

/* When the current block has no room. */
void *
sc_arena_alloc_slow(struct sc_arena *a, size_t n, size_t align);

/* `n` bytes aligned to `align` (a power of two, at most that of
 * max_align_t); not zeroed.  Inline: the YAML tree asks for one at
 * nearly every event. */
static inline void *
sc_arena_alloc_aligned(struct sc_arena *a, size_t n, size_t align)
{
	struct sc_arena_block *b = a->head;
	if (b) {
		size_t at = (b->used + align - 1) & ~(align - 1);
		if (at <= b->size && b->size - at >= n) {
			b->used = at + n;
			return (char *)b->data + at;
		}
	}
	return sc_arena_alloc_slow(a, n, align);
}
/* `n` bytes aligned for any object; not zeroed. */
void *
sc_arena_alloc(struct sc_arena *a, size_t n);
/* `count` zeroed objects of `size` bytes (count 0 gives a valid pointer). */
void *
sc_arena_calloc(struct sc_arena *a, size_t count, size_t size);
/* A NUL-terminated copy of s[0..n). */
char *
sc_arena_strndup(struct sc_arena *a, const char *s, size_t n);
/* A copy of s; NULL for NULL. */
char *
sc_arena_strdup(struct sc_arena *a, const char *s);

/* Hand the arena a block from malloc (`size` bytes) to free with its own,
 * whose bytes become free to carve only as sc_arena_window_grow says: a
 * loader gives it the buffer its file was read into and lets it have the
 * part the parser is done with, so that what it builds goes in memory the
 * process has already touched rather than in new pages (on the machines
 * this was measured on, a page touched for the first time costs about as
 * much as parsing a page of YAML).  When the current block is full, the
 * window is carved before a new block is asked for.  An arena with a
 * window is never wound back. */
void
sc_arena_window(struct sc_arena *a, void *block, size_t size);
/* The first `upto` bytes of the window's block are free to use. */
void
sc_arena_window_grow(struct sc_arena *a, size_t upto);
/* All of the window is free to use: it becomes the current block. */
void
sc_arena_window_close(struct sc_arena *a);
/* Give the whole pages past what the current block holds back to the
 * system (where it can be asked to take them): for an arena that is done
 * growing and will live long, after a window was only partly used. */
void
sc_arena_trim(struct sc_arena *a);

/* Everything allocated after a mark can be given back at once. */
void
sc_arena_mark(const struct sc_arena *a, struct sc_arena_mark *m);
void
sc_arena_rewind(struct sc_arena *a, const struct sc_arena_mark *m);

#endif
