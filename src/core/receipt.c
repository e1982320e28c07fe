/* receipt.c: the receipt's content once, then four ways to write it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/letter.h"
#include "core/receipt.h"
#include "core/resume.h"
#include "core/text.h"
#include "core/words.h"
#include "core/xmalloc.h"

static const char *const format_codes[RECEIPT_FORMAT_COUNT] = {
	"text", "md", "json"
};

CODE_FUNCS(receipt_format, enum receipt_format, format_codes,
    RECEIPT_FORMAT_COUNT)

void
takehome_add_letter(struct takehome *th, size_t platform)
{
	size_t i;

	for (i = 0; i < th->nletters; i++) {
		if (th->letters[i] == platform)
			return;
	}
	th->letters = xreallocarray(th->letters, th->nletters + 1,
	    sizeof *th->letters);
	th->letters[th->nletters++] = platform;
}

void
takehome_clear(struct takehome *th)
{
	free(th->letters);
	memset(th, 0, sizeof *th);
}

void
receipt_input_init(struct receipt_input *in, const struct catalog *cat,
    const struct progress *prog, const struct takehome *th, time_t now,
    enum lang lang)
{
	memset(in, 0, sizeof *in);
	in->cat = cat;
	in->prog = prog;
	in->th = th;
	in->now = now;
	in->lang = lang;
	in->resume_code = resume_code(cat, prog, NULL);
}

void
receipt_input_free(struct receipt_input *in)
{
	free(in->resume_code);
	in->resume_code = NULL;
}

/* ---- the content ---- */

/* One platform as the receipt tells it. */
struct entry {
	const struct platform *p;	/* NULL: no longer in the catalog */
	const struct record *r;
	const char	*name;
	const char	*status;	/* in the platform's terms */
	char		*what;
	char		*setting;	/* the switch, quoted, or NULL */
	const char	*setting_raw;	/* the same as the platform shows it */
	bool		 has_surface;
	enum surface_kind surface;
	char		*when;		/* or NULL */
	char		*keep;		/* or NULL */
	bool		 has_check;
	int32_t		 check_from;
	bool		 check_due;
	char		*check;		/* or NULL */
	char		*retro;		/* or NULL */
	bool		 waiting;	/* form sent, no confirmation yet */
	bool		 adviser;	/* needs help, or it did not work */
};

struct rletter {
	const struct platform *p;
	struct letter	 l;
	char		*how;
};

struct model {
	const struct receipt_input *in;
	int32_t		 today;
	char		*made;
	char		*zone;
	struct entry	*v;
	size_t		 n;
	struct rletter	*letters;
	size_t		 nletters;
};

static char *
zone_of(time_t t)
{
	struct tm tm;
	char z[64];

	if (localtime_r(&t, &tm) == NULL || strftime(z, sizeof z, "%Z",
	    &tm) == 0)
		return xstrdup("UTC");
	return xstrdup(z);
}

/* "22 Nov 2026, 10:31 UTC": date, time and time zone. */
static char *
when_text(time_t t, enum lang l)
{
	char *day = time_format(t, l), *zone = zone_of(t), *s;

	s = xasprintf("%s %s", day, zone);
	free(day);
	free(zone);
	return s;
}

/* ISO 8601 with the offset: "2026-11-22T10:31:00+01:00". */
static char *
iso_time(time_t t)
{
	struct tm tm;
	char s[40];
	size_t n;

	if (localtime_r(&t, &tm) == NULL || (n = strftime(s, sizeof s,
	    "%Y-%m-%dT%H:%M:%S%z", &tm)) < 5)
		return xstrdup("1970-01-01T00:00:00+00:00");
	/* %z gives +0100; RFC 3339 wants +01:00 */
	memmove(s + n - 1, s + n - 2, 3);
	s[n - 2] = ':';
	return xstrdup(s);
}

static char *
iso_date(int32_t day)
{
	int y, m, d;

	date_to_civil(day, &y, &m, &d);
	return xasprintf("%04d-%02d-%02d", y, m, d);
}

static const struct surface *
surface_of(const struct platform *p, enum surface_kind k)
{
	size_t i;

	for (i = 0; i < p->nsurfaces; i++) {
		if (p->surfaces[i].kind == k)
			return &p->surfaces[i];
	}
	return NULL;
}

