//! Password hashing with Argon2id. The hash type can be stored and compared but neither
//! serialised nor printed, so it cannot end up in a response or a log line.

use std::fmt;

use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Argon2, PasswordHash as ParsedHash};

use crate::shared::error::AppError;

/// A stored Argon2id hash in PHC string form.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl PasswordHash {
    /// Hashes `password` with a fresh random salt and Argon2's recommended parameters.
    pub fn new(password: &str) -> PasswordHash {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        let hash = Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .expect("Argon2 with default parameters accepts any password and salt");
        PasswordHash(hash.to_string())
    }

    /// A hash read back from storage.
    pub fn from_stored(phc: String) -> PasswordHash {
        PasswordHash(phc)
    }

    pub fn as_stored(&self) -> &str {
        &self.0
    }

    /// Whether `password` is the one this hash was made from. A malformed stored hash never
    /// matches.
    pub fn verify(&self, password: &str) -> bool {
        match ParsedHash::new(&self.0) {
            Ok(parsed) => Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok(),
            Err(_) => false,
        }
    }
}

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(…)")
    }
}

/// Hashes `password` on the blocking pool: Argon2 takes tens of milliseconds of CPU, which
/// must not stall the async workers serving everyone else.
pub async fn hash_off_the_async_threads(password: String) -> Result<PasswordHash, AppError> {
    tokio::task::spawn_blocking(move || PasswordHash::new(&password))
        .await
        .map_err(|error| AppError::Internal(format!("password hashing: {error}")))
}

/// Checks `password` against `hash` on the blocking pool (see [`hash_off_the_async_threads`]).
pub async fn verify_off_the_async_threads(
    hash: PasswordHash,
    password: String,
) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || hash.verify(&password))
        .await
        .map_err(|error| AppError::Internal(format!("password check: {error}")))
}

/// Spends the time of one verification, so a login for an unknown e-mail address takes as long
/// as one with a wrong password (no account enumeration by timing).
pub fn verify_against_nothing(password: &str) {
    static DUMMY: std::sync::OnceLock<PasswordHash> = std::sync::OnceLock::new();
    let dummy = DUMMY.get_or_init(|| PasswordHash::new("kein Konto mit dieser Adresse"));
    let _ = dummy.verify(password);
}

/// A random password for generated accounts (first admin, demo accounts): 20 characters from
/// an alphabet without look-alikes.
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0_u8; 20];
    getrandom::fill(&mut bytes).expect("the operating system provides random numbers");
    bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifies_the_right_password_only() {
        let hash = PasswordHash::new("ein langes Passwort");
        assert!(hash.as_stored().starts_with("$argon2id$"));
        assert!(hash.verify("ein langes Passwort"));
        assert!(!hash.verify("ein langes passwort"));
        assert!(!hash.verify(""));
    }

    #[test]
    fn the_same_password_gets_different_salts() {
        assert_ne!(
            PasswordHash::new("gleich gleich"),
            PasswordHash::new("gleich gleich")
        );
    }

    #[test]
    fn hashes_are_never_printed() {
        let hash = PasswordHash::new("geheim geheim");
        assert_eq!(format!("{hash:?}"), "PasswordHash(…)");
    }

    #[test]
    fn malformed_stored_hashes_never_match() {
        assert!(!PasswordHash::from_stored("kaputt".to_string()).verify("kaputt"));
    }

    #[test]
    fn generated_passwords_are_long_and_differ() {
        let (a, b) = (generate_password(), generate_password());
        assert_eq!(a.chars().count(), 20);
        assert_ne!(a, b);
    }
}
