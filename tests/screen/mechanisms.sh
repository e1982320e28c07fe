#!/bin/bash
# One platform per objection mechanism, in German and in English, at 80x24:
# a switch that must be turned ON (Tumblr), a form (Instagram), an e-mail
# (Slack), a setting only an administrator can change (Figma), no way to
# object at all (Reddit) and nothing to do (Zoom). Each run starts with no
# notes, finds the platform by typing part of its name, reads what a person
# reads, and records what a person would record.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/screen/lib.sh"
plan 73

DE="LANG=de_DE.UTF-8"	# falls back to C.UTF-8 and still speaks German
EN="LANG=C.UTF-8"	# with --lang en

# fresh: forget the notes of the run before (every mechanism starts new).
fresh() {
	rm -rf "$T_DIR/state" "$T_DIR/config"
}

# to_list de|en: start optout afresh and go to the platform list.
to_list() {
	fresh
	if [ "$1" = de ]; then
		start_optout 80 24 "$DE"
		wait_for "Widerspruch gegen KI-Training"; keys Enter
		wait_for "Wer widerspricht?"; keys Enter
		wait_for "Welche Plattformen nutzen Sie?"
	else
		start_optout 80 24 "$EN" --lang en
		wait_for "Object to AI training"; keys Enter
		wait_for "Who is objecting?"; keys Enter
		wait_for "Which platforms do you use?"
	fi
}

# search de|en PART: "/" and part of the name, then Enter ends typing.
search() {
	keys /; keys -l "$2"
	if [ "$1" = de ]; then
		wait_for "Suchen: $2"; keys Enter; wait_for "Leertaste ankreuzen"
	else
		wait_for "Search: $2"; keys Enter; wait_for "Space tick"
	fi
}

# state_has TEXT: the saved notes contain TEXT.
state_has() {
	grep -qF -- "$1" "$(state_file)"
}

# ---- toggle_on: Tumblr, where it is ON that protects -----------------------

to_list de
search de Tumb
on_screen_re '^> +1 \[ \] Tumblr ' && ! on_screen "Instagram"
ok "de: typing part of the name leaves only Tumblr in the list"
keys Space; wait_for "[x] Tumblr"; keys Enter
wait_for "Tumblr: Was mit Ihren Daten geschieht"
on_screen_flat "Sie können das für jeden Ihrer Blogs verhindern."
ok "de: Tumblr's explanation is in German"
press_until Enter "Tumblr: Wo möchten Sie widersprechen?"
keys Enter; wait_for "Tumblr: Schritt für Schritt"
on_screen "Im Webbrowser (Computer)" &&
on_screen_flat "Scrollen Sie nach unten bis zum Abschnitt „Visibility“."
ok "de: the web steps lead to the section “Visibility”"
on_screen_flat "Schalten Sie „Prevent third-party sharing“ EIN. Achtung: Hier schützt gerade das Einschalten Ihre Daten." &&
! on_screen "auf Aus"
ok "de: the final step says that switching ON protects, not off"
on_screen_flat "Einige Bezeichnungen stehen hier auf Englisch. Keine Quelle nennt den deutschen Wortlaut."
ok "de: it says why the labels are in English"
press_until Enter "Tumblr: Was ist passiert?"
on_screen "Erledigt: Ich habe es eingeschaltet" && ! on_screen "ausgeschaltet"
ok "de: the record screen offers “switched it on”, not “off”"
keys Enter; wait_for "Zusammenfassung"
on_screen "Tumblr: erledigt, 22.11.2026, 10:30"
ok "de: the summary lists Tumblr as done with the time"
state_has 'id = "tumblr"; selected = true; status = "done"; surface = "web"; time = 1795343400L;'
ok "de: the state file holds done for the web"
keys Enter; wait_exit

