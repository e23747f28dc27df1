//! The editors' page `/redaktion/import`: offers out as CSV, and a file (CSV or HSDS 3.0 JSON)
//! in — checked first in a dry run that lists every problem by line and column, then imported
//! in one transaction.

use leptos::prelude::*;

use crate::import::handlers::{CHECK_PATH, EXECUTE_PATH, EXPORT_PATH};
use leptos_meta::Title;

use crate::accounts::auth::{current_viewer, require};
use crate::accounts::model::Role;
use crate::accounts::ui::account_pages::AccessDenied;
use crate::editing::model::EditableField;
use crate::editing::ui::twin_note::TwinNote;
use crate::import::offer_csv::{
    EXTERNAL_ID, LAST_CHECKED, LAT, LON, MUNICIPALITY, ORGANIZATION, POSTCODE, STREET, TOWN,
    column_of,
};
use crate::import::report::{ImportReport, ImportSession, import_in_progress};
use crate::import::store::{ImportOutcome, ImportedLine};

fn lines_list(unit: &'static str, lines: Vec<ImportedLine>) -> impl IntoView {
    view! {
        <ul class="import-lines">
            {lines
                .into_iter()
                .map(|line| {
                    let fields = (!line.fields.is_empty()).then(|| format!(": {}", line.fields.join(", ")));
                    let draft = (!line.likely_twins.is_empty()).then_some(" – wird als Entwurf angelegt (nicht öffentlich)");
                    view! {
                        <li>
                            {format!("{unit} {} – {}", line.line, line.name)} {fields} {draft}
                            <TwinNote twins=line.likely_twins />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

fn outcome_view(outcome: ImportOutcome, unit: &'static str) -> impl IntoView {
    let created = outcome.created.len();
    let changed = outcome.changed.len();
    view! {
        {(created > 0).then(|| view! {
            <h3>{format!("Neu ({created})")}</h3>
            {lines_list(unit, outcome.created)}
        })}
        {(changed > 0).then(|| view! {
            <h3>{format!("Geändert ({changed})")}</h3>
            {lines_list(unit, outcome.changed)}
        })}
    }
}

#[component]
fn Report(import: ImportSession) -> impl IntoView {
    let file = import.file_name.clone();
    match import.report {
        ImportReport::Problems { unit, problems } => view! {
            <section class="import-report error-report" aria-labelledby="report-heading">
                <h2 id="report-heading" role="alert">
                    {if file.is_empty() {
                        "Nichts importiert".to_string()
                    } else {
                        format!("„{file}“ wurde nicht importiert – nichts wurde geändert")
                    }}
                </h2>
                <p>{format!("{} Problem(e). Bitte korrigieren Sie die Datei und prüfen Sie sie erneut.", problems.len())}</p>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Probleme der Datei (Tabelle, seitlich verschiebbar)">
                    <table class="accounts">
                        <thead>
                            <tr>
                                <th scope="col">{unit.clone()}</th>
                                <th scope="col">"Spalte"</th>
                                <th scope="col">"Problem"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {problems
                                .into_iter()
                                .map(|p| view! {
                                    <tr>
                                        <td>{if p.line == 0 { "–".to_string() } else { p.line.to_string() }}</td>
                                        <td>{if p.column.is_empty() { "–".to_string() } else { p.column }}</td>
                                        <td>{p.message}</td>
                                    </tr>
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        }
        .into_any(),
        ImportReport::Ready(outcome) => {
            let nothing = outcome.created.is_empty() && outcome.changed.is_empty();
            let summary = format!(
                "Probelauf für „{file}“: {} neu, {} geändert, {} unverändert. Noch ist nichts gespeichert.",
                outcome.created.len(),
                outcome.changed.len(),
                outcome.unchanged
            );
            view! {
                <section class="import-report" aria-labelledby="report-heading">
                    <h2 id="report-heading">"Probelauf"</h2>
                    <p role="status">{summary}</p>
                    {outcome_view(outcome, "Zeile")}
                    {if nothing {
                        view! { <p>"Keine Änderungen – es gibt nichts zu importieren."</p> }.into_any()
                    } else {
                        view! {
                            <form method="post" action=EXECUTE_PATH class="account-form">
                                <input type="hidden" name="token" value=import.token.clone() />
                                <p>"Der Import übernimmt alle Zeilen oder – wenn etwas scheitert – keine. Jede Änderung steht danach in der Geschichte des Angebots, mit Ihrem Namen."</p>
                                <button type="submit">"Jetzt importieren"</button>
                            </form>
                        }
                            .into_any()
                    }}
                </section>
            }
            .into_any()
        }
        ImportReport::Done(outcome) => {
            let summary = format!(
                "Import von „{file}“ abgeschlossen: {} neu, {} geändert, {} unverändert.",
                outcome.created.len(),
                outcome.changed.len(),
                outcome.unchanged
            );
            view! {
                <section class="import-report" aria-labelledby="report-heading">
                    <h2 id="report-heading">"Importiert"</h2>
                    <p role="status">{summary}</p>
                    {outcome_view(outcome, "Zeile")}
                </section>
            }
            .into_any()
        }
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                if require(Role::Editor).await.is_err() {
                    let viewer = current_viewer().await;
                    return view! { <AccessDenied viewer next="/redaktion/import".to_string() /> }.into_any();
                }
                let import = import_in_progress().await;
                let columns: Vec<(String, String)> = [
                    (EXTERNAL_ID.to_string(), "Pflicht. Eindeutige Kennung aus Ihrem System; an ihr wird ein Angebot beim nächsten Import wiedererkannt.".to_string()),
                    (ORGANIZATION.to_string(), "Pflicht. Name der Einrichtung (wird angelegt, wenn es sie noch nicht gibt).".to_string()),
                ]
                    .into_iter()
                    .chain(EditableField::ALL.iter().map(|field| {
                        let mut text = field.label().to_string();
                        if let Some(hint) = field.hint() {
                            text.push_str(&format!(" – {hint}"));
                        }
                        if field.member_only() {
                            text.push_str(" (intern: nur mit ausdrücklichem Wunsch exportiert)");
                        }
                        (column_of(*field), text)
                    }))
                    .chain([
                        (STREET.to_string(), "Pflicht. Straße und Hausnummer".to_string()),
                        (POSTCODE.to_string(), "Pflicht. Postleitzahl".to_string()),
                        (TOWN.to_string(), "Pflicht. Ort".to_string()),
                        (MUNICIPALITY.to_string(), "Pflicht. Gemeinde des Kreises (Name oder Gemeindeschlüssel)".to_string()),
                        (LAT.to_string(), "Pflicht. Geografische Breite, z. B. 51.9459".to_string()),
                        (LON.to_string(), "Pflicht. Geografische Länge, z. B. 7.1675".to_string()),
                        (LAST_CHECKED.to_string(), "Datum der letzten Prüfung, JJJJ-MM-TT".to_string()),
                    ])
                    .collect();
                view! {
                    <Title text="Import und Export – Chancenkarte" />
                    <h1 class="page-title">"Angebote importieren und exportieren"</h1>
                    <p><a href="/redaktion">"Zurück zur Redaktion"</a></p>
                    {import.map(|import| view! { <Report import /> })}
                    <section aria-labelledby="upload-heading">
                        <h2 id="upload-heading">"Datei importieren"</h2>
                        <p>"Eine CSV-Datei (UTF-8, mit Komma oder Semikolon getrennt, erste Zeile die Spaltennamen) oder eine HSDS-3.0-JSON-Datei. Erst prüft ein Probelauf die Datei und zeigt, was sich ändern würde; gespeichert wird erst danach."</p>
                        <form method="post" action=CHECK_PATH enctype="multipart/form-data" class="account-form">
                            <label for="import-file">"Datei (CSV oder HSDS-JSON, höchstens 5 MB)"</label>
                            <input id="import-file" name="datei" type="file" accept=".csv,.json,text/csv,application/json" required />
                            <button type="submit">"Datei prüfen (Probelauf)"</button>
                        </form>
                    </section>
                    <section aria-labelledby="export-heading">
                        <h2 id="export-heading">"Exportieren"</h2>
                        <ul>
                            <li><a href=EXPORT_PATH download>"Alle aktiven Angebote als CSV"</a>" – dieselben Spalten, die der Import liest."</li>
                            <li>
                                <a href=format!("{EXPORT_PATH}?intern=1") download>"… mit internen Feldern"</a>
                                " – Spalten „intern:…“ mit internen Notizen und Ansprechpersonen: nur für das Netzwerk, nicht weitergeben."
                            </li>
                        </ul>
                        <p>"Offene Daten für alle (ohne interne Felder): "<a href="/daten">"Übersicht der offenen Daten"</a>"."</p>
                    </section>
                    <section aria-labelledby="columns-heading">
                        <h2 id="columns-heading">"Spalten"</h2>
                        <dl class="account-facts">
                            {columns
                                .into_iter()
                                .map(|(column, text)| view! { <dt><code>{column}</code></dt><dd>{text}</dd> })
                                .collect_view()}
                        </dl>
                    </section>
                }
                    .into_any()
            })}
        </Suspense>
    }
}
