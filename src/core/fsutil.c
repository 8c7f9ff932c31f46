/* Files: bounded reads, atomic writes, mkdir -p. */
#include "socscope/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
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

/* The target of the symbolic link `path` (relative targets taken from
 * the link's directory); NULL with errno when it cannot be read. */
static char *
link_target(const char *path)
{
	size_t cap = 256;
	for (;;) {
		char *buf = sc_xmalloc(cap);
		ssize_t n = readlink(path, buf, cap);
		if (n < 0) {
			free(buf);
			return NULL;
		}
		if ((size_t)n < cap) {
			buf[n] = '\0';
			if (buf[0] == '/')
				return buf;
			char *dir = dir_of(path);
			char *full = sc_xasprintf("%s/%s", dir, buf);
			free(dir);
			free(buf);
			return full;
		}
		free(buf);
		if (cap > 65536) {
			errno = ENAMETOOLONG;
			return NULL;
		}
		cap *= 2;
	}
}

/* `path` with symbolic links in its last component followed to the name
 * they end on (which need not exist yet, as for a dangling link); NULL
 * with errno on a loop or an unreadable link. */
static char *
follow_links(const char *path)
{
	char *p = sc_xstrdup(path);
	for (int hops = 0;; hops++) {
		struct stat st;
		if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
			return p;
		if (hops == 40) {
			free(p);
			errno = ELOOP;
			return NULL;
		}
		char *next = link_target(p);
		free(p);
		if (!next)
			return NULL;
		p = next;
	}
}

/* A UNIX socket's listener, connected; -1 with errno when it cannot be. */
static int
connect_socket(const char *path)
{
	struct sockaddr_un sa;
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sa.sun_path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(sa.sun_path, path, strlen(path));
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (const struct sockaddr *)&sa, sizeof sa) != 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* Write into what is already there: a device, a FIFO or a socket.  A
 * reader that goes away is a write error (EPIPE), never a SIGPIPE that
 * would end the program with the terminal still in curses' hands. */
static enum sc_status
write_into(const char *path, bool sock, const void *data, size_t len,
           char **err)
{
	int fd = sock ? connect_socket(path)
	              : open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		set_err(err, "cannot open %s: %s", path, strerror(errno));
		return SC_ECANTCREAT;
	}
	sigset_t pipe_set, old, pending;
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigpending(&pending);
	bool was_pending = sigismember(&pending, SIGPIPE) == 1;
	sigprocmask(SIG_BLOCK, &pipe_set, &old);

	enum sc_status st = SC_OK;
	if (!write_all(fd, data, len)) {
		set_err(err, "%s: write failed: %s", path, strerror(errno));
		st = SC_EIO;
	}
	if (close(fd) != 0 && st == SC_OK) {
		set_err(err, "%s: close failed: %s", path, strerror(errno));
		st = SC_EIO;
	}

	/* Take back a SIGPIPE our own write raised before unblocking. */
	sigpending(&pending);
	if (!was_pending && sigismember(&pending, SIGPIPE) == 1) {
		struct timespec zero = {0, 0};
		sigtimedwait(&pipe_set, NULL, &zero);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return st;
}

enum sc_status
sc_write_file_output(const char *path, const void *data, size_t len,
                     mode_t mode, char **err)
{
	if (err)
		*err = NULL;
	char *real = follow_links(path);
	if (!real) {
		set_err(err, "cannot follow the link %s: %s", path,
		        strerror(errno));
		return SC_ECANTCREAT;
	}
	enum sc_status st;
	struct stat sb;
	if (stat(real, &sb) != 0 || S_ISREG(sb.st_mode)) {
		st = sc_write_file_atomic(real, data, len, mode, err);
	} else if (S_ISDIR(sb.st_mode)) {
		set_err(err, "%s is a directory", real);
		st = SC_ECANTCREAT;
	} else {
		st = write_into(real, S_ISSOCK(sb.st_mode), data, len, err);
	}
	free(real);
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
