//! Reading query strings and forms taken as name–value pairs (`Query<Vec<(String, String)>>`,
//! `Form<Vec<(String, String)>>`), where a name may come more than once.

/// Name–value pairs in the order they came.
pub type Pairs = Vec<(String, String)>;

/// The first value of `key`.
pub fn first<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(name, _)| name == key)
        .map(|(_, value)| value.as_str())
}

/// The first value of `key` unless it is blank.
pub fn first_filled<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    first(pairs, key).filter(|value| !value.trim().is_empty())
}

/// Every value of `key`, in order.
pub fn all<'a>(pairs: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(name, _)| name == key)
        .map(|(_, value)| value.as_str())
        .collect()
}

/// Encodes query pairs as `application/x-www-form-urlencoded` text, without the leading '?'.
pub fn encode_query<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    fn encode(text: &str, out: &mut String) {
        for byte in text.bytes() {
            match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    out.push(byte as char)
                }
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{byte:02X}")),
            }
        }
    }
    let mut out = String::new();
    for (i, (key, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode(key.as_ref(), &mut out);
        out.push('=');
        encode(value.as_ref(), &mut out);
    }
    out
}

/// Decodes `application/x-www-form-urlencoded` text (with or without a leading '?') into pairs;
/// '+' is a space, malformed escapes are kept as they are, invalid UTF-8 is replaced.
pub fn decode_query(raw: &str) -> Vec<(String, String)> {
    fn decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < bytes.len() => {
                    let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                    match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                        Some(byte) => {
                            out.push(byte);
                            i += 2;
                        }
                        None => out.push(b'%'),
                    }
                }
                byte => out.push(byte),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    raw.trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) => (decode(key), decode(value)),
            None => (decode(pair), String::new()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Pairs {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn first_takes_the_earliest_value() {
        let query = pairs(&[("a", "1"), ("b", "2"), ("a", "3")]);
        assert_eq!(first(&query, "a"), Some("1"));
        assert_eq!(first(&query, "c"), None);
        assert_eq!(all(&query, "a"), vec!["1", "3"]);
    }

    #[test]
    fn blank_values_are_not_filled() {
        let query = pairs(&[("q", "  "), ("r", "x")]);
        assert_eq!(first(&query, "q"), Some("  "));
        assert_eq!(first_filled(&query, "q"), None);
        assert_eq!(first_filled(&query, "r"), Some("x"));
    }
}
