# Chancenkarte – texts of the pages rendered on the server (header, footer, offer details,
# error pages). The tools of network members and editors stay German.

## Every page
seite-zum-inhalt = Zum Inhalt springen
seite-sprache-waehlen = Sprache
seite-anmelden = Anmelden für Netzwerkmitglieder
seite-informationen = Informationen
seite-hilfe = Hilfe
seite-eintragen = Angebot eintragen lassen
seite-barrierefreiheit = Barrierefreiheit
seite-impressum = Impressum
seite-datenschutz = Datenschutz
seite-offene-daten = Offene Daten
seite-nur-deutsch = Diese Seite gibt es nur auf Deutsch.

## Not found
seite-nicht-gefunden-titel = Seite nicht gefunden – Chancenkarte
seite-nicht-gefunden = Seite nicht gefunden
seite-nicht-gefunden-text = Diese Adresse gibt es in der Chancenkarte nicht (Fehler 404).
seite-zur-karte = Zur Karte mit allen Angeboten

## The map page
karte-titel = Chancenkarte – Angebote für Familien, Kinder und Jugendliche
karte-ueberschrift = Angebote für Familien, Kinder und Jugendliche
karte-laedt = Angebote werden geladen …
karte-fehler = Die Angebote konnten nicht geladen werden. Bitte versuchen Sie es später erneut.
karte-demodaten = Demodaten: Alle Angebote auf dieser Seite sind erfunden und dienen nur der Vorführung.

## One offer (its page and the map's detail panel)
angebot-demodaten = Demodaten – kein echtes Angebot
angebot-fuer = Für
angebot-themen = Themen
angebot-adresse = Adresse
angebot-route = Route planen
angebot-adresse-auf-anfrage = Adresse auf Anfrage – bitte anrufen
angebot-telefon = Telefon
angebot-email = E-Mail
angebot-website = Website
angebot-oeffnungszeiten = Öffnungszeiten
angebot-nach-vereinbarung = nach Vereinbarung
angebot-kosten = Kosten
angebot-sprachen = Sprachen
angebot-barrierefreiheit = Barrierefreiheit
angebot-rollstuhlgerecht = rollstuhlgerecht
angebot-keine-angabe-barrierefreiheit = keine Angabe zur Barrierefreiheit
angebot-form = Form
angebot-zuletzt-geprueft = Angaben bestätigt im { $month }
angebot-stand = Stand: { $month }
angebot-freie-plaetze = Freie Plätze
angebot-plaetze-ja = ja
angebot-plaetze-nein = nein
angebot-plaetze-anfrage = auf Anfrage
angebot-wartezeit = Wartezeit
angebot-wartezeit-wochen = { $wochen ->
    [one] ca. eine Woche
   *[other] ca. { $wochen } Wochen
}
angebot-geschlossen-bis = Vorübergehend geschlossen bis { $datum }
angebot-veraltet = Dieser Eintrag wurde seit über zwei Jahren nicht geprüft. Bitte fragen Sie vor Ort nach, ob das Angebot so noch besteht.
angebot-inhalt-deutsch = Die Beschreibung des Angebots steht auf Deutsch.
tag-mon = Montag
tag-tue = Dienstag
tag-wed = Mittwoch
tag-thu = Donnerstag
tag-fri = Freitag
tag-sat = Samstag
tag-sun = Sonntag

