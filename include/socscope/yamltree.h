/* A small, bounded YAML document tree on top of libyaml, shared by every
 * loader (questionnaires, answers, themes).  Files come from users, so the
 * loader refuses aliases and anchors, more than one document, and enforces
 * limits on file size, nesting depth, scalar length and node count, each with
 * a FILE:LINE:COL message.  Duplicate mapping keys are errors too. */
#ifndef SOCSCOPE_YAMLTREE_H
#define SOCSCOPE_YAMLTREE_H

#include "socscope/diag.h"

enum sc_ykind { SC_Y_SCALAR, SC_Y_SEQ, SC_Y_MAP };

struct sc_ynode {
	enum sc_ykind kind;
	int line, col; /* 1-based position of the node's first character */
	/* SC_Y_SCALAR */
	char *str;   /* NUL-terminated (may contain NULs if escaped: use len) */
	size_t len;
	bool quoted; /* not a plain scalar: "true" quoted is a string, not a bool */
	/* SC_Y_SEQ: items[0..n); SC_Y_MAP: keys[i] -> items[i] (keys are scalars) */
	struct sc_ynode **items;
	struct sc_ynode **keys;
	size_t n;
};

struct sc_ylimits {
	size_t max_bytes;  /* whole file */
	size_t max_depth;  /* nesting of sequences and mappings */
	size_t max_scalar; /* bytes in one scalar */
	size_t max_nodes;  /* nodes in the document */
};

/* 16 MiB, depth 32, 64 KiB per scalar, 4 million nodes. */
extern const struct sc_ylimits sc_ylimits_default;

struct sc_ydoc {
	char *file;            /* the name used in diagnostics */
	struct sc_ynode *root; /* NULL for an empty document */
	void *arena;           /* private */
};

/* Parse a file.  Returns SC_ENOINPUT (with a diagnostic at line 0) when it
 * cannot be opened or read, SC_EDATA on any YAML problem or limit, SC_OK
 * otherwise.  `limits` may be NULL for the defaults.  On failure the doc is
 * left empty but must still be finalised. */
enum sc_status
sc_ydoc_load_file(struct sc_ydoc *doc, const char *path,
                  const struct sc_ylimits *limits, struct sc_diags *d);
/* The same for a buffer; `name` is used in diagnostics. */
enum sc_status
sc_ydoc_load_buffer(struct sc_ydoc *doc, const char *name, const char *buf,
                    size_t len, const struct sc_ylimits *limits,
                    struct sc_diags *d);
void
sc_ydoc_fini(struct sc_ydoc *doc);

/* Only the reading of sc_ydoc_load_file, with its limit and messages:
 * the file's bytes into `out` (NUL-terminated; emptied on failure), for a
 * caller that parses them with sc_ydoc_take_buffer and has a use for the
 * memory afterwards. */
enum sc_status
sc_ydoc_read_file(const char *path, const struct sc_ylimits *limits,
                  struct sc_buf *out, struct sc_diags *d);

/* Loading with long lists taken an item at a time, so that a big file is
 * never held whole as a tree.  Each path names a list by the keys that lead
 * to it from the root mapping, "*" standing for any item of a list on the
 * way: {"sections", "*", "questions", NULL}.  Every item of such a list goes
 * to take() as soon as it is complete, with `which` (the path's index) and
 * at[]: the index of each "*" on the way, then the item's own index.  Once
 * take() returns, what a mapping or list item holds is freed and it stays
 * in its list as an empty stub, for which sc_ynode_taken() is true; so
 * take() keeps no pointer into the item (text is copied; a position inside
 * a scalar's text is kept as a struct sc_yspot).  Items are taken even when
 * the file turns out to be bad later on: a taker's findings are worth
 * nothing unless the load returns SC_OK.
 *
 * When released is given, the parser calls it as it is done with the
 * buffer's bytes, with how many from the start it will never read again:
 * a taker that owns the buffer (whatever the const says) may write over
 * those, and so put what it builds in memory already touched. */
