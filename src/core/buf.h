/* buf.h: a growable byte buffer for building strings and files in memory.
 * Used by view builders and the state-file writer; never fails (xmalloc). */
#ifndef OPTOUT_BUF_H
#define OPTOUT_BUF_H

#include <stddef.h>

struct buf {
	char	*data;	/* owned; always NUL-terminated once anything was added */
	size_t	 len;
	size_t	 cap;
};

void	 buf_add(struct buf *, const char *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addf(struct buf *, const char *, ...)
	     __attribute__((format(printf, 2, 3)));
char	*buf_take(struct buf *);	/* caller owns the result; buf is reset */
void	 buf_free(struct buf *);

#endif
