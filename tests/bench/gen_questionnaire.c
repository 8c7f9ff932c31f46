/* Print a generated questionnaire (the benchmark's shapes) as YAML:
 *   gen_questionnaire QUESTIONS RULES [SEED] */
#include <stdio.h>
#include <stdlib.h>

#include "qgen.h"

int
main(int argc, char **argv)
{
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: gen_questionnaire QUESTIONS RULES [SEED]\n");
		return 64;
	}
	char *end;
	struct qgen_params p = {0};
	p.nquestions = strtoull(argv[1], &end, 10);
	if (*end || p.nquestions == 0 || p.nquestions > 1000000)
		goto bad;
	p.nrules = strtoull(argv[2], &end, 10);
	if (*end || p.nrules > 1000000)
		goto bad;
	p.seed = argc == 4 ? strtoull(argv[3], &end, 10) : 42;
	if (argc == 4 && *end)
		goto bad;
	p.nsections = p.nquestions / 100 ? p.nquestions / 100 : 1;
	struct sc_buf b = {0};
	qgen_yaml(&p, &b);
	if (fwrite(b.data, 1, b.len, stdout) != b.len || fflush(stdout) != 0) {
		perror("gen_questionnaire");
		sc_buf_fini(&b);
		return 74;
	}
	sc_buf_fini(&b);
	return 0;
bad:
	fprintf(stderr, "gen_questionnaire: QUESTIONS (1 to 1000000), RULES and "
	                "SEED are whole numbers\n");
	return 64;
}
