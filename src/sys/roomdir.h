/* roomdir.h: a workshop's directory, the way its sessions talk without a
 * network port. The trainer's console creates BASE/NAME (mode 1730: only
 * it may list; participants may create files but not list them, and may
 * not remove or rename what is not theirs), writes "trainer", "profile"
 * and "broadcast" there (0644), and reads the seats. Each participant
 * claims "seat-N" with O_CREAT|O_EXCL (the first free N: join order) and
 * replaces it atomically (temp file, rename) with mode 0604, group the
 * directory's: the trainer, not in that group, reads it; the other
 * participants, in the group, do not. docs/deployment.md has the set-up.
 * BASE is $OPTOUT_RUNTIME_DIR, else /run/optout if it exists, else
 * $XDG_RUNTIME_DIR/optout (one account for everybody). */
#ifndef OPTOUT_ROOMDIR_H
#define OPTOUT_ROOMDIR_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "core/room.h"

#define ROOMDIR_TRAINER		"trainer"
#define ROOMDIR_PROFILE		"profile"
#define ROOMDIR_BROADCAST	"broadcast"

struct roomdir {
	char		*base;		/* owned */
	char		*path;		/* owned: base/NAME */
	char		*name;		/* owned */
	int		 bfd;		/* the base directory, or -1 */
	int		 dfd;		/* the workshop's directory, or -1 */
	uid_t		 owner;		/* the trainer's user */
	gid_t		 gid;		/* the directory's group */
	bool		 made_base;	/* the trainer created base */
	long		 trainer_pid;	/* participants: who keeps the room */
	unsigned long long trainer_start;
	ino_t		 bc_ino;	/* the broadcast last read */
	struct timespec	 bc_mtime;
};

void	 roomdir_init(struct roomdir *);
/* Closes everything (the directory stays). */
void	 roomdir_close(struct roomdir *);

/* The trainer: removes what crashed consoles of this user left in the
 * base (*cleaned counts the workshops), then creates the room with the
 * profile and the broadcast, and last who keeps it (then participants
 * may join). Returns 0, or -1 with *err (owned): no usable base, a
 * console for the workshop runs already, no permission. */
int	 roomdir_create(struct roomdir *, const char *name,
	     const char *profile, const char *broadcast, size_t *cleaned,
	     char **err);
/* Replaces one of the trainer's files (0644) atomically. */
int	 roomdir_publish(struct roomdir *, const char *file, const char *text,
	     char **err);
/* Reads every seat, sorted by number; *unreadable counts seat files the
 * trainer may not read (see docs/deployment.md). Seats whose process
 * runs as another user than the file's owner are left out (forged). */
void	 roomdir_scan(struct roomdir *, struct seat **, size_t *,
	     size_t *unreadable);
void	 roomdir_free_seats(struct seat *, size_t);
/* The end of the workshop: nobody may enter any more, every file is
 * removed, then the directory (and a base it created). Returns 0, or -1
 * with *err naming what stayed. */
int	 roomdir_remove(struct roomdir *, char **err);

/* A participant: opens the room without taking a seat (to read the
 * profile). Returns 1 if the trainer's console runs, 0 if there is no
 * running workshop of that name, -1 with *err. */
int	 roomdir_open(struct roomdir *, const char *name, char **err);
/* A participant: joins the room if its trainer's console runs, claiming
 * the next seat with text as its first content. Returns 1 with *seat
 * set, 0 if there is no running workshop of that name, -1 with *err. */
int	 roomdir_join(struct roomdir *, const char *name, const char *text,
	     unsigned *seat, char **err);
/* Replaces the seat's file. Returns 0, or -1 when the room is gone (the
 * trainer ended the workshop, or its console died). */
int	 roomdir_write_seat(struct roomdir *, unsigned seat, const char *text);
/* Reads one of the trainer's files (owned text), refusing anything not
 * written by the trainer. Returns 1 read, 0 unchanged since the last call
 * (broadcast only), -1 missing or refused. */
int	 roomdir_read(struct roomdir *, const char *file, char **text);
/* A participant's check: is the trainer's console still there? */
bool	 roomdir_trainer_alive(const struct roomdir *);

/* The start time of a process (/proc), 0 if unknown. */
unsigned long long roomdir_proc_start(long pid);

#endif
