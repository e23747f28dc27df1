//! Backup and restore, round trip: a backup taken while the server runs, restored into an empty
//! database, holds every row of every table — on SQLite with `server backup` / `server
//! restore`, on PostgreSQL with the `pg_dump` / `pg_restore` commands the README gives.

mod common;

use std::process::{Command, Stdio};

use common::{Visitor, signed_in, temp_postgres};
use sqlx::{Connection, Row};

const EDITOR: usize = 1;

/// Runs the server binary with `args`; its exit status and what it said.
fn server(args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), said)
}

/// `server backup --to FILE` on the database at `url`.
fn backup(url: &str, to: &str) -> (bool, String) {
    server(&["--database-url", url, "backup", "--to", to])
}

/// `server restore --from FILE` into the database at `url`.
fn restore(url: &str, from: &str) -> (bool, String) {
    server(&["--database-url", url, "restore", "--from", from])
}

/// Saves one field as the demo editor, so the history holds an entry.
async fn edit_something(running: &common::Running) {
    let editor = signed_in(running, EDITOR).await;
    let id = common::public_offer_id(running, 0).await;
    let saved = editor.save_field(id, "telefon", "02541 55 66 77").await;
    assert!(saved.body.contains("Saved"), "{}", saved.body);
}

/// Every row of every table of a SQLite database, as text, table by table.
async fn sqlite_rows(url: &str) -> Vec<(String, Vec<String>)> {
    let mut db = sqlx::SqliteConnection::connect(url).await.unwrap();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&mut db)
    .await
    .unwrap();
    let mut all = Vec::new();
    for table in tables {
        let columns: Vec<String> =
            sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .fetch_all(&mut db)
                .await
                .unwrap();
        let row_text = columns
            .iter()
            .map(|column| format!("quote(\"{column}\")"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let mut rows: Vec<String> =
            sqlx::query_scalar(&format!("SELECT {row_text} FROM \"{table}\""))
                .fetch_all(&mut db)
                .await
                .unwrap();
        rows.sort();
        all.push((table, rows));
    }
    all
}

/// Every row of every table of a PostgreSQL database, as text, table by table.
async fn postgres_rows(url: &str) -> Vec<(String, Vec<String>)> {
    let mut db = sqlx::PgConnection::connect(url).await.unwrap();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    )
    .fetch_all(&mut db)
    .await
    .unwrap();
    let mut all = Vec::new();
    for table in tables {
        let rows = sqlx::query(&format!(
            "SELECT (t.*)::text AS row FROM \"{table}\" t ORDER BY 1"
        ))
        .fetch_all(&mut db)
        .await
        .unwrap();
        let rows = rows.iter().map(|row| row.get::<String, _>("row")).collect();
        all.push((table, rows));
    }
    all
}

fn assert_same(original: &[(String, Vec<String>)], restored: &[(String, Vec<String>)]) {
    let names = |tables: &[(String, Vec<String>)]| -> Vec<String> {
        tables.iter().map(|(name, _)| name.clone()).collect()
    };
    assert_eq!(names(original), names(restored));
    for ((table, rows), (_, back)) in original.iter().zip(restored) {
        assert_eq!(rows.len(), back.len(), "{table}");
        assert!(rows == back, "{table} differs after the restore");
    }
    let count = |table: &str| {
        original
            .iter()
            .find(|(name, _)| name == table)
            .map_or(0, |(_, rows)| rows.len())
    };
    assert!(count("offers") > 300, "the demo offers are in the backup");
    assert!(count("offer_changes") > 0, "and the history");
    assert!(count("accounts") >= 3, "and the accounts");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_backup_taken_while_running_restores_every_row() {
    let data = tempfile::tempdir().unwrap();
    let live = format!("sqlite:{}", data.path().join("live.db").display());
    let copy = data.path().join("sicherung.db");
    let restored = format!("sqlite:{}", data.path().join("neu/restored.db").display());
    let running = common::start_demo_on(&live).await;
    edit_something(&running).await;
    // Taken while the server runs.
    let (ok, said) = backup(&live, copy.to_str().unwrap());
    assert!(ok, "{said}");
    assert!(said.contains("Sicherung geschrieben"), "{said}");
    drop(running);
    // A backup never overwrites a file.
    let (ok, said) = backup(&live, copy.to_str().unwrap());
    assert!(!ok && said.contains("gibt es schon"), "{said}");

    let (ok, said) = restore(&restored, copy.to_str().unwrap());
    assert!(ok, "{said}");
    assert_same(&sqlite_rows(&live).await, &sqlite_rows(&restored).await);
    // A restore goes only into an empty database, and only from a real backup.
    let (ok, said) = restore(&restored, copy.to_str().unwrap());
    assert!(!ok && said.contains("nicht leer"), "{said}");
    let junk = data.path().join("kein-backup.db");
    std::fs::write(&junk, "kein SQLite").unwrap();
    let elsewhere = format!("sqlite:{}", data.path().join("anders.db").display());
    let (ok, said) = restore(&elsewhere, junk.to_str().unwrap());
    assert!(!ok && said.contains("keine lesbare Sicherung"), "{said}");

    // The restored database serves the edit.
    let again = common::run_server(
        tempfile::tempdir().unwrap(),
        &["--database-url", &restored, "--cookie-secure", "false"],
    )
    .await;
    assert!(Visitor::new(&again).get("/").await.body.contains("Angebot"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgres_dump_restores_every_row() {
    let (Some(live_db), Some(restored_db)) =
        (temp_postgres("live").await, temp_postgres("restored").await)
    else {
        return;
    };
    let (live, restored) = (live_db.url.clone(), restored_db.url.clone());
    let running = common::start_demo_on(&live).await;
    edit_something(&running).await;
    // `server backup` points to pg_dump for PostgreSQL.
    let dump_file = tempfile::tempdir().unwrap();
    let dump = dump_file.path().join("chancenkarte.dump");
    let (ok, said) = backup(&live, dump.to_str().unwrap());
    assert!(!ok && said.contains("pg_dump"), "{said}");
    // The README's commands, taken while the server runs.
    let status = Command::new("pg_dump")
        .args(["--format=custom", "--file", dump.to_str().unwrap(), &live])
        .status()
        .unwrap();
    assert!(status.success());
    drop(running);
    let status = Command::new("pg_restore")
        .args([
            "--no-owner",
            "--exit-on-error",
            "--dbname",
            &restored,
            dump.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let same = (postgres_rows(&live).await, postgres_rows(&restored).await);
    live_db.drop_database().await;
    restored_db.drop_database().await;
    assert_same(&same.0, &same.1);
}
