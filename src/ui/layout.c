/* layout.c: wrapping a view into lines. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/qrtext.h"
#include "core/text.h"
#include "core/xmalloc.h"
#include "sys/i18n.h"
#include "sys/qr.h"
#include "ui/layout.h"

char *
layout_text(const char *s, bool utf8)
{
	return utf8 ? xstrdup(s) : text_ascii(s);
}

static struct lline *
push(struct layout *l)
{
	struct lline *ln;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	ln = &l->v[l->n++];
	memset(ln, 0, sizeof *ln);
	ln->item = -1;
	ln->block = -1;
	return ln;
}

static void
blank(struct layout *l)
{
	if (l->n > 0 && l->v[l->n - 1].text[0] != '\0')
		push(l)->text = xstrdup("");
}

/* Adds text wrapped to width, with prefix on the first line and a hanging
 * indent of the prefix's width on the others. */
static void
add_wrapped(struct layout *l, const char *text, const char *prefix,
    size_t indent, size_t width, enum lstyle style, long block, long item)
{
	struct text_line *tl;
	size_t i, n, pw = prefix != NULL ? text_width(prefix) : 0, w;
	struct lline *ln;

	w = width > indent + pw + 8 ? width - indent - pw : 8;
	n = text_wrap(text, w, &tl);
	for (i = 0; i < n; i++) {
		ln = push(l);
		ln->text = xstrndup(text + tl[i].off, tl[i].len);
		ln->indent = indent + (i == 0 ? 0 : pw);
		ln->prefix = i == 0 && prefix != NULL ? xstrdup(prefix) : NULL;
		ln->style = style;
		ln->block = block;
		ln->off = tl[i].off;
		ln->item = item;
		ln->item_first = item >= 0 && i == 0;
	}
	free(tl);
}

/* A list after a paragraph gets a blank line before it. */
static void
list_start(struct layout *l, long bi)
{
	if (l->n > 0 && (l->v[l->n - 1].style == LS_PLAIN ||
	    l->v[l->n - 1].style == LS_NOTE || l->v[l->n - 1].style ==
	    LS_CRUMB) && l->v[l->n - 1].prefix == NULL &&
	    l->v[l->n - 1].indent == 0 && bi > 0)
		blank(l);
}

static enum lstyle
swatch_style(int sw)
{
	static const enum lstyle styles[] = {
		[SW_PLAIN] = LS_PLAIN,
		[SW_TITLE] = LS_TITLE, [SW_HEADING] = LS_HEADING,
		[SW_NOTE] = LS_NOTE, [SW_CRUMB] = LS_CRUMB,
		[SW_LINK] = LS_LINK, [SW_DIM] = LS_DIM,
		[SW_FOCUS] = LS_FOCUS, [SW_ERROR] = LS_ERROR
	};

	if (sw < 0 || (size_t)sw >= sizeof styles / sizeof styles[0])
		return LS_PLAIN;
	return styles[sw];
}

static void
add_block(struct layout *l, const struct vblock *b, long bi, size_t width,
    bool utf8, const struct vblock *prev)
{
	char *text = layout_text(b->text, utf8), *prefix = NULL;
	enum lstyle style = LS_PLAIN;

	switch (b->kind) {
	case V_HEADING:
		blank(l);
		style = LS_HEADING;
		break;
	case V_TEXT:
		blank(l);
		break;
	case V_NOTE:
		blank(l);
		style = LS_NOTE;
		break;
	case V_BULLET:
		list_start(l, bi);
		prefix = xstrdup(utf8 ? "\u2022 " : "* ");
		break;
	case V_STEP:
		list_start(l, bi);
		prefix = xasprintf("%d. ", b->num);
		break;
	case V_FINAL:
		prefix = xasprintf("%d. ", b->num);
		style = LS_NOTE;
		break;
	case V_CRUMB:
		blank(l);
		style = LS_CRUMB;
		break;
	case V_LINK:
		style = LS_LINK;
		break;
	case V_DIM:
		if (l->n > 0 && l->v[l->n - 1].style != LS_DIM &&
		    l->v[l->n - 1].style != LS_HEADING)
			blank(l);
		style = LS_DIM;
		break;
	case V_QR:
		free(text);
		return;		/* see add_qr */
	case V_SWATCH:		/* samples one under the other */
		if (prev == NULL || (prev->kind != V_SWATCH &&
		    prev->kind != V_HEADING))
			blank(l);
		style = swatch_style(b->num);
		break;
	}
	add_wrapped(l, text, prefix, 0, width, style, bi, -1);
	free(prefix);
	free(text);
}

