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

/// A date read from page data, in the same text.
pub fn read_json<S: crate::shared::json_read::JsonSource>(source: &S) -> Result<NaiveDate, String> {
    let text = source.text().unwrap_or_default();
    parse(&text).ok_or_else(|| format!("kein Datum: {text}"))
}
