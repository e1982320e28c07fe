/* qrtext.c: QR modules to lines of half blocks or "##". */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/qrtext.h"
#include "core/xmalloc.h"

#define UPPER	"\xe2\x96\x80"	/* U+2580 upper half block */
#define LOWER	"\xe2\x96\x84"	/* U+2584 lower half block */
#define FULL	"\xe2\x96\x88"	/* U+2588 full block */

static char *
put(char *o, const char *s)
{
	size_t n = strlen(s);

	memcpy(o, s, n);
	return o + n;
}

void
qr_matrix_free(struct qr_matrix *m)
{
	free(m->dark);
	memset(m, 0, sizeof *m);
}

/* A module, with the quiet zone around the code: light. */
static bool
dark(const struct qr_matrix *m, size_t y, size_t x)
{
	if (y < QR_QUIET || x < QR_QUIET || y >= m->size + QR_QUIET ||
	    x >= m->size + QR_QUIET)
		return false;
	return m->dark[(y - QR_QUIET) * m->size + (x - QR_QUIET)] != 0;
}

void
qrtext_size(const struct qr_matrix *m, bool utf8, size_t *cols, size_t *rows)
{
	size_t side = m->size + 2 * QR_QUIET;

	*cols = utf8 ? side : 2 * side;
	*rows = utf8 ? (side + 1) / 2 : side;
}

size_t
qrtext_render(const struct qr_matrix *m, bool utf8, char ***lines)
{
	size_t side = m->size + 2 * QR_QUIET, cols, rows, y, x;
	char *line, *o;
	bool top, bottom;

	qrtext_size(m, utf8, &cols, &rows);
	*lines = xreallocarray(NULL, rows, sizeof **lines);
	for (y = 0; y < rows; y++) {
		/* at most 3 bytes per column */
		o = line = xmalloc(3 * cols + 1);
		for (x = 0; x < side; x++) {
			if (!utf8) {
				memcpy(o, dark(m, y, x) ? "##" : "  ", 2);
				o += 2;
				continue;
			}
			top = dark(m, 2 * y, x);
			/* an odd side: the last line's lower half is light */
			bottom = 2 * y + 1 < side && dark(m, 2 * y + 1, x);
			if (top && bottom)
				o = put(o, FULL);
			else if (top)
				o = put(o, UPPER);
			else if (bottom)
				o = put(o, LOWER);
			else
				*o++ = ' ';
		}
		*o = '\0';
		(*lines)[y] = line;
	}
	return rows;
}

void
qrtext_free(char **lines, size_t n)
{
	while (n > 0)
		free(lines[--n]);
	free(lines);
}
