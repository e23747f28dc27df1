//! Institutions keep their own offers right without an account: the parts without I/O. A
//! confirmation link's state, the events of an organisation's log, the fields an institution
//! may change through its link, the offers as its page shows them (public fields only) and the
//! diff a change becomes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::editing::model::{EditableField, EditableOffer, STATUS_FIELD};
use crate::offers::taxonomy::AddressProtection;
use crate::requests::model::{ARCHIVED, ProposedChange};

/// How long a confirmation link holds, in days: long enough for a reminder to be read after a
/// holiday, short enough that an old mail in a forwarded thread stops working.
pub const LINK_VALID_DAYS: i64 = 60;

/// A confirmation link as stored: its organisation, when it was made, until when it holds,
/// whether an editor revoked it and when it was first opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmationLink {
    pub id: i64,
    pub organization_id: i64,
    pub created_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
    pub opened_at: Option<i64>,
}

/// Whether a link may be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkState {
    Valid,
    Expired,
    Revoked,
}

impl ConfirmationLink {
    pub fn state(&self, now: i64) -> LinkState {
        if self.revoked_at.is_some() {
            LinkState::Revoked
        } else if now >= self.expires_at {
            LinkState::Expired
        } else {
            LinkState::Valid
        }
    }

    /// What the signature binds the link to besides its id: its organisation and expiry, so
    /// a link's token names one organisation and one end however the rows are later read.
    pub fn binding(&self) -> Vec<u8> {
        let mut bound = self.organization_id.to_be_bytes().to_vec();
        bound.extend_from_slice(&self.expires_at.to_be_bytes());
        bound
    }
}

/// An address an organisation's confirmation links go to (member-only data).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: i64,
    pub organization_id: i64,
    pub email: String,
    pub created_at: i64,
}

/// What an organisation's log records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LogEvent {
    /// An editor made a link to pass on by other means.
    LinkCreated,
    Sent,
    NotSent,
    Opened,
    Confirmed,
    ChangeAsked,
    EndAsked,
    Revoked,
    /// Two reminders without an answer: the editors check the offer themselves.
    NoAnswer,
}

impl LogEvent {
    pub const ALL: [LogEvent; 9] = [
        LogEvent::LinkCreated,
        LogEvent::Sent,
        LogEvent::NotSent,
        LogEvent::Opened,
        LogEvent::Confirmed,
        LogEvent::ChangeAsked,
        LogEvent::EndAsked,
        LogEvent::Revoked,
        LogEvent::NoAnswer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LogEvent::LinkCreated => "link",
            LogEvent::Sent => "gesendet",
            LogEvent::NotSent => "nicht-gesendet",
            LogEvent::Opened => "geoeffnet",
            LogEvent::Confirmed => "bestaetigt",
            LogEvent::ChangeAsked => "aenderung",
            LogEvent::EndAsked => "eingestellt",
            LogEvent::Revoked => "gesperrt",
            LogEvent::NoAnswer => "keine-antwort",
        }
    }

    pub fn parse(code: &str) -> Option<LogEvent> {
        LogEvent::ALL.into_iter().find(|event| event.code() == code)
    }

    /// The log's words for it.
    pub fn label(self) -> &'static str {
        match self {
            LogEvent::LinkCreated => "Link erzeugt (zum Weitergeben)",
            LogEvent::Sent => "Link per E-Mail gesendet",
            LogEvent::NotSent => "E-Mail nicht zugestellt",
            LogEvent::Opened => "Link geöffnet",
            LogEvent::Confirmed => "Angebot bestätigt",
            LogEvent::ChangeAsked => "Änderung gewünscht",
            LogEvent::EndAsked => "„Gibt es nicht mehr“ gemeldet",
            LogEvent::Revoked => "Links gesperrt",
            LogEvent::NoAnswer => "Keine Antwort auf zwei Erinnerungen – bitte selbst prüfen",
        }
    }
}

/// One line of an organisation's log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    pub at: i64,
    pub event: LogEvent,
    pub offer_id: Option<i64>,
    pub offer_name: String,
    pub detail: String,
}

