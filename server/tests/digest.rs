//! The members' news by e-mail, end to end against real things: the server binary, Debian's
//! aiosmtpd as the SMTP sink (messages read back from its maildir with an independent mail
//! parser), a member subscribing through the page's form, an editor changing offers, the
//! `send-digests` command, the signed unsubscribe link (page, button, RFC 8058 one-click POST)
//! and tampered tokens. On SQLite and on PostgreSQL. And without SMTP_URL: the page says so
//! and nothing is stored.

mod common;

use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{Running, Sink, Visitor, free_port, signed_in, start, start_demo_with, start_refused};

const MEMBER: usize = 0;
const EDITOR: usize = 1;
const SECRET: &str = "gemeinsames Geheimnis der Nachrichten-Tests";
const SENDER: &str = "Chancenkarte Test <karte@example.org>";

/// One delivered digest, as a mail program reads it.
struct Mail {
    to: String,
    subject: String,
    body: String,
    list_unsubscribe: String,
    list_unsubscribe_post: String,
}

fn read_mail(raw: &[u8]) -> Mail {
    let message = mail_parser::MessageParser::default()
        .parse(raw)
        .expect("a message the parser reads");
    let header = |name: &str| {
        message
            .header_raw(name)
            .unwrap_or_else(|| panic!("no {name} header"))
            .trim()
            .to_string()
    };
    Mail {
        to: message
            .to()
            .and_then(|to| to.first())
            .and_then(|to| to.address())
            .unwrap()
            .to_string(),
        subject: message.subject().unwrap().to_string(),
        body: message.body_text(0).unwrap().to_string(),
        list_unsubscribe: header("List-Unsubscribe"),
        list_unsubscribe_post: header("List-Unsubscribe-Post"),
    }
}

/// The server with the sink as its SMTP server, on a port of its own so that its links
/// (PUBLIC_URL) name it.
async fn start_mailing(sink: &Sink, database_url: &str) -> Running {
    let port = free_port().to_string();
    let site_addr = format!("127.0.0.1:{port}");
    let public_url = format!("http://127.0.0.1:{port}");
    let smtp_url = sink.url();
    start_demo_with(
        database_url,
        &[
            "--site-addr",
            &site_addr,
            "--public-url",
            &public_url,
            "--smtp-url",
            &smtp_url,
            "--mail-from",
            SENDER,
            "--form-secret",
            SECRET,
        ],
    )
    .await
}

/// `server send-digests --all-due-now` beside the running server, on its database; what it
/// printed.
fn send_digests(running: &Running, sink: &Sink) -> String {
    send_digests_with(running, sink, &["--all-due-now"])
}

/// `server send-digests` with `options`.
fn send_digests_with(running: &Running, sink: &Sink, options: &[&str]) -> String {
    let output = common::server_command()
        .args([
            "--database-url",
            &running.database_url,
            "--public-url",
            &running.base,
            "--smtp-url",
            &sink.url(),
            "--mail-from",
            SENDER,
            "--form-secret",
            SECRET,
            "send-digests",
        ])
        .args(options)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "send-digests failed: {said}");
    said
}

/// Waits until the sink holds `count` messages (aiosmtpd writes a message after it has
/// acknowledged it), and a moment longer to see that no further one comes.
fn wait_for_messages(sink: &Sink, count: usize) -> Vec<Vec<u8>> {
    let deadline = Instant::now() + Duration::from_secs(10);
    while sink.messages().len() < count && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    let messages = sink.messages();
    assert_eq!(messages.len(), count, "messages in the sink");
    messages
}

/// Whether `body` has the offer's link on a line of its own (so `/angebot/1` is not found in
/// `/angebot/12`).
fn links_to(body: &str, base: &str, id: i64) -> bool {
    let link = format!("{base}/angebot/{id}");
    body.lines().any(|line| line.trim() == link)
}

/// The `token` of a link.
fn token_in(link: &str) -> String {
    link.split_once("token=")
        .unwrap()
        .1
        .trim_end_matches('>')
        .to_string()
}

fn path_of(link: &str, base: &str) -> String {
    link.trim_start_matches('<')
        .trim_end_matches('>')
        .strip_prefix(base)
        .unwrap_or_else(|| panic!("{link} starts with {base}"))
        .to_string()
}

/// Saves a subscription through the page's form, as a browser posts it.
async fn subscribe(member: &Visitor, town: &str, topic: &str) {
    let reply = member
        .post_form(
            "/api/nachrichten/speichern",
            &[
                ("orte[]", town),
                ("themen[]", topic),
                ("haeufigkeit", "taeglich"),
            ],
        )
        .await;
    assert!(matches!(reply.status, 302 | 303), "{}", reply.body);
    let page = member.get("/netzwerk/nachrichten").await;
    assert!(
        page.body.contains("Sie erhalten täglich Nachrichten"),
        "{}",
        page.body
    );
}

