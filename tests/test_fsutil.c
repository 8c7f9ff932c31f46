/* Bounded reads, atomic writes and mkdir -p. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "socscope/fsutil.h"

/* Number of entries in `dir` other than . and .. */
static size_t
count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
atomic_write_mode_and_content(void **state)
{
	(void)state;
	char *dir = th_mkdtemp();
	char *path = sc_xasprintf("%s/answers.yaml", dir);
	mode_t old = umask(022);
	static const char text[] = "socscope: 1\nclient: \"A\\0B\"\n";
	char *err = NULL;
	/* Embedded NUL: the length, not strlen, decides what is written. */
	assert_int_equal(sc_write_file_atomic(path, text, sizeof text, 0600,
	                                      &err),
	                 SC_OK);
	assert_null(err);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	size_t len;
	char *back = th_read(path, &len);
	assert_int_equal(len, sizeof text);
	assert_memory_equal(back, text, sizeof text);
	free(back);
	/* Only the target is left: no temporary file. */
	assert_int_equal(count_entries(dir), 1);

	/* A wider mode is honoured even though the umask would mask it. */
	umask(077);
	assert_int_equal(sc_write_file_atomic(path, "x", 1, 0644, &err), SC_OK);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644);
	umask(old);
	free(path);
	th_rmtree(dir);
	free(dir);
}

static void
atomic_write_empty_and_relative(void **state)
{
	(void)state;
	char *dir = th_mkdtemp();
	char cwd[4096];
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(dir), 0);
	/* A bare file name lands in the working directory. */
	assert_int_equal(sc_write_file_atomic("plain.txt", "", 0, 0600, NULL),
	                 SC_OK);
	assert_int_equal(chdir(cwd), 0);
	char *p = sc_xasprintf("%s/plain.txt", dir);
	size_t len = 99;
	char *back = th_read(p, &len);
	assert_non_null(back);
	assert_int_equal(len, 0);
	free(back);
	free(p);
	assert_int_equal(count_entries(dir), 1);
	th_rmtree(dir);
	free(dir);
}

static void
atomic_write_missing_dir(void **state)
{
	(void)state;
	char *dir = th_mkdtemp();
	char *path = sc_xasprintf("%s/nope/answers.yaml", dir);
	char *err = NULL;
	assert_int_equal(sc_write_file_atomic(path, "abc", 3, 0600, &err),
	                 SC_ECANTCREAT);
	assert_non_null(err);
	assert_non_null(strstr(err, strerror(ENOENT)));
	free(err);
	assert_int_equal(count_entries(dir), 0);
	free(path);
	th_rmtree(dir);
	free(dir);
}

/* The write into a read-only directory, checked in a child so that as root
 * it can drop to an unprivileged user (root writes anywhere). */
static SC_NORETURN void
unwritable_child(char *dir, char *sub, char *path)
{
	if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
		_exit(2);
	char *err = NULL;
	enum sc_status st = sc_write_file_atomic(path, "new", 3, 0600, &err);
	bool ok = st == SC_ECANTCREAT && err && strstr(err, strerror(EACCES));
	/* Free the parent's strings too, or valgrind counts them as lost in
	 * the child and fails the test. */
	free(err);
	free(path);
	free(sub);
	free(dir);
	_exit(ok ? 0 : 1);
}

