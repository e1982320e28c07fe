/* trainer.c: the trainer's console, drawn from the room every 400 ms. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/room.h"
#include "core/text.h"
#include "core/xmalloc.h"
#include "sys/i18n.h"
#include "sys/signals.h"
#include "ui/curses.h"
#include "ui/draw.h"
#include "ui/layout.h"
#include "ui/trainer.h"

#define CONTROL(c)	((c) & 0x1f)
#define NAME_COLS	22
#define NAME_MIN_COLS	12	/* "Plattform", "Instagram" and a space */

struct trainer {
	struct roomdir			*room;
	const struct trainer_config	*cfg;
	struct theme			 th;
	struct seat			*seats;		/* owned */
	size_t				 nseats;
	size_t				 unreadable;
	struct room_summary		 sum;
	struct broadcast		 bc;		/* the last sent */
	time_t				 bc_time;
	bool				 typing;	/* a message */
	char				 input[ROOM_MESSAGE_MAX + 1];
	bool				 confirm;	/* end the workshop? */
	char				*status;	/* owned, or NULL */
	bool				 status_error;
	bool				 done;
	enum lang			 lang;		/* of the screen */
};

static void
set_status(struct trainer *t, bool error, const char *s)
{
	free(t->status);
	t->status = s != NULL ? xstrdup(s) : NULL;
	t->status_error = error;
}

/* The console in another language, from its next drawing on (a message
 * already shown was in the old one: it goes). */
static void
set_lang(struct trainer *t, enum lang l)
{
	if (t->lang == l)
		return;
	t->lang = l;
	i18n_set_lang(l);
	set_status(t, false, NULL);
}

static void
refresh_room(struct trainer *t)
{
	roomdir_free_seats(t->seats, t->nseats);
	room_summary_free(&t->sum);
	roomdir_scan(t->room, &t->seats, &t->nseats, &t->unreadable);
	room_summarize(t->cfg->ws, t->seats, t->nseats, time(NULL), &t->sum);
}

static const char *
platform_name(const struct trainer *t, const char *id)
{
	long i = catalog_find(t->cfg->cat, id);

	return i >= 0 ? t->cfg->cat->v[i].name : id;
}

/* Draws text (translated, UTF-8) at (y, x) in the terminal's charset. */
static void
text_at(const struct trainer *t, int y, int x, const char *s, attr_t a)
{
	char *l = layout_text(s, t->cfg->utf8);

	attrset(a);
	draw_put(y, x, l, draw_avail((size_t)x));
	attrset(A_NORMAL);
	free(l);
}

/* The columns text_at takes for s: in ASCII "Erklärung" is "Erklaerung". */
static int
shown_width(const struct trainer *t, const char *s)
{
	char *l = layout_text(s, t->cfg->utf8);
	int w = (int)text_width(l);

	free(l);
	return w;
}

/* Draws s wrapped from row y, at most to row last; returns the next row. */
static int
wrapped(const struct trainer *t, int y, int last, const char *s, attr_t a)
{
	char *l = layout_text(s, t->cfg->utf8);
	struct text_line *tl;
	size_t n, i;

	n = text_wrap(l, (size_t)COLS - 4, &tl);
	attrset(a);
	for (i = 0; i < n && y <= last; i++, y++)
		mvaddnstr(y, i == 0 ? 2 : 4, l + tl[i].off, (int)tl[i].len);
	attrset(A_NORMAL);
	free(tl);
	free(l);
	return y;
}

static void
draw_title(const struct trainer *t)
{
	char *title, clock[16];
	time_t now = time(NULL);
	struct tm tm;

	draw_fill_line(0, t->th.title);
	title = xasprintf(_(" optout %s Workshop \"%s\": trainer's console"),
	    t->cfg->utf8 ? "\u2502" : "|", t->cfg->ws->name);
	text_at(t, 0, 0, title, t->th.title);
	free(title);
	if (localtime_r(&now, &tm) != NULL &&
	    strftime(clock, sizeof clock, "%H:%M", &tm) > 0)
		text_at(t, 0, COLS - 6, clock, t->th.title);
}

/* A right-aligned number under a heading of width w, from column x. */
static void
number_at(int y, int x, int w, unsigned n)
{
	char s[16];

	snprintf(s, sizeof s, "%*u", w, n);
	draw_put(y, x, s, draw_avail((size_t)x));
}

