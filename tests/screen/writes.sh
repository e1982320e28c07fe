#!/bin/bash
# Over ssh each write() to the terminal is a packet of its own, so a key
# and a resize each go out in one write() (docs/performance.md). Found by
# make bench: a resize went out in two writes, first the page as laid out
# for the old size, then the corrections for the new one.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 3
under_strace 3 -e trace=write -e signal=none
start_optout 80 24 "LANG=C.UTF-8 TERM=tmux-256color" --lang en
if ! wait_for "Object to AI training" 10; then
	skip_all 3 "strace cannot trace here (no ptrace in this sandbox)"
fi
give_time 1

writes() {	# the write() calls to the terminal so far
	grep -c '^write(1,' "$TRACE"
}
focus_on() {
	screen | grep -q "^>.*$1"
}
wide_enough() {	# a line of text that needs more than 80 columns
	screen | grep -q 'Organisation, zum Beispiel für eine'
}
settled_in_one_write() {	# since n, once optout has had time
	give_time 1
	[ "$(($(writes) - n))" = 1 ]
}
n=$(writes)
keys Up; poll 2 focus_on Deutsch && settled_in_one_write
ok "a key: the change goes out in one write()"

n=$(writes)
keys Enter; wait_for "Wer widerspricht?" && settled_in_one_write
ok "the next page: one write()"

n=$(writes)
tm resize-window -x 100 -y 30
poll 2 wide_enough && settled_in_one_write
ok "a resize: the screen goes out once, in the new size, in one write()"

[ "${T_FAILED:-0}" = 0 ] || tail -20 "$TRACE" | cut -c1-200 | sed 's/^/# /'
finish
