/* settings.h: what an administrator can set in optout.cfg.
 * Plain values with their defaults; store/ reads them from files. */
#ifndef OPTOUT_SETTINGS_H
#define OPTOUT_SETTINGS_H

#include <stdbool.h>
#include <stdlib.h>

#include "core/lang.h"

#define SETTINGS_STALE_DAYS	180
#define SETTINGS_IDLE		180	/* seconds without a key in a kiosk */
#define SETTINGS_IDLE_WARNING	30	/* seconds of countdown before wiping */

struct settings {
	int	stale_days;	/* "verified" older than this: possibly outdated */
	bool	kiosk;		/* run as a kiosk even without --kiosk */
	int	idle_seconds;
	int	idle_warning_seconds;
	char  **print_command;	/* owned, NULL-ended argv; NULL: none */
	enum labels labels;	/* the platforms' words; unset: as the wizard */
};

static inline void
settings_defaults(struct settings *s)
{
	s->stale_days = SETTINGS_STALE_DAYS;
	s->kiosk = false;
	s->idle_seconds = SETTINGS_IDLE;
	s->idle_warning_seconds = SETTINGS_IDLE_WARNING;
	s->print_command = NULL;
	s->labels = LABELS_UNSET;
}

static inline void
settings_free(struct settings *s)
{
	size_t i;

	for (i = 0; s->print_command != NULL && s->print_command[i] != NULL;
	    i++)
		free(s->print_command[i]);
	free(s->print_command);
	s->print_command = NULL;
}

#endif
