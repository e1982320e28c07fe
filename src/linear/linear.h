/* linear.h: the linear front end, for screen readers, braille displays,
 * TERM=dumb and scripts. One question at a time as plain lines, numbered
 * choices, answers read line by line; no escape codes, no redraws. It
 * drives the same wizard as the full-screen front end. */
#ifndef OPTOUT_LINEAR_H
#define OPTOUT_LINEAR_H

#include <stdbool.h>
#include <stdio.h>

#include "core/wizard.h"
#include "ui/ui.h"

/* Runs the wizard until the person quits (0), a signal ends it (the
 * signal number), the input ends (0; everything is saved as made) or the
 * person asks for the full screen (UI_SWITCH). Glyphs follow
 * wizard_utf8(). */
int	 linear_run(struct wizard *, const struct ui_hooks *,
	     const struct ui_config *, FILE *in, FILE *out);

#endif
