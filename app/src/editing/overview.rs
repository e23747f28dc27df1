//! What the editors' overview `/redaktion` is asked for: the due offers of one town and one
//! topic, one page at a time. The query is parsed once into a [`DueQuery`] (a town the
//! region knows, a topic of the vocabulary, a page number from 1), or refused with the reason,
//! so the storage only ever sees values it can take; nothing wrong is silently ignored.

use crate::offers::taxonomy::Topic;
use crate::region::model::MunicipalityInfo;

/// Offers unchecked for longer than this many months are due.
pub const DUE_AFTER_MONTHS: u32 = 12;

/// Due offers per page of the overview.
pub const DUE_PAGE_SIZE: u32 = 25;

/// The query parameters the overview understands. `lat` and `lon` are the point picked on
/// the map for the new-offer form (see `requests::ui::NewOfferForm`).
const KNOWN_KEYS: [&str; 5] = ["ort", "thema", "seite", "lat", "lon"];

/// The due offers asked for: in one municipality (its AGS) and with one topic, or all; the
/// page, counted from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueQuery {
    pub town: Option<String>,
    pub topic: Option<Topic>,
    pub page: u32,
}

impl Default for DueQuery {
    fn default() -> DueQuery {
        DueQuery {
            town: None,
            topic: None,
            page: 1,
        }
    }
}

/// Why an overview query was refused; each names the catalogue message that says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DueQueryError {
    UnknownTown(String),
    UnknownTopic(String),
    BadPage(String),
    /// A parameter given more than once.
    Repeated(String),
    UnknownParameter(String),
}

impl DueQueryError {
    /// The catalogue message (`seiten.ftl`) that explains the refusal, with `$wert`.
    pub fn message_id(&self) -> &'static str {
        match self {
            DueQueryError::UnknownTown(_) => "redaktion-fehler-ort",
            DueQueryError::UnknownTopic(_) => "redaktion-fehler-thema",
            DueQueryError::BadPage(_) => "redaktion-fehler-seite",
            DueQueryError::Repeated(_) => "redaktion-fehler-doppelt",
            DueQueryError::UnknownParameter(_) => "redaktion-fehler-parameter",
        }
    }

    /// The value or parameter the message names.
    pub fn value(&self) -> &str {
        match self {
            DueQueryError::UnknownTown(value)
            | DueQueryError::UnknownTopic(value)
            | DueQueryError::BadPage(value)
            | DueQueryError::Repeated(value)
            | DueQueryError::UnknownParameter(value) => value,
        }
    }
}

impl DueQuery {
    /// Parses the overview's query pairs against the region's municipalities. An empty value
    /// means "all" (what the filter form's first option sends).
    pub fn parse(
        pairs: &[(String, String)],
        towns: &[MunicipalityInfo],
    ) -> Result<DueQuery, DueQueryError> {
        if let Some((key, _)) = pairs
            .iter()
            .find(|(key, _)| !KNOWN_KEYS.contains(&key.as_str()))
        {
            return Err(DueQueryError::UnknownParameter(key.clone()));
        }
        let single = |key: &str| -> Result<Option<&str>, DueQueryError> {
            let mut values = pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v);
            let first = values.next();
            if values.next().is_some() {
                return Err(DueQueryError::Repeated(key.to_string()));
            }
            Ok(first
                .map(|value| value.trim())
                .filter(|value| !value.is_empty()))
        };
        let town = single("ort")?
            .map(|ags| {
                towns
                    .iter()
                    .find(|town| town.ags == ags)
                    .map(|town| town.ags.clone())
                    .ok_or_else(|| DueQueryError::UnknownTown(ags.to_string()))
            })
            .transpose()?;
        let topic = single("thema")?
            .map(|code| Topic::parse(code).ok_or_else(|| DueQueryError::UnknownTopic(code.into())))
            .transpose()?;
        let page = single("seite")?
            .map(|text| {
                text.parse::<u32>()
                    .ok()
                    .filter(|page| *page >= 1)
                    .ok_or_else(|| DueQueryError::BadPage(text.to_string()))
            })
            .transpose()?
            .unwrap_or(1);
        // Repeated `lat`/`lon` are refused too; their values are the new-offer form's.
        single("lat")?;
        single("lon")?;
        Ok(DueQuery { town, topic, page })
    }

    /// How many due offers come before this page.
    pub fn offset(&self) -> u32 {
        (self.page - 1).saturating_mul(DUE_PAGE_SIZE)
    }

    /// The overview's address for this query on `page` (the filter kept, the page 1 left out).
    pub fn href_for_page(&self, page: u32) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(town) = &self.town {
            pairs.push(("ort", town.clone()));
        }
        if let Some(topic) = self.topic {
            pairs.push(("thema", topic.code().to_string()));
        }
        if page > 1 {
            pairs.push(("seite", page.to_string()));
        }
        if pairs.is_empty() {
            "/redaktion#faellig".to_string()
        } else {
            format!(
                "/redaktion?{}#faellig",
                crate::shared::query_pairs::encode_query(&pairs)
            )
        }
    }

    /// The same query for another town (`None`: every town), from its first page.
    pub fn with_town(&self, town: Option<&str>) -> DueQuery {
        DueQuery {
            town: town.map(str::to_string),
            topic: self.topic,
            page: 1,
        }
    }
}

