/* socscope: which SOC report does an organization need?
 * main reads the command line and hands over to the command it names, from
 * the table in src/cli/cli.h; with none, the interview. */
#include <locale.h>
#include <stdio.h>

#include "cli/cli.h"
#include "config.h"

int
main(int argc, char **argv)
{
	/* Wide characters and UTF-8 decisions follow the user's locale. */
	setlocale(LC_ALL, "");

	/* Read the command line: options anywhere, the first operand the command. */
	struct sc_cli_args a = {0};
	int code = sc_cli_parse(argc, argv, &a);
	if (code)
		return code;

	/* --help and --version answer whatever else was asked. */
	if (a.help)
		return sc_cli_help(stdout);
	if (a.version) {
		puts("socscope " SOCSCOPE_VERSION);
		return fflush(stdout) ? 74 : 0;
	}

	/* Run the command; with none, the interview. */
	const struct sc_cli_command *cmd =
		sc_cli_command_find(a.command ? a.command : "interview");
	if (!cmd)
		return sc_cli_usage_error("unknown command '%s'", a.command);
	return cmd->run(&a);
}
