/* words.c: sentences composed from catalog facts. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/words.h"
#include "core/xmalloc.h"

char *
words_retro(const struct platform *p, int32_t today, enum lang l)
{
	int32_t start;
	char *d, *s;
	long days;

	if (!platform_training_start(p, &start)) {
		return xasprintf(_("%s has not named a date from which it "
		    "trains on your data. An objection works from the moment "
		    "you make it. It cannot undo what may have been used "
		    "before."), p->name);
	}
	d = date_format_long(start, l);
	days = (long)start - (long)today;
	if (days > 0) {
		s = xasprintf(ngettext(
		    "Training starts on %s, in %ld day. If you object now, "
		    "nothing of yours is used for it.",
		    "Training starts on %s, in %ld days. If you object now, "
		    "nothing of yours is used for it.", (unsigned long)days),
		    d, days);
	} else if (days == 0) {
		s = xasprintf(_("Training starts today, %s. If you object "
		    "today, everything from now on is protected. What was "
		    "used before stays in the model."), d);
	} else {
		s = xasprintf(ngettext(
		    "Training began on %s, %ld day ago. If you object today, "
		    "everything from today on is protected. What was used "
		    "before stays in the model: an objection cannot take it "
		    "out again.",
		    "Training began on %s, %ld days ago. If you object today, "
		    "everything from today on is protected. What was used "
		    "before stays in the model: an objection cannot take it "
		    "out again.", (unsigned long)-days), d, -days);
	}
	free(d);
	return s;
}

char *
words_retro_objected(const struct platform *p, int32_t day, enum lang l)
{
	int32_t start;
	char *d, *when, *s;

	when = date_format_long(day, l);
	if (!platform_training_start(p, &start)) {
		s = xasprintf(_("%s has not named a date from which it trains "
		    "on your data. Your objection of %s works from that day "
		    "on. It cannot undo what may have been used before."),
		    p->name, when);
		free(when);
		return s;
	}
	d = date_format_long(start, l);
	if (start > day)
		s = xasprintf(_("You objected on %s, before training starts on "
		    "%s. So nothing of yours should be used for it."), when,
		    d);
	else
		s = xasprintf(_("Training began on %s. Your objection of %s "
		    "protects everything from that day on. What was used "
		    "before stays in the model: an objection cannot take it "
		    "out again."), d, when);
	free(d);
	free(when);
	return s;
}

static void
add_quoted(struct buf *b, const char *s, enum lang wiz)
{
	if (wiz == LANG_DE)
		buf_addf(b, "\u201e%s\u201c", s);
	else
		buf_addf(b, "\u201c%s\u201d", s);
}

char *
words_label(const struct ltext *t, enum lang wiz, enum lang ui, bool *fallback)
{
	struct buf b = { 0 };
	const char *s;
	bool fb = false;

	if ((s = ltext_get_any(t, ui, &fb)) == NULL)
		return NULL;
	if (fb && fallback != NULL)
		*fallback = true;
	add_quoted(&b, s, wiz);
	return buf_take(&b);
}

char *
words_step(const struct step *st, enum lang wiz, enum lang ui, bool *fallback)
{
	const char *text = ltext_get_any(&st->text, wiz, NULL), *ph;
	struct buf b = { 0 };
	char *label;

	if (text == NULL)
		text = "";
	label = words_label(&st->label, wiz, ui, fallback);
	if (label == NULL)
		return xstrdup(text);
	if ((ph = strstr(text, "{}")) != NULL) {
		buf_add(&b, text, (size_t)(ph - text));
		buf_adds(&b, label);
		buf_adds(&b, ph + 2);
	} else
		buf_addf(&b, "%s: %s", text, label);
	free(label);
	return buf_take(&b);
}

char *
words_final(const struct final *f, enum lang wiz, enum lang ui, bool *fallback)
{
	char *label, *state, *s;

	label = words_label(&f->label, wiz, ui, fallback);
	if (label == NULL)
		label = xstrdup("");
	state = words_label(&f->state, wiz, ui, fallback);
	switch (f->action) {
	case ACT_SWITCH_OFF:
		if (state == NULL) {
			struct ltext off = { { NULL, NULL } };

			/* the platform's word is not known: ours, quoted */
			off.s[wiz] = (char *)_("Off");
			state = words_label(&off, wiz, wiz, NULL);
		}
		s = xasprintf(_("Switch %s to %s. Switching it off is your "
		    "objection."),
		    label, state);
		break;
	case ACT_SWITCH_ON:
		/* ON is the protective state here; never just "toggle". */
		if (state != NULL)
			s = xasprintf(_("Switch %s ON (%s). Here it is ON that "
			    "protects your data."), label, state);
		else
			s = xasprintf(_("Switch %s ON. Here it is ON that "
			    "protects your data."), label);
		break;
	case ACT_CHOOSE:
		s = xasprintf(_("Choose the option %s. That is the choice that "
		    "protects your data."), label);
		break;
	case ACT_SUBMIT:
	default:
		s = xasprintf(_("Send the form: press %s."), label);
		break;
	}
	free(label);
	free(state);
	return s;
}

