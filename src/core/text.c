/* text.c: UTF-8 handling, sanitising, width, wrapping, ASCII fallback. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/buf.h"
#include "core/text.h"
#include "core/xmalloc.h"

size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t len, i;

	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xe0) == 0xc0) {
		len = 2; c = u[0] & 0x1f; min = 0x80;
	} else if ((u[0] & 0xf0) == 0xe0) {
		len = 3; c = u[0] & 0x0f; min = 0x800;
	} else if ((u[0] & 0xf8) == 0xf0) {
		len = 4; c = u[0] & 0x07; min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* Bytes from i on that are whole 8-byte words for which bad() is false:
 * most catalog text is ASCII, and a word is checked in a few steps. */
static size_t
skip_words(const char *s, size_t n, size_t i, bool (*bad)(uint64_t))
{
	uint64_t w;

	for (; n - i >= 8; i += 8) {
		memcpy(&w, s + i, 8);
		if (bad(w))
			break;
	}
	return i;
}

static bool
word_not_ascii(uint64_t w)
{
	return (w & UINT64_C(0x8080808080808080)) != 0;
}

bool
utf8_append(char *s, size_t size, uint32_t cp)
{
	size_t len = strlen(s), k;
	char enc[4];

	if (cp < 0x20 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ||
	    text_is_unsafe(cp))
		return false;
	if (cp < 0x80) {
		enc[0] = (char)cp; k = 1;
	} else if (cp < 0x800) {
		enc[0] = (char)(0xc0 | cp >> 6);
		enc[1] = (char)(0x80 | (cp & 0x3f)); k = 2;
	} else if (cp < 0x10000) {
		enc[0] = (char)(0xe0 | cp >> 12);
		enc[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		enc[2] = (char)(0x80 | (cp & 0x3f)); k = 3;
	} else {
		enc[0] = (char)(0xf0 | cp >> 18);
		enc[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		enc[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		enc[3] = (char)(0x80 | (cp & 0x3f)); k = 4;
	}
	if (len + k >= size)
		return false;
	memcpy(s + len, enc, k);
	s[len + k] = '\0';
	return true;
}

void
utf8_erase_last(char *s)
{
	size_t len = strlen(s);

	while (len > 0 && ((unsigned char)s[len - 1] & 0xc0) == 0x80)
		len--;		/* continuation bytes of a UTF-8 character */
	if (len > 0)
		len--;
	s[len] = '\0';
}

bool
utf8_valid(const char *s, size_t n, size_t *bad)
{
	size_t i = 0, k;
	uint32_t cp;

	while ((i = skip_words(s, n, i, word_not_ascii)) < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			if (bad != NULL)
				*bad = i;
			return false;
		}
		i += k;
	}
	return true;
}

bool
text_is_unsafe(uint32_t c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
	    c == 0x061c ||			/* Arabic letter mark */
	    (c >= 0x200b && c <= 0x200f) ||	/* zero-width, LRM, RLM */
	    (c >= 0x2028 && c <= 0x202e) ||	/* separators, embeddings */
	    (c >= 0x2060 && c <= 0x2064) ||	/* word joiner, invisibles */
	    (c >= 0x2066 && c <= 0x2069) ||	/* isolates */
	    c == 0xfeff;			/* BOM, zero-width no-break */
}

/* Does the word hold a byte outside 0x20..0x7e?  (Bit Twiddling Hacks:
 * hasless(w, 0x20) | hasmore(w, 0x7e), both exact.) */
static bool
word_not_printable(uint64_t w)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t high = UINT64_C(0x8080808080808080);

	return (((w - ones * 0x20) & ~w) | ((w + ones * (127 - 0x7e)) | w)) &
	    high;
}

bool
text_plain(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k;
	uint32_t cp;

	while ((i = skip_words(s, n, i, word_not_printable)) < n) {
		if (u[i] >= 0x20 && u[i] < 0x7f) {
			i++;
			continue;
		}
		/* U+00C0 to U+00FF (umlauts, accents) are all safe */
		if (u[i] == 0xc3 && i + 1 < n && (u[i + 1] & 0xc0) == 0x80) {
			i += 2;
			continue;
		}
		if (u[i] < 0x80 || (k = utf8_decode(s + i, n - i, &cp)) == 0 ||
		    text_is_unsafe(cp))
			return false;
		i += k;
	}
	return true;
}

char *
text_sanitize(const char *s)
{
	struct buf b = { 0 };
	size_t n = strlen(s), i = 0, k;
	uint32_t cp;

	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			buf_add(&b, "?", 1);
			i++;
			continue;
		}
		if (cp == '\t' || cp == '\n' || cp == 0x2028 || cp == 0x2029)
			buf_add(&b, " ", 1);
		else if (!text_is_unsafe(cp))
			buf_add(&b, s + i, k);
		i += k;
	}
	return buf_take(&b);
}

static size_t
cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x80)
		return cp >= 0x20 && cp != 0x7f ? 1 : 0;
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;	/* unknown to this locale: the terminal shows one cell */
	return (size_t)w;
}

size_t
text_width_n(const char *s, size_t n)
{
	size_t i = 0, k, w = 0;
	uint32_t cp;

	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			w++;
			i++;
			continue;
		}
		w += cp_width(cp);
		i += k;
	}
	return w;
}

size_t
text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

size_t
text_fit(const char *s, size_t width)
{
	size_t n = strlen(s), i = 0, k, w = 0, cw;
	uint32_t cp;

	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			k = 1;
			cw = 1;
		} else
			cw = cp_width(cp);
		if (w + cw > width)
			break;
		w += cw;
		i += k;
	}
	return i;
}