to_list en
search en Tumb
keys Right; wait_for "Tumblr: what happens to your data"
on_screen_flat "You can prevent this for each of your blogs."
ok "en: Right opens Tumblr on its own, explained in English"
press_until Enter "Tumblr: where are you doing it?"
keys Down Enter; wait_for "Tumblr: step by step"
on_screen "In the app (Android or iPhone)" &&
on_screen_flat "Tap the gear icon. Then tap “Visibility”."
ok "en: the app steps lead to “Visibility”"
on_screen_flat "Switch “Prevent third-party sharing” ON. Here it is ON that protects your data." &&
! on_screen "oggle"
ok "en: the final step says that switching ON protects (never just “toggle”)"
press_until Enter "Tumblr: what happened?"
on_screen "Done: I switched it on" && ! on_screen "switched it off"
ok "en: the record screen offers “switched it on”, not “off”"
keys Enter; wait_for "Summary"
on_screen "Tumblr: done, 22 Nov 2026, 10:30" &&
state_has 'id = "tumblr"; selected = true; status = "done"; surface = "app"; time = 1795343400L;'
ok "en: summary and state file hold done for the app"
keys Enter; wait_exit

# ---- form: Instagram, in English (Facebook's German form: facebook_form.sh)

to_list en
search en Insta
keys Space; wait_for "[x] Instagram"; keys Enter
wait_for "Instagram: what happens to your data"
press_until Enter "Instagram: where are you doing it?"
keys Down Enter; wait_for "Instagram: step by step"
on_screen "In the web browser (computer)" &&
on_screen_flat "The form is called “Object to your information being used for AI at Meta”."
ok "en: the web steps name the form"
on_screen_flat "Send the form: press “Submit”."
ok "en: the final step is to send the form with “Submit”"
press_until Enter "https://help.instagram.com/contact/767264225370182" &&
on_screen_flat "The form asks for your e-mail address and your country of residence."
ok "en: the steps say what the form asks for and link to it"
on_screen_flat "Afterwards you get a confirmation by e-mail. Keep it: it proves that you objected." ||
{ keys Down Down Down; wait_flat "Afterwards you get a confirmation by e-mail. Keep it"; }
ok "en: the steps say a confirmation e-mail follows"
press_until Enter "Instagram: what happened?"
on_screen "I sent the form and wait for the confirmation" &&
on_screen "I received the confirmation e-mail" && ! on_screen "switched"
ok "en: a form offers “sent” and “confirmation received”, not “switched”"
keys Enter; wait_for "Summary"
on_screen "Waiting for a confirmation or an answer" &&
on_screen "Instagram: form sent, waiting for confirmation, 22 Nov 2026, 10:30"
ok "en: the summary lists Instagram as waiting for the confirmation"
state_has 'id = "instagram"; selected = true; status = "form_sent"; surface = "web"; time = 1795343400L;'
ok "en: the state file holds form_sent for the web"
keys Enter; wait_exit

# ---- email: Slack -----------------------------------------------------------

to_list de
search de Slack
keys Right; wait_for "Slack: Was mit Ihren Daten geschieht"
on_screen_flat "Slack hat dafür keinen Schalter. Sie widersprechen deshalb per E-Mail."
ok "de: the explanation says the objection goes by e-mail"
press_until Enter "Slack: Widerspruch per E-Mail"
on_screen "Wer die E-Mail senden kann" &&
on_screen_flat "Nur ein Owner kann die E-Mail schicken: der Org Owner, der Workspace Owner oder der Primary Owner."
ok "de: the e-mail page says who may send it"
on_screen "An diese Adresse senden" && on_screen "feedback@slack.com" &&
on_screen "Betreff" && on_screen "Slack Global model opt-out request"
ok "de: it gives the address and the exact subject"
on_screen "Was Sie schreiben" &&
on_screen_flat "Guten Tag, bitte nehmen Sie unseren Workspace vom Training der globalen Modelle von Slack aus."
ok "de: it gives the German text to write"
press_until Enter "Bewahren Sie die Antwort auf. Sie beweist, dass Sie widersprochen haben."
ok "de: it says to keep the answer"
press_until Enter "Slack: Was ist passiert?"
on_screen "Ich habe die E-Mail gesendet und warte auf eine Antwort" &&
on_screen "Ich habe eine Antwort erhalten" &&
! on_screen "Formular" && ! on_screen "ausgeschaltet"
ok "de: the record screen offers “e-mail sent” and “answer received”"
keys Enter; wait_for "Zusammenfassung"
on_screen "Warten auf eine Bestätigung oder eine Antwort" &&
on_screen "Slack: E-Mail gesendet, Antwort ausstehend, 22.11.2026, 10:30"
ok "de: the summary lists Slack as e-mail sent, waiting for an answer"
state_has 'id = "slack"; selected = true; status = "form_sent"; time = 1795343400L;'
ok "de: the state file holds form_sent, without a surface"
keys Enter; wait_exit
start_optout 80 24 "$DE"
wait_for "Willkommen zurück"; keys Enter; wait_for "Wer widerspricht?"; keys Enter
wait_for "Welche Plattformen"; search de Slack
on_screen_flat "[x] Slack E-Mail gesendet, Antwort ausstehend, 22.11.2026"
ok "de: after a restart the list shows Slack waiting for an answer"
keys q; wait_for "optout beenden?"; keys Enter; wait_exit

