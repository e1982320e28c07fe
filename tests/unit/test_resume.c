/* test_resume.c: resume codes over the shipped catalog: round trips, every
 * single typo and neighbour swap rejected, length, older catalogs.
 * The environment of `make check` gives top_srcdir. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "core/progress.h"
#include "core/receipt.h"
#include "core/resume.h"
#include "core/xmalloc.h"
#include "store/store.h"
#include "tap.h"

static const char *srcdir = ".";
static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* ---- helpers ---- */

/* A fixed-seed generator (splitmix64), the same on every machine. */
static uint64_t
next_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static unsigned
below(uint64_t *state, unsigned n)
{
	return (unsigned)(next_random(state) % n);
}

static void
load_shipped(struct catalog *cat)
{
	char *dir = xasprintf("%s/config/platforms", srcdir);
	struct diags d = { 0 };

	ck_assert_int_eq(store_catalog_load(dir, cat, &d), 0);
	diags_free(&d);
	free(dir);
}

/* A random session touching k platforms (k < 0: a random number). */
static void
random_progress(const struct catalog *cat, uint64_t *seed, int k,
    struct progress *p)
{
	size_t i, n = k >= 0 ? (size_t)k : below(seed, (unsigned)cat->n + 1);
	size_t *order = xreallocarray(NULL, cat->n, sizeof *order), t, j;
	struct record *r;

