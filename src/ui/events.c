/* events.c: what every front end does with a wizard event: hand it to the
 * wizard, follow a change of language, save changed progress and show a
 * failed save. No curses here: the linear front end uses it too. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sys/i18n.h"
#include "ui/ui.h"

/* Personal mode: the receipt goes into a file, and the screen says where. */
static void
save_receipt(struct wizard *w, const struct ui_hooks *hooks)
{
	char *text = wizard_receipt(w, hooks->now(), RECEIPT_TEXT);
	char *path = NULL, *err = NULL;

	if (hooks->save_receipt(hooks->ctx, text, &path, &err) == -1)
		wizard_set_receipt_saved(w, NULL, err);
	else
		wizard_set_receipt_saved(w, path, NULL);
	free(text);
	free(path);
	free(err);
}

void
ui_print_receipt(struct wizard *w, const struct ui_hooks *hooks)
{
	char *text = wizard_receipt(w, hooks->now(), RECEIPT_TEXT);
	char *err = NULL;

	if (hooks->print(hooks->ctx, text, &err) == -1)
		wizard_set_printed(w, err);
	else
		wizard_set_printed(w, NULL);
	free(text);
	free(err);
}

int
ui_apply_event(struct wizard *w, const struct ui_hooks *hooks,
    struct wz_event ev)
{
	char *err = NULL;
	int r = wizard_handle(w, ev, hooks->now());

	if (r & WZ_R_LANG)
		i18n_set_lang(w->lang);
	if (r & WZ_R_PROGRESS) {
		if (hooks->save(hooks->ctx, &err) == -1) {
			wizard_set_save_error(w, err);
			free(err);
		} else
			wizard_set_save_error(w, NULL);
	}
	if (r & WZ_R_RECEIPT)
		save_receipt(w, hooks);
	return r;
}

double
ui_monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