static char *
what_done(const struct platform *p, const struct surface *sf)
{
	enum final_action a = sf != NULL ? sf->final.action :
	    p->mechanism == MECH_TOGGLE_ON ? ACT_SWITCH_ON : ACT_SWITCH_OFF;

	switch (a) {
	case ACT_SWITCH_ON:
		return xstrdup(_("Switched the setting on. Here it is ON that "
		    "protects your data."));
	case ACT_CHOOSE:
		return xstrdup(_("Chose the option that protects your data."));
	case ACT_SUBMIT:
		return xstrdup(_("Sent the objection form."));
	case ACT_SWITCH_OFF:
	default:
		return xstrdup(_("Switched the setting off."));
	}
}

static char *
what(const struct platform *p, const struct record *r, const struct surface *sf)
{
	bool email = p != NULL && p->mechanism == MECH_EMAIL;

	switch (r->status) {
	case ST_DONE:
		if (p == NULL)
			return xstrdup(_("Done."));
		return what_done(p, sf);
	case ST_FORM_SENT:
		return xstrdup(email ? _("Sent the objection e-mail. No answer "
		    "yet.") : _("Sent the objection form. No confirmation "
		    "yet."));
	case ST_CONFIRMED:
		return xstrdup(email ? _("Sent the objection e-mail and "
		    "received an answer.") : _("Sent the objection and "
		    "received the confirmation."));
	case ST_NO_ACCOUNT:
		return xstrdup(_("Nothing to do: no account there."));
	case ST_LATER:
		return xstrdup(_("Not done yet: planned for later."));
	case ST_HELP:
		return xstrdup(_("Not done yet: needs help from an adviser."));
	case ST_PROBLEM:
		return xstrdup(_("Tried, but it did not work."));
	case ST_NOTED:
		if (p != NULL && p->mechanism == MECH_NOT_NEEDED)
			return xstrdup(_("Nothing to do: the platform says it "
			    "does not train AI on this data."));
		if (p != NULL && p->mechanism == MECH_NONE)
			return xstrdup(_("Read: there is no switch and no "
			    "form. A letter is the way to object."));
		return xstrdup(_("Read the information."));
	case ST_OPEN:
	default:
		return xstrdup(_("Not started yet."));
	}
}

static char *
keep(const struct platform *p, const struct record *r, bool org)
{
	if (p == NULL)
		return NULL;
	if (r->status == ST_FORM_SENT || r->status == ST_CONFIRMED) {
		if (p->mechanism == MECH_EMAIL && p->email != NULL &&
		    p->email->confirmation)
			return xasprintf(_("The answer from %s, and a copy of "
			    "your e-mail."), p->name);
		if (p->form != NULL && p->form->confirmation)
			return xasprintf(_("The confirmation e-mail from %s."),
			    p->name);
	}
	if (r->status == ST_DONE && org)
		return xstrdup(_("A screenshot of the setting, with the date "
		    "and the account, for your files."));
	return NULL;
}

static bool
objected(enum status s)
{
	return s == ST_DONE || s == ST_FORM_SENT || s == ST_CONFIRMED;
}

static void
fill_entry(struct model *m, struct entry *e, const struct platform *p,
    const struct record *r)
{
	enum lang l = m->in->lang;
	const struct surface *sf = NULL;
	char *d;

	memset(e, 0, sizeof *e);
	e->p = p;
	e->r = r;
	e->name = p != NULL ? p->name : r->id;
	e->status = p != NULL ? words_platform_status(p, r->status) :
	    words_status(r->status);
	if (r->has_surface && p != NULL) {
		e->has_surface = true;
		e->surface = r->surface;
		sf = surface_of(p, r->surface);
	}
	e->what = what(p, r, sf);
	if (r->status == ST_DONE && sf != NULL) {
		e->setting = words_label(&sf->final.label, l, l, NULL);
		e->setting_raw = ltext_get_any(&sf->final.label, l, NULL);
	}
	if (r->status != ST_OPEN && r->time != 0)
		e->when = when_text(r->time, l);
	e->keep = keep(p, r, m->in->prog->account == ACCOUNT_ORG);
	e->waiting = r->status == ST_FORM_SENT;
	e->adviser = r->status == ST_HELP || r->status == ST_PROBLEM;
	if (p != NULL && progress_recheck_from(p, r, &e->check_from)) {
		e->has_check = true;
		e->check_due = m->today >= e->check_from;
		d = date_format_short(e->check_from, l);
		e->check = e->check_due ? xasprintf(_("now: settings can "
		    "change back (due since %s)"), d) : xasprintf(_("on %s "
		    "(settings can change back)"), d);
		free(d);
	} else if (e->waiting)
		e->check = xstrdup(_("When the confirmation comes, note it in "
		    "optout."));
	if (p == NULL || r->status == ST_NO_ACCOUNT ||
	    p->mechanism == MECH_NOT_NEEDED)
		e->retro = NULL;
	else if (objected(r->status) && r->time != 0)
		e->retro = words_retro_objected(p, date_today(r->time), l);
	else
		e->retro = words_retro(p, m->today, l);
}

