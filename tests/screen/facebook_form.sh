#!/bin/bash
# The Facebook objection form: sent and waiting for the confirmation, then,
# on a second visit, the confirmation received. In German, in the app.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 10

start_optout 80 24 "LANG=de_DE.UTF-8"
wait_for "Widerspruch gegen KI-Training"; keys Enter
wait_for "Wer widerspricht?"; keys Enter
wait_for "Welche Plattformen"; keys 1 Enter
wait_for "Facebook: Was mit Ihren Daten geschieht"
on_screen_flat "Das Training hat am 27. Mai 2025 begonnen, vor 544 Tagen."
ok "Meta's training start is counted from today"
press_until Enter "Wo möchten Sie widersprechen?"
keys Down Enter; wait_for "Facebook: Schritt für Schritt"
on_screen "In der App (Android oder iPhone)"; ok "the app path was chosen"
on_screen_flat "Tippen Sie dort auf den Link „widersprechen“"; ok "the app steps use Facebook's own words"
on_screen_flat "Schicken Sie das Formular ab" ; ok "the final action is to send the form"
press_until Enter "Bestätigung per E-Mail"; ok "the steps say a confirmation e-mail follows"
press_until Enter "Was ist passiert?"
on_screen "Ich habe das Formular gesendet und warte auf die Bestätigung" &&
on_screen "Ich habe die Bestätigungs-E-Mail erhalten" && ! on_screen "ausgeschaltet"
ok "a form offers 'sent' and 'confirmation received', not 'switched off'"
keys Enter; wait_for "Zusammenfassung"
on_screen "Warten auf eine Bestätigung oder eine Antwort" &&
on_screen "Facebook: Formular gesendet, Bestätigung ausstehend, 22.11.2026, 10:30"
ok "the summary lists Facebook as waiting for the confirmation"
grep -q '"facebook"; selected = true; status = "form_sent"; surface = "app"' "$(state_file)"
ok "the state file holds form_sent for the app"
keys Enter; wait_exit

# Second visit: the confirmation e-mail has come.
start_optout 80 24 "LANG=de_DE.UTF-8 OPTOUT_NOW=2026-11-24T09:00"
wait_for "Willkommen zurück"; keys Enter Enter; wait_for "Welche Plattformen"
on_screen_flat 'Facebook Formular gesendet, Bestätigung ausstehend'; ok "the list shows Facebook still waiting"
keys Enter; wait_for "Facebook: Was mit Ihren Daten"
press_until Enter "Wo möchten Sie"; keys Enter
wait_for "Schritt für Schritt"; press_until Enter "Was ist passiert?"
keys Enter; wait_for "Zusammenfassung"
grep -q '"facebook"; selected = true; status = "confirmed"' "$(state_file)" &&
on_screen "Facebook: Bestätigung erhalten, 24.11.2026, 09:00"
ok "a second visit records the confirmation (preselected) with its own time"
finish
