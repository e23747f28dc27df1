//! Who runs this Chancenkarte: the operator's details the legal pages (Impressum,
//! Datenschutz, Erklärung zur Barrierefreiheit) are made of. They come from a configuration
//! file, so another district fills in its own without touching the code.

use serde::{Deserialize, Serialize};

/// A postal address in lines, as printed.
pub type AddressLines = Vec<String>;

/// Where "Route planen" leads without a `route_link` in the operator file: Google Maps'
/// documented directions link, which Android and iOS hand to the maps app (the browser's map
/// site where none is installed, and on a desktop). `geo:` links open on Android only.
pub const DEFAULT_ROUTE_LINK: &str =
    "https://www.google.com/maps/dir/?api=1&destination={lat},{lon}";

fn default_route_link() -> String {
    DEFAULT_ROUTE_LINK.to_string()
}

/// The operator's details, read from the configured JSON file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperatorInfo {
    /// Whether the file holds example values that must be replaced before going live; the
    /// pages then say so.
    #[serde(default)]
    pub example: bool,
    /// The public body (or organisation) running the site, e.g. "Kreis Coesfeld".
    pub name: String,
    /// The office within it, e.g. "Jugendamt – Koordinierungsstelle Frühe Hilfen".
    #[serde(default)]
    pub department: String,
    pub address: AddressLines,
    pub phone: String,
    pub email: String,
    /// Who represents the body by law (e.g. "Landrat …").
    pub represented_by: String,
    /// Responsible for the content (§ 18 Abs. 2 MStV).
    pub content_responsible: String,
    /// The supervisory authority of the body, if any.
    #[serde(default)]
    pub supervisory_authority: String,
    pub privacy: PrivacyInfo,
    pub accessibility: AccessibilityInfo,
    /// Where security problems are reported (`/.well-known/security.txt`); without it the
    /// operator's e-mail address.
    #[serde(default)]
    pub security: SecurityInfo,
    /// The web address of "Route planen", with `{lat}` and `{lon}` where the offer's
    /// coordinates go (see [`check_route_link`]); [`DEFAULT_ROUTE_LINK`] when absent.
    #[serde(default = "default_route_link")]
    pub route_link: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityInfo {
    /// `mailto:…` or an `https://` address for reports.
    #[serde(default)]
    pub contact: String,
    /// The operator's disclosure policy, if published (`https://…`).
    #[serde(default)]
    pub policy: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyInfo {
    /// How to reach the data protection officer.
    pub officer_contact: String,
    /// The data protection supervisory authority (name and address in one line).
    pub supervisory_authority: String,
    /// Who hosts the server (processor), if not the operator itself.
    #[serde(default)]
    pub hosting: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessibilityInfo {
    /// When the statement was made or last reviewed, as printed ("22.11.2026").
    pub statement_date: String,
    /// How the statement was made ("Selbstbewertung …").
    pub method: String,
    /// Known barriers, one per entry; empty if none are known.
    #[serde(default)]
    pub known_barriers: Vec<String>,
    /// Where to report barriers.
    pub feedback_email: String,
    #[serde(default)]
    pub feedback_phone: String,
    /// The enforcement/arbitration body (name, address, web address in one line).
    pub enforcement_body: String,
}

impl OperatorInfo {
    /// Reads the operator file's text, or says in plain words what is missing.
    pub fn parse(json_text: &str) -> Result<OperatorInfo, String> {
        let info: OperatorInfo =
            serde_json::from_str(json_text).map_err(|error| error.to_string())?;
        info.check()?;
        Ok(info)
    }

    /// Every field a legal page needs must be filled.
    fn check(&self) -> Result<(), String> {
        let required = [
            ("name", &self.name),
            ("phone", &self.phone),
            ("email", &self.email),
            ("represented_by", &self.represented_by),
            ("content_responsible", &self.content_responsible),
            ("privacy.officer_contact", &self.privacy.officer_contact),
            (
                "privacy.supervisory_authority",
                &self.privacy.supervisory_authority,
            ),
            (
                "accessibility.statement_date",
                &self.accessibility.statement_date,
            ),
            ("accessibility.method", &self.accessibility.method),
            (
                "accessibility.feedback_email",
                &self.accessibility.feedback_email,
            ),
            (
                "accessibility.enforcement_body",
                &self.accessibility.enforcement_body,
            ),
        ];
        let empty: Vec<&str> = required
            .iter()
            .filter(|(_, value)| value.trim().is_empty())
            .map(|(key, _)| *key)
            .collect();
        if !empty.is_empty() {
            return Err(format!("empty fields: {}", empty.join(", ")));
        }
        if self.address.iter().all(|line| line.trim().is_empty()) {
            return Err("empty fields: address".to_string());
        }
        if !self.email.contains('@') || !self.accessibility.feedback_email.contains('@') {
            return Err("email and accessibility.feedback_email must be e-mail addresses".into());
        }
        let contact = &self.security.contact;
        if !(contact.is_empty()
            || contact.starts_with("mailto:")
            || contact.starts_with("https://"))
        {
            return Err("security.contact must start with mailto: or https://".into());
        }
        if !(self.security.policy.is_empty() || self.security.policy.starts_with("https://")) {
            return Err("security.policy must start with https://".into());
        }
        check_route_link(&self.route_link)?;
        let single_lines = [&self.email, contact, &self.security.policy];
        if single_lines.iter().any(|line| line.contains(['\r', '\n'])) {
            return Err("email, security.contact and security.policy must be one line each".into());
        }
        Ok(())
    }

    /// `/.well-known/security.txt` (RFC 9116): the contact, an expiry half a year from
    /// `today` (the file is made per request, so it never runs out), the languages, and the
    /// canonical address when the site's own is known.
    pub fn security_txt(&self, today: chrono::NaiveDate, canonical_base: Option<&str>) -> String {
        let contact = if self.security.contact.is_empty() {
            format!("mailto:{}", self.email)
        } else {
            self.security.contact.clone()
        };
        let expires = today + chrono::Days::new(182);
        let mut text = format!(
            "Contact: {contact}\nExpires: {}T00:00:00.000Z\nPreferred-Languages: de, en\n",
            expires.format("%Y-%m-%d")
        );
        if !self.security.policy.is_empty() {
            text.push_str(&format!("Policy: {}\n", self.security.policy));
        }
        if let Some(base) = canonical_base {
            text.push_str(&format!("Canonical: {base}/.well-known/security.txt\n"));
        }
        text
    }
}

/// A route template is an `https://` address (a family's device opens it without asking, so
/// nothing else) on one line, naming the place with both `{lat}` and `{lon}`, and still an
/// address once they are filled in.
pub fn check_route_link(template: &str) -> Result<(), String> {
    let problem = |why: &str| Err(format!("route_link „{template}“ {why}"));
    if !template.starts_with("https://") {
        return problem("must start with https://");
    }
    if !(template.contains("{lat}") && template.contains("{lon}")) {
        return problem("must contain {lat} and {lon}");
    }
    if template
        .chars()
        .any(|c| c.is_whitespace() || c.is_control())
    {
        return problem("must be one address without spaces");
    }
    let host = template["https://".len()..]
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    if host.contains(['{', '}']) {
        return problem("must keep {lat} and {lon} out of the host name");
    }
    let example = template
        .replace("{lat}", "51.945910")
        .replace("{lon}", "7.167360");
    match url::Url::parse(&example) {
        Ok(url) if url.scheme() == "https" && url.host_str().is_some_and(|h| !h.is_empty()) => {
            Ok(())
        }
        _ => problem("is no web address once {lat} and {lon} are filled in"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn security_txt_names_a_contact_and_never_expires_in_the_past() {
        let mut info = OperatorInfo::parse(&example().to_string()).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let text = info.security_txt(today, Some("https://karte.example"));
        assert!(
            text.contains("Contact: mailto:info@beispiel.invalid\n"),
            "{text}"
        );
        assert!(
            text.contains("Expires: 2027-06-02T00:00:00.000Z\n"),
            "{text}"
        );
        assert!(text.ends_with("Canonical: https://karte.example/.well-known/security.txt\n"));
        info.security.contact = "https://beispiel.invalid/sicherheit".into();
        assert!(
            info.security_txt(today, None)
                .starts_with("Contact: https://beispiel.invalid/sicherheit\n")
        );
        let mut bad = example();
        bad["security"] = serde_json::json!({ "contact": "irgendwo" });
        assert!(OperatorInfo::parse(&bad.to_string()).is_err());
    }

    fn example() -> serde_json::Value {
        serde_json::json!({
            "name": "Kreis Beispiel",
            "address": ["Musterstraße 1", "12345 Musterstadt"],
            "phone": "01234 5678-0",
            "email": "info@beispiel.invalid",
            "represented_by": "Die Landrätin",
            "content_responsible": "Erika Muster, Anschrift wie oben",
            "privacy": {
                "officer_contact": "datenschutz@beispiel.invalid",
                "supervisory_authority": "Landesbeauftragte für Datenschutz"
            },
            "accessibility": {
                "statement_date": "22.11.2026",
                "method": "Selbstbewertung",
                "feedback_email": "barrierefrei@beispiel.invalid",
                "enforcement_body": "Ombudsstelle"
            }
        })
    }

    #[test]
    fn a_complete_file_is_read() {
        let info = OperatorInfo::parse(&example().to_string()).unwrap();
        assert_eq!(info.name, "Kreis Beispiel");
        assert!(!info.example);
        assert!(info.accessibility.known_barriers.is_empty());
        assert_eq!(info.route_link, DEFAULT_ROUTE_LINK);
    }

    #[test]
    fn the_route_link_is_a_web_address_with_both_coordinates() {
        assert!(check_route_link(DEFAULT_ROUTE_LINK).is_ok());
        assert!(
            check_route_link("https://www.openstreetmap.org/directions?to={lat}%2C{lon}").is_ok()
        );
        assert!(check_route_link("https://maps.apple.com/?daddr={lat},{lon}").is_ok());
        for bad in [
            "geo:{lat},{lon}",
            "http://maps.example/?to={lat},{lon}",
            "javascript:alert('{lat}{lon}')",
            "https://maps.example/?to={lat}",
            "https://maps.example/?to={lon}",
            "https://maps.example/?to={lat},{lon} x",
            "https://maps.example/?to={lat},{lon}\n",
            "https://{lat}{lon}",
            "https:///?to={lat},{lon}",
            "",
        ] {
            assert!(check_route_link(bad).is_err(), "{bad}");
        }
        let mut value = example();
        value["route_link"] = "https://maps.apple.com/?daddr={lat},{lon}".into();
        let info = OperatorInfo::parse(&value.to_string()).unwrap();
        assert_eq!(info.route_link, "https://maps.apple.com/?daddr={lat},{lon}");
        value["route_link"] = "geo:{lat},{lon}".into();
        let error = OperatorInfo::parse(&value.to_string()).unwrap_err();
        assert!(error.contains("route_link"), "{error}");
    }

    #[test]
    fn missing_or_empty_fields_are_named() {
        let mut value = example();
        value["privacy"]["officer_contact"] = "  ".into();
        value["represented_by"] = "".into();
        let error = OperatorInfo::parse(&value.to_string()).unwrap_err();
        assert!(error.contains("represented_by"), "{error}");
        assert!(error.contains("privacy.officer_contact"), "{error}");

        let mut value = example();
        value["email"] = "keine-adresse".into();
        assert!(OperatorInfo::parse(&value.to_string()).is_err());

        let mut value = example();
        value["imprint"] = "unbekannt".into();
        let error = OperatorInfo::parse(&value.to_string()).unwrap_err();
        assert!(error.contains("imprint"), "{error}");
    }
}
