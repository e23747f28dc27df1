//! Requests from outside: institutions asking to have an offer listed ("Angebot eintragen
//! lassen") and corrections to an offer ("Fehler melden"). Parsing with a message per field,
//! the spam defences that need no third party (honeypot, minimum fill time), and the reference
//! numbers people get back.
//!
//! What a visitor is told is a [`Message`]: an id of the pages' catalogues with its arguments,
//! shown in the visitor's language on the offer page and in German (the German catalogue's
//! text) in API answers and on the German-only listing form. The listing form's own texts and
//! the reasons of validators shared with other features stay German ([`Problem::German`]).

use serde::{Deserialize, Serialize};

use crate::accounts::model::Email;
use crate::offers::twins::{LikelyTwin, OfferIdentity};

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
    /// For open listings: stored offers it may duplicate (editors only; filled by the queue).
    #[serde(default)]
    pub likely_twins: Vec<LikelyTwin>,
    /// For a correction the institution asked for through its confirmation link: the fields
    /// it would change (empty for corrections typed into "Fehler melden").
    #[serde(default)]
    pub proposed: Vec<ProposedChange>,
    /// Whether it came through the institution's confirmation link.
    #[serde(default)]
    pub from_institution: bool,
    /// For a "Fehler melden" correction: when it was mailed to the institution's confirmation
    /// addresses, and to which ("" when the institution has none).
    #[serde(default)]
    pub forwarded_at: Option<i64>,
    #[serde(default)]
    pub forwarded_to: String,
    /// Whether the institution answered through its link after that (confirmed the offer or
    /// asked for a change or its end).
    #[serde(default)]
    pub institution_acted: bool,
}

/// One field a correction would change, as the queue shows it: the field's code, its value
/// when the change was asked for and the value asked for. The code is an editor's field's, or
/// [`crate::editing::model::STATUS_FIELD`] with [`ARCHIVED`] ("gibt es nicht mehr").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedChange {
    pub field: String,
    pub old: String,
    pub new: String,
}

/// The new value of a proposed [`crate::editing::model::STATUS_FIELD`] change: archive it.
pub const ARCHIVED: &str = "archiviert";

impl ProposedChange {
    /// The field's label for the diff.
    pub fn label(&self) -> &'static str {
        crate::editing::model::field_label(&self.field)
    }

    /// A value as the diff shows it (vocabulary codes in words).
    pub fn shown(&self, value: &str) -> String {
        match crate::editing::model::EditableField::parse(&self.field) {
            Some(field) => field.shown_value(value),
            None if value == ARCHIVED => "gibt es nicht mehr (archivieren)".to_string(),
            None if value == "active" || value.is_empty() => "besteht".to_string(),
            None => value.to_string(),
        }
    }

    /// Whether this is the request to archive the offer.
    pub fn is_archive(&self) -> bool {
        self.field == crate::editing::model::STATUS_FIELD && self.new == ARCHIVED
    }
}

impl RequestRecord {
    /// Street, postcode and town of a listing's address (`"street, postcode town"`).
    pub fn address_parts(&self) -> (&str, &str, &str) {
        let (street, rest) = self.address.split_once(", ").unwrap_or((&self.address, ""));
        let (postcode, town) = rest.split_once(' ').unwrap_or(("", rest));
        (street, postcode, town)
    }

    /// What the twin check compares of a listing: the offer's name, organisation and address.
    pub fn identity(&self) -> OfferIdentity {
        let (street, postcode, _) = self.address_parts();
        OfferIdentity {
            name: self.offer_name.clone(),
            organization: self.organization.clone(),
            street: street.to_string(),
            postcode: postcode.to_string(),
        }
    }
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

/// A message of the pages' catalogues (`app/locales/<code>/seiten.ftl`) with its arguments:
/// how the public forms tell a visitor what is wrong. The German catalogue holds its German
/// text, the one source for the page, the listing form and API answers alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    /// Numbers only (limits, waiting times); they also choose plural forms.
    pub args: Vec<(&'static str, i64)>,
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    pub fn with(id: &'static str, args: &[(&'static str, i64)]) -> Message {
        Message {
            id,
            args: args.to_vec(),
        }
    }
}

/// What is wrong with one field of a public form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A catalogue message, shown in the visitor's language where the page has one.
    Message(Message),
    /// A German text: the listing form's own (that page is German only) and the reasons of the
    /// validators it shares with the editors' fields.
    German(String),
}

impl From<Message> for Problem {
    fn from(message: Message) -> Problem {
        Problem::Message(message)
    }
}

/// What is wrong, per form field (the field's name and the problem).
pub type FieldErrors = Vec<(&'static str, Problem)>;

/// What is wrong with a typed text, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFault {
    Missing,
    TooShort,
    TooLong,
    /// An invisible control character other than a line break or a tab.
    ControlCharacter,
}

