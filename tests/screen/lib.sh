# lib.sh: drive the real optout binary in a detached tmux and speak TAP.
#
# Each test script sources this file, calls plan N, starts optout with
# start_optout, sends keys, waits (polling, never fixed sleeps) for text to
# appear and asserts what a person would see. Set OPTOUT_REGEN_GOLDEN=1 to
# rewrite the golden screens on purpose.

set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${TMUX_BIN:=tmux}"
# OPTOUT_WRAP runs optout under a tool, e.g. valgrind (.ci/run); with
# T_SLOW=N every wait lasts N times as long.
OPTOUT="${OPTOUT_WRAP:+$OPTOUT_WRAP }$top_builddir/optout"
GOLDEN="$top_srcdir/tests/screen/golden"
T_NAME=$(basename "$0" .sh)
T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/optout-$T_NAME.XXXXXX")
T_SOCK_BASE="optout-$T_NAME-$$"
T_SOCK="$T_SOCK_BASE-0"
T_STARTS=0
T_N=0
T_FAILED=0
T_RUNAWAY=
unset TMUX

# A sanitizer build (ASan, UBSan) reports into $T_DIR/san/, and each test
# gets one more check: that no optout it started reported anything.
T_SAN=
if grep -qE '__asan_init|__ubsan_handle' "$top_builddir/optout" 2>/dev/null; then
	T_SAN=1
fi

# descendants PID: every process below PID.
descendants() {
	local c
	for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
		echo "$c"
		descendants "$c"
	done
}

none_alive() {
	local p
	for p in "$@"; do
		alive "$p" && return 1
	done
	return 0
}

# end_server SOCKET: ends what runs in the server's panes (optout, and
# strace or valgrind around it; not the panes' shells) with SIGTERM,
# waits for it, then kills the server. Killing the server under a running
# program hangs up its terminal, which also sends SIGCONT; an ASan build
# that is exiting at that moment can then hang for ever in LeakSanitizer,
# spinning a CPU (the SIGCONT cancels the SIGSTOP with which LSan's tracer
# attaches, and the tracer waits for a stop that never comes). What is
# still there after 10 s is killed and reported: no test leaves a process
# behind.
end_server() {
	local sock=$1 pids pp p left=
	for pp in $("$TMUX_BIN" -L "$sock" list-panes -a -F '#{pane_pid}' 2>/dev/null); do
		pids="${pids:-} $(descendants "$pp")"
	done
	pids=$(echo ${pids:-})
	if [ -n "$pids" ]; then
		kill -TERM $pids 2>/dev/null
		poll 10 none_alive $pids
	fi
	"$TMUX_BIN" -L "$sock" kill-server 2>/dev/null
	for p in $pids; do
		alive "$p" && left="$left $p"
	done
	if [ -n "$left" ]; then
		echo "# runaway processes, killed:"
		ps -o pid,stat,pcpu,etime,args -p "${left# }" | sed 's/^/#   /'
		kill -KILL $left 2>/dev/null
		T_RUNAWAY="$T_RUNAWAY$left"
	fi
}

cleanup() {
	end_server "$T_SOCK"
	rm -rf "$T_DIR"
}
trap cleanup EXIT

plan() {
	# A missing tmux is an error, not a skip: these are the tests that
	# show what a person sees.
	if [ -z "$TMUX_BIN" ] || ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
		echo "Bail out! tmux is needed for the screen tests: apt-get install tmux, then ./configure again"
		exit 1
	fi
	echo "1..$(($1 + ${T_SAN:-0}))"
}

ok() {		# ok DESCRIPTION (the last command's status decides)
	local rc=$?
	T_N=$((T_N + 1))
	if [ $rc -eq 0 ]; then
		echo "ok $T_N - $1"
	else
		echo "not ok $T_N - $1"
		T_FAILED=$((T_FAILED + 1))
		if [ -n "${T_LAST_SCREEN:-}" ]; then
			echo "# screen was:"
			printf '%s\n' "$T_LAST_SCREEN" | sed 's/^/#   /'
		fi
	fi
	return 0
}

# The pane stays after optout ends, so that its last words can be read.
printf 'set -g remain-on-exit on\n' > "$T_DIR/tmux.conf"
tm() {
	"$TMUX_BIN" -L "$T_SOCK" -f "$T_DIR/tmux.conf" "$@"
}

