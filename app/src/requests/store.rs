//! Storage of requests from outside (listing requests, corrections) and the editors'
//! decisions on them; approving a listing creates a not yet public offer from it.

use async_trait::async_trait;
use chrono::NaiveDate;

use crate::editing::model::REQUEST_FIELD;
use crate::offers::records::{MemberOnly, NewLocation, NewOffer, OfferStatus};
use crate::offers::taxonomy::{Cost, Delivery, Language, LifePhase, Topic};
use crate::platform::database::{
    PostgresStorage, SqliteStorage, Storage, StorageError, StorageResult,
};
use crate::requests::model::{
    RequestKind, RequestRecord, RequestStatus, ValidCorrection, ValidListing, reference,
};

/// Where an approved listing is placed first: the municipality the editor chose and its town
/// centre (the editor sets the exact location afterwards).
#[derive(Clone, Debug)]
pub struct Placement {
    pub municipality_ags: String,
    pub lat: f64,
    pub lon: f64,
}

#[async_trait]
pub trait RequestStorage: Send + Sync {
    async fn create_listing_request(
        &self,
        listing: &ValidListing,
        now: i64,
    ) -> StorageResult<RequestRecord>;
    /// `None` if there is no active offer `offer_id`.
    async fn create_correction(
        &self,
        offer_id: i64,
        correction: &ValidCorrection,
        now: i64,
    ) -> StorageResult<Option<RequestRecord>>;
    /// Open requests first (oldest first), then the last decided ones.
    async fn requests(&self) -> StorageResult<Vec<RequestRecord>>;
    async fn request(&self, id: i64) -> StorageResult<Option<RequestRecord>>;
    /// The id of the organisation with exactly this name.
    async fn organization_by_name(&self, name: &str) -> StorageResult<Option<i64>>;
    /// Notes the offer created from an approved listing, and the approval in its history.
    async fn link_request_offer(
        &self,
        request_id: i64,
        offer_id: i64,
        account_id: i64,
        now: i64,
    ) -> StorageResult<()>;
    /// Adds a note (field "anfrage") to an offer's history without changing it.
    async fn note_in_history(
        &self,
        offer_id: i64,
        text: &str,
        account_id: i64,
        now: i64,
    ) -> StorageResult<()>;
    /// Records a decision on an open request (for a correction also in the offer's history);
    /// `false` if it was not open (any more).
    async fn decide_request(
        &self,
        id: i64,
        status: RequestStatus,
        reason: &str,
        account_id: i64,
        now: i64,
    ) -> StorageResult<bool>;
}

#[derive(sqlx::FromRow)]
struct RequestRow {
    id: i64,
    kind: String,
    created_at: i64,
    offer_id: Option<i64>,
    offer_name: String,
    organization: String,
    description: String,
    street: String,
    postcode: String,
    town: String,
    contact_name: String,
    contact_email: String,
    contact_phone: String,
    message: String,
    status: String,
    decision_reason: String,
    created_offer_id: Option<i64>,
}

fn year_of(unix_secs: i64) -> i32 {
    use chrono::Datelike;
    chrono::DateTime::from_timestamp(unix_secs, 0).map_or(1970, |time| time.year())
}

impl TryFrom<RequestRow> for RequestRecord {
    type Error = StorageError;

    fn try_from(row: RequestRow) -> StorageResult<RequestRecord> {
        let address = if row.street.is_empty() {
            String::new()
        } else {
            format!("{}, {} {}", row.street, row.postcode, row.town)
        };
        Ok(RequestRecord {
            reference: reference(row.id, year_of(row.created_at)),
            kind: RequestKind::parse(&row.kind)
                .ok_or_else(|| StorageError::Corrupt(format!("request kind {:?}", row.kind)))?,
            status: RequestStatus::parse(&row.status)
                .ok_or_else(|| StorageError::Corrupt(format!("request status {:?}", row.status)))?,
            id: row.id,
            created_at: row.created_at,
            offer_id: row.offer_id,
            offer_name: row.offer_name,
            organization: row.organization,
            description: row.description,
            address,
            contact_name: row.contact_name,
            contact_email: row.contact_email,
            contact_phone: row.contact_phone,
            message: row.message,
            decision_reason: row.decision_reason,
            created_offer_id: row.created_offer_id,
        })
    }
}

