/* resume.c: resume codes (format 1, see docs/resume-code.md).
 *
 * The code is one number written in base 32 (Crockford's alphabet),
 * followed by two check characters. The number packs, from its lowest
 * digit up, in mixed radix: the format, the account kind, a fingerprint of
 * the platform ids, the highest slot m, its status, and the rank of the
 * other (slot, status) pairs below m among all such sets, smallest sets
 * first. A session of 8 platforms out of 34 needs about 67 bits. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/resume.h"
#include "core/xmalloc.h"

#define NSTATUS		9	/* statuses a code carries: ST_OPEN..ST_NOTED */
#define SMALL_SLOTS	64	/* highest slots below this cost 7 bits */
#define BIG_LIMBS	32	/* 1024 bits: codes are at most 480 */

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* ---- unsigned big numbers, just what the code needs ---- */

struct big {
	uint32_t	 v[BIG_LIMBS];	/* least significant first */
	size_t		 n;		/* limbs in use; v[n - 1] != 0 */
};

static void
big_set(struct big *b, uint32_t x)
{
	b->n = x != 0;
	b->v[0] = x;
}

static bool
big_is_zero(const struct big *b)
{
	return b->n == 0;
}

/* b = b * m + a; false if it does not fit. */
static bool
big_muladd(struct big *b, uint32_t m, uint32_t a)
{
	uint64_t carry = a;
	size_t i;

	for (i = 0; i < b->n; i++) {
		carry += (uint64_t)b->v[i] * m;
		b->v[i] = (uint32_t)carry;
		carry >>= 32;
	}
	if (carry != 0) {
		if (b->n == BIG_LIMBS)
			return false;
		b->v[b->n++] = (uint32_t)carry;
	}
	while (b->n > 0 && b->v[b->n - 1] == 0)
		b->n--;
	return true;
}

/* b = b / d; returns b mod d. */
static uint32_t
big_divmod(struct big *b, uint32_t d)
{
	uint64_t rem = 0;
	size_t i;

	for (i = b->n; i-- > 0;) {
		rem = rem << 32 | b->v[i];
		b->v[i] = (uint32_t)(rem / d);
		rem %= d;
	}
	while (b->n > 0 && b->v[b->n - 1] == 0)
		b->n--;
	return (uint32_t)rem;
}

static int
big_cmp(const struct big *a, const struct big *b)
{
	size_t i;

	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (i = a->n; i-- > 0;) {
		if (a->v[i] != b->v[i])
			return a->v[i] < b->v[i] ? -1 : 1;
	}
	return 0;
}

static bool
big_add(struct big *a, const struct big *b)
{
	uint64_t carry = 0;
	size_t i, n = a->n > b->n ? a->n : b->n;

	for (i = 0; i < n; i++) {
		carry += (uint64_t)(i < a->n ? a->v[i] : 0) +
		    (i < b->n ? b->v[i] : 0);
		a->v[i] = (uint32_t)carry;
		carry >>= 32;
	}
	a->n = n;
	if (carry != 0) {
		if (n == BIG_LIMBS)
			return false;
		a->v[a->n++] = (uint32_t)carry;
	}
	return true;
}

/* a = a - b, for a >= b. */
static void
big_sub(struct big *a, const struct big *b)
{
	int64_t borrow = 0, d;
	size_t i;

	for (i = 0; i < a->n; i++) {
		d = (int64_t)a->v[i] - (i < b->n ? b->v[i] : 0) - borrow;
		borrow = d < 0;
		a->v[i] = (uint32_t)(d + (borrow ? (int64_t)1 << 32 : 0));
	}
	while (a->n > 0 && a->v[a->n - 1] == 0)
		a->n--;
}

/* C(n, k), or false if it does not fit. */
static bool
binomial(unsigned n, unsigned k, struct big *out)
{
	unsigned i;

	big_set(out, k <= n);
	for (i = 1; i <= k && !big_is_zero(out); i++) {
		/* C(n, i) = C(n, i - 1) * (n - i + 1) / i, exact */
		if (!big_muladd(out, n - i + 1, 0))
			return false;
		big_divmod(out, i);
	}
	return true;
}

/* C(n, k) * 9^k: how many sets of k (slot, status) pairs lie below slot
 * n. False if it does not fit (then it is more than any code holds). */
static bool
sets_of_size(unsigned n, unsigned k, struct big *out)
{
	unsigned i;

	if (!binomial(n, k, out))
		return false;
	for (i = 0; i < k && !big_is_zero(out); i++) {
		if (!big_muladd(out, NSTATUS, 0))
			return false;
	}
	return true;
}

/* ---- the check characters: two sums over GF(32) ---- */