/* Touched: something recorded, or ticked to be done. */
static bool
touched(const struct record *r)
{
	return r != NULL && (r->status != ST_OPEN || r->selected);
}

static void
model_build(struct model *m, const struct receipt_input *in)
{
	const struct catalog *cat = in->cat;
	const struct progress *prog = in->prog;
	const struct record *r;
	struct letter_from from = { NULL, NULL };
	struct rletter *rl;
	size_t i;

	memset(m, 0, sizeof *m);
	m->in = in;
	m->today = date_today(in->now);
	m->made = when_text(in->now, in->lang);
	m->zone = zone_of(in->now);
	m->v = xreallocarray(NULL, prog->n + 1, sizeof *m->v);
	for (i = 0; i < cat->n; i++) {
		r = progress_find(prog, cat->v[i].id);
		if (touched(r))
			fill_entry(m, &m->v[m->n++], &cat->v[i], r);
	}
	for (i = 0; i < prog->n; i++) {	/* kept, though no longer listed */
		r = &prog->v[i];
		if (touched(r) && catalog_find(cat, r->id) < 0)
			fill_entry(m, &m->v[m->n++], NULL, r);
	}
	if (in->th == NULL)
		return;
	from.name = in->th->name;
	from.email = in->th->email;
	m->letters = xreallocarray(NULL, in->th->nletters + 1,
	    sizeof *m->letters);
	for (i = 0; i < in->th->nletters; i++) {
		if (in->th->letters[i] >= cat->n)
			continue;
		rl = &m->letters[m->nletters++];
		rl->p = &cat->v[in->th->letters[i]];
		letter_build(&rl->l, rl->p, &from, m->today, in->lang);
		rl->how = letter_how_to_send(&rl->l, rl->p);
	}
}

static void
model_free(struct model *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->v[i].what);
		free(m->v[i].setting);
		free(m->v[i].when);
		free(m->v[i].keep);
		free(m->v[i].check);
		free(m->v[i].retro);
	}
	free(m->v);
	for (i = 0; i < m->nletters; i++) {
		letter_free(&m->letters[i].l);
		free(m->letters[i].how);
	}
	free(m->letters);
	free(m->made);
	free(m->zone);
	memset(m, 0, sizeof *m);
}

/* ---- as a document: text, Markdown and the screen ---- */

enum rkind {
	RK_TITLE,
	RK_HEADING,
	RK_PLATFORM,
	RK_FIELD,	/* "Label: value" */
	RK_BULLET,
	RK_TEXT,
	RK_LETTER	/* a paragraph of a letter; '\n' breaks lines */
};

struct rblock {
	enum rkind	 kind;
	const char	*label;		/* RK_FIELD */
	char		*text;		/* owned */
	int		 set;		/* fields of one set share a column */
};

struct doc {
	struct rblock	*v;
	size_t		 n;
};

static void
doc_add(struct doc *d, enum rkind kind, const char *label, const char *text)
{
	d->v = xreallocarray(d->v, d->n + 1, sizeof *d->v);
	d->v[d->n].kind = kind;
	d->v[d->n].label = label;
	d->v[d->n].text = xstrdup(text);
	d->v[d->n].set = 0;
	d->n++;
}

static void
doc_free(struct doc *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->v[i].text);
	free(d->v);
	memset(d, 0, sizeof *d);
}

