//! Server functions for requests from outside — a listing request ("Angebot eintragen
//! lassen") and a correction ("Fehler melden"), both public and spam-guarded — and the
//! editors' decisions on them.

// The listing form posts its fields flat, so its server function takes one argument per field
// (the lint also fires on the client stub the `server` macro generates, hence module-wide).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::requests::model::RequestRecord;
use crate::shared::codec::JsonResult;
use crate::shared::error::AppError;

#[cfg(feature = "ssr")]
mod guard {
    use crate::requests::model::FieldErrors;
    use crate::shared::error::AppError;

    /// The field errors as one German message.
    pub fn invalid(errors: &FieldErrors) -> AppError {
        AppError::Invalid(
            errors
                .iter()
                .map(|(_, message)| message.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

/// Proposes an offer for the map. Stored as a request for the editors, never public directly;
/// answers with the reference number.
#[server(name = RequestListing, prefix = "/api", endpoint = "eintragen")]
pub async fn request_listing(
    organization: String,
    offer_name: String,
    description: String,
    street: String,
    postcode: String,
    town: String,
    contact_name: String,
    contact_email: String,
    contact_phone: Option<String>,
    consent: Option<String>,
    homepage: Option<String>,
    stamp: Option<String>,
) -> Result<String, AppError> {
    use crate::accounts::auth::{Note, is_form_post, now, set_note};
    use crate::requests::model::ListingInput;
    let input = ListingInput {
        organization,
        offer_name,
        description,
        street,
        postcode,
        town,
        contact_name,
        contact_email,
        contact_phone: contact_phone.unwrap_or_default(),
        consent: consent.is_some_and(|c| !c.is_empty()),
    };
    let form: Vec<(String, String)> = [
        ("organization", &input.organization),
        ("offer_name", &input.offer_name),
        ("description", &input.description),
        ("street", &input.street),
        ("postcode", &input.postcode),
        ("town", &input.town),
        ("contact_name", &input.contact_name),
        ("contact_email", &input.contact_email),
        ("contact_phone", &input.contact_phone),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_string(), value.clone()))
    .collect();
    let mut field_errors = Vec::new();
    let result: Result<String, AppError> = async {
        crate::requests::service::not_spam(
            homepage.as_deref().unwrap_or(""),
            stamp.as_deref().unwrap_or(""),
        )
        .await?;
        let listing = input.parse().map_err(|errors| {
            field_errors = errors
                .iter()
                .map(|(field, message)| (field.to_string(), message.clone()))
                .collect();
            guard::invalid(&errors)
        })?;
        crate::requests::service::submit_listing(&listing, now()).await
    }
    .await;
    if is_form_post().await {
        match &result {
            Ok(reference) => crate::shared::local_path::redirect_to(&format!(
                "/eintragen/danke?nummer={reference}"
            )),
            Err(error) => {
                _ = set_note(Note {
                    form,
                    field_errors,
                    ..Note::error(error.to_string())
                })
                .await;
                crate::shared::local_path::redirect_to("/eintragen");
            }
        }
        return result;
    }
    result
}

/// Reports an error in an offer; stored as a correction request for the editors.
#[server(name = ReportCorrection, prefix = "/api", endpoint = "fehler-melden")]
pub async fn report_correction(
    offer_id: i64,
    message: String,
    contact_email: Option<String>,
    homepage: Option<String>,
    stamp: Option<String>,
) -> Result<String, AppError> {
    use crate::accounts::auth::now;
    let result: Result<String, AppError> = async {
        crate::requests::service::not_spam(
            homepage.as_deref().unwrap_or(""),
            stamp.as_deref().unwrap_or(""),
        )
        .await?;
        let correction = crate::requests::model::parse_correction(
            &message,
            contact_email.as_deref().unwrap_or(""),
        )
        .map_err(|errors| guard::invalid(&errors))?;
        crate::requests::service::report_correction(offer_id, &correction, now()).await
    }
    .await;
    if crate::accounts::auth::is_form_post().await {
        use crate::accounts::auth::{Note, set_note};
        let note = match &result {
            Ok(reference) => Note::info(crate::platform::catalogues::t_with(
                "fehler-melden-danke",
                &[("reference", reference.to_string().into())],
            )),
            Err(error) => Note::error(error.to_string()),
        };
        _ = set_note(Note {
            target: "fehler-melden".into(),
            ..note
        })
        .await;
        crate::shared::local_path::redirect_to(&format!("/angebot/{offer_id}#fehler-melden"));
        return result;
    }
    result
}

/// The editors' queue: open requests first, then the last decided ones.
#[server(name = GetRequests, prefix = "/api", endpoint = "redaktion/anfragen", input = GetUrl, output = JsonResult)]
pub async fn requests() -> Result<Vec<RequestRecord>, AppError> {
    crate::requests::service::queue().await
}

/// Decides an open request: `uebernommen` (a listing becomes a not yet public offer in the
/// municipality `ort`), `eingearbeitet` or `verworfen` (corrections), `abgelehnt` (needs a
/// reason). Answers with the new offer's id when one was created.
#[server(name = DecideRequest, prefix = "/api", endpoint = "redaktion/entscheiden")]
pub async fn decide_request(
    id: i64,
    decision: String,
    reason: Option<String>,
    ort: Option<String>,
) -> Result<Option<i64>, AppError> {
    use crate::accounts::auth::{FormReply, now, reply};
    let reason = reason.unwrap_or_default().trim().to_string();
    let result = crate::requests::service::decide(id, &decision, &reason, ort, now()).await;
    let (value, note, target) = match result {
        Ok((offer_id, note)) => {
            let target = offer_id.map_or("/redaktion#anfragen".to_string(), |id| {
                format!("/angebot/{id}#bearbeiten")
            });
            (Ok(offer_id), Some(note), target)
        }
        Err(error) => (Err(error), None, "/redaktion#anfragen".to_string()),
    };
    reply(
        value,
        FormReply {
            success_to: &target,
            success_note: note,
            failure_to: "/redaktion#anfragen",
        },
    )
    .await
}

/// Starts a new offer from the editors' overview: not yet public, at the centre of the chosen
/// municipality; the editor completes it, sets its location and publishes it.
#[server(name = CreateOffer, prefix = "/api", endpoint = "redaktion/neu")]
pub async fn create_offer(
    organization: String,
    offer_name: String,
    description: String,
    street: String,
    postcode: String,
    town: String,
    ort: String,
    lat: Option<String>,
    lon: Option<String>,
) -> Result<i64, AppError> {
    use crate::accounts::auth::{FormReply, now, reply, require};
    use crate::accounts::model::Role;
    use crate::requests::model::{ListingInput, ValidListing};
    use crate::requests::service::{Placement, create_offer_draft};
    let result: Result<i64, AppError> = async {
        let editor = require(Role::Editor).await?;
        let input = ListingInput {
            organization,
            offer_name,
            description,
            street,
            postcode,
            town,
            // The offer's own contact data are filled in afterwards, field by field.
            contact_name: "Redaktion".into(),
            contact_email: "redaktion@chancenkarte.invalid".into(),
            contact_phone: String::new(),
            consent: true,
        };
        let mut listing: ValidListing = input.parse().map_err(|errors| guard::invalid(&errors))?;
        listing.0.contact_name.clear();
        listing.0.contact_email.clear();
        let state = crate::platform::state::app_state()?;
        // A point picked on the map wins; its municipality follows from the boundaries.
        let point = (
            lat.as_deref().filter(|v| !v.trim().is_empty()),
            lon.as_deref().filter(|v| !v.trim().is_empty()),
        );
        let place = match point {
            (Some(lat), Some(lon)) => {
                use crate::editing::model::parse_coordinate;
                let lat = parse_coordinate(lat, "Breite").map_err(AppError::Invalid)?;
                let lon = parse_coordinate(lon, "Länge").map_err(AppError::Invalid)?;
                let ags = state.municipality_at(lat, lon).ok_or_else(|| {
                    AppError::Invalid(format!(
                        "Dieser Punkt liegt außerhalb des Gebiets „{}“.",
                        state.region.name
                    ))
                })?;
                Placement {
                    municipality_ags: ags.to_string(),
                    lat,
                    lon,
                }
            }
            _ => {
                let (_, lat, lon) = state
                    .town_centres
                    .iter()
                    .find(|(key, _, _)| *key == ort)
                    .cloned()
                    .ok_or_else(|| {
                        AppError::Invalid("Bitte wählen Sie den Ort des Angebots.".into())
                    })?;
                Placement {
                    municipality_ags: ort.clone(),
                    lat,
                    lon,
                }
            }
        };
        let today = chrono::Local::now().date_naive();
        create_offer_draft(
            crate::requests::service::store()?.as_ref(),
            &listing,
            &place,
            today,
            editor.id,
            now(),
        )
        .await
    }
    .await;
    let target = result.as_ref().map_or("/redaktion#neu".to_string(), |id| {
        format!("/angebot/{id}#bearbeiten")
    });
    reply(
        result,
        FormReply {
            success_to: &target,
            success_note: Some(
                "Das Angebot ist angelegt, aber noch nicht öffentlich: bitte vervollständigen, den Standort setzen und veröffentlichen.".into(),
            ),
            failure_to: "/redaktion#neu",
        },
    )
    .await
}
