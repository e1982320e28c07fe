/* room.c: seats, broadcasts and the trainer's counts. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/kv.h"
#include "core/room.h"
#include "core/text.h"
#include "core/wizard.h"
#include "core/xmalloc.h"

#define SEAT_VERSION		"1"
#define BROADCAST_VERSION	"1"

static const char *const stage_codes[SEAT_STAGE_COUNT] = {
	"start", "explanation", "steps", "summary", "left"
};
static const char *const mark_codes[MARK_COUNT] = { "done", "help" };
static const char *const broadcast_codes[] = { "none", "message", "pause" };

const char *
seat_stage_code(enum seat_stage s)
{
	return stage_codes[s];
}

void
seat_free(struct seat *s)
{
	size_t i;

	for (i = 0; i < s->nmarks; i++)
		free(s->marks[i].id);
	free(s->marks);
	free(s->platform);
	memset(s, 0, sizeof *s);
}

static void
add_mark(struct seat *s, const char *id, enum seat_mark m)
{
	s->marks = xreallocarray(s->marks, s->nmarks + 1, sizeof *s->marks);
	s->marks[s->nmarks].id = xstrdup(id);
	s->marks[s->nmarks].mark = m;
	s->nmarks++;
}

static enum seat_stage
stage_of(enum wz_screen scr)
{
	switch (scr) {
	case SCR_INFO:
		return SEAT_EXPLANATION;
	case SCR_SURFACE:
	case SCR_STEPS:
	case SCR_RECORD:
		return SEAT_STEPS;
	case SCR_SUMMARY:
	case SCR_TAKEHOME:	/* the receipt and letters come after it */
	case SCR_RECEIPT:
	case SCR_LETTERS:
	case SCR_DETAILS:
	case SCR_LETTER:
		return SEAT_SUMMARY;
	default:
		return SEAT_START;
	}
}

void
seat_from_wizard(const struct wizard *w, bool hand, time_t active,
    struct seat *s)
{
	const struct platform *p = wizard_platform(w);
	enum wz_screen scr = w->screen;
	const struct record *r;
	size_t i;

	memset(s, 0, sizeof *s);
	if (scr == SCR_HELP || scr == SCR_QUIT)
		scr = w->back_to;
	s->stage = stage_of(scr);
	if (p != NULL && s->stage != SEAT_START && s->stage != SEAT_SUMMARY)
		s->platform = xstrdup(p->id);
	s->hand = hand;
	s->active = active;
	for (i = 0; i < w->prog->n; i++) {
		r = &w->prog->v[i];
		if (!catalog_valid_id(r->id))
			continue;
		if (status_is_final(r->status) || r->status == ST_FORM_SENT)
			add_mark(s, r->id, MARK_DONE);
		else if (r->status == ST_HELP || r->status == ST_PROBLEM)
			add_mark(s, r->id, MARK_HELP);
	}
}

char *
seat_format(const struct seat *s)
{
	struct buf b = { 0 };
	size_t i;

	buf_addf(&b, "optout-seat %s\n", SEAT_VERSION);
	buf_addf(&b, "pid %ld\n", s->pid);
	buf_addf(&b, "start %llu\n", s->start);
	buf_addf(&b, "stage %s\n", stage_codes[s->stage]);
	if (s->platform != NULL)
		buf_addf(&b, "platform %s\n", s->platform);
	buf_addf(&b, "hand %d\n", s->hand ? 1 : 0);
	buf_addf(&b, "active %lld\n", (long long)s->active);
	for (i = 0; i < s->nmarks; i++)
		buf_addf(&b, "%s %s\n", mark_codes[s->marks[i].mark],
		    s->marks[i].id);
	return buf_take(&b);
}

static bool
find_code(const char *const *codes, int n, const char *v, int *out)
{
	return code_find(codes, n, v, out);
}

