//! Protected addresses (Schutzadresse) over real HTTP: an offer whose place is protected shows
//! its town and "Adresse auf Anfrage" to the public, and its street, postcode and coordinates
//! reach no anonymous response — no page, page data, API, export or print view, nor the log —
//! while members see it (unless only editors may) and editors keep editing it.

mod common;

use common::{Visitor, signed_in, start};

const MEMBER: usize = 0;
const EDITOR: usize = 1;

/// Two places nobody else has: the demo data's streets and positions are elsewhere.
const MEMBERS_PLACE: [(&str, &str); 5] = [
    ("street", "Verborgener Winkel 13"),
    ("postcode", "48249"),
    ("town", "Dülmen"),
    ("lat", "51.84213"),
    ("lon", "7.31957"),
];
const EDITORS_PLACE: [(&str, &str); 5] = [
    ("street", "Stiller Pfad 4"),
    ("postcode", "48653"),
    ("town", "Coesfeld"),
    ("lat", "51.95432"),
    ("lon", "7.18765"),
];

/// Whether `body` shows anything of `place` that the public must not see.
fn shows(body: &str, place: &[(&str, &str); 5]) -> Option<&'static str> {
    let street = place[0].1.split(' ').next().unwrap_or_default();
    [
        (street, "the street"),
        (place[3].1, "the latitude"),
        (place[4].1, "the longitude"),
    ]
    .into_iter()
    .find(|(marker, _)| body.contains(*marker))
    .map(|(_, what)| what)
}

