/* date.c: civil-calendar arithmetic and date wording. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/xmalloc.h"

/* Howard Hinnant's days_from_civil / civil_from_days. */
int32_t
date_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_to_civil(int32_t z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static bool
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
	}
	return true;
}

static int
num(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

bool
date_parse(const char *s, int32_t *out)
{
	int y, m, d, y2, m2, d2;
	int32_t z;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    !digits(s, 4) || !digits(s + 5, 2) || !digits(s + 8, 2))
		return false;
	y = num(s, 4);
	m = num(s + 5, 2);
	d = num(s + 8, 2);
	if (y < 1970 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	z = date_from_civil(y, m, d);
	date_to_civil(z, &y2, &m2, &d2);
	if (y2 != y || m2 != m || d2 != d)
		return false;	/* 2025-02-30 and friends */
	*out = z;
	return true;
}

bool
date_parse_loose(const char *s)
{
	size_t n = strlen(s);
	int32_t z;
	char tmp[11];

	if (strcmp(s, "undated") == 0)
		return true;
	if (n == 4)
		return digits(s, 4) && num(s, 4) >= 1970;
	if (n == 7) {
		memcpy(tmp, s, 7);
		memcpy(tmp + 7, "-01", 4);
		return date_parse(tmp, &z);
	}
	return date_parse(s, &z);
}

int32_t
date_today(time_t t)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL)
		return (int32_t)(t / 86400);
	return date_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static const char *const month_long[12] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"),
	N_("June"), N_("July"), N_("August"), N_("September"), N_("October"),
	N_("November"), N_("December")
};

static const char *const month_short[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

char *
date_format_long(int32_t z, enum lang l)
{
	int y, m, d;

	date_to_civil(z, &y, &m, &d);
	if (l == LANG_DE)
		return xasprintf("%d. %s %d", d, _(month_long[m - 1]), y);
	return xasprintf("%d %s %d", d, _(month_long[m - 1]), y);
}

char *
date_format_short(int32_t z, enum lang l)
{
	int y, m, d;

	date_to_civil(z, &y, &m, &d);
	if (l == LANG_DE)
		return xasprintf("%02d.%02d.%04d", d, m, y);
	return xasprintf("%d %s %d", d, month_short[m - 1], y);
}

char *
time_format(time_t t, enum lang l)
{
	struct tm tm;
	char *day, *s;

	if (localtime_r(&t, &tm) == NULL)
		return xstrdup("?");
	day = date_format_short(date_from_civil(tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday), l);
	s = xasprintf("%s, %02d:%02d", day, tm.tm_hour, tm.tm_min);
	free(day);
	return s;
}
