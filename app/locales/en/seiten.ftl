# Chancenkarte – texts of the pages rendered on the server (header, footer, offer details,
# error pages). The tools of network members and editors stay German.

## Every page
seite-zum-inhalt = Skip to content
seite-sprache-waehlen = Language
seite-anmelden = Sign in for network members
seite-informationen = Information
seite-hilfe = Help
seite-eintragen = Get your offer listed
seite-barrierefreiheit = Accessibility
seite-impressum = Legal notice
seite-datenschutz = Privacy
seite-offene-daten = Open data
seite-nur-deutsch = This page is only available in German.

## Not found
seite-nicht-gefunden-titel = Page not found – Chancenkarte
seite-nicht-gefunden = Page not found
seite-nicht-gefunden-text = This address does not exist in the Chancenkarte (error 404).
seite-zur-karte = Go to the map with all offers

## The map page
karte-titel = Chancenkarte – Offers for families, children and young people
karte-ueberschrift = Offers for families, children and young people
karte-laedt = Loading offers …
karte-fehler = The offers could not be loaded. Please try again later.
karte-demodaten = Demo data: all offers on this page are made up and are only for demonstration.

## One offer (its page and the map's detail panel)
angebot-demodaten = Demo data – not a real offer
angebot-fuer = For
angebot-themen = Topics
angebot-adresse = Address
angebot-route = Plan a route
angebot-adresse-auf-anfrage = Address on request – please call
angebot-telefon = Phone
angebot-email = Email
angebot-website = Website
angebot-oeffnungszeiten = Opening hours
angebot-nach-vereinbarung = by appointment
angebot-kosten = Cost
angebot-sprachen = Languages
angebot-barrierefreiheit = Accessibility
angebot-rollstuhlgerecht = wheelchair accessible
angebot-keine-angabe-barrierefreiheit = no information on accessibility
angebot-form = Format
angebot-zuletzt-geprueft = Details confirmed: { $month }
angebot-stand = as of { $month }
angebot-freie-plaetze = Free places
angebot-plaetze-ja = yes
angebot-plaetze-nein = no
angebot-plaetze-anfrage = on request
angebot-wartezeit = Waiting time
angebot-wartezeit-wochen = { $wochen ->
    [one] about one week
   *[other] about { $wochen } weeks
}
angebot-geschlossen-bis = Temporarily closed until { $datum }
angebot-veraltet = This entry has not been checked for more than two years. Please ask the provider whether the offer still exists in this form.
angebot-inhalt-deutsch = The description of this offer is in German.
tag-mon = Monday
tag-tue = Tuesday
tag-wed = Wednesday
tag-thu = Thursday
tag-fri = Friday
tag-sat = Saturday
tag-sun = Sunday

## Help
hilfe-titel = Help – Chancenkarte
hilfe-ueberschrift = Help: how to find an offer
hilfe-filtern = Filter.
hilfe-filtern-text = Open “Filters”. Enter the age of your child, choose a topic and your place. You can also search for a word, for example “Hebamme” (midwife); offers are described in German.
hilfe-ansehen = Look.
hilfe-ansehen-text = The matching offers are on the map and in the list of results. A number on the map means: there are several offers at this place. Tap it and the map zooms in. Under “Near”, enter your place or your postcode; then the nearest offers are at the top.
hilfe-oeffnen = Open.
hilfe-oeffnen-text = Tap an offer. You see the address, phone, opening hours, cost and languages. Tap the phone number to call directly. With “Plan a route” you see the way.
hilfe-weitergeben = Pass it on.
hilfe-weitergeben-text = With “Share” you send your selection to others; with “Print” you get a list on paper with a QR code.
hilfe-ohne-karte = Without the map
hilfe-ohne-karte-text = All offers are also in the list of results: on a phone at the bottom, above the map (drag it up or tap it to make it bigger); on large screens next to the map. The list works with a keyboard and a screen reader, and also without JavaScript.
hilfe-fehler = An offer is missing or wrong?
hilfe-fehler-text = On the page of every offer you can use “Report an error”. Organisations can get a new offer listed:
hilfe-eintragen = Get your offer listed
hilfe-sprachen = Languages
hilfe-sprachen-text = At the top of every page you choose the language: German, English, Turkish, Arabic or Ukrainian. The Chancenkarte remembers your choice. The descriptions of the offers are in German; some offers have a short description in your language.

## One offer: the quick actions, its page and the link previews
angebot-anrufen = Call
angebot-zur-karte = All offers on the map
angebot-laedt = Loading the offer …
angebot-fehler = The offer could not be loaded. Please try again later.
angebot-nicht-gefunden-titel = Offer not found – Chancenkarte
angebot-nicht-gefunden = Offer not found
angebot-nicht-gefunden-text = This offer does not exist or no longer exists. It may have been archived.
angebot-vorschau = { $name } – { $organization } in { $town }. An offer for families, children and young people on the Chancenkarte.

## "Fehler melden" below an offer
fehler-melden = Report an error
fehler-melden-was = What is wrong?
fehler-melden-email = Your email address for questions (optional)
fehler-melden-senden = Send report

