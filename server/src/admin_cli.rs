//! `server create-admin`: creates an admin account from the command line, the way the first
//! admin comes into being.

use std::io::IsTerminal;

use app::accounts::auth::now;
use app::accounts::model::{DisplayName, Email, NewPassword, Role};
use app::accounts::password::{PasswordHash, generate_password};
use app::accounts::store::NewAccount;
use app::storage::Storage;

/// What went wrong, in words for the person at the terminal.
#[derive(Debug, thiserror::Error)]
pub enum CreateAdminError {
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Storage(#[from] app::platform::database::StorageError),
    #[error("Eingabe nicht lesbar: {0}")]
    Io(#[from] std::io::Error),
}

/// The password: typed twice on a terminal (hidden), or generated when there is none.
/// Returns the password and whether it was generated (and must be shown).
fn choose_password() -> Result<(String, bool), CreateAdminError> {
    if !std::io::stdin().is_terminal() {
        return Ok((generate_password(), true));
    }
    let first = rpassword::prompt_password("Passwort (leer lassen zum Erzeugen): ")?;
    if first.is_empty() {
        return Ok((generate_password(), true));
    }
    let second = rpassword::prompt_password("Passwort wiederholen: ")?;
    let password =
        NewPassword::parse(&first, &second).map_err(|e| CreateAdminError::Invalid(e.0))?;
    Ok((password.expose().to_string(), false))
}

/// Creates the admin account and returns the generated password, if one was generated.
pub async fn create_admin(
    storage: &dyn Storage,
    email: &str,
    name: &str,
) -> Result<Option<String>, CreateAdminError> {
    let email = Email::parse(email).map_err(|e| CreateAdminError::Invalid(e.0))?;
    let name = DisplayName::parse(name).map_err(|e| CreateAdminError::Invalid(e.0))?;
    if storage.account_by_email(&email).await?.is_some() {
        return Err(CreateAdminError::Invalid(format!(
            "Für {email} gibt es schon ein Konto; Rollen ändert die Verwaltung unter /verwaltung."
        )));
    }
    let (password, generated) = choose_password()?;
    let hash = PasswordHash::new(&password);
    storage
        .create_account(
            &NewAccount {
                email,
                display_name: name.as_str().to_string(),
                role: Role::Admin,
                password_hash: Some(hash),
            },
            now(),
        )
        .await?;
    Ok(generated.then_some(password))
}
