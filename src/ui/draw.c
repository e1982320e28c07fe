/* draw.c: terminal set-up and small drawing helpers. */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/select.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "core/text.h"
#include "core/xmalloc.h"
#include "sys/signals.h"
#include "ui/draw.h"
#include "ui/ui.h"

static bool ui_active;
static sigset_t waiting;	/* the signal mask to wait with (draw_key) */

static void
restore(void)
{
	if (ui_active) {
		ui_active = false;
		endwin();
	}
}

/* Ctrl-S stops a terminal's output until Ctrl-Q (XON/XOFF flow control):
 * to a person who pressed it by habit, optout has hung. In optout it is
 * only a key. Switching IXON off also restarts output that a Ctrl-S had
 * stopped (Linux; POSIX leaves it open), so it is set at once (TCSANOW):
 * TCSADRAIN would wait for stopped output. The terminal's own setting
 * comes back with endwin(), also on Ctrl-Z; def_prog_mode() keeps ours
 * for the return. */
static void
no_flow_control(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) == 0 && (t.c_iflag & IXON)) {
		t.c_iflag &= ~(tcflag_t)IXON;
		if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
			def_prog_mode();
	}
}

SCREEN *
draw_start(bool raw_keys)
{
	SCREEN *scr;

	signals_catch_stop();	/* before newterm: see signals.h */
	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		signals_release_stop();
		return NULL;
	}
	set_term(scr);
	/* The linear mode keeps the terminal's own XON/XOFF, so a Ctrl-S
	 * typed there may have stopped the output, and the first write would
	 * wait for a Ctrl-Q that the person does not know about: a frozen
	 * screen. Switching IXON off restarts the output. */
	no_flow_control();
	/* ncurses 6.4 flushes after every cursor movement until the screen
	 * has once been left and resumed, so one update would go out in
	 * several write()s: over ssh, several packets per key. Leaving and
	 * resuming before the first screen makes each update one write()
	 * (make bench, docs/performance.md). */
	endwin();
	doupdate();
	ui_active = true;
	fatal_set_hook(restore);
	if (raw_keys)
		raw();		/* Ctrl-C, Ctrl-Z, Ctrl-\ stay inside optout */
	else
		cbreak();
	noecho();
	nonl();		/* these keep IXON off: they start from our saved modes */
	keypad(stdscr, TRUE);
	set_escdelay(100);
	curs_set(1);
	signals_hold(&waiting);
	return scr;
}

void
draw_stop(SCREEN *scr)
{
	restore();
	fatal_set_hook(NULL);
	delscreen(scr);
	signals_release_stop();
	sigprocmask(SIG_SETMASK, &waiting, NULL);
}

#define PAIR_QR_LIGHT	5
#define PAIR_QR_DARK	6

/* QR codes need a known dark and light, whatever the terminal's own
 * colours are (often light on dark): black on white, set explicitly. They
 * are drawn so even with NO_COLOR, which asks for no colour in the text:
 * black and white carry no meaning here, they make the code scannable.
 * Without colours at all a terminal cannot promise dark on light, so it
 * shows no QR code (the link or code is there as text). */
static void
theme_qr(struct theme *t)
{
	short white = COLORS >= 16 ? 15 : COLOR_WHITE;	/* bright if any */

	if (COLOR_PAIRS <= PAIR_QR_DARK ||
	    init_pair(PAIR_QR_LIGHT, COLOR_BLACK, white) != OK ||
	    init_pair(PAIR_QR_DARK, COLOR_BLACK, COLOR_BLACK) != OK)
		return;
	t->qr = true;
	t->qr_light = COLOR_PAIR(PAIR_QR_LIGHT);
	t->qr_dark = COLOR_PAIR(PAIR_QR_DARK);
}

