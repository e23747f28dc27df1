//! The information pages every public site of an authority needs: help (with a section in
//! Leichte Sprache), the accessibility statement with its feedback contact, the Impressum and
//! the privacy notice. Their operator-specific content comes from the operator file.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::platform::catalogues::{current_locale, t};
use crate::platform::operator::OperatorInfo;
use crate::shared::i18n::Locale;

/// Above pages that exist in German only (legal texts): says so in the reader's language.
#[component]
fn GermanOnlyNotice() -> impl IntoView {
    (current_locale() != Locale::German).then(
        || view! { <p class="content-language-note" role="note">{t("seite-nur-deutsch")}</p> },
    )
}

fn operator() -> Option<OperatorInfo> {
    crate::platform::state::app_state()
        .ok()
        .map(|state| (*state.operator).clone())
}

/// The host the browser loads map tiles from, if that is not this site.
fn tile_host() -> Option<String> {
    let state = crate::platform::state::app_state().ok()?;
    let url = state.region.tiles.url.clone()?;
    let rest = url.split_once("://")?.1;
    Some(rest.split('/').next().unwrap_or(rest).to_string())
}

/// Says that the operator details are examples, where they are.
#[component]
fn ExampleNotice(operator: OperatorInfo) -> impl IntoView {
    operator.example.then(|| {
        view! {
            <p class="stale-warning" role="note">
                "Hinweis: Die Angaben zum Betreiber auf dieser Seite sind Beispielangaben. Vor dem Betrieb werden sie in der Betreiber-Datei (OPERATOR_FILE) ersetzt."
            </p>
        }
    })
}

#[component]
fn Address(operator: OperatorInfo) -> impl IntoView {
    view! {
        <address>
            {operator.name.clone()}
            <br />
            {(!operator.department.is_empty()).then(|| view! { {operator.department.clone()} <br /> })}
            {operator.address.iter().map(|line| view! { {line.clone()} <br /> }).collect_view()}
            "Telefon: " {operator.phone.clone()}
            <br />
            "E-Mail: " <a href=format!("mailto:{}", operator.email)>{operator.email.clone()}</a>
        </address>
    }
}

fn unavailable() -> AnyView {
    view! {
        <p class="error" role="alert">
            "Diese Seite kann gerade nicht angezeigt werden."
        </p>
    }
    .into_any()
}

#[component]
pub fn ImprintPage() -> impl IntoView {
    let Some(operator) = operator() else {
        return unavailable();
    };
    view! {
        <Title text="Impressum – Chancenkarte" />
        <GermanOnlyNotice />
        <article class="info-page" lang="de" dir="ltr">
            <h1>"Impressum"</h1>
            <ExampleNotice operator=operator.clone() />
            <h2>"Anbieter"</h2>
            <Address operator=operator.clone() />
            <h2>"Vertreten durch"</h2>
            <p>{operator.represented_by.clone()}</p>
            {(!operator.supervisory_authority.is_empty())
                .then(|| {
                    view! {
                        <h2>"Aufsichtsbehörde"</h2>
                        <p>{operator.supervisory_authority.clone()}</p>
                    }
                })}
            <h2>"Verantwortlich für den Inhalt"</h2>
            <p>{operator.content_responsible.clone()}</p>
            <h2>"Angebote auf der Karte"</h2>
            <p>
                "Die Angebote stammen von den Einrichtungen, die sie anbieten, und werden von der Redaktion des Netzwerks gepflegt. Jedes Angebot zeigt, wann es zuletzt geprüft wurde. Fehler können Sie auf der Seite des Angebots mit „Fehler melden“ mitteilen."
            </p>
            <h2>"Karten- und Gebietsdaten"</h2>
            <p>
                "Die Quellen der Gemeindegrenzen und der Hintergrundkarte stehen unten auf jeder Seite."
            </p>
        </article>
    }
    .into_any()
}

