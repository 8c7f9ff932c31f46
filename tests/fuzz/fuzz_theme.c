/* Fuzz target: the theme loader. */
#include <stdlib.h>

#include "fuzz.h"
#include "socscope/theme.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sc_diags d;
	enum sc_status st = SC_OK;
	sc_diags_init(&d);
	struct sc_theme *t = sc_theme_load_buffer("fuzz.yaml", (const char *)data,
	                                          size, &d, &st);
	sc_theme_free(t);
	sc_diags_fini(&d);
	return 0;
}
