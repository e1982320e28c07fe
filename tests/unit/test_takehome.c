/* test_takehome.c: what a person takes home (issue #5): the receipt in its
 * three formats and both languages against golden files, objection letters
 * for every shipped platform without a switch, re-check flags across day
 * boundaries, the take-home screens, the print command and its settings.
 * The environment of `make check` gives top_srcdir and top_builddir; the
 * German messages come from the freshly built po/locale. Set
 * OPTOUT_REGEN_GOLDEN=1 to rewrite tests/data/receipt/receipt.* on purpose. */
#include "config.h"

#include <errno.h>
#include <ftw.h>
#include <libintl.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/catalog.h"
#include "core/date.h"
#include "core/letter.h"
#include "core/progress.h"
#include "core/receipt.h"
#include "core/text.h"
#include "core/view.h"
#include "core/wizard.h"
#include "core/words.h"
#include "core/xmalloc.h"
#include "store/store.h"
#include "sys/fileio.h"
#include "sys/i18n.h"
#include "sys/run.h"
#include "helpers.h"
#include "tap.h"

#define NOW	((time_t)1795343400)	/* 2026-11-22 10:30 UTC */
#define DAY	((time_t)86400)

static const char *srcdir = ".";
static char *base;		/* removed by main() after all tests */

/* ---- helpers ---- */

static char *
tmpdir(void)
{
	char *d = xasprintf("%s/t.XXXXXX", base);

	ck_assert_msg(mkdtemp(d) != NULL, "mkdtemp: %s", strerror(errno));
	return d;
}

static void
write_file(const char *path, const char *data)
{
	char *err = NULL;

	ck_assert_msg(file_write_atomic(path, data, strlen(data), 0644, &err) ==
	    0, "%s: %s", path, err);
}

/* The whole file, or NULL. */
static char *
slurp(const char *path)
{
	char *data = NULL, *err = NULL;
	size_t len;

	if (file_read(path, 1024 * 1024, 0, &data, &len, &err) == -1)
		free(err);
	return data;
}

static void
load_catalog(const char *rel, struct catalog *cat)
{
	char *dir = xasprintf("%s/%s", srcdir, rel);
	struct diags d = { 0 };

	ck_assert_msg(store_catalog_load(dir, cat, &d) == 0, "%s: %s", dir,
	    d.n > 0 ? d.v[0].msg : "?");
	diags_free(&d);
	free(dir);
}

static void
load_progress(const char *rel, struct progress *p)
{
	char *path = xasprintf("%s/%s", srcdir, rel), *detail = NULL;
	char *aside = NULL;

	memset(p, 0, sizeof *p);
	ck_assert_int_eq(store_progress_load(path, p, &detail, &aside),
	    STORE_LOADED);
	free(detail);
	free(aside);
	free(path);
}

/* Every line at most `cols` display columns. */
static bool
fits(const char *s, size_t cols, char **bad)
{
	const char *nl;
	char *line;

	for (; *s != '\0'; s = nl + 1) {
		if ((nl = strchr(s, '\n')) == NULL)
			nl = s + strlen(s);
		line = xstrndup(s, (size_t)(nl - s));
		if (text_width(line) > cols) {
			*bad = line;
			return false;
		}
		free(line);
		if (*nl == '\0')
			break;
	}
	return true;
}

/* The index of the item with this label, or -1. */
static long
item_index(const struct view *v, const char *label)
{
	size_t i;

	for (i = 0; i < v->nitems; i++) {
		if (strcmp(v->items[i].label, label) == 0)
			return (long)i;
	}
	return -1;
}

/* A platform with a switch to turn off on the web, training since 2025;
 * without the switch when `none`. */
static void
make_platform(struct platform *p, const char *id, const char *name,
    bool none)
{
	memset(p, 0, sizeof *p);
	p->id = xstrdup(id);
	p->name = xstrdup(name);
	p->operator_name = xstrdup("Example Ltd");
	p->mechanism = none ? MECH_NONE : MECH_TOGGLE_OFF;
	p->verified = date_from_civil(2026, 11, 1);
	p->summary = lt("Nutzt Beiträge.", "Uses your posts.");
	p->legal_basis = lt("Berechtigtes Interesse.", "Legitimate interest.");
	p->retroactivity = lt("Nicht rückwirkend.", "Not retroactive.");
	p->org_note = lt("Auch Seiten.", "Pages too.");
	p->events = xcalloc(1, sizeof *p->events);
	p->events[0].kind = EVENT_TRAINING_START;
	p->events[0].date = date_from_civil(2025, 11, 3);
	p->events[0].what = lt("Beginn.", "Start.");
	p->nevents = 1;
	p->sources = xcalloc(1, sizeof *p->sources);
	p->sources[0].url = xstrdup("https://news.example/a");
	p->sources[0].publisher = xstrdup("Example News");
	p->sources[0].date = xstrdup("2025-10");
	p->nsources = 1;
	if (none)
		return;
	p->surfaces = xcalloc(1, sizeof *p->surfaces);
	p->nsurfaces = 1;
	p->surfaces[0].kind = SURF_WEB;
	p->surfaces[0].steps = xcalloc(1, sizeof *p->surfaces[0].steps);
	p->surfaces[0].steps[0].text = lt("Öffnen Sie {}.", "Open {}.");
	p->surfaces[0].steps[0].label = lt("Einstellungen", "Settings");
	p->surfaces[0].nsteps = 1;
	p->surfaces[0].final.action = ACT_SWITCH_OFF;
	p->surfaces[0].final.label = lt("KI-Daten", "AI data");
}

/* "alpha" has a switch, "beta" has none. */
static void
small_catalog(struct catalog *cat)
{
	memset(cat, 0, sizeof *cat);
	cat->v = xcalloc(2, sizeof *cat->v);
	make_platform(&cat->v[0], "alpha", "Alpha", false);
	make_platform(&cat->v[1], "beta", "Beta", true);
	cat->n = 2;
}

static int
send(struct wizard *w, enum wz_event_kind k, int n, time_t now)
{
	struct wz_event e = { k, n };

	return wizard_handle(w, e, now);
}

static void
type(struct wizard *w, const char *s)
{
	for (; *s != '\0'; s++)
		send(w, WZ_CHAR, (unsigned char)*s, NOW);
}

/* ---- re-checks: settings can change back ---- */

