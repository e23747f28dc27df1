//! The editors' CSV of offers: its columns, writing offers out, and reading a file back in,
//! every problem reported with its line and column in German. The values are the canonical
//! texts of the editable fields, so a file exported and read back changes nothing.

use crate::shared::csv_text::csv_text;
use chrono::NaiveDate;

use crate::offers::twins::{LikelyTwin, OfferIdentity};

use crate::editing::model::{
    AddressPart, EditableField, EditableOffer, OfferLocation, check_address, parse_coordinate,
};

pub const EXTERNAL_ID: &str = "externe_id";
pub const ORGANIZATION: &str = "organisation";
pub const STREET: &str = "strasse";
pub const POSTCODE: &str = "plz";
pub const TOWN: &str = "ort";
pub const MUNICIPALITY: &str = "gemeinde";
pub const LAT: &str = "lat";
pub const LON: &str = "lon";
pub const LAST_CHECKED: &str = "zuletzt_geprueft";
/// Member-only columns are marked by this prefix, so nobody passes them on by mistake.
pub const INTERNAL_PREFIX: &str = "intern:";

/// The largest file accepted (bytes).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// Columns every file must have.
const REQUIRED: [&str; 13] = [
    EXTERNAL_ID,
    "name",
    ORGANIZATION,
    "beschreibung",
    "themen",
    "lebensphasen",
    "kosten",
    STREET,
    POSTCODE,
    TOWN,
    MUNICIPALITY,
    LAT,
    LON,
];

/// The column of an editable field.
pub fn column_of(field: EditableField) -> String {
    if field.member_only() {
        format!("{INTERNAL_PREFIX}{}", field.code())
    } else {
        field.code().to_string()
    }
}

/// The columns of an export, in order; the member-only ones only when asked for.
pub fn columns(with_internal: bool) -> Vec<String> {
    let mut columns = vec![EXTERNAL_ID.to_string(), ORGANIZATION.to_string()];
    let fields = EditableField::ALL
        .iter()
        .filter(|field| with_internal || !field.member_only());
    columns.extend(fields.map(|field| column_of(*field)));
    columns.extend(
        [STREET, POSTCODE, TOWN, MUNICIPALITY, LAT, LON, LAST_CHECKED]
            .iter()
            .map(|c| c.to_string()),
    );
    columns
}

/// An offer as the export writes it.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportedOffer {
    pub external_id: String,
    pub organization: String,
    pub offer: EditableOffer,
}

/// The external id an offer without one is exported (and found again) under.
pub fn fallback_external_id(offer_id: i64) -> String {
    format!("ck-{offer_id}")
}

/// Writes offers as CSV (comma-separated, UTF-8).
pub fn write_csv(
    offers: &[ExportedOffer],
    with_internal: bool,
    municipality_name: impl Fn(&str) -> String,
) -> String {
    let columns = columns(with_internal);
    let records = offers.iter().map(|exported| {
        let offer = &exported.offer;
        columns
            .iter()
            .map(|column| match column.as_str() {
                EXTERNAL_ID => exported.external_id.clone(),
                ORGANIZATION => exported.organization.clone(),
                STREET => offer.location.street.clone(),
                POSTCODE => offer.location.postcode.clone(),
                TOWN => offer.location.town.clone(),
                MUNICIPALITY => municipality_name(&offer.location.municipality),
                LAT => format!("{:.6}", offer.location.lat),
                LON => format!("{:.6}", offer.location.lon),
                LAST_CHECKED => offer.last_checked.to_string(),
                other => EditableField::ALL
                    .iter()
                    .find(|field| column_of(**field) == other)
                    .map(|field| offer.value(*field).to_string())
                    .unwrap_or_default(),
            })
            .collect::<Vec<String>>()
    });
    csv_text(&columns, records)
}

/// One offer read from a file: already valid, in canonical values.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedOffer {
    /// The line of the file it starts on.
    pub line: usize,
    pub external_id: String,
    pub organization: String,
    /// The fields the file has, with their canonical values.
    pub values: Vec<(EditableField, String)>,
    pub location: OfferLocation,
    pub last_checked: Option<NaiveDate>,
    /// Stored offers a new offer from this line may duplicate (set by the import service, not
    /// read from the file): such an offer is created as a draft, not public.
    pub likely_twins: Vec<LikelyTwin>,
}

