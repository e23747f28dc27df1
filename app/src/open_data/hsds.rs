//! The public data in Open Referral HSDS 3.0: built once per request as flat tables (the
//! tabular form, CSV with `datapackage.json`), nested from them for the read-only endpoints of
//! the HSDS API under `/api/hsds`. Public fields only: built from the public storage queries.
//! The topics, life phases and ways of delivery are published as taxonomies.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Display;
use std::sync::Arc;

use crate::offers::filter::{ParsedQuery, param};
use crate::offers::model::OfferDetail;
use crate::offers::store::{PublicOfferRecord, PublicOrganization};
use crate::offers::taxonomy::{Cost, Delivery, LifePhase, Topic};
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::shared::query_pairs::{Pairs, first_filled};

use crate::offers::read_model::PublicSearch;
use crate::open_data::api_v1::{ApiState, Refusal, cached, public_search};

/// The official HSDS tabular description; ours keeps the resources we fill, field for field.
const OFFICIAL_DATAPACKAGE: &str = include_str!("../../hsds-3.0/datapackage.json");
/// The official HSDS API description, served as it is.
const OFFICIAL_OPENAPI: &str = include_str!("../../hsds-3.0/schema/openapi.json");

/// The tables filled, in the datapackage's order.
pub const TABLES: [&str; 13] = [
    "organization",
    "service",
    "attribute",
    "service_at_location",
    "location",
    "phone",
    "address",
    "schedule",
    "language",
    "accessibility",
    "taxonomy_term",
    "cost_option",
    "taxonomy",
];

/// A stable UUID for an entity of ours: version 8 (RFC 9562, "custom") from a SHA-256 of
/// its kind and key, so that the same offer keeps its HSDS id in every export.
/// The HSDS `alert` of a temporarily closed service (null when open).
fn closure_alert(detail: &crate::offers::model::OfferDetail) -> serde_json::Value {
    if detail.closed_until.is_empty() {
        return serde_json::Value::Null;
    }
    let until = crate::shared::iso_date::german(&detail.closed_until)
        .unwrap_or_else(|| detail.closed_until.clone());
    let mut alert = format!("Vorübergehend geschlossen bis {until}");
    if !detail.closed_reason.is_empty() {
        alert.push_str(" – ");
        alert.push_str(&detail.closed_reason);
    }
    json!(alert)
}

