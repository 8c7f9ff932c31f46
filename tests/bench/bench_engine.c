/* The scale benchmark: loading a 10,000-question questionnaire, evaluating
 * it in full, and re-evaluating after one changed answer, as the interview
 * does on every keystroke.
 *
 * Every figure is a median over repeated runs and is set beside a reference
 * measured in the same run on the same machine (the 1,000-question load,
 * the full re-evaluation), because absolute times on a shared, noisy
 * machine mean little while ratios hold.  Before printing, the incremental
 * state is checked against a fresh evaluation so a fast wrong answer cannot
 * pass for a result.
 *
 *   bench_engine [--quick] [--questions N] [--rules N] [--runs N]
 *                [--changes N] [--seed N]
 *
 * Exit status: 0 on success, 1 when loading fails or the incremental result
 * differs from the full one, 64 on bad arguments. */
#include <errno.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "socscope/answers.h"
#include "socscope/engine.h"
#include "socscope/questionnaire.h"

#include "qgen.h"

struct opts {
	size_t questions, rules, runs, changes;
	uint64_t seed;
};

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

/* The value at fraction f (0..1) of sorted v[0..n). */
static double
quantile(const double *v, size_t n, double f)
{
	size_t i = (size_t)(f * (double)(n - 1) + 0.5);
	return v[i < n ? i : n - 1];
}

static long
peak_rss_kib(void)
{
	struct rusage ru;
	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return -1;
	return ru.ru_maxrss; /* KiB on Linux */
}

/* Bytes of heap in use, or -1 where the C library cannot say. */
static long long
heap_in_use(void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
	struct mallinfo2 mi = mallinfo2();
	return (long long)(mi.uordblks + mi.hblkhd);
#else
	return -1;
#endif
}

/* Generate a questionnaire and write it to dir/name; returns the path. */
static char *
write_questionnaire(const char *dir, const char *name, size_t nq, size_t nr,
                    uint64_t seed, size_t *bytes)
{
	struct qgen_params p = {.nquestions = nq,
	                        .nsections = nq / 100 ? nq / 100 : 1,
	                        .nrules = nr,
	                        .seed = seed};
	struct sc_buf b = {0};
	qgen_yaml(&p, &b);
	char *path = sc_xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(b.data, 1, b.len, f) != b.len || fclose(f) != 0) {
		fprintf(stderr, "bench_engine: cannot write %s: %s\n", path,
		        strerror(errno));
		exit(1);
	}
	*bytes = b.len;
	sc_buf_fini(&b);
	return path;
}

static struct sc_questionnaire *
load(const char *path)
{
	struct sc_diags d;
	sc_diags_init(&d);
	enum sc_status st = SC_OK;
	struct sc_questionnaire *q = sc_questionnaire_load_file(path, &d, &st);
	if (!q) {
		struct sc_buf b = {0};
		sc_diags_format(&d, &b);
		fprintf(stderr, "bench_engine: the generated questionnaire does not "
		                "load:\n%s", sc_buf_str(&b));
		sc_buf_fini(&b);
		exit(1);
	}
	sc_diags_fini(&d);
	return q;
}

static double
time_one_load(const char *path)
{
	double t0 = now_s();
	struct sc_questionnaire *q = load(path);
	double t = now_s() - t0;
	sc_questionnaire_free(q);
	return t;
}

/* Median load times of `big` and `small`, interleaved so that a burst of
 * noise from the machine's other work lands on both alike; the small file
 * is loaded more often since it is cheap and its median is the reference. */
static void
time_loads(const char *big, const char *small, size_t runs, double *t_big,
           double *t_small)
{
	size_t reps = 5;
	double *tb = sc_xmalloc(runs * sizeof *tb);
	double *ts = sc_xmalloc(runs * reps * sizeof *ts);
	for (size_t k = 0; k < runs; k++) {
		for (size_t j = 0; j < reps; j++)
			ts[k * reps + j] = time_one_load(small);
		tb[k] = time_one_load(big);
	}
	*t_big = median(tb, runs);
	*t_small = median(ts, runs * reps);
	free(tb);
	free(ts);
}

