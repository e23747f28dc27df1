//! Login sessions, stored in the application's database through `tower-sessions` (so several
//! server instances share them), and the cookie settings.

use async_trait::async_trait;
use tower_sessions::cookie::SameSite;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion};
use tower_sessions::{Expiry, SessionManagerLayer, SessionStore};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// The session cookie's name.
pub const COOKIE_NAME: &str = "chancenkarte_sitzung";

/// A session ends after this long without a request …
pub const IDLE_TIMEOUT_SECS: i64 = 2 * 60 * 60;
/// … and at the latest this long after login, however active it was.
pub const ABSOLUTE_TIMEOUT_SECS: i64 = 12 * 60 * 60;

/// The session store of the database the application runs on.
#[derive(Clone, Debug)]
pub enum SessionBackend {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl From<sqlx::SqlitePool> for SessionBackend {
    fn from(pool: sqlx::SqlitePool) -> Self {
        SessionBackend::Sqlite(SqliteStore::new(pool))
    }
}

impl From<sqlx::PgPool> for SessionBackend {
    fn from(pool: sqlx::PgPool) -> Self {
        SessionBackend::Postgres(PostgresStore::new(pool))
    }
}

impl SessionBackend {
    /// Creates the session table if it is missing.
    pub async fn migrate(&self) -> sqlx::Result<()> {
        match self {
            SessionBackend::Sqlite(store) => store.migrate().await,
            SessionBackend::Postgres(store) => store.migrate().await,
        }
    }
}

#[async_trait]
impl SessionStore for SessionBackend {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            SessionBackend::Sqlite(store) => store.create(record).await,
            SessionBackend::Postgres(store) => store.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            SessionBackend::Sqlite(store) => store.save(record).await,
            SessionBackend::Postgres(store) => store.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            SessionBackend::Sqlite(store) => store.load(id).await,
            SessionBackend::Postgres(store) => store.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            SessionBackend::Sqlite(store) => store.delete(id).await,
            SessionBackend::Postgres(store) => store.delete(id).await,
        }
    }
}

#[async_trait]
impl ExpiredDeletion for SessionBackend {
    async fn delete_expired(&self) -> session_store::Result<()> {
        match self {
            SessionBackend::Sqlite(store) => store.delete_expired().await,
            SessionBackend::Postgres(store) => store.delete_expired().await,
        }
    }
}

/// The session layer: an HttpOnly, SameSite=Lax cookie, Secure unless `secure` is off (plain
/// http for local use only), ending after [`IDLE_TIMEOUT_SECS`] without a request.
pub fn session_layer(store: SessionBackend, secure: bool) -> SessionManagerLayer<SessionBackend> {
    SessionManagerLayer::new(store)
        .with_name(COOKIE_NAME)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(
            tower_sessions::cookie::time::Duration::seconds(IDLE_TIMEOUT_SECS),
        ))
}
