//! The public read model stays true: after every kind of write (edit, check, move, archive,
//! publish, a new offer, an import, an approved listing) the very next public request shows
//! it — the offers payload, the offer page, the map page, `/api/v1` and HSDS — on SQLite and on
//! PostgreSQL; two instances on one PostgreSQL see each other's edits within a second; the
//! offers payload answers 304 to a current copy and 200 after a change.

mod common;

use std::time::{Duration, Instant};

use app::open_data::hsds::hsds_id;
use common::{
    Running, Visitor, form_stamp, public_offer_id, queued_request, send_listing, signed_in, start,
    start_demo_on,
};

const EDITOR: usize = 1;

/// What the public sees of offer `id` through each of its views.
struct PublicViews {
    /// The offer's name in the offers payload, if it is there.
    in_payload: Option<String>,
    page: (u16, String),
    map_page: String,
    api: (u16, serde_json::Value),
    hsds: (u16, String),
}

async fn public_views(visitor: &Visitor, id: i64) -> PublicViews {
    let in_payload = common::public_offers(visitor)
        .await
        .into_iter()
        .find_map(|(offer, name)| (offer == id).then_some(name));
    let page = visitor.get(&format!("/angebot/{id}")).await;
    let api = visitor.get(&format!("/api/v1/offers/{id}")).await;
    let hsds = visitor
        .get(&format!("/api/hsds/services/{}", hsds_id("service", id)))
        .await;
    PublicViews {
        in_payload,
        page: (page.status, page.body),
        // The map page carries the offer it opens (its list page only holds 20).
        map_page: visitor.get(&format!("/?angebot={id}")).await.body,
        api: (
            api.status,
            serde_json::from_str(&api.body).unwrap_or_default(),
        ),
        hsds: (hsds.status, hsds.body),
    }
}

impl PublicViews {
    /// Fails unless every view shows the offer under `name`.
    fn assert_shown_as(&self, name: &str, after: &str) {
        assert_eq!(
            self.in_payload.as_deref(),
            Some(name),
            "payload after {after}"
        );
        assert_eq!(self.page.0, 200, "offer page after {after}");
        assert!(self.page.1.contains(name), "offer page after {after}");
        assert!(self.map_page.contains(name), "map page after {after}");
        assert_eq!(self.api.0, 200, "/api/v1 after {after}");
        assert_eq!(self.api.1["name"], name, "/api/v1 after {after}");
        assert_eq!(self.hsds.0, 200, "HSDS after {after}");
        assert!(self.hsds.1.contains(name), "HSDS after {after}");
    }

    /// Fails unless no view shows the offer (named `name`).
    fn assert_gone(&self, name: &str, after: &str) {
        assert_eq!(self.in_payload, None, "payload after {after}");
        assert_eq!(self.page.0, 404, "offer page after {after}");
        assert!(!self.map_page.contains(name), "map page after {after}");
        assert_eq!(self.api.0, 404, "/api/v1 after {after}");
        assert_eq!(self.hsds.0, 404, "HSDS after {after}");
    }
}

async fn version_of(editor: &Visitor, id: i64) -> String {
    editor.offer_version(id).await
}

async fn post_ok(editor: &Visitor, path: &str, form: &[(&str, &str)]) -> String {
    let reply = editor.post(path, form).await;
    assert_eq!(reply.status, 200, "{path}: {}", reply.body);
    reply.body
}

