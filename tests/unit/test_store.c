/* test_store.c: the catalog files, the cache of the parsed catalog, the
 * state file and the wizard on the shipped catalog, with real files in a
 * temporary directory.
 * The environment of `make check` gives top_srcdir (see Makefile.am). */
#define _GNU_SOURCE 1		/* setresuid() */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <locale.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/catalog.h"
#include "core/catalog_codec.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/progress.h"
#include "core/text.h"
#include "core/view.h"
#include "core/wizard.h"
#include "core/words.h"
#include "core/workshop.h"
#include "core/xmalloc.h"
#include "store/store.h"
#include "sys/fileio.h"
#include "tap.h"

#define NOW	((time_t)1763800000)	/* 2025-11-22 08:26:40 UTC */
#define NOBODY	65534

static const char *srcdir = ".";
static char *base;		/* removed by main() after all tests */
static bool dropped;		/* running as NOBODY for a while */

/* ---- files ---- */

static char *
tmpdir(void)
{
	char *d = xasprintf("%s/t.XXXXXX", base);

	ck_assert_msg(mkdtemp(d) != NULL, "mkdtemp: %s", strerror(errno));
	return d;
}

static char *
join(const char *dir, const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void
write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	ck_assert(fwrite(data, 1, len, f) == len);
	ck_assert(fclose(f) == 0);
}

/* The whole file, or NULL if it cannot be read. */
static char *
slurp(const char *path, size_t *len)
{
	char *data = NULL, *err = NULL;

	if (file_read(path, 1024 * 1024, 0, &data, len, &err) == -1) {
		free(err);
		return NULL;
	}
	return data;
}

static char *
fixture(const char *rel, size_t *len)
{
	char *path = xasprintf("%s/tests/data/%s", srcdir, rel);
	char *data = slurp(path, len);

	ck_assert_msg(data != NULL, "fixture %s is missing", path);
	free(path);
	return data;
}

static bool
exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

static void
assert_same_bytes(const char *path, const char *data, size_t len)
{
	size_t got;
	char *now = slurp(path, &got);

	ck_assert_msg(now != NULL, "%s cannot be read", path);
	ck_assert_msg(got == len && memcmp(now, data, len) == 0,
	    "%s changed (%zu bytes, was %zu)", path, got, len);
	free(now);
}

/* Names in dir that contain needle. */
static size_t
count_names(const char *dir, const char *needle)
{
	char *cmd = xasprintf("ls -a '%s' | grep -c -F -e '%s'", dir, needle);
	FILE *p = popen(cmd, "r");
	unsigned long n = 0;

	ck_assert(p != NULL);
	if (fscanf(p, "%lu", &n) != 1)
		n = 0;
	pclose(p);
	free(cmd);
	return (size_t)n;
}

/* Becomes an ordinary user if running as root (the permission tests mean
 * nothing to root); dir and what is in it then belong to that user. The
 * saved user id stays 0, so that be_myself() can return. */
static void
be_ordinary(const char *dir)
{
	char *cmd;

	if (getuid() != 0)
		return;
	cmd = xasprintf("chown -R %d:%d '%s'", NOBODY, NOBODY, dir);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	ck_assert(setresgid(NOBODY, NOBODY, 0) == 0);
	ck_assert(setresuid(NOBODY, NOBODY, 0) == 0);
	dropped = true;
}

static void
be_myself(void)
{
	if (dropped) {
		ck_assert(setresuid(0, 0, 0) == 0);
		ck_assert(setresgid(0, 0, 0) == 0);
		dropped = false;
	}
}

/* ---- catalog ---- */

static bool
clean(const char *s)
{
	size_t n, i = 0, k;
	uint32_t cp;

	if (s == NULL)
		return true;
	n = strlen(s);
	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0 ||
		    text_is_unsafe(cp))
			return false;
		i += k;
	}
	return true;
}

static bool
lclean(const struct ltext *t)
{
	return clean(t->s[LANG_DE]) && clean(t->s[LANG_EN]);
}

/* Every string a platform hands to the screen is safe to draw. */
static void
assert_platform_clean(const struct platform *p)
{
	size_t i, j;

	ck_assert(clean(p->id) && clean(p->name) && clean(p->operator_name));
	ck_assert(lclean(&p->summary) && lclean(&p->legal_basis) &&
	    lclean(&p->excluded) && lclean(&p->retroactivity) &&
	    lclean(&p->org_note));
	for (i = 0; i < p->ncaveats; i++)
		ck_assert(lclean(&p->caveats[i]));
	for (i = 0; i < p->nuncertain; i++)
		ck_assert(lclean(&p->uncertain[i]));
	for (i = 0; i < p->nevents; i++)
		ck_assert(lclean(&p->events[i].what));
	if (p->form != NULL)
		ck_assert(lclean(&p->form->name) && lclean(&p->form->asks) &&
		    lclean(&p->form->purpose) && clean(p->form->url));
	for (i = 0; i < p->nsurfaces; i++) {
		const struct surface *sf = &p->surfaces[i];

		ck_assert(clean(sf->url) && lclean(&sf->search));
		for (j = 0; j < sf->nsteps; j++)
			ck_assert(lclean(&sf->steps[j].text) &&
			    lclean(&sf->steps[j].label));
		ck_assert(lclean(&sf->final.label) &&
		    lclean(&sf->final.state));
	}
	for (i = 0; i < p->nsources; i++)
		ck_assert(clean(p->sources[i].url) &&
		    clean(p->sources[i].publisher) &&
		    clean(p->sources[i].date));
}

static char *
catalog_fixture(const char *name)
{
	return xasprintf("%s/tests/data/catalog/%s.cfg", srcdir, name);
}

static void
assert_diags(const struct diags *d, const char *path,
    const char *const *want)
{
	size_t i, n = 0;
	char *got, *exp;

	while (want[n] != NULL)
		n++;
	for (i = 0; i < d->n && i < n; i++) {
		got = diag_format(&d->v[i]);
		exp = xasprintf("%s%s", path, want[i]);
		ck_assert_str_eq(got, exp);
		free(got);
		free(exp);
	}
	if (d->n > n) {
		got = diag_format(&d->v[n]);
		ck_abort_msg("unexpected further problem: %s", got);
	}
	ck_assert_msg(d->n == n, "%zu problems, expected %zu", d->n, n);
}

/* Loads a broken fixture: it must fail with exactly these problems (each
 * given without the leading path) and leave nothing behind. */
static void
expect_broken(const char *name, const char *const *want)
{
	static const struct platform zero;
	struct diags d = { 0 };
	struct platform p;
	char *path = catalog_fixture(name);

	memset(&p, 0xa5, sizeof p);
	ck_assert_int_eq(store_platform_load(path, &p, &d), -1);
	assert_diags(&d, path, want);
	ck_assert_uint_eq(d.nerrors, d.n);
	ck_assert_msg(memcmp(&p, &zero, sizeof p) == 0,
	    "a failed load left something in the platform");
	diags_free(&d);
	free(path);
}

#define BROKEN(fn, name, ...)						\
START_TEST(fn)								\
{									\
	static const char *const want[] = { __VA_ARGS__, NULL };	\
									\
	expect_broken(name, want);					\
}									\
END_TEST

BROKEN(test_catalog_include_line_is_refused, "include",
    ":7: '@include' and other directives are not allowed; put each "
    "platform in a file of its own")
BROKEN(test_catalog_latin1_byte_is_refused, "bad_utf8",
    ":4: not valid UTF-8 (byte 90); save the file as UTF-8")
BROKEN(test_catalog_misspelt_key_is_named_with_a_suggestion, "typo_key",
    ":7: unknown key 'verfied' (did you mean 'verified'?)",
    ": missing required key 'verified'")
BROKEN(test_catalog_text_without_german_is_refused, "missing_de",
    ":9: 'summary' has no 'de' text")
BROKEN(test_catalog_impossible_date_is_refused, "bad_date",
    ":7: 'verified' must be a date (YYYY-MM-DD), not \"2025-02-30\"")
BROKEN(test_catalog_http_address_is_refused, "bad_url",
    ":23: 'url' must be an address starting with https:// (without "
    "spaces)")
BROKEN(test_catalog_id_must_match_file_name, "id_mismatch",
    ":3: 'id' \"minimal\" does not match the file name "
    "id_mismatch.cfg: rename the file to minimal.cfg or change the id")
BROKEN(test_catalog_trailing_comma_is_a_syntax_error, "trailing_comma",
    ":39: syntax error (often a missing ';' or '\"', or a comma after the last element of a list)")
BROKEN(test_catalog_syntax_error_names_the_line, "syntax",
    ":5: syntax error (often a missing ';' or '\"', or a comma after the last element of a list)")
BROKEN(test_catalog_deep_nesting_is_refused_before_parsing, "deep_nesting",
    ":9: nested more than 32 levels deep")
BROKEN(test_catalog_number_for_string_is_refused, "wrong_type",
    ":4: 'name' must be a string in double quotes")
BROKEN(test_catalog_nul_byte_is_refused, "nul_byte",
    ":5: contains a NUL byte; this is not a text file")
BROKEN(test_catalog_escape_making_broken_utf8_is_refused, "escape_utf8",
    ":4: 'name' is not valid UTF-8 (an escape such as \\x makes a broken "
    "character)")
BROKEN(test_catalog_text_of_only_controls_is_empty, "only_controls",
    ":4: 'name' must not be empty")
BROKEN(test_catalog_unknown_category_lists_the_choices, "bad_code",
    ":6: 'category' must be one of social, messenger, assistant, "
    "tools, publishing, other, not \"sozial\"")
BROKEN(test_catalog_missing_required_key_is_named, "missing_key",
    ": missing required key 'sources'")

/* The number of *.cfg files in dir. */
static size_t
count_cfg(const char *dir)
{
	struct dirent *de;
	size_t n = 0, len;
	DIR *dp = opendir(dir);

	ck_assert_ptr_nonnull(dp);
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] != '.' && len > 4 &&
		    strcmp(de->d_name + len - 4, ".cfg") == 0)
			n++;
	}
	closedir(dp);
	return n;
}

START_TEST(test_catalog_shipped_files_load_without_diagnostics)
{
	static const char *const must[] = {
		"facebook", "instagram", "linkedin", "whatsapp"
	};
	struct diags d = { 0 };
	struct catalog cat;
	char *dir = xasprintf("%s/config/platforms", srcdir), *f;
	const struct platform *p, *q;
	size_t i;

	ck_assert_int_eq(store_catalog_load(dir, &cat, &d), 0);
	for (i = 0; i < d.n; i++) {
		f = diag_format(&d.v[i]);
		ck_abort_msg("%s", f);
	}
	/* every file is in, and the platforms that started it all */
	ck_assert_uint_eq(cat.n, count_cfg(dir));
	for (i = 0; i < sizeof must / sizeof must[0]; i++)
		ck_assert_msg(catalog_find(&cat, must[i]) >= 0, "%s", must[i]);
	for (i = 0; i < cat.n; i++) {
		p = &cat.v[i];
		f = xasprintf("%s/%s.cfg", dir, p->id);
		ck_assert_str_eq(p->file, f);
		free(f);
		assert_platform_clean(p);
		ck_assert(p->nsources >= 1);
		ck_assert_msg(!mechanism_needs_surfaces(p->mechanism) ||
		    p->nsurfaces >= 1, "%s has no steps", p->id);
		if (i > 0) {		/* list order: by group, then name */
			q = &cat.v[i - 1];
			ck_assert(q->category < p->category ||
			    (q->category == p->category &&
			    strcasecmp(q->name, p->name) <= 0));
		}
	}
	catalog_free(&cat);
	free(dir);
}
END_TEST

