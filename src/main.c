/* Placeholder main; the command line lands with issue 2. */
#include <stdio.h>

#include "config.h"

int
main(void)
{
	puts("socscope " SOCSCOPE_VERSION);
	return 0;
}
