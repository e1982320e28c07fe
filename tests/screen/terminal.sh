#!/bin/bash
# The terminal as people really have it: resized in the middle of a page,
# too small, without UTF-8, without colour; the cursor on the focus.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 17

first_content_row() {	# the third line of the screen, where content starts
	screen | sed -n 3p
}

top_is_step3() {
	first_content_row | grep -q '^  3\. '
}
# after a resize: redrawn for the new size (the scroll mark is back) and
# step 3 still on top; before the redraw tmux shows the old screen cut off
redrawn_with_step3_on_top() {
	top_is_step3 && on_screen "more below"
}
top_changed_from() {
	[ "$(first_content_row)" != "$1" ]
}

start_optout 80 24 "LANG=C.UTF-8" --lang en
to_linkedin_steps
i=0
while [ $i -lt 12 ] && ! top_is_step3; do
	before=$(first_content_row)
	keys Down; poll 1 top_changed_from "$before"; i=$((i + 1))
done
top_is_step3; ok "Down scrolls the steps to step 3"
tm resize-window -x 90 -y 20
poll 2 redrawn_with_step3_on_top; ok "a wider window keeps step 3 at the top"
tm resize-window -x 60 -y 20
poll 2 redrawn_with_step3_on_top; ok "a narrower window keeps step 3 at the top"
tm resize-window -x 40 -y 12; wait_for "too small"
on_screen_flat "Needed: 50 x 16, now: 40 x 12."; ok "below 50x16 it asks for a larger window"
tm resize-window -x 80 -y 24; wait_for "step by step"
poll 2 top_is_step3; ok "back at 80x24 the place is kept"
press_until Enter "what happened?"; ok "the steps still lead on to recording"

start_optout 40 12 "LANG=C.UTF-8"
wait_for "too small"; keys q; wait_exit
[ "$T_RC" = 0 ]; ok "a too small terminal at start says so, and q quits"

start_optout 80 24 "LANG=C"
wait_for "Object to AI training"
on_screen " optout | Object to AI training" && on_screen "Up/Down choose" &&
! screen | LC_ALL=C grep -q '[^ -~]'
ok "LANG=C draws plain ASCII"
keys q; wait_for "Quit optout?"; keys Enter; wait_exit

start_optout 80 24 "LANG=C" --lang de
wait_for "Widerspruch"
! screen | LC_ALL=C grep -q '[^ -~]' && on_screen_flat "fuer"
ok "German in an ASCII terminal spells umlauts out (ue), no broken bytes"
# Umlauts typed where the locale cannot read them (UTF-8 and Latin-1 bytes
# in the C locale) are no keys, and not a terminal that went away either:
# three of them in a row ended the visit (found by tests/torture/monkey.py).
for i in 1 2 3 4 5; do
	tm send-keys -H c3 a4 e9 ff 2>/dev/null
	sleep 0.1
done
keys Enter; wait_for "Wer widerspricht?"
ok "umlauts typed in the C locale are ignored; the visit goes on"
keys q; wait_for "Yes\|Ja" 1; keys Enter; wait_exit

start_optout 80 24 "LANG=C.UTF-8 NO_COLOR=1"
wait_for "Object to AI training"
! tm capture-pane -p -e | grep -q $'\e\\[[0-9;]*\\(3[0-7]\\|4[0-7]\\|38\\|48\\|9[0-7]\\)m'
ok "NO_COLOR: no colour codes at all"
tm capture-pane -p -e | grep -q $'\e\\[[0-9;]*7m'
ok "NO_COLOR: the focus is still shown (reverse video)"
keys Enter; wait_for "Who is objecting?"; keys Enter
focus_on_linkedin() {
	screen | grep -q '^>.*LinkedIn'
}
wait_for "Which platforms"; keys Down Down; poll 2 focus_on_linkedin
# The focus without colour: the margin of the focused line in reverse
# video, a block with ">" in it, right before the item's number.
tm capture-pane -p -e | grep -q $'^\e\\[7m>   \e\\[0m.*3 \\[.\\] LinkedIn'
ok "NO_COLOR: the focused line has a reverse-video block with > in its margin"
row=$(screen | grep -n '^>' | cut -d: -f1)
[ -n "$row" ] && [ "$(cursor_row)" = "$((row - 1))" ]
ok "the cursor sits on the focused line (for braille displays)"

# Ctrl-S (XOFF, pressed by habit to save) must not freeze the screen
# until Ctrl-Q; found by tests/torture/monkey.py.
focus_on_pinterest() {
	screen | grep -q '^>.*Pinterest'
}
keys C-s Down; poll 2 focus_on_pinterest
ok "Ctrl-S does not stop the screen: the next key still shows"

# To the linear mode and back (the key l): the full screen must still
# follow the window's size; found by tests/torture/monkey.py.
start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "Object to AI training"; keys l
wait_for "l: full screen"; keys l Enter
wait_for "↑↓ choose"
tm resize-window -x 40 -y 12; wait_for "too small" &&
tm resize-window -x 80 -y 24 && wait_for "↑↓ choose"
ok "after a trip through the linear mode, a resize is still followed"

# The linear mode keeps the terminal's own Ctrl-S (XOFF): it stops the
# output until Ctrl-Q. Going to the full screen from there must not wait
# for that Ctrl-Q (found by tests/torture/monkey.py).
keys l; wait_for "l: full screen"
keys C-s l Enter
wait_for "↑↓ choose"
ok "Ctrl-S in the linear mode, then l: the full screen still shows"
finish
