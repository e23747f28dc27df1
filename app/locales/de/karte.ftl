# Chancenkarte – texts of the map explorer (filters, map, results sheet). The browser receives
# these in the active language. Arguments: { $count } is a number (plural forms), everything
# else is text. Offer names and places stay as they are.

## Filters
karte-filter = Filter
karte-filter-aktiv = { $count ->
    [one] Filter ({ $count })
   *[other] Filter ({ $count })
}
karte-alter = Alter des Kindes (Jahre)
karte-lebensphase = Lebensphase
karte-alle = alle
karte-themen = Themen
karte-thema-anzahl = { $count ->
    [one] { $count } Angebot
   *[other] { $count } Angebote
}
karte-ort = Ort
karte-alle-orte = alle Orte
karte-naehe = In der Nähe von (Ort oder Postleitzahl)
karte-naehe-hinweis = Die nächsten Angebote zuerst, mit Entfernung.
karte-standort = Meinen Standort verwenden
karte-standort-unmoeglich = Ihr Gerät kann den Standort nicht bestimmen. Bitte geben Sie einen Ort oder eine Postleitzahl ein.
karte-standort-suche = Standort wird bestimmt …
karte-standort-fehlt = Der Standort ist nicht verfügbar (nicht erlaubt oder nicht gefunden). Bitte geben Sie einen Ort oder eine Postleitzahl ein.
karte-sortierung = Sortierung, wenn ein Ort angegeben ist
karte-nach-entfernung = nach Entfernung
karte-nach-name = nach Name
karte-suchbegriff = Suchbegriff
karte-sprache = Sprache des Angebots
karte-alle-sprachen = alle Sprachen
karte-nur-kostenlos = nur kostenlose Angebote
karte-nur-rollstuhl = nur rollstuhlgerechte Angebote
karte-nur-freie-plaetze = nur mit freien Plätzen
karte-ergebnisse-anzeigen = Ergebnisse anzeigen ({ $count })
karte-ergebnisse-zeigen = Ergebnisse anzeigen
karte-zuruecksetzen = Filter zurücksetzen

## Notices about the address (query) of the page
karte-hinweis-alter = Das Alter „{ $value }“ wurde ignoriert: bitte eine ganze Zahl von 0 bis 26 angeben.
karte-hinweis-phase = Die Lebensphase „{ $value }“ gibt es nicht und wurde ignoriert.
karte-hinweis-thema = Das Thema „{ $value }“ gibt es nicht und wurde ignoriert.
karte-hinweis-ort = Den Ort „{ $value }“ gibt es hier nicht; er wurde ignoriert.
karte-hinweis-sortierung = Die Sortierung „{ $value }“ gibt es nicht (möglich: name, entfernung); sie wurde ignoriert.
karte-hinweis-kostenlos = „{ $value }“ ist kein gültiger Wert für „kostenlos“ und wurde ignoriert.
karte-hinweis-barrierefrei = „{ $value }“ ist kein gültiger Wert für „barrierefrei“ und wurde ignoriert.
karte-hinweis-sprache = Die Sprache „{ $value }“ ist nicht bekannt und wurde ignoriert.
karte-hinweis-angebot = „{ $value }“ ist keine gültige Angebotsnummer und wurde ignoriert.
karte-hinweis-seite = Die Seite „{ $value }“ gibt es nicht; es wird die erste gezeigt.
karte-hinweis-unbekannt = Der Parameter „{ $key }“ ist unbekannt und wurde ignoriert.
karte-ort-unbekannt = Den Ort „{ $place }“ kennen wir im Kreis nicht; die Angebote stehen deshalb nicht nach Entfernung. Bitte wählen Sie einen Ort aus der Liste oder geben Sie eine Postleitzahl ein.

