//! Sending mail through the SMTP server `SMTP_URL` names (lettre on the server's tokio
//! runtime, TLS with rustls): checking the settings at start, one digest as a plain-text
//! message with the one-click unsubscribe headers of RFC 8058, and plain messages of other
//! features (an institution's confirmation link).

use lettre::message::Mailbox;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::subscriptions::model::Digest;

/// How long one SMTP conversation may take before the round gives up on it (and tries again
/// next round).
const SMTP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// The way out: an SMTP server and the sender's address.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    // The transport holds the SMTP credentials: never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

/// Whether a host is this machine (where plain SMTP without TLS is harmless).
fn is_loopback(host: &url::Host<&str>) -> bool {
    match host {
        // `smtp:` is no special scheme to the URL parser: an IP address stays a name.
        url::Host::Domain(name) => {
            *name == "localhost"
                || name
                    .trim_matches(['[', ']'])
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
        url::Host::Ipv4(ip) => ip.is_loopback(),
        url::Host::Ipv6(ip) => ip.is_loopback(),
    }
}

impl Mailer {
    /// The mailer of `smtp_url` (`smtp://127.0.0.1:2525`, `smtps://user:pass@host`,
    /// `smtp://user:pass@host?tls=required`) sending as `from` (`Name <address>` or an
    /// address); the German reason if either is no such thing. The reason never repeats the
    /// URL, which may hold a password.
    pub fn new(smtp_url: &str, from: &str) -> Result<Mailer, String> {
        const FORMS: &str = "smtps://benutzer:passwort@host, smtp://benutzer:passwort@host?tls=required \
                             oder smtp://127.0.0.1:2525 für einen Server auf diesem Rechner";
        let refused = |why: &str| {
            format!("SMTP_URL ist keine gültige SMTP-Adresse ({why}); erwartet: {FORMS}.")
        };
        let url = url::Url::parse(smtp_url.trim()).map_err(|error| refused(&error.to_string()))?;
        let host = url
            .host()
            .filter(|host| *host != url::Host::Domain(""))
            .ok_or_else(|| refused("kein Rechnername"))?;
        let tls = url
            .query_pairs()
            .find(|(key, _)| key == "tls")
            .map(|(_, value)| value.into_owned());
        match (url.scheme(), tls.as_deref()) {
            ("smtps", None) | ("smtp", None | Some("required" | "opportunistic")) => {}
            ("smtp" | "smtps", Some(other)) => {
                return Err(refused(&format!(
                    "tls={other} gibt es nicht, nur tls=required"
                )));
            }
            (scheme, _) => return Err(refused(&format!("Schema „{scheme}“"))),
        }
        if url.scheme() == "smtp" && tls.is_none() && !is_loopback(&host) {
            // Allowed (a relay inside a closed network), but the operator should know.
            tracing::warn!(
                "SMTP_URL sends mail without TLS to another machine; use smtps:// or ?tls=required"
            );
        }
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url.trim())
            .map_err(|error| refused(&error.to_string()))?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        let from: Mailbox = from.trim().parse().map_err(|_| {
            format!(
                "MAIL_FROM „{}“ ist keine Absenderadresse (Beispiel: Chancenkarte <karte@example.de>).",
                from.trim()
            )
        })?;
        Ok(Mailer { transport, from })
    }

    /// The sender, for the log and the privacy page.
    pub fn sender(&self) -> &Mailbox {
        &self.from
    }

    /// The message of a digest to `to`: plain text, marked as sent automatically, with
    /// `List-Unsubscribe` (the signed address) and `List-Unsubscribe-Post` (RFC 8058: mail
    /// programs may end the subscription with one POST, without opening a page).
    pub fn digest_message(
        &self,
        to: &str,
        digest: &Digest,
        unsubscribe_url: &str,
    ) -> Result<Message, String> {
        self.automatic(to, &digest.subject)?
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{unsubscribe_url}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_string(),
            ))
            .body(digest.body.clone())
            .map_err(|error| format!("message not built: {error}"))
    }

    /// A plain-text message to `to` that is no digest (a confirmation link), marked as sent
    /// automatically.
    pub fn plain_message(&self, to: &str, subject: &str, body: &str) -> Result<Message, String> {
        self.automatic(to, subject)?
            .body(body.to_string())
            .map_err(|error| format!("message not built: {error}"))
    }

    /// The start of every message this site sends: sender, recipient, subject, a Message-ID of
    /// its own (random, at this host: mail without one looks like spam), plain text, and
    /// `Auto-Submitted` (RFC 3834: no out-of-office replies).
    fn automatic(
        &self,
        to: &str,
        subject: &str,
    ) -> Result<lettre::message::MessageBuilder, String> {
        let to: Mailbox = to
            .parse()
            .map_err(|error| format!("recipient address not usable: {error}"))?;
        Ok(Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .message_id(None)
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Auto-Submitted"),
                "auto-generated".to_string(),
            ))
            .header(ContentType::TEXT_PLAIN))
    }

    /// Hands `message` to the SMTP server.
    pub async fn send(&self, message: Message) -> Result<(), String> {
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|error| error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn only_smtp_addresses_are_taken_and_a_password_is_never_repeated() {
        let from = "Chancenkarte <karte@example.de>";
        for good in [
            "smtp://127.0.0.1:2525",
            "smtps://nutzer:geheim@mail.example.de",
            "smtp://nutzer:geheim@mail.example.de:587?tls=required",
        ] {
            assert!(Mailer::new(good, from).is_ok(), "{good}");
        }
        for bad in [
            "http://nutzer:geheim@mail.example.de",
            "smtp://nutzer:geheim@mail.example.de?tls=vielleicht",
            "nutzer:geheim",
            "smtp:///ohne-host",
            "",
        ] {
            let reason = Mailer::new(bad, from).unwrap_err();
            assert!(reason.starts_with("SMTP_URL"), "{reason}");
            assert!(!reason.contains("geheim"), "{reason}");
        }
        let reason = Mailer::new("smtp://127.0.0.1:2525", "kein Absender").unwrap_err();
        assert!(reason.starts_with("MAIL_FROM"), "{reason}");
    }

    #[test]
    fn plain_smtp_is_harmless_only_on_this_machine() {
        let local = |text: &str| {
            let url = url::Url::parse(text).unwrap();
            is_loopback(&url.host().unwrap())
        };
        for here in [
            "smtp://127.0.0.1:2525",
            "smtp://localhost",
            "smtp://[::1]:25",
        ] {
            assert!(local(here), "{here}");
        }
        for there in [
            "smtp://192.0.2.7",
            "smtp://mail.example.de",
            "smtp://127.0.0.1.example.de",
        ] {
            assert!(!local(there), "{there}");
        }
    }

    #[tokio::test]
    async fn a_digest_carries_the_one_click_headers() {
        let mailer = Mailer::new("smtp://127.0.0.1:2525", "karte@example.de").unwrap();
        let digest = Digest {
            subject: "Chancenkarte: 1 neues oder geändertes Angebot".into(),
            body: "Guten Tag, Dülmen".into(),
        };
        let url = "https://karte.example/api/nachrichten/abbestellen?token=3.ab";
        let message = mailer
            .digest_message("mitglied@example.de", &digest, url)
            .unwrap();
        let text = String::from_utf8(message.formatted()).unwrap();
        assert!(
            text.contains(&format!("List-Unsubscribe: <{url}>\r\n")),
            "{text}"
        );
        assert!(text.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
        assert!(text.contains("Auto-Submitted: auto-generated\r\n"));
        assert!(text.contains("Message-ID: <"), "{text}");
        assert!(mailer.digest_message("kein@", &digest, url).is_err());
    }
}
