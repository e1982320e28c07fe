/* test_core.c: the model and the flow, without files or a terminal.
 * gettext is not set up here, so every message is its English msgid. */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/catalog.h"
#include "core/date.h"
#include "core/diag.h"
#include "core/help.h"
#include "core/lang.h"
#include "core/kv.h"
#include "core/progress.h"
#include "core/resume.h"
#include "core/room.h"
#include "core/text.h"
#include "core/view.h"
#include "core/wizard.h"
#include "core/words.h"
#include "core/workshop.h"
#include "core/xmalloc.h"
#include "helpers.h"
#include "tap.h"

#define START	20395			/* 2025-11-03: training starts */
#define NOW	((time_t)1763800000)	/* 2025-11-22 08:26:40 UTC */

/* ---- helpers ---- */

static struct step
mkstep(struct ltext text, struct ltext label, bool menu)
{
	struct step st;

	st.text = text;
	st.label = label;
	st.menu = menu;
	return st;
}

static bool
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A copy fit for a one-line TAP message: line breaks shown as "\\n". */
static char *
oneline(const char *s)
{
	char *out = xmalloc(2 * strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++) {
		if (*s == '\n') {
			*o++ = '\\';
			*o++ = 'n';
		} else
			*o++ = *s;
	}
	*o = '\0';
	return out;
}

/* True if s is valid UTF-8 and nothing in it could steer a terminal. */
static bool
clean(const char *s)
{
	size_t n = strlen(s), i = 0, k;
	uint32_t cp;

	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0)
			return false;
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
		    text_is_unsafe(cp))
			return false;
		i += k;
	}
	return true;
}

static void
add_source(struct platform *p)
{
	p->sources = xcalloc(1, sizeof *p->sources);
	p->sources[0].url = xstrdup("https://news.example/a");
	p->sources[0].publisher = xstrdup("Example News");
	p->sources[0].date = xstrdup("2025-10");
	p->nsources = 1;
}

static void
add_start(struct platform *p, int32_t date)
{
	p->events = xcalloc(1, sizeof *p->events);
	p->events[0].kind = EVENT_TRAINING_START;
	p->events[0].date = date;
	p->events[0].what = lt("Das Training beginnt.", "Training starts.");
	p->nevents = 1;
}

static void
common(struct platform *p, const char *id, const char *name,
    enum category cat, enum mechanism mech)
{
	memset(p, 0, sizeof *p);
	p->id = xstrdup(id);
	p->name = xstrdup(name);
	p->operator_name = xstrdup("Example Ltd");
	p->category = cat;
	p->mechanism = mech;
	p->verified = START - 5;
	p->summary = lt("Nutzt Beiträge.", "Uses your posts.");
	p->legal_basis = lt("Berechtigtes Interesse.", "Legitimate interest.");
	p->retroactivity = lt("Nicht rückwirkend.", "Not retroactive.");
	add_source(p);
}

/* Alpha: switch off, web and app, training started on START; its pages
 * cannot object. */
static void
make_alpha(struct platform *p)
{
	struct surface *sf;

	common(p, "alpha", "Alpha", CAT_SOCIAL, MECH_TOGGLE_OFF);
	add_start(p, START);
	p->org_can_object = false;
	p->org_note = lt("Alpha-Seiten können nicht widersprechen.",
	    "Alpha pages cannot object.");
	p->caveats = xcalloc(1, sizeof *p->caveats);
	p->caveats[0] = lt("Gilt pro Konto.", "Applies per account.");
	p->ncaveats = 1;
	p->surfaces = xcalloc(2, sizeof *p->surfaces);
	p->nsurfaces = 2;
	sf = &p->surfaces[0];
	sf->kind = SURF_WEB;
	sf->url = xstrdup("https://alpha.example/settings");
	sf->search = lt("KI", "AI");
	sf->steps = xcalloc(3, sizeof *sf->steps);
	sf->steps[0] = mkstep(lt("Klicken Sie auf Ihr Bild {}.",
	    "Click your picture {}."), lt("Sie", "Me"), false);
	sf->steps[1] = mkstep(lt("Klicken Sie auf {}.", "Click {}."),
	    lt("Einstellungen", "Settings"), true);
	sf->steps[2] = mkstep(lt("Wählen Sie {}.", "Choose {}."),
	    lt(NULL, "Data for AI"), true);
	sf->nsteps = 3;
	sf->final.action = ACT_SWITCH_OFF;
	sf->final.label = lt("KI-Daten nutzen", "Use my data for AI");
	sf->final.state = lt("Aus", "Off");
	sf = &p->surfaces[1];
	sf->kind = SURF_APP;
	sf->steps = xcalloc(1, sizeof *sf->steps);
	sf->steps[0] = mkstep(lt("Tippen Sie auf {}.", "Tap {}."),
	    lt("Einstellungen", "Settings"), true);
	sf->nsteps = 1;
	sf->final.action = ACT_SWITCH_OFF;
	sf->final.label = lt("KI-Daten nutzen", "Use my data for AI");
}

/* Beta: an objection form on the web only. */
static void
make_beta(struct platform *p)
{
	struct surface *sf;

	common(p, "beta", "Beta", CAT_SOCIAL, MECH_FORM);
	add_start(p, 20235);
	p->org_can_object = true;
	p->org_note = lt("Auch Seiten widersprechen.", "Pages object too.");
	p->form = xcalloc(1, sizeof *p->form);
	p->form->name = lt(NULL, "Objection form");
	p->form->url = xstrdup("https://beta.example/form");
	p->form->asks = lt("Name und E-Mail.", "Your name and e-mail.");
	p->form->confirmation = true;
	p->surfaces = xcalloc(1, sizeof *p->surfaces);
	p->nsurfaces = 1;
	sf = &p->surfaces[0];
	sf->kind = SURF_WEB;
	sf->url = xstrdup("https://beta.example/form");
	sf->steps = xcalloc(1, sizeof *sf->steps);
	sf->steps[0] = mkstep(lt("Öffnen Sie das Formular",
	    "Open the form"), lt("Widerspruch", "Object"), false);
	sf->nsteps = 1;
	sf->final.action = ACT_SUBMIT;
	sf->final.label = lt("Senden", "Submit");
}

/* Gamma: a messenger where switching ON protects; no training date. */
static void
make_gamma(struct platform *p)
{
	struct surface *sf;

	common(p, "gamma", "Gamma", CAT_MESSENGER, MECH_TOGGLE_ON);
	p->org_can_object = false;
	p->org_note = lt("Kein Widerspruch.", "No objection at all.");
	p->surfaces = xcalloc(1, sizeof *p->surfaces);
	p->nsurfaces = 1;
	sf = &p->surfaces[0];
	sf->kind = SURF_APP;
	sf->steps = xcalloc(1, sizeof *sf->steps);
	sf->steps[0] = mkstep(lt("Öffnen Sie den Chat und tippen Sie {}.",
	    "Open the chat and tap {}."), lt("Datenschutz", "Privacy"), true);
	sf->nsteps = 1;
	sf->final.action = ACT_SWITCH_ON;
	sf->final.label = lt("Erweiterter Chat-Datenschutz",
	    "Advanced Chat Privacy");
}

static struct catalog cat;
static struct progress prog;
static struct wizard wz;

enum { ALPHA, BETA, GAMMA };	/* list order: social, then messenger */

static void
setup(void)
{
	size_t i;

	memset(&cat, 0, sizeof cat);
	memset(&prog, 0, sizeof prog);
	cat.v = xcalloc(3, sizeof *cat.v);
	/* Out of order on purpose: catalog_sort makes the list order. */
	make_gamma(&cat.v[0]);
	make_beta(&cat.v[1]);
	make_alpha(&cat.v[2]);
	cat.n = 3;
	catalog_sort(&cat);
	for (i = 0; i < cat.n; i++) {	/* resume-code slots: 0, 1, 2 */
		cat.v[i].has_slot = true;
		cat.v[i].slot = (unsigned)i;
	}
	wizard_init(&wz, &cat, &prog, LANG_EN, true, true);
}

static void
teardown(void)
{
	wizard_free(&wz);
	progress_clear(&prog);
	catalog_free(&cat);
}

static int
ev(enum wz_event_kind k)
{
	struct wz_event e = { k, 0 };

	return wizard_handle(&wz, e, NOW);
}

static int
pick(int n)
{
	struct wz_event e = { WZ_PICK, n };

	return wizard_handle(&wz, e, NOW);
}

/* Welcome (English) -> who (private or organisation) -> platform list. */
static void
to_list(bool org)
{
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_WHO);
	if (org)
		ev(WZ_DOWN);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_PLATFORMS);
}

/* Ticks the platforms of the list by index. */
static void
tick(size_t i)
{
	wz.focus = i;
	ck_assert_int_eq(ev(WZ_TICK), WZ_R_PROGRESS);
}

static bool
view_has_block(const struct view *v, enum vkind kind, const char *text)
{
	size_t i;

	for (i = 0; i < v->nblocks; i++) {
		if (v->blocks[i].kind == kind &&
		    strcmp(v->blocks[i].text, text) == 0)
			return true;
	}
	return false;
}

static bool
view_has_block_prefix(const struct view *v, enum vkind kind, const char *text)
{
	size_t i;

	for (i = 0; i < v->nblocks; i++) {
		if (v->blocks[i].kind == kind &&
		    starts(v->blocks[i].text, text))
			return true;
	}
	return false;
}

static bool
view_has_key(const struct view *v, enum vkey_kind kind)
{
	size_t i;

	for (i = 0; i < v->nkeys; i++) {
		if (v->keys[i].kind == kind)
			return true;
	}
	return false;
}

/* What every screen must offer: a title, key hints, a sane focus, and
 * text that is safe to draw. */
static void
assert_view_sane(void)
{
	struct view v;
	size_t i;

	wizard_view(&wz, NOW, &v);
	ck_assert_int_eq(v.screen, wz.screen);
	ck_assert_msg(v.title != NULL && v.title[0] != '\0',
	    "screen %d has no title", (int)wz.screen);
	ck_assert_msg(clean(v.title), "screen %d: title not clean",
	    (int)wz.screen);
	ck_assert_msg(v.nkeys >= 1, "screen %d shows no key", (int)wz.screen);
	ck_assert_msg(view_has_key(&v, VK_HELP) == (wz.screen != SCR_HELP),
	    "screen %d: help key", (int)wz.screen);
	ck_assert_msg(view_has_key(&v, VK_QUIT) == (wz.screen != SCR_QUIT),
	    "screen %d: quit key", (int)wz.screen);
	ck_assert_msg(view_has_key(&v, wz.lang == LANG_DE ? VK_LANG_EN :
	    VK_LANG_DE) && !view_has_key(&v, wz.lang == LANG_DE ?
	    VK_LANG_DE : VK_LANG_EN), "screen %d: the language key",
	    (int)wz.screen);
	ck_assert_msg(view_has_key(&v, VK_LINEAR) == wz.switch_ok,
	    "screen %d: linear key", (int)wz.screen);
	if (v.nitems == 0)
		ck_assert_msg(v.focus == 0, "screen %d: focus %zu without "
		    "items", (int)wz.screen, v.focus);
	else
		ck_assert_msg(v.focus < v.nitems, "screen %d: focus %zu of %zu "
		    "items", (int)wz.screen, v.focus, v.nitems);
	ck_assert_msg(v.nitems > 0 || v.nblocks > 0, "screen %d is empty",
	    (int)wz.screen);
	for (i = 0; i < v.nblocks; i++)
		ck_assert_msg(v.blocks[i].text != NULL &&
		    clean(v.blocks[i].text), "screen %d: block %zu not clean",
		    (int)wz.screen, i);
	for (i = 0; i < v.nitems; i++)
		ck_assert_msg(v.items[i].label[0] != '\0' &&
		    clean(v.items[i].label), "screen %d: item %zu",
		    (int)wz.screen, i);
	for (i = 0; i < v.nkeys; i++)
		ck_assert_msg(v.keys[i].label[0] != '\0', "screen %d: key %zu "
		    "has no label", (int)wz.screen, i);
	view_free(&v);
}

/* ---- date ---- */

START_TEST(test_date_parse_accepts_real_days)
{
	int32_t z;

	ck_assert(date_parse("2025-11-03", &z));
	ck_assert_int_eq(z, START);
	ck_assert(date_parse("2024-02-29", &z));
	ck_assert_int_eq(z, 19782);
	ck_assert(date_parse("1970-01-01", &z));
	ck_assert_int_eq(z, 0);
	ck_assert(date_parse("2000-02-29", &z));
	ck_assert(date_parse("2025-12-31", &z));
}
END_TEST

START_TEST(test_date_parse_rejects_impossible_and_sloppy_dates)
{
	static const char *const bad[] = {
		"2025-02-30", "2025-02-29", "2100-02-29", "2025-13-01",
		"2025-00-10", "2025-04-31", "2025-01-00", "2025-01-32",
		"2025-1-1", "2025-01-1", "25-01-01", "2025/01/01",
		" 2025-01-01", "2025-01-01 ", "2025-01-01x", "1969-12-31",
		"", "undated", "2025-1a-01", "+025-01-01"
	};
	size_t i;
	int32_t z = 12345;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_msg(!date_parse(bad[i], &z), "accepted \"%s\"",
		    bad[i]);
		ck_assert_int_eq(z, 12345);
	}
}
END_TEST

START_TEST(test_date_civil_round_trip_over_many_days)
{
	int32_t z;
	int y, m, d, py, pm, pd;

	date_to_civil(-1, &py, &pm, &pd);
	ck_assert(py == 1969 && pm == 12 && pd == 31);
	for (z = 0; z < 160000; z++) {	/* 1970 to about 2408 */
		date_to_civil(z, &y, &m, &d);
		ck_assert_msg(date_from_civil(y, m, d) == z,
		    "%d-%02d-%02d is not day %d", y, m, d, (int)z);
		/* each day follows the one before it */
		if (d != 1)
			ck_assert(y == py && m == pm && d == pd + 1);
		else if (m != 1)
			ck_assert(y == py && m == pm + 1 && pd >= 28);
		else
			ck_assert(y == py + 1 && pm == 12 && pd == 31);
		py = y;
		pm = m;
		pd = d;
	}
}
END_TEST

START_TEST(test_date_parse_loose_takes_source_dates)
{
	ck_assert(date_parse_loose("2025"));
	ck_assert(date_parse_loose("2025-10"));
	ck_assert(date_parse_loose("2025-10-23"));
	ck_assert(date_parse_loose("undated"));
	ck_assert(!date_parse_loose("2025-13"));
	ck_assert(!date_parse_loose("Oct 2025"));
	ck_assert(!date_parse_loose("202"));
	ck_assert(!date_parse_loose("Undated"));
	ck_assert(!date_parse_loose(""));
}
END_TEST

