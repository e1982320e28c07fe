#!/bin/bash
# The parsed catalog is cached: a second start with the same files opens
# no platform file, a change is seen at once, a damaged or unwritable
# cache goes unnoticed, a kiosk writes none, and the validator always
# reads every file.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 15
CATALOG="$top_srcdir/config/platforms"
CACHE="$T_DIR/home/.cache/optout/catalog.v1"
mkdir -p "$T_DIR/home"

run() {		# run ARGS...: optout without a terminal; T_RC, out, err
	env -u LC_ALL -u LANGUAGE $T_ENV LANG=C.UTF-8 ${T_MORE:-} "$OPTOUT" \
	    "$@" < /dev/null > "$T_DIR/out" 2> "$T_DIR/err"
	T_RC=$?
}

# LeakSanitizer cannot work under ptrace: a sanitizer build checks no
# leaks in the runs that strace watches (all the others it does).
NOLEAK="ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

# opened ARGS...: how many platform files optout opens (strace); "" and
# false without strace.
opened() {
	command -v strace > /dev/null || return 1
	rm -f "$T_DIR/trace"
	env -u LC_ALL -u LANGUAGE $T_ENV LANG=C.UTF-8 ${T_MORE:-} $NOLEAK \
	    strace -f -qq -e trace=open,openat -o "$T_DIR/trace" \
	    "$OPTOUT" "$@" < /dev/null > /dev/null 2>&1
	[ -f "$T_DIR/trace" ] || return 1	# strace may not trace here
	grep -c '\.cfg"' "$T_DIR/trace"
	return 0
}

skip() {	# skip DESCRIPTION: a check that needs strace
	T_N=$((T_N + 1))
	echo "ok $T_N # SKIP strace is not installed or cannot trace: $1"
}

