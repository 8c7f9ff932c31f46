/* The loading benchmark: loading and checking a generated questionnaire
 * (sc_questionnaire_load_file, everything `socscope validate` does to a
 * questionnaire) set beside a bare libyaml parse of the same file, which
 * only reads the file and pulls libyaml's events.  The bare parse is the
 * floor no loader built on libyaml can go under, and it is measured in the
 * same run, on the same machine, so the ratio holds when absolute times on a
 * shared, noisy machine do not.
 *
 * In this process: medians of interleaved runs, on a heap that is warm and
 * reused from one run to the next.  Memory: the peak resident size of a
 * fresh process that does one load (this program run again with --load,
 * which prints its own peak), against the file's size; a fresh process that
 * does one bare parse (--bare) is shown for reference.
 *
 * Fresh processes, as a user runs them (with --socscope and --bare-exe):
 * `socscope validate FILE` against `bare_parse FILE` (bare_parse.c, the
 * bare parse as a program of its own), whole processes from fork to exit,
 * start-up, page faults and freeing at exit included, run in turn; wall,
 * CPU and system time and peak resident size, and the median over the
 * pairs of each pair's ratio.  They are started by this program run again
 * (--fresh): a process reports at least the resident size of the one it
 * was forked from, and that one is small.
 *
 *   bench_load [--quick] [--runs N] [--seed N]
 *              [--socscope PATH --bare-exe PATH]
 *   bench_load --load FILE | --bare FILE   (one measured child run)
 *   bench_load --fresh RUNS SOCSCOPE BARE_EXE FILE   (the fresh pairs)
 *
 * Exit status: 0 on success, 1 when a file does not load or a child fails,
 * 64 on bad arguments. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
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

/* This process's anonymous resident size now in KiB (RssAnon), or -1: a
 * child forked now starts with a copy of it, so its peak reads no lower. */
static long
own_anon_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	if (!f)
		return -1;
	char line[256];
	long kib = -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "RssAnon: %ld kB", &kib) == 1)
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

/* Run this program again with argv (argv[0] is replaced by self) and
 * read what it prints into out[size]; true when it exited 0. */
static bool
run_self(const char *self, char **argv, char *out, size_t size)
{
	int fds[2];
	if (pipe(fds) != 0)
		return false;
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return false;
	}
	if (pid == 0) {
		close(fds[0]);
		if (dup2(fds[1], STDOUT_FILENO) < 0)
			_exit(127);
		argv[0] = (char *)self;
		execv(self, argv);
		_exit(127);
	}
	close(fds[1]);
	size_t got = 0;
	ssize_t r;
	while (got < size - 1 &&
	       ((r = read(fds[0], out + got, size - 1 - got)) > 0 ||
	        (r < 0 && errno == EINTR)))
		if (r > 0)
			got += (size_t)r;
	close(fds[0]);
	out[got] = '\0';
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return false;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Run this program again as `self mode path`; returns the child's peak
 * resident size in KiB, or -1 when it failed. */
static long
child_peak_kib(const char *self, const char *mode, const char *path)
{
	char buf[64];
	char *argv[] = {NULL, (char *)mode, (char *)path, NULL};
	long kib = -1;
	if (!run_self(self, argv, buf, sizeof buf) ||
	    sscanf(buf, "%ld", &kib) != 1)
		return -1;
	return kib;
}

/* ---- fresh processes ------------------------------------------------------- */

struct proc_run {
	double wall, cpu, sys; /* seconds */
	double peak_kib;
};

/* Start argv with no input and its output thrown away, and wait for it:
 * whole-process figures from the kernel's own accounting of the child.
 * False when it could not start or did not exit 0. */
