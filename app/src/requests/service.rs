//! The operations on requests from outside: taking them from the public forms (spam defences,
//! and why a post is refused, said in the visitor's language or in German), and the editors'
//! operations that create offers: approving a listing request and starting a new offer from the
//! overview. Both take the offer's values through the same validators as the editors' fields,
//! so nothing reaches an offer that an editor could not have typed.

use chrono::NaiveDate;

use crate::editing::model::EditableField;
use crate::offers::records::{MemberOnly, NewLocation, NewOffer, OfferStatus};
use crate::offers::taxonomy::{AddressProtection, Cost, Delivery, Language, LifePhase, Topic};
use crate::requests::model::{
    ARCHIVED, FieldErrors, Message, Problem, RequestKind, RequestRecord, RequestStatus,
    ValidListing,
};
use crate::requests::store::{Proposal, RequestStorage};
use crate::shared::error::AppError;
use crate::shared::i18n::Locale;

/// The requests' store of the running application.
pub fn store() -> Result<std::sync::Arc<dyn RequestStorage>, AppError> {
    crate::platform::state::app_state()?.part()
}

/// `message` in `locale`, in German where that catalogue lacks it.
pub fn say(message: &Message, locale: Locale) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    for (name, value) in &message.args {
        args.set(*name, *value);
    }
    crate::platform::catalogues::message(locale, message.id, Some(&args))
}

impl Problem {
    /// The problem in `locale`; a German text stays German.
    pub fn text(&self, locale: Locale) -> String {
        match self {
            Problem::Message(message) => say(message, locale),
            Problem::German(text) => text.clone(),
        }
    }
}

/// Why a public form post is not taken. A form post's note says it in the visitor's language
/// ([`Refusal::text`]); code gets the German reason ([`Refusal::into_error`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// The post as a whole: the spam defences, too many posts from one address.
    Post(Message),
    /// What is wrong, per field.
    Fields(FieldErrors),
    /// Anything else (no such offer, the database), with its German reason.
    Error(AppError),
}

impl From<AppError> for Refusal {
    fn from(error: AppError) -> Refusal {
        Refusal::Error(error)
    }
}

impl Refusal {
    /// What the visitor is told, in `locale` (an [`Refusal::Error`] in German): the post's
    /// problem, or every field's, one after the other.
    pub fn text(&self, locale: Locale) -> String {
        match self {
            Refusal::Post(message) => say(message, locale),
            Refusal::Fields(errors) => errors
                .iter()
                .map(|(_, problem)| problem.text(locale))
                .collect::<Vec<_>>()
                .join(" "),
            Refusal::Error(error) => error.to_string(),
        }
    }

    /// Each field's problem in `locale`, for the form shown again.
    pub fn field_errors(&self, locale: Locale) -> Vec<(String, String)> {
        match self {
            Refusal::Fields(errors) => errors
                .iter()
                .map(|(field, problem)| (field.to_string(), problem.text(locale)))
                .collect(),
            Refusal::Post(_) | Refusal::Error(_) => Vec::new(),
        }
    }

    /// The answer to code: a 400 with the German reasons, or the error as it is.
    pub fn into_error(self) -> AppError {
        match self {
            Refusal::Error(error) => error,
            refusal => AppError::Invalid(refusal.text(Locale::German)),
        }
    }
}

/// Refuses automated posts (honeypot, signed minimum fill time) and more than a few posts
/// an hour from one address; counts this post.
pub async fn not_spam(honeypot: &str, stamp: &str) -> Result<(), Refusal> {
    use crate::accounts::auth::{client_address, now};
    use crate::shared::throttle::ThrottlePolicy;
    let state = crate::platform::state::app_state()?;
    let started = crate::requests::form_stamp::verify(&state.form_secret, stamp).unwrap_or(0);
    if let Some(reason) = crate::requests::model::spam_reason(honeypot, started, now()) {
        return Err(Refusal::Post(reason));
    }
    // Every post counts, whether or not it is taken.
    let key = format!("formular:{}", client_address());
    match crate::accounts::service::Attempt::start(key, ThrottlePolicy::PUBLIC_FORMS).await {
        Ok(_counted) => Ok(()),
        Err(AppError::Throttled(wait)) => {
            Err(Refusal::Post(crate::requests::model::too_many_posts(wait)))
        }
        Err(other) => Err(Refusal::Error(other)),
    }
}

