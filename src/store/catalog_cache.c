/* catalog_cache.c: the parsed catalog kept in a file, so that a start
 * with an unchanged catalog costs a stat() per platform file instead of
 * libconfig parsing all of them (docs/performance.md). The bytes are
 * core/catalog_codec's; this file finds out what they must have been
 * made from, and reads and writes them. Nothing here is ever an error:
 * whatever is wrong with the cache, the catalog is parsed. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/buf.h"
#include "core/catalog_codec.h"
#include "core/xmalloc.h"
#include "store/store.h"
#include "sys/fileio.h"

static long long
ns_of(struct timespec t)
{
	return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* The key is bytes compared as a whole, never parsed: names are written
 * with their length, numbers as they are in memory. */
static void
add_name(struct buf *b, const char *s)
{
	uint32_t n = (uint32_t)strlen(s);

	buf_add(b, (const char *)&n, sizeof n);
	buf_add(b, s, n);
}

static void
add_stat(struct buf *b, const struct stat *st)
{
	int64_t v[5] = { (int64_t)st->st_dev, (int64_t)st->st_ino,
	    (int64_t)st->st_size, ns_of(st->st_mtim), ns_of(st->st_ctim) };

	buf_add(b, (const char *)v, sizeof v);
}

static void
add_int(struct buf *b, int v)
{
	buf_add(b, (const char *)&v, sizeof v);
}

/* What a cache must have been made from: this optout (version, codec,
 * and the binary itself, so that a rebuilt or reinstalled one parses
 * afresh), and for each layer in order its directory and each platform
 * file's name, device, inode, size, modification and change time.
 * *settled is false if a file changed within settle_ns: a change in the
 * same clock tick would not show in its time stamps. */
static void
make_key(const char *const *dirs, size_t ndirs, long long settle_ns,
    struct buf *key, bool *settled)
{
	struct buf path = { 0 };
	struct timespec now;
	struct stat st;
	char **names;
	size_t i, j, n;
	long long t;

	clock_gettime(CLOCK_REALTIME, &now);
	*settled = true;
	add_name(key, "optout " PACKAGE_VERSION);
	add_int(key, CATALOG_CODEC_VERSION);
	if (stat("/proc/self/exe", &st) == 0)
		add_stat(key, &st);
	for (i = 0; i < ndirs; i++) {
		add_name(key, dirs[i]);
		if (store_catalog_list(dirs[i], &names, &n) == -1) {
			/* the load reports all but a missing later layer */
			add_int(key, -errno);
			continue;
		}
		add_int(key, (int)n);
		for (j = 0; j < n; j++) {
			add_name(key, names[j]);
			path.len = 0;
			buf_adds(&path, dirs[i]);
			buf_add(&path, "/", 1);
			buf_adds(&path, names[j]);
			if (stat(path.data, &st) == -1) {
				add_int(key, -errno);
				*settled = false;
			} else {
				add_stat(key, &st);
				t = ns_of(st.st_ctim) > ns_of(st.st_mtim) ?
				    ns_of(st.st_ctim) : ns_of(st.st_mtim);
				if (ns_of(now) - t < settle_ns)
					*settled = false;
			}
			free(names[j]);
		}
		free(names);
	}
	buf_free(&path);
}

/* The catalog's strings stay in the bytes read (catalog.texts): one
 * allocation for all of them, none copied. */
static bool
read_cache(const char *path, const struct buf *key, struct catalog *cat,
    const char **why)
{
	struct stat st;
	char *data, *err;
	size_t len;

	if (lstat(path, &st) == -1) {
		*why = errno == ENOENT ? "none yet" : "cannot be read";
		return false;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > STORE_CACHE_CAP) {
		*why = "not a regular file of a sane size";
		return false;
	}
	/* cap at the size seen: a file that grows meanwhile is refused */
	if (file_read(path, (size_t)st.st_size, FILE_READ_NOFOLLOW, &data,
	    &len, &err) == -1) {
		free(err);
		*why = "cannot be read";
		return false;
	}
	return catalog_decode_owned(data, len, key->data, key->len, cat, why);
}

static bool
write_cache(const char *path, const struct buf *key,
    const struct catalog *cat)
{
	struct buf b = { 0 };
	char *err = NULL;
	bool ok = false;

	catalog_encode(cat, key->data, key->len, &b);
	if (b.len > STORE_CACHE_CAP || file_mkdirs_for(path, 0700, &err) == -1)
		goto out;
	ok = file_replace(path, b.data, b.len, 0600, &err) == 0;
out:
	free(err);
	buf_free(&b);
	return ok;
}

int
store_catalog_load_cached(const char *const *dirs, size_t ndirs,
    struct catalog_cache *cc, struct catalog *cat, struct diags *d)
{
	struct buf key = { 0 };
	size_t before = d->n;
	bool settled;
	int rc;

	cc->used = cc->written = false;
	cc->why = "no cache file";
	if (cc->path == NULL)
		return store_catalog_load_layers(dirs, ndirs, false, NULL, cat,
		    d);
	/* The key is taken before the files are read: a file that changes
	 * while it is parsed then no longer matches next time. */
	make_key(dirs, ndirs, cc->settle_ns, &key, &settled);
	if (read_cache(cc->path, &key, cat, &cc->why)) {
		cc->used = true;
		buf_free(&key);
		return 0;
	}
	rc = store_catalog_load_layers(dirs, ndirs, false, NULL, cat, d);
	/* Only a catalog without warnings: a warning must be told again on
	 * every start, and only a parse finds it. */
	if (rc == 0 && d->n == before && settled && cc->write)
		cc->written = write_cache(cc->path, &key, cat);
	buf_free(&key);
	return rc;
}