bool
seat_parse(const char *text, struct seat *s)
{
	struct kv_reader r;
	unsigned long long n;
	/* each of these exactly once, in this order */
	static const char *const order[] = {
		"optout-seat", "pid", "start", "stage", "hand", "active"
	};
	size_t next = 0;
	bool ok = true;
	int i;

	memset(s, 0, sizeof *s);
	kv_init(&r, text);
	while (ok && kv_next(&r)) {
		const char *k = r.line.key, *v = r.line.val;

		if (next < sizeof order / sizeof order[0] &&
		    strcmp(k, order[next]) == 0) {
			switch (next++) {
			case 0:
				ok = strcmp(v, SEAT_VERSION) == 0;
				break;
			case 1:
				ok = kv_number(v, INT32_MAX, &n) && n > 1;
				s->pid = (long)n;
				break;
			case 2:
				ok = kv_number(v, UINT64_MAX / 10, &n);
				s->start = n;
				break;
			case 3:
				ok = find_code(stage_codes, SEAT_STAGE_COUNT,
				    v, &i);
				s->stage = (enum seat_stage)i;
				break;
			case 4:
				ok = kv_number(v, 1, &n);
				s->hand = n == 1;
				break;
			default:
				ok = kv_number(v, INT64_MAX / 2, &n);
				s->active = (time_t)n;
				break;
			}
		} else if (next == 4 && strcmp(k, "platform") == 0 &&
		    s->platform == NULL && catalog_valid_id(v))
			s->platform = xstrdup(v);
		else if (next == sizeof order / sizeof order[0] &&
		    find_code(mark_codes, MARK_COUNT, k, &i) &&
		    catalog_valid_id(v) && s->nmarks < 1000)
			add_mark(s, v, (enum seat_mark)i);
		else
			ok = false;
	}
	ok = ok && !r.bad && next == sizeof order / sizeof order[0];
	kv_done(&r);
	if (!ok)
		seat_free(s);
	return ok;
}

bool
seat_gone(const struct seat *s, time_t now)
{
	return s->stage == SEAT_LEFT || !s->alive ||
	    now - s->updated > ROOM_EXPIRE;
}

bool
seat_needs_help(const struct seat *s)
{
	size_t i;

	if (s->hand)
		return true;
	for (i = 0; i < s->nmarks; i++) {
		if (s->marks[i].mark == MARK_HELP)
			return true;
	}
	return false;
}

/* ---- the trainer's broadcast ---- */

char *
broadcast_format(const struct broadcast *b)
{
	struct buf out = { 0 };

	buf_addf(&out, "optout-broadcast %s\n", BROADCAST_VERSION);
	buf_addf(&out, "id %lu\n", b->id);
	buf_addf(&out, "kind %s\n", broadcast_codes[b->kind]);
	if (b->kind == BROADCAST_MESSAGE && b->text != NULL)
		buf_addf(&out, "text %s\n", b->text);
	return buf_take(&out);
}

bool
broadcast_parse(const char *text, struct broadcast *b)
{
	struct kv_reader r;
	unsigned long long n;
	size_t next = 0;
	bool ok = true;
	int i;

	memset(b, 0, sizeof *b);
	kv_init(&r, text);
	while (ok && kv_next(&r)) {
		const char *k = r.line.key, *v = r.line.val;

		if (next == 0)
			ok = strcmp(k, "optout-broadcast") == 0 &&
			    strcmp(v, BROADCAST_VERSION) == 0;
		else if (next == 1 && strcmp(k, "id") == 0) {
			ok = kv_number(v, ULONG_MAX / 2, &n);
			b->id = (unsigned long)n;
		} else if (next == 2 && strcmp(k, "kind") == 0) {
			ok = find_code(broadcast_codes, 3, v, &i);
			b->kind = (enum broadcast_kind)i;
		} else if (next == 3 && strcmp(k, "text") == 0 &&
		    b->kind == BROADCAST_MESSAGE && *v != '\0' &&
		    strlen(v) <= ROOM_MESSAGE_MAX)
			b->text = xstrdup(v);
		else
			ok = false;
		next++;
	}
	ok = ok && !r.bad && next >= 3 &&
	    (b->kind != BROADCAST_MESSAGE || b->text != NULL) &&
	    (b->kind == BROADCAST_NONE) == (b->id == 0);
	kv_done(&r);
	if (!ok)
		broadcast_free(b);
	return ok;
}

void
broadcast_free(struct broadcast *b)
{
	free(b->text);
	memset(b, 0, sizeof *b);
}

char *
broadcast_clean_text(const char *s)
{
	char *t = text_sanitize(s), *start = t, *out;
	size_t n, k;
	uint32_t cp;

	while (*start == ' ')
		start++;
	n = 0;
	while (start[n] != '\0') {
		k = utf8_decode(start + n, strlen(start + n), &cp);
		if (k == 0 || n + k > ROOM_MESSAGE_MAX)
			break;
		n += k;
	}
	while (n > 0 && start[n - 1] == ' ')
		n--;
	out = xstrndup(start, n);
	free(t);
	return out;
}

