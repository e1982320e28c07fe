/* wizard.c: the flow from welcome to summary, and each screen's view. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <ctype.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/letter.h"
#include "core/help.h"
#include "core/resume.h"
#include "core/text.h"
#include "core/wizard.h"
#include "core/words.h"
#include "core/xmalloc.h"

#define MAX_CHOICES 8

static void
set_message(struct wizard *w, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
set_message(struct wizard *w, bool error, const char *fmt, ...)
{
	va_list ap;

	free(w->message);
	va_start(ap, fmt);
	w->message = xvasprintf(fmt, ap);
	va_end(ap);
	w->message_error = error;
}

static void
clear_message(struct wizard *w)
{
	free(w->message);
	w->message = NULL;
	w->message_error = false;
}

void
wizard_init(struct wizard *w, const struct catalog *cat, struct progress *prog,
    enum lang lang, bool utf8, bool persistent)
{
	memset(w, 0, sizeof *w);
	w->cat = cat;
	w->prog = prog;
	w->lang = lang;
	w->utf8 = utf8;
	w->persistent = persistent;
	w->receipt_file = persistent;
	w->screen = SCR_WELCOME;
	w->focus = (size_t)lang;
	w->default_lang = lang;
	w->idle_left = -1;
}

void
wizard_reset(struct wizard *w)
{
	const struct catalog *cat = w->cat;
	struct progress *prog = w->prog;
	enum wz_mode mode = w->mode;
	enum lang l = w->default_lang;
	enum labels labels = w->default_labels;
	bool utf8 = w->utf8, persistent = w->persistent;
	bool linear = w->default_linear;
	bool ascii = w->ascii, colour = w->colour, switch_ok = w->switch_ok;
	bool can_print = w->can_print, receipt_file = w->receipt_file;
	int stale = w->stale_days;
	const struct workshop *ws = w->workshop;
	unsigned seat = w->seat;

	progress_clear(prog);
	wizard_free(w);
	wizard_init(w, cat, prog, l, utf8, persistent);
	w->mode = mode;
	w->stale_days = stale;
	w->linear = w->default_linear = linear;
	w->switch_ok = switch_ok;
	w->colour = colour;
	/* the terminal's, not the visitor's: plain letters stay chosen */
	w->ascii = ascii;
	w->labels = w->default_labels = labels;
	w->can_print = can_print;
	w->receipt_file = receipt_file;
	w->seat = seat;
	if (ws != NULL)
		wizard_set_workshop(w, ws);
}

void
wizard_free(struct wizard *w)
{
	free(w->queue);
	free(w->message);
	free(w->notice);
	free(w->save_error);
	free(w->receipt_note);
	free(w->print_note);
	takehome_clear(&w->th);		/* names typed for letters */
	free(w->broadcast_text);
	free(w->code_note);
	memset(w, 0, sizeof *w);
}

static void
replace(char **dst, const char *src)
{
	free(*dst);
	*dst = src != NULL ? xstrdup(src) : NULL;
}

void
wizard_set_save_error(struct wizard *w, const char *err)
{
	replace(&w->save_error, err);
}

void
wizard_set_notice(struct wizard *w, const char *notice)
{
	replace(&w->notice, notice);
}

void
wizard_set_printed(struct wizard *w, const char *err)
{
	free(w->print_note);
	w->print_note = NULL;
	if (err == NULL) {
		set_message(w, false, "%s", _("The receipt went to the "
		    "printer."));
		return;
	}
	/* the whole reason on the screen; the status line is too short */
	w->print_note = xasprintf(_("Printing did not work: %s. Please tell "
	    "the staff."), err);
	set_message(w, true, "%s", _("Printing did not work."));
}

char *
wizard_receipt(const struct wizard *w, time_t now, enum receipt_format f)
{
	struct receipt_input in;
	char *s;

	receipt_input_init(&in, w->cat, w->prog, &w->th, now, w->lang);
	s = receipt_format(&in, f);
	receipt_input_free(&in);
	return s;
}

void
wizard_set_receipt_saved(struct wizard *w, const char *path, const char *err)
{
	free(w->receipt_note);
	if (err != NULL)
		w->receipt_note = xasprintf(_("The receipt could not be saved: "
		    "%s"), err);
	else
		w->receipt_note = xasprintf(_("Saved as a file: %s. Open it "
		    "with any text editor, or print it."), path);
}

void
wizard_set_workshop(struct wizard *w, const struct workshop *ws)
{
	const struct record *r;
	size_t i;

	w->workshop = ws;
	for (i = 0; i < ws->nplatforms; i++) {
		if (catalog_find(w->cat, ws->platforms[i]) < 0)
			continue;
		r = progress_find(w->prog, ws->platforms[i]);
		if (r == NULL || !r->selected)
			progress_select(w->prog, ws->platforms[i], true);
	}
}

void
wizard_show_broadcast(struct wizard *w, enum broadcast_kind kind,
    const char *text)
{
	w->broadcast = kind;
	replace(&w->broadcast_text, kind == BROADCAST_MESSAGE ? text : NULL);
	if (kind != BROADCAST_NONE)
		w->broadcasts++;
}

void
wizard_set_seat(struct wizard *w, unsigned seat)
{
	if (seat == w->seat)
		return;
	if (seat == 0)
		set_message(w, false, "%s", _("The trainer's console has "
		    "closed. You can go on by yourself."));
	else
		set_message(w, false, _("You have seat %u in this workshop. "
		    "The trainer sees where you are in optout, nothing that "
		    "you enter."), seat);
	w->seat = seat;
	if (seat == 0)
		w->hand = false;
}

/* A workshop whose platforms are set: no list to choose from. */
static bool
fixed(const struct wizard *w)
{
	return w->workshop != NULL && workshop_fixed(w->workshop);
}

bool
wizard_overlay(enum wz_screen s)
{
	return s == SCR_HELP || s == SCR_QUIT || s == SCR_KEYS ||
	    s == SCR_GLOSSARY || s == SCR_SELFCHECK;
}

const struct platform *
wizard_platform(const struct wizard *w)
{
	enum wz_screen s = wizard_overlay(w->screen) ? w->back_to : w->screen;

	if (w->qpos >= w->nqueue)
		return NULL;
	switch (s) {
	case SCR_INFO:
	case SCR_SURFACE:
	case SCR_STEPS:
	case SCR_RECORD:
		return &w->cat->v[w->queue[w->qpos]];
	default:
		return NULL;
	}
}

bool
wizard_utf8(const struct wizard *w)
{
	return w->utf8 && !w->ascii;
}

enum lang
wizard_label_lang(const struct wizard *w, const struct platform *p)
{
	const struct record *r = p != NULL ? progress_find(w->prog, p->id) :
	    NULL;

	if (r != NULL && r->labels != LABELS_UNSET)
		return labels_lang(r->labels, w->lang);
	return labels_lang(w->labels, w->lang);
}

/* Case-insensitive (for ASCII letters) substring match of the name. */
static bool
matches(const struct platform *p, const char *filter)
{
	size_t n = strlen(filter), i, j;

	if (n == 0)
		return true;
	for (i = 0; p->name[i] != '\0'; i++) {
		for (j = 0; j < n && p->name[i + j] != '\0'; j++) {
			if (tolower((unsigned char)p->name[i + j]) !=
			    tolower((unsigned char)filter[j]))
				break;
		}
		if (j == n)
			return true;
	}
	return false;
}

/* The catalog indices of the platforms the list shows; idx may be NULL. */
static size_t
visible(const struct wizard *w, size_t *idx)
{
	size_t i, n = 0;

	for (i = 0; i < w->cat->n; i++) {
		if (matches(&w->cat->v[i], w->filter)) {
			if (idx != NULL)
				idx[n] = i;
			n++;
		}
	}
	return n;
}

/* The catalog index of the n-th visible platform, or -1. */
static long
visible_at(const struct wizard *w, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < w->cat->n; i++) {
		if (matches(&w->cat->v[i], w->filter) && k++ == n)
			return (long)i;
	}
	return -1;
}

/* A steps screen: a surface's steps, or the e-mail to send. */
static bool
has_steps(const struct platform *p)
{
	return p->nsurfaces > 0 || (p->mechanism == MECH_EMAIL &&
	    p->email != NULL);
}

/* The statuses offered on the record screen, in order. */
static size_t
record_choices(const struct platform *p, enum status *out)
{
	size_t n = 0;

	switch (p->mechanism) {
	case MECH_FORM:
	case MECH_EMAIL:
		out[n++] = ST_FORM_SENT;
		out[n++] = ST_CONFIRMED;
		break;
	case MECH_NONE:
	case MECH_NOT_NEEDED:
		out[n++] = ST_NOTED;
		break;
	default:
		out[n++] = ST_DONE;
		break;
	}
	out[n++] = ST_NO_ACCOUNT;
	if (p->mechanism != MECH_NOT_NEEDED) {
		out[n++] = ST_LATER;
		out[n++] = ST_HELP;
	}
	if (p->mechanism != MECH_NONE && p->mechanism != MECH_NOT_NEEDED)
		out[n++] = ST_PROBLEM;
	return n;
}

/* What the take-home screen offers, in order. */
enum th_choice {
	TH_RECEIPT,
	TH_PRINT,
	TH_LETTER,
	TH_ORG,
	TH_END,
	TH_COUNT
};

static size_t
takehome_choices(const struct wizard *w, enum th_choice *out)
{
	size_t n = 0;

	out[n++] = TH_RECEIPT;
	if (w->can_print)
		out[n++] = TH_PRINT;
	out[n++] = TH_LETTER;
	if (w->prog->account == ACCOUNT_ORG)
		out[n++] = TH_ORG;
	out[n++] = TH_END;
	return n;
}

static size_t
takehome_focus(const struct wizard *w, enum th_choice c)
{
	enum th_choice ch[TH_COUNT];
	size_t i, n = takehome_choices(w, ch);

	for (i = 0; i < n; i++) {
		if (ch[i] == c)
			return i;
	}
	return 0;
}

static bool
ticked(const struct wizard *w, const struct platform *p)
{
	const struct record *r = progress_find(w->prog, p->id);

	return r != NULL && (r->selected || r->status != ST_OPEN);
}

