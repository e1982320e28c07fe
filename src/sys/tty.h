/* tty.h: the terminal's line settings for the linear mode on a kiosk or a
 * shared host, where Ctrl-C, Ctrl-\ and Ctrl-Z must not send signals (the
 * shell that sshd starts optout from would get them too). Ctrl-C then
 * ends the line as the character 0x03, which the linear mode reads. */
#ifndef OPTOUT_TTY_H
#define OPTOUT_TTY_H

#include <stdbool.h>
#include <termios.h>

#define TTY_CTRL_C	'\003'

struct tty_saved {
	bool		 set;		/* keys changed; restore them */
	struct termios	 t;
};

/* Changes fd's keys (a terminal only); *saved says how to go back. */
void	 tty_keys_as_chars(int fd, struct tty_saved *saved);
void	 tty_restore(int fd, const struct tty_saved *saved);

#endif