pub fn hsds_id(kind: &str, key: impl Display) -> String {
    let digest = Sha256::digest(format!("chancenkarte/{kind}/{key}").as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|byte| format!("{byte:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

type Row = Map<String, Value>;

/// A row from (field, value) pairs; empty optional text and `null` are left out (HSDS checks
/// formats such as e-mail and URI on every value that is present).
fn row(pairs: Vec<(&str, Value)>) -> Row {
    pairs
        .into_iter()
        .filter(|(_, value)| !value.is_null() && value.as_str() != Some(""))
        .map(|(key, value)| (key.to_string(), value))
        .collect()
}

/// A required text: present even when empty.
fn required(text: &str) -> Value {
    Value::String(if text.trim().is_empty() {
        "-".to_string()
    } else {
        text.to_string()
    })
}

/// One of the published vocabularies: its taxonomy and terms.
struct Vocabulary {
    key: &'static str,
    name: &'static str,
    description: &'static str,
    terms: Vec<(&'static str, &'static str)>,
}

/// The term a location whose address is kept from the public carries (Schutzadresse).
const PROTECTED_PLACE: (&str, &str) = ("standort", "adresse-auf-anfrage");

fn vocabularies() -> [Vocabulary; 4] {
    [
        Vocabulary {
            key: "themen",
            name: "Chancenkarte: Themen",
            description: "Die Themen, nach denen Familien auf der Chancenkarte Unterstützungsangebote suchen.",
            terms: Topic::ALL.iter().map(|t| (t.code(), t.label())).collect(),
        },
        Vocabulary {
            key: "lebensphasen",
            name: "Chancenkarte: Lebensphasen",
            description: "Lebensphasen von der Schwangerschaft bis 27 Jahre und Eltern, für die ein Angebot gedacht ist.",
            terms: LifePhase::ALL
                .iter()
                .map(|p| (p.code(), p.label()))
                .collect(),
        },
        Vocabulary {
            key: "zugangswege",
            name: "Chancenkarte: Zugangswege",
            description: "Wie ein Angebot die Familie erreicht (vor Ort, aufsuchend, online, telefonisch).",
            terms: Delivery::ALL
                .iter()
                .map(|d| (d.code(), d.label()))
                .collect(),
        },
        Vocabulary {
            key: PROTECTED_PLACE.0,
            name: "Chancenkarte: Standort",
            description: "Besonderheiten eines Standorts, etwa eine geschützte Adresse, die nicht veröffentlicht wird.",
            terms: vec![(PROTECTED_PLACE.1, "Adresse nicht öffentlich (auf Anfrage)")],
        },
    ]
}

/// The attribute of offer `offer_id` linking its `entity` (`service` or `location`) with id
/// `link_id` to the term (vocabulary, code).
fn attribute_row(
    offer_id: i64,
    (vocabulary, code): (&str, &str),
    link_id: &str,
    entity: &str,
) -> Row {
    row(vec![
        (
            "id",
            json!(hsds_id(
                "attribute",
                format!("{offer_id}/{vocabulary}/{code}")
            )),
        ),
        ("link_id", json!(link_id)),
        ("taxonomy_term_id", json!(term_id(vocabulary, code))),
        ("link_type", json!(entity)),
        ("link_entity", json!(entity)),
    ])
}

fn term_id(vocabulary: &str, code: &str) -> String {
    hsds_id("taxonomy_term", format!("{vocabulary}/{code}"))
}

/// Where the data is published: the site's address, for absolute URIs.
#[derive(Clone, Debug)]
pub struct Publisher {
    pub site: String,
    pub region: String,
    pub state_province: String,
}

/// The public data as HSDS tables: table name → rows.
pub struct HsdsTables {
    pub tables: BTreeMap<&'static str, Vec<Row>>,
    /// Each row's place in its table by its `id`, so that a lookup does not scan the table.
    by_id: HashMap<(&'static str, String), usize>,
    /// The rows that refer to another row (a `…_id` field), by table, field and value.
    by_reference: HashMap<(&'static str, String, String), Vec<usize>>,
}

fn age_limits(detail: &OfferDetail) -> (Value, Value) {
    let ranges: Vec<(u8, u8)> = detail
        .phases
        .iter()
        .filter_map(LifePhase::age_range)
        .collect();
    let only_children = !ranges.is_empty()
        && !detail.phases.contains(LifePhase::Parents)
        && !detail.phases.contains(LifePhase::Pregnancy);
    if !only_children {
        return (Value::Null, Value::Null);
    }
    let youngest = ranges.iter().map(|r| r.0).min().unwrap_or(0);
    let oldest = ranges.iter().map(|r| r.1).max().unwrap_or(26);
    (json!(youngest), json!(oldest))
}

impl HsdsTables {
    pub fn build(
        offers: &[PublicOfferRecord],
        organizations: &[PublicOrganization],
        publisher: &Publisher,
    ) -> HsdsTables {
        let mut tables: BTreeMap<&'static str, Vec<Row>> =
            TABLES.iter().map(|name| (*name, Vec::new())).collect();
        let mut push = |table: &'static str, row: Row| {
            tables.entry(table).or_default().push(row);
        };
        for vocabulary in vocabularies() {
            let taxonomy_id = hsds_id("taxonomy", vocabulary.key);
            push(
                "taxonomy",
                row(vec![
                    ("id", json!(taxonomy_id)),
                    ("name", json!(vocabulary.name)),
                    ("description", json!(vocabulary.description)),
                    ("uri", json!(format!("{}/api/v1/taxonomy", publisher.site))),
                    ("version", json!("1")),
                ]),
            );
            for (code, label) in &vocabulary.terms {
                push(
                    "taxonomy_term",
                    row(vec![
                        ("id", json!(term_id(vocabulary.key, code))),
                        ("code", json!(code)),
                        ("name", json!(label)),
                        (
                            "description",
                            json!(format!("{}: {label}", vocabulary.name)),
                        ),
                        ("taxonomy", json!(vocabulary.name)),
                        ("language", json!("de")),
                        ("taxonomy_id", json!(taxonomy_id)),
                    ]),
                );
            }
        }
        for organization in organizations {
            push(
                "organization",
                row(vec![
                    ("id", json!(hsds_id("organization", organization.id))),
                    ("name", json!(organization.name)),
                    ("description", required(&organization.description)),
                    ("website", json!(organization.website)),
                ]),
            );
        }
        for offer in offers {
            let d = &offer.detail;
            let service_id = hsds_id("service", d.id);
            let location_id = hsds_id("location", d.id);
            let organization_id = hsds_id("organization", offer.organization_id);
            let page = format!("{}/angebot/{}", publisher.site, d.id);
            let (minimum_age, maximum_age) = age_limits(d);
            let phases: Vec<&str> = d.phases.iter().map(LifePhase::label).collect();
            let fees = if d.cost_note.is_empty() {
                d.cost.label().to_string()
            } else {
                format!("{}: {}", d.cost.label(), d.cost_note)
            };
            push(
                "service",
                row(vec![
                    ("id", json!(service_id)),
                    ("organization_id", json!(organization_id)),
                    ("name", json!(d.name)),
                    ("description", json!(d.description)),
                    (
                        "url",
                        json!(if d.website.is_empty() {
                            &page
                        } else {
                            &d.website
                        }),
                    ),
                    ("email", json!(d.email)),
                    // HSDS 3.0: a temporary closure keeps the service listed with its status and
                    // an alert; an offer outside its visibility window is not exported at all.
                    (
                        "status",
                        json!(if d.closed_until.is_empty() {
                            "active"
                        } else {
                            "temporarily closed"
                        }),
                    ),
                    ("alert", closure_alert(d)),
                    // Deprecated in HSDS 3.0 but still its field for it; only while recent.
                    (
                        "wait_time",
                        match d.wait_weeks.parse::<u32>() {
                            Ok(weeks) => json!(format!(
                                "ca. {weeks} Wochen (Stand {})",
                                d.availability_confirmed
                            )),
                            Err(_) => serde_json::Value::Null,
                        },
                    ),
                    ("fees_description", json!(fees)),
                    (
                        "eligibility_description",
                        json!(format!("Für: {}", phases.join(", "))),
                    ),
                    ("minimum_age", minimum_age),
                    ("maximum_age", maximum_age),
                    ("assured_date", json!(d.last_checked.to_string())),
                    (
                        "last_modified",
                        json!(format!("{}T00:00:00Z", d.last_checked)),
                    ),
                ]),
            );
            let attributes = d
                .topics
                .iter()
                .map(|t| ("themen", t.code()))
                .chain(d.phases.iter().map(|p| ("lebensphasen", p.code())))
                .chain(d.delivery.iter().map(|w| ("zugangswege", w.code())));
            for (vocabulary, code) in attributes {
                push(
                    "attribute",
                    attribute_row(d.id, (vocabulary, code), &service_id, "service"),
                );
            }
            push(
                "service_at_location",
                row(vec![
                    ("id", json!(hsds_id("service_at_location", d.id))),
                    ("service_id", json!(service_id)),
                    ("location_id", json!(location_id)),
                ]),
            );
            // A protected place (Schutzadresse) is published as its municipality only: no
            // address, no coordinates, marked with the "Adresse auf Anfrage" term.
            let (latitude, longitude, description) = if d.address_on_request {
                (
                    Value::Null,
                    Value::Null,
                    json!("Adresse nicht öffentlich – auf Anfrage (telefonisch)."),
                )
            } else {
                (json!(d.lat), json!(d.lon), Value::Null)
            };
            push(
                "location",
                row(vec![
                    ("id", json!(location_id)),
                    ("location_type", json!("physical")),
                    ("url", json!(page)),
                    ("organization_id", json!(organization_id)),
                    (
                        "name",
                        json!(format!("{}, {}", d.organization, d.address.town)),
                    ),
                    ("description", description),
                    ("latitude", latitude),
                    ("longitude", longitude),
                    ("external_identifier", json!(offer.municipality_ags)),
                    (
                        "external_identifier_type",
                        json!("Amtlicher Gemeindeschlüssel (AGS)"),
                    ),
                ]),
            );
            if d.address_on_request {
                push(
                    "attribute",
                    attribute_row(d.id, PROTECTED_PLACE, &location_id, "location"),
                );
            } else {
                push(
                    "address",
                    row(vec![
                        ("id", json!(hsds_id("address", d.id))),
                        ("location_id", json!(location_id)),
                        ("address_1", required(&d.address.street)),
                        ("city", required(&d.address.town)),
                        ("region", json!(publisher.region)),
                        ("state_province", required(&publisher.state_province)),
                        ("postal_code", required(&d.address.postcode)),
                        ("country", json!("DE")),
                        ("address_type", json!("physical")),
                    ]),
                );
            }
            push(
                "accessibility",
                row(vec![
                    ("id", json!(hsds_id("accessibility", d.id))),
                    ("location_id", json!(location_id)),
                    (
                        "description",
                        json!(if d.wheelchair {
                            "rollstuhlgerecht"
                        } else {
                            "nicht als rollstuhlgerecht angegeben"
                        }),
                    ),
                    ("details", json!(d.accessibility_note)),
                ]),
            );
            if !d.phone.is_empty() {
                push(
                    "phone",
                    row(vec![
                        ("id", json!(hsds_id("phone", d.id))),
                        ("service_id", json!(service_id)),
                        ("number", json!(d.phone)),
                        ("type", json!("voice")),
                    ]),
                );
            }
            // The school-holiday closing goes with the hours' description, which HSDS has.
            let hours_description = if d.closed_in_school_holidays {
                [d.hours_note.as_str(), "In den Schulferien geschlossen."]
                    .join(" ")
                    .trim()
                    .to_string()
            } else {
                d.hours_note.clone()
            };
            if d.opening_hours.is_empty() && !hours_description.is_empty() {
                // Only a note ("nach Vereinbarung"): a schedule that just describes.
                push(
                    "schedule",
                    row(vec![
                        ("id", json!(hsds_id("schedule", format!("{}/note", d.id)))),
                        ("service_id", json!(service_id)),
                        ("description", json!(hours_description)),
                    ]),
                );
            }
            for (i, slot) in d.opening_hours.iter().enumerate() {
                const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
                let day = DAYS[usize::from(slot.weekday.number().clamp(1, 7)) - 1];
                push(
                    "schedule",
                    row(vec![
                        ("id", json!(hsds_id("schedule", format!("{}/{i}", d.id)))),
                        ("service_id", json!(service_id)),
                        ("wkst", json!("MO")),
                        ("freq", json!("WEEKLY")),
                        ("byday", json!(day)),
                        ("opens_at", json!(slot.opens.to_string())),
                        ("closes_at", json!(slot.closes.to_string())),
                        ("description", json!(hours_description)),
                        ("attending_type", json!("in_person")),
                    ]),
                );
            }
            for language in d.languages.iter() {
                push(
                    "language",
                    row(vec![
                        (
                            "id",
                            json!(hsds_id("language", format!("{}/{}", d.id, language.code()))),
                        ),
                        ("service_id", json!(service_id)),
                        ("name", json!(language.label())),
                        ("code", json!(language.code())),
                    ]),
                );
            }
            push(
                "cost_option",
                row(vec![
                    ("id", json!(hsds_id("cost_option", d.id))),
                    ("service_id", json!(service_id)),
                    ("option", json!(d.cost.label())),
                    (
                        "amount",
                        if d.cost == Cost::Free {
                            json!(0)
                        } else {
                            Value::Null
                        },
                    ),
                    (
                        "currency",
                        if d.cost == Cost::Free {
                            json!("EUR")
                        } else {
                            Value::Null
                        },
                    ),
                    ("amount_description", json!(d.cost_note)),
                ]),
            );
        }
        HsdsTables::indexed(tables)
    }

    fn indexed(tables: BTreeMap<&'static str, Vec<Row>>) -> HsdsTables {
        let mut by_id = HashMap::new();
        let mut by_reference: HashMap<(&'static str, String, String), Vec<usize>> = HashMap::new();
        for (table, rows) in &tables {
            for (at, row) in rows.iter().enumerate() {
                for (field, value) in row {
                    let Some(value) = value.as_str() else {
                        continue;
                    };
                    if field == "id" {
                        by_id.insert((*table, value.to_string()), at);
                    } else if field.ends_with("_id") {
                        by_reference
                            .entry((*table, field.clone(), value.to_string()))
                            .or_default()
                            .push(at);
                    }
                }
            }
        }
        HsdsTables {
            tables,
            by_id,
            by_reference,
        }
    }

    fn rows(&self, table: &str) -> &[Row] {
        self.tables.get(table).map_or(&[], Vec::as_slice)
    }

    fn find(&self, table: &str, id: &str) -> Option<&Row> {
        let (table, _) = self.tables.get_key_value(table)?;
        let at = self.by_id.get(&(*table, id.to_string()))?;
        self.rows(table).get(*at)
    }

    /// The rows of `table` whose `key` is `id`, in table order.
    fn referring<'a>(&'a self, table: &str, key: &str, id: &str) -> Vec<&'a Row> {
        let Some((table, rows)) = self.tables.get_key_value(table) else {
            return Vec::new();
        };
        self.by_reference
            .get(&(*table, key.to_string(), id.to_string()))
            .map(|places| places.iter().filter_map(|at| rows.get(*at)).collect())
            .unwrap_or_default()
    }

    /// [`HsdsTables::referring`] as JSON values.
    fn children(&self, table: &str, key: &str, id: &str) -> Vec<Value> {
        self.referring(table, key, id)
            .into_iter()
            .map(|row| Value::Object(row.clone()))
            .collect()
    }

    fn taxonomy_term(&self, id: &str) -> Option<Value> {
        let mut term = self.find("taxonomy_term", id)?.clone();
        if let Some(taxonomy) = term
            .get("taxonomy_id")
            .and_then(Value::as_str)
            .and_then(|tid| self.find("taxonomy", tid))
        {
            term.insert("taxonomy_detail".into(), Value::Object(taxonomy.clone()));
        }
        Some(Value::Object(term))
    }

    fn location(&self, id: &str) -> Option<Value> {
        let mut location = self.find("location", id)?.clone();
        location.insert(
            "addresses".into(),
            Value::Array(self.children("address", "location_id", id)),
        );
        location.insert(
            "accessibility".into(),
            Value::Array(self.children("accessibility", "location_id", id)),
        );
        Some(Value::Object(location))
    }

    /// A service as the list answers it: its own fields and its organisation.
    fn service_list_item(&self, service: &Row) -> Value {
        let mut item = service.clone();
        if let Some(organization) = service
            .get("organization_id")
            .and_then(Value::as_str)
            .and_then(|id| self.find("organization", id))
        {
            item.insert("organization".into(), Value::Object(organization.clone()));
        }
        Value::Object(item)
    }

    /// A service fully nested: phones, schedules, languages, costs, attributes with their
    /// terms, organisation, and its locations.
    pub fn full_service(&self, id: &str) -> Option<Value> {
        let service = self.find("service", id)?;
        let Value::Object(mut full) = self.service_list_item(service) else {
            return None;
        };
        for (field, table) in [
            ("phones", "phone"),
            ("schedules", "schedule"),
            ("languages", "language"),
            ("cost_options", "cost_option"),
        ] {
            full.insert(
                field.into(),
                Value::Array(self.children(table, "service_id", id)),
            );
        }
        let attributes = self
            .children("attribute", "link_id", id)
            .into_iter()
            .map(|mut attribute| {
                let term = attribute
                    .get("taxonomy_term_id")
                    .and_then(Value::as_str)
                    .and_then(|tid| self.taxonomy_term(tid));
                if let (Some(term), Some(map)) = (term, attribute.as_object_mut()) {
                    map.insert("taxonomy_term".into(), term);
                }
                attribute
            })
            .collect();
        full.insert("attributes".into(), Value::Array(attributes));
        let at_locations = self
            .children("service_at_location", "service_id", id)
            .into_iter()
            .map(|mut at| {
                let location = at
                    .get("location_id")
                    .and_then(Value::as_str)
                    .and_then(|lid| self.location(lid));
                if let (Some(location), Some(map)) = (location, at.as_object_mut()) {
                    map.insert("location".into(), location);
                }
                at
            })
            .collect();
        full.insert("service_at_locations".into(), Value::Array(at_locations));
        Some(Value::Object(full))
    }

    /// A service-at-location with its location and service (list form).
    fn service_at_location(&self, row: &Row, full: bool) -> Value {
        let mut item = row.clone();
        if let Some(location) = row
            .get("location_id")
            .and_then(Value::as_str)
            .and_then(|id| self.location(id))
        {
            item.insert("location".into(), location);
        }
        let service_id = row.get("service_id").and_then(Value::as_str).unwrap_or("");
        let service = if full {
            self.full_service(service_id)
        } else {
            self.find("service", service_id)
                .map(|service| self.service_list_item(service))
        };
        if let Some(service) = service {
            item.insert("service".into(), service);
        }
        Value::Object(item)
    }

    /// An organisation with its services (listed, or fully nested).
    fn organization(&self, id: &str, full_services: bool) -> Option<Value> {
        let mut organization = self.find("organization", id)?.clone();
        let services: Vec<Value> = self
            .referring("service", "organization_id", id)
            .into_iter()
            .filter_map(|s| {
                let sid = s.get("id").and_then(Value::as_str)?;
                if full_services {
                    self.full_service(sid)
                } else {
                    Some(self.service_list_item(s))
                }
            })
            .collect();
        organization.insert("services".into(), Value::Array(services));
        Some(Value::Object(organization))
    }

    /// The ids of the terms a service is tagged with.
    fn terms_of(&self, service_id: &str) -> Vec<&str> {
        self.referring("attribute", "link_id", service_id)
            .into_iter()
            .filter_map(|a| a.get("taxonomy_term_id").and_then(Value::as_str))
            .collect()
    }

    fn taxonomy_of_term(&self, term_id: &str) -> Option<&str> {
        self.find("taxonomy_term", term_id)?
            .get("taxonomy_id")
            .and_then(Value::as_str)
    }

    /// One table as CSV: every field of the official resource, in its order.
    pub fn csv(&self, table: &str, fields: &[String]) -> String {
        let records = self.rows(table).iter().map(|row| {
            fields
                .iter()
                .map(|field| match row.get(field) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(text)) => text.clone(),
                    Some(other) => other.to_string(),
                })
                .collect::<Vec<String>>()
        });
        crate::shared::csv_text::csv_text(fields, records)
    }
}

/// Our `datapackage.json`: the official one with only the resources we fill.
pub fn datapackage() -> Value {
    let mut package: Value = serde_json::from_str(OFFICIAL_DATAPACKAGE).unwrap_or_default();
    if let Some(map) = package.as_object_mut() {
        map.insert("name".into(), json!("chancenkarte-hsds"));
        map.insert(
            "title".into(),
            json!("Chancenkarte: Unterstützungsangebote für Familien (HSDS 3.0)"),
        );
        map.insert(
            "description".into(),
            json!("Die öffentlichen Angebote der Chancenkarte in der Tabellenform von Open Referral HSDS 3.0."),
        );
        if let Some(Value::Array(resources)) = map.get_mut("resources") {
            resources.retain(|resource| {
                resource["name"]
                    .as_str()
                    .is_some_and(|name| TABLES.contains(&name))
            });
        }
    }
    package
}

/// The field names and file name of a table in our datapackage.
pub fn table_layout(package: &Value, table: &str) -> Option<(String, Vec<String>)> {
    let resource = package["resources"]
        .as_array()?
        .iter()
        .find(|r| r["name"] == table)?;
    let fields = resource["schema"]["fields"]
        .as_array()?
        .iter()
        .filter_map(|f| f["name"].as_str().map(str::to_string))
        .collect();
    Some((resource["path"].as_str()?.to_string(), fields))
}

// --- The HSDS API ---

fn flag(query: &Pairs, key: &str) -> bool {
    matches!(first_filled(query, key), Some("true" | "1" | "yes"))
}

/// The site's address for absolute URIs: `PUBLIC_URL` (a local trial: its loopback host).
fn site_of(state: &ApiState, headers: &HeaderMap) -> String {
    state.app.site.link_base_for(headers)
}

/// The public data of one snapshot: the offers as loaded and the HSDS tables built from them.
struct Published {
    tables: HsdsTables,
    /// The offers prepared for `search`.
    search: Arc<PublicSearch>,
}

/// The public data and its HSDS tables (for `search`, the offers too), built once per
/// snapshot of the public data and site address.
async fn published(state: &ApiState, headers: &HeaderMap) -> Result<Arc<Published>, Refusal> {
    let refused =
        |error: crate::shared::error::AppError| Refusal(error.status(), error.to_string());
    let site = site_of(state, headers);
    let key = site.clone();
    let snapshot = state.offers.snapshot();
    snapshot
        .derived(&key, move || async move {
            let offers = crate::offers::service::records_in(state.offers.as_ref())
                .await
                .map_err(refused)?;
            let organizations = crate::offers::service::organizations_in(state.offers.as_ref())
                .await
                .map_err(refused)?;
            let publisher = Publisher {
                site,
                region: state.app.region.name.clone(),
                state_province: state.state_province.clone(),
            };
            let tables = HsdsTables::build(&offers, &organizations, &publisher);
            let search = public_search(state).await?;
            Ok(Published { tables, search })
        })
        .await
}

/// One page of `items` in the HSDS API's page shape, each of the page's items made into its
/// answer by `answer` (only those: a list of ten thousand is cut before it is built).
fn hsds_page<T>(
    items: Vec<T>,
    query: &Pairs,
    answer: impl Fn(T) -> Option<Value>,
) -> Result<Value, Refusal> {
    let paging = crate::open_data::api_v1::Paging::parse(
        first_filled(query, "page"),
        first_filled(query, "per_page"),
    )
    .map_err(|reason| {
        Refusal(
            StatusCode::BAD_REQUEST,
            reason
                .replace("„seite“", "„page“")
                .replace("„pro_seite“", "„per_page“"),
        )
    })?;
    if let Some(format) = first_filled(query, "format")
        && format != "json"
    {
        return Err(Refusal(
            StatusCode::BAD_REQUEST,
            format!("Das Format „{format}“ wird nicht angeboten; nur „json“."),
        ));
    }
    let total = items.len();
    let range = paging.range(total);
    let contents: Vec<Value> = items
        .into_iter()
        .skip(range.start)
        .take(range.len())
        .filter_map(answer)
        .collect();
    let pages = paging.pages(total);
    Ok(json!({
        "total_items": total,
        "total_pages": pages,
        "page_number": paging.page,
        "size": contents.len(),
        "first_page": paging.page == 1,
        "last_page": paging.page >= pages,
        "empty": contents.is_empty(),
        "contents": contents,
    }))
}

/// The services the HSDS query's `search` finds, by the app's own forgiving search (typos,
/// compounds, stems, synonyms in five languages) over their offers, with the text read as the
/// map reads `q`: service id → place in the order of relevance, the order and the offers of
/// `/api/v1/offers?q=`. `None` without `search`.
fn found_services(search: &PublicSearch, query: &Pairs) -> Option<HashMap<String, usize>> {
    let text = first_filled(query, "search")?;
    let filter = ParsedQuery::parse([(param::TEXT, text)], |_| false).filter;
    let result = search.apply(&filter);
    let searchable = search.searchable();
    Some(
        result
            .matching
            .iter()
            .enumerate()
            .map(|(place, &index)| (hsds_id("service", searchable.offers()[index].id), place))
            .collect(),
    )
}

/// Sorts `rows` by their service's place in `found` (best match first), if there was a search;
/// equally placed rows keep their order.
fn by_relevance(
    rows: &mut [&Row],
    found: Option<&HashMap<String, usize>>,
    service_id: fn(&Row) -> &str,
) {
    if let Some(found) = found {
        rows.sort_by_key(|row| found.get(service_id(row)).copied().unwrap_or(usize::MAX));
    }
}

fn row_id(row: &Row) -> &str {
    row.get("id").and_then(Value::as_str).unwrap_or("")
}

fn service_id_of(row: &Row) -> &str {
    row.get("service_id").and_then(Value::as_str).unwrap_or("")
}

/// Plain search for the tables other than services: every word in name or description.
fn matches_search(row: &Row, search: Option<&str>) -> bool {
    let Some(search) = search else { return true };
    let wanted = crate::shared::text::normalize(search);
    let text = ["name", "description", "alternate_name"]
        .iter()
        .filter_map(|field| row.get(*field).and_then(Value::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    crate::shared::text::matches_all_words(&crate::shared::text::normalize(&text), &wanted)
}

async fn answer(state: &ApiState, headers: &HeaderMap, body: Result<Value, Refusal>) -> Response {
    match body {
        Ok(body) => {
            let bytes = serde_json::to_vec(&body).unwrap_or_default();
            cached(state, headers, "application/json", bytes, Vec::new()).await
        }
        Err(refused) => refused.into_response(),
    }
}

/// Builds the tables and answers what `reply` makes of them, with the caching headers.
async fn with_tables(
    state: &ApiState,
    headers: &HeaderMap,
    reply: impl FnOnce(&HsdsTables) -> Result<Value, Refusal>,
) -> Response {
    with_published(state, headers, |published| reply(&published.tables)).await
}

/// Loads the public data and answers what `reply` makes of it, with the caching headers.
async fn with_published(
    state: &ApiState,
    headers: &HeaderMap,
    reply: impl FnOnce(&Published) -> Result<Value, Refusal>,
) -> Response {
    let body = match published(state, headers).await {
        Ok(published) => reply(&published),
        Err(refused) => Err(refused),
    };
    answer(state, headers, body).await
}

fn not_found(what: &str, id: &str) -> Refusal {
    Refusal(
        StatusCode::NOT_FOUND,
        format!("{what} „{id}“ gibt es nicht (mehr)."),
    )
}

/// Which services pass the HSDS query's filters; `found`: what `search` found
/// ([`found_services`]).
fn service_filter<'a>(
    tables: &'a HsdsTables,
    query: &'a Pairs,
    found: Option<&'a HashMap<String, usize>>,
) -> Result<impl Fn(&Row) -> bool + 'a, Refusal> {
    let modified_after = match first_filled(query, "modified_after") {
        Some(text) => Some(
            chrono::DateTime::parse_from_rfc3339(text)
                .map(|time| time.with_timezone(&chrono::Utc))
                .or_else(|_| {
                    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                        .map(|d| d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc())
                })
                .map_err(|_| {
                    Refusal(
                        StatusCode::BAD_REQUEST,
                        format!(
                            "„modified_after“ muss ein Zeitpunkt sein (z. B. 2026-01-31T00:00:00Z), nicht „{text}“."
                        ),
                    )
                })?,
        ),
        None => None,
    };
    let by_term = first_filled(query, "taxonomy_term_id").is_some()
        || first_filled(query, "taxonomy_id").is_some();
    Ok(move |service: &Row| {
        let id = row_id(service);
        // Looked up only when a filter asks: the list of 10,000 services is filtered per
        // request.
        let terms = if by_term {
            tables.terms_of(id)
        } else {
            Vec::new()
        };
        found.is_none_or(|found| found.contains_key(id))
            && first_filled(query, "taxonomy_term_id").is_none_or(|term| terms.contains(&term))
            && first_filled(query, "taxonomy_id").is_none_or(|taxonomy| {
                terms
                    .iter()
                    .any(|term| tables.taxonomy_of_term(term) == Some(taxonomy))
            })
            && first_filled(query, "organization_id").is_none_or(|organization| {
                service.get("organization_id").and_then(Value::as_str) == Some(organization)
            })
            && modified_after.is_none_or(|after| {
                service
                    .get("last_modified")
                    .and_then(Value::as_str)
                    .and_then(|text| chrono::DateTime::parse_from_rfc3339(text).ok())
                    .is_some_and(|modified| modified >= after)
            })
    })
}

async fn services(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Query(query): Query<Pairs>,
) -> Response {
    with_published(&state, &headers, |published| {
        let tables = &published.tables;
        let found = found_services(&published.search, &query);
        let keep = service_filter(tables, &query, found.as_ref())?;
        let mut kept: Vec<&Row> = tables
            .rows("service")
            .iter()
            .filter(|service| keep(service))
            .collect();
        by_relevance(&mut kept, found.as_ref(), row_id);
        hsds_page(kept, &query, |service| {
            let id = row_id(service);
            Some(if flag(&query, "minimal") {
                json!({ "id": id, "last_modified": service.get("last_modified") })
            } else if flag(&query, "full") {
                tables.full_service(id).unwrap_or_default()
            } else {
                tables.service_list_item(service)
            })
        })
    })
    .await
}

async fn service(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    with_tables(&state, &headers, |tables| {
        tables
            .full_service(&id)
            .ok_or_else(|| not_found("Einen Dienst (service)", &id))
    })
    .await
}

async fn organizations(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Query(query): Query<Pairs>,
) -> Response {
    with_tables(&state, &headers, |tables| {
        let items: Vec<&Row> = tables
            .rows("organization")
            .iter()
            .filter(|o| o.get("id").and_then(Value::as_str).is_some())
            .filter(|o| matches_search(o, first_filled(&query, "search")))
            .collect();
        hsds_page(items, &query, |o| {
            let id = o.get("id").and_then(Value::as_str)?;
            if flag(&query, "full") || flag(&query, "full_service") {
                tables.organization(id, flag(&query, "full_service"))
            } else {
                Some(Value::Object(o.clone()))
            }
        })
    })
    .await
}

async fn organization(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<Pairs>,
) -> Response {
    with_tables(&state, &headers, |tables| {
        tables
            .organization(&id, flag(&query, "full_service"))
            .ok_or_else(|| not_found("Eine Organisation (organization)", &id))
    })
    .await
}

/// The rows of a table matching `search` (and `keep`), one page of them.
fn listed(
    tables: &HsdsTables,
    table: &str,
    query: &Pairs,
    keep: impl Fn(&Row) -> bool,
) -> Result<Value, Refusal> {
    let items: Vec<&Row> = tables
        .rows(table)
        .iter()
        .filter(|row| matches_search(row, first_filled(query, "search")) && keep(row))
        .collect();
    hsds_page(items, query, |row| Some(Value::Object(row.clone())))
}

async fn taxonomies(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Query(query): Query<Pairs>,
) -> Response {
    with_tables(&state, &headers, |tables| {
        listed(tables, "taxonomy", &query, |_| true)
    })
    .await
}

async fn taxonomy(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    with_tables(&state, &headers, |tables| {
        tables
            .find("taxonomy", &id)
            .map(|t| Value::Object(t.clone()))
            .ok_or_else(|| not_found("Eine Taxonomie", &id))
    })
    .await
}

async fn taxonomy_terms(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Query(query): Query<Pairs>,
) -> Response {
    with_tables(&state, &headers, |tables| {
        listed(tables, "taxonomy_term", &query, |term| {
            first_filled(&query, "taxonomy_id")
                .is_none_or(|tid| term.get("taxonomy_id").and_then(Value::as_str) == Some(tid))
                // The terms have no parents: every term is a top term, none has a parent.
                && first_filled(&query, "parent_id").is_none()
        })
    })
    .await
}

async fn taxonomy_term(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    with_tables(&state, &headers, |tables| {
        tables
            .taxonomy_term(&id)
            .ok_or_else(|| not_found("Einen Begriff (taxonomy_term)", &id))
    })
    .await
}

async fn service_at_locations(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Query(query): Query<Pairs>,
) -> Response {
    with_published(&state, &headers, |published| {
        let tables = &published.tables;
        let found = found_services(&published.search, &query);
        let keep = service_filter(tables, &query, found.as_ref())?;
        if first_filled(&query, "proximity").is_some() {
            return Err(Refusal(
                StatusCode::BAD_REQUEST,
                "„proximity“ wird nicht angeboten; „postcode“ allein filtert nach Postleitzahl."
                    .into(),
            ));
        }
        let postcode = first_filled(&query, "postcode");
        let mut kept: Vec<&Row> = tables
            .rows("service_at_location")
            .iter()
            .filter(|at| tables.find("service", service_id_of(at)).is_some_and(&keep))
            .filter(|at| {
                postcode.is_none_or(|postcode| {
                    let location_id = at.get("location_id").and_then(Value::as_str).unwrap_or("");
                    tables
                        .children("address", "location_id", location_id)
                        .iter()
                        .any(|a| a["postal_code"] == postcode)
                })
            })
            .collect();
        by_relevance(&mut kept, found.as_ref(), service_id_of);
        hsds_page(kept, &query, |at| {
            Some(tables.service_at_location(at, flag(&query, "full")))
        })
    })
    .await
}

async fn service_at_location(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    with_tables(&state, &headers, |tables| {
        tables
            .find("service_at_location", &id)
            .map(|at| tables.service_at_location(at, true))
            .ok_or_else(|| not_found("Einen Dienst an einem Standort", &id))
    })
    .await
}

async fn meta(State(state): State<ApiState>, headers: HeaderMap) -> Response {
    let site = site_of(&state, &headers);
    let body = json!({
        "version": "3.0",
        "profile": "https://docs.openreferral.org/en/latest/hsds/",
        "openapi_url": format!("{site}/api/hsds/openapi.json"),
    });
    answer(&state, &headers, Ok(body)).await
}

async fn openapi(State(state): State<ApiState>, headers: HeaderMap) -> Response {
    cached(
        &state,
        &headers,
        "application/json",
        OFFICIAL_OPENAPI.as_bytes().to_vec(),
        Vec::new(),
    )
    .await
}

async fn tabular_file(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    let package = datapackage();
    if file == "datapackage.json" {
        let bytes = serde_json::to_vec_pretty(&package).unwrap_or_default();
        return cached(&state, &headers, "application/json", bytes, Vec::new()).await;
    }
    let Some(table) = TABLES
        .iter()
        .find(|table| table_layout(&package, table).is_some_and(|(path, _)| path == file))
    else {
        return not_found("Eine Tabelle", &file).into_response();
    };
    let Some((_, fields)) = table_layout(&package, table) else {
        return not_found("Eine Tabelle", &file).into_response();
    };
    match published(&state, &headers).await {
        Ok(published) => {
            cached(
                &state,
                &headers,
                "text/csv; charset=utf-8",
                published.tables.csv(table, &fields).into_bytes(),
                Vec::new(),
            )
            .await
        }
        Err(refused) => refused.into_response(),
    }
}

/// The tabular form as one download: `datapackage.json` and every CSV file in a zip archive.
async fn tabular_zip(State(state): State<ApiState>, headers: HeaderMap) -> Response {
    use std::io::Write;
    let published = match published(&state, &headers).await {
        Ok(published) => published,
        Err(refused) => return refused.into_response(),
    };
    let package = datapackage();
    let archive = (|| -> zip::result::ZipResult<Vec<u8>> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("datapackage.json", options)?;
        zip.write_all(&serde_json::to_vec_pretty(&package).unwrap_or_default())?;
        for table in TABLES {
            if let Some((path, fields)) = table_layout(&package, table) {
                zip.start_file(path, options)?;
                zip.write_all(published.tables.csv(table, &fields).as_bytes())?;
            }
        }
        Ok(zip.finish()?.into_inner())
    })();
    match archive {
        Ok(bytes) => {
            cached(
                &state,
                &headers,
                "application/zip",
                bytes,
                vec![(
                    header::CONTENT_DISPOSITION,
                    crate::platform::response::attachment("chancenkarte-hsds.zip"),
                )],
            )
            .await
        }
        Err(error) => {
            tracing::error!(%error, "packing the HSDS tables failed");
            Refusal(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Das Archiv konnte nicht erstellt werden.".into(),
            )
            .into_response()
        }
    }
}