/* The letter list: the person's platforms first, then all others; idx
 * gets catalog indices (w->cat->n of them). */
static void
letter_order(const struct wizard *w, size_t *idx)
{
	size_t i, n = 0;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < w->cat->n; i++) {
			if (ticked(w, &w->cat->v[i]) == (pass == 0))
				idx[n++] = i;
		}
	}
}

static size_t
letter_focus(const struct wizard *w, size_t platform)
{
	size_t *idx = xreallocarray(NULL, w->cat->n + 1, sizeof *idx);
	size_t i, f = 0;

	letter_order(w, idx);
	for (i = 0; i < w->cat->n; i++) {
		if (idx[i] == platform)
			f = i;
	}
	free(idx);
	return f;
}

/* The two fields of the details screen. */
static char *
details_field(struct wizard *w, size_t i)
{
	if (w->form == WZ_FORM_ORG)
		return i == 0 ? w->th.org_name : w->th.org_account;
	return i == 0 ? w->th.name : w->th.email;
}

static const char *
details_value(const struct wizard *w, size_t i)
{
	if (w->form == WZ_FORM_ORG)
		return i == 0 ? w->th.org_name : w->th.org_account;
	return i == 0 ? w->th.name : w->th.email;
}

static const char *
details_label(const struct wizard *w, size_t i)
{
	if (w->form == WZ_FORM_ORG)
		return i == 0 ? _("Name of the organisation") :
		    _("Its account (for example the page's name)");
	return i == 0 ? _("Your name") : _("Your e-mail address");
}

#define DETAILS_FIELDS	2

static size_t
nitems(const struct wizard *w)
{
	enum th_choice th[TH_COUNT];
	enum status st[MAX_CHOICES];
	const struct platform *p;

	switch (w->screen) {
	case SCR_WELCOME:
		return LANG_COUNT;
	case SCR_WHO:
		return 2;
	case SCR_PLATFORMS:
		return visible(w, NULL);
	case SCR_SURFACE:
		return wizard_platform(w)->nsurfaces;
	case SCR_RECORD:
		p = wizard_platform(w);
		return record_choices(p, st);
	case SCR_QUIT:
		return w->mode == WZ_KIOSK ? 3 : 2;
	case SCR_TAKEHOME:
		return takehome_choices(w, th);
	case SCR_LETTERS:
		return w->cat->n;
	case SCR_DETAILS:
		return DETAILS_FIELDS + 1;
	case SCR_HELP:
		return HELP_COUNT;
	default:
		return 0;
	}
}

static void
go(struct wizard *w, enum wz_screen s, size_t focus)
{
	w->screen = s;
	w->focus = focus;
}

static void
enter_platform(struct wizard *w)
{
	go(w, SCR_INFO, 0);
}

/* Platforms are walked in list order; finished ones only on request. */
static void
start_queue(struct wizard *w, long only, int32_t today)
{
	const struct record *r;
	size_t i;

	free(w->queue);
	w->queue = xreallocarray(NULL, w->cat->n, sizeof *w->queue);
	w->nqueue = 0;
	w->qpos = 0;
	if (only >= 0) {
		w->queue[w->nqueue++] = (size_t)only;
		return;
	}
	/* a workshop's platforms first, in the trainer's order */
	for (i = 0; w->workshop != NULL && i < w->workshop->nplatforms; i++) {
		long c = catalog_find(w->cat, w->workshop->platforms[i]);

		r = c >= 0 ? progress_find(w->prog, w->cat->v[c].id) : NULL;
		if (r != NULL && r->selected && (!status_is_final(r->status) ||
		    progress_recheck_due(&w->cat->v[c], r, today)))
			w->queue[w->nqueue++] = (size_t)c;
	}
	if (fixed(w))
		return;
	for (i = 0; i < w->cat->n; i++) {
		r = progress_find(w->prog, w->cat->v[i].id);
		if (r != NULL && r->selected && (!status_is_final(r->status) ||
		    progress_recheck_due(&w->cat->v[i], r, today)) &&
		    (w->workshop == NULL ||
		    !workshop_has_platform(w->workshop, w->cat->v[i].id)))
			w->queue[w->nqueue++] = i;
	}
}

static size_t
count_selected(const struct wizard *w)
{
	const struct record *r;
	size_t i, n = 0;

	for (i = 0; i < w->cat->n; i++) {
		r = progress_find(w->prog, w->cat->v[i].id);
		if (r != NULL && r->selected)
			n++;
	}
	return n;
}

static size_t
surface_focus(const struct wizard *w, const struct platform *p)
{
	const struct record *r = progress_find(w->prog, p->id);
	size_t i;

	if (r != NULL && r->has_surface) {
		for (i = 0; i < p->nsurfaces; i++) {
			if (p->surfaces[i].kind == r->surface)
				return i;
		}
	}
	return 0;
}

static size_t
status_focus(const struct platform *p, const struct record *r)
{
	enum status st[MAX_CHOICES];
	size_t i, n = record_choices(p, st);

	if (r == NULL)
		return 0;
	if (r->status == ST_FORM_SENT)
		return 1;	/* next time, the confirmation is the news */
	for (i = 0; i < n; i++) {
		if (st[i] == r->status)
			return i;
	}
	return 0;
}

static int help_choose(struct wizard *);

static int
takehome_next(struct wizard *w)
{
	enum th_choice ch[TH_COUNT];

	takehome_choices(w, ch);
	free(w->print_note);
	w->print_note = NULL;
	switch (ch[w->focus]) {
	case TH_RECEIPT:
		free(w->receipt_note);
		w->receipt_note = NULL;
		go(w, SCR_RECEIPT, 0);
		/* a person's own computer keeps it as a file; a kiosk or a
		 * shared host only shows it */
		return WZ_R_SCREEN | (w->receipt_file ? WZ_R_RECEIPT : 0);
	case TH_PRINT:
		return WZ_R_PRINT;
	case TH_LETTER:
		go(w, SCR_LETTERS, 0);
		return WZ_R_SCREEN;
	case TH_ORG:
		w->form = WZ_FORM_ORG;
		go(w, SCR_DETAILS, 0);
		return WZ_R_SCREEN;
	case TH_END:
	default:
		return w->mode == WZ_KIOSK ? WZ_R_WIPE : WZ_R_EXIT;
	}
}

static int
details_next(struct wizard *w)
{
	if (w->focus < DETAILS_FIELDS) {	/* type into this field */
		w->editing = true;
		w->edit[0] = '\0';
		return 0;
	}
	if (w->form == WZ_FORM_ORG) {
		go(w, SCR_TAKEHOME, takehome_focus(w, TH_ORG));
		if (w->th.org_name[0] != '\0' || w->th.org_account[0] != '\0')
			set_message(w, false, "%s", _("The receipt names your "
			    "organisation now."));
		return WZ_R_SCREEN;
	}
	takehome_add_letter(&w->th, w->letter);
	go(w, SCR_LETTER, 0);
	return WZ_R_SCREEN;
}

/* Ends typing into a field: keeps the text (trimmed), or the old one. */
static void
details_done(struct wizard *w, bool keep)
{
	char *field = details_field(w, w->focus), *s = w->edit, *e;

	w->editing = false;
	if (keep && w->focus < DETAILS_FIELDS) {
		s += strspn(s, " ");
		e = s + strlen(s);
		while (e > s && e[-1] == ' ')
			e--;
		*e = '\0';
		memmove(field, s, strlen(s) + 1);
	}
	memset(w->edit, 0, sizeof w->edit);
}

static int
next(struct wizard *w, time_t now)
{
	const struct platform *p = wizard_platform(w);
	enum status st[MAX_CHOICES];
	struct record *r;
	size_t *idx;

	switch (w->screen) {
	case SCR_WELCOME:
		w->lang = (enum lang)w->focus;
		progress_set_lang(w->prog, w->lang);
		go(w, SCR_WHO, w->prog->account == ACCOUNT_ORG ? 1 : 0);
		return WZ_R_SCREEN | WZ_R_LANG | WZ_R_PROGRESS;
	case SCR_WHO:
		progress_set_account(w->prog, w->focus == 1 ? ACCOUNT_ORG :
		    ACCOUNT_PRIVATE);
		if (fixed(w)) {		/* the trainer chose the platforms */
			start_queue(w, -1, date_today(now));
			if (w->nqueue == 0)
				go(w, SCR_SUMMARY, 0);
			else
				enter_platform(w);
		} else
			go(w, SCR_PLATFORMS, w->list_focus);
		return WZ_R_SCREEN | WZ_R_PROGRESS;
	case SCR_PLATFORMS:
		w->list_focus = w->focus;
		if (count_selected(w) == 0) {
			set_message(w, true, "%s", _("Please tick at least one "
			    "platform with the Space bar first."));
			return 0;
		}
		start_queue(w, -1, date_today(now));
		if (w->nqueue == 0)
			go(w, SCR_SUMMARY, 0);
		else
			enter_platform(w);
		return WZ_R_SCREEN;
	case SCR_INFO:
		w->surface = 0;
		if (p->nsurfaces > 1)
			go(w, SCR_SURFACE, surface_focus(w, p));
		else if (has_steps(p))
			go(w, SCR_STEPS, 0);
		else
			go(w, SCR_RECORD, status_focus(p,
			    progress_find(w->prog, p->id)));
		return WZ_R_SCREEN;
	case SCR_SURFACE:
		w->surface = w->focus;
		go(w, SCR_STEPS, 0);
		return WZ_R_SCREEN;
	case SCR_STEPS:
		go(w, SCR_RECORD, status_focus(p,
		    progress_find(w->prog, p->id)));
		return WZ_R_SCREEN;
	case SCR_RECORD:
		record_choices(p, st);
		progress_record(w->prog, p->id, st[w->focus],
		    p->nsurfaces > 0 ? &p->surfaces[w->surface].kind : NULL,
		    now);
		r = progress_find(w->prog, p->id);
		set_message(w, false, _("Recorded: %s, %s."), p->name,
		    words_platform_status(p, r->status));
		w->qpos++;
		if (w->qpos < w->nqueue)
			enter_platform(w);
		else
			go(w, SCR_SUMMARY, 0);
		return WZ_R_SCREEN | WZ_R_PROGRESS;
	case SCR_SUMMARY:
		go(w, SCR_TAKEHOME, 0);
		return WZ_R_SCREEN;
	case SCR_TAKEHOME:
		return takehome_next(w);
	case SCR_RECEIPT:
		go(w, SCR_TAKEHOME, takehome_focus(w, TH_RECEIPT));
		return WZ_R_SCREEN;
	case SCR_LETTERS:
		idx = xreallocarray(NULL, w->cat->n + 1, sizeof *idx);
		letter_order(w, idx);
		w->letter = idx[w->focus];
		free(idx);
		w->form = WZ_FORM_PERSON;
		go(w, SCR_DETAILS, w->th.name[0] != '\0' ? DETAILS_FIELDS : 0);
		return WZ_R_SCREEN;
	case SCR_DETAILS:
		return details_next(w);
	case SCR_LETTER:
		go(w, SCR_TAKEHOME, takehome_focus(w, TH_LETTER));
		set_message(w, false, "%s", _("The letter is part of your "
		    "receipt now."));
		return WZ_R_SCREEN;
	case SCR_HELP:
		return help_choose(w);
	case SCR_KEYS:
	case SCR_GLOSSARY:
	case SCR_SELFCHECK:
		go(w, SCR_HELP, w->help_focus);
		return WZ_R_SCREEN;
	case SCR_QUIT:
		if (w->mode == WZ_KIOSK) {
			if (w->focus == 0) {	/* the summary first */
				go(w, SCR_SUMMARY, 0);
				return WZ_R_SCREEN;
			}
			if (w->focus == 1)
				return WZ_R_WIPE;
		} else if (w->focus == 0)
			return WZ_R_EXIT;
		go(w, w->back_to, w->back_focus);
		return WZ_R_SCREEN;
	default:
		return 0;
	}
}

