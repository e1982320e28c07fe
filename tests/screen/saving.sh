#!/bin/bash
# When progress cannot be saved, the person is told on every screen, the
# session goes on, and the next possible save catches up.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 8

start_optout 80 24 "LANG=C.UTF-8" --lang en
wait_for "Object to AI training"; keys Enter
wait_for "Who is objecting?"; keys Enter
wait_for "Which platforms"
[ -f "$(state_file)" ]; ok "choices are saved as they are made"

# The state directory turns into a file: saving must fail (even as root).
cp "$(state_file)" "$T_DIR/before.cfg"
rm -rf "$T_DIR/state/optout"; touch "$T_DIR/state/optout"
keys 3; wait_for "Not saved:"
on_screen "[x] LinkedIn"; ok "a failed save is shown, and the tick is kept on screen"
keys Enter; wait_for "what happens to your data"
on_screen "Not saved:"; ok "the warning stays on the next screen"

rm -f "$T_DIR/state/optout"; mkdir "$T_DIR/state/optout"
press_until Enter "where are you doing it?"; keys Enter
wait_for "step by step"; press_until Enter "what happened?"; keys Enter
wait_for "Summary"; wait_gone "Not saved:"; ok "once saving works again, the warning goes"
grep -q '"linkedin"; selected = true; status = "done"' "$(state_file)"
ok "the next save holds everything, including the tick made while failing"
keys Enter; wait_exit

# A shared host keeps nothing, unless each participant has an account.
rm -rf "$T_DIR/state"
start_optout 80 24 "LANG=C.UTF-8" --shared --lang en
wait_for "Object to AI training"; keys Enter; wait_for "Who is objecting?"
keys Enter; wait_for "Which platforms"; keys 3; wait_for "[x] LinkedIn"
keys q Enter; wait_exit
[ ! -e "$T_DIR/state" ]; ok "--shared writes no state to disk"
start_optout 80 24 "LANG=C.UTF-8" --shared --personal --lang en
wait_for "Object to AI training"; keys Enter; wait_for "Who is objecting?"
keys Enter; wait_for "Which platforms"; keys 3; wait_for "[x] LinkedIn"
keys q Enter; wait_exit
grep -q '"linkedin"; selected = true' "$(state_file)"
ok "--shared --personal keeps each account's progress"

start_optout 80 24 "LANG=C.UTF-8 HOME= XDG_STATE_HOME=" --lang en
wait_for "Object to AI training"
on_screen_flat "Not saved: HOME is not set"; ok "without HOME: the session runs and says it cannot save"
finish
