//! Structured opening hours: weekday time slots, parsed from "HH:MM" and shown in German.

use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// ISO number, Monday = 1; the form stored in the database.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    pub fn from_number(number: u8) -> Option<Self> {
        Self::ALL.get(usize::from(number).checked_sub(1)?).copied()
    }

    pub fn label(self) -> &'static str {
        match self {
            Weekday::Mon => "Montag",
            Weekday::Tue => "Dienstag",
            Weekday::Wed => "Mittwoch",
            Weekday::Thu => "Donnerstag",
            Weekday::Fri => "Freitag",
            Weekday::Sat => "Samstag",
            Weekday::Sun => "Sonntag",
        }
    }
}

impl crate::shared::json_read::ReadJson for Weekday {
    /// The name serde writes (`"Mon"` …).
    fn read_json<S: crate::shared::json_read::JsonSource>(source: &S) -> Result<Self, String> {
        let name = source.text().unwrap_or_default();
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            .iter()
            .position(|known| *known == name)
            .map(|index| Weekday::ALL[index])
            .ok_or_else(|| format!("kein Wochentag: {name}"))
    }
}

impl crate::shared::json_read::ReadJson for TimeOfDay {
    fn read_json<S: crate::shared::json_read::JsonSource>(source: &S) -> Result<Self, String> {
        u16::read_json(source)
            .ok()
            .and_then(TimeOfDay::from_minutes)
            .ok_or_else(|| "keine Uhrzeit".to_string())
    }
}

/// Minutes after midnight, 0..=1440 (24:00 closes a day); the default is midnight.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct TimeOfDay(u16);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum HoursError {
    #[error("„{0}“ ist keine Uhrzeit im Format HH:MM.")]
    BadTime(String),
    #[error("Die Schließzeit {closes} liegt nicht nach der Öffnungszeit {opens}.")]
    ClosesBeforeOpens { opens: String, closes: String },
    #[error("Wochentag {0} gibt es nicht (1 = Montag … 7 = Sonntag).")]
    BadWeekday(u8),
}

impl TimeOfDay {
    pub fn parse(text: &str) -> Result<Self, HoursError> {
        let bad = || HoursError::BadTime(text.to_string());
        let (hours, minutes) = text.trim().split_once(':').ok_or_else(bad)?;
        if minutes.len() != 2 || hours.is_empty() || hours.len() > 2 {
            return Err(bad());
        }
        let hours: u16 = hours.parse().map_err(|_| bad())?;
        let minutes: u16 = minutes.parse().map_err(|_| bad())?;
        if minutes >= 60 || hours > 24 || (hours == 24 && minutes != 0) {
            return Err(bad());
        }
        Ok(TimeOfDay(hours * 60 + minutes))
    }

    pub fn from_minutes(minutes: u16) -> Option<Self> {
        (minutes <= 24 * 60).then_some(TimeOfDay(minutes))
    }

    pub fn minutes(self) -> u16 {
        self.0
    }
}

impl std::fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// One opening period on one weekday.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OpeningSlot {
    pub weekday: Weekday,
    pub opens: TimeOfDay,
    pub closes: TimeOfDay,
}

impl OpeningSlot {
    pub fn new(weekday: Weekday, opens: TimeOfDay, closes: TimeOfDay) -> Result<Self, HoursError> {
        if closes <= opens {
            return Err(HoursError::ClosesBeforeOpens {
                opens: opens.to_string(),
                closes: closes.to_string(),
            });
        }
        Ok(OpeningSlot {
            weekday,
            opens,
            closes,
        })
    }

    /// Parses the stored form: ISO weekday number and two "HH:MM" times.
    pub fn parse(weekday: u8, opens: &str, closes: &str) -> Result<Self, HoursError> {
        let weekday = Weekday::from_number(weekday).ok_or(HoursError::BadWeekday(weekday))?;
        Self::new(weekday, TimeOfDay::parse(opens)?, TimeOfDay::parse(closes)?)
    }
}

/// One line of the opening-hours table: a weekday and its periods, e.g. "09:00–12:00, 14:00–16:00".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayHours {
    pub weekday: Weekday,
    pub periods: String,
}

/// Groups slots by weekday in week order, periods sorted by time.
pub fn by_weekday(slots: &[OpeningSlot]) -> Vec<DayHours> {
    Weekday::ALL
        .iter()
        .filter_map(|day| {
            let mut periods: Vec<_> = slots.iter().filter(|s| s.weekday == *day).collect();
            if periods.is_empty() {
                return None;
            }
            periods.sort_by_key(|s| s.opens);
            let periods = periods
                .iter()
                .map(|s| format!("{}–{}", s.opens, s.closes))
                .collect::<Vec<_>>()
                .join(", ");
            Some(DayHours {
                weekday: *day,
                periods,
            })
        })
        .collect()
}

