/* receipt.h: the take-home record ("Quittung") of what a person did.
 * Built from the catalog, the progress and what was typed on screen, as
 * plain text (printable, at most 80 columns), Markdown, JSON (versioned,
 * docs/receipt-schema.json) or blocks for the screen. See docs/receipt.md. */
#ifndef OPTOUT_RECEIPT_H
#define OPTOUT_RECEIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/catalog.h"
#include "core/progress.h"
#include "core/view.h"

#define RECEIPT_VERSION	1	/* "version" in the JSON; see the schema */
#define RECEIPT_WIDTH	78	/* text lines; fits 80 columns and paper */
#define TAKEHOME_FIELD	128	/* bytes, with the NUL */

enum receipt_format {
	RECEIPT_TEXT,
	RECEIPT_MARKDOWN,
	RECEIPT_JSON,
	RECEIPT_FORMAT_COUNT
};

/* What a person types on screen for the take-home papers. It lives in
 * memory only and is never written to the state file. */
struct takehome {
	char	 name[TAKEHOME_FIELD];		/* for letters */
	char	 email[TAKEHOME_FIELD];
	char	 org_name[TAKEHOME_FIELD];	/* for the receipt */
	char	 org_account[TAKEHOME_FIELD];
	size_t	*letters;	/* owned: catalog indices, in order written */
	size_t	 nletters;
};

struct receipt_input {
	const struct catalog	*cat;
	const struct progress	*prog;
	const struct takehome	*th;		/* or NULL */
	time_t			 now;
	enum lang		 lang;		/* gettext is set to it */
	char			*resume_code;	/* owned, or NULL: nothing to
						   carry (core/resume.h) */
};

const char	*receipt_format_code(enum receipt_format);	/* "text" */
bool		 receipt_format_from_code(const char *, enum receipt_format *);

void	 takehome_add_letter(struct takehome *, size_t platform);
/* Forgets everything typed; the memory is overwritten. */
void	 takehome_clear(struct takehome *);

/* Fills the input, with the session's resume code; free it with
 * receipt_input_free(). */
void	 receipt_input_init(struct receipt_input *, const struct catalog *,
	     const struct progress *, const struct takehome *, time_t now,
	     enum lang);
void	 receipt_input_free(struct receipt_input *);
/* The receipt in a format; owned. */
char	*receipt_format(const struct receipt_input *, enum receipt_format);
/* The receipt as blocks added to a view, for the screen. */
void	 receipt_view(const struct receipt_input *, struct view *);

#endif
