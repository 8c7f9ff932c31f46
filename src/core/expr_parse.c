/* The parser and checker of the expression language.
 *
 * Compiling is two passes over a small syntax tree.  The parser turns tokens
 * into the tree, reporting syntax errors in Lua's tone with the column of
 * the offending token.  The checker then resolves question names, checks
 * types and choice ids, and emits the compact form of expr_internal.h that
 * expr_eval.c runs.  The tree and the checker's growing arrays live in a
 * scratch arena, its first block on the stack, thrown away after
 * compiling: a short expression costs one allocation, for its result. */
#include "expr_internal.h"

#include "arena.h"
#include "expr_arena.h"

#include "socscope/date.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- The syntax tree ------------------------------------------------- */

enum ast_kind {
	A_NUM, A_STR, A_TRUE, A_FALSE, A_NAME, A_CALL, A_LIST,
	A_AND, A_OR, A_NOT, A_CMP,
	A_DUR, /* a duration: num units of `unit` */
	A_ADD, /* kids[0] op kids[1], op XT_PLUS or XT_MINUS */
};

struct ast {
	enum ast_kind kind;
	enum xtok op;     /* A_CMP: the operator */
	int col;          /* where the node's text starts */
	int opcol;        /* A_CMP: the operator; A_CALL: its "(" */
	double num;       /* A_NUM, A_DUR */
	char unit;        /* A_DUR */
	char *str;        /* A_STR: decoded text; A_NAME, A_CALL: the name */
	struct ast *kids; /* operands, arguments, list items */
	struct ast *last;
	size_t nkids;
	struct ast *next; /* next sibling */
};

struct parser {
	struct xlexer lx;
	struct xtoken tok; /* the current (lookahead) token */
	struct sc_expr_error *err;
	int depth;
	struct sc_arena *scratch;
};

static struct ast *
new_ast(struct parser *p, enum ast_kind kind, int col)
{
	struct ast *a = sc_arena_calloc(p->scratch, 1, sizeof *a);
	a->kind = kind;
	a->col = col;
	return a;
}

static void
add_kid(struct ast *parent, struct ast *kid)
{
	if (parent->last)
		parent->last->next = kid;
	else
		parent->kids = kid;
	parent->last = kid;
	parent->nkids++;
}

static bool
advance(struct parser *p)
{
	return sc_xlex_next(&p->lx, &p->tok);
}

/* Quote the current token for a message: "]", "foo", or the end. */
static bool
unexpected(struct parser *p)
{
	const struct xtoken *t = &p->tok;
	if (t->kind == XT_EOF)
		return sc_xerror(p->err, t->col,
		                 "unexpected end of the expression");
	char text[40];
	sc_xecho(text, 32, p->lx.src + t->pos, t->len);
	/* A string shows its own quotes; anything else gets ours. */
	const char *q = t->kind == XT_STRING ? "" : "\"";
	return sc_xerror(p->err, t->col, "unexpected %s%s%s", q, text, q);
}

/* Brackets, calls and "not" each open a level; the limit keeps both the
 * parser's and the evaluator's recursion shallow. */
static bool
enter_level(struct parser *p, int col)
{
	if (++p->depth > SC_EXPR_MAX_DEPTH)
		return sc_xerror(p->err, col,
		                 "expression nested too deeply (more than %d "
		                 "levels)", SC_EXPR_MAX_DEPTH);
	return true;
}

static void
leave_level(struct parser *p)
{
	p->depth--;
}

/* The closing token `what` must come now; it closes `open` at `col`. */
static bool
expect_close(struct parser *p, enum xtok what, enum xtok open, int col)
{
	if (p->tok.kind != what) {
		sc_xerror(p->err, p->tok.col,
		          "\"%s\" expected (to close \"%s\" at column %d)",
		          sc_xtok_text(what), sc_xtok_text(open), col);
		p->err->related_col = col;
		return false;
	}
	return advance(p);
}

static struct ast *subexpr(struct parser *p, int limit);

/* Binding power of the binary operators (0: not one).  Equal left and
 * right powers make an operator left-associative; the comparisons are
 * also refused in a chain by subexpr.  "not" binds between "and" and the
 * comparisons, so `not a == b` is `not (a == b)`. */
enum { PRIO_OR = 1, PRIO_AND = 2, PRIO_NOT = 3, PRIO_COMPARE = 4,
       PRIO_ADD = 5 };
static const struct {
	unsigned char left, right;
} binary_prio[XT_COUNT_] = {
	[XT_OR] = {PRIO_OR, PRIO_OR},
	[XT_AND] = {PRIO_AND, PRIO_AND},
	[XT_EQ] = {PRIO_COMPARE, PRIO_COMPARE},
	[XT_NE] = {PRIO_COMPARE, PRIO_COMPARE},
	[XT_LT] = {PRIO_COMPARE, PRIO_COMPARE},
	[XT_LE] = {PRIO_COMPARE, PRIO_COMPARE},
	[XT_GT] = {PRIO_COMPARE, PRIO_COMPARE},
	[XT_GE] = {PRIO_COMPARE, PRIO_COMPARE},
	[XT_IN] = {PRIO_COMPARE, PRIO_COMPARE},
	[XT_PLUS] = {PRIO_ADD, PRIO_ADD},
	[XT_MINUS] = {PRIO_ADD, PRIO_ADD},
};

/* list    := "[" [ literal { "," literal } ] "]"
 * literal := NUMBER | STRING | true | false */
static struct ast *
parse_list(struct parser *p)
{
	int col = p->tok.col;
	if (!enter_level(p, col) || !advance(p))
		return NULL;
	struct ast *list = new_ast(p, A_LIST, col);
	if (p->tok.kind != XT_RBRACKET) {
		for (;;) {
			struct ast *item;
			const struct xtoken *t = &p->tok;
			switch (t->kind) {
			case XT_NUMBER:
				item = new_ast(p, A_NUM, t->col);
				item->num = t->num;
				break;
			case XT_STRING:
				item = new_ast(p, A_STR, t->col);
				item->str = sc_arena_strndup(p->scratch, t->str,
				                             t->slen);
				break;
			case XT_TRUE:
			case XT_FALSE:
				item = new_ast(p, t->kind == XT_TRUE ? A_TRUE
				                                    : A_FALSE,
				               t->col);
				break;
			case XT_NAME:
			case XT_LPAREN:
			case XT_LBRACKET:
			case XT_NOT:
				if (t->kind == XT_NAME)
					sc_xerror(p->err, t->col,
					          "a list may only hold numbers, "
					          "strings, true and false (a "
					          "choice id goes in quotes: "
					          "\"%.*s\")", (int)t->slen,
					          t->str);
				else
					sc_xerror(p->err, t->col,
					          "a list may only hold numbers, "
					          "strings, true and false");
				return NULL;
			default:
				unexpected(p);
				return NULL;
			}
			add_kid(list, item);
			if (!advance(p))
				return NULL;
			if (p->tok.kind != XT_COMMA)
				break;
			if (!advance(p))
				return NULL;
		}
	}
	if (!expect_close(p, XT_RBRACKET, XT_LBRACKET, col))
		return NULL;
	leave_level(p);
	return list;
}

