#!/bin/bash
# A workshop host: a real sshd on loopback with the Match block of
# docs/examples/sshd_optout.conf, and everything a curious participant might
# try instead of the wizard: a shell, a command, scp, sftp, forwardings, an
# environment variable. Each must end in optout or in nothing. Then the
# account for screen readers (docs/examples/sshd_optout_linear.conf): plain
# lines. Needs root (a real sshd and a throwaway user); otherwise every
# check is a visible skip.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
NTESTS=19
plan $NTESTS

EXAMPLE="$top_srcdir/docs/examples/sshd_optout.conf"
LINEAR_EXAMPLE="$top_srcdir/docs/examples/sshd_optout_linear.conf"
SSHD=/usr/sbin/sshd
TUSER=
TUSER_MADE=
SSHD_BG=
BG_PIDS=
SCP_CANARY=/tmp/optout-sshd-canary-$$

# ok_show FILE DESCRIPTION: ok, and on failure what FILE holds.
ok_show() {
	local rc=$?
	T_LAST_SCREEN=
	(exit $rc)
	ok "$2"
	if [ $rc -ne 0 ]; then
		echo "# $(basename "$1") was:"
		sed 's/^/#   /' "$1"
	fi
}

port_open() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

no_user_procs() {
	! pgrep -u "$TUSER" >/dev/null
}

