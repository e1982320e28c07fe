/* ui.c: the full-screen front end: terminal set-up, drawing, keys. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/qrtext.h"
#include "core/text.h"
#include "core/xmalloc.h"
#include "sys/i18n.h"
#include "sys/signals.h"
#include "ui/curses.h"
#include "ui/draw.h"
#include "ui/layout.h"
#include "ui/ui.h"

#define CONTROL(c)	((c) & 0x1f)
#define MAX_STATUS	3	/* rows a long message may wrap to */

struct ui {
	struct wizard		*w;
	const struct ui_hooks	*hooks;
	bool			 utf8;		/* glyphs now: wizard_utf8() */
	struct theme		 th;
	struct view		 view;
	struct layout		 lay;
	size_t			 top;		/* first content line shown */
	long			 anchor_block;	/* keeps the place on resize */
	size_t			 anchor_off;
	bool			 more_below;
	bool			 too_small;
	bool			 qr_full;	/* the QR code fills the screen */
	struct qr_cache		 qr;
	bool			 done;		/* the person chose to leave */
	bool			 to_linear;	/* ... for the linear mode */
	size_t			 key_rows;	/* 1 or 2 lines of keys */
	const struct ui_config	*cfg;
	double			 last_key;	/* monotonic seconds */
	int			 input_x;	/* cursor column of the input */
	int			 status_rows;	/* the message's rows (1..3) */
};

int
ui_check_terminal(char **why)
{
	const char *term = getenv("TERM");
	char *cup;
	int err = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*why = xstrdup(_("This needs an interactive terminal, but "
		    "the input or output is not one (a pipe, a file, or ssh "
		    "without -t)."));
		return -1;
	}
	if (term == NULL || *term == '\0') {
		*why = xstrdup(_("The TERM variable is not set, so optout "
		    "does not know how to draw. Set it, for example: "
		    "TERM=xterm-256color optout"));
		return -1;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		*why = xasprintf(_("This system does not know the terminal "
		    "type \"%s\" (TERM). Try TERM=xterm-256color or "
		    "TERM=vt100."), term);
		return -1;
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		*why = xasprintf(_("The terminal type \"%s\" cannot move the "
		    "cursor, so the full-screen mode cannot work. Try "
		    "TERM=xterm-256color or TERM=vt100."), term);
		del_curterm(cur_term);
		return -1;
	}
	del_curterm(cur_term);
	return 0;
}

static attr_t
style_attr(const struct ui *u, enum lstyle s)
{
	switch (s) {
	case LS_HEADING:
		return u->th.heading;
	case LS_NOTE:
		return u->th.note;
	case LS_CRUMB:
		return u->th.crumb;
	case LS_LINK:
		return u->th.link;
	case LS_DIM:
		return u->th.dim;
	case LS_GROUP:
		return u->th.group;
	case LS_TITLE:
		return u->th.title;
	case LS_FOCUS:
		return u->th.focus;
	case LS_ERROR:
		return u->th.error;
	default:
		return A_NORMAL;
	}
}

/* Rows: the title, a blank, the content, the status rows, the keys. */
static size_t
content_height(const struct ui *u)
{
	size_t other = 2 + (size_t)u->status_rows + u->key_rows;

	return (size_t)LINES > other ? (size_t)LINES - other : 1;
}

/* The last status row (the search input, the "more below" mark). */
static int
status_row(const struct ui *u)
{
	return LINES - 1 - (int)u->key_rows;
}

static void
draw_title(struct ui *u)
{
	char *title, *ctx = NULL, *full;
	size_t cw = 0;

	draw_fill_line(0, u->th.title);
	attrset(u->th.title);
	title = layout_text(u->view.title != NULL ? u->view.title : "", u->utf8);
	full = xasprintf(" optout %s %s", u->utf8 ? "\u2502" : "|", title);
	if (u->view.context != NULL) {
		ctx = layout_text(u->view.context, u->utf8);
		cw = text_width(ctx) + 1;
		if (cw + 20 > (size_t)COLS) {
			free(ctx);
			ctx = NULL;
			cw = 0;
		}
	}
	draw_put(0, 0, full, (size_t)COLS - cw);
	if (ctx != NULL)
		draw_put(0, COLS - (int)cw, ctx, cw);
	attrset(A_NORMAL);
	free(full);
	free(title);
	free(ctx);
}