/// The routes of `/api/hsds` (the HSDS API's read-only endpoints) and the tabular download.
pub fn routes<S: Clone + Send + Sync + 'static>(state: ApiState) -> Router<S> {
    Router::new()
        .route("/api/hsds", get(meta))
        .route("/api/hsds/", get(meta))
        .route("/api/hsds/openapi.json", get(openapi))
        .route("/api/hsds/services", get(services))
        .route("/api/hsds/services/{id}", get(service))
        .route("/api/hsds/organizations", get(organizations))
        .route("/api/hsds/organizations/{id}", get(organization))
        .route("/api/hsds/taxonomies", get(taxonomies))
        .route("/api/hsds/taxonomies/{id}", get(taxonomy))
        .route("/api/hsds/taxonomy_terms", get(taxonomy_terms))
        .route("/api/hsds/taxonomy_terms/{id}", get(taxonomy_term))
        .route("/api/hsds/service_at_locations", get(service_at_locations))
        .route(
            "/api/hsds/service_at_locations/{id}",
            get(service_at_location),
        )
        .route("/api/hsds/tabular.zip", get(tabular_zip))
        .route("/api/hsds/tabular/{file}", get(tabular_file))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_uuids() {
        let id = hsds_id("service", 42);
        assert_eq!(id, hsds_id("service", 42));
        assert_ne!(id, hsds_id("service", 43));
        assert_ne!(id, hsds_id("location", 42));
        let parts: Vec<&str> = id.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('8'), "version 8: {id}");
        assert!(
            matches!(parts[3].chars().next(), Some('8' | '9' | 'a' | 'b')),
            "RFC variant: {id}"
        );
    }

    #[test]
    fn rows_leave_out_empty_optional_values() {
        let row = row(vec![
            ("id", json!("x")),
            ("email", json!("")),
            ("amount", Value::Null),
            ("description", required("")),
        ]);
        assert_eq!(Value::Object(row), json!({"id": "x", "description": "-"}));
    }

    #[test]
    fn our_datapackage_keeps_the_official_fields_of_the_tables_we_fill() {
        let package = datapackage();
        let names: Vec<&str> = package["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap())
            .collect();
        assert_eq!(names.len(), TABLES.len());
        let (path, fields) = table_layout(&package, "service").unwrap();
        assert_eq!(path, "services.csv");
        assert_eq!(
            &fields[..4],
            ["id", "organization_id", "program_id", "name"]
        );
    }
}
