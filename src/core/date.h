/* date.h: calendar dates as day numbers, and how the wizard writes them.
 * A day number counts days since 1970-01-01, so dates compare and subtract
 * as integers; no time zone enters a date from the catalog. */
#ifndef OPTOUT_DATE_H
#define OPTOUT_DATE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "core/lang.h"

int32_t	 date_from_civil(int y, int m, int d);
void	 date_to_civil(int32_t, int *y, int *m, int *d);

/* Parses a strict "YYYY-MM-DD" that names a real day. */
bool	 date_parse(const char *, int32_t *);
/* Accepts "YYYY", "YYYY-MM", "YYYY-MM-DD" or "undated" (sources). */
bool	 date_parse_loose(const char *);

/* Today in local time for the instant t. */
int32_t	 date_today(time_t t);

/* "3. November 2025" / "3 November 2025"; caller owns the result. */
char	*date_format_long(int32_t, enum lang);
/* "03.11.2025" / "3 Nov 2025"; caller owns the result. */
char	*date_format_short(int32_t, enum lang);
/* Local date and time of an instant: "22.11.2026, 10:31" /
 * "22 Nov 2026, 10:31"; caller owns the result. */
char	*time_format(time_t, enum lang);

#endif
