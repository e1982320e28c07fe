/* catalog_codec.c: the catalog as bytes and back (see catalog_codec.h).
 *
 * Layout: a header of CATALOG_CODEC_HEADER bytes
 *   0  "OPTOUTCC"        magic
 *   8  u32 version       CATALOG_CODEC_VERSION
 *  12  u32 keylen
 *  16  u64 length        of everything after the header
 *  24  u64 checksum      of everything after the header
 * then the key, then the catalog. Numbers are little-endian; a string is
 * a u32 length and its bytes (0xffffffff: absent); a list is a u32 count
 * and its elements; a bool is one byte, 0 or 1.
 *
 * The decoder checks what the loader guarantees, field by field (the
 * "spec" arguments below mirror catalog_load.c), so that nothing it hands
 * out can crash or mislead the wizard more than a catalog file could. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog_codec.h"
#include "core/date.h"
#include "core/text.h"
#include "core/xmalloc.h"

#define MAGIC		"OPTOUTCC"
#define NONE		UINT32_C(0xffffffff)
#define MAX_STRING	(256 * 1024)	/* a platform file's cap */
#define MAX_PLATFORMS	(1024 * 1024)
#define MAX_LIST	65536		/* elements of one list */

/* A new field in these structures must be encoded, decoded, checked and
 * dumped: this trips the build where the sizes are known, as a reminder. */
#if defined(__x86_64__) && defined(__LP64__)
_Static_assert(sizeof(struct platform) == 280 &&
    sizeof(struct surface) == 104 && sizeof(struct step) == 40 &&
    sizeof(struct final) == 56 && sizeof(struct event) == 24 &&
    sizeof(struct source) == 24 && sizeof(struct form) == 64 &&
    sizeof(struct email_objection) == 64 && sizeof(struct contact) == 24 &&
    sizeof(struct ltext) == 16 && LANG_COUNT == 2,
    "catalog.h changed: update catalog_codec.c, catalog_dump.c and "
    "CATALOG_CODEC_VERSION");
#endif

/* ---- checksum: one multiply-xorshift step per 8 bytes. Each step is a
 * bijection of the state for a given word and injective in the word, so
 * any change within one word (a flipped bit) changes the result. */

static uint64_t
mix(uint64_t h)
{
	h *= UINT64_C(0xff51afd7ed558ccd);
	return h ^ (h >> 33);
}

static uint64_t
checksum(const char *p, size_t n)
{
	uint64_t h = UINT64_C(0x9e3779b97f4a7c15) ^ (uint64_t)n, w;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = mix(h ^ w);
	}
	if (n > 0) {
		w = 0;
		memcpy(&w, p, n);
		h = mix(h ^ w);
	}
	return mix(h);
}

/* ---- writing */

static void
put_u32(struct buf *b, uint32_t v)
{
	char c[4] = { (char)v, (char)(v >> 8), (char)(v >> 16),
	    (char)(v >> 24) };

	buf_add(b, c, 4);
}

static void
put_u8(struct buf *b, unsigned v)
{
	char c = (char)v;

	buf_add(b, &c, 1);
}

static void
put_str(struct buf *b, const char *s)
{
	size_t n;

	if (s == NULL) {
		put_u32(b, NONE);
		return;
	}
	n = strlen(s);
	put_u32(b, (uint32_t)n);
	buf_add(b, s, n + 1);	/* with its NUL: read back in place */
}

static void
put_ltext(struct buf *b, const struct ltext *t)
{
	int l;

	for (l = 0; l < LANG_COUNT; l++)
		put_str(b, t->s[l]);
}

static void
put_ltexts(struct buf *b, const struct ltext *v, size_t n)
{
	size_t i;

	put_u32(b, (uint32_t)n);
	for (i = 0; i < n; i++)
		put_ltext(b, &v[i]);
}