const REQUEST_COLUMNS: &str = "r.id, r.kind, r.created_at, r.offer_id, \
     COALESCE(o.name, r.offer_name) AS offer_name, COALESCE(g.name, r.organization) AS organization, \
     r.description, r.street, r.postcode, r.town, r.contact_name, r.contact_email, r.contact_phone, \
     r.message, r.status, r.decision_reason, r.created_offer_id";

const REQUEST_FROM: &str = "FROM requests r LEFT JOIN offers o ON o.id = r.offer_id \
     LEFT JOIN organizations g ON g.id = o.organization_id";

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

/// The organisation with this name, created if there is none yet.
async fn organization_named(storage: &dyn Storage, name: &str) -> StorageResult<i64> {
    if let Some(id) = storage.organization_by_name(name).await? {
        return Ok(id);
    }
    storage
        .insert_organization(&crate::offers::records::NewOrganization {
            external_id: None,
            name: name.to_string(),
            description: String::new(),
            website: String::new(),
            is_demo: false,
            working_group: String::new(),
        })
        .await
}

/// Approves a listing request: creates the organisation (or finds it by name) and the offer,
/// not yet public, and marks the request approved. Returns the new offer's id, or `None` if
/// the request is not an open listing.
pub async fn approve_listing(
    storage: &dyn Storage,
    request_id: i64,
    place: &Placement,
    today: NaiveDate,
    account_id: i64,
    now: i64,
) -> StorageResult<Option<i64>> {
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
    // Claim the request first, so two editors approving at once create one offer.
    if !storage
        .decide_request(request_id, RequestStatus::Approved, "", account_id, now)
        .await?
    {
        return Ok(None);
    }
    let organization_id = organization_named(storage, &request.organization).await?;
    let offer_id = storage
        .insert_offer(&offer_from_listing(&listing, organization_id, place, today))
        .await?;
    storage
        .link_request_offer(request_id, offer_id, account_id, now)
        .await?;
    Ok(Some(offer_id))
}

/// Creates a new, not yet public offer that an editor starts from the overview, with its
/// organisation found by name or created; the creation is the first entry of its history.
pub async fn create_offer_draft(
    storage: &dyn Storage,
    listing: &ValidListing,
    place: &Placement,
    today: NaiveDate,
    account_id: i64,
    now: i64,
) -> StorageResult<i64> {
    let organization_id = organization_named(storage, &listing.0.organization).await?;
    let offer_id = storage
        .insert_offer(&offer_from_listing(listing, organization_id, place, today))
        .await?;
    storage
        .note_in_history(
            offer_id,
            "neu angelegt (noch nicht öffentlich)",
            account_id,
            now,
        )
        .await?;
    Ok(offer_id)
}