static const char *
hint_key(enum vkey_kind k, bool utf8)
{
	switch (k) {
	case VK_MOVE:
	case VK_SCROLL:
		return utf8 ? "\u2191\u2193" : _("Up/Down");
	case VK_TICK:
		return _("Space");
	case VK_ENTER:
		return "Enter";
	case VK_OPEN:
		return utf8 ? "\u2192" : _("Right");
	case VK_BACK:
		return "Esc";
	case VK_HELP:
		return "?";
	case VK_SEARCH:
		return "/";
	case VK_HAND:
		return "h";
	case VK_CODE:
		return "c";
	case VK_QR:
		return "z";
	case VK_QUIT:
		return "q";
	default:
		return view_key_letter(k);
	}
}

/* On a text page with more below, Enter shows the rest first. */
static bool
enter_reads_on(const struct ui *u, enum vkey_kind k)
{
	return k == VK_ENTER && u->more_below && u->view.nitems == 0 &&
	    u->view.input == NULL;
}

/* Keys every screen has; on two key lines they get the second. */
static bool
global_key(enum vkey_kind k)
{
	return k == VK_HELP || k == VK_QUIT || k == VK_LANG_DE ||
	    k == VK_LANG_EN || k == VK_LINEAR || k == VK_HAND;
}

static char *
key_label(const struct ui *u, const struct vkey *k)
{
	return layout_text(enter_reads_on(u, k->kind) ? _("read on") :
	    k->label, u->utf8);
}

/* Columns a key takes, with the gap after it. For Enter on a text page
 * the longer of its labels: whether it reads on is known only later. */
static size_t
key_width(const struct ui *u, const struct vkey *k)
{
	char *label = layout_text(k->label, u->utf8);
	size_t w = text_width(label), r;

	free(label);
	if (k->kind == VK_ENTER && u->view.nitems == 0 &&
	    u->view.input == NULL) {
		label = layout_text(_("read on"), u->utf8);
		if ((r = text_width(label)) > w)
			w = r;
		free(label);
	}
	return text_width(hint_key(k->kind, u->utf8)) + 1 + w + 2;
}

/* Two lines of keys: this screen's, then those of every screen, always
 * in the same place. One line only where the window is short and all
 * of them fit. */
static size_t
count_key_rows(const struct ui *u)
{
	size_t i, total = 1;

	if (LINES >= 20)
		return 2;
	for (i = 0; i < u->view.nkeys; i++)
		total += key_width(u, &u->view.keys[i]);
	return total <= (size_t)COLS ? 1 : 2;
}

/* Draws on row y the keys that want (0: all, 1: this screen's, 2: every
 * screen's); what does not fit is left out, Enter, help, quit and the
 * language last. */
static void
draw_key_row(struct ui *u, int y, int want)
{
	const struct view *v = &u->view;
	size_t i, x = 1, total = 1, need;
	char *label;
	bool *show = xcalloc(v->nkeys + 1, sizeof *show);
	static const enum vkey_kind prio[] = {
		VK_ENTER, VK_CODE, VK_HELP, VK_QUIT, VK_LANG_DE, VK_LANG_EN,
		VK_HAND, VK_MOVE, VK_SCROLL, VK_TICK, VK_BACK, VK_LABELS,
		VK_GLYPHS, VK_LINEAR, VK_QR, VK_SEARCH, VK_OPEN
	};
	size_t p;

	draw_fill_line(y, A_NORMAL);
	for (p = 0; p < sizeof prio / sizeof prio[0]; p++) {
		for (i = 0; i < v->nkeys; i++) {
			if (v->keys[i].kind != prio[p] || (want == 1 &&
			    global_key(v->keys[i].kind)) || (want == 2 &&
			    !global_key(v->keys[i].kind)) ||
			    (prio[p] == VK_QR && !u->th.qr))
				continue;
			need = key_width(u, &v->keys[i]);
			if (total + need <= (size_t)COLS) {
				show[i] = true;
				total += need;
			}
		}
	}
	for (i = 0; i < v->nkeys; i++) {
		if (!show[i])
			continue;
		label = key_label(u, &v->keys[i]);
		attrset(u->th.key);
		draw_put(y, (int)x, hint_key(v->keys[i].kind, u->utf8),
		    draw_avail(x));
		x += text_width(hint_key(v->keys[i].kind, u->utf8)) + 1;
		attrset(A_NORMAL);
		draw_put(y, (int)x, label, draw_avail(x));
		x += text_width(label) + 2;
		free(label);
	}
	free(show);
}