static void
put_surface(struct buf *b, const struct surface *s)
{
	size_t i;

	put_u8(b, s->kind);
	put_str(b, s->url);
	put_ltext(b, &s->search);
	put_u32(b, (uint32_t)s->nsteps);
	for (i = 0; i < s->nsteps; i++) {
		put_ltext(b, &s->steps[i].text);
		put_ltext(b, &s->steps[i].label);
		put_u8(b, s->steps[i].menu);
	}
	put_u8(b, s->final.action);
	put_ltext(b, &s->final.label);
	put_ltext(b, &s->final.state);
	put_ltext(b, &s->final.after);
}

static void
put_platform(struct buf *b, const struct platform *p)
{
	size_t i;

	put_str(b, p->id);
	put_u8(b, p->enabled);
	put_u8(b, p->has_slot);
	put_u32(b, p->slot);
	put_u32(b, (uint32_t)p->slot_line);
	put_str(b, p->name);
	put_str(b, p->operator_name);
	put_u8(b, p->category);
	put_u32(b, (uint32_t)p->verified);
	put_u32(b, (uint32_t)p->verified_line);
	put_u8(b, p->mechanism);
	put_ltext(b, &p->summary);
	put_ltext(b, &p->legal_basis);
	put_ltext(b, &p->excluded);
	put_ltext(b, &p->retroactivity);
	put_ltexts(b, p->caveats, p->ncaveats);
	put_ltexts(b, p->uncertain, p->nuncertain);
	put_ltexts(b, p->alternatives, p->nalternatives);
	put_u32(b, (uint32_t)p->nevents);
	for (i = 0; i < p->nevents; i++) {
		put_u8(b, p->events[i].kind);
		put_u32(b, (uint32_t)p->events[i].date);
		put_ltext(b, &p->events[i].what);
	}
	put_u8(b, p->org_can_object);
	put_ltext(b, &p->org_note);
	put_u8(b, p->form != NULL);
	if (p->form != NULL) {
		put_ltext(b, &p->form->name);
		put_str(b, p->form->url);
		put_ltext(b, &p->form->asks);
		put_ltext(b, &p->form->purpose);
		put_u8(b, p->form->confirmation);
	}
	put_u8(b, p->email != NULL);
	if (p->email != NULL) {
		put_str(b, p->email->address);
		put_ltext(b, &p->email->who);
		put_ltext(b, &p->email->subject);
		put_ltext(b, &p->email->body);
		put_u8(b, p->email->confirmation);
	}
	put_u8(b, p->contact != NULL);
	if (p->contact != NULL) {
		put_str(b, p->contact->name);
		put_str(b, p->contact->email);
		put_str(b, p->contact->url);
	}
	put_u32(b, (uint32_t)p->recheck_days);
	put_u32(b, (uint32_t)p->nsurfaces);
	for (i = 0; i < p->nsurfaces; i++)
		put_surface(b, &p->surfaces[i]);
	put_u32(b, (uint32_t)p->nsources);
	for (i = 0; i < p->nsources; i++) {
		put_str(b, p->sources[i].url);
		put_str(b, p->sources[i].publisher);
		put_str(b, p->sources[i].date);
	}
	put_str(b, p->file);
}

static void
store_le(char *p, uint64_t v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		p[i] = (char)(v >> (8 * i));
}

void
catalog_codec_seal(char *data, size_t len)
{
	store_le(data + 24, checksum(data + CATALOG_CODEC_HEADER,
	    len - CATALOG_CODEC_HEADER), 8);
}

void
catalog_encode(const struct catalog *c, const char *key, size_t keylen,
    struct buf *out)
{
	struct buf b = { 0 };
	char head[CATALOG_CODEC_HEADER] = MAGIC;
	size_t i;

	buf_add(&b, head, sizeof head);		/* filled in below */
	buf_add(&b, key, keylen);
	put_u32(&b, (uint32_t)c->n);
	for (i = 0; i < c->n; i++)
		put_platform(&b, &c->v[i]);
	store_le(b.data + 8, CATALOG_CODEC_VERSION, 4);
	store_le(b.data + 12, keylen, 4);
	store_le(b.data + 16, b.len - CATALOG_CODEC_HEADER, 8);
	catalog_codec_seal(b.data, b.len);
	buf_add(out, b.data, b.len);
	buf_free(&b);
}

