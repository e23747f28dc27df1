//! Editing an offer one field at a time: the editable fields, the parsing of what an editor
//! types into one of them (with German messages), and the canonical text of each value, which
//! is what the change history stores and compares.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::offers::hours::{OpeningSlot, TimeOfDay, Weekday};
use crate::offers::taxonomy::{AddressProtection, Cost, Delivery, Language, LifePhase, Topic};

/// The fields an editor can change in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EditableField {
    Name,
    Description,
    Topics,
    Phases,
    Languages,
    Delivery,
    Cost,
    CostNote,
    Wheelchair,
    AccessibilityNote,
    Phone,
    Email,
    Website,
    OpeningHours,
    HoursNote,
    /// Closed in the school holidays ("ja"/"nein"), said with the hours and used by "open now".
    ClosedInSchoolHolidays,
    /// Member-only.
    InternalNote,
    /// Member-only: one contact person per line, "Name; Rolle; Telefon; E-Mail".
    Contacts,
    /// Schutzadresse: whether the public sees the street or only the town (a code of
    /// [`AddressProtection`]).
    AddressProtection,
    /// Optional short descriptions in the other interface languages.
    SummaryEn,
    SummaryTr,
    SummaryAr,
    SummaryUk,
    /// A visibility window (holiday programmes, courses, seasonal offers): ISO dates, "" for
    /// none. Outside it the offer leaves every public view by itself.
    VisibleFrom,
    VisibleUntil,
    /// "Vorübergehend geschlossen bis …" with a reason: the offer stays public with the notice.
    ClosedUntil,
    ClosedReason,
    /// Free places ("ja", "nein", "anfrage"; "" unknown) and the wait in weeks ("" unknown):
    /// dated when saved, hidden when the date is too old.
    FreePlaces,
    WaitWeeks,
}

impl EditableField {
    pub const ALL: [EditableField; 29] = [
        EditableField::Name,
        EditableField::Description,
        EditableField::Topics,
        EditableField::Phases,
        EditableField::Languages,
        EditableField::Delivery,
        EditableField::Cost,
        EditableField::CostNote,
        EditableField::Wheelchair,
        EditableField::AccessibilityNote,
        EditableField::Phone,
        EditableField::Email,
        EditableField::Website,
        EditableField::OpeningHours,
        EditableField::HoursNote,
        EditableField::ClosedInSchoolHolidays,
        EditableField::InternalNote,
        EditableField::Contacts,
        EditableField::AddressProtection,
        EditableField::SummaryEn,
        EditableField::SummaryTr,
        EditableField::SummaryAr,
        EditableField::SummaryUk,
        EditableField::VisibleFrom,
        EditableField::VisibleUntil,
        EditableField::ClosedUntil,
        EditableField::ClosedReason,
        EditableField::FreePlaces,
        EditableField::WaitWeeks,
    ];

