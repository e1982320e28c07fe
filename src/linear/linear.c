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

#define WIDTH	78

struct lin {
	struct wizard		*w;
	const struct ui_hooks	*hooks;
	FILE			*in, *out;
	bool			 utf8;
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

static void
prompt(struct lin *l, const struct view *v)
{
	char *p, *t;

	fputc('\n', l->out);
	if (v->any_key)
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
		p = xasprintf(_("Enter: %s. <: back. ?: help. q: quit."),
		    v->enter_label != NULL ? v->enter_label : _("continue"));
	else if (v->screen == SCR_PLATFORMS)
		p = xstrdup(_("Type the numbers to tick or untick (for example "
		    "1 3), or /name to search. Enter: continue. <: back. "
		    "?: help. q: quit."));
	else
		p = xasprintf(_("Type a number from 1 to %zu. Enter: %zu. "
		    "<: back. ?: help. q: quit."), v->nitems, v->focus + 1);
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

/* Reads one answer; false at the end of the input. */
static bool
read_answer(struct lin *l, char *buf, size_t size)
{
	size_t n;

	for (;;) {
		errno = 0;
		if (fgets(buf, (int)size, l->in) != NULL)
			break;
		if (errno == EINTR && signals_pending() == 0 &&
		    !ferror(l->in))
			continue;
		return false;
	}
	n = strlen(buf);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r' ||
	    buf[n - 1] == ' '))
		buf[--n] = '\0';
	if (!isatty(fileno(l->in))) {	/* echo what a script answered */
		fputs(buf, l->out);
		fputc('\n', l->out);
	}
	return true;
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
	if (*p == '/' && v->screen == SCR_PLATFORMS) {
		apply(l, (struct wz_event){ WZ_FILTER, 0 });
		if (p[1] == '\0')	/* "/" alone: show all again */
			return apply(l, (struct wz_event){ WZ_BACK, 0 });
		return answer(l, &(struct view){ .input_active = true }, p + 1);
	}
	while (*p != '\0') {		/* numbers: choose, or tick each */
		n = strtol(p, &end, 10);
		if (end == p || n < 1 || (size_t)n > v->nitems) {
			fputc('\n', l->out);
			say(l, "", v->nitems > 0 ? _("Please type one of the "
			    "numbers shown, or press Enter.") : _("Please press "
			    "Enter, or type < to go back."));
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

/* In a workshop: waits for the next line while keeping the seat up to
 * date. False when the trainer's broadcast came first (to be shown);
 * taking a seat, or the console going away, is told at once. */
static bool
wait_line(struct lin *l)
{
	struct pollfd pfd = { fileno(l->in), POLLIN, 0 };
	unsigned shown = l->w->broadcasts, seat = l->w->seat;

	if (l->hooks->sync == NULL)
		return true;
	for (;;) {
		l->hooks->sync(l->hooks->room, l->w, false);
		if (l->w->broadcasts != shown)
			return false;	/* a new one, even over the last */
		if (seat != l->w->seat && l->w->message != NULL) {
			fputc('\n', l->out);
			say(l, "", l->w->message);
			fputs("> ", l->out);
			fflush(l->out);
		}
		seat = l->w->seat;
		if (poll(&pfd, 1, 1000) != 0 || signals_pending() != 0)
			return true;	/* a line, its end, or an error */
	}
}

int
linear_run(struct wizard *w, const struct ui_hooks *hooks, FILE *in,
    FILE *out, bool utf8)
{
	struct lin l = { w, hooks, in, out, utf8 };
	struct view v;
	char buf[512];
	int r, sig;

	/* Unbuffered, so that poll() sees every line not yet read. */
	if (hooks->sync != NULL)
		setvbuf(in, NULL, _IONBF, 0);
	for (;;) {
		wizard_view(w, hooks->now(), &v);
		show(&l, &v);
		prompt(&l, &v);
		if (!wait_line(&l)) {
			view_free(&v);
			continue;
		}
		if (!read_answer(&l, buf, sizeof buf)) {
			view_free(&v);
			fputc('\n', out);
			if ((sig = signals_pending()) != 0)
				return sig;
			return 0;	/* the input ended: all is saved */
		}
		r = answer(&l, &v, buf);
		view_free(&v);
		if (hooks->sync != NULL)
			hooks->sync(hooks->room, w, true);
		if ((sig = signals_pending()) != 0)
			return sig;
		if (r & WZ_R_EXIT)
			return 0;
		if (r & WZ_R_WIPE)	/* a linear kiosk visit ends */
			wizard_reset(w);
	}
}
