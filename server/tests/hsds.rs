//! The HSDS 3.0 export over real HTTP against the real server with the demo data: every answer
//! of the HSDS API validates against the official HSDS 3.0 JSON Schemas (copied unchanged into
//! `app/hsds-3.0`) with a real JSON Schema validator; filters and paging; the tabular form
//! follows its datapackage; nothing member-only; `search` finds and orders as the app's search.

mod common;

use std::collections::{HashMap, HashSet};

use app::open_data::hsds::hsds_id;
use app::shared::query_pairs::encode_query;
use common::{Visitor, assert_no_member_data, start};
use serde_json::Value;

const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../app/hsds-3.0/schema");
/// The schemas refer to each other by file name; they are registered under this base.
const BASE: &str = "https://hsds.invalid/schema/";

fn read_json(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A validator for one official schema (`service.json`, `compiled/service_list.json`, …),
/// with every sibling schema resolvable and formats (uuid, email, uri, date-time) checked.
fn validator(name: &str) -> jsonschema::Validator {
    let mut options = jsonschema::options()
        .should_validate_formats(true)
        .with_base_uri(format!("{BASE}{name}"));
    for entry in std::fs::read_dir(SCHEMAS).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let file = path.file_name().unwrap().to_str().unwrap().to_string();
            let contents = read_json(path.to_str().unwrap());
            options = options.with_resource(
                format!("{BASE}{file}"),
                jsonschema::Resource::from_contents(contents).unwrap(),
            );
        }
    }
    options
        .build(&read_json(&format!("{SCHEMAS}/{name}")))
        .unwrap_or_else(|error| panic!("schema {name}: {error}"))
}

fn assert_valid(validator: &jsonschema::Validator, what: &str, instance: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|error| format!("{} at {}", error, error.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} is not valid HSDS 3.0: {errors:#?}"
    );
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|error| panic!("{error}: {body}"))
}

