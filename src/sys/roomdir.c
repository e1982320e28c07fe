/* roomdir.c: the workshop's directory on disk (see roomdir.h). */
#define _GNU_SOURCE 1		/* O_PATH */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/kv.h"
#include "core/lang.h"
#include "core/xmalloc.h"
#include "sys/roomdir.h"

#define ROOM_MODE	01730	/* trainer rwx, group -wx, sticky */
#define TRAINER_FILE_MODE 0644
#define SEAT_MODE	0604	/* the trainer (not in the group) reads */
#define SEAT_PREFIX	"seat-"

enum proc_state { PROC_ALIVE, PROC_GONE, PROC_OTHER_USER };

void
roomdir_init(struct roomdir *r)
{
	memset(r, 0, sizeof *r);
	r->bfd = r->dfd = -1;
}

void
roomdir_close(struct roomdir *r)
{
	if (r->dfd != -1)
		close(r->dfd);
	if (r->bfd != -1)
		close(r->bfd);
	free(r->base);
	free(r->path);
	free(r->name);
	roomdir_init(r);
}

/* Where workshops live; *xdg when it is the person's runtime directory. */
static char *
base_dir(bool *xdg, char **err)
{
	const char *env = getenv("OPTOUT_RUNTIME_DIR");
	const char *run = getenv("XDG_RUNTIME_DIR");
	struct stat st;

	*xdg = false;
	if (env != NULL && *env != '\0') {
		if (env[0] == '/')
			return xstrdup(env);
		*err = xasprintf(_("OPTOUT_RUNTIME_DIR must be an absolute "
		    "path, not \"%s\""), env);
		return NULL;
	}
	if (stat("/run/optout", &st) == 0 && S_ISDIR(st.st_mode))
		return xstrdup("/run/optout");
	if (run != NULL && run[0] == '/') {
		*xdg = true;
		return xasprintf("%s/optout", run);
	}
	*err = xstrdup(_("there is no place for workshops: /run/optout does "
	    "not exist (see docs/deployment.md) and XDG_RUNTIME_DIR is not "
	    "set"));
	return NULL;
}

/* Reads a process's state letter and start time from /proc; false if
 * there is no such file to read. */
static bool
proc_stat(long pid, char *state, unsigned long long *start)
{
	char path[64], buf[1024], *p;
	ssize_t n;
	int fd, field;

	*start = 0;
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return false;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	/* the name may hold blanks and ')': count fields after the last */
	if ((p = strrchr(buf, ')')) == NULL || p[1] != ' ')
		return false;
	*state = p[2];
	for (field = 2; *p != '\0' && field < 22; p++) {
		if (*p == ' ')
			field++;
	}
	if (field == 22 && sscanf(p, "%llu", start) != 1)
		*start = 0;
	return true;
}

unsigned long long
roomdir_proc_start(long pid)
{
	unsigned long long start;
	char state;

	return proc_stat(pid, &state, &start) ? start : 0;
}

/* Does the process run, is it the one that wrote start, and does it run
 * as uid? Where /proc hides other users' processes only kill() tells. */
static enum proc_state
proc_state(long pid, unsigned long long start, uid_t uid, bool check_uid)
{
	char path[64], state = 'R';
	unsigned long long now;
	struct stat st;

	if (pid <= 1 || (kill((pid_t)pid, 0) == -1 && errno == ESRCH))
		return PROC_GONE;
	if (proc_stat(pid, &state, &now) && (state == 'Z' || state == 'X'))
		return PROC_GONE;	/* ended, not yet reaped */
	if (start != 0 && now != 0 && now != start)
		return PROC_GONE;	/* its number was taken again */
	snprintf(path, sizeof path, "/proc/%ld", pid);
	if (check_uid && stat(path, &st) == 0 && st.st_uid != uid)
		return PROC_OTHER_USER;
	return PROC_ALIVE;
}

/* Reads a small regular file in dir without following links or waiting
 * on a FIFO. Returns 0 with the text (owned) and its stat, or -1. */
