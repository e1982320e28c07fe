/* room.h: a workshop room as data: where each seat is, what the trainer
 * broadcasts, and the counts the trainer's console shows. A seat says
 * only where a participant is in the wizard (platform ids and stages) and
 * when they last pressed a key: no names, no account data, nothing a
 * participant typed. The files themselves are read and written by
 * sys/room.c; no I/O here. */
#ifndef OPTOUT_ROOM_H
#define OPTOUT_ROOM_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/workshop.h"

struct wizard;

#define ROOM_SEATS_MAX		999
#define ROOM_FILE_CAP		4096	/* bytes of a seat or message file */
#define ROOM_MESSAGE_MAX	200	/* bytes of a trainer's message */
#define ROOM_HEARTBEAT		20	/* seconds between a seat's updates */
#define ROOM_EXPIRE		90	/* a seat without an update is gone */

enum seat_stage {
	SEAT_START,		/* welcome, who, the platform list */
	SEAT_EXPLANATION,	/* what the platform does */
	SEAT_STEPS,		/* where, the steps, what happened */
	SEAT_SUMMARY,
	SEAT_LEFT,		/* quit optout */
	SEAT_STAGE_COUNT
};

/* What a seat recorded for a platform, as far as the trainer cares. */
enum seat_mark {
	MARK_DONE,		/* done, sent, confirmed, no account, noted */
	MARK_HELP,		/* "I need help" or "it did not work" */
	MARK_COUNT
};

struct seat_marked {
	char		*id;	/* owned platform id */
	enum seat_mark	 mark;
};

struct seat {
	unsigned	 number;	/* in join order, from 1 */
	long		 pid;		/* the participant's optout */
	unsigned long long start;	/* its start time (/proc), 0 unknown */
	enum seat_stage	 stage;
	char		*platform;	/* owned; where the stage is, or NULL */
	bool		 hand;		/* raised: asks for help */
	time_t		 active;	/* the last key */
	struct seat_marked *marks;	/* owned */
	size_t		 nmarks;
	/* Set by the reader, not in the file: */
	time_t		 updated;	/* the file's last change */
	bool		 alive;		/* its process still runs */
};

const char	*seat_stage_code(enum seat_stage);
void		 seat_free(struct seat *);
/* Where the wizard is, as a seat (number, pid and start left to the
 * caller). Marks are kept for every platform with a record. */
void		 seat_from_wizard(const struct wizard *, bool hand,
		     time_t active, struct seat *);
/* Owned text of the seat file, and back. Parsing accepts only what
 * formatting writes; false on anything else (s is then empty). */
char		*seat_format(const struct seat *);
bool		 seat_parse(const char *, struct seat *);
/* Gone: left, its process ended, or no update for ROOM_EXPIRE seconds. */
bool		 seat_gone(const struct seat *, time_t now);
/* Needs help: the hand is up, or a platform is marked help. */
bool		 seat_needs_help(const struct seat *);

/* The trainer's broadcast: a message typed at the console, or a pause. */
enum broadcast_kind {
	BROADCAST_NONE,
	BROADCAST_MESSAGE,
	BROADCAST_PAUSE
};

struct broadcast {
	unsigned long	 id;	/* counts up; 0: nothing sent yet */
	enum broadcast_kind kind;
	char		*text;	/* owned; a message's text, or NULL */
};

char		*broadcast_format(const struct broadcast *);
bool		 broadcast_parse(const char *, struct broadcast *);
void		 broadcast_free(struct broadcast *);
/* A message fit to send: sanitised, cut to ROOM_MESSAGE_MAX bytes at a
 * character boundary, blanks at the ends removed; owned. */
char		*broadcast_clean_text(const char *);

/* Who keeps the room: the trainer console's process, so that a
 * participant can tell a running workshop from a crashed one's leftovers.
 * Owned text, and back (false on anything else). */
char		*room_trainer_format(long pid, unsigned long long start);
bool		 room_trainer_parse(const char *, long *pid,
		     unsigned long long *start);

/* The trainer's counts for one platform. */
struct room_row {
	const char	*id;	/* borrowed from the workshop or a seat */
	unsigned	 explanation, steps, done, help;
};

struct room_summary {
	struct room_row	*rows;	/* owned: the workshop's platforms in its
				   order, then any other a seat is on */
	size_t		 nrows;
	unsigned	 nseats;	/* every seat that ever joined */
	unsigned	 nhere;		/* not gone */
	unsigned	 nstart, nsummary;
	unsigned	*help;		/* owned seat numbers, ascending */
	size_t		 nhelp;
	unsigned	*idle;
	size_t		 nidle;
	unsigned	*gone;
	size_t		 ngone;
};

/* Counts the seats (any order) for the trainer; seats that are gone only
 * count in gone. */
void		 room_summarize(const struct workshop *, const struct seat *,
		     size_t, time_t now, struct room_summary *);
void		 room_summary_free(struct room_summary *);
/* The seat with this number, or NULL. */
const struct seat *room_find_seat(const struct seat *, size_t, unsigned);

#endif
