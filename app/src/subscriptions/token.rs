//! The signed one-click unsubscribe token of a subscription: its id and an HMAC-SHA256 of it
//! under the server's form secret. Whoever holds the mail may end that one subscription;
//! nobody can make the token of another one.

use crate::platform::signed_token;

/// What is signed besides the id: a purpose prefix, so a signature made for anything else
/// under the same secret can never pass as an unsubscribe token.
const PURPOSE: &str = "chancenkarte/abbestellen/v1:";

/// The token for `subscription_id`: `<id>.<64 hex digits>`.
pub fn issue(secret: &[u8; 32], subscription_id: i64) -> String {
    signed_token::issue(secret, PURPOSE, subscription_id, &[])
}

/// The subscription a token names, if it was signed with `secret` and is unchanged.
pub fn verify(secret: &[u8; 32], token: &str) -> Option<i64> {
    signed_token::verify(secret, PURPOSE, token, &[])
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