/// What is wrong with `text` (trimmed) for a field of `min` to `max` characters: the one rule
/// of the public forms, also for what an institution writes through its link.
pub fn text_fault(text: &str, min: usize, max: usize) -> Option<TextFault> {
    let length = text.trim().chars().count();
    if length == 0 {
        Some(TextFault::Missing)
    } else if length < min {
        Some(TextFault::TooShort)
    } else if length > max {
        Some(TextFault::TooLong)
    } else if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        Some(TextFault::ControlCharacter)
    } else {
        None
    }
}

/// A listing form's text field: German messages naming `what` is asked for.
fn require_text(
    errors: &mut FieldErrors,
    field: &'static str,
    what: &str,
    text: &str,
    min: usize,
    max: usize,
) {
    let problem = match text_fault(text, min, max) {
        None => return,
        Some(TextFault::Missing) => Problem::German(format!("Bitte geben Sie {what} an.")),
        Some(TextFault::TooShort) => {
            Problem::German(format!("{what} ist zu kurz (mindestens {min} Zeichen)."))
        }
        Some(TextFault::TooLong) => {
            Problem::German(format!("{what} ist zu lang (höchstens {max} Zeichen)."))
        }
        Some(TextFault::ControlCharacter) => Message::new(CONTROL_CHARACTER).into(),
    };
    errors.push((field, problem));
}

