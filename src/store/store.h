/* store.h: loading the catalog and loading/saving progress.
 * The only module that knows libconfig. Everything it hands out is copied
 * out of libconfig's tree, checked and sanitised. */
#ifndef OPTOUT_STORE_H
#define OPTOUT_STORE_H

#include <stddef.h>

#include "core/catalog.h"
#include "core/diag.h"
#include "core/progress.h"
#include "core/settings.h"
#include "core/workshop.h"

#define STORE_CATALOG_CAP	(256 * 1024)	/* bytes per platform file */
#define STORE_STATE_CAP		(1024 * 1024)

/* Loads one platform file. Returns 0, or -1 with the problems in diags. */
int	 store_platform_load(const char *path, struct platform *,
	     struct diags *);
/* Loads every *.cfg in dir, sorted for the list. Returns 0, or -1 when any
 * file has an error (all of them are in diags; nothing is half-loaded). */
int	 store_catalog_load(const char *dir, struct catalog *, struct diags *);
/* The *.cfg names in dir (no dot files), sorted; -1 with errno if dir
 * cannot be read. */
int	 store_catalog_list(const char *dir, char ***names, size_t *n);

/* Optional checks while loading: warn about "verified" dates older than
 * stale_days before today; nfiles counts the files read. */
struct catalog_check {
	int32_t	 today;
	int	 stale_days;
	size_t	 nfiles;	/* out */
};

/* Loads layers of catalog directories, later ones winning by id (see
 * docs/catalog.md). Errors in the first layer fail the load; in later
 * layers a broken file is a warning and its platform keeps the earlier
 * version, unless strict (the validator), where every problem is an
 * error. A missing later layer is fine. */
int	 store_catalog_load_layers(const char *const *dirs, size_t ndirs,
	     bool strict, struct catalog_check *, struct catalog *,
	     struct diags *);

/* The parsed catalog kept in a file (docs/architecture.md, "The catalog
 * cache"): a start with an unchanged catalog reads it instead of parsing
 * every platform file with libconfig. */
#define STORE_CACHE_CAP		(64 * 1024 * 1024)
#define STORE_CACHE_SETTLE_NS	(2 * 1000000000LL)

struct catalog_cache {
	const char	*path;		/* the cache file; NULL: just parse */
	bool		 write;		/* may (re)write it; else only read */
	long long	 settle_ns;	/* files changed more recently than
					   this are not cached (their time
					   stamps may not show the next
					   change yet) */
	bool		 used;		/* out: the catalog came from it */
	bool		 written;	/* out: it was (re)written */
	const char	*why;		/* out: why it was not used */
};

/* Loads the layers as store_catalog_load_layers(dirs, ndirs, false, NULL,
 * ...) would, from the cache when it was made from the very same files
 * (device, inode, size, modification and change times of each, the layer
 * directories in their order, and this optout binary). Otherwise it
 * parses and, when the load had no problem at all and cc->write is set,
 * rewrites the cache; any problem with the cache itself is silent. */
int	 store_catalog_load_cached(const char *const *dirs, size_t ndirs,
	     struct catalog_cache *, struct catalog *, struct diags *);

enum store_load {
	STORE_LOADED,
	STORE_MISSING,		/* no state yet: a first visit */
	STORE_CORRUPT,		/* unusable; moved aside to *aside */
	STORE_UNREADABLE	/* cannot be read, or is a newer optout's: it
				   stays as it is and must not be saved over */
};

/* Loads progress; *detail (owned) says what was wrong, *aside (owned) where
 * a corrupt file was moved. */
enum store_load store_progress_load(const char *path, struct progress *,
	     char **detail, char **aside);
/* Saves this session's changes: under a lock (path.lock) it reads the
 * file, merges the changed records into it (so that two sessions of one
 * person lose nothing), and replaces it atomically (0600, directory 0700).
 * On success the progress becomes the merged one. Returns 0, or -1 with
 * *err (owned); the old file then stays. */
int	 store_progress_save(const char *path, struct progress *, char **err);
/* Marks a session as open for as long as the process runs (path.session).
 * Returns 1 if another session of the same person is open too, 0 if not,
 * -1 if it cannot tell. */
int	 store_progress_session(const char *path);
/* The text that store_progress_save would write; owned. */
char	*store_progress_format(const struct progress *);

/* Reads settings from path over the values already in s; a missing file
 * changes nothing. Returns -1 with file:line problems in diags. */
int	 store_settings_load(const char *path, struct settings *,
	     struct diags *);

/* Reads the workshops group of path into set, a later definition of a
 * name replacing an earlier one. For optout.cfg (own_file false) a
 * missing file or group is fine; a trainer's own file (own_file, from
 * --workshop-file) must exist and hold nothing but the group. Returns -1
 * with file:line problems in diags. */
int	 store_workshops_load(const char *path, bool own_file,
	     struct workshops *, struct diags *);

#endif
