/* Reading the command line: the options every command shares, where each
 * may go, and the usage errors. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli_internal.h"

enum {
	OPT_ASCII = 256, OPT_HELP, OPT_VERSION, OPT_EXAMPLE, OPT_ASSESSOR,
	OPT_FIRM, OPT_STYLESHEET, OPT_LOGO
};

static const struct option long_options[] = {
	{"questionnaire", required_argument, NULL, 'q'},
	{"answers", required_argument, NULL, 'a'},
	{"client", required_argument, NULL, 'c'},
	{"theme", required_argument, NULL, 't'},
	{"plain", no_argument, NULL, 'p'},
	{"ascii", no_argument, NULL, OPT_ASCII},
	{"example", required_argument, NULL, OPT_EXAMPLE},
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"assessor", required_argument, NULL, OPT_ASSESSOR},
	{"firm", required_argument, NULL, OPT_FIRM},
	{"stylesheet", required_argument, NULL, OPT_STYLESHEET},
	{"logo", required_argument, NULL, OPT_LOGO},
	{"help", no_argument, NULL, OPT_HELP},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0},
};

int
sc_cli_usage_error(const char *fmt, const char *what)
{
	fputs("socscope: ", stderr);
	fprintf(stderr, fmt, what);
	fputs("\nTry 'socscope --help'.\n", stderr);
	return 64;
}

int
sc_cli_parse(int argc, char **argv, struct sc_cli_args *a)
{
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":q:a:c:t:pf:o:h", long_options, NULL)) != -1) {
		switch (c) {
		case 'q': a->questionnaire = optarg; break;
		case 'a': a->answers = optarg; break;
		case 'c': a->client = optarg; break;
		case 't': a->theme = optarg; break;
		case 'p': a->plain = true; break;
		case 'f': a->format = optarg; break;
		case 'o': a->output = optarg; break;
		case OPT_ASCII: a->ascii = true; break;
		case OPT_EXAMPLE: a->example = optarg; break;
		case OPT_ASSESSOR: a->assessor = optarg; break;
		case OPT_FIRM: a->firm = optarg; break;
		case OPT_STYLESHEET: a->stylesheet = optarg; break;
		case OPT_LOGO: a->logo = optarg; break;
		case 'h':
		case OPT_HELP: a->help = true; break;
		case OPT_VERSION: a->version = true; break;
		case ':':
			return sc_cli_usage_error("option '%s' needs a value", argv[optind - 1]);
		default:
			if (optopt)
				return sc_cli_usage_error("unknown option '-%s'",
				                          (char[]){(char)optopt, 0});
			return sc_cli_usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	a->rest = argv + optind;
	a->nrest = argc - optind;
	if (a->nrest > 0) {
		a->command = a->rest[0];
		a->rest++;
		a->nrest--;
	}
	return 0;
}

int
sc_cli_check_options(const struct sc_cli_args *a, bool interview, bool output)
{
	if (!interview && (a->answers || a->client || a->theme || a->plain ||
	                   a->ascii || a->example))
		return sc_cli_usage_error("'%s' takes no interview options", a->command);
	if ((a->assessor || a->firm || a->stylesheet || a->logo) &&
	    (!a->command || strcmp(a->command, "evaluate") != 0))
		return sc_cli_usage_error("--assessor, --firm, --stylesheet and "
		                          "--logo go with 'evaluate', not '%s'",
		                          a->command ? a->command : "the interview");
	if (!output && (a->format || a->output))
		return sc_cli_usage_error("--format and --output go with 'evaluate' and "
		                          "'compare', not '%s'",
		                          a->command ? a->command : "the interview");
	return 0;
}
