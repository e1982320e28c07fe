/* catalog_load.c: platform files into struct platform, checked against the
 * schema in docs/catalog.md. Every problem is reported, not just the first. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/xmalloc.h"
#include "store/cfgfile.h"
#include "store/store.h"

static const char *const top_keys[] = {
	"format", "enabled", "id", "slot", "name", "operator", "category", "verified",
	"mechanism", "summary", "legal_basis", "excluded", "retroactivity",
	"caveats", "uncertain", "alternatives", "events", "organisation",
	"form", "email", "contact", "recheck_days", "surfaces", "sources", NULL
};
static const char *const email_keys[] = {
	"address", "who", "subject", "body", "confirmation", NULL
};
static const char *const contact_keys[] = { "name", "email", "url", NULL };
static const char *const event_keys[] = { "kind", "date", "what", NULL };
static const char *const org_keys[] = { "can_object", "note", NULL };
static const char *const form_keys[] = {
	"name", "url", "asks", "confirmation", "purpose", NULL
};
static const char *const surface_keys[] = {
	"kind", "url", "search", "steps", "final", NULL
};
static const char *const step_keys[] = { "text", "label", "menu", NULL };
static const char *const final_keys[] = {
	"action", "label", "state", "after", NULL
};
static const char *const source_keys[] = { "url", "publisher", "date", NULL };

static char *
url_value(struct cfgctx *c, const config_setting_t *g, const char *key,
    bool required)
{
	char *u = cfg_string(c, g, key, required);

	if (u != NULL && !catalog_valid_url(u)) {
		diags_add(c->d, c->file, cfg_line(config_setting_get_member(g,
		    key)), false, "'%s' must be an address starting with "
		    "https:// (without spaces)", key);
		free(u);
		return NULL;
	}
	return u;
}

/* A string member whose value must be one of a set of codes. */
static bool
code_value(struct cfgctx *c, const config_setting_t *g, const char *key,
    bool (*parse)(const char *, int *), int *out, const char *allowed)
{
	char *s = cfg_string(c, g, key, true);
	bool ok;

	if (s == NULL)
		return false;
	if (!(ok = parse(s, out)))
		diags_add(c->d, c->file, cfg_line(config_setting_get_member(g,
		    key)), false, "'%s' must be one of %s, not \"%s\"", key,
		    allowed, s);
	free(s);
	return ok;
}

#define PARSER(name, type)						\
static bool								\
parse_##name(const char *s, int *out)					\
{									\
	type v;								\
									\
	if (!name##_from_code(s, &v))					\
		return false;						\
	*out = (int)v;							\
	return true;							\
}
PARSER(mechanism, enum mechanism)
PARSER(category, enum category)
PARSER(surface, enum surface_kind)
PARSER(action, enum final_action)
PARSER(event, enum event_kind)

static bool
date_value(struct cfgctx *c, const config_setting_t *g, const char *key,
    int32_t *out)
{
	char *s = cfg_string(c, g, key, true);
	bool ok;

	if (s == NULL)
		return false;
	if (!(ok = date_parse(s, out)))
		diags_add(c->d, c->file, cfg_line(config_setting_get_member(g,
		    key)), false, "'%s' must be a date (YYYY-MM-DD), not "
		    "\"%s\"", key, s);
	free(s);
	return ok;
}

/* Walks a list whose elements must be groups. */
static size_t
groups_of(struct cfgctx *c, const config_setting_t *list, const char *key)
{
	int i, n = config_setting_length(list);

	for (i = 0; i < n; i++) {
		const config_setting_t *e =
		    config_setting_get_elem(list, (unsigned int)i);

		if (!config_setting_is_group(e)) {
			diags_add(c->d, c->file, cfg_line(e), false,
			    "each element of '%s' must be a group { ... }", key);
			return 0;
		}
	}
	return (size_t)n;
}

static void
load_texts(struct cfgctx *c, const config_setting_t *root, const char *key,
    struct ltext **out, size_t *nout)
{
	static const char *const langs[] = { "de", "en", NULL };
	const config_setting_t *list = cfg_list(c, root, key, false), *e;
	size_t i, n;

	*out = NULL;
	*nout = 0;
	if (list == NULL || (n = groups_of(c, list, key)) == 0)
		return;
	*out = xcalloc(n, sizeof **out);
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(list, (unsigned int)i);
		cfg_check_keys(c, e, langs);
		for (int l = 0; l < LANG_COUNT; l++) {
			const config_setting_t *v =
			    config_setting_get_member(e, lang_code(l));

			if (v == NULL) {
				diags_add(c->d, c->file, cfg_line(e), false,
				    "an entry of '%s' has no '%s' text", key,
				    lang_code(l));
				continue;
			}
			if (config_setting_type(v) != CONFIG_TYPE_STRING) {
				diags_add(c->d, c->file, cfg_line(v), false,
				    "'%s' texts must be strings", key);
				continue;
			}
			/* re-use the checks of a single text */
			(*out)[i].s[l] = cfg_string(c, e, lang_code(l), true);
		}
	}
	*nout = n;
}