/* call := NAME "(" [ expr { "," expr } ] ")"   (the NAME is read) */
static struct ast *
parse_call(struct parser *p, struct ast *call)
{
	int col = p->tok.col;
	call->kind = A_CALL;
	call->opcol = col;
	if (!enter_level(p, col) || !advance(p))
		return NULL;
	if (p->tok.kind != XT_RPAREN) {
		for (;;) {
			struct ast *arg = subexpr(p, 0);
			if (!arg)
				return NULL;
			add_kid(call, arg);
			if (p->tok.kind != XT_COMMA)
				break;
			if (!advance(p))
				return NULL;
		}
	}
	if (!expect_close(p, XT_RPAREN, XT_LPAREN, col))
		return NULL;
	leave_level(p);
	return call;
}

/* primary := NUMBER | DURATION | STRING | true | false | list
 *          | NAME | NAME "(" [ expr { "," expr } ] ")" | "(" expr ")" */
static struct ast *
parse_primary(struct parser *p)
{
	const struct xtoken *t = &p->tok;
	struct ast *a;
	int col = t->col;
	switch (t->kind) {
	case XT_NUMBER:
		a = new_ast(p, A_NUM, col);
		a->num = t->num;
		break;
	case XT_STRING:
		a = new_ast(p, A_STR, col);
		a->str = sc_arena_strndup(p->scratch, t->str, t->slen);
		break;
	case XT_DURATION:
		a = new_ast(p, A_DUR, col);
		a->num = t->num;
		a->unit = t->unit;
		break;
	case XT_TRUE:
		a = new_ast(p, A_TRUE, col);
		break;
	case XT_FALSE:
		a = new_ast(p, A_FALSE, col);
		break;
	case XT_LBRACKET:
		return parse_list(p);
	case XT_NAME:
		a = new_ast(p, A_NAME, col);
		a->str = sc_arena_strndup(p->scratch, t->str, t->slen);
		if (!advance(p))
			return NULL;
		return p->tok.kind == XT_LPAREN ? parse_call(p, a) : a;
	case XT_LPAREN:
		if (!enter_level(p, col) || !advance(p))
			return NULL;
		a = subexpr(p, 0);
		if (!a || !expect_close(p, XT_RPAREN, XT_LPAREN, col))
			return NULL;
		leave_level(p);
		return a;
	default:
		unexpected(p);
		return NULL;
	}
	return advance(p) ? a : NULL;
}

static bool
is_comparison(enum xtok k)
{
	return binary_prio[k].left == PRIO_COMPARE;
}

/* A chain of "and" (or of "or") becomes one node with many operands, so a
 * long chain does not make a deep tree. */
static struct ast *
make_binary(struct parser *p, enum xtok op, int opcol, struct ast *left,
            struct ast *right)
{
	enum ast_kind kind = op == XT_AND  ? A_AND
	                     : op == XT_OR ? A_OR
	                     : op == XT_PLUS || op == XT_MINUS ? A_ADD
	                                                       : A_CMP;
	if ((kind == A_AND || kind == A_OR) && left->kind == kind) {
		add_kid(left, right);
		return left;
	}
	struct ast *a = new_ast(p, kind, left->col);
	a->op = op;
	a->opcol = opcol;
	add_kid(a, left);
	add_kid(a, right);
	return a;
}

/* expr    := or
 * or      := and { "or" and }
 * and     := not { "and" not }
 * not     := "not" not | compare
 * compare := sum [ op sum ]
 * sum     := primary { ("+" | "-") primary }     (dates and durations)
 *
 * All six rules are this one function: it reads a "not" or a primary,
 * then takes binary operators that bind tighter than `limit`, using
 * binary_prio for how tightly each binds. */
static struct ast *
subexpr(struct parser *p, int limit)
{
	struct ast *left;
	if (p->tok.kind == XT_NOT) {
		int col = p->tok.col;
		if (limit >= PRIO_COMPARE)
			return sc_xerror(p->err, col,
			                 "\"not\" cannot start the right side "
			                 "of a comparison; use parentheses"),
			       NULL;
		if (!enter_level(p, col) || !advance(p))
			return NULL;
		struct ast *operand = subexpr(p, PRIO_NOT);
		if (!operand)
			return NULL;
		leave_level(p);
		left = new_ast(p, A_NOT, col);
		left->opcol = col;
		add_kid(left, operand);
	} else {
		left = parse_primary(p);
		if (!left)
			return NULL;
	}

	bool compared = false;
	for (;;) {
		enum xtok op = p->tok.kind;
		int prio = binary_prio[op].left;
		if (prio == 0 || prio <= limit)
			break;
		int opcol = p->tok.col;
		if (is_comparison(op)) {
			if (compared)
				return sc_xerror(p->err, opcol,
				                 "comparisons cannot be chained;"
				                 " use \"and\""),
				       NULL;
			compared = true;
		}
		if (!advance(p))
			return NULL;
		struct ast *right = subexpr(p, binary_prio[op].right);
		if (!right)
			return NULL;
		left = make_binary(p, op, opcol, left, right);
	}
	return left;
}

/* ---- Checking and emitting ------------------------------------------- */

/* What an operand is, as far as comparing goes. */
enum vtype {
	VT_COND,   /* true or false: conditions, true, false */
	VT_YESNO,  /* a yes/no question: true, false or unsure, or no value */
	VT_NUM,    /* a number literal, number question or count() */
	VT_TEXT,   /* a text question */
	VT_STRLIT, /* a string literal: text, a choice id or "unsure" */
	VT_CHOICE, /* a single-choice question */
	VT_MULTI,  /* a multiple-choice question */
	VT_LIST,   /* a list literal */
	VT_DATE,   /* a date question, today, or a date plus a duration */
	VT_DUR,    /* a duration literal: 30d, 6m */
};

enum func { F_NONE, F_ANSWERED, F_SELECTED, F_COUNT, F_MONTHS, F_DAYS,
            F_TODAY };

struct vinfo {
	enum vtype t;
	enum func fn;
	struct sc_expr_question qn; /* names and calls: the question named */
	size_t qi;                  /* and its index */
};

/* The expression being emitted; its arrays grow in the scratch arena. */
struct xwork {
	struct xnode *nodes;
	size_t nnodes, capnodes;
	size_t *kids;
	size_t nkids, capkids;
	char *strs;
	size_t nstrs, capstrs;
	size_t *deps;
	size_t ndeps, capdeps;
	size_t root;
};