/* "LinkedIn, Facebook" for the entries that want it, or NULL. */
static char *
names_where(const struct model *m, bool (*want)(const struct entry *))
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < m->n; i++) {
		if (want(&m->v[i]))
			buf_addf(&b, "%s%s", b.len > 0 ? ", " : "",
			    m->v[i].name);
	}
	return b.data;
}

static bool
want_done(const struct entry *e)
{
	return status_is_final(e->r->status);
}

static bool
want_waiting(const struct entry *e)
{
	return e->waiting;
}

static bool
want_check(const struct entry *e)
{
	return e->check_due;
}

static bool
want_adviser(const struct entry *e)
{
	return e->adviser;
}

static bool
want_open(const struct entry *e)
{
	return !status_is_final(e->r->status) && !e->waiting;
}

static char *
account_text(const struct receipt_input *in)
{
	const struct takehome *th = in->th;
	struct buf b = { 0 };

	if (in->prog->account != ACCOUNT_ORG)
		return xstrdup(_("a private person"));
	buf_adds(&b, _("an organisation"));
	if (th != NULL && th->org_name[0] != '\0')
		buf_addf(&b, ": %s", th->org_name);
	if (th != NULL && th->org_account[0] != '\0')
		buf_addf(&b, _(" (account: %s)"), th->org_account);
	return buf_take(&b);
}

static void
glance(struct doc *d, const struct model *m, const char *label,
    bool (*want)(const struct entry *))
{
	char *s = names_where(m, want);

	if (s != NULL) {
		doc_add(d, RK_FIELD, label, s);
		d->v[d->n - 1].set = 1;
	}
	free(s);
}

static void
doc_entry(struct doc *d, const struct entry *e)
{
	doc_add(d, RK_PLATFORM, NULL, e->name);
	if (e->p != NULL && e->p->operator_name != NULL)
		doc_add(d, RK_FIELD, _("Company:"), e->p->operator_name);
	doc_add(d, RK_FIELD, _("Status:"), e->status);
	doc_add(d, RK_FIELD, _("What:"), e->what);
	if (e->setting != NULL)
		doc_add(d, RK_FIELD, _("Setting:"), e->setting);
	if (e->has_surface)
		doc_add(d, RK_FIELD, _("Where:"), words_surface(e->surface));
	if (e->when != NULL)
		doc_add(d, RK_FIELD, _("When:"), e->when);
	if (e->keep != NULL)
		doc_add(d, RK_FIELD, _("Keep:"), e->keep);
	if (e->check != NULL)
		doc_add(d, RK_FIELD, _("Check again:"), e->check);
	if (e->retro != NULL)
		doc_add(d, RK_FIELD, _("Good to know:"), e->retro);
}

static void
doc_adviser(struct doc *d, const struct model *m)
{
	const struct entry *e;
	size_t i, n = 0;
	char *s;

	for (i = 0; i < m->n; i++) {
		e = &m->v[i];
		if (!e->adviser)
			continue;
		if (n++ == 0) {
			doc_add(d, RK_HEADING, NULL, _("For a talk with an "
			    "adviser"));
			doc_add(d, RK_TEXT, NULL, _("Bring this receipt. An "
			    "adviser can help with these platforms:"));
		}
		if (e->has_surface)
			s = xasprintf("%s: %s. %s", e->name, e->status,
			    words_surface(e->surface));
		else
			s = xasprintf("%s: %s.", e->name, e->status);
		doc_add(d, RK_BULLET, NULL, s);
		free(s);
	}
}

static void
doc_letters(struct doc *d, const struct model *m)
{
	const struct rletter *rl;
	size_t i, j;
	char *s;

	if (m->nletters == 0)
		return;
	doc_add(d, RK_HEADING, NULL, _("Objection letters"));
	for (i = 0; i < m->nletters; i++) {
		rl = &m->letters[i];
		s = xasprintf(_("Letter to %s"), rl->p->name);
		doc_add(d, RK_PLATFORM, NULL, s);
		free(s);
		doc_add(d, RK_TEXT, NULL, rl->how);
		for (j = 0; j < rl->l.n; j++)
			doc_add(d, RK_LETTER, NULL, rl->l.para[j]);
	}
}

