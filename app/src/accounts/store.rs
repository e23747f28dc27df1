//! Storage of accounts, invitations and login throttling. Implemented for both backends with
//! the same SQL, like the offer storage.

use async_trait::async_trait;

use crate::accounts::model::{Email, Role};
use crate::accounts::password::PasswordHash;
use crate::platform::database::{StorageError, StorageResult};
use crate::shared::throttle::FailureRecord;

/// An account as stored. The password hash stays on the server (it is not serialisable).
#[derive(Clone, Debug, PartialEq)]
pub struct AccountRecord {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub password_hash: Option<PasswordHash>,
    pub active: bool,
    pub session_generation: i64,
    pub created_at: i64,
    pub last_login_at: Option<i64>,
}

impl AccountRecord {
    /// Invited, but no password chosen yet.
    pub fn is_pending(&self) -> bool {
        self.password_hash.is_none()
    }
}

#[derive(Clone, Debug)]
pub struct NewAccount {
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    pub password_hash: Option<PasswordHash>,
}

#[async_trait]
pub trait AccountStorage: Send + Sync {
    /// Creates an account; [`StorageError::Duplicate`] if the e-mail address is taken.
    async fn create_account(&self, account: &NewAccount, now: i64) -> StorageResult<i64>;
    async fn account_by_email(&self, email: &Email) -> StorageResult<Option<AccountRecord>>;
    async fn account_by_id(&self, id: i64) -> StorageResult<Option<AccountRecord>>;
    /// All accounts, by name.
    async fn list_accounts(&self) -> StorageResult<Vec<AccountRecord>>;
    async fn count_accounts(&self) -> StorageResult<i64>;
    /// Sets a new password and ends the account's other sessions.
    async fn set_password(&self, id: i64, hash: &PasswordHash) -> StorageResult<()>;
    async fn set_role(&self, id: i64, role: Role) -> StorageResult<()>;
    /// (De)activates an account; deactivation ends its sessions.
    async fn set_active(&self, id: i64, active: bool) -> StorageResult<()>;
    /// Takes an account out of use for good: deactivated, without a password, its sessions
    /// ended. Kept as a row, because the history names who changed what.
    async fn retire_account(&self, id: i64) -> StorageResult<()>;
    async fn record_login(&self, id: i64, now: i64) -> StorageResult<()>;

    /// Stores a new invitation for an account, replacing its unused earlier ones.
    async fn create_invitation(
        &self,
        account_id: i64,
        token_hash: &str,
        created_by: Option<i64>,
        expires_at: i64,
    ) -> StorageResult<()>;
    /// The account of an unused, unexpired invitation.
    async fn invited_account(
        &self,
        token_hash: &str,
        now: i64,
    ) -> StorageResult<Option<AccountRecord>>;
    /// Uses an invitation to set the password, once: `None` if it is unknown, used or expired.
    async fn accept_invitation(
        &self,
        token_hash: &str,
        hash: &PasswordHash,
        now: i64,
    ) -> StorageResult<Option<i64>>;

    async fn failure_record(&self, key: &str) -> StorageResult<FailureRecord>;
    /// Changes the failure record of `key` in one step no parallel request can come between:
    /// `change` gets the record as it is and answers the new one (`None` leaves it). Answers
    /// the record as it was.
    async fn change_failure_record(
        &self,
        key: &str,
        change: &(dyn Fn(FailureRecord) -> Option<FailureRecord> + Send + Sync),
    ) -> StorageResult<FailureRecord>;
    async fn clear_failure_record(&self, key: &str) -> StorageResult<()>;
    /// Forgets the failure counts (and so the client addresses in their keys) last touched
    /// before `before` and no longer locking anyone out; answers how many went.
    async fn prune_failure_records(&self, before: i64) -> StorageResult<u64>;
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    email: String,
    display_name: String,
    role: String,
    password_hash: Option<String>,
    active: bool,
    session_generation: i64,
    created_at: i64,
    last_login_at: Option<i64>,
}

impl TryFrom<AccountRow> for AccountRecord {
    type Error = StorageError;

    fn try_from(row: AccountRow) -> StorageResult<AccountRecord> {
        Ok(AccountRecord {
            role: Role::parse(&row.role)
                .ok_or_else(|| StorageError::Corrupt(format!("unknown role {:?}", row.role)))?,
            id: row.id,
            email: row.email,
            display_name: row.display_name,
            password_hash: row.password_hash.map(PasswordHash::from_stored),
            active: row.active,
            session_generation: row.session_generation,
            created_at: row.created_at,
            last_login_at: row.last_login_at,
        })
    }
}

#[derive(sqlx::FromRow)]
struct ThrottleRow {
    failures: i64,
    last_failure: i64,
    locked_until: i64,
}

const ACCOUNT_COLUMNS: &str = "id, email, display_name, role, password_hash, active, \
     session_generation, created_at, last_login_at";

fn duplicate_or(error: sqlx::Error, what: &str) -> StorageError {
    match &error {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            StorageError::Duplicate(what.to_string())
        }
        _ => StorageError::Database(error),
    }
}

// The implementation for both backends: `store/sql.rs`, compiled once for each.
mod postgres;
mod sqlite;
