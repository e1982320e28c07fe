/* letter.h: a written objection (Art. 21 GDPR) to one platform's operator.
 * For platforms with nothing to switch, and on request for any other. The
 * name and e-mail address are only ever passed in, never kept. */
#ifndef OPTOUT_LETTER_H
#define OPTOUT_LETTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/catalog.h"

/* Where the letter goes: the catalog's contact, else the address of an
 * e-mail objection, else the objection form; uncertain when none is known
 * and the person must look in the platform's privacy policy. Borrowed from
 * the platform. */
struct letter_to {
	const char	*name;
	const char	*email;		/* or NULL */
	const char	*url;		/* or NULL */
	bool		 uncertain;
};

/* What the person typed; NULL or "" leaves a blank to fill in by hand. */
struct letter_from {
	const char	*name;
	const char	*email;
};

struct letter {
	struct letter_to to;
	char		**para;		/* owned: paragraphs; '\n' breaks lines */
	size_t		 n;
};

void	 letter_recipient(const struct platform *, struct letter_to *);
/* The letter in the current gettext language, dated `today`. */
void	 letter_build(struct letter *, const struct platform *,
	     const struct letter_from *, int32_t today, enum lang);
/* How to send it (or that the address is not certain); owned. */
char	*letter_how_to_send(const struct letter *, const struct platform *);
/* The paragraphs joined by blank lines; owned. */
char	*letter_text(const struct letter *);
void	 letter_free(struct letter *);

#endif
