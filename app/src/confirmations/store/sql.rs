//! The confirmations' storage on one backend (`super::Backend`).

use async_trait::async_trait;

use super::Backend;
use chrono::NaiveDate;

use crate::confirmations::model::{
    ConfirmationLink, Contact, LogEntry, OrganizationSummary, ReminderStep,
};
use crate::confirmations::store::{
    ConfirmationStorage, ContactRow, LINK_COLUMNS, LinkRow, LogRow, NewLogEntry,
    ORGANIZATION_COLUMNS, ORGANIZATION_FROM, OrganizationRow, ReminderCandidate,
};
use crate::platform::database::StorageResult;

#[async_trait]
impl ConfirmationStorage for Backend {
    async fn organizations(
        &self,
        search: &str,
        unanswered: bool,
        limit: i64,
    ) -> StorageResult<Vec<OrganizationSummary>> {
        // LIKE's own wildcards in the search are taken literally.
        let escaped = search
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        let rows: Vec<OrganizationRow> = sqlx::query_as(&format!(
            "SELECT {ORGANIZATION_COLUMNS} {ORGANIZATION_FROM} \
             WHERE LOWER(g.name) LIKE LOWER($1) ESCAPE '\\' AND ($2 = FALSE OR r.flagged_at IS NOT NULL) \
             ORDER BY g.name, g.id LIMIT $3"
        ))
        .bind(format!("%{escaped}%"))
        .bind(unanswered)
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(OrganizationSummary::from).collect())
    }

    async fn organization(&self, id: i64) -> StorageResult<Option<OrganizationSummary>> {
        let row: Option<OrganizationRow> = sqlx::query_as(&format!(
            "SELECT {ORGANIZATION_COLUMNS} {ORGANIZATION_FROM} WHERE g.id = $1"
        ))
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(OrganizationSummary::from))
    }

    async fn reminder_candidates(
        &self,
        before: NaiveDate,
    ) -> StorageResult<Vec<ReminderCandidate>> {
        let due: Vec<(i64, i64, String)> = sqlx::query_as(
            "SELECT o.organization_id, o.id, o.name FROM offers o \
             WHERE o.status = 'active' AND o.last_checked < $1 AND EXISTS \
             (SELECT 1 FROM confirmation_contacts c WHERE c.organization_id = o.organization_id) \
             ORDER BY o.organization_id, o.name, o.id",
        )
        .bind(before)
        .fetch_all(self.pool())
        .await?;
        let mut candidates: Vec<ReminderCandidate> = Vec::new();
        for (organization_id, offer_id, name) in due {
            match candidates.last_mut() {
                Some(last) if last.organization.id == organization_id => {
                    last.due_offers.push((offer_id, name));
                }
                _ => {
                    let Some(organization) = self.organization(organization_id).await? else {
                        continue;
                    };
                    candidates.push(ReminderCandidate {
                        organization,
                        due_offers: vec![(offer_id, name)],
                        contacts: self.contacts(organization_id).await?,
                    });
                }
            }
        }
        Ok(candidates)
    }

    async fn advance_reminder(
        &self,
        organization_id: i64,
        step: ReminderStep,
        now: i64,
    ) -> StorageResult<bool> {
        let statement = match step {
            ReminderStep::First => {
                "INSERT INTO confirmation_reminders (organization_id, first_sent_at) \
                 VALUES ($1, $2) ON CONFLICT (organization_id) DO NOTHING"
            }
            ReminderStep::Second => {
                "UPDATE confirmation_reminders SET second_sent_at = $2 \
                 WHERE organization_id = $1 AND second_sent_at IS NULL"
            }
            ReminderStep::Flag => {
                "UPDATE confirmation_reminders SET flagged_at = $2 \
                 WHERE organization_id = $1 AND second_sent_at IS NOT NULL AND flagged_at IS NULL"
            }
            ReminderStep::Wait => return Ok(false),
        };
        let moved = sqlx::query(statement)
            .bind(organization_id)
            .bind(now)
            .execute(self.pool())
            .await?
            .rows_affected();
        Ok(moved == 1)
    }

    async fn undo_reminder(&self, organization_id: i64, step: ReminderStep) -> StorageResult<()> {
        let statement = match step {
            ReminderStep::First => "DELETE FROM confirmation_reminders WHERE organization_id = $1",
            ReminderStep::Second => {
                "UPDATE confirmation_reminders SET second_sent_at = NULL WHERE organization_id = $1"
            }
            ReminderStep::Flag => {
                "UPDATE confirmation_reminders SET flagged_at = NULL WHERE organization_id = $1"
            }
            ReminderStep::Wait => return Ok(()),
        };
        sqlx::query(statement)
            .bind(organization_id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn settle_reminders(&self, before: NaiveDate) -> StorageResult<u64> {
        Ok(sqlx::query(
            "DELETE FROM confirmation_reminders WHERE organization_id NOT IN \
             (SELECT organization_id FROM offers WHERE status = 'active' AND last_checked < $1)",
        )
        .bind(before)
        .execute(self.pool())
        .await?
        .rows_affected())
    }

    async fn organization_of_offer(&self, offer_id: i64) -> StorageResult<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT organization_id FROM offers WHERE id = $1")
                .bind(offer_id)
                .fetch_optional(self.pool())
                .await?,
        )
    }

    async fn organization_offer_ids(&self, organization_id: i64) -> StorageResult<Vec<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM offers WHERE organization_id = $1 AND status = 'active' \
             ORDER BY name, id",
        )
        .bind(organization_id)
        .fetch_all(self.pool())
        .await?)
    }

    async fn contacts(&self, organization_id: i64) -> StorageResult<Vec<Contact>> {
        let rows: Vec<ContactRow> = sqlx::query_as(
            "SELECT id, organization_id, email, created_at FROM confirmation_contacts \
             WHERE organization_id = $1 ORDER BY email",
        )
        .bind(organization_id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(Contact::from).collect())
    }

    async fn add_contact(
        &self,
        organization_id: i64,
        email: &str,
        now: i64,
    ) -> StorageResult<Option<Contact>> {
        let row: Option<ContactRow> = sqlx::query_as(
            "INSERT INTO confirmation_contacts (organization_id, email, created_at) \
             SELECT id, $2, $3 FROM organizations WHERE id = $1 \
             ON CONFLICT (organization_id, email) DO NOTHING \
             RETURNING id, organization_id, email, created_at",
        )
        .bind(organization_id)
        .bind(email)
        .bind(now)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(Contact::from))
    }

    async fn remove_contact(&self, organization_id: i64, id: i64) -> StorageResult<bool> {
        let removed =
            sqlx::query("DELETE FROM confirmation_contacts WHERE organization_id = $1 AND id = $2")
                .bind(organization_id)
                .bind(id)
                .execute(self.pool())
                .await?
                .rows_affected();
        Ok(removed > 0)
    }

    async fn create_link(
        &self,
        organization_id: i64,
        now: i64,
        expires_at: i64,
    ) -> StorageResult<ConfirmationLink> {
        let row: LinkRow = sqlx::query_as(&format!(
            "INSERT INTO confirmation_links (organization_id, created_at, expires_at) \
             VALUES ($1, $2, $3) RETURNING {LINK_COLUMNS}"
        ))
        .bind(organization_id)
        .bind(now)
        .bind(expires_at)
        .fetch_one(self.pool())
        .await?;
        Ok(row.into())
    }

    async fn link(&self, id: i64) -> StorageResult<Option<ConfirmationLink>> {
        let row: Option<LinkRow> = sqlx::query_as(&format!(
            "SELECT {LINK_COLUMNS} FROM confirmation_links WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(ConfirmationLink::from))
    }

    async fn mark_opened(&self, id: i64, now: i64) -> StorageResult<bool> {
        let marked = sqlx::query(
            "UPDATE confirmation_links SET opened_at = $1 WHERE id = $2 AND opened_at IS NULL",
        )
        .bind(now)
        .bind(id)
        .execute(self.pool())
        .await?
        .rows_affected();
        Ok(marked == 1)
    }

    async fn revoke_links(&self, organization_id: i64, now: i64) -> StorageResult<u64> {
        Ok(sqlx::query(
            "UPDATE confirmation_links SET revoked_at = $1 \
             WHERE organization_id = $2 AND revoked_at IS NULL AND expires_at > $1",
        )
        .bind(now)
        .bind(organization_id)
        .execute(self.pool())
        .await?
        .rows_affected())
    }

    async fn log_event(&self, entry: &NewLogEntry<'_>) -> StorageResult<()> {
        sqlx::query(
            "INSERT INTO confirmation_log (organization_id, link_id, offer_id, at, event, detail) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(entry.organization_id)
        .bind(entry.link_id)
        .bind(entry.offer_id)
        .bind(entry.now)
        .bind(entry.event.code())
        .bind(entry.detail)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn log_of(&self, organization_id: i64) -> StorageResult<Vec<LogEntry>> {
        let rows: Vec<LogRow> = sqlx::query_as(
            "SELECT l.at, l.event, l.offer_id, o.name AS offer_name, l.detail \
             FROM confirmation_log l LEFT JOIN offers o ON o.id = l.offer_id \
             WHERE l.organization_id = $1 ORDER BY l.id DESC LIMIT 200",
        )
        .bind(organization_id)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(LogEntry::try_from).collect()
    }
}
