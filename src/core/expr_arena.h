/* Compiling an expression into an arena (private to src/core: a
 * questionnaire compiles its thousands of show_if and when expressions
 * into its own region, so that they cost no allocation each and go when
 * the region goes). */
#ifndef SOCSCOPE_EXPR_ARENA_H
#define SOCSCOPE_EXPR_ARENA_H

#include "socscope/expr.h"

struct sc_arena;

/* As sc_expr_compile, with the result carved from `into`: it lives as
 * long as the arena and is never given to sc_expr_free. */
struct sc_expr *
sc_expr_compile_in(struct sc_arena *into, const char *src,
                   const struct sc_expr_scope *scope,
                   struct sc_expr_error *err);

#endif
