/* kv.c: reading "key value" lines strictly. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/kv.h"
#include "core/text.h"
#include "core/xmalloc.h"

void
kv_init(struct kv_reader *r, const char *text)
{
	memset(r, 0, sizeof *r);
	r->p = text;
}

bool
kv_next(struct kv_reader *r)
{
	const char *p = r->p, *nl, *sp;
	size_t klen, i;

	free(r->line.val);
	r->line.val = NULL;
	if (r->bad || *p == '\0')
		return false;
	if ((nl = strchr(p, '\n')) == NULL ||
	    (sp = memchr(p, ' ', (size_t)(nl - p))) == NULL) {
		r->bad = true;
		return false;
	}
	klen = (size_t)(sp - p);
	if (klen == 0 || klen > KV_KEY_MAX) {
		r->bad = true;
		return false;
	}
	for (i = 0; i < klen; i++) {
		if ((p[i] < 'a' || p[i] > 'z') && p[i] != '-') {
			r->bad = true;
			return false;
		}
	}
	/* valid UTF-8 with nothing that could steer a terminal */
	if (!text_plain(sp + 1, (size_t)(nl - sp - 1))) {
		r->bad = true;
		return false;
	}
	memcpy(r->line.key, p, klen);
	r->line.key[klen] = '\0';
	r->line.val = xstrndup(sp + 1, (size_t)(nl - sp - 1));
	r->p = nl + 1;
	return true;
}

void
kv_done(struct kv_reader *r)
{
	free(r->line.val);
	r->line.val = NULL;
}

bool
kv_number(const char *s, unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;
	size_t i;

	if (s[0] == '\0' || (s[0] == '0' && s[1] != '\0'))
		return false;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9' || i >= 19)
			return false;
		v = v * 10 + (unsigned long long)(s[i] - '0');
	}
	if (v > max)
		return false;
	*out = v;
	return true;
}
