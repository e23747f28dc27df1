//! "In meiner Nähe": the district's local gazetteer (towns, villages, postcodes), finding a
//! place by what a family types, and distances for sorting offers nearest first. No external
//! geocoder is asked: everything a family can type is in the region's own file.

use serde::{Deserialize, Serialize};

use crate::shared::float::{asin, cos, sin};
use crate::shared::text::normalize;

/// A town or village of the region with its postcode and (approximate) centre.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    /// Official key (AGS) of the municipality the place belongs to.
    pub ags: String,
    pub postcode: String,
    pub lat: f64,
    pub lon: f64,
}

impl crate::shared::json_read::ReadJson for Place {
    fn read_json<S: crate::shared::json_read::JsonSource>(source: &S) -> Result<Self, String> {
        let m = crate::shared::json_read::Members(source);
        Ok(Place {
            name: m.get("name")?,
            ags: m.get("ags")?,
            postcode: m.get("postcode")?,
            lat: m.get("lat")?,
            lon: m.get("lon")?,
        })
    }
}

/// Where distances are measured from.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    /// What the page says the distances are from ("Buldern", "Ihr Standort").
    pub label: String,
    pub lat: f64,
    pub lon: f64,
}

/// The label of a position the browser reported.
pub const OWN_POSITION: &str = "Ihr Standort";

/// Reads a position written as `lat,lon` with a decimal point ("51.830,7.280"), without a
/// float parser (it would cost the browser bundle more than all of this module).
pub fn parse_position(text: &str) -> Option<(f64, f64)> {
    fn decimal(text: &str) -> Option<f64> {
        let text = text.trim();
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty() || whole.len() > 3 || fraction.len() > 6 {
            return None;
        }
        if !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let whole: u32 = whole.parse().ok()?;
        let fraction_value: u32 = if fraction.is_empty() {
            0
        } else {
            fraction.parse().ok()?
        };
        let value =
            f64::from(whole) + f64::from(fraction_value) / 10_f64.powi(fraction.len() as i32);
        Some(if negative { -value } else { value })
    }
    let (lat, lon) = text.split_once(',')?;
    let (lat, lon) = (decimal(lat)?, decimal(lon)?);
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

/// A number with a fixed count of decimals ("51.83045"), written without Rust's float
/// formatting, which would add its whole machinery (about 5 KB) to the browser bundle.
pub fn fixed(value: f64, decimals: u32) -> String {
    let scale = 10_u64.pow(decimals);
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let scaled = scaled.unsigned_abs();
    if decimals == 0 {
        return format!("{sign}{scaled}");
    }
    format!(
        "{sign}{}.{:0width$}",
        scaled / scale,
        scaled % scale,
        width = decimals as usize
    )
}

/// Writes a position for the URL, rounded to about 100 m: enough for "nearest first", and it
/// does not pin down a family's home.
pub fn format_position(lat: f64, lon: f64) -> String {
    format!("{},{}", fixed(lat, 3), fixed(lon, 3))
}

/// Finds where "near …" means: a position (`lat,lon`), a postcode (its first place, the
/// town), or a place name (exact, else the one place it begins), ignoring case and umlaut
/// spellings ("Duelmen").
pub fn locate(places: &[Place], query: &str) -> Option<Origin> {
    let query = query.trim();
    if query.is_empty() {
        return None;
    }
    if let Some((lat, lon)) = parse_position(query) {
        return Some(Origin {
            label: OWN_POSITION.to_string(),
            lat,
            lon,
        });
    }
    let origin = |place: &Place| Origin {
        label: place.name.clone(),
        lat: place.lat,
        lon: place.lon,
    };
    if query.len() == 5 && query.bytes().all(|b| b.is_ascii_digit()) {
        return places.iter().find(|p| p.postcode == query).map(origin);
    }
    // "48249 Dülmen", as the search field suggests places: the name decides, the postcode
    // only where the name alone does not.
    if let Some((postcode, name)) = query.split_once(' ')
        && postcode.len() == 5
        && postcode.bytes().all(|b| b.is_ascii_digit())
    {
        let wanted = normalize(name);
        return places
            .iter()
            .find(|p| p.postcode == postcode && normalize(&p.name) == wanted)
            .or_else(|| places.iter().find(|p| p.postcode == postcode))
            .map(origin);
    }
    let wanted = normalize(query);
    if let Some(place) = places.iter().find(|p| normalize(&p.name) == wanted) {
        return Some(origin(place));
    }
    let mut starting = places
        .iter()
        .filter(|p| normalize(&p.name).starts_with(&wanted));
    match (starting.next(), starting.next()) {
        (Some(place), None) => Some(origin(place)),
        _ => None,
    }
}

/// Great-circle distance in metres (haversine, mean earth radius).
pub fn distance_m(from: (f64, f64), to: (f64, f64)) -> u32 {
    const EARTH_RADIUS_M: f64 = 6_371_008.8;
    let (lat1, lon1) = (from.0.to_radians(), from.1.to_radians());
    let (lat2, lon2) = (to.0.to_radians(), to.1.to_radians());
    let a =
        sin((lat2 - lat1) / 2.0).powi(2) + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2.0).powi(2);
    (2.0 * EARTH_RADIUS_M * asin(a.sqrt())).round() as u32
}

