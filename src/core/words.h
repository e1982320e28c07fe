/* words.h: the sentences the wizard composes from catalog facts.
 * Shared by every front end (and later the receipt), so that a platform's
 * final action or the non-retroactivity sentence reads the same everywhere.
 * Every function returns an owned string in the current gettext language. */
#ifndef OPTOUT_WORDS_H
#define OPTOUT_WORDS_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "core/catalog.h"
#include "core/progress.h"

/* What an objection made on `today` can and cannot do. */
char	*words_retro(const struct platform *, int32_t today, enum lang);

/* The same for a receipt, after an objection made on `day`: what it
 * protects, and that what was used before stays in the model. */
char	*words_retro_objected(const struct platform *, int32_t day, enum lang);

/* A label in the platform's own words, quoted for the wizard language;
 * *fallback is set when the label exists only in another language. */
char	*words_label(const struct ltext *, enum lang wiz, enum lang ui,
	     bool *fallback);
/* One step: our instruction with the quoted platform label. */
char	*words_step(const struct step *, enum lang wiz, enum lang ui,
	     bool *fallback);
/* The final action, never just "toggle": says which state objects. */
char	*words_final(const struct final *, enum lang wiz, enum lang ui,
	     bool *fallback);
/* "A → B → C" from the menu labels of the steps, or NULL if none. */
char	*words_breadcrumb(const struct surface *, enum lang ui, bool utf8_arrow,
	     bool *fallback);

const char	*words_surface(enum surface_kind);
const char	*words_category(enum category);
const char	*words_status(enum status);
/* "done, 22.11.2026" and the like, for lists. */
char	*words_status_detail(const struct record *, enum lang, bool with_time);
/* The same in the platform's terms (an e-mail is "sent", not a form). */
const char *words_platform_status(const struct platform *, enum status);
char	*words_platform_status_detail(const struct platform *,
	     const struct record *, enum lang, bool with_time);

#endif
