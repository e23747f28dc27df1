//! The offer filter: parsed from the URL query (unknown or malformed values are dropped with a
//! notice, never an error), written back to a query string, and applied to offer summaries.

use crate::shared::query_pairs::encode_query;
use serde::{Deserialize, Serialize};

use crate::offers::calendar::{Calendar, LocalMoment, now_local};
use crate::offers::model::OfferSummary;
use crate::offers::search::{SearchDocument, SearchIndex, TextMatches, key_names_a_word};
use crate::offers::taxonomy::{Language, LifePhase, Topic, TopicSet};
use crate::region::places::{OWN_POSITION, Place, distance_m, locate};

/// The query parameter names; German because the URLs are shared among German speakers.
pub mod param {
    pub const AGE: &str = "alter";
    pub const PHASE: &str = "phase";
    pub const TOPIC: &str = "thema";
    pub const MUNICIPALITY: &str = "ort";
    pub const TEXT: &str = "q";
    /// Near which place (name, postcode, or `lat,lon` from the browser): nearest first.
    pub const NEAR: &str = "bei";
    /// `name` keeps the list in name order even with a place given (distances still shown).
    pub const SORT: &str = "sortierung";
    pub const FREE: &str = "kostenlos";
    pub const WHEELCHAIR: &str = "barrierefrei";
    /// Only offers that say, recently, they have free places.
    pub const FREE_PLACES: &str = "freie-plaetze";
    /// Open now (German local time, public and school holidays considered).
    pub const OPEN_NOW: &str = "jetzt";
    pub const LANGUAGE: &str = "sprache";
    pub const OFFER: &str = "angebot";
    pub const PAGE: &str = "seite";
}

/// The longest free-text query kept; longer input is cut, not rejected.
const MAX_TEXT_CHARS: usize = 100;
const MAX_NEAR_CHARS: usize = 60;
pub const MAX_AGE: u8 = 26;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferFilter {
    pub age: Option<u8>,
    pub phase: Option<LifePhase>,
    /// Any of these topics; empty means all topics.
    pub topics: TopicSet,
    pub municipality: Option<String>,
    pub text: String,
    pub free_only: bool,
    pub wheelchair_only: bool,
    pub language: Option<Language>,
    /// Where "nearest first" is measured from, as given (see `places::locate`); empty for none.
    pub near: String,
    /// Keep name order although a place is given.
    pub sort_by_name: bool,
    /// Only offers open at the moment the filter is applied at.
    #[serde(default)]
    pub open_now: bool,
    /// Only offers with free places (said recently: see `OfferSummary::free_places`).
    #[serde(default)]
    pub free_places_only: bool,
}

/// A query value that was ignored, with the German reason shown to the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterNotice {
    pub param: String,
    pub value: String,
    pub message: String,
}

/// The result of reading a query: the filter, the ignored values, and the selected offer and
/// result page, which are part of the URL but not of the filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedQuery {
    pub filter: OfferFilter,
    pub selected_offer: Option<i64>,
    pub page: usize,
    pub notices: Vec<FilterNotice>,
}

fn is_on(value: &str) -> Option<bool> {
    match value.trim() {
        "1" | "true" | "ja" | "on" => Some(true),
        "0" | "false" | "nein" | "off" | "" => Some(false),
        _ => None,
    }
}

impl ParsedQuery {
    /// Reads query pairs; `known_municipality` tells which AGS keys the region has.
    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        known_municipality: impl Fn(&str) -> bool,
    ) -> Self {
        let mut parsed = ParsedQuery::default();
        for (key, value) in pairs {
            let mut ignore = |message: String| {
                parsed.notices.push(FilterNotice {
                    param: key.to_string(),
                    value: value.to_string(),
                    message,
                })
            };
            let trimmed = value.trim();
            match key {
                param::AGE if trimmed.is_empty() => {}
                param::AGE => match trimmed.parse::<u8>() {
                    Ok(age) if age <= MAX_AGE => parsed.filter.age = Some(age),
                    _ => ignore(format!(
                        "Das Alter „{value}“ wurde ignoriert: bitte eine ganze Zahl von 0 bis {MAX_AGE} angeben."
                    )),
                },
                param::PHASE if trimmed.is_empty() => {}
                param::PHASE => match LifePhase::parse(trimmed) {
                    Some(phase) => parsed.filter.phase = Some(phase),
                    None => ignore(format!(
                        "Die Lebensphase „{value}“ gibt es nicht und wurde ignoriert."
                    )),
                },
                param::TOPIC if trimmed.is_empty() => {}
                param::TOPIC => match Topic::parse(trimmed) {
                    Some(topic) => parsed.filter.topics.insert(topic),
                    None => ignore(format!(
                        "Das Thema „{value}“ gibt es nicht und wurde ignoriert."
                    )),
                },
                param::MUNICIPALITY if trimmed.is_empty() => {}
                param::MUNICIPALITY => {
                    if known_municipality(trimmed) {
                        parsed.filter.municipality = Some(trimmed.to_string());
                    } else {
                        ignore(format!(
                            "Den Ort „{value}“ gibt es hier nicht; er wurde ignoriert."
                        ));
                    }
                }
                param::TEXT => {
                    // Browsers submit GET forms with '+' for a space; the router leaves it as is.
                    let text = value.replace('+', " ");
                    parsed.filter.text = text.trim().chars().take(MAX_TEXT_CHARS).collect();
                }
                param::NEAR => {
                    let text = value.replace('+', " ");
                    parsed.filter.near = text.trim().chars().take(MAX_NEAR_CHARS).collect();
                }
                param::SORT => match trimmed {
                    "name" => parsed.filter.sort_by_name = true,
                    "entfernung" | "" => parsed.filter.sort_by_name = false,
                    _ => ignore(format!(
                        "Die Sortierung „{value}“ gibt es nicht (möglich: name, entfernung); sie wurde ignoriert."
                    )),
                },
                param::FREE => match is_on(trimmed) {
                    Some(on) => parsed.filter.free_only = on,
                    None => ignore(format!(
                        "„{value}“ ist kein gültiger Wert für „kostenlos“ und wurde ignoriert."
                    )),
                },
                param::WHEELCHAIR => match is_on(trimmed) {
                    Some(on) => parsed.filter.wheelchair_only = on,
                    None => ignore(format!(
                        "„{value}“ ist kein gültiger Wert für „barrierefrei“ und wurde ignoriert."
                    )),
                },
                param::FREE_PLACES => match is_on(trimmed) {
                    Some(on) => parsed.filter.free_places_only = on,
                    None => ignore(format!(
                        "„{value}“ ist kein gültiger Wert für „freie Plätze“ und wurde ignoriert."
                    )),
                },
                param::OPEN_NOW => match is_on(trimmed) {
                    Some(on) => parsed.filter.open_now = on,
                    None => ignore(format!(
                        "„{value}“ ist kein gültiger Wert für „jetzt“ und wurde ignoriert."
                    )),
                },
                param::LANGUAGE if trimmed.is_empty() => {}
                param::LANGUAGE => match Language::parse(trimmed) {
                    Some(language) => parsed.filter.language = Some(language),
                    None => ignore(format!(
                        "Die Sprache „{value}“ ist nicht bekannt und wurde ignoriert."
                    )),
                },
                param::OFFER if trimmed.is_empty() => {}
                param::OFFER => match trimmed.parse::<i64>() {
                    Ok(id) if id > 0 => parsed.selected_offer = Some(id),
                    _ => ignore(format!(
                        "„{value}“ ist keine gültige Angebotsnummer und wurde ignoriert."
                    )),
                },
                param::PAGE if trimmed.is_empty() => {}
                param::PAGE => match trimmed.parse::<usize>() {
                    Ok(page) if (1..=10_000).contains(&page) => parsed.page = page - 1,
                    _ => ignore(format!(
                        "Die Seite „{value}“ gibt es nicht; es wird die erste gezeigt."
                    )),
                },
                _ => ignore(format!(
                    "Der Parameter „{key}“ ist unbekannt und wurde ignoriert."
                )),
            }
        }
        parsed
    }
}