static void
draw_keys(struct ui *u)
{
	if (u->key_rows == 1)
		draw_key_row(u, LINES - 1, 0);
	else {
		draw_key_row(u, LINES - 2, 1);
		draw_key_row(u, LINES - 1, 2);
	}
}

/* Draws "Search: text" on the status line; returns the cursor column. */
static int
draw_input(struct ui *u)
{
	const struct view *v = &u->view;
	char *label = layout_text(v->input_label, u->utf8);
	char *text = layout_text(v->input, u->utf8);
	size_t x = 1;

	attrset(u->th.key);
	draw_put(status_row(u), (int)x, label, draw_avail(x));
	x += text_width(label) + 1;
	attrset(A_UNDERLINE);
	draw_put(status_row(u), (int)x, text, draw_avail(x));
	x += text_width(text);
	attrset(A_NORMAL);
	free(label);
	free(text);
	return x < (size_t)COLS ? (int)x : COLS - 1;
}

static const char *
status_message(const struct view *v)
{
	return v->banner != NULL ? v->banner : v->message;
}

/* The columns a message has beside the "more below" mark. */
static size_t
message_width(const struct ui *u)
{
	char *a = layout_text(_("more below \u2193"), u->utf8);
	char *b = layout_text(_("end \u2191"), u->utf8);
	size_t mw = (text_width(a) > text_width(b) ? text_width(a) :
	    text_width(b)) + 1;

	free(a);
	free(b);
	return (size_t)COLS > mw + 2 ? (size_t)COLS - mw - 2 : 1;
}

/* How many rows the message takes: a long one (a failed save names the
 * file and the reason) wraps instead of losing its end. */
static void
measure_status(struct ui *u)
{
	const char *msg = status_message(&u->view);
	struct text_line *tl;
	char *text;
	size_t n;

	u->status_rows = 1;
	if (msg == NULL)
		return;
	text = layout_text(msg, u->utf8);
	n = text_wrap(text, message_width(u), &tl);
	u->status_rows = n > MAX_STATUS ? MAX_STATUS : n < 1 ? 1 : (int)n;
	free(tl);
	free(text);
}

static void
draw_status(struct ui *u)
{
	const struct view *v = &u->view;
	const char *msg = status_message(v);
	bool error = v->banner != NULL || v->message_error;
	char *text, *more = NULL;
	struct text_line *tl;
	size_t n, i;
	int r, top = status_row(u) + 1 - u->status_rows;

	for (r = top; r <= status_row(u); r++)
		draw_fill_line(r, A_NORMAL);
	if (v->input != NULL && msg == NULL) {
		u->input_x = draw_input(u);
		return;
	}
	if (u->more_below || u->top > 0) {
		more = layout_text(u->more_below ? _("more below \u2193") :
		    _("end \u2191"), u->utf8);
		attrset(u->th.more);
		draw_put(status_row(u), COLS - (int)text_width(more) - 1, more,
		    text_width(more) + 1);
		attrset(A_NORMAL);
		free(more);
	}
	if (msg == NULL)
		return;
	text = layout_text(msg, u->utf8);
	n = text_wrap(text, message_width(u), &tl);
	attrset(error ? u->th.error : u->th.note);
	for (i = 0; i < n && i < (size_t)u->status_rows; i++)
		mvaddnstr(top + (int)i, 1, text + tl[i].off, (int)tl[i].len);
	attrset(A_NORMAL);
	free(tl);
	free(text);
}

