//! Requests from outside: institutions asking to have an offer listed ("Angebot eintragen
//! lassen") and corrections to an offer ("Fehler melden"). Parsing with German messages per
//! field, the spam defences that need no third party (honeypot, minimum fill time), and the
//! reference numbers people get back.

use serde::{Deserialize, Serialize};

use crate::accounts::model::Email;

/// A request as the editors' queue shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestRecord {
    pub id: i64,
    pub reference: String,
    pub kind: RequestKind,
    pub created_at: i64,
    /// For corrections: the offer concerned and its name.
    pub offer_id: Option<i64>,
    pub offer_name: String,
    pub organization: String,
    pub description: String,
    pub address: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub message: String,
    pub status: RequestStatus,
    pub decision_reason: String,
    /// For approved listings: the offer created from it.
    pub created_offer_id: Option<i64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestKind {
    Listing,
    Correction,
}

impl RequestKind {
    pub fn code(self) -> &'static str {
        match self {
            RequestKind::Listing => "eintrag",
            RequestKind::Correction => "korrektur",
        }
    }

    pub fn parse(code: &str) -> Option<RequestKind> {
        [RequestKind::Listing, RequestKind::Correction]
            .into_iter()
            .find(|kind| kind.code() == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestStatus {
    Open,
    /// A listing taken over as a (not yet public) offer.
    Approved,
    /// A correction worked into the offer.
    Applied,
    /// Not needed (duplicate, already right); no message to anyone.
    Dismissed,
    /// Refused, with a reason.
    Rejected,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 5] = [
        RequestStatus::Open,
        RequestStatus::Approved,
        RequestStatus::Applied,
        RequestStatus::Dismissed,
        RequestStatus::Rejected,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Open => "offen",
            RequestStatus::Approved => "uebernommen",
            RequestStatus::Applied => "eingearbeitet",
            RequestStatus::Dismissed => "verworfen",
            RequestStatus::Rejected => "abgelehnt",
        }
    }

    pub fn parse(code: &str) -> Option<RequestStatus> {
        RequestStatus::ALL
            .into_iter()
            .find(|status| status.code() == code)
    }
}

/// The reference number people get back, e.g. "CK-2026-00042".
pub fn reference(id: i64, year: i32) -> String {
    format!("CK-{year}-{id:05}")
}

/// A listing request as typed into the public form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingInput {
    pub organization: String,
    pub offer_name: String,
    pub description: String,
    pub street: String,
    pub postcode: String,
    pub town: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub consent: bool,
}

/// A listing request that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidListing(pub ListingInput);

/// What is wrong, per form field (the field's name and the German message).
pub type FieldErrors = Vec<(&'static str, String)>;

fn require_text(
    errors: &mut FieldErrors,
    field: &'static str,
    what: &str,
    text: &str,
    min: usize,
    max: usize,
) {
    let length = text.trim().chars().count();
    if length == 0 {
        errors.push((field, format!("Bitte geben Sie {what} an.")));
    } else if length < min {
        errors.push((
            field,
            format!("{what} ist zu kurz (mindestens {min} Zeichen)."),
        ));
    } else if length > max {
        errors.push((
            field,
            format!("{what} ist zu lang (höchstens {max} Zeichen)."),
        ));
    } else if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        errors.push((field, CONTROL_CHARACTER.to_string()));
    }
}

const CONTROL_CHARACTER: &str = "Hier steht ein unsichtbares Steuerzeichen (etwa aus einer kopierten Tabelle). Bitte tippen Sie den Text neu ein.";

/// Checks `text` as the editors' `field` does and keeps the canonical form it would be saved
/// in: what a request carries into an offer is what an editor could have typed.
fn like_an_editor(
    errors: &mut FieldErrors,
    form_field: &'static str,
    field: crate::editing::model::EditableField,
    text: &mut String,
) {
    match field.canonical_value(text) {
        Ok(canonical) => *text = canonical,
        Err(reason) => errors.push((form_field, reason)),
    }
}