/// Decides an open request for the signed-in editor: `uebernommen` (a listing becomes a not
/// yet public offer in the municipality `ort`), `eingearbeitet` or `verworfen` (corrections),
/// `abgelehnt` (needs a reason). The new offer's id, if one was created, and the note.
pub async fn decide(
    id: i64,
    decision: &str,
    reason: &str,
    ort: Option<String>,
    now: i64,
) -> Result<(Option<i64>, String), AppError> {
    let editor = crate::accounts::auth::require(crate::accounts::model::Role::Editor).await?;
    let status = RequestStatus::parse(decision)
        .filter(|status| *status != RequestStatus::Open)
        .ok_or_else(|| AppError::Invalid("Diese Entscheidung gibt es nicht.".into()))?;
    let state = crate::platform::state::app_state()?;
    if status == RequestStatus::Approved {
        let ags = ort.unwrap_or_default();
        let (_, lat, lon) = state
            .town_centres
            .iter()
            .find(|(key, _, _)| *key == ags)
            .cloned()
            .ok_or_else(|| AppError::Invalid("Bitte wählen Sie den Ort des Angebots.".into()))?;
        let place = Placement {
            municipality_ags: ags,
            lat,
            lon,
        };
        let today = chrono::Local::now().date_naive();
        let offer_id = approve_listing(store()?.as_ref(), id, &place, today, editor.id, now)
            .await?
            .ok_or_else(|| AppError::Conflict("Diese Anfrage ist schon entschieden.".into()))?;
        return Ok((
            Some(offer_id),
            "Übernommen: Das Angebot ist angelegt, aber noch nicht öffentlich. Bitte vervollständigen und dann wiederherstellen (veröffentlichen).".to_string(),
        ));
    }
    if status == RequestStatus::Applied {
        let request = store()?
            .request(id)
            .await?
            .ok_or_else(|| AppError::NotFound("Diese Anfrage gibt es nicht.".into()))?;
        if request.status == RequestStatus::Open && !request.proposed.is_empty() {
            apply_proposal(&request, editor.id, now).await?;
        }
    }
    if status == RequestStatus::Rejected && reason.is_empty() {
        return Err(AppError::Invalid(
            "Bitte geben Sie einen Grund für die Ablehnung an.".into(),
        ));
    }
    if !store()?
        .decide_request(id, status, reason, editor.id, now)
        .await?
    {
        return Err(AppError::Conflict(
            "Diese Anfrage ist schon entschieden.".into(),
        ));
    }
    Ok((None, "Entscheidung gespeichert.".to_string()))
}