proc_gone() {		# proc_gone PID: the process has ended (a zombie has)
	[ ! -e "/proc/$1" ] || [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" = Z ]
}

sshd_stop() {
	if [ -s "$T_DIR/sshd.pid" ]; then
		kill "$(cat "$T_DIR/sshd.pid")" 2>/dev/null
		rm -f "$T_DIR/sshd.pid"
	fi
	if [ -n "$SSHD_BG" ]; then
		# no pid file (sshd failed early): the pid we started it with
		poll 2 proc_gone "$SSHD_BG" || kill "$SSHD_BG" 2>/dev/null
		wait "$SSHD_BG" 2>/dev/null
	fi
	SSHD_BG=
}

sshd_start() {		# sshd_start: true once it listens on $PORT
	"$SSHD" -D -f "$T_DIR/sshd_config" -E "$T_DIR/sshd.log" &
	SSHD_BG=$!
	poll 5 port_open "$PORT" && [ -s "$T_DIR/sshd.pid" ]
}

sshd_cleanup() {
	local pid
	tm kill-server 2>/dev/null
	for pid in $BG_PIDS; do
		kill "$pid" 2>/dev/null
	done
	sshd_stop
	if [ -n "$TUSER_MADE" ]; then
		# only the throwaway user's own processes, each by its id
		for pid in $(pgrep -u "$TUSER"); do
			kill -KILL "$pid" 2>/dev/null
		done
		poll 5 no_user_procs
		userdel "$TUSER" >/dev/null 2>&1
	fi
	rm -f "$SCP_CANARY"
	cleanup
}
trap sshd_cleanup EXIT

# --- what is needed, or a visible skip
[ "$(id -u)" = 0 ] || skip_rest "needs root (a real sshd and a test user)"
for c in "$SSHD" ssh scp sftp ssh-keygen useradd usermod userdel runuser; do
	command -v "$c" >/dev/null 2>&1 ||
	    skip_rest "$c is missing (build-aux/install-deps installs it)"
done
[ -x "$OPTOUT" ] || skip_rest "$OPTOUT is not built"

# --- a throwaway user: /bin/sh, a home that belongs to root and is read-only
TUSER=$(printf 'optt%s' "$$" | cut -c1-31)
chmod 0755 "$T_DIR"
mkdir "$T_DIR/home" "$T_DIR/keys"
chmod 0555 "$T_DIR/home"
if getent passwd "$TUSER" >/dev/null; then
	skip_rest "a user $TUSER exists already"
fi
useradd -M -d "$T_DIR/home" -s /bin/sh "$TUSER" 2>"$T_DIR/useradd.err" ||
    skip_rest "useradd failed: $(head -1 "$T_DIR/useradd.err")"
TUSER_MADE=1
usermod -p '*' "$TUSER"		# unlocked for keys; there is no password
runuser -u "$TUSER" -- "$OPTOUT" --version >/dev/null 2>&1 &&
    runuser -u "$TUSER" -- test -r "$top_srcdir/config/platforms/linkedin.cfg" ||
    skip_rest "user $TUSER cannot run $OPTOUT or read its catalog"

ssh-keygen -q -t ed25519 -N '' -C optout-test-host -f "$T_DIR/host_key"
ssh-keygen -q -t ed25519 -N '' -C optout-test-client -f "$T_DIR/client_key"
cp "$T_DIR/client_key.pub" "$T_DIR/keys/$TUSER"
chmod 0644 "$T_DIR/keys/$TUSER"
mkdir -p /run/sshd

# --- three ports in a row, chosen by our pid, so that parallel runs (whose
# pids are often neighbours) do not meet
PORT=
for try in 0 1 2 3 4; do
	p=$((20000 + (($$ + try * 1997) % 6000) * 3))
	if ! port_open $p && ! port_open $((p + 1)) && ! port_open $((p + 2)); then
		PORT=$p
		break
	fi
done
[ -n "$PORT" ] || skip_rest "no three free ports in a row found"
LP=$((PORT + 1))	# local forwarding
RP=$((PORT + 2))	# remote forwarding

# --- the configuration: our own parts, then the documented file verbatim
# with only the user name and the path of the binary put in.
own_config() {
	cat <<-EOF
	Port $PORT
	ListenAddress 127.0.0.1
	HostKey $T_DIR/host_key
	PidFile $T_DIR/sshd.pid
	UsePAM no
	StrictModes no
	AuthorizedKeysFile $T_DIR/keys/%u
	PubkeyAuthentication yes
	PasswordAuthentication no
	KbdInteractiveAuthentication no
	PermitRootLogin no
	AllowUsers $TUSER
	# as in Debian's sshd_config: the ForceCommand must win over it
	Subsystem sftp internal-sftp
	LogLevel VERBOSE
	EOF
	# A sanitizer build's leak check at exit stops the process with
	# ptrace, and the hang-up of a dropped link (check 16) can cancel that
	# stop: optout would hang in LeakSanitizer for ever (see end_server in
	# lib.sh). Leaks are checked by the tests that end optout themselves.
	if [ -n "$T_SAN" ]; then
		echo "SetEnv ASAN_OPTIONS=detect_leaks=0"
	fi
}
# example FILE ACCOUNT USER: FILE with USER for ACCOUNT and our binary
example() {
	sed -e "s|^Match User $2\$|Match User $3|" \
	    -e "s|^\(	*ForceCommand \)/usr/local/bin/optout |\1$OPTOUT |" \
	    "$1"
}
{
	own_config
	example "$EXAMPLE" optout "$TUSER"
} > "$T_DIR/sshd_config"

# 1. The documented file is one sshd takes, and the test really uses it.
grep -qx "Match User $TUSER" "$T_DIR/sshd_config" &&
grep -qx "	ForceCommand $OPTOUT --shared" "$T_DIR/sshd_config" &&
"$SSHD" -t -f "$T_DIR/sshd_config" > "$T_DIR/sshd-t.out" 2>&1
ok_show "$T_DIR/sshd-t.out" "sshd accepts docs/examples/sshd_optout.conf (sshd -t)"
[ "$T_FAILED" = 0 ] || skip_rest "the configuration does not work"
sshd_start || skip_rest "sshd did not start: $(tail -1 "$T_DIR/sshd.log")"

SSH_O=(-F /dev/null -i "$T_DIR/client_key" -o StrictHostKeyChecking=no
    -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o ConnectTimeout=5)
SSH=(ssh "${SSH_O[@]}" -o LogLevel=ERROR -p "$PORT")
SCP=(scp "${SSH_O[@]}" -o LogLevel=ERROR -P "$PORT")
SFTP=(sftp "${SSH_O[@]}" -o LogLevel=ERROR -P "$PORT")
SSH_LINE=$(printf '%q ' "${SSH[@]}")
TARGET="$TUSER@127.0.0.1"
WIZARD="Object to AI training"

# start_ssh COMMAND: COMMAND in a fresh 80x24 tmux; its status in $T_DIR/rc
start_ssh() {
	poll 5 no_user_procs	# nothing left from the session before
	rm -f "$T_DIR/rc" "$T_DIR/rc.tmp"
	tm kill-server 2>/dev/null
	T_STARTS=$((T_STARTS + 1))
	T_SOCK="$T_SOCK_BASE-$T_STARTS"
	tm new-session -d -x 80 -y 24 \
	    "$1; echo \$? > $T_DIR/rc.tmp; mv $T_DIR/rc.tmp $T_DIR/rc"
}

# only_optout: the user runs the session's sshd, the ForceCommand's shell
# and optout, nothing else, and nothing of it is stopped.
only_optout() {
	local stat args seen=1
	while read -r stat args; do
		case $stat in *T*) return 1 ;; esac
		case $args in
		"sshd: $TUSER@pts/"*|"sh -c $OPTOUT --shared") ;;
		"$OPTOUT --shared") seen=0 ;;
		*) echo "# unexpected: $stat $args"; return 1 ;;
		esac
	done < <(ps -u "$TUSER" -o stat=,args=)
	return $seen
}