impl ListingInput {
    pub fn parse(mut self) -> Result<ValidListing, FieldErrors> {
        let mut errors = FieldErrors::new();
        for text in [
            &mut self.organization,
            &mut self.offer_name,
            &mut self.description,
            &mut self.street,
            &mut self.postcode,
            &mut self.town,
            &mut self.contact_name,
            &mut self.contact_email,
            &mut self.contact_phone,
        ] {
            *text = text.trim().to_string();
        }
        require_text(
            &mut errors,
            "organization",
            "den Namen der Einrichtung",
            &self.organization,
            3,
            150,
        );
        require_text(
            &mut errors,
            "offer_name",
            "den Namen des Angebots",
            &self.offer_name,
            3,
            120,
        );
        require_text(
            &mut errors,
            "description",
            "eine Beschreibung",
            &self.description,
            20,
            2000,
        );
        require_text(
            &mut errors,
            "street",
            "Straße und Hausnummer",
            &self.street,
            3,
            120,
        );
        require_text(&mut errors, "town", "den Ort", &self.town, 2, 80);
        require_text(
            &mut errors,
            "contact_name",
            "eine Ansprechperson",
            &self.contact_name,
            2,
            100,
        );
        if !(self.postcode.len() == 5 && self.postcode.chars().all(|c| c.is_ascii_digit())) {
            errors.push((
                "postcode",
                "Eine Postleitzahl hat fünf Ziffern.".to_string(),
            ));
        }
        match Email::parse(&self.contact_email) {
            Ok(email) => self.contact_email = email.as_str().to_string(),
            Err(error) => errors.push(("contact_email", error.0)),
        }
        use crate::editing::model::EditableField;
        if errors.iter().all(|(field, _)| *field != "offer_name") {
            like_an_editor(
                &mut errors,
                "offer_name",
                EditableField::Name,
                &mut self.offer_name,
            );
        }
        if errors.iter().all(|(field, _)| *field != "description") {
            like_an_editor(
                &mut errors,
                "description",
                EditableField::Description,
                &mut self.description,
            );
        }
        like_an_editor(
            &mut errors,
            "contact_phone",
            EditableField::Phone,
            &mut self.contact_phone,
        );
        if !self.consent {
            errors.push((
                "consent",
                "Bitte bestätigen Sie, dass das Angebot veröffentlicht werden darf.".to_string(),
            ));
        }
        if errors.is_empty() {
            Ok(ValidListing(self))
        } else {
            Err(errors)
        }
    }
}

/// A correction to an offer as typed into "Fehler melden".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidCorrection {
    pub message: String,
    pub contact_email: String,
}

pub fn parse_correction(
    message: &str,
    contact_email: &str,
) -> Result<ValidCorrection, FieldErrors> {
    let mut errors = FieldErrors::new();
    require_text(
        &mut errors,
        "message",
        "was nicht stimmt",
        message,
        10,
        2000,
    );
    let contact_email = if contact_email.trim().is_empty() {
        String::new()
    } else {
        match Email::parse(contact_email) {
            Ok(email) => email.as_str().to_string(),
            Err(error) => {
                errors.push(("contact_email", error.0));
                String::new()
            }
        }
    };
    if errors.is_empty() {
        Ok(ValidCorrection {
            message: message.trim().to_string(),
            contact_email,
        })
    } else {
        Err(errors)
    }
}

