#!/bin/bash
# A kiosk never starts another program: strace -f over a whole visit with
# every key tried sees one execve (optout's own start) and no child.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 2
under_strace 2 -f -e trace=execve,fork,vfork,clone,clone3
start_optout 80 24 "LANG=C.UTF-8 TERM=tmux-256color" --kiosk --lang en
if ! wait_for "Object to AI training" 10; then
	skip_all 2 "strace cannot trace here (no ptrace in this sandbox)"
fi
for k in C-c C-z 'C-\' Escape '?' Escape F1 Escape C-l; do keys "$k"; done
keys Enter; wait_for "Who is objecting?"; keys C-c C-z Enter
wait_for "Which platforms"; keys / l i n Enter Space Right
wait_for "what happens to your data"; keys '?' ; wait_for "Help"; keys Escape
press_until Enter "where are you doing it?"; keys Enter; wait_for "step by step"
keys C-c 'C-\' C-z; press_until Enter "what happened?"; keys Enter
wait_for "Summary"; keys q; wait_for "End your visit?"; keys Down Enter
wait_for "Object to AI training"
for k in a b c 1 2 3 '!' '$' '`' Tab BTab F2 F10 F12 PageDown Home End; do keys "$k"; done
give_time 1
pid=$(pgrep -x optout -P "$(pgrep -x strace -P "$(tm display -p '#{pane_pid}')")")
kill -TERM "$pid"; wait_exit 5
[ "$(grep -c 'execve(' "$TRACE")" = 1 ] && grep -q "execve(\"$top_builddir/optout\"" "$TRACE"
ok "only optout's own start: no other program is ever executed"
! grep -qE '^[0-9]+ +(fork|vfork|clone|clone3)\(' "$TRACE"
ok "no child process or thread is ever started"
[ "${T_FAILED:-0}" = 0 ] || sed 's/^/# /' "$TRACE" | head -20
finish