to_list en
search en Slack
keys Space; wait_for "[x] Slack"; keys Enter
wait_for "Slack: what happens to your data"
on_screen_flat "Slack has no switch for this. The objection is sent by e-mail."
ok "en: the explanation says the objection goes by e-mail"
press_until Enter "Slack: the e-mail"
on_screen "Who can send it" &&
on_screen_flat "Only an owner can send the e-mail: the Org Owner, the Workspace Owner or the Primary Owner."
ok "en: the e-mail page says who may send it"
on_screen "Send it to" && on_screen "feedback@slack.com" &&
on_screen "Subject" && on_screen "Slack Global model opt-out request"
ok "en: it gives the address and the exact subject"
on_screen "What to write" &&
on_screen_flat "Hello, please opt our workspace out of Slack's global models."
ok "en: it gives the text to write"
press_until Enter "Slack: what happened?"
on_screen "I sent the e-mail and wait for an answer" &&
on_screen "I received an answer" && ! on_screen "form" && ! on_screen "switched"
ok "en: the record screen offers “e-mail sent” and “answer received”"
keys Enter; wait_for "Summary"
on_screen "Waiting for a confirmation or an answer" &&
on_screen "Slack: e-mail sent, waiting for an answer, 22 Nov 2026, 10:30"
ok "en: the summary lists Slack as e-mail sent, waiting for an answer"
state_has 'id = "slack"; selected = true; status = "form_sent"; time = 1795343400L;'
ok "en: the state file holds form_sent, without a surface"
keys Enter; wait_exit
start_optout 80 24 "$EN OPTOUT_NOW=2026-11-25T08:15" --lang en
wait_for "Welcome back"; keys Enter; wait_for "Who is objecting?"; keys Enter
wait_for "Which platforms"; search en Slack
on_screen_flat "[x] Slack e-mail sent, waiting for an answer, 22 Nov 2026"
ok "en: after a restart the list shows Slack waiting for an answer"
keys Enter; wait_for "Slack: what happens to your data"
press_until Enter "Slack: what happened?"
screen | grep -q '^>.*I received an answer' &&
on_screen_flat "Noted so far: e-mail sent, waiting for an answer, 22 Nov 2026, 10:30"
ok "en: a second visit shows what was noted and preselects the answer"
keys Enter; wait_for "Summary"
on_screen "Slack: answer received, 25 Nov 2026, 08:15" &&
state_has 'id = "slack"; selected = true; status = "confirmed"; time = 1795594500L;'
ok "en: the answer is recorded with its own time"
keys Enter; wait_exit

# ---- admin: Figma, only an administrator can switch it off -------------------

