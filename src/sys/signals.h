/* signals.h: signals as flags for the main loop.
 * Handlers only record which signal came; the main loop saves, restores the
 * terminal and leaves. Installed before curses, so curses keeps them. */
#ifndef OPTOUT_SIGNALS_H
#define OPTOUT_SIGNALS_H

#include <signal.h>
#include <stdbool.h>

void	 signals_install(void);
/* Kiosk: Ctrl-C, Ctrl-\ and Ctrl-Z (and the same signals sent from
 * outside) cannot end or stop optout; SIGTERM and SIGHUP still can. */
void	 signals_ignore_interactive(void);
/* Shared host, linear mode: Ctrl-Z must not stop optout, for there is no
 * shell to bring it back. */
void	 signals_ignore_stop(void);
/* The linear mode has no use for window sizes: a resize must not
 * interrupt its reads (curses leaves its SIGWINCH handler behind). *old
 * keeps that handler for signals_restore_resize(): ncurses installs it
 * once per process, so a full screen after the linear mode needs it back
 * to notice a resize at all (found by tests/torture/monkey.py). */
void	 signals_default_resize(struct sigaction *old);
void	 signals_restore_resize(const struct sigaction *old);
/* No core dumps: a crash must not leave a visitor's answers on disk. */
void	 signals_no_core_dumps(void);
/* The first signal that asked us to leave, or 0. */
int	 signals_pending(void);
/* Holds back the signals that ask us to leave, Ctrl-Z's and a resize's
 * (*old: the mask before, for pselect() to let them in while it waits,
 * and for the end). */
void	 signals_hold(sigset_t *old);

/* Ctrl-Z (SIGTSTP) in the full-screen mode becomes a flag too, unless it
 * is ignored (a kiosk). Call before curses starts: ncurses then leaves it
 * to us instead of leaving curses inside its signal handler. */
void	 signals_catch_stop(void);
/* Whether Ctrl-Z came since the last call. */
bool	 signals_stop_pending(void);
/* Stops the process now, as Ctrl-Z would have; returns when continued. */
void	 signals_stop_now(void);
/* Ctrl-Z has its default action again (the full-screen mode ends). */
void	 signals_release_stop(void);

#endif