static void
doc_build(struct doc *d, const struct model *m)
{
	const struct receipt_input *in = m->in;
	char *s, *acc;
	size_t i;

	memset(d, 0, sizeof *d);
	doc_add(d, RK_TITLE, NULL, _("Receipt: your objections to AI "
	    "training"));
	s = xasprintf(_("Made with optout on %s."), m->made);
	doc_add(d, RK_TEXT, NULL, s);
	free(s);
	acc = account_text(in);
	s = xasprintf(_("For: %s"), acc);
	doc_add(d, RK_TEXT, NULL, s);
	free(s);
	free(acc);
	doc_add(d, RK_TEXT, NULL, _("Keep this receipt with the confirmation "
	    "e-mails. It shows what you did, and when."));

	doc_add(d, RK_HEADING, NULL, _("At a glance"));
	if (m->n == 0)
		doc_add(d, RK_TEXT, NULL, _("Nothing is recorded yet."));
	glance(d, m, _("Done:"), want_done);
	glance(d, m, _("Waiting for a confirmation:"), want_waiting);
	glance(d, m, _("Check again:"), want_check);
	glance(d, m, _("For an adviser:"), want_adviser);
	glance(d, m, _("Still open:"), want_open);

	if (m->n > 0)
		doc_add(d, RK_HEADING, NULL, _("Platform by platform"));
	for (i = 0; i < m->n; i++)
		doc_entry(d, &m->v[i]);
	doc_adviser(d, m);
	doc_letters(d, m);
	if (in->resume_code != NULL) {
		doc_add(d, RK_HEADING, NULL, _("Resume code"));
		doc_add(d, RK_TEXT, NULL, _("With this code optout continues "
		    "where you left off, on any computer:"));
		doc_add(d, RK_TEXT, NULL, in->resume_code);
		doc_add(d, RK_TEXT, NULL, _("Type it on optout's first screen "
		    "(key c), or start optout --resume with it. It says only "
		    "which platforms you have done, nothing personal."));
	}
	doc_add(d, RK_HEADING, NULL, _("Remember"));
	doc_add(d, RK_BULLET, NULL, _("An objection works from the moment you "
	    "make it. What a platform has already used for training stays "
	    "in its models."));
	doc_add(d, RK_BULLET, NULL, _("Settings can change back, for example "
	    "after an update. Check them again on the dates above."));
	doc_add(d, RK_BULLET, NULL, _("Keep every confirmation e-mail."));
	if (in->prog->account == ACCOUNT_ORG)
		doc_add(d, RK_BULLET, NULL, _("Organisations: file this "
		    "receipt and the confirmations, as proof that you "
		    "objected."));
}

/* ---- plain text ---- */

static void
spaces(struct buf *b, size_t n)
{
	while (n-- > 0)
		buf_add(b, " ", 1);
}

/* Adds s wrapped to end at column width; the caller has already put
 * `indent` columns before the first line, the others get them here. */
static void
text_wrapped(struct buf *b, const char *s, size_t indent, size_t width)
{
	struct text_line *tl;
	size_t i, n;

	n = text_wrap(s, width > indent + 10 ? width - indent : 10, &tl);
	for (i = 0; i < n; i++) {
		if (i > 0)
			spaces(b, indent);
		buf_add(b, s + tl[i].off, tl[i].len);
		buf_add(b, "\n", 1);
	}
	free(tl);
}

static void
underline(struct buf *b, const char *s, char c)
{
	size_t i, w = text_width(s);

	buf_addf(b, "%s\n", s);
	for (i = 0; i < w && i < RECEIPT_WIDTH; i++)
		buf_add(b, &c, 1);
	buf_add(b, "\n", 1);
}

/* The widest label of the fields in a set. */
static size_t
label_width(const struct doc *d, int set)
{
	size_t i, w = 0;

	for (i = 0; i < d->n; i++) {
		if (d->v[i].kind == RK_FIELD && d->v[i].set == set &&
		    text_width(d->v[i].label) > w)
			w = text_width(d->v[i].label);
	}
	return w;
}