/// An organisation as the editors' list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationSummary {
    pub id: i64,
    pub name: String,
    pub active_offers: i64,
    pub contacts: i64,
    pub last_confirmed_at: Option<i64>,
    /// Where its reminders stand, while it has offers due.
    pub reminders: Option<ReminderState>,
}

/// The fields an institution may change through its link: what families read. Member-only
/// fields, the address protection and the vocabularies the editors keep consistent stay with
/// the editors (a moved address is said in the message).
pub const INSTITUTION_FIELDS: [EditableField; 12] = [
    EditableField::Name,
    EditableField::Description,
    EditableField::Phone,
    EditableField::Email,
    EditableField::Website,
    EditableField::OpeningHours,
    EditableField::HoursNote,
    EditableField::Cost,
    EditableField::CostNote,
    EditableField::AccessibilityNote,
    EditableField::FreePlaces,
    EditableField::WaitWeeks,
];

/// An offer as its institution's page shows it: public fields only, the address as the
/// public sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InstitutionOffer {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub last_checked: NaiveDate,
    /// The canonical value of each of [`INSTITUTION_FIELDS`].
    pub fields: Vec<(EditableField, String)>,
}

impl InstitutionOffer {
    pub fn of(offer: &EditableOffer) -> InstitutionOffer {
        let protection = AddressProtection::parse(offer.value(EditableField::AddressProtection))
            .unwrap_or(AddressProtection::TownForEditors);
        let place = &offer.location;
        // A protected address stays off this page too: whoever holds the link is no member.
        let address = if protection.is_protected() {
            format!("{} (Adresse geschützt, nicht öffentlich)", place.town)
        } else {
            format!("{}, {} {}", place.street, place.postcode, place.town)
        };
        InstitutionOffer {
            id: offer.id,
            name: offer.value(EditableField::Name).to_string(),
            address,
            last_checked: offer.last_checked,
            fields: INSTITUTION_FIELDS
                .into_iter()
                .map(|field| (field, offer.value(field).to_string()))
                .collect(),
        }
    }

    pub fn value(&self, field: EditableField) -> &str {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map_or("", |(_, value)| value.as_str())
    }
}

/// The changes an institution typed, checked with the editors' validators: each field whose
/// canonical value differs from the offer's now, or each field's German reason. A field
/// not sent stays as it is.
pub fn proposed_changes(
    current: &InstitutionOffer,
    typed: &[(EditableField, String)],
) -> Result<Vec<ProposedChange>, Vec<(EditableField, String)>> {
    let mut changes = Vec::new();
    let mut problems = Vec::new();
    for (field, input) in typed {
        if !INSTITUTION_FIELDS.contains(field) {
            problems.push((*field, "Dieses Feld ändert die Redaktion.".to_string()));
            continue;
        }
        match field.canonical_value(input) {
            Ok(value) if value == current.value(*field) => {}
            Ok(value) => changes.push(ProposedChange {
                field: field.code().to_string(),
                old: current.value(*field).to_string(),
                new: value,
            }),
            Err(reason) => problems.push((*field, reason)),
        }
    }
    if problems.is_empty() {
        Ok(changes)
    } else {
        Err(problems)
    }
}

/// "Gibt es nicht mehr" as a proposed change: archive the offer.
pub fn end_of_offer() -> ProposedChange {
    ProposedChange {
        field: STATUS_FIELD.to_string(),
        old: String::new(),
        new: ARCHIVED.to_string(),
    }
}

/// A mail with a confirmation link: subject and plain-text body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkMail {
    pub subject: String,
    pub body: String,
}

/// The mail that brings an organisation its link: what it is for, the link, until when it
/// holds, and that the editors check every change before it appears.
pub fn link_mail(organization: &str, offers: usize, url: &str, valid_until: NaiveDate) -> LinkMail {
    let offers_in_words = match offers {
        1 => "ein Angebot".to_string(),
        n => format!("{n} Angebote"),
    };
    LinkMail {
        subject: format!("Chancenkarte: Stimmen die Angaben von „{organization}“ noch?"),
        body: format!(
            "Guten Tag,\n\n\
             die Chancenkarte zeigt Familien, Kindern und Jugendlichen im Kreis, wo sie Hilfe finden. \
             Von Ihrer Einrichtung „{organization}“ zeigt sie {offers_in_words}. Bitte sehen Sie kurz \
             nach, ob die Angaben noch stimmen – ohne Anmeldung, mit einem Klick je Angebot:\n\n\
             {url}\n\n\
             Stimmt etwas nicht mehr, tragen Sie es dort ein; die Redaktion prüft jede Änderung, \
             bevor sie erscheint. Gibt es ein Angebot nicht mehr, melden Sie auch das dort.\n\n\
             Der Link gilt bis zum {} und nur für die Angebote Ihrer Einrichtung. Bitte geben Sie \
             ihn nicht weiter.\n\n\
             Ihre Redaktion der Chancenkarte\n",
            valid_until.format("%d.%m.%Y")
        ),
    }
}