    /// Stable code, used in URLs, forms and the history.
    pub fn code(self) -> &'static str {
        match self {
            EditableField::Name => "name",
            EditableField::Description => "beschreibung",
            EditableField::Topics => "themen",
            EditableField::Phases => "lebensphasen",
            EditableField::Languages => "sprachen",
            EditableField::Delivery => "form",
            EditableField::Cost => "kosten",
            EditableField::CostNote => "kosten_hinweis",
            EditableField::Wheelchair => "rollstuhlgerecht",
            EditableField::AccessibilityNote => "barrierefreiheit",
            EditableField::Phone => "telefon",
            EditableField::Email => "email",
            EditableField::Website => "website",
            EditableField::OpeningHours => "oeffnungszeiten",
            EditableField::HoursNote => "oeffnungszeiten_hinweis",
            EditableField::ClosedInSchoolHolidays => "schulferien_geschlossen",
            EditableField::InternalNote => "interne_notiz",
            EditableField::Contacts => "ansprechpersonen",
            EditableField::AddressProtection => "schutzadresse",
            EditableField::SummaryEn => "kurz_en",
            EditableField::SummaryTr => "kurz_tr",
            EditableField::SummaryAr => "kurz_ar",
            EditableField::SummaryUk => "kurz_uk",
            EditableField::VisibleFrom => "sichtbar_ab",
            EditableField::VisibleUntil => "sichtbar_bis",
            EditableField::ClosedUntil => "geschlossen_bis",
            EditableField::ClosedReason => "geschlossen_grund",
            EditableField::FreePlaces => "freie_plaetze",
            EditableField::WaitWeeks => "wartezeit_wochen",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EditableField::Name => "Name",
            EditableField::Description => "Beschreibung",
            EditableField::Topics => "Themen",
            EditableField::Phases => "Lebensphasen",
            EditableField::Languages => "Sprachen",
            EditableField::Delivery => "Form",
            EditableField::Cost => "Kosten",
            EditableField::CostNote => "Hinweis zu den Kosten",
            EditableField::Wheelchair => "Rollstuhlgerecht",
            EditableField::AccessibilityNote => "Hinweis zur Barrierefreiheit",
            EditableField::Phone => "Telefon",
            EditableField::Email => "E-Mail",
            EditableField::Website => "Website",
            EditableField::OpeningHours => "Öffnungszeiten",
            EditableField::HoursNote => "Hinweis zu den Öffnungszeiten",
            EditableField::ClosedInSchoolHolidays => "In den Schulferien geschlossen",
            EditableField::InternalNote => "Interne Notiz",
            EditableField::Contacts => "Ansprechpersonen (intern)",
            EditableField::AddressProtection => "Schutzadresse",
            EditableField::SummaryEn => "Kurzbeschreibung auf Englisch",
            EditableField::SummaryTr => "Kurzbeschreibung auf Türkisch",
            EditableField::SummaryAr => "Kurzbeschreibung auf Arabisch",
            EditableField::SummaryUk => "Kurzbeschreibung auf Ukrainisch",
            EditableField::VisibleFrom => "Sichtbar ab",
            EditableField::VisibleUntil => "Sichtbar bis",
            EditableField::ClosedUntil => "Vorübergehend geschlossen bis",
            EditableField::ClosedReason => "Grund der Schließung",
            EditableField::FreePlaces => "Freie Plätze",
            EditableField::WaitWeeks => "Wartezeit in Wochen",
        }
    }

    pub fn parse(code: &str) -> Option<EditableField> {
        EditableField::ALL
            .into_iter()
            .find(|field| field.code() == code.trim())
    }

    /// How an editor enters the field's value.
    pub fn input(self) -> FieldInput {
        fn all<T: Copy>(
            items: &[T],
            code: fn(T) -> &'static str,
            label: fn(T) -> &'static str,
        ) -> Vec<Choice> {
            items
                .iter()
                .map(|item| (code(*item), label(*item)))
                .collect()
        }
        match self {
            EditableField::Topics => {
                FieldInput::Several(all(Topic::ALL, Topic::code, Topic::label))
            }
            EditableField::Phases => {
                FieldInput::Several(all(LifePhase::ALL, LifePhase::code, LifePhase::label))
            }
            EditableField::Languages => {
                FieldInput::Several(all(Language::ALL, Language::code, Language::label))
            }
            EditableField::Delivery => {
                FieldInput::Several(all(Delivery::ALL, Delivery::code, Delivery::label))
            }
            EditableField::Cost => FieldInput::One(all(Cost::ALL, Cost::code, Cost::label)),
            EditableField::AddressProtection => FieldInput::One(all(
                AddressProtection::ALL,
                AddressProtection::code,
                AddressProtection::label,
            )),
            EditableField::Wheelchair | EditableField::ClosedInSchoolHolidays => {
                FieldInput::One(vec![("ja", "ja"), ("nein", "nein")])
            }
            EditableField::FreePlaces => FieldInput::One(vec![
                ("", "keine Angabe"),
                ("ja", "ja"),
                ("nein", "nein"),
                ("anfrage", "auf Anfrage"),
            ]),
            EditableField::Description
            | EditableField::OpeningHours
            | EditableField::InternalNote
            | EditableField::Contacts
            | EditableField::SummaryEn
            | EditableField::SummaryTr
            | EditableField::SummaryAr
            | EditableField::SummaryUk => FieldInput::Text,
            _ => FieldInput::Line,
        }
    }

    /// What an editor may type into the field, said next to it.
    pub fn hint(self) -> Option<&'static str> {
        Some(match self {
            EditableField::Topics
            | EditableField::Phases
            | EditableField::Languages
            | EditableField::Delivery => "Mindestens eine Angabe ankreuzen.",
            EditableField::OpeningHours => {
                "Je Zeile oder durch „;“ getrennt, z. B. „Mo 09:00-12:00, 14:00-16:00; Mi 09:00-12:00“; leer = nach Vereinbarung"
            }
            EditableField::Phone => "z. B. 02541 18-0",
            EditableField::Website => "beginnt mit https://",
            EditableField::Email => "z. B. beratung@beispiel.de",
            EditableField::Contacts => {
                "Eine Person je Zeile: Name; Rolle; Telefon; E-Mail (nur für Netzwerkmitglieder sichtbar)"
            }
            EditableField::InternalNote => "Nur für Netzwerkmitglieder sichtbar.",
            EditableField::AddressProtection => {
                "Für Orte, die geschützt bleiben müssen (z. B. Frauenhaus): Karte, Exporte und Schnittstellen zeigen dann nur den Ort und „Adresse auf Anfrage“ mit der öffentlichen Telefonnummer."
            }
            EditableField::ClosedInSchoolHolidays => {
                "„ja“ z. B. für Hausaufgabenhilfe, Schulsozialarbeit, OGS: an Tagen der NRW-Schulferien steht dann „heute Schulferien – geschlossen“."
            }
            EditableField::SummaryEn
            | EditableField::SummaryTr
            | EditableField::SummaryAr
            | EditableField::SummaryUk => {
                "Freiwillig: zwei, drei einfache Sätze in dieser Sprache; erscheint, wenn jemand die Seite in ihr liest. Leer lassen, wenn es keine gibt."
            }
            EditableField::VisibleFrom => {
                "Leer = sofort. Ein Datum (TT.MM.JJJJ), z. B. für ein Ferienprogramm: Das Angebot erscheint an diesem Tag von selbst auf der Karte."
            }
            EditableField::VisibleUntil => {
                "Leer = ohne Ende. Nach diesem Tag (TT.MM.JJJJ) verschwindet das Angebot von selbst aus Karte, Liste und Schnittstellen; mit einem neuen Datum kommt es zurück."
            }
            EditableField::ClosedUntil => {
                "Leer = geöffnet. Bis zu diesem Tag (TT.MM.JJJJ) bleibt das Angebot sichtbar, mit dem Hinweis „vorübergehend geschlossen“."
            }
            EditableField::ClosedReason => "Freiwillig, z. B. „Umbau“ oder „Sommerpause“.",
            EditableField::FreePlaces | EditableField::WaitWeeks => {
                "Mit dem Tag des Speicherns gezeigt und nach sechs Wochen von selbst ausgeblendet: bitte aktuell halten oder leer lassen."
            }
            _ => return None,
        })
    }

    /// A stored value as an editor reads it: labels instead of codes, "—" for nothing.
    pub fn shown_value(self, value: &str) -> String {
        if value.trim().is_empty() {
            return "—".to_string();
        }
        match self.input() {
            FieldInput::One(choices) | FieldInput::Several(choices) => value
                .split(',')
                .map(|code| {
                    let code = code.trim();
                    choices
                        .iter()
                        .find(|(known, _)| *known == code)
                        .map_or(code, |(_, label)| label)
                })
                .collect::<Vec<_>>()
                .join(", "),
            FieldInput::Line | FieldInput::Text if self.is_date() => {
                crate::shared::iso_date::german(value).unwrap_or_else(|| value.to_string())
            }
            FieldInput::Line | FieldInput::Text => value.to_string(),
        }
    }

    /// Whether the field holds a day (ISO `YYYY-MM-DD`, "" for none).
    pub fn is_date(self) -> bool {
        matches!(
            self,
            EditableField::VisibleFrom | EditableField::VisibleUntil | EditableField::ClosedUntil
        )
    }

    /// Whether only network members may see the field.
    pub fn member_only(self) -> bool {
        matches!(self, EditableField::InternalNote | EditableField::Contacts)
    }

    /// Parses an editor's input into the canonical text of the value, or says in German what
    /// is wrong with it.
    pub fn canonical_value(self, input: &str) -> Result<String, String> {
        let text = input.trim();
        match self {
            EditableField::Name => bounded_text(text, 3, 120, "Der Name"),
            EditableField::Description => bounded_text(text, 20, 4000, "Die Beschreibung"),
            EditableField::Topics => codes(text, Topic::parse, "Thema", "ein Thema"),
            EditableField::Phases => {
                codes(text, LifePhase::parse, "Lebensphase", "eine Lebensphase")
            }
            EditableField::Languages => codes(text, Language::parse, "Sprache", "eine Sprache"),
            EditableField::Delivery => codes(text, Delivery::parse, "Form", "eine Form"),
            EditableField::Cost => Cost::parse(text)
                .map(|cost| cost.code().to_string())
                .ok_or_else(|| {
                    "Bitte wählen Sie, ob das Angebot kostenlos, ermäßigt oder kostenpflichtig ist."
                        .to_string()
                }),
            EditableField::CostNote
            | EditableField::AccessibilityNote
            | EditableField::HoursNote => bounded_text(text, 0, 500, "Der Hinweis"),
            EditableField::InternalNote => bounded_text(text, 0, 2000, "Die interne Notiz"),
            EditableField::SummaryEn
            | EditableField::SummaryTr
            | EditableField::SummaryAr
            | EditableField::SummaryUk => bounded_text(text, 0, 600, "Die Kurzbeschreibung"),
            EditableField::Contacts => {
                parse_contacts(text).map(|contacts| format_contacts(&contacts))
            }
            // An empty value (a file without the column's value) keeps the address public.
            EditableField::AddressProtection => match text {
                "" => Ok(AddressProtection::Public.code().to_string()),
                code => AddressProtection::parse(code)
                    .map(|level| level.code().to_string())
                    .ok_or_else(|| {
                        "Bitte wählen Sie, ob und für wen die Adresse geschützt ist.".to_string()
                    }),
            },
            EditableField::Wheelchair | EditableField::ClosedInSchoolHolidays => match text {
                "ja" | "true" | "1" => Ok("ja".to_string()),
                "nein" | "false" | "0" | "" => Ok("nein".to_string()),
                _ => Err("Bitte „ja“ oder „nein“ angeben.".to_string()),
            },
            EditableField::Phone => phone(text),
            EditableField::Email => email(text),
            EditableField::Website => website(text),
            EditableField::OpeningHours => {
                parse_opening_hours(text).map(|slots| format_opening_hours(&slots))
            }
            EditableField::VisibleFrom
            | EditableField::VisibleUntil
            | EditableField::ClosedUntil => day(text),
            EditableField::ClosedReason => bounded_text(text, 0, 200, "Der Grund"),
            EditableField::FreePlaces => match text {
                "" | "ja" | "nein" | "anfrage" => Ok(text.to_string()),
                _ => Err(
                    "Bitte „ja“, „nein“ oder „auf Anfrage“ wählen – oder keine Angabe.".to_string(),
                ),
            },
            EditableField::WaitWeeks => match text {
                "" => Ok(String::new()),
                weeks => weeks
                    .parse::<u8>()
                    .ok()
                    .filter(|weeks| *weeks <= 104)
                    .map(|weeks| weeks.to_string())
                    .ok_or_else(|| {
                        format!(
                            "„{weeks}“ ist keine Zahl von Wochen (0 bis 104) – oder leer lassen."
                        )
                    }),
            },
        }
    }
}

