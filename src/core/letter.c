/* letter.c: the objection letter, in plain words. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/letter.h"
#include "core/xmalloc.h"

void
letter_recipient(const struct platform *p, struct letter_to *to)
{
	memset(to, 0, sizeof *to);
	to->name = p->operator_name != NULL ? p->operator_name : p->name;
	if (p->contact != NULL) {
		to->name = p->contact->name;
		to->email = p->contact->email;
		to->url = p->contact->url;
	} else if (p->email != NULL)
		to->email = p->email->address;
	else if (p->form != NULL && p->form->url != NULL)
		to->url = p->form->url;
	else
		to->uncertain = true;
}

static void
add(struct letter *l, char *para)
{
	l->para = xreallocarray(l->para, l->n + 1, sizeof *l->para);
	l->para[l->n++] = para;
}

static const char *
or_blank(const char *typed, const char *blank)
{
	return typed != NULL && *typed != '\0' ? typed : blank;
}

void
letter_build(struct letter *l, const struct platform *p,
    const struct letter_from *from, int32_t today, enum lang lang)
{
	const char *name = or_blank(from != NULL ? from->name : NULL,
	    _("[your name]"));
	const char *email = or_blank(from != NULL ? from->email : NULL,
	    _("[your e-mail address]"));
	struct buf b = { 0 };
	char *date;

	memset(l, 0, sizeof *l);
	letter_recipient(p, &l->to);
	buf_addf(&b, _("To: %s"), l->to.name);
	if (l->to.email != NULL)
		buf_addf(&b, "\n%s", l->to.email);
	if (l->to.url != NULL)
		buf_addf(&b, "\n%s", l->to.url);
	if (l->to.uncertain)
		buf_addf(&b, "\n%s", _("(Address not certain: see the "
		    "privacy policy.)"));
	add(l, buf_take(&b));
	add(l, xasprintf(_("From: %s\nE-mail: %s"), name, email));
	date = date_format_long(today, lang);
	add(l, xasprintf(_("Date: %s"), date));
	free(date);
	add(l, xstrdup(_("Subject: Objection under Article 21 GDPR to the use "
	    "of my personal data for AI training")));
	add(l, xstrdup(_("Dear Sir or Madam,")));
	add(l, xasprintf(_("I object, under Article 21 of the General Data "
	    "Protection Regulation (GDPR), to the use of my personal data for "
	    "training and improving generative artificial intelligence (AI). "
	    "This covers all data about me at %s: my posts, photos, videos "
	    "and comments, my profile, and my interactions with your "
	    "services."), p->name));
	add(l, xstrdup(_("My reason: [optional: a sentence on why it matters "
	    "to you, for example: My posts show my children.]")));
	add(l, xstrdup(_("Please stop using my data for this purpose, now and "
	    "in the future, and do not pass it on to others for it.")));
	add(l, xstrdup(_("Please confirm to me in writing within one month "
	    "(Article 12(3) GDPR) that you have received my objection and no "
	    "longer use my data for this purpose.")));
	add(l, xasprintf(_("My account: [your user name or the e-mail address "
	    "of your account at %s]"), p->name));
	add(l, xasprintf(_("Yours faithfully,\n%s"), name));
}

char *
letter_how_to_send(const struct letter *l, const struct platform *p)
{
	if (l->to.uncertain)
		return xasprintf(_("Not certain: optout knows no address for "
		    "this letter. Look in the privacy policy of %s for the "
		    "contact for data protection, and send it there. Keep a "
		    "copy."), p->name);
	if (l->to.email != NULL)
		return xasprintf(_("Send this letter by e-mail to %s. Keep a "
		    "copy and the answer."), l->to.email);
	return xasprintf(_("Send this letter through the web page %s (copy "
	    "the text into it). Keep a copy and the answer."), l->to.url);
}

char *
letter_text(const struct letter *l)
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < l->n; i++)
		buf_addf(&b, "%s%s", i > 0 ? "\n\n" : "", l->para[i]);
	return b.data != NULL ? buf_take(&b) : xstrdup("");
}

void
letter_free(struct letter *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->para[i]);
	free(l->para);
	memset(l, 0, sizeof *l);
}