## Help
hilfe-titel = Hilfe – Chancenkarte
hilfe-ueberschrift = Hilfe: So finden Sie ein Angebot
hilfe-filtern = Filtern.
hilfe-filtern-text = Öffnen Sie „Filter“. Geben Sie das Alter Ihres Kindes an, wählen Sie ein Thema und Ihren Ort. Sie können auch ein Wort suchen, zum Beispiel „Hebamme“.
hilfe-ansehen = Ansehen.
hilfe-ansehen-text = Die passenden Angebote stehen auf der Karte und in der Ergebnisliste. Eine Zahl auf der Karte heißt: An diesem Ort gibt es mehrere Angebote. Tippen Sie darauf, dann rückt die Karte näher heran. Unter „In der Nähe von“ geben Sie Ihren Ort oder Ihre Postleitzahl ein; dann stehen die nächsten Angebote oben.
hilfe-oeffnen = Öffnen.
hilfe-oeffnen-text = Tippen Sie auf ein Angebot. Sie sehen Adresse, Telefon, Öffnungszeiten, Kosten und Sprachen. Tippen Sie auf die Telefonnummer, dann rufen Sie direkt an. Mit „Route planen“ sehen Sie den Weg.
hilfe-weitergeben = Weitergeben.
hilfe-weitergeben-text = Mit „Teilen“ schicken Sie die Auswahl weiter, mit „Drucken“ bekommen Sie eine Liste auf Papier mit QR-Code.
hilfe-ohne-karte = Ohne Karte
hilfe-ohne-karte-text = Alle Angebote stehen auch in der Ergebnisliste: auf dem Handy unten über der Karte (zum Vergrößern nach oben ziehen oder antippen), auf großen Bildschirmen neben der Karte. Die Liste funktioniert mit Tastatur und Bildschirmleser und auch ohne JavaScript.
hilfe-fehler = Ein Angebot fehlt oder stimmt nicht?
hilfe-fehler-text = Auf der Seite jedes Angebots können Sie „Fehler melden“. Einrichtungen können ein neues Angebot eintragen lassen:
hilfe-eintragen = Angebot eintragen lassen
hilfe-sprachen = Sprachen
hilfe-sprachen-text = Oben auf jeder Seite wählen Sie die Sprache: Deutsch, Englisch, Türkisch, Arabisch oder Ukrainisch. Die Chancenkarte merkt sich Ihre Wahl. Die Beschreibungen der Angebote sind auf Deutsch; manche Angebote haben eine kurze Beschreibung in Ihrer Sprache.

## One offer: the quick actions, its page and the link previews
angebot-anrufen = Anrufen
angebot-zur-karte = Alle Angebote auf der Karte
angebot-laedt = Angebot wird geladen …
angebot-fehler = Das Angebot konnte nicht geladen werden. Bitte versuchen Sie es später erneut.
angebot-nicht-gefunden-titel = Angebot nicht gefunden – Chancenkarte
angebot-nicht-gefunden = Angebot nicht gefunden
angebot-nicht-gefunden-text = Dieses Angebot gibt es nicht oder nicht mehr. Vielleicht wurde es archiviert.
angebot-vorschau = { $name } – { $organization } in { $town }. Ein Angebot für Familien, Kinder und Jugendliche auf der Chancenkarte.

## "Fehler melden" below an offer
fehler-melden = Fehler melden
fehler-melden-was = Was stimmt nicht?
fehler-melden-email = Ihre E-Mail-Adresse für Rückfragen (freiwillig)
fehler-melden-senden = Meldung senden

