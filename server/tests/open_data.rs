//! The public JSON API `/api/v1` and the GeoJSON over real HTTP against the real server with
//! the demo data: paging, filters, caching headers, the OpenAPI description matching what is
//! served, and no member-only data anywhere.

mod common;

use common::{Visitor, assert_no_member_data, start};
use serde_json::Value;

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|error| panic!("{error}: {body}"))
}

fn ids(page: &Value) -> Vec<i64> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offers_come_in_pages_that_add_up_to_all() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    let all: Vec<i64> = json(&visitor.get("/api/offers").await.body)
        .as_array()
        .unwrap()
        .iter()
        .map(|offer| offer["id"].as_i64().unwrap())
        .collect();
    let first = visitor.get("/api/v1/offers?pro_seite=40").await;
    assert_eq!(first.status, 200, "{}", first.body);
    let page = json(&first.body);
    assert_eq!(page["total"].as_u64().unwrap() as usize, all.len());
    assert_eq!(page["per_page"], 40);
    let pages = page["pages"].as_u64().unwrap() as usize;
    assert_eq!(pages, all.len().div_ceil(40));
    let link = first.headers["link"].to_str().unwrap();
    assert!(
        link.contains("pro_seite=40&seite=2>; rel=\"next\""),
        "{link}"
    );
    let mut seen = ids(&page);
    assert_eq!(seen.len(), 40);
    for number in 2..=pages {
        let page = json(
            &visitor
                .get(&format!("/api/v1/offers?pro_seite=40&seite={number}"))
                .await
                .body,
        );
        seen.extend(ids(&page));
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), seen.len(), "no offer on two pages");
    let mut expected = all.clone();
    expected.sort();
    assert_eq!(sorted, expected, "the pages hold every active offer");
    let past = json(
        &visitor
            .get(&format!("/api/v1/offers?pro_seite=40&seite={}", pages + 1))
            .await
            .body,
    );
    assert!(ids(&past).is_empty());

    for (query, reason) in [
        ("seite=0", "„seite“"),
        ("pro_seite=500", "„pro_seite“"),
        ("thema=unsinn", "Das Thema „unsinn“ gibt es nicht"),
        ("alter=99", "Das Alter „99“"),
        ("ort=123", "Den Ort „123“"),
    ] {
        let reply = visitor.get(&format!("/api/v1/offers?{query}")).await;
        assert_eq!(reply.status, 400, "{query}");
        let error = json(&reply.body);
        assert!(
            error["fehler"].as_str().unwrap().contains(reason),
            "{query}: {}",
            reply.body
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_work_as_on_the_map_and_geojson_has_one_feature_per_location() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    let counselling = json(
        &visitor
            .get("/api/v1/offers?thema=beratung&ort=05558016&pro_seite=200")
            .await
            .body,
    );
    let items = counselling["items"].as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        assert!(
            item["topics"]
                .as_array()
                .unwrap()
                .contains(&Value::from("beratung"))
        );
        assert_eq!(item["address"]["municipality_ags"], "05558016");
        assert_eq!(item["address"]["municipality"], "Dülmen");
    }
    let geojson = visitor
        .get("/api/v1/offers.geojson?thema=beratung&ort=05558016")
        .await;
    assert_eq!(geojson.status, 200);
    assert!(
        geojson.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/geo+json")
    );
    let collection = json(&geojson.body);
    assert_eq!(collection["type"], "FeatureCollection");
    let features = collection["features"].as_array().unwrap();
    assert_eq!(features.len(), items.len());
    for feature in features {
        assert_eq!(feature["geometry"]["type"], "Point");
        let lon = feature["geometry"]["coordinates"][0].as_f64().unwrap();
        let lat = feature["geometry"]["coordinates"][1].as_f64().unwrap();
        assert!((7.0..7.8).contains(&lon) && (51.6..52.1).contains(&lat));
        assert!(feature["properties"]["name"].is_string());
    }
    let all = json(&visitor.get("/api/v1/offers.geojson").await.body);
    let total = json(&visitor.get("/api/v1/offers").await.body)["total"].clone();
    assert_eq!(
        all["features"].as_array().unwrap().len() as u64,
        total.as_u64().unwrap()
    );

    let id = items[0]["id"].as_i64().unwrap();
    let one = visitor.get(&format!("/api/v1/offers/{id}")).await;
    assert_eq!(one.status, 200);
    assert_eq!(json(&one.body)["id"], id);
    let missing = visitor.get("/api/v1/offers/999999").await;
    assert_eq!(missing.status, 404);
    assert!(json(&missing.body)["fehler"].is_string());
    assert_eq!(visitor.get("/api/v1/offers/abc").await.status, 400);
    assert_eq!(visitor.get("/api/v1/gibtsnicht").await.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_carry_etag_and_last_modified_and_revalidate_with_304() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    for path in [
        "/api/v1/offers?thema=gesundheit",
        "/api/v1/organizations",
        "/api/v1/taxonomy",
        "/api/v1/municipalities",
        "/api/v1/offers.geojson",
    ] {
        let first = visitor.get(path).await;
        assert_eq!(first.status, 200, "{path}");
        let etag = first.headers["etag"].to_str().unwrap().to_string();
        let modified = first.headers["last-modified"].to_str().unwrap().to_string();
        assert!(etag.starts_with("W/\""), "{etag}");
        assert!(modified.ends_with(" GMT"), "{modified}");
        assert!(
            first.headers["cache-control"]
                .to_str()
                .unwrap()
                .contains("max-age=")
        );
        let again = visitor
            .client
            .get(format!("{}{path}", running.base))
            .header("if-none-match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304, "{path}");
        assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
        assert!(again.text().await.unwrap().is_empty());
        let by_date = visitor
            .client
            .get(format!("{}{path}", running.base))
            .header("if-modified-since", &modified)
            .send()
            .await
            .unwrap();
        assert_eq!(by_date.status(), 304, "{path}");
        let stale = visitor
            .client
            .get(format!("{}{path}", running.base))
            .header("if-none-match", "W/\"0000\"")
            .send()
            .await
            .unwrap();
        assert_eq!(stale.status(), 200, "{path}");
    }
    let health = visitor.get("/api/v1/offers?thema=gesundheit").await;
    let school = visitor.get("/api/v1/offers?thema=bildung-schule").await;
    assert_ne!(health.headers["etag"], school.headers["etag"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_description_matches_what_is_served_and_nothing_is_member_only() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    let description = json(&visitor.get("/api/v1/openapi.json").await.body);
    assert!(description["openapi"].as_str().unwrap().starts_with("3."));
    let first_id = ids(&json(&visitor.get("/api/v1/offers").await.body))[0];
    let paths = description["paths"].as_object().unwrap();
    assert!(paths.len() >= 7);
    for path in paths.keys() {
        let path = path.replace("{id}", &first_id.to_string());
        let reply = visitor.get(&path).await;
        assert_eq!(reply.status, 200, "{path}");
        assert_no_member_data(&path, &reply.body);
        for field in [
            "internal_note",
            "contacts",
            "working_group",
            "Ansprechperson",
        ] {
            assert!(!reply.body.contains(field), "{path} has {field}");
        }
    }
    // Every field the description calls required is in what is served, and nothing more.
    let offer = json(
        &visitor
            .get(&format!("/api/v1/offers/{first_id}"))
            .await
            .body,
    );
    let schema = &description["components"]["schemas"]["Offer"];
    for field in schema["required"].as_array().unwrap() {
        let field = field.as_str().unwrap();
        assert!(offer.get(field).is_some(), "the offer lacks {field}");
    }
    let documented = schema["properties"].as_object().unwrap();
    for field in offer.as_object().unwrap().keys() {
        assert!(documented.contains_key(field), "{field} is not documented");
    }
    let organizations = json(
        &visitor
            .get("/api/v1/organizations?pro_seite=200")
            .await
            .body,
    );
    assert!(organizations["total"].as_u64().unwrap() > 10);
    let taxonomy = json(&visitor.get("/api/v1/taxonomy").await.body);
    assert_eq!(taxonomy["topics"].as_array().unwrap().len(), 11);
    assert_eq!(taxonomy["life_phases"][1]["code"], "0-3");
    let municipalities = json(&visitor.get("/api/v1/municipalities").await.body);
    assert_eq!(municipalities.as_array().unwrap().len(), 11);
}