/* Back to what was recorded for the platform at qpos. */
static void
back_to_record(struct wizard *w, size_t qpos)
{
	const struct platform *p = &w->cat->v[w->queue[qpos]];

	w->qpos = qpos;
	w->surface = surface_focus(w, p);
	go(w, SCR_RECORD, status_focus(p, progress_find(w->prog, p->id)));
}

/* Back to the start of the walk: the list, or "who" when there is none. */
static void
back_to_start(struct wizard *w)
{
	if (fixed(w))
		go(w, SCR_WHO, w->prog->account == ACCOUNT_ORG ? 1 : 0);
	else
		go(w, SCR_PLATFORMS, w->list_focus);
}

static int
back(struct wizard *w)
{
	const struct platform *p = wizard_platform(w);

	switch (w->screen) {
	case SCR_WELCOME:
		return 0;
	case SCR_WHO:
		go(w, SCR_WELCOME, (size_t)w->lang);
		return WZ_R_SCREEN;
	case SCR_PLATFORMS:
		if (w->filter[0] != '\0') {	/* Esc first shows all again */
			w->filter[0] = '\0';
			w->focus = 0;
			return 0;
		}
		w->list_focus = w->focus;
		go(w, SCR_WHO, w->prog->account == ACCOUNT_ORG ? 1 : 0);
		return WZ_R_SCREEN;
	case SCR_INFO:
		if (w->qpos > 0)
			back_to_record(w, w->qpos - 1);
		else
			back_to_start(w);
		return WZ_R_SCREEN;
	case SCR_SURFACE:
		go(w, SCR_INFO, 0);
		return WZ_R_SCREEN;
	case SCR_STEPS:
		if (p->nsurfaces > 1)
			go(w, SCR_SURFACE, w->surface);
		else
			go(w, SCR_INFO, 0);
		return WZ_R_SCREEN;
	case SCR_RECORD:
		if (has_steps(p))
			go(w, SCR_STEPS, 0);
		else
			go(w, SCR_INFO, 0);
		return WZ_R_SCREEN;
	case SCR_SUMMARY:
		if (fixed(w) && w->nqueue > 0)	/* the last platform */
			back_to_record(w, w->nqueue - 1);
		else
			back_to_start(w);
		return WZ_R_SCREEN;
	case SCR_TAKEHOME:
		go(w, SCR_SUMMARY, 0);
		return WZ_R_SCREEN;
	case SCR_RECEIPT:
		go(w, SCR_TAKEHOME, takehome_focus(w, TH_RECEIPT));
		return WZ_R_SCREEN;
	case SCR_LETTERS:
		go(w, SCR_TAKEHOME, takehome_focus(w, TH_LETTER));
		return WZ_R_SCREEN;
	case SCR_DETAILS:
		if (w->form == WZ_FORM_ORG)
			go(w, SCR_TAKEHOME, takehome_focus(w, TH_ORG));
		else
			go(w, SCR_LETTERS, letter_focus(w, w->letter));
		return WZ_R_SCREEN;
	case SCR_LETTER:
		go(w, SCR_LETTERS, letter_focus(w, w->letter));
		return WZ_R_SCREEN;
	case SCR_HELP:
	case SCR_QUIT:
		go(w, w->back_to, w->back_focus);
		return WZ_R_SCREEN;
	case SCR_KEYS:
	case SCR_GLOSSARY:
	case SCR_SELFCHECK:
		go(w, SCR_HELP, w->help_focus);
		return WZ_R_SCREEN;
	default:
		return 0;
	}
}

/* Help's choices: back, or one of its pages, or the language of the
 * platforms' words (which stays on help). */
static int
help_choose(struct wizard *w)
{
	static const enum wz_screen pages[HELP_COUNT] = {
		[HELP_KEYS] = SCR_KEYS,
		[HELP_GLOSSARY] = SCR_GLOSSARY,
		[HELP_SELFCHECK] = SCR_SELFCHECK
	};

	switch (w->focus) {
	case HELP_BACK:
		go(w, w->back_to, w->back_focus);
		return WZ_R_SCREEN;
	case HELP_LABELS:
		w->labels = help_next_labels(w->labels);
		progress_set_labels(w->prog, w->labels);
		return WZ_R_PROGRESS;
	default:
		w->help_focus = w->focus;
		go(w, pages[w->focus], 0);
		return WZ_R_SCREEN;
	}
}

static int
tick(struct wizard *w, size_t i)
{
	const char *id;
	struct record *r;
	long c = visible_at(w, i);

	if (w->screen != SCR_PLATFORMS || c < 0)
		return 0;
	id = w->cat->v[c].id;
	r = progress_find(w->prog, id);
	progress_select(w->prog, id, r == NULL || !r->selected);
	w->focus = i;
	clear_message(w);
	return WZ_R_PROGRESS;
}

static int
overlay(struct wizard *w, enum wz_screen s)
{
	if (wizard_overlay(w->screen)) {
		if (w->screen == s && s == SCR_QUIT)	/* q, q */
			return w->mode == WZ_KIOSK ? WZ_R_WIPE : WZ_R_EXIT;
		if (w->screen == s)
			return back(w);
		/* from help's pages, ? leads to help itself */
		w->focus = s == SCR_HELP && w->screen != SCR_QUIT ?
		    w->help_focus : 0;
		w->screen = s;
		return WZ_R_SCREEN;
	}
	w->back_to = w->screen;
	w->back_focus = w->focus;
	go(w, s, 0);
	return WZ_R_SCREEN;
}

static int
filter_add(struct wizard *w, uint32_t cp)
{
	if (!w->filtering)
		return 0;
	utf8_append(w->filter, sizeof w->filter, cp);
	w->focus = 0;
	return 0;
}

static int
filter_erase(struct wizard *w)
{
	if (!w->filtering)
		return 0;
	utf8_erase_last(w->filter);
	w->focus = 0;
	return 0;
}

/* Keys while a field of the details screen is typed into. Returns true
 * if the event was used up. */
static bool
editing_key(struct wizard *w, struct wz_event ev)
{
	switch (ev.kind) {
	case WZ_NEXT:			/* Enter keeps it, on to the next */
		details_done(w, true);
		if (w->focus < DETAILS_FIELDS)
			w->focus++;
		return true;
	case WZ_BACK:			/* Esc keeps the old text */
		details_done(w, false);
		return true;
	case WZ_CHAR:
		utf8_append(w->edit, sizeof w->edit, (uint32_t)ev.n);
		return true;
	case WZ_ERASE:
		utf8_erase_last(w->edit);
		return true;
	case WZ_UP:
	case WZ_DOWN:
		details_done(w, true);
		return false;		/* and move */
	default:
		details_done(w, false);
		return false;
	}
}

static int
hand(struct wizard *w)
{
	if (w->workshop == NULL)
		return 0;
	w->hand = !w->hand;
	if (w->hand && w->seat > 0)
		set_message(w, false, _("Your hand is up: the trainer sees "
		    "that seat %u needs help. Press h again to lower it."),
		    w->seat);
	else if (w->hand)
		set_message(w, false, "%s", _("Your hand is up. The trainer's "
		    "console is not open, so nobody sees it yet."));
	else
		set_message(w, false, "%s", _("Your hand is down."));
	return 0;
}

/* ---- resume codes ---- */

static const char *
code_error_text(enum resume_error e)
{
	switch (e) {
	case RESUME_EMPTY:
		return _("Please type the code.");
	case RESUME_TOO_SHORT:
		return _("This code is mistyped: it is too short. Please "
		    "compare it with your note.");
	case RESUME_TOO_LONG:
		return _("This code is mistyped: it is too long. Please "
		    "compare it with your note.");
	case RESUME_NEWER:
		return _("This code was made by a newer version of optout. "
		    "Please update optout, then type the code again.");
	case RESUME_MISTYPED:
	default:
		return _("This code is mistyped: a character is wrong, "
		    "missing, extra, or two are swapped. Please compare it "
		    "with your note, character by character. Nothing was "
		    "changed.");
	}
}

/* "LinkedIn (done), Facebook (form sent, ...)" */
static char *
platforms_with_status(const struct catalog *cat, const struct progress *prog,
    const size_t *idx, size_t n)
{
	const struct platform *p;
	const struct record *r;
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		p = &cat->v[idx[i]];
		r = progress_find(prog, p->id);
		buf_addf(&b, "%s%s: %s", i > 0 ? "; " : "", p->name,
		    words_platform_status(p, r != NULL ? r->status : ST_OPEN));
	}
	return buf_take(&b);
}