/// Every kind of editors' write, each followed at once by the public views.
async fn editors_writes_show_at_once(running: &Running) {
    let public = Visitor::new(running);
    let editor = signed_in(running, EDITOR).await;
    let id = public_offer_id(running, 5).await;
    let id_text = id.to_string();
    // Every view read once first: the read model holds them all when the writes come.
    let before = public_views(&public, id).await;
    let old_name = before.in_payload.clone().unwrap();
    before.assert_shown_as(&old_name, "the start");

    let name = "Frisch bearbeitetes Elterncafé";
    let saved = editor.save_field(id, "name", name).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    public_views(&public, id)
        .await
        .assert_shown_as(name, "an edit");

    let version = version_of(&editor, id).await;
    post_ok(
        &editor,
        "/api/redaktion/geprueft",
        &[("id", &id_text), ("version", &version)],
    )
    .await;
    let today = chrono::Local::now().date_naive().to_string();
    let checked = public_views(&public, id).await;
    assert_eq!(
        checked.api.1["last_checked"],
        today.as_str(),
        "after a check"
    );

    let version = version_of(&editor, id).await;
    post_ok(
        &editor,
        "/api/redaktion/standort",
        &[
            ("id", &id_text),
            ("version", &version),
            ("street", "Neuer Weg 7"),
            ("postcode", "48653"),
            ("town", "Coesfeld"),
            ("lat", "51.94711"),
            ("lon", "7.16822"),
        ],
    )
    .await;
    let moved = public_views(&public, id).await;
    assert_eq!(
        moved.api.1["address"]["street"], "Neuer Weg 7",
        "after a move"
    );
    assert!(
        moved.page.1.contains("Neuer Weg 7"),
        "offer page after a move"
    );

    let archive = |archived: &'static str| {
        let editor = editor.clone();
        let id_text = id_text.clone();
        async move {
            let version = version_of(&editor, id).await;
            post_ok(
                &editor,
                "/api/redaktion/archiv",
                &[
                    ("id", &id_text),
                    ("version", &version),
                    ("archived", archived),
                ],
            )
            .await;
        }
    };
    archive("true").await;
    public_views(&public, id)
        .await
        .assert_gone(name, "archiving");
    archive("false").await;
    public_views(&public, id)
        .await
        .assert_shown_as(name, "publishing");

    // A new offer: a draft is not public, published it is.
    let created = post_ok(
        &editor,
        "/api/redaktion/neu",
        &[
            ("organization", "Frische Einrichtung"),
            ("offer_name", "Ganz frisches Angebot"),
            (
                "description",
                "Ein neues Angebot für Familien, gleich nach dem Anlegen.",
            ),
            ("street", "Marktplatz 2"),
            ("postcode", "48653"),
            ("town", "Coesfeld"),
            ("ort", "05558012"),
        ],
    )
    .await;
    let new_id: i64 = serde_json::from_str(&created).unwrap();
    public_views(&public, new_id)
        .await
        .assert_gone("Ganz frisches Angebot", "a new draft");
    publish(&editor, new_id).await;
    public_views(&public, new_id)
        .await
        .assert_shown_as("Ganz frisches Angebot", "publishing a new offer");
}

/// Sends `file` through the editors' import (dry run, then the import itself).
async fn import_file(editor: &Visitor, file: &str) {
    let page = editor.check_import("angebote.csv", file).await;
    let token = common::import_token(&page);
    let done = editor
        .post_form("/redaktion/import/ausfuehren", &[("token", &token)])
        .await;
    assert_eq!(done.status, 303);
}

