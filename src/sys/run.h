/* run.h: running an administrator's command (the receipt's printer).
 * Never through a shell: the words of the command arrive as they were
 * written in optout.cfg, whatever characters they contain. */
#ifndef OPTOUT_RUN_H
#define OPTOUT_RUN_H

#include <stddef.h>

/* Runs argv[0] (searched in PATH) with the arguments argv (NULL-ended),
 * data on its standard input, its standard output discarded and its
 * standard error kept for the message. Waits for it. Returns 0 if it
 * exits with status 0, or -1 with *err (owned) saying in plain words what
 * went wrong, with the first line of what it said on standard error. */
int	 run_with_input(char *const argv[], const char *data, size_t len,
	     char **err);

#endif
