#!/bin/bash
# optout --receipt text|md|json from a script: the receipt of the saved
# progress on standard output, valid against docs/receipt-schema.json, in
# the saved language, in ASCII where the locale is not UTF-8, with the exit
# codes of docs/optout.1; and a letter typed through the linear mode.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 13
CATALOG="$top_srcdir/tests/data/receipt/catalog"
SCHEMA="$top_srcdir/docs/receipt-schema.json"
CHECK="/usr/bin/python3 $top_srcdir/tests/unit/receipt_schema.py"

run() {		# run VAR=... -- ARGS...: optout without a terminal
	local env=()
	while [ "$1" != -- ]; do env+=("$1"); shift; done
	shift
	env -u LC_ALL -u LANGUAGE $T_ENV "${env[@]}" "$OPTOUT" "$@" \
	    < /dev/null > "$T_DIR/out" 2> "$T_DIR/err"
	T_RC=$?
	T_ERR=$(cat "$T_DIR/err")
}
state() {
	mkdir -p "$T_DIR/state/optout"
	cp "$top_srcdir/tests/data/receipt/progress.cfg" "$(state_file)"
}

state
run LANG=C.UTF-8 -- --receipt json --catalog "$CATALOG"
[ $T_RC = 0 ] && $CHECK "$SCHEMA" "$T_DIR/out" > "$T_DIR/check" 2>&1 &&
grep -q '"lang": "de",' "$T_DIR/out" && grep -q '"kind": "organisation",' "$T_DIR/out"
ok "--receipt json: status 0, valid against the schema, in the saved language"
sed 's/^/# /' "$T_DIR/check"

run LANG=C.UTF-8 -- --receipt text --lang en --catalog "$CATALOG"
[ $T_RC = 0 ] && head -1 "$T_DIR/out" | grep -qx "Receipt: your objections to AI training" &&
grep -q "^  Waiting for a confirmation:  Facebook$" "$T_DIR/out" &&
grep -q "^  For an adviser:              TikTok, Slack$" "$T_DIR/out" &&
grep -q "^  Check again:   now: settings can change back (due since 30 Oct 2026)$" "$T_DIR/out"
ok "--receipt text: what waits, what needs an adviser, what to check again"
/usr/bin/python3 -c 'import sys
sys.exit(any(len(l.rstrip("\n")) > 80 for l in open(sys.argv[1], encoding="utf-8")))' \
    "$T_DIR/out" && ! grep -q $'\e' "$T_DIR/out"
ok "--receipt text: no line wider than 80, no escape byte"

run LANG=C.UTF-8 -- --receipt md --lang de --catalog "$CATALOG"
[ $T_RC = 0 ] && head -1 "$T_DIR/out" | grep -qx "# Quittung: Ihre Widersprüche gegen KI-Training" &&
grep -q "^### LinkedIn$" "$T_DIR/out" && grep -q "^- \*\*Stand:\*\* erledigt$" "$T_DIR/out"
ok "--receipt md: Markdown in German"

run LANG=C -- --receipt text --lang de --catalog "$CATALOG"
[ $T_RC = 0 ] && grep -q "Quittung: Ihre Widersprueche gegen KI-Training" "$T_DIR/out" &&
! LC_ALL=C grep -q '[^ -~]' "$T_DIR/out"
ok "--receipt text in a non-UTF-8 locale is plain ASCII (ue for ü)"
run LANG=C -- --receipt json --catalog "$CATALOG"
[ $T_RC = 0 ] && grep -q '"operator": "DeepL SE (Köln)"' "$T_DIR/out"
ok "--receipt json stays UTF-8 in any locale"

rm -rf "$T_DIR/state"
run LANG=C.UTF-8 -- --receipt text --lang en --catalog "$CATALOG"
[ $T_RC = 0 ] && grep -q "^Nothing is recorded yet.$" "$T_DIR/out"
ok "no saved progress yet: an empty receipt, status 0"

run LANG=C.UTF-8 -- --receipt pdf
[ $T_RC = 2 ] && [[ $T_ERR == *'--receipt takes text, md or json, not "pdf"'* ]]
ok "--receipt pdf is a usage error (2)"
state
run LANG=C.UTF-8 -- --receipt json --kiosk
[ $T_RC = 2 ] && [[ $T_ERR == *"in kiosk and shared mode nothing is saved"* ]] && [ ! -s "$T_DIR/out" ]
ok "--receipt in kiosk mode is a usage error (2): a kiosk keeps nothing"
printf 'version = 1;\nplatforms = ( { id = "x"; status = "gone"; } );\n' > "$(state_file)"
run LANG=C.UTF-8 -- --receipt json --lang en
[ $T_RC = 1 ] && [[ $T_ERR == *"your saved progress could not be read"* ]] && [ ! -s "$T_DIR/out" ]
ok "an unreadable state file: status 1, a message, nothing on stdout"
state
env -u LC_ALL -u LANGUAGE $T_ENV LANG=C.UTF-8 "$OPTOUT" --receipt text --lang en \
    --catalog "$CATALOG" > /dev/full 2> "$T_DIR/err"
[ $? = 1 ] && grep -q "cannot write the receipt" "$T_DIR/err"
ok "a full disk on stdout: status 1 and a message"

# A letter through the linear mode of a kiosk: q, summary, take home,
# letter, TikTok (9), name, e-mail, show it.
# (a fresh home: the runs before kept their catalog cache there)
rm -rf "$T_DIR/state" "$T_DIR/home"
mkdir -p "$T_DIR/home"
printf 'q\n1\n\n2\n9\n1\nErika Muster\n2\nerika@example.org\n3\n\n1\n' |
    env -u LC_ALL -u LANGUAGE $T_ENV LANG=C.UTF-8 "$OPTOUT" --linear --kiosk --lang en \
    > "$T_DIR/out" 2> "$T_DIR/err"
grep -q "^Your name: Type it and press Enter (Enter alone leaves it empty):" "$T_DIR/out" &&
grep -q "^From: Erika Muster$" "$T_DIR/out" && grep -q "^E-mail: erika@example.org$" "$T_DIR/out" &&
[ ! -e "$T_DIR/state" ] && [ -z "$(find "$T_DIR/home" -type f)" ]
ok "linear kiosk: the letter's name and address are typed as lines; nothing is stored"
sed -n '/^Your receipt$/,$p' "$T_DIR/out" > "$T_DIR/receipt"
grep -q "^This receipt is not stored on this computer." "$T_DIR/receipt" &&
grep -q "^Letter to TikTok$" "$T_DIR/receipt" && grep -q "^From: Erika Muster$" "$T_DIR/receipt"
ok "linear kiosk: the receipt is shown as lines, with the letter in it"
finish
