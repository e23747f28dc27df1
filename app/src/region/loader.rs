//! Loads the region file: the region's name, municipalities with their boundaries, keys,
//! postcodes and population, the map's start view, the attribution of the boundary data and
//! the school holidays.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use geo::{BoundingRect, Contains, MultiPolygon, Point};
use serde::Deserialize;
use thiserror::Error;

use crate::region::model::{
    DateRange, Municipality, MunicipalityInfo, RegionBoundaries, RegionInfo, TileSource,
    last_school_holiday_year,
};
use crate::region::places::Place;

#[derive(Debug, Error)]
pub enum RegionError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a valid region file: {reason}")]
    Invalid { path: PathBuf, reason: String },
}

#[derive(Deserialize)]
struct StartView {
    lat: f64,
    lon: f64,
    zoom: u8,
}

#[derive(Deserialize)]
struct RegionFile {
    name: String,
    ags: String,
    start_view: StartView,
    municipalities_file: PathBuf,
    outline_file: PathBuf,
    centres_file: PathBuf,
    boundary_attribution: String,
    #[serde(default)]
    postcodes: std::collections::BTreeMap<String, String>,
    /// The gazetteer of towns and villages for "In meiner Nähe".
    #[serde(default)]
    places_file: Option<PathBuf>,
    /// Where the centres file's population figures come from, with their date.
    #[serde(default)]
    population_source: String,
    /// The state (Bundesland) the region lies in, for addresses in exports.
    #[serde(default)]
    state_province: String,
    /// The region's number of children under 18, when only the total is published.
    #[serde(default)]
    children_under_18: Option<ChildrenTotal>,
    /// The school holidays of the region's state, with their sources.
    #[serde(default)]
    school_holidays_file: Option<PathBuf>,
}

#[derive(Deserialize)]
struct SchoolHolidaysFile {
    holidays: Vec<SchoolHoliday>,
}

#[derive(Deserialize)]
struct SchoolHoliday {
    name: String,
    from: NaiveDate,
    to: NaiveDate,
}

#[derive(Deserialize)]
struct ChildrenTotal {
    count: i64,
    source: String,
}

#[derive(Deserialize)]
struct PlacesFile {
    places: Vec<Place>,
}

#[derive(Clone, Debug)]
pub struct RegionMunicipality {
    pub ags: String,
    pub name: String,
    pub population: Option<i64>,
    /// The town centre (lon, lat).
    pub centre: (f64, f64),
    pub postcode: String,
    pub area: MultiPolygon<f64>,
}

#[derive(Clone, Debug)]
pub struct LoadedRegion {
    pub name: String,
    pub ags: String,
    pub municipalities: Vec<RegionMunicipality>,
    pub start_view: (f64, f64, u8),
    pub boundary_attribution: String,
    pub boundaries: RegionBoundaries,
    /// Towns and villages, each inside its own municipality.
    pub places: Vec<Place>,
    pub population_source: String,
    pub state_province: String,
    /// The region's children under 18 and the source of that figure.
    pub children_under_18: Option<(i64, String)>,
    /// The school holidays, in file order.
    pub school_holidays: Vec<DateRange>,
}

/// The last year school holidays are listed for, when `today` lies beyond it: the file needs
/// the next years, else offers closed in the school holidays are shown open.
pub fn school_holidays_outdated(school_holidays: &[DateRange], today: NaiveDate) -> Option<i32> {
    last_school_holiday_year(school_holidays).filter(|last| today.year() > *last)
}

fn load_school_holidays(path: &Path) -> Result<Vec<DateRange>, RegionError> {
    let invalid = |reason: String| RegionError::Invalid {
        path: path.to_path_buf(),
        reason,
    };
    let file: SchoolHolidaysFile =
        serde_json::from_str(&read(path)?).map_err(|e| invalid(e.to_string()))?;
    file.holidays
        .into_iter()
        .map(|holiday| {
            if holiday.to < holiday.from {
                Err(invalid(format!(
                    "{} ends ({}) before it begins ({})",
                    holiday.name, holiday.to, holiday.from
                )))
            } else {
                Ok(DateRange {
                    from: holiday.from,
                    to: holiday.to,
                })
            }
        })
        .collect()
}