/// Why a form submission looks automated, if it does: the hidden honeypot field was filled,
/// or the form came back faster than a person can fill it, or it is older than a day.
pub fn spam_reason(honeypot: &str, started_at: i64, now: i64) -> Option<&'static str> {
    const MIN_FILL_SECS: i64 = 3;
    const MAX_AGE_SECS: i64 = 24 * 60 * 60;
    if !honeypot.trim().is_empty() {
        return Some(
            "Das Formular enthält ein Feld, das Menschen nicht ausfüllen. Bitte laden Sie die Seite neu.",
        );
    }
    if now - started_at < MIN_FILL_SECS {
        return Some(
            "Das Formular wurde zu schnell abgeschickt. Bitte prüfen Sie Ihre Angaben und senden Sie es erneut.",
        );
    }
    if now - started_at > MAX_AGE_SECS {
        return Some("Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> ListingInput {
        ListingInput {
            organization: " Familienzentrum Sonnenschein ".into(),
            offer_name: "Elterncafé".into(),
            description: "Offener Treff für Eltern mit Kindern bis drei Jahre, mittwochs.".into(),
            street: "Marktplatz 1".into(),
            postcode: "48653".into(),
            town: "Coesfeld".into(),
            contact_name: "Eva Beispiel".into(),
            contact_email: "Eva@Example.org".into(),
            contact_phone: "02541 123".into(),
            consent: true,
        }
    }

    #[test]
    fn a_complete_listing_passes_trimmed() {
        let valid = filled().parse().unwrap();
        assert_eq!(valid.0.organization, "Familienzentrum Sonnenschein");
        assert_eq!(valid.0.contact_email, "eva@example.org");
    }

    #[test]
    fn every_missing_field_is_named_in_german() {
        let errors = ListingInput::default().parse().unwrap_err();
        let fields: Vec<_> = errors.iter().map(|(field, _)| *field).collect();
        for field in [
            "organization",
            "offer_name",
            "description",
            "street",
            "postcode",
            "town",
            "contact_name",
            "contact_email",
            "consent",
        ] {
            assert!(fields.contains(&field), "{field} missing from {fields:?}");
        }
        assert!(errors.iter().any(|(_, m)| m.contains("fünf Ziffern")));
        assert!(
            errors
                .iter()
                .any(|(_, m)| m.contains("veröffentlicht werden darf"))
        );
    }

    #[test]
    fn a_listing_is_checked_with_the_editors_validators() {
        let mut listing = filled();
        listing.contact_phone = "0800 =HYPERLINK(1)".into();
        let errors = listing.parse().unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].0, "contact_phone");
        assert!(errors[0].1.contains("gehört nicht in eine Telefonnummer"));
        let mut listing = filled();
        listing.contact_phone = "02541   18-0".into();
        assert_eq!(listing.parse().unwrap().0.contact_phone, "02541 18-0");
    }

    #[test]
    fn control_characters_are_refused_in_every_text() {
        let mut listing = filled();
        listing.town = "Coes\u{1b}[31mfeld".into();
        listing.organization = "Familien\u{0}zentrum".into();
        let errors = listing.parse().unwrap_err();
        let fields: Vec<_> = errors.iter().map(|(field, _)| *field).collect();
        assert_eq!(fields, ["organization", "town"]);
        assert!(errors[0].1.contains("Steuerzeichen"));
        assert!(parse_correction("Die Nummer ist \u{7}falsch.", "").is_err());
        assert!(parse_correction("Zwei Zeilen:\nDie Nummer ist falsch.", "").is_ok());
    }

    #[test]
    fn corrections_need_a_message_and_maybe_an_address() {
        assert!(parse_correction("Die Telefonnummer ist falsch.", "").is_ok());
        assert!(parse_correction("kurz", "").is_err());
        assert!(parse_correction("Die Telefonnummer ist falsch.", "kaputt").is_err());
    }

    #[test]
    fn spam_defences() {
        assert!(spam_reason("", 100, 110).is_none());
        assert!(
            spam_reason("http://spam", 100, 110)
                .unwrap()
                .contains("Menschen nicht ausfüllen")
        );
        assert!(spam_reason("", 100, 101).unwrap().contains("zu schnell"));
        assert!(
            spam_reason("", 100, 100 + 2 * 24 * 60 * 60)
                .unwrap()
                .contains("abgelaufen")
        );
    }

    #[test]
    fn references_and_codes() {
        assert_eq!(reference(42, 2026), "CK-2026-00042");
        for status in RequestStatus::ALL {
            assert_eq!(RequestStatus::parse(status.code()), Some(status));
        }
        assert_eq!(RequestKind::parse("eintrag"), Some(RequestKind::Listing));
    }
}
