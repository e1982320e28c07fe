#!/bin/bash
# Updating without recompiling: an override file changes a label, a hide
# file removes a platform, a broken override falls back and is told; the
# settings file sets when a platform counts as possibly outdated.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 9
CATALOG="$top_srcdir/config/platforms"
D="$T_DIR/config/optout/platforms.d"
mkdir -p "$D"

# 1. The adviser's Monday morning: LinkedIn renamed its section.
sed 's/de = "Daten zur Verbesserung generativer KI"; en = "Data for Generative AI Improvement"/de = "Datennutzung für KI"; en = "Data for Generative AI Improvement"/' \
    "$CATALOG/linkedin.cfg" > "$D/linkedin.cfg"
grep -q "Datennutzung für KI" "$D/linkedin.cfg" || echo "# fixture: label not replaced"
env $T_ENV LANG=C.UTF-8 "$OPTOUT" --list > "$T_DIR/list" 2>&1
grep -q "^linkedin .*$D/linkedin.cfg\$" "$T_DIR/list"
ok "--list shows that LinkedIn now comes from the override file"

start_optout 80 24 "LANG=de_DE.UTF-8"
wait_for "Widerspruch gegen KI-Training"; keys Enter
wait_for "Wer widerspricht?"; keys Enter
wait_for "Welche Plattformen"; keys / L i n k e d Enter Right
wait_for "LinkedIn: Was mit Ihren Daten geschieht"
press_until Enter "Wo möchten Sie"; keys Enter; wait_for "Schritt für Schritt"
on_screen_flat "Einstellungen & Datenschutz → Datenschutz → Datennutzung für KI"
ok "the changed label is shown, without rebuilding anything"
keys q Enter; wait_exit

# 2. Hiding a platform.
printf 'format = 1;\nid = "spotify";\nenabled = false;\n' > "$D/spotify.cfg"
env $T_ENV LANG=C.UTF-8 "$OPTOUT" --list > "$T_DIR/list" 2>&1
! grep -q "^spotify " "$T_DIR/list" && grep -q "^linkedin " "$T_DIR/list"
ok "a file with enabled = false hides the platform"

# 3. A typo in an override: the earlier version is used, and it is told.
printf 'format = 1;\nid = "linkedin";\nname = "LinkedIn"\nverfied = "x";\n' > "$D/linkedin.cfg"
start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "Object to AI training"
on_screen_flat "A platform file has errors" && on_screen_flat "$D/linkedin.cfg:4: warning: unknown key 'verfied'"
ok "a broken override is told on the welcome screen, with file and line"
keys Enter; wait_for "Who is objecting?"; keys Enter
wait_for "Which platforms"; keys / L i n k e d Enter Right
wait_for "what happens to your data"
press_until Enter "where are you doing it?"; keys Enter; wait_for "step by step"
on_screen_flat "Settings & Privacy → Data privacy → Data for Generative AI Improvement"
ok "... and LinkedIn's shipped steps are used instead"
keys q Enter; wait_exit
env $T_ENV LANG=C.UTF-8 "$OPTOUT" --check-catalog > "$T_DIR/out" 2> "$T_DIR/err"
[ $? = 1 ] && grep -q "$D/linkedin.cfg:4: unknown key 'verfied'" "$T_DIR/err"
ok "the validator (all layers) counts the broken override as an error"
rm -f "$D/linkedin.cfg"

# 4. Settings: when a platform counts as possibly outdated.
env $T_ENV LANG=C.UTF-8 "$OPTOUT" --list > "$T_DIR/list" 2>&1
grep -q "^zoom .*possibly outdated" "$T_DIR/list"
ok "by default a platform checked over 180 days ago is possibly outdated"
printf 'stale_after_days = 0;\n' > "$T_DIR/config/optout/optout.cfg"
env $T_ENV LANG=C.UTF-8 "$OPTOUT" --list > "$T_DIR/list" 2>&1
! grep -q "possibly outdated" "$T_DIR/list"
ok "stale_after_days = 0 in optout.cfg turns the mark off"
printf 'stale_after_days = "soon";\n' > "$T_DIR/config/optout/optout.cfg"
env $T_ENV LANG=C.UTF-8 "$OPTOUT" --list > "$T_DIR/out" 2> "$T_DIR/err"
[ $? = 1 ] && grep -qF "$T_DIR/config/optout/optout.cfg:1: 'stale_after_days' must be a whole number" "$T_DIR/err"
ok "a bad setting stops optout with file:line and status 1"
finish