impl ImportedOffer {
    /// What the twin check compares of this line: name, organisation and address.
    pub fn identity(&self) -> OfferIdentity {
        OfferIdentity {
            name: self
                .values
                .iter()
                .find(|(field, _)| *field == EditableField::Name)
                .map(|(_, value)| value.clone())
                .unwrap_or_default(),
            organization: self.organization.clone(),
            street: self.location.street.clone(),
            postcode: self.location.postcode.clone(),
        }
    }
}

/// A problem of a file: where it is and what is wrong, in German.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportProblem {
    pub line: usize,
    pub column: String,
    pub message: String,
}

/// What the reader needs to know of the region.
pub struct ImportRegion<'a> {
    /// (AGS, name) of each municipality.
    pub municipalities: &'a [(String, String)],
    /// The municipality (AGS) a position (lat, lon) lies in, if in the region.
    pub locate: &'a (dyn Fn(f64, f64) -> Option<String> + Sync),
}

impl ImportRegion<'_> {
    fn municipality(&self, text: &str) -> Option<&(String, String)> {
        let text = text.trim();
        self.municipalities
            .iter()
            .find(|(ags, name)| ags == text || name.to_lowercase() == text.to_lowercase())
    }

    fn name_of<'s>(&'s self, ags: &'s str) -> &'s str {
        self.municipalities
            .iter()
            .find(|(key, _)| key == ags)
            .map_or(ags, |(_, name)| name.as_str())
    }
}

