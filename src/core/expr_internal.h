/* Private to the expression module: tokens and the lexer (expr_lex.c), and
 * the compiled form that the compiler (expr_parse.c) emits and the
 * evaluator (expr_eval.c) walks.
 *
 * Columns are 1-based byte offsets into the expression source. */
#ifndef SOCSCOPE_EXPR_INTERNAL_H
#define SOCSCOPE_EXPR_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "socscope/common.h"
#include "socscope/expr.h"

/* ---- Tokens ---------------------------------------------------------- */

/* Every token kind with the words used for it in messages.  Keywords are
 * listed so the lexer can recognise them from this one table. */
#define SC_XTOKENS(X)                                                        \
	X(EOF, "end of the expression")                                      \
	X(NUMBER, "number")                                                  \
	X(STRING, "string")                                                  \
	X(NAME, "name")                                                      \
	X(TRUE, "true")                                                      \
	X(FALSE, "false")                                                    \
	X(AND, "and")                                                        \
	X(OR, "or")                                                          \
	X(NOT, "not")                                                        \
	X(IN, "in")                                                          \
	X(EQ, "==")                                                          \
	X(NE, "!=")                                                          \
	X(LT, "<")                                                           \
	X(LE, "<=")                                                          \
	X(GT, ">")                                                           \
	X(GE, ">=")                                                          \
	X(LPAREN, "(")                                                       \
	X(RPAREN, ")")                                                       \
	X(LBRACKET, "[")                                                     \
	X(RBRACKET, "]")                                                     \
	X(COMMA, ",")                                                        \
	X(PLUS, "+")                                                         \
	X(MINUS, "-")                                                        \
	X(DURATION, "duration")

enum xtok {
#define SC_XTOK_ENUM(name, text) XT_##name,
	SC_XTOKENS(SC_XTOK_ENUM)
#undef SC_XTOK_ENUM
	XT_COUNT_
};

/* The words for a token kind ("==", "end of the expression", ...). */
const char *
sc_xtok_text(enum xtok k);

struct xtoken {
	enum xtok kind;
	int col;           /* where the token starts */
	size_t pos, len;   /* its bytes in the source */
	double num;        /* XT_NUMBER; XT_DURATION: the count */
	char unit;         /* XT_DURATION: 'd', 'w', 'm' or 'y' */
	const char *str;   /* XT_STRING (decoded) and XT_NAME; valid until the
	                    * next token is read */
	size_t slen;
};

struct xlexer {
	const char *src;
	size_t len;
	size_t pos;
	struct sc_buf sbuf; /* decoded text of the current string or name */
	bool after_value;   /* the last token ended a value: "-" subtracts */
	struct sc_expr_error *err;
};

void
sc_xlex_init(struct xlexer *lx, const char *src, size_t len,
             struct sc_expr_error *err);
void
sc_xlex_fini(struct xlexer *lx);
/* Read the next token into *t.  On a lexical error fills lx->err and
 * returns false. */
bool
sc_xlex_next(struct xlexer *lx, struct xtoken *t);

/* Fill *err (message printf-style) and return false, for tail calls. */
bool
sc_xerror(struct sc_expr_error *err, int col, const char *fmt, ...)
	SC_PRINTF(3, 4);

/* Copy text from the expression into a message safely: control bytes and
 * invalid UTF-8 become "?", and it is cut at `max` bytes on a character
 * boundary with "..." added, so a message never carries terminal escapes
 * or broken UTF-8.  `out` holds at least max + 4 bytes. */
void
sc_xecho(char *out, size_t max, const char *s, size_t len);

/* ---- The compiled form ----------------------------------------------- */

/* Nodes live in one array and refer to each other by index.  Conditions
 * yield true or false; values yield "no value" or a typed value and occur
 * only under XN_CMP and XN_IN.  Everything a name or a choice id means is
 * settled at compile time, so evaluation compares integers and numbers
 * (strings only for text questions) and never allocates. */
enum xnode_op {
	/* conditions */
	XN_TRUE,
	XN_FALSE,
	XN_AND,      /* kids[a .. a+n) */
	XN_OR,       /* kids[a .. a+n) */
	XN_NOT,      /* a */
	XN_YESNO,    /* q answered "yes" */
	XN_ANSWERED, /* q has an answer */
	XN_HAS,      /* q (single or multi) has one of the choices kids[a .. a+n) */
	XN_CMP,      /* value a <cmp> value b, in mode */
	XN_IN,       /* value a equals one of the values kids[b .. b+n), in mode */
	/* values */
	XV_NUM,      /* the constant num */
	XV_STR,      /* the constant string strs + str */
	XV_TRUTH,    /* the constant truth (0 false, 1 true, 2 unsure) */
	XV_CHOICE,   /* the constant choice index a */
	XV_COND,     /* the truth of condition a */
	XV_NUMBER,   /* number question q */
	XV_TEXT,     /* text question q */
	XV_SINGLE,   /* single question q: its choice index; when truth is 1
	              * (compared as text), also its choice id, from the
	              * string offsets kids[a .. a+n) */
	XV_YESNO,    /* yes/no question q: truth, with 2 for "unsure" */
	XV_COUNT,    /* count(q) */
	XV_DATE,     /* date question q: its day number, as num */
	XV_TODAY,    /* the evaluation's date */
	XV_DATEADD,  /* value a (a date) plus num units (truth: 'd', 'w', 'm',
	              * 'y'); num is negative for "-" */
	XV_BETWEEN,  /* from date a to date b: whole months (truth 'm') or
	              * days (truth 'd') */
};

/* How XN_CMP and XN_IN compare their values. */
enum xmode {
	XM_NUM,    /* numbers, and dates as day numbers */
	XM_STR,    /* strings (text answers, choice ids of different questions) */
	XM_TRUTH,  /* true, false, unsure */
	XM_CHOICE, /* choice indices of one question */
};

enum xcmp { XC_EQ, XC_NE, XC_LT, XC_LE, XC_GT, XC_GE };

/* Indices within one expression are bounded by its length
 * (SC_EXPR_MAX_LEN), question and choice indices by the compiler's check
 * (XIDX_MAX): 32 bits keep a node at 32 bytes, and a questionnaire holds
 * thousands of them. */
typedef uint32_t xidx;
#define XIDX_MAX UINT32_MAX

struct xnode {
	unsigned char op;   /* enum xnode_op */
	unsigned char mode; /* enum xmode */
	unsigned char cmp;  /* enum xcmp */
	unsigned char truth;
	xidx a, b, n;
	xidx q;             /* question index */
	xidx str;           /* offset into strs */
	double num;
};

/* The finished expression: one block holding the header and all of its
 * arrays (the compiler grows them apart, in its scratch arena). */
struct sc_expr {
	struct xnode *nodes;
	size_t *kids; /* child lists, choice lists, string offsets */
	char *strs;   /* NUL-terminated strings back to back */
	size_t *deps;
	xidx nnodes, ndeps, root;
};

#endif
