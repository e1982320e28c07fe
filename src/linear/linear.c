/* linear.c: the wizard as plain lines. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/lang.h"
#include "core/text.h"
#include "core/xmalloc.h"
#include "linear/linear.h"
#include "sys/i18n.h"
#include "sys/signals.h"
#include "sys/tty.h"

#define WIDTH	78
#define MAX_EOFS 100	/* kiosk: Ctrl-D is ignored, a dead tty is not */

/* Answers are read from the descriptor, not through stdio, so that a
 * kiosk can wait for them with a time limit. */
struct lin {
	struct wizard		*w;
	const struct ui_hooks	*hooks;
	const struct ui_config	*cfg;
	FILE			*out;
	int			 fd;		/* the answers */
	bool			 tty;		/* ... come from a terminal */
	bool			 utf8;		/* glyphs now: wizard_utf8() */
	char			*why;		/* owned: why 'l' cannot work */
	char			 rbuf[1024];	/* read, not yet answered */
	size_t			 rlen;
	bool			 eof;
	double			 last;		/* when the last answer came */
};

enum got {
	GOT_LINE,
	GOT_END,	/* the input ended, or a signal came */
	GOT_TIMEOUT,
	GOT_INTERRUPT,	/* Ctrl-C on a kiosk or shared host */
	GOT_BROADCAST	/* a workshop: the trainer's message came first */
};

/* Prints s wrapped to WIDTH, first line after prefix, the rest indented
 * by the prefix's width. Text from the catalog is already sanitised. */
static void
say(struct lin *l, const char *prefix, const char *s)
{
	char *t = l->utf8 ? xstrdup(s) : text_ascii(s);
	size_t pw = text_width(prefix), i, n;
	struct text_line *tl;

	n = text_wrap(t, WIDTH > pw + 20 ? WIDTH - pw : 20, &tl);
	for (i = 0; i < n; i++) {
		fprintf(l->out, "%*s%s%.*s\n", i == 0 ? 0 : (int)pw, "",
		    i == 0 ? prefix : "", (int)tl[i].len, t + tl[i].off);
	}
	free(tl);
	free(t);
}

static void
show(struct lin *l, const struct view *v)
{
	size_t i;
	char num[32];

	fputc('\n', l->out);
	say(l, "", v->title != NULL ? v->title : "");
	if (v->context != NULL)
		say(l, "", v->context);
	if (v->banner != NULL)
		say(l, "", v->banner);
	for (i = 0; i < v->nblocks; i++) {
		const struct vblock *b = &v->blocks[i];

		switch (b->kind) {
		case V_HEADING:
			fputc('\n', l->out);
			say(l, "", b->text);
			break;
		case V_BULLET:
			say(l, "- ", b->text);
			break;
		case V_STEP:
		case V_FINAL:
			snprintf(num, sizeof num, "%d. ", b->num);
			say(l, num, b->text);
			break;
		case V_TEXT:
		case V_NOTE:
			fputc('\n', l->out);
			say(l, "", b->text);
			break;
		case V_QR:
			break;	/* the text is in the block before it */
		default:
			say(l, "", b->text);
			break;
		}
	}
	if (v->nitems > 0)
		fputc('\n', l->out);
	for (i = 0; i < v->nitems; i++) {
		const struct vitem *it = &v->items[i];
		char *line;

		if (it->group != NULL)
			say(l, "", it->group);
		if (it->check >= 0)
			snprintf(num, sizeof num, "%zu) [%c] ", i + 1,
			    it->check ? 'x' : ' ');
		else
			snprintf(num, sizeof num, "%zu) ", i + 1);
		line = it->detail != NULL ? xasprintf("%s - %s", it->label,
		    it->detail) : xstrdup(it->label);
		say(l, num, line);
		free(line);
	}
	if (v->message != NULL) {
		fputc('\n', l->out);
		say(l, "", v->message);
	}
}

static bool
has_key(const struct view *v, enum vkey_kind k)
{
	size_t i;

	for (i = 0; i < v->nkeys; i++) {
		if (v->keys[i].kind == k)
			return true;
	}
	return false;
}

