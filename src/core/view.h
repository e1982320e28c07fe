/* view.h: one screen of the wizard as data, ready to be drawn.
 * The wizard builds it; the full-screen front end (and later the linear
 * one) only lays it out. All strings are owned UTF-8. */
#ifndef OPTOUT_VIEW_H
#define OPTOUT_VIEW_H

#include <stdbool.h>
#include <stddef.h>

enum wz_screen {
	SCR_WELCOME,
	SCR_WHO,
	SCR_PLATFORMS,
	SCR_INFO,
	SCR_SURFACE,
	SCR_STEPS,
	SCR_RECORD,
	SCR_SUMMARY,
	SCR_TAKEHOME,	/* after the summary: receipt, letters, finish */
	SCR_RECEIPT,
	SCR_LETTERS,	/* which platform to write a letter to */
	SCR_DETAILS,	/* typing name and e-mail, or the organisation */
	SCR_LETTER,
	SCR_HELP,
	SCR_QUIT,
	SCR_KEYS,	/* from help: every key */
	SCR_GLOSSARY,	/* from help: the words explained */
	SCR_SELFCHECK,	/* from help: do umlauts, lines and colours show? */
	SCR_COUNT
};

enum vkind {
	V_TEXT,		/* a paragraph */
	V_HEADING,	/* a short heading above paragraphs */
	V_NOTE,		/* something important: bold */
	V_BULLET,	/* one point of a list */
	V_STEP,		/* a numbered step; num is set */
	V_FINAL,	/* the final action, numbered, emphasised */
	V_CRUMB,	/* the menu path on one line */
	V_LINK,		/* an address to type or scan */
	V_DIM,		/* secondary: dates, sources */
	V_QR,		/* text to show as a QR code (num: enum vqr), where it
			   fits; the text itself is in a block before it */
	V_SWATCH	/* a sample of a style; num is an enum vswatch */
};

enum vqr {
	VQR_LINK,	/* an address: byte mode */
	VQR_CODE	/* a resume code: alphanumeric mode */
};

/* The self-check's samples of every style, one line each. */
enum vswatch {
	SW_PLAIN,	/* plain text, e.g. lines of a box */
	SW_TITLE,	/* the title line */
	SW_HEADING,
	SW_NOTE,
	SW_CRUMB,
	SW_LINK,
	SW_DIM,
	SW_FOCUS,	/* the chosen line */
	SW_ERROR	/* a problem on the status line */
};

struct vblock {
	enum vkind	 kind;
	int		 num;
	char		*text;
};

struct vitem {
	char	*label;
	char	*detail;	/* status or explanation, or NULL */
	int	 check;		/* -1: not a checklist item; 0/1: ticked */
	char	*group;		/* a heading to draw before it, or NULL */
};

/* Keys shown at the bottom; the front end names the key itself, so that it
 * can say "Up/Down" where a terminal has no arrows to draw. */
enum vkey_kind {
	VK_MOVE,
	VK_SCROLL,
	VK_TICK,
	VK_ENTER,
	VK_OPEN,
	VK_BACK,
	VK_HELP,
	VK_QUIT,
	VK_SEARCH,
	VK_HAND,	/* a workshop: raise or lower the hand */
	VK_CODE,	/* type a resume code */
	VK_QR,		/* show the QR code on the whole screen */
	VK_LANG_DE,	/* switch to German (d), shown in English */
	VK_LANG_EN,	/* switch to English (e), shown in German */
	VK_LINEAR,	/* the other front end (l) */
	VK_LABELS,	/* the platform's words in the other language (m) */
	VK_GLYPHS	/* plain letters, or all signs again (a) */
};

struct vkey {
	enum vkey_kind	 kind;
	char		*label;
};

struct view {
	enum wz_screen	 screen;
	char		*title;
	char		*context;	/* "Platform 1 of 3", or NULL */
	struct vblock	*blocks;
	size_t		 nblocks;
	struct vitem	*items;		/* none on a text screen */
	size_t		 nitems;
	size_t		 focus;
	char		*enter_label;	/* what Enter does once all is read */
	struct vkey	*keys;
	size_t		 nkeys;
	char		*message;	/* the last thing that happened */
	bool		 message_error;
	char		*banner;	/* a lasting problem, e.g. not saved */
	char		*input_label;	/* a text being typed, e.g. "Search:" */
	char		*input;
	bool		 input_active;	/* the cursor belongs in the input */
	bool		 any_key;	/* any key goes on (a notice over the
					   screen) */
};

void	 view_add_block(struct view *, enum vkind, int num, const char *);
void	 view_add_blockf(struct view *, enum vkind, const char *, ...)
	     __attribute__((format(printf, 3, 4)));
void	 view_add_item(struct view *, const char *label, const char *detail,
	     int check, const char *group);
void	 view_add_key(struct view *, enum vkey_kind, const char *label);
void	 view_free(struct view *);
/* The letter of a key that is a letter in every front end ("l", "e",
 * ...), or NULL. */
const char *view_key_letter(enum vkey_kind);

#endif
