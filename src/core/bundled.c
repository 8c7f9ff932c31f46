/* Lookup in the compiled-in data files (the arrays are generated). */
#include "socscope/bundled.h"

#include <string.h>

const struct sc_bundled *
sc_bundled_find(enum sc_data_kind kind, const char *name)
{
	for (size_t i = 0; name && i < sc_bundled_count; i++)
		if (sc_bundled_files[i].kind == kind &&
		    strcmp(sc_bundled_files[i].name, name) == 0)
			return &sc_bundled_files[i];
	return NULL;
}
