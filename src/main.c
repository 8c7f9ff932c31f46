/* socscope: which SOC report does an organization need?
 * main parses the command line, loads what the command needs, and hands
 * over to the interview (full-screen or plain), evaluate, compare, validate
 * or list. */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"
#include "interview.h"
#include "plain/plain.h"
#include "tui/tui.h"

static const char usage_text[] =
	"Usage:\n"
	"  socscope [OPTIONS]                 the interview (resume picker when sessions exist)\n"
	"  socscope interview [-q QUESTIONNAIRE] [-a ANSWERS] [--client NAME]\n"
	"                     [--theme THEME] [--plain] [--ascii] [--example NAME]\n"
	"  socscope evaluate ANSWERS [-q QUESTIONNAIRE]\n"
	"                    [--format text|markdown|html|json|csv] [-o FILE]\n"
	"  socscope compare A B [-q QUESTIONNAIRE]\n"
	"                   [--format text|markdown|html|json] [-o FILE]\n"
	"                                     what differs between two answers files\n"
	"                                     or saved sessions, and why\n"
	"  socscope evidence ANSWERS [-q QUESTIONNAIRE]\n"
	"                    [--format markdown|csv|html|json] [-o FILE]\n"
	"                                     the evidence a CPA firm will ask for\n"
	"  socscope portfolio [ANSWERS...] [--format text|csv|json] [-o FILE]\n"
	"                                     one line per client (default: saved sessions)\n"
	"  socscope validate FILE...          check questionnaires, themes, evidence\n"
	"                                     catalogues or answers files\n"
	"  socscope list                      questionnaires, themes, examples and saved\n"
	"                                     sessions\n"
	"  socscope list questionnaires|themes|examples|sessions\n"
	"                                     just the names, one per line\n"
	"  socscope --help | --version\n"
	"\n"
	"Options:\n"
	"  -q, --questionnaire Q  a questionnaire name or path (default: soc-scoping)\n"
	"  -a, --answers FILE     open this answers file instead of a saved session\n"
	"  -c, --client NAME      the client's name (names the saved session)\n"
	"  -t, --theme THEME      colour theme: default, high-contrast, monochrome or a path\n"
	"  -p, --plain            line-by-line prompts (for screen readers and pipes)\n"
	"      --ascii            plain ASCII borders and marks\n"
	"      --example NAME     open a worked example on a copy (a new session)\n"
	"  -f, --format FMT       evaluate: text, markdown, html, json or csv;\n"
	"                         compare: text, markdown, html or json;\n"
	"                         evidence: markdown (default), csv, html or json;\n"
	"                         portfolio: text (default), csv or json\n"
	"  -o, --output FILE      evaluate, compare, evidence, portfolio: write to\n"
	"                         FILE instead of stdout\n"
	"\n"
	"Exit status: 0 ok, 64 usage, 65 invalid data, 66 unreadable input,\n"
	"71 out of memory, 73 cannot create output, 74 write error,\n"
	"130 interrupted (answers saved).\n";

enum { OPT_ASCII = 256, OPT_HELP, OPT_VERSION, OPT_EXAMPLE };

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
	{"help", no_argument, NULL, OPT_HELP},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0},
};

struct args {
	const char *command;
	const char *questionnaire, *answers, *client, *theme, *format, *output;
	const char *example;
	bool plain, ascii, help, version;
	char **rest; /* operands after the command */
	int nrest;
};

static int
usage_error(const char *fmt, const char *what)
{
	fputs("socscope: ", stderr);
	fprintf(stderr, fmt, what);
	fputs("\nTry 'socscope --help'.\n", stderr);
	return 64;
}

/* Parse options anywhere on the line; the first operand may be a command. */
static int
parse_args(int argc, char **argv, struct args *a)
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
		case 'h':
		case OPT_HELP: a->help = true; break;
		case OPT_VERSION: a->version = true; break;
		case ':':
			return usage_error("option '%s' needs a value", argv[optind - 1]);
		default:
			if (optopt)
				return usage_error("unknown option '-%c'",
				                   (char[]){(char)optopt, 0});
			return usage_error("unknown option '%s'", argv[optind - 1]);
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

/* Options that only some commands take are usage errors elsewhere. */
static int
check_options(const struct args *a, bool interview, bool evaluate)
{
	if (!interview && (a->answers || a->client || a->theme || a->plain ||
	                   a->ascii || a->example))
		return usage_error("'%s' takes no interview options", a->command);
	if (!evaluate && (a->format || a->output))
		return usage_error("--format and --output go with 'evaluate' and "
		                   "'compare', not '%s'",
		                   a->command ? a->command : "the interview");
	return 0;
}

static int
run_interview(const struct args *a)
{
	int code = 0;
	struct sc_questionnaire *q = sc_cli_load_questionnaire(a->questionnaire, stderr, &code);
	if (!q)
		return code;
	/* --example: the interview works on a new copy, never on the example. */
	char *copy = NULL;
	if (a->example) {
		if (!(copy = sc_cli_example_copy(q, a->example, stderr, &code))) {
			sc_questionnaire_free(q);
			return code;
		}
		fprintf(stderr, "socscope: example \"%s\" copied to %s\n",
		        a->example, copy);
	}
	struct sc_interview_opts o = {
		.q = q,
		.answers_path = copy ? copy : a->answers,
		.client = a->client,
		.theme = a->theme,
		.ascii = a->ascii,
	};
	/* The full screen needs a terminal on both ends; everything else (pipes,
	 * screen readers, TERM=dumb) gets the same interview as plain prompts. */
	const char *term = getenv("TERM");
	bool plain = a->plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) ||
	             !term || !*term || strcmp(term, "dumb") == 0;
	code = plain ? sc_plain_main(&o, stdin, stdout) : sc_tui_main(&o);
	free(copy);
	sc_questionnaire_free(q);
	return code;
}

