/* help.c: help, every key, the words explained and the display check. */
#include "config.h"

#include <stdlib.h>

#include "core/help.h"
#include "core/xmalloc.h"

static const char *
help_for(const struct wizard *w, enum wz_screen s)
{
	switch (s) {
	case SCR_WELCOME:
		return w->linear ? _("Type 1 for German or 2 for English, then "
		    "press Enter.") : _("Choose the language of optout with "
		    "the arrow keys and press Enter.");
	case SCR_WHO:
		return _("Organisations get extra advice: what they must "
		    "document, and where their pages cannot object.");
	case SCR_PLATFORMS:
		return w->linear ? _("Type the numbers of the platforms you "
		    "use. Then press Enter on an empty line: optout goes "
		    "through them one by one. Finished ones are skipped, "
		    "unless a switch is due to be checked again.") :
		    _("Tick the platforms you use with the Space bar, then "
		    "press Enter: optout goes through them one by one. "
		    "Finished ones are skipped, unless a switch is due to be "
		    "checked again; press the Right arrow key to open one "
		    "platform on its own.");
	case SCR_INFO:
		return _("This page explains what the platform does with your "
		    "data and what an objection can still change. Read it "
		    "to the end, then press Enter.");
	case SCR_SURFACE:
		return _("Choose the device on which you are logged in to the "
		    "platform.");
	case SCR_STEPS:
		return _("Do these steps on your phone or computer. The words "
		    "in quotation marks are what the platform shows. When you "
		    "are done, press Enter and record what happened. Does "
		    "your platform show its menus in another language than "
		    "optout? Press m.");
	case SCR_RECORD:
		return _("Your answer is noted with the date and time. "
		    "\"I will do it later\" and \"I need help\" keep the "
		    "platform open, so that you can come back to it.");
	case SCR_TAKEHOME:
	case SCR_RECEIPT:
		return _("The receipt lists what you did on each platform, "
		    "with the date and time. Keep it with the confirmation "
		    "e-mails: it shows that you objected.");
	case SCR_LETTERS:
	case SCR_DETAILS:
	case SCR_LETTER:
		return _("An objection letter tells a company that you object "
		    "to the use of your data for AI training (Article 21 of "
		    "the GDPR). Send it by e-mail or by post, and keep a "
		    "copy.");
	case SCR_SUMMARY:
	default:
		return _("The summary lists what is done and what is still "
		    "open.");
	}
}

static const char *
labels_name(const struct wizard *w)
{
	switch (w->labels) {
	case LABELS_DE:
		return "Deutsch";
	case LABELS_EN:
		return "English";
	default:
		return _("like optout");
	}
}

enum labels
help_next_labels(enum labels l)
{
	switch (l) {
	case LABELS_DE:
		return LABELS_EN;
	case LABELS_EN:
		return LABELS_WIZARD;
	default:
		return LABELS_DE;
	}
}

void
help_view(const struct wizard *w, struct view *v)
{
	v->title = xstrdup(_("Help"));
	view_add_block(v, V_TEXT, 0, help_for(w, w->back_to));
	view_add_item(v, _("Back to where I was"), NULL, -1, NULL);
	view_add_item(v, _("All keys"), NULL, -1, NULL);
	view_add_item(v, _("Words explained"), _("objection, legitimate "
	    "interest, consent, ..."), -1, NULL);
	view_add_item(v, _("Check the display"), _("umlauts, lines, "
	    "colours"), -1, NULL);
	view_add_item(v, _("Language of the platforms' menus"), labels_name(w),
	    -1, NULL);
	view_add_key(v, VK_MOVE, _("move"));
	view_add_key(v, VK_ENTER, _("choose"));
	view_add_key(v, VK_BACK, _("back"));
}

static void
page_keys(struct view *v)
{
	v->enter_label = xstrdup(_("back to help"));
	view_add_key(v, VK_SCROLL, _("scroll"));
	view_add_key(v, VK_ENTER, _("back"));
}

