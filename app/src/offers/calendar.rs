//! The calendar opening hours depend on: NRW's public holidays (computed for any year), the
//! school holidays (from the region folder), the local time in Germany (the EU summer-time
//! rule, without a time-zone database), and what an offer's weekly hours mean on one day.
//! The same code runs on the server and in the browser, so both give the same answer.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::offers::hours::{OpeningSlot, TimeOfDay, Weekday};
use crate::offers::model::OfferSummary;
use crate::region::model::{DateRange, RegionInfo};
use crate::shared::iso_date;

/// A statutory public holiday of Nordrhein-Westfalen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Holiday {
    NewYear,
    GoodFriday,
    EasterMonday,
    LabourDay,
    Ascension,
    WhitMonday,
    CorpusChristi,
    GermanUnity,
    AllSaints,
    ChristmasDay,
    BoxingDay,
}

impl Holiday {
    pub const ALL: [Holiday; 11] = [
        Holiday::NewYear,
        Holiday::GoodFriday,
        Holiday::EasterMonday,
        Holiday::LabourDay,
        Holiday::Ascension,
        Holiday::WhitMonday,
        Holiday::CorpusChristi,
        Holiday::GermanUnity,
        Holiday::AllSaints,
        Holiday::ChristmasDay,
        Holiday::BoxingDay,
    ];

    /// The German name, as on a calendar.
    pub fn name(self) -> &'static str {
        match self {
            Holiday::NewYear => "Neujahr",
            Holiday::GoodFriday => "Karfreitag",
            Holiday::EasterMonday => "Ostermontag",
            Holiday::LabourDay => "Tag der Arbeit",
            Holiday::Ascension => "Christi Himmelfahrt",
            Holiday::WhitMonday => "Pfingstmontag",
            Holiday::CorpusChristi => "Fronleichnam",
            Holiday::GermanUnity => "Tag der Deutschen Einheit",
            Holiday::AllSaints => "Allerheiligen",
            Holiday::ChristmasDay => "1. Weihnachtstag",
            Holiday::BoxingDay => "2. Weihnachtstag",
        }
    }

    /// Stable code; the catalogues name the holiday under `feiertag-<code>`.
    pub fn code(self) -> &'static str {
        match self {
            Holiday::NewYear => "neujahr",
            Holiday::GoodFriday => "karfreitag",
            Holiday::EasterMonday => "ostermontag",
            Holiday::LabourDay => "tag-der-arbeit",
            Holiday::Ascension => "himmelfahrt",
            Holiday::WhitMonday => "pfingstmontag",
            Holiday::CorpusChristi => "fronleichnam",
            Holiday::GermanUnity => "deutsche-einheit",
            Holiday::AllSaints => "allerheiligen",
            Holiday::ChristmasDay => "weihnachtstag-1",
            Holiday::BoxingDay => "weihnachtstag-2",
        }
    }

    /// Its date in `year`; `None` outside the years the Easter computation covers (1583–9999).
    pub fn date_in(self, year: i32) -> Option<NaiveDate> {
        let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day);
        let after_easter = |days: u64| easter_sunday(year)?.checked_add_days(Days::new(days));
        match self {
            Holiday::NewYear => fixed(1, 1),
            Holiday::GoodFriday => easter_sunday(year)?.checked_sub_days(Days::new(2)),
            Holiday::EasterMonday => after_easter(1),
            Holiday::LabourDay => fixed(5, 1),
            Holiday::Ascension => after_easter(39),
            Holiday::WhitMonday => after_easter(50),
            Holiday::CorpusChristi => after_easter(60),
            Holiday::GermanUnity => fixed(10, 3),
            Holiday::AllSaints => fixed(11, 1),
            Holiday::ChristmasDay => fixed(12, 25),
            Holiday::BoxingDay => fixed(12, 26),
        }
    }
}

