//! Reminders on a schedule, the round's clock in the test's hand: the real server with the demo
//! data, its database opened beside it, Debian's aiosmtpd as the SMTP sink. An organisation
//! with a confirmation address and offers unchecked for over eleven months gets a first
//! reminder, fourteen days later a second, fourteen days after that the editors are told it
//! did not answer; rounds in between send nothing. Its link works; once its offers are
//! confirmed, its reminders start over.

mod common;

use std::sync::Arc;

use app::confirmations::model::ReminderPolicy;
use app::confirmations::service::{LinkPost, ReminderReport, Reminders};
use common::{Sink, Visitor, desk_id, first_public_offer, signed_in, start_with};

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_come_twice_then_the_editors_are_told_and_stop_once_confirmed() {
    let sink = Sink::start();
    // The server itself sends nothing (no SMTP_URL): the rounds here are the test's.
    let running = start_with(&["--cookie-secure", "false", "--form-secret", SECRET]).await;
    let anonymous = Visitor::new(&running);
    let editor = signed_in(&running, EDITOR).await;
    let (_, _, organization) = first_public_offer(&anonymous).await;
    let search = reqwest::Url::parse_with_params("http://x/", &[("suche", &organization)]).unwrap();
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
    // Its offers were last checked long ago.
    sqlx::query("UPDATE offers SET last_checked = '2024-01-15' WHERE organization_id = $1")
        .bind(org)
        .execute(
            &sqlx::SqlitePool::connect(&running.database_url)
                .await
                .unwrap(),
        )
        .await
        .unwrap();
    let reminders = Reminders {
        storage: storage.clone(),
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
    let start = app::accounts::auth::now();
    let nothing = ReminderReport::default();

    let first = reminders.run_round(start).await.unwrap();
    assert_eq!(
        first,
        ReminderReport {
            first: 1,
            ..nothing
        }
    );
    let mails = delivered(&sink);
    assert_eq!(mails.len(), 1);
    let (to, subject, body) = &mails[0];
    assert_eq!(to, CONTACT);
    assert!(
        subject.starts_with("Erinnerung – ") && subject.contains(&organization),
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
    let page = anonymous
        .get(link.strip_prefix(&running.base).unwrap())
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains(&organization));

    // A day later, and on the thirteenth: nothing.
    for day in [1, 13] {
        assert_eq!(
            reminders.run_round(start + day * DAY).await.unwrap(),
            nothing
        );
    }
    assert_eq!(delivered(&sink).len(), 1);
    let second = reminders.run_round(start + 14 * DAY).await.unwrap();
    assert_eq!(
        second,
        ReminderReport {
            second: 1,
            ..nothing
        }
    );
    let mails = delivered(&sink);
    assert_eq!(mails.len(), 2);
    assert!(
        mails[1].1.starts_with("Zweite Erinnerung – "),
        "{}",
        mails[1].1
    );
    assert_eq!(
        reminders.run_round(start + 27 * DAY).await.unwrap(),
        nothing
    );

    // No answer: the editors are told, no more mail.
    let flagged = reminders.run_round(start + 28 * DAY).await.unwrap();
    assert_eq!(
        flagged,
        ReminderReport {
            flagged: 1,
            ..nothing
        }
    );
    assert_eq!(
        reminders.run_round(start + 60 * DAY).await.unwrap(),
        nothing
    );
    assert_eq!(delivered(&sink).len(), 2);
    let desk = editor
        .get(&format!("/redaktion/einrichtungen/{org}"))
        .await
        .body;
    assert!(
        desk.contains("Keine Antwort auf zwei Erinnerungen"),
        "the log says so"
    );
    assert!(desk.contains("keine Antwort (seit"), "the state says so");
    let unanswered = editor
        .get("/redaktion/einrichtungen?keine-antwort=1")
        .await
        .body;
    assert!(unanswered.contains(&organization));

    // The institution confirms its offers: its reminders start over, nothing more is sent.
    let token = link.split_once("token=").unwrap().1;
    for offer in storage.organization_offer_ids(org).await.unwrap() {
        let confirmed = anonymous
            .post(
                "/api/bestaetigen/stimmt",
                &[("token", token), ("angebot", &offer.to_string())],
            )
            .await;
        assert_eq!(confirmed.status, 200, "{}", confirmed.body);
    }
    assert_eq!(
        reminders.run_round(start + 61 * DAY).await.unwrap(),
        nothing
    );
    let summary = storage.organization(org).await.unwrap().unwrap();
    assert_eq!(summary.reminders, None);
    assert_eq!(delivered(&sink).len(), 2);
}
