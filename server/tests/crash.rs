//! Nothing acknowledged is lost: editors save fields concurrently, the server is killed with
//! SIGKILL in the middle of it, restarted on the same database, and every save that got a
//! success answer is there, with its history entry — on SQLite and on PostgreSQL.
//!
//! The short form (2 kills per backend) runs in the test command; the long form:
//! `CHANCENKARTE_CRASH_ROUNDS=14 cargo test -p server --test crash -- --nocapture`.

mod common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::Visitor;

const EDITOR: usize = 1;
const ADMIN: usize = 2;
const WRITERS: usize = 4;

fn rounds() -> usize {
    std::env::var("CHANCENKARTE_CRASH_ROUNDS")
        .ok()
        .and_then(|rounds| rounds.parse().ok())
        .unwrap_or(2)
}

/// One writer: saves its own offer's phone number again and again, each time a new number, and
/// records every number whose save was acknowledged. Stops when the server is gone.
async fn write_until_killed(editor: Visitor, offer: i64, acknowledged: Arc<Mutex<Vec<String>>>) {
    let mut attempt = 0_u64;
    loop {
        let read = editor
            .client
            .get(format!("{}/api/redaktion/angebot?id={offer}", editor.base))
            .send()
            .await;
        let Ok(read) = read else { return };
        let Ok(text) = read.text().await else { return };
        let Ok(current) = serde_json::from_str::<serde_json::Value>(&text) else {
            return;
        };
        let version = current["version"].as_i64().unwrap_or_default().to_string();
        attempt += 1;
        let phone = format!("02541 {offer} {attempt:06}");
        let saved = editor
            .client
            .post(format!("{}/api/redaktion/feld", editor.base))
            .header("origin", &editor.base)
            .form(&[
                ("id", offer.to_string().as_str()),
                ("version", version.as_str()),
                ("field", "telefon"),
                ("value", phone.as_str()),
            ])
            .send()
            .await;
        let Ok(saved) = saved else { return };
        let status = saved.status();
        let Ok(body) = saved.text().await else { return };
        if status == 200 && body.contains("Saved") {
            acknowledged.lock().unwrap().push(phone);
        }
    }
}

/// Kills the server `rounds()` times while writers save, and checks after each restart.
async fn crash_story(database_url: &str, backend: &str) {
    let mut running = common::start_demo_on(database_url).await;
    let mut offer_ids = Vec::new();
    for i in 0..WRITERS {
        offer_ids.push(common::public_offer_id(&running, i * 7).await);
    }
    let (mut total_acknowledged, mut total_found) = (0, 0);
    for round in 0..rounds() {
        let acknowledged: HashMap<i64, Arc<Mutex<Vec<String>>>> = offer_ids
            .iter()
            .map(|id| (*id, Arc::new(Mutex::new(Vec::new()))))
            .collect();
        let mut writers = tokio::task::JoinSet::new();
        for (i, offer) in offer_ids.iter().enumerate() {
            let editor = common::signed_in(&running, if i % 2 == 0 { EDITOR } else { ADMIN }).await;
            writers.spawn(write_until_killed(
                editor,
                *offer,
                acknowledged[offer].clone(),
            ));
        }
        // Killed at a different moment each round, while the writers are busy.
        tokio::time::sleep(Duration::from_millis(700 + 230 * round as u64)).await;
        drop(running);
        writers.join_all().await;
        running = common::start_demo_on(database_url).await;
        let reader = common::signed_in(&running, EDITOR).await;
        for (offer, saved) in &acknowledged {
            let saved = saved.lock().unwrap().clone();
            let history = reader
                .get(&format!("/api/redaktion/verlauf?id={offer}"))
                .await
                .body;
            let current = reader
                .get(&format!("/api/redaktion/angebot?id={offer}"))
                .await
                .body;
            for phone in &saved {
                assert!(
                    history.contains(phone.as_str()),
                    "{backend}, round {round}: the acknowledged save {phone} has no history entry"
                );
            }
            if let Some(last) = saved.last() {
                // The last acknowledged number, or one saved after it whose answer was cut off.
                let last_attempt: u64 = last.rsplit(' ').next().unwrap().parse().unwrap();
                let current: serde_json::Value = serde_json::from_str(&current).unwrap();
                let phone = current["values"]
                    .as_array()
                    .and_then(|values| {
                        values
                            .iter()
                            .find(|pair| pair[0] == "Phone" || pair[0] == "telefon")
                    })
                    .map(|pair| pair[1].as_str().unwrap_or_default().to_string())
                    .unwrap_or_else(|| current.to_string());
                let now: u64 = phone
                    .rsplit(' ')
                    .next()
                    .and_then(|n| n.trim_matches('"').parse().ok())
                    .unwrap_or(0);
                assert!(
                    now >= last_attempt,
                    "{backend}, round {round}: offer {offer} shows {phone}, older than the acknowledged {last}"
                );
            }
            total_acknowledged += saved.len();
            total_found += saved
                .iter()
                .filter(|phone| history.contains(phone.as_str()))
                .count();
        }
    }
    println!(
        "crash test {backend}: {} kills, {total_acknowledged} saves acknowledged, {total_found} found after restart",
        rounds()
    );
    assert!(total_acknowledged > 0, "the writers got saves through");
    assert_eq!(total_acknowledged, total_found);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_saves_survive_a_kill_on_sqlite() {
    let data = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", data.path().join("crash.db").display());
    crash_story(&url, "SQLite").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_saves_survive_a_kill_on_postgres() {
    let Some(database) = common::temp_postgres("crash").await else {
        return;
    };
    let url = database.url.clone();
    let outcome = tokio::spawn(async move { crash_story(&url, "PostgreSQL").await }).await;
    database.drop_database().await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic.into_panic());
    }
}