/* The keys both front ends share, after their own. */
static void
keys_common(const struct wizard *w, struct view *v)
{
	view_add_block(v, V_BULLET, 0, _("e or d: English or Deutsch, at any "
	    "time. You stay where you are."));
	if (!w->linear)
		view_add_block(v, V_BULLET, 0, _("l: the linear mode, for "
		    "screen readers: one question at a time, as plain lines. "
		    "Type l there to come back."));
	else if (w->switch_ok)
		view_add_block(v, V_BULLET, 0, _("l: back to the full screen"));
	view_add_block(v, V_BULLET, 0, _("m, on the steps: the platform's own "
	    "words in the other language"));
	if (w->workshop != NULL)
		view_add_block(v, V_BULLET, 0, _("h: raise your hand in the "
		    "workshop, and lower it again"));
	view_add_block(v, V_BULLET, 0, _("?: help"));
	view_add_block(v, V_BULLET, 0, w->mode == WZ_KIOSK ? _("q: end your "
	    "visit (optout asks first)") : _("q: quit (optout asks first)"));
}

/* Translated as they are added. */
static void
bullets(struct view *v, const char *const *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		view_add_block(v, V_BULLET, 0, _(keys[i]));
}

static void
keys_fullscreen(const struct wizard *w, struct view *v)
{
	static const char *const keys[] = {
		N_("Arrow keys Up and Down (or k and j): move; on a long "
		    "page, scroll"),
		N_("Enter: choose, continue; on a long page, read on first"),
		N_("Space bar: tick a platform"),
		N_("Esc or Backspace: one step back; nothing is lost"),
		N_("1 to 9: choose that line"),
		N_("/: search the list of platforms"),
		N_("Right arrow key: open only this platform"),
		N_("Ctrl+L: redraw the screen")
	};

	bullets(v, keys, sizeof keys / sizeof keys[0]);
	keys_common(w, v);
	view_add_block(v, V_NOTE, 0, _("While you type a search or into a "
	    "field, every letter belongs to the text, l and e too. Press "
	    "Enter to end the typing first."));
}

static void
keys_linear(const struct wizard *w, struct view *v)
{
	static const char *const keys[] = {
		N_("A number, then Enter: choose that line"),
		N_("Enter alone: take the choice that the question names, or "
		    "continue"),
		N_("In the list of platforms: several numbers tick several "
		    "platforms, for example 1 3"),
		N_("/ and a part of a name: search the list, for example "
		    "/link"),
		N_("<: one step back; nothing is lost")
	};

	bullets(v, keys, sizeof keys / sizeof keys[0]);
	keys_common(w, v);
}

void
help_view_keys(const struct wizard *w, struct view *v)
{
	v->title = xstrdup(_("All keys"));
	if (w->linear)
		keys_linear(w, v);
	else
		keys_fullscreen(w, v);
	page_keys(v);
}

/* One word: the term (with its name in the other language, as platforms
 * and letters use either), then short sentences, one idea each. */
static void
word(struct view *v, const char *term, const char *explanation)
{
	view_add_block(v, V_HEADING, 0, term);
	view_add_block(v, V_TEXT, 0, explanation);
}

void
help_view_glossary(const struct wizard *w, struct view *v)
{
	(void)w;
	v->title = xstrdup(_("Words explained"));
	word(v, _("Objection (in German: Widerspruch)"), _("You tell a "
	    "company to stop using your data for a purpose. The law gives you "
	    "this right. It is in Article 21 of the GDPR. On most platforms, "
	    "a switch or a form is your objection."));
	word(v, _("Legitimate interest (in German: berechtigtes Interesse)"),
	    _("A company says it has a good reason of its own to use your "
	    "data. Then it may use the data without asking you first. The "
	    "company decides this by itself. That is why you may object."));
	word(v, _("Not retroactive (in German: nicht rückwirkend)"), _("An "
	    "objection works from the day you make it. It does not reach "
	    "back. What an AI has already learned from your data stays in "
	    "it. So it is good to object soon."));
	word(v, _("AI training (in German: KI-Training)"), _("A computer "
	    "program learns from a great many texts and pictures. This is "
	    "called training. Afterwards the program can write texts or make "
	    "pictures by itself. Your posts and photos may be among what it "
	    "learns from."));
	word(v, _("Consent (in German: Einwilligung)"), _("You agree to "
	    "something before it happens, for example by ticking a box. "
	    "Without your consent it would not be allowed. You can take "
	    "consent back at any time. Meta and LinkedIn do not ask for "
	    "consent to AI training. They rely on legitimate interest "
	    "instead."));
	word(v, _("GDPR (in German: DSGVO)"), _("The data protection law of "
	    "the European Union. It gives you rights over your data. The "
	    "right to object is one of them."));
	page_keys(v);
}