/// Works an institution's proposed changes into the offer, each through the editors' field
/// validator and with its own history entry. Every field must still hold the value the
/// institution saw (or already the new one): otherwise nothing is applied and the editor is
/// told which field changed since.
async fn apply_proposal(request: &RequestRecord, editor_id: i64, now: i64) -> Result<(), AppError> {
    use crate::editing::model::EditOutcome;
    let offer_id = request.offer_id.ok_or_else(|| {
        AppError::Conflict("Das Angebot dieser Anfrage gibt es nicht mehr.".into())
    })?;
    let edits = crate::editing::service::store()?;
    let mut current = crate::editing::service::editable_offer_in(edits.as_ref(), offer_id).await?;
    for change in &request.proposed {
        let now_value = match EditableField::parse(&change.field) {
            Some(field) => current.value(field).to_string(),
            None if change.is_archive() => {
                if current.archived {
                    ARCHIVED.to_string()
                } else {
                    String::new()
                }
            }
            None => {
                return Err(AppError::Invalid(format!(
                    "Das Feld „{}“ kann nicht übernommen werden.",
                    change.field
                )));
            }
        };
        if now_value != change.old && now_value != change.new {
            return Err(AppError::Conflict(format!(
                "„{}“ wurde seit der Anfrage geändert (jetzt: „{}“). Bitte tragen Sie die Änderung von Hand ein und verwerfen Sie dann die Anfrage.",
                change.label(),
                change.shown(&now_value)
            )));
        }
    }
    for change in &request.proposed {
        let outcome = match EditableField::parse(&change.field) {
            Some(field) => crate::editing::service::save_field(
                edits.as_ref(),
                editor_id,
                offer_id,
                current.version,
                field,
                &change.new,
                now,
            )
            .await?
            .map_err(AppError::Invalid)?,
            None => {
                crate::editing::service::set_archived(
                    edits.as_ref(),
                    editor_id,
                    offer_id,
                    current.version,
                    true,
                    now,
                )
                .await?
            }
        };
        match outcome {
            EditOutcome::Saved { .. } | EditOutcome::Unchanged { .. } => {}
            EditOutcome::Conflict { .. } => {
                return Err(AppError::Conflict(
                    "Das Angebot wurde gerade von jemand anderem geändert. Bitte laden Sie die Seite neu.".into(),
                ));
            }
            EditOutcome::NotFound => return Err(AppError::no_such_offer()),
        }
        current = crate::editing::service::editable_offer_in(edits.as_ref(), offer_id).await?;
    }
    Ok(())
}

/// Stores an institution's correction from its confirmation link (the caller has checked the
/// link and that the offer is its organisation's); the request.
pub async fn submit_proposal(proposal: &Proposal<'_>) -> Result<RequestRecord, AppError> {
    let request = store()?
        .create_proposal(proposal)
        .await?
        .ok_or_else(|| AppError::NotFound("Dieses Angebot gibt es nicht (mehr).".into()))?;
    tracing::info!(
        request = request.id,
        offer = proposal.offer_id,
        "institution asked for a change"
    );
    Ok(request)
}

/// Stores a listing request from the public form; its reference number.
pub async fn submit_listing(listing: &ValidListing, now: i64) -> Result<String, AppError> {
    let storage = store()?;
    let request = storage.create_listing_request(listing, now).await?;
    tracing::info!(request = request.id, "listing request received");
    Ok(request.reference)
}

/// Stores a correction of an active offer from its page; its reference number.
pub async fn report_correction(
    offer_id: i64,
    correction: &crate::requests::model::ValidCorrection,
    now: i64,
) -> Result<String, AppError> {
    let storage = store()?;
    let request = storage
        .create_correction(offer_id, correction, now)
        .await?
        .ok_or_else(|| AppError::NotFound("Dieses Angebot gibt es nicht (mehr).".into()))?;
    Ok(request.reference)
}

/// The open "Fehler melden" corrections made since `since` and not yet forwarded to their
/// institution (for the server's own forwarding round: no role).
pub async fn corrections_to_forward_in(
    storage: &dyn RequestStorage,
    since: i64,
) -> Result<Vec<RequestRecord>, AppError> {
    Ok(storage.corrections_to_forward(since).await?)
}

/// Notes a correction as forwarded to `to` ("" for nobody); whether this call did.
pub async fn mark_forwarded_in(
    storage: &dyn RequestStorage,
    id: i64,
    to: &str,
    now: i64,
) -> Result<bool, AppError> {
    Ok(storage.mark_forwarded(id, to, now).await?)
}

