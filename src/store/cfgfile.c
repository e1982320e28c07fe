/* cfgfile.c: guarded libconfig parsing and schema helpers. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xmalloc.h"
#include "store/cfgfile.h"
#include "sys/fileio.h"

#define MAX_DEPTH	32
/* libconfig 1.5 checks each new setting's name against every earlier one
 * in its group, so a group of tens of thousands takes seconds (a fuzzer's
 * file: tests/fuzz/regressions/catalog/many-settings). Real groups have a
 * few dozen. */
#define MAX_SETTINGS	1000

static int
line_of(const char *data, size_t off)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off; i++) {
		if (data[i] == '\n')
			line++;
	}
	return line;
}

/* Checks what libconfig 1.5 would mishandle: @include (it may exit() or
 * block), nesting deep enough to exhaust its parser, and groups so large
 * that adding to them is slow. Comments and strings are skipped so that
 * text may mention anything. */
static bool
precheck(const char *path, const char *s, size_t n, struct diags *d)
{
	size_t i = 0, j;
	int depth = 0, line = 1;
	int settings[MAX_DEPTH + 1] = { 0 };	/* per open bracket */
	bool line_start = true;

	while (i < n) {
		char c = s[i];

		if (c == '\n') {
			line++;
			line_start = true;
			i++;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r') {
			i++;
			continue;
		}
		if (line_start && c == '@') {
			diags_add(d, path, line, false, "'@include' and other "
			    "directives are not allowed; put each platform in "
			    "a file of its own");
			return false;
		}
		line_start = false;
		if (c == '#' || (c == '/' && i + 1 < n && s[i + 1] == '/')) {
			const char *nl = memchr(s + i, '\n', n - i);

			i = nl != NULL ? (size_t)(nl - s) : n;
			continue;
		}
		if (c == '/' && i + 1 < n && s[i + 1] == '*') {
			for (j = i + 2; j + 1 < n; j++) {
				if (s[j] == '*' && s[j + 1] == '/')
					break;
				if (s[j] == '\n')
					line++;
			}
			i = j + 2;
			continue;
		}
		if (c == '"') {
			/* s[n] is the '\0' that ends the data: strcspn stops */
			for (i++; i < n; i++) {
				i += strcspn(s + i, "\"\\\n");
				if (i >= n || s[i] == '"')
					break;
				if (s[i] == '\n')
					line++;
				else if (i + 1 < n)
					i++;	/* the character after \ */
			}
			i++;
			continue;
		}
		if (c == '{' || c == '[' || c == '(') {
			if (++depth > MAX_DEPTH) {
				diags_add(d, path, line, false, "nested more "
				    "than %d levels deep", MAX_DEPTH);
				return false;
			}
			settings[depth] = 0;
		} else if (c == '}' || c == ']' || c == ')') {
			if (depth > 0)
				depth--;
		} else if ((c == '=' || c == ':') &&
		    ++settings[depth] > MAX_SETTINGS) {
			diags_add(d, path, line, false, "more than %d settings "
			    "in one group", MAX_SETTINGS);
			return false;
		}
		i++;
	}
	return true;
}

int
cfgfile_parse(const char *path, size_t cap, int read_flags, config_t *cfg,
    struct diags *d)
{
	char *data, *err;
	const char *text;
	size_t len, bad;

	if (file_read(path, cap, read_flags, &data, &len, &err) == -1) {
		/* err already starts with the path */
		diags_add(d, path, 0, false, "%s", err + strlen(path) + 2);
		free(err);
		return -1;
	}
	if (memchr(data, '\0', len) != NULL) {
		diags_add(d, path, line_of(data, (size_t)((char *)memchr(data,
		    '\0', len) - data)), false, "contains a NUL byte; this is "
		    "not a text file");
		free(data);
		return -1;
	}
	if (!utf8_valid(data, len, &bad)) {
		diags_add(d, path, line_of(data, bad), false, "not valid UTF-8 "
		    "(byte %zu); save the file as UTF-8", bad + 1);
		free(data);
		return -1;
	}
	/* Editors on Windows start UTF-8 files with a byte order mark. */
	text = data;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (!precheck(path, text, len, d)) {
		free(data);
		return -1;
	}
	config_init(cfg);
	if (config_read_string(cfg, text) != CONFIG_TRUE) {
		const char *why = config_error_text(cfg);

		if (why == NULL || strcmp(why, "syntax error") == 0)
			why = "syntax error (often a missing ';' or '\"', or a "
			    "comma after the last element of a list)";
		diags_add(d, path, config_error_line(cfg), false, "%s", why);
		config_destroy(cfg);
		free(data);
		return -1;
	}
	free(data);
	return 0;
}

int
cfg_line(const config_setting_t *s)
{
	return s != NULL ? (int)config_setting_source_line(s) : 0;
}

static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, prev, tmp, best;
	size_t row[64];

	if (la >= 63 || lb >= 63)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