struct checker {
	const struct sc_expr_scope *scope;
	struct sc_expr_error *err;
	struct xwork *e;
	struct sc_arena *scratch;
};

/* sc_xgrow in the scratch arena: the old array is left behind, which at
 * doubling sizes costs at most as much again. */
static void *
grow(struct checker *c, void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	if (n > SIZE_MAX / size)
		sc_out_of_memory();
	void *q = sc_arena_alloc(c->scratch, n * size);
	if (*cap)
		memcpy(q, p, *cap * size);
	*cap = n;
	return q;
}

#define NO_NODE SIZE_MAX

static size_t
emit(struct checker *c, enum xnode_op op)
{
	struct xwork *e = c->e;
	e->nodes = grow(c, e->nodes, &e->capnodes, e->nnodes + 1,
	                sizeof *e->nodes);
	memset(&e->nodes[e->nnodes], 0, sizeof *e->nodes);
	e->nodes[e->nnodes].op = (unsigned char)op;
	return e->nnodes++;
}

static struct xnode *
node(struct checker *c, size_t i)
{
	return &c->e->nodes[i];
}

/* Append to the kids pool; returns the position. */
static size_t
push_kid(struct checker *c, size_t v)
{
	struct xwork *e = c->e;
	e->kids = grow(c, e->kids, &e->capkids, e->nkids + 1, sizeof *e->kids);
	e->kids[e->nkids] = v;
	return e->nkids++;
}

static size_t
push_str(struct checker *c, const char *s)
{
	struct xwork *e = c->e;
	size_t n = strlen(s) + 1, off = e->nstrs;
	e->strs = grow(c, e->strs, &e->capstrs, e->nstrs + n, 1);
	memcpy(e->strs + off, s, n);
	e->nstrs += n;
	return off;
}

static void
add_dep(struct checker *c, size_t qi)
{
	struct xwork *e = c->e;
	for (size_t i = 0; i < e->ndeps; i++)
		if (e->deps[i] == qi)
			return;
	e->deps = grow(c, e->deps, &e->capdeps, e->ndeps + 1, sizeof *e->deps);
	e->deps[e->ndeps++] = qi;
}

static size_t
emit_q(struct checker *c, enum xnode_op op, size_t qi)
{
	size_t n = emit(c, op);
	node(c, n)->q = qi;
	add_dep(c, qi);
	return n;
}

static const char *
qtype_words(enum sc_qtype t)
{
	switch (t) {
	case SC_Q_YESNO: return "a yes/no question";
	case SC_Q_SINGLE: return "a single-choice question";
	case SC_Q_MULTI: return "a multiple-choice question";
	case SC_Q_NUMBER: return "a number question";
	case SC_Q_TEXT: return "a text question";
	case SC_Q_DATE: return "a date question";
	}
	return "a question";
}

static char
fold(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

/* Edit distance, ignoring case (insertions, deletions, substitutions, swaps of two
 * neighbours), for "did you mean".  Long words are not compared. */
#define SUGGEST_MAX 64
static size_t
distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > SUGGEST_MAX || m > SUGGEST_MAX)
		return SIZE_MAX;
	size_t d[SUGGEST_MAX + 1][SUGGEST_MAX + 1];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			size_t best = d[i - 1][j - 1] +
			              (fold(a[i - 1]) != fold(b[j - 1]));
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[n][m];
}

/* Is `cand` close enough to `typed` to suggest, and closer than *best? */
static bool
closer(const char *typed, const char *cand, size_t *best)
{
	if (!cand)
		return false;
	size_t len = strlen(typed), dist = distance(typed, cand);
	size_t allowed = len < 4 ? 1 : len / 3;
	if (dist > allowed || dist >= *best)
		return false;
	*best = dist;
	return true;
}

static const struct sc_expr_names *
names(const struct checker *c)
{
	return c->scope ? c->scope->names : NULL;
}

/* The id of question i, or NULL. */
static const char *
question_id(const struct checker *c, size_t i)
{
	struct sc_expr_question qn = {0};
	names(c)->question(names(c)->ud, i, &qn);
	return qn.id;
}

/* The id of choice k of question qi ("" when it has none). */
static const char *
choice_id(const struct checker *c, size_t qi, size_t k)
{
	const char *id = names(c)->choice(names(c)->ud, qi, k);
	return id ? id : "";
}

/* "unknown question", with the nearest question that may be named here. */
static void
unknown_question(struct checker *c, const char *name, int col)
{
	const struct sc_expr_names *nm = names(c);
	const char *hint = NULL;
	size_t best = SIZE_MAX;
	if (nm) {
		size_t end = c->scope->limit < nm->count ? c->scope->limit
		                                          : nm->count;
		for (size_t i = 0; i < end; i++) {
			const char *id = question_id(c, i);
			if (closer(name, id, &best))
				hint = id;
		}
	}
	if (hint)
		sc_xerror(c->err, col,
		          "unknown question \"%s\"; did you mean \"%s\"?", name,
		          hint);
	else
		sc_xerror(c->err, col, "unknown question \"%s\"", name);
}

/* Resolve a question name, within the scope's limit, into v. */
static bool
resolve(struct checker *c, const char *name, int col, struct vinfo *v)
{
	const struct sc_expr_names *nm = names(c);
	size_t qi = nm ? nm->find(nm->ud, name) : SIZE_MAX;
	if (qi >= (nm ? nm->count : 0)) {
		unknown_question(c, name, col);
		return false;
	}
	size_t limit = c->scope->limit;
	if (qi >= limit) {
		const char *owner = c->scope->owner;
		const char *oid = limit < nm->count ? question_id(c, limit) : NULL;
		if (oid) {
			if (qi == limit)
				sc_xerror(c->err, col,
				          "question \"%s\" cannot depend on its "
				          "own answer", name);
			else
				sc_xerror(c->err, col,
				          "question \"%s\" is not asked before "
				          "question \"%s\" (show_if may only "
				          "name earlier questions)", name, oid);
		} else if (owner) {
			sc_xerror(c->err, col,
			          "question \"%s\" is not asked before %s",
			          name, owner);
		} else {
			sc_xerror(c->err, col,
			          "question \"%s\" cannot be named here", name);
		}
		return false;
	}
	v->qi = qi;
	nm->question(nm->ud, qi, &v->qn);
	if (!v->qn.id)
		v->qn.id = name;
	/* The compiled form keeps these in 32 bits (expr_internal.h). */
	if (qi > XIDX_MAX || v->qn.nchoices > XIDX_MAX) {
		sc_xerror(c->err, col,
		          "question \"%s\" is past the questions or choices an "
		          "expression can name", name);
		return false;
	}
	return true;
}