/// A day typed as `TT.MM.JJJJ` (or ISO), canonical as ISO; "" for none.
fn day(text: &str) -> Result<String, String> {
    use crate::shared::iso_date;
    if text.is_empty() {
        return Ok(String::new());
    }
    iso_date::parse(text)
        .or_else(|| iso_date::parse_german(text))
        .filter(|date| (2000..=2100).contains(&chrono::Datelike::year(date)))
        .map(iso_date::text)
        .ok_or_else(|| {
            format!("„{text}“ ist kein Datum (Beispiel: 31.07.2027) – oder leer lassen.")
        })
}

/// A value an editor can choose: (code, German label).
pub type Choice = (&'static str, &'static str);

/// The input control of an editable field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldInput {
    /// One line of text.
    Line,
    /// Several lines of text.
    Text,
    /// Exactly one of the choices (a select).
    One(Vec<Choice>),
    /// At least one of the choices (checkboxes); the value lists their codes, comma-separated.
    Several(Vec<Choice>),
}

fn bounded_text(text: &str, min: usize, max: usize, what: &str) -> Result<String, String> {
    // Every line break as "\n" (a lone "\r" too), before anything is counted: checking the
    // value again then changes nothing (found by fuzzing).
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let length = text.chars().count();
    if length < min {
        return Err(if min <= 1 || length == 0 {
            format!("{what} darf nicht leer sein.")
        } else {
            format!("{what} ist zu kurz (mindestens {min} Zeichen).")
        });
    }
    if length > max {
        return Err(format!(
            "{what} ist zu lang (höchstens {max} Zeichen, jetzt {length})."
        ));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(format!("{what} enthält unzulässige Steuerzeichen."));
    }
    Ok(text)
}