async fn move_to(editor: &Visitor, id: i64, place: &[(&str, &str); 5]) {
    let version = editor.offer_version(id).await;
    let id_text = id.to_string();
    let mut form = vec![("id", id_text.as_str()), ("version", version.as_str())];
    form.extend(place.iter().copied());
    let moved = editor.post("/api/redaktion/standort", &form).await;
    assert_eq!(moved.status, 200, "{}", moved.body);
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|error| panic!("{error}: {body}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_protected_place_reaches_nobody_but_those_allowed() {
    let running = start().await;
    let anonymous = Visitor::new(&running);
    let editor = signed_in(&running, EDITOR).await;
    let member = signed_in(&running, MEMBER).await;

    // The demo data protects the pregnancy counselling places (members see the address).
    let offers = json(&anonymous.get("/api/offers").await.body);
    let offers = offers.as_array().unwrap();
    let protected: Vec<i64> = offers
        .iter()
        .filter(|offer| offer["a"] == true)
        .map(|offer| offer["id"].as_i64().unwrap())
        .collect();
    assert!(!protected.is_empty(), "the demo data has protected places");
    let for_members = protected[0];
    move_to(&editor, for_members, &MEMBERS_PLACE).await;
    // An editor protects another offer so that only editors see its address, off the map.
    let for_editors = offers
        .iter()
        .map(|offer| offer["id"].as_i64().unwrap())
        .find(|id| !protected.contains(id))
        .unwrap();
    move_to(&editor, for_editors, &EDITORS_PLACE).await;
    let saved = editor
        .save_field(for_editors, "schutzadresse", "ohne-karte-redaktion")
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let refused = editor
        .save_field(for_editors, "schutzadresse", "geheim")
        .await;
    assert_eq!(refused.status, 400);
    assert!(refused.body.contains("geschützt"), "{}", refused.body);

    // The public summary: the town centre, "address on request", and off the map by choice.
    let offers = json(&anonymous.get("/api/offers").await.body);
    let summary = |id: i64| {
        offers
            .as_array()
            .unwrap()
            .iter()
            .find(|offer| offer["id"] == id)
            .cloned()
            .unwrap()
    };
    let region = json(&anonymous.get("/api/v1/municipalities").await.body);
    let duelmen = region
        .get("items")
        .unwrap_or(&region)
        .as_array()
        .unwrap()
        .iter()
        .find(|town| town["name"] == "Dülmen")
        .cloned()
        .unwrap();
    let members_summary = summary(for_members);
    assert_eq!(members_summary["a"], true);
    assert!(members_summary.get("k").is_none(), "{members_summary}");
    let centre_distance = (members_summary["y"].as_f64().unwrap()
        - duelmen["centre_lat"].as_f64().unwrap_or(f64::NAN))
    .abs();
    assert!(
        centre_distance < 1e-4,
        "at the town centre: {members_summary} {duelmen}"
    );
    assert_eq!(summary(for_editors)["k"], true);

    // The offer's own page says so and keeps the public phone, without a route.
    let page = anonymous.get(&format!("/angebot/{for_members}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Adresse auf Anfrage"), "{}", page.body);
    assert!(page.body.contains("call-link"));
    assert!(!page.body.contains("route-link"));

    // Nothing of either place in any anonymous response: every route and export.
    let ids: Vec<i64> = [for_members, for_editors]
        .into_iter()
        .chain(
            offers
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["id"].as_i64().unwrap()),
        )
        .collect();
    let mut paths = common::anonymous_paths(&ids);
    let package = json(
        &anonymous
            .get("/api/hsds/tabular/datapackage.json")
            .await
            .body,
    );
    for resource in package["resources"].as_array().unwrap() {
        paths.push(format!(
            "/api/hsds/tabular/{}",
            resource["path"].as_str().unwrap()
        ));
    }
    paths.push(format!("/drucken?ort={}", duelmen["ags"].as_str().unwrap()));
    paths.push("/drucken?thema=beratung".into());
    let mut public_answers = 0;
    for path in &paths {
        let reply = anonymous.get(path).await;
        public_answers += usize::from(reply.status == 200);
        for place in [&MEMBERS_PLACE, &EDITORS_PLACE] {
            if let Some(what) = shows(&reply.body, place) {
                panic!("{path} shows {what} of a protected place:\n{}", reply.body);
            }
        }
    }
    assert!(
        public_answers > 100,
        "the routes answered: {public_answers}"
    );
    // The open data says how precise the place is, and the HSDS location has no address.
    let api = json(
        &anonymous
            .get(&format!("/api/v1/offers/{for_members}"))
            .await
            .body,
    );
    assert_eq!(api["address_on_request"], true);
    assert_eq!(api["location_precision"], "municipality");
    assert_eq!(api["address"]["street"], "");
    let geojson = json(&anonymous.get("/api/v1/offers.geojson").await.body);
    let feature = geojson["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|feature| feature["id"] == for_editors)
        .cloned()
        .unwrap();
    assert!(feature["geometry"].is_null(), "{feature}");
    let service = json(
        &anonymous
            .get(&format!(
                "/api/hsds/services/{}",
                app::open_data::hsds::hsds_id("service", for_members)
            ))
            .await
            .body,
    );
    let location = &service["service_at_locations"][0]["location"];
    assert!(location["latitude"].is_null(), "{location}");
    assert_eq!(
        location["addresses"].as_array().map_or(0, Vec::len),
        0,
        "{location}"
    );
    // A search for the street finds nothing protected.
    let search = json(
        &anonymous
            .get("/api/v1/offers?q=Verborgener%20Winkel&pro_seite=200")
            .await
            .body,
    );
    assert!(
        !search
            .to_string()
            .contains(&format!("\"id\":{for_members},")),
        "{search}"
    );

    // Members see the members' place at the top of the offer, not the editors' one.
    let page = member.get(&format!("/angebot/{for_members}")).await.body;
    assert!(page.contains("Verborgener Winkel 13"), "{page}");
    for path in [
        format!("/angebot/{for_editors}"),
        format!("/kartenfenster/angebot/{for_editors}"),
        format!("/api/mitglieder/angebot?id={for_editors}"),
        "/netzwerk".to_string(),
        "/api/mitglieder/verzeichnis".to_string(),
    ] {
        let reply = member.get(&path).await;
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(
            shows(&reply.body, &EDITORS_PLACE),
            None,
            "{path}: {}",
            reply.body
        );
    }
    // Editors keep the place, and the export keeps the protection for a round trip.
    let export = editor.get("/redaktion/angebote.csv").await.body;
    assert!(export.contains("Stiller Pfad 4") && export.contains("schutzadresse"));
    assert!(export.contains("ohne-karte-redaktion"));
    // Nor is any of it in the server's log.
    let log = running.output();
    for place in [&MEMBERS_PLACE, &EDITORS_PLACE] {
        assert_eq!(shows(&log, place), None, "{log}");
    }
}
