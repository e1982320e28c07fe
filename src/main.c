/* main.c: optout's options and modes; reads like a table of contents. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/date.h"
#include "core/receipt.h"
#include "core/text.h"
#include "core/words.h"
#include "core/xmalloc.h"
#include "store/store.h"
#include "sys/fileio.h"
#include "sys/i18n.h"
#include "sys/paths.h"
#include "sys/run.h"
#include "sys/roomdir.h"
#include "sys/signals.h"
#include "linear/linear.h"
#include "ui/participant.h"
#include "ui/trainer.h"
#include "ui/ui.h"

#define EXIT_DATA	1	/* a runtime or data error */
#define EXIT_USAGE	2

struct options {
	bool		 help, version, list, check;
	bool		 kiosk, shared, personal, linear;
	bool		 has_lang;
	enum lang	 lang;
	bool		 receipt;	/* --receipt FORMAT */
	enum receipt_format receipt_format;
	enum labels	 labels;	/* --labels; unset without it */
	char		*catalog;	/* borrowed from argv */
	char		*resume;	/* borrowed from argv: a resume code */
	char	       **check_dirs;	/* borrowed from argv */
	size_t		 ncheck_dirs;
	char		*workshop;	/* borrowed: --workshop NAME */
	char		*trainer;	/* borrowed: --trainer NAME */
	char		*workshop_file;	/* borrowed */
};

struct app {
	struct options	 opt;
	struct locale_info li;
	struct settings	 set;
	struct catalog	 cat;
	struct progress	 prog;
	enum wz_mode	 mode;
	bool		 memory_only;	/* kiosk, shared: nothing on disk */
	char		*state_path;	/* owned; NULL: nowhere to save */
	char		*no_save;	/* owned: why progress is not saved */
	char		*notice;	/* owned: told on the welcome screen */
	struct workshop	 ws;		/* the workshop's profile, if any */
	bool		 has_ws;
};

static time_t fixed_now = (time_t)-1;

/* The clock; OPTOUT_NOW fixes it for tests ("2026-11-22T10:30", UTC). */
static time_t
now(void)
{
	return fixed_now != (time_t)-1 ? fixed_now : time(NULL);
}

static void
init_clock(void)
{
	const char *s = getenv("OPTOUT_NOW");
	char day[11];
	int32_t d;
	int hh = 0, mm = 0;

	if (s == NULL || strlen(s) < 10)
		return;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!date_parse(day, &d))
		return;
	if (s[10] == 'T' && sscanf(s + 11, "%2d:%2d", &hh, &mm) != 2)
		return;
	fixed_now = (time_t)d * 86400 + hh * 3600 + mm * 60;
}

/* Prints text in the terminal's charset. */
static void
out(FILE *f, const struct app *a, const char *s)
{
	char *t = a->li.utf8 ? xstrdup(s) : text_ascii(s);

	fputs(t, f);
	free(t);
}

static void
usage(const struct app *a, FILE *f)
{
	char *s = xasprintf(_("Usage: optout [OPTION]...\n"
	    "A step-by-step guide to objecting to the use of your data for "
	    "training AI.\n"
	    "\n"
	    "  --lang de|en          language of the wizard\n"
	    "  --labels de|en        language of the platforms' own words "
	    "(menus,\n"
	    "                        buttons), if not the wizard's\n"
	    "  --list                list the platforms and your status\n"
	    "  --check-catalog [DIR...]  check catalog files, report every "
	    "problem\n"
	    "  --catalog DIR         use the platform files in DIR\n"
	    "  --kiosk               a public terminal: nothing is stored, "
	    "visits end\n"
	    "                        with q or when idle, nobody can leave\n"
	    "  --shared              for an SSH host (sshd ForceCommand): "
	    "nothing stored\n"
	    "  --personal            with --shared: keep each user's "
	    "progress\n"
	    "  --linear              one question at a time as plain lines, "
	    "for screen\n"
	    "                        readers and scripts (also ACCESSIBLE=1)"
	    "\n"
	    "  --receipt text|md|json  print the receipt of your saved "
	    "progress\n"
	    "  --workshop NAME       with --shared: take part in the workshop "
	    "NAME\n"
	    "  --trainer NAME        the trainer's console of the workshop "
	    "NAME\n"
	    "  --workshop-file FILE  read the workshop profiles from FILE\n"
	    "  --resume CODE         continue with the platforms a resume "
	    "code carries\n"
	    "  --help                show this help\n"
	    "  --version             show the version\n"
	    "\n"
	    "Keys: arrows move, Enter continues, Space ticks, Esc goes back, "
	    "? helps, q quits,\n"
	    "l switches to the linear mode and back, e and d switch to "
	    "English and Deutsch.\n"
	    "Progress is kept in %s.\n"
	    "Exit status: 0 done, 1 error in data or terminal, 2 wrong "
	    "options or a\nmistyped code, 128+N ended by signal N.\n"),
	    "$XDG_STATE_HOME/optout/progress.cfg");
	out(f, a, s);
	free(s);
}