## Result count (read out by screen readers after each change)
karte-keine = Keine Angebote gefunden.
karte-angebote-laden = Angebote werden geladen …
karte-angebote-fehlen = Die Angebote konnten nicht geladen werden. Bitte prüfen Sie die Verbindung; die Seite versucht es weiter.
karte-gefunden = { $count ->
    [one] { $count } Angebot gefunden
   *[other] { $count } Angebote gefunden
}
karte-gefunden-naechste = { $count ->
    [one] { $count } Angebot gefunden, die nächsten zuerst (ab { $origin })
   *[other] { $count } Angebote gefunden, die nächsten zuerst (ab { $origin })
}
karte-gefunden-name = { $count ->
    [one] { $count } Angebot gefunden, nach Name, mit Entfernung ab { $origin }
   *[other] { $count } Angebote gefunden, nach Name, mit Entfernung ab { $origin }
}
karte-eigener-standort = Ihrem Standort

## Results sheet and list
karte-ergebnisse = Ergebnisse
karte-sheet-auf = Ergebnisliste aufziehen
karte-sheet-ganz = Ergebnisliste ganz aufziehen
karte-sheet-zu = Ergebnisliste einklappen
karte-liste = Angebote als Liste
karte-nur-ausschnitt = Nur Angebote im sichtbaren Kartenausschnitt
karte-in-der-liste = { $count ->
    [one] ({ $count } in der Liste)
   *[other] ({ $count } in der Liste)
}
karte-entfernt = { $distance } entfernt
karte-auf-karte = Auf der Karte zeigen
karte-auf-karte-name = Auf der Karte zeigen: { $name }
karte-seiten = Seiten der Liste
karte-vorherige = ← vorherige Seite
karte-naechste = nächste Seite →
karte-seite-von = Seite { $page } von { $pages }
karte-drucken = Drucken
karte-teilen = Teilen
karte-kopiert = Link kopiert.
karte-kopieren-unmoeglich = Kopieren nicht möglich – bitte kopieren Sie die Adresse aus der Adresszeile.

## Map and detail panel
karte-karte = Karte der Angebote; dieselben Angebote stehen in der Ergebnisliste.
karte-gruppe = { $count ->
    [one] { $count } Angebot – vergrößern
   *[other] { $count } Angebote – vergrößern
}
karte-gruppe-in = { $count ->
    [one] { $count } Angebot in { $place } – vergrößern
   *[other] { $count } Angebote in { $place } – vergrößern
}
karte-gruppe-umgebung = { $count ->
    [one] { $count } Angebot in { $place } und Umgebung – vergrößern
   *[other] { $count } Angebote in { $place } und Umgebung – vergrößern
}
karte-details = Angebotsdetails
karte-details-schliessen = Details schließen
karte-eigene-seite = Eigene Seite dieses Angebots
karte-angebot-fehlt = Dieses Angebot gibt es nicht oder nicht mehr.

## Topics
thema-fruehe-hilfen = Frühe Hilfen
thema-kita-betreuung = Kita & Betreuung
thema-familienbildung = Familienbildung
thema-beratung = Beratung
thema-gesundheit = Gesundheit
thema-bildung-schule = Bildung & Schule
thema-sprache-integration = Sprache & Integration
thema-ausbildung-beruf = Ausbildung & Beruf
thema-freizeit-sport = Freizeit & Sport
thema-finanzielle-hilfen = Finanzielle Hilfen
thema-behinderung-inklusion = Behinderung & Inklusion

## Life phases
phase-schwangerschaft = Schwangerschaft
phase-0-3 = 0–3 Jahre
phase-3-6 = 3–6 Jahre
phase-6-10 = 6–10 Jahre
phase-10-14 = 10–14 Jahre
phase-14-18 = 14–18 Jahre
phase-18-21 = 18–21 Jahre
phase-21-27 = 21–27 Jahre
phase-eltern = Eltern