bool
draw_theme_init(struct theme *t)
{
	const char *nc = getenv("NO_COLOR");
	bool color = has_colors() && (nc == NULL || *nc == '\0');
	bool can = has_colors() && start_color() == OK;

	/* Monochrome first: meaning never rests on colour alone. */
	t->title = A_REVERSE;
	t->heading = A_BOLD;
	t->note = A_BOLD;
	t->crumb = A_BOLD;
	t->link = A_UNDERLINE;
	t->dim = A_DIM;
	t->group = A_BOLD | A_UNDERLINE;
	t->focus = A_REVERSE;
	t->key = A_BOLD;
	t->error = A_BOLD | A_REVERSE;
	t->more = A_BOLD;
	t->qr = false;
	if (can) {
		use_default_colors();	/* the text keeps the terminal's */
		theme_qr(t);
	}
	if (!color || !can)
		return false;
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_CYAN, -1);
	init_pair(3, COLOR_WHITE, COLOR_RED);
	init_pair(4, COLOR_BLUE, -1);
	t->title = A_BOLD | COLOR_PAIR(1);
	t->heading = A_BOLD | COLOR_PAIR(2);
	t->crumb = A_BOLD | COLOR_PAIR(2);
	t->group = A_BOLD | A_UNDERLINE | COLOR_PAIR(2);
	t->error = A_BOLD | COLOR_PAIR(3);
	t->link = A_UNDERLINE | COLOR_PAIR(4);
	return true;
}

void
draw_put(int y, int x, const char *s, size_t width)
{
	size_t n = text_fit(s, width);

	if (n > 0)
		mvaddnstr(y, x, s, (int)n);
}

size_t
draw_avail(size_t x)
{
	return (size_t)COLS > x ? (size_t)COLS - x : 0;
}

void
draw_fill_line(int y, attr_t a)
{
	attrset(a);
	move(y, 0);
	hline(' ', COLS);
	attrset(A_NORMAL);
}

double
draw_mono(void)
{
	return ui_monotonic();
}

#define MAX_ERRS	3	/* ERRs in a row on a hung-up tty: it is gone */

/* Ctrl-Z: the terminal as the shell needs it, stopped until continued,
 * then curses again, in the window's size of now (it may have changed
 * meanwhile) and drawn afresh. */
static void
suspend(void)
{
	endwin();
	signals_stop_now();
	refresh();		/* program modes back; a new size is taken */
	clearok(curscr, TRUE);
}

/* Whether the terminal has hung up (ssh dropped, the window closed).
 * get_wch() returns ERR for that, but also for bytes that make no
 * character in this locale, such as an é typed in the C locale, which
 * must not end the visit (found by tests/torture/monkey.py). */
static bool
tty_hung_up(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) == 1 &&
	    (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* The signals that ask us to leave are held back except while draw_key
 * waits in pselect(), which lets them in: one that came while optout was
 * drawing used to be noticed only after the next key, since get_wch()
 * then sat in read() (found by tests/torture/signals.py). */
int
draw_key(wint_t *ch, int *errs)
{
	int delay = wgetdelay(stdscr), type;
	struct timespec ts, *tp = NULL;
	fd_set in;

	if (signals_stop_pending()) {
		suspend();
		return ERR;	/* the caller draws again */
	}
	timeout(0);
	type = get_wch(ch);		/* what ncurses has already */
	if (type == ERR && signals_pending() == 0) {
		FD_ZERO(&in);
		FD_SET(STDIN_FILENO, &in);
		if (delay >= 0) {
			ts.tv_sec = delay / 1000;
			ts.tv_nsec = (long)(delay % 1000) * 1000000L;
			tp = &ts;
		}
		if (pselect(STDIN_FILENO + 1, &in, NULL, NULL, tp,
		    &waiting) == 0 || signals_pending() != 0) {
			timeout(delay);	/* the time is up, or leave */
			*errs = 0;
			return ERR;
		}
		/* a key, or another signal: a resize's SIGWINCH is a
		 * KEY_RESIZE now, before the caller draws the page as laid
		 * out for the old size (tests/screen/writes.sh: a resize
		 * goes out in one write, not two) */
		type = get_wch(ch);
	}
	timeout(delay);
	if (type != ERR) {
		*errs = 0;
		return type;
	}
	if (signals_pending() != 0)
		return ERR;
	if (!tty_hung_up()) {	/* input that is no key: ignored */
		*errs = 0;
		return ERR;
	}
	/* Something to read, and yet nothing, again and again: the
	 * terminal has gone away. */
	return ++*errs >= MAX_ERRS ? DRAW_GONE : ERR;
}
