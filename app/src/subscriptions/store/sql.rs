//! The subscriptions' storage on one backend (`super::Backend`).

use std::collections::BTreeMap;

use async_trait::async_trait;

use super::Backend;
use crate::editing::model::{IMPORT_FIELD, STATUS_FIELD, field_label};
use crate::offers::taxonomy::{LifePhase, Topic};
use crate::platform::database::StorageResult;
use crate::subscriptions::model::{ChangedOffer, Subscription};
use crate::subscriptions::store::{
    DigestSubscription, Marks, SUBSCRIPTION_COLUMNS, SubscriptionRow, SubscriptionSave,
    SubscriptionStorage, quiet_fields,
};

impl Backend {
    /// Deletes the subscriptions whose `column` (a name from this file) is `value`; whether
    /// there was one.
    async fn delete_subscriptions_where(&self, column: &str, value: i64) -> StorageResult<bool> {
        let deleted = sqlx::query(&format!("DELETE FROM subscriptions WHERE {column} = $1"))
            .bind(value)
            .execute(self.pool())
            .await?
            .rows_affected();
        Ok(deleted > 0)
    }
}

#[derive(sqlx::FromRow)]
struct ChangeRow {
    offer_id: i64,
    field: String,
    new_value: String,
    name: String,
    municipality_ags: String,
    municipality: String,
}

#[async_trait]
impl SubscriptionStorage for Backend {
    async fn subscription_of(&self, account_id: i64) -> StorageResult<Option<Subscription>> {
        let row: Option<SubscriptionRow> = sqlx::query_as(&format!(
            "SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions s WHERE s.account_id = $1"
        ))
        .bind(account_id)
        .fetch_optional(self.pool())
        .await?;
        Ok(row
            .map(SubscriptionRow::into_parts)
            .transpose()?
            .map(|(subscription, _)| subscription))
    }

    async fn save_subscription(&self, save: &SubscriptionSave<'_>) -> StorageResult<Subscription> {
        // One statement: two saves at once leave one subscription, never two.
        let row: SubscriptionRow = sqlx::query_as(
            "INSERT INTO subscriptions (account_id, municipalities, topics, phases, frequency, \
             created_at, last_sent_at, seen_change_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $6, (SELECT COALESCE(MAX(id), 0) FROM offer_changes)) \
             ON CONFLICT (account_id) DO UPDATE SET municipalities = excluded.municipalities, \
             topics = excluded.topics, phases = excluded.phases, frequency = excluded.frequency \
             RETURNING id, municipalities, topics, phases, frequency, last_sent_at, seen_change_id",
        )
        .bind(save.account_id)
        .bind(save.choices.municipality_codes())
        .bind(save.choices.topic_codes())
        .bind(save.choices.phase_codes())
        .bind(save.frequency.code())
        .bind(save.now)
        .fetch_one(self.pool())
        .await?;
        Ok(row.into_parts()?.0)
    }

    async fn delete_subscription_of(&self, account_id: i64) -> StorageResult<bool> {
        self.delete_subscriptions_where("account_id", account_id)
            .await
    }

    async fn delete_subscription(&self, id: i64) -> StorageResult<bool> {
        self.delete_subscriptions_where("id", id).await
    }

    async fn digest_subscriptions(&self) -> StorageResult<Vec<DigestSubscription>> {
        // Every role includes the member's; a deactivated account, or an invitation not yet
        // accepted, gets no mail.
        let rows: Vec<SubscriptionWithEmail> = sqlx::query_as(&format!(
            "SELECT a.email, {SUBSCRIPTION_COLUMNS} FROM subscriptions s \
             JOIN accounts a ON a.id = s.account_id \
             WHERE a.active = TRUE AND a.password_hash IS NOT NULL ORDER BY s.id"
        ))
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(|row| {
                let (subscription, marks) = row.subscription.into_parts()?;
                Ok(DigestSubscription {
                    subscription,
                    email: row.email,
                    marks,
                })
            })
            .collect()
    }

    async fn newest_change_id(&self) -> StorageResult<i64> {
        Ok(
            sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM offer_changes")
                .fetch_one(self.pool())
                .await?,
        )
    }