/// Easter Sunday of the Gregorian calendar, from the `computus` crate (the anonymous
/// Gregorian algorithm, Meeus/Jones/Butcher).
fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let easter = computus::gregorian(year).ok()?;
    NaiveDate::from_ymd_opt(easter.year, easter.month, easter.day)
}

/// The NRW public holiday on `date`, if it is one.
pub fn public_holiday(date: NaiveDate) -> Option<Holiday> {
    Holiday::ALL
        .into_iter()
        .find(|holiday| holiday.date_in(date.year()) == Some(date))
}

/// The public holidays of `year` in date order.
pub fn public_holidays(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let mut days: Vec<_> = Holiday::ALL
        .into_iter()
        .filter_map(|holiday| Some((holiday.date_in(year)?, holiday)))
        .collect();
    days.sort();
    days
}

/// The region's days off: public holidays (computed) and school holidays (listed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    school_holidays: Vec<DateRange>,
}

impl Calendar {
    pub fn new(school_holidays: Vec<DateRange>) -> Self {
        Calendar { school_holidays }
    }

    pub fn in_school_holidays(&self, date: NaiveDate) -> bool {
        self.school_holidays
            .iter()
            .any(|range| range.contains(date))
    }

    /// The last year any school holidays start in: beyond it nothing is known about them.
    pub fn school_holidays_listed_until(&self) -> Option<i32> {
        crate::region::model::last_school_holiday_year(&self.school_holidays)
    }

    /// Everything about `date` that opening hours depend on; worked out once for many offers.
    pub fn day(&self, date: NaiveDate) -> CalendarDay {
        CalendarDay {
            date,
            weekday: weekday_of(date),
            public_holiday: public_holiday(date),
            school_holidays: self.in_school_holidays(date),
        }
    }

    /// Whether an offer with these weekly slots is open at `moment`.
    pub fn is_open_at(
        &self,
        slots: &[OpeningSlot],
        closed_in_school_holidays: bool,
        moment: &LocalMoment,
    ) -> bool {
        self.day(moment.date)
            .hours(slots, closed_in_school_holidays)
            .is_open_at(moment.time)
    }
}

// Here rather than in `region`, which the offers depend on and which must not depend on them.
impl RegionInfo {
    /// The region's calendar: public holidays and its school holidays.
    pub fn calendar(&self) -> Calendar {
        Calendar::new(self.school_holidays.clone())
    }
}

/// One day as the calendar sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub weekday: Weekday,
    pub public_holiday: Option<Holiday>,
    pub school_holidays: bool,
}

/// What an offer's hours are on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TodayHours {
    /// The day's periods, in time order.
    Open(Vec<(TimeOfDay, TimeOfDay)>),
    /// No period on this weekday.
    Closed,
    /// The offer has weekly hours, but today is a public holiday.
    PublicHoliday(Holiday),
    /// The offer closes in the school holidays, and today is in them.
    SchoolHolidays,
    /// The offer has no weekly hours at all.
    ByAppointment,
}

impl TodayHours {
    pub fn is_open_at(&self, time: TimeOfDay) -> bool {
        match self {
            TodayHours::Open(periods) => periods
                .iter()
                .any(|(opens, closes)| *opens <= time && time < *closes),
            _ => false,
        }
    }
}

impl CalendarDay {
    /// What weekly `slots` mean on this day. A public holiday closes every offer with hours,
    /// and comes before the school holidays.
    pub fn hours(&self, slots: &[OpeningSlot], closed_in_school_holidays: bool) -> TodayHours {
        if slots.is_empty() {
            return TodayHours::ByAppointment;
        }
        if let Some(holiday) = self.public_holiday {
            return TodayHours::PublicHoliday(holiday);
        }
        if closed_in_school_holidays && self.school_holidays {
            return TodayHours::SchoolHolidays;
        }
        let mut periods: Vec<_> = slots
            .iter()
            .filter(|slot| slot.weekday == self.weekday)
            .map(|slot| (slot.opens, slot.closes))
            .collect();
        if periods.is_empty() {
            return TodayHours::Closed;
        }
        periods.sort();
        TodayHours::Open(periods)
    }