START_TEST(test_date_formats_read_naturally)
{
	char *s;

	s = date_format_long(START, LANG_EN);
	ck_assert_str_eq(s, "3 November 2025");
	free(s);
	s = date_format_long(START, LANG_DE);
	ck_assert_str_eq(s, "3. November 2025");
	free(s);
	s = date_format_short(START, LANG_EN);
	ck_assert_str_eq(s, "3 Nov 2025");
	free(s);
	s = date_format_short(START, LANG_DE);
	ck_assert_str_eq(s, "03.11.2025");
	free(s);
	s = time_format(NOW, LANG_DE);
	ck_assert_str_eq(s, "22.11.2025, 08:26");
	free(s);
	ck_assert_int_eq(date_today(NOW), START + 19);
}
END_TEST

/* ---- words: what an objection can still do ---- */

static struct platform retro_p;

static void
retro_setup(void)
{
	memset(&retro_p, 0, sizeof retro_p);
	retro_p.name = xstrdup("LinkedIn");
	retro_p.events = xcalloc(2, sizeof *retro_p.events);
	retro_p.events[0].kind = EVENT_ANNOUNCED;
	retro_p.events[0].date = START - 40;
	retro_p.events[1].kind = EVENT_TRAINING_START;
	retro_p.events[1].date = START;
	retro_p.nevents = 2;
}

static void
retro_teardown(void)
{
	platform_free(&retro_p);
}

START_TEST(test_retro_before_start_says_nothing_is_used)
{
	char *s = words_retro(&retro_p, START - 10, LANG_EN);

	ck_assert_str_eq(s, "Training starts on 3 November 2025, in 10 days. "
	    "If you object now, nothing of yours is used for it.");
	free(s);
}
END_TEST

START_TEST(test_retro_one_day_before_is_singular)
{
	char *s = words_retro(&retro_p, START - 1, LANG_EN);

	ck_assert_str_eq(s, "Training starts on 3 November 2025, in 1 day. "
	    "If you object now, nothing of yours is used for it.");
	free(s);
}
END_TEST

START_TEST(test_retro_on_start_says_starts_today)
{
	char *s = words_retro(&retro_p, START, LANG_EN);

	ck_assert_str_eq(s, "Training starts today, 3 November 2025. If you "
	    "object today, everything from now on is protected. What was "
	    "used before stays in the model.");
	free(s);
}
END_TEST

START_TEST(test_retro_after_start_says_what_stays)
{
	char *s = words_retro(&retro_p, START + 384, LANG_EN);

	ck_assert_str_eq(s, "Training began on 3 November 2025, 384 days ago. "
	    "If you object today, everything from today on is protected. "
	    "What was used before stays in the model: an objection cannot "
	    "take it out again.");
	free(s);
	s = words_retro(&retro_p, START + 1, LANG_EN);
	ck_assert_ptr_nonnull(strstr(s, ", 1 day ago."));
	free(s);
}
END_TEST

START_TEST(test_retro_without_start_date_says_it_works_from_now)
{
	char *s;

	retro_p.events[1].kind = EVENT_DEADLINE;	/* no start any more */
	s = words_retro(&retro_p, START, LANG_EN);
	ck_assert_str_eq(s, "LinkedIn has not named a date from which it "
	    "trains on your data. An objection works from the moment you "
	    "make it. It cannot undo what may have been used before.");
	free(s);
}
END_TEST

START_TEST(test_retro_german_date_is_written_the_german_way)
{
	char *s = words_retro(&retro_p, START - 10, LANG_DE);

	ck_assert_ptr_nonnull(strstr(s, "3. November 2025"));
	free(s);
}
END_TEST

/* ---- words: steps and the final action ---- */

START_TEST(test_final_switch_off_names_label_and_off)
{
	struct final f = { .action = ACT_SWITCH_OFF,
	    .label = lt(NULL, "Use my data"), .state = lt(NULL, NULL) };
	bool fb = false;
	char *s = words_final(&f, LANG_EN, LANG_EN, &fb);

	ck_assert_msg(starts(s, "Switch \u201cUse my data\u201d to \u201cOff\u201d. "),
	    "got \"%s\"", s);
	ck_assert_ptr_nonnull(strstr(s, "objection"));
	ck_assert(!fb);
	free(s);
	ltext_free(&f.label);
}
END_TEST

START_TEST(test_final_switch_off_uses_platform_word_for_off)
{
	struct final f = { .action = ACT_SWITCH_OFF,
	    .label = lt("KI-Daten", "AI data"), .state = lt("Aus", "Off") };
	char *s = words_final(&f, LANG_DE, LANG_DE, NULL);

	ck_assert_msg(starts(s, "Switch \u201eKI-Daten\u201c to "
	    "\u201eAus\u201c. "), "got \"%s\"", s);
	free(s);
	ltext_free(&f.label);
	ltext_free(&f.state);
}
END_TEST

START_TEST(test_final_switch_on_says_on_protects)
{
	struct final f = { .action = ACT_SWITCH_ON,
	    .label = lt(NULL, "Advanced Chat Privacy"),
	    .state = lt(NULL, NULL) };
	char *s = words_final(&f, LANG_EN, LANG_EN, NULL);

	ck_assert_str_eq(s, "Switch \u201cAdvanced Chat Privacy\u201d ON. "
	    "Here it is ON that protects your data.");
	free(s);
	ltext_free(&f.label);
}
END_TEST

START_TEST(test_final_submit_names_the_button)
{
	struct final f = { .action = ACT_SUBMIT,
	    .label = lt("Senden", "Submit"), .state = lt(NULL, NULL) };
	char *s = words_final(&f, LANG_EN, LANG_EN, NULL);

	ck_assert_str_eq(s, "Send the form: press \u201cSubmit\u201d.");
	free(s);
	s = words_final(&f, LANG_DE, LANG_DE, NULL);
	ck_assert_str_eq(s, "Send the form: press \u201eSenden\u201c.");
	free(s);
	ltext_free(&f.label);
}
END_TEST

START_TEST(test_step_replaces_braces_with_quoted_label)
{
	struct step st = mkstep(lt("Klicken Sie auf {}.", "Click {} now."),
	    lt("Einstellungen", "Settings"), true);
	bool fb = false;
	char *s;

	s = words_step(&st, LANG_EN, LANG_EN, &fb);
	ck_assert_str_eq(s, "Click \u201cSettings\u201d now.");
	free(s);
	s = words_step(&st, LANG_DE, LANG_DE, &fb);
	ck_assert_str_eq(s, "Klicken Sie auf \u201eEinstellungen\u201c.");
	free(s);
	ck_assert(!fb);
	ltext_free(&st.text);
	ltext_free(&st.label);
}
END_TEST

START_TEST(test_step_without_braces_appends_label)
{
	struct step st = mkstep(lt("Öffnen Sie das Menü", "Open the menu"),
	    lt("Menü", "Menu"), true);
	char *s = words_step(&st, LANG_EN, LANG_EN, NULL);

	ck_assert_str_eq(s, "Open the menu: \u201cMenu\u201d");
	free(s);
	ltext_free(&st.text);
	ltext_free(&st.label);
}
END_TEST

START_TEST(test_step_without_label_is_just_the_text)
{
	struct step st = mkstep(lt("Melden Sie sich an.", "Log in."),
	    lt(NULL, NULL), false);
	char *s = words_step(&st, LANG_EN, LANG_EN, NULL);

	ck_assert_str_eq(s, "Log in.");
	free(s);
	ltext_free(&st.text);
}
END_TEST

START_TEST(test_label_missing_in_german_falls_back_to_english)
{
	struct step st = mkstep(lt("Wählen Sie {}.", "Choose {}."),
	    lt(NULL, "Data for AI"), true);
	bool fb = false;
	char *s = words_step(&st, LANG_DE, LANG_DE, &fb);

	ck_assert_str_eq(s, "Wählen Sie \u201eData for AI\u201c.");
	ck_assert(fb);
	free(s);
	ltext_free(&st.text);
	ltext_free(&st.label);
}
END_TEST

START_TEST(test_breadcrumb_joins_menu_labels_and_skips_others)
{
	struct step steps[4];
	struct surface sf;
	bool fb = false;
	size_t i;
	char *s;

	memset(&sf, 0, sizeof sf);
	steps[0] = mkstep(lt("a {}", "a {}"), lt("Sie", "Me"), false);
	steps[1] = mkstep(lt("b {}", "b {}"), lt("Einstellungen", "Settings"),
	    true);
	steps[2] = mkstep(lt("c {}", "c {}"), lt("Datenschutz", "Privacy"),
	    true);
	steps[3] = mkstep(lt("d {}", "d {}"), lt(NULL, "Data for AI"), true);
	sf.steps = steps;
	sf.nsteps = 4;
	s = words_breadcrumb(&sf, LANG_EN, true, &fb);
	ck_assert_str_eq(s, "Settings \u2192 Privacy \u2192 Data for AI");
	ck_assert(!fb);
	free(s);
	s = words_breadcrumb(&sf, LANG_DE, false, &fb);
	ck_assert_str_eq(s, "Einstellungen -> Datenschutz -> Data for AI");
	ck_assert(fb);
	free(s);
	sf.nsteps = 1;		/* only a menu=false step */
	ck_assert_ptr_null(words_breadcrumb(&sf, LANG_EN, true, NULL));
	for (i = 0; i < 4; i++) {
		ltext_free(&steps[i].text);
		ltext_free(&steps[i].label);
	}
}
END_TEST

START_TEST(test_status_detail_names_status_and_day)
{
	struct record r = { .id = (char *)"x", .selected = true,
	    .status = ST_DONE, .has_surface = true, .surface = SURF_WEB,
	    .time = NOW };
	char *s;

	s = words_status_detail(&r, LANG_EN, false);
	ck_assert_str_eq(s, "done, 22 Nov 2025");
	free(s);
	s = words_status_detail(&r, LANG_DE, true);
	ck_assert_str_eq(s, "done, 22.11.2025, 08:26");
	free(s);
	s = words_status_detail(NULL, LANG_EN, true);
	ck_assert_str_eq(s, "open");
	free(s);
	r.status = ST_FORM_SENT;
	s = words_status_detail(&r, LANG_EN, false);
	ck_assert_str_eq(s, "form sent, waiting for confirmation, 22 Nov 2025");
	free(s);
}
END_TEST

/* ---- text ---- */

START_TEST(test_utf8_valid_rejects_broken_sequences)
{
	static const struct {
		const char	*s;
		size_t		 bad;
	} cases[] = {
		{ "ab\xc0\xaf", 2 },		/* overlong '/' */
		{ "\xe0\x80\xaf", 0 },		/* overlong, 3 bytes */
		{ "\xf0\x82\x82\xac", 0 },	/* overlong, 4 bytes */
		{ "x\xed\xa0\x80", 1 },		/* surrogate U+D800 */
		{ "\xed\xbf\xbf", 0 },		/* surrogate U+DFFF */
		{ "ok\xe2\x82", 2 },		/* truncated € */
		{ "\xc3", 0 },			/* truncated ä */
		{ "\xf4\x90\x80\x80", 0 },	/* beyond U+10FFFF */
		{ "a\x80", 1 },			/* lone continuation */
		{ "\xff", 0 },
		{ "\xe4rger", 0 },		/* Latin-1 ä */
	};
	size_t i, bad;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bad = 99;
		ck_assert_msg(!utf8_valid(cases[i].s, strlen(cases[i].s),
		    &bad), "case %zu accepted", i);
		ck_assert_msg(bad == cases[i].bad, "case %zu: bad at %zu, not "
		    "%zu", i, bad, cases[i].bad);
	}
}
END_TEST

START_TEST(test_utf8_valid_accepts_real_text)
{
	const char *s = "Größe \u2192 \u201eok\u201c \u4e2d \U0001F600 "
	    "\U0010FFFF";

	ck_assert(utf8_valid(s, strlen(s), NULL));
	ck_assert(utf8_valid("", 0, NULL));
}
END_TEST

/* The fast paths of utf8_valid and text_plain (16 and 8 bytes at a
 * time, umlauts in one step) say what a character-by-character check
 * says, for strings of every length at every alignment, made of the
 * bytes that matter: printable ASCII, controls, DEL, umlauts, C1, bidi
 * and zero-width characters, stray continuation and lead bytes. */
static bool
utf8_valid_slowly(const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;

	for (; i < n; i += k) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0)
			return false;
	}
	return true;
}

static bool
plain_slowly(const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0 ||
		    text_is_unsafe(cp))
			return false;
		i += k;
	}
	return true;
}

START_TEST(test_plain_and_valid_fast_paths_agree_with_a_slow_check)
{
	static const char *const pieces[] = {
		"a", "Z", " ", "~", "0123456789abcdef", "\x7f", "\x1b", "\t",
		"\n", "\xc3\xa4", "\xc3\x9f", "\xc2\x85", "\xc2\xa0",
		"\xe2\x80\x8b", "\xe2\x80\x93", "\xe2\x80\xae",
		"\xe2\x86\x92", "\xef\xbb\xbf", "\xf0\x9f\x98\x80", "\x80",
		"\xc3", "\xe2\x80", "\xed\xa0\x80", "\xc0\xaf", "\xff",
		"\0"
	};
	const size_t npieces = sizeof pieces / sizeof pieces[0];
	char buf[96], *s;
	unsigned seed = 12345;
	size_t len, k, n, off, bad;
	int round;

	for (round = 0; round < 20000; round++) {
		off = (size_t)round % 16;
		s = buf + off;
		n = 0;
		len = (size_t)(seed % 12);
		for (k = 0; k < len; k++) {
			const char *p;
			size_t pl;

			seed = seed * 1103515245u + 12345u;
			/* mostly plain runs, as real text is */
			p = (seed >> 16) % 4 != 0 ? pieces[4] :
			    pieces[(seed >> 8) % npieces];
			pl = p[0] == '\0' ? 1 : strlen(p);
			if (n + pl > sizeof buf - off - 1)
				break;
			memcpy(s + n, p, pl);
			n += pl;
		}
		seed = seed * 1103515245u + 12345u;
		ck_assert_msg(text_plain(s, n) == plain_slowly(s, n),
		    "text_plain disagrees on round %d", round);
		ck_assert_msg(utf8_valid(s, n, &bad) == utf8_valid_slowly(s, n),
		    "utf8_valid disagrees on round %d", round);
	}
}
END_TEST

START_TEST(test_sanitize_removes_terminal_controls)
{
	static const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		{ "red\x1b[31mtext", "red[31mtext" },	/* ESC */
		{ "over\rwrite", "overwrite" },		/* CR */
		{ "back\bspace", "backspace" },
		{ "bell\x07!", "bell!" },
		{ "del\x7f.", "del." },
		{ "nel\xc2\x85" "c1", "nelc1" },		/* C1 NEL */
		{ "csi\xc2\x9b" "31m", "csi31m" },		/* C1 CSI */
		{ "abc\u202Edcb", "abcdcb" },		/* RLO */
		{ "iso\u2066late\u2069", "isolate" },	/* LRI ... PDI */
		{ "zero\u200Bwidth", "zerowidth" },	/* ZWSP */
		{ "\uFEFFbom", "bom" },
		{ "lrm\u200Erlm\u200F", "lrmrlm" },
	};
	size_t i;
	char *s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = text_sanitize(cases[i].in);
		ck_assert_msg(strcmp(s, cases[i].out) == 0, "case %zu gave "
		    "\"%s\"", i, s);
		free(s);
	}
}
END_TEST