/* Multiplication in GF(32) = GF(2)[x] / (x^5 + x^2 + 1). */
static unsigned
gf_mul(unsigned a, unsigned b)
{
	unsigned r = 0;

	while (b != 0) {
		if (b & 1)
			r ^= a;
		b >>= 1;
		a <<= 1;
		if (a & 0x20)
			a ^= 0x25;
	}
	return r;
}

static unsigned
gf_inv(unsigned a)
{
	unsigned r = 1, i;

	for (i = 0; i < 30; i++)	/* a^31 = 1, so a^30 = 1/a */
		r = gf_mul(r, a);
	return r;
}

/* The check reads the code followed by an invisible symbol 1, and weighs
 * each symbol with x^p, p counted from that invisible one (0) back. s0 is
 * the sum of the symbols, s1 the sum of symbol times weight; a code is
 * valid when both are 0. The fixed symbol at the end makes the check see
 * a 0 added or lost at the end, which a plain weighted sum would not. */
static void
syndromes(const unsigned char *sym, size_t n, unsigned *s0, unsigned *s1)
{
	unsigned w = 2;		/* x^1: the last real symbol */
	size_t i;

	*s0 = *s1 = 1;		/* the invisible symbol, weight x^0 */
	for (i = n; i-- > 0;) {
		*s0 ^= sym[i];
		*s1 ^= gf_mul(sym[i], w);
		w = gf_mul(w, 2);	/* repeats after 31 */
	}
}

/* Fills sym[n] and sym[n + 1], the check symbols after the data. */
static void
add_check(unsigned char *sym, size_t n)
{
	unsigned a0, a1;

	sym[n] = sym[n + 1] = 0;
	syndromes(sym, n + 2, &a0, &a1);
	/* c0 (weight x^2) and c1 (weight x) must cancel both sums:
	 * c0 + c1 = a0 and c0 x^2 + c1 x = a1, so c0 (x^2 + x) = a1 + a0 x */
	sym[n] = (unsigned char)gf_mul(a1 ^ gf_mul(a0, 2), gf_inv(4 ^ 2));
	sym[n + 1] = (unsigned char)(a0 ^ sym[n]);
}

/* ---- the number ---- */

static bool
item_less(const struct resume_item *a, const struct resume_item *b)
{
	return a->slot < b->slot;
}

static int
cmp_item(const void *a, const void *b)
{
	const struct resume_item *x = a, *y = b;

	return item_less(x, y) ? -1 : item_less(y, x);
}

/* The number for data (items sorted, at least one); false if too big. */
static bool
pack(const struct resume_data *d, struct big *v)
{
	const struct resume_item *top = &d->v[d->n - 1];
	unsigned m = top->slot, j = (unsigned)d->n - 1, i;
	struct big t;

	/* the rank of the j pairs below m: first all smaller sets ... */
	big_set(v, 0);
	for (i = 0; i < j; i++) {
		if (!sets_of_size(m, i, &t) || !big_add(v, &t))
			return false;
	}
	/* ... then the combination's own rank (combinadic), times 9^j ... */
	big_set(&t, 0);
	for (i = 0; i < j; i++) {
		struct big c;

		if (!binomial(d->v[i].slot, i + 1, &c) || !big_add(&t, &c))
			return false;
	}
	for (i = 0; i < j; i++) {
		if (!big_muladd(&t, NSTATUS, 0))
			return false;
	}
	if (!big_add(v, &t))
		return false;
	/* ... plus the statuses, the lowest slot's as the top digit */
	big_set(&t, 0);
	for (i = 0; i < j; i++) {
		if (!big_muladd(&t, NSTATUS, (uint32_t)d->v[i].status))
			return false;
	}
	if (!big_add(v, &t))
		return false;
	/* the fixed fields, the last one lowest */
	return big_muladd(v, NSTATUS, (uint32_t)top->status) &&
	    (m < SMALL_SLOTS ? big_muladd(v, SMALL_SLOTS, m) &&
	    big_muladd(v, 2, 0) : big_muladd(v, CATALOG_SLOT_MAX + 1 -
	    SMALL_SLOTS, m - SMALL_SLOTS) && big_muladd(v, 2, 1)) &&
	    big_muladd(v, RESUME_FINGERPRINT_MAX, d->fingerprint) &&
	    big_muladd(v, ACCOUNT_COUNT, (uint32_t)d->account) &&
	    big_muladd(v, 2, 1);	/* format 1: the number is never 0 */
}

