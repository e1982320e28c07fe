/* catalog_codec.h: a loaded catalog as bytes and back, for the cache of
 * the parsed catalog (store/catalog_cache.c). Pure: buffers in and out.
 *
 * The bytes carry a key (what the catalog was loaded from; opaque here)
 * and a checksum. The decoder trusts nothing: a damaged, truncated, stale
 * or hostile buffer is refused as a whole, never half-read, and what it
 * accepts holds what the loader guarantees (every string valid UTF-8
 * without control, bidi or zero-width characters and not blank, required
 * fields present, codes and dates in range, links https://, ids unique). */
#ifndef OPTOUT_CATALOG_CODEC_H
#define OPTOUT_CATALOG_CODEC_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/catalog.h"

/* Bump when the encoding or what the loader produces changes. */
#define CATALOG_CODEC_VERSION	1
#define CATALOG_CODEC_HEADER	32	/* bytes before the key */

/* Appends the encoding of cat, loaded from what key describes, to out. */
void	 catalog_encode(const struct catalog *, const char *key,
	     size_t keylen, struct buf *out);

/* Decodes data into *cat if it is a whole, intact encoding made for this
 * key. Returns true, or false with *why (a constant) saying why not;
 * *cat is then empty. The strings of *cat are not copied one by one: they
 * stay where they are in the bytes (which carry a NUL after each), and
 * the catalog owns the bytes (catalog.texts). catalog_decode copies data
 * first; catalog_decode_owned takes data (malloc'd, len + 1 bytes) over,
 * and frees it when it refuses. */
bool	 catalog_decode(const char *data, size_t len, const char *key,
	     size_t keylen, struct catalog *, const char **why);
bool	 catalog_decode_owned(char *data, size_t len, const char *key,
	     size_t keylen, struct catalog *, const char **why);

/* The checksum the encoding carries (over everything after the header);
 * tests use it to forge well-formed but hostile encodings. */
void	 catalog_codec_seal(char *data, size_t len);

/* Every field of every platform as text, one "path = value" per line, in
 * catalog order: tests compare two catalogs with it (catalog_dump.c). */
void	 catalog_dump(const struct catalog *, struct buf *out);

#endif