START_TEST(test_sanitize_keeps_umlauts_arrows_and_turns_breaks_into_spaces)
{
	char *s;

	s = text_sanitize("Größe \u2192 Äpfel „ok“ – 中");
	ck_assert_str_eq(s, "Größe \u2192 Äpfel „ok“ – 中");
	free(s);
	s = text_sanitize("one\ttwo\nthree\u2028four");
	ck_assert_str_eq(s, "one two three four");
	free(s);
	s = text_sanitize("bad\xff byte");
	ck_assert_str_eq(s, "bad? byte");
	free(s);
}
END_TEST

START_TEST(test_width_counts_columns)
{
	ck_assert_uint_eq(text_width("\u00e4\u2192"), 2);
	ck_assert_uint_eq(text_width("\u4e2d"), 2);
	ck_assert_uint_eq(text_width("a\u4e2db"), 4);
	ck_assert_uint_eq(text_width("Größe"), 5);
	ck_assert_uint_eq(text_width("e\u0301"), 1);	/* combining mark */
	ck_assert_uint_eq(text_width(""), 0);
	ck_assert_uint_eq(text_width_n("\u00e4\u2192x", 2), 1);
}
END_TEST

START_TEST(test_fit_never_splits_a_character)
{
	ck_assert_uint_eq(text_fit("\u00e4\u2192\u4e2dx", 2), 5);
	ck_assert_uint_eq(text_fit("\u00e4\u2192\u4e2dx", 3), 5);
	ck_assert_uint_eq(text_fit("\u00e4\u2192\u4e2dx", 4), 8);
	ck_assert_uint_eq(text_fit("abc", 0), 0);
	ck_assert_uint_eq(text_fit("abc", 10), 3);
}
END_TEST

START_TEST(test_ascii_transliterates_german_and_typography)
{
	char *s = text_ascii("Größe „x“ – \u2192");

	ck_assert_str_eq(s, "Groesse \"x\" - ->");
	free(s);
	s = text_ascii("Äpfel, Öl, Übel… ‘a’ «b» 5 €");
	ck_assert_str_eq(s, "Aepfel, Oel, Uebel... 'a' \"b\" 5 EUR");
	free(s);
	s = text_ascii("\u4e2d e\u0301");
	ck_assert_str_eq(s, "? e");
	free(s);
	/* the self-check's box and the title's separator */
	s = text_ascii("\u250c\u2500\u2510 \u2502 \u2514\u2500\u2518");
	ck_assert_str_eq(s, "+-+ | +-+");
	free(s);
}
END_TEST

/* A small deterministic generator, so that a failure can be replayed. */
static uint32_t rng_state;

static uint32_t
rng(void)
{
	rng_state = rng_state * 1664525u + 1013904223u;
	return rng_state >> 8;
}

static char *
random_text(const char *const *pieces, size_t npieces, size_t maxpieces)
{
	size_t n = rng() % maxpieces, i;
	char *s = xstrdup(""), *t;

	for (i = 0; i < n; i++) {
		t = xasprintf("%s%s", s, pieces[rng() % npieces]);
		free(s);
		s = t;
	}
	return s;
}

/* Non-blank characters of s (without spaces and line breaks). */
static char *
ink(const char *s, size_t n)
{
	char *out = xmalloc(n + 1);
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (s[i] != ' ' && s[i] != '\n')
			out[k++] = s[i];
	}
	out[k] = '\0';
	return out;
}

static void
check_wrap(const char *s, size_t width)
{
	struct text_line *lines;
	size_t n, i, end = 0;
	char *want, *got, *part, *t;

	n = text_wrap(s, width, &lines);
	ck_assert_msg(n >= 1, "no line for \"%s\"", oneline(s));
	got = xstrdup("");
	for (i = 0; i < n; i++) {
		ck_assert_msg(lines[i].off >= end && lines[i].off +
		    lines[i].len <= strlen(s), "line %zu out of order", i);
		ck_assert_msg(text_width_n(s + lines[i].off, lines[i].len) ==
		    lines[i].width, "line %zu: wrong width", i);
		ck_assert_msg(lines[i].width <= width, "\"%s\" at width %zu: "
		    "line %zu is %zu columns wide", oneline(s), width, i,
		    lines[i].width);
		end = lines[i].off + lines[i].len;
		part = ink(s + lines[i].off, lines[i].len);
		t = xasprintf("%s%s", got, part);
		free(got);
		free(part);
		got = t;
	}
	/* all non-blank characters, in order, none lost or doubled */
	want = ink(s, strlen(s));
	ck_assert_msg(strcmp(got, want) == 0, "\"%s\" at width %zu lost "
	    "characters", oneline(s), width);
	/* an empty line only where the text has a line of blanks */
	for (i = 0; i < n && n > 1; i++) {
		size_t q = lines[i].off;

		if (lines[i].len > 0)
			continue;
		while (s[q] == ' ')
			q++;
		ck_assert_msg(s[q] == '\n' || (s[q] == '\0' && q > 0 &&
		    s[lines[i].off - 1] == '\n'), "\"%s\" at width %zu: "
		    "line %zu is empty", oneline(s), width, i);
	}
	free(want);
	free(got);
	free(lines);
}

START_TEST(test_wrap_narrow_text_fits_and_loses_nothing)
{
	static const char *const pieces[] = {
		"a", "bc", "def", " ", " ", "  ", "\u00e4", "\u2192", "Größe",
		"\n", "Datenschutzeinstellungen", "supercalifragilistic",
		"\u201eok\u201c", "x", "e\u0301", "\xff"
	};
	size_t round, width;
	char *s;

	rng_state = 20251103;
	for (round = 0; round < 4000; round++) {
		s = random_text(pieces, sizeof pieces / sizeof pieces[0], 40);
		width = 1 + rng() % 30;
		check_wrap(s, width);
		free(s);
	}
}
END_TEST

START_TEST(test_wrap_wide_text_fits_and_loses_nothing)
{
	static const char *const pieces[] = {
		"a", "bc", " ", "  ", "\u4e2d", "\u4e2d\u6587", "\u00e4",
		"\n", "\uff21\uff22\uff23", "word", "x"
	};
	size_t round, width;
	char *s;

	rng_state = 4711;
	for (round = 0; round < 4000; round++) {
		s = random_text(pieces, sizeof pieces / sizeof pieces[0], 30);
		width = 2 + rng() % 20;	/* a wide character needs two */
		check_wrap(s, width);
		free(s);
	}
}
END_TEST

START_TEST(test_wrap_breaks_at_spaces_and_honours_newlines)
{
	struct text_line *l;
	const char *s = "Click the switch\nthen wait";
	size_t n = text_wrap(s, 10, &l);

	ck_assert_uint_eq(n, 3);
	ck_assert(l[0].len == 9 && strncmp(s + l[0].off, "Click the", 9) == 0);
	ck_assert(l[1].len == 6 && strncmp(s + l[1].off, "switch", 6) == 0);
	ck_assert(l[2].len == 9 && strncmp(s + l[2].off, "then wait", 9) == 0);
	free(l);
	n = text_wrap("a\n\nb", 10, &l);	/* an empty line stays */
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(l[1].len, 0);
	free(l);
	n = text_wrap("", 10, &l);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(l[0].len, 0);
	free(l);
}
END_TEST

START_TEST(test_wrap_leading_blank_then_wide_characters_fit)
{
	/* A paragraph that starts with a blank, then a word and a wide
	 * character, at a width that forces a break. */
	check_wrap(" ab\u4e2d", 3);
	check_wrap(" a\u4e2d\u4e2d", 3);
}
END_TEST

START_TEST(test_wrap_leading_blank_makes_no_empty_line)
{
	struct text_line *l;
	size_t n = text_wrap(" abcdefghij klm", 10, &l);

	ck_assert_msg(l[0].len > 0, "an empty line comes before the text "
	    "(%zu lines)", n);
	free(l);
}
END_TEST

/* ---- lang, catalog, progress, diag ---- */

START_TEST(test_lang_from_locale_knows_german)
{
	ck_assert_int_eq(lang_from_locale("de_DE.UTF-8"), LANG_DE);
	ck_assert_int_eq(lang_from_locale("de_AT"), LANG_DE);
	ck_assert_int_eq(lang_from_locale("de"), LANG_DE);
	ck_assert_int_eq(lang_from_locale("en_GB.UTF-8"), LANG_EN);
	ck_assert_int_eq(lang_from_locale("dexx"), LANG_EN);
	ck_assert_int_eq(lang_from_locale("C"), LANG_EN);
	ck_assert_int_eq(lang_from_locale(NULL), LANG_EN);
}
END_TEST

START_TEST(test_catalog_sorts_by_category_then_name)
{
	ck_assert_str_eq(cat.v[0].id, "alpha");
	ck_assert_str_eq(cat.v[1].id, "beta");
	ck_assert_str_eq(cat.v[2].id, "gamma");
	ck_assert_int_eq(catalog_find(&cat, "gamma"), 2);
	ck_assert_int_eq(catalog_find(&cat, "delta"), -1);
}
END_TEST

START_TEST(test_codes_round_trip)
{
	enum status st;
	enum surface_kind sk;
	enum account ac;
	int i;

	for (i = 0; i < ST_COUNT; i++) {
		ck_assert(status_from_code(status_code(i), &st));
		ck_assert_int_eq(st, i);
	}
	for (i = 0; i < SURF_COUNT; i++) {
		ck_assert(surface_from_code(surface_code(i), &sk));
		ck_assert_int_eq(sk, i);
	}
	for (i = 0; i < ACCOUNT_COUNT; i++) {
		ck_assert(account_from_code(account_code(i), &ac));
		ck_assert_int_eq(ac, i);
	}
	ck_assert(!status_from_code("Done", &st));
	ck_assert(!surface_from_code("", &sk));
}
END_TEST

START_TEST(test_progress_record_ticks_and_keeps_surface)
{
	enum surface_kind web = SURF_WEB;
	struct record *r;

	progress_record(&prog, "alpha", ST_LATER, &web, 100);
	progress_record(&prog, "alpha", ST_DONE, NULL, 200);
	r = progress_find(&prog, "alpha");
	ck_assert_ptr_nonnull(r);
	ck_assert(r->selected);
	ck_assert_int_eq(r->status, ST_DONE);
	ck_assert(r->has_surface && r->surface == SURF_WEB);
	ck_assert_int_eq(r->time, 200);
	ck_assert_uint_eq(prog.n, 1);
	ck_assert(status_is_final(ST_DONE) && status_is_final(ST_CONFIRMED) &&
	    status_is_final(ST_NO_ACCOUNT));
	ck_assert(!status_is_final(ST_FORM_SENT) && !status_is_final(ST_LATER)
	    && !status_is_final(ST_HELP) && !status_is_final(ST_PROBLEM) &&
	    !status_is_final(ST_OPEN));
}
END_TEST

START_TEST(test_progress_copy_is_deep)
{
	struct progress copy;

	progress_select(&prog, "alpha", true);
	progress_copy(&copy, &prog);
	progress_clear(&prog);
	ck_assert_uint_eq(copy.n, 1);
	ck_assert_str_eq(copy.v[0].id, "alpha");
	ck_assert(copy.v[0].selected);
	progress_clear(&copy);
}
END_TEST

START_TEST(test_diag_format_has_file_and_line)
{
	struct diags d = { 0 };
	char *s;

	diags_add(&d, "a.cfg", 12, false, "bad %s", "thing");
	diags_add(&d, "a.cfg", 0, true, "just so");
	ck_assert_uint_eq(d.n, 2);
	ck_assert_uint_eq(d.nerrors, 1);
	s = diag_format(&d.v[0]);
	ck_assert_str_eq(s, "a.cfg:12: bad thing");
	free(s);
	s = diag_format(&d.v[1]);
	ck_assert_str_eq(s, "a.cfg: warning: just so");
	free(s);
	diags_free(&d);
	ck_assert_uint_eq(d.n, 0);
}
END_TEST

/* ---- wizard: the flow ---- */

START_TEST(test_wizard_starts_on_welcome_in_given_language)
{
	struct view v;

	ck_assert_int_eq(wz.screen, SCR_WELCOME);
	ck_assert_uint_eq(wz.focus, LANG_EN);
	wizard_view(&wz, NOW, &v);
	ck_assert_uint_eq(v.nitems, 2);
	ck_assert_str_eq(v.items[0].label, "Deutsch");
	ck_assert_str_eq(v.items[1].label, "English");
	ck_assert_uint_eq(v.focus, 1);
	ck_assert(!view_mentions(&v, "Welcome back"));
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_language_choice_is_kept_in_progress)
{
	ev(WZ_UP);
	ck_assert_int_eq(ev(WZ_NEXT), WZ_R_SCREEN | WZ_R_LANG |
	    WZ_R_PROGRESS);
	ck_assert_int_eq(wz.lang, LANG_DE);
	ck_assert(prog.has_lang);
	ck_assert_int_eq(prog.lang, LANG_DE);
}
END_TEST

START_TEST(test_wizard_who_choice_is_kept_in_progress)
{
	ev(WZ_NEXT);
	ck_assert_int_eq(pick(2), WZ_R_SCREEN | WZ_R_PROGRESS);
	ck_assert_int_eq(prog.account, ACCOUNT_ORG);
	ck_assert_int_eq(wz.screen, SCR_PLATFORMS);
}
END_TEST

START_TEST(test_wizard_enter_with_nothing_ticked_explains_and_stays)
{
	struct view v;

	to_list(false);
	wz.focus = 1;
	ck_assert_int_eq(ev(WZ_NEXT), 0);
	ck_assert_int_eq(wz.screen, SCR_PLATFORMS);
	ck_assert_uint_eq(wz.focus, 1);
	wizard_view(&wz, NOW, &v);
	ck_assert_pstr_eq(v.message, "Please tick at least one platform "
	    "with the Space bar first.");
	ck_assert(v.message_error);
	view_free(&v);
	/* ticking one clears the complaint */
	ev(WZ_TICK);
	wizard_view(&wz, NOW, &v);
	ck_assert_ptr_null(v.message);
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_space_ticks_and_unticks)
{
	struct view v;

	to_list(false);
	tick(BETA);
	wizard_view(&wz, NOW, &v);
	ck_assert_int_eq(v.items[ALPHA].check, 0);
	ck_assert_int_eq(v.items[BETA].check, 1);
	ck_assert_int_eq(v.items[GAMMA].check, 0);
	ck_assert_uint_eq(v.focus, BETA);
	view_free(&v);
	tick(BETA);
	ck_assert(!progress_find(&prog, "beta")->selected);
	/* a digit ticks that line */
	ck_assert_int_eq(pick(3), WZ_R_PROGRESS);
	ck_assert(progress_find(&prog, "gamma")->selected);
	ck_assert_uint_eq(wz.focus, GAMMA);
}
END_TEST

