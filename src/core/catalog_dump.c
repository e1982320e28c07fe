/* catalog_dump.c: every field of a catalog as text, so that tests can
 * compare a parsed catalog with one read back from the cache. Only the
 * tests link it (it is alone in its object file). */
#include "config.h"

#include <stdlib.h>

#include "core/catalog_codec.h"
#include "core/xmalloc.h"

static void
str(struct buf *b, const char *path, const char *field, const char *s)
{
	if (s == NULL)
		buf_addf(b, "%s.%s = (none)\n", path, field);
	else
		buf_addf(b, "%s.%s = \"%s\"\n", path, field, s);
}

static void
num(struct buf *b, const char *path, const char *field, long v)
{
	buf_addf(b, "%s.%s = %ld\n", path, field, v);
}

static void
ltext(struct buf *b, const char *path, const char *field,
    const struct ltext *t)
{
	int l;

	for (l = 0; l < LANG_COUNT; l++) {
		char *f = xasprintf("%s.%s", field, lang_code(l));

		str(b, path, f, t->s[l]);
		free(f);
	}
}

static void
ltexts(struct buf *b, const char *path, const char *field,
    const struct ltext *v, size_t n)
{
	size_t i;

	num(b, path, field, (long)n);
	for (i = 0; i < n; i++) {
		char *f = xasprintf("%s[%zu]", field, i);

		ltext(b, path, f, &v[i]);
		free(f);
	}
}

static void
surface(struct buf *b, const char *path, const struct surface *s)
{
	size_t i;

	str(b, path, "kind", surface_code(s->kind));
	str(b, path, "url", s->url);
	ltext(b, path, "search", &s->search);
	num(b, path, "nsteps", (long)s->nsteps);
	for (i = 0; i < s->nsteps; i++) {
		char *sp = xasprintf("%s.steps[%zu]", path, i);

		ltext(b, sp, "text", &s->steps[i].text);
		ltext(b, sp, "label", &s->steps[i].label);
		num(b, sp, "menu", s->steps[i].menu);
		free(sp);
	}
	str(b, path, "final.action", action_code(s->final.action));
	ltext(b, path, "final.label", &s->final.label);
	ltext(b, path, "final.state", &s->final.state);
	ltext(b, path, "final.after", &s->final.after);
}

static void
platform(struct buf *b, const char *path, const struct platform *p)
{
	size_t i;
	char *sp;

	str(b, path, "id", p->id);
	num(b, path, "enabled", p->enabled);
	num(b, path, "has_slot", p->has_slot);
	num(b, path, "slot", (long)p->slot);
	num(b, path, "slot_line", p->slot_line);
	str(b, path, "name", p->name);
	str(b, path, "operator", p->operator_name);
	str(b, path, "category", category_code(p->category));
	num(b, path, "verified", (long)p->verified);
	num(b, path, "verified_line", p->verified_line);
	str(b, path, "mechanism", mechanism_code(p->mechanism));
	ltext(b, path, "summary", &p->summary);
	ltext(b, path, "legal_basis", &p->legal_basis);
	ltext(b, path, "excluded", &p->excluded);
	ltext(b, path, "retroactivity", &p->retroactivity);
	ltexts(b, path, "caveats", p->caveats, p->ncaveats);
	ltexts(b, path, "uncertain", p->uncertain, p->nuncertain);
	ltexts(b, path, "alternatives", p->alternatives, p->nalternatives);
	num(b, path, "nevents", (long)p->nevents);
	for (i = 0; i < p->nevents; i++) {
		sp = xasprintf("%s.events[%zu]", path, i);
		str(b, sp, "kind", event_code(p->events[i].kind));
		num(b, sp, "date", (long)p->events[i].date);
		ltext(b, sp, "what", &p->events[i].what);
		free(sp);
	}
	num(b, path, "org_can_object", p->org_can_object);
	ltext(b, path, "org_note", &p->org_note);
	num(b, path, "form", p->form != NULL);
	if (p->form != NULL) {
		ltext(b, path, "form.name", &p->form->name);
		str(b, path, "form.url", p->form->url);
		ltext(b, path, "form.asks", &p->form->asks);
		ltext(b, path, "form.purpose", &p->form->purpose);
		num(b, path, "form.confirmation", p->form->confirmation);
	}
	num(b, path, "email", p->email != NULL);
	if (p->email != NULL) {
		str(b, path, "email.address", p->email->address);
		ltext(b, path, "email.who", &p->email->who);
		ltext(b, path, "email.subject", &p->email->subject);
		ltext(b, path, "email.body", &p->email->body);
		num(b, path, "email.confirmation", p->email->confirmation);
	}
	num(b, path, "contact", p->contact != NULL);
	if (p->contact != NULL) {
		str(b, path, "contact.name", p->contact->name);
		str(b, path, "contact.email", p->contact->email);
		str(b, path, "contact.url", p->contact->url);
	}
	num(b, path, "recheck_days", p->recheck_days);
	num(b, path, "nsurfaces", (long)p->nsurfaces);
	for (i = 0; i < p->nsurfaces; i++) {
		sp = xasprintf("%s.surfaces[%zu]", path, i);
		surface(b, sp, &p->surfaces[i]);
		free(sp);
	}
	num(b, path, "nsources", (long)p->nsources);
	for (i = 0; i < p->nsources; i++) {
		sp = xasprintf("%s.sources[%zu]", path, i);
		str(b, sp, "url", p->sources[i].url);
		str(b, sp, "publisher", p->sources[i].publisher);
		str(b, sp, "date", p->sources[i].date);
		free(sp);
	}
	str(b, path, "file", p->file);
}

void
catalog_dump(const struct catalog *c, struct buf *out)
{
	size_t i;

	buf_addf(out, "platforms = %zu\n", c->n);
	for (i = 0; i < c->n; i++) {
		char *path = xasprintf("platform[%zu]", i);

		platform(out, path, &c->v[i]);
		free(path);
	}
}
