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
    use crate::accounts::invitations::{INVITATION_VALID_SECS, invitation_path, new_token};
    use crate::accounts::model::{DisplayName, Email};
    use crate::accounts::store::NewAccount;
    use crate::platform::auth::{now, require};
    let result = async {
        let admin = require(Role::Admin).await?;
        let email = Email::parse(&email)?;
        let name = DisplayName::parse(&name)?;
        let role = Role::parse(&role)
            .ok_or_else(|| AppError::Invalid("Bitte wählen Sie eine Rolle.".into()))?;
        let storage = crate::platform::state::app_state()?.storage;
        let account_id = match storage.account_by_email(&email).await? {
            Some(existing) if existing.is_pending() => existing.id,
            Some(_) => {
                return Err(AppError::Conflict(
                    "Für diese E-Mail-Adresse gibt es schon ein Konto.".into(),
                ));
            }
            None => {
                storage
                    .create_account(
                        &NewAccount {
                            email,
                            display_name: name.as_str().to_string(),
                            role,
                            password_hash: None,
                        },
                        now(),
                    )
                    .await?
            }
        };
        let (token, token_hash) = new_token();
        storage
            .create_invitation(
                account_id,
                &token_hash,
                Some(admin.id),
                now() + INVITATION_VALID_SECS,
            )
            .await?;
        tracing::info!(admin = admin.id, account = account_id, "invitation created");
        let path = invitation_path(&token);
        let note = format!(
            "Einladung erstellt. Bitte senden Sie diesen Link (7 Tage gültig, nur einmal nutzbar): {path}"
        );
        Ok((Invitation { account_id, path }, note))
    }
    .await;
    reply_on_admin_page(result).await
}

/// Answers an administration action: back to `/verwaltung` with the note (a form post), or
/// the value (a call from code).
#[cfg(feature = "ssr")]
async fn reply_on_admin_page<T>(
    result: Result<(T, String), crate::platform::error::AppError>,
) -> Result<T, AppError> {
    use crate::platform::auth::{FormReply, reply};
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

/// Checks that an admin may change `account_id`: it exists and is not the admin's own account
/// (no admin can lock themselves out).
#[cfg(feature = "ssr")]
async fn changeable_account(
    admin: &crate::accounts::store::AccountRecord,
    account_id: i64,
) -> Result<crate::accounts::store::AccountRecord, crate::platform::error::AppError> {
    if admin.id == account_id {
        return Err(AppError::Invalid(
            "Ihr eigenes Konto können Sie hier nicht ändern; bitten Sie eine andere Person der Verwaltung."
                .into(),
        ));
    }
    crate::platform::state::app_state()?
        .storage
        .account_by_id(account_id)
        .await?
        .ok_or_else(|| AppError::NotFound("Dieses Konto gibt es nicht.".into()))
}

/// Changes an account's role.
#[server(name = SetRole, prefix = "/api", endpoint = "verwaltung/rolle")]
pub async fn set_role(account_id: i64, role: String) -> Result<(), AppError> {
    use crate::platform::auth::require;
    let result = async {
        let admin = require(Role::Admin).await?;
        let role = Role::parse(&role)
            .ok_or_else(|| AppError::Invalid("Diese Rolle gibt es nicht.".into()))?;
        let account = changeable_account(&admin, account_id).await?;
        crate::platform::state::app_state()?
            .storage
            .set_role(account.id, role)
            .await?;
        tracing::info!(
            admin = admin.id,
            account = account.id,
            role = role.code(),
            "role changed"
        );
        let note = format!(
            "{} hat jetzt die Rolle „{}“.",
            account.display_name,
            role.label()
        );
        Ok(((), note))
    }
    .await;
    reply_on_admin_page(result).await
}

/// Deactivates (`active = false`, ending its sessions at once) or reactivates an account.
#[server(name = SetActive, prefix = "/api", endpoint = "verwaltung/aktiv")]
pub async fn set_active(account_id: i64, active: bool) -> Result<(), AppError> {
    use crate::platform::auth::require;
    let result = async {
        let admin = require(Role::Admin).await?;
        let account = changeable_account(&admin, account_id).await?;
        crate::platform::state::app_state()?
            .storage
            .set_active(account.id, active)
            .await?;
        tracing::info!(
            admin = admin.id,
            account = account.id,
            active,
            "account (de)activated"
        );
        let note = if active {
            format!("{} ist wieder aktiv.", account.display_name)
        } else {
            format!(
                "{} ist deaktiviert; alle Sitzungen sind beendet.",
                account.display_name
            )
        };
        Ok(((), note))
    }
    .await;
    reply_on_admin_page(result).await
}
