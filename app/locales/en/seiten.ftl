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
angebot-zuletzt-geprueft = Last checked: { $month }
angebot-veraltet = This entry has not been checked for more than two years. Please ask the provider whether the offer still exists in this form.
angebot-inhalt-deutsch = The description of this offer is in German.
tag-mon = Monday
tag-tue = Tuesday
tag-wed = Wednesday
tag-thu = Thursday
tag-fri = Friday
tag-sat = Saturday
tag-sun = Sunday