## The print view (/drucken)
druck-titel = Print view – Chancenkarte
druck-laedt = Preparing the print view …
druck-fehler = The print view could not be created. Please try again later.
druck-zurueck = Back to the map
druck-stand = As of { $date }
druck-auswahl = Selection: { $selection }
druck-alle = all offers
druck-anzahl = { $count ->
    [0] No offers found.
    [one] { $count } offer
   *[other] { $count } offers
}
druck-orte = in: { $towns }
druck-qr = QR code with the link to this selection
druck-online = This selection online:
druck-gekuerzt = The first { $shown } of { $total } offers are printed. The QR code leads to all of them.
druck-inhalt-deutsch = The details of the offers are in German.
druck-telefon = Tel. { $phone }
druck-oeffnungszeiten = Opening hours:
druck-alter = { $age ->
    [one] Age: { $age } year
   *[other] Age: { $age } years
}
druck-lebensphase = Stage of life: { $phase }
druck-themen = { $count ->
    [one] Topic: { $topics }
   *[other] Topics: { $topics }
}
druck-ort = Place: { $place }
druck-suchbegriff = Search term: “{ $text }”
druck-sprache = Language: { $language }
druck-naehe = by distance from: { $place }
druck-naehe-name = by name, with distance from: { $place }
druck-eigener-standort = your location
tag-kurz-mon = Mon
tag-kurz-tue = Tue
tag-kurz-wed = Wed
tag-kurz-thu = Thu
tag-kurz-fri = Fri
tag-kurz-sat = Sat
tag-kurz-sun = Sun

## Previews of shared links (map page)
karte-beschreibung = Services for families, children and young people in { $region }: find, call, go.
karte-beschreibung-filter = Services in { $region } – { $filter }

## Short form of the sign-in link (phone header)
seite-anmelden-kurz = Sign in

## The answer after "Fehler melden"
fehler-melden-danke = Thank you! Your report has reached the editors (number { $reference }).

## When "Fehler melden" cannot take a report (the German texts are also the API's answers)
fehler-melden-fehlt = Please describe what is wrong.
fehler-melden-zu-kurz = Your report is too short: please describe what is wrong in at least { $min } characters.
fehler-melden-zu-lang = Your report is too long (at most { $max } characters). Please shorten it.
fehler-melden-nicht-gespeichert = Your report could not be saved just now. Please try again later.

## A public form refused (also the German-only listing form and the API's answers)
formular-steuerzeichen = The text contains an invisible control character (for example from a copied table). Please type the text again.
formular-email-ungueltig = That is not a valid email address (example: name@example.com).
formular-email-zu-lang = The email address is too long.
formular-email-vor-at-zu-lang = The part before the @ is too long (at most { $max } characters).
formular-ausgefuellt = The form contains a field that people do not fill in. Please reload the page.
formular-zu-schnell = The form was sent too quickly. Please check what you entered and send it again.
formular-abgelaufen = The form has expired. Please reload the page.
formular-zu-viele-sekunden = We have just received many reports from your connection. Please try again in { $count ->
        [one] { $count } second
       *[other] { $count } seconds
    }.
formular-zu-viele-minuten = We have just received many reports from your connection. Please try again in { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }.

## The editors' overview /redaktion and the editors' menu.
konto-redaktion-offen = { $count ->
        [one] open request
       *[other] open requests
    }
redaktion-anfragen-titel = New requests ({ $count })
redaktion-keine-anfragen = No open requests.
redaktion-entschieden = Recently decided ({ $count })
redaktion-faellig-titel = Due for checking
redaktion-faellig-hinweis = Not checked for over { $monate } months, the oldest first.
redaktion-faellig-anzahl = { $count ->
        [one] { $count } offer due
       *[other] { $count } offers due
    }
redaktion-faellig-fehlt = The offers due for checking could not be read just now. Please reload the page.
redaktion-filter-ort = Town
redaktion-filter-alle-orte = All towns
redaktion-filter-thema = Topic
redaktion-filter-alle-themen = All topics
redaktion-filter-anwenden = Show
redaktion-filter-zuruecksetzen = Show all offers due
redaktion-nach-ort = Offers due by town
redaktion-spalte-ort = Town
redaktion-spalte-anzahl = Offers
redaktion-zuletzt-geprueft = last checked { $datum }
redaktion-keine-faelligen = No offers due for this selection.
redaktion-seiten = Pages of the offers due
redaktion-seite = Page { $seite }
redaktion-seite-von = Page { $seite } of { $seiten }
redaktion-zurueck = Previous page
redaktion-weiter = Next page
redaktion-archiv-titel = Archived offers ({ $count })
redaktion-keine-archivierten = No archived offers.
redaktion-fehler-ort = There is no town with the key “{ $wert }” here. Please choose a town from the list.
redaktion-fehler-thema = There is no topic “{ $wert }”. Please choose a topic from the list.
redaktion-fehler-seite = “{ $wert }” is not a page number. Pages are counted from 1.
redaktion-fehler-seite-fehlt = There is no page { $wert }: the selection has { $seiten ->
        [one] { $seiten } page
       *[other] { $seiten } pages
    }.
redaktion-fehler-doppelt = “{ $wert }” may be given only once.
redaktion-fehler-parameter = This page does not know “{ $wert }”.

## Merkliste (/auswahl) and the Familienmappe
auswahl-kopf = Saved
auswahl-titel = Saved offers
auswahl-laedt = Loading saved offers …
auswahl-fehler = The saved offers could not be loaded. Please try again later.
auswahl-ungueltig = This address of a list of offers is not valid
auswahl-einleitung = The offers you saved. The list is kept on this device only – no account, no cookie. With “Share link” you open it on another device.
auswahl-fremd = This list is not the one saved on this device.
auswahl-uebernehmen = Add to this device’s saved offers
auswahl-leer = You have not saved any offers yet. Tap “Save” at an offer.
auswahl-link-teilen = Share link
auswahl-zum-angebot = Open offer
auswahl-entfernen = Remove
auswahl-nicht-verfuegbar = Offer no. { $id } is no longer available.
auswahl-adresse-auf-anfrage = Address on request
druck-merkliste = saved offers
mappe-titel = Offers for your family
mappe-ort = Town:
mappe-qr = QR code with the link to this offer
mappe-deutsch = Where there is no translation, the descriptions are in German.
mappe-fuss = All information without guarantee. The QR code leads to the latest information.