/// When institutions are reminded: an offer neither confirmed nor checked for
/// `due_after_months` is due; its organisation's confirmation addresses get a first reminder,
/// a second one `second_after_days` later, and `flag_after_days` after that the editors are
/// told it did not answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReminderPolicy {
    pub due_after_months: u32,
    pub second_after_days: i64,
    pub flag_after_days: i64,
}

impl Default for ReminderPolicy {
    fn default() -> ReminderPolicy {
        ReminderPolicy {
            due_after_months: 11,
            second_after_days: 14,
            flag_after_days: 14,
        }
    }
}

impl ReminderPolicy {
    /// The day before which a check makes an offer due, on `today`.
    pub fn due_before(&self, today: NaiveDate) -> NaiveDate {
        today
            .checked_sub_months(chrono::Months::new(self.due_after_months))
            .unwrap_or(today)
    }

    /// What an organisation with offers due gets now, where its reminders stand at `state`.
    pub fn next_step(&self, state: Option<&ReminderState>, now: i64) -> ReminderStep {
        const DAY: i64 = 24 * 60 * 60;
        let Some(state) = state else {
            return ReminderStep::First;
        };
        match (state.second_sent_at, state.flagged_at) {
            (_, Some(_)) => ReminderStep::Wait,
            (None, None) if now - state.first_sent_at >= self.second_after_days * DAY => {
                ReminderStep::Second
            }
            (Some(second), None) if now - second >= self.flag_after_days * DAY => {
                ReminderStep::Flag
            }
            _ => ReminderStep::Wait,
        }
    }
}

/// Where an organisation's reminders stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderState {
    pub first_sent_at: i64,
    pub second_sent_at: Option<i64>,
    pub flagged_at: Option<i64>,
}

/// What a reminder round does for one organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReminderStep {
    First,
    Second,
    /// Tell the editors: no answer to two reminders.
    Flag,
    Wait,
}

/// The reminder mail: how many offers the organisation has, which of them are due, the link,
/// until when it holds.
pub fn reminder_mail(
    organization: &str,
    offers: usize,
    due_offers: &[String],
    url: &str,
    valid_until: NaiveDate,
    second: bool,
) -> LinkMail {
    let listed: String = due_offers
        .iter()
        .map(|name| format!("  – {name}\n"))
        .collect();
    let mail = link_mail(organization, offers, url, valid_until);
    LinkMail {
        subject: if second {
            format!("Zweite Erinnerung – {}", mail.subject)
        } else {
            format!("Erinnerung – {}", mail.subject)
        },
        body: mail.body.replacen(
            "Bitte sehen Sie kurz",
            &format!(
                "Diese Angaben wurden seit fast einem Jahr nicht bestätigt:\n\n{listed}\nBitte sehen Sie kurz"
            ),
            1,
        ),
    }
}

/// What a forwarded "Fehler melden" says: the offer, the message, the reporter's address only
/// if they left one, and the link to correct it.
#[derive(Clone, Copy, Debug)]
pub struct ReportedError<'a> {
    pub organization: &'a str,
    pub offer: &'a str,
    pub reference: &'a str,
    pub message: &'a str,
    /// The reporter's address, if they chose to leave one ("" otherwise).
    pub reply_to: &'a str,
}