/// The map page's path with these query pairs: `/` when there are none.
pub fn map_path<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    if pairs.is_empty() {
        "/".to_string()
    } else {
        format!("/?{}", encode_query(pairs))
    }
}

impl OfferFilter {
    /// The query pairs that reproduce this filter, in a fixed order (stable, shareable URLs).
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(age) = self.age {
            pairs.push((param::AGE, age.to_string()));
        }
        if let Some(phase) = self.phase {
            pairs.push((param::PHASE, phase.code().to_string()));
        }
        for topic in self.topics.iter() {
            pairs.push((param::TOPIC, topic.code().to_string()));
        }
        if let Some(ags) = &self.municipality {
            pairs.push((param::MUNICIPALITY, ags.clone()));
        }
        if !self.text.is_empty() {
            pairs.push((param::TEXT, self.text.clone()));
        }
        if self.free_only {
            pairs.push((param::FREE, "1".to_string()));
        }
        if self.wheelchair_only {
            pairs.push((param::WHEELCHAIR, "1".to_string()));
        }
        if self.free_places_only {
            pairs.push((param::FREE_PLACES, "1".to_string()));
        }
        if self.open_now {
            pairs.push((param::OPEN_NOW, "1".to_string()));
        }
        if let Some(language) = self.language {
            pairs.push((param::LANGUAGE, language.code().to_string()));
        }
        if !self.near.is_empty() {
            pairs.push((param::NEAR, self.near.clone()));
        }
        if self.sort_by_name {
            pairs.push((param::SORT, "name".to_string()));
        }
        pairs
    }

    pub fn is_empty(&self) -> bool {
        *self == OfferFilter::default()
    }

    /// The criteria that narrow the list, by query parameter, in the order the help for an
    /// empty result lists them ("Ohne 'kostenlos': 7 Angebote"); see [`OfferFilter::without`].
    pub fn active_criteria(&self) -> Vec<&'static str> {
        let active = [
            self.age.is_some(),
            self.phase.is_some(),
            !self.topics.is_empty(),
            self.municipality.is_some(),
            !self.text.is_empty(),
            self.free_only,
            self.wheelchair_only,
            self.language.is_some(),
            self.open_now,
            self.free_places_only,
        ];
        OfferFilter::CRITERIA
            .into_iter()
            .zip(active)
            .filter_map(|(name, active)| active.then_some(name))
            .collect()
    }

    /// The criteria a filter can drop one at a time, by query parameter.
    pub const CRITERIA: [&'static str; 10] = [
        param::AGE,
        param::PHASE,
        param::TOPIC,
        param::MUNICIPALITY,
        param::TEXT,
        param::FREE,
        param::WHEELCHAIR,
        param::LANGUAGE,
        param::OPEN_NOW,
        param::FREE_PLACES,
    ];

    /// The criterion (query parameter) named `name`, as [`OfferFilter::active_criteria`] names it.
    pub fn criterion(name: &str) -> Option<&'static str> {
        OfferFilter::CRITERIA
            .into_iter()
            .find(|criterion| *criterion == name)
    }

    /// This filter without one criterion, named by its query parameter (all topics for
    /// `thema`); an unknown name changes nothing. Link it with `map_path(&f.to_pairs())`.
    pub fn without(&self, criterion: &str) -> OfferFilter {
        let mut relaxed = self.clone();
        match criterion {
            param::AGE => relaxed.age = None,
            param::PHASE => relaxed.phase = None,
            param::TOPIC => relaxed.topics = TopicSet::default(),
            param::MUNICIPALITY => relaxed.municipality = None,
            param::TEXT => relaxed.text.clear(),
            param::FREE => relaxed.free_only = false,
            param::WHEELCHAIR => relaxed.wheelchair_only = false,
            param::LANGUAGE => relaxed.language = None,
            param::OPEN_NOW => relaxed.open_now = false,
            param::FREE_PLACES => relaxed.free_places_only = false,
            // The place the list is sorted from, and the name order that only applies with one.
            param::NEAR => {
                relaxed.near.clear();
                relaxed.sort_by_name = false;
            }
            _ => {}
        }
        relaxed
    }

    /// Whether an offer passes every part of the filter except the topics, which facet counts
    /// need on their own, and "open now". `text_matches`: the offer meets the search words.
    fn matches_except_topics(&self, offer: &OfferSummary, text_matches: bool) -> bool {
        if let Some(age) = self.age {
            match LifePhase::for_age(age) {
                Some(phase) if offer.phases.contains(phase) => {}
                _ => return false,
            }
        }
        if let Some(phase) = self.phase
            && !offer.phases.contains(phase)
        {
            return false;
        }
        if let Some(ags) = &self.municipality
            && offer.municipality != *ags
        {
            return false;
        }
        if self.free_only && !offer.free {
            return false;
        }
        if self.wheelchair_only && !offer.wheelchair {
            return false;
        }
        if self.free_places_only && !offer.free_places {
            return false;
        }
        if let Some(language) = self.language
            && !offer.languages.contains(language)
        {
            return false;
        }
        text_matches
    }
}

