/* view.c: building and freeing views. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/view.h"
#include "core/xmalloc.h"

void
view_add_block(struct view *v, enum vkind kind, int num, const char *text)
{
	v->blocks = xreallocarray(v->blocks, v->nblocks + 1, sizeof *v->blocks);
	v->blocks[v->nblocks].kind = kind;
	v->blocks[v->nblocks].num = num;
	v->blocks[v->nblocks].text = xstrdup(text);
	v->nblocks++;
}

void
view_add_blockf(struct view *v, enum vkind kind, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	view_add_block(v, kind, 0, s);
	free(s);
}

void
view_add_item(struct view *v, const char *label, const char *detail,
    int check, const char *group)
{
	struct vitem *it;

	v->items = xreallocarray(v->items, v->nitems + 1, sizeof *v->items);
	it = &v->items[v->nitems++];
	it->label = xstrdup(label);
	it->detail = detail != NULL ? xstrdup(detail) : NULL;
	it->check = check;
	it->group = group != NULL ? xstrdup(group) : NULL;
}

void
view_add_key(struct view *v, enum vkey_kind kind, const char *label)
{
	v->keys = xreallocarray(v->keys, v->nkeys + 1, sizeof *v->keys);
	v->keys[v->nkeys].kind = kind;
	v->keys[v->nkeys].label = xstrdup(label);
	v->nkeys++;
}

void
view_free(struct view *v)
{
	size_t i;

	free(v->title);
	free(v->context);
	for (i = 0; i < v->nblocks; i++)
		free(v->blocks[i].text);
	free(v->blocks);
	for (i = 0; i < v->nitems; i++) {
		free(v->items[i].label);
		free(v->items[i].detail);
		free(v->items[i].group);
	}
	free(v->items);
	free(v->enter_label);
	for (i = 0; i < v->nkeys; i++)
		free(v->keys[i].label);
	free(v->keys);
	free(v->message);
	free(v->banner);
	free(v->input_label);
	free(v->input);
	memset(v, 0, sizeof *v);
}

const char *
view_key_letter(enum vkey_kind k)
{
	switch (k) {
	case VK_LANG_DE:
		return "d";
	case VK_LANG_EN:
		return "e";
	case VK_LINEAR:
		return "l";
	case VK_LABELS:
		return "m";
	case VK_GLYPHS:
		return "a";
	default:
		return NULL;
	}
}
