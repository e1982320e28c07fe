/* layout.h: a view laid out as lines for a given width.
 * Kept apart from drawing so the wrapping and scrolling rules are plain
 * data; draw.c turns the lines into curses calls. */
#ifndef OPTOUT_UI_LAYOUT_H
#define OPTOUT_UI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/qrtext.h"
#include "core/view.h"

enum lstyle {
	LS_PLAIN,
	LS_HEADING,
	LS_NOTE,
	LS_CRUMB,
	LS_LINK,
	LS_DIM,
	LS_GROUP,
	LS_ITEM,
	LS_QR,		/* a line of a QR code: draw dark on light */
	LS_TITLE,	/* the self-check's samples of the other styles */
	LS_FOCUS,
	LS_ERROR
};

struct lline {
	char		*text;		/* owned, already in the terminal's charset */
	char		*prefix;	/* owned: "1. ", "* ", "[x] " or NULL */
	size_t		 indent;	/* columns before prefix/text */
	enum lstyle	 style;
	long		 item;		/* item index, or -1 */
	bool		 item_first;	/* the item's first line */
	long		 block;		/* block index, or -1 */
	size_t		 off;		/* byte offset of text in the block */
};

struct layout {
	struct lline	*v;
	size_t		 n;
	long		 focus_line;	/* first line of the focused item */
};

/* The last QR code made: a screen is laid out again on every key, and a
 * code takes about a millisecond to make. */
struct qr_cache {
	char		*text;		/* owned; NULL: empty */
	bool		 alnum;
	bool		 ok;		/* the text fits a QR code */
	struct qr_matrix m;
};

/* The QR code of text (NULL if it fits none); owned by the cache. */
const struct qr_matrix *qr_cache_get(struct qr_cache *, const char *text,
	     bool alnum);
void	 qr_cache_free(struct qr_cache *);

/* How much room there is and what the terminal can show. */
struct layout_room {
	size_t	 width;		/* columns for the text */
	size_t	 height;	/* lines on the screen for it */
	bool	 utf8;
	bool	 qr;		/* QR codes can be drawn (colours) */
	struct qr_cache *cache;
};

/* A QR code goes in as lines where it fits in the room (on a screen with
 * choices, only if all of it then fits), otherwise as a line saying how
 * to show it on the whole screen. */
void	 layout_build(const struct view *, const struct layout_room *,
	     struct layout *);
void	 layout_free(struct layout *);
/* A string in the terminal's charset (ASCII where not UTF-8); owned. */
char	*layout_text(const char *, bool utf8);

#endif