static void
record_done(struct progress *p, const char *id, time_t t)
{
	enum surface_kind web = SURF_WEB;

	progress_record(p, id, ST_DONE, &web, t);
}

START_TEST(test_recheck_flags_from_day_90_not_89)
{
	struct catalog cat;
	struct progress prog = { 0 };
	const struct record *r;
	int32_t day = date_from_civil(2026, 1, 10), from;

	small_catalog(&cat);
	record_done(&prog, "alpha", (time_t)day * DAY + 12 * 3600);
	r = progress_find(&prog, "alpha");
	ck_assert(progress_recheck_from(&cat.v[0], r, &from));
	ck_assert_int_eq(from, day + 90);
	ck_assert(!progress_recheck_due(&cat.v[0], r, day + 89));
	ck_assert(progress_recheck_due(&cat.v[0], r, day + 90));
	ck_assert(progress_recheck_due(&cat.v[0], r, day + 91));
	cat.v[0].recheck_days = 30;	/* the catalog's own interval */
	ck_assert(!progress_recheck_due(&cat.v[0], r, day + 29));
	ck_assert(progress_recheck_due(&cat.v[0], r, day + 30));
	progress_clear(&prog);
	catalog_free(&cat);
}
END_TEST

START_TEST(test_recheck_only_for_recorded_switches)
{
	struct catalog cat;
	struct progress prog = { 0 };
	int32_t day = date_from_civil(2026, 1, 10), from;
	enum status s;

	small_catalog(&cat);
	for (s = ST_OPEN; s < ST_COUNT; s++) {
		progress_record(&prog, "alpha", s, NULL, (time_t)day * DAY);
		ck_assert_int_eq(progress_recheck_due(&cat.v[0],
		    progress_find(&prog, "alpha"), day + 400), s == ST_DONE);
	}
	progress_get(&prog, "beta")->status = ST_DONE;	/* time unknown */
	ck_assert(!progress_recheck_from(&cat.v[1], progress_find(&prog,
	    "beta"), &from));
	ck_assert(!progress_recheck_due(&cat.v[1], NULL, day));
	progress_clear(&prog);
	catalog_free(&cat);
}
END_TEST

/* Days are the person's local days: 23:30 UTC is already tomorrow in
 * Berlin, so the check-again day moves with it. */
START_TEST(test_recheck_counts_local_days)
{
	struct catalog cat;
	struct progress prog = { 0 };
	const struct record *r;
	int32_t jan1 = date_from_civil(2026, 1, 1);
	time_t t = (time_t)jan1 * DAY + 23 * 3600 + 30 * 60;

	if (access("/usr/share/zoneinfo/Europe/Berlin", R_OK) != 0)
		return;		/* no tzdata: nothing to tell apart */
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	small_catalog(&cat);
	record_done(&prog, "alpha", t);
	r = progress_find(&prog, "alpha");
	/* recorded on 2 January in Berlin: due on 2 Jan + 90 = 2 April */
	ck_assert(!progress_recheck_due(&cat.v[0], r,
	    date_today(t + 89 * DAY)));
	ck_assert(progress_recheck_due(&cat.v[0], r,
	    date_today(t + 90 * DAY)));
	/* 23:50 local on the day before: not yet; 00:10 local: due */
	ck_assert(!progress_recheck_due(&cat.v[0], r, date_today(
	    (time_t)(date_from_civil(2026, 4, 2)) * DAY - 2 * 3600 - 600)));
	ck_assert(progress_recheck_due(&cat.v[0], r, date_today(
	    (time_t)(date_from_civil(2026, 4, 2)) * DAY - 2 * 3600 + 600)));
	progress_clear(&prog);
	catalog_free(&cat);
	setenv("TZ", "UTC", 1);
	tzset();
}
END_TEST

/* The flag in the list, the summary, the walk and the receipt, on days
 * 89, 90 and 91 after the switch. */
START_TEST(test_recheck_flag_on_list_summary_and_receipt)
{
	static const int days[] = { 89, 90, 91 };
	struct catalog cat;
	struct progress prog = { 0 };
	struct wizard w;
	struct view v;
	time_t t0 = NOW - 100 * DAY, now;
	char *json, *text;
	size_t i;
	bool due;

	small_catalog(&cat);
	for (i = 0; i < 3; i++) {
		now = t0 + days[i] * DAY;
		due = days[i] >= 90;
		record_done(&prog, "alpha", t0);
		wizard_init(&w, &cat, &prog, LANG_EN, true, true);
		send(&w, WZ_NEXT, 0, now);
		send(&w, WZ_NEXT, 0, now);
		ck_assert_int_eq(w.screen, SCR_PLATFORMS);
		wizard_view(&w, now, &v);
		ck_assert_int_eq(strstr(v.items[0].detail, "check again: "
		    "settings can change back") != NULL, due);
		view_free(&v);
		/* Enter walks a due switch again; otherwise the summary */
		send(&w, WZ_NEXT, 0, now);
		ck_assert_int_eq(w.screen, due ? SCR_INFO : SCR_SUMMARY);
		w.screen = SCR_SUMMARY;
		wizard_view(&w, now, &v);
		ck_assert_int_eq(view_mentions(&v, "Check again: settings "
		    "can change back"), due);
		view_free(&v);
		json = wizard_receipt(&w, now, RECEIPT_JSON);
		ck_assert_msg(strstr(json, due ? "\"due\": true" :
		    "\"due\": false") != NULL, "%s", json);
		ck_assert(strstr(json, "\"from\": \"2026-11-12\"") != NULL);
		free(json);
		text = wizard_receipt(&w, now, RECEIPT_TEXT);
		ck_assert_int_eq(strstr(text, "now: settings can change back "
		    "(due since 12 Nov 2026)") != NULL, due);
		ck_assert_int_eq(strstr(text, "on 12 Nov 2026 (settings can "
		    "change back)") != NULL, !due);
		free(text);
		wizard_free(&w);
	}
	progress_clear(&prog);
	catalog_free(&cat);
}
END_TEST