fn contents(page: &Value) -> &Vec<Value> {
    page["contents"].as_array().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_hsds_api_answers_validate_against_the_official_schemas() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    let mut everything = String::new();
    let mut get = async |path: &str| {
        let reply = visitor.get(path).await;
        assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        everything.push_str(&reply.body);
        json(&reply.body)
    };

    let service = validator("service.json");
    let service_list = validator("compiled/service_list.json");
    // The validator is not one that accepts anything.
    let listed = get("/api/hsds/services?per_page=200").await;
    let mut broken = contents(&listed)[0].clone();
    broken.as_object_mut().unwrap().remove("name");
    assert!(!service_list.is_valid(&broken), "a service without a name");
    let mut broken = contents(&listed)[0].clone();
    broken["id"] = Value::from("keine-uuid");
    assert!(!service_list.is_valid(&broken), "an id that is no UUID");

    let total = listed["total_items"].as_u64().unwrap();
    let v1_total = json(&visitor.get("/api/v1/offers").await.body)["total"]
        .as_u64()
        .unwrap();
    assert_eq!(total, v1_total, "one HSDS service per public offer");
    assert_eq!(listed["page_number"], 1);
    assert_eq!(listed["first_page"], true);
    for item in contents(&listed) {
        assert_valid(&service_list, "a listed service", item);
    }
    let pages = listed["total_pages"].as_u64().unwrap();
    let mut full_count = 0;
    for page in 1..=pages {
        let full = get(&format!(
            "/api/hsds/services?full=true&per_page=200&page={page}"
        ))
        .await;
        for item in contents(&full) {
            assert_valid(&service, "a full service", item);
            full_count += 1;
        }
    }
    assert_eq!(full_count, total);
    let first_id = contents(&listed)[0]["id"].as_str().unwrap().to_string();
    let one = get(&format!("/api/hsds/services/{first_id}")).await;
    assert_valid(&service, "one service", &one);
    assert!(
        !one["service_at_locations"][0]["location"]["addresses"][0]["postal_code"]
            .as_str()
            .unwrap()
            .is_empty()
    );
    let terms: Vec<&str> = one["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            a["taxonomy_term"]["taxonomy_detail"]["name"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(terms.contains(&"Chancenkarte: Themen"), "{terms:?}");
    assert!(terms.contains(&"Chancenkarte: Lebensphasen"), "{terms:?}");

    let organizations = get("/api/hsds/organizations?per_page=200").await;
    let organization_list = validator("compiled/organization_list.json");
    for item in contents(&organizations) {
        assert_valid(&organization_list, "a listed organization", item);
    }
    let organization = validator("organization.json");
    let org_id = contents(&organizations)[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let full_org = get(&format!(
        "/api/hsds/organizations/{org_id}?full_service=true"
    ))
    .await;
    assert_valid(&organization, "an organization", &full_org);
    let services = full_org["services"].as_array().unwrap();
    assert!(!services.is_empty());
    for item in services {
        assert_valid(&service, "a service of an organization", item);
    }

    let taxonomy = validator("taxonomy.json");
    let taxonomies = get("/api/hsds/taxonomies").await;
    // Topics, life phases, ways of access, and the place's properties (Schutzadresse).
    assert_eq!(contents(&taxonomies).len(), 4);
    for item in contents(&taxonomies) {
        assert_valid(&taxonomy, "a taxonomy", item);
    }
    let term = validator("taxonomy_term.json");
    let all_terms = get("/api/hsds/taxonomy_terms?per_page=200").await;
    assert_eq!(contents(&all_terms).len(), 11 + 9 + 4 + 1);
    for item in contents(&all_terms) {
        assert_valid(&term, "a taxonomy term", item);
    }
    assert!(
        contents(&all_terms)
            .iter()
            .any(|t| t["code"] == "0-3" && t["name"] == "0–3 Jahre")
    );

    let at_list = validator("compiled/service_at_location_list.json");
    let at_locations = get("/api/hsds/service_at_locations?per_page=200").await;
    assert_eq!(at_locations["total_items"].as_u64().unwrap(), total);
    for item in contents(&at_locations) {
        assert_valid(&at_list, "a listed service at a location", item);
    }
    let at_id = contents(&at_locations)[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let at_one = get(&format!("/api/hsds/service_at_locations/{at_id}")).await;
    assert_valid(
        &validator("service_at_location.json"),
        "a service at a location",
        &at_one,
    );
    assert_valid(
        &service,
        "the service of a service at a location",
        &at_one["service"],
    );
    let meta = get("/api/hsds/").await;
    assert_eq!(meta["version"], "3.0");
    let openapi = get("/api/hsds/openapi.json").await;
    assert!(openapi["paths"]["/services"].is_object());

    assert_no_member_data("the HSDS API", &everything);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_hsds_api_filters_and_pages_as_specified() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    let terms = json(
        &visitor
            .get("/api/hsds/taxonomy_terms?per_page=200")
            .await
            .body,
    );
    let counselling = contents(&terms)
        .iter()
        .find(|t| t["code"] == "beratung")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let filtered = json(
        &visitor
            .get(&format!(
                "/api/hsds/services?full=true&per_page=200&taxonomy_term_id={counselling}"
            ))
            .await
            .body,
    );
    let found = contents(&filtered);
    assert!(!found.is_empty());
    for service in found {
        assert!(
            service["attributes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["taxonomy_term_id"] == counselling.as_str())
        );
    }
    let v1 = json(&visitor.get("/api/v1/offers?thema=beratung").await.body);
    assert_eq!(
        filtered["total_items"], v1["total"],
        "the same offers as the map's filter"
    );

    let page_two = json(
        &visitor
            .get("/api/hsds/services?per_page=10&page=2")
            .await
            .body,
    );
    assert_eq!(page_two["size"], 10);
    assert_eq!(page_two["page_number"], 2);
    assert_eq!(page_two["first_page"], false);
    let first_org = contents(&page_two)[0]["organization_id"]
        .as_str()
        .unwrap()
        .to_string();
    let of_org = json(
        &visitor
            .get(&format!(
                "/api/hsds/services?per_page=200&organization_id={first_org}"
            ))
            .await
            .body,
    );
    assert!(
        contents(&of_org)
            .iter()
            .all(|s| s["organization_id"] == first_org.as_str())
    );
    let minimal = json(
        &visitor
            .get("/api/hsds/services?minimal=true&per_page=3")
            .await
            .body,
    );
    assert_eq!(
        contents(&minimal)[0]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["id", "last_modified"]
    );
    // Search and the other filters together: the offers the map finds with both.
    let searched = json(
        &visitor
            .get(&format!(
                "/api/hsds/services?search=Beratung&taxonomy_term_id={counselling}&per_page=200"
            ))
            .await
            .body,
    );
    let v1 = json(
        &visitor
            .get("/api/v1/offers?q=Beratung&thema=beratung&pro_seite=200")
            .await
            .body,
    );
    assert!(!contents(&searched).is_empty());
    assert_eq!(ids_of(&searched, "id"), service_ids_of(&v1));
    let in_coesfeld = json(
        &visitor
            .get("/api/hsds/service_at_locations?postcode=48653&per_page=200")
            .await
            .body,
    );
    assert!(!contents(&in_coesfeld).is_empty());
    for at in contents(&in_coesfeld) {
        assert_eq!(at["location"]["addresses"][0]["postal_code"], "48653");
    }
    for (path, status) in [
        ("/api/hsds/services?per_page=0", 400),
        ("/api/hsds/services?format=ndjson", 400),
        ("/api/hsds/services?modified_after=gestern", 400),
        (
            "/api/hsds/service_at_locations?postcode=48653&proximity=500",
            400,
        ),
        (
            "/api/hsds/services/00000000-0000-8000-8000-000000000000",
            404,
        ),
        ("/api/hsds/organizations/unbekannt", 404),
    ] {
        let reply = visitor.get(path).await;
        assert_eq!(reply.status, status, "{path}");
        assert!(json(&reply.body)["fehler"].is_string(), "{path}");
    }
}

/// The `field` of every item of an HSDS page, in order.
fn ids_of(page: &Value, field: &str) -> Vec<String> {
    contents(page)
        .iter()
        .map(|item| item[field].as_str().unwrap().to_string())
        .collect()
}

/// The HSDS service ids of the offers of an `/api/v1/offers` page, in order.
fn service_ids_of(v1: &Value) -> Vec<String> {
    v1["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|offer| hsds_id("service", offer["id"].as_i64().unwrap()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_hsds_search_finds_and_orders_as_the_apps_own_search() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    let unsearched = ids_of(
        &json(&visitor.get("/api/hsds/services?per_page=200").await.body),
        "id",
    );
    let mut reordered = false;
    // A typo, English, a compound, Arabic and Russian: all find the midwives' offers.
    for words in ["hebame", "midwife", "Stillberatung", "قابلة", "акушерка"] {
        let text = encode_query(&[("q", words)]);
        let v1 = json(
            &visitor
                .get(&format!("/api/v1/offers?{text}&pro_seite=200"))
                .await
                .body,
        );
        let expected = service_ids_of(&v1);
        assert!(
            !expected.is_empty(),
            "{words}: the app's search finds offers"
        );
        let text = encode_query(&[("search", words)]);
        let services = json(
            &visitor
                .get(&format!("/api/hsds/services?{text}&per_page=200"))
                .await
                .body,
        );
        assert_eq!(
            ids_of(&services, "id"),
            expected,
            "{words}: the same services as the app finds, best match first"
        );
        assert_eq!(services["total_items"], v1["total"], "{words}");
        // Page by page, the same order.
        let second = json(
            &visitor
                .get(&format!("/api/hsds/services?{text}&per_page=1&page=2"))
                .await
                .body,
        );
        assert_eq!(ids_of(&second, "id"), expected[1..2.min(expected.len())]);
        let at_locations = json(
            &visitor
                .get(&format!(
                    "/api/hsds/service_at_locations?{text}&per_page=200"
                ))
                .await
                .body,
        );
        assert_eq!(ids_of(&at_locations, "service_id"), expected, "{words}");
        let in_plain_order: Vec<&String> = unsearched
            .iter()
            .filter(|id| expected.contains(id))
            .collect();
        reordered |= in_plain_order.iter().copied().ne(expected.iter());
    }
    assert!(
        reordered,
        "some search orders by relevance, not as the plain list"
    );
    for path in [
        "/api/hsds/services?search=Xylqwrtzpfn",
        "/api/hsds/service_at_locations?search=Xylqwrtzpfn",
    ] {
        let nothing = json(&visitor.get(path).await.body);
        assert_eq!(nothing["total_items"], 0, "{path}");
        assert!(contents(&nothing).is_empty(), "{path}");
    }
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|record| {
            header
                .iter()
                .cloned()
                .zip(record.unwrap().iter().map(str::to_string))
                .collect()
        })
        .collect();
    (header, rows)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tabular_form_follows_its_datapackage() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    let package = json(&visitor.get("/api/hsds/tabular/datapackage.json").await.body);
    let resources = package["resources"].as_array().unwrap();
    assert_eq!(resources.len(), 13);
    let mut ids: HashMap<String, HashSet<String>> = HashMap::new();
    let mut tables: HashMap<String, Vec<HashMap<String, String>>> = HashMap::new();
    let mut everything = String::new();
    for resource in resources {
        let name = resource["name"].as_str().unwrap();
        let path = resource["path"].as_str().unwrap();
        let reply = visitor.get(&format!("/api/hsds/tabular/{path}")).await;
        assert_eq!(reply.status, 200, "{path}");
        everything.push_str(&reply.body);
        let (header, rows) = csv_rows(&reply.body);
        let fields: Vec<&str> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(header, fields, "{path} has the datapackage's columns");
        for field in resource["schema"]["fields"].as_array().unwrap() {
            if field["constraints"]["required"] == true {
                let column = field["name"].as_str().unwrap();
                assert!(
                    rows.iter().all(|row| !row[column].is_empty()),
                    "{path}: {column} is required"
                );
            }
        }
        let table_ids: HashSet<String> = rows.iter().map(|row| row["id"].clone()).collect();
        assert_eq!(table_ids.len(), rows.len(), "{path}: ids are unique");
        ids.insert(name.to_string(), table_ids);
        tables.insert(name.to_string(), rows);
    }
    // Every reference points at a row that is there.
    for (table, column, target) in [
        ("service", "organization_id", "organization"),
        ("attribute", "taxonomy_term_id", "taxonomy_term"),
        ("service_at_location", "service_id", "service"),
        ("service_at_location", "location_id", "location"),
        ("address", "location_id", "location"),
        ("schedule", "service_id", "service"),
        ("taxonomy_term", "taxonomy_id", "taxonomy"),
        ("cost_option", "service_id", "service"),
    ] {
        for row in &tables[table] {
            assert!(
                ids[target].contains(&row[column]),
                "{table}.{column} {} has no {target}",
                row[column]
            );
        }
    }
    // An attribute links a service (its topics …) or a location (a protected address).
    for row in &tables["attribute"] {
        let target = row["link_entity"].as_str();
        assert!(
            matches!(target, "service" | "location") && ids[target].contains(&row["link_id"]),
            "attribute.link_id {} has no {target}",
            row["link_id"]
        );
    }
    assert!(
        tables["attribute"]
            .iter()
            .any(|row| row["link_entity"] == "location"),
        "the demo data's protected places are marked"
    );
    let v1_total = json(&visitor.get("/api/v1/offers").await.body)["total"]
        .as_u64()
        .unwrap();
    assert_eq!(tables["service"].len() as u64, v1_total);
    assert_eq!(
        visitor.get("/api/hsds/tabular/geheim.csv").await.status,
        404
    );
    // The same files in one download.
    let zip = visitor
        .client
        .get(format!("{}/api/hsds/tabular.zip", running.base))
        .send()
        .await
        .unwrap();
    assert_eq!(zip.status(), 200);
    assert_eq!(zip.headers()["content-type"], "application/zip");
    let bytes = zip.bytes().await.unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    assert_eq!(archive.len(), 1 + resources.len());
    let mut services = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("services.csv").unwrap(), &mut services)
        .unwrap();
    assert_eq!(
        services,
        visitor.get("/api/hsds/tabular/services.csv").await.body
    );
    assert!(archive.by_name("datapackage.json").is_ok());
    assert_no_member_data("the tabular export", &everything);
}