/* The prompt names the screen's other keys too: "?: help. e: English." */
static char *
add_keys(char *p, const struct view *v)
{
	const char *key;
	char *s;
	size_t i;

	for (i = 0; i < v->nkeys; i++) {
		if (v->keys[i].kind == VK_HELP)
			key = "?";
		else if (v->keys[i].kind == VK_QUIT)
			key = "q";
		else if ((key = view_key_letter(v->keys[i].kind)) == NULL)
			continue;
		s = xasprintf("%s %s: %s.", p, key, v->keys[i].label);
		free(p);
		p = s;
	}
	return p;
}

static void
prompt(struct lin *l, const struct view *v)
{
	char *p, *t;

	fputc('\n', l->out);
	if (l->w->idle_left >= 0 || v->any_key)	/* any answer goes on */
		p = xstrdup(_("Press Enter to go on."));
	else if (v->input_active && v->screen == SCR_WELCOME)
		p = xstrdup(_("Type your code and press Enter (Enter alone: "
		    "cancel):"));
	else if (v->input_active && v->screen == SCR_PLATFORMS)
		p = xstrdup(_("Type a part of the name and press Enter:"));
	else if (v->input_active)
		p = xasprintf(_("%s Type it and press Enter (Enter alone leaves "
		    "it empty):"), v->input_label);
	else if (v->nitems == 0)
		p = xasprintf(_("Enter: %s. <: back."), v->enter_label != NULL ?
		    v->enter_label : _("continue"));
	else if (v->screen == SCR_PLATFORMS)
		p = xstrdup(_("Type the numbers to tick or untick (for example "
		    "1 3), or /name to search. Enter: continue. <: back."));
	else
		p = xasprintf(_("Type a number from 1 to %zu. Enter: %zu. "
		    "<: back."), v->nitems, v->focus + 1);
	if (!v->input_active && !v->any_key && l->w->idle_left < 0)
		p = add_keys(p, v);
	if (l->w->workshop != NULL && !v->any_key && !v->input_active) {
		char *more = xasprintf("%s %s", p, l->w->hand ?
		    _("h: lower your hand.") : _("h: raise your hand (the "
		    "trainer sees that you need help)."));

		free(p);
		p = more;
	}
	if (has_key(v, VK_CODE) && !v->input_active) {
		t = xasprintf("%s %s", p, _("c: I have a code."));
		free(p);
		p = t;
	}
	say(l, "", p);
	free(p);
	fputs("> ", l->out);
	fflush(l->out);
}

static int
apply(struct lin *l, struct wz_event ev)
{
	int r = ui_apply_event(l->w, l->hooks, ev);

	if (r & WZ_R_PRINT)
		ui_print_receipt(l->w, l->hooks);
	return r;
}

/* Takes a line (or what is left at the end) out of rbuf into buf. A line
 * ends with a newline, or with Ctrl-C where that is a character; then
 * the 0x03 stays at its end, to say so. */
static bool
take_line(struct lin *l, char *buf, size_t size)
{
	size_t i, len, take;

	for (i = 0; i < l->rlen; i++) {
		if (l->rbuf[i] == '\n' || l->rbuf[i] == TTY_CTRL_C)
			break;
	}
	if (l->rlen == 0 || (i == l->rlen && !l->eof &&
	    l->rlen < sizeof l->rbuf))
		return false;	/* no complete line yet */
	take = i < l->rlen ? i + 1 : i;
	len = i < l->rlen && l->rbuf[i] == TTY_CTRL_C ? i + 1 : i;
	if (len >= size)
		len = size - 1;
	memcpy(buf, l->rbuf, len);
	buf[len] = '\0';
	memmove(l->rbuf, l->rbuf + take, l->rlen - take);
	l->rlen -= take;
	return true;
}

/* Is a whole line waiting in rbuf? */
static bool
take_line_ready(const struct lin *l)
{
	return memchr(l->rbuf, '\n', l->rlen) != NULL ||
	    memchr(l->rbuf, TTY_CTRL_C, l->rlen) != NULL;
}

