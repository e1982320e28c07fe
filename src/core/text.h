/* text.h: UTF-8 text as the terminal will show it.
 * Validation, removal of control characters from file text, display width,
 * word wrapping by width, and the ASCII fallback for non-UTF-8 terminals. */
#ifndef OPTOUT_TEXT_H
#define OPTOUT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one UTF-8 sequence; returns its length, or 0 if it is invalid
 * (overlong, surrogate, beyond U+10FFFF, truncated). */
size_t	 utf8_decode(const char *, size_t, uint32_t *);

/* Appends a typed character to the UTF-8 string s (a buffer of size
 * bytes) if it is safe to show and fits; returns false if not. */
bool	 utf8_append(char *s, size_t size, uint32_t cp);
/* Removes the last character (not byte) of a UTF-8 string. */
void	 utf8_erase_last(char *s);

/* True if [s, s+n) is valid UTF-8; otherwise *bad is the offset of the
 * first invalid byte. */
bool	 utf8_valid(const char *, size_t, size_t *bad);

/* True for code points that must never reach a terminal from a file:
 * C0 and C1 controls, DEL, bidirectional controls, zero-width characters. */
bool	 text_is_unsafe(uint32_t);

/* True if [s, s+n) is valid UTF-8 without unsafe characters (nor NUL):
 * what text_sanitize would return unchanged. One pass, eight bytes at a
 * time while the text is printable ASCII. */
bool	 text_plain(const char *, size_t);

/* A copy without unsafe characters; tabs and line breaks become spaces,
 * invalid bytes become '?'. Caller owns the result. */
char	*text_sanitize(const char *);

/* Display width in terminal columns (wide characters count 2). */
size_t	 text_width(const char *);
size_t	 text_width_n(const char *, size_t);

/* A copy in plain ASCII: umlauts become ae/oe/ue, typographic quotes and
 * dashes their ASCII kin, arrows "->". Caller owns the result. */
char	*text_ascii(const char *);

/* One wrapped line: bytes [off, off+len) of the source, width columns. */
struct text_line {
	size_t	off;
	size_t	len;
	size_t	width;
};

/* Wraps s to at most width columns (width >= 1), breaking at spaces and,
 * for words longer than a line, between characters; '\n' forces a break.
 * Returns the number of lines (at least 1); *lines is owned by the caller. */
size_t	 text_wrap(const char *, size_t width, struct text_line **lines);

/* Byte length of the longest prefix of s that fits in width columns. */
size_t	 text_fit(const char *, size_t width);

#endif