START_TEST(test_wizard_list_groups_by_category)
{
	struct view v;

	to_list(false);
	wizard_view(&wz, NOW, &v);
	ck_assert_uint_eq(v.nitems, 3);
	ck_assert_pstr_eq(v.items[ALPHA].group, "Social networks");
	ck_assert_ptr_null(v.items[BETA].group);
	ck_assert_pstr_eq(v.items[GAMMA].group, "Messengers");
	ck_assert_pstr_eq(v.items[ALPHA].detail, "open");
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_toggle_path_records_done_with_surface_and_time)
{
	struct record *r;
	struct view v;

	to_list(false);
	tick(ALPHA);
	ck_assert_int_eq(ev(WZ_NEXT), WZ_R_SCREEN);
	ck_assert_int_eq(wz.screen, SCR_INFO);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_SURFACE);	/* web or app? */
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_STEPS);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_RECORD);
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.items[0].label, "Done: I switched it off");
	view_free(&v);
	ck_assert_int_eq(ev(WZ_NEXT), WZ_R_SCREEN | WZ_R_PROGRESS);
	ck_assert_int_eq(wz.screen, SCR_SUMMARY);
	r = progress_find(&prog, "alpha");
	ck_assert_int_eq(r->status, ST_DONE);
	ck_assert(r->has_surface);
	ck_assert_int_eq(r->surface, SURF_WEB);
	ck_assert_int_eq(r->time, NOW);
	wizard_view(&wz, NOW, &v);
	ck_assert_pstr_eq(v.message, "Recorded: Alpha, done.");
	ck_assert(!v.message_error);
	ck_assert(view_has_block(&v, V_HEADING, "Done"));
	ck_assert(view_has_block(&v, V_BULLET,
	    "Alpha: done, 22 Nov 2025, 08:26"));
	view_free(&v);
	/* Enter leads to what to take home; its last choice quits */
	ck_assert_int_eq(ev(WZ_NEXT), WZ_R_SCREEN);
	ck_assert_int_eq(wz.screen, SCR_TAKEHOME);
	ev(WZ_END);
	ck_assert_int_eq(ev(WZ_NEXT), WZ_R_EXIT);
}
END_TEST

START_TEST(test_wizard_switch_on_platform_says_switched_on)
{
	struct view v;

	to_list(false);
	tick(GAMMA);
	ev(WZ_NEXT);
	ev(WZ_NEXT);		/* one surface: straight to the steps */
	ck_assert_int_eq(wz.screen, SCR_STEPS);
	wizard_view(&wz, NOW, &v);
	ck_assert(view_has_block(&v, V_FINAL, "Switch \u201cAdvanced Chat "
	    "Privacy\u201d ON. Here it is ON that protects your data."));
	view_free(&v);
	ev(WZ_NEXT);
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.items[0].label, "Done: I switched it on");
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_form_path_records_sent_then_confirmed)
{
	struct view v;

	to_list(false);
	tick(BETA);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_STEPS);
	wizard_view(&wz, NOW, &v);
	ck_assert(view_has_block(&v, V_FINAL,
	    "Send the form: press \u201cSubmit\u201d."));
	ck_assert(view_has_block(&v, V_TEXT, "Your name and e-mail."));
	ck_assert(view_mentions(&v, "confirmation by e-mail"));
	view_free(&v);
	ev(WZ_NEXT);
	ck_assert_uint_eq(wz.focus, 0);
	ev(WZ_NEXT);
	ck_assert_int_eq(progress_find(&prog, "beta")->status, ST_FORM_SENT);
	wizard_view(&wz, NOW, &v);
	ck_assert(view_has_block(&v, V_HEADING,
	    "Waiting for a confirmation or an answer"));
	view_free(&v);
	/* a later visit: the form is still open, the confirmation is the
	 * likely news */
	ev(WZ_BACK);
	ck_assert_int_eq(wz.screen, SCR_PLATFORMS);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_INFO);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_RECORD);
	ck_assert_uint_eq(wz.focus, 1);
	ev(WZ_NEXT);
	ck_assert_int_eq(progress_find(&prog, "beta")->status, ST_CONFIRMED);
	wizard_view(&wz, NOW, &v);
	ck_assert(view_has_block(&v, V_HEADING, "Done"));
	ck_assert(!view_has_block(&v, V_HEADING,
	    "Waiting for a confirmation or an answer"));
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_queue_walks_ticked_platforms_in_order)
{
	struct view v;

	to_list(false);
	tick(GAMMA);
	tick(ALPHA);
	ev(WZ_NEXT);
	ck_assert_str_eq(wizard_platform(&wz)->id, "alpha");
	wizard_view(&wz, NOW, &v);
	ck_assert_pstr_eq(v.context, "Platform 1 of 2");
	view_free(&v);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_INFO);
	ck_assert_str_eq(wizard_platform(&wz)->id, "gamma");
	wizard_view(&wz, NOW, &v);
	ck_assert_pstr_eq(v.context, "Platform 2 of 2");
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_skips_finished_platforms)
{
	enum surface_kind web = SURF_WEB;

	progress_record(&prog, "alpha", ST_DONE, &web, NOW - 86400);
	progress_record(&prog, "beta", ST_LATER, &web, NOW - 86400);
	to_list(false);
	tick(GAMMA);
	ev(WZ_NEXT);
	ck_assert_uint_eq(wz.nqueue, 2);
	ck_assert_str_eq(wizard_platform(&wz)->id, "beta");
}
END_TEST

START_TEST(test_wizard_only_finished_ticked_goes_to_summary)
{
	progress_record(&prog, "alpha", ST_NO_ACCOUNT, NULL, NOW - 86400);
	to_list(false);
	ck_assert_int_eq(ev(WZ_NEXT), WZ_R_SCREEN);
	ck_assert_int_eq(wz.screen, SCR_SUMMARY);
}
END_TEST

START_TEST(test_wizard_open_starts_just_the_focused_platform)
{
	enum surface_kind web = SURF_WEB;
	struct view v;

	progress_record(&prog, "alpha", ST_DONE, &web, NOW - 86400);
	to_list(false);
	tick(BETA);
	tick(GAMMA);
	wz.focus = ALPHA;		/* finished, but asked for */
	ck_assert_int_eq(ev(WZ_OPEN), WZ_R_SCREEN);
	ck_assert_int_eq(wz.screen, SCR_INFO);
	ck_assert_uint_eq(wz.nqueue, 1);
	ck_assert_str_eq(wizard_platform(&wz)->id, "alpha");
	wizard_view(&wz, NOW, &v);
	ck_assert_ptr_null(v.context);
	view_free(&v);
	ev(WZ_NEXT);
	ck_assert_uint_eq(wz.focus, 0);		/* the surface used */
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_RECORD);
	ck_assert_uint_eq(wz.focus, 0);		/* the status noted */
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_SUMMARY);
	ev(WZ_BACK);
	ck_assert_int_eq(wz.screen, SCR_PLATFORMS);
	ck_assert_uint_eq(wz.focus, ALPHA);
}
END_TEST

START_TEST(test_wizard_open_does_nothing_outside_the_list)
{
	ck_assert_int_eq(ev(WZ_OPEN), 0);
	ck_assert_int_eq(wz.screen, SCR_WELCOME);
}
END_TEST

START_TEST(test_wizard_back_from_each_screen_keeps_everything)
{
	struct view v;

	ev(WZ_NEXT);				/* who */
	ck_assert_int_eq(ev(WZ_BACK), WZ_R_SCREEN);
	ck_assert_int_eq(wz.screen, SCR_WELCOME);
	ck_assert_uint_eq(wz.focus, LANG_EN);
	ck_assert_int_eq(ev(WZ_BACK), 0);	/* nothing before welcome */
	ev(WZ_NEXT);
	ev(WZ_DOWN);
	ev(WZ_NEXT);				/* list, as organisation */
	ev(WZ_BACK);
	ck_assert_int_eq(wz.screen, SCR_WHO);
	ck_assert_uint_eq(wz.focus, 1);
	ev(WZ_NEXT);
	tick(ALPHA);
	tick(BETA);
	ev(WZ_BACK);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_PLATFORMS);
	ck_assert_uint_eq(wz.focus, BETA);
	ck_assert(progress_find(&prog, "alpha")->selected);
	ck_assert(progress_find(&prog, "beta")->selected);
	ev(WZ_NEXT);				/* alpha: info */
	ev(WZ_BACK);
	ck_assert_int_eq(wz.screen, SCR_PLATFORMS);
	ck_assert_uint_eq(wz.focus, BETA);
	ev(WZ_NEXT);
	ev(WZ_NEXT);				/* surface */
	ev(WZ_BACK);
	ck_assert_int_eq(wz.screen, SCR_INFO);
	ev(WZ_NEXT);
	ev(WZ_DOWN);				/* the app */
	ev(WZ_NEXT);				/* steps */
	ev(WZ_BACK);
	ck_assert_int_eq(wz.screen, SCR_SURFACE);
	ck_assert_uint_eq(wz.focus, 1);
	ev(WZ_NEXT);
	ev(WZ_NEXT);				/* record */
	ev(WZ_DOWN);
	ev(WZ_BACK);
	ck_assert_int_eq(wz.screen, SCR_STEPS);
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.blocks[0].text, "In the app (Android or iPhone)");
	view_free(&v);
	ck_assert_int_eq(progress_find(&prog, "alpha")->status, ST_OPEN);
	ev(WZ_NEXT);
	ev(WZ_NEXT);				/* done, on the app */
	ck_assert_int_eq(wz.screen, SCR_INFO);
	ck_assert_str_eq(wizard_platform(&wz)->id, "beta");
	ev(WZ_BACK);				/* back to alpha's record */
	ck_assert_int_eq(wz.screen, SCR_RECORD);
	ck_assert_str_eq(wizard_platform(&wz)->id, "alpha");
	ck_assert_uint_eq(wz.focus, 0);
	ev(WZ_BACK);
	ck_assert_int_eq(wz.screen, SCR_STEPS);
	ck_assert_uint_eq(wz.surface, 1);	/* still the app */
	ck_assert_int_eq(progress_find(&prog, "alpha")->status, ST_DONE);
	ck_assert_int_eq(progress_find(&prog, "alpha")->surface, SURF_APP);
	ck_assert_int_eq(prog.account, ACCOUNT_ORG);
}
END_TEST

START_TEST(test_wizard_back_from_summary_returns_to_list)
{
	to_list(false);
	tick(GAMMA);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_SUMMARY);
	ck_assert_int_eq(ev(WZ_BACK), WZ_R_SCREEN);
	ck_assert_int_eq(wz.screen, SCR_PLATFORMS);
	ck_assert_uint_eq(wz.focus, GAMMA);
}
END_TEST

START_TEST(test_wizard_quit_asks_first)
{
	struct view v;

	to_list(false);
	wz.focus = GAMMA;
	ck_assert_int_eq(ev(WZ_QUIT), WZ_R_SCREEN);
	ck_assert_int_eq(wz.screen, SCR_QUIT);
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.title, "Quit optout?");
	ck_assert_uint_eq(v.nitems, 2);
	ck_assert_str_eq(v.items[0].label, "Yes, quit");
	ck_assert_str_eq(v.items[1].label, "No, go on");
	ck_assert(view_mentions(&v, "Everything you recorded is saved."));
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_quit_twice_exits)
{
	to_list(false);
	ev(WZ_QUIT);
	ck_assert_int_eq(ev(WZ_QUIT) & WZ_R_EXIT, WZ_R_EXIT);
}
END_TEST

START_TEST(test_wizard_quit_yes_exits)
{
	ev(WZ_QUIT);
	ck_assert_int_eq(ev(WZ_NEXT) & WZ_R_EXIT, WZ_R_EXIT);
	ev(WZ_BACK);
	ev(WZ_QUIT);
	ck_assert_int_eq(pick(1) & WZ_R_EXIT, WZ_R_EXIT);
}
END_TEST

START_TEST(test_wizard_quit_no_returns_to_same_screen_and_focus)
{
	to_list(false);
	wz.focus = GAMMA;
	ev(WZ_QUIT);
	ev(WZ_DOWN);
	ck_assert_int_eq(ev(WZ_NEXT), WZ_R_SCREEN);
	ck_assert_int_eq(wz.screen, SCR_PLATFORMS);
	ck_assert_uint_eq(wz.focus, GAMMA);
	ev(WZ_QUIT);
	ck_assert_int_eq(ev(WZ_BACK), WZ_R_SCREEN);	/* Esc: go on */
	ck_assert_int_eq(wz.screen, SCR_PLATFORMS);
	ck_assert_uint_eq(wz.focus, GAMMA);
}
END_TEST

START_TEST(test_wizard_help_returns_to_same_screen_and_focus)
{
	struct view v;

	to_list(false);
	tick(ALPHA);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_RECORD);
	ev(WZ_END);
	ck_assert_int_eq(ev(WZ_HELP), WZ_R_SCREEN);
	ck_assert_int_eq(wz.screen, SCR_HELP);
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.title, "Help");
	ck_assert(view_mentions(&v, "Your answer is noted with the date"));
	view_free(&v);
	ck_assert_int_eq(ev(WZ_NEXT), WZ_R_SCREEN);
	ck_assert_int_eq(wz.screen, SCR_RECORD);
	ck_assert_uint_eq(wz.focus, 4);
	ev(WZ_HELP);
	ev(WZ_HELP);			/* ? again closes it */
	ck_assert_int_eq(wz.screen, SCR_RECORD);
	ck_assert_uint_eq(wz.focus, 4);
	ev(WZ_HELP);
	ev(WZ_BACK);
	ck_assert_int_eq(wz.screen, SCR_RECORD);
	ck_assert_uint_eq(wz.focus, 4);
	ck_assert_int_eq(progress_find(&prog, "alpha")->status, ST_OPEN);
}
END_TEST

START_TEST(test_wizard_quit_from_help_no_returns_to_screen_under_help)
{
	to_list(false);
	wz.focus = BETA;
	ev(WZ_HELP);
	ev(WZ_QUIT);
	ck_assert_int_eq(wz.screen, SCR_QUIT);
	ev(WZ_DOWN);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_PLATFORMS);
	ck_assert_uint_eq(wz.focus, BETA);
}
END_TEST

START_TEST(test_wizard_focus_stays_within_items)
{
	int i;

	to_list(false);
	for (i = 0; i < 10; i++)
		ev(WZ_DOWN);
	ck_assert_uint_eq(wz.focus, 2);
	for (i = 0; i < 10; i++)
		ev(WZ_UP);
	ck_assert_uint_eq(wz.focus, 0);
	ev(WZ_END);
	ck_assert_uint_eq(wz.focus, 2);
	ev(WZ_HOME);
	ck_assert_uint_eq(wz.focus, 0);
	ck_assert_int_eq(pick(4), 0);		/* no fourth platform */
	ck_assert_int_eq(pick(0), 0);
	ck_assert_uint_eq(prog.n, 0);
}
END_TEST

