//! The editors' reads (an offer to edit, its history, the overview's list) behind the role
//! check, and their operations on an existing offer: a field saved through its validator, moved,
//! marked checked, archived or published, a change reverted. Each is one call of the editing
//! store, which claims the version the editor saw, writes one history entry and commits in one
//! transaction; a save from an old version is a conflict, never applied. The server functions
//! and the map panel's fragments all change offers through here.

use chrono::NaiveDate;

use crate::accounts::auth::require;
use crate::accounts::model::Role;
use crate::editing::model::{
    ChangeRecord, EditOutcome, EditableField, EditableOffer, LocationProblem, OfferLocation,
    OfferToCheck, check_address, parse_coordinate,
};
use crate::editing::overview::{DUE_AFTER_MONTHS, DUE_PAGE_SIZE, DueQuery};
use crate::editing::store::{DueCount, DueSelection, EditStorage};
use crate::platform::database::StorageResult;
use crate::platform::state::{AppState, app_state};
use crate::shared::error::AppError;

/// The editors' store of the running application.
pub fn store() -> Result<std::sync::Arc<dyn EditStorage>, AppError> {
    app_state()?.part()
}

/// The offer with its version and the canonical text of every editable field, for editors.
pub async fn editable_offer(id: i64) -> Result<EditableOffer, AppError> {
    require(Role::Editor).await?;
    editable_offer_in(store()?.as_ref(), id).await
}

/// The stored offers that offer `id` may duplicate (`offers::twins`), for editors: shown on an
/// offer not yet public, before they publish it.
pub async fn likely_twins(id: i64) -> Result<Vec<crate::offers::twins::LikelyTwin>, AppError> {
    require(Role::Editor).await?;
    let known = crate::offers::service::known_offers().await?;
    let decided = store()?.not_twins_of(id).await?;
    let mut twins = crate::offers::twins::twins_of_stored(id, &known);
    twins.retain(|twin| !decided.contains(&twin.id));
    Ok(twins)
}

/// Records the signed-in editor's decision that offer `id` is no duplicate of `twin`: the
/// pair is no longer flagged.
pub async fn not_a_twin(id: i64, twin: i64, now: i64) -> Result<(), AppError> {
    let editor = require(Role::Editor).await?;
    if id == twin {
        return Err(AppError::Invalid(
            "Ein Angebot ist kein Duplikat von sich selbst.".into(),
        ));
    }
    if !store()?.mark_not_twins(id, twin, editor.id, now).await? {
        // Known already, or one of the two is gone: only the latter is worth saying.
        store()?
            .editable_offer(twin)
            .await?
            .ok_or_else(AppError::no_such_offer)?;
    }
    tracing::info!(editor = editor.id, offer = id, twin, "not a twin");
    Ok(())
}

/// [`editable_offer`] for handlers, which have checked the editor role through their session
/// and have the storage at hand.
pub async fn editable_offer_in(
    storage: &dyn EditStorage,
    id: i64,
) -> Result<EditableOffer, AppError> {
    storage
        .editable_offer(id)
        .await?
        .ok_or_else(AppError::no_such_offer)
}

/// The offer's changes, newest first, for editors.
pub async fn offer_history(id: i64) -> Result<Vec<ChangeRecord>, AppError> {
    require(Role::Editor).await?;
    Ok(store()?.offer_history(id).await?)
}

/// Every offer, active and archived, with its last check, for editors.
pub async fn offers_to_check() -> Result<Vec<OfferToCheck>, AppError> {
    require(Role::Editor).await?;
    Ok(store()?.offers_to_check().await?)
}

/// One page of the editors' due offers as a [`DueQuery`] asks: the offers, how many match
/// the whole query, and how many each town has (with the query's topic, any town).
#[derive(Clone, Debug)]
pub struct DuePage {
    pub offers: Vec<OfferToCheck>,
    pub total: u64,
    pub counts: Vec<DueCount>,
}

/// The date before which an offer's last check makes it due.
pub fn due_before(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(chrono::Months::new(DUE_AFTER_MONTHS))
        .unwrap_or(today)
}

