//! The planners' figures over real HTTP against the real server on a SQLite file with the demo
//! data: the matrix agrees with direct queries, the reach from a town with a matching offer is
//! short, the zero-result log keeps filters only, members only see any of it, and
//! administrators enter children per municipality.

mod common;

use common::{Running, Visitor, signed_in, start};
use sqlx::Connection;

const MEMBER: usize = 0;
const ADMIN: usize = 2;

/// CSV text as records of named fields.
fn records(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            header
                .iter()
                .zip(record.iter())
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

async fn database(running: &Running) -> sqlx::SqliteConnection {
    sqlx::SqliteConnection::connect(&running.database_url)
        .await
        .unwrap()
}

/// Active offers of a municipality with a topic and a life phase ("alle" for any), counted by
/// the database itself.
async fn direct_count(db: &mut sqlx::SqliteConnection, ags: &str, topic: &str, phase: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM offers o JOIN locations l ON l.id = o.location_id \
         WHERE o.status = 'active' AND l.municipality_ags = $1 \
         AND ($2 = 'alle' OR EXISTS (SELECT 1 FROM offer_topics t WHERE t.offer_id = o.id AND t.topic = $2)) \
         AND ($3 = 'alle' OR EXISTS (SELECT 1 FROM offer_life_phases p WHERE p.offer_id = o.id AND p.phase = $3))",
    )
    .bind(ags)
    .bind(topic)
    .bind(phase)
    .fetch_one(db)
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn matrix_counts_agree_with_direct_queries() {
    let running = start().await;
    let member = signed_in(&running, MEMBER).await;
    let reply = member.get("/planung/matrix.csv").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(
        reply.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let rows = records(&reply.body);
    // 11 municipalities × (11 topics + all) × (9 phases + all).
    assert_eq!(rows.len(), 11 * 12 * 10);
    let mut db = database(&running).await;
    let mut nonzero = 0;
    for row in &rows {
        let expected = direct_count(&mut db, &row["ags"], &row["thema"], &row["lebensphase"]).await;
        let count: i64 = row["angebote"].parse().unwrap();
        assert_eq!(count, expected, "{row:?}");
        nonzero += usize::from(count > 0);
        if count > 0 {
            let per_thousand: f64 = row["je_1000_einwohner"].parse().unwrap();
            assert!(per_thousand > 0.0, "{row:?}");
            assert_eq!(row["kinderzahl_geschaetzt"], "ja");
        }
    }
    assert!(
        nonzero > 100 && nonzero < rows.len(),
        "the demo data has offers and gaps: {nonzero}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reach_from_a_town_with_a_matching_offer_inside_is_short() {
    let running = start().await;
    let member = signed_in(&running, MEMBER).await;
    let matrix = records(&member.get("/planung/matrix.csv").await.body);
    let reach = member
        .get("/planung/erreichbarkeit.csv?thema=beratung&weite=10")
        .await;
    assert_eq!(reach.status, 200, "{}", reach.body);
    let reach = records(&reach.body);
    assert_eq!(reach.len(), 11);
    let mut towns_with_offer = 0;
    for town in &reach {
        let has_own = matrix.iter().any(|row| {
            row["ags"] == town["ags"]
                && row["thema"] == "beratung"
                && row["lebensphase"] == "alle"
                && row["angebote"] != "0"
        });
        let km: f64 = town["entfernung_km"].parse().unwrap();
        if has_own {
            towns_with_offer += 1;
            assert!(km < 5.0, "{town:?}");
            assert_eq!(town["weiter_als_grenze"], "nein");
        }
        assert_eq!(town["weiter_als_grenze"] == "ja", km > 10.0, "{town:?}");
    }
    assert!(towns_with_offer > 0);
    let refused = member.get("/planung/erreichbarkeit.csv?weite=abc").await;
    assert_eq!(refused.status, 400);
    assert!(refused.body.contains("weite"), "{}", refused.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn searches_without_results_are_counted_without_personal_data() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    let personal = "q=Quokkazentrum+Meier+0171-2345678+meier%40example.org&bei=51.94321%2C7.16543&thema=gesundheit";
    // Reported by the map in the browser, and opened as a page (counted by the server).
    let reply = visitor
        .client
        .post(format!("{}/suche/ohne-ergebnis", running.base))
        .header("origin", &running.base)
        .body(personal)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 204);
    assert_eq!(visitor.get(&format!("/?{personal}")).await.status, 200);
    // A search that finds offers is not counted, nor one without criteria.
    let reply = visitor
        .client
        .post(format!("{}/suche/ohne-ergebnis", running.base))
        .header("origin", &running.base)
        .body("thema=gesundheit")
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 204);
    assert_eq!(visitor.get("/?bei=51.9%2C7.1").await.status, 200);

    let mut db = database(&running).await;
    // The page's count happens after the answer: wait for it.
    let mut rows: Vec<(String, String, i64)> = Vec::new();
    for _ in 0..50 {
        rows = sqlx::query_as("SELECT day, filter_key, searches FROM zero_result_searches")
            .fetch_all(&mut db)
            .await
            .unwrap();
        if rows.first().is_some_and(|row| row.2 == 2) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(rows.len(), 1, "{rows:?}");
    let (day, key, searches) = &rows[0];
    assert_eq!(key, "thema=gesundheit&q=quokkazentrum+meier");
    assert_eq!(*searches, 2);
    assert_eq!(day.len(), 10, "a date, no time: {day}");
    // The table has no column for anything else.
    let columns: Vec<String> =
        sqlx::query_scalar("SELECT name FROM pragma_table_info('zero_result_searches')")
            .fetch_all(&mut db)
            .await
            .unwrap();
    assert_eq!(columns, ["day", "filter_key", "searches"]);
    for personal in [
        "0171",
        "2345678",
        "example",
        "@",
        "51.94",
        "7.16",
        "127.0.0.1",
    ] {
        assert!(!key.contains(personal), "{personal} in {key}");
    }

    // Planners see it, in words; the public does not.
    let member = signed_in(&running, MEMBER).await;
    let page = member.get("/planung").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("Thema: Gesundheit · Suchbegriff: „quokkazentrum meier“"),
        "{}",
        page.body
    );
    let csv = member.get("/planung/suchen-ohne-ergebnis.csv").await;
    assert!(csv.body.contains("quokkazentrum"), "{}", csv.body);
    for path in [
        "/planung/einwohner-kinder.csv",
        "/planung/suchen-ohne-ergebnis.csv",
        "/planung/matrix.csv",
        "/planung/erreichbarkeit.csv",
    ] {
        let reply = visitor.get(path).await;
        assert_eq!(reply.status, 401, "{path}");
        assert!(!reply.body.contains("quokkazentrum"));
    }
    let page = visitor.get("/planung").await;
    assert!(!page.body.contains("quokkazentrum"));
    assert!(!page.body.contains("Angebotsmatrix"));
    // The privacy page says what is kept and for how long.
    let privacy = visitor.get("/datenschutz").await.body;
    assert!(privacy.contains("Suchen ohne Ergebnis"));
    assert!(privacy.contains("nach 12 Monaten gelöscht"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn planning_page_and_children_entered_by_an_admin() {
    let running = start().await;
    let member = signed_in(&running, MEMBER).await;
    let page = member
        .get("/planung?thema=beratung&phase=0-3&bezug=einwohner")
        .await;
    assert_eq!(page.status, 200);
    for part in [
        "Angebotsmatrix",
        "Erreichbarkeit",
        "Angebote je 1.000 Einwohner – Beratung · 0–3 Jahre",
        "<svg",
        "Schätzung nach Einwohneranteil",
        "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, Stand 31.12.2018",
    ] {
        assert!(page.body.contains(part), "{part}");
    }
    assert!(
        !page.body.contains("Kinderzahl eintragen"),
        "members do not enter figures"
    );
    let refused = member
        .post(
            "/api/planung/kinderzahl",
            &[
                ("ags", "05558012"),
                ("stichtag", "2025-12-31"),
                ("anzahl", "6000"),
            ],
        )
        .await;
    assert_eq!(refused.status, 403);

    let admin = signed_in(&running, ADMIN).await;
    assert!(
        admin
            .get("/planung")
            .await
            .body
            .contains("Kinderzahl eintragen")
    );
    let bad = admin
        .post_form(
            "/api/planung/kinderzahl",
            &[
                ("ags", "05558012"),
                ("stichtag", "31.12.2025"),
                ("anzahl", "6000"),
            ],
        )
        .await;
    assert_eq!(bad.status, 302);
    let page = admin.get("/planung").await.body;
    assert!(
        page.contains("Bitte geben Sie den Stichtag als Datum an"),
        "{page}"
    );
    let good = admin
        .post_form(
            "/api/planung/kinderzahl",
            &[
                ("ags", "05558012"),
                ("stichtag", "2025-12-31"),
                ("anzahl", "6.000"),
            ],
        )
        .await;
    assert_eq!(good.status, 302);
    let page = admin.get("/planung").await.body;
    assert!(page.contains("eingetragen, Stand 31.12.2025"), "{page}");
    let towns = records(&admin.get("/planung/einwohner-kinder.csv").await.body);
    assert_eq!(towns.len(), 11);
    let coesfeld = towns.iter().find(|t| t["ags"] == "05558012").unwrap();
    assert_eq!(coesfeld["kinder_unter_18"], "6000");
    assert_eq!(coesfeld["quelle_kinder"], "eingetragen");
    assert_eq!(coesfeld["stichtag_kinder"], "2025-12-31");
    let estimated: i64 = towns
        .iter()
        .map(|t| t["kinder_unter_18"].parse::<i64>().unwrap())
        .sum();
    assert_eq!(
        estimated, 38354,
        "the others share the rest of the district's children"
    );
    let matrix = records(&admin.get("/planung/matrix.csv").await.body);
    let coesfeld = matrix
        .iter()
        .find(|row| {
            row["ags"] == "05558012" && row["thema"] == "alle" && row["lebensphase"] == "alle"
        })
        .unwrap();
    assert_eq!(coesfeld["kinderzahl_geschaetzt"], "nein");
    let count: f64 = coesfeld["angebote"].parse().unwrap();
    let per_child: f64 = coesfeld["je_1000_kinder"].parse().unwrap();
    assert!((per_child - count * 1000.0 / 6000.0).abs() < 0.001);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_made_up_searches_is_cut_off_and_never_shown() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    // Sixty different made-up searches from one address (letters only: digits are dropped).
    let made_up = |i: usize| {
        let letters: String = [i / 26, i % 26]
            .iter()
            .map(|n| char::from(b'a' + *n as u8))
            .collect();
        format!("q=quokkaflut{letters}")
    };
    for i in 0..60 {
        let reply = visitor
            .client
            .post(format!("{}/suche/ohne-ergebnis", running.base))
            .header("origin", &running.base)
            .body(made_up(i))
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 204);
    }
    let mut db = database(&running).await;
    let counted: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM zero_result_searches")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert_eq!(counted, 30, "one address has thirty an hour");
    // Each was searched once: the planners' page and download show none of them.
    let member = signed_in(&running, MEMBER).await;
    let page = member.get("/planung").await.body;
    assert!(!page.contains("quokkaflut"), "{page}");
    assert!(page.contains("mindestens 2-mal"), "{page}");
    let csv = member.get("/planung/suchen-ohne-ergebnis.csv").await.body;
    assert!(!csv.contains("quokkaflut"), "{csv}");
}