static void
draw_too_small(struct ui *u)
{
	char *msg;
	struct text_line *tl;
	size_t n, i;

	erase();
	msg = layout_text(_("The window is too small for optout. Please make "
	    "it larger (or the font smaller). Or press l for the linear mode: "
	    "plain lines, at any size."), u->utf8);
	n = text_wrap(msg, COLS > 2 ? (size_t)COLS - 2 : 1, &tl);
	for (i = 0; i < n && (int)i < LINES; i++)
		mvaddnstr((int)i, COLS > 2 ? 1 : 0, msg + tl[i].off,
		    (int)tl[i].len);
	if ((int)n + 1 < LINES) {
		char *size = xasprintf(_("Needed: %d x %d, now: %d x %d."),
		    UI_MIN_COLS, UI_MIN_LINES, COLS, LINES);

		draw_put((int)n + 1, 1, size, (size_t)COLS - 1);
		free(size);
	}
	free(tl);
	free(msg);
	move(0, COLS > 2 ? 1 : 0);	/* where the message starts */
	refresh();
}

/* Chooses the first line to show so that the focus (or the place kept
 * across a resize) is visible. */
static void
scroll_to_fit(struct ui *u)
{
	size_t h = content_height(u), i;
	const struct layout *l = &u->lay;

	if (u->view.nitems > 0 && l->focus_line >= 0) {
		size_t f = (size_t)l->focus_line, last = f;

		while (last + 1 < l->n && l->v[last + 1].item ==
		    l->v[f].item)
			last++;
		if (u->top > f)
			u->top = f;
		if (last >= u->top + h)
			u->top = last + 1 - h;
		/* show the intro when the list is short enough */
		if (l->n <= h)
			u->top = 0;
	} else if (u->anchor_block >= 0) {
		for (i = 0; i < l->n; i++) {
			if (l->v[i].block > u->anchor_block ||
			    (l->v[i].block == u->anchor_block &&
			    l->v[i].off + strlen(l->v[i].text) > u->anchor_off)) {
				u->top = i;
				break;
			}
		}
		u->anchor_block = -1;
	}
	if (l->n <= h)
		u->top = 0;
	else if (u->top > l->n - h)
		u->top = l->n - h;
	u->more_below = u->top + h < l->n;
}

static void
remember_place(struct ui *u)
{
	if (u->top < u->lay.n && u->lay.v[u->top].block >= 0) {
		u->anchor_block = u->lay.v[u->top].block;
		u->anchor_off = u->lay.v[u->top].off;
	}
}

static void draw(struct ui *);

/* One line of a QR code, dark on light whatever the terminal's colours
 * (see theme_qr). "##" gets black on black, so that the cell is dark
 * even where a font draws '#' thin. */
static void
draw_qr_line(const struct ui *u, int y, int x, const char *s)
{
	size_t n;

	move(y, x);
	while (*s != '\0' && x < COLS) {
		n = strspn(s, "#");
		if (n == 0)
			n = strcspn(s, "#");
		attrset(*s == '#' ? u->th.qr_dark : u->th.qr_light);
		addnstr(s, (int)n);
		s += n;
		x += (int)n;	/* bytes; only used to stop at the edge */
	}
	attrset(A_NORMAL);
}

/* The view's QR code, or NULL. */
static const struct vblock *
view_qr(const struct view *v)
{
	size_t i;

	for (i = 0; i < v->nblocks; i++) {
		if (v->blocks[i].kind == V_QR)
			return &v->blocks[i];
	}
	return NULL;
}

/* Key z: the QR code alone on the screen, as large as a phone needs it
 * and more often fitting than within the text. */