static int
read_small(int dfd, const char *name, char **text, struct stat *st)
{
	ssize_t n;
	size_t got = 0;
	char *p;
	int fd;

	fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC |
	    O_NOCTTY);
	if (fd == -1)
		return -1;
	if (fstat(fd, st) == -1 || !S_ISREG(st->st_mode) ||
	    st->st_size > ROOM_FILE_CAP) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	p = xmalloc(ROOM_FILE_CAP + 1);
	for (;;) {
		n = read(fd, p + got, ROOM_FILE_CAP - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
		if (got == ROOM_FILE_CAP)
			break;
	}
	close(fd);
	if (n == -1) {
		free(p);
		return -1;
	}
	p[got] = '\0';
	*text = p;
	return 0;
}

/* Reads one of the trainer's files: only if the trainer wrote it and
 * nobody else may change it. */
static int
read_trusted(int dfd, uid_t owner, const char *name, char **text,
    struct stat *st)
{
	if (read_small(dfd, name, text, st) == -1)
		return -1;
	if (st->st_uid != owner || (st->st_mode & 022) != 0) {
		free(*text);
		*text = NULL;
		errno = EPERM;
		return -1;
	}
	return 0;
}

static bool
trainer_alive(int dfd, uid_t owner, long *pid, unsigned long long *start)
{
	struct stat st;
	char *text;
	bool ok;

	if (read_trusted(dfd, owner, ROOMDIR_TRAINER, &text, &st) == -1)
		return false;
	ok = room_trainer_parse(text, pid, start) &&
	    proc_state(*pid, *start, owner, false) != PROC_GONE;
	free(text);
	return ok;
}

/* Writes text into a new file, gives it dir's group (without a setgid
 * directory it would get the writer's own) and mode, and closes it. */