START_TEST(test_catalog_control_characters_are_removed)
{
	struct diags d = { 0 };
	struct platform p;
	char *path = catalog_fixture("control_chars");

	ck_assert_int_eq(store_platform_load(path, &p, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_str_eq(p.name, "Mini[31mmal");
	ck_assert_str_eq(p.summary.s[LANG_EN],
	    "Minimal uses your ]0;pwnedposts.");
	ck_assert_str_eq(p.surfaces[0].steps[0].label.s[LANG_EN], "Settings");
	assert_platform_clean(&p);
	platform_free(&p);
	free(path);
}
END_TEST

START_TEST(test_catalog_minimal_fixture_loads)
{
	struct diags d = { 0 };
	struct platform p;
	char *path = catalog_fixture("good/minimal");

	ck_assert_int_eq(store_platform_load(path, &p, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_str_eq(p.id, "minimal");
	ck_assert_ptr_null(p.surfaces[0].steps[1].label.s[LANG_DE]);
	ck_assert_str_eq(p.file, path);
	platform_free(&p);
	free(path);
}
END_TEST

START_TEST(test_catalog_directory_with_a_broken_file_loads_nothing)
{
	struct diags d = { 0 };
	struct catalog cat;
	char *dir = tmpdir(), *src = catalog_fixture("good/minimal");
	char *good = join(dir, "minimal.cfg"), *bad = join(dir, "bad_url.cfg");
	char *data, *bdata, *want, *got;
	size_t len, blen;

	data = slurp(src, &len);
	write_file(good, data, len);
	bdata = fixture("catalog/bad_url.cfg", &blen);
	write_file(bad, bdata, blen);
	ck_assert_int_eq(store_catalog_load(dir, &cat, &d), -1);
	ck_assert_uint_eq(cat.n, 0);
	ck_assert_ptr_null(cat.v);
	want = xasprintf("%s:23: 'url' must be an address starting with "
	    "https:// (without spaces)", bad);
	ck_assert_uint_eq(d.n, 1);
	got = diag_format(&d.v[0]);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	diags_free(&d);
	/* without the broken file, the good one loads */
	ck_assert(unlink(bad) == 0);
	ck_assert_int_eq(store_catalog_load(dir, &cat, &d), 0);
	ck_assert_uint_eq(cat.n, 1);
	catalog_free(&cat);
	diags_free(&d);
	free(bdata);
	free(data);
	free(bad);
	free(good);
	free(src);
	free(dir);
}
END_TEST

START_TEST(test_catalog_every_broken_fixture_is_reported_at_once)
{
	struct diags d = { 0 };
	struct catalog cat;
	char *dir = xasprintf("%s/tests/data/catalog", srcdir);
	size_t i, files = 0;

	ck_assert_int_eq(store_catalog_load(dir, &cat, &d), -1);
	ck_assert_uint_eq(cat.n, 0);
	/* one problem or more per broken file, in file name order */
	for (i = 0; i < d.n; i++) {
		if (i == 0 || strcmp(d.v[i].file, d.v[i - 1].file) != 0) {
			files++;
			if (i > 0)
				ck_assert(strcmp(d.v[i - 1].file,
				    d.v[i].file) < 0);
		}
	}
	ck_assert_uint_eq(files, 16);	/* all but control_chars.cfg */
	diags_free(&d);
	free(dir);
}
END_TEST

START_TEST(test_catalog_empty_or_missing_directory_is_explained)
{
	struct diags d = { 0 };
	struct catalog cat;
	char *dir = tmpdir(), *none = join(dir, "nowhere"), *want, *got;

	ck_assert_int_eq(store_catalog_load(dir, &cat, &d), -1);
	want = xasprintf("%s: no platform files (*.cfg) in the catalog "
	    "directory", dir);
	got = diag_format(&d.v[0]);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	diags_free(&d);
	ck_assert_int_eq(store_catalog_load(none, &cat, &d), -1);
	want = xasprintf("%s: cannot open the catalog directory: No such file "
	    "or directory", none);
	got = diag_format(&d.v[0]);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	diags_free(&d);
	free(none);
	free(dir);
}
END_TEST

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

START_TEST(test_catalog_fifo_is_refused_at_once)
{
	struct diags d = { 0 };
	struct platform p;
	struct catalog cat;
	char *dir = tmpdir(), *fifo = join(dir, "fifo.cfg");
	char *dev = join(dir, "dev.cfg"), *want, *got, *exp;
	double t0;

	ck_assert(mkfifo(fifo, 0600) == 0);
	ck_assert(symlink("/dev/zero", dev) == 0);
	t0 = seconds();
	ck_assert_int_eq(store_platform_load(fifo, &p, &d), -1);
	ck_assert_msg(seconds() - t0 < 2, "waited for a writer");
	want = xasprintf("%s: not a regular file", fifo);
	ck_assert_uint_eq(d.n, 1);
	got = diag_format(&d.v[0]);
	ck_assert_str_eq(got, want);
	free(got);
	diags_free(&d);
	/* the same inside a catalog directory, also behind a symlink */
	ck_assert_int_eq(store_catalog_load(dir, &cat, &d), -1);
	ck_assert_uint_eq(d.n, 2);
	got = diag_format(&d.v[0]);
	exp = xasprintf("%s: not a regular file", dev);
	ck_assert_str_eq(got, exp);
	free(exp);
	free(got);
	got = diag_format(&d.v[1]);
	ck_assert_str_eq(got, want);
	free(got);
	ck_assert_uint_eq(cat.n, 0);
	diags_free(&d);
	free(want);
	free(dev);
	free(fifo);
	free(dir);
}
END_TEST

/* minimal.cfg padded with comment lines to exactly size bytes. */
static void
padded_minimal(const char *path, size_t size)
{
	size_t len, n;
	char *src = catalog_fixture("good/minimal"), *data = slurp(src, &len);
	char *out = xmalloc(size);

	ck_assert(data != NULL && len + 2 <= size);
	memcpy(out, data, len);
	for (n = len; n < size; n++)
		out[n] = (n - len) % 80 == 0 ? '#' :
		    (n - len) % 80 == 79 || n + 1 == size ? '\n' : 'x';
	write_file(path, out, size);
	free(out);
	free(data);
	free(src);
}

START_TEST(test_catalog_file_over_256k_is_refused)
{
	struct diags d = { 0 };
	struct platform p;
	char *dir = tmpdir(), *path = join(dir, "minimal.cfg"), *want, *got;

	padded_minimal(path, STORE_CATALOG_CAP + 1);
	ck_assert_int_eq(store_platform_load(path, &p, &d), -1);
	want = xasprintf("%s: file too large (262145 bytes, at most 262144)",
	    path);
	ck_assert_uint_eq(d.n, 1);
	got = diag_format(&d.v[0]);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	diags_free(&d);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_catalog_file_of_exactly_256k_loads)
{
	struct diags d = { 0 };
	struct platform p;
	char *dir = tmpdir(), *path = join(dir, "minimal.cfg");

	padded_minimal(path, STORE_CATALOG_CAP);
	ck_assert_int_eq(store_platform_load(path, &p, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	platform_free(&p);
	diags_free(&d);
	free(path);
	free(dir);
}
END_TEST

/* If libconfig ever saw the @include, it would open the FIFO and wait
 * for a writer forever; the test's timeout would catch that. */
START_TEST(test_catalog_include_anywhere_is_refused_before_libconfig)
{
	static const struct {
		const char	*before;
		const char	*line_start;
		int		 line;
	} cases[] = {
		{ "", "", 1 },
		{ "", "\t \t", 1 },
		{ "# comment\n\n", "  ", 3 },
		{ "/* a\n   b */\n", "", 3 },
		{ "x = \"two\nlines\";\n", " ", 3 },
		{ "\xef\xbb\xbf", "", 1 },		/* after a BOM */
	};
	struct diags d = { 0 };
	struct platform p;
	char *dir = tmpdir(), *fifo = join(dir, "trap");
	char *path = join(dir, "minimal.cfg"), *src, *data, *text, *want;
	char *got;
	size_t i, len;

	ck_assert(mkfifo(fifo, 0600) == 0);
	src = catalog_fixture("good/minimal");
	data = slurp(src, &len);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		/* at the start, and again at the very end without newline */
		text = xasprintf("%s%s@include \"%s\"\n%s%s@include \"%s\"",
		    cases[i].before, cases[i].line_start, fifo, data,
		    cases[i].line_start, fifo);
		write_file(path, text, strlen(text));
		ck_assert_int_eq(store_platform_load(path, &p, &d), -1);
		want = xasprintf("%s:%d: '@include' and other directives are "
		    "not allowed; put each platform in a file of its own",
		    path, cases[i].line);
		ck_assert_uint_eq(d.n, 1);
		got = diag_format(&d.v[0]);
		ck_assert_str_eq(got, want);
		free(got);
		free(want);
		diags_free(&d);
		free(text);
		/* only at the end */
		text = xasprintf("%s\n%s@include \"%s\"", data,
		    cases[i].line_start, fifo);
		write_file(path, text, strlen(text));
		ck_assert_int_eq(store_platform_load(path, &p, &d), -1);
		ck_assert_uint_eq(d.n, 1);
		ck_assert_ptr_nonnull(strstr(d.v[0].msg, "'@include'"));
		diags_free(&d);
		free(text);
	}
	free(data);
	free(src);
	free(path);
	free(fifo);
	free(dir);
}
END_TEST

START_TEST(test_catalog_texts_may_mention_include)
{
	struct diags d = { 0 };
	struct platform p;
	char *dir = tmpdir(), *path = join(dir, "minimal.cfg"), *src, *data;
	char *text, *at;
	size_t len;

	src = catalog_fixture("good/minimal");
	data = slurp(src, &len);
	at = strstr(data, "en = \"Not retroactive.\"");
	ck_assert_ptr_nonnull(at);
	text = xasprintf("# @include \"x\" is not allowed\n%.*sen = \"Not\n"
	    "@include \\\"x\\\"\nretroactive.\"%s", (int)(at - data), data,
	    at + strlen("en = \"Not retroactive.\""));
	write_file(path, text, strlen(text));
	ck_assert_int_eq(store_platform_load(path, &p, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_str_eq(p.retroactivity.s[LANG_EN],
	    "Not @include \"x\" retroactive.");
	platform_free(&p);
	diags_free(&d);
	free(text);
	free(data);
	free(src);
	free(path);
	free(dir);
}
END_TEST

/* minimal.cfg, changed by a function, written to dir/minimal.cfg. */
static char *
variant(const char *dir, char *(*change)(const char *))
{
	char *src = catalog_fixture("good/minimal"), *path, *data, *text;
	size_t len;

	data = slurp(src, &len);
	ck_assert_ptr_nonnull(data);
	text = change(data);
	path = join(dir, "minimal.cfg");
	write_file(path, text, strlen(text));
	free(text);
	free(data);
	free(src);
	return path;
}

static char *
crlf(const char *s)
{
	char *out = xmalloc(2 * strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++) {
		if (*s == '\n')
			*o++ = '\r';
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

static char *
bom(const char *s)
{
	return xasprintf("\xef\xbb\xbf%s", s);
}

/* The first step keeps its "{}" but loses its label. */
static char *
no_label(const char *s)
{
	const char *cut = "label = { de = \"Einstellungen\"; en = "
	    "\"Settings\"; };";
	const char *at = strstr(s, cut);

	ck_assert_ptr_nonnull(at);
	return xasprintf("%.*s%s", (int)(at - s), s, at + strlen(cut));
}

START_TEST(test_catalog_windows_line_endings_load)
{
	struct diags d = { 0 };
	struct platform p;
	char *dir = tmpdir(), *path = variant(dir, crlf);

	ck_assert_int_eq(store_platform_load(path, &p, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_str_eq(p.surfaces[0].steps[0].text.s[LANG_EN], "Click {}.");
	assert_platform_clean(&p);
	platform_free(&p);
	diags_free(&d);
	free(path);
	free(dir);
}
END_TEST

/* Notepad and other editors save "UTF-8" with a byte order mark; the
 * docs tell advisers to save as UTF-8, so such a file loads. */
START_TEST(test_catalog_utf8_bom_is_accepted)
{
	struct diags d = { 0 };
	struct platform p;
	char *dir = tmpdir(), *path = variant(dir, bom), *f;

	if (store_platform_load(path, &p, &d) == -1) {
		f = diag_format(&d.v[0]);
		ck_abort_msg("a file with a UTF-8 BOM is refused: %s", f);
	}
	ck_assert_uint_eq(d.n, 0);
	ck_assert_str_eq(p.id, "minimal");
	ck_assert_str_eq(p.name, "Minimal");
	platform_free(&p);
	diags_free(&d);
	free(path);
	free(dir);
}
END_TEST

/* A step whose text says "{}" but has no label would show a literal
 * "{}" to the person; the loader refuses it, naming the step. */
/* libconfig 1.5 adds each setting to a group in time proportional to the
 * group's size: a group of thousands is refused before it parses (a
 * fuzzer's file of 26,000 took seconds: tests/fuzz/regressions/catalog/
 * many-settings). */
START_TEST(test_catalog_huge_group_is_refused_before_parsing)
{
	struct buf b = { 0 };
	struct diags d = { 0 };
	struct platform p;
	char *dir = tmpdir(), *path = join(dir, "huge.cfg"), *text;
	static const char *const want[] = {
		":1001: more than 1000 settings in one group", NULL
	};
	int i;

	buf_adds(&b, "format = 1;\n");
	for (i = 0; i < 1001; i++)
		buf_addf(&b, "k%d = \"a = b; c: d\"; # e = f\n", i);
	text = buf_take(&b);
	write_file(path, text, strlen(text));
	ck_assert_int_eq(store_platform_load(path, &p, &d), -1);
	assert_diags(&d, path, want);
	diags_free(&d);
	free(text);
	free(path);
	free(dir);
}
END_TEST

/* The one web surface, three times over. */
static char *
web_thrice(const char *s)
{
	const char *from = strstr(s, "surfaces = (\n"), *to;
	char *group, *out;

	ck_assert_ptr_nonnull(from);
	from += strlen("surfaces = (\n");
	to = strstr(from, "\n);");
	ck_assert_ptr_nonnull(to);
	group = xstrndup(from, (size_t)(to - from));
	out = xasprintf("%.*s%s,\n%s,\n%s%s", (int)(from - s), s, group,
	    group, group, to);
	free(group);
	return out;
}

/* A repeated surface is named once per repeat: a fuzzer's file of 1,000
 * copies made half a million messages (tests/fuzz/regressions/catalog/
 * duplicate-surfaces). */
START_TEST(test_catalog_repeated_surface_is_named_once_per_repeat)
{
	struct diags d = { 0 };
	struct platform p;
	char *dir = tmpdir(), *path = variant(dir, web_thrice);
	static const char *const want[] = {
		":37: surface 'web' is listed twice",
		":52: surface 'web' is listed twice", NULL
	};

	ck_assert_int_eq(store_platform_load(path, &p, &d), -1);
	assert_diags(&d, path, want);
	diags_free(&d);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_catalog_step_with_braces_needs_a_label)
{
	struct diags d = { 0 };
	struct platform p;
	char *dir = tmpdir(), *path = variant(dir, no_label), *shown;
	static const char *const want[] = {
		":26: the step's text has {} for a label, but the step has no "
		"'label'", NULL
	};

	if (store_platform_load(path, &p, &d) == 0) {
		shown = words_step(&p.surfaces[0].steps[0], LANG_EN, LANG_EN,
		    NULL);
		ck_abort_msg("loaded; the step reads \"%s\"", shown);
	}
	assert_diags(&d, path, want);
	diags_free(&d);
	free(path);
	free(dir);
}
END_TEST

/* ---- progress ---- */

static void
assert_progress_eq(const struct progress *a, const struct progress *b)
{
	size_t i;

	ck_assert_int_eq(a->account, b->account);
	ck_assert_int_eq(a->labels, b->labels);
	ck_assert_int_eq(a->ascii, b->ascii);
	ck_assert_int_eq(a->has_lang, b->has_lang);
	if (a->has_lang)
		ck_assert_int_eq(a->lang, b->lang);
	ck_assert_uint_eq(a->n, b->n);
	for (i = 0; i < a->n; i++) {
		ck_assert_str_eq(a->v[i].id, b->v[i].id);
		ck_assert_int_eq(a->v[i].selected, b->v[i].selected);
		ck_assert_int_eq(a->v[i].status, b->v[i].status);
		ck_assert_int_eq(a->v[i].labels, b->v[i].labels);
		ck_assert_int_eq(a->v[i].has_surface, b->v[i].has_surface);
		if (a->v[i].has_surface)
			ck_assert_int_eq(a->v[i].surface, b->v[i].surface);
		ck_assert_msg(a->v[i].time == b->v[i].time, "%s: time %lld, "
		    "not %lld", a->v[i].id, (long long)b->v[i].time,
		    (long long)a->v[i].time);
	}
}

/* Every status, every surface, odd times, and a platform that the
 * catalog does not (or no longer) have. */
static void
rich_progress(struct progress *p)
{
	static const time_t times[ST_COUNT] = {
		NOW, 1, 0, 4102444800, (time_t)INT32_MAX + 1, NOW - 86400,
		NOW + 59, 999999999, NOW - 3600
	};
	enum surface_kind sk;
	struct record *r;
	char id[16];
	int i;

	memset(p, 0, sizeof *p);
	p->account = ACCOUNT_ORG;
	p->has_lang = true;
	p->lang = LANG_DE;
	for (i = 0; i < ST_COUNT; i++) {
		snprintf(id, sizeof id, "p%d", i);
		sk = (enum surface_kind)(i % SURF_COUNT);
		progress_record(p, id, (enum status)i, i == 2 ? NULL : &sk,
		    times[i]);
		r = progress_find(p, id);
		r->selected = i % 3 != 0;
	}
	progress_record(p, "gone_platform_2019", ST_CONFIRMED, NULL, NOW);
	progress_select(p, "linkedin", true);
}

START_TEST(test_progress_round_trip_keeps_everything)
{
	struct progress p, q;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg");
	char *err = NULL, *detail, *aside;
	int a;

	rich_progress(&p);
	for (a = 0; a < ACCOUNT_COUNT; a++) {
		p.account = (enum account)a;
		p.has_lang = a != 0;
		ck_assert_msg(store_progress_save(path, &p, &err) == 0, "%s",
		    err);
		ck_assert_int_eq(store_progress_load(path, &q, &detail,
		    &aside), STORE_LOADED);
		ck_assert_ptr_null(detail);
		ck_assert_ptr_null(aside);
		assert_progress_eq(&p, &q);
		progress_clear(&q);
	}
	progress_clear(&p);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_progress_missing_file_is_a_first_visit)
{
	struct progress p;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg");
	char *detail, *aside;

	ck_assert_int_eq(store_progress_load(path, &p, &detail, &aside),
	    STORE_MISSING);
	ck_assert_uint_eq(p.n, 0);
	ck_assert(!exists(path));
	ck_assert_uint_eq(count_names(dir, "progress"), 0);
	free(detail);
	free(aside);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_progress_file_is_private_even_with_umask_0)
{
	struct progress p;
	struct stat st;
	char *dir = tmpdir(), *sub = join(dir, "state"), *deeper;
	char *path, *err = NULL;
	mode_t old = umask(0);

	deeper = join(sub, "optout");
	path = join(deeper, "progress.cfg");
	rich_progress(&p);
	ck_assert_msg(store_progress_save(path, &p, &err) == 0, "%s", err);
	ck_assert(stat(path, &st) == 0);
	ck_assert_msg((st.st_mode & 07777) == 0600, "file mode %o",
	    (unsigned)(st.st_mode & 07777));
	ck_assert(stat(deeper, &st) == 0);
	ck_assert_msg((st.st_mode & 07777) == 0700, "directory mode %o",
	    (unsigned)(st.st_mode & 07777));
	ck_assert(stat(sub, &st) == 0);
	ck_assert_msg((st.st_mode & 07777) == 0700, "parent mode %o",
	    (unsigned)(st.st_mode & 07777));
	/* saving again keeps it private */
	ck_assert(store_progress_save(path, &p, &err) == 0);
	ck_assert(stat(path, &st) == 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0600);
	umask(old);
	progress_clear(&p);
	free(path);
	free(deeper);
	free(sub);
	free(dir);
}
END_TEST

START_TEST(test_progress_good_fixture_loads_every_record)
{
	struct progress p;
	struct record *r;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg");
	char *data, *detail, *aside;
	size_t len;

	data = fixture("state/good.cfg", &len);
	write_file(path, data, len);
	ck_assert_int_eq(store_progress_load(path, &p, &detail, &aside),
	    STORE_LOADED);
	ck_assert_int_eq(p.account, ACCOUNT_ORG);
	ck_assert(p.has_lang && p.lang == LANG_DE);
	ck_assert_uint_eq(p.n, 5);
	r = progress_find(&p, "linkedin");
	ck_assert(r->selected && r->status == ST_DONE && r->has_surface &&
	    r->surface == SURF_WEB && r->time == NOW);
	r = progress_find(&p, "facebook");
	ck_assert(r->status == ST_FORM_SENT && r->surface == SURF_APP);
	r = progress_find(&p, "instagram");
	ck_assert(r->selected && r->status == ST_OPEN && !r->has_surface &&
	    r->time == 0);
	r = progress_find(&p, "whatsapp");
	ck_assert(!r->selected && r->status == ST_NO_ACCOUNT);
	r = progress_find(&p, "mastodon");	/* not in the catalog: kept */
	ck_assert(r != NULL && r->status == ST_CONFIRMED &&
	    r->surface == SURF_DESKTOP);
	assert_same_bytes(path, data, len);	/* loading changes nothing */
	progress_clear(&p);
	free(detail);
	free(aside);
	free(data);
	free(path);
	free(dir);
}
END_TEST

/* A corrupt state file: optout starts afresh and keeps the old file,
 * untouched, as progress.cfg.corrupt-YYYYMMDD-HHMMSS. */
static void
expect_corrupt(const char *data, size_t len, const char *want_detail)
{
	struct progress p;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg"), *prefix;
	char *detail, *aside, *want;
	const char *stamp;
	size_t i;

	write_file(path, data, len);
	ck_assert_int_eq(store_progress_load(path, &p, &detail, &aside),
	    STORE_CORRUPT);
	ck_assert_uint_eq(p.n, 0);
	ck_assert(p.account == ACCOUNT_UNSET && !p.has_lang);
	if (want_detail != NULL) {
		want = xasprintf("%s%s", path, want_detail);
		ck_assert_pstr_eq(detail, want);
		free(want);
	}
	ck_assert_ptr_nonnull(aside);
	prefix = xasprintf("%s.corrupt-", path);
	ck_assert_msg(strncmp(aside, prefix, strlen(prefix)) == 0,
	    "moved to %s", aside);
	stamp = aside + strlen(prefix);
	ck_assert_msg(strlen(stamp) == 15 && stamp[8] == '-', "stamp %s",
	    stamp);
	for (i = 0; i < 15; i++)
		ck_assert(i == 8 || (stamp[i] >= '0' && stamp[i] <= '9'));
	ck_assert(!exists(path));
	assert_same_bytes(aside, data, len);
	free(detail);
	free(aside);
	ck_assert_int_eq(store_progress_load(path, &p, &detail, &aside),
	    STORE_MISSING);
	free(detail);
	free(aside);
	free(prefix);
	free(path);
	free(dir);
}

#define CORRUPT(fn, name, detail)					\
START_TEST(fn)								\
{									\
	size_t len;							\
	char *data = fixture("state/" name ".cfg", &len);		\
									\
	expect_corrupt(data, len, detail);				\
	free(data);							\
}									\
END_TEST

CORRUPT(test_progress_truncated_file_is_moved_aside, "truncated",
    ":8: syntax error (often a missing ';' or '\"', or a comma after the last element of a list)")
CORRUPT(test_progress_empty_file_is_moved_aside, "empty",
    ": no 'version' setting: the file is empty or damaged")
CORRUPT(test_progress_binary_garbage_is_moved_aside, "garbage",
    ":3: contains a NUL byte; this is not a text file")
CORRUPT(test_progress_unknown_status_is_moved_aside, "bad_status",
    ":7: unknown status \"finished\"")

/* A repeated id is found wherever it is, and named at its second
 * record; the check is sorted, not quadratic. */
START_TEST(test_progress_repeated_id_is_moved_aside)
{
	static const char data[] = "version = 1;\naccount = \"private\";\n"
	    "platforms = (\n"
	    "  { id = \"x\"; status = \"done\"; },\n"
	    "  { id = \"y\"; status = \"open\"; },\n"
	    "  { id = \"x\"; status = \"open\"; }\n);\n";

	expect_corrupt(data, sizeof data - 1,
	    ":6: bad or repeated platform id \"x\"");
}
END_TEST

/* A file from a newer optout is not ours to judge: it stays where it is,
 * byte for byte, and the session does not save over it. */
START_TEST(test_progress_newer_version_is_left_alone)
{
	struct progress p;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg");
	char *data, *detail, *aside, *want;
	size_t len;

	data = fixture("state/wrong_version.cfg", &len);
	write_file(path, data, len);
	ck_assert_int_eq(store_progress_load(path, &p, &detail, &aside),
	    STORE_UNREADABLE);
	ck_assert_ptr_null(aside);
	want = xasprintf("%s:3: written by a newer version of optout (state "
	    "version 3, this one reads 2); it is left as it is", path);
	ck_assert_pstr_eq(detail, want);
	assert_same_bytes(path, data, len);
	ck_assert_uint_eq(p.n, 0);
	free(want);
	free(detail);
	free(aside);
	free(data);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_progress_cut_at_every_byte_never_loses_silently)
{
	struct progress full, p;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg");
	char *data, *detail, *aside;
	size_t len, cut, loaded = 0;
	enum store_load r;

	data = fixture("state/good.cfg", &len);
	write_file(path, data, len);
	ck_assert_int_eq(store_progress_load(path, &full, &detail, &aside),
	    STORE_LOADED);
	free(detail);
	free(aside);
	for (cut = 0; cut < len; cut++) {
		write_file(path, data, cut);
		r = store_progress_load(path, &p, &detail, &aside);
		if (r == STORE_LOADED) {
			/* only a cut that loses nothing may load */
			assert_progress_eq(&full, &p);
			assert_same_bytes(path, data, cut);
			loaded++;
		} else {
			ck_assert_msg(r == STORE_CORRUPT, "cut at %zu: %d",
			    cut, (int)r);
			ck_assert_uint_eq(p.n, 0);
			ck_assert(!exists(path));
			assert_same_bytes(aside, data, cut);
			ck_assert(unlink(aside) == 0);
			free(aside);
		}
		free(detail);
		progress_clear(&p);
	}
	/* ")" and ");" at the very end: the comments and the newline
	 * after them are all that is missing */
	ck_assert_uint_eq(loaded, 2);
	progress_clear(&full);
	free(data);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_progress_symlink_is_not_followed)
{
	struct progress p, q;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg");
	char *target = join(dir, "elsewhere.cfg"), *data, *want;
	char *detail, *aside, *err = NULL;
	struct stat st;
	size_t len;

	/* a valid state file behind the link: still not read */
	data = fixture("state/good.cfg", &len);
	write_file(target, data, len);
	ck_assert(symlink(target, path) == 0);
	ck_assert_int_ne(store_progress_load(path, &p, &detail, &aside),
	    STORE_LOADED);
	ck_assert_uint_eq(p.n, 0);
	want = xasprintf("%s: is a symbolic link; refusing to follow it",
	    path);
	ck_assert_pstr_eq(detail, want);
	assert_same_bytes(target, data, len);
	/* saving replaces the link itself, never the file it points to */
	if (lstat(path, &st) == -1)
		ck_assert(symlink(target, path) == 0);
	rich_progress(&q);
	ck_assert_msg(store_progress_save(path, &q, &err) == 0, "%s", err);
	ck_assert(lstat(path, &st) == 0 && S_ISREG(st.st_mode));
	assert_same_bytes(target, data, len);
	progress_clear(&q);
	progress_clear(&p);
	free(want);
	free(detail);
	free(aside);
	free(data);
	free(target);
	free(path);
	free(dir);
}
END_TEST

/* A dangling link in the file's place is something there, not "no file
 * yet": kept aside like a live one, with the same message (found by
 * tests/torture/crash.py). */
START_TEST(test_progress_dangling_symlink_is_kept_aside)
{
	struct progress p;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg"), *want;
	char *detail, *aside;
	struct stat st;

	ck_assert(symlink("/nonexistent/optout-test", path) == 0);
	ck_assert_int_eq(store_progress_load(path, &p, &detail, &aside),
	    STORE_CORRUPT);
	want = xasprintf("%s: is a symbolic link; refusing to follow it",
	    path);
	ck_assert_pstr_eq(detail, want);
	ck_assert(!exists(path));
	ck_assert(lstat(aside, &st) == 0 && S_ISLNK(st.st_mode));
	progress_clear(&p);
	free(want);
	free(detail);
	free(aside);
	free(path);
	free(dir);
}
END_TEST

/* A session killed while saving leaves its temp file; the next save
 * (under the lock that every writer holds) removes it, and nothing
 * else (found by tests/torture/crash.py: one left per kill). */
START_TEST(test_progress_save_removes_temp_files_of_killed_saves)
{
	static const char *const stale[] = {
		"progress.cfg.tmp.a1B2c3", "progress.cfg.tmp.XXXXXX", NULL
	};
	static const char *const other[] = {
		"progress.cfg.tmp.toolong1", "other.cfg.tmp.a1B2c3",
		"progress.cfg.tmp", "progress.cfg.lock2", NULL
	};
	struct progress q;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg"), *f;
	char *err = NULL;
	size_t i;

	for (i = 0; stale[i] != NULL; i++) {
		f = join(dir, stale[i]);
		write_file(f, "half", 4);
		free(f);
	}
	for (i = 0; other[i] != NULL; i++) {
		f = join(dir, other[i]);
		write_file(f, "mine", 4);
		free(f);
	}
	rich_progress(&q);
	ck_assert_msg(store_progress_save(path, &q, &err) == 0, "%s", err);
	for (i = 0; stale[i] != NULL; i++) {
		f = join(dir, stale[i]);
		ck_assert_msg(!exists(f), "%s is still there", stale[i]);
		free(f);
	}
	for (i = 0; other[i] != NULL; i++) {
		f = join(dir, other[i]);
		assert_same_bytes(f, "mine", 4);
		free(f);
	}
	progress_clear(&q);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_progress_dangling_symlink_is_replaced_not_followed)
{
	struct progress q;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg");
	char *target = join(dir, "created-through-link"), *err = NULL;
	struct stat st;

	ck_assert(symlink(target, path) == 0);
	rich_progress(&q);
	ck_assert_msg(store_progress_save(path, &q, &err) == 0, "%s", err);
	ck_assert(lstat(path, &st) == 0 && S_ISREG(st.st_mode));
	ck_assert(!exists(target));
	progress_clear(&q);
	free(target);
	free(path);
	free(dir);
}
END_TEST

/* Saves p over a file that holds old, expecting failure. */
static void
expect_save_fails(const char *dir, const char *path, const char *old,
    size_t oldlen, const char *want_err)
{
	struct progress p;
	char *err = NULL, *want = xasprintf("%s: %s", path, want_err);

	rich_progress(&p);
	ck_assert_int_eq(store_progress_save(path, &p, &err), -1);
	ck_assert_pstr_eq(err, want);
	if (old != NULL)
		assert_same_bytes(path, old, oldlen);
	ck_assert_msg(count_names(dir, ".tmp.") == 0, "a temporary file "
	    "was left behind");
	progress_clear(&p);
	free(err);
	free(want);
}

START_TEST(test_progress_save_into_readonly_dir_keeps_old_file)
{
	char *dir = tmpdir(), *path = join(dir, "progress.cfg"), *old, *want;
	size_t len;

	old = fixture("state/good.cfg", &len);
	write_file(path, old, len);
	be_ordinary(dir);
	ck_assert(chmod(dir, 0500) == 0);
	/* the first thing saving needs there is its lock file */
	want = xasprintf("cannot create its lock file progress.cfg.lock: "
	    "Permission denied");
	expect_save_fails(dir, path, old, len, want);
	free(want);
	ck_assert(chmod(dir, 0700) == 0);
	be_myself();
	free(old);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_progress_failed_write_leaves_no_temp_file)
{
	char *dir = tmpdir(), *path = join(dir, "progress.cfg"), *old;
	struct rlimit rl, small;
	size_t len;

	old = fixture("state/good.cfg", &len);
	write_file(path, old, len);
	/* the disk is "full" after 16 bytes */
	signal(SIGXFSZ, SIG_IGN);
	ck_assert(getrlimit(RLIMIT_FSIZE, &rl) == 0);
	small = rl;
	small.rlim_cur = 16;
	ck_assert(setrlimit(RLIMIT_FSIZE, &small) == 0);
	expect_save_fails(dir, path, old, len, "cannot write: File too large");
	ck_assert(setrlimit(RLIMIT_FSIZE, &rl) == 0);
	signal(SIGXFSZ, SIG_DFL);
	free(old);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_progress_save_over_a_directory_leaves_no_temp_file)
{
	char *dir = tmpdir(), *path = join(dir, "progress.cfg");

	ck_assert(mkdir(path, 0700) == 0);
	expect_save_fails(dir, path, NULL, 0, "cannot replace: Is a directory");
	ck_assert(rmdir(path) == 0);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_progress_save_below_a_file_names_the_path)
{
	char *dir = tmpdir(), *file = join(dir, "plain");
	char *path = join(file, "progress.cfg"), *err = NULL, *want;
	struct progress p;

	write_file(file, "x", 1);
	rich_progress(&p);
	ck_assert_int_eq(store_progress_save(path, &p, &err), -1);
	want = xasprintf("%s: not a directory", file);
	ck_assert_pstr_eq(err, want);
	assert_same_bytes(file, "x", 1);
	progress_clear(&p);
	free(want);
	free(err);
	free(path);
	free(file);
	free(dir);
}
END_TEST

START_TEST(test_progress_unreadable_file_is_left_alone)
{
	struct progress p;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg"), *old;
	char *detail, *aside, *want;
	size_t len;

	old = fixture("state/good.cfg", &len);
	write_file(path, old, len);
	be_ordinary(dir);
	ck_assert(chmod(path, 0) == 0);
	ck_assert_int_eq(store_progress_load(path, &p, &detail, &aside),
	    STORE_UNREADABLE);
	ck_assert_uint_eq(p.n, 0);
	ck_assert_ptr_null(aside);
	want = xasprintf("%s: cannot open: Permission denied", path);
	ck_assert_pstr_eq(detail, want);
	ck_assert(chmod(path, 0600) == 0);
	assert_same_bytes(path, old, len);
	ck_assert_uint_eq(count_names(dir, "corrupt"), 0);
	be_myself();
	free(want);
	free(detail);
	free(aside);
	free(old);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_progress_corrupt_file_that_cannot_move_is_left_alone)
{
	struct progress p;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg"), *old;
	char *detail, *aside, *want;
	size_t len;

	old = fixture("state/truncated.cfg", &len);
	write_file(path, old, len);
	be_ordinary(dir);
	ck_assert(chmod(dir, 0500) == 0);
	ck_assert_int_eq(store_progress_load(path, &p, &detail, &aside),
	    STORE_UNREADABLE);
	ck_assert_ptr_null(aside);
	want = xasprintf("%s:8: syntax error (often a missing ';' or '\"', or a comma after the last element of a list); %s: cannot move aside: "
	    "Permission denied", path, path);
	ck_assert_pstr_eq(detail, want);
	assert_same_bytes(path, old, len);
	ck_assert(chmod(dir, 0700) == 0);
	be_myself();
	free(want);
	free(detail);
	free(aside);
	free(old);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_progress_format_parses_back_and_has_no_controls)
{
	struct progress p, q;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg");
	char *text, *again, *detail, *aside;
	const unsigned char *c;

	rich_progress(&p);
	text = store_progress_format(&p);
	for (c = (const unsigned char *)text; *c != '\0'; c++)
		ck_assert_msg(*c == '\n' || (*c >= 0x20 && *c != 0x7f),
		    "byte 0x%02x at %zu", *c, (size_t)(c -
		    (const unsigned char *)text));
	ck_assert(utf8_valid(text, strlen(text), NULL));
	write_file(path, text, strlen(text));
	ck_assert_int_eq(store_progress_load(path, &q, &detail, &aside),
	    STORE_LOADED);
	assert_progress_eq(&p, &q);
	again = store_progress_format(&q);
	ck_assert_str_eq(again, text);
	progress_clear(&p);
	progress_clear(&q);
	free(again);
	free(text);
	free(detail);
	free(aside);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_progress_empty_progress_round_trips)
{
	struct progress p, q;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg");
	char *err = NULL, *detail, *aside;

	memset(&p, 0, sizeof p);
	ck_assert_msg(store_progress_save(path, &p, &err) == 0, "%s", err);
	ck_assert_int_eq(store_progress_load(path, &q, &detail, &aside),
	    STORE_LOADED);
	assert_progress_eq(&p, &q);
	progress_clear(&p);	/* a save leaves p owning the merged records */
	progress_clear(&q);
	free(detail);
	free(aside);
	free(path);
	free(dir);
}
END_TEST

/* Saves p to path and loads it into q, which must work. */
static void
save_and_load(const char *path, struct progress *p, struct progress *q)
{
	char *err = NULL, *detail, *aside;

	ck_assert_msg(store_progress_save(path, p, &err) == 0, "%s", err);
	ck_assert_int_eq(store_progress_load(path, q, &detail, &aside),
	    STORE_LOADED);
	ck_assert_ptr_null(detail);
	ck_assert_ptr_null(aside);
}

/* The language of the platforms' words and the plain-letter choice are
 * kept, globally and per platform; a file without them stays version 1,
 * which an older optout reads. */
START_TEST(test_progress_labels_and_glyphs_round_trip)
{
	struct progress p, q;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg");
	char *text;

	rich_progress(&p);
	text = store_progress_format(&p);
	ck_assert_ptr_nonnull(strstr(text, "\nversion = 1;\n"));
	ck_assert_ptr_null(strstr(text, "labels"));
	ck_assert_ptr_null(strstr(text, "glyphs"));
	free(text);
	progress_set_labels(&p, LABELS_WIZARD);
	progress_set_ascii(&p, true);
	progress_set_platform_labels(&p, "linkedin", LABELS_EN);
	progress_set_platform_labels(&p, "p1", LABELS_DE);
	text = store_progress_format(&p);
	ck_assert_ptr_nonnull(strstr(text, "\nversion = 2;\n"));
	ck_assert_ptr_nonnull(strstr(text, "\nlabels = \"wizard\";\n"));
	ck_assert_ptr_nonnull(strstr(text, "\nglyphs = \"ascii\";\n"));
	free(text);
	save_and_load(path, &p, &q);
	ck_assert_int_eq(q.labels, LABELS_WIZARD);
	ck_assert(q.ascii);
	ck_assert_int_eq(progress_find(&q, "linkedin")->labels, LABELS_EN);
	ck_assert_int_eq(progress_find(&q, "p1")->labels, LABELS_DE);
	ck_assert_int_eq(progress_find(&q, "p2")->labels, LABELS_UNSET);
	assert_progress_eq(&p, &q);
	progress_clear(&p);
	progress_clear(&q);
	free(path);
	free(dir);
}
END_TEST

/* Another session's label choice survives our save (merge). */
START_TEST(test_progress_label_choice_merges_with_other_session)
{
	struct progress a, b, q;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg");
	char *err = NULL;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	progress_select(&a, "linkedin", true);
	ck_assert(store_progress_save(path, &a, &err) == 0);
	progress_set_platform_labels(&b, "facebook", LABELS_EN);
	progress_set_labels(&b, LABELS_DE);
	save_and_load(path, &b, &q);
	ck_assert(progress_find(&q, "linkedin")->selected);
	ck_assert_int_eq(progress_find(&q, "facebook")->labels, LABELS_EN);
	ck_assert_int_eq(q.labels, LABELS_DE);
	progress_clear(&a);
	progress_clear(&b);
	progress_clear(&q);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_progress_unknown_labels_is_damage)
{
	static const char *const bad[] = {
		"version = 2;\naccount = \"private\";\nlabels = \"fr\";\n"
		    "platforms = ();\n",
		"version = 2;\naccount = \"private\";\nplatforms = (\n"
		    "  { id = \"x\"; selected = true; status = \"open\"; "
		    "labels = \"wizard\"; }\n);\n",
		"version = 2;\naccount = \"private\";\nglyphs = \"boxes\";\n"
		    "platforms = ();\n"
	};
	static const int lines[] = { 3, 4, 3 };
	struct progress p;
	char *dir = tmpdir(), *path = join(dir, "progress.cfg");
	char *detail, *aside, *where;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		write_file(path, bad[i], strlen(bad[i]));
		ck_assert_int_eq(store_progress_load(path, &p, &detail,
		    &aside), STORE_CORRUPT);
		where = xasprintf("%s:%d: ", path, lines[i]);
		ck_assert_msg(strncmp(detail, where, strlen(where)) == 0,
		    "%zu: %s", i, detail);
		ck_assert_uint_eq(p.n, 0);
		unlink(aside);
		free(where);
		free(detail);
		free(aside);
	}
	free(path);
	free(dir);
}
END_TEST

/* ---- settings ---- */

START_TEST(test_settings_labels_takes_de_or_en)
{
	static const char *const want[] = {
		":2: 'labels' must be \"de\" or \"en\" (the language of the "
		    "platforms' own words)", NULL
	};
	char *dir = tmpdir(), *path = join(dir, "optout.cfg");
	struct settings s;
	struct diags d = { 0 };

	settings_defaults(&s);
	ck_assert_int_eq(s.labels, LABELS_UNSET);
	write_file(path, "labels = \"en\";\n", 15);
	ck_assert_int_eq(store_settings_load(path, &s, &d), 0);
	ck_assert_int_eq(s.labels, LABELS_EN);
	write_file(path, "kiosk = false;\nlabels = \"fr\";\n", 30);
	ck_assert_int_eq(store_settings_load(path, &s, &d), -1);
	ck_assert_int_eq(s.labels, LABELS_EN);
	assert_diags(&d, path, want);
	diags_free(&d);
	free(path);
	free(dir);
}
END_TEST

/* ---- the wizard on the shipped catalog ---- */

static struct catalog cat;
static struct progress prog;
static struct wizard wz;

static void
shipped_setup(void)
{
	struct diags d = { 0 };
	char *dir = xasprintf("%s/config/platforms", srcdir);

	memset(&prog, 0, sizeof prog);
	ck_assert_int_eq(store_catalog_load(dir, &cat, &d), 0);
	diags_free(&d);
	free(dir);
	wizard_init(&wz, &cat, &prog, LANG_EN, true, true);
}

static void
shipped_teardown(void)
{
	wizard_free(&wz);
	progress_clear(&prog);
	catalog_free(&cat);
}

static int
ev(enum wz_event_kind k)
{
	struct wz_event e = { k, 0 };

	return wizard_handle(&wz, e, NOW);
}

static size_t
index_of(const char *id)
{
	long i = catalog_find(&cat, id);

	ck_assert_msg(i >= 0, "%s is not in the catalog", id);
	return (size_t)i;
}

static void
tick_id(const char *id)
{
	wz.focus = index_of(id);
	ck_assert_int_eq(ev(WZ_TICK), WZ_R_PROGRESS);
}

static bool
has_block(const struct view *v, enum vkind kind, const char *prefix)
{
	size_t i;

	for (i = 0; i < v->nblocks; i++) {
		if (v->blocks[i].kind == kind && strncmp(v->blocks[i].text,
		    prefix, strlen(prefix)) == 0)
			return true;
	}
	return false;
}

static void
restart_wizard(void)
{
	wizard_free(&wz);
	wizard_init(&wz, &cat, &prog, LANG_EN, true, true);
}

/* Saves and loads the progress again, as the next session would. */
static void
next_session(void)
{
	char *dir = tmpdir(), *path = join(dir, "progress.cfg");
	char *err = NULL, *detail, *aside;
	struct progress q;

	ck_assert_msg(store_progress_save(path, &prog, &err) == 0, "%s", err);
	ck_assert_int_eq(store_progress_load(path, &q, &detail, &aside),
	    STORE_LOADED);
	assert_progress_eq(&prog, &q);
	progress_clear(&prog);
	prog = q;
	restart_wizard();
	free(detail);
	free(aside);
	free(path);
	free(dir);
}

START_TEST(test_linkedin_path_records_done_on_the_web)
{
	struct record *r;
	struct view v;

	ck_assert_int_eq(ev(WZ_NEXT), WZ_R_SCREEN | WZ_R_LANG |
	    WZ_R_PROGRESS);			/* English */
	ck_assert_int_eq(wz.screen, SCR_WHO);
	ev(WZ_NEXT);				/* for myself */
	ck_assert_int_eq(wz.screen, SCR_PLATFORMS);
	tick_id("linkedin");
	ck_assert_int_eq(ev(WZ_NEXT), WZ_R_SCREEN);
	ck_assert_int_eq(wz.screen, SCR_INFO);
	ck_assert_str_eq(wizard_platform(&wz)->id, "linkedin");
	wizard_view(&wz, NOW, &v);
	ck_assert(has_block(&v, V_NOTE, "Training began on 3 November 2025, "
	    "19 days ago."));
	view_free(&v);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_SURFACE);
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.items[v.focus].label,
	    "In the web browser (computer)");
	view_free(&v);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_STEPS);
	wizard_view(&wz, NOW, &v);
	ck_assert(has_block(&v, V_CRUMB, "Settings & Privacy \u2192 Data "
	    "privacy \u2192 Data for Generative AI Improvement"));
	ck_assert(has_block(&v, V_FINAL, "Switch \u201cUse my data for "
	    "training content creation AI models\u201d to \u201cOff\u201d."));
	ck_assert(has_block(&v, V_LINK, "https://www.linkedin.com/"
	    "mypreferences/d/settings/data-for-ai-improvement"));
	view_free(&v);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_RECORD);
	ck_assert_int_eq(ev(WZ_NEXT), WZ_R_SCREEN | WZ_R_PROGRESS);
	ck_assert_int_eq(wz.screen, SCR_SUMMARY);
	r = progress_find(&prog, "linkedin");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->status, ST_DONE);
	ck_assert(r->has_surface);
	ck_assert_int_eq(r->surface, SURF_WEB);
	ck_assert_int_eq(r->time, NOW);
	wizard_view(&wz, NOW, &v);
	ck_assert(has_block(&v, V_BULLET, "LinkedIn: done, 22 Nov 2025, "
	    "08:26"));
	view_free(&v);
	next_session();
	r = progress_find(&prog, "linkedin");
	ck_assert(r->status == ST_DONE && r->surface == SURF_WEB &&
	    r->time == NOW);
}
END_TEST

START_TEST(test_facebook_path_records_form_sent_then_confirmed)
{
	struct view v;

	ev(WZ_NEXT);
	ev(WZ_NEXT);
	tick_id("facebook");
	ev(WZ_NEXT);
	ev(WZ_NEXT);				/* web or app */
	ck_assert_int_eq(wz.screen, SCR_SURFACE);
	ev(WZ_NEXT);
	wizard_view(&wz, NOW, &v);
	ck_assert(has_block(&v, V_FINAL, "Send the form: press "
	    "\u201cSubmit\u201d."));
	ck_assert(has_block(&v, V_NOTE, "Afterwards you get a confirmation "
	    "by e-mail."));
	view_free(&v);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_RECORD);
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.items[v.focus].label,
	    "I sent the form and wait for the confirmation");
	view_free(&v);
	ev(WZ_NEXT);
	ck_assert_int_eq(progress_find(&prog, "facebook")->status,
	    ST_FORM_SENT);
	ck_assert_int_eq(wz.screen, SCR_SUMMARY);
	/* days later the e-mail has come */
	next_session();
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ck_assert(progress_find(&prog, "facebook")->selected);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_INFO);
	ck_assert_str_eq(wizard_platform(&wz)->id, "facebook");
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_RECORD);
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.items[v.focus].label,
	    "I received the confirmation e-mail");
	view_free(&v);
	ev(WZ_NEXT);
	ck_assert_int_eq(progress_find(&prog, "facebook")->status,
	    ST_CONFIRMED);
	next_session();
	/* finished: no longer in the queue */
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_SUMMARY);
}
END_TEST