/* The workshop options go with shared mode, the console with nothing. */
static int
check_workshop_options(const struct options *o)
{
	const char *bad = NULL;

	if (o->trainer != NULL && (o->shared || o->kiosk || o->personal ||
	    o->linear || o->workshop != NULL || o->list || o->check ||
	    o->receipt))
		bad = _("optout: --trainer goes with --workshop-file, --lang "
		    "and --catalog only\n");
	else if (o->workshop != NULL && (!o->shared || o->kiosk))
		bad = _("optout: --workshop NAME goes with --shared (a "
		    "workshop host)\n");
	else if (o->workshop_file != NULL && o->workshop == NULL &&
	    o->trainer == NULL)
		bad = _("optout: --workshop-file goes with --workshop or "
		    "--trainer\n");
	if (bad == NULL)
		return 0;
	fputs(bad, stderr);
	return -1;
}

static int
parse_options(int argc, char **argv, struct app *a)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "list", no_argument, NULL, 'L' },
		{ "check-catalog", optional_argument, NULL, 'C' },
		{ "catalog", required_argument, NULL, 'c' },
		{ "lang", required_argument, NULL, 'l' },
		{ "labels", required_argument, NULL, 'b' },
		{ "kiosk", no_argument, NULL, 'K' },
		{ "shared", no_argument, NULL, 'S' },
		{ "personal", no_argument, NULL, 'P' },
		{ "linear", no_argument, NULL, 'A' },
		{ "receipt", required_argument, NULL, 'R' },
		{ "workshop", required_argument, NULL, 'W' },
		{ "trainer", required_argument, NULL, 'T' },
		{ "workshop-file", required_argument, NULL, 'F' },
		{ "resume", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct options *o = &a->opt;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			o->help = true;
			break;
		case 'V':
			o->version = true;
			break;
		case 'L':
			o->list = true;
			break;
		case 'C':
			o->check = true;
			if (optarg != NULL)
				o->catalog = optarg;
			else if (optind < argc && argv[optind][0] != '-')
				o->catalog = argv[optind++];
			break;
		case 'c':
			o->catalog = optarg;
			break;
		case 'K':
			o->kiosk = true;
			break;
		case 'S':
			o->shared = true;
			break;
		case 'P':
			o->personal = true;
			break;
		case 'A':
			o->linear = true;
			break;
		case 'R':
			if (!receipt_format_from_code(optarg,
			    &o->receipt_format)) {
				fprintf(stderr, _("optout: --receipt takes text, "
				    "md or json, not \"%s\"\n"), optarg);
				return -1;
			}
			o->receipt = true;
			break;
		case 'W':
		case 'T':
			if (!workshop_valid_name(optarg)) {
				fprintf(stderr, _("optout: \"%s\" is not a "
				    "workshop name: a letter, then letters, "
				    "digits, - or _ (at most %d)\n"), optarg,
				    WORKSHOP_NAME_MAX);
				return -1;
			}
			*(c == 'W' ? &o->workshop : &o->trainer) = optarg;
			break;
		case 'F':
			o->workshop_file = optarg;
			break;
		case 'r':
			o->resume = optarg;
			break;
		case 'l':
			if (!lang_from_code(optarg, &o->lang)) {
				fprintf(stderr, _("optout: --lang takes de or "
				    "en, not \"%s\"\n"), optarg);
				return -1;
			}
			o->has_lang = true;
			break;
		case 'b':
			if (strcmp(optarg, "de") != 0 &&
			    strcmp(optarg, "en") != 0) {
				fprintf(stderr, _("optout: --labels takes de or "
				    "en, not \"%s\"\n"), optarg);
				return -1;
			}
			o->labels = optarg[0] == 'd' ? LABELS_DE : LABELS_EN;
			break;
		default:
			fprintf(stderr, _("optout: unknown option \"%s\"; "
			    "see optout --help\n"), argv[optind - 1]);
			return -1;
		}
	}
	if (o->check) {			/* --check-catalog DIR DIR ... */
		if (o->catalog != NULL) {
			o->check_dirs = &o->catalog;
			o->ncheck_dirs = 1;
		}
		if (optind < argc) {
			if (o->catalog != NULL) {
				/* the first came with the option; add the rest */
				argv[optind - 1] = o->catalog;
				o->check_dirs = &argv[optind - 1];
				o->ncheck_dirs = (size_t)(argc - optind) + 1;
			} else {
				o->check_dirs = &argv[optind];
				o->ncheck_dirs = (size_t)(argc - optind);
			}
			optind = argc;
		}
	}
	if (optind < argc) {
		fprintf(stderr, _("optout: unexpected argument \"%s\"; see "
		    "optout --help\n"), argv[optind]);
		return -1;
	}
	return check_workshop_options(o);
}