/* In a workshop: keeps the seat in the trainer's room up to date. True
 * when the trainer's broadcast came (to be shown); taking a seat, or the
 * console going away, is told at once. */
static bool
workshop_news(struct lin *l)
{
	unsigned shown = l->w->broadcasts, seat = l->w->seat;

	if (l->hooks->sync == NULL)
		return false;
	l->hooks->sync(l->hooks->room, l->w, false);
	if (l->w->broadcasts != shown)
		return true;	/* a new one, even over the last */
	if (seat != l->w->seat && l->w->message != NULL) {
		fputc('\n', l->out);
		say(l, "", l->w->message);
		fputs("> ", l->out);
		fflush(l->out);
	}
	return false;
}

/* Reads the next line into buf; with deadline >= 0 (a monotonic time)
 * gives up then. */
static enum got
next_line(struct lin *l, char *buf, size_t size, double deadline)
{
	struct pollfd p = { l->fd, POLLIN, 0 };
	int eofs = 0, ms = -1, k;
	ssize_t n;

	for (;;) {
		if (!take_line_ready(l) && workshop_news(l))
			return GOT_BROADCAST;
		if (take_line(l, buf, size))
			return strchr(buf, TTY_CTRL_C) != NULL ? GOT_INTERRUPT :
			    GOT_LINE;
		if (l->eof || signals_pending() != 0)
			return GOT_END;
		if (deadline >= 0 &&
		    (ms = (int)((deadline - ui_monotonic()) * 1000)) <= 0)
			return GOT_TIMEOUT;
		if (l->hooks->sync != NULL && (ms < 0 || ms > 1000))
			ms = 1000;	/* a workshop: the seat every second */
		if ((k = poll(&p, 1, ms)) == 0 && deadline >= 0 &&
		    ui_monotonic() >= deadline)
			return GOT_TIMEOUT;
		if (k == 0)
			continue;
		if (k < 0 && errno == EINTR)
			continue;	/* a signal (checked above), a resize */
		n = k < 0 ? -1 : read(l->fd, l->rbuf + l->rlen,
		    sizeof l->rbuf - l->rlen);
		if (n > 0) {
			l->rlen += (size_t)n;
			eofs = 0;
		} else if (n == 0 && l->cfg->kiosk && l->tty &&
		    ++eofs < MAX_EOFS)
			continue;	/* Ctrl-D must not end a kiosk visit; a
					   terminal that is gone ends anyway */
		else if (n < 0 && errno == EINTR)
			continue;
		else
			l->eof = true;
	}
}

/* Reads one answer; GOT_TIMEOUT only when deadline >= 0. */
static enum got
read_answer(struct lin *l, char *buf, size_t size, double deadline)
{
	enum got g = next_line(l, buf, size, deadline);
	char *p, *q;
	size_t n;

	if (g == GOT_LINE || g == GOT_INTERRUPT)
		l->last = ui_monotonic();
	if (g != GOT_LINE)
		return g;
	/* keys such as Ctrl-Z that arrive as characters are no answer */
	for (p = q = buf; *p != '\0'; p++) {
		if ((unsigned char)*p >= 0x20 && *p != 0x7f)
			*q++ = *p;
	}
	*q = '\0';
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = '\0';
	if (!l->tty) {		/* echo what a script answered */
		fputs(buf, l->out);
		fputc('\n', l->out);
	}
	return GOT_LINE;
}

/* The end of a kiosk visit: nothing of it stays in memory, on the screen
 * or in the scrollback. Returns whether the next visit starts on the
 * full screen. */
static bool
wipe(struct lin *l)
{
	fflush(l->out);
	ui_wipe_terminal();
	wizard_reset(l->w);
	i18n_set_lang(l->w->lang);
	l->rlen = 0;
	return !l->w->linear;
}

/* A kiosk left alone: a warning, and without an answer the visit ends.
 * Returns GOT_LINE when the visit goes on, GOT_TIMEOUT when it was wiped,
 * GOT_END when the input ended. */
