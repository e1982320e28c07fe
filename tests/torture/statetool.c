/* statetool.c: drives the state file's real load and save code (libstore,
 * libsys) for the crash-safety tests in tests/torture/crash.py.
 *
 *   statetool save-loop PATH       saves versions v+1, v+2, ... of a state
 *                                  file for ever (v: the version there),
 *                                  printing each number once it is saved
 *   statetool verify PATH LAST     the file is exactly version LAST or
 *                                  LAST+1, byte for byte; prints which
 *   statetool record PATH TAG N    a session making N recorded changes to
 *                                  TAG_0 .. TAG_49, saving after each
 *   statetool expect PATH TAG N    the file holds the last of them all
 *   statetool flips PATH N SEED    N damaged copies of the file at PATH
 *                                  (1 to 8 bits flipped): each loads, or
 *                                  is kept aside unchanged with a message
 *   statetool valid PATH           the file loads, or is not there
 *   statetool kinds DIR            the wrong things in the state file's
 *                                  place: wrong versions, zero length, a
 *                                  directory, a FIFO, symbolic links
 *
 * Exit status 0: as expected; 1: a broken promise (said on stderr). */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/xmalloc.h"
#include "store/store.h"
#include "sys/fileio.h"

#define NREC		300	/* records per version: a file of ~25 KB */
#define NIDS		50	/* ids a recording session cycles through */
#define HANG_SECONDS	5	/* a load that takes longer has hung */

static int failures;

static void	fail(const char *, ...)
		    __attribute__((format(printf, 1, 2)));

static void
fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("statetool: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	failures++;
}

/* Version k of the state file: every record differs from version k-1, so
 * that a file mixed from two versions cannot pass for either. */
static void
make_version(struct progress *p, long k)
{
	struct record *r;
	char id[16];
	long i, x;

	memset(p, 0, sizeof *p);
	progress_set_account(p, (k % 2) ? ACCOUNT_PRIVATE : ACCOUNT_ORG);
	for (i = 0; i < NREC; i++) {
		snprintf(id, sizeof id, "p%03ld", i);
		r = progress_append(p, id);
		x = k + i;
		r->selected = x % 2 == 0;
		r->status = (enum status)(x % ST_COUNT);
		r->has_surface = x % 3 == 0;
		r->surface = (enum surface_kind)(x % SURF_COUNT);
		r->time = (time_t)(k * 1000 + i);
		r->dirty = true;
	}
}

static char *
read_all(const char *path, size_t *len)
{
	char *data, *err;

	if (file_read(path, STORE_STATE_CAP, 0, &data, len, &err) == -1) {
		fail("%s", err);
		free(err);
		return NULL;
	}
	return data;
}

/* The version of a loadable file made by make_version, or -1. */
static long
version_of(const char *path)
{
	struct progress p;
	char *detail, *aside;
	enum store_load r;
	long v = -1;

	r = store_progress_load(path, &p, &detail, &aside);
	if (r == STORE_LOADED && p.n == NREC)
		v = (long)(p.v[0].time / 1000);
	else if (r != STORE_MISSING)
		fail("%s does not load (%d): %s", path, (int)r,
		    detail != NULL ? detail : "wrong number of records");
	progress_clear(&p);
	free(detail);
	free(aside);
	return v;
}

static int
save_loop(const char *path)
{
	struct progress p;
	char *err = NULL, line[32];
	long k = version_of(path);
	int n;

	if (failures > 0)
		return 1;
	for (k = k < 0 ? 1 : k + 1; ; k++) {
		make_version(&p, k);
		if (store_progress_save(path, &p, &err) == -1) {
			fail("saving version %ld: %s", k, err);
			return 1;
		}
		progress_clear(&p);
		/* write(), not stdio: what was said is out when SIGKILL comes */
		n = snprintf(line, sizeof line, "%ld\n", k);
		if (write(STDOUT_FILENO, line, (size_t)n) != n)
			return 1;
	}
}

static int
verify(const char *path, long last)
{
	struct progress p;
	char *text, *data;
	size_t len;
	long v = version_of(path);

	if (v < 0)
		return 1;
	if (v != last && v != last + 1) {
		fail("%s is version %ld, but the last saved was %ld", path, v,
		    last);
		return 1;
	}
	if ((data = read_all(path, &len)) == NULL)
		return 1;
	make_version(&p, v);
	text = store_progress_format(&p);
	if (len != strlen(text) || memcmp(data, text, len) != 0)
		fail("%s is not exactly version %ld (%zu bytes, %zu expected)",
		    path, v, len, strlen(text));
	free(text);
	free(data);
	progress_clear(&p);
	printf("%ld\n", v);
	return failures > 0;
}