/// A comma-separated, non-empty list of vocabulary codes, in vocabulary order without repeats.
fn codes<T: Copy + Ord + CodeOf>(
    text: &str,
    parse: fn(&str) -> Option<T>,
    what: &str,
    at_least_one: &str,
) -> Result<String, String> {
    let mut items = Vec::new();
    for part in text
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
    {
        let item = parse(part).ok_or_else(|| format!("{what} „{part}“ gibt es nicht."))?;
        items.push(item);
    }
    if items.is_empty() {
        return Err(format!("Bitte wählen Sie mindestens {at_least_one}."));
    }
    items.sort();
    items.dedup();
    Ok(items
        .iter()
        .map(|item| item.code_of())
        .collect::<Vec<_>>()
        .join(","))
}

/// The code of a vocabulary item (the vocabularies share no trait of their own).
pub trait CodeOf {
    fn code_of(&self) -> &'static str;
}

macro_rules! code_of {
    ($($vocabulary:ty),+) => {
        $(impl CodeOf for $vocabulary {
            fn code_of(&self) -> &'static str {
                self.code()
            }
        })+
    };
}
code_of!(Topic, LifePhase, Language, Delivery);

fn phone(text: &str) -> Result<String, String> {
    if text.is_empty() {
        return Ok(String::new());
    }
    let allowed = |c: char| c.is_ascii_digit() || " +-/()".contains(c);
    if let Some(bad) = text.chars().find(|c| !allowed(*c)) {
        return Err(format!(
            "„{bad}“ gehört nicht in eine Telefonnummer (erlaubt: Ziffern, Leerzeichen, + - / ( ))."
        ));
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if !(6..=20).contains(&digits) {
        return Err(
            "Eine Telefonnummer hat 6 bis 20 Ziffern, mit Vorwahl (z. B. 02541 18-0).".to_string(),
        );
    }
    if text.contains('+') && !text.starts_with('+') {
        return Err(
            "Ein „+“ steht nur am Anfang einer Telefonnummer (z. B. +49 2541 18-0).".to_string(),
        );
    }
    Ok(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn email(text: &str) -> Result<String, String> {
    if text.is_empty() {
        return Ok(String::new());
    }
    if !text.contains('@') {
        return Err("Eine E-Mail-Adresse enthält ein @ (z. B. info@beispiel.de).".to_string());
    }
    crate::accounts::model::Email::parse(text)
        .map(|email| email.as_str().to_string())
        .map_err(|error| error.0)
}

fn website(text: &str) -> Result<String, String> {
    if text.is_empty() {
        return Ok(String::new());
    }
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .ok_or_else(|| "Eine Website beginnt mit https:// oder http://.".to_string())?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.' || c == ':');
    if !host_ok || text.chars().any(char::is_whitespace) {
        return Err(format!("„{text}“ ist keine gültige Website-Adresse."));
    }
    if text.chars().count() > 300 {
        return Err("Die Website-Adresse ist zu lang (höchstens 300 Zeichen).".to_string());
    }
    Ok(text.to_string())
}

/// A member-only contact person as edited: name, role, direct line, e-mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactLine {
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
}

/// Parses contact persons, one per line: "Name; Rolle; Telefon; E-Mail" (the last three may be
/// empty). Empty text means none.
pub fn parse_contacts(text: &str) -> Result<Vec<ContactLine>, String> {
    let mut contacts = Vec::new();
    // A lone "\r" ends a line too: read as one, written back as "\n" (found by fuzzing).
    for (number, line) in text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        let parts: Vec<&str> = line.split(';').map(str::trim).collect();
        let at = |what: String| format!("Zeile {}: {what}", number + 1);
        if parts.len() > 4 {
            return Err(at(
                "Bitte höchstens vier Angaben, getrennt durch „;“: Name; Rolle; Telefon; E-Mail."
                    .into(),
            ));
        }
        let part = |i: usize| parts.get(i).copied().unwrap_or("");
        if part(0).chars().count() < 2 {
            return Err(at("Bitte den Namen der Ansprechperson angeben.".into()));
        }
        contacts.push(ContactLine {
            name: bounded_text(part(0), 2, 100, "Der Name").map_err(at)?,
            role: bounded_text(part(1), 0, 100, "Die Rolle").map_err(at)?,
            phone: phone(part(2)).map_err(at)?,
            email: email(part(3)).map_err(at)?,
        });
    }
    if contacts.len() > 20 {
        return Err("Höchstens 20 Ansprechpersonen je Angebot.".to_string());
    }
    Ok(contacts)
}

/// The canonical text of contact persons, as [`parse_contacts`] reads it.
pub fn format_contacts(contacts: &[ContactLine]) -> String {
    contacts
        .iter()
        .map(|c| format!("{}; {}; {}; {}", c.name, c.role, c.phone, c.email))
        .collect::<Vec<_>>()
        .join("\n")
}

const WEEKDAY_SHORT: [&str; 7] = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];

