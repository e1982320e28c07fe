/* floor.c: the floor for `make bench`: the least an ncurses program can do
 * to show optout's platform checklist. A title, a line of text, one line
 * per platform ("[ ] Name"), a highlight that moves with Up/Down, Space
 * ticks, Enter shows a second screen, q quits, a resize repaints.
 *
 * It does what a plain ncurses program does by default: redraw into
 * stdscr, refresh, and let ncurses send what changed. Nothing is tuned, so
 * it is the reference optout is measured against, not a competitor.
 *
 * Usage: floor TITLE NAME...
 */
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <curses.h>

static char	**names;
static bool	 *ticked;
static int	  n, cur, top;
static const char *title;

static void
draw_list(void)
{
	int h = LINES - 4, i, y;

	if (h < 1)
		h = 1;
	if (cur < top)
		top = cur;
	if (cur >= top + h)
		top = cur - h + 1;
	erase();
	attrset(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	mvaddnstr(0, 1, title, COLS - 1);
	attrset(A_NORMAL);
	mvaddnstr(1, 1, "Space ticks, Enter continues, q quits.", COLS - 1);
	for (i = 0; i < h && top + i < n; i++) {
		y = 3 + i;
		if (top + i == cur)
			attrset(A_REVERSE);
		mvprintw(y, 2, "[%c] %-*.*s", ticked[top + i] ? 'x' : ' ',
		    COLS > 8 ? COLS - 8 : 1, COLS > 8 ? COLS - 8 : 1,
		    names[top + i]);
		attrset(A_NORMAL);
	}
	move(3 + cur - top, 3);
	refresh();
}

static void
draw_next(void)
{
	int i, y = 3;

	erase();
	attrset(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	mvaddnstr(0, 1, "Chosen", COLS - 1);
	attrset(A_NORMAL);
	for (i = 0; i < n && y < LINES; i++)
		if (ticked[i])
			mvaddnstr(y++, 2, names[i], COLS - 2);
	move(3, 2);
	refresh();
}

int
main(int argc, char **argv)
{
	bool list = true;
	int ch;

	if (argc < 3)
		return 2;
	title = argv[1];
	names = argv + 2;
	n = argc - 2;
	if ((ticked = calloc((size_t)n, sizeof *ticked)) == NULL)
		return 1;
	setlocale(LC_ALL, "");
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	draw_list();
	while ((ch = getch()) != 'q') {
		switch (ch) {
		case KEY_UP:
			if (cur > 0)
				cur--;
			break;
		case KEY_DOWN:
			if (cur + 1 < n)
				cur++;
			break;
		case ' ':
			ticked[cur] = !ticked[cur];
			break;
		case '\n':
		case '\r':
		case KEY_ENTER:
			list = !list;
			break;
		case ERR:
			continue;
		default:
			break;
		}
		if (list)
			draw_list();
		else
			draw_next();
	}
	endwin();
	free(ticked);
	return 0;
}