static int
draw_table(const struct trainer *t, int y, int last)
{
	const char *head[4] = { _("Explanation"), _("Steps"), _("Done"),
	    _("Need help") };
	int w[4], x[4], i, col, need = 2 + NAME_COLS;
	const struct room_row *r;
	size_t k;
	char *more;

	for (i = 0; i < 4; i++) {
		w[i] = shown_width(t, head[i]);
		if (w[i] < 5)
			w[i] = 5;
		need += w[i] + 2;
	}
	/* Longer headings (German) at 60 columns: the names' column gives
	 * way, so that the last number is not cut off. */
	col = 2 + NAME_COLS - (need > COLS ? need - COLS : 0);
	if (col < 2 + NAME_MIN_COLS)
		col = 2 + NAME_MIN_COLS;
	text_at(t, y, 2, _("Platform"), t->th.heading);
	for (i = 0; i < 4; i++) {
		x[i] = col;
		text_at(t, y, col + w[i] - shown_width(t, head[i]), head[i],
		    t->th.heading);
		col += w[i] + 2;
	}
	y++;
	for (k = 0; k < t->sum.nrows && y <= last; k++, y++) {
		if (y == last && k + 1 < t->sum.nrows) {
			more = xasprintf(_("... and %zu more platforms"),
			    t->sum.nrows - k);
			text_at(t, y, 2, more, t->th.dim);
			free(more);
			return y + 1;
		}
		r = &t->sum.rows[k];
		text_at(t, y, 2, platform_name(t, r->id), A_NORMAL);
		number_at(y, x[0], w[0], r->explanation);
		number_at(y, x[1], w[1], r->steps);
		number_at(y, x[2], w[2], r->done);
		attrset(r->help > 0 ? t->th.note : A_NORMAL);
		number_at(y, x[3], w[3], r->help);
		attrset(A_NORMAL);
	}
	return y;
}

/* A line of seat numbers, "3, 7, 12" (for help with where each seat
 * is) put into fmt, wrapped from row y; returns the next row. */
static int
seat_line(const struct trainer *t, int y, int last, const char *fmt,
    const unsigned *v, size_t n, bool where, attr_t a)
{
	const struct seat *s;
	struct buf b = { 0 };
	const char *at;
	char *line;
	size_t i;

	for (i = 0; i < n; i++) {
		s = room_find_seat(t->seats, t->nseats, v[i]);
		buf_addf(&b, "%s%u", i > 0 ? ", " : "", v[i]);
		if (where && s != NULL && s->platform != NULL)
			buf_addf(&b, " (%s)", platform_name(t, s->platform));
	}
	/* fmt holds one "%s" for the list: put it there */
	if ((at = strstr(fmt, "%s")) != NULL)
		line = xasprintf("%.*s%s%s", (int)(at - fmt), fmt, b.data,
		    at + 2);
	else
		line = xstrdup(fmt);
	y = wrapped(t, y, last, line, a);
	free(line);
	buf_free(&b);
	return y;
}

static int
draw_lists(const struct trainer *t, int y, int last)
{
	char *line, *fmt;

	if (t->sum.nhelp > 0)
		y = seat_line(t, y, last, _("Need help: seats %s"),
		    t->sum.help, t->sum.nhelp, true, t->th.error);
	else
		y = wrapped(t, y, last, _("Need help: nobody"), A_NORMAL);
	if (t->sum.nidle > 0) {
		/* TRANSLATORS: %%s stays: the seat numbers go there */
		fmt = xasprintf(ngettext("No key for %d minute or more: seats "
		    "%%s", "No key for %d minutes or more: seats %%s",
		    (unsigned long)t->cfg->ws->idle_minutes),
		    t->cfg->ws->idle_minutes);
		y = seat_line(t, y, last, fmt, t->sum.idle, t->sum.nidle,
		    false, A_NORMAL);
		free(fmt);
	}
	if (t->sum.ngone > 0)
		y = seat_line(t, y, last, _("Left or gone: seats %s"),
		    t->sum.gone, t->sum.ngone, false, t->th.dim);
	if (t->unreadable > 0) {
		line = xasprintf(ngettext("%zu seat cannot be read by this "
		    "console: its user must not be in the participants' group "
		    "(see docs/deployment.md).", "%zu seats cannot be read by "
		    "this console: its user must not be in the participants' "
		    "group (see docs/deployment.md).", t->unreadable),
		    t->unreadable);
		y = wrapped(t, y, last, line, t->th.error);
		free(line);
	}
	return y;
}

