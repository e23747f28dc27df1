//! The editors' CSV export and import over real HTTP against the real server with the demo
//! data: a round trip changes nothing, a broken file is refused with line and column and
//! changes nothing, an import upserts by external id in one transaction with the importer in
//! the history, and HSDS JSON is accepted too.

mod common;

use common::{Running, Visitor, csv_fields, import_token as token_of, signed_in, start};

/// Uploads a file for the dry run, then answers the import page.
async fn check(visitor: &Visitor, name: &str, content: &str) -> String {
    visitor.check_import(name, content).await
}
use server::demo::{MEMBER_CONTACT_MARKER, MEMBER_NOTE_MARKER};
use server::demo_accounts::DEMO_ACCOUNTS;
use sqlx::Connection;

const MEMBER: usize = 0;
const EDITOR: usize = 1;

async fn count_changes(running: &Running) -> i64 {
    let mut db = sqlx::SqliteConnection::connect(&running.database_url)
        .await
        .unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM offer_changes")
        .fetch_one(&mut db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_are_for_editors_and_mark_internal_columns() {
    let running = start().await;
    let anonymous = Visitor::new(&running);
    assert_eq!(anonymous.get("/redaktion/angebote.csv").await.status, 401);
    let member = signed_in(&running, MEMBER).await;
    assert_eq!(member.get("/redaktion/angebote.csv").await.status, 403);
    assert!(
        !member
            .get("/redaktion/import")
            .await
            .body
            .contains("Datei prüfen")
    );
    let editor = signed_in(&running, EDITOR).await;
    let public = editor.get("/redaktion/angebote.csv").await;
    assert_eq!(public.status, 200);
    assert!(!public.body.contains("intern:"));
    assert!(
        !public.body.contains(MEMBER_NOTE_MARKER) && !public.body.contains(MEMBER_CONTACT_MARKER)
    );
    let internal = editor.get("/redaktion/angebote.csv?intern=1").await;
    let header = internal.body.lines().next().unwrap();
    assert!(header.contains("intern:interne_notiz") && header.contains("intern:ansprechpersonen"));
    assert!(internal.body.contains(MEMBER_NOTE_MARKER));
    assert!(
        internal.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("mit-internen-feldern")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_trip_changes_nothing() {
    let running = start().await;
    let editor = signed_in(&running, EDITOR).await;
    // A formula typed into a field: every CSV download gives it as text, and our own import
    // reads it back exactly as typed.
    const FORMULA: &str = "=HYPERLINK(\"http://evil.example\";\"Hilfe\")";
    let id = common::public_offer_id(&running, 0).await;
    let saved = editor.save_field(id, "name", FORMULA).await;
    assert!(saved.body.contains("Saved"), "{}", saved.body);
    for path in ["/redaktion/angebote.csv", "/api/hsds/tabular/services.csv"] {
        let download = editor.get(path).await.body;
        let cells: Vec<String> = csv::Reader::from_reader(download.as_bytes())
            .records()
            .flat_map(|record| {
                record
                    .unwrap()
                    .iter()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(cells.contains(&format!("'{FORMULA}")), "{path}");
        assert!(!cells.iter().any(|cell| cell.starts_with('=')), "{path}");
    }
    for path in [
        "/redaktion/angebote.csv",
        "/redaktion/angebote.csv?intern=1",
    ] {
        let export = editor.get(path).await.body;
        let offers = csv::Reader::from_reader(export.as_bytes())
            .records()
            .count();
        let page = check(&editor, "angebote.csv", &export).await;
        assert!(
            page.contains(&format!("0 neu, 0 geändert, {offers} unverändert")),
            "{path}: {page}"
        );
        assert!(page.contains("Keine Änderungen"));
    }
    // Our own HSDS export finds its offers again.
    let hsds = editor
        .get("/api/hsds/services?full=true&per_page=100")
        .await
        .body;
    let page = check(&editor, "services.json", &hsds).await;
    assert!(
        page.contains("0 neu, 0 geändert, 100 unverändert"),
        "{page}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_file_is_refused_line_by_line_and_nothing_changes() {
    let running = start().await;
    let editor = signed_in(&running, EDITOR).await;
    let export = editor.get("/redaktion/angebote.csv").await.body;
    let mut reader = csv::Reader::from_reader(export.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let duplicate = records[0].get(column("externe_id")).unwrap().to_string();
    let mut set = |row: usize, name: &str, value: &str| {
        let mut fields: Vec<String> = records[row].iter().map(str::to_string).collect();
        fields[column(name)] = value.to_string();
        records[row] = csv::StringRecord::from(fields);
    };
    set(0, "telefon", "bitte anrufen");
    set(1, "themen", "zauberei");
    set(2, "gemeinde", "Gotham");
    set(3, "lat", "48.137");
    set(3, "lon", "11.575");
    set(4, "externe_id", &duplicate);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).unwrap();
    for record in &records {
        writer.write_record(record).unwrap();
    }
    let broken = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    // Descriptions have no line breaks in the demo data: record n is on line n + 2.
    assert_eq!(broken.lines().count(), records.len() + 1);

    let before = editor.get("/api/v1/offers?pro_seite=200").await.body;
    let changes_before = count_changes(&running).await;
    // Leptos leaves `<!>` markers between parts of a text.
    let page = check(&editor, "kaputt.csv", &broken)
        .await
        .replace("<!>", "");
    assert!(
        page.contains("wurde nicht importiert – nichts wurde geändert"),
        "{page}"
    );
    for (line, column, text) in [
        (2, "telefon", "gehört nicht in eine Telefonnummer"),
        (3, "themen", "zauberei"),
        (4, "gemeinde", "Gotham"),
        (5, "lat", "außerhalb des Kreises"),
        (6, "externe_id", "schon in Zeile 2"),
    ] {
        let row = format!("<td>{line}</td><td>{column}</td><td>");
        let at = page
            .find(&row)
            .unwrap_or_else(|| panic!("no problem {row} in {page}"));
        let message = &page[at + row.len()..].split("</td>").next().unwrap();
        assert!(message.contains(text), "line {line}: {message}");
    }
    assert!(!page.contains("Jetzt importieren"));
    assert_eq!(
        editor.get("/api/v1/offers?pro_seite=200").await.body,
        before
    );
    assert_eq!(count_changes(&running).await, changes_before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_upserts_by_external_id_all_at_once_with_the_importer_in_the_history() {
    let running = start().await;
    let editor = signed_in(&running, EDITOR).await;
    let export = editor.get("/redaktion/angebote.csv").await.body;
    let mut lines: Vec<String> = export.lines().map(str::to_string).collect();
    let first = csv_fields(&lines[1]);
    let header: Vec<String> = lines[0].split(',').map(str::to_string).collect();
    let at = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let write = |fields: &[String]| {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(fields).unwrap();
        String::from_utf8(writer.into_inner().unwrap())
            .unwrap()
            .trim_end()
            .to_string()
    };
    let mut renamed = first.clone();
    renamed[at("name")] = "Umbenannt durch Import".into();
    lines[1] = write(&renamed);
    let mut new = first.clone();
    new[at("externe_id")] = "import-neu-1".into();
    new[at("name")] = "Ganz neues Importangebot".into();
    new[at("organisation")] = "Neue Einrichtung aus dem Import".into();
    lines.push(write(&new));
    let file = lines.join("\n") + "\n";

    let page = check(&editor, "angebote.csv", &file).await;
    assert!(page.contains("1 neu, 1 geändert"), "{page}");
    assert!(page.contains("Ganz neues Importangebot"));
    assert!(page.contains("Umbenannt durch Import"));
    // The dry run saved nothing.
    let public = editor.get("/api/v1/offers?q=Importangebot").await.body;
    assert!(public.contains("\"total\":0"), "{public}");

    let token = token_of(&page);
    let reply = editor
        .post_form("/redaktion/import/ausfuehren", &[("token", &token)])
        .await;
    assert_eq!(reply.status, 303);
    let page = editor.get("/redaktion/import").await.body;
    assert!(page.contains("abgeschlossen: 1 neu, 1 geändert"), "{page}");
    let found: serde_json::Value = serde_json::from_str(
        &editor
            .get("/api/v1/offers?q=Ganz+neues+Importangebot")
            .await
            .body,
    )
    .unwrap();
    assert_eq!(found["total"], 1);
    assert_eq!(
        found["items"][0]["organization"]["name"],
        "Neue Einrichtung aus dem Import"
    );
    assert_eq!(found["items"][0]["external_id"], "import-neu-1");
    let renamed: serde_json::Value = serde_json::from_str(
        &editor
            .get("/api/v1/offers?q=Umbenannt+durch+Import")
            .await
            .body,
    )
    .unwrap();
    assert_eq!(renamed["total"], 1);

    // Who imported what: the editor's account on every change.
    let mut db = sqlx::SqliteConnection::connect(&running.database_url)
        .await
        .unwrap();
    let editor_id: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1")
        .bind(DEMO_ACCOUNTS[EDITOR].email)
        .fetch_one(&mut db)
        .await
        .unwrap();
    let history: Vec<(String, String, Option<i64>)> = sqlx::query_as(
        "SELECT field, new_value, account_id FROM offer_changes WHERE new_value LIKE '%Import%'",
    )
    .fetch_all(&mut db)
    .await
    .unwrap();
    assert!(
        history
            .iter()
            .any(|(field, value, _)| field == "name" && value == "Umbenannt durch Import")
    );
    assert!(
        history
            .iter()
            .any(|(field, value, _)| field == "import" && value.contains("import-neu-1"))
    );
    assert!(
        history
            .iter()
            .all(|(_, _, account)| *account == Some(editor_id))
    );

    // The same check cannot be imported twice.
    let again = editor
        .post_form("/redaktion/import/ausfuehren", &[("token", &token)])
        .await;
    assert_eq!(again.status, 409);
    // Importing the same file again changes nothing more.
    let page = check(&editor, "angebote.csv", &file).await;
    assert!(page.contains("0 neu, 0 geändert"), "{page}");
}
