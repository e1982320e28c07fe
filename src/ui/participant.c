/* participant.c: a seat in the trainer's room (see participant.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/room.h"
#include "core/xmalloc.h"
#include "ui/participant.h"

#define JOIN_EVERY	2.0	/* seconds between looks for a console */

static double
mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
participant_init(struct participant *p, const char *name)
{
	memset(p, 0, sizeof *p);
	roomdir_init(&p->room);
	p->name = xstrdup(name);
	p->active = time(NULL);
	p->pid = (long)getpid();
	p->start = roomdir_proc_start(p->pid);
	p->last_try = -JOIN_EVERY;
}

/* What the trainer may know of this session, as the seat file's text. */
static char *
seat_text(const struct participant *p, const struct wizard *w, bool left)
{
	struct seat s;
	char *text;

	seat_from_wizard(w, w->hand, p->active, &s);
	s.pid = p->pid;
	s.start = p->start;
	if (left) {
		s.stage = SEAT_LEFT;
		free(s.platform);
		s.platform = NULL;
	}
	text = seat_format(&s);
	seat_free(&s);
	return text;
}

static void
detach(struct participant *p, struct wizard *w)
{
	roomdir_close(&p->room);
	p->seat = 0;
	free(p->last);
	p->last = NULL;
	wizard_set_seat(w, 0);
}

/* The broadcast: 1 read (p->seen moves on), 0 nothing new, -1 the room
 * is gone. show: put a new one on the screen. */
static int
check_broadcast(struct participant *p, struct wizard *w, bool show)
{
	struct broadcast b;
	char *text = NULL;
	int rc = roomdir_read(&p->room, ROOMDIR_BROADCAST, &text);

	if (rc <= 0)
		return rc;
	if (broadcast_parse(text, &b)) {
		if (b.id != p->seen && show && b.kind != BROADCAST_NONE)
			wizard_show_broadcast(w, b.kind, b.text);
		p->seen = b.id;
		broadcast_free(&b);
	}
	free(text);
	return 1;
}

static void
try_join(struct participant *p, struct wizard *w, double now)
{
	char *text, *err = NULL;
	unsigned seat;

	if (now - p->last_try < JOIN_EVERY)
		return;
	p->last_try = now;
	text = seat_text(p, w, false);
	if (roomdir_join(&p->room, p->name, text, &seat, &err) == 1) {
		p->seat = seat;
		p->last = text;
		p->last_write = now;
		p->seen = 0;
		/* what was sent before this seat joined is not news to it */
		check_broadcast(p, w, false);
		wizard_set_seat(w, seat);
		return;
	}
	free(err);	/* no seat: the person works on alone */
	free(text);
	roomdir_close(&p->room);
}

void
participant_sync(void *ctx, struct wizard *w, bool key)
{
	struct participant *p = ctx;
	double now = mono();
	char *text;

	if (key)
		p->active = time(NULL);
	if (p->seat == 0) {
		try_join(p, w, now);
		return;
	}
	text = seat_text(p, w, false);
	if (strcmp(text, p->last) != 0 ||
	    now - p->last_write >= ROOM_HEARTBEAT) {
		if (!roomdir_trainer_alive(&p->room) ||
		    roomdir_write_seat(&p->room, p->seat, text) == -1) {
			free(text);
			detach(p, w);
			return;
		}
		free(p->last);
		p->last = text;
		p->last_write = now;
	} else
		free(text);
	if (check_broadcast(p, w, true) == -1)
		detach(p, w);	/* the trainer ended the workshop */
}

void
participant_leave(struct participant *p, struct wizard *w)
{
	char *text;

	if (p->seat != 0) {
		text = seat_text(p, w, true);
		roomdir_write_seat(&p->room, p->seat, text);
		free(text);
	}
	roomdir_close(&p->room);
	free(p->last);
	free(p->name);
	memset(p, 0, sizeof *p);
}