/* Choice index of `id` in qn, or -1 with the message listing the choices. */
static long
resolve_choice(struct checker *c, const struct vinfo *v, const char *id,
               int col)
{
	const struct sc_expr_question *qn = &v->qn;
	const struct sc_expr_names *nm = names(c);
	for (size_t i = 0; i < qn->nchoices; i++) {
		const char *cid = nm->choice(nm->ud, v->qi, i);
		if (cid && strcmp(cid, id) == 0)
			return (long)i;
	}
	char list[160];
	size_t o = 0;
	list[0] = '\0';
	for (size_t i = 0; i < qn->nchoices && o < sizeof list; i++) {
		const char *cid = nm->choice(nm->ud, v->qi, i);
		int w = snprintf(list + o, sizeof list - o, "%s%s",
		                 i ? ", " : "", cid ? cid : "?");
		if (w < 0)
			break;
		o += (size_t)w;
	}
	if (o >= sizeof list)
		memcpy(list + sizeof list - 4, "...", 4);
	char typed[56];
	sc_xecho(typed, 48, id, strlen(id));
	const char *hint = NULL;
	size_t best = SIZE_MAX;
	for (size_t i = 0; i < qn->nchoices; i++) {
		const char *cid = nm->choice(nm->ud, v->qi, i);
		if (closer(id, cid, &best))
			hint = cid;
	}
	if (hint)
		sc_xerror(c->err, col,
		          "unknown choice \"%s\" for question \"%s\"; did you "
		          "mean \"%s\"? (choices: %s)", typed, qn->id, hint,
		          list);
	else
		sc_xerror(c->err, col,
		          "unknown choice \"%s\" for question \"%s\" "
		          "(choices: %s)", typed, qn->id, list);
	return -1;
}

static const char *
func_name(enum func f)
{
	switch (f) {
	case F_ANSWERED: return "answered";
	case F_SELECTED: return "selected";
	case F_COUNT: return "count";
	case F_MONTHS: return "months_between";
	case F_DAYS: return "days_between";
	case F_TODAY: return "today";
	case F_NONE: break;
	}
	return "?";
}

static const char *
vtype_words(enum vtype t)
{
	switch (t) {
	case VT_COND: case VT_YESNO: return "true or false";
	case VT_NUM: return "a number";
	case VT_TEXT: case VT_STRLIT: case VT_CHOICE: return "text";
	case VT_MULTI: return "several choices";
	case VT_LIST: return "a list";
	case VT_DATE: return "a date";
	case VT_DUR: return "a duration";
	}
	return "?";
}

static bool classify(struct checker *c, const struct ast *x,
                     struct vinfo *v);

/* Is the string literal x a date?  Says why not at its column. */
static bool
date_literal(struct checker *c, const struct ast *x, sc_day *day)
{
	const char *why = NULL;
	if (sc_date_parse(x->str, day, &why))
		return true;
	char shown[56];
	sc_xecho(shown, 48, x->str, strlen(x->str));
	return sc_xerror(c->err, x->col, "\"%s\" is not a date: %s", shown,
	                 why);
}

/* An operand that must be a date: a date value, or a string that is one. */
static bool
want_date(struct checker *c, const struct ast *x, const struct vinfo *v,
          const char *what)
{
	sc_day day;
	if (v->t == VT_DATE)
		return true;
	if (v->t == VT_STRLIT)
		return date_literal(c, x, &day);
	return sc_xerror(c->err, x->col, "%s needs a date, found %s", what,
	                 v->t == VT_DUR ? "a duration"
	                 : v->t == VT_NUM ? "a number"
	                 : v->t == VT_TEXT ? "text"
	                 : v->t == VT_CHOICE ? "a choice"
	                 : v->t == VT_MULTI ? "several choices"
	                 : v->t == VT_LIST ? "a list"
	                                   : "true or false");
}

/* months_between(a, b), days_between(a, b): two dates, a number. */
static bool
classify_between(struct checker *c, const struct ast *x, struct vinfo *v)
{
	v->fn = x->str[0] == 'm' ? F_MONTHS : F_DAYS;
	if (x->nkids != 2)
		return sc_xerror(c->err,
		                 x->nkids > 2 ? x->kids->next->next->col
		                              : x->opcol + 1,
		                 "%s() takes two dates, as in %s(period_end, "
		                 "today)", func_name(v->fn), func_name(v->fn));
	char what[40];
	snprintf(what, sizeof what, "%s()", func_name(v->fn));
	for (const struct ast *a = x->kids; a; a = a->next) {
		struct vinfo av;
		if (!classify(c, a, &av) || !want_date(c, a, &av, what))
			return false;
	}
	v->t = VT_NUM;
	return true;
}

/* Check a call's name and first argument (a question name). */
static bool
classify_call(struct checker *c, const struct ast *x, struct vinfo *v)
{
	if (strcmp(x->str, "answered") == 0)
		v->fn = F_ANSWERED;
	else if (strcmp(x->str, "selected") == 0)
		v->fn = F_SELECTED;
	else if (strcmp(x->str, "count") == 0)
		v->fn = F_COUNT;
	else if (strcmp(x->str, "months_between") == 0 ||
	         strcmp(x->str, "days_between") == 0)
		return classify_between(c, x, v);
	else
		return sc_xerror(c->err, x->col,
		                 "unknown function \"%s\"; expected answered, "
		                 "selected, count, months_between or "
		                 "days_between", x->str);
	const char *fn = func_name(v->fn);
	if (v->fn == F_SELECTED) {
		if (x->nkids < 2)
			return sc_xerror(c->err, x->nkids ? x->kids->col
			                                   : x->opcol + 1,
			                 "selected() takes a question and one or "
			                 "more choice ids, as in selected(q, "
			                 "\"a\", \"b\")");
	} else if (x->nkids != 1) {
		return sc_xerror(c->err,
		                 x->nkids ? x->kids->next->col : x->opcol + 1,
		                 "%s() takes exactly one question name", fn);
	}
	const struct ast *arg = x->kids;
	if (arg->kind != A_NAME)
		return sc_xerror(c->err, arg->col,
		                 "the first argument of %s() must be a "
		                 "question name", fn);
	if (!resolve(c, arg->str, arg->col, v))
		return false;
	if (v->fn == F_SELECTED && v->qn.type != SC_Q_SINGLE &&
	    v->qn.type != SC_Q_MULTI)
		return sc_xerror(c->err, arg->col,
		                 "selected() needs a single- or "
		                 "multiple-choice question, and \"%s\" is %s",
		                 arg->str, qtype_words(v->qn.type));
	v->t = v->fn == F_COUNT ? VT_NUM : VT_COND;
	return true;
}

