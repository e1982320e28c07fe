#!/bin/bash
# Resume codes: the summary shows one, and it brings the progress back on
# the welcome screen (key c) or with optout --resume, in personal, kiosk
# and linear mode; a mistyped code is said to be mistyped and changes
# nothing; a code from another catalog restores what still matches.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 22
CATALOG="$top_srcdir/config/platforms"
HELPER="$top_builddir/tests/unit/qr_image"

fresh() {	# a person who never ran optout here
	rm -rf "$T_DIR/state" "$T_DIR/home"
}
# one_wrong CODE: the code with its second character replaced
one_wrong() {
	local c=${1:1:1}
	[ "$c" = X ] && c=Y || c=X
	printf '%s%s%s' "${1:0:1}" "$c" "${1:2}"
}

# --- on the command line ---
code=$("$HELPER" --code "$CATALOG" linkedin:done facebook:form_sent x:later)
fresh
run --lang en --resume "$code" --list
[ $T_RC = 0 ] &&
[[ $T_ERR == "optout: Restored from your code: Facebook: form sent, waiting for confirmation; LinkedIn: done; X (Twitter): later." ]] &&
grep -qE '^linkedin +LinkedIn +done ' "$T_DIR/out" &&
grep -qE '^x +X \(Twitter\) +later ' "$T_DIR/out"
ok "--resume CODE restores the statuses and says which (status 0)"
grep -q 'id = "linkedin"; selected = true; status = "done"; }' "$(state_file)" &&
grep -q 'id = "facebook"; selected = true; status = "form_sent"; }' "$(state_file)"
ok "... and saves them at once in personal mode, without a time"

fresh
wrong=$(one_wrong "$code")
run --lang en --resume "$wrong" --list
[ $T_RC = 2 ] && [ -z "$T_OUT" ] &&
[[ $T_ERR == "optout: This code is mistyped: a character is wrong, missing, extra, or two are swapped. Please compare it with your note, character by character. Nothing was changed." ]] &&
[ ! -e "$(state_file)" ]
ok "a mistyped code: says so, status 2, nothing saved"
swapped="${code:1:1}${code:0:1}${code:2}"
run --lang en --resume "$swapped"
[ $T_RC = 2 ] && [[ $T_ERR == *"This code is mistyped"* ]] && [ ! -e "$(state_file)" ]
ok "two neighbours swapped: mistyped, status 2"
run --lang en --resume "${code}U"
[ $T_RC = 2 ] && [[ $T_ERR == *'This code is mistyped: "U" is never part of a code.'* ]]
ok "a character no code has is named"
lower=$(printf '%s' "$code" | tr 'A-Z-' 'a-z ')
run --lang en --resume "$lower" --list
[ $T_RC = 0 ] && grep -qE '^linkedin +LinkedIn +done ' "$T_DIR/out"
ok "lower case and blanks instead of dashes read the same"
run --lang de --resume "$wrong"
[ $T_RC = 2 ] && [[ $T_ERR == *"Dieser Code ist vertippt"* ]]
ok "... and in German"