## The print view (/drucken)
druck-titel = Druckansicht – Chancenkarte
druck-laedt = Druckansicht wird erstellt …
druck-fehler = Die Druckansicht konnte nicht erstellt werden. Bitte versuchen Sie es später erneut.
druck-zurueck = Zurück zur Karte
druck-stand = Stand { $date }
druck-auswahl = Auswahl: { $selection }
druck-alle = alle Angebote
druck-anzahl = { $count ->
    [0] Keine Angebote gefunden.
    [one] { $count } Angebot
   *[other] { $count } Angebote
}
druck-orte = in: { $towns }
druck-qr = QR-Code mit dem Link zu dieser Auswahl
druck-online = Diese Auswahl online:
druck-gekuerzt = Gedruckt sind die ersten { $shown } von { $total } Angeboten. Alle finden Sie über den QR-Code.
druck-inhalt-deutsch = Die Angaben zu den Angeboten stehen auf Deutsch.
druck-telefon = Tel. { $phone }
druck-oeffnungszeiten = Öffnungszeiten:
druck-alter = { $age ->
    [one] Alter: { $age } Jahr
   *[other] Alter: { $age } Jahre
}
druck-lebensphase = Lebensphase: { $phase }
druck-themen = { $count ->
    [one] Thema: { $topics }
   *[other] Themen: { $topics }
}
druck-ort = Ort: { $place }
druck-suchbegriff = Suchbegriff: „{ $text }“
druck-sprache = Sprache: { $language }
druck-naehe = nach Entfernung von: { $place }
druck-naehe-name = nach Name, mit Entfernung von: { $place }
druck-eigener-standort = Ihr Standort
tag-kurz-mon = Mo
tag-kurz-tue = Di
tag-kurz-wed = Mi
tag-kurz-thu = Do
tag-kurz-fri = Fr
tag-kurz-sat = Sa
tag-kurz-sun = So

## Previews of shared links (map page)
karte-beschreibung = Angebote für Familien, Kinder und Jugendliche im { $region }: finden, anrufen, hingehen.
karte-beschreibung-filter = Angebote im { $region } – { $filter }

## Short form of the sign-in link (phone header)
seite-anmelden-kurz = Anmelden

## The answer after "Fehler melden"
fehler-melden-danke = Danke! Ihre Meldung ist bei der Redaktion angekommen (Nummer { $reference }).

## When "Fehler melden" cannot take a report (the German texts are also the API's answers)
fehler-melden-fehlt = Bitte beschreiben Sie, was nicht stimmt.
fehler-melden-zu-kurz = Ihre Meldung ist zu kurz: Bitte beschreiben Sie in mindestens { $min } Zeichen, was nicht stimmt.
fehler-melden-zu-lang = Ihre Meldung ist zu lang (höchstens { $max } Zeichen). Bitte kürzen Sie sie.
fehler-melden-nicht-gespeichert = Ihre Meldung konnte gerade nicht gespeichert werden. Bitte versuchen Sie es später erneut.

## A public form refused (also the German-only listing form and the API's answers)
formular-steuerzeichen = Hier steht ein unsichtbares Steuerzeichen (etwa aus einer kopierten Tabelle). Bitte tippen Sie den Text neu ein.
formular-email-ungueltig = Das ist keine gültige E-Mail-Adresse (Beispiel: name@beispiel.de).
formular-email-zu-lang = Die E-Mail-Adresse ist zu lang.
formular-email-vor-at-zu-lang = Der Teil vor dem @ ist zu lang (höchstens { $max } Zeichen).
formular-ausgefuellt = Das Formular enthält ein Feld, das Menschen nicht ausfüllen. Bitte laden Sie die Seite neu.
formular-zu-schnell = Das Formular wurde zu schnell abgeschickt. Bitte prüfen Sie Ihre Angaben und senden Sie es erneut.
formular-abgelaufen = Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.
formular-zu-viele-sekunden = Von Ihrem Anschluss kamen gerade viele Meldungen. Bitte versuchen Sie es in { $count ->
        [one] { $count } Sekunde
       *[other] { $count } Sekunden
    } erneut.
formular-zu-viele-minuten = Von Ihrem Anschluss kamen gerade viele Meldungen. Bitte versuchen Sie es in { $count ->
        [one] { $count } Minute
       *[other] { $count } Minuten
    } erneut.

## The editors' overview /redaktion and the editors' menu.
konto-redaktion-offen = { $count ->
        [one] offene Anfrage
       *[other] offene Anfragen
    }
redaktion-anfragen-titel = Neue Anfragen ({ $count })
redaktion-keine-anfragen = Keine offenen Anfragen.
redaktion-entschieden = Zuletzt entschieden ({ $count })
redaktion-faellig-titel = Zur Prüfung fällig
redaktion-faellig-hinweis = Seit über { $monate } Monaten nicht geprüft, die ältesten zuerst.
redaktion-faellig-anzahl = { $count ->
        [one] { $count } Angebot fällig
       *[other] { $count } Angebote fällig
    }