static void
set_answer(struct sc_answers *a, size_t i, struct sc_answer *tmp)
{
	if (tmp->type == SC_A_NONE) {
		sc_answers_unset(a, i);
	} else if (!sc_answers_set(a, i, tmp)) {
		fprintf(stderr, "bench_engine: generated answer to %s refused\n",
		        a->q->questions[i].id);
		exit(1);
	}
}

/* The same recommendation, counts and lists in both evaluators?  A cheap
 * guard; test_engine.c compares every field. */
static bool
agrees(struct sc_eval *inc, const struct sc_questionnaire *q,
       const struct sc_answers *a)
{
	struct sc_eval *full = sc_eval_new(q, a);
	bool ok = true;
	for (size_t i = 0; i < q->nquestions && ok; i++)
		ok = sc_eval_visible(inc, i) == sc_eval_visible(full, i);
	for (size_t r = 0; r < q->nrules && ok; r++)
		ok = sc_eval_fired(inc, r) == sc_eval_fired(full, r);
	const struct sc_result *x = sc_eval_result(inc), *y = sc_eval_result(full);
	ok = ok && x->nreports == y->nreports && x->ngaps == y->ngaps
	     && x->nitems == y->nitems && x->score == y->score
	     && x->nunanswered == y->nunanswered
	     && x->applicable == y->applicable && x->answered == y->answered
	     && x->nframeworks == y->nframeworks;
	struct sc_buf s1 = {0}, s2 = {0};
	sc_result_summary(q, x, &s1);
	sc_result_summary(q, y, &s2);
	ok = ok && strcmp(sc_buf_str(&s1), sc_buf_str(&s2)) == 0;
	sc_buf_fini(&s1);
	sc_buf_fini(&s2);
	sc_eval_free(full);
	return ok;
}

static void
row(const char *what, const char *value, const char *ref, const char *ratio)
{
	printf("  %-44s %14s %14s %10s\n", what, value, ref, ratio);
}

/* A duration with a unit that keeps three significant digits readable. */
static void
fmt_time(char *buf, size_t n, double s)
{
	if (s >= 1)
		snprintf(buf, n, "%.3f s", s);
	else if (s >= 1e-3)
		snprintf(buf, n, "%.3f ms", s * 1e3);
	else
		snprintf(buf, n, "%.2f us", s * 1e6);
}

static int
usage(void)
{
	fprintf(stderr, "usage: bench_engine [--quick] [--questions N] "
	                "[--rules N] [--runs N] [--changes N] [--seed N]\n");
	return 64;
}

static bool
parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *end || v == 0 || v > 10000000)
		return false;
	*out = (size_t)v;
	return true;
}