static void
print_diags(const struct diags *d)
{
	char *line;
	size_t i;

	for (i = 0; i < d->n; i++) {
		line = diag_format(&d->v[i]);
		fprintf(stderr, "optout: %s\n", line);
		free(line);
	}
}

static int
load_settings(struct app *a)
{
	char *files[2] = { paths_system_config("optout.cfg"),
	    paths_user_config("optout.cfg") };
	struct diags d = { 0 };
	int rc = 0;
	size_t i;

	settings_defaults(&a->set);
	for (i = 0; i < 2; i++) {
		if (files[i] != NULL && store_settings_load(files[i], &a->set,
		    &d) == -1)
			rc = -1;
		free(files[i]);
	}
	print_diags(&d);
	diags_free(&d);
	return rc;
}

/* The catalog's layers: the shipped files, the administrator's, the
 * person's own; or only the directory named with --catalog. */
static size_t
catalog_layers(const struct app *a, char **dirs)
{
	size_t n = 0;

	if (a->opt.catalog != NULL) {
		dirs[n++] = xstrdup(a->opt.catalog);
		return n;
	}
	dirs[n++] = paths_catalog_dir();
	dirs[n++] = paths_system_config("platforms.d");
	if ((dirs[n] = paths_user_config("platforms.d")) != NULL)
		n++;
	return n;
}

static void
free_dirs(char **dirs, size_t n)
{
	while (n > 0)
		free(dirs[--n]);
}

/* A kiosk, and a shared host unless --personal, keep nothing on disk:
 * not progress, not even the catalog cache (choose_mode). */
static bool
keeps_nothing(const struct app *a)
{
	return a->opt.kiosk || a->set.kiosk ||
	    (a->opt.shared && !a->opt.personal);
}

/* Loads the catalog for a session or --list, from the cache when the
 * files are unchanged; a broken file in a later layer is told on the
 * welcome screen, and that platform keeps its earlier version. */
static int
load_catalog(struct app *a)
{
	char *dirs[3], *first, *cache;
	struct catalog_cache cc = { .settle_ns = STORE_CACHE_SETTLE_NS };
	struct diags d = { 0 };
	size_t n = catalog_layers(a, dirs);
	int rc;

	/* Where nothing is kept on disk (a kiosk, a shared host) not even
	 * the cache is written, though one an administrator prepared is
	 * read (docs/architecture.md, "The catalog cache"). */
	cache = paths_cache_file("catalog.v1");
	cc.path = cache;
	cc.write = !keeps_nothing(a);
	rc = store_catalog_load_cached((const char *const *)dirs, n, &cc,
	    &a->cat, &d);
	free(cache);
	print_diags(&d);
	if (rc == -1)
		fprintf(stderr, _("optout: the catalog in %s has errors; fix "
		    "the file named above (check with: optout --check-catalog "
		    "%s)\n"), dirs[0], dirs[0]);
	else if (d.n > 0) {
		first = diag_format(&d.v[0]);
		a->notice = xasprintf(_("A platform file has errors, so optout "
		    "uses the earlier version of that platform or leaves it "
		    "out. Please tell the staff: %s"), first);
		free(first);
	}
	free_dirs(dirs, n);
	diags_free(&d);
	return rc;
}