static int
fill(int fd, const char *text, mode_t mode, gid_t gid)
{
	size_t len = strlen(text), off = 0;
	struct stat st;
	ssize_t n;
	int e;

	while (off < len) {
		n = write(fd, text + off, len - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		off += (size_t)n;
	}
	if (fstat(fd, &st) == -1 || (st.st_gid != gid &&
	    fchown(fd, (uid_t)-1, gid) == -1 && errno != EPERM) ||
	    fchmod(fd, mode) == -1)
		goto fail;
	return close(fd);
fail:
	e = errno;
	close(fd);
	errno = e;
	return -1;
}

/* Writes text to a new file in dir and renames it over name: a reader
 * sees the old or the new content, never a part. */
static int
replace_file(int dfd, const char *name, const char *text, mode_t mode,
    gid_t gid)
{
	static unsigned counter;
	struct timespec ts;
	char tmp[80];
	int fd = -1, i, e;

	for (i = 0; i < 32 && fd == -1; i++) {
		/* another participant may have taken a name on purpose */
		clock_gettime(CLOCK_REALTIME, &ts);
		snprintf(tmp, sizeof tmp, ".%s.%ld.%u.%ld", name,
		    (long)getpid(), counter++, (long)ts.tv_nsec);
		fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
		if (fd == -1 && errno != EEXIST)
			return -1;
	}
	if (fd == -1)
		return -1;
	if (fill(fd, text, mode, gid) == -1 ||
	    renameat(dfd, tmp, dfd, name) == -1) {
		e = errno;
		unlinkat(dfd, tmp, 0);
		errno = e;
		return -1;
	}
	return 0;
}

/* Removes everything in dir; the names that stayed go into *left. */
static int
empty_dir(int dfd, char **left)
{
	struct dirent *de;
	DIR *d;
	int fd, rc = 0;

	if ((fd = openat(dfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    (d = fdopendir(fd)) == NULL) {
		if (fd != -1)
			close(fd);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (unlinkat(dfd, de->d_name, 0) == 0)
			continue;
		/* a directory a participant made there: only if empty */
		if ((errno == EISDIR || errno == EPERM) &&
		    unlinkat(dfd, de->d_name, AT_REMOVEDIR) == 0)
			continue;
		if (*left == NULL)
			*left = xstrdup(de->d_name);
		rc = -1;
	}
	closedir(d);
	return rc;
}

/* Removes the workshop dir name in base, everything in it first. */
static int
remove_room(int bfd, const char *name, char **left)
{
	int dfd, i, rc = -1;

	dfd = openat(bfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (dfd == -1)
		return errno == ENOENT ? 0 : -1;
	/* nobody else may enter now, so nothing new appears */
	fchmod(dfd, 0700);
	for (i = 0; i < 5 && rc == -1; i++) {
		free(*left);
		*left = NULL;
		empty_dir(dfd, left);
		if (unlinkat(bfd, name, AT_REMOVEDIR) == 0 || errno == ENOENT)
			rc = 0;
	}
	close(dfd);
	return rc;
}

static int
open_base(struct roomdir *r, bool trainer, char **err)
{
	bool xdg;
	struct stat st;

	if ((r->base = base_dir(&xdg, err)) == NULL)
		return -1;
	if (trainer && xdg && mkdir(r->base, 0700) == 0)
		r->made_base = true;
	r->bfd = open(r->base, (trainer ? O_RDONLY : O_PATH) | O_DIRECTORY |
	    O_CLOEXEC);
	if (r->bfd == -1) {
		if (!trainer && (errno == ENOENT || errno == ENOTDIR))
			return 0;
		*err = xasprintf("%s: %s", r->base, strerror(errno));
		return -1;
	}
	if (fstat(r->bfd, &st) == -1) {
		*err = xasprintf("%s: %s", r->base, strerror(errno));
		return -1;
	}
	r->owner = st.st_uid;
	if (trainer && st.st_uid != geteuid()) {
		*err = xasprintf(_("%s belongs to user %ld, but this is user "
		    "%ld: run optout --trainer as the user who owns it (see "
		    "docs/deployment.md)"), r->base, (long)st.st_uid,
		    (long)geteuid());
		return -1;
	}
	/* others could move the room away and put their own in its place */
	if (trainer && (st.st_mode & 022) != 0 && !(st.st_mode & S_ISVTX)) {
		*err = xasprintf(_("%s may be written by others: make it mode "
		    "2710 (see docs/deployment.md)"), r->base);
		return -1;
	}
	return 0;
}

/* Removes the rooms of this user's consoles that are gone; refuses when
 * a console for name still runs. */
static int
clean_leftovers(struct roomdir *r, const char *name, size_t *cleaned,
    char **err)
{
	unsigned long long start;
	struct dirent *de;
	struct stat st;
	char *left = NULL;
	long pid;
	DIR *d;
	int fd, dfd, rc = 0;

	if ((fd = openat(r->bfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) ==
	    -1 || (d = fdopendir(fd)) == NULL) {
		if (fd != -1)
			close(fd);
		*err = xasprintf("%s: %s", r->base, strerror(errno));
		return -1;
	}
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (!workshop_valid_name(de->d_name) ||
		    fstatat(r->bfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) ==
		    -1 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid())
			continue;
		dfd = openat(r->bfd, de->d_name, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC);
		if (dfd == -1)
			continue;
		if (trainer_alive(dfd, st.st_uid, &pid, &start)) {
			if (strcmp(de->d_name, name) == 0) {
				*err = xasprintf(_("a trainer's console for "
				    "the workshop \"%s\" is already running "
				    "(process %ld)"), name, pid);
				rc = -1;
			}
		} else if (remove_room(r->bfd, de->d_name, &left) == 0)
			(*cleaned)++;
		else {
			*err = xasprintf(_("%s/%s was left by a console that "
			    "ended, and cannot be removed (%s); ask the "
			    "administrator to remove it"), r->base, de->d_name,
			    left != NULL ? left : strerror(errno));
			rc = -1;
		}
		free(left);
		left = NULL;
		close(dfd);
	}
	closedir(d);
	return rc;
}

int
roomdir_create(struct roomdir *r, const char *name, const char *profile,
    const char *broadcast, size_t *cleaned, char **err)
{
	struct stat st;
	mode_t old;
	char *text, *left = NULL;
	int rc;

	*cleaned = 0;
	r->name = xstrdup(name);
	if (open_base(r, true, err) == -1 ||
	    clean_leftovers(r, name, cleaned, err) == -1)
		return -1;
	r->path = xasprintf("%s/%s", r->base, name);
	old = umask(0);		/* the mode is the permission model */
	rc = mkdirat(r->bfd, name, ROOM_MODE);
	umask(old);
	if (rc == -1) {
		*err = xasprintf(_("cannot create %s: %s"), r->path,
		    strerror(errno));
		return -1;
	}
	r->dfd = openat(r->bfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (r->dfd == -1 || fstat(r->dfd, &st) == -1) {
		*err = xasprintf("%s: %s", r->path, strerror(errno));
		return -1;
	}
	r->owner = st.st_uid;
	r->gid = st.st_gid;
	text = room_trainer_format((long)getpid(),
	    roomdir_proc_start((long)getpid()));
	rc = roomdir_publish(r, ROOMDIR_PROFILE, profile, err) == -1 ||
	    roomdir_publish(r, ROOMDIR_BROADCAST, broadcast, err) == -1 ||
	    roomdir_publish(r, ROOMDIR_TRAINER, text, err) == -1 ? -1 : 0;
	free(text);
	if (rc == -1) {	/* made, but not finished: nothing stays */
		close(r->dfd);
		r->dfd = -1;
		remove_room(r->bfd, name, &left);
		free(left);
	}
	return rc;
}

int
roomdir_publish(struct roomdir *r, const char *file, const char *text,
    char **err)
{
	if (replace_file(r->dfd, file, text, TRAINER_FILE_MODE, r->gid) ==
	    -1) {
		*err = xasprintf(_("cannot write %s/%s: %s"), r->path, file,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* "seat-N" with N from 1 to ROOM_SEATS_MAX, without leading zeros. */
static unsigned
seat_number(const char *name)
{
	unsigned long long n;

	if (strncmp(name, SEAT_PREFIX, strlen(SEAT_PREFIX)) != 0 ||
	    !kv_number(name + strlen(SEAT_PREFIX), ROOM_SEATS_MAX, &n))
		return 0;
	return (unsigned)n;
}

static int
by_number(const void *a, const void *b)
{
	const struct seat *x = a, *y = b;

	return (x->number > y->number) - (x->number < y->number);
}

void
roomdir_scan(struct roomdir *r, struct seat **out, size_t *nout,
    size_t *unreadable)
{
	struct seat *v = NULL, s;
	struct dirent *de;
	struct stat st;
	size_t n = 0;
	unsigned num;
	char *text;
	DIR *d;
	int fd;

	*unreadable = 0;
	*out = NULL;
	*nout = 0;
	if ((fd = openat(r->dfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) ==
	    -1)
		return;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if ((num = seat_number(de->d_name)) == 0)
			continue;
		if (read_small(r->dfd, de->d_name, &text, &st) == -1) {
			if (errno == EACCES)
				(*unreadable)++;
			continue;
		}
		/* a seat others could change, or an empty claim */
		if ((st.st_mode & 022) != 0 || !seat_parse(text, &s)) {
			free(text);
			continue;
		}
		free(text);
		s.number = num;
		s.updated = st.st_mtime;
		switch (proc_state(s.pid, s.start, st.st_uid, true)) {
		case PROC_OTHER_USER:	/* names somebody else's process */
			seat_free(&s);
			continue;
		case PROC_GONE:
			s.alive = false;
			break;
		case PROC_ALIVE:
			s.alive = true;
			break;
		}
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = s;
	}
	closedir(d);
	if (n > 1)	/* qsort() must not get NULL, even for none */
		qsort(v, n, sizeof *v, by_number);
	*out = v;
	*nout = n;
}

void
roomdir_free_seats(struct seat *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		seat_free(&v[i]);
	free(v);
}

int
roomdir_remove(struct roomdir *r, char **err)
{
	char *left = NULL;
	int rc;

	if (r->dfd != -1) {
		close(r->dfd);
		r->dfd = -1;
	}
	rc = remove_room(r->bfd, r->name, &left);
	if (rc == -1)
		*err = xasprintf(_("%s could not be removed completely (%s); "
		    "ask the administrator to remove it"), r->path,
		    left != NULL ? left : strerror(errno));
	free(left);
	if (rc == 0 && r->made_base)
		rmdir(r->base);	/* only if nothing else is there */
	return rc;
}

/* ---- participants ---- */

int
roomdir_open(struct roomdir *r, const char *name, char **err)
{
	struct stat st;

	roomdir_close(r);
	r->name = xstrdup(name);
	if (open_base(r, false, err) == -1)
		return -1;
	if (r->bfd == -1)
		return 0;
	r->path = xasprintf("%s/%s", r->base, name);
	r->dfd = openat(r->bfd, name, O_PATH | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (r->dfd == -1)
		return 0;
	/* only the base's owner can have made it: not another participant */
	if (fstat(r->dfd, &st) == -1 || st.st_uid != r->owner ||
	    !trainer_alive(r->dfd, r->owner, &r->trainer_pid,
	    &r->trainer_start))
		return 0;
	r->gid = st.st_gid;
	return 1;
}

int
roomdir_join(struct roomdir *r, const char *name, const char *text,
    unsigned *seat, char **err)
{
	char file[32];
	unsigned n;
	int fd, rc;

	if ((rc = roomdir_open(r, name, err)) != 1)
		return rc;
	for (n = 1; n <= ROOM_SEATS_MAX; n++) {
		snprintf(file, sizeof file, SEAT_PREFIX "%u", n);
		fd = openat(r->dfd, file, O_WRONLY | O_CREAT | O_EXCL |
		    O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd != -1)
			break;
		if (errno != EEXIST) {
			*err = xasprintf(_("cannot take a seat in %s: %s"),
			    r->path, strerror(errno));
			return -1;
		}
	}
	if (n > ROOM_SEATS_MAX) {
		*err = xasprintf(_("%s: all %d seats are taken"), r->path,
		    ROOM_SEATS_MAX);
		return -1;
	}
	*seat = n;
	if (fill(fd, text, SEAT_MODE, r->gid) == -1) {
		*err = xasprintf(_("cannot write the seat in %s: %s"), r->path,
		    strerror(errno));
		return -1;
	}
	return 1;
}

int
roomdir_write_seat(struct roomdir *r, unsigned seat, const char *text)
{
	char file[32];

	if (r->dfd == -1) {
		errno = ENOENT;
		return -1;
	}
	snprintf(file, sizeof file, SEAT_PREFIX "%u", seat);
	return replace_file(r->dfd, file, text, SEAT_MODE, r->gid);
}

int
roomdir_read(struct roomdir *r, const char *file, char **text)
{
	struct stat st;
	bool bc = strcmp(file, ROOMDIR_BROADCAST) == 0;

	if (r->dfd == -1)
		return -1;
	if (bc && fstatat(r->dfd, file, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    st.st_ino == r->bc_ino &&
	    st.st_mtim.tv_sec == r->bc_mtime.tv_sec &&
	    st.st_mtim.tv_nsec == r->bc_mtime.tv_nsec)
		return 0;	/* a rename makes a new file: unchanged */
	if (read_trusted(r->dfd, r->owner, file, text, &st) == -1)
		return -1;
	if (bc) {
		r->bc_ino = st.st_ino;
		r->bc_mtime = st.st_mtim;
	}
	return 1;
}

bool
roomdir_trainer_alive(const struct roomdir *r)
{
	return r->trainer_pid > 1 && proc_state(r->trainer_pid,
	    r->trainer_start, r->owner, false) != PROC_GONE;
}
