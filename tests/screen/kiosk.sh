#!/bin/bash
# A kiosk at a consumer advice centre: no key leaves, an idle visit is
# warned and then wiped (screen, scrollback, memory), "end visit" clears
# everything, and nothing ever reaches the disk.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 19
mkdir -p "$T_DIR/config/optout"
printf 'idle_seconds = 2;\nidle_warning_seconds = 3;\n' > "$T_DIR/config/optout/optout.cfg"
# tmux-256color has E3, the capability that clears the scrollback
KIOSK_ENV="LANG=C.UTF-8 TERM=tmux-256color"

still_running() {
	! exited
}

# escape_keys TITLE: none of the keys that leave other programs leaves this
escape_keys() {
	keys C-c; keys C-z; keys 'C-\'
	give_time 1
	still_running && on_screen "$1"
}

optout_pid() {
	pgrep -P "$(tm display -p '#{pane_pid}')" -x optout
}

start_optout 80 24 "$KIOSK_ENV" --kiosk --lang en
tm pipe-pane -o "cat > $T_DIR/raw"	# every byte optout writes
wait_for "Object to AI training"
on_screen_flat "This is a public terminal. Nothing you enter here is stored"
ok "the welcome screen says that nothing is stored"

ok_all=0
escape_keys "Object to AI training" || ok_all=1
keys Escape; escape_keys "Object to AI training" || ok_all=1
keys Enter; wait_for "Who is objecting?"; escape_keys "Who is objecting?" || ok_all=1
keys Enter; wait_for "Which platforms"; escape_keys "Which platforms" || ok_all=1
keys 3 Enter; wait_for "what happens to your data"
escape_keys "what happens to your data" || ok_all=1
press_until Enter "where are you doing it?"; keys Enter; wait_for "step by step"
escape_keys "step by step" || ok_all=1
press_until Enter "what happened?"; escape_keys "what happened?" || ok_all=1
keys Enter; wait_for "Summary"; escape_keys "Summary" || ok_all=1
[ $ok_all = 0 ]; ok "Ctrl-C, Ctrl-Z, Ctrl-\\ and Esc leave no screen of the kiosk"

keys q; wait_for "End your visit?"
still_running && on_screen "Show my summary first" && on_screen "Yes, end my visit and clear everything"
ok "q asks whether to end the visit (and never quits)"
keys Escape; wait_for "Summary"

pid=$(optout_pid)
grep -qE '^Max core file size +0 +0 ' "/proc/$pid/limits"
ok "the kiosk writes no core dump (a crash leaves no answers on disk)"
kill -INT "$pid"; kill -QUIT "$pid"; kill -TSTP "$pid"
give_time 1
still_running && alive "$pid" && on_screen "Summary"
ok "SIGINT, SIGQUIT and SIGTSTP from outside do not stop the kiosk"

# Idle: the warning, and any key brings the visit back.
wait_for "Are you still there?" 6
on_screen_flat "Press any key to go on." ; ok "after the idle time a warning with a countdown appears"
keys x; wait_for "Summary"
on_screen "LinkedIn: done"; ok "any key continues the visit where it was"

# Idle again, to the end: the visit is wiped.
wait_for "Are you still there?" 6
wait_for "Object to AI training" 8
on_screen "> " ; ok "when the countdown ends, the welcome screen is back"
keys Enter; wait_for "Who is objecting?"; keys Enter; wait_for "Which platforms"
! on_screen "[x]" && ! on_screen "done"
ok "the next visitor sees nothing of the previous one in the list"
! tm capture-pane -p -S -3000 | grep -q "LinkedIn: done\|what happens to your data\|Recorded:" &&
grep -q $'\e\\[3J' "$T_DIR/raw"
ok "the wipe clears the terminal's scrollback (E3) and leaves nothing in it"

# End visit, by choice, with the summary first.
keys 1; wait_for "[x] Facebook"; keys q; wait_for "End your visit?"
keys Enter; wait_for "Summary"
press_until Enter "To take home" 6
on_screen "End my visit and clear everything"; ok "ending a visit offers the summary first"
keys End Enter; wait_for "Object to AI training"
keys Enter Enter; wait_for "Which platforms"
! on_screen "[x]"; ok "after 'end my visit' the next visitor starts with nothing ticked"

[ ! -e "$T_DIR/state" ] && [ -z "$(find "$T_DIR/home" -type f)" ]
ok "nothing was written to disk: no state, nothing in the home"

kill -TERM "$(optout_pid)"; wait_exit 3
[ "$T_RC" = 143 ]; ok "SIGTERM (the administrator's way out) ends the kiosk"

start_optout 80 24 "$KIOSK_ENV" --kiosk --lang en
wait_for "Object to AI training"
kill -HUP "$(optout_pid)"; wait_exit 3
[ "$T_RC" = 129 ]; ok "a hang-up ends it cleanly, so that getty starts a fresh one"

# The linear mode in a kiosk (a blind visitor pressed l): Ctrl-D does not
# leave, and an idle or ended visit is wiped the same way.
alternate_screen() {
	[ "$(tm display -p '#{alternate_on}')" = "$1" ]
}
printf 'idle_seconds = 5;\nidle_warning_seconds = 3;\n' > "$T_DIR/config/optout/optout.cfg"
start_optout 80 24 "$KIOSK_ENV" --kiosk --lang en
tm pipe-pane -o "cat > $T_DIR/raw"
wait_for "Object to AI training"; keys l; wait_flat "l: full screen"
keys 2 Enter; wait_for "Who is objecting?"; keys Enter
wait_for "Type the numbers to tick"
keys C-d; keys C-c; keys C-z; give_time 1
still_running && keys 3 Enter && poll 3 said_flat "3) [x] LinkedIn"
ok "linear kiosk: Ctrl-D, Ctrl-C and Ctrl-Z leave nothing; the visit goes on"
wait_for "Are you still there?" 8 && on_screen_flat "Press Enter to go on." &&
keys Enter && wait_for "Type the numbers to tick"
ok "linear kiosk: idle, a warning; Enter goes on with the same question"
: > "$T_DIR/raw"
wait_for "Are you still there?" 8 && wait_for "optout │ Object to AI training" 8 &&
poll 2 alternate_screen 1 &&
! tm capture-pane -p -S -3000 | grep -q "LinkedIn\|Who is objecting" &&
grep -q $'\e\\[3J' "$T_DIR/raw"
ok "linear kiosk: unanswered, the visit is wiped (scrollback too); the next starts on the full screen"
keys l; wait_flat "l: full screen"; keys q Enter; wait_for "End your visit?"
keys 2 Enter; wait_for "optout │ Object to AI training" && poll 2 alternate_screen 1 &&
keys Enter && wait_for "Who is objecting?"
ok "linear kiosk: ending the visit clears it and starts the next one on the full screen"
kill -TERM "$(optout_pid)"; wait_exit 3
finish
