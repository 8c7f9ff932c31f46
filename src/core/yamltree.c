/* A bounded YAML document tree built from libyaml's event stream.
 *
 * Events rather than libyaml's own document API because every limit has to
 * be enforced while parsing (a file of a million nested "[" must be refused
 * at the 33rd, not after building it) and because anchors and aliases must be
 * refused outright rather than expanded.  Nodes and strings live in one
 * arena freed at once; children collect on a single pending stack and are
 * copied into exact-size arrays when their collection ends, so memory stays
 * linear in the file's size.  A loader may take the items of long lists as
 * each is complete (struct sc_ytaker): the arena is then wound back to
 * where the item began, so a big file is never held whole. */
#include "socscope/yamltree.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "arena.h"

const struct sc_ylimits sc_ylimits_default = {
	.max_bytes = 16u * 1024 * 1024,
	.max_depth = 32,
	.max_scalar = 64u * 1024,
	.max_nodes = 4000000,
};

/* What the loader knows about a node beyond the public struct: enough to
 * map a position inside a scalar's text back to the file.  Every node this
 * file hands out is one of these. */
struct ynode_ext {
	struct sc_ynode pub;
	bool exact_text; /* single line, no tag: text offsets map to columns */
	bool quoted_one; /* opened by one quote character */
	bool taken;      /* handed to a taker; a collection's contents are gone */
};

/* ---- arena ------------------------------------------------------------ */

/* 64 KiB blocks: a block is carved by many items before a rewind gives it
 * back, and stays below the size glibc would map on its own. */
#define ARENA_BLOCK (64u * 1024)

/* Strings need no alignment; nodes and pointer arrays need a pointer's. */
static void *
arena_alloc(struct sc_arena *a, size_t n)
{
	return sc_arena_alloc_aligned(a, n, _Alignof(struct ynode_ext));
}

static char *
arena_text(struct sc_arena *a, size_t n)
{
	return sc_arena_alloc_aligned(a, n, 1);
}

static void
arena_free(struct sc_arena *a)
{
	if (!a)
		return;
	sc_arena_fini(a);
	free(a);
}

/* ---- showing user text in messages --------------------------------------- */

/* Text from a file, made safe for a one-line message: control characters
 * (C0, DEL and the C1 range a terminal might obey) and quotes escaped, cut
 * at a character boundary with "..." when it does not fit. */
static const char *
quote_bytes(const char *s, size_t len, char *buf, size_t size)
{
	if (size == 0)
		return "";
	size_t o = 0;
	bool cut = false;
	for (size_t i = 0; i < len && !cut;) {
		unsigned char c = (unsigned char)s[i];
		char tmp[8];
		size_t tn = 1, used = 1;
		if (c == '\n' || c == '\t' || c == '"' || c == '\\') {
			tmp[0] = '\\';
			tmp[1] = c == '\n' ? 'n' : c == '\t' ? 't' : (char)c;
			tn = 2;
		} else if (c < 0x20 || c == 0x7f) {
			snprintf(tmp, sizeof tmp, "\\x%02X", c);
			tn = 4;
		} else if (c == 0xC2 && i + 1 < len &&
		           (unsigned char)s[i + 1] >= 0x80 &&
		           (unsigned char)s[i + 1] <= 0x9F) {
			snprintf(tmp, sizeof tmp, "\\u%04X", (unsigned char)s[i + 1]);
			tn = 6;
			used = 2;
		} else {
			/* A whole UTF-8 sequence at once, so a cut never splits
			 * one. */
			size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
			if (n > len - i)
				n = len - i;
			memcpy(tmp, s + i, n);
			tn = used = n;
		}
		if (o + tn + 4 > size) { /* room for "..." and NUL */
			cut = true;
			break;
		}
		memcpy(buf + o, tmp, tn);
		o += tn;
		i += used;
	}
	if (cut) {
		size_t dots = size - 1 - o < 3 ? size - 1 - o : 3;
		memcpy(buf + o, "...", dots);
		o += dots;
	}
	buf[o] = '\0';
	return buf;
}

const char *
sc_ynode_quote(const struct sc_ynode *n, char *buf, size_t size)
{
	if (!n || n->kind != SC_Y_SCALAR)
		return quote_bytes("", 0, buf, size);
	return quote_bytes(n->str, n->len, buf, size);
}

/* ---- builder ---------------------------------------------------------- */

