/* fuzz_workshops.c: libFuzzer harness for the workshop profiles loader,
 * both as optout.cfg and as a trainer's own --workshop-file. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "store/store.h"

#include "fuzz_file.h"

FUZZ_FILE_HARNESS("workshops.cfg")

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct workshops set = { 0 };
	struct diags d = { 0 };
	size_t i;
	int own;

	fuzz_file_write(data, size);
	for (own = 0; own < 2; own++) {
		store_workshops_load(fuzz_file_path(NULL), own, &set, &d);
		for (i = 0; i < d.n; i++)
			free(diag_format(&d.v[i]));
		diags_free(&d);
		workshops_free(&set);
	}
	return 0;
}
