//! The map page's first view: what the browser needs to show the list page the address asks
//! for before it has every offer. The page carries only these few offers and the result's
//! figures; all offers come after the first paint from `/api/offers` (kept by its entity
//! tag), so the page stays small however many offers the district has.

use serde::{Deserialize, Serialize};

use crate::offers::filter::{FilterResult, OfferFilter, Relaxation};
use crate::offers::model::OfferSummary;
use crate::offers::taxonomy::Topic;
use crate::shared::json_read::{JsonSource, Members, ReadJson};

/// A filter's result cut to one list page, with the offers that page shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FirstView {
    /// The list page's offers in list order, then the offer the address opens if it is not
    /// among them (the detail panel's editors' tools need its place).
    pub offers: Vec<OfferSummary>,
    /// How many of `offers` are the list page's.
    pub on_page: u32,
    /// The page's offers' distances from the chosen place, in list order.
    pub distances: Vec<u32>,
    /// How many matching offers come before the page, and after it.
    pub before: u32,
    pub after: u32,
    /// Per topic in [`Topic::ALL`]'s order, how many offers the topic alone would find.
    pub topic_counts: Vec<u32>,
    pub origin: Option<String>,
    pub by_distance: bool,
    pub unknown_place: bool,
    pub by_relevance: bool,
    pub suggested_words: Vec<String>,
    /// (query parameter, count) of each criterion whose removal would find something.
    pub relaxations: Vec<(String, u32)>,
}

impl FirstView {
    /// The part of `result` (over `all`) the list page starting at `start` shows, `len`
    /// offers at most, and the offer `selected`.
    pub fn cut(
        all: &[OfferSummary],
        result: &FilterResult,
        start: usize,
        len: usize,
        selected: Option<i64>,
    ) -> FirstView {
        let end = start.saturating_add(len).min(result.matching.len());
        let start = start.min(end);
        let mut offers: Vec<OfferSummary> = result.matching[start..end]
            .iter()
            .map(|index| all[*index].clone())
            .collect();
        let on_page = offers.len();
        if let Some(id) = selected
            && !offers.iter().any(|offer| offer.id == id)
            && let Some(offer) = all.iter().find(|offer| offer.id == id)
        {
            offers.push(offer.clone());
        }
        FirstView {
            offers,
            on_page: on_page as u32,
            distances: result
                .distances
                .get(start..end)
                .unwrap_or_default()
                .to_vec(),
            before: (result.before + start) as u32,
            after: (result.after + result.matching.len() - end) as u32,
            topic_counts: Topic::ALL
                .iter()
                .map(|topic| {
                    result
                        .topic_counts
                        .iter()
                        .find(|(counted, _)| counted == topic)
                        .map_or(0, |(_, count)| *count as u32)
                })
                .collect(),
            origin: result.origin.clone(),
            by_distance: result.by_distance,
            unknown_place: result.unknown_place,
            by_relevance: result.by_relevance,
            suggested_words: result.suggested_words.clone(),
            relaxations: result
                .relaxations
                .iter()
                .map(|relaxation| (relaxation.param.to_string(), relaxation.count as u32))
                .collect(),
        }
    }

    /// The result over [`FirstView::offers`] that shows what the server found: the page's
    /// offers at their place in the whole result.
    pub fn result(&self) -> FilterResult {
        FilterResult {
            matching: (0..self.on_page as usize).collect(),
            topic_counts: Topic::ALL
                .iter()
                .copied()
                .zip(self.topic_counts.iter().map(|count| *count as usize))
                .collect(),
            distances: self.distances.clone(),
            origin: self.origin.clone(),
            by_distance: self.by_distance,
            unknown_place: self.unknown_place,
            by_relevance: self.by_relevance,
            suggested_words: self.suggested_words.clone(),
            relaxations: self
                .relaxations
                .iter()
                .filter_map(|(param, count)| {
                    OfferFilter::criterion(param).map(|param| Relaxation {
                        param,
                        count: *count as usize,
                    })
                })
                .collect(),
            before: self.before as usize,
            after: self.after as usize,
        }
    }
}

