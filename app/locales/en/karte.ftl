# Chancenkarte – texts of the map explorer (filters, map, results sheet). The browser receives
# these in the active language. Arguments: { $count } is a number (plural forms), everything
# else is text. Offer names and places stay as they are.

## Filters
karte-filter = Filters
karte-filter-aktiv = { $count ->
    [one] Filters ({ $count })
   *[other] Filters ({ $count })
}
karte-alter = Age of the child (years)
karte-lebensphase = Stage of life
karte-alle = all
karte-themen = Topics
karte-thema-anzahl = { $count ->
    [one] { $count } offer
   *[other] { $count } offers
}
karte-ort = Place
karte-alle-orte = all places
karte-naehe = Near (place or postcode)
karte-naehe-hinweis = Nearest offers first, with distance.
karte-standort = Use my location
karte-standort-unmoeglich = Your device cannot find your location. Please enter a place or a postcode.
karte-standort-suche = Finding your location …
karte-standort-fehlt = Your location is not available (not allowed or not found). Please enter a place or a postcode.
karte-sortierung = Sort order when a place is given
karte-nach-entfernung = by distance
karte-nach-name = by name
karte-suchbegriff = Search term
karte-sprache = Language of the offer
karte-alle-sprachen = all languages
karte-nur-kostenlos = free offers only
karte-nur-rollstuhl = wheelchair-accessible offers only
karte-nur-freie-plaetze = only with free places
karte-ergebnisse-anzeigen = Show results ({ $count })
karte-ergebnisse-zeigen = Show results
karte-zuruecksetzen = Reset filters

## Notices about the address (query) of the page
karte-hinweis-alter = The age “{ $value }” was ignored: please give a whole number from 0 to 26.
karte-hinweis-phase = The stage of life “{ $value }” does not exist and was ignored.
karte-hinweis-thema = The topic “{ $value }” does not exist and was ignored.
karte-hinweis-ort = The place “{ $value }” is not in this area; it was ignored.
karte-hinweis-sortierung = The sort order “{ $value }” does not exist (possible: name, entfernung); it was ignored.
karte-hinweis-kostenlos = “{ $value }” is not a valid value for “kostenlos” (free of charge) and was ignored.
karte-hinweis-barrierefrei = “{ $value }” is not a valid value for “barrierefrei” (accessible) and was ignored.
karte-hinweis-sprache = The language “{ $value }” is not known and was ignored.
karte-hinweis-angebot = “{ $value }” is not a valid offer number and was ignored.
karte-hinweis-seite = The page “{ $value }” does not exist; showing the first page.
karte-hinweis-unbekannt = The parameter “{ $key }” is not known and was ignored.
karte-ort-unbekannt = We do not know the place “{ $place }” in Kreis Coesfeld, so the offers are not sorted by distance. Please choose a place from the list or enter a postcode.

## Result count (read out by screen readers after each change)
karte-keine = No offers found.
karte-angebote-laden = Loading offers …
karte-angebote-fehlen = The offers could not be loaded. Please check your connection; the page keeps trying.
karte-gefunden = { $count ->
    [one] { $count } offer found
   *[other] { $count } offers found
}
karte-gefunden-naechste = { $count ->
    [one] { $count } offer found, nearest first (from { $origin })
   *[other] { $count } offers found, nearest first (from { $origin })
}
karte-gefunden-name = { $count ->
    [one] { $count } offer found, by name, with distance from { $origin }
   *[other] { $count } offers found, by name, with distance from { $origin }
}
karte-eigener-standort = your location

## Results sheet and list
karte-ergebnisse = Results
karte-sheet-auf = Open the list of results
karte-sheet-ganz = Open the list of results fully
karte-sheet-zu = Close the list of results
karte-liste = Offers as a list
karte-nur-ausschnitt = Only offers in the visible part of the map
karte-in-der-liste = { $count ->
    [one] ({ $count } in the list)
   *[other] ({ $count } in the list)
}
karte-entfernt = { $distance } away
karte-auf-karte = Show on the map
karte-auf-karte-name = Show on the map: { $name }
karte-seiten = Pages of the list
karte-vorherige = ← previous page
karte-naechste = next page →
karte-seite-von = Page { $page } of { $pages }
karte-drucken = Print
karte-teilen = Share
karte-kopiert = Link copied.
karte-kopieren-unmoeglich = Copying is not possible – please copy the address from the address bar.

