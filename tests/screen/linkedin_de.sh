#!/bin/bash
# Der ganze LinkedIn-Weg auf Deutsch bei 80x24: der Schalter wird als
# erledigt notiert und ist nach einem Neustart noch da.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 13

# de_DE.UTF-8 is usually not installed: optout falls back to C.UTF-8 and
# still speaks German, with umlauts intact.
start_optout 80 24 "LANG=de_DE.UTF-8"
wait_for "Widerspruch gegen KI-Training"; ok "Willkommen auf Deutsch (Sprache aus LANG)"
golden welcome_de; ok "der Willkommensbildschirm sieht aus wie erwartet"
keys Enter; wait_for "Wer widerspricht?"; ok "Enter führt zu „Wer widerspricht?“"
keys Enter; wait_for "Welche Plattformen nutzen Sie?"; ok "weiter zur Plattformliste"
keys Down Down Space; wait_for "[x] LinkedIn"; ok "Leertaste kreuzt LinkedIn an"
keys Enter; wait_for "LinkedIn: Was mit Ihren Daten geschieht"
on_screen_flat "Das Training hat am 3. November 2025 begonnen, vor 384 Tagen. Wenn Sie heute widersprechen, ist alles ab heute geschützt. Was vorher genutzt wurde, bleibt im KI-Modell"
ok "die Erklärung rechnet vom heutigen Tag aus"
press_until Enter "Wo möchten Sie widersprechen?"; ok "Enter liest weiter und bestätigt dann"
keys Enter; wait_for "LinkedIn: Schritt für Schritt"
on_screen_flat "Einstellungen & Datenschutz → Datenschutz → Daten zur Verbesserung generativer KI" &&
on_screen_flat "„Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen“ auf „Aus“" &&
on_screen "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"
ok "Schritte zeigen den Weg, die letzte Aktion und den direkten Link"
golden linkedin_steps_de; ok "der Schritte-Bildschirm sieht aus wie erwartet"
on_screen_flat "suchen Sie nach „generativer KI“" ||
{ keys Enter; on_screen_flat "suchen Sie nach „generativer KI“"; }
ok "der Suchbegriff für ein anderes Menü steht da"
press_until Enter "Was ist passiert?"; wait_for "Erledigt: Ich habe es ausgeschaltet"
keys Enter; wait_for "Zusammenfassung"
on_screen "LinkedIn: erledigt, 22.11.2026, 10:30"; ok "die Zusammenfassung nennt LinkedIn mit Zeit"
press_until Enter "Zum Mitnehmen" 6; keys End Enter
wait_exit; [ "$T_RC" = 0 ]; ok "nach der Zusammenfassung beendet \"optout beenden\" mit Status 0"

start_optout 80 24 "LANG=de_DE.UTF-8"
wait_for "Willkommen zurück"; keys Enter Enter
wait_for "Welche Plattformen"
on_screen_re '\[x\] LinkedIn +erledigt, 22\.11\.2026'; ok "nach dem Neustart ist LinkedIn noch erledigt"
finish