static enum got
idle(struct lin *l, char *buf, size_t size)
{
	struct view v;
	enum got g;

	l->w->idle_left = l->cfg->idle_warning_seconds;
	wizard_view(l->w, l->hooks->now(), &v);
	show(l, &v);
	prompt(l, &v);
	view_free(&v);
	g = read_answer(l, buf, size, ui_monotonic() +
	    l->cfg->idle_warning_seconds);
	l->w->idle_left = -1;
	if (g == GOT_TIMEOUT)
		wipe(l);
	return g;
}

static void
invalid(struct lin *l, const struct view *v)
{
	fputc('\n', l->out);
	say(l, "", v->nitems > 0 ? _("Please type one of the numbers shown, "
	    "or press Enter.") : _("Please press Enter, or type < to go "
	    "back."));
}

/* A letter key: the languages always, the others where the screen
 * names them. */
static int
letter(struct lin *l, const struct view *v, char c)
{
	const char *k;
	size_t i;

	if (c == 'd' || c == 'e')
		return apply(l, (struct wz_event){ WZ_LANG,
		    c == 'd' ? LANG_DE : LANG_EN });
	if (c == 'l' && !l->w->switch_ok) {
		fputc('\n', l->out);
		say(l, "", _("The full screen cannot be shown here. The "
		    "linear mode goes on."));
		if (l->why != NULL)
			say(l, "", l->why);
		return 0;
	}
	for (i = 0; i < v->nkeys; i++) {
		if ((k = view_key_letter(v->keys[i].kind)) == NULL || *k != c)
			continue;
		switch (v->keys[i].kind) {
		case VK_LINEAR:
			return apply(l, (struct wz_event){ WZ_LINEAR, 0 });
		case VK_LABELS:
			return apply(l, (struct wz_event){ WZ_LABELS, 0 });
		case VK_GLYPHS:
			return apply(l, (struct wz_event){ WZ_GLYPHS, 0 });
		default:
			break;
		}
	}
	invalid(l, v);
	return 0;
}

/* Handles one answer; returns the wizard's result bits. */
static int
answer(struct lin *l, const struct view *v, const char *a)
{
	const char *p = a + strspn(a, " ");
	int r = 0;
	char *end;
	long n;

	if (v->any_key)		/* a notice: any answer has read it */
		return apply(l, (struct wz_event){ WZ_NEXT, 0 });
	if (v->input_active) {
		/* a code is typed anew after a mistake, not added to */
		if (v->screen == SCR_WELCOME && v->input != NULL)
			for (n = (long)strlen(v->input); n > 0; n--)
				apply(l, (struct wz_event){ WZ_ERASE, 0 });
		while (*p != '\0') {
			uint32_t cp;
			size_t k = utf8_decode(p, strlen(p), &cp);

			if (k == 0)
				break;
			apply(l, (struct wz_event){ WZ_CHAR, (int)cp });
			p += k;
		}
		return apply(l, (struct wz_event){ WZ_NEXT, 0 });
	}
	if (*p == '\0')
		return apply(l, (struct wz_event){ WZ_NEXT, 0 });
	if (strcmp(p, "<") == 0)
		return apply(l, (struct wz_event){ WZ_BACK, 0 });
	if (strcmp(p, "?") == 0)
		return apply(l, (struct wz_event){ WZ_HELP, 0 });
	if (strcmp(p, "q") == 0 || strcmp(p, "Q") == 0)
		return apply(l, (struct wz_event){ WZ_QUIT, 0 });
	if ((strcmp(p, "h") == 0 || strcmp(p, "H") == 0) &&
	    l->w->workshop != NULL)
		return apply(l, (struct wz_event){ WZ_HAND, 0 });
	if ((p[0] == 'c' || p[0] == 'C') && (p[1] == '\0' || p[1] == ' ') &&
	    has_key(v, VK_CODE)) {	/* "c", or "c CODE" at once */
		apply(l, (struct wz_event){ WZ_CODE, 0 });
		if (p[1] == '\0')
			return 0;
		return answer(l, &(struct view){ .input_active = true,
		    .screen = SCR_WELCOME }, p + 2);
	}
	if (p[0] != '\0' && p[1] == '\0' && isalpha((unsigned char)p[0]))
		return letter(l, v, (char)tolower((unsigned char)p[0]));
	if (*p == '/' && v->screen == SCR_PLATFORMS) {
		apply(l, (struct wz_event){ WZ_FILTER, 0 });
		if (p[1] == '\0')	/* "/" alone: show all again */
			return apply(l, (struct wz_event){ WZ_BACK, 0 });
		return answer(l, &(struct view){ .input_active = true }, p + 1);
	}
	while (*p != '\0') {		/* numbers: choose, or tick each */
		n = strtol(p, &end, 10);
		if (end == p || n < 1 || (size_t)n > v->nitems) {
			invalid(l, v);
			return 0;
		}
		if (v->screen == SCR_PLATFORMS)
			r |= apply(l, (struct wz_event){ WZ_PICK, (int)n });
		else
			return apply(l, (struct wz_event){ WZ_PICK, (int)n });
		p = end + strspn(end, " ,");
	}
	return r;
}