fn weekday_of(text: &str) -> Option<Weekday> {
    let text = text.trim().trim_end_matches('.').to_lowercase();
    Weekday::ALL
        .into_iter()
        .zip(WEEKDAY_SHORT)
        .find(|(day, short)| text == short.to_lowercase() || text == day.label().to_lowercase())
        .map(|(day, _)| day)
}

/// Parses opening hours written as "Mo 09:00-12:00, 14:00-16:00; Mi 09:00-12:00" (weekday
/// short or long, periods with "-" or "–", entries separated by ";" or new lines). Empty
/// means "by appointment".
pub fn parse_opening_hours(text: &str) -> Result<Vec<OpeningSlot>, String> {
    let mut slots = Vec::new();
    for entry in text
        .split([';', '\n'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let (day, periods) = entry.split_once(char::is_whitespace).ok_or_else(|| {
            format!("„{entry}“: Bitte Wochentag und Zeiten angeben, z. B. „Mo 09:00-12:00“.")
        })?;
        let weekday = weekday_of(day)
            .ok_or_else(|| format!("„{day}“ ist kein Wochentag (Mo, Di, Mi, Do, Fr, Sa, So)."))?;
        for period in periods.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (opens, closes) = period.split_once(['-', '–']).ok_or_else(|| {
                format!("„{period}“: Bitte Beginn und Ende angeben, z. B. „09:00-12:00“.")
            })?;
            let opens = TimeOfDay::parse(opens).map_err(|e| e.to_string())?;
            let closes = TimeOfDay::parse(closes).map_err(|e| e.to_string())?;
            slots.push(OpeningSlot::new(weekday, opens, closes).map_err(|e| e.to_string())?);
        }
    }
    slots.sort_by_key(|slot| (slot.weekday, slot.opens));
    for pair in slots.windows(2) {
        if pair[0].weekday == pair[1].weekday && pair[1].opens < pair[0].closes {
            return Err(format!(
                "Am {} überschneiden sich {}–{} und {}–{}.",
                pair[0].weekday.label(),
                pair[0].opens,
                pair[0].closes,
                pair[1].opens,
                pair[1].closes
            ));
        }
    }
    Ok(slots)
}

/// The canonical text of opening hours, as [`parse_opening_hours`] reads it.
pub fn format_opening_hours(slots: &[OpeningSlot]) -> String {
    let mut sorted = slots.to_vec();
    sorted.sort_by_key(|slot| (slot.weekday, slot.opens));
    sorted
        .iter()
        .map(|slot| {
            format!(
                "{} {}-{}",
                WEEKDAY_SHORT[usize::from(slot.weekday.number() - 1)],
                slot.opens,
                slot.closes
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The history's field code of "marked as checked".
pub const CHECKED_FIELD: &str = "zuletzt_geprueft";

/// The history's field code of "confirmed by the institution" (through its confirmation
/// link): sets the same date as an editor's check.
pub const CONFIRMED_FIELD: &str = "bestaetigt";

/// Who the history names for an institution's confirmation (no account made it).
pub const INSTITUTION_ACTOR: &str = "die Einrichtung (Bestätigungslink)";

/// An offer as an editor edits it: its version and the canonical text of every field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditableOffer {
    pub id: i64,
    pub version: i64,
    pub archived: bool,
    pub last_checked: NaiveDate,
    pub values: Vec<(EditableField, String)>,
    pub location: OfferLocation,
}

/// Where an offer is: address, position and the municipality the position lies in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferLocation {
    pub street: String,
    pub postcode: String,
    pub town: String,
    pub lat: f64,
    pub lon: f64,
    /// Official key (AGS) of the municipality.
    pub municipality: String,
}

impl OfferLocation {
    /// The same place: the same address and a position less than about a metre away (exports
    /// round positions to 5 or 6 decimals; reading one back is no move).
    pub fn same_place(&self, other: &OfferLocation) -> bool {
        const METRE_IN_DEGREES: f64 = 0.000_011;
        self.street == other.street
            && self.postcode == other.postcode
            && self.town == other.town
            && self.municipality == other.municipality
            && (self.lat - other.lat).abs() < METRE_IN_DEGREES
            && (self.lon - other.lon).abs() < METRE_IN_DEGREES
    }

    /// The canonical text of a location, as the history stores it.
    pub fn describe(&self) -> String {
        format!(
            "{}, {} {} ({:.5}, {:.5})",
            self.street, self.postcode, self.town, self.lat, self.lon
        )
    }
}

/// The history's field code of moving an offer.
pub const LOCATION_FIELD: &str = "standort";

/// Parses a coordinate typed with a decimal point or comma ("51,9459").
pub fn parse_coordinate(text: &str, what: &str) -> Result<f64, String> {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|value| value.is_finite())
        .ok_or_else(|| format!("„{}“ ist keine {what} (Beispiel: 51.9459).", text.trim()))
}

/// The part of an address a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressPart {
    Street,
    Postcode,
    Town,
}