/* ---- who keeps the room ---- */

char *
room_trainer_format(long pid, unsigned long long start)
{
	return xasprintf("optout-trainer 1\npid %ld\nstart %llu\n", pid,
	    start);
}

bool
room_trainer_parse(const char *text, long *pid, unsigned long long *start)
{
	struct kv_reader r;
	unsigned long long n;
	size_t next = 0;
	bool ok = true;

	kv_init(&r, text);
	while (ok && kv_next(&r)) {
		const char *k = r.line.key, *v = r.line.val;

		if (next == 0)
			ok = strcmp(k, "optout-trainer") == 0 &&
			    strcmp(v, "1") == 0;
		else if (next == 1 && strcmp(k, "pid") == 0) {
			ok = kv_number(v, INT32_MAX, &n) && n > 1;
			*pid = (long)n;
		} else if (next == 2 && strcmp(k, "start") == 0) {
			ok = kv_number(v, UINT64_MAX / 10, &n);
			*start = n;
		} else
			ok = false;
		next++;
	}
	ok = ok && !r.bad && next == 3;
	kv_done(&r);
	return ok;
}

/* ---- the trainer's counts ---- */

static struct room_row *
row_for(struct room_summary *sum, const char *id)
{
	size_t i;

	for (i = 0; i < sum->nrows; i++) {
		if (strcmp(sum->rows[i].id, id) == 0)
			return &sum->rows[i];
	}
	sum->rows = xreallocarray(sum->rows, sum->nrows + 1,
	    sizeof *sum->rows);
	memset(&sum->rows[sum->nrows], 0, sizeof *sum->rows);
	sum->rows[sum->nrows].id = id;
	return &sum->rows[sum->nrows++];
}

static void
add_number(unsigned **v, size_t *n, unsigned x)
{
	size_t i;

	*v = xreallocarray(*v, *n + 1, sizeof **v);
	for (i = *n; i > 0 && (*v)[i - 1] > x; i--)
		(*v)[i] = (*v)[i - 1];
	(*v)[i] = x;
	(*n)++;
}

void
room_summarize(const struct workshop *ws, const struct seat *seats, size_t n,
    time_t now, struct room_summary *sum)
{
	const struct seat *s;
	struct room_row *row;
	bool counted_help;
	size_t i, j;
	int idle = (ws != NULL ? ws->idle_minutes : WORKSHOP_IDLE_MINUTES) *
	    60;

	memset(sum, 0, sizeof *sum);
	/* the workshop's platforms first, in its order; then the others
	   seats are on, in the order met */
	for (i = 0; ws != NULL && i < ws->nplatforms; i++)
		row_for(sum, ws->platforms[i]);
	for (i = 0; i < n; i++) {
		s = &seats[i];
		sum->nseats++;
		if (seat_gone(s, now)) {
			add_number(&sum->gone, &sum->ngone, s->number);
			continue;
		}
		sum->nhere++;
		if (now - s->active > idle)
			add_number(&sum->idle, &sum->nidle, s->number);
		if (seat_needs_help(s))
			add_number(&sum->help, &sum->nhelp, s->number);
		if (s->stage == SEAT_START)
			sum->nstart++;
		else if (s->stage == SEAT_SUMMARY)
			sum->nsummary++;
		counted_help = false;
		for (j = 0; j < s->nmarks; j++) {
			row = row_for(sum, s->marks[j].id);
			if (s->marks[j].mark == MARK_DONE)
				row->done++;
			else {
				row->help++;
				if (s->platform != NULL &&
				    strcmp(s->platform, row->id) == 0)
					counted_help = true;
			}
		}
		if (s->platform == NULL)
			continue;
		row = row_for(sum, s->platform);
		if (s->stage == SEAT_EXPLANATION)
			row->explanation++;
		else if (s->stage == SEAT_STEPS)
			row->steps++;
		if (s->hand && !counted_help)
			row->help++;	/* a hand raised where it is */
	}
}

void
room_summary_free(struct room_summary *sum)
{
	free(sum->rows);
	free(sum->help);
	free(sum->idle);
	free(sum->gone);
	memset(sum, 0, sizeof *sum);
}

const struct seat *
room_find_seat(const struct seat *seats, size_t n, unsigned number)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (seats[i].number == number)
			return &seats[i];
	}
	return NULL;
}