/// The message for an invisible control character in a typed text.
const CONTROL_CHARACTER: &str = "formular-steuerzeichen";

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
        Err(reason) => errors.push((form_field, Problem::German(reason))),
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
                Problem::German("Eine Postleitzahl hat fünf Ziffern.".to_string()),
            ));
        }
        match Email::parse(&self.contact_email) {
            Ok(email) => self.contact_email = email.as_str().to_string(),
            Err(error) => errors.push(("contact_email", Problem::German(error.0))),
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
                Problem::German(
                    "Bitte bestätigen Sie, dass das Angebot veröffentlicht werden darf."
                        .to_string(),
                ),
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

/// The length a correction's message may have, in characters.
pub const CORRECTION_LENGTH: (usize, usize) = (10, 2000);

/// Checks what was typed into "Fehler melden": a message and, if given, an e-mail address.
/// Every problem is a catalogue [`Message`], so the offer page can say it in the visitor's
/// language.
pub fn parse_correction(
    message: &str,
    contact_email: &str,
) -> Result<ValidCorrection, FieldErrors> {
    let mut errors = FieldErrors::new();
    let (min, max) = CORRECTION_LENGTH;
    let problem = text_fault(message, min, max).map(|fault| match fault {
        TextFault::Missing => Message::new("fehler-melden-fehlt"),
        TextFault::TooShort => Message::with("fehler-melden-zu-kurz", &[("min", min as i64)]),
        TextFault::TooLong => Message::with("fehler-melden-zu-lang", &[("max", max as i64)]),
        TextFault::ControlCharacter => Message::new(CONTROL_CHARACTER),
    });
    if let Some(problem) = problem {
        errors.push(("message", problem.into()));
    }
    let contact_email = if contact_email.trim().is_empty() {
        String::new()
    } else {
        match Email::parse(contact_email) {
            Ok(email) => email.as_str().to_string(),
            Err(_) => {
                errors.push(("contact_email", email_problem(contact_email).into()));
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

/// Why [`Email::parse`] refused `input`, as a catalogue message; its checks in its order
/// (the whole address, its form, the part before the @), the form the general case.
fn email_problem(input: &str) -> Message {
    /// The most characters before the @ (RFC 5321), as `Email::parse` allows.
    const LOCAL_PART_MAX: usize = 64;
    let email = input.trim().to_lowercase();
    let local_part = email.split('@').next().unwrap_or_default();
    if email.len() > 254 {
        Message::new("formular-email-zu-lang")
    } else if local_part.len() > LOCAL_PART_MAX {
        Message::with(
            "formular-email-vor-at-zu-lang",
            &[("max", LOCAL_PART_MAX as i64)],
        )
    } else {
        Message::new("formular-email-ungueltig")
    }
}

/// Why a form submission looks automated, if it does: the hidden honeypot field was filled,
/// or the form came back faster than a person can fill it, or it is older than a day.
pub fn spam_reason(honeypot: &str, started_at: i64, now: i64) -> Option<Message> {
    const MIN_FILL_SECS: i64 = 3;
    const MAX_AGE_SECS: i64 = 24 * 60 * 60;
    if !honeypot.trim().is_empty() {
        return Some(Message::new("formular-ausgefuellt"));
    }
    if now - started_at < MIN_FILL_SECS {
        return Some(Message::new("formular-zu-schnell"));
    }
    if now - started_at > MAX_AGE_SECS {
        return Some(Message::new("formular-abgelaufen"));
    }
    None
}

/// Too many posts came from one address: try again in `wait_secs` seconds, said as
/// `shared::throttle::wait_in_words` says it (seconds up to a minute, else whole minutes).
pub fn too_many_posts(wait_secs: i64) -> Message {
    if wait_secs <= 60 {
        Message::with("formular-zu-viele-sekunden", &[("count", wait_secs.max(1))])
    } else {
        Message::with(
            "formular-zu-viele-minuten",
            &[("count", (wait_secs + 59) / 60)],
        )
    }
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
        let german = |problem: &Problem| match problem {
            Problem::German(text) => text.clone(),
            Problem::Message(message) => panic!("the listing's own texts are German: {message:?}"),
        };
        let texts: Vec<String> = errors.iter().map(|(_, problem)| german(problem)).collect();
        assert!(texts.iter().any(|m| m.contains("fünf Ziffern")));
        assert!(
            texts
                .iter()
                .any(|m| m.contains("veröffentlicht werden darf"))
        );
    }

    #[test]
    fn a_listing_is_checked_with_the_editors_validators() {
        let mut listing = filled();
        listing.contact_phone = "0800 =HYPERLINK(1)".into();
        let errors = listing.parse().unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].0, "contact_phone");
        assert!(
            matches!(&errors[0].1, Problem::German(text) if text.contains("gehört nicht in eine Telefonnummer"))
        );
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
        let control = Problem::Message(Message::new(CONTROL_CHARACTER));
        assert_eq!(errors[0].1, control);
        assert_eq!(
            parse_correction("Die Nummer ist \u{7}falsch.", "").unwrap_err(),
            [("message", control)]
        );
        assert!(parse_correction("Zwei Zeilen:\nDie Nummer ist falsch.", "").is_ok());
    }

    #[test]
    fn corrections_need_a_message_and_maybe_an_address() {
        let valid =
            parse_correction(" Die Telefonnummer ist falsch. ", " Eva@Example.org").unwrap();
        assert_eq!(valid.message, "Die Telefonnummer ist falsch.");
        assert_eq!(valid.contact_email, "eva@example.org");
        assert!(parse_correction("Die Telefonnummer ist falsch.", "  ").is_ok());
        let problems = |message: &str, email: &str| -> Vec<(&'static str, Problem)> {
            parse_correction(message, email).unwrap_err()
        };
        let message = |id, args: &[(&'static str, i64)]| Problem::Message(Message::with(id, args));
        assert_eq!(
            problems("  ", ""),
            [("message", message("fehler-melden-fehlt", &[]))]
        );
        assert_eq!(
            problems("kurz", ""),
            [("message", message("fehler-melden-zu-kurz", &[("min", 10)]))]
        );
        assert_eq!(
            problems(&"x".repeat(2001), ""),
            [(
                "message",
                message("fehler-melden-zu-lang", &[("max", 2000)])
            )]
        );
        assert!(parse_correction(&"x".repeat(2000), "").is_ok());
        assert_eq!(
            problems("kurz", "kaputt"),
            [
                ("message", message("fehler-melden-zu-kurz", &[("min", 10)])),
                ("contact_email", message("formular-email-ungueltig", &[])),
            ]
        );
        let long_local = format!("{}@example.org", "a".repeat(65));
        assert_eq!(
            problems("Die Telefonnummer ist falsch.", &long_local),
            [(
                "contact_email",
                message("formular-email-vor-at-zu-lang", &[("max", 64)])
            )]
        );
        let long = format!("eva@{}.org", "a".repeat(250));
        assert_eq!(
            problems("Die Telefonnummer ist falsch.", &long),
            [("contact_email", message("formular-email-zu-lang", &[]))]
        );
    }

    #[test]
    fn spam_defences() {
        let reason = |honeypot, started, now| spam_reason(honeypot, started, now).map(|m| m.id);
        assert_eq!(reason("", 100, 110), None);
        assert_eq!(
            reason("http://spam", 100, 110),
            Some("formular-ausgefuellt")
        );
        assert_eq!(reason("", 100, 101), Some("formular-zu-schnell"));
        assert_eq!(
            reason("", 100, 100 + 2 * 24 * 60 * 60),
            Some("formular-abgelaufen")
        );
        // The waiting time as `wait_in_words` counts it: seconds up to a minute, then minutes.
        assert_eq!(
            too_many_posts(0),
            Message::with("formular-zu-viele-sekunden", &[("count", 1)])
        );
        assert_eq!(
            too_many_posts(60),
            Message::with("formular-zu-viele-sekunden", &[("count", 60)])
        );
        assert_eq!(
            too_many_posts(61),
            Message::with("formular-zu-viele-minuten", &[("count", 2)])
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