START_TEST(test_wizard_org_info_shows_org_note)
{
	struct view v;
	size_t i;
	bool heading = false, note = false;

	to_list(true);
	tick(ALPHA);
	ev(WZ_NEXT);
	wizard_view(&wz, NOW, &v);
	for (i = 0; i < v.nblocks; i++) {
		if (v.blocks[i].kind == V_HEADING &&
		    strcmp(v.blocks[i].text, "For organisations") == 0)
			heading = true;
		else if (heading && v.blocks[i].kind == V_NOTE &&
		    strcmp(v.blocks[i].text, "Alpha pages cannot object.") == 0)
			note = true;
	}
	ck_assert_msg(heading, "no heading for organisations");
	ck_assert_msg(note, "the organisation note is not shown as a note");
	ck_assert(view_mentions(&v, "does not cover AI training"));
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_private_info_has_no_org_note)
{
	struct view v;

	to_list(false);
	tick(ALPHA);
	ev(WZ_NEXT);
	wizard_view(&wz, NOW, &v);
	ck_assert(!view_has_block(&v, V_HEADING, "For organisations"));
	ck_assert(!view_mentions(&v, "Alpha pages cannot object."));
	view_free(&v);
}
END_TEST

/* The list detail of a platform whose organisation pages cannot object:
 * the status, then a word that organisations cannot object there. */
static bool
org_warning(const char *detail)
{
	return detail != NULL && strncmp(detail, "open; ", 6) == 0 &&
	    strstr(detail, "organisation") != NULL &&
	    (strstr(detail, "cannot object") != NULL ||
	    strstr(detail, "no objection") != NULL);
}

START_TEST(test_wizard_org_list_says_which_pages_cannot_object)
{
	struct view v;

	to_list(true);
	wizard_view(&wz, NOW, &v);
	ck_assert_msg(org_warning(v.items[ALPHA].detail), "Alpha: %s",
	    v.items[ALPHA].detail);
	ck_assert_pstr_eq(v.items[BETA].detail, "open");
	ck_assert_msg(org_warning(v.items[GAMMA].detail), "Gamma: %s",
	    v.items[GAMMA].detail);
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_info_says_what_objection_can_still_do)
{
	struct view v;

	to_list(false);
	tick(ALPHA);
	ev(WZ_NEXT);
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.title, "Alpha: what happens to your data");
	ck_assert(view_has_block(&v, V_NOTE, "Training began on 3 November "
	    "2025, 19 days ago. If you object today, everything from today "
	    "on is protected. What was used before stays in the model: an "
	    "objection cannot take it out again."));
	ck_assert(view_has_block(&v, V_BULLET,
	    "3 November 2025: Training starts."));
	ck_assert(view_has_block(&v, V_BULLET, "Applies per account."));
	ck_assert(view_has_block(&v, V_DIM, "Example News (2025-10)"));
	ck_assert(view_has_block(&v, V_DIM, "As of: 29 Oct 2025 (when these "
	    "steps were last checked against the sources)"));
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_steps_show_breadcrumb_steps_and_final)
{
	struct view v;

	to_list(false);
	tick(ALPHA);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.title, "Alpha: step by step");
	ck_assert(view_has_block(&v, V_DIM, "In the web browser (computer)"));
	ck_assert(view_has_block(&v, V_CRUMB,
	    "Settings \u2192 Data for AI"));
	ck_assert(view_has_block(&v, V_STEP,
	    "Click your picture \u201cMe\u201d."));
	ck_assert(view_has_block_prefix(&v, V_FINAL, "Switch \u201cUse my "
	    "data for AI\u201d to \u201cOff\u201d. "));
	ck_assert(view_has_block(&v, V_LINK, "https://alpha.example/settings"));
	ck_assert(view_mentions(&v, "search for \u201cAI\u201d"));
	ck_assert(!view_mentions(&v, "Some labels are shown in English"));
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_german_steps_say_when_labels_are_english)
{
	struct view v;

	wizard_free(&wz);
	wizard_init(&wz, &cat, &prog, LANG_DE, false, true);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	tick(ALPHA);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_STEPS);
	wizard_view(&wz, NOW, &v);
	/* no UTF-8 terminal: the breadcrumb uses an ASCII arrow */
	ck_assert(view_has_block(&v, V_CRUMB, "Einstellungen -> Data for AI"));
	ck_assert(view_has_block(&v, V_STEP,
	    "Wählen Sie \u201eData for AI\u201c."));
	ck_assert(view_mentions(&v, "Some labels are shown in English"));
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_welcome_back_counts_finished_platforms)
{
	struct view v;

	progress_record(&prog, "alpha", ST_DONE, NULL, NOW);
	progress_record(&prog, "beta", ST_FORM_SENT, NULL, NOW);
	wizard_view(&wz, NOW, &v);
	ck_assert(view_has_block(&v, V_NOTE, "Welcome back. You have "
	    "finished 1 platform so far; your notes are kept."));
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_save_error_shows_banner_and_quit_warns)
{
	struct view v;

	wizard_set_save_error(&wz, "/x/progress.cfg: cannot write: "
	    "No space left on device");
	ev(WZ_QUIT);
	wizard_view(&wz, NOW, &v);
	ck_assert_pstr_eq(v.banner, "Not saved: /x/progress.cfg: cannot "
	    "write: No space left on device");
	ck_assert(view_has_block(&v, V_NOTE, "Your notes could not be saved. "
	    "They are lost when you quit."));
	view_free(&v);
	wizard_set_save_error(&wz, NULL);
	wizard_view(&wz, NOW, &v);
	ck_assert_ptr_null(v.banner);
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_notice_is_shown_on_welcome)
{
	struct view v;

	wizard_set_notice(&wz, "Your old notes were damaged.");
	wizard_view(&wz, NOW, &v);
	ck_assert(view_has_block(&v, V_NOTE, "Your old notes were damaged."));
	view_free(&v);
}
END_TEST

/* From help: each of its pages, and back to help on the same item. */
static void
look_at_help_pages(void)
{
	static const enum wz_screen pages[] = {
		[HELP_KEYS] = SCR_KEYS, [HELP_GLOSSARY] = SCR_GLOSSARY,
		[HELP_SELFCHECK] = SCR_SELFCHECK
	};
	int i;

	for (i = HELP_KEYS; i <= HELP_SELFCHECK; i++) {
		ck_assert_int_eq(pick(i + 1), WZ_R_SCREEN);
		ck_assert_int_eq(wz.screen, pages[i]);
		assert_view_sane();
		ck_assert_int_eq(ev(i % 2 ? WZ_NEXT : WZ_BACK), WZ_R_SCREEN);
		ck_assert_int_eq(wz.screen, SCR_HELP);
		ck_assert_uint_eq(wz.focus, (size_t)i);
	}
	wz.focus = HELP_BACK;
}

/* Walks every screen of every platform, in both languages and for both
 * kinds of account, looking at help and quit from each. */
static void
look_around(void)
{
	enum wz_screen s = wz.screen;
	size_t f = wz.focus;

	assert_view_sane();
	ev(WZ_END);
	assert_view_sane();
	ev(WZ_HOME);
	wz.focus = f;
	ev(WZ_HELP);
	ck_assert_int_eq(wz.screen, SCR_HELP);
	assert_view_sane();
	look_at_help_pages();
	ev(WZ_QUIT);
	assert_view_sane();
	ev(WZ_HELP);
	assert_view_sane();
	ev(WZ_BACK);
	ck_assert_int_eq(wz.screen, s);
	ck_assert_uint_eq(wz.focus, f);
	ev(WZ_QUIT);
	ck_assert_int_eq(wz.screen, SCR_QUIT);
	assert_view_sane();
	ev(WZ_BACK);
	ck_assert_int_eq(wz.screen, s);
	ck_assert_uint_eq(wz.focus, f);
}

START_TEST(test_every_screen_has_title_keys_and_focus)
{
	int lang = _i / 2;
	bool org = _i % 2;
	size_t guard = 0;

	wizard_free(&wz);
	wizard_init(&wz, &cat, &prog, (enum lang)lang, lang == LANG_EN, true);
	wz.switch_ok = org;
	wz.linear = lang == LANG_DE;
	look_around();
	ev(WZ_NEXT);
	look_around();
	if (org)
		ev(WZ_DOWN);
	ev(WZ_NEXT);
	look_around();
	tick(ALPHA);
	tick(BETA);
	tick(GAMMA);
	look_around();
	ev(WZ_NEXT);
	while (wz.screen != SCR_SUMMARY && guard++ < 50) {
		look_around();
		if (wz.screen == SCR_SURFACE)
			ev(WZ_END);	/* the app, for a change */
		ev(WZ_NEXT);
	}
	ck_assert_int_eq(wz.screen, SCR_SUMMARY);
	look_around();
	ck_assert_int_eq(progress_find(&prog, "alpha")->surface, SURF_APP);
}
END_TEST


/* ---- accessibility: languages, linear mode, labels, help pages ---- */

/* To Alpha's steps on the web (English wizard). */
static void
to_alpha_steps(void)
{
	to_list(false);
	tick(ALPHA);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_STEPS);
}

static int
lang_ev(enum lang l)
{
	struct wz_event e = { WZ_LANG, (int)l };

	return wizard_handle(&wz, e, NOW);
}

START_TEST(test_lang_key_switches_anywhere_and_keeps_the_place)
{
	struct view v;

	ck_assert_int_eq(lang_ev(LANG_DE), WZ_R_LANG | WZ_R_PROGRESS);
	ck_assert_int_eq(wz.screen, SCR_WELCOME);
	ck_assert_uint_eq(wz.focus, LANG_DE);	/* the list follows */
	ck_assert_int_eq(lang_ev(LANG_DE), 0);	/* already */
	lang_ev(LANG_EN);
	to_alpha_steps();
	wz.qpos = 0;
	ck_assert_int_eq(lang_ev(LANG_DE), WZ_R_LANG | WZ_R_PROGRESS);
	ck_assert_int_eq(wz.screen, SCR_STEPS);
	ck_assert_int_eq(wz.lang, LANG_DE);
	ck_assert(prog.has_lang && prog.lang == LANG_DE && prog.dirty_lang);
	wizard_view(&wz, NOW, &v);
	/* the platform's words follow the wizard: now German */
	ck_assert(view_has_block(&v, V_STEP, "Klicken Sie auf Ihr Bild "
	    "\u201eSie\u201c."));
	ck_assert(view_has_key(&v, VK_LANG_EN) && !view_has_key(&v,
	    VK_LANG_DE));
	view_free(&v);
	ck_assert_int_eq(lang_ev(LANG_COUNT), 0);
	ck_assert_int_eq(lang_ev(-1), 0);
}
END_TEST

START_TEST(test_linear_key_switches_front_end_and_keeps_the_place)
{
	to_alpha_steps();
	ck_assert_int_eq(ev(WZ_LINEAR), 0);	/* no other front end here */
	ck_assert(!wz.linear);
	wz.switch_ok = true;
	ck_assert_int_eq(ev(WZ_LINEAR), WZ_R_FRONTEND);
	ck_assert(wz.linear);
	ck_assert_int_eq(wz.screen, SCR_STEPS);
	ck_assert_int_eq(ev(WZ_LINEAR), WZ_R_FRONTEND);
	ck_assert(!wz.linear);
	ck_assert_int_eq(wz.screen, SCR_STEPS);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.screen, SCR_RECORD);
}
END_TEST

START_TEST(test_labels_key_shows_platform_words_in_other_language)
{
	struct view v;

	to_alpha_steps();
	lang_ev(LANG_DE);
	wizard_view(&wz, NOW, &v);
	ck_assert(view_has_block(&v, V_CRUMB, "Einstellungen \u2192 Data for "
	    "AI"));
	ck_assert(view_has_key(&v, VK_LABELS));
	view_free(&v);
	ck_assert_int_eq(ev(WZ_LABELS), WZ_R_PROGRESS);
	ck_assert_int_eq(wz.screen, SCR_STEPS);
	ck_assert_int_eq(progress_find(&prog, "alpha")->labels, LABELS_EN);
	ck_assert(progress_find(&prog, "alpha")->dirty);
	ck_assert_int_eq(wizard_label_lang(&wz, &cat.v[ALPHA]), LANG_EN);
	wizard_view(&wz, NOW, &v);
	/* English words, quoted the German way, in German sentences */
	ck_assert(view_has_block(&v, V_CRUMB, "Settings \u2192 Data for AI"));
	ck_assert(view_has_block(&v, V_STEP, "Klicken Sie auf Ihr Bild "
	    "\u201eMe\u201c."));
	ck_assert(view_has_block_prefix(&v, V_FINAL, "Switch \u201eUse my "
	    "data for AI\u201c to \u201eOff\u201c."));
	ck_assert(view_mentions(&v, "are shown in English"));
	ck_assert(view_mentions(&v, "search for \u201eAI\u201c"));
	ck_assert_str_eq(v.message, "The steps now show Alpha in English.");
	view_free(&v);
	/* kept when the wizard's language changes */
	lang_ev(LANG_EN);
	ck_assert_int_eq(wizard_label_lang(&wz, &cat.v[ALPHA]), LANG_EN);
	ck_assert_int_eq(ev(WZ_LABELS), WZ_R_PROGRESS);
	ck_assert_int_eq(progress_find(&prog, "alpha")->labels, LABELS_DE);
	wizard_view(&wz, NOW, &v);
	ck_assert(view_has_block(&v, V_STEP, "Click your picture "
	    "\u201cSie\u201d."));
	ck_assert(view_mentions(&v, "are shown in German"));
	view_free(&v);
	/* nowhere else */
	ev(WZ_NEXT);
	ck_assert_int_eq(ev(WZ_LABELS), 0);
}
END_TEST

START_TEST(test_help_sets_labels_for_every_platform)
{
	struct view v;

	to_list(false);
	ck_assert_int_eq(wizard_label_lang(&wz, &cat.v[ALPHA]), LANG_EN);
	ev(WZ_HELP);
	wz.focus = HELP_LABELS;
	ck_assert_int_eq(ev(WZ_NEXT), WZ_R_PROGRESS);
	ck_assert_int_eq(wz.screen, SCR_HELP);	/* it stays */
	ck_assert_int_eq(wz.labels, LABELS_DE);
	ck_assert(prog.labels == LABELS_DE && prog.dirty_labels);
	ck_assert_int_eq(wizard_label_lang(&wz, &cat.v[ALPHA]), LANG_DE);
	ck_assert_int_eq(wizard_label_lang(&wz, &cat.v[BETA]), LANG_DE);
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.items[HELP_LABELS].detail, "Deutsch");
	view_free(&v);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.labels, LABELS_EN);
	ev(WZ_NEXT);
	ck_assert_int_eq(wz.labels, LABELS_WIZARD);
	ck_assert_int_eq(wizard_label_lang(&wz, &cat.v[ALPHA]), LANG_EN);
	/* a platform's own choice wins over the setting */
	progress_set_platform_labels(&prog, "alpha", LABELS_DE);
	wz.labels = LABELS_EN;
	ck_assert_int_eq(wizard_label_lang(&wz, &cat.v[ALPHA]), LANG_DE);
	ck_assert_int_eq(wizard_label_lang(&wz, &cat.v[BETA]), LANG_EN);
}
END_TEST