START_TEST(test_recheck_days_is_read_and_checked)
{
	char *dir = tmpdir(), *src, *path, *text, *more;
	struct platform p;
	struct diags d = { 0 };

	src = xasprintf("%s/tests/data/receipt/catalog/linkedin.cfg", srcdir);
	text = slurp(src);
	ck_assert(text != NULL);
	path = xasprintf("%s/linkedin.cfg", dir);
	write_file(path, text);
	ck_assert_int_eq(store_platform_load(path, &p, &d), 0);
	ck_assert_int_eq(platform_recheck_days(&p), CATALOG_RECHECK_DAYS);
	platform_free(&p);
	more = xasprintf("%s\nrecheck_days = 30;\n", text);
	write_file(path, more);
	free(more);
	ck_assert_int_eq(store_platform_load(path, &p, &d), 0);
	ck_assert_int_eq(platform_recheck_days(&p), 30);
	platform_free(&p);
	more = xasprintf("%s\nrecheck_days = 0;\n", text);
	write_file(path, more);
	free(more);
	ck_assert_int_eq(store_platform_load(path, &p, &d), -1);
	ck_assert_msg(d.n > 0 && strstr(d.v[d.n - 1].msg, "'recheck_days' "
	    "must be a whole number of days from 1 to 3650") != NULL &&
	    d.v[d.n - 1].line > 0, "%s", d.n > 0 ? d.v[d.n - 1].msg : "");
	diags_free(&d);
	free(text);
	free(src);
	free(path);
	free(dir);
}
END_TEST

static Suite *
recheck_suite(void)
{
	Suite *s = suite_create("recheck");
	TCase *tc = tap_tcase(s, "recheck", 30);

	tcase_add_test(tc, test_recheck_flags_from_day_90_not_89);
	tcase_add_test(tc, test_recheck_only_for_recorded_switches);
	tcase_add_test(tc, test_recheck_counts_local_days);
	tcase_add_test(tc, test_recheck_flag_on_list_summary_and_receipt);
	tcase_add_test(tc, test_recheck_days_is_read_and_checked);
	return s;
}

/* ---- letters ---- */

static bool
has_switch(const struct platform *p)
{
	return p->mechanism != MECH_NONE && p->mechanism != MECH_EMAIL &&
	    p->mechanism != MECH_ADMIN;
}

/* Every shipped platform without a switch offers a letter that goes to a
 * known address, or says plainly where to look; in both languages. */
START_TEST(test_every_platform_without_switch_has_a_letter)
{
	static const struct {
		enum lang l;
		const char *law, *blank, *policy;
	} langs[] = {
		{ LANG_EN, "Article 21 of the General Data Protection "
		    "Regulation", "[your name]", "privacy policy of" },
		{ LANG_DE, "Artikel 21 der Datenschutz-Grundverordnung",
		    "[Ihr Name]", "Datenschutzerklärung von" }
	};
	struct catalog cat;
	struct letter l;
	const struct platform *p;
	char *text, *how;
	size_t i, k, n = 0, uncertain = 0;

	load_catalog("config/platforms", &cat);
	for (k = 0; k < 2; k++) {
		i18n_set_lang(langs[k].l);
		for (i = 0; i < cat.n; i++) {
			p = &cat.v[i];
			if (has_switch(p) && p->contact == NULL)
				continue;
			ck_assert_msg(platform_offers_letter(p), "%s", p->id);
			letter_build(&l, p, NULL, date_today(NOW), langs[k].l);
			text = letter_text(&l);
			how = letter_how_to_send(&l, p);
			ck_assert_msg(strstr(text, langs[k].law) != NULL &&
			    strstr(text, p->name) != NULL &&
			    strstr(text, langs[k].blank) != NULL &&
			    strstr(text, "(null)") == NULL, "%s: %s", p->id,
			    text);
			if (l.to.uncertain) {
				ck_assert_msg(strstr(how, langs[k].policy) !=
				    NULL, "%s: %s", p->id, how);
				uncertain += k == 0;
			} else {
				ck_assert_msg(l.to.email != NULL ||
				    l.to.url != NULL, "%s", p->id);
				ck_assert(strstr(text, l.to.email != NULL ?
				    l.to.email : l.to.url) != NULL);
				ck_assert(strstr(how, l.to.email != NULL ?
				    l.to.email : l.to.url) != NULL);
			}
			/* an address only when the catalog has one */
			ck_assert_int_eq(l.to.uncertain, p->contact == NULL &&
			    p->email == NULL && p->form == NULL);
			n += k == 0 && !has_switch(p);
			free(text);
			free(how);
			letter_free(&l);
		}
	}
	ck_assert_msg(n >= 9, "only %zu platforms without a switch", n);
	fprintf(stderr, "# %zu platforms without a switch, %zu letters "
	    "without a known address\n", n, uncertain);
	catalog_free(&cat);
}
END_TEST

START_TEST(test_letter_recipient_contact_then_email_then_form)
{
	struct catalog cat;
	struct platform *p;
	struct letter_to to;

	small_catalog(&cat);
	p = &cat.v[1];
	letter_recipient(p, &to);
	ck_assert(to.uncertain);
	ck_assert_str_eq(to.name, "Example Ltd");
	p->form = xcalloc(1, sizeof *p->form);
	p->form->url = xstrdup("https://beta.example/object");
	letter_recipient(p, &to);
	ck_assert(!to.uncertain);
	ck_assert_str_eq(to.url, "https://beta.example/object");
	p->email = xcalloc(1, sizeof *p->email);
	p->email->address = xstrdup("optout@beta.example");
	letter_recipient(p, &to);
	ck_assert_str_eq(to.email, "optout@beta.example");
	ck_assert_ptr_null(to.url);
	p->contact = xcalloc(1, sizeof *p->contact);
	p->contact->name = xstrdup("Beta GmbH, Datenschutz");
	p->contact->email = xstrdup("privacy@beta.example");
	letter_recipient(p, &to);
	ck_assert_str_eq(to.name, "Beta GmbH, Datenschutz");
	ck_assert_str_eq(to.email, "privacy@beta.example");
	catalog_free(&cat);
}
END_TEST

START_TEST(test_letter_carries_typed_name_and_email)
{
	struct catalog cat;
	struct letter_from from = { "Erika Mustermann", "erika@example.org" };
	struct letter l;
	char *text;

	small_catalog(&cat);
	i18n_set_lang(LANG_EN);
	letter_build(&l, &cat.v[1], &from, date_from_civil(2026, 11, 22),
	    LANG_EN);
	text = letter_text(&l);
	ck_assert_msg(strstr(text, "From: Erika Mustermann\nE-mail: "
	    "erika@example.org") != NULL, "%s", text);
	ck_assert(strstr(text, "Yours faithfully,\nErika Mustermann") != NULL);
	ck_assert(strstr(text, "Date: 22 November 2026") != NULL);
	ck_assert(strstr(text, "[your name]") == NULL);
	free(text);
	letter_free(&l);
	catalog_free(&cat);
}
END_TEST