/* The i-th change of session tag: TAG_(i % NIDS) gets a status and a time
 * that only this change gives it. */
static void
change(const char *tag, long i, char *id, size_t idlen, enum status *st,
    time_t *t)
{
	snprintf(id, idlen, "%s_%ld", tag, i % NIDS);
	*st = (enum status)(1 + i % (ST_COUNT - 1));
	*t = (time_t)(i + 1);
}

static int
record(const char *path, const char *tag, long n)
{
	struct progress p;
	char *detail, *aside, *err = NULL, id[80];
	enum status st;
	time_t t;
	long i;

	if (store_progress_load(path, &p, &detail, &aside) > STORE_MISSING) {
		fail("%s: %s", path, detail);
		return 1;
	}
	free(detail);
	free(aside);
	for (i = 0; i < n; i++) {
		change(tag, i, id, sizeof id, &st, &t);
		progress_record(&p, id, st, NULL, t);
		if (store_progress_save(path, &p, &err) == -1) {
			fail("change %ld: %s", i, err);
			free(err);
			break;
		}
	}
	progress_clear(&p);
	return failures > 0;
}

static int
expect(const char *path, const char *tag, long n)
{
	struct progress p;
	const struct record *r;
	char *detail, *aside, id[80];
	enum status st;
	time_t t;
	long i, lost = 0;

	if (store_progress_load(path, &p, &detail, &aside) != STORE_LOADED) {
		fail("%s: %s", path, detail != NULL ? detail : "missing");
		return 1;
	}
	for (i = n - NIDS > 0 ? n - NIDS : 0; i < n; i++) {
		change(tag, i, id, sizeof id, &st, &t);
		r = progress_find(&p, id);
		if (r == NULL || r->status != st || r->time != t) {
			if (lost++ == 0)
				fail("%s: change %ld of %s is lost", path, i,
				    tag);
		}
	}
	printf("%ld of %s's last changes lost\n", lost, tag);
	progress_clear(&p);
	free(detail);
	free(aside);
	return failures > 0;
}

static void
on_alarm(int sig)
{
	static const char msg[] = "statetool: a load hung (more than 5 s)\n";

	(void)sig;
	(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
	_exit(1);
}

static void
write_bytes(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "statetool: cannot write %s\n", path);
		exit(2);
	}
}

/* What must be true after loading a damaged file whose bytes were
 * (data, len), or a non-file: "loaded" (nothing moved), "aside" (moved,
 * unchanged, and the message names the file) or "kept" (left as it is:
 * a newer optout's). Returns what happened. */
static const char *
check_load(const char *path, const char *data, size_t len)
{
	struct progress p;
	char *detail, *aside, *now;
	const char *what = "?";
	enum store_load r;
	struct stat st;
	size_t got;

	alarm(HANG_SECONDS);
	r = store_progress_load(path, &p, &detail, &aside);
	alarm(0);
	switch (r) {
	case STORE_LOADED:
		what = "loaded";
		break;
	case STORE_MISSING:
		fail("%s: reported missing", path);
		break;
	case STORE_CORRUPT:
		what = "aside";
		if (lstat(path, &st) == 0)
			fail("%s: reported corrupt, but still there", path);
		if (aside == NULL || lstat(aside, &st) == -1)
			fail("%s: not kept aside", path);
		else if (data != NULL) {
			now = read_all(aside, &got);
			if (now == NULL || got != len ||
			    memcmp(now, data, len) != 0)
				fail("%s: the copy kept aside differs", path);
			free(now);
		}
		if (detail == NULL || strncmp(detail, path, strlen(path)) != 0
		    || strlen(detail) < strlen(path) + 10)
			fail("%s: unclear message: %s", path,
			    detail != NULL ? detail : "(none)");
		break;
	case STORE_UNREADABLE:
		what = "kept";
		if (detail == NULL || strstr(detail, "newer version") == NULL)
			fail("%s: left alone, but not a newer optout's: %s",
			    path, detail != NULL ? detail : "(none)");
		break;
	}
	if (r != STORE_CORRUPT && data != NULL) {
		now = read_all(path, &got);
		if (now == NULL || got != len || memcmp(now, data, len) != 0)
			fail("%s: changed by loading", path);
		free(now);
	}
	if (aside != NULL) {
		if (remove(aside) == -1)
			fail("%s: %s", aside, strerror(errno));
	}
	progress_clear(&p);
	free(detail);
	free(aside);
	return what;
}