# The environment every run gets: a fixed clock, its own home and state.
T_ENV="TZ=UTC OPTOUT_NOW=2026-11-22T10:30 HOME=$T_DIR/home \
XDG_STATE_HOME=$T_DIR/state XDG_CONFIG_HOME=$T_DIR/config"

# Where a sanitizer build writes its reports (added to what the test's
# environment already asks of it).
san_env() {
	echo "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$T_DIR/san/asan" \
	    "UBSAN_OPTIONS=${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$T_DIR/san/ubsan"
}

# start_optout COLS ROWS "VAR=value ..." [optout arguments...]
# T_AFTER, if set, is a shell command run in the terminal after optout.
# T_EXEC=1 makes optout the terminal's only process (no shell, no status
# in $T_DIR/rc), for tests that close the terminal under it.
start_optout() {
	local cols=$1 rows=$2 env=$3 cmd
	shift 3
	mkdir -p "$T_DIR/home" "$T_DIR/san"
	end_server "$T_SOCK"	# first: its shell may still write rc
	rm -f "$T_DIR/rc" "$T_DIR/rc.tmp"
	# a fresh server each time: never race a server that is shutting down
	T_STARTS=$((T_STARTS + 1))
	T_SOCK="$T_SOCK_BASE-$T_STARTS"
	cmd="env -u LC_ALL -u LANGUAGE $T_ENV $(san_env) $env $OPTOUT $*"
	if [ "${T_EXEC:-}" = 1 ]; then
		tm new-session -d -x "$cols" -y "$rows" "exec $cmd"
	else
		tm new-session -d -x "$cols" -y "$rows" \
		    "$cmd; echo \$? > $T_DIR/rc.tmp; ${T_AFTER:-true}; mv $T_DIR/rc.tmp $T_DIR/rc"
	fi
}

screen() {
	tm capture-pane -p 2>/dev/null
}

keys() {
	tm send-keys "$@" 2>/dev/null
}