/// The queue of requests from outside, for editors; each open listing with the stored offers
/// it may duplicate.
pub async fn queue() -> Result<Vec<RequestRecord>, AppError> {
    crate::accounts::auth::require(crate::accounts::model::Role::Editor).await?;
    let mut requests = store()?.requests().await?;
    let open_listing = |request: &RequestRecord| {
        request.kind == RequestKind::Listing && request.status == RequestStatus::Open
    };
    if requests.iter().any(open_listing) {
        let known = crate::offers::service::known_offers().await?;
        let twins = crate::offers::twins::TwinIndex::new(&known);
        for request in requests.iter_mut().filter(|request| open_listing(request)) {
            request.likely_twins = twins.twins(&request.identity(), None);
        }
    }
    Ok(requests)
}

/// How many requests wait for an editor's decision (the count in the editors' menu), for
/// editors only: anyone else gets the role's error and sees no count.
pub async fn open_request_count() -> Result<i64, AppError> {
    crate::accounts::auth::require(crate::accounts::model::Role::Editor).await?;
    Ok(store()?.open_request_count().await?)
}

/// Where an approved listing is placed first: the municipality the editor chose and its town
/// centre (the editor sets the exact location afterwards).
#[derive(Clone, Debug)]
pub struct Placement {
    pub municipality_ags: String,
    pub lat: f64,
    pub lon: f64,
}

/// The offer with every value an editor's field holds in that field's canonical form, or the
/// German reason (with the field's name) one of them would be refused in the editor.
pub fn checked_like_an_editor(mut offer: NewOffer) -> Result<NewOffer, AppError> {
    let check = |field: EditableField, value: &str| {
        field.canonical_value(value).map_err(|reason| {
            AppError::Invalid(format!(
                "Die Anfrage kann so nicht übernommen werden – {}: {reason}",
                field.label()
            ))
        })
    };
    offer.name = check(EditableField::Name, &offer.name)?;
    offer.description = check(EditableField::Description, &offer.description)?;
    offer.phone = check(EditableField::Phone, &offer.phone)?;
    offer.email = check(EditableField::Email, &offer.email)?;
    offer.website = check(EditableField::Website, &offer.website)?;
    for contact in &mut offer.member_only.contacts {
        contact.phone = check(EditableField::Phone, &contact.phone)?;
        contact.email = check(EditableField::Email, &contact.email)?;
    }
    Ok(offer)
}

/// The offer an approved listing becomes: not public until an editor has completed and
/// published it; vocabularies left at broad defaults for the editor to narrow.
pub fn offer_from_listing(
    listing: &ValidListing,
    organization_id: i64,
    place: &Placement,
    today: NaiveDate,
) -> NewOffer {
    let input = &listing.0;
    NewOffer {
        external_id: None,
        organization_id,
        location: NewLocation {
            street: input.street.clone(),
            postcode: input.postcode.clone(),
            town: input.town.clone(),
            municipality_ags: place.municipality_ags.clone(),
            lat: place.lat,
            lon: place.lon,
            protection: AddressProtection::Public,
        },
        name: input.offer_name.clone(),
        description: input.description.clone(),
        topics: [Topic::Counselling].into_iter().collect(),
        phases: [LifePhase::Parents].into_iter().collect(),
        languages: [Language::German].into_iter().collect(),
        delivery: [Delivery::OnSite].into_iter().collect(),
        cost: Cost::Free,
        cost_note: String::new(),
        wheelchair: false,
        accessibility_note: String::new(),
        phone: input.contact_phone.clone(),
        email: String::new(),
        website: String::new(),
        opening_hours: Vec::new(),
        hours_note: String::new(),
        closed_in_school_holidays: false,
        last_checked: today,
        status: OfferStatus::Archived,
        is_demo: false,
        member_only: MemberOnly {
            contacts: (!input.contact_name.is_empty())
                .then(|| crate::offers::records::ContactPerson {
                    name: input.contact_name.clone(),
                    role: String::new(),
                    phone: input.contact_phone.clone(),
                    email: input.contact_email.clone(),
                })
                .into_iter()
                .collect(),
            internal_note: String::new(),
        },
        summaries: Default::default(),
    }
}

