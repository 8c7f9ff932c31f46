/* Placeholder until the full-screen interview lands (issue 4). */
#include "tui.h"

#include <stdio.h>

int
sc_tui_main(const struct sc_interview_opts *o)
{
	(void)o;
	fputs("socscope: the full-screen interview is not written yet; use "
	      "'socscope evaluate ANSWERS' meanwhile.\n", stderr);
	return 69;
}
