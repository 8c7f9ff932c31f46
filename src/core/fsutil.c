/* Files: bounded reads, atomic writes, mkdir -p. */
#include "socscope/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void
set_err(char **err, const char *fmt, ...) SC_PRINTF(2, 3);

static void
set_err(char **err, const char *fmt, ...)
{
	if (!err)
		return;
	va_list ap;
	va_start(ap, fmt);
	*err = sc_xvasprintf(fmt, ap);
	va_end(ap);
}

enum sc_status
sc_read_file(const char *path, size_t max, char **data, size_t *len,
             char **err)
{
	*data = NULL;
	if (len)
		*len = 0;
	if (err)
		*err = NULL;

	/* O_NONBLOCK so that opening a FIFO by mistake does not hang before
	 * fstat can refuse it. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		set_err(err, "%s: %s", path, strerror(errno));
		return SC_ENOINPUT;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		set_err(err, "%s: %s", path, strerror(errno));
		close(fd);
		return SC_ENOINPUT;
	}
	if (S_ISDIR(st.st_mode)) {
		set_err(err, "%s: is a directory", path);
		close(fd);
		return SC_ENOINPUT;
	}
	if (!S_ISREG(st.st_mode)) {
		set_err(err, "%s: not a regular file", path);
		close(fd);
		return SC_ENOINPUT;
	}
	if ((unsigned long long)st.st_size > (unsigned long long)max) {
		set_err(err, "%s: file too large (%lld bytes; at most %zu)", path,
		        (long long)st.st_size, max);
		close(fd);
		return SC_EDATA;
	}

	/* The size from fstat is only a hint: the file may grow while we read,
	 * so the limit is enforced on what is actually read. */
	struct sc_buf b = {0};
	char tmp[8192];
	for (;;) {
		ssize_t n = read(fd, tmp, sizeof tmp);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			set_err(err, "%s: %s", path, strerror(errno));
			sc_buf_fini(&b);
			close(fd);
			return SC_ENOINPUT;
		}
		if (n == 0)
			break;
		if ((size_t)n > max - b.len) {
			set_err(err, "%s: file too large (more than %zu bytes)",
			        path, max);
			sc_buf_fini(&b);
			close(fd);
			return SC_EDATA;
		}
		sc_buf_add(&b, tmp, (size_t)n);
	}
	close(fd);
	if (len)
		*len = b.len;
	*data = sc_buf_steal(&b);
	return SC_OK;
}

/* Write everything, retrying short writes and EINTR. */
static bool
write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		if (n == 0) {
			errno = EIO;
			return false;
		}
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* The directory part of `path` ("." when there is none). */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return sc_xstrdup(".");
	if (slash == path)
		return sc_xstrdup("/");
	return sc_xstrndup(path, (size_t)(slash - path));
}

enum sc_status
sc_write_file_atomic(const char *path, const void *data, size_t len,
                     mode_t mode, char **err)
{
	if (err)
		*err = NULL;
	enum sc_status st = SC_OK;
	char *dir = dir_of(path);
	/* The temporary name starts with '.' so that a crash between create and
	 * rename leaves at worst a hidden file, never a half-written target. */
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	char *tmp = sc_xasprintf("%s/.%s.tmp-XXXXXX", dir, base);

	int fd = mkstemp(tmp);
	if (fd < 0) {
		set_err(err, "cannot create a file in %s: %s", dir,
		        strerror(errno));
		st = SC_ECANTCREAT;
		goto out;
	}
	/* mkstemp creates 0600 minus umask; set the requested mode exactly so
	 * that the umask neither widens nor narrows it. */
	if (fchmod(fd, mode) != 0) {
		set_err(err, "%s: cannot set permissions: %s", tmp,
		        strerror(errno));
		st = SC_EIO;
		goto fail;
	}
	if (!write_all(fd, data, len)) {
		set_err(err, "%s: write failed: %s", path, strerror(errno));
		st = SC_EIO;
		goto fail;
	}
	if (fsync(fd) != 0) {
		set_err(err, "%s: fsync failed: %s", path, strerror(errno));
		st = SC_EIO;
		goto fail;
	}
	int rc = close(fd);
	fd = -1;
	if (rc != 0) {
		set_err(err, "%s: close failed: %s", path, strerror(errno));
		st = SC_EIO;
		goto fail;
	}
	if (rename(tmp, path) != 0) {
		set_err(err, "cannot replace %s: %s", path, strerror(errno));
		st = SC_EIO;
		goto fail;
	}

	/* Make the rename itself durable.  Some file systems refuse fsync on a
	 * directory (EINVAL); the data is safe by then, so only real I/O
	 * errors count. */
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		if (fsync(dfd) != 0 && errno == EIO) {
			set_err(err, "%s: fsync failed: %s", dir,
			        strerror(errno));
			st = SC_EIO;
		}
		close(dfd);
	}
	goto out;

fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
out:
	free(tmp);
	free(dir);
	return st;
}

bool
sc_mkdir_p(const char *path, mode_t mode)
{
	if (!path || !*path) {
		errno = ENOENT;
		return false;
	}
	char *p = sc_xstrdup(path);
	size_t n = strlen(p);
	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	bool ok = true;
	/* Create each level in turn; an existing directory is fine, an
	 * existing non-directory is not. */
	for (char *s = p + 1;; s++) {
		bool end = *s == '\0';
		if (!end && *s != '/')
			continue;
		if (s[-1] == '/') {
			if (end)
				break;
			continue;
		}
		*s = '\0';
		if (mkdir(p, mode) != 0) {
			int e = errno;
			struct stat st;
			if (e != EEXIST || stat(p, &st) != 0 ||
			    !S_ISDIR(st.st_mode)) {
				errno = e == EEXIST ? ENOTDIR : e;
				ok = false;
				break;
			}
		}
		if (end)
			break;
		*s = '/';
	}
	free(p);
	return ok;
}