impl ReadJson for FirstView {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
        let m = Members(source);
        Ok(FirstView {
            offers: m.get("offers")?,
            on_page: m.get("on_page")?,
            distances: m.get("distances")?,
            before: m.get("before")?,
            after: m.get("after")?,
            topic_counts: m.get("topic_counts")?,
            origin: m.get_or_default("origin")?,
            by_distance: m.get("by_distance")?,
            unknown_place: m.get("unknown_place")?,
            by_relevance: m.get("by_relevance")?,
            suggested_words: m.get("suggested_words")?,
            relaxations: m.get("relaxations")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offers::filter::param;
    use crate::offers::taxonomy::{LanguageSet, PhaseSet, TopicSet};

    fn offer(id: i64) -> OfferSummary {
        OfferSummary {
            id,
            name: format!("Angebot {id}"),
            organization: "Familienzentrum".into(),
            municipality: "05558012".into(),
            lat: 51.8,
            lon: 7.2,
            topics: TopicSet(1),
            phases: PhaseSet(2),
            languages: LanguageSet(1),
            free: true,
            wheelchair: false,
            free_places: false,
            teaser: String::new(),
            hours: Vec::new(),
            closed_in_school_holidays: false,
            phone: String::new(),
            address_on_request: false,
            off_map: id % 7 == 0,
        }
    }

    fn whole() -> (Vec<OfferSummary>, FilterResult) {
        let all: Vec<OfferSummary> = (1..=50).map(offer).collect();
        let result = FilterResult {
            // Every other offer, from the back.
            matching: (0..50).rev().step_by(2).collect(),
            topic_counts: vec![(Topic::Health, 25), (Topic::School, 3)],
            distances: (0..25).map(|d| d * 100).collect(),
            origin: Some("Buldern".into()),
            by_distance: true,
            ..FilterResult::default()
        };
        (all, result)
    }

    #[test]
    fn a_page_keeps_its_offers_in_order_and_the_count_of_the_rest() {
        let (all, result) = whole();
        let view = FirstView::cut(&all, &result, 20, 20, None);
        let ids: Vec<i64> = view.offers.iter().map(|offer| offer.id).collect();
        assert_eq!(ids, vec![10, 8, 6, 4, 2]);
        let cut = view.result();
        assert_eq!(cut.matching, vec![0, 1, 2, 3, 4]);
        assert_eq!(cut.distances, vec![2000, 2100, 2200, 2300, 2400]);
        assert_eq!((cut.before, cut.after, cut.total()), (20, 0, 25));
        assert_eq!(cut.origin.as_deref(), Some("Buldern"));
        let health = Topic::ALL.iter().position(|t| *t == Topic::Health).unwrap();
        assert_eq!(cut.topic_counts[health], (Topic::Health, 25));
        assert_eq!(cut.topic_counts.len(), Topic::ALL.len());
    }

    #[test]
    fn the_opened_offer_comes_along_but_is_not_listed() {
        let (all, result) = whole();
        let view = FirstView::cut(&all, &result, 0, 2, Some(1));
        let ids: Vec<i64> = view.offers.iter().map(|offer| offer.id).collect();
        assert_eq!(ids, vec![50, 48, 1]);
        assert_eq!(view.result().matching, vec![0, 1]);
        assert_eq!(view.result().total(), 25);
        // An offer on the page is not carried twice; one that does not exist is not invented.
        assert_eq!(
            FirstView::cut(&all, &result, 0, 2, Some(48)).offers.len(),
            2
        );
        assert_eq!(
            FirstView::cut(&all, &result, 0, 2, Some(999)).offers.len(),
            2
        );
    }

    #[test]
    fn a_page_past_the_end_is_empty_but_counts_everything() {
        let (all, result) = whole();
        let view = FirstView::cut(&all, &result, 400, 20, None);
        assert!(view.offers.is_empty());
        assert_eq!(view.result().total(), 25);
    }

    #[test]
    fn an_empty_result_keeps_what_would_help() {
        let all: Vec<OfferSummary> = (1..=3).map(offer).collect();
        let result = FilterResult {
            suggested_words: vec!["Hebamme".into()],
            relaxations: vec![
                Relaxation {
                    param: param::FREE,
                    count: 2,
                },
                Relaxation {
                    param: param::WHEELCHAIR,
                    count: 1,
                },
            ],
            ..FilterResult::default()
        };
        let view = FirstView::cut(&all, &result, 0, 20, None);
        let cut = view.result();
        assert_eq!(cut.total(), 0);
        assert_eq!(cut.suggested_words, vec!["Hebamme".to_string()]);
        assert_eq!(cut.relaxations, result.relaxations);
    }

    #[test]
    fn what_the_server_writes_the_browser_reads() {
        let (all, result) = whole();
        let view = FirstView::cut(&all, &result, 0, 3, Some(1));
        let read: FirstView = crate::shared::json_read::round_trip(&view).unwrap();
        assert_eq!(read, view);
    }
}
