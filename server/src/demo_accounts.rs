//! Demo accounts, one per role, so the member and editor views can be tried in demo mode (with
//! `DEMO_DATA`). Each start gives them new random passwords, printed at startup; nothing in the
//! repository opens them. They are refused in a database that holds real offers, and a start
//! without demo mode takes them out of use.

use app::accounts::auth::now;
use app::accounts::model::{Email, Role};
use app::accounts::password::{generate_password, hash_off_the_async_threads};
use app::accounts::store::NewAccount;
use app::platform::database::StorageError;
use app::storage::Storage;

/// A demo account's e-mail address, name and role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoLogin {
    pub email: &'static str,
    pub name: &'static str,
    pub role: Role,
}

/// A demo account ready for this run: its login and this start's password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoAccount {
    pub login: DemoLogin,
    pub password: String,
}

pub const DEMO_ACCOUNTS: [DemoLogin; 3] = [
    DemoLogin {
        email: "mitglied@demo.chancenkarte.invalid",
        name: "Mia Mitglied (Demo)",
        role: Role::Member,
    },
    DemoLogin {
        email: "redaktion@demo.chancenkarte.invalid",
        name: "Robin Redaktion (Demo)",
        role: Role::Editor,
    },
    DemoLogin {
        email: "verwaltung@demo.chancenkarte.invalid",
        name: "Vera Verwaltung (Demo)",
        role: Role::Admin,
    },
];

/// Why the demo accounts were not set up.
#[derive(Debug, thiserror::Error)]
pub enum DemoAccountError {
    #[error(
        "DEMO_DATA ist gesetzt, aber die Datenbank enthält {0} echte Angebote. Demo-Konten mit \
         bekannten Rollen gehören nicht in eine echte Datenbank: bitte DEMO_DATA entfernen oder \
         eine eigene Datenbank für die Demo verwenden."
    )]
    RealOffers(i64),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("{0}")]
    Hashing(String),
}

/// Creates the demo accounts that do not exist yet, gives every one a new random password and
/// makes it active again; answers them with this start's passwords.
pub async fn ensure_demo_accounts(
    storage: &dyn Storage,
) -> Result<Vec<DemoAccount>, DemoAccountError> {
    let real_offers = storage.count_real_offers().await?;
    if real_offers > 0 {
        return Err(DemoAccountError::RealOffers(real_offers));
    }
    let mut accounts = Vec::new();
    for login in DEMO_ACCOUNTS {
        let email = Email::parse(login.email).expect("demo e-mail addresses are valid");
        let password = generate_password();
        let hash = hash_off_the_async_threads(password.clone())
            .await
            .map_err(|error| DemoAccountError::Hashing(error.to_string()))?;
        match storage.account_by_email(&email).await? {
            Some(account) => {
                storage.set_password(account.id, &hash).await?;
                storage.set_active(account.id, true).await?;
            }
            None => {
                storage
                    .create_account(
                        &NewAccount {
                            email,
                            display_name: login.name.to_string(),
                            role: login.role,
                            password_hash: Some(hash),
                        },
                        now(),
                    )
                    .await?;
            }
        }
        accounts.push(DemoAccount { login, password });
    }
    Ok(accounts)
}

/// Takes the demo accounts out of use (a start without demo mode); answers how many were
/// still usable.
pub async fn retire_demo_accounts(storage: &dyn Storage) -> Result<usize, StorageError> {
    let mut retired = 0;
    for login in DEMO_ACCOUNTS {
        let email = Email::parse(login.email).expect("demo e-mail addresses are valid");
        if let Some(account) = storage.account_by_email(&email).await?
            && (account.active || account.password_hash.is_some())
        {
            storage.retire_account(account.id).await?;
            retired += 1;
        }
    }
    Ok(retired)
}