    /// An offer summary's hours on this day.
    pub fn offer_hours(&self, offer: &OfferSummary) -> TodayHours {
        self.hours(&offer.hours, offer.closed_in_school_holidays)
    }
}

/// Today's hours as a short line for a result card ("heute 09:00–12:00, 14:00–16:00"), with
/// `translate(id, args)` looking up the catalogue message `id` (the `heute-…` and
/// `feiertag-…` messages of `karte.ftl`) and filling in its arguments.
pub fn today_text(
    hours: &TodayHours,
    translate: impl Fn(&str, &[(&str, &str)]) -> String,
) -> String {
    match hours {
        TodayHours::Open(periods) => {
            let periods = periods
                .iter()
                .map(|(opens, closes)| format!("{opens}–{closes}"))
                .collect::<Vec<_>>()
                .join(", ");
            translate("heute-offen", &[("hours", &periods)])
        }
        TodayHours::Closed => translate("heute-geschlossen", &[]),
        TodayHours::PublicHoliday(holiday) => {
            let name = translate(&format!("feiertag-{}", holiday.code()), &[]);
            translate("heute-feiertag", &[("name", &name)])
        }
        TodayHours::SchoolHolidays => translate("heute-schulferien", &[]),
        TodayHours::ByAppointment => translate("heute-nach-vereinbarung", &[]),
    }
}

/// A moment as a clock in Germany shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalMoment {
    #[serde(with = "iso_date")]
    pub date: NaiveDate,
    pub weekday: Weekday,
    pub time: TimeOfDay,
}

const HOUR: i64 = 60 * 60;
const DAY: i64 = 24 * HOUR;

fn weekday_of(date: NaiveDate) -> Weekday {
    Weekday::ALL[date.weekday().num_days_from_monday() as usize]
}

/// The last Sunday of a month with 31 days (March and October are the ones needed).
fn last_sunday_of_31_day_month(year: i32, month: u32) -> Option<NaiveDate> {
    let last = NaiveDate::from_ymd_opt(year, month, 31)?;
    last.checked_sub_days(Days::new(u64::from(last.weekday().num_days_from_sunday())))
}

fn utc_seconds_at_1am(date: NaiveDate) -> Option<i64> {
    Some(date.and_hms_opt(1, 0, 0)?.and_utc().timestamp())
}

/// Europe/Berlin's offset from UTC in seconds: UTC+2 from the last Sunday of March 01:00 UTC
/// to the last Sunday of October 01:00 UTC (the EU rule, Directive 2000/84/EC), else UTC+1.
/// Computed instead of read from a time-zone database, which would weigh on the Wasm.
pub fn berlin_offset_seconds(utc_seconds: i64) -> i64 {
    let Some(year) = DateTime::from_timestamp(utc_seconds, 0).map(|utc| utc.year()) else {
        return HOUR;
    };
    let summer = last_sunday_of_31_day_month(year, 3)
        .and_then(utc_seconds_at_1am)
        .zip(last_sunday_of_31_day_month(year, 10).and_then(utc_seconds_at_1am));
    match summer {
        Some((begins, ends)) if (begins..ends).contains(&utc_seconds) => 2 * HOUR,
        _ => HOUR,
    }
}

impl crate::shared::json_read::ReadJson for LocalMoment {
    fn read_json<S: crate::shared::json_read::JsonSource>(source: &S) -> Result<Self, String> {
        let m = crate::shared::json_read::Members(source);
        Ok(LocalMoment {
            date: m.get_with("date", iso_date::read_json)?,
            weekday: m.get("weekday")?,
            time: m.get("time")?,
        })
    }
}

