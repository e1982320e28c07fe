/* qr_image.c: test helper for tests/unit/qr.sh and the screen tests.
 *
 *   qr_image [--alnum] [--via utf8|ascii] TEXT > FILE.pgm
 *	the QR code optout draws for TEXT, as a grey-scale image (4 pixels
 *	per module): straight from the matrix, or --via the text lines
 *	optout draws (core/qrtext.c), read back into modules, so that a
 *	decoder tests the drawing too
 *   qr_image --links DIR	every direct link of the catalog in DIR
 *   qr_image --codes DIR	resume codes of a few sessions over DIR
 *   qr_image --code DIR ID:STATUS...	the resume code of that session
 *   qr_image --text [--ascii] TEXT	the text lines, as optout draws them
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/qrtext.h"
#include "core/resume.h"
#include "core/xmalloc.h"
#include "store/store.h"
#include "sys/qr.h"

#define SCALE	4	/* pixels per module */

/* A tiny PGM (P5) writer: side x side modules, 1 = dark. */
static void
write_pgm(const unsigned char *dark, size_t cols, size_t rows)
{
	size_t y, x;
	unsigned char px;

	printf("P5\n%zu %zu\n255\n", cols * SCALE, rows * SCALE);
	for (y = 0; y < rows * SCALE; y++) {
		for (x = 0; x < cols * SCALE; x++) {
			px = dark[(y / SCALE) * cols + x / SCALE] ? 0 : 255;
			fwrite(&px, 1, 1, stdout);
		}
	}
}

/* The matrix with its quiet zone, as modules. */
static unsigned char *
with_quiet(const struct qr_matrix *m, size_t *side)
{
	size_t s = m->size + 2 * QR_QUIET, y, x;
	unsigned char *v = xcalloc(s * s, 1);

	for (y = 0; y < m->size; y++)
		for (x = 0; x < m->size; x++)
			v[(y + QR_QUIET) * s + x + QR_QUIET] =
			    m->dark[y * m->size + x];
	*side = s;
	return v;
}

/* Reads drawn lines back into modules: the inverse of qrtext_render(). */
static unsigned char *
from_text(char **lines, size_t n, bool utf8, size_t *side)
{
	size_t cols = 0, y, x, s;
	unsigned char *v;
	const char *p;
	bool top, bottom;

	if (utf8) {
		for (p = lines[0]; *p != '\0'; cols++)
			p += (*p & 0x80) ? 3 : 1;
		s = cols;
	} else
		s = strlen(lines[0]) / 2;
	v = xcalloc(s * s, 1);
	for (y = 0; y < n; y++) {
		p = lines[y];
		for (x = 0; x < s; x++) {
			if (!utf8) {
				v[y * s + x] = p[0] == '#' && p[1] == '#';
				p += 2;
				continue;
			}
			top = bottom = false;
			if (strncmp(p, "\xe2\x96\x88", 3) == 0)
				top = bottom = true;
			else if (strncmp(p, "\xe2\x96\x80", 3) == 0)
				top = true;
			else if (strncmp(p, "\xe2\x96\x84", 3) == 0)
				bottom = true;
			p += (*p & 0x80) ? 3 : 1;
			v[2 * y * s + x] = top;
			if (2 * y + 1 < s)
				v[(2 * y + 1) * s + x] = bottom;
		}
	}
	*side = s;
	return v;
}

/* The catalog in dir; exits on an error (the test then fails). */
static void
load(const char *dir, struct catalog *cat)
{
	struct diags d = { 0 };

	if (store_catalog_load(dir, cat, &d) == -1) {
		fprintf(stderr, "qr_image: cannot load %s\n", dir);
		exit(1);
	}
	diags_free(&d);
}

/* Prints the session's code; frees the session. */
static void
print_code(const struct catalog *cat, struct progress *p)
{
	char *code = resume_code(cat, p, NULL);

	if (code != NULL)
		printf("%s\n", code);
	free(code);
	progress_clear(p);
}

