//! Editing offers in storage: one field per save, guarded by the offer's version (a save based
//! on an old version is refused as a conflict, never silently applied), each change recorded
//! with its old and new value, and reverting a change as a new change. Both backends, same SQL.

use async_trait::async_trait;
use chrono::NaiveDate;

use crate::editing::model::{
    ChangeRecord, EditOutcome, EditableField, EditableOffer, EndingWindow, OfferLocation,
    OfferToCheck, format_opening_hours,
};
use crate::offers::hours::{OpeningSlot, TimeOfDay, Weekday};
use crate::platform::database::StorageResult;

#[async_trait]
pub trait EditStorage: Send + Sync {
    /// The offer with its version and canonical field values (archived offers too).
    async fn editable_offer(&self, id: i64) -> StorageResult<Option<EditableOffer>>;
    /// Saves `value` (canonical, already validated) into `field` if the offer is still at
    /// `base_version`.
    async fn apply_edit(
        &self,
        id: i64,
        base_version: i64,
        field: EditableField,
        value: &str,
        account_id: i64,
        now: i64,
    ) -> StorageResult<EditOutcome>;
    /// The offer's changes, newest first.
    async fn offer_history(&self, id: i64) -> StorageResult<Vec<ChangeRecord>>;
    /// Undoes one change by saving its old value again, if the field still holds the value that
    /// change wrote; otherwise a conflict.
    async fn revert_change(
        &self,
        change_id: i64,
        account_id: i64,
        now: i64,
    ) -> StorageResult<EditOutcome>;
    /// Moves an offer to `location` (already checked to lie in the region).
    async fn set_location(
        &self,
        id: i64,
        base_version: i64,
        location: &OfferLocation,
        account_id: i64,
        now: i64,
    ) -> StorageResult<EditOutcome>;
    /// Every offer, active and archived, with its last check.
    async fn offers_to_check(&self) -> StorageResult<Vec<OfferToCheck>>;
    /// One page of the due offers `selection` names, oldest check first, then by name and
    /// id: a stable order to page in.
    async fn due_offers(&self, selection: &DueSelection<'_>) -> StorageResult<Vec<OfferToCheck>>;
    /// How many active offers last checked before `before` (with `topic`) each municipality
    /// has: most first, then by name; municipalities without any are left out.
    async fn due_counts(
        &self,
        before: NaiveDate,
        topic: Option<&str>,
    ) -> StorageResult<Vec<DueCount>>;
    /// The archived offers, by name.
    async fn archived_offers(&self) -> StorageResult<Vec<OfferToCheck>>;
    /// The active offers whose visibility window ends between `from` and `to` (both
    /// included), the soonest first.
    async fn windows_ending(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StorageResult<Vec<EndingWindow>>;
    /// Archives (hidden from the public, kept with its history) or restores an offer.
    async fn set_archived(
        &self,
        id: i64,
        base_version: i64,
        archived: bool,
        account_id: i64,
        now: i64,
    ) -> StorageResult<EditOutcome>;
    /// The offers editors decided are not duplicates of offer `id`.
    async fn not_twins_of(&self, id: i64) -> StorageResult<Vec<i64>>;
    /// Records that offers `a` and `b` are not duplicates; `false` if that was known.
    async fn mark_not_twins(
        &self,
        a: i64,
        b: i64,
        account_id: i64,
        now: i64,
    ) -> StorageResult<bool>;
    /// The offer a change belongs to.
    async fn offer_of_change(&self, change_id: i64) -> StorageResult<Option<i64>>;
    /// Sets "zuletzt geprüft" to `today`, recorded in the history: an editor's check (`Some`
    /// account), or the confirmation of the institution that runs the offer (`None`: through
    /// its link, nobody signed in).
    async fn mark_checked(
        &self,
        id: i64,
        base_version: i64,
        today: NaiveDate,
        account_id: Option<i64>,
        now: i64,
    ) -> StorageResult<EditOutcome>;
}

/// The column of a field stored directly in `offers`; `None` for fields kept in tables of
/// their own.
fn column_of(field: EditableField) -> Option<&'static str> {
    Some(match field {
        EditableField::Name => "name",
        EditableField::Description => "description",
        EditableField::Cost => "cost",
        EditableField::CostNote => "cost_note",
        EditableField::AccessibilityNote => "accessibility_note",
        EditableField::Phone => "phone",
        EditableField::Email => "email",
        EditableField::Website => "website",
        EditableField::HoursNote => "hours_note",
        EditableField::SummaryEn => "summary_en",
        EditableField::SummaryTr => "summary_tr",
        EditableField::SummaryAr => "summary_ar",
        EditableField::SummaryUk => "summary_uk",
        EditableField::VisibleFrom => "visible_from",
        EditableField::VisibleUntil => "visible_until",
        EditableField::ClosedUntil => "closed_until",
        EditableField::ClosedReason => "closed_reason",
        EditableField::FreePlaces => "free_places",
        EditableField::WaitWeeks => "wait_weeks",
        _ => return None,
    })
}

/// The column that keeps when the group of fields `field` belongs to was last confirmed (the
/// opening hours, the phone and e-mail, the cost): an edit of the field confirms its group.
fn confirmed_column_of(field: EditableField) -> Option<&'static str> {
    Some(match field {
        EditableField::OpeningHours | EditableField::HoursNote => "hours_confirmed",
        EditableField::Phone | EditableField::Email => "contact_confirmed",
        EditableField::Cost | EditableField::CostNote => "cost_confirmed",
        EditableField::FreePlaces | EditableField::WaitWeeks => "availability_confirmed",
        _ => return None,
    })
}