/* The inverse of pack(); false if v is no valid number. */
static bool
unpack(struct big *v, struct resume_data *d, bool *newer)
{
	unsigned m, j, i, s, upper, status;
	struct big t, c, next;

	*newer = big_divmod(v, 2) != 1;
	if (*newer)
		return false;
	d->account = (enum account)big_divmod(v, ACCOUNT_COUNT);
	d->fingerprint = big_divmod(v, RESUME_FINGERPRINT_MAX);
	if (big_divmod(v, 2) == 0)
		m = big_divmod(v, SMALL_SLOTS);
	else
		m = SMALL_SLOTS + big_divmod(v, CATALOG_SLOT_MAX + 1 -
		    SMALL_SLOTS);
	status = big_divmod(v, NSTATUS);
	/* how many pairs below m */
	for (j = 0;; j++) {
		if (j > m)
			return false;	/* more than there can be */
		if (!sets_of_size(m, j, &t) || big_cmp(v, &t) < 0)
			break;
		big_sub(v, &t);
	}
	d->n = j + 1;
	d->v = xreallocarray(NULL, d->n, sizeof *d->v);
	d->v[j].slot = m;
	d->v[j].status = (enum status)status;
	for (i = j; i-- > 0;)
		d->v[i].status = (enum status)big_divmod(v, NSTATUS);
	/* the combination: for i = j..1, the largest s with C(s, i) <= v */
	upper = m;
	for (i = j; i >= 1; i--) {
		if (big_is_zero(v))
			s = i - 1;	/* C(i - 1, i) = 0 */
		else {
			s = i;
			big_set(&c, 1);		/* C(i, i) */
			while (s + 1 < upper) {
				next = c;	/* C(s + 1, i) */
				if (!big_muladd(&next, s + 1, 0))
					break;
				big_divmod(&next, s + 1 - i);
				if (big_cmp(&next, v) > 0)
					break;
				c = next;
				s++;
			}
			if (big_cmp(&c, v) > 0)
				return false;
			big_sub(v, &c);
		}
		if (s >= upper)
			return false;
		d->v[i - 1].slot = s;
		upper = s;
	}
	return big_is_zero(v);
}

/* ---- text ---- */

static int
symbol_of(char ch)
{
	const char *p;

	if (ch >= 'a' && ch <= 'z')
		ch = (char)(ch - 'a' + 'A');
	if (ch == 'I' || ch == 'L')
		ch = '1';
	else if (ch == 'O')
		ch = '0';
	if (ch == '\0' || (p = strchr(alphabet, ch)) == NULL)
		return -1;
	return (int)(p - alphabet);
}

char *
resume_format(const struct resume_data *d)
{
	unsigned char sym[RESUME_MAX_CHARS + 1];
	struct resume_data sorted = *d;
	struct big v;
	size_t n = 0, i;
	char *out, *o;
	bool ok;

	if (d->n == 0)
		return NULL;
	sorted.v = xreallocarray(NULL, d->n, sizeof *d->v);
	memcpy(sorted.v, d->v, d->n * sizeof *d->v);
	qsort(sorted.v, d->n, sizeof *d->v, cmp_item);
	ok = pack(&sorted, &v);
	free(sorted.v);
	if (!ok)
		return NULL;
	while (!big_is_zero(&v)) {	/* digits, lowest first */
		if (n + 2 >= RESUME_MAX_CHARS)
			return NULL;
		sym[n++] = (unsigned char)big_divmod(&v, 32);
	}
	for (i = 0; i < n / 2; i++) {
		unsigned char t = sym[i];

		sym[i] = sym[n - 1 - i];
		sym[n - 1 - i] = t;
	}
	add_check(sym, n);
	n += 2;
	out = o = xmalloc(n + n / 4 + 1);
	for (i = 0; i < n; i++) {
		if (i > 0 && i % 4 == 0)
			*o++ = '-';
		*o++ = alphabet[sym[i]];
	}
	*o = '\0';
	return out;
}

enum resume_error
resume_parse(const char *text, struct resume_data *d, char *bad)
{
	unsigned char sym[RESUME_MAX_CHARS];
	unsigned s0, s1;
	size_t n = 0, i;
	struct big v;
	bool newer;
	int s;

	memset(d, 0, sizeof *d);
	*bad = '\0';
	for (; *text != '\0'; text++) {
		if (*text == '-' || *text == ' ' || *text == '\t')
			continue;
		if ((s = symbol_of(*text)) < 0) {
			*bad = *text;
			return RESUME_BAD_CHAR;
		}
		if (n == RESUME_MAX_CHARS)
			return RESUME_TOO_LONG;
		sym[n++] = (unsigned char)s;
	}
	if (n == 0)
		return RESUME_EMPTY;
	if (n < 3)
		return RESUME_TOO_SHORT;
	syndromes(sym, n, &s0, &s1);
	/* a code never starts with 0: a leading 0 would change nothing */
	if (s0 != 0 || s1 != 0 || sym[0] == 0)
		return RESUME_MISTYPED;
	big_set(&v, 0);
	for (i = 0; i + 2 < n; i++) {
		if (!big_muladd(&v, 32, sym[i]))
			return RESUME_TOO_LONG;
	}
	if (!unpack(&v, d, &newer)) {
		resume_data_free(d);
		return newer ? RESUME_NEWER : RESUME_MISTYPED;
	}
	return RESUME_OK;
}