macro_rules! request_storage {
    ($name:ident) => {
        #[async_trait]
        impl RequestStorage for $name {
            async fn create_listing_request(&self, listing: &ValidListing, now: i64) -> StorageResult<RequestRecord> {
                let l = &listing.0;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO requests (kind, created_at, organization, offer_name, description, street, \
                     postcode, town, contact_name, contact_email, contact_phone) \
                     VALUES ('eintrag', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                )
                .bind(now)
                .bind(&l.organization)
                .bind(&l.offer_name)
                .bind(&l.description)
                .bind(&l.street)
                .bind(&l.postcode)
                .bind(&l.town)
                .bind(&l.contact_name)
                .bind(&l.contact_email)
                .bind(&l.contact_phone)
                .fetch_one(self.pool())
                .await?;
                self.request(id)
                    .await?
                    .ok_or_else(|| StorageError::Corrupt(format!("request {id} vanished")))
            }

            async fn create_correction(
                &self,
                offer_id: i64,
                correction: &ValidCorrection,
                now: i64,
            ) -> StorageResult<Option<RequestRecord>> {
                let id: Option<i64> = sqlx::query_scalar(
                    "INSERT INTO requests (kind, created_at, offer_id, message, contact_email) \
                     SELECT 'korrektur', $1, id, $2, $3 FROM offers WHERE id = $4 AND status = 'active' \
                     RETURNING id",
                )
                .bind(now)
                .bind(&correction.message)
                .bind(&correction.contact_email)
                .bind(offer_id)
                .fetch_optional(self.pool())
                .await?;
                match id {
                    Some(id) => self.request(id).await,
                    None => Ok(None),
                }
            }

            async fn requests(&self) -> StorageResult<Vec<RequestRecord>> {
                let rows: Vec<RequestRow> = sqlx::query_as(&format!(
                    "SELECT {REQUEST_COLUMNS} {REQUEST_FROM} \
                     ORDER BY CASE WHEN r.status = 'offen' THEN 0 ELSE 1 END, \
                     CASE WHEN r.status = 'offen' THEN r.id ELSE -r.id END LIMIT 500"
                ))
                .fetch_all(self.pool())
                .await?;
                rows.into_iter().map(RequestRecord::try_from).collect()
            }

            async fn request(&self, id: i64) -> StorageResult<Option<RequestRecord>> {
                let row: Option<RequestRow> =
                    sqlx::query_as(&format!("SELECT {REQUEST_COLUMNS} {REQUEST_FROM} WHERE r.id = $1"))
                        .bind(id)
                        .fetch_optional(self.pool())
                        .await?;
                row.map(RequestRecord::try_from).transpose()
            }

            async fn decide_request(
                &self,
                id: i64,
                status: RequestStatus,
                reason: &str,
                account_id: i64,
                now: i64,
            ) -> StorageResult<bool> {
                let decided = sqlx::query(
                    "UPDATE requests SET status = $1, decision_reason = $2, decided_by = $3, decided_at = $4 \
                     WHERE id = $5 AND status = 'offen'",
                )
                .bind(status.code())
                .bind(reason)
                .bind(account_id)
                .bind(now)
                .bind(id)
                .execute(self.pool())
                .await?
                .rows_affected();
                if decided == 1 && status != RequestStatus::Approved {
                    let request = self.request(id).await?;
                    if let Some(request) = request.filter(|r| r.offer_id.is_some()) {
                        let mut entry = format!("{}: {}", request.reference, status.code());
                        if !reason.is_empty() {
                            entry.push_str(&format!(" – {reason}"));
                        }
                        sqlx::query(
                            "INSERT INTO offer_changes (offer_id, account_id, changed_at, field, old_value, new_value, version) \
                             SELECT id, $1, $2, $3, $4, $5, version FROM offers WHERE id = $6",
                        )
                        .bind(account_id)
                        .bind(now)
                        .bind(REQUEST_FIELD)
                        .bind(&request.message)
                        .bind(entry)
                        .bind(request.offer_id)
                        .execute(self.pool())
                        .await?;
                    }
                }
                Ok(decided == 1)
            }

            async fn note_in_history(&self, offer_id: i64, text: &str, account_id: i64, now: i64) -> StorageResult<()> {
                sqlx::query(
                    "INSERT INTO offer_changes (offer_id, account_id, changed_at, field, old_value, new_value, version) \
                     SELECT id, $1, $2, $3, '', $4, version FROM offers WHERE id = $5",
                )
                .bind(account_id)
                .bind(now)
                .bind(REQUEST_FIELD)
                .bind(text)
                .bind(offer_id)
                .execute(self.pool())
                .await?;
                Ok(())
            }

            async fn organization_by_name(&self, name: &str) -> StorageResult<Option<i64>> {
                Ok(sqlx::query_scalar("SELECT id FROM organizations WHERE name = $1 ORDER BY id LIMIT 1")
                    .bind(name)
                    .fetch_optional(self.pool())
                    .await?)
            }

            async fn link_request_offer(&self, request_id: i64, offer_id: i64, account_id: i64, now: i64) -> StorageResult<()> {
                let mut tx = self.pool().begin().await?;
                sqlx::query("UPDATE requests SET created_offer_id = $1 WHERE id = $2")
                    .bind(offer_id)
                    .bind(request_id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "INSERT INTO offer_changes (offer_id, account_id, changed_at, field, old_value, new_value, version) \
                     SELECT id, $1, $2, $3, '', $4, version FROM offers WHERE id = $5",
                )
                .bind(account_id)
                .bind(now)
                .bind(REQUEST_FIELD)
                .bind(format!("aus Anfrage {} übernommen (noch nicht öffentlich)", reference(request_id, year_of(now))))
                .bind(offer_id)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

request_storage!(SqliteStorage);
request_storage!(PostgresStorage);
