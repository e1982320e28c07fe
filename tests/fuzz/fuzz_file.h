/* fuzz_file.h: the loaders read files by path, so a harness writes each
 * input into a file of a private temporary directory, made once. */
#ifndef OPTOUT_FUZZ_FILE_H
#define OPTOUT_FUZZ_FILE_H

#include <stddef.h>
#include <stdint.h>

/* DIR/name in this process's directory (made with mkdtemp on the first
 * call in $FUZZ_TMPDIR, else /dev/shm, else $TMPDIR or /tmp; removed at
 * exit with whatever is left in it, and the directories of crashed
 * processes by the next one). Owned by this module. Only the first call's
 * name counts: one file per process, and later calls may pass NULL. */
const char	*fuzz_file_path(const char *name);
/* Replaces the file at fuzz_file_path() with data; aborts on failure,
 * because a harness that cannot write its input tests nothing. */
void		 fuzz_file_write(const uint8_t *data, size_t size);
/* The directory of that file. */
const char	*fuzz_file_dir(void);

/* A harness's libFuzzer entry points, with the initialisation that names
 * its input file. */
#define FUZZ_FILE_HARNESS(name)						\
int	LLVMFuzzerInitialize(int *, char ***);				\
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);		\
int									\
LLVMFuzzerInitialize(int *argc, char ***argv)				\
{									\
	(void)argc;							\
	(void)argv;							\
	fuzz_file_path(name);						\
	return 0;							\
}

#endif