# A newer catalog has a platform this one lacks (slot 34), an older one
# lacks Quora.
mkdir -p "$T_DIR/newer" "$T_DIR/older"
cp "$CATALOG"/*.cfg "$T_DIR/newer/"
cp "$CATALOG"/*.cfg "$T_DIR/older/"
rm "$T_DIR/older/quora.cfg"
sed -e 's/^id = "linkedin";/id = "mastodon";/' -e 's/^slot = 3;/slot = 34;/' \
    -e 's/^name = "LinkedIn";/name = "Mastodon";/' \
    "$CATALOG/linkedin.cfg" > "$T_DIR/newer/mastodon.cfg"
newcode=$("$HELPER" --code "$T_DIR/newer" linkedin:done mastodon:later quora:no_account)
fresh
run --lang en --resume "$newcode" --list
[ $T_RC = 0 ] && grep -qE '^linkedin +LinkedIn +done ' "$T_DIR/out" &&
grep -qE '^quora +Quora +no account ' "$T_DIR/out" &&
[[ $T_ERR == *"1 platform in the code is not in this version of optout's list and was not restored."* ]]
ok "a code from a newer catalog restores what this one has and says what not"
fresh
run --lang en --catalog "$T_DIR/older" --resume "$newcode" --list
[ $T_RC = 0 ] && grep -qE '^linkedin +LinkedIn +done ' "$T_DIR/out" &&
[[ $T_ERR == *"2 platforms in the code are not in this version of optout's list and were not restored."* ]]
ok "... and on an older catalog, without a removed platform"
# A catalog that broke the rules: slot 3 is another platform there.
mkdir -p "$T_DIR/other"
cp "$CATALOG"/*.cfg "$T_DIR/other/"
sed -i 's/^slot = 3;/slot = 1003;/' "$T_DIR/other/linkedin.cfg"
sed -i 's/^slot = 33;/slot = 3;/' "$T_DIR/other/quora.cfg"
fresh
run --lang en --catalog "$T_DIR/other" --resume "$code" --list
[ $T_RC = 1 ] && [ -z "$T_OUT" ] && [[ $T_ERR == *"made with a different list of platforms"* ]] &&
[ ! -e "$(state_file)" ]
ok "slots that mean other platforms here: nothing restored, status 1"

# --- on the screen: the summary shows the code ---
fresh
start_optout 80 24 "LANG=C.UTF-8" --lang en
to_linkedin_steps
press_until Enter "what happened?"
keys Enter; wait_for "Summary"
scroll_to_code; shown=$T_CODE
[ -n "$shown" ] && on_screen_flat "type this code on the first screen (key c)"
ok "the summary shows a resume code ($shown)"
keys q; wait_for "Quit optout?"; keys Enter; wait_exit

# a new computer: the code on the welcome screen
fresh
start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "Object to AI training"
on_screen "c I have a code"
ok "the welcome screen offers the key c for a code"
keys c; wait_for "Your code:"
keys "$(one_wrong "$shown")" Enter
wait_flat "This code is mistyped"
on_screen "Your code: $(one_wrong "$shown")" && [ ! -e "$(state_file)" ]
ok "a mistyped code is said to be mistyped, stays to be corrected, nothing saved"
# correct it: erase, then type it in lower case with blanks
for i in $(seq ${#shown}); do keys BSpace; done
keys "$(printf '%s' "$shown" | tr 'A-Z-' 'a-z ')" Enter
wait_flat "Restored from your code: LinkedIn: done."
on_screen "Code accepted."
ok "the corrected code restores LinkedIn, done"
grep -q 'id = "linkedin"; selected = true; status = "done"; }' "$(state_file)"
ok "... saved at once"
keys Enter; wait_for "Who is objecting?"; keys Enter; wait_for "Which platforms"
on_screen_re 'LinkedIn +done'
ok "the list shows LinkedIn as done"
keys q; wait_for "Quit optout?"; keys Enter; wait_exit

# --- kiosk: restored into memory only, gone after the visit ---
fresh
start_optout 80 24 "LANG=C.UTF-8 TERM=tmux-256color" --kiosk --lang en
wait_for "Object to AI training"
keys c; wait_for "Your code:"; keys "$code" Enter
wait_flat "Restored from your code: Facebook: form sent"
[ ! -e "$T_DIR/state" ]
ok "in a kiosk the code restores into memory, nothing on disk"
keys q; wait_for "End your visit?"
on_screen_flat "To continue at home, note this code or scan it" && on_screen "$code"
ok "ending the visit shows the code to take home"
keys Down Enter; wait_for "Object to AI training"
! on_screen "Restored" && [ ! -e "$T_DIR/state" ]
ok "after the visit nothing of it is left"

# --- --resume on the screen, and in German ---
fresh
start_optout 80 24 "LANG=C.UTF-8" --lang de --resume "$code"
wait_flat "Aus Ihrem Code wiederhergestellt: Facebook"
on_screen "c Ich habe einen Code"
ok "--resume tells on the welcome screen what it restored (German)"
keys q; wait_for "optout beenden?"; keys Enter; wait_exit

# --- linear: "c CODE" ---
fresh
printf 'c %s\n\n' "$(one_wrong "$code")" | env -u LC_ALL -u LANGUAGE $T_ENV \
    LANG=C.UTF-8 "$OPTOUT" --linear --lang en > "$T_DIR/out" 2>&1
tr '\n' ' ' < "$T_DIR/out" | grep -q "c: I have a code." &&
grep -q "This code is mistyped" "$T_DIR/out" &&
[ ! -e "$(state_file)" ]
ok "linear: the prompt offers c; a mistyped code is said"
printf 'c\n%s\n' "$code" | env -u LC_ALL -u LANGUAGE $T_ENV \
    LANG=C.UTF-8 "$OPTOUT" --linear --lang en > "$T_DIR/out" 2>&1
grep -q "Type your code and press Enter" "$T_DIR/out" &&
grep -q "Restored from your code: Facebook" "$T_DIR/out" &&
grep -q 'id = "x"; selected = true; status = "later"; }' "$(state_file)"
ok "linear: c, then the code, restores and saves"
finish