#define SC_YTAKE_MAX_PATH 8
struct sc_ytaker {
	const char *const *const *paths;
	size_t npaths;
	void (*take)(void *ud, size_t which, const struct sc_ynode *item,
	             const size_t *at);
	void *ud;
	void (*released)(void *ud, size_t upto); /* NULL: the buffer is kept */
};

enum sc_status
sc_ydoc_take_file(struct sc_ydoc *doc, const char *path,
                  const struct sc_ylimits *limits,
                  const struct sc_ytaker *taker, struct sc_diags *d);
enum sc_status
sc_ydoc_take_buffer(struct sc_ydoc *doc, const char *name, const char *buf,
                    size_t len, const struct sc_ylimits *limits,
                    const struct sc_ytaker *taker, struct sc_diags *d);
/* Was this item handed to a taker (and emptied)? */
bool
sc_ynode_taken(const struct sc_ynode *n);

/* The value for `key` in a mapping, or NULL (also when `map` is not a map). */
const struct sc_ynode *
sc_ymap_get(const struct sc_ynode *map, const char *key);

/* Report unknown keys of `map` ("unknown key \"x\" in question \"q1\"; expected
 * one of: a, b, c") and missing required ones ("question \"q1\" has no \"text\"").
 * `allowed` and `required` are NULL-terminated; `what` names the object.
 * Returns false when anything was reported. */
bool
sc_ymap_check_keys(const struct sc_ynode *map, const char *const *allowed,
                   const char *const *required, const char *what,
                   const char *file, struct sc_diags *d);

/* Scalar conversions.  Each returns false when the node is not a scalar of
 * that kind (plain true/false for bools; decimal numbers for numbers). */
bool
sc_ynode_is_null(const struct sc_ynode *n); /* plain ~, null, or empty */
bool
sc_ynode_bool(const struct sc_ynode *n, bool *out);
bool
sc_ynode_number(const struct sc_ynode *n, double *out);
bool
sc_ynode_int(const struct sc_ynode *n, long long *out);
/* A scalar's text, or NULL when the node is not a scalar. */
const char *
sc_ynode_str(const struct sc_ynode *n);
/* "a mapping", "a list", "text", used in "expected X, found Y" messages. */
const char *
sc_ynode_kind_name(const struct sc_ynode *n);

/* Where byte `offset` of a scalar's text sits in the file: exact for plain
 * scalars on one line and for quoted ones on one line without escapes (the
 * quote counted), else the node's own position.  Used to point at the
 * column of an error inside an expression. */
void
sc_ynode_text_pos(const struct sc_ynode *n, size_t offset, int *line,
                  int *col);

/* What sc_ynode_text_pos needs of a scalar, kept apart from the tree so it
 * outlives it; sc_yspot_pos is then given the scalar's text. */
struct sc_yspot {
	int line, col;
	bool exact;      /* text offsets map to columns */
	bool quoted_one; /* opened by one quote character */
};
void
sc_ynode_spot(const struct sc_ynode *n, struct sc_yspot *out);
void
sc_yspot_pos(const struct sc_yspot *s, const char *text, size_t len,
             size_t offset, int *line, int *col);

/* A scalar's text for a message, made safe to print on one line: control
 * characters and quotes escaped, cut with "..." to fit `size` bytes
 * (SC_YQUOTE_SIZE is a good size).  Returns buf; "" for a non-scalar. */
#define SC_YQUOTE_SIZE 96
const char *
sc_ynode_quote(const struct sc_ynode *n, char *buf, size_t size);

/* Add a diagnostic at node `n` (line 1, column 1 when n is NULL): the one
 * way the loaders report a problem with a node. */
void
sc_ydiag(struct sc_diags *d, const char *file, const struct sc_ynode *n,
         const char *fmt, ...) SC_PRINTF(4, 5);

#endif
