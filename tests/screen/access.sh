#!/bin/bash
# Accessible to everyone: l switches between the full screen and the
# linear mode at the same place, d and e switch the language in the middle
# of a flow, m shows a platform's own words in the other language (my
# LinkedIn is in English), and the self-check switches to plain letters.
# Every switch keeps the place and records exactly the same.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 36

alternate_screen() {	# alternate_screen 0|1: curses' own screen is (not) on
	[ "$(tm display -p '#{alternate_on}')" = "$1" ]
}
first_content_row() {
	screen | sed -n 3p
}
top_is_step3() {
	first_content_row | grep -q '^  3\. '
}
scroll_to_step3() {
	local i=0 before
	while [ $i -lt 12 ] && ! top_is_step3; do
		before=$(first_content_row)
		keys Down; poll 1 eval '[ "$(first_content_row)" != "$before" ]'
		i=$((i + 1))
	done
	top_is_step3
}
fresh() {
	rm -rf "$T_DIR/state"
}
# finish_linkedin_de: from LinkedIn's German steps to the end
finish_linkedin_de() {
	press_until Enter "Was ist passiert?"; keys Enter
	wait_for "Zusammenfassung"; press_until Enter "Zum Mitnehmen"
	keys End Enter; wait_exit
}

# The full-screen flow, as the reference for every switch below.
start_optout 80 24 "LANG=C.UTF-8" --lang en
to_linkedin_steps; press_until Enter "what happened?"; keys Enter
wait_for "Summary"; press_until Enter "To take home"; keys End Enter; wait_exit
cp "$(state_file)" "$T_DIR/reference.cfg"

# --- l: to the linear mode and back, at the same place
fresh
start_optout 80 24 "LANG=C.UTF-8" --lang en
to_linkedin_steps
keys l; wait_flat "l: full screen"
on_screen "Enter: record the result." && said_flat "LinkedIn: step by step" &&
poll 2 alternate_screen 0
ok "l on the steps: curses ends, the linear mode asks at the same place"
keys x; wait_for "> x"; keys BSpace
on_screen_re '^> ?$'
ok "the terminal is restored: the linear prompt echoes and erases like a shell"
keys l Enter; wait_for "optout │ LinkedIn: step by step"
poll 2 alternate_screen 1 && poll 2 cursor_on text && on_screen "l linear mode"
ok "l at the linear prompt: the full screen again, same place, cursor on the text"
press_until Enter "what happened?"
keys l; wait_for "Type a number from 1 to 5"
on_screen "1) Done: I switched it off" && on_screen "Enter: 1."
ok "l on the record screen: the same choices as numbered lines"
keys 1 Enter; wait_for "Recorded: LinkedIn, done."
on_screen_flat "Enter: continue: receipt."
ok "a choice in the linear mode leads on, as in the full screen"
keys l Enter; wait_for "optout │ Summary"
on_screen "LinkedIn: done, 22 Nov 2026, 10:30"
ok "back in the full screen, the summary has the record"
press_until Enter "To take home"; keys End Enter; wait_exit; [ "$T_RC" = 0 ]
ok "after the summary, \"Quit optout\" ends optout with status 0"
cmp -s "$(state_file)" "$T_DIR/reference.cfg"
ok "the l round trip records exactly what the full-screen flow records"

# --- d and e in the middle of the flow, on a scrolled page
fresh
start_optout 80 24 "LANG=C.UTF-8" --lang en
to_linkedin_steps
scroll_to_step3
ok "the English steps are scrolled to step 3"
keys d; wait_for "LinkedIn: Schritt für Schritt"
poll 2 top_is_step3 && on_screen "3. Wählen Sie links „Datenschutz“." &&
on_screen "e English"
ok "d: the same page in German, re-wrapped, step 3 still on top"
poll 2 cursor_on text
ok "after the switch the cursor is on the text"
keys e; wait_for "LinkedIn: step by step"
poll 2 top_is_step3 && on_screen "3. On the left, choose “Data privacy”."
ok "e: back in English, still at step 3"
keys d; wait_for "Schritt für Schritt"; finish_linkedin_de
[ "$T_RC" = 0 ] && grep -q '^language = "de";' "$(state_file)" &&
diff <(grep -v '^language' "$T_DIR/reference.cfg") \
    <(grep -v '^language' "$(state_file)") > /dev/null
ok "finished in German: the same record, and German kept for next time"
cp "$(state_file)" "$T_DIR/switched.cfg"

