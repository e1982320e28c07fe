/* lang.c: language codes and two-language texts. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/lang.h"

static const char *const lang_codes[LANG_COUNT] = { "de", "en" };
static const char *const labels_codes[LABELS_COUNT] = {
	"unset", "wizard", "de", "en"
};

bool
code_find(const char *const *codes, int n, const char *s, int *out)
{
	int i;

	for (i = 0; i < n; i++) {
		if (strcmp(codes[i], s) == 0) {
			*out = i;
			return true;
		}
	}
	return false;
}

const char *
lang_code(enum lang l)
{
	return lang_codes[l];
}

bool
lang_from_code(const char *s, enum lang *out)
{
	int i;

	if (!code_find(lang_codes, LANG_COUNT, s, &i))
		return false;
	*out = (enum lang)i;
	return true;
}

const char *
labels_code(enum labels l)
{
	return labels_codes[l];
}

bool
labels_from_code(const char *s, enum labels *out)
{
	int i;

	if (!code_find(labels_codes, LABELS_COUNT, s, &i))
		return false;
	*out = (enum labels)i;
	return true;
}

enum labels
labels_of_lang(enum lang l)
{
	return l == LANG_DE ? LABELS_DE : LABELS_EN;
}

enum lang
labels_lang(enum labels l, enum lang wizard)
{
	switch (l) {
	case LABELS_DE:
		return LANG_DE;
	case LABELS_EN:
		return LANG_EN;
	default:
		return wizard;
	}
}

enum lang
lang_from_locale(const char *s)
{
	if (s != NULL && s[0] == 'd' && s[1] == 'e' &&
	    (s[2] == '\0' || s[2] == '_' || s[2] == '.' || s[2] == '@' ||
	    s[2] == ':'))
		return LANG_DE;
	return LANG_EN;
}

const char *
ltext_get(const struct ltext *t, enum lang l)
{
	return t->s[l];
}

const char *
ltext_get_any(const struct ltext *t, enum lang l, bool *fallback)
{
	int i;

	if (fallback != NULL)
		*fallback = false;
	if (t->s[l] != NULL)
		return t->s[l];
	for (i = 0; i < LANG_COUNT; i++) {
		if (t->s[i] != NULL) {
			if (fallback != NULL)
				*fallback = true;
			return t->s[i];
		}
	}
	return NULL;
}

bool
ltext_empty(const struct ltext *t)
{
	int i;

	for (i = 0; i < LANG_COUNT; i++) {
		if (t->s[i] != NULL)
			return false;
	}
	return true;
}

void
ltext_free(struct ltext *t)
{
	int i;

	for (i = 0; i < LANG_COUNT; i++) {
		free(t->s[i]);
		t->s[i] = NULL;
	}
}