static void
load_events(struct cfgctx *c, const config_setting_t *root,
    struct platform *p)
{
	const config_setting_t *list = cfg_list(c, root, "events", false), *e;
	size_t i, n;
	int k;

	if (list == NULL || (n = groups_of(c, list, "events")) == 0)
		return;
	p->events = xcalloc(n, sizeof *p->events);
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(list, (unsigned int)i);
		cfg_check_keys(c, e, event_keys);
		if (code_value(c, e, "kind", parse_event, &k,
		    "announced, deadline, training_start"))
			p->events[i].kind = (enum event_kind)k;
		date_value(c, e, "date", &p->events[i].date);
		cfg_ltext(c, e, "what", true, false, &p->events[i].what);
	}
	p->nevents = n;
}

static void
load_form(struct cfgctx *c, const config_setting_t *root, struct platform *p)
{
	const config_setting_t *g = config_setting_get_member(root, "form");

	if (g == NULL)
		return;
	if (!config_setting_is_group(g)) {
		diags_add(c->d, c->file, cfg_line(g), false,
		    "'form' must be a group { ... }");
		return;
	}
	cfg_check_keys(c, g, form_keys);
	p->form = xcalloc(1, sizeof *p->form);
	cfg_ltext(c, g, "name", false, true, &p->form->name);
	p->form->url = url_value(c, g, "url", true);
	cfg_ltext(c, g, "asks", true, false, &p->form->asks);
	cfg_ltext(c, g, "purpose", false, false, &p->form->purpose);
	p->form->confirmation = cfg_bool(c, g, "confirmation", false);
}

static char *
address_value(struct cfgctx *c, const config_setting_t *g, const char *key,
    bool required)
{
	char *a = cfg_string(c, g, key, required);

	if (a != NULL && !catalog_valid_address(a)) {
		diags_add(c->d, c->file, cfg_line(config_setting_get_member(g,
		    key)), false, "'%s' must be an e-mail address such as "
		    "privacy@example.com", key);
		free(a);
		return NULL;
	}
	return a;
}

static const config_setting_t *
group_member(struct cfgctx *c, const config_setting_t *root, const char *key)
{
	const config_setting_t *g = config_setting_get_member(root, key);

	if (g != NULL && !config_setting_is_group(g)) {
		diags_add(c->d, c->file, cfg_line(g), false,
		    "'%s' must be a group { ... }", key);
		return NULL;
	}
	return g;
}

static void
load_email(struct cfgctx *c, const config_setting_t *root, struct platform *p)
{
	const config_setting_t *g = group_member(c, root, "email");

	if (g == NULL)
		return;
	cfg_check_keys(c, g, email_keys);
	p->email = xcalloc(1, sizeof *p->email);
	p->email->address = address_value(c, g, "address", true);
	cfg_ltext(c, g, "who", true, false, &p->email->who);
	cfg_ltext(c, g, "subject", true, false, &p->email->subject);
	cfg_ltext(c, g, "body", true, false, &p->email->body);
	p->email->confirmation = cfg_bool(c, g, "confirmation", false);
}

static void
load_contact(struct cfgctx *c, const config_setting_t *root,
    struct platform *p)
{
	const config_setting_t *g = group_member(c, root, "contact");

	if (g == NULL)
		return;
	cfg_check_keys(c, g, contact_keys);
	p->contact = xcalloc(1, sizeof *p->contact);
	p->contact->name = cfg_string(c, g, "name", true);
	p->contact->email = address_value(c, g, "email", false);
	p->contact->url = url_value(c, g, "url", false);
	if (config_setting_get_member(g, "email") == NULL &&
	    config_setting_get_member(g, "url") == NULL)
		diags_add(c->d, c->file, cfg_line(g), false, "'contact' needs "
		    "an 'email' or a 'url'");
}

