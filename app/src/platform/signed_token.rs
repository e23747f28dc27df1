//! Tokens for links in mails: an id and an HMAC-SHA256 under the server's form secret over a
//! purpose, the id and what the link is bound to (`<id>.<64 hex digits>`). The purpose keeps a
//! token made for one kind of link from passing as another; the binding (an organisation and
//! an expiry, say) keeps a stored link's token from surviving a change of what it stands for.

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

fn mac(secret: &[u8; 32], purpose: &str, id: i64, bound: &[u8]) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(purpose.as_bytes());
    mac.update(&id.to_be_bytes());
    mac.update(bound);
    mac
}

/// The token of `id` for `purpose`, bound to `bound`.
pub fn issue(secret: &[u8; 32], purpose: &str, id: i64, bound: &[u8]) -> String {
    let tag = mac(secret, purpose, id, bound).finalize().into_bytes();
    let hex: String = tag.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{id}.{hex}")
}

/// A token taken apart, not yet checked: the id it names and its signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unchecked {
    pub id: i64,
    tag: Vec<u8>,
}

impl Unchecked {
    /// The canonical form only (no sign, no leading zeros, 64 lower-case hex digits), so one
    /// id has one token.
    pub fn parse(token: &str) -> Option<Unchecked> {
        let (id, hex) = token.trim().split_once('.')?;
        if id.is_empty() || id.starts_with(['0', '+', '-']) || hex.len() != 64 {
            return None;
        }
        Some(Unchecked {
            id: id.parse().ok()?,
            tag: decode_hex(hex)?,
        })
    }

    /// Whether it was signed with `secret` for `purpose` and `bound`. The comparison takes the
    /// same time however much of the signature is right.
    pub fn is_signed(&self, secret: &[u8; 32], purpose: &str, bound: &[u8]) -> bool {
        mac(secret, purpose, self.id, bound)
            .verify_slice(&self.tag)
            .is_ok()
    }
}

/// The id a token names, if it was signed with `secret` for `purpose` and `bound`.
pub fn verify(secret: &[u8; 32], purpose: &str, token: &str, bound: &[u8]) -> Option<i64> {
    Unchecked::parse(token)
        .filter(|unchecked| unchecked.is_signed(secret, purpose, bound))
        .map(|unchecked| unchecked.id)
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
    fn a_token_holds_only_for_its_purpose_id_and_binding() {
        let token = issue(&SECRET, "a:", 42, b"x");
        assert_eq!(verify(&SECRET, "a:", &token, b"x"), Some(42));
        assert_eq!(verify(&SECRET, "b:", &token, b"x"), None);
        assert_eq!(verify(&SECRET, "a:", &token, b"y"), None);
        assert_eq!(verify(&[8; 32], "a:", &token, b"x"), None);
        let (_, signature) = token.split_once('.').unwrap();
        assert_eq!(
            verify(&SECRET, "a:", &format!("43.{signature}"), b"x"),
            None
        );
        assert_eq!(Unchecked::parse(&format!("042.{signature}")), None);
        assert_eq!(Unchecked::parse(&token).unwrap().id, 42);
    }
}
