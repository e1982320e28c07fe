/* fuzz_room.c: libFuzzer harness for the files of a workshop's room. They
 * are written by other processes, other users even: a seat, the trainer's
 * broadcast, who keeps the room, the published profile. The input is one
 * such file, tried with every parser. What parses must survive a round
 * trip: formatting it and parsing that gives the same text again. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/room.h"
#include "core/workshop.h"
#include "core/xmalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
fail(const char *what, const char *a, const char *b)
{
	fprintf(stderr, "fuzz_room: %s:\n%s---\n%s", what, a, b);
	abort();
}

static void
seat(const char *text)
{
	struct seat s, again;
	char *a, *b;

	if (!seat_parse(text, &s))
		return;
	a = seat_format(&s);
	if (!seat_parse(a, &again))
		fail("a formatted seat does not parse", text, a);
	b = seat_format(&again);
	if (strcmp(a, b) != 0)
		fail("a seat's round trip changed it", a, b);
	free(a);
	free(b);
	seat_free(&s);
	seat_free(&again);
}

static void
broadcast(const char *text)
{
	struct broadcast bc, again;
	char *a, *b;

	if (!broadcast_parse(text, &bc))
		return;
	a = broadcast_format(&bc);
	if (!broadcast_parse(a, &again))
		fail("a formatted broadcast does not parse", text, a);
	b = broadcast_format(&again);
	if (strcmp(a, b) != 0)
		fail("a broadcast's round trip changed it", a, b);
	free(a);
	free(b);
	broadcast_free(&bc);
	broadcast_free(&again);
}

static void
profile(const char *text)
{
	static struct platform v[2];
	struct catalog cat = { .v = v, .n = 2 };
	struct workshop ws, again;
	char *a, *b;

	v[0].id = (char *)"facebook";
	v[1].id = (char *)"linkedin";
	if (!workshop_parse(text, "w", &cat, &ws))
		return;
	a = workshop_format(&ws);
	if (!workshop_parse(a, "w", &cat, &again))
		fail("a formatted profile does not parse", text, a);
	b = workshop_format(&again);
	if (strcmp(a, b) != 0)
		fail("a profile's round trip changed it", a, b);
	free(a);
	free(b);
	workshop_free(&ws);
	workshop_free(&again);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xmalloc(size + 1);
	unsigned long long start;
	long pid;

	memcpy(text, data, size);
	text[size] = '\0';
	seat(text);
	broadcast(text);
	profile(text);
	room_trainer_parse(text, &pid, &start);
	free(text);
	return 0;
}