/* The letter list has every platform; those without a switch say so. */
START_TEST(test_letter_list_offers_every_shipped_platform)
{
	struct catalog cat;
	struct progress prog = { 0 };
	struct wizard w;
	struct view v;
	size_t i, nsw = 0, said = 0;

	load_catalog("config/platforms", &cat);
	wizard_init(&w, &cat, &prog, LANG_EN, true, false);
	w.screen = SCR_TAKEHOME;
	w.focus = 1;		/* receipt, letter, end */
	send(&w, WZ_NEXT, 0, NOW);
	ck_assert_int_eq(w.screen, SCR_LETTERS);
	wizard_view(&w, NOW, &v);
	ck_assert_uint_eq(v.nitems, cat.n);
	for (i = 0; i < cat.n; i++) {
		nsw += !has_switch(&cat.v[i]);
		said += v.items[i].detail != NULL && strcmp(v.items[i].detail,
		    "no switch: a letter is the way") == 0;
	}
	ck_assert_uint_eq(said, nsw);
	view_free(&v);
	wizard_free(&w);
	catalog_free(&cat);
}
END_TEST

static Suite *
letter_suite(void)
{
	Suite *s = suite_create("letter");
	TCase *tc = tap_tcase(s, "letter", 60);

	tcase_add_test(tc, test_every_platform_without_switch_has_a_letter);
	tcase_add_test(tc, test_letter_recipient_contact_then_email_then_form);
	tcase_add_test(tc, test_letter_carries_typed_name_and_email);
	tcase_add_test(tc, test_letter_list_offers_every_shipped_platform);
	return s;
}

/* ---- the receipt ---- */

static const char *const golden_lang[] = { "de", "en" };
static const char *const golden_ext[] = { "txt", "md", "json" };

/* The fixture visit: an organisation with a name and an account, two
 * letters (one to a known address, one not), every status. */
static char *
fixture_receipt(enum lang l, enum receipt_format f)
{
	struct catalog cat;
	struct progress prog;
	struct takehome th;
	struct receipt_input in;
	char *s;

	load_catalog("tests/data/receipt/catalog", &cat);
	load_progress("tests/data/receipt/progress.cfg", &prog);
	memset(&th, 0, sizeof th);
	strcpy(th.name, "Erika \"Eri\" Mustermann");
	strcpy(th.email, "erika@example.org");
	strcpy(th.org_name, "Muster & Söhne *GmbH*");
	strcpy(th.org_account, "@muster_soehne");
	takehome_add_letter(&th, (size_t)catalog_find(&cat, "tiktok"));
	takehome_add_letter(&th, (size_t)catalog_find(&cat, "deepl"));
	i18n_set_lang(l);
	receipt_input_init(&in, &cat, &prog, &th, NOW, l);
	s = receipt_format(&in, f);
	receipt_input_free(&in);
	takehome_clear(&th);
	progress_clear(&prog);
	catalog_free(&cat);
	return s;
}

/* loop: 0-2 German text, md, json; 3-5 English */
START_TEST(test_receipt_matches_golden)
{
	enum lang l = _i < 3 ? LANG_DE : LANG_EN;
	enum receipt_format f = (enum receipt_format)(_i % 3);
	char *path = xasprintf("%s/tests/data/receipt/receipt.%s.%s", srcdir,
	    golden_lang[l], golden_ext[f]);
	char *got = fixture_receipt(l, f), *want, *bad = NULL;
	const char *regen = getenv("OPTOUT_REGEN_GOLDEN");

	if (regen != NULL && strcmp(regen, "1") == 0)
		write_file(path, got);
	want = slurp(path);
	ck_assert_msg(want != NULL, "%s is missing (OPTOUT_REGEN_GOLDEN=1 "
	    "makes it)", path);
	ck_assert_msg(strcmp(got, want) == 0, "%s differs; got:\n%s", path,
	    got);
	if (f == RECEIPT_TEXT)
		ck_assert_msg(fits(got, 80, &bad), "wider than 80: %s", bad);
	free(want);
	free(got);
	free(path);
}
END_TEST

START_TEST(test_receipt_groups_waiting_adviser_and_letters)
{
	char *t;

	t = fixture_receipt(LANG_EN, RECEIPT_TEXT);
	ck_assert(strstr(t, "  Waiting for a confirmation:  Facebook\n") !=
	    NULL);
	ck_assert(strstr(t, "  For an adviser:              TikTok, Slack\n")
	    != NULL);
	ck_assert(strstr(t, "For a talk with an adviser\n") != NULL);
	ck_assert(strstr(t, "* TikTok: needs help.") != NULL);
	ck_assert(strstr(t, "* Slack: problem.") != NULL);
	ck_assert(strstr(t, "Letter to TikTok\n") != NULL);
	ck_assert(strstr(t, "Letter to DeepL\n") != NULL);
	ck_assert(strstr(t, "To: DeepL SE, Maarweg 165, 50825 Köln\n"
	    "privacy@deepl.com") != NULL);
	ck_assert(strstr(t, "For: an organisation: Muster & Söhne *GmbH* "
	    "(account: @muster_soehne)") != NULL);
	/* a record the catalog no longer has is kept */
	ck_assert(strstr(t, "\nmastodon\n~~~~~~~~\n  Status:") != NULL);
	free(t);
}
END_TEST

START_TEST(test_receipt_json_escapes_and_markdown_escapes)
{
	char *j = fixture_receipt(LANG_EN, RECEIPT_JSON);
	char *m = fixture_receipt(LANG_EN, RECEIPT_MARKDOWN);

	ck_assert(strstr(j, "From: Erika \\\"Eri\\\" Mustermann\\nE-mail: "
	    "erika@example.org") != NULL);
	ck_assert(strstr(j, "\"organisation_name\": \"Muster & Söhne "
	    "*GmbH*\"") != NULL);
	ck_assert(strstr(m, "Muster & Söhne \\*GmbH\\* (account: "
	    "@muster\\_soehne)") != NULL);
	/* the letter is verbatim in a fence */
	ck_assert(strstr(m, "```text\nTo: TikTok\n") != NULL);
	free(j);
	free(m);
}
END_TEST