static char *
render_text(const struct doc *d)
{
	struct buf b = { 0 };
	const struct rblock *k;
	size_t i, col, cols[2] = { label_width(d, 0), label_width(d, 1) };

	for (i = 0; i < d->n; i++) {
		k = &d->v[i];
		/* a blank line between blocks; none inside a list, under a
		 * rule, or between a platform and its fields */
		if (i > 0 && (k->kind == RK_PLATFORM ||
		    (d->v[i - 1].kind != RK_HEADING &&
		    d->v[i - 1].kind != RK_PLATFORM &&
		    !((k->kind == RK_FIELD || k->kind == RK_BULLET) &&
		    d->v[i - 1].kind == k->kind))))
			buf_add(&b, "\n", 1);
		switch (k->kind) {
		case RK_TITLE:
			underline(&b, k->text, '=');
			break;
		case RK_HEADING:
			underline(&b, k->text, '-');
			break;
		case RK_PLATFORM:
			underline(&b, k->text, '~');
			break;
		case RK_FIELD:
			col = 2 + cols[k->set] + 2;
			spaces(&b, 2);
			buf_adds(&b, k->label);
			spaces(&b, col - 2 - text_width(k->label));
			text_wrapped(&b, k->text, col, RECEIPT_WIDTH);
			break;
		case RK_BULLET:
			buf_adds(&b, "* ");
			text_wrapped(&b, k->text, 2, RECEIPT_WIDTH);
			break;
		case RK_TEXT:
		case RK_LETTER:
		default:
			text_wrapped(&b, k->text, 0, RECEIPT_WIDTH);
			break;
		}
	}
	return buf_take(&b);
}

/* ---- Markdown ---- */

static void
md_escaped(struct buf *b, const char *s)
{
	size_t digits = strspn(s, "0123456789");

	/* nothing at the start may read as a heading, list or quote */
	if (*s != '\0' && strchr("#-+>=", *s) != NULL)
		buf_add(b, "\\", 1);
	else if (digits > 0 && (s[digits] == '.' || s[digits] == ')')) {
		buf_add(b, s, digits);
		buf_add(b, "\\", 1);
		s += digits;
	}
	for (; *s != '\0'; s++) {
		if (strchr("\\`*_[]<>|", *s) != NULL)
			buf_add(b, "\\", 1);
		if (*s == '\n')
			buf_adds(b, "  ");	/* a hard line break */
		buf_add(b, s, 1);
	}
}

/* A fence longer than any run of backticks in the letter. */
static size_t
fence_len(const struct doc *d, size_t i)
{
	size_t n = 3, run;
	const char *s;

	for (; i < d->n && d->v[i].kind == RK_LETTER; i++) {
		for (s = d->v[i].text, run = 0; *s != '\0'; s++) {
			run = *s == '`' ? run + 1 : 0;
			if (run >= n)
				n = run + 1;
		}
	}
	return n;
}

static void
fence(struct buf *b, size_t n)
{
	while (n-- > 0)
		buf_add(b, "`", 1);
}

static char *
render_md(const struct doc *d)
{
	struct buf b = { 0 };
	const struct rblock *k;
	enum rkind prev = RK_TITLE;
	size_t i, fn = 0;

	for (i = 0; i < d->n; i++) {
		k = &d->v[i];
		if (k->kind != RK_LETTER && i > 0 && prev == RK_LETTER) {
			fence(&b, fn);
			buf_add(&b, "\n", 1);
		}
		if (i > 0 && !((k->kind == RK_FIELD || k->kind == RK_BULLET) &&
		    prev == k->kind))
			buf_add(&b, "\n", 1);
		switch (k->kind) {
		case RK_TITLE:
			buf_adds(&b, "# ");
			md_escaped(&b, k->text);
			break;
		case RK_HEADING:
			buf_adds(&b, "## ");
			md_escaped(&b, k->text);
			break;
		case RK_PLATFORM:
			buf_adds(&b, "### ");
			md_escaped(&b, k->text);
			break;
		case RK_FIELD:
			buf_adds(&b, "- **");
			md_escaped(&b, k->label);
			buf_adds(&b, "** ");
			md_escaped(&b, k->text);
			break;
		case RK_BULLET:
			buf_adds(&b, "- ");
			md_escaped(&b, k->text);
			break;
		case RK_LETTER:
			if (prev != RK_LETTER) {
				fn = fence_len(d, i);
				fence(&b, fn);
				buf_adds(&b, "text\n");
			}
			buf_adds(&b, k->text);	/* verbatim in the fence */
			break;
		case RK_TEXT:
		default:
			md_escaped(&b, k->text);
			break;
		}
		buf_add(&b, "\n", 1);
		prev = k->kind;
	}
	if (prev == RK_LETTER) {
		fence(&b, fn);
		buf_add(&b, "\n", 1);
	}
	return buf_take(&b);
}