/* Work out what an operand is, resolving any question it names. */
static bool
classify(struct checker *c, const struct ast *x, struct vinfo *v)
{
	memset(v, 0, sizeof *v);
	switch (x->kind) {
	case A_NUM: v->t = VT_NUM; return true;
	case A_STR: v->t = VT_STRLIT; return true;
	case A_LIST: v->t = VT_LIST; return true;
	case A_DUR: v->t = VT_DUR; return true;
	case A_ADD: {
		/* date + duration, date - duration */
		const struct ast *l = x->kids, *r = l->next;
		struct vinfo lv, rv;
		const char *op = x->op == XT_PLUS ? "\"+\"" : "\"-\"";
		if (!classify(c, l, &lv))
			return false;
		if (lv.t == VT_STRLIT) {
			sc_day day;
			if (!date_literal(c, l, &day))
				return false;
		} else if (lv.t != VT_DATE) {
			return sc_xerror(c->err, x->opcol,
			                 "%s only adds a duration to a date or "
			                 "takes one from it, as in today - 6m; "
			                 "there is no arithmetic on %s", op,
			                 vtype_words(lv.t));
		}
		if (!classify(c, r, &rv))
			return false;
		if (rv.t != VT_DUR)
			return sc_xerror(c->err, r->col,
			                 "%s after a date needs a duration, as in "
			                 "30d, 2w, 6m or 1y", op);
		v->t = VT_DATE;
		return true;
	}
	case A_TRUE: case A_FALSE: case A_AND: case A_OR: case A_NOT:
	case A_CMP:
		v->t = VT_COND;
		return true;
	case A_CALL:
		return classify_call(c, x, v);
	case A_NAME:
		if (strcmp(x->str, "today") == 0) {
			v->t = VT_DATE;
			v->fn = F_TODAY;
			return true;
		}
		if (!resolve(c, x->str, x->col, v))
			return false;
		switch (v->qn.type) {
		case SC_Q_DATE: v->t = VT_DATE; break;
		case SC_Q_YESNO: v->t = VT_YESNO; break;
		case SC_Q_SINGLE: v->t = VT_CHOICE; break;
		case SC_Q_MULTI: v->t = VT_MULTI; break;
		case SC_Q_NUMBER: v->t = VT_NUM; break;
		case SC_Q_TEXT: v->t = VT_TEXT; break;
		default:
			return sc_xerror(c->err, x->col,
			                 "question \"%s\" has an unknown type",
			                 x->str);
		}
		return true;
	}
	return sc_xerror(c->err, x->col, "internal error: unknown node");
}


static bool
multi_error(struct checker *c, const struct ast *x, const struct vinfo *v)
{
	const char *name = x->kind == A_NAME ? x->str : v->qn.id;
	return sc_xerror(c->err, x->col,
	                 "question \"%s\" holds several choices; use "
	                 "selected(%s, \"...\") or count(%s)",
	                 name, name, name);
}

/* How values of these two kinds compare for equality, or -1 (and an
 * error at col) when they cannot be compared. */
static int
pick_mode(struct checker *c, int col, const struct vinfo *l,
          const struct vinfo *r)
{
	enum vtype a = l->t, b = r->t;
	bool truth_a = a == VT_COND || a == VT_YESNO;
	bool truth_b = b == VT_COND || b == VT_YESNO;
	if (a == VT_NUM && b == VT_NUM)
		return XM_NUM;
	/* Dates compare as day numbers; a string beside a date is one. */
	if ((a == VT_DATE && (b == VT_DATE || b == VT_STRLIT)) ||
	    (a == VT_STRLIT && b == VT_DATE))
		return XM_NUM;
	if (truth_a && truth_b)
		return XM_TRUTH;
	if ((a == VT_YESNO && b == VT_STRLIT) ||
	    (a == VT_STRLIT && b == VT_YESNO))
		return XM_TRUTH; /* the string must be "unsure": checked later */
	if ((a == VT_CHOICE && b == VT_STRLIT) ||
	    (a == VT_STRLIT && b == VT_CHOICE))
		return XM_CHOICE;
	if (a == VT_CHOICE && b == VT_CHOICE)
		return l->qi == r->qi ? XM_CHOICE : XM_STR;
	bool text_a = a == VT_TEXT || a == VT_STRLIT || a == VT_CHOICE;
	bool text_b = b == VT_TEXT || b == VT_STRLIT || b == VT_CHOICE;
	if (text_a && text_b)
		return XM_STR;
	sc_xerror(c->err, col, "cannot compare %s with %s", vtype_words(a),
	          vtype_words(b));
	return -1;
}

static size_t lower_cond(struct checker *c, const struct ast *x,
                         const char *ctx);

static size_t lower_value(struct checker *c, const struct ast *x,
                          const struct vinfo *v, const struct vinfo *peer,
                          enum xmode mode);

/* A date operand: today, a date question, a date plus or minus a
 * duration, or a date in quotes (an argument of months_between). */
static size_t
lower_date(struct checker *c, const struct ast *x, const struct vinfo *v)
{
	size_t n;
	if (x->kind == A_STR) {
		sc_day day;
		if (!date_literal(c, x, &day))
			return NO_NODE;
		n = emit(c, XV_NUM);
		node(c, n)->num = (double)day;
		return n;
	}
	if (v->fn == F_TODAY)
		return emit(c, XV_TODAY);
	if (x->kind == A_NAME)
		return emit_q(c, XV_DATE, v->qi);
	/* A_ADD: classify() checked a date on the left, a duration on the
	 * right. */
	const struct ast *l = x->kids, *r = l->next;
	struct vinfo lv;
	if (!classify(c, l, &lv))
		return NO_NODE;
	size_t a = lower_date(c, l, &lv);
	if (a == NO_NODE)
		return NO_NODE;
	n = emit(c, XV_DATEADD);
	node(c, n)->a = a;
	node(c, n)->num = x->op == XT_MINUS ? -r->num : r->num;
	node(c, n)->truth = (unsigned char)r->unit;
	return n;
}

static size_t
lower_between(struct checker *c, const struct ast *x, const struct vinfo *v)
{
	size_t k[2], i = 0;
	for (const struct ast *a = x->kids; a && i < 2; a = a->next, i++) {
		struct vinfo av;
		if (!classify(c, a, &av))
			return NO_NODE;
		k[i] = lower_date(c, a, &av);
		if (k[i] == NO_NODE)
			return NO_NODE;
	}
	size_t n = emit(c, XV_BETWEEN);
	node(c, n)->a = k[0];
	node(c, n)->b = k[1];
	node(c, n)->truth = v->fn == F_MONTHS ? 'm' : 'd';
	return n;
}