int
main(int argc, char **argv)
{
	struct opts o = {.questions = 10000, .rules = 5000, .runs = 7,
	                 .changes = 2000, .seed = 42};
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		size_t *target = NULL;
		if (strcmp(arg, "--quick") == 0) {
			o.questions = 200;
			o.rules = 100;
			o.runs = 3;
			o.changes = 200;
			continue;
		}
		if (strcmp(arg, "--questions") == 0)
			target = &o.questions;
		else if (strcmp(arg, "--rules") == 0)
			target = &o.rules;
		else if (strcmp(arg, "--runs") == 0)
			target = &o.runs;
		else if (strcmp(arg, "--changes") == 0)
			target = &o.changes;
		else if (strcmp(arg, "--seed") == 0) {
			size_t s;
			if (i + 1 >= argc || !parse_size(argv[++i], &s))
				return usage();
			o.seed = s;
			continue;
		} else
			return usage();
		if (i + 1 >= argc || !parse_size(argv[++i], target))
			return usage();
	}
	/* The linearity reference: the same generator at a tenth the size. */
	size_t small_q = o.questions / 10 ? o.questions / 10 : 1;
	size_t small_r = o.rules / 10 ? o.rules / 10 : 1;

	const char *tmp = getenv("TMPDIR");
	char *dir = sc_xasprintf("%s/socscope-bench-XXXXXX",
	                         tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		fprintf(stderr, "bench_engine: mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	size_t big_bytes, small_bytes;
	char *big = write_questionnaire(dir, "big.yaml", o.questions, o.rules,
	                                o.seed, &big_bytes);
	char *small = write_questionnaire(dir, "small.yaml", small_q, small_r,
	                                  o.seed, &small_bytes);

	/* Memory held by the loaded model, measured on the first load so the
	 * peak also shows what loading itself needs. */
	long long heap0 = heap_in_use();
	struct sc_questionnaire *q = load(big);
	long long heap_model = heap_in_use() - heap0;
	long rss_loaded = peak_rss_kib();

	/* Loading. */
	double t_small, t_big;
	time_loads(big, small, o.runs, &t_big, &t_small);

	/* A realistic, half-finished interview. */
	struct qgen_rng rng = {o.seed ^ 0x5eed};
	struct sc_answers *a = sc_answers_new(q);
	struct sc_answer tmpa = {0};
	for (size_t i = 0; i < q->nquestions; i++) {
		if (qgen_chance(&rng, 50))
			continue;
		qgen_answer(&rng, &q->questions[i], &tmpa);
		set_answer(a, i, &tmpa);
	}

	/* Full evaluation: build the evaluator (dependency lists included). */
	double *t = sc_xmalloc((o.runs > o.changes ? o.runs : o.changes)
	                       * sizeof *t);
	for (size_t k = 0; k < o.runs; k++) {
		double t0 = now_s();
		struct sc_eval *ev = sc_eval_new(q, a);
		sc_eval_result(ev);
		t[k] = now_s() - t0;
		sc_eval_free(ev);
	}
	double t_new = median(t, o.runs);

	/* The reference: re-evaluating everything, as an engine without
	 * dependency tracking would on every keystroke. */
	long long heap1 = heap_in_use();
	struct sc_eval *ev = sc_eval_new(q, a);
	sc_eval_result(ev);
	long long heap_eval = heap_in_use() - heap1;
	for (size_t k = 0; k < o.runs; k++) {
		double t0 = now_s();
		sc_eval_reset(ev);
		sc_eval_result(ev);
		t[k] = now_s() - t0;
	}
	double t_full = median(t, o.runs);

	/* One changed answer: changed + result, over many random changes. */
	double *tc = sc_xmalloc(o.changes * sizeof *tc);
	double *tr = sc_xmalloc(o.changes * sizeof *tr);
	size_t fired_sum = 0;
	for (size_t k = 0; k < o.changes; k++) {
		size_t i = qgen_below(&rng, q->nquestions);
		qgen_answer(&rng, &q->questions[i], &tmpa);
		set_answer(a, i, &tmpa);
		double t0 = now_s();
		sc_eval_changed(ev, i);
		double t1 = now_s();
		sc_eval_result(ev);
		double t2 = now_s();
		t[k] = t2 - t0;
		tc[k] = t1 - t0;
		tr[k] = t2 - t1;
		for (size_t r = 0; r < q->nrules; r += 50)
			fired_sum += sc_eval_fired(ev, r);
	}
	double t_inc = median(t, o.changes); /* sorts t */
	double t_inc_p99 = quantile(t, o.changes, 0.99);
	double t_inc_max = t[o.changes - 1];
	double t_changed = median(tc, o.changes);
	double t_rebuild = median(tr, o.changes);
	free(tc);
	free(tr);
	size_t nfired = 0;
	for (size_t r = 0; r < q->nrules; r++)
		nfired += sc_eval_fired(ev, r);
	(void)fired_sum;
	bool ok = agrees(ev, q, a);
	long rss_peak = peak_rss_kib();

	char v[32], r[32], x[32];
	printf("socscope engine benchmark: %zu questions, %zu rules "
	       "(seed %llu); medians of %zu runs, %zu changes\n\n",
	       q->nquestions, q->nrules, (unsigned long long)o.seed, o.runs,
	       o.changes);
	row("measurement", "value", "reference", "ratio");
	printf("  %.*s\n", 44 + 3 * 15, "------------------------------------------"
	       "------------------------------------------------------------");
	fmt_time(v, sizeof v, t_big);
	fmt_time(r, sizeof r, t_small);
	snprintf(x, sizeof x, "%.1fx", t_big / t_small);
	char what[64];
	snprintf(what, sizeof what, "load %zu q (ref: %zu q; linear = %.0fx)",
	         o.questions, small_q, (double)big_bytes / (double)small_bytes);
	row(what, v, r, x);
	snprintf(v, sizeof v, "%.1f MB/s", (double)big_bytes / 1e6 / t_big);
	snprintf(r, sizeof r, "%.1f MB/s", (double)small_bytes / 1e6 / t_small);
	snprintf(what, sizeof what, "load throughput (%.2f MB file)",
	         (double)big_bytes / 1e6);
	row(what, v, r, "");
	fmt_time(v, sizeof v, t_new);
	fmt_time(r, sizeof r, t_full);
	snprintf(x, sizeof x, "%.2fx", t_new / t_full);
	row("sc_eval_new + result (ref: reset + result)", v, r, x);
	fmt_time(v, sizeof v, t_inc);
	snprintf(x, sizeof x, "%.0fx", t_full / t_inc);
	row("one change: changed + result (ref: full)", v, r, x);
	fmt_time(v, sizeof v, t_changed);
	row("  of which sc_eval_changed", v, "", "");
	fmt_time(v, sizeof v, t_rebuild);
	snprintf(what, sizeof what, "  of which sc_eval_result (%zu rules fired)",
	         nfired);
	row(what, v, "", "");
	fmt_time(v, sizeof v, t_inc_p99);
	snprintf(x, sizeof x, "%.0fx", t_full / t_inc_p99);
	row("  99th percentile", v, r, x);
	fmt_time(v, sizeof v, t_inc_max);
	snprintf(x, sizeof x, "%.1fx", t_full / t_inc_max);
	row("  slowest", v, r, x);
	snprintf(v, sizeof v, "%.1f MiB", (double)rss_peak / 1024);
	row("peak resident memory (whole run)", v, "", "");
	snprintf(v, sizeof v, "%.1f MiB", (double)rss_loaded / 1024);
	row("  peak after the first load", v, "", "");
	if (heap_model >= 0) {
		snprintf(v, sizeof v, "%.1f MiB", (double)heap_model / 1048576);
		snprintf(x, sizeof x, "%.1fx", (double)heap_model
		                               / (double)big_bytes);
		row("  heap held by the model (ratio: per file byte)", v, "", x);
		snprintf(v, sizeof v, "%.2f MiB", (double)heap_eval / 1048576);
		row("  heap held by the evaluator and its result", v, "", "");
	}
	printf("\n  ratio: load = big / small (about the size ratio when "
	       "linear); eval_new = new / reset;\n  one change = full "
	       "re-evaluation / incremental (the speed-up per keystroke).\n");
	printf("  incremental result %s a fresh full evaluation\n",
	       ok ? "matches" : "DIFFERS FROM");

	free(t);
	qgen_answer_free(&tmpa);
	sc_eval_free(ev);
	sc_answers_free(a);
	sc_questionnaire_free(q);
	unlink(big);
	unlink(small);
	rmdir(dir);
	free(big);
	free(small);
	free(dir);
	return ok ? 0 : 1;
}