/* --check-catalog [DIR...]: every problem of every file, and a summary. */
static int
cmd_check(struct app *a, time_t t)
{
	struct catalog_check chk = { date_today(t), a->set.stale_days, 0 };
	char *dirs[3], **check;
	struct diags d = { 0 };
	struct catalog cat;
	size_t n, i, nwarnings;
	int rc;

	if (a->opt.ncheck_dirs > 0) {
		check = a->opt.check_dirs;
		n = a->opt.ncheck_dirs;
		for (i = 0; i < n; i++) {
			/* each directory on its own, with all its problems */
			store_catalog_load_layers((const char *const *)
			    &check[i], 1, true, &chk, &cat, &d);
			catalog_free(&cat);
		}
	} else {
		n = catalog_layers(a, dirs);
		store_catalog_load_layers((const char *const *)dirs, n, true,
		    &chk, &cat, &d);
		catalog_free(&cat);
		free_dirs(dirs, n);
	}
	print_diags(&d);
	nwarnings = d.n - d.nerrors;
	/* TRANSLATORS: the three parts of "34 platforms, 0 errors,
	   2 warnings" */
	printf(ngettext("%zu platform", "%zu platforms", chk.nfiles),
	    chk.nfiles);
	printf(ngettext(", %zu error", ", %zu errors", d.nerrors), d.nerrors);
	printf(ngettext(", %zu warning\n", ", %zu warnings\n", nwarnings),
	    nwarnings);
	rc = d.nerrors > 0 ? EXIT_DATA : 0;
	diags_free(&d);
	return rc;
}

static void
add_notice(struct app *a, const char *text)
{
	char *s = a->notice != NULL ? xasprintf("%s %s", a->notice, text) :
	    xstrdup(text);

	free(a->notice);
	a->notice = s;
}

static void
load_progress(struct app *a)
{
	char *err = NULL, *detail = NULL, *aside = NULL;

	if ((a->state_path = paths_state_file(&err)) == NULL) {
		a->no_save = err;
		return;
	}
	switch (store_progress_load(a->state_path, &a->prog, &detail,
	    &aside)) {
	case STORE_LOADED:
	case STORE_MISSING:
		break;
	case STORE_CORRUPT:
		a->notice = xasprintf(_("Your saved progress could not be "
		    "read (%s). It was kept as %s, and you start afresh."),
		    detail, aside);
		break;
	case STORE_UNREADABLE:
		/* Do not save over a file we could not read. */
		a->no_save = xstrdup(detail);
		a->notice = xasprintf(_("Your saved progress could not be "
		    "read (%s). Nothing will be saved in this session."),
		    detail);
		break;
	}
	free(detail);
	free(aside);
	if (a->no_save == NULL && store_progress_session(a->state_path) == 1)
		add_notice(a, _("optout is also open in another window or "
		    "session. Both keep your notes: every change is added to "
		    "the same file."));
}

/* Kiosk (option or setting), shared, or personal. A kiosk and a shared
 * host keep nothing on disk (unless --shared --personal) and leave no
 * core dump behind. */
static void
choose_mode(struct app *a)
{
	if (a->opt.kiosk || a->set.kiosk)
		a->mode = WZ_KIOSK;
	else if (a->opt.shared)
		a->mode = WZ_SHARED;
	else
		a->mode = WZ_PERSONAL;
	a->memory_only = keeps_nothing(a);
	if (a->mode != WZ_PERSONAL)
		signals_no_core_dumps();
}

static int
cmd_list(struct app *a)
{
	const struct record *r;
	size_t i, wid = 0, wname = 0;
	char *st, *ver, *line;
	const struct platform *p;

	for (i = 0; i < a->cat.n; i++) {
		if (strlen(a->cat.v[i].id) > wid)
			wid = strlen(a->cat.v[i].id);
		if (text_width(a->cat.v[i].name) > wname)
			wname = text_width(a->cat.v[i].name);
	}
	for (i = 0; i < a->cat.n; i++) {
		p = &a->cat.v[i];
		r = progress_find(&a->prog, p->id);
		st = words_platform_status_detail(p, r, a->opt.lang, true);
		ver = date_format_short(p->verified, a->opt.lang);
		line = xasprintf("%-*s  %s%*s  %s  (%s%s)  %s\n", (int)wid,
		    p->id, p->name, (int)(wname - text_width(p->name)), "", st,
		    ver, platform_stale(p, date_today(now()), a->set.stale_days)
		    ? _(", possibly outdated") : "", p->file);
		out(stdout, a, line);
		free(line);
		free(ver);
		free(st);
	}
	return 0;
}