# prompt_seen: a line of the terminal, scrollback included, ends like a
# shell prompt.
prompt_seen() {
	T_LAST_SCREEN=$(tm capture-pane -p -S - 2>/dev/null)
	printf '%s\n' "$T_LAST_SCREEN" | grep -qE '(^|[^[:alnum:]])[$#]$'
}

# 2. ssh -tt: the wizard, and no LANG reaches it.
start_ssh "$SSH_LINE -tt $TARGET"
wait_for "$WIZARD" 10 && on_screen "optout | $WIZARD"
ok "ssh -tt shows the wizard, in English and ASCII (no LANG arrives)"

# 3. The keys that stop or kill other programs.
keys C-z; keys 'C-\'; keys '?'
wait_for "optout | Help" && keys Escape && wait_for "optout | $WIZARD" &&
    only_optout && ! prompt_seen
ok "Ctrl-Z and Ctrl-\\ change nothing: optout reads on, no shell appears"

# 4. Ctrl-C is a key that asks.
keys C-c
wait_for "Quit optout?" && on_screen "Yes, quit" && only_optout
ok "Ctrl-C asks \"Quit optout?\" and sends no signal"

# 5. Yes: the connection ends, never in a shell.
keys Enter
wait_exit 5 && [ "$T_RC" = 0 ] && poll 3 no_user_procs && ! prompt_seen
ok "quitting ends the connection (ssh status 0), never a shell"

# 6, 7. A command instead of the wizard: optout says what it needs.
no_terminal_said() {	# no_terminal_said FILE: optout's words, nothing else
	! grep -q 'uid=' "$1" &&
	grep -q 'optout: This needs an interactive terminal' "$1" &&
	! grep -q $'\e' "$1"
}
"${SSH[@]}" "$TARGET" id < /dev/null > "$T_DIR/id.out" 2>&1
rc=$?
[ $rc = 1 ] && no_terminal_said "$T_DIR/id.out"
ok_show "$T_DIR/id.out" "ssh host id: no id, the words 'needs an interactive terminal', no escape codes, status 1"

"${SSH[@]}" "$TARGET" sh -c id < /dev/null > "$T_DIR/shc.out" 2>&1
rc=$?
"${SSH[@]}" -T "$TARGET" < /dev/null > "$T_DIR/T.out" 2>&1
rcT=$?
cat "$T_DIR/T.out" >> "$T_DIR/shc.out"
[ $rc = 1 ] && [ $rcT = 1 ] && no_terminal_said "$T_DIR/shc.out" &&
    no_terminal_said "$T_DIR/T.out"
ok_show "$T_DIR/shc.out" "ssh host sh -c id and ssh -T host: the same"

# 8, 9. sftp: the subsystem is configured, but optout runs instead (sshd
# drops a subsystem's stderr, so its log tells what was started).
forced() {
	grep -cF "Starting session: forced-command (config) '$OPTOUT --shared'" \
	    "$T_DIR/sshd.log"
}
forced_more() {
	[ "$(forced)" -gt "$before" ]
}
before=$(forced)
printf '\0\0\0\5\1\0\0\0\3' |	# SSH_FXP_INIT, version 3
    "${SSH[@]}" -s "$TARGET" sftp > "$T_DIR/s.out" 2>&1