/* The list detail of a platform whose organisation pages cannot object. */
static bool
org_warning(const char *detail)
{
	return detail != NULL && strncmp(detail, "open; ", 6) == 0 &&
	    strstr(detail, "organisation") != NULL &&
	    (strstr(detail, "cannot object") != NULL ||
	    strstr(detail, "no objection") != NULL);
}

START_TEST(test_org_path_shows_where_pages_cannot_object)
{
	struct view v;
	size_t i;
	bool heading = false, note = false;

	ev(WZ_NEXT);
	ev(WZ_DOWN);				/* for an organisation */
	ev(WZ_NEXT);
	ck_assert_int_eq(prog.account, ACCOUNT_ORG);
	wizard_view(&wz, NOW, &v);
	/* "open; " and a word that organisations cannot object */
	ck_assert_msg(org_warning(v.items[index_of("linkedin")].detail),
	    "LinkedIn: %s", v.items[index_of("linkedin")].detail);
	ck_assert_msg(org_warning(v.items[index_of("whatsapp")].detail),
	    "WhatsApp: %s", v.items[index_of("whatsapp")].detail);
	ck_assert_pstr_eq(v.items[index_of("facebook")].detail, "open");
	ck_assert_pstr_eq(v.items[index_of("instagram")].detail, "open");
	view_free(&v);
	tick_id("linkedin");
	ev(WZ_NEXT);
	wizard_view(&wz, NOW, &v);
	for (i = 0; i < v.nblocks; i++) {
		if (v.blocks[i].kind == V_HEADING &&
		    strcmp(v.blocks[i].text, "For organisations") == 0)
			heading = true;
		else if (heading && v.blocks[i].kind == V_NOTE &&
		    strncmp(v.blocks[i].text, "LinkedIn company pages have no "
		    "setting and no form to object.", 57) == 0)
			note = true;
	}
	ck_assert_msg(heading && note, "the organisation note is missing");
	view_free(&v);
}
END_TEST

