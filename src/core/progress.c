/* progress.c: the person's choices and records. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/progress.h"
#include "core/xmalloc.h"

static const char *const status_codes[ST_COUNT] = {
	"open", "done", "form_sent", "confirmed", "no_account", "later",
	"help", "problem", "noted"
};
static const char *const account_codes[ACCOUNT_COUNT] = {
	"unset", "private", "organisation"
};

const char *
status_code(enum status s)
{
	return status_codes[s];
}

bool
status_from_code(const char *s, enum status *out)
{
	int i;

	if (!code_find(status_codes, ST_COUNT, s, &i))
		return false;
	*out = (enum status)i;
	return true;
}

const char *
account_code(enum account a)
{
	return account_codes[a];
}

bool
account_from_code(const char *s, enum account *out)
{
	int i;

	if (!code_find(account_codes, ACCOUNT_COUNT, s, &i))
		return false;
	*out = (enum account)i;
	return true;
}

bool
status_is_final(enum status s)
{
	return s == ST_DONE || s == ST_CONFIRMED || s == ST_NO_ACCOUNT ||
	    s == ST_NOTED;
}

bool
progress_recheck_from(const struct platform *p, const struct record *r,
    int32_t *day)
{
	if (r == NULL || r->status != ST_DONE || r->time == 0)
		return false;
	*day = date_today(r->time) + platform_recheck_days(p);
	return true;
}

bool
progress_recheck_due(const struct platform *p, const struct record *r,
    int32_t today)
{
	int32_t day;

	return progress_recheck_from(p, r, &day) && today >= day;
}

struct record *
progress_find(const struct progress *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (strcmp(p->v[i].id, id) == 0)
			return &p->v[i];
	}
	return NULL;
}

struct record *
progress_append(struct progress *p, const char *id)
{
	struct record *r;

	/* doubling: a loader appends thousands of records one by one */
	if (p->n == p->cap) {
		p->cap = p->cap > 0 ? 2 * p->cap : 16;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	r = &p->v[p->n++];
	memset(r, 0, sizeof *r);
	r->id = xstrdup(id);
	r->status = ST_OPEN;
	return r;
}

struct record *
progress_get(struct progress *p, const char *id)
{
	struct record *r;

	if ((r = progress_find(p, id)) != NULL)
		return r;
	return progress_append(p, id);
}

void
progress_select(struct progress *p, const char *id, bool on)
{
	struct record *r = progress_get(p, id);

	r->selected = on;
	r->dirty = true;
}

void
progress_set_account(struct progress *p, enum account a)
{
	p->account = a;
	p->dirty_account = true;
}

void
progress_set_lang(struct progress *p, enum lang l)
{
	p->lang = l;
	p->has_lang = true;
	p->dirty_lang = true;
}

void
progress_set_labels(struct progress *p, enum labels l)
{
	p->labels = l;
	p->dirty_labels = true;
}

void
progress_set_ascii(struct progress *p, bool on)
{
	p->ascii = on;
	p->dirty_ascii = true;
}

void
progress_set_platform_labels(struct progress *p, const char *id,
    enum labels l)
{
	struct record *r = progress_get(p, id);

	r->labels = l;
	r->dirty = true;
}

void
progress_merge(struct progress *dst, const struct progress *src)
{
	const struct record *r;
	struct record *d;
	char *id;
	size_t i;

	if (src->dirty_account)
		dst->account = src->account;
	if (src->dirty_lang) {
		dst->lang = src->lang;
		dst->has_lang = src->has_lang;
	}
	if (src->dirty_labels)
		dst->labels = src->labels;
	if (src->dirty_ascii)
		dst->ascii = src->ascii;
	for (i = 0; i < src->n; i++) {
		r = &src->v[i];
		if (!r->dirty)
			continue;
		d = progress_get(dst, r->id);
		id = d->id;
		*d = *r;
		d->id = id;
		d->dirty = false;
	}
}

void
progress_mark_saved(struct progress *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		p->v[i].dirty = false;
	p->dirty_account = p->dirty_lang = false;
	p->dirty_labels = p->dirty_ascii = false;
}

void
progress_record(struct progress *p, const char *id, enum status s,
    const enum surface_kind *surface, time_t now)
{
	struct record *r = progress_get(p, id);

	r->status = s;
	r->time = now;
	r->selected = true;
	r->dirty = true;
	if (surface != NULL) {
		r->has_surface = true;
		r->surface = *surface;
	}
}

void
progress_clear(struct progress *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i].id);
	free(p->v);
	memset(p, 0, sizeof *p);
}

void
progress_copy(struct progress *dst, const struct progress *src)
{
	size_t i;

	*dst = *src;
	dst->v = xreallocarray(NULL, src->n, sizeof *dst->v);
	dst->cap = src->n;
	for (i = 0; i < src->n; i++) {
		dst->v[i] = src->v[i];
		dst->v[i].id = xstrdup(src->v[i].id);
	}
}
