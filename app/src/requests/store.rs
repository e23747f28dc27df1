//! Storage of requests from outside (listing requests, corrections) and the editors'
//! decisions on them.

use async_trait::async_trait;

use crate::editing::model::REQUEST_FIELD;
use crate::offers::records::{NewOffer, NewOrganization};
use crate::platform::database::{PostgresStorage, SqliteStorage, StorageError, StorageResult};
use crate::requests::model::{
    RequestKind, RequestRecord, RequestStatus, ValidCorrection, ValidListing, reference,
};

/// An editor's approval of a listing request, as the store carries it out.
#[derive(Clone, Copy, Debug)]
pub struct ListingApproval<'a> {
    pub request_id: i64,
    pub organization: &'a NewOrganization,
    pub offer: &'a NewOffer,
    pub account_id: i64,
    pub now: i64,
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
    /// Approves an open listing request in one transaction: claims it, finds the organisation
    /// by name or creates it, stores the offer (its `organization_id` is set here) and links it
    /// to the request with a history entry. `None` if the request was no longer open.
    async fn approve_listing_request(
        &self,
        approval: &ListingApproval<'_>,
    ) -> StorageResult<Option<i64>>;
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
                // Read before the decision; the decision and its history entry are one
                // transaction.
                let request = self.request(id).await?;
                let mut tx = self.pool().begin().await?;
                let decided = sqlx::query(
                    "UPDATE requests SET status = $1, decision_reason = $2, decided_by = $3, decided_at = $4 \
                     WHERE id = $5 AND status = 'offen'",
                )
                .bind(status.code())
                .bind(reason)
                .bind(account_id)
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if decided == 1 && status != RequestStatus::Approved {
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
                        .execute(&mut *tx)
                        .await?;
                    }
                }
                tx.commit().await?;
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

            async fn approve_listing_request(
                &self,
                approval: &ListingApproval<'_>,
            ) -> StorageResult<Option<i64>> {
                let ListingApproval { request_id, organization, offer, account_id, now } = *approval;
                let mut tx = self.pool().begin().await?;
                // Claimed first, so two editors approving at once create one offer.
                let claimed = sqlx::query(
                    "UPDATE requests SET status = $1, decision_reason = '', decided_by = $2, decided_at = $3 \
                     WHERE id = $4 AND status = 'offen'",
                )
                .bind(RequestStatus::Approved.code())
                .bind(account_id)
                .bind(now)
                .bind(request_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if claimed != 1 {
                    return Ok(None);
                }
                let existing: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM organizations WHERE name = $1 ORDER BY id LIMIT 1")
                        .bind(&organization.name)
                        .fetch_optional(&mut *tx)
                        .await?;
                let organization_id = match existing {
                    Some(id) => id,
                    None => Self::insert_organization_in(&mut tx, organization).await?,
                };
                let offer_id = Self::insert_offer_in(
                    &mut tx,
                    &NewOffer {
                        organization_id,
                        ..offer.clone()
                    },
                )
                .await?;
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
                Ok(Some(offer_id))
            }
        }
    };
}

request_storage!(SqliteStorage);
request_storage!(PostgresStorage);