struct frame {
	struct ynode_ext *node;
	size_t base; /* first pending child */
	struct sc_arena_mark after; /* the arena just after the node itself */
};

struct builder {
	const struct sc_ylimits *lim;
	const char *file;
	struct sc_diags *d;
	const unsigned char *buf; /* for positions of reader errors */
	size_t len;
	struct sc_arena *ar;
	struct sc_ynode **pending;
	size_t npending, cap_pending;
	struct frame *frames;
	size_t depth, cap_frames;
	size_t nodes;
	size_t ndocs;
	struct sc_ynode *root;
	bool bad; /* a problem that does not stop parsing (duplicate key) */
	const struct sc_ytaker *taker; /* NULL when nothing is taken */
	const struct feed *feed;       /* NULL when libyaml reads buf itself */
};

static int
mark_line(const yaml_mark_t *m)
{
	return m->line < (size_t)INT_MAX ? (int)m->line + 1 : INT_MAX;
}

static int
mark_col(const yaml_mark_t *m)
{
	return m->column < (size_t)INT_MAX ? (int)m->column + 1 : INT_MAX;
}

static struct ynode_ext *
new_node(struct builder *b, enum sc_ykind kind, const yaml_mark_t *at)
{
	struct ynode_ext *x = arena_alloc(b->ar, sizeof *x);
	memset(x, 0, sizeof *x);
	x->pub.kind = kind;
	x->pub.line = mark_line(at);
	x->pub.col = mark_col(at);
	return x;
}

/* Is the list being built (the innermost frame) one the path names?  If so
 * fills at[] with the index of each "*" on the way and then the index the
 * next item will have. */
static bool
path_matches(const struct builder *b, const char *const *path, size_t *at)
{
	size_t len = 0;
	while (path[len])
		len++;
	if (len + 1 != b->depth || len >= SC_YTAKE_MAX_PATH)
		return false;
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		const struct frame *f = &b->frames[i];
		size_t before = b->frames[i + 1].base - f->base;
		if (strcmp(path[i], "*") == 0) {
			if (f->node->pub.kind != SC_Y_SEQ)
				return false;
			at[k++] = before;
			continue;
		}
		if (f->node->pub.kind != SC_Y_MAP || before % 2 == 0)
			return false;
		const struct sc_ynode *key = b->pending[b->frames[i + 1].base - 1];
		size_t n = strlen(path[i]);
		if (key->kind != SC_Y_SCALAR || key->len != n ||
		    memcmp(key->str, path[i], n) != 0)
			return false;
	}
	const struct frame *list = &b->frames[len];
	if (list->node->pub.kind != SC_Y_SEQ)
		return false;
	at[k] = b->npending - list->base;
	return true;
}

/* Hand a finished item of a taken list to the taker; a collection's
 * contents are freed afterwards (`after` marks the arena just after the
 * item's own node). */
static void
maybe_take(struct builder *b, struct ynode_ext *x,
           const struct sc_arena_mark *after)
{
	const struct sc_ytaker *t = b->taker;
	/* Most nodes sit in mappings: only a list's items can be taken. */
	if (!t || b->depth == 0 ||
	    b->frames[b->depth - 1].node->pub.kind != SC_Y_SEQ)
		return;
	size_t at[SC_YTAKE_MAX_PATH];
	for (size_t p = 0; p < t->npaths; p++) {
		if (!path_matches(b, t->paths[p], at))
			continue;
		t->take(t->ud, p, &x->pub, at);
		x->taken = true;
		if (after) {
			sc_arena_rewind(b->ar, after);
			x->pub.items = x->pub.keys = NULL;
			x->pub.n = 0;
		}
		return;
	}
}

/* Give a finished node to its parent (or make it the root). */
static void
attach(struct builder *b, struct sc_ynode *n)
{
	if (b->depth == 0) {
		b->root = n;
		return;
	}
	if (b->npending == b->cap_pending)
		b->pending = sc_xgrow(b->pending, &b->cap_pending,
		                      b->npending + 1, sizeof *b->pending);
	b->pending[b->npending++] = n;
}

static bool
count_node(struct builder *b, const yaml_mark_t *at)
{
	if (++b->nodes <= b->lim->max_nodes)
		return true;
	sc_diags_add(b->d, b->file, mark_line(at), mark_col(at),
	             "too many YAML nodes: the limit is %zu", b->lim->max_nodes);
	return false;
}

