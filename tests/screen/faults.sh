#!/bin/bash
# The disk says no: a really full filesystem, a read-only state directory,
# no HOME. Each time the person sees why nothing is saved, the session goes
# on, and the state saved before stays byte for byte as it was.
#
# As root the test mounts what it needs (a 256 KiB tmpfs that it fills, a
# read-only bind mount) in a mount namespace of its own, so that nothing
# outlives it; without root, a directory without write permission stands
# in for the read-only one, and the full disk is a visible skip.
if [ "$(id -u)" = 0 ] && [ -z "${OPTOUT_FAULTS_NS:-}" ] &&
    command -v unshare >/dev/null 2>&1 &&
    OPTOUT_FAULTS_NS=1 unshare -m --propagation private true 2>/dev/null; then
	OPTOUT_FAULTS_NS=1 exec unshare -m --propagation private \
	    /bin/bash "$0" "$@"
fi
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 11

MOUNTS=
can_mount=
if [ -n "${OPTOUT_FAULTS_NS:-}" ]; then
	can_mount=1
fi
umount_all() {
	local m
	for m in $MOUNTS; do
		umount -l "$m" 2>/dev/null
	done
	MOUNTS=
}
trap 'end_server "$T_SOCK"; umount_all; cleanup' EXIT

# to_platforms: from the welcome screen to the platform list.
to_platforms() {
	wait_for "Object to AI training"; keys Enter
	wait_for "Who is objecting?"; keys Enter
	wait_for "Which platforms"
}

# state_in DIR: the state file when XDG_STATE_HOME is DIR.
state_in() {
	echo "$1/optout/progress.cfg"
}

no_temp_files() {
	! ls -a "$(dirname "$1")" | grep -q '\.tmp\.'
}

# --- 1. A full disk.
if [ -n "$can_mount" ] && mkdir -p "$T_DIR/full" &&
    mount -t tmpfs -o size=256k,mode=0700 optout-test "$T_DIR/full"; then
	MOUNTS="$T_DIR/full"
	state=$(state_in "$T_DIR/full")
	start_optout 80 24 "LANG=C.UTF-8 XDG_STATE_HOME=$T_DIR/full" --lang en
	to_platforms; keys 3; wait_for "[x] LinkedIn"
	poll 2 grep -q '"linkedin"; selected = true' "$state"
	cp "$state" "$T_DIR/before.cfg"
	# fill it up: dd stops at "No space left on device"
	dd if=/dev/zero of="$T_DIR/full/filler" bs=4096 2>/dev/null
	! dd if=/dev/zero of="$T_DIR/full/more" bs=1 count=1 2>/dev/null
	ok "the state directory's filesystem is really full (ENOSPC)"
	keys 1; wait_for "Not saved:"
	on_screen_flat "No space left on device" && on_screen "[x] Facebook"
	ok "full disk: the person reads why nothing was saved; the tick stays on screen"
	keys Enter; wait_for "what happens to your data"
	on_screen "Not saved:"; ok "full disk: the session goes on, the warning with it"
	cmp -s "$T_DIR/before.cfg" "$state" && no_temp_files "$state"
	ok "full disk: the state saved before is byte for byte the same, no temp file left"
	rm -f "$T_DIR/full/filler" "$T_DIR/full/more"
	press_until Enter "where are you doing it?"; keys Enter
	wait_for "step by step"; press_until Enter "what happened?"; keys Enter
	wait_for "Summary"; wait_gone "Not saved:"
	grep -q '"facebook"; selected = true' "$state" &&
	    grep -q '"linkedin"; selected = true' "$state"
	ok "once there is room again, the next save holds everything"
	end_server "$T_SOCK"
	umount_all
else
	for what in "the filesystem is full" "a message" "the session goes on" \
	    "the old state stays" "saving resumes"; do
		T_N=$((T_N + 1))
		echo "ok $T_N # SKIP full disk ($what): needs root to mount a small tmpfs"
	done
fi

# --- 2. A read-only state directory.
ro="$T_DIR/ro"
state=$(state_in "$ro")
start_optout 80 24 "LANG=C.UTF-8 XDG_STATE_HOME=$ro" --lang en
to_platforms; keys 3; wait_for "[x] LinkedIn"
poll 2 grep -q '"linkedin"; selected = true' "$state"
keys q Enter; wait_exit
cp "$state" "$T_DIR/before.cfg"
how=
if [ -n "$can_mount" ] && mount --bind "$ro" "$ro" &&
    mount -o remount,bind,ro "$ro"; then
	MOUNTS="$ro"
	how="a read-only mount"
	reason="Read-only file system"
elif [ "$(id -u)" != 0 ]; then
	chmod 0500 "$ro/optout"
	how="a directory without write permission"
	reason="Permission denied"
fi
if [ -n "$how" ]; then
	start_optout 80 24 "LANG=C.UTF-8 XDG_STATE_HOME=$ro" --lang en
	wait_for "Object to AI training"; keys Enter
	wait_for "Who is objecting?"; keys Enter; wait_for "Which platforms"
	keys 1; wait_for "Not saved:"
	on_screen_flat "$reason" && on_screen "[x] Facebook" &&
	    on_screen "[x] LinkedIn"
	ok "read-only state directory ($how): the person reads why nothing was saved"
	keys Enter; wait_for "what happens to your data"
	on_screen "Not saved:"; ok "read-only state directory: the session goes on"
	keys q Enter; wait_exit
	cmp -s "$T_DIR/before.cfg" "$state"
	ok "read-only state directory: the state saved before is byte for byte the same"
	umount_all
	chmod 0700 "$ro/optout"
else
	for what in "a message" "the session goes on" "the old state stays"; do
		T_N=$((T_N + 1))
		echo "ok $T_N # SKIP read-only directory ($what): root cannot be refused by permissions, and mount is not allowed here"
	done
fi

# --- 3. No HOME at all (and no XDG_STATE_HOME): nowhere to save.
home_state=$(state_in "$T_DIR/home/.local/state")
mkdir -p "$(dirname "$home_state")"
cp "$T_DIR/before.cfg" "$home_state"
OPTOUT="env -u HOME -u XDG_STATE_HOME $OPTOUT" \
    start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "Object to AI training"
on_screen_flat "Not saved: HOME is not set"
ok "without HOME: the welcome screen says that nothing can be saved"
keys Enter; wait_for "Who is objecting?"; keys Enter
wait_for "Which platforms"; keys 3; wait_for "[x] LinkedIn"
on_screen "Not saved:"; ok "without HOME: the session goes on, ticks work"
keys q Enter; wait_exit
[ "$T_RC" = 0 ] && cmp -s "$T_DIR/before.cfg" "$home_state" &&
    [ ! -e "$T_DIR/home/.local/state/optout/progress.cfg.lock" ] &&
    [ ! -e "/.local/state/optout" ]
ok "without HOME: it ends normally and touches no state file anywhere"
finish