/* Every shipped platform in every status, in both languages, with a very
 * long typed organisation name: no text line is wider than 80. */
START_TEST(test_text_receipt_fits_80_columns_everywhere)
{
	struct catalog cat;
	struct progress prog = { 0 };
	struct takehome th;
	struct receipt_input in;
	enum surface_kind sk;
	char *t, *bad = NULL;
	size_t i, k;
	enum lang l;

	load_catalog("config/platforms", &cat);
	memset(&th, 0, sizeof th);
	memset(th.org_name, 'W', sizeof th.org_name - 1);
	memset(th.org_account, 'x', sizeof th.org_account - 1);
	memset(th.name, 'N', sizeof th.name - 1);
	prog.account = ACCOUNT_ORG;
	for (k = 0; k < ST_COUNT; k++) {
		for (i = 0; i < cat.n; i++) {
			sk = cat.v[i].nsurfaces > 0 ? cat.v[i].surfaces[(i + k) %
			    cat.v[i].nsurfaces].kind : SURF_WEB;
			progress_record(&prog, cat.v[i].id,
			    (enum status)((i + k) % ST_COUNT),
			    cat.v[i].nsurfaces > 0 ? &sk : NULL,
			    NOW - (time_t)(i * 7) * DAY);
			if (k == 0)
				takehome_add_letter(&th, i);
		}
		for (l = LANG_DE; l < LANG_COUNT; l++) {
			i18n_set_lang(l);
			receipt_input_init(&in, &cat, &prog, &th, NOW, l);
			t = receipt_format(&in, RECEIPT_TEXT);
			ck_assert_msg(fits(t, 80, &bad), "%s: wider than 80: "
			    "%s", lang_code(l), bad);
			free(t);
			receipt_input_free(&in);
		}
	}
	takehome_clear(&th);
	progress_clear(&prog);
	catalog_free(&cat);
}
END_TEST

START_TEST(test_receipt_with_nothing_recorded)
{
	struct catalog cat;
	struct progress prog = { 0 };
	struct receipt_input in;
	char *t;

	small_catalog(&cat);
	i18n_set_lang(LANG_EN);
	receipt_input_init(&in, &cat, &prog, NULL, NOW, LANG_EN);
	ck_assert_ptr_null(in.resume_code);
	t = receipt_format(&in, RECEIPT_TEXT);
	ck_assert(strstr(t, "Nothing is recorded yet.") != NULL);
	ck_assert(strstr(t, "Platform by platform") == NULL);
	free(t);
	t = receipt_format(&in, RECEIPT_JSON);
	ck_assert(strstr(t, "\"platforms\": [],") != NULL);
	ck_assert(strstr(t, "\"resume_code\": null") != NULL);
	free(t);
	receipt_input_free(&in);
	catalog_free(&cat);
}
END_TEST

/* Times carry their zone: letters and offsets in ISO form too. */
START_TEST(test_receipt_names_the_time_zone)
{
	struct catalog cat;
	struct progress prog = { 0 };
	struct receipt_input in;
	char *t;

	if (access("/usr/share/zoneinfo/Europe/Berlin", R_OK) != 0)
		return;
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	small_catalog(&cat);
	record_done(&prog, "alpha", NOW - 3600);
	i18n_set_lang(LANG_EN);
	receipt_input_init(&in, &cat, &prog, NULL, NOW, LANG_EN);
	t = receipt_format(&in, RECEIPT_JSON);
	ck_assert_msg(strstr(t, "\"made\": \"2026-11-22T11:30:00+01:00\"") !=
	    NULL, "%s", t);
	ck_assert(strstr(t, "\"recorded\": \"2026-11-22T10:30:00+01:00\"") !=
	    NULL);
	ck_assert(strstr(t, "\"time_zone\": \"CET\"") != NULL);
	free(t);
	t = receipt_format(&in, RECEIPT_TEXT);
	ck_assert(strstr(t, "22 Nov 2026, 10:30 CET") != NULL);
	free(t);
	receipt_input_free(&in);
	progress_clear(&prog);
	catalog_free(&cat);
	setenv("TZ", "UTC", 1);
	tzset();
}
END_TEST

START_TEST(test_receipt_format_codes)
{
	enum receipt_format f;

	ck_assert(receipt_format_from_code("text", &f) && f == RECEIPT_TEXT);
	ck_assert(receipt_format_from_code("md", &f) &&
	    f == RECEIPT_MARKDOWN);
	ck_assert(receipt_format_from_code("json", &f) && f == RECEIPT_JSON);
	ck_assert(!receipt_format_from_code("pdf", &f));
	ck_assert_str_eq(receipt_format_code(RECEIPT_MARKDOWN), "md");
}
END_TEST

static Suite *
receipt_suite(void)
{
	Suite *s = suite_create("receipt");
	TCase *tc = tap_tcase(s, "receipt", 60);

	tcase_add_loop_test(tc, test_receipt_matches_golden, 0, 6);
	tcase_add_test(tc, test_receipt_groups_waiting_adviser_and_letters);
	tcase_add_test(tc, test_receipt_json_escapes_and_markdown_escapes);
	tcase_add_test(tc, test_text_receipt_fits_80_columns_everywhere);
	tcase_add_test(tc, test_receipt_with_nothing_recorded);
	tcase_add_test(tc, test_receipt_names_the_time_zone);
	tcase_add_test(tc, test_receipt_format_codes);
	return s;
}

/* ---- the take-home screens ---- */

static struct catalog fcat;
static struct progress fprog;
static struct wizard fw;

static void
flow_setup(void)
{
	small_catalog(&fcat);
	memset(&fprog, 0, sizeof fprog);
	wizard_init(&fw, &fcat, &fprog, LANG_EN, true, true);
	i18n_set_lang(LANG_EN);
}

static void
flow_teardown(void)
{
	wizard_free(&fw);
	progress_clear(&fprog);
	catalog_free(&fcat);
}

/* Ticks Alpha, records it done, and reaches the summary. */
static void
to_summary(void)
{
	send(&fw, WZ_NEXT, 0, NOW);		/* English */
	send(&fw, WZ_NEXT, 0, NOW);		/* for myself */
	send(&fw, WZ_TICK, 0, NOW);
	send(&fw, WZ_NEXT, 0, NOW);
	ck_assert_int_eq(fw.screen, SCR_INFO);
	while (fw.screen != SCR_RECORD)
		send(&fw, WZ_NEXT, 0, NOW);
	send(&fw, WZ_NEXT, 0, NOW);		/* done */
	ck_assert_int_eq(fw.screen, SCR_SUMMARY);
}