	memset(p, 0, sizeof *p);
	p->account = (enum account)below(seed, ACCOUNT_COUNT);
	for (i = 0; i < cat->n; i++)
		order[i] = i;
	for (i = cat->n; i > 1; i--) {	/* shuffle, keep the first n */
		j = below(seed, (unsigned)i);
		t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	for (i = 0; i < n; i++) {
		r = progress_get(p, cat->v[order[i]].id);
		r->status = (enum status)below(seed, ST_COUNT);
		/* "open" counts only when ticked; other statuses either way */
		r->selected = r->status == ST_OPEN || below(seed, 2);
		r->time = 1763800000;
	}
	free(order);
}

/* The code without '-'. */
static char *
bare(const char *code)
{
	char *s = xmalloc(strlen(code) + 1), *o = s;

	for (; *code != '\0'; code++)
		if (*code != '-')
			*o++ = *code;
	*o = '\0';
	return s;
}

static enum resume_error
parse(const char *text)
{
	struct resume_data d;
	enum resume_error e;
	char bad;

	e = resume_parse(text, &d, &bad);
	resume_data_free(&d);
	return e;
}

/* The length (without '-') of the code of a random session of k. */
static size_t
random_code_length(const struct catalog *cat, uint64_t *seed, int k)
{
	struct progress p;
	char *code, *b;
	size_t len;

	random_progress(cat, seed, k, &p);
	code = resume_code(cat, &p, NULL);
	ck_assert_ptr_nonnull(code);
	b = bare(code);
	len = strlen(b);
	free(b);
	free(code);
	progress_clear(&p);
	return len;
}

/* Statuses as they would be after a restore into an empty progress. */
static void
assert_same_session(const struct catalog *cat, const struct progress *a,
    const struct progress *b, const char *code)
{
	const struct record *ra, *rb;
	size_t i;

	ck_assert_int_eq(a->account, b->account);
	for (i = 0; i < cat->n; i++) {
		ra = progress_find(a, cat->v[i].id);
		rb = progress_find(b, cat->v[i].id);
		if (ra == NULL || (!ra->selected && ra->status == ST_OPEN)) {
			ck_assert_msg(rb == NULL, "%s: %s restored, never "
			    "touched", code, cat->v[i].id);
			continue;
		}
		ck_assert_msg(rb != NULL, "%s: %s lost", code, cat->v[i].id);
		ck_assert_msg(rb->status == ra->status, "%s: %s is %s, not %s",
		    code, cat->v[i].id, status_code(rb->status),
		    status_code(ra->status));
		ck_assert(rb->selected);
		ck_assert(rb->dirty);		/* so that it is saved */
	}
}

/* ---- an independent implementation of the check (docs/resume-code.md),
 * to prove the codes follow the documented algorithm ---- */

static unsigned
ref_mul(unsigned a, unsigned b)
{
	unsigned r = 0, i;

	for (i = 0; i < 5; i++)
		if (b & (1u << i))
			r ^= a << i;
	for (i = 9; i >= 5; i--)	/* reduce by x^5 + x^2 + 1 */
		if (r & (1u << i))
			r ^= 0x25u << (i - 5);
	return r;
}

static int
ref_value(char c)
{
	const char *p = strchr(alphabet, c);

	return c != '\0' && p != NULL ? (int)(p - alphabet) : -1;
}

/* Both sums of the documented check over a bare code: the code and an
 * invisible 1 after it, weights x^0 (the 1), x^1 (the last character)... */
static void
ref_sums(const char *s, unsigned *s0, unsigned *s1)
{
	unsigned w = 2;
	size_t i;

	*s0 = *s1 = 1;
	for (i = strlen(s); i-- > 0;) {
		*s0 ^= (unsigned)ref_value(s[i]);
		*s1 ^= ref_mul((unsigned)ref_value(s[i]), w);
		w = ref_mul(w, 2);
	}
}

/* Replaces the two check characters of a bare code with correct ones,
 * found by trying all 1024 pairs against the documented sums. */
static void
ref_fix_check(char *s)
{
	size_t n = strlen(s) - 2;
	unsigned p0, p1;
	int c0, c1;

	s[n] = s[n + 1] = '0';
	ref_sums(s, &p0, &p1);	/* with both checks 0 */
	for (c0 = 0; c0 < 32; c0++) {
		for (c1 = 0; c1 < 32; c1++) {
			/* c0 weighs x^2, c1 weighs x */
			if ((p0 ^ (unsigned)c0 ^ (unsigned)c1) == 0 &&
			    (p1 ^ ref_mul((unsigned)c0, 4) ^
			    ref_mul((unsigned)c1, 2)) == 0) {
				s[n] = alphabet[c0];
				s[n + 1] = alphabet[c1];
				return;
			}
		}
	}
	ck_abort_msg("no check characters for %s", s);
}

/* ---- tests ---- */

START_TEST(test_round_trip_of_thousands_of_random_sessions)
{
	struct catalog cat;
	struct progress p, q;
	struct resume_data d;
	struct resume_report rep;
	uint64_t seed = 20261122;
	size_t i, n = 5000, left;
	char *code, bad;

	load_shipped(&cat);
	for (i = 0; i < n; i++) {
		random_progress(&cat, &seed, -1, &p);
		code = resume_code(&cat, &p, &left);
		ck_assert_uint_eq(left, 0);
		memset(&q, 0, sizeof q);
		if (code == NULL) {	/* only when nothing was touched */
			resume_collect(&cat, &p, &d, NULL);
			ck_assert_uint_eq(d.n, 0);
			resume_data_free(&d);
			progress_clear(&p);
			continue;
		}
		ck_assert_int_eq(resume_parse(code, &d, &bad), RESUME_OK);
		resume_restore(&cat, &q, &d, &rep);
		ck_assert(!rep.mismatch);
		ck_assert_uint_eq(rep.unknown, 0);
		ck_assert_uint_eq(rep.nkept, 0);
		ck_assert_uint_eq(rep.nrestored, d.n);
		if (p.account == ACCOUNT_UNSET)
			q.account = ACCOUNT_UNSET;
		assert_same_session(&cat, &p, &q, code);
		resume_report_free(&rep);
		resume_data_free(&d);
		progress_clear(&p);
		progress_clear(&q);
		free(code);
	}
	fprintf(stderr, "# %zu random sessions encoded and restored\n", n);
	catalog_free(&cat);
}
END_TEST

START_TEST(test_codes_follow_the_documented_check)
{
	struct catalog cat;
	struct progress p;
	uint64_t seed = 7;
	unsigned s0, s1;
	char *code, *b;
	size_t i, k;

	load_shipped(&cat);
	for (i = 0; i < 500; i++) {
		random_progress(&cat, &seed, (int)(1 + i % cat.n), &p);
		code = resume_code(&cat, &p, NULL);
		ck_assert_ptr_nonnull(code);
		/* groups of four, upper case, from the alphabet */
		for (k = 0; code[k] != '\0'; k++)
			ck_assert(k % 5 == 4 ? code[k] == '-' :
			    ref_value(code[k]) >= 0);
		b = bare(code);
		ck_assert(b[0] != '0');
		ref_sums(b, &s0, &s1);
		ck_assert_msg(s0 == 0 && s1 == 0, "%s fails the check", code);
		free(b);
		free(code);
		progress_clear(&p);
	}
	catalog_free(&cat);
}
END_TEST

/* Some codes of every length a session of the shipped catalog makes. */
static size_t
sample_codes(char ***out)
{
	struct catalog cat;
	struct progress p;
	uint64_t seed = 99;
	size_t n = 0, k, rep;
	char **v = NULL;

	load_shipped(&cat);
	for (k = 1; k <= cat.n; k++) {
		for (rep = 0; rep < (k <= 8 ? 3 : 1); rep++) {
			random_progress(&cat, &seed, (int)k, &p);
			v = xreallocarray(v, n + 1, sizeof *v);
			v[n] = resume_code(&cat, &p, NULL);
			ck_assert_ptr_nonnull(v[n]);
			n++;
			progress_clear(&p);
		}
	}
	catalog_free(&cat);
	*out = v;
	return n;
}

START_TEST(test_every_single_typo_and_neighbour_swap_is_rejected)
{
	char **codes, *b, *t, orig;
	size_t ncodes = sample_codes(&codes), i, pos, len, subs = 0, swaps = 0;
	size_t maxlen = 0;
	int c;

	for (i = 0; i < ncodes; i++) {
		b = bare(codes[i]);
		len = strlen(b);
		if (len > maxlen)
			maxlen = len;
		ck_assert_int_eq(parse(b), RESUME_OK);
		t = xstrdup(b);
		for (pos = 0; pos < len; pos++) {
			orig = t[pos];
			for (c = 0; c < 32; c++) {
				if (alphabet[c] == orig)
					continue;
				t[pos] = alphabet[c];
				ck_assert_msg(parse(t) == RESUME_MISTYPED,
				    "%s read as valid (from %s)", t, b);
				subs++;
			}
			t[pos] = 'U';	/* not in the alphabet at all */
			ck_assert_int_eq(parse(t), RESUME_BAD_CHAR);
			t[pos] = orig;
		}
		for (pos = 0; pos + 1 < len; pos++) {
			if (t[pos] == t[pos + 1])
				continue;	/* a swap that changes nothing */
			orig = t[pos];
			t[pos] = t[pos + 1];
			t[pos + 1] = orig;
			ck_assert_msg(parse(t) == RESUME_MISTYPED,
			    "%s read as valid (from %s)", t, b);
			swaps++;
			t[pos + 1] = t[pos];
			t[pos] = orig;
		}
		ck_assert_str_eq(t, b);
		free(t);
		free(b);
		free(codes[i]);
	}
	free(codes);
	fprintf(stderr, "# %zu codes (up to %zu characters): all %zu single "
	    "substitutions and all %zu neighbour swaps rejected\n", ncodes,
	    maxlen, subs, swaps);
}
END_TEST

START_TEST(test_every_two_wrong_characters_are_rejected)
{
	static const char *sessions[][4] = {
		{ "facebook", "instagram", "linkedin", NULL },
		{ "facebook", "whatsapp", "x", "quora" },
	};
	struct catalog cat;
	struct progress p;
	char *code, *b, o1, o2;
	size_t s, i, j, len, n = 0;
	int c1, c2;

	load_shipped(&cat);
	for (s = 0; s < 2; s++) {
		memset(&p, 0, sizeof p);
		for (i = 0; i < 4 && sessions[s][i] != NULL; i++)
			progress_record(&p, sessions[s][i], ST_DONE, NULL, 1);
		code = resume_code(&cat, &p, NULL);
		b = bare(code);
		len = strlen(b);
		for (i = 0; i < len; i++) {
			for (j = i + 1; j < len; j++) {
				o1 = b[i];
				o2 = b[j];
				for (c1 = 0; c1 < 32; c1++) {
					if (alphabet[c1] == o1)
						continue;
					b[i] = alphabet[c1];
					for (c2 = 0; c2 < 32; c2++) {
						if (alphabet[c2] == o2)
							continue;
						b[j] = alphabet[c2];
						ck_assert_msg(parse(b) ==
						    RESUME_MISTYPED, "%s", b);
						n++;
					}
					b[j] = o2;
				}
				b[i] = o1;
			}
		}
		free(b);
		free(code);
		progress_clear(&p);
	}
	fprintf(stderr, "# all %zu double substitutions rejected\n", n);
	catalog_free(&cat);
}
END_TEST

/* A character lost or added: one that is not 0 changes the plain sum,
 * so the check always sees it; a 0 moves the weights of the characters
 * before it, which the check sees in 31 of 32 cases. What gets past the
 * check must still not restore anything silently: the fingerprint of the
 * platform ids (or a slot this catalog lacks) stops it. */
static void
try_variant(const struct catalog *cat, const char *t, const char *from,
    bool zero, size_t *n, size_t *passed)
{
	struct resume_data d;
	struct resume_report rep;
	struct progress q;
	char bad;

	(*n)++;
	if (resume_parse(t, &d, &bad) != RESUME_OK)
		return;
	ck_assert_msg(zero, "%s from %s: a lost or added non-zero character "
	    "passed the check", t, from);
	(*passed)++;
	memset(&q, 0, sizeof q);
	resume_restore(cat, &q, &d, &rep);
	ck_assert_msg(rep.mismatch || rep.unknown > 0, "%s (from %s) would "
	    "restore %zu platforms", t, from, rep.nrestored);
	resume_report_free(&rep);
	resume_data_free(&d);
	progress_clear(&q);
}

START_TEST(test_lost_or_extra_characters_are_rejected)
{
	char **codes, *b, *t;
	size_t ncodes = sample_codes(&codes), i, pos, len, n = 0, passed = 0;
	struct catalog cat;
	int c;

	load_shipped(&cat);
	for (i = 0; i < ncodes; i++) {
		b = bare(codes[i]);
		len = strlen(b);
		t = xmalloc(len + 2);
		for (pos = 0; pos < len; pos++) {	/* one left out */
			memcpy(t, b, pos);
			strcpy(t + pos, b + pos + 1);
			try_variant(&cat, t, b, b[pos] == '0', &n, &passed);
		}
		for (pos = 0; pos <= len; pos++) {	/* one too many */
			for (c = 0; c < 32; c++) {
				memcpy(t, b, pos);
				t[pos] = alphabet[c];
				strcpy(t + pos + 1, b + pos);
				if (strcmp(t, b) != 0)
					try_variant(&cat, t, b, c == 0, &n,
					    &passed);
			}
		}
		free(t);
		free(b);
		free(codes[i]);
	}
	free(codes);
	catalog_free(&cat);
	fprintf(stderr, "# %zu codes with a character lost or added: %zu "
	    "passed the check (a 0), none would restore anything\n", n,
	    passed);
	ck_assert_uint_le(passed * 100, n);	/* a rare case */
}
END_TEST

/* Random strings with a correct check: each is either refused or is
 * exactly the code that its contents make (no two texts mean the same). */
START_TEST(test_random_texts_with_a_valid_check_are_canonical_or_refused)
{
	uint64_t seed = 31;
	struct resume_data d;
	char t[40], *again, *b, bad;
	size_t i, k, len, ok = 0, n = 20000;

	for (i = 0; i < n; i++) {
		len = 3 + below(&seed, 30);
		for (k = 0; k < len; k++)
			t[k] = alphabet[below(&seed, 32)];
		t[len] = '\0';
		ref_fix_check(t);
		if (resume_parse(t, &d, &bad) != RESUME_OK)
			continue;
		ok++;
		again = resume_format(&d);
		ck_assert_ptr_nonnull(again);
		b = bare(again);
		ck_assert_str_eq(b, t);
		free(b);
		free(again);
		resume_data_free(&d);
	}
	fprintf(stderr, "# %zu random texts with a valid check: %zu read, "
	    "each the one code of what it says\n", n, ok);
}
END_TEST

START_TEST(test_typical_sessions_fit_in_16_characters)
{
	struct resume_data d;
	struct catalog cat;
	uint64_t seed = 5;
	size_t i, k, longest = 0, len;
	char *code, *b;

	/* The largest number a session of up to 8 platforms among slots
	 * 0..33 can make: the top 8 slots, the highest status each, every
	 * other field at its maximum. Code length grows with the number, so
	 * no such session makes a longer code. */
	memset(&d, 0, sizeof d);
	d.account = ACCOUNT_ORG;
	d.fingerprint = RESUME_FINGERPRINT_MAX - 1;
	d.v = xcalloc(8, sizeof *d.v);
	for (i = 0; i < 8; i++) {
		d.v[i].slot = 26 + (unsigned)i;
		d.v[i].status = ST_NOTED;
	}
	d.n = 8;
	code = resume_format(&d);
	b = bare(code);
	fprintf(stderr, "# the longest code for 8 of 34 platforms: %s (%zu "
	    "characters)\n", code, strlen(b));
	ck_assert_uint_le(strlen(b), 16);
	free(b);
	free(code);
	resume_data_free(&d);

	load_shipped(&cat);
	ck_assert_uint_eq(cat.n, 34);
	for (i = 0; i < 2000; i++) {
		k = 5 + i % 4;
		len = random_code_length(&cat, &seed, (int)k);
		if (len > longest)
			longest = len;
		ck_assert_msg(len <= 16, "%zu platforms: %zu characters", k,
		    len);
	}
	len = random_code_length(&cat, &seed, (int)cat.n);	/* all */
	fprintf(stderr, "# 2000 sessions of 5 to 8 platforms: at most %zu "
	    "characters; all 34: %zu\n", longest, len);
	ck_assert_uint_le(len, 31);
	catalog_free(&cat);
}
END_TEST

START_TEST(test_typed_forms_read_the_same)
{
	struct catalog cat;
	struct progress p;
	struct resume_data a, b;
	char *code, *lower, *spaced, *o, bad;
	size_t i;

	load_shipped(&cat);
	memset(&p, 0, sizeof p);
	progress_record(&p, "linkedin", ST_DONE, NULL, 1);
	progress_record(&p, "facebook", ST_FORM_SENT, NULL, 1);
	progress_select(&p, "x", true);
	code = resume_code(&cat, &p, NULL);
	ck_assert_int_eq(resume_parse(code, &a, &bad), RESUME_OK);
	ck_assert_uint_eq(a.n, 3);
	lower = xstrdup(code);
	spaced = xmalloc(2 * strlen(code) + 3);
	o = spaced;
	*o++ = ' ';
	for (i = 0; code[i] != '\0'; i++) {
		lower[i] = (char)(code[i] >= 'A' && code[i] <= 'Z' ?
		    code[i] - 'A' + 'a' : code[i]);
		/* what people confuse: I and L for 1, O for 0 */
		if (code[i] == '1')
			lower[i] = i % 2 ? 'l' : 'I';
		if (code[i] == '0')
			lower[i] = 'o';
		if (code[i] != '-')
			*o++ = code[i];
		if (i % 3 == 2)
			*o++ = ' ';
	}
	*o = '\0';
	ck_assert_int_eq(resume_parse(lower, &b, &bad), RESUME_OK);
	ck_assert_uint_eq(b.n, a.n);
	ck_assert(memcmp(a.v, b.v, a.n * sizeof *a.v) == 0);
	resume_data_free(&b);
	ck_assert_int_eq(resume_parse(spaced, &b, &bad), RESUME_OK);
	ck_assert(memcmp(a.v, b.v, a.n * sizeof *a.v) == 0);
	resume_data_free(&b);
	ck_assert_int_eq(resume_parse("", &b, &bad), RESUME_EMPTY);
	ck_assert_int_eq(resume_parse(" - ", &b, &bad), RESUME_EMPTY);
	ck_assert_int_eq(resume_parse("7K", &b, &bad), RESUME_TOO_SHORT);
	ck_assert_int_eq(resume_parse("7K2M-X!QD", &b, &bad),
	    RESUME_BAD_CHAR);
	ck_assert_int_eq(bad, '!');
	ck_assert_ptr_null(b.v);
	o = xmalloc(RESUME_MAX_CHARS + 2);
	memset(o, '7', RESUME_MAX_CHARS + 1);
	o[RESUME_MAX_CHARS + 1] = '\0';
	ck_assert_int_eq(resume_parse(o, &b, &bad), RESUME_TOO_LONG);
	free(o);
	/* a leading 0 would add nothing to the number: never a code */
	o = xasprintf("0%s", code);
	ck_assert_int_eq(resume_parse(o, &b, &bad), RESUME_MISTYPED);
	free(o);
	resume_data_free(&a);
	free(lower);
	free(spaced);
	free(code);
	progress_clear(&p);
	catalog_free(&cat);
}
END_TEST

START_TEST(test_a_newer_format_is_told_apart_from_a_typo)
{
	struct catalog cat;
	struct progress p;
	char *code, *b, *s;
	size_t n;

	load_shipped(&cat);
	memset(&p, 0, sizeof p);
	progress_record(&p, "linkedin", ST_DONE, NULL, 1);
	code = resume_code(&cat, &p, NULL);
	b = bare(code);
	n = strlen(b) - 2;
	/* the lowest bit of the number is the format (1): clear it, fix
	 * the check as the documented algorithm says */
	s = strchr(alphabet, b[n - 1]);
	ck_assert((s - alphabet) & 1);
	b[n - 1] = alphabet[(s - alphabet) & ~1];
	ref_fix_check(b);
	ck_assert_int_eq(parse(b), RESUME_NEWER);
	free(b);
	free(code);
	progress_clear(&p);
	catalog_free(&cat);
}
END_TEST

START_TEST(test_slots_far_apart_and_the_highest_round_trip)
{
	static const unsigned slots[][4] = {
		{ 0, 0, 0, 1 }, { 63, 0, 0, 1 }, { 64, 0, 0, 1 },
		{ 4095, 0, 0, 1 }, { 0, 1000, 4095, 3 }, { 3, 33, 1000, 3 },
	};
	struct resume_data d, e;
	size_t i, j;
	char *code, bad;

	for (i = 0; i < sizeof slots / sizeof slots[0]; i++) {
		memset(&d, 0, sizeof d);
		d.n = slots[i][3];
		d.v = xcalloc(d.n, sizeof *d.v);
		d.fingerprint = (unsigned)i * 100;
		d.account = (enum account)(i % ACCOUNT_COUNT);
		for (j = 0; j < d.n; j++) {
			d.v[j].slot = slots[i][j];
			d.v[j].status = (enum status)((i + j) % ST_COUNT);
		}
		code = resume_format(&d);
		ck_assert_ptr_nonnull(code);
		ck_assert_int_eq(resume_parse(code, &e, &bad), RESUME_OK);
		ck_assert_uint_eq(e.n, d.n);
		ck_assert_uint_eq(e.fingerprint, d.fingerprint);
		ck_assert_int_eq(e.account, d.account);
		for (j = 0; j < d.n; j++) {
			ck_assert_uint_eq(e.v[j].slot, d.v[j].slot);
			ck_assert_int_eq(e.v[j].status, d.v[j].status);
		}
		resume_data_free(&e);
		resume_data_free(&d);
		free(code);
	}
	memset(&d, 0, sizeof d);
	ck_assert_ptr_null(resume_format(&d));	/* nothing to carry */
}
END_TEST

/* The shipped catalog with a platform added (slot 34) and, separately,
 * the shipped catalog as an older one: without that platform and without
 * a platform it had (as if removed since). */
static void
add_platform(struct catalog *cat, const char *id, unsigned slot)
{
	struct platform *p;

	cat->v = xreallocarray(cat->v, cat->n + 1, sizeof *cat->v);
	p = &cat->v[cat->n++];
	memset(p, 0, sizeof *p);
	p->id = xstrdup(id);
	p->name = xstrdup(id);
	p->enabled = true;
	p->has_slot = true;
	p->slot = slot;
}

START_TEST(test_a_code_from_another_catalog_restores_what_matches)
{
	struct catalog newer, older;
	struct progress p, q;
	struct resume_data d;
	struct resume_report rep;
	char *code, bad;

	load_shipped(&newer);
	add_platform(&newer, "mastodon", 34);
	load_shipped(&older);
	catalog_remove(&older, (size_t)catalog_find(&older, "quora"));

	memset(&p, 0, sizeof p);
	progress_record(&p, "linkedin", ST_DONE, NULL, 1);
	progress_record(&p, "quora", ST_DONE, NULL, 1);
	progress_record(&p, "mastodon", ST_LATER, NULL, 1);
	progress_record(&p, "facebook", ST_CONFIRMED, NULL, 1);
	code = resume_code(&newer, &p, NULL);
	ck_assert_int_eq(resume_parse(code, &d, &bad), RESUME_OK);

	/* on the older catalog: two platforms it does not know */
	memset(&q, 0, sizeof q);
	resume_restore(&older, &q, &d, &rep);
	ck_assert(!rep.mismatch);
	ck_assert_uint_eq(rep.unknown, 2);
	ck_assert_uint_eq(rep.nrestored, 2);
	ck_assert_int_eq(progress_find(&q, "linkedin")->status, ST_DONE);
	ck_assert_int_eq(progress_find(&q, "facebook")->status, ST_CONFIRMED);
	ck_assert_ptr_null(progress_find(&q, "quora"));
	ck_assert_ptr_null(progress_find(&q, "mastodon"));
	resume_report_free(&rep);
	progress_clear(&q);

	/* a catalog whose slot 3 is another platform: nothing is guessed */
	older.v[catalog_find(&older, "linkedin")].has_slot = false;
	add_platform(&older, "impostor", 3);
	catalog_remove(&newer, (size_t)catalog_find(&newer, "mastodon"));
	progress_clear(&p);
	memset(&p, 0, sizeof p);
	progress_record(&p, "linkedin", ST_DONE, NULL, 1);
	progress_record(&p, "facebook", ST_DONE, NULL, 1);
	free(code);
	resume_data_free(&d);
	code = resume_code(&newer, &p, NULL);
	ck_assert_int_eq(resume_parse(code, &d, &bad), RESUME_OK);
	memset(&q, 0, sizeof q);
	resume_restore(&older, &q, &d, &rep);
	ck_assert(rep.mismatch);
	ck_assert_uint_eq(rep.nrestored, 0);
	ck_assert_uint_eq(q.n, 0);
	resume_report_free(&rep);

	resume_data_free(&d);
	free(code);
	progress_clear(&p);
	catalog_free(&newer);
	catalog_free(&older);
}
END_TEST

START_TEST(test_restoring_keeps_what_is_finished_here)
{
	struct catalog cat;
	struct progress here, there;
	struct resume_data d;
	struct resume_report rep;
	char *code, bad;

	load_shipped(&cat);
	memset(&there, 0, sizeof there);
	there.account = ACCOUNT_ORG;
	progress_record(&there, "linkedin", ST_LATER, NULL, 1);
	progress_record(&there, "facebook", ST_CONFIRMED, NULL, 1);
	progress_select(&there, "x", true);
	progress_record(&there, "instagram", ST_FORM_SENT, NULL, 1);
	code = resume_code(&cat, &there, NULL);
	ck_assert_int_eq(resume_parse(code, &d, &bad), RESUME_OK);

	memset(&here, 0, sizeof here);
	here.account = ACCOUNT_PRIVATE;
	progress_record(&here, "linkedin", ST_DONE, NULL, 500);	/* newer */
	progress_record(&here, "x", ST_HELP, NULL, 500);
	progress_record(&here, "instagram", ST_LATER, NULL, 500);
	progress_mark_saved(&here);
	resume_restore(&cat, &here, &d, &rep);
	ck_assert_uint_eq(rep.nkept, 2);	/* linkedin done, x help */
	ck_assert_uint_eq(rep.nrestored, 2);	/* facebook, instagram */
	ck_assert(!rep.account);		/* the person's own answer */
	ck_assert_int_eq(here.account, ACCOUNT_PRIVATE);
	ck_assert_int_eq(progress_find(&here, "linkedin")->status, ST_DONE);
	ck_assert_int_eq(progress_find(&here, "linkedin")->time, 500);
	ck_assert(!progress_find(&here, "linkedin")->dirty);
	ck_assert_int_eq(progress_find(&here, "x")->status, ST_HELP);
	ck_assert_int_eq(progress_find(&here, "facebook")->status,
	    ST_CONFIRMED);
	ck_assert_int_eq(progress_find(&here, "facebook")->time, 0);
	ck_assert_int_eq(progress_find(&here, "instagram")->status,
	    ST_FORM_SENT);
	ck_assert(progress_find(&here, "instagram")->dirty);
	resume_report_free(&rep);
	progress_clear(&here);

	memset(&here, 0, sizeof here);		/* a kiosk: empty */
	resume_restore(&cat, &here, &d, &rep);
	ck_assert(rep.account);
	ck_assert_int_eq(here.account, ACCOUNT_ORG);
	ck_assert_uint_eq(rep.nrestored, 4);
	resume_report_free(&rep);
	progress_clear(&here);
	resume_data_free(&d);
	free(code);
	progress_clear(&there);
	catalog_free(&cat);
}
END_TEST

START_TEST(test_platforms_without_a_slot_are_left_out_and_counted)
{
	struct catalog cat;
	struct progress p;
	struct resume_data d;
	size_t left;

	load_shipped(&cat);
	add_platform(&cat, "local", 0);
	cat.v[cat.n - 1].has_slot = false;
	memset(&p, 0, sizeof p);
	progress_record(&p, "local", ST_DONE, NULL, 1);
	ck_assert_ptr_null(resume_code(&cat, &p, &left));
	ck_assert_uint_eq(left, 1);
	progress_record(&p, "zoom", ST_NOTED, NULL, 1);
	resume_collect(&cat, &p, &d, &left);
	ck_assert_uint_eq(left, 1);
	ck_assert_uint_eq(d.n, 1);
	resume_data_free(&d);
	progress_clear(&p);
	catalog_free(&cat);
}
END_TEST

/* The receipt carries the code in all three formats, and that code
 * brings the receipt's statuses back. */
START_TEST(test_every_receipt_format_carries_the_code)
{
	static const enum receipt_format formats[] = {
		RECEIPT_TEXT, RECEIPT_MARKDOWN, RECEIPT_JSON
	};
	struct receipt_input in;
	struct resume_data d;
	struct resume_report rep;
	struct catalog cat;
	struct progress p, q;
	uint64_t seed = 3;
	char *text, *json, bad;
	size_t i;

	load_shipped(&cat);
	random_progress(&cat, &seed, 6, &p);
	receipt_input_init(&in, &cat, &p, NULL, 1795343400, LANG_EN);
	ck_assert_ptr_nonnull(in.resume_code);
	for (i = 0; i < 3; i++) {
		text = receipt_format(&in, formats[i]);
		ck_assert_msg(strstr(text, in.resume_code) != NULL,
		    "format %zu lacks %s", i, in.resume_code);
		free(text);
	}
	json = xasprintf("\"resume_code\": \"%s\"", in.resume_code);
	text = receipt_format(&in, RECEIPT_JSON);
	ck_assert(strstr(text, json) != NULL);
	free(text);
	free(json);
	ck_assert_int_eq(resume_parse(in.resume_code, &d, &bad), RESUME_OK);
	memset(&q, 0, sizeof q);
	resume_restore(&cat, &q, &d, &rep);
	if (p.account == ACCOUNT_UNSET)
		q.account = ACCOUNT_UNSET;
	assert_same_session(&cat, &p, &q, in.resume_code);
	resume_report_free(&rep);
	resume_data_free(&d);
	receipt_input_free(&in);
	progress_clear(&p);
	progress_clear(&q);
	catalog_free(&cat);
}
END_TEST

static Suite *
resume_suite(void)
{
	Suite *s = suite_create("resume");
	TCase *tc = tap_tcase(s, "code", 600);

	tcase_add_test(tc, test_round_trip_of_thousands_of_random_sessions);
	tcase_add_test(tc, test_codes_follow_the_documented_check);
	tcase_add_test(tc, test_every_single_typo_and_neighbour_swap_is_rejected);
	tcase_add_test(tc, test_every_two_wrong_characters_are_rejected);
	tcase_add_test(tc, test_lost_or_extra_characters_are_rejected);
	tcase_add_test(tc,
	    test_random_texts_with_a_valid_check_are_canonical_or_refused);
	tcase_add_test(tc, test_typical_sessions_fit_in_16_characters);
	tcase_add_test(tc, test_typed_forms_read_the_same);
	tcase_add_test(tc, test_a_newer_format_is_told_apart_from_a_typo);
	tcase_add_test(tc, test_slots_far_apart_and_the_highest_round_trip);
	tc = tap_tcase(s, "catalogs", 60);
	tcase_add_test(tc,
	    test_a_code_from_another_catalog_restores_what_matches);
	tcase_add_test(tc, test_restoring_keeps_what_is_finished_here);
	tcase_add_test(tc,
	    test_platforms_without_a_slot_are_left_out_and_counted);
	tcase_add_test(tc, test_every_receipt_format_carries_the_code);
	return s;
}

int
main(void)
{
	const char *top = getenv("top_srcdir");

	if (top != NULL && top[0] != '\0')
		srcdir = top;
	return tap_run(resume_suite(), NULL);
}