static void
draw_qr_full(struct ui *u)
{
	const struct vblock *b = view_qr(&u->view);
	const struct qr_matrix *m;
	size_t cols, rows, n, i;
	char **rows_text, *say;
	int top, left;

	erase();
	if (b == NULL || (m = qr_cache_get(&u->qr, b->text, b->num ==
	    VQR_CODE)) == NULL) {
		u->qr_full = false;
		draw(u);
		return;
	}
	qrtext_size(m, u->utf8, &cols, &rows);
	if (cols > (size_t)COLS || rows + 1 > (size_t)LINES) {
		say = xasprintf(_("The window is too small for this QR code: "
		    "it needs %zu columns and %zu lines. Any key: back."),
		    cols, rows + 1);
		draw_put(0, 0, say, (size_t)COLS);
		free(say);
		move(0, 0);
	} else {
		top = (int)((size_t)LINES - 1 - rows) / 2;
		left = (int)((size_t)COLS - cols) / 2;
		n = qrtext_render(m, u->utf8, &rows_text);
		for (i = 0; i < n; i++)
			draw_qr_line(u, top + (int)i, left, rows_text[i]);
		qrtext_free(rows_text, n);
		say = layout_text(_("Scan it with your phone's camera. Any "
		    "key: back."), u->utf8);
		attrset(u->th.key);
		draw_put(LINES - 1, 1, say, (size_t)COLS - 1);
		attrset(A_NORMAL);
		free(say);
		move(LINES - 1, 1);
	}
	refresh();
}

static void
draw(struct ui *u)
{
	size_t h, i, width, x;
	int cy = 2, cx = 2, y;
	const struct lline *ln;
	struct layout_room lr;
	bool text_cursor;

	view_free(&u->view);
	u->utf8 = wizard_utf8(u->w);
	wizard_view(u->w, u->hooks->now(), &u->view);
	u->too_small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
	if (u->too_small) {
		draw_too_small(u);
		return;
	}
	if (u->qr_full) {
		draw_qr_full(u);
		return;
	}
	u->key_rows = count_key_rows(u);
	measure_status(u);
	width = (size_t)COLS - 4;
	layout_free(&u->lay);
	lr.width = width;
	lr.height = content_height(u);
	lr.utf8 = u->utf8;
	lr.qr = u->th.qr;
	lr.cache = &u->qr;
	layout_build(&u->view, &lr, &u->lay);
	scroll_to_fit(u);

	erase();
	draw_title(u);
	h = content_height(u);
	text_cursor = u->view.nitems == 0;
	for (i = 0; i < h && u->top + i < u->lay.n; i++) {
		ln = &u->lay.v[u->top + i];
		y = 2 + (int)i;
		x = 2 + ln->indent;
		/* text screens: the cursor reads from the first line shown */
		if (text_cursor && (ln->text[0] != '\0' || ln->prefix != NULL)) {
			cy = y;
			cx = (int)x;
			text_cursor = false;
		}
		if (ln->item >= 0 && (size_t)ln->item == u->view.focus &&
		    ln->style == LS_ITEM) {
			/* The focus: the margin in reverse video, a block
			 * from the edge to the item's number with ">" in it
			 * (one column beside further lines), and the cursor
			 * on the item. The item itself stays plain: a move
			 * then sends 29 bytes instead of 146, as few as
			 * whiptail (docs/performance.md). */
			attrset(u->th.focus);
			mvhline(y, 0, ' ', ln->item_first ? (int)x : 1);
			if (ln->item_first) {
				mvaddstr(y, 0, ">");
				cy = y;
				cx = (int)x;
			}
			attrset(A_NORMAL);
		} else
			attrset(style_attr(u, ln->style));
		if (ln->style == LS_QR) {
			draw_qr_line(u, y, (int)x, ln->text);
			continue;
		}
		if (ln->prefix != NULL) {
			draw_put(y, (int)x, ln->prefix, draw_avail(x));
			x += text_width(ln->prefix);
		}
		draw_put(y, (int)x, ln->text, draw_avail(x));
		attrset(A_NORMAL);
	}
	draw_status(u);
	draw_keys(u);
	if (u->view.input_active) {	/* typing: the cursor is in the input */
		cy = status_row(u);
		cx = u->input_x;
	}
	move(cy, cx);
	refresh();
}

