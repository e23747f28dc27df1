//! Server functions of the institutions' self-service: what a link's holder does on its page
//! (confirm, ask for a change, report an end; the token is the permission) and what editors do
//! on an organisation's page (contacts, a fresh link, links by mail, revoking). Each form post
//! returns to its page with a note.
// A form's fields are a server function's arguments: the change form has one per field.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::shared::error::AppError;

/// The editors' page of organisation `id`.
pub fn desk_path(id: i64) -> String {
    format!("{DESK_PATH}/{id}")
}

/// The editors' list of organisations.
pub const DESK_PATH: &str = "/redaktion/einrichtungen";

/// Where the institution returns after an action on offer `offer`: its page, at that offer.
#[cfg(feature = "ssr")]
fn back_to_offer(token: &str, offer: i64) -> String {
    format!(
        "{}#angebot-{offer}",
        crate::confirmations::service::page_path(token)
    )
}

/// "Stimmt noch" for offer `angebot` through the link `token`.
#[server(name = ConfirmOffer, prefix = "/api", endpoint = "bestaetigen/stimmt")]
pub async fn confirm_offer(token: String, angebot: i64) -> Result<String, AppError> {
    use crate::accounts::auth::now;
    let today = chrono::Local::now().date_naive();
    let result = crate::confirmations::service::confirm(&token, angebot, today, now()).await;
    answer_at_offer(result, &token, angebot).await
}

/// Answers an institution's action: a form post returns to the offer on its page with the
/// note beside it (the page opens scrolled to the offer, where the top of the page is out of
/// sight); code gets the text or the error.
#[cfg(feature = "ssr")]
async fn answer_at_offer(
    result: Result<String, AppError>,
    token: &str,
    offer: i64,
) -> Result<String, AppError> {
    use crate::accounts::auth::{Note, is_form_post, set_note};
    if is_form_post().await {
        let note = match &result {
            Ok(text) => Note::info(text.clone()),
            Err(error) => Note::error(error.to_string()),
        };
        _ = set_note(Note {
            target: format!("angebot-{offer}"),
            ..note
        })
        .await;
        crate::shared::local_path::redirect_to(&back_to_offer(token, offer));
    }
    result
}

