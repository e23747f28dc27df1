//! Reminders on a schedule, the round's clock in the test's hand: the real server with the demo
//! data, its database opened beside it, Debian's aiosmtpd as the SMTP sink. An organisation
//! with a confirmation address and offers unchecked for over eleven months gets a first
//! reminder, fourteen days later a second, fourteen days after that the editors are told it
//! did not answer; rounds in between send nothing. Its link works; once its offers are
//! confirmed, its reminders start over. And "Fehler melden" forwarded by the same kind of
//! round: to the institution's address with its link, the reporter's address only if left,
//! once; the editors see it forwarded and whether the institution answered.

mod common;

use std::sync::Arc;

use app::confirmations::model::ReminderPolicy;
use app::confirmations::service::{ForwardReport, LinkPost, ReminderReport, Reminders};
use common::{
    Running, Sink, Visitor, desk_id, first_public_offer, post_correction, signed_in, start_with,
};

const EDITOR: usize = 1;
const SECRET: &str = "gemeinsames Geheimnis der Erinnerungs-Tests";
const CONTACT: &str = "leitung.erinnerung@example.org";
const DAY: i64 = 24 * 60 * 60;

/// The subject and text of every message the sink holds, oldest first.
fn delivered(sink: &Sink) -> Vec<(String, String, String)> {
    sink.messages()
        .iter()
        .map(|raw| {
            let message = mail_parser::MessageParser::default().parse(raw).unwrap();
            (
                message
                    .to()
                    .and_then(|to| to.first())
                    .and_then(|to| to.address())
                    .unwrap()
                    .to_string(),
                message.subject().unwrap().to_string(),
                message.body_text(0).unwrap().to_string(),
            )
        })
        .collect()
}

/// The real server (it sends nothing itself: no SMTP_URL), an organisation with a
/// confirmation address, its database opened beside it and the rounds, mailing to the sink.
struct World {
    sink: Sink,
    running: Running,
    anonymous: Visitor,
    editor: Visitor,
    org: i64,
    organization: String,
    storage: Arc<dyn app::storage::Storage>,
    reminders: Reminders,
}

impl World {
    async fn start() -> World {
        let sink = Sink::start();
        let running = start_with(&["--cookie-secure", "false", "--form-secret", SECRET]).await;
        let anonymous = Visitor::new(&running);
        let editor = signed_in(&running, EDITOR).await;
        let (_, _, organization) = first_public_offer(&anonymous).await;
        let search =
            reqwest::Url::parse_with_params("http://x/", &[("suche", &organization)]).unwrap();
        let org = desk_id(
            &editor
                .get(&format!(
                    "/redaktion/einrichtungen?{}",
                    search.query().unwrap()
                ))
                .await
                .body,
        );
        let added = editor
            .post(
                "/api/redaktion/einrichtung/adresse",
                &[("einrichtung", &org.to_string()), ("email", CONTACT)],
            )
            .await;
        assert_eq!(added.status, 200, "{}", added.body);
        let storage = app::storage::connect(&running.database_url).await.unwrap();
        let reminders = Reminders {
            storage: storage.clone(),
            requests: storage.clone(),
            post: LinkPost {
                mailer: app::subscriptions::mail::Mailer::new(
                    &sink.url(),
                    "Chancenkarte Test <karte@example.org>",
                )
                .unwrap(),
                form_secret: Arc::new(app::requests::form_stamp::shared_secret(SECRET).unwrap()),
                link_base: running.base.clone(),
            },
            policy: ReminderPolicy::default(),
        };
        World {
            sink,
            running,
            anonymous,
            editor,
            org,
            organization,
            storage,
            reminders,
        }
    }
}

impl World {
    /// The editors' page of the organisation.
    async fn desk(&self) -> String {
        let path = format!("/redaktion/einrichtungen/{}", self.org);
        self.editor.get(&path).await.body
    }
}