## Languages an offer is available in
sprache-de = Deutsch
sprache-en = Englisch
sprache-tr = Türkisch
sprache-ar = Arabisch
sprache-ru = Russisch
sprache-uk = Ukrainisch
sprache-pl = Polnisch
sprache-ro = Rumänisch
sprache-fa = Persisch (Farsi)
sprache-ku = Kurdisch
sprache-ti = Tigrinya
sprache-fr = Französisch
sprache-dgs = Deutsche Gebärdensprache

## Cost and delivery
kosten-kostenlos = kostenlos
kosten-ermaessigt = ermäßigt / einkommensabhängig
kosten-kostenpflichtig = kostenpflichtig
form-vor-ort = vor Ort
form-aufsuchend = aufsuchend (kommt zu Ihnen)
form-online = online
form-telefonisch = telefonisch

## Search bar, chips, result cards and groups
karte-was = Was?
karte-was-platzhalter = z. B. Hebamme
karte-wo = Wo?
karte-wo-platzhalter = Ort, PLZ
karte-suchen = Suchen
karte-aktive-filter = Aktive Filter
karte-filter-entfernen = Filter entfernen: { $label }
karte-chip-suche = „{ $text }“
karte-chip-bei = bei { $place }
karte-chip-alter = { $count ->
    [one] { $count } Jahr
   *[other] { $count } Jahre
}
karte-chip-sprache = Sprache: { $language }
karte-chip-kostenlos = kostenlos
karte-chip-barrierefrei = rollstuhlgerecht
karte-chip-freie-plaetze = freie Plätze
karte-ausgangspunkt = Ausgangspunkt: { $place }
karte-gruppe-liste = { $count ->
    [one] { $count } Angebot an dieser Stelle
   *[other] { $count } Angebote an dieser Stelle
}
karte-gruppe-schliessen = Liste schließen
karte-anrufen = Anrufen
karte-anrufen-name = { $name } anrufen: { $phone }
karte-route = Route
karte-route-name = Route zu { $name }
karte-teilen-name = { $name } teilen
karte-sprachen = Sprachen: { $languages }
karte-keine-tipp = Versuchen Sie ein anderes Wort oder entfernen Sie einen Filter.

## Today's opening hours on the result cards, and "open now" (public and school holidays
## considered). { $hours }: "09:00–12:00, 14:00–16:00"; { $name }: a feiertag-… message.
heute-offen = heute { $hours }
heute-geschlossen = heute geschlossen
heute-feiertag = heute Feiertag ({ $name }) – geschlossen
heute-schulferien = heute Schulferien – geschlossen
heute-nach-vereinbarung = nach Vereinbarung
karte-jetzt-offen = Jetzt geöffnet
karte-chip-jetzt = jetzt geöffnet
karte-hinweis-jetzt = „{ $value }“ ist kein gültiger Wert für „jetzt“ und wurde ignoriert.
karte-schulferien-geschlossen = In den Schulferien geschlossen.
feiertag-neujahr = Neujahr
feiertag-karfreitag = Karfreitag
feiertag-ostermontag = Ostermontag
feiertag-tag-der-arbeit = Tag der Arbeit
feiertag-himmelfahrt = Christi Himmelfahrt
feiertag-pfingstmontag = Pfingstmontag
feiertag-fronleichnam = Fronleichnam
feiertag-deutsche-einheit = Tag der Deutschen Einheit
feiertag-allerheiligen = Allerheiligen
feiertag-weihnachtstag-1 = 1. Weihnachtstag
feiertag-weihnachtstag-2 = 2. Weihnachtstag
karte-mein-standort = Mein Standort
karte-meinten-sie = Meinten Sie:
karte-ohne = { $count ->
    [one] Ohne { $filter }: { $count } Angebot
   *[other] Ohne { $filter }: { $count } Angebote
}
karte-gruppe-stelle = { $count ->
    [one] { $count } Angebot an einer Stelle in { $place } – Liste öffnen
   *[other] { $count } Angebote an einer Stelle in { $place } – Liste öffnen
}

## Merkliste (the offer cards and the detail panel)
karte-merken = Merken
karte-gemerkt = Gemerkt
