/* fileio.h: reading and writing whole files safely.
 * Reading refuses FIFOs, devices and oversized files (so a hostile path
 * cannot hang or exhaust optout); writing replaces a file atomically, so a
 * crash leaves either the old or the new version, never a mix. */
#ifndef OPTOUT_FILEIO_H
#define OPTOUT_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define FILE_READ_NOFOLLOW	0x01	/* refuse a symbolic link */

/* Reads a regular file of at most cap bytes into *data (NUL-terminated,
 * owned by the caller). Returns 0, or -1 with errno and *err set
 * ("not a regular file", ...; owned). ENOENT is reported like any other. */
int	 file_read(const char *path, size_t cap, int flags, char **data,
	     size_t *len, char **err);

/* Replaces path with data: temp file in the same directory, write, fsync,
 * close, rename, fsync the directory. On any error the old file stays as
 * it was; returns -1 with *err (owned) saying what went wrong. */
int	 file_write_atomic(const char *path, const char *data, size_t len,
	     mode_t mode, char **err);

/* The same without the fsync calls: for files that may be lost in a
 * crash but must never be seen half-written (the catalog cache). */
int	 file_replace(const char *path, const char *data, size_t len,
	     mode_t mode, char **err);

/* Removes the temporary files that file_write_atomic left next to path
 * when its process was killed. Only for a caller that holds a lock which
 * every writer of path holds while it writes: then no temporary file
 * belongs to a writer that is still at work. */
void	 file_remove_temps(const char *path);

/* Creates a directory and its missing parents with mode (for new ones). */
int	 file_mkdirs(const char *path, mode_t mode, char **err);
/* The same for the directory that the file path is in. */
int	 file_mkdirs_for(const char *path, mode_t mode, char **err);

/* Moves path aside as "path.corrupt-YYYYMMDD-HHMMSS"; *aside is the new
 * name (owned). */
int	 file_move_aside(const char *path, const char *tag, char **aside,
	     char **err);

#endif
