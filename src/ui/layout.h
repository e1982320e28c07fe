/* layout.h: a view laid out as lines for a given width.
 * Kept apart from drawing so the wrapping and scrolling rules are plain
 * data; draw.c turns the lines into curses calls. */
#ifndef OPTOUT_UI_LAYOUT_H
#define OPTOUT_UI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/view.h"

enum lstyle {
	LS_PLAIN,
	LS_HEADING,
	LS_NOTE,
	LS_CRUMB,
	LS_LINK,
	LS_DIM,
	LS_GROUP,
	LS_ITEM
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

void	 layout_build(const struct view *, size_t width, bool utf8,
	     struct layout *);
void	 layout_free(struct layout *);
/* A string in the terminal's charset (ASCII where not UTF-8); owned. */
char	*layout_text(const char *, bool utf8);

#endif