run --list
cp "$T_DIR/out" "$T_DIR/first"
[ $T_RC = 0 ] && [ -s "$T_DIR/first" ] && [ ! -s "$T_DIR/err" ] &&
[ "$(stat -c %a "$CACHE")" = 600 ] && [ "$(stat -c %a "${CACHE%/*}")" = 700 ]
ok "--list keeps the parsed catalog in ~/.cache/optout/catalog.v1, private"

run --list
[ $T_RC = 0 ] && cmp -s "$T_DIR/first" "$T_DIR/out" && [ ! -s "$T_DIR/err" ]
ok "the second --list shows the same, from the cache"

nfiles=$(ls "$CATALOG"/*.cfg | wc -l)
if n=$(opened --list); then
	[ "$n" = 0 ]; ok "... and opens none of the $nfiles platform files (it opened $n)"
else
	skip "the second --list opens no platform file"
fi

if opened --version > /dev/null; then
	OPTOUT_REAL=$OPTOUT
	OPTOUT="strace -f -qq -e trace=open,openat -o $T_DIR/trace $OPTOUT_REAL"
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
	    start_optout 80 24 "LANG=C.UTF-8" --lang en
	OPTOUT=$OPTOUT_REAL
	wait_for "Object to AI training" 10; keys q; wait_for "Quit optout?"
	keys Enter; wait_exit 10
	n=$(grep -c '\.cfg"' "$T_DIR/trace")
	[ "$n" = 0 ]; ok "the wizard starts from the cache too (opened $n platform files)"
else
	skip "the wizard starts from the cache"
fi

# A damaged cache: the person notices nothing, and it is made anew.
for damage in half garbage empty; do
	case $damage in
	half) head -c $(($(stat -c %s "$CACHE") / 2)) "$CACHE" > "$T_DIR/c" ;;
	garbage) head -c 5000 /dev/urandom > "$T_DIR/c" ;;
	empty) : > "$T_DIR/c" ;;
	esac
	cat "$T_DIR/c" > "$CACHE"
	run --list
	[ $T_RC = 0 ] && cmp -s "$T_DIR/first" "$T_DIR/out" && [ ! -s "$T_DIR/err" ] ||
	    echo "# after damage \"$damage\": status $T_RC, $(head -c 200 "$T_DIR/err")"
done
cmp -s "$T_DIR/first" "$T_DIR/out" && [ ! -s "$T_DIR/err" ] &&
    [ "$(stat -c %s "$CACHE")" -gt 5000 ]
ok "a cut, garbage or empty cache is parsed over, silently, and rewritten"

# An administrator's override is seen at the very next start.
mkdir -p "$T_DIR/config/optout/platforms.d"
sed 's/^name = "LinkedIn";/name = "LinkedIn (changed)";/' "$CATALOG/linkedin.cfg" \
    > "$T_DIR/config/optout/platforms.d/linkedin.cfg"
run --list
[ $T_RC = 0 ] && grep -q '^linkedin .*LinkedIn (changed)' "$T_DIR/out"
ok "a new override file is seen at once"
rm -r "$T_DIR/config/optout/platforms.d"
run --list
cmp -s "$T_DIR/first" "$T_DIR/out"
ok "... and so is its removal"

# The validator reads every file, cache or not, and writes no cache.
if n=$(opened --check-catalog); then
	[ "$n" -ge "$nfiles" ]; ok "--check-catalog opens all $nfiles files despite a good cache ($n)"
else
	skip "--check-catalog opens every file"
fi
rm -rf "$T_DIR/home/.cache"
run --check-catalog
[ $T_RC = 0 ] && [ ! -e "$T_DIR/home/.cache" ]
ok "--check-catalog writes no cache"

# A kiosk and a shared host write nothing to disk, not even the cache,
# but read one an administrator prepared. (They are not dumpable, so
# strace cannot show their paths: count what they open.)
run --kiosk --list
[ $T_RC = 0 ] && cmp -s "$T_DIR/first" "$T_DIR/out" && [ ! -e "$T_DIR/home/.cache" ]
ok "--kiosk --list shows the catalog and writes no cache"
run --shared --list
[ $T_RC = 0 ] && cmp -s "$T_DIR/first" "$T_DIR/out" && [ ! -e "$T_DIR/home/.cache" ]
ok "--shared --list writes no cache either"
opens() {	# opens ARGS...: how many files optout opens
	rm -f "$T_DIR/trace"
	env -u LC_ALL -u LANGUAGE $T_ENV LANG=C.UTF-8 $NOLEAK strace -f -qq \
	    -e trace=open,openat -o "$T_DIR/trace" "$OPTOUT" "$@" \
	    < /dev/null > /dev/null 2>&1
	grep -c 'open' "$T_DIR/trace"
}
if opened --version > /dev/null; then
	cold=$(opens --kiosk --list)
	run --list		# the administrator prepares the cache
	warm=$(opens --kiosk --list)
	[ $((cold - warm)) -ge $((nfiles - 1)) ] && [ -f "$CACHE" ]
	ok "--kiosk reads a prepared cache ($cold files opened without, $warm with)"
	rm -rf "$T_DIR/home/.cache"
else
	skip "--kiosk reads a prepared cache"
fi

# XDG_CACHE_HOME is honoured; a place where no cache can be made is fine.
T_MORE="XDG_CACHE_HOME=$T_DIR/xdg" run --list
[ $T_RC = 0 ] && [ -f "$T_DIR/xdg/optout/catalog.v1" ] && [ ! -e "$T_DIR/home/.cache" ]
ok "XDG_CACHE_HOME says where the cache goes"
: > "$T_DIR/plain"
T_MORE="XDG_CACHE_HOME=$T_DIR/plain" run --list
[ $T_RC = 0 ] && cmp -s "$T_DIR/first" "$T_DIR/out" && [ ! -s "$T_DIR/err" ]
ok "no place for a cache (read-only home, a file in the way): no word about it"

# --catalog DIR is cached too (one cache: the catalog loaded last).
mkdir -p "$T_DIR/mine"
cp "$CATALOG/linkedin.cfg" "$CATALOG/zoom.cfg" "$T_DIR/mine/"
touch -d '1 hour ago' "$T_DIR/mine"/*.cfg
run --catalog "$T_DIR/mine" --list
[ $T_RC = 0 ] && [ "$(wc -l < "$T_DIR/out")" = 2 ] || echo "# --catalog: status $T_RC"
run --list
cmp -s "$T_DIR/first" "$T_DIR/out"
ok "--catalog DIR and the usual catalog take turns in the one cache"
finish
