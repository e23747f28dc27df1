//! The requests' storage on one backend (`super::Backend`).

use async_trait::async_trait;

use super::{Backend, Db};
use crate::offers::records::{NewOffer, NewOrganization};
use crate::platform::database::{StorageError, StorageResult};
use crate::requests::model::{
    RequestRecord, RequestStatus, ValidCorrection, ValidListing, reference,
};
use crate::requests::store::{
    ListingApproval, OfferCreation, Proposal, REQUEST_COLUMNS, REQUEST_FROM, RequestRow,
    RequestStorage, request_note, year_of,
};

impl Backend {
    /// Stores `offer` under `organization`, found by its name or created; the offer's id.
    async fn insert_under_in(
        connection: &mut <Db as sqlx::Database>::Connection,
        organization: &NewOrganization,
        offer: &NewOffer,
    ) -> StorageResult<i64> {
        let existing: Option<i64> =
            sqlx::query_scalar("SELECT id FROM organizations WHERE name = $1 ORDER BY id LIMIT 1")
                .bind(&organization.name)
                .fetch_optional(&mut *connection)
                .await?;
        let organization_id = match existing {
            Some(id) => id,
            None => Self::insert_organization_in(connection, organization).await?,
        };
        Self::insert_offer_in(
            connection,
            &NewOffer {
                organization_id,
                ..offer.clone()
            },
        )
        .await
    }
}

#[async_trait]
impl RequestStorage for Backend {
    async fn create_listing_request(
        &self,
        listing: &ValidListing,
        now: i64,
    ) -> StorageResult<RequestRecord> {
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

    async fn create_proposal(
        &self,
        proposal: &Proposal<'_>,
    ) -> StorageResult<Option<RequestRecord>> {
        let changes = serde_json::to_string(proposal.changes)
            .map_err(|error| StorageError::Corrupt(format!("proposal not written: {error}")))?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO requests (kind, created_at, offer_id, message, contact_name, proposed, \
             confirmation_link_id) \
             SELECT 'korrektur', $1, id, $2, $3, $4, $5 FROM offers WHERE id = $6 AND status = 'active' \
             RETURNING id",
        )
        .bind(proposal.now)
        .bind(proposal.message)
        .bind(crate::editing::model::INSTITUTION_ACTOR)
        .bind(changes)
        .bind(proposal.link_id)
        .bind(proposal.offer_id)
        .fetch_optional(self.pool())
        .await?;
        match id {
            Some(id) => self.request(id).await,
            None => Ok(None),
        }
    }

    async fn corrections_to_forward(&self, since: i64) -> StorageResult<Vec<RequestRecord>> {
        let rows: Vec<RequestRow> = sqlx::query_as(&format!(
            "SELECT {REQUEST_COLUMNS} {REQUEST_FROM} WHERE r.kind = 'korrektur' AND r.status = 'offen' \
             AND r.confirmation_link_id IS NULL AND r.forwarded_at IS NULL AND r.created_at >= $1 \
             ORDER BY r.id"
        ))
        .bind(since)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(RequestRecord::try_from).collect()
    }

    async fn mark_forwarded(&self, id: i64, to: &str, now: i64) -> StorageResult<bool> {
        let marked = sqlx::query(
            "UPDATE requests SET forwarded_at = $1, forwarded_to = $2 \
             WHERE id = $3 AND forwarded_at IS NULL",
        )
        .bind(now)
        .bind(to)
        .bind(id)
        .execute(self.pool())
        .await?
        .rows_affected();
        Ok(marked == 1)
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

    async fn open_request_count(&self) -> StorageResult<i64> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE status = 'offen'")
                .fetch_one(self.pool())
                .await?,
        )
    }

    async fn request(&self, id: i64) -> StorageResult<Option<RequestRecord>> {
        let row: Option<RequestRow> = sqlx::query_as(&format!(
            "SELECT {REQUEST_COLUMNS} {REQUEST_FROM} WHERE r.id = $1"
        ))
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
        if decided == 1
            && status != RequestStatus::Approved
            && let Some(request) = request
            && let Some(offer_id) = request.offer_id
        {
            let mut entry = format!("{}: {}", request.reference, status.code());
            if !reason.is_empty() {
                entry.push_str(&format!(" – {reason}"));
            }
            let change = request_note(offer_id, account_id, now, &request.message, &entry);
            Self::record_change_in(&mut tx, &change).await?;
        }
        tx.commit().await?;
        self.public_data_changed();
        Ok(decided == 1)
    }

    async fn create_offer(&self, creation: &OfferCreation<'_>) -> StorageResult<i64> {
        let mut tx = self.pool().begin().await?;
        let offer_id =
            Self::insert_under_in(&mut tx, creation.organization, creation.offer).await?;
        let change = request_note(
            offer_id,
            creation.account_id,
            creation.now,
            "",
            creation.note,
        );
        Self::record_change_in(&mut tx, &change).await?;
        tx.commit().await?;
        self.public_data_changed();
        Ok(offer_id)
    }

    async fn approve_listing_request(
        &self,
        approval: &ListingApproval<'_>,
    ) -> StorageResult<Option<i64>> {
        let ListingApproval {
            request_id,
            organization,
            offer,
            account_id,
            now,
        } = *approval;
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
            // Released now (see `begin_edit`): the claim holds SQLite's write lock.
            tx.rollback().await?;
            return Ok(None);
        }
        let offer_id = Self::insert_under_in(&mut tx, organization, offer).await?;
        sqlx::query("UPDATE requests SET created_offer_id = $1 WHERE id = $2")
            .bind(offer_id)
            .bind(request_id)
            .execute(&mut *tx)
            .await?;
        let note = format!(
            "aus Anfrage {} übernommen (noch nicht öffentlich)",
            reference(request_id, year_of(now))
        );
        let change = request_note(offer_id, account_id, now, "", &note);
        Self::record_change_in(&mut tx, &change).await?;
        tx.commit().await?;
        self.public_data_changed();
        Ok(Some(offer_id))
    }
}
