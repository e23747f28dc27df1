//! The public, read-only JSON API under `/api/v1` and the GeoJSON of the offers: public fields
//! only (built from the public storage queries, whose types have no member-only field), with
//! the map's filters, paging, and ETag/Last-Modified so that clients can cache. Described in
//! `openapi_v1.json`, served at `/api/v1/openapi.json`.

use std::collections::BTreeMap;

use crate::offers::filter::ParsedQuery;
use crate::offers::store::{PublicOfferRecord, PublicOrganization};
use crate::offers::taxonomy::{Cost, Delivery, Language, LifePhase, Topic};
use crate::platform::precompressed::client_copy_is_current;
use crate::platform::state::AppState;
use crate::shared::error::AppError;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;

use crate::shared::query_pairs::{Pairs, first};
use sha2::{Digest, Sha256};

/// The OpenAPI description of this API.
const OPENAPI: &str = include_str!("openapi_v1.json");

pub const DEFAULT_PER_PAGE: usize = 50;
pub const MAX_PER_PAGE: usize = 200;
/// How long clients may use an answer without asking again (seconds).
const MAX_AGE_SECS: u32 = 300;

/// The part of a list one answer holds: page `page` (from 1) of `per_page` items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub page: usize,
    pub per_page: usize,
}

impl Paging {
    /// Reads `seite` and `pro_seite`; the error is the German reason.
    pub fn parse(page: Option<&str>, per_page: Option<&str>) -> Result<Paging, String> {
        let number = |text: Option<&str>, name: &str, default: usize, max: usize| match text
            .map(str::trim)
        {
            None => Ok(default),
            Some(text) => match text.parse::<usize>() {
                Ok(n) if (1..=max).contains(&n) => Ok(n),
                _ => Err(format!(
                    "„{name}“ muss eine ganze Zahl von 1 bis {max} sein, nicht „{text}“."
                )),
            },
        };
        Ok(Paging {
            page: number(page, "seite", 1, 1_000_000)?,
            per_page: number(per_page, "pro_seite", DEFAULT_PER_PAGE, MAX_PER_PAGE)?,
        })
    }

    /// The index range of this page in a list of `total` items (empty past the end).
    pub fn range(self, total: usize) -> std::ops::Range<usize> {
        let start = ((self.page - 1) * self.per_page).min(total);
        start..(start + self.per_page).min(total)
    }

    pub fn pages(self, total: usize) -> usize {
        total.div_ceil(self.per_page).max(1)
    }
}

/// A page of a list, as answered.
#[derive(Serialize)]
pub struct Page<T> {
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub pages: usize,
    pub items: Vec<T>,
}

impl<T> Page<T> {
    /// The same page with each item made into another.
    fn map<U>(self, item: impl FnMut(T) -> U) -> Page<U> {
        Page {
            total: self.total,
            page: self.page,
            per_page: self.per_page,
            pages: self.pages,
            items: self.items.into_iter().map(item).collect(),
        }
    }
}

fn paged<T: Clone>(items: &[T], paging: Paging) -> Page<T> {
    Page {
        total: items.len(),
        page: paging.page,
        per_page: paging.per_page,
        pages: paging.pages(items.len()),
        items: items[paging.range(items.len())].to_vec(),
    }
}

/// A weak entity tag of an answer's bytes (weak: compression changes the bytes on the wire).
pub fn entity_tag(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("W/\"{hex}\"")
}

fn http_date(unix_secs: i64) -> String {
    chrono::DateTime::from_timestamp(unix_secs, 0)
        .unwrap_or_default()
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string()
}

/// A refused request: its status and the German reason, answered as `{"fehler": reason}`.
pub(crate) struct Refusal(pub StatusCode, pub String);

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (self.0, axum::Json(serde_json::json!({ "fehler": self.1 }))).into_response()
    }
}

pub(crate) fn refuse(status: StatusCode, reason: impl Into<String>) -> Response {
    Refusal(status, reason.into()).into_response()
}

