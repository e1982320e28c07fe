#!/bin/bash
# The linear mode, for screen readers and scripts: the same flows through a
# pipe and through a dumb terminal record exactly what the full-screen mode
# records, and not one escape byte is written.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 8
LINKEDIN_DONE='id = "linkedin"; selected = true; status = "done"; surface = "web"; time = 1795343400L;'

pipe_run() {	# pipe_run ANSWERS ARGS...: optout fed through a pipe
	local answers=$1
	shift
	printf '%b' "$answers" | env -u LC_ALL -u LANGUAGE $T_ENV "$@" \
	    > "$T_DIR/out" 2> "$T_DIR/err"
}

# LinkedIn: English, who, tick 3, continue, info, web, steps, done, finish
pipe_run '2\n\n3\n\n\n\n\n1\n\n' LANG=C.UTF-8 "$OPTOUT" --linear
rc=$?
[ $rc = 0 ] && grep -qF "$LINKEDIN_DONE" "$(state_file)"
ok "LinkedIn through a pipe records exactly what the full-screen flow records"
! grep -q $'\e' "$T_DIR/out" "$T_DIR/err"
ok "not one escape byte in the linear output"
grep -q "^1) Done: I switched it off" "$T_DIR/out" &&
grep -q "^6. Switch “Use my data for training content creation AI models” to “Off”" "$T_DIR/out"
ok "choices are numbered lines; steps are numbered"

# Facebook in German, in the app: the objection form, sent.
rm -rf "$T_DIR/state"
pipe_run '1\n\n1\n\n\n2\n\n1\n\n' LANG=de_DE.UTF-8 "$OPTOUT" --linear
grep -q '"facebook"; selected = true; status = "form_sent"; surface = "app"; time = 1795343400L;' "$(state_file)" &&
grep -q "Festgehalten: Facebook, Formular gesendet" "$T_DIR/out"
ok "Facebook's form in German through a pipe is recorded as sent"

rm -rf "$T_DIR/state"
pipe_run '2\n\n3\n\n\n\n\n1\n\n' LANG=C.UTF-8 ACCESSIBLE=1 "$OPTOUT"
grep -qF "$LINKEDIN_DONE" "$(state_file)"
ok "ACCESSIBLE=1 starts the linear mode too"

# A dumb terminal lands in the linear mode, with a one-line explanation.
rm -rf "$T_DIR/state"
start_optout 80 24 "LANG=C.UTF-8 TERM=dumb" --lang en
wait_for "Type a number"
on_screen_flat "optout: using the linear mode" && on_screen_flat "cannot move the cursor"
ok "TERM=dumb: a one-line explanation, then the linear mode"
for a in 2 '' 3 '' '' '' '' 1 '' 3; do
	keys "$a" Enter
	poll 2 on_screen "> "
done
wait_exit 5
[ "$T_RC" = 0 ] && grep -qF "$LINKEDIN_DONE" "$(state_file)"
ok "the LinkedIn flow in a dumb terminal records the same as everywhere"

# "<" goes back, "?" helps, "q" asks first.
pipe_run '2\n<\n?\n\nq\n1\n' LANG=C.UTF-8 "$OPTOUT" --linear
grep -q "^Who is objecting?" "$T_DIR/out" && grep -q "^Help" "$T_DIR/out" &&
grep -q "^Quit optout?" "$T_DIR/out" && [ "$(grep -c '^Object to AI training' "$T_DIR/out")" = 3 ]
ok "< goes back, ? shows help, q asks before quitting"
finish