static bool
time_process(char *const argv[], struct proc_run *out)
{
	double t0 = now_s();
	pid_t pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		if (null < 0 || dup2(null, STDIN_FILENO) < 0 ||
		    dup2(null, STDOUT_FILENO) < 0 || dup2(null, STDERR_FILENO) < 0)
			_exit(127);
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR)
			return false;
	double t1 = now_s();
	out->wall = t1 - t0;
	out->sys = (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	out->cpu = out->sys + (double)ru.ru_utime.tv_sec +
	           (double)ru.ru_utime.tv_usec / 1e6;
	out->peak_kib = (double)ru.ru_maxrss; /* KiB on Linux */
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* What a fresh pair yields, in the order fresh_run prints it. */
enum {
	F_WALL_A, F_WALL_B, F_WALL_RATIO, F_CPU_A, F_CPU_B, F_CPU_RATIO,
	F_SYS_A, F_SYS_B, F_PEAK_A, F_PEAK_B, F_COUNT
};

/* The fresh pairs, in this (small, freshly started) process: `runs` pairs
 * after one not counted, the order in each pair alternating so that drift
 * lands on both alike.  Prints the median of each figure on one line, then
 * the floor under which no child's peak can be read. */
static int
fresh_run(size_t runs, char *socscope, char *bare, char *path)
{
	char *argv_a[] = {socscope, "validate", path, NULL};
	char *argv_b[] = {bare, path, NULL};
	struct proc_run a, b;
	if (!time_process(argv_a, &a) || !time_process(argv_b, &b))
		return 1;
	double *v[F_COUNT];
	for (int i = 0; i < F_COUNT; i++)
		v[i] = sc_xmalloc(runs * sizeof *v[i]);
	bool ok = true;
	for (size_t k = 0; ok && k < runs; k++) {
		if (k % 2 == 0)
			ok = time_process(argv_a, &a) && time_process(argv_b, &b);
		else
			ok = time_process(argv_b, &b) && time_process(argv_a, &a);
		/* A tiny file can take under the clock's tick of CPU time. */
		double fig[F_COUNT] = {
			[F_WALL_A] = a.wall, [F_WALL_B] = b.wall,
			[F_WALL_RATIO] = a.wall / b.wall,
			[F_CPU_A] = a.cpu, [F_CPU_B] = b.cpu,
			[F_CPU_RATIO] = b.cpu > 0 ? a.cpu / b.cpu : 0,
			[F_SYS_A] = a.sys, [F_SYS_B] = b.sys,
			[F_PEAK_A] = a.peak_kib, [F_PEAK_B] = b.peak_kib,
		};
		for (int i = 0; i < F_COUNT; i++)
			v[i][k] = fig[i];
	}
	if (ok) {
		for (int i = 0; i < F_COUNT; i++)
			printf("%s%.6f", i ? " " : "", median(v[i], runs));
		printf("\n%ld\n", own_anon_kib());
	}
	for (int i = 0; i < F_COUNT; i++)
		free(v[i]);
	return ok && fflush(stdout) == 0 ? 0 : 1;
}

struct fresh_figures {
	double f[F_COUNT];
	double floor_kib;
};

static bool
measure_fresh(const char *self, size_t runs, const char *socscope,
              const char *bare, const char *path, struct fresh_figures *ff)
{
	char nruns[32], out[1024];
	snprintf(nruns, sizeof nruns, "%zu", runs);
	char *argv[] = {NULL, "--fresh", nruns, (char *)socscope, (char *)bare,
	                (char *)path, NULL};
	if (!run_self(self, argv, out, sizeof out))
		return false;
	const char *p = out;
	for (int i = 0; i < F_COUNT; i++) {
		char *end;
		ff->f[i] = strtod(p, &end);
		if (end == p)
			return false;
		p = end;
	}
	char *end;
	ff->floor_kib = strtod(p, &end);
	return end != p;
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
	                "                  [--socscope PATH --bare-exe PATH]\n"
	                "       bench_load --load FILE | --bare FILE\n"
	                "       bench_load --fresh RUNS SOCSCOPE BARE_EXE FILE\n");
	return 64;
}

