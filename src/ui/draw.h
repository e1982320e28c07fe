/* draw.h: what the wizard's screen and the trainer's console share:
 * starting and restoring the terminal, the theme (monochrome first), and
 * putting text cut to a width. */
#ifndef OPTOUT_UI_DRAW_H
#define OPTOUT_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/curses.h"

struct theme {
	attr_t	title, heading, note, crumb, link, dim, group, focus, key,
		error, more;
	bool	qr;		/* black and white can be set: QR codes */
	attr_t	qr_light;	/* black on white: ' ' and the half blocks */
	attr_t	qr_dark;	/* black on black: "##" */
};

/* Starts curses on stdin/stdout (raw_keys: Ctrl-C, Ctrl-Z, Ctrl-\ are
 * keys); the terminal is restored by draw_stop() and by fatal(). NULL
 * when the terminal cannot be used. */
SCREEN	*draw_start(bool raw_keys);
void	 draw_stop(SCREEN *);
/* Returns whether the theme has colours (the self-check says so). */
bool	 draw_theme_init(struct theme *);
/* Draws s at (y, x), cut to at most width columns. */
void	 draw_put(int y, int x, const char *, size_t width);
/* Columns left from x to the right edge. */
size_t	 draw_avail(size_t x);
void	 draw_fill_line(int y, attr_t);
/* Monotonic seconds. */
double	 draw_mono(void);

#define DRAW_GONE	(-2)	/* draw_key: the terminal went away */

/* Reads a key (get_wch) as OK or KEY_CODE_YES, waiting as long as
 * timeout() says; ERR when a signal came, the time passed or the input
 * made no key; DRAW_GONE when the terminal has hung up and reads fail
 * again and again (errs counts those). The signals that ask us to leave
 * arrive only while it waits. */
int	 draw_key(wint_t *, int *errs);

#endif