START_TEST(test_records_of_removed_platforms_survive_a_session)
{
	enum surface_kind app = SURF_APP;
	struct view v;

	progress_record(&prog, "google_plus", ST_DONE, &app, NOW - 999);
	restart_wizard();
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	wizard_view(&wz, NOW, &v);
	ck_assert_uint_eq(v.nitems, cat.n);	/* not in the list */
	view_free(&v);
	tick_id("instagram");
	next_session();
	ck_assert_ptr_nonnull(progress_find(&prog, "google_plus"));
	ck_assert_int_eq(progress_find(&prog, "google_plus")->status, ST_DONE);
	ck_assert_int_eq(progress_find(&prog, "google_plus")->time, NOW - 999);
	ck_assert(progress_find(&prog, "instagram")->selected);
}
END_TEST

static void
assert_view_sane(void)
{
	struct view v;
	size_t i;

	wizard_view(&wz, NOW, &v);
	ck_assert_msg(v.title != NULL && v.title[0] != '\0' &&
	    clean(v.title), "screen %d: title", (int)wz.screen);
	ck_assert_msg(v.nkeys >= 1, "screen %d: no key", (int)wz.screen);
	ck_assert_msg(v.nitems == 0 ? v.focus == 0 : v.focus < v.nitems,
	    "screen %d: focus %zu of %zu", (int)wz.screen, v.focus, v.nitems);
	for (i = 0; i < v.nblocks; i++)
		ck_assert_msg(clean(v.blocks[i].text), "screen %d, block %zu",
		    (int)wz.screen, i);
	for (i = 0; i < v.nitems; i++)
		ck_assert(clean(v.items[i].label) && clean(v.items[i].detail));
	view_free(&v);
}