static bool
refuse_anchor(struct builder *b, const yaml_char_t *anchor,
              const yaml_mark_t *at)
{
	if (!anchor)
		return true;
	sc_diags_add(b->d, b->file, mark_line(at), mark_col(at),
	             "YAML aliases and anchors are not allowed");
	return false;
}

/* Tags would change what a scalar means behind the reader's back; only the
 * explicit string tag is understood (it makes a scalar text). */
static bool
check_tag(struct builder *b, const yaml_char_t *tag, bool scalar,
          const yaml_mark_t *at)
{
	if (!tag)
		return true;
	if (scalar && strcmp((const char *)tag, YAML_STR_TAG) == 0)
		return true;
	char shown[SC_YQUOTE_SIZE];
	const char *t = (const char *)tag;
	sc_diags_add(b->d, b->file, mark_line(at), mark_col(at),
	             "YAML tags are not allowed (found \"%s\")",
	             quote_bytes(t, strlen(t), shown, sizeof shown));
	return false;
}

static bool
on_scalar(struct builder *b, const yaml_event_t *ev)
{
	const yaml_mark_t *at = &ev->start_mark;
	if (!refuse_anchor(b, ev->data.scalar.anchor, at) ||
	    !check_tag(b, ev->data.scalar.tag, true, at) || !count_node(b, at))
		return false;
	size_t len = ev->data.scalar.length;
	if (len > b->lim->max_scalar) {
		sc_diags_add(b->d, b->file, mark_line(at), mark_col(at),
		             "text is too long: %zu bytes, the limit is %zu", len,
		             b->lim->max_scalar);
		return false;
	}
	struct ynode_ext *x = new_node(b, SC_Y_SCALAR, at);
	x->pub.str = arena_text(b->ar, len + 1);
	if (len)
		memcpy(x->pub.str, ev->data.scalar.value, len);
	x->pub.str[len] = '\0';
	x->pub.len = len;
	yaml_scalar_style_t style = ev->data.scalar.style;
	bool tagged = ev->data.scalar.tag != NULL;
	x->pub.quoted = style != YAML_PLAIN_SCALAR_STYLE || tagged;
	bool one_line = ev->start_mark.line == ev->end_mark.line;
	x->quoted_one = style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	                style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	x->exact_text = one_line && !tagged &&
	                (style == YAML_PLAIN_SCALAR_STYLE || x->quoted_one);
	if (x->exact_text && x->quoted_one) {
		/* Every escape ("\"", "''", "\u00e9") is shorter as text than in
		 * the file, so equal lengths mean the text is the file's. */
		size_t chars = 0;
		for (size_t i = 0; i < len; i++)
			if (((unsigned char)x->pub.str[i] & 0xC0) != 0x80)
				chars++;
		size_t raw = ev->end_mark.column - ev->start_mark.column;
		x->exact_text = raw == chars + 2;
	}
	maybe_take(b, x, NULL);
	attach(b, &x->pub);
	return true;
}

static bool
on_start(struct builder *b, const yaml_event_t *ev, enum sc_ykind kind)
{
	const yaml_mark_t *at = &ev->start_mark;
	const yaml_char_t *anchor = kind == SC_Y_SEQ
	                                    ? ev->data.sequence_start.anchor
	                                    : ev->data.mapping_start.anchor;
	const yaml_char_t *tag = kind == SC_Y_SEQ ? ev->data.sequence_start.tag
	                                          : ev->data.mapping_start.tag;
	if (!refuse_anchor(b, anchor, at) || !check_tag(b, tag, false, at) ||
	    !count_node(b, at))
		return false;
	if (b->depth >= b->lim->max_depth) {
		sc_diags_add(b->d, b->file, mark_line(at), mark_col(at),
		             "nesting is too deep: the limit is %zu levels",
		             b->lim->max_depth);
		return false;
	}
	b->frames = sc_xgrow(b->frames, &b->cap_frames, b->depth + 1,
	                     sizeof *b->frames);
	b->frames[b->depth].node = new_node(b, kind, at);
	b->frames[b->depth].base = b->npending;
	sc_arena_mark(b->ar, &b->frames[b->depth].after);
	b->depth++;
	return true;
}

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211u;
	}
	return h;
}