rc=$?
[ $rc != 0 ] && [ ! -s "$T_DIR/s.out" ] && poll 2 forced_more &&
    ! grep -q "subsystem 'sftp'" "$T_DIR/sshd.log"
ok_show "$T_DIR/s.out" "ssh -s host sftp: optout runs, no sftp server answers"

printf 'ls -1 /\n' | "${SFTP[@]}" -b - "$TARGET" > "$T_DIR/sftp.out" 2>&1
rc=$?
[ $rc != 0 ] && ! grep -qE '^/(etc|usr|tmp)|sftp>' "$T_DIR/sftp.out"
ok_show "$T_DIR/sftp.out" "sftp -b: no session, no file listing"

# 10. scp, over the sftp protocol (the default) and the old one (-O).
rm -f "$SCP_CANARY"
echo "not to be copied" > "$T_DIR/upload"
"${SCP[@]}" "$T_DIR/upload" "$TARGET:$SCP_CANARY" < /dev/null > "$T_DIR/scp.out" 2>&1
rc=$?
"${SCP[@]}" -O "$T_DIR/upload" "$TARGET:$SCP_CANARY" < /dev/null >> "$T_DIR/scp.out" 2>&1
rcO=$?
[ $rc != 0 ] && [ $rcO != 0 ] && [ ! -e "$SCP_CANARY" ]
ok_show "$T_DIR/scp.out" "scp (sftp and -O) fails and creates no file"

# 11. The client's command is never run, not even through a shell.
mkdir "$T_DIR/open"
chmod 0777 "$T_DIR/open"	# the user could delete the canary
echo canary > "$T_DIR/open/canary"
CANARY="$T_DIR/open/canary"
"${SSH[@]}" "$TARGET" rm -f "$CANARY" < /dev/null > "$T_DIR/rm.out" 2>&1
"${SSH[@]}" "$TARGET" "x; rm -f $CANARY; \$(rm -f $CANARY)" < /dev/null >> "$T_DIR/rm.out" 2>&1
[ -e "$CANARY" ]
ok_show "$T_DIR/rm.out" "ssh host rm -f CANARY (also with ; and \$()) leaves it in place"

# 12. Local forwarding: the client listens, the server opens nothing.
# (ExitOnForwardFailure: if the port were taken, the client would end, and
# we would not read from someone else's listener.)
"${SSH[@]}" -o ExitOnForwardFailure=yes -N -L "127.0.0.1:$LP:127.0.0.1:$PORT" \
    "$TARGET" < /dev/null > "$T_DIR/L.out" 2>&1 &