static int
flips(const char *path, long n, unsigned seed)
{
	char *good, *copy, *dir, *slash, *at;
	size_t len, bit;
	long i, loaded = 0, aside = 0, kept = 0;
	int k, nbits;
	const char *what;

	if ((good = read_all(path, &len)) == NULL || len == 0)
		return 1;
	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	at = xasprintf("%s/flipped.cfg", slash != NULL ? dir : ".");
	copy = xmalloc(len);
	srand(seed);
	for (i = 0; i < n && failures == 0; i++) {
		memcpy(copy, good, len);
		nbits = 1 + rand() % 8;
		for (k = 0; k < nbits; k++) {
			bit = (size_t)rand() % (len * 8);
			copy[bit / 8] ^= (char)(1 << (bit % 8));
		}
		write_bytes(at, copy, len);
		what = check_load(at, copy, len);
		if (strcmp(what, "loaded") == 0)
			loaded++;
		else if (strcmp(what, "aside") == 0)
			aside++;
		else
			kept++;
		if (failures > 0)
			fprintf(stderr, "statetool: at flip %ld (seed %u)\n",
			    i, seed);
	}
	remove(at);
	printf("%ld damaged files: %ld loaded, %ld kept aside, %ld left "
	    "alone as a newer version's, %d failures\n", i, loaded, aside,
	    kept, failures);
	free(copy);
	free(at);
	free(dir);
	free(good);
	return failures > 0;
}

static int
kinds(const char *dir)
{
	static const char v0[] = "version = 0;\naccount = \"private\";\n"
	    "platforms = ();\n";
	static const char v99[] = "version = 99;\naccount = \"private\";\n"
	    "platforms = ();\n";
	static const char good[] = "version = 1;\naccount = \"private\";\n"
	    "platforms = ();\n";
	char *path = xasprintf("%s/progress.cfg", dir);
	char *target = xasprintf("%s/elsewhere.cfg", dir);
	const char *what;

#define EXPECT(name, want) do {						\
	what = check_load(path, NULL, 0);				\
	if (strcmp(what, want) != 0)					\
		fail("%s: %s, expected %s", name, what, want);		\
	else								\
		printf("%s: %s\n", name, what);				\
} while (0)

	write_bytes(path, v0, sizeof v0 - 1);
	EXPECT("version 0", "aside");
	write_bytes(path, v99, sizeof v99 - 1);
	EXPECT("version 99 (a newer optout's)", "kept");
	remove(path);
	write_bytes(path, "", 0);
	EXPECT("zero length", "aside");
	if (mkdir(path, 0700) == -1)
		fail("mkdir %s: %s", path, strerror(errno));
	EXPECT("a directory", "aside");
	if (mkfifo(path, 0600) == -1)
		fail("mkfifo %s: %s", path, strerror(errno));
	EXPECT("a FIFO", "aside");
	write_bytes(target, good, sizeof good - 1);
	if (symlink(target, path) == -1)
		fail("symlink %s: %s", path, strerror(errno));
	EXPECT("a symbolic link to a good file", "aside");
	if (symlink("/nonexistent/optout-test", path) == -1)
		fail("symlink %s: %s", path, strerror(errno));
	EXPECT("a dangling symbolic link", "aside");
	remove(target);
#undef EXPECT
	free(target);
	free(path);
	return failures > 0;
}

static int
valid(const char *path)
{
	struct progress p;
	char *detail, *aside;
	enum store_load r = store_progress_load(path, &p, &detail, &aside);

	if (r != STORE_LOADED && r != STORE_MISSING)
		fail("%s", detail);
	progress_clear(&p);
	free(detail);
	free(aside);
	return failures > 0;
}

static long
number(const char *s)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0') {
		fprintf(stderr, "statetool: not a number: %s\n", s);
		exit(2);
	}
	return n;
}

int
main(int argc, char **argv)
{
	signal(SIGALRM, on_alarm);
	if (argc == 3 && strcmp(argv[1], "save-loop") == 0)
		return save_loop(argv[2]);
	if (argc == 4 && strcmp(argv[1], "verify") == 0)
		return verify(argv[2], number(argv[3]));
	if (argc == 5 && strcmp(argv[1], "record") == 0)
		return record(argv[2], argv[3], number(argv[4]));
	if (argc == 5 && strcmp(argv[1], "expect") == 0)
		return expect(argv[2], argv[3], number(argv[4]));
	if (argc == 5 && strcmp(argv[1], "flips") == 0)
		return flips(argv[2], number(argv[3]),
		    (unsigned)number(argv[4]));
	if (argc == 3 && strcmp(argv[1], "kinds") == 0)
		return kinds(argv[2]);
	if (argc == 3 && strcmp(argv[1], "valid") == 0)
		return valid(argv[2]);
	fprintf(stderr, "usage: statetool save-loop|verify|record|expect|"
	    "flips|kinds|valid ... (see tests/torture/statetool.c)\n");
	return 2;
}
