/* fuzz_cache.c: libFuzzer harness for the decoder of the catalog cache
 * (core/catalog_codec.c). The cache is a file in the user's home, so its
 * bytes are input like any other: whatever they are, decoding must end in
 * a refusal or in a catalog as sane as a loaded one, never in a crash. The
 * checksum is made to fit and the key taken from the input itself, so
 * that the fuzzer gets past both into the structure. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog_codec.h"
#include "core/text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalog cat;
	struct buf b = { 0 };
	const char *why;
	char *copy;
	size_t keylen = 0, i;

	copy = malloc(size + 1);
	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	if (size >= CATALOG_CODEC_HEADER) {
		for (i = 0; i < 4; i++)
			keylen |= (size_t)data[12 + i] << (8 * i);
		if (keylen > size - CATALOG_CODEC_HEADER)
			keylen = 0;
		catalog_codec_seal(copy, size);
	}
	if (catalog_decode(copy, size, copy + CATALOG_CODEC_HEADER, keylen,
	    &cat, &why)) {
		/* what a front end would do: read every field */
		catalog_dump(&cat, &b);
		for (i = 0; i < cat.n; i++) {
			if (!catalog_valid_id(cat.v[i].id) ||
			    !text_plain(cat.v[i].name, strlen(cat.v[i].name)))
				abort();
		}
		buf_free(&b);
		catalog_free(&cat);
	} else if (cat.n != 0 || cat.v != NULL || why == NULL)
		abort();
	free(copy);
	return 0;
}