static void
selfcheck_colours(const struct wizard *w, struct view *v)
{
	/* The words name the theme of ui/ui.c (theme_init). */
	view_add_block(v, V_HEADING, 0, _("Colours"));
	view_add_block(v, V_TEXT, 0, w->colour ? _("Colours are on. Every "
	    "colour comes with bold, underline or reverse video, so nothing "
	    "depends on colour alone.") : _("Colours are off. Bold, underline "
	    "and reverse video show what matters."));
	view_add_block(v, V_SWATCH, SW_TITLE, w->colour ? _("The top line "
	    "names the screen: white on blue.") : _("The top line names the "
	    "screen: reverse video."));
	view_add_block(v, V_SWATCH, SW_HEADING, w->colour ? _("Headings: bold, "
	    "cyan.") : _("Headings: bold."));
	view_add_block(v, V_SWATCH, SW_NOTE, _("Important notes: bold."));
	view_add_block(v, V_SWATCH, SW_CRUMB, w->colour ? _("The menu path: "
	    "bold, cyan.") : _("The menu path: bold."));
	view_add_block(v, V_SWATCH, SW_LINK, w->colour ? _("Addresses: "
	    "underlined, blue.") : _("Addresses: underlined."));
	view_add_block(v, V_SWATCH, SW_DIM, _("Dates and sources: pale."));
	view_add_block(v, V_SWATCH, SW_FOCUS, _("The chosen line: a block "
	    "in reverse video at its left edge, with > in it."));
	view_add_block(v, V_SWATCH, SW_ERROR, w->colour ? _("A problem: bold, "
	    "white on red.") : _("A problem: bold, reverse video."));
}

void
help_view_selfcheck(const struct wizard *w, struct view *v)
{
	char *s;

	v->title = xstrdup(_("Check the display"));
	if (!w->utf8)
		view_add_block(v, V_NOTE, 0, _("This terminal is not set up "
		    "for UTF-8. So optout shows plain letters only. For "
		    "umlauts, start optout with a UTF-8 locale, for example "
		    "LANG=C.UTF-8."));
	else if (w->ascii)
		view_add_block(v, V_NOTE, 0, w->linear ? _("optout shows plain "
		    "letters only, as you chose. Type a for all letters and "
		    "signs again.") : _("optout shows plain letters only, as "
		    "you chose. Press a for all letters and signs again."));
	else
		view_add_block(v, V_NOTE, 0, w->linear ? _("Do the letters and "
		    "signs below look right? If you see boxes, question marks "
		    "or odd signs instead, type a. optout then uses plain "
		    "letters only.") : _("Do the letters and signs below look "
		    "right? If you see boxes, question marks or odd signs "
		    "instead, press a. optout then uses plain letters only."));
	view_add_block(v, V_HEADING, 0, _("Letters"));
	view_add_block(v, V_TEXT, 0, "ä ö ü ß Ä Ö Ü  „Deutsch“  “English”");
	view_add_block(v, V_HEADING, 0, _("Arrows and marks"));
	s = xasprintf("→ ↑ ↓  %s", _("arrows"));
	view_add_block(v, V_BULLET, 0, s);
	free(s);
	view_add_block(v, V_BULLET, 0, _("[x] ticked, [ ] not ticked"));
	view_add_block(v, V_BULLET, 0, _("a point of a list starts with the "
	    "mark in front of this line"));
	if (w->linear)
		view_add_block(v, V_TEXT, 0, _("The linear mode draws no lines "
		    "and no colours."));
	else {
		view_add_block(v, V_HEADING, 0, _("Lines"));
		view_add_block(v, V_SWATCH, SW_PLAIN, "┌────────┐");
		view_add_block(v, V_SWATCH, SW_PLAIN, "│ optout │");
		view_add_block(v, V_SWATCH, SW_PLAIN, "└────────┘");
		selfcheck_colours(w, v);
	}
	page_keys(v);
	if (w->utf8)
		view_add_key(v, VK_GLYPHS, w->ascii ? _("all signs") :
		    _("plain letters"));
}
