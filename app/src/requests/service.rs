//! The editors' operations on requests from outside that create offers: approving a listing
//! request and starting a new offer from the overview. Both take the offer's values through the
//! same validators as the editors' fields, so nothing reaches an offer that an editor could not
//! have typed.

use chrono::NaiveDate;

use crate::editing::model::EditableField;
use crate::offers::records::{MemberOnly, NewLocation, NewOffer, OfferStatus};
use crate::offers::taxonomy::{Cost, Delivery, Language, LifePhase, Topic};
use crate::requests::model::{RequestKind, RequestRecord, RequestStatus, ValidListing};
use crate::requests::store::RequestStorage;
use crate::shared::error::AppError;

/// The requests' store of the running application.
pub fn store() -> Result<std::sync::Arc<dyn RequestStorage>, AppError> {
    crate::platform::state::app_state()?.part()
}

/// Refuses automated posts (honeypot, signed minimum fill time) and more than a few posts
/// an hour from one address; counts this post.
pub async fn not_spam(honeypot: &str, stamp: &str) -> Result<(), AppError> {
    use crate::accounts::auth::{client_address, now};
    use crate::shared::throttle::ThrottlePolicy;
    let state = crate::platform::state::app_state()?;
    let started = crate::requests::form_stamp::verify(&state.form_secret, stamp).unwrap_or(0);
    if let Some(reason) = crate::requests::model::spam_reason(honeypot, started, now()) {
        return Err(AppError::Invalid(reason.to_string()));
    }
    // Every post counts, whether or not it is taken.
    let key = format!("formular:{}", client_address());
    match crate::accounts::service::Attempt::start(key, ThrottlePolicy::PUBLIC_FORMS).await {
        Ok(_counted) => Ok(()),
        Err(AppError::Throttled(wait)) => Err(AppError::Invalid(format!(
            "Von Ihrem Anschluss kamen gerade viele Meldungen. Bitte versuchen Sie es in {} erneut.",
            crate::shared::throttle::wait_in_words(wait)
        ))),
        Err(other) => Err(other),
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

/// The queue of requests from outside, for editors.
pub async fn queue() -> Result<Vec<RequestRecord>, AppError> {
    crate::accounts::auth::require(crate::accounts::model::Role::Editor).await?;
    Ok(store()?.requests().await?)
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
    let (street, rest) = request
        .address
        .split_once(", ")
        .unwrap_or((&request.address, ""));
    let (postcode, town) = rest.split_once(' ').unwrap_or(("", rest));
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
