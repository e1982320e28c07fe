#!/bin/bash
# A workshop of 30: the trainer's console in tmux, 28 participants in the
# linear mode fed through pipes and 2 in the full-screen mode in tmux.
# What each participant does must show on the trainer's screen as counts;
# a raised hand within 1 s; a message on every seat; nothing of the
# workshop on disk once the trainer leaves, while participants work on; a
# console killed with SIGKILL is cleaned up by the next one.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 31

BASE="$T_DIR/run"		# stands for /run/optout
ROOM="$BASE/demo"
WS="$T_DIR/workshops.cfg"
NLINEAR=28
ENV="LANG=C.UTF-8 OPTOUT_RUNTIME_DIR=$BASE"
PIDS=()
FDS=()
mkdir -p "$BASE"
cat > "$WS" <<'EOF'
workshops = {
  demo = {
    platforms = [ "linkedin", "facebook", "instagram" ];
    lang = "de";
  };
};
EOF

# The full-screen participants run on a second tmux server.
tm2() {
	"$TMUX_BIN" -L "$T_SOCK_BASE-p" -f "$T_DIR/tmux.conf" "$@"
}
workshop_cleanup() {
	local pid
	end_server "$T_SOCK_BASE-p"	# never tm2 kill-server: see lib.sh
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null
	done
	cleanup
}
trap workshop_cleanup EXIT

trainer_has() {		# trainer_has REGEX: a line of its screen matches
	T_LAST_SCREEN=$(screen)
	printf '%s\n' "$T_LAST_SCREEN" | grep -qE "$1"
}
trainer_says() {	# trainer_says TEXT: its screen, lines joined
	on_screen_flat "$1"
}
seat_screen() {		# seat_screen SESSION
	tm2 capture-pane -p -t "$1" 2>/dev/null
}
seat_shows() {		# seat_shows SESSION TEXT
	T_LAST_SCREEN=$(seat_screen "$1")
	case "$T_LAST_SCREEN" in *"$2"*) return 0 ;; esac
	return 1
}
said() {		# said N TEXT: linear participant N printed TEXT
	grep -qF -- "$2" "$T_DIR/out$1"
}
all_said() {		# all_said TEXT: every linear participant did
	local i
	for i in $(seq 1 $NLINEAR); do
		said "$i" "$1" || return 1
	done
}
answer() {		# answer N LINES: participant N types LINES
	printf '%b' "$2" >&"${FDS[$1]}"
}
in_room() {		# in_room: only the trainer's files and seats
	[ -d "$ROOM" ]
}
room_gone() {
	[ ! -e "$ROOM" ] && [ -z "$(ls -A "$BASE")" ]
}

run() {			# run ARGS...: optout without a terminal
	env -u LC_ALL -u LANGUAGE $T_ENV $ENV "$OPTOUT" "$@" \
	    < /dev/null > "$T_DIR/cli.out" 2>&1
}
tty_run() {		# tty_run ARGS...: the same in a terminal (script)
	script -qec "env -u LC_ALL -u LANGUAGE $T_ENV $ENV $OPTOUT $*" \
	    /dev/null < /dev/null > "$T_DIR/cli.out" 2>&1
}
run_says() {		# run_says STATUS TEXT [tty_run] ARGS...
	local want=$1 text=$2 how=run
	shift 2
	[ "$1" = tty_run ] && { how=tty_run; shift; }
	$how "$@"
	[ $? = "$want" ] && grep -qF -- "$text" "$T_DIR/cli.out" ||
	    { sed 's/^/# /' "$T_DIR/cli.out"; return 1; }
}

# --- what goes wrong is said, with the documented status
run_says 2 "--workshop NAME goes with --shared" --workshop demo &&
    run_says 2 '"a/b" is not a workshop name' --trainer a/b &&
    run_says 2 "--trainer goes with" --trainer demo --shared
ok "wrong options: exit status 2 and what is wrong"
printf 'workshops = { demo = { platforms = [ "linkedin", "myspace" ]; }; };\n' \
    > "$T_DIR/bad.cfg"
run_says 1 "bad.cfg:1: workshop 'demo': the catalog has no platform 'myspace'" \
    --trainer demo --workshop-file "$T_DIR/bad.cfg" &&
    run_says 1 'there is no workshop "other" in' --trainer other \
    --workshop-file "$WS" &&
    run_says 1 'the workshop "demo" has not started yet' --shared \
    --workshop demo --linear
ok "a wrong profile names file and line; a workshop not started is said so"
chmod 0777 "$BASE"
run_says 1 "may be written by others" tty_run --trainer demo \
    --workshop-file "$WS" && [ -z "$(ls -A "$BASE")" ]
ok "a base directory that others may write to is refused"
chmod 0755 "$BASE"

# --- the trainer opens the workshop
start_optout 80 24 "$ENV" --trainer demo --workshop-file "$WS"
wait_for "trainer's console" && poll 3 in_room &&
    [ "$(stat -c %a "$ROOM")" = 1730 ] &&
    [ "$(stat -c %a "$ROOM/broadcast")" = 644 ]
