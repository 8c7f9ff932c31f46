/* The yardstick of the loading benchmark as a program of its own: read a
 * YAML file into one buffer of its size and pull every libyaml event,
 * keeping nothing.  No loader built on libyaml can go under what this
 * costs, so the time of a whole `socscope validate` process is set beside
 * the time of a whole process of this.  It links libyaml and libc only.
 *
 *   bare_parse FILE
 *
 * Exit status: 0 when the file parses, 1 when it cannot be read or is
 * not YAML, 64 on bad arguments. */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bare_parse FILE\n");
		return 64;
	}
	int fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || st.st_size < 0) {
		perror(argv[1]);
		return 1;
	}
	size_t len = (size_t)st.st_size, got = 0;
	unsigned char *buf = malloc(len + 1);
	ssize_t r = 1;
	while (buf && got < len && (r = read(fd, buf + got, len - got)) > 0)
		got += (size_t)r;
	close(fd);
	yaml_parser_t p;
	if (!buf || got != len || !yaml_parser_initialize(&p)) {
		fprintf(stderr, "bare_parse: cannot read %s\n", argv[1]);
		free(buf);
		return 1;
	}
	yaml_parser_set_input_string(&p, buf, len);
	bool ok = true;
	for (bool done = false; ok && !done;) {
		yaml_event_t ev;
		ok = yaml_parser_parse(&p, &ev);
		if (ok) {
			done = ev.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&ev);
		}
	}
	if (!ok)
		fprintf(stderr, "bare_parse: %s is not YAML\n", argv[1]);
	yaml_parser_delete(&p);
	free(buf);
	return ok ? 0 : 1;
}