enum wz_restore
wizard_restore_code(const struct catalog *cat, struct progress *prog,
    const char *code, char **said)
{
	struct resume_report rep;
	struct resume_data d;
	enum resume_error e;
	struct buf b = { 0 };
	char bad, *list;

	if ((e = resume_parse(code, &d, &bad)) == RESUME_BAD_CHAR) {
		*said = xasprintf(_("This code is mistyped: \"%c\" is never "
		    "part of a code. Codes have only letters and digits. "
		    "Nothing was changed."), bad);
		return WZ_RESTORE_MISTYPED;
	}
	if (e != RESUME_OK) {
		*said = xstrdup(code_error_text(e));
		return e == RESUME_NEWER ? WZ_RESTORE_FAILED :
		    WZ_RESTORE_MISTYPED;
	}
	resume_restore(cat, prog, &d, &rep);
	if (rep.mismatch)
		*said = xstrdup(_("This code was made with a different list of "
		    "platforms, so its platforms cannot be matched here. "
		    "Nothing was changed."));
	else if (rep.nrestored + rep.nkept == 0)
		*said = xasprintf(ngettext("The platform in this code is not "
		    "in this version of optout's list, so nothing was "
		    "restored. A newer optout may know it.", "The %zu "
		    "platforms in this code are not in this version of "
		    "optout's list, so nothing was restored. A newer optout "
		    "may know them.", rep.unknown), rep.unknown);
	else {
		if (rep.nrestored > 0) {
			list = platforms_with_status(cat, prog, rep.restored,
			    rep.nrestored);
			buf_addf(&b, _("Restored from your code: %s."), list);
			free(list);
		}
		if (rep.nkept > 0) {
			list = platforms_with_status(cat, prog, rep.kept,
			    rep.nkept);
			if (b.data != NULL)
				buf_adds(&b, " ");
			buf_addf(&b, _("Already finished here, so kept as they "
			    "are: %s."), list);
			free(list);
		}
		if (rep.unknown > 0) {
			if (b.data != NULL)
				buf_adds(&b, " ");
			buf_addf(&b, ngettext("%zu platform in the code is not "
			    "in this version of optout's list and was not "
			    "restored.", "%zu platforms in the code are not in "
			    "this version of optout's list and were not "
			    "restored.", rep.unknown), rep.unknown);
		}
	}
	resume_data_free(&d);
	if (rep.mismatch || rep.nrestored + rep.nkept == 0) {
		resume_report_free(&rep);
		return WZ_RESTORE_FAILED;
	}
	resume_report_free(&rep);
	*said = buf_take(&b);
	return WZ_RESTORED;
}

static void
set_code_note(struct wizard *w, char *text, bool error)
{
	free(w->code_note);
	w->code_note = text;
	w->code_error = error;
}

/* Keys while a code is typed on the welcome screen. */
static int
code_key(struct wizard *w, struct wz_event ev)
{
	size_t len = strlen(w->code);
	char *said;

	switch (ev.kind) {
	case WZ_CHAR:
		if (ev.n < 0x20 || ev.n >= 0x7f) {
			set_code_note(w, xstrdup(_("Codes have only letters and "
			    "digits.")), true);
			return 0;
		}
		if (len + 1 < sizeof w->code) {
			w->code[len] = (char)ev.n;
			w->code[len + 1] = '\0';
		}
		return 0;
	case WZ_ERASE:
		if (len > 0)
			w->code[len - 1] = '\0';
		return 0;
	case WZ_BACK:
		w->entering_code = false;
		w->code[0] = '\0';
		if (w->code_error)
			set_code_note(w, NULL, false);
		return 0;
	case WZ_NEXT:
		if (len == 0) {		/* Enter alone: never mind */
			w->entering_code = false;
			return 0;
		}
		switch (wizard_restore_code(w->cat, w->prog, w->code, &said)) {
		case WZ_RESTORED:
			set_code_note(w, said, false);
			set_message(w, false, "%s", _("Code accepted."));
			w->entering_code = false;
			w->code[0] = '\0';
			return WZ_R_PROGRESS;
		case WZ_RESTORE_MISTYPED:
			/* the text stays, to be corrected */
			set_code_note(w, said, true);
			return 0;
		case WZ_RESTORE_FAILED:
		default:
			set_code_note(w, said, true);
			w->entering_code = false;
			w->code[0] = '\0';
			return 0;
		}
	default:
		return 0;	/* arrows and the like wait */
	}
}

/* The wizard's language, at any moment; the place stays. */
static int
switch_lang(struct wizard *w, int l)
{
	if (l < 0 || l >= LANG_COUNT || (enum lang)l == w->lang)
		return 0;
	w->lang = (enum lang)l;
	progress_set_lang(w->prog, w->lang);
	if (w->screen == SCR_WELCOME)
		w->focus = (size_t)l;
	return WZ_R_LANG | WZ_R_PROGRESS;
}

/* On the steps: this platform's own words in the other language. */
static int
switch_labels(struct wizard *w)
{
	const struct platform *p = wizard_platform(w);
	enum lang now;

	if (w->screen != SCR_STEPS || p == NULL || p->nsurfaces == 0)
		return 0;
	now = wizard_label_lang(w, p) == LANG_DE ? LANG_EN : LANG_DE;
	progress_set_platform_labels(w->prog, p->id, labels_of_lang(now));
	set_message(w, false, now == LANG_DE ? _("The steps now show %s in "
	    "German.") : _("The steps now show %s in English."), p->name);
	return WZ_R_PROGRESS;
}

int
wizard_handle(struct wizard *w, struct wz_event ev, time_t now)
{
	size_t n = nitems(w);

	if (w->broadcast != BROADCAST_NONE) {	/* any key: it was read */
		wizard_show_broadcast(w, BROADCAST_NONE, NULL);
		return 0;
	}
	if (ev.kind == WZ_HAND)
		return hand(w);

	if (ev.kind != WZ_TICK)
		clear_message(w);
	if (w->editing && w->screen == SCR_DETAILS && editing_key(w, ev))
		return 0;
	if (w->entering_code && w->screen == SCR_WELCOME)
		return code_key(w, ev);
	if (w->filtering && w->screen == SCR_PLATFORMS) {
		if (ev.kind == WZ_NEXT) {	/* Enter ends typing */
			w->filtering = false;
			return 0;
		}
		if (ev.kind == WZ_BACK) {	/* Esc clears the filter */
			w->filtering = false;
			w->filter[0] = '\0';
			w->focus = 0;
			return 0;
		}
	}
	switch (ev.kind) {
	case WZ_UP:
		if (w->focus > 0)
			w->focus--;
		return 0;
	case WZ_DOWN:
		if (w->focus + 1 < n)
			w->focus++;
		return 0;
	case WZ_HOME:
		w->focus = 0;
		return 0;
	case WZ_END:
		w->focus = n > 0 ? n - 1 : 0;
		return 0;
	case WZ_NEXT:
		return next(w, now);
	case WZ_BACK:
		return back(w);
	case WZ_TICK:
		return tick(w, w->focus);
	case WZ_PICK:
		if (ev.n < 1 || (size_t)ev.n > n)
			return 0;
		if (w->screen == SCR_PLATFORMS)
			return tick(w, (size_t)ev.n - 1);
		w->focus = (size_t)ev.n - 1;
		return next(w, now);
	case WZ_OPEN:
		if (w->screen != SCR_PLATFORMS || n == 0)
			return 0;
		w->list_focus = w->focus;
		w->filtering = false;
		start_queue(w, visible_at(w, w->focus), date_today(now));
		enter_platform(w);
		return WZ_R_SCREEN;
	case WZ_FILTER:
		if (w->screen != SCR_PLATFORMS)
			return 0;
		w->filtering = true;
		return 0;
	case WZ_CHAR:
		return filter_add(w, (uint32_t)ev.n);
	case WZ_ERASE:
		return filter_erase(w);
	case WZ_CODE:
		if (w->screen != SCR_WELCOME)
			return 0;
		w->entering_code = true;
		w->code[0] = '\0';
		return 0;
	case WZ_HELP:
		return overlay(w, SCR_HELP);
	case WZ_QUIT:
		return overlay(w, SCR_QUIT);
	case WZ_HAND:
		break;		/* handled above */
	case WZ_LINEAR:
		if (!w->switch_ok)
			return 0;
		w->linear = !w->linear;
		w->filtering = false;
		return WZ_R_FRONTEND;
	case WZ_LANG:
		return switch_lang(w, ev.n);
	case WZ_LABELS:
		return switch_labels(w);
	case WZ_GLYPHS:
		if (w->screen != SCR_SELFCHECK || !w->utf8)
			return 0;
		w->ascii = !w->ascii;
		progress_set_ascii(w->prog, w->ascii);
		set_message(w, false, "%s", w->ascii ? _("Now with plain "
		    "letters only.") : _("Now with all letters and signs."));
		return WZ_R_PROGRESS;
	}
	return 0;
}

/* ---- views ---- */

static void
platform_context(const struct wizard *w, struct view *v,
    const struct platform *p)
{
	(void)p;	/* the title names it */
	if (w->nqueue > 1)
		v->context = xasprintf(_("Platform %zu of %zu"), w->qpos + 1,
		    w->nqueue);
}

static void
add_texts(struct view *v, enum vkind kind, const struct ltext *t, size_t n,
    enum lang l)
{
	const char *s;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((s = ltext_get_any(&t[i], l, NULL)) != NULL)
			view_add_block(v, kind, 0, s);
	}
}

static void
add_ltext(struct view *v, enum vkind kind, const struct ltext *t, enum lang l)
{
	add_texts(v, kind, t, 1, l);
}

