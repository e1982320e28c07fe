#!/bin/bash
# Braille displays and screen readers follow the hardware cursor: on every
# kind of screen it must sit on the focused item (on pages of text, at the
# start of the first line shown; while typing, where the typing goes on).
# Every screen type, at 80x24 and at 120x36.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 68

# at WHERE NAME [ARG]: the cursor is at WHERE (focus, text, input) on NAME
at() {
	poll 2 cursor_on "$1" "${3:-}"
	ok "$SIZE: $2: the cursor is on the $1"
}

# walk COLS ROWS: every screen of a person's flow, and help's pages
walk() {
	SIZE="$1x$2"
	rm -rf "$T_DIR/state"		# a first visit each time
	start_optout "$1" "$2" "LANG=C.UTF-8" --lang en
	wait_for "Object to AI training"
	at focus "welcome"
	keys Up; wait_for "> "; poll 2 on_screen_re '^> +1  Deutsch'
	at focus "welcome, after Up"
	keys c A B; wait_for "Your code: AB"
	at input "welcome, typing a resume code" "Your code: AB"
	keys Escape; wait_gone "Your code:"
	keys Down Enter; wait_for "Who is objecting?"
	keys Down; poll 2 on_screen_re '^> +2  For an organisation'
	at focus "who is objecting"
	keys Up Enter; wait_for "Which platforms"
	keys Down Down; poll 2 on_screen_re '^> .*LinkedIn'
	at focus "platform checklist"
	keys /; keys l i n; wait_for "Search: lin"
	at input "filter, while typing" "Search: lin"
	keys Enter; poll 2 on_screen_re '^> .*LinkedIn'
	at focus "filtered list"
	keys Space Enter; wait_for "LinkedIn: what happens to your data"
	at text "explanation"
	keys Down Down Down
	at text "explanation, scrolled"
	press_until Enter "where are you doing it?"
	keys Down; poll 2 on_screen_re '^> +2  In the app'
	at focus "surface"
	keys Up Enter; wait_for "LinkedIn: step by step"
	at text "steps"
	keys z; wait_for "Scan it with your phone"
	poll 2 cursor_on_xy_text "1 $(($2 - 1))" "Scan it with your phone"
	ok "$SIZE: the QR code alone: the cursor is on its line of text"
	keys Space; wait_for "LinkedIn: step by step"
	keys Down Down Down Down
	at text "steps, scrolled"
	press_until Enter "what happened?"
	keys End; poll 2 on_screen_re '^> +5  It did not work'
	at focus "record"
	keys '?'; wait_for "optout │ Help"
	at focus "help"
	keys Down; poll 2 on_screen_re '^> +2  All keys'
	at focus "help, after Down"
	keys Enter; wait_for "optout │ All keys"
	at text "all keys"
	keys Escape; wait_for "optout │ Help"; keys 3
	wait_for "optout │ Words explained"
	at text "glossary"
	keys Escape; wait_for "optout │ Help"; keys 4
	wait_for "optout │ Check the display"
	at text "self-check"
	keys Escape; wait_for "optout │ Help"; keys Escape
	wait_for "what happened?"
	at focus "record, back from help"
	keys q; wait_for "Quit optout?"
	at focus "quit dialog"
	keys Down; poll 2 on_screen_re '^> +2  No, go on'
	at focus "quit dialog, after Down"
	keys Enter; wait_for "what happened?"; keys Home Enter
	wait_for "optout │ Summary"
	at text "summary"
	tm resize-window -x 40 -y 12; wait_for "too small"
	poll 2 cursor_on_xy "1 0"
	ok "$SIZE: too small: the cursor is where the message starts"
	tm resize-window -x "$1" -y "$2"; wait_for "optout │ Summary"
	at text "summary, after a resize"
	press_until Enter "optout │ To take home"
	at focus "take-home"
	keys 1; wait_for "optout │ Your receipt"
	at text "receipt"
	keys Escape; wait_for "optout │ To take home"; keys 2
	wait_for "optout │ Write an objection letter"
	keys Down; poll 2 on_screen_re '^> +2  '
	at focus "letters"
	keys Up Enter; wait_for "who is writing?"
	at focus "details"
	keys Enter A; wait_for "Your name: A"
	at input "details, typing a name" "Your name: A"
	keys Enter Down Enter; wait_for "optout │ Letter to LinkedIn"
	at text "letter"
	keys q; wait_for "Quit optout?"; keys Enter; wait_exit
}

# cursor_on_xy_text "X Y" TEXT: the cursor is at X Y, and TEXT is shown
cursor_on_xy_text() {
	T_LAST_SCREEN=$(screen)
	[ "$(cursor_xy)" = "$1" ] && on_screen "$2"
}
# too small has no focus: the message's first character, top left
cursor_on_xy() {
	cursor_on_xy_text "$1" "The window is too small"
}

walk 80 24
walk 120 36

# A kiosk: the end-of-visit dialog and the idle warning.
mkdir -p "$T_DIR/config/optout"
printf 'idle_seconds = 2;\nidle_warning_seconds = 30;\n' > "$T_DIR/config/optout/optout.cfg"
for size in "80 24" "120 36"; do
	set -- $size
	SIZE="$1x$2 kiosk"
	start_optout "$1" "$2" "LANG=C.UTF-8" --kiosk --lang en
	wait_for "Object to AI training"; keys q
	wait_for "End your visit?"
	at focus "end of visit"
	keys Down; poll 2 on_screen_re '^> +2  Yes, end my visit'
	at focus "end of visit, after Down"
	keys Escape; wait_for "Object to AI training"
	wait_for "Are you still there?" 5
	at text "idle warning"
	kill -TERM "$(pgrep -P "$(tm display -p '#{pane_pid}')" -x optout)"
	wait_exit
done
finish
