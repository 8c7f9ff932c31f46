/* Where the compiler has no libFuzzer: run each file named (or each file in
 * each directory named) through the target once, so the seed corpus is
 * still a regression test in every build. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "socscope/fsutil.h"

static int
run_file(const char *path)
{
	char *data = NULL, *err = NULL;
	size_t len = 0;
	if (sc_read_file(path, 64u * 1024u * 1024u, &data, &len, &err) != SC_OK) {
		fprintf(stderr, "%s\n", err ? err : path);
		free(err);
		return 1;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	return 0;
}

int
main(int argc, char **argv)
{
	int bad = 0, runs = 0;
	LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		struct stat sb;
		if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
			DIR *dp = opendir(argv[i]);
			struct dirent *de;
			while (dp && (de = readdir(dp)) != NULL) {
				if (de->d_name[0] == '.')
					continue;
				char *p = sc_xasprintf("%s/%s", argv[i], de->d_name);
				bad |= run_file(p);
				runs++;
				free(p);
			}
			if (dp)
				closedir(dp);
		} else {
			bad |= run_file(argv[i]);
			runs++;
		}
	}
	printf("%d inputs replayed\n", runs);
	return bad;
}