to_list de
search de Fig
on_screen_re 'Figma +offen; nur für Administratoren'
ok "de: the list says only an administrator can do it"
keys Space; wait_for "[x] Figma"; keys Enter
wait_for "Figma: Was mit Ihren Daten geschieht"
on_screen_flat "Nur die Administratorin oder der Administrator des Kontos Ihrer Organisation kann diese Einstellung ändern. Sind Sie das nicht selbst? Dann zeigen Sie die nächsten Schritte dieser Person."
ok "de: the explanation says only an administrator can change it"
press_until Enter "Figma: Schritt für Schritt"
on_screen_flat "Diese Schritte sind für die Administratorin oder den Administrator des Kontos Ihrer Organisation."
ok "de: the steps are for the administrator"
press_until Enter "Strg+F" &&
on_screen_flat "Stellen Sie „Content training“ auf „Aus“. Das Ausschalten ist Ihr Widerspruch."
ok "de: the final step says switching off is the objection"
press_until Enter "Figma: Was ist passiert?"
on_screen "Erledigt: Ich habe es ausgeschaltet" && on_screen "Es hat nicht geklappt"
ok "de: the record screen offers “switched it off”"
keys Enter; wait_for "Zusammenfassung"
on_screen "Figma: erledigt, 22.11.2026, 10:30" &&
state_has 'id = "figma"; selected = true; status = "done"; surface = "web"; time = 1795343400L;'
ok "de: summary and state file hold done"
keys Enter; wait_exit

to_list en
search en Fig
on_screen_re 'Figma +open; only an administrator'
ok "en: the list says only an administrator can do it"
keys Right; wait_for "Figma: what happens to your data"
on_screen_flat "Only an administrator of your organisation's account can change this setting. If that is not you, show the next steps to your administrator."
ok "en: the explanation says only an administrator can change it"
press_until Enter "Figma: step by step"
on_screen_flat "These are the steps for the administrator of your organisation's account." &&
on_screen_flat "Open Figma in a browser or in the desktop app. Log in as an admin."
ok "en: the steps are for the administrator, who logs in as admin"
on_screen_flat "Switch “Content training” to “Off”. Switching it off is your objection."
ok "en: the final step says switching off is the objection"
press_until Enter "Figma: what happened?"
on_screen "Done: I switched it off" && on_screen "It did not work"
ok "en: the record screen offers “switched it off”"
keys Enter; wait_for "Summary"
on_screen "Figma: done, 22 Nov 2026, 10:30" &&
state_has 'id = "figma"; selected = true; status = "done"; surface = "web"; time = 1795343400L;'
ok "en: summary and state file hold done"
keys Enter; wait_exit

# ---- none: Reddit, no switch and no form -------------------------------------

to_list de
search de Redd
on_screen_re 'Reddit +offen; nichts einzustellen'
ok "de: the list says there is nothing to switch"
keys Right; wait_for "Reddit: Was mit Ihren Daten geschieht"
on_screen_flat "Reddit hat keinen Schalter und kein Formular für einen Widerspruch gegen das KI-Training. Was Sie trotzdem tun können, steht weiter unten."
ok "de: the explanation says there is no switch and no form"
# (the note on top already names the section: read on to its bullets)
press_until Enter "• Löschen Sie Beiträge und Kommentare" &&
on_screen_re '^  Was Sie trotzdem tun können *$' &&
press_until Down "• Sie können auch Ihr ganzes Konto löschen." 5 &&
press_until Down "Beiträge Persönliches enthalten." 12 &&
on_screen_flat "Sie können immer schriftlich widersprechen: mit einem kurzen Brief oder einer E-Mail an das Unternehmen. Schreiben Sie, dass Sie der Nutzung Ihrer Daten für KI-Training widersprechen (Artikel 21 DSGVO)."
ok "de: it lists what one can still do, including the written objection"
press_until Enter "Enter verstanden"
keys Enter; wait_for "Reddit: Was ist passiert?" && ! on_screen "Schritt für Schritt"
ok "de: from the explanation straight to the record screen, no steps"
on_screen "Ich habe das gelesen" && ! on_screen "Es hat nicht geklappt" &&
! on_screen "Erledigt:"
ok "de: the record screen offers “I have read this”, nothing to switch"
keys Enter; wait_for "Zusammenfassung"
on_screen "Reddit: zur Kenntnis genommen, 22.11.2026, 10:30" &&
state_has 'id = "reddit"; selected = true; status = "noted"; time = 1795343400L;'
ok "de: summary and state file hold noted"
keys Enter; wait_exit

