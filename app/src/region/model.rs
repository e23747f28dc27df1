//! The public description of the region the app serves (name, towns, start view, map sources),
//! as sent to the browser. It is read from a region file at start-up, never hard-coded.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::shared::iso_date;
use crate::shared::json_read::{JsonSource, Members, ReadJson};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MunicipalityInfo {
    /// The official 8-digit municipality key (AGS).
    pub ags: String,
    pub name: String,
}

/// Where the background map comes from; `url: None` means no tiles at all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TileSource {
    pub url: Option<String>,
    pub attribution: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionInfo {
    pub name: String,
    pub municipalities: Vec<MunicipalityInfo>,
    /// Start view: centre (lat, lon) and zoom level, used when the bounds cannot be fitted.
    pub center: (f64, f64),
    pub zoom: u8,
    /// The region's extent [west, south, east, north]; the map starts showing all of it.
    pub bounds: [f64; 4],
    pub boundary_attribution: String,
    pub tiles: TileSource,
    /// Whether the offers shown are generated demo data.
    pub demo_data: bool,
    /// Towns and villages with postcodes, for "In meiner Nähe".
    #[serde(default)]
    pub places: Vec<crate::region::places::Place>,
    /// The school holidays, for "heute geöffnet" and "jetzt geöffnet".
    #[serde(default)]
    pub school_holidays: Vec<DateRange>,
}

impl ReadJson for MunicipalityInfo {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
        let m = Members(source);
        Ok(MunicipalityInfo {
            ags: m.get("ags")?,
            name: m.get("name")?,
        })
    }
}

impl ReadJson for TileSource {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
        let m = Members(source);
        Ok(TileSource {
            url: m.get_or_default("url")?,
            attribution: m.get("attribution")?,
        })
    }
}

impl ReadJson for RegionInfo {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
        let m = Members(source);
        Ok(RegionInfo {
            name: m.get("name")?,
            municipalities: m.get("municipalities")?,
            center: m.get("center")?,
            zoom: m.get("zoom")?,
            bounds: m.get("bounds")?,
            boundary_attribution: m.get("boundary_attribution")?,
            tiles: m.get("tiles")?,
            demo_data: m.get("demo_data")?,
            places: m.get_or_default("places")?,
            school_holidays: m.get_or_default("school_holidays")?,
        })
    }
}

impl ReadJson for DateRange {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
        let m = Members(source);
        Ok(DateRange {
            from: m.get_with("from", iso_date::read_json)?,
            to: m.get_with("to", iso_date::read_json)?,
        })
    }
}

impl RegionInfo {
    pub fn municipality_name(&self, ags: &str) -> &str {
        self.municipalities
            .iter()
            .find(|m| m.ags == ags)
            .map_or("", |m| m.name.as_str())
    }

    pub fn knows_municipality(&self, ags: &str) -> bool {
        self.municipalities.iter().any(|m| m.ags == ags)
    }
}

/// A span of days, first and last day included (one school holiday).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    #[serde(with = "iso_date")]
    pub from: NaiveDate,
    #[serde(with = "iso_date")]
    pub to: NaiveDate,
}

impl DateRange {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// The last year any of the school holidays start in: beyond it nothing is known about them.
pub fn last_school_holiday_year(school_holidays: &[DateRange]) -> Option<i32> {
    school_holidays.iter().map(|range| range.from.year()).max()
}

/// The region's boundaries as GeoJSON texts, drawn on the map as they are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionBoundaries {
    pub municipalities: String,
    pub outline: String,
}

impl ReadJson for RegionBoundaries {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
        let m = Members(source);
        Ok(RegionBoundaries {
            municipalities: m.get("municipalities")?,
            outline: m.get("outline")?,
        })
    }
}

/// A municipality as storage keeps it (offers and planning refer to it by its key).
#[derive(Clone, Debug, PartialEq)]
pub struct Municipality {
    pub ags: String,
    pub name: String,
    pub population: Option<i64>,
    /// The town centre (lat, lon): where the public sees an offer with a protected address.
    pub centre: (f64, f64),
}
