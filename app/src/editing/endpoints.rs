//! Server functions of the editors (role `editor`): read an offer for editing, save one field
//! against the version it was read at, the change history, reverting a change, and marking an
//! offer as checked. A save based on an old version answers 409 with the current value.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::editing::model::{ChangeRecord, EditOutcome, EditableOffer};
use crate::shared::codec::JsonResult;
use crate::shared::error::AppError;

#[cfg(feature = "ssr")]
mod guard {
    use crate::accounts::auth::require;
    use crate::accounts::model::Role;
    use crate::accounts::store::AccountRecord;
    use crate::editing::model::EditOutcome;
    use crate::shared::error::AppError;

    pub async fn editor() -> Result<AccountRecord, AppError> {
        require(Role::Editor).await
    }

    /// Answers an edit sent by a plain HTML form: back to the offer's editor section, with a
    /// note, and with the typed value kept where it could not be saved (invalid, conflict).
    pub async fn answer_form(
        id: i64,
        field: &str,
        value: &str,
        result: &Result<EditOutcome, AppError>,
    ) {
        use crate::accounts::auth::{EditDraft, Note, set_note};
        let label =
            crate::editing::model::EditableField::parse(field).map_or("Feld", |f| f.label());
        let back = format!("/angebot/{id}#bearbeiten");
        let again = format!("/angebot/{id}?bearbeiten={field}");
        let draft = |conflict| {
            Some(EditDraft {
                offer_id: id,
                field: field.to_string(),
                value: value.to_string(),
                conflict,
            })
        };
        let (note, target) = match result {
            Ok(EditOutcome::Saved { .. }) => {
                (Note::info(format!("„{label}“ ist gespeichert.")), back)
            }
            Ok(EditOutcome::Unchanged { .. }) => (
                Note::info(format!("„{label}“ war schon so gespeichert.")),
                back,
            ),
            Ok(EditOutcome::Conflict {
                current_version,
                current_value,
            }) => (
                Note {
                    draft: draft(Some((current_value.clone(), *current_version))),
                    ..Note::error(format!(
                        "„{label}“ wurde inzwischen von jemand anderem geändert. Bitte vergleichen Sie beide Werte und entscheiden Sie."
                    ))
                },
                again,
            ),
            Ok(EditOutcome::NotFound) => (
                Note::error(crate::platform::error::NO_SUCH_OFFER),
                "/".to_string(),
            ),
            Err(error) => (
                Note {
                    draft: draft(None),
                    ..Note::error(error.to_string())
                },
                again,
            ),
        };
        _ = set_note(note).await;
        crate::shared::local_path::redirect_to(&target);
    }

    /// Sets 409 for a conflict and 404 for a missing offer; the outcome is the body.
    pub fn with_status(outcome: EditOutcome) -> EditOutcome {
        let status = match &outcome {
            EditOutcome::Conflict { .. } => Some(axum::http::StatusCode::CONFLICT),
            EditOutcome::NotFound => Some(axum::http::StatusCode::NOT_FOUND),
            _ => None,
        };
        if let (Some(status), Some(response)) = (
            status,
            leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        ) {
            response.set_status(status);
        }
        outcome
    }
}

/// The offer with its version and the canonical text of every editable field.
#[server(name = GetEditableOffer, prefix = "/api", endpoint = "redaktion/angebot", input = GetUrl, output = JsonResult)]
pub async fn editable_offer(id: i64) -> Result<EditableOffer, AppError> {
    crate::editing::service::editable_offer(id).await
}

/// Saves one field (`field` is its code) if the offer is still at `version`.
#[server(name = EditOfferField, prefix = "/api", endpoint = "redaktion/feld", output = JsonResult)]
pub async fn edit_offer_field(
    id: i64,
    version: i64,
    field: String,
    value: Option<String>,
    // Checkbox lists (topics, life phases, …) arrive as `values[]=…` instead of `value`.
    values: Option<Vec<String>>,
) -> Result<EditOutcome, AppError> {
    let value = match (value, values) {
        (_, Some(values)) => values.join(","),
        (Some(value), None) => value,
        (None, None) => String::new(),
    };
    use crate::accounts::auth::now;
    use crate::editing::service::{field_named, save_field};
    let result: Result<_, AppError> = async {
        let editor = guard::editor().await?;
        let field = field_named(&field)?;
        let storage = crate::editing::service::store()?;
        save_field(
            storage.as_ref(),
            editor.id,
            id,
            version,
            field,
            &value,
            now(),
        )
        .await?
        .map_err(|message| AppError::Invalid(format!("{}: {message}", field.label())))
    }
    .await;
    let signed_in_form = crate::accounts::auth::is_form_post().await
        && !matches!(result, Err(AppError::NotSignedIn | AppError::Forbidden));
    if signed_in_form {
        // The redirect stands; no error status may replace it.
        guard::answer_form(id, &field, &value, &result).await;
        return result;
    }
    result.map(guard::with_status)
}

