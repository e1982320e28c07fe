/* events.c: what every front end does with a wizard event: hand it to the
 * wizard, follow a change of language, save changed progress and show a
 * failed save. No curses here: the linear front end uses it too. */
#include "config.h"

#include <stdlib.h>

#include "sys/i18n.h"
#include "ui/ui.h"

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
	return r;
}
