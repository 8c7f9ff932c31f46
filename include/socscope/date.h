/* Calendar dates: the `date` question type, the expression language's date
 * arithmetic and the planner all count in whole days since 1970-01-01 (the
 * proleptic Gregorian calendar, no time of day, no time zone), so one
 * integer compares, subtracts and sorts.  Text is ISO 8601, YYYY-MM-DD,
 * for years 1 to 9999. */
#ifndef SOCSCOPE_DATE_H
#define SOCSCOPE_DATE_H

#include <stdbool.h>

/* Days since 1970-01-01; negative before it. */
typedef long sc_day;

/* The range a date may take: 0001-01-01 to 9999-12-31. */
#define SC_DAY_MIN (-719162L)
#define SC_DAY_MAX 2932896L

struct sc_ymd {
	int y, m, d;
};

/* Is y-m-d a real date (month 1-12, day within the month, year 1-9999)? */
bool
sc_ymd_valid(int y, int m, int d);
int
sc_days_in_month(int y, int m);

sc_day
sc_day_from_ymd(int y, int m, int d);
struct sc_ymd
sc_day_to_ymd(sc_day day);

/* Parse exactly "YYYY-MM-DD".  On failure returns false and, when `why` is
 * not NULL, points it at a static sentence saying what is wrong ("the
 * month must be 01 to 12", "February 2026 has 28 days" is given as "the day
 * is past the end of the month"). */
bool
sc_date_parse(const char *s, sc_day *out, const char **why);
/* Write "YYYY-MM-DD" (out has room for 11 bytes); a day outside the range
 * is clipped to it. */
void
sc_date_format(sc_day day, char out[11]);

/* The same day `months` later (earlier when negative), clamped to the end
 * of a shorter month (01-31 + 1 month = 02-28), and to the range. */
sc_day
sc_date_add_months(sc_day day, long months);
/* Whole months from a to b: the largest n with a + n months <= b (for b
 * before a, the negative of the months from b to a). */
long
sc_date_months_between(sc_day a, sc_day b);
/* 0 Monday ... 6 Sunday. */
int
sc_date_weekday(sc_day day);
/* The first and the last day of the month `day` falls in. */
sc_day
sc_date_month_start(sc_day day);
sc_day
sc_date_month_end(sc_day day);

/* Today: the date in $SOCSCOPE_DATE when it holds a valid YYYY-MM-DD (so
 * that tests and demonstrations see fixed dates), else today in UTC.  Every
 * part of the program that needs "today" asks here, so that the questions'
 * rules, the plan and the reports agree on it. */
sc_day
sc_date_today(void);

#endif