/* ---- JSON ---- */

static void
json_str(struct buf *b, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (s == NULL) {
		buf_adds(b, "null");
		return;
	}
	buf_add(b, "\"", 1);
	for (; *u != '\0'; u++) {
		if (*u == '"' || *u == '\\')
			buf_addf(b, "\\%c", *u);
		else if (*u == '\n')
			buf_adds(b, "\\n");
		else if (*u < 0x20 || *u == 0x7f)
			buf_addf(b, "\\u%04x", *u);
		else
			buf_add(b, (const char *)u, 1);
	}
	buf_add(b, "\"", 1);
}

/* "key": value, at an indent; sep is what ends the previous member. */
static void
json_key(struct buf *b, int indent, const char *key)
{
	buf_addf(b, "%*s", indent, "");
	json_str(b, key);
	buf_adds(b, ": ");
}

static void
json_member(struct buf *b, int indent, const char *key, const char *value,
    bool last)
{
	json_key(b, indent, key);
	json_str(b, value);
	buf_adds(b, last ? "\n" : ",\n");
}

static void
json_bool(struct buf *b, int indent, const char *key, bool value, bool last)
{
	json_key(b, indent, key);
	buf_addf(b, "%s%s", value ? "true" : "false", last ? "\n" : ",\n");
}

static void
json_ids(struct buf *b, const struct model *m, const char *key,
    bool (*want)(const struct entry *), bool last)
{
	size_t i, n = 0;

	json_key(b, 2, key);
	buf_add(b, "[", 1);
	for (i = 0; i < m->n; i++) {
		if (!want(&m->v[i]))
			continue;
		buf_adds(b, n++ > 0 ? ", " : "");
		json_str(b, m->v[i].r->id);
	}
	buf_adds(b, last ? "]\n" : "],\n");
}

static void
json_entry(struct buf *b, const struct entry *e, bool last)
{
	char *t, *d;

	buf_adds(b, "    {\n");
	json_member(b, 6, "id", e->r->id, false);
	json_member(b, 6, "name", e->name, false);
	json_member(b, 6, "operator", e->p != NULL ? e->p->operator_name :
	    NULL, false);
	json_bool(b, 6, "in_catalog", e->p != NULL, false);
	json_member(b, 6, "status", status_code(e->r->status), false);
	json_member(b, 6, "status_text", e->status, false);
	json_member(b, 6, "what", e->what, false);
	json_member(b, 6, "setting", e->setting_raw, false);
	json_member(b, 6, "surface", e->has_surface ?
	    surface_code(e->surface) : NULL, false);
	json_member(b, 6, "surface_text", e->has_surface ?
	    words_surface(e->surface) : NULL, false);
	t = e->when != NULL ? iso_time(e->r->time) : NULL;
	json_member(b, 6, "recorded", t, false);
	free(t);
	json_member(b, 6, "recorded_text", e->when, false);
	json_member(b, 6, "keep", e->keep, false);
	json_key(b, 6, "check_again");
	if (e->check != NULL) {
		d = e->has_check ? iso_date(e->check_from) : NULL;
		buf_adds(b, "{\n");
		json_member(b, 8, "from", d, false);
		json_bool(b, 8, "due", e->check_due, false);
		json_member(b, 8, "text", e->check, true);
		buf_adds(b, "      },\n");
		free(d);
	} else
		buf_adds(b, "null,\n");
	json_bool(b, 6, "waiting_for_confirmation", e->waiting, false);
	json_bool(b, 6, "for_adviser", e->adviser, false);
	json_member(b, 6, "retroactivity", e->retro, true);
	buf_adds(b, last ? "    }\n" : "    },\n");
}