redaktion-faellig-fehlt = Die fälligen Angebote konnten gerade nicht gelesen werden. Bitte laden Sie die Seite neu.
redaktion-filter-ort = Ort
redaktion-filter-alle-orte = Alle Orte
redaktion-filter-thema = Thema
redaktion-filter-alle-themen = Alle Themen
redaktion-filter-anwenden = Anzeigen
redaktion-filter-zuruecksetzen = Alle fälligen Angebote zeigen
redaktion-nach-ort = Fällige Angebote nach Ort
redaktion-spalte-ort = Ort
redaktion-spalte-anzahl = Angebote
redaktion-zuletzt-geprueft = zuletzt geprüft { $datum }
redaktion-keine-faelligen = Keine fälligen Angebote für diese Auswahl.
redaktion-seiten = Seiten der fälligen Angebote
redaktion-seite = Seite { $seite }
redaktion-seite-von = Seite { $seite } von { $seiten }
redaktion-zurueck = Vorherige Seite
redaktion-weiter = Nächste Seite
redaktion-archiv-titel = Archivierte Angebote ({ $count })
redaktion-keine-archivierten = Keine archivierten Angebote.
redaktion-fehler-ort = Einen Ort mit dem Schlüssel „{ $wert }“ gibt es hier nicht. Bitte wählen Sie einen Ort aus der Liste.
redaktion-fehler-thema = Ein Thema „{ $wert }“ gibt es nicht. Bitte wählen Sie ein Thema aus der Liste.
redaktion-fehler-seite = „{ $wert }“ ist keine Seitenzahl. Die Seiten werden ab 1 gezählt.
redaktion-fehler-seite-fehlt = Eine Seite { $wert } gibt es nicht: Die Auswahl hat { $seiten ->
        [one] { $seiten } Seite
       *[other] { $seiten } Seiten
    }.
redaktion-fehler-doppelt = Die Angabe „{ $wert }“ darf nur einmal vorkommen.
redaktion-fehler-parameter = Die Angabe „{ $wert }“ kennt diese Seite nicht.

## Merkliste (/auswahl) and the Familienmappe
auswahl-kopf = Merkliste
auswahl-titel = Merkliste
auswahl-laedt = Merkliste wird geladen …
auswahl-fehler = Die Merkliste konnte nicht geladen werden. Bitte versuchen Sie es später erneut.
auswahl-ungueltig = Diese Adresse der Merkliste ist ungültig
auswahl-einleitung = Ihre gemerkten Angebote. Die Merkliste ist nur auf diesem Gerät gespeichert – ohne Konto und ohne Cookie. Mit „Link teilen“ öffnen Sie sie auf einem anderen Gerät.
auswahl-fremd = Diese Auswahl ist nicht die Merkliste dieses Geräts.
auswahl-uebernehmen = In die Merkliste dieses Geräts übernehmen
auswahl-leer = Sie haben noch keine Angebote gemerkt. Tippen Sie bei einem Angebot auf „Merken“.
auswahl-link-teilen = Link teilen
auswahl-zum-angebot = Zum Angebot
auswahl-entfernen = Entfernen
auswahl-nicht-verfuegbar = Angebot Nr. { $id } ist nicht mehr verfügbar.
auswahl-adresse-auf-anfrage = Adresse auf Anfrage
druck-merkliste = gemerkte Angebote
mappe-titel = Angebote für Ihre Familie
mappe-ort = Ort:
mappe-qr = QR-Code mit dem Link zu diesem Angebot
mappe-deutsch = Wo es keine Übersetzung gibt, stehen die Beschreibungen auf Deutsch.
mappe-fuss = Alle Angaben ohne Gewähr. Aktuelle Informationen finden Sie über den QR-Code.
