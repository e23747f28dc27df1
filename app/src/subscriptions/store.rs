//! Storage of the members' subscriptions and the reads a digest round needs: who is
//! subscribed (active member accounts only), how far each subscription's digests have come,
//! and which public offers changed in a window of the change history.

use async_trait::async_trait;

use crate::platform::database::{StorageError, StorageResult};
use crate::subscriptions::model::{ChangedOffer, Choices, Frequency, Subscription};

/// How far a subscription's digests have come: the time of the last round that covered it
/// (when the next is due) and the newest history entry it covered (where the next starts).
/// History ids, not times, bound the window: an entry saved in the same second as a round is
/// neither lost nor sent twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marks {
    pub last_sent_at: i64,
    pub seen_change_id: i64,
}

/// A subscription a digest round looks at, with the address its digest goes to.
#[derive(Clone, Debug)]
pub struct DigestSubscription {
    pub subscription: Subscription,
    pub email: String,
    pub marks: Marks,
}

/// A member's subscription as saved from the page.
#[derive(Clone, Copy, Debug)]
pub struct SubscriptionSave<'a> {
    pub account_id: i64,
    pub choices: &'a Choices,
    pub frequency: Frequency,
    pub now: i64,
}

#[async_trait]
pub trait SubscriptionStorage: Send + Sync {
    /// The account's subscription, if it has one.
    async fn subscription_of(&self, account_id: i64) -> StorageResult<Option<Subscription>>;
    /// Creates the account's subscription (its digests start now, after the newest history
    /// entry) or replaces the choices of the one it has (which keeps its marks).
    async fn save_subscription(&self, save: &SubscriptionSave<'_>) -> StorageResult<Subscription>;
    /// Ends the account's subscription; `false` if it had none.
    async fn delete_subscription_of(&self, account_id: i64) -> StorageResult<bool>;
    /// Ends subscription `id` (one-click unsubscribe); `false` if it no longer exists.
    async fn delete_subscription(&self, id: i64) -> StorageResult<bool>;
    /// Every subscription of an active member account.
    async fn digest_subscriptions(&self) -> StorageResult<Vec<DigestSubscription>>;
    /// The id of the newest history entry (0 for none).
    async fn newest_change_id(&self) -> StorageResult<i64>;
    /// Moves subscription `id`'s marks from `from` to `to`, only if they still are `from`:
    /// the claim that keeps two rounds (two instances, or the command beside the server) from
    /// sending one digest twice, and the way back after a failed send.
    async fn move_marks(&self, id: i64, from: Marks, to: Marks) -> StorageResult<bool>;
    /// The active offers with public changes among the history entries after
    /// `after_change_id` up to `up_to_change_id`, oldest change first.
    async fn changed_offers(
        &self,
        after_change_id: i64,
        up_to_change_id: i64,
    ) -> StorageResult<Vec<ChangedOffer>>;
}

#[derive(sqlx::FromRow)]
struct SubscriptionRow {
    id: i64,
    municipalities: String,
    topics: String,
    phases: String,
    frequency: String,
    last_sent_at: i64,
    seen_change_id: i64,
}

impl SubscriptionRow {
    fn into_parts(self) -> StorageResult<(Subscription, Marks)> {
        let choices = Choices::from_codes(&self.municipalities, &self.topics, &self.phases)
            .map_err(|reason| {
                StorageError::Corrupt(format!("subscription {}: {reason}", self.id))
            })?;
        let frequency = Frequency::parse(&self.frequency).ok_or_else(|| {
            StorageError::Corrupt(format!("subscription frequency {:?}", self.frequency))
        })?;
        Ok((
            Subscription {
                id: self.id,
                choices,
                frequency,
                last_sent_at: self.last_sent_at,
            },
            Marks {
                last_sent_at: self.last_sent_at,
                seen_change_id: self.seen_change_id,
            },
        ))
    }
}

const SUBSCRIPTION_COLUMNS: &str =
    "s.id, s.municipalities, s.topics, s.phases, s.frequency, s.last_sent_at, s.seen_change_id";

/// History entries that are no news for a digest: member-only fields, notes on requests and
/// "checked" or "confirmed" marks (nothing a family would see changed).
fn quiet_fields() -> [&'static str; 5] {
    use crate::editing::model::{CHECKED_FIELD, CONFIRMED_FIELD, EditableField, REQUEST_FIELD};
    [
        EditableField::InternalNote.code(),
        EditableField::Contacts.code(),
        REQUEST_FIELD,
        CHECKED_FIELD,
        CONFIRMED_FIELD,
    ]
}

// The implementation for both backends: `store/sql.rs`, compiled once for each.
mod postgres;
mod sqlite;
