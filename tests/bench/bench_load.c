/* The loading benchmark: loading and checking a generated questionnaire
 * (sc_questionnaire_load_file, everything `socscope validate` does to a
 * questionnaire) set beside a bare libyaml parse of the same file, which
 * only reads the file and pulls libyaml's events.  The bare parse is the
 * floor no loader built on libyaml can go under, and it is measured in the
 * same run, on the same machine, so the ratio holds when absolute times on a
 * shared, noisy machine do not.
 *
 * Time: medians of interleaved runs inside this process.  Memory: the peak
 * resident size of a fresh process that does one load (this program run
 * again with --load, which prints its own peak), against the file's size; a
 * fresh process that does one bare parse (--bare) is shown for reference.
 *
 *   bench_load [--quick] [--runs N] [--seed N]
 *   bench_load --load FILE | --bare FILE   (one measured child run)
 *
 * Exit status: 0 on success, 1 when a file does not load or a child fails,
 * 64 on bad arguments. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

#include "socscope/questionnaire.h"

#include "qgen.h"

static double
now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

/* Median of v[0..n) (sorts v). */
static double
median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The reference: read the file and pull every event, keeping nothing.
 * Returns the number of events, 0 on failure. */
static size_t
bare_parse(const char *path)
{
	/* Read as cheaply as a program can: one buffer of the file's size. */
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || st.st_size < 0) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	size_t len = (size_t)st.st_size, got = 0;
	unsigned char *buf = sc_xmalloc(len + 1);
	ssize_t r = 1;
	while (got < len && (r = read(fd, buf + got, len - got)) > 0)
		got += (size_t)r;
	close(fd);
	yaml_parser_t p;
	if (got != len || !yaml_parser_initialize(&p)) {
		free(buf);
		return 0;
	}
	yaml_parser_set_input_string(&p, buf, len);
	size_t events = 0;
	for (bool done = false; !done;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			events = 0;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		events++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	free(buf);
	return events;
}

/* Load and check; false (with the problems printed) when it does not load. */
static bool
load_and_check(const char *path)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	struct sc_questionnaire *q = sc_questionnaire_load_file(path, &d, &st);
	if (!q) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		fprintf(stderr, "bench_load: %s does not load:\n%s", path,
		        sc_buf_str(&b));
		sc_buf_fini(&b);
	}
	sc_diags_fini(&d);
	sc_questionnaire_free(q);
	return q != NULL;
}

/* Generate a questionnaire into dir; returns its path. */
static char *
write_questionnaire(const char *dir, size_t nq, uint64_t seed, size_t *bytes)
{
	struct qgen_params p = {.nquestions = nq,
	                        .nsections = nq / 100 ? nq / 100 : 1,
	                        .nrules = nq / 2 ? nq / 2 : 1,
	                        .seed = seed};
	struct sc_buf b = {0};
	qgen_yaml(&p, &b);
	char *path = sc_xasprintf("%s/q%zu.yaml", dir, nq);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(b.data, 1, b.len, f) != b.len || fclose(f) != 0) {
		fprintf(stderr, "bench_load: cannot write %s: %s\n", path,
		        strerror(errno));
		exit(1);
	}
	*bytes = b.len;
	sc_buf_fini(&b);
	return path;
}

/* This process's peak resident size in KiB, from the kernel's count for
 * its address space since exec (VmHWM), or -1.  getrusage() would not do
 * for a child: its ru_maxrss keeps the peak of the parent it was forked
 * from. */
static long
own_peak_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	if (!f)
		return -1;
	char line[256];
	long kib = -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

/* One measured run in a fresh process: `mode` on `path`, then print the
 * peak.  Exit status 0 on success. */
static int
child_run(const char *mode, const char *path)
{
	bool ok = strcmp(mode, "--bare") == 0 ? bare_parse(path) > 0
	                                      : load_and_check(path);
	long kib = own_peak_kib();
	if (!ok || kib < 0)
		return 1;
	printf("%ld\n", kib);
	return fflush(stdout) == 0 ? 0 : 1;
}

/* Run this program again as `self mode path`; returns the child's peak
 * resident size in KiB, or -1 when it failed. */
static long
child_peak_kib(const char *self, const char *mode, const char *path)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		if (dup2(fds[1], STDOUT_FILENO) < 0)
			_exit(127);
		execl(self, self, mode, path, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	char buf[64];
	size_t got = 0;
	ssize_t r;
	while (got < sizeof buf - 1 &&
	       ((r = read(fds[0], buf + got, sizeof buf - 1 - got)) > 0 ||
	        (r < 0 && errno == EINTR)))
		if (r > 0)
			got += (size_t)r;
	close(fds[0]);
	buf[got] = '\0';
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	long kib = -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    sscanf(buf, "%ld", &kib) != 1)
		return -1;
	return kib;
}

struct figures {
	size_t questions, bytes;
	double t_bare, t_load;      /* seconds, medians */
	double t_ratio;             /* median of the runs' load / bare */
	double kib_bare, kib_load;  /* peak resident size, medians */
};

