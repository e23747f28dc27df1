//! The accounts' storage on one backend (`super::Backend`).

use async_trait::async_trait;

use super::Backend;
use crate::accounts::model::{Email, Role};
use crate::accounts::password::PasswordHash;
use crate::accounts::store::{
    ACCOUNT_COLUMNS, AccountRecord, AccountRow, AccountStorage, NewAccount, ThrottleRow,
    duplicate_or,
};
use crate::platform::database::StorageResult;
use crate::shared::throttle::FailureRecord;

#[async_trait]
impl AccountStorage for Backend {
    async fn create_account(&self, account: &NewAccount, now: i64) -> StorageResult<i64> {
        sqlx::query_scalar(
            "INSERT INTO accounts (email, display_name, role, password_hash, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(account.email.as_str())
        .bind(&account.display_name)
        .bind(account.role.code())
        .bind(
            account
                .password_hash
                .as_ref()
                .map(|h| h.as_stored().to_string()),
        )
        .bind(now)
        .fetch_one(self.pool())
        .await
        .map_err(|e| duplicate_or(e, "Für diese E-Mail-Adresse gibt es schon ein Konto."))
    }

    async fn account_by_email(&self, email: &Email) -> StorageResult<Option<AccountRecord>> {
        let row: Option<AccountRow> = sqlx::query_as(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE email = $1"
        ))
        .bind(email.as_str())
        .fetch_optional(self.pool())
        .await?;
        row.map(AccountRecord::try_from).transpose()
    }

    async fn account_by_id(&self, id: i64) -> StorageResult<Option<AccountRecord>> {
        let row: Option<AccountRow> = sqlx::query_as(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        row.map(AccountRecord::try_from).transpose()
    }

    async fn list_accounts(&self) -> StorageResult<Vec<AccountRecord>> {
        let rows: Vec<AccountRow> = sqlx::query_as(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts ORDER BY display_name, id"
        ))
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(AccountRecord::try_from).collect()
    }

    async fn count_accounts(&self) -> StorageResult<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
            .fetch_one(self.pool())
            .await?)
    }

    async fn set_password(&self, id: i64, hash: &PasswordHash) -> StorageResult<()> {
        sqlx::query(
            "UPDATE accounts SET password_hash = $1, session_generation = session_generation + 1 \
             WHERE id = $2",
        )
        .bind(hash.as_stored())
        .bind(id)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn set_role(&self, id: i64, role: Role) -> StorageResult<()> {
        sqlx::query("UPDATE accounts SET role = $1 WHERE id = $2")
            .bind(role.code())
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn set_active(&self, id: i64, active: bool) -> StorageResult<()> {
        sqlx::query(
            "UPDATE accounts SET active = $1, \
             session_generation = session_generation + CASE WHEN $1 THEN 0 ELSE 1 END WHERE id = $2",
        )
        .bind(active)
        .bind(id)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn retire_account(&self, id: i64) -> StorageResult<()> {
        sqlx::query(
            "UPDATE accounts SET active = FALSE, password_hash = NULL, \
             session_generation = session_generation + 1 WHERE id = $1",
        )
        .bind(id)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn record_login(&self, id: i64, now: i64) -> StorageResult<()> {
        sqlx::query("UPDATE accounts SET last_login_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn create_invitation(
        &self,
        account_id: i64,
        token_hash: &str,
        created_by: Option<i64>,
        expires_at: i64,
    ) -> StorageResult<()> {
        let mut tx = self.pool().begin().await?;
        sqlx::query("DELETE FROM invitations WHERE account_id = $1 AND used_at IS NULL")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO invitations (token_hash, account_id, created_by, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(created_by)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn invited_account(
        &self,
        token_hash: &str,
        now: i64,
    ) -> StorageResult<Option<AccountRecord>> {
        let row: Option<AccountRow> = sqlx::query_as(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = (SELECT account_id FROM invitations \
             WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2)"
        ))
        .bind(token_hash)
        .bind(now)
        .fetch_optional(self.pool())
        .await?;
        row.map(AccountRecord::try_from).transpose()
    }

    async fn accept_invitation(
        &self,
        token_hash: &str,
        hash: &PasswordHash,
        now: i64,
    ) -> StorageResult<Option<i64>> {
        let mut tx = self.pool().begin().await?;
        // Marking the invitation used first makes a second, concurrent use find nothing.
        let account_id: Option<i64> = sqlx::query_scalar(
            "UPDATE invitations SET used_at = $1 \
             WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING account_id",
        )
        .bind(now)
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(account_id) = account_id else {
            return Ok(None);
        };
        sqlx::query(
            "UPDATE accounts SET password_hash = $1, session_generation = session_generation + 1 \
             WHERE id = $2",
        )
        .bind(hash.as_stored())
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(account_id))
    }

    async fn failure_record(&self, key: &str) -> StorageResult<FailureRecord> {
        let row: Option<ThrottleRow> = sqlx::query_as(
            "SELECT failures, last_failure, locked_until FROM login_throttle WHERE throttle_key = $1",
        )
        .bind(key)
        .fetch_optional(self.pool())
        .await?;
        Ok(row
            .map(|row| FailureRecord {
                failures: u32::try_from(row.failures).unwrap_or(u32::MAX),
                last_failure: row.last_failure,
                locked_until: row.locked_until,
            })
            .unwrap_or_default())
    }

    async fn change_failure_record(
        &self,
        key: &str,
        change: &(dyn Fn(FailureRecord) -> Option<FailureRecord> + Send + Sync),
    ) -> StorageResult<FailureRecord> {
        let mut tx = self.pool().begin().await?;
        // A write first: it locks the row (PostgreSQL) or the database (SQLite) until the
        // commit, so parallel attempts for one key are counted one after the other.
        let row: ThrottleRow = sqlx::query_as(
            "INSERT INTO login_throttle (throttle_key, failures, last_failure, locked_until) \
             VALUES ($1, 0, 0, 0) ON CONFLICT (throttle_key) DO UPDATE SET \
             failures = login_throttle.failures \
             RETURNING failures, last_failure, locked_until",
        )
        .bind(key)
        .fetch_one(&mut *tx)
        .await?;
        let before = FailureRecord {
            failures: u32::try_from(row.failures).unwrap_or(u32::MAX),
            last_failure: row.last_failure,
            locked_until: row.locked_until,
        };
        if let Some(after) = change(before) {
            sqlx::query(
                "UPDATE login_throttle SET failures = $2, last_failure = $3, locked_until = $4 \
                 WHERE throttle_key = $1",
            )
            .bind(key)
            .bind(i64::from(after.failures))
            .bind(after.last_failure)
            .bind(after.locked_until)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(before)
    }

    async fn clear_failure_record(&self, key: &str) -> StorageResult<()> {
        sqlx::query("DELETE FROM login_throttle WHERE throttle_key = $1")
            .bind(key)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn prune_failure_records(&self, before: i64) -> StorageResult<u64> {
        let done =
            sqlx::query("DELETE FROM login_throttle WHERE last_failure < $1 AND locked_until < $1")
                .bind(before)
                .execute(self.pool())
                .await?;
        Ok(done.rows_affected())
    }
}
