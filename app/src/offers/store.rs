//! Offers in storage: the public reads (summaries, detail, the exports' bulk read), the
//! member-only part of one offer, and inserting offers with everything they carry. Implemented
//! for both backends with the same SQL.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::NaiveDate;

use crate::offers::hours::{OpeningSlot, TimeOfDay, Weekday};
use crate::offers::model::{
    LONG_UNCHECKED_MONTHS, OfferDetail, OfferSummary, PublicAddress, round_coordinate, teaser,
};
use crate::offers::records::{MemberOnly, NewOffer, NewOrganization};
use crate::offers::taxonomy::{
    AddressProtection, Cost, Delivery, DeliverySet, Language, LanguageSet, LifePhase, PhaseSet,
    Topic, TopicSet,
};
use crate::offers::twins::{KnownOffer, OfferIdentity};
use crate::platform::database::{StorageError, StorageResult};
use crate::region::model::Municipality;

/// Whether `date` lies more than `months` months before today.
pub fn checked_before_months(date: NaiveDate, months: u32) -> bool {
    let today = chrono::Local::now().date_naive();
    today
        .checked_sub_months(chrono::Months::new(months))
        .is_some_and(|limit| date < limit)
}

/// How many characters of the description the compact summary carries.
pub const TEASER_CHARS: usize = 160;

/// Reading and writing offers themselves: the public reads, the bulk reads of the exports, and
/// inserting new offers (demo data, tests).
#[async_trait]
pub trait OfferStorage: Send + Sync {
    /// Inserts or renames the region's municipalities.
    async fn upsert_municipalities(&self, municipalities: &[Municipality]) -> StorageResult<()>;
    async fn count_offers(&self) -> StorageResult<i64>;
    /// Offers that are not demo data (imported, entered or approved ones).
    async fn count_real_offers(&self) -> StorageResult<i64>;
    /// Stores organisations with their offers in one transaction, and only into a database
    /// without any offer: all of them or none. Answers how many offers were stored.
    async fn insert_into_empty(
        &self,
        organizations: &[(NewOrganization, Vec<NewOffer>)],
    ) -> StorageResult<usize>;
    async fn insert_organization(&self, organization: &NewOrganization) -> StorageResult<i64>;
    /// Stores an offer with its location, vocabularies, hours and member-only data, all or nothing.
    async fn insert_offer(&self, offer: &NewOffer) -> StorageResult<i64>;
    /// Every active offer in its public compact form, ordered by name.
    async fn public_offer_summaries(&self) -> StorageResult<Vec<OfferSummary>>;
    /// The public detail of an active offer.
    async fn public_offer_detail(&self, id: i64) -> StorageResult<Option<OfferDetail>>;
    /// Member-only data of an offer. Callers must have checked the member role.
    async fn member_only(&self, offer_id: i64) -> StorageResult<MemberOnly>;
    /// Every active offer's public detail with the keys exports need, ordered by name.
    async fn public_offer_records(&self) -> StorageResult<Vec<PublicOfferRecord>>;
    /// The organisations that have at least one active offer, ordered by name.
    async fn public_organizations(&self) -> StorageResult<Vec<PublicOrganization>>;
    /// The windows of the active offers that have one.
    async fn offer_windows(&self) -> StorageResult<Vec<OfferWindow>>;
    /// The active offers that say they have free places, with the day they said it (ISO).
    async fn free_places_said(&self) -> StorageResult<Vec<(i64, String)>>;
    /// When offer data last changed through the editors (Unix seconds), if ever.
    async fn last_offer_change(&self) -> StorageResult<Option<i64>>;
    /// Every offer, public or not, by what the twin check compares: name, organisation and
    /// the full address (protected ones too). Editors only.
    async fn offer_identities(&self) -> StorageResult<Vec<KnownOffer>>;
}

/// Every offer's name, organisation and address, drafts and archived ones included.
const IDENTITIES_SQL: &str = "SELECT o.id, o.external_id, o.name, g.name AS organization, \
     l.street, l.postcode, o.status FROM offers o JOIN organizations g ON g.id = o.organization_id \
     JOIN locations l ON l.id = o.location_id ORDER BY o.id";

#[derive(sqlx::FromRow)]
struct IdentityRow {
    id: i64,
    external_id: Option<String>,
    name: String,
    organization: String,
    street: String,
    postcode: String,
    status: String,
}

impl From<IdentityRow> for KnownOffer {
    fn from(row: IdentityRow) -> KnownOffer {
        KnownOffer {
            id: row.id,
            external_id: row.external_id,
            active: row.status == "active",
            identity: OfferIdentity {
                name: row.name,
                organization: row.organization,
                street: row.street,
                postcode: row.postcode,
            },
        }
    }
}