ok "the console opens the room: mode 1730, the trainer's files 0644"
run_says 1 'for the workshop "demo" is already running' tty_run \
    --trainer demo --workshop-file "$WS" && [ -e "$ROOM/trainer" ]
ok "a second console for the same workshop is refused, the first goes on"

# --- 28 linear participants, one after the other, so that seat i is i
for i in $(seq 1 $NLINEAR); do
	mkfifo "$T_DIR/in$i"
	env -u LC_ALL -u LANGUAGE $T_ENV $ENV "$OPTOUT" --shared \
	    --workshop demo --linear < "$T_DIR/in$i" > "$T_DIR/out$i" 2>&1 &
	PIDS[i]=$!
	exec {fd}> "$T_DIR/in$i"
	FDS[i]=$fd
	poll 5 test -e "$ROOM/seat-$i" || break
done
[ -e "$ROOM/seat-$NLINEAR" ]
ok "28 linear participants take seats 1 to 28 in the order they join"

# The profile's language is German: the welcome screen says so.
said 1 "Widerspruch gegen KI-Training" && poll 3 said 1 \
    "Sie haben Platz 1 in diesem Workshop"
ok "the workshop's default language (de) greets the participants"

# --- 2 full-screen participants in tmux: seats 29 and 30
for s in 29 30; do
	tm2 new-session -d -s "p$s" -x 80 -y 24 \
	    "env -u LC_ALL -u LANGUAGE $T_ENV $ENV $OPTOUT --shared --workshop demo"
	poll 5 test -e "$ROOM/seat-$s"
done
poll 5 seat_shows p29 "Platz 29" && poll 5 seat_shows p30 "Platz 30"
ok "2 full-screen participants take seats 29 and 30 and see their numbers"

# --- what the participants do (English, for myself, then):
for i in $(seq 1 8); do answer $i '2\n\n'; done	# LinkedIn: explanation
for i in $(seq 9 15); do answer $i '2\n\n\n\n'; done	# LinkedIn: steps
for i in $(seq 16 21); do answer $i '2\n\n\n\n\n1\n'; done	# done
for i in 22 23 24; do answer $i '2\n\n\n\n\n4\n'; done	# "I need help"
# 25, 26: still at the welcome screen
for i in 27 28; do answer $i '2\n\nh\n'; done	# a raised hand
tm2 send-keys -t p29 Down Enter; poll 3 seat_shows p29 "Who is objecting?"
tm2 send-keys -t p29 Enter					# LinkedIn

poll 3 seat_shows p29 "LinkedIn: what happens" &&
    ! seat_shows p29 "Which platforms" && poll 3 said 1 "LinkedIn: what happens" &&
    ! said 1 "Which platforms do you use"
ok "the profile fixes the platforms: participants skip the list and start with LinkedIn"

# LinkedIn: 8 linear + 2 hands + seat 29 read the explanation, 7 follow
# the steps, 6 are done, 3 asked for help and 2 raised a hand; Facebook:
# the 6 done and the 3 helped read its explanation.
poll 8 trainer_has '^  LinkedIn +11 +7 +6 +5$'
ok "LinkedIn's row: 11 at the explanation, 7 at the steps, 6 done, 5 need help"
trainer_has '^  Facebook +9 +0 +0 +0$' && trainer_has '^  Instagram +0 +0 +0 +0$'
ok "Facebook's row: 9 at the explanation; Instagram's: nobody yet"
trainer_has 'Seats: 30 joined, 30 here\. Still choosing: 3\. At the summary: 0\.'
ok "30 seats joined and are here; 3 are still choosing"
trainer_says 'Need help: seats 22 (Facebook), 23 (Facebook), 24 (Facebook), 27 (LinkedIn), 28 (LinkedIn)'
ok "the seats that need help are named, each with where it is"

# --- a raised hand shows within 1 s (the console reads every 400 ms)
start=$(date +%s%N)
tm2 send-keys -t p30 h
poll 1 trainer_says '27 (LinkedIn), 28 (LinkedIn), 30 m message'
ok "seat 30 raises its hand on the welcome screen: the trainer sees it within 1 s"
echo "# the hand showed after $((($(date +%s%N) - start) / 1000000)) ms"
poll 3 seat_shows p30 "Ihre Hand ist oben" && seat_shows p30 "Platz 30"
ok "the participant is told that the hand is up and which seat it is"

# --- a message to every seat
keys m
wait_for "Message to every seat:"
keys -l "Coffee at 11, back at 11:15"
keys Enter
wait_for "Sent to 30 seats" && poll 3 all_said "Coffee at 11, back at 11:15"
ok "a message reaches all 28 linear seats"
poll 3 seat_shows p29 "Coffee at 11, back at 11:15" &&
    seat_shows p29 "Message from your trainer" &&
    poll 3 seat_shows p30 "Coffee at 11"