static bool
handle_signal(struct ui *u, int *result)
{
	int sig = signals_pending();

	(void)u;
	if (sig == 0)
		return false;
	*result = sig;
	return true;
}

static void wipe(struct ui *);

static void
apply(struct ui *u, struct wz_event ev)
{
	long top_block = u->top < u->lay.n ? u->lay.v[u->top].block : -1;
	int r = ui_apply_event(u->w, u->hooks, ev);

	if (r & WZ_R_SCREEN) {
		u->top = 0;
		u->anchor_block = -1;
	} else if ((r & WZ_R_LANG) && top_block >= 0) {
		/* the same page in the other language, re-wrapped: from the
		 * paragraph that was on top */
		u->anchor_block = top_block;
		u->anchor_off = 0;
	}
	if (r & WZ_R_EXIT)
		u->done = true;
	if (r & WZ_R_FRONTEND) {
		u->done = true;
		u->to_linear = true;
	}
	if (r & WZ_R_WIPE)
		wipe(u);
	if (r & WZ_R_PRINT) {
		/* the command gets an ordinary terminal, and we get ours
		 * back afterwards, repainted */
		def_prog_mode();
		endwin();
		ui_print_receipt(u->w, u->hooks);
		reset_prog_mode();
		clearok(curscr, TRUE);
		refresh();
	}
}

static void
scroll_by(struct ui *u, long delta)
{
	long top = (long)u->top + delta;

	u->top = top < 0 ? 0 : (size_t)top;
	/* a page that starts with a blank line wastes the first row */
	if (delta > 1)
		while (u->top + 1 < u->lay.n && u->lay.v[u->top].text[0] == '\0')
			u->top++;
	u->anchor_block = -1;
}

/* Keys while the person types into the search line. */
static bool
typing_key(struct ui *u, int type, wint_t ch)
{
	struct wz_event ev = { WZ_CHAR, 0 };

	if (!u->view.input_active)
		return false;
	if (type == KEY_CODE_YES) {
		if (ch == KEY_BACKSPACE)
			ev.kind = WZ_ERASE;
		else if (ch == KEY_ENTER)
			ev.kind = WZ_NEXT;
		else if (ch == KEY_UP || ch == KEY_DOWN) {
			ev.kind = ch == KEY_UP ? WZ_UP : WZ_DOWN;
		} else
			return ch != KEY_RESIZE;
	} else if (ch == 127 || ch == CONTROL('h'))
		ev.kind = WZ_ERASE;
	else if (ch == '\r' || ch == '\n')
		ev.kind = WZ_NEXT;
	else if (ch == 27)
		ev.kind = WZ_BACK;
	else if (ch >= 0x20)
		ev.n = (int)ch;
	else
		return true;	/* other control keys do nothing here */
	apply(u, ev);
	return true;
}