/// An active offer's public detail, with the keys the open-data exports need.
#[derive(Clone, Debug, PartialEq)]
pub struct PublicOfferRecord {
    pub organization_id: i64,
    pub external_id: Option<String>,
    pub municipality_ags: String,
    pub detail: OfferDetail,
}

impl PublicOfferRecord {
    /// The compact form the map filters, built from the detail (as the summaries query does).
    pub fn summary(&self) -> OfferSummary {
        let d = &self.detail;
        OfferSummary {
            id: d.id,
            name: d.name.clone(),
            organization: d.organization.clone(),
            municipality: self.municipality_ags.clone(),
            lat: d.lat,
            lon: d.lon,
            topics: d.topics,
            phases: d.phases,
            languages: d.languages,
            free: d.cost == Cost::Free,
            wheelchair: d.wheelchair,
            // The read model has cleared what is too old.
            free_places: d.free_places == "ja",
            teaser: teaser(&d.description, TEASER_CHARS),
            hours: d.opening_hours.clone(),
            closed_in_school_holidays: d.closed_in_school_holidays,
            phone: d.phone.clone(),
            address_on_request: d.address_on_request,
            off_map: d.off_map,
        }
    }
}

/// An active offer's visibility window (ISO days, "" for open): outside it the public read
/// model leaves the offer out.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OfferWindow {
    pub id: i64,
    pub visible_from: String,
    pub visible_until: String,
}

/// An organisation's public data.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct PublicOrganization {
    pub id: i64,
    pub external_id: Option<String>,
    pub name: String,
    pub description: String,
    pub website: String,
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    name: String,
    organization: String,
    municipality: String,
    lat: f64,
    lon: f64,
    cost: String,
    wheelchair: bool,
    description: String,
    closed_in_school_holidays: bool,
    phone: String,
    address_protection: String,
}

#[derive(sqlx::FromRow)]
struct DetailRow {
    id: i64,
    name: String,
    organization: String,
    description: String,
    cost: String,
    cost_note: String,
    wheelchair: bool,
    accessibility_note: String,
    street: String,
    postcode: String,
    town: String,
    municipality: String,
    lat: f64,
    lon: f64,
    phone: String,
    email: String,
    website: String,
    hours_note: String,
    closed_in_school_holidays: bool,
    last_checked: NaiveDate,
    is_demo: bool,
    summary_en: String,
    summary_tr: String,
    summary_ar: String,
    summary_uk: String,
    address_protection: String,
    closed_until: String,
    closed_reason: String,
    hours_confirmed: String,
    contact_confirmed: String,
    cost_confirmed: String,
    free_places: String,
    wait_weeks: String,
    availability_confirmed: String,
}

#[derive(sqlx::FromRow)]
struct RecordRow {
    organization_id: i64,
    external_id: Option<String>,
    municipality_ags: String,
    #[sqlx(flatten)]
    detail: DetailRow,
}

#[derive(sqlx::FromRow)]
struct OfferHoursRow {
    offer_id: i64,
    #[sqlx(flatten)]
    hours: HoursRow,
}

#[derive(sqlx::FromRow)]
struct CodeRow {
    offer_id: i64,
    code: String,
}

#[derive(sqlx::FromRow)]
struct HoursRow {
    weekday: i32,
    opens_minute: i32,
    closes_minute: i32,
}

#[derive(sqlx::FromRow)]
struct ContactRow {
    name: String,
    role: String,
    phone: String,
    email: String,
}

/// A stored protection level; an unknown one counts as the strictest, so a newer code never
/// shows an address.
fn parse_protection(code: &str) -> AddressProtection {
    AddressProtection::parse(code).unwrap_or(AddressProtection::OffMapForEditors)
}

fn parse_cost(code: &str) -> StorageResult<Cost> {
    Cost::parse(code).ok_or_else(|| StorageError::Corrupt(format!("unknown cost {code:?}")))
}

/// The vocabulary codes of all offers, grouped by offer; unknown codes (from a newer version
/// of the vocabulary) are skipped rather than failing the whole page.
#[derive(Default)]
struct OfferCodes {
    topics: HashMap<i64, TopicSet>,
    phases: HashMap<i64, PhaseSet>,
    languages: HashMap<i64, LanguageSet>,
    delivery: HashMap<i64, DeliverySet>,
}