static void
add_verified(const struct wizard *w, struct view *v, const struct platform *p,
    time_t now)
{
	char *d = date_format_short(p->verified, w->lang);
	bool steps = has_steps(p);

	if (platform_stale(p, date_today(now), w->stale_days) && steps)
		view_add_blockf(v, V_NOTE, ngettext("Possibly outdated: this "
		    "was last checked on %s, more than %d day ago. The "
		    "platform may have changed its menus since.",
		    "Possibly outdated: this was last checked on %s, more "
		    "than %d days ago. The platform may have changed its "
		    "menus since.", (unsigned long)w->stale_days), d,
		    w->stale_days);
	else if (platform_stale(p, date_today(now), w->stale_days))
		view_add_blockf(v, V_NOTE, ngettext("Possibly outdated: this "
		    "was last checked on %s, more than %d day ago. The "
		    "platform may have changed it since.",
		    "Possibly outdated: this was last checked on %s, more "
		    "than %d days ago. The platform may have changed it "
		    "since.", (unsigned long)w->stale_days), d,
		    w->stale_days);
	if (steps)
		view_add_blockf(v, V_DIM, _("As of: %s (when these steps "
		    "were last checked against the sources)"), d);
	else
		view_add_blockf(v, V_DIM, _("As of: %s (when this was last "
		    "checked against the sources)"), d);
	free(d);
}

/* What kind of objection this is, said before anything else. */
static void
add_mechanism_note(struct view *v, const struct platform *p)
{
	switch (p->mechanism) {
	case MECH_NONE:
		view_add_blockf(v, V_NOTE, _("%s has no switch and no form "
		    "for objecting to AI training. Below is what you can "
		    "still do."), p->name);
		break;
	case MECH_NOT_NEEDED:
		view_add_blockf(v, V_NOTE, _("You need to do nothing here: "
		    "%s says it does not use this data to train AI. The "
		    "sources are listed below."), p->name);
		break;
	case MECH_ADMIN:
		view_add_block(v, V_NOTE, 0, _("Only an administrator of your "
		    "organisation's account can change this setting. If that "
		    "is not you, show the next steps to your administrator."));
		break;
	case MECH_EMAIL:
		view_add_blockf(v, V_NOTE, _("%s has no switch for this. The "
		    "objection is sent by e-mail."), p->name);
		break;
	default:
		break;
	}
}

static void
add_contact(struct view *v, const struct contact *c)
{
	view_add_blockf(v, V_TEXT, _("Privacy contact: %s"), c->name);
	if (c->email != NULL)
		view_add_block(v, V_LINK, 0, c->email);
	if (c->url != NULL)
		view_add_block(v, V_LINK, 0, c->url);
}

/* Publishers and dates in one paragraph; the addresses are in the file. */
static void
add_sources(struct view *v, const struct platform *p)
{
	struct buf b = { 0 };
	const char *date;
	size_t i;

	for (i = 0; i < p->nsources; i++) {
		date = strcmp(p->sources[i].date, "undated") == 0 ?
		    _("undated") : p->sources[i].date;
		buf_addf(&b, "%s%s (%s)", i > 0 ? "; " : "",
		    p->sources[i].publisher, date);
	}
	view_add_block(v, V_DIM, 0, b.data != NULL ? b.data : "");
	buf_free(&b);
}

/* A QR code of text (already shown as text just before), with the key
 * that shows it on the whole screen. Not for the linear front end, whose
 * readers get the text. */
static void
add_qr(const struct wizard *w, struct view *v, enum vqr kind,
    const char *text)
{
	if (w->linear)
		return;
	view_add_block(v, V_QR, (int)kind, text);
	view_add_key(v, VK_QR, _("QR code"));
}

/* The resume code of this session, or NULL if nothing is noted yet. */
static char *
session_code(const struct wizard *w, size_t *left_out)
{
	return resume_code(w->cat, w->prog, left_out);
}

static void
view_welcome(const struct wizard *w, struct view *v)
{
	size_t i, done = 0, touched = 0;

	v->title = xstrdup(_("Object to AI training"));
	view_add_block(v, V_TEXT, 0, _("Many online services use what you "
	    "post to train artificial intelligence (AI). You have the right "
	    "to object: to tell them to stop. This program shows you step by "
	    "step where to do that on each platform. It keeps a note of what "
	    "you did."));
	if (w->mode == WZ_KIOSK)
		view_add_block(v, V_NOTE, 0, _("This is a public terminal. "
		    "Nothing you enter here is stored: when you end your visit "
		    "(key q), everything is cleared."));
	else if (w->mode == WZ_SHARED && !w->persistent)
		view_add_block(v, V_NOTE, 0, _("Nothing you enter here is "
		    "stored on this computer. When you quit, your notes are "
		    "gone."));
	if (w->notice != NULL)
		view_add_block(v, V_NOTE, 0, w->notice);
	for (i = 0; i < w->prog->n; i++) {
		if (w->prog->v[i].status != ST_OPEN)
			touched++;
		if (status_is_final(w->prog->v[i].status))
			done++;
	}
	if (done > 0)
		view_add_blockf(v, V_NOTE, ngettext("Welcome back. You have "
		    "finished %zu platform so far; your notes are kept.",
		    "Welcome back. You have finished %zu platforms so far; "
		    "your notes are kept.", done), done);
	else if (touched > 0 || w->prog->account != ACCOUNT_UNSET)
		view_add_block(v, V_NOTE, 0, _("Welcome back. Your notes are "
		    "kept."));
	if (w->code_note != NULL)
		view_add_block(v, V_NOTE, 0, w->code_note);
	if (!w->linear && w->switch_ok)
		view_add_block(v, V_DIM, 0, _("Using a screen reader? Press l "
		    "for the linear mode: one question at a time, as plain "
		    "lines."));
	view_add_block(v, V_HEADING, 0, "Sprache / Language");
	view_add_item(v, "Deutsch", NULL, -1, NULL);
	view_add_item(v, "English", NULL, -1, NULL);
	if (w->entering_code) {
		v->input_label = xstrdup(_("Your code:"));
		v->input = xstrdup(w->code);
		v->input_active = true;
		view_add_key(v, VK_ENTER, _("restore"));
		view_add_key(v, VK_BACK, _("cancel"));
		return;
	}
	view_add_key(v, VK_MOVE, _("choose"));
	view_add_key(v, VK_ENTER, _("continue"));
	view_add_key(v, VK_CODE, _("I have a code"));
}

static void
view_who(const struct wizard *w, struct view *v)
{
	(void)w;
	v->title = xstrdup(_("Who is objecting?"));
	view_add_block(v, V_TEXT, 0, _("Are you objecting for yourself, or "
	    "for an organisation such as a company, a club or a practice?"));
	view_add_item(v, _("For myself"), _("my own accounts"), -1, NULL);
	view_add_item(v, _("For an organisation"), _("accounts that show "
	    "staff, customers or patients"), -1, NULL);
	view_add_key(v, VK_MOVE, _("choose"));
	view_add_key(v, VK_ENTER, _("continue"));
	view_add_key(v, VK_BACK, _("back"));
}

/* The list's note on a platform: its status, then what is special. */
static char *
platform_detail(const struct wizard *w, const struct platform *p,
    const struct record *r, time_t now)
{
	struct buf b = { 0 };
	char *st = words_platform_status_detail(p, r, w->lang, false);

	buf_adds(&b, st);
	free(st);
	if (p->mechanism == MECH_NONE)
		buf_addf(&b, "; %s", _("nothing to switch"));
	else if (p->mechanism == MECH_NOT_NEEDED)
		buf_addf(&b, "; %s", _("nothing needed"));
	else if (p->mechanism == MECH_ADMIN)
		buf_addf(&b, "; %s", _("only an administrator"));
	if (w->prog->account == ACCOUNT_ORG && !p->org_can_object)
		buf_addf(&b, "; %s", _("organisations cannot object here"));
	if (progress_recheck_due(p, r, date_today(now)))
		buf_addf(&b, "; %s", _("check again: settings can change "
		    "back"));
	if (platform_stale(p, date_today(now), w->stale_days))
		buf_addf(&b, "; %s", _("possibly outdated"));
	return buf_take(&b);
}

static void
view_platforms(const struct wizard *w, struct view *v, time_t now)
{
	size_t *idx = xreallocarray(NULL, w->cat->n, sizeof *idx);
	size_t i, n = visible(w, idx);
	const struct platform *p, *prev = NULL;
	const struct record *r;
	char *detail;

	v->title = xstrdup(_("Which platforms do you use?"));
	view_add_block(v, V_TEXT, 0, w->linear ? _("Tick every platform "
	    "where you have an account: type its number.") : _("Tick every "
	    "platform where you have an account: press the Space bar. Then "
	    "press Enter."));
	if (w->filtering || w->filter[0] != '\0') {
		v->input_label = xstrdup(_("Search:"));
		v->input = xstrdup(w->filter);
		v->input_active = w->filtering;
	}
	if (n == 0)
		view_add_blockf(v, V_NOTE, _("No platform name contains "
		    "\"%s\". Press Esc to see all of them."), w->filter);
	for (i = 0; i < n; i++) {
		p = &w->cat->v[idx[i]];
		r = progress_find(w->prog, p->id);
		detail = platform_detail(w, p, r, now);
		view_add_item(v, p->name, detail, r != NULL && r->selected,
		    prev == NULL || prev->category != p->category ?
		    words_category(p->category) : NULL);
		free(detail);
		prev = p;
	}
	free(idx);
	if (w->filtering) {
		view_add_key(v, VK_ENTER, _("go to the list"));
		view_add_key(v, VK_BACK, _("show all"));
		return;
	}
	view_add_key(v, VK_MOVE, _("move"));
	view_add_key(v, VK_TICK, _("tick"));
	view_add_key(v, VK_ENTER, _("continue"));
	view_add_key(v, VK_SEARCH, _("search"));
	view_add_key(v, VK_OPEN, _("open this one"));
	view_add_key(v, VK_BACK, w->filter[0] != '\0' ? _("show all") :
	    _("back"));
}

