#!/bin/bash
# QR codes as a person's phone sees them: the screen is captured with its
# colours, turned into an image (tests/screen/qrscan.py) and decoded with
# zbarimg, as a terminal with dark and with light default colours. The
# steps show the direct link, the summary and the end of a kiosk visit the
# resume code; where a code does not fit, key z shows it alone. Half
# blocks in UTF-8, "##" otherwise; none in a terminal without colours and
# none in the linear mode.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 14
LINK="https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"
HALF='[▀▄█]'

# fresh: a first visit each time (to_linkedin_steps ticks LinkedIn)
fresh() {
	rm -rf "$T_DIR/state"
}

fresh
start_optout 100 45 "LANG=C.UTF-8" --lang en
to_linkedin_steps
scroll_to_qr "$LINK" && screen | grep -q "$HALF"
ok "the steps show the direct link as a QR code of half blocks that decodes exactly"
on_screen "z QR code"
ok "... and offer z to show it alone"
keys z; wait_for "Scan it with your phone's camera"
qr_decodes "$LINK" && ! on_screen "Direct link"
ok "z shows the QR code alone, and it decodes"
keys x; wait_for "Direct link"
ok "any key goes back to the steps"

fresh
start_optout 100 45 "LANG=C.UTF-8 NO_COLOR=1" --lang en
to_linkedin_steps
scroll_to_qr "$LINK"
ok "with NO_COLOR the code is still drawn black on white, and decodes"

# 80x24: the link's code (41 lines of modules) does not fit in the text
fresh
start_optout 80 24 "LANG=C.UTF-8" --lang en
to_linkedin_steps
press_until Space "Key z: the link as a QR code" 5
! screen | grep -q "$HALF"
ok "at 80x24 the link's code does not fit: a line says to press z"
keys z; wait_for "Scan it with your phone's camera"
qr_decodes "$LINK"
ok "... and z shows it on the whole screen, where it fits and decodes"
keys Enter; wait_for "Direct link"
press_until Enter "what happened?"; keys Enter; wait_for "Summary"
scroll_to_code; code=$T_CODE
[ -n "$code" ] && scroll_to_qr "$code"
ok "the summary shows the resume code $code as a QR code that decodes to it"

# ASCII: two columns of "##" per module, one line per module row
fresh
start_optout 100 50 "LANG=C" --lang en
to_linkedin_steps
scroll_to_qr "$LINK" && screen | grep -q '######' && ! screen | grep -q "$HALF"
ok "in ASCII the code is drawn with ## and decodes"

# no colours at all: no way to promise dark on light, so no code
fresh
start_optout 80 24 "LANG=C.UTF-8 TERM=vt100" --lang en
to_linkedin_steps
press_until Space "The menu looks different?" 5
on_screen "$LINK" && ! screen | grep -q "$HALF" && ! on_screen "Key z" &&
! on_screen "z QR code"
ok "a terminal without colours gets the link as text, no QR code, no key z"

# a kiosk visit ends: the code to take home, scannable
fresh
start_optout 80 24 "LANG=C.UTF-8 TERM=tmux-256color" --kiosk --lang en
to_linkedin_steps
press_until Enter "what happened?"; keys Enter; wait_for "Summary"
keys q; wait_for "End your visit?"
code=$(screen_code)
[ -n "$code" ] && on_screen "Yes, end my visit and clear everything" &&
on_screen_flat "Key z: the code as a QR code."
ok "ending a kiosk visit shows the code ($code), the choices stay in view"
keys z; wait_for "Scan it with your phone's camera"
qr_decodes "$code"
ok "... z shows it as a QR code that decodes to it"
keys Enter; wait_for "End your visit?"
on_screen "Show my summary first"
ok "... and any key goes back to the choices"

# linear: the link as text, never blocks
printf '2\n\n3\n\n\n\n' | env -u LC_ALL -u LANGUAGE $T_ENV LANG=C.UTF-8 \
    "$OPTOUT" --linear > "$T_DIR/out" 2>&1
grep -qF "$LINK" "$T_DIR/out" && ! grep -q "$HALF" "$T_DIR/out" &&
! grep -q "QR" "$T_DIR/out"
ok "the linear mode prints the link as text and draws no QR code"
finish