# ... and the same switch in the linear mode, through a pipe
fresh
printf '2\n\n3\n\n\n\nd\n\n1\n\n' | env -u LC_ALL -u LANGUAGE $T_ENV \
    LANG=C.UTF-8 "$OPTOUT" --linear > "$T_DIR/out" 2>&1
grep -q "^LinkedIn: step by step" "$T_DIR/out" &&
grep -q "^LinkedIn: Schritt für Schritt" "$T_DIR/out" &&
grep -q "^3. Wählen Sie links „Datenschutz“." "$T_DIR/out" &&
cmp -s "$(state_file)" "$T_DIR/switched.cfg"
ok "d at a linear prompt: the steps again in German; the same record as on the full screen"

# --- m: the platform's own words in English, inside a German wizard
fresh
to_linkedin_steps_de() {
	wait_for "Widerspruch gegen KI-Training"; keys Enter
	wait_for "Wer widerspricht?"; keys Enter
	wait_for "Welche Plattformen"; keys "$1" Enter
	wait_for "LinkedIn: Was mit Ihren Daten"
	press_until Enter "Wo möchten Sie widersprechen?"; keys Enter
	wait_for "LinkedIn: Schritt für Schritt"
}
start_optout 80 24 "LANG=C.UTF-8" --lang de
to_linkedin_steps_de 3
on_screen "m Plattform englisch" && on_screen "Klicken Sie auf „Einstellungen & Datenschutz“."
ok "German steps offer m for the platform in English"
keys m; wait_for "Klicken Sie auf „Settings & Privacy“."
on_screen "Settings & Privacy → Data privacy → Data for Generative AI Improvement" &&
on_screen_flat "Stellen Sie „Use my data for training content creation AI models“ auf „Off“. Das Ausschalten ist Ihr Widerspruch." &&
on_screen "LinkedIn: Schritt für Schritt" && on_screen "m Plattform deutsch" &&
on_screen "Die Schritte zeigen LinkedIn jetzt auf Englisch."
ok "m: LinkedIn's English words in German sentences, German title and keys"
grep -q '"linkedin"; selected = true; status = "open"; labels = "en";' "$(state_file)"
ok "the choice is kept in the progress file for LinkedIn"
keys q Enter; wait_exit
start_optout 80 24 "LANG=C.UTF-8" --lang de
wait_for "Willkommen zurück"; keys Enter
wait_for "Wer widerspricht?"; keys Enter
wait_for "Welche Plattformen"; keys Enter
wait_for "LinkedIn: Was mit Ihren Daten"
press_until Enter "Wo möchten Sie widersprechen?"; keys Enter
wait_for "LinkedIn: Schritt für Schritt"
on_screen "Klicken Sie auf „Settings & Privacy“."
ok "next time LinkedIn's steps are in English again"
finish_linkedin_de

# --- for every platform: --labels, labels = in optout.cfg, help
fresh
start_optout 80 24 "LANG=C.UTF-8" --lang de --labels en
to_linkedin_steps_de 3
on_screen "Klicken Sie auf „Settings & Privacy“." && on_screen "m Plattform deutsch"
ok "--labels en: English words in the German wizard"
keys q Enter; wait_exit

fresh
mkdir -p "$T_DIR/config/optout"
printf '# staff accounts are in English\nlabels = "en";\n' > "$T_DIR/config/optout/optout.cfg"
start_optout 80 24 "LANG=C.UTF-8" --lang de
to_linkedin_steps_de 3
on_screen "Klicken Sie auf „Settings & Privacy“."
ok "labels = \"en\" in optout.cfg: the same"
keys q Enter; wait_exit
printf 'labels = "fr";\n' > "$T_DIR/config/optout/optout.cfg"
env -u LC_ALL -u LANGUAGE $T_ENV LANG=C.UTF-8 "$OPTOUT" --lang en \
    < /dev/null > "$T_DIR/out" 2>&1
rc=$?
[ $rc = 1 ] && grep -qF "optout: $T_DIR/config/optout/optout.cfg:1: 'labels' must be \"de\" or \"en\"" "$T_DIR/out"
ok "labels = \"fr\": exit 1, naming the file and line"
rm "$T_DIR/config/optout/optout.cfg"
env -u LC_ALL $T_ENV LANG=C.UTF-8 "$OPTOUT" --labels fr > "$T_DIR/out" 2>&1
[ $? = 2 ] && grep -q 'optout: --labels takes de or en, not "fr"' "$T_DIR/out"
ok "--labels fr: exit 2 with a clear message"