/// The mail that brings an institution a "Fehler melden" about one of its offers.
pub fn reported_error_mail(
    report: &ReportedError<'_>,
    url: &str,
    valid_until: NaiveDate,
) -> LinkMail {
    let quoted: String = report
        .message
        .lines()
        .map(|line| format!("> {line}\n"))
        .collect();
    let reply = if report.reply_to.is_empty() {
        "Die meldende Person hat keine Adresse hinterlassen.".to_string()
    } else {
        format!(
            "Die meldende Person bittet um Rückmeldung an: {}",
            report.reply_to
        )
    };
    LinkMail {
        subject: format!(
            "Chancenkarte: Hinweis auf einen Fehler bei „{}“ ({})",
            report.offer, report.reference
        ),
        body: format!(
            "Guten Tag,\n\n\
             auf der Chancenkarte hat jemand zum Angebot „{}“ Ihrer Einrichtung „{}“ einen Fehler \
             gemeldet:\n\n{quoted}\n{reply}\n\n\
             Bitte prüfen Sie die Angaben. Mit diesem Link können Sie sie ohne Anmeldung bestätigen \
             oder eine Änderung an die Redaktion schicken:\n\n{url}\n\n\
             Der Link gilt bis zum {} und nur für die Angebote Ihrer Einrichtung. Die Redaktion hat \
             den Hinweis ebenfalls erhalten.\n\n\
             Ihre Redaktion der Chancenkarte\n",
            report.offer,
            report.organization,
            valid_until.format("%d.%m.%Y")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editing::model::OfferLocation;

    fn offer(protection: &str) -> EditableOffer {
        EditableOffer {
            id: 7,
            version: 3,
            archived: false,
            last_checked: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            values: vec![
                (EditableField::Name, "Elterncafé".into()),
                (EditableField::Phone, "02541 123".into()),
                (EditableField::Cost, "kostenlos".into()),
                (
                    EditableField::InternalNote,
                    "Nur intern: Frau K. krank".into(),
                ),
                (EditableField::Contacts, "Eva Intern; 0171 999".into()),
                (EditableField::AddressProtection, protection.into()),
            ],
            location: OfferLocation {
                street: "Geheimweg 3".into(),
                postcode: "48653".into(),
                town: "Coesfeld".into(),
                lat: 51.9,
                lon: 7.1,
                municipality: "05558012".into(),
            },
        }
    }

    #[test]
    fn the_page_shows_public_fields_and_never_a_protected_street() {
        let shown = InstitutionOffer::of(&offer("nein"));
        assert_eq!(shown.address, "Geheimweg 3, 48653 Coesfeld");
        let text = format!("{shown:?}");
        assert!(!text.contains("Frau K."), "{text}");
        assert!(!text.contains("0171 999"), "{text}");
        for protection in [
            "ort",
            "ohne-karte",
            "ort-redaktion",
            "ohne-karte-redaktion",
            "?",
        ] {
            let shown = InstitutionOffer::of(&offer(protection));
            assert!(!format!("{shown:?}").contains("Geheimweg"), "{protection}");
            assert!(!format!("{shown:?}").contains("48653"), "{protection}");
        }
    }

    #[test]
    fn a_change_is_the_fields_that_differ_checked_like_an_editors() {
        let shown = InstitutionOffer::of(&offer("nein"));
        let changes = proposed_changes(
            &shown,
            &[
                (EditableField::Name, " Elterncafé ".into()),
                (EditableField::Phone, "02541   456".into()),
                (EditableField::Cost, "kostenpflichtig".into()),
            ],
        )
        .unwrap();
        assert_eq!(
            changes,
            [
                ProposedChange {
                    field: "telefon".into(),
                    old: "02541 123".into(),
                    new: "02541 456".into()
                },
                ProposedChange {
                    field: "kosten".into(),
                    old: "kostenlos".into(),
                    new: "kostenpflichtig".into()
                },
            ]
        );
        let problems = proposed_changes(
            &shown,
            &[
                (EditableField::Phone, "=HYPERLINK(1)".into()),
                (EditableField::InternalNote, "anders".into()),
            ],
        )
        .unwrap_err();
        let fields: Vec<_> = problems.iter().map(|(field, _)| *field).collect();
        assert_eq!(fields, [EditableField::Phone, EditableField::InternalNote]);
        assert!(end_of_offer().is_archive());
    }

    #[test]
    fn reminders_come_twice_then_the_editors_are_told() {
        const DAY: i64 = 24 * 60 * 60;
        let policy = ReminderPolicy::default();
        assert_eq!(
            policy.due_before(NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()),
            NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
        );
        assert_eq!(policy.next_step(None, 0), ReminderStep::First);
        let first = ReminderState {
            first_sent_at: 0,
            second_sent_at: None,
            flagged_at: None,
        };
        assert_eq!(policy.next_step(Some(&first), 13 * DAY), ReminderStep::Wait);
        assert_eq!(
            policy.next_step(Some(&first), 14 * DAY),
            ReminderStep::Second
        );
        let second = ReminderState {
            second_sent_at: Some(14 * DAY),
            ..first
        };
        assert_eq!(
            policy.next_step(Some(&second), 27 * DAY),
            ReminderStep::Wait
        );
        assert_eq!(
            policy.next_step(Some(&second), 28 * DAY),
            ReminderStep::Flag
        );
        let flagged = ReminderState {
            flagged_at: Some(28 * DAY),
            ..second
        };
        assert_eq!(
            policy.next_step(Some(&flagged), 400 * DAY),
            ReminderStep::Wait
        );
        let mail = reminder_mail(
            "Familienzentrum Süd",
            1,
            &["Elterncafé".to_string()],
            "https://karte.example/bestaetigen?token=1.ab",
            NaiveDate::from_ymd_opt(2027, 2, 3).unwrap(),
            true,
        );
        assert!(mail.subject.starts_with("Zweite Erinnerung"));
        assert!(mail.body.contains("  – Elterncafé\n"), "{}", mail.body);
        assert!(mail.body.contains("ein Angebot"));
    }

    #[test]
    fn a_reported_error_names_the_reporter_only_if_they_left_an_address() {
        let report = ReportedError {
            organization: "Familienzentrum Süd",
            offer: "Elterncafé",
            reference: "CK-2026-00007",
            message: "Die Nummer stimmt nicht.\nNeu: 02541 2",
            reply_to: "",
        };
        let day = NaiveDate::from_ymd_opt(2027, 2, 3).unwrap();
        let anonymous =
            reported_error_mail(&report, "https://k.example/bestaetigen?token=1.a", day);
        assert!(
            anonymous.subject.contains("Elterncafé") && anonymous.subject.contains("CK-2026-00007")
        );
        assert!(
            anonymous
                .body
                .contains("> Die Nummer stimmt nicht.\n> Neu: 02541 2\n")
        );
        assert!(anonymous.body.contains("keine Adresse hinterlassen"));
        assert!(
            anonymous
                .body
                .contains("\nhttps://k.example/bestaetigen?token=1.a\n")
        );
        let named = reported_error_mail(
            &ReportedError {
                reply_to: "eva@example.org",
                ..report
            },
            "https://k.example/bestaetigen?token=1.a",
            day,
        );
        assert!(named.body.contains("Rückmeldung an: eva@example.org"));
    }

    #[test]
    fn links_hold_until_expiry_or_revocation() {
        let link = ConfirmationLink {
            id: 1,
            organization_id: 2,
            created_at: 0,
            expires_at: 100,
            revoked_at: None,
            opened_at: None,
        };
        assert_eq!(link.state(99), LinkState::Valid);
        assert_eq!(link.state(100), LinkState::Expired);
        let revoked = ConfirmationLink {
            revoked_at: Some(5),
            ..link.clone()
        };
        assert_eq!(revoked.state(6), LinkState::Revoked);
        let other = ConfirmationLink {
            organization_id: 3,
            ..link.clone()
        };
        assert_ne!(link.binding(), other.binding());
        let mail = link_mail(
            "Familienzentrum Süd",
            2,
            "https://karte.example/bestaetigen?token=1.ab",
            NaiveDate::from_ymd_opt(2027, 2, 3).unwrap(),
        );
        assert!(mail.subject.contains("Familienzentrum Süd"));
        assert!(mail.body.contains("2 Angebote"));
        assert!(
            mail.body
                .contains("\nhttps://karte.example/bestaetigen?token=1.ab\n")
        );
        assert!(mail.body.contains("bis zum 03.02.2027"));
        for event in LogEvent::ALL {
            assert_eq!(LogEvent::parse(event.code()), Some(event));
        }
    }
}
