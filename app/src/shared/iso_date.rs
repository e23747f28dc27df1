//! Dates in serde as `YYYY-MM-DD` (`#[serde(with = "iso_date")]`): the same text chrono's own
//! serde writes, read without chrono's general parser (about 16 KB of the browser bundle).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serializer, de::Error};

pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&format_args!(
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month(),
        date.day()
    ))
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).ok_or_else(|| D::Error::custom(format!("kein Datum: {text}")))
}

/// A `YYYY-MM-DD` date; `None` for anything else or a day the calendar lacks.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let mut parts = text.splitn(3, '-').map(str::parse::<u32>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) => i32::try_from(year)
            .ok()
            .and_then(|year| NaiveDate::from_ymd_opt(year, month, day)),
        _ => None,
    }
}

/// A date typed the German way, `TT.MM.JJJJ` (one-digit day and month too).
pub fn parse_german(text: &str) -> Option<NaiveDate> {
    let mut parts = text.splitn(3, '.').map(str::parse::<u32>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(day)), Some(Ok(month)), Some(Ok(year))) if year >= 1000 => i32::try_from(year)
            .ok()
            .and_then(|year| NaiveDate::from_ymd_opt(year, month, day)),
        _ => None,
    }
}

/// A date as `YYYY-MM-DD`.
pub fn text(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// A `YYYY-MM-DD` text as Germans write the day (`TT.MM.JJJJ`).
pub fn german(iso: &str) -> Option<String> {
    parse(iso).map(|date| format!("{:02}.{:02}.{:04}", date.day(), date.month(), date.year()))
}

/// A date read from page data, in the same text.
pub fn read_json<S: crate::shared::json_read::JsonSource>(source: &S) -> Result<NaiveDate, String> {
    let text = source.text().unwrap_or_default();
    parse(&text).ok_or_else(|| format!("kein Datum: {text}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_read_the_german_and_the_iso_way() {
        let day = NaiveDate::from_ymd_opt(2027, 7, 31).unwrap();
        assert_eq!(parse_german("31.07.2027"), Some(day));
        assert_eq!(parse_german("31.7.2027"), Some(day));
        assert_eq!(parse_german("31.07.27"), None);
        assert_eq!(parse_german("32.07.2027"), None);
        assert_eq!(text(day), "2027-07-31");
        assert_eq!(german("2027-07-31").as_deref(), Some("31.07.2027"));
        assert_eq!(german("irgendwann"), None);
    }
}
