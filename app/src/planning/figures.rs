//! The planners' figures, computed on the server from the active offers and the region: towns
//! with population and children (entered or estimated), the distance from each town centre to
//! the nearest matching offer, the choropleth's shapes, and the CSV exports of all of it.

use chrono::NaiveDate;

use crate::shared::csv_text::csv_text;
use geo::{BoundingRect, Distance, Haversine, MultiPolygon, Point, Simplify};

use crate::offers::filter::ParsedQuery;
use crate::offers::model::OfferSummary;
use crate::offers::taxonomy::{LifePhase, Topic};
use crate::planning::model::{Selection, count_in, estimate_children, per_thousand};
use crate::planning::store::{ChildCount, ZeroResultCount};
use crate::shared::query_pairs::decode_query;

/// A municipality as planning sees it: population, centre and boundary.
#[derive(Clone, Debug)]
pub struct TownBase {
    pub ags: String,
    pub name: String,
    pub population: Option<i64>,
    /// The town centre.
    pub lat: f64,
    pub lon: f64,
    pub area: MultiPolygon<f64>,
}

/// What the planners' figures start from; read with the region at start-up.
#[derive(Clone, Debug, Default)]
pub struct PlanningBase {
    pub towns: Vec<TownBase>,
    /// Where the population figures come from, with their date.
    pub population_source: String,
    /// The district's number of children under 18 and its source, to estimate each town's.
    pub district_children: Option<(i64, String)>,
}

#[cfg(feature = "ssr")]
impl PlanningBase {
    /// What the planners' figures start from in `region`.
    pub fn of_region(region: &crate::region::loader::LoadedRegion) -> PlanningBase {
        PlanningBase {
            towns: region
                .municipalities
                .iter()
                .map(|m| TownBase {
                    ags: m.ags.clone(),
                    name: m.name.clone(),
                    population: m.population,
                    lat: m.centre.1,
                    lon: m.centre.0,
                    area: m.area.clone(),
                })
                .collect(),
            population_source: region.population_source.clone(),
            district_children: region.children_under_18.clone(),
        }
    }
}

/// Where a town's number of children comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChildrenSource {
    /// Entered by an administrator, for this date.
    Entered(NaiveDate),
    /// The district's figure split by population share.
    Estimated,
    Unknown,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TownFigures {
    pub ags: String,
    pub name: String,
    pub population: Option<i64>,
    pub children: Option<i64>,
    pub children_source: ChildrenSource,
}

/// Each town's population and number of children: entered figures where there are any, the
/// rest of the district's children split over the other towns by population share.
pub fn town_figures(base: &PlanningBase, entered: &[ChildCount]) -> Vec<TownFigures> {
    let entered_of = |ags: &str| entered.iter().find(|count| count.ags == ags);
    let remaining_children = base.district_children.as_ref().map(|(total, _)| {
        let entered_total: i64 = base
            .towns
            .iter()
            .filter_map(|town| entered_of(&town.ags))
            .map(|count| count.children)
            .sum();
        (total - entered_total).max(0)
    });
    let populations_to_estimate: Vec<Option<i64>> = base
        .towns
        .iter()
        .map(|town| match entered_of(&town.ags) {
            Some(_) => None,
            None => town.population,
        })
        .collect();
    let estimates = match remaining_children {
        Some(remaining) => estimate_children(remaining, &populations_to_estimate),
        None => vec![None; base.towns.len()],
    };
    base.towns
        .iter()
        .zip(estimates)
        .map(|(town, estimate)| {
            let (children, children_source) = match (entered_of(&town.ags), estimate) {
                (Some(count), _) => (Some(count.children), ChildrenSource::Entered(count.as_of)),
                (None, Some(estimate)) => (Some(estimate), ChildrenSource::Estimated),
                (None, None) => (None, ChildrenSource::Unknown),
            };
            TownFigures {
                ags: town.ags.clone(),
                name: town.name.clone(),
                population: town.population,
                children,
                children_source,
            }
        })
        .collect()
}