static void
load_steps(struct cfgctx *c, const config_setting_t *g, struct surface *sf)
{
	const config_setting_t *list = cfg_list(c, g, "steps", true), *e;
	size_t i, n;

	if (list == NULL)
		return;
	if ((n = groups_of(c, list, "steps")) == 0) {
		if (config_setting_length(list) == 0)
			diags_add(c->d, c->file, cfg_line(list), false,
			    "'steps' must list at least one step");
		return;
	}
	sf->steps = xcalloc(n, sizeof *sf->steps);
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(list, (unsigned int)i);
		cfg_check_keys(c, e, step_keys);
		cfg_ltext(c, e, "text", true, false, &sf->steps[i].text);
		cfg_ltext(c, e, "label", false, true, &sf->steps[i].label);
		sf->steps[i].menu = cfg_bool(c, e, "menu", true);
		if (catalog_step_lacks_label(&sf->steps[i]))
			diags_add(c->d, c->file, cfg_line(e), false, "the "
			    "step's text has {} for a label, but the step has "
			    "no 'label'");
	}
	sf->nsteps = n;
}

static void
load_final(struct cfgctx *c, const config_setting_t *g, struct surface *sf)
{
	const config_setting_t *f = config_setting_get_member(g, "final");
	int k;

	if (f == NULL) {
		diags_add(c->d, c->file, cfg_line(g), false,
		    "missing required key 'final'");
		return;
	}
	if (!config_setting_is_group(f)) {
		diags_add(c->d, c->file, cfg_line(f), false,
		    "'final' must be a group { ... }");
		return;
	}
	cfg_check_keys(c, f, final_keys);
	if (code_value(c, f, "action", parse_action, &k,
	    "switch_off, switch_on, submit, choose"))
		sf->final.action = (enum final_action)k;
	cfg_ltext(c, f, "label", true, true, &sf->final.label);
	cfg_ltext(c, f, "state", false, true, &sf->final.state);
	cfg_ltext(c, f, "after", false, false, &sf->final.after);
}

static void
load_surfaces(struct cfgctx *c, const config_setting_t *root,
    struct platform *p)
{
	const config_setting_t *list, *e;
	size_t i, j, n;
	int k;

	list = cfg_list(c, root, "surfaces",
	    mechanism_needs_surfaces(p->mechanism));
	if (list == NULL)
		return;
	if ((n = groups_of(c, list, "surfaces")) == 0) {
		if (config_setting_length(list) == 0)
			diags_add(c->d, c->file, cfg_line(list), false,
			    "'surfaces' must list at least one surface");
		return;
	}
	p->surfaces = xcalloc(n, sizeof *p->surfaces);
	for (i = 0; i < n; i++) {
		struct surface *sf = &p->surfaces[i];

		e = config_setting_get_elem(list, (unsigned int)i);
		cfg_check_keys(c, e, surface_keys);
		if (code_value(c, e, "kind", parse_surface, &k,
		    "web, app, android, ios, desktop")) {
			sf->kind = (enum surface_kind)k;
			/* once per repeat, not once per earlier copy: that
			 * would be quadratic in a hostile file */
			for (j = 0; j < i; j++) {
				if (p->surfaces[j].kind == sf->kind) {
					diags_add(c->d, c->file, cfg_line(e),
					    false, "surface '%s' is listed "
					    "twice", surface_code(sf->kind));
					break;
				}
			}
		}
		sf->url = url_value(c, e, "url", false);
		cfg_ltext(c, e, "search", false, true, &sf->search);
		load_steps(c, e, sf);
		load_final(c, e, sf);
	}
	p->nsurfaces = n;
}

static void
load_sources(struct cfgctx *c, const config_setting_t *root,
    struct platform *p)
{
	const config_setting_t *list = cfg_list(c, root, "sources", true), *e;
	size_t i, n;

