//! Accounts over real HTTP: login and logout, session cookies and rotation, throttling,
//! cross-site protection, role checks on every protected server function, invitations,
//! deactivation, the first admin from the command line — and the leak test: member-only data
//! never reaches a visitor who is not signed in as a member.

mod common;

use common::{
    Running, Visitor, assert_no_member_data, form_stamp, queued_request, signed_in, start,
    start_with,
};
use server::demo::{MEMBER_CONTACT_MARKER, MEMBER_NOTE_MARKER};
use server::demo_accounts::DEMO_ACCOUNTS;

/// A demo account's login for this server's start.
struct Demo {
    email: &'static str,
    password: String,
}

fn demo(running: &Running, which: usize) -> Demo {
    let (email, password) = running.demo_login(which);
    Demo { email, password }
}

const MEMBER: usize = 0;
const EDITOR: usize = 1;
const ADMIN: usize = 2;

fn has_member_markers(body: &str) -> bool {
    body.contains(MEMBER_NOTE_MARKER) || body.contains(MEMBER_CONTACT_MARKER)
}

/// Ids of active offers, from the public offers payload.
async fn offer_ids(visitor: &Visitor) -> Vec<i64> {
    common::public_offers(visitor)
        .await
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_rotates_the_session_and_logout_ends_it_on_the_server() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    let member = demo(&running, MEMBER);

    // A failed login leaves a session (holding the error note) …
    let failed = visitor
        .post_form(
            "/api/anmelden",
            &[("email", member.email), ("password", "falsch")],
        )
        .await;
    assert_eq!(failed.status, 302);
    let before = visitor.session_cookie().expect("a session for the note");
    // … that only has to outlive the redirect: its row is gone within minutes, not hours.
    let expiry_secs = || async {
        use sqlx::Connection;
        let mut db = sqlx::SqliteConnection::connect(&running.database_url)
            .await
            .unwrap();
        let latest: i64 = sqlx::query_scalar(
            "SELECT CAST(strftime('%s', MAX(expiry_date)) AS INTEGER) FROM tower_sessions",
        )
        .fetch_one(&mut db)
        .await
        .unwrap();
        latest - app::accounts::auth::now()
    };
    assert!(expiry_secs().await <= 10 * 60, "{}", expiry_secs().await);
    let page = visitor.get("/anmelden").await;
    assert!(
        page.body.contains("E-Mail oder Passwort falsch."),
        "the note is shown: {}",
        page.body
    );

    // … and a successful one continues under a new id.
    let login = visitor
        .post_form(
            "/api/anmelden",
            &[
                ("email", member.email),
                ("password", member.password.as_str()),
                ("next", "/netzwerk"),
            ],
        )
        .await;
    // A login lives the full idle time, also in a session that began with a note.
    assert!(expiry_secs().await > 60 * 60, "{}", expiry_secs().await);
    assert_eq!(login.status, 302);
    assert_eq!(login.headers["location"], "/netzwerk");
    let cookie = login.headers["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Max-Age=7200"), "idle expiry: {cookie}");
    let after = visitor.session_cookie().unwrap();
    assert_ne!(before, after, "the session id is rotated at login");

    let viewer: serde_json::Value =
        serde_json::from_str(&visitor.get("/api/konto").await.body).unwrap();
    assert_eq!(viewer["email"], member.email);
    assert_eq!(viewer["role"], "Member");
    let home = visitor.get("/").await;
    assert!(
        home.body.contains("angemeldet als"),
        "the header names the account"
    );

    // The pre-login id was not promoted to the login.
    let planted = reqwest::Client::new()
        .get(format!("{}/api/konto", running.base))
        .header("cookie", format!("chancenkarte_sitzung={before}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(planted, "null");

    let logout = visitor.post("/api/abmelden", &[]).await;
    assert_eq!(logout.status, 200);
    assert_eq!(visitor.get("/api/konto").await.body, "null");
    // The old cookie, replayed, no longer works: logout deleted the session on the server.
    let replayed = reqwest::Client::new()
        .get(format!("{}/api/mitglieder/angebot?id=1", running.base))
        .header("cookie", format!("chancenkarte_sitzung={after}"))
        .send()
        .await
        .unwrap();
    assert_eq!(replayed.status().as_u16(), 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cookies_are_secure_by_default() {
    let running = start_with(&["--public-url", "https://karte.example"]).await;
    let member = demo(&running, MEMBER);
    // Behind its TLS proxy the site is https://karte.example: that is the origin forms carry.
    let reply = reqwest::Client::new()
        .post(format!("{}/api/anmelden", running.base))
        .header("origin", "https://karte.example")
        .form(&[
            ("email", member.email),
            ("password", member.password.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 200);
    let cookie = reply.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_public_url_a_production_start_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let database_url = format!("sqlite:{}", dir.path().join("x.db").display());
    let said = common::start_refused(&["--database-url", &database_url]);
    assert!(said.contains("PUBLIC_URL fehlt"), "{said}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_host_header_decides_nothing() {
    let running = start_with(&["--public-url", "https://karte.example"]).await;
    let client = reqwest::Client::new();
    let get = |base: &str, path: &str| {
        client
            .get(format!("{base}{path}"))
            .header("host", "rebound.example")
            .send()
    };
    // Links follow PUBLIC_URL, whatever Host the client sends.
    let print = get(&running.base, "/drucken?thema=beratung").await.unwrap();
    let print = print.text().await.unwrap();
    assert!(
        print.contains("https://karte.example/?thema=beratung"),
        "{print}"
    );
    assert!(!print.contains("rebound.example"));
    let hsds = get(&running.base, "/api/hsds/services?per_page=1")
        .await
        .unwrap();
    let vary: Vec<_> = hsds.headers().get_all("vary").iter().collect();
    assert!(
        vary.iter().any(|v| v.to_str().unwrap().contains("Host")),
        "{vary:?}"
    );
    let hsds = hsds.text().await.unwrap();
    assert!(!hsds.contains("rebound.example"), "{hsds}");
    let login_with = |headers: &'static [(&'static str, &'static str)]| {
        let mut request = client.post(format!("{}/api/anmelden", running.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request
            .form(&[("email", "a@example.org"), ("password", "x")])
            .send()
    };
    // A rebinding name whose Host and Origin agree is still not the site.
    let rebound = login_with(&[
        ("host", "rebound.example"),
        ("origin", "http://rebound.example"),
    ]);
    assert_eq!(rebound.await.unwrap().status(), 403);
    // Origin null is refused even with this site as Referer.
    let null = login_with(&[
        ("origin", "null"),
        ("referer", "https://karte.example/anmelden"),
    ]);
    assert_eq!(null.await.unwrap().status(), 403);

    // A local trial (plain http, no PUBLIC_URL) links to its loopback host, never to another.
    let local = start().await;
    let print = get(&local.base, "/drucken")
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!print.contains("rebound.example"), "{print}");
    assert!(print.contains("http://localhost/"), "{print}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_logins_get_one_generic_answer_and_are_throttled() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    let member = demo(&running, MEMBER);
    let unknown = visitor
        .login("niemand@example.org", "irgendwas-langes")
        .await;
    let wrong = visitor.login(member.email, "falsches Passwort").await;
    assert_eq!((unknown.status, wrong.status), (401, 401));
    assert!(unknown.body.contains("E-Mail oder Passwort falsch."));
    assert_eq!(
        unknown.body, wrong.body,
        "no hint whether the account exists"
    );

    for _ in 0..5 {
        assert_eq!(
            visitor
                .login(member.email, "falsches Passwort")
                .await
                .status,
            401
        );
    }
    // Six failures now: even the right password waits.
    let locked = visitor.login(member.email, &member.password).await;
    assert_eq!(locked.status, 429, "{}", locked.body);
    assert!(
        locked
            .body
            .contains("Zu viele fehlgeschlagene Anmeldeversuche"),
        "{}",
        locked.body
    );
    // The first lock is 30 s, counted from the sixth attempt (a second may have passed since).
    let wait: u32 = locked
        .body
        .split("in ")
        .nth(1)
        .and_then(|rest| rest.split(" Sekunden").next())
        .and_then(|secs| secs.parse().ok())
        .unwrap_or_else(|| panic!("{}", locked.body));
    assert!((25..=30).contains(&wait), "{}", locked.body);

    // Another account is not locked by these failures (per-account lock) …
    let editor = demo(&running, EDITOR);
    assert_eq!(
        visitor.login(editor.email, &editor.password).await.status,
        200
    );
    // … but the address is, after enough failures across accounts.
    for i in 0..14 {
        visitor
            .login(&format!("raten{i}@example.org"), "falsches Passwort")
            .await;
    }
    let admin = demo(&running, ADMIN);
    let by_address = visitor.login(admin.email, &admin.password).await;
    assert_eq!(by_address.status, 429, "{}", by_address.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_writes_are_refused() {
    let running = start().await;
    let member = demo(&running, MEMBER);
    let client = reqwest::Client::new();
    for origin in [Some("https://evil.example"), Some("null"), None] {
        let mut request = client
            .post(format!("{}/api/anmelden", running.base))
            .form(&[
                ("email", member.email),
                ("password", member.password.as_str()),
            ]);
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status().as_u16(), 403, "origin {origin:?}");
        assert!(response.headers().get("set-cookie").is_none());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_protected_server_function_checks_the_role() {
    let running = start().await;
    let anonymous = Visitor::new(&running);
    let member = signed_in(&running, MEMBER).await;
    let editor = signed_in(&running, EDITOR).await;
    let admin = signed_in(&running, ADMIN).await;
    let target = offer_ids(&anonymous).await[0].to_string();

    enum Call {
        Get(&'static str),
        Post(&'static str, Vec<(&'static str, String)>),
    }
    let member_calls = [
        Call::Get("/api/mitglieder/verzeichnis"),
        Call::Get("/api/mitglieder/angebot?id=1"),
        Call::Get("/netzwerk/kontakt/1/vcard"),
        Call::Get("/api/nachrichten/abo"),
        Call::Post("/api/nachrichten/beenden", vec![]),
    ];
    // The target of the admin calls is the editor demo account (id 2).
    let admin_calls = [
        Call::Get("/api/verwaltung/konten"),
        Call::Post(
            "/api/verwaltung/einladen",
            vec![
                ("email", "neu@example.org".into()),
                ("name", "Neu".into()),
                ("role", "member".into()),
            ],
        ),
        Call::Post(
            "/api/verwaltung/rolle",
            vec![("account_id", "2".into()), ("role", "editor".into())],
        ),
        Call::Post(
            "/api/verwaltung/aktiv",
            vec![("account_id", "2".into()), ("active", "true".into())],
        ),
    ];
    async fn status(visitor: &Visitor, call: &Call) -> u16 {
        match call {
            Call::Get(path) => visitor.get(path).await.status,
            Call::Post(path, form) => {
                let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                visitor.post(path, &form).await.status
            }
        }
    }
    for call in &member_calls {
        assert_eq!(status(&anonymous, call).await, 401);
        assert_eq!(status(&member, call).await, 200);
        assert_eq!(status(&editor, call).await, 200);
    }
    for call in &admin_calls {
        assert_eq!(status(&anonymous, call).await, 401);
        assert_eq!(status(&member, call).await, 403);
        assert_eq!(status(&editor, call).await, 403);
        assert_eq!(status(&admin, call).await, 200);
    }
    // Pages: the login form for anonymous visitors, a refusal for too low a role.
    assert_eq!(anonymous.get("/netzwerk").await.status, 401);
    assert_eq!(anonymous.get("/netzwerk/nachrichten").await.status, 401);
    assert_eq!(member.get("/netzwerk/nachrichten").await.status, 200);
    assert_eq!(anonymous.get("/verwaltung").await.status, 401);
    assert_eq!(member.get("/verwaltung").await.status, 403);
    assert_eq!(admin.get("/verwaltung").await.status, 200);
    assert_eq!(member.get(&format!("/angebot/{target}")).await.status, 200);
    // The editors' fragment of the map panel and its writes.
    let panel = format!("/redaktion/kartenfenster/{target}");
    let save = [("version", "1"), ("field", "telefon"), ("value", "02541 1")];
    assert_eq!(anonymous.get(&panel).await.status, 401);
    assert_eq!(member.get(&panel).await.status, 403);
    assert_eq!(member.post(&panel, &save).await.status, 403);
    assert_eq!(
        member
            .post(&format!("{panel}/geprueft"), &[("version", "1")])
            .await
            .status,
        403
    );
    assert_eq!(editor.get(&panel).await.status, 200);
    // An admin cannot lock themselves out.
    let own = admin
        .post(
            "/api/verwaltung/aktiv",
            &[("account_id", "3"), ("active", "false")],
        )
        .await;
    assert_eq!(own.status, 400, "{}", own.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn member_only_data_reaches_members_only() {
    let running = start().await;
    let anonymous = Visitor::new(&running);
    let ids = offer_ids(&anonymous).await;
    let paths = common::anonymous_paths(&ids);
    for path in &paths {
        let reply = anonymous.get(path).await;
        assert_no_member_data(path, &reply.body);
    }
    // Signed in with a role below member is impossible; a deactivated member sees nothing
    // either (see `deactivation_ends_sessions_at_once`).

    let member = signed_in(&running, MEMBER).await;
    let mut seen_on_offer_page = false;
    let mut seen_by_function = false;
    let mut seen_in_panel = false;
    for id in ids.iter().take(40) {
        seen_on_offer_page |= has_member_markers(&member.get(&format!("/angebot/{id}")).await.body);
        seen_in_panel |= has_member_markers(
            &member
                .get(&format!("/kartenfenster/angebot/{id}"))
                .await
                .body,
        );
        seen_by_function |= has_member_markers(
            &member
                .get(&format!("/api/mitglieder/angebot?id={id}"))
                .await
                .body,
        );
    }
    assert!(
        seen_on_offer_page,
        "members see contact persons or notes on offer pages"
    );
    assert!(
        seen_by_function,
        "members get them from the server function"
    );
    assert!(seen_in_panel, "members get them in the map's detail panel");
    assert!(has_member_markers(&member.get("/netzwerk").await.body));
    // The map page embeds no member data even for members: the panel fetches it on demand.
    assert_no_member_data(
        "map page for a member",
        &member.get(&format!("/?angebot={}", ids[0])).await.body,
    );
}

/// The texts of property `name` in `card`, one per component (a list component joined by
/// commas), as the parser unescaped them.
fn vcard_values(card: &calcard::vcard::VCard, name: calcard::vcard::VCardProperty) -> Vec<String> {
    use calcard::vcard::VCardValue;
    let entry = card
        .property(&name)
        .unwrap_or_else(|| panic!("the card has {name:?}: {card:?}"));
    entry
        .values
        .iter()
        .map(|value| match value {
            VCardValue::Text(text) => text.clone(),
            VCardValue::Component(list) => list.join(","),
            other => panic!("{name:?} is text, not {other:?}"),
        })
        .collect()
}

/// The member-only information of offer `id`, as the members' server function answers.
async fn member_info(member: &Visitor, id: i64) -> serde_json::Value {
    serde_json::from_str(
        &member
            .get(&format!("/api/mitglieder/angebot?id={id}"))
            .await
            .body,
    )
    .unwrap()
}

/// A member's vCard of contact `id`, checked as a file: status, type, a safe name, CRLF line
/// ends, no line over 75 octets; then parsed by an independent vCard parser.
async fn fetch_vcard(member: &Visitor, id: i64) -> (String, calcard::vcard::VCard) {
    let reply = member.get(&format!("/netzwerk/kontakt/{id}/vcard")).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(
        reply.headers["content-type"].to_str().unwrap(),
        "text/vcard; charset=utf-8"
    );
    let disposition = reply.headers["content-disposition"].to_str().unwrap();
    let name = disposition
        .strip_prefix("attachment; filename=\"")
        .and_then(|rest| rest.strip_suffix(".vcf\""))
        .unwrap_or_else(|| panic!("{disposition}"));
    assert!(
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
        "{disposition}"
    );
    let body = reply.body;
    assert!(body.ends_with("END:VCARD\r\n"), "{body:?}");
    assert_eq!(
        body.matches('\n').count(),
        body.matches("\r\n").count(),
        "CRLF line ends only: {body:?}"
    );
    for line in body.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    let card =
        calcard::vcard::VCard::parse(&body).unwrap_or_else(|error| panic!("{error:?} in {body:?}"));
    assert_eq!(card.version(), Some(calcard::vcard::VCardVersion::V3_0));
    (body, card)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vcards_are_version_3_with_name_organisation_title_phone_email_and_address() {
    use calcard::vcard::VCardProperty as P;
    let running = start().await;
    let member = signed_in(&running, MEMBER).await;
    let ids = offer_ids(&member).await;
    let editor = signed_in(&running, EDITOR).await;
    let id = ids[2];
    // A contact with the characters vCard escapes and a role long enough to be folded.
    let role = "Beratung, Leitung \\ Koordination der Frühen Hilfen, Außenstelle Dülmen";
    let saved = editor
        .save_field(
            id,
            "ansprechpersonen",
            &format!(
                "Anna von Berg; {}; 02594 12-34; anna.von.berg@beispiel.invalid\n\
                 Jörg Weiß; Beratung; 02594 12-35; joerg@beispiel.invalid",
                role
            ),
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let offer: serde_json::Value = serde_json::from_str(
        &Visitor::new(&running)
            .get(&format!("/api/offer?id={id}"))
            .await
            .body,
    )
    .unwrap();
    let info = member_info(&member, id).await;
    let contacts = info["contacts"].as_array().unwrap();
    assert_eq!(contacts.len(), 2, "{info}");

    let (body, card) = fetch_vcard(&member, contacts[0]["id"].as_i64().unwrap()).await;
    assert!(body.contains("\r\n "), "the long title is folded: {body:?}");
    assert!(
        body.contains("Beratung\\, Leitung \\\\ Koordination"),
        "{body:?}"
    );
    let organization = offer["organization"].as_str().unwrap();
    let address = &offer["address"];
    assert_eq!(vcard_values(&card, P::N)[..2], ["von Berg", "Anna"]);
    assert_eq!(vcard_values(&card, P::Fn), ["Anna von Berg"]);
    assert_eq!(vcard_values(&card, P::Org), [organization]);
    assert_eq!(vcard_values(&card, P::Title), [role]);
    assert_eq!(vcard_values(&card, P::Tel), ["02594 12-34"]);
    assert_eq!(
        vcard_values(&card, P::Email),
        ["anna.von.berg@beispiel.invalid"]
    );
    // Post office box; extended; street; town; region; postcode; country.
    let adr = vcard_values(&card, P::Adr);
    assert_eq!(
        adr,
        [
            "",
            "",
            address["street"].as_str().unwrap(),
            address["town"].as_str().unwrap(),
            "",
            address["postcode"].as_str().unwrap(),
            "Deutschland",
        ],
        "{body:?}"
    );

    let (_, card) = fetch_vcard(&member, contacts[1]["id"].as_i64().unwrap()).await;
    assert_eq!(vcard_values(&card, P::N)[..2], ["Weiß", "Jörg"]);
    assert_eq!(vcard_values(&card, P::Title), ["Beratung"]);
    // A demo contact too: every field there, the e-mail the demo's member-only one.
    for contact in member_info(&member, ids[0]).await["contacts"]
        .as_array()
        .unwrap()
    {
        let (_, card) = fetch_vcard(&member, contact["id"].as_i64().unwrap()).await;
        for (property, field) in [
            (P::Fn, "name"),
            (P::Email, "email"),
            (P::Tel, "phone"),
            (P::Title, "role"),
        ] {
            assert_eq!(
                vcard_values(&card, property),
                [contact[field].as_str().unwrap()]
            );
        }
        assert_eq!(vcard_values(&card, P::Adr).len(), 7);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_find_the_contacts_first_and_linked_to_the_directory_anonymous_visitors_not() {
    let running = start().await;
    let anonymous = Visitor::new(&running);
    let member = signed_in(&running, MEMBER).await;
    let mut found = None;
    for id in offer_ids(&anonymous).await.into_iter().take(40) {
        let info = member_info(&member, id).await;
        if let Some(contact) = info["contacts"].as_array().and_then(|c| c.first()) {
            found = Some((id, contact.clone()));
            break;
        }
    }
    let (id, contact) = found.expect("an offer with a contact person among the first 40");
    let name = contact["name"].as_str().unwrap();
    let phone = contact["phone"].as_str().unwrap();
    let contact_id = contact["id"].as_i64().unwrap();
    let anchor = format!("#kontakt-{contact_id}");

    for path in [
        format!("/angebot/{id}"),
        format!("/kartenfenster/angebot/{id}"),
    ] {
        // Without the renderer's markers between text pieces.
        let page = member.get(&path).await.body.replace("<!>", "");
        let at = |needle: &str| {
            page.find(needle)
                .unwrap_or_else(|| panic!("{path} has {needle}: {page}"))
        };
        // Right below name and organisation: before the actions, the address and the text.
        assert!(at("offer-org") < at("member-contacts"), "{path}");
        assert!(at(name) < at("offer-actions"), "{path}");
        assert!(at(name) < at("offer-description"), "{path}");
        assert!(
            at("offer-description") < at("member-only-heading"),
            "{path}"
        );
        assert!(
            page.contains(&format!("<bdi dir=\"ltr\">{phone}</bdi>")),
            "{path}"
        );
        assert!(
            page.contains(&anchor),
            "{path} links to the directory entry"
        );
        assert!(page.contains(&format!("/netzwerk/kontakt/{contact_id}/vcard")));

        let public = anonymous.get(&path).await;
        assert_eq!(public.status, 200, "{path}");
        for secret in [
            name,
            phone,
            anchor.as_str(),
            "member-contacts",
            "/netzwerk/kontakt/",
        ] {
            assert!(
                !public.body.contains(secret),
                "{path} shows {secret} to an anonymous visitor"
            );
        }
        assert_no_member_data(&path, &public.body);
    }

    // The directory entry the offer page links to, with its way back to the offer.
    let page = member.get(&format!("/angebot/{id}")).await.body;
    let link = page
        .split("href=\"")
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .find(|href| href.starts_with("/netzwerk?q=") && href.ends_with(&anchor))
        .expect("a link to the directory entry");
    let link = &link[..link.find('#').unwrap()];
    let directory = member.get(link).await.body;
    let entry_at = directory
        .find(&format!("id=\"kontakt-{contact_id}\""))
        .unwrap_or_else(|| panic!("{link} has the entry: {directory}"));
    let entry = &directory[entry_at..];
    let entry = &entry[..entry.find("</li>").unwrap()];
    assert!(
        entry.contains(&format!("href=\"/angebot/{id}\"")),
        "{entry}"
    );
    for action in ["contact-call", "contact-mail", "vcard-link"] {
        assert!(entry.contains(action), "{action} in {entry}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn directory_search_finds_a_contact_by_name() {
    let running = start().await;
    let member = signed_in(&running, MEMBER).await;
    let entries: serde_json::Value =
        serde_json::from_str(&member.get("/api/mitglieder/verzeichnis").await.body).unwrap();
    let entries = entries.as_array().unwrap();
    assert!(
        entries.len() > 100,
        "the whole directory: {}",
        entries.len()
    );
    let person = entries
        .iter()
        .flat_map(|entry| entry["contacts"].as_array().unwrap())
        .next()
        .unwrap()["name"]
        .as_str()
        .unwrap()
        .to_string();
    let query = person.replace(' ', "+");
    let found: serde_json::Value = serde_json::from_str(
        &member
            .get(&format!("/api/mitglieder/verzeichnis?q={query}"))
            .await
            .body,
    )
    .unwrap();
    let found = found.as_array().unwrap();
    assert!(!found.is_empty() && found.len() < entries.len());
    assert!(
        found
            .iter()
            .any(|entry| entry.to_string().contains(&person)),
        "{person} is among the found"
    );
    let page = member.get(&format!("/netzwerk?q={query}")).await;
    assert!(page.body.contains(&person), "the page lists {person}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitation_password_change_role_change_and_deactivation() {
    let running = start().await;
    let admin = signed_in(&running, ADMIN).await;
    let invite = admin
        .post(
            "/api/verwaltung/einladen",
            &[
                ("email", "Neue.Kollegin@Example.org"),
                ("name", "Nora Neu"),
                ("role", "member"),
            ],
        )
        .await;
    assert_eq!(invite.status, 200, "{}", invite.body);
    let invitation: serde_json::Value = serde_json::from_str(&invite.body).unwrap();
    let path = invitation["path"].as_str().unwrap().to_string();
    let account_id = invitation["account_id"].as_i64().unwrap().to_string();
    let token = path.trim_start_matches("/einladung/").to_string();

    // A bad invitation input is refused with a German reason, nothing is created.
    let bad = admin
        .post(
            "/api/verwaltung/einladen",
            &[("email", "kaputt"), ("name", "X"), ("role", "member")],
        )
        .await;
    assert_eq!(bad.status, 400);
    assert!(
        bad.body.contains("keine gültige E-Mail-Adresse"),
        "{}",
        bad.body
    );

    let invitee = Visitor::new(&running);
    assert_eq!(invitee.get(&path).await.status, 200);
    assert!(invitee.get(&path).await.body.contains("Nora Neu"));
    // Before accepting, the account cannot sign in.
    assert_eq!(
        invitee.login("neue.kollegin@example.org", "").await.status,
        401
    );
    let short = invitee
        .post(
            "/api/einladung",
            &[
                ("token", &token),
                ("new_password", "kurz"),
                ("repeat_password", "kurz"),
            ],
        )
        .await;
    assert_eq!(short.status, 400);
    assert!(short.body.contains("mindestens 12 Zeichen"));
    let password = "ein Satz als Passwort";
    let accepted = invitee
        .post(
            "/api/einladung",
            &[
                ("token", &token),
                ("new_password", password),
                ("repeat_password", password),
            ],
        )
        .await;
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    let again = invitee
        .post(
            "/api/einladung",
            &[
                ("token", &token),
                ("new_password", password),
                ("repeat_password", password),
            ],
        )
        .await;
    assert_eq!(again.status, 404, "an invitation works once");
    assert_eq!(invitee.get(&path).await.status, 404);

    assert_eq!(
        invitee
            .login("neue.kollegin@example.org", password)
            .await
            .status,
        200
    );
    assert_eq!(
        invitee.get("/api/mitglieder/angebot?id=1").await.status,
        200
    );

    // Own password change: the other session of the same account ends, this one stays.
    let second_device = Visitor::new(&running);
    assert_eq!(
        second_device
            .login("neue.kollegin@example.org", password)
            .await
            .status,
        200
    );
    let wrong_current = invitee
        .post(
            "/api/passwort",
            &[
                ("current_password", "falsch"),
                ("new_password", "noch ein Satz"),
                ("repeat_password", "noch ein Satz"),
            ],
        )
        .await;
    assert_eq!(wrong_current.status, 400);
    let changed = invitee
        .post(
            "/api/passwort",
            &[
                ("current_password", password),
                ("new_password", "noch ein Satz"),
                ("repeat_password", "noch ein Satz"),
            ],
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(
        invitee.get("/api/mitglieder/angebot?id=1").await.status,
        200
    );
    assert_eq!(
        second_device
            .get("/api/mitglieder/angebot?id=1")
            .await
            .status,
        401
    );

    // Role change takes effect on the next request.
    assert_eq!(
        admin
            .post(
                "/api/verwaltung/rolle",
                &[("account_id", &account_id), ("role", "editor")]
            )
            .await
            .status,
        200
    );
    let viewer: serde_json::Value =
        serde_json::from_str(&invitee.get("/api/konto").await.body).unwrap();
    assert_eq!(viewer["role"], "Editor");

    // Deactivation ends the session at once; login then says why; reactivation lets in again.
    assert_eq!(
        admin
            .post(
                "/api/verwaltung/aktiv",
                &[("account_id", &account_id), ("active", "false")]
            )
            .await
            .status,
        200
    );
    assert_eq!(
        invitee.get("/api/mitglieder/angebot?id=1").await.status,
        401
    );
    let refused = invitee
        .login("neue.kollegin@example.org", "noch ein Satz")
        .await;
    assert_eq!(refused.status, 403);
    assert!(refused.body.contains("deaktiviert"));
    assert_eq!(
        admin
            .post(
                "/api/verwaltung/aktiv",
                &[("account_id", &account_id), ("active", "true")]
            )
            .await
            .status,
        200
    );
    assert_eq!(
        invitee
            .login("neue.kollegin@example.org", "noch ein Satz")
            .await
            .status,
        200
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_admin_comes_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let database_url = format!("sqlite:{}", dir.path().join("admin.db").display());
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args([
            "--database-url",
            &database_url,
            "create-admin",
            "--email",
            "Chefin@Kreis.example",
            "--name",
            "Clara Chefin",
        ])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let password = stdout
        .trim()
        .rsplit("Passwort: ")
        .next()
        .unwrap()
        .to_string();
    assert_eq!(password.len(), 20, "{stdout}");
    let twice = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args([
            "--database-url",
            &database_url,
            "create-admin",
            "--email",
            "chefin@kreis.example",
        ])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        !twice.status.success(),
        "the same address cannot get a second account"
    );

    // Without demo data: no demo accounts, and the created admin signs in.
    let running = common::run_server(
        dir,
        &["--database-url", &database_url, "--cookie-secure", "false"],
    )
    .await;
    assert!(
        !running.output().contains("Demo-Konto"),
        "production mode creates no demo accounts: {}",
        running.output()
    );
    let visitor = Visitor::new(&running);
    let demo_email = DEMO_ACCOUNTS[MEMBER].email;
    assert_eq!(
        visitor
            .login(demo_email, "ein geratenes Passwort")
            .await
            .status,
        401
    );
    assert_eq!(
        visitor
            .login("chefin@kreis.example", &password)
            .await
            .status,
        200
    );
    assert_eq!(visitor.get("/verwaltung").await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editors_save_fields_against_versions_and_members_cannot() {
    let running = start().await;
    let anonymous = Visitor::new(&running);
    let member = signed_in(&running, MEMBER).await;
    let editor = signed_in(&running, EDITOR).await;
    let id = offer_ids(&anonymous).await[0].to_string();
    let read = format!("/api/redaktion/angebot?id={id}");
    assert_eq!(anonymous.get(&read).await.status, 401);
    assert_eq!(member.get(&read).await.status, 403);
    let offer: serde_json::Value = serde_json::from_str(&editor.get(&read).await.body).unwrap();
    let version = offer["version"].as_i64().unwrap().to_string();

    let form = [
        ("id", id.as_str()),
        ("version", version.as_str()),
        ("field", "telefon"),
        ("value", "02541 12345"),
    ];
    assert_eq!(
        anonymous.post("/api/redaktion/feld", &form).await.status,
        401
    );
    assert_eq!(member.post("/api/redaktion/feld", &form).await.status, 403);

    let bad = [
        ("id", id.as_str()),
        ("version", version.as_str()),
        ("field", "telefon"),
        ("value", "02541 abc"),
    ];
    let refused = editor.post("/api/redaktion/feld", &bad).await;
    assert_eq!(refused.status, 400);
    assert!(
        refused
            .body
            .contains("Telefon: „a“ gehört nicht in eine Telefonnummer"),
        "{}",
        refused.body
    );

    let saved = editor.post("/api/redaktion/feld", &form).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert!(saved.body.contains("Saved"), "{}", saved.body);
    let detail = anonymous.get(&format!("/angebot/{id}")).await;
    assert!(
        detail.body.contains("02541 12345"),
        "the public page shows the new number"
    );

    let stale = [
        ("id", id.as_str()),
        ("version", version.as_str()),
        ("field", "telefon"),
        ("value", "02541 99999"),
    ];
    let conflict = editor.post("/api/redaktion/feld", &stale).await;
    assert_eq!(conflict.status, 409, "{}", conflict.body);
    assert!(
        conflict.body.contains("02541 12345"),
        "the conflict names the current value: {}",
        conflict.body
    );

    let history = editor.get(&format!("/api/redaktion/verlauf?id={id}")).await;
    assert_eq!(history.status, 200);
    assert!(
        history.body.contains("02541 12345") && history.body.contains("Robin Redaktion"),
        "{}",
        history.body
    );
    assert_eq!(
        member
            .get(&format!("/api/redaktion/verlauf?id={id}"))
            .await
            .status,
        403
    );

    let current: serde_json::Value = serde_json::from_str(&editor.get(&read).await.body).unwrap();
    let current_version = current["version"].as_i64().unwrap().to_string();
    assert_eq!(
        member
            .post(
                "/api/redaktion/geprueft",
                &[("id", &id), ("version", &current_version)]
            )
            .await
            .status,
        403
    );
    let checked = editor
        .post(
            "/api/redaktion/geprueft",
            &[("id", &id), ("version", &current_version)],
        )
        .await;
    assert_eq!(checked.status, 200, "{}", checked.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editors_overview_archive_and_the_public_stale_flag() {
    let running = start().await;
    let anonymous = Visitor::new(&running);
    let member = signed_in(&running, MEMBER).await;
    let editor = signed_in(&running, EDITOR).await;

    assert_eq!(anonymous.get("/redaktion").await.status, 401);
    assert_eq!(member.get("/redaktion").await.status, 403);
    assert_eq!(member.get("/api/redaktion/pruefliste").await.status, 403);
    let overview = editor.get("/redaktion").await;
    assert_eq!(overview.status, 200);
    assert!(overview.body.contains("Zur Prüfung fällig"));
    assert!(
        overview
            .body
            .contains("Seit über 12 Monaten nicht geprüft, die ältesten zuerst.")
    );
    let offers: serde_json::Value =
        serde_json::from_str(&editor.get("/api/redaktion/pruefliste").await.body).unwrap();
    let offers = offers.as_array().unwrap();
    let oldest = &offers[0];
    assert!(
        overview
            .body
            .contains(&format!("data-offer-id=\"{}\"", oldest["id"])),
        "the oldest offer is listed as due"
    );

    // The demo data has offers unchecked for over two years; their public pages say so.
    let mut flagged = 0;
    for id in offer_ids(&anonymous).await {
        let detail: serde_json::Value =
            serde_json::from_str(&anonymous.get(&format!("/api/offer?id={id}")).await.body)
                .unwrap();
        if detail["long_unchecked"] == true {
            flagged += 1;
            let page = anonymous.get(&format!("/angebot/{id}")).await;
            assert!(page.body.contains("seit über zwei Jahren nicht geprüft"));
        }
    }
    assert!(flagged > 0, "some demo offers are long unchecked");

    // Archive: gone from the public, listed for editors; a member cannot archive.
    let id = offer_ids(&anonymous).await[0].to_string();
    let current: serde_json::Value = serde_json::from_str(
        &editor
            .get(&format!("/api/redaktion/angebot?id={id}"))
            .await
            .body,
    )
    .unwrap();
    let version = current["version"].as_i64().unwrap().to_string();
    let archive = [
        ("id", id.as_str()),
        ("version", version.as_str()),
        ("archived", "true"),
    ];
    assert_eq!(
        member.post("/api/redaktion/archiv", &archive).await.status,
        403
    );
    assert_eq!(
        editor.post("/api/redaktion/archiv", &archive).await.status,
        200
    );
    assert_eq!(anonymous.get(&format!("/angebot/{id}")).await.status, 404);
    assert!(!offer_ids(&anonymous).await.contains(&id.parse().unwrap()));
    assert!(
        editor
            .get("/redaktion")
            .await
            .body
            .contains("Wiederherstellen")
    );
}

/// A complete listing request from an institution.
fn listing_form(stamp: &str, honeypot: &str) -> Vec<(&'static str, String)> {
    vec![
        ("organization", "Familienzentrum Sonnenschein".to_string()),
        ("offer_name", "Elterncafé Sonnenschein".to_string()),
        (
            "description",
            "Offener Treff für Eltern mit Kindern bis drei Jahre, mittwochs.".to_string(),
        ),
        ("street", "Marktplatz 1".to_string()),
        ("postcode", "48653".to_string()),
        ("town", "Coesfeld".to_string()),
        ("contact_name", "Eva Beispiel".to_string()),
        ("contact_email", "eva@example.org".to_string()),
        ("consent", "ja".to_string()),
        ("homepage", honeypot.to_string()),
        ("stamp", stamp.to_string()),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_sharing_form_secret_accept_each_others_form_stamps() {
    let secret = ["--form-secret", "gemeinsames Geheimnis der Instanzen"];
    let first = start_with(&[&["--cookie-secure", "false"][..], &secret[..]].concat()).await;
    let second = start_with(&[&["--cookie-secure", "false"][..], &secret[..]].concat()).await;
    let stranger = start().await;
    let stamp = form_stamp(&Visitor::new(&first), "/eintragen").await;
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    let send = |running: &Running| {
        let visitor = Visitor::new(running);
        let stamp = stamp.clone();
        async move {
            let form = listing_form(&stamp, "");
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            visitor.post("/api/eintragen", &form).await
        }
    };
    let accepted = send(&second).await;
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    let refused = send(&stranger).await;
    assert_eq!(refused.status, 400, "another secret: the stamp is not ours");
    assert!(refused.body.contains("abgelaufen"), "{}", refused.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listing_requests_are_spam_guarded_and_become_offers_only_through_editors() {
    let running = start().await;
    let institution = Visitor::new(&running);
    let stamp = form_stamp(&institution, "/eintragen").await;
    let listing = listing_form;
    let post = |form: Vec<(&'static str, String)>| {
        let institution = &institution;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            institution.post("/api/eintragen", &form).await
        }
    };
    let too_fast = post(listing(&stamp, "")).await;
    assert_eq!(too_fast.status, 400);
    assert!(too_fast.body.contains("zu schnell"), "{}", too_fast.body);
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    let honeypot = post(listing(&stamp, "https://spam.example")).await;
    assert!(
        honeypot.body.contains("Menschen nicht ausfüllen"),
        "{}",
        honeypot.body
    );
    let forged = post(listing("1000.abcdef", "")).await;
    assert_eq!(forged.status, 400, "a forged stamp counts as too fast");
    let mut incomplete = listing(&stamp, "");
    incomplete.retain(|(key, _)| *key != "consent");
    incomplete.push(("consent", String::new()));
    let refused = post(incomplete).await;
    assert_eq!(refused.status, 400);
    assert!(
        refused.body.contains("veröffentlicht werden darf"),
        "{}",
        refused.body
    );

    let accepted = post(listing(&stamp, "")).await;
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    let reference: String = serde_json::from_str(&accepted.body).unwrap();
    assert!(reference.starts_with("CK-"), "{reference}");
    // Five counted posts an hour from one address (the refused incomplete one counted too).
    for _ in 0..3 {
        assert_eq!(post(listing(&stamp, "")).await.status, 200);
    }
    let limited = post(listing(&stamp, "")).await;
    assert_eq!(limited.status, 400);
    assert!(limited.body.contains("viele Meldungen"), "{}", limited.body);

    // Not public until an editor takes it over and publishes it.
    let editor = signed_in(&running, EDITOR).await;
    let member = signed_in(&running, MEMBER).await;
    assert_eq!(member.get("/api/redaktion/anfragen").await.status, 403);
    let request = queued_request(&editor, &reference).await;
    let request_id = request["id"].as_i64().unwrap().to_string();
    assert!(!anonymous_sees(&running, "Elterncafé Sonnenschein").await);
    let approve = [
        ("id", request_id.as_str()),
        ("decision", "uebernommen"),
        ("ort", "05558012"),
    ];
    assert_eq!(
        member
            .post("/api/redaktion/entscheiden", &approve)
            .await
            .status,
        403
    );
    let approved = editor.post("/api/redaktion/entscheiden", &approve).await;
    assert_eq!(approved.status, 200, "{}", approved.body);
    let offer_id: i64 = serde_json::from_str::<Option<i64>>(&approved.body)
        .unwrap()
        .unwrap();
    assert_eq!(
        editor
            .post("/api/redaktion/entscheiden", &approve)
            .await
            .status,
        409
    );
    assert!(
        !anonymous_sees(&running, "Elterncafé Sonnenschein").await,
        "approved, not yet public"
    );
    let offer: serde_json::Value = serde_json::from_str(
        &editor
            .get(&format!("/api/redaktion/angebot?id={offer_id}"))
            .await
            .body,
    )
    .unwrap();
    let version = offer["version"].as_i64().unwrap().to_string();
    let id = offer_id.to_string();
    let publish = [
        ("id", id.as_str()),
        ("version", version.as_str()),
        ("archived", "false"),
    ];
    assert_eq!(
        editor.post("/api/redaktion/archiv", &publish).await.status,
        200
    );
    assert!(
        anonymous_sees(&running, "Elterncafé Sonnenschein").await,
        "published"
    );
}

async fn anonymous_sees(running: &Running, name: &str) -> bool {
    Visitor::new(running)
        .get("/api/offers")
        .await
        .body
        .contains(name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn corrections_reach_the_editors_and_their_decisions_the_history() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    let id = offer_ids(&visitor).await[0].to_string();
    let stamp = form_stamp(&visitor, &format!("/angebot/{id}")).await;
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    let short = visitor
        .post(
            "/api/fehler-melden",
            &[("offer_id", &id), ("message", "falsch"), ("stamp", &stamp)],
        )
        .await;
    assert_eq!(short.status, 400);
    assert!(short.body.contains("zu kurz"), "{}", short.body);
    let reported = visitor
        .post(
            "/api/fehler-melden",
            &[
                ("offer_id", &id),
                ("message", "Die Telefonnummer stimmt nicht mehr."),
                ("stamp", &stamp),
            ],
        )
        .await;
    assert_eq!(reported.status, 200, "{}", reported.body);

    let editor = signed_in(&running, EDITOR).await;
    let queue: serde_json::Value =
        serde_json::from_str(&editor.get("/api/redaktion/anfragen").await.body).unwrap();
    let request_id = queue[0]["id"].as_i64().unwrap().to_string();
    let reject = [("id", request_id.as_str()), ("decision", "abgelehnt")];
    let without_reason = editor.post("/api/redaktion/entscheiden", &reject).await;
    assert_eq!(without_reason.status, 400);
    assert!(without_reason.body.contains("Grund"));
    let applied = [("id", request_id.as_str()), ("decision", "eingearbeitet")];
    assert_eq!(
        editor
            .post("/api/redaktion/entscheiden", &applied)
            .await
            .status,
        200
    );
    let history = editor
        .get(&format!("/api/redaktion/verlauf?id={id}"))
        .await
        .body;
    assert!(history.contains("eingearbeitet"), "{history}");
    assert!(
        editor
            .get("/redaktion")
            .await
            .body
            .contains("Die Telefonnummer stimmt nicht mehr.")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moving_an_offer_follows_the_municipality_boundaries() {
    let running = start().await;
    let anonymous = Visitor::new(&running);
    let editor = signed_in(&running, EDITOR).await;
    let id = offer_ids(&anonymous).await[0].to_string();
    let version = || async {
        let offer: serde_json::Value = serde_json::from_str(
            &editor
                .get(&format!("/api/redaktion/angebot?id={id}"))
                .await
                .body,
        )
        .unwrap();
        offer["version"].as_i64().unwrap().to_string()
    };
    let v = version().await;
    let outside = editor
        .post(
            "/api/redaktion/standort",
            &[
                ("id", &id),
                ("version", &v),
                ("street", "Unter den Linden 1"),
                ("postcode", "10117"),
                ("town", "Berlin"),
                ("lat", "52,5170"),
                ("lon", "13.3889"),
            ],
        )
        .await;
    assert_eq!(outside.status, 400);
    assert!(
        outside
            .body
            .contains("außerhalb des Gebiets „Kreis Coesfeld“"),
        "{}",
        outside.body
    );
    let moved = editor
        .post(
            "/api/redaktion/standort",
            &[
                ("id", &id),
                ("version", &v),
                ("street", "Marktstraße 1"),
                ("postcode", "48249"),
                ("town", "Dülmen"),
                ("lat", "51.8307"),
                ("lon", "7.2795"),
            ],
        )
        .await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    let detail: serde_json::Value =
        serde_json::from_str(&anonymous.get(&format!("/api/offer?id={id}")).await.body).unwrap();
    assert_eq!(detail["address"]["municipality"], "Dülmen");
    assert_eq!(detail["address"]["street"], "Marktstraße 1");
    let history = editor
        .get(&format!("/api/redaktion/verlauf?id={id}"))
        .await
        .body;
    assert!(
        history.contains("standort") && history.contains("Marktstraße 1"),
        "{history}"
    );
    let stale = editor
        .post(
            "/api/redaktion/standort",
            &[
                ("id", &id),
                ("version", &v),
                ("street", "Markt 2"),
                ("postcode", "48653"),
                ("town", "Coesfeld"),
                ("lat", "51.9459"),
                ("lon", "7.1675"),
            ],
        )
        .await;
    assert_eq!(stale.status, 409);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vocabulary_fields_come_as_checkbox_lists() {
    let running = start().await;
    let editor = signed_in(&running, EDITOR).await;
    let id = offer_ids(&Visitor::new(&running)).await[0].to_string();
    let offer: serde_json::Value = serde_json::from_str(
        &editor
            .get(&format!("/api/redaktion/angebot?id={id}"))
            .await
            .body,
    )
    .unwrap();
    let version = offer["version"].as_i64().unwrap().to_string();
    let none = editor
        .post(
            "/api/redaktion/feld",
            &[("id", &id), ("version", &version), ("field", "themen")],
        )
        .await;
    assert_eq!(none.status, 400);
    assert!(
        none.body
            .contains("Themen: Bitte wählen Sie mindestens ein Thema."),
        "{}",
        none.body
    );
    let saved = editor
        .post(
            "/api/redaktion/feld",
            &[
                ("id", &id),
                ("version", &version),
                ("field", "themen"),
                ("values[]", "gesundheit"),
                ("values[]", "beratung"),
            ],
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let offer: serde_json::Value = serde_json::from_str(
        &editor
            .get(&format!("/api/redaktion/angebot?id={id}"))
            .await
            .body,
    )
    .unwrap();
    let topics = offer["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|pair| pair[0] == "Topics")
        .unwrap()[1]
        .clone();
    assert_eq!(topics, "beratung,gesundheit");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_listing_shows_the_typed_text_again_as_text_only() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    let stamp = form_stamp(&visitor, "/eintragen").await;
    let attack = "Treff</textarea><script>alert(1)</script>";
    let mut form = listing_form(&stamp, "");
    form.retain(|(key, _)| *key != "description" && *key != "consent");
    form.push(("description", attack.to_string()));
    form.push(("consent", String::new()));
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // Refused (no consent): the browser is sent back to the form, which shows the text again.
    let refused = visitor.post_form("/api/eintragen", &form).await;
    assert_eq!(refused.status, 302, "{}", refused.body);
    let page = visitor.get("/eintragen").await;
    assert!(
        page.body
            .contains("Treff&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("<script>alert(1)"), "{}", page.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_continues_only_to_a_path_on_this_site() {
    let running = start().await;
    let member = demo(&running, MEMBER);
    for (next, expected) in [
        ("/netzwerk?q=anna", "/netzwerk?q=anna"),
        ("/\t/boese.example/x", "/"),
        ("/\n/boese.example", "/"),
        ("//boese.example", "/"),
        ("https://boese.example/", "/"),
    ] {
        let next = next.to_string();
        let visitor = Visitor::new(&running);
        let login = visitor
            .post_form(
                "/api/anmelden",
                &[
                    ("email", member.email),
                    ("password", member.password.as_str()),
                    ("next", next.as_str()),
                ],
            )
            .await;
        assert_eq!(login.status, 302, "{next:?}: {}", login.body);
        assert_eq!(login.headers["location"], expected, "{next:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_proxy_the_address_it_appended_is_throttled_not_what_the_client_wrote() {
    let running = start_with(&["--cookie-secure", "false", "--trust-forwarded-for"]).await;
    let stamp = form_stamp(&Visitor::new(&running), "/eintragen").await;
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    let client = reqwest::Client::new();
    let mut statuses = Vec::new();
    let mut last = String::new();
    // The client writes a new address each time; the proxy appends the same real one.
    for i in 0..6 {
        let form = listing_form(&stamp, "");
        let reply = client
            .post(format!("{}/api/eintragen", running.base))
            .header("origin", &running.base)
            .header("x-forwarded-for", format!("10.0.0.{i}, 198.51.100.9"))
            .form(&form)
            .send()
            .await
            .unwrap();
        statuses.push(reply.status().as_u16());
        last = reply.text().await.unwrap();
    }
    // Five posts an hour from one address, then a pause.
    assert_eq!(statuses, [200, 200, 200, 200, 200, 400], "{last}");
    assert!(last.contains("viele Meldungen"), "{last}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passwords_are_worked_on_only_for_real_tokens_and_guessing_is_throttled() {
    let running = start().await;
    let anonymous = Visitor::new(&running);
    let password = [
        ("new_password", "ein langes neues Passwort"),
        ("repeat_password", "ein langes neues Passwort"),
    ];
    // A token with a control character: no panic, no header built from it.
    let sneaky = anonymous
        .post_form(
            "/api/einladung",
            &[&[("token", "abc\tdef\r\nX-Evil: 1")][..], &password[..]].concat(),
        )
        .await;
    assert_eq!(sneaky.status, 302, "{}", sneaky.body);
    assert_eq!(sneaky.headers["location"], "/anmelden");
    // A well-formed token that was never issued: the German reason.
    let unknown = "0".repeat(64);
    let refused = anonymous
        .post(
            "/api/einladung",
            &[&[("token", unknown.as_str())][..], &password[..]].concat(),
        )
        .await;
    assert_eq!(refused.status, 404, "{}", refused.body);
    assert!(
        refused.body.contains("Einladung ist ungültig"),
        "{}",
        refused.body
    );

    // Guessing a signed-in account's current password ends like guessing at the login.
    let member = signed_in(&running, MEMBER).await;
    let wrong = [
        ("current_password", "falsch geraten"),
        ("new_password", "ein langes neues Passwort"),
        ("repeat_password", "ein langes neues Passwort"),
    ];
    let mut statuses = Vec::new();
    for _ in 0..7 {
        statuses.push(member.post("/api/passwort", &wrong).await.status);
    }
    // As at the login: a few free failures, then a pause.
    assert_eq!(statuses, [400, 400, 400, 400, 400, 400, 429]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_wrong_logins_are_counted_before_any_password_is_checked() {
    async fn statuses(visitor: &Visitor, emails: Vec<String>) -> Vec<u16> {
        let mut parallel = tokio::task::JoinSet::new();
        for email in emails {
            let visitor = visitor.clone();
            parallel.spawn(async move { visitor.login(&email, "falsches Passwort").await.status });
        }
        parallel.join_all().await
    }
    let count = |statuses: &[u16], status: u16| statuses.iter().filter(|s| **s == status).count();
    let running = start().await;
    let visitor = Visitor::new(&running);
    // One account, thirty guesses at once: as in sequence, six are checked, the rest wait.
    let member = DEMO_ACCOUNTS[MEMBER].email.to_string();
    let by_account = statuses(&visitor, vec![member; 30]).await;
    assert_eq!(
        (count(&by_account, 401), count(&by_account, 429)),
        (6, 24),
        "{by_account:?}"
    );
    // One address, forty accounts at once: twenty-one checked (six of them above), the rest wait.
    let accounts = (0..40).map(|i| format!("raten{i}@example.org")).collect();
    let by_address = statuses(&visitor, accounts).await;
    assert_eq!(
        (count(&by_address, 401), count(&by_address, 429)),
        (15, 25),
        "{by_address:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn control_characters_in_any_field_never_reach_a_header() {
    const SNEAKY: &str = "/\t/evil.example/x\r\nX-Evil: 1";
    let running = start().await;
    // Every route that answers a plain form post with a redirect, each string field sneaky.
    const OFFER: &str = "organization offer_name description street postcode town";
    let listing =
        format!("{OFFER} contact_name contact_email contact_phone consent homepage stamp");
    let new_offer = format!("{OFFER} ort lat lon");
    let routes = [
        ("/api/anmelden", "email password next"),
        ("/api/abmelden", ""),
        (
            "/api/passwort",
            "current_password new_password repeat_password",
        ),
        ("/api/einladung", "token new_password repeat_password"),
        ("/api/eintragen", listing.as_str()),
        (
            "/api/fehler-melden",
            "offer_id=1 message contact_email homepage stamp",
        ),
        ("/api/redaktion/feld", "id=1 version=1 field value"),
        ("/api/redaktion/geprueft", "id=1 version=1"),
        ("/api/redaktion/archiv", "id=1 version=1 archived"),
        ("/api/redaktion/zuruecknehmen", "change_id=1"),
        (
            "/api/redaktion/standort",
            "id=1 version=1 street postcode town lat lon",
        ),
        ("/api/redaktion/entscheiden", "id=1 decision reason ort"),
        ("/api/redaktion/neu", new_offer.as_str()),
        ("/api/planung/kinderzahl", "ags stichtag anzahl"),
        (
            "/api/nachrichten/speichern",
            "orte[] themen[] phasen[] haeufigkeit",
        ),
        ("/api/nachrichten/beenden", ""),
        ("/api/verwaltung/einladen", "email name role"),
        ("/api/verwaltung/rolle", "account_id=1 role"),
        ("/api/verwaltung/aktiv", "account_id=1 active"),
    ];
    let check = |what: &str, reply: &common::Reply| {
        assert!(
            reply.status < 500,
            "{what}: {} {}",
            reply.status,
            reply.body
        );
        assert!(!reply.headers.contains_key("x-evil"), "{what}");
        if let Some(location) = reply.headers.get("location") {
            let location = location.to_str().unwrap();
            assert!(
                location.starts_with('/')
                    && !location.starts_with("//")
                    && !location.contains("evil.example/x")
                    && !location.chars().any(char::is_control),
                "{what}: {location:?}"
            );
        }
    };
    for visitor in [Visitor::new(&running), signed_in(&running, ADMIN).await] {
        for (path, fields) in routes {
            let form: Vec<(&str, &str)> = fields
                .split_whitespace()
                .map(|field| field.split_once('=').unwrap_or((field, SNEAKY)))
                .collect();
            check(path, &visitor.post_form(path, &form).await);
            check(path, &visitor.post(path, &form).await);
        }
        let language = format!(
            "/sprache?zu=de&zurueck={}",
            SNEAKY
                .bytes()
                .map(|byte| format!("%{byte:02X}"))
                .collect::<String>()
        );
        check("/sprache", &visitor.get(&language).await);
    }
    // Still serving: nothing above took a worker down.
    assert_eq!(Visitor::new(&running).get("/").await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_listing_request_is_checked_like_an_editors_field() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    let stamp = form_stamp(&visitor, "/eintragen").await;
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    let post = |changes: Vec<(&'static str, &'static str)>| {
        let mut form = listing_form(&stamp, "");
        for (name, value) in changes {
            form.retain(|(field, _)| *field != name);
            form.push((name, value.to_string()));
        }
        let visitor = visitor.clone();
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            visitor.post("/api/eintragen", &form).await
        }
    };
    let phone = post(vec![(
        "contact_phone",
        "=HYPERLINK(\"http://evil.example\")",
    )])
    .await;
    assert_eq!(phone.status, 400, "{}", phone.body);
    assert!(
        phone.body.contains("gehört nicht in eine Telefonnummer"),
        "{}",
        phone.body
    );
    let control = post(vec![("town", "Coes\u{1b}feld")]).await;
    assert_eq!(control.status, 400, "{}", control.body);
    assert!(control.body.contains("Steuerzeichen"), "{}", control.body);
    let good = post(vec![("contact_phone", "02541  18-0")]).await;
    assert_eq!(good.status, 200, "{}", good.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_accounts_get_new_passwords_each_start_and_stay_out_of_real_databases() {
    let data = tempfile::tempdir().unwrap();
    let database_url = format!("sqlite:{}", data.path().join("demo.db").display());
    let start = |demo_mode: bool| {
        let database_url = database_url.clone();
        async move {
            let mut options = vec!["--database-url", &database_url, "--cookie-secure", "false"];
            if demo_mode {
                options.push("--demo-data");
            }
            common::run_server(tempfile::tempdir().unwrap(), &options).await
        }
    };
    let login = |running: &Running, password: &str| {
        let (visitor, email, password) = (
            Visitor::new(running),
            DEMO_ACCOUNTS[ADMIN].email,
            password.to_string(),
        );
        async move { visitor.login(email, &password).await.status }
    };
    let first = start(true).await;
    let (_, first_password) = first.demo_login(ADMIN);
    assert_eq!(first_password.len(), 20);
    assert!(!first.output().contains("demo-verwaltung-2026"));
    assert_eq!(login(&first, &first_password).await, 200);
    drop(first);

    // The next demo start: a new password; the old one no longer opens the account.
    let second = start(true).await;
    let (_, second_password) = second.demo_login(ADMIN);
    assert_ne!(first_password, second_password);
    assert_eq!(login(&second, &first_password).await, 401);
    assert_eq!(login(&second, &second_password).await, 200);
    drop(second);

    // Without demo mode the demo accounts are out of use.
    let production = start(false).await;
    assert!(!production.output().contains("Demo-Konto"));
    assert_eq!(login(&production, &second_password).await, 401);
    drop(production);

    // A database with a real offer refuses demo accounts: the start ends with the reason.
    use sqlx::Connection;
    let mut db = sqlx::SqliteConnection::connect(&database_url)
        .await
        .unwrap();
    sqlx::query("UPDATE offers SET is_demo = FALSE WHERE id = (SELECT MIN(id) FROM offers)")
        .execute(&mut db)
        .await
        .unwrap();
    drop(db);
    let said = common::start_refused(&[
        "--database-url",
        &database_url,
        "--demo-data",
        "--cookie-secure",
        "false",
    ]);
    assert!(said.contains("1 echte Angebote"), "{said}");
    assert!(!said.contains("Passwort:"), "{said}");
}