START_TEST(test_help_pages_open_and_return)
{
	struct view v;

	to_list(false);
	wz.focus = BETA;
	ev(WZ_HELP);
	wizard_view(&wz, NOW, &v);
	ck_assert_uint_eq(v.nitems, HELP_COUNT);
	ck_assert_str_eq(v.items[HELP_BACK].label, "Back to where I was");
	view_free(&v);
	pick(HELP_GLOSSARY + 1);
	ck_assert_int_eq(wz.screen, SCR_GLOSSARY);
	ev(WZ_HELP);		/* ? on a page: help, on the page's item */
	ck_assert_int_eq(wz.screen, SCR_HELP);
	ck_assert_uint_eq(wz.focus, HELP_GLOSSARY);
	pick(HELP_KEYS + 1);
	ev(WZ_QUIT);
	ck_assert_int_eq(wz.screen, SCR_QUIT);
	ev(WZ_DOWN);
	ev(WZ_NEXT);		/* "No, go on": where help was called */
	ck_assert_int_eq(wz.screen, SCR_PLATFORMS);
	ck_assert_uint_eq(wz.focus, BETA);
	ev(WZ_HELP);
	ck_assert_uint_eq(wz.focus, HELP_BACK);
	ck_assert_int_eq(ev(WZ_NEXT), WZ_R_SCREEN);
	ck_assert_int_eq(wz.screen, SCR_PLATFORMS);
	ck_assert_uint_eq(wz.focus, BETA);
}
END_TEST

START_TEST(test_glossary_explains_the_five_words)
{
	static const char *const terms[] = {
		"Objection (in German: Widerspruch)",
		"Legitimate interest (in German: berechtigtes Interesse)",
		"Not retroactive (in German: nicht r\u00fcckwirkend)",
		"AI training (in German: KI-Training)",
		"Consent (in German: Einwilligung)"
	};
	struct view v;
	size_t i, j;

	ev(WZ_HELP);
	pick(HELP_GLOSSARY + 1);
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.title, "Words explained");
	for (i = 0; i < sizeof terms / sizeof terms[0]; i++) {
		ck_assert_msg(view_has_block(&v, V_HEADING, terms[i]), "%s",
		    terms[i]);
	}
	/* plain words: short sentences */
	for (i = 0; i < v.nblocks; i++) {
		const char *t = v.blocks[i].text;
		size_t words = 1;

		for (j = 0; t[j] != '\0'; j++) {
			if (t[j] == ' ')
				words++;
			if (t[j] == '.' || t[j] == '?') {
				ck_assert_msg(words <= 20, "long sentence in: %s",
				    t);
				words = 0;
			}
		}
	}
	view_free(&v);
}
END_TEST

START_TEST(test_selfcheck_shows_glyphs_and_switches_to_plain_letters)
{
	struct view v;

	ev(WZ_HELP);
	pick(HELP_SELFCHECK + 1);
	ck_assert_int_eq(wz.screen, SCR_SELFCHECK);
	wizard_view(&wz, NOW, &v);
	ck_assert(view_mentions(&v, "\u00e4 \u00f6 \u00fc \u00df "
	    "\u00c4 \u00d6 \u00dc"));
	ck_assert(view_mentions(&v, "\u2192"));
	ck_assert(view_mentions(&v, "\u250c"));
	ck_assert(view_mentions(&v, "[x]"));
	ck_assert(view_has_block(&v, V_SWATCH, "Important notes: bold."));
	ck_assert(view_has_key(&v, VK_GLYPHS));
	view_free(&v);
	ck_assert(wizard_utf8(&wz));
	ck_assert_int_eq(ev(WZ_GLYPHS), WZ_R_PROGRESS);
	ck_assert(wz.ascii && prog.ascii && prog.dirty_ascii);
	ck_assert(!wizard_utf8(&wz));
	ck_assert_int_eq(wz.screen, SCR_SELFCHECK);
	wizard_view(&wz, NOW, &v);
	ck_assert(view_mentions(&v, "plain letters only, as you chose"));
	view_free(&v);
	/* kept for the session, also after a kiosk visit ends */
	wz.mode = WZ_KIOSK;
	wizard_reset(&wz);
	ck_assert(!wizard_utf8(&wz));
	ev(WZ_HELP);
	pick(HELP_SELFCHECK + 1);
	ck_assert_int_eq(ev(WZ_GLYPHS), WZ_R_PROGRESS);
	ck_assert(wizard_utf8(&wz));
	/* only on the self-check, and only where UTF-8 can be shown */
	ev(WZ_BACK);
	ck_assert_int_eq(ev(WZ_GLYPHS), 0);
	wz.utf8 = false;
	pick(HELP_SELFCHECK + 1);
	ck_assert_int_eq(ev(WZ_GLYPHS), 0);
	wizard_view(&wz, NOW, &v);
	ck_assert(!view_has_key(&v, VK_GLYPHS));
	ck_assert(view_mentions(&v, "not set up for UTF-8"));
	view_free(&v);
}
END_TEST

START_TEST(test_kiosk_reset_restores_default_labels)
{
	wz.mode = WZ_KIOSK;
	wz.default_labels = LABELS_EN;
	wz.labels = LABELS_DE;
	progress_set_platform_labels(&prog, "alpha", LABELS_DE);
	wizard_reset(&wz);
	ck_assert_int_eq(wz.labels, LABELS_EN);
	ck_assert_ptr_null(progress_find(&prog, "alpha"));
}
END_TEST

/* ---- suites ---- */

static Suite *
date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tap_tcase(s, "date", 30);

	tcase_add_test(tc, test_date_parse_accepts_real_days);
	tcase_add_test(tc, test_date_parse_rejects_impossible_and_sloppy_dates);
	tcase_add_test(tc, test_date_civil_round_trip_over_many_days);
	tcase_add_test(tc, test_date_parse_loose_takes_source_dates);
	tcase_add_test(tc, test_date_formats_read_naturally);
	return s;
}

static Suite *
words_suite(void)
{
	Suite *s = suite_create("words");
	TCase *tc = tap_tcase(s, "retro", 10);

	tcase_add_checked_fixture(tc, retro_setup, retro_teardown);
	tcase_add_test(tc, test_retro_before_start_says_nothing_is_used);
	tcase_add_test(tc, test_retro_one_day_before_is_singular);
	tcase_add_test(tc, test_retro_on_start_says_starts_today);
	tcase_add_test(tc, test_retro_after_start_says_what_stays);
	tcase_add_test(tc,
	    test_retro_without_start_date_says_it_works_from_now);
	tcase_add_test(tc, test_retro_german_date_is_written_the_german_way);
	tc = tap_tcase(s, "steps", 10);
	tcase_add_test(tc, test_final_switch_off_names_label_and_off);
	tcase_add_test(tc, test_final_switch_off_uses_platform_word_for_off);
	tcase_add_test(tc, test_final_switch_on_says_on_protects);
	tcase_add_test(tc, test_final_submit_names_the_button);
	tcase_add_test(tc, test_step_replaces_braces_with_quoted_label);
	tcase_add_test(tc, test_step_without_braces_appends_label);
	tcase_add_test(tc, test_step_without_label_is_just_the_text);
	tcase_add_test(tc, test_label_missing_in_german_falls_back_to_english);
	tcase_add_test(tc, test_breadcrumb_joins_menu_labels_and_skips_others);
	tcase_add_test(tc, test_status_detail_names_status_and_day);
	return s;
}

static Suite *
text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tap_tcase(s, "text", 60);

	tcase_add_test(tc, test_utf8_valid_rejects_broken_sequences);
	tcase_add_test(tc, test_utf8_valid_accepts_real_text);
	tcase_add_test(tc,
	    test_plain_and_valid_fast_paths_agree_with_a_slow_check);
	tcase_add_test(tc, test_sanitize_removes_terminal_controls);
	tcase_add_test(tc,
	    test_sanitize_keeps_umlauts_arrows_and_turns_breaks_into_spaces);
	tcase_add_test(tc, test_width_counts_columns);
	tcase_add_test(tc, test_fit_never_splits_a_character);
	tcase_add_test(tc, test_ascii_transliterates_german_and_typography);
	tcase_add_test(tc, test_wrap_narrow_text_fits_and_loses_nothing);
	tcase_add_test(tc, test_wrap_wide_text_fits_and_loses_nothing);
	tcase_add_test(tc, test_wrap_breaks_at_spaces_and_honours_newlines);
	tcase_add_test(tc, test_wrap_leading_blank_then_wide_characters_fit);
	tcase_add_test(tc, test_wrap_leading_blank_makes_no_empty_line);
	return s;
}

static Suite *
model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tap_tcase(s, "model", 10);

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_lang_from_locale_knows_german);
	tcase_add_test(tc, test_catalog_sorts_by_category_then_name);
	tcase_add_test(tc, test_codes_round_trip);
	tcase_add_test(tc, test_progress_record_ticks_and_keeps_surface);
	tcase_add_test(tc, test_progress_copy_is_deep);
	tcase_add_test(tc, test_diag_format_has_file_and_line);
	return s;
}

/* ---- resume codes and QR codes in the wizard ---- */

static const struct vblock *
find_block(const struct view *v, enum vkind kind)
{
	size_t i;

	for (i = 0; i < v->nblocks; i++) {
		if (v->blocks[i].kind == kind)
			return &v->blocks[i];
	}
	return NULL;
}

/* The code the summary shows, after alpha done and beta form sent. */
static char *
summary_code(void)
{
	const struct vblock *b;
	struct view v;
	char *code;

	progress_record(&prog, "alpha", ST_DONE, NULL, NOW);
	progress_record(&prog, "beta", ST_FORM_SENT, NULL, NOW);
	wz.screen = SCR_SUMMARY;
	wizard_view(&wz, NOW, &v);
	ck_assert(view_has_block(&v, V_HEADING, "Your code to continue later"));
	b = find_block(&v, V_QR);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(b->num, VQR_CODE);
	ck_assert((b - 1)->kind == V_LINK);		/* the text first */
	ck_assert_str_eq((b - 1)->text, b->text);
	ck_assert(view_has_key(&v, VK_QR));
	code = xstrdup(b->text);
	view_free(&v);
	return code;
}

START_TEST(test_wizard_summary_shows_the_resume_code_and_its_qr)
{
	struct resume_data d;
	char *code = summary_code(), *again, bad;
	struct view v;

	ck_assert_int_eq(resume_parse(code, &d, &bad), RESUME_OK);
	ck_assert_uint_eq(d.n, 2);
	resume_data_free(&d);
	again = resume_code(&cat, &prog, NULL);
	ck_assert_str_eq(again, code);
	free(again);
	free(code);
	wz.linear = true;	/* screen readers get the text, no QR */
	wizard_view(&wz, NOW, &v);
	ck_assert_ptr_null(find_block(&v, V_QR));
	ck_assert(!view_has_key(&v, VK_QR));
	ck_assert(view_has_block_prefix(&v, V_LINK, ""));
	view_free(&v);
}
END_TEST

static void
type_text(const char *s)
{
	for (; *s != '\0'; s++)
		ck_assert_int_eq(wizard_handle(&wz, (struct wz_event){
		    WZ_CHAR, (unsigned char)*s }, NOW), 0);
}

/* Another computer: no progress, the welcome screen. */
static void
fresh_welcome(void)
{
	progress_clear(&prog);
	memset(&prog, 0, sizeof prog);
	wz.screen = SCR_WELCOME;
}

START_TEST(test_wizard_code_typed_on_welcome_restores_the_session)
{
	char *code = summary_code();
	struct view v;

	fresh_welcome();
	wizard_view(&wz, NOW, &v);
	ck_assert(view_has_key(&v, VK_CODE));
	ck_assert_ptr_null(v.input);
	view_free(&v);
	ck_assert_int_eq(ev(WZ_CODE), 0);
	type_text(code);
	wizard_view(&wz, NOW, &v);
	ck_assert(v.input_active);
	ck_assert_str_eq(v.input_label, "Your code:");
	ck_assert_str_eq(v.input, code);
	view_free(&v);
	ck_assert_int_eq(ev(WZ_NEXT), WZ_R_PROGRESS);	/* saved */
	ck_assert_int_eq(progress_find(&prog, "alpha")->status, ST_DONE);
	ck_assert_int_eq(progress_find(&prog, "beta")->status, ST_FORM_SENT);
	ck_assert_int_eq(wz.screen, SCR_WELCOME);
	wizard_view(&wz, NOW, &v);
	ck_assert(!v.input_active);
	ck_assert_pstr_eq(v.message, "Code accepted.");
	ck_assert(view_has_block(&v, V_NOTE, "Restored from your code: "
	    "Alpha: done; Beta: form sent, waiting for confirmation."));
	view_free(&v);
	free(code);
}
END_TEST

START_TEST(test_wizard_mistyped_code_is_said_kept_and_changes_nothing)
{
	char *code = summary_code();
	struct view v;

	fresh_welcome();
	code[1] = code[1] == 'X' ? 'Y' : 'X';	/* one wrong character */
	ev(WZ_CODE);
	type_text(code);
	ck_assert_int_eq(ev(WZ_NEXT), 0);
	ck_assert_uint_eq(prog.n, 0);
	wizard_view(&wz, NOW, &v);
	ck_assert(v.input_active);		/* to be corrected */
	ck_assert_str_eq(v.input, code);
	ck_assert(view_has_block_prefix(&v, V_NOTE, "This code is mistyped: "
	    "a character is wrong, missing, extra, or two are swapped."));
	view_free(&v);
	ev(WZ_ERASE);
	type_text("U");
	ev(WZ_NEXT);
	wizard_view(&wz, NOW, &v);
	ck_assert(view_has_block_prefix(&v, V_NOTE, "This code is mistyped: "
	    "\"U\" is never part of a code."));
	view_free(&v);
	ck_assert_int_eq(ev(WZ_BACK), 0);	/* Esc: never mind */
	wizard_view(&wz, NOW, &v);
	ck_assert(!v.input_active);
	ck_assert(!view_mentions(&v, "mistyped"));
	ck_assert_int_eq(wz.screen, SCR_WELCOME);
	view_free(&v);
	ck_assert_uint_eq(prog.n, 0);
	free(code);
}
END_TEST

START_TEST(test_wizard_steps_show_a_qr_code_of_the_direct_link)
{
	const struct vblock *b;
	struct view v;

	to_list(false);
	tick(ALPHA);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);		/* the web: it has a direct link */
	ck_assert_int_eq(wz.screen, SCR_STEPS);
	wizard_view(&wz, NOW, &v);
	b = find_block(&v, V_QR);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(b->num, VQR_LINK);
	ck_assert_str_eq(b->text, "https://alpha.example/settings");
	ck_assert(view_has_key(&v, VK_QR));
	view_free(&v);
	ev(WZ_BACK);
	ev(WZ_DOWN);
	ev(WZ_NEXT);		/* the app: no link, no QR code */
	wizard_view(&wz, NOW, &v);
	ck_assert_ptr_null(find_block(&v, V_QR));
	ck_assert(!view_has_key(&v, VK_QR));
	view_free(&v);
}
END_TEST

