//! What the browser receives about offers: the compact public summary the map filters and
//! clusters, and the public detail of one offer. Neither type has a member-only field.

use chrono::NaiveDate;

use crate::region::places::fixed;
use serde::{Deserialize, Serialize};

use crate::offers::hours::OpeningSlot;
use crate::offers::taxonomy::{Cost, DeliverySet, LanguageSet, PhaseSet, TopicSet};
use crate::shared::iso_date;

/// The public, compact form of an offer: all the client needs to filter, cluster and list.
/// Field names are short because hundreds of these are sent at once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferSummary {
    pub id: i64,
    #[serde(rename = "n")]
    pub name: String,
    #[serde(rename = "o")]
    pub organization: String,
    /// Official key (AGS) of the municipality the offer is located in.
    #[serde(rename = "m")]
    pub municipality: String,
    #[serde(rename = "y")]
    pub lat: f64,
    #[serde(rename = "x")]
    pub lon: f64,
    #[serde(rename = "t")]
    pub topics: TopicSet,
    #[serde(rename = "p")]
    pub phases: PhaseSet,
    #[serde(rename = "l")]
    pub languages: LanguageSet,
    #[serde(rename = "f")]
    pub free: bool,
    #[serde(rename = "w")]
    pub wheelchair: bool,
    /// Says, recently (see [`AVAILABILITY_MAX_DAYS`]), it has free places.
    #[serde(rename = "fp", default, skip_serializing_if = "is_false")]
    pub free_places: bool,
    /// The first sentences of the description, for the list and the text search.
    #[serde(rename = "s")]
    pub teaser: String,
    /// The weekly opening slots, as `[weekday, opens, closes]` triples; none: by appointment.
    #[serde(
        rename = "h",
        default,
        with = "crate::offers::hours::compact_slots",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub hours: Vec<OpeningSlot>,
    /// Closed in the school holidays (homework help, school social work, OGS …).
    #[serde(rename = "c", default, skip_serializing_if = "is_false")]
    pub closed_in_school_holidays: bool,
    /// The public phone number, for "Anrufen" on the result card.
    #[serde(rename = "ph", default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// A protected address (Schutzadresse): `lat`/`lon` are the municipality's centre and the
    /// visitor reads "Adresse auf Anfrage".
    #[serde(rename = "a", default, skip_serializing_if = "is_false")]
    pub address_on_request: bool,
    /// A protected offer shown without a marker: listed, but not on the map.
    #[serde(rename = "k", default, skip_serializing_if = "is_false")]
    pub off_map: bool,
}