static const struct {
	uint32_t	 cp;
	const char	*ascii;
} translit[] = {
	{ 0x00a0, " " },  { 0x00a9, "(c)" }, { 0x00ab, "\"" },  { 0x00b7, "-" },
	{ 0x00bb, "\"" }, { 0x00c4, "Ae" },  { 0x00d6, "Oe" },  { 0x00dc, "Ue" },
	{ 0x00df, "ss" }, { 0x00e0, "a" },   { 0x00e1, "a" },   { 0x00e2, "a" },
	{ 0x00e4, "ae" }, { 0x00e7, "c" },   { 0x00e8, "e" },   { 0x00e9, "e" },
	{ 0x00ea, "e" },  { 0x00eb, "e" },   { 0x00ed, "i" },   { 0x00ee, "i" },
	{ 0x00f1, "n" },  { 0x00f3, "o" },   { 0x00f4, "o" },   { 0x00f6, "oe" },
	{ 0x00f7, "/" },  { 0x00d7, "x" },   { 0x00fa, "u" },   { 0x00fc, "ue" },
	{ 0x00c9, "E" },  { 0x0152, "OE" },  { 0x0153, "oe" },
	{ 0x2010, "-" },  { 0x2011, "-" },   { 0x2012, "-" },   { 0x2013, "-" },
	{ 0x2014, "-" },  { 0x2018, "'" },   { 0x2019, "'" },   { 0x201a, "'" },
	{ 0x201c, "\"" }, { 0x201d, "\"" },  { 0x201e, "\"" },  { 0x2022, "*" },
	{ 0x2026, "..." },{ 0x2039, "<" },   { 0x203a, ">" },   { 0x20ac, "EUR" },
	{ 0x2190, "<-" }, { 0x2191, "^" },   { 0x2192, "->" },  { 0x2193, "v" },
	{ 0x2194, "<->" },{ 0x21b5, "Enter" },{ 0x2713, "x" },  { 0x2714, "x" },
	{ 0x2500, "-" },  { 0x2502, "|" },   { 0x250c, "+" },   { 0x2510, "+" },
	{ 0x2514, "+" },  { 0x2518, "+" },
	{ 0x25b8, ">" },  { 0x25b6, ">" },   { 0x25cf, "*" },
};

static const char *
translit_find(uint32_t cp)
{
	size_t i;

	for (i = 0; i < sizeof translit / sizeof translit[0]; i++) {
		if (translit[i].cp == cp)
			return translit[i].ascii;
	}
	return NULL;
}

char *
text_ascii(const char *s)
{
	struct buf b = { 0 };
	size_t n = strlen(s), i = 0, k;
	const char *a;
	uint32_t cp;

	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			buf_add(&b, "?", 1);
			i++;
			continue;
		}
		if (cp < 0x80)
			buf_add(&b, s + i, 1);
		else if ((a = translit_find(cp)) != NULL)
			buf_adds(&b, a);
		else if (cp_width(cp) == 0)
			;	/* a combining mark: the base letter stays */
		else
			buf_add(&b, "?", 1);
		i += k;
	}
	return buf_take(&b);
}

struct lines {
	struct text_line	*v;
	size_t			 n;
};

/* Adds l without its trailing blanks; a wrapped line that is only blanks
 * is dropped, a line ended by '\n' is kept even when empty. */
static void
push_line(struct lines *ls, const char *s, struct text_line l, bool keep_empty)
{
	while (l.len > 0 && s[l.off + l.len - 1] == ' ') {
		l.len--;
		l.width--;
	}
	if (l.len == 0 && !keep_empty)
		return;
	ls->v = xreallocarray(ls->v, ls->n + 1, sizeof *ls->v);
	ls->v[ls->n++] = l;
}

size_t
text_wrap(const char *s, size_t width, struct text_line **lines)
{
	struct lines ls = { NULL, 0 };
	struct text_line cur = { 0, 0, 0 };
	size_t n = strlen(s), i = 0, k, cw, brk_off = 0, brk_width = 0;
	bool have_brk = false, wrapped = false;
	uint32_t cp;

	if (width < 1)
		width = 1;
	while (i < n) {
		if (s[i] == '\n') {
			push_line(&ls, s, cur, true);
			i++;
			cur.off = i; cur.len = 0; cur.width = 0;
			have_brk = wrapped = false;
			continue;
		}
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			k = 1;
			cw = 1;
			cp = '?';
		} else
			cw = cp_width(cp);
		if (cp == ' ' && cur.len == 0 && wrapped) {
			i++;		/* no leading blank on a wrapped line */
			cur.off = i;
			continue;
		}
		if (cur.len > 0 && cur.width + cw > width) {
			wrapped = true;
			if (cp == ' ') {
				push_line(&ls, s, cur, false);
				i++;
				cur.off = i; cur.len = 0; cur.width = 0;
				have_brk = false;
				continue;
			}
			if (have_brk && brk_off > cur.off) {
				struct text_line head = { cur.off,
				    brk_off - cur.off, brk_width };
				size_t end = cur.off + cur.len;

				push_line(&ls, s, head, false);
				cur.off = brk_off + 1;
				cur.len = end - cur.off;
				cur.width = text_width_n(s + cur.off, cur.len);
			} else {
				push_line(&ls, s, cur, false);
				cur.off = i; cur.len = 0; cur.width = 0;
			}
			have_brk = false;
			if (cur.len > 0 && cur.width + cw > width) {
				push_line(&ls, s, cur, false);
				cur.off = i; cur.len = 0; cur.width = 0;
			}
		}
		if (cp == ' ') {
			have_brk = true;
			brk_off = i;
			brk_width = cur.width;
		}
		cur.len += k;
		cur.width += cw;
		i += k;
	}
	push_line(&ls, s, cur, false);
	if (ls.n == 0)
		push_line(&ls, s, cur, true);
	*lines = ls.v;
	return ls.n;
}