/// Offers prepared for repeated filtering. The free-text part of a filter comes as
/// [`TextMatches`] from a [`SearchIndex`] ([`SearchableOffers::search_index`]), so the browser
/// can load the index only when a visitor searches.
pub struct SearchableOffers {
    offers: Vec<OfferSummary>,
    /// Each offer's municipality by name, which the search reads too.
    towns: Vec<String>,
    places: Vec<Place>,
    calendar: Calendar,
}

/// What one filter run yields: the indices of matching offers (in input order) and, per topic,
/// how many offers would match if that topic were the only one chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterResult {
    pub matching: Vec<usize>,
    pub topic_counts: Vec<(Topic, usize)>,
    /// With a place to measure from: each matching offer's distance in metres, in the order
    /// of `matching` (which is then nearest first).
    pub distances: Vec<u32>,
    /// What the distances are measured from ("Buldern", "Ihr Standort").
    pub origin: Option<String>,
    /// Whether `matching` is nearest first (else in name order).
    pub by_distance: bool,
    /// The filter named a place the gazetteer does not know.
    pub unknown_place: bool,
    /// Whether `matching` is best match first (search words and no place; ties by name).
    pub by_relevance: bool,
    /// Nothing matched search words: up to three words of the offers close to a query word no
    /// offer has ("Meinten Sie: Hebamme?").
    pub suggested_words: Vec<String>,
    /// Nothing matched: per active criterion, how many offers match without it (only those
    /// with any), most first. Link each to `filter.without(param)`.
    pub relaxations: Vec<Relaxation>,
    /// How many matching offers come before `matching`, and after it: none, unless the result
    /// is cut to one list page (the map page's first view, `crate::map::first_view`).
    pub before: usize,
    pub after: usize,
}

impl FilterResult {
    /// How many offers match in all.
    pub fn total(&self) -> usize {
        self.before + self.matching.len() + self.after
    }
}

/// "Ohne 'kostenlos': 7 Angebote": a criterion (by query parameter, see
/// [`OfferFilter::active_criteria`]) and how many offers match without it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Relaxation {
    pub param: &'static str,
    pub count: usize,
}

impl SearchableOffers {
    pub fn new(offers: Vec<OfferSummary>, municipality_name: impl Fn(&str) -> String) -> Self {
        let towns = offers
            .iter()
            .map(|offer| municipality_name(&offer.municipality))
            .collect();
        SearchableOffers {
            offers,
            towns,
            places: Vec::new(),
            calendar: Calendar::default(),
        }
    }

    /// The search index over these offers' names, organisations, teasers, towns and topics.
    pub fn search_index(&self) -> SearchIndex {
        let topics: Vec<String> = self
            .offers
            .iter()
            .map(|offer| {
                let labels: Vec<&str> = offer.topics.iter().map(|t| t.label()).collect();
                labels.join(" ")
            })
            .collect();
        let rests: Vec<[&str; 4]> = self
            .offers
            .iter()
            .zip(&self.towns)
            .zip(&topics)
            .map(|((offer, town), topics)| [&offer.organization, &offer.teaser, town, topics])
            .map(|rest| rest.map(String::as_str))
            .collect();
        SearchIndex::new(
            self.offers
                .iter()
                .zip(&rests)
                .map(|(offer, rest)| SearchDocument {
                    name: &offer.name,
                    rest,
                }),
        )
    }

    /// Applies the filter now with its search text looked up in a fresh index: for one-off
    /// lists (print, tests); pages that filter again keep the index or its matches.
    pub fn apply_searching(&self, filter: &OfferFilter) -> FilterResult {
        let text =
            (!filter.text.is_empty()).then(|| self.search_index().text_matches(&filter.text));
        self.apply_at(filter, &now_local(), text.as_ref())
    }

    pub fn offers(&self) -> &[OfferSummary] {
        &self.offers
    }

    /// Applies the filter with "open now" meaning open at `moment` (a page takes the moment
    /// once per render or search, so every offer is judged at the same minute) and its search
    /// text met as `text` says. Matches for another text (the last search, while the index for
    /// this one loads) are used as they are; without any, the text filters nothing.
    pub fn apply_at(
        &self,
        filter: &OfferFilter,
        moment: &LocalMoment,
        text: Option<&TextMatches>,
    ) -> FilterResult {
        self.run(filter, moment, text, true)
    }