static void
key(struct ui *u, int type, wint_t ch)
{
	bool text = u->view.nitems == 0 && u->view.input == NULL;

	if (typing_key(u, type, ch))
		return;
	size_t page = content_height(u) > 1 ? content_height(u) - 1 : 1;
	struct wz_event ev = { WZ_NEXT, 0 };
	size_t i;

	if (type == KEY_CODE_YES) {
		switch (ch) {
		case KEY_RESIZE:
			remember_place(u);
			return;
		case KEY_UP:
			if (text)
				scroll_by(u, -1);
			else
				apply(u, (struct wz_event){ WZ_UP, 0 });
			return;
		case KEY_DOWN:
			if (text)
				scroll_by(u, 1);
			else
				apply(u, (struct wz_event){ WZ_DOWN, 0 });
			return;
		case KEY_PPAGE:
		case KEY_NPAGE:
			if (text) {
				scroll_by(u, ch == KEY_PPAGE ? -(long)page :
				    (long)page);
				return;
			}
			for (i = 0; i < page; i++)
				apply(u, (struct wz_event){ ch == KEY_PPAGE ?
				    WZ_UP : WZ_DOWN, 0 });
			return;
		case KEY_HOME:
			if (text)
				u->top = 0;
			else
				apply(u, (struct wz_event){ WZ_HOME, 0 });
			return;
		case KEY_END:
			if (text)
				u->top = u->lay.n;
			else
				apply(u, (struct wz_event){ WZ_END, 0 });
			return;
		case KEY_ENTER:
			break;
		case KEY_RIGHT:
			ev.kind = WZ_OPEN;
			apply(u, ev);
			return;
		case KEY_LEFT:
		case KEY_BACKSPACE:
			ev.kind = WZ_BACK;
			apply(u, ev);
			return;
		case KEY_F(1):
			ev.kind = WZ_HELP;
			apply(u, ev);
			return;
		default:
			return;
		}
	} else {
		switch (ch) {
		case '\r':
		case '\n':
			break;
		case ' ':
			if (text)
				scroll_by(u, (long)page);
			else
				apply(u, (struct wz_event){ WZ_TICK, 0 });
			return;
		case 'k':
			key(u, KEY_CODE_YES, KEY_UP);
			return;
		case 'j':
			key(u, KEY_CODE_YES, KEY_DOWN);
			return;
		case 27:		/* Esc */
		case 127:
		case CONTROL('h'):
			ev.kind = WZ_BACK;
			apply(u, ev);
			return;
		case '?':
			ev.kind = WZ_HELP;
			apply(u, ev);
			return;
		case '/':
			ev.kind = WZ_FILTER;
			apply(u, ev);
			return;
		case 'c':
		case 'C':
			ev.kind = WZ_CODE;
			apply(u, ev);
			return;
		case 'z':
		case 'Z':
			u->qr_full = u->th.qr && view_qr(&u->view) != NULL;
			return;
		case 'q':
		case 'Q':
			ev.kind = WZ_QUIT;
			apply(u, ev);
			return;
		case 'h':
		case 'H':
			ev.kind = WZ_HAND;	/* in a workshop */
			apply(u, ev);
			return;
		case 'l':
		case 'L':
			ev.kind = WZ_LINEAR;
			apply(u, ev);
			return;
		case 'd':
		case 'D':
		case 'e':
		case 'E':
			ev.kind = WZ_LANG;
			ev.n = ch == 'd' || ch == 'D' ? LANG_DE : LANG_EN;
			apply(u, ev);
			return;
		case 'm':
		case 'M':
			ev.kind = WZ_LABELS;
			apply(u, ev);
			return;
		case 'a':
		case 'A':
			ev.kind = WZ_GLYPHS;
			apply(u, ev);
			return;
		case CONTROL('l'):
			clearok(curscr, TRUE);
			return;
		default:
			if (ch >= '1' && ch <= '9') {
				ev.kind = WZ_PICK;
				ev.n = (int)(ch - '0');
				apply(u, ev);
			}
			return;
		}
	}
	/* Enter: on a long text, first show the rest of it. */
	if (text && u->more_below) {
		scroll_by(u, (long)page);
		return;
	}
	apply(u, ev);
}

/* Sends a terminfo string capability, if the terminal has it. */
static void
put_cap(const char *name)
{
	char *cap = tigetstr(name);

	if (cap != NULL && cap != (char *)-1) {
		putp(cap);
		fflush(stdout);
	}
}

/* The end of a kiosk visit: nothing of it stays in memory, on the screen
 * or in the terminal's scrollback. */
static void
wipe(struct ui *u)
{
	wizard_reset(u->w);
	i18n_set_lang(u->w->lang);
	u->qr_full = false;
	qr_cache_free(&u->qr);		/* it may hold the visitor's code */
	u->top = 0;
	u->anchor_block = -1;
	view_free(&u->view);
	layout_free(&u->lay);
	erase();
	clear();
	refresh();
	put_cap("E3");		/* clear the scrollback */
	clearok(curscr, TRUE);
	if (u->w->linear) {	/* the next visit starts in the linear mode */
		u->done = true;
		u->to_linear = true;
	}
}