impl OfferCodes {
    fn add_topics(&mut self, rows: Vec<CodeRow>) {
        for row in rows {
            if let Some(topic) = Topic::parse(&row.code) {
                self.topics.entry(row.offer_id).or_default().insert(topic);
            }
        }
    }
    fn add_phases(&mut self, rows: Vec<CodeRow>) {
        for row in rows {
            if let Some(phase) = LifePhase::parse(&row.code) {
                self.phases.entry(row.offer_id).or_default().insert(phase);
            }
        }
    }
    fn add_languages(&mut self, rows: Vec<CodeRow>) {
        for row in rows {
            if let Some(language) = Language::parse(&row.code) {
                self.languages
                    .entry(row.offer_id)
                    .or_default()
                    .insert(language);
            }
        }
    }
    fn add_delivery(&mut self, rows: Vec<CodeRow>) {
        for row in rows {
            if let Some(delivery) = Delivery::parse(&row.code) {
                self.delivery
                    .entry(row.offer_id)
                    .or_default()
                    .insert(delivery);
            }
        }
    }
}

/// A stored opening slot, `None` if the row is no valid slot.
fn slot_of(row: &HoursRow) -> Option<OpeningSlot> {
    let weekday = Weekday::from_number(u8::try_from(row.weekday).ok()?)?;
    let opens = TimeOfDay::from_minutes(u16::try_from(row.opens_minute).ok()?)?;
    let closes = TimeOfDay::from_minutes(u16::try_from(row.closes_minute).ok()?)?;
    OpeningSlot::new(weekday, opens, closes).ok()
}

fn slots_of(offer_id: i64, rows: &[HoursRow]) -> StorageResult<Vec<OpeningSlot>> {
    rows.iter()
        .map(|row| {
            slot_of(row).ok_or_else(|| {
                StorageError::Corrupt(format!("bad opening hours of offer {offer_id}"))
            })
        })
        .collect()
}

/// The opening-hours rows of many offers, grouped by offer.
fn hours_by_offer(rows: Vec<OfferHoursRow>) -> HashMap<i64, Vec<HoursRow>> {
    let mut hours_of: HashMap<i64, Vec<HoursRow>> = HashMap::new();
    for row in rows {
        hours_of.entry(row.offer_id).or_default().push(row.hours);
    }
    hours_of
}

fn summary_from_row(
    row: SummaryRow,
    codes: &OfferCodes,
    hours: &[HoursRow],
) -> StorageResult<OfferSummary> {
    let protection = parse_protection(&row.address_protection);
    Ok(OfferSummary {
        address_on_request: protection.is_protected(),
        off_map: !protection.on_map(),
        hours: slots_of(row.id, hours)?,
        closed_in_school_holidays: row.closed_in_school_holidays,
        phone: row.phone,
        id: row.id,
        free: parse_cost(&row.cost)? == Cost::Free,
        topics: codes.topics.get(&row.id).copied().unwrap_or_default(),
        phases: codes.phases.get(&row.id).copied().unwrap_or_default(),
        languages: codes.languages.get(&row.id).copied().unwrap_or_default(),
        name: row.name,
        organization: row.organization,
        municipality: row.municipality,
        lat: round_coordinate(row.lat),
        lon: round_coordinate(row.lon),
        wheelchair: row.wheelchair,
        free_places: false,
        teaser: teaser(&row.description, TEASER_CHARS),
    })
}

fn detail_from_row(
    row: DetailRow,
    codes: &OfferCodes,
    hours: Vec<HoursRow>,
) -> StorageResult<OfferDetail> {
    let opening_hours = slots_of(row.id, &hours)?;
    let protection = parse_protection(&row.address_protection);
    Ok(OfferDetail {
        address_on_request: protection.is_protected(),
        off_map: !protection.on_map(),
        id: row.id,
        cost: parse_cost(&row.cost)?,
        topics: codes.topics.get(&row.id).copied().unwrap_or_default(),
        phases: codes.phases.get(&row.id).copied().unwrap_or_default(),
        languages: codes.languages.get(&row.id).copied().unwrap_or_default(),
        delivery: codes.delivery.get(&row.id).copied().unwrap_or_default(),
        name: row.name,
        organization: row.organization,
        description: row.description,
        cost_note: row.cost_note,
        wheelchair: row.wheelchair,
        accessibility_note: row.accessibility_note,
        address: PublicAddress {
            street: row.street,
            postcode: row.postcode,
            town: row.town,
            municipality: row.municipality,
        },
        lat: round_coordinate(row.lat),
        lon: round_coordinate(row.lon),
        phone: row.phone,
        email: row.email,
        website: row.website,
        opening_hours,
        hours_note: row.hours_note,
        closed_until: row.closed_until,
        closed_reason: row.closed_reason,
        hours_confirmed: row.hours_confirmed,
        contact_confirmed: row.contact_confirmed,
        cost_confirmed: row.cost_confirmed,
        free_places: row.free_places,
        wait_weeks: row.wait_weeks,
        availability_confirmed: row.availability_confirmed,
        closed_in_school_holidays: row.closed_in_school_holidays,
        last_checked: row.last_checked,
        is_demo: row.is_demo,
        summaries: [
            ("en", row.summary_en),
            ("tr", row.summary_tr),
            ("ar", row.summary_ar),
            ("uk", row.summary_uk),
        ]
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(code, text)| (code.to_string(), text))
        .collect(),
        long_unchecked: checked_before_months(row.last_checked, LONG_UNCHECKED_MONTHS),
    })
}

