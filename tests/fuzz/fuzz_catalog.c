/* fuzz_catalog.c: libFuzzer harness for the catalog loader. The input is
 * one platform file, DIR/fuzz.cfg, loaded as a two-layer catalog (the
 * same directory twice), so that a valid file also goes through merging,
 * the age check and sorting. Its id must be "fuzz" to be valid; any other
 * id is just a reported error. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "core/date.h"
#include "store/store.h"

#include "fuzz_file.h"

FUZZ_FILE_HARNESS("fuzz.cfg")

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *dirs[2];
	struct catalog_check chk = { 0 };
	struct catalog cat;
	struct diags d = { 0 };
	size_t i;

	fuzz_file_write(data, size);
	dirs[0] = dirs[1] = fuzz_file_dir();
	/* A fixed "today" keeps runs reproducible. */
	if (!date_parse("2025-11-01", &chk.today))
		abort();
	chk.stale_days = 30;
	store_catalog_load_layers(dirs, 2, false, &chk, &cat, &d);
	/* What the program prints for each problem. */
	for (i = 0; i < d.n; i++)
		free(diag_format(&d.v[i]));
	catalog_free(&cat);
	diags_free(&d);
	return 0;
}
