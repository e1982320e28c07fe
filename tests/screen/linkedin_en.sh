#!/bin/bash
# The whole LinkedIn flow in English at 80x24: the switch is recorded and
# still shown after a restart.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 12

start_optout 80 24 "LANG=en_GB.UTF-8"
wait_for "Object to AI training"; ok "welcome screen in English"
golden welcome_en; ok "welcome screen looks as expected"
keys Enter; wait_for "Who is objecting?"; ok "Enter leads to who is objecting"
keys Enter; wait_for "Which platforms do you use?"; ok "private person leads to the platform list"
keys Down Down Space
wait_for "[x] LinkedIn"; ok "Space ticks LinkedIn"
keys Enter; wait_for "LinkedIn: what happens to your data"
on_screen_flat "Training began on 3 November 2025, 384 days ago. If you object today, everything from today on is protected. What was used before stays in the model"
ok "the explanation computes what an objection today can do"
press_until Enter "where are you doing it?"; ok "Enter reads on, then acknowledges"
keys Enter; wait_for "LinkedIn: step by step"
on_screen_flat "Settings & Privacy → Data privacy → Data for Generative AI Improvement" &&
on_screen_flat "Switch “Use my data for training content creation AI models” to “Off”." &&
on_screen "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"
ok "steps show breadcrumb, final action and direct link"
press_until Enter "what happened?"; wait_for "Done: I switched it off"
keys Enter; wait_for "Summary"
on_screen "LinkedIn: done, 22 Nov 2026, 10:30"; ok "the summary lists LinkedIn as done with the time"
grep -q 'id = "linkedin"; selected = true; status = "done"; surface = "web"; time = 1795343400L;' "$(state_file)"
ok "the state file holds the record with surface and time"
press_until Enter "To take home" 6; keys End Enter
wait_exit; [ "$T_RC" = 0 ]; ok "after the summary, \"Quit optout\" quits with status 0"

start_optout 80 24 "LANG=en_GB.UTF-8"
wait_for "Welcome back"; keys Enter; wait_for "Who is objecting?"; keys Enter
wait_for "Which platforms"
on_screen_re '\[x\] LinkedIn +done, 22 Nov 2026'; ok "after a restart LinkedIn is still ticked and done"
finish