/// The due offers of `query` (paged and filtered by the storage), for editors.
pub async fn due_offers(query: &DueQuery, today: NaiveDate) -> Result<DuePage, AppError> {
    require(Role::Editor).await?;
    let storage = store()?;
    let before = due_before(today);
    let topic = query.topic.map(|topic| topic.code());
    let counts = storage.due_counts(before, topic).await?;
    // The total comes from the counts per town: one query fewer, and the two always agree.
    let total = counts
        .iter()
        .filter(|count| query.town.as_ref().is_none_or(|town| *town == count.ags))
        .map(|count| u64::try_from(count.due).unwrap_or(0))
        .sum();
    let offers = storage
        .due_offers(&DueSelection {
            before,
            town: query.town.as_deref(),
            topic,
            limit: DUE_PAGE_SIZE,
            offset: query.offset(),
        })
        .await?;
    Ok(DuePage {
        offers,
        total,
        counts,
    })
}

/// The archived offers, by name, for editors.
pub async fn archived_offers() -> Result<Vec<OfferToCheck>, AppError> {
    require(Role::Editor).await?;
    Ok(store()?.archived_offers().await?)
}

/// How far ahead the editors' overview looks for visibility windows that end.
pub const WINDOW_ENDS_WITHIN_DAYS: u64 = 30;

/// The active offers whose visibility window ends within [`WINDOW_ENDS_WITHIN_DAYS`] of
/// `today`, the soonest first, for editors.
pub async fn windows_ending_soon(
    today: NaiveDate,
) -> Result<Vec<crate::editing::model::EndingWindow>, AppError> {
    require(Role::Editor).await?;
    let until = today
        .checked_add_days(chrono::Days::new(WINDOW_ENDS_WITHIN_DAYS))
        .unwrap_or(today);
    Ok(store()?.windows_ending(today, until).await?)
}

/// The editable field a form names, or the German reason there is none.
pub fn field_named(code: &str) -> Result<EditableField, AppError> {
    EditableField::parse(code)
        .ok_or_else(|| AppError::Invalid(format!("Das Feld „{code}“ gibt es nicht.")))
}

/// Saves an editor's input into one field, if it is valid, against `version`: the outcome, or
/// (inner `Err`) the German reason the input is not a value of the field. Shared by the server
/// function and the map panel's fragment.
pub async fn save_field(
    storage: &dyn EditStorage,
    editor_id: i64,
    id: i64,
    version: i64,
    field: EditableField,
    input: &str,
    now: i64,
) -> StorageResult<Result<EditOutcome, String>> {
    let value = match field.canonical_value(input) {
        Ok(value) => value,
        Err(message) => return Ok(Err(message)),
    };
    let outcome = storage
        .apply_edit(id, version, field, &value, editor_id, now)
        .await?;
    tracing::info!(
        editor = editor_id,
        offer = id,
        field = field.code(),
        ?outcome,
        "offer field saved"
    );
    Ok(Ok(outcome))
}

/// Marks the offer as checked `today`.
pub async fn mark_checked(
    storage: &dyn EditStorage,
    editor_id: i64,
    id: i64,
    version: i64,
    today: NaiveDate,
    now: i64,
) -> Result<EditOutcome, AppError> {
    let outcome = storage
        .mark_checked(id, version, today, Some(editor_id), now)
        .await?;
    tracing::info!(
        editor = editor_id,
        offer = id,
        ?outcome,
        "offer marked checked"
    );
    Ok(outcome)
}

