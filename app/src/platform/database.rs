//! The database connection: a SQLite or a PostgreSQL pool chosen from the database URL, with
//! its sessions and migrations. Each feature implements its own storage trait
//! (`<feature>::store`) for both with the same SQL; `crate::storage` joins them.

use thiserror::Error;

use crate::platform::sessions::SessionBackend;

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

/// An opened database: the backend its URL names.
pub enum Database {
    Sqlite(SqliteStorage),
    Postgres(PostgresStorage),
}

/// Opens the database a URL names: `sqlite:path` (the file is created) or `postgres://…`.
pub async fn open(url: &str) -> StorageResult<Database> {
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
        Ok(Database::Sqlite(SqliteStorage { pool }))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let pool = sqlx::postgres::PgPoolOptions::new()
            .max_connections(10)
            .connect(url)
            .await?;
        Ok(Database::Postgres(PostgresStorage { pool }))
    } else {
        Err(StorageError::UnsupportedUrl(url.to_string()))
    }
}

/// The storage of one sqlx backend: its pool, sessions and migrations. Each feature implements
/// its store trait for both in `<feature>/store/sql.rs`, one SQL text compiled once per backend.
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

        impl $name {
            /// The session store on the same database.
            pub fn session_store(&self) -> SessionBackend {
                SessionBackend::from(self.pool.clone())
            }

            /// Brings the schema up to date.
            pub async fn migrate(&self) -> StorageResult<()> {
                sqlx::migrate!($migrations).run(&self.pool).await?;
                Ok(())
            }
        }
    };
}

sql_storage!(SqliteStorage, sqlx::SqlitePool, "../migrations/sqlite");
sql_storage!(PostgresStorage, sqlx::PgPool, "../migrations/postgres");