static bool
same_key(const struct sc_ynode *a, const struct sc_ynode *b)
{
	return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

static void
report_dup(struct builder *b, const struct sc_ynode *first,
           const struct sc_ynode *again)
{
	char shown[SC_YQUOTE_SIZE];
	sc_diags_add(b->d, b->file, again->line, again->col,
	             "duplicate key \"%s\" (first at line %d)",
	             sc_ynode_quote(again, shown, sizeof shown), first->line);
	b->bad = true;
}

/* Duplicate keys, in linear time: small mappings compare pairwise, larger
 * ones go through a temporary open-addressing table. */
static void
check_dup_keys(struct builder *b, struct sc_ynode **keys, size_t n)
{
	if (n <= 16) {
		for (size_t i = 1; i < n; i++) {
			if (keys[i]->kind != SC_Y_SCALAR)
				continue;
			for (size_t j = 0; j < i; j++)
				if (keys[j]->kind == SC_Y_SCALAR &&
				    same_key(keys[j], keys[i])) {
					report_dup(b, keys[j], keys[i]);
					break;
				}
		}
		return;
	}
	size_t size = 32;
	while (size < n * 2)
		size *= 2;
	size_t *slot = sc_xcalloc(size, sizeof *slot); /* key index + 1 */
	for (size_t i = 0; i < n; i++) {
		if (keys[i]->kind != SC_Y_SCALAR)
			continue;
		size_t h = (size_t)hash_bytes(keys[i]->str, keys[i]->len) &
		           (size - 1);
		while (slot[h] && !same_key(keys[slot[h] - 1], keys[i]))
			h = (h + 1) & (size - 1);
		if (slot[h])
			report_dup(b, keys[slot[h] - 1], keys[i]);
		else
			slot[h] = i + 1;
	}
	free(slot);
}

static void
on_end(struct builder *b)
{
	struct frame *f = &b->frames[--b->depth];
	struct sc_ynode *n = &f->node->pub;
	size_t count = b->npending - f->base;
	/* No children of an empty collection: no pointer into `pending`,
	 * which may not exist yet. */
	struct sc_ynode **kids = count ? b->pending + f->base : NULL;
	if (n->kind == SC_Y_SEQ) {
		n->n = count;
		n->items = arena_alloc(b->ar, (count ? count : 1) * sizeof *kids);
		if (count)
			memcpy(n->items, kids, count * sizeof *kids);
	} else {
		/* Mapping events alternate key, value, so count is even. */
		n->n = count / 2;
		n->keys = arena_alloc(b->ar, (n->n ? n->n : 1) * sizeof *kids);
		n->items = arena_alloc(b->ar, (n->n ? n->n : 1) * sizeof *kids);
		for (size_t i = 0; i < n->n; i++) {
			n->keys[i] = kids[2 * i];
			n->items[i] = kids[2 * i + 1];
			if (n->keys[i]->kind != SC_Y_SCALAR) {
				sc_diags_add(b->d, b->file, n->keys[i]->line,
				             n->keys[i]->col,
				             "a mapping key must be text, found %s",
				             sc_ynode_kind_name(n->keys[i]));
				b->bad = true;
			}
		}
		check_dup_keys(b, n->keys, n->n);
	}
	b->npending = f->base;
	maybe_take(b, f->node, &f->after);
	attach(b, n);
}

/* Move a line and column over n bytes, counting characters as libyaml
 * does.  The whole file goes through here as it is read, so line breaks
 * are found with memchr, and characters counted only after the last. */
static void
advance_pos(const unsigned char *p, size_t n, int *line, int *col)
{
	const unsigned char *end = p + n, *from = p, *nl;
	while ((nl = memchr(from, '\n', (size_t)(end - from)))) {
		if (*line < INT_MAX)
			(*line)++;
		*col = 1;
		from = nl + 1;
	}
	for (; from < end; from++)
		*col += (*from & 0xC0) != 0x80;
}

/* The buffer handed to libyaml a piece at a time, for a taker that may
 * reuse what the parser is done with (sc_ytaker.released).  libyaml keeps
 * its own copy of every byte it is handed; the bytes a lag behind are
 * released, and the lag keeps those around a reader error, which libyaml
 * places at most its raw buffer (16 KiB) behind what it was handed, for
 * the error's line and column, counted on from the release point. */
#define FEED_LAG (64u * 1024)

struct feed {
	const unsigned char *buf;
	size_t len, handed, released;
	int line, col; /* where byte `released` is */
};

static int
feed_read(void *data, unsigned char *out, size_t size, size_t *got)
{
	struct feed *f = data;
	size_t n = f->len - f->handed < size ? f->len - f->handed : size;
	if (n)
		memcpy(out, f->buf + f->handed, n);
	f->handed += n;
	*got = n;
	if (f->handed > f->released + FEED_LAG) {
		size_t upto = f->handed - FEED_LAG;
		advance_pos(f->buf + f->released, upto - f->released, &f->line,
		            &f->col);
		f->released = upto;
	}
	return 1;
}

/* Line and column of a byte offset of the input. */
static void
offset_pos(const struct builder *b, size_t off, int *line, int *col)
{
	const struct feed *f = b->feed;
	size_t from = f ? f->released : 0;
	*line = f ? f->line : 1;
	*col = f ? f->col : 1;
	if (off > b->len)
		off = b->len;
	if (off > from)
		advance_pos(b->buf + from, off - from, line, col);
}

static void
report_parser_error(struct builder *b, const yaml_parser_t *p)
{
	if (p->error == YAML_MEMORY_ERROR)
		sc_out_of_memory();
	int line, col;
	if (p->error == YAML_READER_ERROR) {
		offset_pos(b, p->problem_offset, &line, &col);
	} else {
		line = mark_line(&p->problem_mark);
		col = mark_col(&p->problem_mark);
	}
	const char *problem = p->problem ? p->problem : "unknown problem";
	bool same_place = p->context_mark.line == p->problem_mark.line &&
	                  p->context_mark.column == p->problem_mark.column;
	if (p->context && p->error != YAML_READER_ERROR && !same_place)
		sc_diags_add(b->d, b->file, line, col,
		             "YAML syntax error: %s (%s that starts at line %d, "
		             "column %d)",
		             problem, p->context, mark_line(&p->context_mark),
		             mark_col(&p->context_mark));
	else
		sc_diags_add(b->d, b->file, line, col, "YAML syntax error: %s",
		             problem);
}

/* Feed one event to the builder; false stops parsing (already reported). */
static bool
on_event(struct builder *b, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->ndocs > 1) {
			sc_diags_add(b->d, b->file, mark_line(&ev->start_mark),
			             mark_col(&ev->start_mark),
			             "more than one YAML document in the file (a "
			             "second one starts here)");
			return false;
		}
		return true;
	case YAML_ALIAS_EVENT:
		return refuse_anchor(b, ev->data.alias.anchor, &ev->start_mark);
	case YAML_SCALAR_EVENT:
		return on_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return on_start(b, ev, SC_Y_SEQ);
	case YAML_MAPPING_START_EVENT:
		return on_start(b, ev, SC_Y_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		on_end(b);
		return true;
	default:
		return true;
	}
}