/// How long searches without results are kept (months), as configured.
fn zero_result_months() -> u32 {
    crate::platform::state::app_state().map_or(12, |state| state.zero_result_months)
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let Some(operator) = operator() else {
        return unavailable();
    };
    let tiles = match tile_host() {
        Some(host) => format!(
            "Die Bilder der Hintergrundkarte lädt Ihr Browser vom Kartendienst „{host}“. Dieser erfährt dabei Ihre IP-Adresse und welchen Kartenausschnitt Sie ansehen, aber keine Filter und keine Angebote."
        ),
        None => "Die Karte lädt keine Daten von anderen Anbietern.".to_string(),
    };
    // The service "Route" hands the destination to (the operator file's `route_link`).
    let route_host = url::Url::parse(
        &operator
            .route_link
            .replace("{lat}", "0")
            .replace("{lon}", "0"),
    )
    .ok()
    .and_then(|link| link.host_str().map(str::to_string))
    .unwrap_or_default();
    view! {
        <Title text="Datenschutz – Chancenkarte" />
        <GermanOnlyNotice />
        <article class="info-page" lang="de" dir="ltr">
            <h1>"Datenschutzerklärung"</h1>
            <ExampleNotice operator=operator.clone() />
            <h2>"Verantwortlich"</h2>
            <Address operator=operator.clone() />
            <h2>"Datenschutzbeauftragte Stelle"</h2>
            <p>{operator.privacy.officer_contact.clone()}</p>
            <h2>"Wenn Sie die Karte ansehen"</h2>
            <p>
                "Die Chancenkarte braucht keine Anmeldung. Sie setzt keine Werbung, keine Statistik- oder Tracking-Werkzeuge und keine Schriften oder Programme von anderen Anbietern ein. Ihr Browser lädt alles von diesem Server. "
                {tiles}
            </p>
            <p>
                "Damit die Seite ausgeliefert werden kann, verarbeitet der Server die IP-Adresse Ihres Geräts und die aufgerufene Adresse. Filter (Alter, Thema, Ort) stehen nur in der Adresse der Seite; sie werden nicht einer Person zugeordnet. Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 DSG NRW (Information über Angebote der Kinder- und Jugendhilfe)."
            </p>
            <h2>"Route"</h2>
            <p>
                {format!(
                    "„Route“ öffnet die Wegbeschreibung zum Angebot bei „{route_host}“ – in der Karten-App Ihres Telefons oder auf der Website dieses Dienstes. Erst wenn Sie darauf tippen, erfährt dieser Dienst das Ziel und Ihre IP-Adresse; die Chancenkarte selbst sendet nichts dorthin."
                )}
            </p>
            <h2>"Suchen ohne Ergebnis"</h2>
            <p>
                {format!(
                    "Findet eine Suche auf der Karte kein Angebot, zählen wir, wie oft an einem Tag nach dieser Kombination gesucht wurde, damit das Netzwerk fehlende Angebote erkennt. Gespeichert werden nur die gewählten Filter (Alter oder Lebensphase, Thema, Ort, Sprache, „kostenlos“, „barrierefrei“), die Suchwörter in vereinfachter Schreibweise ohne Zahlen und E-Mail-Adressen, das Datum und die Anzahl – keine IP-Adresse, kein Konto, kein Standort, nichts, was auf eine Person schließen lässt. Die Zählungen werden nach {} Monaten gelöscht.",
                    zero_result_months()
                )}
            </p>
            <h2>"Cookies"</h2>
            <p>
                "Ein Cookie („chancenkarte_sitzung“) wird nur gesetzt, wenn Sie sich als Netzwerkmitglied anmelden oder ein Formular absenden. Es ist technisch notwendig, enthält nur eine zufällige Kennung und endet spätestens nach 12 Stunden oder beim Abmelden."
            </p>
            <p>
                "Wählen Sie oben eine andere Sprache, merkt sich ein zweites Cookie („chancenkarte_sprache“) ein Jahr lang nur diese Wahl (zum Beispiel „en“). Ohne Wahl richtet sich die Sprache nach der Spracheinstellung Ihres Browsers."
            </p>
            <h2>"Formulare „Angebot eintragen lassen“ und „Fehler melden“"</h2>
            <p>
                "Ihre Angaben (zum Beispiel Name der Einrichtung, Ansprechperson, E-Mail-Adresse) speichern wir, damit die Redaktion Ihre Anfrage bearbeiten und bei Rückfragen Kontakt aufnehmen kann. Die Kontaktangaben für die Redaktion werden nicht veröffentlicht. Zum Schutz vor massenhaften Einsendungen speichern wir die IP-Adresse des absendenden Geräts für höchstens einen Tag zusammen mit der Zahl der Einsendungen. Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 Buchst. a DSGVO) und Art. 6 Abs. 1 Buchst. e DSGVO."
            </p>
            <h2>"Konten für Netzwerkmitglieder"</h2>
            <p>
                "Für ein Konto speichern wir Name, E-Mail-Adresse, Rolle und das Passwort nur als sicheren Hash (Argon2id). Fehlgeschlagene Anmeldeversuche werden mit Zeitpunkt gezählt, um Passwörter vor dem Ausprobieren zu schützen. Änderungen an Angeboten werden mit Name und Zeitpunkt im Verlauf festgehalten, damit sie nachvollziehbar bleiben."
            </p>
            <h2>"Nachrichten per E-Mail für Netzwerkmitglieder"</h2>
            <p>
                "Bestellt ein Mitglied Nachrichten über neue und geänderte Angebote, speichern wir zu seinem Konto die gewählten Orte, Themen und Lebensphasen, wie oft die Nachrichten kommen sollen und den Zeitpunkt der letzten Nachricht. Die E-Mails gehen an die E-Mail-Adresse des Kontos und werden über den SMTP-Server versandt, den die Betreiber der Seite eingetragen haben; sie enthalten nur öffentliche Angaben zu Angeboten. Jede E-Mail enthält einen Link, mit dem sich die Nachrichten ohne Anmeldung abbestellen lassen; dann wird die Bestellung gelöscht. Über Familien wird dabei nichts gespeichert."
            </p>
            {(!operator.privacy.hosting.is_empty())
                .then(|| {
                    view! {
                        <h2>"Hosting"</h2>
                        <p>{operator.privacy.hosting.clone()}</p>
                    }
                })}
            <h2>"Ihre Rechte"</h2>
            <p>
                "Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18) und Widerspruch (Art. 21). Eine Einwilligung können Sie jederzeit für die Zukunft widerrufen. Wenden Sie sich dazu an die oben genannte Stelle."
            </p>
            <p>
                "Sie können sich bei der Aufsichtsbehörde beschweren: "
                {operator.privacy.supervisory_authority.clone()} "."
            </p>
        </article>
    }
    .into_any()
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let Some(operator) = operator() else {
        return unavailable();
    };
    let accessibility = operator.accessibility.clone();
    let fully = accessibility.known_barriers.is_empty();
    view! {
        <Title text="Erklärung zur Barrierefreiheit – Chancenkarte" />
        <GermanOnlyNotice />
        <article class="info-page" lang="de" dir="ltr">
            <h1>"Erklärung zur Barrierefreiheit"</h1>
            <ExampleNotice operator=operator.clone() />
            <p>
                {operator.name.clone()}
                " ist bemüht, die Chancenkarte im Einklang mit dem Behindertengleichstellungsgesetz Nordrhein-Westfalen und der Barrierefreie-Informationstechnik-Verordnung (BITV NRW) barrierefrei zugänglich zu machen. Maßstab sind die Web Content Accessibility Guidelines (WCAG) 2.1, Stufe AA."
            </p>
            <h2>"Stand der Vereinbarkeit mit den Anforderungen"</h2>
            {if fully {
                view! { <p>"Diese Website ist mit den Anforderungen vereinbar."</p> }.into_any()
            } else {
                view! {
                    <p>"Diese Website ist wegen der folgenden Punkte nur teilweise mit den Anforderungen vereinbar:"</p>
                    <ul>
                        {accessibility
                            .known_barriers
                            .iter()
                            .map(|barrier| view! { <li>{barrier.clone()}</li> })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <h2>"Erstellung dieser Erklärung"</h2>
            <p>"Diese Erklärung wurde am " {accessibility.statement_date.clone()} " erstellt. " {accessibility.method.clone()}</p>
            <h2>"Barrieren melden: Kontakt zu den Feedback-Ansprechpartnern"</h2>
            <p>
                "Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Brauchen Sie Inhalte in einer anderen Form? Dann schreiben Sie uns: "
                <a href=format!("mailto:{}", accessibility.feedback_email)>{accessibility.feedback_email.clone()}</a>
                {(!accessibility.feedback_phone.is_empty())
                    .then(|| format!(" oder rufen Sie an: {}", accessibility.feedback_phone))}
                ". Wir antworten innerhalb von sechs Wochen."
            </p>
            <h2>"Durchsetzungsverfahren"</h2>
            <p>
                "Wenn Sie auf Ihre Meldung keine zufriedenstellende Antwort erhalten, können Sie sich an die zuständige Stelle wenden: "
                {accessibility.enforcement_body.clone()} "."
            </p>
        </article>
    }
    .into_any()
}

#[component]
pub fn HelpPage() -> impl IntoView {
    let step = |title: &str, text: &str| {
        view! {
            <li>
                <strong>{t(title)}</strong>
                " "
                {t(text)}
            </li>
        }
    };
    view! {
        <Title text=t("hilfe-titel") />
        <article class="info-page">
            <h1>{t("hilfe-ueberschrift")}</h1>
            <ol class="help-steps">
                {step("hilfe-filtern", "hilfe-filtern-text")}
                {step("hilfe-ansehen", "hilfe-ansehen-text")}
                {step("hilfe-oeffnen", "hilfe-oeffnen-text")}
                {step("hilfe-weitergeben", "hilfe-weitergeben-text")}
            </ol>
            <h2>{t("hilfe-ohne-karte")}</h2>
            <p>{t("hilfe-ohne-karte-text")}</p>
            <h2>{t("hilfe-fehler")}</h2>
            <p>
                {t("hilfe-fehler-text")} " " <a href="/eintragen">{t("hilfe-eintragen")}</a>
            </p>
            <h2>{t("hilfe-sprachen")}</h2>
            <p>{t("hilfe-sprachen-text")}</p>
            <section class="easy-language" lang="de" aria-labelledby="leichte-sprache">
                <h2 id="leichte-sprache">"Leichte Sprache"</h2>
                <p>"Die Chancen·karte ist eine Karte im Internet."</p>
                <p>"Auf der Karte stehen Hilfen für Familien."</p>
                <p>"Und Hilfen für Kinder und junge Menschen."</p>
                <p>"Zum Beispiel: Beratung. Oder eine Gruppe für Eltern mit Baby."</p>
                <p>"So finden Sie eine Hilfe:"</p>
                <ul>
                    <li>"Tippen Sie auf „Filter“."</li>
                    <li>"Schreiben Sie: Wie alt ist Ihr Kind?"</li>
                    <li>"Schreiben Sie: Wo wohnen Sie?"</li>
                    <li>"Dann sehen Sie passende Hilfen."</li>
                    <li>"Tippen Sie auf eine Hilfe. Dann sehen Sie die Telefon·nummer."</li>
                </ul>
                <p>"Die meisten Hilfen kosten nichts."</p>
                <p>"Sie können dort anrufen. Sie können auch hingehen."</p>
            </section>
        </article>
    }
}

/// What the site publishes as open data, and where: the JSON API, HSDS 3.0, GeoJSON, CSV.
#[component]
pub fn OpenDataPage() -> impl IntoView {
    view! {
        <Title text="Offene Daten – Chancenkarte" />
        <GermanOnlyNotice />
        <article class="info-page" lang="de" dir="ltr">
            <h1>"Offene Daten"</h1>
            <p>
                "Die öffentlichen Angaben aller Angebote stehen auch für andere Systeme bereit – ohne Anmeldung, nur lesend, ohne interne Angaben des Netzwerks. Antworten tragen ETag und Last-Modified, damit Abrufer zwischenspeichern können."
            </p>
            <h2>"JSON-Schnittstelle"</h2>
            <ul>
                <li><a href="/api/v1/offers">"/api/v1/offers"</a>" – Angebote, mit denselben Filtern wie die Karte (alter, thema, ort, q, sprache, kostenlos, barrierefrei), seitenweise (seite, pro_seite)"</li>
                <li><a href="/api/v1/organizations">"/api/v1/organizations"</a>", "<a href="/api/v1/municipalities">"/api/v1/municipalities"</a>", "<a href="/api/v1/taxonomy">"/api/v1/taxonomy"</a></li>
                <li><a href="/api/v1/openapi.json">"Beschreibung (OpenAPI)"</a></li>
            </ul>
            <h2>"GeoJSON"</h2>
            <p><a href="/api/v1/offers.geojson">"/api/v1/offers.geojson"</a>" – ein Punkt je Standort, mit denselben Filtern."</p>
            <h2>"Open Referral HSDS 3.0"</h2>
            <p>"Der offene Standard für Verzeichnisse sozialer Angebote. Themen, Lebensphasen und Zugangswege sind als Taxonomien veröffentlicht."</p>
            <ul>
                <li><a href="/api/hsds/">"HSDS-Schnittstelle"</a>": /api/hsds/services, /organizations, /taxonomies, /taxonomy_terms, /service_at_locations"</li>
                <li>"Tabellenform: "<a href="/api/hsds/tabular.zip" download>"alle CSV-Dateien mit datapackage.json (ZIP)"</a>", einzeln: "<a href="/api/hsds/tabular/datapackage.json">"datapackage.json"</a>", "<a href="/api/hsds/tabular/services.csv" download>"services.csv"</a>" …"</li>
            </ul>
        </article>
    }
}
