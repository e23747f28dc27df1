//! The Merkliste: the offers a visitor marked, kept on the device only (`localStorage`, as
//! comma-separated ids), and its shareable form `/auswahl?angebote=1,2,3`. Plain code shared
//! by the server (parsing the URL, the hand-over e-mail) and the map island (the device list).
//!
//! Nothing here is about a family: the list holds offer ids, the hand-over e-mail carries a
//! fixed German template and the offer's public data.

/// At most this many offers form one selection (a URL stays short, a hand-out a few pages).
pub const MAX_SELECTED: usize = 50;

/// The `localStorage` key of the device's list; `public/js/merkliste.js` reads the same.
pub const STORAGE_KEY: &str = "chancenkarte-merkliste";

/// The query parameter of `/auswahl` and `/drucken` naming the offers.
pub const PARAM: &str = "angebote";

/// Reads a list of offer ids as written in the URL and in storage: positive whole numbers
/// apart by commas, each once (a repeated id is taken once, in its first place). An empty text
/// is the empty list. Anything else is refused with a German reason.
pub fn parse_ids(text: &str) -> Result<Vec<i64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids = Vec::new();
    for part in text.split(',') {
        let part = part.trim();
        let id = part
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0 && part.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| {
                format!(
                    "„{}“ ist keine Angebotsnummer: angebote erwartet Nummern, durch Kommas getrennt (z. B. angebote=12,57).",
                    shorten(part)
                )
            })?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if ids.len() > MAX_SELECTED {
        return Err(format!(
            "Zu viele Angebote: eine Auswahl hat höchstens {MAX_SELECTED} Angebote, diese hat {}.",
            ids.len()
        ));
    }
    Ok(ids)
}

/// A value quoted in an error message, cut so a long input does not fill the page.
fn shorten(text: &str) -> String {
    let short: String = text.chars().filter(|c| !c.is_control()).take(20).collect();
    if short.chars().count() < text.chars().count() {
        format!("{short}…")
    } else {
        short
    }
}