/* Emit operand x (described by v) for comparing with `peer` in `mode`. */
static size_t
lower_value(struct checker *c, const struct ast *x, const struct vinfo *v,
            const struct vinfo *peer, enum xmode mode)
{
	size_t n;
	switch (v->t) {
	case VT_NUM:
		if (x->kind == A_NUM) {
			n = emit(c, XV_NUM);
			node(c, n)->num = x->num;
			return n;
		}
		if (v->fn == F_MONTHS || v->fn == F_DAYS)
			return lower_between(c, x, v);
		return emit_q(c, x->kind == A_CALL ? XV_COUNT : XV_NUMBER,
		              v->qi);
	case VT_DATE:
		return lower_date(c, x, v);
	case VT_DUR:
		sc_xerror(c->err, x->col,
		          "a duration can only be added to or taken from a "
		          "date, as in today + 30d");
		return NO_NODE;
	case VT_TEXT:
		return emit_q(c, XV_TEXT, v->qi);
	case VT_YESNO:
		return emit_q(c, XV_YESNO, v->qi);
	case VT_CHOICE: {
		n = emit_q(c, XV_SINGLE, v->qi);
		if (mode != XM_STR)
			return n;
		/* Compared as text with another question: keep its ids. */
		size_t first = c->e->nkids;
		for (size_t i = 0; i < v->qn.nchoices; i++)
			push_kid(c, push_str(c, choice_id(c, v->qi, i)));
		node(c, n)->a = first;
		node(c, n)->n = v->qn.nchoices;
		node(c, n)->truth = 1;
		return n;
	}
	case VT_STRLIT:
		if (mode == XM_CHOICE) {
			long ci = resolve_choice(c, peer, x->str, x->col);
			if (ci < 0)
				return NO_NODE;
			n = emit(c, XV_CHOICE);
			node(c, n)->a = (size_t)ci;
			return n;
		}
		if (mode == XM_NUM && peer && peer->t == VT_DATE) {
			sc_day day;
			if (!date_literal(c, x, &day))
				return NO_NODE;
			n = emit(c, XV_NUM);
			node(c, n)->num = (double)day;
			return n;
		}
		if (mode == XM_TRUTH) {
			const struct sc_expr_question *qn = &peer->qn;
			if (strcmp(x->str, "unsure") != 0) {
				sc_xerror(c->err, x->col,
				          "question \"%s\" is yes or no; compare "
				          "it with true or false%s", qn->id,
				          qn->allow_unsure ? " or \"unsure\"" : "");
				return NO_NODE;
			}
			if (!qn->allow_unsure) {
				sc_xerror(c->err, x->col,
				          "question \"%s\" does not offer "
				          "\"unsure\"", qn->id);
				return NO_NODE;
			}
			n = emit(c, XV_TRUTH);
			node(c, n)->truth = 2;
			return n;
		}
		n = emit(c, XV_STR);
		node(c, n)->str = push_str(c, x->str);
		return n;
	case VT_COND:
		if (x->kind == A_TRUE || x->kind == A_FALSE) {
			n = emit(c, XV_TRUTH);
			node(c, n)->truth = x->kind == A_TRUE;
			return n;
		} else {
			size_t k = lower_cond(c, x, NULL);
			if (k == NO_NODE)
				return NO_NODE;
			n = emit(c, XV_COND);
			node(c, n)->a = k;
			return n;
		}
	case VT_MULTI:
		multi_error(c, x, v);
		return NO_NODE;
	case VT_LIST:
		sc_xerror(c->err, x->col, "a list can only follow \"in\"");
		return NO_NODE;
	}
	sc_xerror(c->err, x->col, "internal error: unknown operand");
	return NO_NODE;
}

/* Emit XN_HAS for question qi and the choice ids in the string nodes from
 * `items` on. */
static size_t
lower_has(struct checker *c, const struct vinfo *q, const struct ast *items,
          const char *what)
{
	size_t nitems = 0;
	for (const struct ast *i = items; i; i = i->next)
		nitems++;
	long *idx = sc_arena_calloc(c->scratch, nitems, sizeof *idx);
	size_t k = 0;
	for (const struct ast *i = items; i; i = i->next, k++) {
		if (i->kind != A_STR) {
			sc_xerror(c->err, i->col,
			          "%s takes choice ids in quotes for question "
			          "\"%s\"", what, q->qn.id);
			return NO_NODE;
		}
		idx[k] = resolve_choice(c, q, i->str, i->col);
		if (idx[k] < 0)
			return NO_NODE;
	}
	size_t n = emit_q(c, XN_HAS, q->qi);
	size_t first = c->e->nkids;
	for (k = 0; k < nitems; k++)
		push_kid(c, (size_t)idx[k]);
	node(c, n)->a = first;
	node(c, n)->n = nitems;
	return n;
}

/* x in [..] and "choice" in multi */
static size_t
lower_in(struct checker *c, const struct ast *l, const struct vinfo *li,
         const struct ast *r, const struct vinfo *ri)
{
	if (ri->t == VT_MULTI) {
		if (l->kind != A_STR) {
			sc_xerror(c->err, l->col,
			          "to test the multiple-choice question \"%s\", "
			          "write \"choice\" in %s or selected(%s, "
			          "\"choice\")", ri->qn.id, r->str, r->str);
			return NO_NODE;
		}
		/* A copy without its sibling, so only this one item is read. */
		struct ast one = *l;
		one.next = NULL;
		return lower_has(c, ri, &one, "\"in\"");
	}
	if (ri->t != VT_LIST) {
		sc_xerror(c->err, r->col,
		          "\"in\" needs a list [...] or a multiple-choice "
		          "question on its right");
		return NO_NODE;
	}
	if (li->t == VT_MULTI) {
		multi_error(c, l, li);
		return NO_NODE;
	}
	if (li->t == VT_LIST) {
		sc_xerror(c->err, l->col, "a list cannot be in a list");
		return NO_NODE;
	}
	if (li->t == VT_CHOICE) {
		/* Numbers and true/false are wrong here: say so by type. */
		for (const struct ast *i = r->kids; i; i = i->next) {
			if (i->kind != A_STR) {
				struct vinfo iv;
				classify(c, i, &iv);
				pick_mode(c, i->col, li, &iv);
				return NO_NODE;
			}
		}
		return lower_has(c, li, r->kids, "\"in\"");
	}

	/* The mode follows from the left side; every item must fit it. */
	int mode = -1;
	switch (li->t) {
	case VT_NUM: case VT_DATE: mode = XM_NUM; break;
	case VT_COND: case VT_YESNO: mode = XM_TRUTH; break;
	default: mode = XM_STR; break;
	}
	for (const struct ast *i = r->kids; i; i = i->next) {
		struct vinfo iv;
		if (!classify(c, i, &iv))
			return NO_NODE;
		int m = pick_mode(c, i->col, li, &iv);
		if (m < 0)
			return NO_NODE;
	}
	size_t a = lower_value(c, l, li, NULL, (enum xmode)mode);
	if (a == NO_NODE)
		return NO_NODE;
	size_t nitems = r->nkids;
	size_t *vals = sc_arena_calloc(c->scratch, nitems, sizeof *vals);
	size_t k = 0;
	for (const struct ast *i = r->kids; i; i = i->next, k++) {
		struct vinfo iv;
		classify(c, i, &iv);
		vals[k] = lower_value(c, i, &iv, li, (enum xmode)mode);
		if (vals[k] == NO_NODE)
			return NO_NODE;
	}
	size_t n = emit(c, XN_IN);
	size_t first = c->e->nkids;
	for (k = 0; k < nitems; k++)
		push_kid(c, vals[k]);
	struct xnode *nd = node(c, n);
	nd->a = a;
	nd->b = first;
	nd->n = nitems;
	nd->mode = (unsigned char)mode;
	return n;
}