/// The place as the public may see it (Schutzadresse): a protected offer's street and postcode
/// stay empty and its coordinates are its municipality's centre, already in the query, so the
/// address never enters a public row. Needs `l` (locations) and `m` (municipalities).
macro_rules! public_place_sql {
    () => {
        "CASE WHEN l.address_protection = 'nein' THEN l.street ELSE '' END AS street, \
         CASE WHEN l.address_protection = 'nein' THEN l.postcode ELSE '' END AS postcode, \
         CASE WHEN l.address_protection = 'nein' THEN l.lat ELSE m.centre_lat END AS lat, \
         CASE WHEN l.address_protection = 'nein' THEN l.lon ELSE m.centre_lon END AS lon, \
         l.address_protection"
    };
}

/// The public detail's columns, from `o` (offers), `g` (organizations), `l` and `m`.
macro_rules! public_detail_columns_sql {
    () => {
        concat!(
            "o.id, o.name, g.name AS organization, o.description, o.cost, o.cost_note, \
             o.wheelchair, o.accessibility_note, l.town, m.name AS municipality, ",
            public_place_sql!(),
            ", o.phone, o.email, o.website, o.hours_note, o.closed_in_school_holidays, \
             o.last_checked, o.is_demo, o.summary_en, o.summary_tr, o.summary_ar, o.summary_uk, \
             o.closed_until, o.closed_reason, o.hours_confirmed, o.contact_confirmed, o.cost_confirmed, \
             o.free_places, o.wait_weeks, o.availability_confirmed"
        )
    };
}

/// Offers joined with what their public reads need.
macro_rules! public_offers_from_sql {
    () => {
        " FROM offers o JOIN organizations g ON g.id = o.organization_id \
         JOIN locations l ON l.id = o.location_id JOIN municipalities m ON m.ags = l.municipality_ags "
    };
}

const SUMMARY_SQL: &str = concat!(
    "SELECT o.id, o.name, g.name AS organization, l.municipality_ags AS municipality, ",
    public_place_sql!(),
    ", o.cost, o.wheelchair, o.description, o.closed_in_school_holidays, o.phone",
    public_offers_from_sql!(),
    "WHERE o.status = 'active' ORDER BY o.name, o.id"
);

const RECORDS_SQL: &str = concat!(
    "SELECT o.organization_id, o.external_id, l.municipality_ags, ",
    public_detail_columns_sql!(),
    public_offers_from_sql!(),
    "WHERE o.status = 'active' ORDER BY o.name, o.id"
);

/// Every active offer's opening slots, in the order the detail lists them.
const ALL_HOURS_SQL: &str = "SELECT h.offer_id, h.weekday, h.opens_minute, h.closes_minute FROM opening_hours h \
     JOIN offers o ON o.id = h.offer_id WHERE o.status = 'active' \
     ORDER BY h.offer_id, h.weekday, h.opens_minute";

const DETAIL_SQL: &str = concat!(
    "SELECT ",
    public_detail_columns_sql!(),
    public_offers_from_sql!(),
    "WHERE o.status = 'active' AND o.id = $1"
);

/// The code tables of offers, as (table, column) pairs; used for both reading and writing.
const TOPICS: (&str, &str) = ("offer_topics", "topic");
const PHASES: (&str, &str) = ("offer_life_phases", "phase");
const LANGUAGES: (&str, &str) = ("offer_languages", "language");
const DELIVERY: (&str, &str) = ("offer_delivery", "delivery");

fn all_codes_sql((table, column): (&str, &str)) -> String {
    format!(
        "SELECT c.offer_id, c.{column} AS code FROM {table} c JOIN offers o ON o.id = c.offer_id \
         WHERE o.status = 'active'"
    )
}

fn offer_codes_sql((table, column): (&str, &str)) -> String {
    format!("SELECT offer_id, {column} AS code FROM {table} WHERE offer_id = $1")
}

fn insert_code_sql((table, column): (&str, &str)) -> String {
    format!("INSERT INTO {table} (offer_id, {column}) VALUES ($1, $2)")
}

// The implementation for both backends: `store/sql.rs`, compiled once for each.
mod postgres;
mod sqlite;