static void
print_in_process(const struct figures *f, size_t n, size_t runs)
{
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
	for (size_t i = 0; i < n; i++) {
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
}

static void
print_fresh(const struct figures *f, const struct fresh_figures *ff, size_t n,
            size_t runs)
{
	printf("\nfresh processes, as a user runs them: `socscope validate FILE` "
	       "against `bare_parse FILE`\n(which only reads the file and pulls "
	       "libyaml's events); whole processes, fork to exit;\nmedians of "
	       "%zu runs, the two run in turn\n\n", runs);
	printf("  %9s %17s %7s %17s %7s %15s %15s\n", "questions",
	       "wall ms", "wall", "cpu ms", "cpu", "sys ms", "peak MiB");
	printf("  %9s %8s %8s %7s %8s %8s %7s %7s %7s %7s %7s\n", "",
	       "validate", "bare", "ratio", "validate", "bare", "ratio",
	       "valid.", "bare", "valid.", "bare");
	bool at_floor = false;
	for (size_t i = 0; i < n; i++) {
		const double *x = ff[i].f;
		printf("  %9zu %8.1f %8.1f %6.2fx %8.1f %8.1f %6.2fx %7.1f %7.1f "
		       "%7.1f %7.1f\n",
		       f[i].questions, x[F_WALL_A] * 1e3, x[F_WALL_B] * 1e3,
		       x[F_WALL_RATIO], x[F_CPU_A] * 1e3, x[F_CPU_B] * 1e3,
		       x[F_CPU_RATIO], x[F_SYS_A] * 1e3, x[F_SYS_B] * 1e3,
		       x[F_PEAK_A] / 1024.0, x[F_PEAK_B] / 1024.0);
		at_floor = at_floor || x[F_PEAK_A] <= ff[i].floor_kib ||
		           x[F_PEAK_B] <= ff[i].floor_kib;
	}
	printf("\n  ratio = the median over the runs of each pair's "
	       "validate / bare (target for\n  wall time: at most 2x at 10,000 "
	       "questions); cpu = user + system time\n");
	if (at_floor)
		printf("  (a peak at %.1f MiB or below is the starting process's "
		       "own and says only that much)\n", ff[0].floor_kib / 1024.0);
}

int
main(int argc, char **argv)
{
	if (argc == 3 && (strcmp(argv[1], "--bare") == 0 ||
	                  strcmp(argv[1], "--load") == 0))
		return child_run(argv[1], argv[2]);
	size_t runs = 11, seed = 42;
	if (argc == 6 && strcmp(argv[1], "--fresh") == 0)
		return parse_size(argv[2], &runs)
		               ? fresh_run(runs, argv[3], argv[4], argv[5])
		               : usage();

	size_t sizes[] = {1000, 10000};
	const char *socscope = NULL, *bare_exe = NULL;
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
		} else if (strcmp(argv[i], "--socscope") == 0 && i + 1 < argc) {
			socscope = argv[++i];
		} else if (strcmp(argv[i], "--bare-exe") == 0 && i + 1 < argc) {
			bare_exe = argv[++i];
		} else {
			return usage();
		}
	}
	if (!socscope != !bare_exe)
		return usage();
	/* The fresh runs start them from elsewhere than here. */
	char *socscope_abs = socscope ? realpath(socscope, NULL) : NULL;
	char *bare_abs = bare_exe ? realpath(bare_exe, NULL) : NULL;
	if (socscope && (!socscope_abs || !bare_abs)) {
		fprintf(stderr, "bench_load: %s: %s\n",
		        socscope_abs ? bare_exe : socscope, strerror(errno));
		return 1;
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
	struct fresh_figures ff[NSIZES];
	char *paths[NSIZES];
	bool ok = true;
	for (size_t i = 0; i < NSIZES; i++) {
		f[i].questions = sizes[i];
		paths[i] = write_questionnaire(dir, sizes[i], seed, &f[i].bytes);
	}
	for (size_t i = 0; i < NSIZES && ok && socscope; i++)
		ok = measure_fresh(self, runs, socscope_abs, bare_abs, paths[i],
		                   &ff[i]);
	for (size_t i = 0; i < NSIZES && ok; i++)
		ok = measure(self, paths[i], runs, &f[i]);
	for (size_t i = 0; i < NSIZES; i++) {
		unlink(paths[i]);
		free(paths[i]);
	}
	rmdir(dir);
	free(dir);
	free(socscope_abs);
	free(bare_abs);
	if (!ok) {
		fprintf(stderr, "bench_load: a measurement failed\n");
		return 1;
	}
	print_in_process(f, NSIZES, runs);
	if (socscope)
		print_fresh(f, ff, NSIZES, runs);
	return 0;
}
