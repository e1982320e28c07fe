/* diag.c: collected file problems. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>

#include "core/diag.h"
#include "core/xmalloc.h"

void
diags_add(struct diags *d, const char *file, int line, bool warning,
    const char *fmt, ...)
{
	struct diag *g;
	va_list ap;

	d->v = xreallocarray(d->v, d->n + 1, sizeof *d->v);
	g = &d->v[d->n++];
	g->file = xstrdup(file);
	g->line = line;
	g->warning = warning;
	va_start(ap, fmt);
	g->msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (!warning)
		d->nerrors++;
}

char *
diag_format(const struct diag *g)
{
	const char *w = g->warning ? "warning: " : "";

	if (g->line > 0)
		return xasprintf("%s:%d: %s%s", g->file, g->line, w, g->msg);
	return xasprintf("%s: %s%s", g->file, w, g->msg);
}

void
diags_free(struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	d->v = NULL;
	d->n = d->nerrors = 0;
}