    async fn move_marks(&self, id: i64, from: Marks, to: Marks) -> StorageResult<bool> {
        let moved = sqlx::query(
            "UPDATE subscriptions SET last_sent_at = $1, seen_change_id = $2 \
             WHERE id = $3 AND last_sent_at = $4 AND seen_change_id = $5",
        )
        .bind(to.last_sent_at)
        .bind(to.seen_change_id)
        .bind(id)
        .bind(from.last_sent_at)
        .bind(from.seen_change_id)
        .execute(self.pool())
        .await?
        .rows_affected();
        Ok(moved == 1)
    }

    async fn changed_offers(
        &self,
        after_change_id: i64,
        up_to_change_id: i64,
    ) -> StorageResult<Vec<ChangedOffer>> {
        let [quiet_1, quiet_2, quiet_3, quiet_4, quiet_5] = quiet_fields();
        let changes: Vec<ChangeRow> = sqlx::query_as(
            "SELECT c.offer_id, c.field, c.new_value, o.name, l.municipality_ags, \
             m.name AS municipality \
             FROM offer_changes c JOIN offers o ON o.id = c.offer_id \
             JOIN locations l ON l.id = o.location_id \
             JOIN municipalities m ON m.ags = l.municipality_ags \
             WHERE c.id > $1 AND c.id <= $2 AND o.status = 'active' \
             AND c.field NOT IN ($3, $4, $5, $6, $7) ORDER BY c.id",
        )
        .bind(after_change_id)
        .bind(up_to_change_id)
        .bind(quiet_1)
        .bind(quiet_2)
        .bind(quiet_3)
        .bind(quiet_4)
        .bind(quiet_5)
        .fetch_all(self.pool())
        .await?;
        if changes.is_empty() {
            return Ok(Vec::new());
        }
        let vocabulary = |table: &str, column: &str| {
            format!(
                "SELECT v.offer_id, v.{column} FROM {table} v WHERE v.offer_id IN \
                 (SELECT c.offer_id FROM offer_changes c WHERE c.id > $1 AND c.id <= $2) \
                 ORDER BY v.offer_id, v.{column}"
            )
        };
        let topics: Vec<(i64, String)> = sqlx::query_as(&vocabulary("offer_topics", "topic"))
            .bind(after_change_id)
            .bind(up_to_change_id)
            .fetch_all(self.pool())
            .await?;
        let phases: Vec<(i64, String)> = sqlx::query_as(&vocabulary("offer_life_phases", "phase"))
            .bind(after_change_id)
            .bind(up_to_change_id)
            .fetch_all(self.pool())
            .await?;
        let mut offers: Vec<ChangedOffer> = Vec::new();
        let mut index: BTreeMap<i64, usize> = BTreeMap::new();
        for change in changes {
            let at = *index.entry(change.offer_id).or_insert_with(|| {
                offers.push(ChangedOffer {
                    id: change.offer_id,
                    name: change.name.clone(),
                    municipality_ags: change.municipality_ags.clone(),
                    municipality: change.municipality.clone(),
                    topics: topics
                        .iter()
                        .filter(|(offer, _)| *offer == change.offer_id)
                        .filter_map(|(_, code)| Topic::parse(code))
                        .collect(),
                    phases: phases
                        .iter()
                        .filter(|(offer, _)| *offer == change.offer_id)
                        .filter_map(|(_, code)| LifePhase::parse(code))
                        .collect(),
                    changed_fields: Vec::new(),
                    is_new: false,
                });
                offers.len() - 1
            });
            let offer = &mut offers[at];
            // Published or restored, or created by an import: new on the map.
            if (change.field == STATUS_FIELD && change.new_value == "active")
                || change.field == IMPORT_FIELD
            {
                offer.is_new = true;
            } else {
                let label = field_label(&change.field).to_string();
                if !offer.changed_fields.contains(&label) {
                    offer.changed_fields.push(label);
                }
            }
        }
        Ok(offers)
    }
}

/// A subscription row with its account's address.
#[derive(sqlx::FromRow)]
struct SubscriptionWithEmail {
    email: String,
    #[sqlx(flatten)]
    subscription: SubscriptionRow,
}
