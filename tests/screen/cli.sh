#!/bin/bash
# optout from a shell or a script: options, exit codes, the catalog check,
# and clear words for every kind of bad input, never escape codes.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 19
CATALOG="$top_srcdir/config/platforms"

has_escape() {
	grep -q $'\e' "$T_DIR/out" "$T_DIR/err"
}

run --help
[ $T_RC = 0 ] && [[ $T_OUT == *"--check-catalog"* ]]; ok "--help explains the options, status 0"
run --version
[ $T_RC = 0 ] && [[ $T_OUT == "optout "[0-9]* ]]; ok "--version prints the version"
run --frobnicate
[ $T_RC = 2 ] && [[ $T_ERR == *'unknown option "--frobnicate"'* ]]; ok "an unknown option is a usage error (2)"
run --lang fr
[ $T_RC = 2 ] && [[ $T_ERR == *'--lang takes de or en, not "fr"'* ]]; ok "--lang fr is a usage error (2)"

run --check-catalog "$CATALOG"
nfiles=$(ls "$CATALOG"/*.cfg | wc -l)
[ $T_RC = 0 ] && [[ $T_OUT =~ ^$nfiles\ platforms,\ 0\ errors,\ [0-9]+\ warnings$ ]]
ok "the shipped catalog checks clean: every file, 0 errors"

mkdir -p "$T_DIR/broken"
sed 's/^verified = /verfied = /' "$CATALOG/linkedin.cfg" > "$T_DIR/broken/linkedin.cfg"
line=$(grep -n '^verfied' "$T_DIR/broken/linkedin.cfg" | cut -d: -f1)
run --check-catalog "$T_DIR/broken"
[ $T_RC = 1 ] &&
grep -qxF "optout: $T_DIR/broken/linkedin.cfg:$line: unknown key 'verfied' (did you mean 'verified'?)" "$T_DIR/err" &&
grep -qxF "optout: $T_DIR/broken/linkedin.cfg: missing required key 'verified'" "$T_DIR/err"
ok "a typo is reported as file:line with a hint, status 1"

run --catalog "$T_DIR/broken"
[ $T_RC = 1 ] && [ -z "$T_OUT" ] && [[ $T_ERR == *"linkedin.cfg:$line:"* ]] && ! has_escape
ok "a broken catalog stops the start with file:line, no escape codes"

# Every kind of broken file, each with its exact message, in one run.
(cd "$top_srcdir" && env -u LC_ALL -u LANGUAGE $T_ENV LANG=C.UTF-8 "$OPTOUT" \
    --check-catalog tests/data/catalog > "$T_DIR/out" 2> "$T_DIR/err")
rc=$?
[ $rc = 1 ] && diff -u "$top_srcdir/tests/data/catalog.stderr" "$T_DIR/err" |
    sed 's/^/# /' && cmp -s "$top_srcdir/tests/data/catalog.stderr" "$T_DIR/err"
ok "the validator names every broken fixture's problem as file:line, exit 1"
diff -u "$top_srcdir/tests/data/catalog.stdout" "$T_DIR/out" | sed 's/^/# /'
cmp -s "$top_srcdir/tests/data/catalog.stdout" "$T_DIR/out"
ok "... and ends with a summary of files, errors and warnings"

mkdir -p "$T_DIR/incl"
{ echo '@include "/"'; cat "$CATALOG/linkedin.cfg"; } > "$T_DIR/incl/linkedin.cfg"
run --check-catalog "$T_DIR/incl"
[ $T_RC = 1 ] && [[ $T_ERR == *"incl/linkedin.cfg:1: '@include' and other directives are not allowed"* ]]
ok "@include is refused before libconfig sees it"

mkdir -p "$T_DIR/fifo"; mkfifo "$T_DIR/fifo/linkedin.cfg"
timeout 5 env LANG=C.UTF-8 "$OPTOUT" --check-catalog "$T_DIR/fifo" > /dev/null 2> "$T_DIR/err"
rc=$?
[ $rc = 1 ] && grep -q "linkedin.cfg: not a regular file" "$T_DIR/err"
ok "a FIFO in the catalog is refused at once (no hang)"

mkdir -p "$T_DIR/evil"
# escapes written in the file, and a real right-to-left override (U+202E)
sed "s/^name = \"LinkedIn\";/name = \"Linked\\\\x1b]0;owned\\\\x07In\\\\x1b[2J\\\\rX$(printf '\342\200\256')\";/" \
    "$CATALOG/linkedin.cfg" > "$T_DIR/evil/linkedin.cfg"
run --list --catalog "$T_DIR/evil"
[ $T_RC = 0 ] && ! has_escape && [[ $T_OUT == *"Linked]0;ownedIn[2JX "* ]] &&
! grep -q $'\r' "$T_DIR/out" && ! grep -q $'\342\200\256' "$T_DIR/out"
ok "control characters from a catalog file never reach the terminal"

run
[ $T_RC = 1 ] && [[ $T_ERR == *"needs an interactive terminal"* ]] &&
[[ $T_ERR == *"use optout --linear"* ]] && [ -z "$T_OUT" ] && ! has_escape
ok "without a terminal: a clear message, status 1, no escape codes"

# Terminals that cannot draw the full screen get the linear mode, with a
# one-line explanation; q and 1 still quit.
linear_fallback() {	# linear_fallback TERMVALUE WHY
	start_optout 80 24 "LANG=C.UTF-8 TERM=$1"
	wait_for "Type a number" && said_flat "$2" &&
	said_flat "optout: using the linear mode" || return 1
	keys q Enter; wait_for "Quit optout?"; keys 1 Enter
	wait_exit && [ "$T_RC" = 0 ]
}
linear_fallback dumb "cannot move the cursor"
ok "TERM=dumb: says why, then works in the linear mode"
linear_fallback no-such-terminal 'does not know the terminal type "no-such-terminal"'
ok "an unknown TERM: says so, then works in the linear mode"
linear_fallback "" "TERM variable is not set"
ok "an empty TERM: says so, then works in the linear mode"

mkdir -p "$T_DIR/state/optout"
printf 'version = 1;\naccount = "private";\nplatforms = (\n  { id = "linkedin"; selected = true; status = "done"; surface = "web"; time = 1795343400L; },\n  { id = "gone_platform"; selected = true; status = "later"; }\n);\n' > "$(state_file)"
run --list --lang en
[ $T_RC = 0 ] && [[ $T_OUT =~ linkedin\ +LinkedIn\ +done,\ 22\ Nov\ 2026,\ 10:30\ .*linkedin\.cfg ]]
ok "--list shows each platform with its status"

cp "$(state_file)" "$T_DIR/good.cfg"
start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "Which" 1; keys Enter; wait_for "Who is objecting?"; keys Enter
wait_for "Which platforms"; keys 1; wait_for "[x] Facebook"
grep -q 'id = "gone_platform"; selected = true; status = "later"' "$(state_file)"
ok "records of platforms no longer in the catalog are kept when saving"
keys q Enter; wait_exit

printf 'version = 1;\naccount = "priv' > "$(state_file)"
cp "$(state_file)" "$T_DIR/corrupt.cfg"
start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "could not be read"
aside=$(ls "$T_DIR"/state/optout/progress.cfg.corrupt-* 2>/dev/null | head -1)
[ -n "$aside" ] && cmp -s "$aside" "$T_DIR/corrupt.cfg" && on_screen_flat "you start afresh"
ok "a corrupt state file is kept aside unchanged and the person is told"
finish
