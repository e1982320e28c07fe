/* ui.h: the full-screen front end.
 * It draws the wizard's views with ncursesw and turns keys into wizard
 * events; saving is done through a hook so that it knows nothing of files. */
#ifndef OPTOUT_UI_H
#define OPTOUT_UI_H

#include <stdbool.h>
#include <time.h>

#include "core/wizard.h"

#define UI_MIN_COLS	50
#define UI_MIN_LINES	16

struct ui_hooks {
	/* Saves progress; returns 0, or -1 with *err (owned). */
	int	 (*save)(void *ctx, char **err);
	void	*ctx;
	/* The current time (injectable for tests). */
	time_t	 (*now)(void);
	/* Saves the receipt as a file; 0 with *path, or -1 with *err (both
	 * owned). Never called in kiosk or shared mode. */
	int	 (*save_receipt)(void *ctx, const char *text, char **path,
		     char **err);
	/* Runs the administrator's print command with text on its standard
	 * input; 0, or -1 with *err (owned). */
	int	 (*print)(void *ctx, const char *text, char **err);
	/* In a workshop: called after every key (key true) and about once a
	 * second; keeps the seat in the trainer's room and may put the
	 * trainer's broadcast on the wizard. NULL outside a workshop. */
	void	 (*sync)(void *room, struct wizard *, bool key);
	void	*room;
};

/* How the front end behaves beyond drawing the wizard. */
struct ui_config {
	bool	raw_keys;	/* Ctrl-C, Ctrl-Z, Ctrl-\ are only keys */
	bool	kiosk;		/* visits: idle warning, then a wipe */
	int	idle_seconds;
	int	idle_warning_seconds;
};

/* Hands an event to the wizard, then follows a language change and saves
 * changed progress (a failed save becomes the wizard's banner). Returns
 * the wizard's result bits. Shared by both front ends. */
int	 ui_apply_event(struct wizard *, const struct ui_hooks *,
	     struct wz_event);

/* Prints the receipt (after WZ_R_PRINT) and tells the wizard how it
 * went. The full-screen front end gives the terminal back around it. */
void	 ui_print_receipt(struct wizard *, const struct ui_hooks *);
/* Seconds on a clock that only goes forward (kiosk idle times). */
double	 ui_monotonic(void);

/* The end of a kiosk visit in the linear mode: clears the terminal's
 * screen and scrollback where terminfo knows how (the only escape codes
 * the linear mode ever writes), without curses. */
void	 ui_wipe_terminal(void);

/* Can this terminal run the full-screen mode? Returns 0, or -1 with *why
 * (owned) saying what is missing and what to do. Writes nothing. */
int	 ui_check_terminal(char **why);

/* What ui_run and linear_run return when the person pressed 'l': the
 * other front end takes over the same wizard, at the same place. */
#define UI_SWITCH	(-2)

/* Runs the wizard until the person quits (returns 0), a signal asks us to
 * leave (returns the signal number), the terminal goes away (returns
 * -1) or the person asks for the linear mode (UI_SWITCH). The terminal is
 * restored in every case. */
int	 ui_run(struct wizard *, const struct ui_hooks *,
	     const struct ui_config *);

#endif