/// A distance as people say it: "350 m", "2,4 km", "12 km".
pub fn format_distance(metres: u32) -> String {
    match metres {
        0..=949 => format!("{} m", (metres + 25) / 50 * 50),
        950..=9_949 => {
            let tenths = (metres + 50) / 100;
            format!("{},{} km", tenths / 10, tenths % 10)
        }
        _ => format!("{} km", (metres + 500) / 1000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places() -> Vec<Place> {
        let place = |name: &str, postcode: &str, lat, lon| Place {
            name: name.into(),
            ags: "05558016".into(),
            postcode: postcode.into(),
            lat,
            lon,
        };
        vec![
            place("Dülmen", "48249", 51.8285, 7.2791),
            place("Buldern", "48249", 51.864, 7.356),
            place("Hausdülmen", "48249", 51.802, 7.248),
            place("Lüdinghausen", "59348", 51.7704, 7.4437),
        ]
    }

    #[test]
    fn places_are_found_by_name_postcode_or_beginning() {
        let places = places();
        assert_eq!(locate(&places, "Buldern").unwrap().label, "Buldern");
        assert_eq!(locate(&places, " duelmen ").unwrap().label, "Dülmen");
        assert_eq!(locate(&places, "48249").unwrap().label, "Dülmen");
        assert_eq!(locate(&places, "Lüding").unwrap().label, "Lüdinghausen");
        // "Dül" begins only Dülmen ("Hausdülmen" contains it, but does not begin with it).
        assert_eq!(locate(&places, "Dül").unwrap().label, "Dülmen");
        assert_eq!(locate(&places, "48000"), None);
        assert_eq!(locate(&places, "Berlin"), None);
        assert_eq!(locate(&places, ""), None);
        let own = locate(&places, "51.830,7.280").unwrap();
        assert_eq!(own.label, OWN_POSITION);
        assert_eq!((own.lat, own.lon), (51.83, 7.28));
    }

    #[test]
    fn positions_are_read_and_written_rounded() {
        assert_eq!(parse_position("51.8304,7.2801"), Some((51.8304, 7.2801)));
        assert_eq!(parse_position("-33.9,18.4"), Some((-33.9, 18.4)));
        assert_eq!(parse_position("51,830"), None);
        assert_eq!(parse_position("91.0,7.0"), None);
        assert_eq!(parse_position("51.8e1,7"), None);
        assert_eq!(parse_position("Dülmen"), None);
        assert_eq!(format_position(51.830_449, 7.280_51), "51.830,7.281");
        assert_eq!(format_position(-0.000_4, 7.0), "0.000,7.000");
        assert_eq!(format_position(-33.9, 18.4), "-33.900,18.400");
        assert_eq!(fixed(7.280_51, 5), "7.28051");
        assert_eq!(fixed(51.9, 6), "51.900000");
        assert_eq!(fixed(2.5, 0), "3");
        assert_eq!(fixed(-0.05, 1), "-0.1");
        let (lat, lon) = parse_position(&format_position(51.8285, 7.2791)).unwrap();
        assert!((lat - 51.829).abs() < 1e-9 && (lon - 7.279).abs() < 1e-9);
    }

    #[test]
    fn distances_are_measured_and_said() {
        // Dülmen to Lüdinghausen is about 12 km as the crow flies.
        let metres = distance_m((51.8285, 7.2791), (51.7704, 7.4437));
        assert!((12_000..13_500).contains(&metres), "{metres}");
        assert_eq!(distance_m((51.0, 7.0), (51.0, 7.0)), 0);
        assert_eq!(format_distance(0), "0 m");
        assert_eq!(format_distance(337), "350 m");
        assert_eq!(format_distance(949), "950 m");
        assert_eq!(format_distance(2_360), "2,4 km");
        assert_eq!(format_distance(9_949), "9,9 km");
        assert_eq!(format_distance(12_480), "12 km");
    }
}
