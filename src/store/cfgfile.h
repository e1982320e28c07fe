/* cfgfile.h: reading a libconfig file without libconfig 1.5's traps.
 * The file is read by us (regular file, size cap), checked for valid UTF-8,
 * @include lines and runaway nesting, and only then parsed from memory. */
#ifndef OPTOUT_CFGFILE_H
#define OPTOUT_CFGFILE_H

#include <libconfig.h>
#include <stdbool.h>

#include "core/diag.h"
#include "core/lang.h"

/* Parses path into cfg (initialised here; destroy it on success).
 * Returns 0, or -1 with the reason in diags (cfg then needs no destroy). */
int	 cfgfile_parse(const char *path, size_t cap, int read_flags,
	     config_t *cfg, struct diags *);

/* Schema helpers: each reports "file:line: ..." into diags. */
struct cfgctx {
	const char	*file;
	struct diags	*d;
};

int	 cfg_line(const config_setting_t *);
/* Reports members of group whose names are not in keys (NULL-ended). */
void	 cfg_check_keys(struct cfgctx *, const config_setting_t *,
	     const char *const *keys);
/* A sanitised copy of a string member; NULL if absent (and reported if
 * required) or wrong. */
char	*cfg_string(struct cfgctx *, const config_setting_t *, const char *key,
	     bool required);
/* A boolean member; def if absent. */
bool	 cfg_bool(struct cfgctx *, const config_setting_t *, const char *key,
	     bool def);
/* An int member from lo to hi, into *out; absent: *out stays; wrong:
 * reported, *out stays. */
void	 cfg_int(struct cfgctx *, const config_setting_t *, const char *key,
	     int lo, int hi, int *out);
/* A { de = ...; en = ...; } member. Wizard texts need both languages;
 * platform labels (labels == true) may lack "de". Returns false if absent
 * or wrong (reported when required or wrong). */
bool	 cfg_ltext(struct cfgctx *, const config_setting_t *, const char *key,
	     bool required, bool labels, struct ltext *);
/* A member that must be a list; NULL if absent (reported if required). */
config_setting_t *cfg_list(struct cfgctx *, const config_setting_t *,
	     const char *key, bool required);

#endif
