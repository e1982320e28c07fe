#!/bin/bash
# Two sessions of the same person at once (two windows, or a dropped SSH
# link and a new login): both keep their records, none is lost.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 4
B_SOCK="$T_SOCK_BASE-b"
tmb() { "$TMUX_BIN" -L "$B_SOCK" -f "$T_DIR/tmux.conf" "$@"; }
trap 'end_server "$B_SOCK"; cleanup' EXIT
screen_b() { tmb capture-pane -p 2>/dev/null; }
b_shows() { screen_b | tr '\n' ' ' | tr -s ' ' | grep -qF "$1"; }

start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "Object to AI training"; keys Enter; wait_for "Who is objecting?"
keys Enter; wait_for "Which platforms"

tmb new-session -d -x 80 -y 24 "env -u LC_ALL -u LANGUAGE $T_ENV $(san_env) LANG=C.UTF-8 $OPTOUT --lang en"
poll 5 b_shows "Object to AI training"
b_shows "optout is also open in another window or session"
ok "the second session is told that another one is open"

keys 3 Enter; wait_for "what happens to your data"			# A: LinkedIn
tmb send-keys Enter; poll 3 b_shows "Who is objecting?"
tmb send-keys Enter; poll 3 b_shows "Which platforms"
tmb send-keys 1 Right; poll 3 b_shows "Facebook: what happens"		# B: Facebook
press_until Enter "where are you doing it?"; keys Enter
wait_for "step by step"; press_until Enter "what happened?"; keys Enter
wait_for "Summary"							# A recorded
for i in $(seq 16); do		# B reads on through info and steps
	b_shows "what happened?" && break
	tmb send-keys Enter; poll 1 b_shows "what happened?"
done
poll 5 b_shows "what happened?"; tmb send-keys Enter			# B recorded
poll 5 b_shows "Summary"
grep -q '"linkedin"; selected = true; status = "done"' "$(state_file)" &&
grep -q '"facebook"; selected = true; status = "form_sent"' "$(state_file)"
ok "the file holds what both sessions recorded"
b_shows "LinkedIn: done" && b_shows "Facebook: form sent"
ok "the second session's summary shows the first session's record too"
keys Escape; wait_for "Which platforms"; keys 2				# A ticks Instagram
wait_for "[x] Instagram"
b_gone() { [ "$(tmb display -p '#{pane_dead}' 2>/dev/null)" = 1 ]; }
keys q Enter; wait_exit; tmb send-keys q Enter; poll 3 b_gone
grep -q '"instagram"; selected = true' "$(state_file)" &&
grep -q '"linkedin"; selected = true; status = "done"' "$(state_file)" &&
grep -q '"facebook"; selected = true; status = "form_sent"' "$(state_file)"
ok "after both quit, nothing either recorded is lost"
finish