/* Every screen of every shipped platform and every surface, in both
 * languages, for a person and for an organisation. */
START_TEST(test_every_shipped_screen_has_title_keys_and_focus)
{
	enum lang lang = (enum lang)(_i / 2);
	size_t i, s, guard;

	for (i = 0; i < cat.n; i++) {
		for (s = 0; s < cat.v[i].nsurfaces; s++) {
			progress_clear(&prog);
			wizard_free(&wz);
			wizard_init(&wz, &cat, &prog, lang, lang == LANG_DE,
			    true);
			ev(WZ_NEXT);
			if (_i % 2)
				ev(WZ_DOWN);
			ev(WZ_NEXT);
			wz.focus = i;
			ev(WZ_OPEN);
			for (guard = 0; wz.screen != SCR_SUMMARY &&
			    guard < 10; guard++) {
				assert_view_sane();
				if (wz.screen == SCR_SURFACE)
					wz.focus = s;
				ev(WZ_HELP);
				assert_view_sane();
				ev(WZ_BACK);
				ev(WZ_NEXT);
			}
			ck_assert_int_eq(wz.screen, SCR_SUMMARY);
			assert_view_sane();
			ck_assert_int_eq(progress_find(&prog,
			    cat.v[i].id)->surface, cat.v[i].surfaces[s].kind);
		}
	}
}
END_TEST

/* ---- suites ---- */

/* ---- layers: shipped < system < user ---- */

/* Writes the minimal fixture as dir/ID.cfg, with its name replaced. */
static void
put_platform(const char *dir, const char *id, const char *name)
{
	size_t len;
	char *data = fixture("catalog/good/minimal.cfg", &len), *path, *out;
	char *at_id = strstr(data, "id = \"minimal\"; slot = 1000;");
	char *at_name = strstr(data, "name = \"Minimal\";");
	static unsigned slot = 1000;	/* each file its own */

	ck_assert(at_id != NULL && at_name != NULL && at_id < at_name);
	*at_id = '\0';
	*at_name = '\0';
	out = xasprintf("%sid = \"%s\"; slot = %u;%sname = \"%s\";%s", data,
	    id, ++slot, at_id + strlen("id = \"minimal\"; slot = 1000;"),
	    name, at_name + strlen("name = \"Minimal\";"));
	path = xasprintf("%s/%s.cfg", dir, id);
	write_file(path, out, strlen(out));
	free(path);
	free(out);
	free(data);
}

static void
put_text(const char *dir, const char *file, const char *text)
{
	char *path = join(dir, file);

	write_file(path, text, strlen(text));
	free(path);
}

static const struct platform *
find(const struct catalog *c, const char *id)
{
	long i = catalog_find(c, id);

	return i >= 0 ? &c->v[i] : NULL;
}