ok "the message covers both full-screen seats"
tm2 send-keys -t p29 x
poll 3 seat_shows p29 "LinkedIn: what happens" && ! seat_shows p29 "Coffee"
ok "a key puts it away and the seat is where it was"
said_twice() {		# said_twice N TEXT: on two lines of its output
	[ "$(grep -c -- "$2" "$T_DIR/out$1")" = 2 ]
}
poll 3 said 1 "Press Enter to go on." && answer 1 '\n' &&
    poll 3 said_twice 1 'LinkedIn: what happens' 
ok "in the linear mode, Enter puts it away and the same page comes again"

# a pause, in the seat's own language
keys p
poll 3 seat_shows p29 "Please look up" && poll 3 said 25 "Bitte schauen Sie auf"
ok "a pause reaches the seats, each in its own language"

# --- a seat whose last key was 10 minutes ago (written here as a session
# would write it; its process is a sleep of ours) is listed as idle
sleep 60 &
SLEEPER=$!
PIDS+=("$SLEEPER")
printf 'optout-seat 1\npid %s\nstart 0\nstage start\nhand 0\nactive %s\n' \
    "$SLEEPER" $(($(date +%s) - 600)) > "$ROOM/.seat-99" &&
    mv "$ROOM/.seat-99" "$ROOM/seat-99"
poll 3 trainer_says "No key for 5 minutes or more: seats 99" &&
    trainer_says "Seats: 31 joined, 31 here"
ok "a seat without a key for the profile's idle minutes is listed as idle"
kill "$SLEEPER"
poll 3 trainer_says "Left or gone: seats 99" && trainer_says "31 joined, 30 here"
ok "when its process ends, the seat is listed as gone and no longer counted"

# --- the console in German and back, counts and all
keys d
poll 3 trainer_says "Konsole der Kursleitung" &&
    trainer_says "Nachricht an alle" && trainer_says "e English" &&
    trainer_has '^  LinkedIn +11 +7 +6 +5$'
ok "d shows the console in German, e (named English) leads back"
tm resize-window -x 60 -y 24
poll 3 trainer_has '^  LinkedIn +11 +7 +6 +5$' && trainer_says "Hilfe nötig"
ok "at 60 columns the German headings fit and no number is cut off"
tm resize-window -x 80 -y 24
keys e
poll 3 trainer_says "trainer's console" && trainer_says "d Deutsch" &&
    trainer_says "30 here"
ok "e shows it in English again, the same counts"

# --- the trainer leaves: the room is removed, participants go on
keys q
wait_for "End the workshop?"
keys Enter
wait_exit 5 && [ "$T_RC" = 0 ] && poll 3 room_gone &&
    said_flat 'the workshop "demo" has ended; nothing of it is left'
ok "leaving the console ends the workshop: nothing of it is left on disk"
all_alive() {
	local i
	for i in $(seq 1 $NLINEAR); do
		alive "${PIDS[i]}" || return 1
	done
}
all_alive && answer 9 '\n\n' &&
    poll 5 said 9 "The trainer's console has closed" && poll 3 said 9 "LinkedIn: what happened?" &&
    room_gone
ok "every participant keeps working, alone, and writes nothing there"

# --- a console killed with SIGKILL leaves its room; the next removes it
for i in $(seq 1 $NLINEAR); do exec {FDS[i]}>&-; done
end_server "$T_SOCK_BASE-p"
for i in $(seq 1 $NLINEAR); do wait "${PIDS[i]}" 2>/dev/null; done
PIDS=()
start_optout 80 24 "$ENV" --trainer demo --workshop-file "$WS"
wait_for "trainer's console"
mkfifo "$T_DIR/in-late"
env -u LC_ALL -u LANGUAGE $T_ENV $ENV "$OPTOUT" --shared --workshop demo \
    --linear < "$T_DIR/in-late" > "$T_DIR/out-late" 2>&1 &
PIDS[1]=$!
exec {late}> "$T_DIR/in-late"
poll 5 test -e "$ROOM/seat-1"
kill -KILL "$(sed -n 's/^pid //p' "$ROOM/trainer")"	# the console's own
poll 3 exited
exec {late}>&-
wait "${PIDS[1]}"
PIDS=()
[ -e "$ROOM/seat-1" ] && [ -e "$ROOM/trainer" ]
ok "a console killed with SIGKILL leaves its room behind"
start_optout 80 24 "$ENV" --trainer demo --workshop-file "$WS"
wait_for "Removed what 1 console that ended without cleaning up had left." &&
    [ ! -e "$ROOM/seat-1" ] && on_screen "Seats: 0 joined"
ok "the next console removes it and opens an empty room"
keys q Enter
wait_exit 5 && [ "$T_RC" = 0 ] && room_gone
ok "ending that console, too, leaves nothing on disk"

# a hang-up (the trainer's terminal closed) ends the workshop as cleanly
start_optout 80 24 "$ENV" --trainer demo --workshop-file "$WS"
wait_for "trainer's console" && poll 3 test -e "$ROOM/trainer"
kill -HUP "$(sed -n 's/^pid //p' "$ROOM/trainer")"
wait_exit 5 && [ "$T_RC" = 129 ] && room_gone
ok "a hang-up ends the console with status 129 and removes the room"
finish