/// Publishes offer `id` (takes it out of the archive, or publishes a new one).
async fn publish(editor: &Visitor, id: i64) {
    let version = version_of(editor, id).await;
    post_ok(
        editor,
        "/api/redaktion/archiv",
        &[
            ("id", &id.to_string()),
            ("version", &version),
            ("archived", "false"),
        ],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_write_shows_on_the_next_public_request_on_sqlite() {
    let running = start().await;
    editors_writes_show_at_once(&running).await;

    // An import renames an offer.
    let public = Visitor::new(&running);
    let editor = signed_in(&running, EDITOR).await;
    let export = editor.get("/redaktion/angebote.csv").await.body;
    let mut lines: Vec<String> = export.lines().map(str::to_string).collect();
    // An offer whose name stands plainly (unquoted) in the first exported line.
    let (imported_id, old_name) = common::public_offers(&public)
        .await
        .into_iter()
        .find(|(_, name)| lines[1].contains(&format!(",{name},")))
        .expect("the first exported offer is public");
    public_views(&public, imported_id).await;
    lines[1] = lines[1].replacen(&format!(",{old_name},"), ",Durch den Import umbenannt,", 1);
    import_file(&editor, &(lines.join("\n") + "\n")).await;
    public_views(&public, imported_id)
        .await
        .assert_shown_as("Durch den Import umbenannt", "an import");

    // A listing request, approved and published.
    let institution = Visitor::new(&running);
    let stamp = form_stamp(&institution, "/eintragen").await;
    tokio::time::sleep(Duration::from_millis(3100)).await;
    let sent = send_listing(
        &institution,
        &stamp,
        "Verein Frischer Wind",
        "Frisch gemeldetes Spielcafé",
        "Offener Treff für Eltern mit Kindern bis drei Jahre, dienstags.",
        "Marktplatz 3",
    )
    .await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    let reference: String = serde_json::from_str(&sent.body).unwrap();
    let request_id = queued_request(&editor, &reference).await["id"].to_string();
    let approved = post_ok(
        &editor,
        "/api/redaktion/entscheiden",
        &[
            ("id", &request_id),
            ("decision", "uebernommen"),
            ("ort", "05558012"),
        ],
    )
    .await;
    let offer_id = serde_json::from_str::<Option<i64>>(&approved)
        .unwrap()
        .unwrap();
    publish(&editor, offer_id).await;
    public_views(&public, offer_id)
        .await
        .assert_shown_as("Frisch gemeldetes Spielcafé", "an approved listing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_write_shows_on_the_next_public_request_on_postgres() {
    let Some(database) = common::temp_postgres("read_model").await else {
        return;
    };
    {
        let running = start_demo_on(&database.url).await;
        editors_writes_show_at_once(&running).await;
    }
    database.drop_database().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_on_one_postgres_see_each_others_edits_within_a_second() {
    let Some(database) = common::temp_postgres("read_model_instances").await else {
        return;
    };
    {
        let first = start_demo_on(&database.url).await;
        let second = start_demo_on(&database.url).await;
        let id = public_offer_id(&first, 2).await;
        let reader = Visitor::new(&second);
        // The second instance holds the offer in its read model before the edit.
        let before = public_views(&reader, id).await;
        let name = "Über die andere Instanz geändert";
        assert_ne!(before.in_payload.as_deref(), Some(name));
        // Each start gives the demo accounts new passwords: the second start's count.
        let editor = Visitor::new(&first);
        let (email, password) = second.demo_login(EDITOR);
        assert_eq!(editor.login(email, &password).await.status, 200);
        let saved = editor.save_field(id, "name", name).await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        let edited = Instant::now();
        loop {
            let seen = common::public_offers(&reader)
                .await
                .into_iter()
                .any(|(offer, shown)| offer == id && shown == name);
            if seen {
                break;
            }
            assert!(
                edited.elapsed() < Duration::from_secs(1),
                "the second instance still shows the old name after a second"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        println!("seen by the other instance after {:?}", edited.elapsed());
        public_views(&reader, id)
            .await
            .assert_shown_as(name, "an edit elsewhere");
    }
    database.drop_database().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_offers_payload_revalidates_by_its_entity_tag() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    let first = visitor
        .get_with("/api/offers", &[("accept-encoding", "br")])
        .await;
    assert_eq!(first.status, 200);
    assert_eq!(first.headers["content-encoding"], "br");
    assert_eq!(first.headers["cache-control"], "public, no-cache");
    let etag = first.headers["etag"].to_str().unwrap().to_string();
    assert!(!etag.starts_with("W/"), "a strong tag: {etag}");
    let again = visitor
        .get_with(
            "/api/offers",
            &[("accept-encoding", "gzip"), ("if-none-match", &etag)],
        )
        .await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());

    let editor = signed_in(&running, EDITOR).await;
    let id = public_offer_id(&running, 0).await;
    let saved = editor.save_field(id, "name", "Mit neuem Namen").await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let changed = visitor
        .get_with("/api/offers", &[("if-none-match", &etag)])
        .await;
    assert_eq!(changed.status, 200, "the old copy is no longer current");
    assert_ne!(changed.headers["etag"].to_str().unwrap(), etag);
    assert!(changed.body.contains("Mit neuem Namen"));
}

/// The script sources a page's policy allows (`'nonce-…'`, `'sha256-…'`).
fn script_sources(reply: &common::Reply) -> Vec<String> {
    let policy = reply.headers["content-security-policy"].to_str().unwrap();
    policy
        .split(';')
        .find(|directive| directive.trim().starts_with("script-src"))
        .unwrap()
        .split_whitespace()
        .filter(|source| source.starts_with("'nonce-") || source.starts_with("'sha256-"))
        .map(str::to_string)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_map_page_is_kept_for_anonymous_visitors_only() {
    let running = start().await;
    let anonymous = Visitor::new(&running);
    let first = anonymous.get("/").await;
    let second = anonymous.get("/").await;
    assert_eq!(second.status, 200);
    assert_eq!(
        first.body, second.body,
        "the kept page is answered as rendered"
    );
    assert_eq!(second.headers["cache-control"], "public, no-cache");
    let etag = second.headers["etag"].to_str().unwrap().to_string();
    // A kept page's scripts are allowed by their hashes: its bytes never change.
    let sources = script_sources(&second);
    assert!(!sources.is_empty());
    assert!(
        sources.iter().all(|source| source.starts_with("'sha256-")),
        "{sources:?}"
    );
    let revalidated = anonymous.get_with("/", &[("if-none-match", &etag)]).await;
    assert_eq!(revalidated.status, 304);

    // Each language is kept apart.
    let arabic = anonymous.get_with("/", &[("accept-language", "ar")]).await;
    assert!(arabic.body.contains("dir=\"rtl\""));
    assert!(anonymous.get("/").await.body.contains("dir=\"ltr\""));

    // A signed-in member's page is rendered for them, with a fresh nonce, and not stored.
    let member = signed_in(&running, 0).await;
    let own = member.get("/").await;
    assert_eq!(own.status, 200);
    assert_eq!(own.headers["cache-control"], "no-store");
    let nonces = script_sources(&own);
    assert!(
        nonces.iter().all(|source| source.starts_with("'nonce-")),
        "{nonces:?}"
    );
    assert_ne!(script_sources(&member.get("/").await), nonces);

    // A search that finds nothing is counted for the planners each time: never kept.
    let nothing = anonymous
        .get("/?q=Quokkazentrum+Meier&thema=gesundheit")
        .await;
    assert!(script_sources(&nothing)[0].starts_with("'nonce-"));
    assert_eq!(nothing.headers["cache-control"], "no-store");
    // No response carries the internal marker.
    for reply in [&first, &second, &own, &nothing] {
        assert!(!reply.headers.contains_key("x-chancenkarte-shared-page"));
    }
}