/// The nearest matching offer from a town centre.
#[derive(Clone, Debug, PartialEq)]
pub struct Reach {
    pub ags: String,
    pub name: String,
    /// The nearest matching offer (id, name) and its distance in kilometres; `None` when no
    /// active offer matches anywhere.
    pub nearest: Option<(i64, String, f64)>,
    /// Farther than the limit (or nothing at all).
    pub too_far: bool,
}

/// For each town centre, the straight-line distance to the nearest active offer matching
/// `selection`, flagged when it exceeds `limit_km`.
pub fn reach(
    towns: &[TownBase],
    offers: &[OfferSummary],
    selection: Selection,
    limit_km: f64,
) -> Vec<Reach> {
    towns
        .iter()
        .map(|town| {
            let centre = Point::new(town.lon, town.lat);
            let nearest = offers
                .iter()
                .filter(|offer| selection.matches(offer))
                .map(|offer| {
                    let km = Haversine.distance(centre, Point::new(offer.lon, offer.lat)) / 1000.0;
                    (offer.id, offer.name.clone(), km)
                })
                .min_by(|a, b| a.2.total_cmp(&b.2));
            Reach {
                ags: town.ags.clone(),
                name: town.name.clone(),
                too_far: nearest.as_ref().is_none_or(|(_, _, km)| *km > limit_km),
                nearest,
            }
        })
        .collect()
}

/// A town drawn in the choropleth: its outline as an SVG path and where its name goes.
#[derive(Clone, Debug, PartialEq)]
pub struct SvgTown {
    pub ags: String,
    pub path: String,
    pub label_x: f64,
    pub label_y: f64,
}

/// The towns' outlines as SVG paths in a `width`-wide picture (north up, longitudes shrunk by
/// the cosine of the middle latitude so shapes keep their proportions), and the picture's
/// height.
pub fn svg_outlines(towns: &[TownBase], width: f64) -> (Vec<SvgTown>, f64) {
    let mut bounds = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for rect in towns.iter().filter_map(|town| town.area.bounding_rect()) {
        bounds = [
            bounds[0].min(rect.min().x),
            bounds[1].min(rect.min().y),
            bounds[2].max(rect.max().x),
            bounds[3].max(rect.max().y),
        ];
    }
    let [west, south, east, north] = bounds;
    if west >= east || south >= north {
        return (Vec::new(), 0.0);
    }
    let shrink = ((south + north) / 2.0).to_radians().cos();
    let scale = width / ((east - west) * shrink);
    let height = (north - south) * scale;
    // About a pixel's worth of detail; the full boundaries would make the page ten times larger.
    let epsilon = 1.0 / scale;
    let project = |lon: f64, lat: f64| ((lon - west) * shrink * scale, (north - lat) * scale);
    let paths = towns
        .iter()
        .map(|town| {
            let mut d = String::new();
            for polygon in town.area.simplify(epsilon).0 {
                for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                    for (i, coord) in ring.coords().enumerate() {
                        let (x, y) = project(coord.x, coord.y);
                        d.push_str(&format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" }));
                    }
                    d.push('Z');
                }
            }
            let (label_x, label_y) = project(town.lon, town.lat);
            SvgTown {
                ags: town.ags.clone(),
                path: d,
                label_x,
                label_y,
            }
        })
        .collect();
    (paths, height)
}

fn decimal(value: Option<f64>) -> String {
    value.map_or(String::new(), |v| format!("{v:.3}"))
}

/// The whole matrix: one line per municipality, topic (or all) and life phase (or all), with
/// the count and the rates per 1,000 inhabitants and children.
pub fn matrix_csv(offers: &[OfferSummary], towns: &[TownFigures]) -> String {
    let topics = std::iter::once(None).chain(Topic::ALL.iter().copied().map(Some));
    let mut lines = Vec::new();
    for topic in topics {
        let phases = std::iter::once(None).chain(LifePhase::ALL.iter().copied().map(Some));
        for phase in phases {
            let selection = Selection { topic, phase };
            for town in towns {
                let count = count_in(offers, &town.ags, selection);
                lines.push(vec![
                    town.ags.clone(),
                    town.name.clone(),
                    topic.map_or("alle", Topic::code).to_string(),
                    phase.map_or("alle", LifePhase::code).to_string(),
                    count.to_string(),
                    decimal(per_thousand(count, town.population)),
                    decimal(per_thousand(count, town.children)),
                    match town.children_source {
                        ChildrenSource::Entered(_) => "nein",
                        ChildrenSource::Estimated => "ja",
                        ChildrenSource::Unknown => "",
                    }
                    .to_string(),
                ]);
            }
        }
    }
    csv_text(
        &[
            "ags",
            "gemeinde",
            "thema",
            "lebensphase",
            "angebote",
            "je_1000_einwohner",
            "je_1000_kinder",
            "kinderzahl_geschaetzt",
        ],
        lines,
    )
}