/// The code table of a vocabulary field.
fn code_table_of(field: EditableField) -> Option<(&'static str, &'static str)> {
    Some(match field {
        EditableField::Topics => ("offer_topics", "topic"),
        EditableField::Phases => ("offer_life_phases", "phase"),
        EditableField::Languages => ("offer_languages", "language"),
        EditableField::Delivery => ("offer_delivery", "delivery"),
        _ => return None,
    })
}

#[derive(sqlx::FromRow)]
struct EndingRow {
    id: i64,
    name: String,
    municipality: String,
    visible_until: String,
}

impl From<EndingRow> for EndingWindow {
    fn from(row: EndingRow) -> EndingWindow {
        EndingWindow {
            id: row.id,
            name: row.name,
            municipality: row.municipality,
            visible_until: row.visible_until,
        }
    }
}

#[derive(sqlx::FromRow)]
struct OfferRow {
    id: i64,
    version: i64,
    status: String,
    last_checked: NaiveDate,
    name: String,
    description: String,
    cost: String,
    cost_note: String,
    wheelchair: bool,
    accessibility_note: String,
    phone: String,
    email: String,
    website: String,
    hours_note: String,
    closed_in_school_holidays: bool,
    summary_en: String,
    summary_tr: String,
    summary_ar: String,
    summary_uk: String,
    visible_from: String,
    visible_until: String,
    closed_until: String,
    closed_reason: String,
    free_places: String,
    wait_weeks: String,
    address_protection: String,
    street: String,
    postcode: String,
    town: String,
    lat: f64,
    lon: f64,
    municipality_ags: String,
}

/// One entry of an offer's history. Every entry is written by `record_change_in` (the editing
/// store's SQL): an edit, an import's change, a request's note.
pub(crate) struct ChangeEntry<'a> {
    pub(crate) offer_id: i64,
    /// Who made it: an account, or nobody signed in (an institution through its link).
    pub(crate) account_id: Option<i64>,
    pub(crate) now: i64,
    pub(crate) field: &'a str,
    pub(crate) old_value: &'a str,
    pub(crate) new_value: &'a str,
    /// The offer's version after the change; `None` for a note that changes nothing, filed
    /// under the version the offer has now.
    pub(crate) version: Option<i64>,
    /// The change this one undoes.
    pub(crate) reverts_change_id: Option<i64>,
}