/// The offer's change history, newest first.
#[server(name = GetOfferHistory, prefix = "/api", endpoint = "redaktion/verlauf", input = GetUrl, output = JsonResult)]
pub async fn offer_history(id: i64) -> Result<Vec<ChangeRecord>, AppError> {
    crate::editing::service::offer_history(id).await
}

/// Undoes one change (as a new change), if its field still holds what that change wrote.
#[server(name = RevertOfferChange, prefix = "/api", endpoint = "redaktion/zuruecknehmen", output = JsonResult)]
pub async fn revert_offer_change(change_id: i64) -> Result<EditOutcome, AppError> {
    use crate::accounts::auth::now;
    let result: Result<_, AppError> = async {
        let editor = guard::editor().await?;
        let storage = crate::editing::service::store()?;
        crate::editing::service::revert(storage.as_ref(), editor.id, change_id, now()).await
    }
    .await;
    if crate::accounts::auth::is_form_post().await
        && let Ok((offer_id, outcome)) = &result
    {
        let text = match outcome {
            EditOutcome::Saved { .. } => {
                "Die Änderung ist zurückgenommen (als neue Änderung im Verlauf)."
            }
            EditOutcome::Unchanged { .. } => "Der Wert war schon so.",
            _ => {
                "Diese Änderung lässt sich nicht mehr zurücknehmen: Das Feld wurde danach noch einmal geändert."
            }
        };
        let is_error = !matches!(
            outcome,
            EditOutcome::Saved { .. } | EditOutcome::Unchanged { .. }
        );
        _ = crate::accounts::auth::set_note(crate::accounts::auth::Note {
            is_error,
            ..crate::accounts::auth::Note::info(text)
        })
        .await;
        crate::shared::local_path::redirect_to(&format!("/angebot/{offer_id}#bearbeiten"));
        return Ok(outcome.clone());
    }
    result.map(|(_, outcome)| guard::with_status(outcome))
}

/// Marks the offer as checked today.
#[server(name = MarkOfferChecked, prefix = "/api", endpoint = "redaktion/geprueft", output = JsonResult)]
pub async fn mark_offer_checked(id: i64, version: i64) -> Result<EditOutcome, AppError> {
    use crate::accounts::auth::now;
    let result: Result<_, AppError> = async {
        let editor = guard::editor().await?;
        let today = chrono::Local::now().date_naive();
        let storage = crate::editing::service::store()?;
        crate::editing::service::mark_checked(
            storage.as_ref(),
            editor.id,
            id,
            version,
            today,
            now(),
        )
        .await
    }
    .await;
    if crate::accounts::auth::is_form_post().await && result.is_ok() {
        let saved = matches!(result, Ok(EditOutcome::Saved { .. }));
        let text = if saved {
            "Als geprüft markiert."
        } else {
            "Das Angebot wurde inzwischen geändert; bitte prüfen Sie den aktuellen Stand und markieren Sie es dann."
        };
        _ = crate::accounts::auth::set_note(crate::accounts::auth::Note {
            is_error: !saved,
            ..crate::accounts::auth::Note::info(text)
        })
        .await;
        crate::shared::local_path::redirect_to(&format!("/angebot/{id}#bearbeiten"));
        return result;
    }
    result.map(guard::with_status)
}

/// Archives an offer (hidden from the public, kept with its history) or restores it.
#[server(name = SetOfferArchived, prefix = "/api", endpoint = "redaktion/archiv", output = JsonResult)]
pub async fn set_offer_archived(
    id: i64,
    version: i64,
    archived: bool,
) -> Result<EditOutcome, AppError> {
    use crate::accounts::auth::now;
    let result: Result<_, AppError> = async {
        let editor = guard::editor().await?;
        let storage = crate::editing::service::store()?;
        crate::editing::service::set_archived(
            storage.as_ref(),
            editor.id,
            id,
            version,
            archived,
            now(),
        )
        .await
    }
    .await;
    if crate::accounts::auth::is_form_post().await && result.is_ok() {
        let saved = matches!(
            result,
            Ok(EditOutcome::Saved { .. } | EditOutcome::Unchanged { .. })
        );
        let (text, target) = match (saved, archived) {
            (true, true) => (
                "Das Angebot ist archiviert und nicht mehr öffentlich zu sehen.",
                "/redaktion#archiv".to_string(),
            ),
            (true, false) => (
                "Das Angebot ist wiederhergestellt und wieder öffentlich.",
                format!("/angebot/{id}#bearbeiten"),
            ),
            (false, _) => (
                "Das Angebot wurde inzwischen geändert; bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
                "/redaktion".to_string(),
            ),
        };
        _ = crate::accounts::auth::set_note(crate::accounts::auth::Note {
            is_error: !saved,
            ..crate::accounts::auth::Note::info(text)
        })
        .await;
        crate::shared::local_path::redirect_to(&target);
        return result;
    }
    result.map(guard::with_status)
}