static void
choose(const char *label)
{
	struct view v;
	long i;

	wizard_view(&fw, NOW, &v);
	i = item_index(&v, label);
	ck_assert_msg(i >= 0, "no item \"%s\" on screen %d", label,
	    (int)fw.screen);
	view_free(&v);
	fw.focus = (size_t)i;
	send(&fw, WZ_NEXT, 0, NOW);
}

START_TEST(test_summary_leads_to_take_home_and_back)
{
	struct view v;

	to_summary();
	ck_assert_int_eq(send(&fw, WZ_NEXT, 0, NOW), WZ_R_SCREEN);
	ck_assert_int_eq(fw.screen, SCR_TAKEHOME);
	wizard_view(&fw, NOW, &v);
	ck_assert_uint_eq(v.nitems, 3);
	ck_assert_str_eq(v.items[0].label, "Save my receipt as a file and "
	    "show it");
	ck_assert_str_eq(v.items[2].label, "Quit optout");
	ck_assert_int_lt(item_index(&v, "Print my receipt"), 0);
	view_free(&v);
	send(&fw, WZ_BACK, 0, NOW);
	ck_assert_int_eq(fw.screen, SCR_SUMMARY);
}
END_TEST

/* Personal: the front end is asked to save, and the screen says where. */
START_TEST(test_personal_receipt_is_saved_and_shown)
{
	struct view v;
	int r;

	to_summary();
	send(&fw, WZ_NEXT, 0, NOW);
	r = send(&fw, WZ_NEXT, 0, NOW);
	ck_assert_int_eq(r, WZ_R_SCREEN | WZ_R_RECEIPT);
	ck_assert_int_eq(fw.screen, SCR_RECEIPT);
	wizard_set_receipt_saved(&fw, "/home/e/optout-receipt-2026-11-22.txt",
	    NULL);
	wizard_view(&fw, NOW, &v);
	ck_assert_str_eq(v.blocks[0].text, "Saved as a file: /home/e/optout-"
	    "receipt-2026-11-22.txt. Open it with any text editor, or print "
	    "it.");
	ck_assert(view_mentions(&v, "Status: done"));
	view_free(&v);
	send(&fw, WZ_NEXT, 0, NOW);
	ck_assert_int_eq(fw.screen, SCR_TAKEHOME);
	send(&fw, WZ_NEXT, 0, NOW);
	wizard_set_receipt_saved(&fw, NULL, "Permission denied");
	wizard_view(&fw, NOW, &v);
	ck_assert_str_eq(v.blocks[0].text, "The receipt could not be saved: "
	    "Permission denied");
	view_free(&v);
}
END_TEST

/* Kiosk: only shown, never a request to save; printing when set up. */
START_TEST(test_kiosk_receipt_is_only_shown_and_may_print)
{
	struct view v;

	fw.persistent = false;
	fw.receipt_file = false;
	fw.mode = WZ_KIOSK;
	to_summary();
	send(&fw, WZ_NEXT, 0, NOW);
	ck_assert_int_eq(send(&fw, WZ_NEXT, 0, NOW), WZ_R_SCREEN);
	wizard_view(&fw, NOW, &v);
	ck_assert_str_eq(v.blocks[0].text, "This receipt is not stored on "
	    "this computer. Take a photo of it, or write down what you need.");
	view_free(&v);
	send(&fw, WZ_BACK, 0, NOW);
	fw.can_print = true;
	wizard_view(&fw, NOW, &v);
	ck_assert_int_eq(item_index(&v, "Print my receipt"), 1);
	ck_assert_int_eq(item_index(&v, "End my visit and clear everything"),
	    3);
	view_free(&v);
	fw.focus = 1;
	ck_assert_int_eq(send(&fw, WZ_NEXT, 0, NOW), WZ_R_PRINT);
	wizard_set_printed(&fw, "\"lp\" ended with status 1");
	wizard_view(&fw, NOW, &v);
	ck_assert_str_eq(v.blocks[0].text, "Printing did not work: \"lp\" "
	    "ended with status 1. Please tell the staff.");
	ck_assert(v.message_error);
	view_free(&v);
	fw.focus = 3;
	ck_assert_int_eq(send(&fw, WZ_NEXT, 0, NOW), WZ_R_WIPE);
}
END_TEST

/* Typing the name and address for a letter: Enter keeps, Esc does not,
 * Backspace erases a character (not a byte), control keys do nothing. */
START_TEST(test_letter_details_are_typed_on_screen)
{
	struct view v;
	char *t;

	to_summary();
	send(&fw, WZ_NEXT, 0, NOW);
	choose("Write an objection letter");
	ck_assert_int_eq(fw.screen, SCR_LETTERS);
	choose("Beta");
	ck_assert_int_eq(fw.screen, SCR_DETAILS);
	ck_assert_uint_eq(fw.focus, 0);
	send(&fw, WZ_NEXT, 0, NOW);		/* type into "Your name" */
	ck_assert(fw.editing);
	wizard_view(&fw, NOW, &v);
	ck_assert(v.input_active);
	ck_assert_str_eq(v.input_label, "Your name:");
	ck_assert_uint_eq(v.nkeys, 2);	/* keep it, cancel: q types */
	view_free(&v);
	type(&fw, "Jos");
	send(&fw, WZ_CHAR, 0xe9, NOW);		/* é */
	send(&fw, WZ_CHAR, 0x1b, NOW);		/* Esc as a character: no */
	send(&fw, WZ_ERASE, 0, NOW);
	send(&fw, WZ_CHAR, 0xe9, NOW);
	type(&fw, "  ");
	send(&fw, WZ_NEXT, 0, NOW);		/* keep, on to the e-mail */
	ck_assert(!fw.editing);
	ck_assert_str_eq(fw.th.name, "Jos\xc3\xa9");
	ck_assert_uint_eq(fw.focus, 1);
	send(&fw, WZ_NEXT, 0, NOW);
	type(&fw, "wrong");
	send(&fw, WZ_BACK, 0, NOW);		/* Esc: nothing changes */
	ck_assert_str_eq(fw.th.email, "");
	ck_assert_int_eq(fw.screen, SCR_DETAILS);
	send(&fw, WZ_NEXT, 0, NOW);
	type(&fw, "jose@example.org");
	send(&fw, WZ_NEXT, 0, NOW);
	ck_assert_str_eq(fw.th.email, "jose@example.org");
	send(&fw, WZ_NEXT, 0, NOW);		/* show the letter */
	ck_assert_int_eq(fw.screen, SCR_LETTER);
	wizard_view(&fw, NOW, &v);
	ck_assert(view_mentions(&v, "From: Jos\xc3\xa9\nE-mail: "
	    "jose@example.org"));
	ck_assert(view_mentions(&v, "Not certain: optout knows no address"));
	view_free(&v);
	send(&fw, WZ_NEXT, 0, NOW);
	ck_assert_int_eq(fw.screen, SCR_TAKEHOME);
	t = wizard_receipt(&fw, NOW, RECEIPT_TEXT);
	ck_assert(strstr(t, "Letter to Beta\n") != NULL);
	ck_assert(strstr(t, "Yours faithfully,\nJos\xc3\xa9\n") != NULL);
	free(t);
}
END_TEST