int
linear_run(struct wizard *w, const struct ui_hooks *hooks,
    const struct ui_config *cfg, FILE *in, FILE *out)
{
	struct lin l;
	struct view v;
	char buf[512];
	int r, sig, rc;
	enum got g;
	bool kiosk;
	struct tty_saved saved = { false };
	struct sigaction winch;

	memset(&l, 0, sizeof l);
	l.w = w;
	l.hooks = hooks;
	l.cfg = cfg;
	l.out = out;
	l.fd = fileno(in);
	l.tty = isatty(l.fd);
	l.last = ui_monotonic();
	/* a kiosk's visitor may walk away: after a while the visit ends */
	kiosk = cfg->kiosk && l.tty;
	w->colour = false;
	/* 'l' leads to the full screen only where it can be drawn */
	w->switch_ok = in == stdin && out == stdout &&
	    ui_check_terminal(&l.why) == 0;
	signals_default_resize(&winch);
	if (cfg->raw_keys) {	/* Ctrl-C, Ctrl-\ and Ctrl-Z send nothing */
		signals_ignore_stop();
		tty_keys_as_chars(l.fd, &saved);
	}
	for (;;) {
		l.utf8 = wizard_utf8(w);
		wizard_view(w, hooks->now(), &v);
		show(&l, &v);
		prompt(&l, &v);
		g = read_answer(&l, buf, sizeof buf, kiosk ? l.last +
		    cfg->idle_seconds : -1);
		if (g == GOT_TIMEOUT && (g = idle(&l, buf, sizeof buf)) !=
		    GOT_END) {
			/* any answer to the warning: the visit goes on;
			 * none: it was wiped and a new one starts */
			view_free(&v);
			if (g == GOT_TIMEOUT && !w->linear) {
				rc = UI_SWITCH;
				break;
			}
			continue;
		}
		if (g == GOT_BROADCAST || (g == GOT_INTERRUPT && cfg->kiosk)) {
			/* show the trainer's message; Ctrl-C in a kiosk is
			 * nothing */
			view_free(&v);
			continue;
		}
		if (g == GOT_END) {
			view_free(&v);
			fputc('\n', out);
			if ((sig = signals_pending()) != 0)
				rc = sig;
			else
				rc = 0;	/* the input ended: all is saved */
			break;
		}
		if (g == GOT_INTERRUPT) {	/* shared: it asks, as q does */
			fputc('\n', out);
			r = apply(&l, (struct wz_event){ WZ_QUIT, 0 });
		} else
			r = answer(&l, &v, buf);
		view_free(&v);
		if (hooks->sync != NULL)
			hooks->sync(hooks->room, w, true);
		if ((sig = signals_pending()) != 0) {
			rc = sig;
			break;
		}
		if (r & WZ_R_EXIT) {
			rc = 0;
			break;
		}
		if (r & WZ_R_FRONTEND) {
			fflush(out);
			rc = UI_SWITCH;
			break;
		}
		if ((r & WZ_R_WIPE) && wipe(&l)) {	/* a kiosk visit ends */
			rc = UI_SWITCH;
			break;
		}
	}
	tty_restore(l.fd, &saved);
	signals_restore_resize(&winch);
	free(l.why);
	return rc;
}
