//! The institutions' self-service over real HTTP against the real server with the demo data:
//! an editor enters a confirmation address and makes a link; the link's page shows the
//! organisation's offers with public fields only (no internal note, no protected street, no
//! contact address); "Stimmt noch" moves the offer's date and names the institution in its
//! history; "Ändern" becomes a request with its diff that the editor applies from the queue;
//! "Gibt es nicht mehr" becomes a request to archive. Tampered, revoked and expired links, and
//! a link used on another organisation's offer, are refused and change nothing.

mod common;

use common::{Visitor, assert_no_member_data, desk_id, first_public_offer, signed_in, start_with};

const MEMBER: usize = 0;
const EDITOR: usize = 1;
const SECRET: &str = "gemeinsames Geheimnis der Bestätigungs-Tests";
const INTERNAL: &str = "NUR-INTERN: Leitung ruft unter 0171 5550100 zurück";
const CONTACT: &str = "leitung.bestaetigung@example.org";

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|error| panic!("{error}: {body}"))
}

/// The public fields of offer `id` as the open-data API gives them.
async fn public_offer(visitor: &Visitor, id: i64) -> serde_json::Value {
    let reply = visitor.get(&format!("/api/v1/offers/{id}")).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    json(&reply.body)
}

/// The queue's entry of the open request about offer `id` asked through a link.
async fn open_proposal(editor: &Visitor, id: i64) -> Option<serde_json::Value> {
    let queue = json(&editor.get("/api/redaktion/anfragen").await.body);
    queue
        .as_array()
        .unwrap()
        .iter()
        .find(|request| {
            request["offer_id"] == id
                && request["status"] == "Open"
                && request["from_institution"] == true
        })
        .cloned()
}

