/* qr.h: QR codes made with libqrencode, the only place that includes it.
 * The matrix goes to core/qrtext.c to become text. */
#ifndef OPTOUT_SYS_QR_H
#define OPTOUT_SYS_QR_H

#include <stdbool.h>

#include "core/qrtext.h"

/* Encodes text as the smallest QR code that holds it, with the strongest
 * error correction that fits in that size. alnum: the text is upper-case
 * letters, digits and " $%*+-./:" (a resume code) and is encoded in
 * alphanumeric mode; otherwise the encoder picks modes (8-bit for most of
 * an address). Returns false if the text does not fit any QR code. */
bool	 qr_encode(const char *text, bool alnum, struct qr_matrix *);

#endif