/* ---- reading: every get_ function returns false, with rd->why set, as
 * soon as something does not fit; the caller then frees what it has.
 * Strings are not copied: the decoded catalog points into the bytes it
 * was read from, which it then owns (catalog.texts). */

struct rd {
	unsigned char	*p;		/* the next byte */
	size_t		 left;		/* bytes from p on */
	const char	*why;
};

static bool
bad(struct rd *r, const char *why)
{
	if (r->why == NULL)
		r->why = why;
	return false;
}

static bool
get_u32(struct rd *r, uint32_t *v)
{
	if (r->left < 4)
		return bad(r, "truncated");
	*v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 |
	    (uint32_t)r->p[2] << 16 | (uint32_t)r->p[3] << 24;
	r->p += 4;
	r->left -= 4;
	return true;
}

static bool
get_u8(struct rd *r, unsigned limit, unsigned *v)
{
	if (r->left < 1)
		return bad(r, "truncated");
	if ((*v = r->p[0]) >= limit)
		return bad(r, "a code out of range");
	r->p++;
	r->left--;
	return true;
}

static bool
get_bool(struct rd *r, bool *v)
{
	unsigned u;

	if (!get_u8(r, 2, &u))
		return false;
	*v = u != 0;
	return true;
}

/* A list's length; each element takes at least min bytes. */
static bool
get_count(struct rd *r, size_t min, size_t max, size_t *n)
{
	uint32_t v;

	if (!get_u32(r, &v))
		return false;
	if (v > max || v > r->left / min)
		return bad(r, "a list longer than the data");
	*n = v;
	return true;
}

enum presence { OPTIONAL, REQUIRED };

/* A string as the loader leaves it: valid UTF-8 without unsafe
 * characters, not blank. */
static bool
get_str(struct rd *r, enum presence want, char **out)
{
	uint32_t n, k;
	char *s;

	*out = NULL;
	if (!get_u32(r, &n))
		return false;
	if (n == NONE)
		return want == OPTIONAL || bad(r, "a required text is missing");
	if (n > MAX_STRING || n >= r->left)
		return bad(r, "a text longer than the data");
	s = (char *)r->p;
	if (s[n] != '\0')
		return bad(r, "a text without its end");
	if (!text_plain(s, n))
		return bad(r, "a text with a control character or invalid "
		    "UTF-8");
	for (k = 0; k < n && s[k] == ' '; k++)
		;
	if (k == n)
		return bad(r, "a blank text");
	*out = s;
	r->p += (size_t)n + 1;
	r->left -= (size_t)n + 1;
	return true;
}

/* Texts: WORDS are ours and come in both languages or not at all;
 * LABELS are the platform's and need English whenever present. */
enum ltext_kind { WORDS, LABELS };

static bool
get_ltext(struct rd *r, enum presence want, enum ltext_kind kind,
    struct ltext *t)
{
	int l, have = 0;

	for (l = 0; l < LANG_COUNT; l++) {
		if (!get_str(r, OPTIONAL, &t->s[l]))
			return false;
		have += t->s[l] != NULL;
	}
	if (have == 0)
		return want == OPTIONAL || bad(r, "a required text is missing");
	if (t->s[LANG_EN] == NULL || (kind == WORDS && have != LANG_COUNT))
		return bad(r, "a text lacks a language");
	return true;
}

static bool
get_ltexts(struct rd *r, struct ltext **v, size_t *n)
{
	size_t i, k;

	if (!get_count(r, 8, MAX_LIST, &k))
		return false;
	if (k == 0)
		return true;
	*v = xcalloc(k, sizeof **v);
	*n = k;
	for (i = 0; i < k; i++) {
		if (!get_ltext(r, REQUIRED, WORDS, &(*v)[i]))
			return false;
	}
	return true;
}

