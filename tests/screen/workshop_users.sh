#!/bin/bash
# The workshop's permission model with real Unix users, set up as
# docs/deployment.md (part 4) says, the base directory made from the line
# of docs/examples/optout-tmpfiles.conf: a trainer's account that owns it,
# and participants in a group the trainer is not in. One
# participant must not read, change, remove or forge another's seat, nor
# the trainer's message; the trainer reads every seat; nothing stays.
# Needs root (useradd); otherwise every check is a visible skip.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
NTESTS=14
plan $NTESTS

SUFFIX=$(printf '%s' "$$" | tail -c 6)
GROUP=optws$SUFFIX
TRAINER=optt$SUFFIX
PA=opta$SUFFIX
PB=optb$SUFFIX
MADE_USERS=()
MADE_GROUP=
PIDS=()
BASE="$T_DIR/run"		# stands for /run/optout
ROOM="$BASE/demo"
WS="$T_DIR/workshops.cfg"

no_procs() {		# no_procs USER: nothing of USER runs
	! pgrep -u "$1" >/dev/null
}

users_cleanup() {
	local pid u
	end_server "$T_SOCK"	# never tm kill-server: see lib.sh
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null
	done
	for u in "${MADE_USERS[@]}"; do
		for pid in $(pgrep -u "$u"); do	# each by its id
			kill -KILL "$pid" 2>/dev/null
		done
		poll 5 no_procs "$u"
		userdel "$u" >/dev/null 2>&1
	done
	[ -n "$MADE_GROUP" ] && groupdel "$GROUP" >/dev/null 2>&1
	cleanup
}
trap users_cleanup EXIT

[ "$(id -u)" = 0 ] || skip_rest "needs root (useradd, two participants and a trainer)"
for c in useradd userdel groupadd groupdel runuser install; do
	command -v "$c" >/dev/null 2>&1 ||
	    skip_rest "$c is missing (build-aux/install-deps installs it)"
done
[ -x "$OPTOUT" ] || skip_rest "$OPTOUT is not built"
for u in "$TRAINER" "$PA" "$PB"; do
	getent passwd "$u" >/dev/null && skip_rest "a user $u exists already"
done
getent group "$GROUP" >/dev/null && skip_rest "a group $GROUP exists already"

# --- the set-up of docs/deployment.md, part 4
groupadd "$GROUP" || skip_rest "groupadd failed"
MADE_GROUP=1
useradd -M -d / -s /bin/sh "$TRAINER" || skip_rest "useradd failed"
MADE_USERS+=("$TRAINER")
for u in "$PA" "$PB"; do
	useradd -M -d / -s /bin/sh -G "$GROUP" "$u" || skip_rest "useradd failed"
	MADE_USERS+=("$u")
done
chmod 0755 "$T_DIR"
# the directory as docs/examples/optout-tmpfiles.conf makes /run/optout
read -r type path mode owner group rest < <(grep '^d ' \
    "$top_srcdir/docs/examples/optout-tmpfiles.conf")
[ "$type $path $owner $group" = "d /run/optout optout-trainer optout-ws" ] ||
    skip_rest "docs/examples/optout-tmpfiles.conf has no line for /run/optout"
install -d -o "$TRAINER" -g "$GROUP" -m "$mode" "$BASE"
cat > "$WS" <<'EOF'
workshops = {
  demo = {
    platforms = [ "linkedin", "facebook" ];
    lang = "en";
  };
};
EOF
chmod 0644 "$WS"
runuser -u "$PA" -- "$OPTOUT" --version >/dev/null 2>&1 ||
    skip_rest "user $PA cannot run $OPTOUT"
ENV="LANG=C.UTF-8 OPTOUT_RUNTIME_DIR=$BASE HOME=/ XDG_STATE_HOME= XDG_CONFIG_HOME="

as() {			# as USER COMMAND...: run it as that user
	local u=$1
	shift
	runuser -u "$u" -- "$@" 2>/dev/null
}

# participant N USER: the linear mode through a pipe, as USER
participant() {
	mkfifo "$T_DIR/in$1"
	: > "$T_DIR/out$1"
	runuser -u "$2" -- env -u LC_ALL -u LANGUAGE $ENV "$OPTOUT" --shared \
	    --workshop demo --linear < "$T_DIR/in$1" > "$T_DIR/out$1" 2>&1 &
	PIDS[$1]=$!
	exec {fd}> "$T_DIR/in$1"
	eval "FD$1=$fd"
}