static enum xcmp
cmp_of(enum xtok op)
{
	switch (op) {
	case XT_NE: return XC_NE;
	case XT_LT: return XC_LT;
	case XT_LE: return XC_LE;
	case XT_GT: return XC_GT;
	case XT_GE: return XC_GE;
	default: return XC_EQ;
	}
}

/* `industry == health`: an unknown name that is a choice id of the
 * question on the other side was meant to be quoted. */
static bool
unquoted_choice(struct checker *c, const struct ast *name,
                const struct ast *other)
{
	const struct sc_expr_names *nm = names(c);
	if (!nm || name->kind != A_NAME || other->kind != A_NAME ||
	    nm->find(nm->ud, name->str) < nm->count)
		return false;
	size_t qi = nm->find(nm->ud, other->str);
	if (qi >= nm->count)
		return false;
	struct sc_expr_question qn = {0};
	nm->question(nm->ud, qi, &qn);
	if (qn.type != SC_Q_SINGLE && qn.type != SC_Q_MULTI)
		return false;
	for (size_t i = 0; i < qn.nchoices; i++) {
		if (strcmp(choice_id(c, qi, i), name->str) == 0)
			return sc_xerror(c->err, name->col,
			                 "unknown question \"%s\"; a choice id "
			                 "goes in quotes: \"%s\"", name->str,
			                 name->str),
			       true;
	}
	return false;
}

static size_t
lower_compare(struct checker *c, const struct ast *x)
{
	const struct ast *l = x->kids, *r = l->next;
	struct vinfo li, ri;
	if (unquoted_choice(c, l, r) || unquoted_choice(c, r, l))
		return NO_NODE;
	if (!classify(c, l, &li) || !classify(c, r, &ri))
		return NO_NODE;
	if (x->op == XT_IN)
		return lower_in(c, l, &li, r, &ri);
	if (li.t == VT_LIST || ri.t == VT_LIST) {
		sc_xerror(c->err, li.t == VT_LIST ? l->col : r->col,
		          "a list can only follow \"in\"");
		return NO_NODE;
	}
	if (li.t == VT_MULTI || ri.t == VT_MULTI) {
		multi_error(c, li.t == VT_MULTI ? l : r,
		            li.t == VT_MULTI ? &li : &ri);
		return NO_NODE;
	}
	int mode;
	if (x->op != XT_EQ && x->op != XT_NE) {
		bool nums = li.t == VT_NUM && ri.t == VT_NUM;
		bool dates = (li.t == VT_DATE &&
		              (ri.t == VT_DATE || ri.t == VT_STRLIT)) ||
		             (li.t == VT_STRLIT && ri.t == VT_DATE);
		if (!nums && !dates) {
			if (li.t == VT_DATE || ri.t == VT_DATE)
				sc_xerror(c->err, x->opcol,
				          "cannot compare %s with %s",
				          vtype_words(li.t), vtype_words(ri.t));
			else
				sc_xerror(c->err, x->opcol,
				          "\"%s\" needs two numbers or two dates",
				          sc_xtok_text(x->op));
			return NO_NODE;
		}
		mode = XM_NUM;
	} else {
		mode = pick_mode(c, x->opcol, &li, &ri);
		if (mode < 0)
			return NO_NODE;
	}
	size_t a = lower_value(c, l, &li, &ri, (enum xmode)mode);
	if (a == NO_NODE)
		return NO_NODE;
	size_t b = lower_value(c, r, &ri, &li, (enum xmode)mode);
	if (b == NO_NODE)
		return NO_NODE;
	size_t n = emit(c, XN_CMP);
	struct xnode *nd = node(c, n);
	nd->a = a;
	nd->b = b;
	nd->mode = (unsigned char)mode;
	nd->cmp = (unsigned char)cmp_of(x->op);
	return n;
}

/* A value where a condition is needed: say what it is and what to do. */
static size_t
not_a_condition(struct checker *c, const struct ast *x,
                const struct vinfo *v, const char *ctx)
{
	char base[96];
	if (ctx)
		snprintf(base, sizeof base,
		         "\"%s\" needs a condition (true or false)", ctx);
	else
		snprintf(base, sizeof base,
		         "the expression must be a condition (true or false)");
	const char *name = x->kind == A_NAME ? x->str : NULL;
	if (x->kind == A_CALL && v->fn == F_COUNT)
		sc_xerror(c->err, x->col,
		          "%s; count() is a number: compare it, as in "
		          "count(%s) > 0", base, v->qn.id);
	else if (name && v->t == VT_CHOICE)
		sc_xerror(c->err, x->col,
		          "%s; question \"%s\" holds a choice: compare it, as "
		          "in %s == \"...\"", base, name, name);
	else if (name && v->t == VT_MULTI)
		sc_xerror(c->err, x->col,
		          "%s; question \"%s\" holds several choices: use "
		          "selected(%s, \"...\")", base, name, name);
	else if (name && v->t == VT_NUM)
		sc_xerror(c->err, x->col,
		          "%s; question \"%s\" holds a number: compare it, as "
		          "in %s > 0", base, name, name);
	else if (v->t == VT_DATE)
		sc_xerror(c->err, x->col,
		          "%s; a date is not true or false: compare it, as in "
		          "%s < today", base, name ? name : "period_end");
	else if (v->t == VT_DUR)
		sc_xerror(c->err, x->col,
		          "%s; a duration is not true or false: add it to a "
		          "date and compare, as in d + 30d < today", base);
	else if (name && v->t == VT_TEXT)
		sc_xerror(c->err, x->col,
		          "%s; question \"%s\" holds text: use answered(%s) "
		          "or compare it", base, name, name);
	else
		sc_xerror(c->err, x->col, "%s", base);
	return NO_NODE;
}

/* Emit a condition.  ctx names the operator that needs it ("and", "not")
 * or is NULL for the whole expression, for the message. */