	if (list == NULL)
		return;
	if ((n = groups_of(c, list, "sources")) == 0) {
		if (config_setting_length(list) == 0)
			diags_add(c->d, c->file, cfg_line(list), false,
			    "'sources' must list at least one source");
		return;
	}
	p->sources = xcalloc(n, sizeof *p->sources);
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(list, (unsigned int)i);
		cfg_check_keys(c, e, source_keys);
		p->sources[i].url = url_value(c, e, "url", true);
		p->sources[i].publisher = cfg_string(c, e, "publisher", true);
		p->sources[i].date = cfg_string(c, e, "date", true);
		if (p->sources[i].date != NULL &&
		    !date_parse_loose(p->sources[i].date)) {
			diags_add(c->d, c->file, cfg_line(
			    config_setting_get_member(e, "date")), false,
			    "a source's 'date' must be YYYY-MM-DD, YYYY-MM, "
			    "YYYY or \"undated\"");
		}
	}
	p->nsources = n;
}

static void
check_id(struct cfgctx *c, const config_setting_t *root, const char *path,
    const char *id)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base != NULL ? base + 1 : path;
	n = strlen(base);
	if (!catalog_valid_id(id))
		diags_add(c->d, c->file, cfg_line(config_setting_get_member(
		    root, "id")), false, "'id' may use only a-z, 0-9 and _ "
		    "(at most 64 characters)");
	else if (n < 5 || strcmp(base + n - 4, ".cfg") != 0 ||
	    strncmp(base, id, n - 4) != 0 || strlen(id) != n - 4)
		diags_add(c->d, c->file, cfg_line(config_setting_get_member(
		    root, "id")), false, "'id' \"%s\" does not match the file "
		    "name %s: rename the file to %s.cfg or change the id", id,
		    base, id);
}

