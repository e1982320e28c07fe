/* resume.h: the resume code, a short text that carries which platforms a
 * person has done, so that they can continue on another computer. It holds
 * no personal data and needs no server; docs/resume-code.md is the spec. */
#ifndef OPTOUT_RESUME_H
#define OPTOUT_RESUME_H

#include <stdbool.h>
#include <stddef.h>

#include "core/catalog.h"
#include "core/progress.h"

/* Longest code accepted or made, in code characters (without '-'). Up to
 * 31 characters every two wrong characters are caught; at any length every
 * single wrong character and every swap of two neighbours. */
#define RESUME_MAX_CHARS	96
#define RESUME_FINGERPRINT_MAX	1024	/* fingerprints are below this */

struct resume_item {
	unsigned	 slot;
	enum status	 status;	/* ST_OPEN: ticked, nothing recorded */
};

/* What a code says, without a catalog. */
struct resume_data {
	enum account	 account;
	unsigned	 fingerprint;	/* of the slots' platform ids */
	struct resume_item *v;		/* owned, slots ascending, unique */
	size_t		 n;
};

enum resume_error {
	RESUME_OK,
	RESUME_EMPTY,		/* nothing typed */
	RESUME_BAD_CHAR,	/* a character that no code has */
	RESUME_TOO_SHORT,
	RESUME_TOO_LONG,
	RESUME_MISTYPED,	/* a character wrong, missing, extra, swapped */
	RESUME_NEWER		/* made by a newer optout */
};

/* The code for data, in groups of four ("7K2M-X9QD-..."); owned. NULL if
 * data has no items or the code would exceed RESUME_MAX_CHARS. */
char	*resume_format(const struct resume_data *);
/* Reads a code as typed: any case, '-' and blanks anywhere, I and L for 1,
 * O for 0. On an error *bad is the offending character (RESUME_BAD_CHAR)
 * and data is empty. Never returns data for a mistyped code. */
enum resume_error resume_parse(const char *text, struct resume_data *,
	     char *bad);
void	 resume_data_free(struct resume_data *);

/* The fingerprint of the platforms in these slots, or false when the
 * catalog lacks one of the slots. */
bool	 resume_fingerprint(const struct catalog *, const struct resume_item *,
	     size_t n, unsigned *out);

/* What this session's code carries: every platform that is ticked or has
 * a status and has a slot. *left_out (may be NULL) counts the others. */
void	 resume_collect(const struct catalog *, const struct progress *,
	     struct resume_data *, size_t *left_out);
/* resume_collect, then resume_format; NULL if there is nothing to carry. */
char	*resume_code(const struct catalog *, const struct progress *,
	     size_t *left_out);

/* What restoring a code did, platform by platform (catalog indices). */
struct resume_report {
	size_t	*restored;	/* owned: set (or already so) from the code */
	size_t	 nrestored;
	size_t	*kept;		/* owned: finished here, left as they were */
	size_t	 nkept;
	size_t	 unknown;	/* platforms this catalog does not have */
	bool	 mismatch;	/* the code's slots mean other platforms here:
				   nothing restored */
	bool	 account;	/* the account kind was taken from the code */
};

/* Puts the code's statuses into progress (marked changed, to be saved):
 * a platform finished here keeps its record, and a status is never
 * replaced by "open"; restored records carry no time (time 0), since
 * codes carry none. Slots this catalog lacks are counted, not guessed. */
void	 resume_restore(const struct catalog *, struct progress *,
	     const struct resume_data *, struct resume_report *);
void	 resume_report_free(struct resume_report *);

#endif