impl LocalMoment {
    /// The German local moment at `utc_seconds` (Unix time).
    pub fn at(utc_seconds: i64) -> LocalMoment {
        let local = utc_seconds.saturating_add(berlin_offset_seconds(utc_seconds));
        let date = DateTime::from_timestamp(local, 0)
            .unwrap_or_default()
            .date_naive();
        let minute = u16::try_from(local.rem_euclid(DAY) / 60).unwrap_or_default();
        LocalMoment {
            date,
            weekday: weekday_of(date),
            time: TimeOfDay::from_minutes(minute).unwrap_or_default(),
        }
    }

    pub fn of(utc: DateTime<Utc>) -> LocalMoment {
        LocalMoment::at(utc.timestamp())
    }
}

/// Now, as a clock in Germany shows it, whatever time zone the device is set to. The browser
/// asks its own clock (`Date.now()`), because chrono's clock is not available in the Wasm.
pub fn now_local() -> LocalMoment {
    #[cfg(feature = "hydrate")]
    let utc_seconds = (js_sys::Date::now() / 1000.0).floor() as i64;
    #[cfg(not(feature = "hydrate"))]
    let utc_seconds = Utc::now().timestamp();
    LocalMoment::at(utc_seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        let mut parts = text.split('-').map(|part| part.parse::<u32>().unwrap());
        let (year, month, day) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        NaiveDate::from_ymd_opt(year as i32, month, day).unwrap()
    }

    fn utc(text: &str) -> i64 {
        let (day, time) = text.split_once(' ').unwrap();
        let (hour, minute) = time.split_once(':').unwrap();
        date(day)
            .and_hms_opt(hour.parse().unwrap(), minute.parse().unwrap(), 0)
            .unwrap()
            .and_utc()
            .timestamp()
    }

    fn t(text: &str) -> TimeOfDay {
        TimeOfDay::parse(text).unwrap()
    }

    fn holidays_of(year: i32) -> Vec<(String, &'static str)> {
        public_holidays(year)
            .into_iter()
            .map(|(day, holiday)| (day.to_string(), holiday.name()))
            .collect()
    }

    #[test]
    fn holidays_of_2026() {
        assert_eq!(
            holidays_of(2026),
            vec![
                ("2026-01-01".to_string(), "Neujahr"),
                ("2026-04-03".to_string(), "Karfreitag"),
                ("2026-04-06".to_string(), "Ostermontag"),
                ("2026-05-01".to_string(), "Tag der Arbeit"),
                ("2026-05-14".to_string(), "Christi Himmelfahrt"),
                ("2026-05-25".to_string(), "Pfingstmontag"),
                ("2026-06-04".to_string(), "Fronleichnam"),
                ("2026-10-03".to_string(), "Tag der Deutschen Einheit"),
                ("2026-11-01".to_string(), "Allerheiligen"),
                ("2026-12-25".to_string(), "1. Weihnachtstag"),
                ("2026-12-26".to_string(), "2. Weihnachtstag"),
            ]
        );
    }

    #[test]
    fn holidays_of_2027() {
        let movable: Vec<_> = holidays_of(2027)
            .into_iter()
            .filter(|(_, name)| {
                [
                    "Karfreitag",
                    "Ostermontag",
                    "Christi Himmelfahrt",
                    "Pfingstmontag",
                    "Fronleichnam",
                ]
                .contains(name)
            })
            .map(|(day, _)| day)
            .collect();
        assert_eq!(
            movable,
            [
                "2027-03-26",
                "2027-03-29",
                "2027-05-06",
                "2027-05-17",
                "2027-05-27"
            ]
        );
        assert_eq!(holidays_of(2027).len(), 11);
        assert_eq!(
            public_holiday(date("2027-03-29")),
            Some(Holiday::EasterMonday)
        );
        assert_eq!(public_holiday(date("2027-03-30")), None);
    }

    #[test]
    fn a_day_in_the_christmas_school_holidays() {
        let calendar = Calendar::new(vec![DateRange {
            from: date("2026-12-23"),
            to: date("2027-01-06"),
        }]);
        assert!(calendar.in_school_holidays(date("2026-12-30")));
        assert!(calendar.in_school_holidays(date("2026-12-23")));
        assert!(calendar.in_school_holidays(date("2027-01-06")));
        assert!(!calendar.in_school_holidays(date("2027-01-07")));
        assert_eq!(calendar.school_holidays_listed_until(), Some(2026));

        // Wednesday 2026-12-30: a homework club closes, a counselling office keeps its hours.
        let wednesday = vec![OpeningSlot::parse(3, "14:00", "16:00").unwrap()];
        let day = calendar.day(date("2026-12-30"));
        assert_eq!(day.weekday, Weekday::Wed);
        assert_eq!(day.hours(&wednesday, true), TodayHours::SchoolHolidays);
        assert_eq!(
            day.hours(&wednesday, false),
            TodayHours::Open(vec![(t("14:00"), t("16:00"))])
        );
        // Christmas Day lies in the school holidays too; the public holiday is what is said.
        assert_eq!(
            calendar.day(date("2026-12-25")).hours(&wednesday, true),
            TodayHours::PublicHoliday(Holiday::ChristmasDay)
        );
    }

    #[test]
    fn a_public_holiday_closes_offers_with_weekly_hours() {
        let calendar = Calendar::default();
        // Karfreitag 2026 is a Friday.
        let friday = vec![OpeningSlot::parse(5, "09:00", "12:00").unwrap()];
        let good_friday = calendar.day(date("2026-04-03"));
        assert_eq!(
            good_friday.hours(&friday, false),
            TodayHours::PublicHoliday(Holiday::GoodFriday)
        );
        assert_eq!(good_friday.hours(&[], false), TodayHours::ByAppointment);
        let next_friday = calendar.day(date("2026-04-10"));
        assert!(next_friday.hours(&friday, false).is_open_at(t("11:59")));
        assert_eq!(
            calendar.day(date("2026-04-09")).hours(&friday, false),
            TodayHours::Closed
        );
    }

    #[test]
    fn periods_of_the_day_are_in_time_order() {
        let slots = vec![
            OpeningSlot::parse(1, "14:00", "16:00").unwrap(),
            OpeningSlot::parse(2, "08:00", "10:00").unwrap(),
            OpeningSlot::parse(1, "09:00", "12:00").unwrap(),
        ];
        // Monday 2026-03-02.
        let hours = Calendar::default()
            .day(date("2026-03-02"))
            .hours(&slots, false);
        assert_eq!(
            hours,
            TodayHours::Open(vec![(t("09:00"), t("12:00")), (t("14:00"), t("16:00"))])
        );
        assert!(!hours.is_open_at(t("12:00")));
        assert!(hours.is_open_at(t("14:00")));
    }

    #[test]
    fn summer_time_begins_on_the_last_sunday_of_march() {
        let before = LocalMoment::at(utc("2026-03-29 01:00") - 1);
        assert_eq!(before.date, date("2026-03-29"));
        assert_eq!(before.time, t("01:59"));
        let after = LocalMoment::at(utc("2026-03-29 01:00"));
        assert_eq!(after.time, t("03:00"));
        assert_eq!(after.weekday, Weekday::Sun);
    }

    #[test]
    fn summer_time_ends_on_the_last_sunday_of_october() {
        let before = LocalMoment::at(utc("2026-10-25 01:00") - 1);
        assert_eq!(before.time, t("02:59"));
        let after = LocalMoment::at(utc("2026-10-25 01:00"));
        assert_eq!(after.time, t("02:00"));
        assert_eq!(after.date, date("2026-10-25"));
    }

    #[test]
    fn local_dates_change_at_local_midnight() {
        // 23:30 UTC on New Year's Eve is already 00:30 on New Year's Day in Germany.
        let moment = LocalMoment::at(utc("2026-12-31 23:30"));
        assert_eq!(moment.date, date("2027-01-01"));
        assert_eq!(moment.time, t("00:30"));
        assert_eq!(moment.weekday, Weekday::Fri);
        let summer_evening = LocalMoment::at(utc("2026-07-14 22:15"));
        assert_eq!(summer_evening.date, date("2026-07-15"));
        assert_eq!(summer_evening.time, t("00:15"));
        assert_eq!(
            LocalMoment::of(DateTime::from_timestamp(0, 0).unwrap()).time,
            t("01:00")
        );
    }

    #[test]
    fn an_offer_is_open_by_german_time_in_winter_and_summer() {
        let calendar = Calendar::default();
        // Mondays 09:00–12:00; 2026-01-12 and 2026-07-13 are Mondays, neither a holiday.
        let monday = vec![OpeningSlot::parse(1, "09:00", "12:00").unwrap()];
        let open = |at: &str| calendar.is_open_at(&monday, false, &LocalMoment::at(utc(at)));
        assert!(open("2026-01-12 08:30"), "09:30 in winter");
        assert!(!open("2026-01-12 07:30"), "08:30 in winter");
        assert!(!open("2026-01-12 11:00"), "12:00 in winter");
        assert!(open("2026-07-13 07:30"), "09:30 in summer");
        assert!(!open("2026-07-13 10:00"), "12:00 in summer");
        assert!(open("2026-07-13 09:59"), "11:59 in summer");
        // The Monday after the change: 2026-03-30 07:30 UTC is 09:30 summer time.
        assert!(open("2026-03-30 07:30"));
        // Ostermontag 2026, a Monday: closed.
        assert!(!open("2026-04-06 08:30"));
    }

    #[test]
    fn today_is_said_in_the_catalogue_language() {
        let translate = |id: &str, args: &[(&str, &str)]| {
            let arguments: Vec<String> = args.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("{id}({})", arguments.join(";"))
        };
        let open = TodayHours::Open(vec![(t("09:00"), t("12:00")), (t("14:00"), t("16:00"))]);
        assert_eq!(
            today_text(&open, translate),
            "heute-offen(hours=09:00–12:00, 14:00–16:00)"
        );
        assert_eq!(
            today_text(
                &TodayHours::PublicHoliday(Holiday::CorpusChristi),
                translate
            ),
            "heute-feiertag(name=feiertag-fronleichnam())"
        );
        assert_eq!(
            today_text(&TodayHours::Closed, translate),
            "heute-geschlossen()"
        );
        assert_eq!(
            today_text(&TodayHours::SchoolHolidays, translate),
            "heute-schulferien()"
        );
        assert_eq!(
            today_text(&TodayHours::ByAppointment, translate),
            "heute-nach-vereinbarung()"
        );
    }

    #[test]
    fn every_day_text_is_in_the_catalogue() {
        let german = include_str!("../../locales/de/karte.ftl");
        let ids = Holiday::ALL
            .iter()
            .map(|holiday| format!("feiertag-{}", holiday.code()))
            .chain(
                [
                    "heute-offen",
                    "heute-geschlossen",
                    "heute-feiertag",
                    "heute-schulferien",
                    "heute-nach-vereinbarung",
                ]
                .map(String::from),
            );
        for id in ids {
            assert!(german.contains(&format!("\n{id} = ")), "{id}");
        }
    }

    #[test]
    fn moments_and_ranges_travel_as_iso_dates() {
        let moment = LocalMoment::at(utc("2026-03-29 01:00"));
        let json = serde_json::to_string(&moment).unwrap();
        assert_eq!(json, r#"{"date":"2026-03-29","weekday":"Sun","time":180}"#);
        assert_eq!(serde_json::from_str::<LocalMoment>(&json).unwrap(), moment);
        let range: DateRange =
            serde_json::from_str(r#"{"from":"2026-05-26","to":"2026-05-26"}"#).unwrap();
        assert!(range.contains(date("2026-05-26")));
    }
}
