/* diag.h: problems found in a file, each as "file:line: message".
 * Loaders collect all of them so that a validator can list every problem
 * at once; callers decide whether a warning stops anything. */
#ifndef OPTOUT_DIAG_H
#define OPTOUT_DIAG_H

#include <stdbool.h>
#include <stddef.h>

struct diag {
	char	*file;		/* owned */
	int	 line;		/* 0 when the problem has no line */
	bool	 warning;
	char	*msg;		/* owned */
};

struct diags {
	struct diag	*v;	/* owned */
	size_t		 n;
	size_t		 nerrors;
};

void	 diags_add(struct diags *, const char *file, int line, bool warning,
	     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* "file:line: message" (or "file: message"); caller owns the result. */
char	*diag_format(const struct diag *);
void	 diags_free(struct diags *);

#endif