    /// `explain`: for an empty result, also look for suggestions and relaxations.
    fn run(
        &self,
        filter: &OfferFilter,
        moment: &LocalMoment,
        text: Option<&TextMatches>,
        explain: bool,
    ) -> FilterResult {
        // Per offer, its relevance key (0: not met), when the filter searches for words.
        let relevance: Option<Vec<u32>> = text
            .filter(|text| text.words && !filter.text.is_empty())
            .map(|text| text.keys(self.offers.len()));
        let today = filter.open_now.then(|| self.calendar.day(moment.date));
        let mut counts = vec![0usize; Topic::ALL.len()];
        let mut matching = Vec::new();
        for (index, offer) in self.offers.iter().enumerate() {
            let text_matches = relevance.as_ref().is_none_or(|keys| keys[index] > 0);
            if !filter.matches_except_topics(offer, text_matches) {
                continue;
            }
            if let Some(today) = &today
                && !today.offer_hours(offer).is_open_at(moment.time)
            {
                continue;
            }
            for topic in offer.topics.iter() {
                counts[topic as usize] += 1;
            }
            if filter.topics.is_empty() || offer.topics.intersects(filter.topics) {
                matching.push(index);
            }
        }
        let mut result = FilterResult {
            topic_counts: Topic::ALL.iter().copied().zip(counts).collect(),
            ..FilterResult::default()
        };
        match locate(&self.places, &filter.near) {
            Some(origin) => {
                let from = (origin.lat, origin.lon);
                let mut near: Vec<(u32, usize)> = matching
                    .into_iter()
                    .map(|index| {
                        let offer = &self.offers[index];
                        (distance_m(from, (offer.lat, offer.lon)), index)
                    })
                    .collect();
                if !filter.sort_by_name {
                    // Equally far offers keep their order (by name): the index breaks the tie.
                    // With search words, offers that carry one in their name come first ("Hebamme"
                    // near Dülmen: the midwives before a café whose text mentions one).
                    near.sort_unstable_by_key(|&(distance, index)| {
                        let in_name = relevance
                            .as_ref()
                            .is_some_and(|keys| key_names_a_word(keys[index]));
                        (relevance.is_some() && !in_name, distance, index)
                    });
                    result.by_distance = true;
                }
                (result.distances, result.matching) = near.into_iter().unzip();
                result.origin = Some(origin.label);
            }
            None => {
                result.matching = matching;
                result.unknown_place = !filter.near.is_empty();
                if let Some(relevance) = &relevance {
                    // Best first; equally good matches keep their order (by name): the index
                    // breaks the tie. (The same sort as for distances: less Wasm.)
                    let mut ranked: Vec<(u32, usize)> = result
                        .matching
                        .iter()
                        .map(|&index| (u32::MAX - relevance[index], index))
                        .collect();
                    ranked.sort_unstable();
                    result.matching = ranked.into_iter().map(|(_, index)| index).collect();
                    result.by_relevance = true;
                }
            }
        }
        if explain && result.matching.is_empty() {
            if let Some(text) = text.filter(|_| relevance.is_some()) {
                result.suggested_words = text.suggested_words.clone();
            }
            result.relaxations = self.relaxations(filter, moment, text);
        }
        result
    }

    /// For an empty result: how many offers each active criterion alone keeps out.
    fn relaxations(
        &self,
        filter: &OfferFilter,
        moment: &LocalMoment,
        text: Option<&TextMatches>,
    ) -> Vec<Relaxation> {
        let criteria = filter.active_criteria();
        // (fewer offers later, the criteria's order)
        let mut counted: Vec<(u32, usize)> = Vec::new();
        for (position, param) in criteria.iter().enumerate() {
            let count = self
                .run(&filter.without(param), moment, text, false)
                .matching
                .len();
            if count > 0 {
                counted.push((u32::MAX - count as u32, position));
            }
        }
        counted.sort_unstable();
        counted
            .into_iter()
            .map(|(fewer, position)| Relaxation {
                param: criteria[position],
                count: (u32::MAX - fewer) as usize,
            })
            .collect()
    }

    /// `offers` prepared for filtering in `region`: its town names, gazetteer and holidays.
    pub fn in_region(offers: Vec<OfferSummary>, region: &crate::region::model::RegionInfo) -> Self {
        SearchableOffers::new(offers, |ags| region.municipality_name(ags).to_string())
            .with_places(region.places.clone())
            .with_calendar(region.calendar())
    }

    /// The region's gazetteer, for "nearest first".
    pub fn with_places(mut self, places: Vec<Place>) -> Self {
        self.places = places;
        self
    }

    /// The region's public and school holidays, for "open now" (without: public holidays only).
    pub fn with_calendar(mut self, calendar: Calendar) -> Self {
        self.calendar = calendar;
        self
    }
}

impl OfferFilter {
    /// The filter in words, one part per criterion ("Alter: 4 Jahre", "Ort: Dülmen"); empty for
    /// no filter. Printed above a hand-out, so a reader knows what the list was chosen by.
    pub fn describe(&self, municipality_name: impl Fn(&str) -> String) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(age) = self.age {
            parts.push(format!(
                "Alter: {age} {}",
                if age == 1 { "Jahr" } else { "Jahre" }
            ));
        }
        if let Some(phase) = self.phase {
            parts.push(format!("Lebensphase: {}", phase.label()));
        }
        if !self.topics.is_empty() {
            let topics: Vec<&str> = self.topics.iter().map(|topic| topic.label()).collect();
            parts.push(format!(
                "{}: {}",
                if topics.len() == 1 { "Thema" } else { "Themen" },
                topics.join(", ")
            ));
        }
        if let Some(ags) = &self.municipality {
            parts.push(format!("Ort: {}", municipality_name(ags)));
        }
        if !self.text.is_empty() {
            parts.push(format!("Suchbegriff: „{}“", self.text));
        }
        if let Some(language) = self.language {
            parts.push(format!("Sprache: {}", language.label()));
        }
        if !self.near.is_empty() {
            let from = match crate::region::places::parse_position(&self.near) {
                Some(_) => OWN_POSITION,
                None => self.near.as_str(),
            };
            parts.push(if self.sort_by_name {
                format!("nach Name, mit Entfernung von: {from}")
            } else {
                format!("nach Entfernung von: {from}")
            });
        }
        if self.free_only {
            parts.push("nur kostenlose Angebote".to_string());
        }
        if self.wheelchair_only {
            parts.push("nur rollstuhlgerechte Angebote".to_string());
        }
        if self.open_now {
            parts.push("jetzt geöffnet".to_string());
        }
        if self.free_places_only {
            parts.push("nur mit freien Plätzen".to_string());
        }
        parts
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn decodes_what_encode_query_writes() {
        let pairs = vec![
            ("q".to_string(), "Frühe Hilfen & mehr 100%".to_string()),
            ("thema".to_string(), "sprache".to_string()),
        ];
        assert_eq!(decode_query(&encode_query(&pairs)), pairs);
    }

