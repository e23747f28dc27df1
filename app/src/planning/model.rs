//! Planning figures: active offers per municipality, life phase and topic, rates per 1,000
//! inhabitants and children, the classes of the choropleth, and the privacy-safe key under
//! which a search without results is counted. Plain logic, no I/O.

use serde::{Deserialize, Serialize};

use crate::offers::filter::OfferFilter;
use crate::offers::model::OfferSummary;
use crate::offers::taxonomy::{LifePhase, Topic};
use crate::shared::float::within;
use crate::shared::query_pairs::encode_query;
use crate::shared::text::normalize;

/// Which offers a planning figure counts: one topic and one life phase, or all of either.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    pub topic: Option<Topic>,
    pub phase: Option<LifePhase>,
}

impl Selection {
    pub fn matches(&self, offer: &OfferSummary) -> bool {
        self.topic.is_none_or(|topic| offer.topics.contains(topic))
            && self.phase.is_none_or(|phase| offer.phases.contains(phase))
    }

    /// "Beratung · 0–3 Jahre", "alle Themen · alle Lebensphasen".
    pub fn describe(&self) -> String {
        format!(
            "{} · {}",
            self.topic.map_or("alle Themen", Topic::label),
            self.phase.map_or("alle Lebensphasen", LifePhase::label)
        )
    }
}

/// How many of `offers` lie in municipality `ags` and match `selection`.
pub fn count_in(offers: &[OfferSummary], ags: &str, selection: Selection) -> usize {
    offers
        .iter()
        .filter(|offer| offer.municipality == ags && selection.matches(offer))
        .count()
}

/// `count` per 1,000 of `base`; `None` without a base to divide by.
pub fn per_thousand(count: usize, base: Option<i64>) -> Option<f64> {
    match base {
        Some(base) if base > 0 => Some(count as f64 * 1000.0 / base as f64),
        _ => None,
    }
}

/// A figure as Germans write it, with one or two decimals: "1,25", "0,8".
pub fn german_decimal(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}").replace('.', ",")
}

/// Splits the district's number of children over its municipalities by population share
/// (largest remainder, so the parts add up to the total). Municipalities without a population
/// get no estimate.
pub fn estimate_children(district_children: i64, populations: &[Option<i64>]) -> Vec<Option<i64>> {
    let total: i64 = populations.iter().flatten().sum();
    if total <= 0 || district_children < 0 {
        return vec![None; populations.len()];
    }
    let mut estimates: Vec<Option<i64>> = populations
        .iter()
        .map(|p| p.map(|p| district_children * p / total))
        .collect();
    let handed_out: i64 = estimates.iter().flatten().sum();
    let mut remainders: Vec<(i64, usize)> = populations
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|p| ((district_children * p) % total, i)))
        .collect();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders
        .into_iter()
        .take((district_children - handed_out) as usize)
    {
        if let Some(estimate) = estimates[i].as_mut() {
            *estimate += 1;
        }
    }
    estimates
}

/// How a municipality is shaded on the choropleth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shade {
    /// No matching offer at all: stands out, whatever the other towns have.
    NoOffer,
    /// No figure to compare (no population known).
    Unknown,
    /// Class 1 (fewest) to [`CLASS_COUNT`] (most).
    Class(u8),
}

/// The number of classes above "no offer".
pub const CLASS_COUNT: u8 = 4;

/// One class of the legend: values in `(from, to]`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassRange {
    pub class: u8,
    pub from: f64,
    pub to: f64,
}

/// Shades each value (offers per 1,000 people of some kind) for the choropleth: zero is
/// [`Shade::NoOffer`], the positive values fall into [`CLASS_COUNT`] equal intervals from 0 to
/// the largest value. Equal intervals rather than quantiles: with 11 towns, quantiles would
/// make one extra offer look like a jump of a whole class.
pub fn classify(values: &[Option<f64>]) -> (Vec<Shade>, Vec<ClassRange>) {
    let max = values.iter().flatten().copied().fold(0.0_f64, f64::max);
    let width = max / f64::from(CLASS_COUNT);
    let shades = values
        .iter()
        .map(|value| match value {
            None => Shade::Unknown,
            Some(v) if *v <= 0.0 => Shade::NoOffer,
            Some(v) => {
                let class = within((v / width).ceil(), 1.0, f64::from(CLASS_COUNT));
                Shade::Class(class as u8)
            }
        })
        .collect();
    let ranges = if max > 0.0 {
        (1..=CLASS_COUNT)
            .map(|class| ClassRange {
                class,
                from: width * f64::from(class - 1),
                to: width * f64::from(class),
            })
            .collect()
    } else {
        Vec::new()
    };
    (shades, ranges)
}

