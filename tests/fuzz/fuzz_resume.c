/* fuzz_resume.c: libFuzzer harness for the resume code parser. The input
 * is what a person types. A code that parses must say something sensible
 * (slots ascending and unique, known statuses and account), must survive
 * a round trip (formatted and parsed again, the same data), and is then
 * restored into a session on a catalog of 64 platforms, whose own code
 * must parse again. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/resume.h"
#include "core/xmalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define NPLATFORMS	64

static struct catalog cat;	/* made once, kept for the process */

static void
fail(const char *what, const char *code)
{
	fprintf(stderr, "fuzz_resume: %s: %s\n", what, code);
	abort();
}

static void
make_catalog(void)
{
	size_t i;

	if (cat.n > 0)
		return;
	cat.v = xcalloc(NPLATFORMS, sizeof *cat.v);
	for (i = 0; i < NPLATFORMS; i++) {
		cat.v[i].id = xasprintf("p%zu", i);
		cat.v[i].has_slot = true;
		cat.v[i].slot = (unsigned)(i * 7);	/* gaps, as in life */
	}
	cat.n = NPLATFORMS;
}

static void
check(const struct resume_data *d, const char *text)
{
	size_t i;

	if (d->account >= ACCOUNT_COUNT)
		fail("an unknown account", text);
	for (i = 0; i < d->n; i++) {
		if (d->v[i].status >= ST_COUNT)
			fail("an unknown status", text);
		if (d->v[i].slot > CATALOG_SLOT_MAX)
			fail("a slot out of range", text);
		if (i > 0 && d->v[i].slot <= d->v[i - 1].slot)
			fail("slots not ascending and unique", text);
	}
}

static bool
same(const struct resume_data *a, const struct resume_data *b)
{
	return a->account == b->account && a->fingerprint == b->fingerprint &&
	    a->n == b->n && (a->n == 0 ||
	    memcmp(a->v, b->v, a->n * sizeof *a->v) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct resume_data d, again;
	struct resume_report rep;
	struct progress prog;
	char *text, *code, bad;

	text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	if (resume_parse(text, &d, &bad) != RESUME_OK) {
		if (d.n != 0)
			fail("data from a code that did not parse", text);
		resume_data_free(&d);
		free(text);
		return 0;
	}
	check(&d, text);
	if ((code = resume_format(&d)) != NULL) {
		if (resume_parse(code, &again, &bad) != RESUME_OK)
			fail("the formatted code does not parse", code);
		if (!same(&d, &again))
			fail("the round trip changed the code", code);
		resume_data_free(&again);
		free(code);
	}
	make_catalog();
	memset(&prog, 0, sizeof prog);
	resume_restore(&cat, &prog, &d, &rep);
	if ((code = resume_code(&cat, &prog, NULL)) != NULL) {
		if (resume_parse(code, &again, &bad) != RESUME_OK)
			fail("the restored session's code does not parse", code);
		check(&again, code);
		resume_data_free(&again);
		free(code);
	}
	resume_report_free(&rep);
	progress_clear(&prog);
	resume_data_free(&d);
	free(text);
	return 0;
}
