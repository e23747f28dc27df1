//! Storage of requests from outside (listing requests, corrections) and the editors'
//! decisions on them.

use async_trait::async_trait;

use crate::editing::model::REQUEST_FIELD;
use crate::editing::store::ChangeEntry;
use crate::offers::records::{NewOffer, NewOrganization};
use crate::platform::database::{StorageError, StorageResult};
use crate::requests::model::{
    ProposedChange, RequestKind, RequestRecord, RequestStatus, ValidCorrection, ValidListing,
    reference,
};

/// An offer an editor creates, as the store carries it out.
#[derive(Clone, Copy, Debug)]
pub struct OfferCreation<'a> {
    pub organization: &'a NewOrganization,
    pub offer: &'a NewOffer,
    /// The first entry of the offer's history.
    pub note: &'a str,
    pub account_id: i64,
    pub now: i64,
}

/// An editor's approval of a listing request, as the store carries it out.
#[derive(Clone, Copy, Debug)]
pub struct ListingApproval<'a> {
    pub request_id: i64,
    pub organization: &'a NewOrganization,
    pub offer: &'a NewOffer,
    pub account_id: i64,
    pub now: i64,
}

/// A correction an institution asks for through its confirmation link.
#[derive(Clone, Copy, Debug)]
pub struct Proposal<'a> {
    pub offer_id: i64,
    /// What the institution wrote besides the fields ("" for nothing).
    pub message: &'a str,
    pub changes: &'a [ProposedChange],
    pub link_id: i64,
    pub now: i64,
}

#[async_trait]
pub trait RequestStorage: Send + Sync {
    /// Stores an institution's correction, its fields as a diff; `None` if there is no active
    /// offer `offer_id`.
    async fn create_proposal(
        &self,
        proposal: &Proposal<'_>,
    ) -> StorageResult<Option<RequestRecord>>;
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
    /// Open "Fehler melden" corrections made since `since` and not yet forwarded to their
    /// institution, oldest first.
    async fn corrections_to_forward(&self, since: i64) -> StorageResult<Vec<RequestRecord>>;
    /// Notes that correction `id` was forwarded at `now` to `to` ("" for nobody); whether it
    /// was not noted before (two rounds forward once).
    async fn mark_forwarded(&self, id: i64, to: &str, now: i64) -> StorageResult<bool>;
    /// Open requests first (oldest first), then the last decided ones.
    async fn requests(&self) -> StorageResult<Vec<RequestRecord>>;
    async fn request(&self, id: i64) -> StorageResult<Option<RequestRecord>>;
    /// How many requests wait for a decision.
    async fn open_request_count(&self) -> StorageResult<i64>;
    /// Approves an open listing request in one transaction: claims it, finds the organisation
    /// by name or creates it, stores the offer (its `organization_id` is set here) and links it
    /// to the request with a history entry. `None` if the request was no longer open.
    async fn approve_listing_request(
        &self,
        approval: &ListingApproval<'_>,
    ) -> StorageResult<Option<i64>>;
    /// Creates an offer an editor starts (not yet public) in one transaction: finds the
    /// organisation by name or creates it, stores the offer (its `organization_id` is set
    /// here) with `note` as the first entry of its history. The new offer's id.
    async fn create_offer(&self, creation: &OfferCreation<'_>) -> StorageResult<i64>;
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
    proposed: String,
    confirmation_link_id: Option<i64>,
    forwarded_at: Option<i64>,
    forwarded_to: String,
    institution_acted: bool,
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
            likely_twins: Vec::new(),
            proposed: if row.proposed.is_empty() {
                Vec::new()
            } else {
                serde_json::from_str(&row.proposed).map_err(|error| {
                    StorageError::Corrupt(format!("request {} proposal: {error}", row.id))
                })?
            },
            from_institution: row.confirmation_link_id.is_some(),
            forwarded_at: row.forwarded_at,
            forwarded_to: row.forwarded_to,
            institution_acted: row.institution_acted,
        })
    }
}

/// A note on a request in an offer's history (field "anfrage"): it changes nothing, so it is
/// filed under the version the offer has now.
fn request_note<'a>(
    offer_id: i64,
    account_id: i64,
    now: i64,
    old_value: &'a str,
    new_value: &'a str,
) -> ChangeEntry<'a> {
    ChangeEntry {
        offer_id,
        account_id: Some(account_id),
        now,
        field: REQUEST_FIELD,
        old_value,
        new_value,
        version: None,
        reverts_change_id: None,
    }
}

const REQUEST_COLUMNS: &str = "r.id, r.kind, r.created_at, r.offer_id, \
     COALESCE(o.name, r.offer_name) AS offer_name, COALESCE(g.name, r.organization) AS organization, \
     r.description, r.street, r.postcode, r.town, r.contact_name, r.contact_email, r.contact_phone, \
     r.message, r.status, r.decision_reason, r.created_offer_id, r.proposed, r.confirmation_link_id, \
     r.forwarded_at, r.forwarded_to, \
     (r.forwarded_at IS NOT NULL AND (EXISTS (SELECT 1 FROM offer_changes c WHERE c.offer_id = r.offer_id \
     AND c.field = 'bestaetigt' AND c.changed_at >= r.forwarded_at) OR EXISTS (SELECT 1 FROM requests a \
     WHERE a.offer_id = r.offer_id AND a.confirmation_link_id IS NOT NULL AND a.created_at >= r.forwarded_at))) \
     AS institution_acted";

const REQUEST_FROM: &str = "FROM requests r LEFT JOIN offers o ON o.id = r.offer_id \
     LEFT JOIN organizations g ON g.id = o.organization_id";

// The implementation for both backends: `store/sql.rs`, compiled once for each.
mod postgres;
mod sqlite;
