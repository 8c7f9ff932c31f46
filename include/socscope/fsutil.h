/* Files: bounded reads and atomic writes. */
#ifndef SOCSCOPE_FSUTIL_H
#define SOCSCOPE_FSUTIL_H

#include <sys/types.h>

#include "socscope/common.h"

/* Read a whole regular file of at most `max` bytes into a NUL-terminated
 * buffer.  SC_ENOINPUT when it cannot be opened or read or is not a regular
 * file, SC_EDATA when it is larger than `max`; *err then says why (caller
 * frees). */
enum sc_status
sc_read_file(const char *path, size_t max, char **data, size_t *len,
             char **err);

/* Write `len` bytes to `path` atomically: a temporary file in the same
 * directory created with `mode`, fsync, rename over `path`, fsync of the
 * directory.  Never leaves a partial file behind.  SC_ECANTCREAT when the
 * temporary file cannot be created, SC_EIO when writing, syncing or renaming
 * fails; *err then says why (caller frees). */
enum sc_status
sc_write_file_atomic(const char *path, const void *data, size_t len,
                     mode_t mode, char **err);

/* Write an output the user named (evaluate -o, the interview's export).
 * A regular file, or a name that does not exist yet, is written
 * atomically as sc_write_file_atomic does; a symbolic link is followed and
 * its target written so (the link stays a link); a device, FIFO or socket
 * is opened and written into, never replaced.  SC_ECANTCREAT when it
 * cannot be created or opened (a directory, a link loop), SC_EIO when
 * writing fails; *err then says why (caller frees). */
enum sc_status
sc_write_file_output(const char *path, const void *data, size_t len,
                     mode_t mode, char **err);

/* mkdir -p with `mode` for each created level; false with errno on failure. */
bool
sc_mkdir_p(const char *path, mode_t mode);

#endif
