/* fileio.c: safe whole-file reads and atomic writes. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/xmalloc.h"
#include "sys/fileio.h"

static int
fail(char **err, const char *what, const char *path, int e)
{
	if (err != NULL)
		*err = xasprintf("%s: %s: %s", path, what, strerror(e));
	errno = e;
	return -1;
}

int
file_read(const char *path, size_t cap, int flags, char **data, size_t *len,
    char **err)
{
	struct stat st;
	size_t got = 0;
	ssize_t n;
	char *p;
	int fd, e, oflags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;

	if (flags & FILE_READ_NOFOLLOW)
		oflags |= O_NOFOLLOW;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	if ((fd = open(path, oflags)) == -1) {
		if (errno == ELOOP && (flags & FILE_READ_NOFOLLOW)) {
			if (err != NULL)
				*err = xasprintf("%s: is a symbolic link; "
				    "refusing to follow it", path);
			errno = ELOOP;
			return -1;
		}
		return fail(err, "cannot open", path, errno);
	}
	if (fstat(fd, &st) == -1) {
		e = errno;
		close(fd);
		return fail(err, "cannot stat", path, e);
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		if (err != NULL)
			*err = xasprintf("%s: not a regular file", path);
		errno = EINVAL;
		return -1;
	}
	if ((size_t)st.st_size > cap) {
		close(fd);
		if (err != NULL)
			*err = xasprintf("%s: file too large (%lld bytes, at "
			    "most %zu)", path, (long long)st.st_size, cap);
		errno = EFBIG;
		return -1;
	}
	p = xmalloc(cap + 1);
	for (;;) {
		n = read(fd, p + got, cap + 1 - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			e = errno;
			free(p);
			close(fd);
			return fail(err, "cannot read", path, e);
		}
		if (n == 0)
			break;
		got += (size_t)n;
		if (got > cap) {	/* it grew while we read */
			free(p);
			close(fd);
			if (err != NULL)
				*err = xasprintf("%s: file too large (over "
				    "%zu bytes)", path, cap);
			errno = EFBIG;
			return -1;
		}
	}
	close(fd);
	p[got] = '\0';
	*data = p;
	*len = got;
	return 0;
}

static int
write_all(int fd, const char *data, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, data, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static char *
dir_of(const char *path)
{
	char *copy = xstrdup(path), *d;

	d = xstrdup(dirname(copy));
	free(copy);
	return d;
}

#define TEMP_SUFFIX	".tmp.XXXXXX"

static int
write_atomic(const char *path, const char *data, size_t len, mode_t mode,
    bool durable, char **err)
{
	char *tmp, *dir;
	int fd, dfd, e;

	tmp = xasprintf("%s" TEMP_SUFFIX, path);
	if ((fd = mkstemp(tmp)) == -1) {
		e = errno;
		free(tmp);
		return fail(err, "cannot create a temporary file next to it",
		    path, e);
	}
	if (fchmod(fd, mode) == -1 || write_all(fd, data, len) == -1 ||
	    (durable && fsync(fd) == -1)) {
		e = errno;
		close(fd);
		unlink(tmp);
		free(tmp);
		return fail(err, "cannot write", path, e);
	}
	if (close(fd) == -1) {
		e = errno;
		unlink(tmp);
		free(tmp);
		return fail(err, "cannot write", path, e);
	}
	if (rename(tmp, path) == -1) {
		e = errno;
		unlink(tmp);
		free(tmp);
		return fail(err, "cannot replace", path, e);
	}
	free(tmp);
	if (!durable)
		return 0;
	dir = dir_of(path);
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		/* The rename is durable once the directory is on disk. */
		if (fsync(dfd) == -1 && errno != EINVAL) {
			e = errno;
			close(dfd);
			free(dir);
			return fail(err, "cannot sync the directory of", path,
			    e);
		}
		close(dfd);
	}
	free(dir);
	return 0;
}

void
file_remove_temps(const char *path)
{
	char *dir = dir_of(path), *copy = xstrdup(path), *prefix;
	size_t plen, want;
	struct dirent *de;
	DIR *dp;
	int dfd;

	prefix = xasprintf("%s.tmp.", basename(copy));
	plen = strlen(prefix);
	want = plen + strlen(TEMP_SUFFIX) - strlen(".tmp.");
	if ((dp = opendir(dir)) != NULL) {
		dfd = dirfd(dp);
		while ((de = readdir(dp)) != NULL) {
			if (strlen(de->d_name) == want &&
			    strncmp(de->d_name, prefix, plen) == 0)
				unlinkat(dfd, de->d_name, 0);
		}
		closedir(dp);
	}
	free(prefix);
	free(copy);
	free(dir);
}

int
file_write_atomic(const char *path, const char *data, size_t len,
    mode_t mode, char **err)
{
	return write_atomic(path, data, len, mode, true, err);
}

int
file_replace(const char *path, const char *data, size_t len, mode_t mode,
    char **err)
{
	return write_atomic(path, data, len, mode, false, err);
}

int
file_mkdirs(const char *path, mode_t mode, char **err)
{
	char *p = xstrdup(path), *s;
	struct stat st;

	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;

		*s = '\0';
		if (mkdir(p, mode) == -1 && errno != EEXIST) {
			int e = errno;

			fail(err, "cannot create the directory", p, e);
			free(p);
			errno = e;
			return -1;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	if (stat(p, &st) == -1 || !S_ISDIR(st.st_mode)) {
		if (err != NULL)
			*err = xasprintf("%s: not a directory", p);
		free(p);
		errno = ENOTDIR;
		return -1;
	}
	free(p);
	return 0;
}

int
file_mkdirs_for(const char *path, mode_t mode, char **err)
{
	char *dir = xstrdup(path), *slash;
	int rc = 0;

	if ((slash = strrchr(dir, '/')) != NULL && slash != dir) {
		*slash = '\0';
		rc = file_mkdirs(dir, mode, err);
	}
	free(dir);
	return rc;
}

int
file_move_aside(const char *path, const char *tag, char **aside, char **err)
{
	time_t now = time(NULL);
	struct tm tm;
	char stamp[32];
	char *to;
	int i;

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0)
		snprintf(stamp, sizeof stamp, "%lld", (long long)now);
	for (i = 0; i < 100; i++) {
		if (i == 0)
			to = xasprintf("%s.%s-%s", path, tag, stamp);
		else
			to = xasprintf("%s.%s-%s.%d", path, tag, stamp, i);
		if (access(to, F_OK) == -1 && errno == ENOENT) {
			if (rename(path, to) == -1) {
				int e = errno;

				free(to);
				return fail(err, "cannot move aside", path, e);
			}
			*aside = to;
			return 0;
		}
		free(to);
	}
	return fail(err, "cannot move aside", path, EEXIST);
}