int
store_platform_load(const char *path, struct platform *p, struct diags *d)
{
	struct cfgctx c = { path, d };
	const config_setting_t *root, *m, *org;
	size_t before = d->nerrors;
	config_t cfg;
	int k;

	memset(p, 0, sizeof *p);
	if (cfgfile_parse(path, STORE_CATALOG_CAP, 0, &cfg, d) == -1)
		return -1;
	root = config_root_setting(&cfg);
	cfg_check_keys(&c, root, top_keys);
	p->enabled = cfg_bool(&c, root, "enabled", true);

	if ((m = config_setting_get_member(root, "format")) == NULL)
		diags_add(d, path, 0, false, "missing required key 'format'");
	else if (config_setting_type(m) != CONFIG_TYPE_INT ||
	    config_setting_get_int(m) != 1)
		diags_add(d, path, cfg_line(m), false, "'format' must be 1 "
		    "(this optout reads catalog format 1)");
	if ((p->id = cfg_string(&c, root, "id", true)) != NULL)
		check_id(&c, root, path, p->id);
	if ((m = config_setting_get_member(root, "slot")) != NULL) {
		if (config_setting_type(m) != CONFIG_TYPE_INT ||
		    config_setting_get_int(m) < 0 ||
		    config_setting_get_int(m) > CATALOG_SLOT_MAX)
			diags_add(d, path, cfg_line(m), false, "'slot' must be "
			    "a whole number from 0 to %d", CATALOG_SLOT_MAX);
		else {
			p->has_slot = true;
			p->slot = (unsigned)config_setting_get_int(m);
			p->slot_line = cfg_line(m);
		}
	}
	if (!p->enabled) {
		/* a file that only hides a platform needs nothing more */
		config_destroy(&cfg);
		goto done;
	}
	p->name = cfg_string(&c, root, "name", true);
	p->operator_name = cfg_string(&c, root, "operator", true);
	if (code_value(&c, root, "category", parse_category, &k, "social, "
	    "messenger, assistant, tools, publishing, other"))
		p->category = (enum category)k;
	if (date_value(&c, root, "verified", &p->verified))
		p->verified_line = cfg_line(config_setting_get_member(root,
		    "verified"));
	if (code_value(&c, root, "mechanism", parse_mechanism, &k,
	    "toggle_off, toggle_on, form, email, admin, none, not_needed"))
		p->mechanism = (enum mechanism)k;
	cfg_ltext(&c, root, "summary", true, false, &p->summary);
	cfg_ltext(&c, root, "legal_basis", true, false, &p->legal_basis);
	cfg_ltext(&c, root, "excluded", false, false, &p->excluded);
	cfg_ltext(&c, root, "retroactivity", true, false, &p->retroactivity);
	load_texts(&c, root, "caveats", &p->caveats, &p->ncaveats);
	load_texts(&c, root, "uncertain", &p->uncertain, &p->nuncertain);
	load_texts(&c, root, "alternatives", &p->alternatives,
	    &p->nalternatives);
	if (p->mechanism == MECH_NONE && p->nalternatives == 0 &&
	    config_setting_get_member(root, "alternatives") == NULL)
		diags_add(d, path, 0, false, "mechanism \"none\" needs "
		    "'alternatives': what a person can still do");
	load_events(&c, root, p);
	if ((org = config_setting_get_member(root, "organisation")) == NULL)
		diags_add(d, path, 0, false,
		    "missing required key 'organisation'");
	else if (!config_setting_is_group(org))
		diags_add(d, path, cfg_line(org), false,
		    "'organisation' must be a group { ... }");
	else {
		cfg_check_keys(&c, org, org_keys);
		if (config_setting_get_member(org, "can_object") == NULL)
			diags_add(d, path, cfg_line(org), false,
			    "missing required key 'can_object'");
		p->org_can_object = cfg_bool(&c, org, "can_object", false);
		cfg_ltext(&c, org, "note", true, false, &p->org_note);
	}
	load_form(&c, root, p);
	if (p->mechanism == MECH_FORM && p->form == NULL &&
	    config_setting_get_member(root, "form") == NULL)
		diags_add(d, path, 0, false, "mechanism \"form\" needs a "
		    "'form' group");
	load_email(&c, root, p);
	if (p->mechanism == MECH_EMAIL && p->email == NULL &&
	    config_setting_get_member(root, "email") == NULL)
		diags_add(d, path, 0, false, "mechanism \"email\" needs an "
		    "'email' group");
	load_contact(&c, root, p);
	if ((m = config_setting_get_member(root, "recheck_days")) != NULL) {
		if (config_setting_type(m) != CONFIG_TYPE_INT ||
		    config_setting_get_int(m) < 1 ||
		    config_setting_get_int(m) > 3650)
			diags_add(d, path, cfg_line(m), false, "'recheck_days' "
			    "must be a whole number of days from 1 to 3650");
		else
			p->recheck_days = config_setting_get_int(m);
	}
	load_surfaces(&c, root, p);
	load_sources(&c, root, p);
	config_destroy(&cfg);
done:
	if (d->nerrors > before) {
		platform_free(p);
		return -1;
	}
	p->file = xstrdup(path);
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
store_catalog_list(const char *dir, char ***names, size_t *n)
{
	struct dirent *de;
	size_t len;
	DIR *dp;

	*names = NULL;
	*n = 0;
	if ((dp = opendir(dir)) == NULL)
		return -1;
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 5 ||
		    strcmp(de->d_name + len - 4, ".cfg") != 0)
			continue;
		*names = xreallocarray(*names, *n + 1, sizeof **names);
		(*names)[(*n)++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (*n > 1)
		qsort(*names, *n, sizeof **names, cmp_str);
	return 0;
}

static void
append_diags(struct diags *d, const struct diags *from, bool as_warning)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		diags_add(d, from->v[i].file, from->v[i].line,
		    as_warning || from->v[i].warning, "%s", from->v[i].msg);
}

static void
check_age(const struct platform *p, const struct catalog_check *chk,
    struct diags *d)
{
	int32_t age;

	if (chk == NULL || chk->stale_days <= 0 || !p->enabled)
		return;
	age = chk->today - p->verified;
	if (age > chk->stale_days)
		diags_add(d, p->file, p->verified_line, true, "'verified' is "
		    "%ld days old (more than %d): check the steps against the "
		    "platform, then update the date", (long)age,
		    chk->stale_days);
}

/* A slot already taken by another platform: resume codes would mix them up.
 * Returns that platform, or NULL. */
static const struct platform *
slot_taken(const struct catalog *cat, const struct platform *p)
{
	long i;

	if (!p->has_slot || (i = catalog_find_slot(cat, p->slot)) < 0 ||
	    strcmp(cat->v[i].id, p->id) == 0)
		return NULL;
	return &cat->v[i];
}

/* Puts p into the catalog: replaces the same id, or adds it; a disabled
 * p removes the id. A replacement without a slot keeps the slot of the
 * platform it replaces. */
