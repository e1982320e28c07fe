/* catalog.c: names of the catalog's enumerations, lookup, freeing. */
#include "config.h"

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
ltexts_free(struct ltext *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		ltext_free(&v[i]);
	free(v);
}

void
platform_free(struct platform *p)
{
	size_t i, j;

	free(p->id);
	free(p->name);
	free(p->operator_name);
	ltext_free(&p->summary);
	ltext_free(&p->legal_basis);
	ltext_free(&p->excluded);
	ltext_free(&p->retroactivity);
	ltexts_free(p->caveats, p->ncaveats);
	ltexts_free(p->uncertain, p->nuncertain);
	ltexts_free(p->alternatives, p->nalternatives);
	for (i = 0; i < p->nevents; i++)
		ltext_free(&p->events[i].what);
	free(p->events);
	ltext_free(&p->org_note);
	if (p->form != NULL) {
		ltext_free(&p->form->name);
		free(p->form->url);
		ltext_free(&p->form->asks);
		ltext_free(&p->form->purpose);
		free(p->form);
	}
	if (p->email != NULL) {
		free(p->email->address);
		ltext_free(&p->email->who);
		ltext_free(&p->email->subject);
		ltext_free(&p->email->body);
		free(p->email);
	}
	if (p->contact != NULL) {
		free(p->contact->name);
		free(p->contact->email);
		free(p->contact->url);
		free(p->contact);
	}
	for (i = 0; i < p->nsurfaces; i++) {
		struct surface *s = &p->surfaces[i];

		free(s->url);
		ltext_free(&s->search);
		for (j = 0; j < s->nsteps; j++) {
			ltext_free(&s->steps[j].text);
			ltext_free(&s->steps[j].label);
		}
		free(s->steps);
		ltext_free(&s->final.label);
		ltext_free(&s->final.state);
		ltext_free(&s->final.after);
	}
	free(p->surfaces);
	for (i = 0; i < p->nsources; i++) {
		free(p->sources[i].url);
		free(p->sources[i].publisher);
		free(p->sources[i].date);
	}
	free(p->sources);
	free(p->file);
	memset(p, 0, sizeof *p);
}

void
catalog_free(struct catalog *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		platform_free(&c->v[i]);
	free(c->v);
	c->v = NULL;
	c->n = 0;
}
