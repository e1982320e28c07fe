/* help.h: help and its pages: every key, the words explained (glossary)
 * and the self-check of the display. Views like the flow's screens. */
#ifndef OPTOUT_HELP_H
#define OPTOUT_HELP_H

#include "core/view.h"
#include "core/wizard.h"

/* Help's choices, in the order shown; Enter on the first goes back. */
enum help_item {
	HELP_BACK,
	HELP_KEYS,
	HELP_GLOSSARY,
	HELP_SELFCHECK,
	HELP_LABELS,	/* the language of every platform's words */
	HELP_COUNT
};

void		 help_view(const struct wizard *, struct view *);
void		 help_view_keys(const struct wizard *, struct view *);
void		 help_view_glossary(const struct wizard *, struct view *);
void		 help_view_selfcheck(const struct wizard *, struct view *);
/* The next setting when the person chooses HELP_LABELS: as the wizard,
 * German, English, and round again. */
enum labels	 help_next_labels(enum labels);

#endif
