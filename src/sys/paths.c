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

char *
paths_user_config(const char *name)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/optout/%s", xdg, name);
	if (home != NULL && home[0] == '/')
		return xasprintf("%s/.config/optout/%s", home, name);
	return NULL;
}

char *
paths_system_config(const char *name)
{
	return xasprintf("%s/optout/%s", SYSCONFDIR, name);
}

char *
paths_state_file(char **err)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/optout/progress.cfg", xdg);
	if (home != NULL && home[0] == '/')
		return xasprintf("%s/.local/state/optout/progress.cfg", home);
	*err = xstrdup(_("HOME is not set, so there is no place to keep "
	    "your progress"));
	return NULL;
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