static void
draw_broadcast_line(const struct trainer *t, int y)
{
	char when[16] = "", *line;
	struct tm tm;

	if (t->bc.id == 0)
		return;
	if (localtime_r(&t->bc_time, &tm) != NULL)
		strftime(when, sizeof when, "%H:%M", &tm);
	if (t->bc.kind == BROADCAST_PAUSE)
		line = xasprintf(_("Sent at %s: a pause"), when);
	else
		line = xasprintf(_("Sent at %s: \"%s\""), when, t->bc.text);
	text_at(t, y, 2, line, t->th.dim);
	free(line);
}

/* The status line: typing, the question to end, or what happened. */
static void
draw_status(const struct trainer *t, int *cy, int *cx)
{
	char *label, *text;
	size_t w, x;

	draw_fill_line(LINES - 2, A_NORMAL);
	if (t->typing) {
		label = layout_text(_("Message to every seat:"),
		    t->cfg->utf8);
		text = layout_text(t->input, t->cfg->utf8);
		attrset(t->th.key);
		draw_put(LINES - 2, 1, label, draw_avail(1));
		attrset(A_UNDERLINE);
		x = 1 + text_width(label) + 1;
		/* the end of a long message stays in view */
		w = text_width(text);
		draw_put(LINES - 2, (int)x, text + (w + x + 2 > (size_t)COLS ?
		    text_fit(text, w + x + 2 - (size_t)COLS) : 0),
		    draw_avail(x));
		attrset(A_NORMAL);
		getyx(stdscr, *cy, *cx);
		free(label);
		free(text);
		return;
	}
	if (t->confirm)
		text_at(t, LINES - 2, 1, _("End the workshop? Participants go "
		    "on alone; its files are removed."), t->th.error);
	else if (t->status != NULL)
		text_at(t, LINES - 2, 1, t->status, t->status_error ?
		    t->th.error : t->th.note);
}

static void
draw_keys(const struct trainer *t)
{
	static const char *const keys[][2] = {
		{ "m", N_("message to all") },
		{ "p", N_("pause") },
		{ "q", N_("end the workshop") }
	};
	static const char *const typing[][2] = {
		{ "Enter", N_("send") },
		{ "Esc", N_("cancel") }
	};
	static const char *const confirm[][2] = {
		{ "Enter", N_("end the workshop") },
		{ "Esc", N_("go on") }
	};
	const char *const (*k)[2] = t->typing ? typing : t->confirm ?
	    confirm : keys;
	size_t n = t->typing || t->confirm ? 2 : 3, i;
	int x = 1;

	draw_fill_line(LINES - 1, A_NORMAL);
	for (i = 0; i < n; i++) {
		text_at(t, LINES - 1, x, k[i][0], t->th.key);
		x += (int)text_width(k[i][0]) + 1;
		text_at(t, LINES - 1, x, _(k[i][1]), A_NORMAL);
		x += shown_width(t, _(k[i][1])) + 2;
	}
	if (!t->typing && !t->confirm) {	/* the other language, by its
						   own name, as in the wizard */
		text_at(t, LINES - 1, x, t->lang == LANG_DE ? "e" : "d",
		    t->th.key);
		text_at(t, LINES - 1, x + 2, t->lang == LANG_DE ? "English" :
		    "Deutsch", A_NORMAL);
	}
}

static void
draw(struct trainer *t)
{
	int y, last = LINES - 4, cy = 2, cx = 2;
	char *line;

	erase();
	if (COLS < TRAINER_MIN_COLS || LINES < TRAINER_MIN_LINES) {
		line = xasprintf(_("The window is too small for the trainer's "
		    "console: %d x %d needed, now %d x %d."), TRAINER_MIN_COLS,
		    TRAINER_MIN_LINES, COLS, LINES);
		wrapped(t, 0, LINES - 1, line, A_NORMAL);
		free(line);
		move(0, 0);
		refresh();
		return;
	}
	draw_title(t);
	line = xasprintf(_("Seats: %u joined, %u here. Still choosing: %u. "
	    "At the summary: %u."), t->sum.nseats, t->sum.nhere,
	    t->sum.nstart, t->sum.nsummary);
	y = wrapped(t, 2, 3, line, A_NORMAL);
	free(line);
	y = draw_table(t, y + 1, last - 3);
	y = draw_lists(t, y + 1, last);
	draw_broadcast_line(t, LINES - 3);
	draw_status(t, &cy, &cx);
	draw_keys(t);
	move(cy, cx);
	refresh();
}