/// The longest search word kept in the zero-result log, and how many words at most.
const MAX_LOGGED_WORD_CHARS: usize = 30;
const MAX_LOGGED_WORDS: usize = 5;

/// The search terms of a query as the zero-result log may keep them: normalised words only,
/// without anything that could identify a person (words with digits such as phone numbers or
/// dates, e-mail addresses), at most a few short words.
pub fn loggable_search_terms(text: &str) -> String {
    text.split_whitespace()
        .filter(|word| !word.contains('@') && !word.chars().any(|c| c.is_numeric()))
        .flat_map(|word| {
            normalize(word)
                .split(' ')
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|word| !word.is_empty() && word.chars().count() <= MAX_LOGGED_WORD_CHARS)
        .take(MAX_LOGGED_WORDS)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The key a search without results is counted under: the filter's criteria as a query string
/// in a fixed order, with the search text reduced to [`loggable_search_terms`] and without the
/// place sorted by (which may be the visitor's own position). `None` when nothing is left to
/// count (no criterion at all).
pub fn zero_result_key(filter: &OfferFilter) -> Option<String> {
    let logged = OfferFilter {
        text: loggable_search_terms(&filter.text),
        near: String::new(),
        sort_by_name: false,
        ..filter.clone()
    };
    (!logged.is_empty()).then(|| encode_query(&logged.to_pairs()))
}

/// The largest number of children accepted for one municipality (a typo guard, far above any
/// German town outside the big cities).
pub const MAX_CHILDREN: i64 = 1_000_000;

/// Reads an administrator's entry of a municipality's number of children: the reference date
/// (`JJJJ-MM-TT`, not in the future) and a whole number. The error is the German reason.
pub fn parse_child_count(
    as_of: &str,
    children: &str,
    today: chrono::NaiveDate,
) -> Result<(chrono::NaiveDate, i64), String> {
    let as_of = chrono::NaiveDate::parse_from_str(as_of.trim(), "%Y-%m-%d")
        .map_err(|_| "Bitte geben Sie den Stichtag als Datum an (z. B. 2025-12-31).".to_string())?;
    if as_of > today {
        return Err("Der Stichtag liegt in der Zukunft.".into());
    }
    let digits: String = children.trim().chars().filter(|c| *c != '.').collect();
    let children: i64 = digits.parse().map_err(|_| {
        format!(
            "„{}“ ist keine ganze Zahl: bitte die Zahl der Kinder ohne Komma angeben.",
            children.trim()
        )
    })?;
    if !(0..=MAX_CHILDREN).contains(&children) {
        return Err(format!(
            "Die Zahl der Kinder muss zwischen 0 und {MAX_CHILDREN} liegen."
        ));
    }
    Ok((as_of, children))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offers::taxonomy::{LanguageSet, PhaseSet, TopicSet};

    fn offer(ags: &str, topics: &[Topic], phases: &[LifePhase]) -> OfferSummary {
        OfferSummary {
            id: 1,
            name: "A".into(),
            organization: "O".into(),
            municipality: ags.into(),
            lat: 51.9,
            lon: 7.2,
            topics: topics.iter().copied().collect::<TopicSet>(),
            phases: phases.iter().copied().collect::<PhaseSet>(),
            languages: LanguageSet::default(),
            free: true,
            wheelchair: false,
            free_places: false,
            teaser: String::new(),
            hours: Vec::new(),
            closed_in_school_holidays: false,
            phone: String::new(),
            address_on_request: false,
            off_map: false,
        }
    }

    #[test]
    fn counts_offers_of_a_town_matching_topic_and_phase() {
        let offers = vec![
            offer("1", &[Topic::Health], &[LifePhase::Age0To3]),
            offer(
                "1",
                &[Topic::Health, Topic::Counselling],
                &[LifePhase::Age3To6],
            ),
            offer("2", &[Topic::Health], &[LifePhase::Age0To3]),
        ];
        let health = Selection {
            topic: Some(Topic::Health),
            phase: None,
        };
        assert_eq!(count_in(&offers, "1", health), 2);
        assert_eq!(
            count_in(
                &offers,
                "1",
                Selection {
                    phase: Some(LifePhase::Age0To3),
                    ..health
                }
            ),
            1
        );
        assert_eq!(count_in(&offers, "1", Selection::default()), 2);
        assert_eq!(count_in(&offers, "3", Selection::default()), 0);
    }

    #[test]
    fn rates_per_thousand_need_a_base() {
        assert_eq!(per_thousand(3, Some(1500)), Some(2.0));
        assert_eq!(per_thousand(3, None), None);
        assert_eq!(per_thousand(3, Some(0)), None);
        assert_eq!(german_decimal(1.254, 2), "1,25");
    }

    #[test]
    fn child_estimates_follow_population_and_add_up() {
        let estimates = estimate_children(100, &[Some(1), Some(1), Some(1), None]);
        assert_eq!(estimates, vec![Some(34), Some(33), Some(33), None]);
        let real = [
            15372, 11566, 36217, 46124, 8850, 24415, 9587, 10000, 20000, 19000, 20000,
        ];
        let estimates = estimate_children(38354, &real.map(Some));
        assert_eq!(estimates.iter().flatten().sum::<i64>(), 38354);
        // Coesfeld has 36217 of 221131 inhabitants: about 16.4 % of the children.
        let coesfeld = estimates[2].unwrap();
        assert!((6280..=6285).contains(&coesfeld), "{coesfeld}");
        assert_eq!(estimate_children(10, &[None, None]), vec![None, None]);
    }

    #[test]
    fn choropleth_classes_for_a_constructed_dataset() {
        // Largest value 8: classes (0, 2], (2, 4], (4, 6], (6, 8].
        let values = [
            Some(0.0),
            Some(1.0),
            Some(2.0),
            Some(2.5),
            Some(5.9),
            Some(8.0),
            None,
        ];
        let (shades, ranges) = classify(&values);
        assert_eq!(
            shades,
            vec![
                Shade::NoOffer,
                Shade::Class(1),
                Shade::Class(1),
                Shade::Class(2),
                Shade::Class(3),
                Shade::Class(4),
                Shade::Unknown,
            ]
        );
        assert_eq!(ranges.len(), 4);
        assert_eq!((ranges[0].from, ranges[0].to), (0.0, 2.0));
        assert_eq!((ranges[3].from, ranges[3].to), (6.0, 8.0));
        // Nothing anywhere: every town stands out, and there is no scale to show.
        let (shades, ranges) = classify(&[Some(0.0), Some(0.0)]);
        assert_eq!(shades, vec![Shade::NoOffer, Shade::NoOffer]);
        assert!(ranges.is_empty());
    }

    #[test]
    fn child_count_entries_are_read_or_refused_in_german() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            parse_child_count("2025-12-31", "6.012", today),
            Ok((chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(), 6012))
        );
        assert!(
            parse_child_count("31.12.2025", "6012", today)
                .unwrap_err()
                .contains("Stichtag")
        );
        assert!(
            parse_child_count("2027-01-01", "6012", today)
                .unwrap_err()
                .contains("Zukunft")
        );
        assert!(
            parse_child_count("2025-12-31", "6,5", today)
                .unwrap_err()
                .contains("keine ganze Zahl")
        );
        assert!(parse_child_count("2025-12-31", "-3", today).is_err());
    }

    #[test]
    fn logged_search_terms_keep_no_personal_details() {
        assert_eq!(
            loggable_search_terms("Hebamme für Müller 0171-2345678 mail@example.org 12.3.2019"),
            "hebamme fur muller"
        );
        assert_eq!(
            loggable_search_terms("a b c d e f g"),
            "a b c d e",
            "at most five words"
        );
        assert_eq!(loggable_search_terms(&"x".repeat(31)), "");
    }

    #[test]
    fn zero_result_key_holds_filters_only() {
        let filter = OfferFilter {
            age: Some(4),
            topics: [Topic::Health].into_iter().collect(),
            municipality: Some("05558016".into()),
            text: "Logopädie Tel. 02594 12345".into(),
            near: "51.83,7.28".into(),
            sort_by_name: true,
            ..OfferFilter::default()
        };
        assert_eq!(
            zero_result_key(&filter).as_deref(),
            Some("alter=4&thema=gesundheit&ort=05558016&q=logopadie+tel")
        );
        let only_position = OfferFilter {
            near: "51.83,7.28".into(),
            text: "0171 2345678".into(),
            ..OfferFilter::default()
        };
        assert_eq!(zero_result_key(&only_position), None);
    }
}
