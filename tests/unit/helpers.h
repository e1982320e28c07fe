/* helpers.h: small helpers shared by the unit test programs.
 * Header-only (static inline), so each test program takes what it uses. */
#ifndef OPTOUT_TEST_HELPERS_H
#define OPTOUT_TEST_HELPERS_H

#include <stdbool.h>
#include <string.h>

#include "core/lang.h"
#include "core/view.h"
#include "core/xmalloc.h"

/* A text in both languages; NULL leaves one out. */
static inline struct ltext
lt(const char *de, const char *en)
{
	struct ltext t;

	memset(&t, 0, sizeof t);
	if (de != NULL)
		t.s[LANG_DE] = xstrdup(de);
	if (en != NULL)
		t.s[LANG_EN] = xstrdup(en);
	return t;
}

/* Some text block of the view contains needle. */
static inline bool
view_mentions(const struct view *v, const char *needle)
{
	size_t i;

	for (i = 0; i < v->nblocks; i++) {
		if (strstr(v->blocks[i].text, needle) != NULL)
			return true;
	}
	return false;
}

#endif