## Map and detail panel
karte-karte = Map of the offers; the same offers are in the list of results.
karte-gruppe = { $count ->
    [one] { $count } offer – zoom in
   *[other] { $count } offers – zoom in
}
karte-gruppe-in = { $count ->
    [one] { $count } offer in { $place } – zoom in
   *[other] { $count } offers in { $place } – zoom in
}
karte-gruppe-umgebung = { $count ->
    [one] { $count } offer in and around { $place } – zoom in
   *[other] { $count } offers in and around { $place } – zoom in
}
karte-details = Offer details
karte-details-schliessen = Close details
karte-eigene-seite = Page of this offer
karte-angebot-fehlt = This offer does not exist or no longer exists.

## Topics
thema-fruehe-hilfen = Early help for families
thema-kita-betreuung = Kita & childcare
thema-familienbildung = Family education
thema-beratung = Advice & counselling
thema-gesundheit = Health
thema-bildung-schule = Education & school
thema-sprache-integration = Language & integration
thema-ausbildung-beruf = Training & work
thema-freizeit-sport = Leisure & sport
thema-finanzielle-hilfen = Financial help
thema-behinderung-inklusion = Disability & inclusion

## Life phases
phase-schwangerschaft = Pregnancy
phase-0-3 = 0–3 years
phase-3-6 = 3–6 years
phase-6-10 = 6–10 years
phase-10-14 = 10–14 years
phase-14-18 = 14–18 years
phase-18-21 = 18–21 years
phase-21-27 = 21–27 years
phase-eltern = Parents

## Languages an offer is available in
sprache-de = German
sprache-en = English
sprache-tr = Turkish
sprache-ar = Arabic
sprache-ru = Russian
sprache-uk = Ukrainian
sprache-pl = Polish
sprache-ro = Romanian
sprache-fa = Persian (Farsi)
sprache-ku = Kurdish
sprache-ti = Tigrinya
sprache-fr = French
sprache-dgs = German Sign Language

## Cost and delivery
kosten-kostenlos = free of charge
kosten-ermaessigt = reduced / depends on income
kosten-kostenpflichtig = with a fee
form-vor-ort = on site
form-aufsuchend = outreach (comes to you)
form-online = online
form-telefonisch = by phone

## Search bar, chips, result cards and groups
karte-was = What?
karte-was-platzhalter = e.g. midwife
karte-wo = Where?
karte-wo-platzhalter = Town, postcode
karte-suchen = Search
karte-aktive-filter = Active filters
karte-filter-entfernen = Remove filter: { $label }
karte-chip-suche = “{ $text }”
karte-chip-bei = near { $place }
karte-chip-alter = { $count ->
    [one] { $count } year
   *[other] { $count } years
}
karte-chip-sprache = Language: { $language }
karte-chip-kostenlos = free of charge
karte-chip-barrierefrei = wheelchair accessible
karte-chip-freie-plaetze = free places
karte-ausgangspunkt = Starting point: { $place }
karte-gruppe-liste = { $count ->
    [one] { $count } service at this place
   *[other] { $count } services at this place
}
karte-gruppe-schliessen = Close list
karte-anrufen = Call
karte-anrufen-name = Call { $name }: { $phone }
karte-route = Directions
karte-route-name = Directions to { $name }
karte-teilen-name = Share { $name }
karte-sprachen = Languages: { $languages }
karte-keine-tipp = Try another word or remove a filter.

## Today's opening hours on the result cards, and "open now" (public and school holidays
## considered). { $hours }: "09:00–12:00, 14:00–16:00"; { $name }: a feiertag-… message.
heute-offen = today { $hours }
heute-geschlossen = closed today
heute-feiertag = closed today – public holiday ({ $name })
heute-schulferien = closed today – school holidays
heute-nach-vereinbarung = by appointment
karte-jetzt-offen = Open now
karte-chip-jetzt = open now
karte-hinweis-jetzt = “{ $value }” is not a valid value for “jetzt” (open now) and was ignored.
karte-schulferien-geschlossen = Closed during the school holidays.
feiertag-neujahr = New Year’s Day
feiertag-karfreitag = Good Friday
feiertag-ostermontag = Easter Monday
feiertag-tag-der-arbeit = Labour Day
feiertag-himmelfahrt = Ascension Day
feiertag-pfingstmontag = Whit Monday
feiertag-fronleichnam = Corpus Christi
feiertag-deutsche-einheit = German Unity Day
feiertag-allerheiligen = All Saints’ Day
feiertag-weihnachtstag-1 = Christmas Day
feiertag-weihnachtstag-2 = Second Day of Christmas
karte-mein-standort = My location
karte-meinten-sie = Did you mean:
karte-ohne = { $count ->
    [one] Without { $filter }: { $count } service
   *[other] Without { $filter }: { $count } services
}
karte-gruppe-stelle = { $count ->
    [one] { $count } service at one place in { $place } – open the list
   *[other] { $count } services at one place in { $place } – open the list
}

## Merkliste (the offer cards and the detail panel)
karte-merken = Save
karte-gemerkt = Saved
