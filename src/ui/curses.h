/* curses.h: the one place where curses is included.
 * optout draws wide characters, so it always wants ncursesw's API. */
#ifndef OPTOUT_UI_CURSES_H
#define OPTOUT_UI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <term.h>

#endif
