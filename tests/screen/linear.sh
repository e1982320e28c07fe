#!/bin/bash
# The linear mode, for screen readers and scripts: the complete LinkedIn and
# Facebook flows through a pipe and through a dumb terminal record exactly
# what the same flows record on the full screen, and not one escape byte
# is written.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 14

pipe_run() {	# pipe_run ANSWERS ARGS...: optout fed through a pipe
	local answers=$1
	shift
	printf '%b' "$answers" | env -u LC_ALL -u LANGUAGE $T_ENV "$@" \
	    > "$T_DIR/out" 2> "$T_DIR/err"
}
fresh() {
	rm -rf "$T_DIR/state"
}
same_as() {	# same_as REF: the state file is byte for byte REF's
	cmp "$(state_file)" "$T_DIR/$1.ref" > "$T_DIR/cmp" 2>&1 ||
	    { T_LAST_SCREEN=$(diff "$T_DIR/$1.ref" "$(state_file)"); false; }
}
# dumb_run ANSWER...: each answer typed at a prompt of a TERM=dumb terminal
dumb_run() {
	local a
	for a in "$@"; do
		keys "$a" Enter
		poll 2 on_screen "> "
	done
	wait_exit 5
}

# --- the references: both flows on the full screen
start_optout 80 24 "LANG=C.UTF-8" --lang en
to_linkedin_steps; press_until Enter "what happened?"; keys Enter
wait_for "Summary"; press_until Enter "To take home"; keys End Enter; wait_exit
cp "$(state_file)" "$T_DIR/linkedin.ref"
grep -q 'id = "linkedin"; selected = true; status = "done"; surface = "web"; time = 1795343400L;' "$T_DIR/linkedin.ref"
ok "the full-screen LinkedIn flow records done on the web"

fresh
start_optout 80 24 "LANG=de_DE.UTF-8"
wait_for "Widerspruch gegen KI-Training"; keys Enter
wait_for "Wer widerspricht?"; keys Enter
wait_for "Welche Plattformen"; keys 1 Enter
press_until Enter "Wo möchten Sie widersprechen?"; keys Down Enter
wait_for "Facebook: Schritt für Schritt"; press_until Enter "Was ist passiert?"
keys Enter; wait_for "Zusammenfassung"; press_until Enter "Zum Mitnehmen"
keys End Enter; wait_exit
cp "$(state_file)" "$T_DIR/facebook.ref"
grep -q '"facebook"; selected = true; status = "form_sent"; surface = "app"; time = 1795343400L;' "$T_DIR/facebook.ref"
ok "the full-screen Facebook flow records the form as sent in the app"

# --- through a pipe
# LinkedIn: English, who, tick 3, continue, info, web, steps, done, finish
fresh
pipe_run '2\n\n3\n\n\n\n\n1\n\n' LANG=C.UTF-8 "$OPTOUT" --linear
rc=$?
[ $rc = 0 ] && same_as linkedin
ok "LinkedIn through a pipe records exactly what the full screen records"
! grep -q $'\e' "$T_DIR/out" "$T_DIR/err"
ok "not one escape byte in the linear output"
grep -q "^1) Done: I switched it off" "$T_DIR/out" &&
grep -q "^6. Switch “Use my data for training content creation AI models” to “Off”" "$T_DIR/out"
ok "choices are numbered lines; steps are numbered"
flat=$(tr '\n' ' ' < "$T_DIR/out" | tr -s ' ')
case $flat in *"l: full screen"*) false ;; *"?: help. q: quit. d: Deutsch."*) true ;; *) false ;; esac
ok "a pipe offers no full screen, but the other language at every question"

# Facebook in German, in the app: the objection form, sent.
fresh
pipe_run '1\n\n1\n\n\n2\n\n1\n\n' LANG=de_DE.UTF-8 "$OPTOUT" --linear
same_as facebook && grep -q "Festgehalten: Facebook, Formular gesendet" "$T_DIR/out" &&
! grep -q $'\e' "$T_DIR/out" "$T_DIR/err"
ok "Facebook's form in German through a pipe: the same record, no escape byte"

fresh
pipe_run '2\n\n3\n\n\n\n\n1\n\n' LANG=C.UTF-8 ACCESSIBLE=1 "$OPTOUT"
same_as linkedin
ok "ACCESSIBLE=1 starts the linear mode too"

# --- through a dumb terminal, with a one-line explanation first
fresh
start_optout 80 24 "LANG=C.UTF-8 TERM=dumb" --lang en
tm pipe-pane -o "cat > $T_DIR/raw"	# every byte optout writes
wait_for "Type a number"
on_screen_flat "optout: using the linear mode" && on_screen_flat "cannot move the cursor"
ok "TERM=dumb: a one-line explanation, then the linear mode"
dumb_run 2 '' 3 '' '' '' '' 1 '' 3
[ "$T_RC" = 0 ] && same_as linkedin
ok "the LinkedIn flow in a dumb terminal records the same as the full screen"
! grep -q $'\e' "$T_DIR/raw"
ok "not one escape byte reached the dumb terminal"

fresh
start_optout 80 24 "LANG=de_DE.UTF-8 TERM=dumb"
wait_for "Tippen Sie eine Zahl"
dumb_run 1 '' 1 '' '' 2 '' 1 '' 3
[ "$T_RC" = 0 ] && same_as facebook
ok "the Facebook flow in a dumb terminal records the same as the full screen"

# "<" goes back, "?" helps, "q" asks first.
fresh
pipe_run '2\n<\n?\n\nq\n1\n' LANG=C.UTF-8 "$OPTOUT" --linear
grep -q "^Who is objecting?" "$T_DIR/out" && grep -q "^Help" "$T_DIR/out" &&
grep -q "^Quit optout?" "$T_DIR/out" && [ "$(grep -c '^Object to AI training' "$T_DIR/out")" = 3 ]
ok "< goes back, ? shows help, q asks before quitting"

# Help's pages as plain lines: the words explained, the self-check.
pipe_run '?\n3\n\n4\na\n\n1\nq\n1\n' LANG=C.UTF-8 "$OPTOUT" --linear --lang en
grep -q "^Objection (in German: Widerspruch)" "$T_DIR/out" &&
grep -q "^Consent (in German: Einwilligung)" "$T_DIR/out" &&
grep -q "^ä ö ü ß Ä Ö Ü" "$T_DIR/out" && grep -q "^ae oe ue ss Ae Oe Ue" "$T_DIR/out" &&
! grep -q "┌" "$T_DIR/out" && ! grep -q $'\e' "$T_DIR/out"
ok "help's glossary and self-check as plain lines; a switches to plain letters"
finish
