/* wizard.h: the wizard's flow as a state machine.
 * It takes key-level events and the current time, changes the person's
 * progress, and builds the view of the current screen. It does no I/O: the
 * front end saves progress when an event says so and draws the view. */
#ifndef OPTOUT_WIZARD_H
#define OPTOUT_WIZARD_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/catalog.h"
#include "core/progress.h"
#include "core/receipt.h"
#include "core/room.h"
#include "core/view.h"
#include "core/workshop.h"

enum wz_event_kind {
	WZ_UP,
	WZ_DOWN,
	WZ_HOME,
	WZ_END,
	WZ_NEXT,	/* Enter: choose the focused item, or go on */
	WZ_BACK,	/* Esc, Backspace: one screen back */
	WZ_TICK,	/* Space: tick or untick in a checklist */
	WZ_PICK,	/* a digit: the n-th item (n from 1) */
	WZ_OPEN,	/* Right: open only the focused platform */
	WZ_HELP,
	WZ_QUIT,
	WZ_FILTER,	/* '/': type to filter the platform list */
	WZ_CHAR,	/* a typed character (n: the code point) */
	WZ_ERASE,	/* Backspace while typing */
	WZ_HAND,	/* in a workshop: raise or lower the hand */
	WZ_CODE,	/* 'c' on the welcome screen: type a resume code */
	WZ_LINEAR,	/* 'l': the other front end, same place */
	WZ_LANG,	/* 'd', 'e': the wizard's language (n: enum lang) */
	WZ_LABELS,	/* 'm' on the steps: the platform's words in the
			   other language */
	WZ_GLYPHS	/* 'a' on the self-check: plain letters or not */
};

struct wz_event {
	enum wz_event_kind kind;
	int		 n;
};

/* What an event changed, as bits. */
#define WZ_R_SCREEN	0x01	/* another screen: reset scrolling */
#define WZ_R_PROGRESS	0x02	/* progress changed: save it */
#define WZ_R_LANG	0x04	/* the language changed */
#define WZ_R_EXIT	0x08	/* the person wants to leave */
#define WZ_R_WIPE	0x10	/* a kiosk visit ends: clear everything */
#define WZ_R_RECEIPT	0x20	/* save the receipt as a file (personal) */
#define WZ_R_PRINT	0x40	/* run the administrator's print command */
#define WZ_R_FRONTEND	0x80	/* switch full screen <-> linear; w->linear
				   says which one draws from now on */

/* What the details screen asks for. */
enum wz_form {
	WZ_FORM_PERSON,	/* name and e-mail address, for a letter */
	WZ_FORM_ORG	/* the organisation's name and account */
};

enum wz_mode {
	WZ_PERSONAL,	/* one person's terminal; progress kept */
	WZ_KIOSK,	/* a public terminal: visits, nothing kept */
	WZ_SHARED	/* an SSH host; kept only with --personal */
};

