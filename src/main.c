/* socscope: which SOC report does an organization need?
 * main parses the command line, loads what the command needs, and hands
 * over to the interview (full-screen or plain), evaluate, validate or list. */
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
	"                     [--theme THEME] [--plain] [--ascii]\n"
	"  socscope evaluate ANSWERS [-q QUESTIONNAIRE]\n"
	"                    [--format text|markdown|html|json|csv] [-o FILE]\n"
	"  socscope evidence ANSWERS [-q QUESTIONNAIRE]\n"
	"                    [--format markdown|csv|html|json] [-o FILE]\n"
	"                                     the evidence a CPA firm will ask for\n"
	"  socscope portfolio [ANSWERS...] [--format text|csv|json] [-o FILE]\n"
	"                                     one line per client (default: saved sessions)\n"
	"  socscope validate FILE...          check questionnaires, themes, evidence\n"
	"                                     catalogues or answers files\n"
	"  socscope list                      questionnaires, themes and saved sessions\n"
	"  socscope --help | --version\n"
	"\n"
	"Options:\n"
	"  -q, --questionnaire Q  a questionnaire name or path (default: soc-scoping)\n"
	"  -a, --answers FILE     open this answers file instead of a saved session\n"
	"  -c, --client NAME      the client's name (names the saved session)\n"
	"  -t, --theme THEME      colour theme: default, high-contrast, monochrome or a path\n"
	"  -p, --plain            line-by-line prompts (for screen readers and pipes)\n"
	"      --ascii            plain ASCII borders and marks\n"
	"  -f, --format FMT       evaluate: text, markdown, html, json or csv\n"
	"                         (evidence: markdown by default; portfolio: text)\n"
	"  -o, --output FILE      evaluate, evidence, portfolio: write to FILE, not stdout\n"
	"\n"
	"Exit status: 0 ok, 64 usage, 65 invalid data, 66 unreadable input,\n"
	"73 cannot create output, 74 write error, 130 interrupted (answers saved).\n";

enum { OPT_ASCII = 256, OPT_HELP, OPT_VERSION };

static const struct option long_options[] = {
	{"questionnaire", required_argument, NULL, 'q'},
	{"answers", required_argument, NULL, 'a'},
	{"client", required_argument, NULL, 'c'},
	{"theme", required_argument, NULL, 't'},
	{"plain", no_argument, NULL, 'p'},
	{"ascii", no_argument, NULL, OPT_ASCII},
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, OPT_HELP},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0},
};

struct args {
	const char *command;
	const char *questionnaire, *answers, *client, *theme, *format, *output;
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
	if (!interview && (a->answers || a->client || a->theme || a->plain || a->ascii))
		return usage_error("'%s' takes no interview options", a->command);
	if (!evaluate && (a->format || a->output))
		return usage_error("--format and --output go with 'evaluate', not '%s'",
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
	struct sc_interview_opts o = {
		.q = q,
		.answers_path = a->answers,
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
		if (a.nrest > 0 || a.questionnaire)
			return usage_error("%s", "list takes no arguments");
		return sc_cmd_list();
	}

	return usage_error("unknown command '%s'", a.command);
}