/// A new organisation of that name, as a listing names it.
fn new_organization(name: &str) -> crate::offers::records::NewOrganization {
    crate::offers::records::NewOrganization {
        external_id: None,
        name: name.to_string(),
        description: String::new(),
        website: String::new(),
        is_demo: false,
        working_group: String::new(),
    }
}

/// Approves a listing request: creates the organisation (or finds it by name) and the offer,
/// not yet public, and marks the request approved. Returns the new offer's id, or `None` if
/// the request is not an open listing; refuses (400) a request whose values the editors'
/// fields would not take, naming the field and the reason.
pub async fn approve_listing(
    storage: &dyn RequestStorage,
    request_id: i64,
    place: &Placement,
    today: NaiveDate,
    account_id: i64,
    now: i64,
) -> Result<Option<i64>, AppError> {
    let Some(request) = storage.request(request_id).await? else {
        return Ok(None);
    };
    if request.kind != RequestKind::Listing || request.status != RequestStatus::Open {
        return Ok(None);
    }
    let (street, postcode, town) = request.address_parts();
    let listing = ValidListing(crate::requests::model::ListingInput {
        organization: request.organization.clone(),
        offer_name: request.offer_name.clone(),
        description: request.description.clone(),
        street: street.to_string(),
        postcode: postcode.to_string(),
        town: town.to_string(),
        contact_name: request.contact_name.clone(),
        contact_email: request.contact_email.clone(),
        contact_phone: request.contact_phone.clone(),
        consent: true,
    });
    let offer = checked_like_an_editor(offer_from_listing(&listing, 0, place, today))?;
    let approval = crate::requests::store::ListingApproval {
        request_id,
        organization: &new_organization(&request.organization),
        offer: &offer,
        account_id,
        now,
    };
    Ok(storage.approve_listing_request(&approval).await?)
}

