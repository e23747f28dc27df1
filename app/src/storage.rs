//! All features' stores on one database: the composition the server starts from. [`Storage`]
//! is every feature's store trait together; [`feature_parts`] hands each feature its own store
//! through the application state, so features and the platform never depend on this module.

use std::sync::Arc;

use async_trait::async_trait;

use crate::accounts::store::AccountStorage;
use crate::confirmations::store::ConfirmationStorage;
use crate::editing::store::EditStorage;
use crate::import::store::ImportStorage;
use crate::members::store::MemberStorage;
use crate::offers::read_model::PublicReadModel;
use crate::offers::store::OfferStorage;
use crate::planning::store::PlanningStorage;
use crate::platform::changes::ChangeCounter;
use crate::platform::database::{self, Database, PostgresStorage, SqliteStorage, StorageResult};
use crate::platform::sessions::SessionBackend;
use crate::platform::state::FeatureParts;
use crate::requests::store::RequestStorage;
use crate::subscriptions::store::SubscriptionStorage;

#[async_trait]
pub trait Storage:
    OfferStorage
    + AccountStorage
    + MemberStorage
    + EditStorage
    + ImportStorage
    + RequestStorage
    + PlanningStorage
    + SubscriptionStorage
    + ConfirmationStorage
    + Send
    + Sync
{
    /// The session store on the same database.
    fn session_store(&self) -> SessionBackend;
    /// Brings the schema up to date.
    async fn migrate(&self) -> StorageResult<()>;
    /// The counter every write bumps after a commit that changes public data.
    fn public_changes(&self) -> Arc<ChangeCounter>;
    /// Lets the counter also follow the commits of other processes on the same database
    /// (PostgreSQL: `LISTEN`; a SQLite database has one process).
    fn follow_other_instances(&self);
}

#[async_trait]
impl Storage for SqliteStorage {
    fn session_store(&self) -> SessionBackend {
        SqliteStorage::session_store(self)
    }

    async fn migrate(&self) -> StorageResult<()> {
        SqliteStorage::migrate(self).await
    }

    fn public_changes(&self) -> Arc<ChangeCounter> {
        SqliteStorage::public_changes(self)
    }

    fn follow_other_instances(&self) {}
}

#[async_trait]
impl Storage for PostgresStorage {
    fn session_store(&self) -> SessionBackend {
        PostgresStorage::session_store(self)
    }

    async fn migrate(&self) -> StorageResult<()> {
        PostgresStorage::migrate(self).await
    }

    fn public_changes(&self) -> Arc<ChangeCounter> {
        PostgresStorage::public_changes(self)
    }

    fn follow_other_instances(&self) {
        crate::platform::changes::listen_for_public_changes(
            self.pool().clone(),
            self.public_changes(),
        );
    }
}

/// Opens the storage a URL names: `sqlite:path` (the file is created) or `postgres://…`.
pub async fn connect(url: &str) -> StorageResult<Arc<dyn Storage>> {
    Ok(match database::open(url).await? {
        Database::Sqlite(storage) => Arc::new(storage),
        Database::Postgres(storage) => Arc::new(storage),
    })
}

/// The public read model over the offers' store, renewed after each change to public data.
pub fn public_read_model(storage: &Arc<dyn Storage>) -> Arc<PublicReadModel> {
    Arc::new(PublicReadModel::new(
        storage.clone(),
        storage.public_changes(),
    ))
}

/// Each feature's store, as the features ask for it (`state.features.get::<dyn OfferStorage>()`),
/// and the public read model.
pub fn feature_parts(storage: &Arc<dyn Storage>, public: Arc<PublicReadModel>) -> FeatureParts {
    FeatureParts::default()
        .with(public)
        .with::<dyn OfferStorage>(storage.clone())
        .with::<dyn AccountStorage>(storage.clone())
        .with::<dyn MemberStorage>(storage.clone())
        .with::<dyn EditStorage>(storage.clone())
        .with::<dyn ImportStorage>(storage.clone())
        .with::<dyn RequestStorage>(storage.clone())
        .with::<dyn PlanningStorage>(storage.clone())
        .with::<dyn SubscriptionStorage>(storage.clone())
        .with::<dyn ConfirmationStorage>(storage.clone())
}