static int
links(const char *dir)
{
	struct catalog cat;
	size_t i, k;

	load(dir, &cat);
	for (i = 0; i < cat.n; i++) {
		for (k = 0; k < cat.v[i].nsurfaces; k++)
			if (cat.v[i].surfaces[k].url != NULL)
				printf("%s\n", cat.v[i].surfaces[k].url);
	}
	catalog_free(&cat);
	return 0;
}

static int
codes(const char *dir)
{
	static const int sizes[] = { 1, 3, 5, 8, 12, 20, 34 };
	struct catalog cat;
	struct progress p;
	size_t i, k;

	load(dir, &cat);
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		memset(&p, 0, sizeof p);
		p.account = (enum account)(i % ACCOUNT_COUNT);
		/* every third platform from the end of the list, so that
		 * high slots and all statuses come in */
		for (k = 0; k < (size_t)sizes[i] && k < cat.n; k++)
			progress_record(&p, cat.v[cat.n - 1 - (k * 3 + i) %
			    cat.n].id, (enum status)((k + i) % ST_COUNT), NULL,
			    1);
		print_code(&cat, &p);
	}
	catalog_free(&cat);
	return 0;
}

static int
one_code(const char *dir, int n, char **args)
{
	struct catalog cat;
	struct progress p;
	enum status st;
	char *colon;
	int i;

	load(dir, &cat);
	memset(&p, 0, sizeof p);
	for (i = 0; i < n; i++) {
		if ((colon = strchr(args[i], ':')) == NULL ||
		    !status_from_code(colon + 1, &st))
			return 2;
		*colon = '\0';
		progress_record(&p, args[i], st, NULL, 1);
	}
	print_code(&cat, &p);
	catalog_free(&cat);
	return 0;
}

int
main(int argc, char **argv)
{
	bool alnum = false, utf8 = true, via = false, text = false;
	struct qr_matrix m;
	unsigned char *v;
	char **lines;
	size_t side, n, i;
	int a = 1;

	if (argc == 3 && strcmp(argv[1], "--links") == 0)
		return links(argv[2]);
	if (argc == 3 && strcmp(argv[1], "--codes") == 0)
		return codes(argv[2]);
	if (argc >= 4 && strcmp(argv[1], "--code") == 0)
		return one_code(argv[2], argc - 3, argv + 3);
	for (; a < argc - 1; a++) {
		if (strcmp(argv[a], "--alnum") == 0)
			alnum = true;
		else if (strcmp(argv[a], "--text") == 0)
			text = true;
		else if (strcmp(argv[a], "--ascii") == 0)
			utf8 = false;
		else if (strcmp(argv[a], "--via") == 0 && a + 1 < argc - 1) {
			via = true;
			utf8 = strcmp(argv[++a], "ascii") != 0;
		} else
			break;
	}
	if (a != argc - 1) {
		fprintf(stderr, "usage: qr_image [--alnum] [--via utf8|ascii] "
		    "TEXT\n");
		return 2;
	}
	if (!qr_encode(argv[a], alnum, &m)) {
		fprintf(stderr, "qr_image: does not fit a QR code\n");
		return 1;
	}
	if (text) {
		n = qrtext_render(&m, utf8, &lines);
		for (i = 0; i < n; i++)
			printf("%s\n", lines[i]);
		qrtext_free(lines, n);
	} else if (via) {
		n = qrtext_render(&m, utf8, &lines);
		v = from_text(lines, n, utf8, &side);
		write_pgm(v, side, side);
		free(v);
		qrtext_free(lines, n);
	} else {
		v = with_quiet(&m, &side);
		write_pgm(v, side, side);
		free(v);
	}
	fprintf(stderr, "qr_image: %zu x %zu modules\n", m.size, m.size);
	qr_matrix_free(&m);
	return 0;
}
