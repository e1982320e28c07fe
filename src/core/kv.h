/* kv.h: the line format of the workshop's small files.
 * Each line is "key value\n": a key of a-z and '-', one blank, and a value
 * of valid UTF-8 without control characters. The files are written by
 * other processes (other users, even), so the reader accepts nothing
 * else. */
#ifndef OPTOUT_KV_H
#define OPTOUT_KV_H

#include <stdbool.h>
#include <stddef.h>

#define KV_KEY_MAX	23

struct kv_line {
	char		 key[KV_KEY_MAX + 1];
	char		*val;		/* owned by the reader, NUL-ended */
};

struct kv_reader {
	const char	*p;		/* the rest of the text */
	struct kv_line	 line;
	bool		 bad;		/* a malformed line was met */
};

void	 kv_init(struct kv_reader *, const char *text);
/* The next line in r->line; false at the end or at a malformed line
 * (then r->bad is set). */
bool	 kv_next(struct kv_reader *);
void	 kv_done(struct kv_reader *);

/* A whole number from 0 to max, written in decimal without sign or
 * leading zeros. */
bool	 kv_number(const char *, unsigned long long max,
	     unsigned long long *);

#endif