static int
save_progress(void *ctx, char **err)
{
	struct app *a = ctx;

	if (a->memory_only)
		return 0;	/* by design: nothing goes to disk */
	if (a->no_save != NULL) {
		*err = xstrdup(a->no_save);
		return -1;
	}
	return store_progress_save(a->state_path, &a->prog, err);
}

/* Personal mode: ~/optout-receipt-YYYY-MM-DD.txt, 0600 (it may hold a
 * letter with the person's name). A kiosk or shared host never writes. */
static int
save_receipt(void *ctx, const char *text, char **path, char **err)
{
	struct app *a = ctx;
	int y, m, d;
	char date[16];

	if (a->memory_only) {
		*err = xstrdup(_("nothing is stored on this computer"));
		return -1;
	}
	date_to_civil(date_today(now()), &y, &m, &d);
	snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
	if ((*path = paths_receipt_file(date, err)) == NULL)
		return -1;
	if (file_write_atomic(*path, text, strlen(text), 0600, err) == -1) {
		free(*path);
		*path = NULL;
		return -1;
	}
	return 0;
}

static int
print_receipt(void *ctx, const char *text, char **err)
{
	struct app *a = ctx;

	return run_with_input(a->set.print_command, text, strlen(text), err);
}

/* --receipt FORMAT: the receipt of the saved progress on stdout. */
static int
cmd_receipt(struct app *a)
{
	struct receipt_input in;
	enum store_load st;
	char *path, *err = NULL, *detail = NULL, *aside = NULL, *text;
	int rc = 0;

	if (a->memory_only) {
		fputs(_("optout: --receipt reads your saved progress; in kiosk "
		    "and shared mode nothing is saved\n"), stderr);
		return EXIT_USAGE;
	}
	if ((path = paths_state_file(&err)) == NULL) {
		fprintf(stderr, "optout: %s\n", err);
		free(err);
		return EXIT_DATA;
	}
	st = store_progress_load(path, &a->prog, &detail, &aside);
	if (st == STORE_CORRUPT || st == STORE_UNREADABLE) {
		fprintf(stderr, _("optout: your saved progress could not be "
		    "read (%s)\n"), detail);
		rc = EXIT_DATA;
	} else {
		if (!a->opt.has_lang)
			a->opt.lang = a->prog.has_lang ? a->prog.lang :
			    a->li.lang;
		i18n_set_lang(a->opt.lang);
		receipt_input_init(&in, &a->cat, &a->prog, NULL, now(),
		    a->opt.lang);
		text = receipt_format(&in, a->opt.receipt_format);
		receipt_input_free(&in);
		if (a->opt.receipt_format == RECEIPT_JSON)
			fputs(text, stdout);	/* JSON is always UTF-8 */
		else
			out(stdout, a, text);
		free(text);
		if (fflush(stdout) == EOF || ferror(stdout)) {
			fprintf(stderr, _("optout: cannot write the receipt: "
			    "%s\n"), strerror(errno));
			rc = EXIT_DATA;
		}
	}
	free(path);
	free(detail);
	free(aside);
	return rc;
}

/* The workshop's profile: for a participant the one the trainer's
 * console publishes, else (and for the trainer) the definition in
 * --workshop-file or in optout.cfg. */
static int
load_workshop(struct app *a, const char *name, bool trainer)
{
	char *files[2] = { NULL, NULL }, *text = NULL, *err = NULL;
	struct workshops set = { 0 };
	const struct workshop *found;
	struct diags d = { 0 };
	struct roomdir room;
	size_t i, n = 0;
	int rc = 0;

	roomdir_init(&room);
	if (!trainer && roomdir_open(&room, name, &err) == 1 &&
	    roomdir_read(&room, ROOMDIR_PROFILE, &text) == 1 &&
	    workshop_parse(text, name, &a->cat, &a->ws)) {
		a->has_ws = true;
		goto out;
	}
	if (a->opt.workshop_file != NULL)
		files[n++] = xstrdup(a->opt.workshop_file);
	else {
		files[n++] = paths_system_config("optout.cfg");
		if ((files[n] = paths_user_config("optout.cfg")) != NULL)
			n++;
	}
	for (i = 0; i < n && rc == 0; i++)
		rc = store_workshops_load(files[i], a->opt.workshop_file !=
		    NULL, &set, &d);
	if (rc == 0 && (found = workshops_find(&set, name)) != NULL) {
		workshop_copy(&a->ws, found);
		workshop_check(&a->ws, &a->cat, &d);
		a->has_ws = d.nerrors == 0;
		rc = a->has_ws ? 0 : -1;
	} else if (rc == 0) {
		if (trainer || a->opt.workshop_file != NULL)
			fprintf(stderr, _("optout: there is no workshop \"%s\" "
			    "in %s; define it as optout.cfg(5) shows\n"), name,
			    files[0]);
		else
			fprintf(stderr, _("optout: the workshop \"%s\" has not "
			    "started yet: its trainer's console is not open. "
			    "Please try again in a moment.\n"), name);
		rc = -1;
	}
	print_diags(&d);
out:
	if (err != NULL) {
		fprintf(stderr, "optout: %s\n", err);
		free(err);
	}
	roomdir_close(&room);
	free(text);
	diags_free(&d);
	workshops_free(&set);
	while (n > 0)
		free(files[--n]);
	return rc;
}