static void
view_info(const struct wizard *w, struct view *v, time_t now)
{
	const struct platform *p = wizard_platform(w);
	char *s, *d;
	size_t i;

	platform_context(w, v, p);
	v->title = xasprintf(_("%s: what happens to your data"), p->name);
	add_mechanism_note(v, p);
	view_add_block(v, V_HEADING, 0, _("What the platform does"));
	add_ltext(v, V_TEXT, &p->summary, w->lang);
	if (p->nevents > 0) {
		view_add_block(v, V_HEADING, 0, _("Since when"));
		for (i = 0; i < p->nevents; i++) {
			d = date_format_long(p->events[i].date, w->lang);
			s = xasprintf("%s: %s", d, ltext_get_any(
			    &p->events[i].what, w->lang, NULL));
			view_add_block(v, V_BULLET, 0, s);
			free(s);
			free(d);
		}
	}
	if (p->mechanism != MECH_NOT_NEEDED) {
		view_add_block(v, V_HEADING, 0,
		    _("What an objection today can do"));
		s = words_retro(p, date_today(now), w->lang);
		view_add_block(v, V_NOTE, 0, s);
		free(s);
	} else
		view_add_block(v, V_HEADING, 0, _("Data from before"));
	add_ltext(v, V_TEXT, &p->retroactivity, w->lang);
	view_add_block(v, V_HEADING, 0, _("On what legal basis"));
	add_ltext(v, V_TEXT, &p->legal_basis, w->lang);
	if (p->mechanism != MECH_NOT_NEEDED)
		view_add_block(v, V_TEXT, 0, _("If a company relies on "
		    "\"legitimate interest\", it decides by itself that its "
		    "interest counts more than yours. It does not ask you "
		    "first. You have the right to object to that. The right is "
		    "in Article 21 of the GDPR, the EU data protection law."));
	if (!ltext_empty(&p->excluded)) {
		view_add_block(v, V_HEADING, 0, _("Not used in any case"));
		add_ltext(v, V_TEXT, &p->excluded, w->lang);
	}
	if (w->prog->account == ACCOUNT_ORG) {
		view_add_block(v, V_HEADING, 0, _("For organisations"));
		add_ltext(v, p->org_can_object ? V_TEXT : V_NOTE, &p->org_note,
		    w->lang);
		if (p->mechanism != MECH_NOT_NEEDED)
			view_add_block(v, V_TEXT, 0, _("Staff, customers or "
			    "patients may have agreed that you publish their "
			    "photos. That consent does not cover AI training. "
			    "Object for every account your organisation runs. "
			    "Document it: keep the confirmation e-mail, and note "
			    "the date and the account."));
	}
	if (p->nalternatives > 0 || platform_offers_letter(p)) {
		view_add_block(v, V_HEADING, 0, _("What you can still do"));
		add_texts(v, V_BULLET, p->alternatives, p->nalternatives,
		    w->lang);
		if (p->mechanism == MECH_NONE)
			view_add_block(v, V_BULLET, 0, _("You can always object "
			    "in writing: a short letter or e-mail to the "
			    "company saying that you object to the use of your "
			    "data for AI training (Article 21 of the GDPR). Add "
			    "a sentence on why it matters to you, for example "
			    "that your posts contain personal things."));
		if (platform_offers_letter(p))
			view_add_block(v, V_BULLET, 0, _("optout writes this "
			    "letter for you: after the summary, choose \"Write "
			    "an objection letter\"."));
		if (p->contact != NULL)
			add_contact(v, p->contact);
	}
	if (p->ncaveats > 0) {
		view_add_block(v, V_HEADING, 0, _("Good to know"));
		add_texts(v, V_BULLET, p->caveats, p->ncaveats, w->lang);
	}
	if (p->nuncertain > 0) {
		view_add_block(v, V_HEADING, 0, _("Not certain"));
		add_texts(v, V_BULLET, p->uncertain, p->nuncertain, w->lang);
	}
	view_add_block(v, V_HEADING, 0, _("Sources"));
	add_sources(v, p);
	add_verified(w, v, p, now);
	v->enter_label = xstrdup(_("understood, continue"));
	view_add_key(v, VK_SCROLL, _("scroll"));
	view_add_key(v, VK_ENTER, _("understood"));
	view_add_key(v, VK_BACK, _("back"));
}

static void
view_surface(const struct wizard *w, struct view *v)
{
	const struct platform *p = wizard_platform(w);
	size_t i;

	platform_context(w, v, p);
	v->title = xasprintf(_("%s: where are you doing it?"), p->name);
	view_add_block(v, V_TEXT, 0, _("The menus differ between the web "
	    "browser and the app. Where do you want to do it?"));
	for (i = 0; i < p->nsurfaces; i++)
		view_add_item(v, words_surface(p->surfaces[i].kind), NULL, -1,
		    NULL);
	view_add_key(v, VK_MOVE, _("choose"));
	view_add_key(v, VK_ENTER, _("continue"));
	view_add_key(v, VK_BACK, _("back"));
}

static void
view_email(const struct wizard *w, struct view *v, time_t now)
{
	const struct platform *p = wizard_platform(w);
	const struct email_objection *e = p->email;

	platform_context(w, v, p);
	v->title = xasprintf(_("%s: the e-mail"), p->name);
	view_add_block(v, V_HEADING, 0, _("Who can send it"));
	add_ltext(v, V_NOTE, &e->who, w->lang);
	view_add_block(v, V_HEADING, 0, _("Send it to"));
	view_add_block(v, V_LINK, 0, e->address);
	view_add_block(v, V_HEADING, 0, _("Subject"));
	add_ltext(v, V_TEXT, &e->subject, w->lang);
	view_add_block(v, V_HEADING, 0, _("What to write"));
	add_ltext(v, V_TEXT, &e->body, w->lang);
	if (e->confirmation)
		view_add_block(v, V_NOTE, 0, _("Keep the answer: it proves "
		    "that you objected."));
	add_verified(w, v, p, now);
	v->enter_label = xstrdup(_("record the result"));
	view_add_key(v, VK_SCROLL, _("scroll"));
	view_add_key(v, VK_ENTER, _("record"));
	view_add_key(v, VK_BACK, _("back"));
}

static void
view_steps(const struct wizard *w, struct view *v, time_t now)
{
	const struct platform *p = wizard_platform(w);
	const struct surface *sf;
	enum lang ui = wizard_label_lang(w, p);	/* the platform's words */
	const char *s;
	bool fallback = false;
	char *t;
	size_t i;

	if (p->nsurfaces == 0) {
		view_email(w, v, now);
		return;
	}
	sf = &p->surfaces[w->surface];
	platform_context(w, v, p);
	v->title = xasprintf(_("%s: step by step"), p->name);
	if (p->mechanism == MECH_ADMIN)
		view_add_block(v, V_NOTE, 0, _("These are the steps for the "
		    "administrator of your organisation's account."));
	view_add_block(v, V_DIM, 0, words_surface(sf->kind));
	if (ui != w->lang)
		view_add_block(v, V_DIM, 0, ui == LANG_EN ? _("The platform's "
		    "own words (in quotation marks) are shown in English.") :
		    _("The platform's own words (in quotation marks) are shown "
		    "in German."));
	if ((t = words_breadcrumb(sf, ui, wizard_utf8(w), &fallback)) !=
	    NULL) {
		view_add_block(v, V_CRUMB, 0, t);
		free(t);
	}
	for (i = 0; i < sf->nsteps; i++) {
		t = words_step(&sf->steps[i], w->lang, ui, &fallback);
		view_add_block(v, V_STEP, (int)i + 1, t);
		free(t);
	}
	t = words_final(&sf->final, w->lang, ui, &fallback);
	view_add_block(v, V_FINAL, (int)sf->nsteps + 1, t);
	free(t);
	if (!ltext_empty(&sf->final.after))
		add_ltext(v, V_TEXT, &sf->final.after, w->lang);
	if (p->mechanism == MECH_FORM && p->form != NULL) {
		view_add_block(v, V_HEADING, 0, _("What the form asks for"));
		add_ltext(v, V_TEXT, &p->form->asks, w->lang);
		if (p->form->confirmation)
			view_add_block(v, V_NOTE, 0, _("Afterwards you get a "
			    "confirmation by e-mail. Keep it: it proves that "
			    "you objected."));
	}
	if (sf->url != NULL) {
		view_add_block(v, V_HEADING, 0, _("Direct link"));
		view_add_block(v, V_LINK, 0, sf->url);
		add_qr(w, v, VQR_LINK, sf->url);
	}
	if ((s = ltext_get_any(&sf->search, ui, NULL)) != NULL) {
		view_add_block(v, V_HEADING, 0, _("The menu looks different?"));
		t = words_label(&sf->search, w->lang, ui, &fallback);
		view_add_blockf(v, V_TEXT, _("Menus change. If you cannot "
		    "find an entry, search for %s: with the platform's search "
		    "(magnifying glass) or, in a web browser, with Ctrl+F."), t);
		free(t);
	}
	if (fallback)
		view_add_block(v, V_NOTE, 0, _("Some labels are shown in "
		    "English: no source gives the German wording, so it is "
		    "not verified."));
	if (p->mechanism != MECH_FORM && p->form != NULL &&
	    !ltext_empty(&p->form->purpose)) {
		view_add_block(v, V_HEADING, 0, _("An extra form"));
		add_ltext(v, V_TEXT, &p->form->purpose, w->lang);
		if (!ltext_empty(&p->form->asks))
			add_ltext(v, V_TEXT, &p->form->asks, w->lang);
		view_add_block(v, V_LINK, 0, p->form->url);
	}
	add_verified(w, v, p, now);
	v->enter_label = xstrdup(_("record the result"));
	view_add_key(v, VK_SCROLL, _("scroll"));
	view_add_key(v, VK_ENTER, _("record"));
	view_add_key(v, VK_BACK, _("back"));
	view_add_key(v, VK_LABELS, ui == LANG_DE ? _("platform in English") :
	    _("platform in German"));
}

static const char *
record_label(const struct platform *p, enum status s)
{
	switch (s) {
	case ST_DONE:
		return p->mechanism == MECH_TOGGLE_ON ?
		    _("Done: I switched it on") : _("Done: I switched it off");
	case ST_FORM_SENT:
		return p->mechanism == MECH_EMAIL ?
		    _("I sent the e-mail and wait for an answer") :
		    _("I sent the form and wait for the confirmation");
	case ST_CONFIRMED:
		return p->mechanism == MECH_EMAIL ?
		    _("I received an answer") :
		    _("I received the confirmation e-mail");
	case ST_NOTED:
		return p->mechanism == MECH_NOT_NEEDED ?
		    _("Good to know: there is nothing to do") :
		    _("I have read this");
	case ST_NO_ACCOUNT:
		return _("I have no account there");
	case ST_LATER:
		return _("I will do it later");
	case ST_HELP:
		return _("I need help from an adviser");
	case ST_PROBLEM:
	default:
		return _("It did not work");
	}
}