to_list en
search en Redd
on_screen_re 'Reddit +open; nothing to switch'
ok "en: the list says there is nothing to switch"
keys Space; wait_for "[x] Reddit"; keys Enter
wait_for "Reddit: what happens to your data"
on_screen_flat "Reddit has no switch and no form for objecting to AI training. Below is what you can still do."
ok "en: the explanation says there is no switch and no form"
press_until Enter "• Delete posts and comments that should not be used." &&
on_screen_re '^  What you can still do *$' &&
press_until Down "• You can also delete your whole account." 5 &&
press_until Down "your posts contain personal things." 12 &&
on_screen_flat "You can always object in writing: a short letter or e-mail to the company saying that you object to the use of your data for AI training (Article 21 of the GDPR)."
ok "en: it lists what one can still do, including the written objection"
press_until Enter "Enter understood"
keys Enter; wait_for "Reddit: what happened?" && ! on_screen "step by step"
ok "en: from the explanation straight to the record screen, no steps"
on_screen "I have read this" && ! on_screen "It did not work" &&
! on_screen "Done:"
ok "en: the record screen offers “I have read this”, nothing to switch"
keys Enter; wait_for "Summary"
on_screen "Reddit: noted, 22 Nov 2026, 10:30" &&
state_has 'id = "reddit"; selected = true; status = "noted"; time = 1795343400L;'
ok "en: summary and state file hold noted"
keys Enter; wait_exit

# ---- not_needed: Zoom, nothing to do -------------------------------------------

to_list de
search de Zoom
on_screen_re 'Zoom +offen; nichts nötig'
ok "de: the list says nothing is needed"
keys Space; wait_for "[x] Zoom"; keys Enter
wait_for "Zoom: Was mit Ihren Daten geschieht"
on_screen_flat "Hier müssen Sie nichts tun: Zoom gibt an, diese Daten nicht für das KI-Training zu nutzen."
ok "de: the explanation says nothing needs to be done"
# The section would stand between what Zoom does and the legal basis.
on_screen "Auf welcher rechtlichen Grundlage" &&
! on_screen "Was ein Widerspruch heute bewirken kann"
ok "de: there is no section on what an objection today can do"
press_until Enter "Enter verstanden"
keys Enter; wait_for "Zoom: Was ist passiert?"
on_screen "Gut zu wissen: Hier ist nichts zu tun" &&
on_screen "Ich habe dort kein Konto" && ! on_screen "Ich mache es später" &&
! on_screen "Es hat nicht geklappt"
ok "de: straight to the record screen, which offers “nothing to do”"
keys Enter; wait_for "Zusammenfassung"
on_screen "Zoom: zur Kenntnis genommen, 22.11.2026, 10:30" &&
state_has 'id = "zoom"; selected = true; status = "noted"; time = 1795343400L;'
ok "de: summary and state file hold noted"
keys Enter; wait_exit

to_list en
search en Zoom
on_screen_re 'Zoom +open; nothing needed'
ok "en: the list says nothing is needed"
keys Right; wait_for "Zoom: what happens to your data"
on_screen_flat "You need to do nothing here: Zoom says it does not use this data to train AI."
ok "en: the explanation says nothing needs to be done"
on_screen "On what legal basis" && ! on_screen "What an objection today can do"
ok "en: there is no section on what an objection today can do"
press_until Enter "Enter understood"
keys Enter; wait_for "Zoom: what happened?"
on_screen "Good to know: there is nothing to do" &&
on_screen "I have no account there" && ! on_screen "I will do it later" &&
! on_screen "It did not work"
ok "en: straight to the record screen, which offers “nothing to do”"
keys Enter; wait_for "Summary"
on_screen "Zoom: noted, 22 Nov 2026, 10:30" &&
state_has 'id = "zoom"; selected = true; status = "noted"; time = 1795343400L;'
ok "en: summary and state file hold noted"
keys Enter; wait_exit
finish
