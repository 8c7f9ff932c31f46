/* Placeholder until the plain interview lands (issue 4). */
#include "plain.h"

int
sc_plain_main(const struct sc_interview_opts *o, FILE *in, FILE *out)
{
	(void)o;
	(void)in;
	fputs("socscope: the interview is not written yet; use "
	      "'socscope evaluate ANSWERS' meanwhile.\n", out);
	return 69;
}
