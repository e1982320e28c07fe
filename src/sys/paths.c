/* paths.c: catalog, message and state locations. */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/lang.h"
#include "core/xmalloc.h"
#include "sys/paths.h"

/* True when this process is the binary in the build directory. */
static bool
uninstalled(void)
{
	static int cached = -1;
	char exe[PATH_MAX], *real_build, *slash;
	ssize_t n;

	if (cached != -1)
		return cached;
	cached = 0;
	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0)
		return false;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return false;
	*slash = '\0';
	if ((real_build = realpath(OPTOUT_BUILDDIR, NULL)) == NULL)
		return false;
	cached = strcmp(real_build, exe) == 0 &&
	    access(OPTOUT_SRCDIR "/config/platforms", R_OK) == 0;
	free(real_build);
	return cached;
}

char *
paths_catalog_dir(void)
{
	if (uninstalled())
		return xstrdup(OPTOUT_SRCDIR "/config/platforms");
	return xstrdup(PKGDATADIR "/platforms");
}

char *
paths_locale_dir(void)
{
	if (uninstalled())
		return xstrdup(OPTOUT_BUILDDIR "/po/locale");
	return xstrdup(LOCALEDIR);
}

/* $VAR/optout/NAME if VAR is an absolute path, else ~/DFLT/optout/NAME;
 * NULL without a home. */
static char *
xdg_file(const char *var, const char *dflt, const char *name)
{
	const char *xdg = getenv(var), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/optout/%s", xdg, name);
	if (home != NULL && home[0] == '/')
		return xasprintf("%s/%s/optout/%s", home, dflt, name);
	return NULL;
}

char *
paths_user_config(const char *name)
{
	return xdg_file("XDG_CONFIG_HOME", ".config", name);
}

char *
paths_cache_file(const char *name)
{
	return xdg_file("XDG_CACHE_HOME", ".cache", name);
}

char *
paths_system_config(const char *name)
{
	return xasprintf("%s/optout/%s", SYSCONFDIR, name);
}

char *
paths_state_file(char **err)
{
	char *path = xdg_file("XDG_STATE_HOME", ".local/state",
	    "progress.cfg");

	if (path == NULL)
		*err = xstrdup(_("HOME is not set, so there is no place to "
		    "keep your progress"));
	return path;
}

char *
paths_receipt_file(const char *date, char **err)
{
	const char *home = getenv("HOME");

	if (home != NULL && home[0] == '/')
		return xasprintf("%s/optout-receipt-%s.txt", home, date);
	*err = xstrdup(_("HOME is not set, so there is no place for the "
	    "receipt"));
	return NULL;
}