fn storage_failed(error: AppError) -> Refusal {
    Refusal(error.status(), error.to_string())
}

/// The time the public data last changed: the last edit, or when this server started (it may
/// have loaded data then).
async fn last_modified(state: &ApiState) -> i64 {
    let edited = crate::offers::service::last_change_in(state.offers.as_ref())
        .await
        .unwrap_or(0);
    edited.max(state.started_at)
}

/// How long (seconds) an answer is kept in memory at most: `jetzt=1` is judged at the minute.
const KEPT_ANSWER_SECS: &str = "60";

/// Answers `value` as JSON (or another `content_type`) with caching headers, or 304 when the
/// client's copy is current.
pub(crate) async fn cached(
    state: &ApiState,
    headers: &HeaderMap,
    content_type: &'static str,
    body: Vec<u8>,
    extra: Vec<(header::HeaderName, String)>,
) -> Response {
    let etag = entity_tag(&body);
    let modified = last_modified(state).await;
    let mut response = if client_copy_is_current(headers, &etag, Some(modified)) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut response = body.into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        for (name, value) in extra {
            if let Ok(value) = HeaderValue::from_str(&value) {
                response.headers_mut().insert(name, value);
            }
        }
        // The same for every client of this address until the data changes: kept and
        // answered from memory (`platform::page_cache`). A minute at most, as "open now" is
        // judged at the minute of answering.
        response.headers_mut().insert(
            crate::platform::page_cache::SHARED_PAGE,
            HeaderValue::from_static(KEPT_ANSWER_SECS),
        );
        response
    };
    let headers = response.headers_mut();
    for (name, value) in [
        (header::ETAG, etag),
        (header::LAST_MODIFIED, http_date(modified)),
        (
            header::CACHE_CONTROL,
            format!("public, max-age={MAX_AGE_SECS}"),
        ),
        (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*".to_string()),
        // Absolute links name the site; in a local trial that follows the Host asked for.
        (header::VARY, "Host".to_string()),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
    response
}

fn json_bytes(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

#[derive(Clone, Serialize)]
pub struct ApiReference {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Serialize)]
pub struct ApiAddress {
    pub street: String,
    pub postcode: String,
    pub town: String,
    pub municipality_ags: String,
    pub municipality: String,
}

#[derive(Clone, Serialize)]
pub struct ApiHours {
    /// 1 = Monday … 7 = Sunday (ISO 8601).
    pub weekday: u8,
    pub opens: String,
    pub closes: String,
}

/// An offer as the API answers it: public fields only.
#[derive(Clone, Serialize)]
pub struct ApiOffer {
    pub id: i64,
    pub external_id: Option<String>,
    pub name: String,
    pub organization: ApiReference,
    pub description: String,
    pub topics: Vec<&'static str>,
    pub life_phases: Vec<&'static str>,
    pub languages: Vec<&'static str>,
    pub delivery: Vec<&'static str>,
    pub cost: &'static str,
    pub cost_note: String,
    pub wheelchair_accessible: bool,
    pub accessibility_note: String,
    pub address: ApiAddress,
    /// A protected place (Schutzadresse): street and postcode are empty and `lat`/`lon` are
    /// the municipality's centre; families ask by phone.
    pub address_on_request: bool,
    /// `address` (the place itself) or `municipality` (its town's centre).
    pub location_precision: &'static str,
    /// Whether the public map shows it (a protected place may be listed only).
    pub shown_on_map: bool,
    pub lat: f64,
    pub lon: f64,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub opening_hours: Vec<ApiHours>,
    pub hours_note: String,
    /// Closed in the school holidays of the region (the hours apply in term time).
    pub closed_in_school_holidays: bool,
    /// ISO date.
    pub last_checked: String,
    /// Closed until this day (ISO, included), still listed; `None` when open.
    pub temporarily_closed_until: Option<String>,
    pub closure_reason: String,
    /// "ja", "nein" or "anfrage", said on `availability_date` (recent only); `None` unknown.
    pub free_places: Option<String>,
    /// The wait in weeks, said on `availability_date` (recent only); `None` unknown.
    pub wait_weeks: Option<u32>,
    pub availability_date: Option<String>,
    /// Short descriptions in other languages, by language code.
    pub summaries: BTreeMap<String, String>,
    /// The offer's public page, relative to this site.
    pub page: String,
    pub demo: bool,
}

impl From<&PublicOfferRecord> for ApiOffer {
    fn from(record: &PublicOfferRecord) -> Self {
        let d = &record.detail;
        ApiOffer {
            id: d.id,
            external_id: record.external_id.clone(),
            name: d.name.clone(),
            organization: ApiReference {
                id: record.organization_id,
                name: d.organization.clone(),
            },
            description: d.description.clone(),
            topics: d.topics.iter().map(Topic::code).collect(),
            life_phases: d.phases.iter().map(LifePhase::code).collect(),
            languages: d.languages.iter().map(Language::code).collect(),
            delivery: d.delivery.iter().map(Delivery::code).collect(),
            cost: d.cost.code(),
            cost_note: d.cost_note.clone(),
            wheelchair_accessible: d.wheelchair,
            accessibility_note: d.accessibility_note.clone(),
            address: ApiAddress {
                street: d.address.street.clone(),
                postcode: d.address.postcode.clone(),
                town: d.address.town.clone(),
                municipality_ags: record.municipality_ags.clone(),
                municipality: d.address.municipality.clone(),
            },
            address_on_request: d.address_on_request,
            location_precision: if d.address_on_request {
                "municipality"
            } else {
                "address"
            },
            shown_on_map: !d.off_map,
            lat: d.lat,
            lon: d.lon,
            phone: d.phone.clone(),
            email: d.email.clone(),
            website: d.website.clone(),
            opening_hours: d
                .opening_hours
                .iter()
                .map(|slot| ApiHours {
                    weekday: slot.weekday.number(),
                    opens: slot.opens.to_string(),
                    closes: slot.closes.to_string(),
                })
                .collect(),
            hours_note: d.hours_note.clone(),
            closed_in_school_holidays: d.closed_in_school_holidays,
            last_checked: d.last_checked.to_string(),
            temporarily_closed_until: (!d.closed_until.is_empty()).then(|| d.closed_until.clone()),
            closure_reason: d.closed_reason.clone(),
            free_places: (!d.free_places.is_empty()).then(|| d.free_places.clone()),
            wait_weeks: d.wait_weeks.parse().ok(),
            availability_date: (!d.free_places.is_empty() || !d.wait_weeks.is_empty())
                .then(|| d.availability_confirmed.clone()),
            summaries: d.summaries.iter().cloned().collect(),
            page: format!("/angebot/{}", d.id),
            demo: d.is_demo,
        }
    }
}

#[derive(Clone, Serialize)]
pub struct ApiOrganization {
    pub id: i64,
    pub external_id: Option<String>,
    pub name: String,
    pub description: String,
    pub website: String,
}

impl From<&PublicOrganization> for ApiOrganization {
    fn from(o: &PublicOrganization) -> Self {
        ApiOrganization {
            id: o.id,
            external_id: o.external_id.clone(),
            name: o.name.clone(),
            description: o.description.clone(),
            website: o.website.clone(),
        }
    }
}

#[derive(Clone)]
pub struct ApiState {
    pub app: AppState,
    /// The public read model: the APIs never ask the database.
    pub offers: std::sync::Arc<crate::offers::read_model::PublicReadModel>,
    /// When this server started (Unix seconds): the earliest the data can have changed.
    pub started_at: i64,
    /// The state the region lies in, for addresses (HSDS).
    pub state_province: String,
}

/// The public offers prepared for the map's filters and search: the one place the open-data
/// APIs take them from, so that `/api/v1/offers?q=` and the HSDS API's `search` find and order
/// alike.
pub(crate) async fn public_search(
    state: &ApiState,
) -> Result<std::sync::Arc<crate::offers::read_model::PublicSearch>, Refusal> {
    state
        .offers
        .search(&state.app.region)
        .await
        .map_err(|error| storage_failed(error.into()))
}

/// The active offers matching the map's filters in `query`: the records and, in the map's
/// order, the places of the matching ones among them (an answer builds only the page it
/// shows). A filter value the map would ignore is refused here, with the map's German reason.
async fn matching_offers(
    state: &ApiState,
    query: &Pairs,
) -> Result<(std::sync::Arc<Vec<PublicOfferRecord>>, Vec<usize>), Refusal> {
    let filter_pairs = query
        .iter()
        .filter(|(k, _)| k != "seite" && k != "pro_seite")
        .map(|(k, v)| (k.as_str(), v.as_str()));
    // Codes and numbers are taken as written: a value with spaces or line breaks around it is
    // none of the values the description lists (search words and places may have them).
    if let Some((name, _)) = query
        .iter()
        .find(|(k, v)| !matches!(k.as_str(), "q" | "bei") && v.trim() != v.as_str())
    {
        return Err(Refusal(
            StatusCode::BAD_REQUEST,
            format!("„{name}“ hat Leerzeichen oder Zeilenumbrüche am Anfang oder Ende."),
        ));
    }
    // The description says these are whole numbers: an empty one is no number.
    if let Some((name, _)) = query
        .iter()
        .find(|(k, v)| k == "alter" && v.trim().is_empty())
    {
        return Err(Refusal(
            StatusCode::BAD_REQUEST,
            format!("„{name}“ ist leer: bitte eine ganze Zahl angeben oder weglassen."),
        ));
    }
    for name in ["q", "bei"] {
        if query
            .iter()
            .any(|(k, v)| k == name && v.chars().count() > MAX_QUERY_TEXT)
        {
            return Err(Refusal(
                StatusCode::BAD_REQUEST,
                format!("„{name}“ ist zu lang (höchstens {MAX_QUERY_TEXT} Zeichen)."),
            ));
        }
    }
    let region = state.app.region.clone();
    let parsed = ParsedQuery::parse(filter_pairs, |ags| region.knows_municipality(ags));
    if !parsed.notices.is_empty() {
        let reasons: Vec<String> = parsed.notices.into_iter().map(|n| n.message).collect();
        return Err(Refusal(StatusCode::BAD_REQUEST, reasons.join(" ")));
    }
    let records = crate::offers::service::records_in(state.offers.as_ref())
        .await
        .map_err(storage_failed)?;
    let search = public_search(state).await?;
    let result = search.apply(&parsed.filter);
    if result.unknown_place {
        // The place named is not there to sort by: "not found", as its description says.
        return Err(Refusal(
            StatusCode::NOT_FOUND,
            format!(
                "Den Ort „{}“ kennt die Chancenkarte nicht.",
                parsed.filter.near
            ),
        ));
    }
    let place_of: std::collections::HashMap<i64, usize> = records
        .iter()
        .enumerate()
        .map(|(place, record)| (record.detail.id, place))
        .collect();
    let matching = result
        .matching
        .iter()
        .filter_map(|&i| place_of.get(&search.searchable().offers()[i].id).copied())
        .collect();
    Ok((records, matching))
}

fn paging_of(query: &Pairs) -> Result<Paging, Refusal> {
    Paging::parse(first(query, "seite"), first(query, "pro_seite"))
        .map_err(|reason| Refusal(StatusCode::BAD_REQUEST, reason))
}

/// `Link` header with the neighbouring pages, keeping the other query parameters.
fn page_links(path: &str, query: &Pairs, paging: Paging, pages: usize) -> String {
    let link = |page: usize, rel: &str| {
        let mut pairs: Vec<(&str, String)> = query
            .iter()
            .filter(|(k, _)| k != "seite")
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        pairs.push(("seite", page.to_string()));
        format!(
            "<{path}?{}>; rel=\"{rel}\"",
            crate::shared::query_pairs::encode_query(&pairs)
        )
    };
    let mut links = vec![link(1, "first"), link(pages, "last")];
    if paging.page > 1 {
        links.push(link(paging.page - 1, "prev"));
    }
    if paging.page < pages {
        links.push(link(paging.page + 1, "next"));
    }
    links.join(", ")
}

async fn offers(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Query(query): Query<Pairs>,
) -> Response {
    let paging = match paging_of(&query) {
        Ok(paging) => paging,
        Err(refused) => return refused.into_response(),
    };
    let (records, matching) = match matching_offers(&state, &query).await {
        Ok(found) => found,
        Err(refused) => return refused.into_response(),
    };
    let page = paged(&matching, paging).map(|place| ApiOffer::from(&records[place]));
    answer_built_page(&state, &headers, "/api/v1/offers", &query, &page, paging).await
}

/// One page of `items` as JSON, with the `Link` header to its neighbours and caching headers.
async fn answer_page<T: Clone + Serialize>(
    state: &ApiState,
    headers: &HeaderMap,
    path: &str,
    query: &Pairs,
    items: &[T],
    paging: Paging,
) -> Response {
    answer_built_page(state, headers, path, query, &paged(items, paging), paging).await
}

/// [`answer_page`] for a page already cut.
async fn answer_built_page<T: Serialize>(
    state: &ApiState,
    headers: &HeaderMap,
    path: &str,
    query: &Pairs,
    page: &Page<T>,
    paging: Paging,
) -> Response {
    let links = page_links(path, query, paging, page.pages);
    cached(
        state,
        headers,
        "application/json",
        json_bytes(page),
        vec![(header::LINK, links)],
    )
    .await
}

async fn offer(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        // A whole number too large for any offer names no offer; anything else is no number.
        let (status, reason) = if !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()) {
            (
                StatusCode::NOT_FOUND,
                format!("Ein öffentliches Angebot {id} gibt es nicht."),
            )
        } else {
            (
                StatusCode::BAD_REQUEST,
                format!("„{id}“ ist keine Angebotsnummer."),
            )
        };
        return refuse(status, reason);
    };
    match crate::offers::service::records_in(state.offers.as_ref()).await {
        Ok(records) => match records.iter().find(|r| r.detail.id == id) {
            Some(record) => {
                let body = json_bytes(&ApiOffer::from(record));
                cached(&state, &headers, "application/json", body, Vec::new()).await
            }
            None => refuse(
                StatusCode::NOT_FOUND,
                format!("Ein öffentliches Angebot {id} gibt es nicht (mehr)."),
            ),
        },
        Err(error) => storage_failed(error).into_response(),
    }
}