/// "Ändern" for offer `angebot` through the link `token`: each public field's new text (a
/// field left out stays as it is) and a message to the editors.
#[server(name = ProposeChange, prefix = "/api", endpoint = "bestaetigen/aendern")]
pub async fn propose_change(
    token: String,
    angebot: i64,
    name: Option<String>,
    beschreibung: Option<String>,
    telefon: Option<String>,
    email: Option<String>,
    website: Option<String>,
    oeffnungszeiten: Option<String>,
    oeffnungszeiten_hinweis: Option<String>,
    kosten: Option<String>,
    kosten_hinweis: Option<String>,
    barrierefreiheit: Option<String>,
    freie_plaetze: Option<String>,
    wartezeit_wochen: Option<String>,
    nachricht: Option<String>,
) -> Result<String, AppError> {
    use crate::accounts::auth::{Note, is_form_post, now, set_note};
    use crate::confirmations::service::ChangeRefused;
    use crate::editing::model::EditableField;
    let typed: Vec<(EditableField, String)> = [
        (EditableField::Name, name),
        (EditableField::Description, beschreibung),
        (EditableField::Phone, telefon),
        (EditableField::Email, email),
        (EditableField::Website, website),
        (EditableField::OpeningHours, oeffnungszeiten),
        (EditableField::HoursNote, oeffnungszeiten_hinweis),
        (EditableField::Cost, kosten),
        (EditableField::CostNote, kosten_hinweis),
        (EditableField::AccessibilityNote, barrierefreiheit),
        (EditableField::FreePlaces, freie_plaetze),
        (EditableField::WaitWeeks, wartezeit_wochen),
    ]
    .into_iter()
    .filter_map(|(field, value)| value.map(|value| (field, value)))
    .collect();
    let message = nachricht.unwrap_or_default();
    let result =
        crate::confirmations::service::ask_change(&token, angebot, &typed, &message, now()).await;
    if is_form_post().await {
        let note = match &result {
            Ok(text) => Note {
                target: format!("angebot-{angebot}"),
                ..Note::info(text.clone())
            },
            Err(refused) => {
                // What was typed comes back into the form, each field with its reason.
                let mut form: Vec<(String, String)> = typed
                    .iter()
                    .map(|(field, value)| (field.code().to_string(), value.clone()))
                    .collect();
                form.push(("nachricht".into(), message.clone()));
                let (text, field_errors) = match refused {
                    ChangeRefused::Fields(problems) => (
                        "Die Änderung wurde nicht gesendet. Bitte prüfen Sie die markierten Angaben.".to_string(),
                        problems
                            .iter()
                            .map(|(field, reason)| (field.code().to_string(), reason.clone()))
                            .collect(),
                    ),
                    ChangeRefused::Error(error) => (error.to_string(), Vec::new()),
                };
                Note {
                    form,
                    field_errors,
                    target: format!("angebot-{angebot}"),
                    ..Note::error(text)
                }
            }
        };
        _ = set_note(note).await;
        crate::shared::local_path::redirect_to(&back_to_offer(&token, angebot));
    }
    result.map_err(|refused| match refused {
        ChangeRefused::Fields(problems) => AppError::Invalid(
            problems
                .into_iter()
                .map(|(field, reason)| format!("{}: {reason}", field.label()))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        ChangeRefused::Error(error) => error,
    })
}

/// "Gibt es nicht mehr" for offer `angebot` through the link `token`, with a message.
#[server(name = ReportEnd, prefix = "/api", endpoint = "bestaetigen/eingestellt")]
pub async fn report_end(
    token: String,
    angebot: i64,
    nachricht: Option<String>,
) -> Result<String, AppError> {
    use crate::accounts::auth::now;
    let result = crate::confirmations::service::ask_end(
        &token,
        angebot,
        &nachricht.unwrap_or_default(),
        now(),
    )
    .await;
    answer_at_offer(result, &token, angebot).await
}

/// Answers an editor's action: a form post returns to the organisation's page with the note
/// (or the reason); code gets the value or the error.
#[cfg(feature = "ssr")]
async fn back_to_desk<T>(
    result: Result<T, AppError>,
    organization: i64,
    note: Option<String>,
) -> Result<T, AppError> {
    use crate::accounts::auth::{FormReply, reply};
    let back = desk_path(organization);
    reply(
        result,
        FormReply {
            success_to: &back,
            success_note: note,
            failure_to: &back,
        },
    )
    .await
}

/// Adds an address for confirmation links to organisation `einrichtung` (editors).
#[server(name = AddConfirmationContact, prefix = "/api", endpoint = "redaktion/einrichtung/adresse")]
pub async fn add_confirmation_contact(einrichtung: i64, email: String) -> Result<i64, AppError> {
    use crate::accounts::auth::now;
    let result = crate::confirmations::service::add_contact(einrichtung, &email, now())
        .await
        .map(|contact| contact.id);
    back_to_desk(
        result,
        einrichtung,
        Some("Die Adresse ist eingetragen.".into()),
    )
    .await
}

/// Removes address `adresse` of organisation `einrichtung` (editors).
#[server(name = RemoveConfirmationContact, prefix = "/api", endpoint = "redaktion/einrichtung/adresse-entfernen")]
pub async fn remove_confirmation_contact(einrichtung: i64, adresse: i64) -> Result<(), AppError> {
    let result = crate::confirmations::service::remove_contact(einrichtung, adresse).await;
    back_to_desk(
        result,
        einrichtung,
        Some("Die Adresse ist entfernt.".into()),
    )
    .await
}

/// A fresh confirmation link of organisation `einrichtung` for an editor to pass on; the
/// page shows it once, ready to copy.
#[server(name = NewConfirmationLink, prefix = "/api", endpoint = "redaktion/einrichtung/link")]
pub async fn new_confirmation_link(einrichtung: i64) -> Result<String, AppError> {
    use crate::accounts::auth::{Note, is_form_post, now, set_note};
    let result = crate::confirmations::service::fresh_link(einrichtung, now()).await;
    if let (Ok((url, day)), true) = (&result, is_form_post().await) {
        _ = set_note(Note {
            form: vec![("link".into(), url.clone())],
            ..Note::info(format!(
                "Neuer Bestätigungslink, gültig bis zum {}. Bitte kopieren Sie ihn jetzt; er wird nicht noch einmal angezeigt.",
                day.format("%d.%m.%Y")
            ))
        })
        .await;
        crate::shared::local_path::redirect_to(&desk_path(einrichtung));
        return Ok(url.clone());
    }
    back_to_desk(result.map(|(url, _)| url), einrichtung, None).await
}

/// Mails each address of organisation `einrichtung` a link of its own (editors).
#[server(name = SendConfirmationLinks, prefix = "/api", endpoint = "redaktion/einrichtung/senden")]
pub async fn send_confirmation_links(einrichtung: i64) -> Result<usize, AppError> {
    use crate::accounts::auth::now;
    let result = crate::confirmations::service::send_links(einrichtung, now()).await;
    let note = result.as_ref().ok().map(|sending| {
        if sending.failed == 0 {
            format!("{} E-Mail(s) mit Bestätigungslink gesendet.", sending.sent)
        } else {
            format!(
                "{} E-Mail(s) gesendet, {} nicht zugestellt (siehe Protokoll).",
                sending.sent, sending.failed
            )
        }
    });
    back_to_desk(result.map(|sending| sending.sent), einrichtung, note).await
}

/// Revokes every link of organisation `einrichtung` that still holds (editors).
#[server(name = RevokeConfirmationLinks, prefix = "/api", endpoint = "redaktion/einrichtung/sperren")]
pub async fn revoke_confirmation_links(einrichtung: i64) -> Result<u64, AppError> {
    use crate::accounts::auth::now;
    let result = crate::confirmations::service::revoke_links(einrichtung, now()).await;
    let note = result
        .as_ref()
        .ok()
        .map(|count| format!("{count} Link(s) gesperrt."));
    back_to_desk(result, einrichtung, note).await
}