static void
json_letter(struct buf *b, const struct rletter *rl, bool last)
{
	char *text = letter_text(&rl->l);

	buf_adds(b, "    {\n");
	json_member(b, 6, "platform", rl->p->id, false);
	json_key(b, 6, "to");
	buf_adds(b, "{\n");
	json_member(b, 8, "name", rl->l.to.name, false);
	json_member(b, 8, "email", rl->l.to.email, false);
	json_member(b, 8, "url", rl->l.to.url, false);
	json_bool(b, 8, "uncertain", rl->l.to.uncertain, true);
	buf_adds(b, "      },\n");
	json_member(b, 6, "how_to_send", rl->how, false);
	json_member(b, 6, "text", text, true);
	buf_adds(b, last ? "    }\n" : "    },\n");
	free(text);
}

static char *
render_json(const struct model *m)
{
	const struct receipt_input *in = m->in;
	const struct takehome *th = in->th;
	bool org = in->prog->account == ACCOUNT_ORG;
	struct buf b = { 0 };
	char *t;
	size_t i;

	buf_adds(&b, "{\n");
	json_member(&b, 2, "format", "optout-receipt", false);
	json_key(&b, 2, "version");
	buf_addf(&b, "%d,\n", RECEIPT_VERSION);
	json_member(&b, 2, "lang", lang_code(in->lang), false);
	t = iso_time(in->now);
	json_member(&b, 2, "made", t, false);
	free(t);
	json_member(&b, 2, "made_text", m->made, false);
	json_member(&b, 2, "time_zone", m->zone, false);
	json_key(&b, 2, "account");
	buf_adds(&b, "{\n");
	json_member(&b, 4, "kind", account_code(in->prog->account), false);
	json_member(&b, 4, "organisation_name", org && th != NULL &&
	    th->org_name[0] != '\0' ? th->org_name : NULL, false);
	json_member(&b, 4, "organisation_account", org && th != NULL &&
	    th->org_account[0] != '\0' ? th->org_account : NULL, true);
	buf_adds(&b, "  },\n");
	json_key(&b, 2, "platforms");
	buf_adds(&b, m->n > 0 ? "[\n" : "[");
	for (i = 0; i < m->n; i++)
		json_entry(&b, &m->v[i], i + 1 == m->n);
	buf_adds(&b, m->n > 0 ? "  ],\n" : "],\n");
	json_ids(&b, m, "waiting_for_confirmation", want_waiting, false);
	json_ids(&b, m, "check_again", want_check, false);
	json_ids(&b, m, "for_adviser", want_adviser, false);
	json_key(&b, 2, "letters");
	buf_adds(&b, m->nletters > 0 ? "[\n" : "[");
	for (i = 0; i < m->nletters; i++)
		json_letter(&b, &m->letters[i], i + 1 == m->nletters);
	buf_adds(&b, m->nletters > 0 ? "  ],\n" : "],\n");
	json_member(&b, 2, "resume_code", in->resume_code, true);
	buf_adds(&b, "}\n");
	return buf_take(&b);
}

/* ---- entry points ---- */

char *
receipt_format(const struct receipt_input *in, enum receipt_format f)
{
	struct model m;
	struct doc d;
	char *s;

	model_build(&m, in);
	if (f == RECEIPT_JSON) {
		s = render_json(&m);
		model_free(&m);
		return s;
	}
	doc_build(&d, &m);
	s = f == RECEIPT_MARKDOWN ? render_md(&d) : render_text(&d);
	doc_free(&d);
	model_free(&m);
	return s;
}

void
receipt_view(const struct receipt_input *in, struct view *v)
{
	const struct rblock *k;
	struct model m;
	struct doc d;
	size_t i;

	model_build(&m, in);
	doc_build(&d, &m);
	for (i = 0; i < d.n; i++) {
		k = &d.v[i];
		switch (k->kind) {
		case RK_TITLE:
			break;		/* the screen's title says it */
		case RK_HEADING:
		case RK_PLATFORM:
			view_add_block(v, V_HEADING, 0, k->text);
			break;
		case RK_FIELD:
			view_add_blockf(v, V_BULLET, "%s %s", k->label,
			    k->text);
			break;
		case RK_BULLET:
			view_add_block(v, V_BULLET, 0, k->text);
			break;
		case RK_TEXT:
		case RK_LETTER:
		default:
			view_add_block(v, V_TEXT, 0, k->text);
			break;
		}
	}
	doc_free(&d);
	model_free(&m);
}