/// Checks the address part of a new location: the part at fault and the German reason.
pub fn check_address(
    street: &str,
    postcode: &str,
    town: &str,
) -> Result<(), (AddressPart, String)> {
    if street.trim().chars().count() < 3 {
        return Err((
            AddressPart::Street,
            "Bitte geben Sie Straße und Hausnummer an.".to_string(),
        ));
    }
    if !(postcode.trim().len() == 5 && postcode.trim().chars().all(|c| c.is_ascii_digit())) {
        return Err((
            AddressPart::Postcode,
            "Eine Postleitzahl hat fünf Ziffern.".to_string(),
        ));
    }
    if town.trim().chars().count() < 2 {
        return Err((AddressPart::Town, "Bitte geben Sie den Ort an.".to_string()));
    }
    Ok(())
}

/// A new location that cannot be saved: the inputs at fault (the location form's field
/// names: `street`, `postcode`, `town`, `lat`, `lon`) and the German reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocationProblem {
    pub fields: &'static [&'static str],
    pub reason: String,
}

impl LocationProblem {
    pub fn of_address((part, reason): (AddressPart, String)) -> LocationProblem {
        let fields: &'static [&'static str] = match part {
            AddressPart::Street => &["street"],
            AddressPart::Postcode => &["postcode"],
            AddressPart::Town => &["town"],
        };
        LocationProblem { fields, reason }
    }
}

impl EditableOffer {
    pub fn value(&self, field: EditableField) -> &str {
        self.values
            .iter()
            .find(|(f, _)| *f == field)
            .map_or("", |(_, value)| value.as_str())
    }
}

/// What became of a save.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EditOutcome {
    Saved {
        version: i64,
        change_id: i64,
    },
    /// The value was already what the editor saved; nothing changed.
    Unchanged {
        version: i64,
    },
    /// Someone saved in between: the editor's base version is old. Both values are shown so
    /// the editor decides.
    Conflict {
        current_version: i64,
        current_value: String,
    },
    NotFound,
}

/// One entry of an offer's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRecord {
    pub id: i64,
    pub offer_id: i64,
    pub account_name: String,
    pub changed_at: i64,
    pub field: String,
    pub old_value: String,
    pub new_value: String,
    pub version: i64,
    pub reverts_change_id: Option<i64>,
}

impl ChangeRecord {
    pub fn field_label(&self) -> &'static str {
        field_label(&self.field)
    }
}

/// The German name of a history entry's field code (the members' news digests name changes
/// the same way the history does).
pub fn field_label(code: &str) -> &'static str {
    match EditableField::parse(code) {
        Some(field) => field.label(),
        None if code == CHECKED_FIELD => "Zuletzt geprüft",
        None if code == CONFIRMED_FIELD => "Von der Einrichtung bestätigt",
        None if code == STATUS_FIELD => "Status",
        None if code == REQUEST_FIELD => "Anfrage",
        None if code == LOCATION_FIELD => "Standort",
        None if code == IMPORT_FIELD => "Import",
        None if code == ORGANIZATION_FIELD => "Einrichtung",
        None => "Sonstiges",
    }
}

/// The history's field code of decisions on requests concerning the offer.
pub const REQUEST_FIELD: &str = "anfrage";

/// The history's field code of an offer created by an import.
pub const IMPORT_FIELD: &str = "import";

/// The history's field code of the organisation an offer belongs to.
pub const ORGANIZATION_FIELD: &str = "organisation";

/// The history's field code of archiving and restoring.
pub const STATUS_FIELD: &str = "status";

/// An offer as the editors' overview lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferToCheck {
    pub id: i64,
    pub version: i64,
    pub name: String,
    pub municipality: String,
    pub last_checked: NaiveDate,
    pub archived: bool,
}

/// An active offer whose visibility window ends soon, for the editors' overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndingWindow {
    pub id: i64,
    pub name: String,
    pub municipality: String,
    /// Its last public day (ISO).
    pub visible_until: String,
}

/// The map panel's answer to an editor's request (`/redaktion/kartenfenster/{id}`): the
/// fragment to swap in and what the island does with it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PanelAnswer {
    /// The editors' part of the panel, as HTML rendered on the server.
    pub html: String,
    /// What just happened, for the panel's live region.
    pub status: Option<String>,
    /// Whether something was saved: the panel then reloads the offer's public view.
    pub saved: bool,
    /// The id of the element to focus once the fragment is in.
    pub focus: Option<String>,
}

