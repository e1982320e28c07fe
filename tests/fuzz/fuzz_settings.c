/* fuzz_settings.c: libFuzzer harness for the settings loader (optout.cfg).
 * The input is the whole file, read over the defaults. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "store/store.h"

#include "fuzz_file.h"

FUZZ_FILE_HARNESS("optout.cfg")

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings s;
	struct diags d = { 0 };
	size_t i;

	fuzz_file_write(data, size);
	settings_defaults(&s);
	store_settings_load(fuzz_file_path(NULL), &s, &d);
	settings_free(&s);
	for (i = 0; i < d.n; i++)
		free(diag_format(&d.v[i]));
	diags_free(&d);
	return 0;
}
