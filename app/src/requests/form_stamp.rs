//! Signed form stamps: the time a public form was rendered, signed with a server secret, so
//! the minimum fill time of the spam defence cannot be faked by sending an old time.

use sha2::{Digest, Sha256};

/// A random secret for this server process.
pub fn new_secret() -> [u8; 32] {
    let mut secret = [0_u8; 32];
    getrandom::fill(&mut secret).expect("the operating system provides random numbers");
    secret
}

/// The secret shared by all instances behind one address (`FORM_SECRET`): a form rendered by
/// one instance may be sent to another. `None` for a text too short to be a secret.
pub fn shared_secret(text: &str) -> Option<[u8; 32]> {
    let text = text.trim();
    (text.len() >= 16).then(|| Sha256::digest(text.as_bytes()).into())
}

fn signature(secret: &[u8; 32], issued_at: i64) -> String {
    let mut hasher = Sha256::new();
    hasher.update(secret);
    hasher.update(issued_at.to_be_bytes());
    hasher.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The stamp of a form rendered at `now`.
pub fn issue(secret: &[u8; 32], now: i64) -> String {
    format!("{now}.{}", signature(secret, now))
}

/// The time a stamp was issued, if it is one of ours.
pub fn verify(secret: &[u8; 32], stamp: &str) -> Option<i64> {
    let (time, signed) = stamp.trim().split_once('.')?;
    let issued_at: i64 = time.parse().ok()?;
    (signature(secret, issued_at) == signed).then_some(issued_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instances_sharing_a_secret_accept_each_others_stamps() {
        let one = shared_secret("ein langes gemeinsames Geheimnis").unwrap();
        let other = shared_secret(" ein langes gemeinsames Geheimnis\n").unwrap();
        assert_eq!(
            verify(&other, &issue(&one, 1_700_000_000)),
            Some(1_700_000_000)
        );
        assert_ne!(shared_secret("ein anderes langes Geheimnis").unwrap(), one);
        assert_eq!(shared_secret("zu kurz"), None);
    }

    #[test]
    fn stamps_verify_only_unchanged() {
        let secret = new_secret();
        let stamp = issue(&secret, 1_800_000_000);
        assert_eq!(verify(&secret, &stamp), Some(1_800_000_000));
        let forged = stamp.replacen("1800000000", "1700000000", 1);
        assert_eq!(verify(&secret, &forged), None);
        assert_eq!(verify(&new_secret(), &stamp), None);
        assert_eq!(verify(&secret, "kaputt"), None);
    }
}
