//! Invitation tokens: random, sent once as a link, stored only as their SHA-256 hash (a
//! database leak does not reveal usable links).

use sha2::{Digest, Sha256};

/// How long an invitation link stays valid.
pub const INVITATION_VALID_SECS: i64 = 7 * 24 * 60 * 60;

/// A new token (URL-safe, 256 random bits) and the hash to store.
pub fn new_token() -> (String, String) {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system provides random numbers");
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let hash = hash_token(&token);
    (token, hash)
}

/// The stored form of a token.
pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.trim().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The path of an invitation's page.
pub fn invitation_path(token: &str) -> String {
    format!("/einladung/{token}")
}

/// A token as this site issues them: 64 lower-case hex digits. Anything else is no invitation
/// and is refused before any work (a hash, a lookup, a redirect) is done for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvitationToken(String);

impl InvitationToken {
    pub fn parse(text: &str) -> Option<InvitationToken> {
        let text = text.trim();
        (text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            .then(|| InvitationToken(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The stored form of this token.
    pub fn hash(&self) -> String {
        hash_token(&self.0)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_tokens_of_the_issued_form_are_parsed() {
        let (token, hash) = new_token();
        let parsed = InvitationToken::parse(&format!(" {token} ")).unwrap();
        assert_eq!(parsed.hash(), hash);
        assert_eq!(parsed.as_str(), token);
        for bad in [
            "",
            "abc",
            &token[..63],
            &format!("{token}0"),
            &token.to_uppercase(),
            &format!("{}\t{}", &token[..32], &token[33..]),
        ] {
            assert_eq!(InvitationToken::parse(bad), None, "{bad:?}");
        }
    }

    use super::*;

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (token, hash) = new_token();
        assert_eq!(token.len(), 64);
        assert_ne!(token, hash);
        assert_eq!(hash_token(&token), hash);
        assert_ne!(new_token().0, token);
    }
}
