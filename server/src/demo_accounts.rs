//! Demo accounts, one per role, created only in demo mode (with `DEMO_DATA`), so the member
//! and editor views can be tried. Their passwords are fixed and printed at startup; a
//! production start (without demo data) never creates them.

use app::accounts::auth::now;
use app::accounts::model::{Email, Role};
use app::accounts::password::PasswordHash;
use app::accounts::store::NewAccount;
use app::platform::database::StorageError;
use app::storage::Storage;

/// A demo account's e-mail address, password and role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoAccount {
    pub email: &'static str,
    pub name: &'static str,
    pub password: &'static str,
    pub role: Role,
}

pub const DEMO_ACCOUNTS: [DemoAccount; 3] = [
    DemoAccount {
        email: "mitglied@demo.chancenkarte.invalid",
        name: "Mia Mitglied (Demo)",
        password: "demo-mitglied-2026",
        role: Role::Member,
    },
    DemoAccount {
        email: "redaktion@demo.chancenkarte.invalid",
        name: "Robin Redaktion (Demo)",
        password: "demo-redaktion-2026",
        role: Role::Editor,
    },
    DemoAccount {
        email: "verwaltung@demo.chancenkarte.invalid",
        name: "Vera Verwaltung (Demo)",
        password: "demo-verwaltung-2026",
        role: Role::Admin,
    },
];

/// Creates the demo accounts that do not exist yet and returns all of them.
pub async fn ensure_demo_accounts(storage: &dyn Storage) -> Result<Vec<DemoAccount>, StorageError> {
    for demo in DEMO_ACCOUNTS {
        let email = Email::parse(demo.email).expect("demo e-mail addresses are valid");
        if storage.account_by_email(&email).await?.is_none() {
            storage
                .create_account(
                    &NewAccount {
                        email,
                        display_name: demo.name.to_string(),
                        role: demo.role,
                        password_hash: Some(PasswordHash::new(demo.password)),
                    },
                    now(),
                )
                .await?;
        }
    }
    Ok(DEMO_ACCOUNTS.to_vec())
}
