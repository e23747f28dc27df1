//! The accounts' operations behind their checks: one's own password, accepting an invitation,
//! and the administration (list, invite, role, active) for admins.

use crate::accounts::auth::{now, require};
use crate::accounts::invitations::InvitationToken;
use crate::accounts::model::Role;
use crate::accounts::store::{AccountRecord, AccountStorage};
use crate::platform::state::app_state;
use crate::shared::error::AppError;
use crate::shared::throttle::ThrottlePolicy;

/// The accounts' store of the running application.
pub fn store() -> Result<std::sync::Arc<dyn AccountStorage>, AppError> {
    app_state()?.part()
}

/// Every account, for admins.
pub async fn accounts() -> Result<Vec<AccountRecord>, AppError> {
    require(Role::Admin).await?;
    Ok(store()?.list_accounts().await?)
}

/// The account an invitation link's `token` stands for, while the invitation is valid.
pub async fn invited_account(token: &str) -> Result<Option<AccountRecord>, AppError> {
    let Some(token) = InvitationToken::parse(token) else {
        return Ok(None);
    };
    Ok(store()?.invited_account(&token.hash(), now()).await?)
}

/// Changes the signed-in account's password; its other sessions end.
pub async fn change_password(
    current_password: &str,
    new_password: &str,
    repeat_password: &str,
) -> Result<(), AppError> {
    use crate::accounts::auth::renew_session;
    use crate::accounts::model::NewPassword;
    use crate::accounts::password::{hash_off_the_async_threads, verify_off_the_async_threads};
    let account = require(Role::Member).await?;
    // Guessing the current password of a signed-in session is throttled like a login.
    let attempt =
        Attempt::start(format!("passwort:{}", account.id), ThrottlePolicy::ACCOUNT).await?;
    let current_ok = match account.password_hash.clone() {
        Some(hash) => verify_off_the_async_threads(hash, current_password.to_string()).await?,
        None => false,
    };
    if !current_ok {
        return Err(AppError::Invalid(
            "Das bisherige Passwort ist nicht richtig.".into(),
        ));
    }
    attempt.succeeded_for_good().await?;
    let new_password = NewPassword::parse(new_password, repeat_password)?;
    let hash = hash_off_the_async_threads(new_password.expose().to_string()).await?;
    let storage = store()?;
    storage.set_password(account.id, &hash).await?;
    let updated = storage
        .account_by_id(account.id)
        .await?
        .ok_or_else(|| AppError::Internal("account vanished".into()))?;
    renew_session(&updated).await
}

/// One throttled attempt under a key. It is counted as a failure before the work is done, in
/// one step with the lock check, so parallel requests cannot all pass the check before the
/// first failure is written; an attempt that turns out right is taken back.
pub struct Attempt {
    key: String,
    policy: ThrottlePolicy,
    storage: std::sync::Arc<dyn AccountStorage>,
}

impl Attempt {
    /// Counts an attempt under `key`, or refuses it while the key is locked.
    pub async fn start(key: String, policy: ThrottlePolicy) -> Result<Attempt, AppError> {
        Attempt::start_in(store()?, key, policy).await
    }

    /// [`Attempt::start`] for handlers outside Leptos, with the accounts' store at hand.
    pub async fn start_in(
        storage: std::sync::Arc<dyn AccountStorage>,
        key: String,
        policy: ThrottlePolicy,
    ) -> Result<Attempt, AppError> {
        let started = now();
        let before = storage
            .change_failure_record(&key, &move |record| {
                policy
                    .wait_secs(&record, started)
                    .is_none()
                    .then(|| policy.after_failure(&record, started))
            })
            .await?;
        if let Some(wait) = policy.wait_secs(&before, started) {
            return Err(AppError::Throttled(wait));
        }
        Ok(Attempt {
            key,
            policy,
            storage,
        })
    }

    /// The attempt was right: it no longer counts as a failure.
    pub async fn succeeded(self) -> Result<(), AppError> {
        let policy = self.policy;
        self.storage
            .change_failure_record(&self.key, &move |record| {
                Some(policy.after_success(&record))
            })
            .await?;
        Ok(())
    }