/* What is typed never reaches the state file, and a new kiosk visit
 * starts without it. */
START_TEST(test_typed_details_are_never_saved_and_wiped)
{
	char *state;

	to_summary();
	send(&fw, WZ_NEXT, 0, NOW);
	choose("Write an objection letter");
	choose("Beta");
	send(&fw, WZ_NEXT, 0, NOW);
	type(&fw, "Erika Mustermann");
	send(&fw, WZ_NEXT, 0, NOW);
	send(&fw, WZ_NEXT, 0, NOW);
	type(&fw, "erika@example.org");
	send(&fw, WZ_NEXT, 0, NOW);
	send(&fw, WZ_NEXT, 0, NOW);
	state = store_progress_format(&fprog);
	ck_assert(strstr(state, "Erika") == NULL);
	ck_assert(strstr(state, "example.org") == NULL);
	ck_assert(strstr(state, "alpha") != NULL);
	free(state);
	fw.mode = WZ_KIOSK;
	wizard_reset(&fw);
	ck_assert_str_eq(fw.th.name, "");
	ck_assert_str_eq(fw.th.email, "");
	ck_assert_uint_eq(fw.th.nletters, 0);
}
END_TEST

START_TEST(test_organisation_names_itself_on_the_receipt)
{
	char *t;

	to_summary();
	fw.prog->account = ACCOUNT_ORG;
	send(&fw, WZ_NEXT, 0, NOW);
	choose("Name the organisation on the receipt");
	ck_assert_int_eq(fw.screen, SCR_DETAILS);
	send(&fw, WZ_NEXT, 0, NOW);
	type(&fw, "Praxis Dr. Weber");
	send(&fw, WZ_DOWN, 0, NOW);		/* keeps it and moves on */
	ck_assert_str_eq(fw.th.org_name, "Praxis Dr. Weber");
	send(&fw, WZ_NEXT, 0, NOW);
	type(&fw, "@praxisweber");
	send(&fw, WZ_NEXT, 0, NOW);
	send(&fw, WZ_NEXT, 0, NOW);		/* done */
	ck_assert_int_eq(fw.screen, SCR_TAKEHOME);
	t = wizard_receipt(&fw, NOW, RECEIPT_TEXT);
	ck_assert_msg(strstr(t, "For: an organisation: Praxis Dr. Weber "
	    "(account: @praxisweber)") != NULL, "%s", t);
	free(t);
}
END_TEST

/* Waiting for a confirmation is its own status, listed as waiting. */
START_TEST(test_summary_lists_what_still_waits)
{
	enum surface_kind web = SURF_WEB;
	struct view v;
	size_t i;
	long waiting = -1, done = -1, open = -1, fb = -1;

	progress_record(&fprog, "alpha", ST_FORM_SENT, &web, NOW);
	progress_record(&fprog, "beta", ST_LATER, NULL, NOW);
	fw.screen = SCR_SUMMARY;
	wizard_view(&fw, NOW, &v);
	for (i = 0; i < v.nblocks; i++) {
		if (strcmp(v.blocks[i].text, "Waiting for a confirmation or an "
		    "answer") == 0)
			waiting = (long)i;
		if (strcmp(v.blocks[i].text, "Done") == 0)
			done = (long)i;
		if (strcmp(v.blocks[i].text, "Still open") == 0)
			open = (long)i;
		if (strstr(v.blocks[i].text, "Alpha: form sent, waiting for "
		    "confirmation, ") == v.blocks[i].text)
			fb = (long)i;
	}
	ck_assert_int_ge(waiting, 0);
	ck_assert_int_eq(done, -1);
	ck_assert_int_eq(fb, waiting + 1);
	ck_assert_int_gt(open, fb);
	view_free(&v);
}
END_TEST

START_TEST(test_info_offers_the_letter_where_nothing_switches)
{
	struct view v;

	send(&fw, WZ_NEXT, 0, NOW);
	send(&fw, WZ_NEXT, 0, NOW);
	fw.focus = 1;
	send(&fw, WZ_OPEN, 0, NOW);		/* Beta: no switch */
	ck_assert_int_eq(fw.screen, SCR_INFO);
	wizard_view(&fw, NOW, &v);
	ck_assert(view_mentions(&v, "optout writes this letter for you"));
	view_free(&v);
	send(&fw, WZ_BACK, 0, NOW);
	fw.focus = 0;
	send(&fw, WZ_OPEN, 0, NOW);		/* Alpha has a switch */
	wizard_view(&fw, NOW, &v);
	ck_assert(!view_mentions(&v, "optout writes this letter for you"));
	view_free(&v);
}
END_TEST

static Suite *
flow_suite(void)
{
	Suite *s = suite_create("takehome");
	TCase *tc = tap_tcase(s, "takehome", 30);

	tcase_add_checked_fixture(tc, flow_setup, flow_teardown);
	tcase_add_test(tc, test_summary_leads_to_take_home_and_back);
	tcase_add_test(tc, test_personal_receipt_is_saved_and_shown);
	tcase_add_test(tc, test_kiosk_receipt_is_only_shown_and_may_print);
	tcase_add_test(tc, test_letter_details_are_typed_on_screen);
	tcase_add_test(tc, test_typed_details_are_never_saved_and_wiped);
	tcase_add_test(tc, test_organisation_names_itself_on_the_receipt);
	tcase_add_test(tc, test_summary_lists_what_still_waits);
	tcase_add_test(tc, test_info_offers_the_letter_where_nothing_switches);
	return s;
}

