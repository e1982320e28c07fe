/* catalog.h: the platform catalog as the wizard sees it.
 * Filled by store/ from the catalog files; every string is owned, already
 * sanitised, valid UTF-8. Nothing here knows about files or libconfig. */
#ifndef OPTOUT_CATALOG_H
#define OPTOUT_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/lang.h"

enum mechanism {
	MECH_TOGGLE_OFF,	/* switch a setting off to object */
	MECH_TOGGLE_ON,		/* switch a setting on (or tick it) to object */
	MECH_FORM,		/* send an objection form */
	MECH_EMAIL,		/* send an e-mail (often only an owner may) */
	MECH_ADMIN,		/* only an organisation's administrator can */
	MECH_NONE,		/* nothing to switch, no form */
	MECH_NOT_NEEDED,	/* the vendor says it does not train on it */
	MECH_COUNT
};

enum category {
	CAT_SOCIAL,
	CAT_MESSENGER,
	CAT_ASSISTANT,
	CAT_TOOLS,		/* creative and work tools */
	CAT_PUBLISHING,
	CAT_OTHER,
	CAT_COUNT
};

enum surface_kind {
	SURF_WEB,
	SURF_APP,		/* the Android and iPhone apps alike */
	SURF_ANDROID,
	SURF_IOS,
	SURF_DESKTOP,
	SURF_COUNT
};

enum final_action {
	ACT_SWITCH_OFF,
	ACT_SWITCH_ON,
	ACT_SUBMIT,
	ACT_CHOOSE,		/* pick an option among several */
	ACT_COUNT
};

enum event_kind {
	EVENT_ANNOUNCED,
	EVENT_DEADLINE,
	EVENT_TRAINING_START,
	EVENT_COUNT
};

struct step {
	struct ltext	 text;	/* our instruction; "{}" stands for the label */
	struct ltext	 label;	/* the platform's own words, may lack "de" */
	bool		 menu;	/* the label is part of the breadcrumb */
};

struct final {
	enum final_action action;
	struct ltext	 label;	/* the switch or button, platform's words */
	struct ltext	 state;	/* the platform's word for the target state */
	struct ltext	 after;	/* our words: what to do next (e.g. save) */
};

struct surface {
	enum surface_kind kind;
	char		*url;	/* direct link, or NULL */
	struct ltext	 search; /* keyword for the platform's own search */
	struct step	*steps;
	size_t		 nsteps;
	struct final	 final;
};

struct event {
	enum event_kind	 kind;
	int32_t		 date;
	struct ltext	 what;
};

struct source {
	char	*url;
	char	*publisher;
	char	*date;		/* as written: YYYY[-MM[-DD]] or "undated" */
};

struct form {
	struct ltext	 name;	/* platform label of the form */
	char		*url;
	struct ltext	 asks;
	struct ltext	 purpose; /* set when the form is an extra step */
	bool		 confirmation;
};

struct email_objection {
	char		*address;
	struct ltext	 who;	/* who may send it */
	struct ltext	 subject;
	struct ltext	 body;
	bool		 confirmation;
};

struct contact {
	char	*name;
	char	*email;		/* or NULL */
	char	*url;		/* or NULL */
};

/* Slots number the platforms in resume codes: given once, never changed
 * or reused (docs/resume-code.md). */
#define CATALOG_SLOT_MAX	4095

struct platform {
	char		*id;
	bool		 enabled;	/* false: a file that hides the id */
	bool		 has_slot;	/* false: not carried in resume codes */
	unsigned	 slot;		/* 0 to CATALOG_SLOT_MAX */
	int		 slot_line;	/* for messages about it */
	char		*name;
	char		*operator_name;
	enum category	 category;
	int32_t		 verified;
	int		 verified_line;	/* for warnings about its age */
	enum mechanism	 mechanism;
	struct ltext	 summary;
	struct ltext	 legal_basis;
	struct ltext	 excluded;
	struct ltext	 retroactivity;
	struct ltext	*caveats;
	size_t		 ncaveats;
	struct ltext	*uncertain;
	size_t		 nuncertain;
	struct ltext	*alternatives;	/* what a person can still do */
	size_t		 nalternatives;
	struct event	*events;
	size_t		 nevents;
	bool		 org_can_object;
	struct ltext	 org_note;
	struct form	*form;		/* NULL if the platform has none */
	struct email_objection *email;	/* NULL unless mechanism email */
	struct contact	*contact;	/* NULL if no source gives one */
	int		 recheck_days;	/* check a switch again after; 0: default */
	struct surface	*surfaces;
	size_t		 nsurfaces;
	struct source	*sources;
	size_t		 nsources;
	char		*file;		/* where it came from */
};

/* A recorded switch is flagged "check again" this many days after it was
 * recorded, unless the platform's file sets recheck_days. */
#define CATALOG_RECHECK_DAYS	90

struct catalog {
	struct platform	*v;	/* owned, sorted by category, then name */
	size_t		 n;
	char		*texts;	/* owned, or NULL: read from the cache, the
				   platforms' strings all live in here and
				   are not theirs (catalog_codec.h) */
};

const char	*mechanism_code(enum mechanism);
bool		 mechanism_from_code(const char *, enum mechanism *);
const char	*category_code(enum category);
bool		 category_from_code(const char *, enum category *);
const char	*surface_code(enum surface_kind);
bool		 surface_from_code(const char *, enum surface_kind *);
const char	*action_code(enum final_action);
bool		 action_from_code(const char *, enum final_action *);
const char	*event_code(enum event_kind);
bool		 event_from_code(const char *, enum event_kind *);

/* Index of the platform with this id, or -1. */
long		 catalog_find(const struct catalog *, const char *id);
/* Index of the platform with this resume-code slot, or -1. */
long		 catalog_find_slot(const struct catalog *, unsigned slot);
/* Platform ids: a-z, 0-9 and _, 1 to 64 characters. */
bool		 catalog_valid_id(const char *);
/* A direct link: "https://" and more, without spaces. */
bool		 catalog_valid_url(const char *);
/* A plain e-mail address: something@domain.tld, no spaces or quotes. */
bool		 catalog_valid_address(const char *);
/* A step whose text has "{}" for a label but which has no label. */
bool		 catalog_step_lacks_label(const struct step *);
/* Sorts by category, then by name (the order of the platform list). */
void		 catalog_sort(struct catalog *);
/* Does this mechanism need steps on a surface? */
bool		 mechanism_needs_surfaces(enum mechanism);
/* Removes the platform at index i (of a catalog without texts). */
void		 catalog_remove(struct catalog *, size_t);
/* Is the platform's "verified" date more than days before today? */
bool		 platform_stale(const struct platform *, int32_t today,
		     int days);
/* Days after which a recorded switch should be checked again. */
int		 platform_recheck_days(const struct platform *);
/* Nothing to switch for an ordinary account (no switch, e-mail only, or an
 * administrator's setting), or an operator contact is known: the wizard
 * offers an objection letter (it does so for any platform on request). */
bool		 platform_offers_letter(const struct platform *);
/* The training start date, if the catalog has one. */
bool		 platform_training_start(const struct platform *, int32_t *);
/* Frees a platform that owns its strings: not one of a catalog read from
 * the cache (catalog_free frees those). */
void		 platform_free(struct platform *);
void		 catalog_free(struct catalog *);

#endif
