//! The signed one-click unsubscribe token of a subscription: its id and an HMAC-SHA256 of it
//! under the server's form secret. Whoever holds the mail may end that one subscription;
//! nobody can make the token of another one.

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// What is signed: a purpose prefix, so a signature made for anything else under the same
/// secret can never pass as an unsubscribe token.
fn mac(secret: &[u8; 32], subscription_id: i64) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(b"chancenkarte/abbestellen/v1:");
    mac.update(&subscription_id.to_be_bytes());
    mac
}

/// The token for `subscription_id`: `<id>.<64 hex digits>`.
pub fn issue(secret: &[u8; 32], subscription_id: i64) -> String {
    let tag = mac(secret, subscription_id).finalize().into_bytes();
    let hex: String = tag.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{subscription_id}.{hex}")
}

/// The subscription a token names, if it was signed with `secret` and is unchanged. The
/// comparison takes the same time however much of the signature is right.
pub fn verify(secret: &[u8; 32], token: &str) -> Option<i64> {
    let (id, hex) = token.trim().split_once('.')?;
    // Only the canonical form: no sign, no leading zeros, so one subscription has one token.
    if id.is_empty() || id.starts_with(['0', '+', '-']) || hex.len() != 64 {
        return None;
    }
    let subscription_id: i64 = id.parse().ok()?;
    let tag = decode_hex(hex)?;
    mac(secret, subscription_id)
        .verify_slice(&tag)
        .ok()
        .map(|()| subscription_id)
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&hex[at..at + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: [u8; 32] = [7; 32];

    #[test]
    fn a_token_names_its_subscription_and_only_that_one() {
        let token = issue(&SECRET, 42);
        assert_eq!(verify(&SECRET, &token), Some(42));
        assert_eq!(verify(&SECRET, &format!(" {token}\n")), Some(42));
        // Another id with this signature, or this id under another secret: refused.
        let (_, signature) = token.split_once('.').unwrap();
        assert_eq!(verify(&SECRET, &format!("43.{signature}")), None);
        assert_eq!(verify(&SECRET, &format!("042.{signature}")), None);
        assert_eq!(verify(&[8; 32], &token), None);
        assert_ne!(issue(&SECRET, 43), token);
    }

    #[test]
    fn anything_that_is_not_a_whole_token_is_refused() {
        let token = issue(&SECRET, 5);
        let mut flipped = token.clone().into_bytes();
        let last = flipped.len() - 1;
        flipped[last] = if flipped[last] == b'0' { b'1' } else { b'0' };
        for bad in [
            String::from_utf8(flipped).unwrap(),
            token[..token.len() - 2].to_string(),
            token.to_uppercase(),
            format!("{token}00"),
            "5".into(),
            ".".into(),
            "".into(),
            "-5.00".into(),
            "x.ü".into(),
            format!("99999999999999999999.{}", &token[2..]),
        ] {
            assert_eq!(verify(&SECRET, &bad), None, "{bad:?}");
        }
    }
}
