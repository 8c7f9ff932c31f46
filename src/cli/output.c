/* Writing what the commands make, and saying what went wrong. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli_internal.h"
#include "socscope/fsutil.h"

/* Reports may hold a client's confidential facts: readable by the owner only,
 * like the answers they come from. */
#define REPORT_MODE 0600

void
sc_cli_print_diags(const struct sc_diags *d, FILE *err)
{
	struct sc_buf b = {0};
	sc_diags_format(d, &b);
	fputs(sc_buf_str(&b), err);
	sc_buf_fini(&b);
}

void
sc_cli_print_write_error(const char *path, const char *why)
{
	size_t n = strlen(path);
	if (!why)
		fprintf(stderr, "socscope: %s: cannot write\n", path);
	else if (strncmp(why, path, n) == 0 && why[n] == ':')
		fprintf(stderr, "socscope: %s\n", why);
	else
		fprintf(stderr, "socscope: %s: %s\n", path, why);
}

int
sc_cli_terminal_width(int fd)
{
	struct winsize ws;
	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 0;
}

int
sc_cli_write_output(const char *path, const struct sc_buf *out,
                    const char *what)
{
	int code = 0;
	if (path) {
		char *err = NULL;
		enum sc_status st = sc_write_file_output(path, out->data ? out->data : "",
		                                         out->len, REPORT_MODE, &err);
		if (st != SC_OK) {
			sc_cli_print_write_error(path, err);
			code = sc_status_exit_code(st);
		}
		free(err);
	} else if (fwrite(sc_buf_str(out), 1, out->len, stdout) != out->len ||
	           fflush(stdout) != 0) {
		fprintf(stderr, "socscope: cannot write the %s: %s\n", what,
		        strerror(errno));
		code = sc_status_exit_code(SC_EIO);
	}
	return code;
}