static void
atomic_write_unwritable_dir(void **state)
{
	(void)state;
	char *dir = th_mkdtemp();
	char *sub = sc_xasprintf("%s/ro", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	char *path = th_write(sub, "answers.yaml", "old content\n");
	assert_int_equal(chmod(path, 0644), 0);
	if (geteuid() == 0) {
		assert_int_equal(chmod(dir, 0711), 0);
		assert_int_equal(chown(sub, 65534, 65534), 0);
	}
	assert_int_equal(chmod(sub, 0500), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		unwritable_child(dir, sub, path);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	/* The old file is untouched and nothing else appeared. */
	char *back = th_read(path, NULL);
	assert_string_equal(back, "old content\n");
	free(back);
	assert_int_equal(count_entries(sub), 1);
	assert_int_equal(chmod(sub, 0700), 0);
	free(path);
	free(sub);
	th_rmtree(dir);
	free(dir);
}

static void
atomic_write_rename_failure_leaves_nothing(void **state)
{
	(void)state;
	/* A directory in the way makes the final rename fail after the
	 * temporary file was fully written: it must be removed again. */
	char *dir = th_mkdtemp();
	char *path = sc_xasprintf("%s/target", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	char *inner = th_write(path, "keep", "x");
	char *err = NULL;
	assert_int_equal(sc_write_file_atomic(path, "data", 4, 0600, &err),
	                 SC_EIO);
	assert_non_null(err);
	free(err);
	assert_int_equal(count_entries(dir), 1);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	free(inner);
	free(path);
	th_rmtree(dir);
	free(dir);
}

static void
overwrite_replaces_whole_file(void **state)
{
	(void)state;
	char *dir = th_mkdtemp();
	char *path = th_write(dir, "f.yaml", "a much longer old content\n");
	/* Keep the old file open: an atomic replace swaps the name to a new
	 * inode, so this descriptor still sees the old content in full. */
	FILE *old = fopen(path, "rb");
	assert_non_null(old);
	assert_int_equal(sc_write_file_atomic(path, "short\n", 6, 0600, NULL),
	                 SC_OK);
	char buf[64] = {0};
	size_t n = fread(buf, 1, sizeof buf - 1, old);
	fclose(old);
	assert_int_equal(n, strlen("a much longer old content\n"));
	assert_string_equal(buf, "a much longer old content\n");
	char *back = th_read(path, NULL);
	assert_string_equal(back, "short\n");
	free(back);
	assert_int_equal(count_entries(dir), 1);
	free(path);
	th_rmtree(dir);
	free(dir);
}

static void
read_file_limits(void **state)
{
	(void)state;
	char *dir = th_mkdtemp();
	char *path = th_write(dir, "ten", "0123456789");
	char *data = NULL, *err = NULL;
	size_t len = 0;
	assert_int_equal(sc_read_file(path, 10, &data, &len, &err), SC_OK);
	assert_int_equal(len, 10);
	assert_string_equal(data, "0123456789");
	assert_null(err);
	free(data);

	assert_int_equal(sc_read_file(path, 9, &data, &len, &err), SC_EDATA);
	assert_null(data);
	assert_non_null(err);
	assert_non_null(strstr(err, "too large"));
	free(err);

	char *missing = sc_xasprintf("%s/missing", dir);
	assert_int_equal(sc_read_file(missing, 100, &data, &len, &err),
	                 SC_ENOINPUT);
	assert_null(data);
	assert_non_null(strstr(err, strerror(ENOENT)));
	assert_non_null(strstr(err, missing));
	free(err);
	free(missing);

	assert_int_equal(sc_read_file(dir, 100, &data, &len, &err),
	                 SC_ENOINPUT);
	assert_non_null(strstr(err, "directory"));
	free(err);

	/* A FIFO would block a naive reader forever. */
	char *fifo = sc_xasprintf("%s/fifo", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(sc_read_file(fifo, 100, &data, &len, &err),
	                 SC_ENOINPUT);
	assert_non_null(strstr(err, "not a regular file"));
	free(err);
	free(fifo);

	char *empty = th_write(dir, "empty", "");
	assert_int_equal(sc_read_file(empty, 0, &data, &len, &err), SC_OK);
	assert_int_equal(len, 0);
	assert_string_equal(data, "");
	free(data);
	free(empty);

	free(path);
	th_rmtree(dir);
	free(dir);
}

static void
mkdir_p_levels(void **state)
{
	(void)state;
	char *dir = th_mkdtemp();
	char *deep = sc_xasprintf("%s/a/b//c/", dir);
	mode_t old = umask(0);
	assert_true(sc_mkdir_p(deep, 0700));
	umask(old);
	char *c = sc_xasprintf("%s/a/b/c", dir);
	struct stat st;
	assert_int_equal(stat(c, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0700);
	/* Existing directories are fine. */
	assert_true(sc_mkdir_p(deep, 0700));
	/* A file in the way is not. */
	char *file = th_write(dir, "file", "x");
	char *below = sc_xasprintf("%s/sub", file);
	errno = 0;
	assert_false(sc_mkdir_p(below, 0700));
	assert_int_equal(errno, ENOTDIR);
	assert_false(sc_mkdir_p(file, 0700));
	assert_int_equal(errno, ENOTDIR);
	free(below);
	free(file);
	free(c);
	free(deep);
	th_rmtree(dir);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(atomic_write_mode_and_content),
		cmocka_unit_test(atomic_write_empty_and_relative),
		cmocka_unit_test(atomic_write_missing_dir),
		cmocka_unit_test(atomic_write_unwritable_dir),
		cmocka_unit_test(atomic_write_rename_failure_leaves_nothing),
		cmocka_unit_test(overwrite_replaces_whole_file),
		cmocka_unit_test(read_file_limits),
		cmocka_unit_test(mkdir_p_levels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