static void
ydoc_clear(struct sc_ydoc *doc)
{
	arena_free(doc->arena);
	doc->arena = NULL;
	doc->root = NULL;
}

static enum sc_status
parse(struct sc_ydoc *doc, const unsigned char *buf, size_t len,
      const struct sc_ylimits *lim, const struct sc_ytaker *taker,
      struct sc_diags *d)
{
	struct builder b = {
		.lim = lim, .file = doc->file, .d = d, .buf = buf, .len = len,
		.taker = taker,
	};
	b.ar = sc_xmalloc(sizeof *b.ar);
	sc_arena_init(b.ar, ARENA_BLOCK, ARENA_BLOCK);
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p))
		sc_out_of_memory();
	struct feed feed = {.buf = buf, .len = len, .line = 1, .col = 1};
	size_t told = 0; /* what the taker was last told is released */
	if (taker && taker->released) {
		b.feed = &feed;
		yaml_parser_set_input(&p, feed_read, &feed);
	} else {
		yaml_parser_set_input_string(&p, buf, len);
	}
	bool ok = true, done = false;
	while (ok && !done) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			report_parser_error(&b, &p);
			ok = false;
			break;
		}
		if (b.feed && feed.released > told) {
			told = feed.released;
			taker->released(taker->ud, told);
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		ok = on_event(&b, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	free(b.pending);
	free(b.frames);
	doc->arena = b.ar;
	doc->root = b.root;
	if (!ok || b.bad) {
		ydoc_clear(doc);
		return SC_EDATA;
	}
	return SC_OK;
}

static void
ydoc_start(struct sc_ydoc *doc, const char *name)
{
	doc->file = sc_xstrdup(name ? name : "<input>");
	doc->root = NULL;
	doc->arena = NULL;
}

enum sc_status
sc_ydoc_load_buffer(struct sc_ydoc *doc, const char *name, const char *buf,
                    size_t len, const struct sc_ylimits *limits,
                    struct sc_diags *d)
{
	return sc_ydoc_take_buffer(doc, name, buf, len, limits, NULL, d);
}

enum sc_status
sc_ydoc_take_buffer(struct sc_ydoc *doc, const char *name, const char *buf,
                    size_t len, const struct sc_ylimits *limits,
                    const struct sc_ytaker *taker, struct sc_diags *d)
{
	const struct sc_ylimits *lim = limits ? limits : &sc_ylimits_default;
	ydoc_start(doc, name);
	if (len > lim->max_bytes) {
		sc_diags_add(d, doc->file, 0, 0,
		             "file is too large: %zu bytes, the limit is %zu", len,
		             lim->max_bytes);
		return SC_EDATA;
	}
	return parse(doc, (const unsigned char *)(buf ? buf : ""),
	             buf ? len : 0, lim, taker, d);
}

/* Read at most max + 1 bytes, so an endless or growing file is caught
 * without reading it all.  Reads go straight into the buffer, sized once
 * from `hint` (the size fstat gave, 0 when unknown), so a big file is
 * neither copied nor moved as it grows. */
static enum sc_status
read_bounded(int fd, size_t max, size_t hint, struct sc_buf *out, int *err)
{
	size_t step = hint && hint <= max ? hint + 1 : 65536;
	for (;;) {
		if (!out->data || out->cap - out->len <= 1) {
			out->data = sc_xgrow(out->data, &out->cap,
			                     out->len + step + 1, 1);
			step = 65536;
		}
		size_t room = out->cap - out->len - 1; /* one for the NUL */
		if (room > max + 1 - out->len)
			room = max + 1 - out->len;
		ssize_t r = read(fd, out->data + out->len, room);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*err = errno;
			return SC_ENOINPUT;
		}
		if (r == 0)
			break;
		out->len += (size_t)r;
		if (out->len > max)
			return SC_EDATA;
	}
	out->data[out->len] = '\0';
	return SC_OK;
}

