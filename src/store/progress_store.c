/* progress_store.c: the state file. Read with libconfig (guarded like the
 * catalog), written by our own serialiser and replaced atomically, because
 * libconfig's config_write_file truncates in place and ignores errors. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/xmalloc.h"
#include "store/cfgfile.h"
#include "store/store.h"
#include "sys/fileio.h"

/* Version 2 added the language of the platforms' words ("labels") and
 * the plain-letter choice ("glyphs"). A file without them is still written
 * as version 1, so that an older optout keeps reading it; one with them
 * says 2, so that an older optout leaves it alone instead of calling it
 * damaged. */
#define STATE_VERSION	2

static const char *const state_keys[] = {
	"version", "account", "language", "labels", "glyphs", "platforms", NULL
};
static const char *const record_keys[] = {
	"id", "selected", "status", "surface", "time", "labels", NULL
};

/* A "labels" member: "de", "en" and, where allowed, "wizard". */
static void
read_labels(struct cfgctx *c, const config_setting_t *g, bool wizard_ok,
    enum labels *out)
{
	char *s;

	if ((s = cfg_string(c, g, "labels", false)) == NULL)
		return;
	if (!labels_from_code(s, out) || *out == LABELS_UNSET ||
	    (!wizard_ok && *out == LABELS_WIZARD)) {
		diags_add(c->d, c->file, cfg_line(config_setting_get_member(g,
		    "labels")), false, "unknown labels \"%s\"", s);
		*out = LABELS_UNSET;
	}
	free(s);
}

static int
by_id(const void *a, const void *b)
{
	const struct record *const *ra = a, *const *rb = b;

	return strcmp((*ra)->id, (*rb)->id);
}

/* The first id that two records share, or NULL: sorted, since looking
 * each id up among the earlier ones is quadratic (a fuzzer's file of
 * 15,000 records took seconds: tests/fuzz/regressions/state/
 * many-records). */
static const char *
repeated_id(const struct progress *p)
{
	const struct record **v;
	const char *id = NULL;
	size_t i;

	if (p->n < 2)
		return NULL;
	v = xreallocarray(NULL, p->n, sizeof *v);
	for (i = 0; i < p->n; i++)
		v[i] = &p->v[i];
	qsort(v, p->n, sizeof *v, by_id);
	for (i = 1; i < p->n && id == NULL; i++) {
		if (strcmp(v[i - 1]->id, v[i]->id) == 0)
			id = v[i]->id;
	}
	free(v);
	return id;
}

/* The line of the last record with this id. */
static int
record_line(const config_setting_t *list, const char *id)
{
	const config_setting_t *e, *m;
	int i;

	for (i = config_setting_length(list) - 1; i >= 0; i--) {
		e = config_setting_get_elem(list, (unsigned int)i);
		if ((m = config_setting_get_member(e, "id")) != NULL &&
		    config_setting_type(m) == CONFIG_TYPE_STRING &&
		    strcmp(config_setting_get_string(m), id) == 0)
			return cfg_line(e);
	}
	return 0;
}

/* Parses into p; returns false with a message in d. *newer is set for a
 * file written by a newer optout, which must be left alone. */
static bool
parse_state(struct cfgctx *c, const config_setting_t *root,
    struct progress *p, bool *newer)
{
	const config_setting_t *m, *list, *e;
	const char *dup;
	long long t;
	char *s;
	int i, n;