/// The offers as a GeoJSON FeatureCollection, one feature per location, same filters.
async fn offers_geojson(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Query(query): Query<Pairs>,
) -> Response {
    let (records, matching) = match matching_offers(&state, &query).await {
        Ok(found) => found,
        Err(refused) => return refused.into_response(),
    };
    let features: Vec<serde_json::Value> = matching
        .into_iter()
        .map(|place| ApiOffer::from(&records[place]))
        .map(|offer| {
            let (lon, lat) = (offer.lon, offer.lat);
            let mut properties = serde_json::to_value(&offer).unwrap_or_default();
            if let Some(map) = properties.as_object_mut() {
                map.remove("lat");
                map.remove("lon");
            }
            // A protected place the map does not show has no point here either.
            let geometry = if offer.shown_on_map {
                serde_json::json!({ "type": "Point", "coordinates": [lon, lat] })
            } else {
                serde_json::Value::Null
            };
            serde_json::json!({
                "type": "Feature",
                "id": offer.id,
                "geometry": geometry,
                "properties": properties,
            })
        })
        .collect();
    let collection = serde_json::json!({
        "type": "FeatureCollection",
        "features": features,
    });
    cached(
        &state,
        &headers,
        "application/geo+json",
        json_bytes(&collection),
        Vec::new(),
    )
    .await
}