static void
send_broadcast(struct trainer *t, enum broadcast_kind kind, const char *text)
{
	char *s, *err = NULL, *msg;

	t->bc.id++;
	t->bc.kind = kind;
	free(t->bc.text);
	t->bc.text = text != NULL ? xstrdup(text) : NULL;
	t->bc_time = time(NULL);
	s = broadcast_format(&t->bc);
	if (roomdir_publish(t->room, ROOMDIR_BROADCAST, s, &err) == -1) {
		set_status(t, true, err);
		free(err);
	} else {
		msg = xasprintf(ngettext("Sent to %u seat. It stays on each "
		    "screen until a key is pressed there.", "Sent to %u seats. "
		    "It stays on each screen until a key is pressed there.",
		    t->sum.nhere), t->sum.nhere);
		set_status(t, false, msg);
		free(msg);
	}
	free(s);
}

static void
typing_key(struct trainer *t, int type, wint_t ch)
{
	char *text;

	if ((type == KEY_CODE_YES && ch == KEY_ENTER) ||
	    (type == OK && (ch == '\r' || ch == '\n'))) {
		text = broadcast_clean_text(t->input);
		t->typing = false;
		if (*text != '\0')
			send_broadcast(t, BROADCAST_MESSAGE, text);
		else
			set_status(t, false, _("Nothing was sent."));
		free(text);
	} else if (type == OK && ch == 27) {
		t->typing = false;
		set_status(t, false, _("Nothing was sent."));
	} else if ((type == KEY_CODE_YES && ch == KEY_BACKSPACE) ||
	    (type == OK && (ch == 127 || ch == CONTROL('h'))))
		utf8_erase_last(t->input);
	else if (type == OK)	/* a character that fits, or nothing */
		utf8_append(t->input, sizeof t->input, (uint32_t)ch);
}

static void
key(struct trainer *t, int type, wint_t ch)
{
	if (type == KEY_CODE_YES && ch == KEY_RESIZE)
		return;
	if (t->typing) {
		typing_key(t, type, ch);
		return;
	}
	if (t->confirm) {
		t->confirm = false;
		if ((type == KEY_CODE_YES && ch == KEY_ENTER) ||
		    (type == OK && (ch == '\r' || ch == '\n' || ch == 'y' ||
		    ch == 'Y' || ch == 'j' || ch == 'J')))
			t->done = true;
		return;
	}
	if (type != OK)
		return;
	switch (ch) {
	case 'm':
	case 'M':
		t->typing = true;
		t->input[0] = '\0';
		set_status(t, false, NULL);
		break;
	case 'p':
	case 'P':
		send_broadcast(t, BROADCAST_PAUSE, NULL);
		break;
	case 'q':
	case 'Q':
	case CONTROL('c'):
		t->confirm = true;
		break;
	case 'd':
	case 'D':
		set_lang(t, LANG_DE);
		break;
	case 'e':
	case 'E':
		set_lang(t, LANG_EN);
		break;
	case CONTROL('l'):
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

int
trainer_run(struct roomdir *room, const struct trainer_config *cfg)
{
	struct trainer t;
	SCREEN *scr;
	wint_t ch;
	int type, errs = 0, result = 0;
	char *msg;

	memset(&t, 0, sizeof t);
	t.room = room;
	t.cfg = cfg;
	t.lang = cfg->lang;
	if (cfg->cleaned > 0) {
		msg = xasprintf(ngettext("Removed what %zu console that "
		    "ended without cleaning up had left.", "Removed what %zu "
		    "consoles that ended without cleaning up had left.",
		    cfg->cleaned), cfg->cleaned);
		set_status(&t, false, msg);
		free(msg);
	}
	if ((scr = draw_start(true)) == NULL)
		return -1;
	draw_theme_init(&t.th);
	timeout(TRAINER_REFRESH_MS);
	while (!t.done) {
		if ((result = signals_pending()) != 0)
			break;
		refresh_room(&t);
		draw(&t);
		if ((type = draw_key(&ch, &errs)) == DRAW_GONE) {
			result = -1;	/* the terminal is gone */
			break;
		}
		if (type != ERR)
			key(&t, type, ch);
	}
	draw_stop(scr);
	roomdir_free_seats(t.seats, t.nseats);
	room_summary_free(&t.sum);
	broadcast_free(&t.bc);
	free(t.status);
	return result;
}