# poll SECONDS COMMAND...: true as soon as COMMAND succeeds (every 50 ms).
poll() {
	local limit=$1 i=0
	shift
	local n=$((limit * 20 * ${T_SLOW:-1}))
	while [ $i -lt $n ]; do
		"$@" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# wait_for TEXT [SECONDS]: true once TEXT is on the screen.
wait_for() {
	poll "${2:-5}" on_screen "$1"
}

# wait_gone TEXT [SECONDS]: true once TEXT has left the screen.
wait_gone() {
	poll "${2:-5}" not_on_screen "$1"
}

not_on_screen() {
	! on_screen "$1"
}

exited() {
	[ -s "$T_DIR/rc" ]
}

# wait_exit [SECONDS]: true once optout has ended; its status in T_RC.
wait_exit() {
	T_RC=
	poll "${1:-5}" exited || return 1
	T_RC=$(cat "$T_DIR/rc")
}

# alive PID: the process runs. A zombie counts as ended: where PID 1 does
# not reap orphans (containers, CI), an ended process stays a zombie.
alive() {
	local stat
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	stat=${stat##*) }
	[ "${stat%% *}" != Z ]
}

on_screen() {		# on_screen TEXT: the current screen shows TEXT
	T_LAST_SCREEN=$(screen)
	case "$T_LAST_SCREEN" in
	*"$1"*) return 0 ;;
	esac
	return 1
}

# cursor_row: the row of the hardware cursor (braille displays follow it)
cursor_row() {
	tm display -p '#{cursor_y}'
}

# golden NAME: the current screen equals tests/screen/golden/NAME.txt
golden() {
	local file="$GOLDEN/$1.txt"
	T_LAST_SCREEN=$(screen)
	if [ "${OPTOUT_REGEN_GOLDEN:-}" = 1 ]; then
		mkdir -p "$GOLDEN"
		printf '%s\n' "$T_LAST_SCREEN" > "$file"
		return 0
	fi
	[ -f "$file" ] || return 1
	if ! printf '%s\n' "$T_LAST_SCREEN" | diff -u "$file" - > "$T_DIR/diff"; then
		sed 's/^/# /' "$T_DIR/diff"
		return 1
	fi
}

# run ARGS...: optout without a terminal; T_OUT, T_ERR, T_RC
run() {
	env -u LC_ALL -u LANGUAGE $T_ENV LANG=C.UTF-8 "$OPTOUT" "$@" \
	    < /dev/null > "$T_DIR/out" 2> "$T_DIR/err"
	T_RC=$?
	T_OUT=$(cat "$T_DIR/out")
	T_ERR=$(cat "$T_DIR/err")
}

state_file() {
	echo "$T_DIR/state/optout/progress.cfg"
}

# skip_all N REASON: checks up to N are visible skips; then finish.
skip_all() {
	while [ "$T_N" -lt "$1" ]; do
		T_N=$((T_N + 1))
		echo "ok $T_N # SKIP $2"
	done
	finish
}

# finish: ends optout cleanly, adds the sanitizer check of a sanitizer
# build, and exits with the result. A process that would not end is a
# failure too.
finish() {
	local f
	end_server "$T_SOCK"
	if [ -n "$T_SAN" ]; then
		T_LAST_SCREEN=
		! ls "$T_DIR/san/" 2>/dev/null | grep -q .
		ok "no sanitizer report from any optout of this test"
		for f in "$T_DIR"/san/*; do
			[ -f "$f" ] || continue
			echo "# $f:"
			head -40 "$f" | sed 's/^/#   /'
		done
	fi
	if [ -n "$T_RUNAWAY" ]; then
		echo "Bail out! processes did not end:$T_RUNAWAY"
		exit 1
	fi
	[ "$T_FAILED" -eq 0 ]
	exit $?
}

# on_screen_flat TEXT: like on_screen, but lines are joined with blanks
# and runs of blanks folded, so that wrapped sentences can be found.
on_screen_flat() {
	T_LAST_SCREEN=$(screen)
	local flat
	flat=$(printf '%s\n' "$T_LAST_SCREEN" | tr '\n' ' ' | tr -s ' ')
	case "$flat" in
	*"$1"*) return 0 ;;
	esac
	return 1
}

# press_until KEY TEXT [TIMES]: press KEY until TEXT shows (reading on
# through long pages the way a person would).
press_until() {
	local key=$1 text=$2 times=${3:-15} i=0
	while [ $i -lt "$times" ]; do
		if on_screen "$text"; then
			return 0
		fi
		keys "$key"
		wait_for "$text" 1 && return 0
		i=$((i + 1))
	done
	return 1
}

# wait_flat TEXT [SECONDS]: wait_for, for text that may wrap across lines.
wait_flat() {
	poll "${2:-5}" on_screen_flat "$1"
}

# to_linkedin_steps: from a fresh start in English, to LinkedIn's steps on
# the web, the way a person gets there.
to_linkedin_steps() {
	wait_for "Object to AI training"; keys Enter
	wait_for "Who is objecting?"; keys Enter
	wait_for "Which platforms"; keys 3 Enter
	wait_for "what happens to your data"
	press_until Enter "where are you doing it?"
	keys Enter; wait_for "step by step"
}

# said_flat TEXT: TEXT was printed in the terminal, including what has
# scrolled off (for what optout says as it exits).
said_flat() {
	local flat
	T_LAST_SCREEN=$(tm capture-pane -p -J -S -100 2>/dev/null)
	flat=$(printf '%s\n' "$T_LAST_SCREEN" | tr '\n' ' ' | tr -s ' ')
	case "$flat" in
	*"$1"*) return 0 ;;
	esac
	return 1
}

# on_screen_re REGEX: a line of the screen matches the extended regex
# (for lines whose column padding depends on the longest name in a list).
on_screen_re() {
	T_LAST_SCREEN=$(screen)
	printf '%s\n' "$T_LAST_SCREEN" | grep -qE "$1"
}

# give_time SECONDS: for checks that something does NOT happen (a key
# that must not end optout): the time it would need to happen wrongly.
give_time() {
	poll "$1" false
}

# under_strace N STRACE-OPTIONS...: the next start_optout runs optout
# under strace, which writes to $TRACE; all N checks are skipped when
# strace is not installed. LeakSanitizer cannot work under ptrace, so a
# sanitizer build checks no leaks there (the other tests do).
under_strace() {
	local n=$1
	shift
	if ! command -v strace > /dev/null; then
		skip_all "$n" "strace is not installed (apt-get install strace)"
	fi
	TRACE="$T_DIR/trace"
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	export ASAN_OPTIONS
	OPTOUT="strace -qq $* -o $TRACE $OPTOUT"
}

# skip_rest REASON: every check not yet run (of NTESTS) is reported as a
# visible skip, for tests that need what the machine may not have.
skip_rest() {
	skip_all "$NTESTS" "$1"
}

# screen_code: the first resume code on the screen ("DJPC-KCK7-2D").
screen_code() {
	screen | grep -oE '\b[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{1,4})+\b' |
	    head -1
}

# qr_decodes TEXT: the QR code on the screen decodes to exactly TEXT, seen
# as a terminal with light text on dark and as one with dark on light
# (tests/screen/qrscan.py), so that it cannot rely on the terminal's own
# colours. T_QR_GOT holds what was read.
qr_decodes() {
	local theme
	: "${ZBARIMG:=zbarimg}"
	tm capture-pane -p -e -N > "$T_DIR/qr.cap" 2>/dev/null || return 1
	for theme in dark light; do
		/usr/bin/python3 "$top_srcdir/tests/screen/qrscan.py" --theme \
		    "$theme" "$T_DIR/qr.cap" "$T_DIR/qr.pgm" || return 1
		T_QR_GOT=$("$ZBARIMG" --raw -q "$T_DIR/qr.pgm" 2>/dev/null)
		if [ "$T_QR_GOT" != "$1" ]; then
			echo "# $theme terminal: read \"$T_QR_GOT\", not \"$1\""
			T_LAST_SCREEN=$(screen)
			return 1
		fi
	done
}

# scroll_to_qr TEXT [TIMES]: scroll down line by line, the way a person
# brings a code into view, until the QR code on the screen decodes to TEXT.
scroll_to_qr() {
	local i=0 before
	while [ $i -lt "${2:-40}" ]; do
		qr_decodes "$1" >/dev/null && return 0
		before=$(screen)
		keys Down
		poll 2 screen_differs "$before" || return 1
		i=$((i + 1))
	done
	qr_decodes "$1"
}

screen_differs() {
	[ "$(screen)" != "$1" ]
}

# scroll_to_code: read on (Space) until a resume code is on the screen;
# the code in T_CODE.
scroll_to_code() {
	local i=0 before
	while [ $i -lt 8 ]; do
		T_CODE=$(screen_code)
		[ -n "$T_CODE" ] && return 0
		before=$(screen)
		keys Space
		poll 2 screen_differs "$before" || return 1
		i=$((i + 1))
	done
}

# cursor_xy: "X Y" of the hardware cursor (braille displays and screen
# readers follow it).
cursor_xy() {
	tm display -p '#{cursor_x} #{cursor_y}'
}

# focus_xy: where the focused item starts: on the line marked ">", the
# first character after the mark.
focus_xy() {
	printf '%s\n' "$T_LAST_SCREEN" |
	    awk '/^>/ { match(substr($0, 2), /[^ ]/); print RSTART " " NR - 1; exit }'
}

# text_xy: where a page of text starts: the first line below the title
# that is not blank, at its first character.
text_xy() {
	printf '%s\n' "$T_LAST_SCREEN" |
	    awk 'NR >= 3 && match($0, /[^ ]/) { print RSTART - 1 " " NR - 1; exit }'
}

# input_xy TEXT: just after TEXT (e.g. "Search: link"), where typing goes on.
input_xy() {
	printf '%s\n' "$T_LAST_SCREEN" | awk -v t="$1" \
	    'i = index($0, t) { print i - 1 + length(t) " " NR - 1; exit }'
}

# cursor_on WHERE [ARG]: the cursor sits at WHERE_xy (focus, text, input);
# the screen and the cursor are read together, then compared.
cursor_on() {
	local want
	T_LAST_SCREEN=$(screen)
	want=$("$1_xy" "${2:-}")
	T_CURSOR=$(cursor_xy)
	[ -n "$want" ] && [ "$T_CURSOR" = "$want" ] && return 0
	T_LAST_SCREEN="$T_LAST_SCREEN
(cursor at $T_CURSOR, wanted at ${want:-nothing found})"
	return 1
}