void
resume_data_free(struct resume_data *d)
{
	free(d->v);
	memset(d, 0, sizeof *d);
}

/* ---- with a catalog ---- */

static uint32_t
fnv(uint32_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* FNV-1a (32 bits) over "slot:id\n" for each item, folded to 10 bits. */
bool
resume_fingerprint(const struct catalog *cat, const struct resume_item *v,
    size_t n, unsigned *out)
{
	uint32_t h = 2166136261u;
	char *line;
	size_t i;
	long k;

	for (i = 0; i < n; i++) {
		if ((k = catalog_find_slot(cat, v[i].slot)) < 0)
			return false;
		line = xasprintf("%u:%s\n", v[i].slot, cat->v[k].id);
		h = fnv(h, line, strlen(line));
		free(line);
	}
	*out = (unsigned)((h ^ h >> 10 ^ h >> 20 ^ h >> 30) &
	    (RESUME_FINGERPRINT_MAX - 1));
	return true;
}

static bool
touched(const struct record *r)
{
	return r != NULL && (r->selected || r->status != ST_OPEN);
}

void
resume_collect(const struct catalog *cat, const struct progress *prog,
    struct resume_data *d, size_t *left_out)
{
	const struct platform *p;
	const struct record *r;
	size_t i, skipped = 0;

	memset(d, 0, sizeof *d);
	d->account = prog->account;
	d->v = xreallocarray(NULL, cat->n + 1, sizeof *d->v);
	for (i = 0; i < cat->n; i++) {
		p = &cat->v[i];
		if (!touched(r = progress_find(prog, p->id)))
			continue;
		/* a slot shared by two platforms (only a hand-made catalog
		 * can have one) would be ambiguous: leave both out */
		if (!p->has_slot || catalog_find_slot(cat, p->slot) !=
		    (long)i) {
			skipped++;
			continue;
		}
		d->v[d->n].slot = p->slot;
		d->v[d->n++].status = r->status;
	}
	qsort(d->v, d->n, sizeof *d->v, cmp_item);
	if (!resume_fingerprint(cat, d->v, d->n, &d->fingerprint))
		d->fingerprint = 0;
	if (left_out != NULL)
		*left_out = skipped;
}

char *
resume_code(const struct catalog *cat, const struct progress *prog,
    size_t *left_out)
{
	struct resume_data d;
	char *code;

	resume_collect(cat, prog, &d, left_out);
	code = resume_format(&d);
	resume_data_free(&d);
	return code;
}

static void
push(size_t **v, size_t *n, size_t x)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = x;
}

void
resume_restore(const struct catalog *cat, struct progress *prog,
    const struct resume_data *d, struct resume_report *rep)
{
	const struct platform *p;
	struct record *r;
	unsigned fp;
	size_t i;
	long k;

	memset(rep, 0, sizeof *rep);
	for (i = 0; i < d->n; i++) {
		if (catalog_find_slot(cat, d->v[i].slot) < 0)
			rep->unknown++;
	}
	/* When every slot is known, the fingerprint proves that they mean
	 * the same platforms as where the code was made. */
	if (rep->unknown == 0 && resume_fingerprint(cat, d->v, d->n, &fp) &&
	    fp != d->fingerprint) {
		rep->mismatch = true;
		return;
	}
	for (i = 0; i < d->n; i++) {
		if ((k = catalog_find_slot(cat, d->v[i].slot)) < 0)
			continue;
		p = &cat->v[k];
		r = progress_find(prog, p->id);
		if (r != NULL && ((status_is_final(r->status) &&
		    r->status != d->v[i].status) || (r->status != ST_OPEN &&
		    d->v[i].status == ST_OPEN))) {
			push(&rep->kept, &rep->nkept, (size_t)k);
			continue;
		}
		r = progress_get(prog, p->id);
		if (r->status != d->v[i].status)
			r->time = 0;	/* a code carries no time */
		r->status = d->v[i].status;
		r->selected = true;
		r->dirty = true;
		push(&rep->restored, &rep->nrestored, (size_t)k);
	}
	if (d->account != ACCOUNT_UNSET && prog->account == ACCOUNT_UNSET) {
		progress_set_account(prog, d->account);
		rep->account = true;
	}
}

void
resume_report_free(struct resume_report *rep)
{
	free(rep->restored);
	free(rep->kept);
	memset(rep, 0, sizeof *rep);
}