/// Sets the offer's "zuletzt geprüft" to `today` for the institution that runs it (through its
/// confirmation link; the caller has checked the link and that the offer is the link's). A
/// confirmation changes no field, so it needs no version the institution saw: it is made on
/// the offer as it is now, tried again if an editor saves at the same moment.
pub async fn confirm_by_institution(
    storage: &dyn EditStorage,
    id: i64,
    today: NaiveDate,
    now: i64,
) -> Result<EditOutcome, AppError> {
    for _ in 0..3 {
        let current = editable_offer_in(storage, id).await?;
        let outcome = storage
            .mark_checked(id, current.version, today, None, now)
            .await?;
        if !matches!(outcome, EditOutcome::Conflict { .. }) {
            tracing::info!(offer = id, ?outcome, "offer confirmed by its institution");
            return Ok(outcome);
        }
    }
    Err(AppError::Conflict(
        "Das Angebot wird gerade bearbeitet. Bitte versuchen Sie es gleich noch einmal.".into(),
    ))
}

/// Archives the offer (hidden from the public, kept with its history) or publishes it again.
pub async fn set_archived(
    storage: &dyn EditStorage,
    editor_id: i64,
    id: i64,
    version: i64,
    archived: bool,
    now: i64,
) -> Result<EditOutcome, AppError> {
    let outcome = storage
        .set_archived(id, version, archived, editor_id, now)
        .await?;
    tracing::info!(
        editor = editor_id,
        offer = id,
        archived,
        ?outcome,
        "offer (un)archived"
    );
    Ok(outcome)
}

/// Undoes one change as a new change, if its field still holds what that change wrote; with
/// the offer it belongs to.
pub async fn revert(
    storage: &dyn EditStorage,
    editor_id: i64,
    change_id: i64,
    now: i64,
) -> Result<(i64, EditOutcome), AppError> {
    let offer_id = storage
        .offer_of_change(change_id)
        .await?
        .ok_or_else(|| AppError::NotFound("Diese Änderung gibt es nicht.".into()))?;
    let outcome = storage.revert_change(change_id, editor_id, now).await?;
    tracing::info!(
        editor = editor_id,
        offer = offer_id,
        change = change_id,
        ?outcome,
        "change reverted"
    );
    Ok((offer_id, outcome))
}

/// A new place for an offer as an editor typed it.
pub struct PlaceInput<'a> {
    pub street: &'a str,
    pub postcode: &'a str,
    pub town: &'a str,
    pub lat: &'a str,
    pub lon: &'a str,
}

/// Moves the offer: a new address and position; the position must lie in the region, and the
/// municipality follows from the municipality boundaries. A place that cannot be saved is the
/// inner `Err`, naming the inputs at fault (the location form marks them).
pub async fn move_offer(
    state: &AppState,
    editor_id: i64,
    id: i64,
    version: i64,
    place: PlaceInput<'_>,
    now: i64,
) -> Result<Result<EditOutcome, LocationProblem>, AppError> {
    let location = match checked_place(state, &place) {
        Ok(location) => location,
        Err(problem) => return Ok(Err(problem)),
    };
    let outcome = state
        .part::<dyn EditStorage>()?
        .set_location(id, version, &location, editor_id, now)
        .await?;
    tracing::info!(editor = editor_id, offer = id, ?outcome, "offer moved");
    Ok(Ok(outcome))
}

/// The place as a location in the region, or what is wrong with it.
fn checked_place(
    state: &AppState,
    place: &PlaceInput<'_>,
) -> Result<OfferLocation, LocationProblem> {
    check_address(place.street, place.postcode, place.town).map_err(LocationProblem::of_address)?;
    let lat = parse_coordinate(place.lat, "Breite").map_err(|reason| LocationProblem {
        fields: &["lat"],
        reason,
    })?;
    let lon = parse_coordinate(place.lon, "Länge").map_err(|reason| LocationProblem {
        fields: &["lon"],
        reason,
    })?;
    let municipality = state
        .municipality_at(lat, lon)
        .ok_or_else(|| LocationProblem {
            fields: &["lat", "lon"],
            reason: format!(
                "Dieser Punkt liegt außerhalb des Gebiets „{}“. Bitte prüfen Sie die Koordinaten.",
                state.region.name
            ),
        })?
        .to_string();
    Ok(OfferLocation {
        street: place.street.trim().to_string(),
        postcode: place.postcode.trim().to_string(),
        town: place.town.trim().to_string(),
        lat,
        lon,
        municipality,
    })
}