lpid=$!
BG_PIDS="$BG_PIDS $lpid"
banner=none
if poll 5 port_open "$LP"; then
	banner=$(timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$LP && head -c 7 <&3" 2>/dev/null)
	if proc_gone "$lpid"; then
		echo "ssh -L had ended: port $LP was not its own" >> "$T_DIR/L.out"
		banner=none
	fi
else
	echo "ssh -L never listened on $LP" >> "$T_DIR/L.out"
fi
kill "$lpid" 2>/dev/null
wait "$lpid" 2>/dev/null
[ "$banner" != none ] && [ "$banner" != "SSH-2.0" ]
ok_show "$T_DIR/L.out" "ssh -L: the server opens no connection (no SSH-2.0 banner through it)"

# 13. Remote forwarding is refused at once.
timeout 10 "${SSH[@]}" -o ExitOnForwardFailure=yes -N \
    -R "127.0.0.1:$RP:127.0.0.1:22" "$TARGET" < /dev/null > "$T_DIR/R.out" 2>&1
rc=$?
[ $rc != 0 ] && [ $rc != 124 ] && ! port_open "$RP"
ok_show "$T_DIR/R.out" "ssh -R is refused and ssh exits with an error"

# 14, 15. An environment variable sent along is not taken. The client's own
# complaint about the missing library goes to its stderr, a file; what the
# server side prints arrives in the terminal.
start_ssh "LD_PRELOAD=/nonexistent-optout-test.so $(printf '%q ' ssh -o LogLevel=DEBUG1 \
    -o SendEnv=LD_PRELOAD "${SSH_O[@]}" -p "$PORT") -tt $TARGET 2> $T_DIR/sendenv.err"
wait_for "$WIZARD" 10 && pid=$(pgrep -u "$TUSER" -x optout) &&
    grep -q 'env LD_PRELOAD = ' "$T_DIR/sendenv.err" &&
    ! tr '\0' '\n' < "/proc/$pid/environ" | grep -q '^LD_PRELOAD='
ok "SendEnv=LD_PRELOAD: the wizard starts, and its environment has no LD_PRELOAD"
keys C-c; wait_for "Quit optout?"; keys Enter; wait_exit 5
T_LAST_SCREEN=$(tm capture-pane -p -S - 2>/dev/null)
! printf '%s\n' "$T_LAST_SCREEN" | grep -qiE 'ld\.so|LD_PRELOAD'
ok "... and nothing in the terminal mentions ld.so or LD_PRELOAD"

# 16. The link drops: optout ends with it.
start_ssh "$SSH_LINE -tt $TARGET"
wait_for "$WIZARD" 10
opid=$(pgrep -u "$TUSER" -x optout)
cpid=$(pgrep -P "$(tm display -p '#{pane_pid}')" -x ssh)
[ -n "$opid" ] && [ -n "$cpid" ] && kill -KILL "$cpid" && poll 2 proc_gone "$opid"
ok "when the ssh client dies, optout on the host ends within 2 s"

# 17. An idle session is closed: the documented ChannelTimeout, shortened.
sshd_stop
sed -i 's/^ChannelTimeout session:\*=30m$/ChannelTimeout session:*=3s/' \
    "$T_DIR/sshd_config"
if grep -qx 'ChannelTimeout session:\*=3s' "$T_DIR/sshd_config" && sshd_start; then
	start_ssh "$SSH_LINE -tt $TARGET"
	wait_for "$WIZARD" 10
	opid=$(pgrep -u "$TUSER" -x optout)
	t0=$(date +%s)
	[ -n "$opid" ] && poll 10 exited && poll 2 proc_gone "$opid" &&
	    [ $(($(date +%s) - t0)) -ge 2 ]
else
	echo "# the file has no 'ChannelTimeout session:*=30m', or sshd did not start again"
	false
fi
ok "an idle session is closed by ChannelTimeout (30m, here 3 s), and optout with it"

# 18. The account for screen readers, after the first one: the first now
# matches nobody, the linear one our user.
sshd_stop
{
	own_config
	example "$EXAMPLE" optout "nobody-optout-$$"
	example "$LINEAR_EXAMPLE" optout-lines "$TUSER"
} > "$T_DIR/sshd_config"
grep -qx "Match User $TUSER" "$T_DIR/sshd_config" &&
grep -qx "	ForceCommand $OPTOUT --shared --linear" "$T_DIR/sshd_config" &&
"$SSHD" -t -f "$T_DIR/sshd_config" > "$T_DIR/sshd-t.out" 2>&1 && sshd_start
ok_show "$T_DIR/sshd-t.out" "sshd takes docs/examples/sshd_optout_linear.conf after sshd_optout.conf"

# 19. ssh -tt to it: plain lines at once, answered line by line, Ctrl-C
# asks, and not one escape byte from the host.
start_ssh "$SSH_LINE -tt $TARGET"
tm pipe-pane -o "cat > $T_DIR/linear.raw"
wait_for "Type a number from 1 to 2" 10 && on_screen "1) Deutsch" &&
keys 2 Enter && wait_for "Who is objecting?" && keys 2 Enter &&
wait_for "Type the numbers to tick" && keys C-c &&
wait_for "Quit optout?" &&
keys 1 Enter && wait_exit 5 && [ "$T_RC" = 0 ] &&
[ -s "$T_DIR/linear.raw" ] && ! grep -q $'\e' "$T_DIR/linear.raw" &&
! grep -q "optout |" "$T_DIR/linear.raw"
ok "ssh -tt to the screen-reader account: the linear mode, Ctrl-C asks, no escape bytes"

finish
