#!/bin/bash
# What a person takes home (issue #5): a kiosk visitor sees the receipt and
# an objection letter on the screen and nothing reaches the disk, not even
# the name typed for the letter; the administrator's print command gets the
# receipt on its standard input with every word as written (no shell); a
# failing printer is said plainly; at home the receipt becomes a file.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 19
ENV80="LANG=C.UTF-8 TERM=tmux-256color"

no_files() {		# nothing of a visit in the home or the state dir
	[ ! -e "$T_DIR/state" ] && [ -z "$(find "$T_DIR/home" -type f)" ]
}

# from the welcome screen, LinkedIn done on the web, to "To take home"
linkedin_to_takehome() {
	wait_for "Object to AI training"; keys Enter
	wait_for "Who is objecting?"; keys Enter
	wait_for "Which platforms"; keys 3 Enter
	press_until Enter "where are you doing it?"; keys Enter
	wait_for "step by step"; press_until Enter "what happened?"
	keys Enter; wait_for "Summary"
	press_until Enter "To take home"
}

# --- a kiosk visit: receipt and letter on the screen, nothing on disk
start_optout 80 24 "$ENV80" --kiosk --lang en
linkedin_to_takehome
on_screen "1  Show my receipt on the screen" && on_screen "2  Write an objection letter" &&
on_screen "3  End my visit and clear everything" && ! on_screen "Print my receipt"
ok "kiosk: after the summary, the receipt, a letter and the end of the visit are offered"
keys Enter; wait_for "Your receipt"
on_screen_flat "This receipt is not stored on this computer. Take a photo of it" &&
on_screen "Made with optout on 22 Nov 2026, 10:30 UTC."
ok "kiosk: the receipt is shown on the screen and says it is not stored"
press_until Space "• Check again:" && press_until Up "• Status: done" 8 &&
on_screen "• Check again: on 20 Feb 2027 (settings can change back)"
ok "kiosk: the receipt scrolls to LinkedIn: done, and when to check again"

keys Escape; wait_for "To take home"; keys 2; wait_for "Write an objection letter"
keys 9; wait_for "Letter to TikTok: who is writing?"
on_screen_flat "Nothing you type here is stored on this computer."
ok "kiosk: a letter to any platform; the screen says typed words are not stored"
keys Enter; wait_for "Your name:"; keys -l "Erika Muster"; keys Enter
keys Enter; wait_for "Your e-mail address:"; keys -l "erika@example.org"; keys Enter
wait_for "erika@example.org"; keys Enter
wait_flat "Not certain: optout knows no address for this letter. Look in the privacy policy of TikTok"
ok "kiosk: without a known address the letter says where to look, as not certain"
press_until Space "From: Erika Muster" && on_screen "E-mail: erika@example.org"
ok "kiosk: the letter carries the name and address typed on screen"
press_until Enter "The letter is part of your receipt now."
keys 1; wait_for "Your receipt"; press_until Space "Letter to TikTok"
ok "kiosk: the letter is part of the receipt"
no_files; ok "kiosk: nothing was written: no state, no receipt, no file in the home"

keys Escape; wait_for "To take home"; keys 3; wait_for "Object to AI training"
keys q; wait_for "End your visit?"; keys Enter; wait_for "Summary"
press_until Enter "To take home"; keys 2 9
wait_for "Letter to TikTok: who is writing?"
on_screen_re '1  Your name +\(empty\)' && on_screen_re '2  Your e-mail address +\(empty\)'
ok "kiosk: the next visitor's letter knows nothing of the previous name"
no_files; ok "kiosk: still nothing on disk after the visit ended"

# --- print_command: run without a shell, the receipt on its stdin
mkdir -p "$T_DIR/config/optout" "$T_DIR/print"
cat > "$T_DIR/print/lp" <<'EOF'
#!/bin/sh
d=$(dirname "$0")
for a in "$@"; do printf '<%s>\n' "$a"; done > "$d/argv"
cat > "$d/stdin"
EOF
chmod +x "$T_DIR/print/lp"
printf 'print_command = ["%s", "-o", "a;b", "$(touch %s/pwned)", "`touch %s/pwned2`"];\n' \
    "$T_DIR/print/lp" "$T_DIR" "$T_DIR" > "$T_DIR/config/optout/optout.cfg"
start_optout 80 24 "$ENV80" --kiosk --lang en
wait_for "Object to AI training"; keys q; wait_for "End your visit?"
keys Enter; wait_for "Summary"; press_until Enter "To take home"
on_screen "2  Print my receipt"; ok "print: offered when the administrator set a print command"
keys 2; wait_for "The receipt went to the printer."
printf '<-o>\n<a;b>\n<$(touch %s/pwned)>\n<`touch %s/pwned2`>\n' "$T_DIR" "$T_DIR" |
    cmp -s - "$T_DIR/print/argv" && [ ! -e "$T_DIR/pwned" ] && [ ! -e "$T_DIR/pwned2" ]
ok "print: every word arrives as written, ; \$(...) and \`...\` too; no shell ran"
head -1 "$T_DIR/print/stdin" | grep -qx "Receipt: your objections to AI training" &&
grep -q "Nothing is recorded yet." "$T_DIR/print/stdin"
ok "print: the text receipt arrives on the command's standard input"
on_screen "To take home" && on_screen "Enter confirm" && [ "$(cursor_row)" -gt 2 ]
ok "print: the screen is back afterwards, with the cursor on the choice"

printf 'print_command = ["sh", "-c", "cat >/dev/null; echo lp: no default destination >&2; exit 1"];\n' \
    > "$T_DIR/config/optout/optout.cfg"
start_optout 80 24 "$ENV80" --kiosk --lang en
wait_for "Object to AI training"; keys q; wait_for "End your visit?"
keys Enter; wait_for "Summary"; press_until Enter "To take home"; keys 2
wait_for "Printing did not work."
on_screen_flat 'Printing did not work: "sh" ended with status 1: lp: no default destination. Please tell the staff.'
ok "print: a failing printer is said plainly, with what it said"
rm -f "$T_DIR/config/optout/optout.cfg"

# --- a shared host (ssh workshop): shown on the screen, never a file
start_optout 80 24 "$ENV80" --shared --lang en
linkedin_to_takehome
on_screen "1  Show my receipt on the screen" && on_screen "3  Quit optout"
keys Enter; wait_for "Your receipt"
on_screen_flat "This receipt is not stored on this computer." && no_files
ok "shared: the receipt is shown on the screen and nothing is written"

# --- personal mode: the receipt is a file in the home, and the screen says where
start_optout 80 24 "$ENV80" --lang en
linkedin_to_takehome
on_screen "1  Save my receipt as a file and show it"
keys Enter; wait_for "Your receipt"
RECEIPT="$T_DIR/home/optout-receipt-2026-11-22.txt"
on_screen_flat "Saved as a file: $RECEIPT. Open it with any text editor, or print it."
ok "personal: the screen names the receipt's file"
[ "$(stat -c %a "$RECEIPT")" = 600 ] &&
env -u LC_ALL -u LANGUAGE $T_ENV LANG=C.UTF-8 "$OPTOUT" --receipt text --lang en > "$T_DIR/cli.txt" &&
cmp -s "$RECEIPT" "$T_DIR/cli.txt" && grep -q "^  Status: *done$" "$RECEIPT"
ok "personal: the file (0600) holds the same receipt as optout --receipt text"
keys Escape; wait_for "To take home"; keys End Enter; wait_exit
[ "$T_RC" = 0 ]; ok "personal: \"Quit optout\" ends with status 0"
finish
