//! Reads of the account administration and of invitations, behind their checks: the list of
//! accounts for admins, and the account an invitation link stands for.

use crate::accounts::invitations::hash_token;
use crate::accounts::model::Role;
use crate::accounts::store::AccountRecord;
use crate::platform::auth::{now, require};
use crate::platform::state::app_state;
use crate::shared::error::AppError;

/// Every account, for admins.
pub async fn accounts() -> Result<Vec<AccountRecord>, AppError> {
    require(Role::Admin).await?;
    Ok(app_state()?.storage.list_accounts().await?)
}

/// The account an invitation link's `token` stands for, while the invitation is valid.
pub async fn invited_account(token: &str) -> Result<Option<AccountRecord>, AppError> {
    Ok(app_state()?
        .storage
        .invited_account(&hash_token(token), now())
        .await?)
}
