//! The database behind one trait, with a SQLite and a PostgreSQL implementation chosen from the
//! database URL. Both run the same SQL; only migrations and the pool type differ. Each feature
//! adds its own storage trait (`<feature>::store`); [`Storage`] is all of them together.

use std::sync::Arc;

use async_trait::async_trait;
use thiserror::Error;

use crate::accounts::store::AccountStorage;
use crate::editing::store::EditStorage;
use crate::import::store::ImportStorage;
use crate::members::store::MemberStorage;
use crate::offers::store::OfferStorage;
use crate::planning::store::PlanningStorage;
use crate::platform::sessions::SessionBackend;
use crate::requests::store::RequestStorage;

#[derive(Debug, Error)]
pub enum StorageError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("unsupported database URL {0:?}: use sqlite:… or postgres://…")]
    UnsupportedUrl(String),
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    /// A unique value is taken; the text says which, in German, for the user.
    #[error("{0}")]
    Duplicate(String),
}

pub type StorageResult<T> = Result<T, StorageError>;

#[async_trait]
pub trait Storage:
    OfferStorage
    + AccountStorage
    + MemberStorage
    + EditStorage
    + ImportStorage
    + RequestStorage
    + PlanningStorage
    + Send
    + Sync
{
    /// The session store on the same database.
    fn session_store(&self) -> SessionBackend;
    /// Brings the schema up to date.
    async fn migrate(&self) -> StorageResult<()>;
}

/// Opens the storage a URL names: `sqlite:path` (the file is created) or `postgres://…`.
pub async fn connect(url: &str) -> StorageResult<Arc<dyn Storage>> {
    if url.starts_with("sqlite:") {
        use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
        use std::str::FromStr;
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(std::time::Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        Ok(Arc::new(SqliteStorage { pool }))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let pool = sqlx::postgres::PgPoolOptions::new()
            .max_connections(10)
            .connect(url)
            .await?;
        Ok(Arc::new(PostgresStorage { pool }))
    } else {
        Err(StorageError::UnsupportedUrl(url.to_string()))
    }
}

/// The storage of one sqlx backend: its pool, sessions and migrations. The SQL of the features
/// is shared between the backends; a macro rather than generic code because sqlx's executor
/// bounds for a generic database are longer than the code itself.
macro_rules! sql_storage {
    ($name:ident, $pool:ty, $migrations:literal) => {
        pub struct $name {
            pool: $pool,
        }

        impl $name {
            pub fn pool(&self) -> &$pool {
                &self.pool
            }
        }

        #[async_trait]
        impl Storage for $name {
            fn session_store(&self) -> SessionBackend {
                SessionBackend::from(self.pool.clone())
            }

            async fn migrate(&self) -> StorageResult<()> {
                sqlx::migrate!($migrations).run(&self.pool).await?;
                Ok(())
            }
        }
    };
}

sql_storage!(SqliteStorage, sqlx::SqlitePool, "../migrations/sqlite");
sql_storage!(PostgresStorage, sqlx::PgPool, "../migrations/postgres");