char *
words_breadcrumb(const struct surface *sf, enum lang ui, bool utf8_arrow,
    bool *fallback)
{
	struct buf b = { 0 };
	const char *s;
	size_t i, n = 0;
	bool fb;

	for (i = 0; i < sf->nsteps; i++) {
		if (!sf->steps[i].menu)
			continue;
		if ((s = ltext_get_any(&sf->steps[i].label, ui, &fb)) == NULL)
			continue;
		if (fb && fallback != NULL)
			*fallback = true;
		if (n++ > 0)
			buf_adds(&b, utf8_arrow ? " \u2192 " : " -> ");
		buf_adds(&b, s);
	}
	if (n == 0)
		return NULL;
	return buf_take(&b);
}

const char *
words_surface(enum surface_kind k)
{
	switch (k) {
	case SURF_WEB:
		return _("In the web browser (computer)");
	case SURF_APP:
		return _("In the app (Android or iPhone)");
	case SURF_ANDROID:
		return _("In the Android app");
	case SURF_IOS:
		return _("In the iPhone app");
	case SURF_DESKTOP:
	default:
		return _("In the desktop program");
	}
}

const char *
words_category(enum category c)
{
	switch (c) {
	case CAT_SOCIAL:
		return _("Social networks");
	case CAT_MESSENGER:
		return _("Messengers");
	case CAT_ASSISTANT:
		return _("AI assistants");
	case CAT_TOOLS:
		return _("Creative and work tools");
	case CAT_PUBLISHING:
		return _("Publishing");
	case CAT_OTHER:
	default:
		return _("Other services");
	}
}

const char *
words_status(enum status s)
{
	switch (s) {
	case ST_OPEN:
		return _("open");
	case ST_DONE:
		return _("done");
	case ST_FORM_SENT:
		return _("form sent, waiting for confirmation");
	case ST_CONFIRMED:
		return _("confirmation received");
	case ST_NO_ACCOUNT:
		return _("no account");
	case ST_LATER:
		return _("later");
	case ST_HELP:
		return _("needs help");
	case ST_NOTED:
		return _("noted");
	case ST_PROBLEM:
	default:
		return _("problem");
	}
}

static char *
detail(const char *status, const struct record *r, enum lang l,
    bool with_time)
{
	char *when, *s;

	if (r == NULL || r->status == ST_OPEN || r->time == 0)
		return xstrdup(status);
	if (with_time)
		when = time_format(r->time, l);
	else
		when = date_format_short(date_today(r->time), l);
	/* TRANSLATORS: a status and the date it was recorded,
	   e.g. "done, 22.11.2026" */
	s = xasprintf(_("%s, %s"), status, when);
	free(when);
	return s;
}

char *
words_status_detail(const struct record *r, enum lang l, bool with_time)
{
	return detail(words_status(r != NULL ? r->status : ST_OPEN), r, l,
	    with_time);
}

const char *
words_platform_status(const struct platform *p, enum status s)
{
	if (p->mechanism == MECH_EMAIL && s == ST_FORM_SENT)
		return _("e-mail sent, waiting for an answer");
	if (p->mechanism == MECH_EMAIL && s == ST_CONFIRMED)
		return _("answer received");
	return words_status(s);
}

char *
words_platform_status_detail(const struct platform *p, const struct record *r,
    enum lang l, bool with_time)
{
	return detail(words_platform_status(p, r != NULL ? r->status :
	    ST_OPEN), r, l, with_time);
}