void
ui_wipe_terminal(void)
{
	int err = 0;

	fflush(stdout);
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return;
	put_cap("clear");
	put_cap("E3");
	del_curterm(cur_term);
}

/* Kiosk: after idle_seconds without a key a countdown, then a wipe. */
static void
check_idle(struct ui *u)
{
	double idle = draw_mono() - u->last_key;
	int left;

	if (!u->cfg->kiosk)
		return;
	if (idle < u->cfg->idle_seconds) {
		u->w->idle_left = -1;
		return;
	}
	u->qr_full = false;	/* the warning must be seen */
	left = u->cfg->idle_seconds + u->cfg->idle_warning_seconds -
	    (int)idle;
	if (left <= 0) {
		wipe(u);
		u->last_key = draw_mono();
	} else
		u->w->idle_left = left;
}

int
ui_run(struct wizard *w, const struct ui_hooks *hooks,
    const struct ui_config *cfg)
{
	struct ui u;
	SCREEN *scr;
	wint_t ch;
	int type, errs = 0, result = 0;
	bool ticking, pressed = false;

	memset(&u, 0, sizeof u);
	u.w = w;
	u.hooks = hooks;
	u.utf8 = wizard_utf8(w);
	u.anchor_block = -1;
	u.status_rows = 1;
	u.cfg = cfg;
	u.last_key = draw_mono();

	if ((scr = draw_start(cfg->raw_keys)) == NULL)
		return -1;
	w->colour = draw_theme_init(&u.th);
	w->switch_ok = true;	/* the linear mode works on any terminal */

	/* A kiosk wakes up every second for the idle countdown, a workshop
	 * seat for the trainer's room. */
	ticking = cfg->kiosk || hooks->sync != NULL;
	timeout(ticking ? 1000 : -1);
	while (!u.done) {
		if (handle_signal(&u, &result))
			break;
		check_idle(&u);
		if (hooks->sync != NULL)
			hooks->sync(hooks->room, w, pressed);
		pressed = false;
		draw(&u);
		if ((type = draw_key(&ch, &errs)) == DRAW_GONE) {
			result = -1;	/* the terminal is gone */
			break;
		}
		if (type == ERR)
			continue;
		if (type == KEY_CODE_YES && ch == KEY_RESIZE) {
			key(&u, type, ch);	/* not a key a person pressed */
			continue;
		}
		u.last_key = draw_mono();
		pressed = true;
		if (w->idle_left >= 0) {	/* any key: the visit goes on */
			w->idle_left = -1;
			continue;
		}
		if (w->broadcast != BROADCAST_NONE) {	/* any key: read */
			wizard_show_broadcast(w, BROADCAST_NONE, NULL);
			continue;
		}
		if (u.qr_full) {		/* any key: back to the text */
			if (!(type == KEY_CODE_YES && ch == KEY_RESIZE))
				u.qr_full = false;
			continue;
		}
		if (cfg->raw_keys && type == OK && (ch == CONTROL('c') ||
		    ch == CONTROL('z') || ch == CONTROL('\\'))) {
			/* no signal in raw mode; in a kiosk none leaves */
			if (ch == CONTROL('c') && !cfg->kiosk)
				apply(&u, (struct wz_event){ WZ_QUIT, 0 });
			continue;
		}
		if (u.too_small) {
			if (type == OK && (ch == 'q' || ch == 'Q') &&
			    !cfg->kiosk)
				break;
			if (type == OK && (ch == 'l' || ch == 'L'))
				apply(&u, (struct wz_event){ WZ_LINEAR, 0 });
			continue;
		}
		key(&u, type, ch);
	}
	/* One more try if the last save failed: the disk may have room now. */
	if (w->save_error != NULL) {
		char *err = NULL;

		if (hooks->save(hooks->ctx, &err) == -1)
			free(err);
	}
	view_free(&u.view);
	layout_free(&u.lay);
	qr_cache_free(&u.qr);
	draw_stop(scr);
	return u.to_linear && result == 0 ? UI_SWITCH : result;
}
