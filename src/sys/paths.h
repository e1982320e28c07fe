/* paths.h: where optout finds its catalog and messages and keeps progress.
 * A binary run from its build directory uses the source tree's catalog and
 * the freshly built translations, so `make && ./optout` works uninstalled;
 * an installed binary only ever uses the installed paths. */
#ifndef OPTOUT_PATHS_H
#define OPTOUT_PATHS_H

/* All return owned strings. */
char	*paths_catalog_dir(void);
char	*paths_locale_dir(void);
/* $XDG_STATE_HOME/optout/progress.cfg, or ~/.local/state/...; NULL with
 * *err when there is no usable home. */
char	*paths_state_file(char **err);
/* ~/optout-receipt-DATE.txt: a receipt goes where a person looks for
 * their own files, not into a hidden folder. NULL with *err without a
 * home. */
char	*paths_receipt_file(const char *date, char **err);
/* $XDG_CONFIG_HOME/optout/NAME, or ~/.config/optout/NAME; NULL without a
 * home. */
char	*paths_user_config(const char *name);
/* $XDG_CACHE_HOME/optout/NAME, or ~/.cache/optout/NAME; NULL without a
 * home. */
char	*paths_cache_file(const char *name);
/* $(sysconfdir)/optout/NAME. */
char	*paths_system_config(const char *name);

#endif
