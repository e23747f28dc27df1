//! The editors' offer file exchange over HTTP: the CSV export (member-only columns only when
//! asked for, marked), and the import in two steps — a file (CSV, or HSDS 3.0 JSON) is checked
//! and tried in a dry run, then imported in one transaction. Editors only.

use std::collections::HashMap;

use crate::accounts::model::Role;
use crate::import::offer_csv::{
    ImportProblem, ImportRegion, ImportedOffer, MAX_FILE_BYTES, OwnService, hsds_to_csv, read_csv,
    write_csv,
};
use crate::import::report::{IMPORT_KEY, ImportReport, ImportSession};
use crate::platform::state::AppState;
use axum::extract::{Form, Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use crate::accounts::auth::signed_in_as;

const IMPORT_PAGE: &str = "/redaktion/import";
/// Where the import page's forms and links go: one place for the routes and the page.
pub const EXPORT_PATH: &str = "/redaktion/angebote.csv";
pub const CHECK_PATH: &str = "/redaktion/import/pruefen";
pub const EXECUTE_PATH: &str = "/redaktion/import/ausfuehren";

/// `GET /redaktion/angebote.csv[?intern=1]`: every active offer as the import reads it.
pub async fn export(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let editor = match signed_in_as(Role::Editor, &state, &session).await {
        Ok(editor) => editor,
        Err(refused) => return refused,
    };
    let with_internal = query.iter().any(|(k, v)| k == "intern" && v == "1");
    match crate::import::service::exported_offers(&state).await {
        Ok(offers) => {
            tracing::info!(
                editor = editor.id,
                offers = offers.len(),
                with_internal,
                "offers exported"
            );
            let region = state.region.clone();
            let text = write_csv(&offers, with_internal, |ags| {
                region.municipality_name(ags).to_string()
            });
            let name = if with_internal {
                "angebote-mit-internen-feldern.csv"
            } else {
                "angebote.csv"
            };
            crate::platform::response::file_download("text/csv; charset=utf-8", name, text)
        }
        Err(error) => error.into_response(),
    }
}

/// Checks a file: the offers it holds, or its problems (with what their `line` counts).
async fn check_file(
    state: &AppState,
    file_name: &str,
    text: &str,
) -> Result<Vec<ImportedOffer>, (String, Vec<ImportProblem>)> {
    let municipalities: Vec<(String, String)> = state
        .region
        .municipalities
        .iter()
        .map(|m| (m.ags.clone(), m.name.clone()))
        .collect();
    let locate = |lat: f64, lon: f64| state.municipality_at(lat, lon).map(str::to_string);
    let region = ImportRegion {
        municipalities: &municipalities,
        locate: &locate,
    };
    let is_json = file_name.to_lowercase().ends_with(".json")
        || text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with(['{', '[']);
    if !is_json {
        return read_csv(text, &region).map_err(|problems| ("Zeile".to_string(), problems));
    }
    // This site's own HSDS ids lead back to its offers.
    let own_ids: HashMap<String, OwnService> =
        match crate::import::service::exported_offers(state).await {
            Ok(offers) => offers
                .into_iter()
                .map(|o| {
                    (
                        crate::open_data::hsds::hsds_id("service", o.offer.id),
                        OwnService {
                            external_id: o.external_id,
                            location: o.offer.location,
                        },
                    )
                })
                .collect(),
            Err(_) => HashMap::new(),
        };
    let whole_file = |message: String| {
        (
            "Dienst".to_string(),
            vec![ImportProblem {
                line: 0,
                column: String::new(),
                message,
            }],
        )
    };
    let (csv, starts) = hsds_to_csv(text, &own_ids, &region).map_err(whole_file)?;
    read_csv(&csv, &region).map_err(|problems| {
        let service_of = |line: usize| {
            starts
                .iter()
                .rposition(|start| *start <= line)
                .map_or(0, |i| i + 1)
        };
        (
            "Dienst".to_string(),
            problems
                .into_iter()
                .map(|p| ImportProblem {
                    line: service_of(p.line),
                    ..p
                })
                .collect(),
        )
    })
}

fn new_token() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{nanos:x}")
}

async fn remember(session: &Session, import: ImportSession) -> Response {
    if let Err(error) = session.insert(IMPORT_KEY, import).await {
        tracing::error!(%error, "keeping the import in the session failed");
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            "Die Datei konnte nicht zwischengespeichert werden. Bitte erneut versuchen.",
        )
            .into_response();
    }
    Redirect::to(IMPORT_PAGE).into_response()
}