/// Every offer with its last check, for the editors' overview.
#[server(name = GetOffersToCheck, prefix = "/api", endpoint = "redaktion/pruefliste", input = GetUrl, output = JsonResult)]
pub async fn offers_to_check() -> Result<Vec<crate::editing::model::OfferToCheck>, AppError> {
    crate::editing::service::offers_to_check().await
}

/// Moves an offer: a new address and position; the position must lie in the region, and the
/// municipality follows from the municipality boundaries.
#[server(name = MoveOffer, prefix = "/api", endpoint = "redaktion/standort", output = JsonResult)]
pub async fn move_offer(
    id: i64,
    version: i64,
    street: String,
    postcode: String,
    town: String,
    lat: String,
    lon: String,
) -> Result<EditOutcome, AppError> {
    use crate::accounts::auth::{Note, is_form_post, now, set_note};
    let checked = async {
        let editor = guard::editor().await?;
        let state = crate::platform::state::app_state()?;
        let place = crate::editing::service::PlaceInput {
            street: &street,
            postcode: &postcode,
            town: &town,
            lat: &lat,
            lon: &lon,
        };
        crate::editing::service::move_offer(&state, editor.id, id, version, place, now()).await
    }
    .await;
    // The inputs at fault, for the form; the API answers the reason alone.
    let problem = checked
        .as_ref()
        .ok()
        .and_then(|checked| checked.as_ref().err())
        .cloned();
    let result: Result<EditOutcome, AppError> =
        checked.and_then(|checked| checked.map_err(|problem| AppError::Invalid(problem.reason)));
    let signed_in_form =
        is_form_post().await && !matches!(result, Err(AppError::NotSignedIn | AppError::Forbidden));
    if signed_in_form {
        let note = match &result {
            Ok(EditOutcome::Saved { .. } | EditOutcome::Unchanged { .. }) => {
                Note::info("Der Standort ist gespeichert.")
            }
            Ok(EditOutcome::Conflict { .. }) => Note::error(
                "Das Angebot wurde inzwischen geändert. Bitte prüfen Sie den aktuellen Standort und versuchen Sie es noch einmal.",
            ),
            Ok(EditOutcome::NotFound) => Note::error(crate::platform::error::NO_SUCH_OFFER),
            Err(error) => Note::error(error.to_string()),
        };
        // A refused place comes back as typed, each input at fault marked with the reason.
        let note = match problem {
            Some(problem) => Note {
                form: [
                    ("street", &street),
                    ("postcode", &postcode),
                    ("town", &town),
                    ("lat", &lat),
                    ("lon", &lon),
                ]
                .into_iter()
                .map(|(name, value)| (name.to_string(), value.clone()))
                .collect(),
                field_errors: problem
                    .fields
                    .iter()
                    .map(|field| (field.to_string(), problem.reason.clone()))
                    .collect(),
                ..note
            },
            None => note,
        };
        let failed = !matches!(
            result,
            Ok(EditOutcome::Saved { .. } | EditOutcome::Unchanged { .. })
        );
        _ = set_note(note).await;
        crate::shared::local_path::redirect_to(&if failed {
            format!("/angebot/{id}?bearbeiten=standort")
        } else {
            format!("/angebot/{id}#bearbeiten")
        });
        return result;
    }
    result.map(guard::with_status)
}

/// An editor's decision that offer `id` is no duplicate of `twin` (the note on an offer not yet
/// public): the pair is no longer flagged. A form post returns to the offer's page.
#[server(name = NotATwin, prefix = "/api", endpoint = "redaktion/kein-duplikat")]
pub async fn not_a_twin(id: i64, twin: i64) -> Result<(), AppError> {
    use crate::accounts::auth::{FormReply, now, reply};
    let result = crate::editing::service::not_a_twin(id, twin, now()).await;
    let back = format!("/angebot/{id}");
    reply(
        result,
        FormReply {
            success_to: &back,
            success_note: Some("Vermerkt: kein Duplikat. Das Angebot wird nicht mehr als mögliches Duplikat gemeldet.".into()),
            failure_to: &back,
        },
    )
    .await
}
