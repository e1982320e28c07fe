/* progress.h: what a person has chosen and recorded, platform by platform.
 * This is what the state file keeps between sessions. Records of platforms
 * that the catalog no longer has are kept, so nothing recorded is lost. */
#ifndef OPTOUT_PROGRESS_H
#define OPTOUT_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/catalog.h"
#include "core/lang.h"

enum status {
	ST_OPEN,		/* nothing recorded yet */
	ST_DONE,		/* switched / done */
	ST_FORM_SENT,		/* form sent, waiting for the confirmation */
	ST_CONFIRMED,		/* confirmation e-mail received */
	ST_NO_ACCOUNT,
	ST_LATER,
	ST_HELP,		/* needs help from an adviser */
	ST_PROBLEM,
	ST_NOTED,		/* read: nothing to switch, or nothing needed */
	ST_COUNT
};

enum account {
	ACCOUNT_UNSET,
	ACCOUNT_PRIVATE,
	ACCOUNT_ORG,
	ACCOUNT_COUNT
};

struct record {
	char		*id;		/* owned: platform id */
	bool		 selected;	/* ticked in the platform list */
	enum status	 status;
	bool		 has_surface;
	enum surface_kind surface;	/* where it was done */
	time_t		 time;		/* when status was recorded; 0: never */
	enum labels	 labels;	/* the platform's words: chosen language */
	bool		 dirty;		/* changed in this session, not saved */
};

struct progress {
	enum account	 account;
	bool		 has_lang;
	enum lang	 lang;
	enum labels	 labels;	/* every platform's words, if chosen */
	bool		 ascii;		/* plain letters chosen (self-check) */
	struct record	*v;		/* owned */
	size_t		 n;
	size_t		 cap;		/* records v has room for */
	bool		 dirty_account;	/* changed in this session */
	bool		 dirty_lang;
	bool		 dirty_labels;
	bool		 dirty_ascii;
};

const char	*status_code(enum status);
bool		 status_from_code(const char *, enum status *);
const char	*account_code(enum account);
bool		 account_from_code(const char *, enum account *);

/* Finished: nothing is left to do for this platform. */
bool		 status_is_final(enum status);

/* A recorded switch (status done) should be checked again from the day
 * platform_recheck_days() after the day it was recorded, since settings
 * can change back. recheck_from gives that day; false for other records. */
bool		 progress_recheck_from(const struct platform *,
		     const struct record *, int32_t *day);
/* The check-again day has come (it is today or earlier). */
bool		 progress_recheck_due(const struct platform *,
		     const struct record *, int32_t today);

struct record	*progress_find(const struct progress *, const char *id);
struct record	*progress_get(struct progress *, const char *id);
/* A new open record for id, which the caller knows is not there yet (a
 * loader that checks for repeats once, at the end). */
struct record	*progress_append(struct progress *, const char *id);
void		 progress_select(struct progress *, const char *id, bool);
void		 progress_record(struct progress *, const char *id,
		     enum status, const enum surface_kind *, time_t);
void		 progress_set_account(struct progress *, enum account);
void		 progress_set_lang(struct progress *, enum lang);
void		 progress_set_labels(struct progress *, enum labels);
void		 progress_set_ascii(struct progress *, bool);
/* The language of one platform's own words, chosen on its steps. */
void		 progress_set_platform_labels(struct progress *, const char *id,
		     enum labels);
/* Puts this session's changes (the dirty parts of src) into dst, which
 * holds what another session may have saved meanwhile. */
void		 progress_merge(struct progress *dst, const struct progress *src);
void		 progress_mark_saved(struct progress *);
void		 progress_clear(struct progress *);
void		 progress_copy(struct progress *, const struct progress *);

#endif