START_TEST(test_layers_later_file_replaces_and_adds)
{
	char *shipped = tmpdir(), *sys = tmpdir(), *user = tmpdir();
	const char *dirs[3] = { shipped, sys, user };
	struct diags d = { 0 };
	struct catalog c;

	put_platform(shipped, "alpha", "Alpha");
	put_platform(shipped, "beta", "Beta");
	put_platform(sys, "alpha", "Alpha (system)");
	put_platform(user, "alpha", "Alpha (mine)");
	put_platform(user, "gamma", "Gamma");
	ck_assert_int_eq(store_catalog_load_layers(dirs, 3, false, NULL,
	    &c, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(c.n, 3);
	ck_assert_str_eq(find(&c, "alpha")->name, "Alpha (mine)");
	ck_assert(strstr(find(&c, "alpha")->file, user) == find(&c,
	    "alpha")->file);
	ck_assert_str_eq(find(&c, "beta")->name, "Beta");
	ck_assert_str_eq(find(&c, "gamma")->name, "Gamma");
	catalog_free(&c);
	free(shipped);
	free(sys);
	free(user);
}
END_TEST

START_TEST(test_layers_enabled_false_hides_a_platform)
{
	char *shipped = tmpdir(), *user = tmpdir();
	const char *dirs[2] = { shipped, user };
	struct diags d = { 0 };
	struct catalog c;

	put_platform(shipped, "alpha", "Alpha");
	put_platform(shipped, "beta", "Beta");
	put_text(user, "beta.cfg", "format = 1;\nid = \"beta\";\n"
	    "enabled = false;\n");
	ck_assert_int_eq(store_catalog_load_layers(dirs, 2, false, NULL,
	    &c, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_ptr_null(find(&c, "beta"));
	catalog_free(&c);
	free(shipped);
	free(user);
}
END_TEST

START_TEST(test_layers_broken_override_falls_back_with_a_warning)
{
	char *shipped = tmpdir(), *user = tmpdir(), *got, *want, *path;
	const char *dirs[2] = { shipped, user };
	struct diags d = { 0 };
	struct catalog c;

	put_platform(shipped, "alpha", "Alpha");
	put_text(user, "alpha.cfg", "format = 1;\nid = \"alpha\";\n"
	    "name = \"Alpha\"\n");			/* no ';' */
	ck_assert_int_eq(store_catalog_load_layers(dirs, 2, false, NULL,
	    &c, &d), 0);
	ck_assert_str_eq(find(&c, "alpha")->name, "Alpha");
	/* every problem of the file is told, as a warning, then the way out */
	ck_assert_uint_eq(d.nerrors, 0);
	ck_assert_uint_ge(d.n, 2);
	path = join(user, "alpha.cfg");
	got = diag_format(&d.v[d.n - 1]);
	want = xasprintf("%s: warning: this file has errors, so the earlier "
	    "version of \"alpha\" is used", path);
	ck_assert_str_eq(got, want);
	ck_assert(d.v[0].warning);
	free(got);
	free(want);
	free(path);
	diags_free(&d);
	catalog_free(&c);
	free(shipped);
	free(user);
}
END_TEST

START_TEST(test_layers_broken_new_platform_is_left_out)
{
	char *shipped = tmpdir(), *user = tmpdir(), *got, *want, *path;
	const char *dirs[2] = { shipped, user };
	struct diags d = { 0 };
	struct catalog c;

	put_platform(shipped, "alpha", "Alpha");
	put_text(user, "delta.cfg", "format = 1;\nid = \"delta\";\n");
	ck_assert_int_eq(store_catalog_load_layers(dirs, 2, false, NULL,
	    &c, &d), 0);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_uint_eq(d.nerrors, 0);
	path = join(user, "delta.cfg");
	got = diag_format(&d.v[d.n - 1]);
	want = xasprintf("%s: warning: this file has errors, so \"delta\" is "
	    "left out", path);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	free(path);
	diags_free(&d);
	catalog_free(&c);
	free(shipped);
	free(user);
}
END_TEST

START_TEST(test_layers_validator_counts_override_errors_as_errors)
{
	char *shipped = tmpdir(), *user = tmpdir();
	const char *dirs[2] = { shipped, user };
	struct diags d = { 0 };
	struct catalog c;

	put_platform(shipped, "alpha", "Alpha");
	put_text(user, "alpha.cfg", "format = 1;\nid = \"alpha\";\n");
	ck_assert_int_eq(store_catalog_load_layers(dirs, 2, true, NULL,
	    &c, &d), -1);
	ck_assert_uint_gt(d.nerrors, 0);
	ck_assert_uint_eq(c.n, 0);
	diags_free(&d);
	free(shipped);
	free(user);
}
END_TEST

START_TEST(test_layers_missing_later_layer_is_fine_missing_first_is_not)
{
	char *shipped = tmpdir(), *gone = join(shipped, "no-such-dir");
	const char *dirs[2] = { shipped, gone };
	const char *only_gone[1] = { gone };
	struct diags d = { 0 };
	struct catalog c;

	put_platform(shipped, "alpha", "Alpha");
	ck_assert_int_eq(store_catalog_load_layers(dirs, 2, false, NULL,
	    &c, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	catalog_free(&c);
	ck_assert_int_eq(store_catalog_load_layers(only_gone, 1, false, NULL,
	    &c, &d), -1);
	ck_assert_uint_eq(d.nerrors, 1);
	diags_free(&d);
	free(gone);
	free(shipped);
}
END_TEST

START_TEST(test_layers_stale_verified_date_is_a_warning_with_its_line)
{
	char *shipped = tmpdir(), *path, *got, *want;
	const char *dirs[1] = { shipped };
	/* minimal.cfg was verified 2025-10-29, line 8 */
	struct catalog_check chk = { 0, 180, 0 };
	struct diags d = { 0 };
	struct catalog c;

	chk.today = date_from_civil(2026, 11, 22);
	put_platform(shipped, "alpha", "Alpha");
	ck_assert_int_eq(store_catalog_load_layers(dirs, 1, true, &chk,
	    &c, &d), 0);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_uint_eq(d.nerrors, 0);
	path = join(shipped, "alpha.cfg");
	got = diag_format(&d.v[0]);
	want = xasprintf("%s:8: warning: 'verified' is 389 days old (more "
	    "than 180): check the steps against the platform, then update "
	    "the date", path);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	free(path);
	diags_free(&d);
	catalog_free(&c);
	chk.stale_days = 0;		/* 0 turns the check off */
	ck_assert_int_eq(store_catalog_load_layers(dirs, 1, true, &chk,
	    &c, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	catalog_free(&c);
	free(shipped);
}
END_TEST

/* ---- workshop profiles ---- */

START_TEST(test_workshops_good_fixture_loads_every_profile)
{
	char *path = xasprintf("%s/tests/data/workshops/good.cfg", srcdir);
	struct workshops set = { 0 };
	const struct workshop *ws;
	struct diags d = { 0 };

	ck_assert_int_eq(store_workshops_load(path, true, &set, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_uint_eq(set.n, 3);
	ws = workshops_find(&set, "evening");
	ck_assert_ptr_nonnull(ws);
	ck_assert_uint_eq(ws->nplatforms, 3);
	ck_assert_str_eq(ws->platforms[0], "linkedin");
	ck_assert_str_eq(ws->platforms[2], "instagram");
	ck_assert_int_eq(ws->id_lines[1], 4);
	ck_assert(workshop_fixed(ws));
	ck_assert(ws->has_lang && ws->lang == LANG_DE);
	ck_assert_int_eq(ws->idle_minutes, 10);
	ws = workshops_find(&set, "open-day");
	ck_assert(ws != NULL && ws->may_add && !workshop_fixed(ws));
	ws = workshops_find(&set, "free_choice");
	ck_assert(ws != NULL && ws->nplatforms == 0 && !workshop_fixed(ws));
	ck_assert_int_eq(ws->idle_minutes, WORKSHOP_IDLE_MINUTES);
	workshops_free(&set);
	diags_free(&d);
	free(path);
}
END_TEST

START_TEST(test_workshops_every_mistake_is_named_with_its_line)
{
	char *path = xasprintf("%s/tests/data/workshops/broken.cfg", srcdir);
	char *want_path = xasprintf("%s/tests/data/workshops/broken.stderr",
	    srcdir);
	struct workshops set = { 0 };
	struct diags d = { 0 };
	struct buf got = { 0 };
	char *want, *line;
	size_t len, i;

	ck_assert_int_eq(store_workshops_load(path, true, &set, &d), -1);
	for (i = 0; i < d.n; i++) {
		line = diag_format(&d.v[i]);
		/* the fixture names the file from the source tree */
		buf_addf(&got, "%s\n", line + strlen(srcdir) + 1);
		free(line);
	}
	want = slurp(want_path, &len);
	ck_assert_ptr_nonnull(want);
	ck_assert_str_eq(got.data, want);
	free(want);
	buf_free(&got);
	workshops_free(&set);
	diags_free(&d);
	free(path);
	free(want_path);
}
END_TEST

START_TEST(test_workshops_own_file_holds_nothing_else)
{
	char *path = xasprintf("%s/tests/data/workshops/extra_key.cfg",
	    srcdir), *msg;
	struct workshops set = { 0 };
	struct diags d = { 0 };
	struct settings st;

	ck_assert_int_eq(store_workshops_load(path, true, &set, &d), -1);
	ck_assert_uint_eq(d.n, 1);
	msg = diag_format(&d.v[0]);
	ck_assert_msg(strstr(msg, "extra_key.cfg:1: unknown key 'kiosk'") !=
	    NULL, "%s", msg);
	free(msg);
	diags_free(&d);
	workshops_free(&set);
	/* in optout.cfg, settings and workshops stand side by side */
	ck_assert_int_eq(store_workshops_load(path, false, &set, &d), 0);
	ck_assert_uint_eq(set.n, 1);
	settings_defaults(&st);
	ck_assert_int_eq(store_settings_load(path, &st, &d), 0);
	ck_assert(st.kiosk);
	ck_assert_uint_eq(d.n, 0);
	workshops_free(&set);
	free(path);
	/* a missing optout.cfg is fine, a missing own file is not */
	ck_assert_int_eq(store_workshops_load("/nonexistent/optout.cfg",
	    false, &set, &d), 0);
	ck_assert_int_eq(store_workshops_load("/nonexistent/ws.cfg", true,
	    &set, &d), -1);
	diags_free(&d);
}
END_TEST

/* ---- the cache of the parsed catalog: what comes back from it must be
 * exactly what parsing gives, field by field; a damaged, stale or hostile
 * cache must never crash optout or change what it shows, only make it
 * parse. ---- */

static char *
src(const char *rel)
{
	return xasprintf("%s/%s", srcdir, rel);
}

/* Runs a shell command made like printf's; it must succeed. */
#define sh(...) do {							\
	char *cmd_ = xasprintf(__VA_ARGS__);				\
									\
	ck_assert_msg(system(cmd_) == 0, "%s", cmd_);			\
	free(cmd_);							\
} while (0)

/* Two dumps are the same; if not, the first line that differs. */
static void
assert_same(const char *got, const char *want, const char *what)
{
	size_t i = 0, line = 1, end;

	while (got[i] != '\0' && got[i] == want[i]) {
		if (got[i++] == '\n')
			line++;
	}
	if (got[i] == want[i])
		return;
	while (i > 0 && got[i - 1] != '\n')
		i--;
	end = strcspn(got + i, "\n");
	ck_abort_msg("%s: line %zu is \"%.*s\", parsing gives \"%.*s\"", what,
	    line, (int)(end > 200 ? 200 : end), got + i,
	    (int)strcspn(want + i, "\n") > 200 ? 200 :
	    (int)strcspn(want + i, "\n"), want + i);
}

static char *
dump(const struct catalog *c)
{
	struct buf b = { 0 };

	catalog_dump(c, &b);
	return buf_take(&b);
}

/* The dump of the layers as parsing gives them (no cache involved). */
static char *
parsed(const char *const *dirs, size_t n)
{
	struct catalog c;
	struct diags d = { 0 };
	char *s;

	ck_assert_int_eq(store_catalog_load_layers(dirs, n, false, NULL, &c,
	    &d), 0);
	s = dump(&c);
	catalog_free(&c);
	diags_free(&d);
	return s;
}

/* One cached load: checks that it ends like parsing, with no problem
 * told, and returns how it went. */
static struct catalog_cache
cached_after(const char *cache, const char *const *dirs, size_t n,
    const char *want, long long settle_ns)
{
	struct catalog_cache cc = { .path = cache, .write = true,
	    .settle_ns = settle_ns };
	struct catalog c;
	struct diags d = { 0 };
	char *got;

	ck_assert_int_eq(store_catalog_load_cached(dirs, n, &cc, &c, &d), 0);
	ck_assert_msg(d.n == 0, "a problem was told: %s", d.v[0].msg);
	got = dump(&c);
	assert_same(got, want, cc.used ? "read from the cache" :
	    "parsed after a cache was refused");
	free(got);
	catalog_free(&c);
	diags_free(&d);
	return cc;
}

/* The same, caching files whatever their age. */
static struct catalog_cache
cached(const char *cache, const char *const *dirs, size_t n,
    const char *want)
{
	return cached_after(cache, dirs, n, want, 0);
}

/* The catalogs the tests round-trip: the shipped one, the fixture with
 * every field, the minimal one, and one whose texts were sanitised. */
static void
fixture_catalog(int which, struct catalog *c)
{
	static const char *const dirs[] = {
		"config/platforms", "tests/data/catalog/every_field",
		"tests/data/catalog/good"
	};
	struct diags d = { 0 };
	char *path;

	memset(c, 0, sizeof *c);
	if (which < 3) {
		path = src(dirs[which]);
		ck_assert_int_eq(store_catalog_load(path, c, &d), 0);
	} else {
		path = src("tests/data/catalog/control_chars.cfg");
		c->v = xcalloc(1, sizeof *c->v);
		c->n = 1;
		ck_assert_int_eq(store_platform_load(path, &c->v[0], &d), 0);
	}
	ck_assert_uint_eq(d.n, 0);
	free(path);
}

static void
encode(const struct catalog *c, struct buf *b)
{
	catalog_encode(c, "key", 3, b);
}

static bool
decodes(const char *data, size_t len, struct catalog *c)
{
	const char *why;
	bool ok = catalog_decode(data, len, "key", 3, c, &why);

	ck_assert(ok == (why == NULL));
	if (!ok)
		ck_assert_msg(c->n == 0 && c->v == NULL, "a refused cache "
		    "left platforms behind (%s)", why);
	return ok;
}

/* ---- the codec ---- */

START_TEST(test_cache_round_trip_keeps_every_field)
{
	struct catalog c, back;
	struct buf b = { 0 };
	char *want, *got;

	fixture_catalog(_i, &c);
	want = dump(&c);
	encode(&c, &b);
	ck_assert(decodes(b.data, b.len, &back));
	got = dump(&back);
	assert_same(got, want, "decoded");
	/* the strings were not copied: they are in the catalog's bytes */
	ck_assert(c.texts == NULL && back.texts != NULL);
	for (size_t i = 0; i < back.n; i++)
		ck_assert(back.v[i].name > back.texts &&
		    back.v[i].name < back.texts + b.len &&
		    back.v[i].file > back.texts &&
		    back.v[i].file < back.texts + b.len);
	free(got);
	free(want);
	catalog_free(&back);
	catalog_free(&c);
	buf_free(&b);
}
END_TEST

/* The round trip means something only if every field is set somewhere
 * in the fixtures: each field of the dump has a value other than
 * "(none)" in one of them. */
START_TEST(test_cache_fixtures_set_every_field)
{
	struct buf seen = { 0 }, set = { 0 };
	struct catalog c;
	char *all, *line, *eq, *name, *key, *save = NULL;
	int w;

	for (w = 0; w < 4; w++) {
		fixture_catalog(w, &c);
		all = dump(&c);
		catalog_free(&c);
		for (line = strtok_r(all, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			ck_assert((eq = strstr(line, " = ")) != NULL);
			*eq = '\0';
			/* platform[3].surfaces[1].kind -> .surfaces.kind */
			name = xstrdup(strchr(line, '.') != NULL ?
			    strchr(line, '.') : line);
			for (char *o = name, *i = name; ; i++) {
				if (*i == '[')
					i = strchr(i, ']');
				else if ((*o++ = *i) == '\0')
					break;
			}
			key = xasprintf("|%s|", name);
			if (strstr(seen.data != NULL ? seen.data : "", key) ==
			    NULL)
				buf_adds(&seen, key);
			if (strcmp(eq + 3, "(none)") != 0 &&
			    strcmp(eq + 3, "0") != 0 && strstr(set.data !=
			    NULL ? set.data : "", key) == NULL)
				buf_adds(&set, key);
			free(key);
			free(name);
		}
		free(all);
	}
	/* same fields, maybe in another order: compare the counts */
	for (line = strtok_r(seen.data, "|", &save); line != NULL;
	    line = strtok_r(NULL, "|", &save)) {
		key = xasprintf("|%s|", line);
		ck_assert_msg(strstr(set.data, key) != NULL, "no fixture sets "
		    "%s", line);
		free(key);
	}
	buf_free(&seen);
	buf_free(&set);
}
END_TEST

START_TEST(test_cache_every_truncation_is_refused)
{
	struct catalog c, back;
	struct buf b = { 0 };
	char *cut;
	size_t len, step = _i == 0 ? 997 : 1;

	fixture_catalog(_i, &c);
	encode(&c, &b);
	for (len = 0; len < b.len; len++) {
		ck_assert_msg(!decodes(b.data, len, &back), "cut at %zu of "
		    "%zu bytes and still read", len, b.len);
		/* and cut with the length and checksum made to fit: the
		 * structure itself must notice */
		if (len < CATALOG_CODEC_HEADER || len % step != 0)
			continue;
		cut = xmalloc(len);
		memcpy(cut, b.data, len);
		for (int i = 0; i < 8; i++)
			cut[16 + i] = (char)((uint64_t)(len -
			    CATALOG_CODEC_HEADER) >> (8 * i));
		catalog_codec_seal(cut, len);
		ck_assert_msg(!decodes(cut, len, &back), "a forged cut at %zu "
		    "was read", len);
		free(cut);
	}
	catalog_free(&c);
	buf_free(&b);
}
END_TEST

START_TEST(test_cache_every_bit_flip_is_refused)
{
	struct catalog c, back;
	struct buf b = { 0 };
	size_t pos, step = _i == 0 ? 89 : 1;
	int bit;

	fixture_catalog(_i, &c);
	encode(&c, &b);
	for (pos = 0; pos < b.len; pos += pos < 64 ? 1 : step) {
		for (bit = 0; bit < 8; bit++) {
			if (pos >= 64 && bit != (int)(pos % 8))
				continue;	/* all bits of the start only */
			b.data[pos] ^= (char)(1 << bit);
			ck_assert_msg(!decodes(b.data, b.len, &back), "bit %d "
			    "of byte %zu flipped and still read", bit, pos);
			b.data[pos] ^= (char)(1 << bit);
		}
	}
	ck_assert(decodes(b.data, b.len, &back));
	catalog_free(&back);
	catalog_free(&c);
	buf_free(&b);
}
END_TEST

/* Every string a decoded catalog hands out is as the loader leaves it. */
static void
assert_sane(const struct catalog *c)
{
	char *all = dump(c), *line, *save = NULL, *q;

	for (line = strtok_r(all, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if ((q = strstr(line, " = \"")) == NULL)
			continue;
		q += 4;
		ck_assert_msg(text_plain(q, strlen(q)) && *q != '"',
		    "unsafe or empty text read: %s", line);
	}
	for (size_t i = 0; i < c->n; i++)
		ck_assert(catalog_valid_id(c->v[i].id));
	free(all);
}

/* A hostile cache with a correct checksum: every byte replaced by values
 * that make lengths and counts huge, codes out of range, texts with
 * escapes. It is refused or read into something sane; never a crash
 * (the sanitizer build checks the memory). */
START_TEST(test_cache_forged_bytes_never_crash)
{
	static const unsigned char values[] = {
		0x00, 0x01, 0x07, 0x1b, 0x20, 0x7f, 0x80, 0xc3, 0xff
	};
	struct catalog c, back;
	struct buf b = { 0 };
	size_t pos, v, read = 0;
	char old;

	fixture_catalog(_i, &c);
	encode(&c, &b);
	for (pos = CATALOG_CODEC_HEADER; pos < b.len; pos++) {
		old = b.data[pos];
		for (v = 0; v < sizeof values; v++) {
			b.data[pos] = (char)values[v];
			catalog_codec_seal(b.data, b.len);
			if (decodes(b.data, b.len, &back)) {
				assert_sane(&back);
				catalog_free(&back);
				read++;
			}
		}
		b.data[pos] = old;
	}
	/* some changes keep it well-formed (a letter in a text) */
	ck_assert(read > 0);
	catalog_free(&c);
	buf_free(&b);
}
END_TEST

START_TEST(test_cache_made_for_other_files_is_refused)
{
	struct catalog c, back;
	struct buf b = { 0 };
	const char *why;

	fixture_catalog(1, &c);
	encode(&c, &b);
	ck_assert(!catalog_decode(b.data, b.len, "kez", 3, &back, &why));
	ck_assert_str_eq(why, "made from other files");
	ck_assert(!catalog_decode(b.data, b.len, "key2", 4, &back, &why));
	ck_assert(!catalog_decode(b.data, b.len, "ke", 2, &back, &why));
	catalog_free(&c);
	buf_free(&b);
}
END_TEST

/* ---- the cache file ---- */

/* A catalog in three layers, as optout has them: a copy of the shipped
 * files, the fixture with every field, and a user layer that does not
 * exist yet. */
struct layers {
	char	*top, *dirs[3], *cache;
	char	*want;
};

static void
layers_make(struct layers *l)
{
	char *shipped = src("config/platforms");
	char *every = src("tests/data/catalog/every_field");

	l->top = tmpdir();
	l->dirs[0] = xasprintf("%s/shipped", l->top);
	l->dirs[1] = xasprintf("%s/system", l->top);
	l->dirs[2] = xasprintf("%s/user", l->top);
	l->cache = xasprintf("%s/cache/optout/catalog.v1", l->top);
	sh("cp -r '%s' '%s'", shipped, l->dirs[0]);
	sh("cp -r '%s' '%s'", every, l->dirs[1]);
	/* old enough that a change cannot hide in the same clock tick */
	sh("touch -d '2 minutes ago' '%s'/*.cfg '%s'/*.cfg", l->dirs[0],
	    l->dirs[1]);
	l->want = parsed((const char *const *)l->dirs, 3);
	free(shipped);
	free(every);
}

static void
layers_free(struct layers *l)
{
	free(l->top);
	for (int i = 0; i < 3; i++)
		free(l->dirs[i]);
	free(l->cache);
	free(l->want);
}

static struct catalog_cache
load(struct layers *l)
{
	return cached(l->cache, (const char *const *)l->dirs, 3, l->want);
}

START_TEST(test_cache_second_start_reads_the_cache)
{
	struct layers l;
	struct catalog_cache cc;
	struct stat st;
	char *dir;

	layers_make(&l);
	cc = load(&l);
	ck_assert(!cc.used && cc.written);
	ck_assert_str_eq(cc.why, "none yet");
	ck_assert(stat(l.cache, &st) == 0 && (st.st_mode & 0777) == 0600);
	dir = xasprintf("%s/cache/optout", l.top);
	ck_assert(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700);
	cc = load(&l);
	ck_assert_msg(cc.used && !cc.written, "not used: %s", cc.why);
	free(dir);
	layers_free(&l);
}
END_TEST

/* Whatever changes in the catalog, the next start parses and shows it,
 * and the start after that reads the new cache. */
START_TEST(test_cache_any_change_to_the_catalog_is_seen)
{
	struct layers l;
	struct catalog_cache cc;
	char *f, *g;

	layers_make(&l);
	ck_assert(load(&l).written);
	f = xasprintf("%s/linkedin.cfg", l.dirs[0]);
	g = xasprintf("%s/every_field.cfg", l.dirs[1]);
	for (int change = 0; change < 7; change++) {
		switch (change) {
		case 0:		/* in place: same inode, same size */
			sh("sed 's/^name = \"LinkedIn\"/name = \"LinkedIm\"/' "
			    "'%s' > '%s'.tmp", f, f);
			sh("cat '%s'.tmp > '%s' && rm '%s'.tmp", f, f, f);
			break;
		case 1:		/* only the time stamp */
			sh("touch -d '1 minute ago' '%s'", f);
			break;
		case 2:		/* a file more in the user layer */
			ck_assert(mkdir(l.dirs[2], 0755) == 0);
			sh("sed 's/^name = \"Every Field\"/name = \"Mine\"/' "
			    "'%s' > '%s'/every_field.cfg", g, l.dirs[2]);
			break;
		case 3:		/* that file gone again */
			sh("rm '%s'/every_field.cfg", l.dirs[2]);
			break;
		case 4:		/* a platform hidden by the admin */
			sh("printf 'format = 1;\\nid = \"zoom\";\\nenabled = "
			    "false;\\n' > '%s'/zoom.cfg", l.dirs[1]);
			break;
		case 5:		/* a file replaced by a copy (new inode) */
			sh("cp -p '%s' '%s'.new", g, g);
			sh("mv '%s'.new '%s'", g, g);
			break;
		case 6:		/* the user layer gone */
			sh("rmdir '%s'", l.dirs[2]);
			break;
		}
		free(l.want);
		l.want = parsed((const char *const *)l.dirs, 3);
		cc = load(&l);
		ck_assert_msg(!cc.used, "change %d not seen", change);
		ck_assert_str_eq(cc.why, "made from other files");
		ck_assert(cc.written);
		cc = load(&l);
		ck_assert_msg(cc.used, "change %d: new cache not used: %s",
		    change, cc.why);
	}
	free(f);
	free(g);
	layers_free(&l);
}
END_TEST

START_TEST(test_cache_in_another_layer_order_is_not_used)
{
	struct layers l;
	char *tmp;

	layers_make(&l);
	ck_assert(load(&l).written);
	tmp = l.dirs[0];
	l.dirs[0] = l.dirs[1];
	l.dirs[1] = tmp;
	free(l.want);
	l.want = parsed((const char *const *)l.dirs, 3);
	ck_assert(!load(&l).used);
	layers_free(&l);
}
END_TEST

/* A damaged cache file: cut, flipped, emptied, or something else at its
 * place. The catalog is parsed as if there were none, nothing is told,
 * and the cache is made anew where it can be. */
START_TEST(test_cache_damaged_file_falls_back_to_parsing)
{
	struct layers l;
	struct catalog_cache cc;
	char *good, *bad;
	size_t len, n;

	layers_make(&l);
	ck_assert(load(&l).written);
	good = slurp(l.cache, &len);
	ck_assert(good != NULL && len > 1000);
	for (int damage = 0; damage < 9; damage++) {
		bad = xmalloc(len);
		memcpy(bad, good, len);
		n = len;
		switch (damage) {
		case 0: n = 0; break;				/* empty */
		case 1: n = 20; break;				/* in the header */
		case 2: n = len / 2; break;			/* half */
		case 3: n = len - 1; break;			/* one byte short */
		case 4: bad[len / 3] ^= 0x10; break;		/* a flipped bit */
		case 5: bad[8] = 9; break;			/* another version */
		case 6: memset(bad, 0, len); break;		/* zeros */
		}
		unlink(l.cache);
		if (damage == 7) {	/* a symbolic link to a good one */
			char *real = xasprintf("%s.real", l.cache);

			write_file(real, good, len);
			ck_assert(symlink("catalog.v1.real", l.cache) == 0);
			free(real);
		} else if (damage == 8)	/* a directory */
			ck_assert(mkdir(l.cache, 0700) == 0);
		else
			write_file(l.cache, bad, n);
		free(bad);
		cc = load(&l);
		ck_assert_msg(!cc.used, "damage %d went unnoticed", damage);
		if (damage < 8) {	/* rewritten, and good again */
			ck_assert_msg(cc.written, "damage %d: not rewritten",
			    damage);
			ck_assert(load(&l).used);
		}
		if (damage == 8)
			ck_assert(rmdir(l.cache) == 0);
	}
	free(good);
	layers_free(&l);
}
END_TEST

START_TEST(test_cache_not_written_when_a_file_has_problems)
{
	struct layers l;
	struct catalog_cache cc = { 0 };
	struct catalog c;
	struct diags d = { 0 };

	layers_make(&l);
	/* a broken override: a warning that must be told on every start */
	sh("sed 's/^verified = .*/verified = \"soon\";/' '%s'/linkedin.cfg > "
	    "'%s'/linkedin.cfg", l.dirs[0], l.dirs[1]);
	sh("touch -d '2 minutes ago' '%s'/linkedin.cfg", l.dirs[1]);
	for (int start = 0; start < 2; start++) {
		cc.path = l.cache;
		cc.write = true;
		ck_assert_int_eq(store_catalog_load_cached((const char *const *)
		    l.dirs, 3, &cc, &c, &d), 0);
		ck_assert(!cc.used && !cc.written);
		ck_assert_uint_eq(d.n, 2);
		ck_assert(d.v[0].warning && strstr(d.v[0].msg, "'verified' "
		    "must be a date") != NULL);
		catalog_free(&c);
		diags_free(&d);
	}
	layers_free(&l);
}
END_TEST

START_TEST(test_cache_not_written_for_files_changed_just_now)
{
	struct layers l;
	struct catalog_cache cc;

	layers_make(&l);
	/* a change in the same clock tick might not show in the time
	 * stamps: a file changed within STORE_CACHE_SETTLE_NS is parsed
	 * until it has settled */
	sh("touch '%s'/linkedin.cfg", l.dirs[0]);
	cc = cached_after(l.cache, (const char *const *)l.dirs, 3, l.want,
	    STORE_CACHE_SETTLE_NS);
	ck_assert(!cc.used && !cc.written);
	cc = cached_after(l.cache, (const char *const *)l.dirs, 3, l.want,
	    STORE_CACHE_SETTLE_NS);
	ck_assert(!cc.used && !cc.written);
	/* once it is older than that, it is cached */
	sh("touch -d '1 minute ago' '%s'/linkedin.cfg", l.dirs[0]);
	ck_assert(cached_after(l.cache, (const char *const *)l.dirs, 3,
	    l.want, 0).written);
	layers_free(&l);
}
END_TEST

START_TEST(test_cache_unwritable_place_is_silent)
{
	struct layers l;
	struct catalog_cache cc;
	char *file, *below;

	layers_make(&l);
	/* below a regular file: no directory can be made there */
	file = xasprintf("%s/plain", l.top);
	write_file(file, "x", 1);
	below = xasprintf("%s/optout/catalog.v1", file);
	cc = cached(below, (const char *const *)l.dirs, 3, l.want);
	ck_assert(!cc.used && !cc.written);
	/* a read-only home, for an ordinary user (root could write) */
	be_ordinary(l.top);
	ck_assert(chmod(l.top, 0555) == 0);
	cc = cached(l.cache, (const char *const *)l.dirs, 3, l.want);
	ck_assert(!cc.used && !cc.written);
	be_myself();
	chmod(l.top, 0755);
	free(below);
	free(file);
	layers_free(&l);
}
END_TEST

/* A kiosk and a shared host read a cache an administrator prepared, and
 * never write one: not when there is none, not over a stale one. */
START_TEST(test_cache_read_only_is_used_but_never_written)
{
	struct layers l;
	struct catalog_cache cc = { 0 };
	struct catalog c;
	struct diags d = { 0 };
	struct stat st;
	char *stale = NULL, *got;
	size_t len;
	int round;

	layers_make(&l);
	for (round = 0; round < 3; round++) {
		if (round == 1)		/* prepared by the administrator */
			ck_assert(load(&l).written);
		if (round == 2) {	/* then the catalog changes */
			stale = slurp(l.cache, &len);
			sh("touch -d '1 minute ago' '%s'/zoom.cfg", l.dirs[0]);
			free(l.want);
			l.want = parsed((const char *const *)l.dirs, 3);
		}
		memset(&cc, 0, sizeof cc);
		cc.path = l.cache;
		ck_assert_int_eq(store_catalog_load_cached((const char *const *)
		    l.dirs, 3, &cc, &c, &d), 0);
		ck_assert_uint_eq(d.n, 0);
		ck_assert(!cc.written);
		ck_assert_msg(cc.used == (round == 1), "round %d: %s", round,
		    cc.why);
		got = dump(&c);
		assert_same(got, l.want, "read only");
		free(got);
		catalog_free(&c);
		if (round == 0)
			ck_assert(stat(l.cache, &st) == -1 && errno == ENOENT);
	}
	assert_same_bytes(l.cache, stale, len);
	free(stale);
	layers_free(&l);
}
END_TEST

START_TEST(test_cache_without_a_path_just_parses)
{
	struct layers l;
	struct catalog_cache cc;

	layers_make(&l);
	cc = cached(NULL, (const char *const *)l.dirs, 3, l.want);
	ck_assert(!cc.used && !cc.written);
	layers_free(&l);
}
END_TEST

static Suite *
workshops_suite(void)
{
	Suite *s = suite_create("workshops");
	TCase *tc = tap_tcase(s, "workshops", 10);

	tcase_add_test(tc, test_workshops_good_fixture_loads_every_profile);
	tcase_add_test(tc,
	    test_workshops_every_mistake_is_named_with_its_line);
	tcase_add_test(tc, test_workshops_own_file_holds_nothing_else);
	return s;
}

static Suite *
cache_suite(void)
{
	Suite *s = suite_create("cache");
	TCase *tc = tap_tcase(s, "codec", 120);
	TCase *tf = tap_tcase(s, "file", 60);

	/* _i: 0 shipped, 1 every field, 2 minimal, 3 sanitised */
	tcase_add_loop_test(tc, test_cache_round_trip_keeps_every_field, 0, 4);
	tcase_add_test(tc, test_cache_fixtures_set_every_field);
	tcase_add_loop_test(tc, test_cache_every_truncation_is_refused, 0, 4);
	tcase_add_loop_test(tc, test_cache_every_bit_flip_is_refused, 0, 4);
	tcase_add_loop_test(tc, test_cache_forged_bytes_never_crash, 1, 4);
	tcase_add_test(tc, test_cache_made_for_other_files_is_refused);
	tcase_add_test(tf, test_cache_second_start_reads_the_cache);
	tcase_add_test(tf, test_cache_any_change_to_the_catalog_is_seen);
	tcase_add_test(tf, test_cache_in_another_layer_order_is_not_used);
	tcase_add_test(tf, test_cache_damaged_file_falls_back_to_parsing);
	tcase_add_test(tf, test_cache_not_written_when_a_file_has_problems);
	tcase_add_test(tf, test_cache_not_written_for_files_changed_just_now);
	tcase_add_test(tf, test_cache_unwritable_place_is_silent);
	tcase_add_test(tf, test_cache_read_only_is_used_but_never_written);
	tcase_add_test(tf, test_cache_without_a_path_just_parses);
	return s;
}

static Suite *
layers_suite(void)
{
	Suite *s = suite_create("layers");
	TCase *tc = tcase_create("layers");

	tcase_add_test(tc, test_layers_later_file_replaces_and_adds);
	tcase_add_test(tc, test_layers_enabled_false_hides_a_platform);
	tcase_add_test(tc,
	    test_layers_broken_override_falls_back_with_a_warning);
	tcase_add_test(tc, test_layers_broken_new_platform_is_left_out);
	tcase_add_test(tc,
	    test_layers_validator_counts_override_errors_as_errors);
	tcase_add_test(tc,
	    test_layers_missing_later_layer_is_fine_missing_first_is_not);
	tcase_add_test(tc,
	    test_layers_stale_verified_date_is_a_warning_with_its_line);
	suite_add_tcase(s, tc);
	return s;
}

static Suite *
catalog_suite(void)
{
	Suite *s = suite_create("catalog");
	TCase *tc = tap_tcase(s, "catalog", 20);

	tcase_add_test(tc, test_catalog_shipped_files_load_without_diagnostics);
	tcase_add_test(tc, test_catalog_minimal_fixture_loads);
	tcase_add_test(tc, test_catalog_control_characters_are_removed);
	tcase_add_test(tc, test_catalog_include_line_is_refused);
	tcase_add_test(tc, test_catalog_latin1_byte_is_refused);
	tcase_add_test(tc,
	    test_catalog_misspelt_key_is_named_with_a_suggestion);
	tcase_add_test(tc, test_catalog_text_without_german_is_refused);
	tcase_add_test(tc, test_catalog_impossible_date_is_refused);
	tcase_add_test(tc, test_catalog_http_address_is_refused);
	tcase_add_test(tc, test_catalog_id_must_match_file_name);
	tcase_add_test(tc, test_catalog_trailing_comma_is_a_syntax_error);
	tcase_add_test(tc, test_catalog_syntax_error_names_the_line);
	tcase_add_test(tc,
	    test_catalog_deep_nesting_is_refused_before_parsing);
	tcase_add_test(tc, test_catalog_number_for_string_is_refused);
	tcase_add_test(tc, test_catalog_nul_byte_is_refused);
	tcase_add_test(tc,
	    test_catalog_escape_making_broken_utf8_is_refused);
	tcase_add_test(tc, test_catalog_text_of_only_controls_is_empty);
	tcase_add_test(tc,
	    test_catalog_unknown_category_lists_the_choices);
	tcase_add_test(tc, test_catalog_missing_required_key_is_named);
	tcase_add_test(tc,
	    test_catalog_directory_with_a_broken_file_loads_nothing);
	tcase_add_test(tc,
	    test_catalog_every_broken_fixture_is_reported_at_once);
	tcase_add_test(tc,
	    test_catalog_empty_or_missing_directory_is_explained);
	tcase_add_test(tc, test_catalog_fifo_is_refused_at_once);
	tcase_add_test(tc, test_catalog_file_over_256k_is_refused);
	tcase_add_test(tc, test_catalog_file_of_exactly_256k_loads);
	tcase_add_test(tc,
	    test_catalog_include_anywhere_is_refused_before_libconfig);
	tcase_add_test(tc, test_catalog_texts_may_mention_include);
	tcase_add_test(tc, test_catalog_windows_line_endings_load);
	tcase_add_test(tc, test_catalog_utf8_bom_is_accepted);
	tcase_add_test(tc, test_catalog_step_with_braces_needs_a_label);
	tcase_add_test(tc,
	    test_catalog_repeated_surface_is_named_once_per_repeat);
	tcase_add_test(tc, test_catalog_huge_group_is_refused_before_parsing);
	return s;
}

static Suite *
progress_suite(void)
{
	Suite *s = suite_create("progress");
	TCase *tc = tap_tcase(s, "progress", 60);

	tcase_add_test(tc, test_progress_round_trip_keeps_everything);
	tcase_add_test(tc, test_progress_missing_file_is_a_first_visit);
	tcase_add_test(tc, test_progress_file_is_private_even_with_umask_0);
	tcase_add_test(tc, test_progress_good_fixture_loads_every_record);
	tcase_add_test(tc, test_progress_truncated_file_is_moved_aside);
	tcase_add_test(tc, test_progress_newer_version_is_left_alone);
	tcase_add_test(tc, test_progress_empty_file_is_moved_aside);
	tcase_add_test(tc, test_progress_binary_garbage_is_moved_aside);
	tcase_add_test(tc, test_progress_unknown_status_is_moved_aside);
	tcase_add_test(tc, test_progress_repeated_id_is_moved_aside);
	tcase_add_test(tc,
	    test_progress_cut_at_every_byte_never_loses_silently);
	tcase_add_test(tc, test_progress_symlink_is_not_followed);
	tcase_add_test(tc,
	    test_progress_dangling_symlink_is_replaced_not_followed);
	tcase_add_test(tc, test_progress_dangling_symlink_is_kept_aside);
	tcase_add_test(tc,
	    test_progress_save_removes_temp_files_of_killed_saves);
	tcase_add_test(tc, test_progress_save_into_readonly_dir_keeps_old_file);
	tcase_add_test(tc, test_progress_failed_write_leaves_no_temp_file);
	tcase_add_test(tc,
	    test_progress_save_over_a_directory_leaves_no_temp_file);
	tcase_add_test(tc, test_progress_save_below_a_file_names_the_path);
	tcase_add_test(tc, test_progress_unreadable_file_is_left_alone);
	tcase_add_test(tc,
	    test_progress_corrupt_file_that_cannot_move_is_left_alone);
	tcase_add_test(tc,
	    test_progress_format_parses_back_and_has_no_controls);
	tcase_add_test(tc, test_progress_empty_progress_round_trips);
	tcase_add_test(tc, test_progress_labels_and_glyphs_round_trip);
	tcase_add_test(tc, test_progress_label_choice_merges_with_other_session);
	tcase_add_test(tc, test_progress_unknown_labels_is_damage);
	tcase_add_test(tc, test_settings_labels_takes_de_or_en);
	return s;
}

static Suite *
flow_suite(void)
{
	Suite *s = suite_create("shipped");
	TCase *tc = tap_tcase(s, "shipped", 60);

	tcase_add_checked_fixture(tc, shipped_setup, shipped_teardown);
	tcase_add_test(tc, test_linkedin_path_records_done_on_the_web);
	tcase_add_test(tc,
	    test_facebook_path_records_form_sent_then_confirmed);
	tcase_add_test(tc, test_org_path_shows_where_pages_cannot_object);
	tcase_add_test(tc, test_records_of_removed_platforms_survive_a_session);
	tcase_add_loop_test(tc,
	    test_every_shipped_screen_has_title_keys_and_focus, 0, 4);
	return s;
}

static int
make_writable(const char *path, const struct stat *st, int type,
    struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_D || type == FTW_DNR)
		chmod(path, 0700);
	return 0;
}

static int
remove_one(const char *path, const struct stat *st, int type,
    struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	remove(path);
	return 0;
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR"), *top = getenv("top_srcdir");
	int rc;

	if (top != NULL && top[0] != '\0')
		srcdir = top;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "C.utf8");
	setenv("TZ", "UTC", 1);
	tzset();
	base = xasprintf("%s/optout-test.XXXXXX", tmp != NULL &&
	    tmp[0] == '/' ? tmp : "/tmp");
	if (mkdtemp(base) == NULL) {
		perror(base);
		return 99;		/* a hard error for the test driver */
	}
	chmod(base, 0755);	/* an ordinary user must reach its files */
	rc = tap_run(catalog_suite(), layers_suite(), cache_suite(),
	    progress_suite(), flow_suite(), workshops_suite(), NULL);
	nftw(base, make_writable, 16, FTW_PHYS);
	nftw(base, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	free(base);
	return rc;
}