enum sc_status
sc_ydoc_load_file(struct sc_ydoc *doc, const char *path,
                  const struct sc_ylimits *limits, struct sc_diags *d)
{
	return sc_ydoc_take_file(doc, path, limits, NULL, d);
}

enum sc_status
sc_ydoc_read_file(const char *path, const struct sc_ylimits *limits,
                  struct sc_buf *out, struct sc_diags *d)
{
	const struct sc_ylimits *lim = limits ? limits : &sc_ylimits_default;
	const char *name = path ? path : "<input>";
	int fd = path ? open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY) : -1;
	if (!path)
		errno = ENOENT;
	if (fd < 0) {
		sc_diags_add(d, name, 0, 0, "cannot open: %s", strerror(errno));
		return SC_ENOINPUT;
	}
	struct stat st;
	size_t hint = 0;
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			close(fd);
			sc_diags_add(d, name, 0, 0, "cannot open: %s",
			             strerror(EISDIR));
			return SC_ENOINPUT;
		}
		if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > lim->max_bytes) {
			close(fd);
			sc_diags_add(d, name, 0, 0,
			             "file is too large: %jd bytes, the limit is %zu",
			             (intmax_t)st.st_size, lim->max_bytes);
			return SC_EDATA;
		}
		if (S_ISREG(st.st_mode) && st.st_size > 0)
			hint = (size_t)st.st_size;
	}
	int err = 0;
	enum sc_status rs = read_bounded(fd, lim->max_bytes, hint, out, &err);
	close(fd);
	if (rs == SC_ENOINPUT) {
		sc_diags_add(d, name, 0, 0, "cannot read: %s", strerror(err));
		sc_buf_fini(out);
		return SC_ENOINPUT;
	}
	if (rs == SC_EDATA) {
		sc_diags_add(d, name, 0, 0,
		             "file is too large: more than %zu bytes",
		             lim->max_bytes);
		sc_buf_fini(out);
		return SC_EDATA;
	}
	return SC_OK;
}

enum sc_status
sc_ydoc_take_file(struct sc_ydoc *doc, const char *path,
                  const struct sc_ylimits *limits,
                  const struct sc_ytaker *taker, struct sc_diags *d)
{
	const struct sc_ylimits *lim = limits ? limits : &sc_ylimits_default;
	ydoc_start(doc, path);
	struct sc_buf b = {0};
	enum sc_status s = sc_ydoc_read_file(path, lim, &b, d);
	if (s == SC_OK)
		s = parse(doc, (const unsigned char *)sc_buf_str(&b), b.len, lim,
		          taker, d);
	sc_buf_fini(&b);
	return s;
}