/// Creates a new, not yet public offer that an editor starts from the overview, with its
/// organisation found by name or created; the creation is the first entry of its history.
pub async fn create_offer_draft(
    storage: &dyn RequestStorage,
    listing: &ValidListing,
    place: &Placement,
    today: NaiveDate,
    account_id: i64,
    now: i64,
) -> Result<i64, AppError> {
    let offer = checked_like_an_editor(offer_from_listing(listing, 0, place, today))?;
    let creation = crate::requests::store::OfferCreation {
        organization: &new_organization(&listing.0.organization),
        offer: &offer,
        note: "neu angelegt (noch nicht öffentlich)",
        account_id,
        now,
    };
    Ok(storage.create_offer(&creation).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requests::model::{parse_correction, spam_reason, too_many_posts};

    /// Every message the public forms can produce, with the arguments they give it.
    fn every_message() -> Vec<Message> {
        let mut messages: Vec<Message> = [
            ("", ""),
            ("kurz", "kaputt"),
            (&"x".repeat(2001), ""),
            ("Die Nummer ist \u{7}falsch.", ""),
            (
                "Die Nummer ist falsch.",
                &format!("{}@example.org", "a".repeat(65)),
            ),
            (
                "Die Nummer ist falsch.",
                &format!("eva@{}.org", "a".repeat(250)),
            ),
        ]
        .iter()
        .flat_map(|(message, email)| parse_correction(message, email).unwrap_err())
        .map(|(_, problem)| match problem {
            Problem::Message(message) => message,
            Problem::German(text) => panic!("a correction's problem is German only: {text}"),
        })
        .collect();
        messages.extend(
            [
                ("x", 100, 110),
                ("", 100, 101),
                ("", 100, 100 + 2 * 24 * 60 * 60),
            ]
            .into_iter()
            .filter_map(|(honeypot, started, now)| spam_reason(honeypot, started, now)),
        );
        messages.extend([1, 30, 61, 900].map(too_many_posts));
        messages
    }

    #[test]
    fn every_refusal_has_a_german_text_and_a_translation_in_every_language() {
        let messages = every_message();
        assert_eq!(messages.len(), 14, "{messages:?}");
        for message in &messages {
            let german = say(message, Locale::German);
            // An id the German catalogue lacks comes back as the id itself.
            assert_ne!(german, message.id, "no German text for {}", message.id);
            assert!(!german.contains('{'), "{german}");
            for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::German) {
                let text = say(message, locale);
                assert_ne!(text, german, "{} is German in {:?}", message.id, locale);
                // Arabic says one and two in words.
                for (_, value) in message.args.iter().filter(|(_, value)| *value > 2) {
                    assert!(text.contains(&value.to_string()), "{locale:?}: {text}");
                }
            }
        }
    }

    #[test]
    fn the_german_texts_are_those_code_has_always_been_answered_with() {
        let texts: Vec<String> = every_message()
            .iter()
            .map(|message| say(message, Locale::German))
            .collect();
        for expected in [
            "Bitte beschreiben Sie, was nicht stimmt.",
            "zu kurz",
            "zu lang (höchstens 2000 Zeichen)",
            "Steuerzeichen",
            "Das ist keine gültige E-Mail-Adresse (Beispiel: name@beispiel.de).",
            "Der Teil vor dem @ ist zu lang (höchstens 64 Zeichen).",
            "Die E-Mail-Adresse ist zu lang.",
            "Menschen nicht ausfüllen",
            "zu schnell",
            "abgelaufen",
            "Von Ihrem Anschluss kamen gerade viele Meldungen. Bitte versuchen Sie es in 1 Sekunde erneut.",
            "Bitte versuchen Sie es in 30 Sekunden erneut.",
            "Bitte versuchen Sie es in 15 Minuten erneut.",
        ] {
            assert!(
                texts.iter().any(|text| text.contains(expected)),
                "{expected:?} not in {texts:#?}"
            );
        }
    }

    #[test]
    fn waiting_times_take_each_languages_plural_forms() {
        let said = |locale, secs| say(&too_many_posts(secs), locale);
        assert!(said(Locale::English, 1).contains("in 1 second."));
        assert!(said(Locale::English, 30).contains("in 30 seconds."));
        assert!(said(Locale::Ukrainian, 1).contains("1 секунду"));
        assert!(said(Locale::Ukrainian, 3 * 60).contains("3 хвилини"));
        assert!(said(Locale::Ukrainian, 5 * 60).contains("5 хвилин"));
        assert!(said(Locale::Arabic, 2).contains("ثانيتين"));
        assert!(said(Locale::Arabic, 5 * 60).contains("5 دقائق"));
        assert!(said(Locale::Arabic, 15 * 60).contains("15 دقيقة"));
    }

    #[test]
    fn a_refusal_is_told_in_the_visitors_language_and_answered_in_german() {
        let refusal = Refusal::Fields(parse_correction("kurz", "kaputt").unwrap_err());
        let fields = refusal.field_errors(Locale::English);
        assert_eq!(
            fields
                .iter()
                .map(|(field, _)| field.as_str())
                .collect::<Vec<_>>(),
            ["message", "contact_email"]
        );
        assert!(
            fields[0].1.starts_with("Your report is too short"),
            "{fields:?}"
        );
        assert_eq!(
            refusal.text(Locale::English),
            format!("{} {}", fields[0].1, fields[1].1)
        );
        let AppError::Invalid(german) = refusal.into_error() else {
            panic!("a refused form is a 400");
        };
        assert!(german.contains("zu kurz") && german.contains("keine gültige E-Mail-Adresse"));
        let post = Refusal::Post(too_many_posts(30));
        assert!(post.field_errors(Locale::Arabic).is_empty());
        assert_eq!(post.into_error().status_code(), 400);
        let missing = Refusal::from(AppError::NotFound(
            "Dieses Angebot gibt es nicht (mehr).".into(),
        ));
        assert_eq!(
            missing.text(Locale::Turkish),
            "Dieses Angebot gibt es nicht (mehr)."
        );
        assert_eq!(missing.into_error().status_code(), 404);
    }
}