/* optout --trainer NAME: the room exists while the console runs. */
static int
cmd_trainer(struct app *a)
{
	struct trainer_config cfg = { .ws = &a->ws, .cat = &a->cat,
	    .utf8 = a->li.utf8, .cleaned = 0, .lang = a->opt.lang };
	struct broadcast none = { 0, BROADCAST_NONE, NULL };
	struct roomdir room;
	char *profile, *bc, *err = NULL, *why;
	int rc;

	if (ui_check_terminal(&why) == -1) {
		out(stderr, a, "optout: ");
		out(stderr, a, why);
		fputc('\n', stderr);
		free(why);
		return EXIT_DATA;
	}
	signals_install();
	roomdir_init(&room);
	profile = workshop_format(&a->ws);
	bc = broadcast_format(&none);
	rc = roomdir_create(&room, a->ws.name, profile, bc, &cfg.cleaned,
	    &err);
	free(profile);
	free(bc);
	if (rc == -1) {
		fprintf(stderr, "optout: %s\n", err);
		free(err);
		roomdir_close(&room);
		return EXIT_DATA;
	}
	rc = trainer_run(&room, &cfg);
	if (roomdir_remove(&room, &err) == -1) {
		fprintf(stderr, "optout: %s\n", err);
		free(err);
		rc = rc == 0 ? -1 : rc;
	} else
		printf(_("optout: the workshop \"%s\" has ended; nothing of it "
		    "is left in %s.\n"), a->ws.name, room.base);
	roomdir_close(&room);
	return rc > 0 ? 128 + rc : rc < 0 ? EXIT_DATA : 0;
}

/* --resume CODE: into the loaded progress (saved at once in personal
 * mode) or into memory. What it did is told on the welcome screen, or on
 * stderr with --list. A mistyped code stops here (exit 2), so that
 * nothing is ever read wrong; a code that restores nothing, with 1. */
static int
resume_from_option(struct app *a)
{
	char *said, *err = NULL;
	enum wz_restore r;

	r = wizard_restore_code(&a->cat, &a->prog, a->opt.resume, &said);
	if (r == WZ_RESTORED && save_progress(a, &err) == -1) {
		add_notice(a, said);
		free(said);
		said = xasprintf(_("Not saved: %s"), err);
		free(err);
	}
	if (r != WZ_RESTORED || a->opt.list) {
		out(stderr, a, "optout: ");
		out(stderr, a, said);
		fputc('\n', stderr);
	} else
		add_notice(a, said);
	free(said);
	return r == WZ_RESTORE_MISTYPED ? EXIT_USAGE : r == WZ_RESTORE_FAILED ?
	    EXIT_DATA : 0;
}