async fn organizations(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Query(query): Query<Pairs>,
) -> Response {
    let paging = match paging_of(&query) {
        Ok(paging) => paging,
        Err(refused) => return refused.into_response(),
    };
    match crate::offers::service::organizations_in(state.offers.as_ref()).await {
        Ok(organizations) => {
            let items: Vec<ApiOrganization> =
                organizations.iter().map(ApiOrganization::from).collect();
            answer_page(
                &state,
                &headers,
                "/api/v1/organizations",
                &query,
                &items,
                paging,
            )
            .await
        }
        Err(error) => storage_failed(error).into_response(),
    }
}

#[derive(Serialize)]
struct ApiMunicipality {
    ags: String,
    name: String,
    population: Option<i64>,
    population_source: String,
    centre_lat: f64,
    centre_lon: f64,
}

async fn municipalities(State(state): State<ApiState>, headers: HeaderMap) -> Response {
    let base = match crate::planning::service::planning_base(&state.app) {
        Ok(base) => base,
        Err(error) => return error.into_response(),
    };
    let items: Vec<ApiMunicipality> = base
        .towns
        .iter()
        .map(|town| ApiMunicipality {
            ags: town.ags.clone(),
            name: town.name.clone(),
            population: town.population,
            population_source: base.population_source.clone(),
            centre_lat: town.lat,
            centre_lon: town.lon,
        })
        .collect();
    cached(
        &state,
        &headers,
        "application/json",
        json_bytes(&items),
        Vec::new(),
    )
    .await
}

