#!/bin/bash
# Leaving in every way a session can end: nothing recorded is lost and the
# terminal is left sane.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 9

optout_pid() {
	pgrep -P "$(tm display -p '#{pane_pid}')" -x optout
}

record_linkedin() {
	to_linkedin_steps
	press_until Enter "what happened?"
	keys Enter; wait_for "Summary"
}

# 1. SIGHUP in the middle: the record and the ticks survive.
start_optout 80 24 "LANG=C.UTF-8" --lang en
record_linkedin
keys Escape; wait_for "Which platforms"; keys 1	# tick Facebook too
wait_for "[x] Facebook"
kill -HUP "$(optout_pid)"; wait_exit 3
[ "$T_RC" = 129 ]; ok "SIGHUP ends optout at once (status 129)"
grep -q '"linkedin"; selected = true; status = "done"' "$(state_file)" &&
grep -q '"facebook"; selected = true; status = "open"' "$(state_file)"
ok "nothing recorded or ticked is lost on SIGHUP"

# 2. The terminal closes: optout ends by itself and does not spin. It is
# the terminal's only process, as under sshd or a login, so that the
# hangup's SIGHUP and SIGCONT reach it at once (see end_server in lib.sh).
T_EXEC=1 start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "Welcome back"
pid=$(tm display -p '#{pane_pid}')
tm kill-server
gone() {
	! alive "$1"
}
poll 2 gone "$pid"; ok "closing the terminal ends optout within 2 s"

# 3. Ctrl-C and SIGTERM: saved, and the terminal is restored.
for how in C-c TERM; do
	T_AFTER="stty -a > $T_DIR/stty" start_optout 80 24 "LANG=C.UTF-8" --lang en
	wait_for "Welcome back"
	if [ $how = C-c ]; then keys C-c; else kill -TERM "$(optout_pid)"; fi
	wait_exit 3
	case $how in C-c) want=130 ;; TERM) want=143 ;; esac
	[ "$T_RC" = "$want" ]; ok "$how ends optout with status $want"
	grep -q ' echo ' "$T_DIR/stty" && grep -q ' icanon ' "$T_DIR/stty"
	ok "after $how the terminal echoes and reads lines again"
done

# 4. Quit and come back.
start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "Welcome back"; keys q; wait_for "Quit optout?"
on_screen "Everything you recorded is saved"; ok "q asks first and says that all is saved"
keys Enter; wait_exit
start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "Welcome back"; keys Enter Enter; wait_for "Which platforms"
on_screen_re '\[x\] LinkedIn +done' && on_screen_re '\[x\] Facebook +open'
ok "after quitting, everything is found as it was left"
finish