	cfg_check_keys(c, root, state_keys);
	if ((m = config_setting_get_member(root, "version")) == NULL ||
	    config_setting_type(m) != CONFIG_TYPE_INT) {
		diags_add(c->d, c->file, cfg_line(m), false,
		    "no 'version' setting: the file is empty or damaged");
		return false;
	}
	if (config_setting_get_int(m) > STATE_VERSION) {
		*newer = true;
		diags_add(c->d, c->file, cfg_line(m), false, "written by a "
		    "newer version of optout (state version %d, this one "
		    "reads %d); it is left as it is",
		    config_setting_get_int(m), STATE_VERSION);
		return false;
	}
	if (config_setting_get_int(m) < 1) {
		diags_add(c->d, c->file, cfg_line(m), false, "unknown state "
		    "version %d", config_setting_get_int(m));
		return false;
	}
	if ((s = cfg_string(c, root, "account", true)) != NULL) {
		if (!account_from_code(s, &p->account))
			diags_add(c->d, c->file, cfg_line(
			    config_setting_get_member(root, "account")), false,
			    "unknown account \"%s\"", s);
		free(s);
	}
	if ((s = cfg_string(c, root, "language", false)) != NULL) {
		if (lang_from_code(s, &p->lang))
			p->has_lang = true;
		free(s);
	}
	read_labels(c, root, true, &p->labels);
	if ((s = cfg_string(c, root, "glyphs", false)) != NULL) {
		if (strcmp(s, "ascii") == 0)
			p->ascii = true;
		else if (strcmp(s, "unicode") != 0)
			diags_add(c->d, c->file, cfg_line(
			    config_setting_get_member(root, "glyphs")), false,
			    "'glyphs' must be \"ascii\" or \"unicode\"");
		free(s);
	}
	if ((list = cfg_list(c, root, "platforms", true)) == NULL)
		return false;
	n = config_setting_length(list);
	for (i = 0; i < n; i++) {
		struct record *r;
		char *id;

		e = config_setting_get_elem(list, (unsigned int)i);
		if (!config_setting_is_group(e)) {
			diags_add(c->d, c->file, cfg_line(e), false,
			    "a platform entry must be a group");
			return false;
		}
		cfg_check_keys(c, e, record_keys);
		if ((id = cfg_string(c, e, "id", true)) == NULL)
			return false;
		if (!catalog_valid_id(id)) {
			diags_add(c->d, c->file, cfg_line(e), false,
			    "bad or repeated platform id \"%s\"", id);
			free(id);
			return false;
		}
		r = progress_append(p, id);
		free(id);
		r->selected = cfg_bool(c, e, "selected", false);
		if ((s = cfg_string(c, e, "status", true)) != NULL) {
			if (!status_from_code(s, &r->status))
				diags_add(c->d, c->file, cfg_line(e), false,
				    "unknown status \"%s\"", s);
			free(s);
		}
		if ((s = cfg_string(c, e, "surface", false)) != NULL) {
			if (surface_from_code(s, &r->surface))
				r->has_surface = true;
			else
				diags_add(c->d, c->file, cfg_line(e), false,
				    "unknown surface \"%s\"", s);
			free(s);
		}
		if ((m = config_setting_get_member(e, "time")) != NULL) {
			if (config_setting_type(m) == CONFIG_TYPE_INT64)
				t = config_setting_get_int64(m);
			else if (config_setting_type(m) == CONFIG_TYPE_INT)
				t = config_setting_get_int(m);
			else
				t = -1;
			if (t < 0) {
				diags_add(c->d, c->file, cfg_line(m), false,
				    "'time' must be a number of seconds");
			} else
				r->time = (time_t)t;
		}
		read_labels(c, e, false, &r->labels);
	}
	if ((dup = repeated_id(p)) != NULL) {
		diags_add(c->d, c->file, record_line(list, dup), false,
		    "bad or repeated platform id \"%s\"", dup);
		return false;
	}
	return c->d->nerrors == 0;
}

/* Reads and checks the state file, moving nothing. Returns false with
 * the problem in d; *newer when a newer optout wrote it. */
static bool
read_state(const char *path, struct progress *p, struct diags *d, bool *newer)
{
	struct cfgctx c = { path, d };
	config_t cfg;
	bool ok;

	memset(p, 0, sizeof *p);
	*newer = false;
	if (cfgfile_parse(path, STORE_STATE_CAP, FILE_READ_NOFOLLOW, &cfg,
	    d) == -1)
		return false;
	ok = parse_state(&c, config_root_setting(&cfg), p, newer);
	config_destroy(&cfg);
	if (!ok)
		progress_clear(p);
	return ok;
}

enum store_load
store_progress_load(const char *path, struct progress *p, char **detail,
    char **aside)
{
	struct diags d = { 0 };
	struct stat st;
	char *err = NULL;
	bool newer;

	memset(p, 0, sizeof *p);
	*detail = NULL;
	*aside = NULL;
	/* lstat: a dangling symbolic link is not "no file yet" but
	 * something in the file's place, kept aside like any other */
	if (lstat(path, &st) == -1 && errno == ENOENT)
		return STORE_MISSING;
	if (read_state(path, p, &d, &newer)) {
		diags_free(&d);
		return STORE_LOADED;
	}
	*detail = diag_format(&d.v[0]);
	diags_free(&d);
	if (newer)
		return STORE_UNREADABLE;	/* a newer optout's; keep it */
	/* A file we may not read is not corrupt: leave it alone. */
	if (access(path, R_OK) == -1 && errno == EACCES)
		return STORE_UNREADABLE;
	if (file_move_aside(path, "corrupt", aside, &err) == -1) {
		char *both = xasprintf("%s; %s", *detail, err);

		free(*detail);
		free(err);
		*detail = both;
		return STORE_UNREADABLE;
	}
	return STORE_CORRUPT;
}

static void
add_string(struct buf *b, const char *s)
{
	buf_add(b, "\"", 1);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_addf(b, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			buf_addf(b, "\\x%02x", (unsigned char)*s);
		else
			buf_add(b, s, 1);
	}
	buf_add(b, "\"", 1);
}

static bool
uses_version2(const struct progress *p)
{
	size_t i;

	if (p->labels != LABELS_UNSET || p->ascii)
		return true;
	for (i = 0; i < p->n; i++) {
		if (p->v[i].labels != LABELS_UNSET)
			return true;
	}
	return false;
}