static size_t
lower_cond(struct checker *c, const struct ast *x, const char *ctx)
{
	struct vinfo v;
	switch (x->kind) {
	case A_TRUE:
		return emit(c, XN_TRUE);
	case A_FALSE:
		return emit(c, XN_FALSE);
	case A_AND:
	case A_OR: {
		const char *op = x->kind == A_AND ? "and" : "or";
		size_t *k = sc_arena_calloc(c->scratch, x->nkids, sizeof *k);
		size_t i = 0;
		for (const struct ast *y = x->kids; y; y = y->next, i++) {
			k[i] = lower_cond(c, y, op);
			if (k[i] == NO_NODE)
				return NO_NODE;
		}
		size_t n = emit(c, x->kind == A_AND ? XN_AND : XN_OR);
		size_t first = c->e->nkids;
		for (i = 0; i < x->nkids; i++)
			push_kid(c, k[i]);
		node(c, n)->a = first;
		node(c, n)->n = x->nkids;
		return n;
	}
	case A_NOT: {
		size_t k = lower_cond(c, x->kids, "not");
		if (k == NO_NODE)
			return NO_NODE;
		size_t n = emit(c, XN_NOT);
		node(c, n)->a = k;
		return n;
	}
	case A_CMP:
		return lower_compare(c, x);
	case A_NAME:
		if (!classify(c, x, &v))
			return NO_NODE;
		if (v.t == VT_YESNO)
			return emit_q(c, XN_YESNO, v.qi);
		return not_a_condition(c, x, &v, ctx);
	case A_CALL:
		if (!classify(c, x, &v))
			return NO_NODE;
		if (v.fn == F_ANSWERED)
			return emit_q(c, XN_ANSWERED, v.qi);
		if (v.fn == F_SELECTED)
			return lower_has(c, &v, x->kids->next, "selected()");
		return not_a_condition(c, x, &v, ctx);
	case A_NUM:
	case A_STR:
	case A_LIST:
		memset(&v, 0, sizeof v);
		return not_a_condition(c, x, &v, ctx);
	case A_DUR:
	case A_ADD:
		if (!classify(c, x, &v))
			return NO_NODE;
		return not_a_condition(c, x, &v, ctx);
	}
	sc_xerror(c->err, x->col, "internal error: unknown node");
	return NO_NODE;
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The finished expression in one exact-size block (header, nodes, child
 * lists, deps, strings), so that a questionnaire's thousands of expressions
 * hold no spare capacity: from `into` when given (freed with it), else
 * from the heap (freed with one free()). */
static struct sc_expr *
pack(const struct xwork *w, struct sc_arena *into)
{
	size_t head = sizeof(struct sc_expr),
	       nodes = w->nnodes * sizeof *w->nodes,
	       kids = w->nkids * sizeof *w->kids,
	       deps = w->ndeps * sizeof *w->deps;
	_Static_assert(sizeof(struct sc_expr) % _Alignof(struct xnode) == 0 &&
	                       sizeof(struct xnode) % _Alignof(size_t) == 0,
	               "each part of the block stays aligned");
	size_t size = head + nodes + kids + deps + w->nstrs;
	char *block = into ? sc_arena_alloc_aligned(into, size,
	                                            _Alignof(struct sc_expr))
	                   : sc_xmalloc(size);
	struct sc_expr *e = (struct sc_expr *)block;
	*e = (struct sc_expr){
		.nodes = (struct xnode *)(block + head),
		.kids = (size_t *)(block + head + nodes),
		.deps = (size_t *)(block + head + nodes + kids),
		.strs = block + head + nodes + kids + deps,
		.nnodes = (xidx)w->nnodes,
		.ndeps = (xidx)w->ndeps,
		.root = (xidx)w->root,
	};
	if (nodes)
		memcpy(e->nodes, w->nodes, nodes);
	if (kids)
		memcpy(e->kids, w->kids, kids);
	if (deps)
		memcpy(e->deps, w->deps, deps);
	if (w->nstrs)
		memcpy(e->strs, w->strs, w->nstrs);
	return e;
}

static struct sc_expr *
compile(const char *src, const struct sc_expr_scope *scope,
        struct sc_expr_error *err, struct sc_arena *into)
{
	struct sc_expr_error spare;
	if (!err)
		err = &spare;
	err->col = 0;
	err->msg[0] = '\0';
	if (!src) {
		sc_xerror(err, 1, "the expression is empty");
		return NULL;
	}
	/* The limit is in characters (UTF-8 sequences), as the format
	 * says; the scan stops at the first character over it. */
	size_t len = 0, chars = 0;
	for (; src[len]; len++) {
		if (((unsigned char)src[len] & 0xC0) == 0x80)
			continue;
		if (++chars > SC_EXPR_MAX_LEN) {
			sc_xerror(err, (int)len + 1,
			          "expression too long (more than %d "
			          "characters)", SC_EXPR_MAX_LEN);
			return NULL;
		}
	}

	/* Room on the stack for the tree and arrays of a short expression;
	 * a long one goes on in heap blocks. */
	union {
		max_align_t align;
		unsigned char bytes[8192];
	} local;
	struct sc_arena scratch;
	sc_arena_init_local(&scratch, &local, sizeof local, 8192, 65536);
	struct parser p = {.scratch = &scratch};
	struct sc_expr *e = NULL;
	struct ast *tree = NULL;
	p.err = err;
	sc_xlex_init(&p.lx, src, len, err);
	if (!advance(&p))
		goto out;
	if (p.tok.kind == XT_EOF) {
		sc_xerror(err, 1, "the expression is empty");
		goto out;
	}
	tree = subexpr(&p, 0);
	if (!tree)
		goto out;
	if (p.tok.kind != XT_EOF) {
		unexpected(&p);
		goto out;
	}

	struct xwork work = {0};
	struct checker c = {scope, err, &work, &scratch};
	size_t root = lower_cond(&c, tree, NULL);
	if (root != NO_NODE) {
		work.root = root;
		if (work.ndeps)
			qsort(work.deps, work.ndeps, sizeof *work.deps, cmp_size);
		e = pack(&work, into);
	}
	if (!e)
		goto out;
	err->col = 0;
	err->msg[0] = '\0';
out:
	sc_arena_fini(&scratch);
	sc_xlex_fini(&p.lx);
	return e;
}

struct sc_expr *
sc_expr_compile(const char *src, const struct sc_expr_scope *scope,
                struct sc_expr_error *err)
{
	return compile(src, scope, err, NULL);
}

struct sc_expr *
sc_expr_compile_in(struct sc_arena *into, const char *src,
                   const struct sc_expr_scope *scope,
                   struct sc_expr_error *err)
{
	return compile(src, scope, err, into);
}
