//! Storage of the institutions' confirmation contacts, links and log, and the reads their page
//! needs (an organisation, its active offers).

use async_trait::async_trait;

use chrono::NaiveDate;

use crate::confirmations::model::{
    ConfirmationLink, Contact, LogEntry, LogEvent, OrganizationSummary, ReminderState, ReminderStep,
};
use crate::platform::database::{StorageError, StorageResult};

/// A line for an organisation's log.
#[derive(Clone, Copy, Debug)]
pub struct NewLogEntry<'a> {
    pub organization_id: i64,
    pub link_id: Option<i64>,
    pub offer_id: Option<i64>,
    pub event: LogEvent,
    pub detail: &'a str,
    pub now: i64,
}

/// An organisation a reminder round looks at: it has confirmation addresses and active
/// offers last checked before the round's day.
#[derive(Clone, Debug)]
pub struct ReminderCandidate {
    pub organization: OrganizationSummary,
    /// The due offers' ids and names, by name.
    pub due_offers: Vec<(i64, String)>,
    pub contacts: Vec<Contact>,
}

#[async_trait]
pub trait ConfirmationStorage: Send + Sync {
    /// Organisations whose name contains `search` (any case of ASCII letters; "" for all), by
    /// name, at most `limit`; with `unanswered`, only those that did not answer two reminders.
    async fn organizations(
        &self,
        search: &str,
        unanswered: bool,
        limit: i64,
    ) -> StorageResult<Vec<OrganizationSummary>>;
    /// The organisations with confirmation addresses and active offers last checked before
    /// `before`.
    async fn reminder_candidates(&self, before: NaiveDate)
    -> StorageResult<Vec<ReminderCandidate>>;
    /// Moves an organisation's reminders to `step` at `now` if no one else did (two rounds at
    /// once send one reminder); whether this call did.
    async fn advance_reminder(
        &self,
        organization_id: i64,
        step: ReminderStep,
        now: i64,
    ) -> StorageResult<bool>;
    /// Takes `step` back (no reminder reached anyone: the next round tries again).
    async fn undo_reminder(&self, organization_id: i64, step: ReminderStep) -> StorageResult<()>;
    /// Forgets the reminders of organisations without offers last checked before `before`.
    async fn settle_reminders(&self, before: NaiveDate) -> StorageResult<u64>;
    async fn organization(&self, id: i64) -> StorageResult<Option<OrganizationSummary>>;
    /// The organisation an offer belongs to.
    async fn organization_of_offer(&self, offer_id: i64) -> StorageResult<Option<i64>>;
    /// The organisation's active offers, by name.
    async fn organization_offer_ids(&self, organization_id: i64) -> StorageResult<Vec<i64>>;
    async fn contacts(&self, organization_id: i64) -> StorageResult<Vec<Contact>>;
    /// Adds an address; `None` if the organisation has it already.
    async fn add_contact(
        &self,
        organization_id: i64,
        email: &str,
        now: i64,
    ) -> StorageResult<Option<Contact>>;
    /// Removes contact `id` of the organisation; whether there was one.
    async fn remove_contact(&self, organization_id: i64, id: i64) -> StorageResult<bool>;
    async fn create_link(
        &self,
        organization_id: i64,
        now: i64,
        expires_at: i64,
    ) -> StorageResult<ConfirmationLink>;
    async fn link(&self, id: i64) -> StorageResult<Option<ConfirmationLink>>;
    /// Notes the first opening of a link; whether this was it.
    async fn mark_opened(&self, id: i64, now: i64) -> StorageResult<bool>;
    /// Revokes every link of the organisation that still holds; how many.
    async fn revoke_links(&self, organization_id: i64, now: i64) -> StorageResult<u64>;
    async fn log_event(&self, entry: &NewLogEntry<'_>) -> StorageResult<()>;
    /// The organisation's log, newest first (the last 200 lines).
    async fn log_of(&self, organization_id: i64) -> StorageResult<Vec<LogEntry>>;
}

#[derive(sqlx::FromRow)]
struct LogRow {
    at: i64,
    event: String,
    offer_id: Option<i64>,
    offer_name: Option<String>,
    detail: String,
}

impl TryFrom<LogRow> for LogEntry {
    type Error = StorageError;

    fn try_from(row: LogRow) -> StorageResult<LogEntry> {
        Ok(LogEntry {
            at: row.at,
            event: LogEvent::parse(&row.event)
                .ok_or_else(|| StorageError::Corrupt(format!("log event {:?}", row.event)))?,
            offer_id: row.offer_id,
            offer_name: row.offer_name.unwrap_or_default(),
            detail: row.detail,
        })
    }
}

#[derive(sqlx::FromRow)]
struct LinkRow {
    id: i64,
    organization_id: i64,
    created_at: i64,
    expires_at: i64,
    revoked_at: Option<i64>,
    opened_at: Option<i64>,
}

impl From<LinkRow> for ConfirmationLink {
    fn from(row: LinkRow) -> ConfirmationLink {
        ConfirmationLink {
            id: row.id,
            organization_id: row.organization_id,
            created_at: row.created_at,
            expires_at: row.expires_at,
            revoked_at: row.revoked_at,
            opened_at: row.opened_at,
        }
    }
}

#[derive(sqlx::FromRow)]
struct ContactRow {
    id: i64,
    organization_id: i64,
    email: String,
    created_at: i64,
}

impl From<ContactRow> for Contact {
    fn from(row: ContactRow) -> Contact {
        Contact {
            id: row.id,
            organization_id: row.organization_id,
            email: row.email,
            created_at: row.created_at,
        }
    }
}

#[derive(sqlx::FromRow)]
struct OrganizationRow {
    id: i64,
    name: String,
    active_offers: i64,
    contacts: i64,
    last_confirmed_at: Option<i64>,
    first_sent_at: Option<i64>,
    second_sent_at: Option<i64>,
    flagged_at: Option<i64>,
}

impl From<OrganizationRow> for OrganizationSummary {
    fn from(row: OrganizationRow) -> OrganizationSummary {
        OrganizationSummary {
            id: row.id,
            name: row.name,
            active_offers: row.active_offers,
            contacts: row.contacts,
            last_confirmed_at: row.last_confirmed_at,
            reminders: row.first_sent_at.map(|first_sent_at| ReminderState {
                first_sent_at,
                second_sent_at: row.second_sent_at,
                flagged_at: row.flagged_at,
            }),
        }
    }
}

const ORGANIZATION_COLUMNS: &str = "g.id, g.name, \
     (SELECT COUNT(*) FROM offers o WHERE o.organization_id = g.id AND o.status = 'active') AS active_offers, \
     (SELECT COUNT(*) FROM confirmation_contacts c WHERE c.organization_id = g.id) AS contacts, \
     (SELECT MAX(l.at) FROM confirmation_log l WHERE l.organization_id = g.id AND l.event = 'bestaetigt') \
     AS last_confirmed_at, r.first_sent_at, r.second_sent_at, r.flagged_at";

const ORGANIZATION_FROM: &str =
    "FROM organizations g LEFT JOIN confirmation_reminders r ON r.organization_id = g.id";

const LINK_COLUMNS: &str = "id, organization_id, created_at, expires_at, revoked_at, opened_at";

// The implementation for both backends: `store/sql.rs`, compiled once for each.
mod postgres;
mod sqlite;
