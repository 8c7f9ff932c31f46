/* The table of commands (SC_CLI_COMMANDS in cli.h) and the usage printed
 * from it. */
#include <string.h>

#include "cli.h"

#define SC_CLI_ENTRY(name, fn, synopsis, summary) {name, fn, synopsis, summary},
const struct sc_cli_command sc_cli_commands[] = {
	SC_CLI_COMMANDS(SC_CLI_ENTRY)
};
#undef SC_CLI_ENTRY
const size_t sc_cli_ncommands = sizeof sc_cli_commands / sizeof sc_cli_commands[0];

const struct sc_cli_command *
sc_cli_command_find(const char *name)
{
	for (size_t i = 0; i < sc_cli_ncommands; i++)
		if (strcmp(sc_cli_commands[i].name, name) == 0)
			return &sc_cli_commands[i];
	return NULL;
}

/* Where the summaries start in the usage: past "  socscope validate FILE..."
 * with room to spare, so that short synopses keep theirs on one line. */
#define SUMMARY_COLUMN 37

static const char options_help[] =
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
	"      --assessor NAME    evaluate: who prepared the report (else the file's)\n"
	"      --firm NAME        evaluate: the assessor's firm (else the file's)\n"
	"      --stylesheet FILE  evaluate --format html: CSS added after the\n"
	"                         built-in stylesheet, so its rules win\n"
	"      --logo FILE        evaluate --format html: a PNG, JPEG or SVG logo\n"
	"                         shown on the cover\n"
	"\n"
	"Exit status: 0 ok, 64 usage, 65 invalid data, 66 unreadable input,\n"
	"71 out of memory, 73 cannot create output, 74 write error,\n"
	"130 interrupted (answers saved).\n";

/* Print `text` from column *col, each '\n' in it going on at `indent`. */
static void
put_lines(FILE *out, const char *text, int indent, int *col)
{
	for (const char *p = text; *p; p++) {
		if (*p == '\n') {
			fprintf(out, "\n%*s", indent, "");
			*col = indent;
		} else {
			fputc(*p, out);
			++*col;
		}
	}
}

/* One usage entry: "  socscope HEAD SYNOPSIS", its lines aligned after the
 * head, then the summary in its column (on a line of its own when the
 * synopsis reaches it). */
static void
put_entry(FILE *out, const char *head, const char *synopsis, const char *summary)
{
	int col = fprintf(out, "  socscope %s", head);
	if (synopsis && *synopsis) {
		fputc(' ', out);
		col++;
		put_lines(out, synopsis, col, &col);
	}
	if (summary) {
		if (col > SUMMARY_COLUMN - 2) {
			fputc('\n', out);
			col = 0;
		}
		fprintf(out, "%*s", SUMMARY_COLUMN - col, "");
		col = SUMMARY_COLUMN;
		put_lines(out, summary, SUMMARY_COLUMN, &col);
	}
	fputc('\n', out);
}

int
sc_cli_help(FILE *out)
{
	fputs("Usage:\n", out);
	put_entry(out, "[OPTIONS]", NULL,
	          "the interview (resume picker when sessions exist)");
	for (size_t i = 0; i < sc_cli_ncommands; i++)
		put_entry(out, sc_cli_commands[i].name, sc_cli_commands[i].synopsis,
		          sc_cli_commands[i].summary);
	put_entry(out, "--help | --version", NULL, NULL);
	fputs("\n", out);
	fputs(options_help, out);
	return fflush(out) || ferror(out) ? 74 : 0;
}