/// Reads an offer file: a header line with the column names, then one offer per record.
/// Comma- or semicolon-separated (as spreadsheet programs save it), UTF-8, a byte-order mark
/// is ignored. Every problem is reported, not just the first.
pub fn read_csv(
    text: &str,
    region: &ImportRegion<'_>,
) -> Result<Vec<ImportedOffer>, Vec<ImportProblem>> {
    let text = text.trim_start_matches('\u{feff}');
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.contains(';') && !first_line.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut problems = Vec::new();
    let problem = |line: usize, column: &str, message: String| ImportProblem {
        line,
        column: column.to_string(),
        message,
    };
    let header: Vec<String> = match reader.headers() {
        Ok(header) => header.iter().map(|h| h.trim().to_string()).collect(),
        Err(error) => {
            return Err(vec![problem(
                1,
                "",
                format!("Die Kopfzeile ist nicht lesbar: {error}"),
            )]);
        }
    };
    if header.iter().all(|h| h.is_empty()) {
        return Err(vec![problem(
            1,
            "",
            "Die Datei ist leer: in der ersten Zeile fehlen die Spaltennamen.".into(),
        )]);
    }
    let known = columns(true);
    for (i, name) in header.iter().enumerate() {
        if !known.contains(name) {
            problems.push(problem(
                1,
                name,
                format!(
                    "Die Spalte „{name}“ ist unbekannt (möglich: {}).",
                    known.join(", ")
                ),
            ));
        } else if header[..i].contains(name) {
            problems.push(problem(
                1,
                name,
                format!("Die Spalte „{name}“ steht doppelt in der Kopfzeile."),
            ));
        }
    }
    for required in REQUIRED {
        if !header.iter().any(|h| h == required) {
            problems.push(problem(
                1,
                required,
                format!("Die Spalte „{required}“ fehlt."),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut offers: Vec<ImportedOffer> = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() as usize);
                problems.push(problem(
                    line,
                    "",
                    format!("Die Zeile ist nicht lesbar: {error}"),
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|value| value.trim().is_empty()) {
            continue;
        }
        if record.len() != header.len() {
            problems.push(problem(
                line,
                "",
                format!(
                    "Die Zeile hat {} Felder, die Kopfzeile {} Spalten.",
                    record.len(),
                    header.len()
                ),
            ));
            continue;
        }
        let value = |column: &str| {
            header
                .iter()
                .position(|h| h == column)
                .and_then(|i| record.get(i))
                // Our own export guards formula-like cells with an apostrophe.
                .map(|cell| crate::shared::csv_text::unguarded_cell(cell.trim()))
        };
        let before = problems.len();
        let external_id = value(EXTERNAL_ID).unwrap_or_default().to_string();
        if external_id.is_empty() {
            problems.push(problem(
                line,
                EXTERNAL_ID,
                "Die externe ID fehlt: an ihr wird das Angebot beim nächsten Import wiedererkannt."
                    .into(),
            ));
        } else if external_id.chars().count() > 100 {
            problems.push(problem(
                line,
                EXTERNAL_ID,
                "Die externe ID ist zu lang (höchstens 100 Zeichen).".into(),
            ));
        } else if let Some(earlier) = offers.iter().find(|o| o.external_id == external_id) {
            problems.push(problem(
                line,
                EXTERNAL_ID,
                format!(
                    "Die externe ID „{external_id}“ steht schon in Zeile {}.",
                    earlier.line
                ),
            ));
        }
        let organization = value(ORGANIZATION).unwrap_or_default().to_string();
        if organization.chars().count() < 2 || organization.chars().count() > 200 {
            problems.push(problem(
                line,
                ORGANIZATION,
                "Bitte den Namen der Einrichtung angeben (2 bis 200 Zeichen).".into(),
            ));
        }
        let mut values = Vec::new();
        for field in EditableField::ALL {
            let column = column_of(field);
            let Some(input) = value(&column) else {
                continue;
            };
            match field.canonical_value(input) {
                Ok(canonical) => values.push((field, canonical)),
                Err(message) => problems.push(problem(line, &column, message)),
            }
        }
        let (street, postcode, town) = (
            value(STREET).unwrap_or_default(),
            value(POSTCODE).unwrap_or_default(),
            value(TOWN).unwrap_or_default(),
        );
        if let Err((part, message)) = check_address(street, postcode, town) {
            let column = match part {
                AddressPart::Street => STREET,
                AddressPart::Postcode => POSTCODE,
                AddressPart::Town => TOWN,
            };
            problems.push(problem(line, column, message));
        }
        let municipality_text = value(MUNICIPALITY).unwrap_or_default();
        let municipality = region.municipality(municipality_text);
        if municipality.is_none() {
            let names: Vec<&str> = region
                .municipalities
                .iter()
                .map(|(_, name)| name.as_str())
                .collect();
            problems.push(problem(
                line,
                MUNICIPALITY,
                format!(
                    "Die Gemeinde „{municipality_text}“ gibt es im Kreis nicht (möglich: {}).",
                    names.join(", ")
                ),
            ));
        }
        let lat = parse_coordinate(value(LAT).unwrap_or_default(), "Breite")
            .map_err(|message| problems.push(problem(line, LAT, message)))
            .ok();
        let lon = parse_coordinate(value(LON).unwrap_or_default(), "Länge")
            .map_err(|message| problems.push(problem(line, LON, message)))
            .ok();
        if let (Some(lat), Some(lon)) = (lat, lon) {
            match ((region.locate)(lat, lon), municipality) {
                (None, _) => problems.push(problem(
                    line,
                    LAT,
                    format!(
                        "Die Position ({lat}, {lon}) liegt außerhalb des Kreises: bitte Breite (lat) und Länge (lon) prüfen."
                    ),
                )),
                (Some(found), Some((ags, name))) if found != *ags => problems.push(problem(
                    line,
                    MUNICIPALITY,
                    format!(
                        "Die Position ({lat}, {lon}) liegt in {}, nicht in {name}.",
                        region.name_of(&found)
                    ),
                )),
                _ => {}
            }
        }
        let last_checked = match value(LAST_CHECKED) {
            None | Some("") => None,
            Some(text) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                Ok(date) => Some(date),
                Err(_) => {
                    problems.push(problem(
                        line,
                        LAST_CHECKED,
                        format!("„{text}“ ist kein Datum (Beispiel: 2026-03-31)."),
                    ));
                    None
                }
            },
        };
        if problems.len() > before {
            // Still remembered, so a later duplicate of its id is reported too.
            offers.push(ImportedOffer {
                line,
                external_id,
                organization,
                values: Vec::new(),
                location: OfferLocation {
                    street: String::new(),
                    postcode: String::new(),
                    town: String::new(),
                    lat: 0.0,
                    lon: 0.0,
                    municipality: String::new(),
                },
                last_checked: None,
                likely_twins: Vec::new(),
            });
            continue;
        }
        offers.push(ImportedOffer {
            line,
            external_id,
            organization,
            values,
            location: OfferLocation {
                street: street.to_string(),
                postcode: postcode.to_string(),
                town: town.to_string(),
                lat: lat.unwrap_or_default(),
                lon: lon.unwrap_or_default(),
                municipality: municipality.map(|(ags, _)| ags.clone()).unwrap_or_default(),
            },
            last_checked,
            likely_twins: Vec::new(),
        });
    }
    if offers.is_empty() && problems.is_empty() {
        problems.push(problem(
            2,
            "",
            "Die Datei enthält kein Angebot: unter der Kopfzeile steht nichts.".into(),
        ));
    }
    if problems.is_empty() {
        Ok(offers)
    } else {
        problems.sort_by_key(|p| p.line);
        Err(problems)
    }
}

/// One of this site's own offers, as an HSDS import recognises it.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnService {
    pub external_id: String,
    /// Its stored place: used where the HSDS location has no address (a protected place).
    pub location: OfferLocation,
}

/// An HSDS 3.0 JSON document (a list page with `contents`, an array of services, or one
/// service, fully nested as the HSDS API answers them) as an offer CSV, for [`read_csv`]; with
/// the line each service starts on, so problems can name the service. `own_ids` maps the HSDS
/// ids of this site's own services to their external ids and places, so a re-imported export
/// finds its offers again (and a protected place, published without its address, keeps it).
/// The error is the German reason the document is not HSDS.
pub fn hsds_to_csv(
    text: &str,
    own_ids: &std::collections::HashMap<String, OwnService>,
    region: &ImportRegion<'_>,
) -> Result<(String, Vec<usize>), String> {
    use crate::editing::model::format_opening_hours;
    use crate::offers::hours::{OpeningSlot, Weekday};
    use crate::offers::taxonomy::{Cost, Delivery, LifePhase, Topic};
    use serde_json::Value;

    let document: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|error| format!("Die Datei ist kein gültiges JSON: {error}"))?;
    let services: Vec<Value> = match document {
        Value::Array(items) => items,
        Value::Object(ref map) if map.contains_key("contents") => {
            map["contents"].as_array().cloned().unwrap_or_default()
        }
        Value::Object(ref map) if map.contains_key("name") && map.contains_key("id") => {
            vec![document.clone()]
        }
        _ => {
            return Err(
                "Das ist kein HSDS-Dokument: erwartet wird eine Liste von Diensten (services) oder eine Seite mit „contents“."
                    .into(),
            );
        }
    };
    let text_of = |value: &Value| value.as_str().unwrap_or_default().to_string();
    // HSDS has no place for the short descriptions in other languages, the closing in school
    // holidays, the protection level of an address nor a visibility window or closure (an
    // export leaves out what is outside its window): left as they are.
    let left_as_they_are = [
        EditableField::ClosedInSchoolHolidays.code(),
        EditableField::AddressProtection.code(),
        EditableField::VisibleFrom.code(),
        EditableField::VisibleUntil.code(),
        EditableField::ClosedUntil.code(),
        EditableField::ClosedReason.code(),
        EditableField::FreePlaces.code(),
        EditableField::WaitWeeks.code(),
    ];
    let columns: Vec<String> = columns(false)
        .into_iter()
        .filter(|column| {
            !column.starts_with("kurz_") && !left_as_they_are.contains(&column.as_str())
        })
        .collect();
    let mut records = Vec::new();
    let mut lines = Vec::new();
    let mut line = 2;
    for service in &services {
        let id = text_of(&service["id"]);
        let at = &service["service_at_locations"][0]["location"];
        let address = &at["addresses"][0];
        let codes: Vec<String> = service["attributes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a["taxonomy_term"]["code"].as_str().map(str::to_string))
            .collect();
        let joined = |parse: &dyn Fn(&str) -> bool| {
            codes
                .iter()
                .filter(|code| parse(code))
                .cloned()
                .collect::<Vec<_>>()
                .join(",")
        };
        let topics = joined(&|c| Topic::parse(c).is_some());
        let phases = joined(&|c| LifePhase::parse(c).is_some());
        let delivery = joined(&|c| Delivery::parse(c).is_some());
        let languages = service["languages"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|l| l["code"].as_str())
            .collect::<Vec<_>>()
            .join(",");
        let cost_option = &service["cost_options"][0];
        let cost_text = text_of(&cost_option["option"]);
        let cost = Cost::ALL
            .iter()
            .find(|c| c.label() == cost_text || c.code() == cost_text)
            .map(|c| c.code().to_string())
            .or_else(|| (cost_option["amount"].as_f64() == Some(0.0)).then(|| "kostenlos".into()))
            .unwrap_or(cost_text);
        let slots: Vec<OpeningSlot> = service["schedules"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| {
                const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
                let day = DAYS.iter().position(|d| s["byday"].as_str() == Some(*d))?;
                let weekday = Weekday::from_number(u8::try_from(day + 1).ok()?)?;
                OpeningSlot::parse(
                    weekday.number(),
                    s["opens_at"].as_str()?,
                    s["closes_at"].as_str()?,
                )
                .ok()
            })
            .collect();
        let wheelchair = at["accessibility"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|a| a["description"].as_str() == Some("rollstuhlgerecht"));
        // A protected place of our own is published without address and position: it stays.
        let kept_place = own_ids
            .get(&id)
            .filter(|_| address.is_null())
            .map(|own| &own.location);
        let lat = kept_place.map_or(at["latitude"].as_f64(), |place| Some(place.lat));
        let lon = kept_place.map_or(at["longitude"].as_f64(), |place| Some(place.lon));
        let municipality = match (lat, lon) {
            (Some(lat), Some(lon)) => (region.locate)(lat, lon)
                .map(|ags| region.name_of(&ags).to_string())
                .unwrap_or_else(|| text_of(&address["city"])),
            _ => text_of(&address["city"]),
        };
        let website = text_of(&service["url"]);
        let value_of_column = |column: &str| -> String {
            match column {
                EXTERNAL_ID => own_ids
                    .get(&id)
                    .map_or_else(|| id.clone(), |own| own.external_id.clone()),
                ORGANIZATION => text_of(&service["organization"]["name"]),
                "name" => text_of(&service["name"]),
                "beschreibung" => text_of(&service["description"]),
                "themen" => topics.clone(),
                "lebensphasen" => phases.clone(),
                "sprachen" => languages.clone(),
                "form" => delivery.clone(),
                "kosten" => cost.clone(),
                "kosten_hinweis" => text_of(&cost_option["amount_description"]),
                "rollstuhlgerecht" => if wheelchair { "ja" } else { "nein" }.into(),
                "barrierefreiheit" => text_of(&at["accessibility"][0]["details"]),
                "telefon" => text_of(&service["phones"][0]["number"]),
                "email" => text_of(&service["email"]),
                // The service's own page on this site is not its website.
                "website" if website.starts_with("https://") && !website.contains("/angebot/") => {
                    website.clone()
                }
                "oeffnungszeiten" => format_opening_hours(&slots),
                "oeffnungszeiten_hinweis" => text_of(&service["schedules"][0]["description"]),
                STREET => kept_place.map_or_else(
                    || text_of(&address["address_1"]),
                    |place| place.street.clone(),
                ),
                POSTCODE => kept_place.map_or_else(
                    || text_of(&address["postal_code"]),
                    |place| place.postcode.clone(),
                ),
                TOWN => {
                    kept_place.map_or_else(|| text_of(&address["city"]), |place| place.town.clone())
                }
                MUNICIPALITY => municipality.clone(),
                LAT => lat.map(|v| v.to_string()).unwrap_or_default(),
                LON => lon.map(|v| v.to_string()).unwrap_or_default(),
                LAST_CHECKED => text_of(&service["assured_date"]),
                _ => String::new(),
            }
        };
        let record: Vec<String> = columns.iter().map(|c| value_of_column(c)).collect();
        lines.push(line);
        line += 1 + record
            .iter()
            .map(|v| v.matches('\n').count())
            .sum::<usize>();
        records.push(record);
    }
    Ok((csv_text(&columns, records), lines))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn towns() -> Vec<(String, String)> {
        vec![
            ("05558012".into(), "Coesfeld".into()),
            ("05558016".into(), "Dülmen".into()),
        ]
    }

    /// Coesfeld west of 7.2° E, Dülmen east of it, the district between 51.7 and 52.1° N.
    fn locate(lat: f64, lon: f64) -> Option<String> {
        if !(51.7..52.1).contains(&lat) || !(7.0..7.5).contains(&lon) {
            None
        } else if lon < 7.2 {
            Some("05558012".into())
        } else {
            Some("05558016".into())
        }
    }

    fn read(text: &str) -> Result<Vec<ImportedOffer>, Vec<ImportProblem>> {
        let towns = towns();
        read_csv(
            text,
            &ImportRegion {
                municipalities: &towns,
                locate: &locate,
            },
        )
    }

    #[test]
    fn an_own_protected_place_published_without_address_keeps_its_stored_place() {
        let service = serde_json::json!({
            "id": "own-1",
            "name": "Schwangerschaftsberatung Dülmen",
            "description": "Beratung rund um Schwangerschaft und Geburt, vertraulich.",
            "organization": { "name": "Beratungsstelle Lichtblick" },
            "attributes": [
                { "taxonomy_term": { "code": "beratung" } },
                { "taxonomy_term": { "code": "eltern" } },
                { "taxonomy_term": { "code": "vor-ort" } }
            ],
            "cost_options": [{ "option": "kostenlos" }],
            "languages": [{ "code": "de" }],
            "service_at_locations": [{ "location": { "description": "Adresse nicht öffentlich" } }]
        });
        let place = OfferLocation {
            street: "Geheimgasse 7".into(),
            postcode: "48249".into(),
            town: "Dülmen".into(),
            lat: 51.8123,
            lon: 7.2543,
            municipality: "05558016".into(),
        };
        let own = std::collections::HashMap::from([(
            "own-1".to_string(),
            OwnService {
                external_id: "ck-7".into(),
                location: place.clone(),
            },
        )]);
        let towns = towns();
        let region = ImportRegion {
            municipalities: &towns,
            locate: &locate,
        };
        let (csv, _) = hsds_to_csv(&service.to_string(), &own, &region).unwrap();
        assert!(
            !csv.contains("schutzadresse"),
            "the level is left as it is: {csv}"
        );
        let offers = read_csv(&csv, &region).unwrap_or_else(|problems| panic!("{problems:?}"));
        assert_eq!(offers[0].external_id, "ck-7");
        assert_eq!(offers[0].location, place);
        // Someone else's service without an address is refused as before.
        let foreign = hsds_to_csv(&service.to_string(), &Default::default(), &region).unwrap();
        assert!(read_csv(&foreign.0, &region).is_err());
    }

    const HEADER: &str = "externe_id,name,organisation,beschreibung,themen,lebensphasen,kosten,telefon,strasse,plz,ort,gemeinde,lat,lon";

    fn good_line(id: &str) -> String {
        format!(
            "{id},Babytreff,Familienzentrum Regenbogen,Offener Treff für Eltern mit Babys im ersten Jahr.,\"fruehe-hilfen,familienbildung\",0-3,kostenlos,02541 12345,Lindenstraße 12,48653,Coesfeld,Coesfeld,51.9459,7.1675"
        )
    }

    #[test]
    fn a_good_file_is_read_into_canonical_values() {
        let offers = read(&format!("{HEADER}\n{}\n", good_line("a-1"))).unwrap();
        assert_eq!(offers.len(), 1);
        let offer = &offers[0];
        assert_eq!(offer.line, 2);
        assert_eq!(offer.location.municipality, "05558012");
        let topics = offer
            .values
            .iter()
            .find(|(f, _)| *f == EditableField::Topics)
            .unwrap();
        assert_eq!(topics.1, "fruehe-hilfen,familienbildung");
        // Semicolons, as a German spreadsheet saves it, and a byte-order mark.
        let semicolons = format!(
            "\u{feff}{}\n{}\n",
            HEADER.replace(',', ";"),
            good_line("a-1")
                .replace(",\"fruehe-hilfen,familienbildung\",", ";fruehe-hilfen;")
                .replace(',', ";")
                .replace("fruehe-hilfen;0-3", "\"fruehe-hilfen,familienbildung\";0-3")
        );
        assert_eq!(read(&semicolons).unwrap()[0].values, offer.values);
    }

    #[test]
    fn every_problem_is_reported_with_line_and_column() {
        let bad_phone = good_line("b-1").replace("02541 12345", "keine Nummer");
        let unknown_topic = good_line("b-2").replace("fruehe-hilfen,familienbildung", "zauberei");
        let unknown_town = good_line("b-3").replace(",Coesfeld,51", ",Gotham,51");
        let outside = good_line("b-4").replace("51.9459,7.1675", "48.1,11.5");
        let wrong_town = good_line("b-5").replace("51.9459,7.1675", "51.83,7.28");
        let duplicate = good_line("b-1");
        let text = format!(
            "{HEADER}\n{bad_phone}\n{unknown_topic}\n{unknown_town}\n{outside}\n{wrong_town}\n{duplicate}\n"
        );
        let problems = read(&text).unwrap_err();
        let found: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.line, p.column.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (2, "telefon"),
                (3, "themen"),
                (4, "gemeinde"),
                (5, "lat"),
                (6, "gemeinde"),
                (7, "externe_id"),
            ]
        );
        assert!(problems[1].message.contains("zauberei"), "{problems:#?}");
        assert!(problems[2].message.contains("Gotham"));
        assert!(problems[3].message.contains("außerhalb des Kreises"));
        assert!(
            problems[4]
                .message
                .contains("liegt in Dülmen, nicht in Coesfeld")
        );
        assert!(problems[5].message.contains("schon in Zeile 2"));
    }

    #[test]
    fn missing_and_unknown_columns_are_refused_before_any_line() {
        let problems = read("externe_id,name,farbe\nx,y,z\n").unwrap_err();
        assert!(problems.iter().all(|p| p.line == 1));
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("„farbe“ ist unbekannt"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("„kosten“ fehlt"))
        );
        assert!(read("").is_err());
        assert!(
            read(&format!("{HEADER}\n")).unwrap_err()[0]
                .message
                .contains("kein Angebot")
        );
    }

    #[test]
    fn written_offers_read_back_the_same() {
        let offer = EditableOffer {
            id: 7,
            version: 3,
            archived: false,
            last_checked: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
            values: EditableField::ALL
                .iter()
                .map(|field| {
                    let value = match field {
                        EditableField::Name => "Babytreff",
                        EditableField::Description => {
                            "Offener Treff für Eltern, mit \"Hebamme\"; jeden Mittwoch."
                        }
                        EditableField::Topics => "fruehe-hilfen",
                        EditableField::Phases => "0-3",
                        EditableField::Languages => "de,tr",
                        EditableField::Delivery => "vor-ort",
                        EditableField::Cost => "kostenlos",
                        EditableField::Wheelchair => "ja",
                        EditableField::ClosedInSchoolHolidays => "ja",
                        EditableField::OpeningHours => "Mi 14:00-16:00",
                        EditableField::InternalNote => "geheim =HYPERLINK(\"http://evil.example\")",
                        EditableField::CostNote => "=HYPERLINK(\"http://evil.example\")",
                        EditableField::HoursNote => "'Zitat' am Anfang",
                        _ => "",
                    };
                    (*field, field.canonical_value(value).unwrap())
                })
                .collect(),
            location: OfferLocation {
                street: "Lindenstraße 12".into(),
                postcode: "48653".into(),
                town: "Coesfeld".into(),
                lat: 51.9459,
                lon: 7.1675,
                municipality: "05558012".into(),
            },
        };
        let exported = ExportedOffer {
            external_id: fallback_external_id(7),
            organization: "Familienzentrum".into(),
            offer: offer.clone(),
        };
        let public = write_csv(std::slice::from_ref(&exported), false, |_| {
            "Coesfeld".into()
        });
        assert!(!public.contains("geheim") && !public.contains(INTERNAL_PREFIX));
        let internal = write_csv(&[exported], true, |_| "Coesfeld".into());
        assert!(internal.contains("intern:interne_notiz") && internal.contains("geheim"));
        // A formula typed into a field goes out as text, and comes back as typed.
        assert!(internal.contains("'=HYPERLINK") && !internal.contains(",=HYPERLINK"));
        let back = read(&internal).unwrap().remove(0);
        assert_eq!(back.external_id, "ck-7");
        assert_eq!(back.location, offer.location);
        assert_eq!(back.last_checked, Some(offer.last_checked));
        for (field, value) in &offer.values {
            let read_value = back.values.iter().find(|(f, _)| f == field).map(|(_, v)| v);
            assert_eq!(read_value, Some(value), "{field:?}");
        }
    }
}