fresh
start_optout 80 24 "LANG=C.UTF-8" --lang de
wait_for "Widerspruch gegen KI-Training"; keys '?'
wait_for "optout │ Hilfe"; on_screen_re "Sprache der Menüs der Plattformen +wie optout"
ok "help offers the language of the platforms' menus"
keys 5; poll 2 on_screen_re "Sprache der Menüs der Plattformen +Deutsch" &&
keys 5 && poll 2 on_screen_re "Sprache der Menüs der Plattformen +English"
ok "choosing it goes round: German, English"
keys Escape; wait_for "Widerspruch gegen KI-Training"; keys q Enter; wait_exit
grep -q '^labels = "en";' "$(state_file)"
ok "the choice is saved"
start_optout 80 24 "LANG=C.UTF-8" --lang de
wait_for "Widerspruch gegen KI-Training"; keys Enter
wait_for "Wer widerspricht?"; keys Enter
wait_for "Welche Plattformen"; keys 1 Enter
wait_for "Facebook: Was mit Ihren Daten"
press_until Enter "Wo möchten Sie widersprechen?"; keys Enter
wait_for "Facebook: Schritt für Schritt"
! on_screen "Datenschutzrichtlinie" && on_screen_flat "„Privacy Policy“"
ok "next time every platform's words are English: Facebook too"
keys q Enter; wait_exit

# --- the self-check, and plain letters
fresh
start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "Object to AI training"; keys '?'; wait_for "optout │ Help"; keys 4
wait_for "optout │ Check the display"
on_screen "ä ö ü ß Ä Ö Ü" && on_screen "┌────────┐" && on_screen "→ ↑ ↓" &&
on_screen "[x] ticked" && on_screen "a plain letters"
ok "the self-check shows umlauts, arrows, marks and lines, and a for plain letters"
keys End; wait_for "A problem: bold, white on red." &&
tm capture-pane -p -e | grep -q $'\e\\[[0-9;]*41[;m].*A problem: bold, white on red.'
ok "it shows the theme's colours, each with its meaning in words"
keys Home a; wait_for "ae oe ue ss Ae Oe Ue"
on_screen " optout | Check the display" && on_screen "+--------+" &&
on_screen "-> ^ v" && on_screen "a all signs" &&
! screen | LC_ALL=C grep -q '[^ -~]'
ok "a: nothing but plain ASCII on the screen"
keys a; wait_for "ä ö ü ß Ä Ö Ü"
on_screen " optout │ Check the display"
ok "a again: all signs back"
keys a; wait_for "ae oe ue ss"; keys q Enter; wait_exit
grep -q '^glyphs = "ascii";' "$(state_file)"
ok "plain letters are saved as the person's choice"
start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "Welcome back"
on_screen " optout | Object to AI training" && ! screen | LC_ALL=C grep -q '[^ -~]'
ok "next time optout starts with plain letters"
keys q Enter; wait_exit

# --- l where the full screen cannot be, and from a window too small
fresh
start_optout 80 24 "LANG=C.UTF-8 TERM=dumb" --lang en
wait_for "Type a number"; keys l Enter
wait_flat "The full screen cannot be shown here. The linear mode goes on." &&
on_screen_flat "cannot move the cursor"
ok "TERM=dumb: l says why there is no full screen, and the linear mode goes on"
keys q Enter; wait_for "Quit optout?"; keys 1 Enter; wait_exit

# A shared host in the linear mode: Ctrl-C asks first (nothing is stored
# there, so a slip must not end it), Ctrl-Z does nothing.
start_optout 80 24 "LANG=C.UTF-8" --shared --linear --lang en
wait_for "Type a number"; keys Enter; wait_for "Who is objecting?"
keys C-z; keys C-c; wait_for "Quit optout?"
on_screen "1) Yes, quit" && ! exited
ok "shared, linear: Ctrl-C asks \"Quit optout?\", Ctrl-Z stops nothing"
keys 2 Enter; wait_for "Who is objecting?"; keys C-c; wait_for "Quit optout?"
keys C-c; wait_exit; [ "$T_RC" = 0 ]
ok "No goes back to the question; Ctrl-C twice quits with status 0"

start_optout 40 12 "LANG=C.UTF-8" --lang en
wait_for "too small"; on_screen_flat "press l for the linear mode"; keys l
wait_for "Type a number from 1 to 2"; poll 2 alternate_screen 0
ok "too small: l leads to the linear mode, which fits any window"
finish