/* ---- print_command and running it ---- */

static int
load_settings(const char *text, struct settings *s, struct diags *d)
{
	char *dir = tmpdir(), *path = xasprintf("%s/optout.cfg", dir);
	int rc;

	write_file(path, text);
	settings_defaults(s);
	rc = store_settings_load(path, s, d);
	free(path);
	free(dir);
	return rc;
}

START_TEST(test_print_command_is_read_as_words)
{
	struct settings s;
	struct diags d = { 0 };

	ck_assert_int_eq(load_settings("print_command = [\"lp\", \"-o\", "
	    "\"cpi=12\"];\n", &s, &d), 0);
	ck_assert_str_eq(s.print_command[0], "lp");
	ck_assert_str_eq(s.print_command[1], "-o");
	ck_assert_str_eq(s.print_command[2], "cpi=12");
	ck_assert_ptr_null(s.print_command[3]);
	settings_free(&s);
	ck_assert_int_eq(load_settings("print_command = [];\n", &s, &d), 0);
	ck_assert_ptr_null(s.print_command);
	ck_assert_int_eq(load_settings("kiosk = true;\n\nprint_command = "
	    "\"lp -o cpi=12\";\n", &s, &d), -1);
	ck_assert_msg(d.n == 1 && d.v[0].line == 3 && strstr(d.v[0].msg,
	    "'print_command' must be an array of strings") != NULL, "%s",
	    d.n > 0 ? d.v[0].msg : "");
	ck_assert_ptr_null(s.print_command);
	diags_free(&d);
	ck_assert_int_eq(load_settings("print_command = [\"\"];\n", &s, &d),
	    -1);
	diags_free(&d);
	settings_free(&s);
}
END_TEST

/* Words with ; $( ) ` and spaces arrive as written; the data arrives on
 * standard input; nothing is run by a shell. */
START_TEST(test_run_passes_words_literally)
{
	char *dir = tmpdir(), *script = xasprintf("%s/rec", dir);
	char *args = xasprintf("%s/args", dir), *in = xasprintf("%s/in", dir);
	char *pwned = xasprintf("%s/pwned", dir), *touch, *got, *err = NULL;
	char *argv[6];

	write_file(script, "#!/bin/sh\nd=$(dirname \"$0\")\n"
	    "for a in \"$@\"; do printf '<%s>\\n' \"$a\"; done > \"$d/args\"\n"
	    "cat > \"$d/in\"\n");
	chmod(script, 0755);
	touch = xasprintf("$(touch %s)", pwned);
	argv[0] = script;
	argv[1] = (char *)"a;b";
	argv[2] = touch;
	argv[3] = (char *)"`id` | cat";
	argv[4] = (char *)"two words";
	argv[5] = NULL;
	ck_assert_int_eq(run_with_input(argv, "receipt\ntext\n", 13, &err), 0);
	got = slurp(args);
	ck_assert_ptr_nonnull(got);
	ck_assert_msg(strstr(got, "<a;b>\n") != NULL && strstr(got, touch) !=
	    NULL && strstr(got, "<`id` | cat>\n<two words>\n") != NULL, "%s",
	    got);
	free(got);
	got = slurp(in);
	ck_assert_str_eq(got, "receipt\ntext\n");
	ck_assert_int_ne(access(pwned, F_OK), 0);
	free(got);
	free(touch);
	free(pwned);
	free(in);
	free(args);
	free(script);
	free(dir);
}
END_TEST

START_TEST(test_run_says_what_went_wrong)
{
	char *argv[4] = { (char *)"sh", (char *)"-c", NULL, NULL };
	char *err = NULL, big[70000];

	argv[2] = (char *)"cat > /dev/null; echo 'lp: no default "
	    "destination' >&2; exit 3";
	ck_assert_int_eq(run_with_input(argv, "x", 1, &err), -1);
	ck_assert_str_eq(err, "\"sh\" ended with status 3: lp: no default "
	    "destination");
	free(err);
	/* a command that reads nothing does not block a long receipt */
	memset(big, 'r', sizeof big);
	argv[2] = (char *)"exit 0";
	ck_assert_int_eq(run_with_input(argv, big, sizeof big, &err), 0);
	argv[2] = (char *)"kill -TERM $$";
	ck_assert_int_eq(run_with_input(argv, "x", 1, &err), -1);
	ck_assert_str_eq(err, "\"sh\" was stopped by signal 15");
	free(err);
	argv[0] = (char *)"/nonexistent/lp";
	ck_assert_int_eq(run_with_input(argv, "x", 1, &err), -1);
	ck_assert_str_eq(err, "the program \"/nonexistent/lp\" could not be "
	    "started: No such file or directory");
	free(err);
}
END_TEST

static Suite *
print_suite(void)
{
	Suite *s = suite_create("print");
	TCase *tc = tap_tcase(s, "print", 30);

	tcase_add_test(tc, test_print_command_is_read_as_words);
	tcase_add_test(tc, test_run_passes_words_literally);
	tcase_add_test(tc, test_run_says_what_went_wrong);
	return s;
}

static int
remove_one(const char *path, const struct stat *st, int type,
    struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	remove(path);
	return 0;
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR"), *top = getenv("top_srcdir");
	const char *build = getenv("top_builddir");
	char *locale;
	int rc;

	if (top != NULL && top[0] != '\0')
		srcdir = top;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "C.utf8");
	setenv("TZ", "UTC", 1);
	tzset();
	/* the German golden files need the freshly built messages */
	locale = xasprintf("%s/po/locale", build != NULL && build[0] != '\0' ?
	    build : srcdir);
	bindtextdomain(PACKAGE, locale);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	free(locale);
	base = xasprintf("%s/optout-takehome.XXXXXX", tmp != NULL &&
	    tmp[0] == '/' ? tmp : "/tmp");
	if (mkdtemp(base) == NULL) {
		perror(base);
		return 99;
	}
	rc = tap_run(recheck_suite(), letter_suite(), receipt_suite(),
	    flow_suite(), print_suite(), NULL);
	nftw(base, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	free(base);
	return rc;
}
