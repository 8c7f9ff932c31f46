#include "helpers.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "socscope/common.h"

char *
th_mkdtemp(void)
{
	const char *t = getenv("TMPDIR");
	char *tmpl = sc_xasprintf("%s/socscope-test-XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tmpl)) {
		perror("mkdtemp");
		abort();
	}
	return tmpl;
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void
th_rmtree(const char *dir)
{
	if (dir)
		nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *
th_write(const char *dir, const char *name, const char *text)
{
	char *path = sc_xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(text, 1, strlen(text), f) != strlen(text) || fclose(f)) {
		perror(path);
		abort();
	}
	return path;
}

char *
th_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct sc_buf b = {0};
	char tmp[4096];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		sc_buf_add(&b, tmp, n);
	fclose(f);
	if (len)
		*len = b.len;
	return sc_buf_steal(&b);
}

char *
th_src(const char *rel)
{
	return sc_xasprintf("%s/%s", SC_SRCDIR, rel);
}