async fn subscribed(member: &Visitor) -> bool {
    let (_, subscription): (bool, Option<serde_json::Value>) =
        serde_json::from_str(&member.get("/api/nachrichten/abo").await.body).unwrap();
    subscription.is_some()
}

/// The whole story on the database `database_url`.
async fn digest_story(database_url: &str) {
    let sink = Sink::start();
    let running = start_mailing(&sink, database_url).await;
    let base = running.base.clone();
    let member = signed_in(&running, MEMBER).await;
    let editor = signed_in(&running, EDITOR).await;
    let (member_email, _) = running.demo_login(MEMBER);

    // The offer to change, and one in another town that must not be mentioned.
    let offers: serde_json::Value =
        serde_json::from_str(&Visitor::new(&running).get("/api/offers").await.body).unwrap();
    let offers = offers.as_array().unwrap();
    let changed = &offers[0];
    let (changed_id, town) = (
        changed["id"].as_i64().unwrap(),
        changed["m"].as_str().unwrap().to_string(),
    );
    let topic = app::offers::taxonomy::TopicSet(changed["t"].as_u64().unwrap() as u32)
        .iter()
        .next()
        .unwrap()
        .code();
    let unrelated_id = offers
        .iter()
        .find(|offer| offer["m"].as_str() != Some(&town))
        .unwrap()["id"]
        .as_i64()
        .unwrap();

    // The page: plain checkboxes; a made-up town is refused in place and nothing is saved.
    let page = member.get("/netzwerk/nachrichten").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"action="/api/nachrichten/speichern""#));
    assert!(
        page.body
            .contains(&format!(r#"name="orte[]" value="{town}""#))
    );
    let refused = member
        .post_form(
            "/api/nachrichten/speichern",
            &[("orte[]", "99999999"), ("haeufigkeit", "taeglich")],
        )
        .await;
    assert!(matches!(refused.status, 302 | 303));
    let page = member.get("/netzwerk/nachrichten").await.body;
    assert!(page.contains(r#"aria-invalid="true""#), "{page}");
    assert!(page.contains("Den Ort „99999999“ gibt es in dieser Region nicht."));
    assert!(!subscribed(&member).await);

    subscribe(&member, &town, topic).await;
    // Nothing has changed yet: a round sends nothing.
    assert!(send_digests(&running, &sink).contains("0 verschickt"));
    assert!(sink.messages().is_empty());

    // An editor changes the chosen offer and one elsewhere, and a member-only field (no news).
    for id in [changed_id, unrelated_id] {
        let saved = editor
            .save_field(id, "kosten_hinweis", "Geschwisterkinder zahlen die Hälfte.")
            .await;
        assert_eq!(saved.status, 200, "{}", saved.body);
    }
    // Not due yet: a daily subscription waits a day from its start.
    let said = send_digests_with(&running, &sink, &[]);
    assert!(said.contains("0 verschickt, 0 ohne Neuigkeiten"), "{said}");
    let said = send_digests(&running, &sink);
    assert!(said.contains("1 verschickt"), "{said}");
    let mail = read_mail(&wait_for_messages(&sink, 1)[0]);
    assert_eq!(mail.to, member_email);
    assert_eq!(
        mail.subject,
        "Chancenkarte: 1 neues oder geändertes Angebot"
    );
    assert!(
        mail.body.contains(changed["n"].as_str().unwrap()),
        "{}",
        mail.body
    );
    assert!(mail.body.contains("geändert: Hinweis zu den Kosten"));
    assert!(links_to(&mail.body, &base, changed_id), "{}", mail.body);
    assert!(!links_to(&mail.body, &base, unrelated_id), "{}", mail.body);
    assert_eq!(mail.list_unsubscribe_post, "List-Unsubscribe=One-Click");
    assert!(
        mail.list_unsubscribe
            .starts_with(&format!("<{base}/api/nachrichten/abbestellen?token=")),
        "{}",
        mail.list_unsubscribe
    );
    let page_link = mail
        .body
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with(&format!("{base}/nachrichten/abbestellen?token=")))
        .expect("an unsubscribe link in the body")
        .to_string();
    let token = token_in(&page_link);
    assert_eq!(token, token_in(&mail.list_unsubscribe));

    // Nothing new since: the next round sends nothing.
    assert!(send_digests(&running, &sink).contains("0 verschickt"));
    wait_for_messages(&sink, 1);

    // Tampered tokens, and this signature on another subscription's id: 400, nothing ends.
    let anonymous = Visitor::new(&running);
    let (id, signature) = token.split_once('.').unwrap();
    let mut flipped = signature.to_string();
    let last = if flipped.ends_with('0') { "1" } else { "0" };
    flipped.replace_range(flipped.len() - 1.., last);
    let other_id = id.parse::<i64>().unwrap() + 1;
    for bad in [
        format!("{id}.{flipped}"),
        format!("{other_id}.{signature}"),
        id.to_string(),
    ] {
        let page = anonymous
            .get(&format!("/nachrichten/abbestellen?token={bad}"))
            .await;
        assert_eq!(page.status, 400, "{bad}");
        assert!(page.body.contains("Abbestell-Link ist ungültig"));
        let post = anonymous
            .client
            .post(format!("{base}/api/nachrichten/abbestellen?token={bad}"))
            .body("List-Unsubscribe=One-Click")
            .header("content-type", "application/x-www-form-urlencoded")
            .send()
            .await
            .unwrap();
        assert_eq!(post.status().as_u16(), 400);
        assert!(post.text().await.unwrap().contains("ungültig"));
    }
    assert!(subscribed(&member).await);

    // The link in the mail: a page with one button; opening it (a link scanner) ends nothing.
    let page = anonymous.get(&path_of(&page_link, &base)).await;
    assert_eq!(page.status, 200);
    let action = format!(r#"action="/api/nachrichten/abbestellen?token={token}""#);
    assert!(page.body.contains(&action), "{}", page.body);
    assert_eq!(page.body.matches(&action).count(), 1);
    assert!(subscribed(&member).await);
    // The button (a browser's form post from the page).
    let done = anonymous
        .post_form(&format!("/api/nachrichten/abbestellen?token={token}"), &[])
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(done.headers["location"], "/nachrichten/abbestellt");
    assert!(!subscribed(&member).await);
    // Editors keep changing; nobody is subscribed, no mail.
    editor
        .save_field(
            changed_id,
            "kosten_hinweis",
            "Geschwisterkinder zahlen nichts.",
        )
        .await;
    assert!(send_digests(&running, &sink).contains("0 verschickt"));
    wait_for_messages(&sink, 1);

    // Subscribed again: a new subscription, which the old link cannot end.
    subscribe(&member, &town, topic).await;
    let reply = anonymous
        .client
        .post(format!("{base}/api/nachrichten/abbestellen?token={token}"))
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status().as_u16(), 200);
    assert!(subscribed(&member).await);
    editor
        .save_field(changed_id, "kosten_hinweis", "Für alle kostenlos.")
        .await;
    assert!(send_digests(&running, &sink).contains("1 verschickt"));
    let second = read_mail(&wait_for_messages(&sink, 2)[1]);
    assert_ne!(token_in(&second.list_unsubscribe), token);
    // A program that only opens the List-Unsubscribe address lands on the page with the button.
    let opened = anonymous
        .get(&path_of(&second.list_unsubscribe, &base))
        .await;
    assert_eq!(opened.status, 303);
    assert!(
        opened.headers["location"]
            .to_str()
            .unwrap()
            .starts_with("/nachrichten/abbestellen?token=")
    );
    assert!(subscribed(&member).await);
    // The mail program's one-click POST (RFC 8058): no cookie, no Origin, no page.
    let one_click = reqwest::Client::new()
        .post(second.list_unsubscribe.trim_matches(['<', '>']))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(one_click.status().as_u16(), 200);
    assert!(one_click.text().await.unwrap().contains("Abbestellt"));
    assert!(!subscribed(&member).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_digest_arrives_with_the_changed_offer_and_unsubscribes_in_one_click_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("digest.db").display());
    digest_story(&url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_digest_arrives_with_the_changed_offer_and_unsubscribes_in_one_click_postgres() {
    let Some(database) = common::temp_postgres("digest").await else {
        return;
    };
    digest_story(&database.url).await;
    database.drop_database().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_smtp_the_page_says_so_and_nothing_is_stored() {
    let running = start().await;
    let anonymous = Visitor::new(&running);
    let page = anonymous.get("/netzwerk/nachrichten").await;
    assert_eq!(page.status, 401);
    assert!(page.body.contains("Bitte melden Sie sich an"));
    let refused = anonymous
        .post("/api/nachrichten/speichern", &[("haeufigkeit", "taeglich")])
        .await;
    assert_eq!(refused.status, 401);

    let member = signed_in(&running, MEMBER).await;
    let page = member.get("/netzwerk/nachrichten").await.body;
    assert!(
        page.contains("E-Mail-Versand ist nicht eingerichtet"),
        "{page}"
    );
    assert!(!page.contains("/api/nachrichten/speichern"));
    let refused = member
        .post("/api/nachrichten/speichern", &[("haeufigkeit", "taeglich")])
        .await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert!(
        refused
            .body
            .contains("E-Mail-Versand ist nicht eingerichtet")
    );
    assert!(!subscribed(&member).await);
}

#[test]
fn a_wrong_smtp_url_or_no_shared_secret_stops_the_start() {
    let said = start_refused(&[
        "--cookie-secure",
        "false",
        "--smtp-url",
        "http://nutzer:streng-geheim@mail.example.org",
    ]);
    assert!(
        said.contains("SMTP_URL ist keine gültige SMTP-Adresse"),
        "{said}"
    );
    assert!(!said.contains("streng-geheim"), "{said}");
    let said = start_refused(&[
        "--public-url",
        "https://karte.example",
        "--smtp-url",
        "smtps://nutzer:geheim@mail.example.org",
    ]);
    assert!(said.contains("FORM_SECRET"), "{said}");
}