pub fn reach_csv(reach: &[Reach], limit_km: f64) -> String {
    csv_text(
        &[
            "ags",
            "gemeinde",
            "naechstes_angebot_id",
            "naechstes_angebot",
            "entfernung_km",
            "weiter_als_grenze",
            "grenze_km",
        ],
        reach.iter().map(|r| {
            let (id, name, km) = match &r.nearest {
                Some((id, name, km)) => (id.to_string(), name.clone(), format!("{km:.2}")),
                None => Default::default(),
            };
            vec![
                r.ags.clone(),
                r.name.clone(),
                id,
                name,
                km,
                if r.too_far { "ja" } else { "nein" }.to_string(),
                format!("{limit_km}"),
            ]
        }),
    )
}

/// A zero-result key in words ("Thema: Beratung · Ort: Dülmen").
pub fn describe_zero_result(key: &str, municipality_name: impl Fn(&str) -> String) -> String {
    let pairs = decode_query(key);
    let parsed = ParsedQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), |_| {
        true
    });
    parsed.filter.describe(municipality_name).join(" · ")
}

/// Each municipality's inhabitants and children with where the figures come from.
pub fn towns_csv(towns: &[TownFigures], population_source: &str) -> String {
    csv_text(
        &[
            "ags",
            "gemeinde",
            "einwohner",
            "quelle_einwohner",
            "kinder_unter_18",
            "quelle_kinder",
            "stichtag_kinder",
        ],
        towns.iter().map(|town| {
            let (source, as_of) = match &town.children_source {
                ChildrenSource::Entered(date) => ("eingetragen", date.to_string()),
                ChildrenSource::Estimated => ("geschätzt nach Einwohneranteil", String::new()),
                ChildrenSource::Unknown => ("", String::new()),
            };
            vec![
                town.ags.clone(),
                town.name.clone(),
                town.population.map(|p| p.to_string()).unwrap_or_default(),
                population_source.to_string(),
                town.children.map(|c| c.to_string()).unwrap_or_default(),
                source.to_string(),
                as_of,
            ]
        }),
    )
}

