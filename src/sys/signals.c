/* signals.c: flag-setting handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "sys/signals.h"

static volatile sig_atomic_t pending;
static volatile sig_atomic_t stop_pending;
static bool stop_caught;
static const int leave_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
#define NLEAVE	(sizeof leave_sigs / sizeof leave_sigs[0])

static void
on_signal(int sig)
{
	if (pending == 0)
		pending = sig;
}

void
signals_install(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	sa.sa_flags = 0;	/* no SA_RESTART: a blocked read returns */
	for (i = 0; i < NLEAVE; i++)
		sigaction(leave_sigs[i], &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

/* One signal's handler, no flags, nothing blocked (*old: the one before). */
static void
set_handler(int sig, void (*handler)(int), struct sigaction *old)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = handler;
	sigaction(sig, &sa, old);
}

static void
set_all(const int *sigs, size_t n, void (*handler)(int))
{
	size_t i;

	for (i = 0; i < n; i++)
		set_handler(sigs[i], handler, NULL);
}

void
signals_ignore_interactive(void)
{
	static const int sigs[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };

	set_all(sigs, sizeof sigs / sizeof sigs[0], SIG_IGN);
}

void
signals_ignore_stop(void)
{
	static const int sigs[] = { SIGTSTP, SIGTTIN, SIGTTOU };

	set_all(sigs, sizeof sigs / sizeof sigs[0], SIG_IGN);
}

void
signals_default_resize(struct sigaction *old)
{
	set_handler(SIGWINCH, SIG_DFL, old);
}

void
signals_restore_resize(const struct sigaction *old)
{
	sigaction(SIGWINCH, old, NULL);
}

void
signals_no_core_dumps(void)
{
	struct rlimit rl = { 0, 0 };

	setrlimit(RLIMIT_CORE, &rl);
#ifdef __linux__
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);	/* also no ptrace by others */
#endif
}

int
signals_pending(void)
{
	return pending;
}

void
signals_hold(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < NLEAVE; i++)
		sigaddset(&set, leave_sigs[i]);
	sigaddset(&set, SIGTSTP);
	/* A resize too: one that came between the look for a key and the
	 * wait for one was handled at once and then waited for the next key
	 * (found by tests/torture/monkey.py, seed 6696); held, it ends the
	 * wait. */
	sigaddset(&set, SIGWINCH);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void
on_stop(int sig)
{
	(void)sig;
	stop_pending = 1;
}

/* ncurses' own SIGTSTP handler leaves curses and stops inside the signal
 * handler, in the middle of whatever drawing it interrupted; if the
 * window was resized while stopped, the redraw on SIGCONT reallocated the
 * screen under that drawing call, which then crashed (found by
 * tests/torture/monkey.py under ASan). The main loop does it instead. */
void
signals_catch_stop(void)
{
	struct sigaction old;

	if (sigaction(SIGTSTP, NULL, &old) == -1 || old.sa_handler != SIG_DFL)
		return;		/* ignored: a kiosk cannot be stopped */
	stop_pending = 0;
	set_handler(SIGTSTP, on_stop, NULL);
	stop_caught = true;
}

bool
signals_stop_pending(void)
{
	bool was = stop_pending != 0;

	stop_pending = 0;
	return was;
}

void
signals_stop_now(void)
{
	sigset_t set, prev;

	set_handler(SIGTSTP, SIG_DFL, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, &prev);
	raise(SIGTSTP);		/* stopped here until SIGCONT */
	sigprocmask(SIG_SETMASK, &prev, NULL);
	set_handler(SIGTSTP, on_stop, NULL);
}

void
signals_release_stop(void)
{
	if (stop_caught) {
		set_handler(SIGTSTP, SIG_DFL, NULL);
		stop_caught = false;
	}
}