#[derive(Serialize)]
struct Term {
    code: &'static str,
    label: &'static str,
}

fn terms<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<Term> {
    all.iter()
        .map(|&item| Term {
            code: code(item),
            label: label(item),
        })
        .collect()
}

async fn taxonomy(State(state): State<ApiState>, headers: HeaderMap) -> Response {
    let body = serde_json::json!({
        "topics": terms(Topic::ALL, Topic::code, Topic::label),
        "life_phases": terms(LifePhase::ALL, LifePhase::code, LifePhase::label),
        "languages": terms(Language::ALL, Language::code, Language::label),
        "cost": terms(Cost::ALL, Cost::code, Cost::label),
        "delivery": terms(Delivery::ALL, Delivery::code, Delivery::label),
    });
    cached(
        &state,
        &headers,
        "application/json",
        json_bytes(&body),
        Vec::new(),
    )
    .await
}

async fn openapi(State(state): State<ApiState>, headers: HeaderMap) -> Response {
    let ags: Vec<&str> = state
        .app
        .region
        .municipalities
        .iter()
        .map(|m| m.ags.as_str())
        .collect();
    cached(
        &state,
        &headers,
        "application/json",
        json_bytes(&openapi_document(&ags)),
        Vec::new(),
    )
    .await
}

/// The description of `/api/v1` with the codes it accepts written in: the vocabularies' codes
/// and this region's municipality keys as enumerations (an empty value means no filter), so a
/// client, or a tool that generates requests from it, knows every value the server takes.
pub fn openapi_document(municipalities: &[&str]) -> serde_json::Value {
    fn codes<T: Copy>(all: &[T], code: impl Fn(T) -> &'static str) -> Vec<String> {
        std::iter::once(String::new())
            .chain(all.iter().map(|item| code(*item).to_string()))
            .collect()
    }
    // A unit test makes sure the file parses.
    let mut document: serde_json::Value = serde_json::from_str(OPENAPI).unwrap_or_default();
    let enums = [
        ("phase", codes(LifePhase::ALL, LifePhase::code)),
        ("thema", codes(Topic::ALL, Topic::code)),
        ("sprache", codes(Language::ALL, Language::code)),
        (
            "ort",
            std::iter::once(String::new())
                .chain(municipalities.iter().map(|ags| ags.to_string()))
                .collect(),
        ),
    ];
    let operations = document["paths"]
        .as_object_mut()
        .into_iter()
        .flat_map(|paths| paths.values_mut())
        .filter_map(|path| path.as_object_mut())
        .flat_map(|path| path.values_mut());
    for operation in operations {
        let Some(parameters) = operation
            .get_mut("parameters")
            .and_then(|parameters| parameters.as_array_mut())
        else {
            continue;
        };
        for parameter in parameters {
            let name = parameter["name"].as_str().unwrap_or_default().to_string();
            if let Some((_, values)) = enums.iter().find(|(key, _)| *key == name) {
                parameter["schema"]["enum"] = serde_json::json!(values);
            }
        }
    }
    document
}