int
main(int argc, char **argv)
{
	/* Wide characters and UTF-8 decisions follow the user's locale. */
	setlocale(LC_ALL, "");

	/* Read the command line. */
	struct args a = {0};
	int code = parse_args(argc, argv, &a);
	if (code)
		return code;
	if (a.help) {
		fputs(usage_text, stdout);
		return fflush(stdout) ? 74 : 0;
	}
	if (a.version) {
		puts("socscope " SOCSCOPE_VERSION);
		return fflush(stdout) ? 74 : 0;
	}

	/* No command, or "interview": the interview. */
	if (!a.command || strcmp(a.command, "interview") == 0) {
		if (a.nrest > 0)
			return usage_error("unexpected argument '%s'", a.rest[0]);
		if ((code = check_options(&a, true, false)))
			return code;
		if (a.example && (a.answers || a.client))
			return usage_error("%s", "--example opens a copy of its own; it "
			                         "takes no -a or --client");
		return run_interview(&a);
	}

	/* evaluate ANSWERS: the report for an answers file. */
	if (strcmp(a.command, "evaluate") == 0) {
		if ((code = check_options(&a, false, true)))
			return code;
		if (a.nrest != 1)
			return usage_error("%s", a.nrest ? "evaluate takes one answers file"
			                                 : "evaluate needs an answers file");
		int fmt = sc_format_find(a.format ? a.format : "text");
		if (fmt < 0)
			return usage_error("unknown format '%s' (text, markdown, html, json or csv)",
			                   a.format);
		struct sc_evaluate_opts eo = {
			.answers = a.rest[0],
			.questionnaire = a.questionnaire,
			.format = (enum sc_format)fmt,
			.output = a.output,
		};
		return sc_cmd_evaluate(&eo);
	}

	/* compare A B: the conclusions that differ, and the answers behind. */
	if (strcmp(a.command, "compare") == 0) {
		if ((code = check_options(&a, false, true)))
			return code;
		if (a.nrest != 2)
			return usage_error("%s", "compare takes two answers files or "
			                         "saved session names");
		int fmt = sc_format_find(a.format ? a.format : "text");
		if (fmt < 0 || fmt == SC_FMT_CSV)
			return usage_error("unknown format '%s' for compare (text, "
			                   "markdown, html or json)", a.format);
		struct sc_compare_opts co = {
			.a = a.rest[0],
			.b = a.rest[1],
			.questionnaire = a.questionnaire,
			.format = (enum sc_format)fmt,
			.output = a.output,
		};
		return sc_cmd_compare(&co);
	}

	/* evidence ANSWERS: what the CPA firm will ask for. */
	if (strcmp(a.command, "evidence") == 0) {
		if ((code = check_options(&a, false, true)))
			return code;
		if (a.nrest != 1)
			return usage_error("%s", a.nrest ? "evidence takes one answers file"
			                                 : "evidence needs an answers file");
		int fmt = sc_format_find(a.format ? a.format : "markdown");
		if (fmt < 0 || fmt == SC_FMT_TEXT)
			return usage_error("unknown evidence format '%s' (markdown, csv, html or json)",
			                   a.format);
		struct sc_evaluate_opts eo = {
			.answers = a.rest[0],
			.questionnaire = a.questionnaire,
			.format = (enum sc_format)fmt,
			.output = a.output,
		};
		return sc_cmd_evidence(&eo);
	}

	/* portfolio [ANSWERS...]: where each client stands. */
	if (strcmp(a.command, "portfolio") == 0) {
		if ((code = check_options(&a, false, true)))
			return code;
		int fmt = sc_format_find(a.format ? a.format : "text");
		if (fmt != SC_FMT_TEXT && fmt != SC_FMT_CSV && fmt != SC_FMT_JSON)
			return usage_error("unknown portfolio format '%s' (text, csv or json)",
			                   a.format);
		struct sc_portfolio_opts po = {
			.files = a.rest,
			.nfiles = a.nrest,
			.questionnaire = a.questionnaire,
			.format = (enum sc_format)fmt,
			.output = a.output,
		};
		return sc_cmd_portfolio(&po);
	}

	/* validate FILE...: every problem in each file. */
	if (strcmp(a.command, "validate") == 0) {
		if (a.questionnaire)
			return usage_error("%s", "validate tells files apart by content; it takes no -q");
		if ((code = check_options(&a, false, false)))
			return code;
		if (a.nrest < 1)
			return usage_error("%s", "validate needs at least one file");
		return sc_cmd_validate(a.rest, a.nrest);
	}

	/* list: what is bundled, installed and saved. */
	if (strcmp(a.command, "list") == 0) {
		if ((code = check_options(&a, false, false)))
			return code;
		if (a.questionnaire)
			return usage_error("%s", "list takes no -q");
		if (a.nrest > 1 || (a.nrest == 1 && !sc_list_kind_valid(a.rest[0])))
			return usage_error("%s", "list takes at most one of questionnaires, "
			                         "themes, examples or sessions");
		if (a.nrest == 1)
			return sc_cmd_list_names(a.rest[0]);
		return sc_cmd_list();
	}

	return usage_error("unknown command '%s'", a.command);
}