START_TEST(test_wizard_end_of_kiosk_visit_shows_the_code)
{
	char *code = summary_code();
	struct view v;

	wz.mode = WZ_KIOSK;
	wz.screen = SCR_PLATFORMS;
	ev(WZ_QUIT);
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.title, "End your visit?");
	ck_assert(view_has_block(&v, V_LINK, code));
	ck_assert_ptr_nonnull(find_block(&v, V_QR));
	ck_assert_uint_eq(v.nitems, 3);
	view_free(&v);
	free(code);
}
END_TEST

static Suite *
wizard_suite(void)
{
	Suite *s = suite_create("wizard");
	TCase *tc = tap_tcase(s, "flow", 10);

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_wizard_starts_on_welcome_in_given_language);
	tcase_add_test(tc, test_wizard_language_choice_is_kept_in_progress);
	tcase_add_test(tc, test_wizard_who_choice_is_kept_in_progress);
	tcase_add_test(tc,
	    test_wizard_enter_with_nothing_ticked_explains_and_stays);
	tcase_add_test(tc, test_wizard_space_ticks_and_unticks);
	tcase_add_test(tc, test_wizard_list_groups_by_category);
	tcase_add_test(tc,
	    test_wizard_toggle_path_records_done_with_surface_and_time);
	tcase_add_test(tc, test_wizard_switch_on_platform_says_switched_on);
	tcase_add_test(tc, test_wizard_form_path_records_sent_then_confirmed);
	tcase_add_test(tc, test_wizard_summary_shows_the_resume_code_and_its_qr);
	tcase_add_test(tc,
	    test_wizard_code_typed_on_welcome_restores_the_session);
	tcase_add_test(tc,
	    test_wizard_mistyped_code_is_said_kept_and_changes_nothing);
	tcase_add_test(tc, test_wizard_steps_show_a_qr_code_of_the_direct_link);
	tcase_add_test(tc, test_wizard_end_of_kiosk_visit_shows_the_code);
	tcase_add_test(tc, test_wizard_queue_walks_ticked_platforms_in_order);
	tcase_add_test(tc, test_wizard_skips_finished_platforms);
	tcase_add_test(tc, test_wizard_only_finished_ticked_goes_to_summary);
	tcase_add_test(tc, test_wizard_open_starts_just_the_focused_platform);
	tcase_add_test(tc, test_wizard_open_does_nothing_outside_the_list);
	tcase_add_test(tc, test_wizard_back_from_each_screen_keeps_everything);
	tcase_add_test(tc, test_wizard_back_from_summary_returns_to_list);
	tc = tap_tcase(s, "overlays", 10);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_wizard_quit_asks_first);
	tcase_add_test(tc, test_wizard_quit_twice_exits);
	tcase_add_test(tc, test_wizard_quit_yes_exits);
	tcase_add_test(tc,
	    test_wizard_quit_no_returns_to_same_screen_and_focus);
	tcase_add_test(tc, test_wizard_help_returns_to_same_screen_and_focus);
	tcase_add_test(tc,
	    test_wizard_quit_from_help_no_returns_to_screen_under_help);
	tcase_add_test(tc, test_wizard_focus_stays_within_items);
	tc = tap_tcase(s, "views", 20);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_wizard_org_info_shows_org_note);
	tcase_add_test(tc, test_wizard_private_info_has_no_org_note);
	tcase_add_test(tc, test_wizard_org_list_says_which_pages_cannot_object);
	tcase_add_test(tc, test_wizard_info_says_what_objection_can_still_do);
	tcase_add_test(tc, test_wizard_steps_show_breadcrumb_steps_and_final);
	tcase_add_test(tc,
	    test_wizard_german_steps_say_when_labels_are_english);
	tcase_add_test(tc, test_wizard_welcome_back_counts_finished_platforms);
	tcase_add_test(tc, test_wizard_save_error_shows_banner_and_quit_warns);
	tcase_add_test(tc, test_wizard_notice_is_shown_on_welcome);
	tcase_add_test(tc, test_lang_key_switches_anywhere_and_keeps_the_place);
	tcase_add_test(tc,
	    test_linear_key_switches_front_end_and_keeps_the_place);
	tcase_add_test(tc,
	    test_labels_key_shows_platform_words_in_other_language);
	tcase_add_test(tc, test_help_sets_labels_for_every_platform);
	tcase_add_test(tc, test_help_pages_open_and_return);
	tcase_add_test(tc, test_glossary_explains_the_five_words);
	tcase_add_test(tc,
	    test_selfcheck_shows_glyphs_and_switches_to_plain_letters);
	tcase_add_test(tc, test_kiosk_reset_restores_default_labels);
	/* 0: German, private; 1: German, organisation; 2, 3: English */
	tcase_add_loop_test(tc, test_every_screen_has_title_keys_and_focus,
	    0, 4);
	return s;
}

/* ---- workshops: profiles, seats, broadcasts, the trainer's counts ---- */

START_TEST(test_kv_reads_strict_lines_only)
{
	struct kv_reader r;
	unsigned long long n;

	kv_init(&r, "pid 12\ntext Grüße an alle\n");
	ck_assert(kv_next(&r));
	ck_assert_str_eq(r.line.key, "pid");
	ck_assert_str_eq(r.line.val, "12");
	ck_assert(kv_next(&r));
	ck_assert_str_eq(r.line.val, "Grüße an alle");
	ck_assert(!kv_next(&r) && !r.bad);
	kv_done(&r);
	/* no final newline, a capital key, a control character, no blank */
	kv_init(&r, "pid 12");
	ck_assert(!kv_next(&r) && r.bad);
	kv_init(&r, "Pid 12\n");
	ck_assert(!kv_next(&r) && r.bad);
	kv_init(&r, "text a\033[2Jb\n");
	ck_assert(!kv_next(&r) && r.bad);
	kv_init(&r, "text a\xe2\x80\xae" "b\n");	/* a bidi override */
	ck_assert(!kv_next(&r) && r.bad);
	kv_init(&r, "pid\n");
	ck_assert(!kv_next(&r) && r.bad);
	ck_assert(kv_number("0", 5, &n) && n == 0);
	ck_assert(kv_number("5", 5, &n) && n == 5);
	ck_assert(!kv_number("6", 5, &n));
	ck_assert(!kv_number("05", 9, &n));
	ck_assert(!kv_number("-1", 9, &n));
	ck_assert(!kv_number("", 9, &n));
	ck_assert(!kv_number("99999999999999999999999", UINT64_MAX, &n));
}
END_TEST

START_TEST(test_workshop_names_are_checked)
{
	ck_assert(workshop_valid_name("evening"));
	ck_assert(workshop_valid_name("VHS-2026_a"));
	ck_assert(!workshop_valid_name(""));
	ck_assert(!workshop_valid_name("1st"));
	ck_assert(!workshop_valid_name("../etc"));
	ck_assert(!workshop_valid_name("a/b"));
	ck_assert(!workshop_valid_name("a.b"));
	ck_assert(workshop_valid_name("a2345678901234567890123456789012"));
	ck_assert(!workshop_valid_name("a23456789012345678901234567890123"));
}
END_TEST

static void
mkworkshop(struct workshop *ws, bool may_add)
{
	workshop_init(ws, "evening");
	workshop_add_platform(ws, "gamma", 3);
	workshop_add_platform(ws, "alpha", 4);
	ws->may_add = may_add;
	ws->has_lang = true;
	ws->lang = LANG_DE;
	ws->idle_minutes = 7;
}

START_TEST(test_workshop_published_profile_round_trips)
{
	struct workshop ws, back;
	char *text;

	mkworkshop(&ws, false);
	workshop_add_platform(&ws, "gone_platform", 5);
	text = workshop_format(&ws);
	ck_assert(workshop_parse(text, "evening", &cat, &back));
	/* an id this catalog lacks is left out */
	ck_assert_uint_eq(back.nplatforms, 2);
	ck_assert_str_eq(back.platforms[0], "gamma");
	ck_assert_str_eq(back.platforms[1], "alpha");
	ck_assert(!back.may_add && workshop_fixed(&back));
	ck_assert(back.has_lang && back.lang == LANG_DE);
	ck_assert_int_eq(back.idle_minutes, 7);
	workshop_free(&back);
	free(text);
	workshop_free(&ws);
	ck_assert(!workshop_parse("optout-workshop 2\n", "x", &cat, &back));
	ck_assert(!workshop_parse("add 0\n", "x", &cat, &back));
	ck_assert(!workshop_parse("optout-workshop 1\nlang fr\n", "x", &cat,
	    &back));
	ck_assert(!workshop_parse("optout-workshop 1\nplatform Alpha!\n",
	    "x", &cat, &back));
	ck_assert(!workshop_parse("optout-workshop 1\nrun rm\n", "x", &cat,
	    &back));
	ck_assert(workshop_parse("optout-workshop 1\n", "x", &cat, &back));
	ck_assert(!workshop_fixed(&back));	/* nothing set: choose */
	workshop_free(&back);
}
END_TEST

START_TEST(test_workshop_check_names_file_and_line_of_unknown_ids)
{
	struct workshop ws;
	struct diags d = { 0 };
	char *msg;

	mkworkshop(&ws, false);
	workshop_add_platform(&ws, "delta", 9);
	ws.file = xstrdup("ws.cfg");
	workshop_check(&ws, &cat, &d);
	ck_assert_uint_eq(d.nerrors, 1);
	msg = diag_format(&d.v[0]);
	ck_assert_str_eq(msg, "ws.cfg:9: workshop 'evening': the catalog has "
	    "no platform 'delta' (optout --list shows the ids)");
	free(msg);
	diags_free(&d);
	workshop_free(&ws);
}
END_TEST

START_TEST(test_workshops_later_definition_replaces)
{
	struct workshops set = { 0 };
	struct workshop a, b;

	mkworkshop(&a, false);
	workshop_init(&b, "evening");
	workshops_put(&set, &a);
	workshops_put(&set, &b);
	ck_assert_uint_eq(set.n, 1);
	ck_assert_uint_eq(workshops_find(&set, "evening")->nplatforms, 0);
	ck_assert_ptr_null(workshops_find(&set, "morning"));
	workshops_free(&set);
}
END_TEST

static void
mkseat(struct seat *s, unsigned number, enum seat_stage stage,
    const char *platform, time_t active)
{
	memset(s, 0, sizeof *s);
	s->number = number;
	s->pid = 1000 + number;
	s->stage = stage;
	s->platform = platform != NULL ? xstrdup(platform) : NULL;
	s->active = active;
	s->updated = NOW;
	s->alive = true;
}

static void
mark(struct seat *s, const char *id, enum seat_mark m)
{
	s->marks = xreallocarray(s->marks, s->nmarks + 1, sizeof *s->marks);
	s->marks[s->nmarks].id = xstrdup(id);
	s->marks[s->nmarks++].mark = m;
}

START_TEST(test_seat_file_round_trips_and_says_nothing_personal)
{
	struct seat s, back;
	char *text;

	mkseat(&s, 3, SEAT_STEPS, "alpha", NOW - 5);
	s.start = 123456;
	s.hand = true;
	mark(&s, "beta", MARK_DONE);
	mark(&s, "gamma", MARK_HELP);
	text = seat_format(&s);
	ck_assert_str_eq(text, "optout-seat 1\npid 1003\nstart 123456\n"
	    "stage steps\nplatform alpha\nhand 1\nactive 1763799995\n"
	    "done beta\nhelp gamma\n");
	ck_assert(seat_parse(text, &back));
	ck_assert_int_eq(back.pid, 1003);
	ck_assert(back.start == 123456);
	ck_assert_int_eq(back.stage, SEAT_STEPS);
	ck_assert_str_eq(back.platform, "alpha");
	ck_assert(back.hand);
	ck_assert_int_eq(back.active, NOW - 5);
	ck_assert_uint_eq(back.nmarks, 2);
	ck_assert_str_eq(back.marks[1].id, "gamma");
	ck_assert_int_eq(back.marks[1].mark, MARK_HELP);
	seat_free(&back);
	free(text);
	seat_free(&s);
}
END_TEST

static const char *const bad_seats[] = {
	"",
	"optout-seat 2\npid 5\nstart 0\nstage start\nhand 0\nactive 1\n",
	"optout-seat 1\npid 1\nstart 0\nstage start\nhand 0\nactive 1\n",
	"optout-seat 1\npid 5\nstart 0\nstage lunch\nhand 0\nactive 1\n",
	"optout-seat 1\npid 5\nstart 0\nstage start\nhand 2\nactive 1\n",
	"optout-seat 1\npid 5\nstart 0\nstage start\nhand 0\n",
	"optout-seat 1\nstart 0\npid 5\nstage start\nhand 0\nactive 1\n",
	"optout-seat 1\npid 5\nstart 0\nstage start\nhand 0\nactive 1\n"
	    "name Anna\n",
	"optout-seat 1\npid 5\nstart 0\nstage start\nplatform ../x\n"
	    "hand 0\nactive 1\n",
	"optout-seat 1\npid 5\nstart 0\nstage start\nhand 0\nactive 1\n"
	    "done \033[2J\n",
	"optout-seat 1\npid 5\nstart 0\nstage start\nhand 0\nactive 1\n"
	    "done alpha",
	"optout-seat 1\npid 5\nstart 0\nstage start\nhand 0\nactive 1\n"
	    "platform alpha\n",
};

START_TEST(test_seat_parse_refuses_anything_else)
{
	struct seat s;

	ck_assert_msg(!seat_parse(bad_seats[_i], &s), "accepted: %s",
	    bad_seats[_i]);
	ck_assert_ptr_null(s.platform);
	ck_assert_uint_eq(s.nmarks, 0);
}
END_TEST

/* The wizard's place, as the trainer sees it. */
static enum seat_stage
seat_stage_now(char **platform)
{
	struct seat s;
	enum seat_stage st;

	seat_from_wizard(&wz, false, NOW, &s);
	st = s.stage;
	*platform = s.platform != NULL ? xstrdup(s.platform) : NULL;
	seat_free(&s);
	return st;
}