static void
add_items(struct layout *l, const struct view *v, size_t width, bool utf8)
{
	size_t i, lw, maxlw = 0, pw;
	char *label, *detail, *prefix, *group, *joined, num[8];

	for (i = 0; i < v->nitems; i++) {
		label = layout_text(v->items[i].label, utf8);
		if ((lw = text_width(label)) > maxlw)
			maxlw = lw;
		free(label);
	}
	blank(l);
	for (i = 0; i < v->nitems; i++) {
		const struct vitem *it = &v->items[i];

		if (it->group != NULL) {
			blank(l);
			group = layout_text(it->group, utf8);
			add_wrapped(l, group, NULL, 0, width, LS_GROUP, -1, -1);
			free(group);
		}
		label = layout_text(it->label, utf8);
		detail = it->detail != NULL ? layout_text(it->detail, utf8) :
		    NULL;
		/* digits 1-9 choose an item, so the first nine show theirs */
		if (i < 9)
			snprintf(num, sizeof num, "%zu", i + 1);
		else
			snprintf(num, sizeof num, " ");
		if (it->check >= 0)
			prefix = xasprintf("%s [%c] ", num, it->check ? 'x' : ' ');
		else
			prefix = xasprintf("%s  ", num);
		pw = text_width(prefix);
		lw = text_width(label);
		if (detail != NULL && 2 + pw + maxlw + 2 + text_width(detail) <=
		    width) {
			joined = xasprintf("%s%*s%s", label,
			    (int)(maxlw - lw + 2), "", detail);
			add_wrapped(l, joined, prefix, 2, width, LS_ITEM, -1,
			    (long)i);
			free(joined);
		} else {
			add_wrapped(l, label, prefix, 2, width, LS_ITEM, -1,
			    (long)i);
			if (detail != NULL)
				add_wrapped(l, detail, NULL, 2 + pw, width,
				    LS_DIM, -1, (long)i);
		}
		free(prefix);
		free(label);
		free(detail);
	}
}

const struct qr_matrix *
qr_cache_get(struct qr_cache *c, const char *text, bool alnum)
{
	if (c->text == NULL || strcmp(c->text, text) != 0 ||
	    c->alnum != alnum) {
		qr_cache_free(c);
		c->text = xstrdup(text);
		c->alnum = alnum;
		c->ok = qr_encode(text, alnum, &c->m);
	}
	return c->ok ? &c->m : NULL;
}

void
qr_cache_free(struct qr_cache *c)
{
	free(c->text);
	qr_matrix_free(&c->m);
	memset(c, 0, sizeof *c);
}

/* A QR code's lines, or (inline false, or no room) a line on how to see
 * it. Nothing where QR codes cannot be drawn. */
static void
add_qr(struct layout *l, const struct vblock *b, long bi,
    const struct layout_room *room, bool inline_ok)
{
	const struct qr_matrix *m;
	struct lline *ln;
	size_t n, i, cols, rows;
	char **lines, *hint;

	if (!room->qr || (m = qr_cache_get(room->cache, b->text,
	    b->num == VQR_CODE)) == NULL)
		return;
	qrtext_size(m, room->utf8, &cols, &rows);
	if (!inline_ok || cols > room->width || rows > room->height) {
		hint = layout_text(b->num == VQR_CODE ? _("Key z: the code "
		    "as a QR code.") : _("Key z: the link as a QR code, to "
		    "open it on your phone."), room->utf8);
		add_wrapped(l, hint, NULL, 0, room->width, LS_DIM, bi, -1);
		free(hint);
		return;
	}
	n = qrtext_render(m, room->utf8, &lines);
	for (i = 0; i < n; i++) {
		ln = push(l);
		ln->text = lines[i];		/* taken over */
		ln->style = LS_QR;
		ln->block = bi;
	}
	free(lines);
}

static void
build(const struct view *v, const struct layout_room *room, bool qr_inline,
    struct layout *l)
{
	size_t i;

	memset(l, 0, sizeof *l);
	l->focus_line = -1;
	for (i = 0; i < v->nblocks; i++) {
		if (v->blocks[i].kind == V_QR)
			add_qr(l, &v->blocks[i], (long)i, room, qr_inline);
		else
			add_block(l, &v->blocks[i], (long)i, room->width,
			    room->utf8, i > 0 ? &v->blocks[i - 1] : NULL);
	}
	if (v->nitems > 0)
		add_items(l, v, room->width, room->utf8);
	/* no blank line at the very top */
	if (l->n > 0 && l->v[0].text[0] == '\0') {
		free(l->v[0].text);
		memmove(l->v, l->v + 1, (l->n - 1) * sizeof *l->v);
		l->n--;
	}
	for (i = 0; i < l->n; i++) {
		if (l->v[i].item_first && (size_t)l->v[i].item == v->focus) {
			l->focus_line = (long)i;
			break;
		}
	}
}

void
layout_build(const struct view *v, const struct layout_room *room,
    struct layout *l)
{
	size_t i;

	build(v, room, true, l);
	if (v->nitems == 0 || l->n <= room->height)
		return;
	/* choices must stay in view with the code: then the code goes to
	 * its own screen (key z) */
	for (i = 0; i < l->n && l->v[i].style != LS_QR; i++)
		;
	if (i < l->n) {
		layout_free(l);
		build(v, room, false, l);
	}
}

void
layout_free(struct layout *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].text);
		free(l->v[i].prefix);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}