static bool
measure(const char *self, const char *path, size_t runs, struct figures *f)
{
	double *tb = sc_xmalloc(runs * sizeof *tb);
	double *tl = sc_xmalloc(runs * sizeof *tl);
	double *mb = sc_xmalloc(runs * sizeof *mb);
	double *ml = sc_xmalloc(runs * sizeof *ml);
	double *tr = sc_xmalloc(runs * sizeof *tr);
	bool ok = bare_parse(path) > 0 && load_and_check(path); /* warm-up */
	for (size_t k = 0; ok && k < runs; k++) {
		/* Alternate which goes first, so drift lands on both alike. */
		for (int j = 0; j < 2 && ok; j++) {
			double t0 = now_s();
			if ((k + (size_t)j) % 2 == 0) {
				ok = bare_parse(path) > 0;
				tb[k] = now_s() - t0;
			} else {
				ok = load_and_check(path);
				tl[k] = now_s() - t0;
			}
		}
		/* Each run's pair taken together: a slow spell of the machine
		 * lands on both halves of a pair, and drops out of the ratio. */
		if (ok)
			tr[k] = tl[k] / tb[k];
	}
	size_t mruns = runs < 5 ? runs : 5;
	for (size_t k = 0; ok && k < mruns; k++) {
		long b = child_peak_kib(self, "--bare", path);
		long l = child_peak_kib(self, "--load", path);
		ok = b > 0 && l > 0;
		mb[k] = (double)b;
		ml[k] = (double)l;
	}
	if (ok) {
		f->t_bare = median(tb, runs);
		f->t_load = median(tl, runs);
		f->t_ratio = median(tr, runs);
		f->kib_bare = median(mb, mruns);
		f->kib_load = median(ml, mruns);
	}
	free(tb);
	free(tl);
	free(mb);
	free(ml);
	free(tr);
	return ok;
}

static bool
parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *end || v == 0 || v > 1000000)
		return false;
	*out = (size_t)v;
	return true;
}

static int
usage(void)
{
	fprintf(stderr, "usage: bench_load [--quick] [--runs N] [--seed N]\n"
	                "       bench_load --load FILE | --bare FILE\n");
	return 64;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && (strcmp(argv[1], "--bare") == 0 ||
	                  strcmp(argv[1], "--load") == 0))
		return child_run(argv[1], argv[2]);

	size_t runs = 11, seed = 42;
	size_t sizes[] = {1000, 10000};
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0) {
			runs = 3;
			sizes[0] = 100;
			sizes[1] = 1000;
		} else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
			if (!parse_size(argv[++i], &runs))
				return usage();
		} else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
			if (!parse_size(argv[++i], &seed))
				return usage();
		} else {
			return usage();
		}
	}
	/* The children are this very program; /proc/self/exe survives a
	 * relative argv[0] and a changed directory. */
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		snprintf(self, sizeof self, "%s", argv[0]);
	else
		self[n] = '\0';

	const char *tmp = getenv("TMPDIR");
	char *dir = sc_xasprintf("%s/socscope-bench-XXXXXX",
	                         tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		fprintf(stderr, "bench_load: mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	enum { NSIZES = sizeof sizes / sizeof sizes[0] };
	struct figures f[NSIZES];
	char *paths[NSIZES];
	bool ok = true;
	for (size_t i = 0; i < NSIZES; i++) {
		f[i].questions = sizes[i];
		paths[i] = write_questionnaire(dir, sizes[i], seed, &f[i].bytes);
	}
	for (size_t i = 0; i < NSIZES && ok; i++)
		ok = measure(self, paths[i], runs, &f[i]);
	for (size_t i = 0; i < NSIZES; i++) {
		unlink(paths[i]);
		free(paths[i]);
	}
	rmdir(dir);
	free(dir);
	if (!ok) {
		fprintf(stderr, "bench_load: a measurement failed\n");
		return 1;
	}

	printf("socscope load benchmark: load and check (sc_questionnaire_load_file)"
	       " against a bare libyaml event parse of the same file;\n"
	       "time: medians of %zu interleaved runs in one process; memory: "
	       "medians of the peak resident size of a fresh process doing one "
	       "run\n\n", runs);
	printf("  %9s %9s %11s %11s %7s %10s %10s %10s\n", "questions", "file",
	       "bare parse", "load+check", "time", "bare peak", "load peak",
	       "peak");
	printf("  %9s %9s %11s %11s %7s %10s %10s %10s\n", "", "MB", "ms", "ms",
	       "ratio", "MiB", "MiB", "/file");
	for (size_t i = 0; i < NSIZES; i++) {
		printf("  %9zu %9.2f %11.2f %11.2f %6.2fx %10.1f %10.1f %9.2fx\n",
		       f[i].questions, (double)f[i].bytes / 1e6,
		       f[i].t_bare * 1e3, f[i].t_load * 1e3,
		       f[i].t_ratio, f[i].kib_bare / 1024.0,
		       f[i].kib_load / 1024.0,
		       f[i].kib_load * 1024.0 / (double)f[i].bytes);
	}
	printf("\n  time ratio = the median over the runs of load+check / bare parse, "
	       "each run's\n  two measured back to back (target: at most 2x);\n"
	       "  peak / file = the loading process's whole peak resident size "
	       "/ the file's size (target: at most 6x at 10,000 questions)\n");
	return 0;
}