fn read(path: &Path) -> Result<String, RegionError> {
    std::fs::read_to_string(path).map_err(|source| RegionError::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn features(path: &Path, text: &str) -> Result<Vec<geojson::Feature>, RegionError> {
    let invalid = |reason: String| RegionError::Invalid {
        path: path.to_path_buf(),
        reason,
    };
    match text.parse::<geojson::GeoJson>() {
        Ok(geojson::GeoJson::FeatureCollection(collection)) => Ok(collection.features),
        Ok(_) => Err(invalid("expected a FeatureCollection".into())),
        Err(error) => Err(invalid(error.to_string())),
    }
}

fn property(feature: &geojson::Feature, key: &str) -> Option<String> {
    match feature.property(key)? {
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn area_of(feature: &geojson::Feature) -> Option<MultiPolygon<f64>> {
    let geometry: geo::Geometry<f64> = feature.geometry.clone()?.value.try_into().ok()?;
    match geometry {
        geo::Geometry::Polygon(polygon) => Some(MultiPolygon(vec![polygon])),
        geo::Geometry::MultiPolygon(multi) => Some(multi),
        _ => None,
    }
}

/// How far (degrees, about 28 m east–west and 44 m north–south here) a simplified boundary
/// may stray from the surveyed one: under half a pixel at the district view's zoom (a pixel is
/// about 95 m at zoom 10 at this latitude), seen only when zoomed in on a street.
const MAP_TOLERANCE_DEG: f64 = 0.0004;

/// Decimal places of the coordinates sent to the map: 5 are about a metre.
const MAP_DECIMALS: f64 = 1e5;

/// The boundaries of a FeatureCollection as the map draws them: simplified within
/// [`MAP_TOLERANCE_DEG`] (Ramer–Douglas–Peucker), coordinates to a metre, and only the names
/// and keys kept of the properties: the district's boundaries shrink by almost half, and the
/// map is part of a phone's first view.
fn boundaries_for_the_map(path: &Path, text: &str) -> Result<String, RegionError> {
    use geo::{MapCoords, Simplify};
    let invalid = |reason: String| RegionError::Invalid {
        path: path.to_path_buf(),
        reason,
    };
    let mut collection = match text.parse::<geojson::GeoJson>() {
        Ok(geojson::GeoJson::FeatureCollection(collection)) => collection,
        Ok(_) => return Err(invalid("expected a FeatureCollection".into())),
        Err(error) => return Err(invalid(error.to_string())),
    };
    let round = |coord: geo::Coord<f64>| geo::Coord {
        x: (coord.x * MAP_DECIMALS).round() / MAP_DECIMALS,
        y: (coord.y * MAP_DECIMALS).round() / MAP_DECIMALS,
    };
    for feature in &mut collection.features {
        let Some(geometry) = feature.geometry.take() else {
            continue;
        };
        let shape: geo::Geometry<f64> = geometry
            .value
            .try_into()
            .map_err(|error: geojson::Error| invalid(error.to_string()))?;
        let simplified: geo::Geometry<f64> = match shape {
            geo::Geometry::Polygon(polygon) => {
                polygon.simplify(MAP_TOLERANCE_DEG).map_coords(round).into()
            }
            geo::Geometry::MultiPolygon(multi) => {
                multi.simplify(MAP_TOLERANCE_DEG).map_coords(round).into()
            }
            geo::Geometry::LineString(line) => {
                line.simplify(MAP_TOLERANCE_DEG).map_coords(round).into()
            }
            geo::Geometry::MultiLineString(lines) => {
                lines.simplify(MAP_TOLERANCE_DEG).map_coords(round).into()
            }
            other => other.map_coords(round),
        };
        feature.geometry = Some(geojson::Geometry::new(geojson::Value::from(&simplified)));
        if let Some(properties) = &mut feature.properties {
            properties.retain(|key, _| matches!(key.as_str(), "name" | "ags"));
        }
    }
    Ok(geojson::GeoJson::FeatureCollection(collection).to_string())
}

impl LoadedRegion {
    pub fn load(path: &Path) -> Result<Self, RegionError> {
        let invalid = |reason: String| RegionError::Invalid {
            path: path.to_path_buf(),
            reason,
        };
        let file: RegionFile =
            serde_json::from_str(&read(path)?).map_err(|e| invalid(e.to_string()))?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let municipalities_path = dir.join(&file.municipalities_file);
        let municipalities_text = read(&municipalities_path)?;
        let outline_text = read(&dir.join(&file.outline_file))?;
        let centres_path = dir.join(&file.centres_file);
        let centres = features(&centres_path, &read(&centres_path)?)?;

        let mut municipalities = Vec::new();
        for feature in features(&municipalities_path, &municipalities_text)? {
            let ags = property(&feature, "ags")
                .ok_or_else(|| invalid("a municipality has no `ags`".into()))?;
            let name = property(&feature, "name")
                .ok_or_else(|| invalid(format!("municipality {ags} has no `name`")))?;
            let area = area_of(&feature)
                .ok_or_else(|| invalid(format!("municipality {ags} has no polygon")))?;
            let centre_feature = centres
                .iter()
                .find(|c| property(c, "ags").as_deref() == Some(ags.as_str()));
            let centre = centre_feature
                .and_then(|c| c.geometry.clone())
                .and_then(|g| match g.value {
                    geojson::Value::Point(p) if p.len() >= 2 => Some((p[0], p[1])),
                    _ => None,
                })
                .ok_or_else(|| invalid(format!("municipality {ags} has no centre point")))?;
            if !area.contains(&Point::new(centre.0, centre.1)) {
                return Err(invalid(format!(
                    "the centre of {name} lies outside its boundary"
                )));
            }
            let population = centre_feature
                .and_then(|c| c.property("population_2018_12_31"))
                .and_then(serde_json::Value::as_i64);
            municipalities.push(RegionMunicipality {
                postcode: file.postcodes.get(&ags).cloned().unwrap_or_default(),
                ags,
                name,
                population,
                centre,
                area,
            });
        }
        if municipalities.is_empty() {
            return Err(invalid("the region has no municipalities".into()));
        }
        municipalities.sort_by(|a, b| a.name.cmp(&b.name));
        let places = match &file.places_file {
            Some(places_file) => {
                let places_path = dir.join(places_file);
                let places: PlacesFile =
                    serde_json::from_str(&read(&places_path)?).map_err(|e| {
                        RegionError::Invalid {
                            path: places_path.clone(),
                            reason: e.to_string(),
                        }
                    })?;
                for place in &places.places {
                    let inside = municipalities.iter().any(|m| {
                        m.ags == place.ags && m.area.contains(&Point::new(place.lon, place.lat))
                    });
                    if !inside {
                        return Err(RegionError::Invalid {
                            path: places_path,
                            reason: format!(
                                "{} ({}, {}) does not lie in municipality {}",
                                place.name, place.lat, place.lon, place.ags
                            ),
                        });
                    }
                }
                places.places
            }
            None => Vec::new(),
        };
        let school_holidays = match &file.school_holidays_file {
            Some(holidays_file) => load_school_holidays(&dir.join(holidays_file))?,
            None => Vec::new(),
        };
        // UTC's date: a year's first hour or two in Germany do not matter for this warning.
        let today = chrono::Utc::now().date_naive();
        if let Some(last) = school_holidays_outdated(&school_holidays, today) {
            tracing::warn!(
                last,
                "the school holidays are listed only until {last}: add the next years to the region's school holidays file"
            );
        }
        Ok(LoadedRegion {
            places,
            school_holidays,
            population_source: file.population_source,
            state_province: file.state_province,
            children_under_18: file.children_under_18.map(|c| (c.count, c.source)),
            name: file.name,
            ags: file.ags,
            municipalities,
            start_view: (
                file.start_view.lat,
                file.start_view.lon,
                file.start_view.zoom,
            ),
            boundary_attribution: file.boundary_attribution,
            boundaries: RegionBoundaries {
                municipalities: boundaries_for_the_map(&municipalities_path, &municipalities_text)?,
                outline: boundaries_for_the_map(&dir.join(&file.outline_file), &outline_text)?,
            },
        })
    }

    /// The municipality whose boundary contains the point (lon, lat).
    pub fn municipality_at(&self, lon: f64, lat: f64) -> Option<&RegionMunicipality> {
        let point = Point::new(lon, lat);
        self.municipalities.iter().find(|m| m.area.contains(&point))
    }

    pub fn public_info(&self, tiles: TileSource, demo_data: bool) -> RegionInfo {
        RegionInfo {
            name: self.name.clone(),
            municipalities: self
                .municipalities
                .iter()
                .map(|m| MunicipalityInfo {
                    ags: m.ags.clone(),
                    name: m.name.clone(),
                })
                .collect(),
            center: (self.start_view.0, self.start_view.1),
            zoom: self.start_view.2,
            bounds: self.bounds(),
            boundary_attribution: self.boundary_attribution.clone(),
            tiles,
            demo_data,
            places: self.places.clone(),
            school_holidays: self.school_holidays.clone(),
        }
    }

    /// [west, south, east, north] around all municipalities.
    pub fn bounds(&self) -> [f64; 4] {
        let mut bounds = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        for rect in self
            .municipalities
            .iter()
            .filter_map(|m| m.area.bounding_rect())
        {
            bounds = [
                bounds[0].min(rect.min().x),
                bounds[1].min(rect.min().y),
                bounds[2].max(rect.max().x),
                bounds[3].max(rect.max().y),
            ];
        }
        bounds
    }

    pub fn storage_municipalities(&self) -> Vec<Municipality> {
        self.municipalities
            .iter()
            .map(|m| Municipality {
                ags: m.ags.clone(),
                name: m.name.clone(),
                population: m.population,
                centre: (m.centre.1, m.centre.0),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_region() -> LoadedRegion {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../regions/kreis-coesfeld/region.json");
        LoadedRegion::load(&path).expect("the default region loads")
    }

    #[test]
    fn the_map_gets_simplified_boundaries_that_still_hold_every_town_centre() {
        let region = default_region();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../regions/kreis-coesfeld");
        let surveyed = std::fs::read_to_string(dir.join("gemeinden.geojson")).unwrap();
        let drawn = &region.boundaries.municipalities;
        assert!(
            drawn.len() * 10 < surveyed.len() * 6,
            "{} bytes of {}",
            drawn.len(),
            surveyed.len()
        );
        let towns = features(Path::new("drawn"), drawn).unwrap();
        assert_eq!(towns.len(), 11);
        for town in &region.municipalities {
            let feature = towns
                .iter()
                .find(|f| property(f, "ags").as_deref() == Some(town.ags.as_str()))
                .unwrap();
            assert_eq!(
                property(feature, "name").as_deref(),
                Some(town.name.as_str())
            );
            let area = area_of(feature).unwrap();
            let (lon, lat) = town.centre;
            assert!(area.contains(&Point::new(lon, lat)), "{}", town.name);
            // Still a shape, not a triangle.
            assert!(area.0.iter().map(|p| p.exterior().0.len()).sum::<usize>() > 20);
        }
        let outline = features(Path::new("drawn"), &region.boundaries.outline).unwrap();
        assert!(outline.iter().all(|feature| feature.geometry.is_some()));
        assert!(drawn.contains("dl-de/by-2-0"), "the attribution stays");
    }

    #[test]
    fn default_region_has_its_eleven_towns() {
        let region = default_region();
        assert_eq!(region.name, "Kreis Coesfeld");
        assert_eq!(region.municipalities.len(), 11);
        assert!(
            region
                .municipalities
                .iter()
                .all(|m| m.ags.starts_with("05558") && m.ags.len() == 8)
        );
        assert!(
            region
                .municipalities
                .iter()
                .all(|m| m.population.unwrap_or(0) > 9000)
        );
        assert!(region.municipalities.iter().all(|m| m.postcode.len() == 5));
        let [west, south, east, north] = region.bounds();
        assert!(
            (6.9..7.1).contains(&west) && (7.6..7.8).contains(&east),
            "{west}..{east}"
        );
        assert!(
            (51.6..51.75).contains(&south) && (52.0..52.15).contains(&north),
            "{south}..{north}"
        );
    }

    #[test]
    fn towns_are_located_in_their_own_municipality() {
        let region = default_region();
        assert_eq!(
            region
                .municipality_at(7.1675, 51.9459)
                .map(|m| m.name.as_str()),
            Some("Coesfeld")
        );
        assert_eq!(
            region
                .municipality_at(7.2790, 51.8310)
                .map(|m| m.name.as_str()),
            Some("Dülmen")
        );
        assert_eq!(
            region
                .municipality_at(7.4430, 51.7680)
                .map(|m| m.name.as_str()),
            Some("Lüdinghausen")
        );
        // Münster lies outside the district.
        assert!(region.municipality_at(7.6261, 51.9607).is_none());
    }

    #[test]
    fn school_holidays_are_loaded_and_sent_to_the_browser() {
        let region = default_region();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(region.school_holidays.len() >= 14);
        let in_holidays = |date| region.school_holidays.iter().any(|r| r.contains(date));
        assert!(in_holidays(day(2026, 12, 30)));
        assert!(in_holidays(day(2027, 8, 31)));
        assert!(!in_holidays(day(2027, 9, 1)));
        assert_eq!(
            last_school_holiday_year(&region.school_holidays),
            Some(2028)
        );
        assert_eq!(
            school_holidays_outdated(&region.school_holidays, day(2028, 12, 31)),
            None
        );
        assert_eq!(
            school_holidays_outdated(&region.school_holidays, day(2029, 1, 2)),
            Some(2028)
        );
        let info = region.public_info(
            TileSource {
                url: None,
                attribution: String::new(),
            },
            false,
        );
        assert_eq!(info.school_holidays, region.school_holidays);
        let json = serde_json::to_string(&info).unwrap();
        assert!(
            json.contains(r#"{"from":"2026-12-23","to":"2027-01-06"}"#),
            "{json}"
        );
    }

    #[test]
    fn school_holidays_that_end_before_they_begin_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("schulferien.json");
        std::fs::write(
            &path,
            r#"{"holidays": [{"name": "Osterferien", "from": "2026-04-11", "to": "2026-03-30"}]}"#,
        )
        .unwrap();
        match load_school_holidays(&path) {
            Err(RegionError::Invalid { reason, .. }) => {
                assert!(reason.contains("Osterferien"), "{reason}")
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn missing_or_broken_files_are_reported() {
        let error = LoadedRegion::load(Path::new("/nonexistent/region.json")).unwrap_err();
        assert!(matches!(error, RegionError::Read { .. }));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("region.json");
        std::fs::write(&path, "{\"name\": 1}").unwrap();
        assert!(matches!(
            LoadedRegion::load(&path),
            Err(RegionError::Invalid { .. })
        ));
    }

    #[test]
    fn every_gazetteer_place_lies_in_its_own_municipality() {
        let region = default_region();
        assert!(region.places.len() >= 30, "{}", region.places.len());
        for municipality in &region.municipalities {
            assert!(
                region
                    .places
                    .iter()
                    .any(|p| p.ags == municipality.ags && p.name == municipality.name),
                "{} is in the gazetteer under its own name",
                municipality.name
            );
        }
        for place in &region.places {
            let found = region
                .municipality_at(place.lon, place.lat)
                .map(|m| m.ags.as_str());
            assert_eq!(found, Some(place.ags.as_str()), "{}", place.name);
            assert_eq!(place.postcode.len(), 5, "{}", place.name);
        }
        let info = region.public_info(
            TileSource {
                url: None,
                attribution: String::new(),
            },
            false,
        );
        assert_eq!(info.places.len(), region.places.len());
    }

    #[test]
    fn a_place_outside_its_municipality_is_refused() {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../regions/kreis-coesfeld");
        let dir = tempfile::tempdir().unwrap();
        // The region's own files (the demo catalogue folder beside them is not needed).
        for entry in std::fs::read_dir(&source).unwrap() {
            let entry = entry.unwrap();
            if entry.path().is_file() {
                std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
            }
        }
        // Buldern belongs to Dülmen; put it into Coesfeld's key.
        let places = std::fs::read_to_string(dir.path().join("orte.json")).unwrap();
        let moved = places.replace(
            r#"{ "name": "Buldern", "ags": "05558016""#,
            r#"{ "name": "Buldern", "ags": "05558012""#,
        );
        assert_ne!(places, moved);
        std::fs::write(dir.path().join("orte.json"), moved).unwrap();
        match LoadedRegion::load(&dir.path().join("region.json")) {
            Err(RegionError::Invalid { reason, .. }) => {
                assert!(reason.contains("Buldern"), "{reason}")
            }
            other => panic!("expected a refusal, got {:?}", other.map(|r| r.name)),
        }
    }
}