impl crate::shared::json_read::ReadJson for PanelAnswer {
    fn read_json<S: crate::shared::json_read::JsonSource>(source: &S) -> Result<Self, String> {
        let m = crate::shared::json_read::Members(source);
        Ok(PanelAnswer {
            html: m.get("html")?,
            status: m.get_or_default("status")?,
            saved: m.get("saved")?,
            focus: m.get_or_default("focus")?,
        })
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_panel_reads_back_every_answer_the_server_writes() {
        use super::PanelAnswer;
        for answer in [
            PanelAnswer::default(),
            PanelAnswer {
                html: "<form>…</form>".into(),
                status: Some("Gespeichert.".into()),
                saved: true,
                focus: Some("feld-name".into()),
            },
        ] {
            assert_eq!(crate::shared::json_read::round_trip(&answer), Ok(answer));
        }
    }

    #[test]
    fn a_rounded_position_is_the_same_place() {
        let here = OfferLocation {
            street: "Markt 1".into(),
            postcode: "48653".into(),
            town: "Coesfeld".into(),
            lat: 51.945_912_3,
            lon: 7.167_512_3,
            municipality: "05558012".into(),
        };
        let rounded = OfferLocation {
            lat: 51.945_91,
            lon: 7.167_51,
            ..here.clone()
        };
        assert!(here.same_place(&rounded));
        let moved = OfferLocation {
            lat: 51.9461,
            ..here.clone()
        };
        assert!(!here.same_place(&moved));
        let other_street = OfferLocation {
            street: "Markt 2".into(),
            ..here.clone()
        };
        assert!(!here.same_place(&other_street));
    }

    use super::*;

    fn check(field: EditableField, input: &str) -> Result<String, String> {
        field.canonical_value(input)
    }

    #[test]
    fn short_descriptions_are_optional_and_bounded() {
        for field in [
            EditableField::SummaryEn,
            EditableField::SummaryTr,
            EditableField::SummaryAr,
            EditableField::SummaryUk,
        ] {
            assert_eq!(check(field, "  "), Ok(String::new()), "empty means none");
            assert_eq!(
                check(field, " Ücretsiz danışmanlık. "),
                Ok("Ücretsiz danışmanlık.".into())
            );
            let long = "ж".repeat(601);
            assert_eq!(
                check(field, &long),
                Err("Die Kurzbeschreibung ist zu lang (höchstens 600 Zeichen, jetzt 601).".into())
            );
            assert!(!field.member_only(), "{field:?} is public");
            assert_eq!(EditableField::parse(field.code()), Some(field));
        }
    }

    #[test]
    fn every_field_has_a_unique_code() {
        for field in EditableField::ALL {
            assert_eq!(EditableField::parse(field.code()), Some(field));
        }
        assert_eq!(EditableField::parse("passwort"), None);
    }

    #[test]
    fn every_offered_choice_is_a_valid_value_of_its_field() {
        for field in EditableField::ALL {
            match field.input() {
                FieldInput::One(choices) | FieldInput::Several(choices) => {
                    assert!(!choices.is_empty(), "{field:?}");
                    for (code, _) in choices {
                        assert_eq!(check(field, code).as_deref(), Ok(code), "{field:?}");
                    }
                }
                FieldInput::Line | FieldInput::Text => {}
            }
        }
        assert_eq!(
            EditableField::Cost.input(),
            FieldInput::One(vec![
                ("kostenlos", "kostenlos"),
                ("ermaessigt", "ermäßigt / einkommensabhängig"),
                ("kostenpflichtig", "kostenpflichtig"),
            ])
        );
        assert_eq!(
            EditableField::Languages.shown_value("de,tr"),
            "Deutsch, Türkisch"
        );
        assert_eq!(
            EditableField::Cost.shown_value("ermaessigt"),
            "ermäßigt / einkommensabhängig"
        );
        assert_eq!(EditableField::Phone.shown_value(" "), "—");
        assert!(EditableField::Contacts.member_only());
        assert!(!EditableField::Phone.member_only());
    }

    #[test]
    fn names_and_descriptions_have_bounds() {
        assert_eq!(
            check(EditableField::Name, "  Babytreff  ").unwrap(),
            "Babytreff"
        );
        assert!(
            check(EditableField::Name, "")
                .unwrap_err()
                .contains("darf nicht leer")
        );
        assert!(
            check(EditableField::Name, "ab")
                .unwrap_err()
                .contains("zu kurz")
        );
        assert!(
            check(EditableField::Name, &"x".repeat(121))
                .unwrap_err()
                .contains("zu lang")
        );
        assert!(check(EditableField::Description, "kurz").is_err());
        assert!(
            check(EditableField::Name, "Baby\u{0007}treff")
                .unwrap_err()
                .contains("Steuerzeichen")
        );
    }

    #[test]
    fn vocabularies_are_sorted_codes() {
        assert_eq!(
            check(EditableField::Topics, "gesundheit, beratung,gesundheit").unwrap(),
            "beratung,gesundheit"
        );
        assert!(
            check(EditableField::Topics, "zauberei")
                .unwrap_err()
                .contains("„zauberei“ gibt es nicht")
        );
        assert_eq!(
            check(EditableField::Topics, "").unwrap_err(),
            "Bitte wählen Sie mindestens ein Thema."
        );
        assert_eq!(
            check(EditableField::Phases, "").unwrap_err(),
            "Bitte wählen Sie mindestens eine Lebensphase."
        );
        assert_eq!(
            check(EditableField::Cost, "kostenlos").unwrap(),
            "kostenlos"
        );
        assert!(check(EditableField::Cost, "gratis").is_err());
        assert_eq!(check(EditableField::Wheelchair, "true").unwrap(), "ja");
        assert_eq!(
            check(EditableField::ClosedInSchoolHolidays, "").unwrap(),
            "nein"
        );
        assert!(check(EditableField::ClosedInSchoolHolidays, "manchmal").is_err());
    }

    #[test]
    fn contact_lines_end_at_any_line_break_and_take_no_control_characters() {
        // Found by the fuzz target `field_input`.
        let once = check(
            EditableField::Contacts,
            "Anna Muster; Leitung\rBen Beispiel",
        )
        .unwrap();
        assert_eq!(once, "Anna Muster; Leitung; ; \nBen Beispiel; ; ; ");
        assert_eq!(check(EditableField::Contacts, &once).unwrap(), once);
        assert!(check(EditableField::Contacts, "+\u{1};O").is_err());
    }

    #[test]
    fn line_breaks_come_out_the_same_when_checked_again() {
        // Found by the fuzz target `field_input`: "\r\r\n" became "\r\n", then "\n".
        let once = check(
            EditableField::Description,
            "Zeile eins, lang genug\r\r\nzwei\rdrei",
        )
        .unwrap();
        assert_eq!(once, "Zeile eins, lang genug\n\nzwei\ndrei");
        assert_eq!(check(EditableField::Description, &once).unwrap(), once);
    }

    #[test]
    fn phone_numbers() {
        assert_eq!(
            check(EditableField::Phone, "02541  18-0").unwrap(),
            "02541 18-0"
        );
        assert_eq!(
            check(EditableField::Phone, "+49 (2541) 18/0").unwrap(),
            "+49 (2541) 18/0"
        );
        assert_eq!(check(EditableField::Phone, "").unwrap(), "");
        assert!(
            check(EditableField::Phone, "02541 abc")
                .unwrap_err()
                .contains("„a“ gehört nicht")
        );
        assert!(
            check(EditableField::Phone, "123")
                .unwrap_err()
                .contains("6 bis 20 Ziffern")
        );
        assert!(
            check(EditableField::Phone, "02541+18")
                .unwrap_err()
                .contains("nur am Anfang")
        );
    }

    #[test]
    fn emails_and_websites() {
        assert_eq!(
            check(EditableField::Email, "Info@Beispiel.de").unwrap(),
            "info@beispiel.de"
        );
        assert!(
            check(EditableField::Email, "info.beispiel.de")
                .unwrap_err()
                .contains("ein @")
        );
        assert!(check(EditableField::Email, "info@beispiel").is_err());
        assert_eq!(
            check(EditableField::Website, "https://beispiel.de/angebot?x=1").unwrap(),
            "https://beispiel.de/angebot?x=1"
        );
        assert!(
            check(EditableField::Website, "www.beispiel.de")
                .unwrap_err()
                .contains("https://")
        );
        assert!(check(EditableField::Website, "javascript:alert(1)").is_err());
        assert!(check(EditableField::Website, "https://bei spiel.de").is_err());
        assert!(check(EditableField::Website, "https://localhost").is_err());
    }

    #[test]
    fn opening_hours_round_trip() {
        let text = "Mi 14:00-16:00; Montag 09:00–11:30, 12:00-13:00\nFr 8:00-9:00";
        let canonical = check(EditableField::OpeningHours, text).unwrap();
        assert_eq!(
            canonical,
            "Mo 09:00-11:30; Mo 12:00-13:00; Mi 14:00-16:00; Fr 08:00-09:00"
        );
        assert_eq!(
            check(EditableField::OpeningHours, &canonical).unwrap(),
            canonical
        );
        assert_eq!(check(EditableField::OpeningHours, "").unwrap(), "");
    }

    #[test]
    fn bad_opening_hours_say_what_is_wrong() {
        assert!(
            parse_opening_hours("Xy 09:00-10:00")
                .unwrap_err()
                .contains("kein Wochentag")
        );
        assert!(
            parse_opening_hours("Mo 09:00")
                .unwrap_err()
                .contains("Beginn und Ende")
        );
        assert!(
            parse_opening_hours("Mo 10:00-09:00")
                .unwrap_err()
                .contains("nicht nach")
        );
        assert!(
            parse_opening_hours("Mo 9-10")
                .unwrap_err()
                .contains("HH:MM")
        );
        assert!(
            parse_opening_hours("Mo 09:00-12:00, 11:00-13:00")
                .unwrap_err()
                .contains("überschneiden")
        );
        assert!(
            parse_opening_hours("Montags")
                .unwrap_err()
                .contains("Wochentag und Zeiten")
        );
    }

    #[test]
    fn coordinates_and_addresses() {
        assert_eq!(parse_coordinate("51,9459", "Breite").unwrap(), 51.9459);
        assert_eq!(parse_coordinate(" 7.1675 ", "Länge").unwrap(), 7.1675);
        assert!(
            parse_coordinate("Nordpol", "Breite")
                .unwrap_err()
                .contains("keine Breite")
        );
        assert!(parse_coordinate("NaN", "Breite").is_err());
        assert!(check_address("Markt 1", "48653", "Coesfeld").is_ok());
        let (part, reason) = check_address("Markt 1", "4865", "Coesfeld").unwrap_err();
        assert_eq!(part, AddressPart::Postcode);
        assert!(reason.contains("fünf Ziffern"));
        assert!(check_address("", "48653", "Coesfeld").is_err());
    }

    #[test]
    fn contact_lines() {
        let canonical = check(
            EditableField::Contacts,
            "Anna Beispiel;Leitung; 02541 12-3 ;Anna@Example.org\n\nBen Muster",
        )
        .unwrap();
        assert_eq!(
            canonical,
            "Anna Beispiel; Leitung; 02541 12-3; anna@example.org\nBen Muster; ; ; "
        );
        assert_eq!(
            check(EditableField::Contacts, &canonical).unwrap(),
            canonical
        );
        assert!(
            check(EditableField::Contacts, "Anna; Leitung; 0abc")
                .unwrap_err()
                .starts_with("Zeile 1:")
        );
        assert!(
            check(EditableField::Contacts, "Anna\nB")
                .unwrap_err()
                .contains("Zeile 2: Bitte den Namen")
        );
        assert!(check(EditableField::Contacts, "A;b;c;d;e").is_err());
        assert_eq!(check(EditableField::Contacts, "").unwrap(), "");
    }
}
