/* replay.c: runs a libFuzzer harness on given files without libFuzzer, so
 * that "make check" tries every seed and every input that ever broke a
 * loader with the normal compiler, and under ASan and UBSan in a
 * sanitizer build. Options (libFuzzer's, such as -timeout=1) are skipped.
 * An input that takes more than OPTOUT_REPLAY_CPU seconds of CPU time
 * (default 1) fails, as libFuzzer's -timeout=1 would. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Weak, as libFuzzer has it: not every harness needs one. */
int	LLVMFuzzerInitialize(int *, char ***) __attribute__((weak));
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The whole file; exits on failure, since a test that cannot read its
 * input tests nothing. */
static uint8_t *
slurp(const char *path, size_t *len)
{
	uint8_t *data = NULL;
	size_t cap = 0, n;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	*len = 0;
	do {
		if (*len == cap) {
			cap = cap > 0 ? 2 * cap : 65536;
			if ((data = realloc(data, cap)) == NULL) {
				fprintf(stderr, "replay: out of memory\n");
				exit(2);
			}
		}
		n = fread(data + *len, 1, cap - *len, f);
		*len += n;
	} while (n > 0);
	if (ferror(f)) {
		fprintf(stderr, "replay: %s: cannot read\n", path);
		exit(2);
	}
	fclose(f);
	return data;
}

int
main(int argc, char **argv)
{
	const char *env = getenv("OPTOUT_REPLAY_CPU");
	double limit = env != NULL ? atof(env) : 1.0, t;
	uint8_t *data;
	size_t len;
	int i, failed = 0;

	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if (argv[i][0] == '-')
			continue;
		data = slurp(argv[i], &len);
		t = cpu_seconds();
		LLVMFuzzerTestOneInput(data, len);
		t = cpu_seconds() - t;
		free(data);
		if (limit > 0 && t > limit) {
			fprintf(stderr, "replay: %s: took %.2f s of CPU time, "
			    "more than %.2f s\n", argv[i], t, limit);
			failed = 1;
		}
	}
	return failed;
}