static void
merge(struct catalog *cat, struct platform *p)
{
	long i = catalog_find(cat, p->id);

	if (i >= 0 && !p->has_slot && cat->v[i].has_slot) {
		p->has_slot = true;
		p->slot = cat->v[i].slot;
	}
	if (!p->enabled) {
		if (i >= 0)
			catalog_remove(cat, (size_t)i);
		platform_free(p);
	} else if (i >= 0) {
		platform_free(&cat->v[i]);
		cat->v[i] = *p;
	} else {
		cat->v = xreallocarray(cat->v, cat->n + 1, sizeof *cat->v);
		cat->v[cat->n++] = *p;
	}
}

/* One layer. In the first, every problem is an error; in later ones a
 * broken file is a warning and the platform keeps its earlier version,
 * unless strict (the validator). */
static void
load_layer(const char *dir, bool first, bool strict,
    struct catalog_check *chk, struct catalog *cat, struct diags *d)
{
	char **names, *path, *id;
	size_t nnames, i, k;
	struct diags fd;
	struct platform p;
	const struct platform *other;
	struct catalog here = { NULL, 0, NULL };	/* ids seen in this layer */
	bool hard = first || strict;
	long k2;

	if (store_catalog_list(dir, &names, &nnames) == -1) {
		if (first || errno != ENOENT)
			diags_add(d, dir, 0, !hard, "cannot open the catalog "
			    "directory: %s", strerror(errno));
		return;
	}
	for (i = 0; i < nnames; i++) {
		path = xasprintf("%s/%s", dir, names[i]);
		memset(&fd, 0, sizeof fd);
		if (chk != NULL)
			chk->nfiles++;
		if (store_platform_load(path, &p, &fd) == 0 &&
		    catalog_find(&here, p.id) >= 0) {
			diags_add(&fd, path, 0, false, "id \"%s\" is already "
			    "used by another file in %s", p.id, dir);
			platform_free(&p);
		} else if (fd.nerrors == 0 && (other = slot_taken(cat, &p)) !=
		    NULL) {
			diags_add(&fd, path, p.slot_line, false, "slot %u is "
			    "already used by \"%s\" (%s); give this platform an "
			    "unused slot", p.slot, other->id, other->file);
			platform_free(&p);
		}
		append_diags(d, &fd, !hard);
		if (fd.nerrors == 0) {
			check_age(&p, chk, d);
			/* remember the id for the duplicate check */
			here.v = xreallocarray(here.v, here.n + 1,
			    sizeof *here.v);
			memset(&here.v[here.n], 0, sizeof here.v[0]);
			here.v[here.n++].id = xstrdup(p.id);
			merge(cat, &p);
			k2 = catalog_find(cat, here.v[here.n - 1].id);
			if (strict && k2 >= 0 && !cat->v[k2].has_slot)
				diags_add(d, path, 0, true, "no 'slot': this "
				    "platform cannot be carried in resume codes "
				    "(give it an unused slot, see docs/catalog.md)");
		} else if (!hard) {
			k = strlen(names[i]) - 4;
			id = xstrndup(names[i], k);
			diags_add(d, path, 0, true, catalog_find(cat, id) >= 0 ?
			    "this file has errors, so the earlier version of "
			    "\"%s\" is used" : "this file has errors, so "
			    "\"%s\" is left out", id);
			free(id);
		}
		diags_free(&fd);
		free(path);
		free(names[i]);
	}
	free(names);
	catalog_free(&here);
}

int
store_catalog_load_layers(const char *const *dirs, size_t ndirs, bool strict,
    struct catalog_check *chk, struct catalog *cat, struct diags *d)
{
	size_t before = d->nerrors, i;

	memset(cat, 0, sizeof *cat);
	for (i = 0; i < ndirs; i++) {
		load_layer(dirs[i], i == 0, strict, chk, cat, d);
		if (i == 0 && d->nerrors > before)
			break;	/* a broken base: stop, name the files */
	}
	if (cat->n == 0 && d->nerrors == before)
		diags_add(d, dirs[0], 0, false, "no platform files (*.cfg) in "
		    "the catalog directory");
	if (d->nerrors > before) {
		catalog_free(cat);
		return -1;
	}
	catalog_sort(cat);
	return 0;
}

int
store_catalog_load(const char *dir, struct catalog *cat, struct diags *d)
{
	return store_catalog_load_layers(&dir, 1, true, NULL, cat, d);
}