START_TEST(test_seat_follows_the_wizard_screen_by_screen)
{
	struct seat s;
	char *p;

	ck_assert_int_eq(seat_stage_now(&p), SEAT_START);
	ck_assert_ptr_null(p);
	to_list(false);
	ck_assert_int_eq(seat_stage_now(&p), SEAT_START);
	tick(ALPHA);
	tick(BETA);
	ev(WZ_NEXT);
	ck_assert_int_eq(seat_stage_now(&p), SEAT_EXPLANATION);
	ck_assert_str_eq(p, "alpha");
	free(p);
	ev(WZ_HELP);		/* an overlay: the seat stays where it is */
	ck_assert_int_eq(seat_stage_now(&p), SEAT_EXPLANATION);
	free(p);
	ev(WZ_BACK);
	ev(WZ_NEXT);		/* where: web or app */
	ck_assert_int_eq(seat_stage_now(&p), SEAT_STEPS);
	free(p);
	ev(WZ_NEXT);
	ev(WZ_NEXT);		/* what happened? */
	ck_assert_int_eq(seat_stage_now(&p), SEAT_STEPS);
	ck_assert_str_eq(p, "alpha");
	free(p);
	wz.focus = 3;		/* "I need help from an adviser" */
	ev(WZ_NEXT);
	ck_assert_int_eq(seat_stage_now(&p), SEAT_EXPLANATION);
	ck_assert_str_eq(p, "beta");
	free(p);
	seat_from_wizard(&wz, true, NOW, &s);
	ck_assert_uint_eq(s.nmarks, 1);
	ck_assert_str_eq(s.marks[0].id, "alpha");
	ck_assert_int_eq(s.marks[0].mark, MARK_HELP);
	ck_assert(seat_needs_help(&s));
	seat_free(&s);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);		/* "I sent the form": done, for the trainer */
	ck_assert_int_eq(seat_stage_now(&p), SEAT_SUMMARY);
	ck_assert_ptr_null(p);
	seat_from_wizard(&wz, false, NOW, &s);
	ck_assert_uint_eq(s.nmarks, 2);
	ck_assert_str_eq(s.marks[1].id, "beta");
	ck_assert_int_eq(s.marks[1].mark, MARK_DONE);
	seat_free(&s);
	ev(WZ_NEXT);		/* the take-home screen: after the summary */
	ck_assert_int_eq(wz.screen, SCR_TAKEHOME);
	ck_assert_int_eq(seat_stage_now(&p), SEAT_SUMMARY);
	ck_assert_ptr_null(p);
}
END_TEST

START_TEST(test_seat_is_gone_when_left_dead_or_silent)
{
	struct seat s;

	mkseat(&s, 1, SEAT_START, NULL, NOW);
	ck_assert(!seat_gone(&s, NOW + ROOM_EXPIRE));
	ck_assert(seat_gone(&s, NOW + ROOM_EXPIRE + 1));
	s.alive = false;
	ck_assert(seat_gone(&s, NOW));
	s.alive = true;
	s.stage = SEAT_LEFT;
	ck_assert(seat_gone(&s, NOW));
	seat_free(&s);
}
END_TEST

START_TEST(test_broadcast_round_trips_and_refuses_forgeries)
{
	struct broadcast b = { 4, BROADCAST_MESSAGE, (char *)"Pause um 11" },
	    back;
	char *text = broadcast_format(&b);

	ck_assert_str_eq(text, "optout-broadcast 1\nid 4\nkind message\n"
	    "text Pause um 11\n");
	ck_assert(broadcast_parse(text, &back));
	ck_assert(back.id == 4 && back.kind == BROADCAST_MESSAGE);
	ck_assert_str_eq(back.text, "Pause um 11");
	broadcast_free(&back);
	free(text);
	ck_assert(broadcast_parse("optout-broadcast 1\nid 0\nkind none\n",
	    &back));
	ck_assert(back.kind == BROADCAST_NONE);
	ck_assert(broadcast_parse("optout-broadcast 1\nid 5\nkind pause\n",
	    &back));
	ck_assert(back.kind == BROADCAST_PAUSE && back.text == NULL);
	ck_assert(!broadcast_parse("optout-broadcast 1\nid 5\nkind message\n",
	    &back));
	ck_assert(!broadcast_parse("optout-broadcast 1\nid 0\nkind pause\n",
	    &back));
	ck_assert(!broadcast_parse("optout-broadcast 1\nid 5\nkind message\n"
	    "text \033]0;owned\007\n", &back));
	ck_assert(!broadcast_parse("optout-broadcast 1\nid 5\nkind pause\n"
	    "text x\n", &back));
}
END_TEST

START_TEST(test_broadcast_text_is_cleaned_and_cut_at_a_character)
{
	char long_text[400], *t;
	size_t i;

	t = broadcast_clean_text("  Kaffee\tum\x1b[31m 11  ");
	ck_assert_str_eq(t, "Kaffee um[31m 11");
	free(t);
	for (i = 0; i + 2 < sizeof long_text; i += 2)
		memcpy(long_text + i, "\xc3\xa4", 2);	/* ä */
	long_text[i] = '\0';
	t = broadcast_clean_text(long_text);
	ck_assert_uint_eq(strlen(t), ROOM_MESSAGE_MAX);
	ck_assert(utf8_valid(t, strlen(t), NULL));
	free(t);
}
END_TEST

START_TEST(test_room_counts_what_each_seat_is_doing)
{
	struct workshop ws;
	struct room_summary sum;
	struct seat s[7];
	size_t i;

	mkworkshop(&ws, true);	/* gamma, alpha; more may be added */
	mkseat(&s[0], 1, SEAT_EXPLANATION, "gamma", NOW);
	mkseat(&s[1], 2, SEAT_STEPS, "gamma", NOW);
	s[1].hand = true;		/* counts once for gamma's help */
	mkseat(&s[2], 3, SEAT_EXPLANATION, "alpha", NOW - 8 * 60);
	mark(&s[2], "gamma", MARK_DONE);
	mkseat(&s[3], 4, SEAT_STEPS, "beta", NOW);	/* the seat's own */
	mark(&s[3], "gamma", MARK_HELP);
	mark(&s[3], "alpha", MARK_DONE);
	mkseat(&s[4], 5, SEAT_START, NULL, NOW);
	mkseat(&s[5], 6, SEAT_SUMMARY, NULL, NOW);
	mark(&s[5], "gamma", MARK_DONE);
	mkseat(&s[6], 7, SEAT_STEPS, "gamma", NOW);
	s[6].alive = false;		/* its optout ended: not counted */
	s[6].hand = true;
	room_summarize(&ws, s, 7, NOW, &sum);
	ck_assert_uint_eq(sum.nseats, 7);
	ck_assert_uint_eq(sum.nhere, 6);
	ck_assert_uint_eq(sum.nstart, 1);
	ck_assert_uint_eq(sum.nsummary, 1);
	ck_assert_uint_eq(sum.nrows, 3);
	ck_assert_str_eq(sum.rows[0].id, "gamma");
	ck_assert_uint_eq(sum.rows[0].explanation, 1);
	ck_assert_uint_eq(sum.rows[0].steps, 1);
	ck_assert_uint_eq(sum.rows[0].done, 2);
	ck_assert_uint_eq(sum.rows[0].help, 2);
	ck_assert_str_eq(sum.rows[1].id, "alpha");
	ck_assert_uint_eq(sum.rows[1].explanation, 1);
	ck_assert_uint_eq(sum.rows[1].done, 1);
	ck_assert_str_eq(sum.rows[2].id, "beta");
	ck_assert_uint_eq(sum.rows[2].steps, 1);
	ck_assert_uint_eq(sum.nhelp, 2);
	ck_assert_uint_eq(sum.help[0], 2);
	ck_assert_uint_eq(sum.help[1], 4);
	ck_assert_uint_eq(sum.nidle, 1);	/* 8 minutes, idle after 7 */
	ck_assert_uint_eq(sum.idle[0], 3);
	ck_assert_uint_eq(sum.ngone, 1);
	ck_assert_uint_eq(sum.gone[0], 7);
	room_summary_free(&sum);
	for (i = 0; i < 7; i++)
		seat_free(&s[i]);
	workshop_free(&ws);
}
END_TEST

START_TEST(test_trainer_file_round_trips)
{
	char *text = room_trainer_format(4242, 99);
	unsigned long long start = 0;
	long pid = 0;

	ck_assert(room_trainer_parse(text, &pid, &start));
	ck_assert(pid == 4242 && start == 99);
	free(text);
	ck_assert(!room_trainer_parse("optout-trainer 1\npid 1\nstart 0\n",
	    &pid, &start));
	ck_assert(!room_trainer_parse("optout-trainer 1\npid 7\n", &pid,
	    &start));
}
END_TEST

static bool
has_key(const struct view *v, enum vkey_kind k, const char *label)
{
	size_t i;

	for (i = 0; i < v->nkeys; i++) {
		if (v->keys[i].kind == k &&
		    strcmp(v->keys[i].label, label) == 0)
			return true;
	}
	return false;
}

START_TEST(test_fixed_workshop_skips_the_list_in_its_order)
{
	struct workshop ws;

	mkworkshop(&ws, false);		/* gamma, then alpha; fixed */
	wizard_set_workshop(&wz, &ws);
	ev(WZ_NEXT);
	ev(WZ_NEXT);			/* who: for myself */
	ck_assert_int_eq(wz.screen, SCR_INFO);
	ck_assert_str_eq(wizard_platform(&wz)->id, "gamma");
	ck_assert_uint_eq(wz.nqueue, 2);
	ck_assert_int_eq(ev(WZ_BACK), WZ_R_SCREEN);	/* there is no list */
	ck_assert_int_eq(wz.screen, SCR_WHO);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);			/* gamma: done */
	ck_assert_str_eq(wizard_platform(&wz)->id, "alpha");
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);
	ev(WZ_NEXT);			/* alpha: done */
	ck_assert_int_eq(wz.screen, SCR_SUMMARY);
	ck_assert_ptr_null(progress_find(&prog, "beta"));
	ev(WZ_BACK);			/* back to the last platform */
	ck_assert_int_eq(wz.screen, SCR_RECORD);
	ck_assert_str_eq(wizard_platform(&wz)->id, "alpha");
	workshop_free(&ws);
}
END_TEST

START_TEST(test_open_workshop_ticks_its_platforms_and_walks_them_first)
{
	struct workshop ws;
	struct view v;

	mkworkshop(&ws, true);
	wizard_set_workshop(&wz, &ws);
	to_list(false);
	wizard_view(&wz, NOW, &v);
	ck_assert_int_eq(v.items[ALPHA].check, 1);
	ck_assert_int_eq(v.items[BETA].check, 0);
	ck_assert_int_eq(v.items[GAMMA].check, 1);
	view_free(&v);
	tick(BETA);			/* a participant adds one */
	ev(WZ_NEXT);
	ck_assert_uint_eq(wz.nqueue, 3);
	ck_assert_str_eq(wizard_platform(&wz)->id, "gamma");
	ck_assert_str_eq(wz.cat->v[wz.queue[1]].id, "alpha");
	ck_assert_str_eq(wz.cat->v[wz.queue[2]].id, "beta");
	workshop_free(&ws);
}
END_TEST

START_TEST(test_hand_key_and_seat_number_in_a_workshop)
{
	struct workshop ws;
	struct view v;

	ck_assert_int_eq(ev(WZ_HAND), 0);	/* no workshop: nothing */
	ck_assert(!wz.hand);
	mkworkshop(&ws, false);
	wizard_set_workshop(&wz, &ws);
	wizard_set_seat(&wz, 7);
	wizard_view(&wz, NOW, &v);
	ck_assert(has_key(&v, VK_HAND, "raise hand"));
	ck_assert_pstr_eq(v.context, "Seat 7");
	view_free(&v);
	ev(WZ_HAND);
	ck_assert(wz.hand);
	wizard_view(&wz, NOW, &v);
	ck_assert(has_key(&v, VK_HAND, "lower hand"));
	ck_assert_pstr_eq(v.message, "Your hand is up: the trainer sees that "
	    "seat 7 needs help. Press h again to lower it.");
	view_free(&v);
	ev(WZ_NEXT);
	ev(WZ_NEXT);			/* "Platform 1 of 2, seat 7" */
	wizard_view(&wz, NOW, &v);
	ck_assert_pstr_eq(v.context, "Platform 1 of 2, seat 7");
	view_free(&v);
	wizard_set_seat(&wz, 0);	/* the console closed */
	ck_assert(!wz.hand);
	wizard_view(&wz, NOW, &v);
	ck_assert_pstr_eq(v.message, "The trainer's console has closed. You "
	    "can go on by yourself.");
	view_free(&v);
	workshop_free(&ws);
}
END_TEST

START_TEST(test_broadcast_covers_the_screen_until_any_key)
{
	struct workshop ws;
	struct view v;

	mkworkshop(&ws, false);
	wizard_set_workshop(&wz, &ws);
	ev(WZ_NEXT);
	wizard_show_broadcast(&wz, BROADCAST_MESSAGE, "Look at slide 3");
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.title, "Message from your trainer");
	ck_assert(view_has_block(&v, V_NOTE, "Look at slide 3"));
	ck_assert(v.any_key && v.nitems == 0);
	view_free(&v);
	ck_assert_int_eq(pick(2), 0);	/* the key only puts it away */
	ck_assert_int_eq(wz.screen, SCR_WHO);
	ck_assert_int_eq(wz.focus, 0);
	ck_assert_int_eq(wz.broadcast, BROADCAST_NONE);
	wizard_show_broadcast(&wz, BROADCAST_PAUSE, NULL);
	wizard_view(&wz, NOW, &v);
	ck_assert_str_eq(v.title, "Pause");
	view_free(&v);
	ev(WZ_QUIT);
	ck_assert_int_eq(wz.screen, SCR_WHO);
	workshop_free(&ws);
}
END_TEST

static Suite *
workshop_suite(void)
{
	Suite *s = suite_create("workshop");
	TCase *tc = tap_tcase(s, "files", 10);

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_kv_reads_strict_lines_only);
	tcase_add_test(tc, test_workshop_names_are_checked);
	tcase_add_test(tc, test_workshop_published_profile_round_trips);
	tcase_add_test(tc,
	    test_workshop_check_names_file_and_line_of_unknown_ids);
	tcase_add_test(tc, test_workshops_later_definition_replaces);
	tcase_add_test(tc,
	    test_seat_file_round_trips_and_says_nothing_personal);
	tcase_add_loop_test(tc, test_seat_parse_refuses_anything_else, 0,
	    (int)(sizeof bad_seats / sizeof bad_seats[0]));
	tcase_add_test(tc, test_broadcast_round_trips_and_refuses_forgeries);
	tcase_add_test(tc,
	    test_broadcast_text_is_cleaned_and_cut_at_a_character);
	tcase_add_test(tc, test_trainer_file_round_trips);
	tc = tap_tcase(s, "room", 10);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_seat_follows_the_wizard_screen_by_screen);
	tcase_add_test(tc, test_seat_is_gone_when_left_dead_or_silent);
	tcase_add_test(tc, test_room_counts_what_each_seat_is_doing);
	tcase_add_test(tc, test_fixed_workshop_skips_the_list_in_its_order);
	tcase_add_test(tc,
	    test_open_workshop_ticks_its_platforms_and_walks_them_first);
	tcase_add_test(tc, test_hand_key_and_seat_number_in_a_workshop);
	tcase_add_test(tc, test_broadcast_covers_the_screen_until_any_key);
	return s;
}

int
main(void)
{
	/* Widths need a UTF-8 locale; times are shown in UTC here. */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "C.utf8");
	setenv("TZ", "UTC", 1);
	tzset();
	return tap_run(date_suite(), words_suite(), text_suite(),
	    model_suite(), wizard_suite(), workshop_suite(), NULL);
}