static bool
get_url(struct rd *r, enum presence want, char **out)
{
	if (!get_str(r, want, out))
		return false;
	return *out == NULL || catalog_valid_url(*out) ||
	    bad(r, "a link that is not https://");
}

static bool
get_address(struct rd *r, enum presence want, char **out)
{
	if (!get_str(r, want, out))
		return false;
	return *out == NULL || catalog_valid_address(*out) ||
	    bad(r, "an e-mail address that is not one");
}

/* A day from 1970-01-01 to 9999-12-31, as date_parse accepts. */
static bool
get_date(struct rd *r, int32_t *d)
{
	uint32_t v;

	if (!get_u32(r, &v))
		return false;
	*d = (int32_t)v;
	if (*d < 0 || *d > date_from_civil(9999, 12, 31))
		return bad(r, "a date out of range");
	return true;
}

static bool
get_surface(struct rd *r, struct surface *s)
{
	unsigned u;
	size_t i;

	if (!get_u8(r, SURF_COUNT, &u))
		return false;
	s->kind = (enum surface_kind)u;
	if (!get_url(r, OPTIONAL, &s->url) ||
	    !get_ltext(r, OPTIONAL, LABELS, &s->search) ||
	    !get_count(r, 17, MAX_LIST, &s->nsteps))
		return false;
	if (s->nsteps == 0)
		return bad(r, "a surface without steps");
	s->steps = xcalloc(s->nsteps, sizeof *s->steps);
	for (i = 0; i < s->nsteps; i++) {
		struct step *st = &s->steps[i];

		if (!get_ltext(r, REQUIRED, WORDS, &st->text) ||
		    !get_ltext(r, OPTIONAL, LABELS, &st->label) ||
		    !get_bool(r, &st->menu))
			return false;
		if (catalog_step_lacks_label(st))
			return bad(r, "a step with {} but no label");
	}
	if (!get_u8(r, ACT_COUNT, &u))
		return false;
	s->final.action = (enum final_action)u;
	return get_ltext(r, REQUIRED, LABELS, &s->final.label) &&
	    get_ltext(r, OPTIONAL, LABELS, &s->final.state) &&
	    get_ltext(r, OPTIONAL, WORDS, &s->final.after);
}

static bool
get_form(struct rd *r, struct platform *p)
{
	bool has;

	if (!get_bool(r, &has))
		return false;
	if (!has)
		return p->mechanism != MECH_FORM ||
		    bad(r, "mechanism form without a form");
	p->form = xcalloc(1, sizeof *p->form);
	return get_ltext(r, OPTIONAL, LABELS, &p->form->name) &&
	    get_url(r, REQUIRED, &p->form->url) &&
	    get_ltext(r, REQUIRED, WORDS, &p->form->asks) &&
	    get_ltext(r, OPTIONAL, WORDS, &p->form->purpose) &&
	    get_bool(r, &p->form->confirmation);
}

static bool
get_email(struct rd *r, struct platform *p)
{
	bool has;

	if (!get_bool(r, &has))
		return false;
	if (!has)
		return p->mechanism != MECH_EMAIL ||
		    bad(r, "mechanism email without an address");
	p->email = xcalloc(1, sizeof *p->email);
	return get_address(r, REQUIRED, &p->email->address) &&
	    get_ltext(r, REQUIRED, WORDS, &p->email->who) &&
	    get_ltext(r, REQUIRED, WORDS, &p->email->subject) &&
	    get_ltext(r, REQUIRED, WORDS, &p->email->body) &&
	    get_bool(r, &p->email->confirmation);
}

static bool
get_contact(struct rd *r, struct platform *p)
{
	bool has;

	if (!get_bool(r, &has))
		return false;
	if (!has)
		return true;
	p->contact = xcalloc(1, sizeof *p->contact);
	if (!get_str(r, REQUIRED, &p->contact->name) ||
	    !get_address(r, OPTIONAL, &p->contact->email) ||
	    !get_url(r, OPTIONAL, &p->contact->url))
		return false;
	return p->contact->email != NULL || p->contact->url != NULL ||
	    bad(r, "a contact without an address or a link");
}

