/* catalog.c: names of the catalog's enumerations, lookup, freeing. */
#include "config.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/catalog.h"

static const char *const mechanism_codes[MECH_COUNT] = {
	"toggle_off", "toggle_on", "form", "email", "admin", "none",
	"not_needed"
};
static const char *const category_codes[CAT_COUNT] = {
	"social", "messenger", "assistant", "tools", "publishing", "other"
};
static const char *const surface_codes[SURF_COUNT] = {
	"web", "app", "android", "ios", "desktop"
};
static const char *const action_codes[ACT_COUNT] = {
	"switch_off", "switch_on", "submit", "choose"
};
static const char *const event_codes[EVENT_COUNT] = {
	"announced", "deadline", "training_start"
};

CODE_FUNCS(mechanism, enum mechanism, mechanism_codes, MECH_COUNT)
CODE_FUNCS(category, enum category, category_codes, CAT_COUNT)
CODE_FUNCS(surface, enum surface_kind, surface_codes, SURF_COUNT)
CODE_FUNCS(action, enum final_action, action_codes, ACT_COUNT)
CODE_FUNCS(event, enum event_kind, event_codes, EVENT_COUNT)

bool
catalog_valid_id(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= 64 && strspn(s,
	    "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

bool
catalog_valid_url(const char *s)
{
	return strncmp(s, "https://", 8) == 0 && s[8] != '\0' &&
	    strchr(s, ' ') == NULL;
}

bool
catalog_valid_address(const char *s)
{
	const char *at = strchr(s, '@');

	return at != NULL && at != s && strchr(at + 1, '@') == NULL &&
	    strchr(at, '.') != NULL && at[strlen(at) - 1] != '.' &&
	    strpbrk(s, " \t\"<>,;") == NULL;
}

bool
catalog_step_lacks_label(const struct step *st)
{
	int l;

	if (!ltext_empty(&st->label))
		return false;
	for (l = 0; l < LANG_COUNT; l++) {
		if (st->text.s[l] != NULL && strstr(st->text.s[l], "{}") != NULL)
			return true;
	}
	return false;
}

long
catalog_find(const struct catalog *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (strcmp(c->v[i].id, id) == 0)
			return (long)i;
	}
	return -1;
}

long
catalog_find_slot(const struct catalog *c, unsigned slot)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (c->v[i].has_slot && c->v[i].slot == slot)
			return (long)i;
	}
	return -1;
}

static int
cmp_platform(const void *a, const void *b)
{
	const struct platform *pa = a, *pb = b;
	int r;

	if (pa->category != pb->category)
		return (int)pa->category - (int)pb->category;
	if ((r = strcasecmp(pa->name, pb->name)) != 0)
		return r;
	return strcmp(pa->id, pb->id);
}

void
catalog_sort(struct catalog *c)
{
	if (c->n > 1)
		qsort(c->v, c->n, sizeof c->v[0], cmp_platform);
}

bool
mechanism_needs_surfaces(enum mechanism m)
{
	return m == MECH_TOGGLE_OFF || m == MECH_TOGGLE_ON ||
	    m == MECH_FORM || m == MECH_ADMIN;
}

void
catalog_remove(struct catalog *c, size_t i)
{
	assert(c->texts == NULL);
	platform_free(&c->v[i]);
	memmove(&c->v[i], &c->v[i + 1], (c->n - i - 1) * sizeof c->v[0]);
	c->n--;
}

bool
platform_stale(const struct platform *p, int32_t today, int days)
{
	return days > 0 && today - p->verified > days;
}

int
platform_recheck_days(const struct platform *p)
{
	return p->recheck_days > 0 ? p->recheck_days : CATALOG_RECHECK_DAYS;
}

bool
platform_offers_letter(const struct platform *p)
{
	return p->mechanism == MECH_NONE || p->mechanism == MECH_EMAIL ||
	    p->mechanism == MECH_ADMIN || p->contact != NULL;
}

bool
platform_training_start(const struct platform *p, int32_t *out)
{
	size_t i;

	for (i = 0; i < p->nevents; i++) {
		if (p->events[i].kind == EVENT_TRAINING_START) {
			*out = p->events[i].date;
			return true;
		}
	}
	return false;
}

static void
keep(void *p)
{
	(void)p;
}

static void
lt_free(struct ltext *t, void (*text_free)(void *))
{
	int l;

	for (l = 0; l < LANG_COUNT; l++) {
		text_free(t->s[l]);
		t->s[l] = NULL;
	}
}

static void
lts_free(struct ltext *v, size_t n, void (*text_free)(void *))
{
	size_t i;

	for (i = 0; i < n; i++)
		lt_free(&v[i], text_free);
	free(v);
}

/* Frees what p owns, its strings through text_free: free, or keep for a
 * platform of a catalog read from the cache, whose strings are the
 * catalog's. */
static void
free_platform(struct platform *p, void (*text_free)(void *))
{
	size_t i, j;

	text_free(p->id);
	text_free(p->name);
	text_free(p->operator_name);
	lt_free(&p->summary, text_free);
	lt_free(&p->legal_basis, text_free);
	lt_free(&p->excluded, text_free);
	lt_free(&p->retroactivity, text_free);
	lts_free(p->caveats, p->ncaveats, text_free);
	lts_free(p->uncertain, p->nuncertain, text_free);
	lts_free(p->alternatives, p->nalternatives, text_free);
	for (i = 0; i < p->nevents; i++)
		lt_free(&p->events[i].what, text_free);
	free(p->events);
	lt_free(&p->org_note, text_free);
	if (p->form != NULL) {
		lt_free(&p->form->name, text_free);
		text_free(p->form->url);
		lt_free(&p->form->asks, text_free);
		lt_free(&p->form->purpose, text_free);
		free(p->form);
	}
	if (p->email != NULL) {
		text_free(p->email->address);
		lt_free(&p->email->who, text_free);
		lt_free(&p->email->subject, text_free);
		lt_free(&p->email->body, text_free);
		free(p->email);
	}
	if (p->contact != NULL) {
		text_free(p->contact->name);
		text_free(p->contact->email);
		text_free(p->contact->url);
		free(p->contact);
	}
	for (i = 0; i < p->nsurfaces; i++) {
		struct surface *s = &p->surfaces[i];

		text_free(s->url);
		lt_free(&s->search, text_free);
		for (j = 0; j < s->nsteps; j++) {
			lt_free(&s->steps[j].text, text_free);
			lt_free(&s->steps[j].label, text_free);
		}
		free(s->steps);
		lt_free(&s->final.label, text_free);
		lt_free(&s->final.state, text_free);
		lt_free(&s->final.after, text_free);
	}
	free(p->surfaces);
	for (i = 0; i < p->nsources; i++) {
		text_free(p->sources[i].url);
		text_free(p->sources[i].publisher);
		text_free(p->sources[i].date);
	}
	free(p->sources);
	text_free(p->file);
	memset(p, 0, sizeof *p);
}

void
platform_free(struct platform *p)
{
	free_platform(p, free);
}

void
catalog_free(struct catalog *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free_platform(&c->v[i], c->texts != NULL ? keep : free);
	free(c->v);
	free(c->texts);
	c->v = NULL;
	c->n = 0;
	c->texts = NULL;
}