/// Whether the offer is open at the given weekday and time.
pub fn is_open_at(slots: &[OpeningSlot], weekday: Weekday, time: TimeOfDay) -> bool {
    slots
        .iter()
        .any(|s| s.weekday == weekday && s.opens <= time && time < s.closes)
}

/// Weekly slots as `[weekday, opens, closes]` triples (ISO weekday, minutes after midnight):
/// the compact form hundreds of offer summaries travel in. Triples that are no valid slot are
/// dropped when read, so one bad row cannot break the page.
pub mod compact_slots {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::{OpeningSlot, TimeOfDay, Weekday};

    pub fn serialize<S: Serializer>(
        slots: &[OpeningSlot],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(slots.iter().map(|slot| {
            (
                slot.weekday.number(),
                slot.opens.minutes(),
                slot.closes.minutes(),
            )
        }))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<OpeningSlot>, D::Error> {
        Vec::<(u8, u16, u16)>::deserialize(deserializer).map(slots_of)
    }

    /// The slots in the same form, read from page data.
    pub fn read_json<S: crate::shared::json_read::JsonSource>(
        source: &S,
    ) -> Result<Vec<OpeningSlot>, String> {
        use crate::shared::json_read::ReadJson;
        Vec::<(u8, u16, u16)>::read_json(source).map(slots_of)
    }

    /// The valid slots among `[weekday, opens, closes]` triples.
    fn slots_of(triples: Vec<(u8, u16, u16)>) -> Vec<OpeningSlot> {
        triples
            .into_iter()
            .filter_map(|(weekday, opens, closes)| {
                OpeningSlot::new(
                    Weekday::from_number(weekday)?,
                    TimeOfDay::from_minutes(opens)?,
                    TimeOfDay::from_minutes(closes)?,
                )
                .ok()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> TimeOfDay {
        TimeOfDay::parse(text).unwrap()
    }

    #[test]
    fn parses_valid_times() {
        assert_eq!(t("09:30").minutes(), 570);
        assert_eq!(t("9:05").to_string(), "09:05");
        assert_eq!(t("24:00").minutes(), 1440);
    }

    #[test]
    fn rejects_bad_times_with_german_reason() {
        for bad in ["25:00", "12:60", "1200", "12:5", "ab:cd", "", "24:30"] {
            let err = TimeOfDay::parse(bad).unwrap_err();
            assert!(err.to_string().contains("keine Uhrzeit"), "{bad}: {err}");
        }
    }

    #[test]
    fn slot_must_close_after_opening() {
        let err = OpeningSlot::parse(1, "12:00", "09:00").unwrap_err();
        assert!(matches!(err, HoursError::ClosesBeforeOpens { .. }));
        assert!(OpeningSlot::parse(8, "09:00", "12:00").is_err());
        assert!(OpeningSlot::parse(0, "09:00", "12:00").is_err());
    }

    #[test]
    fn groups_and_sorts_by_weekday() {
        let slots = vec![
            OpeningSlot::parse(3, "14:00", "16:00").unwrap(),
            OpeningSlot::parse(1, "09:00", "12:00").unwrap(),
            OpeningSlot::parse(3, "09:00", "12:00").unwrap(),
        ];
        let days = by_weekday(&slots);
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].weekday, Weekday::Mon);
        assert_eq!(days[1].periods, "09:00–12:00, 14:00–16:00");
    }

    #[test]
    fn slots_travel_as_triples() {
        #[derive(Serialize, Deserialize, Debug, PartialEq)]
        struct Hours(#[serde(with = "compact_slots")] Vec<OpeningSlot>);
        let slots = Hours(vec![
            OpeningSlot::parse(1, "09:00", "12:00").unwrap(),
            OpeningSlot::parse(7, "14:30", "24:00").unwrap(),
        ]);
        let json = serde_json::to_string(&slots).unwrap();
        assert_eq!(json, "[[1,540,720],[7,870,1440]]");
        assert_eq!(serde_json::from_str::<Hours>(&json).unwrap(), slots);
        let bad: Hours =
            serde_json::from_str("[[0,540,720],[1,720,540],[2,60,1500],[3,60,120]]").unwrap();
        assert_eq!(
            bad.0,
            vec![OpeningSlot::parse(3, "01:00", "02:00").unwrap()]
        );
    }

    #[test]
    fn open_at_respects_bounds() {
        let slots = vec![OpeningSlot::parse(2, "09:00", "12:00").unwrap()];
        assert!(is_open_at(&slots, Weekday::Tue, t("09:00")));
        assert!(is_open_at(&slots, Weekday::Tue, t("11:59")));
        assert!(!is_open_at(&slots, Weekday::Tue, t("12:00")));
        assert!(!is_open_at(&slots, Weekday::Wed, t("10:00")));
    }
}