/// An institution's action through its link: `what` (`stimmt`, `aendern`, `eingestellt`) for
/// offer `offer` with the link's `token` and further fields, as code posts it.
async fn act(
    visitor: &Visitor,
    what: &str,
    token: &str,
    offer: i64,
    fields: &[(&str, &str)],
) -> common::Reply {
    let offer = offer.to_string();
    let mut form = vec![("token", token), ("angebot", offer.as_str())];
    form.extend_from_slice(fields);
    visitor
        .post(&format!("/api/bestaetigen/{what}"), &form)
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_institution_keeps_its_offers_right_through_its_own_link_only() {
    let running = start_with(&["--cookie-secure", "false", "--form-secret", SECRET]).await;
    let anonymous = Visitor::new(&running);
    let editor = signed_in(&running, EDITOR).await;
    let member = signed_in(&running, MEMBER).await;
    let (offer_id, offer_name, organization) = first_public_offer(&anonymous).await;

    // The editors' pages: editors only.
    assert_eq!(anonymous.get("/redaktion/einrichtungen").await.status, 401);
    assert_eq!(member.get("/redaktion/einrichtungen").await.status, 403);
    let search = reqwest::Url::parse_with_params(
        &format!("{}/redaktion/einrichtungen", running.base),
        &[("suche", &organization)],
    )
    .unwrap();
    let list = editor
        .get(&format!(
            "/redaktion/einrichtungen?{}",
            search.query().unwrap()
        ))
        .await;
    assert_eq!(list.status, 200);
    let org = desk_id(&list.body);
    let org_text = org.to_string();

    // Member-only data on the offer: an internal note and a place only editors may see.
    let saved = editor.save_field(offer_id, "interne_notiz", INTERNAL).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let saved = editor
        .save_field(offer_id, "schutzadresse", "ort-redaktion")
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);

    // A confirmation address: checked, then entered once.
    let refused = editor
        .post(
            "/api/redaktion/einrichtung/adresse",
            &[("einrichtung", &org_text), ("email", "kein-at-zeichen")],
        )
        .await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    let added = editor
        .post(
            "/api/redaktion/einrichtung/adresse",
            &[("einrichtung", &org_text), ("email", CONTACT)],
        )
        .await;
    assert_eq!(added.status, 200, "{}", added.body);
    // Nobody but an editor makes a link.
    for outsider in [&anonymous, &member] {
        let made = outsider
            .post(
                "/api/redaktion/einrichtung/link",
                &[("einrichtung", &org_text)],
            )
            .await;
        assert!(matches!(made.status, 401 | 403), "{}", made.body);
    }
    let made = editor
        .post(
            "/api/redaktion/einrichtung/link",
            &[("einrichtung", &org_text)],
        )
        .await;
    assert_eq!(made.status, 200, "{}", made.body);
    let url: String = serde_json::from_str(&made.body).unwrap();
    let path = url
        .strip_prefix(&running.base)
        .unwrap_or_else(|| panic!("{url} starts with {}", running.base))
        .to_string();
    let token = path.split_once("token=").unwrap().1.to_string();

    // The page: the organisation's offers, public fields only.
    let page = anonymous.get(&path).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains(&organization) && page.body.contains("Stimmt noch"));
    assert!(page.body.contains(&format!("id=\"angebot-{offer_id}\"")));
    assert!(
        page.body.contains("Adresse geschützt"),
        "protected place said"
    );
    assert!(!page.body.contains(INTERNAL), "internal note leaked");
    assert!(!page.body.contains(CONTACT), "confirmation address leaked");
    assert!(page.body.contains("noindex") && page.body.contains("same-origin"));
    assert_no_member_data("the confirmation page", &page.body);
    let detail = public_offer(&anonymous, offer_id).await;
    let street = detail["address"]["street"].as_str().unwrap_or_default();
    assert!(street.is_empty(), "the API hides the street too: {detail}");

    // Tampered, cut or foreign tokens: refused with the reason, nothing shown.
    let mut flipped = token.clone().into_bytes();
    let last = flipped.len() - 1;
    flipped[last] = if flipped[last] == b'0' { b'1' } else { b'0' };
    let flipped = String::from_utf8(flipped).unwrap();
    for bad in [flipped.as_str(), &token[..token.len() - 1], "1.00", ""] {
        let refused = anonymous.get(&format!("/bestaetigen?token={bad}")).await;
        assert_eq!(refused.status, 400, "{bad}");
        assert!(refused.body.contains("ungültig"), "{bad}");
        assert!(!refused.body.contains(&offer_name), "{bad}");
        let confirm = act(&anonymous, "stimmt", bad, offer_id, &[]).await;
        assert_eq!(confirm.status, 400, "{bad}: {}", confirm.body);
    }

    // Another organisation's offer through this link: refused, its date unchanged.
    let others = json(&anonymous.get("/api/v1/offers?pro_seite=200").await.body);
    let foreign = others["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["organization"]["name"] != organization.as_str())
        .expect("another organisation's offer")
        .clone();
    let foreign_id = foreign["id"].as_i64().unwrap();
    let before = public_offer(&anonymous, foreign_id).await["last_checked"].clone();
    let refused = act(&anonymous, "stimmt", &token, foreign_id, &[]).await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(refused.body.contains("gehört nicht"), "{}", refused.body);
    assert_eq!(
        public_offer(&anonymous, foreign_id).await["last_checked"],
        before
    );
    let changed = act(
        &anonymous,
        "aendern",
        &token,
        foreign_id,
        &[("telefon", "02541 1")],
    )
    .await;
    assert_eq!(changed.status, 400, "{}", changed.body);
    assert!(open_proposal(&editor, foreign_id).await.is_none());

    // "Stimmt noch": today's date, the institution named in the history.
    let today = chrono::Local::now().date_naive().to_string();
    let confirmed = anonymous
        .post_form(
            "/api/bestaetigen/stimmt",
            &[("token", &token), ("angebot", &offer_id.to_string())],
        )
        .await;
    assert_eq!(confirmed.status, 302, "{}", confirmed.body);
    let back = confirmed.headers["location"].to_str().unwrap();
    assert!(
        back.starts_with("/bestaetigen?token=") && back.ends_with(&format!("#angebot-{offer_id}")),
        "{back}"
    );
    assert_eq!(
        public_offer(&anonymous, offer_id).await["last_checked"],
        today
    );
    let history = editor
        .get(&format!("/api/redaktion/verlauf?id={offer_id}"))
        .await;
    let history = json(&history.body);
    assert_eq!(history[0]["field"], "bestaetigt", "{history}");
    assert_eq!(
        history[0]["account_name"],
        "die Einrichtung (Bestätigungslink)"
    );

    // "Ändern": checked like an editor's input; taken as a request with its diff.
    let bad = act(
        &anonymous,
        "aendern",
        &token,
        offer_id,
        &[("telefon", "=HYPERLINK(1)")],
    )
    .await;
    assert_eq!(bad.status, 400, "{}", bad.body);
    assert!(bad.body.contains("Telefon"), "{}", bad.body);
    let phone_before = public_offer(&anonymous, offer_id).await["phone"].clone();
    let asked = act(
        &anonymous,
        "aendern",
        &token,
        offer_id,
        &[
            ("name", &offer_name),
            ("telefon", "02541 9999-0"),
            ("nachricht", "Neue Durchwahl seit Dezember."),
        ],
    )
    .await;
    assert_eq!(asked.status, 200, "{}", asked.body);
    assert_eq!(
        public_offer(&anonymous, offer_id).await["phone"],
        phone_before,
        "not before an editor applies it"
    );
    let request = open_proposal(&editor, offer_id).await.expect("queued");
    let proposed = request["proposed"].as_array().unwrap();
    assert_eq!(proposed.len(), 1, "only what changed: {proposed:?}");
    assert_eq!(proposed[0]["field"], "telefon");
    assert_eq!(proposed[0]["old"], phone_before);
    assert_eq!(proposed[0]["new"], "02541 9999-0");
    let queue_page = editor.get("/redaktion").await.body;
    assert!(queue_page.contains("proposal-diff") && queue_page.contains("02541 9999-0"));
    let applied = editor
        .post(
            "/api/redaktion/entscheiden",
            &[
                ("id", &request["id"].to_string()),
                ("decision", "eingearbeitet"),
            ],
        )
        .await;
    assert_eq!(applied.status, 200, "{}", applied.body);
    assert_eq!(
        public_offer(&anonymous, offer_id).await["phone"],
        "02541 9999-0"
    );

    // "Gibt es nicht mehr": a request to archive; the offer stays until an editor decides.
    let ended = act(
        &anonymous,
        "eingestellt",
        &token,
        offer_id,
        &[("nachricht", "Zum Jahresende eingestellt.")],
    )
    .await;
    assert_eq!(ended.status, 200, "{}", ended.body);
    let request = open_proposal(&editor, offer_id).await.expect("queued");
    assert_eq!(request["proposed"][0]["new"], "archiviert");
    assert_eq!(
        anonymous
            .get(&format!("/api/v1/offers/{offer_id}"))
            .await
            .status,
        200
    );

    // The organisation's log: opened, confirmed, change and end asked.
    let desk = editor.get(&format!("/redaktion/einrichtungen/{org}")).await;
    assert_eq!(desk.status, 200);
    for said in [
        "Link geöffnet",
        "Angebot bestätigt",
        "Änderung gewünscht",
        "Gibt es nicht mehr",
        CONTACT,
    ] {
        assert!(desk.body.contains(said), "{said} in the log");
    }
    assert_eq!(
        anonymous
            .get(&format!("/redaktion/einrichtungen/{org}"))
            .await
            .status,
        401
    );

    // Revoked: the page and every action refuse the link.
    let revoked = editor
        .post(
            "/api/redaktion/einrichtung/sperren",
            &[("einrichtung", &org_text)],
        )
        .await;
    assert_eq!(revoked.status, 200, "{}", revoked.body);
    let page = anonymous.get(&path).await;
    assert_eq!(page.status, 400);
    assert!(page.body.contains("gesperrt"), "{}", page.body);
    let confirm = act(&anonymous, "stimmt", &token, offer_id, &[]).await;
    assert_eq!(confirm.status, 400);

    // Expired: a link whose end has passed, signed with the server's secret.
    let pool = sqlx::SqlitePool::connect(&running.database_url)
        .await
        .unwrap();
    let (link_id,): (i64,) = sqlx::query_as(
        "INSERT INTO confirmation_links (organization_id, created_at, expires_at) VALUES ($1, 1, 2) RETURNING id",
    )
    .bind(org)
    .fetch_one(&pool)
    .await
    .unwrap();
    let secret = app::requests::form_stamp::shared_secret(SECRET).unwrap();
    let expired = app::confirmations::service::token_of(
        &secret,
        &app::confirmations::model::ConfirmationLink {
            id: link_id,
            organization_id: org,
            created_at: 1,
            expires_at: 2,
            revoked_at: None,
            opened_at: None,
        },
    );
    let page = anonymous
        .get(&format!("/bestaetigen?token={expired}"))
        .await;
    assert_eq!(page.status, 400);
    assert!(page.body.contains("abgelaufen"), "{}", page.body);
    // Moved to another organisation, the same token no longer holds at all.
    sqlx::query(
        "UPDATE confirmation_links SET organization_id = $1, expires_at = 4102444800 WHERE id = $2",
    )
    .bind(org + 1)
    .bind(link_id)
    .execute(&pool)
    .await
    .unwrap();
    let page = anonymous
        .get(&format!("/bestaetigen?token={expired}"))
        .await;
    assert_eq!(page.status, 400);
    assert!(page.body.contains("ungültig"), "{}", page.body);
    assert!(
        !running.output().contains(INTERNAL),
        "the log holds no internal note"
    );
}