/// The ids as the URL and storage write them: `1,2,3`.
pub fn ids_text(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// The selection page of `ids`.
pub fn selection_path(ids: &[i64]) -> String {
    format!("/auswahl?{PARAM}={}", ids_text(ids))
}

/// Where an offer's "Merken" link leads without the map's script: the selection page, which
/// adds it to the device's list.
pub fn add_path(id: i64) -> String {
    format!("/auswahl?{PARAM}={id}&hinzu=1")
}

/// `ids` with `id` added at the end, or taken out if it was there; at most [`MAX_SELECTED`]
/// (the oldest give way).
pub fn toggled(ids: &[i64], id: i64) -> Vec<i64> {
    if ids.contains(&id) {
        return ids.iter().copied().filter(|other| *other != id).collect();
    }
    let mut ids = ids.to_vec();
    ids.push(id);
    let excess = ids.len().saturating_sub(MAX_SELECTED);
    ids.drain(..excess);
    ids
}

/// The device's list, read through `gloo-storage`; what is not an id is skipped. (Not
/// [`parse_ids`]: its German reasons would only add to the browser's Wasm.)
#[cfg(feature = "hydrate")]
pub fn stored_ids() -> Vec<i64> {
    use gloo_storage::Storage as _;
    let text = gloo_storage::LocalStorage::raw()
        .get_item(STORAGE_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut ids: Vec<i64> = Vec::new();
    for id in text
        .split(',')
        .filter_map(|part| part.trim().parse::<i64>().ok())
    {
        if id > 0 && !ids.contains(&id) {
            ids.push(id);
        }
    }
    let excess = ids.len().saturating_sub(MAX_SELECTED);
    ids.drain(..excess);
    ids
}

/// Stores the device's list and tells the page's other parts (the header's count, kept by
/// `merkliste.js`) with a `merkliste` event. Storage may be refused (private mode): the page
/// still shows the state for this visit.
#[cfg(feature = "hydrate")]
pub fn store_ids(ids: &[i64]) {
    use gloo_storage::Storage as _;
    _ = gloo_storage::LocalStorage::raw().set_item(STORAGE_KEY, &ids_text(ids));
    if let Ok(event) = web_sys::Event::new("merkliste") {
        _ = leptos::prelude::window().dispatch_event(&event);
    }
}

/// An e-mail address fit to stand in a `mailto:` link as it is: one `@`, a local part of
/// letters, digits and `. _ + -`, a domain of such labels. Anything that could end the
/// address or start a header (`?`, `&`, `%`, `,`, spaces, line breaks) is refused.
pub fn safe_email(email: &str) -> Option<&str> {
    let email = email.trim();
    let (local, domain) = email.split_once('@')?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-'));
    let domain_ok = domain.len() <= 253
        && domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    (local_ok && domain_ok).then_some(email)
}

/// Percent-encodes `text` for a `mailto:` header value (RFC 6068): everything but the
/// unreserved characters, as UTF-8 bytes; line breaks become `%0D%0A`.
pub fn mailto_encode(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\n', "\r\n");
    let mut encoded = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// The public facts of an offer a hand-over names: nothing about the family.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoverOffer {
    pub name: String,
    pub organization: String,
    pub town: String,
}

/// The German subject and body of the warm hand-over e-mail to an offer's contact person.
pub fn handover_text(offer: &HandoverOffer) -> (String, String) {
    let subject = format!("Eine Familie meldet sich bei Ihnen: {}", offer.name);
    let body = format!(
        "Guten Tag,\n\n\
         eine Familie aus {town} oder Umgebung wird sich in den nächsten Tagen bei Ihnen melden. \
         Ich habe sie im Rahmen des Netzwerks auf Ihr Angebot „{name}“ ({organization}) \
         hingewiesen.\n\n\
         Die Familie meldet sich selbst; ihre Angaben teilt sie Ihnen dann mit.\n\n\
         Mit freundlichen Grüßen\n",
        town = offer.town,
        name = offer.name,
        organization = offer.organization,
    );
    (subject, body)
}

/// The `mailto:` link of a hand-over to `email` about `offer`, or `None` if the address is not
/// one that can stand in such a link safely.
pub fn handover_mailto(email: &str, offer: &HandoverOffer) -> Option<String> {
    let email = safe_email(email)?;
    let (subject, body) = handover_text(offer);
    Some(format!(
        "mailto:{email}?subject={}&body={}",
        mailto_encode(&subject),
        mailto_encode(&body)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_strictly() {
        assert_eq!(parse_ids("107,164"), Ok(vec![107, 164]));
        assert_eq!(parse_ids(" 3 , 1,3 "), Ok(vec![3, 1]));
        assert_eq!(parse_ids(""), Ok(vec![]));
        for bad in [
            "a",
            "1,,2",
            "-4",
            "0",
            "+5",
            "1;2",
            "1.5",
            "99999999999999999999",
        ] {
            let error = parse_ids(bad).unwrap_err();
            assert!(error.contains("keine Angebotsnummer"), "{bad}: {error}");
        }
        let many = (1..=51)
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(",");
        assert!(parse_ids(&many).unwrap_err().contains("höchstens 50"));
        let long = "x".repeat(500);
        assert!(parse_ids(&long).unwrap_err().chars().count() < 200);
    }

    #[test]
    fn toggling_adds_at_the_end_and_removes() {
        assert_eq!(toggled(&[1, 2], 3), vec![1, 2, 3]);
        assert_eq!(toggled(&[1, 2, 3], 2), vec![1, 3]);
        let full: Vec<i64> = (1..=50).collect();
        let next = toggled(&full, 51);
        assert_eq!(next.len(), 50);
        assert_eq!((next[0], next[49]), (2, 51));
        assert_eq!(selection_path(&[4, 9]), "/auswahl?angebote=4,9");
        assert_eq!(add_path(4), "/auswahl?angebote=4&hinzu=1");
    }

    #[test]
    fn only_plain_addresses_go_into_a_mailto_link() {
        assert_eq!(
            safe_email(" erika.b-1@beispiel.invalid "),
            Some("erika.b-1@beispiel.invalid")
        );
        for bad in [
            "erika@beispiel.invalid?bcc=x@y.de",
            "erika@beispiel.invalid&body=x",
            "erika@beispiel.invalid\r\nBcc: x@y.de",
            "a,b@beispiel.invalid",
            "erika%40x@beispiel.invalid",
            "erika@localhost",
            "@beispiel.invalid",
            "erika@",
            "erika beispiel@beispiel.invalid",
            "",
        ] {
            assert_eq!(safe_email(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_hand_over_link_is_encoded_and_names_no_family() {
        let offer = HandoverOffer {
            name: "Babytreff & Café „Mitte“".into(),
            organization: "Familienzentrum".into(),
            town: "Dülmen".into(),
        };
        let link = handover_mailto("treff@beispiel.invalid", &offer).unwrap();
        assert!(link.starts_with("mailto:treff@beispiel.invalid?subject="));
        let query = &link[link.find('?').unwrap() + 1..];
        assert_eq!(query.matches('&').count(), 1, "{link}");
        assert!(!link.contains(' ') && !link.contains('\n'), "{link}");
        assert!(link.contains("D%C3%BClmen"), "{link}");
        assert!(link.contains("%26%20Caf%C3%A9"), "{link}");
        assert!(link.contains("%0D%0A"), "{link}");
        assert_eq!(handover_mailto("x@y.de?cc=z@y.de", &offer), None);
        let (_, body) = handover_text(&offer);
        assert!(
            body.contains("Eine Familie aus Dülmen") || body.contains("eine Familie aus Dülmen")
        );
    }
}