static int
run_wizard(struct app *a)
{
	struct ui_hooks hooks = { save_progress, a, now, save_receipt,
	    print_receipt, NULL, NULL };
	struct participant part;
	struct ui_config cfg = { a->mode != WZ_PERSONAL, a->mode == WZ_KIOSK,
	    a->set.idle_seconds, a->set.idle_warning_seconds };
	struct wizard w;
	const char *acc = getenv("ACCESSIBLE");
	bool linear = a->opt.linear;
	char *why;
	int rc;

	if (acc != NULL && *acc != '\0' && strcmp(acc, "0") != 0)
		linear = true;
	if (!linear && ui_check_terminal(&why) == -1) {
		out(stderr, a, "optout: ");
		out(stderr, a, why);
		fputc('\n', stderr);
		free(why);
		/* a terminal that cannot draw gets the linear mode; without
		 * a terminal at all (scp, sftp, a pipe) optout stops */
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) ||
		    a->mode == WZ_KIOSK) {
			if (a->mode != WZ_SHARED)
				out(stderr, a, _("optout: for scripts and "
				    "screen readers, use optout --linear\n"));
			return EXIT_DATA;
		}
		out(stderr, a, _("optout: using the linear mode (plain lines, "
		    "one question at a time) instead.\n"));
		linear = true;
	}
	signals_install();
	if (a->mode == WZ_KIOSK)
		signals_ignore_interactive();
	wizard_init(&w, &a->cat, &a->prog, a->opt.lang, a->li.utf8,
	    !a->memory_only && a->no_save == NULL);
	w.mode = a->mode;
	w.stale_days = a->set.stale_days;
	w.can_print = a->set.print_command != NULL;
	w.receipt_file = !a->memory_only;	/* even if progress cannot be */
	w.linear = w.default_linear = linear;
	/* the platforms' words: the option, the person's last choice, the
	 * settings; a new kiosk visit starts without the person's */
	w.default_labels = a->opt.labels != LABELS_UNSET ? a->opt.labels :
	    a->set.labels;
	w.labels = a->opt.labels == LABELS_UNSET && a->prog.labels !=
	    LABELS_UNSET ? a->prog.labels : w.default_labels;
	w.ascii = a->prog.ascii;
	wizard_set_notice(&w, a->notice);
	if (a->no_save != NULL)
		wizard_set_save_error(&w, a->no_save);
	if (a->has_ws) {	/* a seat in the trainer's room */
		wizard_set_workshop(&w, &a->ws);
		participant_init(&part, a->ws.name);
		hooks.sync = participant_sync;
		hooks.room = &part;
	}
	/* 'l' hands the same wizard from one front end to the other */
	do {
		if (w.linear)
			rc = linear_run(&w, &hooks, &cfg, stdin, stdout);
		else
			rc = ui_run(&w, &hooks, &cfg);
	} while (rc == UI_SWITCH);
	if (a->has_ws)
		participant_leave(&part, &w);
	wizard_free(&w);
	if (rc > 0)
		return 128 + rc;
	if (rc < 0) {
		fputs(_("optout: the terminal went away; your notes were "
		    "saved as you made them.\n"), stderr);
		return EXIT_DATA;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct app a;
	char *localedir;
	int rc;

	memset(&a, 0, sizeof a);
	localedir = paths_locale_dir();
	i18n_init(localedir, &a.li);
	free(localedir);
	init_clock();
	if (parse_options(argc, argv, &a) == -1)
		return EXIT_USAGE;
	if (a.opt.help) {
		usage(&a, stdout);
		return 0;
	}
	if (a.opt.version) {
		printf("optout %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (load_settings(&a) == -1)
		rc = EXIT_DATA;
	else if (a.opt.check)
		rc = cmd_check(&a, now());
	else if (load_catalog(&a) == -1)
		rc = EXIT_DATA;
	else if (a.opt.receipt) {
		choose_mode(&a);
		rc = cmd_receipt(&a);
	} else if (a.opt.trainer != NULL) {
		if (!a.opt.has_lang)
			a.opt.lang = a.li.lang;
		i18n_set_lang(a.opt.lang);
		rc = load_workshop(&a, a.opt.trainer, true) == -1 ? EXIT_DATA :
		    cmd_trainer(&a);
	} else if (a.opt.workshop != NULL &&
	    load_workshop(&a, a.opt.workshop, false) == -1)
		rc = EXIT_DATA;
	else {
		choose_mode(&a);
		if (!a.memory_only)
			load_progress(&a);
		if (!a.opt.has_lang)
			a.opt.lang = a.prog.has_lang ? a.prog.lang :
			    a.has_ws && a.ws.has_lang ? a.ws.lang : a.li.lang;
		i18n_set_lang(a.opt.lang);
		rc = a.opt.resume != NULL ? resume_from_option(&a) : 0;
		if (rc == 0)
			rc = a.opt.list ? cmd_list(&a) : run_wizard(&a);
	}

	/* everything is freed, so that leak checkers see real leaks only */
	catalog_free(&a.cat);
	progress_clear(&a.prog);
	settings_free(&a.set);
	free(a.state_path);
	free(a.no_save);
	free(a.notice);
	workshop_free(&a.ws);
	return rc;
}
