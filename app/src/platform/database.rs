//! The database connection: a SQLite or a PostgreSQL pool chosen from the database URL, with
//! its sessions and migrations. Each feature implements its own storage trait
//! (`<feature>::store`) for both with the same SQL; `crate::storage` joins them.

use thiserror::Error;

use crate::platform::changes::ChangeCounter;
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
        Ok(Database::Sqlite(SqliteStorage::new(pool)))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let pool = sqlx::postgres::PgPoolOptions::new()
            .max_connections(10)
            .connect(url)
            .await?;
        Ok(Database::Postgres(PostgresStorage::new(pool)))
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
            public_changes: std::sync::Arc<ChangeCounter>,
        }

        impl $name {
            fn new(pool: $pool) -> Self {
                $name {
                    pool,
                    public_changes: Default::default(),
                }
            }

            pub fn pool(&self) -> &$pool {
                &self.pool
            }

            /// The counter this storage's writes bump after each commit that changes public
            /// data.
            pub fn public_changes(&self) -> std::sync::Arc<ChangeCounter> {
                self.public_changes.clone()
            }

            /// Says, after a commit, that public data changed (see [`ChangeCounter`]).
            pub(crate) fn public_data_changed(&self) {
                self.public_changes.bump();
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

/// Why a backup or a restore did not happen, in words for the person at the terminal.
#[derive(Debug, Error)]
pub enum BackupError {
    #[error(
        "Sicherungen einer PostgreSQL-Datenbank macht pg_dump (siehe README, „Sicherung“): \
         pg_dump --format=custom --file=DATEI \"$DATABASE_URL\""
    )]
    Postgres,
    #[error("{0} gibt es schon: eine Sicherung überschreibt nichts.")]
    TargetExists(String),
    #[error(
        "Die Datenbank {0} ist nicht leer: zurückgespielt wird nur in eine neue Datenbank. \
         Bitte die alte Datei erst beiseitelegen (Server vorher anhalten)."
    )]
    NotEmpty(String),
    #[error("{0} ist keine lesbare Sicherung der Chancenkarte: {1}")]
    NotABackup(String, String),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("Datei: {0}")]
    Io(#[from] std::io::Error),
}

impl From<sqlx::Error> for BackupError {
    fn from(error: sqlx::Error) -> Self {
        BackupError::Storage(StorageError::Database(error))
    }
}

/// The file a `sqlite:` URL names.
fn sqlite_file(url: &str) -> Result<std::path::PathBuf, BackupError> {
    use std::str::FromStr;
    if !url.starts_with("sqlite:") {
        return Err(BackupError::Postgres);
    }
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(url)?;
    Ok(options.get_filename().to_path_buf())
}

/// Checks that `file` is an intact SQLite database with the Chancenkarte's migrations.
async fn check_backup(file: &std::path::Path) -> Result<(), BackupError> {
    use sqlx::ConnectOptions;
    let shown = file.display().to_string();
    let not_a_backup = |reason: String| BackupError::NotABackup(shown.clone(), reason);
    let mut connection = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .connect()
        .await
        .map_err(|error| not_a_backup(error.to_string()))?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut connection)
        .await
        .map_err(|error| not_a_backup(error.to_string()))?;
    if integrity != "ok" {
        return Err(not_a_backup(integrity));
    }
    let migrations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(&mut connection)
        .await
        .map_err(|_| not_a_backup("ohne Tabellenstand (_sqlx_migrations)".into()))?;
    if migrations == 0 {
        return Err(not_a_backup("ohne Tabellenstand (_sqlx_migrations)".into()));
    }
    Ok(())
}

/// `server backup --to FILE`: a consistent copy of the SQLite database at `url`, taken while
/// the server keeps running (SQLite's `VACUUM INTO` reads one snapshot), then checked.
/// Answers the copy's size in bytes.
pub async fn backup_sqlite(url: &str, to: &std::path::Path) -> Result<u64, BackupError> {
    use sqlx::ConnectOptions;
    use std::str::FromStr;
    sqlite_file(url)?;
    if to.exists() {
        return Err(BackupError::TargetExists(to.display().to_string()));
    }
    let mut connection = sqlx::sqlite::SqliteConnectOptions::from_str(url)?
        .busy_timeout(std::time::Duration::from_secs(30))
        .connect()
        .await?;
    sqlx::query("VACUUM INTO $1")
        .bind(to.to_string_lossy().to_string())
        .execute(&mut connection)
        .await?;
    check_backup(to).await?;
    Ok(std::fs::metadata(to)?.len())
}

/// `server restore --from FILE`: puts a checked backup in place of the SQLite database at
/// `url`, which must not exist yet (or be empty), and brings its schema up to date.
pub async fn restore_sqlite(url: &str, from: &std::path::Path) -> Result<(), BackupError> {
    let target = sqlite_file(url)?;
    check_backup(from).await?;
    if std::fs::metadata(&target).is_ok_and(|meta| meta.len() > 0) {
        return Err(BackupError::NotEmpty(target.display().to_string()));
    }
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    // Copied beside the target and renamed: a restore cut short leaves no half database.
    let partial = target.with_extension("wiederherstellung");
    std::fs::copy(from, &partial)?;
    std::fs::rename(&partial, &target)?;
    if let Database::Sqlite(storage) = open(url).await? {
        storage.migrate().await?;
    }
    Ok(())
}