/// "Stimmt noch" for `offer` through the link `token`, as the institution's page posts it.
async fn confirm(world: &World, token: &str, offer: i64) {
    let offer = offer.to_string();
    let confirmed = world
        .anonymous
        .post(
            "/api/bestaetigen/stimmt",
            &[("token", token), ("angebot", &offer)],
        )
        .await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_come_twice_then_the_editors_are_told_and_stop_once_confirmed() {
    let world = World::start().await;
    // Its offers were last checked long ago.
    sqlx::query("UPDATE offers SET last_checked = '2024-01-15' WHERE organization_id = $1")
        .bind(world.org)
        .execute(
            &sqlx::SqlitePool::connect(&world.running.database_url)
                .await
                .unwrap(),
        )
        .await
        .unwrap();
    let start = app::accounts::auth::now();
    let nothing = ReminderReport::default();

    let first = world.reminders.run_round(start).await.unwrap();
    assert_eq!(
        first,
        ReminderReport {
            first: 1,
            ..nothing
        }
    );
    let mails = delivered(&world.sink);
    assert_eq!(mails.len(), 1);
    let (to, subject, body) = &mails[0];
    assert_eq!(to, CONTACT);
    assert!(
        subject.starts_with("Erinnerung – ") && subject.contains(&world.organization),
        "{subject}"
    );
    assert!(
        body.contains("seit fast einem Jahr nicht bestätigt"),
        "{body}"
    );
    // The link in the mail opens the organisation's page.
    let link = body
        .split_whitespace()
        .find(|word| word.contains("/bestaetigen?token="))
        .expect("a link");
    let page = world
        .anonymous
        .get(link.strip_prefix(&world.running.base).unwrap())
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains(&world.organization));

    // A day later, and on the thirteenth: nothing.
    for day in [1, 13] {
        assert_eq!(
            world.reminders.run_round(start + day * DAY).await.unwrap(),
            nothing
        );
    }
    assert_eq!(delivered(&world.sink).len(), 1);
    let second = world.reminders.run_round(start + 14 * DAY).await.unwrap();
    assert_eq!(
        second,
        ReminderReport {
            second: 1,
            ..nothing
        }
    );
    let mails = delivered(&world.sink);
    assert_eq!(mails.len(), 2);
    assert!(
        mails[1].1.starts_with("Zweite Erinnerung – "),
        "{}",
        mails[1].1
    );
    assert_eq!(
        world.reminders.run_round(start + 27 * DAY).await.unwrap(),
        nothing
    );

    // No answer: the editors are told, no more mail.
    let flagged = world.reminders.run_round(start + 28 * DAY).await.unwrap();
    assert_eq!(
        flagged,
        ReminderReport {
            flagged: 1,
            ..nothing
        }
    );
    assert_eq!(
        world.reminders.run_round(start + 60 * DAY).await.unwrap(),
        nothing
    );
    assert_eq!(delivered(&world.sink).len(), 2);
    let desk = world.desk().await;
    assert!(
        desk.contains("Keine Antwort auf zwei Erinnerungen"),
        "the log says so"
    );
    assert!(desk.contains("keine Antwort (seit"), "the state says so");
    let unanswered = world
        .editor
        .get("/redaktion/einrichtungen?keine-antwort=1")
        .await
        .body;
    assert!(unanswered.contains(&world.organization));

    // The institution confirms its offers: its world.reminders start over, nothing more is sent.
    let token = link.split_once("token=").unwrap().1;
    for offer in world
        .storage
        .organization_offer_ids(world.org)
        .await
        .unwrap()
    {
        confirm(&world, token, offer).await;
    }
    assert_eq!(
        world.reminders.run_round(start + 61 * DAY).await.unwrap(),
        nothing
    );
    let summary = world
        .storage
        .organization(world.org)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(summary.reminders, None);
    assert_eq!(delivered(&world.sink).len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reported_error_reaches_the_institution_once_and_the_editors_see_it() {
    let world = World::start().await;
    let (offer, offer_name, _) = first_public_offer(&world.anonymous).await;
    post_correction(
        &world.running,
        offer,
        "Die Telefonnummer ist seit Oktober falsch.",
        "",
    )
    .await;
    post_correction(
        &world.running,
        offer,
        "Der Kurs ist jetzt dienstags, nicht mehr montags.",
        "eva.meldet@example.org",
    )
    .await;
    // An offer of an organisation without a confirmation address.
    let listing: serde_json::Value = serde_json::from_str(
        &world
            .anonymous
            .get("/api/v1/offers?pro_seite=200")
            .await
            .body,
    )
    .unwrap();
    let elsewhere = listing["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["organization"]["name"] != world.organization.as_str())
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    post_correction(
        &world.running,
        elsewhere,
        "Die Adresse ist veraltet, bitte prüfen.",
        "",
    )
    .await;

    let now = app::accounts::auth::now();
    let report = world.reminders.forward_round(now).await.unwrap();
    assert_eq!(
        report,
        ForwardReport {
            forwarded: 2,
            without_address: 1,
            failed: 0
        }
    );
    assert_eq!(
        world.reminders.forward_round(now + 60).await.unwrap(),
        ForwardReport::default(),
        "forwarded once"
    );
    let mails = delivered(&world.sink);
    assert_eq!(mails.len(), 2);
    for (to, subject, _) in &mails {
        assert_eq!(to, CONTACT);
        assert!(subject.contains(&offer_name), "{subject}");
    }
    let anonymous_report = &mails[0].2;
    assert!(anonymous_report.contains("> Die Telefonnummer ist seit Oktober falsch."));
    assert!(anonymous_report.contains("keine Adresse hinterlassen"));
    assert!(!anonymous_report.contains("eva.meldet@example.org"));
    assert!(
        mails[1]
            .2
            .contains("Rückmeldung an: eva.meldet@example.org")
    );

    // The editors' queue says where each went, and that the institution has not answered yet.
    let queue: serde_json::Value =
        serde_json::from_str(&world.editor.get("/api/redaktion/anfragen").await.body).unwrap();
    let about = |id: i64| -> Vec<serde_json::Value> {
        queue
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["offer_id"] == id && r["status"] == "Open")
            .cloned()
            .collect()
    };
    for request in about(offer) {
        assert_eq!(request["forwarded_to"], CONTACT);
        assert_eq!(request["institution_acted"], false);
    }
    let unsent = &about(elsewhere)[0];
    assert!(unsent["forwarded_at"].is_i64());
    assert_eq!(unsent["forwarded_to"], "");
    let page = world.editor.get("/redaktion").await.body;
    assert!(page.contains("Noch keine Reaktion über ihren Link."));
    assert!(page.contains("keine Adresse für Bestätigungen eingetragen"));

    // The institution confirms the offer through the mail's link: the editors see it acted.
    let link = anonymous_report
        .split_whitespace()
        .find(|word| word.contains("/bestaetigen?token="))
        .unwrap();
    let token = link.split_once("token=").unwrap().1;
    confirm(&world, token, offer).await;
    let page = world.editor.get("/redaktion").await.body;
    assert!(page.contains("Die Einrichtung hat seitdem über ihren Link reagiert."));
    let desk = world.desk().await;
    assert!(
        desk.contains("Hinweis auf einen Fehler"),
        "the log lists the mails"
    );
}