static bool
get_platform(struct rd *r, struct platform *p)
{
	unsigned u;
	uint32_t line, days, slot;
	size_t i, j;

	if (!get_str(r, REQUIRED, &p->id))
		return false;
	if (!catalog_valid_id(p->id))
		return bad(r, "an invalid id");
	if (!get_bool(r, &p->enabled))
		return false;
	if (!p->enabled)
		return bad(r, "a disabled platform");
	if (!get_bool(r, &p->has_slot) || !get_u32(r, &slot) ||
	    !get_u32(r, &line))
		return false;
	if (slot > CATALOG_SLOT_MAX || (!p->has_slot && slot != 0) ||
	    line > MAX_STRING)
		return bad(r, "a slot out of range");
	p->slot = slot;
	p->slot_line = (int)line;
	if (!get_str(r, REQUIRED, &p->name) ||
	    !get_str(r, REQUIRED, &p->operator_name) ||
	    !get_u8(r, CAT_COUNT, &u))
		return false;
	p->category = (enum category)u;
	if (!get_date(r, &p->verified) || !get_u32(r, &line))
		return false;
	if (line > MAX_STRING)
		return bad(r, "a line number out of range");
	p->verified_line = (int)line;
	if (!get_u8(r, MECH_COUNT, &u))
		return false;
	p->mechanism = (enum mechanism)u;
	if (!get_ltext(r, REQUIRED, WORDS, &p->summary) ||
	    !get_ltext(r, REQUIRED, WORDS, &p->legal_basis) ||
	    !get_ltext(r, OPTIONAL, WORDS, &p->excluded) ||
	    !get_ltext(r, REQUIRED, WORDS, &p->retroactivity) ||
	    !get_ltexts(r, &p->caveats, &p->ncaveats) ||
	    !get_ltexts(r, &p->uncertain, &p->nuncertain) ||
	    !get_ltexts(r, &p->alternatives, &p->nalternatives) ||
	    !get_count(r, 13, MAX_LIST, &p->nevents))
		return false;
	if (p->nevents > 0)
		p->events = xcalloc(p->nevents, sizeof *p->events);
	for (i = 0; i < p->nevents; i++) {
		if (!get_u8(r, EVENT_COUNT, &u))
			return false;
		p->events[i].kind = (enum event_kind)u;
		if (!get_date(r, &p->events[i].date) ||
		    !get_ltext(r, REQUIRED, WORDS, &p->events[i].what))
			return false;
	}
	if (!get_bool(r, &p->org_can_object) ||
	    !get_ltext(r, REQUIRED, WORDS, &p->org_note) ||
	    !get_form(r, p) || !get_email(r, p) || !get_contact(r, p) ||
	    !get_u32(r, &days))
		return false;
	if (days > 3650)	/* 0: the default; else as the loader allows */
		return bad(r, "recheck_days out of range");
	p->recheck_days = (int)days;
	if (!get_count(r, 30, MAX_LIST, &p->nsurfaces))
		return false;
	if (p->nsurfaces == 0 && mechanism_needs_surfaces(p->mechanism))
		return bad(r, "a mechanism without surfaces");
	if (p->nsurfaces > 0)
		p->surfaces = xcalloc(p->nsurfaces, sizeof *p->surfaces);
	for (i = 0; i < p->nsurfaces; i++) {
		if (!get_surface(r, &p->surfaces[i]))
			return false;
		for (j = 0; j < i; j++) {
			if (p->surfaces[j].kind == p->surfaces[i].kind)
				return bad(r, "a surface listed twice");
		}
	}
	if (!get_count(r, 12, MAX_LIST, &p->nsources))
		return false;
	if (p->nsources == 0)
		return bad(r, "a platform without sources");
	p->sources = xcalloc(p->nsources, sizeof *p->sources);
	for (i = 0; i < p->nsources; i++) {
		struct source *s = &p->sources[i];

		if (!get_url(r, REQUIRED, &s->url) ||
		    !get_str(r, REQUIRED, &s->publisher) ||
		    !get_str(r, REQUIRED, &s->date))
			return false;
		if (!date_parse_loose(s->date))
			return bad(r, "a source date out of form");
	}
	return get_str(r, REQUIRED, &p->file);
}