char *
store_progress_format(const struct progress *p)
{
	struct buf b = { 0 };
	const struct record *r;
	struct tm tm;
	char when[32];
	size_t i;

	buf_adds(&b, "# optout progress: what you chose and recorded.\n"
	    "# Written by optout after every change; keep it private.\n");
	buf_addf(&b, "version = %d;\n", uses_version2(p) ? 2 : 1);
	buf_addf(&b, "account = \"%s\";\n", account_code(p->account));
	if (p->has_lang)
		buf_addf(&b, "language = \"%s\";\n", lang_code(p->lang));
	if (p->labels != LABELS_UNSET)
		buf_addf(&b, "labels = \"%s\";\n", labels_code(p->labels));
	if (p->ascii)
		buf_adds(&b, "glyphs = \"ascii\";\n");
	buf_adds(&b, "platforms = (\n");
	for (i = 0; i < p->n; i++) {
		r = &p->v[i];
		buf_adds(&b, "  { id = ");
		add_string(&b, r->id);
		buf_addf(&b, "; selected = %s; status = \"%s\";",
		    r->selected ? "true" : "false", status_code(r->status));
		if (r->has_surface)
			buf_addf(&b, " surface = \"%s\";",
			    surface_code(r->surface));
		if (r->time != 0)
			buf_addf(&b, " time = %lldL;", (long long)r->time);
		if (r->labels != LABELS_UNSET)
			buf_addf(&b, " labels = \"%s\";",
			    labels_code(r->labels));
		buf_adds(&b, i + 1 < p->n ? " }," : " }");
		if (r->time != 0 && gmtime_r(&r->time, &tm) != NULL &&
		    strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm) > 0)
			buf_addf(&b, "  # %s", when);
		buf_adds(&b, "\n");
	}
	buf_adds(&b, ");\n");
	return buf_take(&b);
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* An open, locked lock file next to path; -1 with *err. */
static int
lock_file(const char *path, const char *suffix, int how, char **err)
{
	char *name = xasprintf("%s%s", path, suffix);
	int fd, e;

	fd = open(name, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd == -1) {
		e = errno;
		if (err != NULL)
			/* the path once: the message is shown on one to
			 * three lines of the screen */
			*err = xasprintf("%s: cannot create its lock file "
			    "%s: %s", path, base_name(name), strerror(e));
		free(name);
		errno = e;
		return -1;
	}
	free(name);
	while (flock(fd, how) == -1) {
		if (errno != EINTR) {
			e = errno;
			close(fd);
			errno = e;
			if (err != NULL && e != EWOULDBLOCK)
				*err = xasprintf("%s: cannot lock: %s", path,
				    strerror(e));
			return -1;
		}
	}
	return fd;
}

int
store_progress_save(const char *path, struct progress *p, char **err)
{
	struct progress disk;
	struct diags d = { 0 };
	struct stat st;
	char *text;
	bool newer;
	int fd, rc;

	if (file_mkdirs_for(path, 0700, err) == -1)
		return -1;
	/* Another session of the same person may save at the same time:
	 * under the lock, read what is there and put our changes into it. */
	if ((fd = lock_file(path, ".lock", LOCK_EX, err)) == -1)
		return -1;
	if (lstat(path, &st) == -1 || !S_ISREG(st.st_mode))
		/* nothing to merge: no file yet; a symbolic link is replaced,
		 * never followed; a directory makes the rename fail */
		progress_copy(&disk, p);
	else if (read_state(path, &disk, &d, &newer))
		progress_merge(&disk, p);
	else if (newer) {
		*err = diag_format(&d.v[0]);
		diags_free(&d);
		close(fd);
		return -1;
	} else {
		/* damaged since this session started: never overwrite it */
		*err = diag_format(&d.v[0]);
		diags_free(&d);
		close(fd);
		return -1;
	}
	diags_free(&d);
	/* a session killed in the middle of a save left its temp file */
	file_remove_temps(path);
	text = store_progress_format(&disk);
	rc = file_write_atomic(path, text, strlen(text), 0600, err);
	free(text);
	if (rc == 0) {
		/* we now see the other session's records too */
		progress_clear(p);
		*p = disk;
		progress_mark_saved(p);
	} else
		progress_clear(&disk);
	close(fd);
	return rc;
}

int
store_progress_session(const char *path)
{
	int fd;

	if (file_mkdirs_for(path, 0700, NULL) == -1)
		return -1;
	if ((fd = lock_file(path, ".session", LOCK_EX | LOCK_NB, NULL)) != -1) {
		flock(fd, LOCK_SH);	/* let a later session see us */
		return 0;		/* fd stays open: the session's lock */
	}
	if (errno != EWOULDBLOCK)
		return -1;
	if ((fd = lock_file(path, ".session", LOCK_SH, NULL)) == -1)
		return -1;
	return 1;
}