/// A history entry as written: its id and the offer's version it is filed under.
#[derive(sqlx::FromRow)]
pub(crate) struct RecordedChange {
    pub(crate) id: i64,
    pub(crate) version: i64,
}

/// Which due offers: active ones last checked before `before`, in one municipality (AGS) and
/// with one topic (code) or all, `limit` of them after the first `offset`.
#[derive(Clone, Copy, Debug)]
pub struct DueSelection<'a> {
    pub before: NaiveDate,
    pub town: Option<&'a str>,
    pub topic: Option<&'a str>,
    pub limit: u32,
    pub offset: u32,
}

/// A municipality's number of due offers.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct DueCount {
    pub ags: String,
    pub name: String,
    pub due: i64,
}

#[derive(sqlx::FromRow)]
struct ToCheckRow {
    id: i64,
    version: i64,
    name: String,
    municipality: String,
    last_checked: NaiveDate,
    status: String,
}

impl From<ToCheckRow> for OfferToCheck {
    fn from(row: ToCheckRow) -> OfferToCheck {
        OfferToCheck {
            archived: row.status != "active",
            id: row.id,
            version: row.version,
            name: row.name,
            municipality: row.municipality,
            last_checked: row.last_checked,
        }
    }
}

/// The columns of an [`OfferToCheck`], and where they come from.
const TO_CHECK_SQL: &str = "SELECT o.id, o.version, o.name, m.name AS municipality, o.last_checked, \
     o.status FROM offers o JOIN locations l ON l.id = o.location_id \
     JOIN municipalities m ON m.ags = l.municipality_ags";

/// The condition of a due offer: active, last checked before `$1`, and (unless the parameter
/// is empty) in municipality `$2` and with topic `$3`. An empty text stands for "any", so one
/// SQL text serves every filter on both backends.
const DUE_WHERE_SQL: &str = "WHERE o.status = 'active' AND o.last_checked < $1 \
     AND ($2 = '' OR l.municipality_ags = $2) \
     AND ($3 = '' OR EXISTS (SELECT 1 FROM offer_topics t WHERE t.offer_id = o.id AND t.topic = $3))";

#[derive(sqlx::FromRow)]
struct HoursRow {
    weekday: i32,
    opens_minute: i32,
    closes_minute: i32,
}

#[derive(sqlx::FromRow)]
struct ChangeRow {
    id: i64,
    offer_id: i64,
    account_name: Option<String>,
    changed_at: i64,
    field: String,
    old_value: String,
    new_value: String,
    version: i64,
    reverts_change_id: Option<i64>,
}

fn hours_text(rows: Vec<HoursRow>) -> String {
    let slots: Vec<OpeningSlot> = rows
        .into_iter()
        .filter_map(|h| {
            let weekday = Weekday::from_number(u8::try_from(h.weekday).ok()?)?;
            let opens = TimeOfDay::from_minutes(u16::try_from(h.opens_minute).ok()?)?;
            let closes = TimeOfDay::from_minutes(u16::try_from(h.closes_minute).ok()?)?;
            OpeningSlot::new(weekday, opens, closes).ok()
        })
        .collect();
    format_opening_hours(&slots)
}

const OFFER_SQL: &str = "SELECT o.id, o.version, o.status, o.last_checked, o.name, o.description, o.cost, \
     o.cost_note, o.wheelchair, o.accessibility_note, o.phone, o.email, o.website, o.hours_note, \
     o.closed_in_school_holidays, o.summary_en, o.summary_tr, o.summary_ar, o.summary_uk, \
     o.visible_from, o.visible_until, o.closed_until, o.closed_reason, o.free_places, o.wait_weeks, \
     l.address_protection, l.street, l.postcode, l.town, l.lat, l.lon, l.municipality_ags \
     FROM offers o JOIN locations l ON l.id = o.location_id WHERE o.id = $1";

// The implementation for both backends: `store/sql.rs`, compiled once for each.
mod postgres;
mod sqlite;