    #[test]
    fn decodes_browser_queries_leniently() {
        assert_eq!(
            decode_query("?q=Fruehe+Hilfen&alter=&x&bad=%zz%4"),
            vec![
                ("q".into(), "Fruehe Hilfen".into()),
                ("alter".into(), String::new()),
                ("x".into(), String::new()),
                ("bad".into(), "%zz%4".into()),
            ]
        );
        assert!(decode_query("").is_empty());
        assert_eq!(decode_query("q=%C3%BC%FF")[0].1, "ü\u{FFFD}");
    }

    use super::*;
    use crate::shared::query_pairs::decode_query;
    #[test]
    fn a_filter_is_described_in_words() {
        assert!(
            OfferFilter::default()
                .describe(|_| String::new())
                .is_empty()
        );
        let mut topics = TopicSet::default();
        topics.insert(Topic::Counselling);
        topics.insert(Topic::Health);
        let filter = OfferFilter {
            age: Some(4),
            topics,
            municipality: Some("05558012".into()),
            text: "Hebamme".into(),
            free_only: true,
            language: Some(Language::Turkish),
            ..OfferFilter::default()
        };
        assert_eq!(
            filter.describe(|ags| if ags == "05558012" {
                "Coesfeld".into()
            } else {
                ags.into()
            }),
            vec![
                "Alter: 4 Jahre",
                "Themen: Beratung, Gesundheit",
                "Ort: Coesfeld",
                "Suchbegriff: „Hebamme“",
                "Sprache: Türkisch",
                "nur kostenlose Angebote",
            ]
        );
    }
    use crate::offers::taxonomy::{LanguageSet, PhaseSet};

    fn offer(id: i64, name: &str, topics: &[Topic], phases: &[LifePhase]) -> OfferSummary {
        OfferSummary {
            id,
            name: name.into(),
            organization: "Träger".into(),
            municipality: "05558012".into(),
            lat: 51.9,
            lon: 7.1,
            topics: topics.iter().copied().collect(),
            phases: phases.iter().copied().collect::<PhaseSet>(),
            languages: [Language::German].into_iter().collect::<LanguageSet>(),
            free: id % 2 == 0,
            wheelchair: id % 3 == 0,
            free_places: false,
            teaser: String::new(),
            hours: Vec::new(),
            closed_in_school_holidays: false,
            phone: String::new(),
            address_on_request: false,
            off_map: false,
        }
    }

    fn sample() -> Vec<OfferSummary> {
        vec![
            offer(
                1,
                "Frühe Hilfen Babylotsen",
                &[Topic::EarlyHelp],
                &[LifePhase::Age0To3],
            ),
            offer(
                2,
                "Hausaufgabenhilfe",
                &[Topic::School],
                &[LifePhase::Age6To10, LifePhase::Age10To14],
            ),
            offer(
                3,
                "Erziehungsberatung",
                &[Topic::Counselling],
                &[LifePhase::Parents, LifePhase::Age3To6],
            ),
            offer(
                4,
                "Sportverein Jugend",
                &[Topic::LeisureSport],
                &[LifePhase::Age14To18],
            ),
        ]
    }

    fn known(ags: &str) -> bool {
        ags == "05558012" || ags == "05558016"
    }

    fn parse(query: &[(&str, &str)]) -> ParsedQuery {
        ParsedQuery::parse(query.iter().copied(), known)
    }

    #[test]
    fn parses_every_parameter() {
        let parsed = parse(&[
            ("alter", "4"),
            ("thema", "beratung"),
            ("thema", "gesundheit"),
            ("ort", "05558016"),
            ("q", " Baby "),
            ("kostenlos", "1"),
            ("barrierefrei", "ja"),
            ("sprache", "tr"),
            ("angebot", "12"),
            ("seite", "2"),
        ]);
        assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
        let f = &parsed.filter;
        assert_eq!(f.age, Some(4));
        assert!(f.topics.contains(Topic::Counselling) && f.topics.contains(Topic::Health));
        assert_eq!(f.municipality.as_deref(), Some("05558016"));
        assert_eq!(f.text, "Baby");
        assert!(f.free_only && f.wheelchair_only);
        assert_eq!(f.language, Some(Language::Turkish));
        assert_eq!(parsed.selected_offer, Some(12));
        assert_eq!(parsed.page, 1);
    }

    #[test]
    fn malformed_values_become_notices_not_errors() {
        let parsed = parse(&[
            ("alter", "abc"),
            ("alter", "99"),
            ("thema", "zauberei"),
            ("ort", "99999999"),
            ("kostenlos", "vielleicht"),
            ("sprache", "klingonisch"),
            ("angebot", "-3"),
            ("seite", "0"),
            ("foo", "bar"),
        ]);
        assert_eq!(parsed.notices.len(), 9);
        assert_eq!(parsed.filter, OfferFilter::default());
        assert!(parsed.notices[0].message.contains("Alter „abc“"));
        assert!(parsed.notices[3].message.contains("Ort „99999999“"));
    }

