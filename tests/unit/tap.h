/* tap.h: run Check suites and report every test as one TAP line.
 * Automake runs the unit tests through tap-driver.sh: Check writes
 * "ok N - file:case:test: message" per test and the plan "1..N" at the
 * end (a late plan, which TAP allows). Nothing else may go to stdout, so
 * a test that wants to say something uses stderr. */
#ifndef OPTOUT_TAP_H
#define OPTOUT_TAP_H

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* Runs the NULL-terminated list of suites; the exit status is 0 only if
 * no test failed (tap-driver.sh reads the results, make reads the status). */
static inline int
tap_run(Suite *first, ...)
{
	SRunner *sr;
	Suite *s;
	va_list ap;
	int failed;

	/* Nothing buffered may be copied into the forked test children. */
	fflush(stdout);
	fflush(stderr);
	sr = srunner_create(first);
	va_start(ap, first);
	while ((s = va_arg(ap, Suite *)) != NULL)
		srunner_add_suite(sr, s);
	va_end(ap);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	fflush(stdout);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* A test case with a timeout generous enough for slow machines. */
static inline TCase *
tap_tcase(Suite *s, const char *name, double timeout)
{
	TCase *tc = tcase_create(name);

	tcase_set_timeout(tc, timeout);
	suite_add_tcase(s, tc);
	return tc;
}

#endif
