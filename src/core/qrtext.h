/* qrtext.h: a QR code's modules as lines of text, for a terminal.
 * Kept apart from libqrencode (sys/qr.c) and from curses (ui/) so that the
 * drawing can be tested: a test turns the lines back into an image. */
#ifndef OPTOUT_QRTEXT_H
#define OPTOUT_QRTEXT_H

#include <stdbool.h>
#include <stddef.h>

#define QR_QUIET	4	/* light modules around the code (ISO 18004) */

struct qr_matrix {
	size_t		 size;	/* modules per side */
	unsigned char	*dark;	/* owned: size * size, row by row; 1 = dark */
};

void	 qr_matrix_free(struct qr_matrix *);

/* Columns and lines qrtext_render() makes, quiet zone included. */
void	 qrtext_size(const struct qr_matrix *, bool utf8, size_t *cols,
	     size_t *rows);
/* The code with its quiet zone as lines of text (owned, each owned):
 * in UTF-8 one column per module and two module rows per line, drawn with
 * ' ', '▀', '▄' and '█' (the blocks are the dark modules); otherwise two
 * columns per module and one module row per line, "##" dark and "  "
 * light. The front end must draw them dark on light on purpose (never in
 * the terminal's own colours, which may be light on dark). Returns the
 * number of lines. */
size_t	 qrtext_render(const struct qr_matrix *, bool utf8, char ***text);
void	 qrtext_free(char **text, size_t n);

#endif