static void
view_record(const struct wizard *w, struct view *v)
{
	const struct platform *p = wizard_platform(w);
	const struct record *r = progress_find(w->prog, p->id);
	enum status st[MAX_CHOICES];
	size_t i, n = record_choices(p, st);
	char *now;

	platform_context(w, v, p);
	v->title = xasprintf(_("%s: what happened?"), p->name);
	view_add_block(v, V_TEXT, 0, _("Choose what happened. optout notes "
	    "it with the date and time."));
	if (r != NULL && r->status != ST_OPEN) {
		now = words_platform_status_detail(p, r, w->lang, true);
		view_add_blockf(v, V_DIM, _("Noted so far: %s"), now);
		free(now);
	}
	for (i = 0; i < n; i++)
		view_add_item(v, record_label(p, st[i]), NULL, -1, NULL);
	view_add_key(v, VK_MOVE, _("choose"));
	view_add_key(v, VK_ENTER, _("record"));
	view_add_key(v, VK_BACK, _("back"));
}

static void
summary_group(const struct wizard *w, struct view *v, const char *heading,
    bool (*want)(const struct record *))
{
	const struct record *r;
	size_t i, n = 0;
	char *d;

	for (i = 0; i < w->cat->n; i++) {
		r = progress_find(w->prog, w->cat->v[i].id);
		if (r == NULL || !want(r))
			continue;
		if (n++ == 0)
			view_add_block(v, V_HEADING, 0, heading);
		d = words_platform_status_detail(&w->cat->v[i], r, w->lang,
		    true);
		view_add_blockf(v, V_BULLET, "%s: %s", w->cat->v[i].name, d);
		free(d);
	}
}

static bool
want_done(const struct record *r)
{
	return status_is_final(r->status);
}

static bool
want_waiting(const struct record *r)
{
	return r->status == ST_FORM_SENT;
}

static bool
want_open(const struct record *r)
{
	return r->selected && !status_is_final(r->status) &&
	    r->status != ST_FORM_SENT;
}

/* The resume code, to continue elsewhere. */
static void
add_code(const struct wizard *w, struct view *v)
{
	size_t left;
	char *code = session_code(w, &left);

	if (code == NULL && left == 0)
		return;
	view_add_block(v, V_HEADING, 0, _("Your code to continue later"));
	if (code != NULL) {
		view_add_block(v, V_TEXT, 0, _("To continue on another "
		    "computer or at home, start optout there and type this "
		    "code on the first screen (key c), or start optout "
		    "--resume with the code. It says only which platforms you "
		    "have done: no name, nothing personal."));
		view_add_block(v, V_LINK, 0, code);
		add_qr(w, v, VQR_CODE, code);
	}
	if (left > 0)
		view_add_blockf(v, V_DIM, ngettext("Not in the code: %zu "
		    "platform that was added on this computer only.",
		    "Not in the code: %zu platforms that were added on this "
		    "computer only.", left), left);
	free(code);
}

/* Switches recorded long enough ago to be checked again. */
static void
summary_recheck(const struct wizard *w, struct view *v, time_t now)
{
	const struct platform *p;
	const struct record *r;
	size_t i, n = 0;
	char *d;

	for (i = 0; i < w->cat->n; i++) {
		p = &w->cat->v[i];
		r = progress_find(w->prog, p->id);
		if (!progress_recheck_due(p, r, date_today(now)))
			continue;
		if (n++ == 0)
			view_add_block(v, V_HEADING, 0, _("Check again: settings "
			    "can change back"));
		d = date_format_short(date_today(r->time), w->lang);
		view_add_blockf(v, V_BULLET, _("%s: done on %s. Look whether "
		    "the setting is still right."), p->name, d);
		free(d);
	}
}

static void
view_summary(const struct wizard *w, struct view *v, time_t now)
{
	v->title = xstrdup(_("Summary"));
	summary_group(w, v, _("Done"), want_done);
	summary_recheck(w, v, now);
	summary_group(w, v, _("Waiting for a confirmation or an answer"),
	    want_waiting);
	summary_group(w, v, _("Still open"), want_open);
	view_add_block(v, V_HEADING, 0, _("Remember"));
	view_add_block(v, V_NOTE, 0, _("An objection works from the moment "
	    "you make it. What a platform has already used for training "
	    "stays in its models. Everything from now on is protected."));
	view_add_block(v, V_BULLET, 0, _("Keep every confirmation e-mail."));
	view_add_block(v, V_BULLET, 0, _("Settings can change back, for "
	    "example after an update. Check them again in a few months."));
	view_add_block(v, V_BULLET, 0, _("On a shared or borrowed device: "
	    "log out of the platforms when you are done."));
	if (w->prog->account == ACCOUNT_ORG)
		view_add_block(v, V_BULLET, 0, _("Organisations: file the "
		    "confirmations with the date and the account, as proof "
		    "that you objected."));
	if (w->persistent)
		view_add_block(v, V_DIM, 0, _("Your notes are saved. When you "
		    "start optout again, they are still here."));
	else
		view_add_block(v, V_NOTE, 0, _("Your notes are not stored "
		    "here. Write down or photograph what you still need."));
	add_code(w, v);		/* last: what to take along */
	v->enter_label = xstrdup(_("continue: receipt"));
	view_add_key(v, VK_SCROLL, _("scroll"));
	view_add_key(v, VK_ENTER, _("continue: receipt"));
	view_add_key(v, VK_BACK, fixed(w) ? _("back") :
	    _("back to the list"));
}

static const char *
takehome_label(const struct wizard *w, enum th_choice c)
{
	switch (c) {
	case TH_RECEIPT:
		return w->receipt_file ? _("Save my receipt as a file and show "
		    "it") : _("Show my receipt on the screen");
	case TH_PRINT:
		return _("Print my receipt");
	case TH_LETTER:
		return _("Write an objection letter");
	case TH_ORG:
		return _("Name the organisation on the receipt");
	case TH_END:
	default:
		return w->mode == WZ_KIOSK ? _("End my visit and clear "
		    "everything") : _("Quit optout");
	}
}

static void
view_takehome(const struct wizard *w, struct view *v)
{
	enum th_choice ch[TH_COUNT];
	size_t i, n = takehome_choices(w, ch);
	char *code;

	v->title = xstrdup(_("To take home"));
	if (w->print_note != NULL)
		view_add_block(v, V_NOTE, 0, w->print_note);
	view_add_block(v, V_TEXT, 0, _("The receipt lists what you did on "
	    "each platform, and when. Keep it with the confirmation "
	    "e-mails."));
	if (w->receipt_file)
		view_add_block(v, V_TEXT, 0, _("It is saved as a file in your "
		    "home folder."));
	else
		view_add_block(v, V_TEXT, 0, _("It is shown on the screen and "
		    "not stored on this computer."));
	view_add_block(v, V_TEXT, 0, _("Where a platform has no switch, an "
	    "objection letter is the way to object. optout writes it for "
	    "you."));
	if ((code = session_code(w, NULL)) != NULL) {
		view_add_block(v, V_TEXT, 0, _("Your code to continue later, "
		    "also on the receipt:"));
		view_add_block(v, V_LINK, 0, code);
		add_qr(w, v, VQR_CODE, code);
		free(code);
	}
	for (i = 0; i < n; i++)
		view_add_item(v, takehome_label(w, ch[i]), NULL, -1, NULL);
	view_add_key(v, VK_MOVE, _("choose"));
	view_add_key(v, VK_ENTER, _("confirm"));
	view_add_key(v, VK_BACK, _("back to the summary"));
}

static void
view_receipt(const struct wizard *w, struct view *v, time_t now)
{
	struct receipt_input in;

	v->title = xstrdup(_("Your receipt"));
	if (w->receipt_note != NULL)
		view_add_block(v, V_NOTE, 0, w->receipt_note);
	else if (!w->receipt_file)
		view_add_block(v, V_NOTE, 0, w->can_print ? _("This receipt is "
		    "not stored on this computer. Take a photo of it, or go "
		    "back and print it.") : _("This receipt is not stored on "
		    "this computer. Take a photo of it, or write down what you "
		    "need."));
	receipt_input_init(&in, w->cat, w->prog, &w->th, now, w->lang);
	receipt_view(&in, v);
	receipt_input_free(&in);
	v->enter_label = xstrdup(_("back"));
	view_add_key(v, VK_SCROLL, _("scroll"));
	view_add_key(v, VK_ENTER, _("back"));
	view_add_key(v, VK_BACK, _("back"));
}

static bool
no_switch(const struct platform *p)
{
	return p->mechanism == MECH_NONE || p->mechanism == MECH_EMAIL ||
	    p->mechanism == MECH_ADMIN;
}

static void
view_letters(const struct wizard *w, struct view *v)
{
	size_t *idx = xreallocarray(NULL, w->cat->n + 1, sizeof *idx);
	const struct platform *p;
	const char *group;
	size_t i;
	bool mine, prev_mine = false;

	letter_order(w, idx);
	v->title = xstrdup(_("Write an objection letter"));
	view_add_block(v, V_TEXT, 0, _("To which platform? optout writes the "
	    "letter; you send it by e-mail or by post."));
	for (i = 0; i < w->cat->n; i++) {
		p = &w->cat->v[idx[i]];
		mine = ticked(w, p);
		group = NULL;
		if (i == 0 || mine != prev_mine)
			group = mine ? _("Your platforms") : i > 0 ?
			    _("Other platforms") : _("All platforms");
		view_add_item(v, p->name, no_switch(p) ? _("no switch: a "
		    "letter is the way") : NULL, -1, group);
		prev_mine = mine;
	}
	free(idx);
	view_add_key(v, VK_MOVE, _("choose"));
	view_add_key(v, VK_ENTER, _("write"));
	view_add_key(v, VK_BACK, _("back"));
}

