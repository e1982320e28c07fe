/* settings_load.c: optout.cfg, read with the same guards as the catalog. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "core/xmalloc.h"
#include "store/cfgfile.h"
#include "store/store.h"

#define SETTINGS_CAP	(64 * 1024)

static const char *const settings_keys[] = {
	"stale_after_days", "kiosk", "idle_seconds", "idle_warning_seconds",
	"print_command", "workshops", "labels", NULL
};

#define PRINT_WORDS_MAX	64

/* print_command = ["lp", "-o", "cpi=12"]: the program and its arguments,
 * run without a shell. An empty array means: no printing. */
static void
print_command(struct cfgctx *c, const config_setting_t *root,
    struct settings *s)
{
	const config_setting_t *m = config_setting_get_member(root,
	    "print_command"), *e;
	int i, n;
	char **argv;

	if (m == NULL)
		return;
	n = config_setting_length(m);
	if ((config_setting_type(m) != CONFIG_TYPE_ARRAY &&
	    config_setting_type(m) != CONFIG_TYPE_LIST) ||
	    n > PRINT_WORDS_MAX) {
		diags_add(c->d, c->file, cfg_line(m), false, "'print_command' "
		    "must be an array of strings, such as [\"lp\", \"-o\", "
		    "\"cpi=12\"] (at most %d)", PRINT_WORDS_MAX);
		return;
	}
	argv = xcalloc((size_t)n + 1, sizeof *argv);
	for (i = 0; i < n; i++) {
		e = config_setting_get_elem(m, (unsigned int)i);
		if (config_setting_type(e) != CONFIG_TYPE_STRING ||
		    (i == 0 && *config_setting_get_string(e) == '\0')) {
			diags_add(c->d, c->file, cfg_line(m), false,
			    "'print_command' must be an array of strings, "
			    "the first one naming the program");
			while (i > 0)
				free(argv[--i]);
			free(argv);
			return;
		}
		argv[i] = xstrdup(config_setting_get_string(e));
	}
	settings_free(s);
	if (n == 0)
		free(argv);
	else
		s->print_command = argv;
}

/* labels = "de" or "en": the platforms' own words in that language. */
static void
labels_setting(struct cfgctx *c, const config_setting_t *root,
    enum labels *out)
{
	const config_setting_t *m = config_setting_get_member(root, "labels");
	const char *s;

	if (m == NULL)
		return;
	if (config_setting_type(m) != CONFIG_TYPE_STRING ||
	    (s = config_setting_get_string(m)) == NULL ||
	    (strcmp(s, "de") != 0 && strcmp(s, "en") != 0)) {
		diags_add(c->d, c->file, cfg_line(m), false, "'labels' must be "
		    "\"de\" or \"en\" (the language of the platforms' own "
		    "words)");
		return;
	}
	*out = strcmp(s, "de") == 0 ? LABELS_DE : LABELS_EN;
}

int
store_settings_load(const char *path, struct settings *s, struct diags *d)
{
	struct cfgctx c = { path, d };
	const config_setting_t *root, *m;
	size_t before = d->nerrors;
	config_t cfg;

	if (access(path, F_OK) == -1 && errno == ENOENT)
		return 0;	/* no file: the defaults stand */
	if (cfgfile_parse(path, SETTINGS_CAP, 0, &cfg, d) == -1)
		return -1;
	root = config_root_setting(&cfg);
	cfg_check_keys(&c, root, settings_keys);
	if ((m = config_setting_get_member(root, "stale_after_days")) != NULL) {
		if (config_setting_type(m) != CONFIG_TYPE_INT ||
		    config_setting_get_int(m) < 0 ||
		    config_setting_get_int(m) > 3650)
			diags_add(d, path, cfg_line(m), false,
			    "'stale_after_days' must be a whole number of days "
			    "from 0 (never) to 3650");
		else
			s->stale_days = config_setting_get_int(m);
	}
	s->kiosk = cfg_bool(&c, root, "kiosk", s->kiosk);
	cfg_int(&c, root, "idle_seconds", 1, 86400, &s->idle_seconds);
	cfg_int(&c, root, "idle_warning_seconds", 1, 3600,
	    &s->idle_warning_seconds);
	print_command(&c, root, s);
	/* "workshops" is read by store_workshops_load */
	labels_setting(&c, root, &s->labels);
	config_destroy(&cfg);
	return d->nerrors > before ? -1 : 0;
}