/// The longest search text or place the API takes (as its description says).
pub const MAX_QUERY_TEXT: usize = 100;

async fn unknown() -> Response {
    refuse(
        StatusCode::NOT_FOUND,
        "Diesen Endpunkt gibt es nicht. Die Beschreibung der Schnittstelle: /api/v1/openapi.json",
    )
}

/// The routes of `/api/v1`.
pub fn routes<S: Clone + Send + Sync + 'static>(state: ApiState) -> Router<S> {
    Router::new()
        .route("/api/v1/offers", get(offers))
        .route("/api/v1/offers.geojson", get(offers_geojson))
        .route("/api/v1/offers/{id}", get(offer))
        .route("/api/v1/organizations", get(organizations))
        .route("/api/v1/municipalities", get(municipalities))
        .route("/api/v1/taxonomy", get(taxonomy))
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/{*rest}", get(unknown))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_description_names_every_accepted_code() {
        let document = openapi_document(&["05558012"]);
        let parameters = document["paths"]["/api/v1/offers"]["get"]["parameters"]
            .as_array()
            .unwrap();
        let enum_of = |name: &str| {
            parameters
                .iter()
                .find(|p| p["name"] == name)
                .map(|p| p["schema"]["enum"].clone())
                .unwrap()
        };
        assert_eq!(enum_of("ort"), serde_json::json!(["", "05558012"]));
        let topics = enum_of("thema");
        assert_eq!(topics.as_array().unwrap().len(), Topic::ALL.len() + 1);
        assert!(
            topics
                .as_array()
                .unwrap()
                .contains(&serde_json::json!("beratung"))
        );
    }

    #[test]
    fn paging_reads_its_parameters_and_cuts_the_list() {
        let default = Paging::parse(None, None).unwrap();
        assert_eq!(
            default,
            Paging {
                page: 1,
                per_page: DEFAULT_PER_PAGE
            }
        );
        let third = Paging::parse(Some("3"), Some("10")).unwrap();
        assert_eq!(third.range(25), 20..25);
        assert_eq!(third.pages(25), 3);
        assert_eq!(
            Paging::parse(Some("9"), Some("10")).unwrap().range(25),
            25..25
        );
        assert_eq!(Paging::parse(None, None).unwrap().pages(0), 1);
        let refused = Paging::parse(Some("0"), None).unwrap_err();
        assert!(refused.contains("„seite“"), "{refused}");
        assert!(Paging::parse(None, Some("201")).is_err());
        assert!(Paging::parse(None, Some("zehn")).is_err());
    }

    #[test]
    fn a_client_copy_is_current_by_tag_or_by_date() {
        let tag = entity_tag(b"abc");
        assert!(tag.starts_with("W/\"") && tag.len() == 4 + 24);
        assert_ne!(tag, entity_tag(b"abd"));
        let mut headers = HeaderMap::new();
        assert!(!client_copy_is_current(&headers, &tag, Some(1000)));
        headers.insert(header::IF_NONE_MATCH, tag.parse().unwrap());
        assert!(client_copy_is_current(&headers, &tag, Some(1000)));
        headers.insert(header::IF_NONE_MATCH, "\"other\"".parse().unwrap());
        assert!(!client_copy_is_current(&headers, &tag, Some(1000)));
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_MODIFIED_SINCE, http_date(2000).parse().unwrap());
        assert!(client_copy_is_current(&headers, &tag, Some(2000)));
        assert!(!client_copy_is_current(&headers, &tag, Some(2001)));
    }
}
