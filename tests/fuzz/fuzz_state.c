/* fuzz_state.c: libFuzzer harness for the state-file loader. The input is
 * the whole state file. A loader that finds it corrupt moves it aside
 * (path.corrupt-DATE); the harness deletes that copy, and writes the file
 * afresh for every input. A file that loads must survive a round trip:
 * what store_progress_format writes for it loads again to the same text. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"

#include "fuzz_file.h"

FUZZ_FILE_HARNESS("state.cfg")

/* Loads the file at path; frees what the loader reports and removes a
 * copy moved aside. */
static enum store_load
load(const char *path, struct progress *p)
{
	enum store_load rc;
	char *detail, *aside;

	rc = store_progress_load(path, p, &detail, &aside);
	if (aside != NULL && unlink(aside) == -1) {
		perror(aside);
		abort();
	}
	free(aside);
	free(detail);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file_path(NULL);
	struct progress p, again;
	char *text, *text2;

	fuzz_file_write(data, size);
	if (load(path, &p) != STORE_LOADED) {
		progress_clear(&p);
		return 0;
	}
	text = store_progress_format(&p);
	progress_clear(&p);
	fuzz_file_write((const uint8_t *)text, strlen(text));
	if (load(path, &again) != STORE_LOADED) {
		fprintf(stderr, "fuzz_state: the saved form of a loaded file "
		    "does not load:\n%s", text);
		abort();
	}
	text2 = store_progress_format(&again);
	if (strcmp(text, text2) != 0) {
		fprintf(stderr, "fuzz_state: round trip changed the file:\n"
		    "%s---\n%s", text, text2);
		abort();
	}
	free(text2);
	free(text);
	progress_clear(&again);
	return 0;
}
