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
    use crate::requests::service::Refusal;
    use crate::shared::i18n::Locale;
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
    let result: Result<String, Refusal> = async {
        crate::requests::service::not_spam(
            homepage.as_deref().unwrap_or(""),
            stamp.as_deref().unwrap_or(""),
        )
        .await?;
        let listing = input.parse().map_err(Refusal::Fields)?;
        Ok(crate::requests::service::submit_listing(&listing, now()).await?)
    }
    .await;
    if is_form_post().await {
        match &result {
            Ok(reference) => crate::shared::local_path::redirect_to(&format!(
                "/eintragen/danke?nummer={reference}"
            )),
            Err(refusal) => {
                // The listing form is German only.
                _ = set_note(Note {
                    form,
                    field_errors: refusal.field_errors(Locale::German),
                    ..Note::error(refusal.text(Locale::German))
                })
                .await;
                crate::shared::local_path::redirect_to("/eintragen");
            }
        }
    }
    result.map_err(Refusal::into_error)
}

/// Reports an error in an offer; stored as a correction request for the editors. A form post
/// is sent back to the offer page with a note in the visitor's language (and, if refused, what
/// was typed and each field's problem); code gets the reference or the German reason.
#[server(name = ReportCorrection, prefix = "/api", endpoint = "fehler-melden")]
pub async fn report_correction(
    offer_id: i64,
    message: String,
    contact_email: Option<String>,
    homepage: Option<String>,
    stamp: Option<String>,
) -> Result<String, AppError> {
    use crate::accounts::auth::{Note, is_form_post, now, set_note};
    use crate::platform::catalogues::{current_locale, message as catalogue};
    use crate::requests::service::Refusal;
    let locale = current_locale();
    let contact_email = contact_email.unwrap_or_default();
    let result: Result<String, Refusal> = async {
        crate::requests::service::not_spam(
            homepage.as_deref().unwrap_or(""),
            stamp.as_deref().unwrap_or(""),
        )
        .await?;
        let correction = crate::requests::model::parse_correction(&message, &contact_email)
            .map_err(Refusal::Fields)?;
        Ok(crate::requests::service::report_correction(offer_id, &correction, now()).await?)
    }
    .await;
    if is_form_post().await {
        let note = match &result {
            Ok(reference) => {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("reference", reference.as_str());
                Note::info(catalogue(locale, "fehler-melden-danke", Some(&args)))
            }
            Err(refusal) => {
                let text = match refusal {
                    Refusal::Error(AppError::NotFound(_)) => {
                        catalogue(locale, "angebot-nicht-gefunden-text", None)
                    }
                    // Anything else (the database …): a general sentence in the visitor's language.
                    Refusal::Error(_) => catalogue(locale, "fehler-melden-nicht-gespeichert", None),
                    refusal => refusal.text(locale),
                };
                Note {
                    form: vec![
                        ("message".to_string(), message.clone()),
                        ("contact_email".to_string(), contact_email.clone()),
                    ],
                    field_errors: refusal.field_errors(locale),
                    ..Note::error(text)
                }
            }
        };
        _ = set_note(Note {
            target: "fehler-melden".into(),
            ..note
        })
        .await;
        crate::shared::local_path::redirect_to(&format!("/angebot/{offer_id}#fehler-melden"));
    }
    result.map_err(Refusal::into_error)
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
        let mut listing: ValidListing = input
            .parse()
            .map_err(|errors| crate::requests::service::Refusal::Fields(errors).into_error())?;
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