/// `POST /redaktion/import` (multipart, field `datei`): checks the file and tries it in a
/// dry run; the page then shows the problems or what the import would do.
pub async fn upload(
    State(state): State<AppState>,
    session: Session,
    mut form: Multipart,
) -> Response {
    let editor = match signed_in_as(Role::Editor, &state, &session).await {
        Ok(editor) => editor,
        Err(refused) => return refused,
    };
    let mut file = None;
    loop {
        match form.next_field().await {
            Ok(Some(field)) if field.name() == Some("datei") => {
                let name = field.file_name().unwrap_or("datei").to_string();
                match field.bytes().await {
                    Ok(bytes) => file = Some((name, bytes)),
                    Err(error) => {
                        return (
                            StatusCode::BAD_REQUEST,
                            format!("Die Datei kam nicht vollständig an: {error}"),
                        )
                            .into_response();
                    }
                }
            }
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(error) => {
                return (
                    StatusCode::BAD_REQUEST,
                    format!("Das Formular ist nicht lesbar: {error}"),
                )
                    .into_response();
            }
        }
    }
    let problem = |message: &str| ImportReport::Problems {
        unit: "Zeile".into(),
        problems: vec![ImportProblem {
            line: 0,
            column: String::new(),
            message: message.to_string(),
        }],
    };
    let Some((file_name, bytes)) = file.filter(|(_, bytes)| !bytes.is_empty()) else {
        return remember(
            &session,
            ImportSession {
                file_name: String::new(),
                report: problem("Bitte wählen Sie eine Datei (CSV oder HSDS-JSON) aus."),
                content: None,
                token: String::new(),
            },
        )
        .await;
    };
    let refused = |message: &str| ImportSession {
        file_name: file_name.clone(),
        report: problem(message),
        content: None,
        token: String::new(),
    };
    if bytes.len() > MAX_FILE_BYTES {
        return remember(
            &session,
            refused("Die Datei ist zu groß (höchstens 5 MB). Bitte teilen Sie sie auf."),
        )
        .await;
    }
    let Ok(text) = String::from_utf8(bytes.to_vec()) else {
        return remember(
            &session,
            refused("Die Datei ist nicht in UTF-8 gespeichert. Bitte speichern Sie sie als „CSV UTF-8“."),
        )
        .await;
    };
    let offers = match check_file(&state, &file_name, &text).await {
        Ok(offers) => offers,
        Err((unit, problems)) => {
            return remember(
                &session,
                ImportSession {
                    file_name,
                    report: ImportReport::Problems { unit, problems },
                    content: None,
                    token: String::new(),
                },
            )
            .await;
        }
    };
    let now = crate::accounts::auth::now();
    match crate::import::service::import(&state, &offers, editor.id, now, true).await {
        Ok(outcome) => {
            remember(
                &session,
                ImportSession {
                    file_name,
                    report: ImportReport::Ready(outcome),
                    content: Some(text),
                    token: new_token(),
                },
            )
            .await
        }
        Err(error) => remember(&session, refused(&error.to_string())).await,
    }
}

/// `POST /redaktion/import/ausfuehren` (form field `token`): imports the checked file of
/// this editor's session, all offers or none.
pub async fn execute(
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let editor = match signed_in_as(Role::Editor, &state, &session).await {
        Ok(editor) => editor,
        Err(refused) => return refused,
    };
    let token = form
        .iter()
        .find(|(k, _)| k == "token")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    let pending = session
        .get::<ImportSession>(IMPORT_KEY)
        .await
        .ok()
        .flatten()
        .filter(|import| !token.is_empty() && import.token == token);
    let Some(ImportSession {
        file_name,
        content: Some(text),
        ..
    }) = pending
    else {
        return (
            StatusCode::CONFLICT,
            "Diese Prüfung ist nicht mehr aktuell (schon importiert oder eine andere Datei geprüft). Bitte laden Sie die Datei erneut hoch.",
        )
            .into_response();
    };
    // Checked again: offers may have changed since the dry run.
    let report = match check_file(&state, &file_name, &text).await {
        Err((unit, problems)) => ImportReport::Problems { unit, problems },
        Ok(offers) => {
            let now = crate::accounts::auth::now();
            match crate::import::service::import(&state, &offers, editor.id, now, false).await {
                Ok(outcome) => ImportReport::Done(outcome),
                Err(error) => ImportReport::Problems {
                    unit: "Zeile".into(),
                    problems: vec![ImportProblem {
                        line: 0,
                        column: String::new(),
                        message: error.to_string(),
                    }],
                },
            }
        }
    };
    remember(
        &session,
        ImportSession {
            file_name,
            report,
            content: None,
            token: String::new(),
        },
    )
    .await
}

/// The editors' export and the two steps of an import.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route(EXPORT_PATH, get(export))
        .route(
            CHECK_PATH,
            post(upload).layer(axum::extract::DefaultBodyLimit::max(
                crate::import::offer_csv::MAX_FILE_BYTES + 64 * 1024,
            )),
        )
        .route(EXECUTE_PATH, post(execute))
}