    /// The attempt was right and ends the key's earlier failures too (a right password).
    pub async fn succeeded_for_good(self) -> Result<(), AppError> {
        Ok(self.storage.clear_failure_record(&self.key).await?)
    }
}

/// Sets the password of an invited account through its one-time invitation link.
pub async fn accept_invitation(
    token: &str,
    new_password: &str,
    repeat_password: &str,
) -> Result<(), AppError> {
    use crate::accounts::model::NewPassword;
    use crate::accounts::password::hash_off_the_async_threads;
    let refused = || {
        AppError::NotFound(
            "Diese Einladung ist ungültig, abgelaufen oder schon benutzt. Bitte bitten Sie die Verwaltung um eine neue."
                .into(),
        )
    };
    // Nothing is hashed for a token that cannot be one, and guessing is throttled per address.
    let token = InvitationToken::parse(token).ok_or_else(refused)?;
    let address = crate::accounts::auth::client_address();
    let attempt = Attempt::start(format!("einladung:{address}"), ThrottlePolicy::ADDRESS).await?;
    let new_password = NewPassword::parse(new_password, repeat_password)?;
    let storage = store()?;
    if storage
        .invited_account(&token.hash(), now())
        .await?
        .is_none()
    {
        return Err(refused());
    }
    attempt.succeeded().await?;
    let hash = hash_off_the_async_threads(new_password.expose().to_string()).await?;
    match storage
        .accept_invitation(&token.hash(), &hash, now())
        .await?
    {
        Some(_) => Ok(()),
        None => Err(refused()),
    }
}

/// Invites a person, for admins: creates the account (or renews the invitation of one not yet
/// accepted); the one-time link and the note for the admin.
pub async fn invite(
    email: &str,
    name: &str,
    role: &str,
) -> Result<(crate::accounts::admin_endpoints::Invitation, String), AppError> {
    use crate::accounts::admin_endpoints::Invitation;
    use crate::accounts::invitations::{INVITATION_VALID_SECS, invitation_path, new_token};
    use crate::accounts::model::{DisplayName, Email};
    use crate::accounts::store::NewAccount;
    let admin = require(Role::Admin).await?;
    let email = Email::parse(email)?;
    let name = DisplayName::parse(name)?;
    let role = Role::parse(role)
        .ok_or_else(|| AppError::Invalid("Bitte wählen Sie eine Rolle.".into()))?;
    let storage = store()?;
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

/// Checks that an admin may change `account_id`: it exists and is not the admin's own account
/// (no admin can lock themselves out); with the storage to change it in.
async fn changeable_account(
    admin: &AccountRecord,
    account_id: i64,
) -> Result<(AccountRecord, std::sync::Arc<dyn AccountStorage>), AppError> {
    if admin.id == account_id {
        return Err(AppError::Invalid(
            "Ihr eigenes Konto können Sie hier nicht ändern; bitten Sie eine andere Person der Verwaltung."
                .into(),
        ));
    }
    let storage = store()?;
    let account = storage
        .account_by_id(account_id)
        .await?
        .ok_or_else(|| AppError::NotFound("Dieses Konto gibt es nicht.".into()))?;
    Ok((account, storage))
}

/// Changes an account's role, for admins; the note for the admin.
pub async fn set_role(account_id: i64, role: &str) -> Result<String, AppError> {
    let admin = require(Role::Admin).await?;
    let role =
        Role::parse(role).ok_or_else(|| AppError::Invalid("Diese Rolle gibt es nicht.".into()))?;
    let (account, storage) = changeable_account(&admin, account_id).await?;
    storage.set_role(account.id, role).await?;
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
    Ok(note)
}

/// Deactivates (ending its sessions at once) or reactivates an account, for admins; the note.
pub async fn set_active(account_id: i64, active: bool) -> Result<String, AppError> {
    let admin = require(Role::Admin).await?;
    let (account, storage) = changeable_account(&admin, account_id).await?;
    storage.set_active(account.id, active).await?;
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
    Ok(note)
}