void
sc_ydoc_fini(struct sc_ydoc *doc)
{
	if (!doc)
		return;
	ydoc_clear(doc);
	free(doc->file);
	doc->file = NULL;
}

/* ---- queries ---------------------------------------------------------- */

const struct sc_ynode *
sc_ymap_get(const struct sc_ynode *map, const char *key)
{
	if (!map || map->kind != SC_Y_MAP || !key)
		return NULL;
	size_t klen = strlen(key);
	for (size_t i = 0; i < map->n; i++) {
		const struct sc_ynode *k = map->keys[i];
		if (k->kind == SC_Y_SCALAR && k->len == klen &&
		    memcmp(k->str, key, klen) == 0)
			return map->items[i];
	}
	return NULL;
}

static bool
in_list(const char *const *list, const struct sc_ynode *k)
{
	for (; list && *list; list++)
		if (k->len && (*list)[0] == k->str[0] &&
		    strlen(*list) == k->len && memcmp(*list, k->str, k->len) == 0)
			return true;
	return false;
}

bool
sc_ymap_check_keys(const struct sc_ynode *map, const char *const *allowed,
                   const char *const *required, const char *what,
                   const char *file, struct sc_diags *d)
{
	if (!map || map->kind != SC_Y_MAP) {
		sc_diags_add(d, file, map ? map->line : 0, map ? map->col : 0,
		             "%s must be a mapping, found %s", what,
		             sc_ynode_kind_name(map));
		return false;
	}
	bool ok = true;
	for (size_t i = 0; i < map->n; i++) {
		const struct sc_ynode *k = map->keys[i];
		if (k->kind != SC_Y_SCALAR || in_list(allowed, k))
			continue;
		struct sc_buf list = {0};
		for (const char *const *a = allowed; a && *a; a++)
			sc_buf_printf(&list, "%s%s", a == allowed ? "" : ", ", *a);
		char shown[SC_YQUOTE_SIZE];
		sc_diags_add(d, file, k->line, k->col,
		             "unknown key \"%s\" in %s; expected one of: %s",
		             sc_ynode_quote(k, shown, sizeof shown), what,
		             sc_buf_str(&list));
		sc_buf_fini(&list);
		ok = false;
	}
	for (const char *const *r = required; r && *r; r++)
		if (!sc_ymap_get(map, *r)) {
			sc_diags_add(d, file, map->line, map->col, "%s has no \"%s\"",
			             what, *r);
			ok = false;
		}
	return ok;
}

static bool
plain_is(const struct sc_ynode *n, const char *const *words)
{
	/* Every word asked about is short: most text is ruled out at once. */
	if (!n || n->kind != SC_Y_SCALAR || n->quoted || n->len > 5)
		return false;
	for (; *words; words++)
		if ((*words)[0] == n->str[0] && strcmp(n->str, *words) == 0 &&
		    strlen(*words) == n->len)
			return true;
	return false;
}

bool
sc_ynode_is_null(const struct sc_ynode *n)
{
	static const char *const nulls[] = {"~", "null", "Null", "NULL", "", NULL};
	return plain_is(n, nulls);
}

bool
sc_ynode_bool(const struct sc_ynode *n, bool *out)
{
	static const char *const yes[] = {"true", "True", "TRUE", NULL};
	static const char *const no[] = {"false", "False", "FALSE", NULL};
	bool v;
	if (plain_is(n, yes))
		v = true;
	else if (plain_is(n, no))
		v = false;
	else
		return false;
	if (out)
		*out = v;
	return true;
}

/* -?digits(.digits)?([eE][+-]?digits)?, the whole scalar.  Sets *integral
 * when there is neither fraction nor exponent. */
