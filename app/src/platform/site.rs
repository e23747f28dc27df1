//! Where the site lives: the one origin its forms may come from and its links point to. In
//! production that is `PUBLIC_URL`; the `Host` header, which any client (or a rebinding DNS
//! name) can set, decides nothing. A local trial over plain http without `PUBLIC_URL` accepts
//! only loopback hosts.

use url::{Host, Url};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SiteAddress {
    /// `PUBLIC_URL`: the origin people reach the site at, as `scheme://host[:port]`.
    Public { origin: String },
    /// A local trial (plain http, no `PUBLIC_URL`): only this machine reaches the site.
    Local,
}

impl SiteAddress {
    /// Reads `PUBLIC_URL` (`https://karte.example.de`, with or without a trailing slash); the
    /// German reason if it is no http(s) address of a site root.
    pub fn public(url: &str) -> Result<SiteAddress, String> {
        let parsed = Url::parse(url.trim())
            .map_err(|error| format!("PUBLIC_URL „{url}“ ist keine Adresse: {error}"))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
            return Err(format!(
                "PUBLIC_URL „{url}“ muss mit https:// (oder http://) und einem Rechnernamen beginnen."
            ));
        }
        if parsed.path() != "/"
            || parsed.query().is_some()
            || parsed.fragment().is_some()
            || !parsed.username().is_empty()
        {
            return Err(format!(
                "PUBLIC_URL „{url}“ darf nur Schema, Rechnername und Port enthalten (die Karte läuft im Wurzelverzeichnis)."
            ));
        }
        Ok(SiteAddress::Public {
            origin: parsed.origin().ascii_serialization(),
        })
    }

    /// The public origin, if the site has one (not in a local trial).
    pub fn public_origin(&self) -> Option<&str> {
        match self {
            SiteAddress::Public { origin } => Some(origin),
            SiteAddress::Local => None,
        }
    }

    /// Whether a request whose `Origin` (or `Referer`) is `source` comes from this site.
    pub fn accepts(&self, source: &str) -> bool {
        let Ok(source) = Url::parse(source) else {
            return false;
        };
        match self {
            SiteAddress::Public { origin } => source.origin().ascii_serialization() == *origin,
            SiteAddress::Local => source.scheme() == "http" && is_loopback(source.host()),
        }
    }

    /// [`SiteAddress::link_base`] for a request with these `headers`.
    pub fn link_base_for(&self, headers: &axum::http::HeaderMap) -> String {
        self.link_base(
            headers
                .get(axum::http::header::HOST)
                .and_then(|host| host.to_str().ok()),
        )
    }

    /// The address absolute links start with (HSDS URIs, the hand-out's link and QR code),
    /// without a trailing slash. A local trial names the loopback host it was asked under.
    pub fn link_base(&self, host_header: Option<&str>) -> String {
        match self {
            SiteAddress::Public { origin } => origin.clone(),
            SiteAddress::Local => host_header
                .and_then(|host| Url::parse(&format!("http://{host}")).ok())
                .filter(|url| url.username().is_empty() && is_loopback(url.host()))
                .map_or_else(
                    || "http://localhost".to_string(),
                    |url| url.origin().ascii_serialization(),
                ),
        }
    }
}

fn is_loopback(host: Option<Host<&str>>) -> bool {
    match host {
        Some(Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(address)) => address.is_loopback(),
        Some(Host::Ipv6(address)) => address.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_url_is_an_origin() {
        let site = SiteAddress::public("https://Karte.Example.de/").unwrap();
        assert_eq!(
            site,
            SiteAddress::Public {
                origin: "https://karte.example.de".into()
            }
        );
        assert!(SiteAddress::public("karte.example.de").is_err());
        assert!(SiteAddress::public("ftp://karte.example.de").is_err());
        assert!(SiteAddress::public("https://karte.example.de/unter").is_err());
    }

    #[test]
    fn only_the_public_origin_may_write() {
        let site = SiteAddress::public("https://karte.example.de").unwrap();
        assert!(site.accepts("https://karte.example.de"));
        assert!(site.accepts("https://karte.example.de/anmelden?x=1"));
        assert!(!site.accepts("http://karte.example.de"));
        assert!(!site.accepts("https://karte.example.de:8443"));
        assert!(!site.accepts("https://rebound.example"));
        assert!(!site.accepts("null"));
        assert!(!site.accepts(""));
    }

    #[test]
    fn a_local_trial_takes_loopback_only() {
        let site = SiteAddress::Local;
        assert!(site.accepts("http://127.0.0.1:3000"));
        assert!(site.accepts("http://localhost:3000/anmelden"));
        assert!(site.accepts("http://[::1]:3000"));
        assert!(!site.accepts("http://192.168.1.5:3000"));
        assert!(!site.accepts("http://rebound.example:3000"));
        assert!(!site.accepts("https://evil.example"));
    }

    #[test]
    fn links_never_follow_a_foreign_host() {
        let public = SiteAddress::public("https://karte.example.de").unwrap();
        assert_eq!(
            public.link_base(Some("evil.example")),
            "https://karte.example.de"
        );
        let local = SiteAddress::Local;
        assert_eq!(
            local.link_base(Some("127.0.0.1:3000")),
            "http://127.0.0.1:3000"
        );
        assert_eq!(local.link_base(Some("evil.example")), "http://localhost");
        assert_eq!(
            local.link_base(Some("a/b@evil.example")),
            "http://localhost"
        );
        assert_eq!(
            local.link_base(Some("localhost@evil.example")),
            "http://localhost"
        );
        assert_eq!(
            local.link_base(Some("127.0.0.1:3000/x?y")),
            "http://127.0.0.1:3000"
        );
        assert_eq!(local.link_base(None), "http://localhost");
    }
}
