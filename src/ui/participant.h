/* participant.h: a workshop participant's side of the room.
 * Called by both front ends after every key and about once a second: it
 * takes a seat when the trainer's console runs, tells the trainer where
 * the person is (only platform ids, stages and times), shows the
 * trainer's message or pause, and lets the person work on alone when the
 * console goes away. No curses here. */
#ifndef OPTOUT_PARTICIPANT_H
#define OPTOUT_PARTICIPANT_H

#include <stdbool.h>
#include <time.h>

#include "core/wizard.h"
#include "sys/roomdir.h"

struct participant {
	struct roomdir	 room;
	char		*name;		/* owned: the workshop */
	unsigned	 seat;		/* 0: not in the room */
	char		*last;		/* owned: the seat file last written */
	double		 last_write;	/* monotonic seconds */
	double		 last_try;	/* the last attempt to join */
	time_t		 active;	/* the last key (wall clock) */
	unsigned long	 seen;		/* the last broadcast shown */
	long		 pid;
	unsigned long long start;
};

void	 participant_init(struct participant *, const char *name);
/* The ui_hooks sync hook; ctx is the participant. */
void	 participant_sync(void *ctx, struct wizard *, bool key);
/* The person quit: the seat says so, and the room is left. */
void	 participant_leave(struct participant *, struct wizard *);

#endif
