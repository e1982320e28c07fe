/* i18n.c: locale set-up and switching gettext's language at run time. */
#include "config.h"

#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "sys/i18n.h"

static const char *
requested_messages_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *s;
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		if ((s = getenv(vars[i])) != NULL && *s != '\0')
			return s;
	}
	return NULL;
}

void
i18n_init(const char *localedir, struct locale_info *li)
{
	const char *req, *lm, *language;

	memset(li, 0, sizeof *li);
	if (setlocale(LC_ALL, "") == NULL) {
		/* LANG names a locale this host does not have. */
		li->fell_back = true;
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "C");
	}
	li->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;

	req = requested_messages_locale();
	language = getenv("LANGUAGE");
	if (language != NULL && *language != '\0' && req != NULL &&
	    strcmp(req, "C") != 0 && strcmp(req, "POSIX") != 0)
		li->lang = lang_from_locale(language);
	else
		li->lang = lang_from_locale(req);

	/* gettext translates nothing in the "C" locale, whatever LANGUAGE
	 * says; C.UTF-8 behaves the same otherwise and lets it translate. */
	lm = setlocale(LC_MESSAGES, NULL);
	if (lm == NULL || strcmp(lm, "C") == 0 || strcmp(lm, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");

	bindtextdomain(PACKAGE, localedir);
	/* Messages always arrive as UTF-8; the front end converts. */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	i18n_set_lang(li->lang);
}

void
i18n_set_lang(enum lang l)
{
	extern int _nl_msg_cat_cntr;

	/* The documented way to switch gettext's language in a running
	 * program: change LANGUAGE and invalidate the lookup cache. */
	setenv("LANGUAGE", lang_code(l), 1);
	++_nl_msg_cat_cntr;
}
