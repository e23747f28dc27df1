//! Server functions of a member's own subscription: read it, save it (the page's form), end
//! it. Each checks the member role on the server; saving is refused while no SMTP server is
//! set up.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::shared::codec::JsonResult;
use crate::shared::error::AppError;
use crate::subscriptions::model::Subscription;

/// Whether mail is set up on this server, and the member's subscription if there is one.
#[server(name = GetSubscription, prefix = "/api", endpoint = "nachrichten/abo", input = GetUrl, output = JsonResult)]
pub async fn subscription() -> Result<(bool, Option<Subscription>), AppError> {
    crate::subscriptions::service::own_subscription().await
}

/// Saves the member's subscription: municipality keys (`orte[]`), topic codes (`themen[]`),
/// life phase codes (`phasen[]`), each empty for all, and `haeufigkeit` (`taeglich` or
/// `woechentlich`). A form post returns to the page with a note (and, if refused, the choices
/// and each field's reason); code gets the subscription or a 4xx with the German reason.
#[server(name = SaveSubscription, prefix = "/api", endpoint = "nachrichten/speichern")]
pub async fn save_subscription(
    orte: Option<Vec<String>>,
    themen: Option<Vec<String>>,
    phasen: Option<Vec<String>>,
    haeufigkeit: Option<String>,
) -> Result<Subscription, AppError> {
    use crate::accounts::auth::{Note, is_form_post, now, set_note};
    use crate::subscriptions::model::{
        FIELD_FREQUENCY, FIELD_MUNICIPALITIES, FIELD_PHASES, FIELD_TOPICS, SubscriptionForm,
    };
    use crate::subscriptions::service::Refused;
    let form = SubscriptionForm {
        municipalities: orte.unwrap_or_default(),
        topics: themen.unwrap_or_default(),
        phases: phasen.unwrap_or_default(),
        frequency: haeufigkeit.unwrap_or_default(),
    };
    let result = crate::subscriptions::service::subscribe(&form, now()).await;
    if is_form_post().await {
        let note = match &result {
            Ok(saved) => Note::info(format!(
                "Gespeichert: Sie erhalten {} eine E-Mail, wenn es zu Ihrer Auswahl neue oder geänderte Angebote gibt.",
                saved.frequency.label()
            )),
            Err(refused) => {
                // What was ticked comes back ticked, each field with its reason.
                let typed = |field: &str, values: &[String]| {
                    values
                        .iter()
                        .map(|value| (field.to_string(), value.clone()))
                        .collect::<Vec<_>>()
                };
                let mut form_values = typed(FIELD_MUNICIPALITIES, &form.municipalities);
                form_values.extend(typed(FIELD_TOPICS, &form.topics));
                form_values.extend(typed(FIELD_PHASES, &form.phases));
                form_values.push((FIELD_FREQUENCY.to_string(), form.frequency.clone()));
                let (text, field_errors) = match refused {
                    Refused::Fields(errors) => (
                        "Die Auswahl wurde nicht gespeichert. Bitte prüfen Sie die markierten Angaben."
                            .to_string(),
                        errors
                            .iter()
                            .map(|(field, reason)| (field.to_string(), reason.clone()))
                            .collect(),
                    ),
                    Refused::Error(error) => (error.to_string(), Vec::new()),
                };
                Note {
                    form: form_values,
                    field_errors,
                    ..Note::error(text)
                }
            }
        };
        _ = set_note(note).await;
        crate::shared::local_path::redirect_to(PAGE_PATH);
    }
    result.map_err(Refused::into_error)
}

/// Ends the member's subscription (from the page; the mails carry their own link).
#[server(name = EndSubscription, prefix = "/api", endpoint = "nachrichten/beenden")]
pub async fn end_subscription() -> Result<bool, AppError> {
    use crate::accounts::auth::{FormReply, reply};
    let result = crate::subscriptions::service::end_own_subscription().await;
    reply(
        result,
        FormReply {
            success_to: PAGE_PATH,
            success_note: Some("Ihre Nachrichten per E-Mail sind beendet.".into()),
            failure_to: PAGE_PATH,
        },
    )
    .await
}

/// The members' page of their subscription.
pub const PAGE_PATH: &str = "/netzwerk/nachrichten";
