/* Calendar dates as day numbers (see socscope/date.h). */
#include "socscope/date.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
sc_days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30,
	                             31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool
sc_ymd_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= sc_days_in_month(y, m);
}

/* Counting years from March makes February the last month of a year, so
 * the leap day falls at the end and the months before it have fixed
 * lengths; 400 years are exactly 146097 days. */
sc_day
sc_day_from_ymd(int y, int m, int d)
{
	long yy = (long)y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;                         /* 0 .. 399 */
	long mp = (m + 9) % 12;                            /* March = 0 */
	long doy = (153 * mp + 2) / 5 + d - 1;             /* 0 .. 365 */
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* 0 .. 146096 */
	return era * 146097 + doe - 719468;                /* from 1970-03-01 */
}

struct sc_ymd
sc_day_to_ymd(sc_day day)
{
	long z = day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct sc_ymd t;
	t.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	t.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	t.y = (int)(yoe + era * 400 + (t.m <= 2));
	return t;
}

static sc_day
clip(sc_day day)
{
	return day < SC_DAY_MIN ? SC_DAY_MIN : day > SC_DAY_MAX ? SC_DAY_MAX
	                                                        : day;
}

bool
sc_date_parse(const char *s, sc_day *out, const char **why)
{
	const char *dummy;
	if (!why)
		why = &dummy;
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') {
		*why = "a date is written YYYY-MM-DD, for example 2026-06-30";
		return false;
	}
	for (int i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) {
			*why = "a date is written YYYY-MM-DD with digits, for "
			       "example 2026-06-30";
			return false;
		}
	}
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (y < 1) {
		*why = "the year must be 0001 to 9999";
		return false;
	}
	if (m < 1 || m > 12) {
		*why = "the month must be 01 to 12";
		return false;
	}
	if (d < 1 || d > sc_days_in_month(y, m)) {
		*why = d < 1 ? "the day must be 01 or later"
		             : "that month has fewer days";
		return false;
	}
	*out = sc_day_from_ymd(y, m, d);
	return true;
}

void
sc_date_format(sc_day day, char out[11])
{
	struct sc_ymd t = sc_day_to_ymd(clip(day));
	/* Digit by digit: no -Wformat-truncation to argue with. */
	unsigned y = (unsigned)t.y, m = (unsigned)t.m, d = (unsigned)t.d;
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

sc_day
sc_date_add_months(sc_day day, long months)
{
	struct sc_ymd t = sc_day_to_ymd(clip(day));
	/* Past the range either way: the range's ends. */
	if (months > 12L * 10000)
		return SC_DAY_MAX;
	if (months < -12L * 10000)
		return SC_DAY_MIN;
	long m0 = (long)t.y * 12 + t.m - 1 + months;
	if (m0 < 12)
		return SC_DAY_MIN;
	if (m0 >= 12L * 10000)
		return SC_DAY_MAX;
	int y = (int)(m0 / 12), m = (int)(m0 % 12) + 1;
	int dim = sc_days_in_month(y, m);
	return sc_day_from_ymd(y, m, t.d > dim ? dim : t.d);
}

long
sc_date_months_between(sc_day a, sc_day b)
{
	if (b < a)
		return -sc_date_months_between(b, a);
	struct sc_ymd x = sc_day_to_ymd(clip(a)), y = sc_day_to_ymd(clip(b));
	long n = ((long)y.y - x.y) * 12 + (y.m - x.m);
	/* Clamping makes a + n months land on or before b only when it is
	 * not later in its month. */
	while (n > 0 && sc_date_add_months(a, n) > b)
		n--;
	return n;
}

int
sc_date_weekday(sc_day day)
{
	/* 1970-01-01 was a Thursday (3). */
	long w = (day + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

sc_day
sc_date_month_start(sc_day day)
{
	struct sc_ymd t = sc_day_to_ymd(clip(day));
	return sc_day_from_ymd(t.y, t.m, 1);
}

sc_day
sc_date_month_end(sc_day day)
{
	struct sc_ymd t = sc_day_to_ymd(clip(day));
	return sc_day_from_ymd(t.y, t.m, sc_days_in_month(t.y, t.m));
}

sc_day
sc_date_today(void)
{
	sc_day day;
	const char *fixed = getenv("SOCSCOPE_DATE");
	if (fixed && sc_date_parse(fixed, &day, NULL))
		return day;
	time_t now = time(NULL);
	struct tm tm;
	if (!gmtime_r(&now, &tm))
		return 0;
	return sc_day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