static void
view_details(const struct wizard *w, struct view *v)
{
	const char *value;
	size_t i;

	if (w->form == WZ_FORM_ORG) {
		v->title = xstrdup(_("The organisation on the receipt"));
		view_add_block(v, V_TEXT, 0, _("The receipt can name the "
		    "organisation and its account. Both are optional."));
	} else {
		v->title = xasprintf(_("Letter to %s: who is writing?"),
		    w->cat->v[w->letter].name);
		view_add_block(v, V_TEXT, 0, _("Your name and e-mail address "
		    "go into the letter. Both are optional: you can also write "
		    "them in by hand."));
	}
	view_add_block(v, V_DIM, 0, w->receipt_file ? _("optout does not keep "
	    "them in your saved notes. Only a receipt you save contains "
	    "them.") : _("Nothing you type here is stored on this computer."));
	for (i = 0; i < DETAILS_FIELDS; i++) {
		value = details_value(w, i);
		view_add_item(v, details_label(w, i), value[0] != '\0' ?
		    value : _("(empty)"), -1, NULL);
	}
	view_add_item(v, w->form == WZ_FORM_ORG ? _("Done") :
	    _("Show the letter"), NULL, -1, NULL);
	if (w->editing) {
		v->input_label = xasprintf("%s:", details_label(w, w->focus));
		v->input = xstrdup(w->edit);
		v->input_active = true;
		view_add_key(v, VK_ENTER, _("keep it"));
		view_add_key(v, VK_BACK, _("cancel"));
		return;
	}
	view_add_key(v, VK_MOVE, _("choose"));
	view_add_key(v, VK_ENTER, w->focus < DETAILS_FIELDS ? _("type") :
	    _("continue"));
	view_add_key(v, VK_BACK, _("back"));
}

static void
view_letter(const struct wizard *w, struct view *v, time_t now)
{
	const struct platform *p = &w->cat->v[w->letter];
	struct letter_from from = { w->th.name, w->th.email };
	struct letter l;
	char *how;
	size_t i;

	v->title = xasprintf(_("Letter to %s"), p->name);
	letter_build(&l, p, &from, date_today(now), w->lang);
	how = letter_how_to_send(&l, p);
	view_add_block(v, l.to.uncertain ? V_NOTE : V_TEXT, 0, how);
	free(how);
	view_add_block(v, V_HEADING, 0, _("The letter"));
	for (i = 0; i < l.n; i++)
		view_add_block(v, V_TEXT, 0, l.para[i]);
	view_add_block(v, V_DIM, 0, _("The letter is also part of your "
	    "receipt. Words in [brackets] are for you to fill in."));
	letter_free(&l);
	v->enter_label = xstrdup(_("done"));
	view_add_key(v, VK_SCROLL, _("scroll"));
	view_add_key(v, VK_ENTER, _("done"));
	view_add_key(v, VK_BACK, _("another letter"));
}

static void
view_end_visit(const struct wizard *w, struct view *v)
{
	char *code = session_code(w, NULL);

	v->title = xstrdup(_("End your visit?"));
	view_add_block(v, V_TEXT, 0, _("When your visit ends, everything you "
	    "noted here is cleared, so that the next visitor sees nothing of "
	    "it. You can look at your summary first."));
	if (code != NULL) {
		view_add_block(v, V_NOTE, 0, _("To continue at home, note this "
		    "code or scan it with your phone, and type it on optout's "
		    "first screen (key c):"));
		view_add_block(v, V_LINK, 0, code);
		add_qr(w, v, VQR_CODE, code);
		free(code);
	}
	view_add_item(v, _("Show my summary first"), NULL, -1, NULL);
	view_add_item(v, _("Yes, end my visit and clear everything"), NULL, -1,
	    NULL);
	view_add_item(v, _("No, go on"), NULL, -1, NULL);
	view_add_key(v, VK_MOVE, _("choose"));
	view_add_key(v, VK_ENTER, _("confirm"));
	view_add_key(v, VK_BACK, _("go on"));
}

static void
view_idle(const struct wizard *w, struct view *v)
{
	v->title = xstrdup(_("Are you still there?"));
	view_add_blockf(v, V_NOTE, w->linear ? ngettext("Press Enter to go "
	    "on. If nobody does, everything noted here is cleared in %d "
	    "second, for the next visitor.", "Press Enter to go on. If nobody "
	    "does, everything noted here is cleared in %d seconds, for the "
	    "next visitor.", (unsigned long)w->idle_left) : ngettext("Press "
	    "any key to go on. If nobody does, everything noted here is "
	    "cleared in %d second, for the next visitor.", "Press any key to "
	    "go on. If nobody does, everything noted here is cleared in %d "
	    "seconds, for the next visitor.", (unsigned long)w->idle_left),
	    w->idle_left);
	v->enter_label = xstrdup(_("go on"));
	view_add_key(v, VK_ENTER, _("go on"));
}

static void
view_quit(const struct wizard *w, struct view *v)
{
	if (w->mode == WZ_KIOSK) {
		view_end_visit(w, v);
		return;
	}
	v->title = xstrdup(_("Quit optout?"));
	if (w->persistent && w->save_error == NULL)
		view_add_block(v, V_TEXT, 0, _("Everything you recorded is "
		    "saved. When you start optout again, you continue here."));
	else if (!w->persistent)
		view_add_block(v, V_NOTE, 0, _("Nothing is stored on this "
		    "computer: when you quit, your notes are gone."));
	else
		view_add_block(v, V_NOTE, 0, _("Your notes could not be saved. "
		    "They are lost when you quit."));
	view_add_item(v, _("Yes, quit"), NULL, -1, NULL);
	view_add_item(v, _("No, go on"), NULL, -1, NULL);
	view_add_key(v, VK_MOVE, _("choose"));
	view_add_key(v, VK_ENTER, _("confirm"));
	view_add_key(v, VK_BACK, _("go on"));
}

/* The trainer's message or pause, over whatever screen is open. */
static void
view_broadcast(const struct wizard *w, struct view *v)
{
	if (w->broadcast == BROADCAST_PAUSE) {
		v->title = xstrdup(_("Pause"));
		view_add_block(v, V_NOTE, 0, _("Please look up: your trainer "
		    "asks for everybody's attention, for example at the "
		    "projector."));
	} else {
		v->title = xstrdup(_("Message from your trainer"));
		view_add_block(v, V_NOTE, 0, w->broadcast_text != NULL ?
		    w->broadcast_text : "");
	}
	if (!w->linear)		/* the linear prompt says it */
		view_add_block(v, V_DIM, 0, _("Press any key to go on where "
		    "you were."));
	v->any_key = true;
	v->enter_label = xstrdup(_("go on"));
	view_add_key(v, VK_ENTER, _("go on"));
}

/* The seat number in the title, so that the trainer can find it. */
static void
add_seat(const struct wizard *w, struct view *v)
{
	char *ctx;

	if (w->seat == 0)
		return;
	if (v->context != NULL) {
		/* TRANSLATORS: "Platform 1 of 3, seat 7" */
		ctx = xasprintf(_("%s, seat %u"), v->context, w->seat);
		free(v->context);
		v->context = ctx;
	} else
		v->context = xasprintf(_("Seat %u"), w->seat);
}

void
wizard_view(const struct wizard *w, time_t now, struct view *v)
{
	memset(v, 0, sizeof *v);
	v->screen = w->screen;
	if (w->idle_left >= 0) {
		view_idle(w, v);
		v->any_key = true;
		return;
	}
	if (w->broadcast != BROADCAST_NONE) {
		view_broadcast(w, v);
		add_seat(w, v);
		return;
	}
	switch (w->screen) {
	case SCR_WELCOME:
		view_welcome(w, v);
		break;
	case SCR_WHO:
		view_who(w, v);
		break;
	case SCR_PLATFORMS:
		view_platforms(w, v, now);
		break;
	case SCR_INFO:
		view_info(w, v, now);
		break;
	case SCR_SURFACE:
		view_surface(w, v);
		break;
	case SCR_STEPS:
		view_steps(w, v, now);
		break;
	case SCR_RECORD:
		view_record(w, v);
		break;
	case SCR_SUMMARY:
		view_summary(w, v, now);
		break;
	case SCR_TAKEHOME:
		view_takehome(w, v);
		break;
	case SCR_RECEIPT:
		view_receipt(w, v, now);
		break;
	case SCR_LETTERS:
		view_letters(w, v);
		break;
	case SCR_DETAILS:
		view_details(w, v);
		break;
	case SCR_LETTER:
		view_letter(w, v, now);
		break;
	case SCR_HELP:
		help_view(w, v);
		break;
	case SCR_KEYS:
		help_view_keys(w, v);
		break;
	case SCR_GLOSSARY:
		help_view_glossary(w, v);
		break;
	case SCR_SELFCHECK:
		help_view_selfcheck(w, v);
		break;
	case SCR_QUIT:
	default:
		view_quit(w, v);
		break;
	}
	/* while typing every key types, even ? and q */
	if (w->screen != SCR_HELP && !w->editing)
		view_add_key(v, VK_HELP, _("help"));
	if (w->screen != SCR_QUIT && !w->editing)
		view_add_key(v, VK_QUIT, w->mode == WZ_KIOSK ?
		    _("end visit") : _("quit"));
	if (w->workshop != NULL && !v->input_active)	/* h is typed there */
		view_add_key(v, VK_HAND, w->hand ? _("lower hand") :
		    _("raise hand"));
	/* the other language, named in itself, on every screen (but not
	 * while typing, where e, d and l are letters) */
	if (!v->input_active && !w->editing) {
		if (w->lang == LANG_DE)
			view_add_key(v, VK_LANG_EN, "English");
		else
			view_add_key(v, VK_LANG_DE, "Deutsch");
		if (w->switch_ok)
			view_add_key(v, VK_LINEAR, w->linear ?
			    _("full screen") : _("linear mode"));
	}
	add_seat(w, v);
	v->focus = w->focus;
	if (w->message != NULL) {
		v->message = xstrdup(w->message);
		v->message_error = w->message_error;
	}
	if (w->save_error != NULL)
		v->banner = xasprintf(_("Not saved: %s"), w->save_error);
}
