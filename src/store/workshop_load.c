/* workshop_load.c: the "workshops" group of optout.cfg or of a trainer's
 * own file, read with the same guards as the catalog. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xmalloc.h"
#include "store/cfgfile.h"
#include "store/store.h"

#define WORKSHOPS_CAP	(64 * 1024)

static const char *const workshop_keys[] = {
	"platforms", "add_platforms", "lang", "idle_minutes", NULL
};
static const char *const file_keys[] = { "workshops", NULL };

/* "platforms": the ids, in order, each once. */
static void
read_platforms(struct cfgctx *c, const config_setting_t *m,
    struct workshop *ws)
{
	const config_setting_t *e;
	const char *id;
	int i, n;

	if (!config_setting_is_array(m) && !config_setting_is_list(m)) {
		diags_add(c->d, c->file, cfg_line(m), false, "'platforms' "
		    "must be a list of platform ids: [ \"linkedin\", "
		    "\"facebook\" ]");
		return;
	}
	n = config_setting_length(m);
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(m, (unsigned int)i);
		if (config_setting_type(e) != CONFIG_TYPE_STRING ||
		    !catalog_valid_id(id = config_setting_get_string(e))) {
			diags_add(c->d, c->file, cfg_line(e) > 0 ?
			    cfg_line(e) : cfg_line(m), false, "'platforms' "
			    "must hold platform ids in double quotes (a-z, "
			    "0-9, _)");
			continue;
		}
		if (workshop_has_platform(ws, id))
			diags_add(c->d, c->file, cfg_line(m), false,
			    "'platforms' names '%s' twice", id);
		else
			workshop_add_platform(ws, id, cfg_line(e) > 0 ?
			    cfg_line(e) : cfg_line(m));
	}
	if (n == 0)
		diags_add(c->d, c->file, cfg_line(m), false, "'platforms' is "
		    "empty; leave it out to let participants choose");
}

static void
read_workshop(struct cfgctx *c, const config_setting_t *g,
    struct workshops *set)
{
	const char *name = config_setting_name(g);
	const config_setting_t *m;
	struct workshop ws;
	char *lang;

	if (!workshop_valid_name(name)) {
		diags_add(c->d, c->file, cfg_line(g), false, "workshop name "
		    "'%s': use a letter, then letters, digits, '-' or '_' "
		    "(at most %d)", name, WORKSHOP_NAME_MAX);
		return;
	}
	if (!config_setting_is_group(g)) {
		diags_add(c->d, c->file, cfg_line(g), false, "workshop '%s' "
		    "must be a group: %s = { platforms = [ ... ]; };", name,
		    name);
		return;
	}
	cfg_check_keys(c, g, workshop_keys);
	workshop_init(&ws, name);
	ws.file = xstrdup(c->file);
	ws.line = cfg_line(g);
	if ((m = config_setting_get_member(g, "platforms")) != NULL)
		read_platforms(c, m, &ws);
	/* with platforms, they are fixed unless add_platforms says not */
	ws.may_add = cfg_bool(c, g, "add_platforms", ws.nplatforms == 0);
	if ((lang = cfg_string(c, g, "lang", false)) != NULL) {
		if (lang_from_code(lang, &ws.lang))
			ws.has_lang = true;
		else
			diags_add(c->d, c->file, cfg_line(
			    config_setting_get_member(g, "lang")), false,
			    "'lang' must be \"de\" or \"en\"");
		free(lang);
	}
	cfg_int(c, g, "idle_minutes", 1, WORKSHOP_IDLE_MAX, &ws.idle_minutes);
	workshops_put(set, &ws);
}

int
store_workshops_load(const char *path, bool own_file, struct workshops *set,
    struct diags *d)
{
	struct cfgctx c = { path, d };
	const config_setting_t *root, *g;
	size_t before = d->nerrors;
	config_t cfg;
	int i, n;

	if (!own_file && access(path, F_OK) == -1 && errno == ENOENT)
		return 0;	/* no optout.cfg: no workshops from it */
	if (cfgfile_parse(path, WORKSHOPS_CAP, 0, &cfg, d) == -1)
		return -1;
	root = config_root_setting(&cfg);
	if (own_file)
		cfg_check_keys(&c, root, file_keys);
	if ((g = config_setting_get_member(root, "workshops")) != NULL) {
		if (!config_setting_is_group(g))
			diags_add(d, path, cfg_line(g), false, "'workshops' "
			    "must be a group: workshops = { NAME = { ... }; "
			    "};");
		else {
			n = config_setting_length(g);
			for (i = 0; i < n; i++)
				read_workshop(&c, config_setting_get_elem(g,
				    (unsigned int)i), set);
		}
	} else if (own_file)
		diags_add(d, path, 0, false, "no 'workshops' group: write "
		    "workshops = { NAME = { platforms = [ ... ]; }; };");
	config_destroy(&cfg);
	return d->nerrors > before ? -1 : 0;
}
