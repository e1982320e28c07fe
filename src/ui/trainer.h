/* trainer.h: the trainer's console (optout --trainer NAME).
 * A live view of the workshop's room at 80x24: seats by number, for each
 * platform how many seats read the explanation, follow the steps, are
 * done or ask for help, who raised a hand, who is idle or gone; and the
 * keys to send a message or a pause to every seat. It never shows a name
 * or anything a participant typed: seats carry none. */
#ifndef OPTOUT_TRAINER_H
#define OPTOUT_TRAINER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/catalog.h"
#include "core/lang.h"
#include "core/workshop.h"
#include "sys/roomdir.h"

#define TRAINER_MIN_COLS	60
#define TRAINER_MIN_LINES	16
#define TRAINER_REFRESH_MS	400	/* a raised hand shows within 1 s */

struct trainer_config {
	const struct workshop	*ws;
	const struct catalog	*cat;	/* the platforms' names */
	bool			 utf8;
	size_t			 cleaned; /* rooms of ended consoles removed */
	enum lang		 lang;	/* at the start; d and e switch it */
};

/* Runs the console on an open room until the trainer ends the workshop
 * (returns 0), a signal asks to leave (the signal number) or the terminal
 * goes away (-1). The caller removes the room afterwards, in every case. */
int	 trainer_run(struct roomdir *, const struct trainer_config *);

#endif