static bool
decimal_syntax(const struct sc_ynode *n, bool *integral)
{
	if (!n || n->kind != SC_Y_SCALAR || n->quoted || n->len == 0 ||
	    n->len > 400)
		return false;
	const char *s = n->str, *end = n->str + n->len;
	if (*s == '-' || *s == '+')
		s++;
	const char *d0 = s;
	while (s < end && *s >= '0' && *s <= '9')
		s++;
	if (s == d0)
		return false;
	*integral = true;
	if (s < end && *s == '.') {
		s++;
		d0 = s;
		while (s < end && *s >= '0' && *s <= '9')
			s++;
		if (s == d0)
			return false;
		*integral = false;
	}
	if (s < end && (*s == 'e' || *s == 'E')) {
		s++;
		if (s < end && (*s == '-' || *s == '+'))
			s++;
		d0 = s;
		while (s < end && *s >= '0' && *s <= '9')
			s++;
		if (s == d0)
			return false;
		*integral = false;
	}
	return s == end;
}

bool
sc_ynode_number(const struct sc_ynode *n, double *out)
{
	bool integral;
	if (!decimal_syntax(n, &integral))
		return false;
	/* strtod honours LC_NUMERIC, which a front end may have set from the
	 * environment; write the locale's decimal point in place of '.'. */
	char tmp[512];
	const char *dp = localeconv()->decimal_point;
	size_t dplen = dp && *dp ? strlen(dp) : 1;
	size_t j = 0;
	for (size_t i = 0; i < n->len && j + dplen < sizeof tmp; i++) {
		if (n->str[i] == '.' && dp && *dp) {
			memcpy(tmp + j, dp, dplen);
			j += dplen;
		} else {
			tmp[j++] = n->str[i];
		}
	}
	tmp[j] = '\0';
	errno = 0;
	char *end;
	double v = strtod(tmp, &end);
	if (*end != '\0' || v != v || v > 1.7976931348623157e308 ||
	    v < -1.7976931348623157e308)
		return false;
	if (out)
		*out = v;
	return true;
}

bool
sc_ynode_int(const struct sc_ynode *n, long long *out)
{
	bool integral;
	if (!decimal_syntax(n, &integral) || !integral)
		return false;
	errno = 0;
	char *end;
	long long v = strtoll(n->str, &end, 10);
	if (errno == ERANGE || *end != '\0')
		return false;
	if (out)
		*out = v;
	return true;
}

const char *
sc_ynode_str(const struct sc_ynode *n)
{
	return n && n->kind == SC_Y_SCALAR ? n->str : NULL;
}

const char *
sc_ynode_kind_name(const struct sc_ynode *n)
{
	if (!n)
		return "nothing";
	switch (n->kind) {
	case SC_Y_MAP: return "a mapping";
	case SC_Y_SEQ: return "a list";
	case SC_Y_SCALAR: break;
	}
	if (sc_ynode_is_null(n))
		return "nothing";
	if (sc_ynode_bool(n, NULL))
		return "a yes/no value";
	if (sc_ynode_number(n, NULL))
		return "a number";
	return "text";
}

void
sc_ynode_spot(const struct sc_ynode *n, struct sc_yspot *out)
{
	const struct ynode_ext *x = (const struct ynode_ext *)n;
	out->line = n ? n->line : 0;
	out->col = n ? n->col : 0;
	out->exact = n && n->kind == SC_Y_SCALAR && x->exact_text;
	out->quoted_one = n && n->kind == SC_Y_SCALAR && x->quoted_one;
}

void
sc_yspot_pos(const struct sc_yspot *s, const char *text, size_t len,
             size_t offset, int *line, int *col)
{
	*line = s->line;
	*col = s->col;
	if (!s->exact)
		return;
	if (offset > len)
		offset = len;
	/* Columns count characters: skip UTF-8 continuation bytes. */
	size_t chars = 0;
	for (size_t i = 0; i < offset; i++)
		if (((unsigned char)text[i] & 0xC0) != 0x80)
			chars++;
	size_t c = (size_t)s->col + chars + (s->quoted_one ? 1 : 0);
	*col = c < (size_t)INT_MAX ? (int)c : INT_MAX;
}

void
sc_ynode_text_pos(const struct sc_ynode *n, size_t offset, int *line,
                  int *col)
{
	struct sc_yspot s;
	sc_ynode_spot(n, &s);
	sc_yspot_pos(&s, n ? n->str : NULL, n ? n->len : 0, offset, line, col);
}

bool
sc_ynode_taken(const struct sc_ynode *n)
{
	return n && ((const struct ynode_ext *)n)->taken;
}

void
sc_ydiag(struct sc_diags *d, const char *file, const struct sc_ynode *n,
         const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sc_diags_vadd(d, file, n ? n->line : 1, n ? n->col : 1, fmt, ap);
	va_end(ap);
}
