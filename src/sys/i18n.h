/* i18n.h: the locale, the terminal's character set and gettext's language.
 * optout's language is independent of which locales the host has: German
 * works in C.UTF-8 too, and text falls back to ASCII where the terminal's
 * character set is not UTF-8. */
#ifndef OPTOUT_I18N_H
#define OPTOUT_I18N_H

#include <stdbool.h>

#include "core/lang.h"

struct locale_info {
	bool		 utf8;		/* the terminal takes UTF-8 */
	enum lang	 lang;		/* guessed from the environment */
	bool		 fell_back;	/* the requested locale is missing */
};

void	 i18n_init(const char *localedir, struct locale_info *);
void	 i18n_set_lang(enum lang);

#endif
