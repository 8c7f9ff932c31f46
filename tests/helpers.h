/* Shared by the cmocka suites: temporary directories and files. */
#ifndef SOCSCOPE_TEST_HELPERS_H
#define SOCSCOPE_TEST_HELPERS_H

#include <stddef.h>

/* A fresh temporary directory (removed with its contents by th_rmtree). */
char *
th_mkdtemp(void);
void
th_rmtree(const char *dir);
/* Write `text` to dir/name and return the malloc'd path. */
char *
th_write(const char *dir, const char *name, const char *text);
/* Read a whole file (NULL when unreadable); *len may be NULL. */
char *
th_read(const char *path, size_t *len);
/* Path of a file in the source tree: SC_SRCDIR "/" rel (malloc'd). */
char *
th_src(const char *rel);

#endif