struct wizard {
	const struct catalog *cat;	/* borrowed */
	struct progress	*prog;		/* borrowed */
	enum lang	 lang;
	enum lang	 default_lang;	/* a new kiosk visit starts in it */
	enum wz_mode	 mode;
	int		 idle_left;	/* kiosk: seconds to the wipe; -1 */
	bool		 utf8;		/* the terminal can show arrows */
	bool		 ascii;		/* the person chose plain letters */
	bool		 colour;	/* the front end shows colours */
	bool		 linear;	/* the linear front end draws it */
	bool		 default_linear; /* a new kiosk visit starts in it */
	bool		 switch_ok;	/* the other front end can run here */
	bool		 persistent;	/* progress is kept between sessions */
	enum labels	 labels;	/* every platform's words; unset: as
					   the wizard */
	enum labels	 default_labels; /* a new kiosk visit starts with it */
	enum wz_screen	 screen;
	enum wz_screen	 back_to;	/* where help and quit return */
	size_t		 focus;		/* on choice screens */
	size_t		 back_focus;
	size_t		 help_focus;	/* help's item, for its pages */
	size_t		 list_focus;	/* remembered in the platform list */
	size_t		*queue;		/* owned: catalog indices to walk */
	size_t		 nqueue;
	size_t		 qpos;
	size_t		 surface;	/* index into the platform's surfaces */
	char		 filter[64];	/* UTF-8; the list shows matches only */
	bool		 filtering;	/* keys go into the filter */
	char		 code[128];	/* a resume code being typed (ASCII) */
	bool		 entering_code;	/* keys go into the code */
	char		*code_note;	/* owned: what a typed code did */
	bool		 code_error;	/* ... it was mistyped or useless */
	int		 stale_days;	/* older "verified" dates are flagged */
	char		*message;	/* owned: the last thing that happened */
	bool		 message_error;
	char		*notice;	/* owned: shown on the welcome screen */
	char		*save_error;	/* owned: lasting "not saved" banner */
	bool		 can_print;	/* an administrator set a print command */
	struct takehome	 th;		/* typed on screen; never saved */
	size_t		 letter;	/* catalog index of the letter shown */
	enum wz_form	 form;		/* what the details screen asks */
	bool		 editing;	/* keys go into the focused field */
	char		 edit[TAKEHOME_FIELD];	/* the field as typed */
	char		*receipt_note;	/* owned: where the receipt was saved */
	bool		 receipt_file;	/* save the receipt as a file (personal
					   mode; by default when persistent) */
	char		*print_note;	/* owned: why printing did not work */
	/* In a workshop (optout --shared --workshop NAME): */
	const struct workshop *workshop; /* borrowed; NULL: no workshop */
	unsigned	 seat;		/* in the trainer's room; 0: none */
	bool		 hand;		/* raised: the trainer sees it */
	enum broadcast_kind broadcast;	/* shown over the screen until a key */
	unsigned	 broadcasts;	/* counts those shown */
	char		*broadcast_text; /* owned: the trainer's message */
};

void	 wizard_init(struct wizard *, const struct catalog *,
	     struct progress *, enum lang, bool utf8, bool persistent);
void	 wizard_free(struct wizard *);
/* A new visit: progress cleared, everything back to the welcome screen in
 * the default language. */
void	 wizard_reset(struct wizard *);
int	 wizard_handle(struct wizard *, struct wz_event, time_t now);
/* Builds the current screen; the caller frees it with view_free(). */
void	 wizard_view(const struct wizard *, time_t now, struct view *);

/* The front end reports how saving went; NULL means saved. */
void	 wizard_set_save_error(struct wizard *, const char *);
void	 wizard_set_notice(struct wizard *, const char *);
/* The receipt in a format, in the wizard's language; owned. */
char	*wizard_receipt(const struct wizard *, time_t now,
	     enum receipt_format);
/* The front end says where it saved the receipt, or why it could not. */
void	 wizard_set_receipt_saved(struct wizard *, const char *path,
	     const char *err);
/* The front end says how printing went: NULL, or what went wrong. */
void	 wizard_set_printed(struct wizard *, const char *err);
/* A workshop's profile: its platforms are ticked (and, when fixed, the
 * platform list is skipped) and walked in its order. */
void	 wizard_set_workshop(struct wizard *, const struct workshop *);
/* The trainer's message or pause, shown until the next key; text is the
 * message (NULL for a pause). */
void	 wizard_show_broadcast(struct wizard *, enum broadcast_kind,
	     const char *text);
/* The trainer's console went away, or came: a seat number or 0. */
void	 wizard_set_seat(struct wizard *, unsigned seat);
/* The platform being worked on, or NULL. */
const struct platform *wizard_platform(const struct wizard *);
/* May text be drawn with umlauts, arrows and lines (not plain ASCII)? */
bool	 wizard_utf8(const struct wizard *);
/* The language in which a platform's own words are shown. */
enum lang wizard_label_lang(const struct wizard *, const struct platform *);
/* Help, quit and help's pages: screens over the flow. */
bool	 wizard_overlay(enum wz_screen);

enum wz_restore {
	WZ_RESTORED,		/* some or all of the code restored */
	WZ_RESTORE_MISTYPED,	/* not a code as typed: nothing changed */
	WZ_RESTORE_FAILED	/* a valid code that restores nothing here */
};

/* Restores a resume code into prog (see resume_restore()); *said (owned)
 * tells the person what happened, in the current language. Used by the
 * welcome screen and by optout --resume. */
enum wz_restore wizard_restore_code(const struct catalog *, struct progress *,
	     const char *code, char **said);

#endif