pub fn zero_results_csv(
    counts: &[ZeroResultCount],
    municipality_name: impl Fn(&str) -> String + Copy,
) -> String {
    csv_text(
        &["suche", "beschreibung", "anzahl", "zuletzt"],
        counts.iter().map(|count| {
            vec![
                count.filter_key.clone(),
                describe_zero_result(&count.filter_key, municipality_name),
                count.searches.to_string(),
                count.last_day.to_string(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offers::taxonomy::{LanguageSet, PhaseSet, TopicSet};
    use geo::{LineString, Polygon};

    fn square(lon: f64, lat: f64) -> MultiPolygon<f64> {
        MultiPolygon(vec![Polygon::new(
            LineString::from(vec![
                (lon - 0.05, lat - 0.05),
                (lon + 0.05, lat - 0.05),
                (lon + 0.05, lat + 0.05),
                (lon - 0.05, lat + 0.05),
                (lon - 0.05, lat - 0.05),
            ]),
            vec![],
        )])
    }

    fn town(ags: &str, population: Option<i64>, lat: f64, lon: f64) -> TownBase {
        TownBase {
            ags: ags.into(),
            name: format!("Ort {ags}"),
            population,
            lat,
            lon,
            area: square(lon, lat),
        }
    }

    fn offer(id: i64, ags: &str, lat: f64, lon: f64, topic: Topic) -> OfferSummary {
        OfferSummary {
            id,
            name: format!("Angebot {id}"),
            organization: "O".into(),
            municipality: ags.into(),
            lat,
            lon,
            topics: [topic].into_iter().collect::<TopicSet>(),
            phases: [LifePhase::Age0To3].into_iter().collect::<PhaseSet>(),
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
    fn reach_measures_to_the_nearest_matching_offer() {
        let towns = [
            town("1", Some(1000), 51.9, 7.2),
            town("2", Some(1000), 51.9, 7.6),
        ];
        let offers = [
            offer(1, "1", 51.91, 7.2, Topic::Health),
            offer(2, "1", 51.9, 7.21, Topic::Counselling),
        ];
        let health = Selection {
            topic: Some(Topic::Health),
            phase: None,
        };
        let reach = reach(&towns, &offers, health, 10.0);
        let (id, _, km) = reach[0].nearest.clone().unwrap();
        assert_eq!(id, 1);
        // 0.01° of latitude is about 1.1 km.
        assert!((1.0..1.2).contains(&km), "{km}");
        assert!(!reach[0].too_far);
        // 0.4° of longitude at 52° N is about 27 km.
        let far = reach[1].nearest.clone().unwrap().2;
        assert!((26.0..29.0).contains(&far), "{far}");
        assert!(reach[1].too_far);
        let nothing = super::reach(
            &towns,
            &offers,
            Selection {
                topic: Some(Topic::School),
                phase: None,
            },
            10.0,
        );
        assert!(nothing.iter().all(|r| r.nearest.is_none() && r.too_far));
    }

    #[test]
    fn entered_child_counts_replace_estimates_and_the_rest_is_shared() {
        let base = PlanningBase {
            towns: vec![
                town("1", Some(1000), 51.9, 7.2),
                town("2", Some(3000), 51.9, 7.4),
                town("3", Some(1000), 51.9, 7.6),
            ],
            population_source: String::new(),
            district_children: Some((1000, "Quelle".into())),
        };
        let estimated = town_figures(&base, &[]);
        assert_eq!(
            estimated.iter().map(|t| t.children).collect::<Vec<_>>(),
            vec![Some(200), Some(600), Some(200)]
        );
        assert!(
            estimated
                .iter()
                .all(|t| t.children_source == ChildrenSource::Estimated)
        );
        let day = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        let entered = [ChildCount {
            ags: "2".into(),
            as_of: day,
            children: 500,
        }];
        let figures = town_figures(&base, &entered);
        assert_eq!(figures[1].children, Some(500));
        assert_eq!(figures[1].children_source, ChildrenSource::Entered(day));
        assert_eq!(figures[0].children, Some(250));
        assert_eq!(figures[2].children, Some(250));
    }

    #[test]
    fn outlines_fit_the_picture() {
        let towns = [town("1", None, 51.9, 7.2), town("2", None, 51.9, 7.4)];
        let (paths, height) = svg_outlines(&towns, 600.0);
        assert_eq!(paths.len(), 2);
        assert!(paths[0].path.starts_with("M0.0,") && paths[0].path.ends_with('Z'));
        // The centre of the first square lies 0.05° in from the west and north edges.
        assert!(
            (paths[0].label_x - 100.0).abs() < 1.0,
            "{}",
            paths[0].label_x
        );
        assert!((paths[0].label_y - height / 2.0).abs() < 1.0);
        // 0.3° wide, 0.1° tall at 51.9° N: 600 × 0.1 / (0.3 × cos 51.9°) ≈ 324.
        assert!((320.0..330.0).contains(&height), "{height}");
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let text = csv_text(&["a", "b"], [vec!["x, y".to_string(), "\"z\"".to_string()]]);
        assert_eq!(text, "a,b\n\"x, y\",\"\"\"z\"\"\"\n");
    }

    #[test]
    fn zero_result_keys_read_as_words() {
        let text =
            describe_zero_result("alter=4&thema=gesundheit&ort=05558016&q=logopadie", |_| {
                "Dülmen".to_string()
            });
        assert_eq!(
            text,
            "Alter: 4 Jahre · Thema: Gesundheit · Ort: Dülmen · Suchbegriff: „logopadie“"
        );
    }
}