static int
cmp_id(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Ids, and the slots of resume codes, each used once (as the loader
 * makes sure). */
static bool
unique_ids(const struct catalog *c)
{
	unsigned char taken[(CATALOG_SLOT_MAX + 1) / 8] = { 0 };
	const char **ids;
	bool ok = true;
	size_t i;

	for (i = 0; i < c->n; i++) {
		const struct platform *p = &c->v[i];

		if (!p->has_slot)
			continue;
		if (taken[p->slot / 8] & (1u << (p->slot % 8)))
			return false;
		taken[p->slot / 8] |= (unsigned char)(1u << (p->slot % 8));
	}
	if (c->n < 2)
		return true;
	ids = xcalloc(c->n, sizeof *ids);
	for (i = 0; i < c->n; i++)
		ids[i] = c->v[i].id;
	qsort(ids, c->n, sizeof *ids, cmp_id);
	for (i = 1; i < c->n && ok; i++)
		ok = strcmp(ids[i - 1], ids[i]) != 0;
	free(ids);
	return ok;
}

static uint64_t
load_le(const unsigned char *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static bool
fail(struct catalog *c, char *data, const char **why, const char *what)
{
	catalog_free(c);	/* its strings are in data: nothing else */
	free(data);
	*why = what;
	return false;
}

bool
catalog_decode_owned(char *data, size_t len, const char *key, size_t keylen,
    struct catalog *c, const char **why)
{
	const unsigned char *h = (const unsigned char *)data;
	struct rd r = { NULL, 0, NULL };
	size_t i, n;

	memset(c, 0, sizeof *c);
	c->texts = data;	/* so that a failure frees nothing twice */
	if (len < CATALOG_CODEC_HEADER || memcmp(data, MAGIC, 8) != 0)
		return fail(c, NULL, why, "not a catalog cache");
	if (load_le(h + 8, 4) != CATALOG_CODEC_VERSION)
		return fail(c, NULL, why, "another version");
	if (load_le(h + 16, 8) != len - CATALOG_CODEC_HEADER)
		return fail(c, NULL, why, "truncated or extended");
	if (load_le(h + 12, 4) != keylen ||
	    keylen > len - CATALOG_CODEC_HEADER ||
	    memcmp(data + CATALOG_CODEC_HEADER, key, keylen) != 0)
		return fail(c, NULL, why, "made from other files");
	if (load_le(h + 24, 8) != checksum(data + CATALOG_CODEC_HEADER,
	    len - CATALOG_CODEC_HEADER))
		return fail(c, NULL, why, "damaged (wrong checksum)");
	r.p = (unsigned char *)data + CATALOG_CODEC_HEADER + keylen;
	r.left = len - CATALOG_CODEC_HEADER - keylen;
	if (!get_count(&r, 80, MAX_PLATFORMS, &n))
		return fail(c, NULL, why, r.why);
	if (n == 0)
		return fail(c, NULL, why, "no platforms");
	c->v = xcalloc(n, sizeof *c->v);
	c->n = n;
	for (i = 0; i < n; i++) {
		if (!get_platform(&r, &c->v[i]))
			return fail(c, NULL, why, r.why);
	}
	if (r.left != 0)
		return fail(c, NULL, why, "data after the end");
	if (!unique_ids(c))
		return fail(c, NULL, why, "an id used twice");
	catalog_sort(c);	/* the loader's order, whatever the bytes say */
	*why = NULL;
	return true;
}

bool
catalog_decode(const char *data, size_t len, const char *key, size_t keylen,
    struct catalog *c, const char **why)
{
	char *copy = xmalloc(len + 1);

	memcpy(copy, data, len);
	return catalog_decode_owned(copy, len, key, keylen, c, why);
}