    #[test]
    fn empty_values_mean_no_filter() {
        let parsed = parse(&[("alter", ""), ("ort", ""), ("thema", ""), ("q", "")]);
        assert!(parsed.notices.is_empty());
        assert!(parsed.filter.is_empty());
    }

    #[test]
    fn filter_round_trips_through_pairs() {
        let parsed = parse(&[
            ("thema", "gesundheit"),
            ("alter", "3"),
            ("kostenlos", "1"),
            ("q", "Kita"),
            ("bei", "Buldern"),
            ("sortierung", "name"),
        ]);
        assert!(parsed.filter.sort_by_name);
        assert_eq!(parsed.filter.near, "Buldern");
        let pairs = parsed.filter.to_pairs();
        let again = ParsedQuery::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())), known);
        assert_eq!(again.filter, parsed.filter);
    }

    #[test]
    fn query_encoding_escapes_and_round_trips() {
        let encoded = encode_query(&[("q", "Frühe Hilfen & mehr"), ("thema", "kita-betreuung")]);
        assert_eq!(encoded, "q=Fr%C3%BChe+Hilfen+%26+mehr&thema=kita-betreuung");
        assert_eq!(map_path::<&str, &str>(&[]), "/");
        assert_eq!(map_path(&[("ort", "05558012")]), "/?ort=05558012");
        let parsed = parse(&[("q", "Frühe+Hilfen")]);
        assert_eq!(parsed.filter.text, "Frühe Hilfen");
    }

    #[test]
    fn age_selects_its_life_phase() {
        let offers = sample();
        let searchable = SearchableOffers::new(offers, |_| "Coesfeld".into());
        let filter = OfferFilter {
            age: Some(1),
            ..Default::default()
        };
        assert_eq!(searchable.apply_searching(&filter).matching, vec![0]);
        let filter = OfferFilter {
            age: Some(12),
            ..Default::default()
        };
        assert_eq!(searchable.apply_searching(&filter).matching, vec![1]);
    }

    #[test]
    fn free_places_select_the_offers_that_said_so() {
        let mut offers = sample();
        offers[2].free_places = true;
        let searchable = SearchableOffers::new(offers, |_| "Coesfeld".into());
        let parsed = parse(&[("freie-plaetze", "1")]);
        assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
        assert!(parsed.filter.free_places_only);
        assert_eq!(
            parsed.filter.to_pairs(),
            [("freie-plaetze", "1".to_string())]
        );
        assert_eq!(searchable.apply_searching(&parsed.filter).matching, vec![2]);
        assert_eq!(parsed.filter.active_criteria(), ["freie-plaetze"]);
        assert!(parsed.filter.without("freie-plaetze").is_empty());
        assert_eq!(parse(&[("freie-plaetze", "vielleicht")]).notices.len(), 1);
    }

    #[test]
    fn text_search_ignores_umlaut_spelling() {
        let offers = sample();
        let searchable = SearchableOffers::new(offers, |_| "Coesfeld".into());
        let filter = OfferFilter {
            text: "Fruehe Hilfen".into(),
            ..Default::default()
        };
        assert_eq!(searchable.apply_searching(&filter).matching, vec![0]);
        let filter = OfferFilter {
            text: "coesfeld beratung".into(),
            ..Default::default()
        };
        assert_eq!(searchable.apply_searching(&filter).matching, vec![2]);
    }

    #[test]
    fn topic_counts_ignore_the_topic_selection() {
        let offers = sample();
        let searchable = SearchableOffers::new(offers, |_| "Coesfeld".into());
        let mut filter = OfferFilter::default();
        filter.topics.insert(Topic::School);
        let result = searchable.apply_searching(&filter);
        assert_eq!(result.matching, vec![1]);
        let count = |t| {
            result
                .topic_counts
                .iter()
                .find(|(topic, _)| *topic == t)
                .unwrap()
                .1
        };
        assert_eq!(count(Topic::School), 1);
        assert_eq!(count(Topic::EarlyHelp), 1);
        assert_eq!(count(Topic::Health), 0);
    }

    #[test]
    fn near_a_place_offers_named_for_the_search_come_first() {
        let mut cafe = offer(1, "Krabbelcafé Arche", &[Topic::EarlyHelp], &[]);
        cafe.teaser = "Einmal im Monat ist eine Hebamme zu Gast.".into();
        (cafe.lat, cafe.lon) = (51.830, 7.280);
        let mut midwife = offer(2, "Familienhebamme Dülmen", &[Topic::EarlyHelp], &[]);
        (midwife.lat, midwife.lon) = (51.850, 7.300);
        let mut far = offer(3, "Hebammensprechstunde Coesfeld", &[Topic::Health], &[]);
        (far.lat, far.lon) = (51.946, 7.168);
        let places = vec![super::Place {
            name: "Dülmen".into(),
            ags: "05558012".into(),
            postcode: "48249".into(),
            lat: 51.830,
            lon: 7.280,
        }];
        let searchable =
            SearchableOffers::new(vec![cafe, midwife, far], |_| String::new()).with_places(places);
        let result = searchable.apply_searching(&OfferFilter {
            text: "Hebamme".into(),
            near: "Dülmen".into(),
            ..OfferFilter::default()
        });
        let ids: Vec<i64> = result
            .matching
            .iter()
            .map(|i| searchable.offers()[*i].id)
            .collect();
        assert_eq!(
            ids,
            vec![2, 3, 1],
            "named offers first, each group nearest first"
        );
        assert!(result.distances[0] < result.distances[1]);
    }

    #[test]
    fn near_a_place_sorts_nearest_first_with_distances() {
        let mut offers = sample();
        // Coesfeld, Dülmen, Lüdinghausen, Buldern.
        for (offer, (lat, lon)) in offers.iter_mut().zip([
            (51.9459, 7.1675),
            (51.8285, 7.2791),
            (51.7704, 7.4437),
            (51.8640, 7.3560),
        ]) {
            (offer.lat, offer.lon) = (lat, lon);
        }
        let places = vec![super::Place {
            name: "Buldern".into(),
            ags: "05558016".into(),
            postcode: "48249".into(),
            lat: 51.864,
            lon: 7.356,
        }];
        let searchable = SearchableOffers::new(offers, |_| String::new()).with_places(places);
        let near = |text: &str| {
            searchable.apply_searching(&OfferFilter {
                near: text.into(),
                ..OfferFilter::default()
            })
        };
        let result = near("buldern");
        let ids: Vec<i64> = result
            .matching
            .iter()
            .map(|i| searchable.offers()[*i].id)
            .collect();
        assert_eq!(ids, vec![4, 2, 3, 1]);
        assert_eq!(result.distances[0], 0);
        assert!(result.distances.windows(2).all(|pair| pair[0] <= pair[1]));
        assert_eq!(result.origin.as_deref(), Some("Buldern"));
        assert!(!result.unknown_place);

        let own = near("51.946,7.168");
        assert_eq!(searchable.offers()[own.matching[0]].id, 1);
        assert_eq!(own.origin.as_deref(), Some(super::OWN_POSITION));

        let by_name = searchable.apply_searching(&OfferFilter {
            near: "Buldern".into(),
            sort_by_name: true,
            ..OfferFilter::default()
        });
        assert_eq!(by_name.matching, vec![0, 1, 2, 3], "name order kept");
        assert_eq!(by_name.distances.len(), 4, "distances still shown");
        assert!(!by_name.by_distance && result.by_distance);

        let unknown = near("Atlantis");
        assert!(unknown.unknown_place);
        assert!(unknown.distances.is_empty());
        assert_eq!(
            unknown.matching.len(),
            4,
            "an unknown place filters nothing out"
        );
    }

    #[test]
    fn flags_filter() {
        let offers = sample();
        let searchable = SearchableOffers::new(offers, |_| String::new());
        let filter = OfferFilter {
            free_only: true,
            ..Default::default()
        };
        assert_eq!(searchable.apply_searching(&filter).matching, vec![1, 3]);
        let filter = OfferFilter {
            wheelchair_only: true,
            free_only: true,
            ..Default::default()
        };
        assert!(searchable.apply_searching(&filter).matching.is_empty());
    }

    #[test]
    fn open_now_is_read_written_and_described() {
        let parsed = parse(&[("jetzt", "ja"), ("kostenlos", "1")]);
        assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
        assert!(parsed.filter.open_now);
        let pairs = parsed.filter.to_pairs();
        assert!(pairs.contains(&("jetzt", "1".to_string())), "{pairs:?}");
        let again = ParsedQuery::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())), known);
        assert_eq!(again.filter, parsed.filter);
        assert_eq!(
            parsed.filter.describe(|_| String::new()),
            vec!["nur kostenlose Angebote", "jetzt geöffnet"]
        );
        assert!(!parse(&[("jetzt", "0")]).filter.open_now);
        let bad = parse(&[("jetzt", "gleich")]);
        assert_eq!(bad.notices.len(), 1);
        assert!(bad.notices[0].message.contains("„jetzt“"));
        assert!(bad.filter.is_empty());
    }

    #[test]
    fn open_now_keeps_offers_open_at_the_moment() {
        use crate::offers::hours::OpeningSlot;
        use crate::region::model::DateRange;
        use chrono::NaiveDate;

        let mut offers = sample();
        let slot = |day, opens, closes| OpeningSlot::parse(day, opens, closes).unwrap();
        // Babylotsen: by appointment. Homework help: Wednesdays, closed in school holidays.
        offers[1].hours = vec![slot(3, "14:00", "16:00")];
        offers[1].closed_in_school_holidays = true;
        offers[2].hours = vec![slot(3, "09:00", "12:00"), slot(3, "14:00", "18:00")];
        offers[3].hours = vec![slot(4, "17:00", "19:00")];
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let autumn_holidays = DateRange {
            from: day("2026-10-17"),
            to: day("2026-10-31"),
        };
        let searchable = SearchableOffers::new(offers, |_| String::new())
            .with_calendar(Calendar::new(vec![autumn_holidays]));
        let open_now = OfferFilter {
            open_now: true,
            ..OfferFilter::default()
        };
        let at = |utc: &str| {
            let seconds = chrono::NaiveDateTime::parse_from_str(utc, "%Y-%m-%d %H:%M")
                .unwrap()
                .and_utc()
                .timestamp();
            searchable
                .apply_at(&open_now, &LocalMoment::at(seconds), None)
                .matching
        };
        // Wednesday 2026-10-07, 14:30 summer time (12:30 UTC): both Wednesday offers.
        assert_eq!(at("2026-10-07 12:30"), vec![1, 2]);
        // The same hour in the autumn school holidays: the homework help is closed.
        assert_eq!(at("2026-10-21 12:30"), vec![2]);
        // Wednesday 2026-11-04, 14:30 winter time (13:30 UTC).
        assert_eq!(at("2026-11-04 13:30"), vec![1, 2]);
        assert!(at("2026-11-04 12:30").is_empty(), "13:30: lunch break");
        // Fronleichnam 2027 is a Thursday: the Thursday evening offer is closed.
        assert_eq!(at("2027-05-20 15:30"), vec![3]);
        assert!(at("2027-05-27 15:30").is_empty());
        // Without "open now" the moment does not matter.
        let all = searchable.apply_at(&OfferFilter::default(), &LocalMoment::at(0), None);
        assert_eq!(all.matching, vec![0, 1, 2, 3]);
    }

    #[test]
    fn a_search_without_a_place_lists_the_best_matches_first() {
        let mut offers = vec![
            offer(1, "Babytreff", &[Topic::EarlyHelp], &[LifePhase::Age0To3]),
            offer(
                2,
                "Hebammensprechstunde",
                &[Topic::Health],
                &[LifePhase::Parents],
            ),
            offer(3, "Hebamme Müller", &[Topic::Health], &[LifePhase::Parents]),
            offer(
                4,
                "Krabbelgruppe",
                &[Topic::FamilyEducation],
                &[LifePhase::Age0To3],
            ),
        ];
        offers[0].teaser = "Eine Hebamme ist jeden Dienstag dabei.".into();
        let searchable = SearchableOffers::new(offers, |_| "Coesfeld".into());
        let result = searchable.apply_searching(&OfferFilter {
            text: "Hebamme".into(),
            ..OfferFilter::default()
        });
        // Whole word in the name, whole word in the text, part of a word in the name.
        assert_eq!(result.matching, vec![2, 0, 1]);
        assert!(result.by_relevance && !result.by_distance);
        assert!(result.suggested_words.is_empty() && result.relaxations.is_empty());
        let typo = searchable.apply_searching(&OfferFilter {
            text: "hebame".into(),
            ..OfferFilter::default()
        });
        assert_eq!(typo.matching.len(), 3);
        let midwife = searchable.apply_searching(&OfferFilter {
            text: "midwife".into(),
            ..OfferFilter::default()
        });
        assert_eq!(midwife.matching.len(), 3);
        let browse = searchable.apply_searching(&OfferFilter::default());
        assert_eq!(browse.matching, vec![0, 1, 2, 3], "no words: name order");
        assert!(!browse.by_relevance);
    }

    #[test]
    fn matches_sent_from_elsewhere_filter_as_the_index_does() {
        let searchable = SearchableOffers::new(sample(), |_| "Coesfeld".into());
        let index = searchable.search_index();
        let filter = |text: &str| OfferFilter {
            text: text.into(),
            ..OfferFilter::default()
        };
        let moment = LocalMoment::at(0);
        for text in ["Beratung", "beratng", "Kita", "Hebbamxe", "zzz"] {
            let matches = index.text_matches(text);
            // The browser gets the matches as page data (JSON) or from its search part.
            let sent: TextMatches =
                serde_json::from_str(&serde_json::to_string(&matches).unwrap()).unwrap();
            assert_eq!(
                searchable.apply_at(&filter(text), &moment, Some(&sent)),
                searchable.apply_searching(&filter(text)),
                "{text}"
            );
        }
        // Only signs and small words: nothing to search for, nothing filtered out.
        let nothing = index.text_matches("– ?");
        assert!(!nothing.words);
        let all = searchable.apply_at(&filter("– ?"), &moment, Some(&nothing));
        assert_eq!(all.matching.len(), sample().len());
        // While the matches for a new text load, the last ones stay in force.
        let last = index.text_matches("Beratung");
        assert_eq!(
            searchable
                .apply_at(&filter("Beratungs"), &moment, Some(&last))
                .matching,
            searchable
                .apply_at(&filter("Beratung"), &moment, Some(&last))
                .matching
        );
        // Without matches (none loaded yet), a text filters nothing.
        assert_eq!(
            searchable
                .apply_at(&filter("Beratung"), &moment, None)
                .matching
                .len(),
            sample().len()
        );
    }

    #[test]
    fn an_empty_result_says_what_to_leave_out() {
        let searchable = SearchableOffers::new(sample(), |_| "Coesfeld".into());
        // Free: offers 2 and 4; wheelchair: offer 3; both: none.
        let filter = OfferFilter {
            free_only: true,
            wheelchair_only: true,
            ..OfferFilter::default()
        };
        assert_eq!(
            filter.active_criteria(),
            vec![param::FREE, param::WHEELCHAIR]
        );
        let result = searchable.apply_searching(&filter);
        assert!(result.matching.is_empty());
        assert_eq!(
            result.relaxations,
            vec![
                Relaxation {
                    param: param::WHEELCHAIR,
                    count: 2
                },
                Relaxation {
                    param: param::FREE,
                    count: 1
                },
            ]
        );
        assert!(result.suggested_words.is_empty(), "no search words");
        let relaxed = filter.without(param::WHEELCHAIR);
        assert!(relaxed.free_only && !relaxed.wheelchair_only);
        assert_eq!(searchable.apply_searching(&relaxed).matching.len(), 2);
        assert_eq!(
            map_path(&relaxed.to_pairs()),
            "/?kostenlos=1",
            "the link the page offers"
        );

        // A misspelt word no offer has: a suggestion, and the list without the word.
        let filter = OfferFilter {
            text: "Erziehngsbratnug".into(),
            age: Some(4),
            ..OfferFilter::default()
        };
        let result = searchable.apply_searching(&filter);
        assert!(result.matching.is_empty());
        assert_eq!(result.suggested_words, vec!["Erziehungsberatung"]);
        assert_eq!(
            result.relaxations,
            vec![Relaxation {
                param: param::TEXT,
                count: 1
            }]
        );
    }

    #[test]
    fn every_criterion_can_be_left_out() {
        let mut topics = TopicSet::default();
        topics.insert(Topic::Health);
        let full = OfferFilter {
            age: Some(4),
            phase: Some(LifePhase::Parents),
            topics,
            municipality: Some("05558012".into()),
            text: "Hebamme".into(),
            free_only: true,
            wheelchair_only: true,
            language: Some(Language::Arabic),
            open_now: true,
            near: "Buldern".into(),
            sort_by_name: true,
            free_places_only: true,
        };
        let criteria = full.active_criteria();
        assert_eq!(criteria.len(), 10, "{criteria:?}");
        for criterion in criteria {
            let relaxed = full.without(criterion);
            assert_ne!(relaxed, full, "{criterion}");
            assert!(
                !relaxed.active_criteria().contains(&criterion),
                "{criterion}"
            );
            assert_eq!(relaxed.active_criteria().len(), 9, "{criterion}");
            assert_eq!(relaxed.near, "Buldern", "the place is no criterion");
        }
        assert_eq!(full.without("unbekannt"), full);
        assert!(OfferFilter::default().active_criteria().is_empty());
    }
}
