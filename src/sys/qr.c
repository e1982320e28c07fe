/* qr.c: libqrencode behind one function. */
#include "config.h"

#include <errno.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "core/xmalloc.h"
#include "sys/qr.h"

static QRcode *
encode_at(const char *text, bool alnum, QRecLevel level)
{
	QRinput *in;
	QRcode *qr;

	if (!alnum)
		return QRcode_encodeString(text, 0, level, QR_MODE_8, 1);
	if ((in = QRinput_new2(0, level)) == NULL)
		return NULL;
	if (QRinput_append(in, QR_MODE_AN, (int)strlen(text),
	    (const unsigned char *)text) != 0) {
		QRinput_free(in);
		return NULL;
	}
	qr = QRcode_encodeInput(in);
	QRinput_free(in);
	return qr;
}

bool
qr_encode(const char *text, bool alnum, struct qr_matrix *m)
{
	/* strongest first: a later level wins only by being smaller */
	static const QRecLevel levels[] = {
		QR_ECLEVEL_H, QR_ECLEVEL_Q, QR_ECLEVEL_M, QR_ECLEVEL_L
	};
	QRcode *best = NULL, *qr;
	size_t i, n;

	memset(m, 0, sizeof *m);
	for (i = 0; i < sizeof levels / sizeof levels[0]; i++) {
		if ((qr = encode_at(text, alnum, levels[i])) == NULL) {
			if (errno == ENOMEM)
				fatal("out of memory");
			continue;	/* too long for this level */
		}
		if (best == NULL || qr->width < best->width) {
			QRcode_free(best);
			best = qr;
		} else
			QRcode_free(qr);
	}
	if (best == NULL)
		return false;
	m->size = (size_t)best->width;
	n = m->size * m->size;
	m->dark = xmalloc(n);
	for (i = 0; i < n; i++)
		m->dark[i] = best->data[i] & 1;
	QRcode_free(best);
	return true;
}