# the console in tmux, as the trainer's user
OPTOUT_BIN=$OPTOUT
OPTOUT="runuser -u $TRAINER -- env $ENV $OPTOUT_BIN"
start_optout 80 24 "" --trainer demo --workshop-file "$WS"
OPTOUT=$OPTOUT_BIN
wait_for "trainer's console"
ok "the trainer's console runs as $TRAINER, who owns the base"
[ "$(stat -c '%U %G %a' "$ROOM")" = "$TRAINER $GROUP 3730" ]
ok "the room belongs to the trainer and the participants' group: 3730"

participant 1 "$PA"
poll 5 test -e "$ROOM/seat-1"
participant 2 "$PB"
poll 5 test -e "$ROOM/seat-2"
[ "$(stat -c '%U %G %a' "$ROOM/seat-1")" = "$PA $GROUP 604" ] &&
    [ "$(stat -c '%U %G %a' "$ROOM/seat-2")" = "$PB $GROUP 604" ]
ok "each participant's seat is theirs, in the group, mode 0604"

printf '2\n\n' >&"$FD1"		# A: LinkedIn's explanation
printf 'h\n' >&"$FD2"		# B: a raised hand at the welcome screen
poll 5 on_screen_re '^  LinkedIn +1 +0 +0 +0$' &&
    poll 3 on_screen "Need help: seats 2" && on_screen "Seats: 2 joined, 2 here"
ok "the trainer reads both seats (not in their group, it reads as 'other')"

! as "$PB" cat "$ROOM/seat-1" >/dev/null && ! as "$PA" cat "$ROOM/seat-2" >/dev/null
ok "one participant cannot read another's seat"
! as "$PB" ls "$ROOM" >/dev/null
ok "nor list the room to find the seats"
! as "$PB" sh -c "printf 'optout-seat 1\n' > '$ROOM/seat-1'" &&
    ! as "$PB" rm -f "$ROOM/seat-1" && ! as "$PB" mv "$ROOM/seat-1" "$ROOM/x" &&
    [ "$(stat -c %U "$ROOM/seat-1")" = "$PA" ] &&
    grep -q '^stage explanation$' "$ROOM/seat-1"
ok "nor change, remove or rename it (the sticky bit)"

# B writes a seat that claims to be A's optout: the trainer ignores it
pid_a=$(sed -n 's/^pid //p' "$ROOM/seat-1")
as "$PB" sh -c "printf 'optout-seat 1\npid $pid_a\nstart 0\nstage steps\nplatform linkedin\nhand 1\nactive 1\n' > '$ROOM/seat-9'"
give_time 1		# more than two of the console's refreshes
[ -e "$ROOM/seat-9" ] && on_screen "Seats: 2 joined, 2 here" &&
    on_screen_re '^  LinkedIn +1 +0 +0 +0$' &&
    on_screen_flat "Need help: seats 2 m message to all"
ok "a seat forged for another user's optout is not counted"

printf 'optout-broadcast 1\nid 9\nkind message\ntext forged\n' > "$T_DIR/fake"
chmod 0644 "$T_DIR/fake"
! as "$PB" sh -c "printf x > '$ROOM/broadcast'" &&
    ! as "$PB" cp "$T_DIR/fake" "$ROOM/broadcast" &&
    as "$PB" cp "$T_DIR/fake" "$ROOM/mine" &&
    ! as "$PB" mv -f "$ROOM/mine" "$ROOM/broadcast" &&
    [ "$(stat -c %U "$ROOM/broadcast")" = "$TRAINER" ]
ok "a participant cannot write or replace the trainer's message"
as "$PB" cat "$ROOM/broadcast" >/dev/null && as "$PA" cat "$ROOM/profile" >/dev/null
ok "but can read it, and the profile"
! as nobody ls "$BASE/" >/dev/null && ! as nobody cat "$ROOM/broadcast" >/dev/null
ok "a user outside the group cannot even enter"

! grep -qE "$PA|$PB|$(id -u "$PA")" "$ROOM/seat-1" "$ROOM/seat-2"
ok "a seat holds no user name and no account data"

keys m; wait_for "Message to every seat:"
keys -l "Hello from the trainer"; keys Enter
poll 3 grep -q "Hello from the trainer" "$T_DIR/out1" &&
    poll 3 grep -q "Hello from the trainer" "$T_DIR/out2" &&
    ! grep -q forged "$T_DIR/out1" "$T_DIR/out2"
ok "the trainer's message reaches both participants, the forged one nobody"

keys q; wait_for "End the workshop?"; keys Enter
wait_exit 5 && [ "$T_RC" = 0 ] && [ ! -e "$ROOM" ] && [ -z "$(ls -A "$BASE")" ]
ok "when the trainer leaves, the room and every participant's file are gone"
finish