/// How many pages `total` due offers fill (at least one, so an empty list has its page 1).
pub fn page_count(total: u64) -> u32 {
    u32::try_from(total.div_ceil(u64::from(DUE_PAGE_SIZE)))
        .unwrap_or(u32::MAX)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn towns() -> Vec<MunicipalityInfo> {
        vec![
            MunicipalityInfo {
                ags: "05558012".into(),
                name: "Coesfeld".into(),
            },
            MunicipalityInfo {
                ags: "05558016".into(),
                name: "Dülmen".into(),
            },
        ]
    }

    fn parse(query: &str) -> Result<DueQuery, DueQueryError> {
        DueQuery::parse(&crate::shared::query_pairs::decode_query(query), &towns())
    }

    #[test]
    fn an_empty_query_is_every_due_offer_from_page_one() {
        assert_eq!(parse(""), Ok(DueQuery::default()));
        assert_eq!(parse("ort=&thema=&seite="), Ok(DueQuery::default()));
        assert_eq!(parse("lat=51.9&lon=7.1"), Ok(DueQuery::default()));
    }

    #[test]
    fn town_topic_and_page_are_parsed() {
        assert_eq!(
            parse("ort=05558016&thema=beratung&seite=3"),
            Ok(DueQuery {
                town: Some("05558016".into()),
                topic: Some(Topic::Counselling),
                page: 3,
            })
        );
        assert_eq!(parse("seite=3").unwrap().offset(), 2 * DUE_PAGE_SIZE);
    }

    #[test]
    fn anything_else_is_refused_with_what_was_wrong() {
        use DueQueryError::*;
        let refusals = [
            ("ort=Berlin", UnknownTown("Berlin".into())),
            ("thema=zauberei", UnknownTopic("zauberei".into())),
            ("seite=0", BadPage("0".into())),
            ("seite=-1", BadPage("-1".into())),
            ("seite=zwei", BadPage("zwei".into())),
            ("seite=1.5", BadPage("1.5".into())),
            ("seite=99999999999", BadPage("99999999999".into())),
            ("ort=05558012&ort=05558016", Repeated("ort".into())),
            ("sortierung=name", UnknownParameter("sortierung".into())),
        ];
        for (query, refusal) in refusals {
            assert_eq!(parse(query), Err(refusal), "{query}");
        }
    }

    #[test]
    fn page_links_keep_the_filter() {
        let query = parse("ort=05558016&thema=beratung").unwrap();
        assert_eq!(
            query.href_for_page(2),
            "/redaktion?ort=05558016&thema=beratung&seite=2#faellig"
        );
        assert_eq!(
            query.with_town(None).href_for_page(1),
            "/redaktion?thema=beratung#faellig"
        );
        assert_eq!(DueQuery::default().href_for_page(1), "/redaktion#faellig");
    }

    #[test]
    fn pages_are_counted_from_the_total() {
        let totals: Vec<u32> = [0, 25, 26, 142].into_iter().map(page_count).collect();
        assert_eq!(totals, [1, 1, 2, 6]);
    }
}