void
cfg_check_keys(struct cfgctx *c, const config_setting_t *g,
    const char *const *keys)
{
	const config_setting_t *m;
	const char *name, *near;
	int i, n = config_setting_length(g);
	size_t k;

	for (i = 0; i < n; i++) {
		m = config_setting_get_elem(g, (unsigned int)i);
		if ((name = config_setting_name(m)) == NULL)
			continue;
		for (k = 0; keys[k] != NULL; k++) {
			if (strcmp(keys[k], name) == 0)
				break;
		}
		if (keys[k] != NULL)
			continue;
		/* Only an unknown key pays for the edit distances. */
		near = NULL;
		for (k = 0; keys[k] != NULL; k++) {
			if (distance(keys[k], name) <= 2)
				near = keys[k];
		}
		if (near != NULL)
			diags_add(c->d, c->file, cfg_line(m), false,
			    "unknown key '%s' (did you mean '%s'?)", name, near);
		else
			diags_add(c->d, c->file, cfg_line(m), false,
			    "unknown key '%s'", name);
	}
}

static char *
string_value(struct cfgctx *c, const config_setting_t *m, const char *what)
{
	const char *v;
	char *s;
	size_t bad;

	if (config_setting_type(m) != CONFIG_TYPE_STRING) {
		diags_add(c->d, c->file, cfg_line(m), false,
		    "'%s' must be a string in double quotes", what);
		return NULL;
	}
	v = config_setting_get_string(m);
	/* Most catalog text is plain, so one pass spares the copy character
	 * by character (make bench: a 1,000-platform catalog). */
	if (text_plain(v, strlen(v)))
		s = xstrdup(v);		/* what text_sanitize would return */
	else if (!utf8_valid(v, strlen(v), &bad)) {
		diags_add(c->d, c->file, cfg_line(m), false,
		    "'%s' is not valid UTF-8 (an escape such as \\x makes a "
		    "broken character)", what);
		return NULL;
	} else
		s = text_sanitize(v);
	if (s[strspn(s, " ")] == '\0') {
		diags_add(c->d, c->file, cfg_line(m), false,
		    "'%s' must not be empty", what);
		free(s);
		return NULL;
	}
	return s;
}

char *
cfg_string(struct cfgctx *c, const config_setting_t *g, const char *key,
    bool required)
{
	const config_setting_t *m = config_setting_get_member(g, key);

	if (m == NULL) {
		if (required)
			diags_add(c->d, c->file, cfg_line(g), false,
			    "missing required key '%s'", key);
		return NULL;
	}
	return string_value(c, m, key);
}

bool
cfg_bool(struct cfgctx *c, const config_setting_t *g, const char *key,
    bool def)
{
	const config_setting_t *m = config_setting_get_member(g, key);

	if (m == NULL)
		return def;
	if (config_setting_type(m) != CONFIG_TYPE_BOOL) {
		diags_add(c->d, c->file, cfg_line(m), false,
		    "'%s' must be true or false", key);
		return def;
	}
	return config_setting_get_bool(m) != 0;
}

void
cfg_int(struct cfgctx *c, const config_setting_t *g, const char *key, int lo,
    int hi, int *out)
{
	const config_setting_t *m = config_setting_get_member(g, key);

	if (m == NULL)
		return;
	if (config_setting_type(m) != CONFIG_TYPE_INT ||
	    config_setting_get_int(m) < lo || config_setting_get_int(m) > hi)
		diags_add(c->d, c->file, cfg_line(m), false, "'%s' must be a "
		    "whole number from %d to %d", key, lo, hi);
	else
		*out = config_setting_get_int(m);
}

bool
cfg_ltext(struct cfgctx *c, const config_setting_t *g, const char *key,
    bool required, bool labels, struct ltext *out)
{
	static const char *const langs[] = { "de", "en", NULL };
	const config_setting_t *m = config_setting_get_member(g, key);
	const config_setting_t *v;
	char what[80];
	int i;

	memset(out, 0, sizeof *out);
	if (m == NULL) {
		if (required)
			diags_add(c->d, c->file, cfg_line(g), false,
			    "missing required key '%s'", key);
		return false;
	}
	if (!config_setting_is_group(m)) {
		diags_add(c->d, c->file, cfg_line(m), false, "'%s' must be a "
		    "group with one text per language: { de = \"...\"; "
		    "en = \"...\"; }", key);
		return false;
	}
	cfg_check_keys(c, m, langs);
	for (i = 0; i < LANG_COUNT; i++) {
		snprintf(what, sizeof what, "%s.%s", key, lang_code(i));
		if ((v = config_setting_get_member(m, lang_code(i))) == NULL) {
			if (!labels || i == LANG_EN)
				diags_add(c->d, c->file, cfg_line(m), false,
				    "'%s' has no '%s' text", key,
				    lang_code(i));
			continue;
		}
		out->s[i] = string_value(c, v, what);
	}
	if (ltext_empty(out))
		return false;
	return true;
}

config_setting_t *
cfg_list(struct cfgctx *c, const config_setting_t *g, const char *key,
    bool required)
{
	config_setting_t *m = config_setting_get_member(g, key);

	if (m == NULL) {
		if (required)
			diags_add(c->d, c->file, cfg_line(g), false,
			    "missing required key '%s'", key);
		return NULL;
	}
	if (!config_setting_is_list(m)) {
		diags_add(c->d, c->file, cfg_line(m), false, "'%s' must be a "
		    "list in parentheses: ( { ... }, { ... } )", key);
		return NULL;
	}
	return m;
}
