//! Server functions of the account administration (role `admin`): list accounts, invite
//! members, change roles, deactivate and reactivate.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::accounts::model::Role;
use crate::shared::codec::JsonResult;
use crate::shared::error::AppError;

/// An account as the administration lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub active: bool,
    /// Invited, no password chosen yet.
    pub pending: bool,
    /// Unix seconds.
    pub last_login_at: Option<i64>,
}

/// A new invitation: the path of its one-time link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub account_id: i64,
    pub path: String,
}

/// Every account.
#[server(name = ListAccounts, prefix = "/api", endpoint = "verwaltung/konten", input = GetUrl, output = JsonResult)]
pub async fn list_accounts() -> Result<Vec<AccountView>, AppError> {
    Ok(crate::accounts::service::accounts()
        .await?
        .into_iter()
        .map(|a| AccountView {
            pending: a.is_pending(),
            id: a.id,
            name: a.display_name,
            email: a.email,
            role: a.role,
            active: a.active,
            last_login_at: a.last_login_at,
        })
        .collect())
}

/// Invites a person: creates the account (or renews the invitation of one not yet accepted)
/// and returns the one-time link, valid for seven days.
#[server(name = InviteMember, prefix = "/api", endpoint = "verwaltung/einladen")]
pub async fn invite_member(
    email: String,
    name: String,
    role: String,
) -> Result<Invitation, AppError> {
    let result = crate::accounts::service::invite(&email, &name, &role).await;
    reply_on_admin_page(result).await
}

/// Answers an administration action: back to `/verwaltung` with the note (a form post), or
/// the value (a call from code).
#[cfg(feature = "ssr")]
async fn reply_on_admin_page<T>(
    result: Result<(T, String), crate::platform::error::AppError>,
) -> Result<T, AppError> {
    use crate::accounts::auth::{FormReply, reply};
    let (result, note) = match result {
        Ok((value, note)) => (Ok(value), Some(note)),
        Err(error) => (Err(error), None),
    };
    reply(
        result,
        FormReply {
            success_to: "/verwaltung",
            success_note: note,
            failure_to: "/verwaltung",
        },
    )
    .await
}

/// Changes an account's role.
#[server(name = SetRole, prefix = "/api", endpoint = "verwaltung/rolle")]
pub async fn set_role(account_id: i64, role: String) -> Result<(), AppError> {
    let result = crate::accounts::service::set_role(account_id, &role)
        .await
        .map(|note| ((), note));
    reply_on_admin_page(result).await
}

/// Deactivates (`active = false`, ending its sessions at once) or reactivates an account.
#[server(name = SetActive, prefix = "/api", endpoint = "verwaltung/aktiv")]
pub async fn set_active(account_id: i64, active: bool) -> Result<(), AppError> {
    let result = crate::accounts::service::set_active(account_id, active)
        .await
        .map(|note| ((), note));
    reply_on_admin_page(result).await
}
