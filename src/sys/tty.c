/* tty.c: Ctrl-C, Ctrl-\ and Ctrl-Z as characters in canonical mode. */
#include "config.h"

#include <unistd.h>

#include "sys/tty.h"

void
tty_keys_as_chars(int fd, struct tty_saved *saved)
{
	struct termios t;

	saved->set = false;
	if (!isatty(fd) || tcgetattr(fd, &saved->t) == -1)
		return;
	t = saved->t;
	t.c_cc[VINTR] = _POSIX_VDISABLE;
	t.c_cc[VQUIT] = _POSIX_VDISABLE;
	t.c_cc[VSUSP] = _POSIX_VDISABLE;
	t.c_cc[VEOL] = TTY_CTRL_C;	/* Ctrl-C ends the line at once */
	if (tcsetattr(fd, TCSANOW, &t) == 0)
		saved->set = true;
}

void
tty_restore(int fd, const struct tty_saved *saved)
{
	if (saved->set)
		tcsetattr(fd, TCSANOW, &saved->t);
}
