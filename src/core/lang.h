/* lang.h: the two languages of the wizard and texts given in both.
 * gettext translates optout's own messages; catalog texts carry both
 * languages themselves (struct ltext). */
#ifndef OPTOUT_LANG_H
#define OPTOUT_LANG_H

#include <stdbool.h>
#include <libintl.h>

#define _(s)		gettext(s)
#define N_(s)		(s)

enum lang {
	LANG_DE,
	LANG_EN,
	LANG_COUNT
};

/* The language of the platforms' own words (menu labels, buttons), which
 * may differ from the wizard's: "my LinkedIn is in English". */
enum labels {
	LABELS_UNSET,		/* nothing chosen: the next setting decides */
	LABELS_WIZARD,		/* in the wizard's language */
	LABELS_DE,
	LABELS_EN,
	LABELS_COUNT
};

/* One text in every language; a NULL entry is missing. Owns its strings. */
struct ltext {
	char	*s[LANG_COUNT];
};

/* Index of s in codes[0..n-1]; the enumerations' names use it. */
bool		 code_find(const char *const *codes, int n, const char *s,
		     int *out);

/* name_code() and name_from_code() for an enumeration and its names. */
#define CODE_FUNCS(name, type, codes, count)				\
const char *								\
name##_code(type v)							\
{									\
	return codes[v];						\
}									\
bool									\
name##_from_code(const char *s, type *out)				\
{									\
	int i;								\
									\
	if (!code_find(codes, count, s, &i))				\
		return false;						\
	*out = (type)i;							\
	return true;							\
}

const char	*lang_code(enum lang);		/* "de", "en" */
bool		 lang_from_code(const char *, enum lang *);
/* "unset", "wizard", "de", "en" */
const char	*labels_code(enum labels);
bool		 labels_from_code(const char *, enum labels *);
/* The choice for one language, and the language a choice shows; unset
 * and "wizard" follow the wizard's language. */
enum labels	 labels_of_lang(enum lang);
enum lang	 labels_lang(enum labels, enum lang wizard);

/* Guesses the language from a locale name such as "de_DE.UTF-8". */
enum lang	 lang_from_locale(const char *);

/* The text in lang, or NULL. */
const char	*ltext_get(const struct ltext *, enum lang);
/* The text in lang, or in the other language if lang is missing (then
 * *fallback is set), or NULL if the text is absent. */
const char	*ltext_get_any(const struct ltext *, enum lang, bool *fallback);
bool		 ltext_empty(const struct ltext *);
void		 ltext_free(struct ltext *);

#endif