impl crate::shared::json_read::ReadJson for OfferSummary {
    fn read_json<S: crate::shared::json_read::JsonSource>(source: &S) -> Result<Self, String> {
        let m = crate::shared::json_read::Members(source);
        Ok(OfferSummary {
            id: m.get("id")?,
            name: m.get("n")?,
            organization: m.get("o")?,
            municipality: m.get("m")?,
            lat: m.get("y")?,
            lon: m.get("x")?,
            topics: m.get("t")?,
            phases: m.get("p")?,
            languages: m.get("l")?,
            free: m.get("f")?,
            wheelchair: m.get("w")?,
            free_places: m.get_or_default("fp")?,
            teaser: m.get("s")?,
            hours: match source.member("h") {
                Some(slots) => crate::offers::hours::compact_slots::read_json(&slots)?,
                None => Vec::new(),
            },
            closed_in_school_holidays: m.get_or_default("c")?,
            phone: m.get_or_default("ph")?,
            address_on_request: m.get_or_default("a")?,
            off_map: m.get_or_default("k")?,
        })
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Cuts a description to at most `max_chars` characters at a word boundary, with an ellipsis.
pub fn teaser(description: &str, max_chars: usize) -> String {
    if description.chars().count() <= max_chars {
        return description.to_string();
    }
    let cut: String = description.chars().take(max_chars).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > 0 => &cut[..space],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

/// Rounds a coordinate to 5 decimals (about one metre), enough for a map pin and much shorter.
pub fn round_coordinate(value: f64) -> f64 {
    (value * 100_000.0).round() / 100_000.0
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicAddress {
    pub street: String,
    pub postcode: String,
    pub town: String,
    pub municipality: String,
}

/// Everything the public may see about one offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferDetail {
    pub id: i64,
    pub name: String,
    pub organization: String,
    pub description: String,
    pub topics: TopicSet,
    pub phases: PhaseSet,
    pub languages: LanguageSet,
    pub delivery: DeliverySet,
    pub cost: Cost,
    pub cost_note: String,
    pub wheelchair: bool,
    pub accessibility_note: String,
    pub address: PublicAddress,
    pub lat: f64,
    pub lon: f64,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub opening_hours: Vec<OpeningSlot>,
    pub hours_note: String,
    /// Closed in the school holidays: said with the opening hours.
    #[serde(default)]
    pub closed_in_school_holidays: bool,
    #[serde(with = "iso_date")]
    pub last_checked: NaiveDate,
    pub is_demo: bool,
    /// Short descriptions for families reading another language: (language code, text), only
    /// those an editor wrote.
    pub summaries: Vec<(String, String)>,
    /// Not checked for over [`LONG_UNCHECKED_MONTHS`] months: the public page says so.
    pub long_unchecked: bool,
    /// A protected address (Schutzadresse): street and postcode are empty, `lat`/`lon` are the
    /// municipality's centre, and the page says "Adresse auf Anfrage".
    #[serde(default)]
    pub address_on_request: bool,
    /// A protected offer the public map shows without a marker.
    #[serde(default)]
    pub off_map: bool,
    /// "Vorübergehend geschlossen bis" this day (ISO; "" when open) and why: the offer stays
    /// public with the notice. The read model clears it once the day has passed.
    #[serde(default)]
    pub closed_until: String,
    #[serde(default)]
    pub closed_reason: String,
    /// When the opening hours, the phone and e-mail, and the cost were last confirmed (ISO;
    /// each set by a check, the institution's confirmation or an edit of that group).
    #[serde(default)]
    pub hours_confirmed: String,
    #[serde(default)]
    pub contact_confirmed: String,
    #[serde(default)]
    pub cost_confirmed: String,
    /// Free places ("ja", "nein", "anfrage"; "" unknown) and the wait in weeks ("" unknown),
    /// with the day they were said; the read model clears both when that is too long ago.
    #[serde(default)]
    pub free_places: String,
    #[serde(default)]
    pub wait_weeks: String,
    #[serde(default)]
    pub availability_confirmed: String,
}

/// How many days a statement about free places or the wait is shown: older ones are hidden
/// by themselves (and no longer count for the map's filter).
pub const AVAILABILITY_MAX_DAYS: i64 = 42;

/// Whether availability confirmed on `confirmed` (ISO) is still shown on `day`.
pub fn availability_fresh(confirmed: &str, day: NaiveDate) -> bool {
    iso_date::parse(confirmed).is_some_and(|date| (day - date).num_days() <= AVAILABILITY_MAX_DAYS)
}

/// The groups of an offer's fields that carry a confirmation date of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldGroup {
    Hours,
    Contact,
    Cost,
}

/// A group older than the offer's newest confirmation by more than this many days is marked
/// with its own date.
pub const OLDER_GROUP_DAYS: i64 = 31;

/// Whether an offer with the visibility window `from` to `until` (ISO days, both included; ""
/// for no bound) is public on `day` (ISO).
pub fn visible_on(from: &str, until: &str, day: &str) -> bool {
    (from.is_empty() || from <= day) && (until.is_empty() || until >= day)
}

const GERMAN_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// After this many months without a check an offer is flagged publicly.
pub const LONG_UNCHECKED_MONTHS: u32 = 24;

impl OfferDetail {
    /// When `group` was last confirmed: its own date, or the offer's check without one.
    pub fn group_confirmed_on(&self, group: FieldGroup) -> NaiveDate {
        let own = match group {
            FieldGroup::Hours => &self.hours_confirmed,
            FieldGroup::Contact => &self.contact_confirmed,
            FieldGroup::Cost => &self.cost_confirmed,
        };
        iso_date::parse(own).unwrap_or(self.last_checked)
    }

    /// When anything of the offer was last confirmed: "Angaben bestätigt im …".
    pub fn confirmed_on(&self) -> NaiveDate {
        [FieldGroup::Hours, FieldGroup::Contact, FieldGroup::Cost]
            .into_iter()
            .map(|group| self.group_confirmed_on(group))
            .fold(self.last_checked, NaiveDate::max)
    }

    /// The date of `group` if it is noticeably older than the rest of the offer (the page
    /// says so beside it, quietly).
    pub fn older_group_date(&self, group: FieldGroup) -> Option<NaiveDate> {
        let date = self.group_confirmed_on(group);
        ((self.confirmed_on() - date).num_days() > OLDER_GROUP_DAYS).then_some(date)
    }

    /// A confirmation date as the page says it: by month ("Dezember 2026" in German, "12/2026"
    /// otherwise); the day would suggest a precision nobody keeps.
    pub fn month_in_words(date: NaiveDate, german: bool) -> String {
        use chrono::Datelike;
        if german {
            format!("{} {}", GERMAN_MONTHS[date.month0() as usize], date.year())
        } else {
            format!("{:02}/{}", date.month(), date.year())
        }
    }

    /// "zuletzt geprüft" is shown by month: the day would suggest a precision nobody keeps.
    pub fn last_checked_month(&self) -> String {
        OfferDetail::month_in_words(self.last_checked, true)
    }

    /// A phone number as a `tel:` URI: digits and a leading plus only.
    pub fn phone_uri(&self) -> String {
        phone_uri(&self.phone).unwrap_or_else(|| "tel:".to_string())
    }

    /// The route link: the operator's web `template` (`route_link` in the operator file,
    /// checked at start) with the offer's `{lat}` and `{lon}`. A web link, because phones hand
    /// it to their maps app and desktops open the map site, where `geo:` works on Android only.
    pub fn route_uri(&self, template: &str) -> String {
        route_link(template, self.lat, self.lon)
    }
}

/// A phone number as a `tel:` URI (digits and a leading plus only); `None` without digits.
pub fn phone_uri(phone: &str) -> Option<String> {
    let digits: String = phone
        .trim()
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect();
    digits
        .bytes()
        .any(|b| b.is_ascii_digit())
        .then(|| format!("tel:{digits}"))
}

/// The route link to a point: the operator's web `template` with `{lat}` and `{lon}`.
pub fn route_link(template: &str, lat: f64, lon: f64) -> String {
    template
        .replace("{lat}", &fixed(lat, 6))
        .replace("{lon}", &fixed(lon, 6))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_window_holds_from_its_first_to_its_last_day() {
        assert!(visible_on("", "", "2026-12-05"));
        assert!(visible_on("2026-12-05", "2026-12-05", "2026-12-05"));
        assert!(!visible_on("2026-12-06", "", "2026-12-05"));
        assert!(!visible_on("", "2026-12-04", "2026-12-05"));
        assert!(visible_on("2026-07-01", "2027-01-31", "2026-12-05"));
    }

    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn dates_travel_as_chrono_writes_them() {
        #[derive(Serialize, Deserialize, Debug, PartialEq)]
        struct Ours(#[serde(with = "iso_date")] NaiveDate);
        let date = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        let ours = serde_json::to_string(&Ours(date)).unwrap();
        assert_eq!(ours, serde_json::to_string(&date).unwrap());
        assert_eq!(ours, "\"2026-03-07\"");
        assert_eq!(serde_json::from_str::<Ours>(&ours).unwrap(), Ours(date));
        assert!(serde_json::from_str::<Ours>("\"2026-02-30\"").is_err());
        assert!(serde_json::from_str::<Ours>("\"gestern\"").is_err());
    }

    #[test]
    fn teaser_cuts_at_word_boundary() {
        assert_eq!(teaser("kurz", 10), "kurz");
        assert_eq!(
            teaser("Beratung für Eltern und Kinder", 14),
            "Beratung für…"
        );
    }

    #[test]
    fn coordinates_are_rounded_to_five_decimals() {
        assert_eq!(round_coordinate(51.945_912_345), 51.945_91);
    }

    #[test]
    fn summary_serialises_compactly() {
        let summary = OfferSummary {
            id: 7,
            name: "Babytreff".into(),
            organization: "Familienzentrum".into(),
            municipality: "05558012".into(),
            lat: 51.9,
            lon: 7.1,
            topics: TopicSet(3),
            phases: PhaseSet(2),
            languages: LanguageSet(1),
            free: true,
            wheelchair: false,
            free_places: false,
            teaser: "Treff".into(),
            hours: Vec::new(),
            closed_in_school_holidays: false,
            phone: String::new(),
            address_on_request: false,
            off_map: false,
        };
        let json = serde_json::to_string(&summary).unwrap();
        assert!(json.contains("\"n\":\"Babytreff\""), "{json}");
        assert!(json.contains("\"t\":3"), "{json}");
        assert!(!json.contains("\"h\"") && !json.contains("\"c\""), "{json}");
        let back: OfferSummary = serde_json::from_str(&json).unwrap();
        assert_eq!(back, summary);
        let with_hours = OfferSummary {
            hours: vec![OpeningSlot::parse(3, "14:00", "16:00").unwrap()],
            closed_in_school_holidays: true,
            ..summary
        };
        let json = serde_json::to_string(&with_hours).unwrap();
        assert!(json.ends_with(r#""h":[[3,840,960]],"c":true}"#), "{json}");
        assert_eq!(
            serde_json::from_str::<OfferSummary>(&json).unwrap(),
            with_hours
        );
    }
}
