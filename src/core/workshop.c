/* workshop.c: workshop profiles and their published form. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/kv.h"
#include "core/workshop.h"
#include "core/xmalloc.h"

#define PUBLISHED_VERSION	"1"

bool
workshop_valid_name(const char *s)
{
	size_t i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return false;
	for (i = 1; s[i] != '\0'; i++) {
		if (i >= WORKSHOP_NAME_MAX)
			return false;
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
		    s[i] == '_'))
			return false;
	}
	return true;
}

void
workshop_init(struct workshop *ws, const char *name)
{
	memset(ws, 0, sizeof *ws);
	ws->name = xstrdup(name);
	ws->idle_minutes = WORKSHOP_IDLE_MINUTES;
	ws->may_add = true;	/* without platforms, everybody chooses */
}

void
workshop_add_platform(struct workshop *ws, const char *id, int line)
{
	ws->platforms = xreallocarray(ws->platforms, ws->nplatforms + 1,
	    sizeof *ws->platforms);
	ws->id_lines = xreallocarray(ws->id_lines, ws->nplatforms + 1,
	    sizeof *ws->id_lines);
	ws->platforms[ws->nplatforms] = xstrdup(id);
	ws->id_lines[ws->nplatforms] = line;
	ws->nplatforms++;
}

bool
workshop_has_platform(const struct workshop *ws, const char *id)
{
	size_t i;

	for (i = 0; i < ws->nplatforms; i++) {
		if (strcmp(ws->platforms[i], id) == 0)
			return true;
	}
	return false;
}

bool
workshop_fixed(const struct workshop *ws)
{
	return ws->nplatforms > 0 && !ws->may_add;
}

void
workshop_copy(struct workshop *dst, const struct workshop *src)
{
	size_t i;

	workshop_init(dst, src->name);
	for (i = 0; i < src->nplatforms; i++)
		workshop_add_platform(dst, src->platforms[i], src->id_lines[i]);
	dst->may_add = src->may_add;
	dst->has_lang = src->has_lang;
	dst->lang = src->lang;
	dst->idle_minutes = src->idle_minutes;
	dst->file = src->file != NULL ? xstrdup(src->file) : NULL;
	dst->line = src->line;
}

void
workshop_free(struct workshop *ws)
{
	size_t i;

	for (i = 0; i < ws->nplatforms; i++)
		free(ws->platforms[i]);
	free(ws->platforms);
	free(ws->id_lines);
	free(ws->name);
	free(ws->file);
	memset(ws, 0, sizeof *ws);
}

void
workshops_put(struct workshops *set, struct workshop *ws)
{
	size_t i;

	for (i = 0; i < set->n; i++) {
		if (strcmp(set->v[i].name, ws->name) == 0) {
			workshop_free(&set->v[i]);
			set->v[i] = *ws;
			memset(ws, 0, sizeof *ws);
			return;
		}
	}
	set->v = xreallocarray(set->v, set->n + 1, sizeof *set->v);
	set->v[set->n++] = *ws;
	memset(ws, 0, sizeof *ws);
}

const struct workshop *
workshops_find(const struct workshops *set, const char *name)
{
	size_t i;

	for (i = 0; i < set->n; i++) {
		if (strcmp(set->v[i].name, name) == 0)
			return &set->v[i];
	}
	return NULL;
}

void
workshops_free(struct workshops *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		workshop_free(&set->v[i]);
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

void
workshop_check(const struct workshop *ws, const struct catalog *cat,
    struct diags *d)
{
	size_t i;

	for (i = 0; i < ws->nplatforms; i++) {
		if (catalog_find(cat, ws->platforms[i]) < 0)
			diags_add(d, ws->file != NULL ? ws->file : ws->name,
			    ws->id_lines[i], false, "workshop '%s': the "
			    "catalog has no platform '%s' (optout --list "
			    "shows the ids)", ws->name, ws->platforms[i]);
	}
}

char *
workshop_format(const struct workshop *ws)
{
	struct buf b = { 0 };
	size_t i;

	buf_addf(&b, "optout-workshop %s\n", PUBLISHED_VERSION);
	if (ws->has_lang)
		buf_addf(&b, "lang %s\n", lang_code(ws->lang));
	buf_addf(&b, "add %d\n", ws->may_add ? 1 : 0);
	buf_addf(&b, "idle %d\n", ws->idle_minutes);
	for (i = 0; i < ws->nplatforms; i++)
		buf_addf(&b, "platform %s\n", ws->platforms[i]);
	return buf_take(&b);
}

bool
workshop_parse(const char *text, const char *name, const struct catalog *cat,
    struct workshop *ws)
{
	struct kv_reader r;
	unsigned long long n;
	bool ok = true, versioned = false;

	workshop_init(ws, name);
	kv_init(&r, text);
	while (ok && kv_next(&r)) {
		const char *k = r.line.key, *v = r.line.val;

		if (!versioned) {
			ok = strcmp(k, "optout-workshop") == 0 &&
			    strcmp(v, PUBLISHED_VERSION) == 0;
			versioned = true;
		} else if (strcmp(k, "lang") == 0)
			ok = ws->has_lang = lang_from_code(v, &ws->lang);
		else if (strcmp(k, "add") == 0 && kv_number(v, 1, &n))
			ws->may_add = n == 1;
		else if (strcmp(k, "idle") == 0 &&
		    kv_number(v, WORKSHOP_IDLE_MAX, &n) && n > 0)
			ws->idle_minutes = (int)n;
		else if (strcmp(k, "platform") == 0 && catalog_valid_id(v)) {
			if (catalog_find(cat, v) >= 0 &&
			    !workshop_has_platform(ws, v))
				workshop_add_platform(ws, v, 0);
		} else
			ok = false;
	}
	ok = ok && versioned && !r.bad;
	kv_done(&r);
	if (!ok)
		workshop_free(ws);
	return ok;
}
