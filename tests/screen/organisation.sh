#!/bin/bash
# The organisation path: LinkedIn company pages have no opt-out, and the
# organisation is told what it can still do and what to document.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 5

start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "Object to AI training"; keys Enter
wait_for "Who is objecting?"; keys Down Enter
wait_for "Which platforms"
on_screen_flat "LinkedIn open; organisations cannot object here"
ok "the list warns that LinkedIn has no objection for organisations"
keys 3 Enter; wait_for "LinkedIn: what happens to your data"
press_until Down "For organisations" 40
press_until Down "delete the page or accept the training" 10
ok "the explanation says what an organisation can still do"
press_until Down "That consent does not cover AI training" 10
keys Down Down Down
wait_flat "Document it: keep the confirmation e-mail, and note the date and the account"
ok "it adds the duty to document the objection"
grep -q 'account = "organisation";' "$(state_file)"
ok "the choice is saved"
keys q Enter; wait_exit
start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "Welcome back"; keys Enter; wait_for "Who is objecting?"
screen | grep -q "^>.*2  For an organisation"; ok "after a restart the organisation is still chosen"
finish
