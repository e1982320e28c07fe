/* workshop.h: a workshop profile, set once by the trainer for everybody.
 * Which platforms, in which order, the default language, whether
 * participants may add platforms. Read from optout.cfg by store/, or
 * published by the trainer's console in the workshop's directory in the
 * small line format below; no I/O here. */
#ifndef OPTOUT_WORKSHOP_H
#define OPTOUT_WORKSHOP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/catalog.h"
#include "core/diag.h"
#include "core/lang.h"

#define WORKSHOP_NAME_MAX	32
#define WORKSHOP_IDLE_MINUTES	5	/* a seat without a key is idle */
#define WORKSHOP_IDLE_MAX	240

struct workshop {
	char	*name;		/* owned */
	char   **platforms;	/* owned ids, in the trainer's order */
	int	*id_lines;		/* owned: where each id stands; 0 unknown */
	size_t	 nplatforms;
	bool	 may_add;	/* participants may tick more platforms */
	bool	 has_lang;
	enum lang lang;		/* the language the welcome screen offers */
	int	 idle_minutes;
	char	*file;		/* owned: where it was defined, or NULL */
	int	 line;
};

struct workshops {
	struct workshop	*v;	/* owned */
	size_t		 n;
};

/* Names: a letter, then letters, digits, '-' and '_'; at most 32. */
bool	 workshop_valid_name(const char *);
void	 workshop_init(struct workshop *, const char *name);
void	 workshop_add_platform(struct workshop *, const char *id, int line);
bool	 workshop_has_platform(const struct workshop *, const char *id);
/* The platforms are set and participants do not choose. */
bool	 workshop_fixed(const struct workshop *);
void	 workshop_copy(struct workshop *, const struct workshop *);
void	 workshop_free(struct workshop *);

/* Puts a workshop into the set (taking its contents); a later definition
 * of a name replaces the earlier one. */
void	 workshops_put(struct workshops *, struct workshop *);
const struct workshop *workshops_find(const struct workshops *,
	     const char *name);
void	 workshops_free(struct workshops *);

/* Reports platforms that the catalog does not have, as file:line. */
void	 workshop_check(const struct workshop *, const struct catalog *,
	     struct diags *);

/* The profile as the trainer's console publishes it (owned text), and
 * back. Parsing accepts only what formatting writes; ids the catalog does
 * not have are left out. Returns false on anything else. */
char	*workshop_format(const struct workshop *);
bool	 workshop_parse(const char *text, const char *name,
	     const struct catalog *, struct workshop *);

#endif
